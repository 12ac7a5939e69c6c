/**
 * Renders chart specs (model/chart-spec.ts) to inline SVG strings, offline.
 *
 * vega-lite compiles each spec to Vega; a headless vega View (renderer "none") lays it out and
 * `toSVG()` serialises it. Text is measured exactly with @napi-rs/canvas and the briefing's
 * Inter faces (text-metrics.ts), so label space and autosize match what Chromium prints.
 * The SVG is pure vector: <text> stays text (searchable in the PDF), no <image>, no raster.
 * Long category labels wrap onto up to three lines (wrap-labels.ts) instead of being cut;
 * renderChartsWithWarnings reports the labels that still cannot be printed in full.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { BriefingError, EXIT } from '../errors.ts';
import type { ChartSpec } from '../model/chart-spec.ts';
import { installTextMetrics } from './text-metrics.ts';
import { chartTheme } from './theme.ts';
import { wrapChartLabels, type WrappedAxis, type WrappedChart } from './wrap-labels.ts';

/** Number formatting for axis ticks as in model/format.ts: "1,000", ASCII minus "-12" (d3's default is U+2212). */
const NUMBER_LOCALE = { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''], minus: '-' };

/** A loader that refuses every URL: charts carry their data inline and must render offline. */
function offlineLoader() {
  const refuse = (uri: string) => Promise.reject(new Error(`charts render offline; refusing to load ${JSON.stringify(uri)}`));
  return {
    load: refuse,
    sanitize: refuse,
    http: refuse,
    file: refuse,
  } as unknown as vega.Loader;
}

/** Collects warnings and errors instead of printing them (vega reports async failures, e.g. loading, only here). */
function collectingLogger(warnings: string[], errors: string[] = []) {
  let level = 2; // vega.Warn
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) {
      errors.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
      return logger;
    },
    warn(...args: unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info() { return logger; },
    debug() { return logger; },
  };
  return logger;
}

export interface CompiledChart {
  /** The Vega spec. */
  vega: vega.Spec;
  /** vega-lite's warnings, e.g. an encoding it dropped. */
  warnings: string[];
}

/** Compiles a chart's Vega-Lite spec to Vega. Throws BriefingError naming the chart. */
export function compileChart(chart: ChartSpec): CompiledChart {
  const warnings: string[] = [];
  const errors: string[] = [];
  try {
    // The spec is plain JSON from model/chart-spec.ts, which may not import vega-lite's types.
    const out = compile(chart.spec as never, { logger: collectingLogger(warnings, errors) as never });
    if (errors.length) throw new Error(errors.join('; '));
    return { vega: out.spec as vega.Spec, warnings };
  } catch (cause) {
    throw renderError(chart, 'compile', cause);
  }
}

let chartCounter = 0;

/** A chart drawn, with what the reader should be told about it. */
export interface RenderedChart {
  svg: string;
  /** Problems the SVG cannot show, e.g. a category label too long to print in full (wrap-labels.ts). */
  warnings: string[];
}

/** Charts drawn, in the order given, with the warnings of all of them. */
export interface RenderedCharts {
  svgs: string[];
  warnings: string[];
}

/** Vertical room between the label blocks of neighbouring bands, px. */
const LABEL_BLOCK_GAP = 8;
/** Horizontal room between level period labels of neighbouring columns, px. */
const LEVEL_LABEL_GAP = 10;

/**
 * One chart as an SVG string (scales to its container: viewBox, no width/height) plus warnings. Long category labels wrap onto up to three lines
 * (wrap-labels.ts). After a first layout the chart may be drawn again: with slanted period
 * labels set level when, wrapped to the band width, they fit; and taller when wrapped labels
 * need taller bands than the chart's height gives (the SVG's viewBox grows; the page scales
 * it by width). Category labels that are cut, or hidden by vega because they overlap a
 * neighbour, are reported in `warnings`.
 */
export async function renderChartWithWarnings(spec: ChartSpec): Promise<RenderedChart> {
  const chart = withTheme(spec);
  let wrapped: WrappedChart;
  try {
    wrapped = wrapChartLabels(chart);
  } catch (cause) {
    throw renderError(chart, 'render', cause);
  }
  let triedLevel = false;
  let grown = 0;
  for (let attempt = 0; ; attempt++) {
    const current = withHeight(wrapped.chart, labelRoom(wrapped.axes) + grown);
    const { vega: vgSpec } = compileChart(current);
    const out = await drawChart(current, vgSpec, attempt < 4 ? (view) => {
      if (!triedLevel) {
        triedLevel = true;
        const step = slantedBandStep(view, wrapped.axes);
        if (step !== undefined) {
          const level = wrapChartLabels(chart, { levelWidth: step - LEVEL_LABEL_GAP });
          if (level.axes.some((a) => a.channel === 'x' && a.angle === 0)) return level;
        }
      }
      return extraHeight(view, wrapped.axes);
    } : undefined);
    if (typeof out === 'number') grown += out;
    else if ('svg' in out) return { svg: out.svg, warnings: [...wrapped.warnings, ...hiddenWarnings(chart, out.hidden)] };
    else wrapped = out;
  }
}

/** The chart with the briefing's theme as its Vega-Lite config: model/ builds specs without one. */
export function withTheme(chart: ChartSpec): ChartSpec {
  return { ...chart, spec: { ...chart.spec, config: chartTheme } };
}

function withHeight(chart: ChartSpec, extra: number): ChartSpec {
  const height = Number(chart.spec.height);
  if (!(extra > 0) || !Number.isFinite(height)) return chart;
  return { ...chart, spec: { ...chart.spec, height: height + extra } };
}

/**
 * Height added up front for wrapped x labels: their extra lines (level), or the lines' extent
 * across the slant, so the plot keeps about the height it has with one-line labels; autosize
 * "fit" would otherwise take the room from the plot. Labels set level instead of slanted take
 * less height than the slanted ones did: nothing to add.
 */
function labelRoom(axes: WrappedAxis[]): number {
  let extra = 0;
  for (const a of axes) {
    if (a.channel !== 'x' || a.leveled) continue;
    extra += (a.maxLines - 1) * a.lineHeight * Math.abs(Math.cos((a.angle * Math.PI) / 180));
  }
  return Math.round(extra);
}

/** The band step of a wrapped, slanted category axis on x, once laid out; else undefined. */
function slantedBandStep(view: vega.View, axes: WrappedAxis[]): number | undefined {
  if (!axes.some((a) => a.channel === 'x' && a.band && a.angle !== 0)) return undefined;
  const scale = view.scale('x') as unknown as { step?: () => number } | undefined;
  return scale && typeof scale.step === 'function' ? scale.step() : undefined;
}

/**
 * How much taller the chart must be so that every band of a wrapped category axis on y holds
 * its label lines (neighbouring label blocks centred on their bands, LABEL_BLOCK_GAP apart);
 * 0 when it is tall enough.
 */
function extraHeight(view: vega.View, axes: WrappedAxis[]): number {
  let grow = 0;
  for (const axis of axes) {
    if (axis.channel === 'x') continue;
    const scale = view.scale('y') as unknown as { step?: () => number; domain: () => unknown[] } | undefined;
    if (!scale || typeof scale.step !== 'function') continue;
    const step = scale.step();
    const domain = scale.domain().map(String);
    const n = (i: number) => axis.lines.get(domain[i]) ?? 1;
    let needed = n(0) * axis.lineHeight + LABEL_BLOCK_GAP;
    for (let i = 0; i + 1 < domain.length; i++) {
      needed = Math.max(needed, ((n(i) + n(i + 1)) / 2) * axis.lineHeight + LABEL_BLOCK_GAP);
    }
    if (step >= needed - 0.01 || !(step > 0)) continue;
    // A band scale's step is the plot height over a fixed number of steps (bands and paddings).
    grow = Math.max(grow, Math.ceil(((needed - step) * view.height()) / step));
  }
  return grow;
}

/** Warnings for category labels vega hid (labelOverlap) because they collide with a neighbour. */
function hiddenWarnings(chart: ChartSpec, hidden: string[]): string[] {
  const values = (chart.spec.data as { values?: unknown } | undefined)?.values;
  if (!Array.isArray(values) || !hidden.length) return [];
  const squash = (t: string) => t.replace(/\s+/g, '');
  const categories = new Map<string, string>();
  for (const r of values) {
    const c = (r as { category?: unknown }).category;
    if (typeof c === 'string') categories.set(squash(c), c);
  }
  const out = new Set<string>();
  for (const text of hidden) {
    const label = categories.get(squash(text));
    if (label !== undefined) {
      out.add(`chart "${chart.title}": label "${label}" is hidden because it overlaps a neighbouring label; shorten the point's label in the canvas`);
    }
  }
  return [...out];
}

/** The text of every axis label vega laid out but made invisible (opacity 0: overlap removal). */
function hiddenAxisLabels(view: vega.View): string[] {
  const out: string[] = [];
  interface SceneNode { marktype?: string; role?: string; items?: SceneNode[]; text?: unknown; opacity?: number }
  const visit = (node: SceneNode, inLabels: boolean) => {
    const labels = inLabels || node.role === 'axis-label';
    if (labels && node.marktype === undefined && node.opacity === 0 && node.text != null) {
      out.push(Array.isArray(node.text) ? node.text.join(' ') : String(node.text));
    }
    for (const child of node.items ?? []) visit(child, labels && node.marktype !== 'group');
  };
  visit((view.scenegraph() as unknown as { root: SceneNode }).root, false);
  return out;
}

/**
 * Lays the chart out and serialises it; after the layout has settled, `check` may ask for
 * more height (px, returned as a number) or for the chart with its labels wrapped otherwise.
 */
async function drawChart(
  chart: ChartSpec,
  vgSpec: vega.Spec,
  check?: (view: vega.View) => number | WrappedChart,
): Promise<{ svg: string; hidden: string[] } | number | WrappedChart> {
  const warnings: string[] = [];
  const errors: string[] = [];
  let view: vega.View | undefined;
  try {
    installTextMetrics(vega as unknown as { textMetrics: unknown; font: unknown });
    const runtime = vega.parse(vgSpec);
    view = new vega.View(runtime, {
      renderer: 'none',
      loader: offlineLoader(),
      logger: collectingLogger(warnings, errors) as unknown as vega.LoggerInterface,
      // vega-view reads options.locale as {number, time} definitions (not formatters), despite vega-typings.
      locale: { number: NUMBER_LOCALE } as never,
    });
    await settleLayout(view);
    // vega reports a failed load (here: any URL, refused by the offline loader) only as a warning.
    errors.push(...warnings.filter((w) => w.startsWith('Loading failed')));
    if (errors.length) throw new Error(errors.join('; '));
    const redo = check?.(view);
    if (typeof redo === 'object' || (typeof redo === 'number' && redo > 0)) return redo;
    const svg = await view.toSVG();
    if (errors.length) throw new Error(errors.join('; '));
    return { svg: finishSvg(svg, `${idPrefix(chart)}${++chartCounter}-`, chart.alt), hidden: hiddenAxisLabels(view) };
  } catch (cause) {
    throw renderError(chart, 'render', cause);
  } finally {
    view?.finalize();
  }
}

/**
 * Runs the view until autosize "fit" has settled. vega fits the plot to width/height once:
 * it measures the axes at the first plot size, shrinks the plot, and re-runs once. When label
 * extents depend on the plot size (slanted period labels under narrower bands move left as the
 * band shrinks) the first label can end up a few px outside the SVG and be clipped. Re-running
 * autosize from the settled size converges in one or two more passes.
 */
async function settleLayout(view: vega.View): Promise<void> {
  // _origin is vega-view's private [x, y] offset of the plot; width/height are the plot size.
  const state = () => JSON.stringify([view.width(), view.height(), (view as unknown as { _origin: number[] })._origin]);
  await view.runAsync();
  for (let pass = 0; pass < 4; pass++) {
    const before = state();
    view.resize();
    await view.runAsync();
    if (state() === before) return;
  }
}

/**
 * Charts as SVG strings, in the order given, and the warnings the reader of the build should
 * see (e.g. `chart "Title": label "..." is too long to print in full; shorten the point's
 * label in the canvas`).
 */
export async function renderChartsWithWarnings(specs: ChartSpec[]): Promise<RenderedCharts> {
  const svgs: string[] = [];
  const warnings: string[] = [];
  for (const spec of specs) {
    const out = await renderChartWithWarnings(spec);
    svgs.push(out.svg);
    warnings.push(...out.warnings);
  }
  return { svgs, warnings };
}

function renderError(chart: ChartSpec, stage: 'compile' | 'render', cause: unknown): BriefingError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const what = stage === 'compile' ? 'Vega-Lite could not compile' : 'Vega could not draw';
  return new BriefingError(`Chart "${chart.title}"${chart.id ? ` (${chart.id})` : ''}: ${what} it: ${reason}`, EXIT.render, { cause });
}

function idPrefix(chart: ChartSpec): string {
  const base = (chart.id ?? 'chart').toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
  return /^[a-z]/.test(base) ? `${base}-` : `c-${base}-`;
}

/**
 * Makes vega's SVG fit to be one of many inline SVGs in an HTML page:
 * - drops width/height on the root so it scales to its container (the viewBox stays), and
 *   labels the root role="img" with the chart's alt text;
 * - prefixes every id (vega numbers clip paths and gradients "clip1", "gradient1"... per process,
 *   and resetSVGDefIds() restarts them) and the url(#...)/href="#..." references to them;
 * - refuses raster content, which would not be searchable or sharp in the PDF.
 */
export function finishSvg(svg: string, prefix: string, alt?: string): string {
  const label = alt ? ` role="img" aria-label="${escapeAttribute(alt)}"` : '';
  let out = svg.replace(/^<svg\b[^>]*>/, (root) =>
    root
      .replace(/\s(width|height|role|aria-label|aria-roledescription)="[^"]*"/g, '')
      .replace(/^<svg/, `<svg${label} preserveAspectRatio="xMidYMid meet"`),
  );
  const ids = new Set([...out.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  if (ids.size) {
    out = out
      .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${prefix}${id}"`)
      .replace(/url\(#([^)]+)\)/g, (m, id: string) => (ids.has(id) ? `url(#${prefix}${id})` : m))
      .replace(/(\s(?:xlink:)?href)="#([^"]+)"/g, (m, attr: string, id: string) => (ids.has(id) ? `${attr}="#${prefix}${id}"` : m));
  }
  if (/<image\b|data:image/i.test(out)) throw new Error('the chart SVG contains raster content');
  return out;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
