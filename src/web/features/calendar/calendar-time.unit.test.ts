import { describe, expect, it } from 'vitest';
import { blockDays } from './calendar-time.js';

describe('blockDays: a block on the calendar, split by day in the clinic zone', () => {
  it.each([
    {
      name: 'a lunch hour',
      block: { start: '2026-12-01T12:00:00-06:00', end: '2026-12-01T13:00:00-06:00' },
      parts: [{ date: '2026-12-01', startMinute: 720, endMinute: 780 }],
    },
    {
      name: 'a holiday over two whole days',
      block: { start: '2026-12-24T00:00:00-06:00', end: '2026-12-26T00:00:00-06:00' },
      parts: [
        { date: '2026-12-24', startMinute: 0, endMinute: 1440 },
        { date: '2026-12-25', startMinute: 0, endMinute: 1440 },
      ],
    },
    {
      name: 'a course from Friday noon to Saturday 15:00, given in UTC',
      block: { start: '2026-12-04T18:00:00Z', end: '2026-12-05T21:00:00Z' },
      parts: [
        { date: '2026-12-04', startMinute: 720, endMinute: 1440 },
        { date: '2026-12-05', startMinute: 0, endMinute: 900 },
      ],
    },
  ])('$name', ({ block, parts }) => {
    expect(blockDays(block, 'America/Chicago')).toEqual(parts);
  });
});
