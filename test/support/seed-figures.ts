/**
 * Figures of the seed document behind data/alibaba.yaml, for coverage checks. They come from
 * test/fixtures/seed/figures.json, which scripts/derive-seed-figures.ts derives from the seed:
 * the tests never read outside the repository.
 */
import { readFileSync } from 'node:fs';

export interface SeedFigures {
  /** File name of the seed the figures were read from. */
  source: string;
  /** SHA-256 of that file, so a changed seed is noticed. */
  sha256: string;
  /** Distinct figures as written, in order of first appearance, with the words around them. */
  figures: Array<{ figure: string; context: string }>;
}

const FIXTURE = new URL('../fixtures/seed/figures.json', import.meta.url);

/** The committed fixture. */
export function seedFixture(): SeedFigures {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as SeedFigures;
}

/** Distinct figures in the seed's canvas content, as written (with their commas). */
export function seedFigures(): string[] {
  return seedFixture().figures.map((f) => f.figure);
}

/** "12.3 (…the words around it…)": a missing figure as a reader can find it in the seed. */
export function withContext(figures: string[]): string {
  const context = new Map(seedFixture().figures.map((f) => [f.figure, f.context]));
  return figures.map((f) => `${f} (${context.get(f) ?? '?'})`).join('; ');
}

/** A number as written: digits, optional thousands groups, optional decimals. */
const FIGURE = /\d+(?:,\d{3})*(?:\.\d+)?/g;

/** Removes thousands separators, so "585,663" and "585663" compare equal. */
export function normaliseFigure(figure: string): string {
  return figure.replace(/,/g, '');
}

/** Distinct figures in a text, as written (with their commas), in order of first appearance. */
export function extractFigures(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of text.matchAll(FIGURE)) {
    // "11.11." at the end of a sentence: the regex never takes a trailing dot.
    const fig = m[0];
    if (!seen.has(normaliseFigure(fig))) {
      seen.add(normaliseFigure(fig));
      out.push(fig);
    }
  }
  return out;
}

/** Strips thousands separators between digits in running text ("585,663" -> "585663", "31, 2025" kept). */
export function normaliseText(text: string): string {
  return text.replace(/(?<=\d),(?=\d{3}(?!\d))/g, '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Figures not found in text as a whole number: "12.3" does not match inside
 * "112.35", "5" does not match inside "5.6" or "15". Comparison is on
 * comma-stripped forms, so "585,663" matches "585663" and vice versa.
 */
export function missingFigures(figures: string[], text: string): string[] {
  const haystack = normaliseText(text);
  return figures.filter((fig) => {
    const needle = escapeRegExp(normaliseFigure(fig));
    // Not preceded by a digit or "digit." and not followed by a digit or ".digit".
    const re = new RegExp(`(?<!\\d)(?<!\\d\\.)${needle}(?!\\d)(?!\\.\\d)`);
    return !re.test(haystack);
  });
}

/** Running text as figures are compared in words: no thousands separators, single spaces, "5.1 percent" as "5.1%", "8.511B" as "8.511 billion". */
function wordsNormalised(text: string): string {
  return normaliseText(text).replace(/\s+/g, ' ').replace(/(?<=\d) ?percent\b/g, '%').replace(/(?<=\d)B\b/g, ' billion');
}

/** A figure as a whole number (the rule of missingFigures), as a regular expression source. */
function wholeFigure(figure: string): string {
  return `(?<!\\d)(?<!\\d\\.)${escapeRegExp(normaliseFigure(figure))}(?!\\d)(?!\\.\\d)`;
}

/**
 * The figure with the word after it in its seed context ("41 billion", "12.3%", "88VIP"), or before
 * punctuation the word before it ("late 2025"); undefined when the context has neither, e.g. because
 * it shows the figure only inside a longer one ("12" in "12.3%").
 */
export function figureInWords(figure: string, context: string): string | undefined {
  const text = wordsNormalised(context);
  const after = new RegExp(`${wholeFigure(figure)}(%|-?[A-Za-z][A-Za-z\\d]*| [A-Za-z][A-Za-z\\d]*)`).exec(text);
  if (after) return normaliseFigure(figure) + after[1];
  const before = new RegExp(`(?<![A-Za-z])([A-Za-z]+ ?)${wholeFigure(figure)}`).exec(text);
  return before ? before[1] + normaliseFigure(figure) : undefined;
}

/** Seed figures not found in text together with their word (figureInWords), case ignored; those without one count as missing. */
export function missingInWords(text: string): string[] {
  const haystack = wordsNormalised(text);
  return seedFixture().figures.filter(({ figure, context }) => {
    const words = figureInWords(figure, context);
    if (words === undefined) return true;
    const edge = /^[A-Za-z]/.test(words) ? '(?<![A-Za-z])' : '(?<!\\d)(?<!\\d\\.)';
    return !new RegExp(`${edge}${escapeRegExp(words)}(?![A-Za-z\\d])`, 'i').test(haystack);
  }).map((f) => f.figure);
}
