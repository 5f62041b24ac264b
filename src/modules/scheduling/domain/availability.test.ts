import { describe, expect, it } from 'vitest';
import {
  availableSlots,
  withinWorkingHours,
  workingHoursProblems,
  type WorkingInterval,
} from './availability.js';

const NY = 'America/New_York';
const HOURS: WorkingInterval[] = [
  { therapistId: 't1', weekday: 1, startTime: '09:00', endTime: '12:00' },
  { therapistId: 't1', weekday: 1, startTime: '13:00', endTime: '15:00' },
];

describe('availableSlots', () => {
  const monday = { from: new Date('2026-11-02T00:00:00-05:00'), to: new Date('2026-11-03T00:00:00-05:00') };

  it('offers starts on the grid inside working hours, skipping the lunch break', () => {
    const slots = availableSlots({
      therapistIds: ['t1'],
      hours: HOURS,
      busy: [],
      ...monday,
      zone: NY,
      durationMinutes: 60,
      bufferMinutes: 0,
      stepMinutes: 60,
    });
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      '2026-11-02T14:00:00.000Z',
      '2026-11-02T15:00:00.000Z',
      '2026-11-02T16:00:00.000Z',
      '2026-11-02T18:00:00.000Z',
      '2026-11-02T19:00:00.000Z',
    ]);
  });

  it('keeps the buffer of the new visit and of existing ones clear, and honours blocked time', () => {
    const slots = availableSlots({
      therapistIds: ['t1'],
      hours: HOURS,
      // 10:00–11:00 visit held until 11:15 by its buffer; the clinic closed 14:00–15:00.
      busy: [
        { therapistId: 't1', start: new Date('2026-11-02T15:00:00Z'), end: new Date('2026-11-02T16:15:00Z') },
        { therapistId: null, start: new Date('2026-11-02T19:00:00Z'), end: new Date('2026-11-02T20:00:00Z') },
      ],
      ...monday,
      zone: NY,
      durationMinutes: 45,
      bufferMinutes: 15,
      stepMinutes: 15,
    });
    const local = slots.map((s) =>
      new Date(s.start).toLocaleTimeString('en-GB', { timeZone: NY, hour: '2-digit', minute: '2-digit' }),
    );
    // 09:00 fits (ends 09:45 + 15 = 10:00); 09:15 would run its buffer into the 10:00 visit.
    expect(local).toEqual(['09:00', '11:15', '13:00']);
  });

  it('never offers a time already past', () => {
    const slots = availableSlots({
      therapistIds: ['t1'],
      hours: HOURS,
      busy: [],
      ...monday,
      zone: NY,
      durationMinutes: 60,
      bufferMinutes: 0,
      notBefore: new Date('2026-11-02T18:30:00Z'),
    });
    expect(slots[0]!.start.toISOString()).toBe('2026-11-02T18:30:00.000Z');
  });
});

describe('working hours', () => {
  it('finds reversed and overlapping intervals', () => {
    expect(
      workingHoursProblems([
        { weekday: 2, startTime: '12:00', endTime: '09:00' },
        { weekday: 3, startTime: '09:00', endTime: '12:00' },
        { weekday: 3, startTime: '11:00', endTime: '14:00' },
      ]),
    ).toEqual(['Interval 1 (Tuesday) ends before it starts.', 'Two intervals overlap on Wednesday.']);
  });

  it('tells whether a visit lies inside the hours', () => {
    expect(
      withinWorkingHours(HOURS, 't1', new Date('2026-11-02T14:00:00Z'), new Date('2026-11-02T15:00:00Z'), NY),
    ).toBe(true);
    expect(
      withinWorkingHours(HOURS, 't1', new Date('2026-11-02T16:30:00Z'), new Date('2026-11-02T17:30:00Z'), NY),
    ).toBe(false);
  });
});
