/** Line charts: points placed by date, labelled with their periods, value labels clear of the line. */
import type { ChartRow } from '../model/chart-model.ts';
import { categoryLabels } from './category-axis.ts';
import { exprLiteral } from './expression.ts';
import { colorEncoding, valueField, zeroRule, type SpecContext } from './encodings.ts';
import { CHART_TEXT } from './style.ts';
import { measureTextWidth } from './text-metrics.ts';
import { chartFontFamily } from './theme.ts';
import type { Encoding, Layer, PositionDef } from './vega-lite-types.ts';

/** Label places around a line point, chosen so the label keeps clear of the line's own segments. */
export type LabelPosition = 'above' | 'below' | 'above-left' | 'above-right';

/** The layers of a line chart; ctx.rows carry their label positions (linePositions) and labels as placed (line-labels.ts). */
export function lineSpec(ctx: SpecContext): { layer: Layer[] } {
  const x = dateField(ctx);
  // Room under the lowest points for their labels, where the zero baseline does not give it already.
  const y = valueField(ctx);
  const max = Math.max(...ctx.rows.map((r) => Math.abs(r.value)));
  const crowded = ctx.rows.some((r) => r.position === 'below' && r.value < 0.15 * max);
  if (!ctx.chart.logScale && crowded) y.scale = { padding: 20 };
  // Fitted to the values (from_zero: false): the lowest and highest points lie at the axis' ends, their labels need room.
  if (ctx.chart.fromZero === false) y.scale = { zero: false, padding: 20 };
  const shared: Encoding<string> = { x, y };
  const series = ctx.grouped ? colorEncoding(ctx) : {};
  const hasNegative = ctx.rows.some((r) => r.value < 0);
  return {
    layer: [
      ...(hasNegative ? zeroRule(ctx, 'y') : []),
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { ...shared, ...series, order: { field: 'date', type: 'temporal' } } },
      { mark: { type: 'point', filled: true, size: 42 }, encoding: { ...shared, ...series } },
      {
        // Each label where line-labels.ts puts it (a point without one has none).
        transform: [{ filter: "datum.label !== ''" }],
        mark: {
          type: 'text',
          align: { expr: 'datum.labelAlign' },
          baseline: { expr: 'datum.labelBaseline' },
          dx: { expr: 'datum.labelDx' },
          dy: { expr: 'datum.labelDy' },
        },
        encoding: { ...shared, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}

/** The time axis: ticks at the data's own dates, labelled with the points' category labels. */
function dateField(ctx: SpecContext): PositionDef {
  const dates: number[] = [];
  const labels: string[] = [];
  for (const r of ctx.rows) {
    const t = Date.parse(`${r.date}T00:00:00Z`);
    if (!dates.includes(t)) {
      dates.push(t);
      labels.push(r.category);
    }
  }
  const padding = timePadding(ctx.rows, ctx.chart.lang);
  const text = `${exprLiteral(labels)}[indexof(${exprLiteral(dates)}, time(datum.value))]`;
  return {
    field: 'date', type: 'temporal', title: null,
    scale: { type: 'utc', padding },
    axis: { values: dates, ...categoryLabels(ctx.axis, ctx.wrap, text) },
  };
}

/**
 * The time axis' padding at both ends, px: room for a label centred on the first or last point, as printed (`rows`
 * carry their labels as line-labels.ts places them), measured.
 */
export function timePadding(rows: ChartRow[], lang: string | undefined): number {
  const font = `${CHART_TEXT.value}px ${chartFontFamily(lang)}`;
  const dates = rows.map((r) => Date.parse(`${r.date}T00:00:00Z`));
  const [first, last] = [Math.min(...dates), Math.max(...dates)];
  const ends = rows.filter((_, i) => dates[i] === first || dates[i] === last);
  return Math.round(Math.max(16, ...ends.map((r) => measureTextWidth(r.label, font) / 2 + 6)));
}

/**
 * Where each line point's label goes, per series in date order: above a peak, below a valley,
 * and where the line passes through rising, above-left (falling: above-right), the side the
 * two segments leave free. End points count as peak or valley against their one neighbour.
 */
export function linePositions(rows: ChartRow[]): LabelPosition[] {
  const out: LabelPosition[] = rows.map(() => 'above');
  for (const idx of indexesBy(rows, (r) => r.group ?? '')) {
    idx.sort((a, b) => (rows[a].date! < rows[b].date! ? -1 : rows[a].date! > rows[b].date! ? 1 : a - b));
    idx.forEach((i, k) => {
      const v = rows[i].value;
      const prev = k > 0 ? rows[idx[k - 1]].value : undefined;
      const next = k < idx.length - 1 ? rows[idx[k + 1]].value : undefined;
      if (prev === undefined && next === undefined) out[i] = 'above';
      else if (prev === undefined) out[i] = v >= next! ? 'above' : 'below';
      else if (next === undefined) out[i] = v >= prev ? 'above' : 'below';
      else if (v >= prev && v >= next) out[i] = 'above';
      else if (v <= prev && v <= next) out[i] = 'below';
      else out[i] = prev < v ? 'above-left' : 'above-right';
    });
  }
  // Several series on one date: the top point's label goes above, the bottom one's below,
  // so labels of neighbouring lines do not stack on each other.
  for (const idx of indexesBy(rows, (r) => r.date!)) {
    if (new Set(idx.map((i) => rows[i].group ?? '')).size < 2) continue;
    const sorted = [...idx].sort((a, b) => rows[b].value - rows[a].value);
    const top = sorted[0];
    const bottom = sorted[sorted.length - 1];
    if (out[top] === 'below') out[top] = 'above';
    out[bottom] = 'below';
  }
  return out;
}

/** The row indexes sharing each key, keys in order of first appearance. */
function indexesBy(rows: ChartRow[], key: (r: ChartRow) => string): number[][] {
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const k = key(r);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(i);
  });
  return [...groups.values()];
}
