/** Fake browsers for the launch tests: shell scripts, which start in milliseconds, and what launching one rejects with. */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { BriefingError } from '../../src/errors.ts';
import { launchBrowser } from '../../src/print/launch-browser.ts';
import { tempDir } from './temp.ts';

/** An executable shell script named chromium, in a temporary folder of its own (`prefix`), running `body`. */
export function shellBrowser(body: string, prefix: string): string {
  const file = join(tempDir(prefix), 'chromium');
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** What launching the browser at `path` rejects with: a BriefingError, asserted. */
export async function launchFailure(path: string, env?: NodeJS.ProcessEnv): Promise<BriefingError> {
  const error = await launchBrowser({ path, source: 'env' }, { timeoutMs: 10_000, env }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BriefingError);
  return error as BriefingError;
}
