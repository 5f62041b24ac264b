/**
 * Service lines from signed notes: one line per code per date of service (billing-standards.md §1.1 rule 6),
 * units by the payer's method, charge = fee per unit × units. Codes that earn no unit are reported, not
 * billed. Distinct-service modifiers (59/X) are never added automatically: only the note can justify them,
 * so the scrubber asks a person instead (MLN1783722).
 */
import { computeUnits, type UnitMethod } from '../../billing/domain/index.js';
import type { ClaimServiceLine } from './claim-document.js';
import type { DocumentedSession } from './claim-scrubber.js';

export type BuildLinesInput = {
  sessions: readonly DocumentedSession[];
  method: UnitMethod;
  /** Fee per unit in cents for a code (payer's contracted fee, else the clinic's standard fee). */
  feeFor: (code: string) => number | null;
  requiresGp: boolean;
  diagnosisCount: number;
  claimControlNumber: string;
};

export type BuiltLine = Omit<ClaimServiceLine, 'lineNumber' | 'lineControlNumber'> & {
  sessionNoteId: string;
  regions: string[];
};

export type BuildLinesResult = {
  lines: (BuiltLine & { lineNumber: number; lineControlNumber: string })[];
  /** Codes documented but earning no unit, with the arithmetic that says why. */
  notBilled: { serviceDate: string; code: string; minutes: number; explanation: string }[];
};

export function buildClaimLines(input: BuildLinesInput): BuildLinesResult {
  const sessions = [...input.sessions].sort((a, b) =>
    a.serviceDate < b.serviceDate ? -1 : a.serviceDate > b.serviceDate ? 1 : 0,
  );
  const pointers = Array.from({ length: Math.min(4, input.diagnosisCount) }, (_, i) => i + 1);
  const built: BuiltLine[] = [];
  const notBilled: BuildLinesResult['notBilled'] = [];
  for (const session of sessions) {
    const result = computeUnits(
      input.method,
      session.services.map((s) => ({ code: s.code, minutes: s.minutes, timed: s.timed })),
    );
    for (const line of result.lines) {
      if (line.units === 0) {
        notBilled.push({
          serviceDate: session.serviceDate,
          code: line.code,
          minutes: line.minutes,
          explanation: result.explanation,
        });
        continue;
      }
      const fee = input.feeFor(line.code);
      const regions = [
        ...new Set(session.services.filter((s) => s.code === line.code).flatMap((s) => s.regions)),
      ];
      built.push({
        sessionNoteId: session.noteId,
        serviceDate: session.serviceDate,
        code: line.code,
        modifiers: input.requiresGp && /^97\d{3}$/.test(line.code) ? ['GP'] : [],
        diagnosisPointers: pointers,
        units: line.units,
        minutes: line.minutes,
        chargeCents: fee === null ? 0 : fee * line.units,
        regions,
      });
    }
  }
  return {
    lines: built.map((line, index) => ({
      ...line,
      lineNumber: index + 1,
      lineControlNumber: `${input.claimControlNumber}-${index + 1}`,
    })),
    notBilled,
  };
}

/**
 * Splits a prescriber's name as typed ("Dr. Robert J. Smith, MD") into the parts box 17 and NM1*DN need.
 * Titles and post-nominal credentials are dropped; the last word is the family name.
 */
export function splitPersonName(full: string): {
  givenName: string;
  familyName: string;
  middleInitial: string | null;
} {
  const withoutCredentials = full.split(',')[0] ?? '';
  const words = withoutCredentials
    .replace(/\b(dr|doctor|mr|mrs|ms|prof)\.?\s+/gi, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return { givenName: '', familyName: '', middleInitial: null };
  if (words.length === 1) return { givenName: '', familyName: words[0]!, middleInitial: null };
  const familyName = words[words.length - 1]!;
  const givenName = words[0]!;
  const middle = words.length > 2 ? words[1]!.replace('.', '').charAt(0).toUpperCase() : null;
  return { givenName, familyName, middleInitial: middle };
}
