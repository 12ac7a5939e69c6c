/**
 * Figures as the briefing model needs them beyond what canvas/format.ts prints (every figure a reader sees, which
 * this file passes on): axis titles of charts, and negatives put in parentheses where a theme says so.
 */
import type { Metric, Quantity } from '../validate/schema.ts';
import { CURRENCY_PREFIXES, currencyPrefix, isCurrency } from '../canvas/currencies.ts';
import { MINUS } from '../canvas/format.ts';
import { escapeRegExp } from '../words.ts';
import { localFigures, type LocalFigures } from '../canvas/local-figures.ts';
import { SAYS_FORECAST, SAYS_TARGET } from '../canvas/text-periods.ts';

/** Figures as the briefing prints them (canvas/format.ts, which validate/ reads what a reference prints with too). */
export { formatChange, formatMetricValue, formatQuantity, MINUS } from '../canvas/format.ts';

/** Dates print as the checks quote them (canvas/dates.ts): "30 Sep 2025", in en-US "Sep 30, 2025". */
export { formatDate } from '../canvas/dates.ts';

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

/**
 * A figure's period as a card or table prints it beside the figure standing on its own: a forecast's or target's with
 * what it is, "FY2025 (forecast)", "End of 2025 (target)", so that a reader does not take it for a reported figure;
 * as written for any other figure, and where `words` (the period, and the label printed beside it) say so already
 * ("EPS guidance", "Target for end of 2025").
 */
export function aheadPeriod(m: Pick<Metric, 'period' | 'period_type'>, ...words: string[]): string {
  return m.period + aheadMark(m, m.period, ...words);
}

/** " (forecast)" or " (target)" to print after a forecast's or target's period (or label), unless `words` say so already; else "". */
export function aheadMark(m: Pick<Metric, 'period_type'>, ...words: string[]): string {
  if (m.period_type !== 'forecast' && m.period_type !== 'target') return '';
  const says = m.period_type === 'target' ? (w: string) => SAYS_FORECAST.test(w) || SAYS_TARGET.test(w) : (w: string) => SAYS_FORECAST.test(w);
  return words.some(says) ? '' : ` (${m.period_type})`;
}
