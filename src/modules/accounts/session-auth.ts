import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hasPermission } from '../../platform/authz/permissions.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/http/app-error.js';
import { requestFacts, type Authorize } from '../../platform/http/request-context.js';
import type { AppEnv } from '../../platform/http/router.js';
import type { AccountsService } from './accounts.service.js';

export const SESSION_COOKIE = 'palpa_session';

/** HttpOnly and SameSite=Lax always; Secure whenever the request came over HTTPS. No Max-Age: the server
 * decides when a session ends (idle timeout), and the browser drops the cookie when it closes. */
export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('secureRequest'),
    path: '/',
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.get('secureRequest') });
}

export const readSessionCookie = (c: Context<AppEnv>): string | undefined => getCookie(c, SESSION_COOKIE);

/** The one gate in front of every protected route: a live session, then the role's right (permissions.ts). */
export function createAuthorize(deps: { accounts: AccountsService; clock: Clock }): Authorize {
  return (permission) => async (c, next) => {
    const token = readSessionCookie(c);
    if (!token) throw new AppError('unauthenticated', 'Please sign in.');
    let ctx;
    try {
      ctx = await deps.accounts.authenticate(token, requestFacts(c, deps.clock.now()));
    } catch (err) {
      if (err instanceof AppError && err.code === 'unauthenticated') clearSessionCookie(c);
      throw err;
    }
    if (permission !== 'signed-in' && !hasPermission(ctx, permission)) {
      throw new AppError('forbidden', `Your role (${ctx.role.replace('_', ' ')}) may not do this.`, {
        extensions: { requiredPermission: permission },
      });
    }
    c.set('ctx', ctx);
    await next();
  };
}

/**
 * For public routes that show more to a signed-in user (the library adds the clinic's own conditions):
 * sets the request context when the session cookie is valid, and otherwise lets the request through.
 */
export function createOptionalSession(deps: {
  accounts: AccountsService;
  clock: Clock;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionCookie(c);
    if (token) {
      try {
        c.set('ctx', await deps.accounts.authenticate(token, requestFacts(c, deps.clock.now())));
      } catch {
        // An expired or unknown session reads the public content.
      }
    }
    await next();
  };
}
