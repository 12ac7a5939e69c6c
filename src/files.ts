/** Files and folders the whole tool shares: where the package is, and how files are written and named safely. */
import { rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { BriefingError, EXIT } from './errors.ts';

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
