import type {
  TClient,
  TClientList,
  TCreateClientRequest,
  TUpdateClientRequest,
} from '../../modules/clients/clients.schemas.js';
import { apiRequest } from './http.js';

export type Client = TClient;
export type ClientList = TClientList;
export type CreateClientInput = TCreateClientRequest;
export type UpdateClientInput = TUpdateClientRequest;
export type ArchivedFilter = 'exclude' | 'include' | 'only';

export type ClientSearch = { q?: string; archived?: ArchivedFilter; limit?: number; offset?: number };

export const searchClients = (search: ClientSearch, signal?: AbortSignal): Promise<ClientList> =>
  apiRequest<ClientList>('/clients', { query: search, signal });

export const getClient = (id: string): Promise<Client> =>
  apiRequest<Client>(`/clients/${encodeURIComponent(id)}`);

export const createClient = (input: CreateClientInput): Promise<Client> =>
  apiRequest<Client>('/clients', { method: 'POST', body: input });

export const updateClient = (id: string, input: UpdateClientInput): Promise<Client> =>
  apiRequest<Client>(`/clients/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

export const archiveClient = (id: string, version: number): Promise<Client> =>
  apiRequest<Client>(`/clients/${encodeURIComponent(id)}/archive`, { method: 'POST', body: { version } });

export const restoreClient = (id: string, version: number): Promise<Client> =>
  apiRequest<Client>(`/clients/${encodeURIComponent(id)}/restore`, { method: 'POST', body: { version } });
