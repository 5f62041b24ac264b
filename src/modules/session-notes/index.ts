/** Session notes module: SOAP notes with services and minutes, signing (then locked), addenda, templates. */
export {
  createSessionNotesService,
  notesOfEpisode,
  billableSessionsOfEpisode,
  type SessionNotesService,
} from './session-notes.service.js';
export { sessionNotesRoutes } from './session-notes.routes.js';
export { ZBillableSession, ZSessionNote } from './session-notes.schemas.js';
export { SERVICE_CODES, TECHNIQUES, totalMinutes } from './domain/session-note.js';
export type { TSessionNote, TBillableSession } from './session-notes.schemas.js';
