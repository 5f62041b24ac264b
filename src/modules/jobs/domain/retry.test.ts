import { describe, expect, it } from 'vitest';
import { periodicSlot, retryDelayMs } from './retry.js';

describe('job retries and periodic slots', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [8, 3_600_000],
    [30, 3_600_000],
  ])('attempt %i waits %i ms', (attempt, ms) => expect(retryDelayMs(attempt)).toBe(ms));

  it('gives every process the same slot for the same period', () => {
    const a = periodicSlot(new Date('2026-11-26T10:02:10Z'), 5 * 60_000);
    const b = periodicSlot(new Date('2026-11-26T10:04:59Z'), 5 * 60_000);
    expect(a).toEqual(b);
    expect(a.runAt.toISOString()).toBe('2026-11-26T10:00:00.000Z');
    expect(periodicSlot(new Date('2026-11-26T10:05:00Z'), 5 * 60_000).key).toBe(a.key + 1);
  });
});
