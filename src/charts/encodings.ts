/** The parts the chart types share: value axis, colours, side-by-side offsets, bar size, zero line, value labels. */
import type { ChartModel, ChartRow } from '../model/chart-model.ts';
import type { CategoryAxis } from './category-axis.ts';
import type { LineLabel } from './line-labels.ts';
import type { LabelPosition } from './line-spec.ts';
import { CHART_COLORS } from './style.ts';
import { measureTextWidth } from './text-metrics.ts';
import { axisLabelFont } from './theme.ts';
import type { Encoding, Layer, PositionDef } from './vega-lite-types.ts';
import type { WrapPlan } from './wrap-labels.ts';

/** A row of a spec's inline data: the model's row, and on line charts where its value label sits and how it is set (line-labels.ts). */
export interface SpecRow extends ChartRow {
  position?: LabelPosition;
  labelAlign?: LineLabel['align'];
  labelBaseline?: LineLabel['baseline'];
  labelDx?: number;
  labelDy?: number;
}

/** What the spec builders work from. */
export interface SpecContext {
  chart: ChartModel;
  rows: SpecRow[];
  /** True when the points are coloured by group (every row has one). */
  grouped: boolean;
  axis: CategoryAxis;
  /** Line breaks for the category labels, from wrap-labels.ts. */
  wrap?: WrapPlan;
}

/** Powers of ten covering the values: the log scale's domain and its only ticks (no minor gridlines). */
function decades(ctx: SpecContext): number[] {
  const values = ctx.rows.map((r) => r.value);
  const lo = Math.floor(Math.log10(Math.min(...values)));
  let hi = Math.ceil(Math.log10(Math.max(...values)));
  if (hi === lo) hi = lo + 1;
  const out: number[] = [];
  for (let k = lo; k <= hi; k++) out.push(Number(`1e${k}`));
  return out;
}

/** The value axis: the model's value title, unstacked, on a log scale when the chart asks for one. */
export function valueField(ctx: SpecContext, field = 'value'): PositionDef {
  const title = ctx.chart.valueTitle;
  if (ctx.chart.logScale) {
    const ticks = decades(ctx);
    return {
      field, type: 'quantitative', title, stack: null,
      scale: { type: 'log', domain: [ticks[0], ticks[ticks.length - 1]] },
      axis: { values: ticks },
    };
  }
  return { field, type: 'quantitative', title, stack: null };
}

/** Colour: by group with a legend, else navy with negative values in the accent colour. */
export function colorEncoding(ctx: SpecContext): Pick<Encoding<string>, 'color'> {
  if (ctx.grouped) {
    return { color: { field: 'group', type: 'nominal', scale: { domain: groups(ctx) }, legend: legendOf(ctx) } };
  }
  if (ctx.rows.some((r) => r.value < 0)) {
    return { color: { condition: { test: 'datum.value < 0', value: CHART_COLORS.accent }, value: CHART_COLORS.navy } };
  }
  return {};
}

/** The value axis with its labels and title, and the chart's padding: the chart's width less this is the plot's, px. */
export const VALUE_AXIS_ROOM = 60;

/** A legend entry's room besides its label: the symbol, the space after it, the padding to the next entry (theme.ts), px. */
const LEGEND_ENTRY = 18 + 14;

/**
 * The legend: each group's name whole where the chart's width allows (Vega cuts a label at 160px: "Productivity and
 * Business ..." beside two short ones, with room to spare), on one row when all fit across, else in as many columns as do.
 */
function legendOf(ctx: SpecContext): { title: null; labelLimit: number; columns?: number } {
  const font = axisLabelFont(ctx.chart.lang);
  const widths = groups(ctx).map((g) => Math.ceil(measureTextWidth(g, font)) + 1);
  // A legend above the plot starts where the plot does, right of the value axis: the chart's whole width would run
  // the last name past its edge, where it is cut off.
  const width = Math.max(1, ctx.chart.size.width - VALUE_AXIS_ROOM);
  const labelLimit = Math.min(Math.max(...widths), width - LEGEND_ENTRY);
  const oneRow = widths.reduce((sum, w) => sum + w + LEGEND_ENTRY, 0) <= width;
  return { title: null, labelLimit, ...(oneRow ? {} : { columns: Math.max(1, Math.floor(width / (labelLimit + LEGEND_ENTRY))) }) };
}

function groups(ctx: SpecContext): string[] {
  return [...new Set(ctx.rows.map((r) => r.group!))];
}

/** True when a category appears more than once (several groups per category): place the marks side by side. */
function needsOffset(ctx: SpecContext): boolean {
  return ctx.grouped && new Set(ctx.rows.map((r) => r.category)).size < ctx.rows.length;
}

/** The space between the side-by-side marks of one category, as a share of each one's step. */
export const OFFSET_PADDING = 0.05;

/** Side-by-side marks of the groups that share a category. */
export function offsetEncoding(ctx: SpecContext, channel: 'xOffset' | 'yOffset'): Pick<Encoding<string>, 'xOffset' | 'yOffset'> {
  if (!needsOffset(ctx)) return {};
  return { [channel]: { field: 'group', type: 'nominal', scale: { domain: groups(ctx), paddingInner: OFFSET_PADDING } } };
}

/** Bar thickness: two thirds of the band, at most 28px, so three bars do not become slabs. */
export function barSize(ctx: SpecContext, extent: number): { size?: number } {
  if (needsOffset(ctx)) return {};
  const categories = new Set(ctx.rows.map((r) => r.category)).size;
  const band = extent / Math.max(categories, 1);
  return { size: Math.round(Math.max(4, Math.min(28, band * 0.6))) };
}

/** A zero line for bar and column charts (not on a log scale, which has no zero). */
export function zeroRule(ctx: SpecContext, channel: 'x' | 'y'): Layer[] {
  if (ctx.chart.logScale) return [];
  return [{
    data: { values: [{ zero: 0 }] },
    mark: { type: 'rule', color: CHART_COLORS.baseline, strokeWidth: 1 },
    encoding: { [channel]: { field: 'zero', type: 'quantitative' } },
  }];
}

/**
 * Value labels. Positive values: past the end of the bar. Negative values: on a column chart, past
 * the end of the bar too (below it: the value axis gets room for them there, so they keep clear of
 * the category labels under the plot), the label's sign beside the red bar's direction; on a bar
 * chart, just beside the zero line on the positive side, so the label never runs into the category
 * labels that sit where negative bars end.
 */
export function valueLabels(ctx: SpecContext, orientation: 'horizontal' | 'vertical', shared: Encoding<string>, gap: number): Layer[] {
  const text: Encoding<string> = { text: { field: 'label', type: 'nominal' } };
  const mark: Layer['mark'] = orientation === 'horizontal'
    ? { type: 'text', align: 'left', baseline: 'middle', dx: gap }
    : { type: 'text', align: 'center', baseline: 'bottom', dy: -gap };
  const layers: Layer[] = [{
    transform: [{ filter: 'datum.value >= 0' }],
    mark,
    encoding: { ...shared, ...text },
  }];
  if (ctx.rows.some((r) => r.value < 0)) {
    layers.push(orientation === 'vertical'
      ? { transform: [{ filter: 'datum.value < 0' }], mark: { type: 'text', align: 'center', baseline: 'top', dy: gap }, encoding: { ...shared, ...text } }
      : { transform: [{ filter: 'datum.value < 0' }, { calculate: '0', as: 'zero' }], mark, encoding: { ...shared, x: valueField(ctx, 'zero'), ...text } });
  }
  return layers;
}

/** Room on the value axis past the lowest negative column for its label (and as much past the highest value), px. */
export const NEGATIVE_LABEL_ROOM = 18;
