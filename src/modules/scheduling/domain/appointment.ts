/**
 * An appointment's life (issue 7, item 1): booked → confirmed → arrived → completed, or cancelled / no-show.
 * Cancelled and no-show visits free their slot: only the active statuses hold time on the calendar (the
 * database's exclusion constraints use the same list, drizzle/0009).
 */
export const APPOINTMENT_STATUSES = [
  'booked',
  'confirmed',
  'arrived',
  'completed',
  'cancelled',
  'no_show',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const ACTIVE_STATUSES = [
  'booked',
  'confirmed',
  'arrived',
  'completed',
] as const satisfies readonly AppointmentStatus[];

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  confirmed: 'Confirmed',
  arrived: 'Arrived',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

export function isActiveStatus(status: AppointmentStatus): boolean {
  return (ACTIVE_STATUSES as readonly AppointmentStatus[]).includes(status);
}

/**
 * Which status changes make sense at the desk. Going back one step fixes a mis-click (arrived → confirmed);
 * a cancelled visit is rebooked as a new appointment so the cancellation stays on record.
 */
const NEXT: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['confirmed', 'arrived', 'completed', 'no_show'],
  confirmed: ['booked', 'arrived', 'completed', 'no_show'],
  arrived: ['confirmed', 'completed', 'no_show'],
  completed: ['arrived'],
  no_show: ['booked'],
  cancelled: [],
};

export function statusChangeProblem(from: AppointmentStatus, to: AppointmentStatus): string | null {
  if (from === to) return null;
  if (to === 'cancelled') return 'Cancel an appointment with its own action, giving a reason.';
  if (NEXT[from].includes(to)) return null;
  return `A ${APPOINTMENT_STATUS_LABELS[from].toLowerCase()} appointment cannot become ${APPOINTMENT_STATUS_LABELS[to].toLowerCase()}.`;
}

/** Which occurrences of a series an edit or a cancellation applies to (RFC 5545 RANGE=THISANDFUTURE idea). */
export const SERIES_SCOPES = ['this', 'following', 'all'] as const;
export type SeriesScope = (typeof SERIES_SCOPES)[number];

export type TimeRange = { start: Date; end: Date };

/** Half-open ranges [start, end) overlap: a visit ending at 10:00 does not collide with one starting at 10:00. */
export function rangesOverlap(a: TimeRange, b: TimeRange): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/**
 * The time a visit keeps the therapist and the room: the visit plus the service's buffer after it (turning
 * the table, notes). A client is only busy for the visit itself.
 */
export function busyUntil(end: Date, bufferMinutes: number): Date {
  return new Date(end.getTime() + bufferMinutes * 60_000);
}

/** "A.S." — what a calendar feed or a shared screen may show of a client (minimum necessary). */
export function clientInitials(name: { firstName: string; lastName: string }): string {
  const initial = (s: string) => {
    const letter = [...s.trim()][0];
    return letter ? `${letter.toUpperCase()}.` : '';
  };
  return `${initial(name.firstName)}${initial(name.lastName)}` || '—';
}

/**
 * A late cancellation is one made less than `windowHours` before the start (the clinic's policy; a fee may
 * apply). Cancelling after the start is late too.
 */
export function isLateCancellation(start: Date, at: Date, windowHours: number): boolean {
  return start.getTime() - at.getTime() < windowHours * 3_600_000;
}
