import { describe, expect, it } from 'vitest';
import { buildChartSpec, chartData, linePositions, valueLabel, type ChartDatum } from '../../src/model/chart-spec.ts';
import { CHART_COLORS } from '../../src/chart-style.ts';
import type { Chart, Metric } from '../../src/validate/schema.ts';

const SIZE = { width: 640, height: 260 };
type Spec = Record<string, any>;

const rmb = (label: string, value: number, extra: Partial<Metric> = {}): Metric => ({
  label, value, unit: 'CNY', scale: 'billion', period: 'Quarter ended 30 Sep 2025', ...extra,
});

const metrics: Record<string, Metric> = {
  taobao: rmb('Taobao and Tmall Group customer management', 78.9),
  cloud: rmb('Alibaba Cloud Intelligence Group', 39.8),
  local: rmb('Local services', 20.2, { qualifier: 'approx' }),
  others: rmb('All others', -2.5),
  q1: rmb('Cloud revenue', 26.5, { period: 'Quarter ended 30 Jun 2024', period_end: '2024-06-30' }),
  q2: rmb('Cloud revenue', 29.6, { period: 'Quarter ended 30 Sep 2024', period_end: '2024-09-30' }),
  q3: rmb('Cloud revenue', 31.7, { period: 'Quarter ended 31 Dec 2024', period_end: '2024-12-31' }),
  q4: rmb('Cloud revenue', 30.1, { period: 'Quarter ended 31 Mar 2025', period_end: '2025-03-31' }),
  quark: { label: 'Quark monthly active users', value: 150, unit: 'users', scale: 'million', qualifier: 'over', period: 'Sep 2025' },
  qwen: { label: 'Qwen app downloads', value: 10, unit: 'users', scale: 'million', period: 'Sep 2025' },
  models: { label: 'Qwen derivative models', value: 0.17, unit: 'users', scale: 'million', period: 'Sep 2025' },
  users_k: { label: 'Pilot customers', value: 800, unit: 'users', scale: 'thousand', period: 'Sep 2025' },
  margin: { label: 'Adjusted EBITA margin', value: 9.1, unit: 'percent', period: 'FY2025' },
  words: { label: 'AI revenue growth', text: 'Triple-digit', period: 'Quarter ended 30 Sep 2025' },
  usd: { label: 'Cloud revenue (USD)', value: 5.6, unit: 'USD', scale: 'billion', period: 'Quarter ended 30 Sep 2025' },
};

const chart = (type: Chart['type'], ids: string[], extra: Partial<Chart> = {}): Chart => ({
  title: `A ${type} chart`, type, points: ids.map((metric) => ({ metric })), ...extra,
});

/** The first layer whose mark is of the given type. */
function layer(spec: Spec, mark: string): Spec {
  const found = (spec.layer as Spec[]).find((l) => (typeof l.mark === 'string' ? l.mark : l.mark.type) === mark);
  if (!found) throw new Error(`no ${mark} layer`);
  return found;
}
const markTypes = (spec: Spec) => (spec.layer as Spec[]).map((l) => (typeof l.mark === 'string' ? l.mark : l.mark.type));

describe('buildChartSpec', () => {
  it('bar: horizontal bars, categories on y in the given order, value labels at the bar ends', () => {
    const out = buildChartSpec(chart('bar', ['taobao', 'cloud', 'local']), metrics, SIZE);
    const spec = out.spec as Spec;
    expect(out.title).toBe('A bar chart');
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
    const spec = buildChartSpec(c, metrics, SIZE).spec as Spec;
    expect(markTypes(spec)).toEqual(['rule', 'bar', 'text']);
    const bar = layer(spec, 'bar');
    expect(bar.encoding.x).toMatchObject({ field: 'category', type: 'nominal', sort: null });
    expect(bar.encoding.y).toMatchObject({ field: 'value', type: 'quantitative', title: 'RMB billion' });
    expect(layer(spec, 'text').mark).toMatchObject({ align: 'center', baseline: 'bottom' });
    expect(spec.data.values.map((d: ChartDatum) => d.category)).toEqual([
      'Quarter ended 30 Jun 2024', 'Quarter ended 30 Sep 2024', 'Q3 FY25',
    ]);
  });

  it('line: temporal x from period_end, points and labels, ticks at the data dates', () => {
    const c = chart('line', ['q1', 'q2', 'q3', 'q4']);
    c.points.forEach((p, i) => { p.label = `Q${i + 1}`; });
    const spec = buildChartSpec(c, metrics, SIZE).spec as Spec;
    expect(markTypes(spec)).toEqual(['line', 'point', 'text']);
    const line = layer(spec, 'line');
    expect(line.encoding.x).toMatchObject({ field: 'date', type: 'temporal' });
    expect(line.encoding.x.scale.type).toBe('utc');
    expect(line.encoding.x.axis.values).toEqual(['2024-06-30', '2024-09-30', '2024-12-31', '2025-03-31'].map((d) => Date.parse(d)));
    expect(line.encoding.x.axis.labelExpr).toContain('"Q1","Q2","Q3","Q4"');
    expect(spec.data.values.map((d: ChartDatum) => d.date)).toEqual(['2024-06-30', '2024-09-30', '2024-12-31', '2025-03-31']);
    expect(spec.data.values[0]).toMatchObject({ category: 'Q1', value: 26.5, label: 'RMB 26.5 billion' });
  });

  it('dot: points on one value scale with labels beside them', () => {
    const spec = buildChartSpec(chart('dot', ['quark', 'qwen', 'models']), metrics, SIZE).spec as Spec;
    expect(markTypes(spec)).toEqual(['point', 'text']);
    const point = layer(spec, 'point');
    expect(point.encoding.y).toMatchObject({ field: 'category', sort: null });
    expect(point.encoding.x).toMatchObject({ field: 'value', title: 'million users' });
    expect(spec.data.values.map((d: ChartDatum) => d.label)).toEqual(['over 150 million', '10 million', '0.17 million']);
  });

  it('fits the chart to its size and leaves the theme to charts/ (test/charts: withTheme)', () => {
    const spec = buildChartSpec(chart('bar', ['cloud']), metrics, SIZE).spec as Spec;
    expect(spec.config).toBeUndefined();
    expect(spec.autosize).toEqual({ type: 'fit', contains: 'padding' });
  });

  it('throws, naming the metrics, when units or scales differ', () => {
    expect(() => buildChartSpec(chart('bar', ['cloud', 'usd']), metrics, SIZE)).toThrow(/cloud in RMB billion.*usd in US\$ billion/);
    expect(() => buildChartSpec(chart('bar', ['cloud', 'margin']), metrics, SIZE)).toThrow(/mixes units/);
    expect(() => buildChartSpec(chart('dot', ['quark', 'users_k']), metrics, SIZE)).toThrow(/quark in million users; users_k in thousand users/);
  });

  it('throws on missing metrics, text-only metrics and undated line points', () => {
    expect(() => buildChartSpec(chart('bar', ['cloud', 'nope']), metrics, SIZE)).toThrow(/not defined: nope/);
    expect(() => buildChartSpec(chart('bar', ['words']), metrics, SIZE)).toThrow(/numeric value.*words/);
    expect(() => buildChartSpec(chart('line', ['q1', 'cloud']), metrics, SIZE)).toThrow(/period_end.*cloud/);
  });

  it('negative values: red bars, labels beside the zero line, a zero rule', () => {
    const spec = buildChartSpec(chart('bar', ['cloud', 'others']), metrics, SIZE).spec as Spec;
    expect(spec.data.values[1]).toEqual({ category: 'All others', value: -2.5, label: '-RMB 2.5 billion' });
    const bar = layer(spec, 'bar');
    expect(bar.encoding.color).toEqual({ condition: { test: 'datum.value < 0', value: CHART_COLORS.accent }, value: CHART_COLORS.navy });
    const texts = (spec.layer as Spec[]).filter((l) => l.mark.type === 'text');
    expect(texts).toHaveLength(2);
    expect(texts[1].transform[0]).toEqual({ filter: 'datum.value < 0' });
    expect(texts[1].encoding.x.field).toBe('zero');
    expect(layer(spec, 'rule').encoding.x).toMatchObject({ field: 'zero', type: 'quantitative' });
    expect(bar.encoding.x.stack).toBeNull();

    const column = buildChartSpec(chart('column', ['q1', 'others']), metrics, SIZE).spec as Spec;
    const colTexts = (column.layer as Spec[]).filter((l) => l.mark.type === 'text');
    expect(colTexts[1].encoding.y.field).toBe('zero');
  });

  it('log_scale: a log value axis with ticks at powers of ten; non-positive values are refused', () => {
    const spec = buildChartSpec(chart('dot', ['quark', 'qwen', 'models'], { log_scale: true }), metrics, SIZE).spec as Spec;
    const x = layer(spec, 'point').encoding.x;
    expect(x.scale).toEqual({ type: 'log', domain: [0.1, 1000] });
    expect(x.axis.values).toEqual([0.1, 1, 10, 100, 1000]);
    expect(markTypes(buildChartSpec(chart('bar', ['cloud'], { log_scale: true }), metrics, SIZE).spec as Spec)).toEqual(['bar', 'text']);
    expect(() => buildChartSpec(chart('bar', ['cloud', 'others'], { log_scale: true }), metrics, SIZE)).toThrow(/log_scale.*others/);
  });

  it('groups colour the marks, side by side when a category repeats', () => {
    const c: Chart = {
      title: 'Grouped', type: 'column',
      points: [
        { metric: 'q1', label: 'Q1', group: 'Cloud' }, { metric: 'cloud', label: 'Q1', group: 'Other' },
        { metric: 'q2', label: 'Q2', group: 'Cloud' },
      ],
    };
    const spec = buildChartSpec(c, metrics, SIZE).spec as Spec;
    const bar = layer(spec, 'bar');
    expect(bar.encoding.color).toMatchObject({ field: 'group', scale: { domain: ['Cloud', 'Other'] } });
    expect(bar.encoding.xOffset).toMatchObject({ field: 'group' });
    expect(spec.data.values[1]).toMatchObject({ category: 'Q1', group: 'Other' });
  });

  it('alt text: title, unit, and every point as label: value (qualifier and unit word kept)', () => {
    const out = buildChartSpec(chart('dot', ['quark', 'qwen']), metrics, SIZE);
    expect(out.alt).toBe('A dot chart. Dot plot, values in million users. Quark monthly active users: over 150 million users; Qwen app downloads: 10 million users.');
    expect(out.spec.description).toBe(out.alt);
  });

  it('keeps the caption and leaves the id to the caller', () => {
    const out = buildChartSpec(chart('bar', ['cloud'], { caption: 'Source: filings' }), metrics, SIZE);
    expect(out.caption).toBe('Source: filings');
    expect(out.id).toBeUndefined();
  });
});

describe('valueLabel', () => {
  it('is formatQuantity output, dropping only a unit word the axis states', () => {
    expect(valueLabel(metrics.quark)).toBe('over 150 million');
    expect(valueLabel(metrics.local)).toBe('approx. RMB 20.2 billion');
    expect(valueLabel(metrics.margin)).toBe('9.1%');
    expect(valueLabel(metrics.usd)).toBe('US$5.6 billion');
    expect(valueLabel({ label: 'x', value: -1234.5, unit: 'parcels', period: 'p' })).toBe('-1,234.5');
  });
});

describe('chartData', () => {
  it('keeps the order given', () => {
    const rows = chartData(chart('bar', ['local', 'taobao', 'cloud']), metrics);
    expect(rows.map((r) => r.value)).toEqual([20.2, 78.9, 39.8]);
  });
});

describe('linePositions', () => {
  const rows = (values: number[], group?: string): ChartDatum[] =>
    values.map((value, i) => ({ category: `p${i}`, value, label: String(value), date: `2025-0${i + 1}-01`, ...(group ? { group } : {}) }));

  it('puts labels above peaks, below valleys and beside rising or falling points', () => {
    expect(linePositions(rows([1, 3, 2, 4, 5, 4.5]))).toEqual(['below', 'above', 'below', 'above-left', 'above', 'below']);
    expect(linePositions(rows([5, 4, 3]))).toEqual(['above', 'above-right', 'below']);
    expect(linePositions(rows([7]))).toEqual(['above']);
  });

  it('with several series, the top label goes above and the bottom one below', () => {
    const out = linePositions([...rows([10, 20], 'A'), ...rows([5, 25], 'B')]);
    expect(out).toEqual(['above', 'below', 'below', 'above']);
  });
});
