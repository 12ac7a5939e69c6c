import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { buildChartSpec, type ChartSpec } from '../../src/model/chart-spec.ts';
import { compileChart, finishSvg, measureTextWidth, renderChart, renderCharts } from '../../src/charts/render-charts.ts';
import { installTextMetrics, usesCanvasMetrics } from '../../src/charts/text-metrics.ts';
import { BriefingError, EXIT } from '../../src/errors.ts';
import type { Chart, Metric } from '../../src/validate/schema.ts';

const SIZE = { width: 640, height: 260 };
const vg = vega as unknown as {
  textMetrics: { width: (item: object, text: string) => number; estimateWidth: (item: object, text: string) => number };
  font: unknown;
};

const rmb = (label: string, value: number, extra: Partial<Metric> = {}): Metric => ({
  label, value, unit: 'CNY', scale: 'billion', period: 'Quarter ended 30 Sep 2025', ...extra,
});
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
const spec = (c: Chart, id?: string): ChartSpec => ({ ...buildChartSpec(c, metrics, SIZE), ...(id ? { id } : {}) });

/** The text content of every <text> element, unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'"));
}
const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

describe('renderCharts', () => {
  const expected: Record<Chart['type'], { categories: string[]; values: string[] }> = {
    bar: {
      categories: ['Taobao and Tmall Group customer management', 'Alibaba Cloud Intelligence Group', 'Alibaba International Digital Commerce Group', 'All others'],
      values: ['RMB 78.9 billion', 'RMB 39.8 billion', 'approx. RMB 34.8 billion', '-RMB 2.5 billion'],
    },
    column: { categories: ['Q1 FY25', 'Q2 FY25', 'Q3 FY25'], values: ['RMB 26.5 billion', 'RMB 29.6 billion', '-RMB 3.7 billion'] },
    line: { categories: ['Q1 FY25', 'Q2 FY25', 'Q3 FY25'], values: ['RMB 26.5 billion', 'RMB 29.6 billion', '-RMB 3.7 billion'] },
    dot: { categories: ['Quark monthly active users', 'Qwen derivative models'], values: ['over 150 million', '0.17 million'] },
  };

  for (const type of ['bar', 'column', 'line', 'dot'] as const) {
    it(`${type}: vector SVG with category and value labels as Inter <text>`, async () => {
      const [svg] = await renderCharts([spec(fixtures[type])]);
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
      for (const el of svg.match(/<text\b[^>]*>/g)!) expect(el).toMatch(/font-family="Inter\b/);
    });
  }

  it('compiles every fixture without vega-lite warnings', () => {
    for (const c of Object.values(fixtures)) expect(compileChart(spec(c)).warnings).toEqual([]);
  });

  it('keeps order and returns one SVG per spec', async () => {
    const svgs = await renderCharts([spec(fixtures.dot), spec(fixtures.bar)]);
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
    const svg = await renderChart(buildChartSpec(chart('Long', 'bar', ['a', 'b', 'c', 'd']), long, SIZE));
    expect(svg).not.toContain('…');
    expect(svg).not.toContain('&#8230;');
    for (const m of Object.values(long)) expect(texts(svg)).toContain(m.label);
  });

  it('truncates where a label really does not fit, measured exactly', async () => {
    // 300px wide: category labels get labelLimit 160px.
    const long = { a: rmb('Alibaba International Digital Commerce Group', 1), b: rmb('Short', 2) };
    const svg = await renderChart(buildChartSpec(chart('Narrow', 'bar', ['a', 'b']), long, { width: 300, height: 120 }));
    const cut = texts(svg).find((s) => s.endsWith('…'))!;
    expect(cut).toBeDefined();
    expect(texts(svg)).toContain('Short');
    // vega's rule (its own measurer does the same): the trimmed prefix plus the ellipsis stays
    // under the limit, and one more character would not.
    const font = "11.5px Inter, 'Noto Sans SC'";
    const w = (s: string) => measureTextWidth(s.trim(), font);
    const prefix = cut.slice(0, -1);
    expect(w(prefix) + w('…')).toBeLessThan(160);
    expect(w('Alibaba International Digital Commerce Group'.slice(0, prefix.length + 1)) + w('…')).toBeGreaterThanOrEqual(160);
  });

  it('keeps slanted period labels inside the SVG (autosize settled)', async () => {
    const periods: Record<string, Metric> = {};
    const c = chart('Margins', 'column', []);
    for (let y = 2021; y <= 2025; y++) {
      periods[`m${y}`] = { label: 'Margin', value: y - 2022, unit: 'percent', period: `FY${y} (fiscal year ended March)` };
      c.points.push({ metric: `m${y}` });
    }
    const svg = await renderChart(buildChartSpec(c, periods, SIZE));
    const originX = Number(/^<svg[^>]*><g[^>]*transform="translate\(([\d.]+),/.exec(svg)![1]);
    const first = /<text text-anchor="end" transform="translate\(([\d.]+),[\d.]+\) rotate\((\d+)\)[^"]*"[^>]*>(FY2021[^<]*)</.exec(svg)!;
    const angle = ((360 - Number(first[2])) * Math.PI) / 180;
    const left = originX + Number(first[1]) - measureTextWidth(first[3], "11.5px Inter, 'Noto Sans SC'") * Math.cos(angle);
    expect(left).toBeGreaterThanOrEqual(0);
  });

  it('gives two charts in one page distinct ids', async () => {
    // Clipped marks make vega emit <clipPath id="clip1"> etc.; rendered twice, they must not collide.
    const clipped = (c: Chart): ChartSpec => {
      const s = spec(c, 'clipped');
      for (const l of s.spec.layer as Array<{ mark: Record<string, unknown> }>) l.mark.clip = true;
      return s;
    };
    const svgs = await renderCharts([clipped(fixtures.bar), clipped(fixtures.bar), spec(fixtures.line)]);
    const all = svgs.flatMap(ids);
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all).size).toBe(all.length);
    for (const svg of svgs) {
      for (const ref of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids(svg)).toContain(ref[1]);
    }
  });

  it('writes tick labels with an ASCII minus, as format.ts does', async () => {
    const svg = await renderChart(spec(fixtures.column));
    expect(texts(svg).some((t) => /^-\d/.test(t))).toBe(true);
    expect(svg).not.toContain('\u2212');
  });

  it('wraps vega-lite failures in BriefingError naming the chart', async () => {
    const bad: ChartSpec = { title: 'Broken chart', alt: '', spec: { mark: 'no-such-mark', data: { values: [] } } };
    const err = await renderChart(bad).catch((e) => e);
    expect(err).toBeInstanceOf(BriefingError);
    expect(err.exitCode).toBe(EXIT.render);
    expect(err.message).toContain('"Broken chart"');
    expect(err.cause).toBeDefined();
  });

  it('renders offline: a spec that wants a URL fails instead of fetching', async () => {
    const remote: ChartSpec = {
      title: 'Remote data', alt: '',
      spec: { data: { url: 'https://example.com/data.json' }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' } } },
    };
    const err = await renderChart(remote).catch((e) => e);
    expect(err).toBeInstanceOf(BriefingError);
    expect(err.message).toMatch(/Remote data.*refusing to load/);
  });
});

describe('text measurement', () => {
  it('vega measures text with @napi-rs/canvas and Inter, not its estimate', async () => {
    await renderChart(spec(fixtures.dot)); // installs the measurer
    expect(usesCanvasMetrics(vg)).toBe(true);
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

  it('refuses raster content', () => {
    expect(() => finishSvg('<svg viewBox="0 0 1 1"><image href="data:image/png;base64,AAA"/></svg>', 'p-')).toThrow(/raster/);
  });
});
