import type { Clock } from '../../platform/clock.js';
import type { Database, Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { calendarDateIn } from '../../platform/time-zone.js';
import {
  hashPassword,
  hashToken,
  isValidTotpCode,
  newToken,
  newTotpSecret,
  totpUri,
  verifyAgainstDummy,
  verifyPassword,
} from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { listEpisodesOfClient } from '../episodes/index.js';
import type { LedgerDocuments } from '../ledger/index.js';
import type { MessagingService } from '../messaging/index.js';
import {
  findAnswerProblems,
  OUTCOME_MEASURE_IDS,
  OUTCOME_MEASURES,
  scoreOutcomeMeasure,
  type OutcomeMeasureId,
} from '../outcome-measures/index.js';
import type { SchedulingActor, SchedulingService } from '../scheduling/index.js';
import { screenHealthHistory, type THealthHistory } from '../screening/index.js';
import { planOfEpisode } from '../treatment-plans/index.js';
import * as repo from './portal.repository.js';
import type { TPortalInviteRequest, TPortalMe, TSubmission } from './portal.schemas.js';

/** Who is signed in to the portal, and which clients they may see: themselves, or those in their care. */
export type PortalContext = {
  accountId: string;
  clinicId: string;
  name: string;
  email: string;
  clientIds: string[];
  timeZone: string;
  clinicName: string;
  clinicPhone: string | null;
  now: Date;
  ip: string | null;
  requestId: string | null;
  tokenHash: string;
};

type RequestFacts = { now: Date; ip: string | null; requestId: string | null };

const SESSION_HOURS = 12;
const INVITATION_DAYS = 14;
const SIGN_IN_LINK_MINUTES = 20;
const MAX_FAILED_LOGINS = 8;
const LOCK_MINUTES = 15;

/** The actor portal actions are audited and booked as: no staff user, the channel named. */
function actorOf(p: PortalContext): SchedulingActor {
  return {
    clinicId: p.clinicId,
    now: p.now,
    timeZone: p.timeZone,
    ip: p.ip,
    requestId: p.requestId,
    userId: null,
    userName: `Client portal (${p.email})`,
  };
}

function toSubmission(row: repo.SubmissionRow, names: Map<string, string>): TSubmission {
  return {
    id: row.id,
    clientId: row.clientId,
    episodeId: row.episodeId,
    kind: row.kind,
    instrumentId: row.instrumentId,
    payload: row.payload,
    score: row.score ?? null,
    submittedAt: row.submittedAt.toISOString(),
    submittedByName: names.get(row.submittedBy) ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
  };
}

export function createPortalService(deps: {
  database: Database;
  clock: Clock;
  messaging: MessagingService;
  scheduling: SchedulingService;
  documents: LedgerDocuments;
}) {
  const { database, messaging, scheduling, documents } = deps;

  async function startSession(tx: Db, accountId: string, now: Date): Promise<string> {
    const { token, tokenHash } = newToken();
    await repo.insertSession(tx, {
      tokenHash,
      accountId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000),
    });
    await repo.updateAccount(tx, accountId, { lastLoginAt: now, failedLoginCount: 0, lockedUntil: null });
    return token;
  }

  function requireClient(p: PortalContext, clientId: string) {
    // Another client's id answers exactly as a missing one does: nothing tells them it exists.
    if (!p.clientIds.includes(clientId)) throw notFound('The client');
  }

  async function auditPortal(
    tx: Db,
    p: PortalContext,
    action: 'portal.read' | 'portal.submitted' | 'portal.signed_in',
    clientIds: string[],
    detail: Record<string, unknown> = {},
  ) {
    await recordAudit(tx, actorOf(p), {
      action,
      entityType: 'portal_account',
      entityId: p.accountId,
      clientIds,
      detail,
    });
  }

  async function inviteInTx(
    tx: Db,
    input: {
      clinicId: string;
      clientId: string;
      email: string;
      name: string;
      relationship: 'self' | 'guardian';
      grantedBy: string | null;
      now: Date;
      origin: string;
      reason?: 'booking';
    },
  ) {
    const account = await repo.insertAccount(tx, {
      clinicId: input.clinicId,
      email: input.email,
      name: input.name,
      createdAt: input.now,
    });
    await repo.grantAccess(tx, {
      accountId: account.id,
      clientId: input.clientId,
      relationship: input.relationship,
      grantedBy: input.grantedBy,
      createdAt: input.now,
    });
    const { token, tokenHash } = newToken();
    await repo.insertToken(tx, {
      tokenHash,
      accountId: account.id,
      purpose: 'invitation',
      expiresAt: new Date(input.now.getTime() + INVITATION_DAYS * 86_400_000),
      createdAt: input.now,
    });
    const acceptPath = `/portal/accept/${token}`;
    const clinic = await scheduling.clinicFacts(tx, input.clinicId);
    const why =
      input.reason === 'booking'
        ? `Thank you for booking with ${clinic.name}. Before your first visit, please fill in the health history form in our client portal; there you can also see, book and cancel appointments.`
        : `${clinic.name} invites you to its client portal, where you can see and book appointments and fill in forms before your visit.`;
    const message = await messaging.enqueue(tx, {
      clinicId: input.clinicId,
      clinicName: clinic.name,
      clientId: input.clientId,
      channel: 'email',
      kind: 'portal_invitation',
      to: account.email,
      toName: account.name,
      subject: `Your client portal at ${clinic.name}`,
      body: [
        `Hello ${account.name.split(' ')[0]},`,
        '',
        why,
        `Set your password here (the link works for ${INVITATION_DAYS} days): ${input.origin}${acceptPath}`,
        '',
        clinic.name,
      ].join('\n'),
    });
    return {
      accountId: account.id,
      acceptPath,
      emailed: message?.status === 'queued',
      hasPassword: account.passwordHash !== null,
    };
  }

  return {
    /** Staff invite a client (or a guardian) to the portal; the link is emailed, and shown to staff too. */
    async invite(ctx: RequestContext, clientId: string, input: TPortalInviteRequest, origin: string) {
      return database.db.transaction(async (tx) => {
        const client = await repo.findClientOfClinic(tx, ctx.clinicId, clientId);
        if (!client) throw notFound('The client');
        const invitation = await inviteInTx(tx, {
          clinicId: ctx.clinicId,
          clientId,
          email: input.email,
          name: input.name ?? `${client.givenName} ${client.familyName}`,
          relationship: input.relationship,
          grantedBy: ctx.userId,
          now: ctx.now,
          origin,
        });
        await recordAudit(tx, ctx, {
          action: 'portal.invited',
          entityType: 'portal_account',
          entityId: invitation.accountId,
          clientIds: [clientId],
          detail: { relationship: input.relationship },
        });
        return invitation;
      });
    },

    /** A client who booked online gets the portal (and its intake form) by link, in the booking's transaction. */
    inviteInTx,

    async accountsOfClient(ctx: RequestContext, clientId: string) {
      return repo.accountsOfClient(database.db, ctx.clinicId, clientId);
    },

    async accept(token: string, password: string, facts: RequestFacts): Promise<string> {
      const passwordHash = await hashPassword(password);
      return database.db.transaction(async (tx) => {
        const accountId = await repo.useToken(tx, hashToken(token), 'invitation', facts.now);
        if (!accountId)
          throw new AppError(
            'not_found',
            'This invitation link is not valid any more: ask the clinic for a new one.',
          );
        await repo.updateAccount(tx, accountId, { passwordHash });
        return startSession(tx, accountId, facts.now);
      });
    },

    async login(
      input: { email: string; password: string; totpCode?: string | undefined },
      facts: RequestFacts,
    ) {
      const accounts = (await repo.accountsByEmail(database.db, input.email)).filter((a) => a.passwordHash);
      const refuse = () => new AppError('unauthenticated', 'The email or password is not right.');
      if (accounts.length === 0) {
        await verifyAgainstDummy(input.password);
        throw refuse();
      }
      for (const account of accounts) {
        if (account.lockedUntil && account.lockedUntil > facts.now)
          throw new AppError(
            'account_locked',
            'Too many attempts: try again in a quarter of an hour, or use a sign-in link.',
          );
        if (!(await verifyPassword(account.passwordHash!, input.password))) continue;
        if (account.totpEnabledAt) {
          if (!input.totpCode)
            throw new AppError('totp_required', 'Enter the 6-digit code from your authenticator app.');
          if (!(await isValidTotpCode(account.totpSecret!, input.totpCode, facts.now)))
            throw new AppError('unauthenticated', 'That code is not right.', {
              errors: [{ path: 'totpCode', message: 'That code is not right.' }],
            });
        }
        return database.db.transaction((tx) => startSession(tx, account.id, facts.now));
      }
      await database.db.transaction(async (tx) => {
        for (const account of accounts) {
          const failed = account.failedLoginCount + 1;
          await repo.updateAccount(tx, account.id, {
            failedLoginCount: failed,
            ...(failed >= MAX_FAILED_LOGINS
              ? { lockedUntil: new Date(facts.now.getTime() + LOCK_MINUTES * 60_000) }
              : {}),
          });
        }
      });
      throw refuse();
    },

    /** Emails a one-time sign-in link when the address has an account; answers the same either way. */
    async sendSignInLink(email: string, origin: string, facts: RequestFacts): Promise<void> {
      await database.db.transaction(async (tx) => {
        for (const account of await repo.accountsByEmail(tx, email)) {
          const { token, tokenHash } = newToken();
          await repo.insertToken(tx, {
            tokenHash,
            accountId: account.id,
            purpose: 'sign_in',
            expiresAt: new Date(facts.now.getTime() + SIGN_IN_LINK_MINUTES * 60_000),
            createdAt: facts.now,
          });
          const clinic = await scheduling.clinicFacts(tx, account.clinicId);
          await messaging.enqueue(tx, {
            clinicId: account.clinicId,
            clinicName: clinic.name,
            clientId: null,
            channel: 'email',
            kind: 'sign_in_link',
            to: account.email,
            toName: account.name,
            subject: `Sign in to the ${clinic.name} portal`,
            body: [
              `Hello ${account.name.split(' ')[0]},`,
              '',
              `Use this link within ${SIGN_IN_LINK_MINUTES} minutes to sign in: ${origin}/portal/link/${token}`,
              'If you did not ask for it, ignore this email.',
              '',
              clinic.name,
            ].join('\n'),
          });
        }
      });
    },

    async redeemSignInLink(token: string, facts: RequestFacts): Promise<string> {
      return database.db.transaction(async (tx) => {
        const accountId = await repo.useToken(tx, hashToken(token), 'sign_in', facts.now);
        if (!accountId)
          throw new AppError('not_found', 'This sign-in link has expired or was used: ask for a new one.');
        const account = await repo.findAccount(tx, accountId);
        if (account?.totpEnabledAt)
          throw new AppError(
            'totp_required',
            'Two-factor sign-in is on: sign in with your password and code.',
          );
        return startSession(tx, accountId, facts.now);
      });
    },

    async logout(token: string) {
      await repo.deleteSession(database.db, hashToken(token));
    },

    async authenticate(token: string, facts: RequestFacts): Promise<PortalContext | null> {
      const tokenHash = hashToken(token);
      const found = await repo.findSession(database.db, tokenHash, facts.now);
      if (!found) return null;
      await repo.touchSession(
        database.db,
        tokenHash,
        facts.now,
        new Date(facts.now.getTime() + SESSION_HOURS * 3_600_000),
      );
      const access = await repo.accessOf(database.db, found.account.id);
      return {
        accountId: found.account.id,
        clinicId: found.account.clinicId,
        name: found.account.name,
        email: found.account.email,
        clientIds: access.map((a) => a.clientId),
        timeZone: found.timeZone,
        clinicName: found.clinicName,
        clinicPhone: found.clinicPhone,
        now: facts.now,
        ip: facts.ip,
        requestId: facts.requestId,
        tokenHash,
      };
    },

    async me(p: PortalContext): Promise<TPortalMe> {
      const account = await repo.findAccount(database.db, p.accountId);
      const access = await repo.accessOf(database.db, p.accountId);
      return {
        account: {
          id: p.accountId,
          name: p.name,
          email: p.email,
          totpEnabled: Boolean(account?.totpEnabledAt),
        },
        clinic: { name: p.clinicName, phone: p.clinicPhone, timeZone: p.timeZone },
        clients: access.map((a) => ({
          id: a.clientId,
          name: `${a.preferredName || a.givenName} ${a.familyName}`,
          relationship: a.relationship,
        })),
      };
    },

    async totpSetup(p: PortalContext) {
      const secret = newTotpSecret();
      await repo.updateAccount(database.db, p.accountId, { totpSecret: secret, totpEnabledAt: null });
      return { secret, uri: totpUri(secret, p.email, `${p.clinicName} portal`) };
    },

    async totpEnable(p: PortalContext, code: string) {
      const account = await repo.findAccount(database.db, p.accountId);
      if (!account?.totpSecret) throw new AppError('conflict', 'Start the two-factor set-up first.');
      if (!(await isValidTotpCode(account.totpSecret, code, p.now)))
        throw new AppError('validation', 'That code is not right.', {
          errors: [{ path: 'code', message: 'That code is not right.' }],
        });
      await repo.updateAccount(database.db, p.accountId, { totpEnabledAt: p.now });
    },

    async appointments(p: PortalContext, clientId: string) {
      requireClient(p, clientId);
      const items = await scheduling.appointmentsOfClient(actorOf(p), clientId);
      await database.db.transaction((tx) =>
        auditPortal(tx, p, 'portal.read', [clientId], { appointments: items.length }),
      );
      return items;
    },

    async bookingOptions(p: PortalContext) {
      return scheduling.onlineMenu(p.clinicId);
    },

    async availability(
      p: PortalContext,
      query: { serviceId: string; from: string; to: string; therapistId?: string | undefined },
    ) {
      const menu = await scheduling.onlineMenu(p.clinicId);
      if (!menu.services.some((s) => s.id === query.serviceId))
        throw new AppError('validation', 'Pick a service from the menu.', {
          errors: [{ path: 'serviceId', message: 'Pick a service from the menu.' }],
        });
      return scheduling.availability(actorOf(p), query);
    },

    async book(
      p: PortalContext,
      clientId: string,
      input: { serviceId: string; therapistId: string; start: string },
    ) {
      requireClient(p, clientId);
      return scheduling.bookForClient(actorOf(p), { clientId, ...input }, 'portal');
    },

    async cancel(p: PortalContext, appointmentId: string, reason: string) {
      await scheduling.cancelForClient(actorOf(p), p.clientIds, appointmentId, reason);
    },

    /** Forms waiting for the client: intake before the first visit, the plan's questionnaires before re-evaluation. */
    async forms(p: PortalContext, clientId: string) {
      requireClient(p, clientId);
      const submissions = await repo.submissionsOfClient(database.db, p.clinicId, clientId);
      const lastOf = (kind: string, instrumentId?: string) =>
        submissions
          .find((s) => s.kind === kind && (instrumentId === undefined || s.instrumentId === instrumentId))
          ?.submittedAt.toISOString() ?? null;
      const instruments = new Set<string>();
      for (const episode of await listEpisodesOfClient(database.db, p.clinicId, clientId)) {
        if (episode.status !== 'open') continue;
        const plan = await planOfEpisode(database.db, p.clinicId, episode.id);
        for (const goal of plan?.goals ?? []) if (goal.kind === 'measure') instruments.add(goal.instrument);
      }
      return {
        intake: { due: lastOf('intake') === null, lastSubmittedAt: lastOf('intake') },
        questionnaires: [...instruments]
          .filter((id): id is OutcomeMeasureId => (OUTCOME_MEASURE_IDS as readonly string[]).includes(id))
          .map((id) => ({
            instrumentId: id,
            name: OUTCOME_MEASURES[id].name,
            lastSubmittedAt: lastOf('outcome_measure', id),
          })),
      };
    },

    async submitIntake(p: PortalContext, clientId: string, healthHistory: THealthHistory) {
      requireClient(p, clientId);
      const today = calendarDateIn(p.timeZone, p.now);
      const alerts = screenHealthHistory(healthHistory, today);
      return database.db.transaction(async (tx) => {
        const episode = (await listEpisodesOfClient(tx, p.clinicId, clientId)).find(
          (e) => e.status === 'open',
        );
        const row = await repo.insertSubmission(tx, {
          clinicId: p.clinicId,
          clientId,
          episodeId: episode?.id ?? null,
          kind: 'intake',
          payload: { healthHistory },
          score: { alerts: alerts.map((a) => ({ ruleId: a.ruleId, severity: a.severity, title: a.title })) },
          submittedBy: p.accountId,
          submittedAt: p.now,
        });
        await auditPortal(tx, p, 'portal.submitted', [clientId], { kind: 'intake' });
        return toSubmission(row, new Map([[p.accountId, p.name]]));
      });
    },

    async submitOutcome(
      p: PortalContext,
      clientId: string,
      input: { instrumentId: string; answers: (number | null)[]; labels?: string[] | undefined },
    ) {
      requireClient(p, clientId);
      if (!(OUTCOME_MEASURE_IDS as readonly string[]).includes(input.instrumentId))
        throw new AppError('validation', 'There is no such questionnaire.', {
          errors: [{ path: 'instrumentId', message: 'Pick a questionnaire from the list.' }],
        });
      const id = input.instrumentId as OutcomeMeasureId;
      const problems = findAnswerProblems(id, input.answers);
      if (problems.length)
        throw new AppError('validation', problems.map((x) => x.message).join(' '), {
          errors: problems.map((x) => ({
            path: x.index === undefined ? 'answers' : `answers[${x.index}]`,
            message: x.message,
          })),
        });
      const score = scoreOutcomeMeasure(id, input.answers);
      return database.db.transaction(async (tx) => {
        const episode = (await listEpisodesOfClient(tx, p.clinicId, clientId)).find(
          (e) => e.status === 'open',
        );
        const row = await repo.insertSubmission(tx, {
          clinicId: p.clinicId,
          clientId,
          episodeId: episode?.id ?? null,
          kind: 'outcome_measure',
          instrumentId: id,
          payload: { answers: input.answers, ...(input.labels ? { labels: input.labels } : {}) },
          score: { ...score, takenOn: calendarDateIn(p.timeZone, p.now) },
          submittedBy: p.accountId,
          submittedAt: p.now,
        });
        await auditPortal(tx, p, 'portal.submitted', [clientId], {
          kind: 'outcome_measure',
          instrumentId: id,
        });
        return toSubmission(row, new Map([[p.accountId, p.name]]));
      });
    },

    /** The home-care advice of the client's signed visits (what to do between visits). */
    async homeCare(p: PortalContext, clientId: string) {
      requireClient(p, clientId);
      const rows = await repo.homeCareOf(database.db, p.clinicId, clientId);
      await database.db.transaction((tx) =>
        auditPortal(tx, p, 'portal.read', [clientId], { homeCare: rows.length }),
      );
      return rows.map((r) => ({ date: r.sessionDate, text: r.homeCare }));
    },

    /** The client's statement or superbill (PDF), as the front desk would print it. */
    async document(
      p: PortalContext,
      clientId: string,
      kind: 'statement' | 'superbill',
      period: { from?: string | undefined; to?: string | undefined },
    ) {
      requireClient(p, clientId);
      const actor = actorOf(p);
      if (kind === 'statement') return { bytes: await documents.statementPdf(actor, clientId, period) };
      return { bytes: (await documents.superbillPdf(actor, clientId, period)).bytes };
    },

    /** What clients filled in the portal, for the therapist ("completed by client"). */
    async submissionsForStaff(ctx: RequestContext, clientId: string): Promise<TSubmission[]> {
      return database.db.transaction(async (tx) => {
        if (!(await repo.findClientOfClinic(tx, ctx.clinicId, clientId))) throw notFound('The client');
        const rows = await repo.submissionsOfClient(tx, ctx.clinicId, clientId);
        const names = new Map(
          (await repo.accountsOfClient(tx, ctx.clinicId, clientId)).map((a) => [a.accountId, a.name]),
        );
        await recordAudit(tx, ctx, {
          action: 'portal.submissions_read',
          entityType: 'client',
          entityId: clientId,
          clientIds: [clientId],
        });
        return rows.map((r) => toSubmission(r, names));
      });
    },

    async markReviewed(ctx: RequestContext, id: string) {
      return database.db.transaction(async (tx) => {
        const row = await repo.markReviewed(tx, ctx.clinicId, id, ctx.userId, ctx.now);
        if (!row) throw notFound('The submission');
        await recordAudit(tx, ctx, {
          action: 'portal.submission_reviewed',
          entityType: 'client_submission',
          entityId: id,
          clientIds: [row.clientId],
        });
        return toSubmission(row, new Map());
      });
    },
  };
}
export type PortalService = ReturnType<typeof createPortalService>;
