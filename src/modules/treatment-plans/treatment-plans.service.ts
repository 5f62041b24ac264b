import type { Database, Db } from '../../platform/db/database.js';
import { AppError, notFound, type FieldError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { outcomeResultsOfEpisode } from '../assessments/index.js';
import { recordAudit } from '../audit/index.js';
import { requireEpisode } from '../episodes/index.js';
import { OUTCOME_MEASURES, type OutcomeMeasureId } from '../outcome-measures/index.js';
import { describeGoal, measureGoalProblem, measureGoalStatus, type TreatmentGoal } from './domain/goals.js';
import * as repo from './treatment-plans.repository.js';
import type { TSaveTreatmentPlanRequest, TTreatmentPlan } from './treatment-plans.schemas.js';

/** Name, unit, direction and MCID of an instrument, as goals and charts show them. */
export function instrumentFacts(instrument: string) {
  const measure = OUTCOME_MEASURES[instrument as OutcomeMeasureId];
  return {
    name: measure.name,
    unit: measure.scoreUnit === 'percent' ? '%' : 'points',
    range: { min: measure.scoreMin, max: measure.scoreMax },
    higherIsBetter: measure.direction === 'higher_is_better',
    mcid: measure.mcid,
  };
}

type ScorePoint = { instrument: string; takenOn: string; score: number };

export function goalProgress(goals: readonly TreatmentGoal[], scores: readonly ScorePoint[]) {
  return goals.map((goal) => {
    if (goal.kind === 'functional')
      return {
        goalId: goal.id,
        description: describeGoal(goal),
        status: 'not_measured' as const,
        latestScore: null,
        latestOn: null,
      };
    const facts = instrumentFacts(goal.instrument);
    const taken = scores.filter((s) => s.instrument === goal.instrument);
    const latest = taken.at(-1);
    return {
      goalId: goal.id,
      description: describeGoal(goal, facts),
      // The first score is the baseline itself: progress needs a follow-up score.
      status: taken.length < 2 ? ('not_measured' as const) : measureGoalStatus(goal, latest?.score, facts),
      latestScore: latest?.score ?? null,
      latestOn: latest?.takenOn ?? null,
    };
  });
}

export async function planOfEpisode(
  tx: Db,
  clinicId: string,
  episodeId: string,
): Promise<TTreatmentPlan | null> {
  const row = await repo.findPlan(tx, clinicId, episodeId);
  if (!row) return null;
  const scores = await outcomeResultsOfEpisode(tx, clinicId, episodeId);
  return {
    id: row.id,
    episodeId: row.episodeId,
    problems: row.problems,
    // Stored goals were validated by ZTreatmentGoal when saved.
    goals: row.goals as TTreatmentPlan['goals'],
    goalProgress: goalProgress(row.goals, scores),
    techniques: row.techniques,
    frequencyPerWeek: row.frequencyPerWeek,
    durationWeeks: row.durationWeeks,
    precautions: row.precautions,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedByName: row.updatedByName,
  };
}

export function createTreatmentPlansService(deps: { database: Database }) {
  const { database } = deps;

  return {
    async get(ctx: RequestContext, episodeId: string): Promise<TTreatmentPlan> {
      return database.db.transaction(async (tx) => {
        const episode = await requireEpisode(tx, ctx, episodeId, { forWrite: false });
        const plan = await planOfEpisode(tx, ctx.clinicId, episodeId);
        if (!plan) throw notFound('The treatment plan for this episode');
        await recordAudit(tx, ctx, {
          action: 'treatment_plan.read',
          entityType: 'treatment_plan',
          entityId: plan.id,
          clientIds: [episode.clientId],
        });
        return plan;
      });
    },

    async save(
      ctx: RequestContext,
      episodeId: string,
      input: TSaveTreatmentPlanRequest,
    ): Promise<TTreatmentPlan> {
      const errors: FieldError[] = [];
      const ids = new Set<string>();
      input.goals.forEach((goal, index) => {
        if (ids.has(goal.id))
          errors.push({ path: `goals.${index}.id`, message: 'Each goal needs its own id.' });
        ids.add(goal.id);
        if (goal.kind !== 'measure') return;
        const problem = measureGoalProblem(goal, instrumentFacts(goal.instrument).higherIsBetter);
        if (problem) errors.push({ path: `goals.${index}.target`, message: problem });
      });
      if (errors.length > 0)
        throw new AppError('validation', errors.map((e) => e.message).join(' '), { errors });
      const { version, ...rest } = input;
      const values: repo.PlanValues = {
        ...rest,
        frequencyPerWeek: rest.frequencyPerWeek ?? null,
        durationWeeks: rest.durationWeeks ?? null,
      };
      return database.db.transaction(async (tx) => {
        const episode = await requireEpisode(tx, ctx, episodeId, { forWrite: true });
        const current = await repo.findPlan(tx, ctx.clinicId, episodeId);
        if (!current) await repo.insertPlan(tx, ctx, episodeId, values);
        else {
          if (version === undefined)
            throw new AppError('validation', 'Send the version of the plan you edited.', {
              errors: [{ path: 'version', message: 'Required when the plan already exists.' }],
            });
          if (!(await repo.updatePlan(tx, ctx, episodeId, version, values)))
            throw new AppError(
              'version_conflict',
              `This plan was changed by ${current.updatedByName} after you opened it. Reload and try again.`,
              { extensions: { currentVersion: current.version, yourVersion: version } },
            );
        }
        const plan = (await planOfEpisode(tx, ctx.clinicId, episodeId))!;
        await recordAudit(tx, ctx, {
          action: 'treatment_plan.saved',
          entityType: 'treatment_plan',
          entityId: plan.id,
          clientIds: [episode.clientId],
        });
        return plan;
      });
    },
  };
}
export type TreatmentPlansService = ReturnType<typeof createTreatmentPlansService>;
