import type { Database, Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { calendarDateIn } from '../../platform/time-zone.js';
import { recordAudit } from '../audit/index.js';
import { computeUnits, feeLookup, serviceCatalogue } from '../billing/index.js';
import { allocateOldestFirst, openPatientItems } from './domain/allocation.js';
import { LEDGER_KIND_LABELS, type LedgerBucket } from './domain/ledger.js';
import type { LedgerPosting } from './ledger.posting.js';
import { postLedgerEntries } from './ledger.posting.js';
import * as repo from './ledger.repository.js';
import type { TAdjustmentRequest, TLedgerEntry, TPaymentRequest } from './ledger.schemas.js';

export function toLedgerEntry(row: repo.LedgerEntryRow, reversedIds: Set<string>): TLedgerEntry {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: LEDGER_KIND_LABELS[row.kind],
    bucket: row.bucket,
    method: row.method,
    amountCents: row.amountCents,
    serviceDate: row.serviceDate,
    postedOn: row.postedOn,
    claimId: row.claimId,
    caseId: row.caseId,
    payerId: row.payerId,
    sessionNoteId: row.sessionNoteId,
    code: row.code,
    units: row.units,
    reasonCode: row.reasonCode,
    adjustmentGroup: row.adjustmentGroup,
    reference: row.reference,
    memo: row.memo,
    reversesEntryId: row.reversesEntryId,
    reversed: reversedIds.has(row.id),
    createdAt: row.createdAt.toISOString(),
  };
}

export function balancesOf(rows: readonly repo.LedgerEntryRow[]) {
  const sum = (bucket: LedgerBucket) =>
    rows.filter((r) => r.bucket === bucket).reduce((total, r) => total + r.amountCents, 0);
  const insuranceCents = sum('insurance');
  const patientCents = sum('patient');
  return { insuranceCents, patientCents, totalCents: insuranceCents + patientCents };
}

async function requireClient(tx: Db, ctx: RequestContext, clientId: string) {
  const row = await repo.findClient(tx, ctx.clinicId, clientId);
  if (!row) throw notFound('The client');
  return row;
}

/** Service date an unattached payment or adjustment ages from: the oldest open visit, else today. */
function defaultServiceDate(
  rows: readonly repo.LedgerEntryRow[],
  today: string,
  claimId?: string,
  noteId?: string,
) {
  const related = rows.find(
    (r) =>
      r.kind === 'charge' && ((claimId && r.claimId === claimId) || (noteId && r.sessionNoteId === noteId)),
  );
  return related?.serviceDate ?? today;
}

/**
 * A reduction of the client's balance (payment, write-off) that names no visit is split over the oldest
 * open visits; any excess stays as an unapplied credit (domain/allocation.ts).
 */
function applied(
  rows: readonly repo.LedgerEntryRow[],
  base: LedgerPosting,
  amountCents: number,
  today: string,
): LedgerPosting[] {
  if (base.claimId || base.sessionNoteId) return [{ ...base, amountCents: -amountCents }];
  return allocateOldestFirst(openPatientItems(rows), amountCents).map(({ item, amountCents: part }) => ({
    ...base,
    amountCents: -part,
    claimId: item?.claimId ?? null,
    sessionNoteId: item?.sessionNoteId ?? null,
    caseId: item?.caseId ?? null,
    serviceDate: item?.serviceDate ?? today,
  }));
}

export function createLedgerService(deps: { database: Database }) {
  const { database } = deps;

  async function ledgerOf(tx: Db, ctx: RequestContext, clientId: string) {
    const rows = await repo.entriesOfClient(tx, ctx.clinicId, clientId);
    const reversedIds = new Set(rows.flatMap((r) => (r.reversesEntryId ? [r.reversesEntryId] : [])));
    return { entries: rows.map((r) => toLedgerEntry(r, reversedIds)), balances: balancesOf(rows), rows };
  }

  return {
    /** A client's ledger, or the part of it that belongs to one auto / workers' comp case. */
    async clientLedger(ctx: RequestContext, clientId: string, caseId?: string) {
      return database.db.transaction(async (tx) => {
        await requireClient(tx, ctx, clientId);
        if (caseId) {
          const rows = (await repo.entriesOfClient(tx, ctx.clinicId, clientId)).filter(
            (r) => r.caseId === caseId,
          );
          const reversedIds = new Set(rows.flatMap((r) => (r.reversesEntryId ? [r.reversesEntryId] : [])));
          await recordAudit(tx, ctx, {
            action: 'ledger.read',
            entityType: 'client',
            entityId: clientId,
            clientIds: [clientId],
            detail: { caseId },
          });
          return { entries: rows.map((r) => toLedgerEntry(r, reversedIds)), balances: balancesOf(rows) };
        }
        const { entries, balances } = await ledgerOf(tx, ctx, clientId);
        await recordAudit(tx, ctx, {
          action: 'ledger.read',
          entityType: 'client',
          entityId: clientId,
          clientIds: [clientId],
        });
        return { entries, balances };
      });
    },

    async recordPayment(ctx: RequestContext, clientId: string, input: TPaymentRequest) {
      return database.db.transaction(async (tx) => {
        await requireClient(tx, ctx, clientId);
        const rows = await repo.entriesOfClient(tx, ctx.clinicId, clientId);
        const today = calendarDateIn(ctx.timeZone, ctx.now);
        const base: LedgerPosting = {
          clientId,
          kind: 'patient_payment',
          bucket: 'patient',
          method: input.method,
          amountCents: 0,
          serviceDate: defaultServiceDate(rows, today, input.claimId, input.sessionNoteId),
          claimId: input.claimId ?? null,
          sessionNoteId: input.sessionNoteId ?? null,
          reference: input.reference ?? null,
          memo: input.memo ?? null,
        };
        await postLedgerEntries(tx, ctx, applied(rows, base, input.amountCents, today));
        const { entries, balances } = await ledgerOf(tx, ctx, clientId);
        return { entries, balances };
      });
    },

    async recordAdjustment(ctx: RequestContext, clientId: string, input: TAdjustmentRequest) {
      return database.db.transaction(async (tx) => {
        await requireClient(tx, ctx, clientId);
        const rows = await repo.entriesOfClient(tx, ctx.clinicId, clientId);
        const today = calendarDateIn(ctx.timeZone, ctx.now);
        // A refund pays money back, so the balance goes up; adjustments and write-offs take it down.
        const sign = input.kind === 'refund' ? 1 : -1;
        const claimPayer = input.claimId ? rows.find((r) => r.claimId === input.claimId)?.payerId : null;
        const base: LedgerPosting = {
          clientId,
          kind: input.kind,
          bucket: input.bucket,
          method: input.method ?? null,
          amountCents: sign * input.amountCents,
          serviceDate: defaultServiceDate(rows, today, input.claimId, input.sessionNoteId),
          claimId: input.claimId ?? null,
          sessionNoteId: input.sessionNoteId ?? null,
          payerId: input.bucket === 'insurance' ? (claimPayer ?? null) : null,
          reasonCode: input.reasonCode ?? null,
          memo: input.memo,
        };
        // Write-offs and adjustments of the client's balance that name no visit settle the oldest first.
        await postLedgerEntries(
          tx,
          ctx,
          input.kind !== 'refund' && input.bucket === 'patient'
            ? applied(rows, base, input.amountCents, today)
            : [base],
        );
        const { entries, balances } = await ledgerOf(tx, ctx, clientId);
        return { entries, balances };
      });
    },

    /** Nothing is edited or deleted: a reversing entry cancels the original (and says why). */
    async reverse(ctx: RequestContext, entryId: string, reason: string) {
      return database.db.transaction(async (tx) => {
        const entry = await repo.findEntry(tx, ctx.clinicId, entryId);
        if (!entry) throw notFound('The ledger entry');
        if (entry.kind === 'reversal')
          throw new AppError('conflict', 'A reversal is not reversed: post a new entry instead.');
        if (await repo.isReversed(tx, entryId))
          throw new AppError('conflict', 'This entry is already reversed.');
        await postLedgerEntries(tx, ctx, [
          {
            clientId: entry.clientId,
            kind: 'reversal',
            bucket: entry.bucket,
            amountCents: -entry.amountCents,
            serviceDate: entry.serviceDate,
            claimId: entry.claimId,
            claimLineId: entry.claimLineId,
            sessionNoteId: entry.sessionNoteId,
            caseId: entry.caseId,
            payerId: entry.payerId,
            code: entry.code,
            memo: `Reverses ${LEDGER_KIND_LABELS[entry.kind].toLowerCase()} of ${entry.postedOn}: ${reason}`,
            reversesEntryId: entry.id,
          },
        ]);
        const { entries, balances } = await ledgerOf(tx, ctx, entry.clientId);
        return { entries, balances };
      });
    },

    /** A self-pay visit's charges from its signed note: units by the CMS rule, the clinic's standard fees. */
    async chargeSelfPayVisit(ctx: RequestContext, clientId: string, sessionNoteId: string) {
      return database.db.transaction(async (tx) => {
        await requireClient(tx, ctx, clientId);
        const note = await repo.findNoteOfClient(tx, ctx.clinicId, clientId, sessionNoteId);
        if (!note) throw notFound('The session note');
        if (!note.signedAt)
          throw new AppError('conflict', 'Only a signed note can be charged: ask the therapist to sign it.');
        const rows = await repo.entriesOfClient(tx, ctx.clinicId, clientId);
        const reversed = new Set(rows.flatMap((r) => (r.reversesEntryId ? [r.reversesEntryId] : [])));
        if (rows.some((r) => r.kind === 'charge' && r.sessionNoteId === sessionNoteId && !reversed.has(r.id)))
          throw new AppError('conflict', `The visit of ${note.sessionDate} is already charged.`);
        const catalogue = await serviceCatalogue(tx, ctx.clinicId);
        const feeFor = await feeLookup(tx, ctx.clinicId, null);
        const units = computeUnits(
          'cms',
          note.services.map((s) => ({
            code: s.serviceCode,
            minutes: s.minutes,
            timed: catalogue.get(s.serviceCode)?.timed ?? true,
          })),
        );
        const missingFee = units.lines
          .filter((l) => l.units > 0 && feeFor(l.code) === null)
          .map((l) => l.code);
        if (missingFee.length > 0)
          throw new AppError(
            'conflict',
            `Set a standard fee for ${missingFee.join(', ')} first (Billing › Set-up › Fees).`,
          );
        await postLedgerEntries(
          tx,
          ctx,
          units.lines
            .filter((l) => l.units > 0)
            .map((l) => ({
              clientId,
              kind: 'charge' as const,
              bucket: 'patient' as const,
              amountCents: feeFor(l.code)! * l.units,
              serviceDate: note.sessionDate,
              sessionNoteId,
              code: l.code,
              units: l.units,
              memo: units.explanation,
            })),
        );
        const { entries, balances } = await ledgerOf(tx, ctx, clientId);
        return { entries, balances };
      });
    },
  };
}
export type LedgerService = ReturnType<typeof createLedgerService>;
