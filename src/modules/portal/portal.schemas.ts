import { z } from '@hono/zod-openapi';
import { ZEmail, ZPassword, ZPersonName } from '../accounts/index.js';
import { ZHealthHistory } from '../screening/index.js';

export const ZPortalInviteRequest = z
  .strictObject({
    email: ZEmail,
    /** The person who will sign in: the client, or a guardian of a minor or dependent. */
    name: ZPersonName.optional(),
    relationship: z.enum(['self', 'guardian']).default('self'),
  })
  .openapi('PortalInviteRequest');
export type TPortalInviteRequest = z.infer<typeof ZPortalInviteRequest>;

export const ZPortalInvitation = z
  .object({ accountId: z.string().uuid(), acceptPath: z.string(), emailed: z.boolean() })
  .openapi('PortalInvitation');

export const ZPortalAcceptRequest = z
  .strictObject({ token: z.string().min(20).max(100), password: ZPassword })
  .openapi('PortalAcceptRequest');
export const ZPortalLoginRequest = z
  .strictObject({
    email: ZEmail,
    password: z.string().min(1, 'Enter your password.').max(200),
    totpCode: z
      .string()
      .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.')
      .optional(),
  })
  .openapi('PortalLoginRequest');
export const ZPortalLinkRequest = z.strictObject({ email: ZEmail }).openapi('PortalSignInLinkRequest');
export const ZPortalRedeemRequest = z.strictObject({ token: z.string().min(20).max(100) });

export const ZPortalMe = z
  .object({
    account: z.object({
      id: z.string().uuid(),
      name: z.string(),
      email: z.string(),
      totpEnabled: z.boolean(),
    }),
    clinic: z.object({ name: z.string(), phone: z.string().nullable(), timeZone: z.string() }),
    clients: z.array(
      z.object({ id: z.string().uuid(), name: z.string(), relationship: z.enum(['self', 'guardian']) }),
    ),
  })
  .openapi('PortalMe');
export type TPortalMe = z.infer<typeof ZPortalMe>;

export const ZPortalAppointment = z
  .object({
    id: z.string().uuid(),
    start: z.string(),
    end: z.string(),
    therapistName: z.string(),
    serviceName: z.string().nullable(),
    status: z.string(),
    cancellable: z.boolean(),
  })
  .openapi('PortalAppointment');

export const ZPortalBookRequest = z
  .strictObject({
    serviceId: z.string().uuid(),
    therapistId: z.string().uuid(),
    start: z.string().datetime({ offset: true }),
  })
  .openapi('PortalBookRequest');
export const ZPortalCancelRequest = z.strictObject({
  reason: z.string().trim().min(1, 'Tell the clinic why, briefly.').max(300),
});

export const ZIntakeSubmission = z
  .strictObject({ healthHistory: ZHealthHistory })
  .openapi('PortalIntakeSubmission');
export const ZOutcomeSubmission = z
  .strictObject({
    instrumentId: z.string().max(20),
    answers: z.array(z.number().int().nullable()).min(1).max(30),
    labels: z.array(z.string().trim().max(120)).max(5).optional(),
  })
  .openapi('PortalOutcomeSubmission');

export const ZSubmission = z
  .object({
    id: z.string().uuid(),
    clientId: z.string().uuid(),
    episodeId: z.string().uuid().nullable(),
    kind: z.enum(['intake', 'outcome_measure']),
    instrumentId: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    score: z.record(z.string(), z.unknown()).nullable(),
    submittedAt: z.string().datetime(),
    submittedByName: z.string().nullable(),
    reviewedAt: z.string().datetime().nullable(),
  })
  .openapi('ClientSubmission');
export type TSubmission = z.infer<typeof ZSubmission>;

export const ZPortalForms = z
  .object({
    intake: z.object({ due: z.boolean(), lastSubmittedAt: z.string().datetime().nullable() }),
    questionnaires: z.array(
      z.object({
        instrumentId: z.string(),
        name: z.string(),
        lastSubmittedAt: z.string().datetime().nullable(),
      }),
    ),
  })
  .openapi('PortalForms');
