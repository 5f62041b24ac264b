import { describe, expect, it } from 'vitest';
import { parseClientQuery } from './client-search.js';

describe('parseClientQuery', () => {
  it.each([
    { q: '', expected: { kind: 'all' } },
    { q: '   ', expected: { kind: 'all' } },
    { q: '1985-03-14', expected: { kind: 'dateOfBirth', date: '1985-03-14' } },
    { q: '1985-3-4', expected: { kind: 'dateOfBirth', date: '1985-03-04' } },
    { q: '03/14/1985', expected: { kind: 'dateOfBirth', date: '1985-03-14' } },
    { q: '3/4/1985', expected: { kind: 'dateOfBirth', date: '1985-03-04' } },
    { q: '(555) 123-4567', expected: { kind: 'phone', digits: '5551234567' } },
    { q: '+1 555 123 4567', expected: { kind: 'phone', digits: '15551234567' } },
    { q: '4567', expected: { kind: 'phone', digits: '4567' } },
    { q: '12', expected: { kind: 'text', text: '12' } },
    { q: 'Margret  Smiht', expected: { kind: 'text', text: 'margret smiht' } },
    { q: 'Ana@Example.org', expected: { kind: 'email', text: 'ana@example.org' } },
    { q: 'ana@', expected: { kind: 'email', text: 'ana@' } },
  ])('"$q"', ({ q, expected }) => {
    expect(parseClientQuery(q)).toEqual(expected);
  });
});
