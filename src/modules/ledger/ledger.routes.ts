import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import {
  ZAdjustmentRequest,
  ZClientLedger,
  ZPaymentRequest,
  ZReverseRequest,
  ZPeriodQuery,
  ZSelfPayChargeRequest,
} from './ledger.schemas.js';
import type { LedgerDocuments } from './ledger.documents.js';
import type { LedgerService } from './ledger.service.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export function ledgerRoutes(deps: {
  ledger: LedgerService;
  documents: LedgerDocuments;
  authorize: Authorize;
}) {
  const { ledger, documents, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/ledger',
      tags: ['Ledger'],
      summary:
        "A client's ledger: every charge, payment, adjustment and reversal, with balances (?caseId= for one auto / workers' comp case)",
      middleware: [authorize('billing:read')] as const,
      request: { params: ZIdParam, query: z.strictObject({ caseId: z.uuid().optional() }) },
      responses: { 200: jsonContent(ZClientLedger, 'Ledger'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await ledger.clientLedger(requestContext(c), c.req.valid('param').id, c.req.valid('query').caseId),
        200,
      ),
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

  const pdfResponse = {
    content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    description: 'PDF',
  };

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/statement.pdf',
      tags: ['Ledger'],
      summary: 'A client statement (PDF): activity with running balance, aging, amount due, remit stub',
      middleware: [authorize('billing:read')] as const,
      request: { params: ZIdParam, query: ZPeriodQuery },
      responses: { 200: pdfResponse, ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const bytes = await documents.statementPdf(
        requestContext(c),
        c.req.valid('param').id,
        c.req.valid('query'),
      );
      return c.body(bytes.slice().buffer, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': 'inline; filename="statement.pdf"',
        'Cache-Control': 'no-store',
      });
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/superbill.pdf',
      tags: ['Ledger'],
      summary:
        "A superbill (PDF) of a self-pay client's charged visits in a period, for out-of-network reimbursement; X-Superbill-Problems lists missing fields",
      middleware: [authorize('billing:read')] as const,
      request: { params: ZIdParam, query: ZPeriodQuery },
      responses: { 200: pdfResponse, ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { bytes, problems } = await documents.superbillPdf(
        requestContext(c),
        c.req.valid('param').id,
        c.req.valid('query'),
      );
      return c.body(bytes.slice().buffer, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': 'inline; filename="superbill.pdf"',
        'Cache-Control': 'no-store',
        'X-Superbill-Problems': encodeURIComponent(JSON.stringify(problems)),
      });
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/reports/ar-aging',
      tags: ['Reports'],
      summary: 'A/R aging (0–30, 31–60, 61–90, over 90 days from the date of service) by payer and by client',
      middleware: [authorize('billing:read')] as const,
      responses: {
        200: jsonContent(z.record(z.string(), z.unknown()).openapi('ArAgingReport'), 'Aging'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json(await documents.arAging(requestContext(c)), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/reports/write-offs',
      tags: ['Reports'],
      summary: 'Write-offs and contractual adjustments posted in a period, by reason, payer and client',
      middleware: [authorize('billing:read')] as const,
      request: { query: ZPeriodQuery },
      responses: {
        200: jsonContent(z.record(z.string(), z.unknown()).openapi('WriteOffReport'), 'Report'),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => c.json(await documents.writeOffs(requestContext(c), c.req.valid('query')), 200),
  );

  return router;
}
