import fs from 'node:fs';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Another Palpa process is already using the data folder ${dataDir}. ` +
        'Only one Palpa can run on a data folder at a time (two would silently lose data). ' +
        'Stop the other one, or set PALPA_DATA_DIR to a different folder.',
    );
  }
}

/**
 * PGlite takes no cross-process lock and two processes on one folder silently lose writes (stack-notes),
 * so Palpa holds an exclusive lock of its own. proper-lockfile refreshes the lock's mtime; a lock left by a
 * killed process goes stale after `staleMs` and is then taken over.
 */
export async function lockDataDir(
  dataDir: string,
  onCompromised: (err: Error) => void,
): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      stale: 15_000,
      update: 5_000,
      retries: 0,
      onCompromised,
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw err;
  }
}
