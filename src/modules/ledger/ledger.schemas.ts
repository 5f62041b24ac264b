import { z } from '@hono/zod-openapi';
import { ZCalendarDate } from '../../platform/http/zod-fields.js';
import { LEDGER_BUCKETS, LEDGER_ENTRY_KINDS, PAYMENT_METHODS } from './domain/ledger.js';

export const ZLedgerEntry = z
  .object({
    id: z.uuid(),
    kind: z.enum(LEDGER_ENTRY_KINDS),
    kindLabel: z.string(),
    bucket: z.enum(LEDGER_BUCKETS),
    method: z.enum(PAYMENT_METHODS).nullable(),
    amountCents: z.number().int(),
    serviceDate: z.string(),
    postedOn: z.string(),
    claimId: z.uuid().nullable(),
    caseId: z.uuid().nullable(),
    payerId: z.uuid().nullable(),
    sessionNoteId: z.uuid().nullable(),
    code: z.string().nullable(),
    units: z.number().int().nullable(),
    reasonCode: z.string().nullable(),
    adjustmentGroup: z.string().nullable(),
    reference: z.string().nullable(),
    memo: z.string().nullable(),
    reversesEntryId: z.uuid().nullable(),
    reversed: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('LedgerEntry');
export type TLedgerEntry = z.infer<typeof ZLedgerEntry>;

export const ZClientLedger = z
  .object({
    entries: z.array(ZLedgerEntry),
    balances: z.object({
      insuranceCents: z.number().int(),
      patientCents: z.number().int(),
      totalCents: z.number().int(),
    }),
  })
  .openapi('ClientLedger');

export const ZPaymentRequest = z
  .strictObject({
    amountCents: z.number().int().min(1, 'Enter the amount received.').max(10_000_000),
    method: z.enum(['cash', 'card', 'cheque', 'eft', 'other']),
    /** The visit or claim it pays, when known. */
    claimId: z.uuid().optional(),
    sessionNoteId: z.uuid().optional(),
    reference: z.string().trim().max(60).optional(),
    memo: z.string().trim().max(300).optional(),
  })
  .openapi('PaymentRequest');
export type TPaymentRequest = z.infer<typeof ZPaymentRequest>;

export const ZAdjustmentRequest = z
  .strictObject({
    kind: z.enum(['adjustment', 'write_off', 'refund']),
    bucket: z.enum(LEDGER_BUCKETS),
    /** Positive: for adjustments and write-offs the amount taken off; for refunds the amount paid back. */
    amountCents: z.number().int().min(1).max(10_000_000),
    claimId: z.uuid().optional(),
    sessionNoteId: z.uuid().optional(),
    method: z.enum(PAYMENT_METHODS).optional(),
    reasonCode: z.string().trim().max(10).optional(),
    memo: z.string().trim().min(3, 'Say why (it shows on the write-off report).').max(300),
  })
  .openapi('AdjustmentRequest');
export type TAdjustmentRequest = z.infer<typeof ZAdjustmentRequest>;

export const ZReverseRequest = z
  .strictObject({ reason: z.string().trim().min(3, 'Say why the entry is reversed.').max(300) })
  .openapi('ReverseRequest');

export const ZSelfPayChargeRequest = z
  .strictObject({ sessionNoteId: z.uuid() })
  .openapi('SelfPayChargeRequest');

export const ZPeriodQuery = z.strictObject({
  from: ZCalendarDate.optional(),
  to: ZCalendarDate.optional(),
});
