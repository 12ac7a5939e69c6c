/** Which canvas files a command works on: files as given, folders expanded to their .yaml/.yml files (not the tool's own). */
import { lstatSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { didYouMean, nearest } from '../did-you-mean.ts';
import { LINK_LOOP, linkTarget } from './read-canvas-file.ts';
import { BriefingError, EXIT } from '../errors.ts';
import { listOf } from '../words.ts';

/**
 * Expands paths to canvas files, sorted within each folder; a missing path or an empty folder is a usage error.
 * A file named twice (`data data/alibaba.yaml`, `./x.yaml x.yaml`) is worked on once, as first named: `send` would
 * otherwise plan its messages twice. A link to it is a name of its own, with a PDF of that name, and stays.
 * A folder's own files of the tool (the project config, a theme's settings) are left out of it; named, they are refused.
 */
export async function findCanvases(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      const target = info.code === 'ENOENT' ? linkTarget(path) : undefined;
      if (info.code === 'ENOENT' && target === undefined || info.code === 'ENOTDIR') throw new BriefingError(`${path}: no such file or folder${await nearbyNames(path)}`, EXIT.usage);
      if (target !== undefined) throw new BriefingError(`${path}: a link to ${target}, which does not exist`, EXIT.usage);
      throw new BriefingError(`${path}: cannot read: ${info.code === 'EACCES' ? 'permission denied (on it, or on a folder on the way to it)' : info.code === 'ELOOP' ? LINK_LOOP : info.message}`, EXIT.usage, { cause: info });
    }
    if (info.isFile()) {
      refuseToolFile(path);
      files.push(path);
      continue;
    }
    if (!info.isDirectory()) throw new BriefingError(`${path}: not a canvas file or a folder of them`, EXIT.usage);
    const names = await readdir(path).catch((cause: Error) => {
      throw new BriefingError(`${path}: cannot read folder: ${cause.message}`, EXIT.usage, { cause });
    });
    // Regular files only (symlinks to them too): a pipe named x.yaml would block the build forever. One that cannot be
    // looked at (a link whose target is gone or on a share not mounted, a folder on the way it may not enter) stays, to
    // fail as its canvas, named: left out, it would be taken for a canvas deleted, and its PDFs removed as of no briefing.
    const candidates = names.filter(isCanvasName).sort().map((f) => join(path, f));
    const found: string[] = [];
    for (const f of candidates) {
      const info = await stat(f).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' && linkTarget(f) === undefined ? undefined : 'unreadable'));
      if (info === 'unreadable' || info?.isFile()) found.push(f);
    }
    if (found.length === 0) {
      const own = names.filter((n) => toolFile(n) !== undefined).sort();
      const besides = own.length === 0 ? '' : ` besides the tool's own ${listOf(own, 'and')}, which ${own.length === 1 ? 'is not a canvas' : 'are not canvases'}`;
      throw new BriefingError(`${path}: folder holds no canvas files (*.yaml or *.yml)${besides}`, EXIT.usage);
    }
    files.push(...found);
  }
  const seen = new Set<string>();
  const once: string[] = [];
  for (const file of files) {
    const key = resolve(file);
    if (seen.has(key)) continue;
    seen.add(key);
    once.push(file);
  }
  return once;
}

/**
 * The folders inside folder PATHs that hold canvas files themselves: not read (a PATH's folders are not searched), and
 * so to be said, as "data/energy (3 canvases)", lest their briefings go missing without a word. A folder that is a
 * PATH too is read, and so are its canvases given as PATHs: only those left unread are counted.
 */
export async function unreadFolders(paths: string[]): Promise<Array<{ folder: string; canvases: number }>> {
  const found: Array<{ folder: string; canvases: number }> = [];
  const given = new Set(paths.map((p) => resolve(p)));
  for (const path of paths) {
    if (!(await stat(path).catch(() => undefined))?.isDirectory()) continue;
    for (const entry of await readdir(path, { withFileTypes: true }).catch(() => [])) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const folder = join(path, entry.name);
      if (given.has(resolve(folder))) continue;
      const canvases = (await readdir(folder).catch(() => [] as string[])).filter((n) => isCanvasName(n) && !given.has(resolve(folder, n))).length;
      if (canvases > 0) found.push({ folder, canvases });
    }
  }
  return found;
}

/** Throws for a PATH that names one of the tool's own files (the project config, a theme's settings), not a canvas. */
export function refuseToolFile(path: string): void {
  const own = toolFile(basename(path));
  if (own) throw new BriefingError(`${path}: ${own.what}, not a canvas: ${own.fix}`, EXIT.usage);
}

/** A file name a folder's canvas has: *.yaml or *.yml, not hidden, not one of the tool's own files. */
function isCanvasName(name: string): boolean {
  return /\.ya?ml$/i.test(name) && !name.startsWith('.') && toolFile(name) === undefined;
}

/**
 * The tool's own YAML files, which may share a folder with canvases: the project config (README tells users to keep it
 * in the working folder, where canvases are) and a theme's settings (a canvas's `briefing.theme: .` makes its own folder
 * the theme). What the file is and what to give instead, for one named as a PATH; undefined for any other name.
 */
function toolFile(name: string): { what: string; fix: string } | undefined {
  // Any case: on macOS and Windows "Briefing.config.yaml" is the file `send` reads.
  if (/^briefing\.config\.ya?ml$/i.test(name)) {
    return { what: 'this is the project config (who gets which briefing, read by briefing send)', fix: 'give a canvas file or a folder of them instead (a folder\'s briefing.config.yaml is left out); send finds the config by itself (or with --config FILE)' };
  }
  if (/^theme\.yaml$/i.test(name)) {
    return { what: 'this is a theme\'s settings file (docs/themes.md)', fix: 'give a canvas file or a folder of them instead (a folder\'s theme.yaml is left out), and the theme\'s folder with --theme DIR; a canvas named theme.yaml needs another name' };
  }
  return undefined;
}

/** `; did you mean "data/alibaba.yaml"?` for a path mistyped in its last part, from what its folder holds; else empty. */
async function nearbyNames(path: string): Promise<string> {
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  const near = nearest(basename(path), names.filter((n) => !n.startsWith('.'))).slice(0, 3);
  return didYouMean(near.map((n) => (dirname(path) === '.' && !path.startsWith('./') ? n : join(dirname(path), n))));
}

/**
 * Whether a canvas file is still there, readable or not: a link whose target is missing (a share not mounted) and a
 * file in a folder this user may not enter are; only one gone from its folder is not. Its briefings are removed only then.
 */
export function canvasPresent(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}
