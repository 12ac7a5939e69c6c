/**
 * Whether a figure's period words and its period_end say the same quarter. "Q3 2024" with period_end 2025-09-30 prints
 * "Q3 2024" beside the Q3 2025 figure (a value copied and its words not updated), and nothing else notices: the
 * figure is placed, charted and compared by its period_end.
 *
 * The words are read as a calendar quarter (text-periods.ts: "Q3 2024", "3Q24", "third quarter of 2024", "quarter ended
 * 30 September 2024") and compared with period_end, allowing 60 days either way: a 52/53-week year ends its quarters
 * on other days (Apple's 27 September), a retailer's 16- and 12-week quarters drift further. A company may also number
 * its quarters by its own fiscal year ("Q2 2025" for July-September 2025): its figures are then off by one, two or
 * three quarters alike, which is taken for the canvas's way of naming quarters (the shift most of a series' values, or
 * else most of the canvas's figures, have). Never a whole year: no fiscal calendar names a quarter by another year's
 * same quarter, and such a shift shared by most figures is last year's words copied, not a convention.
 */
import type { Metric } from '../validate/schema.ts';
import { calendarGlossEnd, fiscalQuarterEnd, fiscalQuarterShift, namedPeriods } from './text-periods.ts';
import { CJK_DAY, periodEndIn, written } from './conflicts.ts';

/** A figure whose period words name another quarter than its period_end, by the calendar and by the canvas's naming. */
export interface PeriodEndMismatch {
  id: string;
  /** The last day of the quarter its words name. */
  wordsEnd: string;
  /** The quarters the canvas's (or the series') words are usually shifted by (0: named by the calendar). */
  usualQuarters: number;
  /** The words name a fiscal year's quarter ("Q2 FY2024"), placed in the calendar as the canvas's other figures place theirs. */
  byFiscalCalendar?: boolean;
}

const DAY = 86_400_000;
/** A quarter, in days, on average. */
const QUARTER_DAYS = 365.25 / 4;
/** How far a figure's period_end may be from the end of the quarter its words name: a 52/53-week or 4-4-5 calendar. */
const SLACK_DAYS = 60;

/** The last day of the calendar quarter period words name, when they name one and nothing else, and no fiscal year: "Q3 2024" -> 2024-09-30. */
export function quarterEndOfWords(words: string): string | undefined {
  // A fiscal quarter ("fiscal Q1 2026", "Q1 FY2026") is not the calendar's, whatever else its words say; unless they say
  // the calendar's too, by its months or its end ("Q2 FY2025 (Jul-Sep 2025)", "Q1 FY26 (quarter ended 30 Sep 2025)").
  if (/\bfy|fiscal|financial year/i.test(words)) return calendarGlossEnd(words);
  const keys = new Set(namedPeriods(words).map((p) => p.key));
  if (keys.size !== 1) return undefined;
  const [key] = keys;
  return key.startsWith('q:') ? key.slice(2) : undefined;
}

/** Days from `to` to `from` (dates as YYYY-MM-DD). */
const daysOff = (from: string, to: string) => (Date.parse(from) - Date.parse(to)) / DAY;

/** Whether words `off` days from the period_end fit a naming shifted by `quarters`: the calendar's (0) always counts. */
const fits = (off: number, quarters: number) => Math.abs(off) <= SLACK_DAYS || Math.abs(off - quarters * QUARTER_DAYS) <= SLACK_DAYS;

/** The shift, in quarters, most of `offs` (days) have, if it is one a fiscal year names quarters by (one to three); else 0. */
function usualShift(offs: number[]): number {
  const counts = new Map<number, number>();
  for (const off of offs) {
    const quarters = Math.round(off / QUARTER_DAYS);
    if (Math.abs(off) > SLACK_DAYS && Math.abs(quarters) <= 3 && fits(off, quarters)) counts.set(quarters, (counts.get(quarters) ?? 0) + 1);
  }
  const named = offs.filter((off) => Math.abs(off) <= SLACK_DAYS).length;
  const [best, most] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return most > named ? best : 0;
}

/** How the canvas names quarters: for each figure whose words name one, how far off its period_end they are (days). */
function offsets(metrics: Record<string, Pick<Metric, 'period' | 'period_end'>>, fiscalShift: number | undefined): Map<string, { wordsEnd: string; off: number; byFiscalCalendar?: boolean }> {
  const off = new Map<string, { wordsEnd: string; off: number; byFiscalCalendar?: boolean }>();
  for (const [id, m] of Object.entries(metrics)) {
    if (m.period_end === undefined) continue;
    const wordsEnd = quarterEndOfWords(m.period);
    if (wordsEnd !== undefined) off.set(id, { wordsEnd, off: daysOff(wordsEnd, m.period_end) });
    // A fiscal quarter alone ("Q2 FY2024"), where the canvas's figures say how its fiscal quarters fall in the calendar:
    // "Q2 FY2024" left on the value ending 30 Sep 2025, which the other figures call Q2 FY2025.
    const fiscalEnd = wordsEnd === undefined && fiscalShift !== undefined ? fiscalQuarterEnd(m.period, fiscalShift) : undefined;
    if (fiscalEnd !== undefined) off.set(id, { wordsEnd: fiscalEnd, off: daysOff(fiscalEnd, m.period_end), byFiscalCalendar: true });
  }
  return off;
}

/** What the period words of a canvas's figures say against their period_end, read once for the checks that ask. */
export interface PeriodWords {
  /** Figures whose words name another quarter than their period_end (periodEndMismatches). */
  mismatched: PeriodEndMismatch[];
  /** Series values whose words repeat an earlier value's (repeatedPeriodWords), those of `mismatched` aside. */
  repeated: Array<{ id: string; first: string }>;
  /** Figures whose words end on a day other than their period_end ("As of 30 June 2025" ending 2025-09-30), those of `mismatched` aside. */
  dated: Array<{ id: string; wordsEnd: string }>;
  /** The shift, in quarters, the canvas's figures usually name their quarters by (0: by the calendar). */
  quarterShift: number;
  /** How the canvas's fiscal quarters ("Q1 FY26") fall in the calendar, where its figures say (text-periods.ts fiscalQuarterShift). */
  fiscalShift: number | undefined;
}

/** The period words of `metrics` (series values as id@period_end), read against their period_end. */
export function readPeriodWords(metrics: Record<string, Pick<Metric, 'period' | 'period_end'>>): PeriodWords {
  const fiscalShift = fiscalQuarterShift(Object.values(metrics));
  const off = offsets(metrics, fiscalShift);
  const quarterShift = usualShift([...off.values()].filter((o) => !o.byFiscalCalendar).map((o) => o.off));
  const mismatched = periodEndMismatches(off, quarterShift);
  const flagged = new Set(mismatched.map((m) => m.id));
  return { mismatched, repeated: repeatedPeriodWords(metrics).filter(({ id }) => !flagged.has(id)), dated: datedMismatches(metrics).filter(({ id }) => !flagged.has(id)), quarterShift, fiscalShift };
}

/** A day, as period words write the one a period ends on or a figure stands at: 30 June 2025, June 30, 2025, 2025-06-30, 30.06.2025. */
const DAY_DATE = String.raw`(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,}\.?,?\s+\d{4}|[A-Za-z]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})`;
/** The day period words say their period ends on: after "ended", "ending", "to", "as of", "at" ...; or the words a day alone. */
const ENDS_ON = new RegExp(String.raw`\b(?:ended|ending|ends|end(?:ed)? on|as of|as at|at|to|through|until|up to)\s+(${DAY_DATE})(?![\w-])`, 'i');
const DAY_ALONE = new RegExp(String.raw`^\W*(${DAY_DATE})\W*$`, 'i');

/** Each day Japanese, Chinese and Korean words write (conflicts.ts CJK_DAY). */
const CJK_DAYS = new RegExp(CJK_DAY.source, 'g');
/**
 * Words after a day that make it no day the period ends on or a figure stands at: its first (2025年4月1日から, 開始, 起,
 * 부터), or the day results were published or filed (発表, 公表, 开示, 发布, 公告, 提出, 공시, 발표).
 */
const CJK_NOT_END = /^\s?(?:から|より|開始|开始|起|부터|시작|[にへ]?(?:発表|公表|開示|提出)|(?:发布|公布|披露|公告|提交)|(?:공시|발표|제출))/;
/** Words before a day that make it a period's first: 自2025年1月1日, 从2025年1月1日. */
const CJK_FROM = /[自从從]\s?$/;

/**
 * The day Japanese, Chinese or Korean period words say their period ends on, or a figure stands at, as written: the
 * last day they write ("2025年6月30日現在", "2025年6月30日終了四半期", "于2025年6月30日结束的三个月", "截至2025年6月30日",
 * "2025年4月1日～2025年6月30日", "2025년 6월 30일로 종료되는 3개월"), but not one that starts the period ("2025年4月1日から",
 * "自2025年1月1日") or is the day results were published ("（2025年11月14日発表）"): the last day that is none of those.
 * Undefined where there is none, as for words with no day. (periodEndIn reads it, and reads no day that is none of the
 * calendar: 2025年2月30日.)
 */
function cjkEndDay(words: string): string | undefined {
  return [...words.matchAll(CJK_DAYS)].findLast((d) => !CJK_NOT_END.test(words.slice(d.index + d[0].length)) && !CJK_FROM.test(words.slice(0, d.index)))?.[0];
}

/**
 * Figures whose words name the day their period ends, or they stand at, and a period_end more than a week from it:
 * "As of 30 June 2025" on the figure of 30 September 2025, "Nine months ended 30 Sep 2025" ending 2025-06-30. The words
 * print beside the figure, which is placed, charted and compared by its period_end; one of the two is a slip. (Quarters
 * named without their day are periodEndMismatches'; a start, "since 1 January 2020", is no end.)
 */
function datedMismatches(metrics: Record<string, Pick<Metric, 'period' | 'period_end'>>): Array<{ id: string; wordsEnd: string }> {
  const found: Array<{ id: string; wordsEnd: string }> = [];
  for (const [id, m] of Object.entries(metrics)) {
    if (m.period_end === undefined) continue;
    const day = (ENDS_ON.exec(m.period) ?? DAY_ALONE.exec(m.period))?.[1] ?? cjkEndDay(m.period);
    const wordsEnd = day === undefined ? undefined : periodEndIn(day);
    if (wordsEnd !== undefined && Math.abs(daysOff(wordsEnd, m.period_end)) > 7) found.push({ id, wordsEnd });
  }
  return found;
}

/**
 * The figures (`off`: offsets()) whose period words name a calendar quarter that is not their period_end's, by the
 * calendar and by the usual shift: their series' when it has three figures or more whose words are read, else the
 * canvas's (`canvasShift`).
 */
function periodEndMismatches(off: Map<string, { wordsEnd: string; off: number; byFiscalCalendar?: boolean }>, canvasShift: number): PeriodEndMismatch[] {
  const bySeries = new Map<string, number[]>();
  for (const [id, o] of off) {
    if (o.byFiscalCalendar) continue;
    const series = id.split('@')[0];
    if (series !== id) bySeries.set(series, [...(bySeries.get(series) ?? []), o.off]);
  }
  const found: PeriodEndMismatch[] = [];
  for (const [id, o] of off) {
    // A fiscal quarter placed by the canvas's own calendar is off by nothing when right: no naming shift applies to it.
    if (o.byFiscalCalendar) {
      if (Math.abs(o.off) > SLACK_DAYS) found.push({ id, wordsEnd: o.wordsEnd, usualQuarters: 0, byFiscalCalendar: true });
      continue;
    }
    const series = bySeries.get(id.split('@')[0]);
    const ofSeries = series !== undefined && series.length >= 3;
    const usualQuarters = ofSeries ? usualShift(series) : canvasShift;
    // In a series that names its quarters by a fiscal shift, a value named by the calendar is one left at last quarter's
    // words; a figure of its own may be a third party's, named by the calendar ("Q3 2025" smartphone share beside Apple's).
    const calendarLeft = ofSeries && usualQuarters !== 0 && Math.abs(o.off) <= SLACK_DAYS;
    if (calendarLeft || !fits(o.off, usualQuarters)) found.push({ id, wordsEnd: o.wordsEnd, usualQuarters });
  }
  return found;
}

/**
 * A year in period words: 2025, or two or four digits run on to a quarter, half or fiscal year ("Q3'25", "3Q25", "FY25",
 * "FY2025", "2QFY2025", "H1 25").
 */
const YEAR = /\b(?:19|20)\d{2}\b|(?:\bq[1-4]|\b[1-4]q|\bh[12]|\b[12]h|fy)\s?['’]?\d{2}(?:\d{2})?\b|['’]\d{2}\b/i;

/**
 * Values of one series whose period words are the same, or name the same fiscal quarter or half, with another
 * period_end: the later ones, each with the earliest of its words. A value added by copying the one before it and updating all but its words ("Q1 FY25" on the values
 * ending 30 Sep 2024 and 30 Sep 2025), in whatever way the words name the period (fiscal quarters too). Only words
 * with a year in them: "Year-end" on every year's value names none in particular.
 */
function repeatedPeriodWords(metrics: Record<string, Pick<Metric, 'period' | 'period_end'>>): Array<{ id: string; first: string }> {
  const firsts = new Map<string, string>();
  const found: Array<{ id: string; first: string }> = [];
  const dated = Object.entries(metrics).filter(([id, m]) => id.includes('@') && m.period_end !== undefined && YEAR.test(m.period));
  for (const [id, m] of dated.sort((a, b) => a[1].period_end!.localeCompare(b[1].period_end!))) {
    const series = id.split('@')[0];
    // The words as written; and a fiscal year's quarter or half however it is spelt ("FY25 Q2", "Q2 FY2025", "second
    // quarter of fiscal 2025" are one quarter): a value copied from the one before it may keep its quarter in other words.
    const fiscal = [...new Set(namedPeriods(m.period).map((p) => p.key).filter((k) => /^f[qh][1-4]-fy\d{4}$/.test(k)))];
    const keys = [`${series}|${written(m.period)}`, ...(fiscal.length === 1 ? [`${series}|${fiscal[0]}`] : [])];
    const first = keys.map((k) => firsts.get(k)).find((f) => f !== undefined && metrics[f].period_end !== m.period_end);
    if (first !== undefined) found.push({ id, first });
    for (const k of keys) if (!firsts.has(k)) firsts.set(k, id);
  }
  return found;
}
