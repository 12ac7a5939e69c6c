/**
 * compare/: what the briefing prints besides figures and text, between two versions of a canvas. Free tables are
 * compared cell by cell and charts' titles and captions word for word (both itemised, as written); every other part
 * that differs (the company block, the key-figure list, data notes, a metric's source or label, a metric table, a
 * chart's type...) is named with the fields of it that differ, so that `diff` never says "no differences" of two
 * canvases that print differently. Pure.
 */
import type { Canvas, Chart, Content, Metric, MetricTable, Section, Table } from '../validate/schema.ts';
import { chapterEntries } from '../canvas/blocks.ts';
import { numberAsWritten } from '../canvas/numbers.ts';
import { isMetricCell, type Cell } from '../canvas/table-numbers.ts';
import { chartSeriesOf, metricTableRowsOf, type WrittenRow } from '../canvas/series.ts';
import type { ChartChange, FigureChange, PartChange, TableChange, TableNumber, UnitemisedChange } from './canvas-changes.ts';

/** What printed-parts needs of a version: its canvas, and its text as written (a series' latest value as [[series]]). */
export interface PrintedVersion {
  readonly canvas: Canvas;
  asWritten(text: string): string;
}

/** Top-level parts compared elsewhere, or here part by part. */
const OWN_PARTS = new Set(['metrics', 'charts', 'blocks', 'chapters']);
/** Fields of a part compared elsewhere: the briefing's period, date and summary, a block set's summary, a block's lead and sections. */
const COMPARED_FIELDS: Record<string, Set<string>> = {
  briefing: new Set(['period', 'as_of', 'summary']),
  block: new Set(['lead', 'sections']),
};
/** What a figure that moved already says of its metric: its figure, period, stated change, equivalent and label. */
const FIGURE_FIELDS = new Set(['value', 'text', 'unit', 'scale', 'decimals', 'qualifier', 'period', 'period_type', 'period_end', 'change', 'equivalent', 'label', 'as_of']);

/**
 * Tables, charts and everything else that differs from `was` to `is`; `figures` the metrics' changes already listed,
 * `paired` values found again under another id (new id -> old id: re-dated, or a metric's value in the series it became).
 */
export function comparePrinted(was: PrintedVersion, is: PrintedVersion, figures: FigureChange[], paired: ReadonlyMap<string, string> = new Map()): { tables: TableChange[]; charts: ChartChange[]; unitemised: UnitemisedChange[] } {
  const unitemised: UnitemisedChange[] = [];
  unitemised.push(...topLevel(was, is));
  unitemised.push(...metricParts(was.canvas, is.canvas, figures, paired));
  const charts = chartParts(was, is, unitemised);
  const tables = blockParts(was, is, unitemised);
  return { tables, charts, unitemised };
}

/** JSON with object keys sorted: the same data written with its keys in another order is the same. */
export function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v));
}

/** A series value's id, as the canvas writes it: the series' latest value as the series ("revenue"), so a quarter's roll-forward is no change. */
const VALUE_ID = /^[A-Za-z0-9_.-]+@\d{4}-\d{2}-\d{2}$/;

/** `value` with every id of a series' latest value in it written as the series ([[revenue]] reads the latest value in both versions). */
function asWrittenIds(v: PrintedVersion, value: unknown): unknown {
  if (typeof value === 'string') return VALUE_ID.test(value) ? v.asWritten(`[[${value}]]`).slice(2, -2) : value;
  if (Array.isArray(value)) return value.map((x) => asWrittenIds(v, x));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, asWrittenIds(v, x)]));
  return value;
}

/** The keys of two objects whose values differ, in `b`'s order then `a`'s, `skip` aside. */
function fieldsDiffering(a: object | undefined, b: object | undefined, skip: Set<string> = new Set()): string[] {
  const [x, y] = [(a ?? {}) as Record<string, unknown>, (b ?? {}) as Record<string, unknown>];
  const keys = [...new Set([...Object.keys(y), ...Object.keys(x)])];
  return keys.filter((k) => !skip.has(k) && stable(x[k]) !== stable(y[k]));
}

function isObject(v: unknown): v is object {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The canvas's own parts (company, briefing, key figures, block sets, data notes, glossary...): named, with the fields that differ. */
function topLevel(a: PrintedVersion, b: PrintedVersion): UnitemisedChange[] {
  const [x, y] = [a.canvas as unknown as Record<string, unknown>, b.canvas as unknown as Record<string, unknown>];
  const out: UnitemisedChange[] = [];
  for (const key of [...new Set([...Object.keys(y), ...Object.keys(x)])]) {
    if (OWN_PARTS.has(key)) continue;
    let [was, is] = [asWrittenIds(a, x[key]), asWrittenIds(b, y[key])];
    if (key === 'block_sets') [was, is] = [withoutSummaries(was), withoutSummaries(is)];
    if (stable(was) === stable(is)) continue;
    const skip = COMPARED_FIELDS[key];
    if (skip !== undefined && isObject(was) && isObject(is) && fieldsDiffering(was, is, skip).length === 0) continue;
    out.push({ part: key, fields: isObject(was) && isObject(is) ? fieldsDiffering(was, is, skip) : [] });
  }
  return out;
}

/** Block sets without their own summaries (compared as text). */
function withoutSummaries(sets: unknown): unknown {
  if (!isObject(sets)) return sets;
  return Object.fromEntries(Object.entries(sets).map(([k, s]) => [k, isObject(s) ? { ...s, summary: undefined } : s]));
}

/**
 * Metrics in both versions whose fields differ where no figure that moved says so (a source, a note, the same amount in
 * another scale): by metric, a series' values under the series.
 */
function metricParts(a: Canvas, b: Canvas, figures: FigureChange[], paired: ReadonlyMap<string, string>): UnitemisedChange[] {
  const moved = new Map(figures.filter((f) => f.kind === 'changed').map((f) => [f.now.id, f.before.id]));
  const bySeries = new Map<string, Set<string>>();
  const values = new Map<string, Set<string>>();
  for (const [id, m] of Object.entries(b.metrics)) {
    const oldId = moved.get(id) ?? paired.get(id) ?? (Object.hasOwn(a.metrics, id) ? id : undefined);
    if (oldId === undefined) continue;
    const fields = fieldsDiffering(ownConcept(oldId, withBasis(a.metrics[oldId])), ownConcept(id, withBasis(m)), moved.has(id) ? FIGURE_FIELDS : new Set());
    if (fields.length === 0) continue;
    const key = id.includes('@') ? id.slice(0, id.indexOf('@')) : id;
    bySeries.set(key, new Set([...(bySeries.get(key) ?? []), ...fields]));
    if (id.includes('@') || oldId.includes('@')) values.set(key, new Set([...(values.get(key) ?? []), id, oldId]));
  }
  return [...bySeries].map(([key, fields]) => ({ part: 'metric', key, ...(values.has(key) ? { values: [...values.get(key)!] } : {}), fields: [...fields] }));
}

/**
 * A metric without the concept its id gives it: a series' values carry the series' id as theirs (canvas/series.ts), a
 * metric of one value none, and a metric renamed the id it had; the same measure either way, no field that differs.
 */
function ownConcept(id: string, m: Metric): Metric {
  return m.concept !== undefined && m.concept === id.split('@')[0] ? { ...m, concept: undefined } : m;
}

/** A metric with the basis of its stated change as printed: YoY where a number is given without one. */
function withBasis(m: Metric): Metric {
  const c = m.change;
  return c === undefined || c.basis !== undefined || (c.percent === undefined && c.points === undefined) ? m : { ...m, change: { ...c, basis: 'YoY' } };
}

/**
 * A point or row naming the same value in both versions, or written the same ([[revenue]] in both, whichever quarter it
 * shows: the figures say how the latest value moved): revenue and revenue@<its latest date> alike.
 */
function sameValueId(was: PrintedVersion, is: PrintedVersion, x: string, y: string): boolean {
  return x === y || asWrittenIds(was, x) === asWrittenIds(is, y);
}

/**
 * What differs in a chart's points: a chart of a series in both versions by its series and last N values (a quarter's
 * new value is the series', not the chart's); else point by point, each naming the same value or written the same, in
 * the same order, with the same label and group. A series written out point by point prints the same chart.
 */
function pointsDiffering(was: PrintedVersion, is: PrintedVersion, x: Chart, y: Chart): string[] {
  const [sx, sy] = [chartSeriesOf(x), chartSeriesOf(y)];
  if (sx !== undefined && sy !== undefined) return fieldsDiffering(sx, sy);
  const same = x.points.length === y.points.length && x.points.every((p, i) => {
    const q = y.points[i];
    return stable({ ...p, metric: undefined }) === stable({ ...q, metric: undefined }) && sameValueId(was, is, p.metric, q.metric);
  });
  return same ? [] : ['points'];
}

function chartParts(was: PrintedVersion, is: PrintedVersion, unitemised: UnitemisedChange[]): ChartChange[] {
  const [a, b] = [was.canvas.charts ?? {}, is.canvas.charts ?? {}];
  const out: ChartChange[] = [];
  const words = (v: PrintedVersion, text: string | undefined) => (text === undefined ? null : v.asWritten(text));
  for (const id of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
    const [x, y] = [Object.hasOwn(a, id) ? a[id] : undefined, Object.hasOwn(b, id) ? b[id] : undefined];
    if (x === undefined || y === undefined) {
      const title = words(y ? is : was, (y ?? x)!.title) ?? id;
      out.push({ id, title, parts: [{ part: 'chart', before: x ? title : null, now: y ? title : null }] });
      continue;
    }
    const parts: PartChange[] = (['title', 'caption'] as const).flatMap((part) => {
      const [before, now] = [words(was, x[part]), words(is, y[part])];
      return before === now ? [] : [{ part, before, now }];
    });
    if (parts.length > 0) out.push({ id, title: words(is, y.title) ?? id, parts });
    const rest = (c: Chart) => ({ ...c, title: undefined, caption: undefined, points: undefined });
    const fields = [...fieldsDiffering(rest(x), rest(y)), ...pointsDiffering(was, is, x, y)];
    if (fields.length > 0) unitemised.push({ part: 'chart', key: id, fields });
  }
  return out;
}

/** A table cell as written: its text or number, a metric's as a reference ([[revenue]], [[revenue.change]]). */
function cellText(v: PrintedVersion, cell: Cell): string {
  if (typeof cell === 'string') return cell;
  if (!isMetricCell(cell)) return numberAsWritten(cell);
  return v.asWritten(`[[${cell.metric}${cell.show === undefined ? '' : `.${cell.show}`}]]`);
}

/**
 * The same cell in both versions: a metric's cell naming the same value, shown the same way (sameValueId: revenue@2025-06-30
 * in both, though in the earlier version that was the latest value, its cell there written [[revenue]]), or written the
 * same ([[revenue]] in both, whichever quarter it shows: the figures say how it moved); any other cell as written.
 */
function sameCell(was: PrintedVersion, is: PrintedVersion, x: Table['rows'][number][number], y: Table['rows'][number][number]): boolean {
  const metricOf = (c: typeof x) => (typeof c === 'object' && 'metric' in c ? c : undefined);
  const [mx, my] = [metricOf(x), metricOf(y)];
  if (mx !== undefined && my !== undefined) return mx.show === my.show && sameValueId(was, is, mx.metric, my.metric);
  return cellText(was, x) === cellText(is, y);
}

/** The same row in both versions: as many cells, each the same (sameCell). */
function sameRow(was: PrintedVersion, is: PrintedVersion, x: Table['rows'][number], y: Table['rows'][number]): boolean {
  return x.length === y.length && x.every((c, k) => sameCell(was, is, c, y[k]));
}

/** A cell that is a number (TableNumber), under `side`; none for text or a metric's cell. */
function tableNumber(cell: Cell, column: Table['columns'][number] | undefined, side: 'before' | 'now'): Partial<Record<'before' | 'now', TableNumber>> {
  if (typeof cell === 'string' || isMetricCell(cell)) return {};
  const decimals = typeof column === 'object' ? column.decimals : undefined;
  return { [side]: { number: cell, ...(decimals === undefined ? {} : { columnDecimals: decimals }) } };
}

function columnText(c: Table['columns'][number]): string {
  return typeof c === 'string' ? c : `${c.title}${` (${c.decimals} ${c.decimals === 1 ? 'decimal' : 'decimals'})`}`;
}

function columnTitle(c: Table['columns'][number] | undefined, i: number): string {
  return c === undefined ? `column ${i + 1}` : typeof c === 'string' ? c : c.title;
}

/** Chapters: their own fields (a title), their order, their sections' order; sections: their tags, metric tables, charts placed and the order of their content; free tables itemised. */
function blockParts(was: PrintedVersion, is: PrintedVersion, unitemised: UnitemisedChange[]): TableChange[] {
  const [a, b] = [chapterEntries(was.canvas), chapterEntries(is.canvas)];
  const keysA = a.map((e) => e.key);
  const keysB = b.map((e) => e.key);
  const common = keysB.filter((k) => keysA.includes(k));
  if (stable(keysA.filter((k) => common.includes(k))) !== stable(common)) unitemised.push({ part: 'chapters', fields: ['order'] });
  const tables: TableChange[] = [];
  for (const { key: chapter, block } of b) {
    const old = a.find((e) => e.key === chapter)?.block;
    const blockTitle = block.title === undefined ? {} : { blockTitle: block.title };
    if (old === undefined) {
      if (!block.lead && block.sections.length === 0) unitemised.push({ part: 'chapter', chapter, ...blockTitle, fields: ['added'] });
      continue;
    }
    const fields = fieldsDiffering(old, block, COMPARED_FIELDS.block);
    const titles = (s: Section[]) => s.map((x) => x.title);
    const [ta, tb] = [titles(old.sections), titles(block.sections)];
    if (stable(ta) !== stable(tb) && stable([...ta].sort()) === stable([...tb].sort())) fields.push('order of its sections');
    if (fields.length > 0) unitemised.push({ part: 'chapter', chapter, ...blockTitle, fields });
    // Sections in both, found as compareText finds them: by title and occurrence.
    const occurrences = (sections: Section[]) => {
      const seen = new Map<string, number>();
      return sections.map((s, index) => {
        const n = seen.get(s.title) ?? 0;
        seen.set(s.title, n + 1);
        return { key: `${s.title}\0${n}`, section: s, index };
      });
    };
    const before = new Map(occurrences(old.sections).map((o) => [o.key, o.section]));
    for (const { key, section, index } of occurrences(block.sections)) {
      const s = before.get(key);
      if (s === undefined) continue;
      const where = { chapter, ...blockTitle, section: section.title };
      const sectionFields = sectionDiffering(was, is, s, section);
      const tags = [...new Set([...(s.tags ?? []), ...(section.tags ?? [])])];
      if (sectionFields.length > 0) unitemised.push({ part: 'section', ...where, ...(tags.length === 0 ? {} : { tags }), fields: sectionFields });
      tables.push(...tableChanges(was, is, s, section, { ...where, sectionIndex: index, ...(section.tags === undefined ? {} : { tags: section.tags }) }));
    }
  }
  for (const { key: chapter, block } of a) {
    if (keysB.includes(chapter) || block.lead || block.sections.length > 0) continue;
    unitemised.push({ part: 'chapter', chapter, ...(block.title === undefined ? {} : { blockTitle: block.title }), fields: ['removed'] });
  }
  return tables;
}

/** A piece of content as written, for comparing the order of a section's content: a metric table's rows as written. */
function contentKey(v: PrintedVersion, c: Content): string {
  if ('metric_table' in c) return stable({ metric_table: { ...c.metric_table, rows: asWrittenIds(v, writtenRows(c.metric_table)) } });
  if ('bullets' in c) return stable({ bullets: c.bullets.map((b) => v.asWritten(b)) });
  if ('paragraph' in c) return stable({ paragraph: v.asWritten(c.paragraph) });
  return stable(c);
}

/** A metric table's rows as written: a series' values as the series (`{ series }`), each other row as laid out. */
function writtenRows(t: MetricTable): WrittenRow[] {
  return metricTableRowsOf(t) ?? t.rows;
}

/**
 * The same metric table: the same fields and rows, a series' in both versions the same series (its new quarter's value
 * is the figures' news), each other row naming the same value or written the same, with the same label. A row showing
 * another value of its series (turbines to turbines@2025-06-30) is another table.
 */
function sameMetricTable(was: PrintedVersion, is: PrintedVersion, x: MetricTable, y: MetricTable): boolean {
  if (stable({ ...x, rows: undefined }) !== stable({ ...y, rows: undefined })) return false;
  const metric = (r: WrittenRow) => (typeof r === 'string' ? r : 'metric' in r ? r.metric : undefined);
  const label = (r: WrittenRow) => (typeof r === 'string' || !('label' in r) ? undefined : r.label);
  const same = (rx: WrittenRow[], ry: WrittenRow[]) => rx.length === ry.length && rx.every((r, i) => {
    const q = ry[i];
    const [mr, mq] = [metric(r), metric(q)];
    if (mr === undefined || mq === undefined) return stable(r) === stable(q);
    return label(r) === label(q) && sameValueId(was, is, mr, mq);
  });
  // As written, or row by row as printed (a series' values written out one by one print the same table).
  return same(writtenRows(x), writtenRows(y)) || same(x.rows, y.rows);
}

/**
 * What differs in a section in both versions beyond its text and free tables: its tags, metric tables, charts placed, the
 * order of its content, and of its bullets, the same bullets in another order or split into other lists (compareText
 * compares a section's text as a collection: the same bullets in any order are no text added or removed).
 */
function sectionDiffering(was: PrintedVersion, is: PrintedVersion, a: Section, b: Section): string[] {
  const fields = fieldsDiffering({ ...a, content: undefined }, { ...b, content: undefined }, new Set(['title']));
  const tables = (s: Section) => s.content.flatMap((c) => ('metric_table' in c ? [c.metric_table] : []));
  const [ma, mb] = [tables(a), tables(b)];
  if (ma.length !== mb.length || ma.some((t, i) => !sameMetricTable(was, is, t, mb[i]))) fields.push('metric tables');
  const charts = (s: Section) => s.content.flatMap((c) => ('chart' in c ? [stable(c)] : []));
  if (stable(charts(a)) !== stable(charts(b))) fields.push('charts placed');
  const [ka, kb] = [a.content.map((c) => contentKey(was, c)), b.content.map((c) => contentKey(is, c))];
  if (stable(ka) !== stable(kb) && stable([...ka].sort()) === stable([...kb].sort())) fields.push('order of its content');
  else fields.push(...bulletsDiffering(was, is, a, b));
  return fields;
}

/** The same bullets, as written, in another order ("order of its bullets") or in other lists ("bullet lists"); the rest of the section's content as it was. */
function bulletsDiffering(was: PrintedVersion, is: PrintedVersion, a: Section, b: Section): string[] {
  const bullets = (v: PrintedVersion, s: Section) => s.content.flatMap((c) => ('bullets' in c ? c.bullets.map((x) => v.asWritten(x)) : []));
  const lists = (v: PrintedVersion, s: Section) => s.content.map((c) => ('bullets' in c ? c.bullets.length : contentKey(v, c)));
  const [ba, bb] = [bullets(was, a), bullets(is, b)];
  // Other text or content added or removed is listed as such.
  if (stable([...ba].sort()) !== stable([...bb].sort())) return [];
  const others = (v: PrintedVersion, s: Section) => s.content.filter((c) => !('bullets' in c)).map((c) => contentKey(v, c));
  if (stable(others(was, a)) !== stable(others(is, b))) return [];
  if (stable(ba) !== stable(bb)) return ['order of its bullets'];
  return stable(lists(was, a)) === stable(lists(is, b)) ? [] : ['bullet lists'];
}

/** The free tables of a section in both versions that changed, matched by their place among its tables. */
function tableChanges(was: PrintedVersion, is: PrintedVersion, a: Section, b: Section, where: Omit<TableChange, 'index' | 'cells' | 'rowsAdded' | 'rowsRemoved' | 'parts' | 'title'>): TableChange[] {
  const tablesOf = (s: Section) => s.content.flatMap((c) => ('table' in c ? [c.table] : []));
  const [ta, tb] = [tablesOf(a), tablesOf(b)];
  const out: TableChange[] = [];
  const rowsOf = (v: PrintedVersion, t: Table) => t.rows.map((r) => r.map((c) => cellText(v, c)));
  const line = (row: string[]) => row.join(' | ');
  for (let i = 0; i < Math.max(ta.length, tb.length); i++) {
    const [x, y] = [ta[i], tb[i]];
    const title = { ...((y ?? x)!.title === undefined ? {} : { title: (y ?? x)!.title }) };
    if (x === undefined || y === undefined) {
      const rows = rowsOf(y ? is : was, (y ?? x)!).map(line);
      out.push({ ...where, ...title, index: i + 1, ...(y ? { added: true as const } : { removed: true as const }), cells: [], rowsAdded: y ? rows : [], rowsRemoved: y ? [] : rows, parts: [] });
      continue;
    }
    const parts: PartChange[] = [];
    const part = (name: string, before: string | undefined, now: string | undefined) => {
      if (before !== now) parts.push({ part: name, before: before ?? null, now: now ?? null });
    };
    part('title', x.title, y.title);
    part('columns', x.columns.map(columnText).join(' | '), y.columns.map(columnText).join(' | '));
    part('note', x.note && was.asWritten(x.note), y.note && is.asWritten(y.note));
    const [ra, rb] = [rowsOf(was, x), rowsOf(is, y)];
    const cells: TableChange['cells'] = [];
    const rowsAdded: string[] = [];
    const rowsRemoved: string[] = [];
    if (ra.length === rb.length && ra.every((r, j) => r.length === rb[j].length)) {
      rb.forEach((row, j) => row.forEach((now, k) => {
        if (sameCell(was, is, x.rows[j][k], y.rows[j][k])) return;
        const before = ra[j][k];
        const numbers = { ...tableNumber(x.rows[j][k], x.columns[k], 'before'), ...tableNumber(y.rows[j][k], y.columns[k], 'now') };
        cells.push({ row: row[0] === '' ? `row ${j + 1}` : row[0], column: columnTitle(y.columns[k], k), before, now, ...(Object.keys(numbers).length === 0 ? {} : { numbers }) });
      }));
    } else {
      // Each row now matched with one row before that is the same (sameRow), in order; what is left was added or removed.
      const unmatched = new Set(x.rows.keys());
      y.rows.forEach((r, j) => {
        const i = [...unmatched].find((n) => sameRow(was, is, x.rows[n], r));
        if (i === undefined) rowsAdded.push(line(rb[j]));
        else unmatched.delete(i);
      });
      rowsRemoved.push(...[...unmatched].map((i) => line(ra[i])));
    }
    if (parts.length + cells.length + rowsAdded.length + rowsRemoved.length > 0) out.push({ ...where, ...title, index: i + 1, cells, rowsAdded, rowsRemoved, parts });
  }
  return out;
}
