import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinics } from '../clinics/clinics.tables.js';

/**
 * Append-only record of who read or changed what. A trigger (migration 0001) refuses UPDATE, DELETE and
 * TRUNCATE on both backends. Values of client fields are never copied here, only field names.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    clientIds: uuid('client_ids').array().notNull().default([]),
    ip: text('ip'),
    requestId: text('request_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_clinic_time_idx').on(t.clinicId, t.occurredAt),
    index('audit_actor_idx').on(t.clinicId, t.actorUserId, t.occurredAt),
    index('audit_clients_gin_idx').using('gin', t.clientIds),
  ],
);
