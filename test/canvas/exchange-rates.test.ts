/**
 * Equivalents whose exchange rates no one rate of their date meets: an amount updated without its equivalent is
 * found against the rate the others agree on; nothing is found where rounding or a qualifier allows one rate,
 * between different dates, for forecasts, or for a figure the canvas declares contradicted.
 */
import { describe, it, expect } from 'vitest';
import { rateMismatches } from '../../src/canvas/exchange-rates.ts';
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
    const found = mismatches({ ...RELEASE, cloud: rmb(41200, 5594) });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'cloud', partner: 'revenue', date: '2025-09-30', currency: 'CNY', per: 'USD', agreeing: 2 });
    expect(found[0].rate[0]).toBeCloseTo(41199.5 / 5594.5, 6);
    expect(found[0].partnerRate[0]).toBeLessThanOrEqual(7.119);
    expect(found[0].partnerRate[1]).toBeGreaterThanOrEqual(7.119);
  });

  it('counts a US$ amount with an RMB equivalent in the same rate, RMB per US$', () => {
    const found = mismatches({ ...RELEASE, usd: { label: 'y', value: 1000, unit: 'USD', scale: 'million', period: 'Q3 2025', equivalent: { value: 7300, unit: 'CNY', scale: 'million' } } });
    expect(found.map((f) => [f.id, f.partner, f.currency, f.per])).toEqual([['usd', 'revenue', 'CNY', 'USD']]);
    expect(found[0].rate[0]).toBeCloseTo(7299.5 / 1000.5, 6);
    // The same figure at the release's rate agrees.
    expect(mismatches({ ...RELEASE, usd: { label: 'y', value: 1000, unit: 'USD', scale: 'million', period: 'Q3 2025', equivalent: { value: 7119, unit: 'CNY', scale: 'million' } } })).toEqual([]);
  });

  it('reports two figures that disagree once, at the less precise, naming the other', () => {
    const found = mismatches({ a: rmb(39.8, 5.6, { scale: 'billion', equivalent: { value: 5.6, unit: 'USD', scale: 'billion' } }), b: rmb(33579, 4627) });
    expect(found.map((f) => [f.id, f.partner, f.agreeing])).toEqual([['a', 'b', 0]]);
  });

  it('allows for the rounding of small figures and for qualifiers', () => {
    // 39.8 / 5.6 allows 7.035 to 7.180; 7.119 is in it.
    expect(mismatches({ ...RELEASE, cloud: rmb(39.8, 5.6, { scale: 'billion', equivalent: { value: 5.6, unit: 'USD', scale: 'billion' } }) })).toEqual([]);
    // Approximately US$5.8 billion: 5% either way, enough for 7.119.
    expect(mismatches({ ...RELEASE, cloud: rmb(39.8, 5.8, { scale: 'billion', equivalent: { value: 5.8, unit: 'USD', scale: 'billion', qualifier: 'approx' } }) })).toEqual([]);
    // "Over" an amount bounds one side only: no rate to compare.
    expect(mismatches({ ...RELEASE, cloud: rmb(39824, 6000, { qualifier: 'over' }) })).toEqual([]);
  });

  it('compares only figures of one date and one pair of currencies, and leaves forecasts and undated figures out', () => {
    const other = (extra: Partial<Metric>) => ({ ...RELEASE, cloud: rmb(41200, 5594, extra) });
    expect(mismatches(other({ period: 'Quarter ended 31 Mar 2025', period_end: '2025-03-31' }))).toEqual([]);
    expect(mismatches(other({ period: 'FY2026', period_end: undefined }))).toEqual([]);
    expect(mismatches(other({ period_type: 'forecast' }))).toEqual([]);
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
  });
});
