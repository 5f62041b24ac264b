/**
 * Times on the booking screens are the clinic's wall-clock times (its zone, not the browser's), and say
 * so. luxon does the zone arithmetic.
 */
import { DateTime } from 'luxon';
import type { Slot } from '../../api/booking.js';

/** How many days the day strip shows at once. */
export const STRIP_DAYS = 14;

export const isoInstant = (dt: DateTime): string => dt.toISO({ suppressMilliseconds: true })!;

/** The days of the strip, from `offset` strips after today, in the clinic's zone. */
export function stripDays(zone: string, offset: number): string[] {
  const first = DateTime.now()
    .setZone(zone)
    .startOf('day')
    .plus({ days: offset * STRIP_DAYS });
  return Array.from({ length: STRIP_DAYS }, (_, i) => first.plus({ days: i }).toISODate()!);
}

/** The instant range the availability route is asked for: the strip's first midnight to the day after its last. */
export function stripRange(days: string[], zone: string): { from: string; to: string } {
  return {
    from: isoInstant(DateTime.fromISO(days[0]!, { zone }).startOf('day')),
    to: isoInstant(
      DateTime.fromISO(days[days.length - 1]!, { zone })
        .startOf('day')
        .plus({ days: 1 }),
    ),
  };
}

export const dateOf = (instant: string, zone: string): string =>
  DateTime.fromISO(instant, { setZone: true }).setZone(zone).toISODate()!;

/** "10:30 AM" in the clinic's zone. */
export const timeIn = (instant: string, zone: string): string =>
  DateTime.fromISO(instant, { setZone: true }).setZone(zone).toLocaleString(DateTime.TIME_SIMPLE);

/** "Tuesday, 12 May 2026" for a calendar date. */
export const longDate = (date: string): string =>
  DateTime.fromISO(date).toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** "Tuesday, 12 May 2026 at 10:30 AM" in the clinic's zone. */
export const whenIn = (instant: string, zone: string): string =>
  `${longDate(dateOf(instant, zone))} at ${timeIn(instant, zone)}`;

/** The zone's everyday name ("Eastern Daylight Time"), with its id for clarity. */
export function zoneName(zone: string): string {
  const long = DateTime.now().setZone(zone).toFormat('ZZZZZ');
  return long && long !== zone ? `${long} (${zone.replace(/_/g, ' ')})` : zone.replace(/_/g, ' ');
}

/**
 * Free times by day. With "first available", a time several therapists have free is shown once, with the
 * first therapist who has it.
 */
export function slotsByDay(slots: Slot[], zone: string): Map<string, Slot[]> {
  const byDay = new Map<string, Slot[]>();
  const seen = new Set<string>();
  for (const slot of [...slots].sort((a, b) => a.start.localeCompare(b.start))) {
    const key = DateTime.fromISO(slot.start).toMillis();
    if (seen.has(String(key))) continue;
    seen.add(String(key));
    const day = dateOf(slot.start, zone);
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  return byDay;
}

export const formatCents = (cents: number): string =>
  (cents / 100).toLocaleString(undefined, { style: 'currency', currency: 'USD' });
