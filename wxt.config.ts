import { readFile, writeFile } from 'node:fs/promises';
import preact from '@preact/preset-vite';
// jszip is WXT's own zip library (a dependency of wxt), used here to rewrite its zips reproducibly.
import JSZip from 'jszip';
import { defineConfig } from 'wxt';

/**
 * One fixed date for every zip entry (`SOURCE_DATE_EPOCH` when set, else 1980-01-01, the first date a zip
 * can hold): WXT stamps entries with the current time, so two zips of the same build would differ.
 */
function zipEntryDate(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return new Date(Number.isInteger(epoch) && epoch >= 315_532_800 ? epoch * 1000 : Date.UTC(1980, 0, 1));
}

/** Rewrites a zip with its entries in name order, one fixed date, no file modes: same files, same bytes. */
export async function normalizeZip(file: string): Promise<void> {
  const source = await JSZip.loadAsync(await readFile(file));
  const out = new JSZip();
  const date = zipEntryDate();
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name];
    if (!entry) continue;
    if (entry.dir) out.file(name, null, { dir: true, date, createFolders: false });
    else out.file(name, await entry.async('uint8array'), { date, createFolders: false, binary: true });
  }
  const bytes = await out.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'DOS',
  });
  await writeFile(file, bytes);
}

// FMC runs on any host name or IP, so no FMC origin is granted at install: the user enables each one
// (optional host permissions) and the background registers the content script for it at run time.
// The e2e build (`--mode e2e`) pre-grants loopback (http, and https for the self-signed mode) so the tests need
// no permission prompt.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  zip: {
    // What .gitignore leaves out besides dot folders (.output, .wxt), which the sources zip never includes.
    excludeSources: ['tmp/**', 'test-results/**', 'playwright-report/**', '**/*.log'],
  },
  // `npm run zip` twice gives the same bytes (checked by scripts/check-reproducible-zip.mjs).
  hooks: {
    // The content script runs on every page of an enabled FMC and must stay small (≤ 20 KB gzipped): it uses
    // WXT's own `browser` (the browsers' promise-based APIs, Chromium MV3 and Firefox alike) instead of the
    // polyfill, 3 KB gzipped. What it calls (runtime messages, i18n, storage.local) needs no polyfill; its one
    // message listener answers through `sendResponse`. Every other entrypoint keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      const current = config.resolve?.alias;
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(current)
          ? [alias, ...current]
          : [alias, ...Object.entries(current ?? {}).map(([find, replacement]) => ({ find, replacement }))],
      };
    },
    'zip:extension:done': (_wxt, zipPath) => normalizeZip(zipPath),
    'zip:sources:done': (_wxt, zipPath) => normalizeZip(zipPath),
  },
  manifest: ({ mode, browser }) => {
    const e2e = mode === 'e2e';
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      // `dns`: Firefox's system resolver for the quick DNS lookups (Chromium has no such API; it uses DoH).
      // `alarms`: a watch re-checks a device every few minutes while the service worker sleeps.
      // `notifications` is optional, asked at the first watch from the popup or the report; the e2e build
      // grants it at install, as it does loopback, so that no prompt stops the tests.
      permissions: [
        'storage',
        'scripting',
        'activeTab',
        'alarms',
        ...(browser === 'firefox' ? ['dns'] : []),
        // Chromium: the service worker's FMC requests go through an offscreen document when the worker cannot
        // reach a self-signed FMC whose certificate the user accepted in a tab (lib/platform/offscreen.ts).
        ...(browser === 'firefox' ? [] : ['offscreen']),
        ...(e2e ? ['notifications'] : []),
      ],
      ...(e2e ? {} : { optional_permissions: ['notifications'] }),
      // https://127.0.0.1 too: the simulator's self-signed HTTPS mode, as most FMCs serve their API.
      host_permissions: e2e ? ['http://127.0.0.1/*', 'http://localhost/*', 'https://127.0.0.1/*'] : [],
      optional_host_permissions: ['https://*/*', 'http://*/*'],
      storage: { managed_schema: 'managed-schema.json' },
      action: { default_title: '__MSG_extName__' },
      // What the extension relies on: storage.session's 10 MB quota (Chrome 112; 1 MB before), service workers
      // kept alive by extension API calls (110), Web Locks in workers (69). Firefox: 140 below.
      ...(browser === 'firefox' ? {} : { minimum_chrome_version: '112' }),
      browser_specific_settings: {
        gecko: {
          id: 'fmc-cloud-doctor@fmc-cloud-doctor.invalid',
          strict_min_version: '140.0',
          // Nothing is collected: the extension talks only to the user's own FMC and chosen DNS resolver.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: {
          strict_min_version: '142.0',
        },
      },
    };
  },
});
