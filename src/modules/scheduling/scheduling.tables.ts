import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { clients } from '../clients/clients.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { episodes } from '../episodes/episodes.tables.js';
import { sessionNotes } from '../session-notes/session-notes.tables.js';
import { APPOINTMENT_STATUSES } from './domain/appointment.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The service menu (issue 7, item 1): what a client books, for how long, at what price, and the buffer after. */
export const scheduleServices = pgTable(
  'schedule_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    name: text('name').notNull(),
    description: text('description'),
    durationMinutes: integer('duration_minutes').notNull(),
    bufferMinutes: integer('buffer_minutes').notNull().default(0),
    priceCents: integer('price_cents').notNull(),
    /** Shown on the public booking page (an introductory offer is a service flagged as such). */
    bookableOnline: boolean('bookable_online').notNull().default(true),
    introductoryOffer: boolean('introductory_offer').notNull().default(false),
    archivedAt: at('archived_at'),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('schedule_services_clinic_idx').on(t.clinicId),
    check('schedule_services_duration', sql`${t.durationMinutes} between 5 and 480`),
    check('schedule_services_buffer', sql`${t.bufferMinutes} between 0 and 120`),
    check('schedule_services_price', sql`${t.priceCents} >= 0`),
  ],
);

export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    name: text('name').notNull(),
    archivedAt: at('archived_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('rooms_clinic_idx').on(t.clinicId)],
);

/** A therapist's weekly hours: intervals of wall-clock time per ISO weekday; a break is a gap between two. */
export const workingHours = pgTable(
  'working_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    therapistId: uuid('therapist_id')
      .notNull()
      .references(() => users.id),
    weekday: smallint('weekday').notNull(),
    startTime: time('start_time').notNull(),
    endTime: time('end_time').notNull(),
  },
  (t) => [
    index('working_hours_therapist_idx').on(t.clinicId, t.therapistId),
    check('working_hours_weekday', sql`${t.weekday} between 1 and 7`),
    check('working_hours_order', sql`${t.endTime} > ${t.startTime}`),
  ],
);

/** Time nobody may book: a therapist's (therapist_id set), a room's, or the whole clinic's (both empty). */
export const blockedTimes = pgTable(
  'blocked_times',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    therapistId: uuid('therapist_id').references(() => users.id),
    roomId: uuid('room_id').references(() => rooms.id),
    startAt: at('start_at').notNull(),
    endAt: at('end_at').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('blocked_times_clinic_idx').on(t.clinicId, t.startAt),
    check('blocked_times_order', sql`${t.endAt} > ${t.startAt}`),
  ],
);

/** A recurring series: the RRULE as given and the first visit; its occurrences are ordinary appointments. */
export const appointmentSeries = pgTable('appointment_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  clinicId: uuid('clinic_id')
    .notNull()
    .references(() => clinics.id),
  rule: text('rule').notNull(),
  /** The clinic's zone when the series was made: its wall-clock times are the series' times. */
  timeZone: text('time_zone').notNull(),
  firstStart: at('first_start').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: at('created_at').notNull(),
});

/**
 * One visit on the calendar. `busy_until` = end + the service's buffer: the time the therapist and the room
 * are held. Exclusion constraints in drizzle/0009 refuse overlapping active appointments of one therapist,
 * room or client even when two requests race (issue 7, item 2).
 */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    therapistId: uuid('therapist_id')
      .notNull()
      .references(() => users.id),
    serviceId: uuid('service_id').references(() => scheduleServices.id),
    roomId: uuid('room_id').references(() => rooms.id),
    episodeId: uuid('episode_id').references(() => episodes.id),
    seriesId: uuid('series_id').references(() => appointmentSeries.id),
    startAt: at('start_at').notNull(),
    endAt: at('end_at').notNull(),
    bufferMinutes: integer('buffer_minutes').notNull().default(0),
    busyUntil: at('busy_until').notNull(),
    status: text('status', { enum: APPOINTMENT_STATUSES }).notNull().default('booked'),
    notes: text('notes'),
    /** The session note written for this visit (opened from the calendar). */
    sessionNoteId: uuid('session_note_id').references(() => sessionNotes.id, { onDelete: 'set null' }),
    cancelReason: text('cancel_reason'),
    cancelledAt: at('cancelled_at'),
    lateCancellation: boolean('late_cancellation').notNull().default(false),
    /** Who booked: staff (created_by) or the client online. */
    source: text('source', { enum: ['staff', 'online', 'portal'] })
      .notNull()
      .default('staff'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('appointments_clinic_start_idx').on(t.clinicId, t.startAt),
    index('appointments_therapist_idx').on(t.clinicId, t.therapistId, t.startAt),
    index('appointments_client_idx').on(t.clinicId, t.clientId, t.startAt),
    index('appointments_episode_idx').on(t.clinicId, t.episodeId),
    index('appointments_series_idx').on(t.seriesId),
    check('appointments_order', sql`${t.endAt} > ${t.startAt} and ${t.busyUntil} >= ${t.endAt}`),
  ],
);

/** A therapist's private iCalendar feed; only the SHA-256 of its token is kept. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    therapistId: uuid('therapist_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    revokedAt: at('revoked_at'),
    lastReadAt: at('last_read_at'),
  },
  (t) => [uniqueIndex('calendar_feeds_token_idx').on(t.tokenHash)],
);

/** A client waiting for an earlier or another time; offered freed slots that suit (domain/waitlist.ts). */
export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    therapistId: uuid('therapist_id').references(() => users.id),
    serviceId: uuid('service_id').references(() => scheduleServices.id),
    earliest: date('earliest', { mode: 'string' }).notNull(),
    latest: date('latest', { mode: 'string' }).notNull(),
    weekdays: jsonb('weekdays').$type<number[]>().notNull().default([]),
    fromTime: text('from_time'),
    toTime: text('to_time'),
    note: text('note'),
    status: text('status', { enum: ['waiting', 'offered', 'booked', 'removed'] })
      .notNull()
      .default('waiting'),
    lastOfferAt: at('last_offer_at'),
    lastOfferStart: at('last_offer_start'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('waitlist_entries_clinic_idx').on(t.clinicId, t.status)],
);
