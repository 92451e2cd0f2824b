// Bumps the extension's version and dates its CHANGELOG section.
//
//   npm run version:bump -- patch|minor|major|<x.y.z> [--date YYYY-MM-DD]
//
// - package.json's "version" (WXT copies it into both manifests), and package-lock.json's two copies of it;
// - CHANGELOG.md: what is under "## [Unreleased]" becomes "## [x.y.z] - <date>" (today, UTC, unless --date),
//   and an empty "## [Unreleased]" stays on top for what comes next.
//
// Works on the current directory (`npm run` starts in the project root). Versions are plain x.y.z: browsers
// accept only dot-separated integers in a manifest's version. Changes nothing when something is wrong.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const USAGE = 'usage: npm run version:bump -- patch|minor|major|<x.y.z> [--date YYYY-MM-DD]';
const SEMVER = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;

function fail(message) {
  console.error(`version:bump: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const dateIndex = args.indexOf('--date');
const date = dateIndex >= 0 ? args[dateIndex + 1] : new Date().toISOString().slice(0, 10);
const positional = dateIndex >= 0 ? args.filter((_, i) => i !== dateIndex && i !== dateIndex + 1) : args;
if (positional.length !== 1) fail(USAGE);
const [target] = positional;
if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '') || Number.isNaN(Date.parse(date))) fail(`not a date: ${date}`);

const dir = process.cwd();
const pkgPath = path.join(dir, 'package.json');
const lockPath = path.join(dir, 'package-lock.json');
const changelogPath = path.join(dir, 'CHANGELOG.md');
if (!existsSync(pkgPath)) fail(`no package.json in ${dir}`);
if (!existsSync(changelogPath)) fail(`no CHANGELOG.md in ${dir}`);

const pkgText = readFileSync(pkgPath, 'utf8');
const current = JSON.parse(pkgText).version;
const parts = SEMVER.exec(current ?? '')
  ?.slice(1)
  .map(Number);
if (!parts) fail(`package.json's version is not x.y.z: ${current}`);
const [major, minor, patch] = parts;

const next =
  target === 'major'
    ? `${major + 1}.0.0`
    : target === 'minor'
      ? `${major}.${minor + 1}.0`
      : target === 'patch'
        ? `${major}.${minor}.${patch + 1}`
        : target;
const nextParts = SEMVER.exec(next)?.slice(1).map(Number);
if (!nextParts) fail(`not a version (x.y.z) nor major/minor/patch: ${target}\n${USAGE}`);
const newer = nextParts.findIndex((n, i) => n !== parts[i]);
if (newer < 0 || nextParts[newer] < parts[newer]) fail(`${next} is not newer than ${current}`);

// CHANGELOG.md: date the Unreleased section.
const changelog = readFileSync(changelogPath, 'utf8');
const escaped = next.replaceAll('.', '\\.');
if (new RegExp(`^## \\[${escaped}\\]`, 'm').test(changelog)) fail(`CHANGELOG.md already has ${next}`);
const heading = `## [${next}] - ${date}`;
let updated;
if (/^## \[Unreleased\][^\n]*$/m.test(changelog)) {
  updated = changelog.replace(/^## \[Unreleased\][^\n]*$/m, `## [Unreleased]\n\n${heading}`);
} else {
  const firstRelease = changelog.search(/^## \[/m);
  if (firstRelease < 0) fail('CHANGELOG.md has no "## [Unreleased]" nor any "## [x.y.z]" section');
  updated = `${changelog.slice(0, firstRelease)}## [Unreleased]\n\n${heading}\n\n${changelog.slice(firstRelease)}`;
}

// package.json: only the top-level "version" line changes, the rest keeps its formatting.
const versionLine = new RegExp(`^(\\s*"version"\\s*:\\s*")${current.replaceAll('.', '\\.')}(")`, 'm');
const pkgUpdated = pkgText.replace(versionLine, `$1${next}$2`);
if (JSON.parse(pkgUpdated).version !== next) fail('could not find the "version" line in package.json');

// package-lock.json: its own version and the root package's, as `npm version` would.
let lockUpdated;
if (existsSync(lockPath)) {
  const lockText = readFileSync(lockPath, 'utf8');
  const lock = JSON.parse(lockText);
  if (`${JSON.stringify(lock, null, 2)}\n` === lockText) {
    lock.version = next;
    if (lock.packages?.['']) lock.packages[''].version = next;
    lockUpdated = `${JSON.stringify(lock, null, 2)}\n`;
  } else {
    console.warn('version:bump: package-lock.json is not in npm’s format; left as is (run npm install)');
  }
}

writeFileSync(changelogPath, updated);
writeFileSync(pkgPath, pkgUpdated);
if (lockUpdated) writeFileSync(lockPath, lockUpdated);
console.log(`${current} -> ${next}; CHANGELOG.md: ${heading}`);
