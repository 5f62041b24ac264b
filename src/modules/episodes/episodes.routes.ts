import { createRoute } from '@hono/zod-openapi';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import { ZCreateEpisodeRequest, ZEpisode, ZEpisodeList, ZUpdateEpisodeRequest } from './episodes.schemas.js';
import type { EpisodesService } from './episodes.service.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export function episodesRoutes(deps: { episodes: EpisodesService; authorize: Authorize }) {
  const { episodes, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/episodes',
      tags: ['Episodes of care'],
      summary: 'Open an episode of care (one complaint or injury) for a client',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam, body: json(ZCreateEpisodeRequest) },
      responses: { 201: jsonContent(ZEpisode, 'Episode opened'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(await episodes.create(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/episodes',
      tags: ['Episodes of care'],
      summary: "A client's episodes, newest first",
      middleware: [authorize('episodes:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZEpisodeList, 'Episodes'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json({ items: await episodes.listForClient(requestContext(c), c.req.valid('param').id) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/episodes/{id}',
      tags: ['Episodes of care'],
      summary: 'Rename, discharge or reopen an episode (send its version)',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam, body: json(ZUpdateEpisodeRequest) },
      responses: {
        200: jsonContent(ZEpisode, 'Updated'),
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(await episodes.update(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  return router;
}
