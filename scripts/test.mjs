// `npm test`: typecheck, lint, unit + integration tests, then the e2e suites against the built extension
// (Chromium, then Firefox).
// Every stage runs even when an earlier one fails, and the last line is the plain summary CI reads:
// "N passed, N failed" (typecheck and lint count as one check each), after the list of skipped tests.
// On a fresh machine it first installs Debian's browsers (as root, with apt-get) and the npm dependencies
// (scripts/setup.mjs); when either install fails, that is the one failure: "0 passed, 1 failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureDependencies, ensureTestBrowsers, ROOT } from './setup.mjs';

process.chdir(ROOT);
if (!ensureTestBrowsers() || !ensureDependencies()) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

function countJson(label, file, count) {
  if (!existsSync(file)) {
    failed++;
    failures.push(`${label} (no results: the runner did not start)`);
    return;
  }
  const [ok, ko] = count(JSON.parse(readFileSync(file, 'utf8')));
  passed += ok;
  failed += ko;
  if (ko > 0) failures.push(`${label} (${ko} failed)`);
}

/** A Vitest file that failed before its tests could run (a `beforeAll` threw): its tests count as failed. */
const failedBeforeRunning = (file) =>
  file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed');

/**
 * Vitest's counts, plus the tests of a file that failed before they could run: when a `beforeAll` throws
 * (Firefox missing, the browser not starting) Vitest reports the file as failed but its tests as skipped.
 */
function vitestCounts(r) {
  const unrun = r.testResults
    .filter(failedBeforeRunning)
    .reduce(
      (n, file) => n + Math.max(1, file.assertionResults.filter((t) => t.status !== 'passed').length),
      0,
    );
  return [r.numPassedTests, r.numFailedTests + unrun];
}

check('typecheck', 'npx', ['tsc', '--noEmit']);
check('lint', 'npx', ['biome', 'check', '.']);

run('unit and integration tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}/vitest.json`,
]);
countJson('vitest', `${results}/vitest.json`, vitestCounts);

if (run('e2e build', 'npm', ['run', 'build:e2e'])) {
  run('e2e tests', 'npx', ['playwright', 'test']);
  countJson('playwright', `${results}/playwright.json`, (r) => [
    r.stats.expected,
    r.stats.unexpected + r.stats.flaky,
  ]);
} else {
  failed++;
  failures.push('e2e build');
}

// The Firefox build in Debian's Firefox ESR (test/e2e-firefox, puppeteer-core over WebDriver BiDi).
if (run('Firefox e2e build', 'npm', ['run', 'build:e2e:firefox'])) {
  run('Firefox e2e tests', 'npx', ['vitest', 'run', '-c', 'vitest.firefox.config.ts']);
  countJson('firefox', `${results}/firefox.json`, vitestCounts);
} else {
  failed++;
  failures.push('Firefox e2e build');
}

/** `<file> > <describe> > <test>` of every skipped test in the JSON results of Vitest and Playwright. */
function skippedTests() {
  const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
  const skipped = [];
  for (const name of ['vitest', 'firefox']) {
    const r = read(`${results}/${name}.json`);
    for (const file of r?.testResults ?? []) {
      if (failedBeforeRunning(file)) continue;
      for (const test of file.assertionResults) {
        if (['skipped', 'pending', 'todo'].includes(test.status)) {
          skipped.push([path.relative(ROOT, file.name), ...test.ancestorTitles, test.title].join(' > '));
        }
      }
    }
  }
  const playwright = read(`${results}/playwright.json`);
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      if (spec.tests.some((test) => test.status === 'skipped')) {
        const file = path.relative(ROOT, path.resolve(playwright.config.rootDir, spec.file));
        skipped.push([file, ...titles, spec.title].join(' > '));
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  // The top-level suites are the files, titled by their names.
  for (const suite of playwright?.suites ?? []) walk(suite, []);
  return skipped;
}

let skipped;
try {
  skipped = skippedTests();
  skipped = skipped.length ? `Skipped (${skipped.length}): ${skipped.join('; ')}` : 'Skipped: none';
} catch (error) {
  skipped = `Skipped: unknown (${error.message})`;
}
console.log(`\n${skipped}`);
if (failures.length) console.log(`Failed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
