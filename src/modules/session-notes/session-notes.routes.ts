import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import { NOTE_TEMPLATES } from './domain/note-templates.js';
import { PRESSURE_LEVELS, SERVICE_CODES, TECHNIQUES } from './domain/session-note.js';
import {
  ZAddAddendumRequest,
  ZCreateNoteRequest,
  ZPerformedService,
  ZSessionNote,
  ZSignNoteRequest,
  ZUpdateNoteRequest,
} from './session-notes.schemas.js';
import type { SessionNotesService } from './session-notes.service.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export function sessionNotesRoutes(deps: { notes: SessionNotesService; authorize: Authorize }) {
  const { notes, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/episodes/{id}/notes',
      tags: ['Session notes'],
      summary: 'Start a session note (draft), optionally pre-filled from a condition template',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam, body: json(ZCreateNoteRequest) },
      responses: {
        201: jsonContent(ZSessionNote, 'Draft created'),
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(await notes.create(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/notes/{id}',
      tags: ['Session notes'],
      summary: 'One session note with its addenda',
      middleware: [authorize('clinical:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZSessionNote, 'The note'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await notes.get(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/notes/{id}',
      tags: ['Session notes'],
      summary: 'Save a draft (autosave); signed notes answer 409 — add an addendum instead',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam, body: json(ZUpdateNoteRequest) },
      responses: { 200: jsonContent(ZSessionNote, 'Saved'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await notes.update(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/notes/{id}',
      tags: ['Session notes'],
      summary: 'Discard a draft; signed notes cannot be deleted (409)',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam },
      responses: { 204: { description: 'Discarded' }, ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      await notes.remove(requestContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/notes/{id}/sign',
      tags: ['Session notes'],
      summary:
        'Sign a note: complete SOAP, minutes recorded, postpone/refer alerts acknowledged; then locked',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam, body: json(ZSignNoteRequest) },
      responses: { 200: jsonContent(ZSessionNote, 'Signed'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(await notes.sign(requestContext(c), c.req.valid('param').id, c.req.valid('json').version), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/notes/{id}/addenda',
      tags: ['Session notes'],
      summary: 'Add a signed, timestamped addendum to a signed note',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam, body: json(ZAddAddendumRequest) },
      responses: { 201: jsonContent(ZSessionNote, 'Added'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        await notes.addAddendum(requestContext(c), c.req.valid('param').id, c.req.valid('json').text),
        201,
      ),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/note-reference',
      tags: ['Session notes'],
      summary: 'Note templates, techniques, service codes and the pressure scale',
      middleware: [authorize('signed-in')] as const,
      responses: {
        200: jsonContent(
          z.object({
            templates: z.array(
              z.object({
                id: z.string(),
                label: z.string(),
                subjective: z.string(),
                objective: z.string(),
                assessment: z.string(),
                plan: z.string(),
                homeCare: z.string(),
                pressureLevel: z.number().nullable(),
                services: z.array(ZPerformedService),
              }),
            ),
            techniques: z.array(z.object({ id: z.string(), label: z.string(), defaultCode: z.string() })),
            serviceCodes: z.array(z.object({ code: z.string(), label: z.string(), timed: z.boolean() })),
            pressureLevels: z.array(z.object({ level: z.number(), label: z.string() })),
          }),
          'Reference data',
        ),
        ...problemResponses(401),
      },
    }),
    (c) =>
      c.json(
        {
          templates: [...NOTE_TEMPLATES],
          techniques: [...TECHNIQUES],
          serviceCodes: [...SERVICE_CODES],
          pressureLevels: [...PRESSURE_LEVELS],
        },
        200,
      ),
  );

  return router;
}
