/**
 * The pipeline, stage by stage: load -> validate -> model -> plan -> charts -> render -> print -> deliver
 * (with --since, and for `briefing diff`: load -> validate -> compare -> model).
 * Only this file knows the order. One bad canvas never stops the others.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { hostname } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { BriefingError, EXIT, REDIS_LOST_AT_MAX_WAIT, type ExitCode } from './errors.ts';
import { sha256 } from './hash.ts';
import { briefingOf, maxWaitText, sizeText } from './words.ts';
import { closest, didYouMean, nearest } from './did-you-mean.ts';
import { defaultJobs, languagePageSize, pageSizeOf, type BuildOptions, type PageSize } from './config.ts';
import type { Canvas } from './validate/schema.ts';
import type { Config } from './validate/config-schema.ts';
import type { ThemeSettings } from './validate/theme-schema.ts';
import type { FindingAt } from './validate/validate-canvas.ts';
import type { LoadedCanvas } from './load/load-canvas.ts';
import type { BriefingModel, ChangesModel } from './model/briefing-model.ts';
import type { Since } from './model/build-model.ts';
import type { VersionCheck } from './compare/versions-of.ts';
// model/changes is small and loads no library: build --since and `briefing diff` word a figure that moved with its one line.
import { describeChanges, moveLine, reportLines, type ChangeReport } from './model/changes.ts';
import { formatDate } from './model/format.ts';
import { KEY_CHART_HEIGHTS, KEY_CHART_SIZE, keyChartsAt } from './model/key-charts.ts';
import type { Renderer, Revision, TableBreaks, TrackedTable } from './render/render-html.ts';
import { COVER_END } from './render/cover-end.ts';
import type { RenderTheme } from './render/theme-files.ts';
import type { EmailInput } from './render/render-email.ts';
import type { ChartCache } from './charts/render-charts.ts';
import { RecentMap } from './recent-map.ts';
import type { DraftResult, Printer, PrinterOptions, PrintAsset } from './print/index.ts';
import { ASSETS_URL } from './print/serve-document.ts';
import type { PreviewServer, PreviewState } from './preview/preview-server.ts';
import type { BriefingRequest, PackedFile } from './queue/jobs.ts';
import type { QueueSettings, Submitter } from './queue/submit.ts';
import type { Made, WorkerEvent } from './queue/work.ts';
import type { ChapterOnlyEvent, JournalEvent, MessageEvent, Outgoing, People, RecipientEvent, Replaces, RetryEvent, StrandedEvent, SupersededEvent, TwiceEvent } from './send/send-messages.ts';
import {
  briefingCurrent, browserIdentity, builtSince, canvasKey, canvasOfKey, checkHash, contentHash, contextHash, earlierWriter, editionOf, inputsHash, journalKey, MANIFEST_FILE, printReason, readManifest, toolHash, withPageSize, withRevision, withTheme,
  serialiseManifest, unchangedCanvas, vanishedBriefings, fatesOfVanished, type CurrentEntry, type KeptSince, type ManifestEntry,
} from './plan/plan-build.ts';
import { LOCK_FILE, removeOutputs, withOutputLock, takesNoFiles, takesNoFilesWords, writeBriefing } from './deliver/write-output.ts';
import { writeAtomically } from './files.ts';
import { processExists } from './processes.ts';
import { isCommitHash, shortCommit } from './commits.ts';
import { canvasPresent, refuseToolFile } from './load/find-canvases.ts';
import { assertDistinctCanvases, OutputNames, outputNameProblem } from './deliver/output-names.ts';

// load/, validate/ and model/ bring yaml and zod; charts/, render/ and print/ bring vega, @napi-rs/canvas,
// Handlebars, puppeteer-core and pdf-lib: each is imported where first used, so `--version` loads none of
// them, `check` none of the drawing ones, and a build with every briefing up to date only plan/.

// What the CLI needs from the stages, so that it depends on the pipeline rather than on them.
export type { Printer } from './print/index.ts';
export type { BriefingModel } from './model/briefing-model.ts';
export type { ChangeReport, ReportLines } from './model/changes.ts';
export type { FindingAt } from './validate/validate-canvas.ts';
export { findCanvases, unreadFolders } from './load/find-canvases.ts';
export { prepareOutputFolder, withOutputLock } from './deliver/write-output.ts';
export { assertDistinctCanvases, SAME_NAME_FIX, sameNameCanvases, sameNameClashes } from './deliver/output-names.ts';
export { isPdfToolFile, MANIFEST_FILE, TOOL_INPUT_FOLDERS } from './plan/plan-build.ts';
export { JOURNAL_FILE } from './send/journal.ts';
import type { EditionSent, Journal, RevisionQuery, SentSource } from './send/journal.ts';
export { moveLine, reportLines };
export type { PreviewServer, PreviewState } from './preview/preview-server.ts';
export type { QueueSettings } from './queue/submit.ts';
export type { WorkerEvent } from './queue/work.ts';
export { DEFAULT_KEEP_HOURS, DEFAULT_QUEUE } from './queue/jobs.ts';
export { parseRedisUrl } from './queue/redis-url.ts';

/** Serves the live preview (preview/); loads that stage. */
export async function servePreview(options: { port?: number }): Promise<PreviewServer> {
  const { startPreview } = await import('./preview/preview-server.ts');
  return startPreview(options);
}

/**
 * The theme folders (absolute) that `files` name in their briefing.theme, as the manifest in `outDir` records them from
 * the last build that read each: `watch` watches them, as it does --theme's, since the files one is made of are part of
 * what its canvases' briefings are made from (docs/themes.md).
 */
export async function canvasThemes(outDir: string, files: string[]): Promise<string[]> {
  const { manifest } = await readManifest(outDir);
  const themes = files.map((f) => manifest.canvases[canvasKey(outDir, f)]?.theme).filter((t): t is string => t !== undefined);
  return [...new Set(themes)];
}

/**
 * The theme folders (absolute) `files` name in their briefing.theme, read from their text alone: the manifest has none
 * for a canvas that never built (its theme broken from the start), which `watch` follows too, so that fixing the theme
 * builds it. A canvas that cannot be read names none.
 */
export async function namedThemes(files: string[]): Promise<string[]> {
  const { loadCanvas } = await import('./load/load-canvas.ts');
  const named = await Promise.all(files.map(async (file) => {
    const data = await loadCanvas(file).then((loaded) => loaded.data, () => undefined);
    const theme = (data as { briefing?: { theme?: unknown } } | undefined)?.briefing?.theme;
    return canvasThemeDir(file, typeof theme === 'string' ? theme : undefined);
  }));
  return [...new Set(named.filter((t): t is string => t !== undefined))];
}

/**
 * What the live preview shows after a build of `files`: their briefings as the manifest records them
 * (a failed rebuild leaves the last good PDF there), the failures of this build, and what the last good build of each
 * canvas found in it (as a build says it, acknowledged ones left out), its files named by `shown` as the console names them.
 */
export async function previewState(outDir: string, files: string[], outcomes: BriefingOutcome[], shown?: (path: string) => string): Promise<PreviewState> {
  const { manifest } = await readManifest(outDir);
  const keys = new Set(files.map((f) => canvasKey(outDir, f)));
  const entries = Object.entries(manifest.briefings)
    .filter(([, e]) => keys.has(e.canvas))
    .map(([name, e]) => ({ name, title: e.title ?? name, pdf: resolve(outDir, `${name}.pdf`), version: e.files[`${name}.pdf`], canvas: canvasOfKey(outDir, e.canvas) }));
  const failures = outcomes.flatMap((o) => (o.kind === 'failed' ? [{ canvas: o.canvas, shown: shown?.(o.canvas), name: o.name, message: o.error.message }] : []));
  const findings = files.flatMap((file) => (manifest.canvases[canvasKey(outDir, file)]?.findings ?? [])
    .filter((f) => f.acknowledged === undefined)
    .map((f) => ({ canvas: file, shown: shown?.(file), line: f.line, column: f.column, severity: 'warning', rule: f.rule, message: `${f.path}: ${f.message}` })));
  return { entries, failures, findings, building: false };
}

/**
 * What the briefings of one build run share: the templates compiled and fonts encoded (render/),
 * made afresh for every run, so that nothing read in one run outlives it (a watch mode's next run
 * sees edited templates); and the charts drawn, which every run of the process shares (drawnCharts).
 */
export interface BuildRun {
  /** The renderer of the built-in theme, or of the theme folder given, made on first use. */
  rendererFor(theme: Theme | undefined): Renderer;
  charts: ChartCache;
}

/** A new BuildRun; loads the render stage. */
export async function startRun(): Promise<BuildRun> {
  const { createRenderer } = await import('./render/render-html.ts');
  const renderers = new Map<string, Renderer>();
  return {
    rendererFor(theme) {
      const key = theme?.dir ?? '';
      let renderer = renderers.get(key);
      if (renderer === undefined) {
        renderers.set(key, (renderer = createRenderer(theme ? { theme: renderTheme(theme) } : {})));
      }
      return renderer;
    },
    charts: drawnCharts,
  };
}

/**
 * Charts the process keeps drawn, by what they are (render-charts.ts renderCharts keys a chart by its
 * whole model, theme and all: an edited figure is another chart), the most recently used DRAWN_CHARTS:
 * enough for the block sets of the canvases printing at once, which share most of them, and for a watch
 * mode's or a worker's next run, which draws again only the charts an edit changed. Unbounded, a batch of
 * hundreds of canvases kept every chart it ever drew.
 */
const DRAWN_CHARTS = 256;

const drawnCharts: ChartCache = new RecentMap(DRAWN_CHARTS);

/** A theme folder (docs/themes.md), with its theme.yaml read and checked. */
export interface Theme {
  dir: string;
  settings: ThemeSettings;
  /** What a build warns about it for every briefing it prints (checkThemeFiles): `check` says it once. */
  warnings: string[];
  /** Its own data-notes partial prints no "Where periods disagree in charts and tables" (written before there was one): those notes are listed among the disagreements it prints (render/ printsPeriodNotes). */
  periodNotesIn?: 'disagreements';
}

/**
 * Loads the theme folder `dir` (absolute); `from` says where it was named, for messages: "--theme",
 * "BRIEFING_THEME", or "file:line:column: briefing.theme". A folder that is missing, or a theme.yaml
 * that is wrong, is a BriefingError naming the place; a folder without theme.yaml has the default settings.
 */
export async function loadTheme(dir: string, from: string, exit: ExitCode = EXIT.usage): Promise<Theme> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new BriefingError(`${from}: no theme folder ${dir}; a theme is a folder holding theme.yaml, templates/, styles/ or a logo (see docs/themes.md)`, exit);
  }
  const file = join(dir, 'theme.yaml');
  const [{ DEFAULT_THEME_SETTINGS }] = await Promise.all([import('./validate/theme-schema.ts')]);
  let settings = DEFAULT_THEME_SETTINGS;
  if (existsSync(file)) {
    const [{ loadCanvas }, { validateTheme }] = await Promise.all([import('./load/load-canvas.ts'), import('./validate/validate-theme.ts')]);
    const loaded = await loadCanvas(file, 'theme');
    settings = validateTheme(loaded);
    if (settings.logo !== undefined && !(existsSync(join(dir, settings.logo)) && statSync(join(dir, settings.logo)).isFile())) {
      const at = loaded.locate(['logo']);
      // The theme's files, two folders deep (logo.svg, images/logo.png), for a name written with another case or a slip.
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.split(sep).length <= 2 && statSync(join(dir, f)).isFile());
      const sameLetters = files.filter((f) => f.toLowerCase() === settings.logo!.toLowerCase());
      const near = sameLetters.length > 0 ? sameLetters : nearest(settings.logo, files);
      // A name nothing like the file's (missing.svg for logo.svg): the folder's images a logo may be, the closest first.
      const images = files.filter((f) => /\.(?:svg|png)$/i.test(f));
      const offer = near.length > 0 ? didYouMean(near) : images.length > 0 ? didYouMean(closest(settings.logo, images, 3)) : '; it holds no .svg or .png file: put the logo in the theme folder, and name it here relative to the folder';
      throw new BriefingError(`${file}:${at.line}:${at.column}: logo: no file ${settings.logo} in the theme folder ${dir}${offer}`, EXIT.invalidData);
    }
  }
  // Its templates and stylesheets, read as a build reads them: check finds what a build would stumble on, before anything prints.
  const [{ checkThemeFiles }, { printsPeriodNotes }] = await Promise.all([import('./render/render-html.ts'), import('./render/theme-files.ts')]);
  const rendered = renderTheme({ dir, settings });
  const warnings = checkThemeFiles(rendered);
  return { dir, settings, warnings, ...(printsPeriodNotes(rendered) ? {} : { periodNotesIn: 'disagreements' as const }) };
}

/** A theme as the renderer takes it. */
function renderTheme(theme: Pick<Theme, 'dir' | 'settings'>): RenderTheme {
  return { dir: theme.dir, name: theme.settings.name, chapterBreaks: theme.settings.chapter_breaks, logo: theme.settings.logo };
}

/**
 * A printer for buildBriefings (see print/browser.ts createPrinter). It loads the print stage
 * (puppeteer-core, pdf-lib: most of a second) only when first asked to print or launch, so a build
 * with every briefing up to date never loads it, let alone starts a browser.
 */
export function loadPrinter(options: PrinterOptions = {}): Printer {
  let real: Printer | undefined;
  let loading: Promise<Printer> | undefined;
  let closed = false;
  const get = (): Promise<Printer> => {
    if (closed) return Promise.reject(new BriefingError('Printing was interrupted: the printer was closed.', EXIT.render));
    return (loading ??= import('./print/index.ts').then(({ createPrinter }) => (real = createPrinter(options))));
  };
  const close = async () => {
    closed = true;
    if (loading) await (await loading).close();
  };
  return {
    print: async (html, job) => (await get()).print(html, job),
    draft: async (html, job) => (await get()).draft(html, job),
    launch: async () => (await get()).launch(),
    async executable() {
      if (loading) return (await loading).executable();
      const { findBrowser } = await import('./print/find-browser.ts'); // the search alone: no puppeteer-core
      return findBrowser({ executablePath: options.executablePath, env: options.env }).then((found) => found.path, () => undefined);
    },
    close,
    [Symbol.asyncDispose]: close,
    get state() {
      return real?.state ?? { launches: 0 };
    },
  };
}

/** A briefing written to the output folder. */
export interface BuiltBriefing {
  kind: 'built';
  canvas: string;
  /** Output name: canvas stem, or stem--set. */
  name: string;
  pdf: string;
  html?: string;
  pages: number;
  edition: string;
  /** How long printing it took (from when a worker took it, for a queue's). */
  ms: number;
  /** A queue's briefing that a worker had printed, or was printing, before this run asked for it: collected, not timed. */
  collected?: boolean;
  /** A queue's briefing taken again by a worker, and why ("retried after its worker stopped answering"): `ms` is that take's. */
  retried?: string;
  warnings: string[];
}

/** A briefing whose files in the output folder are up to date: nothing was printed. */
export interface CurrentBriefing {
  kind: 'current';
  canvas: string;
  name: string;
  pdf: string;
  pages: number;
  edition: string;
}

/** A canvas that is fine but has nothing to build: it lacks the --set asked for. */
export interface SkippedCanvas {
  kind: 'skipped';
  canvas: string;
  reason: string;
  /** The block sets the canvas does have ("full" first). */
  availableSets: string[];
  ms: number;
}

/**
 * A canvas that failed (no `name`: it could not be loaded or validated), or one of its briefings; or, with `folderFile`,
 * `canvas` naming it and no `name`, a file of the output folder the build could not write or remove (its manifest, its
 * lock): no briefing, and so neither counted nor named as one by the closing line.
 */
export interface FailedBriefing {
  kind: 'failed';
  canvas: string;
  /** Not a canvas's: the output folder's manifest, not saved, or its lock, not removed (`canvas` is the file's path). */
  folderFile?: 'manifest' | 'lock';
  name?: string;
  /** The block set of the briefing (`name`): "full" for the whole canvas. */
  set?: string;
  ms: number;
  error: BriefingError;
  /**
   * Not printed, or printed and not written, as the output folder took no more files (full, read-only; its error's exit
   * code is EXIT.output), or as there was no browser to print with (EXIT.browserNotFound): the failure that found it
   * said so, once, and the closing line counts these, not naming each.
   */
  notBuilt?: true;
}

/** What became of one canvas or one of its briefings, reported as soon as it is known. */
export type BriefingOutcome = BuiltBriefing | CurrentBriefing | SkippedCanvas | FailedBriefing;

/** The briefings a build is about to print, in order: reported once every canvas has been read. */
export interface QueuedBriefings {
  kind: 'queued';
  names: string[];
}

/** A briefing whose charts, HTML and PDF are being made now. */
export interface PrintingBriefing {
  kind: 'printing';
  canvas: string;
  name: string;
  /** Why it is printed (plan/ printReason), where the build knows it. */
  reason?: string;
}

/**
 * Files the tool wrote that are out of date, removed: those of a briefing recorded in the manifest
 * that no longer exists (its block set or canvas is gone), or the HTML copy of a briefing printed
 * again without --html. Files changed by hand since they were written stay (`kept`).
 */
export interface RemovedBriefing {
  kind: 'removed';
  name: string;
  /**
   * vanished: its block set or canvas is gone; renamed: the same briefing now under another name; stale-html: an HTML
   * copy of an older print; archived: an earlier period's, later: of a later date than its canvas now gives, same-date:
   * of the same date and another period, all three kept (all in `kept`). See plan-build.ts fatesOfVanished.
   */
  reason: 'vanished' | 'renamed' | 'stale-html' | 'archived' | 'later' | 'same-date';
  removed: string[];
  kept: string[];
}

/** A finding about a canvas as it was read (validate/findings.ts): a warning for the user, the build goes on. */
export interface CanvasFinding {
  kind: 'finding';
  finding: FindingAt;
}

/** Something the user should know that is about no one briefing (a damaged manifest set aside). */
export interface BuildNotice {
  kind: 'notice';
  message: string;
  /** Briefings taken out of the queue again as the build stopped: no worker of its version came (Submitter.close). */
  unqueued?: number;
  /** Redis was out of reach as the build was stopped (Ctrl-C): what it queued is there only if Redis kept it. */
  cutOff?: boolean;
  /**
   * A canvas saved again (or deleted) while its briefings were being printed: the PDFs written show it as it was read,
   * and no longer match its file. The closing line names it; build --strict fails on it.
   */
  changed?: ChangedCanvas;
}

/** A canvas whose file changed while its briefings were being printed (BuildNotice.changed). */
export interface ChangedCanvas {
  file: string;
  /** Deleted, not saved again: the PDFs are of a canvas that no longer exists. */
  deleted: boolean;
}

/** Everything a build reports as it goes: outcomes, and the progress and clean-up around them. */
export type BuildEvent = BriefingOutcome | QueuedBriefings | PrintingBriefing | RemovedBriefing | BuildNotice | CanvasFinding;

export interface CheckedCanvas {
  canvas: Canvas;
  /** The canvas file's text, as read. */
  text: string;
  stem: string;
  /** The block sets to build: all, or the one asked for; none when the canvas lacks it. */
  sets: string[];
  /** The model of each of `sets`, in the same order: built to check them, then reused to build. */
  models: BriefingModel[];
  /** Every block set the canvas has ("full" first). */
  availableSets: string[];
  /** Why nothing is built; set exactly when `sets` is empty. */
  skipped?: string;
  /** What the canvas may still get wrong (validate/findings.ts): warnings, errors under check --strict. */
  findings: FindingAt[];
  /** With `previous` (build --since): what changed that asks to be checked, as lines (a figure whose equivalent was kept). */
  sinceWarnings: string[];
  /** The theme its briefings are built with; undefined for the built-in one. */
  theme?: Theme;
  /** The theme folder its briefing.theme names, whether or not --theme overrides it. */
  canvasTheme?: string;
}

/**
 * Loads and validates one canvas file (or its `text`, already read): the whole of `briefing check`. With
 * `previous` (build --since), that version is validated too and each model has a chapter of what changed since.
 */
export async function checkCanvas(
  file: string,
  options: { set?: string; maxCanvasBytes?: number; previous?: CanvasVersion; theme?: string; themes?: ThemeCache } = {},
  text?: string,
): Promise<CheckedCanvas> {
  const [{ parseCanvas }, { readCanvasFile, decodeCanvas }, { validateWithWarnings }, { blockSetKeys, buildModel }] = await Promise.all([
    import('./load/load-canvas.ts'),
    import('./load/read-canvas-file.ts'),
    import('./validate/validate-canvas.ts'),
    import('./model/build-model.ts'),
  ]);
  // `text`: the file's contents as the caller read (and hashed) them, so what is recorded is what was built.
  const source = text ?? decodeCanvas(await readCanvasFile(file, 'canvas', options.maxCanvasBytes), file);
  const loaded = parseCanvas(source, file);
  // The earlier version, for the figures that moved since and are still typed as they were (one that cannot be read is
  // compared with nothing there: compareWith, below, says why).
  const earlier = options.previous === undefined ? undefined : parsedOrNone(() => parseCanvas(options.previous!.text, options.previous!.name));
  const { canvas, findings, typedDisagreements, periodDisagreements, figureSetFindings, pathOf } = validateWithWarnings(loaded, earlier);
  const theme = await themeOf(file, loaded, canvas, options.theme, options.themes);
  const compared = options.previous && (await compareWith(options.previous, canvas, earlier));
  const since = compared?.since;
  // What the changes say to check (an equivalent left as it was for the old figure): said at build time too, as diff says it.
  // At the equivalent to update, as findings are placed.
  const equivalentAt = (id: string) => {
    const { line, column } = loaded.locate([...pathOf[id], 'equivalent']);
    return `${file}:${line}:${column}`;
  };
  const sinceWarnings = since ? [
    ...compared.warnings.map((w) => `${file}: since ${options.previous!.name}: ${w}`),
    ...describeChanges(since.changes, canvas.briefing.language).figures.flatMap((f) => (f.warning ? [`${equivalentAt(f.now.id)}: since ${options.previous!.name}: ${moveLine(f)}`] : [])),
  ] : [];
  const availableSets = blockSetKeys(canvas);
  const sets = options.set === undefined ? availableSets : availableSets.filter((s) => s === options.set);
  const models = sets.map((setKey) => buildModel(withoutStaleNotes(canvas, findings), { name: loaded.stem, setKey, since, typed: typedDisagreements, misdated: periodDisagreements, figureSets: figureSetFindings, periodNotesIn: theme?.periodNotesIn, negatives: theme?.settings.negative_numbers }));
  // A name the canvas's file_name makes too long is the canvas's mistake: refused by check as by build, at the pattern.
  const tooLong = canvas.briefing.file_name === undefined ? undefined : models.find((m) => outputNameProblem(m.name) !== undefined);
  if (tooLong) {
    const at = loaded.locate(['briefing', 'file_name']);
    throw new BriefingError(`${file}:${at.line}:${at.column}: briefing.file_name: ${outputNameProblem(tooLong.name)}: shorten the pattern`, EXIT.invalidData);
  }
  const skipped = sets.length === 0 ? `no block set "${options.set}" (this canvas has: ${availableSets.join(', ')})` : undefined;
  return { canvas, text: source, stem: loaded.stem, sets, models, availableSets, skipped, findings, sinceWarnings, theme, canvasTheme: canvasThemeDir(file, canvas.briefing.theme) };
}

/** What `parse` reads, or undefined where it throws a BriefingError (a canvas that is no YAML). */
function parsedOrNone<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (error instanceof BriefingError) return undefined;
    throw error;
  }
}

/** The folder a canvas's briefing.theme (`theme`) names, relative to the canvas file. */
function canvasThemeDir(file: string, theme: string | undefined): string | undefined {
  return theme === undefined ? undefined : resolve(dirname(file), theme);
}

/** The theme a canvas is built with: the one given (--theme, BRIEFING_THEME), else the one its briefing.theme names, else none (built-in). */
async function themeOf(file: string, loaded: LoadedCanvas, canvas: Canvas, given: string | undefined, themes?: ThemeCache): Promise<Theme | undefined> {
  if (given !== undefined) return themes?.get(given) ?? loadTheme(given, '--theme (or BRIEFING_THEME)');
  const dir = canvasThemeDir(file, canvas.briefing.theme);
  if (dir === undefined) return undefined;
  const at = loaded.locate(['briefing', 'theme']);
  const cached = themes?.get(dir);
  if (cached) return cached;
  const loading = loadTheme(dir, `${file}:${at.line}:${at.column}: briefing.theme`, EXIT.invalidData);
  themes?.set(dir, loading);
  loading.catch(() => themes?.delete(dir)); // a theme that fails is tried again, and reported at, each canvas that names it
  return loading;
}

/**
 * Themes loaded in one build run, by folder: each is read (templates parsed, fonts embedded) once for
 * all the canvases that use it; a new run reads them afresh (a watch mode sees edits).
 */
export type ThemeCache = Map<string, Promise<Theme>>;

/**
 * What one `briefing send` reads and checks once, however many of its steps ask for it (the look before anything is
 * built, --strict, the build, what is said before the briefings go, the messages): each version of a canvas loaded,
 * validated and modelled once for each earlier version it is compared with (checkCanvas), each --since version read once
 * (previousVersion: git run once), and the send journal read once for all that only reads it. Made for one run and
 * dropped with it, never kept in the module: watch and worker run for days, and the next run reads everything afresh.
 * The canvas file itself is read each time it is asked for (what is checked is what is there then), only not checked
 * again while its text is the same. The send journal is read again under its lock to send (send/ sendMessages): what
 * decides who is sent what is never this reading.
 */
export interface SendRun {
  checkCanvas: typeof checkCanvas;
  previousVersion: typeof previousVersion;
  /** The journal of the project in `projectDir` as this run read it (openJournal, only read); undefined where it cannot be read (the send says why). */
  journal(projectDir: string, outDir: string): Promise<Journal | undefined>;
}

/** Every read and check done as it is asked for: a build's (its canvases each checked once anyway, and their models not all held; see HELD_MODELS). */
const UNSHARED: SendRun = {
  checkCanvas,
  previousVersion,
  journal: async (projectDir, outDir) => (await import('./send/journal.ts')).openJournal(projectDir, { resend: false, outDir, readOnly: true }).catch(() => undefined),
};

/** A SendRun for one send, remembering nothing of any other. */
export function startSendRun(): SendRun {
  const [checks, versions, journals] = [new Map<string, Promise<CheckedCanvas>>(), new Map<string, Promise<CanvasVersion>>(), new Map<string, Promise<Journal | undefined>>()];
  const once = <T>(done: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> => {
    if (!done.has(key)) done.set(key, make());
    return done.get(key)!;
  };
  return {
    async checkCanvas(file, options = {}, text) {
      const { readCanvasFile, decodeCanvas } = await import('./load/read-canvas-file.ts');
      const source = text ?? decodeCanvas(await readCanvasFile(file, 'canvas', options.maxCanvasBytes), file);
      const { previous } = options;
      // What the check depends on but the theme's files (as a build run's ThemeCache, read once in the run).
      const key = JSON.stringify([file, sha256(source), options.set, options.theme, previous && [previous.name, sha256(previous.text), previous.at]]);
      return once(checks, key, () => checkCanvas(file, options, source));
    },
    previousVersion: (file, since, maxCanvasBytes, givenAs = since) => once(versions, JSON.stringify([file, since, maxCanvasBytes, givenAs]), () => previousVersion(file, since, maxCanvasBytes, givenAs)),
    journal: (projectDir, outDir) => once(journals, JSON.stringify([resolve(projectDir), resolve(outDir)]), () => UNSHARED.journal(projectDir, outDir)),
  };
}

/** One version of a canvas, read: a file as it is now, an earlier copy, or the file at a git revision. */
export interface CanvasVersion {
  /** How messages name it: the path, or "path@REV" for a git revision. */
  name: string;
  text: string;
  /** SHA-256 of its bytes. */
  sha256: string;
  /**
   * For --since: what it names, fixed: the commit a revision (HEAD, a branch) names now, or a file's absolute path.
   * A later build that keeps the --since (send, watch) reads this, not what HEAD or a relative path comes to mean then.
   */
  at?: string;
}

/** A canvas file as it is now (load/), for `briefing diff`. */
export async function readVersion(file: string, maxCanvasBytes?: number): Promise<CanvasVersion> {
  const { readCanvasFile, decodeCanvas } = await import('./load/read-canvas-file.ts');
  refuseToolFile(file);
  const bytes = await readCanvasFile(file, 'canvas', maxCanvasBytes);
  return { name: file, text: decodeCanvas(bytes, file), sha256: sha256(bytes) };
}

/**
 * The --since each of `files` had its briefings (of block set `set`) last built with into `outDir`, for those
 * built with one: what a build with BuildOptions.keepSince compares them with.
 */
export async function sinceLastBuilt(outDir: string, files: string[], set?: string): Promise<Map<string, KeptSince>> {
  const { manifest } = await readManifest(outDir);
  const found = new Map<string, KeptSince>();
  for (const file of files) {
    const since = builtSince(manifest, canvasKey(outDir, file), set);
    if (since !== undefined) found.set(file, since);
  }
  return found;
}

/** A briefing whose PDF was printed with other looks than a run would print it with (BuildOptions pageSize and theme). */
export interface OtherLooks {
  name: string;
  option: 'theme' | 'page-size';
  /** As the PDF was built, and as this run would build it (undefined: no --theme, the canvas's own theme). */
  built?: string;
  now?: string;
  /** `now` is no option given but the page size of the canvas's language (config.ts languagePageSize). */
  byLanguage?: boolean;
}

/**
 * The paper a briefing recorded in the manifest would print on now (pageSizeOf): the page size given, or else the one
 * its language's was when it was built (its canvas unchanged, its language is; a manifest written before it kept that: A4).
 */
function pageSizeNow(given: PageSize | undefined, entry: ManifestEntry): PageSize {
  return given ?? ((entry.builtWith?.languagePageSize ?? 'A4') as PageSize);
}

/**
 * The first briefing of `files` whose PDF in `outDir` was printed with another page size or --theme than `options`
 * would print it with: `send` builds what is stale before it sends, and must not quietly print a briefing the team
 * reviewed again in other looks (unbranded, its negative figures written otherwise) under the same edition. Briefings of
 * a manifest written before it kept these (ManifestEntry.builtWith) are not compared.
 */
export async function otherLooks(outDir: string, files: string[], options: Pick<BuildOptions, 'pageSize' | 'theme' | 'set'>): Promise<OtherLooks | undefined> {
  const { manifest } = await readManifest(outDir);
  const keys = new Set(files.map((f) => canvasKey(outDir, f)));
  for (const [name, entry] of Object.entries(manifest.briefings)) {
    if (!keys.has(entry.canvas) || entry.builtWith === undefined || (options.set !== undefined && entry.set !== options.set)) continue;
    if (!existsSync(join(outDir, `${name}.pdf`))) continue; // nothing there to keep
    if (entry.builtWith.theme !== options.theme) return { name, option: 'theme', built: entry.builtWith.theme, now: options.theme };
    // Without a page size given, the canvas's language's (a manifest written before it kept that: A4, then the default).
    const pageSize = pageSizeNow(options.pageSize, entry);
    if (entry.builtWith.pageSize !== pageSize) return { name, option: 'page-size', built: entry.builtWith.pageSize, now: pageSize, ...(options.pageSize === undefined ? { byLanguage: true } : {}) };
  }
  return undefined;
}

/** A kept --since as messages say it: as given, and what it named when that differs ("HEAD, then commit 3f2a1b4"). */
export function keptText(kept: KeptSince): string {
  if (kept.at === undefined || kept.at === kept.since) return kept.since;
  return isCommitHash(kept.at) ? `${kept.since} (commit ${shortCommit(kept.at)}, as it was then)` : `${kept.since} (${kept.at})`;
}

/**
 * What a build given --since `given` (naming `at`) says when the canvas's briefings were last built against another
 * version (`last`): their "Changes since" chapter's starting point moves, and what it listed since then goes.
 */
async function movedSinceNotice(file: string, given: string, at: string, last: KeptSince): Promise<string> {
  const now = at === given ? given : `${given} (${isCommitHash(at) ? `commit ${shortCommit(at)}` : at})`;
  const keep = shortCommit(last.at!);
  return `${file}: --since ${now} is another version than its briefings were last built against (--since ${keptText(last)}): their "Changes since" chapter now compares with ${given} instead, and no longer lists what changed since ${keep} (where nothing else changed, send will refuse to send it as a correction to those who hold an edition sent already, unless given --resend). To keep comparing with the version it compared with before, ${await keepAdvice(file, last)}`;
}

/**
 * How to give the version a build compared with (`last`) again: by the name it was given, where that is a name of its own
 * (a tag or branch, "sent/2025Q3") that names it still; else by its commit, with a tag to name it by from then on, as
 * HEAD, HEAD~1 or a commit's hash would not ("git tag sent/<quarter> e649610c33"). A file, by its path.
 */
async function keepAdvice(file: string, last: KeptSince): Promise<string> {
  const keep = shortCommit(last.at!);
  if (!isCommitHash(last.at!)) return `give --since ${keep}`;
  if (ownRevisionName(last.since)) {
    const { commitOf } = await import('./load/git-revision.ts');
    if ((await commitOf(file, last.since)) === last.at) return `give --since ${last.since} again`;
  }
  return `give --since ${keep}; or tag it (git tag sent/<quarter> ${keep}) and give --since sent/<quarter>`;
}

/**
 * Whether a revision as given is a name to give again (a tag or branch: "sent/2025Q3", "release-q3"), not one that moves
 * with each commit (HEAD, HEAD~1, HEAD^, @, @{1}, main@{yesterday}, ORIG_HEAD) nor a commit's hash (a tag names it better).
 */
export function ownRevisionName(revision: string): boolean {
  const moving = /^(?:@|[A-Z_]*HEAD)$|[~^:]|@\{/.test(revision);
  const hash = /^[0-9a-f]{4,64}$/i.test(revision) && /[a-f]/i.test(revision);
  return !moving && !hash;
}

/**
 * Whether the "Changes since" chapter's starting point moves: whether the version `previous` read now is other bytes than the
 * one the last build compared with (`last`, at another commit or file). By the hash the manifest recorded of it; where an
 * older manifest has none, a commit is read again (it cannot have changed), and a file, which may have, counts as moved.
 */
async function startMoved(file: string, previous: CanvasVersion, last: KeptSince, maxCanvasBytes?: number): Promise<boolean> {
  const before = last.sha256 ?? (last.at !== undefined && isCommitHash(last.at) ? await previousVersion(file, last.at, maxCanvasBytes).then((v) => v.sha256, () => undefined) : undefined);
  return before !== previous.sha256;
}

/** Whether --since names a file (an earlier copy of the canvas) rather than a git revision: it does when such a file exists. */
export function sinceIsFile(since: string): boolean {
  return statSync(since, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * The earlier version of canvas `file` that --since names: a file (see sinceIsFile), else `file` at that
 * git revision (load/ readAtRevision: `git show REV:./name` in the file's folder). Usage errors (exit 2)
 * for a missing file, no git, no repository, no such revision or no such file at it.
 */
export async function previousVersion(file: string, since: string, maxCanvasBytes?: number, givenAs = since): Promise<CanvasVersion> {
  // Named as the --since was given (`givenAs`: a kept one is read at what it named then, and named as it was given then), so that
  // what is said of it reads as the build that kept it said it, and is not said twice (send says what its build did not); but
  // only while that still names what is read: a relative path given in another working folder, or a revision (HEAD~1) that has
  // moved on since, would send the reader to another file or commit, and it is named by what is read (its path, its commit).
  if (sinceIsFile(since)) {
    const at = resolve(since);
    return { ...(await readVersion(since, maxCanvasBytes)), name: givenAs === since || resolve(givenAs) === at ? givenAs : since, at };
  }
  if (/\.ya?ml$/i.test(since)) {
    throw new BriefingError(`--since ${since}: no such file (--since takes an earlier copy of the canvas, or a git revision such as HEAD~1)`, EXIT.usage);
  }
  const { commitOf, readAtRevision } = await import('./load/git-revision.ts');
  const { bytes, renamedFrom } = await readAtRevision(file, since, maxCanvasBytes).catch((error: unknown) => {
    // A folder given for the earlier copy, and no revision of that name: said as such, not as a git problem.
    if (error instanceof BriefingError && statSync(since, { throwIfNoEntry: false })?.isDirectory()) {
      throw new BriefingError(`--since ${since} is a folder: --since takes an earlier copy of the canvas (a file), or a git revision such as HEAD~1`, EXIT.usage, { cause: error });
    }
    throw error;
  });
  const { decodeCanvas } = await import('./load/read-canvas-file.ts');
  const at = await commitOf(file, since);
  // (A commit named by its full hash, as a kept --since whose name has moved on is, by its first 10 digits, as the console names commits.)
  const named = shortCommit(givenAs === since || (at !== undefined && (await commitOf(file, givenAs)) === at) ? givenAs : since);
  // A canvas renamed since is read under its name then, and named so: "data/acme.yaml@v2025-q2 (now data/acme-group.yaml)".
  const name = renamedFrom === undefined ? `${file}@${named}` : `${renamedFrom}@${named} (now ${file})`;
  return { name, text: decodeCanvas(bytes, name), sha256: sha256(bytes), ...(at === undefined ? {} : { at }) };
}

/**
 * For a version read from a git revision (`at` a commit, not a file's path): its errors' "fix it" cannot be followed
 * there, so what can be done is said.
 */
function committedHint(version: CanvasVersion): string {
  return version.at !== undefined && !isAbsolute(version.at)
    ? `\n(${version.name} is a committed version, which cannot be fixed where it is: compare with another revision, or with a corrected copy of it given as a file)`
    : '';
}

/**
 * `previous` validated (its problems at its own file:line, exit 3) and compared with `canvas`: what a briefing built --since
 * shows, and what to warn of (the earlier version dated after this one, the company listed otherwise). Another company's
 * canvas is refused (exit 2, as a --since that names nothing to read): its chapter would be a wrong document. `parsed`:
 * `previous` as parseCanvas read it already, read once for both its findings and this.
 */
async function compareWith(previous: CanvasVersion, canvas: Canvas, parsed?: LoadedCanvas): Promise<{ since: Since; warnings: string[] }> {
  const [{ parseCanvas }, { validateCanvas }, { compareCanvases }, { checkVersions }] = await Promise.all([
    import('./load/load-canvas.ts'),
    import('./validate/validate-canvas.ts'),
    import('./compare/compare-canvases.ts'),
    import('./compare/versions-of.ts'),
  ]);
  let before: Canvas;
  try {
    // Parsed already where it could be (checkCanvas's `earlier`); parsed here where it could not, to say why.
    before = validateCanvas(parsed ?? parseCanvas(previous.text, previous.name));
  } catch (error) {
    if (!(error instanceof BriefingError)) throw error;
    throw new BriefingError(`the earlier version to compare it with (--since) is not a valid canvas: ${error.message}${committedHint(previous)}`, error.exitCode, { cause: error });
  }
  const check = checkVersions(before, canvas);
  if (check.otherCompany) {
    const { before: was, now: is } = check.otherCompany;
    throw new BriefingError(`--since ${previous.name} is the canvas of ${was}, not of ${is}: its "Changes since" chapter would compare this company's figures with another's. Give --since an earlier copy of this canvas, or a git revision at which it was ${canvas.company.name}'s. ${SAME_COMPANY}`, EXIT.usage);
  }
  const warnings = [
    ...(check.later ? [`the version compared with is ${laterText(check.later)}: is --since the right way round?`] : []),
    ...(check.listingMoved ? [`the version compared with lists the company as ${check.listingMoved.before}, this one as ${check.listingMoved.now}: compared as the same company by its name, ${canvas.company.name}`] : []),
  ];
  return { since: { canvas: before, changes: compareCanvases(before, canvas) }, warnings };
}

/** How a refusal of another company's canvas says what counts as the same company (compare/versions-of.ts). */
const SAME_COMPANY = 'A company is known by its ticker and exchange, or by its name where those changed; for one that changed both, see docs/diff.md';

/** An earlier version dated after the current one, as a warning says it: "dated 1 Dec 2025, after this one (14 Nov 2025)". */
function laterText(later: NonNullable<VersionCheck['later']>, now = 'this one'): string {
  return `${later.what} ${later.before}, after ${now} (${later.now})`;
}

/**
 * What changed from `before` to `now` (compare/), formatted as the briefing formats figures (model/): what
 * `briefing diff` prints. Both must be valid canvases; the problems of each are reported at its file:line (exit 3). Two
 * companies' canvases are refused (exit 2), as build --since refuses them.
 */
export async function diffCanvases(before: CanvasVersion, now: CanvasVersion): Promise<DiffReport> {
  const [{ parseCanvas }, { validateCanvas }, { compareCanvases }, { checkVersions }] = await Promise.all([
    import('./load/load-canvas.ts'),
    import('./validate/validate-canvas.ts'),
    import('./compare/compare-canvases.ts'),
    import('./compare/versions-of.ts'),
  ]);
  const results = [before, now].map((v) => {
    try {
      return { canvas: validateCanvas(parseCanvas(v.text, v.name)) };
    } catch (error) {
      const hint = committedHint(v);
      return { error: error instanceof BriefingError && hint !== '' ? new BriefingError(`${error.message}${hint}`, error.exitCode, { cause: error }) : error };
    }
  });
  const failures = results.flatMap((r) => ('error' in r ? [r.error] : []));
  if (failures.length === 1) throw failures[0];
  if (failures.length === 2) {
    // Both invalid: both reported, with the first one's exit code (a usage error is not the case here: both were read).
    const [a, b] = failures as Error[];
    throw new BriefingError(`${a.message}\n${b.message}`, a instanceof BriefingError ? a.exitCode : EXIT.internal, { cause: a });
  }
  const [was, is] = results.map((r) => (r as { canvas: Canvas }).canvas);
  const check = checkVersions(was, is);
  if (check.otherCompany) {
    throw new BriefingError(`${before.name} is the canvas of ${check.otherCompany.before}, ${now.name} of ${check.otherCompany.now}: diff compares two versions of one company's canvas. Compare ${now.name} with an earlier version of itself. ${SAME_COMPANY}`, EXIT.usage);
  }
  const warnings = [
    ...(check.later ? [`the earlier version, ${before.name}, is ${laterText(check.later, now.name)}: are they the right way round (the earlier version first, or given to --since)?`] : []),
    ...(check.listingMoved ? [`${before.name} lists the company as ${check.listingMoved.before}, ${now.name} as ${check.listingMoved.now}: compared as the same company by its name, ${is.company.name}`] : []),
  ];
  return { ...describeChanges(compareCanvases(was, is), is.briefing.language), warnings };
}

/** What `briefing diff` prints: the changes, and what to warn of (the earlier version dated after the other; the company listed otherwise). */
export type DiffReport = ChangeReport & { warnings: string[] };

/** A briefing to print, with the hash of its inputs. */
interface Job {
  file: string;
  key: string;
  /** SHA-256 of the canvas file as read. */
  sha: string;
  /** The canvas file's contents, as read and decoded (a queue's job carries it), and its earlier version for --since. */
  text: string;
  previous?: CanvasVersion;
  /** The --since it is built with (given, or kept: BuildOptions.keepSince), as given and as it was then, recorded in the manifest. */
  since?: string;
  sinceAt?: string;
  /** What the manifest and the messages need of the model; the whole of it comes from full(). */
  model: Pick<BriefingModel, 'name' | 'setKey' | 'namedByPeriod' | 'namedByDate'> & { meta: Pick<BriefingModel['meta'], 'title' | 'asOf' | 'language'>; cover: Pick<BriefingModel['cover'], 'period'> };
  /**
   * The whole model: kept from planning for the first briefings of a build, made again from `text` for the
   * others (a batch of thousands would otherwise hold every model it planned until the last one prints).
   */
  full(): Promise<BriefingModel>;
  /** plan/ contentHash(model) and inputsHash. */
  content: string;
  /** Every block set its canvas has ("full" first): messages name the briefing by it (briefingOf). */
  sets: string[];
  /** What the send journal knows it by (plan/ journalKey): the edition it revises is asked by it, and the manifest keeps it. */
  known: ReturnType<typeof journalKey>;
  inputs: string;
  /** The browser the context names (plan/ browserIdentity). */
  browser: string;
  /** Why it is printed, for --verbose (plan/ printReason). */
  reason: string;
  /** The context it is built in: the run's, and its theme's files. */
  context: string;
  theme?: Theme;
  /** The edition it revises (the send journal's: one of its period sent with other figures or words), which it is printed naming. */
  revises?: Revises;
}

/**
 * An edition a briefing revises (Journal.revisedBy), with the canvas it was made from where the journal kept it (`sent`, and
 * `canvas` its hash: what the revised edition's data notes list as corrected depends on it).
 */
type Revises = EditionSent & { sent?: SentSource; canvas?: string };

/**
 * Builds the briefings of every canvas that are not up to date, reporting each as it finishes, all in
 * one BuildRun; then removes the files of recorded briefings that no longer exist. First every canvas
 * is read and each briefing compared with the output folder's manifest (plan/): a briefing whose
 * inputs and files are as recorded is reported `current` and not printed (`force` prints it anyway).
 * Refuses (BriefingError, usage) canvases that would write the same PDF; a briefing whose name
 * another canvas already has in this run (x.yaml's set "a" after a canvas x--a.yaml) fails instead
 * of overwriting it.
 */
export async function buildBriefings(
  files: string[],
  options: BuildOptions,
  printer: Printer,
  report: (event: BuildEvent) => void,
  signal?: AbortSignal,
): Promise<BriefingOutcome[]> {
  // The browser starts as soon as planning finds a briefing to print, while the other canvases are read and checked
  // (half a second to a second of a second core that planning leaves idle): localMaker would start it only after.
  const warm = startOnce(printer);
  return buildWith(files, options, printer, () => localMaker(printer, options, report, signal, warm), report, signal, warm);
}

/** Starts the printer's browser, once however often it is called; a failed start is reported by the first print, which tries again. */
function startOnce(printer: Printer): () => void {
  let started = false;
  return () => {
    if (started) return;
    started = true;
    printer.launch().catch(() => {});
  };
}

/**
 * buildBriefings, with the briefings made by the workers of a queue (queue/) instead of this process's
 * browser: canvases are read, validated and planned here (a bad one fails at once, nothing is queued for
 * it), each briefing to print is one job, and what the workers hand back is written here, as a local
 * build writes it, in the order it comes. The context names this machine's browser (`printer`, only
 * looked for, never started): the PDFs are those a local build here would write, and the next local
 * build finds them up to date.
 */
export async function buildBriefingsQueued(
  files: string[],
  options: BuildOptions,
  queue: QueueSettings,
  printer: Printer,
  report: (event: BuildEvent) => void,
  signal?: AbortSignal,
): Promise<BriefingOutcome[]> {
  let submitter: Submitter | undefined;
  /** Redis was out of reach as the build was stopped: whether what it queued is still there, it cannot know. */
  let cutOff = false;
  // Redis is reached first, before planning (which may take a while): one that cannot be reached fails the build at once
  // (exit 9); once reached, a drop at any later point, while planning included, is said and retried (Submitter).
  // (The request's own mistakes first: with Redis down too, two canvases of one name are what to fix, exit 2.)
  distinctCanvases(files, options);
  const { reachQueue } = await import('./queue/submit.ts');
  const open = await reachQueue(queue, (message) => report({ kind: 'notice', message }));
  try {
    return await buildWith(files, options, printer, async () => {
      submitter = await open(toolHash());
      signal?.addEventListener('abort', () => {
        cutOff = submitter?.connected() === false;
        void submitter?.close();
      }, { once: true });
      return queueMaker(submitter, queue, options, report);
    }, report, signal);
  } finally {
    const unqueued = await submitter?.close();
    if (cutOff) {
      report({ kind: 'notice', cutOff, message: `queue connection: Redis at ${queue.target.shown} was out of reach as the build stopped: what it queued stays queued only if Redis kept it (its persistence, RDB or AOF, through a restart); run the same command again: it collects what is still there and queues again what is gone` });
    }
    if (unqueued) {
      const briefings = unqueued === 1 ? '1 briefing' : `${unqueued} briefings`;
      report({ kind: 'notice', unqueued, message: `no worker of this version of canvas-briefing (${submitter!.version}) came to queue "${queue.queue}" while this build waited: its ${briefings} waiting there ${unqueued === 1 ? 'was' : 'were'} taken out again, as nothing would take ${unqueued === 1 ? 'it' : 'them'}; start a worker of this version (briefing worker --redis URL) and build again` });
    }
  }
}

/**
 * The canvas without the data notes that check found say what is not so (it warns of each): data_notes.acknowledged
 * entries that match no finding, which the briefing would print as an explanation of figures they are not about ("A
 * figure is listed in the register but not discussed (Revenue, Q3 2025)" of a figure quoted throughout), and
 * data_notes.contradictions whose figures are one figure now (resolved-contradiction), which it would list under "Where
 * sources disagree", the key figure saying "The source gives conflicting figures" of a figure no source disputes.
 */
function withoutStaleNotes<C extends { data_notes?: { acknowledged?: unknown[]; contradictions?: unknown[] } }>(canvas: C, findings: FindingAt[]): C {
  const at = (rule: string, list: string) => new Set(findings.flatMap((f) => (f.rule === rule ? [Number(new RegExp(`^data_notes\\.${list}\\[(\\d+)\\]$`).exec(f.path)?.[1])] : [])));
  const unmatched = at('unmatched-acknowledgement', 'acknowledged');
  const resolved = at('resolved-contradiction', 'contradictions');
  const notes = canvas.data_notes;
  if ((unmatched.size === 0 && resolved.size === 0) || notes === undefined) return canvas;
  return {
    ...canvas,
    data_notes: {
      ...notes,
      ...(notes.acknowledged && { acknowledged: notes.acknowledged.filter((_, i) => !unmatched.has(i)) }),
      ...(notes.contradictions && { contradictions: notes.contradictions.filter((_, i) => !resolved.has(i)) }),
    },
  };
}

/** buildBriefings' checks, then the build under the output folder's lock; the maker is made once there are briefings to make. */
async function buildWith(files: string[], options: BuildOptions, printer: Printer, maker: () => Promise<Maker> | Maker, report: (event: BuildEvent) => void, signal?: AbortSignal, warm?: () => void): Promise<BriefingOutcome[]> {
  files = distinctCanvases(files, options);
  const themes: ThemeCache = new Map();
  if (options.theme !== undefined) {
    // A theme every canvas uses: wrong, nothing is built.
    const loading = loadTheme(options.theme, '--theme (or BRIEFING_THEME)');
    themes.set(options.theme, loading);
    await loading;
  }
  // A lock that cannot be removed (the folder turned read-only mid-build) is one more failure of the folder's, said
  // and counted with the briefings': thrown, it lost the outcomes, and the build ended without its closing line.
  return withOutputLock(options.outDir, 'build', () => buildLocked(files, options, printer, maker, report, signal, themes, warm), (error, outcomes) => {
    const failed: FailedBriefing = { kind: 'failed', canvas: join(options.outDir, LOCK_FILE), folderFile: 'lock', ms: 0, error };
    outcomes.push(failed);
    report(failed);
  });
}

/**
 * The canvases a build is asked for, each once (a file given twice is built once), after the mistakes of the request
 * itself, said before anything else is done (a queued build's Redis reached included): two canvases of one name in
 * different folders, or --since a file with several canvases (exit 2).
 */
function distinctCanvases(files: string[], options: Pick<BuildOptions, 'since'>): string[] {
  assertDistinctCanvases(files);
  const once = [...new Map(files.map((f) => [resolve(f), f])).values()];
  if (options.since !== undefined && once.length > 1 && sinceIsFile(options.since)) {
    throw new BriefingError(`--since ${options.since} is a file: the earlier version of one canvas, but ${once.length} canvases were given. Build one canvas with it, or give a git revision (each canvas is then compared with itself at that revision)`, EXIT.usage);
  }
  return once;
}

/** A briefing made, by this process or a worker: its PDF and what the manifest records of it. */
interface MadeBriefing {
  pdf: Uint8Array;
  pages: number;
  contents: Record<string, number>;
  breaks: TableBreaks;
  html?: string;
  warnings: string[];
  /** Made before this run asked for it (a queue's result from an earlier run): BuiltBriefing.collected. */
  collected?: boolean;
  /** Taken again by a worker, and why: BuiltBriefing.retried. */
  retried?: string;
}

/** How one briefing is to be printed: its edition, and where the last build of it (or this run, for a copy of it) put its chapters and cut its tables. */
interface PrintPlan {
  edition: string;
  /** Of a revised edition: what its cover, footers, data notes and metadata say of the edition it replaces. */
  revision?: Revision;
  predicted?: Record<string, number>;
  predictedBreaks?: TableBreaks;
}

/** What makes the planned briefings: this process's browser (localMaker) or the workers of a queue (queueMaker). */
interface Maker {
  /** How many briefings are made at once. */
  concurrency: number;
  /** Outcomes said in the planned order (a local build says the same lines every time), or as they come (a queue's workers finish in any order). */
  inOrder: boolean;
  /** Makes one briefing; `started` is called when its printing starts, and again with why when a queue's worker starts it over (retried). */
  make(job: Job, plan: PrintPlan, started: (retried?: string) => void): Promise<MadeBriefing>;
  /**
   * No briefing will be written any more (the output folder takes no more files): those not begun are given up, each
   * make() rejecting with `error`. A local build begins none after this anyway; a queue's workers would print them all.
   */
  stop?(error: BriefingError): Promise<unknown>;
}

/** Briefings made by this process's printer, --jobs at once; one the browser crashed under is printed once more with a new browser. */
function localMaker(printer: Printer, options: BuildOptions, report: (event: BuildEvent) => void, signal: AbortSignal | undefined, launch: () => void): Maker {
  let run: Promise<BuildRun> | undefined;
  return {
    concurrency: options.jobs ?? defaultJobs(),
    inOrder: true,
    async make({ file, model: { setKey }, sets, full, theme }, plan, started) {
      started();
      const model = await full();
      if (run === undefined) {
        // The browser starts while the first briefing's charts and HTML are drawn, if planning has not started it
        // already; a failed start is reported by that briefing's first print, which tries again.
        launch();
        run = startRun();
      }
      const print = async () => buildBriefing(model, { pageSize: pageSizeOf(options.pageSize, model.meta.language), theme, ...plan }, printer, await run!);
      return print().catch((error: unknown) => {
        // The browser crashed under this briefing (killed, out of memory): once more, with a new browser.
        if (!(error instanceof BriefingError && error.transient) || signal?.aborted) throw error;
        const detail = error.cause instanceof Error ? error.cause.message : error.message;
        report({ kind: 'notice', message: `${briefingOf(file, setKey, sets)}: the browser crashed while printing it (${detail}); printing it once more with a new browser` });
        return print();
      });
    },
  };
}

/**
 * Briefings made by the workers of a queue, all queued at once: each job carries the canvas as read,
 * the options, the hash of its theme's files (stored once: Submitter.share) and the hashes the worker
 * must arrive at too. Says when no worker is there to take them (at first, or when the last one has gone).
 */
function queueMaker(submitter: Submitter, queue: QueueSettings, options: BuildOptions, report: (event: BuildEvent) => void): Maker {
  const tool = toolHash();
  // A theme's files are stored in the queue once, and each job names them by their hash.
  const themes = new Map<string, Promise<string>>();
  let packFolder: ((dir: string) => Promise<PackedFile[]>) | undefined;
  let jobIdOf: ((inputs: string, html: boolean) => string) | undefined;
  // Said when briefings wait and no worker is there to take them: a few seconds in, and again whenever the last
  // worker goes (stopped, killed) while some still wait; not again until one has come back. A worker still printing
  // a briefing of this run counts (Submitter.anyWorker).
  let pending = 0;
  let watching: NodeJS.Timeout | undefined;
  let said = false;
  // --max-wait: a build run by cron or CI must end. Past it, what no worker has taken is taken back out of the queue and
  // fails (a worker's briefings in hand are still collected); from the first briefing queued, until none waits.
  let deadline: NodeJS.Timeout | undefined;
  const startDeadline = () => {
    if (deadline !== undefined || queue.maxWaitMs === undefined) return;
    const wait = maxWaitText(queue.maxWaitMs);
    deadline = setTimeout(() => void submitter.withdraw(new BriefingError(
      `no worker took it within ${wait} (queue "${queue.queue}" on ${queue.target.shown}): taken back out of the queue; start a worker (briefing worker --redis URL), or give --max-wait longer, and build again`,
      EXIT.render,
      { kind: 'no worker took it within --max-wait' },
    ), new BriefingError(
      // Redis away then (or lost while the briefings in hand are awaited): nothing can be taken out or collected, and the bound holds.
      `Redis at ${queue.target.shown} was out of reach at ${wait}: the briefing could not be taken back out of the queue, nor collected if a worker printed it; run the same command again once Redis is back: it collects what the workers printed and queues again what is gone`,
      EXIT.queue,
      { kind: REDIS_LOST_AT_MAX_WAIT },
    )).catch(() => {}), queue.maxWaitMs);
    deadline.unref();
  };
  const watchForWorkers = () => {
    if (watching !== undefined) return;
    watching = setInterval(() => {
      if (pending === 0) {
        clearInterval(watching);
        watching = undefined;
        return;
      }
      void submitter.anyWorker().then(async (any) => {
        if (any) {
          said = false;
          return;
        }
        const others = await submitter.otherVersions();
        // Asked when the answers are in: a briefing a worker finished meanwhile is being collected, and waits for none.
        if (said || submitter.unfinished() === 0) return;
        said = true;
        // No worker at all at this queue: workers at another queue of this Redis may be the ones meant (--queue misspelt).
        // Looked for once per notice, not every few seconds.
        const elsewhere = others.size === 0 ? await submitter.otherQueues().catch(() => new Map<string, number>()) : new Map<string, number>();
        const waits = submitter.unfinished();
        if (waits === 0) {
          said = false;
          return;
        }
        report({ kind: 'notice', message: noWorkerNotice(queue, submitter.version, waits, others, elsewhere) });
      }).catch(() => {}); // the queue closed under the question (Ctrl-C), or Redis is away: asked again in a moment
    }, NO_WORKER_NOTICE_MS);
    watching.unref();
  };
  return {
    concurrency: Number.POSITIVE_INFINITY,
    inOrder: false,
    async make(job, plan, started) {
      if (packFolder === undefined || jobIdOf === undefined) ({ packFolder, jobIdOf } = await import('./queue/jobs.ts'));
      const dir = job.theme?.dir;
      if (dir !== undefined && !themes.has(dir)) themes.set(dir, packFolder(dir).then((files) => submitter.share(files)));
      const request: BriefingRequest = {
        v: 1,
        tool,
        file: job.file,
        text: job.text,
        set: job.model.setKey,
        sets: job.sets,
        ...(job.previous === undefined ? {} : { previous: { name: job.previous.name, text: job.previous.text, sha256: job.previous.sha256 } }),
        ...(dir === undefined ? {} : { theme: await themes.get(dir)! }),
        // As given (the context names it so); the worker takes an unset one from the model's language, as a local build.
        ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
        browser: job.browser,
        context: job.context,
        content: job.content,
        ...(plan.revision === undefined ? {} : { revision: plan.revision }),
        ...(plan.predicted === undefined ? {} : { predicted: plan.predicted }),
        ...(plan.predictedBreaks === undefined ? {} : { predictedBreaks: plan.predictedBreaks }),
        html: options.html,
        keepSeconds: queue.keepSeconds,
      };
      pending++;
      watchForWorkers();
      startDeadline();
      // A worker taking it says so (started), and so does another taking it again (retried); one that had it before this
      // run asked hands it back unannounced.
      let taken = false;
      let retried: string | undefined;
      const { result, pdf, html } = await submitter.submit(jobIdOf(job.inputs, options.html), request, (again) => {
        taken = true;
        retried = again;
        started(again);
      }, options.force).finally(() => {
        pending--;
        if (pending === 0) {
          clearTimeout(deadline);
          deadline = undefined;
        }
      });
      if (result.kind === 'failed') throw new BriefingError(result.message, asExitCode(result.exitCode), result.what === undefined ? undefined : { kind: result.what });
      return { pdf: pdf!, pages: result.pages, contents: result.contents, breaks: result.breaks, ...(html === undefined ? {} : { html }), warnings: result.warnings, ...(taken ? {} : { collected: true }), ...(retried === undefined ? {} : { retried }) };
    },
    // The workers would print every briefing still queued, for nothing, and their PDFs fill Redis until they expire.
    stop: (error) => submitter.withdraw(error),
  };
}

/**
 * Why a queued build waits: no worker at the queue, or (`others`, by version) only workers of another version
 * of the tool, which take none of its jobs (they would not make the same PDFs). With none at all, the queues of the
 * same Redis that have workers (`elsewhere`, by name) are named: --queue may be misspelt ("briefing" for "briefings").
 */
export function noWorkerNotice(queue: QueueSettings, version: string, waits: number, others: Map<string, number>, elsewhere: Map<string, number> = new Map()): string {
  const waiting = waits === 1 ? 'a briefing waits' : `${waits} briefings wait`;
  const where = `queue "${queue.queue}" on ${queue.target.shown}`;
  if (others.size === 0 && elsewhere.size > 0) {
    const workers = (n: number) => (n === 1 ? '1 worker is' : `${n} workers are`);
    // The likeliest meant first: a name like this one, else the queue with the most workers.
    const names = [...elsewhere.keys()].sort((a, b) => elsewhere.get(b)! - elsewhere.get(a)! || a.localeCompare(b));
    const meant = nearest(queue.queue, names)[0] ?? names[0]!;
    const there = names.length === 1
      ? `${workers(elsewhere.get(meant)!)} on queue "${meant}"`
      : `workers are on other queues there (${names.slice(0, 5).map((n) => `${elsewhere.get(n)} on "${n}"`).join(', ')}${names.length > 5 ? `, and ${names.length - 5} more` : ''})`;
    return `no worker is connected to ${where}: ${waiting} for one. ${there}: --queue ${meant}? (Or start a worker at this queue: briefing worker --redis URL --queue ${queue.queue})`;
  }
  if (others.size === 0) return `no worker is connected to ${where}: ${waiting} for one (briefing worker --redis URL)`;
  const count = [...others.values()].reduce((a, b) => a + b, 0);
  const labels = [...others.keys()].sort().join(', ');
  return `no worker of this version of canvas-briefing (${version}) is connected to ${where}: ${waiting} for one. ` +
    `${count === 1 ? '1 worker is' : `${count} workers are`} connected running another version (${labels}; its code, templates or libraries differ), ` +
    'and would not make the same PDFs: install the same version (npm ci of the same commit) on this machine and the workers\'';
}

/** A queue worker's settings: where the queue is, how many briefings at once, and the printer's (as a build's). */
export interface QueueWorkerOptions {
  queue: QueueSettings;
  concurrency: number;
  /** How long its lock on a briefing lasts unrenewed (queue/ DEFAULT_LOCK_MS). */
  lockMs?: number;
  printer: PrinterOptions;
  maxCanvasBytes: number;
  /** That limit as its user gave it (config canvasSizeGiven), for the message refusing a canvas over it. */
  maxCanvasGiven?: string;
}

/** A running queue worker (see runQueueWorker). */
export interface RunningWorker {
  /** The browser it prints with. */
  browser: string;
  /** The version of the tool it runs, as people see it: it takes the jobs of submitters of that version only. */
  version: string;
  /** Takes no new job, finishes those in hand, then closes the browser. */
  close(): Promise<void>;
  /** Stops at once: the jobs in hand are handed back to the queue (or, with Redis gone, return when their locks expire), the browser is closed. */
  abandon(): Promise<void>;
  /** How many briefings it holds now (taken, not yet handed back). */
  inHand(): number;
}

/**
 * `briefing worker`: takes build jobs from a queue and makes each briefing as a local build would, with
 * one warm browser (launched first: a machine without one fails here, before taking a job). Each job's
 * canvas is read, validated and modelled again from the text it carries, with the theme files it names,
 * and must come out as the submitter's did (same tool, context and content hashes). It takes only the
 * jobs of submitters of its own version (queue/ laneOf): another version's would not come out the same.
 */
export async function runQueueWorker(options: QueueWorkerOptions, report: (event: WorkerEvent) => void): Promise<RunningWorker> {
  const [{ startWorker }, { themeFolders }, { mkdtemp, rm, writeFile }, { tmpdir }] = await Promise.all([
    import('./queue/work.ts'),
    import('./queue/theme-folders.ts'),
    import('node:fs/promises'),
    import('node:os'),
  ]);
  await removeAbandonedScratch(tmpdir());
  const printer = loadPrinter(options.printer);
  const scratch = await mkdtemp(join(tmpdir(), WORKER_SCRATCH_PREFIX));
  await writeFile(join(scratch, OWNER_FILE), `${hostname()}\n${process.pid}\n`);
  const cleanUp = async () => {
    await printer.close();
    await rm(scratch, { recursive: true, force: true });
  };
  try {
    await printer.launch();
    const browser = (await printer.executable()) ?? 'the browser';
    // Theme folders as jobs carry them, each written once, under the hash of its files; the THEME_FOLDERS last used are kept.
    const themes = themeFolders(scratch);
    // What the briefings share (renderers, charts drawn) is kept for a while, then made afresh: a worker runs for days.
    let run: Promise<BuildRun> | undefined;
    let runUses = 0;
    const tool = toolHash();
    const ownBrowser = browserIdentity(await printer.executable());
    const make = async (request: BriefingRequest, theme?: PackedFile[]): Promise<Made> => {
      const failed = (message: string, exitCode: number, what?: string): Made => ({ kind: 'failed', message, exitCode, ...(what === undefined ? {} : { what }) });
      if (request.tool !== tool) {
        // Its lane (queue/ laneOf) is this version's: queued there by something else than a submitter of this version.
        return failed(`${request.file}: queued for another version of canvas-briefing than this worker's (its code, templates or libraries differ), which would not make the same PDF: build it again with the version the workers run`, EXIT.queue, 'queued for another version');
      }
      // Its own files changed since it started (an upgrade, an edit in its folder): it would make another PDF than the one
      // planned, and failed every briefing of its version as "edited while queued". Back to the queue, and this worker stops.
      if (toolHash() !== tool) {
        return { kind: 'refused', message: 'this worker\'s canvas-briefing files (its code, templates or libraries) changed since it started, so it no longer makes the PDFs of the version it takes: restart it', exitCode: EXIT.queue };
      }
      // Written to disk here, or not: a full disk is this worker's trouble, not the canvas's (tried again, elsewhere too).
      const held = theme === undefined ? undefined : await themes.hold(theme);
      const themeDir = held?.dir;
      try {
        const changed = `${request.file}: the briefing made from it here differs from the one planned (was the canvas or its theme edited while it was queued?); build again`;
        const previous = request.previous === undefined ? undefined : { name: request.previous.name, text: request.previous.text, sha256: request.previous.sha256 };
        const checked = await checkCanvas(request.file, { set: request.set, previous, theme: themeDir }, request.text);
        const model = checked.models.find((m) => m.setKey === request.set);
        if (model === undefined) return failed(`${request.file}: no block set "${request.set}"`, EXIT.invalidData);
        const pageSize = pageSizeOf(request.pageSize, model.meta.language);
        const context = withRevision(withPageSize(withTheme(contextHash({ browser: request.browser }), themeDir), pageSize), request.revision);
        if (context !== request.context || contentHash(model) !== request.content) return failed(changed, EXIT.queue, 'edited while queued');
        if (run === undefined || ++runUses > RUN_REUSE) {
          run = startRun();
          runUses = 1;
        }
        const edition = editionOf(inputsHash(context, request.content));
        const built = await buildBriefing(model, { pageSize, edition, predicted: request.predicted, predictedBreaks: request.predictedBreaks, theme: checked.theme, ...(request.revision === undefined ? {} : { revision: request.revision }) }, printer, await run);
        // The edition names the submitter's browser: printed with another one, the PDF may not be the one a build there makes.
        const warnings = request.browser === ownBrowser || request.browser === browserIdentity(undefined)
          ? built.warnings
          : [...built.warnings, `printed by a worker whose browser (${ownBrowser}) is not this machine's (${request.browser}): the PDF may differ from a local build's`];
        return { kind: 'made', pdf: built.pdf, ...(request.html ? { html: built.html } : {}), pages: built.pages, contents: built.contents, breaks: built.breaks, warnings };
      } catch (error) {
        if (error instanceof BriefingError && error.transient) throw error; // the browser crashed: BullMQ tries again later
        // A browser this worker cannot start at all: the job goes back for the others, and this worker stops.
        if (error instanceof BriefingError && error.exitCode === EXIT.browserNotFound) return { kind: 'refused', message: error.message, exitCode: EXIT.browserNotFound };
        // A browser slow to start or to print, a print timed out: this machine's trouble as likely as the canvas's, tried again later.
        if (error instanceof BriefingError && /timed out|did not start|failed to start/.test(error.message)) throw new BriefingError(error.message, error.exitCode, { cause: error, transient: true });
        if (error instanceof BriefingError) return failed(error.message, error.exitCode, error.kind);
        return failed(`internal error: ${(error as Error)?.message ?? String(error)}`, EXIT.internal);
      } finally {
        held?.release();
      }
    };
    const { target, from, queue } = options.queue;
    const worker = await startWorker({ target, from, queue, tool, concurrency: options.concurrency, maxCanvasBytes: options.maxCanvasBytes, maxCanvasGiven: options.maxCanvasGiven, lockMs: options.lockMs }, make, report);
    return {
      browser,
      version: worker.version,
      inHand: () => worker.inHand(),
      async close() {
        await worker.close();
        await cleanUp();
      },
      async abandon() {
        // The jobs go back to the queue first: closing the browser under them would make them fail.
        await worker.abandon().catch(() => {});
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** A worker's scratch folder (theme folders of its jobs) in TMPDIR, and the file in it naming the process that owns it. */
const WORKER_SCRATCH_PREFIX = 'briefing-worker-';
const OWNER_FILE = '.owner';

/** Removes the scratch folders of workers that were killed (kill -9) before they could: on this host, whose process is gone. */
async function removeAbandonedScratch(dir: string): Promise<void> {
  const { readdir, readFile, rm } = await import('node:fs/promises');
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(WORKER_SCRATCH_PREFIX))) {
    const folder = join(dir, name);
    const [host, pid] = (await readFile(join(folder, OWNER_FILE), 'utf8').catch(() => '')).split('\n');
    if (host !== hostname() || !/^\d+$/.test(pid ?? '') || processExists(Number(pid))) continue;
    await rm(folder, { recursive: true, force: true }).catch(() => {});
  }
}

/** How many briefings a worker's BuildRun serves before a new one is made (its renderers, one per theme, would pile up). */
const RUN_REUSE = 50;

/** How often a queued build looks for workers while its briefings wait: how soon it says that none is there. */
const NO_WORKER_NOTICE_MS = 3_000;

/** An exit code a worker handed back, as one of ours (a newer worker's unknown code: internal). */
function asExitCode(code: number): ExitCode {
  return (Object.values(EXIT) as number[]).includes(code) ? code as ExitCode : EXIT.internal;
}

/** buildBriefings, once the output folder is this process's; `warm` is called once, when planning finds the first briefing to make. */
async function buildLocked(files: string[], options: BuildOptions, printer: Printer, makeMaker: () => Promise<Maker> | Maker, report: (event: BuildEvent) => void, signal: AbortSignal | undefined, themes: ThemeCache, warm?: () => void): Promise<BriefingOutcome[]> {
  const { outDir } = options;
  const outcomes: BriefingOutcome[] = [];
  /** Each canvas's bytes as read, by hash, and when: the PDFs show that version. */
  const readAs = new Map<string, { sha256: string; at: Date }>();
  // Once interrupted, a failure is not reported: the briefing in flight fails only because we stopped it.
  // A briefing written is always reported, even one finished as the signal came: its PDF is new.
  const emit = (o: BriefingOutcome) => {
    if (o.kind === 'built' || !signal?.aborted) {
      outcomes.push(o);
      report(o);
    }
  };
  const { manifest, problem } = await readManifest(outDir);
  if (problem) report({ kind: 'notice', message: problem });
  // The editions sent (the project's send journal, only read): a briefing of a period an edition went out of with other
  // figures or words is printed as the revised edition that replaces it. One that cannot be read marks none (send says why).
  // A send's build shares what its run read and checked already (SendRun).
  const run = options.sendRun ?? UNSHARED;
  const journal = options.journal === undefined ? undefined : await run.journal(options.journal, outDir);
  const revisesOf = revisedEdition(journal, sameButChapter(run.checkCanvas));
  const since = changesSince(run.checkCanvas);
  let saved = problem === undefined ? serialiseManifest(manifest) : '';
  const saveManifest = async () => {
    const text = serialiseManifest(manifest);
    if (text === saved) return; // an up-to-date build leaves the folder as it was, manifest included
    // A folder without a manifest gets one only with a briefing to record: a build that wrote none (no browser, every
    // canvas invalid) leaves nothing behind, and the folder it made goes with its lock (deliver/ lockOutputFolder).
    if (Object.keys(manifest.briefings).length === 0 && !existsSync(join(outDir, MANIFEST_FILE))) return;
    await writeAtomically(join(outDir, MANIFEST_FILE), text);
    saved = text;
  };
  // The browser that prints, or would print here (`printer` is only looked for, not started): a queue's workers print as it would.
  const browser = browserIdentity(await printer.executable());
  const context = contextHash({ browser });
  const names = new OutputNames(outDir);
  const readInFull = new Set<string>();
  const alive = new Set<string>();
  const current = (file: string, { name, entry }: CurrentEntry) =>
    emit({ kind: 'current', canvas: file, name, pdf: join(outDir, `${name}.pdf`), pages: entry.pages, edition: entry.edition });

  // Plan: read every canvas, set aside the briefings that are up to date.
  const { readCanvasFile, decodeCanvas } = await import('./load/read-canvas-file.ts');
  const jobs: Job[] = [];
  const textOf = (bytes: Buffer | undefined, file: string) => {
    try {
      return bytes && decodeCanvas(bytes, file);
    } catch {
      return undefined; // checkCanvas says why
    }
  };
  /** What the models packed for printing (packModel) take, in bytes. */
  let packedBytes = 0;
  for (const file of files) {
    if (signal?.aborted) break;
    const started = Date.now();
    const key = canvasKey(outDir, file);
    const bytes = await readCanvasFile(file, 'canvas', options.maxCanvasBytes).catch(() => undefined); // unreadable: checkCanvas says why
    if (bytes !== undefined) readAs.set(file, { sha256: sha256(bytes), at: new Date() });
    // --since: the earlier version is read too, and is part of what the canvas's briefings are made
    // from: the fast path below holds only while neither changed, nor whether --since was given.
    // send and watch without --since build with the one the briefings were last built with (keepSince), as it was
    // then: the commit HEAD named, the file a relative path named (ManifestEntry.sinceAt).
    const kept = options.since === undefined && options.keepSince ? builtSince(manifest, key, options.set) : undefined;
    const since = options.since ?? kept?.since;
    let previous: CanvasVersion | undefined;
    if (since !== undefined && bytes !== undefined) {
      try {
        previous = await run.previousVersion(file, kept?.at ?? since, options.maxCanvasBytes, since);
      } catch (error) {
        const failure = kept === undefined ? error : new BriefingError(`its briefings were last built with --since ${keptText(kept)}, and are built with it again (give --since to compare with another version, or --no-since to leave the "Changes since" chapter out): ${error instanceof Error ? error.message : String(error)}`, error instanceof BriefingError ? error.exitCode : EXIT.usage, { cause: error });
        emit({ kind: 'failed', canvas: file, ms: Date.now() - started, error: inBriefing(failure, file) });
        continue;
      }
    }
    // --since given names another version than the one the last build compared with (HEAD moved on to the edition sent,
    // say): the chapter's starting point changes, and the quarter's changes it listed go. Said, with how to keep the old one;
    // not when it names the same canvas elsewhere (HEAD moved on for a commit that left the canvas as it was).
    const last = options.since === undefined ? undefined : builtSince(manifest, key, options.set);
    if (previous?.at !== undefined && last?.at !== undefined && last.at !== previous.at && (await startMoved(file, previous, last, options.maxCanvasBytes))) {
      report({ kind: 'notice', message: await movedSinceNotice(file, options.since!, previous.at, last) });
    }
    const sha = bytes === undefined ? undefined : previous === undefined ? sha256(bytes) : sha256(`${sha256(bytes)}\0since\0${previous.sha256}`);
    // The theme is part of the context: an edit of its files rebuilds. Unparsed, the canvas's own theme is the one it named last time.
    const themeDir = options.theme ?? manifest.canvases[key]?.theme;
    const unchanged = sha === undefined || options.force ? undefined : await unchangedCanvas(manifest, outDir, { key, sha256: sha }, { context: async (e, name) => withRevision(withPageSize(withTheme(context, themeDir), pageSizeNow(options.pageSize, e)), await revisesOf(name, e, textOf(bytes, file) === undefined ? undefined : { file, text: textOf(bytes, file)!, ...(options.theme === undefined ? {} : { theme: options.theme }) }, e.set)), set: options.set, html: options.html, checkedWith: checkHash() });
    if (unchanged !== undefined) {
      // Not read again, and so not checked again: what its check found is said again, as the manifest kept it.
      if (typeof options.repeatFindings === 'function' ? options.repeatFindings(file) : options.repeatFindings !== false) {
        for (const f of manifest.canvases[key]?.findings ?? []) report({ kind: 'finding', finding: { ...f, file, rule: f.rule as FindingAt['rule'] } });
        for (const message of manifest.canvases[key]?.sinceWarnings ?? []) report({ kind: 'notice', message });
      }
      if (options.set === undefined) readInFull.add(key);
      for (const hit of unchanged) {
        alive.add(hit.name.toLowerCase());
        names.claim(hit.name, briefingOf(file, hit.entry.set, manifest.canvases[key]?.sets));
        current(file, hit);
      }
      continue;
    }
    let checked: CheckedCanvas;
    let text: string | undefined;
    try {
      text = bytes && decodeCanvas(bytes, file);
      checked = await run.checkCanvas(file, { ...options, previous, theme: options.theme, themes }, text);
    } catch (error) {
      emit({ kind: 'failed', canvas: file, ms: Date.now() - started, error: inBriefing(error, file) });
      continue;
    }
    const known = checked.findings.map(({ file: _, metrics: _m, figure: _f, ...f }) => f); // what the run said of it, not what an acknowledgement names
    if (sha !== undefined) manifest.canvases[key] = { sha256: sha, sets: checked.availableSets, ...(checked.canvasTheme === undefined ? {} : { theme: checked.canvasTheme }), findings: known, ...(checked.sinceWarnings.length > 0 ? { sinceWarnings: checked.sinceWarnings } : {}), checkedWith: checkHash() };
    // Printed with --since last time, and not now: the chapter goes, which a send would not say (README "Sending").
    const lastSince = since === undefined ? checked.models.map((m) => manifest.briefings[m.name]?.since).find((s) => s !== undefined) : undefined;
    if (lastSince !== undefined) {
      report({ kind: 'notice', message: `${file}: its briefings were last built with --since ${lastSince}, with a "Changes since" chapter; they are printed again without it (give --since ${lastSince} to keep it)` });
    }
    const briefingContext = withTheme(context, checked.theme?.dir);
    for (const finding of checked.findings) report({ kind: 'finding', finding });
    for (const message of checked.sinceWarnings) report({ kind: 'notice', message });
    if (options.set === undefined) readInFull.add(key);
    if (checked.skipped !== undefined) {
      emit({ kind: 'skipped', canvas: file, ms: Date.now() - started, reason: checked.skipped, availableSets: checked.availableSets });
      continue;
    }
    for (const model of checked.models) {
      alive.add(model.name.toLowerCase());
      const known = journalKey(model);
      const { content } = known;
      const revises = await revisesOf(model.name, known, { file, text: text!, ...(options.theme === undefined ? {} : { theme: options.theme }) }, model.setKey);
      const modelContext = withRevision(withPageSize(briefingContext, pageSizeOf(options.pageSize, model.meta.language)), revises);
      const inputs = inputsHash(modelContext, content);
      const who = briefingOf(file, model.setKey, checked.availableSets);
      try {
        names.check(model.name, who);
        const earlier = earlierWriter(manifest, outDir, model.name, key, sha);
        if (earlier !== undefined) {
          throw new BriefingError(
            `${who}: would overwrite ${join(outDir, `${model.name}.pdf`)}, written from ${earlier} by an earlier build; nothing was written. ` +
              'Rename a canvas or block set so their names differ, build them into different --out folders, or delete that PDF if its briefing is no longer wanted.',
            EXIT.usage,
          );
        }
        names.claim(model.name, who);
      } catch (error) {
        emit({ kind: 'failed', canvas: file, name: model.name, set: model.setKey, ms: 0, error: inBriefing(error, file, who) });
        continue;
      }
      const hit = options.force ? undefined : await briefingCurrent(manifest, outDir, model.name, { canvas: key, inputs, html: options.html });
      if (hit && sha !== undefined) hit.entry.canvasSha256 = sha; // the same briefing from the canvas as it is now
      // What the journal knows it by, for the next build's fast path (an older manifest's entry lacks it).
      if (hit) Object.assign(hit.entry, { route: known.route, contentBefore: known.contentBefore });
      if (hit) current(file, hit);
      else {
        const held = jobs.length < (options.heldModels ?? HELD_MODELS) ? model : undefined;
        // Past those held, a model is kept packed (serialized, compressed: about 35 KB for a briefing of the sample, a
        // megabyte live) while the packed ones fit in PACKED_MODEL_BYTES; only past that is it made again from the canvas.
        const packed = held === undefined && packedBytes < (options.packedModelBytes ?? PACKED_MODEL_BYTES) ? packModel(model) : undefined;
        packedBytes += packed?.length ?? 0;
        const { name, setKey, namedByPeriod, namedByDate, meta: { title, asOf, language }, cover: { period } } = model;
        const canvasText = text!;
        const full = async () => held ?? (packed === undefined ? remodel(file, canvasText, previous, setKey, content) : unpackModel(packed, who, content));
        const reason = printReason(manifest.briefings[name], { canvas: key, canvasSha256: sha, ...(bytes === undefined ? {} : { canvasBytes: sha256(bytes) }), ...(since === undefined ? {} : { since: { since, ...(previous?.at === undefined ? {} : { at: previous.at }) } }), content, context: modelContext, force: options.force === true, ...(revises === undefined ? {} : { revises: revises.edition }) });
        if (jobs.length === 0) warm?.();
        jobs.push({ file, key, sha: sha ?? '', text: canvasText, previous, model: { name, setKey, namedByPeriod, namedByDate, meta: { title, asOf, language }, cover: { period } }, full, content, sets: checked.availableSets, known, inputs, reason, browser, context: modelContext, theme: checked.theme, since, sinceAt: kept?.at ?? previous?.at, ...(revises === undefined ? {} : { revises }) });
      }
    }
  }
  if (signal?.aborted) return outcomes;
  // A model neither held nor packed after planning is made again from the canvas as read, as planning made it: the same
  // checkCanvas, once per canvas for its briefings (they are planned, and so printed, one after the other).
  let lastChecked: { file: string; checked: Promise<CheckedCanvas> } | undefined;
  const remodel = async (file: string, text: string, previous: CanvasVersion | undefined, setKey: string, content: string): Promise<BriefingModel> => {
    if (lastChecked?.file !== file) lastChecked = { file, checked: checkCanvas(file, { ...options, previous, theme: options.theme, themes }, text) };
    const { models, availableSets } = await lastChecked.checked;
    const model = models.find((m) => m.setKey === setKey);
    if (model === undefined || contentHash(model) !== content) throw new BriefingError(`${briefingOf(file, setKey, availableSets)}: its briefing came out differently when made again for printing`, EXIT.internal);
    return model;
  };

  // Print what is not up to date, a few briefings at once (--jobs): while the browser prints one, the
  // next one's charts and HTML are drawn. Each is recorded in the manifest as soon as it is written.
  // Outcomes are reported in the order the briefings were planned, whatever order they finish in, so
  // that a build says the same lines every time (a queue's, as they come).
  if (jobs.length > 0) report({ kind: 'queued', names: jobs.map((j) => j.model.name) });
  const finished: Array<BriefingOutcome | null | undefined> = jobs.map(() => undefined); // null: nothing to say
  let reported = 0;
  const reportInOrder = () => {
    for (; reported < jobs.length && finished[reported] !== undefined; reported++) {
      const outcome = finished[reported];
      if (outcome) emit(outcome);
    }
  };
  // The manifest is saved whole (a rename) after each briefing, so that a build killed at any point has on record the
  // PDFs it wrote. Each briefing queued a save of its own, which serialised the whole manifest (about 2 KB a briefing)
  // even when an earlier save had written its entry already: briefings finishing together (a queue's results collected
  // at once) each waited for that, 1,000 of them serialising up to 2 MB 1,000 times, 3 s of node (3,000: 52 s). So saves
  // coalesce: at most one runs and one waits, and a briefing recorded meanwhile joins the waiting one, which serialises
  // the manifest when it starts, its entry in it. Each briefing still waits for a save begun after its entry was made,
  // and a failure of that save is its own (below). A save that failed does not fail the next one untried.
  let running: Promise<void> | undefined;
  let waiting: Promise<void> | undefined;
  const save = (): Promise<void> => {
    if (waiting !== undefined) return waiting;
    const start = () => {
      waiting = undefined;
      return (running = saveManifest().finally(() => {
        running = undefined;
      }));
    };
    if (running === undefined) return start();
    return (waiting = running.catch(() => {}).then(start));
  };
  /** A briefing failed as the manifest recording it could not be written: said then, not again at the end. */
  let manifestFailed = false;
  let noBrowser = false;
  /** The output folder took no more files (takesNoFiles: ENOSPC, EDQUOT, EROFS): no briefing is begun after that. */
  let stoppedFor: string | undefined;
  /**
   * Which stopped the build first: a briefing not begun after it is not built for that reason. (Both may happen: a
   * briefing printing as the folder fills finds no browser, gone mid-build, or the reverse.)
   */
  let stoppedFirst: 'browser' | 'output' | undefined;
  /** A queue's Redis was out of reach at --max-wait: said by the first briefing it failed, the others are not built. */
  let redisLost = false;
  /** Not built for want of a browser, (`output`) as the output folder took no more files, or (`queue`) as Redis was out of reach at --max-wait. */
  const notBuilt = ({ file, model: { name, setKey }, sets }: Job, why: 'browser' | 'output' | 'queue' = stoppedFirst ?? 'output'): FailedBriefing => ({
    kind: 'failed', canvas: file, name, set: setKey, ms: 0, notBuilt: true,
    error: why === 'browser'
      ? new BriefingError(`${briefingOf(file, setKey, sets)}: not built: no browser to print with (see the error above)`, EXIT.browserNotFound)
      : why === 'queue'
        ? new BriefingError(`${briefingOf(file, setKey, sets)}: not built: Redis was out of reach at --max-wait (see the error above)`, EXIT.queue, { kind: REDIS_LOST_AT_MAX_WAIT })
        : new BriefingError(`${briefingOf(file, setKey, sets)}: not built: the output folder ${outDir} takes no more files (${stoppedFor}; see the error above)`, EXIT.output),
  });
  let maker: Maker;
  /** What a briefing given up as the output folder filled is told (Maker.stop): its outcome is notBuilt's. */
  const givenUp = new BriefingError(`the output folder ${outDir} takes no more files: not built`, EXIT.output);
  // Where each briefing this run printed put its chapters and cut its tables, by its inputs' hash.
  const printedLayouts = new RecentMap<string, Pick<MadeBriefing, 'contents' | 'breaks'>>(PRINTED_LAYOUTS);
  const printJob = async (job: Job): Promise<BriefingOutcome | null> => {
    const { file, key, sha, model, content, inputs, context } = job;
    let t0 = Date.now(); // from when its printing starts: a queued briefing's time waiting for a worker is not its own
    const { name } = model;
    let inPlace = false; // its new PDF is written
    try {
      const edition = editionOf(inputs);
      const last = manifest.briefings[name];
      // A briefing this run printed already under another name (a copy of a canvas: the same inputs, and so the
      // same PDF) is printed at once with its pages and cuts, as a rebuild of it would be.
      const twin = printedLayouts.get(inputs);
      // Cuts are kept only for the same content in the same context (page size, browser, theme, tool): a cut a
      // print could not prove wrong (one row early) would otherwise outlive an edit that moved the table.
      const same = last !== undefined && last.content === content && last.context === context;
      // An edited briefing whose tables broke is drafted as a new one is: with its last pages but not its cuts, a
      // whole print would show where its tables break, and a second print cut them there, where a draft (a third
      // of a print) finds both pages and cuts.
      const cutBefore = Object.keys(validBreaks(last?.breaks)).length > 0;
      const predicted = twin?.contents ?? (same || !cutBefore ? last?.contents : undefined);
      const predictedBreaks = twin?.breaks ?? (same ? last.breaks : undefined);
      // Timed from when its printing starts: on a queue, the last take's (a retry's time is not the wait for the worker before).
      // A revised edition says which it replaces and what it corrects: the comparison the message of a send lists (changesSince).
      const revision = job.revises === undefined ? undefined : await revisionOf(job.revises, job, since, options.theme);
      const built = await maker.make(job, { edition, predicted, predictedBreaks, ...(revision === undefined ? {} : { revision }) }, (retried) => {
        t0 = Date.now();
        if (retried === undefined) report({ kind: 'printing', canvas: file, name, reason: job.reason });
      });
      printedLayouts.set(inputs, { contents: built.contents, breaks: built.breaks });
      const html = options.html ? built.html : undefined;
      const wrote = await writeBriefing(outDir, name, built.pdf, html);
      inPlace = true;
      const written: Record<string, string> = { [`${name}.pdf`]: sha256(built.pdf) };
      if (html !== undefined) written[`${name}.html`] = sha256(html);
      // An HTML copy from an earlier build with --html stays on record if it shows the same briefing, and goes if not.
      const earlierHtml = html === undefined ? manifest.briefings[name]?.files[`${name}.html`] : undefined;
      if (earlierHtml !== undefined) {
        if (manifest.briefings[name].inputs === inputs) written[`${name}.html`] = earlierHtml;
        else report({ kind: 'removed', name, reason: 'stale-html', ...(await removeOutputs(outDir, { [`${name}.html`]: earlierHtml })) });
      }
      manifest.briefings[name] = { canvas: key, canvasSha256: sha, set: model.setKey, title: model.meta.title, content, route: job.known.route, contentBefore: job.known.contentBefore, inputs, context, edition, pages: built.pages, contents: built.contents, ...(Object.keys(built.breaks).length > 0 ? { breaks: built.breaks } : {}), ...(model.namedByPeriod ? { archive: true } : {}), ...(model.namedByDate === undefined ? {} : { namedByDate: model.namedByDate }), asOf: model.meta.asOf, period: model.cover.period, files: written, ...(job.since === undefined ? {} : { since: job.since }), ...(job.sinceAt === undefined ? {} : { sinceAt: job.sinceAt }), ...(job.previous === undefined ? {} : { sinceSha256: job.previous.sha256 }), ...(job.revises === undefined ? {} : { revises: job.revises.edition }), builtWith: { pageSize: pageSizeOf(options.pageSize, model.meta.language), languagePageSize: languagePageSize(model.meta.language), ...(options.theme === undefined ? {} : { theme: options.theme }) } };
      // Each briefing's save is one begun after its entry: one that failed (a full disk, freed since) does not fail the later ones untried.
      await save().catch((error: unknown) => {
        manifestFailed = true;
        const why = error instanceof Error ? error.message : String(error);
        throw new BriefingError(`${why}; its new ${name}.pdf is in place, but may not be on record there (the next build prints again a briefing not on record)`, EXIT.output, { cause: error });
      });
      return { kind: 'built', canvas: file, name, pdf: wrote.pdf, html: wrote.html, pages: built.pages, edition, ms: Date.now() - t0, ...(built.collected ? { collected: true } : {}), ...(built.retried === undefined ? {} : { retried: built.retried }), warnings: built.warnings };
    } catch (error) {
      const failure = inBriefing(error, file, briefingOf(file, model.setKey, job.sets));
      // Without a browser no later briefing can print either: say so once, not once per briefing; the others are not built.
      if (failure.exitCode === EXIT.browserNotFound) {
        if (noBrowser) return notBuilt(job, 'browser');
        noBrowser = true;
        stoppedFirst ??= 'browser';
      }
      // So too a queue's Redis out of reach at --max-wait: every briefing awaited fails of it at once (one error, not 48 alike).
      if (failure.kind === REDIS_LOST_AT_MAX_WAIT) {
        if (redisLost) return notBuilt(job, 'queue');
        redisLost = true;
      }
      // An output folder that takes no more files (full, read-only) takes none of the briefings after this one either:
      // no other is begun, and this failure says so, once. Those printing meanwhile finish, and are written if the
      // folder takes them after all (the write is whole or nothing); if not, they count as not built, as the rest.
      // (A failure to write elsewhere, a browser's profile in a full TMPDIR, is no failure of the output folder's.)
      const full = failure.exitCode === EXIT.output ? takesNoFiles(error) : undefined;
      // Given up as the folder filled (Maker.stop: a queue's briefing no worker had begun): not built, as the rest.
      if (error === givenUp) return notBuilt(job, 'output');
      if (full !== undefined) {
        if (stoppedFor === undefined) {
          stoppedFor = full;
          stoppedFirst ??= 'output';
          void maker.stop?.(givenUp).catch(() => {}); // what a queue could not take back is collected, and not written
          const { why, fix } = takesNoFilesWords(full);
          const stop = `The output folder ${outDir} takes no more files (${why}): no briefing is printed after this one, and those not written keep their previous PDFs. To build them, ${fix} (or give another --out) and build again.`;
          return { kind: 'failed', canvas: file, name, set: model.setKey, ms: Date.now() - t0, error: new BriefingError(`${failure.message.replace(/\.$/, '')}. ${stop}`, EXIT.output, { cause: error }) };
        }
        if (!inPlace) return notBuilt(job, 'output');
      }
      return { kind: 'failed', canvas: file, name, set: model.setKey, ms: Date.now() - t0, error: failure };
    }
  };
  let taken = 0;
  const worker = async () => {
    while (taken < jobs.length && !signal?.aborted && !noBrowser && stoppedFor === undefined) {
      const index = taken++;
      const outcome = await printJob(jobs[index]);
      if (maker.inOrder) {
        finished[index] = outcome;
        reportInOrder();
      } else {
        finished[index] = null;
        if (outcome) emit(outcome);
      }
    }
  };
  // The maker first (a queue that cannot be reached fails the build before anything is queued), then the jobs, a few at once.
  if (jobs.length > 0) {
    maker = await makeMaker();
    await Promise.all(Array.from({ length: Math.min(maker.concurrency, jobs.length) }, worker));
  }
  // Stopped as the output folder took no more files, or for want of a browser: the briefings not begun are not built, each
  // said in the closing line's count.
  if ((stoppedFor !== undefined || noBrowser) && !signal?.aborted) {
    for (; taken < jobs.length; taken++) finished[taken] = notBuilt(jobs[taken]);
    reportInOrder();
  }
  // Stopped early (a signal, no browser): briefings written after one still printing when it stopped are reported too.
  for (const outcome of finished.slice(reported)) if (outcome?.kind === 'built') emit(outcome);
  if (signal?.aborted) return outcomes;
  // A canvas saved again while its briefings printed (a queued batch takes hours): they show it as read, which is said.
  for (const file of new Set(outcomes.filter((o) => o.kind === 'built').map((o) => o.canvas))) {
    const read = readAs.get(file);
    const now = await readFile(file).then((b) => sha256(b), () => undefined);
    if (read === undefined || now === read.sha256) continue;
    const when = read.at.toTimeString().slice(0, 8);
    report({
      kind: 'notice',
      changed: { file, deleted: now === undefined },
      message: now === undefined
        ? `${file}: deleted while its briefings were being printed: they show the canvas as it was read (at ${when}), and the next build removes them`
        : `${file}: saved again while its briefings were being printed: they show the canvas as it was read (at ${when}); the next build prints the edit, if it changes them`,
    });
  }

  // Clean up: the files of briefings that no longer exist go, and so do records of canvases that are gone.
  // Present even when it cannot be read now (a link to a share not mounted): its briefings failed, and keep their PDFs.
  // One watch awaits (BuildOptions.awaited) counts as present too: gone for a moment, as some saves have it.
  const exists = (k: string) => canvasPresent(canvasOfKey(outDir, k)) || options.awaited?.(canvasOfKey(outDir, k)) === true;
  const vanished = vanishedBriefings(manifest, { readInFull, alive, exists });
  // A briefing named after its period that a later period's replaced stays, as the archive the name promises (or one
  // of a later date than its canvas now gives, a draft); the same period renamed, and any other, goes.
  const fates = fatesOfVanished(manifest, vanished, exists);
  for (const name of vanished) {
    const entry = manifest.briefings[name];
    const fate = fates.get(name)!;
    if (fate === 'archived' || fate === 'later' || fate === 'same-date') {
      // No longer the build's to touch.
      delete manifest.briefings[name];
      report({ kind: 'removed', name, reason: fate, removed: [], kept: Object.keys(entry.files).map((f) => join(outDir, f)) });
      continue;
    }
    try {
      const { removed, kept } = await removeOutputs(outDir, manifest.briefings[name].files);
      delete manifest.briefings[name];
      report({ kind: 'removed', name, reason: fate, removed, kept });
    } catch (error) {
      // The briefings themselves are built; a file that cannot go stays on record and is tried again next time.
      report({ kind: 'notice', message: (error as Error).message });
    }
  }
  for (const k of Object.keys(manifest.canvases)) if (!exists(k)) delete manifest.canvases[k];
  // Every briefing waited for its save: none runs now (and if one did, the final save comes after it, as it must).
  await (waiting ?? running)?.catch(() => {});
  // A manifest the folder cannot take (full, read-only) fails the build with the briefings' outcomes, said and counted
  // in the closing line: thrown, it lost them, and the build ended on the one error.
  await saveManifest().catch((error: unknown) => {
    if (!(error instanceof BriefingError)) throw error;
    if (manifestFailed) return; // a briefing's failure said so, and what it means
    emit({ kind: 'failed', canvas: join(outDir, MANIFEST_FILE), folderFile: 'manifest', ms: 0, error: new BriefingError(`${error.message}; the PDFs written are in place, but what this build did is not on record there (the next build prints again a briefing not on record)`, EXIT.output, { cause: error }) });
  });
  return outcomes;
}

const MAX_PASSES = 5;
/** The contents list's id among the tables whose breaks a print reports (render-html.ts CONTENTS, not loaded before a build needs it). */
const CONTENTS_CUTS = 'toc';

/** Layouts a build remembers for the copies of a briefing it printed (a few hundred bytes each). */
const PRINTED_LAYOUTS = 4096;

/**
 * Briefings of a build whose model is kept from planning to printing; those after them are modelled
 * again when their turn comes. A model of the sample is about a megabyte in memory: a batch of a
 * thousand briefings held its every model, well over a gigabyte, before printing the first.
 */
const HELD_MODELS = 32;

/**
 * What the models of the briefings past HELD_MODELS may take packed (packModel), in all: 64 MB, some 1,800 briefings
 * of the sample. Unpacking one takes about 2 ms where checking its canvas again took 300-500 ms (a build of 200
 * briefings spent about 20 CPU-s so); past this, a model is made again from its canvas as before.
 */
const PACKED_MODEL_BYTES = 64 * 1024 * 1024;

/** A model as a compact copy, off the heap: serialized (node:v8, which keeps every value as it is) and compressed. */
function packModel(model: BriefingModel): Buffer {
  return deflateRawSync(serialize(model), { level: 1 });
}

/** The model packModel packed, checked to be the one planned (its content hash). */
function unpackModel(packed: Buffer, who: string, content: string): BriefingModel {
  const model = deserialize(inflateRawSync(packed)) as BriefingModel;
  if (contentHash(model) !== content) throw new BriefingError(`${who}: its briefing came out differently when unpacked for printing`, EXIT.internal);
  return model;
}

/**
 * Charts, HTML and PDF for one briefing. The contents page needs the page of every
 * chapter, known only after printing: print, read where each anchor landed, fill the
 * numbers in, and print again until the pages stop moving. The first print is a draft,
 * unless `predicted` gives the pages (where the last build of this briefing, or of a copy, put them):
 * then the real thing is printed at once, and kept if the chapters landed there.
 * A table that breaks across pages is printed in parts, each after the first on a new page
 * with "(continued)" in its header. Where it breaks is also known only from a print: a table
 * is cut where it broke printed whole (a part lays out as the whole table did: render-html.ts
 * tableParts), taken from the draft (which lays out as the real thing) or, with `predicted`,
 * where a build of the same content cut it (`predictedBreaks`), so that most briefings take two prints, or
 * one. A print is kept only when its tables broke exactly where their parts begin: cuts that
 * were guessed wrong are undone and taken from a whole print whose pages were right, once;
 * if even those do not lay out as the whole did, the tables are printed whole.
 * Without a run (startRun) it starts one of its own (its renderers for this briefing only; the charts drawn are the process's).
 */
export async function buildBriefing(
  model: BriefingModel,
  options: { pageSize: PageSize; edition?: string; predicted?: Record<string, number>; predictedBreaks?: TableBreaks; theme?: Theme; revision?: Revision },
  printer: Printer,
  run?: BuildRun,
) {
  run ??= await startRun();
  const { renderCharts } = await import('./charts/render-charts.ts');
  let { svgs, warnings: chartWarnings } = await renderCharts(model.charts, run.charts);
  const { revision } = options;
  const revised = revision === undefined ? {} : { revision: { replaces: revision.edition, line: (await import('./render/render-html.ts')).revisionText(revision).line } };
  // The model as drawn: its key charts lower where they did not share a page (keyChartFit).
  let drawn = model;
  const fit = keyChartFit(model);
  let fitting = 0; // prints that only told where the key charts landed (at most 4): not counted against MAX_PASSES
  const job = {
    pageSize: options.pageSize,
    metadata: { ...model.meta, edition: options.edition, creator: 'canvas-briefing', date: new Date(`${model.meta.asOf}T00:00:00Z`), ...revised },
  };
  let pages = prediction(model, options.predicted);
  // Where tables are cut: whole until a print shows where they break, or where the last build cut them.
  let breaks: TableBreaks = pages === undefined ? {} : validBreaks(options.predictedBreaks);
  // Cuts guessed (from a draft or the last build) may be undone; cuts from a whole print whose pages were right are final.
  let guessed = Object.keys(breaks).length > 0;
  let whole = false; // tables stay whole: cutting them did not lay them out as they were
  // The contents list is kept on one page until a print shows it longer than one (it broke all the same); a build
  // that cut it found that already.
  let longContents = breaks[CONTENTS_CUTS] !== undefined;
  for (let pass = 1; ; pass++) {
    // Its fonts linked, not embedded: the printer serves them as they are, where a megabyte of base64 in every
    // pass's HTML was copied, hashed, searched and decoded again on the way to the browser.
    const rendered = run.rendererFor(options.theme).render(drawn, { svgs, pages, breaks, longContents, pageSize: options.pageSize, edition: options.edition, ...(revision === undefined ? {} : { revision }), fontsAt: ASSETS_URL });
    const served = { ...job, assets: assetsOf(rendered.fonts), marginText: rendered.marginText };
    // The first pass only finds out where the chapters land: a draft is enough. Later passes print the
    // real thing, since each of them may turn out to be the last.
    const finished = pages === undefined ? undefined : await printer.print(rendered.html, { ...served, headings: rendered.headings });
    const printed: DraftResult = finished ?? await printer.draft(rendered.html, served);
    const missing = model.toc.filter((e) => printed.anchors[e.anchor] === undefined).map((e) => e.anchor);
    if (missing.length > 0) {
      throw new BriefingError(`${model.name}: the printed PDF has no page for ${missing.join(', ')}; the contents page would be wrong`, EXIT.render);
    }
    // A cover that ran onto the next page prints its last lines over that page's, which has no running head nor page
    // number (a cover page's): a broken PDF, and the previous one is kept. The cover's layout does not depend on the
    // contents' numbers, so the first print tells.
    if (pass === 1 && (printed.anchors[COVER_END] ?? 1) > 1) throw coverSpill(model, options.theme?.settings.logo !== undefined);
    // Key charts on more than one page: drawn at another height, which moves all that follows. Drafted again, from the start.
    const height = fit(printed.anchors);
    if (height !== undefined) {
      drawn = keyChartsAt(model, height);
      ({ svgs, warnings: chartWarnings } = await renderCharts(drawn.charts, run.charts));
      [pages, breaks, guessed, whole] = [undefined, {}, false, false];
      fitting += 1;
      continue;
    }
    const broke = tableBreaks(rendered.tables, printed.anchors);
    // A contents list that broke though kept on one page is longer than a page: it flows on from where it starts,
    // which moves all that follows it. Drafted again, from the start, and cut where that draft breaks it.
    if (!longContents && broke[CONTENTS_CUTS] !== undefined) {
      longContents = true;
      [pages, breaks, guessed, whole] = [undefined, {}, false, false];
      continue;
    }
    const cut = Object.keys(breaks).length > 0;
    const settled = pages !== undefined && model.toc.every((e) => pages![e.anchor] === printed.anchors[e.anchor]);
    // A cut table that broke anywhere but at its cuts: the parts did not lay out as the whole did, and a part
    // may end a page early. Guessed cuts give way to a whole print's; those failing too, the tables stay whole.
    if (cut && Object.entries(broke).some(([id, rows]) => rows.some((row) => !breaks[id]?.includes(row)))) {
      whole = !guessed;
      guessed = false;
      breaks = {};
      pages = printed.anchors;
      continue;
    }
    // Kept once the chapters are where the contents say and the tables that broke are cut there (a part
    // that still runs on repeats its header, which says "(continued)" from the second part on).
    if (finished && settled && (cut || whole || Object.keys(broke).length === 0)) {
      const warnings = [...chartWarnings, ...rendered.warnings, ...finished.blocked.map((url) => `blocked a request for ${url}`), ...type3Warning(finished.type3Pages)];
      const contents = Object.fromEntries(model.toc.map((e) => [e.anchor, finished.anchors[e.anchor]]));
      let html: string | undefined;
      return {
        pdf: finished.pdf, pages: finished.pages, contents, breaks, warnings,
        /** The self-contained HTML (fonts embedded), as --html writes it: made when first read, as it copies a megabyte of base64 that most builds never write. */
        get html(): string {
          return (html ??= rendered.standalone());
        },
      };
    }
    if (pass - fitting >= MAX_PASSES) {
      throw new BriefingError(`${model.name}: the pages did not settle after ${pass} prints (the contents' page numbers or where tables break keep moving)`, EXIT.render);
    }
    pages = printed.anchors;
    // Cut where the tables broke printed whole: in the draft (laid out as the real thing, but with the
    // contents' numbers empty: a guess), or in a print whose contents showed the right pages. Cuts are not
    // added to cuts: each new one would be made for a layout the earlier ones changed, and could leave a
    // page part empty.
    if (!cut && !whole && (finished === undefined || settled)) {
      breaks = broke;
      guessed = finished === undefined;
    }
  }
}

/**
 * Where the key-figures page's charts are drawn to share a page. Printed at their height (KEY_CHART_SIZE), two or more
 * key charts that land on more than one page (the first under the cards, the next alone on the page after, most of it
 * left empty) are drawn lower, all at one height: the lowest of KEY_CHART_HEIGHTS first, and if they share a page then,
 * the others from the highest down, the first they share a page at kept (else the lowest). If even the lowest does not
 * bring them together they are drawn as they were, and the page breaks between them: what follows the lone chart (the
 * contents, kept whole) starts under it where it fits. Called with each print's anchors; returns the height to draw them
 * at and print again, or undefined to go on with the print (the height is settled from the first print on that
 * needs no other). A theme's chart partial without the figure's id says nothing of where a chart landed: left as it is.
 */
export function keyChartFit(model: BriefingModel): (anchors: Record<string, number>) => number | undefined {
  const full = KEY_CHART_SIZE.height;
  const lowest: number = KEY_CHART_HEIGHTS.at(-1)!;
  const higher: number[] = KEY_CHART_HEIGHTS.slice(0, -1);
  let height = full;
  let settled = model.keyCharts.length < 2;
  return (anchors) => {
    if (settled) return undefined;
    const landed = model.keyCharts.map((c) => anchors[c.anchor]);
    const together = landed.some((page) => page === undefined) || new Set(landed).size === 1;
    let next: number;
    if (height === full) next = together ? full : lowest;
    else if (height === lowest) next = together ? higher[0] ?? lowest : full;
    else next = together ? height : higher[higher.indexOf(height) + 1] ?? lowest;
    // Settled when it stays, or when it goes back to a height printed already (its layout is known, from above or below).
    settled = next === height || next === full || (next === lowest && height !== full);
    if (next === height) return undefined;
    height = next;
    return next;
  };
}

/**
 * The failure of a cover that needs more than its page, naming what the canvas puts on it, longest first: what to
 * shorten. The cover's spaces have already shrunk as far as they go (styles/briefing.css).
 */
function coverSpill(model: BriefingModel, logo: boolean): BriefingError {
  const set = model.setKey;
  const parts: Array<[string, string | undefined]> = [
    ['company.name', model.company.name],
    ['company.native_name', model.company.nativeName],
    ['briefing.title', model.cover.title],
    [`block_sets.${set}.title`, model.cover.setTitle],
    [`block_sets.${set}.description`, model.cover.setDescription],
    ['briefing.prepared_for', model.cover.preparedFor],
    ['briefing.confidentiality', model.confidentiality],
  ];
  const named = parts
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([field, text]) => ({ field, length: Array.from(text).length }))
    .sort((a, b) => b.length - a.length)
    .map(({ field, length }) => `${field} (${length} characters)`);
  return new BriefingError(
    `${model.name}: the cover needs more than one page, and would print its last lines over the next page's heading, without running head or page number. ` +
      `Shorten what the cover prints: ${named.join(', ')}${logo ? " (the theme's logo takes room on it too)" : ''}. The previous PDF, if any, is kept`,
    EXIT.render,
    { kind: 'cover too long' },
  );
}

/** Font files as the printer serves them. */
function assetsOf(fonts: Record<string, Uint8Array>): Record<string, PrintAsset> {
  return Object.fromEntries(Object.entries(fonts).map(([name, body]) => [name, { body, contentType: 'font/woff2' }]));
}

/** Cuts as a manifest recorded them, if they look like cuts (table id -> ascending row indexes); else none. */
function validBreaks(recorded: unknown): TableBreaks {
  if (recorded === null || typeof recorded !== 'object') return {};
  const entries = Object.entries(recorded as Record<string, unknown>);
  const valid = entries.every(([id, rows]) => /^(tbl-\d+|toc)$/.test(id) && Array.isArray(rows) && rows.length > 0 && rows.every((r, i) => Number.isInteger(r) && r > 0 && (i === 0 || r > rows[i - 1])));
  return valid ? Object.fromEntries(entries) as TableBreaks : {};
}

/** Where each table broke in a print: the tracked rows that landed on a later page than the tracked row before them. */
function tableBreaks(tables: TrackedTable[], anchors: Record<string, number>): TableBreaks {
  const breaks: TableBreaks = {};
  for (const { id, rows } of tables) {
    const found = rows.filter((row, i) => {
      const [page, before] = [anchors[`${id}-r${row}`], i > 0 ? anchors[`${id}-r${rows[i - 1]}`] : undefined];
      return page !== undefined && before !== undefined && page > before;
    });
    if (found.length > 0) breaks[id] = found;
  }
  return breaks;
}

/** The predicted page of every chapter in the contents, or undefined unless there is one for each (a chapter added, a manifest edited by hand). */
function prediction(model: BriefingModel, predicted: Record<string, number> | undefined): Record<string, number> | undefined {
  if (predicted === undefined || model.toc.length === 0) return undefined;
  const pages: Record<string, number> = {};
  for (const { anchor } of model.toc) {
    const page = Object.hasOwn(predicted, anchor) ? predicted[anchor] : undefined;
    if (!Number.isInteger(page) || page! < 1 || page! > 100_000) return undefined;
    pages[anchor] = page!;
  }
  return pages;
}

/**
 * A failure as the user reads it: naming the canvas (and block set: `where`, briefingOf) it happened in, unless the
 * message does already (schema errors start with file:line) or it is the run's, not the canvas's (no browser).
 * Anything not a BriefingError is a bug: exit code 1, with the original as its cause.
 */
function inBriefing(error: unknown, file: string, where = file): BriefingError {
  if (!(error instanceof BriefingError)) {
    return new BriefingError(`${where}: internal error: ${(error as Error)?.message ?? String(error)}`, EXIT.internal, { cause: error });
  }
  if (error.message.startsWith(file) || error.exitCode === EXIT.browserNotFound) return error;
  return new BriefingError(`${where}: ${error.message}`, error.exitCode, { cause: error, ...(error.kind === undefined ? {} : { kind: error.kind }) });
}

/** The project config (briefing.config.yaml), loaded and checked. */
export interface ProjectConfig {
  file: string;
  config: Config;
  loaded: LoadedCanvas;
}

/** Loads and validates the project config; problems are BriefingErrors at file:line:column (exit 3), a missing file a usage error. */
export async function loadConfig(file: string): Promise<ProjectConfig> {
  const [{ loadCanvas }, { validateConfig }] = await Promise.all([import('./load/load-canvas.ts'), import('./validate/validate-config.ts')]);
  const loaded = await loadCanvas(file, 'config');
  return { file, config: validateConfig(loaded), loaded };
}

/** Refuses (at the config's line) routes naming briefings the canvases do not have. */
export async function checkConfigRoutes(project: ProjectConfig, briefingNames: string[]): Promise<void> {
  const { checkRoutes } = await import('./validate/validate-config.ts');
  checkRoutes(project.loaded, project.config, briefingNames);
}

/** What `briefing send` does with the briefings it was given. */
export interface SendRequest {
  outDir: string;
  /**
   * The project's folder (where its config is): the send journal is kept there, not in `outDir`, so that deleting the
   * output folder or sending with another --out forgets nothing that was sent.
   */
  projectDir: string;
  project: ProjectConfig;
  /** Only these lists (--list). */
  lists?: string[];
  /** Instead of the lists, these addresses (--to): each briefing once. */
  to?: string[];
  dryRun: boolean;
  /** Send again what the journal records as sent. */
  resend: boolean;
  /** BRIEFING_SMTP_URL, which wins over the config's mail.smtp. */
  smtpUrl?: string;
  /** Write the messages to <outDir>/outbox/ whatever SMTP server is configured (send --outbox). */
  outbox?: boolean;
  /** Where smtpUrl came from, for messages about it ("BRIEFING_SMTP_URL"). */
  smtpSource?: string;
  /** First wait before trying a message again (doubled each time); default 2 s. */
  backoffMs?: number;
  /** How long an SMTP server has to greet once connected (default 20 s); tests shorten it. */
  greetingTimeoutMs?: number;
  /** Aborted (Ctrl-C): the message going out is finished, none begun after it, none tried again. */
  signal?: AbortSignal;
  /**
   * On a dry run, what a build would make each briefing (by name) from but its model: the context (contextHash with its
   * theme) and the canvas as read (sha256), so that why a real run would print it first is said as build --verbose says
   * it (plan/ printReason). Without it, only the model and the PDF are compared.
   */
  planned?: Map<string, { context: string; canvasSha256?: string }>;
  /**
   * What each briefing (by name) is made from: its canvas file, its text as read and the theme it is built with. Kept in the
   * send journal with what went, so that a revised edition's message lists what changed since the edition it replaces
   * (without it, or for an edition sent before it was kept, the message says only that figures or words changed).
   */
  sources?: Map<string, BriefingSource>;
  /** What the send's run read and checked already (its build's too), and sending reads again: none, and sending reads its own. */
  run?: SendRun;
}

/** A briefing's canvas as a send gets it (SendRequest.sources). */
export interface BriefingSource {
  file: string;
  text: string;
  /** --theme, as the build was given it. */
  theme?: string;
}

/** A briefing that cannot be sent at all (no PDF, over the size limit). */
export interface RefusedEvent {
  kind: 'refused';
  briefing: string;
  error: BriefingError;
}

export type SendEvent = MessageEvent | RecipientEvent | RefusedEvent | RetryEvent | TwiceEvent | JournalEvent | SupersededEvent | StrandedEvent | ChapterOnlyEvent;
export type { ChapterOnlyEvent, JournalEvent, MessageEvent, RecipientEvent, RetryEvent, StrandedEvent, SupersededEvent, TwiceEvent } from './send/send-messages.ts';

/**
 * The SMTP server a send would use (BRIEFING_SMTP_URL, else the config's mail.smtp), checked before
 * anything is built: a malformed URL is a usage error naming where it came from, never quoting it.
 */
export async function checkSmtpUrl(url: string | undefined, source: string): Promise<void> {
  if (url === undefined) return;
  const { parseSmtpUrl } = await import('./send/mailer.ts');
  parseSmtpUrl(url, source);
}

/**
 * Sends each briefing (its PDF as the last build left it in `outDir`) to the lists the config routes
 * it to: one message per briefing and list, made from its model (render/), recorded in the send
 * journal recipient by recipient as soon as it went, so that a re-run sends only what is missing.
 * Returns how many recipients (and refused briefings) failed.
 */
export async function sendBriefings(briefings: BriefingModel[], request: SendRequest, report: (event: SendEvent) => void): Promise<SendTally> {
  const { withJournalLock } = await import('./send/journal.ts');
  // The project's journal too: two sends into different output folders would each send what the other is sending. A
  // dry run only reads it (each write replaces it whole), and takes nothing.
  const locked = () => (request.dryRun ? sendLocked(briefings, request, report) : withJournalLock(request.projectDir, request.outDir, () => sendLocked(briefings, request, report)));
  return withOutputLock(request.outDir, 'send', locked);
}

/** What a send could not do: recipients not sent (worth another run), and briefings refused (a run will not help until they are fixed). */
export interface SendTally {
  failed: number;
  refused: number;
}

async function sendLocked(briefings: BriefingModel[], request: SendRequest, report: (event: SendEvent) => void): Promise<SendTally> {
  const [{ emailRenderer, attachmentName }, { sendMessages }] = await Promise.all([import('./render/render-email.ts'), import('./send/send-messages.ts')]);
  const renderEmail = emailRenderer();
  const { config } = request.project;
  const { manifest } = await readManifest(request.outDir);
  const limit = config.mail.attachment_limit_mb * 1024 * 1024;
  let refused = 0;
  const refuse = (briefing: string, why: string) => {
    refused++;
    report({ kind: 'refused', briefing, error: new BriefingError(why, EXIT.send) });
  };
  const items: Outgoing[] = [];
  const run = request.run ?? startSendRun();
  const since = changesSince(run.checkCanvas);
  const plain = sameButChapter(run.checkCanvas);
  // A dry run says why a real run would print a briefing first as the build would: a briefing that becomes a revised
  // edition (the journal has one of its period with other figures or words) is printed again naming it.
  const journal = request.dryRun && request.planned !== undefined ? await run.journal(request.projectDir, request.outDir) : undefined;
  const revisesOf = revisedEdition(journal, plain);
  for (const model of briefings) {
    const name = model.name;
    // Routed by its stem, whatever file_name makes of it.
    const routes = config.send.filter((r) => r.briefing === name || r.briefing === model.routeName).flatMap((r) => r.lists).filter((l, i, all) => all.indexOf(l) === i);
    const lists: Array<[string, People]> = request.to
      ? [['--to', { to: request.to, cc: [], bcc: [] }]]
      : routes.filter((l) => request.lists === undefined || request.lists.includes(l)).map((l): [string, People] => [l, config.lists[l]]);
    if (lists.length === 0) continue;
    const routed = request.to ? {} : { routed: routes.flatMap((l) => [...config.lists[l].to, ...config.lists[l].cc, ...config.lists[l].bcc]) };
    const pdfPath = join(request.outDir, `${name}.pdf`);
    const pdf = await readFile(pdfPath).catch(() => undefined);
    // What the journal knows it by: the edition it revises, what it replaces and who holds what are asked by it.
    const known = journalKey(model);
    const { content } = known;
    const entry = manifest.briefings[name];
    const source = request.sources?.get(name);
    // What it is made from, and what its chapter compares with: a correction that differs from the edition sent only there is refused.
    const kept = source === undefined ? {} : {
      source: { canvas: source.text },
      canvas: source.file,
      sameButChapter: (sent: SentSource) => plain(model, source, sent),
      ...(entry?.since === undefined ? {} : { since: { since: entry.since, ...(entry.sinceAt === undefined ? {} : { at: entry.sinceAt }) } }),
    };
    // Its message; for a revised edition, with what changed since the one it replaces where the journal kept what that was made from.
    const email = (edition: string, attachment: EmailInput['attachment']) => async (replaces?: Replaces) => renderEmail(model, {
      subject: config.mail.subject, note: config.mail.note, edition, attachment,
      ...(replaces ? { replaces: { ...replaces, on: formatDate(replaces.at.slice(0, 10), model.meta.language), changes: await since(model, source, replaces.source) } } : {}),
    });
    // A dry run builds nothing (send's build is skipped): a briefing a real run would print first is said so, with its
    // message as it would go, from its model; its PDF is not there to attach yet.
    const revises = await revisesOf(name, known, source, model.setKey);
    const planned = request.planned?.get(name);
    const stale = request.dryRun ? printFirst(entry, pdf, { name, content, planned: planned && { ...planned, context: withRevision(planned.context, revises) }, revises: revises?.edition }) : undefined;
    if (stale !== undefined) {
      const attachment = { name: attachmentName(model), pages: entry?.pages ?? 0, bytes: 0 };
      items.push({ briefing: name, ...known, pdf: { sha256: '', bytes: new Uint8Array() }, edition: '', chapter: model.changes?.title, email: email('', attachment), lists, ...routed, printFirst: stale, ...kept });
      continue;
    }
    if (pdf === undefined) {
      refuse(name, `${pdfPath} is missing: build it first (briefing build)`);
      continue;
    }
    // Only a PDF this tool wrote from the canvas as it is now: not one edited by hand, nor one from
    // before an edit made since the build.
    const sha = sha256(pdf);
    if (entry?.files[`${name}.pdf`] !== sha || entry.content !== content) {
      refuse(name, `${pdfPath} is not the briefing its canvas describes now (the canvas or the PDF changed since it was built); nothing was sent for it. Run briefing send again: it builds it first`);
      continue;
    }
    if (pdf.length > limit) {
      refuse(name, `${pdfPath} is ${sizeText(pdf.length)}, over the ${config.mail.attachment_limit_mb} MB limit for attachments (mail.attachment_limit_mb in ${request.project.file}); nothing was sent for it`);
      continue;
    }
    const attachment = { name: attachmentName(model), pages: entry.pages, bytes: pdf.length };
    items.push({ briefing: name, ...known, pdf: { sha256: sha, bytes: pdf }, edition: entry.edition, chapter: model.changes?.title, email: email(entry.edition, attachment), lists, ...routed, ...kept });
  }
  const failed = await sendMessages({ projectDir: request.projectDir, outDir: request.outDir }, items, {
    from: config.mail.from,
    replyTo: config.mail.reply_to,
    smtpUrl: request.outbox ? undefined : request.smtpUrl ?? config.mail.smtp,
    smtpSource: request.smtpUrl !== undefined ? request.smtpSource : `mail.smtp in ${request.project.file}`,
    outbox: join(request.outDir, 'outbox'),
    backoffMs: request.backoffMs,
    greetingTimeoutMs: request.greetingTimeoutMs,
    dryRun: request.dryRun,
    resend: request.resend,
    signal: request.signal,
  }, report);
  return { failed, refused };
}

/**
 * What the send journal knows a briefing by, besides its name (plan/ journalKey): from its model, or as the manifest kept
 * it for a build that finds its canvas unchanged (an older manifest's entry without route and contentBefore: by its name).
 */
type JournalKeyed = Pick<ManifestEntry, 'route' | 'content' | 'contentBefore' | 'period'>;

/**
 * The edition briefing `name` revises (`of`: what the journal knows it by, journalKey's, from its model or its manifest
 * entry: one query for both, so that a build that finds it up to date and one that reads its canvas name the same edition), by the send `journal`'s one rule
 * (Journal.revisedBy), which send's message follows too: the last sent of its period whose figures or words differ from it
 * other than in its "Changes since" chapter alone (`now`: the canvas it is made from, compared with that edition's as send's
 * chapter-only refusal does, sameButChapter).
 */
function revisedEdition(journal: Journal | undefined, plain = sameButChapter()) {
  return async (name: string, of: JournalKeyed, now: BriefingSource | undefined, setKey: string): Promise<Revises | undefined> => {
    if (!journal?.found || of.period === undefined) return undefined;
    const query: RevisionQuery = { briefing: name, route: of.route, content: of.content, contentBefore: of.contentBefore, period: of.period };
    const revised = await journal.revisedBy(query, now && { canvas: now.text, chapterOnly: async (sent) => (await plain({ setKey }, now, sent)) !== undefined });
    if (revised === undefined) return undefined;
    const { edition, content, at, sent } = revised;
    return sent === undefined ? { edition, content, at } : { edition, content, at, sent, canvas: sha256(sent.canvas) };
  };
}

/**
 * What a revised edition's pages say of the edition it `revises` (Revision): that edition and when it went, in the
 * briefing's notation, and what changed since, compared with the canvas it was made from where the send journal kept it
 * (`revises.sent`): the lines a send's message lists. Nothing of the day it is printed: the journal says all of it, so
 * that the same inputs make the same bytes whenever they are built (README: the same edition is the same file).
 */
async function revisionOf(revises: Revises, job: Pick<Job, 'file' | 'text' | 'model'>, since: ReturnType<typeof changesSince>, theme: string | undefined): Promise<Revision> {
  const { language } = job.model.meta;
  const changes = await since(job.model, { file: job.file, text: job.text, ...(theme === undefined ? {} : { theme }) }, revises.sent);
  const { sent: _, ...revised } = revises;
  return { ...revised, sentOn: formatDate(revises.at.slice(0, 10), language), ...(changes === undefined ? {} : { changes }) };
}

/**
 * What changed in `model` since the canvas a content sent was made from (`sent`, as the send journal kept it): the "Changes
 * since" chapter the briefing would have if built --since that canvas (compare/, narrowed by model/ to what this briefing
 * prints), which a revised edition's message lists. Undefined where it cannot be said: no canvas kept (an edition sent
 * before the journal kept it), or the one kept no longer reads as a valid canvas of this company. Each canvas is compared
 * with each earlier one once in a run, for all its block sets at once (one parse, validation and comparison, not one a set).
 */
function changesSince(check = checkCanvas): (model: Pick<BriefingModel, 'setKey'>, now: BriefingSource | undefined, sent: Replaces['source']) => Promise<ChangesModel | undefined> {
  const done = new Map<string, Promise<CheckedCanvas | undefined>>();
  return async (model, now, sent) => {
    if (now === undefined || sent === undefined) return undefined;
    const sha = sha256(sent.canvas);
    const key = JSON.stringify([now.file, now.theme, sha256(now.text), sha]);
    if (!done.has(key)) {
      const previous = { name: `${now.file} as sent before`, text: sent.canvas, sha256: sha };
      done.set(key, check(now.file, { previous, theme: now.theme }, now.text).catch((error: unknown) => {
        if (error instanceof BriefingError) return undefined;
        throw error;
      }));
    }
    return (await done.get(key)!)?.models.find((m) => m.setKey === model.setKey)?.changes;
  };
}

/**
 * The canvases the editions of `models` their recipients hold were made from (the send journal of the project in
 * `projectDir` keeps them), other than this content, for the same period, each once: send compares with them as with an
 * earlier version, so that a figure corrected since with its equivalent left as it was is said before a correction goes.
 * None where the journal cannot be read (the send says why) or kept none.
 */
export async function sentCanvases(projectDir: string, outDir: string, models: BriefingModel[], run: SendRun = UNSHARED): Promise<Array<{ edition?: string; text: string }>> {
  const journal = await run.journal(projectDir, outDir);
  const found = new Map<string, { edition?: string; text: string }>();
  for (const m of journal === undefined ? [] : models) {
    const key = journalKey(m);
    for (const channel of ['smtp', 'outbox'] as const) {
      for (const e of journal!.holders({ briefing: m.name, ...key, channel })) {
        const text = journal!.sourceOf(e.content)?.canvas;
        if (text !== undefined && !found.has(text)) found.set(text, { ...(e.edition === undefined ? {} : { edition: e.edition }), text });
      }
    }
  }
  return [...found.values()];
}

/**
 * What the canvas `file` (as `checked` read it, without or with --since) says against the editions of `models` its
 * recipients hold (sentCanvases), other than its own text and `since` (the --since version's, which `checked` compares
 * with already): what changed since that asks to be checked (sinceWarnings, "since FILE as sent (edition X)"), and each
 * figure corrected since that is still typed as it was (stale-typed-figure), where `checked` finds none at the same
 * place. Each said once, against the first edition that finds it: send prints them before its briefings go, and counts
 * the findings under --strict. None of an edition whose canvas no longer reads.
 */
export async function checkedAsSent(
  file: string,
  checked: Pick<CheckedCanvas, 'text' | 'findings'>,
  models: BriefingModel[],
  options: { projectDir: string; outDir: string; set?: string; maxCanvasBytes?: number; theme?: string; since?: string; run?: SendRun },
): Promise<{ warnings: string[]; findings: FindingAt[] }> {
  const run = options.run ?? UNSHARED;
  const place = (f: FindingAt) => JSON.stringify([f.rule, f.line, f.column, f.path, f.metrics]);
  const found = new Set(checked.findings.map(place));
  const [warnings, findings]: [string[], FindingAt[]] = [[], []];
  for (const sent of await sentCanvases(options.projectDir, options.outDir, models, run)) {
    if (sent.text === checked.text || sent.text === options.since) continue;
    const name = `${file} as sent${sent.edition ? ` (edition ${sent.edition})` : ''}`;
    const asSent = await run.checkCanvas(file, { set: options.set, maxCanvasBytes: options.maxCanvasBytes, previous: { name, text: sent.text, sha256: sha256(sent.text) }, theme: options.theme }, checked.text).catch(() => undefined);
    warnings.push(...(asSent?.sinceWarnings ?? []));
    for (const f of asSent?.findings ?? []) {
      if (f.rule !== 'stale-typed-figure' || found.has(place(f))) continue;
      found.add(place(f));
      findings.push(f);
    }
  }
  return { warnings, findings };
}

/**
 * Whether `model` differs from the edition made from the canvas `sent` (as the send journal kept it) only in its "Changes
 * since" chapter: the two canvases make this block set's briefing alike without one (no figure or text of it changed).
 * Then its answer is that briefing's content hash without a chapter (an edition sent with it had none); else undefined.
 * Each canvas is read once in a run, for all its block sets; one that no longer reads as a valid canvas is no such case.
 */
function sameButChapter(check = checkCanvas): (model: Pick<BriefingModel, 'setKey'>, now: BriefingSource, sent: SentSource) => Promise<string | undefined> {
  const read = new Map<string, Promise<CheckedCanvas | undefined>>();
  const plainHash = async (file: string, theme: string | undefined, text: string, setKey: string) => {
    const key = JSON.stringify([file, theme, sha256(text)]);
    if (!read.has(key)) read.set(key, check(file, { theme }, text).catch((error: unknown) => {
      if (error instanceof BriefingError) return undefined;
      throw error;
    }));
    const model = (await read.get(key)!)?.models.find((m) => m.setKey === setKey);
    return model && contentHash(model);
  };
  return async (model, now, sent) => {
    const [was, is] = await Promise.all([plainHash(now.file, now.theme, sent.canvas, model.setKey), plainHash(now.file, now.theme, now.text, model.setKey)]);
    return was !== undefined && was === is ? was : undefined;
  };
}

/**
 * What a build here would make a briefing from but its model (SendRequest.planned): the context of the run (the tool, the
 * browser `printer` would start, only looked for, and the page size) with the files of the theme in `themeDir`.
 */
export async function plannedContext(pageSize: PageSize | undefined, printer: Printer): Promise<(themeDir: string | undefined, language: string | undefined) => string> {
  const context = contextHash({ browser: browserIdentity(await printer.executable()) });
  return (themeDir, language) => withPageSize(withTheme(context, themeDir), pageSizeOf(pageSize, language));
}

/**
 * Why a real send would print briefing `name` before sending it, where a dry run (which prints nothing) finds it stale:
 * said as the build plan says it (printReason: its figures, the theme, the tool...), not guessed; none when it is current.
 */
function printFirst(entry: ManifestEntry | undefined, pdf: Buffer | undefined, want: { name: string; content: string; planned?: { context: string; canvasSha256?: string }; revises?: string }): string | undefined {
  if (pdf === undefined) return 'it is not built yet';
  if (entry === undefined) return printReason(entry, { canvas: '', content: want.content, context: '', force: false });
  if (entry.files[`${want.name}.pdf`] !== sha256(pdf)) return 'its PDF changed since it was built';
  const { planned } = want;
  if (planned === undefined) return entry.content === want.content ? undefined : 'its figures or text changed';
  if (entry.content === want.content && entry.context === planned.context) return undefined;
  return printReason(entry, { canvas: entry.canvas, canvasSha256: planned.canvasSha256, content: want.content, context: planned.context, force: false, ...(want.revises === undefined ? {} : { revises: want.revises }) });
}

/**
 * What a print drawing text in a Type 3 font (print/type3-fonts.ts) says: where, why it matters and the likely cause.
 * Most often a theme's font with no bold face, which Chromium makes up from the regular one for headings.
 */
function type3Warning(pages: number[] | undefined): string[] {
  if (pages === undefined || pages.length === 0) return [];
  const runs: string[] = [];
  for (let i = 0; i < pages.length;) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    runs.push(j === i ? `${pages[i]}` : `${pages[i]}\u2013${pages[j]}`);
    i = j + 1;
  }
  const where = `${pages.length === 1 ? 'page' : 'pages'} ${runs.length === 1 ? runs[0] : `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)}`}`;
  return [`text on ${where} is drawn in a Type 3 font, which readers cannot search, copy or read aloud: a font lacks the weight or style the text asks for, and the browser made one up (a theme's font with no bold face, say: give its @font-face a face with font-weight: 700 for the headings), or no embedded font has one of its characters`];
}
