import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './router.js';

type IncomingLike = { socket?: { remoteAddress?: string } };

/** Sets request id, client IP and whether the request arrived over HTTPS; logs one line per request. */
export const requestMeta =
  (options: {
    trustProxy: boolean;
    publicUrl: string | undefined;
    logger: Logger;
  }): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    c.set('requestId', requestId);

    const forwardedFor = options.trustProxy
      ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
      : undefined;
    const incoming = (c.env as { incoming?: IncomingLike } | undefined)?.incoming;
    c.set('clientIp', forwardedFor ?? incoming?.socket?.remoteAddress ?? null);

    const forwardedProto = options.trustProxy ? c.req.header('x-forwarded-proto') : undefined;
    c.set(
      'secureRequest',
      new URL(c.req.url).protocol === 'https:' ||
        forwardedProto === 'https' ||
        (options.publicUrl?.startsWith('https:') ?? false),
    );

    await next();
    c.header('X-Request-Id', requestId);
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
    // The path only: query strings can hold client names (GET /api/clients?q=…).
    options.logger.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  };
