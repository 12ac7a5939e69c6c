import { describe, expect, it } from 'vitest';
import { buildChartModel, type ChartRow } from '../../src/model/chart-model.ts';
import { buildVegaLiteSpec } from '../../src/charts/vega-lite-spec.ts';
import { categoryAxis } from '../../src/charts/category-axis.ts';
import { linePositions } from '../../src/charts/line-spec.ts';
import { CHART_COLORS } from '../../src/charts/style.ts';
import { chartTheme } from '../../src/charts/theme.ts';
import type { WrapPlan } from '../../src/charts/wrap-labels.ts';
import type { Chart } from '../../src/validate/schema.ts';
import { chart, METRICS as metrics, rmb, SIZE } from '../support/chart-fixtures.ts';

type Spec = Record<string, any>;

const model = (c: Chart) => buildChartModel(c, metrics, SIZE);
/** The spec as plain JSON, to look into without narrowing vega-lite's union types. */
const specOf = (c: Chart, layout?: Parameters<typeof buildVegaLiteSpec>[1]): Spec => buildVegaLiteSpec(model(c), layout) as Spec;

/** The first layer whose mark is of the given type. */
function layer(spec: Spec, mark: string): Spec {
  const found = (spec.layer as Spec[]).find((l) => (typeof l.mark === 'string' ? l.mark : l.mark.type) === mark);
  if (!found) throw new Error(`no ${mark} layer`);
  return found;
}
const markTypes = (spec: Spec) => (spec.layer as Spec[]).map((l) => (typeof l.mark === 'string' ? l.mark : l.mark.type));

describe('buildVegaLiteSpec', () => {
  it('bar: horizontal bars, categories on y in the given order, value labels at the bar ends', () => {
    const spec = specOf(chart('bar', ['taobao', 'cloud', 'local']));
    expect(spec.width).toBe(640);
    expect(spec.height).toBe(260);
    expect(spec.title).toBeUndefined();
    expect(markTypes(spec)).toEqual(['rule', 'bar', 'text']);
    const bar = layer(spec, 'bar');
    expect(bar.encoding.y).toMatchObject({ field: 'category', type: 'nominal', sort: null });
    expect(bar.encoding.y.axis.labelLimit).toBeGreaterThanOrEqual(220);
    expect(bar.encoding.x).toMatchObject({ field: 'value', type: 'quantitative', title: 'RMB billion' });
    const text = layer(spec, 'text');
    expect(text.mark).toMatchObject({ align: 'left', baseline: 'middle' });
    expect(text.encoding.text.field).toBe('label');
    expect(spec.data.values).toEqual([
      { category: 'Taobao and Tmall Group customer management', value: 78.9, label: 'RMB 78.9 billion' },
      { category: 'Alibaba Cloud Intelligence Group', value: 39.8, label: 'RMB 39.8 billion' },
      { category: 'Local services', value: 20.2, label: 'approx. RMB 20.2 billion' },
    ]);
  });

  it('column: vertical bars over periods, labelled by period unless the point says otherwise', () => {
    const c = chart('column', ['q1', 'q2', 'q3']);
    c.points[2].label = 'Q3 FY25';
    const spec = specOf(c);
    expect(markTypes(spec)).toEqual(['rule', 'bar', 'text']);
    const bar = layer(spec, 'bar');
    expect(bar.encoding.x).toMatchObject({ field: 'category', type: 'nominal', sort: null });
    expect(bar.encoding.y).toMatchObject({ field: 'value', type: 'quantitative', title: 'RMB billion' });
    expect(layer(spec, 'text').mark).toMatchObject({ align: 'center', baseline: 'bottom' });
    expect(spec.data.values.map((d: ChartRow) => d.category)).toEqual([
      'Quarter ended 30 Jun 2024', 'Quarter ended 30 Sep 2024', 'Q3 FY25',
    ]);
  });

  it('line: temporal x from period_end, points and labels, ticks at the data dates', () => {
    const c = chart('line', ['q1', 'q2', 'q3', 'q4']);
    c.points.forEach((p, i) => { p.label = `Q${i + 1}`; });
    const spec = specOf(c);
    expect(markTypes(spec)).toEqual(['line', 'point', 'text']);
    const line = layer(spec, 'line');
    expect(line.encoding.x).toMatchObject({ field: 'date', type: 'temporal' });
    expect(line.encoding.x.scale.type).toBe('utc');
    expect(line.encoding.x.axis.values).toEqual(['2024-06-30', '2024-09-30', '2024-12-31', '2025-03-31'].map((d) => Date.parse(d)));
    expect(line.encoding.x.axis.labelExpr).toContain('"Q1","Q2","Q3","Q4"');
    expect(spec.data.values.map((d: ChartRow) => d.date)).toEqual(['2024-06-30', '2024-09-30', '2024-12-31', '2025-03-31']);
    expect(spec.data.values[0]).toMatchObject({ category: 'Q1', value: 26.5, label: 'RMB 26.5 billion' });
    // Each row says where its label goes (linePositions), for the text layer's expressions.
    expect(spec.data.values.map((d: { position: string }) => d.position)).toEqual(['below', 'above-left', 'above', 'below']);
  });

  it('line: room under the value axis for the label below a point near the bottom, none where the points stand high', () => {
    // Every label is far above the zero baseline: the axis is as Vega makes it.
    expect(layer(specOf(chart('line', ['q1', 'q2', 'q3', 'q4'])), 'line').encoding.y.scale).toBeUndefined();
    // A valley near zero hangs its label below the point, into the period labels unless the axis makes room.
    const low = { ...metrics, dip: rmb('Cloud revenue', 1.2, { period: 'Quarter ended 31 Dec 2024', period_end: '2024-12-31' }) };
    const spec = buildVegaLiteSpec(buildChartModel(chart('line', ['q1', 'q2', 'dip', 'q4']), low, SIZE)) as Spec;
    expect(spec.data.values[2]).toMatchObject({ value: 1.2, position: 'below' });
    expect(layer(spec, 'line').encoding.y.scale).toEqual({ padding: 20 });
  });

  it('line: fits the value axis to the values where the canvas says from_zero: false, with room for the end points\' labels', () => {
    // A bank's margin from 1.92% to 1.79% drew flat from zero: the 13 bp fall, the point of its section, did not show.
    const fitted = { ...chart('line', ['q1', 'q2', 'q3', 'q4']), from_zero: false };
    expect(layer(specOf(fitted), 'line').encoding.y.scale).toEqual({ zero: false, padding: 20 });
    expect(model(fitted).fromZero).toBe(false);
    // By default, and on a log scale (which has no zero), as before: the model gains nothing (content hashes unchanged).
    expect('fromZero' in model(chart('line', ['q1', 'q2', 'q3', 'q4']))).toBe(false);
    expect('fromZero' in model({ ...fitted, log_scale: true })).toBe(false);
  });

  it('dot: points on one value scale with labels beside them', () => {
    const spec = specOf(chart('dot', ['quark', 'qwen', 'models']));
    expect(markTypes(spec)).toEqual(['point', 'text']);
    const point = layer(spec, 'point');
    expect(point.encoding.y).toMatchObject({ field: 'category', sort: null });
    expect(point.encoding.x).toMatchObject({ field: 'value', title: 'million users' });
    expect(spec.data.values.map((d: ChartRow) => d.label)).toEqual(['over 150 million', '10 million', '0.17 million']);
  });

  it('points of one unit in different scales: one value axis in the common scale, its numbers exact', () => {
    const c = chart('column', ['q1', 'q2', 'q3']);
    const spec = buildVegaLiteSpec(buildChartModel(c, { ...metrics, q2: { ...metrics.q2!, value: 29600.001, scale: 'million' } }, SIZE)) as Spec;
    expect(layer(spec, 'bar').encoding.y).toMatchObject({ field: 'value', title: 'RMB billion' });
    expect(spec.data.values.map((d: ChartRow) => [d.value, d.label])).toEqual([[26.5, 'RMB 26.5 billion'], [29.600001, 'RMB 29.600001 billion'], [31.7, 'RMB 31.7 billion']]);
    expect(spec.description).toContain('values in RMB billion. Quarter ended 30 Jun 2024: RMB 26.5 billion; Quarter ended 30 Sep 2024: RMB 29.600001 billion;');
  });

  it('fits the chart to its size, carries the theme as its config and the alt text as its description', () => {
    const m = model(chart('bar', ['cloud']));
    const spec = buildVegaLiteSpec(m) as Spec;
    expect(spec.config).toBe(chartTheme);
    expect(spec.autosize).toEqual({ type: 'fit', contains: 'padding' });
    expect(spec.description).toBe(m.alt);
    expect(spec.description).toMatch(/^A bar chart\. Bar chart, values in RMB billion\./);
  });

  it('does not change the model, and takes extra height from the layout', () => {
    const m = model(chart('line', ['q1', 'q2']));
    const before = JSON.stringify(m);
    const spec = buildVegaLiteSpec(m, { extraHeight: 31 }) as Spec;
    expect(JSON.stringify(m)).toBe(before);
    expect(spec.height).toBe(291);
    expect(spec.data.values[0]).not.toBe(m.rows[0]);
    expect((buildVegaLiteSpec(m, { extraHeight: 0 }) as Spec).height).toBe(260);
  });

  it('negative values: red bars, labels beside the zero line (bars) or below the column (columns, with room on the axis), a zero rule', () => {
    const spec = specOf(chart('bar', ['cloud', 'others']));
    expect(spec.data.values[1]).toEqual({ category: 'All others', value: -2.5, label: '\u2212RMB 2.5 billion' });
    const bar = layer(spec, 'bar');
    expect(bar.encoding.color).toEqual({ condition: { test: 'datum.value < 0', value: CHART_COLORS.accent }, value: CHART_COLORS.navy });
    const texts = (spec.layer as Spec[]).filter((l) => l.mark.type === 'text');
    expect(texts).toHaveLength(2);
    expect(texts[1].transform[0]).toEqual({ filter: 'datum.value < 0' });
    expect(texts[1].encoding.x.field).toBe('zero');
    expect(layer(spec, 'rule').encoding.x).toMatchObject({ field: 'zero', type: 'quantitative' });
    expect(bar.encoding.x.stack).toBeNull();

    const column = specOf(chart('column', ['q1', 'others']));
    const colTexts = (column.layer as Spec[]).filter((l) => l.mark.type === 'text');
    // Below the red column's end, never above the zero line where it would read as a positive figure.
    expect(colTexts[1].encoding.y.field).toBe('value');
    expect(colTexts[1].mark).toMatchObject({ baseline: 'top', dy: 4 });
    expect(colTexts[1].encoding.y.scale).toEqual({ padding: 18 });
  });

  it('log_scale: a log value axis with ticks at powers of ten, and no zero rule', () => {
    const spec = specOf(chart('dot', ['quark', 'qwen', 'models'], { log_scale: true }));
    const x = layer(spec, 'point').encoding.x;
    expect(x.scale).toEqual({ type: 'log', domain: [0.1, 1000] });
    expect(x.axis.values).toEqual([0.1, 1, 10, 100, 1000]);
    expect(markTypes(specOf(chart('bar', ['cloud'], { log_scale: true })))).toEqual(['bar', 'text']);
  });

  it('log_scale: values all at one power of ten still get a decade of axis, not a domain of one number', () => {
    const x = layer(specOf(chart('dot', ['qwen'], { log_scale: true })), 'point').encoding.x;
    expect(x.scale).toEqual({ type: 'log', domain: [10, 100] });
    expect(x.axis.values).toEqual([10, 100]);
  });

  it('groups colour the marks, side by side when a category repeats', () => {
    const c: Chart = {
      title: 'Grouped', type: 'column',
      points: [
        { metric: 'q1', label: 'Q1', group: 'Cloud' }, { metric: 'cloud', label: 'Q1', group: 'Other' },
        { metric: 'q2', label: 'Q2', group: 'Cloud' },
      ],
    };
    const spec = specOf(c);
    const bar = layer(spec, 'bar');
    expect(bar.encoding.color).toMatchObject({ field: 'group', scale: { domain: ['Cloud', 'Other'] } });
    expect(bar.encoding.xOffset).toMatchObject({ field: 'group' });
    expect(spec.data.values[1]).toMatchObject({ category: 'Q1', group: 'Other' });
  });
});

describe('category axis and wrap plans', () => {
  const plan = (channel: 'x' | 'y', extra: Partial<WrapPlan> = {}): WrapPlan => ({
    channel, wrapped: new Map([['Alibaba Cloud Intelligence Group', ['Alibaba Cloud', 'Intelligence Group']]]),
    lines: new Map([['Alibaba Cloud Intelligence Group', 2], ['Local services', 1]]),
    maxLines: 2, lineHeight: 14, angle: 0, band: true, leveled: false, ...extra,
  });

  it('names the channel, band, limit, angle and font each chart type gives its labels', () => {
    const font = "11.5px Inter, 'Noto Sans SC'";
    expect(categoryAxis(model(chart('bar', ['cloud'])))).toEqual({ channel: 'y', band: true, labelLimit: 288, angle: 0, font, fontSize: 11.5, preferLevel: false });
    expect(categoryAxis(model(chart('dot', ['quark'])))).toMatchObject({ channel: 'y', band: true, labelLimit: 288 });
    expect(categoryAxis(buildChartModel(chart('bar', ['cloud']), metrics, { width: 300, height: 100 })).labelLimit).toBe(160);
    expect(categoryAxis(model(chart('column', ['q1', 'q2'])))).toEqual({ channel: 'x', band: true, labelLimit: 200, angle: 0, font, fontSize: 11.5, preferLevel: false });
    expect(categoryAxis(model(chart('line', ['q1', 'q2'])))).toMatchObject({ channel: 'x', band: false, angle: 0 });
    // Eight long period labels do not fit 580px level: slanted.
    const many = chart('column', ['q1', 'q2', 'q3', 'q4', 'q1', 'q2', 'q3', 'q4']);
    expect(categoryAxis(model(many)).angle).toBe(-35);
  });

  it('bar and dot: the spec prints each wrapped label as its lines, centred on its band', () => {
    for (const type of ['bar', 'dot'] as const) {
      const axis = layer(specOf(chart(type, ['cloud', 'local']), { wrap: plan('y') }), type === 'bar' ? 'bar' : 'point').encoding.y.axis;
      expect(axis.labelExpr).toBe('indexof(["Alibaba Cloud Intelligence Group"], datum.label) >= 0 ? [["Alibaba Cloud","Intelligence Group"]][indexof(["Alibaba Cloud Intelligence Group"], datum.label)] : datum.label');
      expect(axis.labelLineHeight).toBe(14);
      expect(axis.labelOffset).toEqual({ condition: [{ test: 'indexof(["Alibaba Cloud Intelligence Group"], datum.label) >= 0', value: -7 }], value: 0 });
      expect(axis.labelAngle).toBeUndefined();
      expect(axis.labelPadding).toBe(8);
    }
  });

  it('column and line: wrapped labels keep the axis angle, or are set level when the plan says so', () => {
    const column = layer(specOf(chart('column', ['q1', 'q2']), { wrap: plan('x', { angle: 0, leveled: true }) }), 'bar').encoding.x.axis;
    expect(column.labelAngle).toBe(0);
    expect(column.labelLineHeight).toBe(14);
    expect(column.labelOffset).toBeUndefined();
    const slanted = layer(specOf(chart('column', ['q1', 'q2']), { wrap: plan('x', { angle: -35 }) }), 'bar').encoding.x.axis;
    expect(slanted.labelAngle).toBe(-35);
    // The line chart's labels come from its own date-to-period expression; wrapping maps that expression's result.
    const line = layer(specOf(chart('line', ['q1', 'q2']), { wrap: plan('x', { band: false }) }), 'line').encoding.x.axis;
    expect(line.labelExpr).toMatch(/^indexof\(\["Alibaba Cloud Intelligence Group"\], \(\["Quarter ended 30 Jun 2024","Quarter ended 30 Sep 2024"\]\[indexof\(\[\d+,\d+\], time\(datum\.value\)\)\]\)\) >= 0 \? /);
  });
});

describe('linePositions', () => {
  const rows = (values: number[], group?: string): ChartRow[] =>
    values.map((value, i) => ({ category: `p${i}`, value, label: String(value), date: `2025-0${i + 1}-01`, ...(group ? { group } : {}) }));

  it('puts labels above peaks, below valleys and beside rising or falling points', () => {
    expect(linePositions(rows([1, 3, 2, 4, 5, 4.5]))).toEqual(['below', 'above', 'below', 'above-left', 'above', 'below']);
    expect(linePositions(rows([5, 4, 3]))).toEqual(['above', 'above-right', 'below']);
    expect(linePositions(rows([7]))).toEqual(['above']);
    // An end point level with its neighbour counts as a peak, as a level point inside the line does.
    expect(linePositions(rows([4, 4, 2]))).toEqual(['above', 'above', 'below']);
    expect(linePositions(rows([2, 4, 4]))).toEqual(['below', 'above', 'above']);
  });

  it('with several series, the top label goes above and the bottom one below', () => {
    const out = linePositions([...rows([10, 20], 'A'), ...rows([5, 25], 'B')]);
    expect(out).toEqual(['above', 'below', 'below', 'above']);
  });
});
