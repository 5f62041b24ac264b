import type { Db } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { calendarDateIn } from '../../platform/time-zone.js';
import { recordAudit } from '../audit/index.js';
import type { LedgerBucket, LedgerEntryKind, PaymentMethod } from './domain/ledger.js';
import * as repo from './ledger.repository.js';

export type LedgerPosting = {
  clientId: string;
  kind: LedgerEntryKind;
  bucket: LedgerBucket;
  amountCents: number;
  serviceDate: string;
  caseId?: string | null;
  claimId?: string | null;
  claimLineId?: string | null;
  sessionNoteId?: string | null;
  payerId?: string | null;
  remittanceId?: string | null;
  method?: PaymentMethod | null;
  reasonCode?: string | null;
  adjustmentGroup?: string | null;
  code?: string | null;
  units?: number | null;
  reference?: string | null;
  memo?: string | null;
  reversesEntryId?: string | null;
  /** Defaults to the clinic's today. */
  postedOn?: string;
};

/**
 * The one way money enters the ledger, inside the caller's transaction: rows are only ever inserted
 * (drizzle/0007 refuses UPDATE and DELETE), each write is audited against the client it concerns.
 */
export async function postLedgerEntries(
  tx: Db,
  ctx: RequestContext,
  postings: readonly LedgerPosting[],
): Promise<repo.LedgerEntryRow[]> {
  const postedOn = calendarDateIn(ctx.timeZone, ctx.now);
  const rows = await repo.insertEntries(
    tx,
    postings
      .filter((p) => p.amountCents !== 0)
      .map((p) => ({
        clinicId: ctx.clinicId,
        clientId: p.clientId,
        caseId: p.caseId ?? null,
        claimId: p.claimId ?? null,
        claimLineId: p.claimLineId ?? null,
        sessionNoteId: p.sessionNoteId ?? null,
        payerId: p.payerId ?? null,
        remittanceId: p.remittanceId ?? null,
        kind: p.kind,
        bucket: p.bucket,
        method: p.method ?? null,
        amountCents: p.amountCents,
        serviceDate: p.serviceDate,
        postedOn: p.postedOn ?? postedOn,
        reasonCode: p.reasonCode ?? null,
        adjustmentGroup: p.adjustmentGroup ?? null,
        code: p.code ?? null,
        units: p.units ?? null,
        reference: p.reference ?? null,
        memo: p.memo ?? null,
        reversesEntryId: p.reversesEntryId ?? null,
        createdAt: ctx.now,
        createdBy: ctx.userId,
      })),
  );
  const clientIds = [...new Set(rows.map((r) => r.clientId))];
  if (rows.length > 0)
    await recordAudit(tx, ctx, {
      action: 'ledger.entry_posted',
      entityType: 'ledger',
      clientIds,
      detail: { entries: rows.length, kinds: [...new Set(rows.map((r) => r.kind))] },
    });
  return rows;
}
