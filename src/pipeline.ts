/**
 * The pipeline, stage by stage: load -> validate -> model -> charts -> render -> print -> deliver.
 * Only this file knows the order. One bad canvas never stops the others.
 */
import { resolve } from 'node:path';
import { BriefingError, EXIT } from './errors.ts';
import type { BuildOptions } from './config.ts';
import { loadCanvas } from './load/load-canvas.ts';
import { validateCanvas } from './validate/validate-canvas.ts';
import type { Canvas } from './validate/schema.ts';
import { blockSetKeys, buildModel } from './model/build-model.ts';
import type { BriefingModel } from './model/briefing-model.ts';
import type { Renderer } from './render/render-html.ts';
import type { ChartCache } from './charts/render-charts.ts';
import type { DraftResult, Printer, PrinterOptions } from './print/index.ts';
import { writeBriefing } from './deliver/write-output.ts';
import { assertDistinctCanvases, OutputNames } from './deliver/output-names.ts';

// charts/, render/ and print/ bring vega, @napi-rs/canvas, Handlebars, puppeteer-core and pdf-lib:
// they are imported where first used, so `briefing check` and `--version` never load them.

// What the CLI needs from the stages, so that it depends on the pipeline rather than on them.
export type { Printer } from './print/index.ts';
export { findCanvases } from './load/find-canvases.ts';
export { prepareOutputFolder } from './deliver/write-output.ts';
export { assertDistinctCanvases, SAME_NAME_FIX, sameNameCanvases } from './deliver/output-names.ts';

/**
 * What the briefings of one build run share: the templates compiled and fonts encoded (render/),
 * the charts drawn (block sets reuse the full briefing's). Made afresh for every run, so nothing
 * read or drawn in one run outlives it (a watch mode's next run sees edited files).
 */
export interface BuildRun {
  renderer: Renderer;
  charts: ChartCache;
}

/** A new BuildRun; loads the render stage. */
export async function startRun(): Promise<BuildRun> {
  const { createRenderer } = await import('./render/render-html.ts');
  return { renderer: createRenderer(), charts: new Map() };
}

/** A printer for buildBriefings (see print/browser.ts createPrinter); loads the print stage, launches nothing yet. */
export async function loadPrinter(options: PrinterOptions = {}): Promise<Printer> {
  const { createPrinter } = await import('./print/index.ts');
  return createPrinter(options);
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
  ms: number;
  warnings: string[];
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

/** A canvas that failed (no `name`: it could not be loaded or validated), or one of its briefings. */
export interface FailedBriefing {
  kind: 'failed';
  canvas: string;
  name?: string;
  ms: number;
  error: BriefingError;
}

/** What became of one canvas or one of its briefings, reported as soon as it is known. */
export type BriefingOutcome = BuiltBriefing | SkippedCanvas | FailedBriefing;

export interface CheckedCanvas {
  canvas: Canvas;
  stem: string;
  /** The block sets to build: all, or the one asked for; none when the canvas lacks it. */
  sets: string[];
  /** The model of each of `sets`, in the same order: built to check them, then reused to build. */
  models: BriefingModel[];
  /** Every block set the canvas has ("full" first). */
  availableSets: string[];
  /** Why nothing is built; set exactly when `sets` is empty. */
  skipped?: string;
}

/** Loads and validates one canvas file: the whole of `briefing check`. */
export async function checkCanvas(file: string, options: { set?: string } = {}): Promise<CheckedCanvas> {
  const loaded = await loadCanvas(file);
  const canvas = validateCanvas(loaded);
  const availableSets = blockSetKeys(canvas);
  const sets = options.set === undefined ? availableSets : availableSets.filter((s) => s === options.set);
  const models = sets.map((setKey) => buildModel(canvas, { name: loaded.stem, setKey }));
  const skipped = sets.length === 0 ? `no block set "${options.set}" (this canvas has: ${availableSets.join(', ')})` : undefined;
  return { canvas, stem: loaded.stem, sets, models, availableSets, skipped };
}

/**
 * Builds every briefing of every canvas, reporting each as it finishes, all in one BuildRun.
 * Refuses (BriefingError, usage) canvases that would write the same PDF; a briefing whose name
 * another canvas already wrote in this run (x.yaml's set "a" after a canvas x--a.yaml) fails
 * instead of overwriting it.
 */
export async function buildBriefings(
  files: string[],
  options: BuildOptions,
  printer: Printer,
  report: (outcome: BriefingOutcome) => void,
  signal?: AbortSignal,
): Promise<BriefingOutcome[]> {
  assertDistinctCanvases(files);
  files = [...new Map(files.map((f) => [resolve(f), f])).values()]; // a file given twice is built once
  const outcomes: BriefingOutcome[] = [];
  const names = new OutputNames(options.outDir);
  let run: BuildRun | undefined;
  // Once interrupted, a failure is not reported: the briefing in flight fails only because we stopped it.
  // A briefing written is always reported, even one finished as the signal came: its PDF is new.
  const emit = (o: BriefingOutcome) => {
    if (o.kind === 'built' || !signal?.aborted) {
      outcomes.push(o);
      report(o);
    }
  };
  for (const file of files) {
    if (signal?.aborted) break;
    const started = Date.now();
    let checked: CheckedCanvas;
    try {
      checked = await checkCanvas(file, options);
    } catch (error) {
      emit({ kind: 'failed', canvas: file, ms: Date.now() - started, error: inBriefing(error, file) });
      continue;
    }
    if (checked.skipped !== undefined) {
      emit({ kind: 'skipped', canvas: file, ms: Date.now() - started, reason: checked.skipped, availableSets: checked.availableSets });
      continue;
    }
    for (const model of checked.models) {
      if (signal?.aborted) break;
      const t0 = Date.now();
      const { name } = model;
      const who = `${file} (${model.setKey})`; // names the briefing in messages
      try {
        names.check(name, who);
        if (run === undefined) {
          // The browser starts while the first briefing's charts and HTML are drawn; a failed start is
          // reported by that briefing's first print, which tries again.
          printer.launch().catch(() => {});
          run = await startRun();
        }
        const built = await buildBriefing(model, options, printer, run);
        const wrote = await writeBriefing(options.outDir, name, built.pdf, options.html ? built.html : undefined);
        names.claim(name, who);
        emit({ kind: 'built', canvas: file, name, pdf: wrote.pdf, html: wrote.html, pages: built.pages, ms: Date.now() - t0, warnings: built.warnings });
      } catch (error) {
        const failure = inBriefing(error, file, model.setKey);
        emit({ kind: 'failed', canvas: file, name, ms: Date.now() - t0, error: failure });
        // Without a browser no later briefing can print either: say so once, not once per briefing.
        if (failure.exitCode === EXIT.browserNotFound) return outcomes;
      }
    }
  }
  return outcomes;
}

const MAX_PASSES = 4;

/**
 * Charts, HTML and PDF for one briefing. The contents page needs the page of every
 * chapter, known only after printing: print, read where each anchor landed, fill the
 * numbers in, and print again until the pages stop moving. Without a run (startRun) it
 * starts one of its own, for this briefing only.
 */
export async function buildBriefing(model: BriefingModel, options: Pick<BuildOptions, 'pageSize'>, printer: Printer, run?: BuildRun) {
  run ??= await startRun();
  const { renderCharts } = await import('./charts/render-charts.ts');
  const { svgs, warnings: chartWarnings } = await renderCharts(model.charts, run.charts);
  const job = {
    pageSize: options.pageSize,
    metadata: { ...model.meta, creator: 'canvas-briefing', date: new Date(`${model.meta.asOf}T00:00:00Z`) },
  };
  let pages: Record<string, number> | undefined;
  for (let pass = 1; ; pass++) {
    const rendered = run.renderer.render(model, { svgs, pages, pageSize: options.pageSize });
    // The first pass only finds out where the chapters land: a draft is enough. Later passes print the
    // real thing, since each of them may turn out to be the last.
    const finished = pages === undefined ? undefined : await printer.print(rendered.html, { ...job, headings: rendered.headings });
    const printed: DraftResult = finished ?? await printer.draft(rendered.html, job);
    const missing = model.toc.filter((e) => printed.anchors[e.anchor] === undefined).map((e) => e.anchor);
    if (missing.length > 0) {
      throw new BriefingError(`${model.name}: the printed PDF has no page for ${missing.join(', ')}; the contents page would be wrong`, EXIT.render);
    }
    if (finished && model.toc.every((e) => pages![e.anchor] === finished.anchors[e.anchor])) {
      const warnings = [...chartWarnings, ...rendered.warnings, ...finished.blocked.map((url) => `blocked a request for ${url}`)];
      return { pdf: finished.pdf, pages: finished.pages, html: rendered.html, warnings };
    }
    if (pass === MAX_PASSES) {
      throw new BriefingError(`${model.name}: the contents page did not settle after ${MAX_PASSES} prints (page numbers keep moving)`, EXIT.render);
    }
    pages = printed.anchors;
  }
}

/**
 * A failure as the user reads it: naming the canvas (and block set) it happened in, unless the message
 * does already (schema errors start with file:line) or it is the run's, not the canvas's (no browser).
 * Anything not a BriefingError is a bug: exit code 1, with the original as its cause.
 */
function inBriefing(error: unknown, file: string, setKey?: string): BriefingError {
  const where = setKey === undefined ? file : `${file} (${setKey})`;
  if (!(error instanceof BriefingError)) {
    return new BriefingError(`${where}: internal error: ${(error as Error)?.message ?? String(error)}`, EXIT.internal, { cause: error });
  }
  if (error.message.startsWith(file) || error.exitCode === EXIT.browserNotFound) return error;
  return new BriefingError(`${where}: ${error.message}`, error.exitCode, { cause: error });
}
