import { z } from '@hono/zod-openapi';
import { optionalText, ZCalendarDate, ZVersion } from '../../platform/http/zod-fields.js';
import { CLAIM_STATUSES } from './domain/claim-lifecycle.js';

const ZScrubProblem = z
  .object({
    rule: z.string(),
    severity: z.enum(['error', 'warning']),
    field: z.string(),
    message: z.string(),
  })
  .openapi('ScrubProblem');

const ZModifier = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2}$/, 'A modifier is 2 letters or digits, e.g. GP or 59.');

export const ZClaimStatus = z.enum(CLAIM_STATUSES);

export const ZClaimSummary = z
  .object({
    id: z.uuid(),
    controlNumber: z.string(),
    clientId: z.uuid(),
    clientName: z.string(),
    payerId: z.uuid(),
    payerName: z.string(),
    status: ZClaimStatus,
    statusLabel: z.string(),
    frequencyCode: z.enum(['1', '7', '8']),
    totalChargeCents: z.number().int(),
    firstServiceDate: z.string().nullable(),
    lastServiceDate: z.string().nullable(),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
  })
  .openapi('ClaimSummary');
export type TClaimSummary = z.infer<typeof ZClaimSummary>;

export const ZClaimLine = z
  .object({
    id: z.uuid(),
    lineNumber: z.number().int(),
    sessionNoteId: z.uuid(),
    serviceDate: z.string(),
    code: z.string(),
    modifiers: z.array(z.string()),
    diagnosisPointers: z.array(z.number().int()),
    units: z.number().int(),
    minutes: z.number().int().nullable(),
    regions: z.array(z.string()),
    chargeCents: z.number().int(),
    lineControlNumber: z.string(),
  })
  .openapi('ClaimLine');

const ZReferring = z.strictObject({
  givenName: z.string().trim().max(35),
  familyName: z.string().trim().min(1, "Enter the prescriber's last name.").max(60),
  npi: z.string().trim().nullable(),
});

export const ZClaim = z
  .object({
    id: z.uuid(),
    controlNumber: z.string(),
    clientId: z.uuid(),
    clientName: z.string(),
    episodeId: z.uuid(),
    payerId: z.uuid(),
    payerName: z.string(),
    policyId: z.uuid().nullable(),
    caseId: z.uuid().nullable(),
    prescriptionId: z.uuid().nullable(),
    renderingProviderId: z.uuid(),
    referringProvider: ZReferring.nullable(),
    status: ZClaimStatus,
    statusLabel: z.string(),
    frequencyCode: z.enum(['1', '7', '8']),
    originalClaimId: z.uuid().nullable(),
    payerClaimNumber: z.string().nullable(),
    placeOfService: z.string(),
    diagnoses: z.array(z.string()),
    priorAuthNumber: z.string().nullable(),
    onsetDate: z.string().nullable(),
    totalChargeCents: z.number().int(),
    lines: z.array(ZClaimLine),
    /** The scrubber's findings from the last check (null before the first). */
    problems: z.array(ZScrubProblem).nullable(),
    events: z.array(
      z.object({
        fromStatus: ZClaimStatus.nullable(),
        toStatus: ZClaimStatus,
        note: z.string().nullable(),
        at: z.string(),
        byName: z.string(),
      }),
    ),
    allowedTransitions: z.array(ZClaimStatus),
    canCorrect: z.boolean(),
    canVoid: z.boolean(),
    submittedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('Claim');
export type TClaim = z.infer<typeof ZClaim>;

export const ZCreateClaimRequest = z
  .strictObject({
    episodeId: z.uuid(),
    sessionNoteIds: z.array(z.uuid()).min(1, 'Choose at least one signed session note.').max(50),
    /** The health policy to bill, or … */
    policyId: z.uuid().optional(),
    /** … the auto / workers' comp case. */
    caseId: z.uuid().optional(),
    prescriptionId: z.uuid().optional(),
    /** ICD-10-CM codes, primary first; defaults to the prescription's. */
    diagnoses: z.array(z.string().trim().toUpperCase().max(8)).min(1).max(12).optional(),
  })
  .openapi('CreateClaimRequest');
export type TCreateClaimRequest = z.infer<typeof ZCreateClaimRequest>;

export const ZUpdateClaimRequest = z
  .strictObject({
    version: ZVersion,
    diagnoses: z.array(z.string().trim().toUpperCase().max(8)).min(1).max(12).optional(),
    referringProvider: ZReferring.nullable().optional(),
    priorAuthNumber: optionalText(50),
    onsetDate: ZCalendarDate.nullable().optional(),
    placeOfService: z
      .string()
      .regex(/^\d{2}$/, 'A place of service is a 2-digit code.')
      .optional(),
    lines: z
      .array(
        z.strictObject({
          id: z.uuid(),
          modifiers: z.array(ZModifier).max(4, 'At most 4 modifiers per line.').optional(),
          diagnosisPointers: z
            .array(z.number().int().min(1).max(12))
            .min(1)
            .max(4, 'At most 4 pointers per line.')
            .optional(),
          units: z.number().int().min(0).max(99).optional(),
          chargeCents: z.number().int().min(0).max(10_000_000).optional(),
        }),
      )
      .max(50)
      .optional(),
  })
  .openapi('UpdateClaimRequest');
export type TUpdateClaimRequest = z.infer<typeof ZUpdateClaimRequest>;

export const ZTransitionRequest = z
  .strictObject({
    status: ZClaimStatus,
    note: z.string().trim().max(500).optional(),
    /** The payer's claim control number, when the payer reports it (acceptance, portal). */
    payerClaimNumber: z.string().trim().max(50).optional(),
  })
  .openapi('ClaimTransitionRequest');
export type TTransitionRequest = z.infer<typeof ZTransitionRequest>;

export const ZScrubResult = z
  .object({ problems: z.array(ZScrubProblem), ready: z.boolean() })
  .openapi('ScrubResult');

export const ZToBillItem = z
  .object({
    sessionNoteId: z.uuid(),
    episodeId: z.uuid(),
    episodeTitle: z.string(),
    clientId: z.uuid(),
    clientName: z.string(),
    therapistName: z.string(),
    sessionDate: z.string(),
    signed: z.boolean(),
    payerContext: z.string(),
    services: z.array(z.object({ code: z.string(), minutes: z.number().int() })),
    blocker: z.string().nullable(),
  })
  .openapi('ToBillItem');
export type TToBillItem = z.infer<typeof ZToBillItem>;

export const ZCreateBatchRequest = z
  .strictObject({ claimIds: z.array(z.uuid()).min(1).max(5000).optional() })
  .openapi('CreateClaimBatchRequest');

export const ZBatchSummary = z
  .object({
    id: z.uuid(),
    interchangeControlNumber: z.number().int(),
    claimCount: z.number().int(),
    totalChargeCents: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('ClaimBatch');
