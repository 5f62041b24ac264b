/**
 * The draft-claim editor's model: what the biller may change (diagnoses and their order, pointers,
 * modifiers, units, charges, box 17 / 23 / 24B / 14) and the PATCH that sends only what changed.
 */
import type { Claim, ClaimUpdate } from '../../api/billing.js';
import { centsFromDollars, dollarsFromCents } from './billing-ui.js';

export type LineForm = {
  id: string;
  modifiers: string;
  pointers: number[];
  units: number | string;
  charge: number | string;
};

export type ClaimForm = {
  lines: LineForm[];
  diagnoses: string[];
  referringGiven: string;
  referringFamily: string;
  referringNpi: string;
  priorAuthNumber: string;
  placeOfService: string;
  onsetDate: string;
};

export function claimToForm(claim: Claim): ClaimForm {
  return {
    lines: claim.lines.map((line) => ({
      id: line.id,
      modifiers: line.modifiers.join(', '),
      pointers: [...line.diagnosisPointers],
      units: line.units,
      charge: dollarsFromCents(line.chargeCents),
    })),
    diagnoses: [...claim.diagnoses],
    referringGiven: claim.referringProvider?.givenName ?? '',
    referringFamily: claim.referringProvider?.familyName ?? '',
    referringNpi: claim.referringProvider?.npi ?? '',
    priorAuthNumber: claim.priorAuthNumber ?? '',
    placeOfService: claim.placeOfService,
    onsetDate: claim.onsetDate ?? '',
  };
}

/** "gp 59" / "GP,59" → ['GP', '59']. */
export function parseModifiers(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((m) => m.trim().toUpperCase())
    .filter(Boolean);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type FormProblems = Record<string, string>;

/** Checks the browser can make before sending (the server checks again). */
export function checkForm(form: ClaimForm): FormProblems {
  const problems: FormProblems = {};
  form.lines.forEach((line, index) => {
    const modifiers = parseModifiers(line.modifiers);
    if (modifiers.some((m) => !/^[A-Z0-9]{2}$/.test(m)))
      problems[`lines[${index}].modifiers`] = 'A modifier is 2 letters or digits, e.g. GP or 59.';
    else if (modifiers.length > 4) problems[`lines[${index}].modifiers`] = 'At most 4 modifiers per line.';
    if (line.pointers.length === 0)
      problems[`lines[${index}].diagnosisPointers`] = 'Point to at least one diagnosis.';
    const units = Number(line.units);
    if (line.units === '' || !Number.isInteger(units) || units < 0 || units > 99)
      problems[`lines[${index}].units`] = 'Units are a whole number from 0 to 99.';
    if (centsFromDollars(line.charge) === null) problems[`lines[${index}].chargeCents`] = 'Enter the charge.';
  });
  if (form.diagnoses.length === 0) problems.diagnoses = 'A claim needs at least one diagnosis.';
  const referring = [form.referringGiven, form.referringFamily, form.referringNpi].some((v) => v.trim());
  if (referring && !form.referringFamily.trim())
    problems['referringProvider.familyName'] = "Enter the prescriber's last name.";
  if (form.referringNpi.trim() && !/^\d{10}$/.test(form.referringNpi.trim()))
    problems['referringProvider.npi'] = 'An NPI is exactly 10 digits.';
  return problems;
}

/** The PATCH body for what changed, or null when nothing did. */
export function changesOf(form: ClaimForm, claim: Claim): ClaimUpdate | null {
  const base = claimToForm(claim);
  const update: ClaimUpdate = { version: claim.version };
  let changed = false;

  const lines: NonNullable<ClaimUpdate['lines']> = [];
  form.lines.forEach((line, index) => {
    const before = base.lines[index];
    if (!before) return;
    const change: NonNullable<ClaimUpdate['lines']>[number] = { id: line.id };
    const modifiers = parseModifiers(line.modifiers);
    if (!same(modifiers, parseModifiers(before.modifiers))) change.modifiers = modifiers;
    if (!same(line.pointers, before.pointers)) change.diagnosisPointers = line.pointers;
    if (Number(line.units) !== Number(before.units)) change.units = Number(line.units);
    const cents = centsFromDollars(line.charge);
    if (cents !== null && cents !== centsFromDollars(before.charge)) change.chargeCents = cents;
    if (Object.keys(change).length > 1) lines.push(change);
  });
  if (lines.length) {
    update.lines = lines;
    changed = true;
  }
  if (!same(form.diagnoses, base.diagnoses)) {
    update.diagnoses = form.diagnoses;
    changed = true;
  }
  const referringNow = [form.referringGiven, form.referringFamily, form.referringNpi].map((v) => v.trim());
  const referringBefore = [base.referringGiven, base.referringFamily, base.referringNpi].map((v) => v.trim());
  if (!same(referringNow, referringBefore)) {
    update.referringProvider = referringNow.some(Boolean)
      ? { givenName: referringNow[0]!, familyName: referringNow[1]!, npi: referringNow[2] || null }
      : null;
    changed = true;
  }
  if (form.priorAuthNumber.trim() !== base.priorAuthNumber.trim()) {
    update.priorAuthNumber = form.priorAuthNumber.trim() || null;
    changed = true;
  }
  if (form.placeOfService !== base.placeOfService) {
    update.placeOfService = form.placeOfService;
    changed = true;
  }
  if (form.onsetDate !== base.onsetDate) {
    update.onsetDate = form.onsetDate || null;
    changed = true;
  }
  return changed ? update : null;
}

/** Line number (1-based, as the scrubber names lines) of a problem's field, e.g. "lines[2].modifiers" → 2. */
export function problemLine(field: string): number | null {
  const match = /^lines\[(\d+)\]/.exec(field);
  return match ? Number(match[1]) : null;
}
