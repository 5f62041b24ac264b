import { daysBetween, type CalendarDate } from '../../../platform/domain/calendar-date.js';
import {
  WARN_DAYS_BEFORE_EXPIRY,
  WARN_VISITS_REMAINING,
  type PrescriptionTerms,
} from '../../prescriptions/domain/index.js';

/**
 * "Visit 5 of 12, prescription expires 2026-12-20" on every appointment of an episode (issue 7, item 4).
 * A visit is an active appointment, or a session note written without one (visits documented before the
 * calendar was used). Each visit counts against the newest prescription written on or before its day, the
 * rule the prescriptions module uses for visits used (visit-usage.ts), so both screens agree.
 */
export type EpisodeVisit = {
  /** Appointment id, or `note:<id>` for a session note without an appointment. */
  key: string;
  date: CalendarDate;
  /** Sort key within a day (the start instant in ms). */
  at: number;
};

export type SignedAssessment = { date: CalendarDate };

export type ReEvaluationRule = { everyVisits: number; everyDays: number };

export type VisitStanding = {
  number: number;
  authorised: number | null;
  prescriptionId: string | null;
  expiresOn: CalendarDate | null;
  /** "visit 5 of 12, prescription expires 2026-12-20" */
  label: string;
  beyondAuthorisation: boolean;
  pastExpiry: boolean;
  /** Few visits or days left: time to ask the prescriber for a renewal. */
  renewalDue: boolean;
  reEvaluationDue: boolean;
  warnings: string[];
};

export function visitStandings(input: {
  prescriptions: readonly PrescriptionTerms[];
  visits: readonly EpisodeVisit[];
  assessments: readonly SignedAssessment[];
  reEvaluation: ReEvaluationRule;
}): Map<string, VisitStanding> {
  const visits = [...input.visits].sort((a, b) => a.date.localeCompare(b.date) || a.at - b.at);
  const byNewest = [...input.prescriptions].sort((a, b) => b.writtenOn.localeCompare(a.writtenOn));
  const assessmentDates = input.assessments.map((a) => a.date).sort();
  const countByPrescription = new Map<string, number>();
  const result = new Map<string, VisitStanding>();

  visits.forEach((visit, index) => {
    const covering = byNewest.find((p) => p.writtenOn <= visit.date) ?? null;
    const key = covering?.id ?? '';
    const number = (countByPrescription.get(key) ?? 0) + 1;
    countByPrescription.set(key, number);

    const authorised = covering?.visitsAuthorised ?? null;
    const expiresOn = covering?.expiresOn ?? null;
    const beyondAuthorisation = authorised !== null && number > authorised;
    const pastExpiry = expiresOn !== null && visit.date > expiresOn;
    const renewalDue =
      (authorised !== null && authorised - number < WARN_VISITS_REMAINING) ||
      (expiresOn !== null && daysBetween(visit.date, expiresOn) <= WARN_DAYS_BEFORE_EXPIRY);

    const warnings: string[] = [];
    if (!covering) warnings.push('No prescription covers this date.');
    if (beyondAuthorisation) warnings.push(`Beyond the ${authorised} authorised visits.`);
    if (pastExpiry) warnings.push(`After the prescription expired on ${expiresOn}.`);
    else if (renewalDue && !beyondAuthorisation) {
      const left = authorised === null ? null : authorised - number;
      warnings.push(
        left !== null && left < WARN_VISITS_REMAINING
          ? left === 0
            ? 'Last authorised visit: ask the prescriber for a renewal.'
            : `${left} authorised visit${left === 1 ? '' : 's'} left after this one.`
          : `The prescription expires on ${expiresOn}.`,
      );
    }

    // Re-evaluation: counted from the latest signed assessment on or before this visit's day, including
    // the visit on which it was done (Medicare's progress report "at least once every 10 treatment days",
    // Benefit Policy Manual ch. 15 §220.3; the clinic sets both numbers).
    const lastAssessment = assessmentDates.filter((d) => d <= visit.date).at(-1);
    let reEvaluationDue = false;
    if (lastAssessment) {
      const visitsSince = visits.slice(0, index + 1).filter((v) => v.date >= lastAssessment).length;
      reEvaluationDue =
        visitsSince >= input.reEvaluation.everyVisits ||
        daysBetween(lastAssessment, visit.date) >= input.reEvaluation.everyDays;
      if (reEvaluationDue) warnings.push('Re-evaluation due.');
    }

    const of = authorised === null ? '' : ` of ${authorised}`;
    const expiry = expiresOn === null ? '' : `, prescription expires ${expiresOn}`;
    result.set(visit.key, {
      number,
      authorised,
      prescriptionId: covering?.id ?? null,
      expiresOn,
      label: `visit ${number}${of}${expiry}`,
      beyondAuthorisation,
      pastExpiry,
      renewalDue,
      reEvaluationDue,
      warnings,
    });
  });
  return result;
}
