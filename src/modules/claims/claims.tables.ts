import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { payers } from '../billing/billing.tables.js';
import { clients } from '../clients/clients.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { coverageCases, insurancePolicies } from '../coverage/coverage.tables.js';
import { episodes } from '../episodes/episodes.tables.js';
import { prescriptions } from '../prescriptions/prescriptions.tables.js';
import { sessionNotes } from '../session-notes/session-notes.tables.js';
import { CLAIM_STATUSES } from './domain/claim-lifecycle.js';
import type { ClaimDocument } from './domain/claim-document.js';
import type { ScrubProblem } from './domain/claim-scrubber.js';

export const claimStatusEnum = pgEnum('claim_status', CLAIM_STATUSES);

export type ReferringProvider = { givenName: string; familyName: string; npi: string | null };

/** One professional claim: one client, payer and prescriber (billing-standards.md §3 box 17). */
export const claims = pgTable(
  'claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    payerId: uuid('payer_id')
      .notNull()
      .references(() => payers.id),
    policyId: uuid('policy_id').references(() => insurancePolicies.id),
    caseId: uuid('case_id').references(() => coverageCases.id),
    prescriptionId: uuid('prescription_id').references(() => prescriptions.id),
    renderingProviderId: uuid('rendering_provider_id')
      .notNull()
      .references(() => users.id),
    referringProvider: jsonb('referring_provider').$type<ReferringProvider>(),
    status: claimStatusEnum('status').notNull(),
    /** 1 original, 7 replacement, 8 void (CLM05-3, box 22). */
    frequencyCode: text('frequency_code').$type<'1' | '7' | '8'>().notNull(),
    originalClaimId: uuid('original_claim_id'),
    /** The payer's claim control number (835 CLP07): needed to replace or void the claim later. */
    payerClaimNumber: text('payer_claim_number'),
    /** CLM01 / box 26: unique within the clinic; comes back in the 835 as CLP01. */
    controlNumber: text('control_number').notNull(),
    placeOfService: text('place_of_service').notNull(),
    /** ICD-10-CM codes with dots, primary first (box 21 A–L). */
    diagnoses: jsonb('diagnoses').$type<string[]>().notNull(),
    priorAuthNumber: text('prior_auth_number'),
    onsetDate: date('onset_date', { mode: 'string' }),
    totalChargeCents: integer('total_charge_cents').notNull(),
    lastScrub: jsonb('last_scrub').$type<ScrubProblem[]>(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    /** The claim exactly as sent (frozen at submission): outputs of a sent claim never drift. */
    document: jsonb('document').$type<ClaimDocument>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    uniqueIndex('claims_control_number_unique').on(t.clinicId, t.controlNumber),
    index('claims_clinic_status_idx').on(t.clinicId, t.status, t.createdAt),
    index('claims_client_idx').on(t.clinicId, t.clientId),
  ],
);

/** Service lines (box 24; 837P loop 2400): one date of service and code each. */
export const claimLines = pgTable(
  'claim_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id),
    sessionNoteId: uuid('session_note_id')
      .notNull()
      .references(() => sessionNotes.id),
    lineNumber: integer('line_number').notNull(),
    serviceDate: date('service_date', { mode: 'string' }).notNull(),
    code: text('code').notNull(),
    modifiers: text('modifiers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    diagnosisPointers: integer('diagnosis_pointers').array().notNull(),
    units: integer('units').notNull(),
    minutes: integer('minutes'),
    /** Body regions from the note: the scrubber needs them for same-region bundling rules. */
    regions: text('regions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    chargeCents: integer('charge_cents').notNull(),
    /** REF*6R: the 835 returns it so a payment finds its line. */
    lineControlNumber: text('line_control_number').notNull(),
  },
  (t) => [
    index('claim_lines_claim_idx').on(t.claimId, t.lineNumber),
    index('claim_lines_note_idx').on(t.clinicId, t.sessionNoteId),
  ],
);

/** Every change of a claim's status, with who and when: append-only (drizzle/0007). */
export const claimEvents = pgTable(
  'claim_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id),
    fromStatus: claimStatusEnum('from_status'),
    toStatus: claimStatusEnum('to_status').notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
    byName: text('by_name').notNull(),
  },
  (t) => [index('claim_events_claim_idx').on(t.claimId, t.at)],
);

/** An 837P interchange sent for a set of ready claims; the file is kept exactly as generated. */
export const claimBatches = pgTable(
  'claim_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    interchangeControlNumber: integer('interchange_control_number').notNull(),
    claimIds: uuid('claim_ids').array().notNull(),
    claimCount: integer('claim_count').notNull(),
    totalChargeCents: integer('total_charge_cents').notNull(),
    file: text('file').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex('claim_batches_isa13_unique').on(t.clinicId, t.interchangeControlNumber)],
);
