/**
 * What changed since an earlier version of the canvas (compare/ CanvasChanges), formatted the way the
 * briefing formats figures: as a report for the terminal and for scripts (`briefing diff`), and as the
 * "Changes since <period>" chapter of a briefing built with --since.
 */
import type { Metric } from '../validate/schema.ts';
import type { ChapterKey } from '../canvas/blocks.ts';
import type { CanvasChanges, Difference, FigureChange, FigureEntry, PartChange, SectionEntry, TableChange, TextEntry, UnitemisedChange } from '../compare/canvas-changes.ts';
import { changeDecimals, formatNumber } from '../canvas/numbers.ts';
import { formatChange, formatDate, formatMetricValue, formatQuantity, MINUS } from './format.ts';
import { richText, sentence } from './rich-text.ts';
import type { ChangesModel, RichText, TableCell, TableModel } from './briefing-model.ts';
import { chapterTitle as titleOf } from './block-titles.ts';

/** A figure as the report gives it: the numbers for scripts, and as the briefing prints it. */
export interface ReportedFigure {
  id: string;
  value?: number;
  text?: string;
  unit?: string;
  scale?: string;
  period: string;
  /** As the briefing prints it: "€322.9 million". */
  formatted: string;
}

export interface ReportedMove {
  kind: FigureChange['kind'];
  id: string;
  label: string;
  before: ReportedFigure;
  now: ReportedFigure;
  direction: FigureChange['direction'];
  difference: (Omit<Difference, 'decimals'> & { formatted: string }) | null;
  percent: number | null;
  /** "+€11.7 million, ▲ up 3.8%". */
  change: string;
  /** Something about the change to check: an equivalent in another currency left as it was for the old figure. */
  warning?: string;
  /** The label the figure had before, where it was another: a figure renamed as it moved may be another measure. */
  label_before?: string;
  /** The metric's id before, where the id alone was renamed (the same label and unit): one figure, not one dropped and one added. */
  id_before?: string;
  /** The change stated beside the figure, where it was revised ("+19% YoY" → "+29% YoY"; null: none stated). */
  stated_change?: { before: string | null; now: string | null };
  /** The equivalent in another currency printed beside the figure, where it changed ("US$1,087 million" → "US$10.87 million"; null: none). */
  equivalent?: { before: string | null; now: string | null };
  /** The same period's figure is another: a correction ("▲ revised up 0.3%"), not a move over time. */
  revised?: true;
  /** The figure's date (period_end, YYYY-MM-DD; null: none), where it moved: a figure re-dated, whether or not its period's words did. */
  period_end?: { before: string | null; now: string | null };
  /** The figure's period_type (null: none), where it changed: an actual become a forecast, a quarter's figure become a year's. */
  period_type?: { before: string | null; now: string | null };
}

export interface ReportedEntry extends ReportedFigure {
  label: string;
  /** A whole series: how many values it holds (the figure is its latest). */
  values?: number;
}

export interface ReportedSection {
  chapter: ChapterKey;
  chapter_title: string;
  title: string;
}

export interface ReportedText {
  place: TextEntry['place'];
  chapter?: ChapterKey;
  chapter_title?: string;
  section?: string;
  /** A block set's own summary. */
  set?: string;
  /** As written in the canvas. */
  text: string;
}

/** Everything `briefing diff` prints, as text or (this object) as JSON. */
export interface ChangeReport {
  differences: boolean;
  before: { period: string; as_of: string };
  now: { period: string; as_of: string };
  figures: ReportedMove[];
  added: ReportedEntry[];
  dropped: ReportedEntry[];
  sections: { added: ReportedSection[]; removed: ReportedSection[] };
  text: { added: ReportedText[]; removed: ReportedText[] };
  /** Free tables edited: cells by row and column, rows added and removed, title, columns, note. */
  tables: ReportedTable[];
  /** Charts whose title or caption changed, or added or removed (part "chart"). */
  charts: Array<{ id: string; title: string; parts: PartChange[] }>;
  /** Every other part that differs, named but not compared line by line. */
  also_changed: ReportedPart[];
}

export interface ReportedTable {
  chapter: ChapterKey;
  chapter_title: string;
  section: string;
  title?: string;
  /** Its place among the section's free tables, from 1. */
  index: number;
  added?: true;
  removed?: true;
  cells: TableChange['cells'];
  rows_added: string[];
  rows_removed: string[];
  parts: PartChange[];
}

/** A part that changed, not itemised: "data notes", "metric revenue", "Revenue Streams, Quarterly results"; and the fields of it that differ. */
export interface ReportedPart {
  what: string;
  fields: string[];
}

/**
 * A figure that moved, as one line: "Capex (Q3 2025): €84.5 million → €86.5 million (+€2.0 million, ▲ up 2.4%)", and what
 * to check about it. A figure re-dated says so after it, its period with its date before and now:
 * "Capex (Q3 2025): €84.5 million → €84.5 million (= unchanged); period Q3 2025 (30 Sep 2024) → Q3 2025 (30 Sep 2025)";
 * and one whose period_type changed, its type before and now ("; period type fiscal year → forecast").
 */
export function moveLine(f: ReportedMove): string {
  const period = f.period_end !== undefined ? f.now.period : periodText(f.before.period, f.now.period);
  const dated = f.period_end && `; period ${datedPeriod(f.before.period, f.period_end.before)} → ${datedPeriod(f.now.period, f.period_end.now)}`;
  const stated = f.stated_change && `; stated change ${f.stated_change.before ?? 'none'} → ${f.stated_change.now ?? 'none'}`;
  const equivalent = f.equivalent && `; equivalent ${f.equivalent.before ?? 'none'} → ${f.equivalent.now ?? 'none'}`;
  const typed = f.period_type && `; period type ${(f.period_type.before ?? 'none').replace(/_/g, ' ')} → ${(f.period_type.now ?? 'none').replace(/_/g, ' ')}`;
  const label = `${f.label_before === undefined ? f.label : `${f.label} (was "${f.label_before}")`}${f.id_before === undefined ? '' : ` (id was ${f.id_before})`}`;
  return `${label} (${f.kind === 'latest' ? `latest value, ${period}` : period}): ${f.before.formatted} → ${f.now.formatted} (${f.change})${dated ?? ''}${typed ?? ''}${stated ?? ''}${equivalent ?? ''}${f.warning ? `; ${f.warning}` : ''}`;
}

/**
 * Whether a move shows the figures' dates: where the date moved for the same figure (a metric, or a series value,
 * re-dated), or where a series' latest value moved to another date under the same words. A series' latest value
 * moving to the next period (Q2 2025 → Q3 2025) is dated by its words, as every other move.
 */
function showsDates(f: Pick<FigureChange, 'kind' | 'before' | 'now'>): boolean {
  const [was, is] = [f.before.metric, f.now.metric];
  return was.period_end !== is.period_end && (f.kind === 'changed' || was.period === is.period);
}

/** A period with its date: "Q3 2025 (30 Sep 2025)", "Q3 2025 (undated)". */
function datedPeriod(words: string, end: string | null | undefined): string {
  return `${words} (${end ? formatDate(end) : 'undated'})`;
}

/**
 * The period of a move as the chapter's table gives it: "Q2 2025 → Q3 2025", with the dates where they moved (showsDates),
 * and the period type where it changed. A period of a few words and a date each stay on one line, the arrow with the one
 * before it: a narrow column reads "Q2 2025 →" above "Q3 2025", or "30 Jun 2025 →" above "30 Sep 2025", never "30 Sep"
 * above "2025" (a longer period, as a company may word it, wraps between its words).
 */
function movePeriod(f: FigureChange): RichText {
  const [was, is] = [f.before.metric, f.now.metric];
  const dated = showsDates(f);
  const side = (m: typeof was): RichText => {
    const words = periodPart(m.period);
    return dated ? [words, { text: ' ' }, { text: `(${m.period_end ? formatDate(m.period_end) : 'undated'})`, whole: true }] : [words];
  };
  const left = side(was);
  const moved = dated || was.period !== is.period;
  const last = left.at(-1)!;
  const period: RichText = moved ? [...left.slice(0, -1), { ...last, text: `${last.text} →` }, { text: ' ' }, ...side(is)] : side(is);
  const type = (t: string | undefined) => (t ?? 'no period type').replace(/_/g, ' ');
  return periodTypeMoved(f) ? [...period, { text: ` (${type(was.period_type)} → ${type(is.period_type)})` }] : period;
}

/** A period of at most this many words is kept on one line in the changes table ("Q3 FY26", "30 Sep 2025"). */
const MAX_WHOLE_WORDS = 3;

/** A period as the changes table prints it: kept on one line where it is a few words (MAX_WHOLE_WORDS). */
function periodPart(period: string): RichText[number] {
  return { text: period, whole: period.split(/\s+/).length <= MAX_WHOLE_WORDS };
}

/** Whether a figure present in both versions changed its period_type (an actual become a forecast). */
function periodTypeMoved(f: Pick<FigureChange, 'kind' | 'before' | 'now'>): boolean {
  return f.kind === 'changed' && (f.before.metric.period_type ?? null) !== (f.now.metric.period_type ?? null);
}

/** The report of `changes`, figures formatted as the briefing prints them. */
export function describeChanges(changes: CanvasChanges): ChangeReport {
  const section = (s: SectionEntry): ReportedSection => ({ chapter: s.chapter, chapter_title: titleOf(s.chapter, s.blockTitle), title: s.title });
  const text = (t: TextEntry): ReportedText => compact({
    place: t.place, chapter: t.chapter, chapter_title: t.chapter && titleOf(t.chapter, t.blockTitle), section: t.section, set: t.set, text: t.written,
  });
  const report = {
    before: { period: changes.before.period, as_of: changes.before.asOf },
    now: { period: changes.now.period, as_of: changes.now.asOf },
    figures: changes.figures.map(reportMove),
    added: changes.added.map(reportEntry),
    dropped: changes.dropped.map(reportEntry),
    sections: { added: changes.sections.added.map(section), removed: changes.sections.removed.map(section) },
    text: { added: changes.text.added.map(text), removed: changes.text.removed.map(text) },
    tables: changes.tables.map(reportTable),
    charts: changes.charts.map((c) => ({ id: c.id, title: c.title, parts: c.parts })),
    also_changed: changes.unitemised.map((u) => ({ what: partName(u), fields: u.fields })),
  };
  const differences = report.before.period !== report.now.period || report.before.as_of !== report.now.as_of
    || [report.figures, report.added, report.dropped, report.sections.added, report.sections.removed, report.text.added, report.text.removed,
      report.tables, report.charts, report.also_changed].some((l) => l.length > 0);
  return { differences, ...report };
}

function reportTable(t: TableChange): ReportedTable {
  return compact({
    chapter: t.chapter, chapter_title: titleOf(t.chapter, t.blockTitle), section: t.section, title: t.title, index: t.index, added: t.added, removed: t.removed,
    cells: t.cells, rows_added: t.rowsAdded, rows_removed: t.rowsRemoved, parts: t.parts,
  });
}

/** A part not itemised, named: "data notes", "key figures", "metric revenue", "chart revenue_mix", "Revenue Streams, Quarterly results". */
export function partName(u: UnitemisedChange): string {
  if (u.part === 'metric' || u.part === 'chart') return `${u.part} ${u.key}`;
  if (u.part === 'chapter') return titleOf(u.chapter!, u.blockTitle);
  if (u.part === 'section') return `${titleOf(u.chapter!, u.blockTitle)}, ${u.section}`;
  return u.part.replace(/_/g, ' ');
}

/**
 * How `briefing diff` and the chapter word a table's, a chart's or another part's change: the same words, quoted as
 * each medium quotes ("…" on the console, “…” in print) and cut to its length; rows added and removed marked + and −
 * on the console, said in words in print (the chapter's lists mark nothing).
 */
export interface LineStyle {
  open: string;
  close: string;
  /** The longest quote, in characters. */
  max: number;
  rows: 'marks' | 'words';
}

export const CONSOLE_LINES: LineStyle = { open: '"', close: '"', max: 80, rows: 'marks' };
const PRINT_LINES: LineStyle = { open: '“', close: '”', max: 140, rows: 'words' };

/** Text on one line, cut to about `max` characters at a word, with "…" where it was cut. */
export function clipLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, max).replace(/\s+\S*$/, '').replace(/[\s,;:.]+$/, '')}…`;
}

function quotedPart(text: string | null, style: LineStyle): string {
  return text === null ? 'none' : `${style.open}${clipLine(text, style.max)}${style.close}`;
}

/**
 * A free table's changes, one line each: a cell "row Norway, Share (%): 38 → 40" (the row named by its first cell), its
 * title, columns or note before and now, a row removed or added; or "table added" / "table removed".
 */
export function tableChangeLines(t: Pick<ReportedTable, 'added' | 'removed' | 'cells' | 'rows_added' | 'rows_removed' | 'parts'>, style: LineStyle): string[] {
  if (t.added || t.removed) return [`table ${t.added ? 'added' : 'removed'}`];
  const row = (mark: '+' | '-', r: string) => (style.rows === 'marks' ? `${mark} row ` : `row ${mark === '+' ? 'added' : 'removed'} `) + quotedPart(r, style);
  return [
    ...t.parts.map((p) => `${p.part} ${quotedPart(p.before, style)} → ${quotedPart(p.now, style)}`),
    ...t.cells.map((c) => `row ${clipLine(c.row, 40)}, ${c.column}: ${clipLine(c.before, style.max)} → ${clipLine(c.now, style.max)}`),
    ...t.rows_removed.map((r) => row('-', r)),
    ...t.rows_added.map((r) => row('+', r)),
  ];
}

/** A chart's changes, one line each: its title or caption before and now (caption "…" → "…"), or "chart added" / "chart removed". */
export function chartChangeLines(c: { parts: PartChange[] }, style: LineStyle): string[] {
  return c.parts.map((p) => (p.part === 'chart'
    ? `chart ${p.before === null ? 'added' : 'removed'}`
    : `${p.part} ${quotedPart(p.before, style)} → ${quotedPart(p.now, style)}`));
}

/** A part changed and not itemised, with the fields of it that differ: "data notes (sources)", "metric revenue (source, note)". */
export function alsoChangedLine(p: ReportedPart): string {
  return p.fields.length === 0 ? p.what : `${p.what} (${p.fields.map((f) => f.replace(/_/g, ' ')).join(', ')})`;
}

/** What `briefing diff` words its lines with (the CLI has them from the pipeline). */
export const reportLines = { moveLine, tableChangeLines, chartChangeLines, alsoChangedLine, clipLine, CONSOLE_LINES };
export type ReportLines = typeof reportLines;

function reportFigure(id: string, m: Metric): ReportedFigure {
  return compact({ id, value: m.value, text: m.value === undefined ? m.text : undefined, unit: m.unit, scale: m.scale, period: m.period, formatted: amount(m) });
}

function reportMove(f: FigureChange): ReportedMove {
  return {
    kind: f.kind,
    id: f.id,
    label: f.label,
    ...(f.before.metric.label === f.label ? {} : { label_before: f.before.metric.label }),
    ...(f.renamedFrom === undefined ? {} : { id_before: f.renamedFrom }),
    before: reportFigure(f.before.id, f.before.metric),
    now: reportFigure(f.now.id, f.now.metric),
    direction: f.direction,
    difference: f.difference === undefined ? null : compact({ value: f.difference.value, unit: f.difference.unit, scale: f.difference.scale, approximate: f.difference.approximate, formatted: differenceText(f.difference) }),
    percent: f.percent === undefined ? null : Number(f.percent.toFixed(changeDecimals(f.percent, 2))),
    change: changeText(f),
    ...(f.revised ? { revised: true as const } : {}),
    ...(showsDates(f) ? { period_end: { before: f.before.metric.period_end ?? null, now: f.now.metric.period_end ?? null } } : {}),
    ...(periodTypeMoved(f) ? { period_type: { before: f.before.metric.period_type ?? null, now: f.now.metric.period_type ?? null } } : {}),
    ...(f.statedChangeMoved ? { stated_change: { before: statedChange(f.before.metric), now: statedChange(f.now.metric) } } : {}),
    ...(f.equivalentMoved ? { equivalent: { before: equivalentOf(f.before.metric), now: equivalentOf(f.now.metric) } } : {}),
    ...(f.equivalentKept && f.now.metric.equivalent ? { warning: `its ${f.now.metric.equivalent.unit} equivalent, ${formatQuantity(f.now.metric.equivalent)}, is the one given for the old figure: update it too, or check that it still holds` } : {}),
  };
}

function reportEntry(e: FigureEntry): ReportedEntry {
  const { id, ...figure } = reportFigure(e.id, e.metric);
  return { id, label: e.metric.label, ...figure, ...(e.values === undefined ? {} : { values: e.values }) };
}

/**
 * A figure as the table of moves shows it: with its equivalent where that changed ("₹95,000 million (US$1,087 million)"),
 * and its stated change where that was revised ("NOK 412 million, +29% YoY").
 */
function withStatedChange(f: FigureChange, m: Metric): string {
  const figure = f.equivalentMoved ? formatMetricValue(m) : amount(m);
  if (!f.statedChangeMoved) return figure;
  return `${figure}, ${statedChange(m) ?? 'no change stated'}`;
}

/** How an equivalent moved: added, removed or revised. */
function equivalentMove(f: Pick<FigureChange, 'before' | 'now'>): 'added' | 'removed' | 'revised' {
  return f.before.metric.equivalent === undefined ? 'added' : f.now.metric.equivalent === undefined ? 'removed' : 'revised';
}

/** The equivalent a metric prints beside its figure: "US$1,087 million"; null when it states none. */
function equivalentOf(m: Metric): string | null {
  return m.equivalent === undefined ? null : formatQuantity(m.equivalent);
}

/** How a stated change moved: added, removed or revised. */
function statedChangeMove(f: Pick<FigureChange, 'before' | 'now'>): 'added' | 'removed' | 'revised' {
  return f.before.metric.change === undefined ? 'added' : f.now.metric.change === undefined ? 'removed' : 'revised';
}

/** The change a metric states beside its figure, as printed: "+34% YoY"; null when it states none. */
function statedChange(m: Metric): string | null {
  return m.change === undefined ? null : formatChange(m.change);
}

/** A figure without its equivalent in another currency: "€322.9 million". */
function amount(m: Metric): string {
  return formatMetricValue({ ...m, equivalent: undefined });
}

/** "+€11.7 million", "−3 turbines", "+1.2 pp" (a difference of percentages is in points), "about +0.2 GW". */
export function differenceText(d: Omit<Difference, 'approximate'> & { approximate?: boolean }): string {
  const sign = d.value > 0 ? '+' : d.value < 0 ? MINUS : '±';
  const body = d.unit === 'percent'
    ? `${formatNumber(Math.abs(d.value), d.decimals)} pp`
    : formatQuantity({ value: Math.abs(d.value), unit: d.unit, scale: d.scale, decimals: d.decimals });
  return `${d.approximate ? 'about ' : ''}${sign}${body}`;
}

const MARK = { up: '▲ up', down: '▼ down', same: '= unchanged', changed: 'changed' } as const;
/** The same period's figure corrected: it was reported otherwise, it did not rise or fall. */
const REVISED_MARK = { up: '▲ revised up', down: '▼ revised down', same: '= unchanged', changed: 'revised' } as const;

/**
 * The direction, as a mark and a word (so that it reads without colour), and the percent change to a tenth, or to its first
 * digit where it is smaller: "▲ up 3.8%", "▲ revised up 0.3%", "▼ revised down 0.05%".
 */
export function directionText(f: Pick<FigureChange, 'direction' | 'percent' | 'onlyStatedChange' | 'onlyEquivalent' | 'revised' | 'before' | 'now'>): string {
  if (f.onlyStatedChange) return `= figure unchanged, stated change ${statedChangeMove(f)}`;
  if (f.onlyEquivalent) return `= figure unchanged, equivalent ${equivalentMove(f)}`;
  const mark = (f.revised ? REVISED_MARK : MARK)[f.direction];
  return f.percent === undefined || f.direction === 'same' ? mark : `${mark} ${formatNumber(Math.abs(f.percent), changeDecimals(f.percent, 1))}%`;
}

/** The change as one phrase: difference, direction and percent change: "+€11.7 million, ▲ up 3.8%". */
export function changeText(f: Pick<FigureChange, 'direction' | 'difference' | 'percent' | 'onlyStatedChange' | 'onlyEquivalent' | 'revised' | 'before' | 'now'>): string {
  return f.difference === undefined || f.direction === 'same' ? directionText(f) : `${differenceText(f.difference)}, ${directionText(f)}`;
}

/** The period of a move: one, or "before → now". */
export function periodText(before: string, now: string): string {
  return before === now ? now : `${before} → ${now}`;
}

/** What of the changes one briefing shows: a block set's briefing only what it covers. */
export interface ChangesScope {
  /** The block set; undefined for the full briefing, which shows every change. */
  set?: string;
  blocks?: ChapterKey[];
  tags?: string[];
  /** The set has a summary of its own (else it shows the canvas's). */
  ownSummary?: boolean;
  /** Metric ids this briefing shows, and those the same block set showed in the earlier version (undefined: it had no such set). */
  used?: Set<string>;
  usedBefore?: Set<string>;
  /** Charts this briefing shows, and those the same block set showed in the earlier version. */
  charts?: Set<string>;
  chartsBefore?: Set<string>;
  /** The chapters this briefing prints (a set with tags prints those with a section it covers). */
  chapters?: ChapterKey[];
  /** The set gives its own key figures, key charts: the canvas's are not its news. */
  ownKeyFigures?: boolean;
  ownKeyCharts?: boolean;
}

/** The longest quote of a paragraph or bullet in the chapter, in characters. */
const QUOTE_LENGTH = 140;

/**
 * The "Changes since <period>" chapter: the figures that moved (a table like the briefing's others,
 * direction as ▲ ▼ and words, not colour alone), figures added and dropped, sections added and removed,
 * text added and removed, quoted with its figures as they read in that version, free tables' cells and rows and
 * charts' titles and captions edited, and every other part changed, named: each in diff's words, so that the
 * chapter never says nothing changed where something it prints did.
 */
export function changesChapter(changes: CanvasChanges, scope: ChangesScope, numberOf: (chapter: ChapterKey) => number | undefined): ChangesModel {
  const { before, now } = changes;
  const c = narrow(changes, scope);
  const title = before.period !== now.period ? `Changes since ${before.period}`
    : before.asOf !== now.asOf ? `Changes since ${formatDate(before.asOf)}` : 'Changes since the previous version';
  const lead = `Compared with the ${before.period} briefing (data as of ${formatDate(before.asOf)}): the figures that moved, `
    + 'the figures added and dropped, the text added or removed, tables and charts edited, and any other part changed.'
    + (scope.set === undefined ? '' : ' Only changes to what this briefing covers are listed; the full briefing lists them all.');
  const figure = (text: string): TableCell => ({ text: [{ text, figure: true }], numeric: true });
  const plain = (text: string): TableCell => ({ text: [{ text }] });
  const figures = c.figures.length === 0 ? undefined : table(
    [{ label: 'Figure' }, { label: 'Period' }, { label: 'Before', numeric: true }, { label: 'Now', numeric: true }, { label: 'Difference', numeric: true, nowrap: true }, { label: 'Change', numeric: true }],
    c.figures.map((f) => [
      plain(`${f.kind === 'latest' ? `${f.label} (latest)` : f.label}${f.before.metric.label === f.label ? '' : ` (was ${f.before.metric.label})`}`),
      { text: movePeriod(f) },
      figure(withStatedChange(f, f.before.metric)),
      figure(withStatedChange(f, f.now.metric)),
      figure(f.difference === undefined || f.direction === 'same' ? '—' : differenceText(f.difference)),
      // Before and Now show both stated changes: the table says what moved in a few words, keeping the other columns' words whole.
      // A direction with its percent stays on one line ("▲ up 3.8%"); those few words wrap between them where the table is
      // tight, rather than narrow the labels beside them to a few letters a line ("Capit/al expe/nditu/re").
      f.onlyStatedChange || f.onlyEquivalent
        ? figure(f.onlyStatedChange ? `stated change ${statedChangeMove(f)}` : `equivalent ${equivalentMove(f)}`)
        : { ...figure(directionText(f)), nowrap: true },
    ]),
  );
  const listed = (entries: FigureEntry[]) => entries.length === 0 ? undefined : table(
    [{ label: 'Figure' }, { label: 'Period' }, { label: 'Value', numeric: true }],
    entries.map((e) => [
      plain(e.values === undefined ? e.metric.label : `${e.metric.label} (${e.values} ${e.values === 1 ? 'value' : 'values'}, latest shown)`),
      { text: [periodPart(e.metric.period)] },
      figure(amount(e.metric)),
    ]),
  );
  const where = (t: TextEntry, numbered: boolean): string => {
    if (t.place === 'summary') return 'Summary';
    const chapter = titleOf(t.chapter!, t.blockTitle);
    if (t.place === 'lead') return `${chapter}, opening`;
    const n = numbered ? numberOf(t.chapter!) : undefined;
    return `${n === undefined ? '' : `${n}.${t.sectionIndex! + 1} `}${t.section} (${chapter})`;
  };
  const resolved = (t: TextEntry) => sentence(richText(t.text, t.metrics, new Set()));
  const words = (t: TextEntry) => resolved(t).map((p) => p.text).join('');
  // A paragraph edited is one removed and one added: each is quoted from a little before where the two part.
  // Where the two part is where their words part: a figure that moved is in the table above, and an edit of the words
  // after it ("reaffirmed" to "raised") is what the quote must show. Where only figures differ, where the first one does.
  const parting = (t: TextEntry, o: TextEntry) => {
    const [a, b] = [resolved(t), resolved(o)];
    const wordsPart = commonPrefix(masked(a), masked(b));
    return wordsPart < masked(a).length ? renderedOffset(a, wordsPart) : commonPrefix(words(t), words(o));
  };
  const quote = (t: TextEntry, numbered: boolean, others: TextEntry[]) => {
    const text = resolved(t);
    const flat = words(t);
    const shared = Math.max(0, ...others.filter((o) => sameSpot(o, t)).map((o) => parting(t, o)));
    const start = flat.length <= QUOTE_LENGTH || shared < QUOTE_LENGTH - 25 ? 0 : flat.lastIndexOf(' ', shared - 30) + 1;
    return { where: where(t, numbered), text: start === 0 ? clip(text, QUOTE_LENGTH) : [{ text: '…' }, ...clip(from(text, start), QUOTE_LENGTH)] };
  };
  // Text whose words are the same for a reader is no news in the briefing, however its references were
  // rewritten (a metric made a series): such an edit, removed and added alike, is left out here.
  const reads = (t: TextEntry) => `${spot(t)}\0${words(t)}`;
  const textRemoved = unmatched(c.text.removed, c.text.added, reads);
  const textAdded = unmatched(c.text.added, c.text.removed, reads);
  const sectionAdded = (s: SectionEntry) => {
    const n = numberOf(s.chapter);
    return `${n === undefined ? '' : `${n}.${s.index + 1} `}${s.title} (${titleOf(s.chapter, s.blockTitle)})`;
  };
  // A table is placed as text is, numbered as it prints now; its changes and a chart's worded as diff words them.
  const tableWhere = (t: TableChange) => {
    const n = numberOf(t.chapter);
    const name = t.title === undefined ? `table ${t.index}` : `table ${PRINT_LINES.open}${clipLine(t.title, PRINT_LINES.max)}${PRINT_LINES.close}`;
    return `${n === undefined ? '' : `${n}.${t.sectionIndex + 1} `}${t.section} (${titleOf(t.chapter, t.blockTitle)}), ${name}`;
  };
  const lines = (l: string[]): RichText[] => l.map((text) => [{ text }]);
  const tables = c.tables.map((t) => ({ where: tableWhere(t), changes: lines(tableChangeLines(reportTable(t), PRINT_LINES)) }));
  const charts = c.charts.map((ch) => ({ where: `Chart ${PRINT_LINES.open}${clipLine(ch.title, PRINT_LINES.max)}${PRINT_LINES.close}`, changes: lines(chartChangeLines(ch, PRINT_LINES)) }));
  const alsoChanged = c.unitemised.map((u) => alsoChangedLine({ what: partName(u), fields: u.fields }));
  const model: ChangesModel = {
    anchor: 'changes',
    title,
    lead,
    empty: !(c.figures.length || c.added.length || c.dropped.length || c.sections.added.length || c.sections.removed.length || textAdded.length || textRemoved.length
      || tables.length || charts.length || alsoChanged.length),
    sectionsAdded: c.sections.added.map(sectionAdded),
    sectionsRemoved: c.sections.removed.map((s) => `${s.title} (${titleOf(s.chapter, s.blockTitle)})`),
    textAdded: textAdded.map((t) => quote(t, true, textRemoved)),
    textRemoved: textRemoved.map((t) => quote(t, false, textAdded)),
    tables,
    charts,
    alsoChanged,
  };
  if (figures) model.figures = figures;
  const added = listed(c.added);
  if (added) model.added = added;
  const dropped = listed(c.dropped);
  if (dropped) model.dropped = dropped;
  return model;
}

/** Where a text stands: its place, block set, chapter and section. */
function spot(t: TextEntry): string {
  return `${t.place}\0${t.set ?? ''}\0${t.chapter ?? ''}\0${t.section ?? ''}`;
}

function sameSpot(a: TextEntry, b: TextEntry): boolean {
  return spot(a) === spot(b);
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Rich text as one string with each figure one character (U+0001): texts compared for their words alone. */
function masked(text: RichText): string {
  return text.map((p) => (p.figure ? '\u0001' : p.text)).join('');
}

/** The offset in the rendered text (figures written out) of offset `at` in masked(text). */
function renderedOffset(text: RichText, at: number): number {
  let [m, r] = [0, 0];
  for (const piece of text) {
    const length = piece.figure ? 1 : piece.text.length;
    if (m + length > at) return r + (piece.figure ? 0 : at - m);
    [m, r] = [m + length, r + piece.text.length];
  }
  return r;
}

/** Rich text from character `offset` on; a figure that offset falls inside is kept whole. */
function from(text: RichText, offset: number): RichText {
  const out: RichText = [];
  let at = 0;
  for (const piece of text) {
    const end = at + piece.text.length;
    if (end > offset) out.push(at >= offset || piece.figure ? { ...piece } : { ...piece, text: piece.text.slice(offset - at) });
    at = end;
  }
  return out;
}

/** The items of `a` that no item of `b` matches by `key`, each item of `b` matching one. */
function unmatched<T>(a: T[], b: T[], key: (t: T) => string): T[] {
  const left = new Map<string, number>();
  for (const t of b) left.set(key(t), (left.get(key(t)) ?? 0) + 1);
  return a.filter((t) => {
    const n = left.get(key(t)) ?? 0;
    if (n > 0) left.set(key(t), n - 1);
    return n === 0;
  });
}

function table(columns: TableModel['columns'], rows: TableCell[][]): TableModel {
  return { columns, rows: rows.map((r) => r.map((cell, i) => ({ ...cell, numeric: columns[i].numeric, nowrap: cell.nowrap ?? columns[i].nowrap }))) };
}

/** The changes one briefing shows (see ChangesScope). */
function narrow(changes: CanvasChanges, scope: ChangesScope): CanvasChanges {
  const summaryOf = (t: TextEntry) => (scope.set !== undefined && scope.ownSummary ? t.set === scope.set : t.set === undefined);
  // The full briefing prints no block set: a set's own parts changed are that set's news (diff lists them too), as its summary is.
  if (scope.set === undefined) {
    return { ...changes, text: { added: changes.text.added.filter(summaryOf), removed: changes.text.removed.filter(summaryOf) }, unitemised: changes.unitemised.filter((u) => u.part !== 'block_sets') };
  }
  const uses = (ids: Set<string> | undefined, e: FigureEntry) =>
    ids !== undefined && (ids.has(e.id) || (e.values !== undefined && [...ids].some((id) => id.startsWith(`${e.id}@`))));
  const covers = (x: { chapter?: ChapterKey; tags?: string[]; place?: TextEntry['place'] }) =>
    (scope.blocks === undefined || scope.blocks.includes(x.chapter!)) && (scope.tags === undefined || x.place === 'lead' || (x.tags ?? []).some((t) => scope.tags!.includes(t)));
  const text = (t: TextEntry) => (t.place === 'summary' ? summaryOf(t) : covers(t));
  return {
    ...changes,
    figures: changes.figures.filter((f) => scope.used?.has(f.now.id)),
    added: changes.added.filter((e) => uses(scope.used, e)),
    dropped: changes.dropped.filter((e) => uses(scope.usedBefore, e)),
    sections: { added: changes.sections.added.filter(covers), removed: changes.sections.removed.filter(covers) },
    text: { added: changes.text.added.filter(text), removed: changes.text.removed.filter(text) },
    tables: changes.tables.filter(covers),
    charts: changes.charts.filter((ch) => shows(ch.id)),
    unitemised: changes.unitemised.flatMap((u) => {
      if (u.part === 'block_sets') return u.fields.includes(scope.set!) ? [{ ...u, fields: [scope.set!] }] : [];
      return prints(u) ? [u] : [];
    }),
  };

  /** A chart this briefing shows, or that the same set showed before. */
  function shows(id: string): boolean {
    return (scope.charts?.has(id) ?? false) || (scope.chartsBefore?.has(id) ?? false);
  }

  /**
   * Whether a part changed and not itemised prints in this set's briefing: a metric it shows (or showed), a chart it shows,
   * a chapter it prints, a section it covers (with the tags it had or has), the canvas's key figures or charts unless it gives
   * its own; the chapters' order (their numbers), the company, the briefing's own fields, the data notes and the rest always.
   */
  function prints(u: CanvasChanges['unitemised'][number]): boolean {
    switch (u.part) {
      // A series by the values whose fields differ: one the set does not print is not its news.
      case 'metric': return [scope.used, scope.usedBefore].some((ids) => ids !== undefined && (u.values === undefined
        ? ids.has(u.key!) || [...ids].some((id) => id.startsWith(`${u.key}@`))
        : u.values.some((id) => ids.has(id))));
      case 'chart': return shows(u.key!);
      case 'chapter': return scope.chapters === undefined || scope.chapters.includes(u.chapter!);
      case 'section': return covers({ chapter: u.chapter, tags: u.tags });
      case 'key_figures': return !scope.ownKeyFigures;
      case 'key_charts': return !scope.ownKeyCharts;
      default: return true;
    }
  }
}

/** Rich text cut to about `max` characters at a word, never inside a figure, with "…" where it was cut. */
export function clip(text: RichText, max: number): RichText {
  const out: RichText = [];
  let length = 0;
  for (const piece of text) {
    if (length + piece.text.length <= max) {
      out.push({ ...piece });
      length += piece.text.length;
      continue;
    }
    if (!piece.figure) {
      const room = piece.text.slice(0, max - length);
      const cut = room.replace(/\s+\S*$/, '');
      if (cut.trim()) out.push({ text: cut });
    }
    const last = out.at(-1);
    if (last && !last.figure) last.text = last.text.replace(/[\s,;:.]+$/, '');
    out.push({ text: '…' });
    return out;
  }
  return out;
}

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
