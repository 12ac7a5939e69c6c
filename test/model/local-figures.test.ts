/**
 * Figures printed in briefing.language's notation where it is not English's: decimal comma and grouping as CLDR
 * has them through Intl, the language's short scale word, the currency where the language puts it. English, and
 * the languages that write numbers as it does (en-GB, zh-Hans, ja, ko), print as they always have.
 */
import { describe, expect, it } from 'vitest';
import { formatChange, formatMetricValue, formatQuantity, inParentheses, unitLabel } from '../../src/model/format.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { NORDWIND, nordwindCanvas } from '../support/fixtures.ts';
import { readFileSync } from 'node:fs';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas } from '../../src/validate/validate-canvas.ts';

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

describe('a free table\'s numbers in a language of another notation', () => {
  /** The cells of nordwind's free table, its row replaced by `rows`, in `language`: "#" after a cell aligned as a figure. */
  const cells = (language: string | undefined, rows: string, columns = '[Item, Amount, Note]') => {
    const yaml = readFileSync(NORDWIND, 'utf8')
      .replace('columns: [Item, Amount, Note]', `columns: ${columns}`)
      .replace('- [Net income, { metric: net_income_fy25 }, Impairment of an offshore project]', rows)
      .replace(/^(\s+)currency: EUR$/m, language === undefined ? '$&' : `$1currency: EUR\n$1language: ${language}`);
    const model = buildModel(validateCanvas(parseCanvas(yaml, 'nordwind.yaml')), { name: 'nordwind', setKey: 'full' });
    const table = model.chapters.flatMap((c) => c.sections.flatMap((s) => s.items)).flatMap((i) => (i.kind === 'table' && i.table.columns[0]?.label === 'Item' ? [i.table] : []))[0]!;
    return table.rows.map((r) => r.map((c) => `${shown(c.text.map((p) => p.text).join(''))}${c.numeric ? '#' : ''}`));
  };
  const rows = [
    '- [Margin, 100.0, 12.50]', // YAML reads 100 and 12.5: the zeros as written, the marks the language's
    '                - [Output, 1234.5, "1234,5"]', // grouped as the language groups, typed in its notation or as a number
    '                - [Staff, 48350, -1.200]', // a whole number grouped; -1.200 as YAML reads it, -1.2 (check asks whether twelve hundred was meant)
    '                - [Year, 2024, "1.200"]', // a year ungrouped; text in quotes as typed: "1.200" is 1200 in German
  ].join('\n');

  it('take its decimal mark and grouping, with the decimals they are written with', () => {
    expect(cells('de', rows)).toEqual([['Margin', '100,0#', '12,50#'], ['Output', '1.234,5#', '1.234,5#'], ['Staff', '48.350#', '\u22121,200#'], ['Year', '2024#', '1.200#']]);
    expect(cells('fr', rows)).toEqual([['Margin', '100,0#', '12,50#'], ['Output', '1_234,5#', '1_234,5#'], ['Staff', '48_350#', '\u22121,200#'], ['Year', '2024#', '1.200#']]);
    // CLDR's Spanish and Italian leave four digits ungrouped; Swiss German writes a decimal point, grouping with apostrophes.
    expect(cells('es', rows)).toEqual([['Margin', '100,0#', '12,50#'], ['Output', '1234,5#', '1234,5#'], ['Staff', '48.350#', '\u22121,200#'], ['Year', '2024#', '1.200#']]);
    expect(cells('pt-BR', rows)[0]).toEqual(['Margin', '100,0#', '12,50#']);
    expect(cells('de-CH', rows)[0]).toEqual(['Margin', '100.0#', '12.50#']);
    expect(cells('de-CH', rows)[2]![1]).toMatch(/^48['’]350#$/);
  });

  it('print as written in English and the languages that write numbers as it does', () => {
    for (const language of [undefined, 'en-GB', 'ja']) {
      expect(cells(language, rows), language).toEqual([['Margin', '100.0#', '12.50#'], ['Output', '1234.5#', '1234,5#'], ['Staff', '48350#', '\u22121.200#'], ['Year', '2024#', '1.200#']]);
    }
  });

  it('print a number written 1.200 unquoted as YAML reads it, as a metric\'s value (check asks whether a German writer meant 1200), and in quotes as typed', () => {
    const row = '- [Units, 1.200, "12.500"]\n                - [Other, 1.234, -3.750]';
    expect(cells('de', row)).toEqual([['Units', '1,200#', '12.500#'], ['Other', '1,234#', '\u22123,750#']]);
    expect(cells('de', row, '[Item, { title: Amount, decimals: 1 }, { title: Note, decimals: 2 }]')).toEqual([['Units', '1,2#', '12.500#'], ['Other', '1,2#', '\u22123,75#']]);
    // Written so that it reads one way: a decimal point the canvas says it means, or twelve hundred.
    expect(cells('de', '- [Units, { value: 1.2, decimals: 3 }, 1200]')).toEqual([['Units', '1,200#', '1200#']]);
    // English, and a language writing a decimal point, print it as written, as they did; its column's decimals apply.
    expect(cells(undefined, row)).toEqual([['Units', '1.200#', '12.500#'], ['Other', '1.234#', '\u22123.750#']]);
    expect(cells(undefined, row, '[Item, { title: Amount, decimals: 1 }, { title: Note, decimals: 2 }]')).toEqual([['Units', '1.2#', '12.50#'], ['Other', '1.2#', '\u22123.75#']]);
    expect(cells('de-CH', row)).toEqual([['Units', '1.200#', '12.500#'], ['Other', '1.234#', '\u22123.750#']]);
  });

  it('follow a column\'s decimals', () => {
    const columns = '[Item, { title: Amount, decimals: 2 }, { title: Note, decimals: 1 }]';
    expect(cells('de', '- [Margin, 100.0, "1234,56"]\n                - [Other, 7, -2.25]', columns)).toEqual([['Margin', '100,00#', '1.234,6#'], ['Other', '7,00#', '\u22122,3#']]);
    expect(cells(undefined, '- [Margin, 100.0, "1,234.56"]\n                - [Other, 7, -2.25]', columns)).toEqual([['Margin', '100.00#', '1,234.6#'], ['Other', '7.00#', '\u22122.3#']]);
  });
});
