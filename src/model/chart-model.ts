/**
 * Chart models: a canvas chart plus its metrics become what the chart says (its rows, value
 * axis title, alt text), not how it is drawn; charts/ turns a ChartModel into a Vega-Lite spec.
 *
 * Every text a reader sees comes from model/format.ts: value labels are formatQuantity output
 * (qualifier kept, e.g. "over 600 million"), the value axis title is unitLabel(unit, scale).
 * Points of one unit written in different scales are drawn in one (canvas/plotted.ts: chartScale),
 * each value moved into it exactly: the axis title, value labels and alt text all name that scale.
 * The canvas is trusted: validate/check-references.ts refuses charts whose metrics are missing,
 * text-only, undated on a line chart, of mixed units, or not positive on a log scale.
 */
import type { Chart, Metric } from '../validate/schema.ts';
import { aheadMark, formatDate, formatQuantity, unitLabel } from './format.ts';
import { monthsOn } from '../canvas/dates.ts';
import { isCurrency } from '../canvas/currencies.ts';
import { isCjkUnit } from '../canvas/numbers.ts';
import { localFigures } from '../canvas/local-figures.ts';
import { onChartScale } from '../canvas/plotted.ts';

/** What a chart shows, ready to be drawn. */
export interface ChartModel {
  /** The canvas chart id, set by the caller (build-model.ts). */
  id?: string;
  type: Chart['type'];
  title: string;
  caption?: string;
  /** A text description for accessibility: the title, the value axis, then each point "label: value". */
  alt: string;
  /** The briefing's language where it is Chinese, Japanese or Korean, else the company's (company.nativeLang): chart text with CJK characters is set, and measured, in its face. */
  lang?: string;
  /**
   * The decimal mark and thousands separator of the value axis's numbers where briefing.language writes numbers
   * otherwise than English ("1.000,5" in German): absent for English and its like, whose axis is as it always was.
   */
  numbers?: { decimal: string; group: string };
  /** Negative figures in parentheses (a theme's negative_numbers), on the value axis too. */
  negatives?: 'parentheses';
  /** The value axis title: unitLabel(unit, scale) in the chart's one scale, e.g. "RMB billion". */
  valueTitle: string;
  /** True for a logarithmic value axis (every value is above zero). */
  logScale: boolean;
  /** false: a line chart's value axis fits its values instead of starting at zero (the canvas's from_zero: false). */
  fromZero?: false;
  size: ChartSize;
  /** One row per point, in the order the canvas gives them. */
  rows: ChartRow[];
}

export interface ChartSize {
  /** CSS px. */
  width: number;
  /** CSS px. */
  height: number;
}

/** One point of a chart. */
export interface ChartRow {
  /** Category (bar, dot) or period (column, line) label. */
  category: string;
  /** The number in the chart's one scale: 39.8 for RMB 39.8 billion, and for RMB 39,800 million among billions. */
  value: number;
  /** The value as printed beside the mark, from valueLabel. */
  label: string;
  /** Series, when the chart colours points by group ("Other" for ungrouped points beside grouped ones). */
  group?: string;
  /** Line charts: period_end, YYYY-MM-DD. */
  date?: string;
  /**
   * A period the series has no figure for, between two it has (a column chart of a whole series): an empty place on
   * the axis, named by the day it would end, its label "no figure", its value 0. Columns set side by side read as
   * consecutive periods, and a quarter left out would not be seen.
   */
  missing?: true;
}

const TYPE_WORDS: Record<Chart['type'], string> = {
  bar: 'Bar chart', column: 'Column chart', line: 'Line chart', dot: 'Dot plot',
};

/**
 * The model of one chart; `metrics` holds each point's metric as plotted (canvas/plotted.ts). `series`: the chart draws a
 * whole series (`series:`), oldest first, so that a column chart shows the periods it has no figure for (ChartRow.missing).
 */
export function buildChartModel(chart: Chart, metrics: Record<string, Metric>, size: ChartSize, language?: string, series = false): ChartModel {
  const drawn = drawnMetrics(chart, metrics);
  const drawnRows = rowsOf(chart, drawn, language);
  const rows = series && chart.type === 'column' && chart.log_scale !== true ? withMissingPeriods(drawnRows, drawn, language) : drawnRows;
  const valueTitle = unitLabel(drawn[0].unit!, drawn[0].scale, language);
  const local = localFigures(language);
  const logScale = chart.log_scale === true;
  return {
    type: chart.type,
    title: chart.title,
    ...(chart.caption ? { caption: chart.caption } : {}),
    alt: altText(chart, drawn, rows, valueTitle, logScale, language),
    valueTitle,
    logScale,
    // Only where the canvas asks: the content hashes of charts that do not are as before.
    ...(chart.from_zero === false && !logScale ? { fromZero: false as const } : {}),
    ...(local ? { numbers: { decimal: local.decimal, group: local.group } } : {}),
    size,
    rows,
  };
}

/** Each point's metric as the chart draws it, in the points' order: in the chart's one scale. */
function drawnMetrics(chart: Chart, metrics: Record<string, Metric>): Metric[] {
  return onChartScale(chart.points.map((p) => metrics[p.metric]));
}

/** The chart's rows, in the order given; when some points are grouped, the others are "Other". */
export function chartRows(chart: Chart, metrics: Record<string, Metric>, language?: string): ChartRow[] {
  return rowsOf(chart, drawnMetrics(chart, metrics), language);
}

function rowsOf(chart: Chart, drawn: Metric[], language?: string): ChartRow[] {
  const byPeriod = chart.type === 'column' || chart.type === 'line';
  const rows = chart.points.map((p, i) => {
    const m = drawn[i];
    const row: ChartRow = { category: p.label ?? (byPeriod ? m.period : m.label), value: m.value!, label: valueLabel(m, language) };
    if (p.group !== undefined) row.group = p.group;
    if (chart.type === 'line') row.date = m.period_end;
    return row;
  });
  if (rows.some((r) => r.group !== undefined)) for (const r of rows) r.group ??= 'Other';
  const named = byPeriod ? withoutGlosses(rows, chart.points.map((p) => p.label === undefined)) : rows;
  // A forecast or target among a chart's points says what it is ("FY2025 (forecast)"), after the glosses are gone, so
  // that a column or a line's last point is not read as history; a point's label that says so already stays as written.
  return named.map((r, i) => ({ ...r, category: r.category + aheadMark(drawn[i]!, r.category) }));
}

/** How many months a period of each kind covers: the step between two values of a series. */
const MONTHS_OF: Partial<Record<NonNullable<Metric['period_type']>, number>> = { month: 1, quarter: 3, half_year: 6, fiscal_year: 12, calendar_year: 12 };

/**
 * A series' rows with a row for each period it has no figure for between two it has (Q3 2024, then Q1 2025: Q4 2024 is
 * missing), where its values are of one kind of period (quarters, halves, years, months) and dated. Named by the day that
 * period would end, a calendar month's end where the values end on one ("31 Dec 2024"); a gap of more than 40 periods is
 * no series' gap, and is left as it is.
 */
function withMissingPeriods(rows: ChartRow[], drawn: Metric[], language?: string): ChartRow[] {
  const type = drawn[0]?.period_type;
  const months = type === undefined ? undefined : MONTHS_OF[type];
  if (months === undefined || drawn.some((m) => m.period_type !== type || m.period_end === undefined)) return rows;
  const out: ChartRow[] = [rows[0]!];
  for (let i = 1; i < rows.length; i++) {
    const [from, to] = [drawn[i - 1]!.period_end!, drawn[i]!.period_end!];
    const steps = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000 / (months * 30.4375));
    for (let k = 1; k < steps && steps <= 40; k++) {
      out.push({ category: formatDate(monthsOn(from, k * months), language), value: 0, label: 'no figure', missing: true });
    }
    out.push(rows[i]!);
  }
  return out;
}

/**
 * Periods on a column or line chart's axis without the gloss their words end with, where each has one and they stay
 * apart without it: "Q2 FY24 (quarter ended 30 Mar 2024)" is "Q2 FY24" on the axis (a label as long as that was hidden
 * behind its neighbours), the gloss staying wherever else the period prints. A point's own label stays as written.
 */
function withoutGlosses(rows: ChartRow[], fromPeriod: boolean[]): ChartRow[] {
  // In ASCII or full-width brackets, as Japanese and Chinese write them: "2025年度第2四半期（2025年7～9月）".
  const GLOSS = /^(.*\S)\s*(?:\([^()]*\)|（[^（）]*）)$/;
  const glossed = rows.filter((_, i) => fromPeriod[i]);
  if (glossed.length < 2 || !glossed.every((r) => GLOSS.test(r.category))) return rows;
  const short = (c: string) => GLOSS.exec(c)![1]!;
  // Not where the year is in the brackets: "Q1 (FY26)" would be "Q1", a quarter of no year.
  if (!glossed.every((r) => /\d{2}/.test(short(r.category)))) return rows;
  if (new Set(glossed.map((r) => short(r.category))).size !== new Set(glossed.map((r) => r.category)).size) return rows;
  return rows.map((r, i) => (fromPeriod[i] ? { ...r, category: short(r.category) } : r));
}

/**
 * The label beside a mark: formatQuantity output with its qualifier ("over 600 million"),
 * dropping only a unit word the axis title already states ("users", "名" closed up to its number); currency prefixes and
 * "%" stay, so the label reads on its own.
 */
export function valueLabel(m: Metric, language?: string): string {
  const full = fullValue(m, language);
  const unit = m.unit!;
  if (isCurrency(unit) || unit === 'percent' || !full.endsWith(unit)) return full;
  const before = full.slice(0, -unit.length);
  if (/[ \u00a0]$/.test(before)) return before.slice(0, -1);
  return isCjkUnit(unit) && /\d$/.test(before) ? before : full;
}

function fullValue(m: Metric, language?: string): string {
  return formatQuantity({ value: m.value!, unit: m.unit!, scale: m.scale, qualifier: m.qualifier, decimals: m.decimals }, language);
}

function altText(chart: Chart, drawn: Metric[], rows: ChartRow[], valueTitle: string, log: boolean, language?: string): string {
  // Each point's row, in order, with a period the series has no figure for between them (ChartRow.missing) said as such.
  let point = 0;
  const items = rows.map((r) => `${r.category}${r.group !== undefined ? ` (${r.group})` : ''}: ${r.missing ? 'no figure' : fullValue(drawn[point++]!, language)}`);
  return `${chart.title}. ${TYPE_WORDS[chart.type]}, values in ${valueTitle}${log ? ' on a logarithmic scale' : ''}. ${items.join('; ')}.`;
}
