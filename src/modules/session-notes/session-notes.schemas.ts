import { z } from '@hono/zod-openapi';
import { ZCalendarDate, ZVersion } from '../../platform/http/zod-fields.js';
import { ZBodyChartMark, ZOutcomeMeasureEntry, ZOutcomeMeasureResult } from '../assessments/index.js';
import { ZScreeningAlert } from '../screening/index.js';
import { SERVICE_CODE_VALUES, TECHNIQUE_IDS } from './domain/session-note.js';

const narrative = (max: number) => z.string().max(max, `Use at most ${max} characters.`);

export const ZPerformedService = z
  .strictObject({
    technique: z.enum(TECHNIQUE_IDS),
    regions: z.array(z.string().max(60)).max(40),
    minutes: z.number().int().min(0).max(240),
    serviceCode: z.enum(SERVICE_CODE_VALUES),
  })
  .openapi('PerformedService');

const draftFields = {
  sessionDate: ZCalendarDate,
  subjective: narrative(20000),
  objective: narrative(20000),
  assessment: narrative(20000),
  plan: narrative(20000),
  painBefore: z.number().int().min(0).max(10).nullable(),
  painAfter: z.number().int().min(0).max(10).nullable(),
  pressureLevel: z.number().int().min(0).max(5).nullable(),
  clientResponse: narrative(5000),
  homeCare: narrative(5000),
  services: z.array(ZPerformedService).max(20),
  marks: z.array(ZBodyChartMark).max(300),
  outcomeMeasures: z.array(ZOutcomeMeasureEntry).max(10),
  acknowledgements: z
    .array(z.strictObject({ ruleId: z.string().max(80), reason: z.string().trim().max(1000) }))
    .max(30),
};

export const ZCreateNoteRequest = z
  .strictObject({
    sessionDate: ZCalendarDate,
    /** Pre-fills the note from a condition template (GET /note-reference). */
    templateId: z.string().max(60).optional(),
    /** Or from a library condition's protocol (GET /library/conditions/{id}): techniques, regions, minutes, codes. */
    conditionId: z.string().max(80).optional(),
  })
  .openapi('CreateNoteRequest');
export type TCreateNoteRequest = z.infer<typeof ZCreateNoteRequest>;

/** Autosave: any subset of the draft's fields, with the version the editor last saw. */
export const ZUpdateNoteRequest = z
  .strictObject({
    version: ZVersion,
    ...(Object.fromEntries(Object.entries(draftFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof draftFields]: z.ZodOptional<(typeof draftFields)[K]>;
    }),
  })
  .openapi('UpdateNoteRequest');
export type TUpdateNoteRequest = z.infer<typeof ZUpdateNoteRequest>;

export const ZAddendum = z
  .object({
    id: z.string().uuid(),
    text: z.string(),
    signedAt: z.string().datetime(),
    signedByName: z.string(),
  })
  .openapi('Addendum');

export const ZNoteAcknowledgement = z.object({
  ruleId: z.string(),
  reason: z.string(),
  acknowledgedBy: z.string(),
  acknowledgedByName: z.string(),
  acknowledgedAt: z.string(),
});

export const ZSessionNote = z
  .object({
    id: z.string().uuid(),
    episodeId: z.string().uuid(),
    clientId: z.string().uuid(),
    therapistId: z.string().uuid(),
    therapistName: z.string(),
    sessionDate: z.string(),
    templateId: z.string().nullable(),
    subjective: z.string(),
    objective: z.string(),
    assessment: z.string(),
    plan: z.string(),
    painBefore: z.number().int().nullable(),
    painAfter: z.number().int().nullable(),
    pressureLevel: z.number().int().nullable(),
    clientResponse: z.string(),
    homeCare: z.string(),
    services: z.array(ZPerformedService),
    totalMinutes: z.number().int(),
    marks: z.array(ZBodyChartMark),
    outcomeMeasures: z.array(ZOutcomeMeasureResult),
    acknowledgements: z.array(ZNoteAcknowledgement),
    alerts: z.array(ZScreeningAlert),
    /** Techniques or pressure in this note that an active alert advises against (flag, not a block). */
    conflicts: z.array(
      z.object({
        ruleId: z.string(),
        alertTitle: z.string(),
        what: z.string(),
        serviceIndex: z.number().int().nullable(),
      }),
    ),
    status: z.enum(['draft', 'signed']),
    signedAt: z.string().datetime().nullable(),
    signedByName: z.string().nullable(),
    contentSha256: z.string().nullable(),
    addenda: z.array(ZAddendum),
    version: z.number().int(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
  })
  .openapi('SessionNote');
export type TSessionNote = z.infer<typeof ZSessionNote>;

/** A biller's view of one signed session: services and minutes, no narrative (minimum necessary). */
export const ZBillableSession = z
  .object({
    noteId: z.string().uuid(),
    sessionDate: z.string(),
    therapistName: z.string(),
    services: z.array(ZPerformedService),
    totalMinutes: z.number().int(),
    signedAt: z.string().datetime(),
  })
  .openapi('BillableSession');
export type TBillableSession = z.infer<typeof ZBillableSession>;

export const ZAddAddendumRequest = z
  .strictObject({ text: z.string().trim().min(3, 'Write the correction.').max(10000) })
  .openapi('AddAddendumRequest');

export const ZSignNoteRequest = z.strictObject({ version: ZVersion }).openapi('SignNoteRequest');
