import { describe, expect, it } from 'vitest';
import { dateOfBirthProblem, displayName, isValidCalendarDate } from './client.js';

describe('dateOfBirthProblem', () => {
  it.each([
    { dob: '1985-03-14', today: '2026-11-25', problem: undefined },
    { dob: '2026-11-25', today: '2026-11-25', problem: undefined },
    { dob: '2026-11-26', today: '2026-11-25', problem: 'Date of birth cannot be in the future.' },
    { dob: '1899-12-31', today: '2026-11-25', problem: 'Date of birth must be in 1900 or later.' },
  ])('$dob on $today', ({ dob, today, problem }) => {
    expect(dateOfBirthProblem(dob, today)).toBe(problem);
  });
});

describe('isValidCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['1985-3-14', false],
    ['14/03/1985', false],
  ])('%s → %s', (value, valid) => {
    expect(isValidCalendarDate(value)).toBe(valid);
  });
});

describe('displayName', () => {
  it('puts the preferred name first and keeps the legal one', () => {
    expect(displayName({ givenName: 'Margaret', familyName: 'Okafor', preferredName: 'Peggy' })).toBe(
      'Peggy (Margaret) Okafor',
    );
    expect(displayName({ givenName: 'Ana', familyName: 'Silva', preferredName: null })).toBe('Ana Silva');
  });
});
