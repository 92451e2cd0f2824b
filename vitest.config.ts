import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts', 'test/property/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit/support/fail-on-i18n.ts'],
    // The hint's styles are .css files inlined into its shadow root (components/hint/styles.ts): tests read
    // them as the build does, instead of Vitest's default empty CSS.
    css: { include: [/components\/(hint|diagnosis)\/.*\.css/] },
  },
});
