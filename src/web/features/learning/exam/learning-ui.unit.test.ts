import { describe, expect, it } from 'vitest';
import { clockInWords, formatClock, formatInterval, percentOf, timeWarning } from './learning-ui.js';

describe('the exam clock and warnings', () => {
  it('shows hours only when there are some', () => {
    expect(formatClock(110 * 60)).toBe('1:50:00');
    expect(formatClock(3599)).toBe('59:59');
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(-3)).toBe('0:00');
  });

  it('says the time in words for screen readers', () => {
    expect(clockInWords(110 * 60)).toBe('1 hour 50 minutes left');
    expect(clockInWords(60)).toBe('1 minute left');
    expect(clockInWords(42)).toBe('42 seconds left');
  });

  it('warns at 10 minutes and at 1 minute left, then the time is up', () => {
    expect(timeWarning(601)).toBe('none');
    expect(timeWarning(600)).toBe('ten');
    expect(timeWarning(61)).toBe('ten');
    expect(timeWarning(60)).toBe('one');
    expect(timeWarning(1)).toBe('one');
    expect(timeWarning(0)).toBe('up');
  });
});

describe('review intervals on the grade buttons', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  const plus = (ms: number) => new Date(now.getTime() + ms).toISOString();
  it('reads like a review app', () => {
    expect(formatInterval(now, plus(20_000))).toBe('1 min');
    expect(formatInterval(now, plus(10 * 60_000))).toBe('10 min');
    expect(formatInterval(now, plus(3 * 3600_000))).toBe('3 hours');
    expect(formatInterval(now, plus(24 * 3600_000))).toBe('1 day');
    expect(formatInterval(now, plus(8 * 86400_000))).toBe('8 days');
    expect(formatInterval(now, plus(92 * 86400_000))).toBe('3 months');
    expect(formatInterval(now, plus(2 * 365 * 86400_000))).toBe('2 years');
  });

  it('rounds a share to a whole percent', () => {
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(0, 0)).toBe(0);
  });
});
