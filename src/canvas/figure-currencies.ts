/**
 * A metric's figure read in the currency an amount typed into text is in: check's typed-mismatch
 * (validate/typed-findings.ts) and the briefing's "Where sources disagree" (model/contradictions.ts) set the two side
 * by side, and read the figure here, so that they give one figure, and name one slip of scale, for one typed amount.
 */
import type { Metric } from '../validate/schema.ts';
import { decimalsOf, inUnits } from './numbers.ts';

/** Units of a figure in pence, a hundredth of a pound (GBX, as exchanges quote UK shares; GBp): not ISO codes, so unit words to the schema. */
export const PENCE_UNITS: readonly string[] = ['GBX', 'GBp'];

/**
 * The currency a figure's unit is an amount of, and how many of the unit make one of it: a figure in pence (unit GBX, as
 * exchanges quote UK shares) is a hundredth of a pound, "45.2p" and "£0.452" its 45.2 GBX; any other unit is its own.
 */
export function currencyOf<U extends string | undefined>(unit: U): { code: U | 'GBP'; per: number } {
  return unit !== undefined && PENCE_UNITS.includes(unit) ? { code: 'GBP', per: 100 } : { code: unit, per: 1 };
}

/** A metric's figure in one currency: in that currency's units, with what its last digit counts, and the figure as the canvas writes it. */
export interface FigureInCurrency {
  /** In units of the currency (pounds for a figure in pence: 45.2 GBX is 0.452). */
  value: number;
  /** What its last digit counts, in those units. */
  step: number;
  /** As the canvas writes it (its own unit: GBX for pence), for a message to print: its value's fields, or its equivalent. */
  quantity: { value: number; unit: string; scale?: Metric['scale']; qualifier?: Metric['qualifier']; decimals?: number };
  /** Its unit and scale as the canvas writes them. */
  unit: string;
  scale?: Metric['scale'];
  /** Which of the metric's figures it is. */
  part: 'value' | 'equivalent';
  /** How many of its unit make one of the currency (currencyOf): 100 for pence, else 1. An amount in the currency, times it, is in the figure's own unit. */
  per: number;
}

/**
 * The figure of `m` in one of `currencies` (an amount's: typedAmounts, minorAmounts): its value, read in pounds where it
 * is in pence (currencyOf), or else its equivalent; undefined where neither is in one of them. A count's own unit may
 * stand for the currency: the figure is then its value, as written.
 */
export function figureInCurrencies(m: Metric, currencies: readonly string[]): FigureInCurrency | undefined {
  const of = (q: FigureInCurrency['quantity'], per: number, part: FigureInCurrency['part']): FigureInCurrency =>
    ({ value: inUnits(q) / per, step: inUnits({ value: 10 ** -(q.decimals ?? decimalsOf(q.value)), scale: q.scale }) / per, quantity: q, unit: q.unit, scale: q.scale, part, per });
  const { code, per } = currencyOf(m.unit);
  if (code !== undefined && currencies.includes(code) && m.value !== undefined) return of({ ...m, unit: m.unit!, value: m.value }, per, 'value');
  if (m.equivalent !== undefined && currencies.includes(m.equivalent.unit)) return of(m.equivalent, 1, 'equivalent');
  return undefined;
}
