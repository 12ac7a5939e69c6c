/** period-mismatch: a figure in text whose sentence names another quarter, fiscal year or half than the figure's own. */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';

const HEAD = 'company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: Q3 2025, as_of: 2025-11-15, currency: EUR }\n';
/** A quarterly revenue series, its values given as [period words, period_end, value]. */
const series = (values: Array<[string, string, number]>) =>
  `  revenue:\n    label: Revenue\n    unit: EUR\n    scale: million\n    source: Reports\n    values:\n${values.map(([p, e, v]) => `      - { value: ${v}, period: ${p}, period_end: ${e} }\n`).join('')}`;
const Q2: [string, string, number] = ['Q2 2025', '2025-06-30', 401.7];
const Q3: [string, string, number] = ['Q3 2025', '2025-09-30', 436.9];

/** The period-mismatch findings of a canvas with `metrics` and one paragraph: "line:column message". */
function mismatches(metrics: string, paragraph: string): string[] {
  const text = `${HEAD}metrics:\n${metrics}blocks:\n  revenue_streams:\n    lead: ${JSON.stringify(paragraph)}\n`;
  return validateWithWarnings(parseCanvas(text, 'c.yaml')).findings.filter((f) => f.rule === 'period-mismatch').map((f) => `${f.line}:${f.column} ${f.message}`);
}

describe('period-mismatch', () => {
  it('finds a series rolled forward under a sentence that still names the old quarter, at the reference, naming the dated value it may have meant', () => {
    const found = mismatches(series([Q2, Q3]), 'Demand held up. Revenue was [[revenue]] in Q2 2025, a record.');
    expect(found).toEqual([
      `14:40 text [[revenue]] shows Revenue for Q3 2025, but its sentence speaks of "Q2 2025", and would print the one beside the other: write [[revenue@2025-06-30]] if it means the figure for Q2 2025, or name the period with [[revenue.period]], which follows the figure; if the sentence is right as it is, acknowledge the finding`,
    ]);
  });

  it('finds a single figure updated in place to another quarter, fiscal year or half, and its change too', () => {
    const one = (period: string, type: string, end = '2025-09-30') => `  rev: { label: Revenue, value: 436.9, unit: EUR, scale: million, period: ${period}, period_type: ${type}, period_end: ${end}, source: R, change: { percent: 8.8 } }\n`;
    expect(mismatches(one('Q3 2025', 'quarter'), 'In the second quarter of 2025 revenue grew [[rev.change]] to [[rev]].')).toHaveLength(2);
    expect(mismatches(one('FY2025', 'fiscal_year', '2025-03-31'), 'FY24 revenue was [[rev]].')[0]).toMatch(/shows Revenue for FY2025, but its sentence speaks of "FY24".*correct the sentence \(or the figure\), or name the period with \[\[rev\.period\]\]/);
    expect(mismatches(one('H1 2025', 'half_year', '2025-06-30'), 'Revenue in 2H24: [[rev]].')).toHaveLength(1);
  });

  it('says nothing when the sentence names the figure\'s own period however spelt, compares with the other, or names it for another figure', () => {
    const both = series([Q2, Q3]);
    for (const fine of [
      'Revenue was [[revenue]] in Q3 2025.', // its own
      'Revenue was [[revenue]] in 3Q25.', // another spelling
      'Revenue was [[revenue]] in the third quarter of 2025, up from Q2 2025.', // its own named too
      'Revenue rose to [[revenue]], up 8% from Q2 2025.', // compared with
      'Revenue was [[revenue]], against [[revenue@2025-06-30]] in Q2 2025.', // the other figure's period
      'Revenue was [[revenue]]. In Q2 2025 the plant was shut.', // another sentence
      'Revenue was [[revenue]] for the year to date, FY2025.', // another kind of period than a quarter
      'Revenue ([[revenue.period]]): [[revenue.label]].', // parts that are not the figure
      'Revenue rose to [[revenue]], up from EUR 401.7 million in Q2 2025.', // compared with, past a decimal point
      'Revenue was [[revenue]] (Q3 2024: EUR 390m).', // a prior period in brackets
      'Revenue was [[revenue]]; in Q3 20% came from cloud, in Q3 12 new stores opened, H100 chips shipped.', // numbers, not periods
      'Revenue of [[revenue]] was up 5% on Q2 2025.', // "up ... on": compared with
      'In Q3 2025 revenue, approx. 8% above Q2 2025, was [[revenue]].', // no sentence ends at "approx."
      'Revenue rose 8% vs. Q2 2025 to [[revenue]].', // nor at "vs."
      'Revenue was [[revenue]] (Q2 2025: EUR 401.7m).', // another figure for the period in brackets
      'Sales fell in Q2 2025. 3 plants reopened and revenue is now [[revenue]].', // a sentence that starts with a digit
    ]) expect(mismatches(both, fine), fine).toEqual([]);
    const guide = `${both}  guide_q2: { label: Guidance, value: 450, unit: EUR, scale: million, period: Q2 2025, period_type: forecast, period_end: 2025-06-30, source: R }\n`;
    expect(mismatches(guide, 'Revenue was [[revenue]]; for Q2 2025 the company had guided [[guide_q2]].')).toEqual([]); // a forecast's own period
    // A later period: an outlook where the sentence looks ahead; elsewhere text updated before its figure.
    expect(mismatches(both, 'Revenue was [[revenue]]; guidance for Q4 2025 is unchanged.')).toEqual([]);
    expect(mismatches(both, 'In Q4 2025 revenue was [[revenue]].')).toHaveLength(1);
    expect(mismatches(both, 'Revenue was [[revenue]] (Q2 2025).')).toHaveLength(1); // the period it is labelled with, in brackets
    expect(mismatches(both, 'Revenue was [[revenue]] on strong demand in Q2 2025.')).toHaveLength(1); // "on" compares nothing
  });

  it('offers the dated value only where it has the part the text shows', () => {
    const q2 = series([Q2, Q3]).replace('value: 436.9, period: Q3 2025, period_end: 2025-09-30 }', 'value: 436.9, period: Q3 2025, period_end: 2025-09-30, change: { percent: 8 } }');
    const [found] = mismatches(q2, 'In Q2 2025 revenue grew [[revenue.change]].');
    expect(found).toMatch(/correct the sentence \(or the figure\), or name the period with \[\[revenue\.period\]\]/);
  });

  it('reads hostile text in linear time: a run of spaces, thousands of fiscal years in one sentence', () => {
    expect(mismatches(series([Q2, Q3]), `[[revenue]] FY${' '.repeat(100_000)}x.`)).toEqual([]);
    expect(mismatches(series([Q2, Q3]), `[[revenue]] ${'FY2024 '.repeat(30_000)}`)).toEqual([]);
  });

  it('takes a fiscal quarter\'s own words as its own: a company whose "Q2 2025" ends on 30 September', () => {
    const fiscal = series([["'Q2 2025 (quarter ended 30 Sep 2025)'", '2025-09-30', 436.9]]);
    expect(mismatches(fiscal, 'Revenue was [[revenue]] in Q2 2025.')).toEqual([]);
    expect(mismatches(fiscal, 'Revenue was [[revenue]] in Q1 2025.')).toHaveLength(1);
    // "Q2 FY2026" is a fiscal quarter, not the fiscal year FY2026
    expect(mismatches(`  fy: { label: Revenue, value: 1, unit: EUR, period: FY2025, period_type: fiscal_year, source: R }\n`, 'In Q2 FY2026 revenue was [[fy]].')).toEqual([]);
  });

  it('reports each of thousands of references in one sentence at its own place', () => {
    const found = mismatches(series([Q2, Q3]), `In Q2 2025: ${'[[revenue]], '.repeat(5000)}in all.`);
    expect(found).toHaveLength(5000);
    expect(found.at(-1)).toMatch(new RegExp(`^14:${11 + 'In Q2 2025: '.length + 4999 * '[[revenue]], '.length + 1} `));
  });

  it('can be acknowledged, and then explains the figure in the data notes', () => {
    const text = `${HEAD}metrics:\n${series([Q2, Q3])}blocks:\n  revenue_streams:\n    lead: "Revenue was [[revenue]] in Q2 2025."\ndata_notes:\n  acknowledged:\n    - { rule: period-mismatch, metrics: [revenue], reason: The Q2 call discussed the Q3 figure. }\n`;
    const [finding] = validateWithWarnings(parseCanvas(text, 'c.yaml')).findings.filter((f) => f.rule === 'period-mismatch');
    expect(finding?.acknowledged).toBe('The Q2 call discussed the Q3 figure.');
  });
});
