/** ICD-10-CM module: the official code list (per fiscal-year edition), search and billability checks. */
export { createIcd10cmService, type Icd10cmService, type LoadResult } from './icd10cm.service.js';
export { icd10cmRoutes } from './icd10cm.routes.js';
export { SHIPPED_ORDER_FILE } from './icd10cm.loader.js';
export { formatCode, normalizeCode, type CodeProblem } from './domain/icd10cm-code.js';
export type { TIcd10cmCode, TIcd10cmEntry } from './icd10cm.schemas.js';
