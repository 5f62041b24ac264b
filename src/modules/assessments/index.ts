/** Assessments module: initial assessment, re-evaluation and discharge findings; body-chart marks; measures. */
export {
  createAssessmentsService,
  assessmentsOfEpisode,
  saveMarksAndMeasures,
  scoreEntries,
  toOutcomeResult,
  type AssessmentsService,
  type OutcomeEntry,
} from './assessments.service.js';
export { assessmentsRoutes } from './assessments.routes.js';
export { marksOf, outcomeResultsOfEpisode } from './assessments.repository.js';
export { ZBodyChartMark, ZOutcomeMeasureEntry, ZOutcomeMeasureResult } from './assessments.schemas.js';
export {
  ASSESSMENT_KIND_LABELS,
  RECOMMENDATION_LABELS,
  type GoalStatus,
  type Recommendation,
} from './domain/assessment.js';
export type { BodyChartMark } from './domain/body-regions.js';
export type { TAssessment, TOutcomeMeasureResult } from './assessments.schemas.js';
export { ZAssessment } from './assessments.schemas.js';
export { ROM_NORMS, SPECIAL_TESTS } from './domain/assessment.js';
export { BODY_REGIONS } from './domain/body-regions.js';
