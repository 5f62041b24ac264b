/**
 * When a failed job runs again: exponential back-off from 30 s, doubling, capped at an hour — a mail
 * server that is down for a while is retried without hammering it.
 */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/** The slot of a periodic task: work that runs every `everyMs` exists once per slot, whoever inserts it. */
export function periodicSlot(now: Date, everyMs: number): { key: number; runAt: Date } {
  const key = Math.floor(now.getTime() / everyMs);
  return { key, runAt: new Date(key * everyMs) };
}
