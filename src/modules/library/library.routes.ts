import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses } from '../../platform/http/openapi.js';
import { createRouter } from '../../platform/http/router.js';
import {
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
export function libraryRoutes(deps: { library: LibraryService }) {
  const { library } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/library/conditions',
      tags: ['Library'],
      summary:
        'Conditions, all or matching ?q= (typos and other names tolerated: "frozen shoulder", "tennis elbow")',
      request: { query: ZConditionQuery },
      responses: {
        200: jsonContent(ZConditionList, 'Conditions, best match first'),
        ...problemResponses(400),
      },
    }),
    async (c) => c.json(await library.searchConditions(null, c.req.valid('query')), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/library/conditions/{id}',
      tags: ['Library'],
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
    async (c) => c.json(await library.getCondition(null, c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/library/conditions/{id}/education-sheet.pdf',
      tags: ['Library'],
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
      const { pdf, fileName } = await library.educationSheet(null, c.req.valid('param').id);
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
      summary: "Conditions that fit a prescription's ICD-10-CM codes (?codes=M54.2,S13.4XXA)",
      request: { query: ZSuggestionQuery },
      responses: { 200: jsonContent(ZSuggestionList, 'Suggestions, best first'), ...problemResponses(400) },
    }),
    async (c) => c.json(await library.suggest(null, c.req.valid('query').codes), 200),
  );

  return router;
}
