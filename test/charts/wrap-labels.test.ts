import { describe, expect, it } from 'vitest';
import { planLabelWrap, wrapLabel } from '../../src/charts/wrap-labels.ts';
import type { CategoryAxis } from '../../src/charts/category-axis.ts';
import type { ChartModel } from '../../src/model/chart-model.ts';
import { measureTextWidth } from '../../src/charts/text-metrics.ts';

/** 10px per character: easy to reason about. */
const mono = (s: string) => s.length * 10;
const inter = (s: string) => measureTextWidth(s, "11.5px Inter, 'Noto Sans SC'");

describe('wrapLabel', () => {
  it('keeps a label that fits on one line', () => {
    expect(wrapLabel('Credit cards', 200, mono)).toEqual({ lines: ['Credit cards'], fits: true });
  });

  it('uses the fewest lines, balanced rather than greedy', () => {
    // Greedy at 200px would leave "2025)" alone on the second line.
    const out = wrapLabel('Orders in the quarter (vs. Sep 2025)', 300, mono);
    expect(out.fits).toBe(true);
    expect(out.lines).toEqual(['Orders in the quarter', '(vs. Sep 2025)']);
  });

  it('breaks only between words, never inside one, and each line is under the limit', () => {
    const label = 'Small business loans with a very long descriptive label for the lender';
    const out = wrapLabel(label, 160, inter);
    expect(out.fits).toBe(true);
    expect(out.lines).toHaveLength(3);
    expect(out.lines.join(' ')).toBe(label);
    for (const line of out.lines) expect(inter(line)).toBeLessThan(160);
  });

  it('prefers a space to a hyphen, and breaks after a hyphen only when spaces are not enough', () => {
    expect(wrapLabel('on-demand orders', 100, mono).lines).toEqual(['on-demand', 'orders']);
    expect(wrapLabel('business-to-business', 125, mono).lines).toEqual(['business-', 'to-business']);
  });

  it('breaks between Chinese characters', () => {
    const out = wrapLabel('阿里巴巴国际数字商业集团', 70, mono);
    expect(out.fits).toBe(true);
    expect(out.lines.join('')).toBe('阿里巴巴国际数字商业集团');
    expect(out.lines).toHaveLength(2);
  });

  it('breaks a label of Chinese, Japanese or Korean characters at its space, where it has one, before breaking between characters', () => {
    const ja = (s: string) => measureTextWidth(s, "11.5px Inter, 'Noto Sans JP'");
    // "2025年3月 / 期 第2四半期" has the narrower widest line, and splits the fiscal year's name.
    expect(wrapLabel('2025年3月期 第2四半期', 106, ja).lines).toEqual(['2025年3月期', '第2四半期']);
    expect(wrapLabel('2025年3月期第2四半期', 106, ja).lines).toHaveLength(2); // no space: between characters
  });

  it('reports a label that does not fit in three lines, keeping every word for the last (cut) line', () => {
    const label = 'one two three four five six seven eight nine ten';
    const out = wrapLabel(label, 105, mono);
    expect(out.fits).toBe(false);
    expect(out.lines).toHaveLength(3);
    expect(out.lines.slice(0, 2)).toEqual(['one two', 'three four']);
    expect(out.lines.join(' ')).toBe(label);
    expect(wrapLabel('Unbreakablewordthatistoolong', 100, mono)).toEqual({ lines: ['Unbreakablewordthatistoolong'], fits: false });
  });
});

describe('planLabelWrap', () => {
  const axis = (extra: Partial<CategoryAxis> = {}): CategoryAxis => ({
    channel: 'x', band: true, labelLimit: 105, angle: -35, font: '11.5px Inter', fontSize: 11.5, preferLevel: false, ...extra,
  });
  const chart = (categories: string[]): ChartModel => ({
    type: 'column', title: 'Periods', alt: '', valueTitle: '%', logScale: false, size: { width: 640, height: 250 },
    rows: categories.map((category, i) => ({ category, value: i, label: String(i) })),
  });
  const measure = (text: string) => mono(text);

  it('plans nothing when every label fits on one line', () => {
    expect(planLabelWrap(chart(['FY2024', 'FY2025']), axis(), { measure })).toEqual({ warnings: [] });
  });

  it('lists the lines of each wrapped label, the line count of every label, and the line height', () => {
    const { plan, warnings } = planLabelWrap(chart(['one two three', 'FY2025', 'one two three']), axis(), { measure });
    expect(warnings).toEqual([]);
    expect(plan).toEqual({
      channel: 'x', wrapped: new Map([['one two three', ['one two', 'three']]]), lines: new Map([['one two three', 2], ['FY2025', 1]]),
      maxLines: 2, lineHeight: 14, angle: -35, band: true, leveled: false,
    });
  });

  it('sets slanted band labels level when, at the level width, every one fits in three lines', () => {
    const level = planLabelWrap(chart(['one two three', 'FY2025']), axis(), { measure, levelWidth: 65 });
    expect(level.plan).toMatchObject({ angle: 0, leveled: true, maxLines: 3 });
    expect(level.plan!.wrapped.get('one two three')).toEqual(['one', 'two', 'three']);
    // Too narrow for three lines: the slanted plan stays.
    expect(planLabelWrap(chart(['one two three', 'FY2025']), axis(), { measure, levelWidth: 45 }).plan).toMatchObject({ angle: -35, leveled: false });
    // Not on the temporal axis of a line chart, nor on y.
    expect(planLabelWrap(chart(['one two three']), axis({ band: false }), { measure, levelWidth: 65 }).plan).toMatchObject({ angle: -35, leveled: false });
    expect(planLabelWrap(chart(['one two three']), axis({ channel: 'y', angle: 0 }), { measure, levelWidth: 65 }).plan).toMatchObject({ angle: 0, leveled: false });
  });

  it('warns about a label that is cut even on three lines; no plan when no label can be broken', () => {
    const cut = 'one two three four five six seven eight nine ten';
    const { plan, warnings } = planLabelWrap(chart([cut, 'FY2025']), axis(), { measure });
    expect(warnings).toEqual([`chart "Periods": label "${cut}" is too long to print in full; shorten it in the canvas: the point's label, or for a point without one (as in a chart of a series) its metric's period, or label in a bar chart`]);
    expect(plan!.wrapped.get(cut)).toHaveLength(3);
    expect(planLabelWrap(chart(['Unbreakablewordthatistoolong']), axis(), { measure })).toEqual({
      warnings: ['chart "Periods": label "Unbreakablewordthatistoolong" is too long to print in full; shorten it in the canvas: the point\'s label, or for a point without one (as in a chart of a series) its metric\'s period, or label in a bar chart'],
    });
  });
});
