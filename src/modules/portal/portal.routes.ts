import { createRoute, z } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, requestFacts, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import { ZAvailability, ZScheduleService } from '../scheduling/index.js';
import {
  clearPortalCookie,
  createRequirePortal,
  portalContext,
  readPortalCookie,
  setPortalCookie,
} from './portal-auth.js';
import {
  ZIntakeSubmission,
  ZOutcomeSubmission,
  ZPortalAcceptRequest,
  ZPortalAppointment,
  ZPortalBookRequest,
  ZPortalCancelRequest,
  ZPortalForms,
  ZPortalInvitation,
  ZPortalInviteRequest,
  ZPortalLinkRequest,
  ZPortalLoginRequest,
  ZPortalMe,
  ZPortalRedeemRequest,
  ZSubmission,
} from './portal.schemas.js';
import type { PortalService } from './portal.service.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const ZClientParam = z.strictObject({ clientId: z.string().uuid() });
const ZOk = z.object({ ok: z.literal(true) });

export function portalRoutes(deps: {
  portal: PortalService;
  authorize: Authorize;
  clock: Clock;
  publicUrl?: string | undefined;
}) {
  const { portal, authorize, clock } = deps;
  const router = createRouter();
  const requirePortal = createRequirePortal({ portal, clock });
  const originOf = (url: string) => deps.publicUrl?.replace(/\/$/, '') ?? new URL(url).origin;

  // — Staff side —

  router.openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/portal-invitations',
      tags: ['Client portal'],
      summary: 'Invite a client, or a guardian of a minor or dependent, to the client portal (by email)',
      middleware: [authorize('clients:write')] as const,
      request: { params: ZIdParam, body: json(ZPortalInviteRequest) },
      responses: { 201: jsonContent(ZPortalInvitation, 'Invited'), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await portal.invite(
          requestContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
          originOf(c.req.url),
        ),
        201,
      ),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/submissions',
      tags: ['Client portal'],
      summary: 'Forms the client completed in the portal (intake, questionnaires), newest first',
      middleware: [authorize('clinical:read')] as const,
      request: { params: ZIdParam },
      responses: {
        200: jsonContent(z.object({ items: z.array(ZSubmission) }), 'Submissions'),
        ...problemResponses(401, 403, 404),
      },
    }),
    async (c) =>
      c.json({ items: await portal.submissionsForStaff(requestContext(c), c.req.valid('param').id) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/submissions/{id}/review',
      tags: ['Client portal'],
      summary: 'Mark a form completed by the client as reviewed',
      middleware: [authorize('clinical:write')] as const,
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZSubmission, 'Reviewed'), ...problemResponses(401, 403, 404) },
    }),
    async (c) => c.json(await portal.markReviewed(requestContext(c), c.req.valid('param').id), 200),
  );

  // — Signing in (no session yet) —

  router.openapi(
    createRoute({
      method: 'post',
      path: '/portal/accept',
      tags: ['Client portal'],
      summary: 'Accept a portal invitation: set a password and sign in',
      request: { body: json(ZPortalAcceptRequest) },
      responses: { 200: jsonContent(ZPortalMe, 'Signed in'), ...problemResponses(400, 404) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const facts = requestFacts(c, clock.now());
      const token = await portal.accept(body.token, body.password, facts);
      setPortalCookie(c, token);
      return c.json(await portal.me((await portal.authenticate(token, facts))!), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/portal/login',
      tags: ['Client portal'],
      summary: 'Sign in to the portal with email and password (and a TOTP code when two-factor is on)',
      request: { body: json(ZPortalLoginRequest) },
      responses: { 200: jsonContent(ZPortalMe, 'Signed in'), ...problemResponses(400, 401, 429) },
    }),
    async (c) => {
      const facts = requestFacts(c, clock.now());
      const token = await portal.login(c.req.valid('json'), facts);
      setPortalCookie(c, token);
      return c.json(await portal.me((await portal.authenticate(token, facts))!), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/portal/sign-in-link',
      tags: ['Client portal'],
      summary: 'Email a one-time sign-in link (answers the same whether or not the address has an account)',
      request: { body: json(ZPortalLinkRequest) },
      responses: { 202: jsonContent(ZOk, 'Sent if the account exists'), ...problemResponses(400) },
    }),
    async (c) => {
      await portal.sendSignInLink(
        c.req.valid('json').email,
        originOf(c.req.url),
        requestFacts(c, clock.now()),
      );
      return c.json({ ok: true as const }, 202);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/portal/sign-in-link/redeem',
      tags: ['Client portal'],
      summary: 'Sign in with a one-time link',
      request: { body: json(ZPortalRedeemRequest) },
      responses: { 200: jsonContent(ZPortalMe, 'Signed in'), ...problemResponses(400, 401, 404) },
    }),
    async (c) => {
      const facts = requestFacts(c, clock.now());
      const token = await portal.redeemSignInLink(c.req.valid('json').token, facts);
      setPortalCookie(c, token);
      return c.json(await portal.me((await portal.authenticate(token, facts))!), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/portal/logout',
      tags: ['Client portal'],
      summary: 'Sign out of the portal',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const token = readPortalCookie(c);
      if (token) await portal.logout(token);
      clearPortalCookie(c);
      return c.body(null, 204);
    },
  );

  // — Signed in to the portal —

  router.openapi(
    createRoute({
      method: 'get',
      path: '/portal/me',
      tags: ['Client portal'],
      summary: 'The portal account, its clinic and the clients it holds (self, or as guardian)',
      middleware: [requirePortal] as const,
      responses: { 200: jsonContent(ZPortalMe, 'Me'), ...problemResponses(401) },
    }),
    async (c) => c.json(await portal.me(portalContext(c)), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/portal/totp/setup',
      tags: ['Client portal'],
      summary: 'Start optional two-factor sign-in (TOTP): a secret and its otpauth URI',
      middleware: [requirePortal] as const,
      responses: {
        200: jsonContent(z.object({ secret: z.string(), uri: z.string() }), 'Secret'),
        ...problemResponses(401),
      },
    }),
    async (c) => c.json(await portal.totpSetup(portalContext(c)), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/portal/totp/enable',
      tags: ['Client portal'],
      summary: 'Turn two-factor sign-in on with a first code',
      middleware: [requirePortal] as const,
      request: { body: json(z.strictObject({ code: z.string().regex(/^\d{6}$/) })) },
      responses: { 200: jsonContent(ZOk, 'On'), ...problemResponses(400, 401, 409) },
    }),
    async (c) => {
      await portal.totpEnable(portalContext(c), c.req.valid('json').code);
      return c.json({ ok: true as const }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/portal/booking-options',
      tags: ['Client portal'],
      summary: 'What can be booked online: services and therapists',
      middleware: [requirePortal] as const,
      responses: {
        200: jsonContent(
          z.object({
            services: z.array(ZScheduleService),
            therapists: z.array(
              z.object({ id: z.string(), name: z.string(), credentials: z.string().nullable() }),
            ),
          }),
          'Menu',
        ),
        ...problemResponses(401),
      },
    }),
    async (c) => c.json(await portal.bookingOptions(portalContext(c)), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/portal/availability',
      tags: ['Client portal'],
      summary: 'Free times for a service',
      middleware: [requirePortal] as const,
      request: {
        query: z.strictObject({
          serviceId: z.string().uuid(),
          from: z.string().datetime({ offset: true }),
          to: z.string().datetime({ offset: true }),
          therapistId: z.string().uuid().optional(),
        }),
      },
      responses: { 200: jsonContent(ZAvailability, 'Free slots'), ...problemResponses(400, 401) },
    }),
    async (c) => c.json({ slots: await portal.availability(portalContext(c), c.req.valid('query')) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/portal/clients/{clientId}/appointments',
      tags: ['Client portal'],
      summary: 'Upcoming and past appointments of a client this account holds',
      middleware: [requirePortal] as const,
      request: { params: ZClientParam },
      responses: {
        200: jsonContent(z.object({ items: z.array(ZPortalAppointment) }), 'Appointments'),
        ...problemResponses(401, 404),
      },
    }),
    async (c) =>
      c.json({ items: await portal.appointments(portalContext(c), c.req.valid('param').clientId) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/portal/clients/{clientId}/appointments',
      tags: ['Client portal'],
      summary: 'Book a free time',
      middleware: [requirePortal] as const,
      request: { params: ZClientParam, body: json(ZPortalBookRequest) },
      responses: {
        201: jsonContent(z.object({ id: z.string().uuid(), start: z.string(), end: z.string() }), 'Booked'),
        ...problemResponses(400, 401, 404, 409),
      },
    }),
    async (c) => {
      const booked = await portal.book(portalContext(c), c.req.valid('param').clientId, c.req.valid('json'));
      return c.json({ id: booked.id, start: booked.start, end: booked.end }, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/portal/appointments/{id}/cancel',
      tags: ['Client portal'],
      summary: 'Cancel within the clinic’s policy (inside the late window: call the clinic)',
      middleware: [requirePortal] as const,
      request: { params: ZIdParam, body: json(ZPortalCancelRequest) },
      responses: { 200: jsonContent(ZOk, 'Cancelled'), ...problemResponses(400, 401, 404, 409) },
    }),
    async (c) => {
      await portal.cancel(portalContext(c), c.req.valid('param').id, c.req.valid('json').reason);
      return c.json({ ok: true as const }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/portal/clients/{clientId}/forms',
      tags: ['Client portal'],
      summary: 'Forms to fill: intake before the first visit, the plan’s questionnaires',
      middleware: [requirePortal] as const,
      request: { params: ZClientParam },
      responses: { 200: jsonContent(ZPortalForms, 'Forms'), ...problemResponses(401, 404) },
    }),
    async (c) => c.json(await portal.forms(portalContext(c), c.req.valid('param').clientId), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/portal/clients/{clientId}/intake',
      tags: ['Client portal'],
      summary: 'Submit the intake health history (screened at once; the therapist reviews it)',
      middleware: [requirePortal] as const,
      request: { params: ZClientParam, body: json(ZIntakeSubmission) },
      responses: { 201: jsonContent(ZSubmission, 'Submitted'), ...problemResponses(400, 401, 404) },
    }),
    async (c) =>
      c.json(
        await portal.submitIntake(
          portalContext(c),
          c.req.valid('param').clientId,
          c.req.valid('json').healthHistory,
        ),
        201,
      ),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/portal/clients/{clientId}/questionnaires',
      tags: ['Client portal'],
      summary:
        'Submit an outcome questionnaire (scored at once, shown to the therapist as completed by client)',
      middleware: [requirePortal] as const,
      request: { params: ZClientParam, body: json(ZOutcomeSubmission) },
      responses: { 201: jsonContent(ZSubmission, 'Submitted'), ...problemResponses(400, 401, 404) },
    }),
    async (c) =>
      c.json(
        await portal.submitOutcome(portalContext(c), c.req.valid('param').clientId, c.req.valid('json')),
        201,
      ),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/portal/clients/{clientId}/home-care',
      tags: ['Client portal'],
      summary: 'Home-care advice from the therapist’s signed visit notes, newest first',
      middleware: [requirePortal] as const,
      request: { params: ZClientParam },
      responses: {
        200: jsonContent(
          z.object({ items: z.array(z.object({ date: z.string(), text: z.string() })) }),
          'Advice',
        ),
        ...problemResponses(401, 404),
      },
    }),
    async (c) =>
      c.json({ items: await portal.homeCare(portalContext(c), c.req.valid('param').clientId) }, 200),
  );

  for (const kind of ['statement', 'superbill'] as const)
    router.openapi(
      createRoute({
        method: 'get',
        path: `/portal/clients/{clientId}/${kind}.pdf`,
        tags: ['Client portal'],
        summary:
          kind === 'statement'
            ? 'The client’s statement (PDF)'
            : 'A superbill of self-pay visits (PDF), for reimbursement',
        middleware: [requirePortal] as const,
        request: {
          params: ZClientParam,
          query: z.strictObject({
            from: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/)
              .optional(),
            to: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/)
              .optional(),
          }),
        },
        responses: {
          200: {
            description: 'The PDF',
            content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
          },
          ...problemResponses(401, 404, 409),
        },
      }),
      async (c) => {
        const { bytes } = await portal.document(
          portalContext(c),
          c.req.valid('param').clientId,
          kind,
          c.req.valid('query'),
        );
        return c.body(bytes.slice().buffer, 200, {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `inline; filename="${kind}.pdf"`,
          'Cache-Control': 'no-store',
        });
      },
    );

  return router;
}
