/**
 * Currencies: the one table of how each prints before an amount and the other names people
 * write for it. model/format.ts prints amounts with it, validate/ turns an informal currency
 * (RMB, eur, US$) into its ISO code with it, and render/ keeps amounts it prints on one line.
 */

interface Currency {
  /** ISO 4217 code, as a canvas writes it. */
  code: string;
  /** Printed before the amount; default the code and a space ("TWD 5 billion"). */
  prefix?: string;
  /** Other ways of writing it, in lower case, that the validator corrects to the code. */
  names?: string[];
}

const CURRENCIES: Currency[] = [
  { code: 'CNY', prefix: 'RMB ', names: ['rmb', 'renminbi', 'yuan'] },
  { code: 'USD', prefix: 'US$', names: ['dollar', 'dollars', 'us dollar', 'us dollars', 'us$', '$'] },
  { code: 'EUR', prefix: '€', names: ['euro', 'euros', '€'] },
  { code: 'GBP', prefix: '£', names: ['£', 'pound sterling', 'pounds sterling', 'sterling'] },
  { code: 'HKD', prefix: 'HK$', names: ['hk$'] },
  { code: 'JPY', prefix: 'JP¥', names: ['yen'] },
  { code: 'SGD', prefix: 'S$' },
  { code: 'AUD', prefix: 'A$' },
  { code: 'CAD', prefix: 'C$' },
  { code: 'CHF', prefix: 'CHF ', names: ['fr.', 'sfr', 'sfr.', 'swiss francs', 'swiss franc'] },
  { code: 'INR', prefix: '₹', names: ['rs', 'rs.', 'rupees', 'rupee'] },
  { code: 'KRW', prefix: '₩' },
  { code: 'TWD' },
  { code: 'NOK' },
  { code: 'SEK' },
  { code: 'DKK' },
];

const PREFIX = new Map(CURRENCIES.flatMap((c) => (c.prefix ? [[c.code, c.prefix] as const] : [])));
// A printed prefix written as a unit ("JP¥", "S$") is as informal as a name.
const NAMES = new Map(CURRENCIES.flatMap((c) => [...(c.names ?? []), ...(c.prefix ? [c.prefix.trim().toLowerCase()] : [])].map((n) => [n, c.code] as const)));
const ISO_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** The prefixes of the table ("RMB ", "US$", "€", ...); any other ISO code prints as the code and a space. */
export const CURRENCY_PREFIXES: readonly string[] = [...PREFIX.values()];

/** The currency each name of the table that is words means ("yuan", "us dollars", "swiss francs": lower case), as sources write it after an amount. */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([...NAMES].filter(([name]) => /^[a-z]+(?: [a-z]+)*$/.test(name)));

/** True for ISO 4217 currency codes, which print as a prefix; other capitals (TEU, MAU) are unit words. */
export function isCurrency(unit: string): boolean {
  return ISO_CURRENCIES.has(unit);
}

/** How a currency code prints in front of an amount: CNY -> "RMB ", USD -> "US$". */
export function currencyPrefix(code: string): string {
  return PREFIX.get(code) ?? `${code} `;
}

/** The ISO code a currency written another way means (eur -> EUR, RMB -> CNY, US$ -> USD); undefined when already right or not a currency. */
export function currencyCodeFor(unit: string): string | undefined {
  const written = unit.trim();
  const named = NAMES.get(written.toLowerCase());
  if (named) return named === written ? undefined : named; // CHF prints as "CHF ": its code is no informal name
  const upper = written.toUpperCase();
  return CURRENCIES.some((c) => c.code === upper) && upper !== written ? upper : undefined;
}
