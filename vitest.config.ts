import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts', 'test/property/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit/support/fail-on-i18n.ts'],
  },
});
