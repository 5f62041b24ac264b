import { z } from '@hono/zod-openapi';
import { ZCalendarDate, ZVersion } from '../../platform/http/zod-fields.js';
import { OUTCOME_MEASURE_IDS } from '../outcome-measures/index.js';
import { GOAL_TERMS } from './domain/goals.js';

const ZGoalId = z.string().trim().min(1).max(60);

export const ZTreatmentGoal = z
  .discriminatedUnion('kind', [
    z.strictObject({
      id: ZGoalId,
      term: z.enum(GOAL_TERMS),
      kind: z.literal('measure'),
      instrument: z.enum(OUTCOME_MEASURE_IDS),
      baseline: z.number().min(0).max(100),
      target: z.number().min(0).max(100),
      targetDate: ZCalendarDate,
      note: z.string().trim().max(1000).optional(),
    }),
    z.strictObject({
      id: ZGoalId,
      term: z.enum(GOAL_TERMS),
      kind: z.literal('functional'),
      text: z.string().trim().min(3, 'Describe the goal in measurable terms.').max(500),
      targetDate: ZCalendarDate,
      note: z.string().trim().max(1000).optional(),
    }),
  ])
  .openapi('TreatmentGoal');

const ZPlannedTechnique = z.strictObject({
  technique: z.string().trim().min(1).max(60),
  regions: z.array(z.string().max(60)).max(40),
  note: z.string().trim().max(500).optional(),
});

export const ZSaveTreatmentPlanRequest = z
  .strictObject({
    /** Required once a plan exists: the version you edited. */
    version: ZVersion.optional(),
    problems: z.array(z.string().trim().min(1).max(500)).max(30),
    goals: z.array(ZTreatmentGoal).min(1, 'Set at least one measurable goal.').max(20),
    techniques: z.array(ZPlannedTechnique).max(30),
    frequencyPerWeek: z.number().int().min(1).max(7).nullable().optional(),
    durationWeeks: z.number().int().min(1).max(104).nullable().optional(),
    precautions: z.array(z.string().trim().min(1).max(500)).max(30),
  })
  .openapi('SaveTreatmentPlanRequest');
export type TSaveTreatmentPlanRequest = z.infer<typeof ZSaveTreatmentPlanRequest>;

export const ZGoalProgress = z.object({
  goalId: z.string(),
  description: z.string(),
  status: z.enum(['met', 'progressing', 'not_progressing', 'not_measured']),
  latestScore: z.number().nullable(),
  latestOn: z.string().nullable(),
});

export const ZTreatmentPlan = z
  .object({
    id: z.string().uuid(),
    episodeId: z.string().uuid(),
    problems: z.array(z.string()),
    goals: z.array(ZTreatmentGoal),
    goalProgress: z.array(ZGoalProgress),
    techniques: z.array(ZPlannedTechnique),
    frequencyPerWeek: z.number().int().nullable(),
    durationWeeks: z.number().int().nullable(),
    precautions: z.array(z.string()),
    version: z.number().int(),
    updatedAt: z.string().datetime(),
    updatedByName: z.string(),
  })
  .openapi('TreatmentPlan');
export type TTreatmentPlan = z.infer<typeof ZTreatmentPlan>;
