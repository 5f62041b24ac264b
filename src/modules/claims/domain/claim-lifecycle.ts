/**
 * Claim lifecycle (issue 5, item 6): draft → ready → submitted → accepted / rejected → paid / partially
 * paid / denied → corrected (a frequency-7 replacement is made) / voided (a frequency-8 void is made) /
 * appealed. Transitions not listed here are refused, and every one taken is recorded (claim_events).
 */
export const CLAIM_STATUSES = [
  'draft',
  'ready',
  'submitted',
  'accepted',
  'rejected',
  'paid',
  'partially_paid',
  'denied',
  'appealed',
  'corrected',
  'voided',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  draft: 'Draft',
  ready: 'Ready to send',
  submitted: 'Submitted',
  accepted: 'Accepted by payer',
  rejected: 'Rejected',
  paid: 'Paid',
  partially_paid: 'Partially paid',
  denied: 'Denied',
  appealed: 'Appealed',
  corrected: 'Replaced by a corrected claim',
  voided: 'Voided',
};

const TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  draft: ['ready'],
  ready: ['draft', 'submitted'],
  submitted: ['accepted', 'rejected', 'paid', 'partially_paid', 'denied'],
  // A rejected claim never reached adjudication: fix it and send it again as an original.
  rejected: ['draft'],
  accepted: ['paid', 'partially_paid', 'denied', 'corrected', 'voided'],
  paid: ['corrected', 'voided'],
  partially_paid: ['paid', 'appealed', 'corrected', 'voided'],
  denied: ['appealed', 'corrected', 'voided', 'paid', 'partially_paid'],
  appealed: ['paid', 'partially_paid', 'denied'],
  corrected: [],
  voided: [],
};

export function allowedTransitions(from: ClaimStatus): readonly ClaimStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: ClaimStatus, to: ClaimStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses a person may set by hand; the others follow from actions (scrub, batch, 835, correct, void). */
export const MANUAL_TRANSITIONS: readonly ClaimStatus[] = [
  'draft',
  'submitted',
  'accepted',
  'rejected',
  'paid',
  'partially_paid',
  'denied',
  'appealed',
];

/** A claim still open with the payer: its lines cannot be billed again to that payer. */
export function isActiveClaim(status: ClaimStatus): boolean {
  return status !== 'corrected' && status !== 'voided' && status !== 'rejected';
}

/** A claim whose payer already holds it: changes go through a replacement (7) or a void (8). */
export function needsReplacementToChange(status: ClaimStatus): boolean {
  return ['accepted', 'paid', 'partially_paid', 'denied', 'appealed'].includes(status);
}
