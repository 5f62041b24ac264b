/** Audit module: the append-only record of every read and write of client data. */
export {
  recordAudit,
  createAuditService,
  type AuditActor,
  type AuditEntry,
  type AuditService,
} from './audit.service.js';
export { auditRoutes } from './audit.routes.js';
export type { AuditAction } from './domain/audit-actions.js';
export type { TAuditEvent, TAuditPage } from './audit.schemas.js';
