/**
 * Renders chart specs (model/chart-spec.ts) to inline SVG strings, offline.
 *
 * vega-lite compiles each spec to Vega; a headless vega View (renderer "none") lays it out and
 * `toSVG()` serialises it. Text is measured exactly with @napi-rs/canvas and the briefing's
 * Inter faces (text-metrics.ts), so label space and autosize match what Chromium prints.
 * The SVG is pure vector: <text> stays text (searchable in the PDF), no <image>, no raster.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { BriefingError, EXIT } from '../errors.ts';
import type { ChartSpec } from '../model/chart-spec.ts';
import { installTextMetrics } from './text-metrics.ts';

export { measureTextWidth } from './text-metrics.ts';

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

/** One chart as an SVG string (scales to its container: viewBox, no width/height). */
export async function renderChart(chart: ChartSpec): Promise<string> {
  const { vega: vgSpec } = compileChart(chart);
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
    const svg = await view.toSVG();
    // vega reports a failed load (here: any URL, refused by the offline loader) only as a warning.
    errors.push(...warnings.filter((w) => w.startsWith('Loading failed')));
    if (errors.length) throw new Error(errors.join('; '));
    return finishSvg(svg, `${idPrefix(chart)}${++chartCounter}-`, chart.alt);
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

/** Charts as SVG strings, in the order given. */
export async function renderCharts(specs: ChartSpec[]): Promise<string[]> {
  const out: string[] = [];
  for (const spec of specs) out.push(await renderChart(spec));
  return out;
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
