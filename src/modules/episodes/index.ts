/** Episodes module: one complaint or injury of a client, the frame every clinical record hangs from. */
export {
  createEpisodesService,
  requireEpisode,
  type EpisodesService,
  type EpisodeScope,
} from './episodes.service.js';
export { episodesRoutes } from './episodes.routes.js';
export { toEpisode, listEpisodesOfClient } from './episodes.repository.js';
export { PAYER_CONTEXT_LABELS, type EpisodeStatus, type PayerContext } from './domain/episode.js';
export type { TEpisode } from './episodes.schemas.js';
export { ZEpisode } from './episodes.schemas.js';
