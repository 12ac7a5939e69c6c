/** Files and folders the whole tool shares: where the package is, and how files are written and named safely. */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { BriefingError, EXIT } from './errors.ts';
import { processExists } from './processes.ts';

/** The package's own folder (templates/, styles/, data/, package.json). fileURLToPath, not URL.pathname: that keeps %20. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A name of a file directly in a folder: no folder separators, not "." or "..", no NUL. */
export function isPlainFileName(name: string): boolean {
  return name.length > 0 && !/[/\\\0]/.test(name) && name !== '.' && name !== '..';
}

/**
 * A temporary file beside `path` with `data` in it: a random name, created exclusively (so a file or
 * symlink planted under a predictable name is never written through). Rename it into place, or remove it.
 * One that cannot be written whole is removed here: its caller never learns its name.
 */
export async function writeTemporary(path: string, data: string | Uint8Array): Promise<string> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.partial`;
  try {
    await writeFile(temp, data, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    // A write cut short (a full disk, a used-up quota) leaves the file it created, part-written: on a full disk
    // each failed briefing left hundreds of kilobytes more, taking the space a later build needs, for the hour it
    // takes a partial file to count as abandoned (deliver/ removeStalePartials). EEXIST: the name is another's.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await removeQuietly(temp);
    throw error;
  }
  return temp;
}

/**
 * Removes a temporary file of a write that failed, if it can: when it cannot (a read-only file system), the
 * write's own failure is the one to report, and the file, if any, is left for removeStalePartials.
 */
export async function removeQuietly(temp: string): Promise<void> {
  await rm(temp, { force: true }).catch(() => {});
}

/** Writes `data` to `path` through a temporary file and a rename: readers see the old or the new file, never half. Failures are BriefingErrors (EXIT.output). */
export async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  let temp: string | undefined;
  try {
    temp = await writeTemporary(path, data);
    await rename(temp, path);
  } catch (cause) {
    if (temp) await removeQuietly(temp);
    throw new BriefingError(`cannot write ${path}: ${(cause as Error).message}`, EXIT.output, { cause });
  }
}

/**
 * Takes the lock file `file` for this process: creates it holding `mine` (this process's id, then what it does), by
 * `how.write` where creating it needs more (default: create it, failing if it exists). A lock left by a process that is
 * gone (killed) is taken over; one this process holds already is no obstacle ('held': its holder releases it). Throws
 * `how.busy(pid, what)` while a running process holds it, and `how.failed(error)` when it cannot be made at all. The
 * output folder's lock and the send journal's are taken so.
 */
export async function takeLockFile(
  file: string,
  mine: string,
  how: { write?: () => Promise<void>; busy: (pid: number, what: string) => Error; failed: (error: Error) => Error },
): Promise<'taken' | 'held'> {
  const write = how.write ?? (() => writeFile(file, mine, { flag: 'wx' }));
  for (let attempt = 0; ; attempt++) {
    try {
      await write();
      return 'taken';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw how.failed(error as Error);
      const held = (await readFile(file, 'utf8').catch(() => '')).trim();
      const pid = Number(held.split(' ')[0]);
      if (pid === process.pid) return 'held';
      if (pid > 0 && processExists(pid)) throw how.busy(pid, held.includes(' ') ? held.slice(held.indexOf(' ') + 1) : '');
      await rm(file, { force: true }); // left by a process that is gone (killed): take it over
    }
  }
}
