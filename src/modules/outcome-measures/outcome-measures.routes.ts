import { createRoute, z } from '@hono/zod-openapi';
import { AppError, type FieldError } from '../../platform/http/app-error.js';
import { jsonContent, problemResponses } from '../../platform/http/openapi.js';
import { createRouter } from '../../platform/http/router.js';
import {
  OUTCOME_MEASURE_IDS,
  OUTCOME_MEASURES,
  findOutcomeMeasure,
  type OutcomeMeasure,
} from './domain/instruments.js';
import { findAnswerProblems, roundScore, scoreOutcomeMeasure, type OutcomeScore } from './domain/scoring.js';
import {
  ZOutcomeMeasureList,
  ZOutcomeMeasureScore,
  ZScoreRequest,
  type TOutcomeMeasure,
  type TOutcomeMeasureScore,
} from './outcome-measures.schemas.js';

/**
 * A calculator over answers the caller sends: no client data is stored or named, so no sign-in is needed and
 * nothing is audited (as for the ICD-10-CM reference data).
 */
export function outcomeMeasuresRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/outcome-measures',
      tags: ['Outcome measures'],
      summary: 'The outcome measures Palpa scores: items, ranges, bands, MCID and licence notes',
      responses: { 200: jsonContent(ZOutcomeMeasureList, 'Every instrument'), ...problemResponses() },
    }),
    (c) => c.json({ items: OUTCOME_MEASURE_IDS.map((id) => describeMeasure(OUTCOME_MEASURES[id])) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/outcome-measures/{instrument}/score',
      tags: ['Outcome measures'],
      summary: 'Score one completed questionnaire (nothing is stored)',
      request: {
        params: z.strictObject({
          instrument: z.string().openapi({
            param: { name: 'instrument', in: 'path' },
            description: `One of ${OUTCOME_MEASURE_IDS.join(', ')}`,
            example: 'ndi',
          }),
        }),
        body: { content: { 'application/json': { schema: ZScoreRequest } }, required: true },
      },
      responses: {
        200: jsonContent(ZOutcomeMeasureScore, 'The score, or why it cannot be given'),
        ...problemResponses(400, 404),
      },
    }),
    (c) => {
      const { instrument: id } = c.req.valid('param');
      const measure = findOutcomeMeasure(id);
      if (!measure)
        throw new AppError(
          'not_found',
          `There is no outcome measure "${id}". Palpa scores: ${OUTCOME_MEASURE_IDS.join(', ')}.`,
        );
      const { answers } = c.req.valid('json');
      const problems = findAnswerProblems(measure.id, answers);
      if (problems.length > 0) {
        // Same path style as zod's errors (`answers.3`), so a client reads one format whichever check failed.
        const errors: FieldError[] = problems.map((problem) => ({
          path: problem.index === undefined ? 'answers' : `answers.${problem.index}`,
          message: problem.message,
        }));
        throw new AppError('validation', `Please correct: ${errors.map((e) => e.path).join(', ')}.`, {
          errors,
        });
      }
      return c.json(toScoreResponse(measure, scoreOutcomeMeasure(measure.id, answers)), 200);
    },
  );

  return router;
}

/** The API shows the headline score to 1 decimal place; the band was found from the precise score. */
function toScoreResponse(measure: OutcomeMeasure, result: OutcomeScore): TOutcomeMeasureScore {
  const counts = { answered: result.answered, unanswered: result.unanswered };
  if (!result.valid) return { valid: false, instrument: measure.id, reason: result.reason, ...counts };
  return {
    valid: true,
    instrument: measure.id,
    score: roundScore(result.score),
    band: result.band,
    ...counts,
    minScore: measure.scoreMin,
    maxScore: measure.scoreMax,
    unit: measure.scoreUnit,
    direction: measure.direction,
  };
}

function describeMeasure(measure: OutcomeMeasure): TOutcomeMeasure {
  return {
    id: measure.id,
    name: measure.name,
    fullName: measure.fullName,
    items: measure.items.map((item) => (item.text === undefined ? { id: item.id } : { ...item })),
    itemMin: measure.itemMin,
    itemMax: measure.itemMax,
    answerCount: { ...measure.answerCount },
    minAnswered: measure.minAnswered,
    scoringRule: measure.scoringRule,
    missingItemsRule: measure.missingItemsRule,
    minScore: measure.scoreMin,
    maxScore: measure.scoreMax,
    unit: measure.scoreUnit,
    direction: measure.direction,
    mcid: measure.mcid,
    mcidNote: measure.mcidNote,
    bands: measure.bands.map((band) => ({ ...band })),
    bandScale: measure.bandScale.description,
    bandsSource: measure.bandsSource,
    licence: measure.licence,
    itemTextShipped: measure.shipItemText,
  };
}
