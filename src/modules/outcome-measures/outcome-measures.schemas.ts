import { z } from '@hono/zod-openapi';
import { OUTCOME_MEASURE_IDS } from './domain/instruments.js';

export const ZOutcomeMeasureId = z.enum(OUTCOME_MEASURE_IDS).openapi('OutcomeMeasureId');
export type TOutcomeMeasureId = z.infer<typeof ZOutcomeMeasureId>;

const ANSWER_MESSAGE = 'Must be a whole number, or null if not answered.';

/** Count and range depend on the instrument, so they are checked by the handler (still naming `answers.N`). */
export const ZScoreRequest = z
  .strictObject({
    answers: z.array(z.number({ error: ANSWER_MESSAGE }).int(ANSWER_MESSAGE).nullable()).openapi({
      description:
        'One entry per item, in the instrument’s item order: the answer, or null if the patient left it unanswered. ' +
        'The PSFS takes one entry per named activity (1–5).',
      example: [2, 2, 2, 2, 2, 2, 2, 1, 1, null],
    }),
  })
  .openapi('OutcomeMeasureScoreRequest');
export type TScoreRequest = z.infer<typeof ZScoreRequest>;

const ZDirection = z.enum(['higher_is_better', 'higher_is_worse']);

export const ZOutcomeMeasureScore = z
  .discriminatedUnion('valid', [
    z.object({
      valid: z.literal(true),
      instrument: ZOutcomeMeasureId,
      score: z.number().openapi({ description: 'Headline score, rounded to 1 decimal place', example: 35.6 }),
      band: z.string().openapi({ example: 'moderate disability' }),
      answered: z.number().int(),
      unanswered: z.number().int(),
      minScore: z.number(),
      maxScore: z.number(),
      unit: z.enum(['points', 'percent']),
      direction: ZDirection,
    }),
    z.object({
      valid: z.literal(false),
      instrument: ZOutcomeMeasureId,
      reason: z.string().openapi({
        example:
          'The QuickDASH cannot be scored: 2 of its 11 items are unanswered, and at most 1 may be. Ask the patient to complete the missing items.',
      }),
      answered: z.number().int(),
      unanswered: z.number().int(),
    }),
  ])
  .openapi('OutcomeMeasureScore', {
    description: 'A score, or `valid: false` with the reason when too many items are unanswered.',
  });
export type TOutcomeMeasureScore = z.infer<typeof ZOutcomeMeasureScore>;

export const ZOutcomeMeasure = z
  .object({
    id: ZOutcomeMeasureId,
    name: z.string().openapi({ example: 'NDI' }),
    fullName: z.string().openapi({ example: 'Neck Disability Index' }),
    items: z.array(
      z.object({
        id: z.string(),
        text: z
          .string()
          .optional()
          .openapi({ description: 'Only for instruments free to ship (NPRS, PSFS)' }),
      }),
    ),
    itemMin: z.number().int(),
    itemMax: z.number().int(),
    answerCount: z.object({ min: z.number().int(), max: z.number().int() }),
    minAnswered: z.number().int(),
    scoringRule: z.string(),
    missingItemsRule: z.string(),
    minScore: z.number(),
    maxScore: z.number(),
    unit: z.enum(['points', 'percent']),
    direction: ZDirection,
    mcid: z.number().openapi({ description: 'Smallest important change, in headline-score units' }),
    mcidNote: z.string(),
    bands: z.array(z.object({ label: z.string(), min: z.number().int(), max: z.number().int() })),
    bandScale: z.string().openapi({ description: 'What the band min/max are measured in' }),
    bandsSource: z.string(),
    licence: z.string(),
    itemTextShipped: z.boolean(),
  })
  .openapi('OutcomeMeasure');
export type TOutcomeMeasure = z.infer<typeof ZOutcomeMeasure>;

export const ZOutcomeMeasureList = z
  .object({ items: z.array(ZOutcomeMeasure) })
  .openapi('OutcomeMeasureList');
export type TOutcomeMeasureList = z.infer<typeof ZOutcomeMeasureList>;
