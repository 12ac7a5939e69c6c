/**
 * typed-mismatch on a US 10-Q canvas whose revenue is labelled "Total revenue" (as its segment table's total row must be,
 * for parts-over-total to read it): prose names it "revenue" all the same, and says "Corvell grew revenue to $1.32 billion".
 * Found by a planted-error hunt that passed each of these sentences silently.
 */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';

const HEAD = 'company: { name: Corvell Systems Inc., short_name: Corvell, ticker: CRVL, exchange: NASDAQ, country: United States, sector: Technology, industry: Software }\nbriefing: { period: Q3 2025, as_of: 2025-11-05, currency: USD, language: en-US }\n';

/** A quarterly series in $ million: Q3 2024, Q2 2025 and Q3 2025, the last two stating their change. */
const series = (id: string, label: string, [q3a, q2, q3]: number[], [c2, c3]: string[]) =>
  `${id}: { label: "${label}", unit: USD, scale: million, period_type: quarter, source: 10-Q, values: [{ value: ${q3a}, period: Q3 2024, period_end: 2024-09-30 }, { value: ${q2}, period: Q2 2025, period_end: 2025-06-30, change: { percent: ${c2} } }, { value: ${q3}, period: Q3 2025, period_end: 2025-09-30, change: { percent: ${c3} } }] }`;

/** Corvell's revenue ($1,232 million in Q3 2025, +9.0%; Q2's +12.5%) labelled `label`, its three segments (Cloud Platform's Q3 figure `cloud`), and `more` metrics. */
const metrics = (label: string, more: string[] = [], cloud = 742) => [
  series('revenue', label, [1130, 1215, 1232], ['12.5', '9.0']),
  series('cloud_revenue', 'Cloud Platform revenue', [640, 720, cloud], ['14.0', '15.9']),
  series('enterprise_revenue', 'Enterprise Software revenue', [355, 362, 358], ['1.1', '0.8']),
  series('services_revenue', 'Services revenue', [135, 133, 132], ['-1.0', '-2.2']),
  ...more,
];

/** The canvas, its paragraph saying `text` beside references to each metric (none left unused), and `table` (content items) after it. */
const canvas = (ms: string[], text: string, table = '') =>
  `${HEAD}metrics:\n${ms.map((m) => `  ${m}\n`).join('')}blocks:\n  revenue_streams:\n    sections:\n      - title: Results\n        content:\n          - paragraph: '${text.replaceAll("'", "''")}'\n          - paragraph: '[[revenue]], [[cloud_revenue]], [[enterprise_revenue]], [[services_revenue]].'\n${table}`;

const findings = (yaml: string) => validateWithWarnings(parseCanvas(yaml, 'c.yaml')).findings;
/** The typed-mismatch findings of the canvas (message up to ": the text"). */
const mismatches = (text: string, label = 'Total revenue', more: string[] = []) =>
  findings(canvas(metrics(label, more), text)).filter((f) => f.rule === 'typed-mismatch').map((f) => f.message.split(': the text')[0]);

describe('typed-mismatch of a metric labelled "Total revenue", named "revenue" in prose', () => {
  it('finds the planted figures that passed silently: a wrong amount or change after "Revenue"', () => {
    for (const [text, typed] of [
      ['Revenue was $1.25 billion in Q3 2025.', '$1.25 billion'], ['Revenue of $1.23 million in Q3 2025 set a record.', '$1.23 million'],
      ['Revenue came in at $1.32bn in Q3 2025.', '$1.32bn'], ['Revenue was $1,320 million in Q3 2025.', '$1,320 million'],
    ]) {
      expect(mismatches(text), text).toEqual([expect.stringMatching(new RegExp(`^"\\${typed}" is typed into the text as Total revenue for "Q3 2025", but revenue@2025-09-30 is \\$1,232 million \\(Q3 2025\\)`))]);
    }
    for (const text of ['Revenue was up 12% year over year in Q3 2025.', 'Revenue grew 12% to $1.23 billion in Q3 2025.']) {
      expect(mismatches(text), text).toEqual([expect.stringMatching(/^"12%" is typed into the text as the change of Total revenue for "Q3 2025", but revenue@2025-09-30 states a change of \+9\.0% YoY \(Q3 2025\)/)]);
    }
    // "Net sales", "net income" after "Total", "Group", "Consolidated" alike.
    expect(mismatches('Net sales were $1.25 billion in Q3 2025.', 'Total net sales')).toHaveLength(1);
    expect(mismatches('Revenue was $1.25 billion in Q3 2025.', 'Group revenue')).toHaveLength(1);
    expect(mismatches('Revenue was $1.25 billion in Q3 2025.', 'Consolidated revenue')).toHaveLength(1);
  });

  it('leaves the right figures alone, and reads segment labels as their own metrics\' (the longest label first)', () => {
    for (const text of ['Revenue was $1.23 billion in Q3 2025.', 'Revenue grew 9% to $1.23 billion in Q3 2025.', 'Revenue was up 9.0% year over year in Q3 2025.', 'Total revenue of $1.23 billion in Q3 2025.',
      'Cloud Platform revenue was $742 million in Q3 2025.', 'Cloud Platform revenue grew 15.9% to $742 million in Q3 2025.', 'Enterprise Software revenue was $358 million and Services revenue was $132 million in Q3 2025.',
      'Services revenue fell 2.2% in Q3 2025.', 'Cloud Platform revenue rose to $742 million in Q3 2025.']) {
      expect(mismatches(text), text).toEqual([]);
    }
    // A segment's wrong figure is the segment's, not revenue's.
    expect(mismatches('Cloud Platform revenue was $752 million in Q3 2025.')).toEqual(['"$752 million" is typed into the text as Cloud Platform revenue for "Q3 2025", but cloud_revenue@2025-09-30 is $742 million (Q3 2025)']);
  });

  it('reads "revenue" as Total revenue only where no other metric is labelled so, and one whole-company label alone says it', () => {
    // Another metric labelled Revenue (a forecast's too) is what "revenue" names.
    const revenue = 'other: { label: Revenue, value: 1300, unit: USD, scale: million, period: Q3 2025, period_type: quarter, period_end: 2025-09-30, source: Release }';
    expect(mismatches('Revenue was $1.25 billion in Q3 2025. [[other]]', 'Total revenue', [revenue])).toEqual([expect.stringContaining('as Revenue for "Q3 2025", but other is $1,300 million')]);
    const plan = 'plan: { label: Revenue, value: 1262, unit: USD, scale: million, period: Q4 2025, period_type: forecast, period_end: 2025-12-31, source: Release }';
    expect(mismatches('Revenue was $1.25 billion in Q3 2025. [[plan]]', 'Total revenue', [plan])).toEqual([]);
    // Two whole-company labels of one measure ("Total revenue" beside "Group revenue"): neither is "revenue".
    const group = series('group_revenue', 'Group revenue', [2000, 2100, 2200], ['5', '5']);
    expect(mismatches('Revenue was $1.25 billion in Q3 2025. [[group_revenue]]', 'Total revenue', [group])).toEqual([]);
    // A label of no measure after "Total" ("Total Cloud"), none.
    expect(mismatches('Cloud was $1.25 billion in Q3 2025.', 'Total Cloud')).toEqual([]);
  });

  it('keeps parts-over-total, which reads a table\'s total by the label "Total revenue" (not by "Revenue")', () => {
    const table = '          - metric_table: { rows: [cloud_revenue, enterprise_revenue, services_revenue, revenue] }\n';
    const rules = (label: string) => findings(canvas(metrics(label, [], 792), 'Revenue was $1.25 billion in Q3 2025.', table)).map((f) => f.rule);
    expect(rules('Total revenue')).toEqual(expect.arrayContaining(['parts-over-total', 'typed-mismatch']));
    expect(rules('Revenue')).not.toContain('parts-over-total');
  });
});

describe('typed-mismatch of the company changing its measure, in English', () => {
  it('finds a wrong figure after the company, its past-tense verb and the measure, as the summary says it, under either label', () => {
    for (const label of ['Total revenue', 'Revenue']) {
      expect(mismatches('Corvell grew revenue to $1.32 billion, [[revenue.change]], led by Cloud Platform.', label), label).toEqual([
        `"$1.32 billion" is typed into the text as ${label} in a sentence that names no period, read as the briefing's current one, but revenue@2025-09-30 (the latest figure up to briefing.as_of, Nov 5, 2025) is $1,232 million (Q3 2025), and no figure of ${label} for any period is "$1.32 billion", as typed or rounded`,
      ]);
    }
    for (const text of ['Corvell grew revenue to $1.32 billion in Q3 2025.', 'In Q3 2025, Corvell grew revenue to $1.32 billion.', 'Corvell grew revenue in Q3 2025 to $1.32 billion.', 'We grew revenue to $1.32 billion in Q3 2025.',
      'Corvell Systems Inc. increased revenue to $1.32 billion in Q3 2025.', 'The company raised revenue to $1.32 billion in Q3 2025.', 'Corvell grew its total revenue to $1.32 billion in Q3 2025.',
      'Corvell reported revenue of $1.32 billion in Q3 2025.', 'Corvell posted revenue of $1.32 billion in Q3 2025.', 'Corvell generated revenue of $1.32 billion in Q3 2025.', 'Corvell delivered revenue of $1.32 billion in Q3 2025.',
      "Corvell's revenue was $1.32 billion in Q3 2025."]) {
      expect(mismatches(text), text).toEqual(['"$1.32 billion" is typed into the text as Total revenue for "Q3 2025", but revenue@2025-09-30 is $1,232 million (Q3 2025)']);
    }
  });

  it('compares the change such a sentence types ("by 12%", "grew revenue 12%") with the stated one, its direction by its verb', () => {
    for (const text of ['Corvell grew revenue by 12% to $1.23 billion in Q3 2025.', 'Corvell grew revenue 12% to $1.23 billion in Q3 2025.', 'Corvell increased revenue by 12% in Q3 2025.',
      'Corvell grew revenue 12% year over year to $1.23 billion in Q3 2025.', 'Corvell grew revenue by 12% to [[revenue]] in Q3 2025.']) {
      expect(mismatches(text), text).toEqual([expect.stringMatching(/^"12%" is typed into the text as the change of Total revenue for "Q3 2025", but revenue@2025-09-30 states a change of \+9\.0% YoY/)]);
    }
    // "reduced ... by 9%" is −9%, not the stated +9.0%.
    expect(mismatches('Corvell reduced revenue by 9% in Q3 2025.')).toEqual([expect.stringContaining('"9%" is typed into the text as the change of Total revenue for "Q3 2025"')]);
    for (const text of ['Corvell grew revenue by 9% to $1.23 billion in Q3 2025.', 'Corvell grew revenue 9% to [[revenue]] in Q3 2025.', 'Corvell grew revenue to [[revenue]], [[revenue.change]].']) {
      expect(mismatches(text), text).toEqual([]);
    }
  });

  it('leaves alone a segment\'s figure, a division or place as the subject, another company, a plan, another time or basis, and a part after the figure', () => {
    for (const text of ['Corvell grew Cloud Platform revenue to $742 million in Q3 2025.', "Corvell's Cloud Platform unit grew revenue to $1.32 billion in Q3 2025.", 'In Europe, Corvell grew revenue to $1.32 billion in Q3 2025.',
      'The Cloud Platform segment grew revenue to $1.32 billion in Q3 2025.', 'Acme grew revenue to $1.32 billion in Q3 2025.', 'Acme reported revenue of $1.32 billion in Q3 2025.', 'Rival Acme grew revenue by 12% in Q3 2025.',
      'Corvell expects to grow revenue to $1.32 billion in Q4 2025.', 'Corvell will grow revenue to $1.32 billion.', 'Corvell grows revenue to $1.32 billion.', 'Corvell raised revenue guidance to $1.30 billion.',
      'A year earlier, Corvell grew revenue to $1.05 billion.', 'Corvell grew revenue to $1.32 billion in constant currency in Q3 2025.', 'Corvell grew revenue to $1.32 billion in Europe in Q3 2025.',
      'Corvell grew revenue by 12% in Europe in Q3 2025.']) {
      expect(mismatches(text), text).toEqual([]);
    }
  });

  it('reads hostile text in linear time', () => {
    for (const run of [`${'Corvell grew '.repeat(20_000)}revenue to $1.32 billion.`, `Corvell grew revenue${' in'.repeat(30_000)} to $1.32 billion.`, `In ${' '.repeat(100_000)}, Corvell grew revenue to $1.32 billion.`]) {
      expect(() => mismatches(run)).not.toThrow();
    }
  });
});
