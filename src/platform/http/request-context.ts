import type { Context, MiddlewareHandler } from 'hono';
import type { Permission, Role } from '../authz/permissions.js';
import { AppError } from './app-error.js';
import type { AppEnv } from './router.js';

/**
 * Who is asking, for which clinic, and when. Built once per request by the session check and passed
 * explicitly to every service call; services never read globals or the wall clock.
 */
export type RequestContext = {
  clinicId: string;
  userId: string;
  userName: string;
  role: Role;
  /** Rights the owner gave this person beyond the role. */
  grants: readonly Permission[];
  /** The clinic's IANA time zone, for its calendar dates and times in messages. */
  timeZone: string;
  now: Date;
  ip: string | null;
  requestId: string;
};

/** Middleware that admits a signed-in user whose role has `permission` (or any signed-in user). */
export type Authorize = (permission: Permission | 'signed-in') => MiddlewareHandler<AppEnv>;

declare module 'hono' {
  interface ContextVariableMap {
    ctx: RequestContext;
  }
}

export function requestContext(c: Context): RequestContext {
  const ctx = c.get('ctx') as RequestContext | undefined;
  if (!ctx) throw new AppError('unauthenticated', 'Please sign in.');
  return ctx;
}

/** Facts about any request, signed in or not. */
export function requestFacts(c: Context<AppEnv>, now: Date) {
  return {
    now,
    ip: c.get('clientIp'),
    userAgent: c.req.header('user-agent') ?? null,
    requestId: c.get('requestId'),
  };
}
