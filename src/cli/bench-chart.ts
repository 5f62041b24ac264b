// `npm run bench:chart`: how fast a clinical chart with 100 signed sessions loads over HTTP
// (GET /api/episodes/{id}/chart, p50/p95), and how long its progress-report PDF takes. Embedded database
// unless DATABASE_URL is set. The chart is seeded through the API, as a therapist would build it.
import { randomUUID } from 'node:crypto';
import { percentile, startBenchApp } from './bench-support.js';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const { database, base, call, stop, sessionCookie } = await startBenchApp('palpa-bench-chart-');

const seedStarted = performance.now();
await call('POST', '/signup', {
  clinicName: 'Bench Clinic',
  ownerName: 'Bea Bench',
  email: `bench-${randomUUID()}@example.org`,
  password: 'a long bench passphrase',
});
const client = await call('POST', '/clients', {
  givenName: 'Łukasz',
  familyName: 'Nguyễn',
  dateOfBirth: '1984-03-07',
});
const episode = await call('POST', `/clients/${client.id}/episodes`, {
  title: 'Chronic low back pain',
  startedOn: '2025-01-06',
});
await call('POST', `/episodes/${episode.id}/prescriptions`, {
  prescriberName: 'Dr. Zoë Ødegård',
  prescriberNpi: '1234567893',
  writtenOn: '2025-01-02',
  diagnoses: ['M54.50', 'M62.830'],
  visitsAuthorised: 120,
  expiresOn: '2026-12-31',
});
await call('PUT', `/episodes/${episode.id}/intake`, {
  healthHistory: {
    complaints: [{ description: 'Low back pain' }],
    conditions: [{ condition: 'fibromyalgia', status: 'current' }],
    medications: [{ name: 'Eliquis 5 mg' }],
    surgeries: [],
    injuries: [],
    allergies: [],
    pregnancy: { status: 'not_applicable' },
    devices: [],
  },
});
const marks = (n: number) => [
  {
    id: randomUUID(),
    view: 'back',
    regionId: 'lumbar_left',
    x: 0.45,
    y: 0.5,
    type: 'trigger_point',
    intensity: 1 + (n % 3),
  },
  {
    id: randomUUID(),
    view: 'back',
    regionId: 'gluteal_right',
    x: 0.55,
    y: 0.58,
    type: 'hypertonicity',
    intensity: 2,
  },
];
const day = (i: number) => new Date(Date.UTC(2025, 0, 6) + i * 3.5 * 86_400_000).toISOString().slice(0, 10);
for (let i = 0; i < 4; i++) {
  const assessment = await call('POST', `/episodes/${episode.id}/assessments`, {
    kind: i === 0 ? 'initial' : 're_evaluation',
    assessedOn: day(i * 33),
    findings: 'Lumbar paraspinal hypertonicity; flexion limited.',
    rangeOfMotion: [{ joint: 'hip', movement: 'flexion', side: 'left', degrees: 100 + i * 5 }],
    marks: marks(i),
    outcomeMeasures: [
      { instrument: 'odi', answers: Array.from({ length: 10 }, (_, k) => (k + i < 8 ? 3 : 1)) },
    ],
    ...(i > 0 ? { recommendation: 'continue' } : {}),
  });
  await call('POST', `/assessments/${assessment.id}/sign`, { version: assessment.version });
}
await call('PUT', `/episodes/${episode.id}/plan`, {
  problems: ['Low back pain limiting sitting'],
  goals: [
    {
      id: 'odi',
      term: 'long',
      kind: 'measure',
      instrument: 'odi',
      baseline: 54,
      target: 20,
      targetDate: '2026-06-30',
    },
  ],
  techniques: [{ technique: 'myofascial_release', regions: ['lumbar_left', 'lumbar_right'] }],
  precautions: ['Anticoagulant: no deep pressure'],
});
for (let i = 0; i < SESSIONS; i++) {
  const note = await call('POST', `/episodes/${episode.id}/notes`, {
    sessionDate: day(i),
    templateId: 'low_back_pain',
  });
  const saved = await call('PATCH', `/notes/${note.id}`, {
    version: note.version,
    subjective: `Session ${i + 1}: low back pain ${5 - (i % 4)}/10; sat through a 40-minute meeting.`,
    objective: 'Hypertonic lumbar paraspinals and right gluteus medius; tender QL.',
    assessment: 'Tolerated treatment well; tissue response good.',
    plan: 'Continue per plan of care.',
    marks: marks(i),
  });
  await call('POST', `/notes/${note.id}/sign`, { version: saved.version });
}
const seedMs = performance.now() - seedStarted;

const times: number[] = [];
let bytes = 0;
for (let i = 0; i < ROUNDS + 5; i++) {
  const started = performance.now();
  const res = await fetch(`${base}/api/episodes/${episode.id}/chart`, {
    headers: { cookie: sessionCookie() },
  });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`chart: ${res.status}`);
  bytes = body.length;
  if (i >= 5) times.push(ms);
}
times.sort((a, b) => a - b);
const pdfTimes: number[] = [];
for (let i = 0; i < 10; i++) {
  const started = performance.now();
  const res = await fetch(`${base}/api/episodes/${episode.id}/progress-report.pdf`, {
    headers: { cookie: sessionCookie() },
  });
  await res.arrayBuffer();
  pdfTimes.push(performance.now() - started);
}
pdfTimes.sort((a, b) => a - b);
console.log(
  `Chart of ${SESSIONS} signed sessions + 4 assessments (${database.kind}), seeded over HTTP in ${(seedMs / 1000).toFixed(1)} s, ${Math.round(bytes / 1024)} KB JSON:`,
);
console.log(
  `  GET /api/episodes/{id}/chart ×${ROUNDS}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
);
console.log(
  `  GET /api/episodes/{id}/progress-report.pdf ×10: p50 ${percentile(pdfTimes, 50).toFixed(1)} ms, p95 ${percentile(pdfTimes, 95).toFixed(1)} ms`,
);
await stop();
