import path from 'node:path';
import { z } from 'zod';

const ZBooleanFlag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true');

const ZEnvironment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.preprocess((value) => (value === '' ? undefined : value), z.string().url().optional()),
  PALPA_DATA_DIR: z.string().default('./data'),
  PALPA_BACKUP_DIR: z.string().optional(),
  PALPA_BACKUP_KEEP_DAYS: z.coerce.number().int().min(1).default(14),
  PALPA_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  PALPA_OPEN_SIGNUP: ZBooleanFlag,
  PALPA_PUBLIC_URL: z.preprocess((value) => (value === '' ? undefined : value), z.string().url().optional()),
  PALPA_TRUST_PROXY: ZBooleanFlag,
  /** Outgoing email, e.g. smtp://user:pass@mail.example.org:587; without it messages wait in the outbox. */
  SMTP_URL: z.preprocess((value) => (value === '' ? undefined : value), z.string().url().optional()),
  MAIL_FROM: z.string().email().default('no-reply@palpa.invalid'),
  /** 0 turns this process's background-job worker off (another process on the same database runs them). */
  PALPA_JOBS: z
    .enum(['0', '1', ''])
    .optional()
    .transform((v) => v !== '0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export type AppConfig = {
  port: number;
  host: string;
  database: DatabaseConfig;
  dataDir: string;
  backupDir: string;
  backupKeepDays: number;
  sessionIdleMinutes: number;
  openSignup: boolean;
  publicUrl: string | undefined;
  trustProxy: boolean;
  logLevel: z.infer<typeof ZEnvironment>['LOG_LEVEL'];
  smtpUrl: string | undefined;
  mailFrom: string;
  runJobs: boolean;
};

/** Reads Palpa's settings from environment variables (documented in README.md). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ZEnvironment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.PALPA_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir },
    dataDir,
    backupDir: path.resolve(e.PALPA_BACKUP_DIR ?? path.join(path.dirname(dataDir), 'backups')),
    backupKeepDays: e.PALPA_BACKUP_KEEP_DAYS,
    sessionIdleMinutes: e.PALPA_SESSION_IDLE_MINUTES,
    openSignup: e.PALPA_OPEN_SIGNUP,
    publicUrl: e.PALPA_PUBLIC_URL,
    trustProxy: e.PALPA_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    runJobs: e.PALPA_JOBS,
  };
}
