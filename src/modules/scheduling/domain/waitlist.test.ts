import { describe, expect, it } from 'vitest';
import { offersFor, slotSuits, type WaitlistWish } from './waitlist.js';

const NY = 'America/New_York';
const wish = (over: Partial<WaitlistWish>): WaitlistWish => ({
  id: 'w',
  clientId: 'c1',
  therapistId: null,
  serviceId: null,
  earliest: '2026-12-01',
  latest: '2026-12-31',
  weekdays: [],
  fromTime: null,
  toTime: null,
  createdAt: new Date('2026-11-20T00:00:00Z'),
  ...over,
});
// Tuesday Dec 1, 2026, 10:00–11:00 in New York.
const slot = {
  therapistId: 't1',
  serviceId: 's1',
  start: new Date('2026-12-01T15:00:00Z'),
  end: new Date('2026-12-01T16:00:00Z'),
};

describe('waitlist matching', () => {
  it.each([
    ['any time', {}, true],
    ['another therapist', { therapistId: 't2' }, false],
    ['the same therapist', { therapistId: 't1' }, true],
    ['another service', { serviceId: 's2' }, false],
    ['dates that end before', { latest: '2026-11-30' }, false],
    ['Tuesdays and Thursdays', { weekdays: [2, 4] }, true],
    ['Mondays only', { weekdays: [1] }, false],
    ['mornings 09:00–12:00', { fromTime: '09:00', toTime: '12:00' }, true],
    ['afternoons from 13:00', { fromTime: '13:00' }, false],
    ['until 10:30', { toTime: '10:30' }, false],
  ])('%s', (_, over, expected) => {
    expect(slotSuits(wish(over), slot, NY)).toBe(expected);
  });

  it('offers the slot to the oldest suitable wishes, never to the client who freed it', () => {
    const wishes = [
      wish({ id: 'late', clientId: 'c2', createdAt: new Date('2026-11-22T00:00:00Z') }),
      wish({ id: 'early', clientId: 'c3', createdAt: new Date('2026-11-10T00:00:00Z') }),
      wish({ id: 'own', clientId: 'c1', createdAt: new Date('2026-11-01T00:00:00Z') }),
      wish({ id: 'monday', clientId: 'c4', weekdays: [1] }),
    ];
    expect(offersFor(wishes, { ...slot, freedByClientId: 'c1' }, NY).map((w) => w.id)).toEqual([
      'early',
      'late',
    ]);
  });
});
