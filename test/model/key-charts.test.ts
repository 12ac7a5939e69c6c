/**
 * The key-figures page's charts drawn lower (keyChartsAt), and the heights a build tries for them, from where each
 * print put them (pipeline.ts keyChartFit). Where they land in a real print: test/print/key-charts-print.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build-model.ts';
import { KEY_CHART_SIZE, keyChartsAt } from '../../src/model/key-charts.ts';
import { keyChartFit } from '../../src/pipeline.ts';
import type { BriefingModel } from '../../src/model/briefing-model.ts';
import { nordwindCanvas } from '../support/fixtures.ts';

/** Nordwind with two key charts, the first of which a chapter shows too. */
function twoKeyCharts(): BriefingModel {
  const canvas = nordwindCanvas();
  canvas.charts = { ...canvas.charts, result: { title: 'Revenue and net result FY2025', type: 'bar', points: [{ metric: 'revenue_fy25' }, { metric: 'net_income_fy25' }] } } as typeof canvas.charts;
  canvas.key_charts = ['revenue_trend', 'result'];
  return buildModel(canvas, { name: 'nordwind', setKey: 'full' });
}

describe('key charts drawn lower', () => {
  it('are each a chart model of their own at the height, the chapters\' charts as they were', () => {
    const model = twoKeyCharts();
    const lower = keyChartsAt(model, 150);
    expect(lower.keyCharts.map((c) => lower.charts[c.index]!.size)).toEqual([{ width: 640, height: 150 }, { width: 640, height: 150 }]);
    expect(lower.keyCharts.map((c) => lower.charts[c.index]!.id)).toEqual(['revenue_trend', 'result']);
    expect(lower.keyCharts.map(({ anchor, number, title }) => ({ anchor, number, title }))).toEqual(model.keyCharts.map(({ anchor, number, title }) => ({ anchor, number, title })));
    expect(lower.charts.slice(0, model.charts.length)).toEqual(model.charts);
    // The model given is left as it was, and at their own height it is the model itself.
    expect(model.keyCharts.map((c) => model.charts[c.index]!.size.height)).toEqual([230, 230]);
    expect(keyChartsAt(model, KEY_CHART_SIZE.height)).toBe(model);
  });
});

describe('the key charts\' height, from where each print put them', () => {
  /** The heights asked for, one print after another, the charts on one page at the heights in `together` (px) only. */
  function tried(together: number[], model = twoKeyCharts()): Array<number | undefined> {
    const fit = keyChartFit(model);
    const asked: Array<number | undefined> = [];
    let height = 230;
    for (let print = 0; print < 8; print++) {
      const next = fit({ 'fig-1': 2, 'fig-2': together.includes(height) ? 2 : 3 });
      asked.push(next);
      if (next === undefined) break;
      height = next;
    }
    return asked;
  }

  it('stays at its own where they share a page', () => {
    expect(tried([230, 200, 175, 150])).toEqual([undefined]);
  });

  it('tries the lowest, then the others from the highest down, and keeps the first they share a page at', () => {
    expect(tried([200, 175, 150])).toEqual([150, 200, undefined]);
    expect(tried([175, 150])).toEqual([150, 200, 175, undefined]);
    expect(tried([150])).toEqual([150, 200, 175, 150, undefined]);
  });

  it('goes back to their own height where even the lowest does not bring them together', () => {
    expect(tried([])).toEqual([150, 230, undefined]);
  });

  it('asks for nothing with one key chart, or where a print does not say where they landed (a theme\'s partial without ids)', () => {
    const model = twoKeyCharts();
    expect(tried([], { ...model, keyCharts: model.keyCharts.slice(0, 1) })).toEqual([undefined]);
    expect(keyChartFit(model)({ 'fig-1': 2 })).toBeUndefined();
  });
});
