import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANTICOAGULANT_LYMPHEDEMA_HISTORY,
  NECK_PAIN_PRESCRIPTION,
  ndiAnswers,
  openEpisode,
  signedNote,
} from '../../../tests/support/clinical-fixtures.js';
import { extractPdfPages } from '../../../tests/support/pdf-text.js';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';

describe('an episode of care from prescription to progress report (API)', () => {
  let t: TestContext;
  let owner: Agent;
  let therapist: Agent;
  let clientId: string;
  let episodeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
    therapist = (await t.addStaff(owner, 'therapist', 'Theo Rapist')).agent;
    clientId = (await t.createClient(therapist, { givenName: 'Łukasz', familyName: 'Nguyễn' })).id;
    episodeId = await openEpisode(therapist, clientId);
  });
  afterAll(() => t.dispose());

  it('records a prescription with billable diagnoses and a checked NPI', async () => {
    const res = await therapist.post(`/api/episodes/${episodeId}/prescriptions`, NECK_PAIN_PRESCRIPTION);
    expect(res.status).toBe(201);
    expect(res.body.diagnoses).toEqual([
      { code: 'M54.2', description: 'Cervicalgia' },
      { code: 'S13.4XXA', description: expect.stringMatching(/sprain of ligaments of cervical spine/i) },
    ]);
    expect(res.body.usage).toEqual({ used: 0, remaining: 12, state: 'active', warnings: [] });
  });

  it('refuses a header code, a missing 7th character and a bad NPI, naming each field', async () => {
    const res = await therapist.post(`/api/episodes/${episodeId}/prescriptions`, {
      ...NECK_PAIN_PRESCRIPTION,
      diagnoses: ['M54.5', 'S13.4', 'M54.2'],
      prescriberNpi: '1234567890',
    });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(['diagnoses[0]', 'diagnoses[1]', 'prescriberNpi']);
    expect(res.body.errors[0].message).toMatch(/M54\.5/);
    expect(res.body.errors[1].message).toMatch(/7th character/i);
    expect(res.body.errors[2].message).toMatch(/check digit/);
  });

  it('checks NPIs by check digit alone', async () => {
    expect((await t.agent().get('/api/npi/1234567893/check')).body).toEqual({ valid: true });
    expect((await t.agent().get('/api/npi/1234567890/check')).body).toEqual({ valid: false });
    expect((await t.agent().get('/api/npi/12345/check')).body).toEqual({ valid: false });
  });

  it('screens the intake: anticoagulant and lymphedema raise cited alerts', async () => {
    const res = await therapist.request('PUT', `/api/episodes/${episodeId}/intake`, {
      json: { healthHistory: ANTICOAGULANT_LYMPHEDEMA_HISTORY },
    });
    expect(res.status).toBe(200);
    const alerts = res.body.alerts as { ruleId: string; severity: string; because: string; source: object }[];
    expect(alerts.some((a) => a.severity === 'modify' && /warfarin/i.test(a.because))).toBe(true);
    expect(alerts.some((a) => a.severity === 'gentle' && /lymphedema/i.test(a.because))).toBe(true);
    for (const alert of alerts) expect(alert.source).toBeTruthy();
    // A stale save is refused, not lost.
    const stale = await therapist.request('PUT', `/api/episodes/${episodeId}/intake`, {
      json: { version: 99, healthHistory: ANTICOAGULANT_LYMPHEDEMA_HISTORY },
    });
    expect(stale.status).toBe(409);
  });

  it('records consent with the exact text version, drawn or typed', async () => {
    const texts = await therapist.get('/api/consent-texts');
    const treatment = texts.body.items.find((x: { kind: string }) => x.kind === 'treatment');
    const drawn = await therapist.post(`/api/episodes/${episodeId}/consents`, {
      kind: 'treatment',
      textVersion: treatment.version,
      signerName: 'Łukasz Nguyễn',
      signature: { method: 'drawn', svgPath: 'M10 10 L20 25 L30 12 L45 30' },
    });
    expect(drawn.status).toBe(201);
    expect(drawn.body).toMatchObject({
      textVersion: treatment.version,
      textBody: treatment.body,
      signedAt: '2026-11-25T15:00:00.000Z',
    });
    expect(drawn.body.textSha256).toMatch(/^[0-9a-f]{64}$/);
    const old = await therapist.post(`/api/episodes/${episodeId}/consents`, {
      kind: 'treatment',
      textVersion: 'treatment-2020-01',
      signerName: 'Łukasz Nguyễn',
      signature: { method: 'typed', typedName: 'Łukasz Nguyễn' },
    });
    expect(old.status).toBe(409);
  });

  let initialAssessmentId: string;
  it('scores an assessment: body-chart marks, ROM as % of normal, special tests, NDI', async () => {
    const res = await therapist.post(`/api/episodes/${episodeId}/assessments`, {
      kind: 'initial',
      assessedOn: '2026-10-01',
      posture: 'Forward head posture; elevated right shoulder.',
      painNprs: 6,
      rangeOfMotion: [{ joint: 'cervical', movement: 'rotation', side: 'right', degrees: 56 }],
      specialTests: [{ test: 'spurling', side: 'right', result: 'negative' }],
      marks: [
        {
          id: '0b6f9a8e-6d8c-4a53-9f1c-2f5f0c7b1a01',
          view: 'back',
          regionId: 'upper_trapezius_left',
          x: 0.4,
          y: 0.2,
          type: 'trigger_point',
          intensity: 3,
          note: 'Refers to temple',
        },
      ],
      outcomeMeasures: [{ instrument: 'ndi', answers: ndiAnswers(19) }],
    });
    expect(res.status).toBe(201);
    initialAssessmentId = res.body.id;
    expect(res.body.rangeOfMotion[0]).toMatchObject({ normalDegrees: 80, percentOfNormal: 70 });
    expect(res.body.outcomeMeasures[0]).toMatchObject({
      instrument: 'ndi',
      score: 38,
      band: expect.any(String),
    });
    expect(res.body.marks).toHaveLength(1);

    const tooMuchMissing = await therapist.post(`/api/episodes/${episodeId}/assessments`, {
      kind: 'initial',
      assessedOn: '2026-10-01',
      outcomeMeasures: [{ instrument: 'ndi', answers: [1, 2, 3, null, null, null, 1, 1, 1, 1] }],
    });
    expect(tooMuchMissing.status).toBe(400);
    expect(tooMuchMissing.body.errors[0].path).toBe('outcomeMeasures.0.answers');
  });

  it('sets a plan with measurable goals and refuses a goal in the wrong direction', async () => {
    const plan = {
      problems: ['Neck pain limiting driving', 'Reduced cervical rotation'],
      goals: [
        {
          id: 'ndi-long',
          term: 'long',
          kind: 'measure',
          instrument: 'ndi',
          baseline: 38,
          target: 18,
          targetDate: '2026-12-20',
        },
        {
          id: 'drive',
          term: 'short',
          kind: 'functional',
          text: 'Check blind spot when driving without pain',
          targetDate: '2026-11-15',
        },
      ],
      techniques: [{ technique: 'swedish', regions: ['neck_left_posterior'] }],
      frequencyPerWeek: 2,
      durationWeeks: 6,
      precautions: ['No deep pressure: anticoagulant'],
    };
    const res = await therapist.request('PUT', `/api/episodes/${episodeId}/plan`, { json: plan });
    expect(res.status).toBe(200);
    expect(res.body.goalProgress[0]).toMatchObject({
      description: 'NDI from 38% to ≤18% by Dec 20, 2026',
      status: 'not_measured',
    });
    const wrong = await therapist.request('PUT', `/api/episodes/${episodeId}/plan`, {
      json: { ...plan, version: res.body.version, goals: [{ ...plan.goals[0], target: 50 }] },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe('goals.0.target');
  });

  it('signs three session notes and counts the visits against the prescription', async () => {
    for (const date of ['2026-10-06', '2026-10-09', '2026-10-13'])
      await signedNote(therapist, episodeId, date);
    const chart = await therapist.get(`/api/episodes/${episodeId}/chart`);
    expect(chart.status).toBe(200);
    expect(chart.body.notes).toHaveLength(3);
    expect(chart.body.notes[0]).toMatchObject({ status: 'signed', totalMinutes: 38 });
    expect(chart.body.prescriptions[0].usage).toMatchObject({ used: 3, remaining: 9 });
  });

  it('re-evaluates: NDI improvement shows on the measure series and goal status', async () => {
    const res = await therapist.post(`/api/episodes/${episodeId}/assessments`, {
      kind: 're_evaluation',
      assessedOn: '2026-11-20',
      findings: 'Rotation improved; driving tolerance 45 minutes.',
      rangeOfMotion: [{ joint: 'cervical', movement: 'rotation', side: 'right', degrees: 72 }],
      outcomeMeasures: [{ instrument: 'ndi', answers: ndiAnswers(11) }],
      marks: [
        {
          id: '0b6f9a8e-6d8c-4a53-9f1c-2f5f0c7b1a02',
          view: 'back',
          regionId: 'upper_trapezius_left',
          x: 0.4,
          y: 0.2,
          type: 'trigger_point',
          intensity: 1,
        },
      ],
      goalReviews: [{ goalId: 'drive', status: 'met' }],
      recommendation: 'continue',
      recommendationNote: 'Continue 2×/week for 4 more weeks.',
    });
    expect(res.status).toBe(201);
    const signed = await therapist.post(`/api/assessments/${res.body.id}/sign`, {
      version: res.body.version,
    });
    expect(signed.status).toBe(200);
    const chart = await therapist.get(`/api/episodes/${episodeId}/chart`);
    expect(chart.body.measures[0]).toMatchObject({
      instrument: 'ndi',
      baseline: 38,
      latest: 22,
      change: -16,
      improved: true,
      clinicallyImportant: true,
      goal: { target: 18, targetDate: '2026-12-20' },
    });
    expect(chart.body.plan.goalProgress[0].status).toBe('progressing');
    const marks = await therapist.get(
      `/api/episodes/${episodeId}/marks?regionId=upper_trapezius_left&type=trigger_point`,
    );
    expect(
      marks.body.items.map((m: { recordedOn: string; intensity: number }) => [m.recordedOn, m.intensity]),
    ).toEqual([
      ['2026-10-01', 3],
      ['2026-11-20', 1],
    ]);
    expect(marks.body.items[0].regionLabel).toMatch(/upper trapezius/i);
    const kinds = chart.body.timeline.map((i: { kind: string }) => i.kind);
    expect(kinds.slice(0, 3)).toEqual(['episode_opened', 'prescription', 'assessment']);
    expect(kinds).toContain('re_evaluation');
    expect(kinds.filter((k: string) => k === 'session_note')).toHaveLength(3);
  });

  it('serves the progress report as a PDF download', async () => {
    const letterhead = await owner.patch('/api/clinic', {
      addressLines: ['12 Harbour Street', 'Portland, ME 04101'],
      phone: '(207) 555-0100',
      fax: '(207) 555-0101',
      npi: '1245319599',
    });
    expect(letterhead.status).toBe(200);
    expect((await therapist.patch('/api/clinic', { name: 'Mine now' })).status).toBe(403);
    const profile = await therapist.patch('/api/auth/profile', {
      credentials: 'LMT',
      licenseNumber: 'MA-12345',
    });
    expect(profile.body.user).toMatchObject({ credentials: 'LMT', licenseNumber: 'MA-12345' });
    const res = await therapist.get(`/api/episodes/${episodeId}/progress-report.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="progress-report-.*\.pdf"/);
    expect(res.text.startsWith('%PDF-')).toBe(true);

    const raw = await t.app.request(`http://palpa.test/api/episodes/${episodeId}/progress-report.pdf`, {
      headers: { cookie: therapist.cookie! },
    });
    const bytes = new Uint8Array(await raw.arrayBuffer());
    if (process.env.PALPA_WRITE_PDF)
      (await import('node:fs')).writeFileSync(process.env.PALPA_WRITE_PDF, bytes);
    const text = (await extractPdfPages(bytes)).join('\n');
    for (const expected of [
      'Riverside Medical Massage',
      'Łukasz Nguyễn',
      'Mar 14, 1985',
      'Dr. Zoë Ødegård',
      'M54.2',
      'Cervicalgia',
      'S13.4XXA',
      '3 of 12',
      'NDI',
      '38',
      '22',
      'Oct 1, 2026',
      'Nov 20, 2026',
      'Rotation improved; driving tolerance 45 minutes.',
      'Theo Rapist',
      'LMT',
      'MA-12345',
      '12 Harbour Street',
      '(207) 555-0101',
    ])
      expect(text, expected).toContain(expected);
  });

  it('serves a discharge summary too', async () => {
    const raw = await t.app.request(
      `http://palpa.test/api/episodes/${episodeId}/progress-report.pdf?kind=discharge`,
      { headers: { cookie: therapist.cookie! } },
    );
    expect(raw.status).toBe(200);
    const text = (await extractPdfPages(new Uint8Array(await raw.arrayBuffer()))).join('\n');
    expect(text).toContain('Discharge summary');
    expect(text).toMatch(/Discharge/);
  });

  it('locks a signed assessment', async () => {
    const signedOne = await therapist.post(`/api/assessments/${initialAssessmentId}/sign`, { version: 1 });
    expect(signedOne.status).toBe(200);
    const edit = await therapist.request('PUT', `/api/assessments/${initialAssessmentId}`, {
      json: { version: signedOne.body.version, kind: 'initial', assessedOn: '2026-10-01' },
    });
    expect(edit.status).toBe(409);
  });
});
