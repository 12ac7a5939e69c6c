import { describe, expect, it } from 'vitest';
import { buildChartModel, chartRows, valueLabel } from '../../src/model/chart-model.ts';
import type { Chart, Metric } from '../../src/validate/schema.ts';
import { chart, METRICS as metrics, rmb, SIZE } from '../support/chart-fixtures.ts';
import { inScale, plotted } from '../../src/canvas/plotted.ts';
import { formatChange } from '../../src/model/format.ts';

describe('buildChartModel', () => {
  it('bar: what the chart says, categories by metric label in the given order, and nothing about drawing', () => {
    expect(buildChartModel(chart('bar', ['taobao', 'cloud', 'local']), metrics, SIZE)).toEqual({
      type: 'bar',
      title: 'A bar chart',
      alt: 'A bar chart. Bar chart, values in RMB billion. Taobao and Tmall Group customer management: RMB 78.9 billion; '
        + 'Alibaba Cloud Intelligence Group: RMB 39.8 billion; Local services: approx. RMB 20.2 billion.',
      valueTitle: 'RMB billion',
      logScale: false,
      size: { width: 640, height: 260 },
      rows: [
        { category: 'Taobao and Tmall Group customer management', value: 78.9, label: 'RMB 78.9 billion' },
        { category: 'Alibaba Cloud Intelligence Group', value: 39.8, label: 'RMB 39.8 billion' },
        { category: 'Local services', value: 20.2, label: 'approx. RMB 20.2 billion' },
      ],
    });
  });

  it('column: labelled by period unless the point says otherwise', () => {
    const c = chart('column', ['q1', 'q2', 'q3']);
    c.points[2].label = 'Q3 FY25';
    const model = buildChartModel(c, metrics, SIZE);
    expect(model.valueTitle).toBe('RMB billion');
    expect(model.rows.map((d) => d.category)).toEqual(['Quarter ended 30 Jun 2024', 'Quarter ended 30 Sep 2024', 'Q3 FY25']);
    expect(model.rows.every((r) => r.date === undefined)).toBe(true);
  });

  it('column of a whole series: an empty place for each period it has no figure for, named by the day it would end', () => {
    const quarters: Record<string, Metric> = Object.fromEntries(['q1', 'q2', 'q3', 'q4'].map((id) => [id, { ...metrics[id]!, period_type: 'quarter' }]));
    const categories = (ids: string[], series = true, extra: Partial<Chart> = {}, ms = quarters) =>
      buildChartModel(chart('column', ids, extra), ms, SIZE, undefined, series).rows.map((r) => (r.missing ? `${r.category}: ${r.label} ${r.value}` : r.category));
    // 30 Jun 2024, then 31 Dec 2024: the quarter to 30 Sep 2024 is missing; 31 Mar 2025 follows at once.
    expect(categories(['q1', 'q3', 'q4'])).toEqual(['Quarter ended 30 Jun 2024', '30 Sep 2024: no figure 0', 'Quarter ended 31 Dec 2024', 'Quarter ended 31 Mar 2025']);
    expect(categories(['q1', 'q4'])).toEqual(['Quarter ended 30 Jun 2024', '30 Sep 2024: no figure 0', '31 Dec 2024: no figure 0', 'Quarter ended 31 Mar 2025']);
    const model = buildChartModel(chart('column', ['q1', 'q3']), quarters, SIZE, undefined, true);
    expect(model.alt).toBe('A column chart. Column chart, values in RMB billion. Quarter ended 30 Jun 2024: RMB 26.5 billion; 30 Sep 2024: no figure; Quarter ended 31 Dec 2024: RMB 31.7 billion.');
    // None missing; points the canvas chose (a year on year pair), not a series; a line chart (which spaces points by date);
    // a log scale (no place for a 0); values of no one kind of period, or undated.
    expect(categories(['q1', 'q2', 'q3'])).toEqual(['Quarter ended 30 Jun 2024', 'Quarter ended 30 Sep 2024', 'Quarter ended 31 Dec 2024']);
    expect(categories(['q1', 'q4'], false)).toHaveLength(2);
    expect(buildChartModel(chart('line', ['q1', 'q4']), quarters, SIZE, undefined, true).rows).toHaveLength(2);
    expect(categories(['q1', 'q4'], true, { log_scale: true })).toHaveLength(2);
    expect(categories(['q1', 'q4'], true, {}, { ...quarters, q4: { ...quarters.q4!, period_type: 'half_year' } })).toHaveLength(2);
    expect(categories(['q1', 'q4'], true, {}, { ...quarters, q4: { ...quarters.q4!, period_end: undefined } })).toHaveLength(2);
    // Years ending on a day that is not a month's last (a 52/53-week year): the same day a year on.
    const years = { a: rmb('Revenue', 100, { period: 'FY2022', period_type: 'fiscal_year', period_end: '2022-09-24' }), b: rmb('Revenue', 120, { period: 'FY2024', period_type: 'fiscal_year', period_end: '2024-09-28' }) };
    expect(categories(['a', 'b'], true, {}, years)).toEqual(['FY2022', '24 Sep 2023: no figure 0', 'FY2024']);
  });

  it('line: each row dated by its period_end', () => {
    const c = chart('line', ['q1', 'q2', 'q3', 'q4']);
    c.points.forEach((p, i) => { p.label = `Q${i + 1}`; });
    const model = buildChartModel(c, metrics, SIZE);
    expect(model.rows.map((d) => d.date)).toEqual(['2024-06-30', '2024-09-30', '2024-12-31', '2025-03-31']);
    expect(model.rows[0]).toEqual({ category: 'Q1', value: 26.5, label: 'RMB 26.5 billion', date: '2024-06-30' });
  });

  it('dot: value labels without the unit word the axis title states', () => {
    const model = buildChartModel(chart('dot', ['quark', 'qwen', 'models']), metrics, SIZE);
    expect(model.valueTitle).toBe('million users');
    expect(model.rows.map((d) => d.label)).toEqual(['over 150 million', '10 million', '0.17 million']);
  });

  it('negative values keep their sign in the value and the label', () => {
    const model = buildChartModel(chart('bar', ['cloud', 'others']), metrics, SIZE);
    expect(model.rows[1]).toEqual({ category: 'All others', value: -2.5, label: '\u2212RMB 2.5 billion' });
  });

  it('log_scale: a flag on the model, said in the alt text', () => {
    const model = buildChartModel(chart('dot', ['quark', 'models'], { log_scale: true }), metrics, SIZE);
    expect(model.logScale).toBe(true);
    expect(model.alt).toBe('A dot chart. Dot plot, values in million users on a logarithmic scale. Quark monthly active users: over 150 million users; Qwen derivative models: 0.17 million users.');
    expect(buildChartModel(chart('dot', ['quark'], { log_scale: false }), metrics, SIZE).logScale).toBe(false);
  });

  it('groups: given per point; the points without one are "Other" when any point has one', () => {
    const c: Chart = {
      title: 'Grouped', type: 'column',
      points: [
        { metric: 'q1', label: 'Q1', group: 'Cloud' }, { metric: 'cloud', label: 'Q1', group: 'Other' },
        { metric: 'q2', label: 'Q2', group: 'Cloud' }, { metric: 'q3', label: 'Q3' },
      ],
    };
    const model = buildChartModel(c, metrics, SIZE);
    expect(model.rows.map((r) => r.group)).toEqual(['Cloud', 'Other', 'Cloud', 'Other']);
    expect(model.rows[1]).toMatchObject({ category: 'Q1', group: 'Other' });
    expect(model.alt).toContain('; Q3 (Other): RMB 31.7 billion.');
    expect(buildChartModel(chart('column', ['q1', 'q2']), metrics, SIZE).rows.some((r) => 'group' in r)).toBe(false);
  });

  it('alt text: title, unit, and every point as label: value (qualifier and unit word kept)', () => {
    const model = buildChartModel(chart('dot', ['quark', 'qwen']), metrics, SIZE);
    expect(model.alt).toBe('A dot chart. Dot plot, values in million users. Quark monthly active users: over 150 million users; Qwen app downloads: 10 million users.');
  });

  it('points of one unit written in different scales: each converted exactly into the scale most of them use', () => {
    // docs/canvas.md's own series: RMB 30,127 million among RMB billions. The value is shifted in decimal, not multiplied
    // as a float (30127 * 1e6 / 1e9 is 30.127000000000002).
    const ms: Record<string, Metric> = {
      ...metrics,
      q4: { ...metrics.q4!, value: 30127, scale: 'million' },
    };
    const model = buildChartModel(chart('column', ['q4', 'q2', 'q3']), ms, SIZE);
    expect(model.valueTitle).toBe('RMB billion');
    expect(model.rows.map((r) => [r.value, r.label])).toEqual([[30.127, 'RMB 30.127 billion'], [29.6, 'RMB 29.6 billion'], [31.7, 'RMB 31.7 billion']]);
    expect(model.alt).toBe('A column chart. Column chart, values in RMB billion. Quarter ended 31 Mar 2025: RMB 30.127 billion; '
      + 'Quarter ended 30 Sep 2024: RMB 29.6 billion; Quarter ended 31 Dec 2024: RMB 31.7 billion.');
    // A count with no scale beside one in thousands ("285 thousand" pallets among 312000): the scale of most, none.
    const pallets = (value: number, scale?: Metric['scale']): Metric => ({ label: 'Pallets', value, unit: 'pallets', ...(scale ? { scale } : {}), period: `P${value}` });
    const counted = buildChartModel(chart('column', ['a', 'b', 'c']), { a: pallets(312000), b: pallets(285, 'thousand'), c: pallets(298500) }, SIZE);
    expect(counted.valueTitle).toBe('pallets');
    expect(counted.rows.map((r) => [r.value, r.label])).toEqual([[312000, '312,000'], [285000, '285,000'], [298500, '298,500']]);
    // Stated decimals keep their precision in the new scale; a qualifier stays; a tie goes to the last point's scale.
    const kept = buildChartModel(chart('column', ['a', 'b']), {
      a: rmb('A', 1234.5, { scale: 'million', decimals: 2, qualifier: 'approx', period: 'A' }), b: rmb('B', 2.1, { period: 'B' }),
    }, SIZE);
    expect(kept.rows.map((r) => [r.value, r.label])).toEqual([[1.2345, 'approx. RMB 1.23450 billion'], [2.1, 'RMB 2.1 billion']]);
    const smaller = buildChartModel(chart('column', ['b', 'a']), { a: rmb('A', 1234.5, { scale: 'million', period: 'A' }), b: rmb('B', 2.1, { period: 'B' }) }, SIZE);
    expect(smaller.valueTitle).toBe('RMB million');
    expect(smaller.rows.map((r) => [r.value, r.label])).toEqual([[2100, 'RMB 2,100 million'], [1234.5, 'RMB 1,234.5 million']]);
    // A tie of two scales two points each goes to the last point's, wherever each scale is first written.
    const tied = buildChartModel(chart('column', ['a', 'b', 'c', 'd']), {
      a: rmb('A', 1234.5, { scale: 'million', period: 'A' }), b: rmb('B', 2.1, { period: 'B' }), c: rmb('C', 2.2, { period: 'C' }), d: rmb('D', 1500, { scale: 'million', period: 'D' }),
    }, SIZE);
    expect(tied.valueTitle).toBe('RMB million');
    expect(tied.rows.map((r) => r.label)).toEqual(['RMB 1,234.5 million', 'RMB 2,100 million', 'RMB 2,200 million', 'RMB 1,500 million']);
    // Stated decimals into a smaller scale: 2.1 billion with decimals: 1 is 2,100 million, no decimals (never fewer than none).
    const fewer = buildChartModel(chart('column', ['a', 'b', 'c']), {
      a: rmb('A', 2.1, { decimals: 1, period: 'A' }), b: rmb('B', 1234.5, { scale: 'million', period: 'B' }), c: rmb('C', 1500, { scale: 'million', period: 'C' }),
    }, SIZE);
    expect(fewer.rows.map((r) => [r.value, r.label])).toEqual([[2100, 'RMB 2,100 million'], [1234.5, 'RMB 1,234.5 million'], [1500, 'RMB 1,500 million']]);
  });

  it('moves a value between scales in decimal however JS writes it, exponent and all, and leaves a metric with no value as it is', () => {
    // String(1.5e-7) is "1.5e-7": its exponent is moved, not replaced (0.00015 million, not 1.5e3).
    expect(inScale(rmb('A', 1.5e-7), 'million').value).toBe(0.00015);
    expect(inScale(rmb('A', 2.5e21, { scale: 'thousand' }), 'billion').value).toBe(2.5e15);
    const text: Metric = { label: 'Outlook', text: 'Strong', unit: 'CNY', scale: 'million', period: 'FY2026' };
    expect(inScale(text, 'billion')).toBe(text);
  });

  it('keeps the caption and leaves the id to the caller', () => {
    const model = buildChartModel(chart('bar', ['cloud'], { caption: 'Source: filings' }), metrics, SIZE);
    expect(model.caption).toBe('Source: filings');
    expect(model.id).toBeUndefined();
    expect('caption' in buildChartModel(chart('bar', ['cloud']), metrics, SIZE)).toBe(false);
  });
});

describe('valueLabel', () => {
  it('is formatQuantity output, dropping only a unit word the axis states', () => {
    expect(valueLabel(metrics.quark)).toBe('over 150 million');
    expect(valueLabel(metrics.local)).toBe('approx. RMB 20.2 billion');
    expect(valueLabel(metrics.margin)).toBe('9.1%');
    expect(valueLabel(metrics.usd)).toBe('US$5.6 billion');
    expect(valueLabel({ label: 'x', value: -1234.5, unit: 'parcels', period: 'p' })).toBe('\u22121,234.5');
  });
});

describe('chartRows', () => {
  it('keeps the order given', () => {
    const rows = chartRows(chart('bar', ['local', 'taobao', 'cloud']), metrics);
    expect(rows.map((r) => r.value)).toEqual([20.2, 78.9, 39.8]);
  });

  it('puts a series\' periods on the axis without the gloss their words end with, where each has one and they stay apart', () => {
    const quarter = (n: number, gloss: string): Metric => ({ label: 'Margin', value: 70 + n, unit: 'percent', period: `Q${n} FY25 (${gloss})`, period_end: `2025-0${n * 2}-28` });
    const ms: Record<string, Metric> = { a: quarter(1, 'quarter ended 28 Dec 2024'), b: quarter(2, 'quarter ended 29 Mar 2025'), c: quarter(3, 'quarter ended 28 Jun 2025') };
    expect(chartRows(chart('line', ['a', 'b', 'c']), ms).map((r) => r.category)).toEqual(['Q1 FY25', 'Q2 FY25', 'Q3 FY25']);
    // In full-width brackets too, as Japanese writes them.
    const ja: Record<string, Metric> = { a: { ...ms.a!, period: '2025年度第1四半期（2025年4～6月）' }, b: { ...ms.b!, period: '2025年度第2四半期（2025年7～9月）' } };
    expect(chartRows(chart('line', ['a', 'b']), ja).map((r) => r.category)).toEqual(['2025年度第1四半期', '2025年度第2四半期']);
    // A point's own label stays; so do periods that, without their glosses, would read alike, or that have none to drop.
    const labelled = chart('column', ['a', 'b', 'c']);
    labelled.points[0]!.label = 'First (restated)';
    expect(chartRows(labelled, ms).map((r) => r.category)).toEqual(['First (restated)', 'Q2 FY25', 'Q3 FY25']);
    const alike: Record<string, Metric> = { a: { ...ms.a!, period: 'FY25 (reported)' }, b: { ...ms.b!, period: 'FY25 (restated)' } };
    expect(chartRows(chart('column', ['a', 'b']), alike).map((r) => r.category)).toEqual(['FY25 (reported)', 'FY25 (restated)']);
    // Nor where the brackets hold the year: "Q4 (FY25)" and "Q1 (FY26)" are not "Q4" and "Q1".
    const yearInGloss: Record<string, Metric> = { a: { ...ms.a!, period: 'Q4 (FY25)' }, b: { ...ms.b!, period: 'Q1 (FY26)' } };
    expect(chartRows(chart('column', ['a', 'b']), yearInGloss).map((r) => r.category)).toEqual(['Q4 (FY25)', 'Q1 (FY26)']);
    // A bar chart's categories are labels, not periods.
    expect(chartRows(chart('bar', ['a', 'b']), ms).map((r) => r.category)).toEqual(['Margin', 'Margin']);
  });

  it('label a chart of changes with the digits the text prints them with: the change\'s decimals', () => {
    for (const [change, label] of [[{ percent: 12.25, decimals: 1 }, '12.3%'], [{ percent: 8, decimals: 1 }, '8.0%'], [{ percent: 8.25 }, '8.25%']] as const) {
      const m: Metric = { label: 'Revenue', value: 100, unit: 'EUR', period: 'Q3 2025', change };
      expect(valueLabel(plotted(m, 'change'))).toBe(label);
      expect(formatChange(change)).toBe(`+${label} YoY`);
    }
    // The change's digits and words, not the amount's: revenue stated with decimals: 2 and as approximate charts +12% as 12%.
    expect(valueLabel(plotted({ label: 'Revenue', value: 100, decimals: 2, qualifier: 'approx', unit: 'EUR', period: 'Q3 2025', change: { percent: 12 } }, 'change'))).toBe('12%');
  });
});
