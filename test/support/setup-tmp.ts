/**
 * Global setup of every test project: the run gets a private temporary folder (TMPDIR, which the
 * test workers and every browser they start inherit), and at the end the run fails if anything
 * was left in it: a test that forgets to remove its folder, or a browser profile not cleaned up.
 * A run stopped before its end (Ctrl-C) cannot remove its folder: the next run removes it, once
 * the process that made it is gone.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OWNER = 'BRIEFING_TEST_TMPDIR';
const PREFIX = 'canvas-briefing-tests-';
/** In each run's folder: the pid of the vitest process that made it. */
const OWNER_FILE = '.owner-pid';

/** Whether a process with this pid is running (signal 0 checks without sending anything). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the folders of earlier runs whose vitest process is gone: what a run stopped before its end left. */
function removeAbandoned(parent: string): void {
  for (const name of readdirSync(parent).filter((n) => n.startsWith(PREFIX))) {
    const owner = join(parent, name, OWNER_FILE);
    const pid = existsSync(owner) ? Number(readFileSync(owner, 'utf8')) : NaN;
    if (Number.isInteger(pid) && pid > 0 && !running(pid)) rmSync(join(parent, name), { recursive: true, force: true, maxRetries: 3 });
  }
}

export function setup(): (() => void) | undefined {
  // Both projects list this file; the first one to run owns the folder.
  if (process.env[OWNER]) return undefined;
  removeAbandoned(tmpdir());
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  const saved = process.env.TMPDIR;
  process.env[OWNER] = dir;
  process.env.TMPDIR = dir;
  return () => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    delete process.env[OWNER];
    // tsx keeps its compile cache in TMPDIR (tsx-<uid>) when the tests run the real binary; that is not a leak.
    const left = readdirSync(dir).filter((name) => name !== OWNER_FILE && !/^tsx-\d+$/.test(name));
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    if (left.length > 0) {
      // vitest reports an error thrown here but still exits 0; a leak must fail the run.
      console.error(`\nFAIL: the tests left temporary files behind (removed now): ${left.join(', ')}`);
      process.exitCode = 1;
    }
  };
}
