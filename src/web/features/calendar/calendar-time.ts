/**
 * Calendar arithmetic in the clinic's time zone (not the browser's): which days a view shows, where on the
 * grid a visit sits, and the instant a drop on the grid means. luxon does the zone arithmetic.
 */
import { DateTime } from 'luxon';
import type { WorkingInterval } from '../../api/scheduling.js';

/** One row of the grid. */
export const SLOT_MINUTES = 15;
/** Height of one 15-minute row. */
export const ROW_PX = 22;
export const PX_PER_MINUTE = ROW_PX / SLOT_MINUTES;

export type CalendarView = 'day' | 'week';

/** A calendar date (yyyy-MM-dd) at midnight in the zone. */
export const dayStart = (date: string, zone: string): DateTime =>
  DateTime.fromISO(date, { zone }).startOf('day');

export const todayIn = (zone: string): string => DateTime.now().setZone(zone).toISODate()!;

export const isValidDate = (date: string | null | undefined): date is string =>
  !!date && /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date).isValid;

/** The days a view shows: the day, or Monday to Sunday of its week. */
export function viewDays(date: string, view: CalendarView, zone: string): string[] {
  if (view === 'day') return [date];
  const monday = dayStart(date, zone).startOf('week');
  return Array.from({ length: 7 }, (_, i) => monday.plus({ days: i }).toISODate()!);
}

/** The instant range the API is asked for: from the first day's midnight to the day after the last. */
export function viewRange(days: string[], zone: string): { from: string; to: string } {
  return {
    from: isoInstant(dayStart(days[0]!, zone)),
    to: isoInstant(dayStart(days[days.length - 1]!, zone).plus({ days: 1 })),
  };
}

/** The date a step back or forward lands on. */
export function stepDate(date: string, view: CalendarView, direction: -1 | 1): string {
  return DateTime.fromISO(date)
    .plus(view === 'day' ? { days: direction } : { weeks: direction })
    .toISODate()!;
}

export const isoInstant = (dt: DateTime): string => dt.toISO({ suppressMilliseconds: true })!;

/** The instant at `minutes` after midnight of `date` in the zone (wall-clock minutes). */
export function instantAt(date: string, minutes: number, zone: string): string {
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  return isoInstant(DateTime.fromISO(date, { zone }).set({ hour, minute, second: 0, millisecond: 0 }));
}

/** Where a visit starts and ends on its day, in wall-clock minutes after midnight in the zone. */
export function placeOf(
  start: string,
  end: string,
  zone: string,
): { date: string; startMinute: number; endMinute: number } {
  const s = DateTime.fromISO(start, { setZone: true }).setZone(zone);
  const e = DateTime.fromISO(end, { setZone: true }).setZone(zone);
  const startMinute = s.hour * 60 + s.minute;
  const sameDay = e.toISODate() === s.toISODate();
  return {
    date: s.toISODate()!,
    startMinute,
    endMinute: sameDay ? e.hour * 60 + e.minute : 24 * 60,
  };
}

/** The parts of a block (which may span days) on each calendar day it touches, in the zone. */
export function blockDays(
  block: { start: string; end: string },
  zone: string,
): { date: string; startMinute: number; endMinute: number }[] {
  const start = DateTime.fromISO(block.start, { setZone: true }).setZone(zone);
  const end = DateTime.fromISO(block.end, { setZone: true }).setZone(zone);
  const parts: { date: string; startMinute: number; endMinute: number }[] = [];
  for (let day = start.startOf('day'); day < end && parts.length < 370; day = day.plus({ days: 1 })) {
    const from = day < start ? start : day;
    const nextDay = day.plus({ days: 1 });
    const to = end < nextDay ? end : nextDay;
    parts.push({
      date: day.toISODate()!,
      startMinute: from.hour * 60 + from.minute,
      endMinute: to.equals(nextDay) ? 24 * 60 : to.hour * 60 + to.minute,
    });
  }
  return parts;
}

export const minutesOf = (time: string): number => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

export const timeOfMinutes = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** ISO weekday (1 = Monday) of a calendar date. */
export const weekdayOf = (date: string): number => DateTime.fromISO(date).weekday;

/** "9:00 AM" for wall-clock minutes. */
export const formatMinutes = (minutes: number): string =>
  DateTime.fromObject({ hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 }).toLocaleString(
    DateTime.TIME_SIMPLE,
  );

const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
const hourOnly = new Intl.DateTimeFormat(undefined, { hour: 'numeric', timeZone: 'UTC' });
const wall = (minutes: number) => new Date(Date.UTC(2000, 0, 1, 0, minutes));

/** "9 AM" for an hour mark of the grid. */
export const formatHour = (minutes: number): string => hourOnly.format(wall(minutes));

/** "9:00 – 10:00 AM" for wall-clock minutes (the shared part said once). */
export const formatMinutesRange = (start: number, end: number): string =>
  clock.formatRange(wall(start), wall(end));

/** "9:00 AM" for an instant, in the zone. */
export const formatTime = (iso: string, zone: string): string =>
  DateTime.fromISO(iso, { setZone: true }).setZone(zone).toLocaleString(DateTime.TIME_SIMPLE);

/** "Mon, May 4, 2026" for a calendar date. */
export const formatDay = (date: string): string =>
  DateTime.fromISO(date).toLocaleString({
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });

/** "Mon 4" for a column heading. */
export const formatDayShort = (date: string): string =>
  DateTime.fromISO(date).toLocaleString({ weekday: 'short', day: 'numeric' });

/** "Mon, May 4, 2026, 9:00 AM – 10:00 AM" for a visit, in the zone. */
export function formatVisitTime(start: string, end: string, zone: string): string {
  const s = DateTime.fromISO(start, { setZone: true }).setZone(zone);
  return `${formatDay(s.toISODate()!)}, ${formatTime(start, zone)} – ${formatTime(end, zone)}`;
}

/** "Mon, May 4, 2026, 9:00 AM" for an instant, in the zone. */
export function formatDayTime(iso: string, zone: string): string {
  const s = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  return `${formatDay(s.toISODate()!)}, ${formatTime(iso, zone)}`;
}

/** The hours the grid shows: 07:00–20:00, widened to every working interval (whole hours). */
export function gridHours(intervals: WorkingInterval[], extra: { start: number; end: number }[] = []) {
  let start = 7 * 60;
  let end = 20 * 60;
  for (const i of intervals) {
    start = Math.min(start, minutesOf(i.startTime));
    end = Math.max(end, minutesOf(i.endTime));
  }
  for (const e of extra) {
    start = Math.min(start, e.start);
    end = Math.max(end, e.end);
  }
  return { start: Math.floor(start / 60) * 60, end: Math.min(24 * 60, Math.ceil(end / 60) * 60) };
}

/** Snap a number of minutes to the grid's 15 minutes. */
export const snap = (minutes: number): number => Math.round(minutes / SLOT_MINUTES) * SLOT_MINUTES;

/**
 * Side-by-side lanes for visits that overlap in one column: each gets a lane and the number of lanes of the
 * group of visits it overlaps with.
 */
export function layoutLanes<T extends { id: string; startMinute: number; endMinute: number }>(
  items: T[],
): Map<string, { lane: number; lanes: number }> {
  const sorted = [...items].sort((a, b) => a.startMinute - b.startMinute || b.endMinute - a.endMinute);
  const result = new Map<string, { lane: number; lanes: number }>();
  let group: { item: T; lane: number }[] = [];
  let groupEnd = -1;
  const flush = () => {
    const lanes = Math.max(1, ...group.map((g) => g.lane + 1));
    for (const g of group) result.set(g.item.id, { lane: g.lane, lanes });
    group = [];
  };
  for (const item of sorted) {
    if (item.startMinute >= groupEnd && group.length) flush();
    const laneEnds: number[] = [];
    for (const g of group) laneEnds[g.lane] = Math.max(laneEnds[g.lane] ?? 0, g.item.endMinute);
    let lane = laneEnds.findIndex((endAt) => endAt <= item.startMinute);
    if (lane === -1) lane = laneEnds.length;
    group.push({ item, lane });
    groupEnd = Math.max(groupEnd, item.endMinute);
  }
  if (group.length) flush();
  return result;
}
