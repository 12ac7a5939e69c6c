/**
 * model/: a validated Canvas + one block set -> the BriefingModel templates render.
 * Pure: chooses and orders chapters, formats every figure, builds chart models and data notes.
 */
import type { AcknowledgeableRule, BlockSet, Canvas, Chart, Content, Metric, Section } from '../validate/schema.ts';
import type { CanvasChanges } from '../compare/canvas-changes.ts';
import type { FigureSetFinding, PeriodDisagreement, TypedDisagreement } from '../validate/validate-canvas.ts';
import { BriefingError, EXIT } from '../errors.ts';
import { isCjkLanguage } from '../canvas/local-figures.ts';
import { chapterEntries, setSections, type ChapterKey } from '../canvas/blocks.ts';
import { pathText, samePath, type KeyPath } from '../canvas/key-path.ts';
import { buildChartModel, type ChartModel } from './chart-model.ts';
import { aheadPeriod, formatChange, formatDate, formatMetricValue } from './format.ts';
import { richText, sentence } from './rich-text.ts';
import { plotted } from '../canvas/plotted.ts';
import { chartSeriesOf, isLookingAhead } from '../canvas/series.ts';
import { buildMetricTable, buildTable, buildRegister, buildPeriods } from './tables.ts';
import { findContradictions } from './contradictions.ts';
import { periodNotes, type Printed } from './period-notes.ts';
import { chapterTitle } from './block-titles.ts';
import { inParentheses, type NegativeStyle } from './format.ts';
import { changesChapter, type ChangesScope } from './changes.ts';
import { KEY_CHART_SIZE } from './key-charts.ts';
import { readsTableCells } from '../canvas/table-cells.ts';
import type { BriefingModel, ChapterModel, ChartRef, ContentItem, ContradictionModel, FigureCard, SectionModel, TableModel, TocEntry } from './briefing-model.ts';

export { BLOCK_TITLES } from './block-titles.ts';

/** The set that holds the whole canvas; every canvas has it. */
export const FULL_SET = 'full';

const CHART_SIZE = { width: 640, height: 250 };

/**
 * The name of a canvas's PDFs: `briefing.file_name` with its placeholders filled in ({stem} the canvas
 * file's name, {period}, {as_of}, {ticker}), each value made fit for a file name; default the stem.
 */
export function fileName(canvas: Pick<Canvas, 'briefing' | 'company'>, stem: string): string {
  const pattern = canvas.briefing.file_name;
  if (pattern === undefined) return stem;
  // Letters and digits of any script stay (as a canvas file's own name keeps them): "2025年度 上期" and "2025年度 下期"
  // must not both become "2025", one period's PDF replacing the other's. NFC: one name however the text was composed.
  // A dot stays only between letters or digits ("NWE.OL", "1.5"): an ordinal's or abbreviation's at a word's end ("3. Quartal
  // 2025", "Jan. 2026") is punctuation, and goes as the space after it does ("3-Quartal-2025", as "Q3 2025" gives "Q3-2025").
  const safe = (v: string) => v.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}._]+/gu, '-').replace(/(?<![\p{L}\p{M}\p{N}])\.+|\.+(?![\p{L}\p{M}\p{N}])/gu, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  const fields: Record<string, string> = { stem, period: safe(canvas.briefing.period), as_of: canvas.briefing.as_of, ticker: safe(canvas.company.ticker) };
  const name = pattern.replace(/\{(\w+)\}/g, (_, key: string) => fields[key]).trim().replace(/\s+/g, '-');
  return name.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '') || stem; // "--" separates the block set: never inside the name
}

/** The block sets a canvas defines, "full" first. */
export function blockSetKeys(canvas: Canvas): string[] {
  return [FULL_SET, ...Object.keys(canvas.block_sets ?? {})];
}

/** An earlier version of the canvas a briefing is built against (--since), and what changed since (compare/). */
export interface Since {
  canvas: Canvas;
  changes: CanvasChanges;
}

/**
 * Builds the model of one briefing: the canvas narrowed to a block set. With `since`, it has a
 * "Changes since <period>" chapter after the contents; a block set's briefing lists only the changes to what it shows.
 */
export function buildModel(canvas: Canvas, options: BuildOptions & { negatives?: NegativeStyle }): BriefingModel {
  const { model } = assemble(canvas, options);
  if (options.negatives !== 'parentheses') return model;
  // (The changes chapter's figures too, written as the language writes them, as the chapters' are.)
  return { ...inParentheses(model, canvas.briefing.language), minusNotation: model };
}

interface BuildOptions {
  name: string;
  setKey: string;
  since?: Since;
  /** Figures typed into the canvas's texts that are not its figures (validate/ typed-mismatch, and typed-figure's that disagree): listed where sources disagree, where this briefing prints the text. */
  typed?: TypedDisagreement[];
  /** Figures printed in sentences that speak of another period (validate/ period-mismatch): listed so too. */
  misdated?: PeriodDisagreement[];
  /** What charts and tables show other than their readers would take them to (validate/ mixed-periods, period-mismatch at a chart or table): noted under each this briefing prints, and in its data notes. */
  figureSets?: FigureSetFinding[];
  /**
   * Where the data notes list those: under a heading of their own (the built-in data-notes partial prints it), or, for a
   * theme's own data-notes partial written before there was one ('disagreements'), among the disagreements it prints with
   * their anchors, where the notes under charts and tables and the contents can link to them.
   */
  periodNotesIn?: 'part' | 'disagreements';
}

function assemble(canvas: Canvas, options: BuildOptions): { model: BriefingModel; used: Set<string> } {
  const { setKey } = options;
  const set = setKey === FULL_SET ? undefined : canvas.block_sets?.[setKey];
  if (setKey !== FULL_SET && !set) throw new BriefingError(`${options.name}: no block set "${setKey}" (this canvas has: ${blockSetKeys(canvas).join(', ')})`, EXIT.usage);
  const used = new Set<string>();
  const charts = new ChartCollector(canvas);
  // Each table the briefing prints, in reading order, with its place in the canvas and the section it is in.
  const tables: PrintedTable[] = [];

  // Chapters and sections keep the numbers they have in the full briefing, so a set's
  // "3.2" is the full briefing's "3.2" and readers can cross-refer between the PDFs.
  const present = chapterEntries(canvas).filter(({ block }) => block.sections.length > 0 || block.lead);
  const printed = present.flatMap(({ key, block, path }, index) => {
    const sections = setSections(set, key, block.sections);
    return sections === undefined ? [] : [{ key, block, path, number: index + 1, sections }];
  });

  // Key charts come first in reading order (the key-figures page), so they are numbered first. Without key_charts, the
  // first chart this briefing's sections show: a block set's, not the canvas's (which may be in none of its sections).
  const firstChart = printed.flatMap(({ sections }) => sections.flatMap(({ s }) => s.content.flatMap((c) => ('chart' in c ? [c.chart] : [])))).slice(0, 1);
  const keyChartIds = set?.key_charts ?? canvas.key_charts ?? firstChart;
  const keyCharts = keyChartIds.map((id) => charts.use(id, used, KEY_CHART_SIZE));

  const chapters: ChapterModel[] = [];
  for (const { key, block, path, number, sections } of printed) {
    chapters.push({
      key,
      anchor: `ch-${key}`,
      number,
      title: chapterTitle(key, block.title),
      lead: block.lead ? sentence(richText(block.lead, canvas.metrics, used, canvas.briefing.language)) : undefined,
      sections: sections.map(({ s, i }) => buildSection(s, `${number}.${i + 1}`, `sec-${number}-${i + 1}`, canvas, used, charts, { path: [...path, 'sections', i], tables })),
    });
  }

  // Resolved before the register is drawn up, so figures quoted only in the summary are listed too.
  const summaryText = set?.summary ?? canvas.briefing.summary;
  const summary = summaryText ? sentence(richText(summaryText, canvas.metrics, used, canvas.briefing.language)) : undefined;
  const keyFigureIds = set?.key_figures ?? canvas.key_figures ?? [...used].filter((id) => canvas.metrics[id].value !== undefined && !supersededValue(canvas, id)).slice(0, 8);
  keyFigureIds.forEach((id) => used.add(id));
  const company = canvas.company;
  // The company's language for names: its native name's; for a company without one in CJK script, what its country suggests.
  const nativeLang = company.native_name_lang ?? nativeLanguageOf(company.country, company.native_name) ?? nativeLanguageOf(company.country, '中') ?? 'zh-Hans';
  // Chart text is drawn in the face of the briefing's language where it is Chinese, Japanese or Korean (a Japanese briefing
  // on a Chinese company labels its charts in Japanese, which the Chinese face draws with Chinese glyph forms); else in the company's.
  const chartLang = isCjkLanguage(canvas.briefing.language) ? canvas.briefing.language : nativeLang;
  const title = canvas.briefing.title ?? 'Investor briefing';
  const periodText = canvas.briefing.period;
  const metricIds = setKey === FULL_SET ? Object.keys(canvas.metrics) : Object.keys(canvas.metrics).filter((id) => used.has(id));
  // The contradictions the canvas declares, by their titles, where this briefing lists them (findContradictions: one of their figures is in it).
  const declared = (canvas.data_notes?.contradictions ?? []).map((c) => (c.metrics.some((id) => metricIds.includes(id)) ? c.title : undefined));
  const placed = <T extends { path: KeyPath }>(found: T[] | undefined) => (found ?? []).flatMap((t) => {
    const place = printedAt(t.path, { chapters, summary: set?.summary !== undefined ? ['block_sets', setKey, 'summary'] : summary === undefined ? undefined : ['briefing', 'summary'], charts: charts.refs, declared });
    return place === undefined ? [] : [{ ...t, place }];
  });
  const contradictions = findContradictions(canvas, metricIds, placed(options.typed), placed(options.misdated));
  // Figures in number order, then tables in reading order (tables have no numbers: named by their section).
  const periodEntries = periodNotes(canvas, options.figureSets ?? [], [
    ...[...charts.refs].map(([id, ref]): Printed => ({ path: ['charts', id], title: `Figure ${ref.number}. ${ref.title}`, at: ref.anchor, note: (noted) => charts.note(id, noted) })),
    ...tables.map((printedTable): Printed => {
      const { path, table } = printedTable;
      const { title, anchor } = tableName(printedTable, tables);
      return { path, title, at: anchor, note: (noted) => Object.assign(table, { periodNote: noted.note, periodNoteAnchor: noted.anchor, anchor }) };
    }),
  ]);
  // The register lists every figure the briefing prints: a block set's "Where sources disagree" prints each figure of a
  // contradiction it shows, those its chapters do not use too.
  const shown = new Set([...metricIds, ...contradictions.flatMap((c) => c.metrics)]);
  const registerIds = Object.keys(canvas.metrics).filter((id) => shown.has(id));

  const toc: TocEntry[] = [{ anchor: 'key-figures', label: 'Key figures', level: 1 }];
  const changes = options.since && changesChapter(options.since.changes, changesScope(set, setKey, { used, charts: chartIds(charts.models), chapters: chapters.map((c) => c.key) }, options), (key) => {
    const index = present.findIndex((e) => e.key === key);
    return index < 0 ? undefined : index + 1;
  }, { before: options.since.canvas, now: canvas });
  if (changes) toc.push({ anchor: changes.anchor, label: changes.title, level: 1 });
  for (const ch of chapters) {
    toc.push({ anchor: ch.anchor, label: ch.title, number: String(ch.number), level: 1 });
    for (const s of ch.sections) toc.push({ anchor: s.anchor, label: s.title, number: s.number, level: 2 });
  }
  toc.push({ anchor: 'data-notes', label: 'Data notes', level: 1 });
  const apart = periodEntries.length > 0 && options.periodNotesIn !== 'disagreements';
  const parts = appendixParts(canvas, apart);
  for (const part of Object.values(parts)) if (part.present) toc.push({ anchor: part.anchor, label: part.title, level: 2 });
  const notices = noticesOf(canvas);
  toc.push({ anchor: notices.anchor, label: notices.title, level: 1 });
  toc.push({ anchor: 'disclaimer', label: 'Disclaimer', level: 2 }, { anchor: 'forward-looking-statements', label: 'Forward-looking statements', level: 2 });

  const model: BriefingModel = {
    name: setKey === FULL_SET ? fileName(canvas, options.name) : `${fileName(canvas, options.name)}--${setKey}`,
    routeName: setKey === FULL_SET ? options.name : `${options.name}--${setKey}`,
    namedByPeriod: /\{(period|as_of)\}/.test(canvas.briefing.file_name ?? ''),
    ...(/\{as_of\}/.test(canvas.briefing.file_name ?? '') ? { namedByDate: canvas.briefing.as_of } : {}),
    setKey,
    setTitle: set?.title,
    meta: {
      // The period after the title, unless the title names it already ("Briefing investisseurs – Q3 2025").
      title: `${company.name}: ${title}${set ? ` (${set.title})` : ''}${`${title} ${set?.title ?? ''}`.includes(periodText) ? '' : `, ${periodText}`}`,
      author: canvas.briefing.author ?? company.name,
      subject: canvas.briefing.subject ?? `Business Model Canvas of ${company.name} (${company.exchange}: ${company.ticker}), ${periodText}`,
      keywords: canvas.briefing.keywords ?? [company.name, company.ticker, 'Business Model Canvas', 'investor briefing', ...(set ? [set.title] : [])],
      language: canvas.briefing.language ?? 'en',
      asOf: canvas.briefing.as_of,
    },
    company: {
      name: company.name,
      shortName: company.short_name ?? company.name,
      // A name written in its own script already (a Japanese company's name in Japanese) gives no native name to print under it: the cover printed it twice.
      nativeName: company.native_name?.trim() === company.name.trim() ? undefined : company.native_name,
      nativeLang,
      // (nativeLang is the language of CJK names; a native name in another script carries none: nameLang.)
      nameLang: company.native_name_lang ?? nativeLanguageOf(company.country, company.native_name),
      ticker: company.ticker,
      exchange: company.exchange,
      country: company.country,
      sector: company.sector,
      industry: company.industry,
    },
    cover: { title, period: periodText, asOf: formatDate(canvas.briefing.as_of, canvas.briefing.language), setTitle: set?.title, setDescription: set?.description, preparedFor: canvas.briefing.prepared_for },
    confidentiality: canvas.briefing.confidentiality,
    notices,
    summary,
    keyFigures: keyFigureIds.map((id) => keyFigure(canvas, id, contradictions)),
    keyCharts,
    toc,
    ...(changes ? { changes } : {}), // absent without --since, so that such a briefing's content hash is as before
    chapters,
    appendix: {
      anchor: 'data-notes',
      parts,
      sources: (canvas.data_notes?.sources ?? []).map((s) => ({ ...s, accessed: s.accessed ? formatDate(s.accessed, canvas.briefing.language) : undefined })),
      notes: [...(canvas.data_notes?.notes ?? []), ...acknowledgedNotes(canvas)],
      // Present only where it changes what prints, so that other briefings' content hashes are as before (nothing re-sent).
      ...(explainsNoDisagreement(canvas) ? { explainNoDisagreement: true as const } : {}),
      ...(readsTableCells(canvas.briefing.language) ? {} : { tableCellsUnread: true as const }),
      preface: canvas.data_notes?.preface,
      contradictions: apart ? contradictions : [...contradictions, ...periodEntries],
      ...(apart ? { periodNotes: periodEntries } : {}),
      register: buildRegister(canvas.metrics, registerIds, canvas.briefing.language),
      periods: buildPeriods(canvas, registerIds),
      // Each native name in its own language: given, else its script's (a kanji-only name: the company's), else none.
      glossary: (canvas.glossary ?? []).map((g) => ({ ...g, lang: g.lang ?? (g.native && /[\p{Script=Han}]/u.test(g.native) && !/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(g.native) ? nativeLang : nativeLanguageOf(canvas.company.country, g.native)) })),
    },
    // Chinese, Japanese or Korean in a chart is drawn and measured in the face of the company's language.
    charts: charts.models.map((c) => ({ ...c, lang: chartLang })),
  };
  return { model, used };
}

/**
 * What of the changes a briefing shows: the full briefing all of them; a block set's the figures it
 * shows (those it showed in the earlier version, for figures dropped since), the text and tables of its chapters, the
 * charts it shows (or showed) and the other parts it prints (model/changes.ts narrow).
 */
function changesScope(set: BlockSet | undefined, setKey: string, shown: { used: Set<string>; charts: Set<string>; chapters: ChapterKey[] }, options: { name: string; since?: Since }): ChangesScope {
  if (set === undefined) return {};
  const before = options.since!.canvas;
  const earlier = before.block_sets?.[setKey] ? assemble(before, { name: options.name, setKey }) : undefined;
  return {
    set: setKey, blocks: set.blocks, tags: set.tags, ownSummary: set.summary !== undefined, ...shown, usedBefore: earlier?.used,
    chartsBefore: earlier && chartIds(earlier.model.charts),
    ownKeyFigures: set.key_figures !== undefined, ownKeyCharts: set.key_charts !== undefined,
  };
}

/** The ids of the charts a briefing draws. */
function chartIds(charts: ChartModel[]): Set<string> {
  return new Set(charts.flatMap((c) => (c.id === undefined ? [] : [c.id])));
}

/** A table a briefing prints: where it is in the canvas, and the section it is in. */
interface PrintedTable {
  path: KeyPath;
  table: TableModel;
  section: { number: string; title: string };
}

/**
 * What the data notes call a table (tables have no numbers): by its section and title, "Table in section 2.1: Revenue by
 * segment", or its section's title for one without, "Table in section 2.1 (Segments)"; where another table of the section
 * would be called the same (two untitled tables), by its place among the section's tables, "Table 2 in section 2.1
 * (Segments)". And the id the entry links back to it by ("table-2-1-2"), given only to a table with a note.
 */
function tableName(printed: PrintedTable, tables: PrintedTable[]): { title: string; anchor: string } {
  const { number, title } = printed.section;
  const ofSection = tables.filter((t) => t.section.number === number);
  const nth = ofSection.indexOf(printed) + 1;
  const named = (t: PrintedTable, place: string) => (t.table.title === undefined ? `${place} (${title})` : `${place}: ${t.table.title}`);
  const plain = named(printed, `Table in section ${number}`);
  const alike = ofSection.filter((t) => named(t, `Table in section ${number}`) === plain).length > 1;
  return { title: alike ? named(printed, `Table ${nth} in section ${number}`) : plain, anchor: `table-${number.replace(/\./g, '-')}-${nth}` };
}

/** A section's model; each table it prints listed in `at.tables`, with its place in the canvas (`at.path`: the section's). */
function buildSection(section: Section, number: string, anchor: string, canvas: Canvas, used: Set<string>, charts: ChartCollector, at: { path: KeyPath; tables: PrintedTable[] }): SectionModel {
  const items = section.content.map((c, i) => {
    const item = buildItem(c, canvas, used, charts);
    if (item.kind === 'table') at.tables.push({ path: [...at.path, 'content', i, 'table' in c ? 'table' : 'metric_table'], table: item.table, section: { number, title: section.title } });
    return item;
  });
  return { anchor, number, title: section.title, items };
}

function buildItem(item: Content, canvas: Canvas, used: Set<string>, charts: ChartCollector): ContentItem {
  const language = canvas.briefing.language;
  if ('paragraph' in item) return { kind: 'paragraph', text: sentence(richText(item.paragraph, canvas.metrics, used, language)) };
  if ('bullets' in item) return { kind: 'bullets', items: item.bullets.map((b) => sentence(richText(b, canvas.metrics, used, language))) };
  if ('table' in item) return { kind: 'table', table: buildTable(item.table, canvas.metrics, used, language) };
  if ('metric_table' in item) return { kind: 'table', table: buildMetricTable(item.metric_table, canvas.metrics, used, language) };
  return { kind: 'chart', chart: charts.use(item.chart, used, CHART_SIZE) };
}

/**
 * A card of the key-figures page, linked to the first data note that disputes its figure: one the canvas declares
 * comes first (findContradictions lists those first), as that one says the source conflicts.
 */
function keyFigure(canvas: Canvas, id: string, contradictions: ContradictionModel[]): FigureCard {
  const note = contradictions.find((c) => (c.suspects ?? c.metrics).includes(id));
  return { ...figureCard(canvas, id), disputed: note?.anchor, ...(note?.detected ? { detected: true as const } : {}) };
}

function figureCard(canvas: Canvas, id: string): FigureCard {
  const m = canvas.metrics[id];
  return {
    label: m.label,
    value: formatMetricValue(m, canvas.briefing.language),
    // A forecast's or target's card says so: "$6.35 / FY2025 (forecast)" would otherwise read as reported EPS.
    period: aheadPeriod(m, m.label),
    change: m.change ? formatChange(m.change, canvas.briefing.language) : undefined,
    tone: changeTone(m),
  };
}

/** Findings the canvas acknowledges (data_notes.acknowledged), as notes a reader can follow: the figures and why they stand. */
function acknowledgedNotes(canvas: Canvas): string[] {
  const WHAT: Record<AcknowledgeableRule, string> = {
    'change-mismatch': 'The stated change does not follow from the figures a year apart',
    'margin-mismatch': 'A margin does not follow from its profit and revenue figures',
    'leverage-mismatch': 'A leverage does not follow from its net debt and EBITDA figures',
    'stale-reference': 'An earlier period\'s figure is shown although a later one exists',
    'unused-metric': 'A figure is listed in the register but not discussed',
    'ended-forecast': 'A forecast whose period has ended is shown without the actual',
    'no-source': 'A figure names no source',
    'share-over-100': 'Shares of one whole add up to more than 100%',
    'mixed-currencies': 'Amounts in different currencies are set side by side',
    'typed-figure': 'A figure is typed into the text rather than taken from the canvas',
    'exchange-rate': 'Currency equivalents of one date imply different exchange rates',
    'period-mismatch': 'A figure is for another period than the sentence around it, or its chart\'s or table\'s title or caption, names',
    'forecast-as-actual': 'A forecast or target is printed in a sentence that reads as a reported result',
    'percent-as-fraction': 'A percentage is a hundredth of the same measure\'s other figures',
    'mixed-periods': 'Figures of different periods are set side by side',
    'parts-over-total': 'Parts add up to more than their total',
    'parts-under-total': 'Parts add up to less than their total, where they used to add up to it',
    'period-end-mismatch': 'A figure\'s period is named otherwise than its end date says',
    'stale-briefing-period': 'The briefing\'s period is earlier than its latest figures',
    'size-of-gain': 'A figure above zero is written as the size of a loss',
    'typed-mismatch': 'A figure typed into the text is not the figure the canvas gives',
    'undated-period': 'A figure\'s period has no end date, so it was not compared with the same measure\'s dated figures',
    'change-direction': 'A change is printed after words saying the figure moved the other way',
    'stale-series': 'A series\' latest figure is for an earlier period than the canvas\'s other series reach',
    'doubled-words': 'Words beside a reference repeat words it prints itself',
    'scale-slip': 'Figures that should match are a power of ten apart, as a scale typed wrong would make them',
    'rounded-cell': 'A table prints a figure rounded far from the figure written',
    'stale-typed-figure': 'A text types a figure as it was before it was updated',
  };
  return (canvas.data_notes?.acknowledged ?? []).map((a) => {
    const figures = a.metrics.map((id) => canvas.metrics[id]).filter((m) => m !== undefined).map((m) => `${m.label}, ${m.period}`);
    // The figure it accepts, where it names one: which typed figure, which stated change, which sum.
    // A table's number (rounded-cell) belongs to no metric: its figure alone.
    const what = [figures.join('; '), a.figure].filter((x) => x !== undefined && x !== '').join(': ');
    return `${WHAT[a.rule]}${what === '' ? '' : ` (${what})`}: ${a.reason}`;
  });
}

/**
 * Where this briefing prints the canvas text at `path`, in words a reader can find it by ("section 4.1 (Segments)");
 * undefined where it prints no such text (a chapter or section another block set has, another set's summary, a chart it
 * does not show). A text of another kind is named by its path.
 */
function printedAt(path: KeyPath, printed: { chapters: ChapterModel[]; summary: KeyPath | undefined; charts: Map<string, ChartRef>; declared: Array<string | undefined> }): string | undefined {
  const [root, key, part, index] = path;
  if (root === 'data_notes' && key === 'contradictions' && typeof part === 'number') {
    const title = printed.declared[part];
    return title === undefined ? undefined : `the note on "${title}"`;
  }
  if (root === 'blocks' || root === 'chapters') {
    const chapter = printed.chapters.find((c) => c.key === key);
    if (chapter === undefined) return undefined;
    if (part === 'lead') return chapter.lead === undefined ? undefined : `the opening of chapter ${chapter.number} (${chapter.title})`;
    const section = typeof index === 'number' ? chapter.sections.find((s) => s.number === `${chapter.number}.${index + 1}`) : undefined;
    return section === undefined ? undefined : `section ${section.number} (${section.title})`;
  }
  if (root === 'block_sets' || (root === 'briefing' && key === 'summary')) {
    const summary = printed.summary;
    return summary !== undefined && samePath(summary, path) ? 'the summary' : undefined;
  }
  if (root === 'charts' && part === 'caption') {
    const chart = printed.charts.get(String(key));
    return chart === undefined ? undefined : `the caption of figure ${chart.number} (${chart.title})`;
  }
  return `the text at ${pathText(path)}`;
}

/** The findings of figures that disagree, which "Where sources disagree" lists unless the canvas acknowledges them. */
const DISAGREEMENT_RULES = new Set<AcknowledgeableRule>(['change-mismatch', 'exchange-rate', 'leverage-mismatch', 'margin-mismatch', 'parts-over-total', 'parts-under-total', 'percent-as-fraction', 'scale-slip', 'share-over-100', 'typed-mismatch']);

/** The canvas has data notes, but none acknowledges figures that disagree: "no two figures disagree" is then said without "other than those the notes explain". */
function explainsNoDisagreement(canvas: Canvas): boolean {
  const acknowledged = canvas.data_notes?.acknowledged ?? [];
  // A typed-figure acknowledged by its figure is one that disagrees (a typed change against the figure's); by its metrics alone, advice.
  return (canvas.data_notes?.notes ?? []).length + acknowledged.length > 0 && !acknowledged.some((a) => DISAGREEMENT_RULES.has(a.rule) || (a.rule === 'typed-figure' && a.figure !== undefined));
}

function appendixParts(canvas: Canvas, periodNotes: boolean): BriefingModel['appendix']['parts'] {
  const part = (key: string, title: string, present = true) => ({ anchor: `notes-${key}`, title, present });
  return {
    contradictions: part('contradictions', 'Where sources disagree'),
    // Not sources that disagree: a chart's or table's figures of several periods, or its words naming another (model/period-notes.ts).
    ...(periodNotes ? { periodNotes: part('periods', 'Where periods disagree in charts and tables') } : {}),
    sources: part('sources', 'Sources'),
    dates: part('dates', 'As-of dates'),
    glossary: part('glossary', 'Glossary of names', (canvas.glossary ?? []).length > 0),
    register: part('register', 'Figure register'),
  };
}

/** Green or red only where the canvas says which way is good: a rise in costs is not good news. */
function changeTone(m: Metric): FigureCard['tone'] {
  const c = m.change;
  const delta = c?.percent ?? c?.points;
  if (!c?.better || delta === undefined || delta === 0) return 'neutral';
  return (delta > 0) === (c.better === 'higher') ? 'favourable' : 'unfavourable';
}

/** Numbers figures in reading order and builds each chart's model once per size. */
class ChartCollector {
  readonly models: ChartModel[] = [];
  /** Each chart the briefing shows, by id: its first figure (a key chart's, where it is one). */
  readonly refs = new Map<string, ChartRef>();
  /** Every figure drawn, with its chart's id: a key chart's and the same chart's in its section are two. */
  private readonly drawn: Array<{ id: string; ref: ChartRef }> = [];
  private readonly indexById = new Map<string, number>();
  private figures = 0;

  constructor(private readonly canvas: Canvas) {}

  use(id: string, used: Set<string>, size: { width: number; height: number }): ChartRef {
    const chart: Chart = this.canvas.charts![id];
    chart.points.forEach((p) => used.add(p.metric));
    const key = `${id}@${size.width}x${size.height}`;
    let index = this.indexById.get(key);
    if (index === undefined) {
      index = this.models.length;
      const metrics = Object.fromEntries(chart.points.map((p) => [p.metric, plotted(this.canvas.metrics[p.metric], chart.plot)]));
      this.models.push({ ...buildChartModel(chart, metrics, size, this.canvas.briefing.language, chartSeriesOf(chart) !== undefined), id });
      this.indexById.set(key, index);
    }
    this.figures += 1;
    const richCaption = chart.caption === undefined ? undefined : sentence(richText(chart.caption, this.canvas.metrics, used, this.canvas.briefing.language));
    const ref = { index, anchor: `fig-${this.figures}`, number: this.figures, title: chart.title, caption: richCaption?.map((p) => p.text).join(''), richCaption };
    if (!this.refs.has(id)) this.refs.set(id, ref);
    this.drawn.push({ id, ref });
    return ref;
  }

  /** Gives each figure of chart `id` its note, linked to its entry in the data notes. */
  note(id: string, noted: { note: string; anchor: string }): void {
    for (const drawn of this.drawn) if (drawn.id === id) Object.assign(drawn.ref, { note: noted.note, noteAnchor: noted.anchor });
  }
}

/**
 * The standard wording of the Important information part, for a canvas that gives none of its own
 * (briefing.disclaimer, briefing.forward_looking): what an investor pack says when nobody wrote it.
 */
export const STANDARD_DISCLAIMER =
  'This briefing is provided for information only. It is not an offer or a solicitation to buy or sell any security, and it is not investment advice. ' +
  'Its figures are taken from the sources listed in the data notes, as those sources state them; they have not been audited or independently verified, ' +
  'and no representation or warranty is given as to their accuracy or completeness. Where sources disagree, their figures are shown side by side, not reconciled.';

export function standardForwardLooking(asOf: string): string {
  return 'This briefing contains forward-looking statements: forecasts, targets and plans, including figures for periods not yet ended. ' +
    `They reflect expectations as of ${asOf}, the date its data is current to, and are subject to risks and uncertainties; actual results may differ materially. ` +
    'No obligation is undertaken to update them.';
}

function noticesOf(canvas: Canvas): BriefingModel['notices'] {
  return {
    anchor: 'important-information',
    title: 'Important information',
    disclaimer: canvas.briefing.disclaimer ?? STANDARD_DISCLAIMER,
    forwardLooking: canvas.briefing.forward_looking ?? standardForwardLooking(formatDate(canvas.briefing.as_of, canvas.briefing.language)),
  };
}

/**
 * The language of a name in Chinese, Japanese or Korean script, when the canvas does not say: from the
 * script (kana: Japanese, hangul: Korean), else from the company's country, else Chinese. A name in
 * none of those scripts (Greek, Latin), or none at all, has no language of this kind: undefined.
 */
export function nativeLanguageOf(country: string, nativeName: string | undefined): string | undefined {
  const name = nativeName ?? '';
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(name)) return 'ja';
  if (/\p{Script=Hangul}/u.test(name)) return 'ko';
  if (!/\p{Script=Han}/u.test(name)) return undefined;
  const c = country.trim().toLowerCase();
  if (/^(japan|jp|jpn)$/.test(c)) return 'ja';
  if (/^(south korea|korea|republic of korea|korea, republic of|kr|kor)$/.test(c)) return 'ko';
  if (/^(taiwan|hong kong|macau|macao|tw|hk|mo)\b/.test(c)) return 'zh-Hant';
  return 'zh-Hans';
}

/**
 * A value of a series (id@period_end) that a later one of the same series, up to the briefing's date, supersedes: the
 * key figures chosen for a canvas that lists none leave it out, as text that names last year's figure beside this
 * year's ("up from [[revenue@2024-09-30]]") would otherwise put both on the key-figures page as headlines.
 */
function supersededValue(canvas: Canvas, id: string): boolean {
  const at = id.indexOf('@');
  if (at < 0) return false;
  const prefix = id.slice(0, at + 1);
  const end = canvas.metrics[id].period_end!;
  return Object.entries(canvas.metrics).some(([other, m]) => other.startsWith(prefix) && !isLookingAhead(m) && m.period_end !== undefined && m.period_end > end && m.period_end <= canvas.briefing.as_of);
}
