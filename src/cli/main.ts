/**
 * The command line: argv -> options -> pipeline. The only place that prints errors
 * and chooses the exit code.
 */
import { CommanderError } from 'commander';
import { EXIT } from '../errors.ts';
import { defaultIo, type Io } from './io.ts';
import { createProgram } from './program.ts';
import { report } from './report.ts';
import { terminalSafe } from './terminal-text.ts';

export type { Io } from './io.ts';

/** Runs the CLI with argv (without node and script); returns the exit code. Never exits the process. */
export async function main(argv: string[], given: Io = defaultIo()): Promise<number> {
  // Every line printed passes through terminalSafe: no message can carry a terminal command.
  const io: Io = { ...given, out: (line) => given.out(terminalSafe(line)), err: (line) => given.err(terminalSafe(line)) };
  let code: number = EXIT.ok;
  const program = createProgram(io, (c) => (code = c));
  try {
    if (argv.length === 0) {
      program.outputHelp(); // on stdout, as `briefing --help`, but a usage error: a command was expected
      return EXIT.usage;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    // Help or version shown (0), or help shown for want of a command (commander's own exit code).
    if (error instanceof CommanderError) return error.exitCode === EXIT.ok ? EXIT.ok : EXIT.usage;
    return report(error, io);
  }
}
