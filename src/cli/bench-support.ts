// Shared by the benchmark scripts: serve an app on a free loopback port, and read percentiles.
import { serve } from '@hono/node-server';
import type { createApp } from '../app.js';

export async function serveOnFreePort(
  app: ReturnType<typeof createApp>,
): Promise<{ base: string; close: () => void }> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { base: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** Nearest-rank percentile of an ascending list. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/**
 * A migrated database (embedded unless DATABASE_URL is set) with the ICD-10-CM codes loaded, the app served
 * on a free port, and `call` for JSON requests that keeps the session cookie. `stop` cleans everything up.
 */
export async function startBenchApp(prefix: string) {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { pino } = await import('pino');
  const { createApp } = await import('../app.js');
  const { createIcd10cmService } = await import('../modules/icd10cm/index.js');
  const { systemClock } = await import('../platform/clock.js');
  const { migrateDatabase, openDatabase } = await import('../platform/db/database.js');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const database = await openDatabase(
    process.env.DATABASE_URL
      ? { kind: 'postgres', url: process.env.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.join(tmp, 'data') },
  );
  await migrateDatabase(database);
  const icd10cm = createIcd10cmService({ database, now: () => systemClock.now() });
  await icd10cm.ensureShippedEdition();
  const app = createApp({
    database,
    icd10cm,
    clock: systemClock,
    logger: pino({ level: 'silent' }),
    sessionIdleMinutes: 30,
    openSignup: true,
  });
  const { base, close } = await serveOnFreePort(app);

  let cookie = '';
  async function call<T = { id: string; version: number }>(
    method: string,
    url: string,
    body?: unknown,
  ): Promise<T> {
    const res = await fetch(`${base}/api${url}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
  }

  async function stop() {
    close();
    await database.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { database, base, call, stop, sessionCookie: () => cookie };
}
