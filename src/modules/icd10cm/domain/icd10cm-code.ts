/**
 * ICD-10-CM codes and the CDC order file (format: CDC "icd10OrderFiles.pdf"; see content/icd10cm/README.md).
 * Pure: parsing, code formatting and the billability check that prescriptions and claims rely on.
 */

export type Icd10cmEntry = {
  /** Without the dot, upper-case: `M542`, `S134XXA`. */
  code: string;
  /** 1 in the order file: valid for HIPAA-covered transactions. Headers (0) cannot be billed. */
  billable: boolean;
  shortDescription: string;
  longDescription: string;
};

/** One line of the fixed-width order file: order[0:5] code[6:13] flag[14] short[16:76] long[77:]. */
export function parseOrderFileLine(line: string): Icd10cmEntry | undefined {
  const text = line.replace(/\r$/, '');
  if (text.trim() === '') return undefined;
  const code = text.slice(6, 13).trim();
  const flag = text.charAt(14);
  if (
    !/^\d{5}$/.test(text.slice(0, 5)) ||
    !/^[A-Z][0-9A-Z]{2,6}$/.test(code) ||
    (flag !== '0' && flag !== '1')
  ) {
    throw new Error(`Not an ICD-10-CM order-file line: "${text.slice(0, 40)}…"`);
  }
  return {
    code,
    billable: flag === '1',
    shortDescription: text.slice(16, 76).trim(),
    longDescription: text.slice(77).trim(),
  };
}

export function parseOrderFile(content: string): Icd10cmEntry[] {
  const entries: Icd10cmEntry[] = [];
  for (const line of content.split('\n')) {
    const entry = parseOrderFileLine(line);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** `m54.2`, ` M542 ` → `M542`; undefined when it cannot be a code at all. */
export function normalizeCode(input: string): string | undefined {
  const code = input.trim().toUpperCase().replace('.', '');
  return /^[A-Z][0-9][0-9A-Z]{1,5}$/.test(code) ? code : undefined;
}

/** `M542` → `M54.2` (the dot goes after the category's 3 characters). */
export function formatCode(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

export type CodeProblem =
  | { kind: 'unknown'; message: string }
  | { kind: 'header'; message: string; suggestions: string[] }
  | { kind: 'seventh_character'; message: string; suggestions: string[] };

/**
 * Why `input` cannot go on a claim, or undefined when it can. `entry` is the code's own entry (if any) and
 * `billableDescendants` the billable codes that start with it (ICD-10-CM Official Guidelines I.A.2–I.A.5:
 * report to the highest specificity; a 7th character is required where the category asks for it, with "X"
 * placeholders).
 */
export function billabilityProblem(
  input: string,
  entry: Icd10cmEntry | undefined,
  billableDescendants: readonly string[],
): CodeProblem | undefined {
  const code = normalizeCode(input);
  const shown = code ? formatCode(code) : input.trim();
  if (entry?.billable) return undefined;
  if (code && billableDescendants.length > 0) {
    const suggestions = billableDescendants.slice(0, 6).map(formatCode);
    if (code.length < 7 && billableDescendants.every((descendant) => descendant.length === 7)) {
      return {
        kind: 'seventh_character',
        message: `${shown} needs a 7th character for the encounter (A initial, D subsequent, S sequela), e.g. ${suggestions.slice(0, 3).join(', ')}.`,
        suggestions,
      };
    }
    return {
      kind: 'header',
      message: `${shown} is a category heading, not a billable code. Choose a more specific code, e.g. ${suggestions.slice(0, 3).join(', ')}.`,
      suggestions,
    };
  }
  return { kind: 'unknown', message: `${shown} is not an ICD-10-CM code in this edition.` };
}
