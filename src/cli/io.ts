/** Where the CLI writes and what it runs in: the process's by default, a test's own in tests. */
import { relative } from 'node:path';
import type { Printer } from '../pipeline.ts';

/** Output lines, error lines, environment and working folder of one CLI run. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /**
   * A printer to build with, for a caller that runs the CLI several times in one process (the tests'
   * shared builds): its browser is launched once, not once per run, and --browser and --timeout do not
   * apply to it. The caller closes it, even after a signal; without one, each build launches and
   * closes its own.
   */
  printer?: Printer;
}

/** The process's own stdout, stderr, environment and working folder. */
export function defaultIo(): Io {
  return { out: (l) => console.log(l), err: (l) => console.error(l), env: process.env, cwd: process.cwd() };
}

/** A path as the user would write it: relative to the working folder when inside it. */
export function show(path: string, io: Io): string {
  const rel = relative(io.cwd, path);
  return rel.startsWith('..') ? path : rel;
}
