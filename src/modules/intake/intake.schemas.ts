import { z } from '@hono/zod-openapi';
import { optionalText, requiredText, ZVersion } from '../../platform/http/zod-fields.js';
import { ZHealthHistory, ZScreeningAlert } from '../screening/index.js';
import { CONSENT_KINDS } from './domain/consent-texts.js';

export const ZIntake = z
  .object({
    id: z.string().uuid(),
    episodeId: z.string().uuid(),
    healthHistory: ZHealthHistory,
    alerts: z.array(ZScreeningAlert),
    version: z.number().int(),
    updatedAt: z.string().datetime(),
    updatedByName: z.string(),
  })
  .openapi('Intake');
export type TIntake = z.infer<typeof ZIntake>;

export const ZSaveIntakeRequest = z
  .strictObject({
    /** Required when an intake exists: the version you edited (409 if someone saved since). */
    version: ZVersion.optional(),
    healthHistory: ZHealthHistory,
  })
  .openapi('SaveIntakeRequest');
export type TSaveIntakeRequest = z.infer<typeof ZSaveIntakeRequest>;

export const ZConsentText = z
  .object({ kind: z.enum(CONSENT_KINDS), version: z.string(), title: z.string(), body: z.string() })
  .openapi('ConsentText');

/** A drawn signature is SVG path data ("M10 20 L15 22 …") from the signature pad, capped in size. */
const ZSignature = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('drawn'),
    svgPath: z
      .string()
      .max(200_000, 'The drawing is too large.')
      .regex(/^[MLQCZmlqcz0-9\s.,-]+$/, 'The drawing must be SVG path data.')
      .refine((v) => /[Ll]/.test(v), 'Draw the signature (a few strokes at least).'),
  }),
  z.strictObject({ method: z.literal('typed'), typedName: requiredText('typed name', 200) }),
]);

export const ZSignConsentRequest = z
  .strictObject({
    kind: z.enum(CONSENT_KINDS),
    /** The version of the wording the signer was shown: refused if it is not the current one. */
    textVersion: z.string().max(100),
    signerName: requiredText("signer's name", 200),
    signerRelationship: optionalText(100),
    signature: ZSignature,
    releaseTo: optionalText(500),
  })
  .openapi('SignConsentRequest');
export type TSignConsentRequest = z.infer<typeof ZSignConsentRequest>;

export const ZConsent = z
  .object({
    id: z.string().uuid(),
    episodeId: z.string().uuid(),
    kind: z.enum(CONSENT_KINDS),
    textVersion: z.string(),
    textBody: z.string(),
    textSha256: z.string(),
    signerName: z.string(),
    signerRelationship: z.string().nullable(),
    signatureMethod: z.enum(['drawn', 'typed']),
    signatureData: z.string(),
    releaseTo: z.string().nullable(),
    signedAt: z.string().datetime(),
    witnessedByName: z.string(),
  })
  .openapi('Consent');
export type TConsent = z.infer<typeof ZConsent>;

/** The front desk's view of alerts: only what changes a booking (postpone / refer), no clinical detail. */
export const ZBookingAlert = z.object({ severity: z.string(), title: z.string() });
export const ZClientAlerts = z
  .object({
    detail: z.enum(['clinical', 'booking']),
    alerts: z.array(z.union([ZScreeningAlert, ZBookingAlert])),
    otherAlertCount: z.number().int(),
  })
  .openapi('ClientAlerts');
export type TClientAlerts = z.infer<typeof ZClientAlerts>;
