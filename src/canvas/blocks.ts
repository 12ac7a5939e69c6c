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
