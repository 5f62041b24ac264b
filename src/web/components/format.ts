/** Display formats. Dates of birth are calendar dates (no time zone); instants are shown in local time. */

const dateOnlyFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

function parseDateOnly(value: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** "14 Mar 1985" for "1985-03-14". */
export function formatDateOnly(value: string): string {
  const parts = parseDateOnly(value);
  if (!parts) return value;
  return dateOnlyFormat.format(new Date(Date.UTC(parts.year, parts.month - 1, parts.day)));
}

/** Age in whole years on today's local date. */
export function ageOn(dateOfBirth: string, today: Date = new Date()): number | undefined {
  const parts = parseDateOnly(dateOfBirth);
  if (!parts) return undefined;
  let age = today.getFullYear() - parts.year;
  const month = today.getMonth() + 1;
  if (month < parts.month || (month === parts.month && today.getDate() < parts.day)) age -= 1;
  return age >= 0 ? age : undefined;
}

/** Today's local date as YYYY-MM-DD. */
export function todayDateOnly(today: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

export const formatDate = (iso: string): string => dateFormat.format(new Date(iso));
export const formatDateTime = (iso: string): string => dateTimeFormat.format(new Date(iso));

/** "3:45 PM" when today, otherwise the date and time. */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  return date.toDateString() === now.toDateString()
    ? `today at ${timeFormat.format(date)}`
    : dateTimeFormat.format(date);
}

/** "3:45 PM" when today, otherwise the date and time: for "try again after …". */
export function formatTimeOrDateTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  return date.toDateString() === now.toDateString() ? timeFormat.format(date) : dateTimeFormat.format(date);
}

export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
