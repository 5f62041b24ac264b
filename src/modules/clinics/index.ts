/** Clinics module: the tenants, first-run setup and open sign-up. */
export { createClinicsService, type ClinicsService } from './clinics.service.js';
export { clinicsRoutes } from './clinics.routes.js';
export type { TClinic } from './clinics.schemas.js';
export { findClinic, findClinicBySlug } from './clinics.repository.js';
