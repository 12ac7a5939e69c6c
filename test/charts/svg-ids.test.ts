import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildChartModel } from '../../src/model/chart-model.ts';
import { renderCharts, type ChartCache } from '../../src/charts/render-charts.ts';
import * as specs from '../../src/charts/vega-lite-spec.ts';
import type { TopLevelSpec } from '../../src/charts/vega-lite-types.ts';
import type { Chart, Metric } from '../../src/validate/schema.ts';
import { rmb, SIZE } from '../support/chart-fixtures.ts';

/** How many specs were built: one per chart drawn (charts here need no second layout). */
let specsBuilt = 0;

// The briefing's charts have no element vega gives an id; clipped marks do (<clipPath id="clip1">).
// Every spec drawn here clips its marks, so the ids of whole lists can be checked. The spy is on this
// worker's copy of the module (the caches the charts are drawn with here are the tests' own), and goes after the file.
const { buildVegaLiteSpec } = specs;
const clipping = vi.spyOn(specs, 'buildVegaLiteSpec').mockImplementation((...args: Parameters<typeof buildVegaLiteSpec>): TopLevelSpec => {
  specsBuilt += 1;
  const spec = buildVegaLiteSpec(...args);
  for (const l of (spec as { layer: Array<{ mark: { clip?: boolean } }> }).layer) l.mark.clip = true;
  return spec;
});
afterAll(() => clipping.mockRestore());

const metrics: Record<string, Metric> = {
  cloud: rmb('Alibaba Cloud Intelligence Group', 39.8),
  others: rmb('All others', -2.5),
  q1: rmb('Cloud revenue', 26.5, { period: 'Q1 FY25', period_end: '2024-06-30' }),
  q2: rmb('Cloud revenue', 29.6, { period: 'Q2 FY25', period_end: '2024-09-30' }),
};
const chart = (type: Chart['type'], ids: string[]): Chart => ({ title: `A ${type} chart`, type, points: ids.map((metric) => ({ metric })) });
const bar = { ...buildChartModel(chart('bar', ['cloud', 'others']), metrics, SIZE), id: 'segments' };
const line = { ...buildChartModel(chart('line', ['q1', 'q2']), metrics, SIZE), id: 'trend' };
const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

describe('SVG ids', () => {
  it('are distinct across the charts of one list, also for the same chart twice, and references follow them', async () => {
    const { svgs } = await renderCharts([bar, bar, line]);
    const all = svgs.flatMap(ids);
    expect(svgs.every((svg) => ids(svg).length > 0)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    expect(ids(svgs[0])[0]).toMatch(/^segments-1-clip\d+$/);
    expect(ids(svgs[1])[0]).toMatch(/^segments-2-clip\d+$/);
    expect(ids(svgs[2])[0]).toMatch(/^trend-1-clip\d+$/);
    for (const svg of svgs) {
      const refs = [...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect(ids(svg)).toContain(ref);
    }
  });

  it('stay distinct when a run\'s cache gives a later briefing the charts an earlier one drew', async () => {
    const cache: ChartCache = new Map();
    const before = specsBuilt;
    const first = (await renderCharts([bar, line], cache)).svgs;
    expect(specsBuilt - before).toBe(2);
    const later = (await renderCharts([line, bar, bar], cache)).svgs; // a block set: other order, one more
    expect(specsBuilt - before).toBe(3); // only the second drawing of "segments" is new
    expect(later[0]).toBe(first[1]);
    expect(later[1]).toBe(first[0]);
    const all = later.flatMap(ids);
    expect(new Set(all).size).toBe(all.length);
    expect(later).toEqual((await renderCharts([line, bar, bar])).svgs); // as drawn without a cache
  });

  it('are the same when the same list is drawn again in the same process', async () => {
    const first = (await renderCharts([bar, line, bar])).svgs;
    const second = (await renderCharts([bar, line, bar])).svgs;
    expect(first.flatMap(ids).length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });
});
