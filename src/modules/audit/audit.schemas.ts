import { z } from '@hono/zod-openapi';
import { AUDIT_ACTIONS } from './domain/audit-actions.js';

export const ZAuditEvent = z
  .object({
    id: z.number().int(),
    occurredAt: z.string().datetime(),
    actorUserId: z.string().uuid().nullable(),
    actorName: z.string().nullable(),
    action: z.enum(AUDIT_ACTIONS),
    entityType: z.string(),
    entityId: z.string().nullable(),
    clientIds: z.array(z.string().uuid()),
    ip: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent');
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZListAuditQuery = z.strictObject({
  clientId: z.string().uuid().optional(),
  userId: z.string().uuid().optional(),
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListAuditQuery = z.infer<typeof ZListAuditQuery>;

export const ZAuditPage = z
  .object({ items: z.array(ZAuditEvent), nextBeforeId: z.number().int().nullable() })
  .openapi('AuditPage');
export type TAuditPage = z.infer<typeof ZAuditPage>;
