/**
 * Period notes: what check finds a chart or table shows other than its reader would take it to (figures of another
 * period among the others, a title, caption or column heading naming another period than its figures'), unless the
 * canvas acknowledges it. A committee reading "Revenue by segment, Q3 2025" over bars mostly of Q4, or a table headed
 * "Q3 2025" with a row of Q2, reads a Q3 chart or table: the briefing says so under it and lists it in the data notes
 * beside the disagreements it finds, worded as they are ("Found by canvas-briefing").
 */
import type { Canvas, Metric } from '../validate/schema.ts';
import type { FigureSetFinding } from '../validate/validate-canvas.ts';
import { figureSets, type FigureSet } from '../canvas/figure-sets.ts';
import { samePath, type KeyPath } from '../canvas/key-path.ts';
import { listOf } from '../words.ts';
import { figureTable } from './contradictions.ts';
import type { ContradictionModel } from './briefing-model.ts';

/** What a chart of each type draws its figures as, in the note's words. */
const MARKS: Record<string, string> = { bar: 'bars', column: 'columns', line: 'points', dot: 'dots' };

/** A chart or table the briefing prints: where it is in the canvas, its data note's title ("Figure 2. Revenue by segment"), and how it takes its note. */
export interface Printed {
  path: KeyPath;
  title: string;
  /** The id of the chart or table where it is printed (its figure's, "fig-2"), which its data note links back to. */
  at: string;
  note: (noted: { note: string; anchor: string }) => void;
}

/** Gives each printed chart or table with a finding its note (with its data note's anchor); its data-notes entries, in the order `printed` lists them. */
export function periodNotes(canvas: Canvas, found: FigureSetFinding[], printed: Printed[]): ContradictionModel[] {
  const entries: ContradictionModel[] = [];
  if (found.length === 0) return entries;
  // The figures each chart and table shows, as the checks read them (a free table's column by column).
  const sets = figureSets(canvas, { metrics: canvas.metrics, history: {}, latest: {} });
  for (const place of printed) {
    const about = found.filter((f) => samePath(f.path, place.path));
    if (about.length === 0) continue;
    const here = sets.filter((s) => samePath(s.path, place.path));
    // The sets the findings are about: a free table's columns holding their figures (under the heading named, for a column heading's).
    const matching = here.filter((s) => about.some((f) => f.metrics.every((id) => s.ids.includes(id)) && (f.heading?.where !== 'column heading' || (s.header ?? '').includes(f.heading.said))));
    const shown = matching.length === 0 ? here : matching; // else all the chart's or table's sets
    const said = setSays(canvas, shown, about);
    const anchor = `period-note-${entries.length + 1}`;
    place.note({ note: `Note: ${said}.`, anchor });
    const ids = [...new Set(shown.flatMap((s) => s.ids))];
    const kind = place.path[0] === 'charts' ? 'chart' : 'table';
    entries.push({
      anchor,
      metrics: ids,
      // The figures are not in doubt, their period or the chart's or table's words are: no key figure is marked disputed by it.
      suspects: [],
      title: place.title,
      place: place.at,
      note: `Found by canvas-briefing: ${said}. The canvas does not explain it; check which period each figure is for before relying on the ${kind}.`,
      detected: true,
      table: figureTable(canvas, ids),
    });
  }
  return entries;
}

/**
 * What a chart's or table's findings say in a reader's words: "the title names Q3 2025; the bars are of Q4 2025 except
 * Service (Q3 2025)", "the rows are of Q3 2025 except Service (Q2 2025), and the table does not say so".
 */
function setSays(canvas: Canvas, sets: FigureSet[], found: FigureSetFinding[]): string {
  const set = sets[0]!;
  const kind = set.kind;
  // Each figure with the label it is shown by: a point's or row's own; a free table's row's without its column's heading.
  const figures = sets.flatMap((s) => s.ids.map((id, i) => {
    const label = s.labels?.[i];
    return { m: canvas.metrics[id] as Metric, label: s.header !== undefined && label?.endsWith(` (${s.header})`) ? label.slice(0, -s.header.length - 3) : label };
  })).filter(({ m }) => m !== undefined && m.value !== undefined);
  const headings = found.flatMap((f) => (f.heading === undefined ? [] : [`the ${f.heading.where} names ${f.heading.said}${f.heading.range ? ' as the end of its range' : ''}`]));
  const words = listOf([...new Set(headings)], 'and');
  // One measure over time (a trend): how far it goes. Else the period most of its figures are of, and the others.
  const measures = new Set(figures.map(({ m }) => m.concept ?? m.label.trim().toLowerCase()));
  const dated = [...figures].sort((a, b) => (a.m.period_end ?? '').localeCompare(b.m.period_end ?? ''));
  if (measures.size === 1 && dated.length > 1) {
    const last = dated.at(-1)!.m;
    return `${words}, but the ${kind} ${kind === 'chart' ? 'plots' : 'shows'} ${last.label} up to ${last.period}`;
  }
  const byPeriod = new Map<string, typeof figures>();
  for (const f of figures) byPeriod.set(f.m.period_end ?? f.m.period, [...(byPeriod.get(f.m.period_end ?? f.m.period) ?? []), f]);
  const [main, ...others] = [...byPeriod.values()].sort((a, b) => b.length - a.length);
  const marks = kind === 'chart' ? MARKS[canvas.charts?.[String(set.path[1])]?.type ?? ''] ?? 'figures' : set.path.at(-1) === 'metric_table' ? 'rows' : 'figures';
  if (main === undefined) return words;
  const odd = others.flat().map(({ m, label }) => `${label ?? m.label} (${m.period})`);
  const periods = odd.length === 0 ? `the ${marks} are of ${main[0]!.m.period}` : `the ${marks} are of ${main[0]!.m.period} except ${listOf(odd, 'and')}`;
  if (words === '') return `${periods}, and the ${kind} does not say so`;
  return odd.length === 0 ? `${words}, but ${periods}` : `${words}; ${periods}`;
}
