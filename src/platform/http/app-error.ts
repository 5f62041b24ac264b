/**
 * The one error type services throw. Each code maps to exactly one HTTP status, in one place
 * (problem-json.ts); domain and service code never touch HTTP.
 */
export const APP_ERROR_STATUS = {
  validation: 400,
  malformed_request: 400,
  unauthenticated: 401,
  totp_required: 401,
  forbidden: 403,
  origin_rejected: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  already_set_up: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  account_locked: 429,
  rate_limited: 429,
  database_unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export type FieldError = { path: string; message: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly title: string;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown> | undefined;

  constructor(
    code: AppErrorCode,
    detail: string,
    options: { title?: string; errors?: FieldError[]; extensions?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.name = 'AppError';
    this.code = code;
    this.title = options.title ?? defaultTitle(code);
    this.errors = options.errors;
    this.extensions = options.extensions;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

function defaultTitle(code: AppErrorCode): string {
  switch (code) {
    case 'validation':
      return 'Some fields are not valid';
    case 'malformed_request':
      return 'The request could not be read';
    case 'unauthenticated':
      return 'Sign-in required';
    case 'totp_required':
      return 'Two-factor code required';
    case 'forbidden':
      return 'Not allowed for your role';
    case 'origin_rejected':
      return 'Request from another site refused';
    case 'not_found':
      return 'Not found';
    case 'conflict':
      return 'Conflict';
    case 'version_conflict':
      return 'Changed by someone else';
    case 'already_set_up':
      return 'Palpa is already set up';
    case 'payload_too_large':
      return 'Request too large';
    case 'unsupported_media_type':
      return 'Send JSON';
    case 'account_locked':
      return 'Too many failed sign-ins';
    case 'rate_limited':
      return 'Too many requests';
    case 'database_unavailable':
      return 'Database unavailable';
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} was not found.`);
