/** Dates and times as the clinic sees them: clinics set an IANA time zone (clinics.time_zone). */
import { DateTime } from 'luxon';

/** The calendar date (YYYY-MM-DD) at `instant` in `timeZone`. */
export function calendarDateIn(timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** "Nov 25, 2026, 4:12 PM EST": for messages people read. */
export function formatClinicDateTime(timeZone: string, instant: Date): string {
  return (
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(instant) + ` ${zoneAbbreviation(timeZone, instant)}`
  );
}

function zoneAbbreviation(timeZone: string, instant: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** Whether the runtime knows `zone` as an IANA time zone ("America/New_York"; "EST5EDT" too; "Mars/Base" not). */
export function isKnownTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An instant as ISO 8601 with the zone's offset at that instant: 2026-11-02T10:00:00-05:00. */
export function isoInZone(timeZone: string, instant: Date): string {
  const iso = DateTime.fromJSDate(instant, { zone: timeZone }).toISO({ suppressMilliseconds: true });
  if (!iso) throw new Error(`cannot format ${instant.toISOString()} in ${timeZone}`);
  return iso;
}

/** "10:00 AM": a time of day in the clinic, for messages. */
export function formatClinicTime(timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, timeStyle: 'short' }).format(instant);
}

/** "Tue, Dec 1, 2026 at 10:00 AM EST": an appointment's time in messages to clients. */
export function formatAppointmentTime(timeZone: string, instant: Date): string {
  const date = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  }).format(instant);
  return `${date} at ${formatClinicTime(timeZone, instant)} ${zoneAbbreviation(timeZone, instant)}`;
}
