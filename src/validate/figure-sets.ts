/**
 * Findings about the figures one table or chart sets side by side (validate/findings.ts runs them):
 * - share-over-100: percentage shares of one whole (labels naming the same whole, in words saying share,
 *   mix, % of..., then the part) that add up to more than 100% for one period, even at the lowest values
 *   their rounding and qualifiers allow;
 * - mixed-currencies: a table that puts amounts in different currencies side by side, where an amount
 *   in the odd currency states no equivalent in the table's main one. (A chart cannot: its points
 *   must share one unit, an error at check.)
 * - mixed-periods: a chart, or a metric table without its period column, that sets figures of one unit
 *   and of different measures side by side for one period, and among them a few of another: an update
 *   made to some of them only (two verticals rolled forward to Q3, three left on Q2).
 * - parts-over-total: a table or chart with a total ("Total revenue") and its parts ("Cloud revenue",
 *   "Commerce revenue") of one unit and period, whose parts add up to more than the total even at the
 *   lowest values their rounding and qualifiers allow.
 */
import type { KeyPath } from '../canvas/key-path.ts';
import type { CanvasInput, Metric } from './schema.ts';
import type { Finding } from './findings.ts';
import { chapterEntries } from '../canvas/blocks.ts';
import { isCurrency } from '../canvas/currencies.ts';
import { periodKind, range } from '../canvas/conflicts.ts';
import { namedPeriods } from '../canvas/text-periods.ts';
import { decimalsOf, formatNumber, scaleFactor } from '../canvas/numbers.ts';
import { figure } from './figure-words.ts';
import { resolveRef, type MetricIndex } from '../canvas/series.ts';

/** The metrics one table or chart shows together, and where it is written. */
interface FigureSet {
  kind: 'table' | 'chart';
  path: KeyPath;
  ids: string[];
  /** Whether the reader sees each figure's period beside it (a metric table's period column), and whether a series is shown whole. */
  periodsShown?: boolean;
  /** Each figure's own label where the chart or table gives one (by `ids`' order): a point's, a row's; and whether a chart's point without one is labelled by its period (column, line). */
  labels?: Array<string | undefined>;
  labelledByPeriod?: boolean;
}

/** Words that make a percentage a share of a whole (of revenue, of users...), not a rate such as growth or margin. */
const SHARE_WORDS = /\bshares?\b|%\s*of\b|\bpercent(age)? of\b|\bmix\b|\bproportion\b|\bportion\b|\bsplit\b|\bbreakdown\b|\bcontribution\b|\bweight(ing)?\b/i;

/**
 * The whole a share is of, as its label says it: the words before the part is named ("Share of revenue:
 * cloud", "Revenue mix - commerce", "Market share (JD)"). Shares of one whole say it alike; "Market share
 * in China" and "Cloud share of operating profit" name no part apart from their whole, and are not
 * added up with anything.
 */
function wholeOf(m: Metric): string | undefined {
  if (m.label.length > 200) return undefined; // a label that long names no share (and the patterns below would take their time)
  const label = m.label.toLowerCase().replace(/\s+/g, ' ').trim();
  // The part first: "Europe (% of revenue)", "Europe, percent of sales", "Europe as a percentage of sales".
  const after = /^\S.*?\s*(?:\((.+)\)|[,:]\s*(.+)|\s[-–—]\s(.+)|\s+as an? (.+))$/.exec(label);
  const afterWhole = after ? (after[1] ?? after[2] ?? after[3] ?? after[4]) : undefined;
  // The whole first: "Share of revenue: cloud", "Market share (JD)", "Revenue mix - commerce".
  const before = /^(.*?\S)\s*(?::|,|\(|\||\s[-–—]\s)\s*\S/.exec(label)?.[1];
  if (before !== undefined && SHARE_WORDS.test(before) && !/^(market )?share of\b|^(percentage|proportion|portion) of\b/.test(before)) return before;
  if (afterWhole !== undefined && SHARE_WORDS.test(afterWhole)) return afterWhole.replace(/^(a |the )/, '');
  // "Percentage of revenue from Europe", "Share of sales in Asia": the whole, then the part after from/in/by/for.
  const ofThen = /^((?:percentage|proportion|portion|share|percent) of .+?) (?:from|in|by|for|at|of) .+$/.exec(label)?.[1];
  if (ofThen !== undefined) return ofThen;
  // "Market share of Brand A": the brands are the parts of one market.
  if (/^market share of .+$/.test(label)) return 'market share';
  return before !== undefined && SHARE_WORDS.test(before) ? before : undefined;
}

export function figureSetFindings(canvas: CanvasInput, index: MetricIndex): Finding[] {
  const sets = figureSets(canvas, index);
  // Not a free table: its other columns may give each row's period, as its author laid it out.
  return [...sets.flatMap((s) => sharesOver100(s, index)), ...sets.filter((s) => s.kind === 'table').flatMap((s) => mixedCurrencies(s, index)), ...sets.filter((s) => s.kind === 'chart' || s.path.at(-1) === 'metric_table').flatMap((s) => mixedPeriods(s, index)), ...sets.flatMap((s) => partsOverTotal(s, index))];
}

/**
 * A cross-section (figures of several measures, in one unit, for one period) with figures of another period among
 * them, where nothing beside them says which is which: "Revenue by vertical" with BFSI updated to Q3 and the
 * others left on Q2. Figures of one measure over time (a trend: one figure per period) are no cross-section.
 */
function mixedPeriods(set: FigureSet, index: MetricIndex): Finding[] {
  if (set.periodsShown) return [];
  // What a reader sees beside each figure: a chart point's own label, its period (a column or line chart's axis), or the metric's label.
  const shown = (id: string, i: number, m: Metric) => set.labels?.[i] ?? (set.labelledByPeriod ? m.period : m.label);
  const saysPeriod = (label: string, m: Metric) => label.includes(m.period) || namedPeriods(label).length > 0 || /\b(?:19|20)\d{2}\b/.test(label);
  // Figures dated by their period_end (words alone say too little: "Late 2025", "11.11 festival"), and not plans or forecasts set
  // beside actuals on purpose, nor figures whose label says their period ("Revenue (FY25)", "BFSI Q3 FY25").
  const figures = set.ids.map((id, i) => ({ id, m: index.metrics[id] as Metric, i }))
    .filter(({ id, m, i }, at, all) => all.findIndex((f) => f.id === id) === at && m.value !== undefined && m.period_end !== undefined && m.period_type !== 'forecast' && m.period_type !== 'target' && !saysPeriod(shown(id, i, m), m));
  // In the unit most of them are in: a table may hold counts beside amounts; a chart's points share one.
  const units = new Map<string, typeof figures>();
  for (const f of figures) units.set(f.m.unit ?? '', [...(units.get(f.m.unit ?? '') ?? []), f]);
  const same = [...units.values()].reduce((a, b) => (b.length > a.length ? b : a), [] as typeof figures);
  // One period: its end and its kind (nine months and a quarter both end 30 September).
  const byPeriod = new Map<string, typeof figures>();
  for (const f of same) {
    const key = `${f.m.period_end!}|${periodKind(f.m) ?? ''}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), f]);
  }
  if (byPeriod.size < 2) return [];
  // A measure in two periods is a comparison over time, set out on purpose (BFSI this year and last), not a cross-section.
  const measure = (m: Metric) => m.concept ?? m.label.trim().toLowerCase();
  const periodsOf = new Map<string, Set<string>>();
  for (const [key, fs] of byPeriod) for (const f of fs) periodsOf.set(measure(f.m), (periodsOf.get(measure(f.m)) ?? new Set()).add(key));
  if ([...periodsOf.values()].some((keys) => keys.size > 1)) return [];
  const groups = [...byPeriod.values()].sort((a, b) => b.length - a.length);
  const [main, ...others] = groups;
  // A cross-section: the main period holds several measures (labels), and it is more than any other period holds.
  const labels = new Set(main.map((f) => f.m.label.trim().toLowerCase()));
  if (labels.size < 2 || others[0].length >= main.length) return [];
  const odd = others.flat();
  const said = (fs: typeof figures) => fs.map((f) => f.id).join(', ');
  const periods = others.map((g) => `${said(g)} for ${g[0].m.period}`).join('; ');
  return [{
    path: set.path,
    atKey: set.kind === 'chart',
    rule: 'mixed-periods',
    metrics: [...main, ...odd].map((f) => f.id),
    message: `this ${set.kind} sets figures of ${main[0].m.period} side by side (${said(main)}), and among them ${periods}, with nothing beside them to say so: update ${odd.length === 1 ? 'it' : 'them'} to one period (a figure left over from an update?), ${set.kind === 'chart' ? 'or, if the mix is meant, say so in the caption' : 'or show the period column (columns: [label, value, period])'} and acknowledge the finding`,
  }];
}

/** Words of a label, lower-cased, a plural's "s" dropped ("Revenues" is "revenue"), punctuation gone. */
function labelWords(label: string): string[] {
  return label.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '').map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** Words of a total's label that say it is the whole, not what is measured: "Group total revenue" measures revenue. */
const TOTAL_WORDS = new Set(['total', 'group', 'consolidated', 'grand', 'overall', 'all', 'of', 'the']);

/** Rows set under another as its breakdown: "– Public cloud", "• Europe", "of which: cloud", or indented. */
const SUB_ROW = /^(?:\s|[-\u2013\u2014\u2022\u00b7*>]|of which\b|thereof\b|o\/w\b)/i;

/**
 * Rows that are no part of their own: a breakdown of a part ("of which: cloud"), a subtotal, a figure with or without
 * another; and figures of the measure that are no share of the period's total: a rate per unit, a run-rate, a backlog, a
 * sum over more than the period, a plan.
 */
const NO_PART = /\b(?:of which|thereof|incl(?:\.|uding)?|excl(?:\.|uding)?|sub-?totals?|ex\.|per|run[- ]?rate|annuali[sz]ed|backlog|pipeline|cumulative|since|to date|ytd|year[- ]to[- ]date|ttm|trailing|lifetime|target|guidance|forecast|outlook|budget|plan)(?=\s|$|[:,.)])/i;

/**
 * A total and its parts shown side by side, where the parts add up to more than the total even at the lowest values
 * their rounding and qualifiers allow (segments of 140.3, 33.4, 34.8 and 41.0 above "Total revenue RMB 247.8 billion").
 * The parts are the rows above the total, back to the last total or subtotal, of the total's unit and period, whose
 * label names what it measures ("Cloud revenue" above "Total revenue"; a plain table's column header counts as part of
 * each label; every row above a bare "Total"), not set under another ("– Public cloud"). Rows below a total, as in a
 * table that opens with it and goes on with overlapping measures (recurring, active users), are no parts of it. That
 * parts fall short of their total is not reported: a table may show the main segments only.
 */
function partsOverTotal(set: FigureSet, index: MetricIndex): Finding[] {
  const shown = (m: Metric, i: number) => set.labels?.[i] ?? m.label;
  const all = set.ids.map((id, i) => ({ id, m: index.metrics[id] as Metric, label: shown(index.metrics[id] as Metric, i), at: i }));
  // Where a breakdown starts: after the last total or subtotal above a total (a table of several breakdowns, one under another).
  const isTotal = (label: string) => labelWords(label).some((w) => w === 'total' || w === 'subtotal');
  const figures = all.filter(({ id, m, label }, at) => all.findIndex((f) => f.id === id) === at && m.value !== undefined && m.unit !== 'percent' && m.period_type !== 'forecast' && m.period_type !== 'target' && !SUB_ROW.test(label));
  const groups = new Map<string, typeof figures>();
  for (const f of figures) {
    const key = `${f.m.unit ?? ''}|${f.m.period_end ?? f.m.period}|${periodKind(f.m) ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const found: Finding[] = [];
  for (const group of groups.values()) {
    const totals = group.filter((f) => labelWords(f.label).includes('total') && !NO_PART.test(f.label));
    if (totals.length !== 1) continue; // none, or two (which is the whole?)
    const [total] = totals;
    const measure = labelWords(total.label).filter((w) => !TOTAL_WORDS.has(w));
    // Its parts are the rows above it, as a breakdown is laid out: down to the total, from the last total or subtotal.
    const from = all.findLast((f) => f.at < total.at && isTotal(f.label))?.at ?? -1;
    const parts = group.filter((f) => f.at > from && f.at < total.at && !NO_PART.test(f.label) && measure.every((w) => labelWords(f.label).includes(w)));
    if (parts.length < 2) continue;
    const lowest = parts.reduce((sum, f) => sum + range(f.m)[0], 0);
    if (!(lowest > range(total.m)[1])) continue;
    const written = parts.reduce((sum, f) => sum + f.m.value! * scaleFactor(f.m.scale), 0) / scaleFactor(total.m.scale);
    const decimals = Math.max(...parts.map((f) => f.m.decimals ?? decimalsOf(f.m.value! * scaleFactor(f.m.scale) / scaleFactor(total.m.scale))));
    const list = parts.map((f) => `${f.id} ${figure({ ...f.m, value: f.m.value! })}`).join(', ');
    found.push({
      path: set.path,
      atKey: set.kind === 'chart',
      rule: 'parts-over-total',
      metrics: [total.id, ...parts.map((f) => f.id)],
      message: `the parts this ${set.kind} shows of ${total.id} (${figure({ ...total.m, value: total.m.value! })}, ${total.m.period}) add up to ${figure({ value: written, unit: total.m.unit, scale: total.m.scale, decimals: Math.min(decimals, 6) })} (${list}), more than the total even allowing for rounding: check each figure against the source; if the parts overlap (a customer in two segments) or the total covers less, say so in the ${set.kind === 'chart' ? 'caption' : 'note'} and acknowledge the finding`,
    });
  }
  return found;
}

function sharesOver100(set: FigureSet, index: MetricIndex): Finding[] {
  const byPeriod = new Map<string, string[]>();
  for (const id of set.ids) {
    const m = index.metrics[id];
    if (m.unit !== 'percent' || m.value === undefined || m.value < 0) continue;
    const whole = wholeOf(m);
    if (whole === undefined) continue;
    const key = `${whole}|${m.period_end ?? m.period}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), id]);
  }
  const found: Finding[] = [];
  for (const ids of byPeriod.values()) {
    if (ids.length < 2) continue;
    const lowest = ids.reduce((sum, id) => sum + Math.max(0, range(index.metrics[id])[0]), 0);
    if (lowest <= 100 + 1e-9) continue;
    const written = ids.reduce((sum, id) => sum + index.metrics[id].value!, 0);
    const list = ids.map((id) => {
      const m = index.metrics[id];
      return `${id} ${m.qualifier ? `${m.qualifier.replace(/_/g, ' ')} ` : ''}${formatNumber(m.value!, m.decimals)}%`;
    }).join(', ');
    found.push({
      path: set.path,
      atKey: set.kind === 'chart', // at the chart's id; a table at its first line
      rule: 'share-over-100',
      metrics: ids,
      message: `the shares this ${set.kind} shows for ${index.metrics[ids[0]].period} add up to ${formatNumber(written, Math.min(1, decimalsOf(written)))}% (${list}), more than the whole even allowing for rounding: check each figure against the source; if the parts overlap (a customer in two segments), say so in the ${set.kind === 'chart' ? 'caption' : 'note'} and acknowledge the finding`,
    });
  }
  return found;
}

function mixedCurrencies(set: FigureSet, index: MetricIndex): Finding[] {
  const amounts = set.ids.filter((id) => index.metrics[id].value !== undefined && isCurrency(index.metrics[id].unit ?? ''));
  const count = new Map<string, number>();
  for (const id of amounts) count.set(index.metrics[id].unit!, (count.get(index.metrics[id].unit!) ?? 0) + 1);
  if (count.size < 2) return [];
  // The table's main currency: the one most of its amounts are in (the first written, on a tie).
  const main = [...count.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const unconverted = amounts.filter((id) => {
    const m: Metric = index.metrics[id];
    return m.unit !== main && m.equivalent?.unit !== main;
  });
  if (unconverted.length === 0) return [];
  const said = unconverted.map((id) => `${id} in ${index.metrics[id].unit}`).join(', ');
  return [{
    path: set.path,
    rule: 'mixed-currencies',
    metrics: [...new Set(amounts)],
    message: `this table sets amounts in ${[...count.keys()].join(' and ')} side by side, and ${said} ${unconverted.length === 1 ? 'states' : 'state'} no ${main} equivalent: give ${unconverted.length === 1 ? 'it' : 'each'} an equivalent in ${main} (as the source states it), or put the currencies in separate tables`,
  }];
}

/** Every table and chart of the canvas with the metrics it shows (a series as its values up to the briefing's date). */
function figureSets(canvas: CanvasInput, index: MetricIndex): FigureSet[] {
  // What each place shows: a reference to a series is its latest value; only a {series} row or a series chart shows them all.
  const ids = (ref: string) => [resolveRef(index, ref)].filter((id) => index.metrics[id] !== undefined);
  const all = (series: string) => (index.history[series] ?? []).filter((id) => index.metrics[id] !== undefined);
  const sets: FigureSet[] = [];
  for (const [chartId, chart] of Object.entries(canvas.charts ?? {})) {
    // A series over time is not a set of parts of one whole; its values are one measure.
    if (chart.points) {
      const points = chart.points.flatMap((p) => ids(p.metric).map((id) => ({ id, label: p.label })));
      sets.push({ kind: 'chart', path: ['charts', chartId], ids: points.map((p) => p.id), labels: points.map((p) => p.label), labelledByPeriod: chart.type === 'column' || chart.type === 'line' });
    }
  }
  for (const { block, path: at } of chapterEntries(canvas)) {
    block.sections.forEach((section, s) => section.content.forEach((item, c) => {
      const path: KeyPath = [...at, 'sections', s, 'content', c];
      if ('table' in item) {
        // Column by column: a column of amounts is what a reader compares down.
        // A row is labelled by its first cell of words ("Cloud Intelligence", "Total"), and its column's header says what
        // each cell of it measures ("Revenue FY2025").
        const columns = new Map<number, { ids: string[]; labels: Array<string | undefined> }>();
        item.table.rows.forEach((row) => {
          const label = row.find((cell): cell is string => typeof cell === 'string' && cell.trim() !== '');
          row.forEach((cell, ci) => {
            if (typeof cell !== 'object' || !(cell.show === undefined || cell.show === 'value' || cell.show === 'amount')) return;
            const column = columns.get(ci) ?? { ids: [], labels: [] };
            const header = item.table.columns?.[ci];
            for (const id of ids(cell.metric)) {
              column.ids.push(id);
              column.labels.push(label === undefined ? undefined : header === undefined ? label : `${label} (${header})`);
            }
            columns.set(ci, column);
          });
        });
        for (const column of columns.values()) sets.push({ kind: 'table', path: [...path, 'table'], ...column });
      } else if ('metric_table' in item) {
        const shown = item.metric_table.columns ?? ['label', 'value', 'change', 'period'];
        if (shown.includes('value') || shown.includes('amount')) {
          const series = item.metric_table.rows.some((row) => typeof row !== 'string' && 'series' in row);
          const rows = item.metric_table.rows.flatMap((row) => (typeof row === 'string' ? ids(row).map((id) => ({ id, label: undefined })) : 'series' in row ? all(row.series).map((id) => ({ id, label: undefined })) : ids(row.metric).map((id) => ({ id, label: row.label }))));
          sets.push({ kind: 'table', path: [...path, 'metric_table'], periodsShown: shown.includes('period') || series, ids: rows.map((r) => r.id), labels: rows.map((r) => r.label) });
        }
      }
    }));
  }
  return sets;
}
