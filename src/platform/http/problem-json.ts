import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { AppError, type FieldError } from './app-error.js';
import { isDatabaseUnavailable, isUniqueViolation } from '../db/db-errors.js';

/** RFC 9457 problem details. `errors` lists every invalid field by its JSON path. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  [extension: string]: unknown;
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemResponse(
  c: Context,
  problem: Problem,
  headers: Record<string, string> = {},
): Response {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    'Content-Type': PROBLEM_CONTENT_TYPE,
    ...headers,
  });
}

export function appErrorToProblem(err: AppError): Problem {
  return {
    type: `urn:palpa:problem:${err.code.replaceAll('_', '-')}`,
    title: err.title,
    status: err.status,
    detail: err.message,
    code: err.code,
    ...(err.errors ? { errors: err.errors } : {}),
    ...(err.extensions ?? {}),
  };
}

export function fieldErrorsFromZod(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: base ? `${base}.${key}` : key,
        message: `Unknown field "${key}".`,
      }));
    }
    return [{ path: base || '(body)', message: issue.message }];
  });
}

export function validationError(error: ZodError, prefix?: string): AppError {
  const errors = fieldErrorsFromZod(error, prefix);
  const fields = [...new Set(errors.map((e) => e.path))].join(', ');
  return new AppError('validation', `Please correct: ${fields}.`, { errors });
}

/** Maps anything thrown while handling a request to a problem; unknown errors become a logged 500. */
export function toProblem(err: unknown): { problem: Problem; unexpected: boolean } {
  if (err instanceof AppError) return { problem: appErrorToProblem(err), unexpected: false };
  if (err instanceof ZodError) return { problem: appErrorToProblem(validationError(err)), unexpected: false };
  if (err instanceof HTTPException) {
    const status = err.status;
    const code =
      status === 413
        ? 'payload_too_large'
        : status === 415
          ? 'unsupported_media_type'
          : status === 400
            ? 'malformed_request'
            : undefined;
    if (code)
      return { problem: appErrorToProblem(new AppError(code, httpExceptionDetail(err))), unexpected: false };
    return {
      problem: {
        type: 'about:blank',
        title: err.message || 'Error',
        status,
        detail: err.message,
        code: `http_${status}`,
      },
      unexpected: status >= 500,
    };
  }
  if (isDatabaseUnavailable(err)) {
    return {
      problem: appErrorToProblem(
        new AppError(
          'database_unavailable',
          'The database cannot be reached right now. Nothing was saved; please try again in a moment.',
        ),
      ),
      unexpected: false,
    };
  }
  if (isUniqueViolation(err)) {
    return {
      problem: appErrorToProblem(
        new AppError('conflict', 'A record with the same unique value already exists.'),
      ),
      unexpected: false,
    };
  }
  return {
    problem: {
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'Something went wrong on our side. Nothing was saved; the error has been logged.',
      code: 'internal',
    },
    unexpected: true,
  };
}

function httpExceptionDetail(err: HTTPException): string {
  if (err.status === 413) return 'The request body is larger than the 1 MB limit.';
  if (err.status === 415) return 'Send the request body as JSON (Content-Type: application/json).';
  if (/json/i.test(err.message)) return 'The request body is not valid JSON.';
  return err.message || 'The request could not be read.';
}
