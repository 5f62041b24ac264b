import { createRoute } from '@hono/zod-openapi';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import { ZOutbox, ZOutboxMessage, ZOutboxQuery } from './messaging.schemas.js';
import type { MessagingService } from './messaging.service.js';

export function messagingRoutes(deps: { messaging: MessagingService; authorize: Authorize }) {
  const { messaging, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/outbox',
      tags: ['Messages'],
      summary: 'Messages sent and waiting (held when no email server or SMS provider is set up)',
      middleware: [authorize('schedule:read')] as const,
      request: { query: ZOutboxQuery },
      responses: { 200: jsonContent(ZOutbox, 'Outbox'), ...problemResponses(400, 401, 403) },
    }),
    async (c) =>
      c.json(
        {
          items: await messaging.list(requestContext(c), c.req.valid('query')),
          channels: messaging.channels(),
        },
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/outbox/{id}/resend',
      tags: ['Messages'],
      summary: 'Send a held or failed message again',
      middleware: [authorize('schedule:write')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZOutboxMessage, 'Queued'), ...problemResponses(401, 403, 404, 409) },
    }),
    async (c) => c.json(await messaging.resend(requestContext(c), c.req.valid('param').id), 200),
  );

  return router;
}
