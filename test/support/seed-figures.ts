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
