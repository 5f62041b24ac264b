import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NECK_PAIN_PRESCRIPTION, openEpisode, signedNote } from '../../../tests/support/clinical-fixtures.js';
import { extractPdfPages } from '../../../tests/support/pdf-text.js';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';
import { totpCodeAt } from '../accounts/index.js';
import { emptyHealthHistory } from '../screening/index.js';

const UUID = '00000000-0000-4000-8000-000000000000';

describe('client portal: accounts, isolation, bookings and forms (API)', () => {
  let t: TestContext;
  let owner: Agent;
  let ownerId: string;
  let clientA: string;
  let child: string;
  let clientB: string;
  let episodeA: string;
  let serviceId: string;
  let portalA: Agent;
  let portalB: Agent;

  async function accept(acceptPath: string, password = 'a long portal passphrase') {
    const agent = t.agent();
    const res = await agent.post('/api/portal/accept', { token: acceptPath.split('/').pop(), password });
    expect(res.status, res.text).toBe(200);
    expect(agent.cookie).toMatch(/^palpa_portal=/);
    return { agent, me: res.body };
  }

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
    ownerId = (await owner.get('/api/auth/me')).body.id;
    await owner.put(`/api/schedule/therapists/${ownerId}/hours`, {
      intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', endTime: '17:00' })),
    });
    serviceId = (
      await owner.post('/api/schedule/services', {
        name: 'Massage 60',
        durationMinutes: 60,
        bufferMinutes: 15,
        priceCents: 9000,
      })
    ).body.id;
    clientA = (
      await t.createClient(owner, { givenName: 'Ana', familyName: 'Pereira', email: 'ana@example.org' })
    ).id;
    child = (
      await t.createClient(owner, { givenName: 'Leo', familyName: 'Pereira', dateOfBirth: '2016-05-02' })
    ).id;
    clientB = (
      await t.createClient(owner, { givenName: 'Bruno', familyName: 'Costa', email: 'bruno@example.org' })
    ).id;
    episodeA = await openEpisode(owner, clientA);
    await owner.post(`/api/episodes/${episodeA}/prescriptions`, NECK_PAIN_PRESCRIPTION);
    await owner.put(`/api/episodes/${episodeA}/plan`, {
      problems: ['Neck pain limits desk work'],
      techniques: [],
      precautions: [],
      frequencyPerWeek: 2,
      durationWeeks: 6,
      goals: [
        {
          id: 'g1',
          term: 'short',
          kind: 'measure',
          instrument: 'ndi',
          baseline: 38,
          target: 18,
          targetDate: '2026-12-20',
        },
      ],
    });

    const inviteA = await owner.post(`/api/clients/${clientA}/portal-invitations`, {
      email: 'ana@example.org',
    });
    expect(inviteA.status, inviteA.text).toBe(201);
    // Ana holds her son's record too, as his guardian: the same account.
    const inviteChild = await owner.post(`/api/clients/${child}/portal-invitations`, {
      email: 'ANA@example.org',
      relationship: 'guardian',
    });
    expect(inviteChild.body.accountId).toBe(inviteA.body.accountId);
    portalA = (await accept(inviteA.body.acceptPath)).agent;
    const inviteB = await owner.post(`/api/clients/${clientB}/portal-invitations`, {
      email: 'bruno@example.org',
    });
    portalB = (await accept(inviteB.body.acceptPath)).agent;
  });
  afterAll(() => t.dispose());

  it('shows the account its own clients, itself and those in its care', async () => {
    const me = await portalA.get('/api/portal/me');
    expect(me.status).toBe(200);
    expect(me.body.clients).toEqual(
      expect.arrayContaining([
        { id: clientA, name: 'Ana Pereira', relationship: 'self' },
        { id: child, name: 'Leo Pereira', relationship: 'guardian' },
      ]),
    );
    expect(me.body.clients).toHaveLength(2);
    // The invitation email waits in the outbox (no SMTP here), with the link.
    const outbox = await owner.get('/api/outbox');
    const invitation = outbox.body.items.find(
      (m: { kind: string; to: string }) => m.kind === 'portal_invitation',
    );
    expect(invitation.body).toMatch(/\/portal\/accept\//);
    // An invitation link works once.
    const used = await t.agent().post('/api/portal/accept', {
      token: outbox.body.items.at(-1).body.match(/accept\/(\S+)/)[1],
      password: 'another long passphrase',
    });
    expect(used.status).toBe(404);
  });

  it('gives a portal user 401 on every staff route', async () => {
    const spec = await t.agent().get('/api/openapi.json');
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(
      spec.body.paths as Record<string, Record<string, unknown>>,
    )) {
      if (path.startsWith('/api/portal/')) continue;
      for (const method of Object.keys(methods)) {
        const url = path.replace(/\{[^}]+\}/g, UUID);
        const verb = method.toUpperCase();
        const options = verb === 'GET' || verb === 'HEAD' ? {} : { json: {} };
        const anonymous = await t.agent().request(verb, url, options);
        if (anonymous.status !== 401) continue; // a public route (setup, code lists, the booking page…)
        const asPortal = await portalA.request(verb, url, options);
        expect(asPortal.status, `${method.toUpperCase()} ${url}`).toBe(401);
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked.length).toBeGreaterThan(120);
    // And a staff session opens no portal route.
    expect((await owner.get('/api/portal/me')).status).toBe(401);
    expect((await owner.get(`/api/portal/clients/${clientA}/appointments`)).status).toBe(401);
  });

  it("answers 404 for another client's data, exactly as for a missing one", async () => {
    for (const path of [
      `/api/portal/clients/${clientB}/appointments`,
      `/api/portal/clients/${clientB}/forms`,
      `/api/portal/clients/${UUID}/appointments`,
    ])
      expect((await portalA.get(path)).status, path).toBe(404);
    const intake = await portalA.post(`/api/portal/clients/${clientB}/intake`, {
      healthHistory: emptyHealthHistory(),
    });
    expect(intake.status).toBe(404);
    const booked = await owner.post('/api/appointments', {
      clientId: clientB,
      therapistId: ownerId,
      start: '2026-12-08T10:00:00-05:00',
      durationMinutes: 60,
    });
    const cancel = await portalA.post(`/api/portal/appointments/${booked.body.id}/cancel`, { reason: 'x' });
    expect(cancel.status).toBe(404);
    expect((await portalB.get(`/api/portal/clients/${clientB}/appointments`)).body.items).toHaveLength(1);
  });

  it('books a free time, lists it, and cancels it within the policy', async () => {
    const options = await portalA.get('/api/portal/booking-options');
    expect(options.body.services.map((s: { id: string }) => s.id)).toEqual([serviceId]);
    const slots = await portalA.get(
      `/api/portal/availability?serviceId=${serviceId}&therapistId=${ownerId}&from=${encodeURIComponent('2026-12-01T00:00:00-05:00')}&to=${encodeURIComponent('2026-12-02T00:00:00-05:00')}`,
    );
    expect(slots.status).toBe(200);
    expect(slots.body.slots[0].start).toBe('2026-12-01T09:00:00-05:00');
    const taken = await portalA.post(`/api/portal/clients/${clientA}/appointments`, {
      serviceId,
      therapistId: ownerId,
      start: '2026-12-01T09:00:00-05:00',
    });
    expect(taken.status, taken.text).toBe(201);
    // The same slot again, and a time outside working hours, are refused.
    for (const start of ['2026-12-01T09:00:00-05:00', '2026-12-01T19:00:00-05:00']) {
      const again = await portalA.post(`/api/portal/clients/${child}/appointments`, {
        serviceId,
        therapistId: ownerId,
        start,
      });
      expect(again.status, start).toBe(409);
    }
    const list = await portalA.get(`/api/portal/clients/${clientA}/appointments`);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: taken.body.id,
        status: 'booked',
        cancellable: true,
        serviceName: 'Massage 60',
      }),
    ]);
    const staffView = await owner.get(`/api/appointments/${taken.body.id}`);
    expect(staffView.body.source).toBe('portal');
    const cancelled = await portalA.post(`/api/portal/appointments/${taken.body.id}/cancel`, {
      reason: 'Travelling',
    });
    expect(cancelled.status).toBe(200);
    expect((await owner.get(`/api/appointments/${taken.body.id}`)).body.status).toBe('cancelled');

    // Inside the late window the portal refuses and points to the phone.
    const tomorrow = await owner.post('/api/appointments', {
      clientId: clientA,
      therapistId: ownerId,
      start: '2026-11-26T09:00:00-05:00',
      durationMinutes: 60,
    });
    const late = await portalA.post(`/api/portal/appointments/${tomorrow.body.id}/cancel`, {
      reason: 'Sick',
    });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('24 hours');
  });

  it('takes the intake and the plan’s questionnaire, scored, and shows them to the therapist', async () => {
    const forms = await portalA.get(`/api/portal/clients/${clientA}/forms`);
    expect(forms.body.intake.due).toBe(true);
    expect(forms.body.questionnaires).toEqual([
      expect.objectContaining({ instrumentId: 'ndi', lastSubmittedAt: null }),
    ]);
    const history = { ...emptyHealthHistory(), medications: [{ name: 'Warfarin 5 mg' }] };
    const intake = await portalA.post(`/api/portal/clients/${clientA}/intake`, { healthHistory: history });
    expect(intake.status, intake.text).toBe(201);
    expect(JSON.stringify(intake.body.score)).toMatch(/blood-thinning/i);
    const bad = await portalA.post(`/api/portal/clients/${clientA}/questionnaires`, {
      instrumentId: 'ndi',
      answers: [9, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('answers[0]');
    const ndi = await portalA.post(`/api/portal/clients/${clientA}/questionnaires`, {
      instrumentId: 'ndi',
      answers: [2, 2, 2, 2, 2, 1, 1, 1, 1, 1],
    });
    expect(ndi.status).toBe(201);
    expect(ndi.body.score).toMatchObject({ valid: true, score: 30 });
    expect(ndi.body.episodeId).toBe(episodeA);

    const seen = await owner.get(`/api/clients/${clientA}/submissions`);
    expect(seen.body.items.map((s: { kind: string }) => s.kind)).toEqual(['outcome_measure', 'intake']);
    expect(seen.body.items[0].submittedByName).toBe('Ana Pereira');
    const reviewed = await owner.post(`/api/submissions/${seen.body.items[0].id}/review`);
    expect(reviewed.body.reviewedAt).not.toBeNull();
    expect((await portalA.get(`/api/portal/clients/${clientA}/forms`)).body.intake.due).toBe(false);
  });

  it('signs in by password, by a one-time email link, and with TOTP once it is on', async () => {
    const wrong = await t
      .agent()
      .post('/api/portal/login', { email: 'bruno@example.org', password: 'wrong one' });
    expect(wrong.status).toBe(401);
    const byPassword = t.agent();
    expect(
      (
        await byPassword.post('/api/portal/login', {
          email: 'bruno@example.org',
          password: 'a long portal passphrase',
        })
      ).status,
    ).toBe(200);
    expect((await byPassword.post('/api/portal/logout')).status).toBe(204);
    expect((await byPassword.get('/api/portal/me')).status).toBe(401);

    expect((await t.agent().post('/api/portal/sign-in-link', { email: 'nobody@example.org' })).status).toBe(
      202,
    );
    expect((await t.agent().post('/api/portal/sign-in-link', { email: 'bruno@example.org' })).status).toBe(
      202,
    );
    const outbox = await owner.get('/api/outbox');
    const link = outbox.body.items.find((m: { kind: string }) => m.kind === 'sign_in_link');
    expect(link.to).toBe('bruno@example.org');
    const token = link.body.match(/\/portal\/link\/(\S+)/)[1];
    const viaLink = t.agent();
    expect((await viaLink.post('/api/portal/sign-in-link/redeem', { token })).status).toBe(200);
    expect((await viaLink.get('/api/portal/me')).body.account.email).toBe('bruno@example.org');
    expect((await t.agent().post('/api/portal/sign-in-link/redeem', { token })).status).toBe(404);

    const setup = await viaLink.post('/api/portal/totp/setup');
    const code = await totpCodeAt(setup.body.secret, t.clock.now());
    expect((await viaLink.post('/api/portal/totp/enable', { code })).status).toBe(200);
    const needsCode = await t.agent().post('/api/portal/login', {
      email: 'bruno@example.org',
      password: 'a long portal passphrase',
    });
    expect(needsCode.status).toBe(401);
    const withCode = await t.agent().post('/api/portal/login', {
      email: 'bruno@example.org',
      password: 'a long portal passphrase',
      totpCode: await totpCodeAt(setup.body.secret, t.clock.now()),
    });
    expect(withCode.status).toBe(200);
  });

  it('gives the client their home-care advice, statement and superbill — and nobody else’s', async () => {
    await signedNote(owner, episodeA, '2026-11-20', {
      homeCare: 'Heat 15 minutes twice a day; chin tucks 3 × 10.',
    });
    const advice = await portalA.get(`/api/portal/clients/${clientA}/home-care`);
    expect(advice.body.items).toEqual([
      { date: '2026-11-20', text: 'Heat 15 minutes twice a day; chin tucks 3 × 10.' },
    ]);
    expect((await portalB.get(`/api/portal/clients/${clientA}/home-care`)).status).toBe(404);
    const statement = await t.app.request(`http://palpa.test/api/portal/clients/${clientA}/statement.pdf`, {
      headers: { cookie: portalA.cookie! },
    });
    expect(statement.status).toBe(200);
    expect(statement.headers.get('content-type')).toBe('application/pdf');
    const text = (await extractPdfPages(new Uint8Array(await statement.arrayBuffer()))).join('\n');
    expect(text).toContain('Ana Pereira');
    expect((await portalB.get(`/api/portal/clients/${clientA}/statement.pdf`)).status).toBe(404);
    // No self-pay visit was charged yet: the superbill says so.
    expect((await portalA.get(`/api/portal/clients/${clientA}/superbill.pdf`)).status).toBe(409);
  });
});
