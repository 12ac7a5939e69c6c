/**
 * `briefing watch`: builds, then builds again whenever a canvas, template or style changes, until
 * Ctrl-C. Each rebuild is an ordinary incremental build (only briefings whose inputs changed are
 * printed) with one browser kept warm throughout. A broken save is reported and the last good PDF
 * stays; with --serve, a live preview on 127.0.0.1 redraws itself after every rebuild.
 */
import { existsSync } from 'node:fs';
import { rmdir } from 'node:fs/promises';
import { basename, relative, resolve, sep } from 'node:path';
import { constants as osConstants } from 'node:os';
import { BriefingError, EXIT } from '../errors.ts';
import { isThemeMaterial } from '../theme-material.ts';
import { resolveOptions, type BuildFlags } from '../config.ts';
import type { BriefingOutcome, PreviewServer } from '../pipeline.ts';
import { canvasPaths } from './canvas-paths.ts';
import { show, type Io } from './io.ts';
import { buildReporter } from './progress.ts';
import { report } from './report.ts';
import { noCanvasHasSet, sayKeptSince, STOP_SIGNALS, summarise } from './build.ts';

/** Names editors give the files they write beside the one saved, and remove again. */
const EDITOR_SCRATCH = /^(?:4913|\..*\.sw[a-p]|.*~|\.#.*|#.*#|sed[A-Za-z0-9]{6}|\.goutputstream-.*|.*\.tmp)$/;

export interface WatchFlags extends BuildFlags {
  serve?: boolean;
  port?: string;
}

/** Quiet time after a change before rebuilding: an editor's burst of writes (temp file, rename, chmod) is one change. */
const SETTLE_MS = 150;
/** How often a watched folder or canvas that went is looked for, to be watched again when it is back. */
const GONE_POLL_MS = 500;
/**
 * How long a canvas that went is waited for before its PDFs are removed: a save that moves the file away and then writes
 * the new one (some sync clients, network drives, vim with backupcopy=no) has it gone for a moment, and if the new one is
 * broken, the last good PDF would be gone with it. Back within it, it is built as on an edit.
 */
const VANISHED_GRACE_MS = 3_000;

/** Watches until a stop signal; returns its exit code (128 + signal number), or a usage error's at start. */
export async function watch(paths: string[], flags: WatchFlags, io: Io): Promise<number> {
  // Without --since, each briefing is rebuilt as it was last built: with its "Changes since" chapter if it had one.
  // The send journal as build reads it: a revised edition stays one in the preview, and is not printed again without saying so.
  const options = { ...resolveOptions(flags, io.env), keepSince: flags.since !== false, journal: io.cwd };
  const port = flags.port === undefined ? 0 : parsePort(flags.port);
  const { buildBriefings, canvasThemes, findCanvases, namedThemes, isPdfToolFile, loadPrinter, prepareOutputFolder, previewState, SAME_NAME_FIX, sameNameClashes, servePreview, TOOL_INPUT_FOLDERS } =
    await import('../pipeline.ts');
  const targets = canvasPaths(paths, io, 'watch');
  const canvases = await findCanvases(targets);
  await sayKeptSince(canvases, options, io, 'building its briefings'); // a missing path is a usage error now, not a silent watch on nothing
  // The folders made for the output: removed again at the end if still empty, as a build that writes nothing leaves no trace.
  const created = await prepareOutputFolder(options.outDir);
  const own = io.printer === undefined;
  const printer = io.printer ?? loadPrinter({ executablePath: options.browser, timeoutMs: options.timeoutMs, env: io.env });
  let preview: PreviewServer | undefined;
  /** A path as the console names it: the preview names canvases alike. */
  const shown = (path: string) => show(path, io);
  const { watch: watchFiles } = await import('chokidar');
  // A theme folder given with --theme is watched, and so is each one a canvas names in its briefing.theme, once a build has
  // read it (canvasThemes): a save in one of the files a theme is made of (isThemeMaterial: a template, a stylesheet, a font,
  // the logo) changes the PDFs. Not the other files of a theme that is the canvas folder itself (briefing.theme: .), as the
  // build's theme hash leaves them out too: the output folder, a log or notes beside the canvases would rebuild for ever.
  // The rule alone, not where the output folder is: what a build writes there (PDFs, HTML, its manifest) is none of a theme's,
  // and a theme inside the output folder (--out beside the canvases of briefing.theme: .) is still one (its hash says so).
  // Those the canvases name at the start are watched from the start (a folder added later is watched only once chokidar has
  // read it, and a save before that goes unseen); one named by a later edit is added after the build that reads it.
  const themes = new Set<string>(options.theme === undefined ? (await namedThemes(canvases)).filter((t) => existsSync(t)) : [options.theme]);
  const within = (path: string, folder: string) => resolve(path) === resolve(folder) || resolve(path).startsWith(`${resolve(folder)}${sep}`);
  const inTheme = (path: string) => [...themes].some((theme) => within(path, theme) && isThemeMaterial(relative(theme, path)));
  const watched = [...targets, ...TOOL_INPUT_FOLDERS, ...themes];
  const watcher = watchFiles(watched, {
    ignoreInitial: true,
    ignored: (path, stats) => !!stats?.isFile() && !relevant(path, isPdfToolFile) && !inTheme(path),
  });

  let stoppedBy: NodeJS.Signals | undefined;
  let abort = new AbortController();
  let wake: () => void = () => {};
  const stop = (signal: NodeJS.Signals) => {
    stoppedBy = signal;
    abort.abort();
    if (own) void printer.close(); // a print in progress stops now, not when it is done
    wake();
  };
  for (const s of STOP_SIGNALS) process.once(s, stop);

  // The canvases whose findings the last build said, having read them or found them up to date. A canvas up to date
  // has its findings said again unless it is one of these: on the first build every canvas; after a save that failed
  // (a broken YAML, put back as it was before: up to date again), or a build that failed whole, or once a canvas that
  // went is back, its findings are said again. The last thing said of it was an error, not its findings, and a build
  // that says nothing more than "up to date" would pass for a clean canvas. A save that changes nothing, with no
  // failure between, says none: its findings are the last thing said of it, just above.
  let told = new Set<string>();
  // The canvases whose findings that count (warnings) were the last said of them: a round that finds one up to date and
  // does not say them again still names it in its closing line, "(unchanged)", or it would pass for a clean canvas there.
  let warnedOf = new Set<string>();

  // Changes are collected, during a build too; once they have settled, the next build starts.
  const changed = new Set<string>();
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (event, path) => {
    // A folder is no input: a canvas or theme file in one that is added is reported on its own ("add"), and chokidar
    // has reported a folder that was there all along as added (the output folder after the first build, now and then).
    if (event === 'addDir') return;
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      settled = true;
      wake();
    }, SETTLE_MS);
  });
  watcher.on('error', (error) => io.err(`warning: watching files: ${(error as Error).message}`));
  // A watched folder or canvas that goes (moved away, a checkout that swaps it) is no longer watched once it is back:
  // the watcher drops it. Looked for until it returns, then watched again and built, as on an edit. A theme folder
  // too, --theme's or one a canvas names (also one named by a later edit): a theme swapped so would otherwise never rebuild
  // on its edits again.
  const gone = new Set<string>();
  /** The outcomes of the round a signal cut short, if one did. */
  let cutShort: BriefingOutcome[] | undefined;
  watcher.on('all', (event, path) => {
    if ((event === 'unlinkDir' || event === 'unlink') && [...watched, ...themes].some((t) => resolve(t) === resolve(path))) gone.add(path);
  });
  // A canvas under a watched folder that went (a watched canvas itself is looked for as above), by its absolute path: its
  // PDFs stay until it has been gone VANISHED_GRACE_MS (BuildOptions.awaited); then a round removes them, as build does.
  const awaited = new Map<string, NodeJS.Timeout>();
  /** The canvases the last round found, by absolute path: only theirs are awaited (not a theme's theme.yaml). */
  let lastFound = new Set<string>();
  watcher.on('all', (event, path) => {
    const key = resolve(path);
    if (event === 'add' || event === 'change') {
      clearTimeout(awaited.get(key));
      awaited.delete(key);
    } else if (event === 'unlink' && lastFound.has(key) && !targets.some((t) => resolve(t) === key)) {
      clearTimeout(awaited.get(key));
      awaited.set(key, setTimeout(() => {
        awaited.delete(key);
        changed.add(path);
        clearTimeout(timer);
        settled = true;
        wake();
      }, VANISHED_GRACE_MS));
    }
  });
  const lookForGone = setInterval(() => {
    for (const path of gone) {
      if (!existsSync(path)) continue;
      gone.delete(path);
      watcher.unwatch(path);
      watcher.add(path);
      changed.add(path);
      clearTimeout(timer);
      settled = true;
      wake();
    }
  }, GONE_POLL_MS);

  try {
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    if (flags.serve || flags.port !== undefined) { // --port alone means a preview on that port
      preview = await servePreview({ port });
      io.out(`preview: ${preview.url}`);
    }
    for (let first = true; stoppedBy === undefined; first = false) {
      if (!first) {
        // An editor's scratch files (vim's 4913 and .swp, a backup~, sed -i's sedXXXXXX, Emacs' .#lock) are no input:
        // named only when nothing else changed.
        const all = [...changed];
        const inputs = all.filter((p) => !EDITOR_SCRATCH.test(basename(p)));
        const paths = (inputs.length > 0 ? inputs : all).map((p) => show(p, io));
        changed.clear();
        // None left to name when a burst of saves was taken in by the round before this one: no empty "changed:" line.
        if (paths.length > 0) io.out(`changed: ${paths.length > 3 ? `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more` : paths.join(', ')}`);
        for (const path of inputs.filter((p) => awaited.has(resolve(p)))) io.out(`${show(path, io)} is gone: its PDFs are removed if it is not back within ${VANISHED_GRACE_MS / 1000} s`);
      }
      abort = new AbortController();
      const outcomes = await buildOnce(abort.signal);
      if (stoppedBy) {
        cutShort = outcomes ?? [];
        break;
      }
      // A --set no canvas has is a usage error, said above (summarise), as build ends on it: watching would build nothing
      // for ever. Only on the first build, and only with canvases to say so of: an edit may drop the set later, and an
      // empty folder may be about to get its canvases.
      if (first && outcomes !== undefined && outcomes.length > 0 && noCanvasHasSet(outcomes, options)) return EXIT.usage;
      io.status?.(`watching ${targets.map((t) => show(t, io)).join(', ')} (Ctrl-C to stop)`);
      if (first) io.out(`watching ${targets.map((t) => show(t, io)).join(', ')} and the templates for changes; Ctrl-C to stop`);
      if (preview && outcomes) preview.update(await previewState(options.outDir, await findCanvases(targets).catch(() => []), outcomes, shown));
      // Wait for changes to settle (they may have during the build), or for a signal.
      if (!settled && stoppedBy === undefined) await new Promise<void>((resolve) => (wake = resolve));
      wake = () => {};
      settled = false;
    }
    io.status?.('');
    // Stopped in the middle of a round: the briefings it had not written yet still show the canvases as they were
    // before the last save, which a user who saw the save taken in would not know.
    const written = cutShort?.filter((o) => o.kind === 'built').length;
    io.err(written === undefined ? `stopped watching (${stoppedBy})`
      : `stopped watching (${stoppedBy}) during a build: ${written} ${written === 1 ? 'briefing' : 'briefings'} written; the others keep their previous PDFs, which may not show the last save (briefing build brings them up to date)`);
    return 128 + osConstants.signals[stoppedBy!];
  } finally {
    for (const s of STOP_SIGNALS) process.off(s, stop);
    clearTimeout(timer);
    clearInterval(lookForGone);
    for (const waiting of awaited.values()) clearTimeout(waiting);
    await Promise.all([watcher.close(), preview?.close(), own ? printer.close() : undefined]);
    for (const folder of created.reverse()) await rmdir(folder).catch(() => {}); // only an empty one: never what a round wrote
  }

  /**
   * Watches the theme folders `files` name that are not watched yet (a folder inside a watched one too: its files were
   * left out), or looks for those not there yet.
   */
  async function watchCanvasThemes(files: string[], failed: string[]): Promise<void> {
    // A canvas that failed may have failed for its theme, before the manifest recorded it: read from the canvas itself.
    const named = [...await canvasThemes(options.outDir, files).catch(() => []), ...await namedThemes(failed)];
    for (const theme of named) {
      if (themes.has(theme)) continue;
      themes.add(theme);
      // One not made yet cannot be watched (nor its parents, which may not be there either): it is looked for as one
      // that went is, and watched and built once it is there. Skipped, making it built nothing until the canvas was saved.
      if (existsSync(theme)) watcher.add(theme);
      else gone.add(theme);
    }
  }

  /** One incremental build of every canvas under the targets; undefined when the canvases could not even be listed. */
  async function buildOnce(signal: AbortSignal): Promise<BriefingOutcome[] | undefined> {
    const reporter = buildReporter(io, Date.now, options.output);
    const started = Date.now();
    try {
      // A path watched that went (a canvas deleted, a folder moved away) or holds no canvas now fails its round, said with
      // the closing line as any failure, and the others build; its PDFs stay (awaited), and it is built once it is back.
      const unfound: BriefingOutcome[] = [];
      for (const target of targets) {
        await findCanvases([target]).catch((error: unknown) => {
          if (!(error instanceof BriefingError)) throw error;
          const away = !existsSync(target);
          const failure = away ? new BriefingError(`${error.message}; its PDFs stay, and it is built again once it is back`, error.exitCode, { cause: error, kind: 'gone' }) : error;
          report(failure, io);
          unfound.push({ kind: 'failed', canvas: target, ms: 0, error: failure });
        });
      }
      const kept = (canvas: string) => awaited.has(resolve(canvas)) || unfound.some((u) => within(canvas, u.canvas));
      const found = await findCanvases(targets.filter((t) => !unfound.some((u) => u.canvas === t)));
      lastFound = new Set([...found.map((f) => resolve(f)), ...awaited.keys()]);
      preview?.update({ ...(await previewState(options.outDir, found, [], shown)), building: true });
      // Canvases that would write the same PDF fail, and the others build: build refuses them all before it starts, but
      // watch goes on, and one copy saved beside a canvas (x.yaml beside x.yml) stopped every other canvas's rebuilds.
      // Their last PDFs stay: a canvas not built is no canvas gone.
      const clashes = sameNameClashes(found);
      const clashing = new Set(clashes.flatMap((c) => c.files.map((f) => resolve(f))));
      const files = found.filter((f) => !clashing.has(resolve(f)));
      const refused = clashes.flatMap((clash): BriefingOutcome[] => {
        const error = new BriefingError(`${clash.message}: ${SAME_NAME_FIX}`, EXIT.usage);
        report(error, io); // once for the pair, not once a canvas
        return clash.files.map((canvas) => ({ kind: 'failed', canvas, ms: 0, error }));
      });
      // Each edit's build says the edited canvas's findings; those of canvases it does not read again are said only if owed (told).
      const saidBefore = told;
      const unsaid = new Set<string>(); // found up to date (the only ones asked), their findings not said again
      const repeatFindings = (canvas: string) => {
        if (!saidBefore.has(canvas)) return true;
        unsaid.add(canvas);
        return false;
      };
      const outcomes = [...unfound, ...refused, ...await buildBriefings(files, { ...options, repeatFindings, awaited: kept }, printer, reporter.event, signal)];
      // A failed canvas (one whose every briefing failed) may have failed before its findings were said: they are owed.
      told = new Set(outcomes.filter((o) => o.kind !== 'failed').map((o) => o.canvas));
      const warned = reporter.warned();
      const unchanged = [...unsaid].filter((canvas) => told.has(canvas) && warnedOf.has(canvas));
      warnedOf = new Set([...warned, ...unchanged]);
      if (!signal.aborted) summarise(outcomes, options, io, Date.now() - started, warned, unchanged, reporter.changed());
      await watchCanvasThemes(found, [...new Set(outcomes.filter((o) => o.kind === 'failed').map((o) => o.canvas))]);
      return outcomes;
    } catch (error) {
      told = new Set();
      warnedOf = new Set();
      report(error, io); // e.g. the watched folder was removed, the output folder is locked
      // The preview keeps showing the last good PDFs, with the reason they are not being rebuilt: on every briefing's page,
      // which would otherwise call a PDF that no longer follows the canvases up to date.
      const last = preview ? await previewState(options.outDir, await findCanvases(targets).catch(() => []), [], shown).catch(() => undefined) : undefined;
      preview?.update({ entries: last?.entries ?? [], findings: last?.findings ?? [], failures: [{ canvas: targets.join(', '), shown: targets.map(shown).join(', '), message: (error as Error).message, everyBriefing: true }], building: false });
      return undefined;
    } finally {
      reporter.done();
    }
  }
}

/**
 * Files whose change matters: canvases (*.yaml, *.yml) and the templates and styles the PDF is drawn
 * with; not editors' swap, backup and lock files (".x.yaml.swp", "x.yaml~", ".#x.yaml").
 */
function relevant(path: string, isPdfToolFile: (path: string) => boolean): boolean {
  const name = basename(path);
  return (/\.ya?ml$/i.test(name) && !/^[.#]/.test(name)) || isPdfToolFile(path);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BriefingError(`port "${value}" is not a port number (0-65535; 0 or none picks a free one)`, EXIT.usage);
  return port;
}
