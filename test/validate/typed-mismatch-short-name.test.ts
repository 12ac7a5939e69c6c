/**
 * typed-mismatch reads a label of three words or more by its first and last words, where the words between are ones the
 * measure implies ("organic growth" for Organic revenue growth, "operating margin" for Operating profit margin, "net debt"
 * for Net financial debt) and no other label those two words could name.
 */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';

/** A half-year canvas with the metrics `extra` (YAML lines) beside organic revenue growth of 4.8% in H1 2025, its lead saying `text`. */
const canvas = (text: string, extra = '') => parseCanvas(`company: { name: Valdria Group N.V., short_name: Valdria, ticker: VALD, exchange: Euronext Amsterdam, country: Netherlands, sector: S, industry: I }
briefing: { period: H1 2025, as_of: 2025-07-31, currency: EUR, language: en-GB }
metrics:
  revenue: { label: Revenue, unit: EUR, scale: million, period_type: half_year, values: [{ value: 2310.0, period: H1 2024, period_end: 2024-06-30 }, { value: 2469.0, period: H1 2025, period_end: 2025-06-30, change: { percent: 6.9 } }] }
  organic_growth: { label: Organic revenue growth, unit: percent, period_type: half_year, values: [{ value: 3.1, period: H1 2024, period_end: 2024-06-30 }, { value: 4.8, period: H1 2025, period_end: 2025-06-30 }] }
  guidance_organic: { label: Organic growth guidance, text: 4% to 6%, period: FY2025 (guidance), period_type: forecast, period_end: 2025-12-31 }
  op_margin: { label: Operating profit margin, unit: percent, period_type: half_year, values: [{ value: 12.0, period: H1 2024, period_end: 2024-06-30 }, { value: 12.9, period: H1 2025, period_end: 2025-06-30 }] }
  net_debt: { label: Net financial debt, unit: EUR, scale: million, period_type: as_at, values: [{ value: 1308.6, period: 31 December 2024, period_end: 2024-12-31 }, { value: 1474.2, period: 30 June 2025, period_end: 2025-06-30 }] }
${extra}blocks:
  revenue_streams:
    lead: "${text}"
`, 'c.yaml');

const mismatches = (text: string, extra?: string) => validateWithWarnings(canvas(text, extra)).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message);

describe('typed-mismatch names a label by its first and last words', () => {
  it('reads "organic growth", "operating margin" and "net debt" as the labels they shorten', () => {
    expect(mismatches('Organic growth was 6.9% in H1 2025.')).toEqual([
      '"6.9%" is typed into the text as Organic revenue growth for "H1 2025", but organic_growth@2025-06-30 is 4.8% (H1 2025): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[organic_growth]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
    expect(mismatches('The operating margin was 13.9% in H1 2025.')).toEqual([expect.stringContaining('"13.9%" is typed into the text as Operating profit margin for "H1 2025", but op_margin@2025-06-30 is 12.9%')]);
    expect(mismatches('Net debt was €1,447.2m at 30 June 2025.')).toEqual([expect.stringContaining('"€1,447.2m" is typed into the text as Net financial debt in a sentence that names 30 June 2025, for which net_debt@2025-06-30 is €1,474.2 million')]);
    // Right: left alone.
    expect(mismatches('Organic growth was 4.8% in H1 2025, and the operating margin 12.9%.')).toEqual([]);
  });

  it('leaves the short name unread where another label could be named so, or a middle word is a measure of its own', () => {
    // Another label with the same first and last words.
    expect(mismatches('Organic growth was 6.9% in H1 2025.', '  organic_volume: { label: Organic volume growth, unit: percent, value: 2.0, period: H1 2025, period_type: half_year, period_end: 2025-06-30 }\n')).toEqual([]);
    // A metric labelled by the short name itself is that metric's.
    expect(mismatches('Net debt was €1,300.0m at 30 June 2025.', '  nd: { label: Net debt, unit: EUR, scale: million, value: 1447.2, period: 30 June 2025, period_type: as_at, period_end: 2025-06-30 }\n')).toEqual([expect.stringContaining('"€1,300.0m" is typed into the text as Net debt in a sentence that names 30 June 2025, for which nd is €1,447.2 million')]);
    // "Net income" is no name of Net interest income.
    expect(mismatches('Net income was €300.0m in H1 2025.', '  nii: { label: Net interest income, unit: EUR, scale: million, value: 412.0, period: H1 2025, period_type: half_year, period_end: 2025-06-30 }\n')).toEqual([]);
  });
});
