/**
 * A ChartModel becomes a Vega-Lite spec: inline data, one layer per mark, the briefing's theme
 * as its config. No chart title inside the spec: the HTML figure carries title and caption.
 * The category axis is the one categoryAxis() describes; a wrap plan (wrap-labels.ts) gives
 * its long labels their lines, and the layout may make the chart taller for them.
 */
import type { ChartModel } from '../model/chart-model.ts';
import { categoryAxis, categoryLabels } from './category-axis.ts';
import { barSize, colorEncoding, NEGATIVE_LABEL_ROOM, offsetEncoding, VALUE_AXIS_ROOM, valueField, valueLabels, zeroRule, type SpecContext, type SpecRow } from './encodings.ts';
import { defaultLineLabels, type LineLabels } from './line-labels.ts';
import { linePositions, lineSpec } from './line-spec.ts';
import { chartConfig } from './theme.ts';
import type { Layer, PositionDef, TopLevelSpec } from './vega-lite-types.ts';
import type { WrapPlan } from './wrap-labels.ts';

const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** How render-charts.ts lays a chart out beyond what the model says. */
export interface SpecLayout {
  /** Line breaks for long category labels. */
  wrap?: WrapPlan;
  /** px added to the model's height, for wrapped labels. */
  extraHeight?: number;
  /** A line chart's value labels as placed on the laid-out chart (else where defaultLineLabels puts them). */
  lineLabels?: LineLabels;
}

/** The name of a spec's inline data (render-charts.ts sets a laid-out line chart's labels anew in it). */
export const SPEC_DATA = 'rows';

/** The rows of a chart's inline data; a line chart's with their value labels as `lineLabels` places them (else as defaultLineLabels does). */
export function specRows(chart: ChartModel, lineLabels?: LineLabels): SpecRow[] {
  const rows: SpecRow[] = chart.rows.map((r) => ({ ...r }));
  if (chart.type === 'line') {
    linePositions(rows).forEach((p, i) => { rows[i].position = p; });
    (lineLabels?.labels ?? defaultLineLabels(chart.rows)).forEach((l, i) => {
      Object.assign(rows[i], { label: l.text, labelAlign: l.align, labelBaseline: l.baseline, labelDx: l.dx, labelDy: l.dy });
    });
  }
  return rows;
}

/** The Vega-Lite spec of one chart, themed, with its rows as inline data. */
export function buildVegaLiteSpec(chart: ChartModel, layout: SpecLayout = {}): TopLevelSpec {
  const rows = specRows(chart, layout.lineLabels);
  const ctx: SpecContext = { chart, rows, grouped: rows.some((r) => r.group !== undefined), axis: categoryAxis(chart), wrap: layout.wrap };
  const body =
    chart.type === 'bar' ? barSpec(ctx)
    : chart.type === 'column' ? columnSpec(ctx)
    : chart.type === 'line' ? lineSpec(ctx)
    : dotSpec(ctx);
  const extra = layout.extraHeight ?? 0;
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: chart.alt,
    width: chart.size.width,
    height: chart.size.height + (extra > 0 ? extra : 0),
    autosize: { type: 'fit', contains: 'padding' },
    data: { name: SPEC_DATA, values: rows },
    ...body,
    config: chartConfig(chart.lang),
  };
}

/** The category field of bar, column and dot charts, in the canvas's order. */
function categoryField(axis: PositionDef['axis']): PositionDef {
  return { field: 'category', type: 'nominal', sort: null, title: null, axis };
}

function barSpec(ctx: SpecContext): { layer: Layer[] } {
  const y = categoryField({ ...categoryLabels(ctx.axis, ctx.wrap), labelPadding: 8 });
  const shared = { y, x: valueField(ctx), ...offsetEncoding(ctx, 'yOffset') };
  return {
    layer: [
      ...zeroRule(ctx, 'x'),
      { mark: { type: 'bar', ...barSize(ctx, ctx.chart.size.height - 30) }, encoding: { ...shared, ...colorEncoding(ctx) } },
      ...valueLabels(ctx, 'horizontal', shared, 5),
    ],
  };
}

function columnSpec(ctx: SpecContext): { layer: Layer[] } {
  const x = categoryField(categoryLabels(ctx.axis, ctx.wrap));
  const y = valueField(ctx);
  if (!ctx.chart.logScale && ctx.rows.some((r) => r.value < 0)) y.scale = { padding: NEGATIVE_LABEL_ROOM };
  else if (!ctx.chart.logScale) {
    const top = headroomTop(ctx);
    if (top !== undefined) y.scale = { domainMax: top };
  }
  const shared = { x, y, ...offsetEncoding(ctx, 'xOffset') };
  return {
    layer: [
      ...zeroRule(ctx, 'y'),
      { mark: { type: 'bar', ...barSize(ctx, ctx.chart.size.width - VALUE_AXIS_ROOM) }, encoding: { ...shared, ...colorEncoding(ctx) } },
      ...valueLabels(ctx, 'vertical', shared, 4),
    ],
  };
}

/** The ticks the value axis is given (theme.ts axisQuantitative.tickCount). */
const TICK_COUNT = 5;
/** The value axis's height: the chart's, less the category axis and a legend above, px (as barSize takes the width). */
const AXIS_AND_LEGEND = 50;

/**
 * A column chart's value axis one tick higher where the tallest column's label would stand above its top tick, in the
 * legend's row or over the chart's edge (34.1 under a top tick of 35): the top of the axis as Vega makes it "nice", plus
 * one step. Undefined where the label has room.
 */
function headroomTop(ctx: SpecContext): number | undefined {
  const max = Math.max(...ctx.rows.map((r) => r.value));
  if (!(max > 0)) return undefined;
  const raw = max / TICK_COUNT;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = power * (raw / power >= Math.sqrt(50) ? 10 : raw / power >= Math.sqrt(10) ? 5 : raw / power >= Math.sqrt(2) ? 2 : 1);
  const top = Math.ceil(max / step - 1e-9) * step;
  const room = ((top - max) / top) * Math.max(1, ctx.chart.size.height - AXIS_AND_LEGEND);
  return room >= NEGATIVE_LABEL_ROOM ? undefined : Number((top + step).toPrecision(12));
}

function dotSpec(ctx: SpecContext): { layer: Layer[] } {
  // Dotted category lines guide the eye from label to dot.
  const y = categoryField({ ...categoryLabels(ctx.axis, ctx.wrap), labelPadding: 8, grid: true, gridDash: [1, 3], gridColor: '#d1d5db' });
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
