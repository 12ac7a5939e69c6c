/**
 * Renders chart models (model/chart-model.ts) to inline SVG strings, offline.
 *
 * vega-lite-spec.ts builds each chart's Vega-Lite spec; vega-lite compiles it to Vega; a
 * headless vega View (renderer "none") lays it out and `toSVG()` serialises it. Text is
 * measured exactly with @napi-rs/canvas and the briefing's Inter faces (text-metrics.ts), so
 * label space and autosize match what Chromium prints. The SVG is pure vector: <text> stays
 * text (searchable in the PDF), no <image>, no raster. Long category labels wrap onto up to
 * three lines (wrap-labels.ts) instead of being cut; value labels too wide to stand apart give
 * way to their numbers alone (value-labels.ts), and a line chart's are placed by its points once it is laid out
 * (line-labels.ts); renderCharts reports the labels that still cannot be printed in full.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { BriefingError, EXIT, quote } from '../errors.ts';
import type { ChartModel } from '../model/chart-model.ts';
import { categoryAxis, type CategoryAxis } from './category-axis.ts';
import { CHART_PALETTE } from './style.ts';
import { finishSvg, svgIdPrefix } from './finish-svg.ts';
import { installTextMetrics, measureTextWidth } from './text-metrics.ts';
import { collectingLogger, offlineLoader, viewLocale } from './vega-runtime.ts';
import { buildVegaLiteSpec, SPEC_DATA, specRows } from './vega-lite-spec.ts';
import { timePadding } from './line-spec.ts';
import { fitValueLabels } from './value-labels.ts';
import { planLineLabels, sameLineLabels, unsettledLineLabels, type LineGeometry, type LineLabels } from './line-labels.ts';
import type { TopLevelSpec } from './vega-lite-types.ts';
import { planLabelWrap, type LabelWrap, type WrapPlan } from './wrap-labels.ts';

/** What error messages name a chart by. */
export type ChartName = Pick<ChartModel, 'title' | 'id'>;

export interface CompiledChart {
  /** The Vega spec. */
  vega: vega.Spec;
  /** vega-lite's warnings, e.g. an encoding it dropped. */
  warnings: string[];
}

/** Compiles a chart's Vega-Lite spec to Vega. Throws BriefingError naming the chart. */
export function compileChart(spec: TopLevelSpec, chart: ChartName): CompiledChart {
  const warnings: string[] = [];
  const errors: string[] = [];
  try {
    const out = compile(spec, { logger: collectingLogger(warnings, errors) });
    if (errors.length) throw new Error(errors.join('; '));
    return { vega: out.spec, warnings };
  } catch (cause) {
    throw renderError(chart, 'compile', cause);
  }
}

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

/** Charts already drawn, by what they are (a chart's whole model): briefings share many of them (block sets), and so do the runs of a process. */
export type ChartCache = Map<string, RenderedChart>;

/**
 * Charts as SVG strings, in the order given, and the warnings the reader of the build should
 * see (e.g. `chart "Title": label "..." is too long to print in full; shorten it in the canvas: the point's
 * label, ...`). The same list always gives the same strings. With a cache (the process's:
 * pipeline.ts drawnCharts), a chart drawn for an earlier briefing is not drawn again.
 */
export async function renderCharts(charts: ChartModel[], cache?: ChartCache): Promise<RenderedCharts> {
  const svgs: string[] = [];
  const warnings: string[] = [];
  const seen = new Map<string | undefined, number>();
  for (const chart of charts) {
    // Ids are numbered per chart id (the key chart and its chapter copy), not by position, so a chart
    // draws the same SVG in every briefing of a run and can come from the cache.
    const occurrence = seen.get(chart.id) ?? 0;
    seen.set(chart.id, occurrence + 1);
    const key = JSON.stringify([occurrence, chart]);
    let out = cache?.get(key);
    if (out === undefined) {
      out = await renderChart(chart, occurrence);
      // Axis numbers in parentheses too when the theme prints negatives so (value labels come so from the model).
      if (chart.negatives === 'parentheses') out = { ...out, svg: out.svg.replace(/(<text\b[^>]*>)\u2212(\d[\d,.\u00a0\u202f'\u2019]*%?)(<\/text>)/g, '$1($2)$3') };
      cache?.set(key, out);
    }
    svgs.push(out.svg);
    warnings.push(...out.warnings);
  }
  return { svgs, warnings };
}

/** Vertical room between the label blocks of neighbouring bands, px. */
const LABEL_BLOCK_GAP = 8;
/** Horizontal room between level period labels of neighbouring columns, px. */
const LEVEL_LABEL_GAP = 10;

/**
 * One chart as an SVG string (scales to its container: viewBox, no width/height) plus
 * warnings; `occurrence` says which drawing of its id in a list it is (its SVG ids say it). Long category
 * labels wrap onto up to three lines (wrap-labels.ts). After a first layout the chart may be
 * drawn again: with slanted period labels set level when, wrapped to the band width, they
 * fit; and taller when wrapped labels need taller bands than the chart's height gives (the
 * SVG's viewBox grows; the page scales it by width). Category labels that are cut, or hidden
 * by vega because they overlap a neighbour, are reported in `warnings`.
 */
export async function renderChart(model: ChartModel, occurrence = 0): Promise<RenderedChart> {
  const { chart, warnings: labelWarnings } = fitValueLabels(model);
  const axis = categoryAxis(chart);
  let wrap: LabelWrap;
  try {
    wrap = planLabelWrap(chart, axis);
  } catch (cause) {
    throw renderError(chart, 'render', cause);
  }
  let triedLevel = false;
  let grown = 0;
  // A line chart's value labels as drawn (undefined: defaultLineLabels), and how often they were placed in a drawn view.
  let lineLabels: LineLabels | undefined;
  let labelPasses = 0;
  for (let attempt = 0; ; attempt++) {
    const spec = buildVegaLiteSpec(chart, { wrap: wrap.plan, extraHeight: labelRoom(wrap.plan) + grown, lineLabels });
    const plan = wrap.plan;
    const redraw = attempt < MAX_REDRAWS;
    // A line chart is always checked, the last time too: its labels are drawn only as planned on the layout they are drawn on.
    const out = await drawChart(spec, { ...chart, idPrefix: svgIdPrefix(chart, occurrence) }, redraw || chart.type === 'line' ? (view) => {
      if (redraw && !triedLevel) {
        triedLevel = true;
        const step = slantedLabelRoom(view, axis, plan, chart);
        if (step !== undefined) {
          const level = planLabelWrap(chart, axis, { levelWidth: step - LEVEL_LABEL_GAP });
          if (level.plan?.channel === 'x' && level.plan.angle === 0) return level;
        }
      }
      const more = redraw ? extraHeight(view, plan) : 0;
      if (more > 0 || chart.type !== 'line') return more;
      // The value labels placed where the points are, now that the chart is laid out (a new place may move them again).
      const next = planLineLabels(chart, lineGeometry(view), lineLabels?.tier);
      if (sameLineLabels(chart, lineLabels, next)) return 0;
      // The chart drawn anew only where the labels at its ends want other room on the time axis; else they are set in
      // this view, laid out again and checked there.
      if (redraw && timePadding(specRows(chart, next), chart.lang) !== timePadding(specRows(chart, lineLabels), chart.lang)) return { lineLabels: next };
      lineLabels = ++labelPasses <= MAX_LABEL_PASSES ? next : unsettledLineLabels(chart);
      return { rows: specRows(chart, lineLabels) };
    } : undefined);
    if (typeof out === 'number') grown += out;
    else if ('svg' in out) return { svg: out.svg, warnings: [...wrap.warnings, ...labelWarnings, ...(lineLabels?.warnings ?? []), ...hiddenWarnings(chart, out.hidden), ...overlapWarnings(chart, out.overlapping), ...paletteWarnings(chart)] };
    else if ('lineLabels' in out) lineLabels = out.lineLabels;
    else wrap = out;
  }
}

/** How often a chart is laid out again (wrapped labels, more height, a line chart's time axis padded anew) before it is drawn as it is. */
const MAX_REDRAWS = 4;
/** How often a line chart's value labels are placed anew in a drawn view before they give way to none (unsettledLineLabels). */
const MAX_LABEL_PASSES = 4;

/** Where the laid-out chart puts each point of a line chart (its x scale takes dates, in ms). */
function lineGeometry(view: vega.View): LineGeometry {
  const x = view.scale('x') as (t: number) => number;
  const y = view.scale('y') as (v: number) => number;
  return { x: (r) => x(Date.parse(`${r.date}T00:00:00Z`)), y: (r) => y(r.value), width: view.width(), height: view.height() };
}

/**
 * Height added up front for wrapped x labels: their extra lines (level), or the lines' extent
 * across the slant, so the plot keeps about the height it has with one-line labels; autosize
 * "fit" would otherwise take the room from the plot. Labels set level instead of slanted take
 * less height than the slanted ones did: nothing to add.
 */
function labelRoom(plan: WrapPlan | undefined): number {
  if (!plan || plan.channel !== 'x' || plan.leveled) return 0;
  return Math.round((plan.maxLines - 1) * plan.lineHeight * Math.abs(Math.cos((plan.angle * Math.PI) / 180)));
}

/** A band scale as vega-scale makes it (vega-typings type View.scale() as any). */
interface BandScale {
  step?: () => number;
  domain: () => unknown[];
}

/**
 * The room a label of a slanted category axis on x has when set level, once laid out: the band
 * step; on a line chart's time axis, the distance of the nearest two ticks. Undefined where
 * labels keep their slant: a band axis none of whose labels wraps, or a time axis, unless the
 * axis would rather set its labels level (CategoryAxis.preferLevel).
 */
function slantedLabelRoom(view: vega.View, axis: CategoryAxis, plan: WrapPlan | undefined, chart: ChartModel): number | undefined {
  if (axis.channel !== 'x' || (plan?.angle ?? axis.angle) === 0 || !(axis.preferLevel || (plan && axis.band))) return undefined;
  if (axis.band) {
    const scale: BandScale | undefined = view.scale('x');
    return scale && typeof scale.step === 'function' ? scale.step() : undefined;
  }
  const scale = view.scale('x') as ((t: number) => number) | undefined;
  if (typeof scale !== 'function') return undefined;
  const ticks = [...new Set(chart.rows.map((r) => r.date).filter((d): d is string => d !== undefined))].map((d) => scale(Date.parse(`${d}T00:00:00Z`))).sort((a, b) => a - b);
  const gaps = ticks.slice(1).map((t, i) => t - ticks[i]!);
  return gaps.length ? Math.min(...gaps) : undefined;
}

/**
 * How much taller the chart must be so that every band of a wrapped category axis on y holds
 * its label lines (neighbouring label blocks centred on their bands, LABEL_BLOCK_GAP apart);
 * 0 when it is tall enough.
 */
function extraHeight(view: vega.View, plan: WrapPlan | undefined): number {
  if (!plan || plan.channel !== 'y') return 0;
  const scale: BandScale | undefined = view.scale('y');
  if (!scale || typeof scale.step !== 'function') return 0;
  const step = scale.step();
  const domain = scale.domain().map(String);
  const n = (i: number) => plan.lines.get(domain[i]) ?? 1;
  let needed = n(0) * plan.lineHeight + LABEL_BLOCK_GAP;
  for (let i = 0; i + 1 < domain.length; i++) {
    needed = Math.max(needed, ((n(i) + n(i + 1)) / 2) * plan.lineHeight + LABEL_BLOCK_GAP);
  }
  if (step >= needed - 0.01 || !(step > 0)) return 0;
  // A band scale's step is the plot height over a fixed number of steps (bands and paddings).
  return Math.ceil(((needed - step) * view.height()) / step);
}

/** A chart of more groups than the palette has colours: Vega starts again at the first, and two groups look alike. */
function paletteWarnings(chart: ChartModel): string[] {
  const groups = [...new Set(chart.rows.map((r) => r.group).filter((g): g is string => g !== undefined))];
  if (groups.length <= CHART_PALETTE.length) return [];
  const alike = groups.slice(CHART_PALETTE.length).map((g, i) => `${quote(groups[i]!)} and ${quote(g)}`).join(', ');
  return [`chart ${quote(chart.title)}: its ${groups.length} groups share the ${CHART_PALETTE.length} colours of the palette, so ${alike} are drawn in one colour and a reader cannot tell them apart; show at most ${CHART_PALETTE.length} groups (the smallest together as one), or split the chart`];
}

/** Warnings for category labels vega hid (labelOverlap) because they collide with a neighbour. */
function hiddenWarnings(chart: ChartModel, hidden: string[]): string[] {
  return collisionWarnings(chart, hidden, (one) => `hidden because ${one ? 'it overlaps a neighbouring label' : 'they overlap their neighbours'}`);
}

/** Warnings for category labels drawn over a neighbour (overlappingAxisLabels): on the page they run into each other. */
function overlapWarnings(chart: ChartModel, overlapping: string[]): string[] {
  return collisionWarnings(chart, overlapping, (one) => `printed over ${one ? 'a neighbouring label' : 'each other'}, which makes them hard to read`);
}

/** One warning for a chart's category labels among `texts` (as drawn: wrapped lines joined), however many there are; `what` says what befell one or several. */
function collisionWarnings(chart: ChartModel, texts: string[], what: (one: boolean) => string): string[] {
  if (!texts.length) return [];
  const squash = (t: string) => t.replace(/\s+/g, '');
  const categories = new Map(chart.rows.map((r) => [squash(r.category), r.category]));
  const labels = [...new Set(texts.map((text) => categories.get(squash(text))).filter((l): l is string => l !== undefined))];
  if (labels.length === 0) return [];
  const one = labels.length === 1;
  const which = one ? `label ${quote(labels[0]!)} is` : `${labels.length} labels (${labels.map(quote).join(', ')}) are`;
  return [`chart ${quote(chart.title)}: ${which} ${what(one)}; shorten ${one ? 'it' : 'them'} in the canvas: the point's label, or for a point without one (as in a chart of a series) its metric's period, or label in a bar chart`];
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
  // vega-typings declare scenegraph() as a Scene; vega-view returns its Scenegraph, whose root is the scene.
  visit((view.scenegraph() as unknown as { root: SceneNode }).root, false);
  return out;
}

/** An axis label as vega lays it out (vega-typings do not type scenegraph items). */
interface LabelItem {
  x?: number;
  y?: number;
  angle?: number;
  align?: string;
  baseline?: string;
  text?: unknown;
  fontSize?: number;
  lineHeight?: number;
  limit?: number;
  opacity?: number;
}

/**
 * The text of every axis label vega drew over a neighbour. vega hides colliding labels only on
 * axes with overlap removal (the line chart's time axis: hiddenAxisLabels); a band axis draws
 * them all, wherever they fall. Each label is a box in the frame of its own angle: its lines'
 * widest measured width along the baseline, its lines' height across it.
 */
function overlappingAxisLabels(view: vega.View): string[] {
  const font = (vega as unknown as { font: (item: LabelItem) => string }).font;
  const out = new Set<string>();
  interface SceneNode { marktype?: string; role?: string; items?: (SceneNode & LabelItem)[] }
  const box = (item: LabelItem) => {
    const lines = (Array.isArray(item.text) ? item.text : [item.text]).map(String);
    const size = item.fontSize ?? 11;
    const lineHeight = item.lineHeight ?? size;
    const width = Math.min(Math.max(...lines.map((l) => measureTextWidth(l, font(item)))), item.limit && item.limit > 0 ? item.limit : Infinity);
    const height = (lines.length - 1) * lineHeight + size;
    const a = ((item.angle ?? 0) * Math.PI) / 180;
    const [x, y] = [item.x ?? 0, item.y ?? 0];
    const u = x * Math.cos(a) + y * Math.sin(a);
    const v = -x * Math.sin(a) + y * Math.cos(a);
    const left = item.align === 'right' ? u - width : item.align === 'center' ? u - width / 2 : u;
    const top = item.baseline === 'top' ? v : item.baseline === 'middle' ? v - height / 2 : item.baseline === 'bottom' ? v - height : v - 0.8 * size;
    return { left, right: left + width, top, bottom: top + height };
  };
  const visit = (node: SceneNode) => {
    if (node.marktype === 'text' && node.role === 'axis-label') {
      const drawn = (node.items ?? []).filter((i) => i.opacity !== 0 && i.text != null && String(i.text) !== '');
      for (let i = 0; i + 1 < drawn.length; i++) {
        const [a, b] = [box(drawn[i]!), box(drawn[i + 1]!)];
        // Half a pixel of slack: vega's own overlap removal lets labels touch.
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5) {
          for (const item of [drawn[i]!, drawn[i + 1]!]) out.add(Array.isArray(item.text) ? item.text.join(' ') : String(item.text));
        }
      }
      return;
    }
    for (const child of node.items ?? []) visit(child);
  };
  visit((view.scenegraph() as unknown as { root: SceneNode }).root);
  return [...out];
}

/** A chart to draw: its name for errors, the alt text for the SVG root, the prefix of its SVG ids. */
export interface DrawTarget extends ChartName {
  alt?: string;
  /** The value axis's number marks where they are not English's (ChartModel.numbers). */
  numbers?: { decimal: string; group: string };
  idPrefix: string;
}

/** What `check` asks of a laid-out chart: more height (px), labels wrapped otherwise, a line chart with its labels placed anew, or its data's rows set anew in this view (then laid out and checked again). */
type Redo = number | LabelWrap | { lineLabels: LineLabels } | { rows: object[] };

/**
 * Compiles and lays the spec out, and serialises it; after the layout has settled, `check` may
 * ask for more height (px, returned as a number) or for the chart with its labels wrapped or placed otherwise, or set
 * the rows of its data anew in this view (SPEC_DATA), which is laid out and checked again.
 */
export async function drawChart(
  spec: TopLevelSpec,
  chart: DrawTarget,
  check?: (view: vega.View) => Redo,
): Promise<{ svg: string; hidden: string[]; overlapping: string[] } | Exclude<Redo, { rows: unknown }>> {
  const { vega: vgSpec } = compileChart(spec, chart);
  const warnings: string[] = [];
  const errors: string[] = [];
  let view: vega.View | undefined;
  try {
    // vega-typings do not declare the textMetrics and font that vega re-exports from vega-scenegraph.
    installTextMetrics(vega as unknown as { textMetrics: unknown; font: unknown });
    view = new vega.View(vega.parse(vgSpec), {
      renderer: 'none',
      loader: offlineLoader(),
      logger: collectingLogger(warnings, errors),
      locale: viewLocale(chart.numbers),
    });
    await settleLayout(view);
    // vega reports a failed load (here: any URL, refused by the offline loader) only as a warning.
    errors.push(...warnings.filter((w) => w.startsWith('Loading failed')));
    if (errors.length) throw new Error(errors.join('; '));
    let redo = check?.(view);
    while (typeof redo === 'object' && 'rows' in redo) {
      view.data(SPEC_DATA, redo.rows);
      await settleLayout(view, true);
      redo = check!(view);
    }
    if (typeof redo === 'object' || (typeof redo === 'number' && redo > 0)) return redo;
    // vega numbers clip paths and gradients from counters that live as long as the process: restart them.
    vega.resetSVGDefIds();
    const svg = await view.toSVG();
    if (errors.length) throw new Error(errors.join('; '));
    return { svg: finishSvg(svg, chart.idPrefix, chart.alt), hidden: hiddenAxisLabels(view), overlapping: overlappingAxisLabels(view) };
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
 * autosize from the settled size converges in one or two more passes. `again`: the view was laid out before and its
 * data changed since; autosize runs only when asked (resize), so the first pass is one that asks.
 */
async function settleLayout(view: vega.View, again = false): Promise<void> {
  // width/height are the plot size, origin() its offset inside the view.
  const state = () => JSON.stringify([view.width(), view.height(), view.origin()]);
  if (again) view.resize();
  await view.runAsync();
  for (let pass = 0; pass < 4; pass++) {
    const before = state();
    view.resize();
    await view.runAsync();
    if (state() === before) return;
  }
}

function renderError(chart: ChartName, stage: 'compile' | 'render', cause: unknown): BriefingError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const what = stage === 'compile' ? 'Vega-Lite could not compile' : 'Vega could not draw';
  return new BriefingError(`Chart ${quote(chart.title)}${chart.id ? ` (${chart.id})` : ''}: ${what} it: ${reason}`, EXIT.render, { cause });
}
