/**
 * Chart specs: a canvas chart plus its metrics become a Vega-Lite spec with inline data.
 *
 * Pure (no vega imports, not even types): the spec is plain JSON, rendered by
 * charts/render-charts.ts, which adds the theme (charts/theme.ts). Every text a reader sees
 * comes from model/format.ts: value labels are formatQuantity output (qualifier kept, e.g.
 * "over 600 million"), the value axis title is unitLabel(unit, scale). No chart title inside
 * the spec: the HTML figure carries title and caption.
 */
import type { Chart, Metric } from '../validate/schema.ts';
import { CHART_COLORS, CHART_TEXT } from '../chart-style.ts';
import { formatQuantity, unitLabel } from './format.ts';
import { isCurrency } from '../canvas/currencies.ts';

export interface ChartSpec {
  id?: string;
  title: string;
  caption?: string;
  /** A Vega-Lite spec (top-level, with inline data; charts/ adds the theme as its config). */
  spec: Record<string, unknown>;
  /** A text description for accessibility: the title, the value axis, then each point "label: value". */
  alt: string;
}

export interface ChartSize {
  /** CSS px. */
  width: number;
  /** CSS px. */
  height: number;
}

/** One row of a chart's inline data. */
export interface ChartDatum {
  /** Category (bar, dot) or period (column, line) label. */
  category: string;
  /** The number in the metric's own scale: 39.8 for RMB 39.8 billion. */
  value: number;
  /** The value as printed beside the mark, from formatQuantity. */
  label: string;
  /** Series, when the chart colours points by group. */
  group?: string;
  /** Line charts: period_end, YYYY-MM-DD. */
  date?: string;
  /** Line charts: where the value label sits relative to its point (see linePositions). */
  position?: LabelPosition;
}

/** Label places around a line point, chosen so the label keeps clear of the line's own segments. */
export type LabelPosition = 'above' | 'below' | 'above-left' | 'above-right';

const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const TYPE_WORDS: Record<Chart['type'], string> = {
  bar: 'Bar chart', column: 'Column chart', line: 'Line chart', dot: 'Dot plot',
};
/** Category axis labels of horizontal charts may take this share of the width (clamped below). */
const CATEGORY_LABEL_SHARE = 0.45;

export function buildChartSpec(chart: Chart, metrics: Record<string, Metric>, size: ChartSize): ChartSpec {
  const rows = chartData(chart, metrics);
  const first = metrics[chart.points[0].metric];
  const axisTitle = unitLabel(first.unit!, first.scale);
  const log = chart.log_scale === true;
  if (log) {
    const bad = chart.points.filter((p, i) => !(rows[i].value > 0)).map((p) => `${p.metric} (${metrics[p.metric].value})`);
    if (bad.length) {
      throw new Error(`Chart "${chart.title}" uses log_scale, which needs values above zero; not: ${bad.join(', ')}`);
    }
  }
  const grouped = rows.some((r) => r.group !== undefined);
  if (grouped) for (const r of rows) r.group ??= 'Other';

  const ctx: Ctx = { chart, rows, axisTitle, log, grouped, size };
  const body =
    chart.type === 'bar' ? barSpec(ctx)
    : chart.type === 'column' ? columnSpec(ctx)
    : chart.type === 'line' ? lineSpec(ctx)
    : dotSpec(ctx);

  const alt = altText(chart, metrics, rows, axisTitle, log);
  const spec: Record<string, unknown> = {
    $schema: VEGA_LITE_SCHEMA,
    description: alt,
    width: size.width,
    height: size.height,
    autosize: { type: 'fit', contains: 'padding' },
    data: { values: rows },
    ...body,
  };
  return { title: chart.title, ...(chart.caption ? { caption: chart.caption } : {}), spec, alt };
}

/** The chart's rows, in the order given; throws when a metric is missing, has no number, or units differ. */
export function chartData(chart: Chart, metrics: Record<string, Metric>): ChartDatum[] {
  const where = `Chart "${chart.title}"`;
  const missing = chart.points.filter((p) => !metrics[p.metric]).map((p) => p.metric);
  if (missing.length) throw new Error(`${where} refers to metrics that are not defined: ${missing.join(', ')}`);
  const textOnly = chart.points.filter((p) => metrics[p.metric].value === undefined).map((p) => p.metric);
  if (textOnly.length) {
    throw new Error(`${where} can only plot metrics with a numeric value; these have text instead: ${textOnly.join(', ')}`);
  }

  // One unit and scale per chart: the value axis states it once.
  const byUnit = new Map<string, string[]>();
  for (const p of chart.points) {
    const m = metrics[p.metric];
    const key = unitLabel(m.unit!, m.scale);
    if (!byUnit.has(key)) byUnit.set(key, []);
    if (!byUnit.get(key)!.includes(p.metric)) byUnit.get(key)!.push(p.metric);
  }
  if (byUnit.size > 1) {
    const parts = [...byUnit].map(([unit, ids]) => `${ids.join(', ')} in ${unit}`);
    throw new Error(`${where} mixes units or scales (${parts.join('; ')}): all values in one chart must share unit and scale`);
  }

  if (chart.type === 'line') {
    const undated = chart.points.filter((p) => !metrics[p.metric].period_end).map((p) => p.metric);
    if (undated.length) {
      throw new Error(`${where} is a line chart, which places points by period_end; these metrics have none: ${undated.join(', ')}`);
    }
  }

  return chart.points.map((p) => {
    const m = metrics[p.metric];
    const byPeriod = chart.type === 'column' || chart.type === 'line';
    const row: ChartDatum = {
      category: p.label ?? (byPeriod ? m.period : m.label),
      value: m.value!,
      label: valueLabel(m),
    };
    if (p.group !== undefined) row.group = p.group;
    if (chart.type === 'line') row.date = m.period_end;
    return row;
  });
}

/**
 * The label beside a mark: formatQuantity output with its qualifier ("over 600 million"),
 * dropping only a unit word the axis title already states ("users"); currency prefixes and
 * "%" stay, so the label reads on its own.
 */
export function valueLabel(m: Metric): string {
  const full = fullValue(m);
  const unit = m.unit!;
  if (!isCurrency(unit) && unit !== 'percent' && full.endsWith(` ${unit}`)) return full.slice(0, -unit.length - 1);
  return full;
}

function fullValue(m: Metric): string {
  return formatQuantity({ value: m.value!, unit: m.unit!, scale: m.scale, qualifier: m.qualifier, decimals: m.decimals });
}

function altText(chart: Chart, metrics: Record<string, Metric>, rows: ChartDatum[], axisTitle: string, log: boolean): string {
  const items = chart.points.map((p, i) => {
    const r = rows[i];
    return `${r.category}${r.group !== undefined ? ` (${r.group})` : ''}: ${fullValue(metrics[p.metric])}`;
  });
  return `${chart.title}. ${TYPE_WORDS[chart.type]}, values in ${axisTitle}${log ? ' on a logarithmic scale' : ''}. ${items.join('; ')}.`;
}

interface Ctx {
  chart: Chart;
  rows: ChartDatum[];
  axisTitle: string;
  log: boolean;
  grouped: boolean;
  size: ChartSize;
}

type Spec = Record<string, unknown>;

/** Powers of ten covering the values: the log scale's domain and its only ticks (no minor gridlines). */
function decades(ctx: Ctx): number[] {
  const values = ctx.rows.map((r) => r.value);
  const lo = Math.floor(Math.log10(Math.min(...values)));
  let hi = Math.ceil(Math.log10(Math.max(...values)));
  if (hi === lo) hi = lo + 1;
  const out: number[] = [];
  for (let k = lo; k <= hi; k++) out.push(Number(`1e${k}`));
  return out;
}

function valueField(ctx: Ctx, field = 'value'): Spec {
  if (ctx.log) {
    const ticks = decades(ctx);
    return {
      field, type: 'quantitative', title: ctx.axisTitle, stack: null,
      scale: { type: 'log', domain: [ticks[0], ticks[ticks.length - 1]] },
      axis: { values: ticks },
    };
  }
  return { field, type: 'quantitative', title: ctx.axisTitle, stack: null };
}

/** Colour: by group with a legend, else navy with negative values in the accent colour. */
function colorEncoding(ctx: Ctx): Spec {
  if (ctx.grouped) {
    const groups = [...new Set(ctx.rows.map((r) => r.group!))];
    return { color: { field: 'group', type: 'nominal', scale: { domain: groups }, legend: { title: null } } };
  }
  if (ctx.rows.some((r) => r.value < 0)) {
    return { color: { condition: { test: 'datum.value < 0', value: CHART_COLORS.accent }, value: CHART_COLORS.navy } };
  }
  return {};
}

/** True when a category appears more than once (several groups per category): place the marks side by side. */
function needsOffset(ctx: Ctx): boolean {
  return ctx.grouped && new Set(ctx.rows.map((r) => r.category)).size < ctx.rows.length;
}

function offsetEncoding(ctx: Ctx, channel: 'xOffset' | 'yOffset'): Spec {
  if (!needsOffset(ctx)) return {};
  const groups = [...new Set(ctx.rows.map((r) => r.group!))];
  return { [channel]: { field: 'group', type: 'nominal', scale: { domain: groups, paddingInner: 0.05 } } };
}

/** Bar thickness: two thirds of the band, at most 28px, so three bars do not become slabs. */
function barSize(ctx: Ctx, extent: number): Spec {
  if (needsOffset(ctx)) return {};
  const categories = new Set(ctx.rows.map((r) => r.category)).size;
  const band = extent / Math.max(categories, 1);
  return { size: Math.round(Math.max(4, Math.min(28, band * 0.6))) };
}

function categoryLabelLimit(width: number): number {
  return Math.round(Math.max(160, Math.min(320, width * CATEGORY_LABEL_SHARE)));
}

/** A zero line for bar and column charts (not on a log scale, which has no zero). */
function zeroRule(ctx: Ctx, channel: 'x' | 'y'): Spec[] {
  if (ctx.log) return [];
  return [{
    data: { values: [{ zero: 0 }] },
    mark: { type: 'rule', color: CHART_COLORS.baseline, strokeWidth: 1 },
    encoding: { [channel]: { field: 'zero', type: 'quantitative' } },
  }];
}

/**
 * Value labels. Positive values: past the end of the bar. Negative values: just beside the zero
 * line, on the positive side, so the label never runs into the category axis labels that sit
 * where negative bars end; the red bar shows the direction, the label ("-RMB 3.7 billion") the sign.
 */
function valueLabels(ctx: Ctx, orientation: 'horizontal' | 'vertical', shared: Spec, gap: number): Spec[] {
  const channel = orientation === 'horizontal' ? 'x' : 'y';
  const text = { text: { field: 'label', type: 'nominal' } };
  const mark: Spec = orientation === 'horizontal'
    ? { type: 'text', align: 'left', baseline: 'middle', dx: gap }
    : { type: 'text', align: 'center', baseline: 'bottom', dy: -gap };
  const layers: Spec[] = [{
    transform: [{ filter: 'datum.value >= 0' }],
    mark,
    encoding: { ...shared, ...text },
  }];
  if (ctx.rows.some((r) => r.value < 0)) {
    layers.push({
      transform: [{ filter: 'datum.value < 0' }, { calculate: '0', as: 'zero' }],
      mark,
      encoding: { ...shared, [channel]: valueField(ctx, 'zero'), ...text },
    });
  }
  return layers;
}

function barSpec(ctx: Ctx): Spec {
  const y = {
    field: 'category', type: 'nominal', sort: null, title: null,
    axis: { labelLimit: categoryLabelLimit(ctx.size.width), labelPadding: 8 },
  };
  const shared = { y, x: valueField(ctx), ...offsetEncoding(ctx, 'yOffset') };
  return {
    layer: [
      ...zeroRule(ctx, 'x'),
      { mark: { type: 'bar', ...barSize(ctx, ctx.size.height - 30) }, encoding: { ...shared, ...colorEncoding(ctx) } },
      ...valueLabels(ctx, 'horizontal', shared, 5),
    ],
  };
}

function columnSpec(ctx: Ctx): Spec {
  const x = {
    field: 'category', type: 'nominal', sort: null, title: null,
    axis: { labelAngle: categoryLabelAngle(ctx), labelLimit: 200 },
  };
  const shared = { x, y: valueField(ctx), ...offsetEncoding(ctx, 'xOffset') };
  return {
    layer: [
      ...zeroRule(ctx, 'y'),
      { mark: { type: 'bar', ...barSize(ctx, ctx.size.width - 60) }, encoding: { ...shared, ...colorEncoding(ctx) } },
      ...valueLabels(ctx, 'vertical', shared, 4),
    ],
  };
}

function lineSpec(ctx: Ctx): Spec {
  // Ticks at the data's own dates, labelled with the points' category labels.
  const dates: number[] = [];
  const labels: string[] = [];
  for (const r of ctx.rows) {
    const t = Date.parse(`${r.date}T00:00:00Z`);
    if (!dates.includes(t)) {
      dates.push(t);
      labels.push(r.category);
    }
  }
  const positions = linePositions(ctx.rows);
  ctx.rows.forEach((r, i) => { r.position = positions[i]; });
  // Room at both ends for a label centred on the first or last point (estimated, 0.58em a character).
  const ends = ctx.rows.filter((r) => r.position === 'above' || r.position === 'below').map((r) => r.label.length);
  const padding = Math.round(Math.max(16, ...ends.map((n) => (n * CHART_TEXT.value * 0.58) / 2 + 6)));
  const x = {
    field: 'date', type: 'temporal', title: null,
    scale: { type: 'utc', padding },
    axis: {
      values: dates,
      labelExpr: `${JSON.stringify(labels)}[indexof(${JSON.stringify(dates)}, time(datum.value))]`,
      labelAngle: categoryLabelAngle(ctx),
      labelLimit: 200,
    },
  };
  // Room under the lowest points for their labels, where the zero baseline does not give it already.
  const y = valueField(ctx);
  const max = Math.max(...ctx.rows.map((r) => Math.abs(r.value)));
  const crowded = ctx.rows.some((r) => r.position === 'below' && r.value < 0.15 * max);
  if (!ctx.log && crowded) y.scale = { padding: 20 };
  const shared: Spec = { x, y };
  const series = ctx.grouped ? colorEncoding(ctx) : {};
  const hasNegative = ctx.rows.some((r) => r.value < 0);
  const pos = (p: LabelPosition) => `datum.position === '${p}'`;
  return {
    layer: [
      ...(hasNegative ? zeroRule(ctx, 'y') : []),
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { ...shared, ...series, order: { field: 'date', type: 'temporal' } } },
      { mark: { type: 'point', filled: true, size: 42 }, encoding: { ...shared, ...series } },
      {
        mark: {
          type: 'text',
          align: { expr: `${pos('above-left')} ? 'right' : ${pos('above-right')} ? 'left' : 'center'` },
          baseline: { expr: `${pos('below')} ? 'top' : 'bottom'` },
          dx: { expr: `${pos('above-left')} ? -3 : ${pos('above-right')} ? 3 : 0` },
          dy: { expr: `${pos('below')} ? 8 : -7` },
        },
        encoding: { ...shared, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}

/**
 * Where each line point's label goes, per series in date order: above a peak, below a valley,
 * and where the line passes through rising, above-left (falling: above-right), the side the
 * two segments leave free. End points count as peak or valley against their one neighbour.
 */
export function linePositions(rows: ChartDatum[]): LabelPosition[] {
  const out: LabelPosition[] = rows.map(() => 'above');
  const series = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const key = r.group ?? '';
    if (!series.has(key)) series.set(key, []);
    series.get(key)!.push(i);
  });
  for (const idx of series.values()) {
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
  const byDate = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (!byDate.has(r.date!)) byDate.set(r.date!, []);
    byDate.get(r.date!)!.push(i);
  });
  for (const idx of byDate.values()) {
    if (new Set(idx.map((i) => rows[i].group ?? '')).size < 2) continue;
    const sorted = [...idx].sort((a, b) => rows[b].value - rows[a].value);
    const top = sorted[0];
    const bottom = sorted[sorted.length - 1];
    if (out[top] === 'below') out[top] = 'above';
    out[bottom] = 'below';
  }
  return out;
}

function dotSpec(ctx: Ctx): Spec {
  const y = {
    field: 'category', type: 'nominal', sort: null, title: null,
    // Dotted category lines guide the eye from label to dot.
    axis: { labelLimit: categoryLabelLimit(ctx.size.width), labelPadding: 8, grid: true, gridDash: [1, 3], gridColor: '#d1d5db' },
  };
  const shared = { y, x: valueField(ctx), ...offsetEncoding(ctx, 'yOffset') };
  return {
    layer: [
      { mark: { type: 'point', filled: true, size: 70 }, encoding: { ...shared, ...colorEncoding(ctx) } },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 8 },
        encoding: { ...shared, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}

/**
 * Period labels under columns and line points: level when they fit their slot, else slanted.
 * An estimate (0.58em per character for Inter) is enough here: it only chooses the angle.
 */
function categoryLabelAngle(ctx: Ctx): number {
  const categories = [...new Set(ctx.rows.map((r) => r.category))];
  const slot = (ctx.size.width - 60) / Math.max(categories.length, 1);
  const longest = Math.max(...categories.map((c) => c.length * CHART_TEXT.label * 0.58));
  return longest > slot * 0.92 ? -35 : 0;
}
