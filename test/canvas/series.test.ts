/**
 * Metrics with dated values (series): [[id]] is the latest value up to the briefing's date, [[id@date]]
 * one value, a chart's `series:` and a table's `{ series: }` row all of them; canvases without series
 * read exactly as before.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas, validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { resolveRef } from '../../src/canvas/series.ts';
import { BriefingError } from '../../src/errors.ts';
import { NORDWIND } from '../support/fixtures.ts';

const QUARTERS = 'test/fixtures/valid/nordwind-quarters.yaml';
const quarters = readFileSync(QUARTERS, 'utf8');
const canvasOf = (text: string, file = QUARTERS) => validateCanvas(parseCanvas(text, file));
/** The problems validation reports for `text`, one line each (file:line:col: path: message). */
function problems(text: string): string[] {
  try {
    canvasOf(text);
  } catch (error) {
    if (error instanceof BriefingError) return error.message.split('\n').slice(1, -1);
    throw error;
  }
  return [];
}

describe('a metric with dated values', () => {
  it('is one metric per value, named id@period_end, and the id alone means the latest value up to the briefing date', () => {
    const canvas = canvasOf(quarters);
    expect(Object.keys(canvas.metrics)).toEqual(['revenue@2025-03-31', 'revenue@2025-06-30', 'revenue@2025-09-30', 'revenue@2025-12-31', 'turbines']);
    expect(canvas.metrics['revenue@2025-06-30']).toEqual({ label: 'Revenue', unit: 'EUR', scale: 'million', value: 311.2, period: 'Q2 2025', period_type: 'quarter', period_end: '2025-06-30', change: { percent: 5, decimals: 1 }, concept: 'revenue' });
    expect(canvas.key_figures).toEqual(['revenue@2025-09-30', 'turbines']); // the guidance for Q4 is not "the latest"
    const paragraph = canvas.blocks.revenue_streams!.sections[0].content[0];
    expect(paragraph).toEqual({ paragraph: 'Revenue was [[revenue@2025-09-30]] in the quarter ([[revenue@2025-09-30.change]]), after [[revenue@2025-06-30]] in Q2.' });
  });

  it('takes a value that ends on the briefing date itself for the latest, and never a target whose period has ended', () => {
    expect(canvasOf(quarters.replace('as_of: 2025-10-31', 'as_of: 2025-09-30')).key_figures).toEqual(['revenue@2025-09-30', 'turbines']);
    const target = quarters.replace('as_of: 2025-10-31', 'as_of: 2026-01-31').replace('period_end: 2025-12-31, period_type: forecast', 'period_end: 2025-12-31, period_type: target');
    expect(canvasOf(target).key_figures).toEqual(['revenue@2025-09-30', 'turbines']);
  });

  it('leaves a metric named like a property every object has (constructor, toString) as it is, not as a series', () => {
    const index = { latest: { revenue: 'revenue@2025-09-30' } };
    expect(['constructor', 'toString', 'revenue'].map((id) => resolveRef(index, id))).toEqual(['constructor', 'toString', 'revenue@2025-09-30']);
  });

  it('draws a chart of the series and lists a table row per value, actual values only, oldest first', () => {
    const model = buildModel(canvasOf(quarters), { name: 'q', setKey: 'full' });
    expect(model.charts[model.keyCharts[0].index].rows.map((r) => [r.category, r.value])).toEqual([['Q1 2025', 301.5], ['Q2 2025', 311.2], ['Q3 2025', 322.9]]);
    const table = model.chapters[0].sections[0].items.find((c) => c.kind === 'table');
    expect(JSON.stringify(table)).toMatch(/301\.5.*311\.2.*322\.9/);
    expect(JSON.stringify(table)).not.toContain('340');
  });

  it('takes the last N values with last: N, and moves with the briefing date: a roll-forward changes no reference', () => {
    const rolled = quarters.replace('as_of: 2025-10-31', 'as_of: 2026-01-31').replace('- { value: 340, period: Q4 2025 (guidance), period_end: 2025-12-31, period_type: forecast }', '- { value: 335.4, period: Q4 2025, period_end: 2025-12-31, change: { percent: 7.2 } }').replace('series: revenue', 'series: revenue\n    last: 2');
    const model = buildModel(canvasOf(rolled), { name: 'q', setKey: 'full' });
    expect(model.keyFigures[0].value).toBe('€335.4 million');
    expect(model.charts[model.keyCharts[0].index].rows.map((r) => r.category)).toEqual(['Q3 2025', 'Q4 2025']);
  });

  it('refuses two values for one period, a series with nothing up to the briefing date, and a date a single metric does not have', () => {
    const twice = quarters.replace('- { value: 311.2, period: Q2 2025, period_end: 2025-06-30', '- { value: 301.9, period: Q1 2025 again, period_end: 2025-03-31 }\n      - { value: 311.2, period: Q2 2025, period_end: 2025-06-30');
    expect(problems(twice)).toEqual([expect.stringMatching(/^test\/fixtures\/valid\/nordwind-quarters\.yaml:13:\d+: metrics\.revenue\.values\[1\]\.period_end: a second value for 2025-03-31 .*concept: revenue/)]);
    // An as_of before most dates is said once, at as_of, not at every figure it puts in the future.
    const early = quarters.replace('as_of: 2025-10-31', 'as_of: 2025-02-28');
    expect(problems(early)).toEqual([expect.stringMatching(/:4:\d+: briefing\.as_of: as_of 2025-02-28 is before 3 dates the figures give \(period_end or as_of; the latest: revenue@2025-09-30, revenue@2025-06-30, revenue@2025-03-31\): a typo\?/)]);
    const fewer = early.replace(/ {6}- \{ value: 311\.2, period: Q2 2025.*\n/, '');
    expect(problems(fewer).join('\n')).toMatch(/key_figures\[0\]: metric "revenue" has no value up to the briefing's as_of date 2025-02-28: name one of its values, e.g. revenue@2025-03-31/);
    expect(problems(fewer).join('\n')).toMatch(/charts\.revenue_trend\.series: metric "revenue" has no value up to the briefing's as_of date 2025-02-28/);
    const wrong = quarters.replace('after [[revenue@2025-06-30]]', 'after [[turbines@2025-06-30]]').replace('key_figures: [revenue, turbines]', 'key_figures: [revenue@2025-06-29, turbines]');
    expect(problems(wrong)).toEqual([
      expect.stringMatching(/:\d+:\d+: key_figures\[0\]: metric "revenue" has no value dated 2025-06-29: its values are dated 2025-03-31, 2025-06-30, 2025-09-30, 2025-12-31\. Name one of those \(revenue@2025-09-30\), or write revenue for its latest value, or add a value with period_end: 2025-06-29$/),
      expect.stringMatching(/:\d+:\d+: blocks\.revenue_streams\.sections\[0\]\.content\[0\]\.paragraph: no metric with id "turbines@2025-06-30"/),
    ]);
  });

  it('is reported as a contradiction with a single-value metric of its concept that gives another value for a period', () => {
    const other = quarters.replace('  turbines:', '  revenue_press:\n    label: Revenue (press release)\n    value: 329.9\n    unit: EUR\n    scale: million\n    period: Q3 2025\n    period_type: quarter\n    period_end: 2025-09-30\n    concept: revenue\n  turbines:');
    const model = buildModel(canvasOf(other), { name: 'q', setKey: 'full' });
    expect(model.appendix.contradictions.map((c) => c.metrics)).toEqual([['revenue@2025-09-30', 'revenue_press']]);
  });
});

describe('a canvas without dated values', () => {
  it('reads exactly as written', () => {
    const text = readFileSync(NORDWIND, 'utf8');
    expect(canvasOf(text, NORDWIND)).toEqual(parse(text));
  });
});

describe('stale figures (warnings; errors under check --strict)', () => {
  const STALE = 'test/fixtures/valid/stale-figures.yaml';
  /** Each finding as check prints it: file:line:col path: message (rule). */
  const warningsOf = (text: string, file = STALE) => validateWithWarnings(parseCanvas(text, file)).findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.path}: ${f.message} (${f.rule})`);

  it('finds a key figure and a reference left on an older value, a forecast that ended without an actual, and a metric nothing uses, each at its line', () => {
    expect(warningsOf(readFileSync(STALE, 'utf8'))).toEqual([
      expect.stringMatching(/^test\/fixtures\/valid\/stale-figures\.yaml:24:3: metrics\.guidance_q2: the forecast "guidance_q2" for Q2 2025 ended on 2025-06-30, .*no actual value .*\(ended-forecast\)$/),
      expect.stringMatching(/^test\/fixtures\/valid\/stale-figures\.yaml:32:3: metrics\.leftover: metric "leftover" is not used: .*\(unused-metric\)$/),
      expect.stringMatching(/^test\/fixtures\/valid\/stale-figures\.yaml:38:15: key_figures\[0\]: key figure "revenue_q2" shows Revenue for Q2 2025, but revenue_q3 \(Q3 2025\) is newer, .*\(stale-reference\)$/),
      expect.stringMatching(/^test\/fixtures\/valid\/stale-figures\.yaml:44:36: blocks\.revenue_streams\.sections\[0\]\.content\[0\]\.paragraph: text \[\[revenue_q2\]\] shows Revenue .*: if the text means the latest figure, point it at revenue_q3 .*; if it speaks of that period on purpose, acknowledge the finding \(stale-reference\)$/),
    ]);
  });

  it('tells two references to one metric in a sentence apart by how each is written', () => {
    const twice = readFileSync(STALE, 'utf8').replace('Revenue was [[revenue_q2]] in the quarter,', 'Revenue was [[revenue_q2]] ([[revenue_q2.label]]) in the quarter,');
    expect(warningsOf(twice).filter((w) => w.includes(':44:')).map((w) => / text (\S+) shows /.exec(w)?.[1])).toEqual(['[[revenue_q2]]', '[[revenue_q2.label]]']);
  });

  it('finds nothing once the canvas is rolled forward: references on the latest, the past guidance and quarter gone, nothing unused', () => {
    const fixed = readFileSync(STALE, 'utf8')
      .replace(/ {2}revenue_q2:\n(?: {4}.*\n)+/, '')
      .replace(/ {2}guidance_q2:\n(?: {4}.*\n)+/, '')
      .replace(', against guidance of [[guidance_q2]]', '')
      .replace('key_figures: [revenue_q2]', 'key_figures: [revenue_q3]')
      .replace('Revenue was [[revenue_q2]] in the quarter', 'Revenue was [[revenue_q3]] in the quarter')
      .replace('Q3 [[revenue_q3]].', 'Q3 [[revenue_q3]], [[leftover]].');
    expect(warningsOf(fixed)).toEqual([]);
  });

  it('warns about a key figure on an older value of a series, but not about text that names one on purpose', () => {
    const quarters = readFileSync(QUARTERS, 'utf8');
    expect(warningsOf(quarters, QUARTERS)).toEqual([]); // [[revenue@2025-06-30]] in the text is deliberate
    expect(warningsOf(quarters.replace('key_figures: [revenue, turbines]', 'key_figures: [revenue@2025-06-30, turbines]'), QUARTERS)).toEqual([
      expect.stringMatching(/key_figures\[0\]: key figure "revenue@2025-06-30" shows Revenue for Q2 2025, but revenue@2025-09-30 \(Q3 2025\) is newer.*: name the series \(revenue\) to always show its latest value.*\(stale-reference\)$/),
    ]);
  });

  it('warns about a chart that lists a series\' values and stops before its latest, but not about one value among others', () => {
    const quarters = readFileSync(QUARTERS, 'utf8');
    const points = (ids: string[]) => quarters.replace('    series: revenue\n', `    points: [${ids.map((id) => `{ metric: ${id}, label: ${id.slice(-5)} }`).join(', ')}]\n`);
    expect(warningsOf(points(['revenue@2025-03-31', 'revenue@2025-06-30']), QUARTERS)).toEqual([
      expect.stringMatching(/:\d+:\d+: charts\.revenue_trend\.points\[1\]\.metric: chart "revenue_trend" plots revenue up to revenue@2025-06-30 \(Q2 2025\), but revenue@2025-09-30 \(Q3 2025\) is newer, up to the briefing's as_of date 2025-10-31: add it as a point \(or plot series: revenue with last: 2, which follows each new value\); if the chart shows those periods on purpose, acknowledge the finding \(stale-reference\)$/),
    ]);
    expect(warningsOf(points(['revenue@2025-06-30', 'revenue@2025-09-30']), QUARTERS)).toEqual([]);
    // Its latest value named as the series itself; points in any order.
    expect(warningsOf(points(['revenue@2025-03-31', 'revenue@2025-06-30', 'revenue']), QUARTERS)).toEqual([]);
    expect(warningsOf(points(['revenue@2025-06-30', 'revenue@2025-03-31']), QUARTERS)).toEqual([expect.stringMatching(/charts\.revenue_trend\.points\[0\]\.metric: chart "revenue_trend" plots revenue up to revenue@2025-06-30 /)]);
    // The latest quarter's revenue as one bar among other figures: no trend to extend.
    expect(warningsOf(points(['revenue@2025-06-30']), QUARTERS)).toEqual([]);
  });
});
