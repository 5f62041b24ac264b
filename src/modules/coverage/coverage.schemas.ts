import { z } from '@hono/zod-openapi';
import { optionalText, requiredText, ZCalendarDate, ZVersion } from '../../platform/http/zod-fields.js';
import { ZPostalAddress } from '../billing/index.js';
import { CASE_KINDS, POLICY_PRIORITIES, RELATIONSHIPS } from './domain/coverage.js';

const ZState = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Use the two-letter state code.');

export const ZSubscriber = z
  .strictObject({
    givenName: requiredText("insured's first name", 35),
    familyName: requiredText("insured's last name", 60),
    dateOfBirth: ZCalendarDate.nullable().optional(),
    sex: z.enum(['F', 'M', 'U']).nullable().optional(),
    address: ZPostalAddress.nullable().optional(),
    phone: optionalText(30),
  })
  .openapi('Subscriber');

const ZContact = z
  .strictObject({
    name: requiredText('name', 80),
    phone: optionalText(30),
    email: optionalText(120),
    fax: optionalText(30),
  })
  .openapi('CaseContact');

const policyFields = {
  payerId: z.uuid(),
  priority: z.enum(POLICY_PRIORITIES),
  memberId: requiredText('member ID', 80),
  groupNumber: optionalText(50),
  planName: optionalText(60),
  relationship: z.enum(RELATIONSHIPS),
  subscriber: ZSubscriber.nullable().optional(),
  effectiveFrom: ZCalendarDate.nullable().optional(),
  effectiveTo: ZCalendarDate.nullable().optional(),
  copayCents: z.number().int().min(0).max(100_000).nullable().optional(),
};

export const ZCreatePolicyRequest = z.strictObject(policyFields).openapi('CreatePolicyRequest');
export type TCreatePolicyRequest = z.infer<typeof ZCreatePolicyRequest>;
export const ZUpdatePolicyRequest = z
  .strictObject({ ...policyFields, archived: z.boolean(), version: ZVersion })
  .partial()
  .required({ version: true })
  .openapi('UpdatePolicyRequest');
export type TUpdatePolicyRequest = z.infer<typeof ZUpdatePolicyRequest>;

export const ZPolicy = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    payerId: z.uuid(),
    payerName: z.string(),
    priority: z.enum(POLICY_PRIORITIES),
    memberId: z.string(),
    groupNumber: z.string().nullable(),
    planName: z.string().nullable(),
    relationship: z.enum(RELATIONSHIPS),
    subscriber: ZSubscriber.nullable(),
    effectiveFrom: z.string().nullable(),
    effectiveTo: z.string().nullable(),
    copayCents: z.number().int().nullable(),
    archived: z.boolean(),
    version: z.number().int(),
  })
  .openapi('Policy');
export type TPolicy = z.infer<typeof ZPolicy>;

const caseFields = {
  payerId: z.uuid(),
  kind: z.enum(CASE_KINDS),
  episodeId: z.uuid().nullable().optional(),
  claimNumber: optionalText(50),
  policyNumber: optionalText(50),
  injuryDate: ZCalendarDate.nullable().optional(),
  accidentState: ZState.nullable().optional(),
  adjuster: ZContact.nullable().optional(),
  attorney: ZContact.nullable().optional(),
  employerName: optionalText(60),
  employerAddress: ZPostalAddress.nullable().optional(),
  unableToWorkFrom: ZCalendarDate.nullable().optional(),
  unableToWorkTo: ZCalendarDate.nullable().optional(),
};

export const ZCreateCaseRequest = z.strictObject(caseFields).openapi('CreateCaseRequest');
export type TCreateCaseRequest = z.infer<typeof ZCreateCaseRequest>;
export const ZUpdateCaseRequest = z
  .strictObject({ ...caseFields, closed: z.boolean(), version: ZVersion })
  .partial()
  .required({ version: true })
  .openapi('UpdateCaseRequest');
export type TUpdateCaseRequest = z.infer<typeof ZUpdateCaseRequest>;

export const ZCase = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    episodeId: z.uuid().nullable(),
    payerId: z.uuid(),
    payerName: z.string(),
    kind: z.enum(CASE_KINDS),
    claimNumber: z.string().nullable(),
    policyNumber: z.string().nullable(),
    injuryDate: z.string().nullable(),
    accidentState: z.string().nullable(),
    adjuster: ZContact.nullable(),
    attorney: ZContact.nullable(),
    employerName: z.string().nullable(),
    employerAddress: ZPostalAddress.nullable(),
    unableToWorkFrom: z.string().nullable(),
    unableToWorkTo: z.string().nullable(),
    closed: z.boolean(),
    version: z.number().int(),
  })
  .openapi('CoverageCase');
export type TCase = z.infer<typeof ZCase>;

export const ZCoverage = z.object({ policies: z.array(ZPolicy), cases: z.array(ZCase) }).openapi('Coverage');
