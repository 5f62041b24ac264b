import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createBackups } from '../../src/platform/backup/backups.js';
import { restoreBackup, RestoreTargetNotEmptyError } from '../../src/platform/backup/restore.js';
import { createManualClock } from '../../src/platform/clock.js';
import { migrateDatabase, openDatabase } from '../../src/platform/db/database.js';
import { Agent, PASSWORD } from '../support/test-app.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'palpa-backup-test-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('embedded backups', () => {
  it('backs up a data folder, restores it into a fresh one, and finds the data', async () => {
    const clock = createManualClock(new Date('2026-11-25T15:00:00Z'));
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(work, 'data') });
    await migrateDatabase(database);
    const app = createApp({
      database,
      clock,
      logger: pino({ level: 'silent' }),
      sessionIdleMinutes: 30,
      openSignup: false,
    });
    const owner = new Agent(app);
    await owner.post('/api/setup', {
      clinicName: 'Backed Up',
      ownerName: 'Ana',
      email: 'backup@example.org',
      password: PASSWORD,
    });
    const created = await owner.post('/api/clients', {
      givenName: 'Restored',
      familyName: 'Person',
      dateOfBirth: '1970-01-01',
    });
    expect(created.status).toBe(201);

    const backupDir = path.join(work, 'backups');
    const backups = createBackups({
      database,
      backupDir,
      keepDays: 14,
      clock,
      logger: pino({ level: 'silent' }),
    });
    const { file, bytes } = await backups.backupNow();
    expect(path.basename(file)).toBe('palpa-20261125T150000Z.tar.gz');
    expect(bytes).toBeGreaterThan(100_000);
    // gzip magic number: the backup is compressed.
    expect([...fs.readFileSync(file).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    await database.close();

    const restoredDir = path.join(work, 'restored');
    const summary = await restoreBackup(file, restoredDir);
    expect(summary).toMatchObject({ clinics: 1, users: 1, clients: 1 });

    const reopened = await openDatabase({ kind: 'pglite', dataDir: restoredDir });
    await migrateDatabase(reopened);
    const again = new Agent(
      createApp({
        database: reopened,
        clock,
        logger: pino({ level: 'silent' }),
        sessionIdleMinutes: 30,
        openSignup: false,
      }),
    );
    expect(
      (await again.post('/api/auth/login', { email: 'backup@example.org', password: PASSWORD })).status,
    ).toBe(200);
    const found = await again.get('/api/clients?q=Restored');
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    await reopened.close();

    await expect(restoreBackup(file, restoredDir)).rejects.toBeInstanceOf(RestoreTargetNotEmptyError);
  });

  it('keeps 14 days of backups and removes older ones', () => {
    const backupDir = path.join(work, 'prune');
    fs.mkdirSync(backupDir);
    for (const name of [
      'palpa-20261101T020000Z.tar.gz',
      'palpa-20261111T020000Z.tar.gz',
      'palpa-20261112T020000Z.tar.gz',
      'notes.txt',
    ]) {
      fs.writeFileSync(path.join(backupDir, name), 'x');
    }
    const clock = createManualClock(new Date('2026-11-25T12:00:00Z'));
    const backups = createBackups({
      database: {
        kind: 'pglite',
        db: undefined as never,
        close: () => Promise.resolve(),
        dumpDataDir: () => Promise.resolve(new Blob(['x'])),
      },
      backupDir,
      keepDays: 14,
      clock,
      logger: pino({ level: 'silent' }),
    });
    expect(backups.prune().sort()).toEqual([
      'palpa-20261101T020000Z.tar.gz',
      'palpa-20261111T020000Z.tar.gz',
    ]);
    expect(fs.readdirSync(backupDir).sort()).toEqual(['notes.txt', 'palpa-20261112T020000Z.tar.gz']);
  });
});
