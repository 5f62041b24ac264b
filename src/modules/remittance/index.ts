/** Remittance module: X12 835 remittances read, matched to claims and posted to the ledger. */
export {
  createRemittanceService,
  type RemittanceService,
  type RemittanceSummary,
} from './remittance.service.js';
export { remittanceRoutes } from './remittance.routes.js';
