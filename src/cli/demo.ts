// `npm run demo`: Palpa on a separate demo data folder with a fictional clinic, three therapists and
// 40 fictional clients. The seed is deterministic: the same people every time.
import path from 'node:path';
import { pino } from 'pino';
import { createApp } from '../app.js';
import { createManualClock } from '../platform/clock.js';
import { lockDataDir } from '../platform/db/data-dir-lock.js';
import { migrateDatabase, openDatabase } from '../platform/db/database.js';
import { FAMILY_NAMES, GIVEN_NAMES, pick, seededRandom, STREETS } from './fictional-people.js';

export const DEMO_OWNER = { email: 'owner@demo.palpa.example', password: 'palpa-demo-2026' };
const THERAPISTS = [
  { name: 'Jordan Alvarez', email: 'jordan@demo.palpa.example' },
  { name: 'Mira Chen', email: 'mira@demo.palpa.example' },
  { name: 'Sam Whitfield', email: 'sam@demo.palpa.example' },
];

type Caller = { cookie?: string };

/** Seeds an empty, migrated demo database through the public API (so audit rows exist as for real use). */
export async function seedDemo(app: ReturnType<typeof createApp>): Promise<{ clients: number }> {
  const call = async (as: Caller, method: string, url: string, body?: unknown) => {
    const res = await app.request(`http://demo.local${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(as.cookie ? { cookie: as.cookie } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (cookie) as.cookie = cookie;
    if (res.status >= 300) throw new Error(`${method} ${url} → ${res.status} ${await res.text()}`);
    return res.status === 204 ? undefined : ((await res.json()) as Record<string, unknown>);
  };

  const owner: Caller = {};
  await call(owner, 'POST', '/api/setup', {
    clinicName: 'Willow Creek Medical Massage',
    ownerName: 'Dana Whitaker',
    email: DEMO_OWNER.email,
    password: DEMO_OWNER.password,
  });
  for (const therapist of THERAPISTS) {
    const invitation = await call(owner, 'POST', '/api/staff/invitations', {
      ...therapist,
      role: 'therapist',
    });
    const token = String(invitation?.acceptPath).split('/').pop();
    await call({}, 'POST', '/api/invitations/accept', { token, password: DEMO_OWNER.password });
  }
  await call(owner, 'POST', '/api/staff/invitations', {
    name: 'Riley Front',
    email: 'frontdesk@demo.palpa.example',
    role: 'front_desk',
  });

  const random = seededRandom(20261125);
  for (let i = 0; i < 40; i++) {
    const givenName = GIVEN_NAMES[i % GIVEN_NAMES.length] as string;
    const familyName = pick(random, FAMILY_NAMES);
    const year = 1950 + Math.floor(random() * 55);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const phone = `(555) ${String(200 + Math.floor(random() * 700))}-${String(1000 + Math.floor(random() * 9000))}`;
    await call(owner, 'POST', '/api/clients', {
      givenName,
      familyName,
      dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      sex: random() < 0.55 ? 'female' : 'male',
      phone,
      email: `${givenName}.${familyName}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.com',
      preferredContactMethod: pick(random, ['phone', 'sms', 'email'] as const),
      address: {
        line1: `${10 + Math.floor(random() * 890)} ${pick(random, STREETS)}`,
        city: 'Springfield',
        region: 'IL',
        postalCode: '62701',
        country: 'US',
      },
      ...(i % 5 === 0
        ? {
            emergencyContact: {
              name: `${pick(random, GIVEN_NAMES)} ${familyName}`,
              relationship: 'spouse',
              phone,
            },
          }
        : {}),
      ...(i % 7 === 0 ? { notes: 'Prefers firm pressure; parking at the back entrance.' } : {}),
    });
  }
  return { clients: 40 };
}

const isEntryPoint =
  process.argv[1] !== undefined && path.resolve(process.argv[1]).endsWith(path.join('cli', 'demo.ts'));
if (isEntryPoint) {
  const dataDir = path.resolve(process.env.PALPA_DEMO_DATA_DIR ?? './data-demo');
  process.env.PALPA_DATA_DIR = dataDir;
  // The demo always runs on its own embedded folder, even where DATABASE_URL is set for real use.
  delete process.env.DATABASE_URL;
  process.env.PALPA_BACKUP_DIR ??= path.join(dataDir, '..', 'backups-demo');
  {
    const unlock = await lockDataDir(dataDir, () => process.exit(1));
    const database = await openDatabase({ kind: 'pglite', dataDir });
    await migrateDatabase(database);
    const app = createApp({
      database,
      clock: createManualClock(new Date('2026-01-05T14:00:00Z')),
      logger: pino({ level: 'silent' }),
      sessionIdleMinutes: 30,
      openSignup: false,
      sleep: () => Promise.resolve(),
    });
    const setup = await app.request('http://demo.local/api/setup');
    if (((await setup.json()) as { setupRequired: boolean }).setupRequired) {
      console.log('Seeding the demo clinic…');
      const { clients } = await seedDemo(app);
      console.log(`Seeded Willow Creek Medical Massage: 1 owner, 3 therapists, ${clients} clients.`);
    }
    await database.close();
    await unlock();
  }
  const { startServer } = await import('../server.js');
  const { url, stop } = await startServer();
  console.log(`\n  Palpa demo is running at ${url}`);
  console.log(`  Sign in as the owner: ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`);
  console.log(`  or a therapist: ${THERAPISTS[0]?.email} / ${DEMO_OWNER.password}`);
  console.log(`  (demo data folder: ${dataDir})\n`);
  const shutdown = () => void stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
