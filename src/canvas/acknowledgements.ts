/**
 * Whether the canvas acknowledges a finding (data_notes.acknowledged): one rule for `check`, which marks the finding
 * acknowledged, and for the briefing, which then explains it in the data notes instead of printing it as a disagreement
 * nobody explained. Two rules would let `check` pass what the briefing prints as unexplained, or the reverse.
 */

/** Rules about parts of a total, whose acknowledgement may name the total alone (its reason is the total's: inter-segment sales). */
const PARTS_RULES = new Set(['parts-over-total', 'parts-under-total']);

/**
 * Whether `ack` accepts a finding of `rule` about `metrics` (ids as the acknowledgement's are: references resolved):
 * it names the rule and every metric of the finding; or, for parts of a total (`metrics[0]`), that total alone. Only
 * alone: an acknowledgement of the group's total that lists the segments' totals among its metrics must not pass a
 * segment's own parts over or under it (a typo in one of them).
 */
export function acknowledges(ack: { rule: string; metrics: Iterable<string> }, rule: string, metrics: readonly string[]): boolean {
  if (ack.rule !== rule) return false;
  const listed = new Set(ack.metrics);
  return metrics.every((id) => listed.has(id)) || (PARTS_RULES.has(rule) && listed.size === 1 && listed.has(metrics[0]!));
}
