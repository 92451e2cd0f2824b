// The set-up `npm start` (scripts/start.mjs) and `npm test` (scripts/test.mjs) do by themselves on a fresh
// machine: the npm dependencies and, for the tests, Debian's browsers. Plain Node without dependencies, since it
// runs before they are installed.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Whether a file exists and may be run. */
export function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The full path of an executable on PATH (what `command -v` prints), or null. */
export function findCommand(name) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return dirs.map((dir) => path.join(dir, name)).find(isExecutable) ?? null;
}

/**
 * Why `node_modules` does not match `package-lock.json` (npm's record of what it installed,
 * `node_modules/.package-lock.json`, is missing, older, or lists other packages), or null when it matches.
 * Optional packages of the lock may be absent: npm skips those of other platforms.
 */
export function staleDependencies(root = ROOT) {
  const lockFile = path.join(root, 'package-lock.json');
  const installedFile = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(path.join(root, 'node_modules'))) return 'no node_modules';
  if (!existsSync(installedFile)) return 'no node_modules/.package-lock.json';
  if (statSync(installedFile).mtimeMs < statSync(lockFile).mtimeMs) {
    return 'node_modules is older than package-lock.json';
  }
  let locked;
  let installed;
  try {
    locked = JSON.parse(readFileSync(lockFile, 'utf8')).packages ?? {};
    installed = JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {};
  } catch {
    return 'node_modules/.package-lock.json or package-lock.json is unreadable';
  }
  for (const [name, entry] of Object.entries(installed)) {
    if (!name) continue;
    const lock = locked[name];
    if (!lock || ['version', 'resolved', 'integrity', 'link'].some((key) => lock[key] !== entry[key])) {
      return `${name} differs from package-lock.json`;
    }
  }
  for (const [name, lock] of Object.entries(locked)) {
    if (name && !lock.optional && !(name in installed)) return `${name} is not installed`;
  }
  return null;
}

/** Runs `npm ci` when `node_modules` does not match `package-lock.json`. False when `npm ci` failed. */
export function ensureDependencies() {
  const stale = staleDependencies();
  if (!stale) return true;
  console.log(`Installing the npm dependencies (${stale}): npm ci`);
  const { status } = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
  if (status !== 0) console.log('npm ci failed');
  return status === 0;
}

function dpkgInstalled(pkg) {
  const { status, stdout } = spawnSync('dpkg', ['-s', pkg], { encoding: 'utf8' });
  return status === 0 && /^Status: install ok installed$/m.test(stdout);
}

/** The Debian packages `npm test` needs and how to tell each is there. */
const TEST_PACKAGES = [
  ['chromium', () => findCommand('chromium') !== null],
  // The French UI tests: Debian's browsers ship only English without their language packs.
  ['chromium-l10n', () => dpkgInstalled('chromium-l10n')],
  ['firefox-esr', () => findCommand('firefox-esr') !== null],
  ['firefox-esr-l10n-fr', () => dpkgInstalled('firefox-esr-l10n-fr')],
];

/** Whether this process may install Debian packages itself: root, with apt-get. */
const canApt = () => process.getuid?.() === 0 && findCommand('apt-get') !== null;

/** Installs Debian packages quietly (apt-get update first). False when apt-get failed. */
function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) =>
    spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;
  if (apt(['update', '-qq']) && apt(['install', '-y', '-qq', ...packages])) return true;
  console.log('apt-get install failed');
  return false;
}

/**
 * Installs the missing browsers of `npm test` from Debian when it can (root, apt-get present); otherwise names
 * them in one line and goes on (the browser stages then fail). False only when apt-get failed.
 */
export function ensureTestBrowsers() {
  const missing = TEST_PACKAGES.filter(([, present]) => !present()).map(([pkg]) => pkg);
  if (missing.length === 0) return true;
  if (!canApt()) {
    console.log(
      `Missing Debian packages, the browser tests will fail without them: ${missing.join(' ')} (install: sudo apt-get install ${missing.join(' ')})`,
    );
    return true;
  }
  console.log(`Installing ${missing.join(' ')} from Debian`);
  return aptInstall(missing);
}

/** The Chromium-family browsers `npm start` can open (scripts/start.ts looks for the same, best first). */
export const START_BROWSER_COMMANDS = [
  'chromium',
  'google-chrome',
  'google-chrome-stable',
  'chromium-browser',
];
const CHANNEL_FILES = ['/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge'];

/**
 * `npm start`'s own set-up: when no Chromium-family browser is there (CHROMIUM_PATH, one on PATH, Chrome or Edge
 * where Playwright looks for them) and this process may install Debian packages, installs Debian's `chromium`
 * and says so in one line. Otherwise it does nothing: scripts/start.ts names what to install. False only when
 * apt-get failed.
 */
export function ensureStartBrowser(deps = {}) {
  const {
    env = process.env,
    find = findCommand,
    executable = isExecutable,
    mayInstall = canApt,
    install = aptInstall,
    log = console.log,
  } = deps;
  if (env.CHROMIUM_PATH && executable(env.CHROMIUM_PATH)) return true;
  if (START_BROWSER_COMMANDS.some((name) => find(name) !== null)) return true;
  if (CHANNEL_FILES.some(executable)) return true;
  if (!mayInstall()) return true;
  log("No Chromium-family browser found: installing Debian's chromium (apt-get install chromium)");
  return install(['chromium']);
}
