/** Messaging module: the outbox of emails (and pluggable SMS) with delivery by the job queue. */
export {
  createMessagingService,
  DELIVER_JOB,
  type MessagingService,
  type NewMessage,
} from './messaging.service.js';
export { messagingRoutes } from './messaging.routes.js';
export { smtpSender, type MessageSender, type OutgoingMessage } from './senders.js';
export * from './domain/index.js';
