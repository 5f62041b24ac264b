import { DateTime } from 'luxon';
import * as rrulePackage from 'rrule';

// rrule ships CommonJS for Node (where the ESM loader exposes only `default`) and an ES build for
// browsers (named exports): take RRule from whichever this runtime gave.
type RRuleModule = typeof rrulePackage;
const commonJsExports: unknown = Reflect.get(rrulePackage, 'default');
const rruleModule: RRuleModule =
  'RRule' in rrulePackage && rrulePackage.RRule ? rrulePackage : (commonJsExports as RRuleModule);
const { RRule } = rruleModule;

/** A series never runs longer than this, whatever the rule says (an RRULE without COUNT or UNTIL). */
export const MAX_OCCURRENCES = 104;

/** A wall-clock time in the clinic: what "every Monday at 10:00" means to the people in it. */
export type LocalDateTime = { date: string; time: string };

export type RecurrenceProblem = { message: string };

export type Occurrence = { start: Date; end: Date; local: LocalDateTime };

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

/** The wall-clock date and time of `instant` in `zone`. */
export function toLocal(instant: Date, zone: string): LocalDateTime {
  const dt = DateTime.fromJSDate(instant, { zone });
  return { date: dt.toFormat('yyyy-LL-dd'), time: dt.toFormat('HH:mm') };
}

/**
 * The instant of a wall-clock time in `zone`. A time that does not exist (the hour skipped when clocks go
 * forward) moves forward by the gap, as RFC 5545 §3.3.5 prescribes for DTSTART; an ambiguous one (the hour
 * repeated in autumn) takes the first, earlier instant.
 */
export function fromLocal(local: LocalDateTime, zone: string): Date {
  const dt = DateTime.fromISO(`${local.date}T${local.time}`, { zone });
  if (!dt.isValid) throw new Error(`not a local date-time: ${local.date} ${local.time}`);
  return dt.toJSDate();
}

/** Moves a wall-clock time by whole minutes, on the clock on the wall (10:00 + 1 day stays 10:00 over DST). */
export function shiftLocal(local: LocalDateTime, days: number, minutes: number): LocalDateTime {
  const dt = DateTime.fromISO(`${local.date}T${local.time}`, { zone: 'UTC' }).plus({ days, minutes });
  return { date: dt.toFormat('yyyy-LL-dd'), time: dt.toFormat('HH:mm') };
}

/** The days and minutes between two wall-clock times (what a drag of one occurrence means for the rest). */
export function localDifference(from: LocalDateTime, to: LocalDateTime): { days: number; minutes: number } {
  const a = DateTime.fromISO(`${from.date}T${from.time}`, { zone: 'UTC' });
  const b = DateTime.fromISO(`${to.date}T${to.time}`, { zone: 'UTC' });
  const days = Math.round(b.startOf('day').diff(a.startOf('day'), 'days').days);
  const minutes = Math.round(b.diff(a.plus({ days }), 'minutes').minutes);
  return { days, minutes };
}

/** A floating date (the local wall clock stored in UTC fields), which is how rrule expands without a zone. */
function floating(local: LocalDateTime): Date {
  const [y, mo, d] = local.date.split('-').map(Number) as [number, number, number];
  const [h, mi] = local.time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi));
}

function unfloat(date: Date): LocalDateTime {
  const iso = date.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The RFC 5545 rule parts a visit series may use (no BYHOUR etc.: the first visit gives the time). */
const RULE_PARTS = new Set([
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
]);

/** Reads an RRULE ("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12", with or without the "RRULE:" prefix). */
export function parseRecurrence(rule: string): { problem: RecurrenceProblem } | { rule: string } {
  const text = rule.trim().replace(/^RRULE:/i, '');
  if (!/^FREQ=/i.test(text) && !/;FREQ=/i.test(text))
    return {
      problem: { message: 'A recurrence rule needs FREQ (for example FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12).' },
    };
  if (/DTSTART|TZID/i.test(text))
    return {
      problem: { message: 'Give the first visit as the start; the rule carries no DTSTART or TZID.' },
    };
  for (const part of text.split(';')) {
    const [key, value] = part.split('=');
    if (!key || !value || !RULE_PARTS.has(key.toUpperCase()))
      return {
        problem: { message: `The recurrence rule cannot be read: "${part}" is not a rule part Palpa uses.` },
      };
    if (
      key.toUpperCase() === 'BYDAY' &&
      !value.split(',').every((d) => /^[+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU)$/i.test(d))
    )
      return {
        problem: { message: `The recurrence rule cannot be read: BYDAY takes MO, TU, WE, TH, FR, SA, SU.` },
      };
  }
  try {
    const options = RRule.parseString(text);
    if (options.freq === undefined) return { problem: { message: 'The recurrence rule has no FREQ.' } };
    if (options.freq > RRule.DAILY)
      return {
        problem: { message: 'Visits repeat daily, weekly or monthly at most often, not every hour.' },
      };
    return { rule: text };
  } catch (err) {
    return { problem: { message: `The recurrence rule cannot be read: ${(err as Error).message}` } };
  }
}

/**
 * The occurrences of `rule` from the first visit, in the clinic's zone (RFC 5545 §3.3.10 with a TZID): each
 * keeps the first visit's wall-clock time, so a weekly 10:00 series stays at 10:00 across a daylight-saving
 * change. The rule is expanded on floating times, then each is placed in the zone. UNTIL given in UTC is read
 * as the wall-clock time it means in the zone.
 */
export function expandRecurrence(input: {
  rule: string;
  firstStart: Date;
  durationMinutes: number;
  zone: string;
  max?: number;
}): Occurrence[] {
  const options = RRule.parseString(input.rule.trim().replace(/^RRULE:/i, ''));
  const firstLocal = toLocal(input.firstStart, input.zone);
  const until = options.until ? floating(toLocal(options.until, input.zone)) : null;
  const max = Math.min(input.max ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
  const rrule = new RRule({
    ...options,
    dtstart: floating(firstLocal),
    until,
    count: Math.min(options.count ?? max, max),
    tzid: null,
  });
  const dates = rrule.all((_, index) => index < max);
  return dates.map((date) => {
    const local = unfloat(date);
    const start = fromLocal(local, input.zone);
    return { start, end: new Date(start.getTime() + input.durationMinutes * 60_000), local };
  });
}

/**
 * The RRULE for a plan's frequency ("2×/week for 6 weeks"): the first visit's weekday, then days spread
 * evenly through the week (2×: Mon + Thu; 3×: Mon, Wed, Fri), COUNT = visits per week × weeks. A day that
 * falls on the weekend moves to the next free weekday, unless the series itself starts at the weekend or
 * asks for six or seven visits a week.
 */
export function ruleFromFrequency(input: { perWeek: number; weeks: number; firstDate: string }): string {
  const perWeek = Math.max(1, Math.min(7, Math.trunc(input.perWeek)));
  const weeks = Math.max(1, Math.trunc(input.weeks));
  const first = DateTime.fromISO(input.firstDate, { zone: 'UTC' }).weekday - 1; // 0 = Monday
  const weekdaysOnly = perWeek <= 5 && first < 5;
  const days = new Set<number>();
  for (let i = 0; i < perWeek; i++) {
    let day = (first + Math.floor((i * 7) / perWeek)) % 7;
    if (weekdaysOnly && day >= 5) day = 0;
    while (days.has(day)) day = weekdaysOnly ? (day + 1) % 5 : (day + 1) % 7;
    days.add(day);
  }
  const byDay = [...days].sort((a, b) => a - b).map((d) => WEEKDAY_CODES[d]);
  return `FREQ=WEEKLY;BYDAY=${byDay.join(',')};COUNT=${perWeek * weeks}`;
}

/** "Every week on Mon, Thu, 12 visits": the rule in words for the booking dialog. */
export function describeRecurrence(rule: string): string {
  try {
    return new RRule(RRule.parseString(rule.replace(/^RRULE:/i, ''))).toText();
  } catch {
    return rule;
  }
}
