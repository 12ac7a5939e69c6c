/**
 * Global setup of every test project: the run gets a private temporary folder (TMPDIR, which the
 * test workers and every browser they start inherit), and at the end the run fails if anything
 * was left in it: a test that forgets to remove its folder, or a browser profile not cleaned up (named with
 * the browser test file that left it: test/support/file-tmp.ts gives each its own TMPDIR in the run's folder).
 * A run stopped before its end (Ctrl-C) cannot remove its folder: the next run removes it, once
 * the process that made it is gone.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { processExists } from '../../src/processes.ts';

/** The run's folder, in the environment of every test process (test/support/file-tmp.ts reads it). */
export const RUN_TMPDIR = 'BRIEFING_TEST_TMPDIR';
const OWNER = RUN_TMPDIR;
const PREFIX = 'canvas-briefing-tests-';
/** In each run's folder: which vitest process made it (owner()). */
const OWNER_FILE = '.owner';
/** A browser test file's own TMPDIR in the run's folder: this, then the file's path with `+` for `/` (file-tmp.ts). */
export const FILE_FOLDER_PREFIX = 'file+';
/** tsx keeps its compile cache in TMPDIR (tsx-<uid>) when the tests run the real binary; that is not a leak. */
const TSX_CACHE = /^tsx-\d+$/;

/**
 * What the tests left in the run's folder, each named with the test file that left it where it was in that file's
 * own TMPDIR (`test/cli/cli.test.ts: canvas-briefing-chromium-x`).
 */
function leftovers(dir: string): string[] {
  const left: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === OWNER_FILE || TSX_CACHE.test(name)) continue;
    if (!name.startsWith(FILE_FOLDER_PREFIX)) {
      left.push(name);
      continue;
    }
    const file = name.slice(FILE_FOLDER_PREFIX.length).replaceAll('+', '/');
    for (const inner of readdirSync(join(dir, name))) if (!TSX_CACHE.test(inner)) left.push(`${file}: ${inner}`);
  }
  return left;
}

/**
 * This process, as other runs can tell whether it still runs: its pid, and where that pid means it (the host,
 * and on Linux the pid namespace: a container sharing /tmp with its host, or with another container, has pids
 * of its own).
 */
function owner(pid = process.pid): string {
  let namespace = '';
  try {
    namespace = readlinkSync('/proc/self/ns/pid');
  } catch {
    // not Linux
  }
  return `${hostname()} ${namespace} ${pid}`;
}

/**
 * Removes the folders of earlier runs whose vitest process is gone: what a run stopped before its end left. Only
 * runs of this host and pid namespace are judged; a folder that cannot be removed is left for another time.
 */
function removeAbandoned(parent: string): void {
  for (const name of readdirSync(parent).filter((n) => n.startsWith(PREFIX))) {
    const file = join(parent, name, OWNER_FILE);
    const recorded = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const pid = Number(recorded.split(' ').at(-1));
    if (!Number.isInteger(pid) || pid <= 0 || recorded !== owner(pid) || processExists(pid)) continue;
    try {
      rmSync(join(parent, name), { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // another user's, or in use: not ours to insist on
    }
  }
}

export function setup(): (() => void) | undefined {
  // Both projects list this file; the first one to run owns the folder.
  if (process.env[OWNER]) return undefined;
  removeAbandoned(tmpdir());
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  writeFileSync(join(dir, OWNER_FILE), owner());
  const saved = process.env.TMPDIR;
  process.env[OWNER] = dir;
  process.env.TMPDIR = dir;
  return () => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    delete process.env[OWNER];
    const left = leftovers(dir);
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    if (left.length > 0) {
      // vitest reports an error thrown here but still exits 0; a leak must fail the run.
      console.error(`\nFAIL: the tests left temporary files behind (removed now): ${left.join(', ')}`);
      process.exitCode = 1;
    }
  };
}
