/** Lists as a sentence writes them, for messages; text as a regular expression matches it; and places in text, found by halving. */
import { RecentMap } from './recent-map.ts';

/** "a", "a and b", "a, b and c" (or "... or c"). */
export function listOf(items: readonly string[], conjunction: 'and' | 'or'): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}` : items.join('');
}

/**
 * A briefing as messages name it: its canvas file, with its block set in brackets ("data/c006.yaml (finance)"). The
 * whole canvas's briefing (set "full") is named by the file alone when it is the canvas's only one, and as
 * "(full briefing)" beside block sets (`canvasSets`: every set the canvas has, "full" first): "c006.yaml (full): ...
 * stopped answering" read as a full disk to a user whose canvas has no block set.
 */
export function briefingOf(file: string, set: string, canvasSets: readonly string[] | undefined): string {
  if (set !== 'full') return `${file} (${set})`;
  return (canvasSets?.length ?? 0) > 1 ? `${file} (full briefing)` : file;
}

/** A file size as messages write it: "626 KB", "1.1 MB". */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A --max-wait of `ms` as messages write it: "--max-wait 0.5 minutes", "--max-wait 1 minute". */
export function maxWaitText(ms: number): string {
  const minutes = ms / 60_000;
  return `--max-wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/**
 * Which occurrence of `needle` in `text`, counted from 0, one starting at `at` is: how many times it occurs wholly before
 * `at`, each counted from the end of the last (as `text.slice(0, at).split(needle)` counts them), as the canvas locator
 * finds the nth. Its places in a text are found once for the last few texts asked about (OCCURRENCE_TEXTS): a paragraph of
 * thousands of typed figures asks once for each, and counting each time read the paragraph thousands of times.
 */
export function occurrencesBefore(text: string, needle: string, at: number): number {
  if (needle === '') return text.slice(0, at).split(needle).length - 1;
  let needles = occurrenceTexts.get(text);
  if (needles === undefined) occurrenceTexts.set(text, (needles = new Map()));
  let places = needles.get(needle);
  if (places === undefined) {
    places = [];
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) places.push(i);
    needles.set(needle, places);
  }
  // The first place whose occurrence ends after `at`: the count of those before it.
  return firstWhere(places, (place) => place + needle.length > at);
}
/** The index of the first of `list` (ordered so that `test` is false, then true) for which `test` holds; its length if none: found by halving. */
export function firstWhere<T>(list: readonly T[], test: (item: T) => boolean): number {
  let [low, high] = [0, list.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(list[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The texts occurrencesBefore keeps the places of needles in. */
const OCCURRENCE_TEXTS = 8;
const occurrenceTexts = new RecentMap<string, Map<string, number[]>>(OCCURRENCE_TEXTS);

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
