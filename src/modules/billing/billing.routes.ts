import { createRoute, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize, type RequestContext } from '../../platform/http/request-context.js';
import { createRouter, type AppEnv } from '../../platform/http/router.js';
import {
  ZBillingProfile,
  ZCodePairEdits,
  ZCreatePayerRequest,
  ZPayer,
  ZProviderBillingId,
  ZSaveBillingProfileRequest,
  ZSaveCodePairEditsRequest,
  ZSaveFeeRequest,
  ZSaveProviderBillingIdRequest,
  ZSaveServiceCodeRequest,
  ZServiceCode,
  ZServiceCodeEntry,
  ZUnitsRequest,
  ZUnitsResponse,
  ZUpdatePayerRequest,
} from './billing.schemas.js';
import type { BillingService } from './billing.service.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export function billingRoutes(deps: {
  billing: BillingService;
  authorize: Authorize;
  optionalSession: MiddlewareHandler<AppEnv>;
}) {
  const { billing, authorize, optionalSession } = deps;
  const router = createRouter();
  const maybeContext = (c: Context) => (c.get('ctx') as RequestContext | undefined) ?? null;

  // Public arithmetic, like outcome-measure scoring: no client data goes in or out. Signed-in users get
  // their clinic's own service codes too.
  router.openapi(
    createRoute({
      method: 'post',
      path: '/billing/units',
      tags: ['Billing'],
      summary:
        'Billing units for documented minutes, by the CMS 8-minute rule or the per-code rule, with the arithmetic',
      middleware: [optionalSession] as const,
      request: { body: json(ZUnitsRequest) },
      responses: {
        200: jsonContent(ZUnitsResponse, 'Units per code and in total'),
        ...problemResponses(400),
      },
    }),
    async (c) => c.json(await billing.units(maybeContext(c), c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/billing/profile',
      tags: ['Billing set-up'],
      summary: "The clinic's billing profile (null until set up)",
      middleware: [authorize('billing:read')] as const,
      responses: {
        200: jsonContent(z.object({ profile: ZBillingProfile.nullable() }), 'Profile'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ profile: await billing.getProfile(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/billing/profile',
      tags: ['Billing set-up'],
      summary:
        'Save the billing profile: legal name, tax ID, billing NPI, taxonomy, address, clearinghouse IDs',
      middleware: [authorize('billing:setup')] as const,
      request: { body: json(ZSaveBillingProfileRequest) },
      responses: { 200: jsonContent(ZBillingProfile, 'Saved'), ...problemResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await billing.saveProfile(requestContext(c), c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/billing/providers',
      tags: ['Billing set-up'],
      summary: "Each staff member's individual NPI, taxonomy and licence",
      middleware: [authorize('billing:read')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZProviderBillingId) }), 'Providers'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await billing.listProviders(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/billing/providers/{id}',
      tags: ['Billing set-up'],
      summary: "Save a therapist's individual NPI, taxonomy and licence state",
      middleware: [authorize('billing:setup')] as const,
      request: { params: ZIdParam, body: json(ZSaveProviderBillingIdRequest) },
      responses: { 200: jsonContent(ZProviderBillingId, 'Saved'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await billing.saveProvider(requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/payers',
      tags: ['Billing set-up'],
      summary: 'Payers the clinic bills',
      middleware: [authorize('billing:read')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZPayer) }), 'Payers'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await billing.listPayers(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/payers',
      tags: ['Billing set-up'],
      summary: 'Add a payer: claim type, unit method, GP and bundling rules',
      middleware: [authorize('billing:setup')] as const,
      request: { body: json(ZCreatePayerRequest) },
      responses: { 201: jsonContent(ZPayer, 'Added'), ...problemResponses(400, 401, 403) },
    }),
    async (c) => c.json(await billing.createPayer(requestContext(c), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/payers/{id}',
      tags: ['Billing set-up'],
      summary: 'Change or archive a payer (send its version)',
      middleware: [authorize('billing:setup')] as const,
      request: { params: ZIdParam, body: json(ZUpdatePayerRequest) },
      responses: { 200: jsonContent(ZPayer, 'Updated'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await billing.updatePayer(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/billing/service-codes',
      tags: ['Billing set-up'],
      summary: 'The service-code catalogue with fees (standard and per payer)',
      middleware: [authorize('billing:read')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZServiceCodeEntry) }), 'Catalogue'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await billing.serviceCodes(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/billing/service-codes/{code}',
      tags: ['Billing set-up'],
      summary: "Add a service code or change a code's description or timing for this clinic",
      middleware: [authorize('billing:setup')] as const,
      request: {
        params: z.strictObject({ code: ZServiceCode.openapi({ param: { name: 'code', in: 'path' } }) }),
        body: json(ZSaveServiceCodeRequest),
      },
      responses: { 200: jsonContent(ZServiceCodeEntry, 'Saved'), ...problemResponses(400, 401, 403) },
    }),
    async (c) =>
      c.json(
        await billing.saveServiceCode(requestContext(c), c.req.valid('param').code, c.req.valid('json')),
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/billing/fees',
      tags: ['Billing set-up'],
      summary: "Set a code's fee per unit: the standard fee (payerId null) or a payer's contracted fee",
      middleware: [authorize('billing:setup')] as const,
      request: { body: json(ZSaveFeeRequest) },
      responses: { 200: jsonContent(ZServiceCodeEntry, 'Saved'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await billing.saveFee(requestContext(c), c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/billing/code-pair-edits',
      tags: ['Billing set-up'],
      summary: 'The procedure-to-procedure (NCCI-style) table the scrubber checks',
      middleware: [authorize('billing:read')] as const,
      responses: { 200: jsonContent(ZCodePairEdits, 'Edits'), ...problemResponses(401, 403) },
    }),
    async (c) => c.json(await billing.codePairEdits(requestContext(c)), 200),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/billing/code-pair-edits',
      tags: ['Billing set-up'],
      summary:
        "Replace the code-pair table with the clinic's own (e.g. this quarter's NCCI rows); empty restores the shipped set",
      middleware: [authorize('billing:setup')] as const,
      request: { body: json(ZSaveCodePairEditsRequest) },
      responses: { 200: jsonContent(ZCodePairEdits, 'Saved'), ...problemResponses(400, 401, 403) },
    }),
    async (c) => c.json(await billing.saveCodePairEdits(requestContext(c), c.req.valid('json').edits), 200),
  );

  return router;
}
