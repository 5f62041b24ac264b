import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import {
  ZClientAlerts,
  ZConsent,
  ZConsentText,
  ZIntake,
  ZSaveIntakeRequest,
  ZSignConsentRequest,
} from './intake.schemas.js';
import type { IntakeService } from './intake.service.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export function intakeRoutes(deps: { intake: IntakeService; authorize: Authorize }) {
  const { intake, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/episodes/{id}/intake',
      tags: ['Intake'],
      summary: "The episode's health history and its screening alerts",
      middleware: [authorize('clinical:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZIntake, 'The intake'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await intake.get(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/episodes/{id}/intake',
      tags: ['Intake'],
      summary: 'Save the health history; contraindication screening runs on every save',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam, body: json(ZSaveIntakeRequest) },
      responses: {
        200: jsonContent(ZIntake, 'Saved, with alerts'),
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(await intake.save(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/consent-texts',
      tags: ['Intake'],
      summary: 'The current consent wording, by kind and version',
      middleware: [authorize('signed-in')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZConsentText) }), 'Consent texts'),
        ...problemResponses(401),
      },
    }),
    (c) => c.json({ items: [...intake.consentTexts()] }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/episodes/{id}/consents',
      tags: ['Intake'],
      summary: 'Record a consent signed on screen (drawn or typed), with the exact text version',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam, body: json(ZSignConsentRequest) },
      responses: { 201: jsonContent(ZConsent, 'Signed'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await intake.signConsent(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/episodes/{id}/consents',
      tags: ['Intake'],
      summary: 'Consents signed for the episode, newest first',
      middleware: [authorize('clinical:read')] as const,
      request: { params: ZIdParam },
      responses: {
        200: jsonContent(z.object({ items: z.array(ZConsent) }), 'Consents'),
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json({ items: await intake.listConsents(requestContext(c), c.req.valid('param').id) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/alerts',
      tags: ['Intake'],
      summary: 'Screening alerts for the client header (front desk: booking-relevant only)',
      middleware: [authorize('episodes:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZClientAlerts, 'Alerts'), ...problemResponses(400, 401, 403) },
    }),
    async (c) => c.json(await intake.clientAlerts(requestContext(c), c.req.valid('param').id), 200),
  );

  return router;
}
