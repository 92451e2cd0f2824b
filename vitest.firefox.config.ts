import { defineConfig } from 'vitest/config';

// The Firefox e2e suite (`npm run test:e2e:firefox`): the built Firefox extension in Debian's Firefox ESR,
// driven by puppeteer-core over WebDriver BiDi (test/e2e-firefox/firefox.ts has the recipe). Each file launches
// its own Firefox; files run one after the other so that two headless Firefoxes never compete.
export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // `npm test` (scripts/test.mjs) counts the results from the JSON file.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/firefox.json' },
  },
});
