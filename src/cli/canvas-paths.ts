/** The canvases a command works on when none are named. */
import { existsSync } from 'node:fs';
import { PACKAGE_ROOT } from '../files.ts';
import { join } from 'node:path';
import type { Io } from './io.ts';

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
