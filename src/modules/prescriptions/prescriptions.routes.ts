import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import { isValidNpi } from './domain/npi.js';
import {
  ZCreatePrescriptionRequest,
  ZNpiCheck,
  ZPrescription,
  ZUpdatePrescriptionRequest,
} from './prescriptions.schemas.js';
import type { PrescriptionsService } from './prescriptions.service.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export function prescriptionsRoutes(deps: { prescriptions: PrescriptionsService; authorize: Authorize }) {
  const { prescriptions, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/episodes/{id}/prescriptions',
      tags: ['Prescriptions'],
      summary: 'Record a prescription or referral (diagnoses must be billable ICD-10-CM codes)',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam, body: json(ZCreatePrescriptionRequest) },
      responses: {
        201: jsonContent(ZPrescription, 'Recorded, with visits used and warnings'),
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(
        await prescriptions.create(requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/prescriptions/{id}',
      tags: ['Prescriptions'],
      summary: 'Correct a prescription (send its version)',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam, body: json(ZUpdatePrescriptionRequest) },
      responses: { 200: jsonContent(ZPrescription, 'Updated'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        await prescriptions.update(requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );

  // Public: a pure check-digit test on a public identifier; no client data involved.
  router.openapi(
    createRoute({
      method: 'get',
      path: '/npi/{npi}/check',
      tags: ['Prescriptions'],
      summary: 'Does this NPI pass its check digit (Luhn over 80840 + NPI)?',
      request: {
        params: z.strictObject({
          npi: z
            .string()
            .max(20)
            .openapi({ param: { name: 'npi', in: 'path' }, example: '1234567893' }),
        }),
      },
      responses: { 200: jsonContent(ZNpiCheck, 'Check result'), ...problemResponses(400) },
    }),
    (c) => c.json({ valid: isValidNpi(c.req.valid('param').npi) }, 200),
  );

  return router;
}
