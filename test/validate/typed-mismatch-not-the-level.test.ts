/**
 * typed-mismatch leaves alone what is no level of the company's measure: a difference ("$102 million higher than a year
 * earlier", as 10-Q MD&A writes it), another company's figure ("Haldor's revenue fell 4%"), and a part or a rate ("came
 * from the Voltline acquisition", "per working day"), whose digits may be the figure's a power of ten off by chance. The
 * level, the company's own, typed wrong beside them is still reported.
 */
import { describe, it, expect } from 'vitest';
import { checkedUsQuarter } from '../support/us-quarter.ts';

const METRICS = [
  'revenue: { label: Total revenue, unit: USD, scale: million, period_type: quarter, source: 10-Q, values: [{ value: 1130, period: Q3 2024, period_end: 2024-09-30 }, { value: 1215, period: Q2 2025, period_end: 2025-06-30 }, { value: 1232, period: Q3 2025, period_end: 2025-09-30, change: { percent: 9.0 } }] }',
  'cash: { label: Cash and cash equivalents, unit: USD, scale: million, period_type: as_at, source: 10-Q, values: [{ value: 2330, period: "As of Jun 30, 2025", period_end: 2025-06-30 }, { value: 2410, period: "As of Sep 30, 2025", period_end: 2025-09-30 }] }',
];
const REFS = '[[revenue]], [[revenue.change]], [[cash]]';
// (The paragraph is written in single quotes: an apostrophe doubled.)
const mismatches = (text: string) => checkedUsQuarter(METRICS, text.replace(/'/g, "''"), REFS).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message);

describe('typed-mismatch of what is not the level', () => {
  it('leaves a difference alone: an amount, a percentage and a period, then a comparative and what it is compared with', () => {
    for (const text of [
      'Revenue was $102 million, or 9%, higher in Q3 2025 compared with Q3 2024.',
      'Revenue in Q3 2025 was $102 million above the prior-year quarter.',
      'Revenue was $17 million higher in Q3 2025 than in Q2 2025.',
      'Cash and cash equivalents were $241 million higher at September 30, 2025 than a year earlier.',
    ]) expect(mismatches(text), text).toEqual([]);
  });

  it('still reports the level set off by a comma before a comparison, or a comparative with nothing compared', () => {
    expect(mismatches('Revenue was $1,150 million in Q3 2025, higher than in Q2 2025.')).toEqual([expect.stringContaining('"$1,150 million" is typed into the text as Total revenue for "Q3 2025", but revenue@2025-09-30 is $1,232 million (Q3 2025)')]);
    expect(mismatches('Revenue was $1,150 million higher in Q3 2025.')).toEqual([expect.stringContaining('"$1,150 million" is typed into the text as Total revenue')]);
    // (A scale slipped at a day is still said so where nothing compares it.)
    expect(mismatches('Cash and cash equivalents were $241 million at September 30, 2025.')).toEqual([expect.stringContaining('that is ten times "$241 million", likely a scale slipped')]);
  });

  it('leaves another company\'s possessive alone, and reports the company\'s own', () => {
    expect(mismatches('Corvell\'s revenue grew 9% in Q3 2025, while Haldor\'s revenue fell 4%.')).toEqual([]);
    expect(mismatches('Haldor\'s revenue was $1,150 million in Q3 2025.')).toEqual([]);
    for (const owner of ['Corvell\'s', 'Its', 'The company\'s', 'The group\'s']) {
      expect(mismatches(`${owner} revenue grew 4% in Q3 2025.`), owner).toEqual([expect.stringContaining('"4%" is typed into the text as the change of Total revenue for "Q3 2025", but revenue@2025-09-30 states a change of +9.0% YoY')]);
    }
    expect(mismatches('Corvell\'s revenue was $1,150 million in Q3 2025.')).toEqual([expect.stringContaining('"$1,150 million" is typed into the text as Total revenue')]);
  });

  it('leaves a part or a rate alone in a sentence that names its period, its digits no scale slipped', () => {
    for (const text of [
      'Revenue of $123.2 million came from the Voltline acquisition in Q3 2025.',
      'Revenue was $12.32 million per working day in Q3 2025.',
      'Revenue of $123.2 million was contributed by Voltline in Q3 2025.',
      'Revenue was $123.2 million from Voltline in Q3 2025.',
    ]) expect(mismatches(text), text).toEqual([]);
    expect(mismatches('Revenue was $123.2 million in Q3 2025.')).toEqual([expect.stringContaining('that is ten times "$123.2 million", likely a scale slipped')]);
    expect(mismatches('Revenue was $12.32 million in Q3 2025.')).toEqual([expect.stringContaining('that is a hundred times "$12.32 million"')]);
    // ("per the 10-Q" says where it is from, "from Q2 2025" a period: the level still.)
    expect(mismatches('Revenue was $1,150 million per the 10-Q in Q3 2025.')).toEqual([expect.stringContaining('"$1,150 million" is typed into the text as Total revenue')]);
    expect(mismatches('Revenue grew to $1,150 million from Q2 2025 in Q3 2025.')).toEqual([expect.stringContaining('"$1,150 million" is typed into the text as Total revenue')]);
  });
});
