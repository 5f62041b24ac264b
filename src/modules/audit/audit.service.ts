import type { Database, Db } from '../../platform/db/database.js';
import type { AuditAction } from './domain/audit-actions.js';
import { insertAuditRow, listAuditRows } from './audit.repository.js';
import type { TAuditPage, TListAuditQuery } from './audit.schemas.js';

/** Who acted, as the audit log needs it. A RequestContext satisfies it. */
export type AuditActor = {
  clinicId: string;
  userId: string | null;
  userName: string | null;
  ip: string | null;
  requestId: string | null;
  now: Date;
};

export type AuditEntry = {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  clientIds?: string[];
  /** Field names and counts only: never copy client values into the log. */
  detail?: Record<string, unknown>;
};

/** Writes one audit row inside the caller's transaction, so the event and the change commit together. */
export async function recordAudit(tx: Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await insertAuditRow(tx, {
    clinicId: actor.clinicId,
    occurredAt: actor.now,
    actorUserId: actor.userId,
    actorName: actor.userName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    clientIds: entry.clientIds ?? [],
    ip: actor.ip,
    requestId: actor.requestId,
    detail: entry.detail ?? {},
  });
}

export function createAuditService(database: Database) {
  return {
    async list(actor: AuditActor, query: TListAuditQuery): Promise<TAuditPage> {
      return database.db.transaction(async (tx) => {
        const items = await listAuditRows(tx, actor.clinicId, query);
        await recordAudit(tx, actor, {
          action: 'audit.read',
          entityType: 'audit_log',
          clientIds: query.clientId ? [query.clientId] : [],
          detail: { filter: { clientId: query.clientId ?? null, userId: query.userId ?? null } },
        });
        const last = items.at(-1);
        return { items, nextBeforeId: items.length === query.limit && last ? last.id : null };
      });
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
