import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../accounts/accounts.tables.js';
import { clients } from '../clients/clients.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { appointments } from '../scheduling/scheduling.tables.js';
import { sessionNotes } from '../session-notes/session-notes.tables.js';

export async function findClientHeader(db: Db, clinicId: string, clientId: string) {
  const [row] = await db
    .select({
      id: clients.id,
      givenName: clients.givenName,
      familyName: clients.familyName,
      dateOfBirth: clients.dateOfBirth,
    })
    .from(clients)
    .where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)));
  return row;
}

export async function findLetterhead(db: Db, clinicId: string) {
  const [row] = await db
    .select({
      name: clinics.name,
      addressLines: clinics.addressLines,
      phone: clinics.phone,
      fax: clinics.fax,
      npi: clinics.npi,
    })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  return row!;
}

export async function findSignatory(db: Db, clinicId: string, userId: string) {
  const [row] = await db
    .select({ name: users.name, credentials: users.credentials, licenseNumber: users.licenseNumber })
    .from(users)
    .where(and(eq(users.clinicId, clinicId), eq(users.id, userId)));
  return row!;
}

/** Session count and last session per episode of a client (no narrative read). */
export async function sessionStatsOfClient(db: Db, clinicId: string, clientId: string) {
  return db
    .select({
      episodeId: sessionNotes.episodeId,
      count: sql<number>`count(*)::int`,
      last: sql<string | null>`max(${sessionNotes.sessionDate})::text`,
    })
    .from(sessionNotes)
    .where(and(eq(sessionNotes.clinicId, clinicId), eq(sessionNotes.clientId, clientId)))
    .groupBy(sessionNotes.episodeId);
}

/** Visits booked from `from` on (active appointments of the episode): what the renewal letter mentions. */
export async function bookedVisitsFrom(
  db: Db,
  clinicId: string,
  episodeId: string,
  from: Date,
): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        eq(appointments.episodeId, episodeId),
        gte(appointments.startAt, from),
        inArray(appointments.status, ['booked', 'confirmed', 'arrived']),
      ),
    );
  return row?.count ?? 0;
}
