import { z } from '@hono/zod-openapi';
import { GRANTABLE_PERMISSIONS, PERMISSIONS, ROLES } from '../../platform/authz/permissions.js';
import { PASSWORD_MAX_LENGTH } from './domain/password-policy.js';

export const ZEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address, like name@example.com.' }))
  .transform((value) => value.toLowerCase())
  .openapi({ example: 'ana.silva@example.org' });

export const ZPassword = z
  .string()
  .min(1, 'Enter a password.')
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const ZPersonName = z.string().trim().min(1, 'Enter a name.').max(200);

export const ZTotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.');

export const ZRole = z.enum(ROLES).openapi('Role');

export const ZLoginRequest = z
  .strictObject({ email: ZEmail, password: ZPassword, totpCode: ZTotpCode.optional() })
  .openapi('LoginRequest');
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSessionUser = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    email: z.string(),
    role: ZRole,
    clinicId: z.string().uuid(),
    clinicName: z.string(),
    totpEnabled: z.boolean(),
    permissions: z.array(z.enum(PERMISSIONS)),
    credentials: z.string().nullable(),
    licenseNumber: z.string().nullable(),
  })
  .openapi('SessionUser');
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZSessionInfo = z
  .object({ user: ZSessionUser, idleTimeoutMinutes: z.number().int() })
  .openapi('SessionInfo');
export type TSessionInfo = z.infer<typeof ZSessionInfo>;

export const ZStaffMember = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    email: z.string(),
    role: ZRole,
    grants: z.array(z.enum(GRANTABLE_PERMISSIONS)),
    totpEnabled: z.boolean(),
    lastLoginAt: z.string().datetime().nullable(),
    deactivatedAt: z.string().datetime().nullable(),
    version: z.number().int(),
  })
  .openapi('StaffMember');
export type TStaffMember = z.infer<typeof ZStaffMember>;

/** What a person says about themselves on signed notes and reports ("Theo Rapist, LMT, lic. MA12345"). */
export const ZUpdateProfileRequest = z
  .strictObject({
    name: ZPersonName.optional(),
    credentials: z.string().trim().max(60).nullable().optional(),
    licenseNumber: z.string().trim().max(60).nullable().optional(),
  })
  .openapi('UpdateProfileRequest');
export type TUpdateProfileRequest = z.infer<typeof ZUpdateProfileRequest>;

export const ZUpdateStaffRequest = z
  .strictObject({
    version: z.number().int().positive(),
    role: ZRole.optional(),
    /** Replaces the person's extra rights; e.g. ['clinical:read'] lets a biller read note narratives. */
    grants: z.array(z.enum(GRANTABLE_PERMISSIONS)).max(GRANTABLE_PERMISSIONS.length).optional(),
    active: z.boolean().optional(),
  })
  .openapi('UpdateStaffRequest');
export type TUpdateStaffRequest = z.infer<typeof ZUpdateStaffRequest>;

export const ZInviteRequest = z
  .strictObject({ email: ZEmail, name: ZPersonName, role: ZRole })
  .openapi('InviteRequest');
export type TInviteRequest = z.infer<typeof ZInviteRequest>;

export const ZInvitation = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    name: z.string(),
    role: ZRole,
    createdAt: z.string().datetime(),
    expiresAt: z.string().datetime(),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    /** Only in the answer to the invite itself: the link to hand to the new staff member. */
    acceptPath: z.string().optional(),
  })
  .openapi('Invitation');
export type TInvitation = z.infer<typeof ZInvitation>;

export const ZInvitationPreview = z
  .object({ email: z.string(), name: z.string(), role: ZRole, clinicName: z.string() })
  .openapi('InvitationPreview');
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;

export const ZAcceptInvitationRequest = z
  .strictObject({ token: z.string().min(20).max(100), password: ZPassword })
  .openapi('AcceptInvitationRequest');
export type TAcceptInvitationRequest = z.infer<typeof ZAcceptInvitationRequest>;

export const ZTotpSetup = z
  .object({ secret: z.string(), otpauthUri: z.string(), qrCodeDataUrl: z.string() })
  .openapi('TotpSetup');
export type TTotpSetup = z.infer<typeof ZTotpSetup>;

export const ZTotpEnableRequest = z.strictObject({ code: ZTotpCode }).openapi('TotpEnableRequest');
export const ZTotpDisableRequest = z.strictObject({ password: ZPassword }).openapi('TotpDisableRequest');
