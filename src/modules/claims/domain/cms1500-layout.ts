/**
 * What goes where on a CMS-1500 (02/12) claim form: the text of each field and the checked boxes, page by page.
 * Pure: the PDF renderer only draws what this returns. Box rules follow the NUCC 1500 Reference Instruction
 * Manual (billing-standards.md §3): uppercase, no punctuation in addresses, codes without their dot, amounts
 * split into dollars and cents without "$" or commas, six service lines per page.
 */
import {
  CMS1500_CENTS_DIVIDERS,
  CMS1500_CHECKBOXES,
  CMS1500_FIELDS,
  type Cms1500CheckboxGroup,
  type Cms1500Field,
  type FieldRect,
} from './cms1500-fields.js';
import type {
  ClaimDocument,
  ClaimFilingIndicator,
  ClaimServiceLine,
  PersonName,
  PostalAddress,
  Relationship,
} from './claim-document.js';

export type Cms1500Align = 'left' | 'center' | 'right';

/** One piece of text in one field. `field` is the CMS1500_FIELDS name, or a derived name such as "ch1.cents". */
export type Cms1500Text = { field: string; rect: FieldRect; text: string; align: Cms1500Align };

export type Cms1500Check = { group: Cms1500CheckboxGroup; option: string; rect: FieldRect };

export type Cms1500Page = {
  /** 1-based. */
  pageNumber: number;
  pageCount: number;
  texts: Cms1500Text[];
  checks: Cms1500Check[];
};

/** Rows in box 24; a claim with more lines continues on further forms. */
export const CMS1500_LINES_PER_PAGE = 6;

/** Box 21 holds 12 diagnoses (A–L); box 24E at most 4 pointers per line. */
const MAX_DIAGNOSES = 12;
const MAX_POINTERS = 4;
const POINTER_LETTERS = 'ABCDEFGHIJKL';

const SIGNATURE_ON_FILE = 'SIGNATURE ON FILE';
/** NUCC qualifiers: 431 onset of current symptoms or illness (box 14), 454 initial treatment (box 15). */
const QUALIFIER_ONSET = '431';
const QUALIFIER_INITIAL_TREATMENT = '454';
/** Box 17 qualifier: referring provider. */
const QUALIFIER_REFERRING = 'DN';
/** Box 11b qualifier: property & casualty claim number. */
const QUALIFIER_PC_CLAIM = 'Y4';
/** 24I / 33b qualifier for a provider taxonomy code. */
const QUALIFIER_TAXONOMY = 'ZZ';
/** Box 21 ICD indicator: 0 = ICD-10-CM. */
const ICD10_INDICATOR = '0';

type Box1Option = keyof (typeof CMS1500_CHECKBOXES)['insurance_type'];

/** Box 1 from the claim filing indicator (SBR09). */
const BOX1_BY_FILING_INDICATOR: Record<ClaimFilingIndicator, Box1Option> = {
  CI: 'Group',
  BL: 'Group',
  HM: 'Group',
  '12': 'Group',
  MB: 'Medicare',
  MC: 'Medicaid',
  WC: 'Other',
  AM: 'Other',
  CH: 'Tricare',
  VA: 'Champva',
  OF: 'Group',
};

const RELATIONSHIP_OPTION: Record<Relationship, keyof (typeof CMS1500_CHECKBOXES)['rel_to_ins']> = {
  self: 'S',
  spouse: 'M',
  child: 'C',
  other: 'O',
};

export function layoutCms1500(doc: ClaimDocument): Cms1500Page[] {
  const lines = [...doc.lines].sort((a, b) => a.lineNumber - b.lineNumber);
  const chunks: ClaimServiceLine[][] = [];
  for (let i = 0; i < lines.length; i += CMS1500_LINES_PER_PAGE) {
    chunks.push(lines.slice(i, i + CMS1500_LINES_PER_PAGE));
  }
  if (chunks.length === 0) chunks.push([]);

  return chunks.map((pageLines, index) => {
    const page = new PageBuilder();
    fillClaimHeader(page, doc);
    pageLines.forEach((line, row) => fillServiceLine(page, doc, line, row + 1));
    // NUCC: with more than one form, box 28 on each form totals the lines on that form.
    const pageTotal = pageLines.reduce((sum, line) => sum + line.chargeCents, 0);
    page.amount('t_charge', pageTotal, CMS1500_CENTS_DIVIDERS.totalCharge);
    // Box 29 is a claim-level amount: reported once, on the first form.
    if (index === 0 && doc.amountPaidCents > 0) {
      page.amount('amt_paid', doc.amountPaidCents, CMS1500_CENTS_DIVIDERS.amountPaid);
    }
    return { pageNumber: index + 1, pageCount: chunks.length, texts: page.texts, checks: page.checks };
  });
}

class PageBuilder {
  readonly texts: Cms1500Text[] = [];
  readonly checks: Cms1500Check[] = [];

  /** Puts uppercased text in a field; empty text is skipped. */
  text(field: Cms1500Field, value: string | null | undefined, align: Cms1500Align = 'left') {
    this.place(field, CMS1500_FIELDS[field], value, align);
  }

  place(field: string, rect: FieldRect, value: string | null | undefined, align: Cms1500Align = 'left') {
    const text = clean(value ?? '');
    if (text) this.texts.push({ field, rect, text, align });
  }

  check<G extends Cms1500CheckboxGroup>(group: G, option: keyof (typeof CMS1500_CHECKBOXES)[G] & string) {
    const options: Record<string, FieldRect> = CMS1500_CHECKBOXES[group];
    const rect = options[option];
    if (rect) this.checks.push({ group, option, rect });
  }

  yesNo(
    group: 'employment' | 'pt_auto_accident' | 'other_accident' | 'ins_benefit_plan' | 'assignment',
    yes: boolean,
  ) {
    this.check(group, yes ? 'YES' : 'NO');
  }

  /** MM DD YY (or YYYY) in three side-by-side fields. */
  date(
    fields: [Cms1500Field, Cms1500Field, Cms1500Field],
    iso: string | null | undefined,
    fullYear: boolean,
  ) {
    if (!iso) return;
    const { yyyy, mm, dd } = dateParts(iso);
    this.text(fields[0], mm, 'center');
    this.text(fields[1], dd, 'center');
    this.text(fields[2], fullYear ? yyyy : yyyy.slice(2), 'center');
  }

  /** Dollars right-aligned left of the printed divider, cents right of it. */
  amount(field: Cms1500Field, cents: number, dividerX: number) {
    const [x1, y1, x2, y2] = CMS1500_FIELDS[field];
    const { dollars, cents: centsText } = splitMoney(cents);
    this.place(`${field}.dollars`, [x1, y1, dividerX - 1, y2], dollars, 'right');
    this.place(`${field}.cents`, [dividerX + 0.5, y1, x2, y2], centsText, 'left');
  }

  phone(areaField: Cms1500Field, numberField: Cms1500Field, phone: string | null | undefined) {
    const parts = splitPhone(phone);
    if (!parts) return;
    this.text(areaField, parts.area, 'center');
    this.text(numberField, parts.number);
  }
}

function fillClaimHeader(page: PageBuilder, doc: ClaimDocument) {
  const { payer, subscriber, patient, billingProvider } = doc;
  const self = patient.relationshipToSubscriber === 'self';
  const isEmployer = Boolean(subscriber.organizationName);

  // Carrier block: name, address line(s), city state ZIP — moved up when there is no second address line.
  const carrier = [payer.name];
  if (payer.address) {
    carrier.push(addressStreet(payer.address.line1));
    if (payer.address.line2) carrier.push(addressStreet(payer.address.line2));
    carrier.push(cityStateZip(payer.address));
  }
  const carrierFields: Cms1500Field[] = [
    'insurance_name',
    'insurance_address',
    'asdadsa',
    'insurance_city_state_zip',
  ];
  carrier.forEach((line, i) => {
    const field = carrierFields[i];
    if (field) page.text(field, line);
  });

  // 1, 1a
  page.check('insurance_type', BOX1_BY_FILING_INDICATOR[subscriber.filingIndicator]);
  page.text('insurance_id', subscriber.memberId);

  // 2, 3, 5, 6
  page.text('pt_name', lastFirst(patient));
  page.date(['birth_mm', 'birth_dd', 'birth_yy'], patient.dateOfBirth, true);
  if (patient.sex !== 'U') page.check('sex', patient.sex);
  page.text('pt_street', streetLine(patient.address));
  page.text('pt_city', addressStreet(patient.address.city));
  page.text('pt_state', patient.address.state);
  page.text('pt_zip', formatZip(patient.address.zip));
  page.phone('pt_AreaCode', 'pt_phone', patient.phone);
  page.check('rel_to_ins', RELATIONSHIP_OPTION[patient.relationshipToSubscriber]);

  // 4, 7: the insured, or for workers' comp the employer.
  page.text('ins_name', subscriber.organizationName ?? lastFirst(subscriber));
  const insuredAddress = subscriber.address ?? (self ? patient.address : null);
  if (insuredAddress) {
    page.text('ins_street', streetLine(insuredAddress));
    page.text('ins_city', addressStreet(insuredAddress.city));
    page.text('ins_state', insuredAddress.state);
    page.text('ins_zip', formatZip(insuredAddress.zip));
  }
  page.phone('ins_phone area', 'ins_phone', subscriber.phone ?? (self ? patient.phone : null));

  // 9, 9a, 9d, 11d: other coverage.
  const other = doc.otherInsurance;
  if (other) {
    page.text('other_ins_name', lastFirst(other.subscriber));
    page.text('other_ins_policy', other.groupNumber ?? other.memberId);
    page.text('other_ins_plan_name', other.planName);
  }
  page.yesNo('ins_benefit_plan', Boolean(other));

  // 10a–c: employment / auto accident (+ state) / other accident.
  const cause = doc.accident?.relatedCause;
  page.yesNo('employment', cause === 'EM' || payer.claimType === 'workers_comp');
  page.yesNo('pt_auto_accident', cause === 'AA');
  if (cause === 'AA') page.text('accident_place', doc.accident?.state);
  page.yesNo('other_accident', cause === 'OA');

  // 11, 11a, 11b, 11c
  page.text('ins_policy', subscriber.groupNumber);
  if (!isEmployer) {
    page.date(
      ['ins_dob_mm', 'ins_dob_dd', 'ins_dob_yy'],
      subscriber.dateOfBirth ?? (self ? patient.dateOfBirth : null),
      true,
    );
    const insuredSex = subscriber.sex ?? (self ? patient.sex : null);
    if (insuredSex === 'M') page.check('ins_sex', 'MALE');
    if (insuredSex === 'F') page.check('ins_sex', 'FEMALE');
  }
  const pcClaim = doc.accident?.propertyCasualtyClaimNumber;
  if (pcClaim) {
    page.text('57', QUALIFIER_PC_CLAIM);
    page.text('58', pcClaim);
  }
  page.text('ins_plan_name', subscriber.planName);

  // 12, 13
  if (doc.releaseOfInformation) {
    page.text('pt_signature', SIGNATURE_ON_FILE);
    page.text('pt_date', formatDate(doc.claimDate));
  }
  if (doc.benefitsAssigned) page.text('ins_signature', SIGNATURE_ON_FILE);

  // 14 date of injury / onset (qualifier 431); 15 initial treatment (qualifier 454).
  const onset = doc.accident?.date ?? doc.onsetDate;
  if (onset) {
    page.date(['cur_ill_mm', 'cur_ill_dd', 'cur_ill_yy'], onset, false);
    page.text('73', QUALIFIER_ONSET, 'center');
  }
  if (doc.initialTreatmentDate) {
    page.text('74', QUALIFIER_INITIAL_TREATMENT, 'center');
    page.date(['sim_ill_mm', 'sim_ill_dd', 'sim_ill_yy'], doc.initialTreatmentDate, false);
  }

  // 17, 17b
  const referring = doc.referringProvider;
  if (referring) {
    page.text('85', QUALIFIER_REFERRING, 'center');
    page.text('ref_physician', firstLast(referring));
    page.text('id_physician', referring.npi);
  }

  // 21: ICD indicator, codes A–L without the dot.
  page.text('99icd', ICD10_INDICATOR, 'center');
  doc.diagnoses.slice(0, MAX_DIAGNOSES).forEach((code, i) => {
    page.text(`diagnosis${i + 1}` as Cms1500Field, formatDiagnosis(code));
  });

  // 22 resubmission (replacement / void) + original payer claim number; 23 prior authorization.
  if (doc.frequencyCode !== '1') {
    page.text('medicaid_resub', doc.frequencyCode);
    page.text('original_ref', doc.originalPayerClaimNumber);
  }
  page.text('prior_auth', doc.priorAuthorizationNumber);

  // 25, 26, 27
  page.text('tax_id', billingProvider.taxId.replace(/\D/g, ''));
  page.check('ssn', billingProvider.taxIdType);
  page.text('pt_account', doc.patientControlNumber);
  page.yesNo('assignment', doc.acceptAssignment);

  // 31: the therapist's name and credentials on the upper line (the template's signature widget, the widest
  // free space), "SIGNATURE ON FILE" just above the printed "SIGNED" (left of the date), and the date.
  const rendering = doc.renderingProvider;
  const signatureLine = CMS1500_FIELDS.physician_signature;
  page.place(
    'physician_name',
    signatureLine,
    [firstLast(rendering), rendering.credentials].filter(Boolean).join(' '),
  );
  const [dateX1, dateY1, , dateY2] = CMS1500_FIELDS.physician_date;
  page.place('physician_signature', [signatureLine[0], dateY1, dateX1 - 1, dateY2], SIGNATURE_ON_FILE);
  page.text('physician_date', formatDate(doc.claimDate));

  // 32, 32a
  const facility = doc.serviceFacility;
  if (facility) {
    page.text('fac_name', facility.name);
    page.text('fac_street', streetLine(facility.address));
    page.text('fac_location', cityStateZip(facility.address));
    page.text('pin1', facility.npi);
  }

  // 33, 33a, 33b
  page.text('doc_name', billingProvider.organizationName);
  page.text('doc_street', streetLine(billingProvider.address));
  page.text('doc_location', cityStateZip(billingProvider.address));
  page.phone('doc_phone area', 'doc_phone', billingProvider.phone);
  page.text('pin', billingProvider.npi);
  page.text('grp', `${QUALIFIER_TAXONOMY}${billingProvider.taxonomy}`);
}

function fillServiceLine(page: PageBuilder, doc: ClaimDocument, line: ClaimServiceLine, row: number) {
  const f = (name: string) => name as Cms1500Field;
  page.date([f(`sv${row}_mm_from`), f(`sv${row}_dd_from`), f(`sv${row}_yy_from`)], line.serviceDate, false);
  page.date([f(`sv${row}_mm_end`), f(`sv${row}_dd_end`), f(`sv${row}_yy_end`)], line.serviceDate, false);
  page.text(f(`place${row}`), line.placeOfService ?? doc.placeOfService, 'center');
  page.text(f(`cpt${row}`), line.code, 'center');
  const modifierFields = [`mod${row}`, `mod${row}a`, `mod${row}b`, `mod${row}c`];
  line.modifiers
    .slice(0, 4)
    .forEach((modifier, i) => page.text(f(modifierFields[i] ?? ''), modifier, 'center'));
  page.text(f(`diag${row}`), formatPointers(line.diagnosisPointers), 'center');
  page.amount(f(`ch${row}`), line.chargeCents, CMS1500_CENTS_DIVIDERS.lineCharge);
  page.text(f(`day${row}`), String(line.units), 'center');

  // 24I/24J: the rendering provider, when not the billing provider (NUCC: only when it differs from 33a/33b).
  const rendering = doc.renderingProvider;
  if (rendering.npi !== doc.billingProvider.npi) {
    page.text(f(`emg${row}`), QUALIFIER_TAXONOMY, 'center');
    page.text(f(`local${row}a`), rendering.taxonomy);
    page.text(f(`local${row}`), rendering.npi);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Formatting (exported for tests and for other renderers of the same rules)

/** Uppercase, single spaces. */
export function clean(text: string): string {
  return text.toUpperCase().replace(/\s+/g, ' ').trim();
}

function dateParts(iso: string): { yyyy: string; mm: string; dd: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new Error(`CMS-1500: not an ISO date: ${iso}`);
  const [, yyyy = '', mm = '', dd = ''] = match;
  return { yyyy, mm, dd };
}

/** "MM DD YY", the 6-digit form with spaces, for dates that have no printed sub-boxes (12, 31). */
export function formatDate(iso: string): string {
  const { yyyy, mm, dd } = dateParts(iso);
  return `${mm} ${dd} ${yyyy.slice(2)}`;
}

/** "M54.2" → "M542": box 21 takes codes without the decimal point. */
export function formatDiagnosis(code: string): string {
  return code.replace(/\./g, '').trim().toUpperCase();
}

/** [1, 3] → "AC": 24E pointers as letters, primary first, at most 4, no separators. */
export function formatPointers(pointers: number[]): string {
  return pointers
    .slice(0, MAX_POINTERS)
    .map((n) => POINTER_LETTERS[n - 1] ?? '')
    .join('');
}

/** 12000 → { dollars: "120", cents: "00" }: no "$", no commas (NUCC). */
export function splitMoney(cents: number): { dollars: string; cents: string } {
  const whole = Math.round(cents);
  return { dollars: String(Math.trunc(whole / 100)), cents: String(Math.abs(whole % 100)).padStart(2, '0') };
}

/** Area code and number, digits only (NUCC: no hyphen or space in the number). */
export function splitPhone(phone: string | null | undefined): { area: string; number: string } | null {
  let digits = (phone ?? '').replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (!digits) return null;
  if (digits.length !== 10) return { area: '', number: digits };
  return { area: digits.slice(0, 3), number: digits.slice(3) };
}

/** ZIP+4 is printed with its hyphen (NUCC). */
export function formatZip(zip: string): string {
  const digits = zip.replace(/\D/g, '');
  return digits.length === 9 ? `${digits.slice(0, 5)}-${digits.slice(5)}` : digits;
}

/** NUCC: no punctuation in addresses ("123 N Main Street 101", not "123 N. Main Street, #101"). */
function addressStreet(text: string): string {
  return text.replace(/[.,#]/g, ' ');
}

function streetLine(address: PostalAddress): string {
  return addressStreet([address.line1, address.line2].filter(Boolean).join(' '));
}

function cityStateZip(address: PostalAddress): string {
  return `${addressStreet(address.city)} ${address.state} ${formatZip(address.zip)}`;
}

/** Boxes 2, 4, 9: "LAST, FIRST, MI" (NUCC: commas between the parts, no periods). */
function lastFirst(name: PersonName): string {
  return [name.familyName, name.givenName, name.middleInitial].filter(Boolean).join(', ').replace(/\./g, '');
}

/** Boxes 17, 31: "FIRST MI LAST". */
function firstLast(name: PersonName): string {
  return [name.givenName, name.middleInitial, name.familyName].filter(Boolean).join(' ').replace(/\./g, '');
}
