import { describe, it, expect } from 'vitest';
import { formatChange, formatDate, formatMetricValue, formatQuantity, unitLabel } from '../../src/model/format.ts';
import { changeDecimals, formatNumber } from '../../src/canvas/numbers.ts';

describe('format', () => {
  it('keeps the precision the source wrote and adds thousands separators', () => {
    expect(formatNumber(101.272)).toBe('101.272');
    expect(formatNumber(585663)).toBe('585,663');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(39.8, 2)).toBe('39.80');
  });

  it('handles numbers JavaScript writes in exponent form, and never prints -0', () => {
    expect(formatNumber(1.5e-7)).toBe('0.00000015');
    expect(formatNumber(-0.04, 1)).toBe('0.0');
  });

  it('treats only ISO currency codes as currencies', () => {
    expect(formatQuantity({ value: 5, unit: 'TEU', scale: 'million' })).toBe('5 million TEU');
    expect(formatQuantity({ value: 5, unit: 'CHF', scale: 'million' })).toBe('CHF 5 million');
  });

  it('writes currency, scale, unit and qualifier', () => {
    expect(formatQuantity({ value: 39.8, unit: 'CNY', scale: 'billion' })).toBe('RMB 39.8 billion');
    expect(formatQuantity({ value: 5.6, unit: 'USD', scale: 'billion' })).toBe('US$5.6 billion');
    expect(formatQuantity({ value: 34.2, unit: 'BRL', scale: 'billion' })).toBe('R$34.2 billion');
    expect(formatQuantity({ value: 600, unit: 'downloads', scale: 'million', qualifier: 'over' })).toBe('over 600 million downloads');
    expect(formatQuantity({ value: 12.3, unit: 'percent', qualifier: 'over' })).toBe('over 12.3%');
    // Per mille and per ten thousand close up to the number as percent does.
    expect(formatQuantity({ value: 3.2, unit: '\u2030' })).toBe('3.2\u2030');
    expect(formatQuantity({ value: -1.5, unit: '\u2031' })).toBe('\u22121.5\u2031');
    expect(formatQuantity({ value: 2, unit: 'EUR' })).toBe('€2');
    expect(formatQuantity({ value: 120, unit: 'CNY', scale: 'billion', qualifier: 'approx' })).toBe('approx. RMB 120 billion');
  });

  it('puts a true minus sign (U+2212) before negative amounts and changes, never a hyphen, and none before a value rounded to zero', () => {
    expect(formatQuantity({ value: -126.6, unit: 'CNY', scale: 'billion' })).toBe('\u2212RMB 126.6 billion');
    expect(formatQuantity({ value: -7, unit: 'percent' })).toBe('\u22127%');
    expect(formatQuantity({ value: -0.04, unit: 'percent', decimals: 1 })).toBe('0.0%');
    expect(formatChange({ percent: -12 })).toBe('\u221212% YoY');
    expect(formatChange({ percent: -1.5, points: -0.3 })).toBe('\u22121.5%, \u22120.3 pp YoY');
    expect(formatChange({ percent: 34 })).toBe('+34% YoY');
  });

  it('gives a change too small for its digits more of them, up to its first that is not zero, so that it never reads as none', () => {
    expect(changeDecimals(3.76, 1)).toBe(1);
    expect(changeDecimals(-0.0464, 1)).toBe(2); // −0.05%, not 0.0%
    expect(changeDecimals(0.05, 1)).toBe(1); // 0.1%
    expect(changeDecimals(-0.00046, 2)).toBe(4);
    expect(changeDecimals(0.0096, 1)).toBe(2); // 0.01%, not 0.010%
    expect(changeDecimals(0, 1)).toBe(1);
    expect(formatNumber(-0.0464, changeDecimals(-0.0464, 1))).toBe('-0.05');
  });

  it('shows a metric with its stated equivalent, or its words', () => {
    expect(formatMetricValue({ label: 'Cloud', value: 39.8, unit: 'CNY', scale: 'billion', period: 'Q', equivalent: { value: 5.6, unit: 'USD', scale: 'billion' } }))
      .toBe('RMB 39.8 billion (US$5.6 billion)');
    expect(formatMetricValue({ label: 'AI growth', text: 'Triple-digit', period: 'Q' })).toBe('Triple-digit');
  });

  it('names changes, axis units and dates the way a reader expects', () => {
    expect(formatChange({ text: 'triple-digit', basis: 'YoY, ninth consecutive quarter' })).toBe('triple-digit YoY, ninth consecutive quarter');
    expect(formatChange({ points: 8.1, basis: 'vs. Q2 2024' })).toBe('+8.1 pp vs. Q2 2024');
    expect(unitLabel('CNY', 'billion')).toBe('RMB billion');
    expect(unitLabel('members', 'million')).toBe('million members');
    expect(formatDate('2025-09-30')).toBe('30 Sep 2025');
  });
});
