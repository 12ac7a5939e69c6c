/**
 * Words that say which way a figure moved, beside its change (`[[revenue.change]]`, which prints its own sign: "+6.3%
 * YoY"): read by change-direction (findings.ts: words saying the other way) and doubled-words (the same way twice, by an adverb: ", up +6.3% YoY").
 */

/** Which way the words say the figure moved: up or down, or better or worse (which way that is, `change.better` says). */
export type Moved = 'up' | 'down' | 'better' | 'worse';

/** Words beside a change saying how it moved, where they are in the text, and the words as written ("rose by", "um … gestiegen"). */
export interface MovedWords { moved: Moved; words: Array<{ text: string; start: number; end: number }> }

/**
 * Just before the change: up ("rose", "rises", "was up", "grew by", "(up", "an increase of", "higher by"; German "stieg
 * um", "gestiegen um", "ein Plus von"), down ("fell", "declines", "was down", "a decrease of"; "sank um", "ein Rückgang
 * von"), or better or worse ("improved", "deteriorated").
 */
const BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(?:(${[
  'rose', 'rises', 'risen', 'gr(?:ew|ows|own)', 'increas(?:ed|es)', 'climb(?:ed|s)', 'jump(?:ed|s)', 'gain(?:ed|s)', 'expand(?:ed|s)', 'surg(?:ed|es)', 'soar(?:ed|s)', 'up', 'higher',
  '(?:an? )?(?:increase|rise|gain|growth) of',
  // German: a verb before "um", and a noun of the change.
  '(?:an)?(?:stieg(?:en)?|steigt|steigen|gestiegen)(?:\\s+um)?', '(?:wuchs(?:en)?|wächst|gewachsen)(?:\\s+um)?', '(?:erhöhte|erhöhten|erhöht)(?:\\s+sich)?(?:\\s+um)?',
  '(?:ein(?:em|en)?\\s+)?(?:plus|anstieg|zuwachs|wachstum)\\s+(?:um|von)',
].join('|')})|(${[
  'f[ae]ll', 'falls', 'fallen', 'declin(?:ed|es)', 'dropp?(?:ed|s)', 'decreas(?:ed|es)', 'slipp?(?:ed|s)', 'shr[au]nk', 'shrinks', 'contract(?:ed|s)', 'plung(?:ed|es)', 'slump(?:ed|s)', 'tumbl(?:ed|es)', 'down', 'lower',
  '(?:an? )?(?:decrease|decline|drop|fall|contraction) of',
  '(?:sank(?:en)?|sinkt|sinken|gesunken)(?:\\s+um)?', '(?:fiel(?:en)?|fällt|gefallen)(?:\\s+um)?', '(?:zurückgegangen|verringerte|verringerten|verringert)(?:\\s+sich)?(?:\\s+um)?',
  '(?:ein(?:em|en)?\\s+)?(?:minus|rückgang)\\s+(?:um|von)',
].join('|')})|(improv(?:ed|es))|(deteriorat(?:ed|es)|worsen(?:ed|s)))(?:\\s+by)?\\s*$`, 'iu');

/** German puts the verb after the change: "um [[umsatz.change]] gestiegen" (printing "um +6,3 % YoY gestiegen"), "um [[umsatz.change]] zurückgegangen". */
const UM = /(?<![\p{L}\p{N}])um\s*$/iu;
const AFTER = /^\s*(?:(?:an)?gestiegen|gewachsen|erhöht|gesteigert|(?:(gesunken|gefallen|zurückgegangen|verringert|gesenkt)))(?![\p{L}\p{N}])/iu;

/** The words beside the change `text` refers to at `start`..`end` saying which way it moved, if any. */
export function movedWords(text: string, start: number, end: number): MovedWords | undefined {
  const from = Math.max(0, start - 40);
  const before = BEFORE.exec(text.slice(from, start));
  if (before !== null) {
    const written = before[0].trim();
    const at = from + before.index + before[0].indexOf(written);
    const moved: Moved = before[1] !== undefined ? 'up' : before[2] !== undefined ? 'down' : before[3] !== undefined ? 'better' : 'worse';
    return { moved, words: [{ text: written, start: at, end: at + written.length }] };
  }
  // "um" just before, and the verb after the change and its basis ("um +6,3 % YoY gestiegen").
  const um = UM.exec(text.slice(from, start));
  const after = AFTER.exec(text.slice(end));
  if (um === null || after === null) return undefined;
  const verb = after[0].trimStart();
  const at = end + after[0].length - verb.length;
  return { moved: after[1] === undefined ? 'up' : 'down', words: [{ text: 'um', start: from + um.index, end: from + um.index + 2 }, { text: verb, start: at, end: at + verb.length }] };
}

/**
 * Between a figure and an earlier one of its measure after it, words saying which way it moved from it: "[[net_debt]] at
 * 30 June 2025, down from [[net_debt@2024-12-31]]", "[[revenue]] (up 9% on [[revenue@2024-09-30]])". In its clause: no
 * semicolon, full stop or other figure between.
 */
const FROM_AFTER = /^[^[\];.]{0,60}?(?:,\s*|\(\s*|\s+)(?:(up|higher|an? (?:increase|rise))|(down|lower|an? (?:decrease|decline|fall|drop)))(?:\s+(?:by\s+)?\d+(?:\.\d+)?\s?%)?\s+(?:from|on|versus|vs\.?|compared (?:with|to)|against)\s*$/i;
/** Before an earlier figure, then "to" and the figure: "rose from [[revenue@2024-09-30]] to [[revenue]]". */
const FROM_BEFORE = /(?<![\p{L}])(?:(rose|grew|increased|climbed|jumped|went up)|(fell|declined|decreased|dropped|slipped|shrank|went down))\s+from\s*$/iu;

/**
 * The words that say which way a figure moved from an earlier one beside it (English): the figure's reference at
 * [start, end) and the earlier one's after it ("[[a]], down from [[b]]"), or the earlier one's before it ("fell from [[b]]
 * to [[a]]": `earlierFirst`). `between` is the text between the two.
 */
export function movedFrom(text: string, first: { start: number; end: number }, second: { start: number; end: number }): (MovedWords & { earlierFirst: boolean }) | undefined {
  const between = text.slice(first.end, second.start);
  const after = FROM_AFTER.exec(between);
  if (after !== null) {
    const written = (after[1] ?? after[2])!;
    const at = first.end + after.index + after[0].lastIndexOf(written, after[0].length);
    return { moved: after[1] !== undefined ? 'up' : 'down', words: [{ text: written, start: at, end: at + written.length }], earlierFirst: false };
  }
  const from = Math.max(0, first.start - 40);
  const before = /^\s+to\s+$/i.test(between) ? FROM_BEFORE.exec(text.slice(from, first.start)) : null;
  if (before === null) return undefined;
  const written = before[0].trim();
  const at = from + before.index;
  return { moved: before[1] !== undefined ? 'up' : 'down', words: [{ text: written, start: at, end: at + written.length }], earlierFirst: true };
}
