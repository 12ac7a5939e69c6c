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

/** A label's box on the plot, px from its top left. */
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Why a label found no place: too wide for its point's share of the way, or every place runs into another line or its labels. */
type Blocked = { by: 'room' } | { by: 'series'; series: string };

/**
 * The labels of `chart` laid out as `at` says, at the first tier from `floor` on (the tier drawn before: a chart drawn
 * again never goes back to a tier it left, so the layout settles) at which every label labelled fits: within its
 * point's share of the way, clear of every line (the other series' too), of every label placed before it (of all
 * series) and nearer its own point than any other series' point of its date.
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
  const allLines = [...new Set(lines.values())];
  // Placed at each date top point first, so that where two series meet the upper one's label takes the place above.
  const order = rows.map((_, i) => i).sort((a, b) => at.x(rows[a]!) - at.x(rows[b]!) || at.y(rows[a]!) - at.y(rows[b]!) || a - b);
  const place = (i: number, text: string, placed: Box[]): LineLabel | Blocked => {
    const row = rows[i]!;
    const [x, y] = [at.x(row), at.y(row)];
    const [lo, hi] = room(x);
    const w = measureTextWidth(text, font);
    const p = positions[i]!;
    const candidates: LineLabel[] = [];
    if (p === 'above-left' && x - SIDE_DX - w >= lo) candidates.push({ text, align: 'right', baseline: 'bottom', dx: -SIDE_DX, dy: ABOVE_DY });
    if (p === 'above-right' && x + SIDE_DX + w <= hi) candidates.push({ text, align: 'left', baseline: 'bottom', dx: SIDE_DX, dy: ABOVE_DY });
    if (w <= hi - lo) {
      // Centred over the point, or as near it as its room allows (the first point's label may reach back into the
      // padding before it, the last one's past it).
      const left = Math.min(Math.max(x - w / 2, lo), hi - w);
      const dx = left + w / 2 - x;
      // The line's height at the label's two ends (between them it is straight on either side of the point).
      const line = lines.get(i)!;
      const ys = [y, lineY(rows, line, left, at), lineY(rows, line, left + w, at)];
      const above: LineLabel = { text, align: 'center', baseline: 'bottom', dx: inward(dx), dy: outward(ABOVE_DY - (y - Math.min(...ys))) };
      const below: LineLabel = { text, align: 'center', baseline: 'top', dx: inward(dx), dy: outward(BELOW_DY + (Math.max(...ys) - y)) };
      // On the side linePositions chose (where two series share a date, the upper one's above, the lower one's
      // below), else on the other; under the point only inside the plot (not among the period labels under it), and
      // never moved so far off it that it no longer reads as the point's.
      const inPlot = y + below.dy + LABEL_HEIGHT <= at.height;
      const sides = p === 'below' ? [below, above] : [above, below];
      candidates.push(...sides.filter((l) => (l === below ? inPlot : true) && Math.abs(l.dy) - Math.abs(l.baseline === 'top' ? BELOW_DY : ABOVE_DY) <= MAX_SHIFT));
    }
    if (candidates.length === 0) return { by: 'room' };
    let blocked: Blocked = { by: 'room' };
    for (const label of candidates) {
      const box = boxOf(label, x, y, w);
      // What the label would run into: a line (by one of its rows), a label placed before, a nearer point.
      const other = allLines.find((l) => crosses(rows, l, box, at))?.[0] ?? placedBy(box, placed) ?? nearerPoint(rows, i, box, at, lines);
      if (other === undefined) return label;
      if (blocked.by === 'room' && lines.get(other) !== lines.get(i)) blocked = { by: 'series', series: rows[other]!.group ?? '' };
    }
    return blocked;
  };
  const none = (): LineLabel => ({ text: '', align: 'center', baseline: 'bottom', dx: 0, dy: ABOVE_DY });
  const numbers = rows.map((r) => withoutUnit(r.label, chart.valueTitle));
  /** The labels of the rows `chosen` (all: every one must find a place), the others left without; what blocked those that found none. */
  const layOut = (texts: string[], chosen: (i: number) => boolean) => {
    const labels = rows.map(none);
    const boxes: Box[] = [];
    const blocked: { row: number; why: Blocked }[] = [];
    for (const i of order) {
      if (!chosen(i)) continue;
      const got = place(i, texts[i]!, boxes);
      if ('text' in got) {
        labels[i] = got;
        const row = rows[i]!;
        boxes[i] = boxOf(got, at.x(row), at.y(row), measureTextWidth(got.text, font));
      } else blocked.push({ row: i, why: got });
    }
    return { labels, blocked };
  };
  let why: { row: number; why: Blocked }[] = [];
  for (const tier of TIERS.slice(TIERS.indexOf(floor))) {
    if (tier === 'full' || tier === 'numbers') {
      const { labels, blocked } = layOut(tier === 'full' ? rows.map((r) => r.label) : numbers, () => true);
      if (blocked.length === 0) return { tier, labels, warnings: [] };
      if (tier === 'numbers' || why.length === 0) why = blocked;
      continue;
    }
    const chosen = tier === 'some' ? landmarks(rows, lines) : new Set<number>();
    const { labels, blocked } = layOut(numbers, (i) => chosen.has(i));
    const labelled = rows.filter((_, i) => labels[i]!.text !== '');
    if (tier === 'some' && labelled.length === 0) continue;
    return { tier, labels, warnings: [crowdedWarning(chart, xs, labelled, [...why, ...blocked])] };
  }
  return { tier: 'none', labels: rows.map(none), warnings: [crowdedWarning(chart, xs, [], why)] };
}

/** The height of a label's box (Vega's: its font size), px. */
const LABEL_HEIGHT = CHART_TEXT.value;
/** Room kept between a label and another label or a line, px. */
const CLEARANCE = 1;

/** The box of `label` beside the point at `x`, `y`, `w` px wide. */
function boxOf(label: LineLabel, x: number, y: number, w: number): Box {
  const ax = x + label.dx;
  const left = label.align === 'right' ? ax - w : label.align === 'center' ? ax - w / 2 : ax;
  const ay = y + label.dy;
  const top = label.baseline === 'top' ? ay : ay - LABEL_HEIGHT;
  return { left, right: left + w, top, bottom: top + LABEL_HEIGHT };
}

/** True when the line through the rows `line` (left to right) passes through `box` or within CLEARANCE of it. */
function crosses(rows: ChartRow[], line: number[], box: Box, at: LineGeometry): boolean {
  const [l, r, t, b] = [box.left - CLEARANCE, box.right + CLEARANCE, box.top - CLEARANCE, box.bottom + CLEARANCE];
  for (let k = 0; k + 1 < line.length; k++) {
    const [p, q] = [rows[line[k]!]!, rows[line[k + 1]!]!];
    const [x0, y0, x1, y1] = [at.x(p), at.y(p), at.x(q), at.y(q)];
    const [from, to] = [Math.max(l, x0), Math.min(r, x1)];
    if (from > to) continue;
    const yAt = (x: number) => (x1 === x0 ? y0 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0));
    const [ya, yb] = x1 === x0 ? [y0, y1] : [yAt(from), yAt(to)];
    if (Math.max(ya, yb) >= t && Math.min(ya, yb) <= b) return true;
  }
  // A line of one point is its point.
  if (line.length === 1) {
    const p = rows[line[0]!]!;
    return at.x(p) >= l && at.x(p) <= r && at.y(p) >= t && at.y(p) <= b;
  }
  return false;
}

/** The row of a label placed before (`placed`, by row) whose box meets `box` (with CLEARANCE between), if any. */
function placedBy(box: Box, placed: Box[]): number | undefined {
  const k = placed.findIndex((o) => o !== undefined && o.left < box.right + CLEARANCE && box.left < o.right + CLEARANCE && o.top < box.bottom + CLEARANCE && box.top < o.bottom + CLEARANCE);
  return k === -1 ? undefined : k;
}

/** Another series' point of row `i`'s date that `box` is nearer than to row `i`'s own point, if any: the label would read as that point's. */
function nearerPoint(rows: ChartRow[], i: number, box: Box, at: LineGeometry, lines: Map<number, number[]>): number | undefined {
  const distance = (r: ChartRow) => Math.hypot(Math.max(box.left - at.x(r), 0, at.x(r) - box.right), Math.max(box.top - at.y(r), 0, at.y(r) - box.bottom));
  const own = distance(rows[i]!);
  const k = rows.findIndex((r, j) => lines.get(j) !== lines.get(i) && r.date === rows[i]!.date && distance(r) < own - 0.01);
  return k === -1 ? undefined : k;
}

/**
 * A line chart's labels where placing them would not settle (each new place moved the points again): none, and a
 * warning naming the chart, rather than labels placed on another layout than the one drawn.
 */
export function unsettledLineLabels(chart: ChartModel): LineLabels {
  const none = (): LineLabel => ({ text: '', align: 'center', baseline: 'bottom', dx: 0, dy: ABOVE_DY });
  return {
    tier: 'none',
    labels: chart.rows.map(none),
    warnings: [`chart ${quote(chart.title)}: its value labels could not be placed by their points (each place tried moved the points again), so no point is labelled, and a reader reads the values on the value axis. Plot fewer points, or give the figures in a table`],
  };
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

/**
 * The warning of a chart whose points cannot each carry their label; `labelled`: the points that do; `blocked`: the
 * labels that found no place, and why (too wide for their share of the way, or in the way of another series).
 */
function crowdedWarning(chart: ChartModel, xs: number[], labelled: ChartRow[], blocked: { row: number; why: Blocked }[]): string {
  // A point of a chart of several series by its series too: "Q1 2024" of "Cloud".
  const several = new Set(chart.rows.map((r) => r.group)).size > 1;
  const names = labelled.map((r) => (several ? `${quote(r.category)} of ${quote(r.group ?? '')}` : quote(r.category)));
  const which = names.length === 0
    ? 'no point is labelled'
    : `only ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`} ${names.length === 1 ? 'is' : 'are'} labelled (of the first, last, lowest and highest points, those with room)`;
  const series = blocked.find((b) => b.why.by === 'series');
  if (series !== undefined && series.why.by === 'series') {
    const own = chart.rows[series.row]!;
    return `chart ${quote(chart.title)}: its lines ${quote(own.group ?? '')} and ${quote(series.why.series)} run so close together (at ${quote(own.category)}) that their points cannot each carry a value label, even as a number alone, clear of the other line and its labels; ${which}, and a reader reads the others on the value axis. Chart the series apart, or give the figures in a table`;
  }
  const gap = Math.min(...xs.slice(1).map((x, k) => x - xs[k]!));
  return `chart ${quote(chart.title)}: its points stand ${Math.round(gap)}px apart, too close for each to carry its value label, even as a number alone, without running into the next point's; ${which}, and a reader reads the others on the value axis. Plot fewer points (a shorter span, or yearly figures), or give the figures in a table`;
}
