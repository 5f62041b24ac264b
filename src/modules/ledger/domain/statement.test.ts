import { describe, expect, it } from 'vitest';
import { buildStatement, describeEntry, formatUsd, formatUsDate, type StatementEntry } from './statement.js';

const ANA = { clientId: 'client-ana', clientName: 'Ana Lee' };
const AETNA = { payerId: 'payer-aetna', payerName: 'Aetna' };

type Extra = Partial<Pick<StatementEntry, 'code' | 'units' | 'memo' | 'method' | 'payerId' | 'payerName'>>;

function entry(
  bucket: StatementEntry['bucket'],
  kind: StatementEntry['kind'],
  amountCents: number,
  groupKey: string,
  serviceDate: string,
  postedOn: string,
  extra: Extra = {},
): StatementEntry {
  return {
    ...ANA,
    payerId: null,
    payerName: null,
    bucket,
    kind,
    amountCents,
    groupKey,
    serviceDate,
    postedOn,
    code: null,
    units: null,
    memo: null,
    method: null,
    ...extra,
  };
}

const ENTRIES: StatementEntry[] = [
  // Before the period: a self-pay visit, part paid.
  entry('patient', 'charge', 9500, 'note-1', '2026-09-15', '2026-09-15', { code: '97124', units: 4 }),
  entry('patient', 'patient_payment', -5000, 'note-1', '2026-09-15', '2026-09-15', { method: 'card' }),
  // In the period. Given out of order on purpose; the payment of the day before its charge.
  entry('patient', 'adjustment', -1000, 'note-1', '2026-09-15', '2026-10-25', { memo: 'Courtesy  discount' }),
  entry('patient', 'patient_payment', -9000, 'note-2', '2026-10-06', '2026-10-06', { method: 'cash' }),
  entry('patient', 'charge', 9000, 'note-2', '2026-10-06', '2026-10-06', { code: '97140', units: 2 }),
  entry('patient', 'patient_payment', -4500, 'note-1', '2026-09-15', '2026-10-20', { method: 'cheque' }),
  entry('patient', 'reversal', 4500, 'note-1', '2026-09-15', '2026-10-24', { memo: 'Returned check' }),
  // An insured visit: the payer pays, writes down, and leaves the coinsurance to the client.
  entry('insurance', 'charge', 12000, 'claim-1', '2026-10-12', '2026-10-12', {
    ...AETNA,
    code: '97140',
    units: 4,
  }),
  entry('insurance', 'insurance_payment', -8000, 'claim-1', '2026-10-12', '2026-10-30', AETNA),
  entry('insurance', 'contractual_adjustment', -1500, 'claim-1', '2026-10-12', '2026-10-30', AETNA),
  entry('insurance', 'transfer_to_patient', -2500, 'claim-1', '2026-10-12', '2026-10-30', AETNA),
  entry('patient', 'transfer_to_patient', 2500, 'claim-1', '2026-10-12', '2026-10-30', {
    ...AETNA,
    code: '97140',
    units: 4,
    memo: 'Coinsurance',
  }),
  // After the period, before today: a new self-pay visit and a claim still with the payer.
  entry('patient', 'charge', 6000, 'note-3', '2026-11-20', '2026-11-20', { code: '97124', units: 2 }),
  entry('insurance', 'charge', 12000, 'claim-2', '2026-11-05', '2026-11-06', AETNA),
  // After today (posted ahead): ignored for what is due now.
  entry('patient', 'charge', 7000, 'note-4', '2026-11-27', '2026-11-27'),
];

describe('buildStatement', () => {
  const statement = buildStatement(ENTRIES, { from: '2026-10-01', to: '2026-10-31', today: '2026-11-25' });

  it('opens with the patient balance before the period and runs it line by line in date order', () => {
    expect(statement.openingBalanceCents).toBe(4500);
    expect(
      statement.lines.map((l) => [l.postedOn, l.description, l.amountCents, l.balanceCents, l.serviceDate]),
    ).toEqual([
      ['2026-10-06', 'Charge — 97140 × 2 units', 9000, 13500, '2026-10-06'],
      ['2026-10-06', 'Patient payment (cash)', -9000, 4500, '2026-10-06'],
      ['2026-10-20', 'Patient payment (check)', -4500, 0, '2026-09-15'],
      ['2026-10-24', 'Reversal — Returned check', 4500, 4500, '2026-09-15'],
      ['2026-10-25', 'Adjustment — Courtesy discount', -1000, 3500, '2026-09-15'],
      ['2026-10-30', 'Patient responsibility — 97140 × 4 units — Coinsurance', 2500, 6000, '2026-10-12'],
    ]);
    expect(statement.closingBalanceCents).toBe(6000);
  });

  it('sums the period so that opening + charges − payments + refunds + adjustments = closing', () => {
    expect(statement.activity).toEqual({
      chargesCents: 11500,
      paymentsCents: 13500,
      refundsCents: 0,
      adjustmentsCents: 3500,
    });
    const { chargesCents, paymentsCents, refundsCents, adjustmentsCents } = statement.activity;
    expect(
      statement.openingBalanceCents + chargesCents - paymentsCents + refundsCents + adjustmentsCents,
    ).toBe(statement.closingBalanceCents);
  });

  it('makes the amount due the patient balance as of today, aged by date of service', () => {
    expect(statement.amountDueCents).toBe(12000);
    expect(statement.creditCents).toBe(0);
    expect(statement.aging).toEqual({
      current: 6000, // note-3, 5 days
      days31to60: 2500, // claim-1 coinsurance, 44 days
      days61to90: 3500, // note-1, 71 days
      over90: 0,
      total: 12000,
    });
  });

  it('shows what is still with insurance apart from what is due', () => {
    expect(statement.insurancePending).toEqual({
      totalCents: 12000,
      items: [{ ...AETNA, groupKey: 'claim-2', serviceDate: '2026-11-05', amountCents: 12000 }],
    });
  });

  it('takes a credit off the oldest balance first, and shows a larger credit as such', () => {
    const withPrepayment = [
      ...ENTRIES,
      entry('patient', 'patient_payment', -4000, 'entry-1', '2026-11-24', '2026-11-24', { method: 'card' }),
    ];
    const partly = buildStatement(withPrepayment, {
      from: '2026-11-01',
      to: '2026-11-25',
      today: '2026-11-25',
    });
    expect(partly.amountDueCents).toBe(8000);
    expect(partly.aging).toEqual({ current: 6000, days31to60: 2000, days61to90: 0, over90: 0, total: 8000 });

    const overpaid = buildStatement(
      [
        entry('patient', 'charge', 8000, 'note-1', '2026-11-02', '2026-11-02'),
        entry('patient', 'patient_payment', -10000, 'note-1', '2026-11-02', '2026-11-02', { method: 'card' }),
      ],
      { from: '2026-11-01', to: '2026-11-30', today: '2026-11-30' },
    );
    expect(overpaid.amountDueCents).toBe(0);
    expect(overpaid.creditCents).toBe(2000);
    expect(overpaid.closingBalanceCents).toBe(-2000);
    expect(overpaid.aging).toEqual({ current: 0, days31to60: 0, days61to90: 0, over90: 0, total: 0 });
  });

  it('copes with a client without entries', () => {
    const empty = buildStatement([], { from: '2026-11-01', to: '2026-11-30', today: '2026-11-30' });
    expect(empty).toMatchObject({
      openingBalanceCents: 0,
      lines: [],
      closingBalanceCents: 0,
      amountDueCents: 0,
      insurancePending: { totalCents: 0, items: [] },
    });
  });

  it('refuses entries of several clients and a period that ends before it starts', () => {
    const other = {
      ...entry('patient', 'charge', 100, 'n', '2026-11-01', '2026-11-01'),
      clientId: 'client-2',
    };
    expect(() =>
      buildStatement([...ENTRIES, other], { from: '2026-11-01', to: '2026-11-30', today: '2026-11-30' }),
    ).toThrow(/one client/);
    expect(() =>
      buildStatement(ENTRIES, { from: '2026-11-30', to: '2026-11-01', today: '2026-11-30' }),
    ).toThrow(/starts after it ends/);
  });
});

describe('describeEntry', () => {
  const base = { code: null, units: null, memo: null, method: null } as const;
  it.each([
    [{ ...base, kind: 'charge', code: '97124', units: 1 }, 'Charge — 97124 × 1 unit'],
    [{ ...base, kind: 'charge', code: ' G0283 ' }, 'Charge — G0283'],
    [
      { ...base, kind: 'refund', method: 'card', memo: 'Overpayment\nreturned' },
      'Refund (card) — Overpayment returned',
    ],
    [{ ...base, kind: 'patient_payment', method: 'eft' }, 'Patient payment (EFT)'],
    [{ ...base, kind: 'write_off', method: 'cash', memo: '  ' }, 'Write-off'],
  ] as const)('%j', (input, text) => {
    expect(describeEntry(input)).toBe(text);
  });
});

describe('formatting', () => {
  it.each([
    [0, '$0.00'],
    [5, '$0.05'],
    [12345, '$123.45'],
    [-500, '−$5.00'],
    [123456789, '$1,234,567.89'],
  ])('%i cents is %s', (cents, text) => {
    expect(formatUsd(cents)).toBe(text);
  });

  it('writes dates as US forms do', () => {
    expect(formatUsDate('2026-03-07')).toBe('03/07/2026');
    expect(() => formatUsDate('2026-02-30')).toThrow();
  });
});
