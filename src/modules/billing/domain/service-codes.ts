/**
 * Service codes a medical massage practice meets, with Palpa's own short descriptions (CPT long
 * descriptors are copyrighted by the AMA) and whether the code is timed (billed per 15 minutes) or
 * untimed (1 unit per visit). Sources: billing-standards.md §2; CMS list of "always therapy" timed and
 * untimed codes (Pub. 100-04 ch. 5 §20.2). A clinic adds its own codes to its catalogue.
 */
export type ServiceCodeDefinition = { code: string; description: string; timed: boolean };

export const STANDARD_SERVICE_CODES: readonly ServiceCodeDefinition[] = [
  { code: '97124', description: 'Massage therapy, one or more areas', timed: true },
  { code: '97140', description: 'Manual therapy techniques, one or more regions', timed: true },
  { code: '97112', description: 'Neuromuscular re-education', timed: true },
  { code: '97110', description: 'Therapeutic exercise', timed: true },
  { code: '97530', description: 'Therapeutic activities', timed: true },
  { code: '97116', description: 'Gait training', timed: true },
  { code: '97535', description: 'Self-care / home management training', timed: true },
  { code: '97035', description: 'Ultrasound', timed: true },
  { code: '97032', description: 'Electrical stimulation, attended', timed: true },
  { code: '97033', description: 'Iontophoresis', timed: true },
  { code: '97010', description: 'Hot or cold packs', timed: false },
  { code: '97012', description: 'Mechanical traction', timed: false },
  { code: '97014', description: 'Electrical stimulation, unattended', timed: false },
  {
    code: 'G0283',
    description: 'Electrical stimulation, unattended, in a therapy plan (Medicare)',
    timed: false,
  },
  { code: '97016', description: 'Vasopneumatic device', timed: false },
  { code: '97018', description: 'Paraffin bath', timed: false },
  { code: '97022', description: 'Whirlpool', timed: false },
  { code: '97026', description: 'Infrared', timed: false },
  { code: '97150', description: 'Therapeutic procedures, group', timed: false },
] as const;

const BY_CODE = new Map(STANDARD_SERVICE_CODES.map((definition) => [definition.code, definition]));

export function standardServiceCode(code: string): ServiceCodeDefinition | undefined {
  return BY_CODE.get(code);
}

/** CPT codes are five digits; HCPCS level II codes a letter and four digits. */
export const SERVICE_CODE_PATTERN = /^(\d{5}|[A-Z]\d{4})$/;
