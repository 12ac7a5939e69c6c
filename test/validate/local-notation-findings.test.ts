/**
 * Findings quote the canvas's figures as the briefing prints them: in a German or French canvas in its notation
 * ("1.318 Mio. €", "+5,0 %"), never the English way ("€1,318 million", which a German reader takes for 1.318 million).
 */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { formatChange, formatQuantity } from '../../src/canvas/format.ts';

const head = (language: string) => `company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: Q3 2025, as_of: 2025-11-20, currency: EUR, language: ${language} }\n`;

/** Umsatz (revenue): Q3 2024 €1,257 million, Q3 2025 `value` (€ billion, +5.0% ggü. Vorjahr); `text` a paragraph, `more` after the blocks. */
const canvas = (language: string, text: string, value = '1.32', more = '') =>
  `${head(language)}metrics:\n  umsatz:\n    label: Umsatz\n    unit: EUR\n    period_type: quarter\n    source: Bericht\n    values:\n` +
  `      - { value: 1257, scale: million, period: Q3 2024, period_end: 2024-09-30 }\n` +
  `      - { value: ${value}, period: Q3 2025, period_end: 2025-09-30, change: { percent: 5.0, decimals: 1, basis: ggü. Vorjahr } }\n` +
  `blocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: '${text.replaceAll("'", "''")}'\n${more}`;

/** A value with its scale, as the canvas above takes it: "1.32" is billions, "1318" millions. */
const scaled = (value: string) => `${value}, scale: ${Number(value) < 100 ? 'billion' : 'million'}`;

const findingsOf = (now: string, before?: string) =>
  validateWithWarnings(parseCanvas(now, 'now.yaml'), before === undefined ? undefined : parseCanvas(before, 'was.yaml')).findings;

const messages = (now: string, rule: string, before?: string) => findingsOf(now, before).filter((f) => f.rule === rule).map((f) => f.message);

/** The briefing's own print of a figure (canvas/format.ts, which model/ prints every figure with). */
const printed = (value: number, scale: 'million' | 'billion', language: string) => formatQuantity({ value, unit: 'EUR', scale }, language);

describe('findings in a German canvas quote figures as the briefing prints them', () => {
  it('typed-mismatch: "but umsatz is 1,32 Mrd. €", as the PDF prints it, not "€1.32 billion"', () => {
    const found = messages(canvas('de', 'Im 3. Quartal 2025 betrug der Umsatz 1,23 Mrd. €.').replace('1.32', scaled('1.32')), 'typed-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`but umsatz@2025-09-30 is ${printed(1.32, 'billion', 'de')} (Q3 2025)`);
    expect(printed(1.32, 'billion', 'de')).toBe('1,32\u00a0Mrd.\u00a0€');
    expect(found[0]).not.toMatch(/€1\.32 billion/);
  });

  it('typed-figure of a change: "whose stated change is +5,0 % ggü. Vorjahr", as [[umsatz.change]] prints it', () => {
    const found = messages(canvas('de', 'Der Umsatz stieg im Q3 2025 um 8,0 % auf [[umsatz]].').replace('1.32', scaled('1.32')), 'typed-figure');
    expect(found).toHaveLength(1);
    const change = formatChange({ percent: 5, decimals: 1, basis: 'ggü. Vorjahr' }, 'de');
    expect(change).toBe('+5,0\u00a0% ggü. Vorjahr');
    expect(found[0]).toContain(`whose stated change is ${change}:`);
  });

  it('change-mismatch: the stated change and the figures it is set against, in German notation', () => {
    const yaml = canvas('de', 'Umsatz: [[umsatz]].').replace('1.32', scaled('1.32')).replace('percent: 5.0', 'percent: 12.0');
    const [finding] = findingsOf(yaml).filter((f) => f.rule === 'change-mismatch');
    expect(finding!.message).toContain(`states a change of +12,0\u00a0% YoY, but from umsatz@2024-09-30 (${printed(1257, 'million', 'de')}, Q3 2024) to ${printed(1.32, 'billion', 'de')} the change is +4,6\u00a0% to +5,5\u00a0%`);
    expect(finding!.figure).toBe('+12,0\u00a0% against +5,0\u00a0%');
  });

  it('stale-typed-figure (check --since): "moved from 1,32 Mrd. € to 1.318 Mio. €", never "to €1,318 million"', () => {
    const text = 'Der Konzern meldete 1,32 Mrd. € im Quartal.';
    const found = messages(canvas('de', text, scaled('1318')), 'stale-typed-figure', canvas('de', text, scaled('1.32')));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`moved from ${printed(1.32, 'billion', 'de')} to ${printed(1318, 'million', 'de')} since was.yaml`);
    expect(printed(1318, 'million', 'de')).toBe('1.318\u00a0Mio.\u00a0€');
    expect(found[0]).not.toMatch(/€1,318 million/);
  });

  it('in French too: "9 080 M €", "+5,0 %"', () => {
    const yaml = canvas('fr', 'Au T3 2025, le chiffre d\'affaires s\'élève à 9,18 Md€.', scaled('9080')).replace('label: Umsatz', 'label: Chiffre d\'affaires');
    const [message] = messages(yaml, 'typed-mismatch');
    expect(message).toContain(`but umsatz@2025-09-30 is ${printed(9080, 'million', 'fr')} (Q3 2025)`);
    expect(printed(9080, 'million', 'fr')).toBe('9\u00a0080\u00a0M\u00a0€');
  });

  it('an English canvas quotes them as before', () => {
    const found = messages(canvas('en', 'In Q3 2025 Umsatz was €1.23 billion.').replace('1.32', scaled('1.32')), 'typed-mismatch');
    expect(found).toEqual([expect.stringContaining('but umsatz@2025-09-30 is €1.32 billion (Q3 2025)')]);
  });
});

describe('an acknowledgement written with the figure the English way still acknowledges the finding', () => {
  const ack = (figure: string) => `data_notes:\n  acknowledged:\n    - { rule: typed-mismatch, metrics: [umsatz@2025-09-30], figure: "${figure}", reason: Vorläufige Zahl. }\n`;
  const text = 'Im 3. Quartal 2025 betrug der Umsatz 1,23 Mrd. €.';
  const ruled = (figure: string) => findingsOf(canvas('de', text, scaled('1.32'), ack(figure))).filter((f) => f.rule === 'typed-mismatch' || f.rule === 'unmatched-acknowledgement');

  it('as check quotes the figure now, in German notation, and as it quoted it before, the English way', () => {
    const [finding] = ruled('x').filter((f) => f.rule === 'typed-mismatch');
    expect(finding!.figure).toBe('1,23 Mrd. € against 1,32\u00a0Mrd.\u00a0€');
    for (const figure of ['1,23 Mrd. € against 1,32 Mrd. €', '1,23 Mrd. € against €1.32 billion']) {
      expect(ruled(figure), figure).toEqual([expect.objectContaining({ rule: 'typed-mismatch', acknowledged: 'Vorläufige Zahl.' })]);
    }
    // Another figure is not acknowledged, and the message gives the figure to write, as check quotes it now.
    const other = ruled('1,23 Mrd. € against €1.52 billion');
    expect(other.map((f) => f.rule).sort()).toEqual(['typed-mismatch', 'unmatched-acknowledgement']);
    expect(other.find((f) => f.rule === 'unmatched-acknowledgement')!.message).toContain('figure: "1,23 Mrd. € against 1,32\u00a0Mrd.\u00a0€"');
  });
});

describe('an acknowledgement written with the figure as check quotes it acknowledges the finding, whatever its currency', () => {
  /** Two sales in US$ with euro equivalents of one date at different rates (exchange-rate), acknowledged with `figure`. */
  const rates = (language: string, figure?: string) => `${head(language)}metrics:
  export_sales: { label: Export sales, value: 420, unit: USD, scale: million, period: Q3 2025, period_end: 2025-09-30, equivalent: { value: 362, unit: EUR, scale: million }, source: Bericht }
  asia_sales: { label: Asia sales, value: 188, unit: USD, scale: million, period: Q3 2025, period_end: 2025-09-30, equivalent: { value: 171, unit: EUR, scale: million }, source: Bericht }
blocks:
  revenue_streams:
    sections:
      - title: T
        content:
          - paragraph: '[[export_sales]] und [[asia_sales]].'
${figure === undefined ? '' : `data_notes:\n  acknowledged:\n    - { rule: exchange-rate, metrics: [asia_sales], figure: "${figure}", reason: Kurs des Vertrags. }\n`}`;
  const ruled = (language: string, figure?: string) => findingsOf(rates(language, figure)).filter((f) => f.rule === 'exchange-rate' || f.rule === 'unmatched-acknowledgement');

  for (const [language, quoted] of [['de', '171 Mio. € against 188 Mio. US$'], ['fr', '171 M € against 188 M US$']] as const) {
    it(`${language}: "${quoted}", the US dollars' scale read as the briefing prints it, and the English "€171 million against US$188 million"`, () => {
      const [finding] = ruled(language);
      expect(finding!.figure!.replace(/\s/g, ' ')).toBe(quoted);
      for (const figure of [finding!.figure!, quoted, '€171 million against US$188 million']) {
        expect(ruled(language, figure), figure).toEqual([expect.objectContaining({ rule: 'exchange-rate', acknowledged: 'Kurs des Vertrags.' })]);
      }
      // Another figure (US$188 thousand) is not the finding's.
      expect(ruled(language, quoted.replace(/Mio\.|M(?= US\$)/, language === 'de' ? 'Tsd.' : 'k')).map((f) => f.rule).sort()).toEqual(['exchange-rate', 'unmatched-acknowledgement']);
    });
  }
});
