import { defineConfig } from '@playwright/test';

// Each test file launches its own Chromium with the built extension (see test/e2e/fixtures.ts);
// Playwright's own browser downloads are not used.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/playwright',
});
