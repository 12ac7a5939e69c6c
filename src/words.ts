/** Lists as a sentence writes them, for messages; and text as a regular expression matches it. */

/** "a", "a and b", "a, b and c" (or "... or c"). */
export function listOf(items: readonly string[], conjunction: 'and' | 'or'): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}` : items.join('');
}

/** A file size as messages write it: "626 KB", "1.1 MB". */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Words that join a label's words and name nothing of their own, in the languages the checks read: "Loans and advances
 * to customers", "Cash and cash equivalents", "Umsatz aus Verträgen mit Kunden". A check that takes a word of any
 * metric's label for a sign of another measure leaves them out: with such a label in the canvas, every clause with
 * "to" or "and" in it read as speaking of another measure, and a wrong figure in it passed.
 */
export const JOINING_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'its', 'of', 'on', 'or', 'the', 'to', 'with',
  'aus', 'bei', 'das', 'dem', 'den', 'der', 'des', 'die', 'für', 'im', 'mit', 'oder', 'und', 'von', 'zu', 'zum', 'zur',
  'au', 'aux', 'du', 'de', 'en', 'et', 'la', 'le', 'les', 'ou', 'par', 'pour', 'sur', 'à',
  'da', 'do', 'dos', 'e', 'el', 'los', 'las', 'y', 'del', 'di', 'della', 'il', 'een', 'het', 'van', 'voor',
]);
