import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { auditLog } from './audit.tables.js';
import type { AuditAction } from './domain/audit-actions.js';
import type { TAuditEvent } from './audit.schemas.js';

export type NewAuditRow = {
  clinicId: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorName: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  clientIds: string[];
  ip: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
};

export async function insertAuditRow(db: Db, row: NewAuditRow): Promise<void> {
  await db.insert(auditLog).values(row);
}

export async function listAuditRows(
  db: Db,
  clinicId: string,
  filter: {
    clientId?: string | undefined;
    userId?: string | undefined;
    beforeId?: number | undefined;
    limit: number;
  },
): Promise<TAuditEvent[]> {
  const conditions: SQL[] = [eq(auditLog.clinicId, clinicId)];
  if (filter.clientId) conditions.push(sql`${auditLog.clientIds} @> ARRAY[${filter.clientId}]::uuid[]`);
  if (filter.userId) conditions.push(eq(auditLog.actorUserId, filter.userId));
  if (filter.beforeId) conditions.push(lt(auditLog.id, filter.beforeId));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    action: row.action as AuditAction,
    entityType: row.entityType,
    entityId: row.entityId,
    clientIds: row.clientIds,
    ip: row.ip,
    detail: row.detail,
  }));
}
