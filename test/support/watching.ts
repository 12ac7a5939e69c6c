/** `briefing watch` run in this process with a printer that prints nothing real (the real browser: regenerate.test.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watch, type WatchFlags } from '../../src/cli/watch.ts';
import type { Printer } from '../../src/print/index.ts';
import { smallPdfPrinter } from './fake-printer.ts';
import { until } from './processes.ts';
import { tempDir } from './temp.ts';

/** A project for a watch test, removed when the test ends: its folder, and in it data/ holding `canvases` (file name -> text). */
export function dataFolder(canvases: Record<string, string>): { dir: string; data: string } {
  const dir = tempDir();
  const data = join(dir, 'data');
  mkdirSync(data);
  for (const [name, text] of Object.entries(canvases)) writeFileSync(join(data, name), text);
  return { dir, data };
}

/**
 * Watches `paths` from `cwd`: what it says, as it says it, and its exit code once stopped (a SIGINT emitted); `started()`
 * resolves to whether it said it is watching within 20 s, `stop()` emits the SIGINT and resolves to the exit code.
 */
export function watching(cwd: string, paths: string[], flags: WatchFlags, printer: Printer = smallPdfPrinter()) {
  const out: string[] = [];
  const err: string[] = [];
  const stopped = watch(paths, flags, { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: {}, cwd, printer });
  return {
    out,
    err,
    stopped,
    all: () => `${out.join('\n')}\n${err.join('\n')}`,
    started: () => until(() => out.some((l) => l.startsWith('watching ')), 20_000),
    stop: () => {
      process.emit('SIGINT', 'SIGINT'); // as Node emits a signal: its name is the listener's argument
      return stopped;
    },
  };
}
