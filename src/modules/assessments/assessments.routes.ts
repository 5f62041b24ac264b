import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import { ZVersion } from '../../platform/http/zod-fields.js';
import {
  ZAssessment,
  ZCreateAssessmentRequest,
  ZMarkHistory,
  ZMarksQuery,
  ZUpdateAssessmentRequest,
} from './assessments.schemas.js';
import type { AssessmentsService } from './assessments.service.js';
import { ROM_NORMS, SPECIAL_TESTS } from './domain/assessment.js';
import { BODY_REGIONS } from './domain/body-regions.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export function assessmentsRoutes(deps: { assessments: AssessmentsService; authorize: Authorize }) {
  const { assessments, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/episodes/{id}/assessments',
      tags: ['Assessments'],
      summary: 'Record an initial assessment, re-evaluation or discharge assessment',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam, body: json(ZCreateAssessmentRequest) },
      responses: { 201: jsonContent(ZAssessment, 'Recorded'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await assessments.create(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}',
      tags: ['Assessments'],
      summary: 'One assessment with its body-chart marks, ROM (% of normal) and scored measures',
      middleware: [authorize('clinical:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZAssessment, 'The assessment'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await assessments.get(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/assessments/{id}',
      tags: ['Assessments'],
      summary: 'Replace an unsigned assessment (send its version)',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam, body: json(ZUpdateAssessmentRequest) },
      responses: { 200: jsonContent(ZAssessment, 'Saved'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await assessments.update(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/sign',
      tags: ['Assessments'],
      summary: 'Sign an assessment: it can never change afterwards',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam, body: json(z.strictObject({ version: ZVersion })) },
      responses: { 200: jsonContent(ZAssessment, 'Signed'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        await assessments.sign(requestContext(c), c.req.valid('param').id, c.req.valid('json').version),
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/episodes/{id}/marks',
      tags: ['Assessments'],
      summary: 'Body-chart marks across visits, by region and/or type (e.g. trigger points in one muscle)',
      middleware: [authorize('clinical:read')] as const,
      request: { params: ZIdParam, query: ZMarksQuery },
      responses: {
        200: jsonContent(ZMarkHistory, 'Marks, oldest first'),
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(await assessments.marks(requestContext(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/assessment-reference',
      tags: ['Assessments'],
      summary: 'Body-chart regions, normal ROM values and special tests (reference data)',
      middleware: [authorize('signed-in')] as const,
      responses: {
        200: jsonContent(
          z.object({
            bodyRegions: z.array(
              z.object({ id: z.string(), view: z.string(), label: z.string(), side: z.string() }),
            ),
            romNorms: z.array(
              z.object({ joint: z.string(), movement: z.string(), degrees: z.number(), source: z.string() }),
            ),
            specialTests: z.array(z.object({ id: z.string(), label: z.string(), suggests: z.string() })),
          }),
          'Reference data',
        ),
        ...problemResponses(401),
      },
    }),
    (c) =>
      c.json(
        {
          bodyRegions: BODY_REGIONS.map((r) => ({ id: r.id, view: r.view, label: r.label, side: r.side })),
          romNorms: [...ROM_NORMS],
          specialTests: [...SPECIAL_TESTS],
        },
        200,
      ),
  );

  return router;
}
