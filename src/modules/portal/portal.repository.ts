import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { clients } from '../clients/clients.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { sessionNotes } from '../session-notes/session-notes.tables.js';
import {
  clientSubmissions,
  portalAccess,
  portalAccounts,
  portalSessions,
  portalTokens,
} from './portal.tables.js';

export type PortalAccountRow = typeof portalAccounts.$inferSelect;
export type SubmissionRow = typeof clientSubmissions.$inferSelect;

export async function findAccountByEmail(db: Db, clinicId: string, email: string) {
  const [row] = await db
    .select()
    .from(portalAccounts)
    .where(and(eq(portalAccounts.clinicId, clinicId), eq(portalAccounts.email, email.toLowerCase())));
  return row;
}

/** Accounts with this email in any clinic of the installation (sign-in does not ask which clinic). */
export async function accountsByEmail(db: Db, email: string) {
  return db.select().from(portalAccounts).where(eq(portalAccounts.email, email.toLowerCase()));
}

export async function findAccount(db: Db, id: string) {
  const [row] = await db.select().from(portalAccounts).where(eq(portalAccounts.id, id));
  return row;
}

export async function insertAccount(db: Db, values: typeof portalAccounts.$inferInsert) {
  const [row] = await db
    .insert(portalAccounts)
    .values({ ...values, email: values.email.toLowerCase() })
    .onConflictDoNothing()
    .returning();
  return row ?? (await findAccountByEmail(db, values.clinicId, values.email))!;
}

export async function updateAccount(
  db: Db,
  id: string,
  changes: Partial<typeof portalAccounts.$inferInsert>,
) {
  await db.update(portalAccounts).set(changes).where(eq(portalAccounts.id, id));
}

export async function grantAccess(db: Db, values: typeof portalAccess.$inferInsert) {
  await db.insert(portalAccess).values(values).onConflictDoNothing();
}

export async function accessOf(db: Db, accountId: string) {
  return db
    .select({
      clientId: portalAccess.clientId,
      relationship: portalAccess.relationship,
      givenName: clients.givenName,
      familyName: clients.familyName,
      preferredName: clients.preferredName,
      dateOfBirth: clients.dateOfBirth,
    })
    .from(portalAccess)
    .innerJoin(clients, eq(clients.id, portalAccess.clientId))
    .where(and(eq(portalAccess.accountId, accountId), isNull(clients.archivedAt)));
}

export async function accountsOfClient(db: Db, clinicId: string, clientId: string) {
  return db
    .select({
      accountId: portalAccounts.id,
      email: portalAccounts.email,
      name: portalAccounts.name,
      relationship: portalAccess.relationship,
      hasPassword: sql<boolean>`${portalAccounts.passwordHash} is not null`,
      lastLoginAt: portalAccounts.lastLoginAt,
    })
    .from(portalAccess)
    .innerJoin(portalAccounts, eq(portalAccounts.id, portalAccess.accountId))
    .where(and(eq(portalAccounts.clinicId, clinicId), eq(portalAccess.clientId, clientId)));
}

export async function insertToken(db: Db, values: typeof portalTokens.$inferInsert) {
  await db.insert(portalTokens).values(values);
}

/** Uses a one-time link: answers its account once, while it is valid and unused. */
export async function useToken(db: Db, tokenHash: string, purpose: 'invitation' | 'sign_in', now: Date) {
  const [row] = await db
    .update(portalTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(portalTokens.tokenHash, tokenHash),
        eq(portalTokens.purpose, purpose),
        isNull(portalTokens.usedAt),
        gt(portalTokens.expiresAt, now),
      ),
    )
    .returning({ accountId: portalTokens.accountId });
  return row?.accountId;
}

export async function insertSession(db: Db, values: typeof portalSessions.$inferInsert) {
  await db.insert(portalSessions).values(values);
}

export async function findSession(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({
      session: portalSessions,
      account: portalAccounts,
      timeZone: clinics.timeZone,
      clinicName: clinics.name,
      clinicPhone: clinics.phone,
    })
    .from(portalSessions)
    .innerJoin(portalAccounts, eq(portalAccounts.id, portalSessions.accountId))
    .innerJoin(clinics, eq(clinics.id, portalAccounts.clinicId))
    .where(and(eq(portalSessions.tokenHash, tokenHash), gt(portalSessions.expiresAt, now)));
  return row;
}

export async function touchSession(db: Db, tokenHash: string, now: Date, expiresAt: Date) {
  await db
    .update(portalSessions)
    .set({ lastSeenAt: now, expiresAt })
    .where(eq(portalSessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(portalSessions).where(eq(portalSessions.tokenHash, tokenHash));
}

export async function insertSubmission(db: Db, values: typeof clientSubmissions.$inferInsert) {
  const [row] = await db.insert(clientSubmissions).values(values).returning();
  return row!;
}

export async function submissionsOfClient(db: Db, clinicId: string, clientId: string) {
  return db
    .select()
    .from(clientSubmissions)
    .where(and(eq(clientSubmissions.clinicId, clinicId), eq(clientSubmissions.clientId, clientId)))
    .orderBy(desc(clientSubmissions.submittedAt));
}

export async function markReviewed(db: Db, clinicId: string, id: string, userId: string, now: Date) {
  const [row] = await db
    .update(clientSubmissions)
    .set({ reviewedAt: now, reviewedBy: userId })
    .where(and(eq(clientSubmissions.clinicId, clinicId), eq(clientSubmissions.id, id)))
    .returning();
  return row;
}

export async function findClientOfClinic(db: Db, clinicId: string, clientId: string) {
  const [row] = await db
    .select({
      id: clients.id,
      givenName: clients.givenName,
      familyName: clients.familyName,
      email: clients.email,
    })
    .from(clients)
    .where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)));
  return row;
}

/** Home-care advice the therapist wrote on the client's signed notes, newest first. */
export async function homeCareOf(db: Db, clinicId: string, clientId: string) {
  return db
    .select({ sessionDate: sessionNotes.sessionDate, homeCare: sessionNotes.homeCare })
    .from(sessionNotes)
    .where(
      and(
        eq(sessionNotes.clinicId, clinicId),
        eq(sessionNotes.clientId, clientId),
        sql`${sessionNotes.signedAt} is not null`,
        sql`length(trim(${sessionNotes.homeCare})) > 0`,
      ),
    )
    .orderBy(desc(sessionNotes.sessionDate))
    .limit(20);
}
