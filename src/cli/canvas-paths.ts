/** The canvases a command works on when none are named. */
import { existsSync } from 'node:fs';
import { BriefingError, EXIT } from '../errors.ts';
import { PACKAGE_ROOT } from '../files.ts';
import { join } from 'node:path';
import { show, type Io } from './io.ts';

/**
 * The paths as given; without any, ./data (written "data", as a user would type it, so that every line about its
 * canvases names them alike). Without it, a usage error: falling back on the package's own sample would have `check`
 * say "ok" of a canvas that is not the user's, and `send` e-mail the sample to lists whose routes match it.
 */
export function canvasPaths(paths: string[], io: Io, command: string): string[] {
  if (paths.length > 0) return paths;
  const local = join(io.cwd, 'data');
  if (!existsSync(local)) {
    const sample = join(PACKAGE_ROOT, 'data', 'alibaba.yaml');
    const theSample = existsSync(sample) ? `; the package's sample canvas is ${sample}` : '';
    throw new BriefingError(`no canvas given, and no data/ folder in the working folder ${io.cwd}: give a canvas file or a folder of them (briefing ${command} PATH), or run it where data/ holds your canvases${theSample}`, EXIT.usage);
  }
  return [io.cwd === process.cwd() ? 'data' : local];
}

/** Warns of folders inside the folders given that hold canvases: not read, so no briefing of theirs is made or checked. */
export async function sayUnreadFolders(targets: string[], io: Io): Promise<void> {
  const { unreadFolders } = await import('../pipeline.ts');
  for (const { folder, canvases } of await unreadFolders(targets)) {
    io.err(`warning: ${show(folder, io)} holds ${canvases === 1 ? 'a canvas' : `${canvases} canvases`}, not read: the folders inside a folder given are not searched; give it too (${show(folder, io)}) to include ${canvases === 1 ? 'it' : 'them'}`);
  }
}
