/**
 * Plain-words labels for the codes an 835 carries (billing-standards.md §4.3). The wording is ours, kept
 * short for a posting screen; the authoritative lists are X12's CARC list
 * (https://x12.org/codes/claim-adjustment-reason-codes) and the 835 guide's code lists for CLP02 and PLB03.
 */

/** CAS01 claim adjustment group codes. CR (corrections and reversals) was dropped in 5010 but still shows up. */
export const ADJUSTMENT_GROUP_LABELS: Readonly<Record<string, string>> = {
  CO: 'contractual obligation (write off, do not bill the client)',
  PR: 'patient responsibility (bill the client)',
  OA: 'other adjustment',
  PI: 'payer-initiated reduction',
  CR: 'correction or reversal',
};

/** CARC (claim adjustment reason codes) we name; others are shown as "reason code N". */
export const CARC_LABELS: Readonly<Record<string, string>> = {
  '1': 'deductible',
  '2': 'coinsurance',
  '3': 'copay',
  '16': 'claim is missing information or has a billing error',
  '18': 'duplicate of a claim or service already processed',
  '23': 'already paid or adjusted by a prior payer',
  '29': 'filed after the time limit for filing',
  '45': 'charge exceeds the fee schedule or contracted rate',
  '50': 'payer considers the service not medically necessary',
  '96': 'service not covered',
  '97': 'included in the payment for another service (bundled)',
  '197': 'precertification or authorization was not obtained',
  '204': "service is not covered under the patient's current plan",
};

export function carcLabel(reasonCode: string): string {
  return CARC_LABELS[reasonCode] ?? `reason code ${reasonCode}`;
}

/** CLP02 claim status codes (835 guide, 005010X221A1). */
export const CLAIM_STATUS_LABELS: Readonly<Record<string, string>> = {
  '1': 'processed as primary',
  '2': 'processed as secondary',
  '3': 'processed as tertiary',
  '4': 'denied',
  '19': 'processed as primary, forwarded to another payer',
  '20': 'processed as secondary, forwarded to another payer',
  '21': 'processed as tertiary, forwarded to another payer',
  '22': 'reversal of a previous payment',
  '23': 'not our claim, forwarded to another payer',
  '25': 'predetermination pricing only, no payment',
};

export function claimStatusLabel(statusCode: string): string {
  return CLAIM_STATUS_LABELS[statusCode] ?? `claim status ${statusCode}`;
}

/** PLB03-1 provider adjustment reason codes we name. A positive PLB amount reduces the payment. */
export const PROVIDER_ADJUSTMENT_LABELS: Readonly<Record<string, string>> = {
  '50': 'late filing charge',
  '51': 'interest penalty charge',
  '72': 'authorized return of funds',
  CS: 'adjustment',
  FB: 'forwarding balance (carried to or from another remittance)',
  IR: 'tax withholding',
  J1: 'non-reimbursable amount',
  L6: 'interest owed to the provider',
  LE: 'levy',
  TL: 'third-party liability recovery',
  WO: 'overpayment recovery',
  WU: 'recovery, unspecified',
};

export function providerAdjustmentLabel(reasonCode: string): string {
  return PROVIDER_ADJUSTMENT_LABELS[reasonCode] ?? `provider adjustment ${reasonCode}`;
}

/** X12 transaction set identifiers (ST01) we can name when someone uploads the wrong file. */
export const TRANSACTION_SET_NAMES: Readonly<Record<string, string>> = {
  '270': 'eligibility inquiry',
  '271': 'eligibility response',
  '276': 'claim status request',
  '277': 'claim status response',
  '820': 'premium payment',
  '834': 'benefit enrollment',
  '835': 'claim payment/remittance advice',
  '837': 'health care claim',
  '997': 'functional acknowledgment',
  '999': 'implementation acknowledgment',
};
