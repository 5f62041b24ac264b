import { describe, expect, it } from 'vitest';
import { build835, header, splitSegments } from '../../../../tests/fixtures/x12/835/build-835.js';
import { checkBalancing } from './balancing.js';
import { parseEra835 } from './era-835.js';
import { formatUsd } from './money.js';

const parse = (segments: string[]) => parseEra835(splitSegments(build835(segments)));

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [7, '$0.07'],
    [18000, '$180.00'],
    [-250, '−$2.50'],
    [123456789, '$1,234,567.89'],
  ])('%i → %s', (cents, text) => {
    expect(formatUsd(cents)).toBe(text);
  });
});

describe('checkBalancing', () => {
  it('finds nothing wrong with a balanced remittance (line, claim and file rules)', () => {
    const era = parse([
      ...header('167.5'),
      'LX*1',
      'CLP*PT1001-1*1*180*110*20*12*P1',
      'SVC*HC:97140:GP*120*80**2',
      'CAS*CO*45*20',
      'CAS*PR*2*20',
      'SVC*HC:97124:GP*60*30**1',
      'CAS*CO*45*30',
      'CLP*PT1002-1*1*100*80**12*P2',
      'CAS*CO*45*20',
      'PLB*1234567893*20261231*WO:P9*25*L6*-2.5',
    ]);
    expect(checkBalancing(era)).toEqual([]);
  });

  it('reports each broken rule in plain words with the amounts', () => {
    const era = parse([
      ...header('200'),
      'LX*1',
      // Line 2 pays 10.00 more than its charge less adjustments; the claim is 10.00 off too.
      'CLP*PT1001-1*1*180*110**12*P1',
      'SVC*HC:97140:GP*120*80**2',
      'CAS*CO*45*40',
      'REF*6R*PT1001-1-1',
      'SVC*HC:97124:GP*60*30**1',
      'CAS*CO*45*20',
      'REF*6R*PT1001-1-2',
      'PLB*1234567893*20261231*WO:P9*25',
    ]);
    const problems = checkBalancing(era);
    expect(problems.map((p) => p.message)).toEqual([
      'Claim PT1001-1 line 2 (97124, line control PT1001-1-2): charge $60.00 − adjustments $20.00 ≠ paid $30.00 (off by $10.00)',
      'Claim PT1001-1: charge $180.00 − adjustments $60.00 ≠ paid $110.00 (off by $10.00)',
      'Remittance trace EFT0001: claims paid $110.00 − provider adjustments $25.00 ≠ payment $200.00 (off by $115.00)',
    ]);
    expect(problems[1]).toMatchObject({
      level: 'claim',
      patientControlNumber: 'PT1001-1',
      expectedCents: 12000,
      reportedCents: 11000,
      differenceCents: 1000,
    });
    expect(problems[2]).toMatchObject({
      level: 'file',
      expectedCents: 8500,
      reportedCents: 20000,
      differenceCents: -11500,
    });
  });

  it('balances a reversal and its correction (negative amounts)', () => {
    const era = parse([
      ...header('10'),
      'LX*1',
      'CLP*PT1001-1*22*-180*-110*-20*12*P1',
      'CAS*CO*45*-50',
      'CAS*PR*2*-20',
      'CLP*PT1001-1*1*180*120*20*12*P1',
      'CAS*CO*45*40',
      'CAS*PR*2*20',
    ]);
    expect(checkBalancing(era)).toEqual([]);
  });

  it('counts a debit (BPR03 D) against the provider', () => {
    const era = parse(
      [...header('25'), 'PLB*1234567893*20261231*WO:P9*25'].map((s) => s.replace('*C*ACH', '*D*ACH')),
    );
    expect(era.payment.creditDebit).toBe('D');
    expect(checkBalancing(era)).toEqual([]);
  });
});
