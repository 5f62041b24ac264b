import type { TAuditEvent, TAuditPage } from '../../modules/audit/audit.schemas.js';
import { apiRequest } from './http.js';

export type AuditEvent = TAuditEvent;
export type AuditPage = TAuditPage;
export type AuditFilter = { clientId?: string; userId?: string; beforeId?: number; limit?: number };

export const listAuditEvents = (filter: AuditFilter): Promise<AuditPage> =>
  apiRequest<AuditPage>('/audit', { query: filter });
