import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../accounts/accounts.tables.js';
import { clients } from '../clients/clients.tables.js';
import { episodes } from '../episodes/episodes.tables.js';
import { prescriptions } from '../prescriptions/prescriptions.tables.js';
import { sessionNotes } from '../session-notes/session-notes.tables.js';
import { payers } from '../billing/billing.tables.js';
import { claimBatches, claimEvents, claimLines, claims } from './claims.tables.js';
import { CLAIM_STATUSES, type ClaimStatus } from './domain/claim-lifecycle.js';

export type ClaimRow = typeof claims.$inferSelect;
export type ClaimLineRow = typeof claimLines.$inferSelect;
export type ClaimEventRow = typeof claimEvents.$inferSelect;
export type NoteForBilling = {
  id: string;
  episodeId: string;
  clientId: string;
  therapistId: string;
  sessionDate: string;
  signedAt: Date | null;
  services: (typeof sessionNotes.$inferSelect)['services'];
};

const ACTIVE_STATUSES = CLAIM_STATUSES.filter((s) => s !== 'corrected' && s !== 'voided' && s !== 'rejected');

export async function findClaim(db: Db, clinicId: string, id: string, options: { lock?: boolean } = {}) {
  const query = db
    .select()
    .from(claims)
    .where(and(eq(claims.clinicId, clinicId), eq(claims.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function claimLinesOf(db: Db, clinicId: string, claimId: string): Promise<ClaimLineRow[]> {
  return db
    .select()
    .from(claimLines)
    .where(and(eq(claimLines.clinicId, clinicId), eq(claimLines.claimId, claimId)))
    .orderBy(asc(claimLines.lineNumber));
}

export async function linesOfClaims(db: Db, clinicId: string, claimIds: string[]): Promise<ClaimLineRow[]> {
  if (claimIds.length === 0) return [];
  return db
    .select()
    .from(claimLines)
    .where(and(eq(claimLines.clinicId, clinicId), inArray(claimLines.claimId, claimIds)))
    .orderBy(asc(claimLines.claimId), asc(claimLines.lineNumber));
}

export async function eventsOf(db: Db, clinicId: string, claimId: string): Promise<ClaimEventRow[]> {
  return db
    .select()
    .from(claimEvents)
    .where(and(eq(claimEvents.clinicId, clinicId), eq(claimEvents.claimId, claimId)))
    .orderBy(asc(claimEvents.at));
}

export async function insertClaim(db: Db, values: typeof claims.$inferInsert): Promise<ClaimRow> {
  const [row] = await db.insert(claims).values(values).returning();
  return row!;
}

export async function insertLines(db: Db, values: (typeof claimLines.$inferInsert)[]): Promise<void> {
  if (values.length > 0) await db.insert(claimLines).values(values);
}

export async function deleteLines(db: Db, clinicId: string, claimId: string): Promise<void> {
  await db.delete(claimLines).where(and(eq(claimLines.clinicId, clinicId), eq(claimLines.claimId, claimId)));
}

export async function updateLine(
  db: Db,
  clinicId: string,
  lineId: string,
  changes: Partial<typeof claimLines.$inferInsert>,
): Promise<void> {
  await db
    .update(claimLines)
    .set(changes)
    .where(and(eq(claimLines.clinicId, clinicId), eq(claimLines.id, lineId)));
}

export async function updateClaim(
  db: Db,
  clinicId: string,
  id: string,
  changes: Partial<typeof claims.$inferInsert>,
  expectedVersion?: number,
): Promise<ClaimRow | undefined> {
  const conditions = [eq(claims.clinicId, clinicId), eq(claims.id, id)];
  if (expectedVersion !== undefined) conditions.push(eq(claims.version, expectedVersion));
  const [row] = await db
    .update(claims)
    .set({ ...changes, version: sql`${claims.version} + 1` })
    .where(and(...conditions))
    .returning();
  return row;
}

export async function insertEvent(db: Db, values: typeof claimEvents.$inferInsert): Promise<void> {
  await db.insert(claimEvents).values(values);
}

export async function insertEvents(db: Db, values: (typeof claimEvents.$inferInsert)[]): Promise<void> {
  for (let start = 0; start < values.length; start += 500)
    await db.insert(claimEvents).values(values.slice(start, start + 500));
}

export async function deleteDraftClaim(db: Db, clinicId: string, id: string): Promise<void> {
  await db.delete(claimEvents).where(and(eq(claimEvents.clinicId, clinicId), eq(claimEvents.claimId, id)));
  await deleteLines(db, clinicId, id);
  await db.delete(claims).where(and(eq(claims.clinicId, clinicId), eq(claims.id, id)));
}

export type ClaimListRow = ClaimRow & {
  clientName: string;
  payerName: string;
  firstServiceDate: string | null;
  lastServiceDate: string | null;
};

export async function listClaims(
  db: Db,
  clinicId: string,
  filter: { status?: ClaimStatus | undefined; clientId?: string | undefined; limit: number },
): Promise<ClaimListRow[]> {
  const conditions = [eq(claims.clinicId, clinicId)];
  if (filter.status) conditions.push(eq(claims.status, filter.status));
  if (filter.clientId) conditions.push(eq(claims.clientId, filter.clientId));
  const rows = await db
    .select({
      claim: claims,
      clientName: sql<string>`${clients.givenName} || ' ' || ${clients.familyName}`,
      payerName: payers.name,
      firstServiceDate: sql<
        string | null
      >`(select min(${claimLines.serviceDate})::text from ${claimLines} where ${claimLines.claimId} = ${claims.id})`,
      lastServiceDate: sql<
        string | null
      >`(select max(${claimLines.serviceDate})::text from ${claimLines} where ${claimLines.claimId} = ${claims.id})`,
    })
    .from(claims)
    .innerJoin(clients, eq(clients.id, claims.clientId))
    .innerJoin(payers, eq(payers.id, claims.payerId))
    .where(and(...conditions))
    .orderBy(desc(claims.createdAt))
    .limit(filter.limit);
  return rows.map((r) => ({
    ...r.claim,
    clientName: r.clientName,
    payerName: r.payerName,
    firstServiceDate: r.firstServiceDate,
    lastServiceDate: r.lastServiceDate,
  }));
}

export async function notesForBilling(
  db: Db,
  clinicId: string,
  noteIds: string[],
): Promise<NoteForBilling[]> {
  if (noteIds.length === 0) return [];
  return db
    .select({
      id: sessionNotes.id,
      episodeId: sessionNotes.episodeId,
      clientId: sessionNotes.clientId,
      therapistId: sessionNotes.therapistId,
      sessionDate: sessionNotes.sessionDate,
      signedAt: sessionNotes.signedAt,
      services: sessionNotes.services,
    })
    .from(sessionNotes)
    .where(and(eq(sessionNotes.clinicId, clinicId), inArray(sessionNotes.id, noteIds)));
}

export async function notesOfEpisode(db: Db, clinicId: string, episodeId: string): Promise<NoteForBilling[]> {
  return db
    .select({
      id: sessionNotes.id,
      episodeId: sessionNotes.episodeId,
      clientId: sessionNotes.clientId,
      therapistId: sessionNotes.therapistId,
      sessionDate: sessionNotes.sessionDate,
      signedAt: sessionNotes.signedAt,
      services: sessionNotes.services,
    })
    .from(sessionNotes)
    .where(and(eq(sessionNotes.clinicId, clinicId), eq(sessionNotes.episodeId, episodeId)))
    .orderBy(asc(sessionNotes.sessionDate));
}

/** Session notes already on a claim that is still open with this payer: never billed twice. */
export async function notesOnActiveClaims(db: Db, clinicId: string, payerId: string, noteIds: string[]) {
  if (noteIds.length === 0) return [];
  return db
    .selectDistinct({ noteId: claimLines.sessionNoteId, controlNumber: claims.controlNumber })
    .from(claimLines)
    .innerJoin(claims, eq(claims.id, claimLines.claimId))
    .where(
      and(
        eq(claimLines.clinicId, clinicId),
        eq(claims.payerId, payerId),
        inArray(claims.status, ACTIVE_STATUSES),
        inArray(claimLines.sessionNoteId, noteIds),
      ),
    );
}

export async function billedNoteIds(db: Db, clinicId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ noteId: claimLines.sessionNoteId })
    .from(claimLines)
    .innerJoin(claims, eq(claims.id, claimLines.claimId))
    .where(and(eq(claimLines.clinicId, clinicId), inArray(claims.status, ACTIVE_STATUSES)));
  return new Set(rows.map((r) => r.noteId));
}

/** Notes of open episodes with services, for the "to bill" queue. */
export async function notesWithServices(db: Db, clinicId: string) {
  return (
    db
      .select({
        id: sessionNotes.id,
        episodeId: sessionNotes.episodeId,
        episodeTitle: episodes.title,
        clientId: sessionNotes.clientId,
        clientName: sql<string>`${clients.givenName} || ' ' || ${clients.familyName}`,
        therapistName: users.name,
        sessionDate: sessionNotes.sessionDate,
        signedAt: sessionNotes.signedAt,
        services: sessionNotes.services,
        payerContext: episodes.payerContext,
      })
      .from(sessionNotes)
      .innerJoin(clients, eq(clients.id, sessionNotes.clientId))
      .innerJoin(episodes, eq(episodes.id, sessionNotes.episodeId))
      .innerJoin(users, eq(users.id, sessionNotes.therapistId))
      // Unsigned notes are listed even when empty: a visit without a finished note is what blocks billing.
      .where(
        and(
          eq(sessionNotes.clinicId, clinicId),
          sql`(jsonb_array_length(${sessionNotes.services}) > 0 or ${sessionNotes.signedAt} is null)`,
        ),
      )
      .orderBy(desc(sessionNotes.sessionDate))
      .limit(500)
  );
}

export async function prescriptionsOfEpisode(db: Db, clinicId: string, episodeId: string) {
  return db
    .select()
    .from(prescriptions)
    .where(and(eq(prescriptions.clinicId, clinicId), eq(prescriptions.episodeId, episodeId)))
    .orderBy(asc(prescriptions.writtenOn));
}

export async function findClient(db: Db, clinicId: string, clientId: string) {
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)));
  return row;
}

export async function findEpisode(db: Db, clinicId: string, episodeId: string) {
  const [row] = await db
    .select()
    .from(episodes)
    .where(and(eq(episodes.clinicId, clinicId), eq(episodes.id, episodeId)));
  return row;
}

export async function findUser(db: Db, clinicId: string, userId: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.clinicId, clinicId), eq(users.id, userId)));
  return row;
}

export async function insertBatch(db: Db, values: typeof claimBatches.$inferInsert) {
  const [row] = await db.insert(claimBatches).values(values).returning();
  return row!;
}

export async function findBatch(db: Db, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(claimBatches)
    .where(and(eq(claimBatches.clinicId, clinicId), eq(claimBatches.id, id)));
  return row;
}

export async function listBatches(db: Db, clinicId: string) {
  return db
    .select({
      id: claimBatches.id,
      interchangeControlNumber: claimBatches.interchangeControlNumber,
      claimCount: claimBatches.claimCount,
      totalChargeCents: claimBatches.totalChargeCents,
      createdAt: claimBatches.createdAt,
    })
    .from(claimBatches)
    .where(eq(claimBatches.clinicId, clinicId))
    .orderBy(desc(claimBatches.createdAt))
    .limit(200);
}

export async function claimsByControlNumbers(db: Db, clinicId: string, controlNumbers: string[]) {
  if (controlNumbers.length === 0) return [];
  return db
    .select()
    .from(claims)
    .where(
      and(
        eq(claims.clinicId, clinicId),
        inArray(claims.controlNumber, controlNumbers),
        isNotNull(claims.submittedAt),
      ),
    );
}
