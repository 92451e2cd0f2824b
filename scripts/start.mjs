// `npm start`, in plain Node since it runs before the dependencies exist: installs them (`npm ci`) when
// node_modules does not match package-lock.json and Debian's chromium when no Chromium-family browser is there
// (as root, with apt-get), then runs the demo, scripts/start.ts, under tsx.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { ensureDependencies, ensureStartBrowser, ROOT } from './setup.mjs';

if (!ensureDependencies() || !ensureStartBrowser()) process.exit(1);

const demo = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
});
// Ctrl+C reaches the demo directly (same process group); a signal sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => demo.kill(signal));
demo.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
