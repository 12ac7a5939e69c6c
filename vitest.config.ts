import { defineConfig } from 'vitest/config';
import { SharedBuildsLast } from './test/support/sequencer.ts';

/**
 * Tests that print with a real browser, read what the shared builds (test/support/setup-builds.ts)
 * printed, or run the real binary (seconds each).
 */
const BROWSER_TESTS = [
  'test/print/printer.test.ts',
  'test/print/browser-crash.test.ts',
  'test/print/devanagari-print.test.ts',
  'test/print/theme-font-cjk-print.test.ts',
  'test/print/theme-font-head-print.test.ts',
  'test/print/local-figures-print.test.ts',
  'test/print/marking-print.test.ts',
  'test/print/contents-print.test.ts',
  'test/print/keep-with-next-print.test.ts',
  'test/print/key-charts-print.test.ts',
  'test/print/cover-print.test.ts',
  'test/print/changes-table-print.test.ts',
  'test/cli/cli.test.ts',
  'test/cli/lazy-imports.test.ts',
  'test/cli/compiled-cli.test.ts',
  'test/cli/signals.test.ts',
  'test/cli/stress.test.ts',
  'test/sample/**/*.test.ts',
  'test/preview/preview-browser.test.ts',
  'test/cli/regenerate.test.ts',
  // No browser, but seconds of waiting on the file watcher and its 500 ms look for a folder that went (5 s).
  'test/cli/watch-gone.test.ts',
  // Seconds of waiting on the watcher and its grace period for a canvas that went (3 s).
  'test/cli/watch-vanish.test.ts',
  'test/cli/send.test.ts',
  'test/cli/send-journal.test.ts',
  'test/hostile/corpus.test.ts',
  'test/cli/write-faults.test.ts',
  'test/cli/build-since.test.ts',
  'test/queue/queue.test.ts',
  'test/queue/retries.test.ts',
  'test/queue/full-folder.test.ts',
  'test/queue/worker-failures.test.ts',
  'test/queue/submitter-bounds.test.ts',
  'test/queue/changed-while-printing.test.ts',
  'test/queue/worker-limit.test.ts',
  'test/queue/redis-restart.test.ts',
  'test/queue/close-started.test.ts',
  'test/queue/interrupted-planning.test.ts',
];

export default defineConfig({
  test: {
    // Real-browser tests print whole briefings; a 2-core CI machine needs room.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
    // Each test file's modules, transformed, kept on disk (node_modules/.experimental-vitest-cache, keyed by
    // content: an edited file is transformed again; tsconfig.json is not in the key: `npx vitest --clearCache`
    // after editing it): a contributor's next run skips most of the transforming, 0.93x the unit run's wall
    // time (farm-bench, 4 pairs). A clean clone, as CI's, starts without it.
    experimental: { fsModuleCache: true },
    sequence: { sequencer: SharedBuildsLast },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: BROWSER_TESTS,
          // Processes, not worker threads: @napi-rs/canvas keeps its fonts in one collection per process (GlobalFonts), and
          // two threads registering the chart fonts at once crashed the whole run (a segmentation fault, before any test
          // reported: 2 runs in 15 of test/charts and test/render here, none in 15 with processes). The tool itself
          // measures in one thread. Threads were 0.92x the wall time (farm-bench, 2 pairs).
          pool: 'forks',
          // Files share a worker's modules instead of loading vega, zod and pdf-lib again for each
          // file (half the unit run's time). What they share are caches keyed by content (the charts drawn,
          // text widths), which give one file what it would have drawn or measured itself. No file vi.mock()s a
          // module (in a shared registry a mock misses the modules already loaded; eslint.config.js refuses it): one
          // that fakes a module spies on its export (vi.spyOn) and restores it after the file.
          isolate: false,
          globalSetup: ['test/support/setup-tmp.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER_TESTS,
          isolate: false,
          globalSetup: ['test/support/setup-tmp.ts', 'test/support/setup-builds.ts'],
          // Each file its own TMPDIR in the run's: what is left behind is named with the file that left it.
          setupFiles: ['test/support/file-tmp.ts'],
        },
      },
    ],
  },
});
