import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI, Eleventy and browser tests spawn processes; two cores are shared between them.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Extracts the browser tests' Chromium once per run (or takes CHROMIUM_PATH) and provides it to them.
    globalSetup: ['test/setup/chromium.ts'],
  },
});
