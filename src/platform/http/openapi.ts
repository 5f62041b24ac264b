import { z } from '@hono/zod-openapi';

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details; `errors` names each invalid field.' });

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (malformed JSON, unknown or invalid fields)',
  401: 'Not signed in, or session expired',
  403: 'Role lacks the permission, or cross-site request',
  404: 'Not found in your clinic',
  409: 'Conflict (stale version, duplicate, already set up)',
  413: 'Body over 1 MB',
  429: 'Account locked after repeated failed sign-ins',
  503: 'Database unavailable; nothing was written',
};

/** OpenAPI response entries for the problem statuses a route can answer. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    [...new Set([...statuses, 503])].map((status) => [
      status,
      {
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: ZProblem } },
      },
    ]),
  );
}

export function jsonContent<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export const ZIdParam = z.strictObject({
  id: z
    .string()
    .uuid({ message: 'Must be an id (UUID).' })
    .openapi({ param: { name: 'id', in: 'path' } }),
});
