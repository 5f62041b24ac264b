import { describe, expect, it } from 'vitest';
import { diagnosisLetter, superbillProblems, superbillTotals, type SuperbillData } from './superbill.js';

function sample(): SuperbillData {
  return {
    patient: {
      name: 'Zoë Ødegård',
      dateOfBirth: '1988-04-12',
      address: ['48 Alder St', 'Portland, OR 97214'],
      memberId: 'W123456789',
    },
    provider: {
      name: 'Ana Sofía Martínez',
      credentials: 'LMT',
      npi: '1234567893',
      licenseNumber: '12345',
      licenseState: 'OR',
      taxonomy: '225700000X',
    },
    practice: {
      name: 'Riverside Medical Massage',
      address: ['1200 Harbor Blvd, Suite 4', 'Portland, OR 97201'],
      phone: '(503) 555-0140',
      npi: '1245678903',
      taxId: '12-3456789',
      taxIdType: 'EIN',
    },
    referringProvider: { name: 'Dr. Sam Okafor, MD', npi: '9876543213' },
    diagnoses: [
      { code: 'M54.2', description: 'Cervicalgia' },
      { code: 'M62.838', description: 'Other muscle spasm' },
    ],
    lines: [
      {
        serviceDate: '2026-11-04',
        placeOfService: '11',
        code: '97140',
        description: 'Manual therapy',
        modifiers: ['GP'],
        units: 2,
        diagnosisPointers: [1, 2],
        chargeCents: 9000,
      },
      {
        serviceDate: '2026-11-04',
        placeOfService: '11',
        code: '97124',
        description: 'Massage',
        modifiers: ['GP', '59'],
        units: 2,
        diagnosisPointers: [2],
        chargeCents: 8000,
      },
    ],
    totals: { chargedCents: 17000, paidCents: 17000, balanceCents: 0 },
    payments: [{ date: '2026-11-04', method: 'Card', amountCents: 17000 }],
    issuedOn: '2026-11-25',
    statementNumber: 'SB-2026-0042',
  };
}

type Edit = (data: SuperbillData) => void;

describe('superbillProblems', () => {
  it('finds nothing wrong with a complete superbill', () => {
    expect(superbillProblems(sample())).toEqual([]);
  });

  it('accepts a superbill without the optional fields (taxonomy, practice NPI, referring provider)', () => {
    const data = sample();
    data.provider.taxonomy = null;
    data.practice.npi = null;
    data.referringProvider = null;
    expect(superbillProblems(data)).toEqual([]);
  });

  const cases: [string, Edit, string][] = [
    ['patient name', (d) => (d.patient.name = '  '), "The patient's name is missing."],
    ['date of birth', (d) => (d.patient.dateOfBirth = ''), "The patient's date of birth is missing."],
    [
      'bad date of birth',
      (d) => (d.patient.dateOfBirth = '04/12/1988'),
      'The patient\'s date of birth "04/12/1988" is not a date.',
    ],
    [
      'future date of birth',
      (d) => (d.patient.dateOfBirth = '2027-01-01'),
      "The patient's date of birth is after the superbill's date.",
    ],
    ['patient address', (d) => (d.patient.address = ['', ' ']), "The patient's address is missing."],
    ['member ID', (d) => (d.patient.memberId = null), "The patient's insurance member ID is missing."],
    ['therapist name', (d) => (d.provider.name = ''), "The therapist's name is missing."],
    [
      'credentials',
      (d) => (d.provider.credentials = null),
      "The therapist's credentials (such as LMT) are missing.",
    ],
    ['NPI', (d) => (d.provider.npi = null), "The therapist's NPI is missing."],
    [
      'NPI check digit',
      (d) => (d.provider.npi = '1234567890'),
      "The therapist's NPI 1234567890 fails its check digit: look for a mistyped digit.",
    ],
    ['NPI length', (d) => (d.provider.npi = '12345'), 'The therapist\'s NPI "12345" is not 10 digits.'],
    ['license number', (d) => (d.provider.licenseNumber = ''), "The therapist's license number is missing."],
    [
      'license state',
      (d) => (d.provider.licenseState = null),
      "The state of the therapist's license is missing.",
    ],
    [
      'license state format',
      (d) => (d.provider.licenseState = 'Oregon'),
      'The license state "Oregon" is not a two-letter state code.',
    ],
    [
      'taxonomy format',
      (d) => (d.provider.taxonomy = '2257'),
      'The taxonomy code "2257" is not a valid taxonomy code (such as 225700000X).',
    ],
    ['practice name', (d) => (d.practice.name = ''), "The practice's name is missing."],
    ['practice address', (d) => (d.practice.address = []), "The practice's address is missing."],
    ['practice phone', (d) => (d.practice.phone = null), "The practice's phone number is missing."],
    [
      'practice NPI',
      (d) => (d.practice.npi = '1245678900'),
      "The practice's NPI 1245678900 fails its check digit: look for a mistyped digit.",
    ],
    ['tax ID', (d) => (d.practice.taxId = null), "The practice's tax ID (EIN or SSN) is missing."],
    ['tax ID digits', (d) => (d.practice.taxId = '12-34567'), 'The tax ID must be 9 digits.'],
    ['tax ID type', (d) => (d.practice.taxIdType = null), 'Say whether the tax ID is an EIN or an SSN.'],
    [
      'referring name',
      (d) => (d.referringProvider = { name: '', npi: null }),
      "The referring provider's name is missing.",
    ],
    [
      'referring NPI',
      (d) => (d.referringProvider = { name: 'Dr. Okafor', npi: '98765' }),
      'The referring provider\'s NPI "98765" is not 10 digits.',
    ],
    ['no diagnosis', (d) => (d.diagnoses = []), 'No diagnosis (ICD-10-CM code) is listed.'],
    [
      'bad diagnosis code',
      (d) => (d.diagnoses[1]!.code = '7231'),
      'Diagnosis B "7231" is not an ICD-10-CM code.',
    ],
    ['duplicate diagnosis', (d) => (d.diagnoses[1]!.code = 'M54.2 '), 'Diagnosis M54.2 is listed twice.'],
    [
      'no services',
      (d) => {
        d.lines = [];
        d.totals = { chargedCents: 0, paidCents: 17000, balanceCents: -17000 };
      },
      'No services are listed.',
    ],
    ['date of service', (d) => (d.lines[0]!.serviceDate = ''), 'Line 1 (97140) has no date of service.'],
    [
      'date range',
      (d) => (d.lines[1]!.serviceDate = '2026-11-04 – 2026-11-18'),
      'Line 2 (97124): "2026-11-04 – 2026-11-18" is not one exact date of service.',
    ],
    [
      'place of service',
      (d) => (d.lines[0]!.placeOfService = ''),
      'Line 1 (97140) has no place-of-service code.',
    ],
    [
      'place of service format',
      (d) => (d.lines[0]!.placeOfService = 'office'),
      'Line 1 (97140): place of service "office" is not a two-digit code.',
    ],
    ['CPT code', (d) => (d.lines[0]!.code = ''), 'Line 1 has no CPT or HCPCS code.'],
    ['CPT format', (d) => (d.lines[0]!.code = '9714'), 'Line 1: "9714" is not a CPT or HCPCS code.'],
    [
      'modifier format',
      (d) => (d.lines[0]!.modifiers = ['GPX']),
      'Line 1 (97140): modifier "GPX" is not two characters.',
    ],
    ['units', (d) => (d.lines[0]!.units = 0), 'Line 1 (97140) needs at least 1 unit.'],
    [
      'no pointer',
      (d) => (d.lines[1]!.diagnosisPointers = []),
      'Line 2 (97124) is not linked to a diagnosis.',
    ],
    [
      'dangling pointer',
      (d) => (d.lines[1]!.diagnosisPointers = [3]),
      'Line 2 (97124) points to diagnosis C, which is not listed.',
    ],
    [
      'too many pointers',
      (d) => (d.lines[0]!.diagnosisPointers = [1, 2, 1, 2, 1]),
      'Line 1 (97140) points to 5 diagnoses; at most 4 fit.',
    ],
    [
      'total charged',
      (d) => (d.totals = { chargedCents: 16000, paidCents: 17000, balanceCents: -1000 }),
      'The total charged ($160.00) is not the sum of the lines ($170.00).',
    ],
    [
      'amount paid',
      (d) => (d.totals = { chargedCents: 17000, paidCents: 10000, balanceCents: 7000 }),
      'The amount paid ($100.00) is not the sum of the payments ($170.00).',
    ],
    [
      'balance',
      (d) => (d.totals.balanceCents = 500),
      'The balance ($5.00) is not the total charged less the amount paid.',
    ],
    ['payment method', (d) => (d.payments[0]!.method = ''), 'Payment 1 does not say how it was paid.'],
    ['issue date', (d) => (d.issuedOn = ''), 'The superbill has no valid date of issue.'],
    ['statement number', (d) => (d.statementNumber = ' '), 'The superbill has no number.'],
  ];

  it.each(cases)('says when the %s is wrong', (_field, edit, message) => {
    const data = sample();
    edit(data);
    expect(superbillProblems(data)).toEqual([message]);
  });

  it('lists every problem at once', () => {
    const data = sample();
    data.provider.npi = null;
    data.patient.memberId = '';
    data.lines[0]!.chargeCents = 0;
    data.totals = superbillTotals(data.lines, data.payments);
    expect(superbillProblems(data)).toEqual([
      "The patient's insurance member ID is missing.",
      "The therapist's NPI is missing.",
      'Line 1 (97140) has no charge.',
    ]);
  });
});

describe('helpers', () => {
  it('letters diagnoses A, B, C…', () => {
    expect([1, 2, 3, 12, 26, 0, 27].map(diagnosisLetter)).toEqual(['A', 'B', 'C', 'L', 'Z', '?', '?']);
  });

  it('totals lines and payments', () => {
    expect(superbillTotals([{ chargeCents: 9000 }, { chargeCents: 8000 }], [{ amountCents: 5000 }])).toEqual({
      chargedCents: 17000,
      paidCents: 5000,
      balanceCents: 12000,
    });
  });
});
