import { DateTime } from 'luxon';
import { fromLocal } from './recurrence.js';

/**
 * Real availability (issue 7, item 9): a therapist's working hours, minus appointments with their buffers,
 * minus blocked time. Working hours are wall-clock intervals per weekday in the clinic's zone; a break is
 * the gap between two intervals of one day.
 */
export type WorkingInterval = {
  therapistId: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  startTime: string;
  endTime: string;
};

export type BusyInterval = { therapistId: string | null; start: Date; end: Date };

export type Slot = { therapistId: string; start: Date; end: Date };

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Problems with one therapist's weekly hours: ends before it starts, or two intervals of a day overlap. */
export function workingHoursProblems(intervals: readonly Omit<WorkingInterval, 'therapistId'>[]): string[] {
  const problems: string[] = [];
  intervals.forEach((interval, index) => {
    if (minutesOf(interval.endTime) <= minutesOf(interval.startTime))
      problems.push(`Interval ${index + 1} (${WEEKDAY_NAMES[interval.weekday - 1]}) ends before it starts.`);
  });
  for (let day = 1; day <= 7; day++) {
    const ofDay = intervals
      .filter((i) => i.weekday === day)
      .sort((a, b) => minutesOf(a.startTime) - minutesOf(b.startTime));
    for (let i = 1; i < ofDay.length; i++) {
      const previous = ofDay[i - 1];
      const current = ofDay[i];
      if (previous && current && minutesOf(current.startTime) < minutesOf(previous.endTime))
        problems.push(`Two intervals overlap on ${WEEKDAY_NAMES[day - 1]}.`);
    }
  }
  return problems;
}

/** Whether [start, end) lies inside the therapist's hours on its local day (for a warning when booking). */
export function withinWorkingHours(
  hours: readonly WorkingInterval[],
  therapistId: string,
  start: Date,
  end: Date,
  zone: string,
): boolean {
  const local = DateTime.fromJSDate(start, { zone });
  const date = local.toFormat('yyyy-LL-dd');
  return hours.some((h) => {
    if (h.therapistId !== therapistId || h.weekday !== local.weekday) return false;
    const from = fromLocal({ date, time: h.startTime }, zone).getTime();
    const to = fromLocal({ date, time: h.endTime }, zone).getTime();
    return start.getTime() >= from && end.getTime() <= to;
  });
}

/**
 * Free start times between `from` and `to` for a visit of `durationMinutes` followed by `bufferMinutes`,
 * on a grid of `stepMinutes` from the start of each working interval. The visit must fit the working
 * interval; its buffer must not run into the next appointment (the same rule as the database's constraint)
 * but may run past closing. Busy intervals with `therapistId: null` (clinic-wide closures) block everyone.
 */
export function availableSlots(input: {
  therapistIds: readonly string[];
  hours: readonly WorkingInterval[];
  busy: readonly BusyInterval[];
  from: Date;
  to: Date;
  zone: string;
  durationMinutes: number;
  bufferMinutes: number;
  stepMinutes?: number;
  /** No slot starts before this instant (now plus the clinic's minimum notice). */
  notBefore?: Date;
}): Slot[] {
  const step = (input.stepMinutes ?? 15) * 60_000;
  const visit = input.durationMinutes * 60_000;
  const held = visit + input.bufferMinutes * 60_000;
  const notBefore = Math.max(input.from.getTime(), input.notBefore?.getTime() ?? 0);
  const slots: Slot[] = [];

  const busyOf = new Map<string, { start: number; end: number }[]>();
  for (const therapistId of input.therapistIds) {
    busyOf.set(
      therapistId,
      input.busy
        .filter((b) => b.therapistId === therapistId || b.therapistId === null)
        .map((b) => ({ start: b.start.getTime(), end: b.end.getTime() }))
        .sort((a, b) => a.start - b.start),
    );
  }

  let day = DateTime.fromJSDate(input.from, { zone: input.zone }).startOf('day');
  const lastDay = DateTime.fromJSDate(input.to, { zone: input.zone }).startOf('day');
  while (day <= lastDay) {
    const date = day.toFormat('yyyy-LL-dd');
    for (const therapistId of input.therapistIds) {
      const busy = busyOf.get(therapistId) ?? [];
      for (const interval of input.hours) {
        if (interval.therapistId !== therapistId || interval.weekday !== day.weekday) continue;
        const open = fromLocal({ date, time: interval.startTime }, input.zone).getTime();
        const close = fromLocal({ date, time: interval.endTime }, input.zone).getTime();
        for (let start = open; start + visit <= close; start += step) {
          if (start < notBefore || start + visit > input.to.getTime()) continue;
          const end = start + held;
          // Busy is sorted by start: stop looking once an interval starts after this candidate ends.
          let free = true;
          for (const b of busy) {
            if (b.start >= end) break;
            if (b.end > start) {
              free = false;
              break;
            }
          }
          if (free) slots.push({ therapistId, start: new Date(start), end: new Date(start + visit) });
        }
      }
    }
    day = day.plus({ days: 1 });
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}
