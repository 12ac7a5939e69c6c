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

/** nordwind.yaml in `language`, with `rows` for its free table's row, that table's `columns` and its revenue's value `value`. */
function nordwind(language: string | undefined, rows: string, value = '1234.5', columns = '[Item, Amount, Note]'): string {
  expect(NORDWIND).toContain(ROW);
  return NORDWIND.replace(ROW, rows).replace('value: 1234.5', `value: ${value}`).replace('columns: [Item, Amount, Note]', `columns: ${columns}`)
    .replace(/^(\s+)currency: EUR$/m, language === undefined ? '$&' : `$1currency: EUR\n$1language: ${language}`);
}

/** The ambiguous-point findings of nordwind.yaml (see nordwind()). */
function findings(language: string | undefined, rows: string, value = '1234.5', columns = '[Item, Amount, Note]'): string[] {
  return validateWithWarnings(parseCanvas(nordwind(language, rows, value, columns), 'nordwind.yaml')).findings
    .filter((f) => f.rule === 'ambiguous-point').map((f) => `${f.file}:${f.line}:${f.column} ${f.path}: ${f.message}`);
}

/** Each row of nordwind.yaml's free table as the briefing prints it, its cells joined by " | " (see nordwind()). */
function printed(language: string | undefined, rows: string, columns: string): string[] {
  const model = buildModel(validateCanvas(parseCanvas(nordwind(language, rows, '1234.5', columns), 'nordwind.yaml')), { name: 'nordwind', setKey: 'full' });
  const table = model.chapters.flatMap((c) => c.sections.flatMap((s) => s.items)).flatMap((i) => (i.kind === 'table' && i.table.columns[0]?.label === 'Item' ? [i.table] : []))[0]!;
  return table.rows.map((r) => r.map((c) => c.text.map((p) => p.text).join('')).join(' | '));
}

const TABLE = 'blocks.cost_structure.sections[0].content[0].table';

/** Every finding check says at nordwind.yaml's free table (see nordwind()), as "rule rows[r][c]: message". */
function said(language: string | undefined, rows: string, columns: string): string[] {
  return validateWithWarnings(parseCanvas(nordwind(language, rows, '1234.5', columns), 'nordwind.yaml')).findings
    .filter((f) => f.path.startsWith(`${TABLE}.`)).map((f) => `${f.rule} ${f.path.slice(TABLE.length + 1)}: ${f.message}`);
}

/** Rows of nordwind.yaml's free table, as block sequence items. */
function rowsOf(...rows: string[]): string {
  return rows.map((r) => `- [${r}]`).join('\n                ');
}

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
    expect(printed('de', '- [x, 1.234, -3.750]', columns)).toEqual(['x | 1,2 | \u22124']);
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

describe('a "1,234" in quotes in a language with a decimal comma: its 1.234, or English\'s 1234, as its column is typed', () => {
  // The review's table: one column pasted from an English source ("1,234.5"), one whose numbers say nothing of it.
  const REVIEW = '[Item, { title: Wert, decimals: 1 }, Roh, { title: Ganz, decimals: 0 }]';
  const ROWS = rowsOf('Alpha, "1,234.5", "1,234.5", "12,500"', 'Beta, "12,345", "12,345", "1,234"');
  const neither = (text: string, comma: string, thousands: string, name: string, decimals: number, zero75: string) =>
    `"${text}" in a ${name} canvas: a ${name} writer means ${comma} (a decimal comma), but pasted from an English source it is ${thousands} (a comma between thousands), and its column does not say which (no other number in it typed in quotes reads only one way, as "1,234.5" or "${zero75}" does); the briefing prints it as typed, "${text.replace('-', '\u2212')}" (not with its column's decimals: ${decimals}), which a ${name} reader takes for ${comma}. For ${thousands} write ${thousands} (unquoted); if ${comma} is right, write { value: ${comma}, decimals: 3 } to say so`;

  it('reads it as English\'s grouping in a column with "1,234.5", and prints it as typed and reports it where its column says nothing: German', () => {
    // Never "12,3" beside "1.234,5" in one column (12345 read as 12.345), nor "13" and "1" for 12500 and 1234; nor, without
    // decimals, "12,345" as typed, which a German reader takes for 12.345: "12.345" (English's "1,234.5" stays as typed).
    expect(printed('de', ROWS, REVIEW)).toEqual(['Alpha | 1.234,5 | 1,234.5 | 12,500', 'Beta | 12.345,0 | 12.345 | 1,234']);
    expect(said('de', ROWS, REVIEW)).toEqual([
      `ambiguous-point rows[0][3]: ${neither('12,500', '12.5', '12500', 'German', 0, '0,75')}`,
      `ambiguous-point rows[1][3]: ${neither('1,234', '1.234', '1234', 'German', 0, '0,75')}`,
    ]);
  });

  it('does so in French, which groups with a space', () => {
    expect(printed('fr', ROWS, REVIEW)).toEqual(['Alpha | 1\u00a0234,5 | 1,234.5 | 12,500', 'Beta | 12\u00a0345,0 | 12\u00a0345 | 1,234']);
    expect(said('fr', ROWS, REVIEW)).toEqual([
      `ambiguous-point rows[0][3]: ${neither('12,500', '12.5', '12500', 'French', 0, '0,75')}`,
      `ambiguous-point rows[1][3]: ${neither('1,234', '1.234', '1234', 'French', 0, '0,75')}`,
    ]);
  });

  it('takes as its column\'s notation what other numbers in quotes there can only be read as', () => {
    const columns = '[Item, { title: D1, decimals: 1 }, { title: D0, decimals: 0 }, Plain]';
    const after = (language: string, evidence: string) => {
      const rows = rowsOf(`a, ${evidence}, ${evidence}, ${evidence}`, 'b, "1,234", "1,500", "-12,500"');
      return { printed: printed(language, rows, columns)[1], said: said(language, rows, columns).filter((f) => f.includes(' rows[1]')) }; // row b's
    };
    // English's: two groups, a decimal point, both: 1234, 1500, 12500 (in the language's notation where the column gives no
    // decimals too: "12,500" as typed reads as 12.5 to its reader).
    for (const language of ['de', 'fr']) {
      for (const english of ['"12,345,678"', '"12.5"', '"1,234.50"', '"-0.75"', '"1.2345"']) {
        expect(after(language, english), `${language} ${english}`).toEqual({ printed: `b | ${language === 'de' ? '1.234,0 | 1.500 | \u221212.500' : '1\u00a0234,0 | 1\u00a0500 | \u221212\u00a0500'}`, said: [] });
      }
    }
    // The language's: 1.234, 1.5 (which decimals: 0 prints 2, a third off: rounded-cell reads it so), -12.5.
    const rounded = 'rounded-cell rows[1][2]: 1,500 prints as 2 in this column (decimals: 0), 33% off the figure written: give the column decimals: 3, or round the figure in the canvas; if the rounding is meant, acknowledge the finding';
    for (const own of ['"1.234,5"', '"12,5"', '"0,75"', '"1,2345"', '"1.234.567"']) expect(after('de', own), own).toEqual({ printed: 'b | 1,2 | 2 | \u221212,500', said: [rounded] });
    for (const own of ['"1 234,5"', '"12,5"', '"0,75"', '"1\u00a0234"']) expect(after('fr', own), own).toEqual({ printed: 'b | 1,2 | 2 | \u221212,500', said: [rounded] });
  });

  it('takes no notation from numbers written in YAML\'s, unquoted or { value, decimals }, nor from text that reads two ways or has no mark', () => {
    // A German writes 1234.5 unquoted as anyone must: it says nothing of how "1,234" below it was typed.
    const columns = '[Item, { title: D1, decimals: 1 }, { title: D0, decimals: 0 }, Plain]';
    const rows = rowsOf('a, 1234.5, 1234.5, 1234.5', 'b, { value: 1.5, decimals: 2 }, "1234", 1.50', 'c, "1.200", "12,500", n/a', 'd, "1,234", "1,500", "-3,750"');
    expect(printed('de', rows, columns)).toEqual(['a | 1.234,5 | 1.235 | 1.234,5', 'b | 1,5 | 1.234 | 1,50', 'c | 1.200 | 12,500 | n/a', 'd | 1,234 | 1,500 | \u22123,750']);
    expect(said('de', rows, columns)).toEqual([
      `ambiguous-point rows[2][2]: ${neither('12,500', '12.5', '12500', 'German', 0, '0,75')}`,
      `ambiguous-point rows[3][1]: ${neither('1,234', '1.234', '1234', 'German', 1, '0,75')}`,
      `ambiguous-point rows[3][2]: ${neither('1,500', '1.5', '1500', 'German', 0, '0,75')}`,
      'ambiguous-point rows[3][3]: "-3,750" in a German canvas: a German writer means -3.75 (a decimal comma), but pasted from an English source it is -3750 (a comma between thousands), and its column does not say which (no other number in it typed in quotes reads only one way, as "1,234.5" or "0,75" does); the briefing prints it as typed, "\u22123,750", which a German reader takes for -3.75. For -3750 write -3750 (unquoted); if -3.75 is right, write { value: -3.75, decimals: 3 } to say so',
    ]);
  });

  it('reads a "1.200" in quotes as its column is typed too: the language\'s 1200, English\'s 1.2, or as typed', () => {
    // German evidence: 1200, as typed ("1.200,0" with decimals). English evidence: 1.2, "1,200" to a German reader (never
    // "1.200", which reads as 1200). No evidence: as typed. French, which groups with a space: as typed, but for English's.
    const columns = '[Item, Deutsch, Englisch, Offen, { title: D1, decimals: 1 }]';
    const rows = rowsOf('a, "1.234,5", "1,234.5", x, "1.234,5"', 'b, "1.200", "1.200", "1.200", "1.200"');
    expect(printed('de', rows, columns)[1]).toBe('b | 1.200 | 1,200 | 1.200 | 1.200,0');
    expect(said('de', rows, columns)).toEqual([]);
    expect(printed('fr', rowsOf('a, "1 234,5", "1,234.5", x, "1 234,5"', 'b, "1.200", "1.200", "1.200", "1.200"'), columns)[1]).toBe('b | 1.200 | 1,200 | 1.200 | 1.200');
  });

  it('prints it as typed and reports it where its column has both notations', () => {
    const columns = '[Item, { title: D1, decimals: 1 }]';
    const rows = rowsOf('a, "1,234.5"', 'b, "12,5"', 'c, "1,234"');
    expect(printed('de', rows, columns)).toEqual(['a | 1.234,5', 'b | 12,5', 'c | 1,234']);
    expect(said('de', rows, columns)).toEqual([
      'ambiguous-point rows[2][1]: "1,234" in a German canvas: a German writer means 1.234 (a decimal comma), but pasted from an English source it is 1234 (a comma between thousands), and its column has both ("1,234.5" in English\'s notation, "12,5" in German\'s); the briefing prints it as typed, "1,234" (not with its column\'s decimals: 1), which a German reader takes for 1.234. For 1234 write 1234 (unquoted); if 1.234 is right, write { value: 1.234, decimals: 3 } to say so',
    ]);
  });

  it('is only a comma with three digits after a number that does not start with 0: "0,052", "1,2345", "12,5" read one way', () => {
    const columns = '[Item, { title: D1, decimals: 1 }, Plain]';
    const rows = rowsOf('a, "1,234.5", "1,234.5"', 'b, "0,052", "0,052"', 'c, "1,2345", "1,2345"', 'd, "12,5", "-12,5"', 'e, "0,500", "0,500"');
    expect(printed('de', rows, columns)).toEqual(['a | 1.234,5 | 1,234.5', 'b | 0,1 | 0,052', 'c | 1,2 | 1,2345', 'd | 12,5 | \u221212,5', 'e | 0,5 | 0,500']);
    expect(said('de', rows, columns).map((f) => f.split(':')[0])).toEqual(['rounded-cell rows[1][1]']); // 0.052 as 0,1
    // English reads a comma as its grouping, as it always has: nothing to ask.
    expect(printed(undefined, rowsOf('a, "1,234", "12,500"'), columns)).toEqual(['a | 1,234.0 | 12,500']);
    expect(said(undefined, rowsOf('a, "1,234", "12,500"'), columns)).toEqual([]);
  });
});
