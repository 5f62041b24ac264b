import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { payers } from '../billing/billing.tables.js';
import { clients } from '../clients/clients.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { episodes } from '../episodes/episodes.tables.js';
import type { PostalAddress } from '../claims/domain/index.js';
import {
  CASE_KINDS,
  POLICY_PRIORITIES,
  RELATIONSHIPS,
  type CaseContact,
  type Subscriber,
} from './domain/coverage.js';

export const policyPriorityEnum = pgEnum('policy_priority', POLICY_PRIORITIES);
export const relationshipEnum = pgEnum('insured_relationship', RELATIONSHIPS);
export const caseKindEnum = pgEnum('case_kind', CASE_KINDS);

/** A client's health insurance (CMS-1500 boxes 1a, 4, 6, 7, 11, 11a, 11c; 837P 2000B/2010BA). */
export const insurancePolicies = pgTable(
  'insurance_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    payerId: uuid('payer_id')
      .notNull()
      .references(() => payers.id),
    priority: policyPriorityEnum('priority').notNull(),
    memberId: text('member_id').notNull(),
    groupNumber: text('group_number'),
    planName: text('plan_name'),
    relationship: relationshipEnum('relationship').notNull(),
    /** The insured person when not the client (relationship ≠ self). */
    subscriber: jsonb('subscriber').$type<Subscriber>(),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    effectiveTo: date('effective_to', { mode: 'string' }),
    copayCents: integer('copay_cents'),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('insurance_policies_client_idx').on(t.clinicId, t.clientId)],
);

/**
 * An auto (PIP / no-fault) or workers' compensation case: the carrier's claim number and the injury that a
 * claim carries into boxes 10a–c, 11b, 14 and 16 (billing-standards.md §5).
 */
export const coverageCases = pgTable(
  'coverage_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    episodeId: uuid('episode_id').references(() => episodes.id),
    payerId: uuid('payer_id')
      .notNull()
      .references(() => payers.id),
    kind: caseKindEnum('kind').notNull(),
    claimNumber: text('claim_number'),
    /** Insured's id at the carrier when it differs from the claim number (e.g. the auto policy number). */
    policyNumber: text('policy_number'),
    injuryDate: date('injury_date', { mode: 'string' }),
    /** Two-letter state where the accident happened (box 10b). */
    accidentState: text('accident_state'),
    adjuster: jsonb('adjuster').$type<CaseContact>(),
    attorney: jsonb('attorney').$type<CaseContact>(),
    employerName: text('employer_name'),
    employerAddress: jsonb('employer_address').$type<PostalAddress>(),
    unableToWorkFrom: date('unable_to_work_from', { mode: 'string' }),
    unableToWorkTo: date('unable_to_work_to', { mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('coverage_cases_client_idx').on(t.clinicId, t.clientId)],
);
