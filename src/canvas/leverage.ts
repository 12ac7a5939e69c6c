/**
 * Leverage that the canvas's own net debt and EBITDA figures rule out: a leverage of 2.3x at 30 June 2025 beside net debt
 * of €1,474.2 million that day and EBITDA of €398.0 million and €421.0 million for the two halves to it (1,474.2/819.0 =
 * 1.8x), a multiple typed over or a net debt updated without it. The headline figure of a credit briefing. Paired
 * strictly, as margins are (canvas/margins.ts), since a false finding is printed as the company contradicting itself:
 * - the leverage: a multiple (unit "x", "×" or "times", no scale) labelled "Leverage", "Net leverage", "Leverage ratio",
 *   "Net debt/EBITDA", "Net debt to EBITDA" (ratio after it or not), a bracket after it that says the same ("Leverage
 *   (net debt / LTM EBITDA)") or its unit ("(x)"), with qualifying words ("Adjusted leverage", "Net debt / adjusted
 *   EBITDA"); LTM, TTM, "last twelve months" say what every such ratio is of, and add nothing;
 * - its net debt: the one balance at the leverage's date labelled "Net debt" or "Net financial debt", with the leverage's
 *   words but Adjusted and the like (which qualify the EBITDA);
 * - its EBITDA: of the twelve months to that day, with the leverage's words and no others (as margin-mismatch reads an
 *   EBITDA's): a year's (or a twelve-month) figure ending that day, or the sum of the two halves, or four quarters,
 *   ending that day, each exactly one figure; exactly one such twelve months in all (a year's figure beside its two
 *   halves is two: not checked);
 * each with its end date, in one currency (not an equivalent), none a forecast or target, the EBITDA above zero. A
 * leverage is wrong when no values the rounding (and qualifiers) of all the figures allow give it.
 * Used by validate/ (leverage-mismatch) and model/ (listed under "Where sources disagree").
 */
import type { Metric } from '../validate/schema.ts';
import { isCurrency } from './currencies.ts';
import { labelKey, periodKind, range } from './conflicts.ts';
import { BASIS_WORDS, profitOf, wordsOf } from './margins.ts';
import { inUnits } from './numbers.ts';
import { isLookingAhead } from './series.ts';

/** A leverage its net debt and EBITDA figures rule out. */
export interface LeverageMismatch {
  leverage: string;
  netDebt: string;
  /** The EBITDA of the twelve months: one figure, or the halves or quarters, oldest first. */
  ebitda: string[];
  /** The multiple the figures allow, as an interval (their rounding and qualifiers allowed for). */
  computed: [number, number];
  /** The multiple the figures give as written (inside `computed`). */
  written: number;
}

/** The units a multiple is written in. */
const MULTIPLE_UNITS = new Set(['x', '×', 'times']);

/** Words that say only that a ratio is of the last twelve months, or a multiple: read as no qualifier. */
const NEUTRAL = /\b(?:ltm|ttm|12m|last twelve months|last 12 months|trailing twelve months|trailing 12 months|rolling|ratio|times|x|×)\b|×/g;

/** "net debt / EBITDA" as labels write it, words between or around: the words before, between and after. */
const NET_DEBT_OVER_EBITDA = /^(.*?)\s*\bnet (?:financial )?debt\s*(?:\/|:|\bto\b|-to-|over)\s*(.*?)\s*\bebitda\s*(.*)$/;

/** A leverage's qualifying words (sorted, as margins.ts's wordsOf gives them), where `label` names net debt over EBITDA; else undefined. */
function leverageWords(label: string): string | undefined {
  const key = labelKey(label).replace(/[\u2010-\u2013]/g, '-');
  const bracket = /^(.*?)\s*\(([^()]*)\)$/.exec(key);
  const [text, inner] = bracket === null ? [key, ''] : [bracket[1]!, bracket[2]!];
  const neutral = (words: string) => words.replace(NEUTRAL, ' ');
  const ratio = (t: string) => {
    const m = NET_DEBT_OVER_EBITDA.exec(t);
    return m === null ? undefined : [m[1]!, m[2]!, m[3]!].map(neutral).join(' ');
  };
  const lev = /^(.*?)\s*\b(?:net )?leverage(?: ratio)?$/.exec(text);
  const head = lev !== null ? neutral(lev[1]!) : ratio(text);
  if (head === undefined) return undefined;
  // A bracket that says what the leverage is ("(net debt / LTM EBITDA)"), or qualifies it ("(adjusted)"), or is its unit ("(x)").
  const said = ratio(inner) ?? neutral(inner);
  return wordsOf(`${head} ${said}`, undefined);
}

/** A net debt's qualifying words, where `label` is "Net debt" or "Net financial debt" with them; else undefined. */
function netDebtWords(label: string): string | undefined {
  const key = labelKey(label).replace(/[\u2010-\u2013]/g, '-');
  const bracket = /^(.*?)\s*\(([^()]*)\)$/.exec(key);
  const [text, inner] = bracket === null ? [key, undefined] : [bracket[1]!, bracket[2]!];
  const m = /^(.*?)\s*\bnet (?:financial )?debt$/.exec(text);
  return m === null ? undefined : wordsOf(m[1]!, inner);
}

/** The day `months` months before an ISO date: the month's last day where the date is its month's last day. */
function monthsBefore(date: string, months: number): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const last = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate(); // month 1-based
  const index = y * 12 + (mo - 1) - months;
  const [ty, tm] = [Math.floor(index / 12), (index % 12) + 1];
  const day = d === last(y, mo) ? last(ty, tm) : Math.min(d, last(ty, tm));
  return `${ty}-${String(tm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The kinds of period whose figures, ending on these many months' steps back, make up twelve months. */
const TWELVE_MONTHS: Array<{ kinds: string[]; ends: number[] }> = [
  { kinds: ['year', 'ttm'], ends: [0] },
  { kinds: ['half_year'], ends: [6, 0] },
  { kinds: ['quarter'], ends: [9, 6, 3, 0] },
];

/** Each leverage of `ids` that its one net debt and one twelve months of EBITDA at its date rule out, beyond the rounding of all. */
export function leverageMismatches(metrics: Record<string, Metric>, ids: string[]): LeverageMismatch[] {
  const actual = ids.filter((id) => metrics[id].value !== undefined && metrics[id].period_end !== undefined && !isLookingAhead(metrics[id]));
  const ebitdas = actual.flatMap((id) => {
    const as = profitOf(metrics[id].label);
    return as?.measure === 'ebitda' && isCurrency(metrics[id].unit ?? '') ? [{ id, words: as.words }] : [];
  });
  const found: LeverageMismatch[] = [];
  for (const id of actual) {
    const m = metrics[id];
    if (!MULTIPLE_UNITS.has(m.unit ?? '') || m.scale !== undefined) continue;
    const words = leverageWords(m.label);
    if (words === undefined) continue;
    const day = m.period_end!;
    const ndWords = words.split(' ').filter((w) => w !== '' && !BASIS_WORDS.has(w)).join(' ');
    const debts = actual.filter((d) => metrics[d].period_end === day && isCurrency(metrics[d].unit ?? '') && [undefined, 'as_at', 'day'].includes(periodKind(metrics[d])) && netDebtWords(metrics[d].label) === ndWords);
    if (debts.length !== 1) continue;
    const n = metrics[debts[0]!];
    // The twelve months of EBITDA to the day: a year's figure, two halves or four quarters; exactly one such in all.
    const own = ebitdas.filter((e) => e.words === words && metrics[e.id].unit === n.unit);
    const candidates: string[][] = [];
    let ambiguous = false;
    for (const { kinds, ends } of TWELVE_MONTHS) {
      const parts = ends.map((back) => {
        const end = monthsBefore(day, back);
        return own.filter((e) => metrics[e.id].period_end === end && kinds.includes(periodKind(metrics[e.id]) ?? '')).map((e) => e.id);
      });
      if (kinds.includes('year')) candidates.push(...parts[0]!.map((p) => [p]));
      else if (parts.some((p) => p.length > 1)) ambiguous = true;
      else if (parts.every((p) => p.length === 1)) candidates.push(parts.map((p) => p[0]!));
    }
    if (ambiguous || candidates.length !== 1) continue;
    const ebitda = candidates[0]!;
    const [lo, hi] = range(m);
    const [nlo, nhi] = range(n);
    const [elo, ehi] = ebitda.map((e) => range(metrics[e])).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
    if (![lo, hi, nlo, nhi, elo, ehi].every(Number.isFinite) || elo <= 0) continue;
    // The multiple rises with the net debt and, of a net debt above zero, falls with the EBITDA: its extremes are at the corners.
    const corners = [nlo / elo, nlo / ehi, nhi / elo, nhi / ehi];
    const computed: [number, number] = [Math.min(...corners), Math.max(...corners)];
    const slack = 1e-9 * Math.max(1, Math.abs(m.value!));
    if (hi + slack >= computed[0] && lo - slack <= computed[1]) continue;
    const sum = ebitda.reduce((s, e) => s + inUnits({ value: metrics[e].value!, scale: metrics[e].scale }), 0);
    found.push({ leverage: id, netDebt: debts[0]!, ebitda, computed, written: inUnits({ value: n.value!, scale: n.scale }) / sum });
  }
  return found;
}
