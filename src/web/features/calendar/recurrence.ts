/**
 * Weekly series for the booking dialog: the plan's frequency and the rule in words come from the server's
 * own domain code (one rule for both), the day pickers from here.
 */
import { DateTime } from 'luxon';

export { describeRecurrence, ruleFromFrequency } from '../../../modules/scheduling/domain/recurrence.js';

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];
export const WEEKDAY_LABELS: Record<WeekdayCode, string> = {
  MO: 'Mon',
  TU: 'Tue',
  WE: 'Wed',
  TH: 'Thu',
  FR: 'Fri',
  SA: 'Sat',
  SU: 'Sun',
};
export const WEEKDAY_NAMES: Record<WeekdayCode, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

/** The days and count of a weekly rule, for editing. */
export function weeklyParts(rule: string): { days: WeekdayCode[]; count: number } {
  const byDay = /BYDAY=([^;]+)/i.exec(rule)?.[1] ?? '';
  const count = Number(/COUNT=(\d+)/i.exec(rule)?.[1] ?? 1);
  const days = byDay
    .split(',')
    .map((d) => d.toUpperCase())
    .filter((d): d is WeekdayCode => (WEEKDAY_CODES as readonly string[]).includes(d));
  return { days, count };
}

export function weeklyRule(days: WeekdayCode[], count: number): string {
  const sorted = WEEKDAY_CODES.filter((d) => days.includes(d));
  return `FREQ=WEEKLY;BYDAY=${sorted.join(',')};COUNT=${Math.max(1, Math.trunc(count))}`;
}

/** The weekday code of a calendar date. */
export const weekdayCode = (date: string): WeekdayCode =>
  WEEKDAY_CODES[DateTime.fromISO(date).weekday - 1] ?? 'MO';
