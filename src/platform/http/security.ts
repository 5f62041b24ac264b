import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from './app-error.js';
import type { AppEnv } from './router.js';

/**
 * Browser hardening on every response (OWASP Secure Headers Project). Scripts only from Palpa's own origin
 * (no inline script); styles may be inline because Mantine injects its CSS variables in a <style> tag.
 */
export const securityHeaders = (options: { https: boolean }): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    strictTransportSecurity: options.https ? 'max-age=31536000; includeSubDomains' : false,
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence (OWASP CSRF Prevention Cheat Sheet, "Verifying Origin With Standard Headers" and
 * "Fetch Metadata"): a state-changing request that a browser marks as coming from another site is refused.
 * Clients that are not browsers send neither header and are let through; they cannot ride a victim's cookie.
 */
export const sameOriginOnly =
  (options: { publicOrigin: string | undefined; trustProxy: boolean }): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const fetchSite = c.req.header('sec-fetch-site');
    if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
      throw new AppError('origin_rejected', 'This request came from another website and was refused.');
    }
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    const allowedHosts = new Set<string>();
    // With @hono/node-server the request URL is built from the Host header.
    allowedHosts.add(new URL(c.req.url).host.toLowerCase());
    const forwardedHost = options.trustProxy ? c.req.header('x-forwarded-host') : undefined;
    if (forwardedHost) allowedHosts.add(forwardedHost.toLowerCase());
    if (options.publicOrigin) allowedHosts.add(new URL(options.publicOrigin).host.toLowerCase());
    let originHost: string;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      originHost = '';
    }
    if (!allowedHosts.has(originHost)) {
      throw new AppError('origin_rejected', 'This request came from another website and was refused.');
    }
    return next();
  };
