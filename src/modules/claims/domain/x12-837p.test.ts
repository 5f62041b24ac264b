import { describe, expect, it } from 'vitest';
import { check837pStructure, el, parseX12Segments, type X12Segment } from '#tests/support/x12-parse.js';
import type { ClaimDocument, ClaimServiceLine } from './claim-document.js';
import { build837p, formatX12Amount, type Interchange837Options, sanitizeX12Text } from './x12-837p.js';

// billing-standards.md §4.2 "Our massage example", verbatim.
const REFERENCE_837P = `ISA*00*          *00*          *ZZ*PALPA01        *ZZ*CLEARHOUSE     *261120*1630*^*00501*000000101*1*T*:~
GS*HC*PALPA01*CLEARHOUSE*20261120*1630*101*X*005010X222A1~
ST*837*0001*005010X222A1~
BHT*0019*00*PALPA0001*20261120*1630*CH~
NM1*41*2*PALPA MASSAGE CLINIC*****46*PALPA01~
PER*IC*BILLING OFFICE*TE*2175550100~
NM1*40*2*EXAMPLE HEALTH PLAN*****46*12345~
HL*1**20*1~
PRV*BI*PXC*225700000X~
NM1*85*2*PALPA MASSAGE CLINIC*****XX*1234567893~
N3*100 MAIN ST~
N4*SPRINGFIELD*IL*627011234~
REF*EI*371234567~
HL*2*1*22*0~
SBR*P*18*GRP001******CI~
NM1*IL*1*DOE*JANE****MI*XYZ123456789~
N3*200 OAK AVE~
N4*SPRINGFIELD*IL*62702~
DMG*D8*19800115*F~
NM1*PR*2*EXAMPLE HEALTH PLAN*****PI*12345~
CLM*PT1001-1*180***11:B:1*Y*A*Y*Y~
DTP*431*D8*20260901~
REF*G1*AUTH778899~
HI*ABK:M542*ABF:M62838~
NM1*DN*1*SMITH*ROBERT****XX*1245319599~
LX*1~
SV1*HC:97140:GP*120*UN*2***1:2~
DTP*472*D8*20261120~
REF*6R*PT1001-1-1~
LX*2~
SV1*HC:97124:GP*60*UN*1***1~
DTP*472*D8*20261120~
REF*6R*PT1001-1-2~
SE*32*0001~
GE*1*101~
IEA*1*000000101~
`;

const OPTIONS: Interchange837Options = {
  senderId: 'PALPA01',
  receiverId: 'CLEARHOUSE',
  receiverName: 'Example Health Plan',
  receiverPrimaryId: '12345',
  submitter: { name: 'Palpa Massage Clinic', contactName: 'Billing Office', phone: '(217) 555-0100' },
  interchangeControlNumber: 101,
  groupControlNumber: 101,
  usage: 'T',
  createdAt: { date: '2026-11-20', time: '16:30' },
  batchReference: 'PALPA0001',
};

function line(n: number, overrides: Partial<ClaimServiceLine> & { claim: string }): ClaimServiceLine {
  const { claim, ...rest } = overrides;
  return {
    lineNumber: n,
    lineControlNumber: `${claim}-${n}`,
    serviceDate: '2026-11-20',
    code: '97140',
    modifiers: ['GP'],
    diagnosisPointers: [1],
    units: 1,
    chargeCents: 6000,
    ...rest,
  };
}

/** The §4.2 example claim as a ClaimDocument (mixed case and punctuation on purpose: the serialiser normalises). */
function referenceClaim(): ClaimDocument {
  const address = { line1: '200 Oak Ave', city: 'Springfield', state: 'IL', zip: '62702' };
  return {
    id: 'claim-1',
    patientControlNumber: 'PT1001-1',
    frequencyCode: '1',
    claimDate: '2026-11-20',
    billingProvider: {
      organizationName: 'Palpa Massage Clinic',
      npi: '1234567893',
      taxId: '37-1234567',
      taxIdType: 'EIN',
      taxonomy: '225700000X',
      address: { line1: '100 Main St', city: 'Springfield', state: 'IL', zip: '627011234' },
    },
    renderingProvider: {
      familyName: 'Rivera',
      givenName: 'Ana',
      npi: '1234567893',
      taxonomy: '225700000X',
      credentials: 'LMT',
    },
    referringProvider: { familyName: 'Smith', givenName: 'Robert', npi: '1245319599' },
    payer: { name: 'Example Health Plan', payerId: '12345', claimType: 'health' },
    subscriber: {
      familyName: 'Doe',
      givenName: 'Jane',
      sequence: 'P',
      memberId: 'XYZ123456789',
      groupNumber: 'GRP001',
      planName: 'Example PPO',
      filingIndicator: 'CI',
      dateOfBirth: '1980-01-15',
      sex: 'F',
      address,
    },
    patient: {
      familyName: 'Doe',
      givenName: 'Jane',
      relationshipToSubscriber: 'self',
      dateOfBirth: '1980-01-15',
      sex: 'F',
      address,
    },
    onsetDate: '2026-09-01',
    priorAuthorizationNumber: 'AUTH778899',
    diagnoses: ['M54.2', 'M62.838'],
    placeOfService: '11',
    acceptAssignment: true,
    releaseOfInformation: true,
    benefitsAssigned: true,
    lines: [
      line(1, { claim: 'PT1001-1', units: 2, chargeCents: 12000, diagnosisPointers: [1, 2] }),
      line(2, { claim: 'PT1001-1', code: '97124', units: 1, chargeCents: 6000 }),
    ],
    totalChargeCents: 18000,
    amountPaidCents: 0,
  };
}

/** A second clinic (different NPI and EIN) for the two-billing-provider batch. */
const SECOND_CLINIC: ClaimDocument['billingProvider'] = {
  organizationName: 'Lakeside Bodywork LLC',
  npi: '1987654321',
  taxId: '412345678',
  taxIdType: 'EIN',
  taxonomy: '225700000X',
  address: { line1: '9 Lake Rd', line2: 'Suite 2', city: 'Peoria', state: 'IL', zip: '61602-1234' },
  phone: '309-555-0199',
};

/** Auto accident, the patient is the subscriber's child: HL 23, REF*Y4 in 2010CA, CLM11 AA:::IL, DTP*439. */
function autoChildClaim(): ClaimDocument {
  const base = referenceClaim();
  return {
    ...base,
    id: 'claim-2',
    patientControlNumber: 'PT2001-1',
    payer: {
      name: 'Prairie Auto Insurance',
      payerId: 'AUTO1',
      claimType: 'auto',
      address: { line1: 'PO Box 400', city: 'Bloomington', state: 'IL', zip: '61702' },
    },
    subscriber: {
      ...base.subscriber,
      memberId: 'POL-7788',
      groupNumber: null,
      planName: 'PIP',
      filingIndicator: 'AM',
    },
    patient: {
      familyName: 'Doe',
      givenName: 'Sam',
      relationshipToSubscriber: 'child',
      dateOfBirth: '2012-06-30',
      sex: 'M',
      address: { line1: '200 Oak Ave', city: 'Springfield', state: 'IL', zip: '62702' },
    },
    accident: {
      relatedCause: 'AA',
      state: 'IL',
      propertyCasualtyClaimNumber: 'PC-55501',
      date: '2026-10-02',
    },
    onsetDate: '2026-10-02',
    priorAuthorizationNumber: null,
    diagnoses: ['S13.4XXD', 'S16.1XXD'],
    lines: [
      line(1, { claim: 'PT2001-1', units: 2, chargeCents: 12000, diagnosisPointers: [1, 2] }),
      line(2, { claim: 'PT2001-1', code: '97124', units: 1, chargeCents: 6250, diagnosisPointers: [2] }),
    ],
    totalChargeCents: 18250,
  };
}

/** Workers' comp at the second clinic: the employer is the insured (organisation NM1*IL), CLM11 EM. */
function workersCompClaim(): ClaimDocument {
  const base = referenceClaim();
  return {
    ...base,
    id: 'claim-3',
    patientControlNumber: 'PT3001-1',
    billingProvider: SECOND_CLINIC,
    renderingProvider: { familyName: 'Nguyen', givenName: 'Lee', npi: '1306849450', taxonomy: '225700000X' },
    payer: { name: 'State Fund WC', payerId: 'WC123', claimType: 'workers_comp' },
    subscriber: {
      familyName: '',
      givenName: '',
      organizationName: 'Acme Widgets Inc',
      sequence: 'P',
      memberId: 'EMP-4410',
      filingIndicator: 'WC',
      address: { line1: '1 Factory Way', city: 'Peoria', state: 'IL', zip: '61603' },
    },
    patient: {
      familyName: 'Kowalski',
      givenName: 'Piotr',
      middleInitial: 'J',
      relationshipToSubscriber: 'other',
      dateOfBirth: '1975-03-09',
      sex: 'M',
      address: { line1: '55 Elm St', city: 'Peoria', state: 'IL', zip: '61604' },
    },
    accident: { relatedCause: 'EM', propertyCasualtyClaimNumber: 'WC-2026-0099', date: '2026-08-14' },
    onsetDate: '2026-08-14',
    initialTreatmentDate: '2026-08-20',
    diagnoses: ['S39.012D'],
    lines: [line(1, { claim: 'PT3001-1', code: '97140', units: 3, chargeCents: 18000 })],
    totalChargeCents: 18000,
  };
}

/** Replacement (frequency 7) with 12 diagnoses, a separate rendering therapist, a facility and a home visit line. */
function replacementClaim(): ClaimDocument {
  const base = referenceClaim();
  return {
    ...base,
    id: 'claim-4',
    patientControlNumber: 'PT1002-2',
    frequencyCode: '7',
    originalPayerClaimNumber: 'PAYER-CLM-123',
    renderingProvider: { familyName: 'Rivera', givenName: 'Ana', npi: '1003000126', taxonomy: '225700000X' },
    serviceFacility: {
      name: 'Palpa West Studio',
      npi: '1104925650',
      address: { line1: '8 West St', city: 'Springfield', state: 'IL', zip: '627040000' },
    },
    diagnoses: [
      'M54.2',
      'M62.838',
      'M54.50',
      'G44.209',
      'M79.7',
      'M54.6',
      'M62.830',
      'M25.511',
      'M79.18',
      'G89.29',
      'M53.82',
      'R51.9',
    ],
    lines: [
      line(1, { claim: 'PT1002-2', units: 2, chargeCents: 12000, diagnosisPointers: [1, 2, 3, 4] }),
      line(2, {
        claim: 'PT1002-2',
        code: '97124',
        modifiers: ['GP', '59'],
        chargeCents: 1005,
        diagnosisPointers: [12],
      }),
      line(3, {
        claim: 'PT1002-2',
        code: '97112',
        placeOfService: '12',
        chargeCents: 5995,
        diagnosisPointers: [9, 10],
      }),
    ],
    totalChargeCents: 19000,
    amountPaidCents: 2500,
  };
}

const segmentLines = (text: string): string[] => text.split('~\n').filter(Boolean);

async function parsedAndChecked(text: string): Promise<X12Segment[]> {
  const segments = await parseX12Segments(text);
  expect(check837pStructure(segments)).toEqual([]);
  return segments;
}

describe('formatX12Amount', () => {
  it('writes cents as a decimal without needless zeros', () => {
    expect(formatX12Amount(18000)).toBe('180');
    expect(formatX12Amount(6250)).toBe('62.5');
    expect(formatX12Amount(1005)).toBe('10.05');
    expect(formatX12Amount(5)).toBe('0.05');
    expect(formatX12Amount(0)).toBe('0');
  });
});

describe('build837p', () => {
  it('reproduces the reference example segment by segment', async () => {
    const text = build837p([referenceClaim()], OPTIONS);

    expect(segmentLines(text)).toEqual(segmentLines(REFERENCE_837P));
    expect(text).toBe(REFERENCE_837P);
    expect(text.indexOf('~') + 1).toBe(106);
    const segments = await parsedAndChecked(text);
    expect(segments).toHaveLength(36);
    expect(await parseX12Segments(REFERENCE_837P)).toEqual(segments);
  });

  it('can write one unbroken line', async () => {
    const text = build837p([referenceClaim()], { ...OPTIONS, lineBreaks: false });
    expect(text).not.toContain('\n');
    expect(text).toBe(REFERENCE_837P.replaceAll('~\n', '~'));
    await parsedAndChecked(text);
  });

  it('batches claims under their billing providers with patient loops, accident data and replacements', async () => {
    const text = build837p([autoChildClaim(), workersCompClaim(), replacementClaim()], {
      ...OPTIONS,
      interchangeControlNumber: 7,
      groupControlNumber: 42,
      transactionSetControlNumber: 12345,
    });
    const segments = await parsedAndChecked(text);
    const lines = segmentLines(text);
    const find = (name: string, test: (s: X12Segment) => boolean = () => true) =>
      segments.filter((s) => s.name === name && test(s));
    const indexOf = (line: string) => {
      const index = lines.indexOf(line);
      expect(index, line).toBeGreaterThanOrEqual(0);
      return index;
    };

    expect(lines[0]).toContain('*000000007*1*T*:');
    expect(lines).toContain('ST*837*12345*005010X222A1');
    expect(lines.at(-3)).toMatch(/^SE\*\d+\*12345$/);

    // Clinic 1 holds the auto claim (child patient) and the replacement (self); clinic 2 the WC claim.
    expect(find('HL').map((s) => s.elements.join('*'))).toEqual([
      '1**20*1',
      '2*1*22*1',
      '3*2*23*0',
      '4*1*22*0',
      '5**20*1',
      '6*5*22*1',
      '7*6*23*0',
    ]);
    expect(find('NM1', (s) => el(s, 1) === '85').map((s) => el(s, 9))).toEqual(['1234567893', '1987654321']);
    expect(lines).toContain('N3*9 LAKE RD*SUITE 2');
    expect(lines).toContain('N4*PEORIA*IL*616021234');
    expect(lines).toContain('PER*IC**TE*3095550199');

    // Auto claim, dependent child: SBR without 18 and plan name (no group), PAT 19, REF*Y4 after the patient DMG.
    expect(indexOf('SBR*P***PIP*****AM')).toBeLessThan(indexOf('PAT*19'));
    expect(lines.slice(indexOf('PAT*19'), indexOf('PAT*19') + 6)).toEqual([
      'PAT*19',
      'NM1*QC*1*DOE*SAM',
      'N3*200 OAK AVE',
      'N4*SPRINGFIELD*IL*62702',
      'DMG*D8*20120630*M',
      'REF*Y4*PC-55501',
    ]);
    expect(lines).toContain('NM1*PR*2*PRAIRIE AUTO INSURANCE*****PI*AUTO1');
    expect(lines).toContain('N3*PO BOX 400');
    expect(lines).toContain('CLM*PT2001-1*182.5***11:B:1*Y*A*Y*Y**AA:::IL');
    expect(lines).toContain('DTP*439*D8*20261002');
    expect(lines).toContain('SV1*HC:97124:GP*62.5*UN*1***2');
    expect(find('REF', (s) => el(s, 1) === 'Y4')).toHaveLength(2);

    // Workers' comp: employer as organisation subscriber, employee patient, EM.
    expect(lines).toContain('NM1*IL*2*ACME WIDGETS INC*****MI*EMP-4410');
    expect(lines).toContain('SBR*P********WC');
    expect(lines).toContain('PAT*20');
    expect(lines).toContain('NM1*QC*1*KOWALSKI*PIOTR*J');
    expect(indexOf('REF*Y4*WC-2026-0099')).toBeGreaterThan(indexOf('NM1*QC*1*KOWALSKI*PIOTR*J'));
    expect(lines).toContain('CLM*PT3001-1*180***11:B:1*Y*A*Y*Y**EM');
    expect(lines).toContain('DTP*454*D8*20260820');
    expect(lines).toContain('NM1*82*1*NGUYEN*LEE****XX*1306849450');

    // Replacement with 12 diagnoses, rendering therapist, facility, a home-visit line.
    expect(lines).toContain('CLM*PT1002-2*190***11:B:7*Y*A*Y*Y');
    expect(lines).toContain('AMT*F5*25');
    expect(indexOf('REF*F8*PAYER-CLM-123')).toBeGreaterThan(indexOf('CLM*PT1002-2*190***11:B:7*Y*A*Y*Y'));
    // Output order is by billing provider: the replacement is clinic 1's second claim, so the second HI.
    const hi = find('HI')[1]!;
    expect(hi.elements).toHaveLength(12);
    expect(hi.elements[0]).toBe('ABK:M542');
    expect(hi.elements[11]).toBe('ABF:R519');
    expect(hi.elements.slice(1).every((e) => e.startsWith('ABF:'))).toBe(true);
    expect(lines).toContain('NM1*82*1*RIVERA*ANA****XX*1003000126');
    expect(lines).toContain('PRV*PE*PXC*225700000X');
    expect(lines).toContain('NM1*77*2*PALPA WEST STUDIO*****XX*1104925650');
    expect(lines).toContain('SV1*HC:97124:GP:59*10.05*UN*1***12');
    expect(lines).toContain('SV1*HC:97112:GP*59.95*UN*1*12**9:10');
    expect(find('REF', (s) => el(s, 1) === '6R')).toHaveLength(6);
    expect(lines.slice(-2)).toEqual(['GE*1*42', 'IEA*1*000000007']);
  });

  it('lets the structural checker catch tampered counts, totals, HL links and loop order', async () => {
    const text = build837p([referenceClaim()], OPTIONS);
    const badCount = await parseX12Segments(text.replace('SE*32*0001', 'SE*31*0001'));
    expect(check837pStructure(badCount)).toEqual([expect.stringContaining('SE01 31 ≠ 32')]);

    const badTotal = await parseX12Segments(text.replace('CLM*PT1001-1*180*', 'CLM*PT1001-1*190*'));
    expect(check837pStructure(badTotal)).toEqual([expect.stringContaining('CLM02 190 ≠ Σ SV102 180')]);

    const badParent = await parseX12Segments(text.replace('HL*2*1*22*0', 'HL*2*2*22*0'));
    expect(check837pStructure(badParent).join('\n')).toContain('HL02 2 names no earlier HL');

    const badChildFlag = await parseX12Segments(text.replace('HL*2*1*22*0', 'HL*2*1*22*1'));
    expect(check837pStructure(badChildFlag).join('\n')).toContain('HL04 is "1", expected 0');

    const missingLine = await parseX12Segments(text.replace('LX*2~\n', ''));
    expect(check837pStructure(missingLine).join('\n')).toContain('second SV1 in one service line');

    const noReceiver = await parseX12Segments(text.replace(/NM1\*40[^~]*~\n/, ''));
    expect(check837pStructure(noReceiver).join('\n')).toContain('expected NM1*40 in the header');
  });

  it('keeps delimiters and line breaks in names and addresses from breaking segments', async () => {
    const plain = referenceClaim();
    const tricky = referenceClaim();
    tricky.subscriber = { ...tricky.subscriber, familyName: "O'Brien*Smith~", givenName: 'Séan\nMary^' };
    tricky.patient = {
      ...tricky.patient,
      familyName: "O'Brien*Smith~",
      address: { line1: 'Apt 4: 200 Oak ~Ave*', city: 'Spring\r\nfield', state: 'il', zip: '62702-' },
    };
    tricky.subscriber.address = tricky.patient.address;
    tricky.priorAuthorizationNumber = 'AUTH*77~88';

    const text = build837p([tricky], OPTIONS);
    const segments = await parsedAndChecked(text);
    expect(segments).toHaveLength((await parseX12Segments(build837p([plain], OPTIONS))).length);
    expect(segmentLines(text)).toContain("NM1*IL*1*O'BRIEN SMITH*SEAN MARY****MI*XYZ123456789");
    expect(segmentLines(text)).toContain('N3*APT 4 200 OAK AVE');
    expect(segmentLines(text)).toContain('N4*SPRING FIELD*IL*62702');
    expect(segmentLines(text)).toContain('REF*G1*AUTH 77 88');
    expect(sanitizeX12Text('  Zoë\t*Ångström  ')).toBe('Zoe Angstrom');
  });

  it('refuses what an 837P cannot carry', () => {
    const tooMany = { ...referenceClaim(), diagnoses: Array.from({ length: 13 }, (_, i) => `M54.${i}`) };
    expect(() => build837p([tooMany], OPTIONS)).toThrow(/1–12 diagnoses/);
    expect(() =>
      build837p([referenceClaim()], { ...OPTIONS, senderId: 'A-SENDER-ID-LONGER-THAN-15' }),
    ).toThrow(/senderId/);
    expect(() => build837p([], OPTIONS)).toThrow(/at least one claim/);
  });

  it('builds 1,000 claims of 3 lines in under 2 s', async () => {
    const claims = Array.from({ length: 1000 }, (_, i): ClaimDocument => {
      const base = i % 3 === 0 ? autoChildClaim() : referenceClaim();
      const pcn = `PT${10000 + i}-1`;
      return {
        ...base,
        id: `claim-${i}`,
        patientControlNumber: pcn,
        lines: [
          line(1, { claim: pcn, units: 2, chargeCents: 12000, diagnosisPointers: [1, 2] }),
          line(2, { claim: pcn, code: '97124', chargeCents: 6000 }),
          line(3, { claim: pcn, code: '97112', chargeCents: 6500 }),
        ],
        totalChargeCents: 24500,
      };
    });

    const started = performance.now();
    const text = build837p(claims, OPTIONS);
    const elapsed = performance.now() - started;
    console.log(`837P batch of 1,000 claims built in ${Math.round(elapsed)} ms`);

    expect(elapsed).toBeLessThan(2000);
    const segments = await parsedAndChecked(text);
    expect(segments.filter((s) => s.name === 'CLM')).toHaveLength(1000);
    expect(segments.filter((s) => s.name === 'LX')).toHaveLength(3000);
  });
});
