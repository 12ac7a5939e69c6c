/** `briefing build`: canvases -> PDFs, one line per briefing, stopping cleanly on SIGINT, SIGTERM and SIGHUP. */
import { constants as osConstants } from 'node:os';
import { EXIT, REDIS_LOST_AT_MAX_WAIT, type ExitCode } from '../errors.ts';
import { resolveOptions, type BuildFlags, type BuildOptions } from '../config.ts';
import type { BriefingOutcome, BuildEvent, ChangedCanvas, FailedBriefing, QueueSettings } from '../pipeline.ts';
import { buildReporter } from './progress.ts';
import { canvasPaths, sayUnreadFolders } from './canvas-paths.ts';
import { show, type Io } from './io.ts';
import { briefings, canvases, firstFive, noSuchSet, report } from './report.ts';
import { queueSettings, type QueueFlags } from './queue-options.ts';

/** Signals that stop a build cleanly; SIGHUP too, as when the terminal or ssh session closes. */
export const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Builds every briefing of every canvas under `paths`, here or, with --redis, on the workers of a queue;
 * returns the exit code of the build (summarise), or 0.
 */
export async function build(paths: string[], flags: BuildFlags & QueueFlags, io: Io): Promise<number> {
  // The send journal where send keeps it by default: a correction of an edition sent is printed as a revised edition.
  const options = { ...resolveOptions(flags, io.env), journal: io.cwd };
  const queue = await queueSettings(flags, io.env);
  const { findCanvases } = await import('../pipeline.ts');
  const targets = canvasPaths(paths, io, 'build');
  const files = await findCanvases(targets);
  await sayUnreadFolders(targets, io);
  return (await buildFiles(files, options, io, queue)).code;
}

/** What buildFiles did: every outcome, and the exit code (128 + signal when interrupted). */
export interface BuildResult {
  outcomes: BriefingOutcome[];
  code: number;
  interrupted: boolean;
}

/** Builds the briefings of `files` (what is stale), reporting as it goes; `build` and `send` both start with it. With `queue`, the queue's workers print them. */
export async function buildFiles(files: string[], options: BuildOptions, io: Io, queue?: QueueSettings): Promise<BuildResult> {
  // The pipeline loads the heavy stages (charts, browser) itself, when a briefing first needs them.
  // buildBriefings refuses canvases named alike and a bad --out first, before anything is rendered.
  const { buildBriefings, buildBriefingsQueued, loadPrinter } = await import('../pipeline.ts');
  const own = io.printer === undefined;
  const printer = io.printer ?? loadPrinter({ executablePath: options.browser, timeoutMs: options.timeoutMs, env: io.env });
  // An interrupted build stops after closing the browser (which removes its temporary profile);
  // PDFs already written stay, the rest keep their previous version (deliver/ renames into place).
  // A printer the caller lent is the caller's to close.
  const abort = new AbortController();
  let stoppedBy: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals) => {
    stoppedBy = signal;
    abort.abort();
    if (own) void printer.close();
  };
  for (const s of STOP_SIGNALS) process.once(s, stop);
  try {
    const started = Date.now();
    const reporter = buildReporter(io, Date.now, options.output, options.strict);
    // Briefings the queue let go of as the build stopped (no worker of this version came): not there to collect later.
    // Or Redis was out of reach then: what was queued is there only if Redis kept it, as its notice says.
    let unqueued = false;
    // Whether planning ended and briefings went to the queue: a build stopped as it planned queued nothing.
    let queuedAny = false;
    const event = (e: BuildEvent) => {
      if (e.kind === 'notice' && (e.unqueued || e.cutOff)) unqueued = true;
      if (e.kind === 'queued') queuedAny = true;
      reporter.event(e);
    };
    const building = queue === undefined
      ? buildBriefings(files, options, printer, event, abort.signal)
      : buildBriefingsQueued(files, options, queue, printer, event, abort.signal);
    const outcomes = await building.finally(reporter.done);
    if (stoppedBy) {
      // Under --force the same command would print them all again (it takes nothing from the queue): without it, it collects them.
      const again = options.force ? 'run it again without --force' : 'run the same command again';
      const queued = queue === undefined || !queuedAny || unqueued ? '' : `; what was queued stays in the queue: ${again} to collect it`;
      io.err(`interrupted (${stoppedBy}): ${briefings(outcomes.filter((o) => o.kind === 'built').length)} written; the others keep their previous PDFs${queued}`);
      return { outcomes, code: 128 + osConstants.signals[stoppedBy], interrupted: true };
    }
    return { outcomes, code: summarise(outcomes, options, io, Date.now() - started, reporter.warned(), [], reporter.changed()), interrupted: false };
  } finally {
    for (const s of STOP_SIGNALS) process.off(s, stop);
    if (own) await printer.close();
  }
}

/**
 * Prints the closing line of a build, on stdout whether or not something failed; returns its exit code (that of the first failure, or 7 if the output folder
 * could not be written; else 3 under --strict with canvases `warned` or `changed`; or 0). The line
 * counts what was written, up to date and failed, and says how long it took, then names the canvases with findings
 * (`warned`, their paths: a warning of one canvas in a batch of hundreds has scrolled far up too), then those `unchanged`
 * (watch: found up to date, their findings said in an earlier round and not again), marked so, then those `changed`
 * (saved again or deleted while their briefings were being printed: the PDFs show them as they were read); a build that
 * wrote just one briefing has said all there is in its line (but a canvas changed under it), and a quiet one says only failures.
 */
export function summarise(outcomes: BriefingOutcome[], options: Pick<BuildOptions, 'set' | 'output' | 'strict'>, io: Io, ms?: number, warned: readonly string[] = [], unchanged: readonly string[] = [], changed: readonly ChangedCanvas[] = []): number {
  const failed = outcomes.filter((o) => o.kind === 'failed');
  const built = outcomes.filter((o) => o.kind === 'built');
  const current = outcomes.filter((o) => o.kind === 'current').length;
  if (noCanvasHasSet(outcomes, options)) {
    return report(noSuchSet(options.set!, outcomes.flatMap((o) => (o.kind === 'skipped' ? o.availableSets : []))), io);
  }
  const took = ms === undefined || built.length === 0 ? '' : ` in ${seconds(ms)}`;
  const strict = options.strict === true && warned.length + unchanged.length + changed.length > 0;
  const named = [...warned.map((file) => show(file, io)), ...unchanged.map((file) => `${show(file, io)} (unchanged)`)];
  const errors = options.strict === true ? ' (errors under --strict)' : '';
  const warnings = [
    named.length === 0 ? '' : `${canvases(named.length)} with ${errors ? `findings${errors}` : 'warnings'}: ${firstFive(named)}`,
    // Its PDFs carry figures its file no longer has (or are of a canvas that is gone): said where `tail -1` shows it.
    changed.length === 0 ? '' : `${canvases(changed.length)} changed while printing${errors}: ${firstFive(changed.map((c) => `${show(c.file, io)}${c.deleted ? ' (deleted)' : ''}`))}`,
  ].filter((part) => part !== '').join('; ');
  if (failed.length === 0) {
    // Under --strict a canvas's findings fail the build as check --strict fails (exit 3), its PDFs written all the same
    // (README "The command"): said as a failure is, in a build of one briefing and under --quiet too.
    if (options.output === 'quiet' && !strict) return EXIT.ok;
    const also = warnings && `, ${warnings}`;
    if (current > 0) io.out(built.length === 0 ? `${briefings(current)} up to date${also}` : `${briefings(built.length)} written, ${current} up to date${took}${also}`);
    else if (built.length > 1 || options.output === 'verbose' || strict || changed.length > 0) io.out(`${briefings(built.length)} written${took}${also}`);
    return strict ? EXIT.invalidData : EXIT.ok;
  }
  // Named again at the end, each with what kind of failure it was: in a long build their errors have scrolled far up.
  // Those not built once the output folder took no more files (or with no browser, or Redis lost at --max-wait) are
  // counted, not named: one error said why.
  // The output folder's own files (its manifest not saved, its lock not removed) are no briefings: said apart, after
  // the briefings' names, so that the counts add up to the briefings of the build (they still make it exit 7).
  const briefingFailures = failed.filter((o) => o.folderFile === undefined);
  const said = briefingFailures.filter((o) => !o.notBuilt);
  const notBuilt = (code: ExitCode) => briefingFailures.filter((o) => o.notBuilt && o.error.exitCode === code).length;
  const names = [...new Set(said.map((o) => failureLabel(o, outcomes, io)))];
  // A build of one canvas names it too: its error is above, but may have scrolled away (a canvas's problems, an earlier
  // version's), and the last line is what a log, a CI summary or `tail -1` shows.
  const which = names.length === 0 ? '' : `: ${firstFive(names)}`;
  const unbuilt = [[notBuilt(EXIT.output), 'the output folder takes no more files'] as const, [notBuilt(EXIT.browserNotFound), 'no browser'] as const, [notBuilt(EXIT.queue), REDIS_LOST_AT_MAX_WAIT] as const]
    .map(([n, why]) => (n === 0 ? '' : `, ${n} not built (${why})`)).join('');
  const folder = folderFiles(failed, io);
  const files = folder.length === 0 ? '' : `; ${folder.join(', ')}`;
  // No briefing failed (only the manifest could not be saved): no "0 failed".
  const failures = said.length === 0 && unbuilt === '' ? '' : `, ${said.length} failed`;
  // On stdout, as is the closing line of a build that succeeded (README "The command"): a script reads one stream for it,
  // whatever happened; the failures' own errors are on stderr, above it.
  // The canvases with warnings after the failures' names, apart from them (a "; " where names went before).
  const also = warnings && `${which || files ? '; ' : ', '}${warnings}`;
  io.out(`${briefings(built.length)} written${current > 0 ? `, ${current} up to date` : ''}${failures}${unbuilt}${took}${which}${files}${also}`);
  // The output folder's failure wins (README "Exit codes"): a nightly job that looks for 7 to learn of a full or
  // read-only disk missed it behind a broken canvas planned before it (3).
  return (failed.find((o) => o.error.exitCode === EXIT.output) ?? failed[0]).error.exitCode;
}

/**
 * The output folder's own files among `failed` (FailedBriefing.folderFile), as a closing line says them apart from the
 * briefings, after their names: "out/.briefing-manifest.json not saved", "out/.briefing.lock not removed" (build's, send's).
 */
export function folderFiles(failed: readonly BriefingOutcome[], io: Io): string[] {
  return failed.flatMap((o) => (o.kind === 'failed' && o.folderFile !== undefined ? [`${show(o.canvas, io)} ${o.folderFile === 'lock' ? 'not removed' : 'not saved'}`] : []));
}

/** --set named a set none of the canvases has: every one was skipped, nothing built, up to date or failed (a usage error). */
export function noCanvasHasSet(outcomes: BriefingOutcome[], options: Pick<BuildOptions, 'set'>): boolean {
  return options.set !== undefined && outcomes.every((o) => o.kind === 'skipped');
}

/**
 * A briefing's failure as the closing line names it: by its canvas's path, as the errors above do,
 * with its block set where the canvas has other briefings in this build or the set is not the whole canvas's
 * ("data/gamma.yaml (finance: printing timed out)"), and what happened: the error's own kind where it says more than
 * its exit code's class ("no worker took it within --max-wait", not "render failure").
 */
function failureLabel(o: FailedBriefing, outcomes: BriefingOutcome[], io: Io): string {
  const kind = o.error.kind ?? FAILURE_KIND[o.error.exitCode];
  const several = o.set !== undefined && (o.set !== 'full' || outcomes.some((other) => other.kind !== 'skipped' && other.canvas === o.canvas && other.name !== undefined && other.name !== o.name));
  // "full briefing", not "full": "(full: cannot write)" reads as a full disk.
  return `${show(o.canvas, io)} (${several ? `${o.set === 'full' ? 'full briefing' : o.set}: ` : ''}${kind})`;
}

/** A failure's kind, by its exit code, as the closing line names it after the briefing (README "Exit codes"), unless its error says what happened (BriefingError.kind). */
const FAILURE_KIND: Record<ExitCode, string> = {
  [EXIT.ok]: 'failed',
  [EXIT.internal]: 'internal error',
  [EXIT.usage]: 'usage error',
  [EXIT.invalidData]: 'invalid data',
  [EXIT.template]: 'template error',
  [EXIT.browserNotFound]: 'no browser',
  [EXIT.render]: 'render failure',
  [EXIT.output]: 'cannot write',
  [EXIT.send]: 'not sent',
  [EXIT.queue]: 'queue failure',
};

/** A build's time as a reader says it: "12.3 s", "4 min 05 s". */
function seconds(ms: number): string {
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${String(Math.floor(s % 60)).padStart(2, '0')} s`;
}

/**
 * send and watch without --since build each canvas as it was last built (BuildOptions.keepSince): says which
 * keep a "Changes since" chapter that way, once, before they build.
 */
export async function sayKeptSince(files: string[], options: BuildOptions, io: Io, doing: string): Promise<void> {
  if (options.since !== undefined || !options.keepSince || options.output === 'quiet') return;
  const { keptText, sinceLastBuilt } = await import('../pipeline.ts');
  for (const [file, kept] of await sinceLastBuilt(options.outDir, files, options.set)) {
    io.out(`${show(file, io)}: ${doing} with their "Changes since" chapter, as last built (--since ${keptText(kept)}; --no-since leaves it out)`);
  }
}
