/**
 * Applies a client's payment or write-off that names no visit to the oldest open balances first (the
 * usual practice-management rule, and what a statement's aging assumes). What is left over stays on the
 * account as an unapplied credit.
 */
export type OpenItem = {
  groupKey: string;
  claimId: string | null;
  sessionNoteId: string | null;
  /** The auto / workers' comp case the visit belongs to, so the payment shows in that case's ledger. */
  caseId?: string | null;
  serviceDate: string;
  openCents: number;
};

export type Allocation = { item: OpenItem | null; amountCents: number };

/** What a ledger row belongs to: its claim, else its visit, else the entry it reverses, else itself. */
export function ledgerGroupKey(entry: {
  id: string;
  claimId: string | null;
  sessionNoteId: string | null;
  reversesEntryId: string | null;
}): string {
  return entry.claimId ?? entry.sessionNoteId ?? entry.reversesEntryId ?? entry.id;
}

/** Open patient-side items of one client, oldest service first. */
export function openPatientItems(
  entries: readonly {
    id: string;
    bucket: string;
    claimId: string | null;
    sessionNoteId: string | null;
    reversesEntryId: string | null;
    caseId?: string | null;
    serviceDate: string;
    amountCents: number;
  }[],
): OpenItem[] {
  const items = new Map<string, OpenItem>();
  for (const entry of entries) {
    if (entry.bucket !== 'patient') continue;
    const key = ledgerGroupKey(entry);
    const item = items.get(key);
    if (!item) {
      items.set(key, {
        groupKey: key,
        claimId: entry.claimId,
        sessionNoteId: entry.sessionNoteId,
        caseId: entry.caseId ?? null,
        serviceDate: entry.serviceDate,
        openCents: entry.amountCents,
      });
      continue;
    }
    item.openCents += entry.amountCents;
    item.claimId ??= entry.claimId;
    item.sessionNoteId ??= entry.sessionNoteId;
    item.caseId ??= entry.caseId ?? null;
    if (entry.serviceDate < item.serviceDate) item.serviceDate = entry.serviceDate;
  }
  return [...items.values()]
    .filter((item) => item.openCents > 0 && (item.claimId !== null || item.sessionNoteId !== null))
    .sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.groupKey.localeCompare(b.groupKey));
}

export function allocateOldestFirst(items: readonly OpenItem[], amountCents: number): Allocation[] {
  const allocations: Allocation[] = [];
  let left = amountCents;
  for (const item of items) {
    if (left <= 0) break;
    const applied = Math.min(item.openCents, left);
    allocations.push({ item, amountCents: applied });
    left -= applied;
  }
  if (left > 0) allocations.push({ item: null, amountCents: left });
  return allocations;
}
