/**
 * The client ledger's vocabulary. Amounts are signed cents: + raises what is owed, − lowers it.
 * Buckets split who owes: the payer (insurance A/R) or the client (patient A/R).
 */
export const LEDGER_ENTRY_KINDS = [
  'charge',
  'insurance_payment',
  'patient_payment',
  'contractual_adjustment',
  'transfer_to_patient',
  'adjustment',
  'write_off',
  'refund',
  'reversal',
] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

export const LEDGER_BUCKETS = ['insurance', 'patient'] as const;
export type LedgerBucket = (typeof LEDGER_BUCKETS)[number];

export const PAYMENT_METHODS = ['cash', 'card', 'cheque', 'insurance', 'eft', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const LEDGER_KIND_LABELS: Record<LedgerEntryKind, string> = {
  charge: 'Charge',
  insurance_payment: 'Insurance payment',
  patient_payment: 'Patient payment',
  contractual_adjustment: 'Contractual adjustment',
  transfer_to_patient: 'Patient responsibility',
  adjustment: 'Adjustment',
  write_off: 'Write-off',
  refund: 'Refund',
  reversal: 'Reversal',
};
