/**
 * Chart notes: what check finds a chart shows other than its reader would take it to (figures of another period among the
 * others, a title or caption naming another period than its figures'), unless the canvas acknowledges it. A committee
 * reading "Revenue by segment, Q3 2025" over bars mostly of Q4 reads a Q3 chart: the briefing says so under the chart and
 * lists it in the data notes beside the disagreements it finds, worded as they are ("Found by canvas-briefing").
 */
import type { Canvas, Metric } from '../validate/schema.ts';
import type { ChartFinding } from '../validate/validate-canvas.ts';
import { listOf } from '../words.ts';
import { figureTable } from './contradictions.ts';
import type { ChartRef, ContradictionModel } from './briefing-model.ts';

/** What a chart of each type draws its figures as, in the note's words. */
const MARKS: Record<string, string> = { bar: 'bars', column: 'columns', line: 'points', dot: 'dots' };

/** Each printed chart's note (by id, with its entry's anchor) and its data-notes entries, in the order the briefing shows the charts. */
export function chartNotes(canvas: Canvas, found: ChartFinding[], shown: Map<string, ChartRef>): { notes: Map<string, { note: string; anchor: string }>; entries: ContradictionModel[] } {
  const notes = new Map<string, { note: string; anchor: string }>();
  const entries: ContradictionModel[] = [];
  for (const [id, ref] of shown) {
    const about = found.filter((f) => f.chart === id);
    if (about.length === 0) continue;
    const said = chartSays(canvas, id, about);
    const anchor = `chart-note-${entries.length + 1}`;
    notes.set(id, { note: `Note: ${said}.`, anchor });
    const ids = [...new Set(canvas.charts![id]!.points.map((p) => p.metric))];
    entries.push({
      anchor,
      metrics: ids,
      // The figures are not in doubt, their period or the chart's words are: no key figure is marked disputed by it.
      suspects: [],
      title: `Figure ${ref.number}. ${ref.title}`,
      note: `Found by canvas-briefing: ${said}. The canvas does not explain it; check which period each figure is for before relying on the chart.`,
      detected: true,
      table: figureTable(canvas, ids),
    });
  }
  return { notes, entries };
}

/** What a chart's findings say in a reader's words: "the title names Q3 2025; the bars are of Q4 2025 except Service (Q3 2025)". */
function chartSays(canvas: Canvas, id: string, found: ChartFinding[]): string {
  const chart = canvas.charts![id]!;
  const figures = chart.points.map((p) => ({ m: canvas.metrics[p.metric] as Metric, label: p.label })).filter(({ m }) => m !== undefined && m.value !== undefined);
  const headings = found.flatMap((f) => (f.heading === undefined ? [] : [`the ${f.heading.where} names ${f.heading.said}${f.heading.range ? ' as the end of its range' : ''}`]));
  const words = listOf([...new Set(headings)], 'and');
  // One measure over time (a trend): how far it goes. Else the period most of its figures are of, and the others.
  const measures = new Set(figures.map(({ m }) => m.concept ?? m.label.trim().toLowerCase()));
  const dated = [...figures].sort((a, b) => (a.m.period_end ?? '').localeCompare(b.m.period_end ?? ''));
  if (measures.size === 1 && dated.length > 1) {
    const last = dated.at(-1)!.m;
    return `${words}, but the chart plots ${last.label} up to ${last.period}`;
  }
  const byPeriod = new Map<string, typeof figures>();
  for (const f of figures) byPeriod.set(f.m.period_end ?? f.m.period, [...(byPeriod.get(f.m.period_end ?? f.m.period) ?? []), f]);
  const [main, ...others] = [...byPeriod.values()].sort((a, b) => b.length - a.length);
  const marks = MARKS[chart.type] ?? 'figures';
  if (main === undefined) return words;
  const odd = others.flat().map(({ m, label }) => `${label ?? m.label} (${m.period})`);
  const periods = odd.length === 0 ? `the ${marks} are of ${main[0]!.m.period}` : `the ${marks} are of ${main[0]!.m.period} except ${listOf(odd, 'and')}`;
  if (words === '') return `${periods}, and the chart does not say so`;
  return odd.length === 0 ? `${words}, but ${periods}` : `${words}; ${periods}`;
}
