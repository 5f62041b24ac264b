import { describe, expect, it } from 'vitest';
import {
  ageInDays,
  agingBucketFor,
  agingReport,
  applyCreditOldestFirst,
  dayNumber,
  openBalances,
  writeOffReport,
  type AgingEntry,
  type ClientAgingRow,
  type PayerAgingRow,
  type WriteOffEntry,
} from './aging.js';

const TODAY = '2026-11-25';

const AETNA = { payerId: 'payer-aetna', payerName: 'Aetna' };
const CIGNA = { payerId: 'payer-cigna', payerName: 'Cigna' };
const NO_PAYER = { payerId: null, payerName: null };
const ANA = { clientId: 'client-ana', clientName: 'Ana Lee' };
const ZOE = { clientId: 'client-zoe', clientName: 'Zoë Ødegård' };

function ins(
  kind: AgingEntry['kind'],
  amountCents: number,
  groupKey: string,
  serviceDate: string,
  payer = AETNA,
  client = ANA,
): AgingEntry {
  return { ...client, ...payer, bucket: 'insurance', groupKey, serviceDate, amountCents, kind };
}

function pat(
  kind: AgingEntry['kind'],
  amountCents: number,
  groupKey: string,
  serviceDate: string,
  client = ANA,
  payer: { payerId: string | null; payerName: string | null } = NO_PAYER,
): AgingEntry {
  return { ...client, ...payer, bucket: 'patient', groupKey, serviceDate, amountCents, kind };
}

const zero = { current: 0, days31to60: 0, days61to90: 0, over90: 0, total: 0, credits: 0 };
const payerRow = (payer: typeof AETNA, buckets: Partial<typeof zero>): PayerAgingRow => ({
  ...payer,
  ...zero,
  ...buckets,
});
const clientRow = (client: typeof ANA, buckets: Partial<typeof zero>): ClientAgingRow => ({
  ...client,
  ...zero,
  ...buckets,
});

describe('dates', () => {
  it.each([
    ['2026-11-25', '2026-11-25', 0],
    ['2026-10-26', '2026-11-25', 30],
    ['2026-08-22', '2026-11-25', 95],
    ['2024-02-28', '2024-03-01', 2], // leap year
    ['2025-12-31', '2026-01-01', 1],
    ['2026-12-01', '2026-11-25', -6],
  ])('from %s to %s is %i days', (serviceDate, today, days) => {
    expect(ageInDays(serviceDate, today)).toBe(days);
  });

  it.each([
    [-6, 'current'],
    [0, 'current'],
    [30, 'current'],
    [31, 'days31to60'],
    [60, 'days31to60'],
    [61, 'days61to90'],
    [90, 'days61to90'],
    [91, 'over90'],
    [400, 'over90'],
  ] as const)('%i days old is %s', (days, bucket) => {
    expect(agingBucketFor(days)).toBe(bucket);
  });

  it.each(['2026-02-30', '2026-13-01', '26-11-25', '2026-11-25T00:00:00Z', ''])('refuses %j', (value) => {
    expect(() => dayNumber(value)).toThrow();
  });
});

describe('agingReport', () => {
  const cases: {
    name: string;
    entries: AgingEntry[];
    byPayer: PayerAgingRow[];
    byClient: ClientAgingRow[];
  }[] = [
    {
      name: 'a charge paid in full leaves nothing',
      entries: [
        ins('charge', 12000, 'claim-1', '2026-09-01'),
        ins('insurance_payment', -9000, 'claim-1', '2026-09-01'),
        ins('contractual_adjustment', -3000, 'claim-1', '2026-09-01'),
        pat('charge', 9500, 'note-1', '2026-06-01'),
        pat('patient_payment', -9500, 'note-1', '2026-06-01'),
      ],
      byPayer: [],
      byClient: [],
    },
    {
      name: 'a partial payment leaves the rest, aged by the date of service (46 days)',
      entries: [
        ins('charge', 12000, 'claim-1', '2026-10-10'),
        ins('insurance_payment', -7000, 'claim-1', '2026-10-10'),
      ],
      byPayer: [payerRow(AETNA, { days31to60: 5000, total: 5000 })],
      byClient: [],
    },
    {
      name: 'a 95-day-old self-pay balance is over 90',
      entries: [
        pat('charge', 9000, 'note-1', '2026-08-22'),
        pat('patient_payment', -2000, 'note-1', '2026-08-22'),
      ],
      byPayer: [],
      byClient: [clientRow(ANA, { over90: 7000, total: 7000 })],
    },
    {
      name: 'a PR transfer moves the copay from the insurance bucket to the patient bucket',
      entries: [
        ins('charge', 10000, 'claim-1', '2026-11-10'),
        ins('insurance_payment', -6000, 'claim-1', '2026-11-10'),
        ins('contractual_adjustment', -1500, 'claim-1', '2026-11-10'),
        ins('transfer_to_patient', -2500, 'claim-1', '2026-11-10'),
        pat('transfer_to_patient', 2500, 'claim-1', '2026-11-10', ANA, AETNA),
      ],
      byPayer: [],
      byClient: [clientRow(ANA, { current: 2500, total: 2500 })],
    },
    {
      name: 'a copay paid without a payer on the entry settles the transferred amount',
      entries: [
        ins('charge', 10000, 'claim-1', '2026-09-20'),
        ins('insurance_payment', -7500, 'claim-1', '2026-09-20'),
        ins('transfer_to_patient', -2500, 'claim-1', '2026-09-20'),
        pat('transfer_to_patient', 2500, 'claim-1', '2026-09-20', ANA, AETNA),
        pat('patient_payment', -2500, 'claim-1', '2026-09-20'),
      ],
      byPayer: [],
      byClient: [],
    },
    {
      name: 'an overpayment is a credit until it is refunded',
      entries: [
        pat('charge', 8000, 'note-1', '2026-10-01'),
        pat('patient_payment', -10000, 'note-1', '2026-10-01'),
        pat('charge', 8000, 'note-2', '2026-10-08', ZOE),
        pat('patient_payment', -10000, 'note-2', '2026-10-08', ZOE),
        pat('refund', 2000, 'note-2', '2026-10-08', ZOE),
      ],
      byPayer: [],
      byClient: [clientRow(ANA, { credits: 2000 })],
    },
    {
      name: 'a reversal cancels its entry: a bounced check puts the balance back',
      entries: [
        pat('charge', 9000, 'note-1', '2026-09-10'),
        pat('patient_payment', -9000, 'note-1', '2026-09-10'),
        pat('reversal', 9000, 'note-1', '2026-09-10'),
        // A charge entered by mistake and reversed: nothing.
        ins('charge', 15000, 'claim-9', '2026-11-01'),
        ins('reversal', -15000, 'claim-9', '2026-11-01'),
      ],
      byPayer: [],
      byClient: [clientRow(ANA, { days61to90: 9000, total: 9000 })],
    },
    {
      name: 'a prepayment on account is a credit, listed apart from the aged balance',
      entries: [
        pat('charge', 6000, 'note-1', '2026-11-20'),
        pat('patient_payment', -5000, 'entry-77', '2026-11-22'),
      ],
      byPayer: [],
      byClient: [clientRow(ANA, { current: 6000, total: 6000, credits: 5000 })],
    },
    {
      name: 'a claim ages from its first date of service; secondary payers are separate items',
      entries: [
        ins('charge', 10000, 'claim-1', '2026-10-20'),
        ins('charge', 10000, 'claim-1', '2026-10-27'),
        ins('insurance_payment', -4000, 'claim-1', '2026-10-27'),
        ins('charge', 3000, 'claim-1', '2026-10-20', CIGNA),
      ],
      byPayer: [
        payerRow(AETNA, { days31to60: 16000, total: 16000 }),
        payerRow(CIGNA, { days31to60: 3000, total: 3000 }),
      ],
      byClient: [],
    },
    {
      name: 'rows are sorted by total, largest first, and spread over the buckets',
      entries: [
        ins('charge', 5000, 'claim-1', '2026-11-25'),
        ins('charge', 4000, 'claim-2', '2026-09-26', AETNA, ZOE), // 60 days
        ins('charge', 20000, 'claim-3', '2026-08-27', CIGNA), // 90 days
        ins('charge', 1000, 'claim-4', '2026-08-26', CIGNA), // 91 days
        pat('charge', 3000, 'note-1', '2026-10-26'), // 30 days
        pat('charge', 7000, 'note-2', '2026-10-25', ZOE), // 31 days
        pat('adjustment', -1000, 'note-2', '2026-10-25', ZOE),
      ],
      byPayer: [
        payerRow(CIGNA, { days61to90: 20000, over90: 1000, total: 21000 }),
        payerRow(AETNA, { current: 5000, days31to60: 4000, total: 9000 }),
      ],
      byClient: [
        clientRow(ZOE, { days31to60: 6000, total: 6000 }),
        clientRow(ANA, { current: 3000, total: 3000 }),
      ],
    },
  ];

  it.each(cases)('$name', ({ entries, byPayer, byClient }) => {
    const report = agingReport(entries, TODAY);
    expect(report.byPayer).toEqual(byPayer);
    expect(report.byClient).toEqual(byClient);
  });

  it('totals each bucket over all rows, credits apart', () => {
    const report = agingReport(
      [
        ins('charge', 5000, 'claim-1', '2026-11-25'),
        ins('charge', 20000, 'claim-3', '2026-08-27', CIGNA),
        ins('insurance_payment', -1200, 'claim-5', '2026-07-01', CIGNA), // payer overpaid an old claim
        pat('charge', 3000, 'note-1', '2026-10-26'),
        pat('charge', 7000, 'note-2', '2026-06-01', ZOE),
        pat('patient_payment', -2500, 'entry-9', '2026-11-02', ZOE),
      ],
      TODAY,
    );
    expect(report.totals).toEqual({
      insurance: { current: 5000, days31to60: 0, days61to90: 20000, over90: 0, total: 25000, credits: 1200 },
      patient: { current: 3000, days31to60: 0, days61to90: 0, over90: 7000, total: 10000, credits: 2500 },
    });
    expect(report.byPayer.find((r) => r.payerId === CIGNA.payerId)?.credits).toBe(1200);
  });

  it('shows insurance money without a payer under "Payer not recorded"', () => {
    const report = agingReport([ins('charge', 4000, 'claim-1', '2026-11-01', NO_PAYER as never)], TODAY);
    expect(report.byPayer).toEqual([
      { payerId: '', payerName: 'Payer not recorded', ...zero, current: 4000, total: 4000 },
    ]);
  });

  it('refuses a malformed date', () => {
    expect(() => agingReport([], '11/25/2026')).toThrow();
    expect(() => agingReport([pat('charge', 100, 'n', '2026-02-31')], TODAY)).toThrow();
  });
});

describe('openBalances', () => {
  it('keeps the payer and the earliest date of the group, and drops settled items', () => {
    expect(
      openBalances([
        pat('transfer_to_patient', 2500, 'claim-1', '2026-10-02', ANA, AETNA),
        pat('patient_payment', -500, 'claim-1', '2026-09-30'),
        pat('charge', 100, 'note-3', '2026-10-02'),
        pat('patient_payment', -100, 'note-3', '2026-10-02'),
      ]),
    ).toEqual([
      {
        ...ANA,
        ...AETNA,
        bucket: 'patient',
        groupKey: 'claim-1',
        serviceDate: '2026-09-30',
        balanceCents: 2000,
      },
    ]);
  });
});

describe('applyCreditOldestFirst', () => {
  it.each([
    [1500, { current: 1000, days31to60: 1500, days61to90: 0, over90: 0, total: 2500 }, 0],
    [3000, { current: 1000, days31to60: 0, days61to90: 0, over90: 0, total: 1000 }, 0],
    [5000, { current: 0, days31to60: 0, days61to90: 0, over90: 0, total: 0 }, 1000],
  ])('a credit of %i', (credit, buckets, unusedCredit) => {
    const before = { current: 1000, days31to60: 2500, days61to90: 0, over90: 500, total: 4000 };
    expect(applyCreditOldestFirst(before, credit)).toEqual({ buckets, unusedCredit });
  });
});

describe('writeOffReport', () => {
  const wo = (
    base: AgingEntry,
    postedOn: string,
    reasonCode: string | null = null,
    adjustmentGroup: string | null = null,
    reversesKind: WriteOffEntry['reversesKind'] = null,
  ): WriteOffEntry => ({ ...base, postedOn, reasonCode, adjustmentGroup, reversesKind });

  const entries: WriteOffEntry[] = [
    wo(ins('charge', 12000, 'claim-1', '2026-10-01'), '2026-10-02'),
    wo(ins('contractual_adjustment', -3000, 'claim-1', '2026-10-01'), '2026-10-20', '45', 'CO'),
    wo(ins('contractual_adjustment', -1800, 'claim-2', '2026-10-03', AETNA, ZOE), '2026-10-21', '45', 'CO'),
    wo(ins('contractual_adjustment', -700, 'claim-3', '2026-10-05', CIGNA), '2026-10-22', '253', 'CO'),
    wo(ins('write_off', -4000, 'claim-3', '2026-10-05', CIGNA), '2026-10-23', '29', 'CO'), // timely filing
    // Small self-pay balance written off, and a bad-debt write-off later reversed in the period.
    wo(pat('write_off', -300, 'note-1', '2026-09-01', ZOE), '2026-10-31'),
    wo(pat('write_off', -5000, 'note-2', '2026-08-01'), '2026-10-15'),
    wo(pat('reversal', 5000, 'note-2', '2026-08-01'), '2026-10-16', null, null, 'write_off'),
    // Outside the period, or not a write-off.
    wo(ins('contractual_adjustment', -999, 'claim-4', '2026-09-01'), '2026-09-30', '45', 'CO'),
    wo(ins('contractual_adjustment', -999, 'claim-4', '2026-09-01'), '2026-11-01', '45', 'CO'),
    wo(pat('patient_payment', -2000, 'note-3', '2026-10-10'), '2026-10-10'),
    wo(pat('reversal', 2000, 'note-3', '2026-10-10'), '2026-10-11', null, null, 'patient_payment'),
  ];

  it('sums contractual adjustments and write-offs posted in the period by reason, payer and client', () => {
    const report = writeOffReport(entries, '2026-10-01', '2026-10-31');
    expect(report.from).toBe('2026-10-01');
    expect(report.to).toBe('2026-10-31');
    expect(report.totals).toEqual({
      totalCents: 9800,
      contractualCents: 5500,
      writeOffCents: 4300,
      count: 7,
    });
    expect(report.byReason).toEqual([
      {
        kind: 'contractual_adjustment',
        adjustmentGroup: 'CO',
        reasonCode: '45',
        label: 'Contractual adjustment CO-45',
        totalCents: 4800,
        contractualCents: 4800,
        writeOffCents: 0,
        count: 2,
      },
      {
        kind: 'write_off',
        adjustmentGroup: 'CO',
        reasonCode: '29',
        label: 'Write-off CO-29',
        totalCents: 4000,
        contractualCents: 0,
        writeOffCents: 4000,
        count: 1,
      },
      {
        kind: 'contractual_adjustment',
        adjustmentGroup: 'CO',
        reasonCode: '253',
        label: 'Contractual adjustment CO-253',
        totalCents: 700,
        contractualCents: 700,
        writeOffCents: 0,
        count: 1,
      },
      {
        kind: 'write_off',
        adjustmentGroup: null,
        reasonCode: null,
        label: 'Write-off, no reason code',
        totalCents: 300,
        contractualCents: 0,
        writeOffCents: 300,
        count: 3,
      },
    ]);
    expect(report.byPayer).toEqual([
      { ...AETNA, totalCents: 4800, contractualCents: 4800, writeOffCents: 0, count: 2 },
      { ...CIGNA, totalCents: 4700, contractualCents: 700, writeOffCents: 4000, count: 2 },
      {
        payerId: null,
        payerName: 'No payer (client balance)',
        totalCents: 300,
        contractualCents: 0,
        writeOffCents: 300,
        count: 3,
      },
    ]);
    expect(report.byClient).toEqual([
      { ...ANA, totalCents: 7700, contractualCents: 3700, writeOffCents: 4000, count: 5 },
      { ...ZOE, totalCents: 2100, contractualCents: 1800, writeOffCents: 300, count: 2 },
    ]);
  });

  it('is empty for a period with nothing written off, and refuses a period that ends before it starts', () => {
    const report = writeOffReport(entries, '2026-12-01', '2026-12-31');
    expect(report.totals).toEqual({ totalCents: 0, contractualCents: 0, writeOffCents: 0, count: 0 });
    expect(report.byReason).toEqual([]);
    expect(() => writeOffReport(entries, '2026-10-31', '2026-10-01')).toThrow(/starts after it ends/);
  });
});
