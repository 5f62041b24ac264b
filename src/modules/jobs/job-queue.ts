import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.js';
import type { Database, Db } from '../../platform/db/database.js';
import { periodicSlot, retryDelayMs } from './domain/retry.js';
import * as repo from './jobs.repository.js';

export type JobHandler = (
  payload: Record<string, unknown>,
  job: { id: string; attempts: number },
) => Promise<void>;

export type EnqueueJob = {
  kind: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  dedupeKey?: string;
  maxAttempts?: number;
};

/**
 * A worker over the `jobs` table. Each Palpa process runs one; any number may share a database. Work is
 * enqueued inside the caller's transaction (`enqueue(tx, …)`), so a job exists exactly when the change
 * that asked for it committed. A job is at-least-once: a worker that dies mid-job leaves a lease that
 * expires, and the job runs again — so handlers check their own state first (a message already sent is
 * not sent again).
 */
export function createJobQueue(deps: {
  database: Database;
  clock: Clock;
  logger: Logger;
  workerId?: string;
  leaseMs?: number;
  batchSize?: number;
}) {
  const workerId = deps.workerId ?? `palpa-${process.pid}-${randomUUID().slice(0, 8)}`;
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const handlers = new Map<string, JobHandler>();
  const periodic: { kind: string; everyMs: number }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function enqueue(db: Db, job: EnqueueJob): Promise<boolean> {
    const now = deps.clock.now();
    return repo.insertJob(db, {
      kind: job.kind,
      payload: job.payload ?? {},
      runAt: job.runAt ?? now,
      dedupeKey: job.dedupeKey ?? null,
      createdAt: now,
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
    });
  }

  /** Claims and runs what is due now; answers how many jobs ran. */
  async function runDue(): Promise<number> {
    const now = deps.clock.now();
    for (const p of periodic) {
      const slot = periodicSlot(now, p.everyMs);
      await enqueue(deps.database.db, {
        kind: p.kind,
        runAt: slot.runAt,
        dedupeKey: `periodic:${p.kind}:${slot.key}`,
        maxAttempts: 1,
      });
    }
    const claimed = await deps.database.db.transaction((tx) =>
      repo.claimDueJobs(tx, {
        workerId,
        now,
        leaseMs,
        limit: deps.batchSize ?? 20,
        kinds: [...handlers.keys()],
      }),
    );
    for (const job of claimed) {
      const handler = handlers.get(job.kind)!;
      try {
        await handler(job.payload, { id: job.id, attempts: job.attempts });
        await repo.finishJob(deps.database.db, job.id, workerId, { status: 'done', now: deps.clock.now() });
      } catch (err) {
        const message = (err as Error).message;
        const again = job.attempts < job.maxAttempts;
        deps.logger.warn({ job: job.id, kind: job.kind, attempts: job.attempts, err: message }, 'job failed');
        await repo.finishJob(deps.database.db, job.id, workerId, {
          status: again ? 'queued' : 'failed',
          now: deps.clock.now(),
          runAt: new Date(deps.clock.now().getTime() + retryDelayMs(job.attempts)),
          error: message,
        });
      }
    }
    return claimed.length;
  }

  // Housekeeping: finished jobs are kept two weeks (enough to see what happened), then removed.
  handlers.set('jobs.prune', async () => {
    await repo.deleteFinishedBefore(deps.database.db, new Date(deps.clock.now().getTime() - 14 * 86_400_000));
  });
  periodic.push({ kind: 'jobs.prune', everyMs: 86_400_000 });

  return {
    workerId,
    enqueue,
    register(kind: string, handler: JobHandler) {
      handlers.set(kind, handler);
    },
    /** A task that runs once per period across all processes (its slot is deduplicated). */
    every(kind: string, everyMs: number, handler: JobHandler) {
      handlers.set(kind, handler);
      periodic.push({ kind, everyMs });
    },
    /** Runs due work until none is left (tests, and each poll). */
    async drain(): Promise<number> {
      let total = 0;
      for (let ran = await runDue(); ran > 0; ran = await runDue()) total += ran;
      return total;
    },
    runDue,
    start(pollMs = 15_000) {
      const tick = () => {
        if (stopped) return;
        running = runDue()
          .catch((err: unknown) => {
            deps.logger.error({ err: (err as Error).message }, 'job worker tick failed');
            return 0;
          })
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, pollMs);
          });
      };
      timer = setTimeout(tick, 1_000);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
export type JobQueue = ReturnType<typeof createJobQueue>;
