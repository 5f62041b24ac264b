/** The scheduling module's pure domain API, for other modules' domain code and the web app. */
export * from './appointment.js';
export * from './availability.js';
export * from './recurrence.js';
export * from './visit-count.js';
export * from './waitlist.js';
