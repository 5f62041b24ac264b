import { z } from '@hono/zod-openapi';
import { MESSAGE_KINDS, MESSAGE_STATUSES } from './domain/message.js';

export const ZOutboxMessage = z
  .object({
    id: z.string().uuid(),
    clientId: z.string().uuid().nullable(),
    channel: z.enum(['email', 'sms']),
    kind: z.enum(MESSAGE_KINDS),
    to: z.string(),
    toName: z.string().nullable(),
    subject: z.string(),
    body: z.string(),
    status: z.enum(MESSAGE_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string().datetime(),
    sentAt: z.string().datetime().nullable(),
  })
  .openapi('OutboxMessage');
export type TOutboxMessage = z.infer<typeof ZOutboxMessage>;

export const ZOutboxQuery = z.strictObject({
  status: z.enum(MESSAGE_STATUSES).optional(),
  clientId: z.string().uuid().optional(),
});

export const ZOutbox = z
  .object({
    items: z.array(ZOutboxMessage),
    /** Which channels can deliver now (email needs SMTP_URL). */
    channels: z.object({ email: z.boolean(), sms: z.boolean() }),
  })
  .openapi('Outbox');
