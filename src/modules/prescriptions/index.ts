/** Prescriptions module: the prescriber's order — diagnoses, frequency, visits authorised, expiry — and NPI checks. */
export {
  createPrescriptionsService,
  prescriptionsWithUsage,
  toPrescription,
  toSummary as toPrescriptionSummary,
  type PrescriptionsService,
} from './prescriptions.service.js';
export { prescriptionsRoutes } from './prescriptions.routes.js';
export { isValidNpi, npiProblem } from './domain/npi.js';
export type { TPrescription, TPrescriptionSummary } from './prescriptions.schemas.js';
export { ZPrescription, ZPrescriptionSummary } from './prescriptions.schemas.js';
export { allocateSessions } from './domain/visit-usage.js';
