import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { payers } from '../billing/billing.tables.js';
import { clients } from '../clients/clients.tables.js';
import { sessionNotes } from '../session-notes/session-notes.tables.js';
import { ledgerEntries } from './ledger.tables.js';

export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;
export type NewLedgerEntry = typeof ledgerEntries.$inferInsert;

export async function insertEntries(db: Db, values: NewLedgerEntry[]): Promise<LedgerEntryRow[]> {
  if (values.length === 0) return [];
  return db.insert(ledgerEntries).values(values).returning();
}

export async function entriesOfClient(db: Db, clinicId: string, clientId: string): Promise<LedgerEntryRow[]> {
  return db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.clinicId, clinicId), eq(ledgerEntries.clientId, clientId)))
    .orderBy(asc(ledgerEntries.postedOn), asc(ledgerEntries.createdAt));
}

export async function entriesOfClaim(db: Db, clinicId: string, claimId: string): Promise<LedgerEntryRow[]> {
  return db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.clinicId, clinicId), eq(ledgerEntries.claimId, claimId)))
    .orderBy(asc(ledgerEntries.createdAt));
}

export async function findEntry(db: Db, clinicId: string, id: string): Promise<LedgerEntryRow | undefined> {
  const [row] = await db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.clinicId, clinicId), eq(ledgerEntries.id, id)));
  return row;
}

export async function isReversed(db: Db, entryId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: ledgerEntries.id })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.reversesEntryId, entryId));
  return row !== undefined;
}

/** Every entry of the clinic with the names the reports print. */
export async function allEntriesWithNames(db: Db, clinicId: string) {
  return db
    .select({
      entry: ledgerEntries,
      clientName: sql<string>`${clients.givenName} || ' ' || ${clients.familyName}`,
      payerName: payers.name,
    })
    .from(ledgerEntries)
    .innerJoin(clients, eq(clients.id, ledgerEntries.clientId))
    .leftJoin(payers, eq(payers.id, ledgerEntries.payerId))
    .where(eq(ledgerEntries.clinicId, clinicId));
}

export async function findClient(db: Db, clinicId: string, clientId: string) {
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)));
  return row;
}

export async function findNoteOfClient(db: Db, clinicId: string, clientId: string, noteId: string) {
  const [row] = await db
    .select()
    .from(sessionNotes)
    .where(
      and(
        eq(sessionNotes.clinicId, clinicId),
        eq(sessionNotes.id, noteId),
        eq(sessionNotes.clientId, clientId),
      ),
    );
  return row;
}
