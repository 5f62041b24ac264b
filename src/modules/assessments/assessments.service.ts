import type { Database, Db } from '../../platform/db/database.js';
import { AppError, notFound, type FieldError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { recordAudit } from '../audit/index.js';
import { requireEpisode } from '../episodes/index.js';
import {
  findAnswerProblems,
  roundScore,
  scoreOutcomeMeasure,
  type OutcomeMeasureId,
} from '../outcome-measures/index.js';
import type {
  TAssessment,
  TCreateAssessmentRequest,
  TMarkHistory,
  TMarksQuery,
  TOutcomeMeasureResult,
  TUpdateAssessmentRequest,
} from './assessments.schemas.js';
import * as repo from './assessments.repository.js';
import { romNorm, romPercentOfNormal } from './domain/assessment.js';
import { regionLabel, type BodyChartMark } from './domain/body-regions.js';

export type OutcomeEntry = {
  instrument: OutcomeMeasureId;
  answers: (number | null)[];
  labels?: string[] | undefined;
};

/**
 * Scores each entered measure with the pure scoring engine; a form too incomplete to score is refused
 * with the instrument's own rule as the message (e.g. QuickDASH needs 10 of 11 items).
 */
export function scoreEntries(
  entries: readonly OutcomeEntry[],
  pathPrefix = 'outcomeMeasures',
): repo.OutcomeResultValues[] {
  const errors: FieldError[] = [];
  const results: repo.OutcomeResultValues[] = [];
  entries.forEach((entry, index) => {
    const at = `${pathPrefix}.${index}.answers`;
    const problems = findAnswerProblems(entry.instrument, entry.answers);
    if (problems.length > 0) {
      for (const p of problems)
        errors.push({ path: p.index === undefined ? at : `${at}.${p.index}`, message: p.message });
      return;
    }
    const scored = scoreOutcomeMeasure(entry.instrument, entry.answers);
    if (!scored.valid) {
      errors.push({ path: at, message: scored.reason });
      return;
    }
    results.push({
      instrument: entry.instrument,
      answers: entry.answers,
      labels: entry.labels ?? null,
      score: roundScore(scored.score),
      band: scored.band,
    });
  });
  if (errors.length > 0) throw new AppError('validation', errors.map((e) => e.message).join(' '), { errors });
  return results;
}

export function toOutcomeResult(
  row: Awaited<ReturnType<typeof repo.outcomeResultsOfEpisode>>[number],
): TOutcomeMeasureResult {
  return {
    id: row.id,
    instrument: row.instrument as OutcomeMeasureId,
    takenOn: row.takenOn,
    answers: row.answers,
    labels: row.labels,
    score: row.score,
    band: row.band,
    assessmentId: row.assessmentId,
    sessionNoteId: row.sessionNoteId,
  };
}

/** Replaces the body-chart marks and outcome measures recorded by one assessment or session note. */
export async function saveMarksAndMeasures(
  tx: Db,
  ctx: RequestContext,
  episodeId: string,
  owner: repo.MarkOwner,
  onDate: string,
  marks: readonly BodyChartMark[],
  measures: readonly repo.OutcomeResultValues[],
): Promise<void> {
  await repo.replaceMarks(tx, ctx, episodeId, owner, onDate, marks);
  await repo.replaceOutcomeResults(tx, ctx, episodeId, owner, onDate, measures);
}

async function assemble(tx: Db, clinicId: string, rows: repo.AssessmentRow[]): Promise<TAssessment[]> {
  if (rows.length === 0) return [];
  const marks = await repo.marksOf(
    tx,
    clinicId,
    rows.map((r) => ({ assessmentId: r.id })),
  );
  const results = await repo.outcomeResultsOfEpisode(tx, clinicId, rows[0]!.episodeId);
  return rows.map((row) => ({
    id: row.id,
    episodeId: row.episodeId,
    kind: row.kind,
    assessedOn: row.assessedOn,
    posture: row.posture,
    gait: row.gait,
    findings: row.findings,
    painNprs: row.painNprs,
    rangeOfMotion: row.rangeOfMotion.map((entry) => ({
      ...entry,
      normalDegrees: romNorm(entry.joint, entry.movement)?.degrees ?? null,
      percentOfNormal: romPercentOfNormal(entry) ?? null,
    })),
    specialTests: row.specialTests,
    marks: marks.filter((m) => m.ownerId === row.id).map((m) => m.mark),
    outcomeMeasures: results.filter((r) => r.assessmentId === row.id).map(toOutcomeResult),
    goalReviews: row.goalReviews,
    recommendation: row.recommendation,
    recommendationNote: row.recommendationNote,
    signedAt: row.signedAt?.toISOString() ?? null,
    signedById: row.signedBy,
    signedByName: row.signedByName,
    therapistName: row.therapistName,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function assessmentsOfEpisode(
  tx: Db,
  clinicId: string,
  episodeId: string,
): Promise<TAssessment[]> {
  return assemble(tx, clinicId, await repo.listAssessments(tx, clinicId, episodeId));
}

function columnsFrom(input: TCreateAssessmentRequest): repo.AssessmentValues {
  return {
    kind: input.kind,
    assessedOn: input.assessedOn,
    posture: input.posture ?? null,
    gait: input.gait ?? null,
    findings: input.findings ?? null,
    painNprs: input.painNprs ?? null,
    rangeOfMotion: input.rangeOfMotion,
    specialTests: input.specialTests,
    goalReviews: input.goalReviews,
    recommendation: input.recommendation ?? null,
    recommendationNote: input.recommendationNote ?? null,
  };
}

const signedConflict = () =>
  new AppError('conflict', 'This assessment is signed and can no longer be changed.', {
    title: 'Signed records are locked',
  });

export function createAssessmentsService(deps: { database: Database }) {
  const { database } = deps;

  async function loadOne(tx: Db, ctx: RequestContext, id: string): Promise<TAssessment> {
    const row = await repo.findAssessment(tx, ctx.clinicId, id);
    if (!row) throw notFound('The assessment');
    return (await assemble(tx, ctx.clinicId, [row]))[0]!;
  }

  return {
    async create(
      ctx: RequestContext,
      episodeId: string,
      input: TCreateAssessmentRequest,
    ): Promise<TAssessment> {
      const measures = scoreEntries(input.outcomeMeasures);
      return database.db.transaction(async (tx) => {
        const episode = await requireEpisode(tx, ctx, episodeId, { forWrite: true });
        const id = await repo.insertAssessment(tx, ctx, episodeId, columnsFrom(input));
        await saveMarksAndMeasures(
          tx,
          ctx,
          episodeId,
          { assessmentId: id },
          input.assessedOn,
          input.marks,
          measures,
        );
        await recordAudit(tx, ctx, {
          action: 'assessment.created',
          entityType: 'assessment',
          entityId: id,
          clientIds: [episode.clientId],
          detail: { kind: input.kind },
        });
        return loadOne(tx, ctx, id);
      });
    },

    async get(ctx: RequestContext, id: string): Promise<TAssessment> {
      return database.db.transaction(async (tx) => {
        const assessment = await loadOne(tx, ctx, id);
        const episode = await requireEpisode(tx, ctx, assessment.episodeId, { forWrite: false });
        await recordAudit(tx, ctx, {
          action: 'assessment.read',
          entityType: 'assessment',
          entityId: id,
          clientIds: [episode.clientId],
        });
        return assessment;
      });
    },

    async update(ctx: RequestContext, id: string, input: TUpdateAssessmentRequest): Promise<TAssessment> {
      const measures = scoreEntries(input.outcomeMeasures);
      return database.db.transaction(async (tx) => {
        const current = await repo.findAssessment(tx, ctx.clinicId, id);
        if (!current) throw notFound('The assessment');
        if (current.signedAt) throw signedConflict();
        const episode = await requireEpisode(tx, ctx, current.episodeId, { forWrite: true });
        if (!(await repo.updateAssessment(tx, ctx, id, input.version, columnsFrom(input))))
          throw new AppError(
            'version_conflict',
            'This assessment was changed by someone else. Reload and try again.',
            {
              extensions: { currentVersion: current.version, yourVersion: input.version },
            },
          );
        await saveMarksAndMeasures(
          tx,
          ctx,
          current.episodeId,
          { assessmentId: id },
          input.assessedOn,
          input.marks,
          measures,
        );
        await recordAudit(tx, ctx, {
          action: 'assessment.updated',
          entityType: 'assessment',
          entityId: id,
          clientIds: [episode.clientId],
        });
        return loadOne(tx, ctx, id);
      });
    },

    /** Body-chart marks across the episode's visits, filtered by region and/or type (issue 3, item 4). */
    async marks(ctx: RequestContext, episodeId: string, filter: TMarksQuery): Promise<TMarkHistory> {
      return database.db.transaction(async (tx) => {
        const episode = await requireEpisode(tx, ctx, episodeId, { forWrite: false });
        const rows = await repo.queryMarks(tx, ctx.clinicId, episodeId, filter);
        await recordAudit(tx, ctx, {
          action: 'assessment.read',
          entityType: 'body_chart',
          entityId: episodeId,
          clientIds: [episode.clientId],
          detail: { filter, count: rows.length },
        });
        return {
          items: rows.map((r) => ({
            ...r,
            view: r.view as TMarkHistory['items'][number]['view'],
            type: r.type as TMarkHistory['items'][number]['type'],
            regionLabel: regionLabel(r.regionId),
          })),
        };
      });
    },

    async sign(ctx: RequestContext, id: string, version: number): Promise<TAssessment> {
      return database.db.transaction(async (tx) => {
        const current = await repo.findAssessment(tx, ctx.clinicId, id);
        if (!current) throw notFound('The assessment');
        if (current.signedAt) throw signedConflict();
        const episode = await requireEpisode(tx, ctx, current.episodeId, { forWrite: true });
        if (!(await repo.updateAssessment(tx, ctx, id, version, { signedAt: ctx.now, signedBy: ctx.userId })))
          throw new AppError(
            'version_conflict',
            'This assessment was changed by someone else. Reload and try again.',
          );
        await recordAudit(tx, ctx, {
          action: 'assessment.signed',
          entityType: 'assessment',
          entityId: id,
          clientIds: [episode.clientId],
        });
        return loadOne(tx, ctx, id);
      });
    },
  };
}
export type AssessmentsService = ReturnType<typeof createAssessmentsService>;
