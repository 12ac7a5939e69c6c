/** The BriefingModel: everything a briefing shows, in reading order, formatted and ready for templates. */
import type { ChartModel } from './chart-model.ts';

/**
 * Text with figures marked, so templates can style figures without parsing prose; a part `whole` never splits
 * across lines (a period in a table: "30 Sep 2025", not "30 Sep" above "2025").
 */
/** Text in parts: a figure's (figure), one kept on one line (whole), or a line of small type under the rest (aside: what tells a register row from another of the same label and period). */
export type RichText = Array<{ text: string; figure?: boolean; whole?: boolean; aside?: boolean }>;

export interface FigureCard {
  label: string;
  value: string;
  period: string;
  change?: string;
  /** favourable / unfavourable only where the canvas says which direction is good (change.better). */
  tone: 'favourable' | 'unfavourable' | 'neutral';
  /** Anchor of the data note that lists this figure among contradictory ones. */
  disputed?: string;
  /**
   * That note is a disagreement canvas-briefing found ("Found by canvas-briefing": a stated change, an equivalent,
   * parts or shares that the other figures rule out), not one the canvas declares: the source is not known to
   * conflict, so the card does not say it does.
   */
  detected?: true;
}

export interface TableCell {
  text: RichText;
  numeric?: boolean;
  nowrap?: boolean;
  /** A name in its own script, in this language (a lang attribute: its face, and it never breaks inside). */
  lang?: string;
}

export interface TableModel {
  title?: string;
  columns: Array<{ label: string; numeric?: boolean; nowrap?: boolean }>;
  rows: TableCell[][];
  note?: string;
  /** What check found the table shows other than its reader would take it to, not acknowledged ("Note: the title names Q3 2025; the rows are of Q3 2025 except Service (Q2 2025)."), and the anchor of its data note: as a chart's (ChartRef). */
  periodNote?: string;
  periodNoteAnchor?: string;
  /** The table's id, which its data note links back to: only on a table with a period note (a clean table is modelled, and hashed, as before). */
  anchor?: string;
}

/**
 * The figure register: a metric table of every figure. Where a few sources are each named by several rows, `sources`
 * lists them once, in order of first use, and the Source column gives each row's mark ("[1]") instead of the name.
 */
export interface RegisterModel extends TableModel {
  sources?: Array<{ mark: string; title: string }>;
}

export interface ChartRef {
  /** Index into BriefingModel.charts. */
  index: number;
  anchor: string;
  number: number;
  title: string;
  /** As text, its references ([[id]]) printed: what a theme's own chart partial written for captions without references shows ({{caption}}). */
  caption?: string;
  /** The same with its figures marked, as the built-in partial prints it ({{rich richCaption}}). */
  richCaption?: RichText;
  /** What check found the chart shows other than its reader would take it to, not acknowledged ("Note: the title names Q3 2025; the bars are of Q4 2025 except Service (Q3 2025)."), and the anchor of its data note. */
  note?: string;
  noteAnchor?: string;
}

export type ContentItem =
  | { kind: 'paragraph'; text: RichText }
  | { kind: 'bullets'; items: RichText[] }
  | { kind: 'table'; table: TableModel }
  | { kind: 'chart'; chart: ChartRef };

export interface SectionModel {
  anchor: string;
  number: string;
  title: string;
  items: ContentItem[];
}

export interface ChapterModel {
  key: string;
  anchor: string;
  number: number;
  title: string;
  lead?: RichText;
  sections: SectionModel[];
}

export interface TocEntry {
  anchor: string;
  label: string;
  number?: string;
  level: 1 | 2;
}

export interface ContradictionModel {
  anchor: string;
  /** The metric ids whose figures disagree. */
  metrics: string[];
  /** Of those, the ones likely wrong, where the others are known to agree with the rest of the canvas (an equivalent the other equivalents of its date rule out): only these are marked disputed where they are shown. All of them when absent. */
  suspects?: string[];
  title: string;
  /** The id of the chart or table a note on its periods is about, which its title links to ("fig-2", "table-2-1-2"). */
  place?: string;
  note: string;
  detected: boolean;
  table: TableModel;
}

/** The "Changes since <period>" chapter of a briefing built with --since (model/changes.ts). */
export interface ChangesModel {
  anchor: 'changes';
  /** "Changes since Q2 2025". */
  title: string;
  lead: string;
  /** Nothing this briefing shows changed. */
  empty: boolean;
  /** Figures that moved: figure, period, before, now, change (difference, ▲ up / ▼ down, percent). */
  figures?: TableModel;
  added?: TableModel;
  dropped?: TableModel;
  sectionsAdded: string[];
  sectionsRemoved: string[];
  /** Paragraphs and bullets, quoted (cut short) with their figures as they read in their version. */
  textAdded: Array<{ where: string; text: RichText }>;
  textRemoved: Array<{ where: string; text: RichText }>;
  /** Free tables edited, each where it is ("2.1 Electricity sales (Revenue Streams), table “Output”") with its changes, one a line, as diff words them. */
  tables: Array<{ where: string; changes: RichText[] }>;
  /** Charts whose title or caption changed, or added or removed: "Chart “Revenue by quarter”", with its changes. */
  charts: Array<{ where: string; changes: RichText[] }>;
  /** Every other part that changed, named with the fields that differ ("data notes (sources)"), not compared line by line. */
  alsoChanged: string[];
}

/** A heading of the data notes, listed in the contents. */
export interface AppendixPart {
  anchor: string;
  title: string;
  present: boolean;
}

export interface BriefingModel {
  /** Output name: the canvas file stem (or briefing.file_name filled in), plus --<set> for narrower sets. */
  name: string;
  /**
   * The name a config's send routes may use whatever file_name makes of it: the canvas file's stem, plus --<set> for
   * narrower sets ("sakura", "sakura--finance"), the same every quarter.
   */
  routeName: string;
  /** The name carries the period (file_name with {period} or {as_of}): an earlier period's PDF is kept, not replaced. */
  namedByPeriod: boolean;
  /** The as_of date its name is made with (briefing.file_name with {as_of}): another date is another edition, kept as an archive. */
  namedByDate?: string;
  setKey: string;
  setTitle?: string;
  meta: { title: string; author: string; subject: string; keywords: string[]; language: string; asOf: string };
  company: { name: string; shortName: string; nativeName?: string; nativeLang: string; nameLang?: string; ticker: string; exchange: string; country: string; sector: string; industry: string };
  cover: { title: string; period: string; asOf: string; setTitle?: string; setDescription?: string; preparedFor?: string };
  /** A marking on the cover and at the top of every page (briefing.confidentiality). */
  confidentiality?: string;
  summary?: RichText;
  keyFigures: FigureCard[];
  keyCharts: ChartRef[];
  toc: TocEntry[];
  /** Built with an earlier version of the canvas (--since): what changed, after the contents and before chapter 1. */
  changes?: ChangesModel;
  chapters: ChapterModel[];
  appendix: {
    anchor: string;
    /** The appendix's parts in order, each a heading with an anchor (they are listed in the contents). */
    /** (`periodNotes` only where there are `periodNotes`: a briefing without them is modelled, and hashed, as before.) */
    parts: Record<'contradictions' | 'sources' | 'dates' | 'glossary' | 'register', AppendixPart> & { periodNotes?: AppendixPart };
    sources: Array<{ title: string; detail?: string; accessed?: string }>;
    notes: string[];
    /** There are `notes`, but none acknowledges figures that disagree (a stated change, an exchange rate, parts over a total or 100%). */
    explainNoDisagreement?: true;
    /** The briefing's language is one whose tables' cells the checks do not read (canvas/table-cells.ts readsTableCells): its data notes say so. */
    tableCellsUnread?: true;
    /** The data notes' opening line in the canvas's words (data_notes.preface); the standard one otherwise. */
    preface?: string;
    contradictions: ContradictionModel[];
    /** Charts and tables whose figures are of several periods, or whose title, caption or column heading names another (model/period-notes.ts): worded as the detected disagreements are. Absent where there are none. */
    periodNotes?: ContradictionModel[];
    register: RegisterModel;
    periods: TableModel;
    /** Each native name with its language (lang attribute: it chooses the CJK face). */
    glossary: Array<{ term: string; native?: string; lang?: string; description: string }>;
  };
  /** The Important information part after the data notes: the canvas's wording, or the standard one. */
  notices: { anchor: string; title: string; disclaimer: string; forwardLooking: string };
  /** Every chart drawn, each once per size; ChartRef.index points here. */
  charts: ChartModel[];
  /**
   * Built with a theme that prints negative figures in parentheses (its negative_numbers): the same briefing as printed
   * without it, negatives after a minus sign. Its figures and words are this one's; only their notation, a theme's look,
   * differs: it is what plan/'s contentHash hashes, so that a theme's notation is no new content to send.
   */
  minusNotation?: Omit<BriefingModel, 'minusNotation'>;
}
