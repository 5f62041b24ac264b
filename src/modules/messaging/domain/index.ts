/** The messaging module's pure domain API. */
export * from './message.js';
export * from './templates.js';
