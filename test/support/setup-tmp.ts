/**
 * Global setup of every test project: the run gets a private temporary folder (TMPDIR, which the
 * test workers and every browser they start inherit), and at the end the run fails if anything
 * was left in it: a test that forgets to remove its folder, or a browser profile not cleaned up.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OWNER = 'BRIEFING_TEST_TMPDIR';

export function setup(): (() => void) | undefined {
  // Both projects list this file; the first one to run owns the folder.
  if (process.env[OWNER]) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'canvas-briefing-tests-'));
  const saved = process.env.TMPDIR;
  process.env[OWNER] = dir;
  process.env.TMPDIR = dir;
  return () => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    delete process.env[OWNER];
    // tsx keeps its compile cache in TMPDIR (tsx-<uid>) when the tests run the real binary; that is not a leak.
    const left = readdirSync(dir).filter((name) => !/^tsx-\d+$/.test(name));
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    if (left.length > 0) {
      // vitest reports an error thrown here but still exits 0; a leak must fail the run.
      console.error(`\nFAIL: the tests left temporary files behind (removed now): ${left.join(', ')}`);
      process.exitCode = 1;
    }
  };
}
