/**
 * Period words that disagree with the dates: a figure whose words name another quarter than its period_end
 * (period-end-mismatch), a briefing whose period is a quarter before its latest figures (stale-briefing-period), and a
 * series left a period behind the briefing's, which the others reach (stale-series).
 * Each prints the wrong quarter's name beside the right figures, and nothing else notices.
 */
import { describe, expect, it } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';

const head = (period = 'Q3 2025') => `company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: ${period}, as_of: 2025-10-30, currency: KRW }\n`;

/** A series of quarterly values, each [period words, period_end]. */
const series = (id: string, values: Array<[string, string]>) =>
  `  ${id}:\n    label: ${id}\n    unit: KRW\n    scale: trillion\n    source: Releases\n    values:\n${values.map(([period, end], i) => `      - { value: ${10 + i}, period: "${period}", period_end: ${end} }\n`).join('')}`;
const single = (id: string, period: string, end: string) => `  ${id}: { label: ${id}, value: 5, unit: KRW, scale: trillion, period: "${period}", period_end: ${end}, source: Releases }\n`;
const QUARTERS: Array<[string, string]> = [['Q3 2024', '2024-09-30'], ['Q4 2024', '2024-12-31'], ['Q1 2025', '2025-03-31'], ['Q2 2025', '2025-06-30'], ['Q3 2025', '2025-09-30']];

/** The findings of the two rules, as "line rule: message". */
function findingsOf(metrics: string, period?: string): string[] {
  const uses = 'blocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: Figures.\n';
  return validateWithWarnings(parseCanvas(`${head(period)}metrics:\n${metrics}${uses}`, 'c.yaml'))
    .findings.filter((f) => f.rule === 'period-end-mismatch' || f.rule === 'stale-briefing-period')
    .map((f) => `${f.line} ${f.rule}: ${f.message}`);
}

describe('period-end-mismatch', () => {
  it('finds a series value whose words name a quarter a year before its period_end, at the words', () => {
    const copied = QUARTERS.map(([p, e], i): [string, string] => (i === 4 ? ['Q3 2024', e] : [p, e]));
    expect(findingsOf(series('op', copied))).toEqual([
      '14 period-end-mismatch: "Q3 2024" names the quarter ending 30 Sep 2024, but the figure\'s period_end is 2025-09-30: the briefing would print "Q3 2024" beside the figure for the period ending 30 Sep 2025. Correct the period words or period_end, whichever is wrong',
    ]);
  });

  it('reads Chinese period words as it reads "Q3 2024": "2024年第三季度" on a figure ending 30 Sep 2025', () => {
    const copied = QUARTERS.map(([p, e], i): [string, string] => (i === 4 ? ['2024年第三季度', e] : [p, e]));
    expect(findingsOf(series('op', copied))).toEqual([expect.stringMatching(/^14 period-end-mismatch: "2024年第三季度" names the quarter ending 30 Sep 2024, but the figure's period_end is 2025-09-30/)]);
    expect(findingsOf(series('op', QUARTERS.map(([p, e], i): [string, string] => (i === 4 ? ['2025年第三季度', e] : [p, e]))))).toEqual([]);
  });

  it('reads Korean period words as it reads "Q3 2024": "2024년 3분기", "2024년 3/4분기", "2024년 7~9월" on a figure ending 30 Sep 2025', () => {
    const last = (words: string) => findingsOf(series('op', QUARTERS.map(([p, e], i): [string, string] => (i === 4 ? [words, e] : [p, e]))));
    for (const words of ['2024년 3분기', '2024년 3/4분기', '2024년 7~9월']) expect(last(words), words).toEqual([expect.stringMatching(/^14 period-end-mismatch: ".+" names the quarter ending 30 Sep 2024, but the figure's period_end is 2025-09-30/)]);
    for (const words of ['2025년 3분기', '2025년 3/4분기', '2025년 7~9월', '2024년 3분기 누적']) expect(last(words), words).toEqual([]);
  });

  it('reads a quarter named by its months, or as German and Japanese name it, as it reads "Q3 2024"; and the calendar months beside a fiscal quarter', () => {
    const last = (words: string) => findingsOf(series('op', QUARTERS.map(([p, e], i): [string, string] => (i === 4 ? [words, e] : [p, e]))));
    for (const words of ['Jul-Sep 2024', 'July–September 2024', '3. Quartal 2024', 'drittes Quartal 2024', '2024年7～9月期', 'Q2 FY2025 (Jul-Sep 2024)']) {
      expect(last(words), words).toEqual([`14 period-end-mismatch: "${words}" names the quarter ending 30 Sep 2024, but the figure's period_end is 2025-09-30: the briefing would print "${words}" beside the figure for the period ending 30 Sep 2025. Correct the period words or period_end, whichever is wrong`]);
    }
    for (const words of ['Jul-Sep 2025', '3. Quartal 2025', '2025年7～9月期', 'Q2 FY2026 (Jul-Sep 2025)', 'Jul-Dec 2024']) expect(last(words), words).toEqual([]);
  });

  it('reads a figure\'s quarter as Italian and Dutch name it: "terzo trimestre 2024", "3° trimestre 2024", "K3 2024", "derde kwartaal 2024"', () => {
    const last = (words: string) => findingsOf(series('op', QUARTERS.map(([p, e], i): [string, string] => (i === 4 ? [words, e] : [p, e]))));
    for (const words of ['terzo trimestre 2024', '3° trimestre 2024', 'K3 2024', 'derde kwartaal 2024', '3e kwartaal van 2024']) {
      expect(last(words), words).toEqual([expect.stringMatching(new RegExp(`^14 period-end-mismatch: "${words}" names the quarter ending 30 Sep 2024, but the figure's period_end is 2025-09-30`))]);
      expect(last(words.replace('2024', '2025')), words).toEqual([]);
    }
  });

  it('places a fiscal quarter in the calendar the canvas\'s other figures follow: "Q2 FY2024" left on the value ending 30 Sep 2025', () => {
    const sony: Array<[string, string]> = [['Q3 FY2024', '2024-12-31'], ['Q4 FY2024', '2025-03-31'], ['Q1 FY2025', '2025-06-30'], ['Q2 FY2025', '2025-09-30']];
    expect(findingsOf(`${series('sales', sony)}${single('net_income', 'Q2 FY2024', '2025-09-30')}`, 'Q2 FY2025')).toEqual([
      '14 period-end-mismatch: "Q2 FY2024" names the quarter ending 30 Sep 2024 (by the fiscal calendar the canvas\'s other figures follow), but the figure\'s period_end is 2025-09-30: the briefing would print "Q2 FY2024" beside the figure for the period ending 30 Sep 2025. Correct the period words or period_end, whichever is wrong',
    ]);
    expect(findingsOf(`${series('sales', sony)}${single('net_income', 'Q2 FY2025', '2025-09-30')}`, 'Q2 FY2025')).toEqual([]);
  });

  it('finds words that name the day a period ends on, or a figure stands at, another than its period_end: "As of 30 June 2025" ending 30 Sep', () => {
    expect(findingsOf(single('cash', 'As of 30 June 2025', '2025-09-30'))).toEqual([
      '4 period-end-mismatch: "As of 30 June 2025" names 30 Jun 2025, but the figure\'s period_end is 2025-09-30: the briefing would print "As of 30 June 2025" beside the figure for the period ending 30 Sep 2025, and date, chart and compare it by the latter. Correct the period words or period_end, whichever is wrong',
    ]);
    for (const [words, end] of [['Nine months ended 30 Sep 2025', '2025-06-30'], ['FY2025 (year ending 31 March 2025)', '2024-03-31'], ['December 31, 2024', '2025-09-30'], ['H1 2025 (six months to 30.06.2025)', '2024-06-30'],
      // A month's figure a month off, and a day more than a week off: no 52/53-week year explains them.
      ['Month ended 31 July 2025', '2025-08-31'], ['As of 30 June 2025', '2025-07-08']]) {
      expect(findingsOf(single('x', words, end)), words).toEqual([expect.stringMatching(/^4 period-end-mismatch: ".+" names \d+ \w+ \d{4}, but the figure's period_end is/)]);
    }
    // The same day, or a few days off (a 52/53-week year); a start, not an end; a month without its day: nothing.
    for (const [words, end] of [['As of 30 June 2025', '2025-06-30'], ['Quarter ended 28 September 2025', '2025-09-30'], ['Since 1 January 2020', '2025-09-30'], ['From 1 January 2025', '2025-09-30'], ['1 January 2025 to 30 September 2025', '2025-09-30'], ['30 Sep 2025', '2025-09-30'], ['FY2024 (year ended March 2024)', '2024-03-31']]) {
      expect(findingsOf(single('x', words, end)), words).toEqual([]);
    }
  });

  it('reads the day Japanese, Chinese and Korean period words end on: "2025年6月30日現在" ending 30 Sep is reported, as "As of 30 June 2025" is', () => {
    for (const words of ['2025年6月30日現在', '2025年6月30日', '2025年6月30日終了四半期', '2025年6月30日終了四半期（2025年8月14日発表）',
      '于2025年6月30日结束的三个月', '2025年6月30日に終わる3カ月間', '2025년 6월 30일로 종료되는 3개월', '2025年6月30日现在', '2025年6月30日 (未经审计)', '2025年4月1日～2025年6月30日', '截至2025年6月30日', '2025年6月30日止六个月', '2025년 6월 30일 기준']) {
      expect(findingsOf(single('x', words, '2025-09-30')), words).toEqual([
        `4 period-end-mismatch: "${words}" names 30 Jun 2025, but the figure's period_end is 2025-09-30: the briefing would print "${words}" beside the figure for the period ending 30 Sep 2025, and date, chart and compare it by the latter. Correct the period words or period_end, whichever is wrong`,
      ]);
    }
    // The same day; a day the period starts on; a day that is no day of the calendar: nothing.
    for (const [words, end] of [['2025年9月30日現在', '2025-09-30'], ['2025年9月28日終了四半期', '2025-09-30'], ['2025年4月1日から', '2025-09-30'], ['自2025年1月1日', '2025-09-30'], ['2025년 4월 1일부터', '2025-09-30'], ['2025年2月30日現在', '2025-09-30'], ['2025年13月1日', '2025-09-30'],
      // A day the words mention for another reason: the day results were published.
      ['2026年3月期 第2四半期（2025年11月14日発表）', '2025-09-30'], ['2025年9月30日終了四半期（2025年11月14日発表）', '2025-09-30']]) {
      expect(findingsOf(single('x', words, end)), words).toEqual([]);
    }
  });

  it('finds a single figure whose period_end was left a year behind its words', () => {
    expect(findingsOf(`${series('rev', QUARTERS)}${single('sdc', 'Q3 2025', '2024-09-30')}`)).toEqual([
      '15 period-end-mismatch: "Q3 2025" names the quarter ending 30 Sep 2025, but the figure\'s period_end is 2024-09-30: the briefing would print "Q3 2025" beside the figure for the period ending 30 Sep 2024. Correct the period words or period_end, whichever is wrong',
    ]);
  });

  it('takes a shift every figure shares for the canvas\'s way of naming quarters, and finds the one figure off it', () => {
    // A company that calls its July-September quarter "Q2": every figure is off by three months, so none is reported...
    const fiscal = QUARTERS.map(([, e], i): [string, string] => [['Q2 2024', 'Q3 2024', 'Q4 2024', 'Q1 2025', 'Q2 2025'][i], e]);
    expect(findingsOf(`${series('rev', fiscal)}${single('capex', 'Q2 2025', '2025-09-30')}`)).toEqual([]);
    // ...nor one named by the calendar among them; but one named by neither is, saying how the others are named.
    expect(findingsOf(`${series('rev', fiscal)}${single('capex', 'Q3 2025', '2025-09-30')}`)).toEqual([]);
    expect(findingsOf(`${series('rev', fiscal)}${single('capex', 'Q4 2025', '2025-09-30')}`)).toEqual([
      '15 period-end-mismatch: "Q4 2025" names the quarter ending 31 Dec 2025, but the figure\'s period_end is 2025-09-30 (this canvas names its quarters 1 quarter before the calendar\'s, and this one fits neither): the briefing would print "Q4 2025" beside the figure for the period ending 30 Sep 2025. Correct the period words or period_end, whichever is wrong',
    ]);
  });

  it('takes a shift for the canvas\'s naming only when more figures have it than are named by the calendar: on a tie, the shifted one is reported', () => {
    expect(findingsOf(`${single('a', 'Q2 2025', '2025-09-30')}${single('b', 'Q3 2025', '2025-09-30')}`).map((f) => f.split(':')[0])).toEqual(['4 period-end-mismatch']);
  });

  it('takes no way of naming quarters from a series of two values: both a quarter behind, in a canvas named by the calendar, are reported', () => {
    const behind: Array<[string, string]> = [['Q1 2025', '2025-06-30'], ['Q2 2025', '2025-09-30']];
    expect(findingsOf(`${series('rev', QUARTERS)}${series('cost', behind)}`).map((f) => f.split(':')[0])).toEqual(['21 period-end-mismatch', '22 period-end-mismatch']);
  });

  it('finds a value named by the calendar in a series named by a fiscal shift: last quarter\'s words left on it', () => {
    // One quarter ahead of the calendar ("Q1 2025" for October-December 2024); the June quarter not given.
    const ahead: Array<[string, string]> = [['Q4 2024', '2024-09-30'], ['Q1 2025', '2024-12-31'], ['Q2 2025', '2025-03-31'], ['Q3 2025', '2025-09-30']];
    expect(findingsOf(series('rev', ahead), 'Q4 2025').map((f) => f.split(':')[0])).toEqual(['13 period-end-mismatch']);
  });

  it('never takes a year\'s shift for a way of naming quarters: figures copied from last year are reported, however many', () => {
    const stale = (id: string, period: string) => single(id, period, '2025-09-30');
    expect(findingsOf(`${stale('a', 'Q3 2024')}${stale('b', 'Q3 2024')}${stale('c', 'Q3 2025')}`).map((f) => f.split(':')[0])).toEqual(['4 period-end-mismatch', '5 period-end-mismatch']);
    expect(findingsOf(`${stale('a', 'Q3 2024')}${stale('b', 'Q3 2024')}${stale('c', 'Q3 2024')}`, 'Q3 2024').map((f) => f.split(':')[0])).toEqual(['2 stale-briefing-period', '4 period-end-mismatch', '5 period-end-mismatch', '6 period-end-mismatch']);
  });

  it('says nothing of a few days (a 52-week year), of fiscal quarters, or of words that name no quarter', () => {
    expect(findingsOf(`${series('rev', QUARTERS)}${single('a', 'Q3 2025', '2025-09-27')}${single('b', 'Three months ended July 1, 2023', '2023-07-01')}`)).toEqual([]);
    // A retailer's 16- and 12-week quarters, ending weeks off the calendar's.
    const kroger: Array<[string, string]> = [['Q3 2024', '2024-11-09'], ['Q4 2024', '2025-02-01'], ['Q1 2025', '2025-05-24'], ['Q2 2025', '2025-08-16']];
    expect(findingsOf(series('rev', kroger), 'Q2 2025').filter((f) => f.includes('period-end-mismatch'))).toEqual([]);
    expect(findingsOf(`${series('rev', QUARTERS)}${single('a', 'Q1 FY2026', '2025-06-30')}${single('b', 'End of fiscal Q1 2026 (30 Jun 2025)', '2025-06-30')}`)).toEqual([]);
    expect(findingsOf(`${series('rev', QUARTERS)}${single('a', '2025 Golden Week, vs. September 2025', '2025-10-08')}${single('b', 'H1 2025', '2025-06-30')}`)).toEqual([]);
  });
});

describe('period-end-mismatch: words repeated in a series', () => {
  it('finds a value with the same words as an earlier one of its series, in whatever way they name the period', () => {
    const fiscal: Array<[string, string]> = [['Q1 FY25', '2024-09-30'], ['Q2 FY25', '2024-12-31'], ['Q1 FY25', '2025-09-30']];
    expect(findingsOf(series('op', fiscal), 'Q3 2025')).toEqual([
      '12 period-end-mismatch: "Q1 FY25" are also the words of op@2024-09-30, the value ending 30 Sep 2024: the briefing would print the same period for both, this one ending 30 Sep 2025. A value copied from the one before it, its words not updated? Correct the period words or period_end, whichever is wrong',
    ]);
    // A four-digit fiscal year is a year too ("Q1 FY2025" was passed over, "Q1 FY25" not).
    for (const words of ['Q1 FY2025', 'FY2025 Q1', '1QFY2025']) {
      expect(findingsOf(series('op', [[words, '2024-09-30'], ['Q2 FY25', '2024-12-31'], [words, '2025-09-30']]), 'Q3 2025').map((f) => f.split(':')[0]), words).toEqual(['12 period-end-mismatch']);
    }
    // One fiscal quarter, or half, spelt two ways: the same period printed for both values.
    expect(findingsOf(series('op', [['Q1 FY25', '2024-09-30'], ['FY25 Q2', '2024-12-31'], ['Q2 FY2025', '2025-03-31']]), 'Q3 2025')).toEqual([
      '12 period-end-mismatch: "Q2 FY2025" names the same period as "FY25 Q2", the words of op@2024-12-31, the value ending 31 Dec 2024: the briefing would print the same period for both, this one ending 31 Mar 2025. A value copied from the one before it, its words not updated? Correct the period words or period_end, whichever is wrong',
    ]);
    expect(findingsOf(series('op', [['Q1 FY25', '2024-09-30'], ['Q2 FY25', '2024-12-31'], ['second quarter of fiscal 2025', '2025-03-31']]), 'Q3 2025').map((f) => f.split(':')[0])).toEqual(['12 period-end-mismatch']);
    // Other fiscal quarters, however spelt, are other periods.
    expect(findingsOf(series('op', [['Q1 FY25', '2024-09-30'], ['FY25 Q2', '2024-12-31'], ['third quarter of fiscal 2025', '2025-03-31'], ['Q4 FY2025', '2025-06-30']]), 'Q3 2025')).toEqual([]);
    // Words with no year in them name no period in particular.
    expect(findingsOf(series('op', [['Year-end', '2024-09-30'], ['Year-end', '2025-09-30']]), 'Q3 2025')).toEqual([]);
    expect(findingsOf(series('op', [['At 31 Dec', '2023-12-31'], ['At 31 Dec', '2024-12-31']]), 'Q3 2025')).toEqual([]);
  });
});

describe('stale-briefing-period', () => {
  it('finds a briefing whose period is a quarter before its latest figures, at briefing.period', () => {
    expect(findingsOf(series('rev', QUARTERS), 'Q3 2024')).toEqual([
      '2 stale-briefing-period: the briefing\'s period is "Q3 2024", but its figures go on to the quarter ending 30 Sep 2025 (rev@2025-09-30, "Q3 2025"): its cover, running heads, file name and e-mail subject would name the earlier quarter. Write the period of the briefing\'s latest figures, or acknowledge the finding if the briefing is about "Q3 2024"',
    ]);
  });

  it('compares a fiscal quarter ("Q4 FY25") with the fiscal quarter the latest figures\' words name', () => {
    const fiscal: Array<[string, string]> = [['Q4 FY25', '2025-06-30'], ['Q1 FY26', '2025-09-30']];
    expect(findingsOf(series('rev', fiscal), 'Q4 FY25')).toEqual([
      '2 stale-briefing-period: the briefing\'s period is "Q4 FY25", but its figures go on to "Q1 FY26" (rev@2025-09-30, ending 30 Sep 2025): its cover, running heads, file name and e-mail subject would name the earlier quarter. Write the period of the briefing\'s latest figures, or acknowledge the finding if the briefing is about "Q4 FY25"',
    ]);
    expect(findingsOf(series('rev', fiscal), 'Q1 FY26')).toEqual([]);
    // Written as the two years the fiscal year spans, as Indian results are.
    expect(findingsOf(series('rev', [['Q1 FY2025-26', '2025-06-30'], ['Q2 FY2025-26', '2025-09-30']]), 'Q1 FY2025-26').map((f) => f.split(':')[0])).toEqual(['2 stale-briefing-period']);
  });

  it('compares a fiscal quarter named by the month its year ends with the latest figures named so, whatever figures named the other way are listed first', () => {
    const plain = single('en', 'FY2025 Q2', '2025-09-30');
    const ending = single('jp', '2026年3月期 第2四半期', '2025-09-30');
    for (const metrics of [`${ending}${plain}`, `${plain}${ending}`]) {
      expect(findingsOf(metrics, '"2026年3月期 第1四半期"').map((f) => f.split(':')[0]), metrics).toEqual(['2 stale-briefing-period']);
      expect(findingsOf(metrics, '"FY2025 Q1"').map((f) => f.split(':')[0]), metrics).toEqual(['2 stale-briefing-period']);
      expect(findingsOf(metrics, '"2026年3月期 第2四半期"'), metrics).toEqual([]);
    }
  });

  it('says nothing when the period is the latest figures\' quarter, names no quarter, or only a forecast is later', () => {
    expect(findingsOf(series('rev', QUARTERS), 'Q3 2025')).toEqual([]);
    expect(findingsOf(series('rev', QUARTERS), 'Late 2025')).toEqual([]);
    const forecast = `  guide: { label: guide, value: 90, unit: KRW, scale: trillion, period: "Q4 2025", period_end: 2025-12-31, period_type: forecast, source: Releases }\n`;
    expect(findingsOf(`${series('rev', QUARTERS)}${forecast}`, 'Q3 2025')).toEqual([]);
    // A peer's figure of the same end named by its own fiscal year (Microsoft's Q2 FY26 ends in December, as Apple's Q1 FY26 does).
    const apple = series('rev', [['Q4 FY25', '2025-06-30'], ['Q1 FY26', '2025-09-30']]);
    expect(findingsOf(`${single('peer', 'Q2 FY26', '2025-09-30')}${apple}`, 'Q1 FY26')).toEqual([]);
    expect(findingsOf(`${apple}${single('peer', 'Q2 FY26', '2025-09-30')}`, 'Q4 FY25').map((f) => f.split(':')[0])).toEqual(['2 stale-briefing-period']);
  });
});

describe('stale-series', () => {
  /** A series of `values` of QUARTERS (or of other [period words, period_end]), `extra` for its other keys. */
  const of = (id: string, values: Array<[string, string]>, extra = '') => `  ${id}: { label: ${id}, unit: KRW, scale: trillion, source: Releases${extra}, values: [${values.map(([p, e], i) => `{ value: ${10 + i}, period: "${p}", period_end: ${e} }`).join(', ')}] }\n`;
  /** The stale-series findings of a canvas whose key figures are `shown`, as "line: message"; with the acknowledgements given. */
  const stale = (metrics: string, shown: string[], period = 'Q3 2025', acknowledged = '') => validateWithWarnings(parseCanvas(`${head(period)}metrics:\n${metrics}key_figures: [${shown.join(', ')}]\nblocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: Figures.\n${acknowledged}`, 'c.yaml'))
    .findings.filter((f) => f.rule === 'stale-series').map((f) => `${f.line} ${f.acknowledged === undefined ? '' : '(acknowledged) '}${f.message}`);
  const rolled = of('revenue', QUARTERS) + of('ebita', QUARTERS);

  it('finds a series the briefing shows left a quarter behind the others of its periodicity, at its values', () => {
    expect(stale(rolled + of('orders', QUARTERS.slice(0, 4)), ['revenue', 'orders'])).toEqual([
      '6 orders\' latest figure is for Q2 2025, but the canvas\'s other quarterly series reach Q3 2025 (revenue, ebita): the briefing would show orders for Q2 2025 beside their Q3 2025 figures. Add its Q3 2025 value, or acknowledge the finding if the source gives none yet',
    ]);
    expect(stale(rolled + of('capex', QUARTERS.slice(0, 3)), ['capex'])).toEqual([expect.stringContaining('capex\'s latest figure is for Q1 2025, but the canvas\'s other quarterly series reach Q3 2025 (revenue, ebita): the briefing would show capex for Q1 2025 beside their Q3 2025 figures. Add its values up to Q3 2025')]);
    // A balance at each quarter's end is as quarterly; the finding is acknowledged as any other.
    expect(stale(rolled + of('deposits', QUARTERS.slice(0, 4), ', period_type: as_at'), ['deposits'])).toEqual([expect.stringContaining('deposits\' latest figure is for Q2 2025')]);
    const ack = 'data_notes:\n  acknowledged:\n    - { rule: stale-series, metrics: [orders@2025-06-30], reason: The Q3 order intake is published with the annual report. }\n';
    expect(stale(rolled + of('orders', QUARTERS.slice(0, 4)), ['orders'], 'Q3 2025', ack)).toEqual([expect.stringMatching(/^6 \(acknowledged\) orders' latest figure is for Q2 2025/)]);
  });

  it('says nothing of a series the briefing does not show, all series at one period, another periodicity, a forecast, or a briefing period left behind', () => {
    expect(stale(rolled + of('orders', QUARTERS.slice(0, 4)), ['revenue'])).toEqual([]);
    expect(stale(rolled + of('orders', QUARTERS), ['revenue', 'orders'])).toEqual([]);
    // The same quarters with the briefing a quarter before them (stale-briefing-period's), and a series at the briefing's.
    expect(stale(of('revenue', QUARTERS) + of('orders', QUARTERS.slice(0, 4)), ['revenue', 'orders'], 'Q2 2025')).toEqual([]);
    // A yearly series beside quarterly ones; a forecast; a balance of one value.
    expect(stale(rolled + of('dividend', [['FY2023', '2023-12-31'], ['FY2024', '2024-12-31']], ', period_type: fiscal_year'), ['revenue', 'dividend'])).toEqual([]);
    expect(stale(rolled + of('guidance', [['Q2 2025', '2025-06-30'], ['Q4 2025', '2025-12-31']], ', period_type: forecast'), ['revenue'])).toEqual([]);
    expect(stale(rolled + of('staff', [['30 Jun 2025', '2025-06-30']], ', period_type: as_at'), ['staff'])).toEqual([]);
    // A balance compared with the same day a year earlier (yearly by its spacing) reaches no year a fiscal year to December lacks (a review's).
    const headcount: Array<[string, string]> = [['30 Sep 2024', '2024-09-30'], ['30 Sep 2025', '2025-09-30']];
    expect(stale(rolled + of('headcount', headcount, ', period_type: as_at') + of('fy', [['FY2024', '2024-12-31']], ', period_type: fiscal_year'), ['revenue', 'headcount', 'fy'])).toEqual([]);
    // A year-end briefing: yearly series against each other.
    const years = (n: number): Array<[string, string]> => [['FY2023', '2023-12-31'], ['FY2024', '2024-12-31'], ['FY2025', '2025-12-31']].slice(0, n) as Array<[string, string]>;
    const yearly = validateWithWarnings(parseCanvas(`${head('FY2025').replace('2025-10-30', '2026-03-15')}metrics:\n${of('sales', years(3), ', period_type: fiscal_year')}${of('dividend', years(2), ', period_type: fiscal_year')}key_figures: [sales, dividend]\nblocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: Figures.\n`, 'c.yaml')).findings.filter((f) => f.rule === 'stale-series');
    expect(yearly.map((f) => f.message)).toEqual([expect.stringContaining('dividend\'s latest figure is for FY2024, but the canvas\'s other yearly series reach FY2025 (sales)')]);
  });
});
