import { createRoute } from '@hono/zod-openapi';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import { ZSaveTreatmentPlanRequest, ZTreatmentPlan } from './treatment-plans.schemas.js';
import type { TreatmentPlansService } from './treatment-plans.service.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export function treatmentPlansRoutes(deps: { plans: TreatmentPlansService; authorize: Authorize }) {
  const { plans, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/episodes/{id}/plan',
      tags: ['Treatment plans'],
      summary: 'The plan of care with each goal’s progress from the latest scores',
      middleware: [authorize('clinical:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZTreatmentPlan, 'The plan'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await plans.get(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/episodes/{id}/plan',
      tags: ['Treatment plans'],
      summary: 'Save the plan of care (problems, measurable goals, techniques, frequency, precautions)',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam, body: json(ZSaveTreatmentPlanRequest) },
      responses: { 200: jsonContent(ZTreatmentPlan, 'Saved'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await plans.save(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  return router;
}
