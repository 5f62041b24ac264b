/** The clients module's pure domain API, for other modules' domain code. */
export * from './client.js';
