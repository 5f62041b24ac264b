import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/http/app-error.js';
import { requestFacts } from '../../platform/http/request-context.js';
import type { AppEnv } from '../../platform/http/router.js';
import type { PortalContext, PortalService } from './portal.service.js';

/** The portal's own cookie: a staff session never opens the portal, a portal session never the staff app. */
export const PORTAL_COOKIE = 'palpa_portal';

declare module 'hono' {
  interface ContextVariableMap {
    portal: PortalContext;
  }
}

export function setPortalCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, PORTAL_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('secureRequest'),
    path: '/',
  });
}

export function clearPortalCookie(c: Context<AppEnv>): void {
  deleteCookie(c, PORTAL_COOKIE, { path: '/', secure: c.get('secureRequest') });
}

export const readPortalCookie = (c: Context<AppEnv>) => getCookie(c, PORTAL_COOKIE);

export function portalContext(c: Context): PortalContext {
  const ctx = c.get('portal') as PortalContext | undefined;
  if (!ctx) throw new AppError('unauthenticated', 'Please sign in to the portal.');
  return ctx;
}

/** The gate of every signed-in portal route. */
export function createRequirePortal(deps: {
  portal: PortalService;
  clock: Clock;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readPortalCookie(c);
    if (!token) throw new AppError('unauthenticated', 'Please sign in to the portal.');
    const ctx = await deps.portal.authenticate(token, requestFacts(c, deps.clock.now()));
    if (!ctx) {
      clearPortalCookie(c);
      throw new AppError('unauthenticated', 'Your portal session has ended: please sign in again.');
    }
    c.set('portal', ctx);
    await next();
  };
}
