/**
 * Number formatting: the one place a metric becomes the text a reader sees.
 * Rules (documented in docs/canvas.md): thousands separators, the source's precision,
 * currency before the number (RMB 39.8 billion, US$5.6 billion), scale and unit always
 * written out, a true minus sign (U+2212, MINUS) for negatives: "−RMB 126.6 billion", "−12% YoY".
 * Plain numbers come from canvas/numbers.ts, which the validator shares.
 */
import type { Metric, Quantity } from '../validate/schema.ts';
import { decimalsOf, formatNumber, unitAfterNumber } from '../canvas/numbers.ts';
import { CURRENCY_PREFIXES, currencyPrefix, isCurrency } from '../canvas/currencies.ts';
import { escapeRegExp } from '../words.ts';

/** Dates print as the checks quote them (canvas/dates.ts). */
export { formatDate } from '../canvas/dates.ts';

type Change = NonNullable<Metric['change']>;

const QUALIFIER_TEXT: Record<NonNullable<Quantity['qualifier']>, string> = {
  approx: 'approx.', about: 'about', roughly: 'roughly', over: 'over', more_than: 'more than',
  at_least: 'at least', nearly: 'nearly', up_to: 'up to', under: 'under',
};

/** The minus sign of every negative figure a reader sees: U+2212, as wide as a plus and a digit, never a hyphen. */
export const MINUS = '\u2212';

/** A quantity as prose: "over 600 million downloads", "RMB 39.8 billion", "−RMB 126.6 billion", "12.3%". */
export function formatQuantity(q: Quantity): string {
  const number = formatNumber(Math.abs(q.value), q.decimals ?? decimalsOf(q.value));
  const sign = q.value < 0 && /[1-9]/.test(number) ? MINUS : ''; // a value rounded to zero has no sign
  const scale = q.scale ? ` ${q.scale}` : '';
  let body: string;
  if (isCurrency(q.unit)) body = `${sign}${currencyPrefix(q.unit)}${number}${scale}`;
  else body = `${sign}${number}${scale}${unitAfterNumber(q.unit)}`;
  return q.qualifier ? `${QUALIFIER_TEXT[q.qualifier]} ${body}` : body;
}

/** A metric's value with its stated equivalent: "RMB 39.8 billion (US$5.6 billion)"; text facts as written. */
export function formatMetricValue(m: Metric): string {
  if (m.value === undefined) return m.text ?? '';
  const main = formatQuantity({ value: m.value, unit: m.unit!, scale: m.scale, qualifier: m.qualifier, decimals: m.decimals });
  return m.equivalent ? `${main} (${formatQuantity(m.equivalent)})` : main;
}

/** A change with its basis: "+34% YoY", "−12% YoY", "+1.2 pp YoY", "triple-digit YoY". */
export function formatChange(c: Change): string {
  const basis = c.basis ?? 'YoY';
  const signed = (n: number) => {
    const digits = formatNumber(Math.abs(n), c.decimals);
    return !/[1-9]/.test(digits) ? digits : n > 0 ? `+${digits}` : `${MINUS}${digits}`; // a change rounded to zero has no sign
  };
  const parts: string[] = [];
  if (c.percent !== undefined) parts.push(`${signed(c.percent)}%`);
  if (c.points !== undefined) parts.push(`${signed(c.points)} pp`);
  if (c.text !== undefined) parts.push(c.text);
  // A change told only in words ("swung to a loss") reads as written: a basis is added only when the canvas gives one.
  if (c.percent === undefined && c.points === undefined && c.basis === undefined) return parts.join(', ');
  return `${parts.join(', ')} ${basis}`;
}

/** The axis title for a chart's values: "RMB billion", "%", "million members". */
export function unitLabel(unit: string, scale?: string): string {
  if (unit === 'percent') return scale ? `${scale} %` : '%';
  if (isCurrency(unit)) return `${currencyPrefix(unit).trim()}${scale ? ` ${scale}` : ''}`;
  return scale ? `${scale} ${unit}` : unit;
}

/** How negative figures are printed: with a minus sign (MINUS), or in parentheses, as a theme says. */
export type NegativeStyle = 'minus' | 'parentheses';

/** An amount after its minus sign, as formatQuantity and formatChange write it: "RMB 12.4 billion", "12%", "€42.7 million". */
const NEGATIVE = new RegExp(`(?<![\\p{L}\\p{N}])${MINUS}((?:${CURRENCY_PREFIXES.map(escapeRegExp).join('|')}|[A-Z]{3} )?\\d[\\d,.]*%?(?: (?:thousand|million|billion|trillion))?)`, 'gu');

/**
 * The model with every negative figure in parentheses instead of after a minus sign: "(RMB 12.4 billion)",
 * "(12%) YoY", "(3) turbines". Every figure a reader sees is a string of the model written by this file,
 * and MINUS is written nowhere else, so every string is rewritten but the canvas's own words: a piece
 * of prose that is not a figure (RichText without `figure`) stays as written ("2024−2025", "−5%" typed
 * in a paragraph), a figure the prose itself puts in brackets keeps its minus sign, and a minus sign
 * inside a word or after a figure is never a negative's. Numbers (a chart's values) stay negative. Charts are told too, for their axis labels.
 */
export function inParentheses<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    // A negative this file writes in brackets itself (an equivalent: "(NOK 120 million) (−US$11.2 million)") keeps its minus sign.
    if (typeof v === 'string') return v.replace(NEGATIVE, (all: string, figure: string, at: number) => (v[at - 1] === '(' && v[at + all.length] === ')' ? all : `(${figure})`));
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
