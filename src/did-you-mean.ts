/**
 * "Did you mean ...?": the one notion of a likely misspelling, shared by the schema messages
 * (validate/explain-issues.ts), the reference checks (validate/check-references.ts) and the
 * CLI's --set.
 */

/** Close enough to be a misspelling: a few letters off, or one name contained in the other. */
export function similar(a: string, b: string): boolean {
  if (a === b) return false;
  return a.includes(b) || b.includes(a) || misspelt(a, b);
}

/** A slip of a few letters (a third of the shorter name), swaps counted as one; not one name containing the other. */
export function misspelt(a: string, b: string): boolean {
  if (a === b) return false;
  const limit = Math.max(1, Math.floor(Math.min(a.length, b.length) / 3));
  return editDistance(a.toLowerCase(), b.toLowerCase(), limit) <= limit;
}

/**
 * The candidates `word` may be a slip for, the fewest edits away first (else in their order): similar ones, and ids
 * that share a long start with it (cloud_revenue_q3 for cloud_revenue_q2_2025), at least three letters, so "cl"
 * does not suggest everything starting with c.
 */
export function nearest(word: string, candidates: readonly string[]): string[] {
  const shortFor = new Set(candidates.filter((c) => abbreviates(word, c)));
  const found = candidates.filter((c) => shortFor.has(c) || similar(word, c) || sharedPrefix(word, c) >= Math.max(3, Math.min(8, word.length - 1)));
  // An abbreviation (med_sales for medical_sales) is a few letters short, not a slip: after a slip of one letter, before the rest.
  const distance = new Map(found.map((c) => {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    return [c, shortFor.has(c) ? Math.min(1.5, d) : d];
  }));
  return found.sort((a, b) => distance.get(a)! - distance.get(b)!);
}

/**
 * `med_sales` for `medical_sales`, `rev_q3` for `revenue_q3`: as many words (split at _ - . and spaces), each the
 * start of the candidate's word, at least one of them shortened and at least one of them whole.
 */
function abbreviates(word: string, candidate: string): boolean {
  if (word.length >= candidate.length) return false; // shorter, or no abbreviation (and a megabyte-long name is not split)
  const [short, long] = [word, candidate].map((w) => w.toLowerCase().split(/[_\-. ]+/).filter(Boolean));
  if (short!.length !== long!.length || short!.length < 2) return false;
  let shortened = false;
  let whole = false;
  for (let i = 0; i < short!.length; i++) {
    if (!long![i]!.startsWith(short![i]!)) return false;
    if (short![i] === long![i]) whole = true;
    else shortened = true;
  }
  return shortened && whole;
}

/**
 * The `count` candidates fewest edits from `word` (any case; ties in their order), likely slips or not: what to offer
 * when a name matches nothing near (a logo "missing.svg" in a folder whose one image is logo.svg).
 */
export function closest(word: string, candidates: readonly string[], count: number): string[] {
  const distance = new Map(candidates.map((c) => [c, editDistance(word.toLowerCase(), c.toLowerCase())]));
  return [...candidates].sort((a, b) => distance.get(a)! - distance.get(b)!).slice(0, count);
}

/** `; did you mean "a" or "b"?` for the given names; empty when there are none. */
export function didYouMean(names: readonly string[]): string {
  return names.length > 0 ? `; did you mean ${names.map((n) => `"${n}"`).join(' or ')}?` : '';
}

/**
 * Edit distance counting a swap of neighbours as one edit (optimal string alignment), since typos often swap letters.
 * Past `limit` it stops early and says only "more than limit" (limit + 1): a 1 MB id against a metric's id
 * is not compared letter by letter with it.
 */
function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three rows of the table (the swap looks two rows back), not the whole of it.
  let before = new Int32Array(b.length + 1);
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Int32Array(b.length + 1);
  let previousLeast = 0;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      least = Math.min(least, d);
    }
    // Every later cell comes from this row or, by a swap, the one before it plus one.
    if (least > limit && previousLeast >= limit) return limit + 1;
    previousLeast = least;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}
