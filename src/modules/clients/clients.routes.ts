import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../../platform/http/app-error.js';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import {
  ZClient,
  ZClientList,
  ZCreateClientRequest,
  ZListClientsQuery,
  ZUpdateClientRequest,
  ZVersionOnly,
  type TClient,
} from './clients.schemas.js';
import type { ClientsService } from './clients.service.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const optionalJson = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: false });

const clientResponse = (description: string) => ({
  ...jsonContent(ZClient, description),
  headers: z.object({ ETag: z.string().openapi({ description: 'The client version, for If-Match' }) }),
});

const ifMatchHeader = z.object({
  'if-match': z.string().optional().openapi({ description: 'ETag of the version being edited, e.g. "3"' }),
});

/** RFC 9110 §13.1.1 If-Match: our ETags are the record version, `"3"` (a weak `W/"3"` is accepted too). */
function versionFromIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:W\/)?"(\d+)"$/.exec(value.trim());
  if (!match) {
    throw new AppError('validation', 'If-Match must be the ETag of the version you edit, like "3".', {
      errors: [{ path: 'header.if-match', message: 'Use the ETag value, like "3".' }],
    });
  }
  return Number(match[1]);
}

function withEtag<S extends 200 | 201>(c: Context, client: TClient, status: S) {
  c.header('ETag', `"${client.version}"`);
  return c.json(client, status);
}

export function clientsRoutes(deps: { clients: ClientsService; authorize: Authorize }) {
  const { clients, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/clients',
      tags: ['Clients'],
      summary: 'Add a client',
      middleware: [authorize('clients:write')] as const,
      request: { body: json(ZCreateClientRequest) },
      responses: { 201: clientResponse('Client added'), ...problemResponses(400, 401, 403, 413) },
    }),
    async (c) => withEtag(c, await clients.create(requestContext(c), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients',
      tags: ['Clients'],
      summary: 'Find clients by name (typos tolerated), phone, email or date of birth',
      middleware: [authorize('clients:read')] as const,
      request: { query: ZListClientsQuery },
      responses: {
        200: jsonContent(ZClientList, 'Matching clients, best first'),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => c.json(await clients.list(requestContext(c), c.req.valid('query')), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}',
      tags: ['Clients'],
      summary: 'One client',
      middleware: [authorize('clients:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: clientResponse('The client'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => withEtag(c, await clients.get(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/clients/{id}',
      tags: ['Clients'],
      summary: 'Edit a client; send the version (body or If-Match) to be told of a concurrent change (409)',
      middleware: [authorize('clients:write')] as const,
      request: { params: ZIdParam, headers: ifMatchHeader, body: json(ZUpdateClientRequest) },
      responses: { 200: clientResponse('Updated'), ...problemResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const version = versionFromIfMatch(c.req.header('if-match'));
      const updated = await clients.update(
        requestContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
        version,
      );
      return withEtag(c, updated, 200);
    },
  );

  for (const action of ['archive', 'restore'] as const) {
    router.openapi(
      createRoute({
        method: 'post',
        path: `/clients/{id}/${action}`,
        tags: ['Clients'],
        summary:
          action === 'archive'
            ? 'Archive a client (never deleted; hidden from search)'
            : 'Restore an archived client',
        middleware: [authorize('clients:archive')] as const,
        request: { params: ZIdParam, headers: ifMatchHeader, body: optionalJson(ZVersionOnly) },
        responses: {
          200: clientResponse(action === 'archive' ? 'Archived' : 'Restored'),
          ...problemResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const ctx = requestContext(c);
        const id = c.req.valid('param').id;
        const bodyVersion = (c.req.valid('json') as { version?: number } | undefined)?.version;
        const version = bodyVersion ?? versionFromIfMatch(c.req.header('if-match'));
        const client =
          action === 'archive'
            ? await clients.archive(ctx, id, version)
            : await clients.restore(ctx, id, version);
        return withEtag(c, client, 200);
      },
    );
  }

  return router;
}
