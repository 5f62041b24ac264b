import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';

/** Clinic B must never see or touch clinic A's clients, whatever route it tries (issue 2, item 6). */
describe('tenant isolation of client routes', () => {
  let t: TestContext;
  let ownerA: Agent;
  let ownerB: Agent;
  let clientOfA: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner: ownerA } = await t.setupClinic('Clinic A'));
    ({ owner: ownerB } = await t.signupClinic('Clinic B'));
    clientOfA = await t.createClient(ownerA, {
      givenName: 'Private',
      familyName: 'Person',
      phone: '555-123-9876',
    });
  });
  afterAll(() => t.dispose());

  it.each([
    ['GET', ''],
    ['PATCH', ''],
    ['POST', '/archive'],
    ['POST', '/restore'],
  ])('%s /api/clients/{id}%s of another clinic answers 404 without data', async (method, suffix) => {
    const res = await ownerB.request(
      method,
      `/api/clients/${clientOfA.id}${suffix}`,
      method === 'GET' ? {} : { json: method === 'PATCH' ? { givenName: 'Hijacked' } : {} },
    );
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('Private');
  });

  it('search never lists another clinic’s clients', async () => {
    for (const q of ['Private Person', 'Privat', '555-123-9876', '']) {
      const res = await ownerB.get(`/api/clients?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((c: { id: string }) => c.id)).not.toContain(clientOfA.id);
    }
  });

  it('leaves the client untouched after the attempts', async () => {
    const res = await ownerA.get(`/api/clients/${clientOfA.id}`);
    expect(res.body).toMatchObject({ givenName: 'Private', version: 1, archived: false });
  });

  it("cannot change another clinic's staff or invitations", async () => {
    const staffA = (await ownerA.get('/api/staff')).body.items[0];
    const patch = await ownerB.patch(`/api/staff/${staffA.id}`, { role: 'biller', version: staffA.version });
    expect(patch.status).toBe(404);
    const invitation = await ownerA.post('/api/staff/invitations', {
      email: 'inv-a@example.org',
      name: 'Inv A',
      role: 'therapist',
    });
    expect((await ownerB.delete(`/api/staff/invitations/${invitation.body.id}`)).status).toBe(404);
    const stillPending = (await ownerA.get('/api/staff/invitations')).body.items.find(
      (i: { id: string }) => i.id === invitation.body.id,
    );
    expect(stillPending.status).toBe('pending');
    expect((await ownerA.get('/api/staff')).body.items[0]).toMatchObject({ id: staffA.id, role: 'owner' });
  });

  it("keeps each clinic's audit log and staff list to itself", async () => {
    const audit = await ownerB.get(`/api/audit?clientId=${clientOfA.id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items).toEqual([]);
    const staffB = await ownerB.get('/api/staff');
    expect(staffB.body.items.map((s: { name: string }) => s.name)).toEqual(['Bea Owens']);
  });
});
