/**
 * The client form's model: what the inputs hold (strings), how a loaded client fills them, how they
 * become a create or update request, and which field each server error path belongs to.
 */
import {
  CONTACT_METHODS,
  dateOfBirthProblem,
  isValidCalendarDate,
  SEX_VALUES,
  type ContactMethod,
  type Sex,
} from '../../../modules/clients/domain/client.js';
import type { Client, CreateClientInput, UpdateClientInput } from '../../api/clients.js';
import { todayDateOnly } from '../../components/format.js';

export type ClientFormValues = {
  givenName: string;
  familyName: string;
  preferredName: string;
  dateOfBirth: string;
  sex: '' | Sex;
  genderIdentity: string;
  pronouns: string;
  phone: string;
  email: string;
  preferredContactMethod: '' | ContactMethod;
  address: {
    line1: string;
    line2: string;
    city: string;
    region: string;
    postalCode: string;
    country: string;
  };
  emergencyContact: { name: string; relationship: string; phone: string };
  notes: string;
};

/** A field path as the server names it (`address.city`) — also the key of form errors. */
export type FieldPath =
  | Exclude<keyof ClientFormValues, 'address' | 'emergencyContact'>
  | `address.${keyof ClientFormValues['address']}`
  | `emergencyContact.${keyof ClientFormValues['emergencyContact']}`;

/** The visible label of every field, in form order (the error summary lists them in this order). */
export const FIELD_LABELS: Record<FieldPath, string> = {
  givenName: 'Given name',
  familyName: 'Family name',
  preferredName: 'Preferred name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  genderIdentity: 'Gender identity',
  pronouns: 'Pronouns',
  phone: 'Phone',
  email: 'Email',
  preferredContactMethod: 'Preferred contact method',
  'address.line1': 'Street address',
  'address.line2': 'Address line 2',
  'address.city': 'City',
  'address.region': 'State or region',
  'address.postalCode': 'Postal code',
  'address.country': 'Country',
  'emergencyContact.name': 'Emergency contact name',
  'emergencyContact.relationship': 'Relationship',
  'emergencyContact.phone': 'Emergency contact number',
  notes: 'Notes',
};

export const FIELD_ORDER = Object.keys(FIELD_LABELS) as FieldPath[];

export const fieldId = (path: string): string => `client-${path.replace(/\./g, '-')}`;

export const SEX_LABELS: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  intersex: 'Intersex',
  unknown: 'Unknown',
};

export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  phone: 'Phone call',
  sms: 'Text message (SMS)',
  email: 'Email',
  mail: 'Letter (mail)',
};

export const SEX_OPTIONS = SEX_VALUES.map((value) => ({ value, label: SEX_LABELS[value] }));
export const CONTACT_METHOD_OPTIONS = CONTACT_METHODS.map((value) => ({
  value,
  label: CONTACT_METHOD_LABELS[value],
}));

export const emptyClientForm = (): ClientFormValues => ({
  givenName: '',
  familyName: '',
  preferredName: '',
  dateOfBirth: '',
  sex: '',
  genderIdentity: '',
  pronouns: '',
  phone: '',
  email: '',
  preferredContactMethod: '',
  address: { line1: '', line2: '', city: '', region: '', postalCode: '', country: '' },
  emergencyContact: { name: '', relationship: '', phone: '' },
  notes: '',
});

export function clientToForm(client: Client): ClientFormValues {
  const address = client.address;
  const contact = client.emergencyContact;
  return {
    givenName: client.givenName,
    familyName: client.familyName,
    preferredName: client.preferredName ?? '',
    dateOfBirth: client.dateOfBirth,
    sex: client.sex ?? '',
    genderIdentity: client.genderIdentity ?? '',
    pronouns: client.pronouns ?? '',
    phone: client.phone ?? '',
    email: client.email ?? '',
    preferredContactMethod: client.preferredContactMethod ?? '',
    address: {
      line1: address?.line1 ?? '',
      line2: address?.line2 ?? '',
      city: address?.city ?? '',
      region: address?.region ?? '',
      postalCode: address?.postalCode ?? '',
      country: address?.country ?? '',
    },
    emergencyContact: {
      name: contact?.name ?? '',
      relationship: contact?.relationship ?? '',
      phone: contact?.phone ?? '',
    },
    notes: client.notes ?? '',
  };
}

export function getFieldValue(values: ClientFormValues, path: FieldPath): string {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) return values[head as keyof ClientFormValues] as string;
  return (values[head as 'address' | 'emergencyContact'] as Record<string, string>)[tail] ?? '';
}

export function setFieldValue(values: ClientFormValues, path: FieldPath, value: string): ClientFormValues {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) return { ...values, [head]: value };
  const group = head as 'address' | 'emergencyContact';
  return { ...values, [group]: { ...values[group], [tail]: value } };
}

const clean = (value: string): string => value.trim();
const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
const isBlank = (group: Record<string, string>) => Object.values(group).every((v) => v.trim() === '');

function addressBody(values: ClientFormValues): CreateClientInput['address'] {
  const a = values.address;
  if (isBlank(a)) return null;
  return {
    line1: clean(a.line1),
    city: clean(a.city),
    ...(clean(a.line2) ? { line2: clean(a.line2) } : {}),
    ...(clean(a.region) ? { region: clean(a.region) } : {}),
    ...(clean(a.postalCode) ? { postalCode: clean(a.postalCode) } : {}),
    ...(clean(a.country) ? { country: clean(a.country) } : {}),
  };
}

function emergencyContactBody(values: ClientFormValues): CreateClientInput['emergencyContact'] {
  const c = values.emergencyContact;
  if (isBlank(c)) return null;
  return {
    name: clean(c.name),
    phone: clean(c.phone),
    ...(clean(c.relationship) ? { relationship: clean(c.relationship) } : {}),
  };
}

/** Every field as the API wants it: trimmed, `null` for an empty optional field. */
function fullBody(values: ClientFormValues): CreateClientInput {
  return {
    givenName: clean(values.givenName),
    familyName: clean(values.familyName),
    preferredName: orNull(values.preferredName),
    dateOfBirth: clean(values.dateOfBirth),
    sex: values.sex || null,
    genderIdentity: orNull(values.genderIdentity),
    pronouns: orNull(values.pronouns),
    phone: orNull(values.phone),
    email: orNull(values.email),
    address: addressBody(values),
    emergencyContact: emergencyContactBody(values),
    preferredContactMethod: values.preferredContactMethod || null,
    notes: orNull(values.notes),
  };
}

/** A new client: only the fields that were filled in. */
export function toCreateInput(values: ClientFormValues): CreateClientInput {
  const body = fullBody(values);
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null)) as CreateClientInput;
}

/**
 * An edit: only the fields that differ from the loaded client, so the audit log names what really changed
 * and nothing someone else saved meanwhile is overwritten unseen. Empty means there is nothing to save.
 */
export function toUpdateInput(
  values: ClientFormValues,
  original: Client,
): Omit<UpdateClientInput, 'version'> {
  const now = fullBody(values) as Record<string, unknown>;
  const before = fullBody(clientToForm(original)) as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(now)) {
    if (JSON.stringify(now[key]) !== JSON.stringify(before[key])) changes[key] = now[key];
  }
  return changes;
}

export function isDirty(values: ClientFormValues, original: ClientFormValues): boolean {
  return FIELD_ORDER.some((path) => getFieldValue(values, path) !== getFieldValue(original, path));
}

/** The checks worth doing before asking the server (which checks everything again). */
export function validateClientForm(values: ClientFormValues): Partial<Record<FieldPath, string>> {
  const errors: Partial<Record<FieldPath, string>> = {};
  if (!values.givenName.trim()) errors.givenName = 'Enter the given (first) name.';
  if (!values.familyName.trim()) errors.familyName = 'Enter the family (last) name.';
  const dob = values.dateOfBirth.trim();
  if (!dob) errors.dateOfBirth = 'Enter the date of birth.';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(dob) || !isValidCalendarDate(dob))
    errors.dateOfBirth = 'Enter a real date, like 1985-03-14.';
  else {
    const problem = dateOfBirthProblem(dob, todayDateOnly());
    if (problem) errors.dateOfBirth = problem;
  }
  const address = values.address;
  if (!isBlank(address)) {
    if (!address.line1.trim()) errors['address.line1'] = 'Enter the street address, or clear the address.';
    if (!address.city.trim()) errors['address.city'] = 'Enter the city, or clear the address.';
  }
  const contact = values.emergencyContact;
  if (!isBlank(contact)) {
    if (!contact.name.trim())
      errors['emergencyContact.name'] = "Enter the emergency contact's name, or clear the contact.";
    if (!contact.phone.trim())
      errors['emergencyContact.phone'] = "Enter the emergency contact's phone number, or clear the contact.";
  }
  return errors;
}

/** Server error paths mapped onto the form's fields; an error on a whole group lands on its first field. */
export function formPathFor(serverPath: string): FieldPath | undefined {
  if ((FIELD_ORDER as string[]).includes(serverPath)) return serverPath as FieldPath;
  if (serverPath === 'address') return 'address.line1';
  if (serverPath === 'emergencyContact') return 'emergencyContact.name';
  return undefined;
}
