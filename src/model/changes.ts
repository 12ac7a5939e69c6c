/**
 * What changed since an earlier version of the canvas (compare/ CanvasChanges), formatted the way the
 * briefing formats figures: as a report for the terminal and for scripts (`briefing diff`), and as the
 * "Changes since <period>" chapter of a briefing built with --since.
 */
import { diffArrays } from 'diff';
import type { Canvas, Metric } from '../validate/schema.ts';
import type { ChapterKey } from '../canvas/blocks.ts';
import type { CanvasChanges, Difference, FigureChange, FigureEntry, PartChange, SectionEntry, TableChange, TableNumber, TextEntry, UnitemisedChange } from '../compare/canvas-changes.ts';
import { changeDecimals, formatNumber } from '../canvas/numbers.ts';
import { periodEndIn } from '../canvas/conflicts.ts';
import { aheadMark, formatChange, formatDate, formatMetricValue, formatQuantity, MINUS } from './format.ts';
import { metricPart, richText, sentence } from './rich-text.ts';
import { tableNumber } from './tables.ts';
import { localFigures } from '../canvas/local-figures.ts';
import { splitReferences } from '../canvas/references.ts';
import { seriesHistory } from '../canvas/series.ts';
import { chapterEntries } from '../canvas/blocks.ts';
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
  /** Of a series' latest value: the earlier latest value as revised since, which the difference and percent are from. */
  before_revised?: ReportedFigure;
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
  /**
   * Cells edited, as the canvas writes them; `formatted`, where either side is a number (not text in quotes), both as
   * the briefing's table prints them: in its language's notation, with its column's decimals ("1.301,2" in German).
   */
  cells: Array<{ row: string; column: string; before: string; now: string; formatted?: { before: string; now: string } }>;
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
  const before = f.before_revised === undefined ? f.before.formatted : `${f.before.formatted} (revised to ${f.before_revised.formatted})`;
  return `${label} (${f.kind === 'latest' ? `latest value, ${period}` : period}): ${before} → ${f.now.formatted} (${f.change})${dated ?? ''}${typed ?? ''}${stated ?? ''}${equivalent ?? ''}${f.warning ? `; ${f.warning}` : ''}`;
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

/** A period with its date: "Q3 2025 (30 Sep 2025)", "Q3 2025 (undated)"; words that are that day alone: "30 Sep 2025", not twice. */
function datedPeriod(words: string, end: string | null | undefined): string {
  return isTheDay(words, end) ? words : `${words} (${end ? formatDate(end) : 'undated'})`;
}

/**
 * Whether a period's words are its date and nothing more (an as-at figure's "30 Sep 2025", "September 30, 2025",
 * "2025-09-30"): its date beside them would say the day twice.
 */
function isTheDay(words: string, end: string | null | undefined): boolean {
  const flat = words.trim().replace(/\s+/g, ' ');
  return !!end && ONLY_A_DAY.test(flat) && periodEndIn(flat) === end;
}

/** Period words that are a day alone, in the forms periodEndIn reads it: "2025-09-30", "30 Sep 2025", "September 30, 2025". */
const ONLY_A_DAY = /^(?:\d{4}-\d{2}-\d{2}|\d{1,2} [A-Za-z]+\.? \d{4}|[A-Za-z]+\.? \d{1,2},? \d{4})$/;

/**
 * The period of a move as the chapter's table gives it: "Q2 2025 → Q3 2025", with the dates where they moved (showsDates),
 * and the period type where it changed. A period of a few words and a date each stay on one line, the arrow with the one
 * before it: a narrow column reads "Q2 2025 →" above "Q3 2025", or "30 Jun 2025 →" above "30 Sep 2025", never "30 Sep"
 * above "2025" (a longer period, as a company may word it, wraps between its words).
 */
function movePeriod(f: FigureChange, language?: string): RichText {
  const [was, is] = [f.before.metric, f.now.metric];
  const dated = showsDates(f);
  const side = (m: typeof was): RichText => {
    // A forecast's or target's period says so (where the type moved, the note after it says what each was).
    const words = periodPart(m.period + (periodTypeMoved(f) ? '' : aheadMark(m, m.period, m.label)));
    return dated && !isTheDay(m.period, m.period_end) ? [words, { text: ' ' }, { text: `(${m.period_end ? formatDate(m.period_end, language) : 'undated'})`, whole: true }] : [words];
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

/**
 * What changed, as `diff` reports it; its figures written as the changes chapter writes them, in `language` (the
 * canvas's): "311,2 Mio. €" in German, "$5.6 billion" in en-US. A free table's cells are quoted as the canvas writes them,
 * and a number among them also as its table prints it (`formatted`: "1.301,2" in German), as the lines give it.
 */
export function describeChanges(changes: CanvasChanges, language?: string): ChangeReport {
  const section = (s: SectionEntry): ReportedSection => ({ chapter: s.chapter, chapter_title: titleOf(s.chapter, s.blockTitle), title: s.title });
  const text = (t: TextEntry): ReportedText => compact({
    place: t.place, chapter: t.chapter, chapter_title: t.chapter && titleOf(t.chapter, t.blockTitle), section: t.section, set: t.set, text: t.written,
  });
  const report = {
    before: { period: changes.before.period, as_of: changes.before.asOf },
    now: { period: changes.now.period, as_of: changes.now.asOf },
    figures: changes.figures.map((f) => reportMove(f, language)),
    added: changes.added.map((e) => reportEntry(e, language)),
    dropped: changes.dropped.map((e) => reportEntry(e, language)),
    sections: { added: changes.sections.added.map(section), removed: changes.sections.removed.map(section) },
    text: { added: changes.text.added.map(text), removed: changes.text.removed.map(text) },
    tables: changes.tables.map((t) => reportTable(t, language)),
    charts: changes.charts.map((c) => ({ id: c.id, title: c.title, parts: c.parts })),
    also_changed: changes.unitemised.map((u) => ({ what: partName(u), fields: u.fields })),
  };
  const differences = report.before.period !== report.now.period || report.before.as_of !== report.now.as_of
    || [report.figures, report.added, report.dropped, report.sections.added, report.sections.removed, report.text.added, report.text.removed,
      report.tables, report.charts, report.also_changed].some((l) => l.length > 0);
  return { differences, ...report };
}

function reportTable(t: TableChange, language?: string): ReportedTable {
  const printed = (written: string, n: TableNumber | undefined) => (n === undefined ? written : tableNumber(n.number, n.columnDecimals, language));
  const cells = t.cells.map(({ numbers, ...c }) => (numbers === undefined ? c
    : { ...c, formatted: { before: printed(c.before, numbers.before), now: printed(c.now, numbers.now) } }));
  return compact({
    chapter: t.chapter, chapter_title: titleOf(t.chapter, t.blockTitle), section: t.section, title: t.title, index: t.index, added: t.added, removed: t.removed,
    cells, rows_added: t.rowsAdded, rows_removed: t.rowsRemoved, parts: t.parts,
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

/**
 * The words an edited text is compared and quoted by: a run of letters, digits and marks between spaces, and each
 * Chinese or Japanese character on its own, as those scripts write no spaces between words ("新增销售网点120个" is
 * 新 增 销 售 网 点 120 个): else a paragraph of them is one word, and an edit in it is quoted whole, not where it is.
 */
const QUOTED_WORDS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/** The words of a text as QUOTED_WORDS reads them. */
export const quotedWords = (text: string): string[] => text.match(QUOTED_WORDS) ?? [];

/** Words of context each side of a place where an edited text differs, at the least. */
const CONTEXT_WORDS = 3;
/** A changed run longer than this many words is quoted by its first words and the words of it with a figure. */
const LONG_RUN = 2 * CONTEXT_WORDS + 1;
/**
 * A word that is or holds a figure: digits of any script (0-9, full-width ２０, Devanagari २०, Arabic-Indic ٢٠: \d is 0-9
 * alone), a reference ([[revenue]]), or a figure masked as U+0001 (the chapter's).
 */
const FIGURE_WORD = /[\p{N}\u0001]|\[\[/u;
/**
 * Beyond this much work (words × words added or removed) a long edit is not aligned word by word: what lies between the
 * shared start and end differs. A 20,000-word paragraph with a few edits anywhere in it is well within it.
 */
const MAX_EDIT_WORK = 50_000_000;

/** Where an edited text differs from the other side of its edit: words [from, to) of it (from === to: words only the other has, before word from). */
interface ChangedRun {
  from: number;
  to: number;
  /** The words changed, on either side, hold a figure. */
  figure: boolean;
}

/**
 * The runs of `a`'s words that differ from `b`'s, by the fewest words added and removed (jsdiff's diffArrays, Myers'
 * diff), and how many words they share.
 */
function changedRuns(a: string[], b: string[]): { runs: ChangedRun[]; shared: number } {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const [n, m] = [a.length - head - tail, b.length - head - tail];
  // Pairs of (index in a, index in b) shared, in order, between the common start and end. Where the words added and
  // removed are too many to find quickly (a long paragraph rewritten), all between is one run.
  const pairs: Array<[number, number]> = [];
  const parts = n > 0 && m > 0 ? diffArrays(a.slice(head, head + n), b.slice(head, head + m), { maxEditLength: Math.floor(MAX_EDIT_WORK / (n + m)) }) : undefined;
  let [x, y] = [head, head];
  for (const part of parts ?? []) {
    const count = part.value.length;
    if (part.added) y += count;
    else if (part.removed) x += count;
    else for (let k = 0; k < count; k++) pairs.push([x++, y++]);
  }
  pairs.push([a.length - tail, b.length - tail]);
  const runs: ChangedRun[] = [];
  let [i, j] = [head, head];
  for (const [p, q] of pairs) {
    if (p > i || q > j) runs.push({ from: i, to: p, figure: [...a.slice(i, p), ...b.slice(j, q)].some((w) => FIGURE_WORD.test(w)) });
    [i, j] = [p + 1, q + 1];
  }
  return { runs, shared: head + tail + pairs.length - 1 };
}

/**
 * The other side of each of several texts edited at one place (a section's paragraphs or bullets), as indexes in
 * `others`, by their words: one each, by most words shared, of two pairs alike the one at the same place in its list
 * first (two bullets alike but for a figure and a word pair by their place, not across); a text left over is compared
 * with every other. Were each text to take the one it shares most with alone, two could take one, and the figure that
 * changed on the other be quoted by neither.
 */
export function editPartners(texts: string[][], others: string[][]): number[][] {
  if (texts.length <= 1 || others.length <= 1) return texts.map(() => others.map((_, j) => j));
  const pairs = texts.flatMap((t, i) => others.map((o, j) => ({ i, j, shared: changedRuns(t, o).shared })));
  pairs.sort((x, y) => y.shared - x.shared || Math.abs(x.i - x.j) - Math.abs(y.i - y.j) || x.i - y.i);
  const partner = new Map<number, number>();
  const taken = new Set<number>();
  for (const { i, j } of pairs) {
    if (partner.has(i) || taken.has(j)) continue;
    partner.set(i, j);
    taken.add(j);
  }
  return texts.map((_, i) => (partner.has(i) ? [partner.get(i)!] : others.map((__, j) => j)));
}

/**
 * The windows of an edited text to quote, as [start, end) offsets in `text`: every place where it differs from the other
 * side of its edit (the one of `others` it shares most words with), each with a few words around it, nearby ones merged,
 * widened while the whole stays within about `max` characters. Where the places are too many for `max`, those whose
 * changed words hold a figure are all kept, the others as room allows. Undefined where the text is short enough to
 * quote whole, or has no other side: quote it from its start. `briefing diff` and the "Changes since" chapter both quote by it.
 */
export function editWindows(text: string, others: string[], max: number): Array<[number, number]> | undefined {
  const words = [...text.matchAll(QUOTED_WORDS)].map((w) => ({ start: w.index, end: w.index + w[0].length, key: w[0] }));
  return windowsOf(words, others.map(quotedWords), max);
}

/**
 * A text's word to quote or leave out: [start, end) in the text, and what it is compared by (its words; a figure in the
 * chapter's rich text by U+0001, where the figures table shows its move).
 */
interface QuotedWord {
  start: number;
  end: number;
  key: string;
}

/** editWindows of a text in words, against the other sides' keys. */
function windowsOf(words: QuotedWord[], others: string[][], max: number): Array<[number, number]> | undefined {
  // Its length as quoted: the spaces between words one each.
  const length = (from: number, to: number) => {
    let sum = 0;
    for (let k = from; k < to; k++) sum += words[k].end - words[k].start + (k > from && words[k].start > words[k - 1].end ? 1 : 0);
    return sum;
  };
  const n = words.length;
  if (n === 0 || others.length === 0 || length(0, n) <= max) return undefined;
  const best = others.map((o) => changedRuns(words.map((w) => w.key), o)).reduce((x, y) => (y.shared > x.shared ? y : x));
  if (best.runs.length === 0) return undefined;
  // A long run is quoted by its first words and the words of it that hold a figure.
  const focus = best.runs.flatMap((r): ChangedRun[] => r.to - r.from <= LONG_RUN ? [r] : [
    { from: r.from, to: r.from + CONTEXT_WORDS, figure: false },
    ...words.slice(r.from, r.to).flatMap((w, k) => (FIGURE_WORD.test(w.key) ? [{ from: r.from + k, to: r.from + k + 1, figure: true }] : [])),
  ]);
  // Each place with a few words around it, those that meet or nearly meet as one.
  const around = (places: ChangedRun[]) => {
    const out: ChangedRun[] = [];
    for (const f of places) {
      const w = { from: Math.max(0, f.from - CONTEXT_WORDS), to: Math.min(n, Math.max(f.to, f.from + 1) + CONTEXT_WORDS), figure: f.figure };
      const last = out.at(-1);
      if (last && w.from <= last.to + 1) Object.assign(last, { to: Math.max(last.to, w.to), figure: last.figure || w.figure });
      else out.push(w);
    }
    return out;
  };
  // As quoted: the windows' words, "…" before, between and after them where words are left out.
  const total = (ws: ChangedRun[]) => ws.reduce((sum, w, k) => sum + length(w.from, w.to) + (k > 0 ? 3 : 0), 0) + (ws[0].from > 0 ? 1 : 0) + (ws.at(-1)!.to < n ? 1 : 0);
  let windows = around(focus);
  if (total(windows) > max) {
    // Too many places for the room: every one with a figure, then the others in order while they fit.
    const kept = focus.filter((f) => f.figure);
    for (const f of focus) {
      if (f.figure) continue;
      const tried = [...kept, f].sort((x, y) => x.from - y.from);
      if (kept.length === 0 || total(around(tried)) <= max) kept.splice(0, kept.length, ...tried);
    }
    windows = around(kept);
    // One window of words alone, too long: its start.
    if (windows.length === 1 && !windows[0].figure) while (windows[0].to - windows[0].from > 1 && total(windows) > max) windows[0].to--;
  }
  // Widened a word at a time, after then before each, while there is room; windows that meet become one.
  for (let grown = true; grown;) {
    grown = false;
    for (let k = 0; k < windows.length; k++) {
      for (const side of ['to', 'from'] as const) {
        const w = windows[k];
        const wider = side === 'to' ? { ...w, to: w.to + 1 } : { ...w, from: w.from - 1 };
        if (wider.from < 0 || wider.to > n) continue;
        const next = windows[k + 1];
        const prev = windows[k - 1];
        const tried = windows.slice();
        if (next && wider.to >= next.from) tried.splice(k, 2, { ...wider, to: next.to, figure: wider.figure || next.figure });
        else if (prev && wider.from <= prev.to) tried.splice(k - 1, 2, { ...wider, from: prev.from, figure: wider.figure || prev.figure });
        else tried[k] = wider;
        if (total(tried) > max) continue;
        windows = tried;
        grown = true;
        if (windows.length <= k) break;
      }
    }
  }
  return windows.map((w) => [words[w.from].start, words[w.to - 1].end]);
}

/** An edited text quoted by editWindows: its windows joined with "…"; or, short or without another side, from its start (clipLine). */
export function editedQuote(text: string, others: string[], max: number): string {
  const windows = editWindows(text, others, max);
  if (windows === undefined) return clipLine(text, max);
  const parts = windows.map(([start, end]): RichText => [{ text: text.slice(start, end) }]);
  return joinWindows(parts, windows[0][0] > 0, windows.at(-1)![1] < text.trimEnd().length).map((p) => p.text).join('');
}

/**
 * Quoted windows joined: "…" before the first where it starts past the text's start, " … " between, "…" after the last
 * where it ends short of the text's end, each "…" with the punctuation before it taken away (as clipLine cuts); the words'
 * spaces on one line, a figure kept as it is.
 */
function joinWindows(parts: RichText[], before: boolean, after: boolean): RichText {
  const out: RichText = before ? [{ text: '…' }] : [];
  const ellipsis = (s: string) => {
    const last = out.at(-1);
    if (last && !last.figure) last.text = last.text.replace(/[\s,;:.，、。；：]+$/, '');
    out.push({ text: s });
  };
  parts.forEach((part, k) => {
    if (k > 0) ellipsis(' … ');
    const pieces = part.map((p) => (p.figure ? { ...p } : { ...p, text: p.text.replace(/\s+/g, ' ') }));
    // Nor does a window start with the punctuation after an ellipsis ("…，提升" of Chinese, whose words are its characters).
    if ((k > 0 || before) && pieces[0] && !pieces[0].figure) pieces[0].text = pieces[0].text.replace(/^[\s,;:.，、。；：]+/, '');
    out.push(...pieces);
  });
  if (after) ellipsis('…');
  return out.filter((p) => p.text !== '');
}

function quotedPart(text: string | null, style: LineStyle): string {
  return text === null ? 'none' : `${style.open}${clipLine(text, style.max)}${style.close}`;
}

/**
 * A free table's changes, one line each: a cell "row Norway, Share (%): 38 → 40" (the row named by its first cell; a
 * number as its table prints it, `formatted`: "59,5 → 59,7" in German, where "59.5" is another figure), its
 * title, columns or note before and now, a row removed or added; or "table added" / "table removed".
 */
export function tableChangeLines(t: Pick<ReportedTable, 'added' | 'removed' | 'cells' | 'rows_added' | 'rows_removed' | 'parts'>, style: LineStyle): string[] {
  if (t.added || t.removed) return [`table ${t.added ? 'added' : 'removed'}`];
  const row = (mark: '+' | '-', r: string) => (style.rows === 'marks' ? `${mark} row ` : `row ${mark === '+' ? 'added' : 'removed'} `) + quotedPart(r, style);
  return [
    ...t.parts.map((p) => `${p.part} ${quotedPart(p.before, style)} → ${quotedPart(p.now, style)}`),
    ...t.cells.map((c) => `row ${clipLine(c.row, 40)}, ${c.column}: ${clipLine(c.formatted?.before ?? c.before, style.max)} → ${clipLine(c.formatted?.now ?? c.now, style.max)}`),
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
export const reportLines = { moveLine, tableChangeLines, chartChangeLines, alsoChangedLine, clipLine, editedQuote, editPartners, quotedWords, CONSOLE_LINES };
export type ReportLines = typeof reportLines;

function reportFigure(id: string, m: Metric, language?: string): ReportedFigure {
  return compact({ id, value: m.value, text: m.value === undefined ? m.text : undefined, unit: m.unit, scale: m.scale, period: m.period, formatted: amount(m, language) });
}

function reportMove(f: FigureChange, language?: string): ReportedMove {
  return {
    kind: f.kind,
    id: f.id,
    label: f.label,
    ...(f.before.metric.label === f.label ? {} : { label_before: f.before.metric.label }),
    ...(f.renamedFrom === undefined ? {} : { id_before: f.renamedFrom }),
    before: reportFigure(f.before.id, f.before.metric, language),
    now: reportFigure(f.now.id, f.now.metric, language),
    direction: f.direction,
    difference: f.difference === undefined ? null : compact({ value: f.difference.value, unit: f.difference.unit, scale: f.difference.scale, approximate: f.difference.approximate, formatted: differenceText(f.difference, language) }),
    percent: f.percent === undefined ? null : Number(f.percent.toFixed(changeDecimals(f.percent, 2))),
    change: changeText(f, language),
    ...(f.revised ? { revised: true as const } : {}),
    ...(f.beforeRevised === undefined ? {} : { before_revised: reportFigure(f.beforeRevised.id, f.beforeRevised.metric, language) }),
    ...(showsDates(f) ? { period_end: { before: f.before.metric.period_end ?? null, now: f.now.metric.period_end ?? null } } : {}),
    ...(periodTypeMoved(f) ? { period_type: { before: f.before.metric.period_type ?? null, now: f.now.metric.period_type ?? null } } : {}),
    ...(f.statedChangeMoved ? { stated_change: { before: statedChange(f.before.metric, language), now: statedChange(f.now.metric, language) } } : {}),
    ...(f.equivalentMoved ? { equivalent: { before: equivalentOf(f.before.metric, language), now: equivalentOf(f.now.metric, language) } } : {}),
    ...(f.equivalentKept && f.now.metric.equivalent ? { warning: `its ${f.now.metric.equivalent.unit} equivalent, ${formatQuantity(f.now.metric.equivalent, language)}, is the one given for the old figure: update it too, or check that it still holds` } : {}),
  };
}

function reportEntry(e: FigureEntry, language?: string): ReportedEntry {
  const { id, ...figure } = reportFigure(e.id, e.metric, language);
  return { id, label: e.metric.label, ...figure, ...(e.values === undefined ? {} : { values: e.values }) };
}

/**
 * A figure as the table of moves shows it: with its equivalent where that changed ("₹95,000 million (US$1,087 million)"),
 * and its stated change where that was revised ("NOK 412 million, +29% YoY").
 */
function withStatedChange(f: FigureChange, m: Metric, language?: string): string {
  const figure = f.equivalentMoved ? formatMetricValue(m, language) : amount(m, language);
  if (!f.statedChangeMoved) return figure;
  return `${figure}, ${statedChange(m, language) ?? 'no change stated'}`;
}

/** How an equivalent moved: added, removed or revised. */
function equivalentMove(f: Pick<FigureChange, 'before' | 'now'>): 'added' | 'removed' | 'revised' {
  return f.before.metric.equivalent === undefined ? 'added' : f.now.metric.equivalent === undefined ? 'removed' : 'revised';
}

/** The equivalent a metric prints beside its figure: "US$1,087 million"; null when it states none. */
function equivalentOf(m: Metric, language?: string): string | null {
  return m.equivalent === undefined ? null : formatQuantity(m.equivalent, language);
}

/** How a stated change moved: added, removed or revised. */
function statedChangeMove(f: Pick<FigureChange, 'before' | 'now'>): 'added' | 'removed' | 'revised' {
  return f.before.metric.change === undefined ? 'added' : f.now.metric.change === undefined ? 'removed' : 'revised';
}

/** The change a metric states beside its figure, as printed: "+34% YoY"; null when it states none. */
function statedChange(m: Metric, language?: string): string | null {
  return m.change === undefined ? null : formatChange(m.change, language);
}

/**
 * `language` where it writes numbers as English does (a regional English: en-US's "Sep 30, 2025"), else none: the
 * English way, as the chapter writes its dates in every other language (its words are English).
 */
function englishOf(language: string | undefined): string | undefined {
  return localFigures(language) === undefined ? language : undefined;
}

/** A figure without its equivalent in another currency: "€322.9 million", as `language` writes it. */
function amount(m: Metric, language?: string): string {
  return formatMetricValue({ ...m, equivalent: undefined }, language);
}

/** "+€11.7 million", "−3 turbines", "+1.2 pp" (a difference of percentages is in points), "about +0.2 GW". */
export function differenceText(d: Omit<Difference, 'approximate'> & { approximate?: boolean }, language?: string): string {
  const sign = d.value > 0 ? '+' : d.value < 0 ? MINUS : '±';
  const local = localFigures(language);
  const body = d.unit === 'percent'
    ? `${local ? local.number(d.value, d.decimals) : formatNumber(Math.abs(d.value), d.decimals)}${local ? '\u00a0' : ' '}pp`
    : formatQuantity({ value: Math.abs(d.value), unit: d.unit, scale: d.scale, decimals: d.decimals }, language);
  return `${d.approximate ? 'about ' : ''}${sign}${body}`;
}

const MARK = { up: '▲ up', down: '▼ down', same: '= unchanged', changed: 'changed' } as const;
/** The same period's figure corrected: it was reported otherwise, it did not rise or fall. */
const REVISED_MARK = { up: '▲ revised up', down: '▼ revised down', same: '= unchanged', changed: 'revised' } as const;

/**
 * The direction, as a mark and a word (so that it reads without colour), and the percent change to a tenth, or to its first
 * digit where it is smaller: "▲ up 3.8%", "▲ revised up 0.3%", "▼ revised down 0.05%".
 */
export function directionText(f: Pick<FigureChange, 'direction' | 'percent' | 'onlyStatedChange' | 'onlyEquivalent' | 'revised' | 'before' | 'now'>, language?: string): string {
  if (f.onlyStatedChange) return `= figure unchanged, stated change ${statedChangeMove(f)}`;
  if (f.onlyEquivalent) return `= figure unchanged, equivalent ${equivalentMove(f)}`;
  const mark = (f.revised ? REVISED_MARK : MARK)[f.direction];
  if (f.percent === undefined || f.direction === 'same') return mark;
  const local = localFigures(language);
  const digits = changeDecimals(f.percent, 1);
  return `${mark} ${local ? local.percent(local.number(f.percent, digits)) : `${formatNumber(Math.abs(f.percent), digits)}%`}`;
}

/** The change as one phrase: difference, direction and percent change: "+€11.7 million, ▲ up 3.8%". */
export function changeText(f: Pick<FigureChange, 'direction' | 'difference' | 'percent' | 'onlyStatedChange' | 'onlyEquivalent' | 'revised' | 'before' | 'now'>, language?: string): string {
  return f.difference === undefined || f.direction === 'same' ? directionText(f, language) : `${differenceText(f.difference, language)}, ${directionText(f, language)}`;
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

/** The heading of the figures' change in the chapter's table: from the Before column, not a stated change (YoY). */
const CHANGE_COLUMN = 'Change from Before';

/** The note under the table of figures that moved: what its Difference and Change are from. */
function movesNote(figures: FigureChange[]): string {
  return 'Difference and Change are from Before to Now'
    + (figures.some((f) => f.kind === 'latest') ? ': for a figure marked (latest), from the period before it, as the Period column shows' : '')
    + '; not a change stated beside a figure, such as year on year.';
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
export function changesChapter(changes: CanvasChanges, scope: ChangesScope, numberOf: (chapter: ChapterKey) => number | undefined, versions?: ChangesVersions): ChangesModel {
  const { before, now } = changes;
  const c = narrow(changes, scope);
  // Quoted text follows the briefing's language (below), and so do the table's figures, as the rest of the briefing
  // writes them ("9,18 Mrd. €" in German: "48,350" beside a quoted "48.900" read as two figures); its words and dates
  // are English, as its headings are (en-US: "Sep 30, 2025").
  const language = versions?.now.briefing.language;
  const english = englishOf(language);
  const title = before.period !== now.period ? `Changes since ${before.period}`
    : before.asOf !== now.asOf ? `Changes since ${formatDate(before.asOf, english)}` : 'Changes since the previous version';
  const lead = `Compared with the ${before.period} briefing (data as of ${formatDate(before.asOf, english)}): the figures that moved, `
    + 'the figures added and dropped, the text added or removed, tables and charts edited, and any other part changed.'
    + (scope.set === undefined ? '' : ' Only changes to what this briefing covers are listed; the full briefing lists them all.');
  const figure = (text: string): TableCell => ({ text: [{ text, figure: true }], numeric: true });
  const plain = (text: string): TableCell => ({ text: [{ text }] });
  const figures = c.figures.length === 0 ? undefined : table(
    [{ label: 'Figure' }, { label: 'Period' }, { label: 'Before', numeric: true }, { label: 'Now', numeric: true }, { label: 'Difference', numeric: true, nowrap: true }, { label: CHANGE_COLUMN, numeric: true }],
    c.figures.map((f) => [
      plain(`${f.kind === 'latest' ? `${f.label} (latest)` : f.label}${f.before.metric.label === f.label ? '' : ` (was ${f.before.metric.label})`}`),
      { text: movePeriod(f, english) },
      figure(`${withStatedChange(f, f.before.metric, language)}${f.beforeRevised === undefined ? '' : `, revised to ${withStatedChange(f, f.beforeRevised.metric, language)}`}`),
      figure(withStatedChange(f, f.now.metric, language)),
      figure(f.difference === undefined || f.direction === 'same' ? '—' : differenceText(f.difference, language)),
      // Before and Now show both stated changes: the table says what moved in a few words, keeping the other columns' words whole.
      // A direction with its percent stays on one line ("▲ up 3.8%"); those few words wrap between them where the table is
      // tight, rather than narrow the labels beside them to a few letters a line ("Capit/al expe/nditu/re").
      f.onlyStatedChange || f.onlyEquivalent
        ? figure(f.onlyStatedChange ? `stated change ${statedChangeMove(f)}` : `equivalent ${equivalentMove(f)}`)
        : { ...figure(directionText(f, language)), nowrap: true },
    ]),
  );
  const listed = (entries: FigureEntry[]) => entries.length === 0 ? undefined : table(
    [{ label: 'Figure' }, { label: 'Period' }, { label: 'Value', numeric: true }],
    entries.map((e) => [
      plain(e.values === undefined ? e.metric.label : `${e.metric.label} (${e.values} ${e.values === 1 ? 'value' : 'values'}, latest shown)`),
      { text: [periodPart(e.metric.period + aheadMark(e.metric, e.metric.period, e.metric.label))] },
      figure(amount(e.metric, language)),
    ]),
  );
  // Text added is numbered by where it prints now; text removed by the number its section has now, where the briefing
  // still has that section (removed from it, an edit's other side), and unnumbered where the section is gone, as
  // Sections removed lists it: a number of the earlier version would point the reader at another section.
  const where = (t: TextEntry, added: boolean): string => {
    if (t.place === 'summary') return 'Summary';
    const chapter = titleOf(t.chapter!, t.blockTitle);
    if (t.place === 'lead') return `${chapter}, opening`;
    const n = numberOf(t.chapter!);
    const index = added ? t.sectionIndex : sectionNow(versions, t.chapter!, t.section!, t.sectionIndex!);
    return `${n === undefined || index === undefined ? '' : `${n}.${index + 1} `}${t.section} (${chapter})`;
  };
  // Quoted as the briefing's reader reads it: its figures written the way its language writes them ("12.840 Beschäftigte"
  // in a German briefing, whose reader takes "12,840" for twelve point eight four), as in its chapters.
  const resolved = (t: TextEntry) => sentence(richText(t.text, t.metrics, new Set(), language));
  const words = (t: TextEntry) => resolved(t).map((p) => p.text).join('');
  // A paragraph edited is one removed and one added: each is quoted where the two differ (editWindows, as diff quotes).
  // Where they differ is where their words do: a figure that moved is in the table above, and an edit of the words
  // around it ("reaffirmed" to "raised") is what the quote must show. Where only figures differ, where they do.
  const partners = new Map<string, number[][]>(); // editPartners of the texts at a spot, added or removed
  const keys = (o: TextEntry, figures: boolean) => richWords(resolved(o), figures, references(o)).map((w) => w.key);
  // A figure is compared first by the reference written ([[revenue]] either side is one word, however its value moved;
  // one made to name another figure is an edit the table does not list, and is quoted), then by its words.
  const quote = (t: TextEntry, added: boolean, own: TextEntry[], others: TextEntry[]) => {
    const text = resolved(t);
    const mine = own.filter((o) => sameSpot(o, t));
    const theirs = others.filter((o) => sameSpot(o, t));
    const cached = `${added}\0${spot(t)}`;
    if (!partners.has(cached)) partners.set(cached, editPartners(mine.map((o) => keys(o, false)), theirs.map((o) => keys(o, false))));
    const sides = partners.get(cached)![mine.indexOf(t)].map((j) => theirs[j]);
    const windows = windowsOf(richWords(text, false, references(t)), sides.map((o) => keys(o, false)), QUOTE_LENGTH)
      ?? windowsOf(richWords(text, true), sides.map((o) => keys(o, true)), QUOTE_LENGTH);
    if (windows === undefined) return { where: where(t, added), text: clip(text, QUOTE_LENGTH) };
    const flat = words(t);
    return { where: where(t, added), text: joinWindows(windows.map(([start, end]) => between(text, start, end)), windows[0][0] > 0, windows.at(-1)![1] < flat.trimEnd().length) };
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
  // Its rows and cells quoted as they printed in their version: a reference as the figure it showed then (diff, for the
  // canvas's author, quotes them as written).
  const tables = c.tables.map((t) => ({ where: tableWhere(t), changes: lines(tableChangeLines(reportTable(printedTable(t, versions, language), language), PRINT_LINES)) }));
  const charts = c.charts.map((ch) => ({ where: `Chart ${PRINT_LINES.open}${clipLine(ch.title, PRINT_LINES.max)}${PRINT_LINES.close}`, changes: lines(chartChangeLines(ch, PRINT_LINES)) }));
  // Named as the briefing prints them (a metric by its label, a chart by its title), not by the canvas's ids: diff, for
  // the canvas's author, names them by id.
  const alsoChanged = c.unitemised.map((u) => (versions === undefined ? alsoChangedLine({ what: partName(u), fields: u.fields }) : printedPart(u, versions, language)));
  const model: ChangesModel = {
    anchor: 'changes',
    title,
    lead,
    empty: !(c.figures.length || c.added.length || c.dropped.length || c.sections.added.length || c.sections.removed.length || textAdded.length || textRemoved.length
      || tables.length || charts.length || alsoChanged.length),
    sectionsAdded: c.sections.added.map(sectionAdded),
    sectionsRemoved: c.sections.removed.map((s) => `${s.title} (${titleOf(s.chapter, s.blockTitle)})`),
    textAdded: textAdded.map((t) => quote(t, true, textAdded, textRemoved)),
    textRemoved: textRemoved.map((t) => quote(t, false, textRemoved, textAdded)),
    tables,
    charts,
    alsoChanged,
  };
  // The change is from Before to Now, for a series' latest value from the period before (quarter on quarter): said
  // beside the table, so that "▲ up 0.9%" is not read as the growth the key figures state ("+8% YoY").
  if (figures) model.figures = { ...figures, note: movesNote(c.figures) };
  const added = listed(c.added);
  if (added) model.added = added;
  const dropped = listed(c.dropped);
  if (dropped) model.dropped = dropped;
  return model;
}

/** The two versions compared, as the model reads them (series laid out): what the chapter quotes as each printed it. */
export interface ChangesVersions {
  before: Pick<Canvas, 'metrics' | 'briefing' | 'blocks' | 'charts' | 'block_sets'>;
  now: Pick<Canvas, 'metrics' | 'briefing' | 'blocks' | 'charts' | 'block_sets'>;
}

/** The canvas's own parts as the briefing calls them (diff's "data notes", "key figures" are its own words). */
const PRINTED_PARTS: Record<string, string> = { company: 'Company', briefing: 'Briefing', key_figures: 'Key figures', key_charts: 'Key charts', data_notes: 'Data notes', glossary: 'Glossary of names', chapters: 'Chapters' };
/** Fields as a reader knows them: a data notes part by its heading, a chart's points as the figures it plots. */
const PRINTED_FIELDS: Record<string, Record<string, string>> = {
  data_notes: { sources: 'sources', contradictions: 'where sources disagree', notes: 'notes', acknowledged: 'notes', preface: 'opening line' },
  chart: { points: 'figures plotted', series: 'figures plotted', last: 'figures plotted', type: 'kind of chart', from_zero: 'axis' },
  metric: { concept: 'measure', better: 'colour of its change' },
  block_set: { title: 'title', description: 'description', blocks: 'chapters', tags: 'sections', key_figures: 'key figures', key_charts: 'key charts' },
};

/**
 * A part listed under "Also changed" as the briefing's reader knows it: a metric by its label, a chart by its title, a
 * block set as the briefing it is, the data notes by their headings; its fields in those words, each once.
 */
function printedPart(u: UnitemisedChange, versions: ChangesVersions, language: string | undefined): string {
  const either = <T>(of: (v: ChangesVersions['now']) => T | undefined): T | undefined => of(versions.now) ?? of(versions.before);
  const own = <T>(record: Record<string, T> | undefined, key: string) => (record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined);
  const words = (part: string, fields: string[]) => [...new Set(fields.map((f) => own(PRINTED_FIELDS[part], f) ?? f.replace(/_/g, ' ')))];
  const line = (what: string, part: string, fields: string[]) => alsoChangedLine({ what, fields: words(part, fields) });
  switch (u.part) {
    case 'metric': return line(either((v) => metricOf(v, u.key!)?.label) ?? u.key!, 'metric', u.fields);
    case 'chart': {
      const title = either((v) => { const t = own(v.charts, u.key!)?.title; return t === undefined ? undefined : printedText(t, v, language); });
      return line(title === undefined ? 'A chart' : `Chart ${PRINT_LINES.open}${clipLine(title, PRINT_LINES.max)}${PRINT_LINES.close}`, 'chart', u.fields);
    }
    case 'block_sets': {
      // A set's briefing lists only its own set (narrow): this briefing's choice of chapters and figures, by what differs.
      const sets = u.fields.map((key) => {
        const [was, is] = [own(versions.before.block_sets, key), own(versions.now.block_sets, key)];
        const title = (is ?? was)?.title ?? key;
        const fields = was === undefined || is === undefined ? [] : Object.keys(PRINTED_FIELDS.block_set).filter((f) => JSON.stringify(was[f as keyof typeof was]) !== JSON.stringify(is[f as keyof typeof is]));
        return line(`The ${PRINT_LINES.open}${title}${PRINT_LINES.close} briefing`, 'block_set', fields);
      });
      return sets.join('; ');
    }
    default: return PRINTED_PARTS[u.part] === undefined ? alsoChangedLine({ what: partName(u), fields: u.fields }) : line(PRINTED_PARTS[u.part], u.part, u.fields);
  }
}

/**
 * Text as written, as its version printed it: each reference the figure it showed ([[revenue]], a series, its latest
 * value up to that version's date), in the chapter's `language` as the rest of the chapter quotes figures ("311,2 Mio. €");
 * one the version cannot resolve said so in words, never as [[…]].
 */
function printedText(text: string, version: ChangesVersions['before'] | undefined, language: string | undefined): string {
  if (version === undefined) return text;
  return splitReferences(text).map((piece) => {
    if ('text' in piece) return piece.text;
    const m = metricOf(version, piece.id);
    return m === undefined ? `(figure ${piece.id.replace(/@.*$/, '')} not found)` : metricPart(m, piece.part, language); // a series by its id, not a value's
  }).join('');
}

/** A metric of a version by the id a reference names: a series' id names its latest value up to the version's date. */
function metricOf(version: ChangesVersions['before'], id: string): Metric | undefined {
  if (Object.hasOwn(version.metrics, id)) return version.metrics[id];
  const latest = seriesHistory(version.metrics, id, version.briefing.as_of).at(-1);
  return latest === undefined ? undefined : version.metrics[latest];
}

/** A table's change with its rows, cells and note as each version printed them (rows removed and cells before: the earlier one). */
function printedTable(t: TableChange, versions: ChangesVersions | undefined, language: string | undefined): TableChange {
  if (versions === undefined) return t;
  const [was, is] = [(text: string) => printedText(text, versions.before, language), (text: string) => printedText(text, versions.now, language)];
  return {
    ...t,
    cells: t.cells.map((c) => ({ ...c, row: is(c.row), before: was(c.before), now: is(c.now) })),
    rowsAdded: t.rowsAdded.map(is),
    rowsRemoved: t.rowsRemoved.map(was),
    parts: t.parts.map((p) => (p.part === 'note' ? { ...p, before: p.before && was(p.before), now: p.now && is(p.now) } : p)),
  };
}

/**
 * The position a section of the earlier version has now, found by its title (as compare/ matches sections; of two with
 * that title, the one at its old position if either is): undefined where it is gone, or without the versions.
 */
function sectionNow(versions: ChangesVersions | undefined, chapter: ChapterKey, title: string, was: number): number | undefined {
  if (versions === undefined) return undefined;
  const sections = chapterEntries(versions.now).find((e) => e.key === chapter)?.block.sections ?? [];
  if (sections[was]?.title === title) return was;
  const index = sections.findIndex((s) => s.title === title);
  return index < 0 ? undefined : index;
}

/** Where a text stands: its place, block set, chapter and section. */
function spot(t: TextEntry): string {
  return `${t.place}\0${t.set ?? ''}\0${t.chapter ?? ''}\0${t.section ?? ''}`;
}

function sameSpot(a: TextEntry, b: TextEntry): boolean {
  return spot(a) === spot(b);
}

/**
 * The words of rich text, at their offsets in it as printed; a figure one word, compared as U+0001 and the reference it
 * was written as (`refs`, one a figure, in order), or, with `figures`, by its words.
 */
function richWords(text: RichText, figures: boolean, refs: string[] = []): QuotedWord[] {
  const out: QuotedWord[] = [];
  let at = 0;
  let figure = 0;
  for (const piece of text) {
    if (piece.figure) out.push({ start: at, end: at + piece.text.length, key: figures ? piece.text : `\u0001${refs[figure++] ?? ''}` });
    else for (const w of piece.text.matchAll(QUOTED_WORDS)) out.push({ start: at + w.index, end: at + w.index + w[0].length, key: w[0] });
    at += piece.text.length;
  }
  return out;
}

/**
 * The references of a text as its author wrote them (a series' latest value by the series' id), one a figure of its
 * rich text, in order; none where they cannot be told one a figure.
 */
function references(t: TextEntry): string[] {
  const written = splitReferences(t.written).flatMap((p) => ('id' in p ? [`${p.id}.${p.part}`] : []));
  return written.length === splitReferences(t.text).filter((p) => 'id' in p).length ? written : [];
}

/** Rich text from character `start` to `end`; a figure either falls inside is kept whole. */
function between(text: RichText, start: number, end: number): RichText {
  const out: RichText = [];
  let at = 0;
  for (const piece of text) {
    const next = at + piece.text.length;
    if (next > start && at < end) out.push(piece.figure ? { ...piece } : { ...piece, text: piece.text.slice(Math.max(0, start - at), end - at) });
    at = next;
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

/**
 * Rich text on one line, its spaces one each (as clipLine and editWindows measure it: text whose words fit is quoted whole,
 * however many spaces or line breaks were between them), cut to about `max` characters at a word, never inside a figure,
 * with "…" where it was cut.
 */
export function clip(text: RichText, max: number): RichText {
  const out: RichText = [];
  let length = 0;
  for (const piece of oneLine(text)) {
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

/** Rich text with the spaces between its words one each and none at its ends; a figure kept as it is. */
function oneLine(text: RichText): RichText {
  const out: RichText = [];
  let space = true; // at the start, or after a space: a space next is left out
  for (const piece of text) {
    if (piece.figure) {
      out.push({ ...piece });
      space = /\s$/.test(piece.text);
      continue;
    }
    let flat = piece.text.replace(/\s+/g, ' ');
    if (space) flat = flat.replace(/^ /, '');
    if (flat === '') continue;
    out.push({ ...piece, text: flat });
    space = flat.endsWith(' ');
  }
  const last = out.at(-1);
  if (last && !last.figure) last.text = last.text.trimEnd();
  return out.filter((p) => p.text !== '');
}

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
