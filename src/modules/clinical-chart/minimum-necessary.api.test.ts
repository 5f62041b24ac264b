import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANTICOAGULANT_LYMPHEDEMA_HISTORY,
  NECK_PAIN_PRESCRIPTION,
  openEpisode,
  signedNote,
} from '../../../tests/support/clinical-fixtures.js';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';

/** Issue 3, item 11: who sees which layer of the clinical record (HIPAA minimum necessary). */
describe('minimum necessary access to the clinical record', () => {
  let t: TestContext;
  let owner: Agent;
  let therapist: Agent;
  let frontDesk: Agent;
  let biller: { agent: Agent; id: string };
  let clientId: string;
  let episodeId: string;
  let noteId: string;
  let other: { owner: Agent; episodeId: string };

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
    therapist = (await t.addStaff(owner, 'therapist')).agent;
    frontDesk = (await t.addStaff(owner, 'front_desk')).agent;
    biller = await t.addStaff(owner, 'biller');
    clientId = (await t.createClient(therapist)).id;
    episodeId = await openEpisode(therapist, clientId);
    await therapist.post(`/api/episodes/${episodeId}/prescriptions`, NECK_PAIN_PRESCRIPTION);
    await therapist.request('PUT', `/api/episodes/${episodeId}/intake`, {
      json: {
        healthHistory: {
          ...ANTICOAGULANT_LYMPHEDEMA_HISTORY,
          conditions: [
            ...ANTICOAGULANT_LYMPHEDEMA_HISTORY.conditions,
            { condition: 'dvt', status: 'current' },
          ],
        },
      },
    });
    await therapist.request('PUT', `/api/episodes/${episodeId}/plan`, {
      json: {
        problems: ['Neck pain'],
        goals: [
          {
            id: 'g',
            term: 'long',
            kind: 'measure',
            instrument: 'ndi',
            baseline: 38,
            target: 18,
            targetDate: '2026-12-20',
          },
        ],
        techniques: [],
        precautions: [],
      },
    });
    noteId = (await signedNote(therapist, episodeId, '2026-10-06')).id;
    const b = await t.signupClinic();
    const bClient = (await t.createClient(b.owner)).id;
    other = { owner: b.owner, episodeId: await openEpisode(b.owner, bClient) };
  });
  afterAll(() => t.dispose());

  const clinicalReads = () => [
    `/api/episodes/${episodeId}/chart`,
    `/api/episodes/${episodeId}/intake`,
    `/api/episodes/${episodeId}/plan`,
    `/api/episodes/${episodeId}/consents`,
    `/api/notes/${noteId}`,
    `/api/episodes/${episodeId}/progress-report.pdf`,
  ];

  it('front desk: sees visit counts and booking alerts, never diagnoses or narratives', async () => {
    const overview = await frontDesk.get(`/api/clients/${clientId}/clinical-overview`);
    expect(overview.status).toBe(200);
    expect(overview.body.items[0].prescriptions[0].usage).toMatchObject({ used: 1, remaining: 11 });
    expect(JSON.stringify(overview.body)).not.toMatch(/M54\.2|Cervicalgia/);
    const alerts = await frontDesk.get(`/api/clients/${clientId}/alerts`);
    expect(alerts.body.detail).toBe('booking');
    expect(alerts.body.alerts.length).toBeGreaterThan(0);
    expect(alerts.body.alerts.every((a: { severity: string }) => a.severity === 'postpone_refer')).toBe(true);
    expect(JSON.stringify(alerts.body)).not.toMatch(/warfarin/i);
    for (const path of [...clinicalReads(), `/api/episodes/${episodeId}/services`]) {
      const res = await frontDesk.get(path);
      expect(res.status, path).toBe(403);
      expect(res.body.detail).toMatch(/front desk/);
    }
    const write = await frontDesk.post(`/api/episodes/${episodeId}/notes`, { sessionDate: '2026-11-25' });
    expect(write.status).toBe(403);
  });

  it('biller: sees diagnoses and signed services with minutes, not the narrative', async () => {
    const services = await biller.agent.get(`/api/episodes/${episodeId}/services`);
    expect(services.status).toBe(200);
    expect(services.body.diagnoses.map((d: { code: string }) => d.code)).toEqual(['M54.2', 'S13.4XXA']);
    expect(services.body.sessions[0]).toMatchObject({ sessionDate: '2026-10-06', totalMinutes: 38 });
    expect(JSON.stringify(services.body)).not.toMatch(/Hypertonic|Neck pain 5\/10/);
    for (const path of clinicalReads()) expect((await biller.agent.get(path)).status, path).toBe(403);
    expect(
      (await biller.agent.post(`/api/episodes/${episodeId}/notes`, { sessionDate: '2026-11-25' })).status,
    ).toBe(403);
  });

  it('biller reads narratives once the owner grants it, and loses them when revoked', async () => {
    const staff = await owner.get('/api/staff');
    const member = staff.body.items.find((s: { id: string }) => s.id === biller.id);
    const granted = await owner.patch(`/api/staff/${biller.id}`, {
      version: member.version,
      grants: ['clinical:read'],
    });
    expect(granted.status).toBe(200);
    expect(granted.body.grants).toEqual(['clinical:read']);
    expect((await biller.agent.get(`/api/notes/${noteId}`)).status).toBe(200);
    expect((await biller.agent.get('/api/auth/session')).body.user.permissions).toContain('clinical:read');
    // A grant of reading is not a grant of writing.
    expect(
      (await biller.agent.post(`/api/episodes/${episodeId}/notes`, { sessionDate: '2026-11-25' })).status,
    ).toBe(403);
    await owner.patch(`/api/staff/${biller.id}`, { version: granted.body.version, grants: [] });
    expect((await biller.agent.get(`/api/notes/${noteId}`)).status).toBe(403);
  });

  it('only an owner may grant', async () => {
    const res = await therapist.patch(`/api/staff/${biller.id}`, { version: 1, grants: ['clinical:read'] });
    expect(res.status).toBe(403);
  });

  it('therapists and owners read and write the clinical record', async () => {
    for (const path of clinicalReads()) {
      expect((await therapist.get(path)).status, path).toBe(200);
      expect((await owner.get(path)).status, path).toBe(200);
    }
  });

  it("another clinic's episode is not found, for reads and writes", async () => {
    expect((await therapist.get(`/api/episodes/${other.episodeId}/chart`)).status).toBe(404);
    expect((await other.owner.get(`/api/episodes/${episodeId}/chart`)).status).toBe(404);
    expect((await other.owner.get(`/api/notes/${noteId}`)).status).toBe(404);
    expect(
      (await other.owner.post(`/api/episodes/${episodeId}/prescriptions`, NECK_PAIN_PRESCRIPTION)).status,
    ).toBe(404);
  });

  it('audits every clinical read and write against the client', async () => {
    const res = await owner.get(`/api/audit?clientId=${clientId}&limit=200`);
    const actions = new Set(res.body.items.map((e: { action: string }) => e.action));
    for (const action of [
      'episode.created',
      'prescription.created',
      'intake.saved',
      'note.created',
      'note.updated',
      'note.signed',
      'chart.read',
      'note.read',
      'services.read',
      'report.generated',
    ])
      expect(actions, action).toContain(action);
  });
});
