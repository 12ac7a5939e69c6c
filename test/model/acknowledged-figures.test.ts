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

  it('pins a typed change that disagrees (typed-figure) to its figure: an edit of it, or of its direction, is no longer accepted, and one that names none is reported', () => {
    const margin = `  margin: { label: EBITDA margin, value: 24.9, unit: percent, period: FY2025, period_end: 2025-12-31, source: R, change: { points: 0.9, basis: YoY } }
  rev: { label: Revenue, value: 13010, unit: EUR, scale: million, period: FY2025, period_end: 2025-12-31, source: R, change: { percent: 6.3, basis: YoY } }`;
    const cases: Array<[string, string, string, boolean]> = [
      // [language, content, figure, accepted]: acknowledged as "up 120 bps", as check quotes it.
      ['en', 'paragraph: "EBITDA margin was [[margin]], up 120 bps YoY. [[rev]]"', '+120 bps against +0.9 pp', true],
      ['en', 'paragraph: "EBITDA margin was [[margin]], up 350 bps YoY. [[rev]]"', '+120 bps against +0.9 pp', false],
      ['en', 'paragraph: "EBITDA margin was [[margin]], down 120 bps YoY. [[rev]]"', '+120 bps against +0.9 pp', false],
      ['en', 'paragraph: "Revenue reached [[rev]], up 3.0% YoY. [[margin]]"', '+3.0% against +6.3%', true],
      ['en', 'paragraph: "Revenue reached [[rev]], up 3.5% YoY. [[margin]]"', '+3.0% against +6.3%', false],
      ['de', 'paragraph: "Der Umsatz stieg auf [[rev]], ein Plus von 3,0 %. [[margin]]"', '+3,0 % against +6,3 %', true],
      ['de', 'paragraph: "Der Umsatz stieg auf [[rev]], ein Plus von 3,5 %. [[margin]]"', '+3,0 % against +6,3 %', false],
    ];
    for (const [language, content, figure, accepted] of cases) {
      const ids = content.includes('[[margin]],') ? 'margin' : 'rev';
      const { check, listed } = both(canvas(language, margin, content, figure, 'typed-figure', ids));
      const said = `${language} ${content} "${figure}"`;
      expect(check.includes('typed-figure (acknowledged)'), said).toBe(accepted);
      expect(listed, said).toBe(!accepted);
      if (!accepted) expect(check, said).toContain('unmatched-acknowledgement');
    }
    // Named by its metric alone, it accepts any typed change about it: check says so, with the figure to write.
    const unpinned = validateWithWarnings(parseCanvas(canvas('en', margin, 'paragraph: "EBITDA margin was [[margin]], up 120 bps YoY. [[rev]]"', '', 'typed-figure', 'margin').replace(', figure: ""', ''), 'c.yaml')).findings;
    expect(unpinned.map((f) => `${f.rule}${f.acknowledged ? ' (acknowledged)' : ''}`)).toEqual(['typed-figure (acknowledged)', 'unpinned-acknowledgement']);
    expect(unpinned[1]!.message).toContain('add figure: "+120 bps against +0.9 pp"');
    // A figure typed where its reference would print it is advice, and an acknowledgement of it by its metric names no figure.
    const advice = validateWithWarnings(parseCanvas(canvas('en', margin, 'paragraph: "Revenue was €13,010 million. [[margin]]"', '', 'typed-figure', 'rev').replace(', figure: ""', ''), 'c.yaml')).findings;
    expect(advice.filter((f) => f.rule !== 'unused-metric').map((f) => `${f.rule}${f.acknowledged ? ' (acknowledged)' : ''}`)).toEqual(['typed-figure (acknowledged)']);
  });

  it('pins a typed change that the figure contradicts (typed-mismatch) to its direction too, and reads one acknowledged before without a sign as it was', () => {
    const rev = '  rev: { label: Revenue, value: 13010, unit: EUR, scale: million, period: FY2025, period_end: 2025-12-31, source: R, change: { percent: 6.3, basis: YoY } }';
    const cases: Array<[string, string, boolean]> = [
      // [words typed, figure, accepted]: check quotes "grew 12%" as "+12% against +6.3%", "fell 12%" as "−12% against +6.3%".
      ['grew 12%', '+12% against +6.3%', true],
      ['fell 12%', '+12% against +6.3%', false],
      ['was down 12%', '+12% against +6.3%', false],
      ['fell 12%', '−12% against +6.3%', true],
      ['was down 12%', '-12% against +6.3%', true],
      ['grew 12%', '−12% against +6.3%', false],
      ['was up 12%', '−12% against +6.3%', false],
      // Its direction in words, as a writer may name it: "fell 12%" is −12%.
      ['fell 12%', 'fell 12% against +6.3%', true],
      ['grew 12%', 'fell 12% against +6.3%', false],
      ['grew 12%', 'up 12% against +6.3%', true],
      ['fell 12%', 'up 12% against +6.3%', false],
      // Written before the direction was pinned, as check quoted it then: no sign nor word tells its direction, so either is accepted, as before.
      ['grew 12%', '12% against +6.3%', true],
      ['fell 12%', '12% against +6.3%', true],
      ['grew 15%', '12% against +6.3%', false],
    ];
    for (const [typed, figure, accepted] of cases) {
      const { check, listed } = both(canvas('en', rev, `paragraph: "Revenue ${typed} in FY2025. [[rev]]"`, figure, 'typed-mismatch', 'rev'));
      const said = `"${typed}" "${figure}"`;
      expect(check.includes('typed-mismatch (acknowledged)'), said).toBe(accepted);
      expect(listed, said).toBe(!accepted);
      if (!accepted) expect(check, said).toContain('unmatched-acknowledgement');
    }
    // Unacknowledged, check quotes the figure to write with its direction.
    const fell = validateWithWarnings(parseCanvas(canvas('en', rev, 'paragraph: "Revenue fell 12% in FY2025. [[rev]]"', '+12% against +6.3%', 'typed-mismatch', 'rev'), 'c.yaml')).findings;
    expect(fell.find((f) => f.rule === 'unmatched-acknowledgement')!.message).toContain('is about "\u221212% against +6.3%"');
  });
});
