/**
 * Figures that cannot both be true: the same measure, for the same period, with values whose ranges
 * (rounding and qualifiers allowed for) do not meet. Robust to what an author leaves out: a measure is
 * a concept (or a series), or failing that the same label and unit; a period is its end date, taken
 * from period_end or read from the period text where that is unambiguous, or the period text itself
 * (fiscal years written any usual way: FY2025, FY 2025, FY25, fiscal 2025); the kind of period is its
 * period_type, or what the text says (a quarter, a half, nine months, a year, twelve trailing months),
 * so that a half and a quarter ending on one day are two measures. Different periods are a series,
 * never a conflict. Used by model/ (data notes) and validate/ (findings on the console).
 */
import type { Metric } from '../validate/schema.ts';
import { decimalsOf, inUnits, sameAmount, scaleFactor } from './numbers.ts';
import { currencyCodeFor, isCurrency } from './currencies.ts';
// (text-periods.ts imports this file's readers too; each side calls the other's only inside functions, never as it loads.)
import { calendarQuarterEnd, fiscalQuarterShift, namedPeriods } from './text-periods.ts';
import { RecentMap } from '../recent-map.ts';
import { monthEnd } from './dates.ts';

/**
 * Pairs of metric ids (each in `ids` order) whose values cannot both be true. A figure that agrees
 * with each of two that disagree is in no pair.
 */
export function conflictPairs(metrics: Record<string, Metric>, ids: string[]): Array<[string, string]> {
  const compared = ids.filter((id) => metrics[id].value !== undefined && metrics[id].period_type !== 'forecast' && metrics[id].period_type !== 'target');
  const periodOf = periodReader(metrics, compared);
  const buckets = new Map<string, string[]>();
  for (const id of compared) {
    const key = `${metrics[id].unit ?? ''}|${periodOf(metrics[id])}`;
    buckets.set(key, [...(buckets.get(key) ?? []), id]);
  }
  const pairs: Array<[string, string]> = [];
  for (const bucket of buckets.values()) {
    for (const group of measures(bucket, metrics)) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const [a, b] = [metrics[group[i]], metrics[group[j]]];
          // A half and a quarter ending on one day are two measures, whether period_type or the words say so.
          if (!sameKind(a, b)) continue;
          const [ra, rb] = [range(a), range(b)];
          if (ra[1] < rb[0] || rb[1] < ra[0]) pairs.push([group[i], group[j]]);
        }
      }
    }
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return pairs.sort((x, y) => order.get(x[0])! - order.get(y[0])! || order.get(x[1])! - order.get(y[1])!);
}

/** A figure conflictPairs cannot place in time, and the dated figures of its measure it is therefore not compared with. */
export interface UndatedFigure {
  id: string;
  /** The measure's figures of its unit and kind of period whose end is known (in `ids` order). */
  others: string[];
}

/**
 * Quarters and halves (by period_type, or, without one, by their words) that conflictPairs compares only with figures
 * whose period is written the same way: no period_end, and words periodReader places by nothing (no date in them, no
 * other figure of the measure giving the same words an end, no fiscal calendar the canvas shows). Only where the
 * measure (a shared concept, or the same label: sameMeasure) has a figure of the same unit and kind of period (sameKind,
 * as conflictPairs compares them) whose end is known: a contradiction with it would go unseen. A year, or a figure whose measure has no dated figure, is not
 * named: its words are compared as they are, and there is no dated figure to miss.
 */
export function undatedFigures(metrics: Record<string, Metric>, ids: string[]): UndatedFigure[] {
  const compared = ids.filter((id) => metrics[id].value !== undefined && metrics[id].period_type !== 'forecast' && metrics[id].period_type !== 'target');
  const periodOf = periodReader(metrics, compared);
  const placed = (id: string) => !periodOf(metrics[id]).startsWith('t:');
  const quarterOrHalf = (m: Metric) => m.period_type === 'quarter' || m.period_type === 'half_year' || (m.period_type === undefined && ['quarter', 'half_year'].includes(periodKind(m) ?? ''));
  const undated = compared.filter((id) => metrics[id].period_end === undefined && quarterOrHalf(metrics[id]) && !placed(id));
  if (undated.length === 0) return [];
  // The dated figures by unit and each name of their measure, looked up by the undated figures' names.
  const byName = new Map<string, string[]>();
  for (const id of compared) {
    if (!placed(id)) continue;
    for (const name of namesOf(metrics[id])) {
      const key = `${metrics[id].unit}|${name}`;
      byName.set(key, [...(byName.get(key) ?? []), id]);
    }
  }
  const order = new Map(compared.map((id, i) => [id, i]));
  return undated.flatMap((id): UndatedFigure[] => {
    const m = metrics[id];
    const found = new Set(namesOf(m).flatMap((name) => byName.get(`${m.unit}|${name}`) ?? []));
    const others = [...found].filter((o) => sameMeasure(m, metrics[o]) && sameKind(m, metrics[o]));
    return others.length === 0 ? [] : [{ id, others: others.sort((a, b) => order.get(a)! - order.get(b)!) }];
  });
}

/**
 * Two figures as written alike, whatever scale each is in: the same amount (sameAmount: exactly, digit for digit), unit
 * and qualifier, and the same equivalent (or none); or, without a value, the same text and unit. Nothing a reader
 * could tell apart: no disagreement between them to explain.
 */
export function sameFigure(a: Metric, b: Metric): boolean {
  return sameValue(a, b) && sameEquivalent(a, b);
}

/**
 * Whether a declaration of data_notes.contradictions (its metrics, resolved: series values as id@period_end) explains
 * the disagreement of figures `a` and `b`: it names both, or names a figure one of them is, as written, for the same
 * period (sameValue, the same period_end or words): the 10-Q's segment total of $1,193 million beside the 10-Q's revenue
 * of $1,193 million that the declaration sets against the press release's $1,195 million. Its note explains that figure
 * wherever the canvas repeats it; reported, the briefing would call the difference it explains unexplained.
 */
export function declaredTogether(metrics: Record<string, Metric>, declarations: ReadonlyArray<readonly string[]>): (a: string, b: string) => boolean {
  const ids = Object.keys(metrics);
  const samePeriod = (x: Metric, y: Metric) => (x.period_end !== undefined || y.period_end !== undefined ? x.period_end === y.period_end : x.period === y.period);
  const sets = declarations.map((declared) => {
    const named = declared.filter((id) => metrics[id] !== undefined);
    return new Set([...named, ...ids.filter((x) => named.some((id) => id !== x && samePeriod(metrics[x]!, metrics[id]!) && sameValue(metrics[x]!, metrics[id]!)))]);
  });
  return (a, b) => sets.some((d) => d.has(a) && d.has(b));
}

/** The same value (in units) or text, unit and qualifier; the scale it is written in and its precision aside. Its equivalent aside too. */
export function sameValue(a: Metric, b: Metric): boolean {
  if (a.value === undefined || b.value === undefined) return a.value === b.value && a.text === b.text && a.unit === b.unit;
  return a.unit === b.unit && (a.qualifier ?? '') === (b.qualifier ?? '') && sameAmount({ value: a.value, scale: a.scale }, { value: b.value, scale: b.scale });
}

/** The same equivalent in another currency: none in both, or the same amount (its scale and precision aside), currency and qualifier. */
export function sameEquivalent(a: Metric, b: Metric): boolean {
  const [x, y] = [a.equivalent, b.equivalent];
  if (x === undefined || y === undefined) return x === y;
  return x.unit === y.unit && (x.qualifier ?? '') === (y.qualifier ?? '') && sameAmount(x, y);
}

/**
 * Groups of metric ids (in `ids` order) that disagree: the figures linked by conflictPairs, but pairs `declared` (a
 * declared contradiction explains them). A declaration of two of three figures leaves the third's disagreement alone:
 * not the declared two again, listed beside their declaration as if the canvas did not explain them.
 */
export function detectConflicts(metrics: Record<string, Metric>, ids: string[], declared: (a: string, b: string) => boolean = () => false): string[][] {
  const pairs = conflictPairs(metrics, ids).filter(([a, b]) => !declared(a, b));
  const group = new Map<string, Set<string>>();
  for (const [a, b] of pairs) {
    const merged = new Set([...(group.get(a) ?? [a]), ...(group.get(b) ?? [b])]);
    for (const id of merged) group.set(id, merged);
  }
  const seen = new Set<Set<string>>();
  const groups: string[][] = [];
  for (const id of ids) {
    const g = group.get(id);
    if (g === undefined || seen.has(g)) continue;
    seen.add(g);
    groups.push(ids.filter((x) => g.has(x)));
  }
  return groups;
}

/**
 * How a figure's period is compared: its end date (period_end; the end another figure of the measure
 * gives for the same words; read from the words; for a fiscal year's quarter, half or year, the end the canvas's own
 * figures give its fiscal calendar: fiscalPeriodEnd; or a calendar quarter in another language's words: "3. Quartal
 * 2025"), else its words, a fiscal year in one spelling.
 */
function periodReader(metrics: Record<string, Metric>, ids: string[]): (m: Metric) => string {
  // One reader for a set of metrics and the figures compared: impliedYearOnYear asks for one for every typed change
  // checked, and each reads every figure's period words again.
  let byIds = readers.get(metrics);
  if (byIds === undefined) readers.set(metrics, (byIds = new Map()));
  const key = ids.join('\n');
  let reader = byIds.get(key);
  if (reader === undefined) byIds.set(key, (reader = newPeriodReader(metrics, ids)));
  return reader;
}
const readers = new WeakMap<Record<string, Metric>, Map<string, (m: Metric) => string>>();

function newPeriodReader(metrics: Record<string, Metric>, ids: string[]): (m: Metric) => string {
  // A period written the same way by two figures of one measure is one period, even if only one gives its end.
  const ends = new Map<string, string>();
  // The day a measure's figure for each calendar quarter ends (a 52/53-week year's 27 September is the calendar's Q3).
  const quarterDays = new Map<string, string>();
  for (const id of ids) {
    const m = metrics[id];
    if (m.period_end === undefined) continue;
    for (const name of namesOf(m)) {
      ends.set(`${name}|${periodText(m.period)}`, m.period_end);
      const key = `${name}|${calendarQuarterEnd(m.period_end)}`;
      if (!quarterDays.has(key)) quarterDays.set(key, m.period_end);
    }
  }
  // How the canvas's fiscal quarters fall in the calendar, as all its figures show it (as period-mismatch reads them).
  const fiscal = (m: Metric) => {
    // (A calendar is learnt from two dated fiscal quarters at least: none from one figure, as changeIsYearOnYear reads it.)
    const shift = ids.length < 2 ? undefined : shiftOf(metrics);
    const end = shift === undefined ? undefined : fiscalPeriodEnd(m.period, shift);
    return end === undefined ? undefined : namesOf(m).map((name) => quarterDays.get(`${name}|${end}`)).find((e) => e !== undefined) ?? end;
  };
  // A calendar quarter in the words of any language namedPeriods reads ("3. Quartal 2025", "T3 2025"), as periodEndIn reads "Q3 2025".
  const calendar = (m: Metric) => {
    const end = calendarQuarterIn(m.period);
    return end === undefined ? undefined : namesOf(m).map((name) => quarterDays.get(`${name}|${end}`)).find((e) => e !== undefined) ?? end;
  };
  // Read once a figure: the checks ask for each figure's period once per figure it is compared with.
  const read = new Map<Metric, string>();
  return (m) => {
    let period = read.get(m);
    if (period === undefined) {
      period = m.period_end ?? namesOf(m).map((name) => ends.get(`${name}|${periodText(m.period)}`)).find((e) => e !== undefined) ?? periodEndIn(m.period) ?? fiscal(m) ?? calendar(m) ?? `t:${periodText(m.period)}`;
      read.set(m, period);
    }
    return period;
  };
}

/**
 * The one period period words name in any language namedPeriods reads (its key: "q:2025-09-30", "fq2-fy2026"), or ''
 * for none or more than one: remembered by the words (the same few period words are read for every stated change
 * compared), the most recent 4,096.
 */
const soleKeys = new RecentMap<string, string>(4096);
function soleKeyIn(words: string): string {
  let only = soleKeys.get(words);
  if (only === undefined) {
    const keys = new Set(namedPeriods(words).map((p) => p.key));
    soleKeys.set(words, (only = keys.size === 1 ? [...keys][0]! : ''));
  }
  return only;
}

/** The end of the one calendar quarter period words name in any language namedPeriods reads, or undefined. */
function calendarQuarterIn(words: string): string | undefined {
  const only = soleKeyIn(words);
  return only.startsWith('q:') ? only.slice(2) : undefined;
}

/**
 * The canvas's fiscal calendar (text-periods.ts fiscalQuarterShift over all its figures), read once per set of metrics
 * and only when a figure needs it: periodReader is made for every stated change compared (changeIsYearOnYear), and
 * reading the calendar reads every figure's period words.
 */
const shifts = new WeakMap<Record<string, Metric>, { shift: number | undefined }>();
function shiftOf(metrics: Record<string, Metric>): number | undefined {
  let known = shifts.get(metrics);
  if (known === undefined) shifts.set(metrics, (known = { shift: fiscalQuarterShift(Object.values(metrics)) }));
  return known.shift;
}

/**
 * The last day of the calendar quarter a fiscal year's quarter, half or year ends with ("Q2 FY26", "H1 FY26", "FY26", as
 * text-periods.ts namedPeriods reads them: fq2-fy2026, fh1-fy2026, fy2026), by the canvas's fiscal calendar (`shift`:
 * text-periods.ts fiscalQuarterShift, the months between a fiscal quarter's number and the month it ends in). Undefined
 * for words naming none of them, or more than one period.
 */
export function fiscalPeriodEnd(words: string, shift: number): string | undefined {
  const part = /^(?:f([qh])([1-4])-)?fy(\d{4})$/.exec(soleKeyIn(words));
  if (part === null) return undefined;
  const quarters = part[1] === undefined ? 4 : Number(part[2]) * (part[1] === 'q' ? 1 : 2);
  const months = Number(part[3]) * 12 + quarters * 3 + shift - 1; // the month it ends in, counted from January of year 0
  const [year, month] = [Math.floor(months / 12), (months % 12) + 1];
  return lastDayOf(year, month);
}

/**
 * The year a fiscal year written as the two calendar years it spans ends ("2025" to "26", "2025" to "2026": 2026), as
 * "FY26" names it; undefined for years not in a row ("2021" to "26" names no one year).
 */
export function spanEndYear(first: string, second: string): number | undefined {
  const start = Number(first.length === 2 ? `20${first}` : first);
  return (start + 1) % 100 === Number(second.slice(-2)) ? start + 1 : undefined;
}

/** Period words as two authors might both write them: FY2025, FY 2025, FY25, fiscal (year) 2025 and full year 2025 are one. */
export function periodText(text: string): string {
  const year = (y: string) => (y.length === 2 ? `20${y}` : y);
  return written(text)
    // A fiscal year written as the two calendar years it spans, "FY2025-26", "FY 2025/26", "fiscal 2025–2026": the year it ends, as "FY26" is.
    .replace(/\b(?:fy|fiscal(?: year)?|financial year)\s*[-']?\s*(\d{4}|\d{2})\s*[-–/]\s*(\d{4}|\d{2})\b/g, (span, a: string, b: string) => {
      const end = spanEndYear(a, b);
      return end === undefined ? span : `fy${end}`;
    })
    .replace(/\b(?:fy|fiscal(?: year)?|financial year|full[- ]year|12m)\s*[-']?\s*(\d{4}|\d{2})\b(?![-–/]\d)/g, (_, y: string) => `fy${year(y)}`)
    .replace(/\b(\d{4})\s+(?:fiscal|financial|full)[- ]year\b/g, (_, y: string) => `fy${y}`)
    .replace(/\b(?:hy?([12])|([12])h|(first|second) half(?: of)?)\s*'?(\d{4}|\d{2})\b/g, (_, a?: string, b?: string, c?: string, y?: string) => `h${a ?? b ?? (c === 'first' ? '1' : '2')}-${year(y!)}`)
    .replace(/\b(?:9m|nine months|first nine months(?: of)?|jan[a-z]*\.?\s*(?:[-–]|to)\s*sep[a-z]*\.?)\s*'?(\d{4}|\d{2})\b/g, (_, y: string) => `9m-${year(y)}`);
}

/** The kind of period a figure covers, coarsely: its period_type, else what its words say; undefined when neither says. */
export function periodKind(m: Pick<Metric, 'period' | 'period_type'>): string | undefined {
  switch (m.period_type) {
    case undefined: break;
    case 'fiscal_year': case 'calendar_year': return 'year';
    default: return m.period_type;
  }
  const t = written(m.period);
  if (/\b(ttm|ltm|trailing|twelve months|12 months)\b/.test(t)) return 'ttm';
  // A CJK year word ("2026年3月期", "2025年度", "2026财年") also heads a quarter or half written in ASCII ("2026年3月期 2Q",
  // "2025财年Q1", "2025年度 1H"): the year only where the words name no shorter period.
  const cjk = cjkPeriodKind(t);
  if (cjk !== undefined && cjk !== 'year') return cjk;
  // January-September 2025: from the year's start, nine months; Jul-Sep 2025: a quarter (below).
  const span = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*(?:[-–]|to|through|until)\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/.exec(t);
  const months = span ? MONTHS.indexOf(span[2]) - MONTHS.indexOf(span[1]) + 1 : 0;
  if (/\b(9m|9m\d{2}|nine months|9 months|ytd|year[- ]to[- ]date)\b/.test(t) || (span && span[1] === 'jan' && months > 3 && months < 12)) return 'ytd';
  if (span && months === 3) return 'quarter';
  if (span && months === 6) return 'half_year';
  if (/\b(h[12]|[12]h(\d{2})?|half[- ]year|first half|second half|six months|6 months|6m|interim)\b/.test(t)) return 'half_year';
  if (/\bq[1-4]\b|\b[1-4]q|\bquarter\b|\bthree months\b|\b3 months\b|\b(jan|apr|jul|oct)[a-z]*\.?\s*[-–]\s*(mar|jun|sep|dec)\b/.test(t)) return 'quarter';
  if (/\bfy|\bfiscal\b|\bfinancial year\b|\bfull[- ]year\b|\bannual\b|\byear ended\b|\b12m\b/.test(t)) return 'year';
  // "September 2025": a month; not "30 September 2025" or "September 30, 2025" (a day).
  const M = MONTH_NAME;
  const monthYear = new RegExp(`\\b${M}\\s+\\d{4}\\b`).test(t);
  const withDay = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${M}|\\b${M}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`).test(t);
  if (monthYear && !withDay && !span) return 'month';
  return cjk;
}

/**
 * The kind of period Japanese, Chinese or Korean words name: 累計 or 前三季度 (from the year's start), 上期 or 上半年 (a
 * half), a span of months ("4～9月": six, a half; "7～9月": a quarter; "1～9月": from the year's start), 第2四半期, 第三季度
 * or 2분기 (a quarter), 2025年度, 通期 or 财年 (a year). Undefined for words of none of them.
 */
function cjkPeriodKind(words: string): string | undefined {
  const t = words.normalize('NFKC');
  // The quarters so far, as Japanese results count them ("第2四半期累計", "2Q累計"): to the 2nd quarter is a half, to the 4th the year.
  const upTo = /(?:第([1-4])四半期|([1-4])Q)\s*(?:連結)?(?:累計|\(累計\))/i.exec(t)?.slice(1).find((d) => d !== undefined);
  if (upTo !== undefined) return ['quarter', 'half_year', 'ytd', 'year'][Number(upTo) - 1];
  if (/累計|累计|累積|前三季度|年初至今|누적/.test(t)) return 'ytd';
  // 半期 and 半年度 (an interim: "2025年度 半期", "2025年半年度"), not the 半期 of 四半期 (a quarter).
  if (/上期|下期|上半期|下半期|中間期|上半年|下半年|(?<!四)半期|半年度|상반기|하반기|반기/.test(t)) return 'half_year';
  const span = /(\d{1,2})\s*[月월]?\s*[~〜\-–—至]\s*(\d{1,2})\s*[月월]/.exec(t);
  if (span) {
    const [from, to] = [Number(span[1]), Number(span[2])];
    const months = ((to - from + 12) % 12) + 1;
    if (months === 3) return 'quarter';
    if (months === 6) return 'half_year';
    if (months === 12) return 'year';
    if (months === 9 || (from === 1 && months > 3)) return 'ytd';
  }
  if (/四半期|季度|第[1-4一二三四]季|분기/.test(t)) return 'quarter';
  if (/年度|通期|月期|财年|財年|全年|연간|회계연도/.test(t)) return 'year';
  return undefined;
}

/** Two figures of one period kind: both known and equal, or either unknown (then the end date decides alone). */
function sameKind(a: Metric, b: Metric): boolean {
  const [ka, kb] = [periodKind(a), periodKind(b)];
  return ka === undefined || kb === undefined || ka === kb;
}

/** The names a figure's measure goes by: its concept, and its label as a reader would compare it. */
function namesOf(m: Metric): string[] {
  const label = `l:${labelKey(m.label)}`;
  return m.concept === undefined ? [label] : [`c:${m.concept}`, label];
}

/**
 * The figures of one unit and period, grouped by measure: two are one measure when they share a
 * concept, or when at most one of them has a concept and their labels agree (two different concepts
 * say they measure different things, whatever the labels).
 */
function measures(ids: string[], metrics: Record<string, Metric>): string[][] {
  const parent = ids.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  // sameMeasure for every pair, in linear time: figures of one concept are one measure; figures of one label are, where
  // one of them has no concept (it is one measure with each, and so joins them all), else not by their label.
  const join = (group: number[]) => group.slice(1).forEach((i) => { parent[root(i)] = root(group[0]!); });
  const byConcept = new Map<string, number[]>();
  const byLabel = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const group = map.get(key);
    if (group) group.push(i);
    else map.set(key, [i]);
  };
  ids.forEach((id, i) => {
    const m = metrics[id];
    if (m.concept !== undefined) add(byConcept, m.concept, i);
    add(byLabel, labelKey(m.label), i);
  });
  for (const group of byConcept.values()) join(group);
  for (const group of byLabel.values()) if (group.some((i) => metrics[ids[i]].concept === undefined)) join(group);
  const groups = new Map<number, string[]>();
  ids.forEach((id, i) => {
    const group = groups.get(root(i));
    if (group) group.push(id);
    else groups.set(root(i), [id]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

/** A stated change that the figures it relates contradict: the metric, the year-earlier figure, and the change they give. */
export interface ChangeMismatch {
  id: string;
  earlier: string;
  /** The change stated: `change.percent`, or `change.points` (percentage points, of a percentage). */
  kind: 'percent' | 'points';
  /** The change the two figures allow, in percent or points, as an interval (rounding and qualifiers allowed for). */
  computed: [number, number];
  /** The change from the two figures as written, in percent or points (inside `computed`). */
  written: number;
  /**
   * Between two figures below zero, the change stated with the other sign fits: it is the change in the size of a loss
   * ("+41.1%" for one widened from −744 to −1,050), where the change of the figure itself, a fall, is −41.1%.
   */
  sizeOfNegative?: true;
}

/**
 * Stated year-over-year changes (change.percent, or change.points of a percentage; basis YoY or unstated, or naming
 * the period a year earlier) that disagree, beyond rounding, with the figure of the same measure a year earlier when
 * the canvas has one: its period ending 365 ± 7 days before (period_end, or read from the words), or the fiscal year
 * before; the same unit and kind of period. A percent change is of the figure itself, from a year-earlier figure above
 * zero, or from one below zero to one still below (a loss that widened from −744 to −1,050 fell 41.1%); from zero, or
 * from below zero to above it, there is none to compare.
 */
export function changeMismatches(metrics: Record<string, Metric>, ids: string[], pairs = yearEarlierFigures(metrics, ids)): ChangeMismatch[] {
  const found: ChangeMismatch[] = [];
  for (const { id, earlier } of pairs) {
    const m = metrics[id];
    const [lo, hi] = range(m);
    const [plo, phi] = range(metrics[earlier]);
    if (![lo, hi, plo, phi].every(Number.isFinite)) continue; // an open bound: nothing to compare
    const [now, then] = [inUnits({ value: m.value!, scale: m.scale }), inUnits({ value: metrics[earlier].value!, scale: metrics[earlier].scale })];
    const stated: Array<[ChangeMismatch['kind'], number, (n: number, b: number) => number]> = [];
    if (m.change!.percent !== undefined && (plo > 0 || (phi < 0 && hi < 0))) stated.push(['percent', m.change!.percent, (n, b) => ((n - b) / Math.abs(b)) * 100]);
    if (m.change!.points !== undefined && m.unit === 'percent') stated.push(['points', m.change!.points, (n, b) => n - b]);
    for (const [kind, change, of] of stated) {
      // The change is monotonic in each figure: its extremes are at the corners of the two intervals.
      const corners = [of(lo, plo), of(lo, phi), of(hi, plo), of(hi, phi)];
      const computed: [number, number] = [Math.min(...corners), Math.max(...corners)];
      const half = 0.5 * 10 ** -decimalsOf(change);
      const fits = (c: number) => c + half >= computed[0] && c - half <= computed[1];
      if (fits(change)) continue;
      found.push({ id, earlier, kind, computed, written: of(now, then), ...(kind === 'percent' && phi < 0 && fits(-change) ? { sizeOfNegative: true as const } : {}) });
    }
  }
  return found;
}

/**
 * Each figure stating a year-on-year change in percent or points (`change.percent`, `change.points`), with the same measure's figure a year
 * earlier where the canvas has it: the figure the change can be checked against. A forecast's change is checked too,
 * against the actual a year before it ("FY2025 forecast: ¥12.3 trillion, +2.1%" against FY2024's actual); a target's is
 * not (it may state growth over the plan's years), and neither is a year earlier.
 */
export function yearEarlierFigures(metrics: Record<string, Metric>, ids: string[]): Array<{ id: string; earlier: string }> {
  const pairs: Array<{ id: string; earlier: string }> = [];
  const withValue = ids.filter((id) => metrics[id].value !== undefined && metrics[id].period_type !== 'target');
  const compared = withValue.filter((id) => metrics[id].period_type !== 'forecast');
  const periodOf = periodReader(metrics, withValue);
  for (const id of withValue) {
    const m = metrics[id];
    if ((m.change?.percent === undefined && m.change?.points === undefined) || !yearOnYear(m.change?.basis, m, periodOf(m))) continue;
    // A forecast is of the kind of period its words name (FY2025 forecast: a year).
    const kindOf = m.period_type === 'forecast' ? { ...m, period_type: undefined } : m;
    const earlier = compared.find((other) => {
      const o = metrics[other];
      return other !== id && yearBefore(periodOf(o), periodOf(m)) && o.unit === m.unit && sameMeasure(m, o) && sameKind(kindOf, o);
    });
    if (earlier !== undefined) pairs.push({ id, earlier });
  }
  return pairs;
}

/**
 * The year-on-year change in percent that a figure stating none (no `change`: an amount or count, not a percentage, whose
 * change may be meant in points) has with each figure of the same measure a year earlier, as yearEarlierFigures pairs
 * them: an interval, the rounding and qualifiers of both allowed for (as change-mismatch allows them), and the change of
 * the figures as written. A typed change is then wrong only if it fits none of them (an original and a restated
 * year-earlier figure both count). Only from a year-earlier figure above zero; none for a forecast or target.
 */
export function impliedYearOnYear(metrics: Record<string, Metric>, ids: string[], id: string): Array<{ earlier: string; computed: [number, number]; written: number }> {
  const m = metrics[id];
  if (m === undefined || m.change !== undefined || m.value === undefined || m.unit === 'percent' || m.period_type === 'target' || m.period_type === 'forecast' || m.qualifier !== undefined) return [];
  const compared = ids.filter((other) => metrics[other].value !== undefined && metrics[other].period_type !== 'target' && metrics[other].period_type !== 'forecast');
  const periodOf = periodReader(metrics, compared);
  const [lo, hi] = range(m);
  return compared.flatMap((earlier) => {
    const o = metrics[earlier];
    if (earlier === id || o.qualifier !== undefined || !yearBefore(periodOf(o), periodOf(m)) || o.unit !== m.unit || !sameMeasure(m, o) || !sameKind(m, o)) return [];
    const [plo, phi] = range(o);
    if (![lo, hi, plo, phi].every(Number.isFinite) || plo <= 0) return [];
    const of = (n: number, b: number) => ((n - b) / b) * 100;
    const corners = [of(lo, plo), of(lo, phi), of(hi, plo), of(hi, phi)];
    return [{ earlier, computed: [Math.min(...corners), Math.max(...corners)] as [number, number], written: of(inUnits({ value: m.value!, scale: m.scale }), inUnits({ value: o.value!, scale: o.scale })) }];
  });
}

/** Whether `earlier` (a period as periodReader gives it) is the period a year before `later`. */
function yearBefore(earlier: string, later: string): boolean {
  const DAY = 86_400_000;
  // Dates only: Date.parse would read period words too ("t:2024" as 1 January).
  const date = (p: string) => (/^\d{4}-\d{2}-\d{2}$/.test(p) ? Date.parse(p) : NaN);
  const [e, l] = [date(earlier), date(later)];
  if (Number.isFinite(e) && Number.isFinite(l)) return (l - e) / DAY >= 358 && (l - e) / DAY <= 372;
  const [fe, fl] = [/\bfy(\d{4})\b/.exec(earlier), /\bfy(\d{4})\b/.exec(later)];
  return fe !== null && fl !== null && Number(fl[1]) - Number(fe[1]) === 1 && earlier.replace(fe[0], '') === later.replace(fl[0], '');
}

/**
 * YoY in its usual spellings, as a change's basis: "YoY", "y/y", "year-on-year", "vs. prior year", "vs. a year ago"; and as
 * German, French, Spanish, Japanese, Chinese and Korean canvases write it: "ggü. Vorjahr", "ggü. Vj.", "gegenüber dem
 * Vorjahresquartal", "vs. Vorjahr", "en glissement annuel", "sur un an", "interanual", "a/a", 前年同期比, 同比, 전년 동기 대비.
 * A basis not read as YoY leaves the change unchecked (change-mismatch), so a localised "YoY" must be read as one.
 */
export const YOY_BASIS = new RegExp(String.raw`^\s*(?:yoy|y\/y|y-o-y|year[- ]on[- ]year|year[- ]over[- ]year|on the (?:prior|previous) year|vs\.? (?:the )?(?:prior|previous|last)[- ]year(?: period| quarter)?|vs\.? (?:the )?same (?:period|quarter) (?:of |a |last )?(?:the )?(?:previous |prior |last )?year|vs\.? a year (?:earlier|ago)` +
  String.raw`|(?:ggü\.?|gg\.|gegenüber|vs\.?|versus|zum|im)\s*(?:dem\s+|den\s+)?(?:vorjahr(?:es(?:quartal|zeitraum|halbjahr|monat|wert))?|vj\.?|vjq\.?)|vorjahr(?:esvergleich)?|im vorjahresvergleich` +
  String.raw`|(?:en )?glissement annuel|sur (?:un|1) an|(?:vs\.?|par rapport à) (?:l['’]année|l['’]exercice) (?:précédente?|dernière?)|interanual|a\/a|vs\.? (?:el )?año anterior` +
  // Italian and Dutch: "su base annua", "anno su anno", "rispetto all'anno precedente", "j-o-j", "jaar-op-jaar", "t.o.v. vorig jaar".
  // The same period a year before too, as they write it most: "rispetto allo stesso periodo dell'anno precedente", "t.o.v.
  // dezelfde periode vorig jaar", "hetzelfde kwartaal van vorig jaar".
  String.raw`|su base annua|anno su anno|(?:vs\.?|rispetto (?:all['’]|allo |al )) ?(?:stess[oa] (?:periodo|trimestre|semestre) (?:dell['’] ?|del ))?(?:anno|esercizio) (?:precedente|scorso)|j\/j|j-o-j|jaar[- ]op[- ]jaar|(?:vs\.?|t\.o\.v\.?|ten opzichte van) (?:(?:dezelfde periode|hetzelfde kwartaal|hetzelfde halfjaar) (?:van )?)?(?:vorig|het vorige?) jaar` +
  String.raw`|前年同期比|前年比|前年同期|同比|전년\s?동기\s?대비|전년\s?대비)\s*$`, 'i');

/** Whether a figure's stated change compares with a year earlier (yearOnYear), read from the figure alone. */
export function changeIsYearOnYear(m: Metric): boolean {
  return yearOnYear(m.change?.basis, m, periodReader({ m }, ['m'])(m));
}

/** The end of the period a change's basis names, a quarter as French, Spanish, Italian and Dutch write it too ("rispetto al T3 2024", "t.o.v. K3 2024": Q3 2024). */
function basisPeriodEnd(basis: string): string | undefined {
  return periodEndIn(basis.replace(/(?<![\p{L}\p{N}])[TK]([1-4])[ \t-]?(\d{4})(?![\p{L}\p{N}])/gu, 'Q$1 $2'));
}

/** QoQ in its usual spellings, as a change's basis. */
const QOQ_BASIS = /^\s*(?:qoq|q\/q|q-o-q|quarter[- ]on[- ]quarter|quarter[- ]over[- ]quarter|sequential(?:ly)?|vs\.? (?:the )?(?:prior|previous|last) quarter)\s*$/i;

/**
 * What a figure's stated change compares with, as one chart of changes may hold only one of: "YoY" (changeIsYearOnYear),
 * "QoQ" (spelt so, or naming the quarter before: "vs. Q2 2025" of Q3 2025's, "vs. Q1 2025" of Q2 2025's), or else the
 * basis as written, case and spacing aside.
 */
export function changeBasisKey(m: Metric): string {
  if (changeIsYearOnYear(m)) return 'YoY';
  const basis = m.change!.basis!;
  if (QOQ_BASIS.test(basis)) return 'QoQ';
  const named = basisPeriodEnd(basis);
  const days = named === undefined || m.period_end === undefined ? NaN : (Date.parse(m.period_end) - Date.parse(named)) / 86_400_000;
  if (days >= 84 && days <= 98) return 'QoQ';
  return basis.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A change's basis that compares with a year earlier: unstated, YoY in any usual spelling, or naming the period a year before. */
function yearOnYear(basis: string | undefined, m: Metric, period: string): boolean {
  if (basis === undefined || YOY_BASIS.test(basis)) return true;
  const named = basisPeriodEnd(basis);
  if (named !== undefined) return yearBefore(named, period);
  // "vs. FY2024", "vs. 2024": the year before the figure's own (its fiscal year, or the year its period ends).
  const own = /\bfy(\d{4})\b/.exec(periodText(m.period))?.[1] ?? m.period_end?.slice(0, 4);
  const fy = /\bfy(\d{4})\b/.exec(periodText(basis))?.[1];
  const bare = /^\s*(?:vs\.?|versus|compared (?:with|to)|on)\s+(\d{4})\s*$/i.exec(basis)?.[1];
  const year = fy ?? bare;
  return own !== undefined && year !== undefined && Number(own) - Number(year) === 1;
}

/** One measure: a shared concept, or (at most one side with a concept) the same label. */
export function sameMeasure(a: Metric, b: Metric): boolean {
  return a.concept !== undefined && b.concept !== undefined ? a.concept === b.concept : labelKey(a.label) === labelKey(b.label);
}

/** labelKey's answers, by label: a pure function of its text, asked for each figure compared. */
const labelKeys = new Map<string, string>();

/** A label as two authors might both write it: case and spacing aside, and a currency by its code ("Revenue (RMB)" is "Revenue (CNY)"). */
export function labelKey(label: string): string {
  let key = labelKeys.get(label);
  if (key === undefined) {
    if (labelKeys.size >= 50_000) labelKeys.clear();
    labelKeys.set(label, (key = labelKeyOf(label)));
  }
  return key;
}

function labelKeyOf(label: string): string {
  // A currency (and scale) in brackets at the end says the unit, which is compared on its own: "Operating revenue (NOK)", "Revenue (€m)".
  const bare = written(label).replace(/\s*\(\s*([^()]{1,12})\s*\)$/, (all, inner: string) => {
    const unitWords = inner.replace(/\s*(m|mn|bn|million|billion|thousand|'000)$/i, '').trim();
    return currencyCodeFor(unitWords) !== undefined || isCurrency(unitWords.toUpperCase()) ? '' : all;
  });
  return bare.replace(/(?:us\$|hk\$|[\p{L}$€£¥]+)/gu, (word) => {
    const code = currencyCodeFor(word) ?? (isCurrency(word.toUpperCase()) ? word.toUpperCase() : undefined);
    return code === undefined ? word : code.toLowerCase();
  });
}

/** A percentage written as a fraction: its value, and the same measure's other figures it is a hundredth of. */
export interface FractionPercent {
  id: string;
  /** The measure's other percentages, all 1% or more in size, that a hundred times the value lies among. */
  others: string[];
}

/**
 * Percentages below 1% in size (0.116) whose measure's other figures (a series' other values, a shared concept, or
 * the same label where there is none) are all 1% or more and of its sign, and a hundred times which lies among them:
 * 11.6% written as a share of one, which the briefing would print as 0.116%. Changes and growth rates are left out.
 */
export function fractionPercents(metrics: Record<string, Metric>, ids: string[]): FractionPercent[] {
  // A change or a rate of growth crosses zero and may be small in any period: not compared.
  const percents = ids.filter((id) => metrics[id].unit === 'percent' && metrics[id].value !== undefined && !CHANGING.test(metrics[id].label));
  // One measure: a shared concept, or (for figures without one) the same label; two concepts are two measures.
  const measure = (m: Metric) => (m.concept === undefined ? `l:${labelKey(m.label)}` : `c:${m.concept}`);
  // Each measure once: its figures, how many are below 1% in size, and the range and signs of the others (linear).
  const groups = new Map<string, { ids: string[]; below: number; lo: number; hi: number; signs: Set<number> }>();
  for (const id of percents) {
    const key = measure(metrics[id]);
    const g = groups.get(key) ?? { ids: [], below: 0, lo: Infinity, hi: 0, signs: new Set<number>() };
    const v = metrics[id].value!;
    g.ids.push(id);
    if (Math.abs(v) < 1) g.below++;
    else [g.lo, g.hi] = [Math.min(g.lo, Math.abs(v)), Math.max(g.hi, Math.abs(v))];
    g.signs.add(Math.sign(v));
    groups.set(key, g);
  }
  const found: FractionPercent[] = [];
  for (const id of percents) {
    const v = metrics[id].value!;
    const g = groups.get(measure(metrics[id]))!;
    // It alone below 1%, of the others' sign, and a hundred times it among them (from two thirds of the smallest to half as much again as the largest).
    if (v === 0 || Math.abs(v) >= 1 || g.below !== 1 || g.ids.length < 2 || g.signs.size !== 1) continue;
    // Among the figures beside it in time, where they are dated: a margin of 0.15% that rose to 6.5%, 9.1% and 14.2% is a
    // business turning profitable, not 15% written as a fraction (15% is not beside 6.5%); 0.142% between 14.0% and 14.6% is.
    const [lo, hi] = besideInTime(metrics, id, g.ids) ?? [g.lo, g.hi];
    if (Math.abs(v) * 100 >= (lo * 2) / 3 && Math.abs(v) * 100 <= hi * 1.5) found.push({ id, others: g.ids.filter((o) => o !== id) });
  }
  return found;
}

/**
 * The smallest and largest size of the figures of `ids` just before and after `id` by period_end (one of them at either
 * end); undefined where `id`, or every other, is undated.
 */
function besideInTime(metrics: Record<string, Metric>, id: string, ids: string[]): [number, number] | undefined {
  const end = metrics[id].period_end;
  const dated = ids.filter((o) => o !== id && metrics[o].period_end !== undefined).sort((a, b) => metrics[a].period_end!.localeCompare(metrics[b].period_end!));
  if (end === undefined || dated.length === 0) return undefined;
  const after = dated.findIndex((o) => metrics[o].period_end! > end);
  const beside = after === -1 ? [dated.at(-1)!] : after === 0 ? [dated[0]!] : [dated[after - 1]!, dated[after]!];
  const sizes = beside.map((o) => Math.abs(metrics[o].value!));
  return [Math.min(...sizes), Math.max(...sizes)];
}

/** Labels of changes and rates of growth ("Revenue growth", "YoY change", "Inflation"). */
const CHANGING = /\b(?:growth|grow\w*|change\w*|yoy|qoq|increase\w*|decrease\w*|decline\w*|inflation|return\w*|chg)\b/i;

/** A label or period text as two authors might both write it: case and spacing aside. */
export function written(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Months by the first three letters of their English names, January first. */
export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** A month's name in a regular expression, full or short, with a dot after a short one ("Sept.", "December"); not "Marketing". */
const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?';
// The dates periodEndIn reads, made once: it reads every period a long text names. Groups: day, month, year; month, day, year;
// the first month and the last of a quarter, its year; a month and its year.
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_NAME})\\s+(\\d{4})\\b`);
const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTH_NAME})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`);
const QUARTER_MONTHS = /\b(jan|apr|jul|oct)[a-z]*\.?\s*[-–]\s*(mar|jun|sep|dec)[a-z]*\.?\s+(\d{4})\b/;
const MONTH_YEAR = new RegExp(`\\b(${MONTH_NAME})\\s+(\\d{4})\\b`);

/**
 * The last day a period text names, where it names one without doubt: a date ("as of 31 Dec 2025",
 * "30 September 2025", "December 31st, 2025", "2025-09-30", "31.12.2025", "31/12/2025"), a calendar
 * quarter ("Q3 2025", "3Q25", "Q3'25", "2025 Q3", "third quarter of 2025", "Jul-Sep 2025") or a year's
 * end ("end of 2025", "year-end 2025"). A fiscal year ("FY2025") ends when the company's year ends,
 * which the text does not say: it stays text.
 */
export function periodEndIn(text: string): string | undefined {
  const t = text.toLowerCase().normalize('NFKC');
  // A fiscal year, however written (财年, 年度, "2026年3月期"): where it ends is the company's to say.
  if (/\bfy|fiscal|财年|財年|年度|月期|회계\s?연도|사업\s?연도|년도/.test(t)) return undefined;
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(t);
  if (iso) return iso[0];
  const month = (name: string) => MONTHS.indexOf(name.slice(0, 3)) + 1;
  const dmy = DAY_MONTH_YEAR.exec(t);
  if (dmy) return day(Number(dmy[3]), month(dmy[2]), Number(dmy[1]));
  const mdy = MONTH_DAY_YEAR.exec(t);
  if (mdy) return day(Number(mdy[3]), month(mdy[1]), Number(mdy[2]));
  // 31.12.2025 is day first; 31/12/2025 or 12/31/2025 only where one of the two cannot be a month.
  const numeric = /\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b/.exec(t);
  if (numeric) {
    const [a, b, y] = [Number(numeric[1]), Number(numeric[3]), Number(numeric[4])];
    if (numeric[2] === '.' || a > 12) return day(y, b, a);
    if (b > 12) return day(y, a, b);
  }
  const quarterEnd = (q: number, y: string) => {
    const year = y.length === 2 ? 2000 + Number(y) : Number(y);
    return lastDayOf(year, q * 3);
  };
  // "Q3 2025", "Q3'25", "3Q25"; "Q3 CY2025" (a calendar year, where a company's fiscal years are not).
  const quarter = /\bq([1-4])\s*['’/-]?\s*(?:cy\s*)?(\d{4}|\d{2})\b/.exec(t) ?? /\b([1-4])q\s*['’]?(?:\s*cy\s*)?(\d{4}|\d{2})\b/.exec(t);
  if (quarter) return quarterEnd(Number(quarter[1]), quarter[2]);
  const yearFirst = /\b(\d{4})\s*[-/]?\s*q([1-4])\b/.exec(t);
  if (yearFirst) return quarterEnd(Number(yearFirst[2]), yearFirst[1]);
  const ordinal = /\b(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of)?\s+(\d{4})\b/.exec(t);
  if (ordinal) return quarterEnd((['first', 'second', 'third', 'fourth'].indexOf(ordinal[1]) + 1) || Number(ordinal[1][0]), ordinal[2]);
  const span = QUARTER_MONTHS.exec(t);
  if (span && month(span[2]) - month(span[1]) === 2) return quarterEnd(month(span[2]) / 3, span[3]);
  const named = /\b(march|june|september|december) quarter(?: of)?\s+(\d{4})\b/.exec(t);
  if (named) return quarterEnd(month(named[1]) / 3, named[2]);
  // As Chinese and Japanese write them: a date ("2025年9月30日"), a quarter ("2025年第三季度", "2025年第3季度", "2025年三季度",
  // "2025年Q3"), three months ("2025年7-9月", "2025年7～9月") and a month's end ("2025年9月末"); and as Korean does ("2025년 9월 30일",
  // "2025년 3분기", "2025년 3/4분기", "2025년 7~9월", "2025년 9월 말"; not "2025년 3분기 누적", nine months).
  const cjkDate = CJK_DAY.exec(t);
  if (cjkDate) return day(Number(cjkDate[1]), Number(cjkDate[2]), Number(cjkDate[3]));
  // (A fiscal year's quarter, "2026财年第二季度", was refused above.)
  const cjkQuarter = CHINESE_QUARTER_ONCE.exec(t);
  if (cjkQuarter) return quarterEnd(chineseQuarterNumber(cjkQuarter), cjkQuarter[1]!);
  const koreanQuarter = /(\d{4})\s?년\s?(?:제\s?)?([1-4])\s?(?:\/\s?4\s?)?분기(?!\s?(?:누적|누계))/.exec(t);
  if (koreanQuarter) return quarterEnd(Number(koreanQuarter[2]), koreanQuarter[1]!);
  const cjkSpan = /(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]?\s?[-–~～至]\s?(\d{1,2})\s?[月월]/.exec(t);
  if (cjkSpan && Number(cjkSpan[3]) - Number(cjkSpan[2]) === 2 && Number(cjkSpan[3]) % 3 === 0) return quarterEnd(Number(cjkSpan[3]) / 3, cjkSpan[1]!);
  const cjkMonthEnd = /(\d{4})\s?[年년]\s?(\d{1,2})\s?(?:月末|월\s?말)/.exec(t);
  if (cjkMonthEnd) {
    const [y, mo] = [Number(cjkMonthEnd[1]), Number(cjkMonthEnd[2])];
    return lastDayOf(y, mo);
  }
  const yearEnd = /\b(?:end of|end-|year[- ]end)\s*(\d{4})\b/.exec(t);
  if (yearEnd) return `${yearEnd[1]}-12-31`;
  // A month ("September 2025"): its last day. A span of months (Jan-Sep 2025) ends with its last month.
  const monthYear = MONTH_YEAR.exec(t);
  if (monthYear) {
    const [y, mo] = [Number(monthYear[2]), month(monthYear[1])];
    return lastDayOf(y, mo);
  }
  return undefined;
}

/** A day as Japanese, Chinese and Korean write it: 2025年6月30日, 2025년 6월 30일. Groups: year, month, day. */
export const CJK_DAY = /(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]/;

/** The last day of month `month` of `year`; undefined for a month that is not 1 to 12 ("2025年13月末"). */
function lastDayOf(year: number, month: number): string | undefined {
  return month >= 1 && month <= 12 ? monthEnd(year, month) : undefined;
}

function day(year: number, month: number, date: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, date));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== date) return undefined;
  return d.toISOString().slice(0, 10);
}
/**
 * A quarter as Chinese results write it: its year, 年 (or 财年 or 財年 for a fiscal year's), then "第三季度", "第3季度",
 * "三季度" or "Q3". Groups: the year, the year's word, and the quarter's digit in one of the three others (chineseQuarterNumber).
 */
export const CHINESE_QUARTER = String.raw`(\d{4})\s?(年|财年|財年)\s?(?:第\s?([1-4一二三四])\s?季度?|([1-4一二三四])\s?季度|[Qq]([1-4])(?![\d%]))`;
/** CHINESE_QUARTER made once, for periodEndIn. */
const CHINESE_QUARTER_ONCE = new RegExp(CHINESE_QUARTER);

/** The quarter (1 to 4) a CHINESE_QUARTER match names, in Arabic or Chinese digits. */
export function chineseQuarterNumber(match: ArrayLike<string | undefined>): number {
  const digit = match[3] ?? match[4] ?? match[5] ?? '';
  return '一二三四'.indexOf(digit) + 1 || Number(digit);
}

/** The interval of true values a figure as written allows, in base units. */
export function range(m: Metric): [number, number] {
  const factor = scaleFactor(m.scale);
  const v = m.value! * factor;
  const half = 0.5 * 10 ** -(m.decimals ?? decimalsOf(m.value!)) * factor; // the rounding the written digits allow
  const [lo, hi] = [v - half, v + half];
  // Of a figure below zero, a qualifier speaks of its size: "a loss of nearly €1,050 million" is a little above −1,050,
  // "a loss of over €500 million" below −500. A bound is a threshold, not a rounded figure: "over 5 million" is above
  // 5 million, and 4.8 million is not (the bound itself is allowed: a source says "over 5 million" of 5.0 million).
  const negative = v < 0;
  switch (m.qualifier) {
    case 'approx': case 'about': case 'roughly': return [lo - Math.abs(v) * 0.05, hi + Math.abs(v) * 0.05];
    case 'over': case 'more_than': case 'at_least': return negative ? [-Infinity, v] : [v, Infinity];
    case 'nearly': return negative ? [lo, hi + Math.abs(v) * 0.1] : [lo - Math.abs(v) * 0.1, hi];
    case 'up_to': case 'under': return negative ? [v, Infinity] : [-Infinity, v];
    default: return [lo, hi];
  }
}
