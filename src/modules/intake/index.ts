/** Intake module: health history, contraindication screening results and signed consents of an episode. */
export {
  createIntakeService,
  alertsOfEpisode,
  intakeOfEpisode,
  consentsOfEpisode,
  type IntakeService,
} from './intake.service.js';
export { intakeRoutes } from './intake.routes.js';
export { CONSENT_TEXTS, type ConsentKind } from './domain/consent-texts.js';
export type { TIntake, TConsent, TClientAlerts } from './intake.schemas.js';
export { ZConsent, ZIntake } from './intake.schemas.js';
