/**
 * Figures as finding messages write them: "RMB 31,127 million", "approx. US$4.4 billion", "56 million members", "12.5%";
 * in a canvas whose briefing.language writes numbers otherwise (German, French ...), as the briefing prints them there
 * (canvas/format.ts): "1.318 Mio. €", "1,32 Mrd. €", "+5,0 %", never "€1,318 million", which a German reader takes for
 * 1.318 million.
 */
import type { Quantity } from './schema.ts';
import { currencyPrefix, isCurrency } from '../canvas/currencies.ts';
import { formatNumber, unitAfterNumber } from '../canvas/numbers.ts';
import { formatChange, formatQuantity } from '../canvas/format.ts';
import { localFigures } from '../canvas/local-figures.ts';

/** A figure as messages take it: a metric, its equivalent, or an amount typed. */
export interface FigureQuantity { value: number; unit?: string; scale?: string; qualifier?: string; decimals?: number }

/**
 * An amount as the briefing prints it, in its own currency and scale: "RMB 31,127 million", "approx. US$4.4 billion";
 * with its currency as `language` (briefing.language) prints it: "$4.4 billion" in en-US, "1.318 Mio. €" in German.
 */
export function amount(q: FigureQuantity, language?: string): string {
  const local = localFigure(q, language);
  if (local !== undefined) return local;
  const number = formatNumber(Math.abs(q.value), q.decimals);
  return `${qualifierText(q.qualifier)}${q.value < 0 && /[1-9]/.test(number) ? '-' : ''}${currencyPrefix(q.unit ?? '', language)}${number}${q.scale ? ` ${q.scale}` : ''}`;
}

/** A figure of any unit as messages write it: an amount of money as amount() does, else "56 million members", "12.5%" ("12,5 %" in German). */
export function figure(q: FigureQuantity, language?: string): string {
  if (isCurrency(q.unit ?? '')) return amount(q, language);
  const local = localFigure(q, language);
  if (local !== undefined) return local;
  return `${qualifierText(q.qualifier)}${formatNumber(q.value, q.decimals)}${q.scale ? ` ${q.scale}` : ''}${q.unit ? unitAfterNumber(q.unit, q.scale !== undefined) : ''}`;
}

/** A figure as the briefing prints it in a language of another notation than English (formatQuantity): "12,5 %"; undefined in English's. */
export function localFigure(q: FigureQuantity, language: string | undefined): string | undefined {
  if (localFigures(language) === undefined) return undefined;
  return formatQuantity({ ...q, unit: q.unit ?? '', scale: q.scale as Quantity['scale'], qualifier: q.qualifier as Quantity['qualifier'] }, language).trimEnd();
}

/**
 * A change as the briefing prints one in a language of another notation than English (formatChange): "+5,0 %", "−1,2 pp",
 * with `basis` where given ("+5,0 % ggü. Vorjahr"); undefined in English's, whose messages write changes their own way.
 */
export function localChange(value: number, decimals: number, kind: 'percent' | 'points', language: string | undefined, basis?: string): string | undefined {
  if (localFigures(language) === undefined) return undefined;
  return formatChange(kind === 'percent' ? { percent: value, decimals, basis: basis ?? '' } : { points: value, decimals, basis: basis ?? '' }, language).trimEnd();
}

/** A qualifier as a figure's words start: "approx. ", "at least ", or nothing. */
function qualifierText(qualifier: string | undefined): string {
  return qualifier ? `${qualifier === 'approx' ? 'approx.' : qualifier.replace(/_/g, ' ')} ` : '';
}
