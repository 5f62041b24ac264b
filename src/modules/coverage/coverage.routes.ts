import { createRoute } from '@hono/zod-openapi';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import {
  ZCase,
  ZCoverage,
  ZCreateCaseRequest,
  ZCreatePolicyRequest,
  ZPolicy,
  ZUpdateCaseRequest,
  ZUpdatePolicyRequest,
} from './coverage.schemas.js';
import type { CoverageService } from './coverage.service.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export function coverageRoutes(deps: { coverage: CoverageService; authorize: Authorize }) {
  const { coverage, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/coverage',
      tags: ['Coverage'],
      summary: "A client's insurance policies and auto / workers' comp cases",
      middleware: [authorize('billing:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZCoverage, 'Coverage'), ...problemResponses(401, 403, 404) },
    }),
    async (c) => c.json(await coverage.coverage(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/policies',
      tags: ['Coverage'],
      summary:
        'Add an insurance policy (primary / secondary; subscriber and relationship; member and group IDs)',
      middleware: [authorize('coverage:write')] as const,
      request: { params: ZIdParam, body: json(ZCreatePolicyRequest) },
      responses: { 201: jsonContent(ZPolicy, 'Added'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await coverage.createPolicy(requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/policies/{id}',
      tags: ['Coverage'],
      summary: 'Change or archive a policy (send its version)',
      middleware: [authorize('coverage:write')] as const,
      request: { params: ZIdParam, body: json(ZUpdatePolicyRequest) },
      responses: { 200: jsonContent(ZPolicy, 'Updated'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        await coverage.updatePolicy(requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/cases',
      tags: ['Coverage'],
      summary:
        "Open an auto (PIP / no-fault) or workers' comp case: claim number, injury date, state, adjuster, employer",
      middleware: [authorize('coverage:write')] as const,
      request: { params: ZIdParam, body: json(ZCreateCaseRequest) },
      responses: { 201: jsonContent(ZCase, 'Opened'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(await coverage.createCase(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/cases/{id}',
      tags: ['Coverage'],
      summary: 'Change or close a case (send its version)',
      middleware: [authorize('coverage:write')] as const,
      request: { params: ZIdParam, body: json(ZUpdateCaseRequest) },
      responses: { 200: jsonContent(ZCase, 'Updated'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await coverage.updateCase(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  return router;
}
