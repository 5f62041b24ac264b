import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { episodes } from '../episodes/episodes.tables.js';

export type StoredDiagnosis = { code: string; description: string };

/** A prescription or referral for massage: the order, who wrote it, and what it authorises. */
export const prescriptions = pgTable(
  'prescriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    prescriberName: text('prescriber_name').notNull(),
    prescriberPractice: text('prescriber_practice'),
    prescriberPhone: text('prescriber_phone'),
    prescriberFax: text('prescriber_fax'),
    prescriberNpi: text('prescriber_npi'),
    writtenOn: date('written_on', { mode: 'string' }).notNull(),
    /** In the prescriber's order; the first is the primary diagnosis (CMS-1500 box 21 A). */
    diagnoses: jsonb('diagnoses').$type<StoredDiagnosis[]>().notNull(),
    orderText: text('order_text'),
    frequencyPerWeek: integer('frequency_per_week'),
    durationWeeks: integer('duration_weeks'),
    visitsAuthorised: integer('visits_authorised'),
    expiresOn: date('expires_on', { mode: 'string' }),
    priorAuthNumber: text('prior_auth_number'),
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
  (t) => [index('prescriptions_episode_idx').on(t.clinicId, t.episodeId, t.writtenOn)],
);
