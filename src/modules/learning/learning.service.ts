import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { hasPermission } from '../../platform/authz/permissions.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { recordAudit } from '../audit/index.js';
import { CE_REMINDER_DAYS, ceStatus, ZCeRule, ZCeRulesFile, type CeRule } from './domain/ce-rules.js';
import type { MessagingService } from '../messaging/index.js';
import {
  drawExamForm,
  drawPracticeSet,
  NotEnoughItemsError,
  readinessOf,
  scoreExam,
  seededRandom,
} from './domain/exam-forms.js';
import { OPTION_LETTERS, type OptionLetter } from './domain/learning-content.js';
import {
  gradeCard,
  missedAgain,
  newCard,
  previewGrades,
  type ReviewCardState,
  type ReviewGrade,
} from './domain/spaced-review.js';
import { buildStudyPlan } from './domain/study-plan.js';
import {
  fromGift,
  fromQtiItem,
  InterchangeError,
  qtiManifest,
  toAnkiText,
  toGift,
  toQtiItem,
  type ImportOutcome,
  type InterchangeItem,
} from './domain/interchange.js';
import { randomUUID } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import {
  readLearningContent,
  SHIPPED_LEARNING_DIR,
  type BankItem,
  type LearningContent,
} from './learning-content.loader.js';
import * as repo from './learning.repository.js';
import type { TCeCourseRequest, TCredentialRequest, TStartExamRequest } from './learning.schemas.js';

/** New flashcards introduced per learner per day (Anki's default is 20). */
export const NEW_FLASHCARDS_PER_DAY = 20;
const GRACE_SECONDS = 5;

function loadCeRules(dir: string) {
  return ZCeRulesFile.parse(JSON.parse(fs.readFileSync(path.join(dir, 'ce-rules.json'), 'utf8')));
}

type Owner = { clinicId: string; userId: string };

/** Answers per week (starting Monday, in the clinic's zone) and area: the progress chart. */
function weeklyBuckets(rows: { answeredAt: Date; area: string; correct: boolean }[], timeZone: string) {
  const buckets = new Map<string, { week: string; area: string; answered: number; correct: number }>();
  for (const row of rows) {
    const week = DateTime.fromJSDate(row.answeredAt).setZone(timeZone).startOf('week').toISODate()!;
    const key = `${week}|${row.area}`;
    const bucket = buckets.get(key) ?? { week, area: row.area, answered: 0, correct: 0 };
    bucket.answered++;
    if (row.correct) bucket.correct++;
    buckets.set(key, bucket);
  }
  return [...buckets.values()].sort((a, b) => a.week.localeCompare(b.week) || a.area.localeCompare(b.area));
}
const ownerOf = (ctx: RequestContext): Owner => ({ clinicId: ctx.clinicId, userId: ctx.userId });

export function createLearningService(deps: {
  database: Database;
  clock: Clock;
  /** Licence reminders go through the outbox (email when SMTP_URL is set). */
  messaging?: MessagingService;
  content?: LearningContent;
  contentDir?: string;
}) {
  const { database } = deps;
  const content = deps.content ?? readLearningContent(deps.contentDir);
  const ceFile = loadCeRules(deps.contentDir ?? SHIPPED_LEARNING_DIR);
  const categoryNames = new Map(ceFile.categories.map((c) => [c.id, c.name]));
  const areas = content.blueprint.areas;
  const areaNames = new Map(areas.map((a) => [a.id, a.name]));
  const subtopicNames = new Map(areas.flatMap((a) => a.subtopics.map((s) => [s.id, s.name] as const)));
  const shippedById = new Map(content.items.map((i) => [i.id, i]));
  const flashcardsById = new Map(content.flashcards.map((c) => [c.id, c]));
  const casesById = new Map(content.caseStudies.map((c) => [c.id, c]));

  /** The questions to draw from: the shipped bank and the clinic's imported ones still in use. */
  async function bankFor(clinicId: string, options: { withRetired?: boolean } = {}): Promise<BankItem[]> {
    const imported = await repo.importedItems(database.db, clinicId, options);
    return [
      ...content.items,
      ...imported.map((i) => ({
        id: i.id,
        area: i.area,
        subtopic: i.subtopic,
        difficulty: i.difficulty,
        stem: i.stem,
        options: i.options,
        answer: i.answer as OptionLetter,
        reference: i.reference,
      })),
    ];
  }

  async function itemsById(clinicId: string, ids: string[]): Promise<Map<string, BankItem>> {
    const found = new Map<string, BankItem>();
    const missing: string[] = [];
    for (const id of ids) {
      const item = shippedById.get(id);
      if (item) found.set(id, item);
      else missing.push(id);
    }
    if (missing.length)
      for (const item of await bankFor(clinicId, { withRetired: true }))
        if (missing.includes(item.id)) found.set(item.id, item);
    return found;
  }

  const publicItem = (item: BankItem) => ({
    id: item.id,
    area: item.area,
    subtopic: item.subtopic,
    stem: item.stem,
    options: item.options.map((o, i) => ({ id: OPTION_LETTERS[i]!, text: o.text })),
  });

  const feedbackOf = (item: BankItem, chosen: string | null) => ({
    itemId: item.id,
    chosen,
    correct: item.answer,
    isCorrect: chosen === item.answer,
    rationales: Object.fromEntries(item.options.map((o, i) => [OPTION_LETTERS[i]!, o.rationale])),
    reference: item.reference,
  });

  const iso = (d: Date) => d.toISOString();

  function statusOf(attempt: repo.AttemptRow, now: Date): 'in_progress' | 'time_up' | 'finished' {
    if (attempt.finishedAt) return 'finished';
    if (attempt.deadlineAt && now.getTime() > attempt.deadlineAt.getTime()) return 'time_up';
    return 'in_progress';
  }

  async function resultOf(attempt: repo.AttemptRow, answers: repo.AnswerRow[]) {
    const items = await itemsById(attempt.clinicId, attempt.itemIds);
    const chosenById = new Map(answers.map((a) => [a.itemId, a.chosen]));
    const scored = attempt.itemIds.map((id) => {
      const item = items.get(id)!;
      return {
        itemId: id,
        area: item.area,
        subtopic: item.subtopic,
        chosen: chosenById.get(id) ?? null,
        answer: item.answer,
      };
    });
    const score = scoreExam(
      scored,
      areas.map((a) => a.id),
    );
    return {
      correct: score.correct,
      total: score.total,
      percent: score.percent,
      byArea: score.byArea.map((a) => ({ ...a, name: areaNames.get(a.area) ?? a.area })),
      review: attempt.itemIds.map((id) => feedbackOf(items.get(id)!, chosenById.get(id) ?? null)),
      readiness: attempt.mode === 'full' ? readinessOf(score, areaNames) : null,
    };
  }

  async function examView(attempt: repo.AttemptRow, now: Date) {
    const answers = await repo.answersOf(database.db, attempt.id);
    const items = await itemsById(attempt.clinicId, attempt.itemIds);
    const status = statusOf(attempt, now);
    const showEach = attempt.mode === 'practice' && attempt.feedback === 'each';
    return {
      id: attempt.id,
      mode: attempt.mode,
      area: attempt.area,
      subtopic: attempt.subtopic,
      feedback: attempt.feedback,
      durationMinutes: attempt.durationMinutes,
      startedAt: iso(attempt.startedAt),
      deadline: attempt.deadlineAt ? iso(attempt.deadlineAt) : null,
      remainingSeconds: attempt.deadlineAt
        ? Math.max(0, Math.floor((attempt.deadlineAt.getTime() - now.getTime()) / 1000))
        : null,
      status,
      answered: answers.length,
      items: attempt.itemIds.map((id) => publicItem(items.get(id)!)),
      feedbackSoFar: showEach ? answers.map((a) => feedbackOf(items.get(a.itemId)!, a.chosen)) : [],
      result: status === 'finished' ? await resultOf(attempt, answers) : null,
    };
  }

  async function findAttemptOrThrow(ctx: RequestContext, id: string, forUpdate = false, db = database.db) {
    const attempt = await repo.findAttempt(db, ownerOf(ctx), id, { forUpdate });
    if (!attempt) throw notFound('The exam');
    return attempt;
  }

  function toCardState(row: repo.CardRow): ReviewCardState {
    return {
      due: row.due,
      stability: row.stability,
      difficulty: row.difficulty,
      elapsedDays: row.elapsedDays,
      scheduledDays: row.scheduledDays,
      learningSteps: row.learningSteps,
      reps: row.reps,
      lapses: row.lapses,
      state: row.state,
      lastReview: row.lastReview,
    };
  }

  /** End of the learner's day in the clinic's zone: "due today" includes everything up to then. */
  const endOfToday = (ctx: RequestContext) =>
    DateTime.fromJSDate(ctx.now).setZone(ctx.timeZone).endOf('day').toJSDate();
  const startOfToday = (ctx: RequestContext) =>
    DateTime.fromJSDate(ctx.now).setZone(ctx.timeZone).startOf('day').toJSDate();

  function reviewView(
    kind: 'item' | 'flashcard',
    refId: string,
    state: ReviewCardState,
    now: Date,
    clinicItems: Map<string, BankItem>,
  ) {
    const next = previewGrades(state, now);
    const flashcard = kind === 'flashcard' ? flashcardsById.get(refId) : undefined;
    const item = kind === 'item' ? clinicItems.get(refId) : undefined;
    return {
      kind,
      id: refId,
      state: state.state,
      due: iso(state.due),
      next: { again: iso(next.again), hard: iso(next.hard), good: iso(next.good), easy: iso(next.easy) },
      flashcard: flashcard
        ? {
            deck: flashcard.deck,
            front: flashcard.front,
            back: flashcard.back,
            reference: flashcard.reference,
          }
        : null,
      item: item
        ? {
            ...publicItem(item),
            correct: item.answer,
            rationales: Object.fromEntries(item.options.map((o, i) => [OPTION_LETTERS[i]!, o.rationale])),
            reference: item.reference,
          }
        : null,
    };
  }

  // — CE —

  async function rulesFor(clinicId: string): Promise<(CeRule & { shipped: boolean })[]> {
    const own = await repo.clinicRules(database.db, clinicId);
    return [
      ...ceFile.rules.map((r) => ({ ...r, shipped: true })),
      ...own.map((r) => ({ ...ZCeRule.parse(r.rule), shipped: false })),
    ];
  }

  function credentialView(
    row: repo.CredentialRow,
    rule: CeRule | undefined,
    courses: repo.CourseRow[],
    today: string,
  ) {
    const effectiveRule: CeRule = rule ?? {
      id: row.ruleId,
      jurisdiction: row.jurisdiction,
      name: row.ruleId,
      kind: row.kind,
      cycleMonths: 24,
      totalHours: 0,
      requirements: [],
      reference: 'Rule no longer available',
    };
    const status = ceStatus({
      rule: effectiveRule,
      licence: { issuedOn: row.issuedOn, expiresOn: row.expiresOn, firstRenewal: row.firstRenewal },
      courses: courses
        .filter((c) => c.userId === row.userId)
        .map((c) => ({
          id: c.id,
          completedOn: c.completedOn,
          hours: c.hours,
          category: c.category,
          format: c.format,
        })),
      today,
      categoryNames,
    });
    return {
      id: row.id,
      userId: row.userId,
      ruleId: row.ruleId,
      ruleName: effectiveRule.name,
      kind: row.kind,
      jurisdiction: row.jurisdiction,
      number: row.number,
      issuedOn: row.issuedOn,
      expiresOn: row.expiresOn,
      firstRenewal: row.firstRenewal,
      status: {
        cycleStarts: status.cycleStarts,
        cycleEnds: status.cycleEnds,
        requiredHours: status.requiredHours,
        countedHours: status.countedHours,
        missingHours: status.missingHours,
        categories: status.categories.map((c) => ({
          ...c,
          name: categoryNames.get(c.category) ?? c.category,
        })),
        exempt: status.exempt,
        daysLeft: status.daysLeft,
        state: status.state,
        missing: status.missing,
      },
    };
  }

  const todayOf = (ctx: RequestContext) => DateTime.fromJSDate(ctx.now).setZone(ctx.timeZone).toISODate()!;

  function courseView(row: repo.CourseRow) {
    return {
      id: row.id,
      title: row.title,
      provider: row.provider,
      providerNumber: row.providerNumber,
      completedOn: row.completedOn,
      hours: row.hours,
      category: row.category,
      format: row.format,
      certificateName: row.certificateName,
    };
  }

  /** Only the owner (learning:manage) acts on someone else's CE record. */
  function assertSelfOrManager(ctx: RequestContext, userId: string) {
    if (userId !== ctx.userId && !hasPermission(ctx, 'learning:manage'))
      throw new AppError('forbidden', "Only the owner keeps another person's CE record.");
  }

  return {
    content,

    async areas(ctx: RequestContext) {
      const bank = await bankFor(ctx.clinicId);
      return areas.map((a) => ({
        id: a.id,
        number: a.number,
        name: a.name,
        weight: a.weight,
        subtopics: a.subtopics.map((s) => ({
          id: s.id,
          name: s.name,
          items: bank.filter((i) => i.subtopic === s.id).length,
        })),
      }));
    },

    /** Takes an imported question out of practice and export (the owner's undo of a wrong import). */
    async retireImportedItem(ctx: RequestContext, id: string) {
      await database.db.transaction(async (tx) => {
        const row = await repo.retireImportedItem(tx, ctx.clinicId, id, ctx.now);
        if (!row) throw notFound('The imported question');
        await recordAudit(tx, ctx, {
          action: 'clinic.updated',
          entityType: 'question_bank',
          entityId: id,
          detail: { retired: true },
        });
      });
    },

    /** The questions this clinic imported (GIFT or QTI), newest first. */
    async importedItems(ctx: RequestContext) {
      const rows = await repo.importedItems(database.db, ctx.clinicId);
      return rows
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id))
        .map((row) => ({
          id: row.id,
          area: row.area,
          subtopic: row.subtopic,
          difficulty: row.difficulty,
          stem: row.stem,
          source: row.source,
          reference: row.reference,
          createdAt: row.createdAt.toISOString(),
        }));
    },

    async startExam(ctx: RequestContext, input: TStartExamRequest) {
      const owner = ownerOf(ctx);
      const bank = await bankFor(ctx.clinicId);
      const seen = await repo.seenItemIds(database.db, owner);
      const random = seededRandom(
        (ctx.now.getTime() ^ Number.parseInt(ctx.requestId.replace(/\D/g, '').slice(0, 9) || '7', 10)) >>> 0,
      );
      let itemIds: string[];
      if (input.mode === 'full') {
        try {
          itemIds = drawExamForm({
            bank: content.items,
            areas,
            total: content.blueprint.examItems,
            random,
            seen,
          }).map((i) => i.id);
        } catch (error) {
          if (error instanceof NotEnoughItemsError) throw new AppError('conflict', error.message);
          throw error;
        }
      } else {
        const area = areas.find((a) => a.id === input.area);
        if (!area)
          throw new AppError('validation', `There is no area ${input.area}.`, {
            errors: [{ path: 'area', message: 'Choose one of the seven areas.' }],
          });
        if (input.subtopic && !area.subtopics.some((s) => s.id === input.subtopic))
          throw new AppError('validation', `There is no subtopic ${input.subtopic} in ${area.name}.`, {
            errors: [{ path: 'subtopic', message: 'Choose a subtopic of this area.' }],
          });
        itemIds = drawPracticeSet({
          bank,
          area: area.id,
          subtopic: input.subtopic,
          count: input.count,
          random,
          seen,
        }).map((i) => i.id);
        if (itemIds.length === 0) throw new AppError('conflict', 'There are no items to practise here yet.');
      }
      const durationMinutes = input.mode === 'full' ? content.blueprint.examMinutes : null;
      const attempt = await repo.insertAttempt(database.db, {
        clinicId: ctx.clinicId,
        userId: ctx.userId,
        mode: input.mode,
        area: input.mode === 'practice' ? input.area : null,
        subtopic: input.mode === 'practice' ? (input.subtopic ?? null) : null,
        feedback: input.mode === 'practice' ? input.feedback : 'end',
        itemIds,
        durationMinutes,
        startedAt: ctx.now,
        deadlineAt: durationMinutes ? new Date(ctx.now.getTime() + durationMinutes * 60_000) : null,
      });
      return examView(attempt, ctx.now);
    },

    async getExam(ctx: RequestContext, id: string) {
      return examView(await findAttemptOrThrow(ctx, id), ctx.now);
    },

    async listExams(ctx: RequestContext) {
      const rows = await repo.listAttempts(database.db, ownerOf(ctx));
      const answered = await repo.answerCounts(
        database.db,
        rows.map((a) => a.id),
      );
      return rows.map((a) => ({
        id: a.id,
        mode: a.mode,
        area: a.area,
        subtopic: a.subtopic,
        startedAt: iso(a.startedAt),
        finishedAt: a.finishedAt ? iso(a.finishedAt) : null,
        deadline: a.deadlineAt ? iso(a.deadlineAt) : null,
        answered: answered.get(a.id) ?? 0,
        correct: a.correct,
        total: a.itemIds.length,
        percent: a.correct === null ? null : Math.round((1000 * a.correct) / a.itemIds.length) / 10,
      }));
    },

    async answer(ctx: RequestContext, id: string, input: { itemId: string; optionId: OptionLetter }) {
      return database.db.transaction(async (tx) => {
        // The row lock serialises two answers sent at once: the second sees the first and is refused.
        const attempt = await findAttemptOrThrow(ctx, id, true, tx);
        if (attempt.finishedAt) throw new AppError('conflict', 'This exam is finished: no more answers.');
        if (attempt.deadlineAt && ctx.now.getTime() > attempt.deadlineAt.getTime() + GRACE_SECONDS * 1000)
          throw new AppError(
            'conflict',
            'The time is up: this answer was not recorded. Finish the exam to see the result.',
          );
        const answers = await repo.answersOf(tx, attempt.id);
        const position = attempt.itemIds.indexOf(input.itemId);
        if (position < 0)
          throw new AppError('validation', 'That item is not in this exam.', {
            errors: [{ path: 'itemId', message: 'Not in this exam.' }],
          });
        if (answers.some((a) => a.itemId === input.itemId))
          throw new AppError(
            'conflict',
            `Item ${position + 1} is answered already: answers cannot be changed.`,
          );
        if (position !== answers.length)
          throw new AppError(
            'conflict',
            `Answer item ${answers.length + 1} first: items are answered in order, with no going back.`,
          );
        const item = (await itemsById(ctx.clinicId, [input.itemId])).get(input.itemId)!;
        try {
          await repo.insertAnswer(tx, {
            attemptId: attempt.id,
            clinicId: ctx.clinicId,
            userId: ctx.userId,
            position,
            itemId: item.id,
            area: item.area,
            subtopic: item.subtopic,
            chosen: input.optionId,
            correct: input.optionId === item.answer,
            answeredAt: ctx.now,
          });
        } catch (error) {
          if (isUniqueViolation(error)) throw new AppError('conflict', 'This item is answered already.');
          throw error;
        }
        const showEach = attempt.mode === 'practice' && attempt.feedback === 'each';
        return {
          itemId: item.id,
          position: position + 1,
          answered: answers.length + 1,
          remaining: attempt.itemIds.length - answers.length - 1,
          feedback: showEach ? feedbackOf(item, input.optionId) : null,
        };
      });
    },

    async finish(ctx: RequestContext, id: string) {
      return database.db.transaction(async (tx) => {
        const attempt = await findAttemptOrThrow(ctx, id, true, tx);
        const answers = await repo.answersOf(tx, attempt.id);
        const result = await resultOf(attempt, answers);
        if (!attempt.finishedAt) {
          await repo.finishAttempt(tx, attempt.id, {
            finishedAt: ctx.now,
            correct: result.correct,
            total: result.total,
          });
          // Missed and unanswered items go into spaced review.
          const missed = result.review.filter((r) => !r.isCorrect).map((r) => r.itemId);
          const existing = new Map(
            (await repo.cardsOf(tx, ownerOf(ctx), 'item', missed)).map((c) => [c.refId, c]),
          );
          for (const itemId of missed) {
            const before = existing.get(itemId);
            const state = missedAgain(before ? toCardState(before) : undefined, ctx.now);
            await repo.upsertCard(tx, {
              clinicId: ctx.clinicId,
              userId: ctx.userId,
              kind: 'item',
              refId: itemId,
              ...state,
              createdAt: before?.createdAt ?? ctx.now,
            });
          }
        }
        return result;
      });
    },

    async dueReviews(ctx: RequestContext, query: { limit: number; deck?: string | undefined }) {
      const owner = ownerOf(ctx);
      const until = endOfToday(ctx);
      const due = await repo.dueCards(database.db, owner, until, query.limit);
      const dueFiltered = query.deck
        ? due.filter((c) => c.kind === 'item' || flashcardsById.get(c.refId)?.deck === query.deck)
        : due;
      const introducedToday = await repo.newFlashcardsSince(database.db, owner, startOfToday(ctx));
      const carded = await repo.flashcardIdsWithCards(database.db, owner);
      const newAllowance = Math.max(
        0,
        Math.min(NEW_FLASHCARDS_PER_DAY - introducedToday, query.limit - dueFiltered.length),
      );
      const fresh = content.flashcards
        .filter((c) => !carded.has(c.id) && (!query.deck || c.deck === query.deck))
        .slice(0, newAllowance);
      const clinicItems = await itemsById(
        ctx.clinicId,
        dueFiltered.filter((c) => c.kind === 'item').map((c) => c.refId),
      );
      const items = [
        ...dueFiltered.map((c) => reviewView(c.kind, c.refId, toCardState(c), ctx.now, clinicItems)),
        ...fresh.map((c) => reviewView('flashcard', c.id, newCard(ctx.now), ctx.now, clinicItems)),
      ];
      const nextDue = await repo.nextDueAfter(database.db, owner, until);
      return {
        items,
        counts: { due: await repo.countDue(database.db, owner, until), new: fresh.length },
        nextDue: nextDue ? iso(nextDue) : null,
      };
    },

    async grade(ctx: RequestContext, kind: 'item' | 'flashcard', refId: string, grade: ReviewGrade) {
      if (kind === 'flashcard' && !flashcardsById.has(refId)) throw notFound('The flashcard');
      return database.db.transaction(async (tx) => {
        const owner = ownerOf(ctx);
        const row = await repo.findCard(tx, owner, kind, refId, true);
        if (!row && kind === 'item') throw notFound('The review card');
        const before = row ? toCardState(row) : newCard(ctx.now);
        const after = gradeCard(before, grade, ctx.now);
        await repo.upsertCard(tx, {
          clinicId: ctx.clinicId,
          userId: ctx.userId,
          kind,
          refId,
          ...after,
          createdAt: row?.createdAt ?? ctx.now,
        });
        await repo.insertReviewLog(tx, {
          clinicId: ctx.clinicId,
          userId: ctx.userId,
          kind,
          refId,
          grade,
          reviewedAt: ctx.now,
          dueAfter: after.due,
        });
        return {
          kind,
          id: refId,
          state: after.state,
          due: iso(after.due),
          reps: after.reps,
          lapses: after.lapses,
        };
      });
    },

    async progress(ctx: RequestContext) {
      const owner = ownerOf(ctx);
      const rows = await repo.accuracyBySubtopic(database.db, owner);
      const accuracy = (answered: number, correct: number) =>
        answered === 0 ? null : Math.round((1000 * correct) / answered) / 1000;
      const byArea = areas.map((a) => {
        const inArea = rows.filter((r) => r.area === a.id);
        const answered = inArea.reduce((s, r) => s + r.answered, 0);
        const correct = inArea.reduce((s, r) => s + r.correct, 0);
        return {
          area: a.id,
          name: a.name,
          weight: a.weight,
          answered,
          correct,
          accuracy: accuracy(answered, correct),
        };
      });
      const bySubtopic = areas.flatMap((a) =>
        a.subtopics.map((s) => {
          const row = rows.find((r) => r.area === a.id && r.subtopic === s.id);
          const answered = row?.answered ?? 0;
          const correct = row?.correct ?? 0;
          return {
            area: a.id,
            subtopic: s.id,
            name: s.name,
            answered,
            correct,
            accuracy: accuracy(answered, correct),
          };
        }),
      );
      const exams = (await this.listExams(ctx)).filter((e) => e.mode === 'full');
      const reviewed = await repo.reviewsSince(database.db, owner, startOfToday(ctx));
      return {
        byArea,
        bySubtopic,
        weekly: weeklyBuckets(await repo.answerHistory(database.db, owner), ctx.timeZone),
        exams,
        review: {
          due: await repo.countDue(database.db, owner, endOfToday(ctx)),
          reviewedToday: reviewed.length,
          cards: await repo.countCards(database.db, owner),
        },
      };
    },

    async savePlan(ctx: RequestContext, input: { examDate: string; hoursPerWeek: number }) {
      if (input.examDate <= todayOf(ctx))
        throw new AppError('validation', 'The exam date must be after today.', {
          errors: [{ path: 'examDate', message: 'Choose a date after today.' }],
        });
      await repo.upsertPlan(database.db, {
        userId: ctx.userId,
        clinicId: ctx.clinicId,
        examDate: input.examDate,
        hoursPerWeek: input.hoursPerWeek,
        updatedAt: ctx.now,
      });
      return this.plan(ctx);
    },

    async plan(ctx: RequestContext) {
      const saved = await repo.findPlan(database.db, ownerOf(ctx));
      if (!saved) throw notFound('The study plan');
      const progress = await this.progress(ctx);
      const today = todayOf(ctx);
      const plan = buildStudyPlan({
        today,
        examDate: saved.examDate < today ? today : saved.examDate,
        hoursPerWeek: saved.hoursPerWeek,
        fullExamsTaken: progress.exams.filter((e) => e.finishedAt).length,
        areas: areas.map((a) => ({
          id: a.id,
          name: a.name,
          weight: a.weight,
          accuracy: progress.byArea.find((p) => p.area === a.id)?.accuracy ?? null,
          subtopics: a.subtopics.map((s) => ({
            id: s.id,
            name: s.name,
            accuracy: progress.bySubtopic.find((p) => p.subtopic === s.id)?.accuracy ?? null,
          })),
        })),
      });
      return {
        ...plan,
        basedOn: {
          answered: progress.byArea.reduce((s, a) => s + a.answered, 0),
          fullExams: progress.exams.filter((e) => e.finishedAt).length,
        },
      };
    },

    caseStudies() {
      return content.caseStudies.map((c) => ({
        id: c.id,
        title: c.title,
        conditionId: c.conditionId,
        questions: c.questions.length,
      }));
    },

    caseStudy(id: string) {
      const found = casesById.get(id);
      if (!found) throw notFound('The case study');
      return found;
    },

    flashcards(deck?: string) {
      return content.flashcards.filter((c) => !deck || c.deck === deck);
    },

    subtopicName: (id: string) => subtopicNames.get(id) ?? id,

    // — Interchange: GIFT, QTI 3.0, Anki —

    async exportBank(
      ctx: RequestContext,
      query: { format: 'gift' | 'qti'; area?: string | undefined; subtopic?: string | undefined },
    ) {
      const items: InterchangeItem[] = (await bankFor(ctx.clinicId))
        .filter(
          (i) => (!query.area || i.area === query.area) && (!query.subtopic || i.subtopic === query.subtopic),
        )
        .map((i) => ({ ...i, difficulty: i.difficulty }));
      if (query.format === 'gift')
        return {
          mime: 'text/plain; charset=utf-8',
          fileName: 'palpa-questions.gift.txt',
          bytes: Buffer.from(toGift(items)),
        };
      const files: Record<string, Uint8Array> = { 'imsmanifest.xml': strToU8(qtiManifest(items)) };
      for (const item of items) files[`items/${item.id}.xml`] = strToU8(toQtiItem(item));
      return {
        mime: 'application/zip',
        fileName: 'palpa-questions-qti3.zip',
        bytes: Buffer.from(zipSync(files)),
      };
    },

    async importBank(
      ctx: RequestContext,
      input: {
        format: 'gift' | 'qti';
        text?: string | undefined;
        zip?: string | undefined;
        area?: string | undefined;
        subtopic?: string | undefined;
        difficulty?: 'easy' | 'medium' | 'hard' | undefined;
      },
    ) {
      let outcome: ImportOutcome;
      try {
        if (input.format === 'gift') outcome = fromGift(input.text ?? '');
        else if (input.zip) {
          const files = unzipSync(Buffer.from(input.zip, 'base64'));
          outcome = { items: [], skipped: [] };
          let position = 0;
          for (const [name, bytes] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
            if (!name.endsWith('.xml') || name.endsWith('imsmanifest.xml')) continue;
            position++;
            try {
              outcome.items.push(fromQtiItem(strFromU8(bytes)));
            } catch (error) {
              if (!(error instanceof InterchangeError)) throw error;
              outcome.skipped.push({ position, title: name, reason: error.message });
            }
          }
        } else outcome = { items: [fromQtiItem(input.text ?? '')], skipped: [] };
      } catch (error) {
        if (error instanceof InterchangeError)
          throw new AppError('validation', error.message, {
            errors: [{ path: input.zip ? 'zip' : 'text', message: error.message }],
          });
        if (error instanceof Error && /zip|unzip|invalid/i.test(error.message))
          throw new AppError('validation', 'The file is not a readable ZIP package.', {
            errors: [{ path: 'zip', message: 'Not a ZIP file.' }],
          });
        throw error;
      }
      const skipped = [...outcome.skipped];
      const rows: Parameters<typeof repo.insertImportedItems>[1] = [];
      let position = 0;
      for (const item of outcome.items) {
        position++;
        const area = areas.find((a) => a.id === (item.area ?? input.area));
        const subtopic = area?.subtopics.find((st) => st.id === (item.subtopic ?? input.subtopic));
        if (!area || !subtopic) {
          skipped.push({
            position,
            title: item.title,
            reason: 'No Palpa area and subtopic: choose them for the import.',
          });
          continue;
        }
        if (!item.stem || new Set(item.options.map((o) => o.text.toLowerCase())).size !== 4) {
          skipped.push({
            position,
            title: item.title,
            reason: 'The stem is empty or two options are the same.',
          });
          continue;
        }
        rows.push({
          id: `imp-${randomUUID()}`,
          clinicId: ctx.clinicId,
          area: area.id,
          subtopic: subtopic.id,
          difficulty: item.difficulty ?? input.difficulty ?? 'medium',
          stem: item.stem,
          options: item.options.map((o) => ({
            text: o.text,
            rationale: o.rationale || 'No rationale came with the imported item.',
          })),
          answer: item.answer,
          reference:
            item.reference ??
            `Imported (${input.format.toUpperCase()})${item.title ? `: ${item.title}` : ''}`,
          source: input.format,
          createdBy: ctx.userId,
          createdAt: ctx.now,
        });
      }
      await database.db.transaction(async (tx) => {
        await repo.insertImportedItems(tx, rows);
        await recordAudit(tx, ctx, {
          action: 'clinic.updated',
          entityType: 'question_bank',
          entityId: null,
          detail: { imported: rows.length, skipped: skipped.length, format: input.format },
        });
      });
      return { imported: rows.length, ids: rows.map((r) => r.id), skipped };
    },

    exportFlashcardsForAnki(deck?: string) {
      return toAnkiText(
        content.flashcards
          .filter((c) => !deck || c.deck === deck)
          .map((c) => ({ ...c, tags: [`palpa::${c.deck}`, ...c.tags] })),
      );
    },

    // — CE and licences —

    async ceRules(ctx: RequestContext) {
      return { rules: await rulesFor(ctx.clinicId), categories: ceFile.categories };
    },

    async addCeRule(ctx: RequestContext, rule: CeRule) {
      const all = await rulesFor(ctx.clinicId);
      if (all.some((r) => r.id === rule.id))
        throw new AppError('conflict', `There is a rule ${rule.id} already.`);
      await database.db.transaction(async (tx) => {
        await repo.insertClinicRule(tx, { clinicId: ctx.clinicId, id: rule.id, rule, createdAt: ctx.now });
        await recordAudit(tx, ctx, {
          action: 'clinic.updated',
          entityType: 'ce_rule',
          entityId: null,
          detail: { ruleId: rule.id },
        });
      });
      return { ...rule, shipped: false };
    },

    async credentials(ctx: RequestContext, userId = ctx.userId) {
      assertSelfOrManager(ctx, userId);
      const [rows, courses, rules] = await Promise.all([
        repo.credentialsOf(database.db, ctx.clinicId, [userId]),
        repo.coursesOf(database.db, ctx.clinicId, [userId]),
        rulesFor(ctx.clinicId),
      ]);
      const today = todayOf(ctx);
      return rows.map((r) =>
        credentialView(
          r,
          rules.find((x) => x.id === r.ruleId),
          courses,
          today,
        ),
      );
    },

    async addCredential(ctx: RequestContext, input: TCredentialRequest) {
      const userId = input.userId ?? ctx.userId;
      assertSelfOrManager(ctx, userId);
      const rule = (await rulesFor(ctx.clinicId)).find((r) => r.id === input.ruleId);
      if (!rule)
        throw new AppError('validation', `There is no CE rule ${input.ruleId}.`, {
          errors: [{ path: 'ruleId', message: 'Choose one of the listed states or certifications.' }],
        });
      if (input.issuedOn && input.issuedOn >= input.expiresOn)
        throw new AppError('validation', 'The expiry must be after the issue date.', {
          errors: [{ path: 'expiresOn', message: 'Must be after the issue date.' }],
        });
      if (input.firstRenewal && rule.firstRenewal && !input.issuedOn)
        throw new AppError('validation', `${rule.name}: the first renewal depends on the issue date.`, {
          errors: [{ path: 'issuedOn', message: 'Enter the date the licence was issued.' }],
        });
      const row = await database.db.transaction(async (tx) => {
        const staff = await repo.staffOf(tx, ctx.clinicId);
        if (!staff.some((s) => s.id === userId)) throw notFound('The person');
        const created = await repo.insertCredential(tx, {
          clinicId: ctx.clinicId,
          userId,
          ruleId: rule.id,
          kind: rule.kind,
          jurisdiction: rule.jurisdiction,
          number: input.number ?? null,
          issuedOn: input.issuedOn ?? null,
          expiresOn: input.expiresOn,
          firstRenewal: input.firstRenewal,
          createdAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'staff.updated',
          entityType: 'ce_credential',
          entityId: created.id,
          detail: { ruleId: rule.id },
        });
        return created;
      });
      const courses = await repo.coursesOf(database.db, ctx.clinicId, [userId]);
      return credentialView(row, rule, courses, todayOf(ctx));
    },

    async removeCredential(ctx: RequestContext, id: string) {
      await database.db.transaction(async (tx) => {
        const row = await repo.findCredential(tx, ctx.clinicId, id);
        if (!row) throw notFound('The licence or certification');
        assertSelfOrManager(ctx, row.userId);
        await repo.updateCredential(tx, id, { archivedAt: ctx.now });
        await recordAudit(tx, ctx, {
          action: 'staff.updated',
          entityType: 'ce_credential',
          entityId: id,
          detail: { removed: true },
        });
      });
    },

    async courses(ctx: RequestContext, userId = ctx.userId) {
      assertSelfOrManager(ctx, userId);
      return (await repo.coursesOf(database.db, ctx.clinicId, [userId])).map(courseView);
    },

    async addCourse(ctx: RequestContext, input: TCeCourseRequest) {
      if (!categoryNames.has(input.category))
        throw new AppError('validation', `There is no CE category ${input.category}.`, {
          errors: [{ path: 'category', message: 'Choose one of the listed categories.' }],
        });
      if (input.completedOn > todayOf(ctx))
        throw new AppError('validation', 'A course is recorded once it is completed.', {
          errors: [{ path: 'completedOn', message: 'Cannot be in the future.' }],
        });
      const row = await database.db.transaction(async (tx) => {
        const created = await repo.insertCourse(tx, {
          clinicId: ctx.clinicId,
          userId: ctx.userId,
          title: input.title,
          provider: input.provider,
          providerNumber: input.providerNumber ?? null,
          completedOn: input.completedOn,
          hours: input.hours,
          category: input.category,
          format: input.format,
          certificateName: input.certificate?.name ?? null,
          certificateMime: input.certificate?.mime ?? null,
          certificateData: input.certificate?.data ?? null,
          createdAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'staff.updated',
          entityType: 'ce_course',
          entityId: created.id,
        });
        return created;
      });
      return courseView(row);
    },

    async removeCourse(ctx: RequestContext, id: string) {
      await database.db.transaction(async (tx) => {
        const row = await repo.findCourse(tx, ctx.clinicId, id);
        if (!row) throw notFound('The course');
        assertSelfOrManager(ctx, row.userId);
        await repo.deleteCourse(tx, id, ctx.now);
        await recordAudit(tx, ctx, {
          action: 'staff.updated',
          entityType: 'ce_course',
          entityId: id,
          detail: { removed: true },
        });
      });
    },

    async certificate(ctx: RequestContext, id: string) {
      const row = await repo.findCourse(database.db, ctx.clinicId, id);
      if (!row || !row.certificateData || !row.certificateMime) throw notFound('The certificate');
      assertSelfOrManager(ctx, row.userId);
      return {
        name: row.certificateName ?? 'certificate',
        mime: row.certificateMime,
        bytes: Buffer.from(row.certificateData, 'base64'),
      };
    },

    /**
     * Reminds each therapist 90 and 30 days before a licence or certification expires (issue 8, item 7),
     * with what CE is still missing. Run by a periodic job; the outbox's dedupe key makes each reminder
     * exist once, whichever worker runs it and however often.
     */
    async enqueueCeReminders(now: Date) {
      if (!deps.messaging) return 0;
      const messaging = deps.messaging;
      const today = DateTime.fromJSDate(now).toUTC().toISODate()!;
      const horizon = DateTime.fromJSDate(now)
        .plus({ days: Math.max(...CE_REMINDER_DAYS) })
        .toUTC()
        .toISODate()!;
      const due = await repo.credentialsExpiringBetween(database.db, today, horizon);
      let written = 0;
      const thresholds = [...CE_REMINDER_DAYS].sort((a, b) => a - b);
      for (const row of due) {
        const localToday = DateTime.fromJSDate(now).setZone(row.timeZone).toISODate()!;
        const daysLeft = Math.round(
          DateTime.fromISO(row.credential.expiresOn).diff(DateTime.fromISO(localToday), 'days').days,
        );
        if (daysLeft < 0) continue;
        // The nearest threshold at or above the days left: 40 days left → the 90-day reminder; 20 → the 30-day one.
        const threshold = thresholds.find((d) => daysLeft <= d);
        if (threshold === undefined) continue;
        const rules = await rulesFor(row.credential.clinicId);
        const rule = rules.find((r) => r.id === row.credential.ruleId);
        const courses = await repo.coursesOf(database.db, row.credential.clinicId, [row.credential.userId]);
        const view = credentialView(row.credential, rule, courses, localToday);
        const what = `${view.ruleName}${row.credential.number ? ` (${row.credential.number})` : ''}`;
        const missing = view.status.missing.length
          ? `Still missing for this renewal: ${view.status.missing.join('; ')}.`
          : 'Your CE hours for this renewal are complete.';
        await database.db.transaction(async (tx) => {
          const message = await messaging.enqueue(tx, {
            clinicId: row.credential.clinicId,
            clinicName: row.clinicName,
            clientId: null,
            channel: 'email',
            kind: 'licence_reminder',
            to: row.email,
            toName: row.userName,
            subject: `${what} expires on ${row.credential.expiresOn}`,
            body: [
              `Hello ${row.userName},`,
              '',
              `${what} expires on ${row.credential.expiresOn}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'}.`,
              missing,
              'Record courses and renew in Palpa under "CE & licences".',
            ].join('\n'),
            dedupeKey: `ce:${row.credential.id}:${row.credential.expiresOn}:${threshold}`,
          });
          if (message) written++;
        });
      }
      return written;
    },

    async team(ctx: RequestContext) {
      const [staff, credentials, courses, rules] = await Promise.all([
        repo.staffOf(database.db, ctx.clinicId),
        repo.credentialsOf(database.db, ctx.clinicId),
        repo.coursesOf(database.db, ctx.clinicId),
        rulesFor(ctx.clinicId),
      ]);
      const today = todayOf(ctx);
      return staff.map((s) => ({
        userId: s.id,
        name: s.name,
        role: s.role,
        credentials: credentials
          .filter((c) => c.userId === s.id)
          .map((c) =>
            credentialView(
              c,
              rules.find((r) => r.id === c.ruleId),
              courses,
              today,
            ),
          ),
        courses: courses.filter((c) => c.userId === s.id).length,
      }));
    },
  };
}

export type LearningService = ReturnType<typeof createLearningService>;
