/**
 * Amounts of money typed into text ("RMB 3,799", "US$5.6 billion", "EUR 1.2bn"): where a text states a figure a
 * metric holds instead of referring to it, the text neither follows the metric when it is updated nor is checked
 * with it (validate/findings.ts, typed-figure).
 */
import { CURRENCY_PREFIXES, currencyCodeFor, isCurrency } from './currencies.ts';

export interface TypedAmount {
  /** As written: "RMB 3,799". */
  token: string;
  /** ISO code: CNY. */
  currency: string;
  /** In units, the scale applied: 3.799e3, 5.6e9. */
  value: number;
}

const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12 };
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A printed prefix ("RMB ", "US$", "€") or an ISO code, the number (thousands with commas), and a scale word.
const PREFIXES = [...new Set(CURRENCY_PREFIXES.map((p) => p.trim()))].sort((a, b) => b.length - a.length).map(escape).join('|');
const AMOUNT = new RegExp(String.raw`(?<![\p{L}\p{N}$])(${PREFIXES}|[A-Z]{3})\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(thousand|million|billion|trillion|bn|mn|tn|k|m|b)(?![\p{L}\p{N}]))?`, 'gu');

/** The amounts of money in `text` (references and other [[...]] taken out first by the caller). */
export function typedAmounts(text: string): TypedAmount[] {
  const found: TypedAmount[] = [];
  for (const [token, prefix, number, scale] of text.matchAll(AMOUNT)) {
    const currency = currencyCodeFor(prefix!) ?? prefix!;
    if (!isCurrency(currency)) continue; // three capitals that are no currency: "NBA 2025", "ADS 3"
    found.push({ token: token.trimEnd(), currency, value: Number(number!.replace(/,/g, '')) * (scale === undefined ? 1 : SCALE[scale.toLowerCase()]!) });
  }
  return found;
}
