// `npm start` (and `npm run demo`): build the web app if it is missing (npm install builds it), then run
// the server, passing stop signals on so that Palpa can write its shutdown backup.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const entry = process.argv[2] ?? 'src/server.ts';
if (!fs.existsSync('dist/web/index.html')) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, ['--import', 'tsx', entry], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
