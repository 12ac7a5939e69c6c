import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { buildChartModel, type ChartModel } from '../../src/model/chart-model.ts';
import { compileChart, drawChart, renderChart, renderCharts } from '../../src/charts/render-charts.ts';
import { finishSvg, svgIdPrefix } from '../../src/charts/finish-svg.ts';
import { buildVegaLiteSpec } from '../../src/charts/vega-lite-spec.ts';
import { categoryAxis } from '../../src/charts/category-axis.ts';
import type { TopLevelSpec } from '../../src/charts/vega-lite-types.ts';
import { planLabelWrap } from '../../src/charts/wrap-labels.ts';
import { withoutUnit } from '../../src/charts/value-labels.ts';
import { installTextMetrics, measureTextWidth } from '../../src/charts/text-metrics.ts';
import { axisLabelFont } from '../../src/charts/theme.ts';
import { FONT_STACK, fontFaces } from '../../src/fonts.ts';
import { BriefingError, EXIT } from '../../src/errors.ts';
import type { Chart, Metric } from '../../src/validate/schema.ts';
import { rmb, SIZE } from '../support/chart-fixtures.ts';

const vg = vega as unknown as {
  textMetrics: { width: (item: object, text: string) => number; estimateWidth: (item: object, text: string) => number };
  font: unknown;
};

const metrics: Record<string, Metric> = {
  taobao: rmb('Taobao and Tmall Group customer management', 78.9),
  cloud: rmb('Alibaba Cloud Intelligence Group', 39.8),
  intl: rmb('Alibaba International Digital Commerce Group', 34.8, { qualifier: 'approx' }),
  others: rmb('All others', -2.5),
  q1: rmb('Cloud revenue', 26.5, { period: 'Q1 FY25', period_end: '2024-06-30' }),
  q2: rmb('Cloud revenue', 29.6, { period: 'Q2 FY25', period_end: '2024-09-30' }),
  q3: rmb('Cloud revenue', -3.7, { period: 'Q3 FY25', period_end: '2024-12-31' }),
  quark: { label: 'Quark monthly active users', value: 150, unit: 'users', scale: 'million', qualifier: 'over', period: 'Sep 2025' },
  models: { label: 'Qwen derivative models', value: 0.17, unit: 'users', scale: 'million', period: 'Sep 2025' },
};
const chart = (title: string, type: Chart['type'], ids: string[], extra: Partial<Chart> = {}): Chart => ({
  title, type, points: ids.map((metric) => ({ metric })), ...extra,
});
const fixtures: Record<Chart['type'], Chart> = {
  bar: chart('Revenue by segment', 'bar', ['taobao', 'cloud', 'intl', 'others']),
  column: chart('Cloud revenue', 'column', ['q1', 'q2', 'q3']),
  line: chart('Cloud revenue trend', 'line', ['q1', 'q2', 'q3']),
  dot: chart('Users', 'dot', ['quark', 'models'], { log_scale: true }),
};
const model = (c: Chart, id?: string): ChartModel => ({ ...buildChartModel(c, metrics, SIZE), ...(id ? { id } : {}) });

/** The text content of every <text> element, unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'"));
}
const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

/** The families of a font-family attribute value, unquoted. */
const families = (value: string) => value.split(',').map((f) => f.trim().replace(/^'(.*)'$/, '$1'));

describe('renderCharts', () => {
  const expected: Record<Chart['type'], { categories: string[]; values: string[] }> = {
    bar: {
      categories: ['Taobao and Tmall Group customer management', 'Alibaba Cloud Intelligence Group', 'Alibaba International Digital Commerce Group', 'All others'],
      values: ['RMB 78.9 billion', 'RMB 39.8 billion', 'approx. RMB 34.8 billion', '\u2212RMB 2.5 billion'],
    },
    column: { categories: ['Q1 FY25', 'Q2 FY25', 'Q3 FY25'], values: ['RMB 26.5 billion', 'RMB 29.6 billion', '\u2212RMB 3.7 billion'] },
    line: { categories: ['Q1 FY25', 'Q2 FY25', 'Q3 FY25'], values: ['RMB 26.5 billion', 'RMB 29.6 billion', '\u2212RMB 3.7 billion'] },
    dot: { categories: ['Quark monthly active users', 'Qwen derivative models'], values: ['over 150 million', '0.17 million'] },
  };

  for (const type of ['bar', 'column', 'line', 'dot'] as const) {
    it(`${type}: vector SVG with category and value labels as Inter <text>`, async () => {
      const [svg] = (await renderCharts([model(fixtures[type])])).svgs;
      expect(svg.startsWith('<svg')).toBe(true);
      const root = /^<svg\b[^>]*>/.exec(svg)![0];
      expect(root).toContain('viewBox="0 0 640 260"');
      expect(root).not.toMatch(/\s(width|height)=/);
      expect(root).toContain('role="img"');
      const t = texts(svg);
      for (const s of [...expected[type].categories, ...expected[type].values]) expect(t).toContain(s);
      expect(t).toContain(type === 'dot' ? 'million users' : 'RMB billion'); // value axis title
      expect(t).not.toContain(fixtures[type].title); // the figure, not the SVG, carries the title
      expect(svg).not.toMatch(/<image\b/i);
      expect(svg).not.toContain('data:image');
      expect(svg).not.toContain('<foreignObject');
      // Every text is set in the families the HTML embeds (fonts.ts), Inter first, so the PDF draws what was measured.
      const embedded = new Set(fontFaces().map((f) => f.family));
      for (const el of svg.match(/<text\b[^>]*>/g)!) {
        const family = /\sfont-family="([^"]*)"/.exec(el)?.[1];
        expect(family, el).toBeDefined();
        expect(families(family!)).toEqual([...FONT_STACK]);
        for (const f of families(family!)) expect(embedded).toContain(f);
      }
    });
  }

  it('compiles every fixture without vega-lite warnings', () => {
    for (const c of Object.values(fixtures)) expect(compileChart(buildVegaLiteSpec(model(c)), model(c)).warnings).toEqual([]);
  });

  it('draws with the chart theme: Inter, no view border, transparent background', () => {
    const themed = buildVegaLiteSpec(model(fixtures.bar)) as Record<string, any>;
    expect(themed.config.font).toMatch(/^Inter\b/);
    expect(themed.config.view.stroke).toBeNull();
    expect(themed.config.background).toBe('transparent');
    expect(themed.autosize).toEqual({ type: 'fit', contains: 'padding' });
  });

  it('keeps order and returns one SVG per chart', async () => {
    const svgs = (await renderCharts([model(fixtures.dot), model(fixtures.bar)])).svgs;
    expect(svgs).toHaveLength(2);
    expect(texts(svgs[0])).toContain('over 150 million');
    expect(texts(svgs[1])).toContain('All others');
  });

  it('does not truncate category labels of about 40 characters at 640px', async () => {
    const long: Record<string, Metric> = {
      a: rmb('Taobao and Tmall Group customer management', 1), // 42 characters
      b: rmb('Alibaba International Digital Commerce Group', 2), // 44
      c: rmb('Cainiao Smart Logistics Network Limited', 3), // 39
      d: rmb('WWW Media and Mobile Marketing Group Ltd', 4), // 40, wide capitals
    };
    const svg = (await renderChart(buildChartModel(chart('Long', 'bar', ['a', 'b', 'c', 'd']), long, SIZE))).svg;
    expect(svg).not.toContain('…');
    expect(svg).not.toContain('&#8230;');
    for (const m of Object.values(long)) expect(texts(svg)).toContain(m.label);
  });

  it('cuts a label that cannot be broken, measured exactly, and warns about it', async () => {
    // 300px wide: category labels get labelLimit 160px; a label without a break opportunity cannot wrap.
    const word = 'AlibabaInternationalDigitalCommerceGroup';
    const long = { a: rmb(word, 1), b: rmb('Short', 2) };
    const out = await renderChart(buildChartModel(chart('Narrow', 'bar', ['a', 'b']), long, { width: 300, height: 120 }));
    const cut = texts(out.svg).find((s) => s.endsWith('…'))!;
    expect(cut).toBeDefined();
    expect(texts(out.svg)).toContain('Short');
    // vega's rule (its own measurer does the same): the trimmed prefix plus the ellipsis stays
    // under the limit, and one more character would not.
    const font = "11.5px Inter, 'Noto Sans SC'";
    const w = (s: string) => measureTextWidth(s.trim(), font);
    const prefix = cut.slice(0, -1);
    expect(w(prefix) + w('…')).toBeLessThan(160);
    expect(w(word.slice(0, prefix.length + 1)) + w('…')).toBeGreaterThanOrEqual(160);
    expect(out.warnings).toEqual([`chart "Narrow": label "${word}" is too long to print in full; shorten it in the canvas: the point's label, or for a point without one (as in a chart of a series) its metric's period, or label in a bar chart`]);
  });

  it('keeps slanted period labels inside the SVG (autosize settled)', async () => {
    const periods: Record<string, Metric> = {};
    const c = chart('Margins', 'column', []);
    for (let y = 2021; y <= 2025; y++) {
      periods[`m${y}`] = { label: 'Margin', value: y - 2022, unit: 'percent', period: `FY${y}-fiscal-year-ended-March` };
      c.points.push({ metric: `m${y}` });
    }
    const svg = (await renderChart(buildChartModel(c, periods, SIZE))).svg;
    const originX = Number(/^<svg[^>]*><g[^>]*transform="translate\(([\d.]+),/.exec(svg)![1]);
    const first = /<text text-anchor="end" transform="translate\(([\d.]+),[\d.]+\) rotate\((\d+)\)[^"]*"[^>]*>(FY2021[^<]*)</.exec(svg)!;
    const angle = ((360 - Number(first[2])) * Math.PI) / 180;
    const left = originX + Number(first[1]) - measureTextWidth(first[3], "11.5px Inter, 'Noto Sans SC'") * Math.cos(angle);
    expect(left).toBeGreaterThanOrEqual(0);
  });

  it('draws labels pasted with a line or paragraph separator, and labels that read like a data: URL', async () => {
    const line = chart('Cloud revenue trend', 'line', ['q1', 'q2', 'q3']);
    line.points[0].label = 'Q1\u2028FY25';
    line.points[1].label = 'Q2\u2029FY25';
    const bar = chart('Revenue by segment', 'bar', ['taobao', 'cloud']);
    bar.points[0].label = 'data:image/png;base64,AAAA';
    const [drawnLine, drawnBar] = await Promise.all([renderChart(buildChartModel(line, metrics, SIZE)), renderChart(buildChartModel(bar, metrics, SIZE))]);
    expect(texts(drawnLine.svg).join(' ')).toMatch(/Q1\u2028FY25 Q2\u2029FY25/);
    expect(texts(drawnBar.svg)).toContain('data:image/png;base64,AAAA');
  });

  it('draws the same list twice in one process to the same strings', async () => {
    const list = [model(fixtures.bar, 'mix'), model(fixtures.column), model(fixtures.line, 'trend'), model(fixtures.dot), model(fixtures.bar, 'mix')];
    const first = await renderCharts(list);
    const second = await renderCharts(list);
    expect(second.svgs).toEqual(first.svgs);
    expect(second.warnings).toEqual(first.warnings);
    expect((await renderCharts(list.slice(0, 1))).svgs[0]).toBe(first.svgs[0]);
  });

  it('prefixes SVG ids with the chart id and its place in the list', async () => {
    expect(svgIdPrefix({ id: 'revenue_mix' }, 0)).toBe('revenue_mix-1-');
    expect(svgIdPrefix({ id: 'revenue_mix' }, 4)).toBe('revenue_mix-5-');
    expect(svgIdPrefix({ id: '88VIP members' }, 1)).toBe('c-88vip-members-2-');
    expect(svgIdPrefix({}, 2)).toBe('chart-3-');
    // A clipped mark makes vega emit <clipPath id="clip1">: the ids (numbered from 1 for every chart,
    // whatever was drawn before) and the references to them get the prefix.
    const clipped = buildVegaLiteSpec(model(fixtures.bar));
    for (const l of (clipped as { layer: Array<{ mark: { clip?: boolean } }> }).layer) l.mark.clip = true;
    const out = await drawChart(clipped, { title: 'Clipped', idPrefix: 'mix-2-' });
    const svg = typeof out === 'object' && 'svg' in out ? out.svg : '';
    expect(ids(svg)).toEqual(['mix-2-clip1', 'mix-2-clip2', 'mix-2-clip3', 'mix-2-clip4']);
    expect(svg).toContain('clip-path="url(#mix-2-clip1)"');
  });

  it('writes tick labels with a true minus sign (U+2212), as format.ts does, never a hyphen', async () => {
    const svg = (await renderChart(model(fixtures.column))).svg;
    expect(texts(svg).some((t) => /^\u2212\d/.test(t))).toBe(true);
    expect(texts(svg).filter((t) => /^-\d/.test(t))).toEqual([]);
  });

  it('sets and measures a chart\'s Korean or Japanese text in the face of the company\'s language', async () => {
    const korean = { ...model(fixtures.bar), lang: 'ko' };
    expect(buildVegaLiteSpec(korean).config?.font).toBe("Inter, 'Noto Sans KR'");
    expect(buildVegaLiteSpec({ ...korean, lang: 'zh-Hans' }).config?.font).toBe("Inter, 'Noto Sans SC'");
    // Measured with the face it is drawn in (the Chinese face lacks most hangul, and would give another width).
    const name = '씨제이대한통운';
    expect(measureTextWidth(name, axisLabelFont('ko'))).toBeCloseTo(measureTextWidth(name, "11.5px 'Noto Sans KR'"), 3);
    expect(Math.abs(measureTextWidth(name, axisLabelFont('ko')) - measureTextWidth(name, axisLabelFont('zh-Hans')))).toBeGreaterThan(5);
    expect(categoryAxis(korean).font).toBe(axisLabelFont('ko'));
  });

  it('labels a point of zero beside its mark on bar and column charts, as it labels any other figure', async () => {
    // A zero is a figure, not a missing one: without its label a reader cannot tell "nil" from "not given".
    const nil = { ...metrics, nil: rmb('Local services', 0, { period: 'Q4 FY25', period_end: '2025-03-31' }) };
    const charts = [chart('With a zero', 'bar', ['cloud', 'nil', 'others']), chart('With a zero', 'column', ['q1', 'nil', 'q3'])];
    for (const c of charts) {
      const labels = texts((await renderChart(buildChartModel(c, nil, SIZE))).svg);
      expect(labels, c.type).toContain('RMB 0 billion');
      expect(labels, c.type).toContain(c.type === 'bar' ? 'RMB 39.8 billion' : 'RMB 26.5 billion');
      expect(labels, c.type).toContain(c.type === 'bar' ? '\u2212RMB 2.5 billion' : '\u2212RMB 3.7 billion');
    }
  });

  it('draws every bar of a log-scale bar chart with its length, from the axis\'s low end', async () => {
    // Stacked from zero, a bar on a log scale (which has no zero) is drawn with no length at all.
    const { svg } = await renderChart(model(chart('Users', 'bar', ['quark', 'models'], { log_scale: true })));
    const rects = /class="mark-rect[^"]*"[^>]*>(.*?)<\/g>/.exec(svg)![1]!;
    const widths = [...rects.matchAll(/<path d="M[\d.]+,[\d.]+h([\d.-]+)v/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    for (const w of widths) expect(w).toBeGreaterThan(10);
  });

  it('writes negative tick labels in parentheses when the chart says its theme prints negatives so', async () => {
    const { svgs } = await renderCharts([{ ...model(fixtures.column), negatives: 'parentheses' }]);
    expect(texts(svgs[0]!).some((t) => /^\(\d[\d,.]*\)$/.test(t))).toBe(true);
    expect(texts(svgs[0]!).filter((t) => /^\u2212\d/.test(t))).toEqual([]);
  });

  it('judges the room between a line\'s value labels by date, whatever order the canvas lists the points in', async () => {
    // Newest first in the canvas: the line still runs by date, its neighbours as far apart as in date order.
    const { svg, warnings } = await renderChart(model(chart('Cloud revenue trend', 'line', ['q3', 'q2', 'q1'])));
    expect(warnings).toEqual([]);
    for (const label of expected.line.values) expect(texts(svg)).toContain(label);
  });

  it('labels the points of a crowded column or line chart with their numbers alone, so that no two labels print over each other', async () => {
    const quarters = Array.from({ length: 12 }, (_, i) => rmb('Net income', [22.1, 18.4, -4.6, 12, 9.5, -11.25, 14.3, 20, 6.8, 3.1, -27.4, 8][i]!, { period: `Q${(i % 4) + 1} ${2023 + Math.floor(i / 4)}`, period_end: `${2023 + Math.floor(i / 4)}-${String(((i % 4) + 1) * 3).padStart(2, '0')}-28` }));
    const many = Object.fromEntries(quarters.map((m, i) => [`q${i}`, m]));
    for (const type of ['column', 'line'] as const) {
      const crowded = buildChartModel(chart('Net income', type, Object.keys(many)), many, SIZE);
      const drawn = await renderChart(crowded);
      expect(drawn.warnings, type).toEqual([]);
      const labels = texts(drawn.svg);
      // Every value is printed, its sign kept, the unit left to the axis title.
      for (const v of ['22.1', '\u22124.6', '\u221211.25', '\u221227.4']) expect(labels, `${type}: ${v}`).toContain(v);
      expect(labels.filter((t) => /RMB \d/.test(t)), type).toEqual([]);
      expect(labels.some((t) => /RMB/.test(t) && /billion/.test(t)), `${type}: the value axis title`).toBe(true);
    }
    // Three points have room for their labels as written.
    expect(texts((await renderChart(model(fixtures.column))).svg)).toContain('\u2212RMB 3.7 billion');
    expect(withoutUnit('(US$4.6 million)', 'US$ million')).toBe('(4.6)');
    expect(withoutUnit('\u2212RMB 1,234.5 billion', 'RMB billion')).toBe('\u22121,234.5');
    // A sign after a qualifier, and the qualifier, are kept: only the unit the axis gives goes.
    expect(withoutUnit('approx. \u2212US$4.6 million', 'US$ million')).toBe('approx. \u22124.6');
    expect(withoutUnit('over 56 million members', 'million members')).toBe('over 56');
    expect(withoutUnit('+12.5%', '%')).toBe('+12.5%');
  });

  it('draws side-by-side columns as they fit: numbers alone where full labels would touch, every group named whole, room above the tallest', async () => {
    const usd = (label: string, value: number, quarter: 1 | 2): Metric => ({ label, value, unit: 'USD', scale: 'billion', period: `Q${quarter} FY26`, period_end: quarter === 1 ? '2025-09-30' : '2025-12-31' });
    const segments = ['Productivity and Business Processes', 'Intelligent Cloud', 'More Personal Computing'];
    const values = [[33.1, 29.9, 13.5], [34.1, 32.9, 14.3]];
    const many: Record<string, Metric> = {};
    const points: Chart['points'] = [];
    values.forEach((row, q) => row.forEach((v, g) => {
      many[`s${q}${g}`] = usd(segments[g]!, v, (q + 1) as 1 | 2);
      points.push({ metric: `s${q}${g}`, label: `Q${q + 1} FY26`, group: segments[g]! });
    }));
    const drawn = await renderChart(buildChartModel({ title: 'Segment revenue (US$ billion)', type: 'column', points }, many, SIZE));
    expect(drawn.warnings).toEqual([]);
    const labels = texts(drawn.svg);
    // "US$33.1 billion" is wider than a third of its quarter's band: the numbers alone, the unit left to the axis title.
    for (const v of ['33.1', '29.9', '13.5', '34.1', '32.9', '14.3']) expect(labels).toContain(v);
    expect(labels.filter((t) => /US\$\d/.test(t))).toEqual([]);
    // The legend names each segment whole (Vega cut the first at 160px), and the axis goes a step past 34.1's top tick.
    for (const name of segments) expect(labels).toContain(name);
    expect(labels.filter((t) => t.includes('\u2026'))).toEqual([]);
    expect(labels).toContain('40');
  });

  it('gives each group a place in every band when it judges the room between value labels, a category without one too', async () => {
    // Cloud and Devices in Q4 FY25, and AI services new in Q1 FY26: each quarter's band holds three places, not two and a half.
    const plan: Array<[string, string, string[]]> = [['Q4 FY25', '2025-06-30', ['Cloud', 'Devices']], ['Q1 FY26', '2025-09-30', ['Cloud', 'Devices', 'AI services']]];
    const many: Record<string, Metric> = {};
    const points: Chart['points'] = [];
    plan.forEach(([period, end, groups]) => groups.forEach((group) => {
      const id = `m${points.length}`;
      many[id] = { label: `${group} revenue`, value: [9.2, 9.3, 9.4, 9.5, 9.6][points.length]!, unit: 'USD', scale: 'billion', period, period_end: end };
      points.push({ metric: id, label: period, group });
    }));
    const { svg, warnings } = await renderChart(buildChartModel({ title: 'Revenue by segment', type: 'column', points }, many, { width: 640, height: 250 }));
    expect(warnings).toEqual([]);
    // "US$9.2 billion" beside "US$9.3 billion" ran together: the numbers alone.
    expect(texts(svg).filter((t) => /US\$\d/.test(t))).toEqual([]);
    expect(texts(svg)).toContain('9.2');
  });

  it('keeps a legend that fits across the plot within the chart: it starts where the plot does, right of the value axis', async () => {
    const usd = (label: string, value: number, quarter: 1 | 2): Metric => ({ label, value, unit: 'USD', scale: 'billion', period: `Q${quarter} FY26`, period_end: quarter === 1 ? '2025-09-30' : '2025-12-31' });
    // Across the chart's 640px the three names fit (by 2px), across the plot they do not.
    const segments = ['Productivity and Business Processes', 'Intelligent Cloud Infrastructure', 'Gaming and Search Advertising'];
    const many: Record<string, Metric> = {};
    const points: Chart['points'] = [];
    [1, 2].forEach((q) => segments.forEach((s, g) => {
      many[`s${q}${g}`] = usd(s, 30 + g * 3.7 + q, q as 1 | 2);
      points.push({ metric: `s${q}${g}`, label: `Q${q} FY26`, group: s });
    }));
    const { svg } = await renderChart(buildChartModel({ title: 'Segment revenue', type: 'column', points }, many, { width: 640, height: 250 }));
    const plot = /^<svg[^>]*><g[^>]*transform="translate\(([\d.]+),/.exec(svg);
    const legend = /role-legend"[^>]*><g transform="translate\(([-\d.]+),[-\d.]+\)"><path class="background"[^>]*d="M0,0h([\d.]+)/.exec(svg);
    expect(plot).not.toBeNull();
    expect(legend).not.toBeNull();
    expect(Number(plot![1]) + Number(legend![1]) + Number(legend![2])).toBeLessThanOrEqual(640);
    for (const name of segments) expect(texts(svg)).toContain(name);
  });

  it('warns of a chart of more groups than the palette has colours, naming the groups drawn alike', async () => {
    const groups = ['North', 'South', 'East', 'West', 'Centre', 'Islands', 'Overseas'];
    const regional: Record<string, Metric> = Object.fromEntries(groups.map((g, i) => [`r${i}`, rmb(`${g} revenue`, 10 + i)]));
    const points = groups.map((g, i) => ({ metric: `r${i}`, label: 'Q3 2025', group: g }));
    const { warnings } = await renderChart(buildChartModel({ title: 'Revenue by region', type: 'column', points }, regional, SIZE));
    expect(warnings).toContain('chart "Revenue by region": its 7 groups share the 6 colours of the palette, so "North" and "Overseas" are drawn in one colour and a reader cannot tell them apart; show at most 6 groups (the smallest together as one), or split the chart');
    expect((await renderChart(buildChartModel({ title: 'Revenue by region', type: 'column', points: points.slice(0, 6) }, regional, SIZE))).warnings).toEqual([]);
  });

  it('wraps vega-lite failures in BriefingError naming the chart', async () => {
    // Deliberately not a valid spec: the types would refuse it.
    const bad = { mark: 'no-such-mark', data: { values: [] } } as unknown as TopLevelSpec;
    const err = await drawChart(bad, { title: 'Broken chart', idPrefix: 'b-' }).catch((e) => e);
    expect(err).toBeInstanceOf(BriefingError);
    expect(err.exitCode).toBe(EXIT.render);
    expect(err.message).toContain('"Broken chart"');
    expect(err.cause).toBeDefined();
  });

  it('renders offline: a spec that wants a URL fails instead of fetching', async () => {
    const remote: TopLevelSpec = { data: { url: 'https://example.com/data.json' }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' } } };
    const err = await drawChart(remote, { title: 'Remote data', idPrefix: 'r-' }).catch((e) => e);
    expect(err).toBeInstanceOf(BriefingError);
    expect(err.message).toMatch(/Remote data.*refusing to load/);
  });
});

/** Category labels of a horizontal chart (right-aligned <text>), each with its baseline y and its lines. */
function categoryLabels(svg: string): Array<{ y: number; lines: string[] }> {
  return [...svg.matchAll(/<text text-anchor="end" transform="translate\([-\d.]+,([-\d.]+)\)"[^>]*>(.*?)<\/text>/g)].map((m) => {
    const spans = [...m[2].matchAll(/<tspan\b[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]);
    return { y: Number(m[1]), lines: spans.length ? spans : [m[2]] };
  });
}
const barCentres = (svg: string) => [...svg.matchAll(/<path d="M[-\d.]+,([-\d.]+)h[-\d.]+v([\d.]+)h/g)].map((m) => Number(m[1]) + Number(m[2]) / 2);
const viewHeight = (svg: string) => Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(svg)![1]);

describe('long category labels', () => {
  const LABEL_70 = 'Small business loans with a very long descriptive label for the lender'; // 70 characters
  const loans: Record<string, Metric> = {
    loans: rmb(LABEL_70, 12.4),
    cards: rmb('Credit cards', 8.1),
    mortgages: rmb('Mortgages', 30.2),
    other: rmb('Taobao Instant Commerce on-demand orders (vs. Sep 2025)', 3.3),
  };
  const SMALL = { width: 640, height: 130 };

  it('wraps a 70-character bar label onto whole-word lines, prints every word, and makes the chart taller', async () => {
    const c = chart('Loans', 'bar', ['loans', 'cards', 'mortgages', 'other']);
    const out = await renderChart(buildChartModel(c, loans, SMALL));
    expect(out.warnings).toEqual([]);
    expect(out.svg).not.toContain('…');
    expect(out.svg).not.toContain('&#8230;');
    const labels = categoryLabels(out.svg);
    expect(labels.map((l) => l.lines.join(' '))).toEqual([LABEL_70, 'Credit cards', 'Mortgages', 'Taobao Instant Commerce on-demand orders (vs. Sep 2025)']);
    const wrapped = labels[0];
    expect(wrapped.lines.length).toBeGreaterThanOrEqual(2);
    expect(wrapped.lines.length).toBeLessThanOrEqual(3);
    const printed = wrapped.lines.flatMap((l) => l.split(' '));
    expect(printed).toEqual(LABEL_70.split(' ')); // every word, whole, in order
    // Each line is narrower than the axis labelLimit (640px: 288px), measured as vega does.
    for (const line of labels.flatMap((l) => l.lines)) expect(measureTextWidth(line, "11.5px Inter, 'Noto Sans SC'")).toBeLessThan(288);

    // Four bands in 130px leave no room for two-line labels: the chart grows; short labels do not.
    expect(viewHeight(out.svg)).toBeGreaterThan(SMALL.height);
    const short = (await renderChart(buildChartModel(chart('Loans', 'bar', ['cards', 'mortgages']), loans, SMALL))).svg;
    expect(viewHeight(short)).toBe(SMALL.height);

    // Label blocks are centred on their bars and keep clear of each other.
    const lh = 14;
    const centres = barCentres(out.svg);
    expect(centres).toHaveLength(4);
    const shift = labels.map((l, i) => l.y + ((l.lines.length - 1) * lh) / 2 - centres[i]);
    for (const d of shift) expect(Math.abs(d - shift[1])).toBeLessThan(1);
    for (let i = 0; i + 1 < labels.length; i++) {
      const bottom = labels[i].y + (labels[i].lines.length - 1) * lh + 3;
      const top = labels[i + 1].y - 9;
      expect(top - bottom).toBeGreaterThanOrEqual(4);
    }
  });

  it('wraps dot plot labels the same way', async () => {
    const c = chart('Loans', 'dot', ['loans', 'cards']);
    const svg = (await renderChart(buildChartModel(c, loans, SIZE))).svg;
    expect(svg).not.toContain('…');
    expect(categoryLabels(svg).map((l) => l.lines.join(' '))).toEqual([LABEL_70, 'Credit cards']);
    expect(categoryLabels(svg)[0].lines.length).toBeGreaterThan(1);
  });

  it('wraps period labels of column and line charts instead of cutting them', async () => {
    const period = 'Quarter ended 30 September 2025 (restated for discontinued operations)';
    const periods: Record<string, Metric> = {
      p1: rmb('Revenue', 10, { period, period_end: '2025-09-30' }),
      p2: rmb('Revenue', 12, { period: 'Q4 FY25', period_end: '2025-12-31' }),
    };
    for (const type of ['column', 'line'] as const) {
      const svg = (await renderChart(buildChartModel(chart('Periods', type, ['p1', 'p2']), periods, SIZE))).svg;
      expect(svg).not.toContain('…');
      const spans = [...svg.matchAll(/<tspan\b[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
      expect(spans.length).toBeGreaterThan(1);
      expect(spans.join(' ')).toBe(period);
      expect(texts(svg)).toContain('Q4 FY25');
      // Columns: the spec slants long period labels; wrapped to the band width they fit level.
      const label = /<text\b[^>]*>(?=<tspan)/.exec(svg)![0];
      if (type === 'column') expect(label).not.toContain('rotate(');
    }
  });

  it('warns when vega hides a period label that overlaps its neighbour', async () => {
    const close: Record<string, Metric> = {
      a: rmb('Members', 50, { period: '31 Mar 2025', period_end: '2025-03-31' }),
      b: rmb('Members', 56, { period: 'Quarter ended 30 September 2025 (second quarter of fiscal year 2026)', period_end: '2025-09-30' }),
      c: rmb('Members', 53, { period: '11.11 Global Shopping Festival 2025 (as announced by the company)', period_end: '2025-11-11' }),
    };
    const { warnings } = await renderChart(buildChartModel(chart('Members', 'line', ['a', 'b', 'c']), close, SIZE));
    expect(warnings).toHaveLength(1);
    // Several hidden: one warning for the chart, naming each.
    const crowded: Record<string, Metric> = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`q${i}`, rmb('Members', 50 + i, { period: `Fiscal quarter number ${i + 1} of the company's year 2025`, period_end: `2025-0${(i % 9) + 1}-28` })]));
    const many = await renderChart(buildChartModel(chart('Members', 'line', Object.keys(crowded)), crowded, SIZE));
    expect(many.warnings).toHaveLength(1);
    expect(many.warnings[0]).toMatch(/^chart "Members": \d+ labels \("Fiscal quarter number \d.*", .*\) are hidden because they overlap their neighbours; shorten them in the canvas/);
    expect(warnings[0]).toMatch(/^chart "Members": label "(Quarter ended|11\.11 Global).*" is hidden because it overlaps a neighbouring label; shorten it in the canvas: the point.s label, or for a point without one \(as in a chart of a series\) its metric.s period, or label in a bar chart$/);
  });

  it('warns about a 300-character label, which cannot be printed in three lines', async () => {
    const label = `${'Revenue from a business line whose name goes on and on '.repeat(6)}`.trim().slice(0, 300); // 300 characters
    const many = { long: rmb(label, 5), short: rmb('Short', 2) };
    const c = chart('Too long', 'bar', ['long', 'short']);
    const { svgs, warnings } = await renderCharts([buildChartModel(c, many, SIZE), model(fixtures.bar)]);
    expect(svgs).toHaveLength(2);
    // The warning quotes the label's start and gives its length: enough to find it.
    expect(warnings).toEqual([`chart "Too long": label "${label.slice(0, 77)}…" (300 characters) is too long to print in full; shorten it in the canvas: the point's label, or for a point without one (as in a chart of a series) its metric's period, or label in a bar chart`]);
    // Still drawn: three lines, the last one cut by vega.
    const [block] = categoryLabels(svgs[0]);
    expect(block.lines).toHaveLength(3);
    expect(block.lines[2].endsWith('…')).toBe(true);
    expect(block.lines[0].startsWith('Revenue from a business line')).toBe(true);
    // Drawn on its own, the chart is the same.
    const plain = (await renderCharts([buildChartModel(c, many, SIZE)])).svgs;
    expect(categoryLabels(plain[0])).toEqual(categoryLabels(svgs[0]));
  });

  it('leaves charts whose labels fit untouched', () => {
    for (const c of Object.values(fixtures)) {
      const m = model(c);
      expect(planLabelWrap(m, categoryAxis(m))).toEqual({ warnings: [] });
    }
  });

  it('compiles wrapped charts without vega-lite warnings and does not change the model passed in', () => {
    const m = buildChartModel(chart('Loans', 'bar', ['loans', 'cards', 'other']), loans, SIZE);
    const before = JSON.stringify(m);
    const { plan, warnings } = planLabelWrap(m, categoryAxis(m));
    expect(warnings).toEqual([]);
    expect(plan?.channel).toBe('y');
    expect([...plan!.wrapped.keys()]).toEqual([LABEL_70, 'Taobao Instant Commerce on-demand orders (vs. Sep 2025)']);
    const spec = buildVegaLiteSpec(m, { wrap: plan });
    expect(JSON.stringify(m)).toBe(before);
    expect(compileChart(spec, m).warnings).toEqual([]);
  });
});

describe('Chinese, Japanese and Korean period labels', () => {
  // A Japanese company's quarters, as its briefing names them: about 1em a character, 126px each at 11.5px.
  const PERIODS = ['2025年3月期 第2四半期', '2025年3月期 第3四半期', '2025年3月期 第4四半期', '2026年3月期 第1四半期', '2026年3月期 第2四半期'];
  const ENDS = ['2024-09-30', '2024-12-31', '2025-03-31', '2025-06-30', '2025-09-30'];
  const revenue: Record<string, Metric> = Object.fromEntries(PERIODS.map((period, i) => [`r${i}`, { label: '売上高', value: 301.5 + 7 * i, unit: 'JPY', scale: 'billion', period, period_end: ENDS[i] }]));
  const KEY_SIZE = { width: 640, height: 230 }; // the key-figures page's
  const japanese = (type: 'column' | 'line', lang = 'ja') => ({ ...buildChartModel(chart('売上高', type, Object.keys(revenue)), revenue, KEY_SIZE, 'ja', true), lang });

  /** The period labels as drawn (each <text> of the axis with 期 in it): anchor x, angle, lines. */
  function periodLabels(svg: string): Array<{ x: number; rotated: boolean; lines: string[] }> {
    return [...svg.matchAll(/<text text-anchor="(?:middle|end)" transform="translate\(([-\d.]+),[-\d.]+\)( rotate)?[^"]*"[^>]*>((?:(?!<\/text>).)*期(?:(?!<\/text>).)*)<\/text>/g)].map((m) => {
      const spans = [...m[3].matchAll(/<tspan\b[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]);
      return { x: Number(m[1]), rotated: m[2] !== undefined, lines: spans.length ? spans : [m[3]] };
    });
  }

  it('sets them level, wrapped between the fiscal year and the quarter, each clear of its neighbours, under columns and line points', async () => {
    for (const lang of ['ja', 'zh-Hans']) {
      for (const type of ['column', 'line'] as const) {
        const { svg, warnings } = await renderChart(japanese(type, lang));
        expect(warnings, `${lang} ${type}`).toEqual([]);
        const labels = periodLabels(svg);
        expect(labels.map((l) => l.lines.join(' ')), `${lang} ${type}`).toEqual(PERIODS);
        // Measured in the face the chart draws them in, each label's widest line keeps clear of the next label's.
        const font = axisLabelFont(lang);
        const half = (l: { lines: string[] }) => Math.max(...l.lines.map((line) => measureTextWidth(line, font))) / 2;
        for (let i = 0; i + 1 < labels.length; i++) {
          expect(labels[i]!.rotated).toBe(false);
          expect(labels[i + 1]!.x - half(labels[i + 1]!) - (labels[i]!.x + half(labels[i]!)), `${lang} ${type}: ${PERIODS[i]}`).toBeGreaterThan(0);
        }
        expect(labels[0]!.lines).toEqual(['2025年3月期', '第2四半期']);
      }
    }
  });

  it('keeps Latin period labels as they were: slanted on one line where they do not fit level', async () => {
    const quarters: Record<string, Metric> = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`q${i}`, rmb('Revenue', 10 + i, { period: `Quarter ended 30 Sep ${2018 + i}`, period_end: `${2018 + i}-09-30` })]));
    const { svg, warnings } = await renderChart(buildChartModel(chart('Revenue', 'column', Object.keys(quarters)), quarters, SIZE));
    expect(warnings).toEqual([]);
    expect(svg).not.toContain('<tspan');
    expect(svg).toMatch(/rotate\(325\)[^>]*>Quarter ended 30 Sep 2018</);
  });

  it('finds period labels drawn over each other, which vega does not hide under columns', async () => {
    // The spec as it was built with the labels' width estimated at 0.58em a character: level, on one line.
    const model = japanese('column');
    const spec = buildVegaLiteSpec(model) as TopLevelSpec & { layer: Array<{ encoding?: { x?: { axis?: { labelAngle?: number } } } }> };
    for (const layer of spec.layer) if (layer.encoding?.x?.axis) layer.encoding.x.axis.labelAngle = 0;
    const out = await drawChart(spec, { ...model, idPrefix: 'j-' });
    expect(typeof out === 'object' && 'overlapping' in out ? out.overlapping : out).toEqual(PERIODS);
  });
});

describe('text measurement', () => {
  it('vega measures text with @napi-rs/canvas and Inter, not its estimate', async () => {
    await renderChart(model(fixtures.dot)); // installs the measurer
    expect((vg.textMetrics as { __briefing?: boolean }).__briefing).toBe(true); // installTextMetrics's mark
    const item = { font: 'Inter', fontSize: 10 };
    const text = 'Alibaba Cloud Intelligence Group';
    const width = vg.textMetrics.width(item, text);
    expect(width).toBe(measureTextWidth(text, '10px Inter'));
    // Chromium's canvas measures the same string, with the same @fontsource woff2, at 154.98046875px.
    expect(width).toBeCloseTo(154.98, 2);
    expect(vg.textMetrics.estimateWidth(item, text)).toBe(256); // vega's fallback: 0.8em per character
    expect(vg.textMetrics.width(item, 'WWWW')).toBeGreaterThan(3 * vg.textMetrics.width(item, 'iiii'));
  });

  it('measures with the Inter faces, not a fallback font', () => {
    const text = 'Alibaba Cloud Intelligence Group';
    expect(measureTextWidth(text, '10px Inter')).not.toBe(measureTextWidth(text, '10px NoSuchFontFamily'));
    expect(measureTextWidth(text, '600 10px Inter')).toBeGreaterThan(measureTextWidth(text, '10px Inter'));
    // Chinese falls back to Noto Sans SC: one em per ideograph.
    expect(measureTextWidth('阿里巴巴', "10px Inter, 'Noto Sans SC'")).toBeCloseTo(40, 1);
  });

  it('reports the limit for text that will be truncated, so vega truncates where its own measurer would', () => {
    installTextMetrics(vg);
    const item = { font: 'Inter', fontSize: 10, limit: 50 };
    expect(vg.textMetrics.width(item, 'Alibaba Cloud Intelligence Group')).toBe(50);
    expect(vg.textMetrics.width(item, 'Cloud')).toBe(measureTextWidth('Cloud', '10px Inter'));
    expect(vg.textMetrics.width({ font: 'Inter', fontSize: 0 }, 'x')).toBe(0);
  });
});

describe('finishSvg', () => {
  it('prefixes ids and their references, and drops width and height', () => {
    const svg = '<svg width="640" height="260" viewBox="0 0 640 260"><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><use href="#clip1"/></g></svg>';
    const out = finishSvg(svg, 'x-1-', 'A & B');
    expect(out).toContain('id="x-1-clip1"');
    expect(out).toContain('url(#x-1-clip1)');
    expect(out).toContain('href="#x-1-clip1"');
    expect(out).toMatch(/^<svg role="img" aria-label="A &amp; B" preserveAspectRatio="xMidYMid meet" viewBox="0 0 640 260">/);
  });

  it('refuses raster content: an image or foreignObject element, a data: URL loaded by href or style', () => {
    for (const svg of [
      '<svg viewBox="0 0 1 1"><image href="data:image/png;base64,AAA"/></svg>',
      '<svg viewBox="0 0 1 1"><foreignObject><div/></foreignObject></svg>',
      '<svg viewBox="0 0 1 1"><use xlink:href="data:image/svg+xml;base64,AAA"/></svg>',
      '<svg viewBox="0 0 1 1"><rect style="fill: url(&quot;data:image/png;base64,AAA&quot;)"/></svg>',
    ]) expect(() => finishSvg(svg, 'p-'), svg).toThrow(/raster/);
  });

  it('takes text that reads like a data: URL for what it is: text', () => {
    const svg = '<svg viewBox="0 0 1 1"><text>data:image/png;base64,AAA</text><text>url(data:image/png)</text></svg>';
    expect(finishSvg(svg, 'p-', 'A chart of data:image/png; src="data:x"')).toContain('<text>data:image/png;base64,AAA</text>');
  });
});
