import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { clients } from '../clients/clients.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { episodes } from '../episodes/episodes.tables.js';
import type { AlertAcknowledgement, PerformedService } from './domain/session-note.js';

/**
 * SOAP notes. Once signed_at is set a trigger refuses every UPDATE and DELETE (on PGlite and PostgreSQL
 * alike); corrections go into session_note_addenda. Sources: CMS Program Integrity Manual ch. 3 §3.3.2.5
 * (amendments must be identified as such, dated and signed; originals are not altered).
 */
export const sessionNotes = pgTable(
  'session_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    therapistId: uuid('therapist_id')
      .notNull()
      .references(() => users.id),
    sessionDate: date('session_date', { mode: 'string' }).notNull(),
    templateId: text('template_id'),
    subjective: text('subjective').notNull().default(''),
    objective: text('objective').notNull().default(''),
    assessment: text('assessment').notNull().default(''),
    plan: text('plan').notNull().default(''),
    painBefore: integer('pain_before'),
    painAfter: integer('pain_after'),
    /** Walton's 0–5 pressure scale (after MacDonald & Nelson): the scale Palpa records pressure on. */
    pressureLevel: integer('pressure_level'),
    clientResponse: text('client_response').notNull().default(''),
    homeCare: text('home_care').notNull().default(''),
    services: jsonb('services').$type<PerformedService[]>().notNull(),
    acknowledgements: jsonb('acknowledgements').$type<AlertAcknowledgement[]>().notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
    signedBy: uuid('signed_by').references(() => users.id),
    /** SHA-256 of the note's content at signing: shows later that nothing changed. */
    contentSha256: text('content_sha256'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('session_notes_episode_idx').on(t.clinicId, t.episodeId, t.sessionDate),
    index('session_notes_client_idx').on(t.clinicId, t.clientId, t.sessionDate),
  ],
);

/** Corrections to a signed note: append-only, each signed by its author when written. */
export const sessionNoteAddenda = pgTable(
  'session_note_addenda',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    sessionNoteId: uuid('session_note_id')
      .notNull()
      .references(() => sessionNotes.id),
    text: text('text').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('session_note_addenda_note_idx').on(t.sessionNoteId, t.signedAt)],
);
