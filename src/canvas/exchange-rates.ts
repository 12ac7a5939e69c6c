/**
 * Exchange rates the equivalents imply. An amount and its equivalent ("RMB 39.8 billion (US$5.6
 * billion)") state a rate: 7.035 to 7.180 RMB per US$, allowing for the rounding of both. A source
 * converts every amount of one date at one rate, so equivalents of one date whose rates no one rate
 * meets cannot all be right: most often an amount updated without its equivalent, which the
 * briefing would print beside the old conversion. Used by validate/ (findings on the console).
 */
import type { Metric } from '../validate/schema.ts';
import { periodEndIn, range } from './conflicts.ts';
import { isCurrency, rateBounds } from './currencies.ts';
import { inUnits } from './numbers.ts';

/**
 * How far apart two rates may be and still count as one: a source that adds a total's equivalent up from its
 * rounded parts is a few units off in six digits. An amount updated without its equivalent is off by far more.
 */
export const RATE_SLACK = 5e-4;

/** A figure whose equivalent no rate of its date shares with `partner`'s: the amounts, the date and both rates. */
export interface RateMismatch {
  id: string;
  /** The figure of that date whose rate it cannot meet: of the yardstick (the rate most meet), the most precise undisputed one. */
  partner: string;
  /** YYYY-MM-DD: the period end both convert at. */
  date: string;
  /** The rate counts `currency` per one `per`, the way round that makes it 1 or more (RMB per US$, US$ per €). */
  currency: string;
  per: string;
  /** Each figure's rate, as the interval its rounding and qualifiers allow (compared RATE_SLACK wider). */
  rate: [number, number];
  partnerRate: [number, number];
  /** Undisputed figures of that date besides the partner that agree on its rate and rule out this one's as well. */
  alsoRulingOut: number;
  /** No other undisputed figure of that date agrees with the partner, or as many meet this figure's rate: either side may be the wrong one. */
  alone: boolean;
  /** Another figure, of another amount, with the very same equivalent: this one's was likely copied from it, and not updated. */
  copiedFrom?: string;
}

/** A figure whose equivalent has the other sign than its amount (-RMB 21,840 million, US$3,068 million). */
export interface SignMismatch {
  id: string;
}

/**
 * Figures (in `ids` order) whose equivalent implies a rate that the other equivalents of the same date and
 * currencies rule out, beyond rounding and qualifiers. The rate most of them meet is the yardstick (on a tie,
 * the one the most precise figure meets); each figure that misses it is reported once, against the most precise
 * figure that meets it: of two figures alone, the less precise. Of two alone, or for a figure on a rate as many
 * figures meet as the yardstick's (a tie), the report says that either may be wrong (`alone`). `declared(a, b)`: a contradiction the canvas
 * declares between the two. A figure declared against another of its date that states an equivalent in the same
 * currencies is disputed already, its rate with it: it is not reported, and has no say in the yardstick.
 * Left out: forecasts and targets (converted at a rate of their own time, not their period's end), figures
 * without a date, and amounts or equivalents open on one side (over, at least, up to, under), which allow any rate
 * beyond a bound.
 */
export function rateMismatches(metrics: Record<string, Metric>, ids: string[], declared: (a: string, b: string) => boolean = () => false): RateMismatch[] {
  const groups = new Map<string, Conversion[]>();
  const copied = copiedEquivalents(metrics);
  for (const id of ids) {
    const m = metrics[id];
    const eq = m.equivalent;
    if (m.value === undefined || eq === undefined || m.unit === undefined || m.period_type === 'forecast' || m.period_type === 'target') continue;
    if (!isCurrency(m.unit) || !isCurrency(eq.unit) || m.unit === eq.unit) continue;
    const date = m.period_end ?? periodEndIn(m.period);
    if (date === undefined || m.value * eq.value < 0) continue; // signs apart: signMismatches
    const written = statedRate(m);
    if (written === undefined) continue; // zero, an open bound or signs apart: no rate
    const key = `${date}|${[m.unit, eq.unit].sort().join('/')}`;
    groups.set(key, [...(groups.get(key) ?? []), { id, unit: m.unit, written, lo: written[0] * (1 - RATE_SLACK), hi: written[1] * (1 + RATE_SLACK), width: 0, disputed: false, copiedFrom: copied.get(id) }]);
  }
  const found: RateMismatch[] = [];
  for (const [key, group] of groups) {
    if (Math.max(...group.map((c) => c.lo)) <= Math.min(...group.map((c) => c.hi))) continue; // one rate meets them all
    const [date, pair] = key.split('|');
    // Counted the way round that makes the rate 1 or more, as rates are quoted: 7.12 RMB per US$, not 0.14 US$ per RMB.
    const first = group[0];
    const [currency, per] = first.lo * first.hi >= 1 ? [first.unit, pair.split('/').find((u) => u !== first.unit)!] : [pair.split('/').find((u) => u !== first.unit)!, first.unit];
    for (const c of group) {
      if (c.unit !== currency) [c.lo, c.hi, c.written] = [1 / c.hi, 1 / c.lo, [1 / c.written[1], 1 / c.written[0]]];
      c.width = c.hi / c.lo;
      c.disputed = group.some((o) => o !== c && declared(c.id, o.id));
    }
    const { agreed, rivals } = yardstick(group);
    for (const c of group) {
      if (agreed.includes(c) || c.disputed) continue;
      // Intervals that each meet the others share a point: one of the yardstick's figures is always missed.
      const missed = agreed.filter((a) => a.hi < c.lo || c.hi < a.lo);
      const partner = missed.reduce((best, a) => (rank(a) < rank(best) ? a : best));
      // A figure on a rate as many figures meet as the yardstick's: either side may be the wrong one.
      // A figure that repeats another's equivalent is the likely wrong one, though nothing else of its date says so.
      const alone = c.copiedFrom === undefined && (rivals.has(c) || agreed.filter((a) => !a.disputed).length <= 1);
      const alsoRulingOut = alone ? 0 : missed.filter((a) => a !== partner && !a.disputed).length;
      found.push({ id: c.id, partner: partner.id, date, currency, per, rate: c.written, partnerRate: partner.written, alsoRulingOut, alone, ...(c.copiedFrom === undefined ? {} : { copiedFrom: c.copiedFrom }) });
    }
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/**
 * How far outside the rates the table allows (each currency's lowest and highest against the US dollar since 1990)
 * an equivalent's rate must be to be called impossible: five times, so that no year the table missed is flagged,
 * while a scale slip (million for billion, a thousand times) always is, and a misplaced decimal point (ten times)
 * where the table's range is narrow enough (EUR per US$, not EUR per CHF).
 */
export const IMPLAUSIBLE_FACTOR = 5;

/**
 * Figures whose equivalent repeats an earlier period's of the same measure (copiedEquivalents) although their amounts
 * differ by more than a quarter's exchange-rate moves would explain (COPY_GAP): reported even with no other equivalent of
 * their date to compare with. `ratio`: this amount over the earlier one.
 */
export function repeatedEquivalents(metrics: Record<string, Metric>): Array<{ id: string; copiedFrom: string; ratio: number }> {
  return [...copiedEquivalents(metrics)].flatMap(([id, from]) => {
    const ratio = inUnits(metrics[id] as { value: number; scale?: Metric['scale'] }) / inUnits(metrics[from] as { value: number; scale?: Metric['scale'] });
    return Math.abs(ratio - 1) > COPY_GAP ? [{ id, copiedFrom: from, ratio }] : [];
  });
}

/** How far two amounts of one measure must differ for an equal equivalent to be a copy, not the rates moving with them. */
const COPY_GAP = 0.03;

/** A figure whose equivalent converts at a rate its two currencies have never been near: the rate, and the range they traded in. */
export interface ImplausibleRate {
  id: string;
  /** `currency` per one `per`, the way round that makes the rate written 1 or more. */
  currency: string;
  per: string;
  rate: [number, number];
  bounds: [number, number];
}

/**
 * Figures (in `ids` order) whose equivalent implies a rate more than IMPLAUSIBLE_FACTOR outside the range its two
 * currencies have traded in (currencies.ts): a slip in the equivalent's scale or digits, which no other figure is
 * needed to see. Forecasts and targets too (no rate of any year gives it); currencies outside the table are left out.
 */
export function implausibleRates(metrics: Record<string, Metric>, ids: string[]): ImplausibleRate[] {
  const found: ImplausibleRate[] = [];
  for (const id of ids) {
    const m = metrics[id];
    const eq = m.equivalent;
    if (m.value === undefined || eq === undefined || m.unit === undefined || m.unit === eq.unit || m.value * eq.value < 0) continue;
    const rate = statedRate(m);
    const usual = rateBounds(m.unit, eq.unit);
    if (rate === undefined || usual === undefined) continue;
    if (rate[1] >= usual[0] / IMPLAUSIBLE_FACTOR && rate[0] <= usual[1] * IMPLAUSIBLE_FACTOR) continue;
    const flip = rate[0] * rate[1] < 1; // counted the way round that makes the rate 1 or more: 1,068 EUR per CHF, not 0.0009 CHF per EUR
    found.push(flip
      ? { id, currency: eq.unit, per: m.unit, rate: [1 / rate[1], 1 / rate[0]], bounds: [1 / usual[1], 1 / usual[0]] }
      : { id, currency: m.unit, per: eq.unit, rate, bounds: usual });
  }
  return found;
}

/**
 * The rate a figure's amount and equivalent state, amount per equivalent, as the interval their rounding and qualifiers
 * allow; undefined where there is none (zero, an open bound, signs apart).
 */
function statedRate(m: Metric): [number, number] | undefined {
  const [amount, equivalent] = [magnitude(range(m)), magnitude(range({ ...m.equivalent!, label: '', period: '' }))];
  return amount === undefined || equivalent === undefined ? undefined : [amount[0] / equivalent[1], amount[1] / equivalent[0]];
}

/** Figures (in `ids` order) whose amount and equivalent have opposite signs: one of the two signs is wrong, and the briefing would print both. */
export function signMismatches(metrics: Record<string, Metric>, ids: string[]): SignMismatch[] {
  return ids.filter((id) => {
    const m = metrics[id];
    return m.value !== undefined && m.equivalent !== undefined && m.value * m.equivalent.value < 0;
  }).map((id) => ({ id }));
}

/** One figure's conversion: amount per equivalent as an interval, in its date's orientation; its width as hi / lo. */
interface Conversion {
  id: string;
  /** The currency of the amount (the rate is of it per the equivalent's until the date's orientation is known). */
  unit: string;
  /** The rates the written digits and qualifiers allow. */
  written: [number, number];
  /** The same, RATE_SLACK wider: what is compared. */
  lo: number;
  hi: number;
  width: number;
  /** Declared against another figure of its date (data_notes.contradictions). */
  disputed: boolean;
  /** copiedEquivalents: the figure whose equivalent this one repeats, its own amount another. */
  copiedFrom?: string;
}

/** Which figure speaks for a rate first: an undisputed one, then the most precise. */
/**
 * The digits a value is written with (`decimals`: the places it was written to, "21.0" being 21 to one place), leading
 * zeros and the trailing zeros of a whole number aside (37,927: 5; 41.2: 3; 21.0: 3; 2,500: 2).
 */
function significantDigits(value: number, decimals?: number): number {
  const text = (decimals === undefined ? String(Math.abs(value)) : Math.abs(value).toFixed(decimals)).replace(/e.*$/, '');
  const digits = text.replace('.', '').replace(/^0+/, '');
  return text.includes('.') ? digits.length : digits.replace(/0+$/, '').length;
}

const rank = (c: Conversion) => (c.disputed ? 1e9 : 0) + (c.copiedFrom === undefined ? 0 : 1e6) + c.width;

/**
 * Figures whose equivalent is, digit for digit (three significant digits at least: fewer coincide by chance), that of
 * an earlier period's figure of the same measure (a series' earlier value, or a metric of its concept) of another
 * amount (US$37,927 million beside both €32,303 million for Q3 and €35,102 million for Q4): the later amount updated,
 * its equivalent copied with it and not converted. Each names the figure it repeats.
 */
export function copiedEquivalents(metrics: Record<string, Metric>): Map<string, string> {
  const byEquivalent = new Map<string, string[]>();
  for (const [id, m] of Object.entries(metrics)) {
    if (m.value === undefined || m.equivalent === undefined || significantDigits(m.equivalent.value, m.equivalent.decimals) < 3) continue;
    const measure = id.includes('@') ? `series:${id.slice(0, id.indexOf('@'))}` : m.concept === undefined ? `metric:${id}` : `concept:${m.concept}`;
    const key = `${measure}|${m.equivalent.unit}|${inUnits(m.equivalent)}|${m.unit}`;
    byEquivalent.set(key, [...(byEquivalent.get(key) ?? []), id]);
  }
  const copied = new Map<string, string>();
  for (const ids of byEquivalent.values()) {
    if (ids.length < 2) continue;
    // The one with the latest period is the one updated; an earlier one kept its equivalent. (Of one date, which is which is not known.)
    const latest = ids.reduce((a, b) => ((metrics[b].period_end ?? '') > (metrics[a].period_end ?? '') ? b : a));
    const end = metrics[latest].period_end ?? '';
    const source = ids.find((id) => (metrics[id].period_end ?? end) < end && inUnits(metrics[id] as { value: number; scale?: Metric['scale'] }) !== inUnits(metrics[latest] as { value: number; scale?: Metric['scale'] }));
    if (source !== undefined) copied.set(latest, source);
  }
  return copied;
}

/**
 * The figures that agree on the rate most of them meet: those whose intervals hold the point most undisputed
 * intervals hold (all of them when every figure is disputed); on a tie, the point the best-ranked figure holds, then the first.
 */
function yardstick(group: Conversion[]): { agreed: Conversion[]; rivals: Set<Conversion> } {
  const voters = group.some((c) => !c.disputed) ? group.filter((c) => !c.disputed) : group;
  let best: { votes: number; rank: number; point: number } | undefined;
  const counts: Array<{ votes: number; holding: Set<Conversion> }> = [];
  for (const point of voters.map((c) => c.lo)) {
    const holding = voters.filter((c) => c.lo <= point && point <= c.hi);
    counts.push({ votes: holding.length, holding: new Set(holding) });
    const top = Math.min(...holding.map(rank));
    if (best === undefined || holding.length > best.votes || (holding.length === best.votes && top < best.rank)) best = { votes: holding.length, rank: top, point };
  }
  const agreed = group.filter((c) => c.lo <= best!.point && best!.point <= c.hi);
  // As many votes for another rate, that some of the chosen figures do not meet: the precision of one figure chose
  // between them, not the others, and none of that rate's figures can be told it is the wrong one.
  const rivals = new Set(counts.filter((n) => n.votes === best!.votes && agreed.some((c) => !c.disputed && !n.holding.has(c))).flatMap((n) => [...n.holding]));
  return { agreed, rivals };
}

/** An interval of amounts as positive magnitudes (a negative amount's equivalent is negative too); undefined when it holds zero or is open. */
function magnitude([lo, hi]: [number, number]): [number, number] | undefined {
  if (lo > 0 && Number.isFinite(hi)) return [lo, hi];
  if (hi < 0 && Number.isFinite(lo)) return [-hi, -lo];
  return undefined;
}
