import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';

describe('roles decide who may do what', () => {
  let t: TestContext;
  let owner: Agent;
  const as: Record<string, Agent> = {};
  let clientId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
    as.owner = owner;
    for (const role of ['therapist', 'front_desk', 'biller'] as const)
      as[role] = (await t.addStaff(owner, role)).agent;
    clientId = (await t.createClient(owner)).id;
  });
  afterAll(() => t.dispose());

  const newClient = { givenName: 'Role', familyName: 'Test', dateOfBirth: '1980-01-01' };
  it.each([
    { role: 'owner', method: 'POST', path: '/api/clients', status: 201 },
    { role: 'therapist', method: 'POST', path: '/api/clients', status: 201 },
    { role: 'front_desk', method: 'POST', path: '/api/clients', status: 201 },
    { role: 'biller', method: 'POST', path: '/api/clients', status: 403 },
    { role: 'biller', method: 'GET', path: '/api/clients', status: 200 },
    { role: 'therapist', method: 'POST', path: '/api/clients/{id}/archive', status: 403 },
    { role: 'front_desk', method: 'POST', path: '/api/clients/{id}/archive', status: 200 },
    { role: 'therapist', method: 'GET', path: '/api/audit', status: 403 },
    { role: 'front_desk', method: 'GET', path: '/api/audit', status: 403 },
    { role: 'owner', method: 'GET', path: '/api/audit', status: 200 },
    { role: 'therapist', method: 'POST', path: '/api/staff/invitations', status: 403 },
    { role: 'biller', method: 'GET', path: '/api/staff', status: 200 },
  ])('$role: $method $path → $status', async ({ role, method, path, status }) => {
    const body =
      path === '/api/clients'
        ? newClient
        : path === '/api/staff/invitations'
          ? { email: 'x@example.org', name: 'X', role: 'owner' }
          : {};
    const res = await as[role]!.request(
      method,
      path.replace('{id}', clientId),
      method === 'GET' ? {} : { json: body },
    );
    expect(res.status, res.text).toBe(status);
    if (status === 403)
      expect(res.body).toMatchObject({ code: 'forbidden', requiredPermission: expect.any(String) });
  });

  it('applies a role change at once, and a deactivated account loses its session', async () => {
    const staff = await t.addStaff(owner, 'biller', 'Promoted Biller');
    expect((await staff.agent.post('/api/clients', newClient)).status).toBe(403);
    const list = await owner.get('/api/staff');
    const member = list.body.items.find((s: { id: string }) => s.id === staff.id);
    const promoted = await owner.patch(`/api/staff/${staff.id}`, {
      role: 'front_desk',
      version: member.version,
    });
    expect(promoted.status).toBe(200);
    expect((await staff.agent.post('/api/clients', newClient)).status).toBe(201);
    const deactivated = await owner.patch(`/api/staff/${staff.id}`, {
      active: false,
      version: promoted.body.version,
    });
    expect(deactivated.status).toBe(200);
    expect((await staff.agent.get('/api/clients')).status).toBe(401);
    const login = await t
      .agent()
      .post('/api/auth/login', { email: staff.email, password: 'a long test passphrase' });
    expect(login.status).toBe(401);
  });

  it('keeps at least one active owner', async () => {
    const me = (await owner.get('/api/auth/session')).body.user;
    const list = await owner.get('/api/staff');
    const self = list.body.items.find((s: { id: string }) => s.id === me.id);
    const res = await owner.patch(`/api/staff/${me.id}`, { role: 'therapist', version: self.version });
    expect(res.status).toBe(409);
  });

  it('accepts an invitation once only', async () => {
    const invite = await owner.post('/api/staff/invitations', {
      email: 'once@example.org',
      name: 'Once',
      role: 'therapist',
    });
    const token = String(invite.body.acceptPath).split('/').pop();
    expect((await t.agent().get(`/api/invitations/${token}`)).body).toMatchObject({
      name: 'Once',
      role: 'therapist',
    });
    expect(
      (await t.agent().post('/api/invitations/accept', { token, password: 'a long test passphrase' })).status,
    ).toBe(201);
    expect(
      (await t.agent().post('/api/invitations/accept', { token, password: 'a long test passphrase' })).status,
    ).toBe(404);
  });
});
