import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp, WEB_ROOT } from './app.js';
import { createBackups } from './platform/backup/backups.js';
import { systemClock } from './platform/clock.js';
import { loadConfig } from './platform/config.js';
import { DataDirLockedError, lockDataDir } from './platform/db/data-dir-lock.js';
import { migrateDatabase, openDatabase } from './platform/db/database.js';
import { createLogger } from './platform/logging.js';
import { createIcd10cmService } from './modules/icd10cm/index.js';
import { createLibraryService } from './modules/library/index.js';
import { createJobQueue } from './modules/jobs/index.js';
import { smtpSender } from './modules/messaging/index.js';

/** Starts Palpa: configuration → data-folder lock → database + migrations → HTTP server. */
export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel);
  const started = performance.now();

  let unlock: (() => Promise<void>) | undefined;
  if (config.database.kind === 'pglite') {
    unlock = await lockDataDir(config.dataDir, (err) => {
      logger.fatal({ err: err.message }, 'lost the lock on the data folder; stopping to protect the data');
      process.exit(1);
    });
  }

  const database = await openDatabase(config.database);
  await migrateDatabase(database);
  const backups = createBackups({
    database,
    backupDir: config.backupDir,
    keepDays: config.backupKeepDays,
    clock: systemClock,
    logger,
  });
  const stopDailyBackups = backups.enabled ? backups.scheduleDaily() : () => undefined;

  const icd10cm = createIcd10cmService({ database, now: () => systemClock.now() });
  const library = createLibraryService({ database, now: () => systemClock.now(), icd10cm });
  const jobs = createJobQueue({ database, clock: systemClock, logger });
  const senders = config.smtpUrl ? [smtpSender({ url: config.smtpUrl, fromAddress: config.mailFrom })] : [];
  const app = createApp({
    jobs,
    senders,
    icd10cm,
    library,
    database,
    clock: systemClock,
    logger,
    sessionIdleMinutes: config.sessionIdleMinutes,
    openSignup: config.openSignup,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    backups,
    // Tests may serve a build of their own (two e2e runs building at once must not share dist/web).
    webRoot: process.env.PALPA_WEB_ROOT || WEB_ROOT,
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  logger.info({ ms: Math.round(performance.now() - started), database: database.kind }, 'ready');
  if (config.runJobs) jobs.start();
  if (!config.smtpUrl) logger.info('no SMTP_URL: messages to clients wait in the outbox');
  // The code list (98,000 rows) loads after the server answers, so the first start stays quick; a search
  // made meanwhile waits for it.
  // The library (content/library, a few hundred kB of JSON) loads first: it takes well under a second.
  library.ensureShippedContent().then(
    (result) => {
      if (result.loaded) logger.info(result, 'condition library loaded');
    },
    (err: unknown) => logger.error({ err: (err as Error).message }, 'loading the condition library failed'),
  );
  icd10cm.ensureShippedEdition().then(
    (result) => {
      if (result.loaded) logger.info(result, 'ICD-10-CM code list loaded');
    },
    (err: unknown) => logger.error({ err: (err as Error).message }, 'loading the ICD-10-CM code list failed'),
  );

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      stopDailyBackups();
      await jobs.stop();
      // Let a first-start code-list load finish: closing the database under it would only waste it.
      await icd10cm.ensureShippedEdition().catch(() => undefined);
      await library.ensureShippedContent().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (backups.enabled) {
        try {
          await backups.backupNow();
        } catch (err) {
          logger.error({ err: (err as Error).message }, 'shutdown backup failed');
        }
      }
      await database.close();
      await unlock?.();
    })());
  return { url, stop };
}

const isEntryPoint =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  try {
    const { url, stop } = await startServer();
    console.log(`\n  Palpa is running at ${url}\n`);
    const shutdown = () => {
      console.log('Stopping Palpa (writing a backup first)…');
      stop().then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(err);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`\n  Palpa cannot start: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
