import { createHash } from 'node:crypto';
import type { Database, Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { recordAudit } from '../audit/index.js';
import {
  canTransition,
  claimsByControlNumbers,
  insertEvents,
  linesOfClaims,
  updateClaim,
  type ClaimRow,
  type ClaimStatus,
} from '../claims/index.js';
import { postLedgerEntries, type LedgerPosting } from '../ledger/index.js';
import {
  planRemittanceFilePosting,
  type ClaimPostingPlan,
  type PostingPlan,
  type SentClaim,
} from './domain/remittance-posting.js';
import * as repo from './remittance.repository.js';
import { readEra835, X12FormatError } from './x12-segments.js';
import { formatUsd } from './domain/money.js';

export type RemittanceSummary = {
  id: string;
  payerName: string | null;
  traceNumber: string | null;
  paymentDate: string | null;
  totalPaidCents: number;
  postedAt: string;
  plans: PostingPlan[];
  claimsPosted: number;
  claimsHeld: number;
  unmatchedItems: number;
  balanced: boolean;
};

/** Ledger entries for one claim's plan. Posting amounts are money the payer sends (+) or takes back (−). */
function ledgerPostingsFor(
  plan: ClaimPostingPlan,
  claim: ClaimRow,
  remittanceId: string,
  trace: string | null,
  serviceDates: Map<string, string>,
): LedgerPosting[] {
  const base = (lineId: string | null) => ({
    clientId: claim.clientId,
    claimId: claim.id,
    claimLineId: lineId,
    caseId: claim.caseId,
    payerId: claim.payerId,
    remittanceId,
    serviceDate:
      (lineId && serviceDates.get(lineId)) ??
      serviceDates.get(claim.id) ??
      claim.createdAt.toISOString().slice(0, 10),
    reference: trace,
  });
  const entries: LedgerPosting[] = [];
  for (const posting of plan.postings) {
    const b = base(posting.lineId);
    switch (posting.kind) {
      case 'insurance_payment':
        entries.push({
          ...b,
          kind: 'insurance_payment',
          bucket: 'insurance',
          method: 'insurance',
          amountCents: -posting.amountCents,
          memo: posting.description,
        });
        break;
      case 'contractual_adjustment':
        entries.push({
          ...b,
          kind: 'contractual_adjustment',
          bucket: 'insurance',
          amountCents: -posting.amountCents,
          adjustmentGroup: 'CO',
          reasonCode: posting.reasonCode,
          memo: posting.reasonLabel,
        });
        break;
      case 'patient_responsibility':
        // PR moves the amount from the payer's side of the ledger to the client's (issue 5, item 7).
        entries.push({
          ...b,
          kind: 'transfer_to_patient',
          bucket: 'insurance',
          amountCents: -posting.amountCents,
          adjustmentGroup: 'PR',
          reasonCode: posting.reasonCode,
          memo: posting.reasonLabel,
        });
        entries.push({
          ...b,
          kind: 'transfer_to_patient',
          bucket: 'patient',
          amountCents: posting.amountCents,
          adjustmentGroup: 'PR',
          reasonCode: posting.reasonCode,
          memo: posting.reasonLabel,
        });
        break;
      case 'other_adjustment':
        entries.push({
          ...b,
          kind: 'adjustment',
          bucket: 'insurance',
          amountCents: -posting.amountCents,
          adjustmentGroup: posting.group,
          reasonCode: posting.reasonCode,
          memo: posting.reasonLabel,
        });
        break;
    }
  }
  return entries;
}

export function createRemittanceService(deps: { database: Database }) {
  const { database } = deps;

  async function sentClaimsFor(tx: Db, ctx: RequestContext, controlNumbers: string[]) {
    const claims = await claimsByControlNumbers(tx, ctx.clinicId, controlNumbers);
    const lines = await linesOfClaims(
      tx,
      ctx.clinicId,
      claims.map((c) => c.id),
    );
    const posted = await repo.postedPayments(
      tx,
      ctx.clinicId,
      claims.map((c) => c.id),
    );
    const sent: SentClaim[] = claims.map((claim) => ({
      claimId: claim.id,
      patientControlNumber: claim.controlNumber,
      clientId: claim.clientId,
      payerId: claim.payerId,
      alreadyPostedPaymentCents: posted.get(claim.id) ?? 0,
      lines: lines
        .filter((l) => l.claimId === claim.id)
        .map((l) => ({
          lineId: l.id,
          lineControlNumber: l.lineControlNumber,
          code: l.code,
          modifiers: l.modifiers,
          serviceDate: l.serviceDate,
          chargeCents: l.chargeCents,
          units: l.units,
        })),
    }));
    return { claims, lines, sent };
  }

  return {
    /**
     * Reads an 835, matches claims (CLP01) and lines (REF*6R, else code + date + charge), posts payments,
     * adjustments and patient responsibility to the ledger, moves claim statuses, and keeps the file and
     * what was done. Unmatched items are listed for manual posting and never posted.
     */
    async post(ctx: RequestContext, file: string): Promise<RemittanceSummary> {
      const sha256 = createHash('sha256').update(file).digest('hex');
      let eras;
      try {
        eras = await readEra835(file);
      } catch (error) {
        if (error instanceof X12FormatError)
          throw new AppError('validation', error.message, {
            errors: [{ path: 'file', message: error.message }],
          });
        throw error;
      }
      return database.db.transaction(async (tx) => {
        const earlier = await repo.findByHash(tx, ctx.clinicId, sha256);
        if (earlier)
          throw new AppError(
            'conflict',
            `This remittance file was already posted on ${earlier.postedAt.toISOString().slice(0, 10)}.`,
            {
              extensions: { remittanceId: earlier.id },
            },
          );
        const first = eras[0]!;
        const trace = first.traceNumber;
        if (trace) {
          const sameTrace = await repo.findByTrace(tx, ctx.clinicId, trace, first.payer.name);
          if (sameTrace)
            throw new AppError(
              'conflict',
              `A remittance from ${first.payer.name} with trace number ${trace} was already posted.`,
              {
                extensions: { remittanceId: sameTrace.id },
              },
            );
        }
        const controlNumbers = eras.flatMap((era) => era.claims.map((c) => c.patientControlNumber));
        const { claims, lines, sent } = await sentClaimsFor(tx, ctx, controlNumbers);
        const plans = planRemittanceFilePosting(eras, sent);
        const totalPaidCents = eras.reduce((sum, era) => sum + era.payment.totalPaidCents, 0);
        const remittance = await repo.insertRemittance(tx, {
          clinicId: ctx.clinicId,
          fileSha256: sha256,
          file,
          payerName: first.payer.name,
          traceNumber: trace,
          paymentDate: first.payment.paymentDate ?? first.productionDate,
          totalPaidCents,
          summary: { plans },
          postedAt: ctx.now,
          postedBy: ctx.userId,
        });

        const serviceDates = new Map<string, string>();
        for (const line of lines) {
          serviceDates.set(line.id, line.serviceDate);
          if (!serviceDates.has(line.claimId) || serviceDates.get(line.claimId)! > line.serviceDate)
            serviceDates.set(line.claimId, line.serviceDate);
        }
        let claimsPosted = 0;
        let claimsHeld = 0;
        const postings: LedgerPosting[] = [];
        const events: Parameters<typeof insertEvents>[1] = [];
        for (const plan of plans) {
          for (const claimPlan of plan.claims) {
            const claim = claims.find((c) => c.id === claimPlan.claimId)!;
            if (claimPlan.heldReason || claimPlan.duplicate) {
              claimsHeld += 1;
              continue;
            }
            postings.push(...ledgerPostingsFor(claimPlan, claim, remittance.id, trace, serviceDates));
            claimsPosted += 1;
            const to: ClaimStatus | null =
              claimPlan.resultingStatus === 'reversed' ? null : claimPlan.resultingStatus;
            const moves = to !== null && to !== claim.status && canTransition(claim.status, to);
            await updateClaim(tx, ctx.clinicId, claim.id, {
              payerClaimNumber: claimPlan.payerClaimNumber || claim.payerClaimNumber,
              ...(moves ? { status: to } : {}),
              updatedAt: ctx.now,
              updatedBy: ctx.userId,
            });
            events.push({
              clinicId: ctx.clinicId,
              claimId: claim.id,
              fromStatus: claim.status,
              toStatus: moves ? to : claim.status,
              note: `835 ${trace ?? plan.remittance.transactionControlNumber}: ${claimPlan.statusLabel}; paid ${formatUsd(claimPlan.paidCents)}, patient owes ${formatUsd(claimPlan.patientResponsibilityCents)}.`,
              at: ctx.now,
              byUserId: ctx.userId,
              byName: ctx.userName,
            });
            if (moves) claim.status = to;
          }
        }
        await postLedgerEntries(tx, ctx, postings);
        await insertEvents(tx, events);
        await recordAudit(tx, ctx, {
          action: 'remittance.posted',
          entityType: 'remittance',
          entityId: remittance.id,
          clientIds: [...new Set(claims.map((c) => c.clientId))],
          detail: { claimsPosted, claimsHeld, trace },
        });
        return summaryOf(remittance, plans, claimsPosted, claimsHeld);
      });
    },

    async list(ctx: RequestContext) {
      const rows = await repo.listRemittances(database.db, ctx.clinicId);
      return rows.map((row) => {
        const plans = (row.summary as { plans?: PostingPlan[] }).plans ?? [];
        return {
          id: row.id,
          payerName: row.payerName,
          traceNumber: row.traceNumber,
          paymentDate: row.paymentDate,
          totalPaidCents: row.totalPaidCents,
          postedAt: row.postedAt.toISOString(),
          claims: plans.reduce((n, p) => n + p.claims.length, 0),
          unmatchedItems: plans.reduce((n, p) => n + p.unmatchedClaims.length + p.unmatchedLines.length, 0),
          balanced: plans.every((p) => p.balancingProblems.length === 0),
        };
      });
    },

    async get(ctx: RequestContext, id: string): Promise<RemittanceSummary> {
      return database.db.transaction(async (tx) => {
        const row = await repo.findRemittance(tx, ctx.clinicId, id);
        if (!row) throw notFound('The remittance');
        const plans = (row.summary as { plans?: PostingPlan[] }).plans ?? [];
        await recordAudit(tx, ctx, {
          action: 'remittance.read',
          entityType: 'remittance',
          entityId: id,
          clientIds: [...new Set(plans.flatMap((p) => p.claims.map((c) => c.clientId)))],
        });
        const held = plans.reduce(
          (n, p) => n + p.claims.filter((c) => c.heldReason || c.duplicate).length,
          0,
        );
        const total = plans.reduce((n, p) => n + p.claims.length, 0);
        return summaryOf(row, plans, total - held, held);
      });
    },
  };
}

function summaryOf(
  row: repo.RemittanceRow,
  plans: PostingPlan[],
  claimsPosted: number,
  claimsHeld: number,
): RemittanceSummary {
  return {
    id: row.id,
    payerName: row.payerName,
    traceNumber: row.traceNumber,
    paymentDate: row.paymentDate,
    totalPaidCents: row.totalPaidCents,
    postedAt: row.postedAt.toISOString(),
    plans,
    claimsPosted,
    claimsHeld,
    unmatchedItems: plans.reduce((n, p) => n + p.unmatchedClaims.length + p.unmatchedLines.length, 0),
    balanced: plans.every((p) => p.balancingProblems.length === 0),
  };
}
export type RemittanceService = ReturnType<typeof createRemittanceService>;
