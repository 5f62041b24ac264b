import { z } from '@hono/zod-openapi';
import { optionalText, ZCalendarDate, ZVersion } from '../../platform/http/zod-fields.js';
import { OUTCOME_MEASURE_IDS } from '../outcome-measures/index.js';
import {
  ASSESSMENT_KINDS,
  GOAL_STATUSES,
  RECOMMENDATIONS,
  SIDES,
  SPECIAL_TEST_RESULTS,
  SPECIAL_TESTS,
} from './domain/assessment.js';
import { BODY_VIEWS, MARK_TYPES, markProblem } from './domain/body-regions.js';

export const ZBodyChartMark = z
  .strictObject({
    id: z.string().uuid(),
    view: z.enum(BODY_VIEWS),
    regionId: z.string().max(60),
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    type: z.enum(MARK_TYPES),
    intensity: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    note: z.string().trim().max(500).optional(),
  })
  .superRefine((mark, ctx) => {
    const problem = markProblem(mark);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['regionId'] });
  })
  .openapi('BodyChartMark');

export const ZOutcomeMeasureEntry = z.strictObject({
  instrument: z.enum(OUTCOME_MEASURE_IDS),
  answers: z.array(z.number().nullable()).max(30),
  /** PSFS: the activities in the client's words, one per answer. */
  labels: z.array(z.string().trim().max(200)).max(5).optional(),
});

export const ZOutcomeMeasureResult = z
  .object({
    id: z.string().uuid(),
    instrument: z.enum(OUTCOME_MEASURE_IDS),
    takenOn: z.string(),
    answers: z.array(z.number().nullable()),
    labels: z.array(z.string()).nullable(),
    score: z.number(),
    band: z.string(),
    assessmentId: z.string().uuid().nullable(),
    sessionNoteId: z.string().uuid().nullable(),
  })
  .openapi('OutcomeMeasureResult');
export type TOutcomeMeasureResult = z.infer<typeof ZOutcomeMeasureResult>;

const ZRangeOfMotionEntry = z.strictObject({
  joint: z.string().trim().min(1).max(40),
  movement: z.string().trim().min(1).max(40),
  side: z.enum(SIDES),
  degrees: z.number().int().min(0).max(360),
  painful: z.boolean().optional(),
});

const SPECIAL_TEST_IDS = SPECIAL_TESTS.map((t) => t.id) as [string, ...string[]];
const ZSpecialTestEntry = z.strictObject({
  test: z.enum(SPECIAL_TEST_IDS),
  side: z.enum(SIDES),
  result: z.enum(SPECIAL_TEST_RESULTS),
  note: z.string().trim().max(500).optional(),
});

const ZGoalReview = z.strictObject({
  goalId: z.string().max(60),
  status: z.enum(GOAL_STATUSES),
  note: z.string().trim().max(1000).optional(),
});

const assessmentFields = {
  kind: z.enum(ASSESSMENT_KINDS),
  assessedOn: ZCalendarDate,
  posture: optionalText(5000),
  gait: optionalText(5000),
  findings: optionalText(10000),
  painNprs: z.number().int().min(0).max(10).nullable().optional(),
  rangeOfMotion: z.array(ZRangeOfMotionEntry).max(100).default([]),
  specialTests: z.array(ZSpecialTestEntry).max(50).default([]),
  marks: z.array(ZBodyChartMark).max(300).default([]),
  outcomeMeasures: z.array(ZOutcomeMeasureEntry).max(10).default([]),
  goalReviews: z.array(ZGoalReview).max(30).default([]),
  recommendation: z.enum(RECOMMENDATIONS).nullable().optional(),
  recommendationNote: optionalText(5000),
};

export const ZCreateAssessmentRequest = z.strictObject(assessmentFields).openapi('CreateAssessmentRequest');
export type TCreateAssessmentRequest = z.infer<typeof ZCreateAssessmentRequest>;

export const ZUpdateAssessmentRequest = z
  .strictObject({ version: ZVersion, ...assessmentFields })
  .openapi('UpdateAssessmentRequest');
export type TUpdateAssessmentRequest = z.infer<typeof ZUpdateAssessmentRequest>;

export const ZAssessment = z
  .object({
    id: z.string().uuid(),
    episodeId: z.string().uuid(),
    kind: z.enum(ASSESSMENT_KINDS),
    assessedOn: z.string(),
    posture: z.string().nullable(),
    gait: z.string().nullable(),
    findings: z.string().nullable(),
    painNprs: z.number().int().nullable(),
    rangeOfMotion: z.array(
      ZRangeOfMotionEntry.extend({
        normalDegrees: z.number().nullable(),
        percentOfNormal: z.number().nullable(),
      }),
    ),
    specialTests: z.array(ZSpecialTestEntry),
    marks: z.array(ZBodyChartMark),
    outcomeMeasures: z.array(ZOutcomeMeasureResult),
    goalReviews: z.array(ZGoalReview),
    recommendation: z.enum(RECOMMENDATIONS).nullable(),
    recommendationNote: z.string().nullable(),
    signedAt: z.string().datetime().nullable(),
    signedById: z.string().uuid().nullable(),
    signedByName: z.string().nullable(),
    therapistName: z.string(),
    version: z.number().int(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
  })
  .openapi('Assessment');
export type TAssessment = z.infer<typeof ZAssessment>;

export const ZMarksQuery = z.strictObject({
  regionId: z.string().max(60).optional(),
  type: z.enum(MARK_TYPES).optional(),
});
export type TMarksQuery = z.infer<typeof ZMarksQuery>;

export const ZMarkHistory = z
  .object({
    items: z.array(
      z.object({
        id: z.string().uuid(),
        recordedOn: z.string(),
        assessmentId: z.string().uuid().nullable(),
        sessionNoteId: z.string().uuid().nullable(),
        view: z.enum(BODY_VIEWS),
        regionId: z.string(),
        regionLabel: z.string(),
        x: z.number(),
        y: z.number(),
        type: z.enum(MARK_TYPES),
        intensity: z.number().int(),
        note: z.string().nullable(),
      }),
    ),
  })
  .openapi('MarkHistory');
export type TMarkHistory = z.infer<typeof ZMarkHistory>;
