// `npm run demo`: Palpa on a separate demo data folder with a fictional clinic, three therapists and
// 40 fictional clients. The seed is deterministic: the same people every time.
import path from 'node:path';
import { pino } from 'pino';
import { DateTime } from 'luxon';
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
    // The 837P batch answers with its X12 file, not JSON.
    if (res.status === 204 || !res.headers.get('content-type')?.includes('json')) return undefined;
    return (await res.json()) as Record<string, unknown>;
  };

  const owner: Caller = {};
  await call(owner, 'POST', '/api/setup', {
    clinicName: 'Willow Creek Medical Massage',
    ownerName: 'Dana Whitaker',
    email: DEMO_OWNER.email,
    password: DEMO_OWNER.password,
  });
  const therapists: Caller[] = [];
  const therapistIds: string[] = [];
  for (const therapist of THERAPISTS) {
    const invitation = await call(owner, 'POST', '/api/staff/invitations', {
      ...therapist,
      role: 'therapist',
    });
    const token = String(invitation?.acceptPath).split('/').pop();
    const caller: Caller = {};
    const accepted = await call(caller, 'POST', '/api/invitations/accept', {
      token,
      password: DEMO_OWNER.password,
    });
    therapists.push(caller);
    therapistIds.push(String((accepted?.user as { id: string }).id));
  }
  await call(owner, 'PATCH', '/api/clinic', {
    addressLines: ['410 Willow Creek Road', 'Springfield, IL 62701'],
    phone: '(555) 240-1100',
    fax: '(555) 240-1101',
    timeZone: 'America/Chicago',
    slug: 'willow-creek',
    bookingPageEnabled: true,
  });
  await call(owner, 'POST', '/api/staff/invitations', {
    name: 'Riley Front',
    email: 'frontdesk@demo.palpa.example',
    role: 'front_desk',
  });

  const random = seededRandom(20261125);
  const clientIds: string[] = [];
  for (let i = 0; i < 40; i++) {
    const givenName = GIVEN_NAMES[i % GIVEN_NAMES.length] as string;
    const familyName = pick(random, FAMILY_NAMES);
    const year = 1950 + Math.floor(random() * 55);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const phone = `(555) ${String(200 + Math.floor(random() * 700))}-${String(1000 + Math.floor(random() * 9000))}`;
    const client = await call(owner, 'POST', '/api/clients', {
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
    clientIds.push(String(client?.id));
  }
  await call(therapists[0]!, 'PATCH', '/api/auth/profile', {
    credentials: 'LMT',
    licenseNumber: 'IL-227.01234',
  });
  const episodeId = await seedNeckPainEpisode(call, therapists[0]!, clientIds[0]!);
  await seedBilling(call, owner, therapistIds[0]!, clientIds[0]!, episodeId);
  await seedSchedule(call, owner, therapistIds, clientIds, episodeId);
  return { clients: 40 };
}

/**
 * A calendar to look at: working hours, a service menu, two rooms, the worked episode's visits twice a week
 * from next Monday (so "visit n of N" shows), and other clients booked this week and next — relative to the
 * real date, so the calendar opens on a full week.
 */
async function seedSchedule(
  call: Call,
  owner: Caller,
  therapistIds: string[],
  clientIds: string[],
  episodeId: string,
) {
  const ownerId = String(((await call(owner, 'GET', '/api/auth/me')) as { id: string }).id);
  const staff = [ownerId, ...therapistIds];
  for (const id of staff)
    await call(owner, 'PUT', `/api/schedule/therapists/${id}/hours`, {
      intervals: [1, 2, 3, 4, 5].flatMap((weekday) => [
        { weekday, startTime: '09:00', endTime: '12:30' },
        { weekday, startTime: '13:30', endTime: '18:00' },
      ]),
    });
  const service = (await call(owner, 'POST', '/api/schedule/services', {
    name: 'Medical massage, 60 min',
    durationMinutes: 60,
    bufferMinutes: 15,
    priceCents: 11000,
  }))!;
  await call(owner, 'POST', '/api/schedule/services', {
    name: 'Focused session, 30 min',
    durationMinutes: 30,
    bufferMinutes: 10,
    priceCents: 6000,
  });
  await call(owner, 'POST', '/api/schedule/services', {
    name: 'First visit: assessment and treatment, 75 min',
    description: 'For new clients: health history, assessment and a first treatment.',
    durationMinutes: 75,
    bufferMinutes: 15,
    priceCents: 9500,
    introductoryOffer: true,
  });
  const rooms = [
    (await call(owner, 'POST', '/api/schedule/rooms', { name: 'Room 1' }))!,
    (await call(owner, 'POST', '/api/schedule/rooms', { name: 'Room 2' }))!,
  ];
  const zone = 'America/Chicago';
  const nextMonday = DateTime.now().setZone(zone).startOf('week').plus({ weeks: 1 });
  await call(owner, 'POST', '/api/appointments', {
    clientId: clientIds[0],
    therapistId: therapistIds[0],
    episodeId,
    serviceId: service.id,
    roomId: rooms[0]!.id,
    start: nextMonday.set({ hour: 10 }).toISO(),
    recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=6',
  });
  const thisMonday = nextMonday.minus({ weeks: 1 });
  for (let i = 0; i < 48; i++) {
    const day = thisMonday.plus({ days: i % 12 });
    if (day.weekday > 5) continue;
    const hour = [9, 11, 14, 16][Math.floor(i / 12)]!;
    await call(owner, 'POST', '/api/appointments', {
      clientId: clientIds[(i % 39) + 1],
      therapistId: staff[i % staff.length],
      serviceId: service.id,
      roomId: rooms[i % 2]!.id,
      start: day.set({ hour, minute: 0 }).toISO(),
    }).catch(() => undefined); // a collision (same client or room): the demo just skips it
  }
}

type Call = (
  as: Caller,
  method: string,
  url: string,
  body?: unknown,
) => Promise<Record<string, unknown> | undefined>;

/** One worked episode so the demo shows the clinical record: neck pain after a car accident, improving. */
async function seedNeckPainEpisode(call: Call, therapist: Caller, clientId: string): Promise<string> {
  const episode = (await call(therapist, 'POST', `/api/clients/${clientId}/episodes`, {
    title: 'Neck pain after car accident',
    payerContext: 'auto_pip',
    onsetDate: '2025-09-24',
    startedOn: '2025-10-01',
  }))!;
  const e = `/api/episodes/${String(episode.id)}`;
  await call(therapist, 'POST', `${e}/prescriptions`, {
    prescriberName: 'Dr. Helen Marsh',
    prescriberPractice: 'Springfield Family Medicine',
    prescriberFax: '(555) 310-2201',
    prescriberNpi: '1234567893',
    writtenOn: '2025-09-29',
    diagnoses: ['S13.4XXA', 'M54.2'],
    orderText: 'Medical massage for cervical strain, evaluate and treat.',
    frequencyPerWeek: 2,
    durationWeeks: 6,
    visitsAuthorised: 12,
    expiresOn: '2026-01-15',
  });
  await call(therapist, 'PUT', `${e}/intake`, {
    healthHistory: {
      complaints: [
        { description: 'Neck pain and stiffness, worse turning to the right', onsetDate: '2025-09-24' },
      ],
      conditions: [{ condition: 'migraine', status: 'past' }],
      medications: [{ name: 'Ibuprofen 400 mg', reason: 'Neck pain' }],
      surgeries: [],
      injuries: [{ description: 'Rear-end collision, whiplash', date: '2025-09-24' }],
      allergies: [],
      pregnancy: { status: 'not_applicable' },
      devices: [],
      activityLevel: 'moderate',
      goalsInClientsWords: 'Drive to work without neck pain.',
    },
  });
  const ndi = (sum: number) => Array.from({ length: 10 }, (_, i) => Math.max(0, Math.min(5, sum - i * 5)));
  const mark = (id: string, regionId: string, intensity: number) => ({
    id,
    view: 'back',
    regionId,
    x: regionId.endsWith('left') ? 0.42 : 0.58,
    y: 0.2,
    type: 'trigger_point',
    intensity,
  });
  const initial = (await call(therapist, 'POST', `${e}/assessments`, {
    kind: 'initial',
    assessedOn: '2025-10-01',
    posture: 'Forward head posture; right shoulder elevated.',
    painNprs: 6,
    rangeOfMotion: [
      { joint: 'cervical', movement: 'rotation', side: 'right', degrees: 50, painful: true },
      { joint: 'cervical', movement: 'rotation', side: 'left', degrees: 68 },
    ],
    specialTests: [{ test: 'spurling', side: 'right', result: 'negative' }],
    marks: [
      mark('6d1f0c64-1b7e-4c1e-9a55-000000000001', 'upper_trapezius_right', 3),
      mark('6d1f0c64-1b7e-4c1e-9a55-000000000002', 'upper_trapezius_left', 2),
    ],
    outcomeMeasures: [{ instrument: 'ndi', answers: ndi(19) }],
  }))!;
  await call(therapist, 'POST', `/api/assessments/${String(initial.id)}/sign`, {
    version: Number(initial.version),
  });
  await call(therapist, 'PUT', `${e}/plan`, {
    problems: ['Neck pain limiting driving', 'Reduced right cervical rotation'],
    goals: [
      {
        id: 'ndi',
        term: 'long',
        kind: 'measure',
        instrument: 'ndi',
        baseline: 38,
        target: 18,
        targetDate: '2025-12-31',
      },
      {
        id: 'drive',
        term: 'short',
        kind: 'functional',
        text: 'Check the blind spot without pain',
        targetDate: '2025-11-15',
      },
    ],
    techniques: [{ technique: 'trigger_point', regions: ['upper_trapezius_left', 'upper_trapezius_right'] }],
    frequencyPerWeek: 2,
    durationWeeks: 6,
    precautions: [],
  });
  const dates = ['2025-10-06', '2025-10-09', '2025-10-14', '2025-10-17', '2025-10-21', '2025-10-24'];
  for (const [i, sessionDate] of dates.entries()) {
    const note = (await call(therapist, 'POST', `${e}/notes`, { sessionDate, templateId: 'neck_pain' }))!;
    const saved = (await call(therapist, 'PATCH', `/api/notes/${String(note.id)}`, {
      version: Number(note.version),
      subjective: `Neck pain ${6 - Math.floor(i / 2)}/10; driving ${15 + i * 5} minutes before pain.`,
      objective: 'Hypertonic upper trapezius and levator scapulae, right more than left.',
      assessment: 'Good response; less guarding each visit.',
      plan: 'Continue per plan of care.',
      painBefore: 6 - Math.floor(i / 2),
      painAfter: 3,
    }))!;
    await call(therapist, 'POST', `/api/notes/${String(note.id)}/sign`, { version: Number(saved.version) });
  }
  const reEvaluation = (await call(therapist, 'POST', `${e}/assessments`, {
    kind: 're_evaluation',
    assessedOn: '2025-10-28',
    findings: 'Right rotation improved from 50° to 70°; drives 40 minutes without pain.',
    painNprs: 3,
    rangeOfMotion: [{ joint: 'cervical', movement: 'rotation', side: 'right', degrees: 70 }],
    marks: [mark('6d1f0c64-1b7e-4c1e-9a55-000000000003', 'upper_trapezius_right', 1)],
    outcomeMeasures: [{ instrument: 'ndi', answers: ndi(11) }],
    goalReviews: [{ goalId: 'drive', status: 'met' }],
    recommendation: 'continue',
    recommendationNote: 'Continue 2×/week for 3 more weeks, then re-evaluate.',
  }))!;
  await call(therapist, 'POST', `/api/assessments/${String(reEvaluation.id)}/sign`, {
    version: Number(reEvaluation.version),
  });
  return String(episode.id);
}

/**
 * Billing set-up and the neck-pain episode billed to the client's auto insurer: four visits on a claim
 * that was sent and paid (with a contractual write-down); two visits are still to bill.
 */
async function seedBilling(
  call: Call,
  owner: Caller,
  therapistId: string,
  clientId: string,
  episodeId: string,
) {
  await call(owner, 'PUT', '/api/billing/profile', {
    legalName: 'Willow Creek Medical Massage LLC',
    taxId: '371234567',
    taxIdType: 'EIN',
    billingNpi: '1234567893',
    taxonomy: '225700000X',
    address: { line1: '410 Willow Creek Road', city: 'Springfield', state: 'IL', zip: '627011234' },
    phone: '(555) 240-1100',
    placeOfService: '11',
    acceptAssignment: true,
    submitterId: 'WILLOWCREEK',
    submitterContact: 'Dana Whitaker',
    receiverId: 'CLEARHOUSE',
    receiverName: 'Example Clearinghouse',
    usage: 'T',
  });
  await call(owner, 'PUT', `/api/billing/providers/${therapistId}`, {
    npi: '1679576722',
    taxonomy: '225700000X',
    licenseState: 'IL',
  });
  await call(owner, 'POST', '/api/payers', {
    name: 'Prairie Health Plan',
    payerId: '12345',
    address: { line1: 'PO Box 100', city: 'Chicago', state: 'IL', zip: '60601' },
    claimType: 'health',
    filingIndicator: 'CI',
    unitMethod: 'cms',
    requiresGp: true,
    bundles97124With97140: false,
    requiresReferringProvider: true,
  });
  const auto = (await call(owner, 'POST', '/api/payers', {
    name: 'Lakeshore Auto Insurance',
    payerId: 'AUTO77',
    claimType: 'auto',
    filingIndicator: 'AM',
    unitMethod: 'per-code',
    requiresGp: false,
    bundles97124With97140: false,
    requiresReferringProvider: true,
  }))!;
  for (const [code, feeCents] of [
    ['97124', 5000],
    ['97140', 6000],
    ['97112', 6000],
    ['97110', 5500],
    ['97010', 1500],
  ] as const)
    await call(owner, 'PUT', '/api/billing/fees', { code, payerId: null, feeCents });
  const autoCase = (await call(owner, 'POST', `/api/clients/${clientId}/cases`, {
    payerId: String(auto.id),
    kind: 'auto',
    episodeId,
    claimNumber: 'LA-2025-448120',
    policyNumber: 'PAP-7731902',
    injuryDate: '2025-09-24',
    accidentState: 'IL',
    adjuster: { name: 'Morgan Ellis', phone: '(555) 610-4400' },
  }))!;
  const services = (await call(owner, 'GET', '/api/billing/to-bill'))!.items as { sessionNoteId: string }[];
  const claim = (await call(owner, 'POST', '/api/claims', {
    episodeId,
    caseId: String(autoCase.id),
    sessionNoteIds: services.slice(-4).map((s) => s.sessionNoteId),
  }))!;
  await call(owner, 'POST', `/api/claims/${String(claim.id)}/status`, { status: 'ready' });
  await call(owner, 'POST', '/api/claim-batches', {});
  // The insurer's answer (an 835): 90 % of each line paid, 10 % written down by contract (CO-45).
  const lines = claim.lines as {
    code: string;
    chargeCents: number;
    units: number;
    serviceDate: string;
    lineControlNumber: string;
  }[];
  const dollars = (cents: number) => String(cents / 100);
  let paid = 0;
  const svc: string[] = [];
  for (const line of lines) {
    const contractual = Math.round(line.chargeCents * 0.1);
    const linePaid = line.chargeCents - contractual;
    paid += linePaid;
    svc.push(
      `SVC*HC:${line.code}*${dollars(line.chargeCents)}*${dollars(linePaid)}**${line.units}`,
      `DTM*472*${line.serviceDate.replaceAll('-', '')}`,
      `CAS*CO*45*${dollars(contractual)}`,
      `REF*6R*${line.lineControlNumber}`,
    );
  }
  const body = [
    `BPR*I*${dollars(paid)}*C*CHK************20251120`,
    'TRN*1*CHK55012*1371234567',
    'DTM*405*20251118',
    'N1*PR*LAKESHORE AUTO INSURANCE*XV*AUTO77',
    'N1*PE*WILLOW CREEK MEDICAL MASSAGE LLC*XX*1234567893',
    'LX*1',
    `CLP*${String(claim.controlNumber)}*1*${dollars(Number(claim.totalChargeCents))}*${dollars(paid)}**AM*LA2025448120A`,
    ...svc,
  ];
  const isa = `ISA*00*          *00*          *ZZ*${'AUTO77'.padEnd(15)}*ZZ*${'WILLOWCREEK'.padEnd(15)}*251120*0900*^*00501*000000501*0*T*:`;
  const file = [
    isa,
    'GS*HP*AUTO77*WILLOWCREEK*20251120*0900*501*X*005010X221A1',
    'ST*835*0001*005010X221A1',
    ...body,
    `SE*${body.length + 2}*0001`,
    'GE*1*501',
    'IEA*1*000000501',
  ]
    .map((segment) => `${segment}~`)
    .join('\n');
  await call(owner, 'POST', '/api/remittances', { file });
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
      console.log(
        `Seeded Willow Creek Medical Massage: 1 owner, 3 therapists, ${clients} clients, one episode of care with 6 signed sessions, billed to an auto insurer (a paid claim, two visits still to bill).`,
      );
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
