/**
 * Contradictions: figures in the source that disagree. The canvas lists the ones its
 * authors found; figures sharing a concept and a period but not a value are found here
 * too, so a new contradiction is never silently printed as two unrelated facts.
 */
import type { Canvas, Metric } from '../validate/schema.ts';
import { buildMetricTable } from './tables.ts';
import type { ContradictionModel } from './briefing-model.ts';

const SCALE = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 } as const;

/** The canvas's listed contradictions among `ids`, then undeclared ones detected by concept and period. */
export function findContradictions(canvas: Canvas, ids: string[]): ContradictionModel[] {
  const inBriefing = new Set(ids);
  const listed = (canvas.data_notes?.contradictions ?? []).filter((c) => c.metrics.some((id) => inBriefing.has(id)));
  const result: ContradictionModel[] = listed.map((c) => ({
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
      title: `${m.label}, ${m.period}`,
      note: `Found by canvas-briefing: these figures share the concept "${m.concept}" and the period "${m.period}" but differ in value. The canvas does not explain the difference; check the source before relying on either.`,
      detected: true,
      table: table(canvas, group),
    });
  }
  return result;
}

/** Groups of metric ids with the same concept, unit and period whose values differ. */
export function detectConflicts(metrics: Record<string, Metric>, ids: string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const m = metrics[id];
    if (!m.concept || m.value === undefined) continue;
    const key = [m.concept, m.unit, m.period_end ?? m.period.trim().toLowerCase()].join('|');
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return [...groups.values()].filter((group) => {
    const values = new Set(group.map((id) => absolute(metrics[id])));
    return group.length > 1 && values.size > 1;
  });
}

function absolute(m: Metric): number {
  return m.value! * (m.scale ? SCALE[m.scale] : 1);
}

function table(canvas: Canvas, ids: string[]) {
  return buildMetricTable({ columns: ['label', 'value', 'period', 'source'], rows: ids }, canvas.metrics, new Set());
}
