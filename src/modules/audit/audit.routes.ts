import { createRoute } from '@hono/zod-openapi';
import { jsonContent, problemResponses } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import { ZAuditPage, ZListAuditQuery } from './audit.schemas.js';
import type { AuditService } from './audit.service.js';

export function auditRoutes(deps: { audit: AuditService; authorize: Authorize }) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/audit',
      tags: ['Audit'],
      summary: 'Audit events of the clinic, newest first; filter by client or by user',
      middleware: [deps.authorize('audit:read')] as const,
      request: { query: ZListAuditQuery },
      responses: {
        200: jsonContent(ZAuditPage, 'A page of audit events'),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => c.json(await deps.audit.list(requestContext(c), c.req.valid('query')), 200),
  );
  return router;
}
