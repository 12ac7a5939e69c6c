/**
 * typed-mismatch and typed-figure in a European half-year canvas (Valdria, H1 2025, as of 31 July 2025, en-GB), as a
 * planted-error trial typed its figures: a balance typed with its day, a second measure's clause after the figure, a
 * typed figure that happens to be another measure's value.
 */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';

const canvas = (text: string) => `company: { name: Valdria Group N.V., short_name: Valdria, ticker: VALD, exchange: Euronext Amsterdam, country: Netherlands, sector: Industrials, industry: Machinery }
briefing: { period: H1 2025, as_of: 2025-07-31, currency: EUR, language: en-GB }
metrics:
  revenue: { label: Revenue, unit: EUR, scale: million, period_type: half_year, values: [{ value: 2310.0, period: H1 2024, period_end: 2024-06-30 }, { value: 2402.3, period: H2 2024, period_end: 2024-12-31 }, { value: 2469.0, period: H1 2025, period_end: 2025-06-30, change: { percent: 6.9 } }] }
  organic_growth: { label: Organic revenue growth, unit: percent, period_type: half_year, values: [{ value: 3.1, period: H1 2024, period_end: 2024-06-30 }, { value: 4.8, period: H1 2025, period_end: 2025-06-30 }] }
  ebitda: { label: EBITDA, unit: EUR, scale: million, period_type: half_year, values: [{ value: 372.0, period: H1 2024, period_end: 2024-06-30 }, { value: 421.0, period: H1 2025, period_end: 2025-06-30 }] }
  net_debt: { label: Net debt, unit: EUR, scale: million, period_type: as_at, values: [{ value: 1308.6, period: 31 December 2024, period_end: 2024-12-31 }, { value: 1474.2, period: 30 June 2025, period_end: 2025-06-30 }] }
  employees: { label: Employees, value: 14850, unit: employees, period: 30 June 2025, period_type: as_at, period_end: 2025-06-30 }
  hydrel_price: { label: Hydrel purchase price, value: 412, unit: EUR, scale: million, period: Closed 2 May 2025, period_type: event, period_end: 2025-05-02 }
blocks:
  key_resources:
    sections:
      - title: Workforce and balance sheet
        content:
          - paragraph: >-
              ${text}
          - paragraph: 'Now: [[revenue]], [[organic_growth]], [[ebitda]], [[net_debt]], [[employees]], [[hydrel_price]].'
`;

const findings = (text: string, rule: string) => validateWithWarnings(parseCanvas(canvas(text), 'c.yaml')).findings.filter((f) => f.rule === rule).map((f) => f.message);
const mismatches = (text: string) => findings(text, 'typed-mismatch');

describe('typed-mismatch in a half-year canvas', () => {
  it('compares a balance typed with the day its sentence dates it by with that day\'s balance', () => {
    const said = 'is typed into the text as Net debt in a sentence that names 30 June 2025, for which net_debt@2025-06-30 is €1,474.2 million (30 June 2025)';
    for (const [text, written] of [
      ['Net debt was €1,447.2m at 30 June 2025, up from [[net_debt@2024-12-31]] at 31 December 2024.', '€1,447.2m'],
      ['Valdria employed [[employees]] at 30 June 2025. Net debt was €1,447.2m at 30 June 2025.', '€1,447.2m'],
      ['Net debt stood at €1,447.2m at 30 June 2025, mainly because of the Hydrel acquisition.', '€1,447.2m'],
      ['Net debt of EUR 1,447m at 30 June 2025 rose mainly because of the Hydrel acquisition.', 'EUR 1,447m'],
      ['Net debt was €1,447.2m as of 30 June 2025, up from [[net_debt@2024-12-31]] at 31 December 2024.', '€1,447.2m'],
      ['As at 30 June 2025, net debt was €1,447.2m.', '€1,447.2m'],
    ]) {
      expect(mismatches(text), text).toEqual([expect.stringContaining(`"${written}" ${said}`)]);
    }
    // Right, or the day compared with: left alone.
    for (const text of [
      'Net debt was €1,474.2m at 30 June 2025, up from [[net_debt@2024-12-31]] at 31 December 2024.',
      'Net debt was [[net_debt]] at 30 June 2025, up from €1,380.6m at 31 December 2024.',
      'Net debt was €1,447.2m at 31 March 2025.',
    ]) {
      expect(mismatches(text), text).toEqual([]);
    }
  });

  it('reads a figure in its own clause as its measure\'s, whatever basis a second measure\'s clause after it speaks of', () => {
    const said = '"€2,496.0m" is typed into the text as Revenue for "H1 2025", but revenue@2025-06-30 is €2,469.0 million (H1 2025)';
    for (const text of [
      'Revenue rose to €2,496.0m in H1 2025, with organic growth of [[organic_growth]].',
      'Revenue rose to €2,496.0m in H1 2025, with organic growth of 4.8%.',
      'Revenue rose to €2,496.0m in H1 2025 while organic revenue growth slowed.',
    ]) {
      expect(mismatches(text), text).toEqual([expect.stringContaining(said)]);
    }
    // The figure's own basis, before the second measure's clause or before its name, still leaves it alone.
    for (const text of [
      'Revenue rose to €2,496.0m in H1 2025 on an organic basis, with organic growth of [[organic_growth]].',
      'Revenue rose to €2,496.0m in H1 2025 excluding currency, with organic growth of [[organic_growth]].',
      'Organic revenue rose to €2,496.0m in H1 2025, with organic growth of [[organic_growth]].',
    ]) {
      expect(mismatches(text), text).toEqual([]);
    }
  });

  it('reads a figure typed after a measure\'s name as that measure\'s, not as another\'s value the sentence does not speak of', () => {
    const text = 'EBITDA was €412.0m in H1 2025.';
    expect(mismatches(text)).toEqual([expect.stringContaining('"€412.0m" is typed into the text as EBITDA for "H1 2025", but ebitda@2025-06-30 is €421.0 million (H1 2025)')]);
    expect(findings(text, 'typed-figure')).toEqual([]);
    // A sentence that speaks of the purchase: the price, typed, which a reference would print.
    for (const other of ['Valdria paid €412.0m for Hydrel.', 'EBITDA was [[ebitda]] in H1 2025, and the Hydrel purchase price was €412.0m.']) {
      expect(mismatches(other), other).toEqual([]);
      expect(findings(other, 'typed-figure'), other).toEqual([expect.stringContaining('"€412.0m" is typed into the text, and is the value of hydrel_price: write [[hydrel_price]] instead')]);
    }
  });
});
