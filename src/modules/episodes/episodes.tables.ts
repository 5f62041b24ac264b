import { date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { clients } from '../clients/clients.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { EPISODE_STATUSES, PAYER_CONTEXTS } from './domain/episode.js';

export const episodeStatusEnum = pgEnum('episode_status', EPISODE_STATUSES);
export const payerContextEnum = pgEnum('payer_context', PAYER_CONTEXTS);

/** One complaint or injury of one client: everything clinical hangs from an episode (issue 3, "The model"). */
export const episodes = pgTable(
  'episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    title: text('title').notNull(),
    payerContext: payerContextEnum('payer_context').notNull(),
    onsetDate: date('onset_date', { mode: 'string' }),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    status: episodeStatusEnum('status').notNull().default('open'),
    dischargedOn: date('discharged_on', { mode: 'string' }),
    dischargeReason: text('discharge_reason'),
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
  (t) => [index('episodes_clinic_client_idx').on(t.clinicId, t.clientId, t.startedOn)],
);
