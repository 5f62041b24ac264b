import { isValidNpi } from '../../prescriptions/domain/index.js';
import { isIsoDate } from './aging.js';
import { formatUsd } from './statement.js';

/**
 * A superbill: the itemised receipt a client sends to their insurer for out-of-network reimbursement.
 * Fields follow billing-standards.md §6; `superbillProblems` says in plain words what an insurer would
 * reject it for.
 */

export type SuperbillLine = {
  /** One exact date (YYYY-MM-DD): insurers refuse date ranges. */
  serviceDate: string;
  /** CMS place-of-service code, two digits (11 office, 12 home, 02/10 telehealth). */
  placeOfService: string;
  /** CPT or HCPCS code. */
  code: string;
  description: string;
  modifiers: string[];
  units: number;
  /** 1-based indexes into `diagnoses` (1 = A). */
  diagnosisPointers: number[];
  /** The full fee for the line, before any discount or payment. */
  chargeCents: number;
};

export type SuperbillData = {
  patient: { name: string; dateOfBirth: string; address: string[]; memberId: string | null };
  provider: {
    name: string;
    credentials: string | null;
    npi: string | null;
    licenseNumber: string | null;
    licenseState: string | null;
    taxonomy: string | null;
  };
  practice: {
    name: string;
    address: string[];
    phone: string | null;
    npi: string | null;
    taxId: string | null;
    taxIdType: 'EIN' | 'SSN' | null;
  };
  referringProvider: { name: string; npi: string | null } | null;
  /** Lettered A, B, C… in this order. */
  diagnoses: { code: string; description: string }[];
  lines: SuperbillLine[];
  totals: { chargedCents: number; paidCents: number; balanceCents: number };
  payments: { date: string; method: string; amountCents: number }[];
  issuedOn: string;
  statementNumber: string;
};

/** Insurers' claim forms take at most 12 diagnoses (CMS-1500 box 21, A–L) and 4 pointers per line. */
export const MAX_DIAGNOSES = 12;
export const MAX_POINTERS_PER_LINE = 4;
export const MAX_MODIFIERS_PER_LINE = 4;

/** 1 → 'A', 2 → 'B', … 26 → 'Z'; '?' outside that range. */
export function diagnosisLetter(pointer: number): string {
  return Number.isInteger(pointer) && pointer >= 1 && pointer <= 26 ? String.fromCharCode(64 + pointer) : '?';
}

/** Totals from the lines and payments: what a superbill should show. */
export function superbillTotals(
  lines: readonly Pick<SuperbillLine, 'chargeCents'>[],
  payments: readonly { amountCents: number }[],
): SuperbillData['totals'] {
  const chargedCents = lines.reduce((sum, line) => sum + line.chargeCents, 0);
  const paidCents = payments.reduce((sum, payment) => sum + payment.amountCents, 0);
  return { chargedCents, paidCents, balanceCents: chargedCents - paidCents };
}

/** ICD-10-CM, with or without the dot: a letter, a digit, a digit or letter, then up to 4 more. */
const ICD10CM = /^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/;
/** CPT (5 digits, or 4 digits and F/T/U for categories II, III, PLA) or HCPCS Level II (a letter, 4 digits). */
const PROCEDURE_CODE = /^([0-9]{4}[0-9FTU]|[A-V][0-9]{4})$/;
const MODIFIER = /^[0-9A-Z]{2}$/;
const PLACE_OF_SERVICE = /^[0-9]{2}$/;

const blank = (value: string | null | undefined) => !value || value.trim() === '';
/** The value trimmed, or null when blank. */
const given = (value: string | null | undefined) => (value && value.trim() !== '' ? value.trim() : null);

/**
 * What is missing or wrong, as sentences for the therapist ("The therapist's NPI is missing."); empty when
 * the superbill has everything billing-standards.md §6 asks for. Optional fields (taxonomy, the practice's
 * own NPI, a referring provider) are checked only when given.
 */
export function superbillProblems(data: SuperbillData): string[] {
  const problems: string[] = [];
  const add = (message: string) => problems.push(message);
  const { patient, provider, practice } = data;

  // Patient
  if (blank(patient.name)) add("The patient's name is missing.");
  if (blank(patient.dateOfBirth)) add("The patient's date of birth is missing.");
  else if (!isIsoDate(patient.dateOfBirth))
    add(`The patient's date of birth "${patient.dateOfBirth}" is not a date.`);
  else if (!blank(data.issuedOn) && isIsoDate(data.issuedOn) && patient.dateOfBirth > data.issuedOn) {
    add("The patient's date of birth is after the superbill's date.");
  }
  if (patient.address.every((line) => blank(line))) add("The patient's address is missing.");
  if (blank(patient.memberId)) add("The patient's insurance member ID is missing.");

  // Rendering provider
  if (blank(provider.name)) add("The therapist's name is missing.");
  if (blank(provider.credentials)) add("The therapist's credentials (such as LMT) are missing.");
  const npi = given(provider.npi);
  if (!npi) add("The therapist's NPI is missing.");
  else if (!isValidNpi(npi)) add(npiMessage("The therapist's NPI", npi));
  if (blank(provider.licenseNumber)) add("The therapist's license number is missing.");
  const licenseState = given(provider.licenseState);
  if (!licenseState) add("The state of the therapist's license is missing.");
  else if (!/^[A-Z]{2}$/.test(licenseState)) {
    add(`The license state "${licenseState}" is not a two-letter state code.`);
  }
  const taxonomy = given(provider.taxonomy);
  if (taxonomy && !/^[0-9]{3}[0-9A-Z]{6}X$/.test(taxonomy)) {
    add(`The taxonomy code "${taxonomy}" is not a valid taxonomy code (such as 225700000X).`);
  }

  // Practice
  if (blank(practice.name)) add("The practice's name is missing.");
  if (practice.address.every((line) => blank(line))) add("The practice's address is missing.");
  if (blank(practice.phone)) add("The practice's phone number is missing.");
  const practiceNpi = given(practice.npi);
  if (practiceNpi && !isValidNpi(practiceNpi)) add(npiMessage("The practice's NPI", practiceNpi));
  const taxId = given(practice.taxId);
  if (!taxId) add("The practice's tax ID (EIN or SSN) is missing.");
  else {
    if (!/^\d{9}$/.test(taxId.replace(/[\s-]/g, ''))) add('The tax ID must be 9 digits.');
    if (!practice.taxIdType) add('Say whether the tax ID is an EIN or an SSN.');
  }

  // Referring provider (optional, but helps a massage claim)
  const referring = data.referringProvider;
  if (referring) {
    if (blank(referring.name)) add("The referring provider's name is missing.");
    const referringNpi = given(referring.npi);
    if (referringNpi && !isValidNpi(referringNpi)) {
      add(npiMessage("The referring provider's NPI", referringNpi));
    }
  }

  // Diagnoses
  if (data.diagnoses.length === 0) add('No diagnosis (ICD-10-CM code) is listed.');
  if (data.diagnoses.length > MAX_DIAGNOSES) {
    add(`There are ${data.diagnoses.length} diagnoses; insurers' claim forms take at most ${MAX_DIAGNOSES}.`);
  }
  data.diagnoses.forEach((diagnosis, i) => {
    const letter = diagnosisLetter(i + 1);
    if (blank(diagnosis.code)) add(`Diagnosis ${letter} has no ICD-10-CM code.`);
    else if (!ICD10CM.test(diagnosis.code.trim())) {
      add(`Diagnosis ${letter} "${diagnosis.code}" is not an ICD-10-CM code.`);
    }
  });
  const seen = new Set<string>();
  for (const diagnosis of data.diagnoses) {
    const code = diagnosis.code.trim().toUpperCase();
    if (code && seen.has(code)) add(`Diagnosis ${diagnosis.code.trim()} is listed twice.`);
    seen.add(code);
  }

  // Services
  if (data.lines.length === 0) add('No services are listed.');
  data.lines.forEach((line, i) => lineProblems(line, i + 1, data.diagnoses.length).forEach(add));

  // Totals and payments
  data.payments.forEach((payment, i) => {
    const name = `Payment ${i + 1}`;
    if (!isIsoDate(payment.date)) add(`${name} has no valid date.`);
    if (blank(payment.method)) add(`${name} does not say how it was paid.`);
    if (!(payment.amountCents > 0)) add(`${name} has no amount.`);
  });
  const expected = superbillTotals(data.lines, data.payments);
  const { totals } = data;
  if (totals.chargedCents !== expected.chargedCents) {
    add(
      `The total charged (${formatUsd(totals.chargedCents)}) is not the sum of the lines (${formatUsd(expected.chargedCents)}).`,
    );
  }
  if (totals.paidCents !== expected.paidCents) {
    add(
      `The amount paid (${formatUsd(totals.paidCents)}) is not the sum of the payments (${formatUsd(expected.paidCents)}).`,
    );
  }
  if (totals.balanceCents !== totals.chargedCents - totals.paidCents) {
    add(`The balance (${formatUsd(totals.balanceCents)}) is not the total charged less the amount paid.`);
  }

  // The document itself
  if (blank(data.issuedOn) || !isIsoDate(data.issuedOn)) add('The superbill has no valid date of issue.');
  if (blank(data.statementNumber)) add('The superbill has no number.');
  return problems;
}

function npiMessage(subject: string, value: string): string {
  return /^\d{10}$/.test(value)
    ? `${subject} ${value} fails its check digit: look for a mistyped digit.`
    : `${subject} "${value}" is not 10 digits.`;
}

function lineProblems(line: SuperbillLine, n: number, diagnosisCount: number): string[] {
  const problems: string[] = [];
  const name = blank(line.code) ? `Line ${n}` : `Line ${n} (${line.code.trim()})`;
  if (blank(line.serviceDate)) problems.push(`${name} has no date of service.`);
  else if (!isIsoDate(line.serviceDate)) {
    problems.push(`${name}: "${line.serviceDate}" is not one exact date of service.`);
  }
  if (blank(line.placeOfService)) problems.push(`${name} has no place-of-service code.`);
  else if (!PLACE_OF_SERVICE.test(line.placeOfService.trim())) {
    problems.push(`${name}: place of service "${line.placeOfService}" is not a two-digit code.`);
  }
  if (blank(line.code)) problems.push(`Line ${n} has no CPT or HCPCS code.`);
  else if (!PROCEDURE_CODE.test(line.code.trim())) {
    problems.push(`Line ${n}: "${line.code}" is not a CPT or HCPCS code.`);
  }
  const badModifiers = line.modifiers.filter((m) => !MODIFIER.test(m.trim()));
  if (badModifiers.length > 0) {
    problems.push(`${name}: modifier ${badModifiers.map((m) => `"${m}"`).join(', ')} is not two characters.`);
  }
  if (line.modifiers.length > MAX_MODIFIERS_PER_LINE) {
    problems.push(`${name} has ${line.modifiers.length} modifiers; at most ${MAX_MODIFIERS_PER_LINE} fit.`);
  }
  if (!Number.isInteger(line.units) || line.units < 1) problems.push(`${name} needs at least 1 unit.`);
  // Without any diagnosis, 'No diagnosis is listed' says it all.
  const pointers = diagnosisCount > 0 ? line.diagnosisPointers : [];
  if (diagnosisCount > 0 && pointers.length === 0) problems.push(`${name} is not linked to a diagnosis.`);
  if (pointers.length > MAX_POINTERS_PER_LINE) {
    problems.push(`${name} points to ${pointers.length} diagnoses; at most ${MAX_POINTERS_PER_LINE} fit.`);
  }
  for (const pointer of pointers) {
    if (!Number.isInteger(pointer) || pointer < 1 || pointer > diagnosisCount) {
      const letter = diagnosisLetter(pointer);
      problems.push(
        letter === '?'
          ? `${name} points to a diagnosis that is not listed.`
          : `${name} points to diagnosis ${letter}, which is not listed.`,
      );
    }
  }
  if (!(line.chargeCents > 0)) problems.push(`${name} has no charge.`);
  return problems;
}
