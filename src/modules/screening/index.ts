/**
 * Screening module: the structured health history (intake), its vocabularies, and the contraindication
 * rule table that turns intake answers into cited alerts. Pure domain logic plus public reference routes.
 */
export { screeningRoutes } from './screening.routes.js';
export {
  ACTIVITY_LEVELS,
  classifyMedication,
  conditionLabel,
  CONDITIONS,
  DEVICES,
  deviceLabel,
  emptyHealthHistory,
  MEDICATION_CLASSES,
  MEDICATION_NAMES,
  medicationClassesIn,
  type ActivityLevel,
  type AllergyEntry,
  type BodyRegionLabel,
  type Complaint,
  type ConditionCode,
  type ConditionEntry,
  type ConditionStatus,
  type DeviceCode,
  type DeviceEntry,
  type HealthHistory,
  type InjuryEntry,
  type IsoDate,
  type MedicationClass,
  type MedicationEntry,
  type Pregnancy,
  type PregnancyStatus,
  type SurgeryEntry,
  type Vitals,
} from './domain/health-history.js';
export {
  MODALITIES,
  SCREENING_RULES,
  SCREENING_SOURCES,
  type Modality,
  type RuleSource,
  type ScreeningRule,
  type ScreeningRuleId,
  type ScreeningTrigger,
  type Severity,
} from './domain/screening-rules.js';
export {
  compareAlerts,
  requiresAcknowledgement,
  screenHealthHistory,
  SEVERITY_LABELS,
  SEVERITY_ORDER,
  type ScreeningAlert,
} from './domain/screening.js';
export {
  ZHealthHistory,
  ZIsoDate,
  ZScreeningAlert,
  ZScreeningRule,
  type THealthHistory,
  type TScreeningAlert,
  type TScreeningRule,
  type TScreeningRuleList,
  type TScreeningVocabulary,
} from './screening.schemas.js';
