import {
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { episodes } from '../episodes/episodes.tables.js';
import {
  ASSESSMENT_KINDS,
  RECOMMENDATIONS,
  type GoalReview,
  type RangeOfMotionEntry,
  type SpecialTestEntry,
} from './domain/assessment.js';

export const assessmentKindEnum = pgEnum('assessment_kind', ASSESSMENT_KINDS);
export const recommendationEnum = pgEnum('recommendation', RECOMMENDATIONS);

/** Initial assessment, re-evaluation or discharge assessment. Signed ones are immutable (DB trigger). */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    kind: assessmentKindEnum('kind').notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    posture: text('posture'),
    gait: text('gait'),
    findings: text('findings'),
    painNprs: integer('pain_nprs'),
    rangeOfMotion: jsonb('range_of_motion').$type<RangeOfMotionEntry[]>().notNull(),
    specialTests: jsonb('special_tests').$type<SpecialTestEntry[]>().notNull(),
    goalReviews: jsonb('goal_reviews').$type<GoalReview[]>().notNull(),
    recommendation: recommendationEnum('recommendation'),
    recommendationNote: text('recommendation_note'),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
    signedBy: uuid('signed_by').references(() => users.id),
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
  (t) => [index('assessments_episode_idx').on(t.clinicId, t.episodeId, t.assessedOn)],
);

/**
 * Palpation marks on the body chart, one row each so they can be queried and compared across visits
 * ("every trigger point in the left upper trapezius this episode"). A mark belongs to an assessment or a
 * session note; a trigger refuses changes once that record is signed.
 */
export const bodyChartMarks = pgTable(
  'body_chart_marks',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    assessmentId: uuid('assessment_id').references((): AnyPgColumn => assessments.id),
    /** Foreign key added in SQL (session_notes lives in its own module; no import cycle). */
    sessionNoteId: uuid('session_note_id'),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    view: text('view').notNull(),
    regionId: text('region_id').notNull(),
    x: real('x').notNull(),
    y: real('y').notNull(),
    markType: text('mark_type').notNull(),
    intensity: integer('intensity').notNull(),
    note: text('note'),
  },
  (t) => [
    index('body_chart_marks_episode_idx').on(t.clinicId, t.episodeId, t.regionId),
    index('body_chart_marks_assessment_idx').on(t.assessmentId),
    index('body_chart_marks_note_idx').on(t.sessionNoteId),
  ],
);

/** A scored outcome measure (NDI, ODI, …) taken in an assessment or a session. */
export const outcomeMeasureResults = pgTable(
  'outcome_measure_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    assessmentId: uuid('assessment_id').references((): AnyPgColumn => assessments.id),
    sessionNoteId: uuid('session_note_id'),
    instrument: text('instrument').notNull(),
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    answers: jsonb('answers').$type<(number | null)[]>().notNull(),
    /** PSFS activities as the client named them (PSFS only). */
    labels: jsonb('labels').$type<string[]>(),
    score: real('score').notNull(),
    band: text('band').notNull(),
  },
  (t) => [index('outcome_measure_results_episode_idx').on(t.clinicId, t.episodeId, t.instrument, t.takenOn)],
);
