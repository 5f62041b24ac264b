import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'palpa-lock-test-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(work, { recursive: true, force: true });
});

function startPalpa(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', ...env },
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const url = /Palpa is running at (\S+)/.exec(output)?.[1];
      if (url) {
        clearInterval(timer);
        resolve(url);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`exited with ${code}: ${output}`));
    });
  });
  ready.catch(() => undefined);
  return { child, ready, exited, output: () => output };
}

describe('one Palpa per data folder', () => {
  it(
    'refuses a second instance with a clear message while the first keeps working, then backs up at shutdown',
    { timeout: 90_000 },
    async () => {
      const env = { PALPA_DATA_DIR: path.join(work, 'data'), PALPA_BACKUP_DIR: path.join(work, 'backups') };
      const first = startPalpa(env);
      const url = await first.ready;
      expect((await fetch(`${url}/api/health`)).status).toBe(200);

      const second = startPalpa(env);
      expect(await second.exited).toBe(2);
      expect(second.output()).toContain('Another Palpa process is already using the data folder');

      const health = await fetch(`${url}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(fs.readdirSync(env.PALPA_BACKUP_DIR).filter((f) => f.endsWith('.tar.gz'))).toHaveLength(1);
    },
  );
});
