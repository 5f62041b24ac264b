// `npm run bench:library`: p50/p95 of GET /api/library/conditions?q=… over HTTP on the embedded database
// (or DATABASE_URL), with the shipped condition library loaded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { createApp } from '../app.js';
import { createLibraryService } from '../modules/library/index.js';
import { systemClock } from '../platform/clock.js';
import { migrateDatabase, openDatabase } from '../platform/db/database.js';
import { percentile, serveOnFreePort } from './bench-support.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palpa-bench-library-'));
const database = await openDatabase(
  process.env.DATABASE_URL
    ? { kind: 'postgres', url: process.env.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.join(tmp, 'data') },
);
await migrateDatabase(database);
const library = createLibraryService({ database, now: () => systemClock.now() });
const loaded = await library.ensureShippedContent();
console.log(`Library: ${loaded.conditions} conditions, ${loaded.techniques} techniques (${database.kind}).`);
const app = createApp({
  database,
  library,
  clock: systemClock,
  logger: pino({ level: 'silent' }),
  sessionIdleMinutes: 30,
  openSignup: false,
});
const { base, close } = await serveOnFreePort(app);

const queries = [
  'frozen shoulder',
  'tennis elbow',
  'neck pain',
  'fibromialgia',
  'carpel tunnel',
  'm54.2',
  'knee',
  '',
];
const all: number[] = [];
for (const q of queries) {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS + 5; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/api/library/conditions?q=${encodeURIComponent(q)}`);
    await res.json();
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`${q}: ${res.status}`);
    if (i >= 5) times.push(ms);
  }
  times.sort((a, b) => a - b);
  all.push(...times);
  console.log(
    `  ${(q || '(all)').padEnd(16)} p50 ${percentile(times, 50).toFixed(1).padStart(5)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(5)} ms`,
  );
}
all.sort((a, b) => a - b);
console.log(
  `  ${'all'.padEnd(16)} p50 ${percentile(all, 50).toFixed(1).padStart(5)} ms   p95 ${percentile(all, 95).toFixed(1).padStart(5)} ms   (n=${all.length})`,
);
close();
await database.close();
fs.rmSync(tmp, { recursive: true, force: true });
