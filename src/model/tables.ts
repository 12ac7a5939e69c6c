/** Tables of the model: author tables, metric tables, and the appendix's figure register and as-of dates. */
import type { Canvas, Metric, MetricTable, Table, WrittenNumber } from '../validate/schema.ts';
import type { MetricPart } from '../canvas/references.ts';
import { aheadMark, formatDate, MINUS } from './format.ts';
import { formatNumber } from '../canvas/numbers.ts';
import { cellNumber, formatPlain, isMetricCell } from '../canvas/table-numbers.ts';
import { tableColumns } from '../canvas/table-cells.ts';
import { metricPart, richText } from './rich-text.ts';
import { localFigures } from '../canvas/local-figures.ts';
import type { RegisterModel, TableCell, TableModel } from './briefing-model.ts';

const NUMERIC_PARTS: MetricPart[] = ['value', 'amount', 'size', 'equivalent', 'change'];
const COLUMN_LABELS: Record<MetricPart, string> = {
  label: 'Metric', value: 'Value', amount: 'Amount', size: 'Size', equivalent: 'Equivalent', change: 'Change', period: 'Period', as_of: 'As of', source: 'Source', note: 'Note',
};

/** A column a metric table may show: a part of its metrics' (not size: a table shows a loss with its minus). */
export type MetricColumn = NonNullable<MetricTable['columns']>[number];

/** An author's table: text cells (with [[references]]), numbers, and metric cells. */
export function buildTable(table: Table, metrics: Record<string, Metric>, used: Set<string>, language?: string): TableModel {
  const facts = tableColumns(table, language); // a "1,234" reads as its column is typed
  const rows: TableCell[][] = table.rows.map((row) => row.map((cell, ci) => {
    // A bare number prints as written (a year stays 2024, 36.0 stays 36.0: load/ gives a number written with
    // trailing zeros as { value, decimals }, and a number in quotes is a number too), or with the decimals its column
    // asks for (18 as 18.0, so that a column's decimal points line up); a minus is a true minus sign (tableNumber).
    // Figures that need units belong in metrics.
    const { decimals, notation } = facts[ci]!;
    const number = typeof cell === 'string' ? cellNumber(cell, language, notation) : undefined;
    if (typeof cell === 'string' && !number) return { text: richText(cell, metrics, used, language) };
    if (typeof cell !== 'string' && !isMetricCell(cell)) return { text: [{ text: tableNumber(cell, decimals, language), figure: true }], numeric: true };
    if (typeof cell === 'string') {
      const { text, value, own, asTyped } = number!;
      const digits = text.replace(/^[+\u2212-]/, '');
      // 1.200 as text (typed in quotes, or unquoted: load/ keeps it as written) in a language that groups with a point is
      // 1200 to its writer, or 1.2, as "1,234" is 1.234 or English's 1234 where its column does not say which: it prints
      // as typed, whatever the column's decimals (validate/point-numbers.ts asks which).
      const written = asTyped ? digits : decimals !== undefined ? formatPlain(value, decimals, language)
        : own ? localNumber(value, number!.decimals, language) : digits;
      return { text: [{ text: signed(text, written), figure: true }], numeric: true };
    }
    used.add(cell.metric);
    const part = cell.show ?? 'value';
    return { text: [{ text: metricPart(metrics[cell.metric], part, language), figure: NUMERIC_PARTS.includes(part) }], numeric: NUMERIC_PARTS.includes(part) };
  }));
  // A column aligns as figures when most of its cells are figures; every cell then follows its column.
  const columns = table.columns.map((c, i) => ({ label: typeof c === 'string' ? c : c.title, numeric: rows.filter((r) => r[i]?.numeric).length * 2 > rows.length }));
  return withColumns({ title: table.title, columns, rows, note: table.note });
}

/** The longest period a metric table keeps on one line, in characters: "Q3 FY2025/26", "H1 2025", "30 Sep 2025", "Exercice 2024", "September 2025". */
const SHORT_PERIOD = 14;

/** A table with one metric per row and columns filled from the metrics. */
export function buildMetricTable(table: MetricTable, metrics: Record<string, Metric>, used: Set<string>, language?: string): TableModel {
  const ids = table.rows.map((row) => (typeof row === 'string' ? row : row.metric));
  // Default columns leave out what no row has, rather than a column of dashes.
  const parts: MetricPart[] = table.columns ?? (['label', 'value', 'change', 'period'] as MetricPart[])
    .filter((p) => p !== 'change' || ids.some((id) => metrics[id].change));
  // With its own equivalent column, the value column shows the amount alone rather than repeat it.
  const shown = parts.includes('equivalent') ? parts.map((p) => (p === 'value' ? 'amount' : p)) : parts;
  // A forecast's or target's row says what it is after its period, or, without a period column, after its label (or its
  // first cell): "FY2025 (forecast)", where neither says so already.
  const marked = shown.includes('period') ? 'period' : shown.includes('label') ? 'label' : shown[0];
  const rows = table.rows.map((row) => {
    const id = typeof row === 'string' ? row : row.metric;
    const label = typeof row === 'string' ? undefined : row.label;
    used.add(id);
    const texts = shown.map((part) => (part === 'label' && label ? label : metricPart(metrics[id], part, language)));
    const own = texts.filter((_, i) => shown[i] === 'label' || shown[i] === 'period');
    return shown.map((part, i): TableCell => {
      const text = part === marked && texts[i] ? texts[i] + aheadMark(metrics[id], ...own) : texts[i];
      return { text: [{ text: text || '—', figure: NUMERIC_PARTS.includes(part) }], numeric: NUMERIC_PARTS.includes(part) };
    });
  });
  // A period as short as "Q3 2025" or "FY2025" stays on one line ("Q3 / 2025" read as two); longer words may wrap.
  const shortPeriods = (ci: number) => rows.every((r) => r[ci]!.text.map((t) => t.text).join('').length <= SHORT_PERIOD);
  const columns = parts.map((p, ci) => ({ label: COLUMN_LABELS[p], numeric: NUMERIC_PARTS.includes(p), nowrap: p === 'as_of' || (p === 'period' && shortPeriods(ci)) }));
  return withColumns({ title: table.title, columns, rows, note: table.note });
}

/**
 * The most sources the register numbers: a list a reader looks a number up in at a glance. A register of more (a canvas
 * that names the canvas section each figure is quoted in) names each in its rows, where a list would fill a page.
 */
const NUMBERED_SOURCES = 9;

/** The longest change the register keeps on one line, in characters: "+0.3 pp YoY", "−12.2% YoY", "+120 bps YoY". */
const SHORT_CHANGE = 14;

/** The longest period the register keeps on one line, in characters: "As at 31 Dec 2025", "30 September 2025". */
const LONG_PERIOD = 20;

/** The longest note on a figure that tells its register row from another of the same label and period. */
const SHORT_NOTE = 60;

/**
 * Every figure of the briefing with its period, change and source: the reader's audit trail. Where its rows name a few
 * sources (NUMBERED_SOURCES), one at least by several rows, each is listed once (`sources`) and its rows give its mark,
 * "[1]", rather than repeat a long title down a column. A change as short as "+0.3 pp YoY", and a period as short as
 * "As at 31 Dec 2025", stays on one line. Rows of
 * the same label and period (£14.9 billion and 31% of "Personal current accounts" at 30 Sep 2025) each say under the
 * label, in small type, which figure they are: the figure's note where it is short, and its id in the canvas.
 */
export function buildRegister(metrics: Record<string, Metric>, ids: string[], language?: string): RegisterModel {
  const columns: MetricColumn[] = ['label', 'value', 'change', 'period', 'source'];
  const present = columns.filter((p) => p === 'label' || p === 'value' || p === 'period' || ids.some((id) => metrics[id][p as 'change' | 'source']));
  const table = buildMetricTable({ columns: present, rows: ids }, metrics, new Set(), language);
  const at = (part: MetricColumn) => present.indexOf(part);
  const text = (cell: TableCell | undefined) => (cell?.text ?? []).map((p) => p.text).join('');
  // Rows that label and period do not tell apart.
  const key = (row: TableCell[]) => `${text(row[at('label')]).trim().toLowerCase()}\u0000${text(row[at('period')])}`;
  const alike = new Map<string, number>();
  for (const row of table.rows) alike.set(key(row), (alike.get(key(row)) ?? 0) + 1);
  let rows = table.rows.map((row, ri) => {
    if (alike.get(key(row))! < 2) return row;
    const note = metricPart(metrics[ids[ri]!], 'note', language);
    const aside = [...(note && note.length <= SHORT_NOTE ? [note] : []), ids[ri]!].join(' · ');
    return row.map((cell, ci) => (ci === at('label') ? { ...cell, text: [...cell.text, { text: aside, aside: true }] } : cell));
  });
  // Each short change and period on one line, where the page has the room (render/ lets them wrap where it has not).
  const short = (ci: number, cell: TableCell) => (ci === at('change') && text(cell).length <= SHORT_CHANGE) || (ci === at('period') && text(cell).length <= LONG_PERIOD);
  rows = rows.map((row) => row.map((cell, ci) => (short(ci, cell) ? { ...cell, nowrap: true } : cell)));
  const source = at('source');
  const named = source < 0 ? [] : rows.map((row) => (text(row[source]) === '—' ? undefined : text(row[source])));
  const titles = [...new Set(named.filter((t) => t !== undefined))];
  if (titles.length === 0 || titles.length > NUMBERED_SOURCES || titles.length === named.filter((t) => t !== undefined).length) return { ...table, rows };
  const mark = (title: string) => `[${titles.indexOf(title) + 1}]`;
  rows = rows.map((row, ri) => row.map((cell, ci) => (ci === source && named[ri] !== undefined ? { ...cell, text: [{ text: mark(named[ri]!) }], nowrap: true } : cell)));
  return { ...table, rows, sources: titles.map((title) => ({ mark: mark(title), title })) };
}

/** The dates the briefing's figures are current to, newest first, with how many figures each dates. */
export function buildPeriods(canvas: Canvas, ids: string[]): TableModel {
  const byDate = new Map<string, { periods: Set<string>; count: number }>();
  for (const id of ids) {
    const m = canvas.metrics[id];
    const date = m.as_of ?? m.period_end;
    if (!date || isFuture(m)) continue;
    const entry = byDate.get(date) ?? { periods: new Set<string>(), count: 0 };
    entry.periods.add(m.period);
    entry.count += 1;
    byDate.set(date, entry);
  }
  const undated = ids.filter((id) => !canvas.metrics[id].as_of && !canvas.metrics[id].period_end && !isFuture(canvas.metrics[id])).length;
  const future = ids.filter((id) => isFuture(canvas.metrics[id])).length;
  const rows: TableCell[][] = [...byDate.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([date, e]) => [
      { text: [{ text: formatDate(date, canvas.briefing.language) }] },
      { text: [{ text: periodList([...e.periods]) }] },
      { text: [{ text: formatNumber(e.count) }], numeric: true },
    ]);
  if (future > 0) rows.push([{ text: [{ text: 'Forecasts and targets' }] }, { text: [{ text: 'Figures about the future: plans, targets, forecasts' }] }, { text: [{ text: formatNumber(future) }], numeric: true }]);
  if (undated > 0) rows.push([{ text: [{ text: 'No date given' }] }, { text: [{ text: 'Periods stated only in words; see the figure register' }] }, { text: [{ text: formatNumber(undated) }], numeric: true }]);
  return withColumns({
    title: `Figures by the date they are current to (briefing as of ${formatDate(canvas.briefing.as_of, canvas.briefing.language)})`,
    columns: [{ label: 'Date', nowrap: true }, { label: 'Periods' }, { label: 'Figures', numeric: true }],
    rows,
  });
}

/**
 * A number of a table cell (its absolute value, with `decimals` digits) in `language`'s notation, grouped as the language
 * groups: 1234.5 is "1.234,5" in German, 100.0 "100,0", 48350 "48.350"; a whole number of four digits stays as written,
 * as a year does (2024, never "2.024"). English, and a language that writes numbers as it does, as `written`.
 */
function localNumber(value: number, decimals: number, language: string | undefined, written?: string): string {
  const local = localFigures(language);
  if (!local) return written ?? formatNumber(value, decimals);
  if (decimals === 0 && value >= 1000 && value < 10000) return String(value);
  return local.number(value, decimals);
}

/**
 * A free table's number (unquoted in YAML, or as load/ gives one written with trailing zeros: `{ value, decimals }`) as
 * the table prints it: with the decimals its column asks for (`columnDecimals`), else as written, in `language`'s
 * notation (localNumber), a minus a true minus sign: 1234.5 is "1.234,5" in German, -3.0 "−3.0" in English. The
 * "Changes since" chapter and `briefing diff` quote a cell edited by it, as the table prints it.
 */
export function tableNumber(cell: WrittenNumber | number, columnDecimals: number | undefined, language?: string): string {
  const { text, value, decimals } = cellNumber(cell, language)!; // read as the table reads every number cell
  const written = columnDecimals !== undefined ? formatPlain(value, columnDecimals, language) : localNumber(value, decimals, language, text.replace(/^-/, ''));
  return signed(text, written);
}

/** `written` (digits without a sign) with the minus sign of `text`, as typed or written, where it prints a number not zero. */
function signed(text: string, written: string): string {
  return `${/^[\u2212-]/.test(text) && /[1-9]/.test(written) ? MINUS : ''}${written}`;
}

function isFuture(m: Metric): boolean {
  return m.period_type === 'forecast' || m.period_type === 'target';
}

/** Every cell takes its column's alignment and wrapping, so a column reads as one. */
function withColumns(table: TableModel): TableModel {
  const rows = table.rows.map((r) => r.map((cell, i) => ({ ...cell, numeric: table.columns[i]?.numeric, nowrap: table.columns[i]?.nowrap })));
  return { ...table, rows };
}

/** A few period labels, then a count: a cell listing fourteen labels is unreadable (the register has them all). */
function periodList(periods: string[]): string {
  const shown = periods.slice(0, 3).join('; ');
  return periods.length > 3 ? `${shown}; and ${periods.length - 3} more (see the figure register)` : shown;
}
