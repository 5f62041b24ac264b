import type { MiddlewareHandler } from 'hono';
import { AppError } from './app-error.js';
import type { AppEnv } from './router.js';

/**
 * A fixed-window request limit per client IP and route group, kept in this process's memory: enough to
 * stop a script hammering the public booking page. Behind several processes each counts its own share.
 */
export function rateLimit(options: {
  name: string;
  windowMs: number;
  max: number;
  now?: () => number;
}): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  const now = options.now ?? (() => Date.now());
  return async (c, next) => {
    const t = now();
    const key = `${options.name}:${c.get('clientIp') ?? 'unknown'}`;
    let window = windows.get(key);
    if (!window || t - window.start >= options.windowMs) {
      window = { start: t, count: 0 };
      windows.set(key, window);
      // Forget old windows now and then, so the map stays small.
      if (windows.size > 10_000)
        for (const [k, w] of windows) if (t - w.start >= options.windowMs) windows.delete(k);
    }
    window.count += 1;
    if (window.count > options.max) {
      const retryAfter = Math.ceil((window.start + options.windowMs - t) / 1000);
      c.header('Retry-After', String(retryAfter));
      throw new AppError('rate_limited', `Too many requests: try again in ${retryAfter} seconds.`);
    }
    await next();
  };
}
