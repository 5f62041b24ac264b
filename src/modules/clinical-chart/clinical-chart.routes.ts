import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import {
  ZClinicalChart,
  ZClinicalOverview,
  ZEpisodeServices,
  ZReportQuery,
} from './clinical-chart.schemas.js';
import type { ClinicalChartService } from './clinical-chart.service.js';

export function clinicalChartRoutes(deps: { chart: ClinicalChartService; authorize: Authorize }) {
  const { chart, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/episodes/{id}/chart',
      tags: ['Clinical chart'],
      summary:
        'The whole episode: prescriptions, intake, alerts, assessments, plan, notes, measures, timeline',
      middleware: [authorize('clinical:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZClinicalChart, 'The chart'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await chart.chart(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/episodes/{id}/services',
      tags: ['Clinical chart'],
      summary: "Billing view: diagnoses and signed sessions' services and minutes (no narrative)",
      middleware: [authorize('clinical:services')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZEpisodeServices, 'Services'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await chart.services(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/clinical-overview',
      tags: ['Clinical chart'],
      summary: "A client's episodes at a glance: visits used/remaining, expiry warnings, last session",
      middleware: [authorize('episodes:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZClinicalOverview, 'Overview'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await chart.overview(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/episodes/{id}/progress-report.pdf',
      tags: ['Clinical chart'],
      summary: 'Progress report (or ?kind=discharge summary) PDF for the prescriber',
      middleware: [authorize('clinical:read')] as const,
      request: { params: ZIdParam, query: ZReportQuery },
      responses: {
        200: {
          description: 'The PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { pdf, fileName } = await chart.progressReport(
        requestContext(c),
        c.req.valid('param').id,
        c.req.valid('query'),
      );
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="${fileName}"`);
      c.header('Cache-Control', 'no-store');
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/episodes/{id}/renewal-request.pdf',
      tags: ['Clinical chart'],
      summary:
        'A letter asking the prescriber to renew the prescription (visits used, progress, what is asked)',
      middleware: [authorize('clinical:read')] as const,
      request: { params: ZIdParam },
      responses: {
        200: {
          description: 'The PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...problemResponses(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { pdf, fileName } = await chart.renewalRequest(requestContext(c), c.req.valid('param').id);
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="${fileName}"`);
      c.header('Cache-Control', 'no-store');
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200);
    },
  );

  return router;
}
