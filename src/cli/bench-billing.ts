// `npm run bench:billing`: how long Palpa takes, over HTTP, to build and send an 837P batch of 1,000 ready
// claims (POST /api/claim-batches) and to post an 835 with 1,000 service lines (POST /api/remittances).
// Embedded database unless DATABASE_URL is set. Claims are made through the API from signed notes, as a
// biller would make them (that seeding is slow and not what is measured).
import { randomUUID } from 'node:crypto';
import { startBenchApp } from './bench-support.js';

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 1000);
const CLIENTS = Math.max(1, Math.ceil(CLAIMS / 100));
const { database, call, stop } = await startBenchApp('palpa-bench-billing-');

const seedStarted = performance.now();
const signup = await call<{ user: { id: string } }>('POST', '/signup', {
  clinicName: 'Bench Clinic',
  ownerName: 'Bea Bench',
  email: `bench-${randomUUID()}@example.org`,
  password: 'a long bench passphrase',
});
await call('PUT', '/billing/profile', {
  legalName: 'Bench Massage LLC',
  taxId: '371234567',
  taxIdType: 'EIN',
  billingNpi: '1234567893',
  taxonomy: '225700000X',
  address: { line1: '100 Main St', city: 'Springfield', state: 'IL', zip: '627011234' },
  phone: '2175550100',
  placeOfService: '11',
  acceptAssignment: true,
  submitterId: 'PALPA01',
  submitterContact: 'Billing Office',
  receiverId: 'CLEARHOUSE',
  receiverName: 'Example Clearinghouse',
  usage: 'T',
});
await call('PUT', `/billing/providers/${signup.user.id}`, { npi: '1679576722', taxonomy: '225700000X' });
const payer = await call('POST', '/payers', {
  name: 'Example Health Plan',
  payerId: '12345',
  claimType: 'health',
  filingIndicator: 'CI',
  unitMethod: 'cms',
  requiresGp: true,
  bundles97124With97140: false,
  requiresReferringProvider: true,
});
for (const [code, feeCents] of [
  ['97124', 5000],
  ['97140', 6000],
] as const)
  await call('PUT', '/billing/fees', { code, payerId: null, feeCents });

const claimIds: string[] = [];
for (let c = 0; c < CLIENTS; c++) {
  const client = await call('POST', '/clients', {
    givenName: `Client${c}`,
    familyName: 'Bench',
    dateOfBirth: '1980-01-15',
    sex: 'female',
    address: { line1: '200 Oak Ave', city: 'Springfield', region: 'IL', postalCode: '62702' },
  });
  const policy = await call('POST', `/clients/${client.id}/policies`, {
    payerId: payer.id,
    priority: 'primary',
    memberId: `M${c}`,
    relationship: 'self',
  });
  const episode = await call('POST', `/clients/${client.id}/episodes`, {
    title: 'Neck pain',
    startedOn: '2026-01-02',
  });
  await call('POST', `/episodes/${episode.id}/prescriptions`, {
    prescriberName: 'Dr. Robert Smith',
    prescriberNpi: '1245319599',
    writtenOn: '2026-01-02',
    diagnoses: ['M54.2'],
    visitsAuthorised: 200,
    expiresOn: '2026-12-31',
  });
  const perClient = Math.min(100, CLAIMS - c * 100);
  for (let n = 0; n < perClient; n++) {
    const day = new Date(Date.UTC(2026, 0, 5) + n * 2 * 86_400_000).toISOString().slice(0, 10);
    const note = await call('POST', `/episodes/${episode.id}/notes`, { sessionDate: day });
    const saved = await call('PATCH', `/notes/${note.id}`, {
      version: note.version,
      subjective: 'Neck pain 4/10.',
      objective: 'Hypertonic upper trapezius.',
      assessment: 'Improving.',
      plan: 'Continue.',
      services: [
        { technique: 'swedish', regions: ['neck_left_posterior'], minutes: 23, serviceCode: '97124' },
        { technique: 'trigger_point', regions: ['upper_trapezius_left'], minutes: 15, serviceCode: '97140' },
      ],
    });
    await call('POST', `/notes/${note.id}/sign`, { version: saved.version });
    const claim = await call('POST', '/claims', {
      episodeId: episode.id,
      policyId: policy.id,
      sessionNoteIds: [note.id],
    });
    await call('POST', `/claims/${claim.id}/status`, { status: 'ready' });
    claimIds.push(claim.id);
  }
}
const seedSeconds = (performance.now() - seedStarted) / 1000;

const batchStarted = performance.now();
const file = await call<string>('POST', '/claim-batches', {});
const batchMs = performance.now() - batchStarted;
const segments = file.split('~').filter((s) => s.trim()).length;

// An 835 paying the first claims in full until it holds 1,000 service lines (each claim has 2 lines).
const claims = await Promise.all(
  claimIds.slice(0, 500).map((id) =>
    call<{
      controlNumber: string;
      lines: {
        code: string;
        chargeCents: number;
        units: number;
        serviceDate: string;
        lineControlNumber: string;
      }[];
      totalChargeCents: number;
    }>('GET', `/claims/${id}`),
  ),
);
const money = (cents: number) => String(cents / 100);
const body: string[] = [];
let total = 0;
let lines = 0;
for (const [i, claim] of claims.entries()) {
  total += claim.totalChargeCents;
  body.push(
    `LX*${i + 1}`,
    `CLP*${claim.controlNumber}*1*${money(claim.totalChargeCents)}*${money(claim.totalChargeCents)}**12*PC${i}`,
  );
  for (const line of claim.lines) {
    lines += 1;
    body.push(
      `SVC*HC:${line.code}:GP*${money(line.chargeCents)}*${money(line.chargeCents)}**${line.units}`,
      `DTM*472*${line.serviceDate.replaceAll('-', '')}`,
      `REF*6R*${line.lineControlNumber}`,
    );
  }
}
const st = [
  `BPR*I*${money(total)}*C*ACH*CCP*01*011000015*DA*1234567*1512345678**01*021000021*DA*7654321*20261210`,
  'TRN*1*BENCHEFT1*1512345678',
  'DTM*405*20261209',
  'N1*PR*EXAMPLE HEALTH PLAN*XV*12345',
  'N1*PE*BENCH MASSAGE LLC*XX*1234567893',
  ...body,
];
const isa = `ISA*00*          *00*          *ZZ*${'PAYER01'.padEnd(15)}*ZZ*${'PALPA01'.padEnd(15)}*261210*0900*^*00501*000000835*0*T*:`;
const era =
  [
    isa,
    'GS*HP*PAYER01*PALPA01*20261210*0900*835*X*005010X221A1',
    'ST*835*0001*005010X221A1',
    ...st,
    `SE*${st.length + 2}*0001`,
    'GE*1*835',
    'IEA*1*000000835',
  ].join('~\n') + '~\n';

const postStarted = performance.now();
const posted = await call<{ claimsPosted: number; balanced: boolean }>('POST', '/remittances', { file: era });
const postMs = performance.now() - postStarted;

console.log(
  `Database: ${database.kind}; seeded ${claimIds.length} ready claims in ${seedSeconds.toFixed(0)} s`,
);
console.log(`837P batch of ${claimIds.length} claims (${segments} segments): ${batchMs.toFixed(0)} ms`);
console.log(
  `835 with ${lines} service lines (${posted.claimsPosted} claims posted, balanced: ${posted.balanced}): ${postMs.toFixed(0)} ms`,
);
await stop();
