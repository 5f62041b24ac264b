import { ADJUSTMENT_GROUP_LABELS, carcLabel, providerAdjustmentLabel } from './adjustment-codes.js';
import { checkBalancing, type BalancingProblem } from './balancing.js';
import type {
  Adjustment,
  ClaimPayment,
  Era835,
  PaymentMethod,
  ProviderAdjustment,
  ServicePayment,
} from './era-835.js';
import { formatUsd, sumCents } from './money.js';

/**
 * Turns a remittance (835) into a plan of postings against the claims we sent, without touching anything:
 * the caller shows the plan, then records it. Nothing that cannot be tied to one of our claims and lines is
 * posted: it is listed for manual posting instead (billing-standards.md §4.3: CLP01 returns our CLM01,
 * REF*6R our line item control number).
 */

export type SentClaimLine = {
  lineId: string;
  /** REF*6R we sent. */
  lineControlNumber: string;
  code: string;
  modifiers: string[];
  /** ISO date. */
  serviceDate: string;
  chargeCents: number;
  units: number;
};

export type SentClaim = {
  claimId: string;
  /** CLM01 we sent; CLP01 brings it back. */
  patientControlNumber: string;
  clientId: string;
  payerId: string;
  lines: SentClaimLine[];
  /** amounts already posted for this claim by earlier remittances, to avoid double posting */
  alreadyPostedPaymentCents: number;
};

/**
 * - paid: CLP04 + patient responsibility (PR) + contractual write-down (CO) cover the charge, no denial;
 * - partially_paid: something is left (OA/PI adjustments to look at, or amounts the remittance leaves open);
 * - denied: CLP02 4, or nothing paid and nothing to the client with every line at $0;
 * - reversed: CLP02 22, the payer takes back an earlier payment.
 */
export type ClaimPostingStatus = 'paid' | 'partially_paid' | 'denied' | 'reversed';

/** PR reason: CARC 1, 2, 3; anything else is "other" (e.g. PR-204 not covered under the plan). */
export type PatientResponsibilityReason = 'deductible' | 'coinsurance' | 'copay' | 'other';

type PostingBase = {
  claimId: string;
  clientId: string;
  /** Our line; null for a claim-level amount (no SVC loop, or a claim-level CAS). */
  lineId: string | null;
  amountCents: number;
  description: string;
};

export type InsurancePaymentPosting = PostingBase & { kind: 'insurance_payment' };
/** CO: written down, never billed to the client. */
export type ContractualAdjustmentPosting = PostingBase & {
  kind: 'contractual_adjustment';
  reasonCode: string;
  reasonLabel: string;
};
/** PR: moves from the claim to the client's balance. */
export type PatientResponsibilityPosting = PostingBase & {
  kind: 'patient_responsibility';
  reason: PatientResponsibilityReason;
  reasonCode: string;
  reasonLabel: string;
};
/** OA / PI (and the old CR group): adjusted off the claim, kept apart from CO because they may be appealed. */
export type OtherAdjustmentPosting = PostingBase & {
  kind: 'other_adjustment';
  group: 'OA' | 'PI' | 'CR';
  reasonCode: string;
  reasonLabel: string;
};

export type Posting =
  | InsurancePaymentPosting
  | ContractualAdjustmentPosting
  | PatientResponsibilityPosting
  | OtherAdjustmentPosting;

export type LineMatch = {
  lineId: string;
  lineControlNumber: string;
  matchedBy: 'line_control_number' | 'code_date_charge';
  /** The code on our line. */
  billedCode: string;
  /** SVC01: the code the payer adjudicated. */
  paidCode: string;
  chargeCents: number;
  paidCents: number;
  allowedCents: number | null;
  unitsPaid: number;
  remarkCodes: string[];
  /** "payer paid 97124 as 97140" when the payer changed the code (SVC06, or SVC01 ≠ our code). */
  recoded: string | null;
};

export type ClaimPostingPlan = {
  claimId: string;
  clientId: string;
  patientControlNumber: string;
  payerClaimNumber: string;
  statusCode: string;
  statusLabel: string;
  /** The claim status this remittance leads to; null when nothing is posted (held). */
  resultingStatus: ClaimPostingStatus | null;
  chargeCents: number;
  paidCents: number;
  contractualCents: number;
  patientResponsibilityCents: number;
  otherAdjustmentCents: number;
  /** charge − paid − PR − CO: what is neither paid, written down by contract, nor the client's. */
  uncoveredCents: number;
  /** Earlier remittances already posted this payment: nothing is posted again. */
  duplicate: boolean;
  /** Why nothing is posted for this claim (duplicate, predetermination, reversal with nothing to reverse). */
  heldReason: string | null;
  lines: LineMatch[];
  /** Empty when held. */
  postings: Posting[];
  notes: string[];
};

export type UnmatchedLine = {
  patientControlNumber: string;
  /** Our claim when the claim matched but this line did not; null inside an unmatched claim. */
  claimId: string | null;
  code: string;
  modifiers: string[];
  serviceDate: string | null;
  lineControlNumber: string | null;
  chargeCents: number;
  paidCents: number;
  adjustments: Adjustment[];
  reason: string;
};

export type UnmatchedClaim = {
  patientControlNumber: string;
  payerClaimNumber: string;
  statusCode: string;
  statusLabel: string;
  patientName: string | null;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  lines: UnmatchedLine[];
  reason: string;
};

export type PlannedProviderAdjustment = ProviderAdjustment & {
  reasonLabel: string;
  effect: 'reduces payment' | 'increases payment';
  description: string;
};

export type PostingPlan = {
  remittance: {
    transactionControlNumber: string;
    traceNumber: string | null;
    payerName: string;
    paymentDate: string | null;
    method: PaymentMethod | null;
    totalPaidCents: number;
  };
  claims: ClaimPostingPlan[];
  /** CLP01 is not one of our claims: listed for manual posting, never posted. */
  unmatchedClaims: UnmatchedClaim[];
  /** Lines of matched claims that match none of our lines: listed for manual posting, never posted. */
  unmatchedLines: UnmatchedLine[];
  /** PLB: provider-level, not tied to a client. */
  providerAdjustments: PlannedProviderAdjustment[];
  balancingProblems: BalancingProblem[];
  totals: {
    /** BPR02. */
    paymentCents: number;
    /** Σ insurance payments in the plan's postings. */
    postedInsurancePaymentCents: number;
    /** CLP04 of unmatched claims + SVC03 of unmatched lines. */
    unmatchedPaidCents: number;
    /** CLP04 of held claims (duplicates, …). */
    heldPaidCents: number;
    /** Σ PLB amounts (positive reduces the payment). */
    providerAdjustmentCents: number;
  };
};

const PR_REASONS: Readonly<Record<string, PatientResponsibilityReason>> = {
  '1': 'deductible',
  '2': 'coinsurance',
  '3': 'copay',
};

/**
 * Control numbers compare without case and surrounding spaces: X12's basic character set is upper case, and
 * some payer systems fold what we sent to it.
 */
const controlKey = (controlNumber: string) => controlNumber.trim().toUpperCase();

const allAdjustments = (claim: ClaimPayment): Adjustment[] => [
  ...claim.adjustments,
  ...claim.services.flatMap((s) => s.adjustments),
];

const groupTotal = (adjustments: Adjustment[], groups: readonly string[]) =>
  sumCents(adjustments.filter((a) => groups.includes(a.group)).map((a) => a.amountCents));

function unmatchedLine(
  claim: ClaimPayment,
  service: ServicePayment,
  claimId: string | null,
  reason: string,
): UnmatchedLine {
  return {
    patientControlNumber: claim.patientControlNumber,
    claimId,
    code: service.procedure.code,
    modifiers: service.procedure.modifiers,
    serviceDate: service.serviceDate ?? claim.statementFrom,
    lineControlNumber: service.lineControlNumber,
    chargeCents: service.chargeCents,
    paidCents: service.paidCents,
    adjustments: service.adjustments,
    reason,
  };
}

/** REF*6R first; then the billed code (SVC06 when the payer recoded, else SVC01), date and charge. */
function matchLine(
  claim: ClaimPayment,
  service: ServicePayment,
  sent: SentClaim,
  used: Set<string>,
): { line: SentClaimLine; by: LineMatch['matchedBy'] } | null {
  const free = sent.lines.filter((line) => !used.has(line.lineId));
  if (service.lineControlNumber) {
    const wanted = controlKey(service.lineControlNumber);
    const line = free.find((l) => controlKey(l.lineControlNumber) === wanted);
    if (line) return { line, by: 'line_control_number' };
  }
  const code = service.originalProcedure?.code ?? service.procedure.code;
  const date = service.serviceDate ?? claim.statementFrom;
  // A reversal (CLP02 22) repeats the line with negative amounts.
  const charge = Math.abs(service.chargeCents);
  const line = free.find((l) => l.code === code && l.serviceDate === date && l.chargeCents === charge);
  return line ? { line, by: 'code_date_charge' } : null;
}

function recodedMessage(service: ServicePayment, line: SentClaimLine): string | null {
  const billed = service.originalProcedure?.code ?? line.code;
  return billed !== service.procedure.code ? `payer paid ${billed} as ${service.procedure.code}` : null;
}

function adjustmentPosting(
  adjustment: Adjustment,
  target: { claimId: string; clientId: string; lineId: string | null },
  where: string,
): Posting | null {
  if (adjustment.amountCents === 0) return null;
  const reasonCode = adjustment.reasonCode;
  const reasonLabel = carcLabel(reasonCode);
  const code = `${adjustment.group}-${reasonCode}`;
  const base = { ...target, amountCents: adjustment.amountCents, reasonCode, reasonLabel };
  switch (adjustment.group) {
    case 'CO':
      return {
        ...base,
        kind: 'contractual_adjustment',
        description: `Contractual write-down ${code} (${reasonLabel}) ${where}`,
      };
    case 'PR':
      return {
        ...base,
        kind: 'patient_responsibility',
        reason: PR_REASONS[reasonCode] ?? 'other',
        description: `Client owes ${formatUsd(adjustment.amountCents)}: ${reasonLabel} (${code}) ${where}`,
      };
    default:
      return {
        ...base,
        kind: 'other_adjustment',
        group: adjustment.group,
        description: `${ADJUSTMENT_GROUP_LABELS[adjustment.group]} ${code} (${reasonLabel}) ${where}`,
      };
  }
}

function resultingStatus(
  claim: ClaimPayment,
  patientCents: number,
  uncoveredCents: number,
): ClaimPostingStatus {
  if (claim.statusCode === '22') return 'reversed';
  if (claim.statusCode === '4') return 'denied';
  const nothingPaid =
    claim.paidCents === 0 && patientCents === 0 && claim.services.every((s) => s.paidCents === 0);
  if (nothingPaid) return 'denied';
  return uncoveredCents > 0 ? 'partially_paid' : 'paid';
}

/** Why the claim is held (nothing posted), or null. `postedSoFar` = payments already posted on it. */
function holdReason(claim: ClaimPayment, postedSoFar: number): { reason: string; duplicate: boolean } | null {
  const paid = claim.paidCents;
  if (claim.statusCode === '25') {
    return {
      reason: 'Predetermination only: the payer priced the claim and paid nothing.',
      duplicate: false,
    };
  }
  if (claim.statusCode === '22') {
    if (postedSoFar >= -paid) return null;
    return {
      reason:
        `Reversal of ${formatUsd(-paid)}, but only ${formatUsd(postedSoFar)} is posted on this claim: ` +
        'check the earlier remittance before posting.',
      duplicate: false,
    };
  }
  if (paid > 0 && postedSoFar >= paid) {
    return {
      reason:
        `Already posted ${formatUsd(postedSoFar)} on this claim from an earlier remittance; this one pays ` +
        `${formatUsd(paid)}: it looks like the same remittance again, so nothing is posted.`,
      duplicate: true,
    };
  }
  return null;
}

type PlanContext = {
  byControlNumber: Map<string, SentClaim>;
  /** Payments posted per claim id: earlier remittances plus what this plan (or file) already posts. */
  postedSoFar: Map<string, number>;
};

function planClaim(
  claim: ClaimPayment,
  sent: SentClaim,
  context: PlanContext,
  problems: BalancingProblem[],
  unmatchedLines: UnmatchedLine[],
): ClaimPostingPlan {
  const adjustments = allAdjustments(claim);
  const contractualCents = groupTotal(adjustments, ['CO']);
  const patientResponsibilityCents = groupTotal(adjustments, ['PR']);
  const otherAdjustmentCents = groupTotal(adjustments, ['OA', 'PI', 'CR']);
  const uncoveredCents = claim.chargeCents - claim.paidCents - patientResponsibilityCents - contractualCents;
  const notes: string[] = [];
  const postedSoFar = context.postedSoFar.get(sent.claimId) ?? sent.alreadyPostedPaymentCents;
  const hold = holdReason(claim, postedSoFar);

  const plan: ClaimPostingPlan = {
    claimId: sent.claimId,
    clientId: sent.clientId,
    patientControlNumber: claim.patientControlNumber,
    payerClaimNumber: claim.payerClaimNumber,
    statusCode: claim.statusCode,
    statusLabel: claim.statusLabel,
    resultingStatus: hold ? null : resultingStatus(claim, patientResponsibilityCents, uncoveredCents),
    chargeCents: claim.chargeCents,
    paidCents: claim.paidCents,
    contractualCents,
    patientResponsibilityCents,
    otherAdjustmentCents,
    uncoveredCents,
    duplicate: hold?.duplicate ?? false,
    heldReason: hold?.reason ?? null,
    lines: [],
    postings: [],
    notes,
  };

  const target = { claimId: sent.claimId, clientId: sent.clientId };
  const used = new Set<string>();
  const postings: Posting[] = [];
  for (const service of claim.services) {
    const match = matchLine(claim, service, sent, used);
    if (!match) {
      unmatchedLines.push(
        unmatchedLine(
          claim,
          service,
          sent.claimId,
          'No line of our claim has this line control number, or this code, date and charge.',
        ),
      );
      notes.push(
        `Line ${service.procedure.code} (paid ${formatUsd(service.paidCents)}) matches none of our lines: ` +
          'listed for manual posting.',
      );
      continue;
    }
    const { line, by } = match;
    used.add(line.lineId);
    const recoded = recodedMessage(service, line);
    if (recoded) notes.push(`Line ${line.lineControlNumber}: ${recoded}.`);
    plan.lines.push({
      lineId: line.lineId,
      lineControlNumber: line.lineControlNumber,
      matchedBy: by,
      billedCode: line.code,
      paidCode: service.procedure.code,
      chargeCents: service.chargeCents,
      paidCents: service.paidCents,
      allowedCents: service.allowedCents,
      unitsPaid: service.unitsPaid,
      remarkCodes: service.remarkCodes,
      recoded,
    });
    const where = `on ${line.code} ${line.serviceDate}`;
    if (service.paidCents !== 0) {
      postings.push({
        ...target,
        kind: 'insurance_payment',
        lineId: line.lineId,
        amountCents: service.paidCents,
        description: `Insurance payment ${where}`,
      });
    }
    for (const adjustment of service.adjustments) {
      const posting = adjustmentPosting(adjustment, { ...target, lineId: line.lineId }, where);
      if (posting) postings.push(posting);
    }
  }

  for (const adjustment of claim.adjustments) {
    const posting = adjustmentPosting(adjustment, { ...target, lineId: null }, 'on the claim');
    if (posting) postings.push(posting);
  }
  const claimLevelCas = sumCents(claim.adjustments.map((a) => a.amountCents));
  if (claim.services.length === 0) {
    if (claim.paidCents !== 0) {
      postings.push({
        ...target,
        kind: 'insurance_payment',
        lineId: null,
        amountCents: claim.paidCents,
        description: 'Insurance payment on the claim',
      });
    }
  } else {
    // With SVC loops, CLP04 = Σ SVC03 − claim-level CAS (835 guide claim balancing): the claim-level
    // adjustments come off the line payments, so post that difference once at claim level.
    const difference = claim.paidCents - sumCents(claim.services.map((s) => s.paidCents));
    if (difference !== 0 && difference === -claimLevelCas) {
      postings.push({
        ...target,
        kind: 'insurance_payment',
        lineId: null,
        amountCents: difference,
        description: 'Claim-level adjustments taken off the line payments',
      });
    } else if (difference !== 0) {
      notes.push(
        `The line payments add up to ${formatUsd(claim.paidCents - difference)} but the claim pays ` +
          `${formatUsd(claim.paidCents)}: only the line payments are posted.`,
      );
    }
  }

  const reportedPatient = claim.patientResponsibilityCents;
  if (reportedPatient !== patientResponsibilityCents) {
    notes.push(
      `CLP05 says the client owes ${formatUsd(reportedPatient)}, but the PR adjustments add up to ` +
        `${formatUsd(patientResponsibilityCents)}; the PR adjustments are what is posted.`,
    );
  }
  if (uncoveredCents > 0 && claim.statusCode !== '22') {
    notes.push(
      `${formatUsd(uncoveredCents)} is neither paid, written down by contract, nor the client's: ` +
        (otherAdjustmentCents !== 0
          ? `check the OA/PI adjustments (${formatUsd(otherAdjustmentCents)}): appeal, or bill another payer.`
          : 'the remittance leaves it open.'),
    );
  }
  if (['19', '20', '21'].includes(claim.statusCode)) {
    notes.push('The payer forwarded the claim to another payer: expect a remittance from that payer too.');
  }
  if (claim.statusCode === '23') notes.push('The payer says it is not responsible for this claim.');
  if (problems.some((p) => p.patientControlNumber === claim.patientControlNumber && p.level !== 'file')) {
    notes.push('This claim does not balance: see the balancing problems before posting.');
  }
  if (!hold && postedSoFar > 0 && claim.statusCode !== '22') {
    notes.push(`Earlier remittances already posted ${formatUsd(postedSoFar)} on this claim.`);
  }

  if (!hold) {
    plan.postings = postings;
    const posted = sumCents(postings.filter((p) => p.kind === 'insurance_payment').map((p) => p.amountCents));
    context.postedSoFar.set(sent.claimId, postedSoFar + posted);
  }
  return plan;
}

function planOne(era: Era835, context: PlanContext): PostingPlan {
  const balancingProblems = checkBalancing(era);
  const claims: ClaimPostingPlan[] = [];
  const unmatchedClaims: UnmatchedClaim[] = [];
  const unmatchedLines: UnmatchedLine[] = [];

  for (const claim of era.claims) {
    const sent = context.byControlNumber.get(controlKey(claim.patientControlNumber));
    if (!sent) {
      const reason = 'Not one of our claims: no claim was sent with this patient control number (CLP01).';
      const patient = claim.patient;
      unmatchedClaims.push({
        patientControlNumber: claim.patientControlNumber,
        payerClaimNumber: claim.payerClaimNumber,
        statusCode: claim.statusCode,
        statusLabel: claim.statusLabel,
        patientName: patient ? [patient.givenName, patient.familyName].filter(Boolean).join(' ') : null,
        chargeCents: claim.chargeCents,
        paidCents: claim.paidCents,
        patientResponsibilityCents: claim.patientResponsibilityCents,
        lines: claim.services.map((service) => unmatchedLine(claim, service, null, reason)),
        reason,
      });
      continue;
    }
    claims.push(planClaim(claim, sent, context, balancingProblems, unmatchedLines));
  }

  const providerAdjustments = era.providerAdjustments.map((adjustment): PlannedProviderAdjustment => {
    const reasonLabel = providerAdjustmentLabel(adjustment.reasonCode);
    const reducing = adjustment.amountCents >= 0;
    const reference = adjustment.reference ? ` (reference ${adjustment.reference})` : '';
    return {
      ...adjustment,
      reasonLabel,
      effect: reducing ? 'reduces payment' : 'increases payment',
      description:
        `${adjustment.reasonCode} ${reasonLabel}${reference}: payment ` +
        `${reducing ? 'reduced' : 'increased'} by ${formatUsd(Math.abs(adjustment.amountCents))}`,
    };
  });

  const postings = claims.flatMap((c) => c.postings);
  return {
    remittance: {
      transactionControlNumber: era.transactionControlNumber,
      traceNumber: era.traceNumber,
      payerName: era.payer.name,
      paymentDate: era.payment.paymentDate,
      method: era.payment.method,
      totalPaidCents: era.payment.totalPaidCents,
    },
    claims,
    unmatchedClaims,
    unmatchedLines,
    providerAdjustments,
    balancingProblems,
    totals: {
      paymentCents: era.payment.totalPaidCents,
      postedInsurancePaymentCents: sumCents(
        postings.filter((p) => p.kind === 'insurance_payment').map((p) => p.amountCents),
      ),
      unmatchedPaidCents:
        sumCents(unmatchedClaims.map((c) => c.paidCents)) + sumCents(unmatchedLines.map((l) => l.paidCents)),
      heldPaidCents: sumCents(claims.filter((c) => c.heldReason !== null).map((c) => c.paidCents)),
      providerAdjustmentCents: sumCents(era.providerAdjustments.map((p) => p.amountCents)),
    },
  };
}

function contextFor(sentClaims: SentClaim[]): PlanContext {
  const byControlNumber = new Map<string, SentClaim>();
  for (const claim of sentClaims) {
    const key = controlKey(claim.patientControlNumber);
    if (!byControlNumber.has(key)) byControlNumber.set(key, claim);
  }
  return { byControlNumber, postedSoFar: new Map() };
}

/** Plans the posting of one remittance. Pure: the caller records the postings it accepts. */
export function planRemittancePosting(era: Era835, sentClaims: SentClaim[]): PostingPlan {
  return planOne(era, contextFor(sentClaims));
}

/**
 * Plans every remittance of a file in order, carrying what each one posts into the duplicate check of the
 * next, so a file that repeats a remittance (some clearinghouses resend whole interchanges) posts it once.
 */
export function planRemittanceFilePosting(eras: Era835[], sentClaims: SentClaim[]): PostingPlan[] {
  const context = contextFor(sentClaims);
  return eras.map((era) => planOne(era, context));
}
