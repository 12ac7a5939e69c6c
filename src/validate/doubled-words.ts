/**
 * doubled-words: words a text writes beside a reference that the reference prints itself. `[[id]]` prints its metric's
 * whole phrase (qualifier, value, scale, unit words, currency sign; `.change` its basis, "+34% YoY"), so "employed
 * [[staff]] employees" prints "employed 48,350 employees employees", "over [[downloads]]" of a figure qualified over
 * "over over 300 million downloads", "US$[[revenue]]" "US$US$5.6 billion", "[[margin]]%" "12.3%%". Read from what the
 * reference prints (canvas/format.ts, as the briefing prints it, in briefing.language), case aside, a word and its
 * plural alike: the words joined to the reference by spaces alone (or nothing) against the words it starts or ends with.
 * Besides the same words, a currency (sign, code or name) beside a figure that prints one ("$[[revenue]]" of US$5.6
 * billion, "[[revenue]] dollars"), and a scale after a figure that ends in one ("[[revenue]] million" of RMB 39.8
 * billion) double it too.
 */
import type { CanvasInput } from './schema.ts';
import type { Finding } from './findings.ts';
import type { MetricIndex } from '../canvas/series.ts';
import { metricPart } from '../canvas/format.ts';
import { localFigures } from '../canvas/local-figures.ts';
import { CURRENCY_PREFIXES, CURRENCY_WORDS, isCurrency } from '../canvas/currencies.ts';
import { resolveRef } from '../canvas/series.ts';
import { quote } from '../errors.ts';
import { escapeRegExp, listOf } from '../words.ts';
import { textReferences } from './referring-texts.ts';

/** Words of the text a reference prints too, and what of the figure they repeat (its words, its currency, its scale). */
interface Doubled { words: Word[]; what: string }

/** A word as read: as written, and its key (lower case, singular: "Employees" -> "employee"; "%" for "percent"). */
interface Word { text: string; key: string; start: number; end: number }

/** The currency signs amounts print with ("US$", "RMB", "€", "$"), longest first. */
const SIGNS = [...new Set(CURRENCY_PREFIXES.map((p) => p.trim()))].sort((a, b) => b.length - a.length);
/**
 * A word: a currency sign, letters and digits (joined by a hyphen, point, comma, slash or apostrophe inside:
 * "year-on-year", "48,350", "y/y", "company's"), or a percent or per mille sign.
 */
const WORD = new RegExp(`${SIGNS.map(escapeRegExp).join('|')}|[\\p{L}\\p{M}\\p{N}]+(?:[-.,/'\u2019][\\p{L}\\p{M}\\p{N}]+)*|[%\u2030\u2031]|\\p{Sc}`, 'gu');
/** Words that mean what the printed ones do: a percent, a year-on-year basis. */
const SAME: Record<string, string> = { percent: '%', pct: '%', 'year-on-year': 'yoy', 'year-over-year': 'yoy', 'y/y': 'yoy', 'y-o-y': 'yoy' };
/** Two or three words that are one printed word: "per cent" is %, "year on year" YoY. */
const PHRASES: Array<[string[], string]> = [[['per', 'cent'], '%'], [['year', 'on', 'year'], 'yoy'], [['year', 'over', 'year'], 'yoy']];
/** Words after which a point is part of the word ("approx. [[x]]"), not a sentence's end. */
const ABBREVIATIONS = new Set(['approx', 'ca', 'c']);
/** Currency names that are English words too ("real growth", "contracts won"): read as currency only as signs or codes. */
const NOT_ONLY_CURRENCY = new Set(['real', 'won', 'sterling']);
const SCALES = new Set(['thousand', 'million', 'billion', 'trillion', 'mn', 'mln', 'bn', 'tn']);
/** How many words on each side are compared: enough for "more than", "million downloads", "year on year". */
const MOST = 3;

export function doubledWords(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const language = canvas.briefing?.language;
  const scales = new Set([...SCALES, ...[...(localFigures(language)?.scaleWords ?? [])].map((w) => keyOf(w))]);
  const found: Finding[] = [];
  for (const { ref, text, path, nth } of textReferences(canvas)) {
    const id = resolveRef(index, ref.id!);
    const m = index.metrics[id];
    if (m === undefined) continue; // check-references.ts says so
    const printed = metricPart(m, ref.part!, language);
    const own = wordsOf(printed);
    if (own.length === 0) continue;
    const end = ref.index + ref.token.length;
    const before = wordsBefore(text, ref.index);
    const after = wordsAfter(text, end);
    const [first, last] = [repeated(before, own, 'before', scales), repeated(after, own, 'after', scales)];
    if (first === undefined && last === undefined) continue;
    // What prints: the doubled words and the figure, with a word the other side for where it is.
    const lead = first?.words ?? before.slice(-1);
    const tail = last?.words ?? after.slice(0, 1);
    const shown = `${lead.length === 0 ? '' : text.slice(lead[0]!.start, ref.index)}${printed}${tail.length === 0 ? '' : text.slice(end, tail.at(-1)!.end)}`;
    const written = (d: Doubled) => quote(text.slice(d.words[0]!.start, d.words.at(-1)!.end));
    const drops = [...(first ? [`${written(first)} before`] : []), ...(last ? [`${written(last)} after`] : [])];
    const what = [...new Set([first?.what, last?.what].filter((w) => w !== undefined))];
    found.push({
      path,
      needle: ref.token,
      nth,
      rule: 'doubled-words',
      metrics: [id],
      message: `text prints ${quote(shown)}: ${ref.token} prints ${quote(printed)}, ${listOf(what, 'and')} included. Drop ${drops.join(' and ')} ${ref.token}${what.includes('its scale') ? ' (or, if the scale is wrong, correct the metric\'s scale)' : ''}; if the words are meant, acknowledge the finding`,
    });
  }
  return found;
}

/** The words of `text` (a figure as printed, or text beside a reference), with their places. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [...text.matchAll(WORD)].map((w) => ({ text: w[0], key: keyOf(w[0]), start: w.index, end: w.index + w[0].length }));
  // "per cent", "year on year": one word, as the figure prints it (%, YoY).
  for (let i = 0; i < words.length; i++) {
    for (const [phrase, key] of PHRASES) {
      const run = words.slice(i, i + phrase.length);
      if (run.length === phrase.length && run.every((w, j) => w.key === phrase[j] && (j === 0 || /^\s+$/.test(text.slice(run[j - 1]!.end, w.start))))) {
        words.splice(i, phrase.length, { text: text.slice(run[0]!.start, run.at(-1)!.end), key, start: run[0]!.start, end: run.at(-1)!.end });
      }
    }
  }
  return words;
}

/** A word's key: lower case, singular ("employees" -> "employee", "companies" -> "company"), as SAME reads it. */
function keyOf(word: string): string {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (SAME[lower] !== undefined) return SAME[lower];
  if (!/^\p{L}+$/u.test(lower) || lower.length <= 3) return lower.replace(/['\u2019]s$/, '').replace(/(?<=\d),(?=\d{3})/g, '');
  if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(lower)) return lower; // "business", "status", "basis": no plural
  if (/(?:s|x|z|ch|sh)es$/.test(lower)) return lower.slice(0, -2);
  return lower.replace(/s$/, '');
}

/** The words right before `at` joined to it by spaces alone (or nothing), in order: stopped by any other mark. */
function wordsBefore(text: string, at: number): Word[] {
  const from = Math.max(0, at - 80);
  const words = wordsOf(text.slice(from, at)).map((w) => ({ ...w, start: w.start + from, end: w.end + from }));
  if (from > 0) words.shift(); // perhaps cut
  const joined: Word[] = [];
  let next = at;
  for (const w of words.reverse()) {
    const gap = text.slice(w.end, next);
    if (!/^\s*$/.test(gap) && !(ABBREVIATIONS.has(w.key) && /^\.\s*$/.test(gap))) break;
    joined.unshift(w);
    if (joined.length === MOST) break;
    next = w.start;
  }
  return joined;
}

/** The words right after `at` joined to it by spaces alone (or nothing), in order. */
function wordsAfter(text: string, at: number): Word[] {
  const to = Math.min(text.length, at + 80);
  const words = wordsOf(text.slice(at, to)).map((w) => ({ ...w, start: w.start + at, end: w.end + at }));
  if (to < text.length) words.pop(); // perhaps cut
  const joined: Word[] = [];
  let last = at;
  for (const w of words) {
    if (!/^\s*$/.test(text.slice(last, w.start)) || joined.length === MOST) break;
    joined.push(w);
    last = w.end;
  }
  return joined;
}

/**
 * The words of `beside` (the text's, joined to the reference on `side`) that repeat those the figure prints at that
 * side (`own`: all its words): the most words alike ("more than", "million downloads"), or a currency beside an amount
 * that prints one at either end ("$[[revenue]]" of US$5.6 billion, "[[revenue]] dollars", "€ [[umsatz]]" of "1.234,5
 * Mio. €"), or a scale after a figure that ends in one ("[[revenue]] million" of RMB 39.8 billion).
 */
function repeated(beside: Word[], own: Word[], side: 'before' | 'after', scales: Set<string>): Doubled | undefined {
  for (let k = Math.min(beside.length, own.length, MOST); k >= 1; k--) {
    const theirs = side === 'before' ? beside.slice(-k) : beside.slice(0, k);
    const ours = side === 'before' ? own.slice(0, k) : own.slice(-k);
    if (theirs.every((w, i) => w.key === ours[i]!.key)) return { words: theirs, what: k === 1 && isCurrencyWord(ours[0]!) ? 'its currency' : `${quote(ours.map((w) => w.text).join(' '))}` };
  }
  const next = side === 'before' ? beside.at(-1) : beside[0];
  if (next === undefined || !isCurrencyWord(next) && !scales.has(next.key)) return undefined;
  const [first, last] = [own[0]!, own.at(-1)!];
  // Before the figure, a name ("the yuan [[rate]]") only where the figure opens with its currency.
  const money = side === 'after' ? isCurrencyWord(first) || isCurrencyWord(last) : isCurrencyWord(first) || (isCurrencyWord(last) && !CURRENCY_WORDS.has(next.text.toLowerCase()));
  if (isCurrencyWord(next) && money) return { words: [next], what: 'its currency' };
  if (side === 'after' && scales.has(next.key) && scales.has(last.key)) return { words: [next], what: 'its scale' };
  return undefined;
}

/** A currency sign ("US$", "€"), an ISO code ("EUR") or a currency's name ("dollars", "yuan") that is no other English word. */
function isCurrencyWord(w: Word): boolean {
  if (SIGNS.includes(w.text) || /^\p{Sc}$/u.test(w.text) || (/^[A-Z]{3}$/.test(w.text) && isCurrency(w.text))) return true;
  return CURRENCY_WORDS.has(w.text.toLowerCase()) && !NOT_ONLY_CURRENCY.has(w.text.toLowerCase());
}
