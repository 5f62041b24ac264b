import { LEDGER_KIND_LABELS, type LedgerBucket, type LedgerEntryKind } from './ledger.js';

/**
 * Accounts-receivable aging and the write-off report, from ledger entries (amounts signed: + raises what is
 * owed in the bucket, − lowers it). Pure: the caller loads the entries and passes today's date.
 */

export type AgingEntry = {
  clientId: string;
  clientName: string;
  payerId: string | null;
  payerName: string | null;
  bucket: LedgerBucket;
  /** claim id, or session note id for self-pay, or the entry id */
  groupKey: string;
  /** Date of service of the charge the entry belongs to (YYYY-MM-DD): what ages the balance. */
  serviceDate: string;
  amountCents: number;
  kind: LedgerEntryKind;
};

/** Open balances in cents by age of service; `total` is the sum of the four. */
export type AgingBuckets = {
  current: number;
  days31to60: number;
  days61to90: number;
  over90: number;
  total: number;
};
export type AgingBucketKey = Exclude<keyof AgingBuckets, 'total'>;

export const AGING_BUCKET_KEYS: readonly AgingBucketKey[] = ['current', 'days31to60', 'days61to90', 'over90'];
export const AGING_BUCKET_LABELS: Record<AgingBucketKey, string> = {
  current: 'Current',
  days31to60: '31–60 days',
  days61to90: '61–90 days',
  over90: 'Over 90 days',
};

/**
 * A balance owed back (the bucket's entries sum below zero: an overpayment, a prepayment) is not aged: it is
 * shown as `credits`, a positive number of cents.
 */
export type PayerAgingRow = { payerId: string; payerName: string } & AgingBuckets & { credits: number };
export type ClientAgingRow = { clientId: string; clientName: string } & AgingBuckets & { credits: number };

export type AgingReport = {
  /** Insurance bucket, one row per payer. */
  byPayer: PayerAgingRow[];
  /** Patient bucket, one row per client. */
  byClient: ClientAgingRow[];
  totals: { insurance: AgingBuckets & { credits: number }; patient: AgingBuckets & { credits: number } };
};

/** One open item: the entries of one claim (or visit, or lone entry) in one bucket, summed. */
export type OpenBalance = {
  clientId: string;
  clientName: string;
  payerId: string | null;
  payerName: string | null;
  bucket: LedgerBucket;
  groupKey: string;
  /** The earliest date of service in the group: a claim is as old as its first visit. */
  serviceDate: string;
  /** Signed: > 0 owed, < 0 a credit. */
  balanceCents: number;
};

/** Insurance rows with no payer on their entries (a data error, but the money must still show). */
export const UNKNOWN_PAYER_ID = '';
export const UNKNOWN_PAYER_NAME = 'Payer not recorded';

// ---------------------------------------------------------------------------------------------------------
// Dates (calendar dates only, no time zone)

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; throws on anything that is not a real calendar date. */
export function dayNumber(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`Not a YYYY-MM-DD date: ${JSON.stringify(value)}`);
  }
  // Howard Hinnant's days_from_civil.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function isIsoDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** today − serviceDate in days (negative for a date in the future). */
export function ageInDays(serviceDate: string, today: string): number {
  return dayNumber(today) - dayNumber(serviceDate);
}

/** 0–30 days (and future dates) current, 31–60, 61–90, 91 and more over 90. */
export function agingBucketFor(days: number): AgingBucketKey {
  if (days <= 30) return 'current';
  if (days <= 60) return 'days31to60';
  if (days <= 90) return 'days61to90';
  return 'over90';
}

export function emptyBuckets(): AgingBuckets {
  return { current: 0, days31to60: 0, days61to90: 0, over90: 0, total: 0 };
}

function addTo(target: AgingBuckets, key: AgingBucketKey, cents: number) {
  target[key] += cents;
  target.total += cents;
}

/**
 * Buckets after a credit is taken off them, oldest first (how an unapplied payment is usually applied), so
 * the aging adds up to the net balance. What the credit does not use up is returned as `unusedCredit`.
 */
export function applyCreditOldestFirst(
  buckets: AgingBuckets,
  credit: number,
): { buckets: AgingBuckets; unusedCredit: number } {
  const result = { ...buckets };
  let left = Math.max(0, credit);
  for (const key of [...AGING_BUCKET_KEYS].reverse()) {
    const used = Math.min(left, result[key]);
    result[key] -= used;
    result.total -= used;
    left -= used;
  }
  return { buckets: result, unusedCredit: left };
}

// ---------------------------------------------------------------------------------------------------------
// Open balances and aging

/**
 * Entries summed per open item. In the insurance bucket an item is (claim, payer): a claim resubmitted to a
 * secondary payer is a separate item. In the patient bucket the payer plays no part in what the client
 * owes, so an item is the group alone (a copay payment posted without a payer still settles the claim's
 * patient responsibility). A reversal carries the reversed entry's group with the opposite sign, so the
 * two cancel out. Items that sum to zero are dropped.
 */
export function openBalances(entries: readonly AgingEntry[]): OpenBalance[] {
  const items = new Map<string, OpenBalance>();
  for (const entry of entries) {
    const payerPart = entry.bucket === 'insurance' ? (entry.payerId ?? UNKNOWN_PAYER_ID) : '';
    const key = JSON.stringify([entry.clientId, entry.bucket, entry.groupKey, payerPart]);
    const item = items.get(key);
    if (!item) {
      items.set(key, {
        clientId: entry.clientId,
        clientName: entry.clientName,
        payerId: entry.payerId,
        payerName: entry.payerName,
        bucket: entry.bucket,
        groupKey: entry.groupKey,
        serviceDate: entry.serviceDate,
        balanceCents: entry.amountCents,
      });
      continue;
    }
    item.balanceCents += entry.amountCents;
    if (entry.serviceDate < item.serviceDate) item.serviceDate = entry.serviceDate;
    item.payerId ??= entry.payerId;
    item.payerName ??= entry.payerName;
  }
  return [...items.values()].filter((item) => item.balanceCents !== 0);
}

export function agingReport(entries: readonly AgingEntry[], today: string): AgingReport {
  dayNumber(today);
  const payers = new Map<string, PayerAgingRow>();
  const clients = new Map<string, ClientAgingRow>();
  const totals = {
    insurance: { ...emptyBuckets(), credits: 0 },
    patient: { ...emptyBuckets(), credits: 0 },
  };

  for (const item of openBalances(entries)) {
    let row: AgingBuckets & { credits: number };
    if (item.bucket === 'insurance') {
      const payerId = item.payerId ?? UNKNOWN_PAYER_ID;
      let payerRow = payers.get(payerId);
      if (!payerRow) {
        payerRow = {
          payerId,
          payerName: item.payerName ?? UNKNOWN_PAYER_NAME,
          ...emptyBuckets(),
          credits: 0,
        };
        payers.set(payerId, payerRow);
      }
      row = payerRow;
    } else {
      let clientRow = clients.get(item.clientId);
      if (!clientRow) {
        clientRow = { clientId: item.clientId, clientName: item.clientName, ...emptyBuckets(), credits: 0 };
        clients.set(item.clientId, clientRow);
      }
      row = clientRow;
    }
    const total = totals[item.bucket];
    if (item.balanceCents < 0) {
      row.credits -= item.balanceCents;
      total.credits -= item.balanceCents;
      continue;
    }
    const key = agingBucketFor(ageInDays(item.serviceDate, today));
    addTo(row, key, item.balanceCents);
    addTo(total, key, item.balanceCents);
  }

  return {
    byPayer: [...payers.values()].sort(
      (a, b) => b.total - a.total || b.credits - a.credits || compareText(a.payerName, b.payerName),
    ),
    byClient: [...clients.values()].sort(
      (a, b) => b.total - a.total || b.credits - a.credits || compareText(a.clientName, b.clientName),
    ),
    totals,
  };
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en-US');
}

// ---------------------------------------------------------------------------------------------------------
// Write-offs

export const WRITE_OFF_KINDS = ['contractual_adjustment', 'write_off'] as const;
export type WriteOffKind = (typeof WRITE_OFF_KINDS)[number];

export type WriteOffEntry = AgingEntry & {
  /** The accounting date: what puts an entry in the report's period. */
  postedOn: string;
  /** CARC code, e.g. '45'. */
  reasonCode: string | null;
  /** CAS group: CO, PR, OA or PI. */
  adjustmentGroup: string | null;
  /** For a reversal: the kind of the entry it reverses (a reversed write-off takes it back). */
  reversesKind?: LedgerEntryKind | null;
};

export type WriteOffTotals = {
  /** What was taken off the books, in positive cents (ledger amounts negated). */
  totalCents: number;
  contractualCents: number;
  writeOffCents: number;
  /** Entries counted, reversals included. */
  count: number;
};

export type WriteOffReasonRow = WriteOffTotals & {
  kind: WriteOffKind;
  adjustmentGroup: string | null;
  reasonCode: string | null;
  label: string;
};

export type WriteOffReport = {
  from: string;
  to: string;
  totals: WriteOffTotals;
  byReason: WriteOffReasonRow[];
  /** Self-pay write-offs (no payer) are one row with payerId null. */
  byPayer: Array<{ payerId: string | null; payerName: string } & WriteOffTotals>;
  byClient: Array<{ clientId: string; clientName: string } & WriteOffTotals>;
};

export const NO_PAYER_NAME = 'No payer (client balance)';

function isWriteOffKind(kind: LedgerEntryKind | null | undefined): kind is WriteOffKind {
  return kind === 'contractual_adjustment' || kind === 'write_off';
}

function emptyWriteOffTotals(): WriteOffTotals {
  return { totalCents: 0, contractualCents: 0, writeOffCents: 0, count: 0 };
}

function reasonLabel(kind: WriteOffKind, group: string | null, code: string | null): string {
  const base = LEDGER_KIND_LABELS[kind];
  if (group && code) return `${base} ${group}-${code}`;
  if (code) return `${base}, reason ${code}`;
  if (group) return `${base} ${group}`;
  return `${base}, no reason code`;
}

/**
 * Contractual adjustments and write-offs posted from `from` to `to` (inclusive), grouped by reason, payer
 * and client, each row sorted by amount written off (largest first). A reversal of one of these in the
 * period (`reversesKind`) is netted against its kind, and against its reason when it copies the reason
 * code (otherwise it gets the row of its kind without a reason code).
 */
export function writeOffReport(entries: readonly WriteOffEntry[], from: string, to: string): WriteOffReport {
  if (dayNumber(from) > dayNumber(to)) throw new Error(`The period starts after it ends: ${from} to ${to}`);
  const totals = emptyWriteOffTotals();
  const reasons = new Map<string, WriteOffReasonRow>();
  const payers = new Map<string | null, { payerId: string | null; payerName: string } & WriteOffTotals>();
  const clients = new Map<string, { clientId: string; clientName: string } & WriteOffTotals>();

  for (const entry of entries) {
    if (entry.postedOn < from || entry.postedOn > to) continue;
    const kind = isWriteOffKind(entry.kind)
      ? entry.kind
      : entry.kind === 'reversal' && isWriteOffKind(entry.reversesKind)
        ? entry.reversesKind
        : null;
    if (!kind) continue;
    const cents = -entry.amountCents;

    const reasonKey = JSON.stringify([kind, entry.adjustmentGroup, entry.reasonCode]);
    let reason = reasons.get(reasonKey);
    if (!reason) {
      reason = {
        kind,
        adjustmentGroup: entry.adjustmentGroup,
        reasonCode: entry.reasonCode,
        label: reasonLabel(kind, entry.adjustmentGroup, entry.reasonCode),
        ...emptyWriteOffTotals(),
      };
      reasons.set(reasonKey, reason);
    }
    let payer = payers.get(entry.payerId);
    if (!payer) {
      payer = {
        payerId: entry.payerId,
        payerName: entry.payerId === null ? NO_PAYER_NAME : (entry.payerName ?? UNKNOWN_PAYER_NAME),
        ...emptyWriteOffTotals(),
      };
      payers.set(entry.payerId, payer);
    }
    let client = clients.get(entry.clientId);
    if (!client) {
      client = { clientId: entry.clientId, clientName: entry.clientName, ...emptyWriteOffTotals() };
      clients.set(entry.clientId, client);
    }
    for (const row of [totals, reason, payer, client]) {
      row.totalCents += cents;
      if (kind === 'contractual_adjustment') row.contractualCents += cents;
      else row.writeOffCents += cents;
      row.count += 1;
    }
  }

  const byAmount = <T extends WriteOffTotals>(rows: Iterable<T>, name: (row: T) => string) =>
    [...rows].sort((a, b) => b.totalCents - a.totalCents || compareText(name(a), name(b)));
  return {
    from,
    to,
    totals,
    byReason: byAmount(reasons.values(), (r) => r.label),
    byPayer: byAmount(payers.values(), (r) => r.payerName),
    byClient: byAmount(clients.values(), (r) => r.clientName),
  };
}
