import { describe, expect, it } from 'vitest';
import { isValidNpi, npiProblem } from './npi.js';

describe('NPI check digit', () => {
  // 1234567893 is the worked example in CMS's check-digit document (prefix 80840, Luhn sum 60 → 3).
  it.each([
    ['1234567893', true],
    ['1234567890', false],
    ['1245319599', true],
    ['1245319598', false],
    ['1003000126', true],
    ['1003000127', false],
    ['2000000008', false],
    ['123456789', false],
    ['12345678931', false],
    ['12345678a3', false],
    ['', false],
  ])('%s → %s', (npi, valid) => {
    expect(isValidNpi(npi)).toBe(valid);
  });

  it('says why an NPI is rejected', () => {
    expect(npiProblem('123')).toMatch(/10 digits/);
    expect(npiProblem('1234567890')).toMatch(/check digit/);
    expect(npiProblem('1234567893')).toBeNull();
  });
});
