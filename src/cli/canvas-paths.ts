/** The canvases a command works on when none are named. */
import { existsSync } from 'node:fs';
import { PACKAGE_ROOT } from '../files.ts';
import { join } from 'node:path';
import type { Io } from './io.ts';

/** The paths as given; without any, ./data when it exists, else the package's own sample data/. */
export function canvasPaths(paths: string[], io: Io): string[] {
  if (paths.length > 0) return paths;
  const local = join(io.cwd, 'data');
  return [existsSync(local) ? local : join(PACKAGE_ROOT, 'data')];
}
