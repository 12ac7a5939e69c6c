/**
 * "Where sources disagree" on a figure a German text types as the company's own, in the phrasing German releases use most
 * ("Rheinwerk erzielte im dritten Quartal 2025 einen Umsatz von 1,23 Mrd. €"): listed beside the canvas's figure, as
 * check's typed-mismatch reports it, not passed over as agreeing.
 */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';

/** The notes of the disagreements the briefing lists for a German canvas (revenue €1.32 billion in Q3 2025) whose paragraph says `text`. */
function notes(text: string): string[] {
  const { canvas, typedDisagreements } = validateWithWarnings(parseCanvas(`company: { name: Rheinwerk Antriebe AG, short_name: Rheinwerk, ticker: RWA, exchange: X, country: Y, sector: S, industry: I }
briefing: { period: Q3 2025, as_of: 2025-10-31, currency: EUR, language: de }
metrics:
  umsatz: { label: Umsatz, value: 1.32, scale: billion, unit: EUR, period: Q3 2025, period_end: 2025-09-30, source: Quartalsmitteilung }
blocks:
  revenue_streams:
    sections:
      - title: T
        content:
          - paragraph: '${text} Jetzt: [[umsatz]].'
`, 'c.yaml'));
  return buildModel(canvas, { name: 'c', setKey: 'full', typed: typedDisagreements }).appendix.contradictions.filter((c) => c.detected).map((c) => c.note);
}

describe('a German figure typed after the company reporting it, in "Where sources disagree"', () => {
  it('lists the typed figure beside the canvas\'s, the company and its verb before the name, before the period or after the figure', () => {
    for (const text of [
      'Rheinwerk erzielte im dritten Quartal 2025 einen Umsatz von 1,23 Mrd. €.',
      'Im dritten Quartal 2025 erzielte Rheinwerk einen Umsatz von 1,23 Mrd. €.',
      'Einen Umsatz von 1,23 Mrd. € erzielte Rheinwerk im 3. Quartal 2025.',
    ]) {
      expect(notes(text), text).toEqual(['Found by canvas-briefing: section 1.1 (T) types 1,23 Mrd. € into its text as Umsatz for Q3 2025, where the canvas\'s figure is 1,32\u00a0Mrd.\u00a0€. The canvas does not explain the difference; check the source before relying on either.']);
    }
  });

  it('lists nothing for another measure, an earlier period or the right figure', () => {
    for (const text of ['Rheinwerk erzielte im dritten Quartal 2025 einen Auftragseingang von 1,23 Mrd. €.', 'Im Vorjahresquartal erzielte Rheinwerk einen Umsatz von 1,23 Mrd. €.', 'Rheinwerk erzielte im dritten Quartal 2025 einen Umsatz von 1,32 Mrd. €.']) {
      expect(notes(text), text).toEqual([]);
    }
  });
});

describe('an earlier quarter\'s revenue a German release compares with', () => {
  /** The key-figure card of umsatz (Q3 2024, Q2 2025 and Q3 2025) and the disagreements listed, for a paragraph that says `text`. */
  function briefing(text: string) {
    const { canvas, typedDisagreements } = validateWithWarnings(parseCanvas(`company: { name: Rheinwerk Antriebe AG, short_name: Rheinwerk, ticker: RWA, exchange: X, country: Y, sector: S, industry: I }
briefing: { period: Q3 2025, as_of: 2025-11-06, currency: EUR, language: de }
key_figures: [umsatz]
metrics:
  umsatz: { label: Umsatz, unit: EUR, scale: million, period_type: quarter, source: Quartalsmitteilung, values: [{ value: 2250, period: Q3 2024, period_end: 2024-09-30 }, { value: 2310, period: Q2 2025, period_end: 2025-06-30 }, { value: 2412, period: Q3 2025, period_end: 2025-09-30, change: { percent: 7.2 } }] }
blocks:
  revenue_streams:
    sections:
      - title: T
        content:
          - paragraph: '${text}'
`, 'c.yaml'));
    const model = buildModel(canvas, { name: 'c', setKey: 'full', typed: typedDisagreements });
    return { card: model.keyFigures[0]!, detected: model.appendix.contradictions.filter((c) => c.detected) };
  }

  it('marks no key figure disputed for "(Vorjahr: 2.250 Mio. €)" or "nach 2,31 Mrd. € im zweiten Quartal", but for last quarter\'s figure typed as this one\'s', () => {
    for (const text of ['Im dritten Quartal 2025 stieg der Umsatz auf 2.412 Mio. € (Vorjahr: 2.250 Mio. €).', 'Rheinwerk erzielte im dritten Quartal 2025 einen Umsatz von 2,41 Mrd. € nach 2,31 Mrd. € im zweiten Quartal.']) {
      const { card, detected } = briefing(text);
      expect(detected, text).toEqual([]);
      expect(card.disputed, text).toBeUndefined();
    }
    const { card, detected } = briefing('Der Umsatz betrug im dritten Quartal 2025 2.310 Mio. €.');
    expect(detected).toHaveLength(1);
    expect(card.disputed).toBe(detected[0]!.anchor);
  });
});
