/**
 * Whether a figure's period words and its period_end say the same quarter. "Q3 2024" with period_end 2025-09-30 prints
 * "Q3 2024" beside the Q3 2025 figure (a value copied and its words not updated), and nothing else notices: the
 * figure is placed, charted and compared by its period_end.
 *
 * The words are read as a calendar quarter (text-periods.ts: "Q3 2024", "3Q24", "third quarter of 2024", "quarter ended
 * 30 September 2024") and compared with period_end in whole months. A company may number its quarters by its own
 * fiscal year ("Q2 2025" for July-September 2025, period_end 2025-09-30): its figures are all off by the same months.
 * That shift is the canvas's way of naming quarters, not a mistake: what is reported is a figure off by other months
 * than the series it belongs to (of three values or more whose words are read), or else than most figures of the canvas.
 */
import type { Metric } from '../validate/schema.ts';
import { namedPeriods } from './text-periods.ts';

/** A figure whose period words name another quarter than its period_end, by other months than its kind of figure. */
export interface PeriodEndMismatch {
  id: string;
  /** The last day of the quarter its words name. */
  wordsEnd: string;
  /** How many months the words are off by, as the canvas's or the series' figures usually are (0: they agree). */
  usualMonths: number;
}

/** The last day of the calendar quarter period words name, when they name one and nothing else, and no fiscal year: "Q3 2024" -> 2024-09-30. */
export function quarterEndOfWords(words: string): string | undefined {
  // A fiscal quarter ("fiscal Q1 2026", "Q1 FY2026") is not the calendar's, whatever else its words say.
  if (/\bfy|fiscal|financial year/i.test(words)) return undefined;
  const keys = new Set(namedPeriods(words).map((p) => p.key));
  if (keys.size !== 1) return undefined;
  const [key] = keys;
  return key.startsWith('q:') ? key.slice(2) : undefined;
}

/** Whole months from `to` back to `from` (dates as YYYY-MM-DD): 2024-09-30 to 2025-09-30 is -12; a few days either way is 0. */
function monthsOff(from: string, to: string): number {
  return Math.round((Date.parse(from) - Date.parse(to)) / (30.44 * 86_400_000));
}

/** The most common of `values` (0 among those most common, else the first of them); undefined for none. */
function usual(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  if (most === 0) return undefined;
  return counts.get(0) === most ? 0 : [...counts].find(([, n]) => n === most)![0];
}

/**
 * The figures of `metrics` (series values as id@period_end) whose period words name a calendar quarter that is not their
 * period_end's, by other months than usual: their series' usual shift when it has three figures or more whose words are
 * read, else the canvas's.
 */
export function periodEndMismatches(metrics: Record<string, Pick<Metric, 'period' | 'period_end'>>): PeriodEndMismatch[] {
  const off = new Map<string, { wordsEnd: string; months: number }>();
  for (const [id, m] of Object.entries(metrics)) {
    if (m.period_end === undefined) continue;
    const wordsEnd = quarterEndOfWords(m.period);
    if (wordsEnd !== undefined) off.set(id, { wordsEnd, months: monthsOff(wordsEnd, m.period_end) });
  }
  const canvasUsual = usual([...off.values()].map((o) => o.months)) ?? 0;
  const bySeries = new Map<string, number[]>();
  for (const [id, o] of off) {
    const series = id.split('@')[0];
    if (series !== id) bySeries.set(series, [...(bySeries.get(series) ?? []), o.months]);
  }
  const found: PeriodEndMismatch[] = [];
  for (const [id, o] of off) {
    const series = bySeries.get(id.split('@')[0]);
    const usualMonths = series !== undefined && series.length >= 3 ? usual(series)! : canvasUsual;
    if (o.months !== usualMonths) found.push({ id, wordsEnd: o.wordsEnd, usualMonths });
  }
  return found;
}
