import { isApiError } from '../api/http.js';

export type FieldErrors = Record<string, string>;

/** The server's field errors (`errors[].path`) as one message per path. */
export function fieldErrorsFrom(error: unknown): FieldErrors {
  const result: FieldErrors = {};
  if (!isApiError(error)) return result;
  for (const { path, message } of error.errors) result[path] ??= message;
  return result;
}
