import { createRoute, z } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import { jsonContent, problemResponses, ZIdParam } from '../../platform/http/openapi.js';
import { requestContext, requestFacts, type Authorize } from '../../platform/http/request-context.js';
import { createRouter } from '../../platform/http/router.js';
import {
  ZAcceptInvitationRequest,
  ZInvitation,
  ZInvitationPreview,
  ZInviteRequest,
  ZLoginRequest,
  ZSessionInfo,
  ZSessionUser,
  ZStaffMember,
  ZTotpDisableRequest,
  ZTotpEnableRequest,
  ZTotpSetup,
  ZUpdateProfileRequest,
  ZUpdateStaffRequest,
} from './accounts.schemas.js';
import type { AccountsService } from './accounts.service.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-auth.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export function accountsRoutes(deps: { accounts: AccountsService; authorize: Authorize; clock: Clock }) {
  const { accounts, authorize } = deps;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['Auth'],
      summary: 'Sign in; sets the HttpOnly session cookie',
      request: { body: json(ZLoginRequest) },
      responses: { 200: jsonContent(ZSessionInfo, 'Signed in'), ...problemResponses(400, 401, 403, 429) },
    }),
    async (c) => {
      const { token, info } = await accounts.login(c.req.valid('json'), requestFacts(c, deps.clock.now()));
      setSessionCookie(c, token);
      return c.json(info, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['Auth'],
      summary: 'Sign out; ends the session on the server',
      responses: { 204: { description: 'Signed out' }, ...problemResponses(403) },
    }),
    async (c) => {
      await accounts.logout(readSessionCookie(c), requestFacts(c, deps.clock.now()));
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/auth/session',
      tags: ['Auth'],
      summary: 'The signed-in user, role and permissions',
      middleware: [authorize('signed-in')] as const,
      responses: { 200: jsonContent(ZSessionInfo, 'Current session'), ...problemResponses(401) },
    }),
    async (c) => c.json(await accounts.sessionInfo(requestContext(c)), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/auth/me',
      tags: ['Auth'],
      summary: 'The signed-in staff user: id, name, email, role, clinic (and permissions)',
      middleware: [authorize('signed-in')] as const,
      responses: { 200: jsonContent(ZSessionUser, 'Signed-in user'), ...problemResponses(401) },
    }),
    async (c) => c.json((await accounts.sessionInfo(requestContext(c))).user, 200),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/auth/profile',
      tags: ['Auth'],
      summary: 'Change your own name, credentials and licence number (shown on signed notes and reports)',
      middleware: [authorize('signed-in')] as const,
      request: {
        body: { content: { 'application/json': { schema: ZUpdateProfileRequest } }, required: true },
      },
      responses: { 200: jsonContent(ZSessionInfo, 'Updated'), ...problemResponses(400, 401) },
    }),
    async (c) => c.json(await accounts.updateProfile(requestContext(c), c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/totp/setup',
      tags: ['Auth'],
      summary: 'Start two-factor set-up: a new secret and QR code (not active until confirmed)',
      middleware: [authorize('signed-in')] as const,
      responses: { 200: jsonContent(ZTotpSetup, 'Secret to scan'), ...problemResponses(401, 409) },
    }),
    async (c) => c.json(await accounts.startTotpSetup(requestContext(c)), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/totp/enable',
      tags: ['Auth'],
      summary: 'Confirm two-factor set-up with a current code',
      middleware: [authorize('signed-in')] as const,
      request: { body: json(ZTotpEnableRequest) },
      responses: { 200: jsonContent(ZSessionInfo, 'Two-factor on'), ...problemResponses(400, 401, 409) },
    }),
    async (c) => c.json(await accounts.enableTotp(requestContext(c), c.req.valid('json').code), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/totp/disable',
      tags: ['Auth'],
      summary: 'Turn two-factor sign-in off (password required)',
      middleware: [authorize('signed-in')] as const,
      request: { body: json(ZTotpDisableRequest) },
      responses: { 200: jsonContent(ZSessionInfo, 'Two-factor off'), ...problemResponses(400, 401) },
    }),
    async (c) => c.json(await accounts.disableTotp(requestContext(c), c.req.valid('json').password), 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/staff',
      tags: ['Staff'],
      summary: "The clinic's staff accounts",
      middleware: [authorize('staff:read')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZStaffMember) }), 'Staff'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await accounts.listStaff(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/staff/{id}',
      tags: ['Staff'],
      summary: "Change a staff member's role or deactivate/reactivate the account",
      middleware: [authorize('staff:manage')] as const,
      request: { params: ZIdParam, body: json(ZUpdateStaffRequest) },
      responses: { 200: jsonContent(ZStaffMember, 'Updated'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        await accounts.updateStaff(requestContext(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/staff/invitations',
      tags: ['Staff'],
      summary: 'Invite a staff member with a role; answers the one-time link to hand over',
      middleware: [authorize('staff:manage')] as const,
      request: { body: json(ZInviteRequest) },
      responses: {
        201: jsonContent(ZInvitation, 'Invitation created'),
        ...problemResponses(400, 401, 403, 409),
      },
    }),
    async (c) => c.json(await accounts.invite(requestContext(c), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/staff/invitations',
      tags: ['Staff'],
      summary: 'Invitations sent by the clinic',
      middleware: [authorize('staff:manage')] as const,
      responses: {
        200: jsonContent(z.object({ items: z.array(ZInvitation) }), 'Invitations'),
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json({ items: await accounts.listInvitations(requestContext(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/staff/invitations/{id}',
      tags: ['Staff'],
      summary: 'Revoke an invitation',
      middleware: [authorize('staff:manage')] as const,
      request: { params: ZIdParam },
      responses: { 204: { description: 'Revoked' }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      await accounts.revokeInvitation(requestContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/invitations/{token}',
      tags: ['Staff'],
      summary: 'What an invitation link is for (before accepting it)',
      request: {
        params: z.strictObject({
          token: z
            .string()
            .min(20)
            .max(100)
            .openapi({ param: { name: 'token', in: 'path' } }),
        }),
      },
      responses: { 200: jsonContent(ZInvitationPreview, 'Invitation'), ...problemResponses(400, 404) },
    }),
    async (c) => c.json(await accounts.previewInvitation(c.req.valid('param').token, deps.clock.now()), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/invitations/accept',
      tags: ['Staff'],
      summary: 'Accept an invitation by choosing a password; signs the new staff member in',
      request: { body: json(ZAcceptInvitationRequest) },
      responses: { 201: jsonContent(ZSessionInfo, 'Account created'), ...problemResponses(400, 404, 409) },
    }),
    async (c) => {
      const { token, info } = await accounts.acceptInvitation(
        c.req.valid('json'),
        requestFacts(c, deps.clock.now()),
      );
      setSessionCookie(c, token);
      return c.json(info, 201);
    },
  );

  return router;
}
