import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.js';
import type { Database, Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { recordAudit } from '../audit/index.js';
import type { JobQueue } from '../jobs/index.js';
import type { MessageKind } from './domain/message.js';
import * as repo from './messaging.repository.js';
import type { TOutboxMessage } from './messaging.schemas.js';
import type { MessageSender } from './senders.js';

export const DELIVER_JOB = 'message.deliver';
const MAX_SEND_ATTEMPTS = 5;

export type NewMessage = {
  clinicId: string;
  clinicName: string;
  clientId: string | null;
  channel: 'email' | 'sms';
  kind: MessageKind;
  to: string;
  toName: string | null;
  subject: string;
  body: string;
  /** A message that must exist once (a reminder per appointment and start): a second one is not made. */
  dedupeKey?: string;
};

function toMessage(row: repo.MessageRow): TOutboxMessage {
  return {
    id: row.id,
    clientId: row.clientId,
    channel: row.channel,
    kind: row.kind,
    to: row.toAddress,
    toName: row.toName,
    subject: row.subject,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

export function createMessagingService(deps: {
  database: Database;
  clock: Clock;
  jobs: JobQueue;
  logger: Logger;
  senders: MessageSender[];
}) {
  const { database, clock, jobs } = deps;
  const senderFor = (channel: 'email' | 'sms') => deps.senders.find((s) => s.channel === channel);

  async function deliver(messageId: string, attempt: number): Promise<void> {
    const message = await repo.takeForSending(database.db, messageId, attempt > 1);
    if (!message) return; // sent already, taken by another worker, or held
    const sender = senderFor(message.channel);
    if (!sender) {
      await repo.markMessage(database.db, message.id, {
        status: 'held',
        lastError: 'No sender is set up for this channel.',
      });
      return;
    }
    try {
      await sender.send({
        to: message.toAddress,
        toName: message.toName,
        subject: message.subject,
        body: message.body,
        fromName: message.fromName,
      });
      await repo.markMessage(database.db, message.id, {
        status: 'sent',
        sentAt: clock.now(),
        lastError: null,
      });
    } catch (err) {
      const error = (err as Error).message;
      await repo.markMessage(database.db, message.id, {
        status: message.attempts >= MAX_SEND_ATTEMPTS ? 'failed' : 'queued',
        lastError: error,
      });
      throw err;
    }
  }

  jobs.register(DELIVER_JOB, async (payload, job) => deliver(String(payload.messageId), job.attempts));

  return {
    channels: () => ({ email: Boolean(senderFor('email')), sms: Boolean(senderFor('sms')) }),

    /**
     * Writes a message in the caller's transaction and asks a worker to deliver it once that commits
     * (the transactional outbox). Without a sender for the channel it is held for staff to see.
     */
    async enqueue(tx: Db, message: NewMessage): Promise<repo.MessageRow | undefined> {
      const sender = senderFor(message.channel);
      const row = await repo.insertMessage(tx, {
        clinicId: message.clinicId,
        clientId: message.clientId,
        channel: message.channel,
        kind: message.kind,
        toAddress: message.to,
        toName: message.toName,
        fromName: message.clinicName,
        subject: message.subject,
        body: message.body,
        status: sender ? 'queued' : 'held',
        dedupeKey: message.dedupeKey ?? null,
        lastError: sender
          ? null
          : `No ${message.channel === 'email' ? 'email server (SMTP_URL)' : 'SMS provider'} is set up.`,
        createdAt: clock.now(),
      });
      if (row && sender)
        await jobs.enqueue(tx, {
          kind: DELIVER_JOB,
          payload: { messageId: row.id },
          maxAttempts: MAX_SEND_ATTEMPTS,
        });
      return row;
    },

    async list(
      ctx: RequestContext,
      query: { status?: repo.MessageRow['status'] | undefined; clientId?: string | undefined },
    ): Promise<TOutboxMessage[]> {
      return database.db.transaction(async (tx) => {
        const rows = await repo.listMessages(tx, ctx.clinicId, { ...query, limit: 200 });
        const clientIds = [...new Set(rows.flatMap((r) => (r.clientId ? [r.clientId] : [])))];
        await recordAudit(tx, ctx, {
          action: 'message.listed',
          entityType: 'outbox',
          clientIds,
          detail: { count: rows.length },
        });
        return rows.map(toMessage);
      });
    },

    async resend(ctx: RequestContext, id: string): Promise<TOutboxMessage> {
      return database.db.transaction(async (tx) => {
        const row = await repo.findMessage(tx, ctx.clinicId, id);
        if (!row) throw notFound('The message');
        if (!senderFor(row.channel))
          throw new AppError(
            'conflict',
            row.channel === 'email'
              ? 'No email server is set up (SMTP_URL): the message stays in the outbox. Read it to the client, or set up email and resend.'
              : 'No SMS provider is set up: the message stays in the outbox.',
          );
        if (row.status === 'sending' || row.status === 'queued')
          throw new AppError('conflict', 'This message is on its way already.');
        const updated = await repo.markMessage(tx, id, { status: 'queued', lastError: null });
        await jobs.enqueue(tx, {
          kind: DELIVER_JOB,
          payload: { messageId: id },
          maxAttempts: MAX_SEND_ATTEMPTS,
        });
        await recordAudit(tx, ctx, {
          action: 'message.resent',
          entityType: 'outbox_message',
          entityId: id,
          clientIds: row.clientId ? [row.clientId] : [],
        });
        return toMessage(updated!);
      });
    },
  };
}
export type MessagingService = ReturnType<typeof createMessagingService>;
