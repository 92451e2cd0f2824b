// `npm test`: typecheck, lint, unit + integration tests, then the e2e suites against the built extension
// (Chromium, then Firefox).
// Every stage runs even when an earlier one fails, and the last line is the plain summary CI reads:
// "N passed, N failed" (typecheck and lint count as one check each).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

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

/**
 * Vitest's counts, plus the tests of a file that failed before they could run: when a `beforeAll` throws
 * (Firefox missing, the browser not starting) Vitest reports the file as failed but its tests as skipped.
 */
function vitestCounts(r) {
  const unrun = r.testResults
    .filter((file) => file.status === 'failed')
    .filter((file) => !file.assertionResults.some((test) => test.status === 'failed'))
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

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
