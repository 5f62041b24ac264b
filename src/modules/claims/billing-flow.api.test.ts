import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPolicy,
  AUTO_PAYER,
  CLAIM_READY_CLIENT,
  setUpBilling,
} from '../../../tests/support/billing-fixtures.js';
import { NECK_PAIN_PRESCRIPTION, openEpisode, signedNote } from '../../../tests/support/clinical-fixtures.js';
import { build835, header } from '../../../tests/fixtures/x12/835/build-835.js';
import { extractPdfPages } from '../../../tests/support/pdf-text.js';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';
import { check837pStructure, el, parseX12Segments } from '../../../tests/support/x12-parse.js';

describe('units (public arithmetic route)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());

  it('CMS Ex. 1: 97112 24 min + 97110 23 min → 3 units, with the arithmetic', async () => {
    const res = await t.agent().post('/api/billing/units', {
      method: 'cms',
      services: [
        { code: '97112', minutes: 24 },
        { code: '97110', minutes: 23 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.totalUnits).toBe(3);
    expect(res.body.lines).toEqual([
      { code: '97112', minutes: 24, units: 2, timed: true },
      { code: '97110', minutes: 23, units: 1, timed: true },
    ]);
    expect(res.body.explanation).toContain('47 timed minutes → 3 units: 97112 ×2, 97110 ×1');
  });

  it('per-code method bills each code alone; untimed codes bill 1 unit', async () => {
    const res = await t.agent().post('/api/billing/units', {
      method: 'per-code',
      services: [
        { code: '97112', minutes: 24 },
        { code: '97110', minutes: 23 },
        { code: '97010', minutes: 10 },
      ],
    });
    expect(res.body.totalUnits).toBe(5);
    expect(res.body.lines.find((l: { code: string }) => l.code === '97010').units).toBe(1);
  });

  it('an unknown code without "timed" is refused, naming the field', async () => {
    const res = await t.agent().post('/api/billing/units', {
      method: 'cms',
      services: [{ code: '97999', minutes: 20 }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('services[0].code');
    const bad = await t.agent().post('/api/billing/units', { method: 'fast', services: [] });
    expect(bad.status).toBe(400);
  });
});

describe('billing: signed notes → claim → scrubber → 837P / CMS-1500 → 835 → ledger (API)', () => {
  let t: TestContext;
  let owner: Agent;
  let therapist: Agent;
  let biller: Agent;
  let frontDesk: Agent;
  let therapistId: string;
  let payerId: string;
  let clientId: string;
  let episodeId: string;
  let policyId: string;
  let noteIds: string[];
  let claimId: string;
  let controlNumber: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
    const staff = await t.addStaff(owner, 'therapist', 'Jordan Lee');
    therapist = staff.agent;
    therapistId = staff.id;
    biller = (await t.addStaff(owner, 'biller', 'Bill Ing')).agent;
    frontDesk = (await t.addStaff(owner, 'front_desk', 'Fran Desk')).agent;
    ({ payerId } = await setUpBilling(owner, therapistId));
    clientId = (await t.createClient(therapist, CLAIM_READY_CLIENT)).id;
    episodeId = await openEpisode(therapist, clientId);
    const rx = await therapist.post(`/api/episodes/${episodeId}/prescriptions`, {
      ...NECK_PAIN_PRESCRIPTION,
      diagnoses: ['M54.2', 'S13.4XXD'],
    });
    expect(rx.status).toBe(201);
    policyId = await addPolicy(frontDesk, clientId, payerId);
    noteIds = [
      (await signedNote(therapist, episodeId, '2026-11-18')).id,
      (await signedNote(therapist, episodeId, '2026-11-20')).id,
    ];
  });
  afterAll(() => t.dispose());

  it('set-up is the owner’s: a front-desk person cannot change the billing profile', async () => {
    const res = await frontDesk.put('/api/billing/profile', {});
    expect(res.status).toBe(403);
    const catalogue = await biller.get('/api/billing/service-codes');
    expect(catalogue.body.items.find((c: { code: string }) => c.code === '97140')).toMatchObject({
      timed: true,
      feeCents: 6000,
    });
  });

  it('an unsigned note cannot be billed; the to-bill queue says why', async () => {
    const draft = await therapist.post(`/api/episodes/${episodeId}/notes`, { sessionDate: '2026-11-22' });
    const res = await biller.post('/api/claims', { episodeId, policyId, sessionNoteIds: [draft.body.id] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({
      path: 'sessionNoteIds[0]',
      message: 'The note of 2026-11-22 is not signed: only signed notes can be billed.',
    });
    const queue = await biller.get('/api/billing/to-bill');
    const blocked = queue.body.items.find(
      (i: { sessionNoteId: string }) => i.sessionNoteId === draft.body.id,
    );
    expect(blocked?.blocker).toMatch(/not signed/);
  });

  it('creates a claim from signed notes: units by the payer’s method, GP, fees, pointers', async () => {
    const res = await biller.post('/api/claims', { episodeId, policyId, sessionNoteIds: noteIds });
    expect(res.status).toBe(201);
    claimId = res.body.id;
    controlNumber = res.body.controlNumber;
    // 97124 23 min + 97140 15 min = 38 timed minutes → 3 units: 97124 ×2 (leftover 8), 97140 ×1.
    expect(
      res.body.lines.map((l: Record<string, unknown>) => [
        l.serviceDate,
        l.code,
        l.units,
        l.modifiers,
        l.chargeCents,
      ]),
    ).toEqual([
      ['2026-11-18', '97124', 2, ['GP'], 10000],
      ['2026-11-18', '97140', 1, ['GP'], 6000],
      ['2026-11-20', '97124', 2, ['GP'], 10000],
      ['2026-11-20', '97140', 1, ['GP'], 6000],
    ]);
    expect(res.body.totalChargeCents).toBe(32000);
    expect(res.body.diagnoses).toEqual(['M54.2', 'S13.4XXD']);
    expect(res.body.referringProvider).toEqual({
      givenName: 'Zoë',
      familyName: 'Ødegård',
      npi: '1234567893',
    });
    expect(res.body.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    const again = await biller.post('/api/claims', { episodeId, policyId, sessionNoteIds: [noteIds[0]] });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain(controlNumber);
  });

  it('the scrubber lists planted problems in plain words and blocks "ready" until they are fixed', async () => {
    const claim = (await biller.get(`/api/claims/${claimId}`)).body;
    const edited = await biller.patch(`/api/claims/${claimId}`, {
      version: claim.version,
      lines: [
        { id: claim.lines[0].id, modifiers: [] },
        { id: claim.lines[1].id, diagnosisPointers: [3] },
      ],
    });
    expect(edited.status).toBe(200);
    const errors = edited.body.problems.filter((p: { severity: string }) => p.severity === 'error');
    expect(errors.map((p: { rule: string; field: string }) => [p.rule, p.field])).toEqual([
      ['modifier.gp_missing', 'lines[1].modifiers'],
      ['pointer.out_of_range', 'lines[2].diagnosisPointers'],
    ]);
    expect(errors[1].message).toBe(
      'Line 2 (97140 on 2026-11-18): pointer C names no diagnosis on this claim (it has 2).',
    );

    const refused = await biller.post(`/api/claims/${claimId}/status`, { status: 'ready' });
    expect(refused.status).toBe(409);
    expect(refused.body.problems.filter((p: { severity: string }) => p.severity === 'error')).toHaveLength(2);
    // Visits of November 2026 fall in ICD-10-CM FY2027; Palpa ships FY2026 and says so.
    expect(refused.body.problems.map((p: { rule: string }) => p.rule)).toContain(
      'diagnosis.code_set_not_loaded',
    );

    const fixed = await biller.patch(`/api/claims/${claimId}`, {
      version: edited.body.version,
      lines: [
        { id: claim.lines[0].id, modifiers: ['GP'] },
        { id: claim.lines[1].id, diagnosisPointers: [1, 2] },
      ],
    });
    expect(fixed.body.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    const ready = await biller.post(`/api/claims/${claimId}/status`, { status: 'ready' });
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
  });

  it('gives the claim as a CMS-1500 PDF (full and data-only) and as an 837P that parses', async () => {
    const pdf = await t.app.request(`http://palpa.test/api/claims/${claimId}/cms1500.pdf`, {
      headers: { cookie: biller.cookie! },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const [page] = await extractPdfPages(new Uint8Array(await pdf.arrayBuffer()));
    expect(page).toContain('DOE, JANE');
    expect(page).toContain('97140');
    const data = await biller.get(`/api/claims/${claimId}/cms1500.pdf?form=data-only&offsetX=3`);
    expect(data.status).toBe(200);

    const x12 = await biller.get(`/api/claims/${claimId}/837p`);
    expect(x12.status).toBe(200);
    const segments = await parseX12Segments(x12.text);
    expect(check837pStructure(segments)).toEqual([]);
    const clm = segments.find((s) => s.name === 'CLM')!;
    expect(el(clm, 1)).toBe(controlNumber);
    expect(el(clm, 2)).toBe('320');
    expect(segments.find((s) => s.name === 'NM1' && el(s, 1) === 'DN')).toBeDefined();
    expect((await biller.get(`/api/claims/${claimId}`)).body.status).toBe('ready');
  });

  it('a batch of ready claims becomes one 837P; the claims are submitted and charged to the ledger', async () => {
    const res = await biller.post('/api/claim-batches', {});
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('application/edi-x12');
    expect(res.headers.get('x-claim-count')).toBe('1');
    expect(check837pStructure(await parseX12Segments(res.text))).toEqual([]);
    const claim = (await biller.get(`/api/claims/${claimId}`)).body;
    expect(claim.status).toBe('submitted');
    expect(claim.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'draft',
      'ready',
      'submitted',
    ]);
    const ledger = (await frontDesk.get(`/api/clients/${clientId}/ledger`)).body;
    expect(ledger.balances).toEqual({ insuranceCents: 32000, patientCents: 0, totalCents: 32000 });
    const none = await biller.post('/api/claim-batches', {});
    expect(none.status).toBe(409);
  });

  it('posts an 835: payment, CO-45 and PR-2 coinsurance; the client owes the coinsurance', async () => {
    const claim = (await biller.get(`/api/claims/${claimId}`)).body;
    const lineSegments = claim.lines.flatMap((line: Record<string, any>) => [
      `SVC*HC:${line.code}:GP*${line.chargeCents / 100}*${(line.chargeCents * 0.6) / 100}**${line.units}`,
      `DTM*472*${line.serviceDate.replaceAll('-', '')}`,
      `CAS*CO*45*${(line.chargeCents * 0.2) / 100}`,
      `CAS*PR*2*${(line.chargeCents * 0.2) / 100}`,
      `REF*6R*${line.lineControlNumber}`,
    ]);
    const file = build835([
      ...header('192', 'EFT9001'),
      'LX*1',
      `CLP*${controlNumber}*1*320*192*64*12*PAYERCLAIM77`,
      'NM1*QC*1*DOE*JANE****MI*XYZ123456789',
      ...lineSegments,
    ]);
    const res = await biller.post('/api/remittances', { file });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ claimsPosted: 1, claimsHeld: 0, unmatchedItems: 0, balanced: true });
    const after = (await biller.get(`/api/claims/${claimId}`)).body;
    expect(after.status).toBe('paid');
    expect(after.payerClaimNumber).toBe('PAYERCLAIM77');
    const ledger = (await frontDesk.get(`/api/clients/${clientId}/ledger`)).body;
    expect(ledger.balances).toEqual({ insuranceCents: 0, patientCents: 6400, totalCents: 6400 });

    const twice = await biller.post('/api/remittances', { file });
    expect(twice.status).toBe(409);
    const garbage = await biller.post('/api/remittances', { file: 'hello world' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.errors[0].path).toBe('file');
  });

  it('the client pays at the desk; a mistake is reversed, never edited', async () => {
    const paid = await frontDesk.post(`/api/clients/${clientId}/payments`, {
      amountCents: 4000,
      method: 'card',
    });
    expect(paid.status).toBe(201);
    expect(paid.body.balances.patientCents).toBe(2400);
    const payment = paid.body.entries.find((e: { kind: string }) => e.kind === 'patient_payment');
    const reversed = await biller.post(`/api/ledger-entries/${payment.id}/reverse`, {
      reason: 'Card declined',
    });
    expect(reversed.status).toBe(201);
    expect(reversed.body.balances.patientCents).toBe(6400);
    const twice = await biller.post(`/api/ledger-entries/${payment.id}/reverse`, { reason: 'again' });
    expect(twice.status).toBe(409);
    // The database itself refuses to change or remove a ledger row.
    await expect(t.database.db.execute(sql`update ledger_entries set amount_cents = 0`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from ledger_entries`)).rejects.toThrow();
  });

  it('a paid claim is corrected by a frequency-7 replacement carrying the payer’s claim number', async () => {
    const res = await biller.post(`/api/claims/${claimId}/correct`, { note: 'Wrong units on 11-20' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ frequencyCode: '7', status: 'draft', originalClaimId: claimId });
    expect((await biller.get(`/api/claims/${claimId}`)).body.status).toBe('corrected');
    const x12 = await biller.get(`/api/claims/${res.body.id}/837p`);
    const segments = await parseX12Segments(x12.text);
    expect(
      el(
        segments.find((s) => s.name === 'CLM'),
        5,
      ),
    ).toBe('11:B:7');
    expect(segments.find((s) => s.name === 'REF' && el(s, 1) === 'F8')?.elements[1]).toBe('PAYERCLAIM77');
  });

  it('another clinic sees none of it', async () => {
    const { owner: other } = await t.signupClinic();
    expect((await other.get(`/api/claims/${claimId}`)).status).toBe(404);
    expect((await other.get(`/api/clients/${clientId}/ledger`)).status).toBe(404);
    expect((await other.get('/api/claims')).body.items).toEqual([]);
  });
});

describe('an auto (PIP) case claim carries boxes 10b, 11b and 14 (API)', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());

  it('per-code units, CLM11 AA with the state, REF*Y4 claim number, DTP*439; Florida PIP is refused', async () => {
    const { owner } = await t.setupClinic();
    const staff = await t.addStaff(owner, 'therapist', 'Jordan Lee');
    await setUpBilling(owner, staff.id);
    const auto = await owner.post('/api/payers', AUTO_PAYER);
    const clientId = (await t.createClient(staff.agent, CLAIM_READY_CLIENT)).id;
    const episodeId = await openEpisode(staff.agent, clientId);
    await staff.agent.post(`/api/episodes/${episodeId}/prescriptions`, {
      ...NECK_PAIN_PRESCRIPTION,
      diagnoses: ['S13.4XXD'],
    });
    const autoCase = await owner.post(`/api/clients/${clientId}/cases`, {
      payerId: auto.body.id,
      kind: 'auto',
      episodeId,
      claimNumber: 'LA-2026-0042',
      injuryDate: '2026-09-20',
      accidentState: 'IL',
    });
    const note = await signedNote(staff.agent, episodeId, '2026-11-18');
    const claim = await owner.post('/api/claims', {
      episodeId,
      caseId: autoCase.body.id,
      sessionNoteIds: [note.id],
    });
    expect(claim.status).toBe(201);
    // Per-code: 97124 23 min → 2, 97140 15 min → 1; no GP for this payer.
    expect(
      claim.body.lines.map((l: { code: string; units: number; modifiers: string[] }) => [
        l.code,
        l.units,
        l.modifiers,
      ]),
    ).toEqual([
      ['97124', 2, []],
      ['97140', 1, []],
    ]);
    // This payer bundles 97124 into 97140: the scrubber asks for XS on the massage line.
    expect(
      claim.body.problems
        .filter((p: { severity: string }) => p.severity === 'error')
        .map((p: { rule: string }) => p.rule),
    ).toEqual(['payer.bundles_97124_97140']);
    const x12 = await owner.get(`/api/claims/${claim.body.id}/837p`);
    const segments = await parseX12Segments(x12.text);
    expect(check837pStructure(segments)).toEqual([]);
    expect(
      el(
        segments.find((s) => s.name === 'CLM'),
        11,
      ),
    ).toBe('AA:::IL');
    expect(segments.find((s) => s.name === 'REF' && el(s, 1) === 'Y4')?.elements[1]).toBe('LA-2026-0042');
    expect(segments.find((s) => s.name === 'DTP' && el(s, 1) === '439')?.elements[2]).toBe('20260920');
    expect(
      el(
        segments.find((s) => s.name === 'SBR'),
        9,
      ),
    ).toBe('AM');

    await owner.patch(`/api/cases/${autoCase.body.id}`, {
      version: autoCase.body.version,
      accidentState: 'FL',
    });
    const scrub = await owner.post(`/api/claims/${claim.body.id}/scrub`);
    expect(scrub.body.problems.map((p: { rule: string }) => p.rule)).toContain('state.fl_pip_massage');
    expect(scrub.body.ready).toBe(false);
  });
});
