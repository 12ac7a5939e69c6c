/**
 * Equivalents whose exchange rates no one rate of their date meets: an amount updated without its equivalent is
 * found against the rate the others agree on; nothing is found where rounding or a qualifier allows one rate,
 * between different dates, for forecasts, or for a figure the canvas declares contradicted.
 */
import { describe, it, expect } from 'vitest';
import { copiedEquivalents, implausibleRates, rateMismatches, repeatedEquivalents, signMismatches } from '../../src/canvas/exchange-rates.ts';
import type { Metric } from '../../src/validate/schema.ts';

/** RMB millions with their US$ millions, as a results release gives them (translated at RMB 7.1190 = US$1.00 on 30 Sep 2025). */
const rmb = (value: number, usd: number, extra: Partial<Metric> = {}): Metric => ({
  label: 'x', value, unit: 'CNY', scale: 'million', period: 'Quarter ended 30 Sep 2025', period_end: '2025-09-30',
  equivalent: { value: usd, unit: 'USD', scale: 'million' }, ...extra,
});
const RELEASE = { revenue: rmb(247795, 34807), cloud: rmb(39824, 5594), capex: rmb(31428, 4415), cash: rmb(-21840, -3068) };
const mismatches = (metrics: Record<string, Metric>, declared?: (a: string, b: string) => boolean) => rateMismatches(metrics, Object.keys(metrics), declared);

describe('exchange rates of equivalents', () => {
  it('finds nothing where every equivalent of a date meets one rate, negative amounts among them', () => {
    expect(mismatches(RELEASE)).toEqual([]);
  });

  it('finds an amount updated without its equivalent, against the most precise figure of the rate the others agree on', () => {
    // Listed first, figures that agree with the release's rate less precisely: the partner is still the most precise.
    const found = mismatches({ rounded: rmb(39.8, 5.6, { scale: 'billion', qualifier: 'approx', equivalent: { value: 5.6, unit: 'USD', scale: 'billion' } }), capex: RELEASE.capex, revenue: RELEASE.revenue, cash: RELEASE.cash, cloud: rmb(41200, 5594) });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'cloud', partner: 'revenue', date: '2025-09-30', currency: 'CNY', per: 'USD', alone: false });
    // revenue, capex and cash rule its rate out; the approximate figure, which allows 6.68 to 7.54, does not.
    expect(found[0].alsoRulingOut).toBe(2);
    expect(found[0].rate).toEqual([41199.5 / 5594.5, 41200.5 / 5593.5]);
    expect(found[0].partnerRate[0]).toBeLessThanOrEqual(7.119);
    expect(found[0].partnerRate[1]).toBeGreaterThanOrEqual(7.119);
  });

  it('allows a total a few units off in six digits, as when its equivalent is added up from rounded parts', () => {
    // 247795 / 34800: 0.02% from the release's rate, beyond the rounding of the digits but within RATE_SLACK.
    expect(mismatches({ ...RELEASE, revenue: rmb(247795, 34800) })).toEqual([]);
    // 0.3% off is an amount that changed.
    expect(mismatches({ ...RELEASE, revenue: rmb(248595, 34807) }).map((f) => f.id)).toEqual(['revenue']);
  });

  it('counts a US$ amount with an RMB equivalent in the same rate, RMB per US$, and a rate the way round that makes it 1 or more', () => {
    const found = mismatches({ ...RELEASE, usd: { label: 'y', value: 1000, unit: 'USD', scale: 'million', period: 'Q3 2025', equivalent: { value: 7300, unit: 'CNY', scale: 'million' } } });
    expect(found.map((f) => [f.id, f.partner, f.currency, f.per])).toEqual([['usd', 'revenue', 'CNY', 'USD']]);
    expect(found[0].rate[0]).toBeCloseTo(7299.5 / 1000.5, 6);
    // The same figure at the release's rate agrees.
    expect(mismatches({ ...RELEASE, usd: { label: 'y', value: 1000, unit: 'USD', scale: 'million', period: 'Q3 2025', equivalent: { value: 7119, unit: 'CNY', scale: 'million' } } })).toEqual([]);
    // A date whose first figure is in US$: still RMB per US$.
    const usdFirst = { usd: { label: 'y', value: 1000, unit: 'USD', scale: 'million' as const, period: 'Q3 2025', equivalent: { value: 7300, unit: 'CNY', scale: 'million' as const } }, ...RELEASE };
    expect(mismatches(usdFirst).map((f) => [f.id, f.currency, f.per])).toEqual([['usd', 'CNY', 'USD']]);
  });

  it('reports two figures that disagree once, at the less precise, naming the other', () => {
    const found = mismatches({ a: rmb(39.8, 5.6, { scale: 'billion', equivalent: { value: 5.6, unit: 'USD', scale: 'billion' } }), b: rmb(33579, 4627) });
    expect(found.map((f) => [f.id, f.partner, f.alsoRulingOut, f.alone])).toEqual([['a', 'b', 0, true]]);
  });

  it('says either may be wrong when as many figures meet each rate: one that fits both does not take a side', () => {
    // A blind trial: fees edited 84.3 -> 86.1 (equivalent 11.8 kept) beside cloud revenue 41.2 = 5.8; an approximate
    // capex figure fits both rates. The fees' more precise equivalent picked the rate, and cloud was told it was wrong.
    const bn = (value: number, usd: number, extra: Partial<Metric> = {}) => rmb(value, usd, { scale: 'billion', equivalent: { value: usd, unit: 'USD', scale: 'billion' }, ...extra });
    const found = mismatches({ cloud: bn(41.2, 5.8), fees: bn(86.1, 11.8), capex: bn(31, 4.4, { qualifier: 'approx' }) });
    expect(found.map((f) => [f.id, f.partner, f.alone])).toEqual([['cloud', 'fees', true]]);
    // With a third figure on cloud's side, the fees are the odd one out, and said to be.
    const decided = mismatches({ cloud: bn(41.2, 5.8), fees: bn(86.1, 11.8), capex: bn(31, 4.4, { qualifier: 'approx' }), cash: bn(36.5, 5.14) });
    expect(decided.map((f) => [f.id, f.alone])).toEqual([['fees', false]]);
    // Two a side: each of one side is told either may be wrong, none that others rule it out; a figure on a third
    // rate, which neither side meets, is the odd one out, and said to be.
    const m = (value: number, usd: number) => rmb(value, usd);
    const twoASide = { a: m(7000, 1000), a2: m(14000, 2000), b: m(7100, 1000), b2: m(14200, 2000) };
    expect(mismatches(twoASide).map((f) => [f.id, f.alsoRulingOut, f.alone])).toEqual([['a', 0, true], ['a2', 0, true]]);
    expect(mismatches({ ...twoASide, c: m(7300, 1000) }).map((f) => [f.id, f.alsoRulingOut, f.alone])).toEqual([['a', 0, true], ['a2', 0, true], ['c', 1, false]]);
  });

  it('allows for the rounding of small figures and for qualifiers', () => {
    // 39.8 / 5.6 allows 7.035 to 7.180; 7.119 is in it.
    expect(mismatches({ ...RELEASE, cloud: rmb(39.8, 5.6, { scale: 'billion', equivalent: { value: 5.6, unit: 'USD', scale: 'billion' } }) })).toEqual([]);
    // Approximately US$5.8 billion: 5% either way, enough for 7.119.
    expect(mismatches({ ...RELEASE, cloud: rmb(39.8, 5.8, { scale: 'billion', equivalent: { value: 5.8, unit: 'USD', scale: 'billion', qualifier: 'approx' } }) })).toEqual([]);
    // "Over" an amount bounds one side only: no rate to compare, though its lower bound (8.04) is beyond the others'.
    expect(mismatches({ ...RELEASE, cloud: rmb(45000, 5594, { qualifier: 'over' }) })).toEqual([]);
    expect(mismatches({ ...RELEASE, cloud: rmb(45000, 5594) }).map((f) => f.id)).toEqual(['cloud']);
  });

  it('compares only figures of one date and one pair of currencies, and leaves forecasts and undated figures out', () => {
    const other = (extra: Partial<Metric>) => ({ ...RELEASE, cloud: rmb(41200, 5594, extra) });
    expect(mismatches(other({ period: 'Quarter ended 31 Mar 2025', period_end: '2025-03-31' }))).toEqual([]);
    expect(mismatches(other({ period: 'FY2026', period_end: undefined }))).toEqual([]);
    expect(mismatches(other({ period_type: 'forecast' }))).toEqual([]);
    expect(mismatches(other({ period_type: 'target' }))).toEqual([]);
    expect(mismatches(other({ equivalent: { value: 5594, unit: 'EUR', scale: 'million' } }))).toEqual([]);
    // The period end read from the words, as for contradictions.
    expect(mismatches(other({ period: 'Q3 2025', period_end: undefined })).map((f) => f.id)).toEqual(['cloud']);
  });

  it('says nothing of a figure the canvas declares contradicted by another of its date, which has no say in the rate either', () => {
    // 108465 / 14.9: a year's figure at the March rate, labelled as the September quarter's.
    const suspect = { label: 'z', value: 108465, unit: 'CNY', scale: 'million' as const, period: 'Q3 2025', period_end: '2025-09-30', equivalent: { value: 14.9, unit: 'USD', scale: 'billion' as const } };
    const metrics = { cloud: rmb(39.8, 5.6, { scale: 'billion', equivalent: { value: 5.6, unit: 'USD', scale: 'billion' } }), suspect, aidc: rmb(34.8, 4.89, { scale: 'billion', equivalent: { value: 4.89, unit: 'USD', scale: 'billion', qualifier: 'roughly' } }) };
    expect(mismatches(metrics).map((f) => [f.id, f.partner])).toEqual([['cloud', 'suspect']]);
    const declared = (a: string, b: string) => [a, b].sort().join() === 'aidc,suspect';
    expect(mismatches(metrics, declared)).toEqual([]);
    // Two disputed figures agreeing on a rate have no say against one undisputed figure: nor is it reported.
    const twoDisputed = { ...metrics, suspect2: { ...suspect, value: 108460 } };
    const declaredThree = (a: string, b: string) => ['aidc', 'suspect', 'suspect2'].includes(a) && ['aidc', 'suspect', 'suspect2'].includes(b);
    expect(mismatches(twoDisputed)).toHaveLength(1); // undisputed, the two outvote cloud
    expect(mismatches(twoDisputed, declaredThree)).toEqual([]);
  });

  it('counts only undisputed figures as ruling a rate out', () => {
    const metrics = { ...RELEASE, other: rmb(38000, 5338), cloud: rmb(41200, 5594) };
    expect(mismatches(metrics).map((f) => [f.id, f.partner, f.alsoRulingOut])).toEqual([['cloud', 'revenue', 3]]);
    // capex and other declared against each other: only cash is left beside revenue.
    expect(mismatches(metrics, (a, b) => [a, b].includes('other') && [a, b].includes('capex')).map((f) => [f.id, f.partner, f.alsoRulingOut])).toEqual([['cloud', 'revenue', 1]]);
  });

  it('finds an equivalent of the other sign than its amount, which no rate explains', () => {
    expect(signMismatches({ ...RELEASE, outflow: rmb(-21840, 3068) }, ['revenue', 'outflow', 'cash'])).toEqual([{ id: 'outflow' }]);
    expect(mismatches({ ...RELEASE, outflow: rmb(-21840, 3500) })).toEqual([]); // said as a sign, not as a rate as well
  });
});

describe('equivalents at rates their currencies were never near', () => {
  it('are found alone, counted the way round that makes the rate 1 or more; rates within the band, forecasts at any plausible rate and currencies outside the table are not', () => {
    const found = implausibleRates({ ...RELEASE, slip: rmb(39824, 5.594), fine: rmb(39824, 5594, { period_type: 'forecast' }), pesos: { ...rmb(100, 5), unit: 'ARS' } }, ['revenue', 'slip', 'fine', 'pesos']);
    expect(found).toEqual([{ id: 'slip', currency: 'CNY', per: 'USD', rate: [expect.closeTo(7118.3, 1), expect.closeTo(7119.8, 1)], bounds: [4.7, 8.7] }]);
    // US$0.5594 million for RMB 39,824 million is 71,191 RMB per US$; US$55,940 million, 0.71 RMB per US$: shown as 1.4 US$ per RMB.
    expect(implausibleRates({ big: rmb(39824, 55940) }, ['big'])).toEqual([{ id: 'big', currency: 'USD', per: 'CNY', rate: [expect.closeTo(1.4047, 3), expect.closeTo(1.4047, 3)], bounds: [expect.closeTo(1 / 8.7, 5), expect.closeTo(1 / 4.7, 5)] }]);
  });
});

describe('equivalents repeated from an earlier period', () => {
  const june = { period: 'Quarter ended 30 Jun 2025', period_end: '2025-06-30' };
  const usd = (value: number, scale: Metric['scale'] = 'million') => ({ equivalent: { value, unit: 'USD', scale } });

  it('finds a later amount beside the very equivalent of an earlier one of the same measure, naming the earlier', () => {
    const found = repeatedEquivalents({ 'rev@2025-06-30': rmb(30000, 4215, june), 'rev@2025-09-30': rmb(39824, 4215) });
    expect(found).toEqual([{ id: 'rev@2025-09-30', copiedFrom: 'rev@2025-06-30', ratio: 39824 / 30000 }]);
  });

  it('takes no equivalent of fewer than three significant digits for a copy: US$5.6 billion or US$2,500 million twice is chance', () => {
    const billions = { scale: 'billion' as const, ...usd(5.6, 'billion') };
    expect(repeatedEquivalents({ 'rev@2025-06-30': rmb(30, 5.6, { ...june, ...billions }), 'rev@2025-09-30': rmb(39.8, 5.6, billions) })).toEqual([]);
    expect(repeatedEquivalents({ 'rev@2025-06-30': rmb(15000, 2500, june), 'rev@2025-09-30': rmb(17800, 2500) })).toEqual([]);
  });

  it('calls no equivalent copied from a figure of the same date (which of two was updated is not known), nor one whose amount did not change', () => {
    expect(copiedEquivalents({ a: rmb(30000, 4215, { concept: 'revenue' }), b: rmb(39824, 4215, { concept: 'revenue' }) })).toEqual(new Map());
    expect(copiedEquivalents({ 'rev@2025-06-30': rmb(39824, 5594, june), 'rev@2025-09-30': rmb(39824, 5594) })).toEqual(new Map());
  });
});
