/**
 * Conflicting figures found however the author wrote them: period_type or period_end left out on one
 * side, a period given only in words, no concept but the same label; and nothing found between
 * figures that agree within rounding and scale, or that are different periods or kinds of period.
 */
import { describe, it, expect } from 'vitest';
import { changeMismatches, detectConflicts, periodEndIn } from '../../src/canvas/conflicts.ts';
import type { Metric } from '../../src/validate/schema.ts';

const eur = (value: number, extra: Partial<Metric>): Metric => ({ label: 'Revenue', value, unit: 'EUR', scale: 'million', period: 'FY2025', ...extra });
const conflicts = (metrics: Record<string, Metric>) => detectConflicts(metrics, Object.keys(metrics));

describe('conflicting figures', () => {
  it('are found when one side leaves out period_type', () => {
    expect(conflicts({
      a: eur(1234.5, { concept: 'revenue', period_type: 'fiscal_year', period_end: '2025-12-31' }),
      b: eur(1299, { concept: 'revenue', period_end: '2025-12-31' }),
    })).toEqual([['a', 'b']]);
  });

  it('are found when only one gives period_end and both write the period alike', () => {
    expect(conflicts({
      a: eur(1234.5, { concept: 'revenue', period: 'FY2025', period_end: '2025-12-31' }),
      b: eur(1299, { concept: 'revenue', period: 'FY2025' }),
    })).toEqual([['a', 'b']]);
  });

  it('are found with no concept when label, unit and period agree, and with the period end read from the words', () => {
    expect(conflicts({
      a: eur(-42.7, { label: 'Net income', period: 'Q3 2025', period_end: '2025-09-30' }),
      b: eur(-45.1, { label: 'Net  income', period: 'Q3 2025 (three months)' }),
    })).toEqual([['a', 'b']]);
    expect(conflicts({
      a: eur(3.4, { concept: 'capacity', unit: 'GW', scale: undefined, period: 'As of 31 Dec 2025' }),
      b: eur(3.9, { concept: 'capacity', unit: 'GW', scale: undefined, period: 'year end', period_end: '2025-12-31' }),
    })).toEqual([['a', 'b']]);
  });

  it('are not found between figures that agree within rounding, qualifiers and scale', () => {
    expect(conflicts({
      a: eur(1234.5, { concept: 'revenue', period_end: '2025-12-31' }),
      b: eur(1.2345, { concept: 'revenue', scale: 'billion', period_end: '2025-12-31' }),
      c: eur(1.23, { concept: 'revenue', scale: 'billion', period_end: '2025-12-31' }),
      d: eur(1200, { concept: 'revenue', qualifier: 'over', period_end: '2025-12-31' }),
    })).toEqual([]);
  });

  it('are not found between different periods, kinds of period, measures, or a forecast and an actual', () => {
    expect(conflicts({
      q4: eur(320, { concept: 'revenue', period: 'Q4 2025', period_type: 'quarter', period_end: '2025-12-31' }),
      fy: eur(1234.5, { concept: 'revenue', period_type: 'fiscal_year', period_end: '2025-12-31' }),
      fy24: eur(1141, { concept: 'revenue', period: 'FY2024', period_end: '2024-12-31' }),
      plan: eur(1400, { concept: 'revenue', period_type: 'forecast', period_end: '2025-12-31' }),
      cost: eur(999, { label: 'Costs', period_end: '2025-12-31' }),
      usd: eur(1299, { concept: 'revenue', unit: 'USD', period_type: 'fiscal_year', period_end: '2025-12-31' }),
    })).toEqual([]);
  });
});

describe('period ends read from the words', () => {
  it('reads dates and calendar quarters, and leaves fiscal years and vague periods alone', () => {
    expect(['As of 31 Dec 2025', 'September 30, 2025', 'Q3 2025', '3Q25', 'at 2025-06-30', 'FY2025', 'Q1 FY26', 'Late 2025', '31 Feb 2025'].map(periodEndIn))
      .toEqual(['2025-12-31', '2025-09-30', '2025-09-30', '2025-09-30', '2025-06-30', undefined, undefined, undefined, undefined]);
  });
});

describe('stated year-over-year changes', () => {
  const fy = (value: number, year: number, extra: Partial<Metric> = {}): Metric => eur(value, { period: `FY${year}`, period_end: `${year}-12-31`, ...extra });

  it('are found where the figure a year earlier gives another change, beyond rounding', () => {
    const metrics = { fy24: fy(1141, 2024), fy25: fy(1234.5, 2025, { change: { percent: 12 } }) };
    expect(changeMismatches(metrics, Object.keys(metrics))).toEqual([{ id: 'fy25', earlier: 'fy24', computed: [expect.closeTo(8.18, 1), expect.closeTo(8.2, 1)] }]);
  });

  it('are not found when the change agrees within rounding, is on another basis, or has no year-earlier figure', () => {
    const metrics = {
      fy24: fy(1141, 2024),
      fy25: fy(1234.5, 2025, { change: { percent: 8.2 } }),
      lfl: fy(1234.5, 2025, { change: { percent: 12, basis: 'like-for-like' } }),
      fy22: fy(600, 2022),
      q3: eur(320, { period: 'Q3 2025', period_type: 'quarter', period_end: '2025-09-30', change: { percent: 30 } }),
      approx: fy(1300, 2023, { qualifier: 'over', change: { percent: 99 } }),
    };
    expect(changeMismatches(metrics, Object.keys(metrics))).toEqual([]);
  });
});
