/** Clients module: the people a clinic treats — demographics, contact, search, archive. */
export { createClientsService, type ClientsService } from './clients.service.js';
export { clientsRoutes } from './clients.routes.js';
export type { TClient, TClientList, TCreateClientRequest, TUpdateClientRequest } from './clients.schemas.js';
