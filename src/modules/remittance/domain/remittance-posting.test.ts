import { describe, expect, it } from 'vitest';
import { build835, header, splitSegments } from '../../../../tests/fixtures/x12/835/build-835.js';
import { parseEra835 } from './era-835.js';
import {
  planRemittanceFilePosting,
  planRemittancePosting,
  type ClaimPostingPlan,
  type SentClaim,
} from './remittance-posting.js';

// Our claims, shaped like the 837P example (billing-standards.md §4.2): CLM01 PT<n>-1, REF*6R PT<n>-1-<line>,
// 97140-GP ×2 at $120.00 and 97124-GP ×1 at $60.00 on 2026-11-20.
function sentClaim(n: number, alreadyPostedPaymentCents = 0): SentClaim {
  return {
    claimId: `claim-${n}`,
    patientControlNumber: `PT${n}-1`,
    clientId: `client-${n}`,
    payerId: 'payer-ehp',
    lines: [
      {
        lineId: `line-${n}-1`,
        lineControlNumber: `PT${n}-1-1`,
        code: '97140',
        modifiers: ['GP'],
        serviceDate: '2026-11-20',
        chargeCents: 12000,
        units: 2,
      },
      {
        lineId: `line-${n}-2`,
        lineControlNumber: `PT${n}-1-2`,
        code: '97124',
        modifiers: ['GP'],
        serviceDate: '2026-11-20',
        chargeCents: 6000,
        units: 1,
      },
    ],
    alreadyPostedPaymentCents,
  };
}

const remittance = (segments: string[]) => parseEra835(splitSegments(build835(segments)));

/** Payment + write-downs + client's share: for a balanced, fully matched claim this is the charge. */
const postedTotal = (claim: ClaimPostingPlan | undefined) =>
  (claim?.postings ?? []).reduce((sum, posting) => sum + posting.amountCents, 0);

const line = (n: number, index: 1 | 2, paid: string, ...extra: string[]) => [
  index === 1 ? `SVC*HC:97140:GP*120*${paid}**2` : `SVC*HC:97124:GP*60*${paid}**1`,
  'DTM*472*20261120',
  ...extra,
  `REF*6R*PT${n}-1-${index}`,
];

describe('planRemittancePosting', () => {
  it('a) full payment: one insurance payment per line, claim paid', () => {
    const era = remittance([
      ...header('180'),
      'LX*1',
      'CLP*PT1001-1*1*180*180**12*PAYER0001',
      ...line(1001, 1, '120'),
      ...line(1001, 2, '60'),
    ]);
    const plan = planRemittancePosting(era, [sentClaim(1001)]);
    expect(plan.claims).toHaveLength(1);
    expect(plan.claims[0]).toMatchObject({
      claimId: 'claim-1001',
      resultingStatus: 'paid',
      duplicate: false,
      heldReason: null,
      uncoveredCents: 0,
      notes: [],
    });
    expect(plan.claims[0]?.postings).toEqual([
      {
        kind: 'insurance_payment',
        claimId: 'claim-1001',
        clientId: 'client-1001',
        lineId: 'line-1001-1',
        amountCents: 12000,
        description: 'Insurance payment on 97140 2026-11-20',
      },
      {
        kind: 'insurance_payment',
        claimId: 'claim-1001',
        clientId: 'client-1001',
        lineId: 'line-1001-2',
        amountCents: 6000,
        description: 'Insurance payment on 97124 2026-11-20',
      },
    ]);
    expect(plan.claims[0]?.lines.map((l) => l.matchedBy)).toEqual([
      'line_control_number',
      'line_control_number',
    ]);
    expect(plan).toMatchObject({
      unmatchedClaims: [],
      unmatchedLines: [],
      providerAdjustments: [],
      balancingProblems: [],
    });
    expect(plan.totals).toEqual({
      paymentCents: 18000,
      postedInsurancePaymentCents: 18000,
      unmatchedPaidCents: 0,
      heldPaidCents: 0,
      providerAdjustmentCents: 0,
    });
  });

  it('b) partial payment: PR-1 deductible and PR-2 coinsurance go to the client, CO-45 is written down', () => {
    // 97140: allowed 100.00 → CO-45 20.00, deductible 50.00, coinsurance 10.00, paid 40.00.
    // 97124: allowed 50.00 → CO-45 10.00, coinsurance 10.00, paid 40.00. Claim: 180 − 30 − 70 = 80.
    const era = remittance([
      ...header('80'),
      'LX*1',
      'CLP*PT1001-1*1*180*80*70*12*PAYER0001',
      ...line(1001, 1, '40', 'CAS*CO*45*20', 'CAS*PR*1*50**2*10', 'AMT*B6*100'),
      ...line(1001, 2, '40', 'CAS*CO*45*10', 'CAS*PR*2*10', 'AMT*B6*50'),
    ]);
    const plan = planRemittancePosting(era, [sentClaim(1001)]);
    const claim = plan.claims[0];
    expect(claim).toMatchObject({
      resultingStatus: 'paid',
      paidCents: 8000,
      contractualCents: 3000,
      patientResponsibilityCents: 7000,
      otherAdjustmentCents: 0,
      uncoveredCents: 0,
    });
    expect(
      claim?.postings.map((p) => [p.kind, p.lineId, p.amountCents, 'reason' in p ? p.reason : '']),
    ).toEqual([
      ['insurance_payment', 'line-1001-1', 4000, ''],
      ['contractual_adjustment', 'line-1001-1', 2000, ''],
      ['patient_responsibility', 'line-1001-1', 5000, 'deductible'],
      ['patient_responsibility', 'line-1001-1', 1000, 'coinsurance'],
      ['insurance_payment', 'line-1001-2', 4000, ''],
      ['contractual_adjustment', 'line-1001-2', 1000, ''],
      ['patient_responsibility', 'line-1001-2', 1000, 'coinsurance'],
    ]);
    expect(claim?.postings[1]?.description).toBe(
      'Contractual write-down CO-45 (charge exceeds the fee schedule or contracted rate) on 97140 2026-11-20',
    );
    expect(claim?.postings[2]?.description).toBe('Client owes $50.00: deductible (PR-1) on 97140 2026-11-20');
    expect(claim?.postings.every((p) => p.clientId === 'client-1001')).toBe(true);
    expect(claim?.lines.map((l) => l.allowedCents)).toEqual([10000, 5000]);
    expect(postedTotal(claim)).toBe(18000);
    expect(plan.balancingProblems).toEqual([]);
  });

  it('b2) something left open (OA-23, prior payer) → partially paid, with a note', () => {
    const era = remittance([
      ...header('60'),
      'LX*1',
      'CLP*PT1001-1*2*180*60*20*12*PAYER0001',
      'CAS*OA*23*100',
      'CAS*PR*2*20',
    ]);
    const claim = planRemittancePosting(era, [sentClaim(1001)]).claims[0];
    expect(claim).toMatchObject({
      resultingStatus: 'partially_paid',
      uncoveredCents: 10000,
      otherAdjustmentCents: 10000,
    });
    expect(claim?.postings.map((p) => [p.kind, p.lineId, p.amountCents])).toEqual([
      ['other_adjustment', null, 10000],
      ['patient_responsibility', null, 2000],
      ['insurance_payment', null, 6000],
    ]);
    expect(claim?.notes).toEqual([
      "$100.00 is neither paid, written down by contract, nor the client's: check the OA/PI adjustments ($100.00): appeal, or bill another payer.",
    ]);
  });

  it('c) denied claim (CLP02 4, CO-96): no payment, lines written down, claim denied', () => {
    const era = remittance([
      ...header('0', 'CHK0002', 'NON'),
      'LX*1',
      'CLP*PT1002-1*4*180*0*0*12*PAYER0002',
      ...line(1002, 1, '0', 'CAS*CO*96*120', 'LQ*HE*N130'),
      ...line(1002, 2, '0', 'CAS*CO*96*60', 'LQ*HE*N130'),
    ]);
    expect(era.payment.method).toBe('NON');
    const plan = planRemittancePosting(era, [sentClaim(1002)]);
    const claim = plan.claims[0];
    expect(claim?.resultingStatus).toBe('denied');
    expect(claim?.statusLabel).toBe('denied');
    expect(
      claim?.postings.map((p) => [p.kind, p.amountCents, 'reasonLabel' in p ? p.reasonLabel : '']),
    ).toEqual([
      ['contractual_adjustment', 12000, 'service not covered'],
      ['contractual_adjustment', 6000, 'service not covered'],
    ]);
    expect(claim?.lines.map((l) => l.remarkCodes)).toEqual([['N130'], ['N130']]);
    expect(plan.totals.postedInsurancePaymentCents).toBe(0);
  });

  it('c2) processed but nothing paid and nothing to the client (CO-197 on the claim) → denied', () => {
    const era = remittance([...header('0'), 'LX*1', 'CLP*PT1002-1*1*180*0**12*P', 'CAS*CO*197*180']);
    const claim = planRemittancePosting(era, [sentClaim(1002)]).claims[0];
    expect(claim?.resultingStatus).toBe('denied');
    expect(claim?.postings).toMatchObject([
      { kind: 'contractual_adjustment', lineId: null, amountCents: 18000, reasonCode: '197' },
    ]);
  });

  it('c3) all of it to the deductible is not a denial', () => {
    const era = remittance([...header('0'), 'LX*1', 'CLP*PT1002-1*1*180*0*180*12*P', 'CAS*PR*1*180']);
    expect(planRemittancePosting(era, [sentClaim(1002)]).claims[0]?.resultingStatus).toBe('paid');
  });

  it('d) a recoded line (SVC06 97124, SVC01 97140) is matched and flagged', () => {
    const era = remittance([
      ...header('145'),
      'LX*1',
      'CLP*PT1003-1*1*180*145**12*PAYER0003',
      ...line(1003, 1, '100', 'CAS*CO*45*20'),
      'SVC*HC:97140:GP*60*45**1*HC:97124:GP',
      'DTM*472*20261120',
      'CAS*CO*45*15',
      'REF*6R*PT1003-1-2',
    ]);
    const claim = planRemittancePosting(era, [sentClaim(1003)]).claims[0];
    expect(claim?.lines[1]).toMatchObject({
      lineId: 'line-1003-2',
      matchedBy: 'line_control_number',
      billedCode: '97124',
      paidCode: '97140',
      recoded: 'payer paid 97124 as 97140',
    });
    expect(claim?.lines[0]?.recoded).toBeNull();
    expect(claim?.notes).toContain('Line PT1003-1-2: payer paid 97124 as 97140.');
    expect(
      claim?.postings.find((p) => p.lineId === 'line-1003-2' && p.kind === 'insurance_payment')?.amountCents,
    ).toBe(4500);
  });

  it('d2) without REF*6R, lines match on the billed code (SVC06), date and charge', () => {
    const era = remittance([
      ...header('145'),
      'LX*1',
      'CLP*PT1003-1*1*180*145**12*PAYER0003',
      'DTM*232*20261120',
      'SVC*HC:97140:GP*60*45**1*HC:97124:GP',
      'DTM*472*20261120',
      'CAS*CO*45*15',
      // No DTM*472: the claim's statement date (DTM*232) stands in for it.
      'SVC*HC:97140:GP*120*100**2',
      'CAS*CO*45*20',
    ]);
    const plan = planRemittancePosting(era, [sentClaim(1003)]);
    expect(plan.claims[0]?.lines).toMatchObject([
      { lineId: 'line-1003-2', matchedBy: 'code_date_charge', recoded: 'payer paid 97124 as 97140' },
      { lineId: 'line-1003-1', matchedBy: 'code_date_charge', recoded: null },
    ]);
    expect(plan.unmatchedLines).toEqual([]);
    expect(plan.totals.postedInsurancePaymentCents).toBe(14500);
  });

  it('e) a claim we never sent is listed for manual posting and nothing is posted', () => {
    const era = remittance([
      ...header('80'),
      'LX*1',
      'CLP*ZZ9999-1*1*100*80**12*PAYER0099',
      'NM1*QC*1*ROE*RICHARD****MI*ABC1',
      'SVC*HC:97110:GP*100*80**2',
      'DTM*472*20261115',
      'CAS*CO*45*20',
    ]);
    const plan = planRemittancePosting(era, [sentClaim(1001)]);
    expect(plan.claims).toEqual([]);
    expect(plan.unmatchedClaims).toMatchObject([
      {
        patientControlNumber: 'ZZ9999-1',
        payerClaimNumber: 'PAYER0099',
        patientName: 'RICHARD ROE',
        chargeCents: 10000,
        paidCents: 8000,
        lines: [
          { code: '97110', serviceDate: '2026-11-15', chargeCents: 10000, paidCents: 8000, claimId: null },
        ],
      },
    ]);
    expect(plan.unmatchedClaims[0]?.reason).toContain('Not one of our claims');
    expect(plan.totals).toMatchObject({ postedInsurancePaymentCents: 0, unmatchedPaidCents: 8000 });
  });

  it('matches control numbers a payer returned in upper case', () => {
    const era = remittance([
      ...header('180'),
      'LX*1',
      'CLP*PT1001-1*1*180*180**12*PAYER0001',
      ...line(1001, 1, '120'),
      ...line(1001, 2, '60'),
    ]);
    const ours = sentClaim(1001);
    const lowerCase: SentClaim = {
      ...ours,
      patientControlNumber: 'pt1001-1',
      lines: ours.lines.map((l) => ({ ...l, lineControlNumber: l.lineControlNumber.toLowerCase() })),
    };
    const plan = planRemittancePosting(era, [lowerCase]);
    expect(plan.claims[0]?.lines.map((l) => l.matchedBy)).toEqual([
      'line_control_number',
      'line_control_number',
    ]);
  });

  it('e2) a line that matches none of ours is listed, not posted; the rest of the claim is', () => {
    const era = remittance([
      ...header('200'),
      'LX*1',
      'CLP*PT1001-1*1*200*200**12*P1',
      ...line(1001, 1, '120'),
      ...line(1001, 2, '60'),
      'SVC*HC:97010*20*20**1',
      'DTM*472*20261120',
    ]);
    const plan = planRemittancePosting(era, [sentClaim(1001)]);
    expect(plan.claims[0]?.postings.map((p) => p.amountCents)).toEqual([12000, 6000]);
    expect(plan.unmatchedLines).toMatchObject([{ code: '97010', paidCents: 2000, claimId: 'claim-1001' }]);
    expect(plan.claims[0]?.notes[0]).toBe(
      'Line 97010 (paid $20.00) matches none of our lines: listed for manual posting.',
    );
  });

  it('f) PLB provider adjustments are listed apart and the file balances: Σ CLP04 − Σ PLB = BPR02', () => {
    // 110.00 + 80.00 − (25.00 overpayment recovery − 2.50 interest) = 167.50
    const era = remittance([
      ...header('167.5'),
      'LX*1',
      'CLP*PT1001-1*1*180*110*20*12*PAYER0001',
      ...line(1001, 1, '80', 'CAS*CO*45*20', 'CAS*PR*2*20'),
      ...line(1001, 2, '30', 'CAS*CO*45*30'),
      'CLP*PT1002-1*1*180*80**12*PAYER0002',
      ...line(1002, 1, '50', 'CAS*CO*45*70'),
      ...line(1002, 2, '30', 'CAS*CO*45*30'),
      'PLB*1234567893*20261231*WO:PAYER0009*25*L6*-2.5',
    ]);
    const plan = planRemittancePosting(era, [sentClaim(1001), sentClaim(1002)]);
    expect(plan.balancingProblems).toEqual([]);
    expect(plan.providerAdjustments).toEqual([
      {
        providerId: '1234567893',
        fiscalPeriodDate: '2026-12-31',
        reasonCode: 'WO',
        reference: 'PAYER0009',
        amountCents: 2500,
        reasonLabel: 'overpayment recovery',
        effect: 'reduces payment',
        description: 'WO overpayment recovery (reference PAYER0009): payment reduced by $25.00',
      },
      {
        providerId: '1234567893',
        fiscalPeriodDate: '2026-12-31',
        reasonCode: 'L6',
        reference: null,
        amountCents: -250,
        reasonLabel: 'interest owed to the provider',
        effect: 'increases payment',
        description: 'L6 interest owed to the provider: payment increased by $2.50',
      },
    ]);
    expect(plan.totals).toEqual({
      paymentCents: 16750,
      postedInsurancePaymentCents: 19000,
      unmatchedPaidCents: 0,
      heldPaidCents: 0,
      providerAdjustmentCents: 2250,
    });
    expect(plan.totals.postedInsurancePaymentCents - plan.totals.providerAdjustmentCents).toBe(
      plan.totals.paymentCents,
    );
    expect(plan.claims.map((c) => postedTotal(c))).toEqual([18000, 18000]);
  });

  it('g) a remittance that does not balance: the problems are in the plan', () => {
    const era = remittance([
      ...header('120'),
      'LX*1',
      'CLP*PT1001-1*1*180*110**12*PAYER0001',
      'CAS*CO*45*60',
    ]);
    const plan = planRemittancePosting(era, [sentClaim(1001)]);
    expect(plan.balancingProblems.map((p) => p.message)).toEqual([
      'Claim PT1001-1: charge $180.00 − adjustments $60.00 ≠ paid $110.00 (off by $10.00)',
      'Remittance trace EFT0001: claims paid $110.00 − provider adjustments $0.00 ≠ payment $120.00 (off by $10.00)',
    ]);
    expect(plan.claims[0]?.notes).toContain(
      'This claim does not balance: see the balancing problems before posting.',
    );
  });

  it('h) the same remittance posted twice is flagged as a duplicate and not posted again', () => {
    const era = remittance([
      ...header('180'),
      'LX*1',
      'CLP*PT1001-1*1*180*180**12*PAYER0001',
      ...line(1001, 1, '120'),
      ...line(1001, 2, '60'),
    ]);
    const first = planRemittancePosting(era, [sentClaim(1001)]);
    expect(first.claims[0]?.duplicate).toBe(false);

    const second = planRemittancePosting(era, [sentClaim(1001, first.totals.postedInsurancePaymentCents)]);
    expect(second.claims[0]).toMatchObject({ duplicate: true, resultingStatus: null, postings: [] });
    expect(second.claims[0]?.heldReason).toBe(
      'Already posted $180.00 on this claim from an earlier remittance; this one pays $180.00: it looks like the same remittance again, so nothing is posted.',
    );
    expect(second.totals).toMatchObject({ postedInsurancePaymentCents: 0, heldPaidCents: 18000 });

    // The same remittance twice in one file (a resent interchange) posts once.
    const plans = planRemittanceFilePosting([era, era], [sentClaim(1001)]);
    expect(plans.map((p) => [p.claims[0]?.duplicate, p.totals.postedInsurancePaymentCents])).toEqual([
      [false, 18000],
      [true, 0],
    ]);
  });

  it('a reversal (CLP02 22) and its correction post the difference', () => {
    const era = remittance([
      ...header('10'),
      'LX*1',
      'CLP*PT1001-1*22*-180*-110*-20*12*PAYER0001',
      'CAS*CO*45*-50',
      'CAS*PR*2*-20',
      'CLP*PT1001-1*1*180*120*20*12*PAYER0001',
      'CAS*CO*45*40',
      'CAS*PR*2*20',
    ]);
    const plan = planRemittancePosting(era, [sentClaim(1001, 11000)]);
    expect(plan.claims.map((c) => [c.resultingStatus, c.duplicate, postedTotal(c)])).toEqual([
      ['reversed', false, -18000],
      ['paid', false, 18000],
    ]);
    expect(plan.totals.postedInsurancePaymentCents).toBe(1000);

    const nothingPosted = planRemittancePosting(era, [sentClaim(1001)]);
    expect(nothingPosted.claims[0]).toMatchObject({ resultingStatus: null, postings: [] });
    expect(nothingPosted.claims[0]?.heldReason).toBe(
      'Reversal of $110.00, but only $0.00 is posted on this claim: check the earlier remittance before posting.',
    );
  });

  it('claim-level adjustments next to lines come off the line payments once', () => {
    // CLP04 150 = Σ SVC03 160 − claim-level CO-45 10.
    const era = remittance([
      ...header('150'),
      'LX*1',
      'CLP*PT1004-1*1*180*150**12*P4',
      'CAS*CO*45*10',
      ...line(1004, 1, '120'),
      ...line(1004, 2, '40', 'CAS*CO*45*20'),
    ]);
    const plan = planRemittancePosting(era, [sentClaim(1004)]);
    expect(plan.balancingProblems).toEqual([]);
    expect(plan.totals.postedInsurancePaymentCents).toBe(15000);
    expect(postedTotal(plan.claims[0])).toBe(18000);
    expect(plan.claims[0]?.postings).toContainEqual(
      expect.objectContaining({ kind: 'insurance_payment', lineId: null, amountCents: -1000 }),
    );
  });

  it('posts nothing for a predetermination (CLP02 25)', () => {
    const era = remittance([
      ...header('0'),
      'LX*1',
      'CLP*PT1001-1*25*180*0**12*P',
      'CAS*CO*45*30',
      'CAS*PR*1*150',
    ]);
    const claim = planRemittancePosting(era, [sentClaim(1001)]).claims[0];
    expect(claim).toMatchObject({ resultingStatus: null, postings: [], duplicate: false });
    expect(claim?.heldReason).toContain('Predetermination only');
  });
});
