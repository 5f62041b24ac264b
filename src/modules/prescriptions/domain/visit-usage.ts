import {
  daysBetween,
  formatCalendarDate,
  type CalendarDate,
} from '../../../platform/domain/calendar-date.js';

/** Warn while there is still time to ask the prescriber for a renewal (a fax round trip takes days). */
export const WARN_VISITS_REMAINING = 2;
export const WARN_DAYS_BEFORE_EXPIRY = 14;

export type PrescriptionTerms = {
  id: string;
  writtenOn: CalendarDate;
  expiresOn: CalendarDate | null;
  visitsAuthorised: number | null;
};

export type PrescriptionUsage = {
  used: number;
  remaining: number | null;
  state: 'active' | 'exhausted' | 'expired' | 'not_yet_valid';
  warnings: string[];
};

/**
 * Each session counts against the newest prescription written on or before its date (a renewal takes
 * over from the day it was written); sessions before every prescription count against none.
 */
export function allocateSessions(
  prescriptions: readonly PrescriptionTerms[],
  sessionDates: readonly CalendarDate[],
): Map<string, number> {
  const byNewest = [...prescriptions].sort((a, b) => b.writtenOn.localeCompare(a.writtenOn));
  const counts = new Map(prescriptions.map((p) => [p.id, 0]));
  for (const date of sessionDates) {
    const covering = byNewest.find((p) => p.writtenOn <= date);
    if (covering) counts.set(covering.id, (counts.get(covering.id) ?? 0) + 1);
  }
  return counts;
}

export function prescriptionUsage(
  terms: PrescriptionTerms,
  used: number,
  today: CalendarDate,
): PrescriptionUsage {
  const remaining = terms.visitsAuthorised === null ? null : terms.visitsAuthorised - used;
  const warnings: string[] = [];
  let state: PrescriptionUsage['state'] = 'active';
  if (today < terms.writtenOn) state = 'not_yet_valid';
  if (terms.expiresOn !== null) {
    const daysLeft = daysBetween(today, terms.expiresOn);
    if (daysLeft < 0) {
      state = 'expired';
      warnings.push(`Expired on ${formatCalendarDate(terms.expiresOn)}: ask the prescriber for a renewal.`);
    } else if (daysLeft <= WARN_DAYS_BEFORE_EXPIRY) {
      const when = daysLeft === 0 ? 'today' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
      warnings.push(`Expires ${when} (${formatCalendarDate(terms.expiresOn)}).`);
    }
  }
  if (remaining !== null) {
    if (remaining <= 0) {
      if (state !== 'expired') state = 'exhausted';
      warnings.push(
        remaining === 0
          ? `All ${terms.visitsAuthorised} authorised visits are used.`
          : `${-remaining} visit${remaining === -1 ? '' : 's'} beyond the ${terms.visitsAuthorised} authorised.`,
      );
    } else if (remaining <= WARN_VISITS_REMAINING) {
      warnings.push(`${remaining} authorised visit${remaining === 1 ? '' : 's'} left.`);
    }
  }
  return { used, remaining, state, warnings };
}
