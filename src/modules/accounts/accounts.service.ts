import QRCode from 'qrcode';
import type { Clock } from '../../platform/clock.js';
import type { Database, Db } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { ROLE_PERMISSIONS } from '../../platform/authz/permissions.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as repo from './accounts.repository.js';
import type {
  TAcceptInvitationRequest,
  TInvitation,
  TInvitationPreview,
  TInviteRequest,
  TLoginRequest,
  TSessionInfo,
  TSessionUser,
  TStaffMember,
  TTotpSetup,
  TUpdateProfileRequest,
  TUpdateStaffRequest,
} from './accounts.schemas.js';
import {
  hashPassword,
  hashToken,
  isValidTotpCode,
  newToken,
  newTotpSecret,
  totpUri,
  verifyAgainstDummy,
  verifyPassword,
} from './credentials.js';
import {
  checkLoginGate,
  registerFailedLogin,
  registerSuccessfulLogin,
  type LoginThrottlePolicy,
} from './domain/login-throttle.js';
import { passwordProblem } from './domain/password-policy.js';

/** Facts about a request that arrives before anyone is signed in. */
export type RequestMeta = { now: Date; ip: string | null; userAgent: string | null; requestId: string };

export type AccountsDeps = {
  database: Database;
  clock: Clock;
  sessionIdleMinutes: number;
  loginThrottle: LoginThrottlePolicy;
  /** Waits before answering a failed sign-in (slows guessing); tests pass a no-op. */
  sleep: (ms: number) => Promise<void>;
};

/** A session ends after this long however active it is, so a shared computer is never signed in for days. */
const SESSION_MAX_HOURS = 12;
const INVITATION_DAYS = 7;
const TOTP_ISSUER = 'Palpa';

export type SignedIn = { token: string; info: TSessionInfo };

export function createAccountsService(deps: AccountsDeps) {
  const { database } = deps;
  const idleMs = deps.sessionIdleMinutes * 60_000;

  const toSessionUser = (user: repo.UserForLogin): TSessionUser => ({
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    clinicId: user.clinicId,
    clinicName: user.clinicName,
    totpEnabled: user.totpEnabledAt !== null,
    permissions: [...new Set([...ROLE_PERMISSIONS[user.role], ...user.grants])],
    credentials: user.credentials,
    licenseNumber: user.licenseNumber,
  });

  const sessionInfo = (user: repo.UserForLogin): TSessionInfo => ({
    user: toSessionUser(user),
    idleTimeoutMinutes: deps.sessionIdleMinutes,
  });

  const actorFor = (user: { clinicId: string; id: string; name: string }, meta: RequestMeta): AuditActor => ({
    clinicId: user.clinicId,
    userId: user.id,
    userName: user.name,
    ip: meta.ip,
    requestId: meta.requestId,
    now: meta.now,
  });

  async function openSession(tx: Db, user: { id: string; clinicId: string }, meta: RequestMeta) {
    const { token, tokenHash } = newToken();
    await repo.insertSession(tx, {
      tokenHash,
      userId: user.id,
      clinicId: user.clinicId,
      createdAt: meta.now,
      lastSeenAt: meta.now,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  function assertPasswordAcceptable(password: string, email: string) {
    const problem = passwordProblem(password, email);
    if (problem) {
      throw new AppError('validation', `Please choose another password: ${problem}`, {
        errors: [{ path: 'password', message: problem }],
      });
    }
  }

  async function assertEmailFree(tx: Db, email: string) {
    if (await repo.emailExists(tx, email)) {
      throw new AppError('conflict', 'An account with this email already exists.', {
        errors: [{ path: 'email', message: 'An account with this email already exists.' }],
      });
    }
  }

  return {
    /**
     * Creates a clinic's owner and signs them in, inside the caller's transaction (clinic setup/sign-up).
     */
    async createOwnerInTransaction(
      tx: Db,
      input: { clinicId: string; name: string; email: string; password: string; role?: 'owner' | 'learner' },
      meta: RequestMeta,
    ): Promise<SignedIn> {
      assertPasswordAcceptable(input.password, input.email);
      await assertEmailFree(tx, input.email);
      const passwordHash = await hashPassword(input.password);
      const { id } = await repo.insertUser(tx, {
        clinicId: input.clinicId,
        email: input.email,
        name: input.name,
        role: input.role ?? 'owner',
        passwordHash,
        now: meta.now,
      });
      const token = await openSession(tx, { id, clinicId: input.clinicId }, meta);
      const user = await repo.findUserForLogin(tx, input.clinicId, id);
      if (!user) throw new Error('owner vanished inside its own transaction');
      return { token, info: sessionInfo(user) };
    },

    async login(input: TLoginRequest, meta: RequestMeta): Promise<SignedIn> {
      type Outcome =
        | { kind: 'ok'; signedIn: SignedIn }
        | { kind: 'failed'; delayMs: number }
        | { kind: 'locked'; retryAt: Date }
        | { kind: 'totp_required' };

      const outcome = await database.db.transaction(async (tx): Promise<Outcome> => {
        const user = await repo.findUserForLoginByEmail(tx, input.email, { forUpdate: true });
        if (!user || user.deactivatedAt) {
          await verifyAgainstDummy(input.password);
          return { kind: 'failed', delayMs: deps.loginThrottle.baseDelayMs };
        }
        const actor = actorFor(user, meta);
        const gate = checkLoginGate(user, meta.now);
        if (!gate.allowed) {
          await recordAudit(tx, actor, {
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: user.id,
            detail: { reason: 'locked' },
          });
          return { kind: 'locked', retryAt: gate.retryAt };
        }

        const passwordOk = await verifyPassword(user.passwordHash, input.password);
        const totpNeeded = passwordOk && user.totpEnabledAt !== null && user.totpSecret !== null;
        if (totpNeeded && !input.totpCode) return { kind: 'totp_required' };
        const totpOk =
          !totpNeeded || (await isValidTotpCode(user.totpSecret ?? '', input.totpCode ?? '', meta.now));

        if (!passwordOk || !totpOk) {
          const failure = registerFailedLogin(user, meta.now, deps.loginThrottle);
          await repo.updateLoginState(tx, user.clinicId, user.id, {
            failedLoginCount: failure.failedLoginCount,
            lockedUntil: failure.lockedUntil,
            lastFailedLoginAt: meta.now,
          });
          await recordAudit(tx, actor, {
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: user.id,
            detail: {
              reason: passwordOk ? 'totp' : 'password',
              consecutiveFailures: failure.failedLoginCount,
            },
          });
          if (failure.lockedNow) {
            await recordAudit(tx, actor, {
              action: 'auth.account_locked',
              entityType: 'user',
              entityId: user.id,
              detail: { until: failure.lockedUntil?.toISOString() },
            });
          }
          if (failure.lockedNow && failure.lockedUntil)
            return { kind: 'locked', retryAt: failure.lockedUntil };
          return { kind: 'failed', delayMs: failure.delayMs };
        }

        await repo.updateLoginState(tx, user.clinicId, user.id, {
          ...registerSuccessfulLogin(),
          lastLoginAt: meta.now,
        });
        const token = await openSession(tx, user, meta);
        await recordAudit(tx, actor, { action: 'auth.login', entityType: 'user', entityId: user.id });
        return { kind: 'ok', signedIn: { token, info: sessionInfo(user) } };
      });

      switch (outcome.kind) {
        case 'ok':
          return outcome.signedIn;
        case 'totp_required':
          throw new AppError('totp_required', 'Enter the 6-digit code from your authenticator app.', {
            errors: [{ path: 'totpCode', message: 'Enter the 6-digit code from your authenticator app.' }],
          });
        case 'locked':
          throw new AppError(
            'account_locked',
            `This account is locked after too many failed sign-ins. Try again after ${outcome.retryAt.toISOString()}, or ask the clinic owner.`,
            { extensions: { retryAt: outcome.retryAt.toISOString() } },
          );
        case 'failed':
          // The counter is committed first; only then is the answer slowed down.
          await deps.sleep(outcome.delayMs);
          throw new AppError('unauthenticated', 'The email, password or code is not correct.');
      }
    },

    /** Resolves the cookie token to a request context, enforcing the idle and absolute session limits. */
    async authenticate(token: string, meta: RequestMeta): Promise<RequestContext> {
      const tokenHash = hashToken(token);
      const session = await repo.findSession(database.db, tokenHash);
      if (!session) throw new AppError('unauthenticated', 'Please sign in.');
      const idleFor = meta.now.getTime() - session.lastSeenAt.getTime();
      const age = meta.now.getTime() - session.createdAt.getTime();
      if (idleFor > idleMs || age > SESSION_MAX_HOURS * 3_600_000) {
        await database.db.transaction(async (tx) => {
          await repo.deleteSession(tx, tokenHash);
          await recordAudit(
            tx,
            {
              clinicId: session.clinicId,
              userId: session.userId,
              userName: null,
              ip: meta.ip,
              requestId: meta.requestId,
              now: meta.now,
            },
            {
              action: 'auth.session_expired',
              entityType: 'session',
              detail: { idleMinutes: Math.round(idleFor / 60_000) },
            },
          );
        });
        throw new AppError(
          'unauthenticated',
          idleFor > idleMs
            ? `You were signed out after ${deps.sessionIdleMinutes} minute${deps.sessionIdleMinutes === 1 ? '' : 's'} without activity. Please sign in again.`
            : 'Your session has ended. Please sign in again.',
        );
      }
      const user = await repo.findUserForLogin(database.db, session.clinicId, session.userId);
      if (!user || user.deactivatedAt) throw new AppError('unauthenticated', 'Please sign in.');
      // Refresh at most once a minute: one write per request would be wasted work.
      if (idleFor > 60_000) await repo.touchSession(database.db, tokenHash, meta.now);
      return {
        clinicId: user.clinicId,
        userId: user.id,
        userName: user.name,
        role: user.role,
        grants: user.grants,
        timeZone: user.clinicTimeZone,
        now: meta.now,
        ip: meta.ip,
        requestId: meta.requestId,
      };
    },

    async logout(token: string | undefined, meta: RequestMeta): Promise<void> {
      if (!token) return;
      const tokenHash = hashToken(token);
      await database.db.transaction(async (tx) => {
        const session = await repo.findSession(tx, tokenHash);
        if (!session) return;
        await repo.deleteSession(tx, tokenHash);
        await recordAudit(
          tx,
          {
            clinicId: session.clinicId,
            userId: session.userId,
            userName: null,
            ip: meta.ip,
            requestId: meta.requestId,
            now: meta.now,
          },
          { action: 'auth.logout', entityType: 'session' },
        );
      });
    },

    async sessionInfo(ctx: RequestContext): Promise<TSessionInfo> {
      const user = await repo.findUserForLogin(database.db, ctx.clinicId, ctx.userId);
      if (!user) throw new AppError('unauthenticated', 'Please sign in.');
      return sessionInfo(user);
    },

    async updateProfile(ctx: RequestContext, input: TUpdateProfileRequest): Promise<TSessionInfo> {
      await database.db.transaction(async (tx) => {
        await repo.updateProfile(tx, ctx.clinicId, ctx.userId, { ...input, now: ctx.now });
        await recordAudit(tx, ctx, {
          action: 'staff.updated',
          entityType: 'user',
          entityId: ctx.userId,
          detail: { fields: Object.keys(input) },
        });
      });
      return this.sessionInfo(ctx);
    },

    async listStaff(ctx: RequestContext): Promise<TStaffMember[]> {
      return (await repo.listStaff(database.db, ctx.clinicId)).map(toStaffMember);
    },

    async updateStaff(
      ctx: RequestContext,
      userId: string,
      input: TUpdateStaffRequest,
    ): Promise<TStaffMember> {
      return database.db.transaction(async (tx) => {
        const current = await repo.findStaff(tx, ctx.clinicId, userId);
        if (!current) throw notFound('The staff member');
        if (current.version !== input.version) {
          throw new AppError(
            'version_conflict',
            `${current.name}'s account was changed by someone else. Reload and try again.`,
            {
              extensions: { currentVersion: current.version },
            },
          );
        }
        const losesOwner =
          current.role === 'owner' &&
          current.deactivatedAt === null &&
          ((input.role !== undefined && input.role !== 'owner') || input.active === false);
        if (losesOwner && (await repo.countActiveOwners(tx, ctx.clinicId)) <= 1) {
          throw new AppError(
            'conflict',
            'A clinic needs at least one active owner. Make someone else owner first.',
          );
        }
        const updated = await repo.updateStaff(tx, ctx.clinicId, userId, input.version, {
          ...(input.role ? { role: input.role } : {}),
          ...(input.grants ? { grants: [...new Set(input.grants)] } : {}),
          ...(input.active !== undefined ? { deactivatedAt: input.active ? null : ctx.now } : {}),
          now: ctx.now,
        });
        if (!updated)
          throw new AppError(
            'version_conflict',
            'This account was changed by someone else. Reload and try again.',
          );
        if (input.active === false) await repo.deleteSessionsOfUser(tx, ctx.clinicId, userId);
        await recordAudit(tx, ctx, {
          action: 'staff.updated',
          entityType: 'user',
          entityId: userId,
          detail: { role: input.role ?? null, active: input.active ?? null, grants: input.grants ?? null },
        });
        return toStaffMember(updated);
      });
    },

    async invite(ctx: RequestContext, input: TInviteRequest): Promise<TInvitation> {
      return database.db.transaction(async (tx) => {
        await assertEmailFree(tx, input.email);
        const { token, tokenHash } = newToken();
        const row = await repo.insertInvitation(tx, {
          clinicId: ctx.clinicId,
          email: input.email,
          name: input.name,
          role: input.role,
          tokenHash,
          invitedBy: ctx.userId,
          createdAt: ctx.now,
          expiresAt: new Date(ctx.now.getTime() + INVITATION_DAYS * 86_400_000),
        });
        await recordAudit(tx, ctx, {
          action: 'staff.invited',
          entityType: 'invitation',
          entityId: row.id,
          detail: { role: input.role },
        });
        return { ...toInvitation(row, ctx.now), acceptPath: `/invite/${token}` };
      });
    },

    async listInvitations(ctx: RequestContext): Promise<TInvitation[]> {
      return (await repo.listInvitations(database.db, ctx.clinicId)).map((row) => toInvitation(row, ctx.now));
    },

    async revokeInvitation(ctx: RequestContext, invitationId: string): Promise<void> {
      await database.db.transaction(async (tx) => {
        const done = await repo.markInvitation(tx, ctx.clinicId, invitationId, { revokedAt: ctx.now });
        if (!done) throw notFound('The invitation');
        await recordAudit(tx, ctx, {
          action: 'staff.invitation_revoked',
          entityType: 'invitation',
          entityId: invitationId,
        });
      });
    },

    async previewInvitation(token: string, now: Date): Promise<TInvitationPreview> {
      const row = await repo.findInvitationByTokenHash(database.db, hashToken(token), { forUpdate: false });
      if (!row || invitationStatus(row, now) !== 'pending') throw unusableInvitation();
      return { email: row.email, name: row.name, role: row.role, clinicName: row.clinicName };
    },

    async acceptInvitation(input: TAcceptInvitationRequest, meta: RequestMeta): Promise<SignedIn> {
      try {
        return await database.db.transaction(async (tx) => {
          const invitation = await repo.findInvitationByTokenHash(tx, hashToken(input.token), {
            forUpdate: true,
          });
          if (!invitation || invitationStatus(invitation, meta.now) !== 'pending') throw unusableInvitation();
          assertPasswordAcceptable(input.password, invitation.email);
          await assertEmailFree(tx, invitation.email);
          const { id } = await repo.insertUser(tx, {
            clinicId: invitation.clinicId,
            email: invitation.email,
            name: invitation.name,
            role: invitation.role,
            passwordHash: await hashPassword(input.password),
            now: meta.now,
          });
          await repo.markInvitation(tx, invitation.clinicId, invitation.id, { acceptedAt: meta.now });
          const token = await openSession(tx, { id, clinicId: invitation.clinicId }, meta);
          await recordAudit(
            tx,
            actorFor({ clinicId: invitation.clinicId, id, name: invitation.name }, meta),
            {
              action: 'staff.joined',
              entityType: 'user',
              entityId: id,
              detail: { role: invitation.role },
            },
          );
          const user = await repo.findUserForLogin(tx, invitation.clinicId, id);
          if (!user) throw new Error('new user vanished inside its own transaction');
          return { token, info: sessionInfo(user) };
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('conflict', 'An account with this email already exists.');
        throw err;
      }
    },

    async startTotpSetup(ctx: RequestContext): Promise<TTotpSetup> {
      return database.db.transaction(async (tx) => {
        const user = await repo.findUserForLogin(tx, ctx.clinicId, ctx.userId);
        if (!user) throw notFound('Your account');
        if (user.totpEnabledAt)
          throw new AppError(
            'conflict',
            'Two-factor sign-in is already on. Turn it off first to set up a new device.',
          );
        const secret = newTotpSecret();
        await repo.setTotp(tx, ctx.clinicId, ctx.userId, { secret, enabledAt: null });
        const otpauthUri = totpUri(secret, user.email, TOTP_ISSUER);
        return {
          secret,
          otpauthUri,
          qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }),
        };
      });
    },

    async enableTotp(ctx: RequestContext, code: string): Promise<TSessionInfo> {
      return database.db.transaction(async (tx) => {
        const user = await repo.findUserForLogin(tx, ctx.clinicId, ctx.userId);
        if (!user?.totpSecret) throw new AppError('conflict', 'Start the two-factor set-up first.');
        if (!(await isValidTotpCode(user.totpSecret, code, ctx.now))) {
          throw new AppError(
            'validation',
            'That code is not correct. Check the time on your phone and try the newest code.',
            {
              errors: [{ path: 'code', message: 'That code is not correct.' }],
            },
          );
        }
        await repo.setTotp(tx, ctx.clinicId, ctx.userId, { secret: user.totpSecret, enabledAt: ctx.now });
        await recordAudit(tx, ctx, { action: 'auth.totp_enabled', entityType: 'user', entityId: ctx.userId });
        return sessionInfo({ ...user, totpEnabledAt: ctx.now });
      });
    },

    async disableTotp(ctx: RequestContext, password: string): Promise<TSessionInfo> {
      return database.db.transaction(async (tx) => {
        const user = await repo.findUserForLogin(tx, ctx.clinicId, ctx.userId);
        if (!user) throw notFound('Your account');
        if (!(await verifyPassword(user.passwordHash, password))) {
          throw new AppError('validation', 'The password is not correct.', {
            errors: [{ path: 'password', message: 'The password is not correct.' }],
          });
        }
        await repo.setTotp(tx, ctx.clinicId, ctx.userId, { secret: null, enabledAt: null });
        await recordAudit(tx, ctx, {
          action: 'auth.totp_disabled',
          entityType: 'user',
          entityId: ctx.userId,
        });
        return sessionInfo({ ...user, totpSecret: null, totpEnabledAt: null });
      });
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;

function toStaffMember(row: repo.StaffRow): TStaffMember {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    grants: row.grants,
    totpEnabled: row.totpEnabledAt !== null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    version: row.version,
  };
}

function invitationStatus(row: repo.InvitationRow, now: Date): TInvitation['status'] {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

function toInvitation(row: repo.InvitationRow, now: Date): TInvitation {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    status: invitationStatus(row, now),
  };
}

const unusableInvitation = () =>
  new AppError(
    'not_found',
    'This invitation link is not valid any more. Ask the clinic owner for a new one.',
  );
