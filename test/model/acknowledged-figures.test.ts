/**
 * An acknowledgement that names its figure (data_notes.acknowledged[].figure) is read alike by check and by the
 * briefing: a finding check marks acknowledged is not listed under "Where sources disagree" as unexplained, and one
 * check still warns of is listed there, whatever the canvas's language and however the figure is written.
 */
import { describe, expect, it } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';

/** What check says of the canvas's one disagreement (acknowledged or not), and whether the briefing lists it as unexplained. */
function both(yaml: string): { check: string[]; listed: boolean } {
  const { canvas, findings, typedDisagreements } = validateWithWarnings(parseCanvas(yaml, 'c.yaml'));
  const listed = buildModel(canvas, { name: 'c', setKey: 'full', typed: typedDisagreements }).appendix.contradictions.some((c) => c.detected);
  return { check: findings.map((f) => `${f.rule}${f.acknowledged ? ' (acknowledged)' : ''}`), listed };
}

const canvas = (language: string, metrics: string, content: string, figure: string, rule: string, ids: string) => `company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }
briefing: { period: FY2025, as_of: 2026-02-15, currency: EUR, language: ${language} }
metrics:
${metrics}
blocks:
  revenue_streams:
    sections:
      - title: T
        content:
          - ${content}
data_notes:
  acknowledged:
    - { rule: ${rule}, metrics: [${ids}], figure: "${figure}", reason: Inter-segment sales. }
`;

describe('an acknowledgement by its figure', () => {
  const bn = (id: string, label: string, value: number) => `  ${id}: { label: ${label}, value: ${value}, unit: EUR, scale: billion, period: FY2025, period_end: 2025-12-31, source: R }`;
  const parts = [bn('a', 'Cloud revenue', 14.2), bn('b', 'Commerce revenue', 7.4), bn('c', 'Media revenue', 3.6), bn('t', 'Total revenue', 24.8)].join('\n');
  const table = 'metric_table: { rows: [a, b, c, t] }';
  const fy = (id: string, value: number, year: number, change = '') => `  ${id}: { label: Revenue, value: ${value}, unit: EUR, scale: million, period: FY${year}, period_end: ${year}-12-31, source: R${change} }`;
  const changed = [fy('rev', 110, 2025, ', change: { percent: 12.4 }'), fy('rev24', 100, 2024)].join('\n');

  it('is accepted by check and the briefing alike, or by neither, in English and German, as check quotes it or as the language writes it', () => {
    const cases: Array<[string, string, string, string, string, string, boolean]> = [
      // [language, metrics, content, figure, rule, ids, accepted]: the parts add up to €25.2 billion; the change is +12.4%.
      ['en', parts, table, '€25.2 billion against €24.8 billion', 'parts-over-total', 't', true],
      ['en', parts, table, 'EUR 25,200 million against EUR 24.8 billion', 'parts-over-total', 't', true],
      ['en', parts, table, '€25.7 billion against €24.8 billion', 'parts-over-total', 't', false],
      ['de', parts, table, '€25.2 billion against €24.8 billion', 'parts-over-total', 't', true],
      ['de', parts, table, '25,2 Mrd. € against 24,8 Mrd. €', 'parts-over-total', 't', true],
      ['de', parts, table, '€25.7 billion against €24.8 billion', 'parts-over-total', 't', false],
      ['en', changed, 'paragraph: "[[rev]] [[rev24]]"', '+12.4% against +10.0%', 'change-mismatch', 'rev, rev24', true],
      ['en', changed, 'paragraph: "[[rev]] [[rev24]]"', '+12.43% against +10%', 'change-mismatch', 'rev, rev24', true],
      ['en', changed, 'paragraph: "[[rev]] [[rev24]]"', '+12.6% against +10.0%', 'change-mismatch', 'rev, rev24', false],
      ['de', changed, 'paragraph: "[[rev]] [[rev24]]"', '+12.4% against +10.0%', 'change-mismatch', 'rev, rev24', true],
      ['de', changed, 'paragraph: "[[rev]] [[rev24]]"', '+12,4 % against +10,0 %', 'change-mismatch', 'rev, rev24', true],
      ['de', changed, 'paragraph: "[[rev]] [[rev24]]"', '+12,6 % against +10,0 %', 'change-mismatch', 'rev, rev24', false],
    ];
    for (const [language, metrics, content, figure, rule, ids, accepted] of cases) {
      const { check, listed } = both(canvas(language, metrics, content, figure, rule, ids));
      const said = `${language} ${rule} "${figure}"`;
      expect(check.includes(`${rule} (acknowledged)`), said).toBe(accepted);
      expect(listed, said).toBe(!accepted);
      if (!accepted) expect(check, said).toContain('unmatched-acknowledgement');
    }
  });
});
