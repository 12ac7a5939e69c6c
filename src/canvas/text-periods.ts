/**
 * The periods a sentence names, and the period a figure is for, in one key each: to tell a figure that its
 * sentence speaks of another period ("[[revenue]] in Q2 2025", the series rolled forward to Q3 underneath).
 * Read: calendar quarters ("Q2 2025", "2Q25", "Q2'25", "2025 Q2", "second quarter of 2025"), keyed by their last
 * day, which a fiscal quarter's figure shares (its period_end); fiscal years (FY2025, FY 2025, FY25, fiscal 2025,
 * full year 2025); halves (H1 2025, 1H25, first half of 2025). A fiscal year's quarter or half ("Q2 FY2026",
 * "H1 FY2026") is none of these: its words are not compared.
 */
import type { Metric } from '../validate/schema.ts';
import { periodEndIn, periodKind, periodText } from './conflicts.ts';

/** A period named in a sentence: its key, as written, where, and whether the sentence compares with it ("up from Q2 2025"). */
export interface NamedPeriod {
  key: string;
  text: string;
  compared: boolean;
}

// A year of two digits only where it cannot be another number: after an apostrophe, or run together with the quarter
// or half ("3Q25", "1H25", "FY25"); "Q3 20% came from cloud", "Q1 20-F" and "H100 chips" name no period. Spaces are
// bounded ({0,3}), so a run of them is never read over and over.
const QUARTER = /\b(?:q[1-4](?:[ \t'’/-]{0,3}\d{4}|\s?['’]\d{2})|[1-4]q[ \t'’]{0,3}(?:\d{4}|\d{2})|\d{4}[ \t/-]{0,3}q[1-4]|(?:first|second|third|fourth) quarter(?: of)? \d{4})\b(?![%-])/gi;
const FISCAL_YEAR = /\b(?:fy|fiscal(?: year)?|financial year|full[- ]year)[ \t'-]{0,3}(?:\d{4}|\d{2})\b(?![%-])/gi;
const HALF = /\b(?:h[12](?:[ \t]{0,3}\d{4}|\s?['’]\d{2})|[12]h[ \t']{0,3}(?:\d{4}|\d{2})|(?:first|second) half(?: of)? \d{4})\b(?![%-])/gi;
/** A quarter or half of a fiscal year, around a fiscal year's words: "Q2 FY2026", "FY2026 Q2", "1H FY26" (tested on a few characters either side). */
const PART_BEFORE = /(?:\bq[1-4]|\b[1-4]q|\bh[12]|\b[12]h)\s{0,3}$/i;
const PART_AFTER = /^\s{0,3}(?:q[1-4]|h[12])\b/i;
/**
 * Words that make the period one the sentence compares with, shortly before it ("up 8% from Q2 2025", "vs. FY2024",
 * "up from EUR 401.7 million in Q2 2025", "up 8% on FY2024"), or a bracket that gives another figure for it ("(Q3 2024: EUR 390m)").
 */
const COMPARED = /(?:\bvs\.|\b(?:from|since|than|vs|versus|compared|against|prior|previous|preceding|a year earlier|above|below|ahead of|relative to)\b|(?:%|\b(?:up|down|rose|fell|grew|declined))(?:[^.;]|\.\d){0,20}\b(?:on|over)\b)(?:[^.;]|\.\d){0,40}$/i;
// (Tested on the 50 characters before the period only: a sentence of thousands of periods is read in linear time.)

/** The key of the period a figure is for, when it is a quarter, a fiscal year or a half whose words or end say which. */
function periodKeyOf(m: Pick<Metric, 'period' | 'period_type' | 'period_end'>): string | undefined {
  // A forecast's or target's period is read from its words, as any other figure's.
  const kind = periodKind(m.period_type === 'forecast' || m.period_type === 'target' ? { period: m.period } : m);
  if (kind === 'quarter') return m.period_end === undefined ? undefined : `q:${m.period_end}`;
  if (kind === 'year') return fiscalYearKey(m.period);
  if (kind === 'half_year') return halfKey(m.period);
  return undefined;
}

/** The key of the fiscal year, or of the half, period words name ("FY25" is fy2025, "1H 2025" h1-2025), as periodText spells them. */
const fiscalYearKey = (words: string) => /\bfy\d{4}\b/.exec(periodText(words))?.[0];
const halfKey = (words: string) => /\bh[12]-\d{4}\b/.exec(periodText(words))?.[0];

/**
 * The keys a sentence may name a figure's period by: its own, and those its period's words give. A company whose
 * fiscal quarter ends 30 September may call it "Q2 2025" (period: "Q2 2025", period_end: 2025-09-30): text that says
 * "Q2 2025" then names that figure's quarter, whatever a calendar says.
 */
export function periodKeysOf(m: Pick<Metric, 'period' | 'period_type' | 'period_end'>): Set<string> {
  const own = periodKeyOf(m);
  return new Set(own === undefined ? [] : [own, ...namedPeriods(m.period).map((p) => p.key)]);
}

/** The quarters, fiscal years and halves `sentence` names, in order. */
export function namedPeriods(sentence: string): NamedPeriod[] {
  const found: Array<NamedPeriod & { at: number }> = [];
  const add = (pattern: RegExp, key: (text: string) => string | undefined, skip?: (at: number, text: string) => boolean) => {
    for (const match of sentence.matchAll(pattern)) {
      const at = match.index;
      if (skip?.(at, match[0])) continue;
      const k = key(match[0]);
      if (k !== undefined) found.push({ key: k, text: match[0], at, compared: COMPARED.test(sentence.slice(Math.max(0, at - 50), at)) || (/\(\s*$/.test(sentence.slice(Math.max(0, at - 3), at)) && /^\s*:/.test(sentence.slice(at + match[0].length, at + match[0].length + 3))) });
    }
  };
  add(QUARTER, (t) => {
    const end = periodEndIn(t);
    return end === undefined ? undefined : `q:${end}`;
  });
  add(FISCAL_YEAR, fiscalYearKey, (at, t) => PART_BEFORE.test(sentence.slice(Math.max(0, at - 8), at)) || PART_AFTER.test(sentence.slice(at + t.length, at + t.length + 8)));
  add(HALF, halfKey);
  return found.sort((a, b) => a.at - b.at).map(({ key, text, compared }) => ({ key, text, compared }));
}

const ABBREVIATION = /(?:^|[\s(])(?:vs|approx|ca|cf|i\.e|e\.g|no|nos|fig|figs|incl|excl|est|avg|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/i;

/** The sentences of `text`, in order, each from where it starts to where it ends (after its full stop). */
export function sentencesOf(text: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?](?=\s+(?:[A-Z0-9"“([]|$))|\n\s*\n/g)) {
    // Not after an abbreviation: "vs. FY2024", "approx. 8%", "No. 1", "Sept. 2025".
    if (match[0] === '.' && ABBREVIATION.test(text.slice(Math.max(0, match.index - 8), match.index))) continue;
    const end = match.index + match[0].length;
    found.push({ start, end });
    start = end;
  }
  found.push({ start, end: text.length });
  return found;
}
