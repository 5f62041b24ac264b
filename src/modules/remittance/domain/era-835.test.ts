import { describe, expect, it } from 'vitest';
import { build835, buildX12, header, splitSegments } from '../../../../tests/fixtures/x12/835/build-835.js';
import { carcLabel, claimStatusLabel } from './adjustment-codes.js';
import { parseCents, parseEra835, parseEra835File, parseX12Date, X12FormatError } from './era-835.js';

const parse = (text: string) => parseEra835(splitSegments(text));

// A partly paid claim for the 837P example (billing-standards.md §4.2: PT1001-1, lines -1 97140 and -2 97124).
const partial = build835([
  ...header('80'),
  'LX*1',
  'CLP*PT1001-1*1*180*80*70*12*PAYER0001*11*1',
  'NM1*QC*1*DOE*JANE****MI*XYZ123456789',
  'DTM*232*20261120',
  'DTM*233*20261120',
  'SVC*HC:97140:GP*120*40**2',
  'DTM*472*20261120',
  'CAS*CO*45*20',
  'CAS*PR*1*50**2*10',
  'REF*6R*PT1001-1-1',
  'AMT*B6*100',
  'SVC*HC:97124:GP*60*40**1',
  'DTM*472*20261120',
  'CAS*CO*45*10',
  'CAS*PR*2*10',
  'REF*6R*PT1001-1-2',
  'AMT*B6*50',
  'LQ*HE*N381',
]);

describe('parseCents', () => {
  it.each([
    ['180', 18000],
    ['62.5', 6250],
    ['62.50', 6250],
    ['-10', -1000],
    ['-2.5', -250],
    ['.5', 50],
    ['0', 0],
    ['-0', 0],
    ['0.07', 7],
    ['1234567.89', 123456789],
    ['10.005', 1001],
    ['+3', 300],
  ])('%s → %i cents', (text, cents) => {
    expect(parseCents(text)).toBe(cents);
  });

  it.each(['', 'abc', '1,000.00', '1.2.3', '$5', '-', '.'])('"%s" is not an amount', (text) => {
    expect(parseCents(text)).toBeNull();
  });

  it('never goes through binary floating point (0.29 would be 28.999… cents)', () => {
    expect(parseCents('0.29')).toBe(29);
    expect(parseCents('1.15')).toBe(115);
  });
});

describe('parseX12Date', () => {
  it('reads CCYYMMDD', () => {
    expect(parseX12Date('20261120')).toBe('2026-11-20');
    expect(parseX12Date('20240229')).toBe('2024-02-29');
  });
  it('refuses impossible dates', () => {
    expect(parseX12Date('20250229')).toBeNull();
    expect(parseX12Date('20261320')).toBeNull();
    expect(parseX12Date('261120')).toBeNull();
  });
});

describe('parseEra835', () => {
  it('reads envelope, payment, parties and trace', () => {
    const era = parse(partial);
    expect(era).toMatchObject({
      interchangeControlNumber: '000000835',
      groupControlNumber: '835',
      transactionControlNumber: '0001',
      implementationGuide: '005010X221A1',
      payer: { name: 'EXAMPLE HEALTH PLAN', idQualifier: 'XV', id: '12345' },
      payee: { name: 'PALPA MASSAGE CLINIC', npi: '1234567893', taxId: '371234567' },
      payment: {
        handlingCode: 'I',
        totalPaidCents: 8000,
        creditDebit: 'C',
        method: 'ACH',
        paymentDate: '2026-12-10',
      },
      traceNumber: 'EFT0001',
      traceOriginatorId: '1512345678',
      productionDate: '2026-12-09',
      providerAdjustments: [],
      warnings: [],
    });
  });

  it('reads the claim, its patient and its lines with their adjustments', () => {
    const [claim] = parse(partial).claims;
    expect(claim).toMatchObject({
      patientControlNumber: 'PT1001-1',
      statusCode: '1',
      statusLabel: 'processed as primary',
      chargeCents: 18000,
      paidCents: 8000,
      patientResponsibilityCents: 7000,
      filingIndicator: '12',
      payerClaimNumber: 'PAYER0001',
      adjustments: [],
      patient: { familyName: 'DOE', givenName: 'JANE', memberId: 'XYZ123456789' },
      statementFrom: '2026-11-20',
      statementTo: '2026-11-20',
    });
    expect(claim?.services).toEqual([
      {
        procedure: { qualifier: 'HC', code: '97140', modifiers: ['GP'] },
        chargeCents: 12000,
        paidCents: 4000,
        unitsPaid: 2,
        originalProcedure: null,
        originalUnits: null,
        serviceDate: '2026-11-20',
        serviceDateTo: null,
        lineControlNumber: 'PT1001-1-1',
        adjustments: [
          { group: 'CO', reasonCode: '45', amountCents: 2000, quantity: null },
          { group: 'PR', reasonCode: '1', amountCents: 5000, quantity: null },
          { group: 'PR', reasonCode: '2', amountCents: 1000, quantity: null },
        ],
        allowedCents: 10000,
        remarkCodes: [],
      },
      {
        procedure: { qualifier: 'HC', code: '97124', modifiers: ['GP'] },
        chargeCents: 6000,
        paidCents: 4000,
        unitsPaid: 1,
        originalProcedure: null,
        originalUnits: null,
        serviceDate: '2026-11-20',
        serviceDateTo: null,
        lineControlNumber: 'PT1001-1-2',
        adjustments: [
          { group: 'CO', reasonCode: '45', amountCents: 1000, quantity: null },
          { group: 'PR', reasonCode: '2', amountCents: 1000, quantity: null },
        ],
        allowedCents: 5000,
        remarkCodes: ['N381'],
      },
    ]);
  });

  it('reads all six CAS triplets, quantities, SVC06/SVC07 and several modifiers', () => {
    const era = parse(
      build835([
        ...header('0'),
        'LX*1',
        'CLP*PT1*4*300*0*0*12*P1',
        'CAS*CO*16*10*1*18*20**23*30*2*29*40**50*50**96*150',
        'SVC*HC:97140:GP:59:KX:XU:Description*120*0**1*HC:97124:GP*2',
        'DTM*150*20261101',
        'DTM*151*20261103',
      ]),
    );
    const claim = era.claims[0];
    expect(claim?.adjustments.map((a) => [a.reasonCode, a.amountCents, a.quantity])).toEqual([
      ['16', 1000, 1],
      ['18', 2000, null],
      ['23', 3000, 2],
      ['29', 4000, null],
      ['50', 5000, null],
      ['96', 15000, null],
    ]);
    expect(claim?.services[0]).toMatchObject({
      procedure: { code: '97140', modifiers: ['GP', '59', 'KX', 'XU'] },
      originalProcedure: { qualifier: 'HC', code: '97124', modifiers: ['GP'] },
      originalUnits: 2,
      unitsPaid: 1,
      serviceDate: '2026-11-01',
      serviceDateTo: '2026-11-03',
    });
  });

  it('reads PLB adjustments in reason:reference / amount pairs, several per segment', () => {
    const era = parse(
      build835([
        ...header('167.5'),
        'PLB*1234567893*20261231*WO:PAYER0009*25*L6*-2.5',
        'PLB*1234567893*20261231*FB:X1*0',
      ]),
    );
    expect(era.providerAdjustments).toEqual([
      {
        providerId: '1234567893',
        fiscalPeriodDate: '2026-12-31',
        reasonCode: 'WO',
        reference: 'PAYER0009',
        amountCents: 2500,
      },
      {
        providerId: '1234567893',
        fiscalPeriodDate: '2026-12-31',
        reasonCode: 'L6',
        reference: null,
        amountCents: -250,
      },
      {
        providerId: '1234567893',
        fiscalPeriodDate: '2026-12-31',
        reasonCode: 'FB',
        reference: 'X1',
        amountCents: 0,
      },
    ]);
  });

  it('ignores segments it does not use and keeps reading', () => {
    const era = parse(
      build835([
        ...header('10'),
        'XYZ*1*2',
        'TS3*1234567893*11*20261231*1*10',
        'LX*1',
        'CLP*A*1*10*10**12*P',
        'MOA***MA01',
      ]),
    );
    expect(era.claims).toHaveLength(1);
    expect(era.warnings).toEqual([]);
  });

  it('turns odd values into warnings, not errors', () => {
    const text = build835([
      ...header('1O.00'),
      'LX*1',
      'CLP*A*1*10*abc**12*P',
      'CAS*ZZ*45*1',
      'DTM*232*20261340',
    ]);
    const era = parse(text.replace(/SE\*\d+\*0001/, 'SE*9*0001'));
    expect(era.payment.totalPaidCents).toBe(0);
    expect(era.warnings).toEqual([
      'BPR02 "1O.00" is not an amount; read as $0.00.',
      'CLP04 "abc" is not an amount; read as $0.00.',
      'CAS group "ZZ" is not CO, PR, OA, PI or CR; read as OA.',
      'DTM*232 "20261340" is not a date.',
      'SE01 says 9 segments, but the transaction has 15.',
    ]);
  });

  it('warns about mismatched control numbers and a missing trailer', () => {
    const text = build835([...header('0')]).replace('IEA*1*000000835', 'IEA*1*000000999');
    expect(parse(text).warnings).toEqual(['IEA02 000000999 does not match ISA13 000000835.']);
    const cut = text.slice(0, text.indexOf('SE*'));
    expect(parse(cut).warnings).toEqual([
      'Transaction 0001 has no SE trailer: the file may be cut short.',
      'The interchange has no IEA trailer.',
    ]);
  });

  it('throws a clear error when there is no 835', () => {
    const claim837 = buildX12([
      { controlNumber: '0001', transactionSet: '837', segments: ['BHT*0019*00*X*20261120*1630*CH'] },
    ]);
    expect(() => parse(claim837)).toThrow(X12FormatError);
    expect(() => parse(claim837)).toThrow(
      'This X12 file holds 837 (health care claim), not an 835 remittance advice (ST*835).',
    );
    expect(() => parseEra835([])).toThrow(
      'This X12 file holds no transaction (ST segment), so no 835 remittance advice.',
    );
  });
});

describe('parseEra835File', () => {
  it('returns one remittance per ST/SE transaction, in order', () => {
    const text = buildX12([
      { controlNumber: '0001', segments: [...header('10', 'EFT1'), 'LX*1', 'CLP*A*1*10*10**12*P1'] },
      { controlNumber: '0002', segments: [...header('20', 'EFT2'), 'LX*1', 'CLP*B*1*20*20**12*P2'] },
    ]);
    const eras = parseEra835File(splitSegments(text));
    expect(
      eras.map((e) => [e.transactionControlNumber, e.traceNumber, e.claims[0]?.patientControlNumber]),
    ).toEqual([
      ['0001', 'EFT1', 'A'],
      ['0002', 'EFT2', 'B'],
    ]);
    expect(eras.flatMap((e) => e.warnings)).toEqual([]);
    expect(() => parseEra835(splitSegments(text))).toThrow('read it with parseEra835File');
  });
});

describe('labels', () => {
  it('names the common CARCs and CLP02 statuses in plain words', () => {
    expect(carcLabel('45')).toBe('charge exceeds the fee schedule or contracted rate');
    expect(carcLabel('204')).toBe("service is not covered under the patient's current plan");
    expect(carcLabel('999')).toBe('reason code 999');
    expect(claimStatusLabel('22')).toBe('reversal of a previous payment');
  });
});
