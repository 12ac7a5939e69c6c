/**
 * Where a line chart's value labels go, once the chart is laid out and its points have their places. A label must read
 * as its own point's: it stays within its point's half of the way to each neighbouring date (a reader takes a label for
 * the point it is nearest), so neighbouring labels never touch. Rising, a label sits above-left of its point, where the
 * line leaves room (falling, above-right), when it fits in that half; else centred over the point, raised clear of the
 * line (or under it, lowered clear, whichever moves it less). When labels with their unit do not fit so, they give
 * way to their numbers alone (the unit in the value axis title); when even those do not, only the first, last, lowest
 * and highest points of each line are labelled, and the build says so; when none fits, no point is.
 */
import { quote } from '../errors.ts';
import type { ChartModel, ChartRow } from '../model/chart-model.ts';
import { linePositions } from './line-spec.ts';
import { CHART_TEXT } from './style.ts';
import { measureTextWidth } from './text-metrics.ts';
import { chartFontFamily } from './theme.ts';
import { withoutUnit } from './value-labels.ts';

/** One point's value label as drawn: its text ('' for none), anchor and offset from the point, px. */
export interface LineLabel {
  text: string;
  align: 'left' | 'center' | 'right';
  baseline: 'top' | 'bottom';
  dx: number;
  dy: number;
}

/** How many of a line chart's labels say what: every label in full, numbers alone, a few points, none. */
export type LabelTier = 'full' | 'numbers' | 'some' | 'none';
const TIERS: LabelTier[] = ['full', 'numbers', 'some', 'none'];

/** A line chart's value labels, one per row of the model (in its order). */
export interface LineLabels {
  tier: LabelTier;
  labels: LineLabel[];
  warnings: string[];
}

/** Where the laid-out chart puts a row's point, px from the plot's top left; the plot's size. */
export interface LineGeometry {
  x: (row: ChartRow) => number;
  y: (row: ChartRow) => number;
  width: number;
  height: number;
}

/** Space kept between a label and the half-way mark to a neighbouring point (so two labels keep twice this apart), px. */
const HALF_GAP = 2;
/** Offset of a label beside its point (above-left, above-right), px. */
const SIDE_DX = 3;
/** Offsets of a label over (its bottom) and under (its top) its point, px. */
const ABOVE_DY = -7;
const BELOW_DY = 8;
/** The furthest a centred label is moved off its point to clear the line, px: further, it no longer reads as the point's. */
const MAX_SHIFT = 18;

/** The default places, before the chart is laid out: as linePositions says, beside the point where the line leaves room. */
export function defaultLineLabels(rows: ChartRow[]): LineLabel[] {
  return linePositions(rows).map((p, i) => ({
    text: rows[i]!.label,
    align: p === 'above-left' ? 'right' : p === 'above-right' ? 'left' : 'center',
    baseline: p === 'below' ? 'top' : 'bottom',
    dx: p === 'above-left' ? -SIDE_DX : p === 'above-right' ? SIDE_DX : 0,
    dy: p === 'below' ? BELOW_DY : ABOVE_DY,
  }));
}

/**
 * The labels of `chart` laid out as `at` says, at the first tier from `floor` on (the tier drawn before: a chart drawn
 * again never goes back to a tier it left, so the layout settles) at which every label labelled fits.
 */
export function planLineLabels(chart: ChartModel, at: LineGeometry, floor: LabelTier = 'full'): LineLabels {
  const rows = chart.rows;
  const font = `${CHART_TEXT.value}px ${chartFontFamily(chart.lang)}`;
  const positions = linePositions(rows);
  const xs = [...new Set(rows.map(at.x))].sort((a, b) => a - b);
  const room = (x: number): [number, number] => {
    const k = xs.indexOf(x);
    return [k > 0 ? x - (x - xs[k - 1]!) / 2 + HALF_GAP : 0, k < xs.length - 1 ? x + (xs[k + 1]! - x) / 2 - HALF_GAP : at.width];
  };
  const lines = seriesOf(rows, at.x);
  const place = (i: number, text: string): LineLabel | undefined => {
    const row = rows[i]!;
    const [x, y] = [at.x(row), at.y(row)];
    const [lo, hi] = room(x);
    const w = measureTextWidth(text, font);
    const p = positions[i]!;
    if (p === 'above-left' && x - SIDE_DX - w >= lo) return { text, align: 'right', baseline: 'bottom', dx: -SIDE_DX, dy: ABOVE_DY };
    if (p === 'above-right' && x + SIDE_DX + w <= hi) return { text, align: 'left', baseline: 'bottom', dx: SIDE_DX, dy: ABOVE_DY };
    if (w > hi - lo) return undefined;
    // Centred over the point, or as near it as its room allows (the first point's label may reach back into the
    // padding before it, the last one's past it).
    const left = Math.min(Math.max(x - w / 2, lo), hi - w);
    const dx = left + w / 2 - x;
    // The line's height at the label's two ends (between them it is straight on either side of the point).
    const line = lines.get(i)!;
    const ys = [y, lineY(rows, line, left, at), lineY(rows, line, left + w, at)];
    const up = y - Math.min(...ys);
    const down = Math.max(...ys) - y;
    const above: LineLabel = { text, align: 'center', baseline: 'bottom', dx: inward(dx), dy: outward(ABOVE_DY - up) };
    const below: LineLabel = { text, align: 'center', baseline: 'top', dx: inward(dx), dy: outward(BELOW_DY + down) };
    // Where the line passes through, the side that moves the label less; under the point only inside the plot (not
    // among the period labels under it).
    const inPlot = y + below.dy + CHART_TEXT.value * 1.25 <= at.height;
    const choice = p === 'above' ? [above] : p === 'below' ? [below] : (up <= down || !inPlot) ? [above, ...(inPlot ? [below] : [])] : [below, above];
    return choice.find((l) => Math.abs(l.dy) - Math.abs(l.baseline === 'top' ? BELOW_DY : ABOVE_DY) <= MAX_SHIFT);
  };
  const none = (): LineLabel => ({ text: '', align: 'center', baseline: 'bottom', dx: 0, dy: ABOVE_DY });
  const numbers = rows.map((r) => withoutUnit(r.label, chart.valueTitle));
  for (const tier of TIERS.slice(TIERS.indexOf(floor))) {
    if (tier === 'full' || tier === 'numbers') {
      const placed = rows.map((r, i) => place(i, tier === 'full' ? r.label : numbers[i]!));
      if (placed.every((l) => l !== undefined)) return { tier, labels: placed as LineLabel[], warnings: [] };
      continue;
    }
    const chosen = tier === 'some' ? landmarks(rows, lines) : new Set<number>();
    const labels = rows.map((_, i) => (chosen.has(i) ? place(i, numbers[i]!) : undefined) ?? none());
    const labelled = rows.filter((_, i) => labels[i]!.text !== '');
    if (tier === 'some' && labelled.length === 0) continue;
    return { tier, labels, warnings: [crowdedWarning(chart, xs, labelled)] };
  }
  return { tier: 'none', labels: rows.map(none), warnings: [crowdedWarning(chart, xs, [])] };
}

/**
 * Offsets to the half pixel, so that layouts a hair apart place labels alike: across, towards the point (by less than
 * the gap kept at the edge of a label's room); up or down, away from it (no nearer the line).
 */
function inward(px: number): number {
  return Math.trunc(px * 2) / 2 || 0;
}
function outward(px: number): number {
  return Math.sign(px) * Math.ceil(Math.abs(px) * 2 - 1e-9) / 2 || 0;
}

/** True when `plan` draws the labels `chart` was drawn with: those of `drawn`, or before any, the default ones. */
export function sameLineLabels(chart: ChartModel, drawn: LineLabels | undefined, plan: LineLabels): boolean {
  return JSON.stringify(drawn?.labels ?? defaultLineLabels(chart.rows)) === JSON.stringify(plan.labels);
}

/** Each row's line: the indexes of its series' rows, left to right. */
function seriesOf(rows: ChartRow[], x: (row: ChartRow) => number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const group of new Set(rows.map((r) => r.group))) {
    const line = rows.flatMap((r, i) => (r.group === group ? [i] : [])).sort((a, b) => x(rows[a]!) - x(rows[b]!) || a - b);
    for (const i of line) out.set(i, line);
  }
  return out;
}

/** The height (px) of the line through the rows `line` (left to right) at `x`; past its ends, its end's. */
function lineY(rows: ChartRow[], line: number[], x: number, at: LineGeometry): number {
  const pts = line.map((i) => [at.x(rows[i]!), at.y(rows[i]!)] as const);
  if (x <= pts[0]![0]) return pts[0]![1];
  for (let k = 0; k + 1 < pts.length; k++) {
    const [[x0, y0], [x1, y1]] = [pts[k]!, pts[k + 1]!];
    if (x <= x1) return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return pts[pts.length - 1]![1];
}

/** The first, last, lowest and highest point of each line. */
function landmarks(rows: ChartRow[], lines: Map<number, number[]>): Set<number> {
  const out = new Set<number>();
  for (const line of new Set(lines.values())) {
    const byValue = [...line].sort((a, b) => rows[a]!.value - rows[b]!.value);
    for (const i of [line[0]!, line[line.length - 1]!, byValue[0]!, byValue[byValue.length - 1]!]) out.add(i);
  }
  return out;
}

/** The warning of a chart whose points are too close together for each to carry its label; `labelled`: the points that do. */
function crowdedWarning(chart: ChartModel, xs: number[], labelled: ChartRow[]): string {
  const gap = Math.min(...xs.slice(1).map((x, k) => x - xs[k]!));
  const names = labelled.map((r) => quote(r.category));
  const which = names.length === 0
    ? 'no point is labelled'
    : `only ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`} ${names.length === 1 ? 'is' : 'are'} labelled (of the first, last, lowest and highest points, those with room)`;
  return `chart ${quote(chart.title)}: its points stand ${Math.round(gap)}px apart, too close for each to carry its value label, even as a number alone, without running into the next point's; ${which}, and a reader reads the others on the value axis. Plot fewer points (a shorter span, or yearly figures), or give the figures in a table`;
}
