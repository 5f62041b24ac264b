import { createRoute, z } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { rateLimit } from '../../platform/http/rate-limit.js';
import { requestContext, requestFacts, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import { createRequirePortal, portalContext, type PortalService } from '../portal/index.js';
import { ZAvailability } from '../scheduling/index.js';
import {
  ZBookingPackage,
  ZBookingPage,
  ZCreatePackageRequest,
  ZPublicBooked,
  ZPublicBookingRequest,
  ZSlugParam,
  ZStaffBookingProfile,
  ZTestimonial,
  ZTestimonialRequest,
  ZUpdateProfileRequest,
} from './booking.schemas.js';
import type { BookingService } from './booking.service.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export function bookingRoutes(deps: {
  booking: BookingService;
  portal: PortalService;
  authorize: Authorize;
  clock: Clock;
  publicUrl?: string | undefined;
}) {
  const { booking, authorize, clock } = deps;
  const router = createRouter();
  const requirePortal = createRequirePortal({ portal: deps.portal, clock });
  const now = () => clock.now().getTime();
  // The public page is open to anyone: a script must not be able to fill the calendar or mine it.
  const pageLimit = rateLimit({ name: 'booking-page', windowMs: 60_000, max: 120, now });
  const bookingLimit = rateLimit({ name: 'booking-post', windowMs: 3_600_000, max: 10, now });

  router.openapi(
    createRoute({
      method: 'get',
      path: '/public/booking/{slug}',
      tags: ['Public booking'],
      summary:
        'The clinic’s booking page: services, therapists, offers, approved testimonials (no client data)',
      middleware: [pageLimit] as const,
      request: { params: ZSlugParam },
      responses: { 200: jsonContent(ZBookingPage, 'Page'), ...problemResponses(404, 429) },
    }),
    async (c) => c.json(await booking.page(c.req.valid('param').slug), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/public/booking/{slug}/availability',
      tags: ['Public booking'],
      summary: 'Free times for a service: working hours minus appointments, buffers and blocked time',
      middleware: [pageLimit] as const,
      request: {
        params: ZSlugParam,
        query: z.strictObject({
          serviceId: z.string().uuid(),
          from: z.string().datetime({ offset: true }),
          to: z.string().datetime({ offset: true }),
          therapistId: z.string().uuid().optional(),
        }),
      },
      responses: { 200: jsonContent(ZAvailability, 'Free times'), ...problemResponses(400, 404, 429) },
    }),
    async (c) =>
      c.json(
        {
          slots: await booking.availability(
            c.req.valid('param').slug,
            c.req.valid('query'),
            requestFacts(c, clock.now()),
          ),
        },
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/public/booking/{slug}/bookings',
      tags: ['Public booking'],
      summary: 'Book a free time with name, email, phone and reason; new clients get the intake form by link',
      middleware: [bookingLimit] as const,
      request: { params: ZSlugParam, body: json(ZPublicBookingRequest) },
      responses: { 201: jsonContent(ZPublicBooked, 'Booked'), ...problemResponses(400, 404, 409, 429) },
    }),
    async (c) => {
      const origin = deps.publicUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;
      return c.json(
        await booking.book(c.req.valid('param').slug, c.req.valid('json'), {
          ...requestFacts(c, clock.now()),
          origin,
        }),
        201,
      );
    },
  );

  router.get('/public/booking/:slug/therapists/:id/photo', pageLimit, async (c) => {
    const photo = await booking.photo(c.req.param('slug'), c.req.param('id'));
    c.header('Content-Type', photo.mime);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(new Uint8Array(photo.bytes), 200);
  });

  // — Staff —

  router.openapi(
    createRoute({
      method: 'get',
      path: '/staff/{id}/booking-profile',
      tags: ['Public booking'],
      summary: 'A therapist’s booking-page profile: shown or hidden, bio and photo',
      middleware: [authorize('schedule:read')] as const,
      request: { params: ZIdParam },
      responses: {
        200: jsonContent(ZStaffBookingProfile, 'Profile'),
        ...problemResponses(401, 403, 404),
      },
    }),
    async (c) => c.json(await booking.getProfile(requestContext(c), c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/staff/{id}/booking-profile',
      tags: ['Public booking'],
      summary: 'A therapist’s bio and photo on the booking page (yourself; the owner for anyone)',
      middleware: [authorize('schedule:write')] as const,
      request: { params: ZIdParam, body: json(ZUpdateProfileRequest) },
      responses: {
        200: jsonContent(z.object({ userId: z.string(), bio: z.string().nullable() }).passthrough(), 'Saved'),
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        await booking.updateProfile(requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/schedule/packages',
      tags: ['Public booking'],
      summary: 'Packages and introductory offers',
      middleware: [authorize('schedule:read')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZBookingPackage) }), 'Packages'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await booking.listPackages(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/schedule/packages',
      tags: ['Public booking'],
      summary: 'Add a package or introductory offer',
      middleware: [authorize('schedule:setup')] as const,
      request: { body: json(ZCreatePackageRequest) },
      responses: { 201: jsonContent(ZBookingPackage, 'Added'), ...problemResponses(400, 401, 403) },
    }),
    async (c) => c.json(await booking.createPackage(requestContext(c), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/schedule/packages/{id}',
      tags: ['Public booking'],
      summary: 'Take a package off the page',
      middleware: [authorize('schedule:setup')] as const,
      request: { params: ZIdParam },
      responses: { 204: { description: 'Archived' }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      await booking.archivePackage(requestContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/testimonials',
      tags: ['Public booking'],
      summary: 'Testimonials clients wrote (pending ones wait for approval)',
      middleware: [authorize('schedule:setup')] as const,
      request: { query: z.strictObject({ status: z.enum(['pending', 'approved', 'rejected']).optional() }) },
      responses: {
        200: jsonContent(z.object({ items: z.array(ZTestimonial) }), 'Testimonials'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) =>
      c.json({ items: await booking.listTestimonials(requestContext(c), c.req.valid('query').status) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/testimonials/{id}/review',
      tags: ['Public booking'],
      summary: 'Approve (show on the booking page) or decline a testimonial',
      middleware: [authorize('schedule:setup')] as const,
      request: {
        params: ZIdParam,
        body: json(z.strictObject({ status: z.enum(['approved', 'rejected']) })),
      },
      responses: { 200: jsonContent(ZTestimonial, 'Reviewed'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await booking.reviewTestimonial(
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json').status,
        ),
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/portal/clients/{clientId}/testimonials',
      tags: ['Client portal'],
      summary: 'Write a testimonial after a visit, consenting to its display once staff approve it',
      middleware: [requirePortal] as const,
      request: {
        params: z.strictObject({ clientId: z.string().uuid() }),
        body: json(ZTestimonialRequest),
      },
      responses: { 201: jsonContent(ZTestimonial, 'Received'), ...problemResponses(400, 401, 404, 409) },
    }),
    async (c) =>
      c.json(
        await booking.submitTestimonial(portalContext(c), c.req.valid('param').clientId, c.req.valid('json')),
        201,
      ),
  );

  return router;
}
