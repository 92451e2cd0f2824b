import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// FMC runs on any host name or IP, so no FMC origin is granted at install: the user enables each one
// (optional host permissions) and the background registers the content script for it at run time.
// The e2e build (`--mode e2e`) pre-grants loopback so the tests need no permission prompt.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode, browser }) => {
    const e2e = mode === 'e2e';
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      // `dns`: Firefox's system resolver for the quick DNS lookups (Chromium has no such API; it uses DoH).
      permissions: ['storage', 'scripting', 'activeTab', ...(browser === 'firefox' ? ['dns'] : [])],
      host_permissions: e2e ? ['http://127.0.0.1/*', 'http://localhost/*'] : [],
      optional_host_permissions: ['https://*/*', 'http://*/*'],
      storage: { managed_schema: 'managed-schema.json' },
      action: { default_title: '__MSG_extName__' },
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
