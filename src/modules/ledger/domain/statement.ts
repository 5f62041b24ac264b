import { formatUsd as formatUsdText } from '../../../platform/domain/money.js';
import {
  agingReport,
  applyCreditOldestFirst,
  dayNumber,
  emptyBuckets,
  openBalances,
  type AgingBuckets,
  type AgingEntry,
} from './aging.js';
import { LEDGER_KIND_LABELS, type LedgerEntryKind, type PaymentMethod } from './ledger.js';

/**
 * A patient statement for one client: what the client owes (the patient bucket), line by line with a
 * running balance, and what is still with their insurer. Pure: the caller loads the entries.
 */

export type StatementEntry = AgingEntry & {
  /** The accounting date: what puts a line in the period and orders the lines. */
  postedOn: string;
  code: string | null;
  units: number | null;
  memo: string | null;
  method: PaymentMethod | null;
};

export type StatementLine = {
  postedOn: string;
  serviceDate: string;
  kind: LedgerEntryKind;
  description: string;
  amountCents: number;
  /** The patient balance after this line. */
  balanceCents: number;
};

export type InsurancePendingItem = {
  payerId: string | null;
  payerName: string | null;
  /** The claim. */
  groupKey: string;
  serviceDate: string;
  amountCents: number;
};

export type Statement = {
  from: string;
  to: string;
  today: string;
  /** Patient balance from everything posted before `from`. */
  openingBalanceCents: number;
  /** Patient-bucket entries posted from `from` to `to`, in date order. */
  lines: StatementLine[];
  /** The period's lines summed by sort: opening + charges − payments + refunds + adjustments = closing. */
  activity: { chargesCents: number; paymentsCents: number; refundsCents: number; adjustmentsCents: number };
  closingBalanceCents: number;
  /** The patient balance from everything posted up to `today`, when the client owes; else 0. */
  amountDueCents: number;
  /** What the practice owes the client (the patient balance below zero), else 0. */
  creditCents: number;
  /**
   * The amount due by age of service. Credits (an unapplied payment) are taken off the oldest balances
   * first, so `aging.total` is `amountDueCents`.
   */
  aging: AgingBuckets;
  /** Claims still open with insurance: not due from the client (yet). */
  insurancePending: { totalCents: number; items: InsurancePendingItem[] };
};

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'cash',
  card: 'card',
  cheque: 'check',
  insurance: 'insurance',
  eft: 'EFT',
  other: 'other',
};

// ---------------------------------------------------------------------------------------------------------
// Formatting shared by the ledger's documents

/** 12345 → '$123.45'; −500 → '−$5.00' (a real minus sign); thousands separated by commas. */
export function formatUsd(cents: number): string {
  if (!Number.isInteger(cents)) throw new Error(`Not a whole number of cents: ${cents}`);
  return formatUsdText(cents);
}

/** '2026-11-04' → '11/04/2026', the form US insurers' claim forms ask for. */
export function formatUsDate(value: string): string {
  dayNumber(value);
  const [year, month, day] = value.split('-');
  return `${month}/${day}/${year}`;
}

/** 'Charge — 97124 × 4 units — Swedish massage' / 'Patient payment (card) — thank you'. */
export function describeEntry(
  entry: Pick<StatementEntry, 'kind' | 'code' | 'units' | 'memo' | 'method'>,
): string {
  const isMoney =
    entry.kind === 'patient_payment' || entry.kind === 'refund' || entry.kind === 'insurance_payment';
  const label =
    isMoney && entry.method
      ? `${LEDGER_KIND_LABELS[entry.kind]} (${PAYMENT_METHOD_LABELS[entry.method]})`
      : LEDGER_KIND_LABELS[entry.kind];
  const code = entry.code?.trim();
  const service = code
    ? entry.units !== null
      ? `${code} × ${entry.units} ${entry.units === 1 ? 'unit' : 'units'}`
      : code
    : null;
  const memo = entry.memo?.replace(/\s+/g, ' ').trim();
  return [label, service, memo].filter(Boolean).join(' — ');
}

// ---------------------------------------------------------------------------------------------------------
// The statement

export function buildStatement(
  entries: readonly StatementEntry[],
  period: { from: string; to: string; today: string },
): Statement {
  const { from, to, today } = period;
  if (dayNumber(from) > dayNumber(to)) throw new Error(`The period starts after it ends: ${from} to ${to}`);
  dayNumber(today);
  const clientIds = new Set(entries.map((e) => e.clientId));
  // A statement is mailed: one client's money only, whatever the caller passed.
  if (clientIds.size > 1) throw new Error('A statement covers one client: entries of several clients given.');

  const patient = entries.filter((e) => e.bucket === 'patient');
  const sum = (list: readonly StatementEntry[]) => list.reduce((total, e) => total + e.amountCents, 0);

  const openingBalanceCents = sum(patient.filter((e) => e.postedOn < from));
  // Date order; on one day what is owed comes before what pays it, else input order (sort is stable).
  const inPeriod = patient
    .filter((e) => e.postedOn >= from && e.postedOn <= to)
    .sort(
      (a, b) =>
        compare(a.postedOn, b.postedOn) ||
        Number(b.amountCents > 0) - Number(a.amountCents > 0) ||
        compare(a.serviceDate, b.serviceDate),
    );
  let running = openingBalanceCents;
  const lines = inPeriod.map((entry): StatementLine => {
    running += entry.amountCents;
    return {
      postedOn: entry.postedOn,
      serviceDate: entry.serviceDate,
      kind: entry.kind,
      description: describeEntry(entry),
      amountCents: entry.amountCents,
      balanceCents: running,
    };
  });

  const activity = { chargesCents: 0, paymentsCents: 0, refundsCents: 0, adjustmentsCents: 0 };
  for (const entry of inPeriod) {
    if (entry.kind === 'charge' || entry.kind === 'transfer_to_patient')
      activity.chargesCents += entry.amountCents;
    else if (entry.kind === 'patient_payment') activity.paymentsCents -= entry.amountCents;
    else if (entry.kind === 'refund') activity.refundsCents += entry.amountCents;
    else activity.adjustmentsCents += entry.amountCents;
  }

  const upToToday = entries.filter((e) => e.postedOn <= today);
  const balanceNow = sum(upToToday.filter((e) => e.bucket === 'patient'));
  const patientAging = agingReport(
    upToToday.filter((e) => e.bucket === 'patient'),
    today,
  ).totals.patient;
  const { credits, ...aged } = patientAging;
  const aging = balanceNow > 0 ? applyCreditOldestFirst(aged, credits).buckets : emptyBuckets();

  const items = openBalances(upToToday.filter((e) => e.bucket === 'insurance'))
    .filter((item) => item.balanceCents > 0)
    .map((item): InsurancePendingItem => ({
      payerId: item.payerId,
      payerName: item.payerName,
      groupKey: item.groupKey,
      serviceDate: item.serviceDate,
      amountCents: item.balanceCents,
    }))
    .sort((a, b) => compare(a.serviceDate, b.serviceDate) || compare(a.groupKey, b.groupKey));

  return {
    from,
    to,
    today,
    openingBalanceCents,
    lines,
    activity,
    closingBalanceCents: running,
    amountDueCents: Math.max(0, balanceNow),
    creditCents: Math.max(0, -balanceNow),
    aging,
    insurancePending: { totalCents: items.reduce((total, i) => total + i.amountCents, 0), items },
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
