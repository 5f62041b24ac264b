// `npm test`: format check, lint, typecheck, web build, then every vitest project (unit, integration on
// PGlite — and on PostgreSQL when DATABASE_URL is set — and end-to-end in Debian's chromium).
// Ends with one plain line, `N passed, N failed`, counting each check and each test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
let passed = 0;
let failed = 0;

function run(label, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      `End-to-end tests need Debian's chromium at ${CHROMIUM}: run "sudo apt-get install -y chromium", then npm test again.`,
    );
    return false;
  }
  console.log('Installing Debian chromium for the end-to-end tests (about 100 s, once)…');
  return (
    run('apt-get update', 'apt-get', ['update', '-qq']) &&
    run('apt-get install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium'], {
      DEBIAN_FRONTEND: 'noninteractive',
    })
  );
}

const started = Date.now();
for (const [label, command, args] of [
  ['format (prettier --check)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['lint (eslint)', 'npx', ['eslint', '.']],
  ['typecheck (tsc --noEmit)', 'npx', ['tsc', '--noEmit']],
  ['web build (vite)', 'npx', ['vite', 'build', '--logLevel', 'warn']],
]) {
  if (run(label, command, args)) passed++;
  else failed++;
}
if (ensureChromium()) passed++;
else failed++;

fs.mkdirSync('test-output', { recursive: true });
const report = 'test-output/vitest-report.json';
fs.rmSync(report, { force: true });
run('vitest (unit, integration, end-to-end)', 'npx', ['vitest', 'run'], { VITEST_JSON_REPORT: report });
if (fs.existsSync(report)) {
  const results = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A suite that crashed before its tests ran counts as a failure too.
  failed += results.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  if (results.numTotalTests === 0) failed++;
} else {
  failed++;
}
console.log(
  `\nnpm test took ${((Date.now() - started) / 1000).toFixed(0)} s${process.env.DATABASE_URL ? ' (PGlite and PostgreSQL)' : ' (PGlite only; set DATABASE_URL to also test on PostgreSQL)'}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
