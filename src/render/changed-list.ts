/**
 * render/: what a revised edition lists as changed since the edition it replaces, line by line, in the briefing's own
 * notation (the cells of its "Changes since" chapter): its message (render-email.ts) and its PDF (render-html.ts, the
 * revision note) say the same lines.
 */
import type { ChangesModel, RichText, TableModel } from '../model/briefing-model.ts';

/** A revised edition's message lists at most this many figures changed; the rest it counts ("and 7 more; see the briefing"). */
export const MAX_CHANGED_FIGURES = 8;
/** And names at most this many places whose wording changed. */
const MAX_REWORDED = 5;

/** What a revised edition lists as changed: a heading over the figures' lines, and where only words changed. */
export interface ChangedList {
  heading?: string;
  lines: string[];
  wording?: string;
}

/**
 * What a revised edition lists as changed since the edition it replaces, from the "Changes since" chapter the
 * briefing would have built against that edition (the same comparison as `briefing diff` and build --since, narrowed to
 * what this briefing prints): each figure that moved with its value then and now, figures added and dropped, each table
 * cell edited, and where only words changed, where. Undefined when the chapter finds nothing this briefing shows changed (the generic line says it).
 * A message lists at most MAX_CHANGED_FIGURES figures and MAX_REWORDED places (`whole`: every one, as the PDF itself does,
 * which has no briefing to refer to for the rest).
 */
export function changedList(changes: ChangesModel, edition: string | undefined, whole = false): ChangedList | undefined {
  if (changes.empty) return undefined;
  const cells = (table: TableModel | undefined) => (table?.rows ?? []).map((row) => row.map((cell) => flat(cell.text)));
  const figures = [
    ...cells(changes.figures).map(([label, period, before, now]) => `${label}, ${period}: ${before} → ${now}`),
    ...cells(changes.added).map(([label, period, value]) => `${label}, ${period}: ${value} (added)`),
    ...cells(changes.dropped).map(([label, period, value]) => `${label}, ${period}: dropped (was ${value})`),
    // A table's cells edited, each as the chapter says it: a figure corrected in a free table is a figure changed, not wording.
    ...changes.tables.flatMap((t) => t.changes.map((c) => `${t.where}: ${flat(c)}`)),
  ];
  const places = [...new Set([
    ...changes.textAdded.map((t) => t.where), ...changes.textRemoved.map((t) => t.where),
    ...changes.sectionsAdded, ...changes.sectionsRemoved, ...changes.charts.map((c) => c.where), ...changes.alsoChanged,
  ])];
  const [maxFigures, maxPlaces] = whole ? [Infinity, Infinity] : [MAX_CHANGED_FIGURES, MAX_REWORDED];
  const since = edition ? `edition ${edition}` : 'the edition it replaces';
  const reworded = places.length === 0 ? undefined : `${places.slice(0, maxPlaces).join('; ')}${places.length > maxPlaces ? `; and ${places.length - maxPlaces} more; see the briefing` : ''}.`;
  if (figures.length === 0) return { lines: [], wording: `No figure changed since ${since}; wording was revised in: ${reworded}` };
  // Nine lines fit: all of them, rather than eight and "1 more".
  const shown = figures.length <= maxFigures + 1 ? figures : [...figures.slice(0, maxFigures), `and ${figures.length - maxFigures} more; see the briefing`];
  return { heading: `Changed since ${since}:`, lines: shown, ...(reworded ? { wording: `Wording was also revised in: ${reworded}` } : {}) };
}

/** Rich text as one line of plain words (a figure keeps its no-break spaces: "1 234,5 M€" stays whole). */
function flat(text: RichText): string {
  return text.map((p) => p.text).join('').replace(/[ \t\r\n]+/g, ' ').trim();
}
