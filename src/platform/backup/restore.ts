import fs from 'node:fs';
import { openPglite } from '../db/database.js';

export class RestoreTargetNotEmptyError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The data folder ${dataDir} already holds data. Restore into a fresh folder: set PALPA_DATA_DIR to a new ` +
        'path (or move the old folder away), run the restore, then start Palpa with that folder.',
    );
  }
}

export type RestoreSummary = { dataDir: string; clinics: number; users: number; clients: number };

/** Unpacks a backup made by Palpa (palpa-*.tar.gz) into an empty data folder and checks it opens. */
export async function restoreBackup(backupFile: string, dataDir: string): Promise<RestoreSummary> {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0)
    throw new RestoreTargetNotEmptyError(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const archive = new Blob([fs.readFileSync(backupFile)]);
  const client = await openPglite({ dataDir, loadDataDir: archive });
  try {
    const count = async (table: string) =>
      (await client.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n ?? 0;
    return {
      dataDir,
      clinics: await count('clinics'),
      users: await count('users'),
      clients: await count('clients'),
    };
  } finally {
    await client.close();
  }
}
