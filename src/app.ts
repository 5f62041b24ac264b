import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRoute, z } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from './platform/clock.js';
import type { Database } from './platform/db/database.js';
import { AppError } from './platform/http/app-error.js';
import { jsonContent, problemResponses } from './platform/http/openapi.js';
import { problemResponse, toProblem } from './platform/http/problem-json.js';
import { requestMeta } from './platform/http/request-meta.js';
import { createRouter } from './platform/http/router.js';
import { sameOriginOnly, securityHeaders } from './platform/http/security.js';
import type { Backups } from './platform/backup/backups.js';
import {
  accountsRoutes,
  createAccountsService,
  createAuthorize,
  createOptionalSession,
  DEFAULT_LOGIN_THROTTLE,
  type LoginThrottlePolicy,
} from './modules/accounts/index.js';
import { auditRoutes, createAuditService } from './modules/audit/index.js';
import { clientsRoutes, createClientsService } from './modules/clients/index.js';
import { clinicsRoutes, createClinicsService } from './modules/clinics/index.js';
import { createIcd10cmService, icd10cmRoutes, type Icd10cmService } from './modules/icd10cm/index.js';
import { assessmentsRoutes, createAssessmentsService } from './modules/assessments/index.js';
import { clinicalChartRoutes, createClinicalChartService } from './modules/clinical-chart/index.js';
import { createEpisodesService, episodesRoutes } from './modules/episodes/index.js';
import { createLibraryService, libraryRoutes, type LibraryService } from './modules/library/index.js';
import { createIntakeService, intakeRoutes } from './modules/intake/index.js';
import { createPrescriptionsService, prescriptionsRoutes } from './modules/prescriptions/index.js';
import { screeningRoutes } from './modules/screening/index.js';
import { createSessionNotesService, sessionNotesRoutes } from './modules/session-notes/index.js';
import { createTreatmentPlansService, treatmentPlansRoutes } from './modules/treatment-plans/index.js';
import { outcomeMeasuresRoutes } from './modules/outcome-measures/index.js';
import { billingRoutes, createBillingService } from './modules/billing/index.js';
import { coverageRoutes, createCoverageService } from './modules/coverage/index.js';
import { claimsRoutes, createClaimsService } from './modules/claims/index.js';
import { createLedgerDocuments, createLedgerService, ledgerRoutes } from './modules/ledger/index.js';
import { createRemittanceService, remittanceRoutes } from './modules/remittance/index.js';
import { createSchedulingService, schedulingRoutes } from './modules/scheduling/index.js';
import { createJobQueue, type JobQueue } from './modules/jobs/index.js';
import { createMessagingService, messagingRoutes, type MessageSender } from './modules/messaging/index.js';
import { createPortalService, portalRoutes } from './modules/portal/index.js';
import { bookingRoutes, createBookingService } from './modules/booking/index.js';
import { createLearningService, learningRoutes, type LearningService } from './modules/learning/index.js';

export const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');
const MAX_BODY_BYTES = 1024 * 1024;

export type AppDeps = {
  database: Database;
  clock: Clock;
  logger: Logger;
  sessionIdleMinutes: number;
  openSignup: boolean;
  publicUrl?: string | undefined;
  trustProxy?: boolean;
  loginThrottle?: LoginThrottlePolicy;
  sleep?: (ms: number) => Promise<void>;
  backups?: Backups;
  /** Reference-data service; made here when not given (the server passes its own to preload the codes). */
  icd10cm?: Icd10cmService;
  /** Library content service; made here when not given (the server passes its own to preload it). */
  library?: LibraryService;
  /** The background-job worker of this process; made here when not given (the server starts it). */
  jobs?: JobQueue;
  /** Learning content service; made here when not given (tests share one to read the files once). */
  learning?: LearningService;
  /** Who delivers messages: SMTP email when SMTP_URL is set; none means messages wait in the outbox. */
  senders?: MessageSender[];
  /** Folder of the built web app; omitted in API-only tests. */
  webRoot?: string;
};

/** The composition root of the HTTP application: wires services, routes and middleware. */
export function createApp(deps: AppDeps) {
  const { database, clock } = deps;
  const accounts = createAccountsService({
    database,
    clock,
    sessionIdleMinutes: deps.sessionIdleMinutes,
    loginThrottle: deps.loginThrottle ?? DEFAULT_LOGIN_THROTTLE,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  });
  const authorize = createAuthorize({ accounts, clock });
  const clinics = createClinicsService({ database, accounts });
  const clients = createClientsService({ database });
  const audit = createAuditService(database);
  const icd10cm = deps.icd10cm ?? createIcd10cmService({ database, now: () => clock.now() });
  const library = deps.library ?? createLibraryService({ database, now: () => clock.now(), icd10cm });
  const episodes = createEpisodesService({ database });
  const prescriptions = createPrescriptionsService({ database, icd10cm });
  const intake = createIntakeService({ database });
  const assessments = createAssessmentsService({ database });
  const plans = createTreatmentPlansService({ database });
  const notes = createSessionNotesService({ database, library });
  const chart = createClinicalChartService({ database });
  const billing = createBillingService({ database });
  const coverage = createCoverageService({ database });
  const claims = createClaimsService({ database, icd10cm });
  const ledger = createLedgerService({ database });
  const ledgerDocuments = createLedgerDocuments({ database });
  const remittances = createRemittanceService({ database });
  const jobs = deps.jobs ?? createJobQueue({ database, clock, logger: deps.logger });
  const messaging = createMessagingService({
    database,
    clock,
    jobs,
    logger: deps.logger,
    senders: deps.senders ?? [],
  });
  const scheduling = createSchedulingService({
    database,
    notes,
    messaging,
    portalUrl: deps.publicUrl ? `${deps.publicUrl.replace(/\/$/, '')}/portal` : undefined,
  });
  const portal = createPortalService({ database, clock, messaging, scheduling, documents: ledgerDocuments });
  const learning = deps.learning ?? createLearningService({ database, clock, messaging });
  const booking = createBookingService({ database, scheduling, portal });
  // Reminders: every five minutes some worker writes the reminders that came due (once each).
  jobs.every('appointments.remind', 5 * 60_000, async () => {
    await scheduling.enqueueDueReminders(clock.now());
  });
  // Licence and certification renewals: a daily look for the 90- and 30-day reminders (issue 8).
  jobs.every('learning.ce-reminders', 6 * 60 * 60_000, async () => {
    await learning.enqueueCeReminders(clock.now());
  });
  const optionalSession = createOptionalSession({ accounts, clock });

  const app = createRouter();
  app.use(
    '*',
    requestMeta({ trustProxy: deps.trustProxy ?? false, publicUrl: deps.publicUrl, logger: deps.logger }),
  );
  app.use('*', securityHeaders({ https: deps.publicUrl?.startsWith('https:') ?? false }));
  app.use('/api/*', sameOriginOnly({ publicOrigin: deps.publicUrl, trustProxy: deps.trustProxy ?? false }));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new AppError('payload_too_large', 'The request body is larger than the 1 MB limit.');
      },
    }),
  );

  app.onError((err, c) => {
    const { problem, unexpected } = toProblem(err);
    if (unexpected)
      deps.logger.error(
        { err: err.message, stack: err.stack, requestId: c.get('requestId') },
        'unexpected error',
      );
    else if (problem.status === 503) deps.logger.warn({ err: err.message }, 'database unavailable');
    return problemResponse(c, problem);
  });

  const api = createRouter();
  api.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['Operations'],
      summary: 'Liveness and which database backs this Palpa',
      responses: {
        200: jsonContent(
          z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
          'Healthy',
        ),
        ...problemResponses(),
      },
    }),
    async (c) => {
      await database.db.execute(sql`select 1`);
      return c.json({ status: 'ok' as const, database: database.kind }, 200);
    },
  );
  const backups = deps.backups;
  if (backups?.enabled) {
    api.openapi(
      createRoute({
        method: 'post',
        path: '/backups',
        tags: ['Operations'],
        summary: 'Write a compressed backup of the embedded database now (owner)',
        middleware: [authorize('backups:create')] as const,
        responses: {
          201: jsonContent(z.object({ file: z.string(), bytes: z.number().int() }), 'Backup written'),
          ...problemResponses(401, 403),
        },
      }),
      async (c) => {
        const result = await backups.backupNow();
        return c.json({ file: path.basename(result.file), bytes: result.bytes }, 201);
      },
    );
  }
  api.route('/', clinicsRoutes({ clinics, authorize, clock, openSignup: deps.openSignup }));
  api.route('/', accountsRoutes({ accounts, authorize, clock }));
  api.route('/', clientsRoutes({ clients, authorize }));
  api.route('/', auditRoutes({ audit, authorize }));
  api.route('/', icd10cmRoutes({ icd10cm }));
  api.route('/', outcomeMeasuresRoutes());
  api.route('/', screeningRoutes());
  api.route('/', libraryRoutes({ library, authorize, optionalSession }));
  api.route('/', episodesRoutes({ episodes, authorize }));
  api.route('/', prescriptionsRoutes({ prescriptions, authorize }));
  api.route('/', intakeRoutes({ intake, authorize }));
  api.route('/', assessmentsRoutes({ assessments, authorize }));
  api.route('/', treatmentPlansRoutes({ plans, authorize }));
  api.route('/', sessionNotesRoutes({ notes, authorize }));
  api.route('/', clinicalChartRoutes({ chart, authorize }));
  api.route('/', billingRoutes({ billing, authorize, optionalSession }));
  api.route('/', coverageRoutes({ coverage, authorize }));
  api.route('/', claimsRoutes({ claims, authorize }));
  api.route('/', ledgerRoutes({ ledger, documents: ledgerDocuments, authorize }));
  api.route('/', remittanceRoutes({ remittances, authorize }));
  api.route('/', schedulingRoutes({ scheduling, authorize, clock, publicUrl: deps.publicUrl }));
  api.route('/', messagingRoutes({ messaging, authorize }));
  api.route('/', learningRoutes({ learning, authorize }));
  api.route('/', portalRoutes({ portal, authorize, clock, publicUrl: deps.publicUrl }));
  api.route('/', bookingRoutes({ booking, portal, authorize, clock, publicUrl: deps.publicUrl }));
  app.route('/api', api);
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'palpa_session',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Palpa API',
      version: '0.1.0',
      description: 'Practice system for medical massage therapists. Errors are RFC 9457 problem+json.',
    },
    security: [{ sessionCookie: [] }],
  });
  app.all('/api/*', () => {
    throw new AppError('not_found', 'There is no such API route.');
  });

  if (deps.webRoot && fs.existsSync(deps.webRoot)) {
    const root = path.relative(process.cwd(), deps.webRoot) || '.';
    app.use(
      '/assets/*',
      serveStatic({
        root,
        onFound: (_path, c) => {
          c.header('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    app.use('*', serveStatic({ root }));
    const indexHtml = fs.readFileSync(path.join(deps.webRoot, 'index.html'), 'utf8');
    // Client-side routes (/clients/…, /setup) all load the single-page app.
    app.get('*', (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.html(indexHtml);
    });
  }

  return app;
}
