import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The production manifests as `npx wxt build` and `npx wxt build -b firefox` write them, compared with the
 * README's "Permissions, and why" table in both directions. The builds go to a scratch folder under
 * `.output` so they never overwrite a build someone is using.
 */
const root = path.resolve(import.meta.dirname, '../..');
const scratch = `release-manifest-${process.pid}`;
const BROWSERS = ['chrome', 'firefox'] as const;
type Target = (typeof BROWSERS)[number];

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  content_security_policy?: unknown;
  content_scripts?: unknown[];
  [key: string]: unknown;
}

const manifests = {} as Record<Target, Manifest>;

async function build(browser: Target): Promise<Manifest> {
  const config = { browser, outDirTemplate: `${scratch}/{{browser}}-mv{{manifestVersion}}` };
  await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', `import { build } from 'wxt'; await build(${JSON.stringify(config)});`],
    { cwd: root, env: { ...process.env, CI: '1' } },
  );
  return JSON.parse(
    readFileSync(path.join(root, '.output', scratch, `${browser}-mv3/manifest.json`), 'utf8'),
  );
}

beforeAll(async () => {
  for (const browser of BROWSERS) manifests[browser] = await build(browser);
}, 90_000);

afterAll(() => rmSync(path.join(root, '.output', scratch), { recursive: true, force: true }));

interface PermissionRow {
  /** Every `code` of the first column. */
  names: string[];
  /** The row is about optional host permissions ("optional host permissions `https://*\/*`, …"). */
  optionalHosts: boolean;
  /** The row is about an optional API permission ("optional `notifications`"), asked at first use. */
  optional: boolean;
  /** The browsers the row says it applies to ("(Firefox only)"); both when it says nothing. */
  browsers: Target[];
}

/** The first column of the README's "Permissions, and why" table. */
function readmePermissionRows(): PermissionRow[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## Permissions, and why$/m)[1]?.split(/^#{1,3} /m)[0];
  if (!section) throw new Error('README has no "## Permissions, and why" section');
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2) // header and separator
    .map((line) => line.split('|')[1]?.trim() ?? '');
  return rows.map((cell) => {
    const only = /\((Firefox|Chrom(?:e|ium)) only\)/i.exec(cell)?.[1]?.toLowerCase();
    return {
      names: [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string),
      optionalHosts: /^optional host permissions/i.test(cell),
      optional: /^optional `/i.test(cell),
      browsers: only === 'firefox' ? ['firefox'] : only ? ['chrome'] : [...BROWSERS],
    };
  });
}

describe('README permissions table and the built manifests', () => {
  it('the table has the rows this test knows how to read', () => {
    const rows = readmePermissionRows();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(row.names.length, JSON.stringify(row)).toBeGreaterThan(0);
  });

  it.each(BROWSERS)('every permission the %s manifest asks for is explained in the README', (browser) => {
    const rows = readmePermissionRows().filter((row) => row.browsers.includes(browser));
    const documented = rows.filter((row) => !row.optionalHosts && !row.optional).flatMap((row) => row.names);
    const documentedOptional = rows.filter((row) => row.optional).flatMap((row) => row.names);
    const documentedHosts = rows.filter((row) => row.optionalHosts).flatMap((row) => row.names);
    const manifest = manifests[browser];
    for (const permission of manifest.permissions ?? []) expect(documented).toContain(permission);
    for (const host of manifest.optional_host_permissions ?? []) expect(documentedHosts).toContain(host);
    // Nothing is granted at install: the README promises every FMC origin is asked for, one at a time.
    expect(manifest.host_permissions ?? []).toEqual([]);
    // Only what the README says is asked at first use.
    expect(manifest.optional_permissions ?? []).toEqual(documentedOptional);
    expect(manifest.content_scripts ?? []).toEqual([]);
  });

  it.each(BROWSERS)('every permission the README lists for %s is in its manifest', (browser) => {
    const manifest = manifests[browser];
    for (const row of readmePermissionRows()) {
      const field = row.optionalHosts
        ? manifest.optional_host_permissions
        : row.optional
          ? manifest.optional_permissions
          : manifest.permissions;
      for (const name of row.names) {
        if (row.browsers.includes(browser)) expect(field, `${name} in ${browser}`).toContain(name);
        else expect(field ?? [], `${name} must not be in ${browser}`).not.toContain(name);
      }
    }
  });
});

describe('minimum browser versions', () => {
  it('chrome asks for 112 (storage.session 10 MB quota), firefox for 140', () => {
    expect(manifests.chrome.minimum_chrome_version).toBe('112');
    expect(manifests.firefox.minimum_chrome_version).toBeUndefined();
    const gecko = (manifests.firefox.browser_specific_settings as { gecko?: { strict_min_version?: string } })
      ?.gecko;
    expect(gecko?.strict_min_version).toBe('140.0');
  });
});

describe('what the manifests do not have', () => {
  it.each(BROWSERS)('%s: no externally_connectable, no web-accessible resources', (browser) => {
    const manifest = manifests[browser];
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it.each(BROWSERS)('%s: no Content Security Policy that loosens the default', (browser) => {
    const csp = manifests[browser].content_security_policy;
    // Absent means the MV3 default (`script-src 'self'`): no remote code, no eval.
    const policies = csp === undefined ? [] : Object.values(csp as Record<string, string>);
    for (const policy of policies) {
      expect(policy).not.toMatch(/https?:|\*|'unsafe-eval'|'unsafe-inline'|data:|blob:/);
    }
  });

  it.each(BROWSERS)('%s: the version is package.json’s', (browser) => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(manifests[browser].version).toBe(pkg.version);
  });
});
