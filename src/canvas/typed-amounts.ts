/**
 * Amounts of money typed into text ("RMB 3,799", "US$5.6 billion", "EUR 1.2bn", "39.8 billion yuan", "1.2兆円"): where a text states a figure a
 * metric holds instead of referring to it, the text neither follows the metric when it is updated nor is checked
 * with it (validate/typed-findings.ts, typed-figure).
 */
import { CJK_CURRENCY_SIGNS, CURRENCY_PREFIXES, CURRENCY_WORDS, currencyCodeFor, currencyPrefix, isCurrency, regionalCurrencies } from './currencies.ts';
import { CJK_SCALE_WORDS, cjkScale, formatNumber, indianScale, roundedTo, SCALE_FACTOR, scaleFactor } from './numbers.ts';
import { RecentMap } from '../recent-map.ts';
import { escapeRegExp } from '../words.ts';

export interface TypedAmount {
  /** As written: "RMB 3,799", "-RMB 126.6 billion". */
  token: string;
  /** Where it starts in the text. */
  index: number;
  /** The ISO codes it may be: one, or CNY and JPY for "¥". */
  currencies: string[];
  /** In units, the scale applied and the sign: 3.799e3, 5.6e9, -1.266e11. */
  value: number;
  /** What its last digit counts, in units: 1 for "RMB 3,799", 1e8 for "US$5.6 billion", 1e8 for "3兆1,075億円". */
  step: number;
  /**
   * Its value read with the other decimal mark, where that reads it too and differently: "EUR 9,076 Mio." in a German
   * text is 9.076 million, and 9,076 million written the English way (a figure copied from an English source?).
   */
  otherwise?: number;
  /** Written in the currency's hundredth ("45.2p", "87 cents": minorAmounts), its value in the currency's unit (0.452, 0.87). */
  minor?: true;
}

/** How a language writes numbers: its decimal mark and the marks it groups thousands with. */
export interface Notation {
  decimal: '.' | ',';
  groups: string[];
}

/** Numbers as English writes them, and the tool prints them: 1,234.5. */
export const ENGLISH: Notation = { decimal: '.', groups: [','] };

/**
 * How text in `language` (a BCP 47 tag: briefing.language) writes numbers, as the Unicode CLDR has it: German 1.234,5,
 * French 1 234,5 (any space), Swiss German 1'234.5 (either apostrophe, or a comma); English where the language writes them so or is not known.
 */
export function notationOf(language: string | undefined): Notation {
  const key = language ?? 'en';
  let notation = notations.get(key);
  if (notation === undefined) notations.set(key, (notation = readNotation(key)));
  return notation;
}
/** The notations of the languages met last, each read once: a number format is made for it (about a millisecond), and each check asks. */
const notations = new RecentMap<string, Notation>(64);

function readNotation(language: string): Notation {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(language).formatToParts(1234567.5);
  } catch {
    return ENGLISH; // a tag ICU does not take
  }
  const decimal = parts.find((p) => p.type === 'decimal')?.value;
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  if (decimal !== '.' && decimal !== ',') return ENGLISH;
  const groups = /^\s$/u.test(group) ? [' ', '\u00a0', '\u202f'] : /^['\u2019]$/.test(group) ? ["'", '\u2019'] : [group];
  if (decimal === '.' && groups.length === 1 && groups[0] === ',') return ENGLISH;
  // With a decimal point a comma can only group thousands, as English writes them: read so too ("CHF 1,234.5" in Swiss German).
  return { decimal, groups: decimal === '.' ? [...groups, ','] : groups };
}

/** What the last digit of `written` counts at `scale`: 0.1 billion for "5.6" billion. */
const stepOf = (written: string, scale: number) => scale * 10 ** -(written.includes('.') ? written.length - written.indexOf('.') - 1 : 0);

/** The scale words of SCALE_FACTOR, and their short forms. */
const SCALE: Record<string, number> = {
  ...SCALE_FACTOR, k: 1e3, mn: 1e6, m: 1e6, bn: 1e9, b: 1e9, tn: 1e12,
  // German, Swiss and Austrian sources: Tausend, Millionen, Milliarden ("452.3 Mio. CHF", "1.2 Mrd. EUR").
  tsd: 1e3, mio: 1e6, mrd: 1e9, mia: 1e9,
  // Indian sources: lakh and crore ("₹13,010 crore", "Rs 1,245.6 Cr").
  lakh: 1e5, lakhs: 1e5, lac: 1e5, lacs: 1e5, crore: 1e7, crores: 1e7, cr: 1e7, crs: 1e7,
  // French sources: "9,08 Md€", "1,2 milliard d'euros", "34 176 millions d'euros" (not "billion", a thousand milliards in French).
  millions: 1e6, milliard: 1e9, milliards: 1e9, md: 1e9, mds: 1e9,
  // Brazilian and Portuguese sources: "R$ 34,2 bilhões", "R$ 1.234,5 milhões", "R$ 500 mil", "R$ 34,2 bi".
  // Spanish sources: "35.200 millones de euros", "3,5 mil millones" (a Spanish "billón" is a million millions: not read).
  millones: 1e6, 'millón': 1e6, millon: 1e6, 'mil millones': 1e9,
  mil: 1e3, mi: 1e6, 'milhão': 1e6, 'milhões': 1e6, bi: 1e9, 'bilhão': 1e9, 'bilhões': 1e9, tri: 1e12, 'trilhão': 1e12, 'trilhões': 1e12,
  // Italian sources: "8,23 miliardi di euro", "452 milioni di euro", "500 mila euro", "1.520 Mln €", "8,2 mld €".
  // Dutch ones: "€ 8,23 miljard", "€ 463 miljoen", "€ 1.302 mln", "7,6 mld euro", "€ 500 duizend".
  mila: 1e3, milione: 1e6, milioni: 1e6, miliardo: 1e9, miliardi: 1e9, mln: 1e6, mld: 1e9,
  duizend: 1e3, miljoen: 1e6, miljard: 1e9,
};
/** Written before amounts in sources, and not printed by the tool: "$41 billion" (US dollars), "¥3,799" (yuan or yen). */
const LOOSE: Record<string, string[]> = { $: ['USD'], '¥': ['CNY', 'JPY'], '￥': ['CNY', 'JPY'], Rs: ['INR'], 'Rs.': ['INR'] };
// A sign, a printed prefix ("RMB ", "US$", "€"), one of LOOSE or an ISO code; the number (thousands with commas);
// and a scale word, in any case.
const PREFIXES = [...new Set([...CURRENCY_PREFIXES.map((p) => p.trim()), ...Object.keys(LOOSE)])].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
const SCALES = String.raw`[Mm]il\s[Mm]illones|[Mm]illones|[Mm]ill[óo]n|[Tt]housand|[Mm]illions?|[Bb]illion|[Tt]rillion|(?:[Tt]sd|[Mm]io|[Mm]rd|[Mm]ia|[Mm]ln|[Mm]ld)\.?|[Mm]iliard[oi]|[Mm]ilion[ei]|[Mm]ila|[Mm]iljoen|[Mm]iljard|[Dd]uizend|[Mm]illiards?|[Mm]ds?|(?:[Mm]|[Bb]|[Tt]r)ilh(?:ão|ões)|[Mm]il|[Mm]i|[Bb]i|[Tt]ri|[Bb][Nn]|[Mm][Nn]|[Tt][Nn]|[Ll]akhs?|[Ll]acs?|[Cc]rores?|(?:[Cc]rs?|CRS?)\.?|[KkMmBb]`;
/**
 * A number as English writes it, for a regular expression: thousands grouped with commas, or in Indian grouping (1,30,100:
 * a group of three, groups of two before it), a decimal part.
 */
export const ENGLISH_NUMBER = String.raw`\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** The scale words a count is typed with, for a regular expression (any case): thousand, million, billion, and lakh and crore as Indian text writes them ("43.5 lakh", "1.2 crore customers"). */
export const COUNT_SCALES = String.raw`thousand|million|billion|lakhs?|lacs?|crores?`;

/**
 * The patterns amounts are read with, for a notation: thousands grouped (in English with commas, or Indian grouping:
 * 1,30,100, a group of three, groups of two before it), a decimal part.
 */
function patterns(notation: Notation) {
  const groups = `[${notation.groups.map(escapeRegExp).join('')}]`;
  const decimal = escapeRegExp(notation.decimal);
  const NUMBER = notation === ENGLISH
    ? ENGLISH_NUMBER
    // A group of three digits and no more ("12 500 2024" is 12,500 and a year); with a decimal comma, a number of two
    // commas or more can only be written the English way ("12,345,678"), and is read so.
    : String.raw`${notation.decimal === ',' ? String.raw`\d{1,3}(?:,\d{3}(?!\d)){2,}(?:\.\d+)?|` : ''}\d{1,3}(?:${groups}\d{3}(?!\d))+(?:${decimal}\d+)?|\d+(?:${decimal}\d+)?`;
  return {
    /** Every number of a text, as this notation writes it (inEnglishDigits). */
    NUMBERS: new RegExp(NUMBER, 'gu'),
    AMOUNT: new RegExp(String.raw`(?<![\p{L}\p{N}$¥￥])([-\u2212]?)(${PREFIXES}|[A-Z]{3})\s?(${NUMBER})(?:\s?(${SCALES})(?![\p{L}\p{N}]))?`, 'gu'),
    // The currency after the amount, as sources write it: "39.8 billion yuan", "5.6 billion US dollars", "126.6 billion CNY",
    // and as German and French write the euro's sign ("34.176 Mio. €", "9,08 Mrd. €", "9,08 Md€"; the dollar's in French,
    // "9,7 Md$"). Its one or two words are looked up (CURRENCY_WORDS, in any case, or an ISO code in capitals), after
    // French "d'" or "de", Portuguese "de" and Italian "di" ("1,2 milliard d'euros", "34,2 bilhões de reais", "8,23 miliardi di euro").
    // Not in the middle of a number ("1 234" read from its "234"): a group mark counts only after a digit, as French
    // groups with the space that also stands before every amount in a sentence ("à 34 176 M€").
    TRAILING: new RegExp(String.raw`(?<![\p{L}\p{N}$¥￥.,])(?<!\p{N}${groups})([-\u2212]?)(${NUMBER})(?:\s?(${SCALES}))?\s?(?:([€$])|\s(?:d['’]|de\s|di\s)?(\p{L}+)(?:\s(\p{L}+))?)(?![\p{L}\p{N}])`, 'dgu'),
    // As Chinese, Japanese and Korean text writes an amount: the currency's character after the number, a scale between
    // them ("1.2兆円", "1,126億円", "3,450万元", "58.3億ドル", "3,450억원"), trillions and the rest together ("3兆1,075億円"),
    // or hundreds of millions and the rest ("1928亿6900万元", "1,928億6,900万円", its hundreds of millions grouped too).
    // An amount in a currency's hundredth, its number before it (minorAmounts): "45.2p" (the p right after the number,
    // no letter or digit after it, nor a point and a letter: "5p.m."; "10pp" and "10 pp" are percentage points), "12.5 pence",
    // "87 cents", "35 euro cents", "35 US cents", "35c", "87¢", German "35 Cent", "Euro-Cent", Dutch "cent", "eurocent",
    // French "centimes", Spanish "céntimos", Italian "centesimi", Portuguese "centavos", "cêntimos". A number with a
    // currency before it or in the middle of another (a point, a comma before it) is none: "£45.2p", "1.5p".
    MINOR: new RegExp(String.raw`(?<![\p{L}\p{N}$¥￥£€.,])([-\u2212]?)(${NUMBER})(?:(p)(?!\.\p{L})|\s?(?:(pence)|(?:(euro|US|U\.S\.)[\s-])?(cents?)|([Ee]uro-?[Cc]ents?|[Ee]urocents?)|(¢))|(c)(?!\.\p{L})|\s(Cent|centimes?|céntimos?|centesimi|centesimo|centavos?|cêntimos?))(?![\p{L}\p{N}])`, 'gu'),
    CJK_AMOUNT: new RegExp(String.raw`(?<![\p{N}.,])([-\u2212]?)(?:(\d{1,3}(?:,\d{3})+|\d+)\s?(兆|조|亿|億|억)\s?)?(${NUMBER})\s?(${CJK_SCALE_WORDS.join('|')})?\s?(${[...CJK_CURRENCY_SIGNS.keys()].join('|')})`, 'gu'),
  };
}
/** Patterns by notation: English's, and those of the notations canvases were read in (a handful). */
const PATTERNS = new Map<string, ReturnType<typeof patterns>>();
function patternsOf(notation: Notation): ReturnType<typeof patterns> {
  const key = `${notation.decimal}${notation.groups.join('')}`;
  let found = PATTERNS.get(key);
  if (found === undefined) PATTERNS.set(key, (found = patterns(notation)));
  return found;
}

/**
 * The currencies a sign that is no one currency's means ("$", "¥": LOOSE), first the one `language` (briefing.language)
 * prints with it: "$" in en-CA is the Canadian dollar's before the US one's (currencies.ts currencyPrefix).
 */
function signCurrencies(sign: string, language: string | undefined): string[] | undefined {
  const loose = LOOSE[sign];
  if (loose === undefined) return undefined;
  return [...new Set([...regionalCurrencies(sign, language), ...loose])];
}

/** The currency the one or two words after an amount name, and those words (the two, or the first alone); undefined when they name none. */
function trailingCurrency(first: string, second: string | undefined): { code: string; words: string } | undefined {
  for (const words of second === undefined ? [first] : [`${first} ${second}`, first]) {
    const code = CURRENCY_WORDS.get(words.toLowerCase()) ?? (/^[A-Z]{3}$/.test(words) && isCurrency(words) ? words : undefined);
    if (code !== undefined) return { code, words };
  }
  return undefined;
}

// An abbreviation's dot ("Mio.") is no part of the scale's name.
const number = (written: string, scale: string | undefined) => Number(written.replace(/,/g, '')) * (scale === undefined ? 1 : SCALE[scale.toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ')]!);

/**
 * A number as English writes it ("43,50,000", "4,350", "43.5") with a scale word after it or none ("lakh", "Crores",
 * "thousand"): its value in units and what its last digit counts (4.35e6 and 1e4 for "43.5 lakh").
 */
export function numberRead(written: string, scale: string | undefined): { value: number; step: number } {
  return { value: number(written, scale), step: stepOf(written, number('1', scale)) };
}

/** A number as `notation` writes it, written as English does: "34.176" and "9,08" in German are "34176" and "9.08". */
export function inEnglish(written: string, notation: Notation): string {
  if (notation === ENGLISH) return written;
  if (notation.decimal === ',' && /^\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$/.test(written)) return written.replace(/,/g, ''); // English (above)
  const [whole, fraction] = written.split(notation.decimal);
  const digits = notation.groups.reduce((w, g) => w.split(g).join(''), whole!);
  return fraction === undefined ? digits : `${digits}.${fraction}`;
}

/**
 * `token` (a typed amount as read) with its numbers written as English writes them: "1.000 Mio. €" in German is
 * "1000 Mio. €", one significant digit as "EUR 1,000 million" is, not four.
 */
export function inEnglishDigits(token: string, notation: Notation): string {
  return notation === ENGLISH ? token : token.replace(patternsOf(notation).NUMBERS, (n) => inEnglish(n, notation));
}

/**
 * `written` as English reads it, where a text in another notation may have it so (one mark, three digits after it) and
 * that reads it differently: "9,076" is 9.076 in German and 9,076 in English; "34.176" is 34,176 and 34.176.
 */
function englishReading(written: string, notation: Notation): string | undefined {
  if (notation === ENGLISH || !/^\d{1,3}[.,]\d{3}$/.test(written)) return undefined;
  const english = written.replace(',', '');
  return Number(english) === Number(inEnglish(written, notation)) ? undefined : english;
}

/**
 * The amounts of money in `text` (references and quotations blanked out first by the caller), in the order they stand,
 * their numbers read as `notation` writes them (notationOf the canvas's language), a sign such as "$" as `language` prints it.
 */
export function typedAmounts(text: string, notation: Notation = ENGLISH, language?: string): TypedAmount[] {
  const { AMOUNT, TRAILING, CJK_AMOUNT } = patternsOf(notation);
  const found: TypedAmount[] = [];
  const read = (written: string, scale: string | undefined) => {
    const english = inEnglish(written, notation);
    const other = englishReading(written, notation);
    return { ...numberRead(english, scale), ...(other === undefined ? {} : { otherwise: number(other, scale) }) };
  };
  const signed = (sign: string | undefined, r: ReturnType<typeof read>) => (sign ? { value: -r.value, step: r.step, ...(r.otherwise === undefined ? {} : { otherwise: -r.otherwise }) } : r);
  for (const match of text.matchAll(AMOUNT)) {
    const [token, sign, prefix, written, scale] = match;
    const currencies = signCurrencies(prefix!, language) ?? [currencyCodeFor(prefix!) ?? prefix!];
    if (!currencies.every(isCurrency)) continue; // three capitals that are no currency: "NBA 2025", "ADS 3"
    found.push({ token: token.trimEnd(), index: match.index, currencies, ...signed(sign, read(written!, scale)) });
  }
  const prefixed = [...found];
  for (const match of text.matchAll(TRAILING)) {
    const [, sign, written, scale, euro, first, second] = match;
    const currency = euro !== undefined ? { code: euro === '$' ? 'USD' : 'EUR', words: euro } : trailingCurrency(first!, second);
    if (currency === undefined) continue;
    // Up to the last word read as the currency (the first alone: "euro" in "euro eurobonds").
    const end = match.indices![euro !== undefined ? 4 : currency.words === first ? 5 : 6]![1];
    const token = text.slice(match.index, end);
    // Its number written with a currency before it too ("RMB 39.8 billion yuan"): that one counts.
    if (prefixed.some((p) => p.index < end && match.index < p.index + p.token.length)) continue;
    found.push({ token, index: match.index, currencies: [currency.code], ...signed(sign, read(written!, scale)) });
  }
  // An amount in cents is no amount in its currency's unit: "EUR 35 cents", "35 euro cents" (minorAmounts reads them).
  for (let i = found.length - 1; i >= 0; i--) {
    const a = found[i]!;
    if (IN_CENTS.test(text.slice(a.index + a.token.length, a.index + a.token.length + 12))) found.splice(i, 1);
  }
  for (const match of text.matchAll(CJK_AMOUNT)) {
    const [token, sign, trillions, trillion, written, scale, currency] = match;
    const factor = scale === undefined ? 1 : cjkScale(scale)!.multiplier;
    const english = inEnglish(written!, notation);
    const value = (trillions === undefined ? 0 : Number(trillions.replace(/,/g, '')) * cjkScale(trillion!)!.multiplier) + Number(english.replace(/,/g, '')) * factor;
    found.push({ token, index: match.index, currencies: CJK_CURRENCY_SIGNS.get(currency!)!, value: sign ? -value : value, step: stepOf(english, factor) });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * A scale an amount is typed in that a canvas has no name of its own for, or names otherwise (億, 万, 억, 兆 ...; crore,
 * lakh: validate/typed-findings.ts reads those): its word, what it multiplies by, and an amount written in it as the
 * typed one is, for a message to set the two side by side ("612億円" beside "61億円").
 */
export interface WrittenScale {
  /** The scale word of the amount's last number: 億 of "61億円" and of "3兆1,075億円"; "crore". */
  word: string;
  multiplier: number;
  /** An amount in units written as the typed one writes its own, to the digit `step` (in units) counts: 6.12e10 as "61億円" is "612億円"; 7.91e12 as "8조 2,100억 원", "7조 9,100억 원". */
  write(value: number, step: number): string;
}

/** A CJK amount as typed (CJK_AMOUNT, in English digits), in parts: its sign; its trillions (or hundreds of millions) and their word; the rest's scale and currency; and the spaces between. */
const CJK_WRITTEN = new RegExp(String.raw`^[-\u2212]?(?:[\d,]+(\s?)(兆|조|亿|億|억)(\s?))?[\d.,]+(\s?)(${CJK_SCALE_WORDS.join('|')})(\s?)(${[...CJK_CURRENCY_SIGNS.keys()].join('|')})$`, 'u');

/**
 * The scale a CJK amount (typedAmounts: "61億円", "3,450万元", "8조 2,100억 원") is written in, that of its last number,
 * and how it writes an amount: in its scales, spacing and currency, its digits grouped as English groups them. None for
 * one written without a scale ("3,799円").
 */
export function cjkWriting(token: string): WrittenScale | undefined {
  const parts = CJK_WRITTEN.exec(token);
  if (parts === null) return undefined;
  const [, before = '', big, after = '', gap, word, spaced, currency] = parts;
  const multiplier = cjkScale(word!)!.multiplier;
  // Of a compound amount, how many of the last scale make one of the first: 10,000 억 to a 조.
  const per = big === undefined ? 0 : cjkScale(big)!.multiplier / multiplier;
  return {
    word: word!,
    multiplier,
    write: (value, step) => {
      const decimals = Math.max(0, Math.round(-Math.log10(step / multiplier)));
      const all = roundedTo(Math.abs(value) / multiplier, decimals);
      const whole = per > 0 ? Math.floor(all / per + 1e-9) : 0;
      const rest = roundedTo(all - whole * per, decimals);
      const sign = value < 0 ? '-' : '';
      if (whole > 0 && rest === 0) return `${sign}${formatNumber(whole, 0)}${before}${big}${spaced}${currency}`;
      return `${sign}${whole > 0 ? `${formatNumber(whole, 0)}${before}${big}${after}` : ''}${formatNumber(rest, decimals)}${gap}${word}${spaced}${currency}`;
    },
  };
}

/**
 * The scale an amount is typed in that a canvas names otherwise: 億, 万, 억 ... (cjkWriting), crore or lakh, an amount
 * in crore or lakh written with its currency as `language` (briefing.language) prints it ("₹25,640 crore"). Shared by
 * check's typed-mismatch (validate/typed-findings.ts) and the briefing's "Where sources disagree" (model/contradictions.ts).
 */
export function writtenScale(typed: Pick<TypedAmount, 'token' | 'currencies'>, language?: string): WrittenScale | undefined {
  const cjk = cjkWriting(typed.token);
  if (cjk !== undefined) return cjk;
  const indian = (typed.token.match(/\p{L}+/gu) ?? []).map((w) => indianScale(w)).find((x) => x !== undefined);
  if (indian === undefined) return undefined;
  const word = indian.multiplier === 1e7 ? 'crore' : 'lakh';
  const unit = typed.currencies[0] ?? '';
  return {
    word,
    multiplier: indian.multiplier,
    write: (value, step) => {
      const number = formatNumber(Math.abs(value) / indian.multiplier, Math.max(0, Math.round(-Math.log10(step / indian.multiplier))));
      return `${value < 0 && /[1-9]/.test(number) ? '-' : ''}${isCurrency(unit) ? currencyPrefix(unit, language) : ''}${number} ${word}`;
    },
  };
}

/** What one of a scale is in a canvas's words: "1億 = 100 million", "1 crore = 10 million". */
export function scaleInWords(scale: Pick<WrittenScale, 'word' | 'multiplier'>): string {
  const [name, factor] = Object.entries(SCALE_FACTOR).filter(([, x]) => x <= scale.multiplier).at(-1)!;
  return `${/^[a-z]/i.test(scale.word) ? `1 ${scale.word}` : `1${scale.word}`} = ${scale.multiplier / factor} ${name}`;
}

/**
 * A canvas's figure (in units, with what its last digit counts, and its scale) written in the scale `typed` is written
 * in, where the canvas names that scale otherwise (writtenScale): "612億円" for JP¥61.2 billion beside "61億円", which a
 * reader taking 億 for billion reads as one; "₹25,640 crore" for ₹256,400 million. Undefined where `typed` has no such
 * scale, or the figure is written in it already (兆 and trillion, 百万 and million).
 */
export function inTypedScale(typed: Pick<TypedAmount, 'token' | 'currencies' | 'step'>, f: { value: number; step: number; scale?: keyof typeof SCALE_FACTOR }, language?: string): string | undefined {
  const scale = writtenScale(typed, language);
  if (scale === undefined || scale.multiplier === scaleFactor(f.scale)) return undefined;
  // To the typed figure's precision ("1,185億円", not "1,185.2億円"), but never to a single digit: £2.5 crore beside
  // "£25 crore" would read "£3 crore", a figure the canvas does not hold, beside a claim that it is a tenth.
  const step = Math.max(typed.step, f.step);
  return scale.write(f.value, Math.abs(f.value) < 10 * step ? f.step : step);
}

/** A percentage typed into text: "45.2%", "-3 %", "46.9 per cent", "6,8 Prozent". */
export interface TypedPercent {
  /** As written, its sign included: "-3 %". */
  token: string;
  /** Where it starts in the text. */
  index: number;
  /** The sign written before it: '', '+', '-' or '−'. */
  sign: string;
  /** Its number without the sign, as English reads it: 6.8 for "6,8 %". */
  magnitude: number;
  /** What its last digit counts: 0.1 for "45.2%". */
  step: number;
}

/**
 * The percentages in `text`, in the order they stand: with a percent sign, or "per cent" and "pct" as British, Indian and
 * Australian releases write it; with a decimal comma where `notation` has one ("6,8 %", "6,8 Prozent", "6,8 pour cent").
 */
export function typedPercents(text: string, notation: Notation = ENGLISH): TypedPercent[] {
  const pattern = notation.decimal === ','
    ? /(?<![\d.,])([-−+]?)(\d+(?:,\d+)?)(?:\s?[%％]|\s(?:per\s?cent|pct|prozent|pour\s?cent|por\s?cento|por\s?ciento|per\s?cento|procent)\b)/gi
    : /(?<![\d.,])([-−+]?)(\d+(?:\.\d+)?)(?:\s?[%％]|\s(?:per\s?cent|pct)\b)/gi;
  return [...text.matchAll(pattern)].map((m) => {
    const digits = m[2]!.replace(',', '.');
    return { token: m[0], index: m.index, sign: m[1]!, magnitude: Number(digits), step: 10 ** -(digits.includes('.') ? digits.split('.')[1]!.length : 0) };
  });
}

/** What follows an amount read in its currency's unit that makes it one in cents: "EUR 35 cents", "35 euro cents". */
const IN_CENTS = /^[\s-]?(?:cents?|Cent|centimes?|céntimos?|centesimi|centavos?|cêntimos?)(?![\p{L}\p{N}])/u;

/**
 * Currencies whose hundredth English calls a cent (and German, Dutch "Cent", French "centime"...): a cent typed without
 * its currency ("87 cents", "35c", "87¢") is one of the reporting currency's where that is one of them, and not read
 * where it is not (a UK canvas's pence are no cents: "35c" beside a GBP figure is no GBP amount).
 */
export const CENT_CURRENCIES: readonly string[] = ['USD', 'EUR', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'ZAR'];

/**
 * The amounts in `text` written in a currency's hundredth (references and quotations blanked out first by the caller), as
 * UK releases write earnings and dividends per share in pence and US and euro ones in cents: "basic EPS of 45.2p", "a final
 * dividend of 12.5 pence per share", "EPS of 87 cents", "35c", "87¢", "35 euro cents". Read in the currency's unit (45.2p is
 * £0.452, its last digit £0.001): pence as GBP; cents as EUR after "euro", USD after "US", and otherwise as `reporting`
 * (briefing.currency) where that has cents (CENT_CURRENCIES), or not at all. Numbers as `notation` writes them ("35,5 Cent").
 */
export function minorAmounts(text: string, notation: Notation = ENGLISH, reporting?: string): TypedAmount[] {
  const { MINOR } = patternsOf(notation);
  const bare = reporting !== undefined && CENT_CURRENCIES.includes(reporting) ? reporting : undefined;
  const found: TypedAmount[] = [];
  for (const match of text.matchAll(MINOR)) {
    const [token, sign, written, p, pence, named, , euroCents] = match;
    // A year marked projected or provisional, as brokers' tables write it, is no amount: "2025p".
    if (p !== undefined && /^(?:19|20)\d\d$/.test(written!)) continue;
    // A currency's code before the number names the cents' ("EUR 35 cents"); pence are no other currency's.
    const code = /(?<![\p{L}\p{N}])([A-Z]{3})\s?$/u.exec(text.slice(Math.max(0, match.index - 5), match.index))?.[1];
    const coded = code === undefined || !isCurrency(code) ? undefined : p === undefined && pence === undefined && CENT_CURRENCIES.includes(code) ? code : null;
    if (coded === null) continue;
    const currency = p !== undefined || pence !== undefined ? 'GBP' : euroCents !== undefined || named === 'euro' ? 'EUR' : named !== undefined ? 'USD' : coded ?? bare;
    if (currency === undefined) continue;
    const english = inEnglish(written!, notation);
    const value = number(english, undefined) / 100;
    found.push({ token, index: match.index, currencies: [currency], value: sign ? -value : value, step: stepOf(english, 0.01), minor: true });
  }
  return found;
}
