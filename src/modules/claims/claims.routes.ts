import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import {
  ZBatchSummary,
  ZClaim,
  ZClaimStatus,
  ZClaimSummary,
  ZCreateBatchRequest,
  ZCreateClaimRequest,
  ZScrubResult,
  ZToBillItem,
  ZTransitionRequest,
  ZUpdateClaimRequest,
} from './claims.schemas.js';
import type { ClaimsService } from './claims.service.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const X12_MEDIA_TYPE = 'application/edi-x12';
const x12Content = (description: string) => ({
  content: { [X12_MEDIA_TYPE]: { schema: z.string() } },
  description,
});

export function claimsRoutes(deps: { claims: ClaimsService; authorize: Authorize }) {
  const { claims, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/billing/to-bill',
      tags: ['Claims'],
      summary: 'Visits with services not yet on a claim; unsigned notes are listed with what blocks them',
      middleware: [authorize('billing:read')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZToBillItem) }), 'Work queue'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await claims.toBill(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/claims',
      tags: ['Claims'],
      summary: 'Claims, newest first (filter by status or client)',
      middleware: [authorize('billing:read')] as const,
      request: { query: z.strictObject({ status: ZClaimStatus.optional(), clientId: z.uuid().optional() }) },
      responses: {
        200: jsonContent(z.object({ items: z.array(ZClaimSummary) }), 'Claims'),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => c.json({ items: await claims.list(requestContext(c), c.req.valid('query')) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/claims',
      tags: ['Claims'],
      summary:
        'Create a claim from signed session notes (one client, payer and prescriber); it is scrubbed at once',
      middleware: [authorize('billing:write')] as const,
      request: { body: json(ZCreateClaimRequest) },
      responses: {
        201: jsonContent(ZClaim, 'Draft claim with the scrubber findings'),
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => c.json(await claims.create(requestContext(c), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/claims/{id}',
      tags: ['Claims'],
      summary: 'A claim with its lines, scrubber findings and status history',
      middleware: [authorize('billing:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZClaim, 'Claim'), ...problemResponses(401, 403, 404) },
    }),
    async (c) => c.json(await claims.get(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/claims/{id}',
      tags: ['Claims'],
      summary: 'Edit a draft claim: diagnoses, pointers, modifiers, units, charges, referring provider',
      middleware: [authorize('billing:write')] as const,
      request: { params: ZIdParam, body: json(ZUpdateClaimRequest) },
      responses: {
        200: jsonContent(ZClaim, 'Updated and re-scrubbed'),
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(await claims.update(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/claims/{id}',
      tags: ['Claims'],
      summary: 'Delete a draft claim that was never sent',
      middleware: [authorize('billing:write')] as const,
      request: { params: ZIdParam },
      responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      await claims.deleteDraft(requestContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/claims/{id}/scrub',
      tags: ['Claims'],
      summary: 'Run the claim scrubber: every problem in plain words, with the field to fix',
      middleware: [authorize('billing:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZScrubResult, 'Findings'), ...problemResponses(401, 403, 404) },
    }),
    async (c) => c.json(await claims.scrub(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/claims/{id}/status',
      tags: ['Claims'],
      summary:
        'Move a claim through its lifecycle (ready runs the scrubber and is refused while errors remain)',
      middleware: [authorize('billing:write')] as const,
      request: { params: ZIdParam, body: json(ZTransitionRequest) },
      responses: { 200: jsonContent(ZClaim, 'Moved'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await claims.transition(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  for (const kind of ['correct', 'void'] as const) {
    router.openapi(
      createRoute({
        method: 'post',
        path: `/claims/{id}/${kind}`,
        tags: ['Claims'],
        summary:
          kind === 'correct'
            ? "Make a corrected claim (frequency 7, with the payer's claim number); the original becomes 'corrected'"
            : "Void a sent claim (a frequency-8 claim, ready to send); the original becomes 'voided'",
        middleware: [authorize('billing:write')] as const,
        request: {
          params: ZIdParam,
          body: json(z.strictObject({ note: z.string().trim().max(500).optional() })),
        },
        responses: {
          201: jsonContent(ZClaim, 'The new claim'),
          ...problemResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) =>
        c.json(
          await claims.resubmit(
            requestContext(c),
            c.req.valid('param').id,
            kind,
            c.req.valid('json').note ?? null,
          ),
          201,
        ),
    );
  }

  router.openapi(
    createRoute({
      method: 'get',
      path: '/claims/{id}/cms1500.pdf',
      tags: ['Claims'],
      summary:
        'CMS-1500 (02/12) as PDF: ?form=full (the whole form, for records) or ?form=data-only (to print on the red form; ?offsetX/offsetY in points)',
      middleware: [authorize('billing:read')] as const,
      request: {
        params: ZIdParam,
        query: z.strictObject({
          form: z.enum(['full', 'data-only']).default('full'),
          offsetX: z.coerce.number().min(-36).max(36).default(0),
          offsetY: z.coerce.number().min(-36).max(36).default(0),
        }),
      },
      responses: {
        200: {
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
          description: 'PDF',
        },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { bytes, fileName } = await claims.cms1500(
        requestContext(c),
        c.req.valid('param').id,
        query.form,
        {
          x: query.offsetX,
          y: query.offsetY,
        },
      );
      return c.body(bytes.slice().buffer, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${fileName}"`,
        'Cache-Control': 'no-store',
      });
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/claims/{id}/837p',
      tags: ['Claims'],
      summary: 'The claim as an X12 005010X222A1 837P interchange (does not mark it sent)',
      middleware: [authorize('billing:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: x12Content('837P file'), ...problemResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const { file, fileName } = await claims.x837(requestContext(c), c.req.valid('param').id);
      return c.body(file, 200, {
        'Content-Type': `${X12_MEDIA_TYPE}; charset=utf-8`,
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'no-store',
      });
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/claim-batches',
      tags: ['Claims'],
      summary:
        'Send ready claims as one 837P batch (all ready claims, or the listed ones); they become submitted',
      middleware: [authorize('billing:write')] as const,
      request: {
        body: { content: { 'application/json': { schema: ZCreateBatchRequest } }, required: false },
      },
      responses: {
        201: x12Content('The 837P interchange; Location names the batch'),
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as unknown;
      const parsed = ZCreateBatchRequest.safeParse(body ?? {});
      const claimIds = parsed.success ? parsed.data.claimIds : undefined;
      if (!parsed.success) throw parsed.error;
      const { batch, file } = await claims.createBatch(requestContext(c), claimIds);
      return c.body(file, 201, {
        'Content-Type': `${X12_MEDIA_TYPE}; charset=utf-8`,
        'Content-Disposition': `attachment; filename="batch-${batch.interchangeControlNumber}.837p.txt"`,
        Location: `/api/claim-batches/${batch.id}`,
        'X-Claim-Count': String(batch.claimCount),
      });
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/claim-batches',
      tags: ['Claims'],
      summary: '837P batches sent',
      middleware: [authorize('billing:read')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZBatchSummary) }), 'Batches'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await claims.listBatches(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/claim-batches/{id}',
      tags: ['Claims'],
      summary: 'A sent 837P batch, exactly as generated',
      middleware: [authorize('billing:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: x12Content('837P file'), ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      const { file, fileName } = await claims.batchFile(requestContext(c), c.req.valid('param').id);
      return c.body(file, 200, {
        'Content-Type': `${X12_MEDIA_TYPE}; charset=utf-8`,
        'Content-Disposition': `attachment; filename="${fileName}"`,
      });
    },
  );

  return router;
}
