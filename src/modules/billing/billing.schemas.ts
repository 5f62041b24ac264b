import { z } from '@hono/zod-openapi';
import { optionalText, requiredText, ZVersion } from '../../platform/http/zod-fields.js';
import { CLAIM_TYPES, FILING_INDICATORS, UNIT_METHODS } from './domain/billing-setup.js';
import { SERVICE_CODE_PATTERN } from './domain/service-codes.js';

const ZServiceCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(SERVICE_CODE_PATTERN, 'A service code is 5 digits (CPT) or a letter and 4 digits (HCPCS).')
  .openapi({ example: '97140' });

export const ZUnitsRequest = z
  .strictObject({
    method: z.enum(UNIT_METHODS),
    services: z
      .array(
        z.strictObject({
          code: ZServiceCode,
          minutes: z.number().int('Minutes are whole numbers.').min(0).max(480),
          /** Only for a code Palpa does not know: is it billed per 15 minutes? */
          timed: z.boolean().optional(),
        }),
      )
      .min(1, 'List at least one service.')
      .max(30),
  })
  .openapi('UnitsRequest');
export type TUnitsRequest = z.infer<typeof ZUnitsRequest>;

export const ZUnitsResponse = z
  .object({
    method: z.enum(UNIT_METHODS),
    totalTimedMinutes: z.number().int(),
    totalUnits: z.number().int(),
    lines: z.array(
      z.object({ code: z.string(), minutes: z.number().int(), units: z.number().int(), timed: z.boolean() }),
    ),
    explanation: z.string(),
  })
  .openapi('UnitsResponse');

export const ZPostalAddress = z
  .strictObject({
    line1: requiredText('street address', 55),
    line2: optionalText(55),
    city: requiredText('city', 30),
    state: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'Use the two-letter state code.'),
    zip: z
      .string()
      .trim()
      .transform((v) => v.replace(/[\s-]/g, ''))
      .pipe(z.string().regex(/^(\d{5}|\d{9})$/, 'A ZIP code is 5 or 9 digits.')),
  })
  .openapi('PostalAddress');

const ZNpiField = z
  .string()
  .trim()
  .regex(/^\d{10}$/, 'An NPI is exactly 10 digits.');
const ZTaxonomy = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{9}X$/, 'A taxonomy code is 10 characters ending in X, e.g. 225700000X.');
const ZPhone = z
  .string()
  .trim()
  .max(30)
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

export const ZBillingProfile = z
  .object({
    legalName: z.string(),
    taxId: z.string(),
    taxIdType: z.enum(['EIN', 'SSN']),
    billingNpi: z.string(),
    taxonomy: z.string(),
    address: ZPostalAddress,
    phone: z.string().nullable(),
    placeOfService: z.string(),
    acceptAssignment: z.boolean(),
    submitterId: z.string(),
    submitterContact: z.string(),
    receiverId: z.string(),
    receiverName: z.string(),
    usage: z.enum(['T', 'P']),
    version: z.number().int(),
  })
  .openapi('BillingProfile');
export type TBillingProfile = z.infer<typeof ZBillingProfile>;

const ZEdiId = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,15}$/, 'Use 2–15 letters or digits (as the clearinghouse gave it).');

export const ZSaveBillingProfileRequest = z
  .strictObject({
    version: ZVersion.optional(),
    legalName: requiredText('legal name', 60),
    taxId: z
      .string()
      .trim()
      .transform((v) => v.replace(/-/g, ''))
      .pipe(z.string().regex(/^\d{9}$/, 'A tax ID (EIN or SSN) is 9 digits.')),
    taxIdType: z.enum(['EIN', 'SSN']),
    billingNpi: ZNpiField,
    taxonomy: ZTaxonomy,
    address: ZPostalAddress,
    phone: ZPhone,
    placeOfService: z.string().regex(/^\d{2}$/, 'A place of service is a 2-digit code, e.g. 11.'),
    acceptAssignment: z.boolean(),
    submitterId: ZEdiId,
    submitterContact: requiredText('billing contact name', 60),
    receiverId: ZEdiId,
    receiverName: requiredText('clearinghouse name', 60),
    usage: z.enum(['T', 'P']),
  })
  .openapi('SaveBillingProfileRequest');
export type TSaveBillingProfileRequest = z.infer<typeof ZSaveBillingProfileRequest>;

export const ZProviderBillingId = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    role: z.string(),
    credentials: z.string().nullable(),
    licenseNumber: z.string().nullable(),
    npi: z.string().nullable(),
    taxonomy: z.string().nullable(),
    licenseState: z.string().nullable(),
  })
  .openapi('ProviderBillingId');
export type TProviderBillingId = z.infer<typeof ZProviderBillingId>;

export const ZSaveProviderBillingIdRequest = z
  .strictObject({
    npi: ZNpiField,
    taxonomy: ZTaxonomy,
    licenseState: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'Use the two-letter state code.')
      .nullable()
      .optional(),
  })
  .openapi('SaveProviderBillingIdRequest');

const payerFields = {
  name: requiredText('payer name', 60),
  payerId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,80}$/, 'The payer ID is letters and digits, as printed in the clearinghouse list.'),
  address: ZPostalAddress.nullable().optional(),
  phone: ZPhone,
  claimType: z.enum(CLAIM_TYPES),
  filingIndicator: z.enum(FILING_INDICATORS),
  unitMethod: z.enum(UNIT_METHODS),
  requiresGp: z.boolean(),
  bundles97124With97140: z.boolean(),
  requiresReferringProvider: z.boolean(),
};

export const ZPayer = z
  .object({
    id: z.uuid(),
    name: z.string(),
    payerId: z.string(),
    address: ZPostalAddress.nullable(),
    phone: z.string().nullable(),
    claimType: z.enum(CLAIM_TYPES),
    filingIndicator: z.enum(FILING_INDICATORS),
    unitMethod: z.enum(UNIT_METHODS),
    requiresGp: z.boolean(),
    bundles97124With97140: z.boolean(),
    requiresReferringProvider: z.boolean(),
    archived: z.boolean(),
    version: z.number().int(),
  })
  .openapi('Payer');
export type TPayer = z.infer<typeof ZPayer>;

export const ZCreatePayerRequest = z.strictObject(payerFields).openapi('CreatePayerRequest');
export type TCreatePayerRequest = z.infer<typeof ZCreatePayerRequest>;
export const ZUpdatePayerRequest = z
  .strictObject({ ...payerFields, version: ZVersion, archived: z.boolean().optional() })
  .partial()
  .required({ version: true })
  .openapi('UpdatePayerRequest');
export type TUpdatePayerRequest = z.infer<typeof ZUpdatePayerRequest>;

export const ZServiceCodeEntry = z
  .object({
    code: z.string(),
    description: z.string(),
    timed: z.boolean(),
    source: z.enum(['standard', 'clinic']),
    /** Standard fee per unit (cents), null when none is set. */
    feeCents: z.number().int().nullable(),
    payerFees: z.array(z.object({ payerId: z.uuid(), payerName: z.string(), feeCents: z.number().int() })),
  })
  .openapi('ServiceCodeEntry');
export type TServiceCodeEntry = z.infer<typeof ZServiceCodeEntry>;

export const ZSaveServiceCodeRequest = z
  .strictObject({
    description: requiredText('description', 80),
    timed: z.boolean(),
  })
  .openapi('SaveServiceCodeRequest');

export const ZSaveFeeRequest = z
  .strictObject({
    code: ZServiceCode,
    payerId: z.uuid().nullable(),
    /** Fee per unit in cents; null removes the fee. */
    feeCents: z.number().int().min(0).max(10_000_00).nullable(),
  })
  .openapi('SaveFeeRequest');
export type TSaveFeeRequest = z.infer<typeof ZSaveFeeRequest>;

export const ZCodePairEdit = z
  .strictObject({
    column1: ZServiceCode,
    column2: ZServiceCode,
    modifierIndicator: z.enum(['0', '1']),
    source: requiredText('source', 200),
  })
  .openapi('CodePairEdit');
export const ZCodePairEdits = z
  .object({ source: z.enum(['shipped', 'clinic']), edits: z.array(ZCodePairEdit) })
  .openapi('CodePairEdits');
export const ZSaveCodePairEditsRequest = z
  .strictObject({ edits: z.array(ZCodePairEdit).max(5000) })
  .openapi('SaveCodePairEditsRequest');

export { ZServiceCode };
