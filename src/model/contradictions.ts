/**
 * Contradictions: figures in the source that disagree. The canvas lists the ones its
 * authors found; figures sharing a concept and a period but not a value are found here
 * too, so a new contradiction is never silently printed as two unrelated facts.
 */
import type { Canvas, Metric } from '../validate/schema.ts';
import { buildMetricTable } from './tables.ts';
import { decimalsOf } from '../canvas/numbers.ts';
import type { ContradictionModel } from './briefing-model.ts';

const SCALE = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 } as const;

/** The canvas's listed contradictions among `ids`, then undeclared ones detected by concept and period. */
export function findContradictions(canvas: Canvas, ids: string[]): ContradictionModel[] {
  const inBriefing = new Set(ids);
  const listed = (canvas.data_notes?.contradictions ?? []).filter((c) => c.metrics.some((id) => inBriefing.has(id)));
  const result: Array<Omit<ContradictionModel, 'anchor'>> = listed.map((c) => ({
    metrics: c.metrics,
    title: c.title,
    note: c.note,
    detected: false,
    table: table(canvas, c.metrics),
  }));
  const declared = listed.map((c) => new Set(c.metrics));
  for (const group of detectConflicts(canvas.metrics, ids)) {
    if (declared.some((d) => group.every((id) => d.has(id)))) continue;
    const m = canvas.metrics[group[0]];
    result.push({
      metrics: group,
      title: `${m.label}, ${m.period}`,
      note: `Found by canvas-briefing: these figures share the concept "${m.concept}" and the period "${m.period}", and their values cannot both be right even allowing for rounding and the source's qualifiers. The canvas does not explain the difference; check the source before relying on either.`,
      detected: true,
      table: table(canvas, group),
    });
  }
  return result.map((c, i) => ({ ...c, anchor: `contradiction-${i + 1}` }));
}

/**
 * Groups of metric ids with the same concept, unit and period whose values cannot both
 * be true. Each figure stands for the range its writing allows: 1.29 billion for
 * 1.285 to 1.295 billion, "about" for 5% either side, "over" for anything above, "nearly"
 * for up to 10% below. Only figures whose ranges do not meet disagree: rounding and
 * approximation are not contradictions.
 */
export function detectConflicts(metrics: Record<string, Metric>, ids: string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const m = metrics[id];
    if (!m.concept || m.value === undefined) continue;
    const key = [m.concept, m.unit, m.period_type ?? '', m.period_end ?? m.period.trim().toLowerCase()].join('|');
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return [...groups.values()].filter((group) => {
    const ranges = group.map((id) => range(metrics[id]));
    return ranges.some((a, i) => ranges.slice(i + 1).some((b) => a[1] < b[0] || b[1] < a[0]));
  });
}

/** The interval of true values a figure as written allows, in base units. */
export function range(m: Metric): [number, number] {
  const factor = m.scale ? SCALE[m.scale] : 1;
  const v = m.value! * factor;
  const half = 0.5 * 10 ** -(m.decimals ?? decimalsOf(m.value!)) * factor; // the rounding the written digits allow
  const [lo, hi] = [v - half, v + half];
  switch (m.qualifier) {
    case 'approx': case 'about': case 'roughly': return [lo - Math.abs(v) * 0.05, hi + Math.abs(v) * 0.05];
    case 'over': case 'more_than': case 'at_least': return [lo, Infinity];
    case 'nearly': return [lo - Math.abs(v) * 0.1, hi];
    case 'up_to': case 'under': return [-Infinity, hi];
    default: return [lo, hi];
  }
}

function table(canvas: Canvas, ids: string[]) {
  return buildMetricTable({ columns: ['label', 'value', 'period', 'source'], rows: ids }, canvas.metrics, new Set());
}
