/**
 * A professional claim with everything its outputs need, already resolved from the clinic, payer, policy,
 * case, prescription and signed notes. The CMS-1500 PDF, the 837P serialiser and the scrubber all read this
 * one shape, so a box on the paper form and its X12 element can never disagree.
 * Box ↔ element map: billing-standards.md §3 and §4.2. Money is in integer cents.
 */

export type PostalAddress = {
  line1: string;
  line2?: string | null;
  city: string;
  /** Two-letter USPS state code. */
  state: string;
  /** 5 or 9 digits, no hyphen. */
  zip: string;
};

export type PersonName = { familyName: string; givenName: string; middleInitial?: string | null };

export type Sex = 'F' | 'M' | 'U';

/** CMS-1500 box 1 / 837P SBR09 (claim filing indicator). */
export type ClaimFilingIndicator =
  | 'CI' // commercial insurance
  | 'BL' // Blue Cross / Blue Shield
  | 'HM' // HMO
  | '12' // PPO
  | 'MB' // Medicare Part B
  | 'MC' // Medicaid
  | 'WC' // workers' compensation
  | 'AM' // automobile medical
  | 'CH' // TRICARE
  | 'VA' // veterans
  | 'OF'; // other federal

/** Payer's kind of coverage, which decides the case data a claim needs (billing-standards.md §5). */
export type ClaimType = 'health' | 'auto' | 'workers_comp';

/** Patient's relationship to the insured (box 6). 837P codes: 18 self, 01 spouse, 19 child, G8 other. */
export type Relationship = 'self' | 'spouse' | 'child' | 'other';

/** Claim frequency (837P CLM05-3, CMS-1500 box 22): 1 original, 7 replacement, 8 void. */
export type FrequencyCode = '1' | '7' | '8';

export type ClaimServiceLine = {
  /** 1-based line number (LX01, box 24 row). */
  lineNumber: number;
  /** REF*6R line item control number; comes back in the 835 so payments match lines. */
  lineControlNumber: string;
  /** ISO date, YYYY-MM-DD. One date of service per line (billing-standards.md §1.1 rule 6). */
  serviceDate: string;
  /** CPT/HCPCS code, e.g. "97140". */
  code: string;
  /** Up to 4 modifiers in order, e.g. ["GP", "59"]. */
  modifiers: string[];
  /** 1-based indexes into ClaimDocument.diagnoses, primary first, at most 4 (box 24E / SV107). */
  diagnosisPointers: number[];
  units: number;
  chargeCents: number;
  /** Only when it differs from the claim's place of service (SV105). */
  placeOfService?: string | null;
  /** Minutes documented for the code on that date: shown on records, not sent. */
  minutes?: number | null;
  /** Body regions the note records for this code: for same-region bundling checks, not sent. */
  regions?: string[];
};

export type ClaimDocument = {
  /** Palpa's claim id. */
  id: string;
  /** CLM01 / box 26 patient account number: Palpa's claim control number, ≤ 20 characters. */
  patientControlNumber: string;
  frequencyCode: FrequencyCode;
  /** Payer's claim control number of the claim being replaced or voided (REF*F8, box 22). */
  originalPayerClaimNumber?: string | null;
  /** ISO date the claim was created/signed (box 31 date, BHT04 is the file's date). */
  claimDate: string;

  billingProvider: {
    organizationName: string;
    npi: string;
    taxId: string;
    taxIdType: 'EIN' | 'SSN';
    taxonomy: string;
    address: PostalAddress;
    phone?: string | null;
  };
  /** The treating therapist (box 24J, 31; 837P 2310B when different from the billing provider). */
  renderingProvider: PersonName & { npi: string; taxonomy: string; credentials?: string | null };
  /** Prescriber (box 17 with qualifier DN, 17b NPI; 837P 2310A). */
  referringProvider?: (PersonName & { npi?: string | null }) | null;
  /** Box 32: where the service was given, when it is not the billing address. */
  serviceFacility?: { name: string; npi?: string | null; address: PostalAddress } | null;

  payer: {
    name: string;
    /** Payer id used by clearinghouses (NM1*PR PI). */
    payerId: string;
    address?: PostalAddress | null;
    claimType: ClaimType;
  };
  subscriber: PersonName & {
    /** P primary, S secondary, T tertiary (SBR01). */
    sequence: 'P' | 'S' | 'T';
    memberId: string;
    groupNumber?: string | null;
    planName?: string | null;
    filingIndicator: ClaimFilingIndicator;
    dateOfBirth?: string | null;
    sex?: Sex | null;
    address?: PostalAddress | null;
    phone?: string | null;
    /** For workers' comp the "insured" is the employer (box 4/7): then this is the employer's name. */
    organizationName?: string | null;
  };
  patient: PersonName & {
    relationshipToSubscriber: Relationship;
    dateOfBirth: string;
    sex: Sex;
    address: PostalAddress;
    phone?: string | null;
  };
  /** Box 9, 11d: another plan the patient has (secondary coverage). */
  otherInsurance?: {
    subscriber: PersonName;
    memberId: string;
    groupNumber?: string | null;
    planName?: string | null;
  } | null;

  /** Boxes 10a–c, 11b, 14, 16: accident / employment data for auto and workers' comp claims. */
  accident?: {
    /** EM employment (10a), AA auto accident (10b), OA other accident (10c). */
    relatedCause: 'EM' | 'AA' | 'OA';
    /** State where an auto accident happened (10b, CLM11-4). */
    state?: string | null;
    /** Property & casualty / WC claim number (box 11b with qualifier Y4; REF*Y4). */
    propertyCasualtyClaimNumber?: string | null;
    /** Accident / injury date (box 14 qualifier 431; DTP*439 for accidents). */
    date?: string | null;
  } | null;
  /** Box 14: onset of current illness/injury (DTP*431). */
  onsetDate?: string | null;
  /** Box 15 with qualifier 454 (initial treatment date). */
  initialTreatmentDate?: string | null;
  /** Box 23 / REF*G1. */
  priorAuthorizationNumber?: string | null;

  /** ICD-10-CM codes with their dot ("M54.2"), primary first, at most 12 (box 21 A–L, HI ABK + ABF). */
  diagnoses: string[];
  /** Box 24B default / CLM05-1, e.g. "11" office. */
  placeOfService: string;
  /** Box 27 / CLM07: A assigned, C not assigned. */
  acceptAssignment: boolean;
  /** Box 12 / CLM09: release of information on file. */
  releaseOfInformation: boolean;
  /** Box 13 / CLM08: benefits assigned to the provider. */
  benefitsAssigned: boolean;
  lines: ClaimServiceLine[];
  /** Box 28 / CLM02: must equal the sum of line charges (the scrubber checks). */
  totalChargeCents: number;
  /** Box 29: paid by the patient or another payer. */
  amountPaidCents: number;
};
