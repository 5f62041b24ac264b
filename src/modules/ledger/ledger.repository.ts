import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { payers } from '../billing/billing.tables.js';
import { clients } from '../clients/clients.tables.js';
import { sessionNotes } from '../session-notes/session-notes.tables.js';
import { users } from '../accounts/accounts.tables.js';
import { prescriptions } from '../prescriptions/prescriptions.tables.js';
import { insurancePolicies } from '../coverage/coverage.tables.js';
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

export async function notesByIds(db: Db, clinicId: string, noteIds: string[]) {
  if (noteIds.length === 0) return [];
  return db
    .select({
      id: sessionNotes.id,
      episodeId: sessionNotes.episodeId,
      therapistId: sessionNotes.therapistId,
      sessionDate: sessionNotes.sessionDate,
    })
    .from(sessionNotes)
    .where(and(eq(sessionNotes.clinicId, clinicId), inArray(sessionNotes.id, noteIds)));
}

export async function prescriptionsOfEpisodes(db: Db, clinicId: string, episodeIds: string[]) {
  if (episodeIds.length === 0) return [];
  return db
    .select()
    .from(prescriptions)
    .where(and(eq(prescriptions.clinicId, clinicId), inArray(prescriptions.episodeId, episodeIds)))
    .orderBy(asc(prescriptions.writtenOn));
}

export async function findUser(db: Db, clinicId: string, userId: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.clinicId, clinicId), eq(users.id, userId)));
  return row;
}

export async function primaryPolicy(db: Db, clinicId: string, clientId: string) {
  const [row] = await db
    .select()
    .from(insurancePolicies)
    .where(
      and(
        eq(insurancePolicies.clinicId, clinicId),
        eq(insurancePolicies.clientId, clientId),
        eq(insurancePolicies.priority, 'primary'),
        isNull(insurancePolicies.archivedAt),
      ),
    )
    .orderBy(desc(insurancePolicies.createdAt));
  return row;
}

/** Claims among these that already have a charge on the ledger. */
export async function claimsWithCharges(db: Db, clinicId: string, claimIds: string[]): Promise<Set<string>> {
  if (claimIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ claimId: ledgerEntries.claimId })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.clinicId, clinicId),
        eq(ledgerEntries.kind, 'charge'),
        inArray(ledgerEntries.claimId, claimIds),
      ),
    );
  return new Set(rows.flatMap((r) => (r.claimId ? [r.claimId] : [])));
}

/** Visits charged to the client directly (self-pay) and not reversed: they are billed, not "to bill". */
export async function selfPayChargedNoteIds(db: Db, clinicId: string): Promise<Set<string>> {
  const rows = await db
    .select({
      id: ledgerEntries.id,
      noteId: ledgerEntries.sessionNoteId,
      reverses: ledgerEntries.reversesEntryId,
      kind: ledgerEntries.kind,
      claimId: ledgerEntries.claimId,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.clinicId, clinicId), inArray(ledgerEntries.kind, ['charge', 'reversal'])));
  const reversed = new Set(rows.flatMap((r) => (r.reverses ? [r.reverses] : [])));
  return new Set(
    rows.flatMap((r) =>
      r.kind === 'charge' && r.claimId === null && r.noteId && !reversed.has(r.id) ? [r.noteId] : [],
    ),
  );
}
