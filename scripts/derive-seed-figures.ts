/**
 * Derives test/fixtures/seed/figures.json from the seed document behind data/alibaba.yaml.
 *
 * The tests check that the sample canvas and its PDF carry the seed's figures; they read this
 * fixture, never the seed itself, so that a clone anywhere can run them. Run this again only
 * when the seed changes:
 *
 *   npx tsx scripts/derive-seed-figures.ts PATH/TO/SEED.txt
 *
 * The seed is a noisy web page. Its canvas content runs from the opening paragraph ("You're
 * looking to cut through the noise ...") to the end of the Revenue Streams block; the vendor
 * header (bundle prices), the stray "Finance: draft 13-week cash view by Friday." lines and
 * everything from "Disclaimer" on are not canvas content, so their figures are not listed.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFigures, normaliseFigure, type SeedFigures } from '../test/support/seed-figures.ts';

const FIXTURE = fileURLToPath(new URL('../test/fixtures/seed/figures.json', import.meta.url));
const CONTENT_START = "You're looking to cut through the noise";
const CONTENT_END = /^Disclaimer\s*$/m;
const NOISE_LINE = /^\s*Finance: draft 13-week cash view by Friday\.\s*$/;
/** Characters of context kept on each side of a figure's first appearance. */
const CONTEXT = 50;

/** The seed's canvas content, without the marketing header, noise lines and disclaimer. */
export function seedCanvasText(raw: string): string {
  const text = raw.replace(/\r\n?/g, '\n');
  const start = text.indexOf(CONTENT_START);
  if (start < 0) throw new Error(`the seed's opening paragraph ("${CONTENT_START}") was not found`);
  let body = text.slice(start);
  const end = body.search(CONTENT_END);
  if (end >= 0) body = body.slice(0, end);
  return body
    .split('\n')
    .filter((line) => !NOISE_LINE.test(line))
    .join('\n')
    .trim();
}

/** Each distinct figure with the words around its first appearance, for a reader of a failed check. */
export function deriveSeedFigures(raw: string, source: string): SeedFigures {
  const text = seedCanvasText(raw);
  const flat = text.replace(/\s+/g, ' ');
  const figures = extractFigures(flat).map((figure) => {
    // Where the figure stands alone: not inside a longer one ("12" in "12.3%", "100" in "100,000").
    const at = flat.search(new RegExp(`(?<!\\d)(?<!\\d[.,])${figure.replace(/[.,]/g, '\\$&')}(?!\\d)(?![.,]\\d)`));
    const from = Math.max(0, at - CONTEXT);
    const context = `${from > 0 ? '…' : ''}${flat.slice(from, at + figure.length + CONTEXT).trim()}${at + figure.length + CONTEXT < flat.length ? '…' : ''}`;
    return { figure, context };
  });
  const distinct = new Set(figures.map((f) => normaliseFigure(f.figure)));
  if (distinct.size !== figures.length) throw new Error('extractFigures returned a figure twice');
  return { source, sha256: createHash('sha256').update(raw).digest('hex'), figures };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seed = process.argv[2];
  if (!seed) {
    console.error('usage: npx tsx scripts/derive-seed-figures.ts PATH/TO/SEED.txt');
    process.exit(2);
  }
  const derived = deriveSeedFigures(readFileSync(seed, 'utf8'), basename(seed));
  writeFileSync(FIXTURE, `${JSON.stringify(derived, null, 2)}\n`);
  console.log(`wrote ${FIXTURE}: ${derived.figures.length} figures from ${basename(seed)}`);
}
