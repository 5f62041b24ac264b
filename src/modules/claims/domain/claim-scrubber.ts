import { formatUsd as formatCents } from '../../../platform/domain/money.js';
/**
 * The claim scrubber: every reason a payer would reject or deny the claim that Palpa can see before it is
 * sent, in plain words, each naming the field to fix. A claim with any error cannot be marked ready.
 * Sources are cited per rule: billing-standards.md (§ numbers below), NUCC 1500 instructions, NCCI.
 */
import { isValidNpi } from '../../prescriptions/domain/index.js';
import { computeUnits, type CodePairEdit, type UnitMethod } from '../../billing/domain/index.js';
export type { CodePairEdit };
import type { ClaimDocument, ClaimType } from './claim-document.js';

export type ScrubSeverity = 'error' | 'warning';
export type ScrubProblem = {
  /** Stable id of the rule, e.g. "npi.rendering.invalid". */
  rule: string;
  severity: ScrubSeverity;
  /** Where to fix it, e.g. "lines[2].modifiers" or "referringProvider.npi". */
  field: string;
  message: string;
};

export type PayerRules = {
  claimType: ClaimType;
  unitMethod: UnitMethod;
  requiresGp: boolean;
  bundles97124With97140: boolean;
  requiresReferringProvider: boolean;
};

/** The signed (or not) note each line bills, as documented. */
export type DocumentedSession = {
  noteId: string;
  serviceDate: string;
  signed: boolean;
  services: { code: string; minutes: number; timed: boolean; regions: string[] }[];
};

export type PrescriptionFacts = {
  writtenOn: string;
  expiresOn: string | null;
  visitsAuthorised: number | null;
  /** Visit number of each date of service within this prescription (1 = first visit). */
  visitNumberByDate: Record<string, number>;
};

export type ScrubInput = {
  claim: ClaimDocument;
  payer: PayerRules;
  /** Line number → the note it bills; a missing entry means the note is missing. */
  sessionsByLine: Record<number, DocumentedSession | undefined>;
  prescription: PrescriptionFacts | null;
  /** ICD-10-CM code → why it is not billable on the dates of service (null when fine). */
  diagnosisProblems: Record<string, string | null>;
  codePairEdits: readonly CodePairEdit[];
  /** The clinic's today (ISO date). */
  today: string;
};

/** Distinct-procedural-service modifiers (NCCI; CR8863): 59 or one of the X{EPSU} subsets. */
const DISTINCT_SERVICE_MODIFIERS = ['59', 'XE', 'XS', 'XP', 'XU'];
const X_MODIFIERS = ['XE', 'XS', 'XP', 'XU'];
const MAX_DIAGNOSES = 12;
const MAX_POINTERS = 4;

export function scrubClaim(input: ScrubInput): ScrubProblem[] {
  const problems: ScrubProblem[] = [];
  const add = (rule: string, field: string, message: string, severity: ScrubSeverity = 'error') =>
    problems.push({ rule, severity, field, message });

  checkProviders(input, add);
  checkPatientAndCoverage(input, add);
  checkDiagnoses(input, add);
  checkLines(input, add);
  checkCodePairs(input, add);
  checkPrescription(input, add);
  checkTotals(input, add);
  return problems;
}

type Add = (rule: string, field: string, message: string, severity?: ScrubSeverity) => void;

function npiCheck(add: Add, value: string | null | undefined, field: string, who: string, rule: string) {
  if (!value) add(`${rule}.missing`, field, `The ${who} NPI is missing.`);
  else if (!isValidNpi(value))
    add(
      `${rule}.invalid`,
      field,
      `The ${who} NPI ${value} fails its check digit: look for a mistyped digit.`,
    );
}

function checkProviders({ claim, payer }: ScrubInput, add: Add) {
  const billing = claim.billingProvider;
  npiCheck(add, billing.npi, 'billingProvider.npi', 'billing provider', 'npi.billing');
  if (!/^\d{9}$/.test(billing.taxId.replace(/-/g, '')))
    add('tax_id.invalid', 'billingProvider.taxId', 'The tax ID (box 25) must be 9 digits.');
  if (!/^[0-9A-Z]{9}X$/.test(billing.taxonomy))
    add(
      'taxonomy.invalid',
      'billingProvider.taxonomy',
      'The billing taxonomy code must look like 225700000X.',
    );
  if (!billing.address.line1 || !/^\d{9}$/.test(billing.address.zip))
    add(
      'billing_address.incomplete',
      'billingProvider.address',
      'The billing provider address needs a street and a 9-digit ZIP (837P 2010AA).',
    );
  npiCheck(
    add,
    claim.renderingProvider.npi,
    'renderingProvider.npi',
    "treating therapist's",
    'npi.rendering',
  );

  const referring = claim.referringProvider;
  if (!referring || !referring.familyName) {
    if (payer.requiresReferringProvider)
      add(
        'referring.missing',
        'referringProvider',
        'The referring provider (box 17) is missing: this payer pays massage only on a prescription.',
      );
  } else if (!referring.npi) {
    if (payer.requiresReferringProvider)
      add(
        'npi.referring.missing',
        'referringProvider.npi',
        `The NPI of ${referring.givenName} ${referring.familyName} (box 17b) is missing.`,
      );
  } else if (!isValidNpi(referring.npi)) {
    add(
      'npi.referring.invalid',
      'referringProvider.npi',
      `The prescriber's NPI ${referring.npi} fails its check digit: look for a mistyped digit.`,
    );
  }
}

function checkPatientAndCoverage({ claim, payer }: ScrubInput, add: Add) {
  if (!claim.subscriber.memberId)
    add('member_id.missing', 'subscriber.memberId', "The insured's ID (box 1a) is missing.");
  if (!claim.patient.address.line1 || !claim.patient.address.zip)
    add('patient_address.missing', 'patient.address', "The patient's address (box 5) is incomplete.");
  if (claim.patient.sex === 'U')
    add(
      'patient_sex.missing',
      'patient.sex',
      "The patient's sex (box 3) is not recorded; most payers require it.",
      'warning',
    );
  if (!claim.payer.payerId)
    add('payer_id.missing', 'payer.payerId', 'The payer has no payer ID for electronic claims.');
  if ((claim.frequencyCode === '7' || claim.frequencyCode === '8') && !claim.originalPayerClaimNumber)
    add(
      'original_claim_number.missing',
      'originalPayerClaimNumber',
      "A corrected or void claim needs the payer's original claim number (box 22).",
    );

  if (payer.claimType === 'health') return;
  const kind = payer.claimType === 'auto' ? 'auto' : "workers' comp";
  const accident = claim.accident;
  if (!accident) {
    add(
      'case.missing',
      'case',
      `This is an ${kind} payer: attach the client's ${kind} case (claim number, date of injury).`,
    );
    return;
  }
  if (!accident.propertyCasualtyClaimNumber)
    add('case.claim_number.missing', 'case.claimNumber', `The ${kind} claim number (box 11b) is missing.`);
  if (!accident.date)
    add('case.injury_date.missing', 'case.injuryDate', 'The date of injury or accident (box 14) is missing.');
  if (payer.claimType === 'auto') {
    if (!accident.state)
      add(
        'case.state.missing',
        'case.accidentState',
        'The state where the accident happened (box 10b) is missing.',
      );
    // Fla. Stat. 627.736(1)(a)5 (2013): PIP excludes massage and does not reimburse massage therapists
    // (billing-standards.md §5).
    if (accident.state === 'FL')
      add(
        'state.fl_pip_massage',
        'case.accidentState',
        'Florida PIP does not pay for massage or reimburse massage therapists (Fla. Stat. 627.736(1)(a)5): bill the client or another coverage.',
      );
  }
  if (payer.claimType === 'workers_comp' && !claim.subscriber.organizationName)
    add(
      'case.employer.missing',
      'case.employerName',
      "The employer's name (box 4 on a workers' comp claim) is missing.",
    );
}

function checkDiagnoses({ claim, diagnosisProblems }: ScrubInput, add: Add) {
  if (claim.diagnoses.length === 0)
    add('diagnosis.missing', 'diagnoses', 'The claim has no diagnosis (box 21).');
  if (claim.diagnoses.length > MAX_DIAGNOSES)
    add('diagnosis.too_many', 'diagnoses', `A claim holds at most ${MAX_DIAGNOSES} diagnoses (box 21 A–L).`);
  const seen = new Set<string>();
  claim.diagnoses.forEach((code, index) => {
    if (seen.has(code)) add('diagnosis.duplicate', `diagnoses[${index}]`, `${code} is listed twice.`);
    seen.add(code);
    const problem = diagnosisProblems[code];
    if (problem) add('diagnosis.not_billable', `diagnoses[${index}]`, problem);
  });
}

function checkLines({ claim, payer, sessionsByLine, today }: ScrubInput, add: Add) {
  if (claim.lines.length === 0) add('lines.missing', 'lines', 'The claim has no service lines.');
  const checkedSessions = new Set<string>();
  for (const line of claim.lines) {
    const at = `lines[${line.lineNumber}]`;
    const label = `Line ${line.lineNumber} (${line.code} on ${line.serviceDate})`;

    if (line.serviceDate > today)
      add('line.future_date', `${at}.serviceDate`, `${label}: the date of service is in the future.`);
    if (line.units < 1) add('line.units.zero', `${at}.units`, `${label}: no billable unit.`);
    if (line.chargeCents <= 0)
      add(
        'line.charge.missing',
        `${at}.chargeCents`,
        `${label}: no charge — add ${line.code} to the fee schedule.`,
      );

    // Pointers (NUCC box 24E; 5010 SV107): 1–4 letters, each naming a diagnosis on the claim, no repeats.
    if (line.diagnosisPointers.length === 0)
      add(
        'pointer.missing',
        `${at}.diagnosisPointers`,
        `${label}: point to at least one diagnosis (box 24E).`,
      );
    if (line.diagnosisPointers.length > MAX_POINTERS)
      add(
        'pointer.too_many',
        `${at}.diagnosisPointers`,
        `${label}: at most ${MAX_POINTERS} diagnosis pointers per line.`,
      );
    if (new Set(line.diagnosisPointers).size !== line.diagnosisPointers.length)
      add('pointer.duplicate', `${at}.diagnosisPointers`, `${label}: a diagnosis pointer is repeated.`);
    for (const pointer of line.diagnosisPointers) {
      if (!Number.isInteger(pointer) || pointer < 1 || pointer > claim.diagnoses.length)
        add(
          'pointer.out_of_range',
          `${at}.diagnosisPointers`,
          `${label}: pointer ${pointerLetter(pointer)} names no diagnosis on this claim (it has ${claim.diagnoses.length}).`,
        );
    }

    // Modifiers (NUCC 24D: up to 4); 59 and an X modifier never together (MLN1783722).
    if (line.modifiers.length > 4)
      add('modifier.too_many', `${at}.modifiers`, `${label}: at most 4 modifiers.`);
    if (line.modifiers.includes('59') && line.modifiers.some((m) => X_MODIFIERS.includes(m)))
      add(
        'modifier.59_with_x',
        `${at}.modifiers`,
        `${label}: use 59 or an X modifier (XE/XS/XP/XU), not both.`,
      );
    if (payer.requiresGp && /^97\d{3}$/.test(line.code) && !line.modifiers.includes('GP'))
      add(
        'modifier.gp_missing',
        `${at}.modifiers`,
        `${label}: this payer requires the GP modifier on therapy codes.`,
      );

    const session = sessionsByLine[line.lineNumber];
    if (!session) {
      add(
        'note.missing',
        `${at}`,
        `${label}: there is no session note for this visit: document it before billing.`,
      );
      continue;
    }
    if (!session.signed)
      add('note.unsigned', `${at}`, `${label}: the session note is not signed: sign it before billing.`);
    if (session.serviceDate !== line.serviceDate)
      add('note.date_mismatch', `${at}.serviceDate`, `${label}: the note is dated ${session.serviceDate}.`);
    if (!session.services.some((s) => s.code === line.code))
      add('note.code_not_documented', `${at}.code`, `${label}: the note documents no ${line.code} service.`);
    if (!checkedSessions.has(session.noteId)) {
      checkedSessions.add(session.noteId);
      checkUnitsAgainstMinutes(claim, payer.unitMethod, session, add);
    }
  }
}

/** Units billed per code on a date must equal what the payer's method gives for the documented minutes (§1). */
function checkUnitsAgainstMinutes(
  claim: ClaimDocument,
  method: UnitMethod,
  session: DocumentedSession,
  add: Add,
) {
  const expected = computeUnits(
    method,
    session.services.map((s) => ({ code: s.code, minutes: s.minutes, timed: s.timed })),
  );
  const billed = new Map<string, { units: number; lineNumber: number }>();
  for (const line of claim.lines) {
    if (line.serviceDate !== session.serviceDate) continue;
    const entry = billed.get(line.code) ?? { units: 0, lineNumber: line.lineNumber };
    entry.units += line.units;
    billed.set(line.code, entry);
  }
  for (const [code, { units, lineNumber }] of billed) {
    const documented = expected.lines.find((l) => l.code === code);
    if (!documented) continue;
    if (documented.units !== units) {
      const rule = method === 'cms' ? 'CMS 8-minute rule' : 'per-code rule';
      add(
        'units.mismatch',
        `lines[${lineNumber}].units`,
        `Line ${lineNumber} (${code} on ${session.serviceDate}): ${units} unit${units === 1 ? '' : 's'} billed, but ${documented.minutes} documented minutes give ${documented.units} by the ${rule} (${expected.explanation})`,
      );
    }
  }
}

function checkCodePairs({ claim, payer, codePairEdits }: ScrubInput, add: Add) {
  const byDate = new Map<string, ClaimDocument['lines']>();
  for (const line of claim.lines)
    byDate.set(line.serviceDate, [...(byDate.get(line.serviceDate) ?? []), line]);

  for (const [date, lines] of byDate) {
    const hasDistinct = (line: ClaimDocument['lines'][number]) =>
      line.modifiers.some((m) => DISTINCT_SERVICE_MODIFIERS.includes(m));
    for (const edit of codePairEdits) {
      const first = lines.find((l) => l.code === edit.column1);
      const second = lines.find((l) => l.code === edit.column2);
      if (!first || !second) continue;
      if (edit.modifierIndicator === '0') {
        add(
          'ncci.never_together',
          `lines[${second.lineNumber}].code`,
          `${edit.column1} and ${edit.column2} on ${date} are never paid together (${edit.source}): remove line ${second.lineNumber}.`,
        );
      } else if (!hasDistinct(second)) {
        add(
          'ncci.modifier_needed',
          `lines[${second.lineNumber}].modifiers`,
          `${edit.column2} with ${edit.column1} on ${date} is denied unless it was a distinct service: add 59 or XS/XU to line ${second.lineNumber} only if the note shows separate regions or time (${edit.source}).`,
        );
      }
    }
    // Payer-configurable bundling of massage with manual therapy on one region (billing-standards.md §2.1).
    if (payer.bundles97124With97140) {
      const massage = lines.find((l) => l.code === '97124');
      const manual = lines.find((l) => l.code === '97140');
      if (massage && manual && !hasDistinct(massage)) {
        add(
          'payer.bundles_97124_97140',
          `lines[${massage.lineNumber}].modifiers`,
          `This payer bundles 97124 into 97140 on ${date}: if the massage was on a different region than the manual therapy, add XS (or 59) to line ${massage.lineNumber}; if on the same region, bill one of them.`,
        );
      }
      if (massage && manual && hasDistinct(massage)) {
        const shared = (massage.regions ?? []).filter((region) => (manual.regions ?? []).includes(region));
        if (shared.length > 0)
          add(
            'payer.bundles_same_region',
            `lines[${massage.lineNumber}].modifiers`,
            `Line ${massage.lineNumber} claims a distinct region, but the note records 97124 and 97140 both on ${shared.join(', ')} on ${date}.`,
          );
      }
    }
  }
}

function checkPrescription({ claim, payer, prescription }: ScrubInput, add: Add) {
  if (!prescription) {
    if (payer.requiresReferringProvider)
      add(
        'prescription.missing',
        'prescription',
        'There is no prescription for this episode: this payer pays massage only with one.',
      );
    return;
  }
  const dates = [...new Set(claim.lines.map((l) => l.serviceDate))].sort();
  for (const date of dates) {
    if (date < prescription.writtenOn)
      add(
        'prescription.not_yet_written',
        'prescription.writtenOn',
        `The visit on ${date} is before the prescription was written (${prescription.writtenOn}).`,
      );
    if (prescription.expiresOn && date > prescription.expiresOn)
      add(
        'prescription.expired',
        'prescription.expiresOn',
        `The visit on ${date} is after the prescription expired (${prescription.expiresOn}): ask the prescriber for a renewal.`,
      );
    const visit = prescription.visitNumberByDate[date];
    if (
      prescription.visitsAuthorised !== null &&
      visit !== undefined &&
      visit > prescription.visitsAuthorised
    )
      add(
        'prescription.visits_exhausted',
        'prescription.visitsAuthorised',
        `The visit on ${date} is visit ${visit} of ${prescription.visitsAuthorised} authorised: the authorised visits are used up.`,
      );
  }
}

function checkTotals({ claim }: ScrubInput, add: Add) {
  const sum = claim.lines.reduce((total, line) => total + line.chargeCents, 0);
  if (sum !== claim.totalChargeCents)
    add(
      'totals.mismatch',
      'totalChargeCents',
      `The total charge ${formatCents(claim.totalChargeCents)} (box 28) does not equal the sum of the lines ${formatCents(sum)}.`,
    );
  if (claim.amountPaidCents < 0 || claim.amountPaidCents > claim.totalChargeCents)
    add(
      'totals.amount_paid',
      'amountPaidCents',
      'The amount paid (box 29) must be between 0 and the total charge.',
    );
}

export function pointerLetter(pointer: number): string {
  return pointer >= 1 && pointer <= 26 ? String.fromCharCode(64 + pointer) : String(pointer);
}

export function hasBlockingProblems(problems: readonly ScrubProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

export { formatCents };
