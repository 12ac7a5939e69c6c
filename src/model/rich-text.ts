/** Narrative text with [[metric]] references resolved to formatted figures. */
import type { Metric } from '../validate/schema.ts';
import { splitReferences } from '../canvas/references.ts';
import { metricPart } from '../canvas/format.ts';
import type { RichText } from './briefing-model.ts';

/** One part of a metric as text (canvas/format.ts: check reads what a reference prints with it too). */
export { metricPart } from '../canvas/format.ts';

/** Resolves references in `text`; records each metric it uses in `used`. Figures follow `language` (briefing.language: format.ts). */
export function richText(text: string, metrics: Record<string, Metric>, used: Set<string>, language?: string): RichText {
  return splitReferences(text).map((piece) => {
    if ('text' in piece) return { text: piece.text };
    used.add(piece.id);
    return { text: metricPart(metrics[piece.id], piece.part, language), figure: true };
  });
}

/** Prose that opens with a reference starts with a capital: "Over 600 million downloads ...", not "over ...". */
export function sentence(text: RichText): RichText {
  const [first, ...rest] = text;
  if (!first?.figure || !/^\p{Ll}/u.test(first.text)) return text;
  return [{ ...first, text: first.text[0].toUpperCase() + first.text.slice(1) }, ...rest];
}
