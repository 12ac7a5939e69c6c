import * as vega from 'vega';
import { describe, expect, it, vi } from 'vitest';
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

/** Quarterly series of revenue in US$ million from Q1 2024, one line each (points grouped by series, as a canvas's `group:` does). */
function quarterlySeries(series: Record<string, number[]>, title: string) {
  const metrics: Record<string, Metric> = {};
  const points: { metric: string; group: string }[] = [];
  for (const [group, values] of Object.entries(series)) {
    values.forEach((value, i) => {
      const year = 2024 + Math.floor(i / 4);
      const month = ((i % 4) + 1) * 3;
      const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
      const metric = `${group.toLowerCase()}_q${i}`;
      metrics[metric] = { label: `${group} revenue`, value, unit: 'USD', scale: 'million', period: `Q${(i % 4) + 1} ${year}`, period_end: `${year}-${String(month).padStart(2, '0')}-${day}` };
      points.push({ metric, group });
    });
  }
  return buildChartModel({ title, type: 'line', points }, metrics, PAGE_CHART, 'en-US', true);
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
    const size = Number(m[5]);
    const width = measureTextWidth(text, `${size}px ${unescape(m[4]!)}`);
    const x = Number(m[2]);
    const left = m[1] === 'end' ? x - width : m[1] === 'middle' ? x - width / 2 : x;
    // The SVG gives the text's alphabetic baseline; Vega's box of it reaches 0.79 of the font size above, 0.21 below.
    const y = Number(m[3]);
    return { text, left, right: left + width, y, top: y - 0.79 * size, bottom: y + 0.21 * size };
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

describe('line chart value labels of several series', () => {
  type Drawn = ReturnType<typeof drawn>;
  type Box = Drawn['labels'][number];
  const apart = (a: Box, b: Box) => a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
  const distance = (p: { x: number; y: number }, b: Box) => Math.hypot(Math.max(b.left - p.x, 0, p.x - b.right), Math.max(b.top - p.y, 0, p.y - b.bottom));
  /** True when the segment from p to q passes through box b. */
  const through = (p: { x: number; y: number }, q: { x: number; y: number }, b: Box) => {
    const [from, to] = [Math.max(b.left, Math.min(p.x, q.x)), Math.min(b.right, Math.max(p.x, q.x))];
    if (from > to) return false;
    const y = (x: number) => (q.x === p.x ? p.y : p.y + ((q.y - p.y) * (x - p.x)) / (q.x - p.x));
    return Math.max(y(from), y(to)) > b.top && Math.min(y(from), y(to)) < b.bottom;
  };

  /**
   * Each series' labels as drawn (the points are drawn in the canvas's order, series by series): no two label boxes
   * meet, no label lies on another series' line, each lies within its point's half of the way to the next date, and
   * of the points of its date its own is the nearest. Returns the labelled points by series.
   */
  function expectEachSeriesLabelledApart(svg: string, series: Record<string, number[]>, text: (v: number) => string): Record<string, number[]> {
    const { points, labels } = drawn(svg);
    const names = Object.keys(series);
    const n = series[names[0]!]!.length;
    expect(points).toHaveLength(names.length * n);
    const xs = points.slice(0, n).map((p) => p.x);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) expect(apart(labels[i]!, labels[j]!), `"${labels[i]!.text}" and "${labels[j]!.text}" overprint`).toBe(true);
    }
    const out: Record<string, number[]> = Object.fromEntries(names.map((s) => [s, []]));
    for (const label of labels) {
      const owners = names.flatMap((s, si) => series[s]!.flatMap((v, k) => (text(v) === label.text ? [{ s, si, k }] : [])));
      expect(owners, `"${label.text}" is one point's label`).toHaveLength(1);
      const { s, si, k } = owners[0]!;
      out[s]!.push(k);
      const own = points[si * n + k]!;
      if (k > 0) expect(label.left, `"${label.text}" reaches past the half-way mark to the date before`).toBeGreaterThanOrEqual((xs[k - 1]! + xs[k]!) / 2);
      if (k < n - 1) expect(label.right, `"${label.text}" reaches past the half-way mark to the date after`).toBeLessThanOrEqual((xs[k]! + xs[k + 1]!) / 2);
      names.forEach((other, oi) => {
        if (oi === si) return;
        expect(distance(points[oi * n + k]!, label), `"${label.text}" is nearer ${other}'s point of its date than its own`).toBeGreaterThan(distance(own, label));
        for (let j = 0; j + 1 < n; j++) expect(through(points[oi * n + j]!, points[oi * n + j + 1]!, label), `${other}'s line runs through "${label.text}"`).toBe(false);
      });
    }
    return out;
  }

  it('keeps two close series\' labels apart, the upper line\'s above it and the lower one\'s below', async () => {
    const series = { Reported: [100, 102, 104, 106, 108], Adjusted: [100.4, 102.4, 104.4, 106.4, 108.4] };
    const { svg, warnings } = await renderChart(quarterlySeries(series, 'Revenue, reported and adjusted'));
    expect(warnings).toEqual([]);
    const labelled = expectEachSeriesLabelledApart(svg, series, (v) => `$${v} million`);
    expect(labelled).toEqual({ Reported: [0, 1, 2, 3, 4], Adjusted: [0, 1, 2, 3, 4] });
    // Each Adjusted label over the line, each Reported one under it.
    const { points, labels } = drawn(svg);
    labels.forEach((l) => {
      const k = [...series.Reported, ...series.Adjusted].findIndex((v) => `$${v} million` === l.text);
      if (k < 5) expect(l.top, l.text).toBeGreaterThan(points[k]!.y);
      else expect(l.bottom, l.text).toBeLessThan(points[k]!.y);
    });
  });

  it('keeps the labels of two close series that cross each other apart, each by its own point', async () => {
    const series = { Cloud: [100, 102, 104, 106, 108], Commerce: [102.4, 102.2, 104.4, 105.8, 108.6] };
    const { svg, warnings } = await renderChart(quarterlySeries(series, 'Revenue by segment'));
    const labelled = expectEachSeriesLabelledApart(svg, series, (v) => `$${v} million`);
    expect(warnings).toEqual([]);
    expect(labelled).toEqual({ Cloud: [0, 1, 2, 3, 4], Commerce: [0, 1, 2, 3, 4] });
  });

  it('labels fewer points of three lines too close together for each to carry a label, and says so, naming the chart and the lines', async () => {
    const series = { Cloud: [100, 102, 104, 106, 108], Commerce: [100.3, 102.3, 104.3, 106.3, 108.3], Local: [100.6, 102.6, 104.6, 106.6, 108.6] };
    const { svg, warnings } = await renderChart(quarterlySeries(series, 'Revenue by segment'));
    const labelled = expectEachSeriesLabelledApart(svg, series, (v) => `${v}`);
    expect(labelled.Commerce, 'the middle line has no room over or under its points').toEqual([]);
    expect(labelled.Cloud.length + labelled.Local.length).toBeGreaterThan(0);
    const about = warnings.filter((w) => w.includes('value label'));
    expect(about).toHaveLength(1);
    expect(about[0]).toMatch(/ only "Q\d 202\d" of "(Cloud|Local)"/);
    expect(about[0]).not.toContain('of "Commerce"');
    expect(about[0]).toMatch(/^chart "Revenue by segment": its lines "Commerce" and "(Cloud|Local)" run so close together \(at "Q\d 202\d"\) that their points cannot each carry a value label, even as a number alone, clear of the other line and its labels; only .* labelled .*Chart the series apart, or give the figures in a table$/);
  });
});

describe('line chart value labels, placed in the view they are drawn in', () => {
  it('places labels whose ends keep the time axis\' padding in the chart as first laid out, without drawing it anew', async () => {
    // Two close series: each label moves off its default place, its text (and the room at the axis' ends) unchanged.
    const views = vi.spyOn(vega.View.prototype, 'finalize');
    try {
      const series = { Reported: [100, 102, 104, 106, 108], Adjusted: [100.4, 102.4, 104.4, 106.4, 108.4] };
      const { warnings } = await renderChart(quarterlySeries(series, 'Revenue, reported and adjusted, once'));
      expect(warnings).toEqual([]);
      expect(views).toHaveBeenCalledTimes(1);
    } finally {
      views.mockRestore();
    }
  });
});
