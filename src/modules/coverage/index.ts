/** Coverage module: a client's insurance policies and auto / workers' comp cases, which claims carry. */
export { createCoverageService, toCase, toPolicy, type CoverageService } from './coverage.service.js';
export { coverageRoutes } from './coverage.routes.js';
export {
  findCase,
  findPolicy,
  listCases,
  listPolicies,
  type CaseRow,
  type PolicyRow,
} from './coverage.repository.js';
export * from './domain/coverage.js';
export type { TCase, TPolicy } from './coverage.schemas.js';
