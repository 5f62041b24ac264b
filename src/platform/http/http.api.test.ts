import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { createManualClock } from '../clock.js';
import { openPostgres, type Database } from '../db/database.js';
import { queryRows } from '../../../tests/support/test-database.js';
import {
  Agent,
  createTestApp,
  PASSWORD,
  TEST_START,
  type TestContext,
} from '../../../tests/support/test-app.js';

describe('HTTP safety: headers, origin check, errors', () => {
  let t: TestContext;
  let owner: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await t.setupClinic());
  });
  afterAll(() => t.dispose());

  it('sends security headers and no-store on every API response, errors included', async () => {
    for (const res of [
      await owner.get('/api/clients'),
      await t.agent().get('/api/clients'),
      await t.agent().get('/api/nowhere'),
    ]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('refuses state-changing requests from another site, and allows its own origin', async () => {
    const body = { givenName: 'O', familyName: 'Rigin', dateOfBirth: '1980-01-01' };
    const evil = await owner.post('/api/clients', body, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.body.code).toBe('origin_rejected');
    const crossSite = await owner.post('/api/clients', body, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const same = await owner.post('/api/clients', body, {
      origin: 'http://palpa.test',
      'sec-fetch-site': 'same-origin',
    });
    expect(same.status).toBe(201);
    const login = await t
      .agent()
      .post(
        '/api/auth/login',
        { email: 'x@example.org', password: PASSWORD },
        { origin: 'https://evil.example' },
      );
    expect(login.status).toBe(403);
  });

  it('answers problem+json 404 for unknown API routes', async () => {
    const res = await owner.get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 415 to a form post and 400 to junk JSON, never 500', async () => {
    const form = await owner.request('POST', '/api/clients', {
      body: 'givenName=A',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    for (const [body, type] of [
      ['[]', 'application/json'],
      ['null', 'application/json'],
      ['"text"', 'application/json'],
      ['{"givenName": "\u0000"}', 'application/json'],
    ] as const) {
      const res = await owner.request('POST', '/api/clients', { body, headers: { 'content-type': type } });
      expect(res.status, `${type} ${body}: ${res.text}`).toBe(400);
      expect(res.body.status).toBe(400);
    }
  });

  it('answers 503 and writes nothing when the database fails mid-command', async () => {
    const before = await queryRows(t.database, sql`select count(*)::int as n from clients`);
    // The audit insert fails as if the server went away (SQLSTATE 57P01) after the client row was written.
    await t.database.db.execute(
      sql.raw(`create function fail_audit() returns trigger language plpgsql as $$
        begin raise exception 'terminating connection due to administrator command' using errcode = '57P01'; end $$`),
    );
    await t.database.db.execute(
      sql.raw(
        'create trigger fail_audit before insert on audit_log for each row execute function fail_audit()',
      ),
    );
    try {
      const res = await owner.post('/api/clients', {
        givenName: 'Half',
        familyName: 'Written',
        dateOfBirth: '1980-01-01',
      });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 503, code: 'database_unavailable' });
    } finally {
      await t.database.db.execute(sql.raw('drop trigger fail_audit on audit_log'));
      await t.database.db.execute(sql.raw('drop function fail_audit()'));
    }
    const after = await queryRows(t.database, sql`select count(*)::int as n from clients`);
    expect(after).toEqual(before);
  });

  it('answers 503 when the database cannot be reached at all', async () => {
    const unreachable: Database = openPostgres('postgres://postgres@127.0.0.1:1/none');
    const app = createApp({
      database: unreachable,
      clock: createManualClock(TEST_START),
      logger: pino({ level: 'silent' }),
      sessionIdleMinutes: 30,
      openSignup: false,
    });
    try {
      const visitor = new Agent(app);
      for (const res of [
        await visitor.get('/api/health'),
        await visitor.post('/api/auth/login', { email: 'a@example.org', password: PASSWORD }),
        await visitor.post('/api/setup', {
          clinicName: 'C',
          ownerName: 'O',
          email: 'o@example.org',
          password: PASSWORD,
        }),
      ]) {
        expect(res.status).toBe(503);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
    } finally {
      await unreachable.close();
    }
  });
});
