/**
 * Metrics with dated values (a series: revenue by quarter), made into what the rest of the tool reads:
 * each value a metric of its own, named id@period_end, and the series id standing for its latest value
 * as of the briefing's date. A canvas without series passes through unchanged.
 */
import type { KeyPath } from './key-path.ts';
import type { Canvas, CanvasInput, Chart, Content, ContentInput, Metric, MetricInput, MetricTable, SeriesMetric } from '../validate/schema.ts';
import { rewriteReferences } from './references.ts';
import { isMetricCell } from './table-numbers.ts';

/** What a canvas's metrics are, once its series are laid out; how validate/ checks references and model/ reads them. */
export interface MetricIndex {
  /** Every metric as the model reads it (series values as id@period_end), in canvas order. */
  metrics: Record<string, Metric>;
  /** Where each of those is written in the canvas. */
  pathOf: Record<string, KeyPath>;
  /** Each series id -> the ids of its values up to the briefing's date, oldest first (forecasts and targets left out). */
  history: Record<string, string[]>;
  /** Each series id -> the id of its latest value up to the briefing's date (undefined when it has none yet). */
  latest: Record<string, string | undefined>;
  /** Every id a reference may name: metrics, series and series values. */
  refs: string[];
  /** Problems in the series themselves (two values for one period). */
  problems: Array<{ path: KeyPath; message: string }>;
}

export const isSeries = (m: MetricInput): m is SeriesMetric => 'values' in m;

/** Forecasts and targets speak of the future: never a series' "latest", never charted as history. */
export const isLookingAhead = (m: Pick<Metric, 'period_type'>) => m.period_type === 'forecast' || m.period_type === 'target';

/** Lays out the series of `canvas` as metrics of their own (see MetricIndex). */
export function indexMetrics(canvas: Pick<CanvasInput, 'metrics' | 'briefing'>): MetricIndex {
  const index: MetricIndex = { metrics: {}, pathOf: {}, history: {}, latest: {}, refs: [], problems: [] };
  const asOf = canvas.briefing.as_of;
  for (const [id, m] of Object.entries(canvas.metrics)) {
    index.refs.push(id);
    if (!isSeries(m)) {
      index.metrics[id] = m;
      index.pathOf[id] = ['metrics', id];
      continue;
    }
    const { values, ...shared } = m;
    const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v.period_end.localeCompare(b.v.period_end));
    const seen = new Map<string, number>();
    for (const { v, i } of order) {
      const flat = `${id}@${v.period_end}`;
      if (seen.has(v.period_end)) {
        index.problems.push({
          path: ['metrics', id, 'values', i, 'period_end'],
          message: `a second value for ${v.period_end} (the first is values[${seen.get(v.period_end)}]): a series holds one value per period. If the source states two, keep the other as a metric of its own with concept: ${id}, and it is reported as a contradiction`,
        });
        continue;
      }
      seen.set(v.period_end, i);
      index.metrics[flat] = compact({
        label: shared.label, unit: shared.unit, scale: v.scale ?? shared.scale,
        qualifier: v.qualifier ?? shared.qualifier, decimals: v.decimals ?? shared.decimals,
        value: v.value, text: v.text, period: v.period, period_type: v.period_type ?? shared.period_type, period_end: v.period_end,
        as_of: v.as_of, change: v.change, equivalent: v.equivalent,
        concept: shared.concept ?? id, source: v.source ?? shared.source, note: v.note ?? shared.note,
      });
      index.pathOf[flat] = ['metrics', id, 'values', i];
      index.refs.push(flat);
    }
    const history = seriesHistory(index.metrics, id, asOf);
    index.history[id] = history;
    index.latest[id] = history.at(-1);
  }
  return index;
}

/**
 * The ids of a laid-out series' values up to `asOf` (`id`@period_end), oldest first, forecasts and targets aside: its
 * history, the last of it its latest value, which a reference to the series names.
 */
export function seriesHistory(metrics: Record<string, Pick<Metric, 'period_end' | 'period_type'>>, id: string, asOf: string): string[] {
  return Object.keys(metrics)
    .filter((k) => k.startsWith(`${id}@`) && !isLookingAhead(metrics[k]) && metrics[k].period_end !== undefined && metrics[k].period_end <= asOf)
    .sort((a, b) => metrics[a].period_end!.localeCompare(metrics[b].period_end!));
}

/** The id a reference names once series are laid out: a series id becomes its latest value's. */
export function resolveRef(index: Pick<MetricIndex, 'latest'>, ref: string): string {
  return Object.hasOwn(index.latest, ref) ? (index.latest[ref] ?? ref) : ref; // own keys only: a metric may be called "constructor"
}

/**
 * How a laid-out chart drawn from a series (`series:`, `last:`) or a laid-out metric table (its rows, `{ series }` ones
 * among them) was written: compare/ tells a definition edited from a quarter rolled forward by it. Kept beside the
 * canvas, not in it, so that the canvas reads, hashes and compares as before.
 */
const writtenCharts = new WeakMap<Chart, { series: string; last?: number }>();
const writtenTables = new WeakMap<MetricTable, WrittenRow[]>();

/** A metric table's row as written: a series (all its values), or one row as laid out (a series' id as its latest value's). */
export type WrittenRow = { series: string } | MetricTable['rows'][number];

/** The series and last N values a laid-out chart was written with, if it was written with a series. */
export function chartSeriesOf(chart: Chart): { series: string; last?: number } | undefined {
  return writtenCharts.get(chart);
}

/** The rows of a laid-out metric table as written, if it was laid out (undefined: its rows are as written). */
export function metricTableRowsOf(table: MetricTable): WrittenRow[] | undefined {
  return writtenTables.get(table);
}

/** The canvas as the model reads it: metrics from `index`, every reference to a series pointing at a value, charts and tables of series listed out. */
export function flattenCanvas(canvas: CanvasInput, index: MetricIndex): Canvas {
  if (Object.keys(index.history).length === 0) return canvas as Canvas; // no series: nothing to lay out
  const ref = (id: string) => resolveRef(index, id);
  const text = (t: string | undefined) => (t === undefined ? undefined : rewriteReferences(t, ref));
  const content = (item: ContentInput): Content => {
    if ('paragraph' in item) return { paragraph: text(item.paragraph)! };
    if ('bullets' in item) return { bullets: item.bullets.map((b) => text(b)!) };
    if ('table' in item) {
      const rows = item.table.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? text(cell)! : isMetricCell(cell) ? { ...cell, metric: ref(cell.metric) } : cell)));
      return { table: { ...item.table, rows } };
    }
    if ('metric_table' in item) {
      const rows = item.metric_table.rows.flatMap((row): Array<string | { metric: string; label?: string }> =>
        typeof row === 'string' ? [ref(row)] : 'series' in row ? (index.history[row.series] ?? []) : [{ ...row, metric: ref(row.metric) }]);
      const table: MetricTable = { ...item.metric_table, rows };
      writtenTables.set(table, item.metric_table.rows.map((row) => (typeof row === 'string' ? ref(row) : 'series' in row ? { series: row.series } : { ...row, metric: ref(row.metric) })));
      return { metric_table: table };
    }
    return item;
  };
  const block = <B extends { lead?: string; sections: Array<{ content: ContentInput[] }> }>(b: B) => ({
    ...b,
    lead: text(b.lead),
    sections: b.sections.map((s) => ({ ...s, content: s.content.map(content) })),
  });
  const charts = canvas.charts === undefined ? undefined : Object.fromEntries(Object.entries(canvas.charts).map(([id, c]): [string, Chart] => {
    const { series, last, points, ...kept } = c;
    const rest = kept.caption === undefined ? kept : { ...kept, caption: text(kept.caption) };
    if (series === undefined) return [id, { ...rest, points: points!.map((p) => ({ ...p, metric: ref(p.metric) })) }];
    const history = index.history[series] ?? [];
    const chart: Chart = { ...rest, points: history.slice(last === undefined ? 0 : -last).map((metric) => ({ metric })) };
    writtenCharts.set(chart, last === undefined ? { series } : { series, last });
    return [id, chart];
  }));
  return compact({
    ...canvas,
    briefing: { ...canvas.briefing, summary: text(canvas.briefing.summary) },
    metrics: index.metrics,
    charts,
    key_figures: canvas.key_figures?.map(ref),
    blocks: Object.fromEntries(Object.entries(canvas.blocks).map(([key, b]) => [key, b && block(b)])),
    chapters: canvas.chapters && Object.fromEntries(Object.entries(canvas.chapters).map(([key, b]) => [key, block(b)])),
    block_sets: canvas.block_sets && Object.fromEntries(Object.entries(canvas.block_sets).map(([key, set]) => [key, compact({ ...set, summary: text(set.summary), key_figures: set.key_figures?.map(ref) })])),
    data_notes: canvas.data_notes && compact({
      ...canvas.data_notes,
      contradictions: canvas.data_notes.contradictions?.map((c) => ({ ...c, metrics: c.metrics.map(ref) })),
      acknowledged: canvas.data_notes.acknowledged?.map((a) => ({ ...a, metrics: a.metrics.map(ref) })),
    }),
  }) as Canvas;
}

/** The object without its undefined properties, so a laid-out canvas hashes and compares as if written so. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
