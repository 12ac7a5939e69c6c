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
  /**
   * A live status line on a terminal, replaced by the next call and cleared by '' (out and err lines
   * print above it). Absent when the output is not a terminal (CI, logs, pipes): no control codes there.
   */
  status?: (text: string) => void;
}

/** The process's own stdout, stderr, environment and working folder; a status line when stderr is a terminal. */
export function defaultIo(): Io {
  // A reader that stops early (`briefing --help | head -1`, a closed log pipe) is no failure of the run:
  // lines for it are dropped, and the work goes on (a build still writes its PDFs).
  const gone = { out: false, err: false };
  for (const [name, stream] of [['out', process.stdout], ['err', process.stderr]] as const) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      gone[name] = true;
    });
  }
  const io: Io = { out: (l) => { if (!gone.out) console.log(l); }, err: (l) => { if (!gone.err) console.error(l); }, env: process.env, cwd: process.cwd() };
  return process.env.TERM === 'dumb' ? io : withStatusLine(io, process.stderr);
}

/** The part of a terminal stream the status line uses. */
export interface StatusStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * `io` with a status line drawn on `tty` when it is a terminal (else `io` as it is): redrawn in place,
 * cut to one row, erased before each out or err line and drawn again below it.
 */
export function withStatusLine(io: Io, tty: StatusStream): Io {
  if (!tty.isTTY) return io;
  let shown = '';
  const draw = (text: string) => {
    // One terminal row at most, or the next redraw could not erase it all.
    const width = Math.max(10, (tty.columns || 80) - 1);
    tty.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
  };
  const above = (print: (line: string) => void) => (line: string) => {
    if (shown) draw('');
    print(line);
    if (shown) draw(shown);
  };
  return {
    ...io,
    out: above(io.out),
    err: above(io.err),
    status: (text) => {
      shown = text.replace(/[\x00-\x1f\x7f-\x9f]/g, ' '); // canvas names are text, not terminal commands
      draw(shown);
    },
  };
}

/** A path as the user would write it: relative to the working folder when inside it. */
export function show(path: string, io: Io): string {
  const rel = relative(io.cwd, path);
  if (rel === '') return '.'; // the working folder itself: "watching ." rather than "watching  and the templates"
  return rel.startsWith('..') ? path : rel;
}
