import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type Agent, type TestContext } from '../../../tests/support/test-app.js';
import { totpCodeAt } from './index.js';

describe('sign-in, sessions, lockout and two-factor', () => {
  let t: TestContext;
  let owner: Agent;
  let ownerEmail: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner, email: ownerEmail } = await t.setupClinic());
  });
  afterAll(() => t.dispose());

  it('signs in with an HttpOnly SameSite=Lax cookie (not Secure over plain HTTP) and signs out', async () => {
    const me = t.agent();
    const res = await me.post('/api/auth/login', { email: ownerEmail.toUpperCase(), password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      email: ownerEmail,
      role: 'owner',
      permissions: expect.arrayContaining(['clients:read']),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await me.get('/api/auth/session')).status).toBe(200);
    const stolen = me.cookie;
    expect((await me.post('/api/auth/logout')).status).toBe(204);
    const replay = t.agent();
    replay.cookie = stolen;
    expect((await replay.get('/api/auth/session')).status).toBe(401);
  });

  it('marks the cookie Secure when Palpa is served over HTTPS', async () => {
    const https = await createTestApp({ publicUrl: 'https://clinic.example.org' });
    try {
      const res = await https.agent().post('/api/setup', {
        clinicName: 'S',
        ownerName: 'S',
        email: 'secure@example.org',
        password: PASSWORD,
      });
      expect(res.headers.get('set-cookie')).toMatch(/Secure/);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
    } finally {
      await https.dispose();
    }
  });

  it('rejects a wrong password with 401 and the same message as an unknown email', async () => {
    const wrong = await t
      .agent()
      .post('/api/auth/login', { email: ownerEmail, password: 'not the password' });
    const unknown = await t
      .agent()
      .post('/api/auth/login', { email: 'nobody@example.org', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('slows repeated failures, then locks the account, then lets it in after the lock', async () => {
    const slow = await createTestApp({
      loginThrottle: { maxFailures: 5, lockMinutes: 15, baseDelayMs: 100, maxDelayMs: 1000 },
    });
    try {
      const { email } = await slow.setupClinic();
      const attempt = (password: string) => slow.agent().post('/api/auth/login', { email, password });
      for (let i = 0; i < 4; i++) expect((await attempt('wrong password!')).status).toBe(401);
      expect(slow.sleeps).toEqual([100, 200, 400, 800]);
      const lockedNow = await attempt('wrong password!');
      expect(lockedNow.status).toBe(429);
      expect(lockedNow.body.code).toBe('account_locked');

      // Even the right password is refused while the lock lasts.
      const locked = await attempt(PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ code: 'account_locked', retryAt: '2026-11-25T15:15:00.000Z' });

      slow.clock.advance(14 * 60_000);
      expect((await attempt(PASSWORD)).status).toBe(429);
      slow.clock.advance(61_000);
      expect((await attempt(PASSWORD)).status).toBe(200);
      // A success clears the count.
      expect((await attempt('wrong password!')).status).toBe(401);
      expect(slow.sleeps.at(-1)).toBe(100);
    } finally {
      await slow.dispose();
    }
  });

  it('ends a session after 30 minutes without activity, but not while it is used', async () => {
    const me = t.agent();
    await me.post('/api/auth/login', { email: ownerEmail, password: PASSWORD });
    t.clock.advance(20 * 60_000);
    expect((await me.get('/api/auth/session')).status).toBe(200);
    t.clock.advance(20 * 60_000);
    expect((await me.get('/api/auth/session')).status).toBe(200);
    t.clock.advance(31 * 60_000);
    const expired = await me.get('/api/clients');
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toContain('30 minutes without activity');
  });

  it('sets up TOTP, then requires the code at sign-in', async () => {
    expect((await owner.post('/api/auth/login', { email: ownerEmail, password: PASSWORD })).status).toBe(200);
    const { agent: therapist, email } = await t.addStaff(owner, 'therapist', 'Theo Rapist');
    const setup = await therapist.post('/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Palpa:/);
    expect(setup.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const secret: string = setup.body.secret;

    expect((await therapist.post('/api/auth/totp/enable', { code: '000000' })).status).toBe(400);
    const enabled = await therapist.post('/api/auth/totp/enable', {
      code: await totpCodeAt(secret, t.clock.now()),
    });
    expect(enabled.status).toBe(200);
    expect(enabled.body.user.totpEnabled).toBe(true);

    const withoutCode = await t.agent().post('/api/auth/login', { email, password: PASSWORD });
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body.code).toBe('totp_required');
    const wrongCode = await t
      .agent()
      .post('/api/auth/login', { email, password: PASSWORD, totpCode: '123456' });
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.body.code).toBe('unauthenticated');
    t.clock.advance(90_000);
    const staleCode = await t.agent().post('/api/auth/login', {
      email,
      password: PASSWORD,
      totpCode: await totpCodeAt(secret, new Date(t.clock.now().getTime() - 90_000)),
    });
    expect(staleCode.status).toBe(401);
    const ok = await t.agent().post('/api/auth/login', {
      email,
      password: PASSWORD,
      totpCode: await totpCodeAt(secret, t.clock.now()),
    });
    expect(ok.status).toBe(200);

    const fresh = t.agent();
    fresh.cookie = ok.headers.get('set-cookie')?.split(';')[0];
    expect((await fresh.post('/api/auth/totp/disable', { password: PASSWORD })).body.user.totpEnabled).toBe(
      false,
    );
    expect((await t.agent().post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
  });
});
