import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPolicy, CLAIM_READY_CLIENT, setUpBilling } from '../../../tests/support/billing-fixtures.js';
import { NECK_PAIN_PRESCRIPTION, openEpisode, signedNote } from '../../../tests/support/clinical-fixtures.js';
import { extractPdfPages } from '../../../tests/support/pdf-text.js';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../tests/fixtures/x12/835');

describe('ledger, coverage, superbills, statements and A/R (API)', () => {
  let t: TestContext;
  let owner: Agent;
  let therapist: Agent;
  let frontDesk: Agent;
  let payerId: string;
  let selfPayClient: string;
  let noteId: string;

  async function pdfText(url: string, agent: Agent) {
    const res = await t.app.request(`http://palpa.test${url}`, { headers: { cookie: agent.cookie! } });
    expect(res.status, url).toBe(200);
    return { text: (await extractPdfPages(new Uint8Array(await res.arrayBuffer()))).join('\n'), res };
  }

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
    const staff = await t.addStaff(owner, 'therapist', 'Jordan Lee');
    therapist = staff.agent;
    frontDesk = (await t.addStaff(owner, 'front_desk', 'Fran Desk')).agent;
    ({ payerId } = await setUpBilling(owner, staff.id));
    selfPayClient = (
      await t.createClient(therapist, { ...CLAIM_READY_CLIENT, givenName: 'Zoë', familyName: 'Ødegård' })
    ).id;
    const episodeId = await openEpisode(therapist, selfPayClient, 'Tension headaches');
    await therapist.post(`/api/episodes/${episodeId}/prescriptions`, {
      ...NECK_PAIN_PRESCRIPTION,
      diagnoses: ['M54.2'],
    });
    noteId = (await signedNote(therapist, episodeId, '2026-11-10')).id;
  });
  afterAll(() => t.dispose());

  it('validates coverage: a dependant needs the insured person; an unknown payer names the field', async () => {
    const noSubscriber = await frontDesk.post(`/api/clients/${selfPayClient}/policies`, {
      payerId,
      priority: 'primary',
      memberId: 'M1',
      relationship: 'child',
    });
    expect(noSubscriber.status).toBe(400);
    expect(noSubscriber.body.errors[0].path).toBe('subscriber');
    const badPayer = await frontDesk.post(`/api/clients/${selfPayClient}/policies`, {
      payerId: '00000000-0000-4000-8000-000000000000',
      priority: 'primary',
      memberId: 'M1',
      relationship: 'self',
    });
    expect(badPayer.body.errors[0].path).toBe('payerId');
    const wcCase = await frontDesk.post(`/api/clients/${selfPayClient}/cases`, {
      payerId,
      kind: 'workers_comp',
      claimNumber: 'WC-2026-0042',
      injuryDate: '2026-09-20',
      accidentState: 'il',
      employerName: 'Acme Logistics',
      adjuster: { name: 'Sam Adjuster', phone: '555-0100' },
    });
    expect(wcCase.status).toBe(201);
    expect(wcCase.body.accidentState).toBe('IL');
    const coverage = await owner.get(`/api/clients/${selfPayClient}/coverage`);
    expect(coverage.body.cases).toHaveLength(1);
    expect((await therapist.get(`/api/clients/${selfPayClient}/coverage`)).status).toBe(403);
  });

  it('charges a self-pay visit from its signed note once; a payment in full shows on the superbill', async () => {
    const charged = await frontDesk.post(`/api/clients/${selfPayClient}/self-pay-charges`, {
      sessionNoteId: noteId,
    });
    expect(charged.status).toBe(201);
    // 97124 23 min + 97140 15 min → CMS 3 units: 97124 ×2 ($50) + 97140 ×1 ($60) = $160.
    expect(charged.body.balances).toEqual({ insuranceCents: 0, patientCents: 16000, totalCents: 16000 });
    const twice = await frontDesk.post(`/api/clients/${selfPayClient}/self-pay-charges`, {
      sessionNoteId: noteId,
    });
    expect(twice.status).toBe(409);
    // A charged self-pay visit is billed: it leaves the to-bill queue.
    const queue = (await owner.get('/api/billing/to-bill')).body.items as { sessionNoteId: string }[];
    expect(queue.map((item) => item.sessionNoteId)).not.toContain(noteId);
    await frontDesk.post(`/api/clients/${selfPayClient}/payments`, { amountCents: 16000, method: 'card' });

    expect(
      (await therapist.patch('/api/auth/profile', { credentials: 'LMT', licenseNumber: 'MT-0042' })).status,
    ).toBe(200);
    const { text, res } = await pdfText(`/api/clients/${selfPayClient}/superbill.pdf`, frontDesk);
    for (const expected of [
      'Zoë Ødegård',
      '97124',
      '97140',
      'M54.2',
      '1679576722',
      '1234567893',
      '$160.00',
      'Paid in full',
    ])
      expect(text, expected).toContain(expected);
    // A self-pay client without a policy on file: the one gap is the member ID the client writes in.
    expect(JSON.parse(decodeURIComponent(res.headers.get('x-superbill-problems')!))).toEqual([
      "The patient's insurance member ID is missing.",
    ]);
  });

  it('prints a statement and reports A/R aging and write-offs', async () => {
    const client = (await t.createClient(frontDesk, { ...CLAIM_READY_CLIENT, givenName: 'Owen' })).id;
    const episodeId = await openEpisode(therapist, client, 'Low back pain');
    const note = await signedNote(therapist, episodeId, '2026-08-01');
    await frontDesk.post(`/api/clients/${client}/self-pay-charges`, { sessionNoteId: note.id });
    await owner.post(`/api/clients/${client}/adjustments`, {
      kind: 'write_off',
      bucket: 'patient',
      amountCents: 1000,
      memo: 'Prompt-pay courtesy',
    });
    const { text } = await pdfText(`/api/clients/${client}/statement.pdf`, frontDesk);
    expect(text).toContain('$150.00');

    const aging = (await owner.get('/api/reports/ar-aging')).body;
    const owen = aging.byClient.find((row: { clientId: string }) => row.clientId === client);
    // Service on 2026-08-01, today 2026-11-25: 116 days → over 90.
    expect(owen).toMatchObject({ over90: 15000, total: 15000 });
    const writeOffs = (await owner.get('/api/reports/write-offs?from=2026-11-01&to=2026-11-30')).body;
    expect(writeOffs.totals.writeOffCents).toBe(1000);
    expect((await therapist.get('/api/reports/ar-aging')).status).toBe(403);
  });

  it('reads real-world 835 files without posting anything to the wrong client', async () => {
    for (const name of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.edi'))) {
      const file = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
      const res = await owner.post('/api/remittances', { file });
      // Two of the public files carry the same payment (trace number): the second is refused as posted.
      if (res.status === 409) {
        expect(res.body.detail, name).toMatch(/already posted/);
        continue;
      }
      expect(res.status, name).toBe(201);
      expect(res.body.claimsPosted, name).toBe(0);
      expect(res.body.unmatchedItems, name).toBeGreaterThan(0);
    }
    const ledger = (await owner.get(`/api/clients/${selfPayClient}/ledger`)).body;
    expect(ledger.entries.every((e: { kind: string }) => e.kind !== 'insurance_payment')).toBe(true);
    const notAn835 = await owner.post('/api/remittances', { file: 'ISA*00*garbage~' });
    expect(notAn835.status).toBe(400);
  });

  it('a policy for an insured parent carries the subscriber into the claim', async () => {
    const child = (
      await t.createClient(frontDesk, { ...CLAIM_READY_CLIENT, givenName: 'Mia', dateOfBirth: '2012-05-01' })
    ).id;
    const policy = await addPolicy(frontDesk, child, payerId, {
      relationship: 'child',
      subscriber: { givenName: 'Jane', familyName: 'Doe', dateOfBirth: '1980-01-15', sex: 'F' },
    });
    const res = await frontDesk.get(`/api/clients/${child}/coverage`);
    expect(res.body.policies[0]).toMatchObject({
      id: policy,
      relationship: 'child',
      subscriber: { familyName: 'Doe' },
    });
  });
});
