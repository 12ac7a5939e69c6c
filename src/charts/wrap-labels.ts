/**
 * Category labels that do not fit their axis space wrap onto up to three lines instead of
 * being cut with an ellipsis.
 *
 * model/chart-spec.ts is pure and cannot measure text, so the wrapping happens here, just
 * before a spec is compiled, with the exact widths vega itself will use (text-metrics.ts).
 * For each category axis (bar and dot: y; column and line: x) every label at least as wide as
 * the axis labelLimit is broken at word boundaries into balanced lines, each narrower than the
 * limit. Vega-Lite draws a label that is an array of strings as lines, so the axis gets a
 * labelExpr that maps the full label to its lines; the data and the scale domain keep the
 * full label. Bar and dot labels are centred on their band (labelOffset per line count);
 * render-charts.ts makes the chart taller when the bands are too narrow for the lines, and sets
 * slanted column labels level when, wrapped to the band width, they fit.
 * A label that needs more than three lines is still cut (vega truncates the third line), and a
 * warning names it, so the person building the briefing is told rather than the page silently
 * showing "…".
 */
import type { ChartSpec } from '../model/chart-spec.ts';
import { CHART_TEXT } from '../chart-style.ts';
import { CHART_FONT_FAMILY } from './theme.ts';
import { measureTextWidth } from './text-metrics.ts';

/** At most this many lines per label (wrapLabel tries two, then three). */
const MAX_LABEL_LINES = 3;

/** Vega's default axis labelLimit, when neither the axis nor the config sets one. */
const VEGA_LABEL_LIMIT = 180;

export type Measure = (text: string) => number;

export interface WrappedLabel {
  /** The lines, trimmed; one line when the label fits as it is. */
  lines: string[];
  /** False when even MAX_LABEL_LINES lines cannot hold the label: the last line will be cut. */
  fits: boolean;
}

/** A place where a line may end: the line ends before `end`, the next one starts at `start`. */
interface Break {
  end: number;
  start: number;
  /** Breaking after a hyphen or slash is allowed, but a space is preferred. */
  penalty: number;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

function breaksOf(text: string): Break[] {
  const out: Break[] = [];
  for (let i = 1; i < text.length; i++) {
    const prev = text[i - 1];
    const ch = text[i];
    if (/\s/.test(ch) && !/\s/.test(prev)) {
      let j = i;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (j < text.length) out.push({ end: i, start: j, penalty: 0 });
    } else if (/[-\u2010\u2013/]/.test(prev) && /[\p{L}\p{N}]/u.test(ch) && i >= 2 && /[\p{L}\p{N}]/u.test(text[i - 2])) {
      out.push({ end: i, start: i, penalty: 1 });
    } else if (CJK.test(prev) && CJK.test(ch)) {
      out.push({ end: i, start: i, penalty: 0 });
    }
  }
  return out;
}

/**
 * Breaks `text` into the fewest lines (at most MAX_LABEL_LINES) that are each narrower than
 * `limit`, at spaces (or, failing that, after a hyphen or slash, or between CJK characters),
 * balancing the lines so the widest is as narrow as possible. When no such split exists the
 * lines are filled greedily and the rest goes on the last line (`fits: false`).
 */
export function wrapLabel(text: string, limit: number, measure: Measure): WrappedLabel {
  const label = text.trim();
  // vega keeps a line whole only while its width is strictly below the limit.
  const fitsLine = (s: string) => measure(s) < limit - 0.5;
  if (fitsLine(label) || !label) return { lines: [label], fits: true };

  const breaks = breaksOf(label);
  const slice = (from: number, to: number) => label.slice(from, to).trim();
  const starts = [0, ...breaks.map((b) => b.start)];
  const ends = [...breaks.map((b) => b.end), label.length];

  // Best split into exactly k lines: fewest penalised breaks, then the narrowest widest line.
  let best: { lines: string[]; penalty: number; widest: number } | undefined;
  const consider = (cut: number[]) => {
    const lines: string[] = [];
    let widest = 0;
    let penalty = 0;
    let from = 0;
    for (const b of cut) {
      lines.push(slice(starts[from], ends[b]));
      penalty += breaks[b].penalty;
      from = b + 1;
    }
    lines.push(slice(starts[from], label.length));
    for (const line of lines) {
      if (!fitsLine(line)) return;
      widest = Math.max(widest, measure(line));
    }
    if (!best || penalty < best.penalty || (penalty === best.penalty && widest < best.widest)) best = { lines, penalty, widest };
  };
  for (let i = 0; i < breaks.length; i++) consider([i]);
  if (!best) {
    // Three lines. Only first lines that fit can start a solution; the inner loop likewise stops
    // once the middle line is too wide.
    for (let i = 0; i < breaks.length; i++) {
      if (!fitsLine(slice(0, ends[i]))) break;
      for (let j = i + 1; j < breaks.length; j++) {
        if (!fitsLine(slice(starts[i + 1], ends[j]))) break;
        consider([i, j]);
      }
    }
  }
  if (best) return { lines: best.lines, fits: true };

  // Greedy: each line as long as fits (at least up to the first break), the rest on the last line.
  const lines: string[] = [];
  let from = 0;
  let b = 0;
  while (lines.length < MAX_LABEL_LINES - 1 && b < breaks.length) {
    let last = -1;
    for (let i = b; i < breaks.length; i++) {
      if (fitsLine(slice(starts[from], ends[i]))) last = i;
      else break;
    }
    if (last < 0) last = b;
    lines.push(slice(starts[from], ends[last]));
    from = last + 1;
    b = last + 1;
  }
  lines.push(slice(starts[from], label.length));
  return { lines, fits: false };
}

type Spec = Record<string, unknown>;

/** The category axis of one channel after wrapping. */
export interface WrappedAxis {
  channel: 'x' | 'y';
  /** Lines per label, for every label of the axis (wrapped or not). */
  lines: Map<string, number>;
  /** The most lines any label takes. */
  maxLines: number;
  /** Line height in px. */
  lineHeight: number;
  /** Label angle in degrees (x axes: 0 = level). */
  angle: number;
  /** True for a band (nominal) axis, false for a temporal one. */
  band: boolean;
  /** True when the spec slanted these labels and wrapping set them level (options.levelWidth). */
  leveled: boolean;
}

export interface WrappedChart {
  /** The chart with a copy of its spec in which the wrapped axes carry their lines. */
  chart: ChartSpec;
  /** Axes on which at least one label wraps. */
  axes: WrappedAxis[];
  /** One per label that is cut even on three lines. */
  warnings: string[];
}

/** The line height of wrapped labels, in em. */
const LINE_HEIGHT_EM = 1.22;

export interface WrapOptions {
  /** Measures `text` in the CSS `font`; defaults to the exact canvas measurer. */
  measure?: (text: string, font: string) => number;
  /**
   * For a slanted category axis on x: the width each label has when set level (the band step
   * less a gap, known once the chart is laid out). When every label then fits in
   * MAX_LABEL_LINES lines, the labels are wrapped to it and set level, which reads better and
   * takes less height than slanted lines.
   */
  levelWidth?: number;
}

/**
 * Wraps the long category labels of one chart (see the module comment). The chart passed in
 * is not changed; when no label needs wrapping it is returned as is.
 */
export function wrapChartLabels(chart: ChartSpec, options: WrapOptions = {}): WrappedChart {
  const measure = options.measure ?? measureTextWidth;
  const spec = chart.spec;
  const values = (spec.data as { values?: unknown } | undefined)?.values;
  if (!Array.isArray(values)) return { chart, axes: [], warnings: [] };
  const out = structuredClone(spec);
  const config = (out.config ?? {}) as Spec;
  const axisConfig = (config.axis ?? {}) as Spec;
  const warnings: string[] = [];
  const axes: WrappedAxis[] = [];
  const warned = new Set<string>();

  for (const channel of ['y', 'x'] as const) {
    const defs = channelDefs(out, channel);
    // Labels come from the data: the category field of a nominal axis; a temporal axis whose
    // labelExpr prints the points' category labels (line charts) has the same strings.
    const axisDefs = defs.filter((d) => isObject(d.axis) && (d.field === 'category' || (d.type === 'temporal' && typeof (d.axis as Spec).labelExpr === 'string')));
    if (!axisDefs.length) continue;
    const axis = axisDefs[0].axis as Spec;
    const limit = num(axis.labelLimit) ?? num(axisConfig.labelLimit) ?? VEGA_LABEL_LIMIT;
    if (!(limit > 0)) continue;
    const size = num(axis.labelFontSize) ?? num(axisConfig.labelFontSize) ?? CHART_TEXT.label;
    const family = str(axis.labelFont) ?? str(axisConfig.labelFont) ?? CHART_FONT_FAMILY;
    const weight = axis.labelFontWeight ?? axisConfig.labelFontWeight;
    // The CSS shorthand vega-scenegraph builds from the same properties (its font()).
    const font = `${weight ? `${weight} ` : ''}${size}px ${family}`;
    const labels = [...new Set(values.map((r) => (r as Spec).category).filter((c): c is string => typeof c === 'string'))];
    const wrapAll = (width: number) => new Map(labels.map((l) => [l, wrapLabel(l, width, (t) => measure(t, font))]));

    const band = axisDefs[0].type === 'nominal';
    let angle = num(axis.labelAngle) ?? 0;
    let results = wrapAll(limit);
    if ([...results.values()].every((w) => w.fits && w.lines.length === 1)) continue;
    let level = false;
    if (channel === 'x' && angle !== 0 && band && options.levelWidth && options.levelWidth > 0) {
      const atLevel = wrapAll(Math.min(limit, options.levelWidth));
      if ([...atLevel.values()].every((w) => w.fits)) {
        results = atLevel;
        angle = 0;
        level = true;
      }
    }

    const lines = new Map<string, number>();
    const wrapped = new Map<string, string[]>();
    for (const [label, w] of results) {
      lines.set(label, w.lines.length);
      if (w.lines.length > 1) wrapped.set(label, w.lines);
      if (!w.fits && !warned.has(label)) {
        warned.add(label);
        warnings.push(`chart "${chart.title}": label "${label}" is too long to print in full; shorten the point's label in the canvas`);
      }
    }

    if (!wrapped.size) continue; // only labels that cannot be broken: vega cuts them, the warning says so

    const lineHeight = Math.round(size * LINE_HEIGHT_EM);
    const keys = JSON.stringify([...wrapped.keys()]);
    const arrays = JSON.stringify([...wrapped.values()]);
    // Layers may share one encoding object (structuredClone keeps shared references): patch each axis once.
    for (const a of new Set(axisDefs.map((d) => d.axis as Spec))) {
      const text = typeof a.labelExpr === 'string' ? `(${a.labelExpr})` : 'datum.label';
      a.labelExpr = `indexof(${keys}, ${text}) >= 0 ? ${arrays}[indexof(${keys}, ${text})] : ${text}`;
      a.labelLineHeight = lineHeight;
      if (level) a.labelAngle = 0;
      if (channel === 'y') {
        // vega sets the first line on the tick and hangs the others below it; centre the block
        // on the band by moving it up half of the extra lines.
        const byCount = new Map<number, string[]>();
        for (const [label, ls] of wrapped) {
          if (!byCount.has(ls.length)) byCount.set(ls.length, []);
          byCount.get(ls.length)!.push(label);
        }
        a.labelOffset = {
          condition: [...byCount].map(([n, ls]) => ({
            test: `indexof(${JSON.stringify(ls)}, datum.label) >= 0`,
            value: -((n - 1) * lineHeight) / 2,
          })),
          value: 0,
        };
      }
    }
    axes.push({ channel, lines, maxLines: Math.max(...lines.values()), lineHeight, angle, band, leveled: level });
  }
  if (!axes.length) return { chart, axes, warnings };
  return { chart: { ...chart, spec: out }, axes, warnings };
}

/** Every encoding definition of `channel`, top level and in each layer. */
function channelDefs(spec: Spec, channel: 'x' | 'y'): Spec[] {
  const out: Spec[] = [];
  const visit = (s: Spec) => {
    const enc = s.encoding as Spec | undefined;
    if (enc && isObject(enc[channel])) out.push(enc[channel] as Spec);
    if (Array.isArray(s.layer)) for (const l of s.layer) if (isObject(l)) visit(l as Spec);
  };
  visit(spec);
  return out;
}

function isObject(v: unknown): v is Spec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
