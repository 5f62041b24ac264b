import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, uniqueEmail, type TestContext } from '../../../tests/support/test-app.js';

describe('first-run setup, sign-up and health', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());

  it('reports the database backend in /api/health', async () => {
    const res = await t.agent().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: t.database.kind });
  });

  it('sets up once (201) and refuses every later setup (409)', async () => {
    const visitor = t.agent();
    expect((await visitor.get('/api/setup')).body).toEqual({ setupRequired: true });

    const body = {
      clinicName: 'Riverside',
      ownerName: 'Ana Silva',
      email: uniqueEmail('first'),
      password: PASSWORD,
    };
    const first = await visitor.post('/api/setup', body);
    expect(first.status).toBe(201);
    expect(first.body.clinic.name).toBe('Riverside');
    expect(first.body.user.role).toBe('owner');
    expect(first.headers.get('set-cookie')).toMatch(/palpa_session=.+; Path=\/; HttpOnly; SameSite=Lax/);

    const second = await t.agent().post('/api/setup', { ...body, email: uniqueEmail('second') });
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    expect(second.body).toMatchObject({ status: 409, code: 'already_set_up' });
    expect((await visitor.get('/api/setup')).body).toEqual({ setupRequired: false });
  });

  it('lets one setup win when two race', async () => {
    const fresh = await createTestApp();
    try {
      const attempt = (n: number) =>
        fresh.agent().post('/api/setup', {
          clinicName: `Race ${n}`,
          ownerName: 'Racer',
          email: uniqueEmail(`race${n}`),
          password: PASSWORD,
        });
      const statuses = (await Promise.all([attempt(1), attempt(2)])).map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
    } finally {
      await fresh.dispose();
    }
  });

  it('creates another clinic with PALPA_OPEN_SIGNUP, and answers 404 without it', async () => {
    const created = await t.signupClinic('Harbour');
    expect(created.clinicId).toMatch(/[0-9a-f-]{36}/);
    const closed = await createTestApp({ openSignup: false });
    try {
      const res = await closed.agent().post('/api/signup', {
        clinicName: 'X',
        ownerName: 'Y',
        email: uniqueEmail('x'),
        password: PASSWORD,
      });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    } finally {
      await closed.dispose();
    }
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const email = uniqueEmail('dupe');
    await t.agent().post('/api/signup', { clinicName: 'A', ownerName: 'A', email, password: PASSWORD });
    const res = await t.agent().post('/api/signup', {
      clinicName: 'B',
      ownerName: 'B',
      email: email.toUpperCase(),
      password: PASSWORD,
    });
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([
      { path: 'email', message: 'An account with this email already exists.' },
    ]);
  });

  it('serves the OpenAPI document with the contract routes', async () => {
    const res = await t.agent().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/health',
      '/api/setup',
      '/api/signup',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/clients',
      '/api/clients/{id}',
    ]) {
      expect(Object.keys(res.body.paths)).toContain(path);
    }
    expect(Object.keys(res.body.paths['/api/clients/{id}'])).toEqual(
      expect.arrayContaining(['get', 'patch']),
    );
  });
});
