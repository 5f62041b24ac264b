/** Shared wording and helpers of the CE pages: state badges, urgency order, certificate files. */
import type { Credential } from '../../../api/learning.js';

export type CeState = Credential['status']['state'];

export const CE_STATES: Record<CeState, { label: string; color: string; rank: number }> = {
  overdue: { label: 'Overdue', color: 'red', rank: 0 },
  due_soon: { label: 'Due soon', color: 'orange', rank: 1 },
  in_progress: { label: 'In progress', color: 'blue', rank: 2 },
  complete: { label: 'Complete', color: 'green', rank: 3 },
};

/** Most urgent first: overdue, then due soon, then in progress, then complete; sooner expiry first. */
export function byUrgency(a: Credential, b: Credential): number {
  return (
    CE_STATES[a.status.state].rank - CE_STATES[b.status.state].rank || a.status.daysLeft - b.status.daysLeft
  );
}

export function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `${-daysLeft} ${daysLeft === -1 ? 'day' : 'days'} overdue`;
  if (daysLeft === 0) return 'expires today';
  return `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left`;
}

/** "1.5 h" without a trailing ".0". */
export const hours = (n: number): string => `${Math.round(n * 100) / 100} h`;

/** Jurisdictions whose first renewal after the licence was issued follows its own rule. */
export const FIRST_RENEWAL_HELP: Record<string, string> = {
  FL:
    'Florida: the first renewal asks for one CE hour for each month or part of a month you were licensed ' +
    '(at most 24), including 2 h on preventing medical errors and 1 h on human trafficking. Enter the issue date.',
  NY: 'New York: no CE is needed in the first registration period after the licence was issued.',
};

export const CERTIFICATE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];
export const CERTIFICATE_MAX_BYTES = 2 * 1024 * 1024;

export type CertificateFile = { name: string; mime: CertificateType; data: string };

/** Checks a chosen certificate; a sentence when it cannot be sent. */
export function certificateProblem(file: File): string | null {
  if (!(CERTIFICATE_TYPES as readonly string[]).includes(file.type)) return 'Choose a PDF, JPEG or PNG file.';
  if (file.size > CERTIFICATE_MAX_BYTES) return 'Choose a file of at most 2 MB.';
  if (file.size === 0) return 'This file is empty.';
  return null;
}

/** Reads a file in the browser as base64 (without the data: prefix). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error('The file could not be read. Try choosing it again.'));
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : '';
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
