/** Units in Chinese, Japanese or Korean close up to their number, as those languages write them: "4,812名", not "4,812 名". */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { createRenderer } from '../../src/render/render-html.ts';
import { formatQuantity } from '../../src/model/format.ts';
import { figure } from '../../src/validate/figure-words.ts';

const SAKURA = readFileSync('test/fixtures/valid/sakura-ja.yaml', 'utf8');
/** Sakura's canvas with a series of stores (店) and a chart of it. */
const WITH_STORES = SAKURA
  .replace('charts:\n', 'charts:\n  stores_trend:\n    title: 店舗数の推移\n    type: column\n    series: stores\n')
  .replace('metrics:\n', 'metrics:\n  stores:\n    label: 店舗数\n    unit: 店\n    period_type: as_at\n    source: 決算説明資料\n    values:\n      - { value: 1180, period: 2025年6月30日現在, period_end: 2025-06-30 }\n      - { value: 1204, period: 2025年9月30日現在, period_end: 2025-09-30 }\n')
  .replace('key_charts: [revenue_by_quarter]', 'key_charts: [revenue_by_quarter, stores_trend]')
  .replace('          - paragraph: 従業員数は[[employees]]です。', '          - paragraph: 従業員数は[[employees]]、店舗数は[[stores]]です。');

describe('a unit in Chinese, Japanese or Korean', () => {
  it('follows its number without a space, and after a scale word with one; other units and per mille as before', () => {
    expect(formatQuantity({ value: 28450, unit: '名' })).toBe('28,450名');
    expect(formatQuantity({ value: 3.2, unit: '万人', qualifier: 'over' })).toBe('over 3.2万人');
    expect(formatQuantity({ value: -3, unit: '件' })).toBe('\u22123件');
    expect(formatQuantity({ value: 3140, unit: '명' })).toBe('3,140명');
    expect(formatQuantity({ value: 1.25, unit: '台', scale: 'thousand' })).toBe('1.25 thousand 台');
    expect(formatQuantity({ value: 812, unit: 'turbines' })).toBe('812 turbines');
    expect(formatQuantity({ value: 3.2, unit: '\u2030' })).toBe('3.2\u2030');
    // In a language of another notation too: "4.812名" in German, its scale word still spaced.
    expect(formatQuantity({ value: 4812, unit: '名' }, 'de')).toBe('4.812名');
    expect(formatQuantity({ value: 1.25, unit: '台', scale: 'thousand' }, 'de')).toBe('1,25\u00a0Tsd.\u00a0台');
  });

  it('prints so in the prose, the key figures, a chart\'s labels and description, and the HTML of the briefing', () => {
    const canvas = validateCanvas(parseCanvas(WITH_STORES, 'sakura-ja.yaml'));
    const model = buildModel(canvas, { name: 'sakura', setKey: 'full' });
    const cards = Object.fromEntries(model.keyFigures.map((c) => [c.label, c.value]));
    expect(cards).toMatchObject({ 従業員数: '4,812名', ロボット出荷台数: '1.25 thousand 台' });
    const chart = model.charts.find((c) => c.title === '店舗数の推移')!;
    expect(chart.valueTitle).toBe('店');
    // The labels drop the unit the axis gives, as "users" is dropped; the description keeps it.
    expect(chart.rows.map((r) => r.label)).toEqual(['1,180', '1,204']);
    expect(chart.alt).toContain('1,204店');
    const { html } = createRenderer().render(model, { svgs: model.charts.map(() => '<svg></svg>'), pageSize: 'A4' });
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('従業員数は4,812名、店舗数は1,204店です。');
    expect(text).toContain('4,812名');
    expect(text).not.toMatch(/\d (?:名|店|台)/u);
  });

  it('is quoted so in check\'s messages too', () => {
    expect(figure({ value: 4812, unit: '名' })).toBe('4,812名');
    expect(figure({ value: 1.25, unit: '台', scale: 'thousand' })).toBe('1.25 thousand 台');
  });
});
