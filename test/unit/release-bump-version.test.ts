import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** `scripts/bump-version.mjs` run on a temporary copy of package.json, package-lock.json and CHANGELOG.md. */
const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/bump-version.mjs');
let dir: string;

const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
const version = () => (JSON.parse(read('package.json')) as { version: string }).version;
const setVersion = (v: string) =>
  writeFileSync(
    path.join(dir, 'package.json'),
    read('package.json').replace(/"version": "[^"]+"/, `"version": "${v}"`),
  );

function bump(...args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, out: result.stdout + result.stderr };
}

const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

### Fixed

- Something.

## [0.1.0] - 2026-11-27

### Added

- Everything.
`;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bump-version-'));
  for (const name of ['package.json', 'package-lock.json'])
    copyFileSync(path.join(root, name), path.join(dir, name));
  writeFileSync(path.join(dir, 'CHANGELOG.md'), CHANGELOG);
  setVersion('0.1.0');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run version:bump', () => {
  it.each([
    ['patch', '0.1.1'],
    ['minor', '0.2.0'],
    ['major', '1.0.0'],
    ['0.3.7', '0.3.7'],
  ])('%s: package.json goes from 0.1.0 to %s', (kind, expected) => {
    const { status, out } = bump(kind, '--date', '2027-01-15');
    expect(status, out).toBe(0);
    expect(version()).toBe(expected);
    expect(out).toContain(`0.1.0 -> ${expected}`);
  });

  it('dates what was Unreleased and leaves an empty Unreleased section on top', () => {
    expect(bump('patch', '--date', '2027-01-15').status).toBe(0);
    expect(read('CHANGELOG.md')).toBe(
      CHANGELOG.replace('## [Unreleased]\n', '## [Unreleased]\n\n## [0.1.1] - 2027-01-15\n'),
    );
  });

  it('dates the section today (UTC) by default', () => {
    expect(bump('minor').status).toBe(0);
    expect(read('CHANGELOG.md')).toContain(`## [0.2.0] - ${new Date().toISOString().slice(0, 10)}`);
  });

  it('adds the Unreleased section when the changelog has none', () => {
    writeFileSync(
      path.join(dir, 'CHANGELOG.md'),
      CHANGELOG.replace(/## \[Unreleased\][\s\S]*?(?=## \[0)/, ''),
    );
    expect(bump('patch', '--date', '2027-01-15').status).toBe(0);
    expect(read('CHANGELOG.md')).toContain(
      'Intro.\n\n## [Unreleased]\n\n## [0.1.1] - 2027-01-15\n\n## [0.1.0]',
    );
  });

  it('changes only the version line of package.json, and both versions in package-lock.json', () => {
    const before = read('package.json');
    const lockBefore = JSON.parse(read('package-lock.json'));
    expect(bump('patch').status).toBe(0);
    expect(read('package.json')).toBe(before.replace('"version": "0.1.0"', '"version": "0.1.1"'));
    const lock = JSON.parse(read('package-lock.json'));
    expect(lock.version).toBe('0.1.1');
    expect(lock.packages[''].version).toBe('0.1.1');
    expect({ ...lock, version: 0, packages: { ...lock.packages, '': 0 } }).toEqual({
      ...lockBefore,
      version: 0,
      packages: { ...lockBefore.packages, '': 0 },
    });
  });

  it.each([
    ['no argument', []],
    ['a word', ['latest']],
    ['a pre-release (a manifest version holds integers only)', ['0.2.0-beta.1']],
    ['an older version', ['0.0.9']],
    ['the same version', ['0.1.0']],
    ['a bad date', ['patch', '--date', '15/01/2027']],
  ])('refuses %s and changes nothing', (_, args) => {
    const files = ['package.json', 'package-lock.json', 'CHANGELOG.md'].map(read);
    const { status } = bump(...args);
    expect(status).toBe(1);
    expect(['package.json', 'package-lock.json', 'CHANGELOG.md'].map(read)).toEqual(files);
  });

  it('refuses a version the changelog already has', () => {
    setVersion('0.0.9');
    const { status, out } = bump('0.1.0');
    expect(status).toBe(1);
    expect(out).toContain('already has 0.1.0');
  });

  it('is wired as the npm script', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts['version:bump']).toBe('node scripts/bump-version.mjs');
  });
});
