/**
 * Conflicting figures found however the author wrote them: period_type or period_end left out on one
 * side, a period given only in words, no concept but the same label; and nothing found between
 * figures that agree within rounding and scale, or that are different periods or kinds of period.
 */
import { describe, it, expect } from 'vitest';
import { changeMismatches, detectConflicts, periodEndIn, periodKind, undatedFigures } from '../../src/canvas/conflicts.ts';
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

  it('are not found between a quarter and a half, or a year to date, of one end date named in Japanese, Chinese or Korean', () => {
    const quarter = eur(3107.6, { concept: 'sales', period: 'Q2 FY2025', period_type: 'quarter', period_end: '2025-09-30' });
    for (const words of ['2025年度上期（4～9月）', '2025年度 第2四半期累計', '2026年3月期 中間期', '２０２５年度　４～９月', '2025年上半年', '2025年前三季度', '2025년 상반기', '2025年1-9月']) {
      expect(conflicts({ q: quarter, other: eur(5729.2, { concept: 'sales', period: words, period_end: '2025-09-30' }) }), words).toEqual([]);
    }
    // A CJK year word does not make a half or quarter written in ASCII beside it a year ("2026年3月期 1H" is a half).
    for (const words of ['2026年3月期 1H', '2025财年H1', '2025年度 半期', '2025年半年度']) {
      expect(conflicts({ q: quarter, other: eur(5729.2, { concept: 'sales', period: words, period_end: '2025-09-30' }) }), words).toEqual([]);
    }
    expect(conflicts({
      h: eur(5729.2, { concept: 'sales', period: '2026年3月期 1H', period_end: '2025-09-30' }),
      q: eur(3107.6, { concept: 'sales', period: '2026年3月期 2Q', period_end: '2025-09-30' }),
    })).toEqual([]);
    expect(conflicts({
      h: eur(5729.2, { concept: 'sales', period: '2026财年Q2', period_end: '2025-09-30' }),
      q: eur(3107.6, { concept: 'sales', period: '2026年3月期 第2四半期（7～9月）', period_end: '2025-09-30' }),
    })).toEqual([['h', 'q']]);
    // A quarter named so is one, and compared.
    for (const words of ['2025年度第2四半期（7～9月）', '2025年第三季度', '2025년 3분기', '7-9月']) {
      expect(conflicts({ q: quarter, other: eur(3170.6, { concept: 'sales', period: words, period_end: '2025-09-30' }) }), words).toEqual([['q', 'other']]);
    }
  });

  it('take the quarters so far (第N四半期累計) for the period they make: to the 2nd a half, compared with a half', () => {
    const half = eur(5729.2, { concept: 'sales', period: 'H1 FY2025', period_type: 'half_year', period_end: '2025-09-30' });
    expect(conflicts({ h: half, c: eur(5792.2, { concept: 'sales', period: '2026年3月期 第2四半期累計', period_end: '2025-09-30' }) })).toEqual([['h', 'c']]);
    expect(conflicts({ h: half, c: eur(8792.2, { concept: 'sales', period: '2026年3月期 第3四半期累計', period_end: '2025-09-30' }) })).toEqual([]);
    // As filings write it too: 第2四半期連結累計期間, 第2四半期（累計）.
    for (const period of ['2026年3月期 第2四半期連結累計期間', '2026年3月期 第2四半期（累計）', '2026年3月期 2Q累計', 'FY3/26 ２Ｑ累計']) {
      expect(conflicts({ h: half, c: eur(5792.2, { concept: 'sales', period, period_end: '2025-09-30' }) }), period).toEqual([['h', 'c']]);
    }
  });

  it('are found when only one says its kind of period: the end date decides alone', () => {
    expect(conflicts({
      a: eur(1234.5, { concept: 'revenue', period: 'FY2025', period_end: '2025-12-31' }),
      b: eur(1299, { concept: 'revenue', period: '2025', period_end: '2025-12-31' }),
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

  it('are found between a bound and a figure beyond it: "over 5 million" and 4.8 million, "up to" 1.2 billion and 1,300 million', () => {
    const users = (value: number, extra: Partial<Metric>): Metric => ({ label: 'Monthly active users', value, unit: 'users', scale: 'million', period: 'Q3 2025', period_end: '2025-09-30', ...extra });
    expect(conflicts({ over: users(5, { qualifier: 'over' }), typed: users(4.8, {}) })).toEqual([['over', 'typed']]);
    expect(conflicts({ least: users(5, { qualifier: 'at_least' }), typed: users(4.8, {}) })).toEqual([['least', 'typed']]);
    expect(conflicts({ upTo: eur(1.2, { qualifier: 'up_to', scale: 'billion', period_end: '2025-12-31' }), typed: eur(1300, { period_end: '2025-12-31' }) })).toEqual([['upTo', 'typed']]);
    expect(conflicts({ loss: eur(-500, { qualifier: 'over', period_end: '2025-12-31' }), typed: eur(-480, { period_end: '2025-12-31' }) })).toEqual([['loss', 'typed']]);
    // Of a loss, "up to" and "under" bound its size: "a loss of up to €500 million" is not −€520 million, and may be −€480 million.
    for (const qualifier of ['up_to', 'under'] as const) {
      expect(conflicts({ bound: eur(-500, { qualifier, period_end: '2025-12-31' }), typed: eur(-520, { period_end: '2025-12-31' }) }), qualifier).toEqual([['bound', 'typed']]);
      expect(conflicts({ bound: eur(-500, { qualifier, period_end: '2025-12-31' }), typed: eur(-480, { period_end: '2025-12-31' }) }), qualifier).toEqual([]);
    }
    // The bound itself, and a figure past it, agree with it.
    expect(conflicts({ over: users(5, { qualifier: 'over' }), typed: users(5.0, { decimals: 1 }) })).toEqual([]);
    expect(conflicts({ over: users(5, { qualifier: 'over' }), more: users(5.3, {}) })).toEqual([]);
    expect(conflicts({ under: users(5, { qualifier: 'under' }), typed: users(4.96, {}) })).toEqual([]);
  });

  it('are found between an approximate figure and one more than 5% from it, its rounding aside: "approx. €100 million" and €108 million', () => {
    for (const qualifier of ['approx', 'about', 'roughly'] as const) {
      expect(conflicts({ approx: eur(100, { qualifier, period_end: '2025-12-31' }), typed: eur(108, { period_end: '2025-12-31' }) }), qualifier).toEqual([['approx', 'typed']]);
      expect(conflicts({ approx: eur(100, { qualifier, period_end: '2025-12-31' }), typed: eur(92, { period_end: '2025-12-31' }) }), qualifier).toEqual([['approx', 'typed']]);
      // Within 5% (and the half unit its digits leave open) it agrees.
      expect(conflicts({ approx: eur(100, { qualifier, period_end: '2025-12-31' }), typed: eur(105, { period_end: '2025-12-31' }) }), qualifier).toEqual([]);
    }
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

describe('conflicting figures, at the edges of what is compared', () => {
  it('are not found between two figures whose roundings meet: 10 and 11 may both be 10.5', () => {
    expect(conflicts({ a: eur(10, { period_end: '2025-12-31' }), b: eur(11, { period_end: '2025-12-31' }) })).toEqual([]);
    expect(conflicts({ a: eur(10, { period_end: '2025-12-31' }), b: eur(11.1, { period_end: '2025-12-31' }) })).toEqual([['a', 'b']]);
  });

  it('are not found between a forecast and an actual whose words name no kind of period ("2025")', () => {
    const plan = eur(1400, { concept: 'revenue', period: '2025', period_type: 'forecast', period_end: '2025-12-31' });
    const actual = eur(1234.5, { concept: 'revenue', period: '2025', period_end: '2025-12-31' });
    expect(conflicts({ plan, actual })).toEqual([]);
    expect(conflicts({ target: { ...plan, period_type: 'target' }, actual })).toEqual([]);
    // The same actual beside another actual of that year is compared.
    expect(conflicts({ other: { ...plan, period_type: undefined }, actual })).toEqual([['other', 'actual']]);
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
    expect(changeMismatches(metrics, Object.keys(metrics))).toEqual([{ id: 'fy25', earlier: 'fy24', kind: 'percent', computed: [expect.closeTo(8.18, 1), expect.closeTo(8.2, 1)], written: expect.closeTo(8.1946, 3) }]);
  });

  it('allow a stated change only the rounding of its own last digit: +8% is not the +8.9% to +9.1% of 1,000 to 1,090', () => {
    const stated = (percent: number) => ({ fy24: fy(1000, 2024), fy25: fy(1090, 2025, { change: { percent } }) });
    expect(changeMismatches(stated(8), ['fy24', 'fy25'])).toEqual([expect.objectContaining({ id: 'fy25', earlier: 'fy24', kind: 'percent', written: expect.closeTo(9, 9) })]);
    expect(changeMismatches(stated(9), ['fy24', 'fy25'])).toEqual([]);
    // A change written to a tenth is allowed a twentieth either way: +8.8% is not +8.9% to +9.1%, +8.9% is.
    expect(changeMismatches(stated(8.8), ['fy24', 'fy25'])).toHaveLength(1);
    expect(changeMismatches(stated(8.9), ['fy24', 'fy25'])).toEqual([]);
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
    // A figure 13 months earlier is not the year before: September 2025's change is not checked against August 2024.
    const months = { aug24: eur(50, { period: 'August 2024', period_end: '2024-08-31' }), sep25: eur(60, { period: 'September 2025', period_end: '2025-09-30', change: { percent: 5 } }) };
    expect(changeMismatches(months, Object.keys(months))).toEqual([]);
    // A change in points is checked only on a percentage: of an amount in euros there are no points to compare.
    const amounts = { fy24: fy(1141, 2024), fy25: fy(1234.5, 2025, { change: { points: 4.2 } }) };
    expect(changeMismatches(amounts, Object.keys(amounts))).toEqual([]);
  });
});

describe('how periods are read', () => {
  it('tells a half, nine months or twelve trailing months from a quarter ending on the same day, from the words alone', () => {
    for (const [long, short] of [['H1 2025', 'Q2 2025'], ['9M 2025', 'Q3 2025'], ['Twelve months to 30 Sep 2025', 'Quarter ended 30 Sep 2025'], ['Year to date 2025', 'Q3 2025'], ['FY2025', 'Q4 2025']]) {
      expect(conflicts({ a: eur(600, { period: long, period_end: '2025-06-30' }), b: eur(310, { period: short, period_end: '2025-06-30' }) }), `${long} / ${short}`).toEqual([]);
    }
    // Six months named by their first and last ("Apr-Sep 2025", a March year's first half) are a half, not the quarter Jul-Sep.
    expect(periodKind({ period: 'Apr-Sep 2025' })).toBe('half_year');
    expect(conflicts({ a: eur(600, { period: 'Apr-Sep 2025', period_end: '2025-09-30' }), b: eur(310, { period: 'Q2 FY2025', period_type: 'quarter', period_end: '2025-09-30' }) })).toEqual([]);
    // A fiscal year written as a calendar year's figure is still one measure.
    expect(conflicts({ a: eur(1234.5, { period: 'FY2025', period_type: 'calendar_year', period_end: '2025-12-31' }), b: eur(1299, { period: 'Full year 2025', period_end: '2025-12-31' }) })).toEqual([['a', 'b']]);
  });

  it("reads a quarter's or a day's end however it is written, and a fiscal year however it is spelled", () => {
    for (const t of ["Q3'25", 'Q3-2025', '2025 Q3', 'Q3/2025', 'third quarter of 2025', 'Jul-Sep 2025', 'September quarter 2025', '3Q25']) expect(periodEndIn(t), t).toBe('2025-09-30');
    // As Chinese and Japanese write them; a fiscal year's parts stay text, as FY2025's do.
    for (const t of ['2025年9月30日', '2025年第三季度', '2025年第3季度', '2025年三季度', '2025年Q3', '２０２５年７～９月', '2025年7-9月', '2025年9月末']) expect(periodEndIn(t), t).toBe('2025-09-30');
    for (const t of ['2026财年第二季度', '2025年度 第2四半期', '2026年3月期 第2四半期']) expect(periodEndIn(t), t).toBeUndefined();
    for (const t of ['31.12.2025', '31/12/2025', '12/31/2025', 'Dec 31 2025', 'at 31st December 2025', 'as at December 31st, 2025', 'end of 2025']) expect(periodEndIn(t), t).toBe('2025-12-31');
    expect(periodEndIn('05/06/2025')).toBeUndefined(); // the fifth of June or the sixth of May
    // A month's last day, in a leap year too; a month that is no month names no day.
    expect(periodEndIn('2024年2月末')).toBe('2024-02-29');
    expect(periodEndIn('February 2025')).toBe('2025-02-28');
    for (const t of ['2025年13月末', '2025年0月末', '2025年13-15月']) expect(periodEndIn(t), t).toBeUndefined();
    expect(conflicts({ a: eur(88, { period: 'FY2025' }), b: eur(95, { period: 'fiscal year 2025' }), c: eur(95, { period: 'FY 25' }) })).toEqual([['a', 'b', 'c']]);
  });

  it('names only the figures that disagree: one that agrees with both sides of a conflict is left out', () => {
    const metrics = { a: eur(1234.5, {}), b: eur(1299, {}), c: eur(1.3, { scale: 'billion', qualifier: 'approx' }) };
    expect(conflicts(metrics)).toEqual([['a', 'b']]);
  });
});

describe('stated changes, read from the words', () => {
  it('are checked against the year before when neither figure gives period_end, or the basis names that period', () => {
    expect(changeMismatches({ a: eur(50, { period: 'Q3 2024' }), b: eur(60, { period: 'Q3 2025', change: { percent: 5 } }) }, ['a', 'b'])).toEqual([{ id: 'b', earlier: 'a', kind: 'percent', computed: [expect.closeTo(17.82, 2), expect.closeTo(22.22, 2)], written: expect.closeTo(20, 9) }]);
    expect(changeMismatches({ a: eur(80, { period: 'FY2024' }), b: eur(120, { period: 'FY2025', change: { percent: 10 } }) }, ['a', 'b'])).toHaveLength(1);
    expect(changeMismatches({ a: eur(100, { period: 'Q3 2024' }), b: eur(120, { period: 'Q3 2025', change: { percent: 35, basis: 'vs. Q3 2024' } }) }, ['a', 'b'])).toHaveLength(1);
    // A basis naming another period (the quarter before) is not a year-on-year change.
    expect(changeMismatches({ a: eur(100, { period: 'Q3 2024' }), b: eur(120, { period: 'Q3 2025', change: { percent: 35, basis: 'vs. Q2 2025' } }) }, ['a', 'b'])).toEqual([]);
  });
});

describe('labels as one measure', () => {
  it('take a currency by its code, however the label spells it', () => {
    const cny = (label: string, value: number): Metric => ({ label, value, unit: 'CNY', scale: 'billion', period: 'FY2025' });
    expect(conflicts({ a: cny('Revenue (RMB)', 10.2), b: cny('Revenue (CNY)', 11.9) })).toEqual([['a', 'b']]);
    expect(conflicts({ a: cny('Revenue in renminbi', 10.2), b: cny('Revenue in CNY', 11.9) })).toEqual([['a', 'b']]);
    expect(conflicts({ a: cny('Revenue (RMB)', 10.2), b: cny('Cost (CNY)', 11.9) })).toEqual([]);
  });
});

describe('periods a blind test wrote', () => {
  it('tells a month and nine months from the quarter ending on the same day', () => {
    const pax = (value: number, period: string, extra: Partial<Metric> = {}): Metric => ({ label: 'Passengers', value, unit: 'passengers', scale: 'million', period, concept: 'pax', ...extra });
    expect(conflicts({ q: pax(9.84, 'Q3 2025', { period_end: '2025-09-30', period_type: 'quarter' }), m: pax(3.1, 'September 2025', { period_end: '2025-09-30' }), y: pax(25.24, 'January-September 2025', { period_end: '2025-09-30' }), t: pax(25.2, '9M25') })).toEqual([]); // 9M25 is January-September: the same figure, rounded
  });

  it('reads a financial year, a half and nine months however they are spelled', () => {
    expect(conflicts({ a: eur(812, { label: 'Net profit', period: 'FY2025', period_end: '2025-12-31' }), b: eur(950, { label: 'Net profit', period: '2025 financial year' }) })).toEqual([['a', 'b']]);
    expect(conflicts({ a: eur(400, { period: 'H1 2025', period_end: '2025-06-30' }), b: eur(450, { period: 'first half of 2025' }), c: eur(450, { period: '1H25' }) })).toEqual([['a', 'b', 'c']]);
    expect(conflicts({ a: eur(700, { period: '9M 2025', period_end: '2025-09-30' }), b: eur(750, { period: 'January-September 2025' }) })).toEqual([['a', 'b']]);
  });

  it('takes a currency in brackets at the end of a label as the unit it already compares', () => {
    const nok = (label: string, value: number, scale: Metric['scale']): Metric => ({ label, value, unit: 'NOK', scale, period: 'Q3 2025' });
    expect(conflicts({ a: nok('Operating revenue (NOK)', 13.1, 'billion'), b: nok('Operating revenue', 12450, 'million') })).toEqual([['a', 'b']]);
  });

  it('compares a change whose basis names the fiscal year before, or the year before, with period_end given', () => {
    const fees = (value: number, period: string, period_end: string, change?: Metric['change']): Metric => ({ label: 'Fees', value, unit: 'EUR', scale: 'million', period, period_end, ...(change ? { change } : {}) });
    for (const basis of ['vs. FY2024', 'vs FY24', 'vs. fiscal 2024', 'vs. 2024', 'vs. prior-year period']) {
      expect(changeMismatches({ a: fees(1010, 'FY2024', '2024-12-31'), b: fees(1050, 'FY2025', '2025-12-31', { percent: 12, basis }) }, ['a', 'b']), basis).toHaveLength(1);
    }
    expect(changeMismatches({ a: fees(1010, 'FY2024', '2024-12-31'), b: fees(1050, 'FY2025', '2025-12-31', { percent: 12, basis: 'vs. FY2023' }) }, ['a', 'b'])).toEqual([]);
  });
});

describe('period words that are no dates', () => {
  it('are never read as dates: a year alone or an interim period is compared with no other, and "Marketing" is no month', () => {
    expect(changeMismatches({ a: eur(100, { period: '2024' }), b: eur(60, { period: 'interim 2025', change: { percent: 12 } }) }, ['a', 'b'])).toEqual([]);
    expect(periodEndIn('Marketing 2025')).toBeUndefined();
    expect(periodEndIn('Sept. 30, 2025')).toBe('2025-09-30');
  });

  it('reads a calendar quarter written with an ordinal number or a calendar year ("3rd quarter 2025", "Q3 CY2025")', () => {
    for (const words of ['3rd quarter 2025', 'third quarter of 2025', 'Q3 CY2025', 'Q3 CY 2025', '3Q CY25']) expect(periodEndIn(words), words).toBe('2025-09-30');
    expect(periodEndIn('1st quarter 2026')).toBe('2026-03-31');
  });
});

describe('a calendar quarter written in another language', () => {
  const eurQ = (value: number, extra: Partial<Metric>): Metric => ({ label: 'Umsatz', value, unit: 'EUR', scale: 'million', period: 'Q3 2025', period_type: 'quarter', ...extra });
  const dated = { q3: eurQ(412.5, { period: 'Quartal zum 30.09.2025', period_end: '2025-09-30' }) };

  it('is placed as the quarter it names, as "Q3 2025" is ("3. Quartal 2025", "drittes Quartal 2025", "T3 2025", "3T25")', () => {
    for (const period of ['3. Quartal 2025', 'drittes Quartal 2025', 'T3 2025', '3e trimestre 2025', '3T25', 'Q3 2025']) {
      expect(conflicts({ ...dated, call: eurQ(421.5, { period }) }), period).toEqual([['q3', 'call']]);
      expect(conflicts({ ...dated, call: eurQ(412.5, { period }) }), period).toEqual([]);
      expect(undatedFigures({ ...dated, call: eurQ(421.5, { period }) }, ['q3', 'call']), period).toEqual([]);
    }
    // Another quarter's words are that quarter's: no contradiction with Q3's figure.
    expect(conflicts({ ...dated, call: eurQ(421.5, { period: '2. Quartal 2025' }) })).toEqual([]);
  });
});

describe("a fiscal year's quarters, halves and years, placed by the canvas's own calendar", () => {
  // An Indian company's year ends in March: its dated figures say so (Q1 FY26 ended 30 June 2025, Q2 FY26 30 September).
  const inr = (value: number, extra: Partial<Metric>): Metric => ({ label: 'Revenue from operations', value, unit: 'INR', scale: 'million', period: 'FY26', ...extra });
  const quarters = {
    q1: inr(10452, { period: 'Q1 FY26 (quarter ended 30 Jun 2025)', period_type: 'quarter', period_end: '2025-06-30' }),
    q2: inr(11320, { period: 'Q2 FY26 (quarter ended 30 Sep 2025)', period_type: 'quarter', period_end: '2025-09-30' }),
  };

  it('compares "Q2 FY26" without period_end with the quarter the canvas says it is, however it is written', () => {
    for (const period of ['Q2 FY26', 'Q2FY26', 'Q2 FY2026', 'Q2 FY2025-26', '2QFY26', 'FY26 Q2', 'second quarter of FY26']) {
      expect(conflicts({ ...quarters, call: inr(11230, { period, period_type: 'quarter' }) }), period).toEqual([['q2', 'call']]);
      expect(conflicts({ ...quarters, call: inr(11320, { period, period_type: 'quarter' }) }), period).toEqual([]);
    }
    // Another quarter's words are that quarter: Q1 FY26 is compared with q1, and agrees.
    expect(conflicts({ ...quarters, call: inr(10452, { period: 'Q1 FY26', period_type: 'quarter' }) })).toEqual([]);
    expect(conflicts({ ...quarters, call: inr(10500, { period: 'Q1 FY26', period_type: 'quarter' }) })).toEqual([['q1', 'call']]);
  });

  it("compares a fiscal half and year too, each ending where the canvas's quarters say (H1 FY26 on 30 Sep 2025, FY25 on 31 Mar 2025)", () => {
    const dated = {
      ...quarters,
      h1: inr(21772, { period: 'Six months ended 30 Sep 2025', period_type: 'half_year', period_end: '2025-09-30' }),
      fy25: inr(38800, { period: 'Year ended 31 Mar 2025', period_type: 'fiscal_year', period_end: '2025-03-31' }),
    };
    expect(conflicts({ ...dated, call: inr(21727, { period: 'H1 FY26' }) })).toEqual([['h1', 'call']]);
    expect(conflicts({ ...dated, call: inr(21727, { period: '1HFY26', period_type: 'half_year' }) })).toEqual([['h1', 'call']]);
    expect(conflicts({ ...dated, call: inr(38080, { period: 'FY25' }) })).toEqual([['fy25', 'call']]);
    expect(conflicts({ ...dated, call: inr(38080, { period: 'FY 2024-25', period_type: 'fiscal_year' }) })).toEqual([['fy25', 'call']]);
    // A half and a quarter ending on one day are two measures: the half's figure as Q2 FY26's is the quarter's to contradict, not the half's.
    expect(conflicts({ ...dated, call: inr(21772, { period: 'Q2 FY26' }) })).toEqual([['q2', 'call']]);
  });

  it('leaves a fiscal quarter as text where the canvas does not say how its quarters fall, or says two ways', () => {
    // One dated figure teaches no calendar: "Q2 FY26" is compared only with figures written alike.
    expect(conflicts({ q2: quarters.q2, call: inr(11230, { period: 'Q2 FY26', period_type: 'quarter' }) })).toEqual([]);
    expect(conflicts({ a: inr(11320, { period: 'Q2 FY26' }), b: inr(11230, { period: 'Q2 FY 2026' }) })).toEqual([['a', 'b']]);
  });

  it('names a quarter or half it cannot place, without period_end, beside its measure\'s dated figures: a contradiction with them goes unseen (undated-period)', () => {
    const undated = (metrics: Record<string, Metric>) => undatedFigures(metrics, Object.keys(metrics));
    // No calendar learnt from one dated figure: "Q2 FY26" stays words, and is compared with neither q2 nor anything dated.
    expect(undated({ q2: quarters.q2, call: inr(11230, { period: 'Q2 FY26', period_type: 'quarter' }) })).toEqual([{ id: 'call', others: ['q2'] }]);
    // A quarter named by words alone, or words no reader places ("the September quarter", no year); a half beside a dated half.
    for (const call of [inr(11230, { period: 'Q2 FY26' }), inr(11230, { period: 'the September quarter', period_type: 'quarter' })]) {
      expect(undated({ q2: quarters.q2, call }), call.period).toEqual([{ id: 'call', others: ['q2'] }]);
    }
    const h1 = inr(21772, { period: 'Six months ended 30 Sep 2025', period_type: 'half_year', period_end: '2025-09-30' });
    expect(undated({ h1, call: inr(21727, { period: 'H1 FY26', period_type: 'half_year' }) })).toEqual([{ id: 'call', others: ['h1'] }]);
    // Every dated figure of the measure, of the same unit and kind of period, by concept or label.
    expect(undated({ q2: quarters.q2, h1, q3: inr(12000, { period: 'Quarter ended 31 Dec 2025', period_type: 'quarter', period_end: '2025-12-31' }), call: inr(11230, { period: 'Q2 FY26', period_type: 'quarter' }) }))
      .toEqual([{ id: 'call', others: ['q2', 'q3'] }]);
  });

  it('names none where the figure is placed, is no quarter or half, or its measure has no dated figure to miss', () => {
    const undated = (metrics: Record<string, Metric>) => undatedFigures(metrics, Object.keys(metrics));
    const call = inr(11230, { period: 'Q2 FY26', period_type: 'quarter' });
    // Placed: by the calendar the canvas shows, by its own date, by words a dated figure gives too, or by a date in the words.
    expect(undated({ ...quarters, call })).toEqual([]);
    expect(undated({ q2: quarters.q2, call: { ...call, period_end: '2025-09-30' } })).toEqual([]);
    expect(undated({ q2: quarters.q2, call: { ...call, period: 'Q2 FY26 (quarter ended 30 Sep 2025)' } })).toEqual([]);
    expect(undated({ q2: quarters.q2, call: { ...call, period: '3Q25' } })).toEqual([]);
    // Not a quarter or half: a year, nine months, or words saying no kind of period.
    for (const other of [inr(38080, { period: 'FY26', period_type: 'fiscal_year' }), inr(38080, { period: 'FY26' }), inr(30000, { period: '9M FY26' }), inr(11230, { period: 'Latest' })]) {
      expect(undated({ q2: quarters.q2, call: other }), other.period).toEqual([]);
    }
    // No dated figure of its measure, unit and kind: nothing it could contradict unseen.
    expect(undated({ call })).toEqual([]);
    expect(undated({ a: call, b: inr(11320, { period: 'Q2 FY 2026', period_type: 'quarter' }) })).toEqual([]);
    expect(undated({ q2: { ...quarters.q2, label: 'EBITDA' }, call })).toEqual([]);
    expect(undated({ q2: { ...quarters.q2, unit: 'USD' }, call })).toEqual([]);
    expect(undated({ h1: inr(21772, { period: 'Six months ended 30 Sep 2025', period_type: 'half_year', period_end: '2025-09-30' }), call })).toEqual([]);
    expect(undated({ q2: { ...quarters.q2, concept: 'revenue' }, call: { ...call, concept: 'other_income' } })).toEqual([]);
    // Not compared anyway: a forecast or target, or a figure in words only.
    expect(undated({ q2: quarters.q2, call: { ...call, period_type: 'forecast' } })).toEqual([]);
    expect(undated({ q2: quarters.q2, call: { ...call, value: undefined, text: 'Record' } })).toEqual([]);
  });

  it('reads a calendar-year company\'s "Q2 2025" as before, beside fiscal quarters named by the calendar', () => {
    const calendar = {
      q1: eur(401.7, { period: 'Q1 2025', period_type: 'quarter', period_end: '2025-03-31' }),
      q2: eur(436.9, { period: 'Q2 2025', period_type: 'quarter', period_end: '2025-06-30' }),
    };
    expect(conflicts({ ...calendar, call: eur(463.9, { period: 'Q2 2025', period_type: 'quarter' }) })).toEqual([['q2', 'call']]);
    expect(conflicts({ ...calendar, call: eur(436.9, { period: '2Q25' }) })).toEqual([]);
    // A company whose fiscal year is the calendar's (Q2 FY2025 ended 30 June 2025): its FY2025 ends on 31 December.
    const byCalendar = {
      q1: eur(401.7, { period: 'Q1 FY2025', period_type: 'quarter', period_end: '2025-03-31' }),
      q2: eur(436.9, { period: 'Q2 FY2025', period_type: 'quarter', period_end: '2025-06-30' }),
      fy: eur(1750, { period: 'Year ended 31 Dec 2025', period_type: 'fiscal_year', period_end: '2025-12-31' }),
    };
    expect(conflicts({ ...byCalendar, call: eur(463.9, { period: 'Q2 2025', period_type: 'quarter' }) })).toEqual([['q2', 'call']]);
    expect(conflicts({ ...byCalendar, call: eur(1705, { period: 'FY2025' }) })).toEqual([['fy', 'call']]);
  });

  it("places a 52/53-week year's fiscal quarter on the day its measure's dated figure ends", () => {
    // Apple's Q4 FY25 ended 27 September 2025; "Q4 FY25" elsewhere is that quarter.
    const usd = (value: number, extra: Partial<Metric>): Metric => ({ label: 'Net sales', value, unit: 'USD', scale: 'million', period: 'FY25', ...extra });
    const apple = {
      q3: usd(94036, { period: 'Q3 FY25 (three months ended June 28, 2025)', period_type: 'quarter', period_end: '2025-06-28' }),
      q4: usd(102466, { period: 'Q4 FY25 (three months ended September 27, 2025)', period_type: 'quarter', period_end: '2025-09-27' }),
    };
    expect(conflicts({ ...apple, call: usd(102646, { period: 'Q4 FY25', period_type: 'quarter' }) })).toEqual([['q4', 'call']]);
  });
});
