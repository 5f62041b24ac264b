import { z } from '@hono/zod-openapi';
import { CONTACT_METHODS, isValidCalendarDate, SEX_VALUES } from './domain/client.js';

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);
const requiredText = (label: string, max: number) => text(max).min(1, `Enter the ${label}.`);
const optionalText = (max: number) =>
  text(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const ZDateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the format YYYY-MM-DD.')
  .refine(isValidCalendarDate, 'This date does not exist.');

const ZPhone = z
  .string()
  .trim()
  .regex(/^\+?[\d\s().-]{7,25}$/, 'Enter a phone number with 7 to 15 digits, like (555) 123-4567.')
  .refine((value) => {
    const digits = value.replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
  }, 'Enter a phone number with 7 to 15 digits, like (555) 123-4567.');

const ZClientEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address, like name@example.com.' }));

export const ZAddress = z
  .strictObject({
    line1: requiredText('street address', 200),
    line2: text(200).optional(),
    city: requiredText('city', 100),
    region: text(100).optional(),
    postalCode: text(20).optional(),
    country: text(60).optional(),
  })
  .openapi('Address');

export const ZEmergencyContact = z
  .strictObject({
    name: requiredText("emergency contact's name", 200),
    relationship: text(100).optional(),
    phone: ZPhone,
  })
  .openapi('EmergencyContact');

const clientFields = {
  givenName: requiredText('given (first) name', 100),
  familyName: requiredText('family (last) name', 100),
  preferredName: optionalText(100),
  dateOfBirth: ZDateOnly.openapi({ example: '1985-03-14' }),
  sex: z.enum(SEX_VALUES).nullable().optional(),
  genderIdentity: optionalText(100),
  pronouns: optionalText(50),
  phone: ZPhone.nullable().optional(),
  email: ZClientEmail.nullable().optional(),
  address: ZAddress.nullable().optional(),
  emergencyContact: ZEmergencyContact.nullable().optional(),
  preferredContactMethod: z.enum(CONTACT_METHODS).nullable().optional(),
  notes: optionalText(5000),
};

export const ZCreateClientRequest = z.strictObject(clientFields).openapi('CreateClientRequest');
export type TCreateClientRequest = z.infer<typeof ZCreateClientRequest>;

export const ZUpdateClientRequest = z
  .strictObject({
    ...clientFields,
    givenName: clientFields.givenName.optional(),
    familyName: clientFields.familyName.optional(),
    dateOfBirth: clientFields.dateOfBirth.optional(),
    /** The version the edit is based on (or send If-Match); a stale version answers 409. */
    version: z.number().int().positive().optional(),
  })
  .openapi('UpdateClientRequest');
export type TUpdateClientRequest = z.infer<typeof ZUpdateClientRequest>;

export const ZClient = z
  .object({
    id: z.string().uuid(),
    givenName: z.string(),
    familyName: z.string(),
    preferredName: z.string().nullable(),
    dateOfBirth: z.string(),
    sex: z.enum(SEX_VALUES).nullable(),
    genderIdentity: z.string().nullable(),
    pronouns: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: ZAddress.nullable(),
    emergencyContact: ZEmergencyContact.nullable(),
    preferredContactMethod: z.enum(CONTACT_METHODS).nullable(),
    notes: z.string().nullable(),
    archived: z.boolean(),
    archivedAt: z.string().datetime().nullable(),
    version: z.number().int(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
    updatedBy: z.object({ id: z.string().uuid().nullable(), name: z.string() }),
  })
  .openapi('Client');
export type TClient = z.infer<typeof ZClient>;

export const ZListClientsQuery = z.strictObject({
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Name (typos tolerated), phone, email or date of birth' }),
  archived: z.enum(['exclude', 'include', 'only']).default('exclude'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type TListClientsQuery = z.infer<typeof ZListClientsQuery>;

export const ZClientList = z
  .object({ items: z.array(ZClient), nextOffset: z.number().int().nullable() })
  .openapi('ClientList');
export type TClientList = z.infer<typeof ZClientList>;

export const ZVersionOnly = z
  .strictObject({ version: z.number().int().positive().optional() })
  .openapi('VersionOnly');
