/** Which canvas files a command works on: files as given, folders expanded to their .yaml/.yml files. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BriefingError, EXIT } from '../errors.ts';

/** Expands paths to canvas files, sorted within each folder; a missing path or an empty folder is a usage error. */
export async function findCanvases(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new BriefingError(`${path}: no such file or folder`, EXIT.usage);
    if (info.isFile()) {
      files.push(path);
      continue;
    }
    if (!info.isDirectory()) throw new BriefingError(`${path}: not a canvas file or a folder of them`, EXIT.usage);
    const names = await readdir(path).catch((cause: Error) => {
      throw new BriefingError(`${path}: cannot read folder: ${cause.message}`, EXIT.usage, { cause });
    });
    // Regular files only (symlinks to them too): a pipe named x.yaml would block the build forever.
    const candidates = names.filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith('.')).sort().map((f) => join(path, f));
    const found: string[] = [];
    for (const f of candidates) if ((await stat(f).catch(() => undefined))?.isFile()) found.push(f);
    if (found.length === 0) throw new BriefingError(`${path}: folder holds no canvas files (*.yaml or *.yml)`, EXIT.usage);
    files.push(...found);
  }
  return [...new Set(files)];
}
