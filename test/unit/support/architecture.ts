import { readdirSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

// The architecture test's tools (test/unit/architecture.test.ts): kept apart so that the test checks them on
// made-up trees as well as on the real one.

/**
 * The architecture, held by a test (issue 16). The layers, lowest first: a file imports only from its own
 * layer or lower ones. The README's "Architecture" section draws the same order; the last test below checks
 * that the two agree, so the order is written down here and there and cannot drift.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['lib/i18n.ts', 'lib/origins.ts'],
  ['lib/alert'],
  ['lib/knowledge'],
  ['lib/detect'],
  ['lib/fmc'],
  ['lib/dns'],
  ['lib/diagnose'],
  ['lib/doctor'],
  ['lib/protocol'],
  ['lib/platform'],
  ['lib/features'],
  ['lib/page'],
  ['components'],
  ['entrypoints'],
];

/** Pure layers: no extension API (they run in tests, in the worker and in pages alike; effects are injected). */
export const PURE = [
  'lib/i18n.ts',
  'lib/origins.ts',
  'lib/alert',
  'lib/protocol',
  'lib/detect',
  'lib/fmc',
  'lib/diagnose',
  'lib/dns',
  'lib/knowledge',
  'lib/doctor',
];

/** An extension API: WXT's browser, the polyfill, `browser.*` / `chrome.*`, Web Locks, WXT's storage. */
const NAMESPACES =
  'runtime|storage|tabs|permissions|scripting|action|alarms|notifications|i18n|dns|offscreen|windows|downloads|webNavigation|contextMenus|management|identity|cookies';
export const BROWSER_API = new RegExp(
  `from ['"](wxt/browser|wxt/utils/storage|webextension-polyfill|@wxt-dev/webextension-polyfill)['"]` +
    `|(?<![\\w.$])(browser|chrome)\\.(${NAMESPACES})\\b|(?<![\\w.$])(globalThis\\.)?navigator\\b`,
);
export const PERMISSIONS_CALL = /(?<![\w$])permissions\.(request|contains|remove|getAll|onAdded|onRemoved)\b/;
export const SEND_MESSAGE = /\bsendMessage\s*\(/;

const SOURCE_DIRS = ['lib', 'components', 'entrypoints'];

export function sourceFiles(root: string): string[] {
  return SOURCE_DIRS.flatMap((dir) =>
    readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/')),
  );
}

/**
 * Comments out, and the insides of one-line string literals (an error message may name `browser.dns`); import
 * specifiers stay, since the API check reads them.
 */
export function code(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
    .replace(/(?<!from\s*)'(?:[^'\\\n]|\\.)*'/g, "''")
    .replace(/(?<!from\s*)"(?:[^"\\\n]|\\.)*"/g, '""');
}

/** The relative imports of a file (static, re-exports, dynamic), resolved to repository paths. */
export function importsOf(file: string, source: string, exists: (path: string) => boolean): string[] {
  const specifiers = [
    ...source.matchAll(/(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]/g),
    ...source.matchAll(/import\s*\(\s*['"](\.[^'"]+)['"]\s*\)/g),
    ...source.matchAll(/^import\s*['"](\.[^'"]+)['"]/gm),
  ].map((match) => (match[1] ?? '').replace(/\?.*$/, ''));
  const resolved: string[] = [];
  for (const specifier of specifiers) {
    const base = posix.normalize(posix.join(posix.dirname(file), specifier));
    const target = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find(exists);
    if (target && /\.(ts|tsx)$/.test(target)) resolved.push(target);
  }
  return resolved;
}

/** The layer's index of a path, or -1 outside the layered tree (tests, public/, JSON, CSS). */
export function layerOf(path: string, layers = LAYERS): number {
  return layers.findIndex((members) =>
    members.some((member) => path === member || path.startsWith(`${member}/`)),
  );
}

/** Imports that run up a layer: `from -> to` where `to` sits in a higher layer than `from`. */
export function upwardImports(graph: Map<string, string[]>, layers = LAYERS): string[] {
  const found: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const [a, b] = [layerOf(from, layers), layerOf(to, layers)];
      if (a >= 0 && b > a) found.push(`${from} -> ${to}`);
    }
  }
  return found;
}

/** The import cycles of a graph, each as its files in order (Tarjan's strongly connected components). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indexOf.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, indexOf.get(next) ?? 0));
    }
    if (low.get(node) === indexOf.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = (graph.get(node) ?? []).includes(node);
      if (component.length > 1 || selfLoop) found.push(component.reverse());
    }
  };
  for (const node of graph.keys()) if (!indexOf.has(node)) visit(node);
  return found;
}
