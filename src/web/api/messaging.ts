import type { TOutboxMessage } from '../../modules/messaging/messaging.schemas.js';
import { apiRequest } from './http.js';

export type OutboxMessage = TOutboxMessage;
export type Outbox = { items: OutboxMessage[]; channels: { email: boolean; sms: boolean } };

export const OUTBOX_KEY = ['outbox'] as const;

export const getOutbox = (status?: string): Promise<Outbox> =>
  apiRequest<Outbox>('/outbox', { query: { status: status || undefined } });

export const resendMessage = (id: string): Promise<OutboxMessage> =>
  apiRequest<OutboxMessage>(`/outbox/${id}/resend`, { method: 'POST' });
