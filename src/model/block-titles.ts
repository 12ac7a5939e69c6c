/** The standard titles of the nine canvas blocks: a chapter's title unless the canvas gives its own. */
import { isBlockKey, type BlockKey, type ChapterKey } from '../canvas/blocks.ts';

export const BLOCK_TITLES: Record<BlockKey, string> = {
  key_partnerships: 'Key Partnerships',
  key_activities: 'Key Activities',
  key_resources: 'Key Resources',
  value_propositions: 'Value Propositions',
  customer_relationships: 'Customer Relationships',
  channels: 'Channels',
  customer_segments: 'Customer Segments',
  cost_structure: 'Cost Structure',
  revenue_streams: 'Revenue Streams',
};

/** A chapter's title: the block's own, else the standard one (a chapter under chapters: always has its own). */
export function chapterTitle(key: ChapterKey, title?: string): string {
  return title ?? (isBlockKey(key) ? BLOCK_TITLES[key] : key);
}
