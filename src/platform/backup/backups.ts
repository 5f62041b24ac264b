import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';

const BACKUP_NAME = /^palpa-(\d{8}T\d{6}Z)\.tar\.gz$/;
const DAY_MS = 86_400_000;

export type BackupResult = { file: string; bytes: number };

/**
 * PGlite never calls fsync (stack-notes), so an embedded installation is protected by compressed copies of
 * its data folder: daily, at clean shutdown and on demand, kept `keepDays` days. A PostgreSQL server is
 * backed up by its operator (pg_dump; README).
 */
export function createBackups(deps: {
  database: Database;
  backupDir: string;
  keepDays: number;
  clock: Clock;
  logger: Logger;
}) {
  const { database } = deps;

  async function backupNow(): Promise<BackupResult> {
    if (!database.dumpDataDir)
      throw new Error('Backups of a PostgreSQL server are made with pg_dump (see README).');
    fs.mkdirSync(deps.backupDir, { recursive: true });
    const stamp = deps.clock
      .now()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const file = path.join(deps.backupDir, `palpa-${stamp}.tar.gz`);
    const blob = await database.dumpDataDir();
    const bytes = Buffer.from(await blob.arrayBuffer());
    // Write then rename: a crash mid-write never leaves a truncated file that looks like a backup.
    fs.writeFileSync(`${file}.partial`, bytes);
    fs.renameSync(`${file}.partial`, file);
    prune();
    deps.logger.info({ file, bytes: bytes.length }, 'backup written');
    return { file, bytes: bytes.length };
  }

  function prune(): string[] {
    const cutoff = deps.clock.now().getTime() - deps.keepDays * DAY_MS;
    const removed: string[] = [];
    for (const name of fs.existsSync(deps.backupDir) ? fs.readdirSync(deps.backupDir) : []) {
      const match = BACKUP_NAME.exec(name);
      if (!match?.[1]) continue;
      const s = match[1];
      const takenAt = Date.parse(
        `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`,
      );
      if (takenAt < cutoff) {
        fs.rmSync(path.join(deps.backupDir, name));
        removed.push(name);
      }
    }
    return removed;
  }

  /** Backs up once a day while the server runs; the returned function stops the timer. */
  function scheduleDaily(): () => void {
    const timer = setInterval(() => {
      backupNow().catch((err: unknown) =>
        deps.logger.error({ err: (err as Error).message }, 'daily backup failed'),
      );
    }, DAY_MS);
    timer.unref();
    return () => clearInterval(timer);
  }

  return { backupNow, prune, scheduleDaily, enabled: database.dumpDataDir !== undefined };
}
export type Backups = ReturnType<typeof createBackups>;
