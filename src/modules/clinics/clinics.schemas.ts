import { z } from '@hono/zod-openapi';
import { isKnownTimeZone } from '../../platform/time-zone.js';
import { ZEmail, ZPassword, ZPersonName } from '../accounts/index.js';

export const ZClinicSignupRequest = z
  .strictObject({
    clinicName: z
      .string()
      .trim()
      .min(1, 'Enter the clinic name.')
      .max(200)
      .openapi({ example: 'Riverside Medical Massage' }),
    ownerName: ZPersonName.openapi({ example: 'Ana Silva' }),
    email: ZEmail,
    password: ZPassword.openapi({ example: 'a long passphrase' }),
  })
  .openapi('ClinicSignupRequest');
export type TClinicSignupRequest = z.infer<typeof ZClinicSignupRequest>;

/** A student without a clinic (issue 8): their own study space. */
export const ZLearnerSignup = z
  .strictObject({
    name: ZPersonName.openapi({ example: 'Jordan Lee' }),
    email: ZEmail,
    password: ZPassword.openapi({ example: 'a long passphrase' }),
  })
  .openapi('LearnerSignup');

export const ZSetupStatus = z.object({ setupRequired: z.boolean() }).openapi('SetupStatus');

export const ZClinic = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    /** A practice, or one learner's study space (issue 8). */
    kind: z.enum(['practice', 'study']),
    timeZone: z.string(),
    addressLines: z.array(z.string()),
    phone: z.string().nullable(),
    fax: z.string().nullable(),
    npi: z.string().nullable(),
    slug: z.string().nullable(),
    bookingPageEnabled: z.boolean(),
    authorizationPolicy: z.enum(['warn', 'block']),
    reminderHoursBefore: z.number().int(),
    lateCancelHours: z.number().int(),
    lateCancelFeeCents: z.number().int(),
    noShowFeeCents: z.number().int(),
    reEvaluationEveryVisits: z.number().int(),
    reEvaluationEveryDays: z.number().int(),
  })
  .openapi('Clinic');

/** The letterhead on reports to prescribers (and later on claims). */
export const ZUpdateClinicRequest = z
  .strictObject({
    name: z.string().trim().min(1, 'Enter the clinic name.').max(200).optional(),
    addressLines: z.array(z.string().trim().min(1).max(120)).max(4).optional(),
    phone: z.string().trim().max(30).nullable().optional(),
    fax: z.string().trim().max(30).nullable().optional(),
    npi: z
      .string()
      .trim()
      .regex(/^\d{10}$/, 'An NPI is exactly 10 digits.')
      .nullable()
      .optional(),
    timeZone: z
      .string()
      .trim()
      .refine(isKnownTimeZone, 'Use an IANA time zone name, such as America/New_York.')
      .optional()
      .openapi({ example: 'America/New_York' }),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/,
        'Use lower-case letters, digits and hyphens (the booking page address /book/{slug}).',
      )
      .nullable()
      .optional(),
    bookingPageEnabled: z.boolean().optional(),
    /** Booking past the prescription's authorised visits or its expiry: warn, or refuse. */
    authorizationPolicy: z.enum(['warn', 'block']).optional(),
    reminderHoursBefore: z.number().int().min(1).max(168).optional(),
    lateCancelHours: z.number().int().min(0).max(168).optional(),
    lateCancelFeeCents: z.number().int().min(0).max(100_000).optional(),
    noShowFeeCents: z.number().int().min(0).max(100_000).optional(),
    reEvaluationEveryVisits: z.number().int().min(1).max(100).optional(),
    reEvaluationEveryDays: z.number().int().min(1).max(365).optional(),
  })
  .openapi('UpdateClinicRequest');
export type TUpdateClinicRequest = z.infer<typeof ZUpdateClinicRequest>;
export type TClinic = z.infer<typeof ZClinic>;

export const ZClinicCreated = z
  .object({
    clinic: ZClinic,
    user: z.object({ id: z.string().uuid(), name: z.string(), email: z.string(), role: z.string() }),
  })
  .openapi('ClinicCreated');
export type TClinicCreated = z.infer<typeof ZClinicCreated>;
