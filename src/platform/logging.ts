import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Client data must never reach the logs (HIPAA minimum necessary). Request logs carry the path without its
 * query string, and these keys are censored wherever they appear in a logged object.
 */
const REDACTED_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'totpCode',
  'totpSecret',
  'token',
  'cookie',
  'authorization',
  'givenName',
  'familyName',
  'preferredName',
  'dateOfBirth',
  'email',
  'phone',
  'address',
  'emergencyContact',
  'notes',
  'q',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: {
      paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((key) => `*.${key}`), 'req.headers.cookie'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
