/**
 * The one fetch wrapper of the web app: same-origin JSON requests with the session cookie, and RFC 9457
 * problem+json answers turned into a typed ApiError. A 401 while signed in is reported to the session layer.
 */

export type FieldError = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** The whole problem document, for extension members like `retryAt` or `updatedBy`. */
  readonly problem: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail: string;
    errors?: FieldError[];
    problem?: Record<string, unknown>;
  }) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.problem = init.problem ?? {};
  }

  /** The first message the server gave for one field path (e.g. `address.city`). */
  fieldError(path: string): string | undefined {
    return this.errors.find((error) => error.path === path)?.message;
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

/** A readable sentence for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.detail;
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Please try again.';
}

type UnauthorizedListener = (error: ApiError) => void;
let unauthorizedListener: UnauthorizedListener | undefined;

/** The session layer registers here to learn that a signed-in session has ended. */
export function onUnauthorized(listener: UnauthorizedListener | undefined): void {
  unauthorizedListener = listener;
}

let lastRequestAt = Date.now();
/** When the last API request was sent: the server's idle timer restarts with each request. */
export const lastApiRequestAt = (): number => lastRequestAt;

export type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * Whether a 401 means "the session ended" (default). Sign-in, set-up and invitation requests answer 401
   * for wrong credentials instead, so they turn it off.
   */
  sessionRequired?: boolean;
};

function buildUrl(path: string, query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function problemFrom(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = (await response.json()) as Record<string, unknown>;
      const errors = Array.isArray(problem.errors)
        ? (problem.errors as unknown[]).filter(
            (e): e is FieldError =>
              typeof e === 'object' &&
              e !== null &&
              typeof (e as FieldError).path === 'string' &&
              typeof (e as FieldError).message === 'string',
          )
        : [];
      return new ApiError({
        status: response.status,
        code: typeof problem.code === 'string' ? problem.code : `http_${response.status}`,
        title: typeof problem.title === 'string' ? problem.title : response.statusText,
        detail:
          typeof problem.detail === 'string' ? problem.detail : `The server answered ${response.status}.`,
        errors,
        problem,
      });
    } catch {
      // fall through to the generic error below
    }
  }
  return new ApiError({
    status: response.status,
    code: `http_${response.status}`,
    title: response.statusText || 'Error',
    detail:
      response.status >= 500
        ? 'Palpa had a problem on its side. Nothing was saved; please try again in a moment.'
        : `The server answered ${response.status} ${response.statusText}.`,
  });
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, sessionRequired = true } = options;
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  lastRequestAt = Date.now();
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({
      status: 0,
      code: 'network',
      title: 'No connection',
      detail: 'Palpa cannot be reached. Check the network connection and try again.',
    });
  }
  if (!response.ok) {
    const error = await problemFrom(response);
    if (response.status === 401 && sessionRequired) unauthorizedListener?.(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
