/**
 * The texts of a canvas that may refer to metrics ([[id]]), with their places: the one list of them that
 * check-references.ts checks the references of, and findings.ts and typed-findings.ts read for the metrics used and the figures typed.
 */
import type { KeyPath } from '../canvas/key-path.ts';
import type { CanvasInput } from './schema.ts';
import { chapterEntries } from '../canvas/blocks.ts';
import { parseReferences } from '../canvas/references.ts';

/** The texts that may refer to metrics, with their places. */
export function referringTexts(canvas: CanvasInput): Array<{ text: string; path: KeyPath }> {
  const texts: Array<{ text: string; path: KeyPath }> = [];
  const add = (text: string | undefined, path: KeyPath) => { if (text) texts.push({ text, path }); };
  add(canvas.briefing.summary, ['briefing', 'summary']);
  for (const [chartId, chart] of Object.entries(canvas.charts ?? {})) add(chart.caption, ['charts', chartId, 'caption']);
  for (const { block, path: at } of chapterEntries(canvas)) {
    add(block.lead, [...at, 'lead']);
    block.sections.forEach((section, s) => section.content.forEach((item, c) => {
      const path: KeyPath = [...at, 'sections', s, 'content', c];
      if ('paragraph' in item) add(item.paragraph, [...path, 'paragraph']);
      else if ('bullets' in item) item.bullets.forEach((b, i) => add(b, [...path, 'bullets', i]));
      else if ('table' in item) item.table.rows.forEach((row, r) => row.forEach((cell, ci) => { if (typeof cell === 'string') add(cell, [...path, 'table', 'rows', r, ci]); }));
    }));
  }
  for (const [setId, set] of Object.entries(canvas.block_sets ?? {})) add(set.summary, ['block_sets', setId, 'summary']);
  return texts;
}

/** A well-formed reference in a text, with its text, where it is, and which occurrence of its token it is there. */
export interface TextReference { ref: ReturnType<typeof parseReferences>[number]; text: string; path: KeyPath; nth: number }

/** Each well-formed reference in the texts that take them (TextReference). */
export function* textReferences(canvas: CanvasInput): Generator<TextReference> {
  for (const { text, path } of referringTexts(canvas)) {
    const seen = new Map<string, number>();
    for (const ref of parseReferences(text)) {
      if (ref.error !== undefined) continue;
      const nth = seen.get(ref.token) ?? 0;
      seen.set(ref.token, nth + 1);
      yield { ref, text, path, nth };
    }
  }
}
