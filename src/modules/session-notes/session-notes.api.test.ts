import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTE_CONTENT, openEpisode, signedNote } from '../../../tests/support/clinical-fixtures.js';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';
import { queryRows } from '../../../tests/support/test-database.js';

describe('session notes: drafts, signing, immutability, addenda', () => {
  let t: TestContext;
  let owner: Agent;
  let therapist: Agent;
  let episodeId: string;
  let note: { id: string; version: number } & Record<string, any>;

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
    therapist = (await t.addStaff(owner, 'therapist', 'Theo Rapist')).agent;
    const clientId = (await t.createClient(therapist)).id;
    episodeId = await openEpisode(therapist, clientId);
    note = await signedNote(therapist, episodeId, '2026-11-20');
  });
  afterAll(() => t.dispose());

  it('pre-fills a draft from a condition template and autosaves with versions', async () => {
    const created = await therapist.post(`/api/episodes/${episodeId}/notes`, {
      sessionDate: '2026-11-24',
      templateId: 'neck_pain',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', templateId: 'neck_pain', pressureLevel: 3 });
    expect(created.body.services.length).toBeGreaterThan(0);
    const saved = await therapist.patch(`/api/notes/${created.body.id}`, {
      version: 1,
      subjective: 'Better today.',
    });
    expect(saved.body).toMatchObject({ version: 2, subjective: 'Better today.' });
    const stale = await therapist.patch(`/api/notes/${created.body.id}`, { version: 1, subjective: 'Lost?' });
    expect(stale.status).toBe(409);
    expect((await therapist.delete(`/api/notes/${created.body.id}`)).status).toBe(204);
  });

  it('will not sign an incomplete note, naming what is missing', async () => {
    const created = await therapist.post(`/api/episodes/${episodeId}/notes`, { sessionDate: '2026-11-24' });
    const res = await therapist.post(`/api/notes/${created.body.id}/sign`, { version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'subjective',
      'objective',
      'assessment',
      'plan',
      'services',
    ]);
  });

  it('lets only the author sign', async () => {
    const created = await therapist.post(`/api/episodes/${episodeId}/notes`, { sessionDate: '2026-11-23' });
    const saved = await therapist.patch(`/api/notes/${created.body.id}`, { version: 1, ...NOTE_CONTENT });
    const res = await owner.post(`/api/notes/${created.body.id}/sign`, { version: saved.body.version });
    expect(res.status).toBe(403);
  });

  it('refuses to update or delete a signed note through the API', async () => {
    expect(note.status).toBe('signed');
    expect(note.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const patch = await therapist.patch(`/api/notes/${note.id}`, {
      version: note.version,
      subjective: 'changed',
    });
    expect(patch.status).toBe(409);
    expect(patch.body.detail).toMatch(/addendum/);
    expect((await owner.patch(`/api/notes/${note.id}`, { version: note.version, plan: 'x' })).status).toBe(
      409,
    );
    expect((await therapist.delete(`/api/notes/${note.id}`)).status).toBe(409);
    expect((await therapist.post(`/api/notes/${note.id}/sign`, { version: note.version })).status).toBe(409);
    const after = await therapist.get(`/api/notes/${note.id}`);
    expect(after.body.subjective).toBe(NOTE_CONTENT.subjective);
  });

  it.each([
    ['UPDATE', (id: string) => sql`update session_notes set subjective = 'tampered' where id = ${id}`],
    [
      'UPDATE of the signature',
      (id: string) => sql`update session_notes set signed_at = null where id = ${id}`,
    ],
    ['DELETE', (id: string) => sql`delete from session_notes where id = ${id}`],
    ['TRUNCATE', () => sql`truncate session_notes cascade`],
  ])('refuses %s of a signed note directly in SQL', async (_label, statement) => {
    const error = await t.database.db.execute(statement(note.id)).then(
      () => null,
      (err: unknown) => err,
    );
    expect(String((error as { cause?: unknown })?.cause ?? error)).toMatch(/signed|not allowed/);
    const [row] = await queryRows<{ subjective: string; signed_at: unknown }>(
      t.database,
      sql`select subjective, signed_at from session_notes where id = ${note.id}`,
    );
    expect(row).toMatchObject({ subjective: NOTE_CONTENT.subjective });
    expect(row!.signed_at).not.toBeNull();
  });

  it('refuses changes to the marks and scores of a signed note in SQL', async () => {
    const error = await t.database.db
      .execute(sql`delete from body_chart_marks where session_note_id = ${note.id}`)
      .then(
        () => null,
        (err: unknown) => err,
      );
    // No marks on this note: deleting nothing is fine; inserting one is refused.
    expect(error).toBeNull();
    const insert = await t.database.db
      .execute(
        sql`insert into body_chart_marks (id, clinic_id, episode_id, session_note_id, recorded_on, view, region_id, x, y, mark_type, intensity)
            select gen_random_uuid(), clinic_id, episode_id, id, session_date, 'back', 'lumbar_left', 0.5, 0.5, 'pain', 2
            from session_notes where id = ${note.id}`,
      )
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(String((insert as { cause?: unknown })?.cause ?? insert)).toMatch(/signed record/);
  });

  it('adds signed, timestamped addenda under the original; addenda are append-only', async () => {
    const res = await therapist.post(`/api/notes/${note.id}/addenda`, {
      text: 'Correction: pain after was 2/10.',
    });
    expect(res.status).toBe(201);
    expect(res.body.addenda).toEqual([
      expect.objectContaining({
        text: 'Correction: pain after was 2/10.',
        signedByName: 'Theo Rapist',
        signedAt: '2026-11-25T15:00:00.000Z',
      }),
    ]);
    expect(res.body.subjective).toBe(NOTE_CONTENT.subjective);
    const error = await t.database.db.execute(sql`update session_note_addenda set text = 'x'`).then(
      () => null,
      (err: unknown) => err,
    );
    expect(String((error as { cause?: unknown })?.cause ?? error)).toMatch(/append-only/);
  });

  it('requires a postpone/refer alert to be acknowledged with a reason before signing', async () => {
    const clientId = (await t.createClient(therapist, { givenName: 'Feverish', familyName: 'Client' })).id;
    const episode = await openEpisode(therapist, clientId, 'Low back pain');
    const intake = await therapist.request('PUT', `/api/episodes/${episode}/intake`, {
      json: {
        healthHistory: {
          complaints: [],
          conditions: [{ condition: 'dvt', status: 'current', region: 'Left calf' }],
          medications: [],
          surgeries: [],
          injuries: [],
          allergies: [],
          pregnancy: { status: 'not_applicable' },
          devices: [],
        },
      },
    });
    expect(intake.status).toBe(200);
    const dvt = intake.body.alerts.find((a: { severity: string }) => a.severity === 'postpone_refer');
    expect(dvt).toBeTruthy();
    const created = await therapist.post(`/api/episodes/${episode}/notes`, { sessionDate: '2026-11-25' });
    expect(created.body.alerts.map((a: { ruleId: string }) => a.ruleId)).toContain(dvt.ruleId);
    const saved = await therapist.patch(`/api/notes/${created.body.id}`, { version: 1, ...NOTE_CONTENT });
    const refused = await therapist.post(`/api/notes/${created.body.id}/sign`, {
      version: saved.body.version,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: `acknowledgements.${dvt.ruleId}`, message: expect.stringMatching(/Acknowledge/) },
    ]);
    const acked = await therapist.patch(`/api/notes/${created.body.id}`, {
      version: saved.body.version,
      acknowledgements: [
        { ruleId: dvt.ruleId, reason: 'Vascular clearance letter on file (Dr. Ode, 11/20).' },
      ],
    });
    expect(acked.body.acknowledgements[0]).toMatchObject({ acknowledgedByName: 'Theo Rapist' });
    const signed = await therapist.post(`/api/notes/${created.body.id}/sign`, {
      version: acked.body.version,
    });
    expect(signed.status).toBe(200);
  });

  it('pre-fills a note from a library protocol and flags steps that conflict with an alert', async () => {
    const clientId = (await t.createClient(therapist, { givenName: 'Anti', familyName: 'Coagulated' })).id;
    const episode = await openEpisode(therapist, clientId, 'Chronic neck pain');
    await therapist.request('PUT', `/api/episodes/${episode}/intake`, {
      json: {
        healthHistory: {
          complaints: [],
          conditions: [],
          medications: [{ name: 'Eliquis 5 mg' }],
          surgeries: [],
          injuries: [],
          allergies: [],
          pregnancy: { status: 'not_applicable' },
          devices: [],
        },
      },
    });
    const created = await therapist.post(`/api/episodes/${episode}/notes`, {
      sessionDate: '2026-11-25',
      conditionId: 'chronic-neck-pain',
    });
    expect(created.status).toBe(201);
    expect(created.body.templateId).toBe('library:chronic-neck-pain');
    expect(created.body.services.map((s: { serviceCode: string }) => s.serviceCode)).toContain('97140');
    expect(created.body.homeCare).toMatch(/chin tucks/i);
    expect(created.body.conflicts).toEqual([]);
    const withCupping = await therapist.patch(`/api/notes/${created.body.id}`, {
      version: created.body.version,
      services: [
        { technique: 'cupping', regions: ['upper_trapezius_left'], minutes: 10, serviceCode: '97140' },
      ],
    });
    expect(withCupping.body.conflicts).toEqual([
      expect.objectContaining({
        ruleId: 'blood_thinning_medication',
        serviceIndex: 0,
        what: expect.stringMatching(/Cupping/),
      }),
    ]);
    const unknown = await therapist.post(`/api/episodes/${episode}/notes`, {
      sessionDate: '2026-11-25',
      conditionId: 'no-such-condition',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('conditionId');
  });
});
