/**
 * Setup of each browser test file: the file gets a TMPDIR of its own inside the run's (test/support/setup-tmp.ts),
 * named after it. The test worker and every browser and `briefing` process the file starts inherit it, so when the
 * run's end finds something left behind (a browser profile a closing Chromium made again, say), it names the file
 * that left it. Only the browser project, whose files start the browsers and processes that leave such things.
 */
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { FILE_FOLDER_PREFIX, RUN_TMPDIR } from './setup-tmp.ts';

const run = process.env[RUN_TMPDIR];
const file = expect.getState().testPath;
if (run && file) {
  const dir = join(run, `${FILE_FOLDER_PREFIX}${relative(process.cwd(), file).replaceAll('/', '+')}`);
  mkdirSync(dir, { recursive: true });
  process.env.TMPDIR = dir;
}
