/**
 * A free table's numbers as the table reads them: a number cell (unquoted, `{ value, decimals }`, or text that is a
 * number in English's or the canvas language's notation; "1,234" as its column is typed, ColumnNotation) and the figure
 * it is, and whether a cell is a metric's. model/tables.ts prints a cell by it, and validate/ checks what a column's
 * decimals make of it (rounded-cell) by the same reading.
 */
import { decimalsOf, formatNumber, numberAsWritten, POINT_OR_THOUSANDS } from './numbers.ts';
import { localFigures } from './local-figures.ts';
import { escapeRegExp } from '../words.ts';
import type { Table } from '../validate/schema.ts';

/** A cell of a free table, as written: text, a number, `{ value, decimals }`, or a metric's cell (MetricCell). */
export type Cell = Table['rows'][number][number];

/** A cell that shows a part of a metric: `{ metric: id, show? }`. */
export type MetricCell = Extract<Cell, { metric: string }>;

/** Whether a cell is a metric's (`{ metric: id, show? }`), not text or a number. */
export function isMetricCell(cell: unknown): cell is MetricCell {
  return cell !== null && typeof cell === 'object' && 'metric' in cell;
}

/** A number alone, as a table cell may hold it in quotes: -3.0, 1,234.50, +12 (not 12% or 2024-25). */
export const PLAIN_NUMBER = /^[+\u2212-]?\d{1,3}(,\d{3})*(\.\d+)?$|^[+\u2212-]?\d+(\.\d+)?$/;

/**
 * "1,234", "12,500", "-3,750": one comma with exactly three digits after one to three others (a lone 0 is never grouped:
 * "0,052" is not one), and no other mark. In a language whose decimal mark is a comma it reads two ways: that language's
 * 1.234, or English's 1234 (a comma between thousands, as pasted from an English source). ColumnNotation decides.
 */
export const COMMA_OR_THOUSANDS = /^[+\u2212-]?[1-9]\d{0,2},\d{3}$/;

/**
 * How a free table's column has its numbers in quotes typed, where one can be read only one way: in English's notation
 * (`english`: "1,234.5", "12,345,678", "12.5") or the canvas language's (`own`: "1.234,5", "12,5", "0,75", "1 234,5"
 * in French), each the first such cell as written. It decides a "1,234" (COMMA_OR_THOUSANDS) of the column: read as
 * the notation its column is typed in, or, with neither or both, printed as typed (CellNumber.asTyped) and reported
 * (validate/point-numbers.ts). Only text in quotes says how its column was typed: a number unquoted (1234.5) or as
 * `{ value, decimals }` is written in YAML's notation, with a decimal point whatever the writer's own, so it says
 * nothing of how the quoted cells beside it were typed; nor does text that reads two ways ("1,234", "1.200") or has no
 * mark ("1234").
 */
export interface ColumnNotation {
  english?: string;
  own?: string;
}

/** The notation each column of a free table's `rows` is typed in (ColumnNotation), for cellNumber; none in English. */
export function columnNotations(rows: readonly (readonly unknown[])[], language: string | undefined): ColumnNotation[] {
  const notations: ColumnNotation[] = [];
  if (!commaDecimal(language)) return notations;
  for (const row of rows) {
    row.forEach((cell, ci) => {
      const notation = (notations[ci] ??= {});
      const typed = typeof cell === 'string' ? typedIn(cell.trim(), language) : undefined;
      if (typed !== undefined) notation[typed] ??= cell as string;
    });
  }
  return notations;
}

/** The notation text in quotes can only have been typed in, if one: the language's ("12,5"), or English's ("1,234.5", "12.5"). */
function typedIn(text: string, language: string | undefined): keyof ColumnNotation | undefined {
  if (COMMA_OR_THOUSANDS.test(text)) return undefined;
  if (ownNotation(text, language)) return 'own';
  return PLAIN_NUMBER.test(text) && /[.,]/.test(text) && !POINT_OR_THOUSANDS.test(text) ? 'english' : undefined;
}

/** A free table's cell that is a number: as written (trimmed), its size (no sign), the digits after its decimal mark, and how the table reads it. */
export interface CellNumber {
  text: string;
  value: number;
  decimals: number;
  /**
   * Printed in the language's own notation: written in it ("0,052", "1.234,5" in German: ownNotation), or a "12,345" its
   * column reads as English's 12345, which as typed its reader would take for 12.345 ("12.345" in German).
   */
  own: boolean;
  /**
   * Text such as 1.200 in a language that groups with a point (1200 or 1.2 to its writer), or "1,234" in a language
   * with a decimal comma whose column gives no one notation (ColumnNotation: 1.234, or English's 1234): it prints as
   * typed, whatever the column's decimals, and its value is English's reading.
   */
  asTyped: boolean;
}

/**
 * The number a free table's cell is, as the table reads it; undefined for text and a metric's cell. `column`, the
 * notation of the cell's column (columnNotations), reads a "1,234" or a "1.200" in a language with a decimal comma.
 */
export function cellNumber(cell: unknown, language: string | undefined, column?: ColumnNotation): CellNumber | undefined {
  if (typeof cell === 'number' || (cell !== null && typeof cell === 'object' && 'value' in cell && 'decimals' in cell && !isMetricCell(cell))) {
    const n = cell as number | { value: number; decimals: number };
    return { text: numberAsWritten(n), value: Math.abs(typeof n === 'number' ? n : n.value), decimals: typeof n === 'number' ? decimalsOf(n) : n.decimals, own: false, asTyped: false };
  }
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  // A number that reads two ways in a language with a decimal comma, read as its column is typed (oneNotation): a "1,234"
  // is the language's 1.234 or English's 1234; a "1.200" the language's 1200 (where it groups with a point: printed as
  // typed, or with the column's decimals, "1.200,0") or English's 1.2 ("1,200" in German). Where the column says
  // neither, or both, it prints as typed.
  const comma = commaDecimal(language);
  const twoWays = comma && COMMA_OR_THOUSANDS.test(text) ? 'comma' : comma && POINT_OR_THOUSANDS.test(text) ? 'point' : undefined;
  const typed = twoWays === undefined ? undefined : oneNotation(column);
  const own = twoWays === 'comma' && typed !== 'own' ? undefined : ownNotation(text, language);
  if (own) return { text, ...own, own: true, asTyped: false };
  if (!PLAIN_NUMBER.test(text)) return undefined;
  const digits = text.replace(/^[+\u2212-]/, '');
  if (twoWays === 'point' && typed === 'own' && localFigures(language)?.group === '.') return { text, value: Number(digits.replace('.', '')), decimals: 0, own: false, asTyped: false };
  const asTyped = twoWays === 'comma' ? typed === undefined : twoWays === 'point' && typed !== 'english';
  return { text, value: Number(digits.replace(/,/g, '')), decimals: digits.split('.')[1]?.length ?? 0, own: twoWays !== undefined && typed === 'english', asTyped };
}

/** The one notation a column is typed in: undefined where it gives none, or both. */
function oneNotation(column: ColumnNotation | undefined): keyof ColumnNotation | undefined {
  if (column?.english !== undefined && column.own === undefined) return 'english';
  if (column?.own !== undefined && column.english === undefined) return 'own';
  return undefined;
}

/** Whether `language` writes a decimal comma (German, French...): a language without figures of its own writes English's point. */
function commaDecimal(language: string | undefined): boolean {
  return (localFigures(language)?.decimal ?? '.') !== '.';
}

/**
 * A number in a cell as `language` writes it (not as English does): "1234,5" or "1.234,5" in German, "1 234,5" in
 * French, "0,052", "1,234" (one point two three four: cellNumber reads it so only where its column is typed in the
 * language's notation), with the value and decimals it reads as; undefined in English, and for text with no comma that
 * English reads as a number ("12.5", "1234"; "1.200", 1200 or 1.2 to a German writer, which prints as typed), or with
 * commas the language cannot read ("1,234.5", "12,345,678": English's grouping).
 */
function ownNotation(text: string, language: string | undefined): { value: number; decimals: number } | undefined {
  const local = localFigures(language);
  // A comma where the language writes a decimal comma is its decimal mark: "0,052" is 0.052, "1,234" 1.234.
  if (!local || local.decimal === '.' || (PLAIN_NUMBER.test(text) && !text.includes(','))) return undefined;
  // A group written as the language's, or as a plain or narrow space where the language groups with a space.
  const group = /\s/u.test(local.group) ? '[\\s\u202f]' : escapeRegExp(local.group);
  const match = new RegExp(`^[+\u2212-]?(\\d+|\\d{1,3}(?:${group}\\d{3})+)(?:${escapeRegExp(local.decimal)}(\\d+))?$`, 'u').exec(text);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  return { value: Number(`${match[1]!.replace(/\D/g, '')}.${fraction || '0'}`), decimals: fraction.length };
}

/** A number (no sign) with `decimals` digits and thousands separators, in `language`'s notation: as a column with decimals prints it. */
export function formatPlain(value: number, decimals: number, language: string | undefined): string {
  const local = localFigures(language);
  return local ? local.number(value, decimals) : formatNumber(value, decimals);
}
