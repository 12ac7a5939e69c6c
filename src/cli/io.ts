/** Where the CLI writes and what it runs in: the process's by default, a test's own in tests. */
import { relative } from 'node:path';

/** Output lines, error lines, environment and working folder of one CLI run. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
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
