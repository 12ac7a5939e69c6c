/**
 * Margins that the canvas's own profit and revenue figures rule out: an operating margin of 17.5% beside operating income
 * of $203 million and total revenue of $1,232 million (203/1,232 = 16.5%), a margin typed over or a profit updated without
 * it. Any reader with a calculator sees it. Paired strictly, as a false finding is printed in the briefing as the company
 * contradicting itself:
 * - the margin: a percentage (no scale) whose label is "<X> margin" (Gross margin, Operating margin, Operating profit
 *   margin, EBIT margin, EBITA margin, EBITDA margin, Net margin, Net profit margin; "Operating margin (GAAP)", "(%)"
 *   after it), or as German writes it, "EBIT-Marge", "EBITDA Marge", "Bruttomarge";
 * - its profit: the figure whose label is that measure (Gross profit; Operating income, Operating profit or Income from
 *   operations, "(loss)" after it or not; EBIT; EBITA; EBITDA; Net income or Net profit; Bruttoergebnis), with the same
 *   qualifying words as the margin (Adjusted, Non-GAAP, Underlying, a segment's name) or none on both: "Adjusted EBITDA
 *   margin" goes with "Adjusted EBITDA" only;
 * - its revenue: the company's (Revenue, Total revenue, Net revenue, Net sales, Total net sales, Turnover, Umsatz), or for
 *   a segment's margin ("Cloud Platform operating margin") the segment's, its words the margin's but for Adjusted and
 *   the like, which qualify the profit, not the revenue;
 * each exactly one figure for the margin's period (its end, period_end or its words, and kind), of one currency (not an
 * equivalent), none a forecast or target, the revenue above zero; a margin with no such profit, or two candidates for
 * either, is not checked. A margin is wrong when no values the three figures' rounding (and qualifiers) allow give it.
 * Used by validate/ (margin-mismatch) and model/ (listed under "Where sources disagree").
 */
import type { Metric } from '../validate/schema.ts';
import { isCurrency } from './currencies.ts';
import { labelKey, periodKind, periodText, range } from './conflicts.ts';
import { decimalsOf, inUnits } from './numbers.ts';
import { isLookingAhead } from './series.ts';

/** A margin its profit and revenue figures rule out. */
export interface MarginMismatch {
  margin: string;
  profit: string;
  revenue: string;
  /** The margin the profit and revenue allow, in percent, as an interval (their rounding and qualifiers allowed for). */
  computed: [number, number];
  /** The margin the profit and revenue give as written, in percent (inside `computed`). */
  written: number;
}

/** What a label names: a margin, a profit or a revenue, its measure (gross, operating ...), and its other words, sorted. */
interface Named {
  kind: 'margin' | 'profit' | 'revenue';
  measure: string;
  words: string;
}

/** The measures of a margin and of its profit, by how labels write them (case aside). */
const MEASURES: Array<{ measure: string; margin: RegExp; profit: RegExp }> = [
  { measure: 'gross', margin: /^(.*?)\s*\b(?:gross(?: profit)? margin|brutto-?\s?marge)$/, profit: /^(.*?)\s*\b(?:gross profit|bruttoergebnis(?: vom umsatz)?|bruttogewinn)$/ },
  { measure: 'operating', margin: /^(.*?)\s*\boperating(?: profit| income)? margin$/, profit: /^(.*?)\s*\b(?:operating income|operating profit|income from operations)$/ },
  { measure: 'ebit', margin: /^(.*?)\s*\bebit(?: margin|-?\s?marge)$/, profit: /^(.*?)\s*\bebit$/ },
  { measure: 'ebita', margin: /^(.*?)\s*\bebita(?: margin|-?\s?marge)$/, profit: /^(.*?)\s*\bebita$/ },
  { measure: 'ebitda', margin: /^(.*?)\s*\bebitda(?: margin|-?\s?marge)$/, profit: /^(.*?)\s*\bebitda$/ },
  { measure: 'net', margin: /^(.*?)\s*\bnet(?: profit| income)? margin$/, profit: /^(.*?)\s*\bnet (?:income|profit)$/ },
];

/** A company's (or, with a segment's words before it, a segment's) revenue. */
const REVENUE = /^(.*?)\s*\b(?:total (?:net )?revenues?|(?:net )?revenues?|total net sales|net sales|turnover|umsatz|umsatzerlöse|gesamtumsatz|konzernumsatz)$/;

/** Words that say what a profit is measured on, not what it is of: on the margin and its profit alike, never on revenue. */
export const BASIS_WORDS: ReadonlySet<string> = new Set(['adjusted', 'non-gaap', 'underlying', 'core', 'comparable', 'recurring', 'pro-forma', 'proforma']);

/**
 * A label's words before its measure, and in a bracket after it, as qualifiers: one spelling each ("Adj.", "bereinigtes"),
 * the company's own words left out ("Total", "Group", "GAAP"), and of a bracket, what says no more than the measure:
 * "(%)", "(in %)", "(loss)". Undefined where a word is no word (a sign, a dash left from a bracket): not read.
 */
export function wordsOf(prefix: string, bracket: string | undefined): string | undefined {
  const split = (text: string) => text.split(/[\s,/]+/).filter((w) => w !== '');
  const words = [...split(prefix), ...split(bracket ?? '').filter((w) => !['%', 'in', 'loss'].includes(w))].map((w) => {
    if (/^adj\.?$|^bereinigt\w*$/.test(w)) return 'adjusted';
    if (/^non-?gaap$/.test(w)) return 'non-gaap';
    return w;
  }).filter((w) => !['total', 'group', 'consolidated', 'gaap', 'reported'].includes(w));
  if (words.some((w) => !/^[\p{L}\p{N}][\p{L}\p{N}&.'-]*$/u.test(w))) return undefined;
  return [...new Set(words)].sort().join(' ');
}

/** What a label names, where it is a margin, a profit or a revenue as MEASURES and REVENUE read them; else undefined. */
function named(label: string): Named | undefined {
  // The label as contradiction compares labels (a currency in brackets at its end left out), then a bracket of its own at
  // the end: "(GAAP)", "(%)", "(loss)", "(adjusted)".
  const key = labelKey(label).replace(/[\u2010-\u2013]/g, '-');
  const bracket = /^(.*?)\s*\(([^()]*)\)$/.exec(key);
  const [text, inner] = bracket === null ? [key, undefined] : [bracket[1]!, bracket[2]!];
  for (const { measure, margin, profit } of MEASURES) {
    for (const [kind, re] of [['margin', margin], ['profit', profit]] as const) {
      const match = re.exec(text);
      const words = match === null ? undefined : wordsOf(match[1]!, inner);
      if (words !== undefined) return { kind, measure, words };
    }
  }
  const revenue = REVENUE.exec(text);
  const words = revenue === null ? undefined : wordsOf(revenue[1]!, inner);
  return words === undefined ? undefined : { kind: 'revenue', measure: '', words };
}

/** The measure and qualifying words of a profit's label ("Adjusted EBITDA": ebitda, adjusted), as a margin's profit is read; undefined for any other label. */
export function profitOf(label: string): { measure: string; words: string } | undefined {
  const as = named(label);
  return as?.kind === 'profit' ? { measure: as.measure, words: as.words } : undefined;
}

/** Two figures of one kind of period: both known and alike, or either unknown (its period's end decides alone). */
function sameKind(a: Metric, b: Metric): boolean {
  const [ka, kb] = [periodKind(a), periodKind(b)];
  return ka === undefined || kb === undefined || ka === kb;
}

/** Each margin of `ids` that its one profit and one revenue figure for the same period rule out, beyond the rounding of all three. */
export function marginMismatches(metrics: Record<string, Metric>, ids: string[]): MarginMismatch[] {
  // The figures that can take part, by their period: its end, or its words where it has none.
  const byPeriod = new Map<string, Array<{ id: string; as: Named }>>();
  for (const id of ids) {
    const m = metrics[id];
    if (m.value === undefined || isLookingAhead(m)) continue;
    const as = named(m.label);
    if (as === undefined || (as.kind === 'margin' ? m.unit !== 'percent' || m.scale !== undefined : !isCurrency(m.unit ?? ''))) continue;
    const period = m.period_end ?? `t:${periodText(m.period)}`;
    byPeriod.set(period, [...(byPeriod.get(period) ?? []), { id, as }]);
  }
  const found: MarginMismatch[] = [];
  for (const figures of byPeriod.values()) {
    for (const { id, as } of figures.filter((f) => f.as.kind === 'margin')) {
      const m = metrics[id];
      const of = (kind: Named['kind'], measure: string, words: string) => figures.filter((f) => f.as.kind === kind && f.as.measure === measure && f.as.words === words && sameKind(metrics[f.id], m));
      const profits = of('profit', as.measure, as.words);
      if (profits.length !== 1) continue;
      const profit = profits[0]!.id;
      const p = metrics[profit];
      // The revenue of what the margin is of: the company's, or the segment's its words name (Adjusted and the like aside).
      const revenues = of('revenue', '', as.words.split(' ').filter((w) => !BASIS_WORDS.has(w)).join(' ')).filter((f) => metrics[f.id].unit === p.unit && sameKind(metrics[f.id], p));
      if (revenues.length !== 1) continue;
      const revenue = revenues[0]!.id;
      const r = metrics[revenue];
      const [[lo, hi], [plo, phi], [rlo, rhi]] = [range(m), range(p), range(r)];
      if (![lo, hi, plo, phi, rlo, rhi].every(Number.isFinite) || rlo <= 0) continue;
      // The margin rises with the profit and, of a profit above zero, falls with the revenue: its extremes are at the corners.
      const corners = [plo / rlo, plo / rhi, phi / rlo, phi / rhi].map((x) => x * 100);
      const computed: [number, number] = [Math.min(...corners), Math.max(...corners)];
      const slack = 1e-9 * Math.max(1, Math.abs(m.value!));
      if (hi + slack >= computed[0] && lo - slack <= computed[1]) continue;
      found.push({ margin: id, profit, revenue, computed, written: (inUnits({ value: p.value!, scale: p.scale }) / inUnits({ value: r.value!, scale: r.scale })) * 100 });
    }
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return found.sort((a, b) => order.get(a.margin)! - order.get(b.margin)!);
}

/** The digits a margin found wrong and the margin its figures give are quoted in: the margin's own, a tenth at least. */
export function marginDigits(m: Pick<Metric, 'value' | 'decimals'>): number {
  return Math.max(1, m.decimals ?? decimalsOf(m.value!));
}
