/** Set-up vocabularies shared by payers, policies and claims (billing-standards.md §1, §3, §4.2). */
export const CLAIM_TYPES = ['health', 'auto', 'workers_comp'] as const;
export const UNIT_METHODS = ['cms', 'per-code'] as const;

/** 837P SBR09 claim filing indicator codes Palpa offers, with what a biller calls them. */
export const FILING_INDICATORS = ['CI', 'BL', 'HM', '12', 'MB', 'MC', 'WC', 'AM', 'CH', 'VA', 'OF'] as const;
export const FILING_INDICATOR_LABELS: Record<(typeof FILING_INDICATORS)[number], string> = {
  CI: 'Commercial insurance',
  BL: 'Blue Cross / Blue Shield',
  HM: 'HMO',
  '12': 'PPO',
  MB: 'Medicare Part B',
  MC: 'Medicaid',
  WC: "Workers' compensation",
  AM: 'Auto medical (PIP / no-fault)',
  CH: 'TRICARE',
  VA: 'Veterans Affairs',
  OF: 'Other federal program',
};

/** Place-of-service codes a massage practice uses (CMS POS code set). */
export const PLACE_OF_SERVICE_CODES = [
  { code: '11', label: 'Office' },
  { code: '12', label: 'Home' },
  { code: '02', label: 'Telehealth, not in the home' },
  { code: '10', label: 'Telehealth in the home' },
  { code: '22', label: 'Hospital outpatient' },
  { code: '49', label: 'Independent clinic' },
] as const;

/** Provider taxonomy for massage therapists (NUCC code set; billing-standards.md §2). */
export const MASSAGE_THERAPIST_TAXONOMY = '225700000X';

/** One row of an NCCI-style procedure-to-procedure table (billing-standards.md §2.1). */
export type CodePairEdit = {
  column1: string;
  column2: string;
  /** 0: never billed together; 1: allowed with a distinct-service modifier on the column-2 code. */
  modifierIndicator: '0' | '1';
  source: string;
};
