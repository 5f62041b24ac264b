/**
 * Calendar dates as 'YYYY-MM-DD' strings: clinical dates (session, onset, expiry) are days in the clinic's
 * calendar, not instants, so they never pass through a time zone. Pure; shared by every module's domain.
 */
export type CalendarDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(value: CalendarDate): [number, number, number] {
  const match = PATTERN.exec(value);
  if (!match) throw new Error(`Not a calendar date: ${value}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function isValidCalendarDate(value: string): boolean {
  const match = PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toDayNumber(value: CalendarDate): number {
  const [year, month, day] = parts(value);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function addDays(value: CalendarDate, days: number): CalendarDate {
  return new Date((toDayNumber(value) + days) * 86_400_000).toISOString().slice(0, 10);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 25, 2026" straight from the string parts: no time zone can shift the day. */
export function formatCalendarDate(value: CalendarDate): string {
  const [year, month, day] = parts(value);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}
