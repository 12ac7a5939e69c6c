/** The canvases a command works on when none are named. */
import { existsSync } from 'node:fs';
import { PACKAGE_ROOT } from '../files.ts';
import { join } from 'node:path';
import { show, type Io } from './io.ts';

/**
 * The paths as given; without any, ./data when it exists (written "data", as a user would type it, so that every
 * line about its canvases names them alike), else the package's own sample data/.
 */
export function canvasPaths(paths: string[], io: Io): string[] {
  if (paths.length > 0) return paths;
  const local = join(io.cwd, 'data');
  if (!existsSync(local)) return [join(PACKAGE_ROOT, 'data')];
  return [io.cwd === process.cwd() ? 'data' : local];
}

/** Warns of folders inside the folders given that hold canvases: not read, so no briefing of theirs is made or checked. */
export async function sayUnreadFolders(targets: string[], io: Io): Promise<void> {
  const { unreadFolders } = await import('../pipeline.ts');
  for (const { folder, canvases } of await unreadFolders(targets)) {
    io.err(`warning: ${show(folder, io)} holds ${canvases === 1 ? 'a canvas' : `${canvases} canvases`}, not read: the folders inside a folder given are not searched; give it too (${show(folder, io)}) to include ${canvases === 1 ? 'it' : 'them'}`);
  }
}
