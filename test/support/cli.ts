/** The CLI run in-process, as the CLI tests drive it. */
import { main, type Io } from '../../src/cli/main.ts';

/** What one run printed, and its exit code. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `briefing ARGV` in-process with its own output, the given environment and working folder. */
export async function runCli(argv: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), env: options.env ?? process.env, cwd: options.cwd ?? process.cwd() };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
