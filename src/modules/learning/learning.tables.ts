import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { clinics } from '../clinics/clinics.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const clinicId = () =>
  uuid('clinic_id')
    .notNull()
    .references(() => clinics.id);
const userId = () =>
  uuid('user_id')
    .notNull()
    .references(() => users.id);

/**
 * A practice set or a full timed exam (issue 8). The form is fixed when it starts (`item_ids` in order);
 * the deadline is the server's, so a reload or another device cannot stop the clock.
 */
export const learningAttempts = pgTable(
  'learning_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicId(),
    userId: userId(),
    mode: text('mode', { enum: ['full', 'practice'] }).notNull(),
    area: text('area'),
    subtopic: text('subtopic'),
    /** Practice only: rationale after each answer, or all at the end. */
    feedback: text('feedback', { enum: ['each', 'end'] }).notNull(),
    itemIds: jsonb('item_ids').$type<string[]>().notNull(),
    durationMinutes: integer('duration_minutes'),
    startedAt: at('started_at').notNull(),
    deadlineAt: at('deadline_at'),
    finishedAt: at('finished_at'),
    correct: integer('correct'),
    total: integer('total'),
  },
  (t) => [index('learning_attempts_user_idx').on(t.clinicId, t.userId, t.startedAt)],
);

/**
 * One answer per position: the primary key refuses a second answer to an item, and the service only
 * accepts the next position, so answers are in order with no going back (like the MBLEx).
 */
export const learningAnswers = pgTable(
  'learning_answers',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => learningAttempts.id),
    clinicId: clinicId(),
    userId: userId(),
    position: integer('position').notNull(),
    itemId: text('item_id').notNull(),
    area: text('area').notNull(),
    subtopic: text('subtopic').notNull(),
    chosen: text('chosen').notNull(),
    correct: boolean('correct').notNull(),
    answeredAt: at('answered_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.position] }),
    uniqueIndex('learning_answers_item_idx').on(t.attemptId, t.itemId),
    index('learning_answers_user_idx').on(t.clinicId, t.userId, t.answeredAt),
  ],
);

/** FSRS state of one learner's card: a missed item or a flashcard. */
export const learningReviewCards = pgTable(
  'learning_review_cards',
  {
    clinicId: clinicId(),
    userId: userId(),
    kind: text('kind', { enum: ['item', 'flashcard'] }).notNull(),
    refId: text('ref_id').notNull(),
    due: at('due').notNull(),
    stability: real('stability').notNull(),
    difficulty: real('difficulty').notNull(),
    elapsedDays: integer('elapsed_days').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reps: integer('reps').notNull(),
    lapses: integer('lapses').notNull(),
    state: text('state', { enum: ['new', 'learning', 'review', 'relearning'] }).notNull(),
    lastReview: at('last_review'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind, t.refId] }),
    index('learning_review_cards_due_idx').on(t.clinicId, t.userId, t.due),
  ],
);

export const learningReviewLogs = pgTable(
  'learning_review_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicId(),
    userId: userId(),
    kind: text('kind', { enum: ['item', 'flashcard'] }).notNull(),
    refId: text('ref_id').notNull(),
    grade: text('grade', { enum: ['again', 'hard', 'good', 'easy'] }).notNull(),
    reviewedAt: at('reviewed_at').notNull(),
    dueAfter: at('due_after').notNull(),
  },
  (t) => [index('learning_review_logs_user_idx').on(t.clinicId, t.userId, t.reviewedAt)],
);

/** The learner's exam date and hours; the plan itself is recomputed from the latest results when read. */
export const learningPlans = pgTable('learning_plans', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  clinicId: clinicId(),
  examDate: date('exam_date', { mode: 'string' }).notNull(),
  hoursPerWeek: real('hours_per_week').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** Items a clinic or school imported (GIFT or QTI): used in practice beside the shipped bank. */
export const learningImportedItems = pgTable(
  'learning_imported_items',
  {
    id: text('id').primaryKey(),
    clinicId: clinicId(),
    area: text('area').notNull(),
    subtopic: text('subtopic').notNull(),
    difficulty: text('difficulty', { enum: ['easy', 'medium', 'hard'] }).notNull(),
    stem: text('stem').notNull(),
    options: jsonb('options').$type<{ text: string; rationale: string }[]>().notNull(),
    answer: text('answer').notNull(),
    reference: text('reference').notNull(),
    source: text('source', { enum: ['gift', 'qti'] }).notNull(),
    createdBy: userId(),
    createdAt: at('created_at').notNull(),
    /** Removed from practice and export; kept so that past exams and review cards still show it. */
    retiredAt: at('retired_at'),
  },
  (t) => [index('learning_imported_items_clinic_idx').on(t.clinicId, t.area)],
);

/** A licence or certification a therapist holds, and the CE rule that governs its renewal. */
export const ceCredentials = pgTable(
  'ce_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicId(),
    userId: userId(),
    ruleId: text('rule_id').notNull(),
    kind: text('kind', { enum: ['licence', 'certification'] }).notNull(),
    jurisdiction: text('jurisdiction').notNull(),
    number: text('number'),
    issuedOn: date('issued_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    firstRenewal: boolean('first_renewal').notNull().default(false),
    createdAt: at('created_at').notNull(),
    archivedAt: at('archived_at'),
  },
  (t) => [index('ce_credentials_user_idx').on(t.clinicId, t.userId)],
);

export const ceCourses = pgTable(
  'ce_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicId(),
    userId: userId(),
    title: text('title').notNull(),
    provider: text('provider').notNull(),
    providerNumber: text('provider_number'),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    hours: real('hours').notNull(),
    category: text('category').notNull(),
    format: text('format', { enum: ['in_person', 'online'] }).notNull(),
    certificateName: text('certificate_name'),
    certificateMime: text('certificate_mime'),
    /** Base64 of the certificate (PDF or image, at most 2 MB). */
    certificateData: text('certificate_data'),
    createdAt: at('created_at').notNull(),
    deletedAt: at('deleted_at'),
  },
  (t) => [index('ce_courses_user_idx').on(t.clinicId, t.userId, t.completedOn)],
);

/** CE rules a clinic added for states Palpa does not ship. */
export const ceClinicRules = pgTable(
  'ce_clinic_rules',
  {
    clinicId: clinicId(),
    id: text('id').notNull(),
    rule: jsonb('rule').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.id] })],
);
