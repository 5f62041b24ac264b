import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import {
  ZAdjustmentRequest,
  ZClientLedger,
  ZPaymentRequest,
  ZReverseRequest,
  ZSelfPayChargeRequest,
} from './ledger.schemas.js';
import type { LedgerService } from './ledger.service.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export function ledgerRoutes(deps: { ledger: LedgerService; authorize: Authorize }) {
  const { ledger, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/ledger',
      tags: ['Ledger'],
      summary: "A client's ledger: every charge, payment, adjustment and reversal, with balances",
      middleware: [authorize('billing:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZClientLedger, 'Ledger'), ...problemResponses(401, 403, 404) },
    }),
    async (c) => c.json(await ledger.clientLedger(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/payments',
      tags: ['Ledger'],
      summary: 'Record a payment from the client (cash, card, cheque)',
      middleware: [authorize('payments:collect')] as const,
      request: { params: ZIdParam, body: json(ZPaymentRequest) },
      responses: { 201: jsonContent(ZClientLedger, 'Posted'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await ledger.recordPayment(requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/adjustments',
      tags: ['Ledger'],
      summary: 'Post an adjustment, write-off or refund (with the reason)',
      middleware: [authorize('billing:write')] as const,
      request: { params: ZIdParam, body: json(ZAdjustmentRequest) },
      responses: { 201: jsonContent(ZClientLedger, 'Posted'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await ledger.recordAdjustment(requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/self-pay-charges',
      tags: ['Ledger'],
      summary: "Charge a self-pay visit from its signed note (units by the 8-minute rule, the clinic's fees)",
      middleware: [authorize('payments:collect')] as const,
      request: { params: ZIdParam, body: json(ZSelfPayChargeRequest) },
      responses: { 201: jsonContent(ZClientLedger, 'Charged'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        await ledger.chargeSelfPayVisit(
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json').sessionNoteId,
        ),
        201,
      ),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/ledger-entries/{id}/reverse',
      tags: ['Ledger'],
      summary: 'Reverse a ledger entry (entries are never edited or deleted)',
      middleware: [authorize('billing:write')] as const,
      request: { params: ZIdParam, body: json(ZReverseRequest) },
      responses: {
        201: jsonContent(ZClientLedger, 'Reversed'),
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(
        await ledger.reverse(requestContext(c), c.req.valid('param').id, c.req.valid('json').reason),
        201,
      ),
  );

  void z;
  return router;
}
