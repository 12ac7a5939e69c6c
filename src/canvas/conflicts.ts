/**
 * Figures that cannot both be true: the same measure, for the same period, with values whose ranges
 * (rounding and qualifiers allowed for) do not meet. Robust to what an author leaves out: a measure is
 * a concept (or a series), or failing that the same label and unit; a period is its end date, taken
 * from period_end or read from the period text where that is unambiguous, or the period text itself;
 * a period_type given on only one side does not tell two figures apart. Different periods are a
 * series, never a conflict. Used by model/ (data notes) and validate/ (findings on the console).
 */
import type { Metric } from '../validate/schema.ts';
import { decimalsOf } from './numbers.ts';

const SCALE = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 } as const;

/** Groups of metric ids (in `ids` order) whose values cannot all be true. */
export function detectConflicts(metrics: Record<string, Metric>, ids: string[]): string[][] {
  const compared = ids.filter((id) => metrics[id].value !== undefined && metrics[id].period_type !== 'forecast' && metrics[id].period_type !== 'target');
  // A period written the same way by two figures of one measure is one period, even if only one gives its end.
  const ends = new Map<string, string>();
  for (const id of compared) {
    const m = metrics[id];
    if (m.period_end !== undefined) for (const name of namesOf(m)) ends.set(`${name}|${written(m.period)}`, m.period_end);
  }
  const periodOf = (m: Metric) =>
    m.period_end ?? namesOf(m).map((name) => ends.get(`${name}|${written(m.period)}`)).find((e) => e !== undefined) ?? periodEndIn(m.period) ?? `t:${written(m.period)}`;
  const buckets = new Map<string, string[]>();
  for (const id of compared) {
    const key = `${metrics[id].unit ?? ''}|${periodOf(metrics[id])}`;
    buckets.set(key, [...(buckets.get(key) ?? []), id]);
  }
  const conflicts: string[][] = [];
  for (const bucket of buckets.values()) {
    for (const group of measures(bucket, metrics)) {
      // A period_type on both sides that differs (a quarter and a year ending on one day) is two measures.
      for (const part of splitByPeriodType(group.map((id) => [id, metrics[id]] as const))) {
        const ranges = part.map((id) => range(metrics[id]));
        if (ranges.some((a, i) => ranges.slice(i + 1).some((b) => a[1] < b[0] || b[1] < a[0]))) conflicts.push(part);
      }
    }
  }
  return conflicts;
}

/** The names a figure's measure goes by: its concept, and its label as a reader would compare it. */
function namesOf(m: Metric): string[] {
  const label = `l:${written(m.label)}`;
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
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      if (sameMeasure(metrics[ids[i]], metrics[ids[j]])) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, string[]>();
  ids.forEach((id, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), id]));
  return [...groups.values()].filter((g) => g.length > 1);
}

/** A stated change that the figures it relates contradict: the metric, the year-earlier figure, and the change they give. */
export interface ChangeMismatch {
  id: string;
  earlier: string;
  /** The change the two figures allow, in percent, as an interval (rounding and qualifiers allowed for). */
  computed: [number, number];
}

/**
 * Stated year-over-year changes (change.percent, basis YoY or unstated) that disagree, beyond rounding,
 * with the figure of the same measure a year earlier (period_end 365 ± 7 days before, same unit and
 * kind of period) when the canvas has one.
 */
export function changeMismatches(metrics: Record<string, Metric>, ids: string[]): ChangeMismatch[] {
  const found: ChangeMismatch[] = [];
  const DAY = 86_400_000;
  const dated = ids.filter((id) => metrics[id].value !== undefined && metrics[id].period_end !== undefined && metrics[id].period_type !== 'forecast' && metrics[id].period_type !== 'target');
  for (const id of dated) {
    const m = metrics[id];
    const percent = m.change?.percent;
    if (percent === undefined || (m.change?.basis !== undefined && !/^\s*(yoy|y\/y|year[- ]on[- ]year|year[- ]over[- ]year)\s*$/i.test(m.change.basis))) continue;
    const end = Date.parse(m.period_end!);
    const earlier = dated.find((other) => {
      const o = metrics[other];
      const gap = (end - Date.parse(o.period_end!)) / DAY;
      return other !== id && gap >= 358 && gap <= 372 && o.unit === m.unit && sameMeasure(m, o) && (m.period_type === undefined || o.period_type === undefined || m.period_type === o.period_type);
    });
    if (earlier === undefined) continue;
    const [lo, hi] = range(m);
    const [plo, phi] = range(metrics[earlier]);
    if (!(plo > 0) || !Number.isFinite(phi) || !Number.isFinite(lo) || !Number.isFinite(hi)) continue; // growth from zero or below, or an open bound: nothing to compare
    const computed: [number, number] = [(lo / phi - 1) * 100, (hi / plo - 1) * 100];
    const half = 0.5 * 10 ** -decimalsOf(percent);
    if (percent + half < computed[0] || percent - half > computed[1]) found.push({ id, earlier, computed });
  }
  return found;
}

/** One measure: a shared concept, or (at most one side with a concept) the same label. */
function sameMeasure(a: Metric, b: Metric): boolean {
  return a.concept !== undefined && b.concept !== undefined ? a.concept === b.concept : written(a.label) === written(b.label);
}

/** A label or period text as two authors might both write it: case and spacing aside. */
function written(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The last day a period text names, where it names one without doubt: a date ("as of 31 Dec 2025",
 * "30 September 2025", "2025-09-30") or a calendar quarter ("Q3 2025", "3Q25"). A fiscal year ("FY2025")
 * ends when the company's year ends, which the text does not say: it stays text.
 */
export function periodEndIn(text: string): string | undefined {
  const t = text.toLowerCase();
  if (/\bfy|fiscal/.test(t)) return undefined;
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(t);
  if (iso) return iso[0];
  const dmy = /\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b/.exec(t);
  if (dmy) return day(Number(dmy[3]), MONTHS.indexOf(dmy[2]) + 1, Number(dmy[1]));
  const mdy = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),\s+(\d{4})\b/.exec(t);
  if (mdy) return day(Number(mdy[3]), MONTHS.indexOf(mdy[1]) + 1, Number(mdy[2]));
  const quarter = /\bq([1-4])\s*(\d{4})\b/.exec(t) ?? /\b([1-4])q\s*(\d{2}(?:\d{2})?)\b/.exec(t);
  if (quarter) {
    const year = quarter[2].length === 2 ? 2000 + Number(quarter[2]) : Number(quarter[2]);
    const month = Number(quarter[1]) * 3;
    return day(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
  }
  return undefined;
}

function day(year: number, month: number, date: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, date));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== date) return undefined;
  return d.toISOString().slice(0, 10);
}

/** The group split where two figures both give a period_type and they differ; a figure without one joins every part. */
function splitByPeriodType(group: ReadonlyArray<readonly [string, Metric]>): string[][] {
  const types = [...new Set(group.map(([, m]) => m.period_type).filter((t) => t !== undefined))];
  if (types.length <= 1) return [group.map(([id]) => id)];
  return types.map((type) => group.filter(([, m]) => m.period_type === undefined || m.period_type === type).map(([id]) => id));
}

/** The interval of true values a figure as written allows, in base units. */
export function range(m: Metric): [number, number] {
  const factor = m.scale ? SCALE[m.scale] : 1;
  const v = m.value! * factor;
  const half = 0.5 * 10 ** -(m.decimals ?? decimalsOf(m.value!)) * factor; // the rounding the written digits allow
  const [lo, hi] = [v - half, v + half];
  switch (m.qualifier) {
    case 'approx': case 'about': case 'roughly': return [lo - Math.abs(v) * 0.05, hi + Math.abs(v) * 0.05];
    case 'over': case 'more_than': case 'at_least': return [lo, Infinity];
    case 'nearly': return [lo - Math.abs(v) * 0.1, hi];
    case 'up_to': case 'under': return [-Infinity, hi];
    default: return [lo, hi];
  }
}
