import {
  and,
  asc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../accounts/accounts.tables.js';
import { assessments } from '../assessments/assessments.tables.js';
import { clients } from '../clients/clients.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { episodes } from '../episodes/episodes.tables.js';
import { prescriptions } from '../prescriptions/prescriptions.tables.js';
import { sessionNotes } from '../session-notes/session-notes.tables.js';
import { ACTIVE_STATUSES } from './domain/appointment.js';
import {
  appointments,
  appointmentSeries,
  blockedTimes,
  calendarFeeds,
  rooms,
  scheduleServices,
  waitlistEntries,
  workingHours,
} from './scheduling.tables.js';

export type AppointmentRow = typeof appointments.$inferSelect;
export type ServiceRow = typeof scheduleServices.$inferSelect;
export type RoomRow = typeof rooms.$inferSelect;
export type BlockedTimeRow = typeof blockedTimes.$inferSelect;
export type FeedRow = typeof calendarFeeds.$inferSelect;

/** An appointment with the names a calendar shows. */
export type AppointmentView = AppointmentRow & {
  clientGivenName: string;
  clientFamilyName: string;
  clientPreferredName: string | null;
  therapistName: string;
  serviceName: string | null;
  roomName: string | null;
  episodeTitle: string | null;
  noteSignedAt: Date | null;
};

const active = inArray(appointments.status, [...ACTIVE_STATUSES]);

const viewColumns = {
  appointment: appointments,
  clientGivenName: clients.givenName,
  clientFamilyName: clients.familyName,
  clientPreferredName: clients.preferredName,
  therapistName: users.name,
  serviceName: scheduleServices.name,
  roomName: rooms.name,
  episodeTitle: episodes.title,
  noteSignedAt: sessionNotes.signedAt,
};

function selectViews(db: Db, where: SQL | undefined) {
  return db
    .select(viewColumns)
    .from(appointments)
    .innerJoin(clients, eq(clients.id, appointments.clientId))
    .innerJoin(users, eq(users.id, appointments.therapistId))
    .leftJoin(scheduleServices, eq(scheduleServices.id, appointments.serviceId))
    .leftJoin(rooms, eq(rooms.id, appointments.roomId))
    .leftJoin(episodes, eq(episodes.id, appointments.episodeId))
    .leftJoin(sessionNotes, eq(sessionNotes.id, appointments.sessionNoteId))
    .where(where)
    .orderBy(asc(appointments.startAt), asc(users.name));
}

function toView(r: Awaited<ReturnType<typeof selectViews>>[number]): AppointmentView {
  const { appointment, ...names } = r;
  return { ...appointment, ...names };
}

export async function listAppointments(
  db: Db,
  clinicId: string,
  query: {
    from: Date;
    to: Date;
    therapistId?: string | undefined;
    clientId?: string | undefined;
    roomId?: string | undefined;
    includeCancelled?: boolean | undefined;
  },
): Promise<AppointmentView[]> {
  const rows = await selectViews(
    db,
    and(
      eq(appointments.clinicId, clinicId),
      lt(appointments.startAt, query.to),
      gt(appointments.endAt, query.from),
      query.therapistId ? eq(appointments.therapistId, query.therapistId) : undefined,
      query.clientId ? eq(appointments.clientId, query.clientId) : undefined,
      query.roomId ? eq(appointments.roomId, query.roomId) : undefined,
      query.includeCancelled ? undefined : ne(appointments.status, 'cancelled'),
    ),
  );
  return rows.map(toView);
}

export async function findAppointmentView(db: Db, clinicId: string, id: string) {
  const [row] = await selectViews(db, and(eq(appointments.clinicId, clinicId), eq(appointments.id, id)));
  return row ? toView(row) : undefined;
}

export async function findAppointmentViews(db: Db, clinicId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await selectViews(db, and(eq(appointments.clinicId, clinicId), inArray(appointments.id, ids)));
  return rows.map(toView);
}

export async function findAppointmentForUpdate(db: Db, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(appointments)
    .where(and(eq(appointments.clinicId, clinicId), eq(appointments.id, id)))
    .for('update');
  return row;
}

export async function seriesAppointmentsForUpdate(
  db: Db,
  clinicId: string,
  seriesId: string,
  fromStart: Date | null,
): Promise<AppointmentRow[]> {
  return db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        eq(appointments.seriesId, seriesId),
        fromStart ? gte(appointments.startAt, fromStart) : undefined,
      ),
    )
    .orderBy(asc(appointments.startAt))
    .for('update');
}

export async function insertAppointment(db: Db, values: typeof appointments.$inferInsert) {
  const [row] = await db.insert(appointments).values(values).returning();
  return row!;
}

export async function updateAppointment(
  db: Db,
  clinicId: string,
  id: string,
  changes: Partial<typeof appointments.$inferInsert>,
) {
  const [row] = await db
    .update(appointments)
    .set({ ...changes, version: sql`${appointments.version} + 1` })
    .where(and(eq(appointments.clinicId, clinicId), eq(appointments.id, id)))
    .returning();
  return row!;
}

/** Checks the no-overlap constraints at commit instead of row by row (a series moved as a whole). */
export async function deferOverlapChecks(db: Db) {
  await db.execute(
    sql`SET CONSTRAINTS appointments_therapist_no_overlap, appointments_room_no_overlap, appointments_client_no_overlap DEFERRED`,
  );
}

export type Clash = {
  kind: 'therapist' | 'room' | 'client' | 'blocked';
  id: string;
  start: Date;
  end: Date;
  reason?: string;
};

/**
 * What stands in the way of a visit: the same therapist's or room's active appointments (visit + buffer),
 * the same client's, and blocked time of the therapist, the room or the whole clinic.
 */
export async function findClashes(
  db: Db,
  clinicId: string,
  slot: {
    therapistId: string;
    roomId: string | null;
    clientId: string;
    start: Date;
    end: Date;
    busyUntil: Date;
    excludeIds: string[];
  },
): Promise<Clash[]> {
  const notSelf = slot.excludeIds.length ? notInArray(appointments.id, slot.excludeIds) : undefined;
  const held = and(lt(appointments.startAt, slot.busyUntil), gt(appointments.busyUntil, slot.start));
  const rows = await db
    .select({
      id: appointments.id,
      therapistId: appointments.therapistId,
      roomId: appointments.roomId,
      clientId: appointments.clientId,
      start: appointments.startAt,
      end: appointments.endAt,
    })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        active,
        notSelf,
        or(
          and(eq(appointments.therapistId, slot.therapistId), held),
          slot.roomId ? and(eq(appointments.roomId, slot.roomId), held) : undefined,
          and(
            eq(appointments.clientId, slot.clientId),
            lt(appointments.startAt, slot.end),
            gt(appointments.endAt, slot.start),
          ),
        ),
      ),
    )
    .orderBy(asc(appointments.startAt));
  const clashes: Clash[] = rows.map((r) => ({
    kind:
      r.therapistId === slot.therapistId
        ? 'therapist'
        : slot.roomId && r.roomId === slot.roomId
          ? 'room'
          : 'client',
    id: r.id,
    start: r.start,
    end: r.end,
  }));
  const blocks = await db
    .select()
    .from(blockedTimes)
    .where(
      and(
        eq(blockedTimes.clinicId, clinicId),
        lt(blockedTimes.startAt, slot.end),
        gt(blockedTimes.endAt, slot.start),
        or(
          eq(blockedTimes.therapistId, slot.therapistId),
          slot.roomId ? eq(blockedTimes.roomId, slot.roomId) : undefined,
          and(isNull(blockedTimes.therapistId), isNull(blockedTimes.roomId)),
        ),
      ),
    );
  for (const b of blocks)
    clashes.push({ kind: 'blocked', id: b.id, start: b.startAt, end: b.endAt, reason: b.reason });
  return clashes;
}

// — What the visit counter needs from the clinical record (prescriptions, notes, assessments) —

export async function activeAppointmentsOfEpisodes(db: Db, clinicId: string, episodeIds: string[]) {
  if (episodeIds.length === 0) return [];
  return db
    .select({
      id: appointments.id,
      episodeId: appointments.episodeId,
      startAt: appointments.startAt,
      sessionNoteId: appointments.sessionNoteId,
    })
    .from(appointments)
    .where(and(eq(appointments.clinicId, clinicId), inArray(appointments.episodeId, episodeIds), active));
}

/** Session notes of the episodes that no appointment points to: visits documented without the calendar. */
export async function notesWithoutAppointment(db: Db, clinicId: string, episodeIds: string[]) {
  if (episodeIds.length === 0) return [];
  return db
    .select({ id: sessionNotes.id, episodeId: sessionNotes.episodeId, sessionDate: sessionNotes.sessionDate })
    .from(sessionNotes)
    .where(
      and(
        eq(sessionNotes.clinicId, clinicId),
        inArray(sessionNotes.episodeId, episodeIds),
        sql`not exists (select 1 from ${appointments} a where a.session_note_id = ${sessionNotes.id} and a.status in ('booked','confirmed','arrived','completed'))`,
      ),
    );
}

export async function prescriptionsOfEpisodes(db: Db, clinicId: string, episodeIds: string[]) {
  if (episodeIds.length === 0) return [];
  return db
    .select({
      id: prescriptions.id,
      episodeId: prescriptions.episodeId,
      writtenOn: prescriptions.writtenOn,
      expiresOn: prescriptions.expiresOn,
      visitsAuthorised: prescriptions.visitsAuthorised,
      prescriberName: prescriptions.prescriberName,
    })
    .from(prescriptions)
    .where(and(eq(prescriptions.clinicId, clinicId), inArray(prescriptions.episodeId, episodeIds)));
}

/** Signed initial assessments and re-evaluations (a discharge ends the count; it is not a re-evaluation). */
export async function signedAssessmentsOfEpisodes(db: Db, clinicId: string, episodeIds: string[]) {
  if (episodeIds.length === 0) return [];
  return db
    .select({ episodeId: assessments.episodeId, assessedOn: assessments.assessedOn })
    .from(assessments)
    .where(
      and(
        eq(assessments.clinicId, clinicId),
        inArray(assessments.episodeId, episodeIds),
        isNotNull(assessments.signedAt),
        ne(assessments.kind, 'discharge'),
      ),
    );
}

export async function episodeOfClient(db: Db, clinicId: string, episodeId: string) {
  const [row] = await db
    .select({ id: episodes.id, clientId: episodes.clientId, status: episodes.status })
    .from(episodes)
    .where(and(eq(episodes.clinicId, clinicId), eq(episodes.id, episodeId)));
  return row;
}

export async function findClient(db: Db, clinicId: string, clientId: string) {
  const [row] = await db
    .select({
      id: clients.id,
      givenName: clients.givenName,
      familyName: clients.familyName,
      archivedAt: clients.archivedAt,
    })
    .from(clients)
    .where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)));
  return row;
}

/** Staff who see clients: owners and therapists, active. */
export async function listBookableStaff(db: Db, clinicId: string) {
  return db
    .select({ id: users.id, name: users.name, role: users.role, credentials: users.credentials })
    .from(users)
    .where(
      and(
        eq(users.clinicId, clinicId),
        isNull(users.deactivatedAt),
        inArray(users.role, ['owner', 'therapist']),
      ),
    )
    .orderBy(asc(users.name));
}

/** Completed visits whose note is missing or unsigned: the therapist's to-do list (issue 7, item 1). */
export async function completedWithoutSignedNote(db: Db, clinicId: string, therapistId: string | undefined) {
  const rows = await selectViews(
    db,
    and(
      eq(appointments.clinicId, clinicId),
      eq(appointments.status, 'completed'),
      therapistId ? eq(appointments.therapistId, therapistId) : undefined,
      or(isNull(appointments.sessionNoteId), isNull(sessionNotes.signedAt)),
    ),
  );
  return rows.map(toView);
}

// — Service menu, rooms, hours, blocked time —

export async function listServices(db: Db, clinicId: string, includeArchived = false) {
  return db
    .select()
    .from(scheduleServices)
    .where(
      and(
        eq(scheduleServices.clinicId, clinicId),
        includeArchived ? undefined : isNull(scheduleServices.archivedAt),
      ),
    )
    .orderBy(asc(scheduleServices.name));
}

export async function findService(db: Db, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(scheduleServices)
    .where(and(eq(scheduleServices.clinicId, clinicId), eq(scheduleServices.id, id)));
  return row;
}

export async function insertService(db: Db, values: typeof scheduleServices.$inferInsert) {
  const [row] = await db.insert(scheduleServices).values(values).returning();
  return row!;
}

export async function updateService(
  db: Db,
  clinicId: string,
  id: string,
  version: number,
  changes: Partial<typeof scheduleServices.$inferInsert>,
) {
  const [row] = await db
    .update(scheduleServices)
    .set({ ...changes, version: sql`${scheduleServices.version} + 1` })
    .where(
      and(
        eq(scheduleServices.clinicId, clinicId),
        eq(scheduleServices.id, id),
        eq(scheduleServices.version, version),
      ),
    )
    .returning();
  return row;
}

export async function listRooms(db: Db, clinicId: string) {
  return db
    .select()
    .from(rooms)
    .where(and(eq(rooms.clinicId, clinicId), isNull(rooms.archivedAt)))
    .orderBy(asc(rooms.name));
}

export async function findRoom(db: Db, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(rooms)
    .where(and(eq(rooms.clinicId, clinicId), eq(rooms.id, id)));
  return row;
}

export async function insertRoom(db: Db, values: typeof rooms.$inferInsert) {
  const [row] = await db.insert(rooms).values(values).returning();
  return row!;
}

export async function archiveRoom(db: Db, clinicId: string, id: string, now: Date) {
  const [row] = await db
    .update(rooms)
    .set({ archivedAt: now })
    .where(and(eq(rooms.clinicId, clinicId), eq(rooms.id, id)))
    .returning();
  return row;
}

export async function listWorkingHours(db: Db, clinicId: string, therapistIds?: string[]) {
  return db
    .select()
    .from(workingHours)
    .where(
      and(
        eq(workingHours.clinicId, clinicId),
        therapistIds ? inArray(workingHours.therapistId, therapistIds) : undefined,
      ),
    )
    .orderBy(asc(workingHours.weekday), asc(workingHours.startTime));
}

export async function replaceWorkingHours(
  db: Db,
  clinicId: string,
  therapistId: string,
  intervals: { weekday: number; startTime: string; endTime: string }[],
) {
  await db
    .delete(workingHours)
    .where(and(eq(workingHours.clinicId, clinicId), eq(workingHours.therapistId, therapistId)));
  if (intervals.length)
    await db.insert(workingHours).values(intervals.map((i) => ({ ...i, clinicId, therapistId })));
}

export async function listBlockedTimes(db: Db, clinicId: string, from: Date, to: Date) {
  return db
    .select()
    .from(blockedTimes)
    .where(
      and(eq(blockedTimes.clinicId, clinicId), lt(blockedTimes.startAt, to), gt(blockedTimes.endAt, from)),
    )
    .orderBy(asc(blockedTimes.startAt));
}

export async function insertBlockedTime(db: Db, values: typeof blockedTimes.$inferInsert) {
  const [row] = await db.insert(blockedTimes).values(values).returning();
  return row!;
}

export async function deleteBlockedTime(db: Db, clinicId: string, id: string) {
  const rows = await db
    .delete(blockedTimes)
    .where(and(eq(blockedTimes.clinicId, clinicId), eq(blockedTimes.id, id)))
    .returning({ id: blockedTimes.id });
  return rows.length > 0;
}

/** Busy time for availability: active appointments (to busy_until) in the range. */
export async function busyAppointments(
  db: Db,
  clinicId: string,
  from: Date,
  to: Date,
  therapistIds: string[],
) {
  if (therapistIds.length === 0) return [];
  return db
    .select({
      therapistId: appointments.therapistId,
      start: appointments.startAt,
      end: appointments.busyUntil,
    })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        active,
        inArray(appointments.therapistId, therapistIds),
        lt(appointments.startAt, to),
        gt(appointments.busyUntil, from),
      ),
    );
}

// — Series and feeds —

export async function insertSeries(db: Db, values: typeof appointmentSeries.$inferInsert) {
  const [row] = await db.insert(appointmentSeries).values(values).returning();
  return row!;
}

export async function insertFeed(db: Db, values: typeof calendarFeeds.$inferInsert) {
  const [row] = await db.insert(calendarFeeds).values(values).returning();
  return row!;
}

export async function listFeeds(db: Db, clinicId: string, therapistId?: string) {
  return db
    .select({ feed: calendarFeeds, therapistName: users.name })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.therapistId))
    .where(
      and(
        eq(calendarFeeds.clinicId, clinicId),
        isNull(calendarFeeds.revokedAt),
        therapistId ? eq(calendarFeeds.therapistId, therapistId) : undefined,
      ),
    )
    .orderBy(asc(calendarFeeds.createdAt));
}

export async function findFeed(db: Db, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.clinicId, clinicId), eq(calendarFeeds.id, id)));
  return row;
}

export async function revokeFeed(db: Db, clinicId: string, id: string, now: Date) {
  await db
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeeds.clinicId, clinicId), eq(calendarFeeds.id, id)));
}

/** A live feed by its token's hash, with its clinic's zone and name (the feed is read without a session). */
export async function findLiveFeedByHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt)));
  return row;
}

export async function touchFeed(db: Db, id: string, now: Date) {
  await db.update(calendarFeeds).set({ lastReadAt: now }).where(eq(calendarFeeds.id, id));
}

export async function feedAppointments(db: Db, clinicId: string, therapistId: string, from: Date, to: Date) {
  return db
    .select({
      id: appointments.id,
      startAt: appointments.startAt,
      endAt: appointments.endAt,
      status: appointments.status,
      clientId: appointments.clientId,
      givenName: clients.givenName,
      familyName: clients.familyName,
      roomName: rooms.name,
      updatedAt: appointments.updatedAt,
    })
    .from(appointments)
    .innerJoin(clients, eq(clients.id, appointments.clientId))
    .leftJoin(rooms, eq(rooms.id, appointments.roomId))
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        eq(appointments.therapistId, therapistId),
        active,
        gte(appointments.startAt, from),
        lt(appointments.startAt, to),
      ),
    )
    .orderBy(asc(appointments.startAt));
}

// — What appointment messages need (no clinical detail) —

const messageColumns = {
  appointmentId: appointments.id,
  clinicId: appointments.clinicId,
  clientId: appointments.clientId,
  episodeId: appointments.episodeId,
  startAt: appointments.startAt,
  clientGivenName: clients.givenName,
  clientPreferredName: clients.preferredName,
  clientFamilyName: clients.familyName,
  clientEmail: clients.email,
  therapistName: users.name,
  clinicName: clinics.name,
  clinicPhone: clinics.phone,
  timeZone: clinics.timeZone,
};
export type AppointmentMessageRow = {
  appointmentId: string;
  clinicId: string;
  clientId: string;
  episodeId: string | null;
  startAt: Date;
  clientGivenName: string;
  clientPreferredName: string | null;
  clientFamilyName: string;
  clientEmail: string | null;
  therapistName: string;
  clinicName: string;
  clinicPhone: string | null;
  timeZone: string;
};

export async function appointmentMessageFacts(
  db: Db,
  clinicId: string,
  ids: string[],
): Promise<AppointmentMessageRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(messageColumns)
    .from(appointments)
    .innerJoin(clients, eq(clients.id, appointments.clientId))
    .innerJoin(users, eq(users.id, appointments.therapistId))
    .innerJoin(clinics, eq(clinics.id, appointments.clinicId))
    .where(and(eq(appointments.clinicId, clinicId), inArray(appointments.id, ids)))
    .orderBy(asc(appointments.startAt));
}

/** Booked or confirmed visits, in every clinic, that start within the clinic's reminder window from `now`. */
export async function dueForReminder(db: Db, now: Date): Promise<AppointmentMessageRow[]> {
  return db
    .select(messageColumns)
    .from(appointments)
    .innerJoin(clients, eq(clients.id, appointments.clientId))
    .innerJoin(users, eq(users.id, appointments.therapistId))
    .innerJoin(clinics, eq(clinics.id, appointments.clinicId))
    .where(
      and(
        inArray(appointments.status, ['booked', 'confirmed']),
        gt(appointments.startAt, now),
        sql`${appointments.startAt} <= ${now.toISOString()}::timestamptz + make_interval(hours => ${clinics.reminderHoursBefore})`,
        isNotNull(clients.email),
      ),
    )
    .orderBy(asc(appointments.startAt));
}

// — Waitlist —

export type WaitlistRow = typeof waitlistEntries.$inferSelect;

export async function insertWaitlistEntry(db: Db, values: typeof waitlistEntries.$inferInsert) {
  const [row] = await db.insert(waitlistEntries).values(values).returning();
  return row!;
}

export async function listWaitlist(db: Db, clinicId: string, statuses: WaitlistRow['status'][]) {
  return db
    .select({
      entry: waitlistEntries,
      givenName: clients.givenName,
      familyName: clients.familyName,
      email: clients.email,
      phone: clients.phone,
    })
    .from(waitlistEntries)
    .innerJoin(clients, eq(clients.id, waitlistEntries.clientId))
    .where(and(eq(waitlistEntries.clinicId, clinicId), inArray(waitlistEntries.status, statuses)))
    .orderBy(asc(waitlistEntries.createdAt));
}

export async function updateWaitlistEntry(
  db: Db,
  clinicId: string,
  id: string,
  changes: Partial<typeof waitlistEntries.$inferInsert>,
) {
  const [row] = await db
    .update(waitlistEntries)
    .set(changes)
    .where(and(eq(waitlistEntries.clinicId, clinicId), eq(waitlistEntries.id, id)))
    .returning();
  return row;
}

/** Whether the client had any visit before `before` (booked or held): otherwise this is the first. */
export async function hadEarlierVisit(db: Db, clinicId: string, clientId: string, before: Date) {
  const [row] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        eq(appointments.clientId, clientId),
        lt(appointments.startAt, before),
        inArray(appointments.status, ['booked', 'confirmed', 'arrived', 'completed', 'no_show']),
      ),
    )
    .limit(1);
  return row !== undefined;
}
