/**
 * The commands, their options and their help, defined with commander: help, "did you mean",
 * -V/--version come from these definitions. Commander never exits or writes by itself here:
 * it writes through the Io and its exits arrive as CommanderErrors (see main.ts).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { BriefingError, EXIT } from '../errors.ts';
import { didYouMean, nearest } from '../did-you-mean.ts';
import { listOf } from '../words.ts';
import type { BuildFlags } from '../config.ts';
import type { Io } from './io.ts';
import { build } from './build.ts';
import { check, type CheckFlags } from './check.ts';
import type { WatchFlags } from './watch.ts';
import type { SendFlags } from './send.ts';
import type { DiffFlags } from './diff.ts';
import type { WorkerFlags } from './worker.ts';
import type { QueueFlags } from './queue-options.ts';

/** The package version, printed by --version. */
export const VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;

const PATHS = 'a canvas file or a folder of them (*.yaml, *.yml); default: data/ in the working folder';

const EXIT_CODES = `
PATH is ${PATHS}.

Exit codes
  0 success               4 template error
  1 internal error        5 no Chrome/Chromium found
  2 usage (bad option,    6 render failure or timeout
    missing file)         7 cannot write the output
  3 invalid canvas data   8 some recipients not sent (send)
    or config             9 cannot reach the queue's Redis (--redis)
  130/143/129 interrupted (SIGINT/SIGTERM/SIGHUP)
When several canvases fail, the exit code is that of the first failure,
but 7 (cannot write the output) wins over the others.
diff --exit-code exits 1 when the two versions differ.`;

/** The `briefing` program for one run; `done` receives the exit code of the command that ran. */
export function createProgram(io: Io, done: (code: number) => void): Command {
  const program = new Command('briefing')
    .usage('<command> [PATH...] [options]')
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, '')),
      writeErr: (text) => io.err(text.replace(/\n$/, '')),
      outputError: () => {}, // main.ts reports errors, in our words
      getOutHelpWidth: () => 80,
      getErrHelpWidth: () => 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .configureHelp({
      // "--out DIR" as the README writes it, not "--out <DIR>".
      optionTerm: (option) => option.flags.replace(/<([^>]+)>/g, '$1'),
      subcommandTerm: (command) => `briefing ${command.name()} ${command.usage()}`,
    })
    .helpOption('-h, --help', 'this help')
    .helpCommand(false) // ours, below: it knows our unknown-command message
    .showSuggestionAfterError(false) // ours: did-you-mean.ts, in our message style
    .enablePositionalOptions() // --version and --help before the command; after it they are the command's
    .version(VERSION, '-V, --version', 'print the version')
    .addOption(new Option('-v', 'the same as -V').hideHelp())
    .on('option:v', () => {
      io.out(VERSION);
      throw new CommanderError(EXIT.ok, 'commander.version', VERSION);
    })
    .addHelpText('before', `briefing ${VERSION}: Business Model Canvas (YAML) -> investor-briefing PDF\n`)
    .addHelpText('after', EXIT_CODES)
    .hook('preAction', (_program, command) => refuseOptionsAsValues(command));

  const buildOptions = (command: Command) =>
    command
      .option('--out <DIR>', 'output folder (default output/, env BRIEFING_OUT)')
      .option('--set <NAME>', 'build only this block set ("full" for the whole canvas)')
      .option('--page-size <SIZE>', 'a4 or letter (env BRIEFING_PAGE_SIZE); default the canvas language\'s: letter for en-US, en-CA ..., else a4')
      .option('--html', 'also write the self-contained HTML beside each PDF')
      .option('--force', 'print every briefing, even those up to date')
      .option('--browser <PATH>', 'Chrome/Chromium to print with (env BRIEFING_BROWSER, PUPPETEER_EXECUTABLE_PATH, then the usual install locations)')
      .option('--timeout <SECONDS>', 'limit for launching, loading or printing (default 60, env BRIEFING_TIMEOUT)')
      .option('--max-canvas-mb <MB>', 'largest canvas file read (default 5, env BRIEFING_MAX_CANVAS_MB)')
      .option('--jobs <N>', 'briefings printed at once (default: one per core, at most 4; env BRIEFING_JOBS)')
      .option('--theme <DIR>', 'a theme folder for every canvas, over its briefing.theme (env BRIEFING_THEME; see docs/themes.md)')
      .option('-q, --quiet', 'say only warnings, errors and failures (no line per briefing, no status line)')
      .option('--verbose', 'also say each briefing as it starts printing and why (what changed), and each one up to date');
  /** Commander's camelCase flags as config.ts names them. */
  const buildFlags = <T extends { pageSize?: string; maxCanvasMb?: string }>({ pageSize, maxCanvasMb, ...rest }: T) => ({ ...rest, 'page-size': pageSize, 'max-canvas-mb': maxCanvasMb });

  buildOptions(
    program
      .command('build')
      .summary('write one PDF per briefing')
      .description(
        'Writes output/<canvas>.pdf (all nine blocks) and output/<canvas>--<set>.pdf for each block set the ' +
          'canvas defines. Only briefings whose inputs changed are printed again (see output/.briefing-manifest.json); ' +
          'the PDFs of block sets and canvases that are gone are removed. A PDF is replaced only when its build succeeds. ' +
          'With --since, each briefing has a "Changes since <period>" chapter after its contents (see docs/diff.md).',
      )
      .usage('[PATH...] [options]')
      .argument('[PATH...]', PATHS),
  ).option('--since <REV|FILE>', 'add a chapter of what changed since this git revision of each canvas (HEAD, HEAD~1, a tag), or since this earlier copy of the one canvas built')
    .option('--redis <URL>', 'have the workers of this queue print the briefings (redis://[user:password@]host:port; env BRIEFING_REDIS_URL; see docs/queue.md)')
    .option('--queue <NAME>', 'the queue\'s name (default briefings, env BRIEFING_QUEUE)')
    .option('--keep-results <HOURS>', 'how long the queue keeps finished briefings for a re-run to collect (default 24)')
    .option('--max-wait <MINUTES>', 'with --redis: fail the briefings no worker has taken after this long (default: wait until interrupted)')
    .option('--strict', 'count findings (warnings) as errors, as check --strict does: the PDFs are written, and the build exits 3 unless something failed')
    .action(async (paths: string[], flags: Omit<BuildFlags, 'page-size'> & QueueFlags & { pageSize?: string }) => done(await build(paths, buildFlags(flags), io)));

  buildOptions(
    program
      .command('watch')
      .summary('build, then rebuild on every change; --serve for a live preview')
      .description(
        'Builds as `briefing build` does, then again whenever a canvas under PATH or a template or style changes, ' +
          'printing only the briefings affected. A broken save is reported and the last good PDF stays. With --serve, ' +
          'a preview on 127.0.0.1 shows the pages as they print and redraws itself after every rebuild. Ctrl-C stops.',
      )
      .usage('[PATH...] [options]')
      .argument('[PATH...]', PATHS)
      .option('--serve', 'serve a live preview on 127.0.0.1 (its address is printed)')
      .option('--port <PORT>', 'port for the preview (implies --serve; default: a free one)')
      .option('--since <REV|FILE>', 'with a chapter of what changed since this git revision, or this earlier copy of the one canvas, as build --since (default: as the briefings were last built)')
      .option('--no-since', 'without that chapter, though the last build had it'),
  ).action(async (paths: string[], flags: Omit<WatchFlags, 'page-size'> & { pageSize?: string }) => {
    const { watch } = await import('./watch.ts'); // chokidar, and the preview, only for this command
    done(await watch(paths, buildFlags(flags), io));
  });

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  buildOptions(
    program
      .command('send')
      .summary('build what is stale, then e-mail each briefing to its lists')
      .description(
        'Builds as `briefing build` does (not on --dry-run), then sends each briefing to the distribution lists briefing.config.yaml ' +
          'routes it to, one message per briefing and list, the PDF attached: over SMTP when BRIEFING_SMTP_URL (or ' +
          'mail.smtp) is set, or with --outbox as .eml files in <out>/outbox/ (with neither, it is refused: exit 2). A re-run sends only what has not been sent (see ' +
          'the send journal, .briefing-sent.json beside the config: keep it, and commit it where sends run from fresh clones). Exits 8 if any recipient was not sent.',
      )
      .usage('[PATH...] [options]')
      .argument('[PATH...]', PATHS)
      .option('--config <FILE>', 'the project config (default briefing.config.yaml, or .yml, in the working folder)')
      .option('--list <NAME>', 'send only to this list (repeat for more)', collect)
      .option('--to <ADDRESS>', 'send each briefing to this address instead of the lists (repeat for more)', collect)
      .option('--dry-run', 'print what would be sent where, and build and send nothing')
      .option('--resend', 'send again what was sent before')
      .option('--strict', 'send nothing while a canvas has findings (warnings), as check --strict fails on them (exit 3)')
      .option('--outbox', 'write the messages as .eml files to <out>/outbox/ for a mail client to send, and e-mail nothing (without an SMTP server, send is refused unless given this)')
      .option('--since <REV|FILE>', 'build and send the briefings with their chapter of what changed since this git revision, or this earlier copy of the one canvas, as build --since does (default: as they were last built)')
      .option('--no-since', 'send them without that chapter, though the last build had it'),
  ).action(async (paths: string[], flags: Omit<SendFlags, 'page-size'> & { pageSize?: string }) => {
    const { send } = await import('./send.ts');
    done(await send(paths, buildFlags(flags), io));
  });

  program
    .command('check')
    .summary('validate canvases without rendering')
    .description(
      'Validates canvases against the schema (schema/canvas.schema.json) and checks every reference, ' +
        'without charts, browser or PDF. Exits 3 if any canvas is invalid. Warns of figures that disagree (two ' +
        'figures of one measure and period, a stated change the year before rules out, a figure typed into the text ' +
        'that is not the canvas\'s, parts over their total) and of stale ones (a key figure or reference left on an ' +
        'older value, a metric nothing uses, a forecast whose period ended); --strict makes them errors.',
    )
    .usage('[PATH...] [options]')
    .argument('[PATH...]', PATHS)
    .option('--set <NAME>', 'check only this block set')
    .option('--strict', 'count findings (warnings) as errors (exit 3)')
    .option('--format <FORMAT>', 'text (default), or json: one JSON document on stdout, for scripts and CI')
    .option('--max-canvas-mb <MB>', 'largest canvas file read (default 5, env BRIEFING_MAX_CANVAS_MB)')
    .option('--theme <DIR>', 'check with this theme folder, over each canvas\'s briefing.theme (env BRIEFING_THEME)')
    .option('-q, --quiet', 'say only warnings and errors (no "ok" line per valid canvas)')
    .option('--since <REV|FILE>', 'also find figures that moved since this git revision of each canvas, or this earlier copy of the one canvas checked, and are still typed as they were (stale-typed-figure)')
    .action(async (paths: string[], flags: CheckFlags) => done(await check(paths, flags, io)));

  program
    .command('diff')
    .summary('what changed between two versions of a canvas')
    .description(
      'Compares two versions of a canvas, OLD and NEW, or CANVAS with itself at a git revision (--since REV): ' +
        'figures that moved (before -> after, difference, direction, percent change), figures added and dropped ' +
        '(a new value of a series counts as added), sections added and removed, and paragraphs and bullets added ' +
        'or removed, free tables cell by cell and charts\' titles and captions; every other part that differs is named ' +
        '("Also changed"). Prints "no differences" only when nothing printed differs. Both versions must be valid canvases (exit 3). ' +
        'Exits 0 whether or not they differ; with --exit-code, 1 when they differ, as git diff --exit-code does.',
    )
    .usage('OLD NEW [options] | CANVAS --since REV [options]')
    .argument('<CANVAS...>', 'OLD and NEW canvas files, or one CANVAS with --since')
    .option('--since <REV>', 'compare CANVAS with itself at this git revision (git show REV:./<file> in its folder)')
    .option('--format <FORMAT>', 'text (default) or json, for scripts')
    .option('--exit-code', 'exit 1 when the versions differ, 0 when they do not')
    .option('--max-canvas-mb <MB>', 'largest canvas file read (default 5, env BRIEFING_MAX_CANVAS_MB)')
    .action(async (paths: string[], flags: DiffFlags) => {
      const { diff } = await import('./diff.ts');
      done(await diff(paths, flags, io));
    });

  program
    .command('worker')
    .summary('print the briefings a build --redis queues, until stopped')
    .description(
      'Takes build jobs from a queue on Redis (BullMQ) and prints each briefing with its own warm browser, ' +
        'as a local build would: the submitter writes the PDFs. Run any number of workers on any number of ' +
        'machines against one Redis. SIGTERM or Ctrl-C finishes the briefings in hand, then exits 0; a second ' +
        'signal stops at once (the queue hands those briefings to another worker). See docs/queue.md.',
    )
    .usage('--redis URL [options]')
    .option('--redis <URL>', 'the queue\'s Redis: redis://[user:password@]host:port[/db], rediss:// for TLS (env BRIEFING_REDIS_URL)')
    .option('--queue <NAME>', 'the queue\'s name (default briefings, env BRIEFING_QUEUE)')
    .option('--concurrency <N>', 'briefings printed at once (default: one per core, at most 4; env BRIEFING_JOBS)')
    .option('--browser <PATH>', 'Chrome/Chromium to print with (env BRIEFING_BROWSER, PUPPETEER_EXECUTABLE_PATH, then the usual install locations)')
    .option('--timeout <SECONDS>', 'limit for launching, loading or printing (default 60, env BRIEFING_TIMEOUT)')
    .option('--max-canvas-mb <MB>', 'largest canvas a job may carry (default 5, env BRIEFING_MAX_CANVAS_MB)')
    .option('--lock-seconds <S>', 'a worker that stops answering for this long (killed, machine gone) loses its briefings to the other workers (default 60)')
    .option('-q, --quiet', 'say only failures and connection trouble')
    .option('--verbose', 'also say each briefing as it is taken')
    .action(async (flags: WorkerFlags) => {
      const { worker } = await import('./worker.ts');
      done(await worker(flags, io));
    });

  program
    .command('help')
    .summary('help for a command, as <command> --help')
    .usage('[command]')
    .argument('[command]')
    .helpOption(false)
    .action((name: string | undefined) => {
      const command = name === undefined ? program : program.commands.find((c) => c.name() === name);
      if (command === undefined) throw unknownCommand(String(name), program);
      command.outputHelp();
      done(EXIT.ok);
    });

  // Each command its own: an unknown option is looked up among that command's options.
  for (const command of [program, ...program.commands]) command.exitOverride(usageErrors(command));
  return program;
}

/**
 * Commander's exits, as ours: help and version shown (exit code 0) pass through; its usage errors
 * become BriefingErrors (EXIT.usage) with our wording and our suggestions.
 */
function usageErrors(command: Command): (error: CommanderError) => never {
  return (error) => {
    if (error.exitCode === EXIT.ok || error.code === 'commander.help') throw error;
    if (error.code === 'commander.unknownCommand') throw unknownCommand(command.args[0], command);
    // Commander names the option only in its message ("error: unknown option '--colour'"); the CLI
    // tests pin what we make of it, so a change of wording upstream shows there.
    const flag = /'([^']+)'/.exec(error.message)?.[1];
    if (error.code === 'commander.unknownOption' && flag) {
      const given = flag.split('=')[0];
      if (given !== flag && command.options.some((o) => o.long === given && o.isBoolean())) {
        throw new BriefingError(`option '${given}' takes no value (see --help)`, EXIT.usage, { cause: error });
      }
      const longs = command.options.filter((o) => o.long && !o.hidden).map((o) => o.long!.slice(2));
      const suggestions = flag.startsWith('--') ? nearest(flag.slice(2), longs).map((name) => `--${name}`) : [];
      throw new BriefingError(`unknown option '${flag}'${didYouMean(suggestions)} (see --help)`, EXIT.usage, { cause: error });
    }
    if (error.code === 'commander.optionMissingArgument' && flag) {
      throw new BriefingError(`option '${flag.replace(/<([^>]+)>/g, '$1')}' needs a value (see --help)`, EXIT.usage, { cause: error });
    }
    throw new BriefingError(`${error.message.replace(/^error: /, '')} (see --help)`, EXIT.usage, { cause: error });
  };
}

/** An unknown command: the likely one when it looks like a slip, else the list of commands. */
function unknownCommand(name: string, program: Command): BriefingError {
  const names = program.commands.map((c) => c.name());
  const suggestions = nearest(name, names);
  const hint = suggestions.length > 0 ? didYouMean(suggestions) : `; use ${listOf(names.filter((n) => n !== 'help'), 'or')}`;
  return new BriefingError(`unknown command "${name}"${hint} (see briefing --help)`, EXIT.usage);
}

/**
 * An option that takes a value, given none: commander takes the next word, even another option, as its value, so
 * `build --out --force` wrote into a folder named "--force", and `--port --out x` said `port "--out" is not a port
 * number`. A value that is one of the command's own options is refused, naming both.
 */
function refuseOptionsAsValues(command: Command): void {
  const flags = new Set(command.options.flatMap((o) => [o.long, o.short]).filter((f): f is string => f !== undefined));
  for (const option of command.options) {
    if (!option.required) continue;
    const given = command.getOptionValue(option.attributeName()) as unknown;
    for (const value of Array.isArray(given) ? given : [given]) {
      if (typeof value === 'string' && flags.has(value.split('=')[0]!)) {
        throw new BriefingError(`option '${option.flags.replace(/<([^>]+)>/g, '$1')}' needs a value, but the word after it is the option ${value} (see --help)`, EXIT.usage);
      }
    }
  }
}
