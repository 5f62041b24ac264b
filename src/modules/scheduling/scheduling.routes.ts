import { createRoute, z } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, requestFacts, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import { AppError } from '../../platform/http/app-error.js';
import {
  ZAppointment,
  ZAppointmentQuery,
  ZAppointmentsChanged,
  ZAvailability,
  ZAvailabilityQuery,
  ZBlockedTime,
  ZBookableStaff,
  ZCancelAppointmentRequest,
  ZCreateAppointmentRequest,
  ZCreateBlockedTimeRequest,
  ZCreateFeedRequest,
  ZCreateRoomRequest,
  ZCreateServiceRequest,
  ZFeed,
  ZFeedCreated,
  ZPutWorkingHoursRequest,
  ZRoom,
  ZScheduleService,
  ZSeriesCreated,
  ZToDoQuery,
  ZUpdateAppointmentRequest,
  ZUpdateServiceRequest,
  ZWaitlistEntry,
  ZWaitlistRequest,
  ZWorkingHours,
} from './scheduling.schemas.js';
import type { SchedulingService } from './scheduling.service.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const ZRangeQuery = z.strictObject({
  from: z.string().datetime({ offset: true }),
  to: z.string().datetime({ offset: true }),
});
const ZTherapistParam = z.strictObject({ therapistId: z.string().uuid() });

export function schedulingRoutes(deps: {
  scheduling: SchedulingService;
  authorize: Authorize;
  clock: Clock;
  publicUrl?: string | undefined;
}) {
  const { scheduling, authorize, clock } = deps;
  const router = createRouter();

  // — Appointments —

  router.openapi(
    createRoute({
      method: 'post',
      path: '/appointments',
      tags: ['Scheduling'],
      summary:
        'Book a visit, or a series with an RRULE (recurrence) in the clinic’s time zone; a single booking that collides answers 409 naming the other appointment’s time',
      middleware: [authorize('schedule:write')] as const,
      request: { body: json(ZCreateAppointmentRequest) },
      responses: {
        201: jsonContent(
          z.union([ZAppointment, ZSeriesCreated]),
          'Booked (one appointment, or a series with its conflicts)',
        ),
        ...problemResponses(400, 401, 403, 409),
      },
    }),
    async (c) => c.json(await scheduling.create(requestContext(c), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/appointments',
      tags: ['Scheduling'],
      summary: 'Appointments in a range (day or week view), with “visit n of N” for those in an episode',
      middleware: [authorize('schedule:read')] as const,
      request: { query: ZAppointmentQuery },
      responses: {
        200: jsonContent(z.object({ items: z.array(ZAppointment) }), 'Appointments'),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => c.json({ items: await scheduling.list(requestContext(c), c.req.valid('query')) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/appointments/to-do',
      tags: ['Scheduling'],
      summary: 'Completed visits without a signed session note',
      middleware: [authorize('schedule:read')] as const,
      request: { query: ZToDoQuery },
      responses: {
        200: jsonContent(z.object({ items: z.array(ZAppointment) }), 'To do'),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) =>
      c.json({ items: await scheduling.toDo(requestContext(c), c.req.valid('query').therapistId) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/appointments/{id}',
      tags: ['Scheduling'],
      summary: 'One appointment',
      middleware: [authorize('schedule:read')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZAppointment, 'Appointment'), ...problemResponses(401, 403, 404) },
    }),
    async (c) => c.json(await scheduling.get(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/appointments/{id}',
      tags: ['Scheduling'],
      summary:
        'Move, resize, reassign or change the status of an appointment; for a series, `scope` applies it to this, the following or all occurrences',
      middleware: [authorize('schedule:write')] as const,
      request: { params: ZIdParam, body: json(ZUpdateAppointmentRequest) },
      responses: {
        200: jsonContent(ZAppointmentsChanged, 'Changed (the appointment, or every occurrence changed)'),
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(
        { items: await scheduling.update(requestContext(c), c.req.valid('param').id, c.req.valid('json')) },
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/appointments/{id}/cancel',
      tags: ['Scheduling'],
      summary: 'Cancel with a reason (late cancellations are flagged, and charged per the clinic’s policy)',
      middleware: [authorize('schedule:write')] as const,
      request: { params: ZIdParam, body: json(ZCancelAppointmentRequest) },
      responses: {
        200: jsonContent(ZAppointmentsChanged, 'Cancelled'),
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(
        { items: await scheduling.cancel(requestContext(c), c.req.valid('param').id, c.req.valid('json')) },
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/appointments/{id}/session-note',
      tags: ['Scheduling'],
      summary: 'Open the visit’s session note: the linked one, or a draft made for the visit’s day',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam },
      responses: {
        200: jsonContent(z.object({ noteId: z.string().uuid(), episodeId: z.string().uuid() }), 'The note'),
        ...problemResponses(401, 403, 404, 409),
      },
    }),
    async (c) => c.json(await scheduling.openSessionNote(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/schedule/availability',
      tags: ['Scheduling'],
      summary: 'Free start times: working hours minus appointments (with buffers) and blocked time',
      middleware: [authorize('schedule:read')] as const,
      request: { query: ZAvailabilityQuery },
      responses: { 200: jsonContent(ZAvailability, 'Free slots'), ...problemResponses(400, 401, 403) },
    }),
    async (c) =>
      c.json({ slots: await scheduling.availability(requestContext(c), c.req.valid('query')) }, 200),
  );

  // — Waitlist —

  router.openapi(
    createRoute({
      method: 'get',
      path: '/waitlist',
      tags: ['Scheduling'],
      summary: 'Clients waiting for an earlier or another time (offered freed slots that suit them)',
      middleware: [authorize('schedule:read')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZWaitlistEntry) }), 'Waitlist'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await scheduling.listWaitlist(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/waitlist',
      tags: ['Scheduling'],
      summary: 'Put a client on the waitlist: dates, weekdays and times they could come',
      middleware: [authorize('schedule:write')] as const,
      request: { body: json(ZWaitlistRequest) },
      responses: {
        201: jsonContent(z.object({ id: z.string().uuid() }), 'Added'),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => c.json(await scheduling.addToWaitlist(requestContext(c), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/waitlist/{id}',
      tags: ['Scheduling'],
      summary: 'Mark a waitlist entry booked, removed, or waiting again',
      middleware: [authorize('schedule:write')] as const,
      request: {
        params: ZIdParam,
        body: json(z.strictObject({ status: z.enum(['waiting', 'booked', 'removed']) })),
      },
      responses: {
        200: jsonContent(z.object({ id: z.string().uuid(), status: z.string() }), 'Changed'),
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        await scheduling.updateWaitlistStatus(
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json').status,
        ),
        200,
      ),
  );

  // — Set-up —

  router.openapi(
    createRoute({
      method: 'get',
      path: '/schedule/therapists',
      tags: ['Scheduling'],
      summary: 'Who can be booked (owners and therapists), with their weekly hours',
      middleware: [authorize('schedule:read')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZBookableStaff) }), 'Therapists'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await scheduling.listBookableStaff(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/schedule/therapists/{therapistId}/hours',
      tags: ['Scheduling'],
      summary: 'Set a therapist’s weekly working hours (intervals per weekday; breaks are the gaps)',
      middleware: [authorize('schedule:write')] as const,
      request: { params: ZTherapistParam, body: json(ZPutWorkingHoursRequest) },
      responses: { 200: jsonContent(ZWorkingHours, 'Saved'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await scheduling.putWorkingHours(
          requestContext(c),
          c.req.valid('param').therapistId,
          c.req.valid('json').intervals,
        ),
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/schedule/services',
      tags: ['Scheduling'],
      summary: 'The service menu: name, duration, price, buffer time',
      middleware: [authorize('schedule:read')] as const,
      request: { query: z.strictObject({ includeArchived: z.enum(['true', 'false']).optional() }) },
      responses: {
        200: jsonContent(z.object({ items: z.array(ZScheduleService) }), 'Services'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) =>
      c.json(
        {
          items: await scheduling.listServices(
            requestContext(c),
            c.req.valid('query').includeArchived === 'true',
          ),
        },
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/schedule/services',
      tags: ['Scheduling'],
      summary: 'Add a service to the menu',
      middleware: [authorize('schedule:setup')] as const,
      request: { body: json(ZCreateServiceRequest) },
      responses: { 201: jsonContent(ZScheduleService, 'Added'), ...problemResponses(400, 401, 403) },
    }),
    async (c) => c.json(await scheduling.createService(requestContext(c), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/schedule/services/{id}',
      tags: ['Scheduling'],
      summary: 'Change or archive a service (send its version)',
      middleware: [authorize('schedule:setup')] as const,
      request: { params: ZIdParam, body: json(ZUpdateServiceRequest) },
      responses: {
        200: jsonContent(ZScheduleService, 'Changed'),
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(
        await scheduling.updateService(requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/schedule/rooms',
      tags: ['Scheduling'],
      summary: 'Treatment rooms',
      middleware: [authorize('schedule:read')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZRoom) }), 'Rooms'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await scheduling.listRooms(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/schedule/rooms',
      tags: ['Scheduling'],
      summary: 'Add a room',
      middleware: [authorize('schedule:setup')] as const,
      request: { body: json(ZCreateRoomRequest) },
      responses: { 201: jsonContent(ZRoom, 'Added'), ...problemResponses(400, 401, 403) },
    }),
    async (c) => c.json(await scheduling.createRoom(requestContext(c), c.req.valid('json').name), 201),
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/schedule/rooms/{id}',
      tags: ['Scheduling'],
      summary: 'Archive a room (its past appointments keep it)',
      middleware: [authorize('schedule:setup')] as const,
      request: { params: ZIdParam },
      responses: { 204: { description: 'Archived' }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      await scheduling.archiveRoom(requestContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/schedule/blocked-times',
      tags: ['Scheduling'],
      summary: 'Blocked time in a range',
      middleware: [authorize('schedule:read')] as const,
      request: { query: ZRangeQuery },
      responses: {
        200: jsonContent(z.object({ items: z.array(ZBlockedTime) }), 'Blocked time'),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ items: await scheduling.listBlockedTimes(requestContext(c), q.from, q.to) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/schedule/blocked-times',
      tags: ['Scheduling'],
      summary: 'Block time for a therapist, a room, or the whole clinic',
      middleware: [authorize('schedule:write')] as const,
      request: { body: json(ZCreateBlockedTimeRequest) },
      responses: { 201: jsonContent(ZBlockedTime, 'Blocked'), ...problemResponses(400, 401, 403) },
    }),
    async (c) => c.json(await scheduling.createBlockedTime(requestContext(c), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/schedule/blocked-times/{id}',
      tags: ['Scheduling'],
      summary: 'Free blocked time',
      middleware: [authorize('schedule:write')] as const,
      request: { params: ZIdParam },
      responses: { 204: { description: 'Freed' }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      await scheduling.deleteBlockedTime(requestContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  // — Calendar feeds —

  router.openapi(
    createRoute({
      method: 'post',
      path: '/calendar/feeds',
      tags: ['Scheduling'],
      summary: 'A private iCalendar URL for a therapist’s calendar (times and client initials only)',
      middleware: [authorize('schedule:write')] as const,
      request: { body: json(ZCreateFeedRequest) },
      responses: { 201: jsonContent(ZFeedCreated, 'Feed made'), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      const origin = deps.publicUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;
      return c.json(
        await scheduling.createFeed(requestContext(c), c.req.valid('json').therapistId, origin),
        201,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/calendar/feeds',
      tags: ['Scheduling'],
      summary: 'Live calendar feeds (yours; every one for the owner)',
      middleware: [authorize('schedule:read')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZFeed) }), 'Feeds'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await scheduling.listFeeds(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/calendar/feeds/{id}',
      tags: ['Scheduling'],
      summary: 'Revoke a calendar feed: its URL answers 404 from now on',
      middleware: [authorize('schedule:read')] as const,
      request: { params: ZIdParam },
      responses: { 204: { description: 'Revoked' }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      await scheduling.revokeFeed(requestContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  // The feed itself is read by calendar apps, without a session: the token in the path is the secret.
  // A plain route, because "{token}.ics" is not an OpenAPI path parameter.
  router.get('/calendar/:file{[A-Za-z0-9_-]+\\.ics}', async (c) => {
    const token = c.req.param('file').replace(/\.ics$/, '');
    const facts = requestFacts(c, clock.now());
    const text = await scheduling.readFeed(token, {
      now: facts.now,
      ip: facts.ip,
      requestId: facts.requestId,
    });
    if (text === null) throw new AppError('not_found', 'There is no such calendar feed, or it was revoked.');
    return c.body(text, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });

  return router;
}
