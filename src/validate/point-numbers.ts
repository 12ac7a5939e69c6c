/**
 * ambiguous-point: a number written 1.200, 12.500 or -3.750 (canvas/numbers.ts POINT_OR_THOUSANDS), unquoted, in a canvas
 * whose briefing.language writes a decimal comma (German, French, Spanish, Italian, Portuguese, Dutch...). YAML reads
 * a decimal point, 1.2; a writer of such a language may mean 1200, with a point between thousands. A table's number and
 * a metric's value print as YAML reads them, in the language's notation, "1,200" (a table's with its column's decimals,
 * "1,2" at decimals: 1, as the message says), which its reader takes for 1.2: a thousand times off if the writer meant 1200. Said at the number, with the way to write each. Not acknowledged: writing it so that it reads one way is the fix.
 *
 * So too a free table's "1,234", "12,500" or "-3,750" in quotes (canvas/table-numbers.ts COMMA_OR_THOUSANDS) whose
 * column does not say how it was typed (ColumnNotation: no other number in quotes there reads only one way, or some
 * read only English's way and some only the language's): 12.5 to a writer of the language, 12500 pasted from an English
 * source. The table prints it as typed, "12,500", which its reader takes for 12.5.
 */
import { valueAt, type KeyPath } from '../canvas/key-path.ts';
import type { CanvasInput } from './schema.ts';
import type { Finding } from './findings.ts';
import { languageName, localFigures, type LocalFigures } from '../canvas/local-figures.ts';
import { POINT_OR_THOUSANDS, roundedTo } from '../canvas/numbers.ts';
import { freeTableCells, type TableCellAt } from '../canvas/table-cells.ts';
import { cellNumber, COMMA_OR_THOUSANDS, type ColumnNotation } from '../canvas/table-numbers.ts';
import { MINUS } from '../canvas/format.ts';

/**
 * A finding at each number of `paths` (LoadedCanvas.pointNumbers), and at each free table's "1,234" its column does not
 * read, where the canvas's language writes a decimal comma.
 */
export function pointNumberFindings(paths: readonly KeyPath[], canvas: CanvasInput): Finding[] {
  const language = canvas.briefing?.language;
  const local = localFigures(language);
  if (!local || local.decimal === '.') return [];
  const name = languageName(language!) ?? language!;
  const cells = freeTableCells(canvas);
  // Each free-table cell's column, by its key path: a table's number among `paths` prints with its column's decimals.
  const columns = new Map(cells.map((c) => [JSON.stringify(c.path), c.facts]));
  const points = paths.flatMap((path): Finding[] => {
    const at = valueAt(canvas, path);
    // A table's number written with its trailing zeros is { value, decimals } (load/), 1.200 as { value: 1.2, decimals: 3 }.
    const found = at !== null && typeof at === 'object' && 'value' in at ? (at as { value: unknown }).value : at;
    const inMetric = path[0] === 'metrics';
    const written = typeof found === 'string' ? found.trim() : undefined;
    const value = typeof found === 'number' ? found : written === undefined ? undefined : Number(written.replace(/^\u2212/, '-'));
    if (value === undefined || !Number.isFinite(value)) return [];
    const typed = written ?? value.toFixed(3);
    if (!POINT_OR_THOUSANDS.test(typed)) return [];
    const sign = value < 0 ? '-' : '';
    const thousands = `${sign}${typed.replace(/^[+\u2212-]/, '').replace('.', '')}`.replace(/^(-?)0+(?=\d)/, '$1');
    const point = `${sign}${Math.abs(value)}`;
    // As the briefing prints it: with its three decimals, or a table column's own (1.234 as "1,2" under decimals: 1).
    const decimals = inMetric ? undefined : columns.get(JSON.stringify(path))?.decimals;
    const printed = `${value < 0 ? '\u2212' : ''}${local.number(value, decimals ?? 3)}`;
    const taken = decimals === undefined ? point : String(roundedTo(value, decimals)); // 999.5 at decimals: 0 prints "1.000": 1000
    const column = decimals === undefined ? '' : ` (its column's decimals: ${decimals})`;
    const reads = `${typed} in a${/^[AEIOU]/.test(name) ? 'n' : ''} ${name} canvas: YAML reads it as ${point} (a decimal point), but a ${name} writer may mean ${thousands} (a point between thousands)`;
    const message = `${reads}; the briefing prints it "${printed}"${column}, which a ${name} reader takes for ${taken}. For ${thousands} write ${thousands}; if ${point} is right, ${inMetric ? 'add decimals: 3 beside it' : `write { value: ${point}, decimals: 3 }`} to say so`;
    return [{ path, rule: 'ambiguous-point', metrics: inMetric && typeof path[1] === 'string' ? [path[1]] : [], message }];
  });
  return [...points, ...commaFindings(cells, language, local, name)];
}

/** A finding at each free table's "1,234" in quotes that prints as typed: its column gives no one notation (ColumnNotation). */
function commaFindings(cells: TableCellAt[], language: string | undefined, local: LocalFigures, name: string): Finding[] {
  return cells.flatMap(({ cell, path, facts }): Finding[] => {
    const number = typeof cell === 'string' ? cellNumber(cell, language, facts.notation) : undefined;
    if (!number?.asTyped || !COMMA_OR_THOUSANDS.test(number.text)) return [];
    return [{ path, rule: 'ambiguous-point', metrics: [], message: commaMessage(number.text, facts.notation, facts.decimals, local, name) }];
  });
}

/** What a "12,500" reads as each way, what its column says, what the table prints, and how to write each reading. */
function commaMessage(text: string, column: ColumnNotation | undefined, decimals: number | undefined, local: LocalFigures, name: string): string {
  const sign = /^[-\u2212]/.test(text) ? '-' : '';
  const digits = text.replace(/^[+\u2212-]/, '');
  const thousands = `${sign}${digits.replace(',', '')}`;
  const comma = `${sign}${Number(digits.replace(',', '.'))}`;
  const said = column?.english !== undefined && column.own !== undefined
    ? `its column has both ("${column.english}" in English's notation, "${column.own}" in ${name}'s)`
    : `its column does not say which (no other number in it typed in quotes reads only one way, as "1,234.5" or "${local.number(0.75, 2)}" does)`;
  const printed = `${sign === '-' ? MINUS : ''}${digits}`;
  const whatever = decimals === undefined ? '' : ` (not with its column's decimals: ${decimals})`;
  return `"${text}" in a${/^[AEIOU]/.test(name) ? 'n' : ''} ${name} canvas: a ${name} writer means ${comma} (a decimal comma), but pasted from an English source it is ${thousands} (a comma between thousands), and ${said}; `
    + `the briefing prints it as typed, "${printed}"${whatever}, which a ${name} reader takes for ${comma}. For ${thousands} write ${thousands} (unquoted); if ${comma} is right, write { value: ${comma}, decimals: 3 } to say so`;
}
