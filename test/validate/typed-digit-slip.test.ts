/**
 * typed-mismatch of an amount with a figure's digits typed a power of ten off in the canvas's own scale words ("$5.84
 * million" for remaining performance obligations of $5.84 billion): the classic scale error, reported as a scale slip,
 * not passed over as another period's figure (a year's, half as much again) where the sentence names no period or only
 * the balance's day; and listed in "Where sources disagree" so.
 */
import { describe, it, expect } from 'vitest';
import { checkedUsQuarter, usQuarterDisagreements } from '../support/us-quarter.ts';

const METRICS = [
  'revenue: { label: Total revenue, unit: USD, scale: million, period_type: quarter, source: 10-Q, values: [{ value: 1215, period: Q2 2025, period_end: 2025-06-30 }, { value: 1232, period: Q3 2025, period_end: 2025-09-30 }] }',
  'cash: { label: Cash and cash equivalents, unit: USD, scale: million, period_type: as_at, source: 10-Q, values: [{ value: 2330, period: "As of Jun 30, 2025", period_end: 2025-06-30 }, { value: 2410, period: "As of Sep 30, 2025", period_end: 2025-09-30 }] }',
  'rpo: { label: Remaining performance obligations, value: 5.84, unit: USD, scale: billion, period: "As of Sep 30, 2025", period_type: as_at, period_end: 2025-09-30, source: 10-Q }',
];
const REFS = '[[revenue]], [[cash]], [[rpo]]';
const mismatches = (text: string) => checkedUsQuarter(METRICS, text, REFS).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message);

describe('typed-mismatch of a figure\'s digits typed a power of ten off', () => {
  it('reports a balance typed a thousand times too small at its day, or in a sentence naming no period, as a scale slip', () => {
    expect(mismatches('Remaining performance obligations were $5.84 million at September 30, 2025.')).toEqual([
      '"$5.84 million" is typed into the text as Remaining performance obligations in a sentence that names September 30, 2025, for which rpo is $5.84 billion (As of Sep 30, 2025), and no figure of Remaining performance obligations for any period is "$5.84 million", as typed or rounded; that is a thousand times "$5.84 million", likely a scale slipped in the metric or in the text (if "$5.84 million" is right, write value: 5.84, scale: million for rpo): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[rpo]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
    expect(mismatches('Cash and cash equivalents were $2.41 million at September 30, 2025.')).toEqual([
      expect.stringContaining('for which cash@2025-09-30 is $2,410 million (As of Sep 30, 2025), and no figure of Cash and cash equivalents for any period is "$2.41 million", as typed or rounded; that is a thousand times "$2.41 million", likely a scale slipped in the metric or in the text (if "$2.41 million" is right, write value: 2.41, scale: million for cash@2025-09-30)'),
    ]);
    expect(mismatches('Remaining performance obligations were $5.84 million.')).toEqual([
      expect.stringContaining('in a sentence that names no period, read as the briefing\'s current one, but rpo (the latest figure up to briefing.as_of, Nov 5, 2025) is $5.84 billion (As of Sep 30, 2025); that is a thousand times "$5.84 million", likely a scale slipped'),
    ]);
    // Ten and a hundred times, a million times (the scale word left out), a thousandth; rounded as typed.
    for (const [text, said] of [
      ['Cash and cash equivalents were $241 million at September 30, 2025.', 'that is ten times "$241 million"'],
      ['Cash and cash equivalents were $24.1 million at September 30, 2025.', 'that is a hundred times "$24.1 million"'],
      ['Cash and cash equivalents were $2,410 at September 30, 2025.', 'that is a million times "$2,410", likely a scale slipped in the metric or in the text (if "$2,410" is right, write value: 2410 (no scale) for cash@2025-09-30)'],
      ['Remaining performance obligations were $5,840 billion.', 'that is a thousandth of "$5,840 billion"'],
      ['Cash and cash equivalents were $2.4 million at September 30, 2025.', 'that is a thousand times "$2.4 million"'],
    ]) {
      expect(mismatches(text), text).toEqual([expect.stringContaining(said)]);
    }
    // A quarter named: the mismatch it was says the slip too.
    expect(mismatches('Total revenue was $1.23 million in Q3 2025.')).toEqual([expect.stringContaining('but revenue@2025-09-30 is $1,232 million (Q3 2025); that is a thousand times "$1.23 million", likely a scale slipped')]);
  });

  it('leaves alone an amount far from the figure whose digits are not the figure\'s, as a year\'s or a half\'s may be', () => {
    for (const text of [
      'Cash and cash equivalents were $2.0 million at September 30, 2025.', 'Cash and cash equivalents were $240 million at September 30, 2025.',
      'Remaining performance obligations were $9.6 billion.', 'Total revenue was $4.9 billion.', 'Remaining performance obligations were $5.84 billion.',
    ]) {
      expect(mismatches(text), text).toEqual([]);
    }
  });

  it('lists it in "Where sources disagree", saying a scale has likely slipped', () => {
    const notes = usQuarterDisagreements(METRICS, 'Remaining performance obligations were $5.84 million at September 30, 2025.', REFS);
    expect(notes).toEqual([expect.stringContaining('types $5.84 million into its text as Remaining performance obligations for As of Sep 30, 2025, where the canvas\'s figure is $5.84 billion. The canvas\'s figure is a thousand times the figure typed: a scale has likely slipped, in the canvas or in the text.')]);
  });
});
