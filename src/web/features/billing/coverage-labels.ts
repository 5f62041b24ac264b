/** How the billing screens word coverage, ledger and payer vocabularies (the server sends codes). */
import type { CaseKind, PolicyPriority } from '../../../modules/coverage/domain/coverage.js';
import type { LedgerBucket, PaymentMethod } from '../../../modules/ledger/domain/ledger.js';

export const PRIORITY_LABELS: Record<PolicyPriority, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  tertiary: 'Tertiary',
};

export const RELATIONSHIP_LABELS: Record<'self' | 'spouse' | 'child' | 'other', string> = {
  self: 'Self (the client is the insured)',
  spouse: 'Spouse',
  child: 'Child',
  other: 'Other',
};

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  auto: 'Auto accident (PIP / no-fault)',
  workers_comp: "Workers' compensation",
  other_accident: 'Other accident',
};

export const CLAIM_TYPE_LABELS: Record<'health' | 'auto' | 'workers_comp', string> = {
  health: 'Health insurance',
  auto: 'Auto (PIP / no-fault)',
  workers_comp: "Workers' compensation",
};

export const UNIT_METHOD_LABELS: Record<'cms' | 'per-code', string> = {
  cms: 'CMS 8-minute rule (minutes pooled per day)',
  'per-code': 'Per code (each code on its own minutes)',
};

export const UNIT_METHOD_SHORT: Record<'cms' | 'per-code', string> = {
  cms: '8-minute rule',
  'per-code': 'Per code',
};

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Cash',
  card: 'Card',
  cheque: 'Cheque',
  insurance: 'Insurance',
  eft: 'Bank transfer (EFT)',
  other: 'Other',
};

export const BUCKET_LABELS: Record<LedgerBucket, string> = {
  insurance: 'Insurance balance',
  patient: 'Client balance',
};

export const SEX_LABELS: Record<'F' | 'M' | 'U', string> = { F: 'Female', M: 'Male', U: 'Unknown' };
