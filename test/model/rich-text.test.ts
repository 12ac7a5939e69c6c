/** Text with [[references]] resolved: each part of a metric as it prints. */
import { describe, it, expect } from 'vitest';
import { richText } from '../../src/model/rich-text.ts';
import type { Metric } from '../../src/validate/schema.ts';

const metrics: Record<string, Metric> = {
  net_loss: { label: 'Net income (loss)', value: -1173, unit: 'USD', scale: 'million', period: 'Q3 2025', equivalent: { value: -1001, unit: 'EUR', scale: 'million' } },
  over: { label: 'Net income (loss)', value: -1.1, unit: 'USD', scale: 'billion', qualifier: 'over', period: 'Q3 2025' },
  revenue: { label: 'Revenue', value: 1558, unit: 'USD', scale: 'million', period: 'Q3 2025' },
};
const printed = (text: string) => richText(text, metrics, new Set()).map((p) => p.text).join('');

describe('a reference\'s size', () => {
  it('prints a loss, and its equivalent, without the minus, for prose that says "loss"; a positive figure as its value', () => {
    expect(printed('Net income was [[net_loss.amount]].')).toBe('Net income was \u2212US$1,173 million.');
    expect(printed('A net loss of [[net_loss.size]].')).toBe('A net loss of US$1,173 million (€1,001 million).');
    expect(printed('A loss of [[over.size]].')).toBe('A loss of over US$1.1 billion.');
    expect(printed('[[revenue.size]]')).toBe(printed('[[revenue]]'));
  });
});
