import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { ledgerEntries } from '../ledger/ledger.tables.js';
import { remittances } from './remittance.tables.js';

export type RemittanceRow = typeof remittances.$inferSelect;

export async function findByHash(db: Db, clinicId: string, sha256: string) {
  const [row] = await db
    .select({ id: remittances.id, postedAt: remittances.postedAt })
    .from(remittances)
    .where(and(eq(remittances.clinicId, clinicId), eq(remittances.fileSha256, sha256)));
  return row;
}

export async function findByTrace(db: Db, clinicId: string, traceNumber: string, payerName: string) {
  const [row] = await db
    .select({ id: remittances.id, postedAt: remittances.postedAt })
    .from(remittances)
    .where(
      and(
        eq(remittances.clinicId, clinicId),
        eq(remittances.traceNumber, traceNumber),
        eq(remittances.payerName, payerName),
      ),
    );
  return row;
}

export async function insertRemittance(db: Db, values: typeof remittances.$inferInsert) {
  const [row] = await db.insert(remittances).values(values).returning();
  return row!;
}

export async function listRemittances(db: Db, clinicId: string) {
  return db
    .select({
      id: remittances.id,
      payerName: remittances.payerName,
      traceNumber: remittances.traceNumber,
      paymentDate: remittances.paymentDate,
      totalPaidCents: remittances.totalPaidCents,
      postedAt: remittances.postedAt,
      summary: remittances.summary,
    })
    .from(remittances)
    .where(eq(remittances.clinicId, clinicId))
    .orderBy(desc(remittances.postedAt))
    .limit(200);
}

export async function findRemittance(db: Db, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(remittances)
    .where(and(eq(remittances.clinicId, clinicId), eq(remittances.id, id)));
  return row;
}

/** Insurance payments already on the ledger per claim (positive cents received). */
export async function postedPayments(
  db: Db,
  clinicId: string,
  claimIds: string[],
): Promise<Map<string, number>> {
  if (claimIds.length === 0) return new Map();
  const rows = await db
    .select({
      claimId: ledgerEntries.claimId,
      amountCents: ledgerEntries.amountCents,
      kind: ledgerEntries.kind,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.clinicId, clinicId), inArray(ledgerEntries.claimId, claimIds)));
  const totals = new Map<string, number>();
  for (const row of rows)
    if (row.kind === 'insurance_payment' && row.claimId)
      totals.set(row.claimId, (totals.get(row.claimId) ?? 0) - row.amountCents);
  return totals;
}
