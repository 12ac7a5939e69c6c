/**
 * doubled-words: words a text writes beside a reference that the reference prints itself. `[[id]]` prints its metric's
 * whole phrase (qualifier, value, scale, unit words, currency sign; `.change` its basis, "+34% YoY"), so "employed
 * [[staff]] employees" prints "employed 48,350 employees employees", "over [[downloads]]" of a figure qualified over
 * "over over 300 million downloads", "US$[[revenue]]" "US$US$5.6 billion", "[[margin]]%" "12.3%%". Read from what the
 * reference prints (canvas/format.ts, as the briefing prints it, in briefing.language), case aside, a word and its
 * plural alike: the words joined to the reference by spaces alone (or nothing) against the words it starts or ends with.
 * Besides the same words, a currency (sign, code or name) beside a figure that prints one ("$[[revenue]]" of US$5.6
 * billion, "[[revenue]] dollars"), and a scale after a figure that prints one ("[[revenue]] million" of RMB 39.8
 * billion, "[[umsatz]] Mrd. €" of 1.234,5 Mio. €, "[[downloads]] million" of 300 million downloads) double it too.
 * An adverb saying which way a change moved right before one whose sign says so (", up [[revenue.change]]" prints ", up
 * +6.3% YoY"); not a verb or a noun ("rose", "growth of"), which reads well with a sign.
 * Chinese, Japanese and Korean write no spaces: there the characters right beside the reference are read against what
 * it prints ("营收为人民币[[revenue]]", "[[revenue]]亿元", "約[[revenue]]" of about JP¥313 billion, "[[staff]]名" of
 * 48,350 employees).
 */
import type { CanvasInput } from './schema.ts';
import type { Finding } from './findings.ts';
import type { MetricIndex } from '../canvas/series.ts';
import { metricPart, QUALIFIER_TEXT } from '../canvas/format.ts';
import { localFigures } from '../canvas/local-figures.ts';
import { CJK_CURRENCY_SIGNS, CURRENCY_PREFIXES, CURRENCY_WORDS, isCurrency } from '../canvas/currencies.ts';
import { CJK_SCALE_WORDS } from '../canvas/numbers.ts';
import { resolveRef } from '../canvas/series.ts';
import { quote } from '../errors.ts';
import { escapeRegExp, listOf } from '../words.ts';
import { textReferences } from './referring-texts.ts';
import { movedWords } from './moved-words.ts';

/**
 * Words of the text a reference prints too, and what of the figure they repeat (its words, its currency, its scale, its
 * sign); `reword`, the words to write for them where dropping them would leave no sentence ("rose" for "was up").
 */
interface Doubled { words: Word[]; what: string[]; reword?: string }

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
const SAME: Record<string, string> = {
  percent: '%', pct: '%', 'year-on-year': 'yoy', 'year-over-year': 'yoy', 'y/y': 'yoy', 'y-o-y': 'yoy',
  // Words that say what a qualifier or a count's unit prints: "about [[x]]" of "approx. $40 million", "employed [[staff]] people" of "3,140 employees".
  about: 'approx', approx: 'approx', approximately: 'approx', around: 'approx', roughly: 'approx', circa: 'approx', ca: 'approx', c: 'approx',
  // And in German ("rund [[x]]" of "approx. 40 Mio. US$").
  rund: 'approx', etwa: 'approx', ungefähr: 'approx', zirka: 'approx',
  people: 'employee', staff: 'employee', employees: 'employee', employee: 'employee', workers: 'employee', personnel: 'employee',
};
/** Two or three words that are one printed word: "per cent" is %, "year on year" YoY. */
const PHRASES: Array<[string[], string]> = [[['per', 'cent'], '%'], [['year', 'on', 'year'], 'yoy'], [['year', 'over', 'year'], 'yoy']];
/** Words after which a point is part of the word ("approx. [[x]]"), not a sentence's end; so too a scale's ("Mio."). */
const ABBREVIATIONS = ['approx', 'ca', 'c'];
/** Currency names that are English words too ("real growth", "contracts won"): read as currency only as signs or codes. */
const NOT_ONLY_CURRENCY = new Set(['real', 'won', 'sterling']);
const SCALES = new Set(['thousand', 'million', 'billion', 'trillion', 'mn', 'mln', 'bn', 'tn']);
/** Adverbs that say which way a change moved (as moved-words.ts reads them), and what they may stand after. */
const ADVERB = /^(?:up|down|higher|lower)(?:\s+by)?$/iu;
/** A mark or the text's start: dropping the adverb leaves ", +6.3% YoY", "(+6.3% YoY)". */
const MARK = /(?:^|[,;:([\u2013\u2014])\s*$/u;
/** A copula: dropping it would leave "was +6.3% YoY"; a verb reads instead ("rose +6.3% YoY"), in its tense. */
const COPULA = /(?<![\p{L}\p{N}'\u2019])(was|were|is|are|been|be)\s+$/iu;
const VERBS: Record<string, [string, string]> = {
  was: ['rose', 'fell'], were: ['rose', 'fell'], is: ['has risen', 'has fallen'], are: ['have risen', 'have fallen'], been: ['risen', 'fallen'], be: ['rise', 'fall'],
};
/** How many words on each side are compared: enough for "more than", "million downloads", "year on year". */
const MOST = 3;

type Qualifier = keyof typeof QUALIFIER_TEXT;
const ABOUT: Qualifier[] = ['about', 'approx', 'roughly'];
const OVER: Qualifier[] = ['over', 'more_than'];
/**
 * Qualifiers as Chinese, Japanese and Korean write them right before a figure ("约", "約", "超过") or after it ("左右",
 * "以上", "未満"), and the printed qualifiers they repeat. A character alone only where it is no part of another word:
 * "节约" (save), "签约" (signed), "最近" (recently), "超过预期" (beat expectations), "余额" (balance) qualify nothing.
 */
const CJK_QUALIFIERS: Array<{ before: string; after: string; means: Qualifier[] }> = [
  { before: '大约|大約|约为|約為|およそ|おおよそ|概ね|(?<![节節合契预予預条條签簽公制集要解规規违違履特婚誓成缔締])[约約]|(?<!\\p{L})약', after: '左右|前后|前後|程度|ほど|上下|가량|정도', means: ABOUT },
  { before: '超过|超過|(?<![赶趕])超|逾|多于|多於', after: '超(?![过過えか出越])|[余餘](?![额額])|초과', means: OVER },
  { before: '至少|最少|最低|少なくとも|최소', after: '以上|이상', means: [...OVER, 'at_least'] },
  { before: '将近|將近|接近|(?<![最附靠邻鄰亲親])近|ほぼ|거의', after: '近く', means: ['nearly'] },
  { before: '最多|最高|高达|高達|多达|多達|最大|최대', after: '以内|이내', means: ['up_to'] },
  { before: '不到|不足|少于|少於|低于|低於|未满|未滿', after: '未満|未满|未滿|以下|미만|이하', means: ['under'] },
];
/** Currencies' names in those scripts: before a figure only a name of two or more ("人民币"), after it any ("元", "円", "원"). */
const CJK_CURRENCIES = [...CJK_CURRENCY_SIGNS.keys()];
const CJK_CURRENCY_BEFORE = new RegExp(`(?:${CJK_CURRENCIES.filter((c) => c.length > 1).join('|')})\\s*$`, 'u');
const CJK_CURRENCY_AFTER = new RegExp(`^\\s*(?:${CJK_CURRENCIES.join('|')})`, 'u');
/**
 * Names that start with a scale's character, read after a figure as names: "[[revenue]]万达" is Wanda's, not "ten
 * thousand" and a "达". Companies and brands a briefing names (Wanda, Vanke, Marriott, Mastercard, Vantone, Wanhua,
 * Wanxiang, WH Group, Mondelez, EVE Energy, Yealink, EHang, Qianhe, Qianwei, Chiyoda, Chiba Bank), Simplified and Traditional.
 */
const CJK_NAMES = [
  '万达', '萬達', '万科', '萬科', '万豪', '萬豪', '万事达', '萬事達', '万通', '萬通', '万华', '萬華', '万向', '萬向', '万洲', '萬洲',
  '亿滋', '億滋', '亿纬', '億緯', '亿联', '億聯', '亿航', '億航', '千禾', '千味', '千代田', '千葉',
];
/**
 * A scale after a figure ("[[revenue]]亿元", "[[jp]]億円", "[[revenue]]万，", "[[revenue]]亿同比增长": whatever follows,
 * as a scale doubled is a figure 10⁴ or 10⁸ times off), unless it starts one of those names.
 */
const CJK_SCALE = new RegExp(`^\\s*(?!${CJK_NAMES.join('|')})(?:${CJK_SCALE_WORDS.join('|')})`, 'u');
/** A counter of people after a figure that prints its unit ("[[staff]]名员工" of 48,350 employees), with the noun it counts. */
const CJK_COUNTER = /^\s*(?:名|人(?![民均])|명)(?:员工|員工|职工|職工|雇员|僱員|人员|人員|従業員|社員|직원)?/u;
const CJK_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** What a reference prints, as the words beside it may repeat it. */
interface Printed {
  text: string;
  words: Word[];
  /** Whether it prints a scale, a currency; the qualifier it opens with; the unit it prints after its number ("employees"). */
  scale: boolean;
  currency: boolean;
  qualifier?: Qualifier;
  unit?: string;
}

/** How the texts of a briefing.language are read: its scale words (keys), and the words whose point is theirs ("Mio."). */
interface Reading { scales: Set<string>; abbreviations: Set<string> }

export function doubledWords(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const language = canvas.briefing?.language;
  const local = localFigures(language)?.scaleWords ?? [];
  const reading: Reading = {
    scales: new Set([...SCALES, ...local.map((w) => keyOf(w))]),
    abbreviations: new Set([...ABBREVIATIONS, ...local.filter((w) => w.endsWith('.')).map((w) => w.slice(0, -1).toLowerCase())]),
  };
  const found: Finding[] = [];
  for (const { ref, text, path, nth } of textReferences(canvas)) {
    const id = resolveRef(index, ref.id!);
    const m = index.metrics[id];
    if (m === undefined) continue; // check-references.ts says so
    const printed = metricPart(m, ref.part!, language);
    const own = wordsOf(printed, reading);
    if (own.length === 0) continue;
    const unit = ['value', 'amount', 'size'].includes(ref.part!) && m.value !== undefined && m.unit !== undefined && !isCurrency(m.unit) && !['percent', '\u2030', '\u2031'].includes(m.unit) ? m.unit : undefined;
    const figure: Printed = {
      text: printed,
      words: own,
      scale: own.some((w) => reading.scales.has(w.key)),
      currency: own.some(isCurrencyWord),
      qualifier: (Object.keys(QUALIFIER_TEXT) as Qualifier[]).find((q) => printed.startsWith(`${QUALIFIER_TEXT[q]} `)),
      ...(unit === undefined ? {} : { unit }),
    };
    const end = ref.index + ref.token.length;
    const before = wordsBefore(text, ref.index, reading);
    const after = wordsAfter(text, end, reading);
    const sign = ref.part === 'change' ? signSaid(text, ref.index, end, printed) : undefined;
    const first = sign ?? repeated(before, figure, 'before', reading) ?? cjkBefore(text, ref.index, figure);
    const last = repeated(after, figure, 'after', reading) ?? cjkAfter(text, end, figure);
    if (first === undefined && last === undefined) continue;
    // What prints: the doubled words and the figure, with a word the other side for where it is.
    const lead = first?.words ?? before.slice(-1);
    const tail = last?.words ?? after.slice(0, 1);
    const shown = `${lead.length === 0 ? '' : text.slice(lead[0]!.start, ref.index)}${printed}${tail.length === 0 ? '' : text.slice(end, tail.at(-1)!.end)}`;
    const written = (d: Doubled) => quote(text.slice(d.words[0]!.start, d.words.at(-1)!.end));
    const drops = [...(first && first.reword === undefined ? [`${written(first)} before`] : []), ...(last ? [`${written(last)} after`] : [])];
    const what = [...new Set([...first?.what ?? [], ...last?.what ?? []])];
    // "was up": dropping "up" would leave "was +6.3% YoY", so a verb instead.
    const reword = first?.reword === undefined ? [] : [`reword ${written(first)} before ${drops.length === 0 ? ref.token : 'it'} as ${quote(`${first.reword} ${ref.token}`)} (dropping ${quote(first.words.at(-1)!.text)} would leave ${quote(`${first.words[0]!.text} ${printed}`)})`];
    const todo = [...(drops.length === 0 ? [] : [`drop ${drops.join(' and ')} ${ref.token}`]), ...reword].join(' and ');
    const hint = what.includes('its scale') ? ' (or, if the scale is wrong, correct the metric\'s scale)' : sign !== undefined && sign.reword === undefined ? ' (or reword the sentence: the sign says which way it moved)' : '';
    found.push({
      path,
      needle: ref.token,
      nth,
      rule: 'doubled-words',
      metrics: [id],
      message: `text prints ${quote(shown)}: ${ref.token} prints ${quote(printed)}, ${listOf(what, 'and')} included. ${todo[0]!.toUpperCase()}${todo.slice(1)}${hint}; if the words are meant, acknowledge the finding`,
    });
  }
  return found;
}

/** The words of `text` (a figure as printed, or text beside a reference), with their places. */
function wordsOf(text: string, reading: Reading): Word[] {
  const words: Word[] = [...text.matchAll(WORD)].map((w) => {
    // "approx.", "Mio.": the point is the word's.
    const end = w.index + w[0].length + (text[w.index + w[0].length] === '.' && reading.abbreviations.has(w[0].toLowerCase()) ? 1 : 0);
    return { text: text.slice(w.index, end), key: keyOf(w[0]), start: w.index, end };
  });
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
function wordsBefore(text: string, at: number, reading: Reading): Word[] {
  const from = Math.max(0, at - 80);
  const words = wordsOf(text.slice(from, at), reading).map((w) => ({ ...w, start: w.start + from, end: w.end + from }));
  if (from > 0) words.shift(); // perhaps cut
  const joined: Word[] = [];
  let next = at;
  for (const w of words.reverse()) {
    if (!/^\s*$/.test(text.slice(w.end, next))) break;
    joined.unshift(w);
    if (joined.length === MOST) break;
    next = w.start;
  }
  return joined;
}

/** The words right after `at` joined to it by spaces alone (or nothing), in order. */
function wordsAfter(text: string, at: number, reading: Reading): Word[] {
  const to = Math.min(text.length, at + 80);
  const words = wordsOf(text.slice(at, to), reading).map((w) => ({ ...w, start: w.start + at, end: w.end + at }));
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
 * side: the most words alike ("more than", "million downloads", "Mio. €"), or a currency beside an amount that prints
 * one at either end ("$[[revenue]]" of US$5.6 billion, "[[revenue]] dollars", "€ [[umsatz]]" of "1.234,5 Mio. €"), or
 * after the figure, scales and currencies where it prints them ("[[revenue]] million" of RMB 39.8 billion, "[[umsatz]]
 * Mrd. €" of 1.234,5 Mio. €, "[[downloads]] million" of 300 million downloads).
 */
function repeated(beside: Word[], figure: Printed, side: 'before' | 'after', reading: Reading): Doubled | undefined {
  const own = figure.words;
  const [first, last] = [own[0]!, own.at(-1)!];
  // After the figure, scales and currencies where it prints them, after any words alike ("[[revenue]] billion yuan").
  const more = (found: Doubled, from: number): Doubled | undefined => {
    for (const w of side === 'after' ? beside.slice(from) : []) {
      const doubled = isCurrencyWord(w) && (isCurrencyWord(first) || isCurrencyWord(last)) ? 'its currency' : reading.scales.has(w.key) && figure.scale ? 'its scale' : undefined;
      if (doubled === undefined) break;
      found.words.push(w);
      found.what.push(doubled);
    }
    return doubledOf(found);
  };
  for (let k = Math.min(beside.length, own.length, MOST); k >= 1; k--) {
    const theirs = side === 'before' ? beside.slice(-k) : beside.slice(0, k);
    const ours = side === 'before' ? own.slice(0, k) : own.slice(-k);
    if (theirs.every((w, i) => w.key === ours[i]!.key)) return more({ words: theirs, what: [k === 1 && isCurrencyWord(ours[0]!) ? 'its currency' : quote(figure.text.slice(ours[0]!.start, ours.at(-1)!.end))] }, k);
  }
  if (side === 'after') return more({ words: [], what: [] }, 0);
  const next = beside.at(-1);
  // Before the figure, a name ("the yuan [[rate]]") only where the figure opens with its currency.
  const money = next !== undefined && (isCurrencyWord(first) || (isCurrencyWord(last) && !CURRENCY_WORDS.has(next.text.toLowerCase())));
  return next !== undefined && isCurrencyWord(next) && money ? { words: [next], what: ['its currency'] } : undefined;
}

/** Chinese, Japanese or Korean right before a reference that it prints: a qualifier and a currency ("约人民币[[revenue]]"). */
function cjkBefore(text: string, at: number, figure: Printed): Doubled | undefined {
  const found: Doubled = { words: [], what: [] };
  let rest = text.slice(Math.max(0, at - 24), at);
  const offset = at - rest.length;
  const take = (pattern: RegExp, what: string) => {
    const m = pattern.exec(rest);
    if (m === null) return false;
    const written = m[0].trimEnd();
    found.words.unshift({ text: written, key: written, start: offset + m.index, end: offset + m.index + written.length });
    found.what.unshift(what);
    rest = rest.slice(0, m.index);
    return true;
  };
  // A currency's name it does not print stands between it and any qualifier before.
  if (CJK_CURRENCY_BEFORE.test(rest) && !(figure.currency && take(CJK_CURRENCY_BEFORE, 'its currency'))) return undefined;
  const q = figure.qualifier;
  const words = q === undefined ? '' : CJK_QUALIFIERS.filter((c) => c.before !== '' && c.means.includes(q)).map((c) => c.before).join('|');
  if (words !== '') take(new RegExp(`(?:${words})\\s*$`, 'u'), quote(QUALIFIER_TEXT[q!]));
  return doubledOf(found);
}

/** Chinese, Japanese or Korean right after a reference that it prints: a scale, a currency or a counter, a qualifier ("[[revenue]]亿元左右"). */
function cjkAfter(text: string, at: number, figure: Printed): Doubled | undefined {
  const found: Doubled = { words: [], what: [] };
  let rest = text.slice(at, at + 24);
  let place = at;
  const take = (pattern: RegExp, what: string) => {
    const m = pattern.exec(rest);
    if (m === null) return false;
    const written = m[0].trimStart();
    const start = place + m[0].length - written.length;
    found.words.push({ text: written, key: written, start, end: start + written.length });
    found.what.push(what);
    rest = rest.slice(m[0].length);
    place += m[0].length;
    return true;
  };
  // In order, each only where the figure prints it: what follows a word it does not print is not beside the figure.
  if (CJK_SCALE.test(rest) && !(figure.scale && take(CJK_SCALE, 'its scale'))) return doubledOf(found);
  const unit = figure.unit;
  const ownUnit = unit !== undefined && CJK_LETTER.test(unit) ? new RegExp(`^\\s*${escapeRegExp(unit)}`, 'u') : undefined;
  if (CJK_CURRENCY_AFTER.test(rest)) {
    if (!(figure.currency && take(CJK_CURRENCY_AFTER, 'its currency'))) return doubledOf(found);
  } else if (unit !== undefined && (ownUnit?.test(rest) || CJK_COUNTER.test(rest))) {
    take(ownUnit?.test(rest) ? ownUnit : CJK_COUNTER, quote(unit));
  }
  const q = figure.qualifier;
  const words = q === undefined ? '' : CJK_QUALIFIERS.filter((c) => c.after !== '' && c.means.includes(q)).map((c) => c.after).join('|');
  if (words !== '') take(new RegExp(`^\\s*(?:${words})`, 'u'), quote(QUALIFIER_TEXT[q!]));
  return doubledOf(found);
}

/**
 * An adverb saying which way a change moved right before one that prints its sign that way, where the sign says it
 * again: ", up [[revenue.change]]" prints ", up +6.3% YoY", "(down [[margin.change]])" "(down −1.2 pp YoY)". Dropped
 * after a mark or at the text's start it leaves good prose (", +6.3% YoY"); after "was" it would leave "was +6.3% YoY",
 * so a verb is offered instead ("rose [[revenue.change]]"). Verbs and nouns ("rose", "grew by", "growth of", "stieg um",
 * "ein Plus von") read well with a sign, as growth may be negative, and are left alone, as are the adverb after any other
 * word ("went up", "Revenue up [[revenue.change]] to"); words saying the other way are change-direction's.
 */
function signSaid(text: string, start: number, end: number, printed: string): Doubled | undefined {
  const sign = /^\D*?([+\u2212])\d/u.exec(printed)?.[1];
  const moved = movedWords(text, start, end);
  if (sign === undefined || moved === undefined || moved.moved !== (sign === '+' ? 'up' : 'down')) return undefined;
  const [adverb] = moved.words;
  if (moved.words.length !== 1 || !ADVERB.test(adverb!.text)) return undefined;
  const what = [`its sign (${quote(sign)}: ${sign === '+' ? 'up' : 'down'})`];
  const word = { ...adverb!, key: adverb!.text.toLowerCase() };
  const lead = text.slice(0, word.start);
  if (MARK.test(lead)) return { words: [word], what };
  const copula = COPULA.exec(lead);
  if (copula === null) return undefined;
  const verb = VERBS[copula[1]!.toLowerCase()]![sign === '+' ? 0 : 1];
  return { words: [{ text: copula[1]!, key: copula[1]!.toLowerCase(), start: copula.index, end: copula.index + copula[1]!.length }, word], what, reword: verb };
}

/** Found words as a Doubled, or undefined for none. */
function doubledOf(found: Doubled): Doubled | undefined {
  return found.words.length === 0 ? undefined : { words: found.words, what: [...new Set(found.what)] };
}

/** A currency sign ("US$", "€"), an ISO code ("EUR") or a currency's name ("dollars", "yuan") that is no other English word. */
function isCurrencyWord(w: Word): boolean {
  if (SIGNS.includes(w.text) || /^\p{Sc}$/u.test(w.text) || (/^[A-Z]{3}$/.test(w.text) && isCurrency(w.text))) return true;
  return CURRENCY_WORDS.has(w.text.toLowerCase()) && !NOT_ONLY_CURRENCY.has(w.text.toLowerCase());
}
