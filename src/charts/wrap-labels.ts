/**
 * Category labels that do not fit their axis space wrap onto up to three lines instead of
 * being cut with an ellipsis.
 *
 * The wrapping is planned here, before a spec is built, with the exact widths vega itself will
 * use (text-metrics.ts). On a chart's category axis (category-axis.ts; bar and dot: y, column
 * and line: x) every label at least as wide as the axis labelLimit is broken at word
 * boundaries into balanced lines, each narrower than the limit. The plan lists each wrapped
 * label's lines; the spec builder prints them (category-axis.ts categoryLabels: a labelExpr,
 * and on y a labelOffset per line count that centres each block on its band).
 * render-charts.ts makes the chart taller when the bands are too narrow for the lines, and sets
 * slanted column labels level when, wrapped to the band width, they fit (Chinese, Japanese and
 * Korean period labels under columns and line points, even when each fits one slanted line).
 * A label that needs more than three lines is still cut (vega truncates the third line), and a
 * warning names it, so the person building the briefing is told rather than the page silently
 * showing "…".
 */
import type { ChartModel } from '../model/chart-model.ts';
import type { CategoryAxis } from './category-axis.ts';
import { measureTextWidth } from './text-metrics.ts';
import { quote } from '../errors.ts';

/** At most this many lines per label (wrapLabel tries two, then three). */
const MAX_LABEL_LINES = 3;

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
  /**
   * Breaking after a hyphen or slash, or between two CJK characters, is allowed, but a space is
   * preferred: "2025年3月期 / 第2四半期", not the narrower "2025年3月 / 期 第2四半期".
   */
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
      out.push({ end: i, start: i, penalty: 1 });
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

/** How the labels of a chart's category axis are broken into lines. */
export interface WrapPlan {
  channel: 'x' | 'y';
  /** The lines of every label that takes more than one. */
  wrapped: Map<string, string[]>;
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
  /** True when the axis slants these labels and wrapping sets them level (options.levelWidth). */
  leveled: boolean;
}

/** A chart's wrap plan, if any label wraps, and the labels that cannot be printed in full. */
export interface LabelWrap {
  plan?: WrapPlan;
  /** One per label that is cut even on three lines. */
  warnings: string[];
}

/** The line height of wrapped labels, in em. */
const LINE_HEIGHT_EM = 1.22;

export interface WrapOptions {
  /** Measures `text` in the CSS `font`; defaults to the exact canvas measurer. */
  measure?: (text: string, font: string) => number;
  /**
   * For a slanted category axis on x: the width each label has when set level (the band step,
   * or the nearest two ticks' distance on a time axis, less a gap, known once the chart is laid
   * out). When every label then fits in MAX_LABEL_LINES lines, the labels are wrapped to it and
   * set level, which reads better and takes less height than slanted lines: on a band axis
   * when some label wraps anyway, and for labels the axis would rather set level
   * (CategoryAxis.preferLevel) whenever they fit so.
   */
  levelWidth?: number;
}

/** Plans the wrapping of the long category labels of one chart (see the module comment). */
export function planLabelWrap(chart: ChartModel, axis: CategoryAxis, options: WrapOptions = {}): LabelWrap {
  const measure = options.measure ?? measureTextWidth;
  const limit = axis.labelLimit;
  if (!(limit > 0)) return { warnings: [] };
  const labels = [...new Set(chart.rows.map((r) => r.category))];
  const wrapAll = (width: number) => new Map(labels.map((l) => [l, wrapLabel(l, width, (t) => measure(t, axis.font))]));

  let angle = axis.angle;
  let results = wrapAll(limit);
  const levelWidth = options.levelWidth ?? 0;
  const level = axis.channel === 'x' && angle !== 0 && (axis.band || axis.preferLevel) && levelWidth > 0;
  if ([...results.values()].every((w) => w.fits && w.lines.length === 1) && !(level && axis.preferLevel)) return { warnings: [] };
  let leveled = false;
  if (level) {
    const atLevel = wrapAll(Math.min(limit, levelWidth));
    if ([...atLevel.values()].every((w) => w.fits)) {
      results = atLevel;
      angle = 0;
      leveled = true;
    }
  }

  const lines = new Map<string, number>();
  const wrapped = new Map<string, string[]>();
  const warnings: string[] = [];
  for (const [label, w] of results) {
    lines.set(label, w.lines.length);
    if (w.lines.length > 1) wrapped.set(label, w.lines);
    if (!w.fits) warnings.push(`chart ${quote(chart.title)}: label ${quote(label)} is too long to print in full; shorten it in the canvas: the point's label, or for a point without one (as in a chart of a series) its metric's period, or label in a bar chart`);
  }
  // Only labels that cannot be broken: vega cuts them, the warning says so.
  if (!wrapped.size) return { warnings };
  const lineHeight = Math.round(axis.fontSize * LINE_HEIGHT_EM);
  const plan = { channel: axis.channel, wrapped, lines, maxLines: Math.max(...lines.values()), lineHeight, angle, band: axis.band, leveled };
  return { plan, warnings };
}
