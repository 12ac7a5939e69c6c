/** Figures as finding messages write them: "RMB 31,127 million", "approx. US$4.4 billion", "56 million members", "12.5%". */
import { currencyPrefix, isCurrency } from '../canvas/currencies.ts';
import { formatNumber, unitAfterNumber } from '../canvas/numbers.ts';

/** An amount as the briefing prints it, in its own currency and scale: "RMB 31,127 million", "approx. US$4.4 billion". */
export function amount(q: { value: number; unit?: string; scale?: string; qualifier?: string; decimals?: number }): string {
  const number = formatNumber(Math.abs(q.value), q.decimals);
  return `${qualifierText(q.qualifier)}${q.value < 0 && /[1-9]/.test(number) ? '-' : ''}${currencyPrefix(q.unit ?? '')}${number}${q.scale ? ` ${q.scale}` : ''}`;
}

/** A figure of any unit as messages write it: an amount of money as amount() does, else "56 million members", "12.5%". */
export function figure(q: { value: number; unit?: string; scale?: string; qualifier?: string; decimals?: number }): string {
  if (isCurrency(q.unit ?? '')) return amount(q);
  return `${qualifierText(q.qualifier)}${formatNumber(q.value, q.decimals)}${q.scale ? ` ${q.scale}` : ''}${q.unit ? unitAfterNumber(q.unit) : ''}`;
}

/** A qualifier as a figure's words start: "approx. ", "at least ", or nothing. */
function qualifierText(qualifier: string | undefined): string {
  return qualifier ? `${qualifier === 'approx' ? 'approx.' : qualifier.replace(/_/g, ' ')} ` : '';
}
