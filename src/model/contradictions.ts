/**
 * Contradictions: figures in the source that disagree. The canvas lists the ones its
 * authors found; figures sharing a concept and a period but not a value are found here
 * too, so a new contradiction is never silently printed as two unrelated facts.
 */
import type { Canvas } from '../validate/schema.ts';
import { buildMetricTable } from './tables.ts';
import { detectConflicts } from '../canvas/conflicts.ts';
import type { ContradictionModel } from './briefing-model.ts';

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
      note: `Found by canvas-briefing: these figures measure ${m.concept ? `the same thing (concept "${m.concept}")` : `the same thing ("${m.label}")`} for the same period, and their values cannot both be right even allowing for rounding and the source's qualifiers. The canvas does not explain the difference; check the source before relying on either.`,
      detected: true,
      table: table(canvas, group),
    });
  }
  return result.map((c, i) => ({ ...c, anchor: `contradiction-${i + 1}` }));
}

function table(canvas: Canvas, ids: string[]) {
  return buildMetricTable({ columns: ['label', 'value', 'period', 'source'], rows: ids }, canvas.metrics, new Set());
}
