/** Outcome-measures module: pure scoring of NPRS, PSFS, NDI, ODI, LEFS and QuickDASH, and public routes. */
export { outcomeMeasuresRoutes } from './outcome-measures.routes.js';
export {
  OUTCOME_MEASURE_IDS,
  OUTCOME_MEASURES,
  findOutcomeMeasure,
  type OutcomeBand,
  type OutcomeItem,
  type OutcomeMeasure,
  type OutcomeMeasureId,
  type ScoreDirection,
  type ScoringMethod,
} from './domain/instruments.js';
export {
  bandOf,
  compareScores,
  findAnswerProblems,
  roundScore,
  scoreOutcomeMeasure,
  type AnswerProblem,
  type OutcomeAnswer,
  type OutcomeScore,
  type ScoreComparison,
  type ScoredOutcome,
  type UnscorableOutcome,
} from './domain/scoring.js';
export type {
  TOutcomeMeasure,
  TOutcomeMeasureId,
  TOutcomeMeasureList,
  TOutcomeMeasureScore,
  TScoreRequest,
} from './outcome-measures.schemas.js';
