import { describe, expect, it } from 'vitest';
import { billabilityProblem, formatCode, normalizeCode, parseOrderFileLine } from './icd10cm-code.js';

const line = (order: string, code: string, flag: string, short: string, long: string) =>
  `${order} ${code.padEnd(7)} ${flag} ${short.padEnd(60)} ${long}\r`;

describe('parseOrderFileLine', () => {
  it('reads the fixed-width columns of the CDC order file', () => {
    expect(parseOrderFileLine(line('20077', 'M542', '1', 'Cervicalgia', 'Cervicalgia'))).toEqual({
      code: 'M542',
      billable: true,
      shortDescription: 'Cervicalgia',
      longDescription: 'Cervicalgia',
    });
    expect(parseOrderFileLine(line('20086', 'M545', '0', 'Low back pain', 'Low back pain'))?.billable).toBe(
      false,
    );
    expect(parseOrderFileLine('\r')).toBeUndefined();
  });

  it('refuses a line of another format', () => {
    expect(() => parseOrderFileLine('M542    Cervicalgia')).toThrow(/Not an ICD-10-CM order-file line/);
  });
});

describe('codes', () => {
  it.each([
    ['m54.2', 'M542'],
    [' S13.4XXA ', 'S134XXA'],
    ['M542', 'M542'],
    ['54.2', undefined],
    ['cervicalgia', undefined],
  ])('normalizeCode(%s) → %s', (input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });

  it.each([
    ['M542', 'M54.2'],
    ['S134XXA', 'S13.4XXA'],
    ['M54', 'M54'],
  ])('formatCode(%s) → %s', (code, shown) => {
    expect(formatCode(code)).toBe(shown);
  });
});

describe('billabilityProblem', () => {
  const cervicalgia = {
    code: 'M542',
    billable: true,
    shortDescription: 'Cervicalgia',
    longDescription: 'Cervicalgia',
  };
  const lowBackHeader = {
    code: 'M545',
    billable: false,
    shortDescription: 'Low back pain',
    longDescription: 'Low back pain',
  };
  const sprainHeader = {
    code: 'S134',
    billable: false,
    shortDescription: 'Sprain',
    longDescription: 'Sprain',
  };

  it('accepts a billable code', () => {
    expect(billabilityProblem('M54.2', cervicalgia, [])).toBeUndefined();
  });

  it('explains a header such as M54.5 (not billable since FY2022)', () => {
    expect(billabilityProblem('M54.5', lowBackHeader, ['M5450', 'M5451', 'M5459'])).toEqual({
      kind: 'header',
      message:
        'M54.5 is a category heading, not a billable code. Choose a more specific code, e.g. M54.50, M54.51, M54.59.',
      suggestions: ['M54.50', 'M54.51', 'M54.59'],
    });
  });

  it('asks for the 7th character of an injury code', () => {
    const problem = billabilityProblem('S13.4', sprainHeader, ['S134XXA', 'S134XXD', 'S134XXS']);
    expect(problem?.kind).toBe('seventh_character');
    expect(problem?.message).toBe(
      'S13.4 needs a 7th character for the encounter (A initial, D subsequent, S sequela), e.g. S13.4XXA, S13.4XXD, S13.4XXS.',
    );
    // Placeholders typed but no 7th character: not in the file, still the 7th-character message.
    expect(billabilityProblem('S13.4XX', undefined, ['S134XXA', 'S134XXD', 'S134XXS'])?.kind).toBe(
      'seventh_character',
    );
  });

  it('says when a code does not exist', () => {
    expect(billabilityProblem('M99.99', undefined, [])).toEqual({
      kind: 'unknown',
      message: 'M99.99 is not an ICD-10-CM code in this edition.',
    });
  });
});
