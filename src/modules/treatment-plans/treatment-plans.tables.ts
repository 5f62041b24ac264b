import { index, integer, jsonb, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { episodes } from '../episodes/episodes.tables.js';
import type { PlannedTechnique, TreatmentGoal } from './domain/goals.js';

/** The plan of care for an episode: problems, measurable goals, techniques, frequency, precautions. */
export const treatmentPlans = pgTable(
  'treatment_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    problems: jsonb('problems').$type<string[]>().notNull(),
    goals: jsonb('goals').$type<TreatmentGoal[]>().notNull(),
    techniques: jsonb('techniques').$type<PlannedTechnique[]>().notNull(),
    frequencyPerWeek: integer('frequency_per_week'),
    durationWeeks: integer('duration_weeks'),
    precautions: jsonb('precautions').$type<string[]>().notNull(),
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
    uniqueIndex('treatment_plans_episode_unique').on(t.episodeId),
    index('treatment_plans_clinic_idx').on(t.clinicId),
  ],
);
