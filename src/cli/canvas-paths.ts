/** The canvases a command works on when none are named. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from './io.ts';

// fileURLToPath, not URL.pathname: the latter keeps %20 and breaks installs in folders with spaces.
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The paths as given; without any, ./data when it exists, else the package's own sample data/. */
export function canvasPaths(paths: string[], io: Io): string[] {
  if (paths.length > 0) return paths;
  const local = join(io.cwd, 'data');
  return [existsSync(local) ? local : join(PACKAGE_ROOT, 'data')];
}
