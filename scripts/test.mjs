// `npm test`: typecheck, lint, unit + integration tests, then the e2e suite against the built extension.
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

check('typecheck', 'npx', ['tsc', '--noEmit']);
check('lint', 'npx', ['biome', 'check', '.']);

run('unit and integration tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}/vitest.json`,
]);
countJson('vitest', `${results}/vitest.json`, (r) => [r.numPassedTests, r.numFailedTests]);

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

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
