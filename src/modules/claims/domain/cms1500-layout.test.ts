import { describe, expect, it } from 'vitest';
import type { ClaimDocument, ClaimFilingIndicator, ClaimServiceLine } from './claim-document.js';
import { CMS1500_FIELDS, type FieldRect } from './cms1500-fields.js';
import {
  CMS1500_LINES_PER_PAGE,
  formatDiagnosis,
  formatPointers,
  layoutCms1500,
  splitMoney,
  splitPhone,
  type Cms1500Page,
} from './cms1500-layout.js';
import { sampleClaimDocument } from './sample-claim.js';

/** Field → text of one page. */
function textsOf(page: Cms1500Page | undefined): Record<string, string> {
  return Object.fromEntries((page?.texts ?? []).map((t) => [t.field, t.text]));
}

/** Checkbox group → checked option(s) of one page. */
function checksOf(page: Cms1500Page | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const check of page?.checks ?? [])
    out[check.group] = [out[check.group], check.option].filter(Boolean).join('+');
  return out;
}

function firstPage(doc: ClaimDocument) {
  const [page] = layoutCms1500(doc);
  return { texts: textsOf(page), checks: checksOf(page), page };
}

function line(n: number, overrides: Partial<ClaimServiceLine> = {}): ClaimServiceLine {
  return {
    lineNumber: n,
    lineControlNumber: `L${n}`,
    serviceDate: `2026-10-${String(n).padStart(2, '0')}`,
    code: '97124',
    modifiers: ['GP'],
    diagnosisPointers: [1],
    units: 1,
    chargeCents: 1000 * n + 25,
    ...overrides,
  };
}

const WORKERS_COMP: Partial<ClaimDocument> = {
  payer: {
    name: 'Example Comp Insurance Co',
    payerId: 'WC001',
    address: { line1: '500 Claims Way', city: 'Boise', state: 'ID', zip: '83702' },
    claimType: 'workers_comp',
  },
  subscriber: {
    sequence: 'P',
    givenName: '',
    familyName: '',
    memberId: '123456789',
    filingIndicator: 'WC',
    organizationName: 'Acme Logistics Inc.',
    address: { line1: '77 Depot Rd.', line2: 'Bldg #3', city: 'Nampa', state: 'ID', zip: '83651' },
    phone: '208 555 0190',
  },
  accident: {
    relatedCause: 'EM',
    state: null,
    propertyCasualtyClaimNumber: 'WC-2026-0042',
    date: '2026-07-14',
  },
};

describe('layoutCms1500: box mapping', () => {
  const sample = firstPage(sampleClaimDocument());

  it.each<[string, string, string]>([
    ['carrier name', 'insurance_name', 'EXAMPLE HEALTH PLAN'],
    ['carrier street', 'insurance_address', 'PO BOX 4410'],
    ['carrier city line moves up without a 2nd street line', 'asdadsa', 'SALEM OR 97309'],
    ['1a insured ID', 'insurance_id', 'XEH123456789'],
    ['2 patient name, last first MI', 'pt_name', 'REYES, JORDAN, A'],
    ['3 DOB month', 'birth_mm', '03'],
    ['3 DOB day', 'birth_dd', '07'],
    ['3 DOB 4-digit year', 'birth_yy', '1984'],
    ['5 street, no punctuation', 'pt_street', '4410 SE DIVISION ST APT 2'],
    ['5 phone area code', 'pt_AreaCode', '503'],
    ['5 phone number without hyphen', 'pt_phone', '5550123'],
    ['4 insured name', 'ins_name', 'REYES, JORDAN, A'],
    ['11 group number', 'ins_policy', 'GRP00451'],
    ['11a insured DOB year', 'ins_dob_yy', '1984'],
    ['11c plan name', 'ins_plan_name', 'EXAMPLE HEALTH PLAN PPO'],
    ['10b accident state', 'accident_place', 'OR'],
    ['12 release of information', 'pt_signature', 'SIGNATURE ON FILE'],
    ['12 date', 'pt_date', '11 25 26'],
    ['13 assignment of benefits', 'ins_signature', 'SIGNATURE ON FILE'],
    ['14 injury date month', 'cur_ill_mm', '08'],
    ['14 injury date 2-digit year', 'cur_ill_yy', '26'],
    ['14 qualifier', '73', '431'],
    ['15 qualifier', '74', '454'],
    ['15 initial treatment', 'sim_ill_dd', '02'],
    ['17 qualifier', '85', 'DN'],
    ['17 referring name, first MI last', 'ref_physician', 'PRIYA K RAMAN'],
    ['17b NPI', 'id_physician', '1245319599'],
    ['21 ICD indicator', '99icd', '0'],
    ['21 A without dot', 'diagnosis1', 'M542'],
    ['21 B', 'diagnosis2', 'M62838'],
    ['21 C', 'diagnosis3', 'S134XXD'],
    ['23 prior authorization', 'prior_auth', 'PA2026091701'],
    ['24A from MM', 'sv1_mm_from', '11'],
    ['24A from YY', 'sv1_yy_from', '26'],
    ['24A to DD', 'sv1_dd_end', '18'],
    ['24B place of service', 'place1', '11'],
    ['24D code', 'cpt1', '97140'],
    ['24D modifier', 'mod1', 'GP'],
    ['24E pointers as letters', 'diag1', 'AC'],
    ['24E line 2 pointers keep their order', 'diag2', 'BA'],
    ['24F dollars', 'ch1.dollars', '120'],
    ['24F cents', 'ch1.cents', '00'],
    ['24G units', 'day1', '2'],
    ['24I shaded qualifier', 'emg1', 'ZZ'],
    ['24J shaded taxonomy', 'local1a', '225700000X'],
    ['24J rendering NPI', 'local1', '1679576722'],
    ['25 tax ID digits only', 'tax_id', '931234567'],
    ['26 account number', 'pt_account', 'PALPA-000123'],
    ['28 total dollars', 't_charge.dollars', '180'],
    ['28 total cents', 't_charge.cents', '00'],
    ['31 signature', 'physician_signature', 'SIGNATURE ON FILE'],
    ['31 name and credentials', 'physician_name', 'MAYA OKAFOR LMT'],
    ['31 date', 'physician_date', '11 25 26'],
    ['33 billing provider', 'doc_name', 'RIVERSIDE MEDICAL MASSAGE LLC'],
    ['33 street', 'doc_street', '1200 HARBOR BLVD SUITE 4'],
    ['33 city state ZIP+4 with hyphen', 'doc_location', 'PORTLAND OR 97201-3456'],
    ['33 phone area', 'doc_phone area', '503'],
    ['33 phone number', 'doc_phone', '5550140'],
    ['33a NPI', 'pin', '1234567893'],
    ['33b qualifier + taxonomy', 'grp', 'ZZ225700000X'],
  ])('%s: %s = %s', (_label, field, text) => {
    expect(sample.texts[field]).toBe(text);
  });

  it.each<[string, string, string]>([
    ['1 coverage (PPO → group health plan)', 'insurance_type', 'Group'],
    ['3 sex', 'sex', 'F'],
    ['6 relationship', 'rel_to_ins', 'S'],
    ['10a employment', 'employment', 'NO'],
    ['10b auto accident', 'pt_auto_accident', 'YES'],
    ['10c other accident', 'other_accident', 'NO'],
    ['11a insured sex', 'ins_sex', 'FEMALE'],
    ['11d other plan', 'ins_benefit_plan', 'NO'],
    ['25 EIN', 'ssn', 'EIN'],
    ['27 accept assignment', 'assignment', 'YES'],
  ])('%s: %s = %s', (_label, group, option) => {
    expect(sample.checks[group]).toBe(option);
  });

  it('leaves unused boxes empty: no 29 when nothing was paid, no 11b, 22, 32 or 9', () => {
    for (const field of [
      'amt_paid.dollars',
      '57',
      '58',
      'medicaid_resub',
      'original_ref',
      'fac_name',
      'other_ins_name',
    ]) {
      expect(sample.texts[field], field).toBeUndefined();
    }
  });

  it('writes everything in uppercase', () => {
    for (const text of sample.page?.texts ?? []) expect(text.text).toBe(text.text.toUpperCase());
  });

  it('places every text inside the form', () => {
    for (const { rect, field } of sample.page?.texts ?? []) {
      const [x1, y1, x2, y2] = rect;
      expect(x1 < x2 && y1 < y2 && x1 >= 0 && x2 <= 612 && y1 >= 0 && y2 <= 792, field).toBe(true);
    }
  });

  it.each<[ClaimFilingIndicator, string]>([
    ['WC', 'Other'],
    ['AM', 'Other'],
    ['MB', 'Medicare'],
    ['MC', 'Medicaid'],
    ['CH', 'Tricare'],
    ['VA', 'Champva'],
    ['CI', 'Group'],
    ['BL', 'Group'],
    ['HM', 'Group'],
    ['12', 'Group'],
  ])('box 1: filing indicator %s → %s', (filingIndicator, option) => {
    const doc = sampleClaimDocument();
    doc.subscriber.filingIndicator = filingIndicator;
    expect(firstPage(doc).checks.insurance_type).toBe(option);
  });

  it("workers' comp: employer in boxes 4 and 7, 10a YES, 11b Y4 + claim number, no insured DOB or sex", () => {
    const doc = sampleClaimDocument(WORKERS_COMP);
    doc.patient.relationshipToSubscriber = 'other';
    const { texts, checks } = firstPage(doc);
    expect(texts.ins_name).toBe('ACME LOGISTICS INC.');
    expect(texts.ins_street).toBe('77 DEPOT RD BLDG 3');
    expect([texts.ins_city, texts.ins_state, texts.ins_zip]).toEqual(['NAMPA', 'ID', '83651']);
    expect([texts['ins_phone area'], texts.ins_phone]).toEqual(['208', '5550190']);
    expect(checks.insurance_type).toBe('Other');
    expect(checks.rel_to_ins).toBe('O');
    expect(checks.employment).toBe('YES');
    expect(checks.pt_auto_accident).toBe('NO');
    expect(texts.accident_place).toBeUndefined();
    expect([texts['57'], texts['58']]).toEqual(['Y4', 'WC-2026-0042']);
    expect([texts.cur_ill_mm, texts.cur_ill_dd, texts.cur_ill_yy, texts['73']]).toEqual([
      '07',
      '14',
      '26',
      '431',
    ]);
    expect(texts.ins_dob_yy).toBeUndefined();
    expect(checks.ins_sex).toBeUndefined();
  });

  it('auto claim: 10b YES with the state, 11b claim number, box 1 Other', () => {
    const doc = sampleClaimDocument({
      accident: {
        relatedCause: 'AA',
        state: 'wa',
        propertyCasualtyClaimNumber: 'PIP-88123',
        date: '2026-08-21',
      },
    });
    doc.subscriber.filingIndicator = 'AM';
    const { texts, checks } = firstPage(doc);
    expect(checks.pt_auto_accident).toBe('YES');
    expect(texts.accident_place).toBe('WA');
    expect(checks.employment).toBe('NO');
    expect(checks.other_accident).toBe('NO');
    expect([texts['57'], texts['58']]).toEqual(['Y4', 'PIP-88123']);
    expect(checks.insurance_type).toBe('Other');
  });

  it('no accident: 10a–c all NO, box 14 from the onset date', () => {
    const doc = sampleClaimDocument({ accident: null, onsetDate: '2026-06-30' });
    const { texts, checks } = firstPage(doc);
    expect([checks.employment, checks.pt_auto_accident, checks.other_accident]).toEqual(['NO', 'NO', 'NO']);
    expect([texts.cur_ill_mm, texts.cur_ill_dd, texts.cur_ill_yy]).toEqual(['06', '30', '26']);
  });

  it('8 lines → 2 pages, each with its own box 28 total and the claim header repeated', () => {
    const lines = Array.from({ length: 8 }, (_, i) => line(i + 1));
    const doc = sampleClaimDocument({
      lines: [...lines].reverse(), // out of order on purpose: rows follow lineNumber
      totalChargeCents: lines.reduce((sum, l) => sum + l.chargeCents, 0),
      amountPaidCents: 2550,
    });
    const pages = layoutCms1500(doc);
    expect(pages.map((p) => [p.pageNumber, p.pageCount])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    const [one, two] = pages.map(textsOf);
    // Page 1: lines 1–6 = 1025 + 2025 + … + 6025 = 21150 cents
    expect([one?.['t_charge.dollars'], one?.['t_charge.cents']]).toEqual(['211', '50']);
    // Page 2: lines 7–8 in rows 1–2: 7025 + 8025 = 15050 cents
    expect([two?.['t_charge.dollars'], two?.['t_charge.cents']]).toEqual(['150', '50']);
    expect(two?.sv1_dd_from).toBe('07');
    expect(two?.sv2_dd_from).toBe('08');
    expect(two?.['ch1.dollars']).toBe('70');
    expect(two?.['ch1.cents']).toBe('25');
    expect(two?.sv3_dd_from).toBeUndefined();
    expect(one?.sv6_dd_from).toBe('06');
    // Header boxes on both forms; box 29 once.
    expect(two?.pt_name).toBe(one?.pt_name);
    expect(two?.pt_account).toBe('PALPA-000123');
    expect([one?.['amt_paid.dollars'], one?.['amt_paid.cents']]).toEqual(['25', '50']);
    expect(two?.['amt_paid.dollars']).toBeUndefined();
    expect(CMS1500_LINES_PER_PAGE).toBe(6);
  });

  it('exactly 6 lines fit on one page; no lines still gives one form', () => {
    expect(
      layoutCms1500(sampleClaimDocument({ lines: Array.from({ length: 6 }, (_, i) => line(i + 1)) })),
    ).toHaveLength(1);
    const [empty] = layoutCms1500(sampleClaimDocument({ lines: [] }));
    expect(textsOf(empty)['t_charge.dollars']).toBe('0');
  });

  it('24E: pointers become letters A–L, at most 4', () => {
    expect(formatPointers([1, 3])).toBe('AC');
    expect(formatPointers([12, 5, 2, 1, 4])).toBe('LEBA');
    const doc = sampleClaimDocument({
      diagnoses: [
        'M54.2',
        'M62.838',
        'S13.4XXD',
        'M79.18',
        'G44.209',
        'M54.6',
        'M25.511',
        'M25.512',
        'R51.9',
        'M53.82',
        'M79.601',
        'M79.602',
      ],
      lines: [line(1, { diagnosisPointers: [12, 9, 10, 11] })],
    });
    expect(firstPage(doc).texts.diag1).toBe('LIJK');
  });

  it('21: codes without dots, up to 12, in slots A–L', () => {
    const diagnoses = Array.from({ length: 13 }, (_, i) => `M79.${600 + i}`);
    const { texts } = firstPage(sampleClaimDocument({ diagnoses }));
    const codes = Object.entries(texts).filter(([field]) => /^diagnosis\d+$/.test(field));
    expect(codes).toHaveLength(12);
    for (const [, code] of codes) expect(code).not.toContain('.');
    expect(texts.diagnosis12).toBe('M79611');
    expect(formatDiagnosis('s13.4xxd')).toBe('S134XXD');
  });

  it('22: replacement claim with the original reference', () => {
    const { texts } = firstPage(
      sampleClaimDocument({ frequencyCode: '7', originalPayerClaimNumber: 'ehp-2026-55501' }),
    );
    expect([texts.medicaid_resub, texts.original_ref]).toEqual(['7', 'EHP-2026-55501']);
  });

  it('12/13/27 follow the flags', () => {
    const { texts, checks } = firstPage(
      sampleClaimDocument({ releaseOfInformation: false, benefitsAssigned: false, acceptAssignment: false }),
    );
    expect(texts.pt_signature).toBeUndefined();
    expect(texts.pt_date).toBeUndefined();
    expect(texts.ins_signature).toBeUndefined();
    expect(checks.assignment).toBe('NO');
  });

  it('24I/24J stay empty when the therapist bills under their own NPI (same as 33a)', () => {
    const doc = sampleClaimDocument();
    doc.renderingProvider.npi = doc.billingProvider.npi;
    const { texts } = firstPage(doc);
    expect(texts.local1).toBeUndefined();
    expect(texts.emg1).toBeUndefined();
    expect(texts.local1a).toBeUndefined();
  });

  it('32 service facility and 9/9a/9d/11d other coverage when present', () => {
    const doc = sampleClaimDocument({
      serviceFacility: {
        name: 'Riverside at Pearl',
        npi: '1523456782',
        address: { line1: '900 NW 11th Ave.', city: 'Portland', state: 'OR', zip: '97209' },
      },
      otherInsurance: {
        subscriber: { familyName: 'Reyes', givenName: 'Sam', middleInitial: null },
        memberId: 'OTH998877',
        groupNumber: null,
        planName: 'Other Mutual',
      },
    });
    const { texts, checks } = firstPage(doc);
    expect([texts.fac_name, texts.fac_street, texts.fac_location, texts.pin1]).toEqual([
      'RIVERSIDE AT PEARL',
      '900 NW 11TH AVE',
      'PORTLAND OR 97209',
      '1523456782',
    ]);
    expect([texts.other_ins_name, texts.other_ins_policy, texts.other_ins_plan_name]).toEqual([
      'REYES, SAM',
      'OTH998877',
      'OTHER MUTUAL',
    ]);
    expect(checks.ins_benefit_plan).toBe('YES');
  });

  it('splits money and phone numbers the way the form wants them', () => {
    expect(splitMoney(12000)).toEqual({ dollars: '120', cents: '00' });
    expect(splitMoney(5)).toEqual({ dollars: '0', cents: '05' });
    expect(splitMoney(123456)).toEqual({ dollars: '1234', cents: '56' });
    expect(splitPhone('(503) 555-0140')).toEqual({ area: '503', number: '5550140' });
    expect(splitPhone('+1 503 555 0140')).toEqual({ area: '503', number: '5550140' });
    expect(splitPhone(null)).toBeNull();
  });

  it('puts dollars left of the printed divider and cents right of it', () => {
    const { page } = firstPage(sampleClaimDocument());
    const rect = (field: string): FieldRect | undefined => page?.texts.find((t) => t.field === field)?.rect;
    const [, , dollarsRight = 0] = rect('ch1.dollars') ?? [];
    const [centsLeft = 0, , centsRight = 0] = rect('ch1.cents') ?? [];
    expect(dollarsRight).toBeLessThan(416.7);
    expect(centsLeft).toBeGreaterThan(416.7);
    expect(centsRight).toBe(CMS1500_FIELDS.ch1[2]);
  });
});
