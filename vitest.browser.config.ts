import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the built app, started for real, driven through the system Chromium. One file
 * at a time in one fork; the server's first start seeds the demo municipality, which takes a while.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
