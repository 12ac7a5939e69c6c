import { defineConfig } from 'vitest/config';

/** Tests that print with a real browser (and the CLI tests that build); everything else runs without one. */
const BROWSER_TESTS = ['test/print/printer.test.ts', 'test/cli/**/*.test.ts', 'test/sample/**/*.test.ts'];

export default defineConfig({
  test: {
    // Real-browser tests print whole briefings; a 2-core CI machine needs room.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: BROWSER_TESTS,
          globalSetup: ['test/support/setup-tmp.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER_TESTS,
          globalSetup: ['test/support/setup-tmp.ts', 'test/support/setup-builds.ts'],
        },
      },
    ],
  },
});
