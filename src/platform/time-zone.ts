/** Dates and times as the clinic sees them: clinics set an IANA time zone (clinics.time_zone). */

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
