/** Figures as finding messages write them: "RMB 31,127 million", "approx. US$4.4 billion", "56 million members", "12.5%". */
import { currencyPrefix, isCurrency } from '../canvas/currencies.ts';
import { formatNumber, unitAfterNumber } from '../canvas/numbers.ts';

/** A figure as messages take it: a metric, its equivalent, or an amount typed. */
export interface FigureQuantity { value: number; unit?: string; scale?: string; qualifier?: string; decimals?: number }

/**
 * An amount as the briefing prints it, in its own currency and scale: "RMB 31,127 million", "approx. US$4.4 billion";
 * with its currency as `language` (briefing.language) prints it: "$4.4 billion" in en-US.
 */
export function amount(q: FigureQuantity, language?: string): string {
  const number = formatNumber(Math.abs(q.value), q.decimals);
  return `${qualifierText(q.qualifier)}${q.value < 0 && /[1-9]/.test(number) ? '-' : ''}${currencyPrefix(q.unit ?? '', language)}${number}${q.scale ? ` ${q.scale}` : ''}`;
}

/** A figure of any unit as messages write it: an amount of money as amount() does, else "56 million members", "12.5%". */
export function figure(q: FigureQuantity, language?: string): string {
  if (isCurrency(q.unit ?? '')) return amount(q, language);
  return `${qualifierText(q.qualifier)}${formatNumber(q.value, q.decimals)}${q.scale ? ` ${q.scale}` : ''}${q.unit ? unitAfterNumber(q.unit, q.scale !== undefined) : ''}`;
}

/** A qualifier as a figure's words start: "approx. ", "at least ", or nothing. */
function qualifierText(qualifier: string | undefined): string {
  return qualifier ? `${qualifier === 'approx' ? 'approx.' : qualifier.replace(/_/g, ' ')} ` : '';
}
