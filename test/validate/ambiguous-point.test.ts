/**
 * ambiguous-point: 1.200 unquoted in a canvas whose language writes a decimal comma, which YAML reads as 1.2 and its
 * writer may mean as 1200. Said at the number, with the way to write each; English and a decimal point's languages say nothing.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas, validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';

const NORDWIND = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');
const ROW = '- [Net income, { metric: net_income_fy25 }, Impairment of an offshore project]';

/** The ambiguous-point findings of nordwind.yaml in `language`, with `rows` for its free table's row and its revenue's value `value`. */
function findings(language: string | undefined, rows: string, value = '1234.5', columns = '[Item, Amount, Note]'): string[] {
  expect(NORDWIND).toContain(ROW);
  const yaml = NORDWIND.replace(ROW, rows).replace('value: 1234.5', `value: ${value}`).replace('columns: [Item, Amount, Note]', `columns: ${columns}`)
    .replace(/^(\s+)currency: EUR$/m, language === undefined ? '$&' : `$1currency: EUR\n$1language: ${language}`);
  return validateWithWarnings(parseCanvas(yaml, 'nordwind.yaml')).findings
    .filter((f) => f.rule === 'ambiguous-point').map((f) => `${f.file}:${f.line}:${f.column} ${f.path}: ${f.message}`);
}

const TABLE = 'blocks.cost_structure.sections[0].content[0].table';

describe('a number that reads as a decimal point and as thousands', () => {
  it('is reported in a table row of a German canvas, which prints it as YAML reads it, as a metric\'s value', () => {
    expect(findings('de', '- [2024, 1.200, "1.200"]\n                - [x, -3.750, 1.234]')).toEqual([
      `nordwind.yaml:97:26 ${TABLE}.rows[0][1]: 1.200 in a German canvas: YAML reads it as 1.2 (a decimal point), but a German writer may mean 1200 (a point between thousands); the briefing prints it "1,200", which a German reader takes for 1.2. For 1200 write 1200; if 1.2 is right, write { value: 1.2, decimals: 3 } to say so`,
      `nordwind.yaml:98:23 ${TABLE}.rows[1][1]: -3.750 in a German canvas: YAML reads it as -3.75 (a decimal point), but a German writer may mean -3750 (a point between thousands); the briefing prints it "\u22123,750", which a German reader takes for -3.75. For -3750 write -3750; if -3.75 is right, write { value: -3.75, decimals: 3 } to say so`,
      `nordwind.yaml:98:31 ${TABLE}.rows[1][2]: 1.234 in a German canvas: YAML reads it as 1.234 (a decimal point), but a German writer may mean 1234 (a point between thousands); the briefing prints it "1,234", which a German reader takes for 1.234. For 1234 write 1234; if 1.234 is right, write { value: 1.234, decimals: 3 } to say so`,
    ]);
    // docs/canvas.md shows this message as the rule's example.
    expect(readFileSync('docs/canvas.md', 'utf8')).toContain(`\`${findings('de', '- [2024, 1.200, x]')[0]!.split(': ').slice(1).join(': ')}\``);
    expect(findings('es', '- [2024, 12.500, x]')).toEqual([expect.stringContaining('rows[0][1]: 12.500 in a Spanish canvas: YAML reads it as 12.5')]);
  });

  it('says what the table prints under a column\'s decimals: 1.234 as "1,2", not its three decimals', () => {
    const columns = '[Item, { title: Amount, decimals: 1 }, { title: Note, decimals: 0 }]';
    expect(findings('de', '- [x, 1.234, -3.750]', '1234.5', columns)).toEqual([
      `nordwind.yaml:97:23 ${TABLE}.rows[0][1]: 1.234 in a German canvas: YAML reads it as 1.234 (a decimal point), but a German writer may mean 1234 (a point between thousands); the briefing prints it "1,2" (its column's decimals: 1), which a German reader takes for 1.2. For 1234 write 1234; if 1.234 is right, write { value: 1.234, decimals: 3 } to say so`,
      `nordwind.yaml:97:30 ${TABLE}.rows[0][2]: -3.750 in a German canvas: YAML reads it as -3.75 (a decimal point), but a German writer may mean -3750 (a point between thousands); the briefing prints it "\u22124" (its column's decimals: 0), which a German reader takes for -4. For -3750 write -3750; if -3.75 is right, write { value: -3.75, decimals: 3 } to say so`,
    ]);
    // As the table prints them.
    const yaml = NORDWIND.replace(ROW, '- [x, 1.234, -3.750]').replace('columns: [Item, Amount, Note]', `columns: ${columns}`).replace(/^(\s+)currency: EUR$/m, '$1currency: EUR\n$1language: de');
    const model = buildModel(validateCanvas(parseCanvas(yaml, 'nordwind.yaml')), { name: 'nordwind', setKey: 'full' });
    const table = model.chapters.flatMap((c) => c.sections.flatMap((s) => s.items)).flatMap((i) => (i.kind === 'table' && i.table.columns[0]?.label === 'Item' ? [i.table] : []))[0]!;
    expect(table.rows[0]!.map((c) => c.text.map((p) => p.text).join(''))).toEqual(['x', '1,2', '\u22124']);
  });

  it('says the figure a reader takes from what a column\'s decimals round up to a thousand: 999.500 as "1.000", 1000 (not NaN)', () => {
    const columns = '[Item, { title: Amount, decimals: 0 }, { title: Note, decimals: 1 }]';
    expect(findings('de', '- [Alpha, 999.500, 999.960]', '1234.5', columns)).toEqual([
      `nordwind.yaml:97:27 ${TABLE}.rows[0][1]: 999.500 in a German canvas: YAML reads it as 999.5 (a decimal point), but a German writer may mean 999500 (a point between thousands); the briefing prints it "1.000" (its column's decimals: 0), which a German reader takes for 1000. For 999500 write 999500; if 999.5 is right, write { value: 999.5, decimals: 3 } to say so`,
      `nordwind.yaml:97:36 ${TABLE}.rows[0][2]: 999.960 in a German canvas: YAML reads it as 999.96 (a decimal point), but a German writer may mean 999960 (a point between thousands); the briefing prints it "1.000,0" (its column's decimals: 1), which a German reader takes for 1000. For 999960 write 999960; if 999.96 is right, write { value: 999.96, decimals: 3 } to say so`,
    ]);
    expect(findings('fr', '- [Alpha, -999.500, 999.960]', '1234.5', columns).map((f) => f.split('; the briefing ')[1])).toEqual([
      'prints it "\u22121\u00a0000" (its column\'s decimals: 0), which a French reader takes for -1000. For -999500 write -999500; if -999.5 is right, write { value: -999.5, decimals: 3 } to say so',
      'prints it "1\u00a0000,0" (its column\'s decimals: 1), which a French reader takes for 1000. For 999960 write 999960; if 999.96 is right, write { value: 999.96, decimals: 3 } to say so',
    ]);
  });

  it('is reported at a metric\'s value, which prints in the language\'s notation, unless the canvas sets its decimals', () => {
    expect(findings('de', ROW, '1.200')).toEqual([
      'nordwind.yaml:19:12 metrics.revenue_fy25.value: 1.200 in a German canvas: YAML reads it as 1.2 (a decimal point), but a German writer may mean 1200 (a point between thousands); the briefing prints it "1,200", which a German reader takes for 1.2. For 1200 write 1200; if 1.2 is right, add decimals: 3 beside it to say so',
    ]);
    expect(findings('de', ROW, '1.200\n    decimals: 3')).toEqual([]);
  });

  it('is not reported where it reads one way: in quotes, as { value, decimals }, other digits, English or a decimal point\'s language', () => {
    expect(findings('de', '- [2024, "1.200", { value: 1.2, decimals: 3 }]\n                - [1200, 0.200, 1234.500]\n                - [1.20, 12.5, 1.2000]')).toEqual([]);
    for (const language of [undefined, 'en-GB', 'de-CH', 'ja']) expect(findings(language, '- [2024, 1.200, -3.750]', '1.200'), language).toEqual([]);
  });
});
