import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';

describe('clients API', () => {
  let t: TestContext;
  let owner: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
  });
  afterAll(() => t.dispose());

  it('adds a client with the required fields and returns its id, version and ETag', async () => {
    const res = await owner.post('/api/clients', {
      givenName: 'Ana',
      familyName: 'Silva',
      dateOfBirth: '1990-07-01',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      givenName: 'Ana',
      familyName: 'Silva',
      dateOfBirth: '1990-07-01',
      version: 1,
      archived: false,
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('etag')).toBe('"1"');
    const read = await owner.get(`/api/clients/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it('stores every field, and clears an optional one with null', async () => {
    const full = {
      givenName: 'Margaret',
      familyName: 'Okafor',
      preferredName: 'Peggy',
      dateOfBirth: '1961-02-28',
      sex: 'female',
      genderIdentity: 'woman',
      pronouns: 'she/her',
      phone: '(555) 201-3344',
      email: 'peggy@example.org',
      address: { line1: '12 Elm St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
      emergencyContact: { name: 'Tom Okafor', relationship: 'spouse', phone: '555-201-9999' },
      preferredContactMethod: 'sms',
      notes: 'Prefers afternoon appointments.',
    };
    const created = await owner.post('/api/clients', full);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(full);
    const cleared = await owner.patch(`/api/clients/${created.body.id}`, { preferredName: null, version: 1 });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ preferredName: null, version: 2, givenName: 'Margaret' });
  });

  it.each([
    { body: { givenName: 'A', familyName: 'B' }, path: 'dateOfBirth' },
    {
      body: { givenName: 'A', familyName: 'B', dateOfBirth: '2099-01-01' },
      path: 'dateOfBirth',
      message: 'Date of birth cannot be in the future.',
    },
    {
      body: { givenName: 'A', familyName: 'B', dateOfBirth: '1985-02-30' },
      path: 'dateOfBirth',
      message: 'This date does not exist.',
    },
    {
      body: { givenName: 'A', familyName: 'B', dateOfBirth: '14/03/1985' },
      path: 'dateOfBirth',
      message: 'Use the format YYYY-MM-DD.',
    },
    {
      body: { givenName: 'A', familyName: 'B', dateOfBirth: '1985-03-14', email: 'not-an-email' },
      path: 'email',
    },
    { body: { givenName: '  ', familyName: 'B', dateOfBirth: '1985-03-14' }, path: 'givenName' },
    { body: { givenName: 'A', familyName: 'B', dateOfBirth: '1985-03-14', phone: '12' }, path: 'phone' },
    {
      body: { givenName: 'A', familyName: 'B', dateOfBirth: '1985-03-14', address: { line1: 'x' } },
      path: 'address.city',
    },
    {
      body: { givenName: 'A', familyName: 'B', dateOfBirth: '1985-03-14', shoeSize: 42 },
      path: 'shoeSize',
      message: 'Unknown field "shoeSize".',
    },
  ])('rejects invalid input naming the field $path', async ({ body, path, message }) => {
    const res = await owner.post('/api/clients', body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      status: 400,
      code: 'validation',
      title: expect.any(String),
      detail: expect.any(String),
    });
    const error = (res.body.errors as Array<{ path: string; message: string }>).find((e) => e.path === path);
    expect(error, JSON.stringify(res.body.errors)).toBeDefined();
    if (message) expect(error?.message).toBe(message);
  });

  it("judges a date of birth in the future by the clinic's own calendar date", async () => {
    const late = await createTestApp();
    try {
      // 03:00 UTC on Nov 26 is still Nov 25 in New York.
      late.clock.set(new Date('2026-11-26T03:00:00Z'));
      const { owner: lateOwner } = await late.setupClinic();
      const tomorrow = await lateOwner.post('/api/clients', {
        givenName: 'A',
        familyName: 'B',
        dateOfBirth: '2026-11-26',
      });
      expect(tomorrow.status).toBe(400);
      expect(tomorrow.body.errors).toEqual([
        { path: 'dateOfBirth', message: 'Date of birth cannot be in the future.' },
      ]);
      const today = await lateOwner.post('/api/clients', {
        givenName: 'A',
        familyName: 'B',
        dateOfBirth: '2026-11-25',
      });
      expect(today.status).toBe(201);
    } finally {
      await late.dispose();
    }
  });

  it('answers 400 to malformed JSON and 413 to a body over 1 MB', async () => {
    const malformed = await owner.request('POST', '/api/clients', {
      body: '{"givenName": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ status: 400, code: 'malformed_request' });
    const huge = await owner.post('/api/clients', {
      givenName: 'A',
      familyName: 'B',
      dateOfBirth: '1985-03-14',
      notes: 'x'.repeat(1_100_000),
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('answers 401 without a session and 404 for an unknown id', async () => {
    const anonymous = await t.agent().get('/api/clients');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('unauthenticated');
    const missing = await owner.get('/api/clients/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    const badId = await owner.get('/api/clients/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].path).toBe('path.id');
  });

  describe('search', () => {
    beforeAll(async () => {
      const people = [
        {
          givenName: 'Margaret',
          familyName: 'Smith',
          dateOfBirth: '1972-05-09',
          phone: '(555) 867-5309',
          email: 'msmith@example.org',
        },
        { givenName: 'Jonathan', familyName: 'Reyes', dateOfBirth: '1988-11-23', phone: '555-222-1000' },
        {
          givenName: 'Siobhan',
          familyName: "O'Connell",
          dateOfBirth: '1995-01-17',
          email: 'siobhan@example.net',
        },
        { givenName: 'Wei', familyName: 'Zhang', preferredName: 'Vivian', dateOfBirth: '1979-08-30' },
      ];
      for (const person of people) await t.createClient(owner, person);
    });

    const names = (res: { body: { items: Array<{ givenName: string; familyName: string }> } }) =>
      res.body.items.map((c) => `${c.givenName} ${c.familyName}`);

    it.each([
      { q: 'Margret Smiht', expected: 'Margaret Smith' },
      { q: 'smith', expected: 'Margaret Smith' },
      { q: 'Jonathon Reyez', expected: 'Jonathan Reyes' },
      { q: 'Shiobhan', expected: "Siobhan O'Connell" },
      { q: 'vivian', expected: 'Wei Zhang' },
      { q: '867-5309', expected: 'Margaret Smith' },
      { q: '5558675309', expected: 'Margaret Smith' },
      { q: '1988-11-23', expected: 'Jonathan Reyes' },
      { q: '11/23/1988', expected: 'Jonathan Reyes' },
      { q: 'siobhan@example', expected: "Siobhan O'Connell" },
      { q: 'MSMITH@', expected: 'Margaret Smith' },
    ])('finds "$expected" from "$q" first', async ({ q, expected }) => {
      const res = await owner.get(`/api/clients?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(names(res)[0]).toBe(expected);
    });

    it('does not match unrelated names', async () => {
      const res = await owner.get(`/api/clients?q=${encodeURIComponent('Zebulon Quartermaine')}`);
      expect(res.body.items).toEqual([]);
    });

    it('pages with limit and nextOffset', async () => {
      const first = await owner.get('/api/clients?limit=2');
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextOffset).toBe(2);
      const rejected = await owner.get('/api/clients?limit=1000');
      expect(rejected.status).toBe(400);
      expect(rejected.body.errors[0].path).toBe('query.limit');
    });
  });

  it('archives and restores; archived clients leave the default search but are never deleted', async () => {
    const client = await t.createClient(owner, { givenName: 'Archie', familyName: 'Vault' });
    const archived = await owner.post(`/api/clients/${client.id}/archive`, { version: 1 });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ archived: true, version: 2 });
    expect((await owner.get('/api/clients?q=Archie%20Vault')).body.items).toEqual([]);
    expect((await owner.get('/api/clients?q=Archie%20Vault&archived=only')).body.items).toHaveLength(1);
    expect((await owner.get(`/api/clients/${client.id}`)).status).toBe(200);
    const restored = await owner.post(`/api/clients/${client.id}/restore`, { version: 2 });
    expect(restored.body).toMatchObject({ archived: false, version: 3 });
    expect((await owner.get('/api/clients?q=Archie%20Vault')).body.items).toHaveLength(1);
    expect((await owner.request('DELETE', `/api/clients/${client.id}`)).status).toBe(404);
  });

  describe('concurrent edits', () => {
    it('answers 409 naming who changed the client when the version is stale', async () => {
      const client = await t.createClient(owner);
      const frontDesk = await t.addStaff(owner, 'front_desk', 'Fran Desk');
      const first = await frontDesk.agent.patch(`/api/clients/${client.id}`, {
        phone: '555-000-1111',
        version: 1,
      });
      expect(first.status).toBe(200);
      const stale = await owner.patch(`/api/clients/${client.id}`, { phone: '555-000-2222', version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({
        code: 'version_conflict',
        currentVersion: 2,
        updatedBy: { name: 'Fran Desk' },
      });
      // In the clinic's time zone (America/New_York by default): 15:00 UTC is 10:00 AM EST.
      expect(stale.body.detail).toContain(
        'This client was changed by Fran Desk at Nov 25, 2026, 10:00 AM EST',
      );
      const current = await owner.get(`/api/clients/${client.id}`);
      expect(current.body.phone).toBe('555-000-1111');
    });

    it('accepts the version as If-Match and rejects a stale If-Match', async () => {
      const client = await t.createClient(owner);
      const ok = await owner.patch(
        `/api/clients/${client.id}`,
        { pronouns: 'she/her' },
        { 'if-match': '"1"' },
      );
      expect(ok.status).toBe(200);
      expect(ok.headers.get('etag')).toBe('"2"');
      const stale = await owner.patch(
        `/api/clients/${client.id}`,
        { pronouns: 'they/them' },
        { 'if-match': '"1"' },
      );
      expect(stale.status).toBe(409);
      const malformed = await owner.patch(
        `/api/clients/${client.id}`,
        { pronouns: 'they/them' },
        { 'if-match': 'yesterday' },
      );
      expect(malformed.status).toBe(400);
    });

    it('lets exactly one of two simultaneous edits of the same version win', async () => {
      const client = await t.createClient(owner);
      const results = await Promise.all([
        owner.patch(`/api/clients/${client.id}`, { notes: 'edit A', version: 1 }),
        owner.patch(`/api/clients/${client.id}`, { notes: 'edit B', version: 1 }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    });
  });
});
