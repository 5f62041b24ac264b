import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import type { RemittanceService } from './remittance.service.js';

// The plan's shape is the posting domain's (remittance-posting.ts); the spec describes it loosely.
const ZRemittanceSummary = z
  .object({
    id: z.uuid(),
    payerName: z.string().nullable(),
    traceNumber: z.string().nullable(),
    paymentDate: z.string().nullable(),
    totalPaidCents: z.number().int(),
    postedAt: z.string(),
    plans: z.array(z.record(z.string(), z.unknown())),
    claimsPosted: z.number().int(),
    claimsHeld: z.number().int(),
    unmatchedItems: z.number().int(),
    balanced: z.boolean(),
  })
  .openapi('RemittanceSummary');

const ZRemittanceListItem = z
  .object({
    id: z.uuid(),
    payerName: z.string().nullable(),
    traceNumber: z.string().nullable(),
    paymentDate: z.string().nullable(),
    totalPaidCents: z.number().int(),
    postedAt: z.string(),
    claims: z.number().int(),
    unmatchedItems: z.number().int(),
    balanced: z.boolean(),
  })
  .openapi('RemittanceListItem');

export function remittanceRoutes(deps: { remittances: RemittanceService; authorize: Authorize }) {
  const { remittances, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/remittances',
      tags: ['Remittance'],
      summary:
        'Post an X12 835 remittance: payments, adjustments (CO/PR/OA/PI) and patient responsibility go to the ledger; unmatched items are listed',
      middleware: [authorize('billing:write')] as const,
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                file: z
                  .string()
                  .min(1, 'Attach the 835 file.')
                  .max(900_000, 'The file is over 900 KB: split it.'),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 201: jsonContent(ZRemittanceSummary, 'Posted'), ...problemResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await remittances.post(requestContext(c), c.req.valid('json').file), 201),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/remittances',
      tags: ['Remittance'],
      summary: 'Remittances posted, newest first',
      middleware: [authorize('billing:read')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZRemittanceListItem) }), 'Remittances'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await remittances.list(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/remittances/{id}',
      tags: ['Remittance'],
      summary: 'What posting a remittance did: claims, lines, postings, unmatched items, balancing',
      middleware: [authorize('billing:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZRemittanceSummary, 'Remittance'), ...problemResponses(401, 403, 404) },
    }),
    async (c) => c.json(await remittances.get(requestContext(c), c.req.valid('param').id), 200),
  );

  return router;
}
