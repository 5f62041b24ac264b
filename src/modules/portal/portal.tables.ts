import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { clients } from '../clients/clients.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { episodes } from '../episodes/episodes.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A client-portal account (issue 7, item 10): a separate kind of account from staff users — other tables,
 * another cookie — so it can never pass the staff gate. One account may hold several clients (a guardian
 * for a child or a dependent adult): `portal_access`.
 */
export const portalAccounts = pgTable(
  'portal_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    totpSecret: text('totp_secret'),
    totpEnabledAt: at('totp_enabled_at'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: at('locked_until'),
    lastLoginAt: at('last_login_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('portal_accounts_email_idx').on(t.clinicId, t.email)],
);

export const portalAccess = pgTable(
  'portal_access',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => portalAccounts.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    relationship: text('relationship', { enum: ['self', 'guardian'] }).notNull(),
    grantedBy: uuid('granted_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.clientId] }),
    index('portal_access_client_idx').on(t.clientId),
  ],
);

export const portalSessions = pgTable(
  'portal_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => portalAccounts.id),
    createdAt: at('created_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('portal_sessions_account_idx').on(t.accountId)],
);

/** One-use links: an invitation (set a password) or a sign-in link sent by email. */
export const portalTokens = pgTable('portal_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  accountId: uuid('account_id')
    .notNull()
    .references(() => portalAccounts.id),
  purpose: text('purpose', { enum: ['invitation', 'sign_in'] }).notNull(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
  createdAt: at('created_at').notNull(),
});

/**
 * What a client filled in the portal: intake health history, consent, outcome questionnaires (scored on
 * arrival). The therapist sees each as "completed by client" and takes it into the chart.
 */
export const clientSubmissions = pgTable(
  'client_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    episodeId: uuid('episode_id').references(() => episodes.id),
    kind: text('kind', { enum: ['intake', 'outcome_measure'] }).notNull(),
    instrumentId: text('instrument_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    score: jsonb('score').$type<Record<string, unknown>>(),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => portalAccounts.id),
    submittedAt: at('submitted_at').notNull(),
    reviewedAt: at('reviewed_at'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
  },
  (t) => [index('client_submissions_client_idx').on(t.clinicId, t.clientId, t.submittedAt)],
);
