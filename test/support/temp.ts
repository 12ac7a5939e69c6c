/**
 * Temporary folders for tests, each removed when its test (or file) ends, so a run leaves
 * nothing behind (test/support/setup-tmp.ts checks that it does not).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

const remove = (dir: string) => () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });

/** A new folder, removed when the current test finishes. Call it inside a test. */
export function tempDir(prefix = 'briefing-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    onTestFinished(remove(dir));
  } catch (cause) {
    remove(dir)();
    throw new Error('tempDir() is for use inside a test; at the top level of a file use fileTempDir()', { cause });
  }
  return dir;
}

/** A new folder for a whole test file, removed after its last test. Call it at the top level of the file. */
export function fileTempDir(prefix = 'briefing-test-'): string {
  // Inside a test (where onTestFinished can be registered), afterAll() is too late: the folder would outlive the run.
  let inTest = true;
  try {
    onTestFinished(() => {});
  } catch {
    inTest = false;
  }
  if (inTest) throw new Error('fileTempDir() is for the top level of a file; inside a test use tempDir()');
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(remove(dir));
  return dir;
}
