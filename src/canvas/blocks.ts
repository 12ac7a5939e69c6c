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
