// `npm run icd10cm:load -- FILE [EDITION]`: loads an ICD-10-CM order file (e.g. a newer fiscal year's
// icd10cm-order-2027.txt from CDC NCHS, plain or .gz). Searches then use the newest edition.
import { createIcd10cmService } from '../modules/icd10cm/index.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { DataDirLockedError, lockDataDir } from '../platform/db/data-dir-lock.js';
import { migrateDatabase, openDatabase } from '../platform/db/database.js';

const [file, editionArg] = process.argv.slice(2);
if (!file) {
  console.error('Usage: npm run icd10cm:load -- path/to/icd10cm-order-YYYY.txt[.gz] [EDITION]');
  process.exit(1);
}
const config = loadConfig();
try {
  const unlock =
    config.database.kind === 'pglite' ? await lockDataDir(config.dataDir, () => process.exit(1)) : undefined;
  const database = await openDatabase(config.database);
  await migrateDatabase(database);
  const result = await createIcd10cmService({ database, now: () => systemClock.now() }).loadFile(
    file,
    editionArg ? Number(editionArg) : undefined,
  );
  await database.close();
  await unlock?.();
  console.log(
    result.loaded
      ? `Loaded ICD-10-CM FY${result.edition}: ${result.codes} entries.`
      : `ICD-10-CM FY${result.edition} from this file is already loaded (${result.codes} entries).`,
  );
} catch (err) {
  if (err instanceof DataDirLockedError) {
    console.error(
      'Stop Palpa first: the code list is loaded into its data folder, which the running Palpa holds.',
    );
    process.exit(2);
  }
  console.error((err as Error).message);
  process.exit(1);
}
