/** Treatment plans module: the plan of care and its measurable goals, with progress from the scores. */
export {
  createTreatmentPlansService,
  planOfEpisode,
  goalProgress,
  instrumentFacts,
  type TreatmentPlansService,
} from './treatment-plans.service.js';
export { treatmentPlansRoutes } from './treatment-plans.routes.js';
export { describeGoal, type TreatmentGoal } from './domain/goals.js';
export type { TTreatmentPlan } from './treatment-plans.schemas.js';
export { ZTreatmentPlan } from './treatment-plans.schemas.js';
