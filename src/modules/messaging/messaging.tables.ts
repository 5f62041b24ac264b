import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clients } from '../clients/clients.tables.js';
import { clinics } from '../clinics/clinics.tables.js';
import { MESSAGE_KINDS, MESSAGE_STATUSES } from './domain/message.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Every message Palpa sends (issue 7, item 6): written in the same transaction as what caused it, then
 * delivered by a job. With no email server configured it waits here as "held", for staff to read and
 * resend. `dedupe_key` makes a reminder exist once per appointment and start time, whoever scans for it.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    clientId: uuid('client_id').references(() => clients.id),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    kind: text('kind', { enum: MESSAGE_KINDS }).notNull(),
    toAddress: text('to_address').notNull(),
    toName: text('to_name'),
    /** The clinic's name: who the client sees the message from. */
    fromName: text('from_name').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull(),
    dedupeKey: text('dedupe_key'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    sentAt: at('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_messages_dedupe_idx').on(t.clinicId, t.dedupeKey),
    index('outbox_messages_clinic_idx').on(t.clinicId, t.createdAt),
    index('outbox_messages_client_idx').on(t.clinicId, t.clientId),
  ],
);
