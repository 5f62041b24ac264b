/** The claims module's pure domain API, for other modules' domain code. */
export type * from './claim-document.js';
export * from './claim-lifecycle.js';
