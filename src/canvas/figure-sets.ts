/**
 * The tables and charts of a canvas as sets of figures a reader compares (validate/figure-sets.ts checks each; the
 * model lists what they find where sources disagree): each table column or chart with its figures and labels; and
 * what two of the checks find in one: parts that add up to more than the total beside them, and shares of one whole
 * past 100%.
 */
import type { KeyPath } from './key-path.ts';
import type { CanvasInput, Metric } from '../validate/schema.ts';
import { chapterEntries } from './blocks.ts';
import { periodKind, range } from './conflicts.ts';
import { decimalsOf, scaleFactor } from './numbers.ts';
import { resolveRef, type MetricIndex } from './series.ts';
import { isMetricCell } from './table-numbers.ts';

/** What figureSets reads of a canvas: its charts and chapters, as written or as the model lays them out (series listed out). */
type FigureHolder = Pick<CanvasInput, 'charts' | 'blocks' | 'chapters'>;

/** The metrics one table or chart shows together, and where it is written. */
export interface FigureSet {
  kind: 'table' | 'chart';
  path: KeyPath;
  ids: string[];
  /** Whether the reader sees each figure's period beside it (a metric table's period column), and whether a series is shown whole. */
  periodsShown?: boolean;
  /** Each figure's own label where the chart or table gives one (by `ids`' order): a point's, a row's; and whether a chart's point without one is labelled by its period (column, line). */
  labels?: Array<string | undefined>;
  labelledByPeriod?: boolean;
  /** The chart's or table's title, and a free table's column heading over these figures: words that may name their period. */
  title?: string;
  header?: string;
  /** A table's section's title ("Income by segment"): words that may say what a table under it measures, as its own title may. */
  section?: string;
  /** A chart's caption, under it: its source and period, in words that may name their period too. */
  caption?: string;
  /** A chart's points' groups (by `ids`' order), named in its legend: "Q1 FY25" beside "Q1 FY26" says each point's period. */
  groups?: Array<string | undefined>;
}

/**
 * Whether a set of figures shows one measure (its concept, else its label) at several periods (`period`: each figure's,
 * as the caller tells periods apart): a trend, or this year beside last set out on purpose, not a cross-section of one period.
 */
export function oneMeasureOverTime<T extends { m: Metric }>(figures: readonly T[], period: (f: T) => string): boolean {
  const periodsOf = new Map<string, Set<string>>();
  for (const f of figures) {
    const measure = f.m.concept ?? f.m.label.trim().toLowerCase();
    periodsOf.set(measure, (periodsOf.get(measure) ?? new Set()).add(period(f)));
  }
  return [...periodsOf.values()].some((periods) => periods.size > 1);
}

/** Words that make a percentage a share of a whole (of revenue, of users...), not a rate such as growth or margin; German's "Anteil am Umsatz", "Umsatzanteil", "% vom Umsatz" too, and French, Spanish, Chinese, Japanese and Korean words for it. */
const SHARE_WORDS = /\bshares?\b|%\s*of\b|\bpercent(age)? of\b|\bmix\b|\bproportion\b|\bportion\b|\bsplit\b|\bbreakdown\b|\bcontribution\b|(?<!\brisk[- ]?)\bweight(ing)?\b|anteil(?!seign)|%\s*(?:vom|von|am|an|des|der|du|de|del)\b|\bpart (?:de|du|des)\b|\brépartition\b|\bcuota\b|\bparticipación\b|占比|構成比|构成比|比重|비중/i;

/** A whole named as a percentage of another figure, which a ratio is written as too (a loan-to-deposit ratio, a payout ratio). */
const RATIO_OF = /%\s*(?:of|vom|von|am|an|des|der|du|de|del)\b|\bpercent(?:age)? of\b/i;
/** Words that make a percentage a share of a whole and nothing else. */
const PROPER_SHARE = /\bshares?\b|\bmix\b|\bproportion\b|\bportion\b|\bsplit\b|\bbreakdown\b|anteil(?!seign)|\bpart (?:de|du|des)\b|\brépartition\b|\bcuota\b|\bparticipación\b|占比|構成比|构成比|比重|비중/i;

/**
 * The whole a share is of, as its label says it: the words before the part is named ("Share of revenue:
 * cloud", "Revenue mix - commerce", "Market share (JD)"). Shares of one whole say it alike; "Market share
 * in China" and "Cloud share of operating profit" name no part apart from their whole, and are not
 * added up with anything.
 */
export function wholeOf(m: Metric): string | undefined {
  if (m.label.length > 200) return undefined; // a label that long names no share (and the patterns below would take their time)
  const label = m.label.toLowerCase().replace(/\s+/g, ' ').trim();
  // The part first: "Europe (% of revenue)", "Europe, percent of sales", "Europe as a percentage of sales".
  const after = /^\S.*?\s*(?:\((.+)\)|[,:]\s*(.+)|\s[-–—]\s(.+)|\s+as an? (.+))$/.exec(label);
  const afterWhole = after ? (after[1] ?? after[2] ?? after[3] ?? after[4]) : undefined;
  // The whole first: "Share of revenue: cloud", "Market share (JD)", "Revenue mix - commerce".
  const before = /^(.*?\S)\s*(?::|,|\(|\||\s[-–—]\s)\s*\S/.exec(label)?.[1];
  if (before !== undefined && SHARE_WORDS.test(before) && !/^(market )?share of\b|^(percentage|proportion|portion) of\b/.test(before)) return before;
  if (afterWhole !== undefined && SHARE_WORDS.test(afterWhole)) return afterWhole.replace(/^(a |the )/, '');
  // "Percentage of revenue from Europe", "Share of sales in Asia": the whole, then the part after from/in/by/for.
  const ofThen = /^((?:percentage|proportion|portion|share|percent) of .+?) (?:from|in|by|for|at|of) .+$/.exec(label)?.[1];
  if (ofThen !== undefined) return ofThen;
  // "Market share of Brand A": the brands are the parts of one market.
  if (/^market share of .+$/.test(label)) return 'market share';
  return before !== undefined && SHARE_WORDS.test(before) ? before : undefined;
}

/** "Total" and "subtotal" in Japanese, Chinese and Korean, written on to what they total ("売上高合計"): words of their own. */
const CJK_TOTALS: Record<string, string> = { 合計: 'total', 合计: 'total', 総計: 'total', 總計: 'total', 总计: 'total', 총계: 'total', 합계: 'total', 小計: 'subtotal', 小计: 'subtotal', 소계: 'subtotal' };
const CJK_TOTAL = new RegExp(`(${Object.keys(CJK_TOTALS).join('|')})`, 'g');

/**
 * "Total" and "subtotal" in the European languages canvases are written in besides English (whose "total" French, Spanish
 * and Portuguese share): "Umsatz gesamt", "Umsatz insgesamt", "Summe Umsatz", "Ricavi totali", "Totaal omzet".
 */
const WORD_TOTALS: Record<string, string> = { gesamt: 'total', insgesamt: 'total', summe: 'total', gesamtsumme: 'total', totale: 'total', totali: 'total', totaal: 'total', totalt: 'total', zwischensumme: 'subtotal' };

/**
 * Words of a label, lower-cased, a plural's "s" dropped ("Revenues" is "revenue"), punctuation gone; 合計 and "gesamt" are
 * "total", and a German compound made with it two words ("Gesamtumsatz" is "total umsatz").
 */
function labelWords(label: string): string[] {
  return label.toLowerCase().replace(CJK_TOTAL, ' $1 ').replace(/(?<![\p{L}\p{N}])gesamt(?=\p{L}{3})/gu, 'gesamt ').split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '')
    .map((w) => CJK_TOTALS[w] ?? WORD_TOTALS[w] ?? (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/**
 * Whether a label's words name `word`: as one of them, or, for a word in Chinese or Japanese script (written without spaces),
 * as the end of one ("国内売上高" names 売上高, as "Domestic revenue" names revenue).
 */
const CJK_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
function names(words: string[], word: string): boolean {
  return words.some((w) => w === word || (CJK_SCRIPT.test(word) && w.length > word.length && w.endsWith(word)));
}

/** Words of a total's label that say it is the whole, not what is measured: "Group total revenue" measures revenue. */
const TOTAL_WORDS = new Set(['total', 'group', 'consolidated', 'grand', 'overall', 'all', 'of', 'the', 'konzern', 'der', 'die', 'das', 'de', 'du', 'des', 'del', 'la', 'le', 'el']);

/**
 * Rows set under another as its breakdown: "– Public cloud", "• Europe", "of which: cloud", or indented; in Japanese,
 * Chinese and Korean, "うち北米売上高", "（うち北米）", "・北米", "其中：海外收入", "그중 해외".
 */
const SUB_ROW = /^(?:\s|[-\u2013\u2014\u2022\u00b7\u30fb*>]|of which\b|thereof\b|o\/w\b|[(（]?\s*(?:うち|其中|그\s?중))/i;

/**
 * Rows that are no part of their own: a breakdown of a part ("of which: cloud"), a memorandum item ("Memo: UK mortgages",
 * shown beside the breakdown, not in it), a pro forma figure, a subtotal, a figure with or without another; and figures of the measure that are no share of the period's total: a rate per unit, a run-rate, a backlog, a
 * sum over more than the period, a plan.
 */
const NO_PART = /\b(?:of which|thereof|memo(?:randum)?|pro[- ]forma|incl(?:\.|uding)?|excl(?:\.|uding)?|sub-?totals?|ex\.|per|run[- ]?rate|annuali[sz]ed|backlog|pipeline|cumulative|since|to date|ytd|year[- ]to[- ]date|ttm|trailing|lifetime|target|guidance|forecast|outlook|budget|plan)(?=\s|$|[:,.)])/i;

/**
 * Words (as labelWords gives them) that name a measure: a row labelled with one names what it measures itself
 * ("Staff costs", "Customer loans", "Impairment charge"), not only a segment, region or product ("UK Mortgages",
 * "Asset Management", "Consumer Lending", "Private Equity", "Premium", "Payments": names of businesses, as "asset" is, where
 * "assets" is a measure); and a
 * title with one besides its total's names two measures ("Revenue and operating expenses").
 */
const MEASURE_WORDS = new Set(['revenue', 'sale', 'turnover', 'income', 'profit', 'loss', 'losse', 'earning', 'ebitda', 'ebita', 'ebit', 'ebt', 'margin', 'eps', 'dps',
  'cost', 'expense', 'expenditure', 'spend', 'spending', 'capex', 'opex', 'charge', 'impairment', 'provision', 'writedown', 'write', 'tax', 'interest', 'fee', 'commission',
  'claim', 'cash', 'debt', 'loan', 'deposit', 'borrowing', 'liability', 'liabilitie', 'dividend', 'gross', 'net', 'operating', 'intake', 'volume', 'booking', 'gmv', 'arr',
  'subscriber', 'employee', 'headcount', 'price', 'rate', 'ratio', 'growth', 'yield', 'return',
  'umsatz', 'umsatzerlöse', 'erlöse', 'kosten', 'aufwand', 'aufwendungen', 'ergebnis', 'gewinn', 'ricavi', 'costi', 'chiffre', 'affaire', 'résultat', 'ingreso', 'gasto', 'omzet']);
/** Measure words written only in the plural ("Total assets", "Investments" as a figure), whose singular names a business ("Asset Management"). */
const PLURAL_MEASURES = /(?<!\p{L})(?:assets|investments|premiums|customers|users|orders|deliveries|shipments|units)(?!\p{L})/iu;
/** The same in Chinese, Japanese and Korean script, written on to what they measure ("国内売上高"). */
const CJK_MEASURES = /売上|収益|利益|費用|原価|損失|营收|收入|利润|成本|费用|亏损|매출|이익|비용|손실|수익/u;
/** Whether a label names a measure of its own, not only a segment, region or product by name. */
function namesMeasure(label: string): boolean {
  return labelWords(label).some((w) => MEASURE_WORDS.has(w)) || PLURAL_MEASURES.test(label) || CJK_MEASURES.test(label);
}
/** A measure joined to another in a title: "Income and lending", "Revenue & costs", "Income/expenses". */
const JOINED = /^(?:and|&|\/|\+|plus|or|vs\.?|versus|und|et|e|y|en)$/i;

/**
 * Lines of accounts written with "and" that are one measure, each with how the measure is read: "Loans and advances to
 * customers" is a bank's loan book ("Total loans"); "Cash and cash equivalents", "Property, plant and equipment", "Fee and
 * commission income", "Research and development", "General and administrative", "Depreciation and amortisation". Not
 * "Sales and marketing" (sales are a measure of their own): that one is one measure only as a total's own words say it.
 */
const ONE_MEASURE: ReadonlyArray<[RegExp, string]> = [
  [/\bloans and advances(?: to customers)?\b/gi, 'loans'],
  [/\bcash and cash equivalents\b/gi, 'cash'],
  [/\bproperty,? plant,? and equipment\b/gi, 'property plant equipment'],
  [/\bfees? and commissions?\b/gi, 'fee commission'],
  [/\bresearch (?:and|&) development\b/gi, 'research development'],
  [/\b(?:selling,? )?general,? and administrative\b/gi, 'general administrative'],
  [/\bdepreciation and amorti[sz]ation\b/gi, 'depreciation amortisation'],
];
/** A label or title with each of those written as the one measure it is ("Loans and advances to customers by sector": "loans by sector"). */
function oneMeasure(label: string): string {
  return ONE_MEASURE.reduce((text, [phrase, measure]) => text.replace(phrase, measure), label);
}
/** The words a label measures by, as labelWords gives them, with a line of accounts written with "and" read as one measure. */
const measureWords = (label: string) => labelWords(oneMeasure(label));

/** A total a table or chart shows, and the parts of it shown above it (breakdowns). */
interface Breakdown {
  total: string;
  parts: string[];
}

/** What `parts` add up to as written, in the total's scale, with `decimals` digits. */
function written(total: Metric, parts: Metric[]): { written: number; decimals: number } {
  const sum = parts.reduce((s, m) => s + m.value! * scaleFactor(m.scale), 0) / scaleFactor(total.scale);
  const decimals = Math.min(6, Math.max(...parts.map((m) => m.decimals ?? decimalsOf(m.value! * scaleFactor(m.scale) / scaleFactor(total.scale)))));
  return { written: sum, decimals };
}

/**
 * A total and its parts shown side by side, where the parts add up to more than the total even at the lowest values
 * their rounding and qualifiers allow (segments of 140.3, 33.4, 34.8 and 41.0 above "Total revenue RMB 247.8 billion").
 * The parts are the rows above the total, back to the last total or subtotal, of the total's unit and period, whose
 * label names what it measures ("Cloud revenue" above "Total revenue"; a plain table's column header counts as part of
 * each label; every row above a bare "Total"; where no row names any word of it, every row, if the title or the table's
 * section's title names it: "Commercial Banking" under "Total income by segment"), not set under another ("– Public cloud"). Rows below a total, as in a
 * table that opens with it and goes on with overlapping measures (recurring, active users), are no parts of it. That
 * parts fall short of their total is not reported: a table may show the main segments only. A segment's total ("DX total
 * revenue" under "MX revenue" and "VD revenue") is checked against the rows above it, whose labels need not repeat the
 * segment's name, and is one part of the total of the whole below it ("Total revenue", over "DX total revenue", "DS
 * revenue" and "SDC revenue"). A segment's total with one row above it leaves the table unchecked: that row may be its only
 * part shown or another segment. `written`: what the parts add up to as written, in the total's scale, with `decimals` digits.
 */
export function partsOverTotals(set: FigureSet, metrics: Record<string, Metric>): Array<{ total: string; parts: string[]; written: number; decimals: number }> {
  return breakdowns(set, metrics).flatMap(({ total, parts }) => {
    const lowest = parts.reduce((sum, id) => sum + range(metrics[id] as Metric)[0], 0);
    return lowest > range(metrics[total] as Metric)[1] ? [{ total, parts, ...written(metrics[total] as Metric, parts.map((id) => metrics[id] as Metric)) }] : [];
  });
}

/**
 * The totals whose parts shown add up to less than them, even at the highest values their rounding and qualifiers
 * allow, where the same series of parts added up to the total's series in each of its earlier periods that all of them
 * have (two at least): a part mistyped in this period's update ("iPhone 58.5" for 85.3), or one left out. A table that
 * shows only the main segments never added up, and is not reported. `earlier`: the periods they added up in, oldest first.
 */
export function partsShortOfTotals(set: FigureSet, index: Pick<MetricIndex, 'metrics' | 'history'>): Array<{ total: string; parts: string[]; written: number; decimals: number; earlier: string[] }> {
  const { metrics } = index;
  const seriesOf = (id: string) => (id.includes('@') ? id.split('@')[0]! : undefined);
  const valueAt = (series: string, end: string) => (index.history[series] ?? []).find((v) => metrics[v]?.period_end === end);
  return breakdowns(set, metrics).flatMap(({ total, parts }) => {
    const highest = parts.reduce((sum, id) => sum + range(metrics[id] as Metric)[1], 0);
    if (!(highest < range(metrics[total] as Metric)[0])) return [];
    const series = [total, ...parts].map(seriesOf);
    if (series.some((s) => s === undefined)) return [];
    const end = metrics[total]!.period_end;
    // The earlier periods every series has a value for, and whether the parts' values added up to the total's there.
    const earlier = (index.history[series[0]!] ?? []).map((v) => metrics[v]!.period_end).filter((e): e is string => e !== undefined && end !== undefined && e < end)
      .map((e) => series.map((s) => valueAt(s!, e)))
      .filter((ids): ids is string[] => ids.every((id) => id !== undefined));
    const addedUp = (ids: string[]) => {
      const [t, ...ps] = ids.map((id) => range(metrics[id] as Metric));
      return ps.reduce((sum, r) => sum + r[0], 0) <= t![1] && ps.reduce((sum, r) => sum + r[1], 0) >= t![0];
    };
    if (earlier.length < 2 || !earlier.every(addedUp)) return [];
    return [{ total, parts, ...written(metrics[total] as Metric, parts.map((id) => metrics[id] as Metric)), earlier: earlier.map((ids) => metrics[ids[0]!]!.period) }];
  });
}

/** Whether a label says it is a total or subtotal, in any language the canvases are written in ("Total revenue", "Umsatz gesamt", "売上高合計"). */
export function saysTotal(label: string): boolean {
  return labelWords(label).some((w) => w === 'total' || w === 'subtotal');
}

function breakdowns(set: FigureSet, metrics: Record<string, Metric>): Breakdown[] {
  const shown = (m: Metric, i: number) => set.labels?.[i] ?? m.label;
  const all = set.ids.map((id, i) => ({ id, m: metrics[id] as Metric, label: shown(metrics[id] as Metric, i), at: i }));
  // Where a breakdown starts: after the last total or subtotal above a total (a table of several breakdowns, one under another).
  const figures = all.filter(({ id, m, label }, at) => all.findIndex((f) => f.id === id) === at && m.value !== undefined && m.unit !== 'percent' && m.period_type !== 'forecast' && m.period_type !== 'target' && !SUB_ROW.test(label));
  const groups = new Map<string, typeof figures>();
  for (const f of figures) {
    const key = `${f.m.unit ?? ''}|${f.m.period_end ?? f.m.period}|${periodKind(f.m) ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  // The table's or chart's title, else a table's section's title (which a table's own title stands in front of), whose
  // words may name what each row of it measures.
  const title = set.title ?? set.section;
  const found: Breakdown[] = [];
  for (const group of groups.values()) {
    // Where a breakdown starts: after the last total or subtotal above a total (a table of several breakdowns, one under
    // another); but not after a segment's total that has no breakdown above it ("DX total revenue" among the segments).
    const bounds = new Set(all.filter((f) => saysTotal(f.label)).map((f) => f.at));
    const totals: Array<{ total: (typeof group)[number]; measure: string[]; ofSegment: boolean; rows: typeof group }> = [];
    for (const total of group.filter((f) => labelWords(f.label).includes('total') && !NO_PART.test(f.label))) {
      const from = Math.max(-1, ...[...bounds].filter((at) => at < total.at));
      const above = group.filter((f) => f.at > from && f.at < total.at && !NO_PART.test(f.label));
      const words = measureWords(total.label).filter((w) => !TOTAL_WORDS.has(w));
      // What it measures: its words but those that name the segment it totals, which no row above it repeats ("DX"
      // above "MX revenue" and "VD revenue"; "segment"). Never all of them: "Total profit" above revenue rows measures profit.
      const named = words.filter((w) => above.some((f) => names(measureWords(f.label), w)));
      const measure = named.length > 0 ? named : words;
      const ofSegment = named.length > 0 && named.length < words.length;
      // Rows labelled by name only ("UK Mortgages", "Commercial Banking" above "Total income"), none naming a measure,
      // under a title that names the total's and no other ("Total income by segment", "Segment income"): the title says
      // it for each. Not where a row names a measure ("Staff costs", "Customer loans" above "Total operating expenses"),
      // nor under "Revenue and operating expenses", "Income and lending by segment": rows of two measures.
      const titled = named.length === 0 && words.length > 0 && title !== undefined && !above.some((f) => namesMeasure(f.label)) && namesOnly(title, words, total.label);
      const rows = titled ? above : above.filter((f) => measure.every((w) => names(measureWords(f.label), w)));
      // One row above a segment's total: its only sub-row shown ("Memory revenue" over "DS total revenue"), or another
      // segment beside it ("DS revenue" over "DX total revenue")? Which rows the total of the whole takes is not known.
      if (ofSegment && rows.length === 1) {
        totals.length = 0;
        break;
      }
      if (ofSegment && rows.length === 0) bounds.delete(total.at); // the first of the segments: a part of the total below
      else totals.push({ total, measure, ofSegment, rows });
    }
    // Two totals of the whole ("Total revenue", "Total revenue (reported)"): which one the parts make up is not for the check to guess.
    if (totals.filter((t) => !t.ofSegment).length > 1) continue;
    // A segment's total with its breakdown above it ("DX total revenue" under "MX revenue" and "VD revenue") is a part of
    // the total of the whole below it.
    const subtotals: typeof totals = [];
    for (const t of totals) {
      const { total, measure, rows } = t;
      const candidates = t.ofSegment ? rows : [...subtotals.filter((u) => measure.every((w) => u.measure.includes(w))).map((u) => u.total), ...rows];
      // A row that adds up rows above it stands for them only where that makes the parts add up to the total: with
      // whole numbers, a segment may equal two others by chance (10, 20, 30 above 55), and the excess must still show.
      const summed = withoutSummed(candidates);
      const [low, high] = summed.reduce(([lo, hi], f) => [lo + range(f.m)[0], hi + range(f.m)[1]], [0, 0]);
      const parts = summed.length < candidates.length && low <= range(total.m)[1] && high >= range(total.m)[0] ? summed : candidates;
      if (t.ofSegment) subtotals.push(t);
      if (parts.length < 2) continue;
      found.push({ total: total.id, parts: parts.map((f) => f.id) });
    }
  }
  return found;
}

/**
 * Whether a title names the measure `words` say (a total's, "income") and no other: "Total income by segment", "Segment
 * income"; not "Revenue and operating expenses", "Income and costs", "Income and lending by segment" (the measure joined to another).
 * A line of accounts written with "and" is one measure ("Loans and advances to customers by sector", oneMeasure), and so is
 * the total's own measure as its `label` says it, "and" and all ("Sales and marketing expenses by region" above "Total
 * sales and marketing expenses").
 */
function namesOnly(title: string, words: string[], label: string): boolean {
  const read = oneMeasure(title);
  const tokens = read.toLowerCase().match(/[\p{L}\p{N}]+|[&/+]/gu) ?? [];
  const titleWords = labelWords(read);
  if (!words.every((w) => names(titleWords, w))) return false;
  const plurals = read.match(new RegExp(PLURAL_MEASURES.source, 'giu')) ?? [];
  if (titleWords.some((w) => MEASURE_WORDS.has(w) && !words.includes(w)) || plurals.some((p) => !labelWords(p).every((w) => words.includes(w)))) return false;
  const own = (t: string) => labelWords(t).some((w) => words.includes(w));
  const joins = tokens.map((t, i) => JOINED.test(t) && (own(tokens[i - 1] ?? '') || own(tokens[i + 1] ?? '')));
  // The total's own measure, written out in the title: a join within it joins no other measure.
  const phrase = (oneMeasure(label).toLowerCase().match(/[\p{L}\p{N}]+|[&/+]/gu) ?? []).map(wordOf);
  while (phrase.length > 0 && TOTAL_WORDS.has(phrase[0]!)) phrase.shift();
  while (phrase.length > 0 && TOTAL_WORDS.has(phrase.at(-1)!)) phrase.pop();
  const said = tokens.map(wordOf);
  for (let i = 0; phrase.length > 1 && i + phrase.length <= said.length; i++) {
    if (phrase.every((w, k) => said[i + k] === w)) for (let k = 1; k < phrase.length - 1; k++) joins[i + k] = false;
  }
  return !joins.some(Boolean);
}
/** A token as labelWords reads it ("loans" is "loan"); a sign ("&") as written. */
const wordOf = (token: string) => labelWords(token)[0] ?? token;

/**
 * Parts without the rows a subtotal below them adds up ("Products" under iPhone, Mac, iPad and Wearables, the four within
 * their rounding): the subtotal stands for them. A run of two rows or more directly above a row, in order. The caller
 * takes them only where they then add up to the total.
 */
function withoutSummed<T extends { m: Metric }>(parts: T[]): T[] {
  const summed = new Set<number>();
  for (let k = 2; k < parts.length; k++) {
    const [lo, hi] = range(parts[k].m);
    let [low, high] = [0, 0];
    for (let i = k - 1; i >= 0 && !summed.has(i); i--) {
      [low, high] = [low + range(parts[i].m)[0], high + range(parts[i].m)[1]];
      if (k - i >= 2 && low <= hi && high >= lo) {
        for (let j = i; j < k; j++) summed.add(j);
        break;
      }
    }
  }
  return parts.filter((_, i) => !summed.has(i));
}

/**
 * Percentage shares of one whole (wholeOf) that one table or chart shows for one period, adding up to more than 100%
 * even at the lowest values their rounding and qualifiers allow, a part below zero taken off; `written`: their sum as written.
 */
export function sharesOverWhole(set: FigureSet, metrics: Record<string, Metric>): Array<{ ids: string[]; written: number }> {
  const byPeriod = new Map<string, string[]>();
  for (const id of set.ids) {
    const m = metrics[id];
    if (m.unit !== 'percent' || m.value === undefined) continue;
    const whole = wholeOf(m);
    if (whole === undefined) continue;
    const key = `${whole}|${m.period_end ?? m.period}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), id]);
  }
  const found: Array<{ ids: string[]; written: number }> = [];
  for (const ids of byPeriod.values()) {
    // A part below zero takes its share off the others ("Share of operating profit: Corporate" at -15%, "Contribution to
    // growth: other" at -20%): the parts add up to the whole with it.
    // One share alone past 100% is past the whole too ("Share of loans: mortgages" at 112%); not one of a ratio written as a
    // percentage of another figure ("Loans (% of deposits)" at 105%, "Dividends (% of net income)" at 120%), which may pass it.
    if (!ids.some((id) => metrics[id].value! > 0)) continue;
    if (ids.length === 1 && RATIO_OF.test(wholeOf(metrics[ids[0]])!) && !PROPER_SHARE.test(wholeOf(metrics[ids[0]])!)) continue;
    const lowest = ids.reduce((sum, id) => sum + (metrics[id].value! < 0 ? range(metrics[id])[0] : Math.max(0, range(metrics[id])[0])), 0);
    if (lowest <= 100 + 1e-9) continue;
    found.push({ ids, written: ids.reduce((sum, id) => sum + metrics[id].value!, 0) });
  }
  return found;
}

/** Every table and chart of the canvas with the metrics it shows (a series as its values up to the briefing's date). */
export function figureSets(canvas: FigureHolder, index: Pick<MetricIndex, 'metrics' | 'history' | 'latest'>): FigureSet[] {
  // What each place shows: a reference to a series is its latest value; only a {series} row or a series chart shows them all.
  const ids = (ref: string) => [resolveRef(index, ref)].filter((id) => index.metrics[id] !== undefined);
  const all = (series: string) => (index.history[series] ?? []).filter((id) => index.metrics[id] !== undefined);
  const sets: FigureSet[] = [];
  for (const [chartId, chart] of Object.entries(canvas.charts ?? {})) {
    // A series over time is not a set of parts of one whole; its values are one measure. A chart of a whole series
    // (series:, as written) plots its values up to the briefing's date, the last N of them (last:), as the model lays it out.
    const listed = chart.points ?? (chart.series === undefined ? undefined : all(chart.series).slice(chart.last === undefined ? 0 : -chart.last).map((metric) => ({ metric, label: undefined, group: undefined })));
    if (listed) {
      const points = listed.flatMap((p) => ids(p.metric).map((id) => ({ id, label: p.label, group: p.group })));
      sets.push({ kind: 'chart', path: ['charts', chartId], ids: points.map((p) => p.id), labels: points.map((p) => p.label), labelledByPeriod: chart.type === 'column' || chart.type === 'line', title: chart.title, groups: points.map((p) => p.group), ...(chart.caption === undefined ? {} : { caption: chart.caption }) });
    }
  }
  for (const { block, path: at } of chapterEntries(canvas)) {
    block.sections.forEach((section, s) => section.content.forEach((item, c) => {
      const path: KeyPath = [...at, 'sections', s, 'content', c];
      if ('table' in item) {
        // Column by column: a column of amounts is what a reader compares down.
        // A row is labelled by its first cell of words ("Cloud Intelligence", "Total"), and its column's header says what
        // each cell of it measures ("Revenue FY2025").
        const columns = new Map<number, { ids: string[]; labels: Array<string | undefined>; header?: string }>();
        item.table.rows.forEach((row) => {
          const label = row.find((cell): cell is string => typeof cell === 'string' && cell.trim() !== '');
          row.forEach((cell, ci) => {
            if (!isMetricCell(cell) || !(cell.show === undefined || cell.show === 'value' || cell.show === 'amount')) return;
            const heading = item.table.columns?.[ci];
            const header = typeof heading === 'object' ? heading.title : heading;
            const column = columns.get(ci) ?? { ids: [], labels: [], ...(header === undefined ? {} : { header }) };
            for (const id of ids(cell.metric)) {
              column.ids.push(id);
              column.labels.push(label === undefined ? undefined : header === undefined ? label : `${label} (${header})`);
            }
            columns.set(ci, column);
          });
        });
        for (const column of columns.values()) sets.push({ kind: 'table', path: [...path, 'table'], ...column, ...(item.table.title === undefined ? {} : { title: item.table.title }), section: section.title });
      } else if ('metric_table' in item) {
        const shown = item.metric_table.columns ?? ['label', 'value', 'change', 'period'];
        if (shown.includes('value') || shown.includes('amount')) {
          const series = item.metric_table.rows.some((row) => typeof row !== 'string' && 'series' in row);
          const rows = item.metric_table.rows.flatMap((row) => (typeof row === 'string' ? ids(row).map((id) => ({ id, label: undefined })) : 'series' in row ? all(row.series).map((id) => ({ id, label: undefined })) : ids(row.metric).map((id) => ({ id, label: row.label }))));
          sets.push({ kind: 'table', path: [...path, 'metric_table'], periodsShown: shown.includes('period') || series, ids: rows.map((r) => r.id), labels: rows.map((r) => r.label), ...(item.metric_table.title === undefined ? {} : { title: item.metric_table.title }), section: section.title });
        }
      }
    }));
  }
  return sets;
}
