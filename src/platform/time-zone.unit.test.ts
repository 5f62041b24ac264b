import { describe, expect, it } from 'vitest';
import { calendarDateIn, formatClinicDateTime } from './time-zone.js';

describe('clinic time zone', () => {
  it.each([
    ['America/New_York', '2026-11-26T03:30:00Z', '2026-11-25'],
    ['Europe/Berlin', '2026-11-25T23:30:00Z', '2026-11-26'],
    ['Pacific/Honolulu', '2026-11-26T09:00:00Z', '2026-11-25'],
  ])('the date in %s at %s is %s', (zone, instant, date) => {
    expect(calendarDateIn(zone, new Date(instant))).toBe(date);
  });

  it('formats times for messages in the clinic zone, with daylight saving', () => {
    expect(formatClinicDateTime('America/New_York', new Date('2026-11-25T21:12:00Z'))).toBe(
      'Nov 25, 2026, 4:12 PM EST',
    );
    expect(formatClinicDateTime('America/New_York', new Date('2026-07-01T16:00:00Z'))).toBe(
      'Jul 1, 2026, 12:00 PM EDT',
    );
  });
});
