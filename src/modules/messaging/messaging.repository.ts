import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { outboxMessages } from './messaging.tables.js';

export type MessageRow = typeof outboxMessages.$inferSelect;

/** Inserts a message; undefined when one with the same dedupe key already exists. */
export async function insertMessage(db: Db, values: typeof outboxMessages.$inferInsert) {
  const [row] = await db.insert(outboxMessages).values(values).onConflictDoNothing().returning();
  return row;
}

/** Takes a message for sending; a message already taken, sent or held is left alone. */
export async function takeForSending(db: Db, id: string, retryingSend: boolean) {
  const statuses: MessageRow['status'][] = retryingSend ? ['queued', 'sending'] : ['queued'];
  const [row] = await db
    .update(outboxMessages)
    .set({ status: 'sending', attempts: sql`${outboxMessages.attempts} + 1` })
    .where(and(eq(outboxMessages.id, id), inArray(outboxMessages.status, statuses)))
    .returning();
  return row;
}

export async function markMessage(
  db: Db,
  id: string,
  changes: Partial<Pick<MessageRow, 'status' | 'sentAt' | 'lastError'>>,
) {
  const [row] = await db.update(outboxMessages).set(changes).where(eq(outboxMessages.id, id)).returning();
  return row;
}

export async function findMessage(db: Db, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.clinicId, clinicId), eq(outboxMessages.id, id)));
  return row;
}

export async function listMessages(
  db: Db,
  clinicId: string,
  query: { status?: MessageRow['status'] | undefined; clientId?: string | undefined; limit: number },
) {
  return db
    .select()
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.clinicId, clinicId),
        query.status ? eq(outboxMessages.status, query.status) : undefined,
        query.clientId ? eq(outboxMessages.clientId, query.clientId) : undefined,
      ),
    )
    .orderBy(desc(outboxMessages.createdAt))
    .limit(query.limit);
}
