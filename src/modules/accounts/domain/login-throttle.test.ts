import { describe, expect, it } from 'vitest';
import { checkLoginGate, registerFailedLogin, type LoginThrottlePolicy } from './login-throttle.js';

const policy: LoginThrottlePolicy = { maxFailures: 5, lockMinutes: 15, baseDelayMs: 250, maxDelayMs: 4000 };
const now = new Date('2026-11-25T10:00:00Z');

describe('registerFailedLogin', () => {
  it.each([
    { before: 0, count: 1, delayMs: 250, locked: false },
    { before: 1, count: 2, delayMs: 500, locked: false },
    { before: 2, count: 3, delayMs: 1000, locked: false },
    { before: 3, count: 4, delayMs: 2000, locked: false },
    { before: 4, count: 5, delayMs: 4000, locked: true },
    { before: 9, count: 10, delayMs: 4000, locked: true },
  ])('failure after $before earlier failures → count $count, delay $delayMs ms, locked $locked', (row) => {
    const outcome = registerFailedLogin({ failedLoginCount: row.before, lockedUntil: null }, now, policy);
    expect(outcome.failedLoginCount).toBe(row.count);
    expect(outcome.delayMs).toBe(row.delayMs);
    expect(outcome.lockedNow).toBe(row.locked);
    expect(outcome.lockedUntil?.toISOString() ?? null).toBe(row.locked ? '2026-11-25T10:15:00.000Z' : null);
  });

  it('starts counting afresh once a lock has run out', () => {
    const outcome = registerFailedLogin(
      { failedLoginCount: 5, lockedUntil: new Date('2026-11-25T09:59:00Z') },
      now,
      policy,
    );
    expect(outcome).toMatchObject({ failedLoginCount: 1, lockedNow: false, lockedUntil: null });
  });
});

describe('checkLoginGate', () => {
  it.each([
    { lockedUntil: null, allowed: true },
    { lockedUntil: '2026-11-25T10:00:01Z', allowed: false },
    { lockedUntil: '2026-11-25T10:00:00Z', allowed: true },
    { lockedUntil: '2026-11-25T09:00:00Z', allowed: true },
  ])('locked until $lockedUntil → allowed $allowed', ({ lockedUntil, allowed }) => {
    const gate = checkLoginGate(
      { failedLoginCount: 5, lockedUntil: lockedUntil ? new Date(lockedUntil) : null },
      now,
    );
    expect(gate.allowed).toBe(allowed);
  });
});
