// `npm run bench`: p50/p95 of GET /api/clients?q=… over real HTTP with 10,000 clients in one clinic.
// Uses a throwaway embedded database, or the PostgreSQL server in DATABASE_URL (a fresh schema is required).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { createApp } from '../app.js';
import { percentile, serveOnFreePort } from './bench-support.js';
import { systemClock } from '../platform/clock.js';
import { migrateDatabase, openDatabase } from '../platform/db/database.js';
import { FAMILY_NAMES, GIVEN_NAMES } from './fictional-people.js';

const CLIENTS = 10_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palpa-bench-'));
const database = await openDatabase(
  process.env.DATABASE_URL
    ? { kind: 'postgres', url: process.env.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.join(tmp, 'data') },
);
await migrateDatabase(database);
const app = createApp({
  database,
  clock: systemClock,
  logger: pino({ level: 'silent' }),
  sessionIdleMinutes: 30,
  openSignup: true,
});
const { base, close } = await serveOnFreePort(app);

const signup = await fetch(`${base}/api/signup`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    clinicName: 'Bench Clinic',
    ownerName: 'Bench Owner',
    email: `bench-${Date.now()}@example.org`,
    password: 'benchmark passphrase',
  }),
});
const cookie = signup.headers.get('set-cookie')?.split(';')[0] ?? '';
const { clinic, user } = (await signup.json()) as { clinic: { id: string }; user: { id: string } };

const seedStarted = performance.now();
const given = `ARRAY[${GIVEN_NAMES.map((n) => `'${n.replace(/'/g, "''")}'`).join(',')}]`;
const family = `ARRAY[${FAMILY_NAMES.map((n) => `'${n.replace(/'/g, "''")}'`).join(',')}]`;
// One INSERT … SELECT: 40 × 40 name combinations with a suffix, dates of birth and phones spread out.
await database.db.execute(
  sql.raw(`insert into clients (clinic_id, given_name, family_name, date_of_birth, phone, email, created_at, created_by, updated_at, updated_by)
    select '${clinic.id}', (${given})[1 + (i % 40)], (${family})[1 + ((i / 40) % 40)] || case when i >= 1600 then '-' || (i / 1600) else '' end,
      date '1940-01-01' + (i * 7 % 25000), '(555) ' || lpad((i % 1000)::text, 3, '0') || '-' || lpad(i::text, 4, '0'),
      'client' || i || '@example.com', now(), '${user.id}', now(), '${user.id}'
    from generate_series(1, ${CLIENTS - 1}) as i`),
);
await database.db.execute(
  sql.raw(`insert into clients (clinic_id, given_name, family_name, date_of_birth, phone, created_at, created_by, updated_at, updated_by)
    values ('${clinic.id}', 'Margaret', 'Smithson', '1972-05-09', '(555) 867-5309', now(), '${user.id}', now(), '${user.id}')`),
);
await database.db.execute(sql`analyze clients`);
console.log(
  `Seeded ${CLIENTS} clients in ${Math.round(performance.now() - seedStarted)} ms (${database.kind}).`,
);

const queries = {
  'misspelt full name': 'Margret Smithsen',
  'family name prefix': 'okaf',
  'given + family': 'priya patel',
  'phone fragment': '867-5309',
  'date of birth': '1972-05-09',
  'email fragment': 'client1234@',
  'empty (first page)': '',
};

const all: number[] = [];
const rows: string[] = [];
for (const [label, q] of Object.entries(queries)) {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS + 5; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/api/clients?q=${encodeURIComponent(q)}`, { headers: { cookie } });
    const body = (await res.json()) as { items: unknown[] };
    const ms = performance.now() - started;
    if (res.status !== 200 || !Array.isArray(body.items)) throw new Error(`${label}: ${res.status}`);
    if (i >= 5) times.push(ms); // the first few warm caches and the JIT
  }
  times.sort((a, b) => a - b);
  all.push(...times);
  rows.push(
    `${label.padEnd(22)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms`,
  );
}
all.sort((a, b) => a - b);
console.log(`GET /api/clients?q=… over HTTP, ${ROUNDS} requests per query kind, ${CLIENTS} clients:`);
for (const row of rows) console.log(`  ${row}`);
console.log(
  `  ${'all'.padEnd(22)} p50 ${percentile(all, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(all, 95).toFixed(1).padStart(6)} ms   (n=${all.length})`,
);

close();
await database.close();
fs.rmSync(tmp, { recursive: true, force: true });
