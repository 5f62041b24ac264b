/** Billing set-up and arithmetic: billing profile, providers' NPIs, payers, service codes, fees, units. */
export {
  codePairEditsFor,
  createBillingService,
  feeLookup,
  serviceCatalogue,
  shippedCodePairs,
  type BillingService,
} from './billing.service.js';
export { billingRoutes } from './billing.routes.js';
export {
  findBillingProfile,
  findProviderBillingId,
  findPayer,
  listProviders,
  nextCounter,
  type BillingProfileRow,
  type PayerRow,
} from './billing.repository.js';
export { computeUnits, unitsForMinutes, type UnitMethod, type UnitResult } from './domain/units.js';
export { STANDARD_SERVICE_CODES, standardServiceCode } from './domain/service-codes.js';
export * from './domain/billing-setup.js';
export { ZPostalAddress } from './billing.schemas.js';
