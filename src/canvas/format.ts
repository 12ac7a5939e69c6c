/**
 * Figures as the briefing prints them: the one place a metric (or a part of one a [[reference]] names) becomes the text
 * a reader sees. model/ prints every figure with it (model/format.ts adds what only the briefing needs: axis titles,
 * negatives in parentheses), and validate/ reads what a reference will print with it (the words it starts and ends with).
 * Rules (documented in docs/canvas.md): thousands separators, the source's precision,
 * currency before the number (RMB 39.8 billion, US$5.6 billion; in en-US $5.6 billion, as currencies.ts says), scale and unit always
 * written out, a true minus sign (U+2212, MINUS) for negatives: "−RMB 126.6 billion", "−12% YoY".
 * Plain numbers come from numbers.ts. In a canvas whose briefing.language writes
 * numbers otherwise (German, French, Italian, Dutch, Spanish, Portuguese, Swiss German ...) every figure follows that
 * language instead (local-figures.ts): "1.234,5 Mio. €", "−42,7 M €", "+8,2 % YoY"; English and the languages that
 * write numbers as it does print as above.
 */
import type { Metric, Quantity } from '../validate/schema.ts';
import type { MetricPart } from './references.ts';
import { decimalsOf, formatNumber, unitAfterNumber } from './numbers.ts';
import { currencyPrefix, isCurrency } from './currencies.ts';
import { formatDate } from './dates.ts';
import { localFigures, type LocalFigures } from './local-figures.ts';

type Change = NonNullable<Metric['change']>;

export const QUALIFIER_TEXT: Record<NonNullable<Quantity['qualifier']>, string> = {
  approx: 'approx.', about: 'about', roughly: 'roughly', over: 'over', more_than: 'more than',
  at_least: 'at least', nearly: 'nearly', up_to: 'up to', under: 'under',
};

/** The minus sign of every negative figure a reader sees: U+2212, as wide as a plus and a digit, never a hyphen. */
export const MINUS = '\u2212';

/** A quantity as prose: "over 600 million downloads", "RMB 39.8 billion", "−RMB 126.6 billion", "12.3%"; in German "1.234,5 Mio. €". */
export function formatQuantity(q: Quantity, language?: string): string {
  const local = localFigures(language);
  if (local) return qualified(q, localQuantity(q, local));
  const number = formatNumber(Math.abs(q.value), q.decimals ?? decimalsOf(q.value));
  const sign = q.value < 0 && /[1-9]/.test(number) ? MINUS : ''; // a value rounded to zero has no sign
  const scale = q.scale ? ` ${q.scale}` : '';
  let body: string;
  if (isCurrency(q.unit)) body = `${sign}${currencyPrefix(q.unit, language)}${number}${scale}`;
  else body = `${sign}${number}${scale}${unitAfterNumber(q.unit, q.scale !== undefined)}`;
  return qualified(q, body);
}

function qualified(q: Quantity, body: string): string {
  return q.qualifier ? `${QUALIFIER_TEXT[q.qualifier]} ${body}` : body;
}

/** No-break space: inside a figure in another language's notation, as Intl writes it, so that it never breaks over two lines. */
const NBSP = '\u00a0';

/** A quantity in a language of another notation: "1.234,5 Mio. €", "−42,7 M €", "€ 1.234,5 mln.", "7,2 %", "3,4 GW". */
function localQuantity(q: Quantity, local: LocalFigures): string {
  const number = local.number(q.value, q.decimals ?? decimalsOf(q.value));
  const sign = q.value < 0 && /[1-9]/.test(number) ? MINUS : '';
  const scaled = q.scale ? `${number}${NBSP}${local.scale(q.scale)}` : number;
  if (isCurrency(q.unit)) return `${sign}${local.currency(scaled, currencyPrefix(q.unit).trim())}`;
  if (q.unit === 'percent') return `${sign}${local.percent(scaled)}`;
  return `${sign}${scaled}${unitAfterNumber(q.unit, q.scale !== undefined).replace(/^ /, NBSP)}`;
}

/** A metric's value with its stated equivalent: "RMB 39.8 billion (US$5.6 billion)"; text facts as written. */
export function formatMetricValue(m: Metric, language?: string): string {
  if (m.value === undefined) return m.text ?? '';
  const main = formatQuantity({ value: m.value, unit: m.unit!, scale: m.scale, qualifier: m.qualifier, decimals: m.decimals }, language);
  return m.equivalent ? `${main} (${formatQuantity(m.equivalent, language)})` : main;
}

/** A change with its basis: "+34% YoY", "−12% YoY", "+1.2 pp YoY", "triple-digit YoY"; in German "+8,2 % YoY". */
export function formatChange(c: Change, language?: string): string {
  const basis = c.basis ?? 'YoY';
  const local = localFigures(language);
  const signed = (n: number) => {
    const digits = local ? local.number(n, c.decimals ?? decimalsOf(n)) : formatNumber(Math.abs(n), c.decimals);
    return !/[1-9]/.test(digits) ? digits : n > 0 ? `+${digits}` : `${MINUS}${digits}`; // a change rounded to zero has no sign
  };
  const parts: string[] = [];
  if (c.percent !== undefined) parts.push(local ? local.percent(signed(c.percent)) : `${signed(c.percent)}%`);
  if (c.points !== undefined) parts.push(`${signed(c.points)}${local ? NBSP : ' '}pp`);
  if (c.text !== undefined) parts.push(c.text);
  // A change told only in words ("swung to a loss") reads as written: a basis is added only when the canvas gives one.
  if (c.percent === undefined && c.points === undefined && c.basis === undefined) return parts.join(', ');
  return `${parts.join(', ')} ${basis}`;
}

/**
 * One part of a metric as text: its value (default, with equivalent), amount (value alone), size (the value and its
 * equivalent without their minus: "a net loss of [[net_income.size]]"), equivalent, change, period, as-of date, label,
 * source or note. Figures follow `language` (briefing.language: format.ts).
 */
export function metricPart(m: Metric, part: MetricPart, language?: string): string {
  switch (part) {
    case 'value': return formatMetricValue(m, language);
    case 'amount': return formatMetricValue({ ...m, equivalent: undefined }, language);
    case 'size': return formatMetricValue(m.value === undefined ? m : { ...m, value: Math.abs(m.value), equivalent: m.equivalent && { ...m.equivalent, value: Math.abs(m.equivalent.value) } }, language);
    case 'equivalent': return m.equivalent ? formatQuantity(m.equivalent, language) : '';
    case 'change': return m.change ? formatChange(m.change, language) : '';
    case 'period': return m.period;
    case 'as_of': return m.as_of ? formatDate(m.as_of, language) : '';
    case 'label': return m.label;
    case 'source': return m.source ?? '';
    case 'note': return m.note ?? '';
  }
}
