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
