/** The coverage module's pure domain API, for other modules' domain code. */
export * from './coverage.js';
