import { and, asc, count, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../accounts/accounts.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import {
  ceClinicRules,
  ceCourses,
  ceCredentials,
  learningAnswers,
  learningAttempts,
  learningImportedItems,
  learningPlans,
  learningReviewCards,
  learningReviewLogs,
} from './learning.tables.js';

type Owner = { clinicId: string; userId: string };

// — Attempts and answers —

export type AttemptRow = typeof learningAttempts.$inferSelect;

export async function insertAttempt(
  db: Db,
  values: typeof learningAttempts.$inferInsert,
): Promise<AttemptRow> {
  const [row] = await db.insert(learningAttempts).values(values).returning();
  return row!;
}

export async function findAttempt(db: Db, owner: Owner, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select()
    .from(learningAttempts)
    .where(
      and(
        eq(learningAttempts.id, id),
        eq(learningAttempts.clinicId, owner.clinicId),
        eq(learningAttempts.userId, owner.userId),
      ),
    );
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function finishAttempt(
  db: Db,
  id: string,
  values: { finishedAt: Date; correct: number; total: number },
) {
  await db.update(learningAttempts).set(values).where(eq(learningAttempts.id, id));
}

export async function listAttempts(db: Db, owner: Owner, limit = 100) {
  return db
    .select()
    .from(learningAttempts)
    .where(and(eq(learningAttempts.clinicId, owner.clinicId), eq(learningAttempts.userId, owner.userId)))
    .orderBy(desc(learningAttempts.startedAt))
    .limit(limit);
}

export type AnswerRow = typeof learningAnswers.$inferSelect;

export async function answersOf(db: Db, attemptId: string): Promise<AnswerRow[]> {
  return db
    .select()
    .from(learningAnswers)
    .where(eq(learningAnswers.attemptId, attemptId))
    .orderBy(asc(learningAnswers.position));
}

export async function insertAnswer(db: Db, values: typeof learningAnswers.$inferInsert) {
  await db.insert(learningAnswers).values(values);
}

/** Every item this learner has answered (to prefer unseen items in new forms). */
export async function seenItemIds(db: Db, owner: Owner): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ itemId: learningAnswers.itemId })
    .from(learningAnswers)
    .where(and(eq(learningAnswers.clinicId, owner.clinicId), eq(learningAnswers.userId, owner.userId)));
  return new Set(rows.map((r) => r.itemId));
}

export async function accuracyBySubtopic(db: Db, owner: Owner) {
  return db
    .select({
      area: learningAnswers.area,
      subtopic: learningAnswers.subtopic,
      answered: count(),
      correct: sql<number>`count(*) filter (where ${learningAnswers.correct})`.mapWith(Number),
    })
    .from(learningAnswers)
    .where(and(eq(learningAnswers.clinicId, owner.clinicId), eq(learningAnswers.userId, owner.userId)))
    .groupBy(learningAnswers.area, learningAnswers.subtopic);
}

/** Every answer's time, area and outcome (bucketed by week in the service, in the clinic's zone). */
export async function answerHistory(db: Db, owner: Owner) {
  return db
    .select({
      answeredAt: learningAnswers.answeredAt,
      area: learningAnswers.area,
      correct: learningAnswers.correct,
    })
    .from(learningAnswers)
    .where(and(eq(learningAnswers.clinicId, owner.clinicId), eq(learningAnswers.userId, owner.userId)))
    .orderBy(asc(learningAnswers.answeredAt));
}

// — Review cards —

export type CardRow = typeof learningReviewCards.$inferSelect;

export async function findCard(
  db: Db,
  owner: Owner,
  kind: 'item' | 'flashcard',
  refId: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(learningReviewCards)
    .where(
      and(
        eq(learningReviewCards.clinicId, owner.clinicId),
        eq(learningReviewCards.userId, owner.userId),
        eq(learningReviewCards.kind, kind),
        eq(learningReviewCards.refId, refId),
      ),
    );
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function cardsOf(db: Db, owner: Owner, kind: 'item' | 'flashcard', refIds: string[]) {
  if (refIds.length === 0) return [];
  return db
    .select()
    .from(learningReviewCards)
    .where(
      and(
        eq(learningReviewCards.clinicId, owner.clinicId),
        eq(learningReviewCards.userId, owner.userId),
        eq(learningReviewCards.kind, kind),
        inArray(learningReviewCards.refId, refIds),
      ),
    );
}

export async function upsertCard(db: Db, values: typeof learningReviewCards.$inferInsert) {
  const { clinicId: _c, userId: _u, kind: _k, refId: _r, createdAt: _created, ...changes } = values;
  await db
    .insert(learningReviewCards)
    .values(values)
    .onConflictDoUpdate({
      target: [learningReviewCards.userId, learningReviewCards.kind, learningReviewCards.refId],
      set: changes,
    });
}

export async function dueCards(db: Db, owner: Owner, until: Date, limit: number) {
  return db
    .select()
    .from(learningReviewCards)
    .where(
      and(
        eq(learningReviewCards.clinicId, owner.clinicId),
        eq(learningReviewCards.userId, owner.userId),
        lte(learningReviewCards.due, until),
      ),
    )
    .orderBy(asc(learningReviewCards.due))
    .limit(limit);
}

export async function countDue(db: Db, owner: Owner, until: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(learningReviewCards)
    .where(
      and(
        eq(learningReviewCards.clinicId, owner.clinicId),
        eq(learningReviewCards.userId, owner.userId),
        lte(learningReviewCards.due, until),
      ),
    );
  return row?.n ?? 0;
}

export async function countCards(db: Db, owner: Owner): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(learningReviewCards)
    .where(
      and(eq(learningReviewCards.clinicId, owner.clinicId), eq(learningReviewCards.userId, owner.userId)),
    );
  return row?.n ?? 0;
}

export async function flashcardIdsWithCards(db: Db, owner: Owner): Promise<Set<string>> {
  const rows = await db
    .select({ refId: learningReviewCards.refId })
    .from(learningReviewCards)
    .where(
      and(
        eq(learningReviewCards.clinicId, owner.clinicId),
        eq(learningReviewCards.userId, owner.userId),
        eq(learningReviewCards.kind, 'flashcard'),
      ),
    );
  return new Set(rows.map((r) => r.refId));
}

export async function insertReviewLog(db: Db, values: typeof learningReviewLogs.$inferInsert) {
  await db.insert(learningReviewLogs).values(values);
}

export async function reviewsSince(
  db: Db,
  owner: Owner,
  since: Date,
  kind?: 'item' | 'flashcard',
  firstOnly = false,
) {
  const rows = await db
    .select({
      refId: learningReviewLogs.refId,
      kind: learningReviewLogs.kind,
      reviewedAt: learningReviewLogs.reviewedAt,
    })
    .from(learningReviewLogs)
    .where(
      and(
        eq(learningReviewLogs.clinicId, owner.clinicId),
        eq(learningReviewLogs.userId, owner.userId),
        gte(learningReviewLogs.reviewedAt, since),
        ...(kind ? [eq(learningReviewLogs.kind, kind)] : []),
      ),
    );
  return firstOnly ? rows : rows;
}

/** Flashcards first seen since a time (new cards introduced today count toward the daily limit). */
export async function newFlashcardsSince(db: Db, owner: Owner, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(learningReviewCards)
    .where(
      and(
        eq(learningReviewCards.clinicId, owner.clinicId),
        eq(learningReviewCards.userId, owner.userId),
        eq(learningReviewCards.kind, 'flashcard'),
        gte(learningReviewCards.createdAt, since),
      ),
    );
  return row?.n ?? 0;
}

// — Study plan —

export async function findPlan(db: Db, owner: Owner) {
  const [row] = await db
    .select()
    .from(learningPlans)
    .where(and(eq(learningPlans.userId, owner.userId), eq(learningPlans.clinicId, owner.clinicId)));
  return row;
}

export async function upsertPlan(db: Db, values: typeof learningPlans.$inferInsert) {
  await db
    .insert(learningPlans)
    .values(values)
    .onConflictDoUpdate({
      target: learningPlans.userId,
      set: { examDate: values.examDate, hoursPerWeek: values.hoursPerWeek, updatedAt: values.updatedAt },
    });
}

// — Imported items —

/** A clinic's imported questions; retired ones only when asked (past exams still refer to them). */
export async function importedItems(db: Db, clinicId: string, options: { withRetired?: boolean } = {}) {
  return db
    .select()
    .from(learningImportedItems)
    .where(
      and(
        eq(learningImportedItems.clinicId, clinicId),
        options.withRetired ? undefined : isNull(learningImportedItems.retiredAt),
      ),
    );
}

/** Retires one imported question; answers the row, or undefined when there is none still in use. */
export async function retireImportedItem(db: Db, clinicId: string, id: string, at: Date) {
  const [row] = await db
    .update(learningImportedItems)
    .set({ retiredAt: at })
    .where(
      and(
        eq(learningImportedItems.clinicId, clinicId),
        eq(learningImportedItems.id, id),
        isNull(learningImportedItems.retiredAt),
      ),
    )
    .returning();
  return row;
}

export async function insertImportedItems(db: Db, rows: (typeof learningImportedItems.$inferInsert)[]) {
  if (rows.length) await db.insert(learningImportedItems).values(rows);
}

// — CE —

export type CredentialRow = typeof ceCredentials.$inferSelect;
export type CourseRow = typeof ceCourses.$inferSelect;

export async function credentialsOf(db: Db, clinicId: string, userIds?: string[]) {
  return db
    .select()
    .from(ceCredentials)
    .where(
      and(
        eq(ceCredentials.clinicId, clinicId),
        isNull(ceCredentials.archivedAt),
        ...(userIds ? [inArray(ceCredentials.userId, userIds)] : []),
      ),
    )
    .orderBy(asc(ceCredentials.expiresOn));
}

export async function findCredential(db: Db, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(ceCredentials)
    .where(
      and(eq(ceCredentials.id, id), eq(ceCredentials.clinicId, clinicId), isNull(ceCredentials.archivedAt)),
    );
  return row;
}

export async function insertCredential(db: Db, values: typeof ceCredentials.$inferInsert) {
  const [row] = await db.insert(ceCredentials).values(values).returning();
  return row!;
}

export async function updateCredential(
  db: Db,
  id: string,
  values: Partial<typeof ceCredentials.$inferInsert>,
) {
  const [row] = await db.update(ceCredentials).set(values).where(eq(ceCredentials.id, id)).returning();
  return row!;
}

export async function coursesOf(db: Db, clinicId: string, userIds?: string[]) {
  return db
    .select()
    .from(ceCourses)
    .where(
      and(
        eq(ceCourses.clinicId, clinicId),
        isNull(ceCourses.deletedAt),
        ...(userIds ? [inArray(ceCourses.userId, userIds)] : []),
      ),
    )
    .orderBy(desc(ceCourses.completedOn));
}

export async function findCourse(db: Db, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(ceCourses)
    .where(and(eq(ceCourses.id, id), eq(ceCourses.clinicId, clinicId), isNull(ceCourses.deletedAt)));
  return row;
}

export async function insertCourse(db: Db, values: typeof ceCourses.$inferInsert) {
  const [row] = await db.insert(ceCourses).values(values).returning();
  return row!;
}

export async function deleteCourse(db: Db, id: string, now: Date) {
  await db.update(ceCourses).set({ deletedAt: now }).where(eq(ceCourses.id, id));
}

export async function clinicRules(db: Db, clinicId: string) {
  return db
    .select()
    .from(ceClinicRules)
    .where(eq(ceClinicRules.clinicId, clinicId))
    .orderBy(asc(ceClinicRules.id));
}

export async function insertClinicRule(db: Db, values: typeof ceClinicRules.$inferInsert) {
  await db.insert(ceClinicRules).values(values);
}

export async function staffOf(db: Db, clinicId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(and(eq(users.clinicId, clinicId), isNull(users.deactivatedAt)))
    .orderBy(asc(users.name));
}

/** Credentials expiring within a window, across all clinics (the daily reminder scan). */
export async function credentialsExpiringBetween(db: Db, from: string, to: string) {
  return db
    .select({
      credential: ceCredentials,
      userName: users.name,
      email: users.email,
      clinicName: clinics.name,
      timeZone: clinics.timeZone,
    })
    .from(ceCredentials)
    .innerJoin(users, eq(users.id, ceCredentials.userId))
    .innerJoin(clinics, eq(clinics.id, ceCredentials.clinicId))
    .where(
      and(
        isNull(ceCredentials.archivedAt),
        isNull(users.deactivatedAt),
        gte(ceCredentials.expiresOn, from),
        lte(ceCredentials.expiresOn, to),
      ),
    );
}

/** When the next card falls due after a time (the review page: "next card due …"). */
export async function nextDueAfter(db: Db, owner: Owner, after: Date): Promise<Date | null> {
  const [row] = await db
    .select({
      due: sql<Date | null>`min(${learningReviewCards.due})`.mapWith((v: string | Date | null) =>
        v ? new Date(v) : null,
      ),
    })
    .from(learningReviewCards)
    .where(
      and(
        eq(learningReviewCards.clinicId, owner.clinicId),
        eq(learningReviewCards.userId, owner.userId),
        sql`${learningReviewCards.due} > ${after}`,
      ),
    );
  return row?.due ?? null;
}

/** Answers given per attempt (the exam history shows "n of 100 answered"). */
export async function answerCounts(db: Db, attemptIds: string[]): Promise<Map<string, number>> {
  if (attemptIds.length === 0) return new Map();
  const rows = await db
    .select({ attemptId: learningAnswers.attemptId, n: count() })
    .from(learningAnswers)
    .where(inArray(learningAnswers.attemptId, attemptIds))
    .groupBy(learningAnswers.attemptId);
  return new Map(rows.map((r) => [r.attemptId, r.n]));
}
