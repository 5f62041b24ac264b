import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * What every end-to-end test file needs: a real Palpa process on a fresh data folder (its own port and
 * PGlite database), Debian's chromium driven by playwright-core, pages that collect console errors, and
 * full-page screenshots in test-output/screenshots. Each file starts its own; `stop` ends both and removes
 * the data folder.
 */
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';

export type E2e = {
  baseUrl: string;
  browser: Browser;
  /** Console errors and uncaught page errors of every page opened with `newPage`. */
  consoleProblems: string[];
  newPage: (width?: number, height?: number) => Promise<Page>;
  shot: (page: Page, name: string) => Promise<Buffer>;
  stop: () => Promise<void>;
};

async function startServer(work: string): Promise<{ url: string; child: ChildProcess }> {
  // PALPA_WEB_ROOT: a build elsewhere (`vite build --outDir …`), so two people can build and test at once.
  if (!process.env.PALPA_WEB_ROOT && !fs.existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PALPA_DATA_DIR: path.join(work, 'data'),
      PALPA_BACKUP_DIR: path.join(work, 'backups'),
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let waited = 0; waited < 60_000; waited += 100) {
    const url = /Palpa is running at (\S+)/.exec(output)?.[1];
    if (url) return { url, child };
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`server did not start: ${output}`);
}

/** Starts a server on a fresh data folder and a headless chromium. Call `stop` in afterAll. */
export async function startE2e(): Promise<E2e> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: npm test installs it (apt-get install chromium)`);
  fs.mkdirSync(SHOTS, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'palpa-e2e-'));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(work, { recursive: true, force: true });
  };
  try {
    const started = await startServer(work);
    server = started.child;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const consoleProblems: string[] = [];
    const chromiumBrowser = browser;
    return {
      baseUrl: started.url,
      browser: chromiumBrowser,
      consoleProblems,
      async newPage(width = 768, height = 1024) {
        const context = await chromiumBrowser.newContext({ viewport: { width, height } });
        const page = await context.newPage();
        page.on('console', (message) => {
          if (message.type() !== 'error') return;
          const where = message.location().url;
          consoleProblems.push(where ? `${message.text()} [${where}]` : message.text());
        });
        page.on('pageerror', (error) => consoleProblems.push(error.message));
        return page;
      },
      async shot(page, name) {
        // From the top: sticky bars are painted where the viewport was, so a scrolled page would show the
        // app header in the middle of the picture. A smooth scroll the page started (to an alert, to a
        // form) is overridden until the page stays at the top.
        await page.evaluate(async () => {
          const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
          for (let still = 0, tries = 0; still < 3 && tries < 120; tries++) {
            window.scrollTo({ top: 0, behavior: 'instant' });
            await frame();
            still = window.scrollY === 0 ? still + 1 : 0;
          }
        });
        return page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Waits until the first match is visible (the app renders some regions twice for screen readers). */
export const visible = (locator: Locator, timeout = 20_000) =>
  expect.poll(() => locator.first().isVisible(), { timeout }).toBe(true);

/** Switches the episode page's tab and waits for the URL to say so. */
export async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('tab') ?? 'timeline').toBe(name.toLowerCase());
}

/** Fills the first-run setup page (the caller takes its screenshot, then presses "Create clinic"). */
export async function fillClinicSetup(
  page: Page,
  baseUrl: string,
  owner: { name: string; email: string; password: string },
  clinicName = 'Riverside Medical Massage',
) {
  await page.goto(baseUrl);
  await page.waitForURL(/\/setup$/);
  await page.getByLabel('Clinic name').fill(clinicName);
  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel(/^Password/).fill(owner.password);
}
