/** The nine Business Model Canvas blocks, in canvas order. */
export const BLOCK_KEYS = [
  'key_partnerships',
  'key_activities',
  'key_resources',
  'value_propositions',
  'customer_relationships',
  'channels',
  'customer_segments',
  'cost_structure',
  'revenue_streams',
] as const;
export type BlockKey = (typeof BLOCK_KEYS)[number];

/** A chapter's key: one of the nine blocks, or the id of a chapter under the canvas's chapters: (Outlook, Risks...). */
export type ChapterKey = string;

/** What holds the chapters of a canvas: the nine blocks, and the chapters after them. */
interface ChapterHolder<B> {
  blocks: { [K in BlockKey]?: B | undefined };
  chapters?: Record<string, B> | undefined;
}

/** One chapter of a canvas as written, with the key path it is written at. */
export interface ChapterEntry<B> {
  key: ChapterKey;
  block: B;
  path: ['blocks' | 'chapters', string];
}

/** Every chapter a canvas writes, in print order: the nine blocks in canvas order, then its chapters: in the order written. */
export function chapterEntries<B>(canvas: ChapterHolder<B>): Array<ChapterEntry<B>> {
  const blocks = BLOCK_KEYS.flatMap((key): Array<ChapterEntry<B>> => (canvas.blocks[key] ? [{ key, block: canvas.blocks[key]!, path: ['blocks', key] }] : []));
  const more = Object.entries(canvas.chapters ?? {}).map(([key, block]): ChapterEntry<B> => ({ key, block, path: ['chapters', key] }));
  return [...blocks, ...more];
}

/** Whether a key names one of the nine blocks. */
export function isBlockKey(key: string): key is BlockKey {
  return (BLOCK_KEYS as readonly string[]).includes(key);
}

/**
 * What a block set (its `blocks` and `tags`; none: the full briefing) prints of a chapter: the sections its tags select,
 * with their indexes; undefined where it leaves the chapter out (not among its blocks, or, with tags, no section tagged
 * for it). The model builds a set's chapters by it, and the checks read what a set prints by it.
 */
export function setSections<S extends { tags?: string[] }>(set: { blocks?: string[]; tags?: string[] } | undefined, key: ChapterKey, sections: S[]): Array<{ s: S; i: number }> | undefined {
  if (set?.blocks !== undefined && !set.blocks.includes(key)) return undefined;
  const selected = sections.map((s, i) => ({ s, i })).filter(({ s }) => set?.tags === undefined || s.tags?.some((t) => set.tags!.includes(t)));
  return selected.length === 0 && set?.tags !== undefined ? undefined : selected;
}
