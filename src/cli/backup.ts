// `npm run backup`: writes a compressed backup of the embedded database now.
import { createBackups } from '../platform/backup/backups.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { DataDirLockedError, lockDataDir } from '../platform/db/data-dir-lock.js';
import { openDatabase } from '../platform/db/database.js';
import { createLogger } from '../platform/logging.js';

const config = loadConfig();
if (config.database.kind === 'postgres') {
  console.error(
    'Palpa uses a PostgreSQL server (DATABASE_URL): back it up with pg_dump, e.g.\n  pg_dump --format=custom --file=palpa.dump "$DATABASE_URL"',
  );
  process.exit(1);
}
try {
  const unlock = await lockDataDir(config.dataDir, () => process.exit(1));
  const database = await openDatabase(config.database);
  const backups = createBackups({
    database,
    backupDir: config.backupDir,
    keepDays: config.backupKeepDays,
    clock: systemClock,
    logger: createLogger('warn'),
  });
  const result = await backups.backupNow();
  await database.close();
  await unlock();
  console.log(`Backup written: ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB)`);
  console.log(`Restore it with: npm run restore -- ${result.file}`);
} catch (err) {
  if (err instanceof DataDirLockedError) {
    console.error(
      'Palpa is running on this data folder, so it cannot be copied from outside. The running Palpa backs up daily and when it stops;\n' +
        'for a backup now, sign in as the owner and choose My account → Back up now (POST /api/backups).',
    );
    process.exit(2);
  }
  throw err;
}
