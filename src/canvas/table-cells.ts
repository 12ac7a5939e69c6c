/**
 * A free table's cells (content items `table:`) with what their column says of them: the decimals it prints numbers
 * with and how its numbers in quotes are typed (ColumnNotation). The checks walk a canvas's tables by it (references in
 * cells, rounded-cell, ambiguous-point), and model/tables.ts prints each cell by the same column facts.
 */
import type { KeyPath } from './key-path.ts';
import type { CanvasInput, Table } from '../validate/schema.ts';
import { chapterEntries } from './blocks.ts';
import { columnNotations, type Cell, type ColumnNotation } from './table-numbers.ts';
import { languageCode } from './local-figures.ts';

/**
 * The languages whose text the typed checks read in words of their own (validate/typed-findings.ts: German, French,
 * Portuguese, Spanish, Italian, Dutch, Japanese, Chinese, Korean).
 */
const OWN_WORDS_LANGUAGES: ReadonlySet<string> = new Set(['de', 'fr', 'pt', 'es', 'it', 'nl', 'ja', 'zh', 'ko']);

/**
 * Whether a free table's cells are read against the register (typed-mismatch reads a row as the English sentence it
 * makes: "Drives was EUR 760 million in FY2025."): in a briefing in English (any region), not in one whose text the
 * checks read in words of its own. The data notes say which, so that they never claim a check that was not made.
 */
export function readsTableCells(language: string | undefined): boolean {
  return !OWN_WORDS_LANGUAGES.has(languageCode(language));
}

/** What a free table's column says of each of its cells. */
export interface TableColumn {
  /** The digits after the decimal point it prints its numbers with (`{ title, decimals }`); undefined: as written. */
  decimals?: number;
  /** How its numbers in quotes are typed (columnNotations); undefined in a language with a decimal point. */
  notation?: ColumnNotation;
  /** Where it is written: …table.columns[ci]. */
  path: KeyPath;
}

/**
 * The columns of `table` (at `path`, its …table key) as its cells read them, in `language`: one for each column written,
 * and one with no decimals for each cell of the longest row past them (a row too long, which check refuses).
 */
export function tableColumns(table: Table, language: string | undefined, path: KeyPath = []): TableColumn[] {
  const notations = columnNotations(table.rows, language);
  const width = table.rows.reduce((most, row) => Math.max(most, row.length), table.columns.length);
  return Array.from({ length: width }, (_, ci) => {
    const col = table.columns[ci];
    return { decimals: typeof col === 'object' ? col.decimals : undefined, notation: notations[ci], path: [...path, 'columns', ci] };
  });
}

/** A column's heading as written: the column itself, or an object column's title ({ title: EBIT, decimals: 0 }); else empty. */
export function columnHeading(column: unknown): string {
  return typeof column === 'string' ? column : column !== null && typeof column === 'object' && typeof (column as { title?: unknown }).title === 'string' ? (column as { title: string }).title : '';
}

/** A cell of a free table, where it is, and its column's facts. */
export interface TableCellAt {
  cell: Cell;
  row: number;
  column: number;
  /** …table.rows[row][column]. */
  path: KeyPath;
  /** Its column (tableColumns). */
  facts: TableColumn;
}

/** Every cell of `table` (at `path`, its …table key), row by row, with its column's facts. */
export function tableCells(table: Table, language: string | undefined, path: KeyPath): TableCellAt[] {
  const columns = tableColumns(table, language, path);
  return table.rows.flatMap((row, r) => row.map((cell, ci) => ({
    cell, row: r, column: ci, path: [...path, 'rows', r, ci], facts: columns[ci]!,
  })));
}

/** Every cell of every free table a canvas's blocks and chapters hold, in print order (tableCells). */
export function freeTableCells(canvas: CanvasInput): TableCellAt[] {
  const language = canvas.briefing?.language;
  return chapterEntries(canvas).flatMap(({ block, path: at }) => block.sections.flatMap((section, s) => section.content.flatMap((item, c) =>
    ('table' in item ? tableCells(item.table, language, [...at, 'sections', s, 'content', c, 'table']) : []))));
}
