/** Client (the person treated) as the clinic records them. Pure definitions and rules, no I/O. */

/** Sex as used on claims (CMS-1500 box 3: M/F); gender identity and pronouns are recorded separately. */
export const SEX_VALUES = ['female', 'male', 'intersex', 'unknown'] as const;
export type Sex = (typeof SEX_VALUES)[number];

export const CONTACT_METHODS = ['phone', 'sms', 'email', 'mail'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export type Address = {
  line1: string;
  line2?: string | undefined;
  city: string;
  region?: string | undefined;
  postalCode?: string | undefined;
  country?: string | undefined;
};

export type EmergencyContact = { name: string; relationship?: string | undefined; phone: string };

export const OLDEST_PLAUSIBLE_BIRTH_YEAR = 1900;

/** Returns a message when a date of birth cannot be right on `today` (YYYY-MM-DD, the clinic's date). */
export function dateOfBirthProblem(dateOfBirth: string, today: string): string | undefined {
  if (dateOfBirth > today) return 'Date of birth cannot be in the future.';
  if (Number(dateOfBirth.slice(0, 4)) < OLDEST_PLAUSIBLE_BIRTH_YEAR) {
    return `Date of birth must be in ${OLDEST_PLAUSIBLE_BIRTH_YEAR} or later.`;
  }
  return undefined;
}

export function isValidCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function displayName(client: {
  givenName: string;
  familyName: string;
  preferredName?: string | null;
}) {
  const given = client.preferredName ? `${client.preferredName} (${client.givenName})` : client.givenName;
  return `${given} ${client.familyName}`;
}
