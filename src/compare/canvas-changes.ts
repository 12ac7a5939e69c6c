/**
 * What changed between two versions of a canvas (compare-canvases.ts makes it): figures that moved,
 * figures added and dropped, sections added and removed, text added and removed. Plain data, metrics
 * included as they are, so that model/ can format it for the briefing's chapter and the terminal.
 */
import type { ChapterKey } from '../canvas/blocks.ts';
import type { Metric } from '../validate/schema.ts';

/** now − before, where the two figures can be subtracted. */
export interface Difference {
  /** In the current figure's unit and scale, rounded to the digits the two figures are written with. */
  value: number;
  unit: string;
  scale?: Metric['scale'];
  decimals: number;
  /** One of the figures is approximate (approx, about, roughly): so is the difference. */
  approximate: boolean;
}

/**
 * A metric present in both versions whose figure, period (its words, kind or date) or stated change changed, or a
 * series whose latest value moved to a new period.
 */
export interface FigureChange {
  /** The metric's id; for `kind: 'latest'` the series' id; for a series value re-dated, its id now (`before.id` is the one it had). */
  id: string;
  /**
   * changed: the same id, a new figure or period; or a series value re-dated (a new period_end, so a new id, for the
   * same period words), or a metric's value found again in the series it became (or was made from); or a metric
   * whose id was renamed (renamedFrom); latest: a series' latest value (up to as_of) is now another period's.
   */
  kind: 'changed' | 'latest';
  label: string;
  before: { id: string; metric: Metric };
  now: { id: string; metric: Metric };
  /** up / down by value; same: equal figures (the period changed); changed: not comparable (a text fact, another unit). */
  direction: 'up' | 'down' | 'same' | 'changed';
  /** Absent where the figures cannot be subtracted (text, another unit, a bound such as "over"). */
  difference?: Difference;
  /** Percent change, where meaningful: not for percentages (their difference is in points), only between two positive figures (none across zero or between two negatives). */
  percent?: number;
  /** The figure's number changed but the equivalent it states (number and currency) did not: likely left over from the old figure. */
  equivalentKept?: boolean;
  /** The change the canvas states beside the figure (`change`: +34% YoY) differs, added or taken away (a `changed` figure only). */
  statedChangeMoved?: boolean;
  /** Only the stated change differs: the figure and its period are as they were. */
  onlyStatedChange?: boolean;
  /** The equivalent in another currency printed beside the figure differs, added or taken away (a `changed` figure only). */
  equivalentMoved?: boolean;
  /** Only the equivalent differs: the figure, its period and its stated change are as they were. */
  onlyEquivalent?: boolean;
  /** The same period's figure is another (a `changed` figure only): a correction of what was reported, not a move over time. */
  revised?: boolean;
  /**
   * Of a series' latest value (`kind: 'latest'`): the earlier latest value as this version gives it, where it was revised
   * since (Q2's €389.5 million, now €389.1 million). The difference and percent are from it: the move over the period,
   * the revision apart (listed as its own change).
   */
  beforeRevised?: { id: string; metric: Metric };
  /** The metric's id in the earlier version, where the id alone was renamed (the same label and unit; `before.id` is it). */
  renamedFrom?: string;
}

/** A metric added or dropped: a single-value metric, one value of a series, or a whole series. */
export interface FigureEntry {
  /** The metric id, a series value's id@period_end, or for a whole series its id. */
  id: string;
  /** The figure shown for it: the metric, the value, or a whole series' latest value (its last if none is up to as_of). */
  metric: Metric;
  /** A whole series: how many values it holds. */
  values?: number;
}

/** A section, named by chapter and title. */
export interface SectionEntry {
  chapter: ChapterKey;
  /** The block's own title, where the canvas gives one (model/ knows the standard ones). */
  blockTitle?: string;
  title: string;
  /** Its position among the block's sections, in the version it is in. */
  index: number;
  tags?: string[];
}

/** A paragraph, bullet, chapter lead or opening summary added or removed. */
export interface TextEntry {
  place: 'summary' | 'lead' | 'paragraph' | 'bullet';
  chapter?: ChapterKey;
  blockTitle?: string;
  /** The section's title and position (paragraphs and bullets). */
  section?: string;
  sectionIndex?: number;
  tags?: string[];
  /** A block set's own summary: the set's key. */
  set?: string;
  /** The text as written: a reference to a series' latest value reads [[id]], as the author wrote it. */
  written: string;
  /** The text as the model reads it (references point at series values); `metrics` resolves it. */
  text: string;
  /** The metrics its references name, from the version it is in. */
  metrics: Record<string, Metric>;
}

export interface CanvasChanges {
  before: { period: string; asOf: string };
  now: { period: string; asOf: string };
  /** Series whose latest value moved first (canvas order), then metrics whose figure or period changed. */
  figures: FigureChange[];
  /** Figures new in this version; not a series' new latest value, which its move (`kind: 'latest'`) shows. */
  added: FigureEntry[];
  /** Figures gone from it; not a series' earlier latest value, which its move shows. */
  dropped: FigureEntry[];
  sections: { added: SectionEntry[]; removed: SectionEntry[] };
  text: { added: TextEntry[]; removed: TextEntry[] };
  tables: TableChange[];
  charts: ChartChange[];
  /** Everything else that differs: named, not itemised. */
  unitemised: UnitemisedChange[];
}

/** A part of a free table or a chart as it was and as it is (null: it had, or has, none). */
export interface PartChange {
  part: string;
  before: string | null;
  now: string | null;
}

/**
 * A free table (`table:`) of a section in both versions that changed: its cells as written, a cell edited listed by its
 * row (the row's first cell) and column where the table kept its shape, rows added and removed where it did not.
 */
export interface TableChange {
  chapter: ChapterKey;
  blockTitle?: string;
  section: string;
  sectionIndex: number;
  tags?: string[];
  /** Its title now (the earlier one where it has none now). */
  title?: string;
  /** Its place among the section's free tables, from 1: names a table without a title. */
  index: number;
  /** The whole table added to, or removed from, a section in both versions. */
  added?: true;
  removed?: true;
  /** A cell edited, as written; `numbers`: each side that is a number (TableNumber), which model/ prints as the table does. */
  cells: Array<{ row: string; column: string; before: string; now: string; numbers?: { before?: TableNumber; now?: TableNumber } }>;
  /** Rows as written, their cells joined by " | ". */
  rowsAdded: string[];
  rowsRemoved: string[];
  /** title, columns, note. */
  parts: PartChange[];
}

/**
 * A free table's cell that is a number: unquoted in YAML (38), or as load/ gives one written with trailing zeros
 * (44.70: `{ value: 44.7, decimals: 2 }`), with the decimals its column asks for, if any. Not text in quotes, which
 * prints as typed, nor a metric's cell.
 */
export interface TableNumber {
  number: number | { value: number; decimals: number };
  columnDecimals?: number;
}

/** A chart (`charts:`) whose title or caption changed, or that was added or removed (part "chart"). */
export interface ChartChange {
  id: string;
  title: string;
  parts: PartChange[];
}

/**
 * Something else that differs between the versions and that is not itemised: named, with the fields of it that differ
 * (the canvas's keys), so that a change is never left unsaid. `part` is a top-level key of the canvas (company,
 * briefing, key_figures, data_notes...; "chapters" for their order), or metric, chart, chapter or section.
 */
export interface UnitemisedChange {
  part: string;
  /** A metric's or series' id, a chart's id. */
  key?: string;
  /** Of a series: the ids of its values whose fields differ, in either version (a block set names it where it prints one). */
  values?: string[];
  chapter?: ChapterKey;
  blockTitle?: string;
  section?: string;
  /** A section's tags, those it had and has (a block set with tags prints it where one of them is the set's). */
  tags?: string[];
  fields: string[];
}
