import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/http/app-error.js';
import { jsonContent, problemResponses } from '../../platform/http/openapi.js';
import { requestContext, requestFacts, type Authorize } from '../../platform/http/request-context.js';
import { createRouter, type AppEnv } from '../../platform/http/router.js';
import { setSessionCookie } from '../accounts/index.js';
import {
  ZLearnerSignup,
  ZClinic,
  ZClinicCreated,
  ZClinicSignupRequest,
  ZSetupStatus,
  ZUpdateClinicRequest,
} from './clinics.schemas.js';
import type { ClinicCreated, ClinicsService } from './clinics.service.js';

const body = { content: { 'application/json': { schema: ZClinicSignupRequest } }, required: true };

export function clinicsRoutes(deps: {
  clinics: ClinicsService;
  authorize: Authorize;
  clock: Clock;
  openSignup: boolean;
}) {
  const { clinics } = deps;
  const router = createRouter();

  const created = (c: Context<AppEnv>, result: ClinicCreated) => {
    setSessionCookie(c, result.signedIn.token);
    const { user } = result.signedIn.info;
    return c.json(
      { clinic: result.clinic, user: { id: user.id, name: user.name, email: user.email, role: user.role } },
      201,
    );
  };

  router.openapi(
    createRoute({
      method: 'get',
      path: '/setup',
      tags: ['Clinic'],
      summary: 'Whether this installation still needs its first clinic',
      responses: { 200: jsonContent(ZSetupStatus, 'Setup status') },
    }),
    async (c) => c.json({ setupRequired: await clinics.isSetupRequired() }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/setup',
      tags: ['Clinic'],
      summary: 'First-run setup: the clinic and its owner (once; afterwards 409)',
      request: { body },
      responses: {
        201: jsonContent(ZClinicCreated, 'Clinic and owner created; signed in'),
        ...problemResponses(400, 409),
      },
    }),
    async (c) => created(c, await clinics.setup(c.req.valid('json'), requestFacts(c, deps.clock.now()))),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/signup',
      tags: ['Clinic'],
      summary: 'Create another clinic with its owner (only with PALPA_OPEN_SIGNUP=1; otherwise 404)',
      request: { body },
      responses: {
        201: jsonContent(ZClinicCreated, 'Clinic and owner created; signed in'),
        ...problemResponses(400, 404, 409),
      },
    }),
    async (c) => {
      if (!deps.openSignup) throw new AppError('not_found', 'Sign-up is not open on this Palpa.');
      return created(c, await clinics.signup(c.req.valid('json'), requestFacts(c, deps.clock.now())));
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/learning/signup',
      tags: ['Learning'],
      summary: 'A student signs up as an individual learner (only with PALPA_OPEN_SIGNUP=1; otherwise 404)',
      request: { body: { content: { 'application/json': { schema: ZLearnerSignup } }, required: true } },
      responses: {
        201: jsonContent(ZClinicCreated, 'Study space and learner created; signed in'),
        ...problemResponses(400, 404, 409),
      },
    }),
    async (c) => {
      if (!deps.openSignup) throw new AppError('not_found', 'Sign-up is not open on this Palpa.');
      return created(c, await clinics.signupLearner(c.req.valid('json'), requestFacts(c, deps.clock.now())));
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/clinic',
      tags: ['Clinic'],
      summary: 'The signed-in user’s clinic',
      middleware: [deps.authorize('signed-in')] as const,
      responses: { 200: jsonContent(ZClinic, 'Clinic'), ...problemResponses(401) },
    }),
    async (c) => c.json(await clinics.getClinic(requestContext(c)), 200),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/clinic',
      tags: ['Clinic'],
      summary: 'Change the clinic name and letterhead (address, phone, fax, NPI) used on reports',
      middleware: [deps.authorize('clinic:manage')] as const,
      request: {
        body: { content: { 'application/json': { schema: ZUpdateClinicRequest } }, required: true },
      },
      responses: { 200: jsonContent(ZClinic, 'Updated'), ...problemResponses(400, 401, 403) },
    }),
    async (c) => c.json(await clinics.updateClinic(requestContext(c), c.req.valid('json')), 200),
  );

  return router;
}
