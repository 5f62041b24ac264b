import { z } from '@hono/zod-openapi';
import { optionalText, requiredText, ZCalendarDate, ZVersion } from '../../platform/http/zod-fields.js';

const ZPhoneOrFax = z
  .string()
  .trim()
  .regex(/^\+?[\d\s().-]{7,25}$/, 'Enter a number with 7 to 15 digits, like (555) 123-4567.')
  .nullable()
  .optional();

export const ZNpi = z
  .string()
  .trim()
  .regex(/^\d{10}$/, 'An NPI is exactly 10 digits.');

const prescriptionFields = {
  prescriberName: requiredText("prescriber's name", 200),
  prescriberPractice: optionalText(200),
  prescriberPhone: ZPhoneOrFax,
  prescriberFax: ZPhoneOrFax,
  prescriberNpi: ZNpi.nullable().optional(),
  writtenOn: ZCalendarDate,
  diagnoses: z
    .array(z.string().trim().min(3).max(10))
    .min(1, 'Enter at least one ICD-10-CM diagnosis.')
    .max(12, 'A claim carries at most 12 diagnoses (CMS-1500 box 21 A–L).'),
  orderText: optionalText(2000),
  frequencyPerWeek: z.number().int().min(1).max(7).nullable().optional(),
  durationWeeks: z.number().int().min(1).max(104).nullable().optional(),
  visitsAuthorised: z.number().int().min(1).max(500).nullable().optional(),
  expiresOn: ZCalendarDate.nullable().optional(),
  priorAuthNumber: optionalText(50),
};

export const ZCreatePrescriptionRequest = z
  .strictObject(prescriptionFields)
  .openapi('CreatePrescriptionRequest');
export type TCreatePrescriptionRequest = z.infer<typeof ZCreatePrescriptionRequest>;

export const ZUpdatePrescriptionRequest = z
  .strictObject({
    version: ZVersion,
    ...Object.fromEntries(Object.entries(prescriptionFields).map(([k, v]) => [k, v.optional()])),
  } as { version: typeof ZVersion } & {
    [K in keyof typeof prescriptionFields]: z.ZodOptional<(typeof prescriptionFields)[K]>;
  })
  .openapi('UpdatePrescriptionRequest');
export type TUpdatePrescriptionRequest = z.infer<typeof ZUpdatePrescriptionRequest>;

export const ZDiagnosis = z.object({ code: z.string(), description: z.string() }).openapi('Diagnosis');

export const ZPrescriptionUsage = z.object({
  used: z.number().int(),
  remaining: z.number().int().nullable(),
  state: z.enum(['active', 'exhausted', 'expired', 'not_yet_valid']),
  warnings: z.array(z.string()),
});

/** What the front desk may see of a prescription: enough to book, nothing clinical. */
export const ZPrescriptionSummary = z
  .object({
    id: z.string().uuid(),
    episodeId: z.string().uuid(),
    prescriberName: z.string(),
    writtenOn: z.string(),
    expiresOn: z.string().nullable(),
    visitsAuthorised: z.number().int().nullable(),
    frequencyPerWeek: z.number().int().nullable(),
    durationWeeks: z.number().int().nullable(),
    usage: ZPrescriptionUsage,
  })
  .openapi('PrescriptionSummary');
export type TPrescriptionSummary = z.infer<typeof ZPrescriptionSummary>;

export const ZPrescription = ZPrescriptionSummary.extend({
  prescriberPractice: z.string().nullable(),
  prescriberPhone: z.string().nullable(),
  prescriberFax: z.string().nullable(),
  prescriberNpi: z.string().nullable(),
  diagnoses: z.array(ZDiagnosis),
  orderText: z.string().nullable(),
  priorAuthNumber: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
}).openapi('Prescription');
export type TPrescription = z.infer<typeof ZPrescription>;

export const ZNpiCheck = z.object({ valid: z.boolean() }).openapi('NpiCheck');
