/**
 * rounded-cell: a free table's number its column's decimals print more than a quarter away from it (0.052 as 0.1),
 * read as the table reads it (English or the canvas language's notation); ordinary rounding (2.4 as 2) says nothing.
 * Acknowledged by its figure alone, as a table's number belongs to no metric.
 */
import { describe, expect, it } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';

/** A canvas with one free table of `columns` and `rows` (YAML flow), in `language`, with `acknowledged` entries. */
function canvas(columns: string, rows: string, { language, acknowledged = [] }: { language?: string; acknowledged?: string[] } = {}): string {
  return [
    'company: { name: Acme, ticker: ACM, exchange: Xetra, country: Germany, sector: Industrials, industry: Machinery }',
    `briefing: { period: Q3 2025, as_of: 2025-10-31, currency: EUR${language ? `, language: ${language}` : ''} }`,
    'metrics:',
    '  revenue: { label: Revenue, value: 1234.5, unit: EUR, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Q3 report }',
    'blocks:',
    '  revenue_streams:',
    '    sections:',
    '      - title: Sales',
    '        content:',
    '          - paragraph: "Revenue [[revenue]]."',
    `          - table: { columns: ${columns}, rows: ${rows} }`,
    ...(acknowledged.length ? ['data_notes:', '  acknowledged:', ...acknowledged.map((a) => `    - ${a}`)] : []),
    '',
  ].join('\n');
}

function check(yaml: string) {
  return validateWithWarnings(parseCanvas(yaml, 't.yaml'));
}

/** The findings of a rule, each as check prints it (acknowledged ones marked). */
function found(yaml: string, rule = 'rounded-cell'): string[] {
  return check(yaml).findings.filter((f) => f.rule === rule).map((f) => `${f.line}:${f.column} ${f.path}: ${f.message}${f.acknowledged ? ` (acknowledged: ${f.acknowledged})` : ''}`);
}

const COLUMNS = '[Item, { title: Margin, decimals: 1 }, { title: Share, decimals: 0 }, { title: EPS, decimals: 0 }]';
const AT = 'blocks.revenue_streams.sections[0].content[1].table.rows';

describe('a table number its column rounds far from itself', () => {
  it('is reported where the figure printed is more than a quarter off the figure written: 0.052 as 0.1, 1.5 as 2, 0.6 as 1', () => {
    expect(found(canvas(COLUMNS, '[[Q3, 0.052, "0.6", "-1.5"]]'))).toEqual([
      `11:143 ${AT}[0][1]: 0.052 prints as 0.1 in this column (decimals: 1), 92% off the figure written: give the column decimals: 3, or round the figure in the canvas; if the rounding is meant, acknowledge the finding`,
      `11:150 ${AT}[0][2]: 0.6 prints as 1 in this column (decimals: 0), 67% off the figure written: give the column decimals: 1, or round the figure in the canvas; if the rounding is meant, acknowledge the finding`,
      `11:157 ${AT}[0][3]: -1.5 prints as \u22122 in this column (decimals: 0), 33% off the figure written: give the column decimals: 1, or round the figure in the canvas; if the rounding is meant, acknowledge the finding`,
    ]);
  });

  it('is not reported for ordinary rounding, zero, a number rounded to zero (an error of its own), or without decimals', () => {
    // 2.4 as 2 (17%), 0.25 as 0.3 (20%), 12.5 as 13 (4%), 1.04 as 1.0, 1.6 as 2 (25%: not more than a quarter).
    expect(found(canvas(COLUMNS, '[[Q3, 0.25, 2.4, 12.5], [Q4, 1.04, 1.6, 0], [Q1, { value: 2.35, decimals: 2 }, "1,234.4", 7]]'))).toEqual([]);
    expect(found(canvas('[Item, Margin]', '[[Q3, 0.052]]'))).toEqual([]);
  });

  it('reads a number typed in the language\'s notation as the table does, and leaves text printed as typed alone', () => {
    const columns = '[Item, { title: Marge, decimals: 0 }, { title: Kurs, decimals: 1 }, { title: Anteil, decimals: 0 }]';
    expect(found(canvas(columns, '[[Q3, "1,5", "1.200", "2,4"], [Q4, 0.6, "0,0520", "12,5"]]', { language: 'de' }))).toEqual([
      `11:144 ${AT}[0][1]: 1,5 prints as 2 in this column (decimals: 0), 33% off the figure written: give the column decimals: 1, or round the figure in the canvas; if the rounding is meant, acknowledge the finding`,
      `11:173 ${AT}[1][1]: 0.6 prints as 1 in this column (decimals: 0), 67% off the figure written: give the column decimals: 1, or round the figure in the canvas; if the rounding is meant, acknowledge the finding`,
      `11:178 ${AT}[1][2]: 0,0520 prints as 0,1 in this column (decimals: 1), 92% off the figure written: give the column decimals: 4, or round the figure in the canvas; if the rounding is meant, acknowledge the finding`,
    ]);
  });

  it('reads "0,052" in a German canvas as 0.052, as the table now prints it (0,1), not as the English grouping of 52', () => {
    expect(found(canvas('[Item, { title: Marge, decimals: 1 }]', '[[Q3, "0,052"]]', { language: 'de' }))).toEqual([
      `11:82 ${AT}[0][1]: 0,052 prints as 0,1 in this column (decimals: 1), 92% off the figure written: give the column decimals: 3, or round the figure in the canvas; if the rounding is meant, acknowledge the finding`,
    ]);
  });

  it('reads a number in quotes in German\'s notation or English\'s as the table prints it, with decimals and without, and its column\'s decimals round it so', () => {
    // What the briefing prints: each cell under a column of decimals: 1, of decimals: 0, and of none.
    const printed = (language: string | undefined, cells: string[]) => {
      const yaml = canvas('[Item, { title: D1, decimals: 1 }, { title: D0, decimals: 0 }, Plain]', `[${cells.map((c) => `[x, ${c}, ${c}, ${c}]`).join(', ')}]`, language ? { language } : {});
      const model = buildModel(check(yaml).canvas, { name: 't', setKey: 'full' });
      const table = model.chapters.flatMap((c) => c.sections.flatMap((s) => s.items)).flatMap((i) => (i.kind === 'table' ? [i.table] : []))[0]!;
      return table.rows.map((r) => r.slice(1).map((c) => c.text.map((p) => p.text).join('')).join(' | '));
    };
    // A column with numbers typed in both notations: its "1,234" and "1,500" print as typed (ambiguous-point.test.ts).
    const cells = ['"1,234"', '"1,500"', '"1.234"', '"1.234,5"', '"12,5"', '"0,75"', '"1,234.5"', '"12,345,678"'];
    expect(printed('de', cells)).toEqual([
      '1,234 | 1,234 | 1,234', // one point two three four, or the English grouping of 1234: as typed
      '1,500 | 1,500 | 1,500',
      '1.234 | 1.234 | 1.234', // 1234 or 1.234 to a German writer: as typed, whatever the column's decimals
      '1.234,5 | 1.235 | 1.234,5',
      '12,5 | 13 | 12,5',
      '0,8 | 1 | 0,75',
      '1.234,5 | 1.235 | 1,234.5', // commas German cannot read: English's grouping
      '12.345.678,0 | 12.345.678 | 12,345,678',
    ]);
    // English reads a comma as its grouping, as it always has.
    expect(printed(undefined, ['"1,234"', '"1,500"'])).toEqual(['1,234.0 | 1,234 | 1,234', '1,500.0 | 1,500 | 1,500']);
    // check reads each as the table prints it: "1,500" in a column typed in German's notation ("1.234,5", "12,5") is
    // 1.5, at decimals: 0 printing 2, a third off; nothing of the rest is rounded far.
    const yaml = canvas('[Item, { title: D1, decimals: 1 }, { title: D0, decimals: 0 }]', '[[x, "1,234", "1,500"], [y, "1.234", "1.234,5"], [z, "12,5", "12,5"]]', { language: 'de' });
    expect(check(yaml).findings.filter((f) => f.rule === 'rounded-cell' || f.rule === 'ambiguous-point').map((f) => `${f.rule} ${f.path}: ${f.message}`)).toEqual([
      `rounded-cell ${AT}[0][2]: 1,500 prints as 2 in this column (decimals: 0), 33% off the figure written: give the column decimals: 3, or round the figure in the canvas; if the rounding is meant, acknowledge the finding`,
    ]);
    expect(found(canvas('[Item, { title: D0, decimals: 0 }]', '[[x, "1,500"]]'))).toEqual([]); // 1500 in English
  });

  it('is acknowledged by its figure, without metrics; another figure, or none, is said', () => {
    const rows = '[[Q3, 0.052, "0.6", 2]]';
    const pinned = canvas(COLUMNS, rows, { acknowledged: ['{ rule: rounded-cell, figure: "0.052 against 0.1", reason: The report rounds it so. }'] });
    expect(found(pinned)).toEqual([
      `11:143 ${AT}[0][1]: 0.052 prints as 0.1 in this column (decimals: 1), 92% off the figure written: give the column decimals: 3, or round the figure in the canvas; if the rounding is meant, acknowledge the finding (acknowledged: The report rounds it so.)`,
      `11:150 ${AT}[0][2]: 0.6 prints as 1 in this column (decimals: 0), 67% off the figure written: give the column decimals: 1, or round the figure in the canvas; if the rounding is meant, acknowledge the finding`,
    ]);
    const { canvas: valid } = check(pinned);
    expect(buildModel(valid, { name: 't', setKey: 'full' }).appendix.notes).toEqual(['A table prints a figure rounded far from the figure written (0.052 against 0.1): The report rounds it so.']);
    // Its figure edited: a new finding, not passed under the old reason.
    const moved = canvas(COLUMNS, '[[Q3, 0.054, 2, 2]]', { acknowledged: ['{ rule: rounded-cell, figure: "0.052 against 0.1", reason: The report rounds it so. }'] });
    expect(found(moved)).toHaveLength(1);
    expect(found(moved, 'unmatched-acknowledgement')).toEqual([
      '14:7 data_notes.acknowledged[0]: acknowledges a rounded-cell finding about "0.052 against 0.1", but the rounded-cell finding for these metrics is about "0.054 against 0.1": a figure changed since it was acknowledged? Check it against the source; if it stands, write its figure here (figure: "0.054 against 0.1"), with the reason for it',
    ]);
    const unpinned = canvas(COLUMNS, rows, { acknowledged: ['{ rule: rounded-cell, reason: Rounded as the report does. }'] });
    expect(found(unpinned, 'unpinned-acknowledgement')).toEqual([
      '14:15 data_notes.acknowledged[0].rule: acknowledges rounded-cell for a table\'s numbers without naming its figure, and accepts 2 findings about different figures ("0.052 against 0.1" and "0.6 against 1") under one reason: check each against the source, and acknowledge each that stands in an entry of its own with its figure (figure: "0.052 against 0.1")',
    ]);
  });

  it('leaves metrics required by an acknowledgement of any other rule', () => {
    const result = (() => {
      try {
        return check(canvas(COLUMNS, '[[Q3, 0.25, 2, 2]]', { acknowledged: ['{ rule: unused-metric, reason: Kept. }'] })).findings.length;
      } catch (e) {
        return String((e as Error).message);
      }
    })();
    expect(result).toContain('data_notes.acknowledged[0].metrics: an acknowledgement names the metrics of the finding');
  });
});
