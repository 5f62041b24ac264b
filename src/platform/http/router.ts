import { OpenAPIHono } from '@hono/zod-openapi';
import { validationError } from './problem-json.js';

export type AppEnv = {
  Variables: {
    requestId: string;
    clientIp: string | null;
    secureRequest: boolean;
  };
};

/**
 * Every router is made here so that every invalid input, whatever route it hits, becomes the same
 * problem+json naming each field (the library's default 400 would dump the raw ZodError).
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const prefix =
          result.target === 'json' ? undefined : result.target === 'param' ? 'path' : result.target;
        throw validationError(result.error, prefix);
      }
      return undefined;
    },
  });
}
