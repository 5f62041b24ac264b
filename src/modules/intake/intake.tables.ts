import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { clients } from '../clients/clients.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { episodes } from '../episodes/episodes.tables.js';
import type { HealthHistory, ScreeningAlert } from '../screening/index.js';
import { CONSENT_KINDS, SIGNATURE_METHODS } from './domain/consent-texts.js';

/** The episode's intake: the structured health history and the screening alerts it produced. */
export const intakes = pgTable(
  'intakes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    healthHistory: jsonb('health_history').$type<HealthHistory>().notNull(),
    /** Alerts as screened when the history was saved, with the rule table's citation for each. */
    alerts: jsonb('alerts').$type<ScreeningAlert[]>().notNull(),
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
  (t) => [uniqueIndex('intakes_episode_unique').on(t.episodeId), index('intakes_clinic_idx').on(t.clinicId)],
);

export const consentKindEnum = pgEnum('consent_kind', CONSENT_KINDS);
export const signatureMethodEnum = pgEnum('signature_method', SIGNATURE_METHODS);

/** A signed consent: append-only (a trigger refuses changes); a new signature supersedes an old one. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    kind: consentKindEnum('kind').notNull(),
    /** The exact wording signed: version id, full text and its SHA-256. */
    textVersion: text('text_version').notNull(),
    textBody: text('text_body').notNull(),
    textSha256: text('text_sha256').notNull(),
    signerName: text('signer_name').notNull(),
    signerRelationship: text('signer_relationship'),
    signatureMethod: signatureMethodEnum('signature_method').notNull(),
    /** Drawn: SVG path data of the strokes; typed: the typed name. */
    signatureData: text('signature_data').notNull(),
    releaseTo: text('release_to'),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
    witnessedBy: uuid('witnessed_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('consents_episode_idx').on(t.clinicId, t.episodeId, t.kind, t.signedAt)],
);
