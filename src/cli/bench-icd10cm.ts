// `npm run bench:icd10cm`: p50/p95 of GET /api/icd10cm?q=… over HTTP on the embedded database with the
// shipped FY2026 edition (74,719 billable codes), and how long the first-start load of the code list takes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { createApp } from '../app.js';
import { percentile, serveOnFreePort } from './bench-support.js';
import { createIcd10cmService } from '../modules/icd10cm/index.js';
import { systemClock } from '../platform/clock.js';
import { migrateDatabase, openDatabase } from '../platform/db/database.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palpa-bench-icd-'));
const database = await openDatabase(
  process.env.DATABASE_URL
    ? { kind: 'postgres', url: process.env.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.join(tmp, 'data') },
);
await migrateDatabase(database);
const icd10cm = createIcd10cmService({ database, now: () => systemClock.now() });
const loadStarted = performance.now();
const loaded = await icd10cm.ensureShippedEdition();
console.log(
  `Code list: edition ${loaded.edition}, ${loaded.codes} entries, ${loaded.loaded ? 'loaded' : 'already there'} in ${Math.round(performance.now() - loadStarted)} ms (${database.kind}).`,
);

const app = createApp({
  database,
  icd10cm,
  clock: systemClock,
  logger: pino({ level: 'silent' }),
  sessionIdleMinutes: 30,
  openSignup: false,
});
const { base, close } = await serveOnFreePort(app);

const queries = [
  'm54.2',
  'M54',
  's13.4',
  'cervicalgia',
  'neck pain',
  'low back pain',
  'fibromyalgia',
  'carpal tunnel',
  'sprain',
  'pain',
];
const all: number[] = [];
console.log(`GET /api/icd10cm?q=… over HTTP, ${ROUNDS} requests per query:`);
for (const q of queries) {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS + 5; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/api/icd10cm?q=${encodeURIComponent(q)}`);
    const body = (await res.json()) as { items: Array<{ code: string }> };
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`${q}: ${res.status}`);
    if (i >= 5) times.push(ms);
    if (i === 0 && q === queries[0]) console.log(`  (first answer for "${q}": ${body.items[0]?.code})`);
  }
  times.sort((a, b) => a - b);
  all.push(...times);
  console.log(
    `  ${q.padEnd(14)} p50 ${percentile(times, 50).toFixed(1).padStart(5)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(5)} ms`,
  );
}
all.sort((a, b) => a - b);
console.log(
  `  ${'all'.padEnd(14)} p50 ${percentile(all, 50).toFixed(1).padStart(5)} ms   p95 ${percentile(all, 95).toFixed(1).padStart(5)} ms   (n=${all.length})`,
);
close();
await database.close();
fs.rmSync(tmp, { recursive: true, force: true });
