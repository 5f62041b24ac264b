import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses } from '../../platform/http/openapi.js';
import type { Context, MiddlewareHandler } from 'hono';
import type { Authorize, RequestContext } from '../../platform/http/request-context.js';
import { requestContext } from '../../platform/http/request-context.js';
import { createRouter, type AppEnv } from '../../platform/http/router.js';
import { ZCondition } from './domain/library-content.js';
import {
  ZCautionLinks,
  ZConditionList,
  ZConditionQuery,
  ZLibraryCondition,
  ZSuggestionList,
  ZSuggestionQuery,
  ZTechniqueList,
} from './library.schemas.js';
import type { LibraryService } from './library.service.js';

/**
 * The condition & protocol library is reference content written for Palpa (no client data): readable
 * without signing in, like the ICD-10-CM list. Clinics' own conditions come with a later change.
 */
export function libraryRoutes(deps: {
  library: LibraryService;
  authorize: Authorize;
  optionalSession: MiddlewareHandler<AppEnv>;
}) {
  const { library, authorize, optionalSession } = deps;
  /** Signed-in readers see their clinic's own conditions too; others the shipped library. */
  const clinicOf = (c: Context) => (c.get('ctx') as RequestContext | undefined)?.clinicId ?? null;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/library/conditions',
      tags: ['Library'],
      middleware: [optionalSession] as const,
      summary:
        'Conditions, all or matching ?q= (typos and other names tolerated: "frozen shoulder", "tennis elbow")',
      request: { query: ZConditionQuery },
      responses: {
        200: jsonContent(ZConditionList, 'Conditions, best match first'),
        ...problemResponses(400),
      },
    }),
    async (c) => c.json(await library.searchConditions(clinicOf(c), c.req.valid('query')), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/library/conditions/{id}',
      tags: ['Library'],
      middleware: [optionalSession] as const,
      summary: 'One condition with its protocol, assessment focus, cautions, goals and references',
      request: {
        params: z.strictObject({
          id: z
            .string()
            .max(80)
            .openapi({ param: { name: 'id', in: 'path' }, example: 'chronic-neck-pain' }),
        }),
      },
      responses: { 200: jsonContent(ZLibraryCondition, 'The condition'), ...problemResponses(400, 404) },
    }),
    async (c) => c.json(await library.getCondition(clinicOf(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/library/conditions/{id}/education-sheet.pdf',
      tags: ['Library'],
      middleware: [optionalSession] as const,
      summary:
        'A client education sheet (PDF): the condition, home care, what treatment looks like, when to see a doctor',
      request: {
        params: z.strictObject({
          id: z
            .string()
            .max(80)
            .openapi({ param: { name: 'id', in: 'path' }, example: 'chronic-neck-pain' }),
        }),
      },
      responses: {
        200: {
          description: 'The PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...problemResponses(400, 404),
      },
    }),
    async (c) => {
      const { pdf, fileName } = await library.educationSheet(clinicOf(c), c.req.valid('param').id);
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="${fileName}"`);
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/library/techniques',
      tags: ['Library'],
      middleware: [optionalSession] as const,
      summary: 'The technique catalogue',
      responses: { 200: jsonContent(ZTechniqueList, 'Techniques'), ...problemResponses() },
    }),
    async (c) => c.json({ items: await library.listTechniques() }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/library/suggestions',
      tags: ['Library'],
      middleware: [optionalSession] as const,
      summary: "Conditions that fit a prescription's ICD-10-CM codes (?codes=M54.2,S13.4XXA)",
      request: { query: ZSuggestionQuery },
      responses: { 200: jsonContent(ZSuggestionList, 'Suggestions, best first'), ...problemResponses(400) },
    }),
    async (c) => c.json(await library.suggest(clinicOf(c), c.req.valid('query').codes), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/library/cautions/{ruleId}',
      tags: ['Library'],
      middleware: [optionalSession] as const,
      summary: 'Library pages that explain a screening alert: conditions and techniques naming its rule',
      request: {
        params: z.strictObject({
          ruleId: z
            .string()
            .max(80)
            .openapi({ param: { name: 'ruleId', in: 'path' }, example: 'blood_thinning_medication' }),
        }),
      },
      responses: { 200: jsonContent(ZCautionLinks, 'Links'), ...problemResponses(400) },
    }),
    async (c) => c.json(await library.cautionLinks(clinicOf(c), c.req.valid('param').ruleId), 200),
  );

  const ZSlug = z.strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use a kebab-case id, like my-neck-protocol.')
      .max(80)
      .openapi({ param: { name: 'id', in: 'path' }, example: 'chronic-neck-pain' }),
  });

  router.openapi(
    createRoute({
      method: 'put',
      path: '/library/conditions/{id}',
      tags: ['Library'],
      summary:
        "Save the clinic's own condition; a shipped id makes it the clinic's override of that condition",
      middleware: [authorize('clinical:write')] as const,
      request: {
        params: ZSlug,
        body: { content: { 'application/json': { schema: ZLibraryCondition } }, required: true },
      },
      responses: { 200: jsonContent(ZLibraryCondition, 'Saved'), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      // The body is checked against the content schema here: the OpenAPI type above is only its picture.
      const condition = ZCondition.parse(c.req.valid('json'));
      return c.json(
        await library.saveOwnCondition(requestContext(c), c.req.valid('param').id, condition),
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/library/conditions/{id}',
      tags: ['Library'],
      summary: "Remove the clinic's own condition (a shipped one of the same id shows again)",
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZSlug },
      responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      await library.removeOwnCondition(requestContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return router;
}
