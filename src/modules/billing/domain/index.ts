/** The billing module's pure domain API, for other modules' domain code. */
export * from './units.js';
export * from './service-codes.js';
export * from './billing-setup.js';
