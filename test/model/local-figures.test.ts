/**
 * Figures printed in briefing.language's notation where it is not English's: decimal comma and grouping as CLDR
 * has them through Intl, the language's short scale word, the currency where the language puts it. English, and
 * the languages that write numbers as it does (en-GB, zh-Hans, ja, ko), print as they always have.
 */
import { describe, expect, it } from 'vitest';
import { formatChange, formatMetricValue, formatQuantity, inParentheses, unitLabel } from '../../src/model/format.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { nordwindCanvas } from '../support/fixtures.ts';

/** Spaces made visible: "_" a no-break space. */
const shown = (text: string | undefined) => text?.replace(/\u00a0/g, '_');

describe('figures in a language of another notation', () => {
  it('take its decimal mark, grouping, scale word and currency place', () => {
    const revenue = { value: 8230, unit: 'EUR', scale: 'million' } as const;
    const q = (language: string, quantity: Parameters<typeof formatQuantity>[0] = revenue) => shown(formatQuantity(quantity, language));
    expect(q('de')).toBe('8.230_Mio._€');
    expect(q('de', { value: 9.08, unit: 'EUR', scale: 'billion' })).toBe('9,08_Mrd._€');
    expect(q('de', { value: 500, unit: 'EUR', scale: 'thousand' })).toBe('500_Tsd._€');
    expect(q('de', { value: 39.8, unit: 'CNY', scale: 'billion' })).toBe('39,8_Mrd._RMB');
    expect(q('de', { value: -42.7, unit: 'EUR', scale: 'million' })).toBe('\u221242,7_Mio._€');
    expect(q('de', { value: 12.5, unit: 'percent' })).toBe('12,5_%');
    expect(q('de', { value: 3.4, unit: 'GW', qualifier: 'approx' })).toBe('approx. 3,4_GW');
    // Per mille and per ten thousand close up to the number, as in English.
    expect(q('de', { value: 3.2, unit: '\u2030' })).toBe('3,2\u2030');
    expect(q('de', { value: -1.5, unit: '\u2031' })).toBe('\u22121,5\u2031');
    // French groups with a (narrow, in CLDR) no-break space: printed as a no-break one, which the briefing's face has.
    expect(q('fr')).toBe('8_230_M_€');
    expect(q('fr', { value: 9.08, unit: 'EUR', scale: 'billion' })).toBe('9,08_Md_€');
    expect(q('fr', { value: 12.5, unit: 'percent' })).toBe('12,5_%');
    expect(formatQuantity(revenue, 'fr')).not.toContain('\u202f');
    expect(q('nl')).toBe('€_8.230_mln.');
    expect(q('pt-BR', { value: 34.2, unit: 'BRL', scale: 'billion' })).toBe('R$_34,2_bi');
    expect(q('it', { value: 8.23, unit: 'EUR', scale: 'billion' })).toBe('8,23_Mld_€');
    expect(q('es', { value: 3.5, unit: 'EUR', scale: 'billion' })).toBe('3,5_mil_M_€');
    expect(q('de-CH', { value: 8230.5, unit: 'CHF', scale: 'million' })).toMatch(/^CHF_8['’]230\.5_Mio\.$/);
    expect(shown(formatMetricValue({ label: 'R', period: 'Q3', value: 8230, unit: 'EUR', scale: 'million', equivalent: { value: 9.5, unit: 'USD', scale: 'billion' } }, 'de')))
      .toBe('8.230_Mio._€ (9,5_Mrd._US$)');
  });

  it('write a change and an axis title so too', () => {
    expect(shown(formatChange({ percent: 7.2 }, 'de'))).toBe('+7,2_% YoY');
    expect(shown(formatChange({ percent: -12.25 }, 'fr'))).toBe('\u221212,25_% YoY');
    expect(shown(formatChange({ points: 1.5, basis: 'ggü. Vorjahr' }, 'de'))).toBe('+1,5_pp ggü. Vorjahr');
    expect(shown(unitLabel('EUR', 'million', 'de'))).toBe('Mio._€');
    expect(shown(unitLabel('EUR', 'million', 'nl'))).toBe('€_mln.');
  });

  it('put negatives in brackets as written: "(42,7 Mio. €)"', () => {
    const model = { value: formatQuantity({ value: -1234.5, unit: 'EUR', scale: 'million' }, 'de'), change: formatChange({ percent: -7.2 }, 'de') };
    expect(shown(inParentheses(model, 'de').value)).toBe('(1.234,5_Mio._€)');
    expect(shown(inParentheses(model, 'de').change)).toBe('(7,2_%) YoY');
    expect(shown(inParentheses({ v: formatQuantity({ value: -42.7, unit: 'EUR', scale: 'million' }, 'nl') }, 'nl').v)).toBe('(€_42,7_mln.)');
    expect(shown(inParentheses({ v: formatQuantity({ value: -9.08, unit: 'EUR', scale: 'billion' }, 'fr') }, 'fr').v)).toBe('(9,08_Md_€)');
  });

  it('leave English and the languages that write numbers as it does as they were', () => {
    for (const language of [undefined, 'en', 'en-GB', 'en-IN', 'zh-Hans', 'ja', 'ko']) {
      expect(formatQuantity({ value: 8230, unit: 'EUR', scale: 'million' }, language), language).toBe('€8,230 million');
      expect(formatChange({ percent: 7.2 }, language), language).toBe('+7.2% YoY');
      expect(unitLabel('CNY', 'billion', language), language).toBe('RMB billion');
    }
  });
});

describe('a German briefing model', () => {
  const german = () => {
    const canvas = nordwindCanvas();
    canvas.briefing = { ...canvas.briefing, language: 'de' };
    return canvas;
  };

  it('prints its prose references, key figures, tables, register and chart labels in German notation', () => {
    const model = buildModel(german(), { name: 'nordwind', setKey: 'full' });
    const paragraphs = model.chapters.flatMap((c) => c.sections.flatMap((s) => s.items)).flatMap((i) => (i.kind === 'paragraph' ? [i.text.map((p) => p.text).join('')] : []));
    expect(paragraphs.map(shown)).toContain('Revenue reached 1.234,5_Mio._€ (+8,2_% YoY), while the net result was \u221242,7_Mio._€.');
    expect(model.keyFigures.map((k) => shown(`${k.value} ${k.change ?? ''}`.trim()))).toEqual(expect.arrayContaining(['1.234,5_Mio._€ +8,2_% YoY', 'approx. 3,4_GW', '\u221242,7_Mio._€ \u2212140_% YoY']));
    const tables = model.chapters.flatMap((c) => c.sections.flatMap((s) => s.items)).flatMap((i) => (i.kind === 'table' ? [i.table] : []));
    const cells = tables.flatMap((t) => t.rows.flatMap((r) => r.map((c) => c.text.map((p) => p.text).join(''))));
    expect(cells.map(shown)).toEqual(expect.arrayContaining(['approx. 3,4_GW', '812_turbines', '\u221242,7_Mio._€']));
    const register = model.appendix.register.rows.flatMap((r) => r.map((c) => c.text.map((p) => p.text).join('')));
    expect(register.map(shown)).toEqual(expect.arrayContaining(['1.020,25_Mio._€', '1.141_Mio._€']));
    const chart = model.charts[0]!;
    expect(shown(chart.valueTitle)).toBe('Mio._€');
    expect(chart.rows.map((r) => shown(r.label))).toEqual(['1.020,25_Mio._€', '1.141_Mio._€', '1.234,5_Mio._€']);
    expect(chart.numbers).toEqual({ decimal: ',', group: '.' });
  });

  it('brackets its negatives as a theme asks', () => {
    const model = buildModel(german(), { name: 'nordwind', setKey: 'full', negatives: 'parentheses' });
    expect(model.keyFigures.map((k) => shown(k.value))).toContain('(42,7_Mio._€)');
  });

  it('is the English model it always was for a canvas in English', () => {
    const model = buildModel(nordwindCanvas(), { name: 'nordwind', setKey: 'full' });
    expect(model.keyFigures.map((k) => k.value)).toContain('€1,234.5 million');
    expect(model.charts[0]).not.toHaveProperty('numbers');
  });
});
