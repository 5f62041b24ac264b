import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { build835, buildX12, header, splitSegments } from '../../../tests/fixtures/x12/835/build-835.js';
import { checkBalancing } from './domain/balancing.js';
import { planRemittanceFilePosting, type SentClaim } from './domain/remittance-posting.js';
import { readEra835, readX12Segments, X12FormatError } from './x12-segments.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../tests/fixtures/x12/835');

const small = build835([...header('10'), 'LX*1', 'CLP*PT1001-1*1*10*10**12*P1', 'SVC*HC:97140:GP*10*10**1']);

describe('readX12Segments', () => {
  it('splits segments and elements like the plain splitter, keeping empty elements', async () => {
    const segments = await readX12Segments(small);
    expect(segments).toEqual(
      splitSegments(small).map((s) => (s.name === 'ISA' ? { ...s, elements: trimmed(s) } : s)),
    );
    expect(segments.find((s) => s.name === 'CLP')?.elements).toEqual([
      'PT1001-1',
      '1',
      '10',
      '10',
      '',
      '12',
      'P1',
    ]);
    expect(segments.find((s) => s.name === 'SVC')?.elements[0]).toBe('HC:97140:GP');
  });

  it("normalises the file's component separator (ISA16) to ':'", async () => {
    const text = build835(
      [...header('10'), 'LX*1', 'CLP*A*1*10*10**12*P', 'SVC*HC>97140>GP>59*10*10**1*HC>97124'],
      {
        componentSeparator: '>',
      },
    );
    const svc = (await readX12Segments(text)).find((s) => s.name === 'SVC');
    expect(svc?.elements).toEqual(['HC:97140:GP:59', '10', '10', '', '1', 'HC:97124']);
    const [era] = await readEra835(text);
    expect(era?.claims[0]?.services[0]?.procedure).toEqual({
      qualifier: 'HC',
      code: '97140',
      modifiers: ['GP', '59'],
    });
  });

  it('accepts CRLF lines, a byte-order mark, leading blank lines, a missing last terminator, line-break terminators', async () => {
    const expected = await readX12Segments(small);
    const variants = [
      small.replace(/\n/g, '\r\n'),
      `\uFEFF${small}`,
      `\n\n  ${small}`,
      small.trimEnd().slice(0, -1),
      small.replace(/~\n/g, '\n'),
      `${small}\x1a`,
    ];
    for (const variant of variants) expect(await readX12Segments(variant)).toEqual(expected);
  });

  it.each([
    ['', 'The file is empty: an X12 835 file starts with an ISA segment.'],
    ['  \n\t ', 'The file is empty: an X12 835 file starts with an ISA segment.'],
    ['hello world', 'This is not an X12 file: it should start with "ISA" but starts with "hello world".'],
    [
      '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj',
      'This is not an X12 file: it should start with "ISA" but starts with "%PDF-1.7?%?????1 0 o…".',
    ],
    [
      '{"claims": []}',
      'This is not an X12 file: it should start with "ISA" but starts with "{"claims": []}".',
    ],
    ['ISA*00*', 'The ISA segment is not the fixed 106-character X12 header'],
    [
      // IDs not padded to 15 characters: the separators are not where X12 puts them.
      'ISA*00*          *00*          *ZZ*PAYER*ZZ*PALPA*261210*0900*^*00501*000000835*0*T*:~GS*HP~',
      'The ISA segment is not the fixed 106-character X12 header',
    ],
    ['ISA' + 'x'.repeat(200), 'The ISA segment is not the fixed 106-character X12 header'],
  ])('rejects %j with a clear message', async (text, message) => {
    const reading = readX12Segments(text);
    await expect(reading).rejects.toThrow(X12FormatError);
    await expect(reading).rejects.toThrow(message);
  });

  it('rejects a damaged file whose segments are not X12', async () => {
    const damaged = small.replace('LX*1', 'lx 1 \u0000');
    await expect(readX12Segments(damaged)).rejects.toThrow('Segment 13 ("lx 1 ?") is not an X12 segment');
  });

  it('reads an 837 as X12, and readEra835 refuses it as not an 835', async () => {
    const claim837 = buildX12([
      { controlNumber: '0001', transactionSet: '837', segments: ['BHT*0019*00*PALPA0001*20261120*1630*CH'] },
    ]);
    expect((await readX12Segments(claim837)).map((s) => s.name)).toEqual([
      'ISA',
      'GS',
      'ST',
      'BHT',
      'SE',
      'GE',
      'IEA',
    ]);
    await expect(readEra835(claim837)).rejects.toThrow(
      'This X12 file holds 837 (health care claim), not an 835 remittance advice (ST*835).',
    );
  });
});

/** x12-parser trims element values; the ISA's space-padded fields come back without the padding. */
function trimmed(segment: { elements: string[] }): string[] {
  return segment.elements.map((e) => e.trim());
}

// Public 835 test files from tastypackets/x12-parser (MIT): see tests/fixtures/x12/835/README.md.
describe('real-world 835 files', () => {
  const unrelated: SentClaim[] = [
    {
      claimId: 'claim-1',
      patientControlNumber: 'PT1001-1',
      clientId: 'client-1',
      payerId: 'payer-1',
      lines: [
        {
          lineId: 'line-1',
          lineControlNumber: 'PT1001-1-1',
          code: 'V2020',
          modifiers: [],
          serviceDate: '2010-01-01',
          chargeCents: 600,
          units: 1,
        },
      ],
      alreadyPostedPaymentCents: 0,
    },
  ];

  it.each([
    ['profee.edi', 1, 3],
    ['profeeMultiple.edi', 12, 36],
    ['oneLine-2-ISA.edi', 2, 4],
    ['oneLine.edi', 2, 4],
  ])(
    '%s: parses, balances, and posts nothing against claims that are not its own',
    async (file, remittances, claims) => {
      const eras = await readEra835(readFileSync(path.join(FIXTURES, file), 'utf8'));
      expect(eras).toHaveLength(remittances);
      expect(eras.flatMap((e) => e.claims)).toHaveLength(claims);
      expect(eras.flatMap((e) => e.warnings)).toEqual([]);
      expect(eras.flatMap((e) => checkBalancing(e))).toEqual([]);

      for (const noClaims of [[], unrelated]) {
        const plans = planRemittanceFilePosting(eras, noClaims);
        expect(plans.flatMap((p) => p.claims)).toEqual([]);
        expect(plans.flatMap((p) => p.unmatchedClaims)).toHaveLength(claims);
        expect(plans.reduce((sum, p) => sum + p.totals.postedInsurancePaymentCents, 0)).toBe(0);
        expect(plans.map((p) => p.totals.unmatchedPaidCents)).toEqual(
          eras.map((e) => e.payment.totalPaidCents),
        );
      }
    },
  );

  it('profee.edi: reads the amounts, codes and remarks of the NYSDOH sample', async () => {
    const [era] = await readEra835(readFileSync(path.join(FIXTURES, 'profee.edi'), 'utf8'));
    expect(era).toMatchObject({
      interchangeControlNumber: '006000600',
      transactionControlNumber: '1740',
      payer: { name: 'NYSDOH' },
      payee: { name: 'MAJOR MEDICAL PROVIDER', npi: '9999999995', taxId: '000000000' },
      payment: { totalPaidCents: 4575, method: 'ACH', paymentDate: '2010-01-01' },
      traceNumber: '10100000000',
    });
    expect(era?.claims.map((c) => [c.statusCode, c.chargeCents, c.paidCents, c.payerClaimNumber])).toEqual([
      ['1', 3425, 3425, '1000210000000030'],
      ['2', 3400, 0, '1000220000000020'],
      ['2', 3425, 1150, '1000230000000020'],
    ]);
    expect(era?.claims[0]?.services[3]).toMatchObject({
      procedure: { code: 'S0580', modifiers: [] },
      unitsPaid: 2,
      allowedCents: 2000,
    });
    expect(era?.claims[2]?.services[2]).toMatchObject({
      procedure: { code: 'V2700', modifiers: ['RB'] },
      adjustments: [{ group: 'CO', reasonCode: '251', amountCents: 275, quantity: null }],
      remarkCodes: ['N206'],
    });
  });
});

describe('speed', () => {
  it('reads, parses and plans an 835 with 1,000 service lines in under 2 s', async () => {
    const codes = ['97140', '97124', '97110', '97112'];
    const sent: SentClaim[] = [];
    const segments: string[] = [];
    for (let n = 1; n <= 250; n += 1) {
      const pcn = `PT${n}-1`;
      segments.push(`CLP*${pcn}*1*200*140*20*12*PAYER${n}`, 'NM1*QC*1*DOE*JANE****MI*XYZ123456789');
      sent.push({
        claimId: `claim-${n}`,
        patientControlNumber: pcn,
        clientId: `client-${n}`,
        payerId: 'payer-1',
        lines: codes.map((code, i) => ({
          lineId: `line-${n}-${i + 1}`,
          lineControlNumber: `${pcn}-${i + 1}`,
          code,
          modifiers: ['GP'],
          serviceDate: '2026-11-20',
          chargeCents: 5000,
          units: 1,
        })),
        alreadyPostedPaymentCents: 0,
      });
      codes.forEach((code, i) => {
        // 50.00 each; the first line carries the client's 20.00 coinsurance: 4 × 50 − 4 × 10 − 20 = 140.
        segments.push(`SVC*HC:${code}:GP*50*${i === 0 ? 20 : 40}**1`, 'DTM*472*20261120', 'CAS*CO*45*10');
        if (i === 0) segments.push('CAS*PR*2*20');
        segments.push(`REF*6R*${pcn}-${i + 1}`, 'AMT*B6*40');
      });
    }
    const text = build835([...header('35000'), 'LX*1', ...segments]);

    const started = performance.now();
    const eras = await readEra835(text);
    const [plan] = planRemittanceFilePosting(eras, sent);
    const ms = Math.round(performance.now() - started);
    console.log(`835 with 1,000 lines read and planned in ${ms} ms`);

    expect(plan?.claims.flatMap((c) => c.lines)).toHaveLength(1000);
    expect(plan?.balancingProblems).toEqual([]);
    expect(plan?.totals.postedInsurancePaymentCents).toBe(3_500_000);
    expect(ms).toBeLessThan(2000);
  });
});
