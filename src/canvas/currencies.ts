/**
 * Currencies: the one table of how each prints before an amount and the other names people
 * write for it. canvas/format.ts prints amounts with it, validate/ turns an informal currency
 * (RMB, eur, US$) into its ISO code with it, and render/ keeps amounts it prints on one line.
 */

interface Currency {
  /** ISO 4217 code, as a canvas writes it. */
  code: string;
  /** Printed before the amount; default the code and a space ("TWD 5 billion"). */
  prefix?: string;
  /** Other ways of writing it, in lower case, that the validator corrects to the code. */
  names?: string[];
  /**
   * Units of it one US dollar has bought since 1990, from its lowest to its highest (rounded outwards): how far any
   * equivalent's rate can be from the truth is judged against it (exchange-rates.ts).
   */
  perDollar: [number, number];
}

const CURRENCIES: Currency[] = [
  { code: 'CNY', prefix: 'RMB ', names: ['rmb', 'renminbi', 'yuan', 'chinese yuan', '人民币', '人民幣'], perDollar: [4.7, 8.7] },
  { code: 'USD', prefix: 'US$', names: ['dollar', 'dollars', 'us dollar', 'us dollars', 'us$', '$', 'dólar', 'dólares', '美元', '米ドル', 'ドル'], perDollar: [1, 1] },
  { code: 'EUR', prefix: '€', names: ['euro', 'euros', '€', '欧元', 'ユーロ'], perDollar: [0.62, 1.23] },
  { code: 'GBP', prefix: '£', names: ['£', 'pound sterling', 'pounds sterling', 'sterling'], perDollar: [0.47, 0.96] },
  { code: 'HKD', prefix: 'HK$', names: ['hk$', '港元', '港幣', '港币'], perDollar: [7.7, 7.9] },
  { code: 'JPY', prefix: 'JP¥', names: ['yen', 'japanese yen', '円', '日元'], perDollar: [75, 162] },
  { code: 'SGD', prefix: 'S$', perDollar: [1.2, 1.86] },
  { code: 'AUD', prefix: 'A$', perDollar: [0.9, 2.1] },
  { code: 'CAD', prefix: 'C$', perDollar: [0.9, 1.62] },
  { code: 'CHF', prefix: 'CHF ', names: ['fr.', 'sfr', 'sfr.', 'swiss francs', 'swiss franc'], perDollar: [0.7, 1.83] },
  { code: 'INR', prefix: '₹', names: ['rs', 'rs.', 'rupees', 'rupee'], perDollar: [17, 95] },
  { code: 'KRW', prefix: '₩', names: ['won', 'korean won', '원'], perDollar: [670, 1970] },
  { code: 'TWD', names: ['nt$', '新台幣', '新台币'], perDollar: [24, 35] },
  // Since the real's start in July 1994.
  { code: 'BRL', prefix: 'R$', names: ['real', 'reais', 'brazilian real', 'brazilian reais'], perDollar: [0.8, 6.5] },
  { code: 'NOK', perDollar: [4.9, 12] },
  { code: 'SEK', perDollar: [5.8, 11.5] },
  { code: 'DKK', perDollar: [4.6, 9.1] },
];

const PREFIX = new Map(CURRENCIES.flatMap((c) => (c.prefix ? [[c.code, c.prefix] as const] : [])));
const PREFIX_SET = new Set(PREFIX.values());
// A printed prefix written as a unit ("JP¥", "S$") is as informal as a name.
const NAMES = new Map(CURRENCIES.flatMap((c) => [...(c.names ?? []), ...(c.prefix ? [c.prefix.trim().toLowerCase()] : [])].map((n) => [n, c.code] as const)));
const ISO_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/**
 * The signs a regional English prints its own currency with, as CLDR writes them: the table's prefixes without their
 * letters ("US$" in en-US, "C$" in en-CA, "A$" in en-AU are "$"; "JP¥" in en-US is "¥"). See currencyPrefix.
 */
const REGIONAL_SIGNS = [...new Set([...PREFIX.values()].map((p) => p.replace(/\p{L}/gu, '').trim()))].filter((s) => s !== '' && !PREFIX_SET.has(s));

/** The prefixes amounts print with: the table's ("RMB ", "US$", "€", ...) and the regional signs ("$", "¥"); any other ISO code prints as the code and a space. */
export const CURRENCY_PREFIXES: readonly string[] = [...PREFIX.values(), ...REGIONAL_SIGNS];

/** The currency each name of the table that is words means ("yuan", "us dollars", "swiss francs": lower case), as sources write it after an amount. */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([...NAMES].filter(([name]) => /^\p{Ll}+(?: \p{Ll}+)*$/u.test(name)));

/**
 * The currencies a sign written after an amount in Chinese, Japanese or Korean text may be ("1,126億円", "3,450万元"):
 * the table's names in those scripts, and 元, which is the yuan's and the New Taiwan and Hong Kong dollar's.
 */
export const CJK_CURRENCY_SIGNS: ReadonlyMap<string, string[]> = new Map([
  ...[...NAMES].filter(([name]) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(name)).map(([name, code]) => [name, [code]] as [string, string[]]),
  ['元', ['CNY', 'TWD', 'HKD']] as [string, string[]],
].sort((a, b) => b[0].length - a[0].length));

/** True for ISO 4217 currency codes, which print as a prefix; other capitals (TEU, MAU) are unit words. */
export function isCurrency(unit: string): boolean {
  return ISO_CURRENCIES.has(unit);
}

/**
 * How a currency code prints in front of an amount: CNY -> "RMB ", USD -> "US$". In a regional English
 * (briefing.language en-US, en-CA, en-AU, en-IN ...), a currency CLDR writes there with the table's sign less its
 * letters prints so, as its readers write it: USD in en-US is "$", CAD in en-CA "$", JPY in en-US "¥"; every other stays
 * the table's (RMB, €, US$ in en-CA). English without a region (en, the default) and other languages keep the table's.
 */
export function currencyPrefix(code: string, language?: string): string {
  const prefix = PREFIX.get(code) ?? `${code} `;
  const regional = language === undefined ? undefined : regionalSign(code, language);
  return regional !== undefined && regional === prefix.replace(/\p{L}/gu, '').trim() ? regional : prefix;
}

const SIGNS = new Map<string, string | undefined>();

/** The sign CLDR writes `code` with in `language`, where that is a regional English ("en-US"); undefined elsewhere. */
function regionalSign(code: string, language: string): string | undefined {
  const key = `${language}\0${code}`;
  if (!SIGNS.has(key)) {
    let sign: string | undefined;
    try {
      const locale = new Intl.Locale(language);
      if (locale.language === 'en' && locale.region !== undefined && isCurrency(code)) {
        sign = new Intl.NumberFormat(language, { style: 'currency', currency: code }).formatToParts(1).find((p) => p.type === 'currency')?.value;
      }
    } catch {
      sign = undefined; // a tag ICU does not take prints as English without a region
    }
    SIGNS.set(key, sign);
  }
  return SIGNS.get(key);
}

/**
 * The currencies a sign typed before an amount means in `language` where it prints a currency so (currencyPrefix):
 * "$" in en-CA is CAD, in en-US USD; none elsewhere.
 */
export function regionalCurrencies(sign: string, language: string | undefined): string[] {
  if (language === undefined || !REGIONAL_SIGNS.includes(sign)) return [];
  return CURRENCIES.filter((c) => c.prefix !== undefined && currencyPrefix(c.code, language) === sign).map((c) => c.code);
}

/** The ISO code a currency written another way means (eur -> EUR, RMB -> CNY, US$ -> USD); undefined when already right or not a currency. */
export function currencyCodeFor(unit: string): string | undefined {
  const written = unit.trim();
  const named = NAMES.get(written.toLowerCase());
  if (named) return named === written ? undefined : named; // CHF prints as "CHF ": its code is no informal name
  const upper = written.toUpperCase();
  return CURRENCIES.some((c) => c.code === upper) && upper !== written ? upper : undefined;
}

/** The rates of `currency` per one `per` the table allows (since 1990); undefined where either is not in the table. */
export function rateBounds(currency: string, per: string): [number, number] | undefined {
  const [a, b] = [CURRENCIES.find((c) => c.code === currency), CURRENCIES.find((c) => c.code === per)];
  return a && b ? [a.perDollar[0] / b.perDollar[1], a.perDollar[1] / b.perDollar[0]] : undefined;
}
