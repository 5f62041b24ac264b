import {
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { payers } from '../billing/billing.tables.js';
import { claimLines, claims } from '../claims/claims.tables.js';
import { clients } from '../clients/clients.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { coverageCases } from '../coverage/coverage.tables.js';
import { sessionNotes } from '../session-notes/session-notes.tables.js';
import { LEDGER_BUCKETS, LEDGER_ENTRY_KINDS, PAYMENT_METHODS } from './domain/ledger.js';

export const ledgerKindEnum = pgEnum('ledger_entry_kind', LEDGER_ENTRY_KINDS);
export const ledgerBucketEnum = pgEnum('ledger_bucket', LEDGER_BUCKETS);
export const paymentMethodEnum = pgEnum('payment_method', PAYMENT_METHODS);

/**
 * The financial ledger: append-only (drizzle/0007 triggers refuse UPDATE, DELETE and TRUNCATE). A
 * mistake is undone by a reversing entry that points at it. amount_cents is signed: positive raises what
 * is owed in the bucket (insurance or patient), negative lowers it.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    caseId: uuid('case_id').references(() => coverageCases.id),
    claimId: uuid('claim_id').references(() => claims.id),
    claimLineId: uuid('claim_line_id').references(() => claimLines.id),
    sessionNoteId: uuid('session_note_id').references(() => sessionNotes.id),
    payerId: uuid('payer_id').references(() => payers.id),
    remittanceId: uuid('remittance_id'),
    kind: ledgerKindEnum('kind').notNull(),
    bucket: ledgerBucketEnum('bucket').notNull(),
    method: paymentMethodEnum('method'),
    amountCents: integer('amount_cents').notNull(),
    /** Date of service of the charge this entry belongs to: ages the balance (A/R aging). */
    serviceDate: date('service_date', { mode: 'string' }).notNull(),
    postedOn: date('posted_on', { mode: 'string' }).notNull(),
    /** CARC reason code for adjustments (835 CAS02), e.g. "45". */
    reasonCode: text('reason_code'),
    /** CAS group: CO, PR, OA or PI. */
    adjustmentGroup: text('adjustment_group'),
    code: text('code'),
    units: integer('units'),
    reference: text('reference'),
    memo: text('memo'),
    reversesEntryId: uuid('reverses_entry_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('ledger_client_idx').on(t.clinicId, t.clientId, t.postedOn),
    index('ledger_claim_idx').on(t.clinicId, t.claimId),
    index('ledger_payer_idx').on(t.clinicId, t.payerId),
    // An entry is reversed at most once.
    uniqueIndex('ledger_reverses_unique').on(t.reversesEntryId),
  ],
);
