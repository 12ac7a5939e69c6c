import { describe, expect, it } from 'vitest';
import { buildChartModel } from '../../src/model/chart-model.ts';
import { renderChart } from '../../src/charts/render-charts.ts';
import { measureTextWidth } from '../../src/charts/text-metrics.ts';
import type { Metric } from '../../src/validate/schema.ts';

/** The size every chart of a briefing is drawn at, on a Letter page as on A4 (model/build-model.ts CHART_SIZE). */
const PAGE_CHART = { width: 640, height: 250 };

/** A quarterly series of Adjusted EBITDA in US$ million, from Q1 2024, as a canvas's `series:` chart plots it. */
function quarterly(values: number[], title = 'Adjusted EBITDA by quarter') {
  const metrics: Record<string, Metric> = {};
  values.forEach((value, i) => {
    const year = 2024 + Math.floor(i / 4);
    const month = ((i % 4) + 1) * 3;
    const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
    metrics[`q${i}`] = { label: 'Adjusted EBITDA', value, unit: 'USD', scale: 'million', period: `Q${(i % 4) + 1} ${year}`, period_end: `${year}-${String(month).padStart(2, '0')}-${day}` };
  });
  return buildChartModel({ title, type: 'line', points: Object.keys(metrics).map((metric) => ({ metric })) }, metrics, PAGE_CHART, 'en-US', true);
}

const unescape = (t: string) => t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'");

/** The contents of the first <g> of `svg` whose class has `cls` (vega writes each mark's items in one such group). */
function markGroup(svg: string, cls: string): string {
  const start = svg.indexOf(`class="${cls}`);
  expect(start, cls).toBeGreaterThan(-1);
  return svg.slice(start, svg.indexOf('</g>', start));
}

/** The points as drawn (centres of the symbols) and the value labels as drawn: each one's horizontal extent, measured in its own font. */
function drawn(svg: string) {
  const points = [...markGroup(svg, 'mark-symbol role-mark').matchAll(/<path transform="translate\(([-\d.e]+),([-\d.e]+)\)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
  const labels = [...markGroup(svg, 'mark-text role-mark').matchAll(/<text text-anchor="(\w+)" transform="translate\(([-\d.e]+),([-\d.e]+)\)" font-family="([^"]+)" font-size="([\d.]+)px"[^>]*>([^<]*)<\/text>/g)].map((m) => {
    const text = unescape(m[6]!);
    const width = measureTextWidth(text, `${m[5]}px ${unescape(m[4]!)}`);
    const x = Number(m[2]);
    const left = m[1] === 'end' ? x - width : m[1] === 'middle' ? x - width / 2 : x;
    return { text, left, right: left + width, y: Number(m[3]) };
  });
  return { points, labels };
}

/**
 * Every label lies within its own point's half of the way to each neighbouring point, and no two labels meet: the
 * point a reader takes a label for (the nearest) is the one it belongs to. Returns which point each label is over.
 */
function expectEachLabelByItsOwnPoint(svg: string, values: string[]): number[] {
  const { points, labels } = drawn(svg);
  expect(points).toHaveLength(values.length);
  const xs = points.map((p) => p.x);
  const owners = labels.map((label) => {
    const centre = (label.left + label.right) / 2;
    const k = xs.reduce((best, x, i) => (Math.abs(x - centre) < Math.abs(xs[best]! - centre) ? i : best), 0);
    const from = k > 0 ? (xs[k - 1]! + xs[k]!) / 2 : -Infinity;
    const to = k < xs.length - 1 ? (xs[k]! + xs[k + 1]!) / 2 : Infinity;
    expect(label.left, `"${label.text}" reaches past the half-way mark to the point before its own`).toBeGreaterThanOrEqual(from);
    expect(label.right, `"${label.text}" reaches past the half-way mark to the point after its own`).toBeLessThanOrEqual(to);
    expect(label.text, `the label nearest point ${k + 1}`).toBe(values[k]);
    return k;
  });
  const sorted = [...labels].sort((a, b) => a.left - b.left);
  for (let i = 0; i + 1 < sorted.length; i++) expect(sorted[i]!.right, `"${sorted[i]!.text}" runs into "${sorted[i + 1]!.text}"`).toBeLessThan(sorted[i + 1]!.left);
  return owners;
}

describe('line chart value labels', () => {
  const EBITDA = [88.2, 92.1, 95.4, 97.8, 100.6, 103.0, 106.2, 109.5];

  it('labels each of 8 rising quarters by its own point, as numbers alone when "$95.4 million" is wider than the way between points', async () => {
    const { svg, warnings } = await renderChart(quarterly(EBITDA));
    expect(warnings).toEqual([]);
    const owners = expectEachLabelByItsOwnPoint(svg, ['88.2', '92.1', '95.4', '97.8', '100.6', '103', '106.2', '109.5']);
    // Every point labelled; the unit said once, by the value axis title.
    expect(owners).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(svg).toContain('>$ million</text>');
    expect(svg).not.toMatch(/>\$[\d.]+ million</);
  });

  it('keeps the unit in each label where the points have room for it', async () => {
    const { svg, warnings } = await renderChart(quarterly(EBITDA.slice(0, 4)));
    expect(warnings).toEqual([]);
    expectEachLabelByItsOwnPoint(svg, ['$88.2 million', '$92.1 million', '$95.4 million', '$97.8 million']);
  });

  it('labels only the first, last, lowest and highest points, and says so, where even numbers alone would run together', async () => {
    // Seven years of quarters, up and down: 28 points about 20px apart, narrower than "100.6".
    const values = Array.from({ length: 28 }, (_, i) => Number((100 + 12 * Math.sin(i / 2) + i * 0.3).toFixed(1)));
    const { svg, warnings } = await renderChart(quarterly(values, 'Adjusted EBITDA, seven years'));
    const numbers = values.map(String);
    const owners = expectEachLabelByItsOwnPoint(svg, numbers);
    const low = values.indexOf(Math.min(...values));
    const high = values.indexOf(Math.max(...values));
    // The first and last points (their labels may reach into the room before and after the line), and of the lowest
    // and highest, those whose labels fit by them.
    expect(owners).toEqual(expect.arrayContaining([0, 27]));
    for (const k of owners) expect([0, 27, low, high]).toContain(k);
    const named = owners.map((k) => `"Q${(k % 4) + 1} ${2024 + Math.floor(k / 4)}"`).join('( and |, )');
    const about = warnings.filter((w) => w.includes('value label'));
    expect(about).toHaveLength(1);
    expect(about[0]).toMatch(new RegExp(`^chart "Adjusted EBITDA, seven years": its points stand \\d+px apart, too close for each to carry its value label, even as a number alone, without running into the next point's; only ${named} are labelled .*Plot fewer points`));
  });
});
