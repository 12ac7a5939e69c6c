/**
 * Number formatting: the one place a metric becomes the text a reader sees.
 * Rules (documented in docs/canvas.md): thousands separators, the source's precision,
 * currency before the number (RMB 39.8 billion, US$5.6 billion; in en-US $5.6 billion, as currencies.ts says), scale and unit always
 * written out, a true minus sign (U+2212, MINUS) for negatives: "−RMB 126.6 billion", "−12% YoY".
 * Plain numbers come from canvas/numbers.ts, which the validator shares. In a canvas whose briefing.language writes
 * numbers otherwise (German, French, Italian, Dutch, Spanish, Portuguese, Swiss German ...) every figure follows that
 * language instead (local-figures.ts): "1.234,5 Mio. €", "−42,7 M €", "+8,2 % YoY"; English and the languages that
 * write numbers as it does print as above.
 */
import type { Metric, Quantity } from '../validate/schema.ts';
import { decimalsOf, formatNumber, unitAfterNumber } from '../canvas/numbers.ts';
import { CURRENCY_PREFIXES, currencyPrefix, isCurrency } from '../canvas/currencies.ts';
import { escapeRegExp } from '../words.ts';
import { localFigures, type LocalFigures } from './local-figures.ts';

/** Dates print as the checks quote them (canvas/dates.ts): "30 Sep 2025", in en-US "Sep 30, 2025". */
export { formatDate } from '../canvas/dates.ts';

type Change = NonNullable<Metric['change']>;

const QUALIFIER_TEXT: Record<NonNullable<Quantity['qualifier']>, string> = {
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
  else body = `${sign}${number}${scale}${unitAfterNumber(q.unit)}`;
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
  return `${sign}${scaled}${q.unit === '\u2030' || q.unit === '\u2031' ? '' : NBSP}${q.unit}`;
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

/** The axis title for a chart's values: "RMB billion", "%", "million members"; in German "Mio. €". */
export function unitLabel(unit: string, scale?: Quantity['scale'], language?: string): string {
  const local = localFigures(language);
  if (local) {
    const word = scale ? local.scale(scale) : undefined;
    if (unit === 'percent') return word ? `${word} %` : '%';
    if (isCurrency(unit)) return word ? local.currency(word, currencyPrefix(unit).trim()) : currencyPrefix(unit).trim();
    return word ? `${word} ${unit}` : unit;
  }
  if (unit === 'percent') return scale ? `${scale} %` : '%';
  if (isCurrency(unit)) return `${currencyPrefix(unit, language).trim()}${scale ? ` ${scale}` : ''}`;
  return scale ? `${scale} ${unit}` : unit;
}

/** How negative figures are printed: with a minus sign (MINUS), or in parentheses, as a theme says. */
export type NegativeStyle = 'minus' | 'parentheses';

/** An amount after its minus sign, as formatQuantity and formatChange write it: "RMB 12.4 billion", "12%", "€42.7 million". */
const NEGATIVE = new RegExp(`(?<![\\p{L}\\p{N}])${MINUS}((?:${CURRENCY_PREFIXES.map(escapeRegExp).join('|')}|[A-Z]{3} )?\\d[\\d,.]*%?(?: (?:thousand|million|billion|trillion))?)`, 'gu');

/** An amount after its minus sign as localQuantity and formatChange write it: "1.234,5 Mio. €", "€ 42,7 mln.", "7,2 %", "RMB 1,2 Mrd.". */
function localNegative(local: LocalFigures): RegExp {
  const signs = `(?:${[...CURRENCY_PREFIXES.map((p) => escapeRegExp(p.trim())), '[A-Z]{3}'].join('|')})`;
  const scales = [...local.scaleWords].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'); // "Md" before "M"
  return new RegExp(`(?<![\\p{L}\\p{N}])${MINUS}((?:${signs}\u00a0?)?\\d(?:[.,\u00a0\u202f'\u2019]?\\d)*(?:[\u00a0\u202f]?%)?(?:\u00a0(?:${scales}))?(?:\u00a0?${signs}(?![\\p{L}\\p{N}]))?)`, 'gu');
}

/**
 * The model with every negative figure in parentheses instead of after a minus sign: "(RMB 12.4 billion)",
 * "(12%) YoY", "(3) turbines". Every figure a reader sees is a string of the model written by this file,
 * and MINUS is written nowhere else, so every string is rewritten but the canvas's own words: a piece
 * of prose that is not a figure (RichText without `figure`) stays as written ("2024−2025", "−5%" typed
 * in a paragraph), a figure the prose itself puts in brackets keeps its minus sign, and a minus sign
 * inside a word or after a figure is never a negative's. Numbers (a chart's values) stay negative. Charts are told too, for their axis labels.
 */
export function inParentheses<T>(value: T, language?: string): T {
  const local = localFigures(language);
  const negative = local ? localNegative(local) : NEGATIVE;
  const walk = (v: unknown): unknown => {
    // A negative this file writes in brackets itself (an equivalent: "(NOK 120 million) (−US$11.2 million)") keeps its minus sign.
    if (typeof v === 'string') return v.replace(negative, (all: string, figure: string, at: number) => (v[at - 1] === '(' && v[at + all.length] === ')' ? all : `(${figure})`));
    if (richKind(v) === 'prose') return v;
    // A figure the prose already puts in brackets, "([[x.change]])", keeps its minus sign: "(−4% YoY)", not "((4%) YoY)".
    if (Array.isArray(v)) return v.map((x, i) => (richKind(x) === 'figure' && bracketed(v[i - 1], v[i + 1]) ? x : walk(x)));
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const model = walk(value) as T & { charts?: Array<Record<string, unknown>> };
  if (Array.isArray(model.charts)) model.charts = model.charts.map((c) => ({ ...c, negatives: 'parentheses' }));
  return model;
}

/** What a piece of RichText is: prose the canvas wrote itself, or a figure this file formatted; undefined for anything else. */
function richKind(v: unknown): 'prose' | 'figure' | undefined {
  if (v === null || typeof v !== 'object' || typeof (v as { text?: unknown }).text !== 'string') return undefined;
  return (v as { figure?: unknown }).figure === true ? 'figure' : 'prose';
}

/** True when the prose around a figure opens a bracket right before it and closes one right after it. */
function bracketed(before: unknown, after: unknown): boolean {
  const text = (v: unknown) => (richKind(v) === 'prose' ? (v as { text: string }).text : '');
  return /\($/.test(text(before)) && /^\)/.test(text(after));
}
