import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../tests/support/test-database.js';
import { createTestApp, type Agent, type TestContext } from '../../../tests/support/test-app.js';

describe('audit log', () => {
  let t: TestContext;
  let owner: Agent;
  let therapist: { agent: Agent; id: string };
  let clientId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
    therapist = await t.addStaff(owner, 'therapist', 'Theo Rapist');
    clientId = (await t.createClient(therapist.agent, { givenName: 'Audited', familyName: 'Person' })).id;
    await therapist.agent.get(`/api/clients/${clientId}`);
    await therapist.agent.patch(`/api/clients/${clientId}`, { phone: '555-444-3333', version: 1 });
    await therapist.agent.get('/api/clients?q=Audited');
  });
  afterAll(() => t.dispose());

  it('records every read and write of a client: who, when, what, which client, from which IP', async () => {
    const res = await owner.get(`/api/audit?clientId=${clientId}`);
    expect(res.status).toBe(200);
    const events = res.body.items as Array<Record<string, any>>;
    expect(events.map((e) => e.action)).toEqual([
      'client.listed',
      'client.updated',
      'client.read',
      'client.created',
    ]);
    for (const event of events) {
      expect(event).toMatchObject({
        actorUserId: therapist.id,
        actorName: 'Theo Rapist',
        clientIds: [clientId],
      });
      expect(event.occurredAt).toBe('2026-11-25T15:00:00.000Z');
    }
    expect(events[1]?.detail).toEqual({ fields: ['phone'] });
    // Values never reach the log, only field names.
    expect(JSON.stringify(events)).not.toContain('555-444-3333');
    expect(JSON.stringify(events)).not.toContain('Audited');
  });

  it('filters by user, and records its own reading', async () => {
    const res = await owner.get(`/api/audit?userId=${therapist.id}`);
    expect(res.body.items.every((e: { actorUserId: string }) => e.actorUserId === therapist.id)).toBe(true);
    expect(res.body.items.map((e: { action: string }) => e.action)).toContain('staff.joined');
    const own = await owner.get('/api/audit?limit=5');
    expect(own.body.items[0].action).toBe('audit.read');
  });

  it.each([
    ['UPDATE', sql`update audit_log set action = 'tampered'`],
    ['DELETE', sql`delete from audit_log`],
    ['TRUNCATE', sql`truncate audit_log`],
  ])('refuses %s in the database itself', async (_op, statement) => {
    const error = await t.database.db.execute(statement).then(
      () => undefined,
      (err: Error & { cause?: Error }) => err,
    );
    expect(error?.cause?.message ?? error?.message).toMatch(/audit_log is append-only/);
    expect(
      await queryRows(t.database, sql`select count(*)::int as n from audit_log where action = 'tampered'`),
    ).toEqual([{ n: 0 }]);
    const [total] = await queryRows<{ n: number }>(t.database, sql`select count(*)::int as n from audit_log`);
    expect(total!.n).toBeGreaterThan(5);
  });
});
