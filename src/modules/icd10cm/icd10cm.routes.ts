import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses } from '../../platform/http/openapi.js';
import { createRouter } from '../../platform/http/router.js';
import { ZIcd10cmEntry, ZIcd10cmSearchQuery, ZIcd10cmSearchResult } from './icd10cm.schemas.js';
import type { Icd10cmService } from './icd10cm.service.js';

/** Public reference data (a US government work, no client data): no sign-in needed, nothing to audit. */
export function icd10cmRoutes(deps: { icd10cm: Icd10cmService }) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/icd10cm',
      tags: ['ICD-10-CM'],
      summary: 'Search ICD-10-CM by code prefix ("m54.2") or words ("cervicalgia", "neck pain")',
      request: { query: ZIcd10cmSearchQuery },
      responses: {
        200: jsonContent(ZIcd10cmSearchResult, 'Matching codes, best first'),
        ...problemResponses(400),
      },
    }),
    async (c) => c.json(await deps.icd10cm.search(c.req.valid('query')), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/icd10cm/{code}',
      tags: ['ICD-10-CM'],
      summary: 'One ICD-10-CM entry (with or without the dot); says why a heading cannot be billed',
      request: {
        params: z.strictObject({
          code: z
            .string()
            .min(3)
            .max(10)
            .openapi({ param: { name: 'code', in: 'path' }, example: 'M54.2' }),
        }),
      },
      responses: { 200: jsonContent(ZIcd10cmEntry, 'The entry'), ...problemResponses(400, 404) },
    }),
    async (c) => c.json(await deps.icd10cm.lookup(c.req.valid('param').code), 200),
  );

  return router;
}
