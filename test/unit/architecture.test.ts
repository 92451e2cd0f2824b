import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BROWSER_API,
  code,
  cycles,
  importsOf,
  LAYERS,
  layerOf,
  PERMISSIONS_CALL,
  PURE,
  SEND_MESSAGE,
  sourceFiles,
  upwardImports,
} from './support/architecture';

/**
 * The architecture, held by a test (issue 16): the layer order (./support/architecture.ts, and the same line in
 * the README), no cycle, no import up a layer, extension APIs only where they belong, one permissions module and
 * one home for sendMessage.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

const files = sourceFiles(ROOT);
const sources = new Map(files.map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]));
const graph = new Map(
  files.map((file) => [
    file,
    importsOf(file, sources.get(file) ?? '', (path) => existsSync(join(ROOT, path))),
  ]),
);
const inside = (file: string, folders: readonly string[]) =>
  folders.some((folder) => file === folder || file.startsWith(`${folder}/`));
const offenders = (pattern: RegExp, allowed: (file: string) => boolean) =>
  files.filter((file) => !allowed(file) && pattern.test(code(sources.get(file) ?? '')));

describe('architecture', () => {
  it('reads the tree it holds (a positive control for every check below)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get('entrypoints/content.ts')?.length).toBeGreaterThan(0);
    for (const [layer] of LAYERS)
      expect(layer && files.some((file) => inside(file, [layer])), layer).toBe(true);
    expect(files.filter((file) => file.startsWith('lib/') && layerOf(file) < 0)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no import that runs up a layer', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('uses no extension API in the pure layers', () => {
    expect(offenders(BROWSER_API, (file) => !inside(file, PURE))).toEqual([]);
  });

  it('keeps in lib/platform only files that touch a browser API (adapters)', () => {
    const idle = files.filter(
      (file) => inside(file, ['lib/platform']) && !BROWSER_API.test(code(sources.get(file) ?? '')),
    );
    expect(idle).toEqual([]);
  });

  it('calls permissions.* only in lib/platform/permissions.ts', () => {
    expect(offenders(PERMISSIONS_CALL, (file) => file === 'lib/platform/permissions.ts')).toEqual([]);
  });

  it('calls sendMessage only in the typed senders, lib/platform/messaging.ts', () => {
    expect(offenders(SEND_MESSAGE, (file) => file === 'lib/platform/messaging.ts')).toEqual([]);
  });

  it('draws the same layers in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const line = readme.match(/^Layers, lowest first: (.+)$/m)?.[1];
    expect(line, 'README: a line "Layers, lowest first: a < b < ..."').toBeDefined();
    const drawn = (line ?? '').split(' < ').map((layer) =>
      layer
        .replace(/`/g, '')
        .split(/ and |, /)
        .sort(),
    );
    expect(drawn).toEqual(LAYERS.map((layer) => [...layer].sort()));
  });
});

/**
 * One home per concept (issue 16): each of these is written in one file, and imported everywhere else. A
 * pattern names the concept's written form, so a second spelling of it anywhere fails here.
 */
const ONE_HOME: [concept: string, pattern: RegExp, home: string][] = [
  [
    'the failing health statuses',
    /\b(?:RED|YELLOW|BLACK):\s*\{\s*meaning:\s*'failing'/,
    'lib/alert/statuses.ts',
  ],
  ['the clear health statuses', /\b(?:GREEN|RECOVERED):\s*\{\s*meaning:\s*'clear'/, 'lib/alert/statuses.ts'],
  ['the FMC-itself device id', /FMC_ITSELF\s*=|deviceUUID\s*[!=]==\s*'0'/, 'lib/alert/rest.ts'],
  ['the alert -> device filter', /deviceUUID\s*===/, 'lib/alert/rest.ts'],
  ['the proxy address in words', /includes\(':'\)\s*\?\s*`\[/, 'lib/diagnose/device-text.ts'],
  ['the management DNS label', /'Management DNS'/, 'lib/diagnose/device-text.ts'],
  ['the session-token key prefix', /'fmc-session:'/, 'lib/platform/storage.ts'],
  ['the diagnosis key prefix', /'diagnosis:'/, 'lib/platform/storage.ts'],
  ['the hint-count key prefix', /'hints:'/, 'lib/platform/storage.ts'],
  ['the watches key prefix', /'watches:'/, 'lib/platform/storage.ts'],
];

describe('one home per concept', () => {
  for (const [concept, pattern, home] of ONE_HOME) {
    it(`writes ${concept} once, in ${home}`, () => {
      const homes = files.filter((file) => pattern.test(sources.get(file) ?? ''));
      expect(homes).toEqual([home]);
    });
  }
});

describe('the checks themselves fail on a bad tree', () => {
  it('finds a cycle, an upward import and a self-import', () => {
    const bad = new Map([
      ['lib/fmc/a.ts', ['lib/fmc/b.ts']],
      ['lib/fmc/b.ts', ['lib/fmc/a.ts', 'lib/features/x.ts']],
      ['lib/features/x.ts', ['lib/features/x.ts']],
    ]);
    expect(cycles(bad).map((cycle) => [...cycle].sort())).toEqual(
      expect.arrayContaining([['lib/fmc/a.ts', 'lib/fmc/b.ts'], ['lib/features/x.ts']]),
    );
    expect(cycles(bad)).toHaveLength(2);
    expect(upwardImports(bad)).toEqual(['lib/fmc/b.ts -> lib/features/x.ts']);
  });

  it('resolves imports of every form, and places files in their layer', () => {
    const exists = (path: string) =>
      ['lib/detect/index.ts', 'lib/alert/phrases.ts', 'components/x.tsx'].includes(path);
    const source = [
      "import { a } from '../detect';",
      "export { b } from '../alert/phrases';",
      "const c = import('../../components/x');",
      "import CSS from '../detect/index.ts?inline';",
    ].join('\n');
    expect(importsOf('lib/page/y.ts', source, exists)).toEqual([
      'lib/detect/index.ts',
      'lib/alert/phrases.ts',
      'lib/detect/index.ts',
      'components/x.tsx',
    ]);
    expect(
      ['lib/i18n.ts', 'lib/alert/x.ts', 'lib/page/x.ts', 'entrypoints/content.ts', 'test/x.ts'].map((p) =>
        layerOf(p),
      ),
    ).toEqual([0, 1, 11, 13, -1]);
  });

  it('sees an extension API, a permissions call and a sendMessage, not in comments', () => {
    expect(BROWSER_API.test(code("import { browser } from 'wxt/browser';"))).toBe(true);
    expect(BROWSER_API.test(code('await chrome.offscreen.createDocument(x);'))).toBe(true);
    expect(BROWSER_API.test(code('// browser.storage is read elsewhere'))).toBe(false);
    expect(BROWSER_API.test(code("const error = 'browser.dns is not available';"))).toBe(false);
    expect(BROWSER_API.test(code('return browser.ok === true; // a lookup result named browser'))).toBe(
      false,
    );
    expect(BROWSER_API.test(code('const m = globalThis.navigator?.locks;'))).toBe(true);
    expect(PERMISSIONS_CALL.test(code('browser.permissions.request({ origins })'))).toBe(true);
    expect(SEND_MESSAGE.test(code('browser.runtime.sendMessage({})'))).toBe(true);
    expect(SEND_MESSAGE.test(code('/** sendMessage(x) lives in messaging.ts */'))).toBe(false);
  });
});
