/**
 * compare/: two validated versions of a canvas -> what changed between them (CanvasChanges). Pure.
 *
 * Canvases arrive as the model reads them (canvas/series.ts): each dated value of a series is a metric
 * of its own, id@period_end, and a reference to a series names its latest value. Figures are compared
 * id by id; a series is found again from its values' ids, and its latest value from the version's
 * as_of. A metric of one value in one version and a series of the same id in the other is one measure: the
 * metric is read as a series of that one value (docs/canvas.md has a recurring figure made a series), so its
 * move to the series' latest value is listed, not the metric dropped and the series added. A metric whose id
 * alone was renamed (the same label, unit and period type, no other metric of either version with that label and unit) is one
 * figure too, listed as moved with the id it had. Text is compared as written: `[[revenue]]` in both versions is the same text, whichever
 * quarter it shows (the figure's move is listed among the figures); so is `[[revenue@2025-09-30]]` in both,
 * though in the earlier version that was the latest value.
 */
import type { Canvas, Metric } from '../validate/schema.ts';
import { chapterEntries, type ChapterKey } from '../canvas/blocks.ts';
import { isLookingAhead } from '../canvas/series.ts';
import { parseReferences, rewriteReferences, splitReferences } from '../canvas/references.ts';
import { decimalsOf, inUnits, sameAmount, scaleFactor } from '../canvas/numbers.ts';
import { periodKind, sameEquivalent, sameValue } from '../canvas/conflicts.ts';
import type { CanvasChanges, Difference, FigureChange, FigureEntry, SectionEntry, TextEntry } from './canvas-changes.ts';
import { comparePrinted } from './printed-parts.ts';

export type * from './canvas-changes.ts';

/** Qualifiers that make a figure approximate: a difference of two such figures is about right. Bounds (over, under...) give none. */
const APPROXIMATE = new Set<Metric['qualifier']>(['approx', 'about', 'roughly']);

/** What changed from `before` to `now`, two versions of one canvas. */
export function compareCanvases(before: Canvas, now: Canvas): CanvasChanges {
  const was = new Version(before);
  const is = new Version(now);
  // A metric made a series, or a series made a metric: one measure, the metric read as a series of one value.
  was.adopt(is);
  is.adopt(was);
  // A series value whose date was changed has another id (id@period_end): found again by its period's words; so is
  // a metric's one value among the values of the series it became (or the one it was made from).
  const redated = redatedValues(was, is);
  // A metric whose id alone changed: found again by its label and unit, where they name one metric on each side.
  const renamed = renamedMetrics(entriesOnlyIn(was, is, new Set(redated.values())), entriesOnlyIn(is, was, new Set(redated.keys())), before, now);
  const paired = new Map([...redated, ...renamed]);
  const latest: FigureChange[] = [];
  for (const series of is.series.keys()) {
    const [from, to] = [was.latest(series), is.latest(series)];
    // The same value changing (its figure, or its date) is listed as that value.
    if (from === undefined || to === undefined || from === to || redated.get(to) === from) continue;
    const move = figureChange('latest', series, { id: from, metric: before.metrics[from] }, { id: to, metric: now.metrics[to] });
    // The earlier latest value revised since: the move is from the figure as now reported, the revision listed on its own.
    const revisedTo = Object.hasOwn(now.metrics, from) ? now.metrics[from] : undefined;
    const revised = revisedTo !== undefined && !sameValue(before.metrics[from], revisedTo) && samePeriod(before.metrics[from], revisedTo);
    // (Its difference and percent from the revised figure only: none where the two cannot be subtracted.)
    const { difference: _difference, percent: _percent, ...moved } = move;
    latest.push(revised ? { ...moved, ...compareValues(revisedTo, now.metrics[to]), beforeRevised: { id: from, metric: revisedTo } } : move);
  }
  const changed: FigureChange[] = [];
  for (const [id, m] of Object.entries(now.metrics)) {
    const oldId = paired.get(id) ?? (Object.hasOwn(before.metrics, id) ? id : undefined); // an id may be "constructor"
    if (oldId === undefined) continue;
    const old = before.metrics[oldId];
    const rename = renamed.has(id) ? { renamedFrom: oldId } : {};
    const figureKept = sameValue(old, m) && samePeriod(old, m);
    // The stated change prints beside the figure (+34% YoY on the key-figures page): a revised one is news.
    const statedKept = sameStatedChange(old, m);
    // So does the equivalent in another currency ("₹95,000 million (US$1,087 million)"): a corrected one is news too.
    const equivalentKept = sameEquivalent(old, m);
    // A metric renamed is listed though its figure stayed: else it would be neither moved, added nor dropped.
    if (figureKept && statedKept && equivalentKept && !renamed.has(id)) continue;
    const change = { ...figureChange('changed', id, { id: oldId, metric: old }, { id, metric: m }), ...rename };
    // Q3's revenue written anew for Q3: what was reported is corrected, the figure did not grow or shrink.
    const revised = !figureKept && samePeriod(old, m) && old.as_of === m.as_of ? { revised: true } : {};
    const equivalent = equivalentKept ? {} : { equivalentMoved: true, ...(figureKept && statedKept ? { onlyEquivalent: true } : {}) };
    changed.push(statedKept ? { ...change, ...revised, ...equivalent } : { ...change, ...revised, ...equivalent, statedChangeMoved: true, ...(figureKept ? { onlyStatedChange: true } : {}) });
  }
  const text = compareText(was, is);
  // A series rolled forward: its new latest value is listed once, as the move of its latest value (its Now), and the
  // earlier latest value, where it is gone, as that move's Before; neither again as a figure added or dropped (a
  // committee read Q3's figures twice). Values no move shows stay listed: a quarter before the latest added with it,
  // a value filled in earlier, a forecast; a whole new series; a metric new or gone.
  const [movedTo, movedFrom] = [new Set(latest.map((f) => f.now.id)), new Set(latest.map((f) => f.before.id))];
  return {
    before: { period: before.briefing.period, asOf: before.briefing.as_of },
    now: { period: now.briefing.period, asOf: now.briefing.as_of },
    figures: [...latest, ...changed],
    added: entriesOnlyIn(is, was, new Set(paired.keys())).filter((e) => !movedTo.has(e.id)),
    dropped: entriesOnlyIn(was, is, new Set(paired.values())).filter((e) => !movedFrom.has(e.id)),
    sections: { added: text.sectionsAdded, removed: text.sectionsRemoved },
    text: { added: text.added, removed: text.removed },
    // Tables, charts and every other part the briefing prints: never a difference left unsaid.
    ...comparePrinted(was, is, changed, redated),
  };
}

/** Whether anything changed: the period or date of the briefing, or anything listed. */
export function hasChanges(changes: CanvasChanges): boolean {
  return changes.before.period !== changes.now.period || changes.before.asOf !== changes.now.asOf
    || changes.figures.length + changes.added.length + changes.dropped.length > 0
    || changes.sections.added.length + changes.sections.removed.length + changes.text.added.length + changes.text.removed.length > 0
    || changes.tables.length + changes.charts.length + changes.unitemised.length > 0;
}

/** One version of the canvas, with its series found again from the ids of their values. */
class Version {
  /** Series id -> the ids of its values, oldest first (the order canvas/series.ts lays them out in). */
  readonly series = new Map<string, string[]>();
  /** The id of each series' latest value -> the series id: how [[series]] was written. */
  readonly written = new Map<string, string>();

  constructor(readonly canvas: Canvas) {
    for (const id of Object.keys(canvas.metrics)) {
      const at = id.indexOf('@');
      if (at < 0) continue;
      const series = id.slice(0, at);
      this.series.set(series, [...(this.series.get(series) ?? []), id]);
    }
    for (const series of this.series.keys()) {
      const latest = this.latest(series);
      if (latest !== undefined) this.written.set(latest, series);
    }
  }

  /**
   * A metric of one value whose id is a series in `other`: read as a series of that one value (its id, without a date),
   * so that the two versions compare it as one measure. Only where it covers the kind of period the series' values do
   * (periodKind: a quarter, a year, a day): a year's figure made a series of quarters is no quarter's latest value, and
   * its "move" to one (FY2024 → Q3 2025, down 72%) never happened; the two stay dropped and added.
   */
  adopt(other: Version): void {
    for (const [series, ids] of other.series) {
      if (this.series.has(series) || !Object.hasOwn(this.canvas.metrics, series)) continue;
      const kind = periodKind(this.canvas.metrics[series]) ?? '';
      const values = ids.map((id) => other.canvas.metrics[id]).filter((m) => !isLookingAhead(m));
      if (values.length === 0 || values.some((m) => (periodKind(m) ?? '') !== kind)) continue;
      this.series.set(series, [series]);
    }
  }

  /**
   * The series' latest value up to the briefing's date, forecasts and targets aside (as canvas/series.ts picks it); of a
   * metric read as a series of its one value (adopt), that value, undated or not.
   */
  latest(series: string): string | undefined {
    const asOf = this.canvas.briefing.as_of;
    return (this.series.get(series) ?? []).filter((id) => {
      const m = this.canvas.metrics[id];
      return !isLookingAhead(m) && (m.period_end === undefined ? id === series : m.period_end <= asOf);
    }).at(-1);
  }

  /** The series an id is a value of, if any. */
  seriesOf(id: string): string | undefined {
    const at = id.indexOf('@');
    return at < 0 ? undefined : id.slice(0, at);
  }

  /** Text as written: references to a series' latest value back to [[series]]. */
  asWritten(text: string): string {
    return rewriteReferences(text, (id) => this.written.get(id) ?? id);
  }

  /** A text entry of this version. */
  textEntry(text: string, where: Omit<TextEntry, 'written' | 'text' | 'metrics'>): TextEntry {
    const metrics: Record<string, Metric> = {};
    for (const ref of parseReferences(text)) if (ref.id !== undefined && Object.hasOwn(this.canvas.metrics, ref.id)) metrics[ref.id] = this.canvas.metrics[ref.id];
    return { ...where, written: this.asWritten(text), text, metrics };
  }
}

function figureChange(kind: FigureChange['kind'], id: string, before: FigureChange['before'], now: FigureChange['now']): FigureChange {
  const [was, is] = [before.metric, now.metric];
  // A new number with the very equivalent (number and currency) the old one had: an update that forgot the
  // conversion, in the metric itself or in a series' new value copied from the last.
  const kept = was.value !== undefined && is.value !== undefined && was.equivalent !== undefined && is.equivalent !== undefined
    && !(was.unit === is.unit && sameAmount(amount(was), amount(is)))
    && was.equivalent.unit === is.equivalent.unit && sameAmount(was.equivalent, is.equivalent);
  return { id, kind, label: is.label, before, now, ...compareValues(was, is), ...(kept ? { equivalentKept: true } : {}) };
}

/**
 * The same stated change: percent, points, words and basis (YoY unless given, for a number). Which way is better
 * only colours it; the digits it is written with (19 or 19.0) are its precision, not a change, as for figures.
 */
function sameStatedChange(a: Metric, b: Metric): boolean {
  const stated = ({ change: c }: Metric) => c === undefined ? undefined
    : [c.percent, c.points, c.text, c.percent === undefined && c.points === undefined ? c.basis : c.basis ?? 'YoY'];
  return JSON.stringify(stated(a)) === JSON.stringify(stated(b));
}

/** The same period: its words, its kind and its date (period_end: a figure re-dated is a figure for another period, whatever its words say). */
function samePeriod(a: Metric, b: Metric): boolean {
  return a.period === b.period && (a.period_type ?? '') === (b.period_type ?? '') && (a.period_end ?? '') === (b.period_end ?? '');
}

/**
 * Values of a series in both versions that are one value re-dated: a value only in the new version (another
 * period_end, so another id) with the same period words as one only in the earlier version, each the only one
 * of its side with those words. New id -> old id. A series rolled forward adds values with new words
 * (Q3 2025 after Q2 2025): those stay values added and dropped.
 */
function redatedValues(was: Version, is: Version): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const [series, ids] of is.series) {
    const old = was.series.get(series);
    if (old === undefined) continue;
    const byWords = (v: Version, list: string[], other: Version) => {
      const groups = new Map<string, string[]>();
      for (const id of list) {
        if (Object.hasOwn(other.canvas.metrics, id)) continue;
        const words = v.canvas.metrics[id].period;
        groups.set(words, [...(groups.get(words) ?? []), id]);
      }
      return groups;
    };
    const [dropped, added] = [byWords(was, old, is), byWords(is, ids, was)];
    for (const [words, newIds] of added) {
      const oldIds = dropped.get(words);
      if (newIds.length === 1 && oldIds?.length === 1) pairs.set(newIds[0], oldIds[0]);
    }
  }
  return pairs;
}

/**
 * Metrics whose id alone changed: a metric only in the new version (`added`) with the label, unit and period type of one
 * only in the earlier version (`dropped`), each the only metric of its version with that label and unit (kept ones,
 * a series' values, anything), and neither a series or a series' value. New id -> old id. Where another metric has
 * them (Revenue of Norway kept, Sweden's dropped and Denmark's added; Revenue of each quarter), the label does not say
 * which measure a figure is: pairing them would show a move from one segment or period to another that never happened,
 * so those stay added and dropped. Another kind of period (periodKind: a quarter, a year, a stock as at a day) is another
 * measure too.
 */
function renamedMetrics(dropped: FigureEntry[], added: FigureEntry[], canvasBefore: Canvas, canvasNow: Canvas): Map<string, string> {
  const key = (m: Metric) => `${m.label.replace(/\s+/g, ' ').trim()}\0${m.unit ?? ''}`;
  // How many metrics of a version have each label and unit: one on each side, or the label does not tell the measure.
  const counted = (canvas: Canvas) => {
    const counts = new Map<string, number>();
    for (const m of Object.values(canvas.metrics)) counts.set(key(m), (counts.get(key(m)) ?? 0) + 1);
    return counts;
  };
  const [before, now] = [counted(canvasBefore), counted(canvasNow)];
  const single = (e: FigureEntry) => e.values === undefined && !e.id.includes('@');
  const dropKey = new Map(dropped.filter(single).map((e) => [key(e.metric), e]));
  const pairs = new Map<string, string>();
  for (const e of added.filter(single)) {
    const k = key(e.metric);
    const old = dropKey.get(k);
    if (old === undefined || before.get(k) !== 1 || now.get(k) !== 1) continue;
    if ((periodKind(e.metric) ?? '') !== (periodKind(old.metric) ?? '')) continue;
    pairs.set(e.id, old.id);
  }
  return pairs;
}

/** A metric's figure as an amount: its value in its scale. */
function amount(m: Metric): { value: number; scale?: Metric['scale'] } {
  return { value: m.value!, scale: m.scale };
}

function base(m: Metric): number {
  return inUnits(amount(m));
}

/** What a qualifier says of its number: approx., about and roughly alike, over and more than alike; each other its own. */
function sayOf(qualifier: Metric['qualifier']): string {
  return qualifier === undefined ? '' : APPROXIMATE.has(qualifier) ? 'approx' : qualifier === 'more_than' ? 'over' : qualifier;
}

/** Direction, difference and percent change from `before` to `now`, as far as the two figures allow. */
function compareValues(before: Metric, now: Metric): Pick<FigureChange, 'direction' | 'difference' | 'percent'> {
  if (before.value === undefined || now.value === undefined || before.unit !== now.unit || now.unit === undefined) return { direction: 'changed' };
  const [b, n] = [base(before), base(now)];
  const direction = sameAmount(amount(before), amount(now)) ? 'same' : n > b ? 'up' : 'down';
  const qualifiers = [before.qualifier, now.qualifier].filter((q) => q !== undefined);
  // Another qualifier is another figure, though its number is the same ("up to 7 stores" to "over 7 stores" is no "=
  // unchanged"), and between two bounds of different kinds no direction holds ("up to 7" to "over 5" is not "down").
  // Words that say the same of a number ("approx." and "about", "over" and "more than") are no other figure.
  if (sayOf(before.qualifier) !== sayOf(now.qualifier) && (direction === 'same' || qualifiers.some((q) => !APPROXIMATE.has(q)))) return { direction: 'changed' };
  if (qualifiers.some((q) => !APPROXIMATE.has(q))) return { direction }; // "over 600 million" to "over 650 million": no amount to subtract
  const factor = scaleFactor(now.scale);
  const shift = Math.round(Math.log10(factor / scaleFactor(before.scale)));
  const decimals = Math.min(6, Math.max(0, now.decimals ?? decimalsOf(now.value), (before.decimals ?? decimalsOf(before.value)) + shift));
  const difference: Difference = { value: round((n - b) / factor, decimals), unit: now.unit, scale: now.scale, decimals, approximate: qualifiers.length > 0 };
  if (difference.scale === undefined) delete difference.scale;
  // Only between two positive figures: between two losses the percent would be of a negative base, and read the wrong way
  // round ("▼ down 100%" for a loss that doubled, "▲ up 50%" for one that halved); as in financial tables, none is given.
  // A figure left as it was, a loss or zero too, is 0% changed.
  const percent = now.unit === 'percent' ? undefined : b > 0 && n > 0 ? ((n - b) / b) * 100 : direction === 'same' ? 0 : undefined;
  return { direction, difference, ...(percent === undefined ? {} : { percent }) };
}

function round(value: number, decimals: number): number {
  const r = Number(value.toFixed(decimals));
  return Object.is(r, -0) ? 0 : r;
}

/** Metrics of `a` that `b` lacks: values of a series both have one by one, a series `b` lacks entirely as one entry; `redated` values (found again in `b` under another date) aside. */
function entriesOnlyIn(a: Version, b: Version, redated: Set<string>): FigureEntry[] {
  const entries: FigureEntry[] = [];
  const wholeSeries = new Set<string>();
  for (const [id, metric] of Object.entries(a.canvas.metrics)) {
    if (Object.hasOwn(b.canvas.metrics, id) || redated.has(id)) continue;
    const series = a.seriesOf(id);
    if (series === undefined || b.series.has(series)) {
      entries.push({ id, metric });
    } else if (!wholeSeries.has(series)) {
      wholeSeries.add(series);
      const values = a.series.get(series)!;
      const shown = a.latest(series) ?? values.at(-1)!;
      entries.push({ id: series, metric: a.canvas.metrics[shown], values: values.length });
    }
  }
  return entries;
}

/** The text of one version, by place. */
interface Texts {
  /** Section key (chapter, title, occurrence) -> the section and its paragraphs and bullets. */
  sections: Map<string, { entry: SectionEntry; items: TextEntry[] }>;
  /** Chapter leads and opening summaries (the canvas's under "summary", a set's under "summary:<set>"). */
  singles: Map<string, TextEntry>;
}

function textsOf(v: Version): Texts {
  const { canvas } = v;
  const sections: Texts['sections'] = new Map();
  const singles: Texts['singles'] = new Map();
  if (canvas.briefing.summary) singles.set('summary', v.textEntry(canvas.briefing.summary, { place: 'summary' }));
  for (const [set, s] of Object.entries(canvas.block_sets ?? {})) {
    if (s.summary) singles.set(`summary:${set}`, v.textEntry(s.summary, { place: 'summary', set }));
  }
  for (const { key: chapter, block } of chapterEntries(canvas)) {
    const blockTitle = block.title === undefined ? {} : { blockTitle: block.title };
    if (block.lead) singles.set(`lead:${chapter}`, v.textEntry(block.lead, { place: 'lead', chapter, ...blockTitle }));
    const seen = new Map<string, number>();
    block.sections.forEach((section, index) => {
      const n = seen.get(section.title) ?? 0;
      seen.set(section.title, n + 1);
      const tags = section.tags === undefined ? {} : { tags: section.tags };
      const entry: SectionEntry = { chapter, ...blockTitle, title: section.title, index, ...tags };
      const where = { chapter, ...blockTitle, section: section.title, sectionIndex: index, ...tags };
      const items = section.content.flatMap((c): TextEntry[] => {
        if ('paragraph' in c) return [v.textEntry(c.paragraph, { place: 'paragraph', ...where })];
        if ('bullets' in c) return c.bullets.map((b) => v.textEntry(b, { place: 'bullet', ...where }));
        return []; // tables and charts: their figures are compared as figures
      });
      sections.set(`${chapter}\0${section.title}\0${n}`, { entry, items });
    });
  }
  return { sections, singles };
}

function compareText(was: Version, is: Version) {
  const [a, b] = [textsOf(was), textsOf(is)];
  const result = { sectionsAdded: [] as SectionEntry[], sectionsRemoved: [] as SectionEntry[], added: [] as TextEntry[], removed: [] as TextEntry[] };
  // Sections, and within a section in both versions its paragraphs and bullets. A section added or
  // removed is listed as such, not again paragraph by paragraph.
  for (const [key, s] of a.sections) if (!b.sections.has(key)) result.sectionsRemoved.push(s.entry);
  for (const [key, s] of b.sections) {
    const old = a.sections.get(key);
    if (old === undefined) {
      result.sectionsAdded.push(s.entry);
      continue;
    }
    const written = multisetDifference(old.items, s.items, (t) => `${t.place}\0${t.written}`);
    // What is left may still be the same text, its references named another way in one version (sameText).
    const removed = [...written.onlyA];
    for (const t of written.onlyB) {
      const i = removed.findIndex((r) => sameText(r, t));
      if (i < 0) result.added.push(t);
      else removed.splice(i, 1);
    }
    result.removed.push(...removed);
  }
  for (const [key, t] of a.singles) if (!sameText(b.singles.get(key), t)) result.removed.push(t);
  for (const [key, t] of b.singles) if (!sameText(a.singles.get(key), t)) result.added.push(t);
  // The order of the version a text is in: a chapter removed is where it was, one added where it is now.
  const order = (v: Version) => chapterEntries(v.canvas).map((e) => e.key);
  return { ...result, added: inReadingOrder(result.added, order(is)), removed: inReadingOrder(result.removed, order(was)) };
}

/**
 * The same text in two versions: the same words, and each reference the same as written ([[revenue]] in both,
 * whichever quarter it shows) or naming the same value ([[revenue@2025-09-30]] in both, which in the version where
 * that is the latest value reads as [[revenue]]).
 */
function sameText(x: TextEntry | undefined, y: TextEntry): boolean {
  if (x === undefined || x.place !== y.place) return false;
  if (x.written === y.written) return true;
  const [xw, yw, xt, yt] = [x.written, y.written, x.text, y.text].map(splitReferences);
  return xw.length === yw.length && xt.length === xw.length && yt.length === yw.length && xw.every((p, i) => {
    const q = yw[i];
    if ('text' in p || 'text' in q) return 'text' in p && 'text' in q && p.text === q.text;
    const [pt, qt] = [xt[i], yt[i]];
    return p.part === q.part && (p.id === q.id || ('id' in pt && 'id' in qt && pt.id === qt.id));
  });
}

/** Text in the order a reader meets it: the summary, then chapter by chapter, each lead before its sections. */
function inReadingOrder(entries: TextEntry[], order: ChapterKey[]): TextEntry[] {
  const rank = (t: TextEntry): number[] =>
    t.place === 'summary' ? [t.set === undefined ? 0 : 1] : [2, order.indexOf(t.chapter!), t.place === 'lead' ? -1 : t.sectionIndex!];
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  return entries.map((t, i) => ({ t, i, r: rank(t) })).sort((x, y) => compare(x.r, y.r) || x.i - y.i).map(({ t }) => t);
}

/** The items of `a` not matched in `b` and those of `b` not matched in `a`, each matched once, in order. */
function multisetDifference<T>(a: T[], b: T[], key: (t: T) => string): { onlyA: T[]; onlyB: T[] } {
  const count = new Map<string, number>();
  for (const t of a) count.set(key(t), (count.get(key(t)) ?? 0) + 1);
  const onlyB: T[] = [];
  for (const t of b) {
    const n = count.get(key(t)) ?? 0;
    if (n > 0) count.set(key(t), n - 1);
    else onlyB.push(t);
  }
  const onlyA: T[] = [];
  for (const t of [...a].reverse()) {
    const n = count.get(key(t)) ?? 0;
    if (n > 0) {
      count.set(key(t), n - 1);
      onlyA.unshift(t);
    }
  }
  return { onlyA, onlyB };
}
