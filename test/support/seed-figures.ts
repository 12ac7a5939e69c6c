/**
 * Figures in the seed document behind data/alibaba.yaml, for coverage checks.
 *
 * The seed is a noisy web page. Its canvas content runs from the opening
 * paragraph ("You're looking to cut through the noise ...") to the end of the
 * Revenue Streams block; the vendor header (bundle prices), the stray
 * "Finance: draft 13-week cash view by Friday." lines and everything from
 * "Disclaimer" on are not canvas content.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The seed, resolved from this file: <project>/../shared/seeds/... */
export const SEED_PATH = fileURLToPath(
  new URL('../../../shared/seeds/000_f4a6ef6a9328b2be.txt', import.meta.url),
);

const CONTENT_START = "You're looking to cut through the noise";
const CONTENT_END = /^Disclaimer\s*$/m;
const NOISE_LINE = /^\s*Finance: draft 13-week cash view by Friday\.\s*$/;

/** The seed's canvas content, without the marketing header, noise lines and disclaimer. */
export function seedCanvasText(): string {
  const raw = readFileSync(SEED_PATH, 'utf8').replace(/\r\n?/g, '\n');
  const start = raw.indexOf(CONTENT_START);
  if (start < 0) throw new Error(`seed: opening paragraph not found in ${SEED_PATH}`);
  let body = raw.slice(start);
  const end = body.search(CONTENT_END);
  if (end >= 0) body = body.slice(0, end);
  return body
    .split('\n')
    .filter((line) => !NOISE_LINE.test(line))
    .join('\n')
    .trim();
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

/** Distinct figures in the seed's canvas content. */
export function seedFigures(): string[] {
  return extractFigures(seedCanvasText());
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
