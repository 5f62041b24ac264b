import type { Adjustment, ClaimPayment, Era835 } from './era-835.js';
import { formatUsd, sumCents } from './money.js';

/**
 * The three balancing rules of an 835 (billing-standards.md §4.3; X12 RFI 2348 and 2601):
 * - line:  SVC02 − Σ line CAS = SVC03
 * - claim: CLP03 − Σ (claim CAS + line CAS) = CLP04 (an adjustment sits at line or claim level, never both:
 *   RFI 358, so adding both levels does not double count)
 * - file:  Σ CLP04 − Σ PLB = BPR02
 * AMT segments (allowed amount, …) are informational and take no part.
 */

export type BalancingLevel = 'line' | 'claim' | 'file';

export type BalancingProblem = {
  level: BalancingLevel;
  /** CLP01 of the claim (null for the file rule). */
  patientControlNumber: string | null;
  /** 1-based position of the SVC within its claim (line rule only). */
  lineNumber: number | null;
  /** REF*6R of the line, when the payer sent it back. */
  lineControlNumber: string | null;
  /** What the formula gives: charge − adjustments, or Σ paid − Σ PLB. */
  expectedCents: number;
  /** What the payer reported: SVC03, CLP04 or BPR02. */
  reportedCents: number;
  /** expectedCents − reportedCents. */
  differenceCents: number;
  message: string;
};

const adjustmentTotal = (adjustments: Adjustment[]) => sumCents(adjustments.map((a) => a.amountCents));

/** Σ of every CAS on the claim, claim level and line level. */
export function claimAdjustmentTotal(claim: ClaimPayment): number {
  return (
    adjustmentTotal(claim.adjustments) + sumCents(claim.services.map((s) => adjustmentTotal(s.adjustments)))
  );
}

function offBy(difference: number): string {
  return `off by ${formatUsd(Math.abs(difference))}`;
}

export function checkBalancing(era: Era835): BalancingProblem[] {
  const problems: BalancingProblem[] = [];

  for (const claim of era.claims) {
    const pcn = claim.patientControlNumber;
    claim.services.forEach((service, index) => {
      const adjustments = adjustmentTotal(service.adjustments);
      const expected = service.chargeCents - adjustments;
      if (expected === service.paidCents) return;
      const difference = expected - service.paidCents;
      const control = service.lineControlNumber ? `, line control ${service.lineControlNumber}` : '';
      problems.push({
        level: 'line',
        patientControlNumber: pcn,
        lineNumber: index + 1,
        lineControlNumber: service.lineControlNumber,
        expectedCents: expected,
        reportedCents: service.paidCents,
        differenceCents: difference,
        message:
          `Claim ${pcn} line ${index + 1} (${service.procedure.code}${control}): charge ` +
          `${formatUsd(service.chargeCents)} − adjustments ${formatUsd(adjustments)} ≠ paid ` +
          `${formatUsd(service.paidCents)} (${offBy(difference)})`,
      });
    });

    const adjustments = claimAdjustmentTotal(claim);
    const expected = claim.chargeCents - adjustments;
    if (expected !== claim.paidCents) {
      const difference = expected - claim.paidCents;
      problems.push({
        level: 'claim',
        patientControlNumber: pcn,
        lineNumber: null,
        lineControlNumber: null,
        expectedCents: expected,
        reportedCents: claim.paidCents,
        differenceCents: difference,
        message:
          `Claim ${pcn}: charge ${formatUsd(claim.chargeCents)} − adjustments ${formatUsd(adjustments)} ≠ ` +
          `paid ${formatUsd(claim.paidCents)} (${offBy(difference)})`,
      });
    }
  }

  const claimsPaid = sumCents(era.claims.map((c) => c.paidCents));
  const providerAdjustments = sumCents(era.providerAdjustments.map((p) => p.amountCents));
  // BPR03 D: the payer debits the provider's account, so the total counts against us.
  const payment = era.payment.creditDebit === 'D' ? -era.payment.totalPaidCents : era.payment.totalPaidCents;
  const expected = claimsPaid - providerAdjustments;
  if (expected !== payment) {
    const difference = expected - payment;
    const name = era.traceNumber ? `trace ${era.traceNumber}` : `transaction ${era.transactionControlNumber}`;
    problems.push({
      level: 'file',
      patientControlNumber: null,
      lineNumber: null,
      lineControlNumber: null,
      expectedCents: expected,
      reportedCents: payment,
      differenceCents: difference,
      message:
        `Remittance ${name}: claims paid ${formatUsd(claimsPaid)} − provider adjustments ` +
        `${formatUsd(providerAdjustments)} ≠ payment ${formatUsd(payment)} (${offBy(difference)})`,
    });
  }
  return problems;
}
