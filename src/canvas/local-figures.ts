/**
 * Figures as a language that writes numbers otherwise than English prints them (briefing.language: de, fr, it, nl,
 * es, pt-BR, de-CH ...), as the Unicode CLDR has it through Intl: its decimal mark and grouping ("1.234,5",
 * "1 234,5" grouped with a no-break space where CLDR has French group with a narrow one (drawable), "1’234.5"), its short scale words ("Mio.", "Mrd.",
 * "M", "Md", "Mln", "mld.", "mi", "bi"), its percent sign's place ("7,2 %") and where it puts a currency ("1.234,5
 * Mio. €", "€ 1.234,5 mln."). The tool's own currency signs stay (US$, RMB, €: "$" alone is no one currency), only
 * placed as the language places its own. Inside a figure every space is a no-break one (Intl's), so an amount never
 * breaks over two lines. A language whose numbers read as English ones (en-GB, zh-Hans, ja, ko, hi ...) has none:
 * canvas/format.ts then prints as it always has.
 */
import { ENGLISH, notationOf } from './typed-amounts.ts';
import { SCALE_FACTOR } from './numbers.ts';

export type Scale = keyof typeof SCALE_FACTOR;

export interface LocalFigures {
  /** The BCP 47 tag the figures follow. */
  language: string;
  /** A number (its absolute value) with the language's marks and `decimals` digits after its decimal mark. */
  number(value: number, decimals: number): string;
  /** The scale word after a number: "Mio.", "Md", "mil M". */
  scale(scale: Scale): string;
  /** A number with the percent sign as the language writes it: "7,2 %" (a no-break space), "7,2%". */
  percent(number: string): string;
  /** An amount with its currency sign (the tool's: "€", "US$", "RMB") where the language puts it: "1.234,5 Mio. €", "€ 1.234,5 mln.". */
  currency(amount: string, sign: string): string;
  /** The decimal mark and the thousands separator (Intl's), for what draws numbers itself (a chart's axis). */
  decimal: string;
  group: string;
  /** Every scale word it prints, for what reads its figures back (negatives put in brackets). */
  scaleWords: string[];
}

const NBSP = '\u00a0';

/**
 * CLDR's narrow no-break space (U+202F: French "1 234,5", "7,2 %") as a no-break space: Inter, the briefing's face, has
 * no glyph for it, and Chromium printed it with no width at all, "1234,5", which a reader may take for another figure.
 */
function drawable(text: string): string {
  return text.replace(/\u202f/g, NBSP);
}
const cache = new Map<string, LocalFigures | undefined>();

/** The figures of `language`, or undefined where it writes numbers as English does (or is unset, or unknown to Intl). */
export function localFigures(language: string | undefined): LocalFigures | undefined {
  if (language === undefined) return undefined;
  if (!cache.has(language)) cache.set(language, notationOf(language) === ENGLISH ? undefined : make(language));
  return cache.get(language);
}

function make(language: string): LocalFigures {
  const options = { numberingSystem: 'latn' } as const;
  const formatters: Intl.NumberFormat[] = [];
  const number = (value: number, decimals: number) =>
    drawable((formatters[decimals] ??= new Intl.NumberFormat(language, { ...options, minimumFractionDigits: decimals, maximumFractionDigits: decimals })).format(Math.abs(value)));
  const parts = new Intl.NumberFormat(language, options).formatToParts(1234567.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const group = drawable(parts.find((p) => p.type === 'group')?.value ?? ',');
  const scales = Object.fromEntries((Object.keys(SCALE_FACTOR) as Scale[]).map((s) => [s, scaleWord(language, s)])) as Record<Scale, string>;
  const percent = placement(new Intl.NumberFormat(language, { ...options, style: 'percent' }).formatToParts(0.5), 'percentSign');
  // Where a symbol goes (the euro's), and a code written in letters (the franc's "CHF"): Intl places some codes otherwise.
  const symbol = placement(new Intl.NumberFormat(language, { ...options, style: 'currency', currency: 'EUR' }).formatToParts(1), 'currency');
  const code = placement(new Intl.NumberFormat(language, { ...options, style: 'currency', currency: 'CHF' }).formatToParts(1), 'currency');
  return {
    language,
    number,
    scale: (s) => scales[s],
    percent: (n) => percent.put(n, '%'),
    currency: (amount, sign) => {
      const letters = /^\p{L}+$/u.test(sign);
      const where = letters ? code : symbol;
      // A code of letters never touches the digits: "RMB 1,2 Mrd.", not "RMB1,2 Mrd.".
      return where.put(amount, sign, letters && where.joiner === '' ? NBSP : undefined);
    },
    decimal,
    group,
    scaleWords: Object.values(scales),
  };
}

/** Whether `part` comes before or after the number in Intl's parts, and the space between them (a no-break one, or none). */
function placement(parts: Intl.NumberFormatPart[], part: 'percentSign' | 'currency'): { joiner: string; put(number: string, sign: string, joiner?: string): string } {
  const at = parts.findIndex((p) => p.type === part);
  const digits = parts.findIndex((p) => p.type === 'integer');
  const before = at < digits;
  const between = parts.slice(Math.min(at, digits) + 1, Math.max(at, digits)).filter((p) => p.type === 'literal').map((p) => p.value).join('');
  const joiner = /^\s+$/u.test(between) ? (between === ' ' ? NBSP : drawable(between)) : '';
  return {
    joiner,
    put: (number, sign, own = joiner) => (before ? `${sign}${own}${number}` : `${number}${own}${sign}`),
  };
}

/**
 * The language's short word for a scale, as CLDR's compact short forms give it ("Mio.", "Md", "Mln", "mld.", "mi"),
 * read from the first of 1, 10 and 100 of it that Intl writes with a word (Spanish writes a thousand millions as
 * "1000 M" and ten thousand millions as "10 mil M"), else its long form ("Tausend"). German financial text writes a
 * thousand "Tsd.", which CLDR does not have.
 */
function scaleWord(language: string, scale: Scale): string {
  if (scale === 'thousand' && new Intl.Locale(language).language === 'de') return 'Tsd.';
  for (const display of ['short', 'long'] as const) {
    const format = new Intl.NumberFormat(language, { numberingSystem: 'latn', notation: 'compact', compactDisplay: display, maximumFractionDigits: 0 });
    for (const n of [1, 10, 100]) {
      const parts = format.formatToParts(n * SCALE_FACTOR[scale]);
      const word = parts.filter((p) => p.type === 'compact').map((p) => p.value).join('');
      if (word !== '' && parts.filter((p) => p.type === 'integer').map((p) => p.value).join('') === String(n)) return word.replace(/ /g, NBSP);
    }
  }
  return scale; // not reached for a language Intl knows: every one has a long form
}

/** A briefing.language's primary subtag, in lower case ("pt" for pt-BR, "zh" for zh-Hans); "en" where none is given. */
export function languageCode(language: string | undefined): string {
  return (language ?? 'en').toLowerCase().split(/[-_]/)[0]!;
}

/** "German" for de, "Brazilian Portuguese" for pt-BR, as messages name a briefing.language (the tag itself where Intl has no name for it); undefined for a tag Intl refuses. */
export function languageName(language: string): string | undefined {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(language);
  } catch {
    return undefined;
  }
}

/** Whether `lang` (a BCP 47 tag: briefing.language) is Chinese, Japanese or Korean: its text is drawn in its CJK face, and its scales are 億 and 万. */
export function isCjkLanguage(lang: string | undefined): lang is string {
  return lang !== undefined && /^(?:zh|ja|ko)(?:-|$)/i.test(lang);
}
