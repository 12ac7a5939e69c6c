/**
 * The command line: argv -> options -> pipeline. The only place that prints errors
 * and chooses the exit code.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BriefingError, EXIT } from './errors.ts';
import { didYouMean, nearest } from './did-you-mean.ts';
import { resolveOptions, type BuildFlags } from './config.ts';
import { buildBriefings, checkCanvas, createPrinter, findCanvases, prepareOutputFolder, type BriefingOutcome } from './pipeline.ts';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

// fileURLToPath, not URL.pathname: the latter keeps %20 and breaks installs in folders with spaces.
const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version as string;

const HELP = `briefing ${VERSION}: Business Model Canvas (YAML) -> investor-briefing PDF

Usage
  briefing build [PATH...] [options]   write one PDF per briefing
  briefing check [PATH...] [options]   validate canvases without rendering
  briefing <command> --help            help for a command
  briefing --version

PATH is a canvas file or a folder of them (*.yaml, *.yml); default: data/.

Exit codes
  0 success               4 template error
  1 internal error        5 no Chrome/Chromium found
  2 usage (bad option,    6 render failure or timeout
    missing file)         7 cannot write the output
  3 invalid canvas data   130/143/129 interrupted (SIGINT/SIGTERM/SIGHUP)
When several canvases fail, the exit code is that of the first failure.`;

const BUILD_HELP = `Usage: briefing build [PATH...] [options]

Writes output/<canvas>.pdf (all nine blocks) and output/<canvas>--<set>.pdf for
each block set the canvas defines. A PDF is replaced only when its build succeeds.

Options
  --out DIR          output folder (default output/, env BRIEFING_OUT)
  --set NAME         build only this block set ("full" for the whole canvas)
  --page-size SIZE   a4 (default) or letter (env BRIEFING_PAGE_SIZE)
  --html             also write the self-contained HTML beside each PDF
  --browser PATH     Chrome/Chromium to print with (env BRIEFING_BROWSER,
                     PUPPETEER_EXECUTABLE_PATH, then the usual install locations)
  --timeout SECONDS  limit for launching, loading or printing (default 60)
  -h, --help         this help`;

const CHECK_HELP = `Usage: briefing check [PATH...] [options]

Validates canvases against the schema (schema/canvas.schema.json) and checks
every reference, without charts, browser or PDF. Exits 3 if any canvas is invalid.

Options
  --set NAME    check only this block set
  -h, --help    this help`;

/** Signals that stop a build cleanly; SIGHUP too, as when the terminal or ssh session closes. */
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const BUILD_OPTIONS = {
  out: { type: 'string' }, set: { type: 'string' }, 'page-size': { type: 'string' }, html: { type: 'boolean' },
  browser: { type: 'string' }, timeout: { type: 'string' }, help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];
const CHECK_OPTIONS = { set: { type: 'string' }, help: { type: 'boolean', short: 'h' } } satisfies ParseArgsConfig['options'];

/** Runs the CLI with argv (without node and script); returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.out(VERSION);
      return EXIT.ok;
    }
    if (command === 'build') return await build(rest, io);
    if (command === 'check') return await check(rest, io);
    throw new BriefingError(`unknown command "${command}"; use build or check (briefing --help)`, EXIT.usage);
  } catch (error) {
    return report(error, io);
  }
}

async function build(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, BUILD_OPTIONS);
  if (values.help) return (io.out(BUILD_HELP), EXIT.ok);
  const options = resolveOptions(values as BuildFlags, io.env);
  const files = await findCanvases(canvasPaths(positionals, io));
  await prepareOutputFolder(options.outDir); // a bad --out fails now, not after every briefing has rendered
  const printer = createPrinter({ executablePath: options.browser, timeoutMs: options.timeoutMs, env: io.env });
  // An interrupted build stops after closing the browser (which removes its temporary profile);
  // PDFs already written stay, the rest keep their previous version (deliver/ renames into place).
  const abort = new AbortController();
  let stoppedBy: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals) => {
    stoppedBy = signal;
    abort.abort();
    void printer.close();
  };
  for (const s of STOP_SIGNALS) process.once(s, stop);
  try {
    const outcomes = await buildBriefings(files, options, printer, (o) => reportOutcome(o, io), abort.signal);
    if (stoppedBy) {
      io.err(`interrupted (${stoppedBy}): ${briefings(outcomes.filter((o) => o.pdf).length)} written; the others keep their previous PDFs`);
      return 128 + osConstants.signals[stoppedBy];
    }
    return summarise(outcomes, options.set, io);
  } finally {
    for (const s of STOP_SIGNALS) process.off(s, stop);
    await printer.close();
  }
}

async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, CHECK_OPTIONS);
  if (values.help) return (io.out(CHECK_HELP), EXIT.ok);
  const files = await findCanvases(canvasPaths(positionals, io));
  let first: number = EXIT.ok;
  let found = values.set === undefined;
  const checkedSets: string[] = [];
  for (const file of files) {
    try {
      const { canvas, sets, availableSets, skipped } = await checkCanvas(file, { set: values.set });
      if (skipped) checkedSets.push(...availableSets);
      else found = true;
      const what = skipped ? `skipped: ${skipped}` : `briefings: ${sets.join(', ')}`;
      io.out(`ok ${show(file, io)}: ${Object.keys(canvas.metrics).length} metrics, ${what}`);
    } catch (error) {
      const code = report(error, io);
      if (first === EXIT.ok) first = code;
    }
  }
  if (first === EXIT.ok && !found && checkedSets.length > 0) return report(noSuchSet(values.set!, checkedSets), io);
  return first;
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new BriefingError(`${(cause as Error).message.replace(/\. To specify.*$/s, '')} (see --help)`, EXIT.usage, { cause });
  }
}

function canvasPaths(positionals: string[], io: Io): string[] {
  if (positionals.length > 0) return positionals;
  const local = `${io.cwd}/data`;
  return [existsSync(local) ? local : join(PACKAGE_ROOT, 'data')];
}

function reportOutcome(o: BriefingOutcome, io: Io): void {
  if (o.error) {
    report(o.error, io);
    return;
  }
  if (o.skipped) {
    io.out(`skipped ${show(o.canvas, io)}: ${o.skipped}`);
    return;
  }
  const seconds = (o.ms / 1000).toFixed(1);
  io.out(`wrote ${show(o.pdf!, io)}  ${o.pages} pages  ${seconds} s${o.html ? `  (+ ${show(o.html, io)})` : ''}`);
  for (const w of new Set(o.warnings)) io.err(`warning: ${o.name}: ${w}`);
}

function summarise(outcomes: BriefingOutcome[], set: string | undefined, io: Io): number {
  const failed = outcomes.filter((o) => o.error);
  const built = outcomes.filter((o) => o.pdf);
  if (set !== undefined && failed.length === 0 && built.length === 0) {
    return report(noSuchSet(set, outcomes.flatMap((o) => o.availableSets ?? [])), io);
  }
  if (failed.length === 0) return EXIT.ok;
  const written = built.length;
  io.err(`${briefings(written)} written, ${failed.length} failed`);
  return failed[0].error!.exitCode;
}

/** --set named a set no canvas has: a usage error, with the nearest real name. */
function noSuchSet(set: string, available: string[]): BriefingError {
  const names = [...new Set(available)];
  return new BriefingError(`no canvas has a block set "${set}"${didYouMean(nearest(set, names))} Block sets here: ${names.join(', ')}`, EXIT.usage);
}

function briefings(n: number): string {
  return `${n} briefing${n === 1 ? '' : 's'}`;
}

function report(error: unknown, io: Io): number {
  if (error instanceof BriefingError && error.exitCode !== EXIT.internal) {
    io.err(`error: ${error.message}`);
    return error.exitCode;
  }
  // A bug: say where it happened (the wrapped message names the canvas), then the original stack.
  const where = error instanceof BriefingError ? `${error.message}\n` : '';
  const cause = error instanceof BriefingError ? error.cause ?? error : error;
  io.err(`internal error (please report it with the canvas that caused it): ${where}${(cause as Error)?.stack ?? String(cause)}`);
  return EXIT.internal;
}

function show(path: string, io: Io): string {
  const rel = relative(io.cwd, path);
  return rel.startsWith('..') ? path : rel;
}

function defaultIo(): Io {
  return { out: (l) => console.log(l), err: (l) => console.error(l), env: process.env, cwd: process.cwd() };
}
