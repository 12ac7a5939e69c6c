/**
 * A free table's numbers as the table reads them: a number cell (unquoted, `{ value, decimals }`, or text that is a
 * number in English's or the canvas language's notation) and the figure it is. model/tables.ts prints a cell by it, and
 * validate/ checks what a column's decimals make of it (rounded-cell) by the same reading.
 */
import { decimalsOf, formatNumber, numberAsWritten, POINT_OR_THOUSANDS } from './numbers.ts';
import { localFigures } from './local-figures.ts';
import { escapeRegExp } from '../words.ts';

/** A number alone, as a table cell may hold it in quotes: -3.0, 1,234.50, +12 (not 12% or 2024-25). */
export const PLAIN_NUMBER = /^[+\u2212-]?\d{1,3}(,\d{3})*(\.\d+)?$|^[+\u2212-]?\d+(\.\d+)?$/;

/** A free table's cell that is a number: as written (trimmed), its size (no sign), the digits after its decimal mark, and how the table reads it. */
export interface CellNumber {
  text: string;
  value: number;
  decimals: number;
  /** Written in the language's own notation ("0,052", "1.234,5" in German): ownNotation. */
  own: boolean;
  /** Text such as 1.200 in a language that groups with a point: 1200 or 1.2 to its writer, so it prints as typed, whatever the column's decimals. */
  asTyped: boolean;
}

/** The number a free table's cell is, as the table reads it; undefined for text and a metric's cell. */
export function cellNumber(cell: unknown, language: string | undefined): CellNumber | undefined {
  if (typeof cell === 'number' || (cell !== null && typeof cell === 'object' && 'value' in cell && 'decimals' in cell && !('metric' in cell))) {
    const n = cell as number | { value: number; decimals: number };
    return { text: numberAsWritten(n), value: Math.abs(typeof n === 'number' ? n : n.value), decimals: typeof n === 'number' ? decimalsOf(n) : n.decimals, own: false, asTyped: false };
  }
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  const own = ownNotation(text, language);
  if (own) return { text, ...own, own: true, asTyped: false };
  if (!PLAIN_NUMBER.test(text)) return undefined;
  const digits = text.replace(/^[+\u2212-]/, '');
  const asTyped = (localFigures(language)?.decimal ?? '.') !== '.' && POINT_OR_THOUSANDS.test(text);
  return { text, value: Number(digits.replace(/,/g, '')), decimals: digits.split('.')[1]?.length ?? 0, own: false, asTyped };
}

/**
 * A number in a cell as `language` writes it (not as English does): "1234,5" or "1.234,5" in German, "1 234,5" in
 * French, "0,052", "1,234" (one point two three four, as the table prints it without decimals), with the value and
 * decimals it reads as; undefined in English, and for text with no comma that English reads as a number ("12.5",
 * "1234"; "1.200", 1200 or 1.2 to a German writer, which prints as typed), or with commas the language cannot read
 * ("1,234.5", "12,345,678": English's grouping).
 */
function ownNotation(text: string, language: string | undefined): { value: number; decimals: number } | undefined {
  const local = localFigures(language);
  // A comma where the language writes a decimal comma is its decimal mark: "1,234" is 1.234 to a German writer, not the
  // English grouping of 1234 (a column's decimals printed it "1.234,0"), as "0,052" is 0.052.
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
