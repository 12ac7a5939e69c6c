/**
 * deliver/: put finished briefings in place. A PDF is written to a temporary file in
 * the output folder and renamed over the old one only when complete, so a failed or
 * interrupted build never leaves a partial PDF where a good one was.
 */
import { constants } from 'node:fs';
import { access, lstat, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { BriefingError, EXIT } from '../errors.ts';
import { sha256 } from '../hash.ts';
import { isPlainFileName, removeQuietly, takeLockFile, writeTemporary } from '../files.ts';

export interface WrittenBriefing {
  pdf: string;
  html?: string;
}

/**
 * Writes <outDir>/<name>.pdf (and .html when given). Both are written to temporary files
 * first and renamed into place only when both are complete, the PDF last, so a failure
 * never replaces a good PDF or leaves a partial file under a real name.
 */
export async function writeBriefing(outDir: string, name: string, pdf: Uint8Array, html?: string): Promise<WrittenBriefing> {
  assertCompletePdf(name, pdf);
  await prepareOutputFolder(outDir);
  const files: Array<[string, Uint8Array | string]> = [[join(outDir, `${name}.pdf`), pdf]];
  if (html !== undefined) files.push([join(outDir, `${name}.html`), html]);
  const temps: string[] = [];
  try {
    for (const [path, data] of files) temps.push(await writeTemporary(path, data));
    // The PDF goes last: if the HTML (a debugging aid) cannot be put in place, the old PDF stays.
    for (const i of [...files.keys()].reverse()) await rename(temps[i], files[i][0]);
  } catch (cause) {
    await Promise.all(temps.map(removeQuietly));
    throw new BriefingError(`cannot write ${name} to ${outDir}: ${(cause as Error).message}`, EXIT.output, { cause });
  }
  return { pdf: files[0][0], html: files[1]?.[0] };
}

/**
 * Creates the output folder if needed, one level at a time: Node's recursive mkdir can spin
 * forever under /proc, and a missing or read-only parent should fail at once with its name.
 * Returns the folders it created, outermost first.
 */
export async function prepareOutputFolder(outDir: string): Promise<string[]> {
  const missing: string[] = [];
  const created: string[] = [];
  let dir = resolve(outDir);
  while (!(await stat(dir).catch(() => undefined))) {
    missing.unshift(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  try {
    for (const d of missing) {
      // Another build may create it at the same moment: that is as good.
      const made = await mkdir(d).then(() => true, (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
        return false;
      });
      if (made) created.push(d);
    }
    const info = await stat(resolve(outDir));
    if (!info.isDirectory()) throw new Error('it is a file, not a folder');
    await access(resolve(outDir), constants.W_OK);
    await removeStalePartials(resolve(outDir));
  } catch (cause) {
    throw outputFolderError(outDir, cause);
  }
  return created;
}

/** Why a folder cannot take files although it exists or could: read-only, no permission, full, a name too long. */
const CANNOT_WRITE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'ENAMETOOLONG']);

/**
 * A failure to use the output folder, classified: one that cannot take files (read-only, not ours, full:
 * EXIT.output, as when a PDF cannot be written) or an --out that names no folder at all (EXIT.usage).
 */
export function outputFolderError(outDir: string, cause: unknown): BriefingError {
  const code = (cause as NodeJS.ErrnoException).code;
  const exit = code !== undefined && CANNOT_WRITE.has(code) ? EXIT.output : EXIT.usage;
  const why = code === 'ENOTDIR' ? 'a part of its path is a file, not a folder' : (cause as Error).message;
  return new BriefingError(`cannot write to output folder ${outDir}: ${why}. Choose another with --out.`, exit, { cause });
}

/**
 * Failures that mean the output folder takes no more files, whichever is written next: no space left, no quota
 * left, a read-only file system. What each says of the folder, and what to do about it, for messages.
 */
const TAKES_NO_FILES: Record<string, { why: string; fix: string }> = {
  ENOSPC: { why: 'the disk it is on is full', fix: 'free space on that disk' },
  EDQUOT: { why: 'your disk quota there is used up', fix: 'free space within your quota' },
  EROFS: { why: 'it is on a read-only file system', fix: 'remount it read-write' },
};

/** The errno code (ENOSPC, EDQUOT, EROFS) of a failure, or of one of its causes, that means the output folder takes no more files; else undefined. */
export function takesNoFiles(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== undefined && Object.hasOwn(TAKES_NO_FILES, code)) return code;
  }
  return undefined;
}

/** Why the output folder takes no more files (`code`: takesNoFiles), and what to do, as a message says it: "(the disk it is on is full)", "free space on that disk". */
export function takesNoFilesWords(code: string): { why: string; fix: string } {
  return TAKES_NO_FILES[code] ?? { why: `${code}`, fix: 'make it writable' };
}

/** How old a temporary file must be before it counts as left behind by a killed run (a live one renames or removes its own in seconds). */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/** Removes this tool's temporary files (<name>.<12 hex>.partial, or <name>.<pid>.partial of earlier versions) that a killed run left behind. */
async function removeStalePartials(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!/\.([0-9a-f]{12}|\d+)\.partial$/.test(name)) continue;
    const info = await lstat(join(dir, name)).catch(() => undefined);
    if (info?.isFile() && Date.now() - info.mtimeMs > STALE_PARTIAL_MS) await rm(join(dir, name), { force: true });
  }
}

function assertCompletePdf(name: string, pdf: Uint8Array): void {
  const head = Buffer.from(pdf.subarray(0, 5)).toString('latin1');
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 1024))).toString('latin1');
  if (head !== '%PDF-' || !tail.includes('%%EOF')) {
    throw new BriefingError(`${name}: the printed PDF is incomplete (${pdf.length} bytes); nothing was written`, EXIT.render);
  }
}

/** What removeOutputs did: the files removed, and those left alone because they changed since they were written. */
export interface RemovedOutputs {
  removed: string[];
  kept: string[];
}

/**
 * Removes files this tool wrote, given as file name -> SHA-256 of the bytes it wrote. A file whose bytes
 * differ (edited or replaced by hand since) is not the tool's any more and stays; a missing one is fine.
 */
export async function removeOutputs(outDir: string, files: Record<string, string>): Promise<RemovedOutputs> {
  const result: RemovedOutputs = { removed: [], kept: [] };
  for (const [file, hash] of Object.entries(files)) {
    if (!isPlainFileName(file)) throw new BriefingError(`refusing to remove "${file}": not a file of the output folder ${outDir}`, EXIT.output);
    const path = join(outDir, file);
    const bytes = await readFile(path).catch(() => undefined);
    if (bytes === undefined) continue;
    if (sha256(bytes) !== hash) {
      result.kept.push(path);
      continue;
    }
    try {
      await rm(path);
      result.removed.push(path);
    } catch (cause) {
      throw new BriefingError(`cannot remove ${path}, the output of a briefing that no longer exists: ${(cause as Error).message}`, EXIT.output, { cause });
    }
  }
  return result;
}

/** The lock file in the output folder (lockOutputFolder). */
export const LOCK_FILE = '.briefing.lock';

/**
 * Takes the output folder for this process: a build, watch rebuild or send reads the manifest and the
 * send journal and rewrites them, so two at once would lose each other's records (or send twice). A
 * lock left by a process that is gone is taken over. Returns the release; fails (EXIT.output) while
 * another running process holds it. Taking it again in the process that holds it is allowed (and its
 * release does nothing). The folders it created for the run are removed again on release if the run left
 * them empty (it wrote no briefing: no browser, every canvas invalid). A release that cannot remove the lock
 * (a folder turned read-only) fails with EXIT.output, the lock left for the next run to take over.
 */
export async function lockOutputFolder(outDir: string, what: string): Promise<() => Promise<void>> {
  let created = await prepareOutputFolder(outDir);
  const file = join(outDir, LOCK_FILE);
  const mine = `${process.pid} ${what}\n`;
  const taken = await takeLockFile(file, mine, {
    write: () => writeFile(file, mine, { flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      // Another build that had made the folder, and wrote nothing into it, removed it as we came: make it again.
      created = await prepareOutputFolder(outDir);
      await writeFile(file, mine, { flag: 'wx' });
    }),
    busy: (pid, doing) => new BriefingError(
      `${outDir} is in use by another briefing ${doing || 'run'} (process ${pid}): wait for it to finish, or use another --out. ` +
        `If no such process is running, remove ${file}.`,
      EXIT.output,
    ),
    failed: (error) => new BriefingError(`cannot lock the output folder ${outDir}: ${error.message}`, EXIT.output, { cause: error }),
  });
  if (taken === 'held') return async () => {}; // this process holds it already (send builds first): its holder releases it
  return async () => {
    if ((await readFile(file, 'utf8').catch(() => '')) === mine) {
      // rm's force ignores a missing file only: a folder turned read-only mid-run refuses to remove it (EROFS),
      // which is the folder's failure (exit 7), not a bug. The lock stays, naming this process: once it has
      // ended, the next run takes the lock over (above).
      await rm(file, { force: true }).catch((cause: NodeJS.ErrnoException) => {
        const code = takesNoFiles(cause);
        const words = code === undefined ? undefined : takesNoFilesWords(code);
        const fix = words === undefined ? '' : ` The folder takes no more files (${words.why}): ${words.fix} before the next run.`;
        throw new BriefingError(
          `cannot remove the lock ${file} at the end of this ${what}: ${cause.message}. It is left in place; the next build or send takes it over, as the process it names (${process.pid}) will have ended.${fix}`,
          EXIT.output,
          { cause },
        );
      });
    }
    // Innermost first; rmdir refuses a folder with anything in it (another build's lock, a file a user put there).
    for (const dir of [...created].reverse()) if (!(await rmdir(dir).then(() => true, () => false))) break;
  };
}

/**
 * Runs `work` with the output folder locked for this process (lockOutputFolder), releasing it however `work`
 * ends. A failure of `work` is the one thrown: a lock that then cannot be removed too is left for the next run. A lock
 * that cannot be removed after `work` succeeded is thrown, or given to `releaseFailed` with the result when it is a
 * BriefingError (a build counts it with its briefings' failures).
 */
export async function withOutputLock<T>(outDir: string, what: string, work: () => Promise<T>, releaseFailed?: (error: BriefingError, result: T) => void): Promise<T> {
  const release = await lockOutputFolder(outDir, what);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await release().catch(() => {});
    throw error;
  }
  await release().catch((error: unknown) => {
    if (releaseFailed === undefined || !(error instanceof BriefingError)) throw error;
    releaseFailed(error, result);
  });
  return result;
}
