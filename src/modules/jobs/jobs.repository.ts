import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { jobs } from './jobs.tables.js';

export type JobRow = typeof jobs.$inferSelect;

export async function insertJob(
  db: Db,
  values: {
    kind: string;
    payload: Record<string, unknown>;
    runAt: Date;
    dedupeKey?: string | null;
    createdAt: Date;
    maxAttempts?: number;
  },
): Promise<boolean> {
  const rows = await db
    .insert(jobs)
    .values({ ...values, dedupeKey: values.dedupeKey ?? null })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Takes up to `limit` due jobs for `workerId`: queued ones whose time has come, and running ones whose
 * lease ran out (their worker died). SKIP LOCKED lets another worker take other rows at the same moment
 * instead of waiting for these, and never the same row.
 */
export async function claimDueJobs(
  db: Db,
  input: { workerId: string; now: Date; leaseMs: number; limit: number; kinds: string[] },
): Promise<JobRow[]> {
  if (input.kinds.length === 0) return [];
  const until = new Date(input.now.getTime() + input.leaseMs);
  const kinds = sql.join(
    input.kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  // Both drivers answer { rows }; the Db type cannot say so.
  const result: { rows: { id: string }[] } = (await db.execute(sql`
    update jobs set status = 'running', locked_by = ${input.workerId}, locked_until = ${until.toISOString()}::timestamptz,
      attempts = attempts + 1
    where id in (
      select id from jobs
      where kind in (${kinds})
        and ((status = 'queued' and run_at <= ${input.now.toISOString()}::timestamptz)
          or (status = 'running' and locked_until < ${input.now.toISOString()}::timestamptz))
      order by run_at
      limit ${input.limit}
      for update skip locked
    )
    returning id`)) as never;
  const ids = result.rows.map((r) => r.id);
  if (ids.length === 0) return [];
  return db
    .select()
    .from(jobs)
    .where(
      sql`${jobs.id} in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
}

/** Ends a job this worker holds; a lease lost to another worker changes nothing. */
export async function finishJob(
  db: Db,
  id: string,
  workerId: string,
  outcome: { status: 'done' | 'failed' | 'queued'; now: Date; runAt?: Date; error?: string | null },
): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: outcome.status,
      lockedBy: null,
      lockedUntil: null,
      lastError: outcome.error ?? null,
      ...(outcome.runAt ? { runAt: outcome.runAt } : {}),
      ...(outcome.status === 'queued' ? {} : { finishedAt: outcome.now }),
    })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')));
}

export async function countJobs(db: Db, status: JobRow['status']): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(jobs)
    .where(eq(jobs.status, status));
  return row?.n ?? 0;
}

/** Finished jobs older than `before` go: the queue keeps recent history only. */
export async function deleteFinishedBefore(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(
      and(
        sql`${jobs.status} in ('done', 'failed')`,
        sql`${jobs.finishedAt} < ${before.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}
