/**
 * Exchange rates the equivalents imply. An amount and its equivalent ("RMB 39.8 billion (US$5.6
 * billion)") state a rate: 7.035 to 7.180 RMB per US$, allowing for the rounding of both. A source
 * converts every amount of one date at one rate, so equivalents of one date whose rates no one rate
 * meets cannot all be right: most often an amount updated without its equivalent, which the
 * briefing would print beside the old conversion. Used by validate/ (findings on the console).
 */
import type { Metric } from '../validate/schema.ts';
import { periodEndIn, range } from './conflicts.ts';
import { isCurrency } from './currencies.ts';

/** A figure whose equivalent no rate of its date shares with `partner`'s: the amounts, the date and both rates. */
export interface RateMismatch {
  id: string;
  /** The figure of that date whose rate it cannot meet: of the yardstick (the rate most meet), the most precise undisputed one. */
  partner: string;
  /** YYYY-MM-DD: the period end both convert at. */
  date: string;
  /** The currency the rates count, per one unit of `per` (the amount's currency of the first figure of that date). */
  currency: string;
  per: string;
  /** Each figure's rate, as the interval its rounding and qualifiers allow. */
  rate: [number, number];
  partnerRate: [number, number];
  /** How many undisputed figures of that date, besides the partner, meet the partner's rate (the yardstick). */
  agreeing: number;
}

/**
 * Figures (in `ids` order) whose equivalent implies a rate that the other equivalents of the same date and
 * currencies rule out, beyond rounding and qualifiers. The rate most of them meet is the yardstick (on a tie,
 * the one the most precise figure meets); each figure that misses it is reported once, against the most precise
 * figure that meets it. `declared(a, b)`: a contradiction the canvas declares between the two. A figure declared
 * against another of its date is disputed already, its rate with it: it is not reported, and has no say in the yardstick.
 * Forecasts and targets convert at a rate of their own time, not their period's end, and are left out.
 */
export function rateMismatches(metrics: Record<string, Metric>, ids: string[], declared: (a: string, b: string) => boolean = () => false): RateMismatch[] {
  const groups = new Map<string, Conversion[]>();
  const orientation = new Map<string, [string, string]>();
  for (const id of ids) {
    const m = metrics[id];
    const eq = m.equivalent;
    if (m.value === undefined || eq === undefined || m.unit === undefined || m.period_type === 'forecast' || m.period_type === 'target') continue;
    if (!isCurrency(m.unit) || !isCurrency(eq.unit) || m.unit === eq.unit) continue;
    const date = m.period_end ?? periodEndIn(m.period);
    if (date === undefined) continue;
    const key = `${date}|${[m.unit, eq.unit].sort().join('/')}`;
    // The first figure of the date says which way its rates are counted (RMB per US$ when it is an RMB amount).
    if (!orientation.has(key)) orientation.set(key, [m.unit, eq.unit]);
    const [amount, equivalent] = [magnitude(range(m)), magnitude(range({ ...eq, label: '', period: '' }))];
    if (amount === undefined || equivalent === undefined) continue; // zero or an open bound: no rate
    let [lo, hi] = [amount[0] / equivalent[1], amount[1] / equivalent[0]];
    if (m.unit !== orientation.get(key)![0]) [lo, hi] = [1 / hi, 1 / lo];
    groups.set(key, [...(groups.get(key) ?? []), { id, lo, hi, width: hi / lo, disputed: false }]);
  }
  const found: RateMismatch[] = [];
  for (const [key, group] of groups) {
    if (Math.max(...group.map((c) => c.lo)) <= Math.min(...group.map((c) => c.hi))) continue; // one rate meets them all
    for (const c of group) c.disputed = group.some((o) => o !== c && declared(c.id, o.id));
    const agreed = yardstick(group);
    const [date] = key.split('|');
    const [currency, per] = orientation.get(key)!;
    for (const c of group) {
      if (agreed.includes(c) || c.disputed) continue;
      // Intervals that each meet the others share a point: one of the yardstick's figures is always missed.
      const missed = agreed.filter((a) => a.hi < c.lo || c.hi < a.lo);
      const partner = missed.reduce((best, a) => (rank(a) < rank(best) ? a : best));
      const agreeing = agreed.filter((a) => a !== partner && !a.disputed).length;
      found.push({ id: c.id, partner: partner.id, date, currency, per, rate: [c.lo, c.hi], partnerRate: [partner.lo, partner.hi], agreeing });
    }
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** One figure's conversion: amount per equivalent as an interval, in its date's orientation; its width as hi / lo. */
interface Conversion {
  id: string;
  lo: number;
  hi: number;
  width: number;
  /** Declared against another figure of its date (data_notes.contradictions). */
  disputed: boolean;
}

/** Which figure speaks for a rate first: an undisputed one, then the most precise. */
const rank = (c: Conversion) => (c.disputed ? 1e9 : 0) + c.width;

/**
 * The figures that agree on the rate most of them meet: those whose intervals hold the point most undisputed
 * intervals hold (all of them when every figure is disputed); on a tie, the point the best-ranked figure holds, then the first.
 */
function yardstick(group: Conversion[]): Conversion[] {
  const voters = group.some((c) => !c.disputed) ? group.filter((c) => !c.disputed) : group;
  let best: { votes: number; rank: number; point: number } | undefined;
  for (const point of voters.map((c) => c.lo)) {
    const holding = voters.filter((c) => c.lo <= point && point <= c.hi);
    const top = Math.min(...holding.map(rank));
    if (best === undefined || holding.length > best.votes || (holding.length === best.votes && top < best.rank)) best = { votes: holding.length, rank: top, point };
  }
  return group.filter((c) => c.lo <= best!.point && best!.point <= c.hi);
}

/** An interval of amounts as positive magnitudes (a negative amount's equivalent is negative too); undefined when it holds zero or is open. */
function magnitude([lo, hi]: [number, number]): [number, number] | undefined {
  if (lo > 0 && Number.isFinite(hi)) return [lo, hi];
  if (hi < 0 && Number.isFinite(lo)) return [-hi, -lo];
  return undefined;
}
