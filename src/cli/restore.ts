// `npm run restore -- FILE`: restores a backup into a fresh data folder (PALPA_DATA_DIR, default ./data).
import { loadConfig } from '../platform/config.js';
import { restoreBackup, RestoreTargetNotEmptyError } from '../platform/backup/restore.js';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run restore -- path/to/palpa-YYYYMMDDTHHMMSSZ.tar.gz');
  process.exit(1);
}
const config = loadConfig();
try {
  const summary = await restoreBackup(file, config.dataDir);
  console.log(
    `Restored into ${summary.dataDir}: ${summary.clinics} clinic(s), ${summary.users} staff account(s), ${summary.clients} client(s).`,
  );
  console.log(
    'Start Palpa on it with: npm start' +
      (process.env.PALPA_DATA_DIR ? ` (PALPA_DATA_DIR=${process.env.PALPA_DATA_DIR})` : ''),
  );
} catch (err) {
  if (err instanceof RestoreTargetNotEmptyError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
