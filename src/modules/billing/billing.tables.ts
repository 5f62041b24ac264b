import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import type { PostalAddress } from '../claims/domain/index.js';
import { CLAIM_TYPES, type FILING_INDICATORS, UNIT_METHODS } from './domain/billing-setup.js';

export const claimTypeEnum = pgEnum('claim_type', CLAIM_TYPES);
export const unitMethodEnum = pgEnum('unit_method', UNIT_METHODS);

/**
 * The clinic as a billing provider (CMS-1500 box 25, 33; 837P 2010AA) and its EDI identity. One row per
 * clinic. Control numbers are counters here so two batches never share an ISA13.
 */
export const billingProfiles = pgTable('billing_profiles', {
  clinicId: uuid('clinic_id')
    .primaryKey()
    .references(() => clinics.id),
  legalName: text('legal_name').notNull(),
  taxId: text('tax_id').notNull(),
  taxIdType: text('tax_id_type').$type<'EIN' | 'SSN'>().notNull(),
  billingNpi: text('billing_npi').notNull(),
  taxonomy: text('taxonomy').notNull(),
  address: jsonb('address').$type<PostalAddress>().notNull(),
  phone: text('phone'),
  placeOfService: text('place_of_service').notNull().default('11'),
  acceptAssignment: boolean('accept_assignment').notNull().default(true),
  submitterId: text('submitter_id').notNull(),
  submitterContact: text('submitter_contact').notNull(),
  receiverId: text('receiver_id').notNull(),
  receiverName: text('receiver_name').notNull(),
  /** 'T' test or 'P' production (ISA15). */
  usage: text('usage').$type<'T' | 'P'>().notNull().default('T'),
  lastInterchangeControlNumber: integer('last_interchange_control_number').notNull().default(0),
  lastClaimNumber: integer('last_claim_number').notNull().default(0),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => users.id),
});

/** Insurers a clinic bills, with how each counts units and its bundling rules (billing-standards.md §1, §2.1). */
export const payers = pgTable(
  'payers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    name: text('name').notNull(),
    payerId: text('payer_id').notNull(),
    address: jsonb('address').$type<PostalAddress>(),
    phone: text('phone'),
    claimType: claimTypeEnum('claim_type').notNull(),
    filingIndicator: text('filing_indicator').$type<(typeof FILING_INDICATORS)[number]>().notNull(),
    unitMethod: unitMethodEnum('unit_method').notNull(),
    requiresGp: boolean('requires_gp').notNull().default(false),
    /** The payer pays 97124 and 97140 on the same region as one service unless 59/XS marks distinct regions. */
    bundles97124With97140: boolean('bundles_97124_with_97140').notNull().default(false),
    /** Requires the prescription's referring provider on every claim (common for WC and auto). */
    requiresReferringProvider: boolean('requires_referring_provider').notNull().default(true),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('payers_clinic_idx').on(t.clinicId, t.name)],
);

/** A clinic's own service codes, or its own wording/timing for a standard one. */
export const clinicServiceCodes = pgTable(
  'clinic_service_codes',
  {
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    code: text('code').notNull(),
    description: text('description').notNull(),
    timed: boolean('timed').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [unique('clinic_service_codes_pk').on(t.clinicId, t.code)],
);

/** Fee per unit for a code: the clinic's standard fee (payer null) or a payer's contracted fee. */
export const feeSchedule = pgTable(
  'fee_schedule',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    code: text('code').notNull(),
    payerId: uuid('payer_id').references(() => payers.id),
    feeCents: integer('fee_cents').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [unique('fee_schedule_code_payer_unique').on(t.clinicId, t.code, t.payerId).nullsNotDistinct()],
);

/** Each therapist's own billing identity: individual NPI (box 24J), taxonomy and licence state. */
export const providerBillingIds = pgTable('provider_billing_ids', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  clinicId: uuid('clinic_id')
    .notNull()
    .references(() => clinics.id),
  npi: text('npi').notNull(),
  taxonomy: text('taxonomy').notNull(),
  licenseState: text('license_state'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** A clinic's own procedure-to-procedure edit table (replaces the shipped starting set when present). */
export const clinicCodePairEdits = pgTable(
  'clinic_code_pair_edits',
  {
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    column1: text('column1').notNull(),
    column2: text('column2').notNull(),
    modifierIndicator: text('modifier_indicator').$type<'0' | '1'>().notNull(),
    source: text('source').notNull(),
  },
  (t) => [unique('clinic_code_pair_edits_pk').on(t.clinicId, t.column1, t.column2)],
);
