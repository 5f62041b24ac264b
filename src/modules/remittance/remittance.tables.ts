import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { clinics } from '../clinics/clinics.tables.js';

/** An uploaded 835 and what posting it did; the same file (by SHA-256) is posted once. */
export const remittances = pgTable(
  'remittances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    fileSha256: text('file_sha256').notNull(),
    file: text('file').notNull(),
    payerName: text('payer_name'),
    traceNumber: text('trace_number'),
    paymentDate: date('payment_date', { mode: 'string' }),
    totalPaidCents: integer('total_paid_cents').notNull(),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true, mode: 'date' }).notNull(),
    postedBy: uuid('posted_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    uniqueIndex('remittances_file_unique').on(t.clinicId, t.fileSha256),
    index('remittances_clinic_idx').on(t.clinicId, t.postedAt),
  ],
);
