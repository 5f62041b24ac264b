/** The prescriptions module's pure domain API, for other modules' domain code. */
export * from './npi.js';
export * from './visit-usage.js';
