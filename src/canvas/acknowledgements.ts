/**
 * Whether the canvas acknowledges a finding (data_notes.acknowledged): one rule for `check`, which marks the finding
 * acknowledged, and for the briefing, which then explains it in the data notes instead of printing it as a disagreement
 * nobody explained. Two rules would let `check` pass what the briefing prints as unexplained, or the reverse.
 *
 * A finding of figures that disagree is about one figure besides its metrics: the figure typed into the text, the
 * stated change, the sum of the shares or of the parts, the equivalent. The metrics stay when that figure changes (a
 * second typo about revenue, a stated change edited from +12% to +21%, a region table added over the same total), so an
 * acknowledgement names that figure too (`figure:`), and accepts only a finding about it: by the metrics alone it would
 * pass, unread, every later error about them, under the reason written for the first.
 */
import { ENGLISH, inEnglish, typedAmounts, type Notation } from './typed-amounts.ts';
import { changeDecimals, decimalsOf, scaleFactor, SCALE_FACTOR } from './numbers.ts';
import { localFigures, type Scale } from './local-figures.ts';
import { escapeRegExp } from '../words.ts';
import type { Metric } from '../validate/schema.ts';
import { marginDigits } from './margins.ts';

/** Rules about parts of a total, whose acknowledgement may name the total alone (its reason is the total's: inter-segment sales). */
const PARTS_RULES = new Set(['parts-over-total', 'parts-under-total']);

/**
 * Rules of figures that disagree, whose findings are about a figure their metrics do not fix: acknowledged by that figure
 * too. typed-figure's only where it disagrees (a typed change against the figure's; its findings of advice name no figure).
 */
export const PINNED_RULES: ReadonlySet<string> = new Set(['typed-mismatch', 'typed-figure', 'change-mismatch', 'margin-mismatch', 'leverage-mismatch', 'share-over-100', 'parts-over-total', 'parts-under-total', 'exchange-rate', 'rounded-cell']);

/** A figure as a number (in units: 1.18e9 for "EUR 1,180 million"; 12 for "+12%") and what its last digit counts. */
export interface FigureValue {
  value: number;
  step: number;
  /**
   * Of a typed change, whose sign is its direction ("fell 12%" is −12%): an acknowledgement's figure is read signed by its
   * sign or its word of direction ("−12%", "fell 12%", "down 120 bps"). `either`: one that gives neither (typed-mismatch's,
   * written before its changes were signed: "12% against +6.3%") accepts it in either direction, as it did.
   */
  direction?: 'signed' | 'either';
}

/**
 * The figure a finding is about as check prints it: `value` to `decimals` digits, in `scale`. check and the briefing
 * both pin a finding so, from the same numbers and digits, and so accept the same acknowledgements.
 */
export function printedFigure(value: number, decimals: number, scale?: 'thousand' | 'million' | 'billion' | 'trillion'): FigureValue {
  const factor = scaleFactor(scale);
  return { value: Number(value.toFixed(Math.min(20, decimals))) * factor, step: 10 ** -decimals * factor };
}

/**
 * A change as check quotes it, in the digits the stated change has (a tenth at least; more for one that would read as
 * none): the stated change of a change-mismatch, and the change its figures give, which it is set against.
 */
export function changePin(change: number, stated = change): FigureValue {
  return printedFigure(change, changeDecimals(change, Math.max(1, decimalsOf(stated))));
}

/** A figure's equivalent as check quotes it, in its own digits and scale: the figure an exchange-rate acknowledgement names. */
export function equivalentPin(m: Pick<Metric, 'equivalent'>): FigureValue {
  const eq = m.equivalent!;
  return printedFigure(eq.value, eq.decimals ?? decimalsOf(eq.value), eq.scale);
}

/** A metric's value as check quotes it, in its own digits and scale: the figure a disagreement is set against. */
export function valuePin(m: Pick<Metric, 'value' | 'decimals' | 'scale'>): FigureValue {
  return printedFigure(m.value!, m.decimals ?? decimalsOf(m.value!), m.scale);
}

/*
 * What a finding of each rule of figures that disagree is pinned by, for check (validate/) and the briefing (model/)
 * alike: one builder per rule, so that the two cannot come to pin one finding differently.
 */

/** change-mismatch: the stated change against the change its figures give (`written`). */
export function changeMismatchPins(stated: number, written: number): FigureValue[] {
  return [changePin(stated), changePin(written, stated)];
}

/** margin-mismatch: the margin as written against the margin its profit and revenue give (`written`), in the margin's digits (a tenth at least). */
export function marginMismatchPins(margin: Pick<Metric, 'value' | 'decimals' | 'scale'>, written: number): FigureValue[] {
  return [valuePin(margin), printedFigure(written, marginDigits(margin))];
}

/** leverage-mismatch: the multiple as written against the one its net debt and EBITDA give (`written`), in its digits (a tenth at least), as a margin's. */
export function leverageMismatchPins(leverage: Pick<Metric, 'value' | 'decimals' | 'scale'>, written: number): FigureValue[] {
  return marginMismatchPins(leverage, written);
}

/** parts-over-total, parts-under-total: what the parts add up to (`written`, to `decimals` in the total's scale) against the total. */
export function partsPins(written: number, decimals: number, total: Pick<Metric, 'value' | 'decimals' | 'scale'>): FigureValue[] {
  return [printedFigure(written, decimals, total.scale), valuePin(total)];
}

/** The digits a sum of shares is quoted in: a tenth at most. */
export function shareDecimals(sum: number): number {
  return Math.min(1, decimalsOf(sum));
}

/** share-over-100: what the shares add up to. */
export function sharesPins(sum: number): FigureValue[] {
  return [printedFigure(sum, shareDecimals(sum))];
}

/** exchange-rate: the figure's equivalent against its amount. */
export function exchangePins(m: Pick<Metric, 'value' | 'decimals' | 'scale' | 'equivalent'>): FigureValue[] {
  return [equivalentPin(m), valuePin(m)];
}

/**
 * The figure `text` writes, read as `notation` writes numbers: an amount of money as the typed-figure rules read it
 * ("EUR 1,180 million", "1.180 Mio. €"), else its first number with its sign and scale ("+12.0%", "−1.2 pp", "104%", "1,264 million users").
 */
export function figureIn(text: string, notation: Notation): FigureValue | undefined {
  const [money] = typedAmounts(text, notation);
  if (money) return { value: money.value, step: money.step };
  const match = /([-\u2212\u2013]?)\s*(\d+(?:[.,]\d+)*)(?:\s+(thousand|million|billion|trillion)\b)?/.exec(text);
  if (!match) return undefined;
  const [, sign, digits, scale] = match;
  // As English writes it, without its group marks: "1.234,5" in German is 1234.5.
  const english = inEnglish(digits!, notation).replace(/,/g, '');
  const number = Number(english);
  if (!Number.isFinite(number)) return undefined;
  const factor = scaleFactor(scale as 'million' | undefined);
  const decimals = english.includes('.') ? english.length - english.indexOf('.') - 1 : 0; // as written: "+12.0%" to a tenth
  return { value: (sign ? -number : number) * factor, step: 10 ** -decimals * factor };
}

/**
 * Whether `ack` accepts a finding of `rule` about `metrics` (ids as the acknowledgement's are: references resolved) and,
 * for a rule of figures that disagree, about `figure`: it names the rule and every metric of the finding (or, for parts
 * of a total (`metrics[0]`), that total alone: only alone, as an acknowledgement of the group's total that lists the
 * segments' totals among its metrics must not pass a segment's own parts over or under it, a typo in one of them); and
 * its `figure`, where it names one, is the finding's, as either rounds it. One without a figure accepts any (check says
 * so: unpinned-acknowledgement).
 */
export function acknowledges(
  ack: { rule: string; metrics: Iterable<string>; figure?: string },
  rule: string,
  metrics: readonly string[],
  figures: readonly FigureValue[] | undefined,
  notation: Notation,
  /** The canvas's briefing.language: its figures as the briefing prints them read too ("188,5 Mio. US$"). */
  language?: string,
): boolean {
  if (ack.rule !== rule) return false;
  const listed = new Set(ack.metrics);
  if (!(metrics.every((id) => listed.has(id)) || (PARTS_RULES.has(rule) && listed.size === 1 && listed.has(metrics[0]!)))) return false;
  if (ack.figure === undefined || !PINNED_RULES.has(rule)) return true;
  // Each figure as check quotes it, "+3.0% against −2.5%": the one the finding is about and what it is set against (the
  // change its figures give, the total, the canvas's figure), so that neither side moves unread. Each may be written as the
  // canvas's language writes numbers (as check quotes it), or the English way (as check quoted it before): "+12,4 %" and "+12.4%" in German.
  const named = ack.figure.split(AGAINST);
  return figures !== undefined && named.length === figures.length && named.every((text, i) => {
    const against = figures[i]!;
    const direction = against.direction === undefined ? undefined : directionIn(text);
    return ackFigures(text, notation, language).some((f) => {
      const read = direction === undefined ? f : { ...f, value: direction * Math.abs(f.value) };
      return sameFigure(read, against) || (direction === undefined && against.direction === 'either' && sameFigure({ ...read, value: -read.value }, against));
    });
  });
}

/** Words of a change upwards, and downwards, as a typed change is written in English, German and Chinese, Japanese or Korean. */
const UP_WORDS = /(?<!\p{L})(?:up|rose|grew|increased|climbed|jumped|gained|widened|expanded|plus|stieg|gestiegen|wuchs|gewachsen)(?!\p{L})|増|增|上升|提升|증가/iu;
const DOWN_WORDS = /(?<!\p{L})(?:down|fell|declined|dropped|decreased|slipped|narrowed|contracted|compressed|minus|sank|gesunken|rückgang)(?!\p{L})|減|减|下降|下滑|下跌|低下|감소|하락/iu;

/** The direction an acknowledgement's figure of a change gives: its sign before its number, else its one word of direction ("fell 12%"); none, undefined. */
function directionIn(text: string): 1 | -1 | undefined {
  const sign = /^[^\d\uFF10-\uFF19]*?([+\uFF0B]|[-\u2212\u2013])\s*[\d\uFF10-\uFF19]/u.exec(text);
  if (sign) return sign[1] === '+' || sign[1] === '\uFF0B' ? 1 : -1;
  const up = UP_WORDS.test(text);
  const down = DOWN_WORDS.test(text);
  return up === down ? undefined : up ? 1 : -1;
}

/** What joins the figures of a disagreement as check quotes them: "+3.0% against −2.5%". */
export const AGAINST = /\s+against\s+/i;

/**
 * What an acknowledgement's figure may read as: in the canvas's notation, as check quotes figures in the canvas's
 * `language` (its scale words and currency signs as the briefing prints them: "188,5 Mio. US$", "188,5 M £", which
 * figureIn reads as 188.5 alone), and in the English one (acknowledgements written before check quoted them so).
 */
export function ackFigures(text: string, notation: Notation, language?: string): FigureValue[] {
  return [figureIn(text, notation), printedFigureIn(text, notation, language), ...(notation === ENGLISH ? [] : [figureIn(text, ENGLISH)])].filter((f) => f !== undefined);
}

/** The first figure in `text` as the briefing prints one in `language` (local-figures.ts): its number, then its scale word, if any. */
function printedFigureIn(text: string, notation: Notation, language: string | undefined): FigureValue | undefined {
  const local = localFigures(language);
  if (local === undefined) return undefined;
  // The longest word first ("mil M", a billion in Spanish, before "mil", a thousand).
  const words = (Object.keys(SCALE_FACTOR) as Scale[]).map((scale) => ({ scale, word: local.scale(scale) })).sort((a, b) => b.word.length - a.word.length);
  const marks = escapeRegExp(`${local.group}${local.decimal}`);
  const match = new RegExp(String.raw`([-−–]?)\s*(\d+(?:[${marks}\s]\d+)*)(?:\s+(${words.map((w) => escapeRegExp(w.word)).join('|')})(?![\p{L}]))?`, 'u').exec(text);
  if (!match) return undefined;
  const [, sign, digits, word] = match;
  const english = inEnglish(digits!, notation).replace(/\s/g, ''); // a space between groups (French) too
  const number = Number(english);
  if (!Number.isFinite(number)) return undefined;
  const factor = scaleFactor(words.find((w) => w.word === word)?.scale);
  const decimals = english.includes('.') ? english.length - english.indexOf('.') - 1 : 0;
  return { value: (sign ? -number : number) * factor, step: 10 ** -decimals * factor };
}

/** Two figures that are one as either side rounds it: "+12%" is +12.0%; "US$5.6 billion" is US$5.56 billion written to a tenth. */
function sameFigure(a: FigureValue, b: FigureValue): boolean {
  return Math.abs(a.value - b.value) <= Math.max(a.step, b.step) / 2 + 1e-9 * Math.max(Math.abs(a.value), Math.abs(b.value));
}
