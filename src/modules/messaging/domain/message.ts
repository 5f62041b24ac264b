/** What kinds of message Palpa sends, and how a message fares. */
export const MESSAGE_KINDS = [
  'appointment_confirmation',
  'appointment_reminder',
  'appointment_cancelled',
  'questionnaire',
  'portal_invitation',
  'sign_in_link',
  'licence_reminder',
  'waitlist_offer',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * queued → sending → sent, or failed after the last attempt; held when no sender exists for the channel
 * (no SMTP_URL, no SMS provider): staff read it in the outbox and resend it once one is set up.
 */
export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed', 'held'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  appointment_confirmation: 'Appointment confirmation',
  appointment_reminder: 'Appointment reminder',
  appointment_cancelled: 'Cancellation notice',
  questionnaire: 'Questionnaire',
  portal_invitation: 'Portal invitation',
  sign_in_link: 'Sign-in link',
  licence_reminder: 'Licence reminder',
  waitlist_offer: 'Waitlist offer',
};

/**
 * Words that would put clinical detail into a message (HIPAA minimum necessary, §164.502(b)): email and
 * SMS are not secure channels, so appointment messages say when and where, never why. A test checks every
 * template against this list.
 */
export const CLINICAL_WORDS = [
  'diagnos',
  'pain',
  'injur',
  'prescription',
  'treatment for',
  'icd',
  'therapy for',
  'condition',
  'medical massage',
  'episode',
];

export function clinicalWordsIn(text: string): string[] {
  const lower = text.toLowerCase();
  return CLINICAL_WORDS.filter((word) => lower.includes(word));
}
