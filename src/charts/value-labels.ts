/**
 * Value labels that fit beside their marks. On a column chart with many columns a label such as
 * "US$22.1 million" is wider than its column's band and prints over its neighbour's: "US$6.8 millionUS$3.1 million",
 * a minus sign under the next bar, a figure a reader may take for another's. Such a chart labels its columns with
 * their numbers alone ("22.1", "−4.6", "(4.6)"), the unit staying in the value axis title ("US$ million"); if even
 * those do not fit, the build says so. A line chart's labels are placed once its points are (line-labels.ts), which
 * drops their units (withoutUnit) the same way.
 */
import { quote } from '../errors.ts';
import { escapeRegExp } from '../words.ts';
import type { ChartModel, ChartRow } from '../model/chart-model.ts';
import { CHART_TEXT } from './style.ts';
import { measureTextWidth } from './text-metrics.ts';
import { BAND_PADDING, chartFontFamily } from './theme.ts';
import { OFFSET_PADDING, VALUE_AXIS_ROOM } from './encodings.ts';

/** Space kept between neighbouring labels, px. */
const GAP = 4;

/** The chart with labels that fit (its numbers alone where the full labels do not), and a warning when none do. */
export function fitValueLabels(chart: ChartModel): { chart: ChartModel; warnings: string[] } {
  if (chart.type !== 'column') return { chart, warnings: [] };
  const font = `${CHART_TEXT.value}px ${chartFontFamily(chart.lang)}`;
  const fits = (rows: ChartRow[]) => neighbours(chart, rows).every(([a, b, room]) => (measureTextWidth(a.label, font) + measureTextWidth(b.label, font)) / 2 + GAP <= room);
  if (fits(chart.rows)) return { chart, warnings: [] };
  const rows = chart.rows.map((r) => ({ ...r, label: withoutUnit(r.label, chart.valueTitle) }));
  const fitted = { ...chart, rows };
  if (fits(rows)) return { chart: fitted, warnings: [] };
  return {
    chart: fitted,
    warnings: [`chart ${quote(chart.title)}: ${chart.rows.length} points are too many for their value labels to stand apart; some overlap. Plot fewer points, or use a bar chart (one row per point)`],
  };
}

/**
 * Pairs of neighbouring columns' labels, with the room between their centres in px (each a band, shared by its groups).
 */
function neighbours(chart: ChartModel, rows: ChartRow[]): Array<[ChartRow, ChartRow, number]> {
  const plot = Math.max(1, chart.size.width - VALUE_AXIS_ROOM);
  const pairs: Array<[ChartRow, ChartRow, number]> = [];
  // As Vega lays out the bands (theme.ts) and, within one, the groups' columns side by side (encodings.ts): the centres
  // of one category's columns are a part of its band apart, less than a band divided among them.
  const categories = [...new Set(rows.map((r) => r.category))];
  // Side by side, every band keeps a place for each group (the offset scale's domain is all of them), a category
  // without one of them included: a segment new this quarter narrows last quarter's columns too.
  const groups = new Set(rows.flatMap((r) => (r.group === undefined ? [] : [r.group]))).size;
  const perBand = groups > 0 && rows.length > categories.length ? groups : Math.max(1, rows.length / categories.length);
  const { inner, outer } = BAND_PADDING;
  const step = plot / (categories.length - inner + 2 * outer);
  const room = perBand > 1 ? (step * (1 - inner)) / (perBand - OFFSET_PADDING) : step;
  for (let i = 0; i + 1 < rows.length; i++) pairs.push([rows[i]!, rows[i + 1]!, room]);
  return pairs;
}

/**
 * A value label without the unit the value axis title already gives ("US$ million", "RMB billion",
 * "million members"): "−US$4.6 million" -> "−4.6", "(RMB 3 billion)" -> "(3)", "approx. −3.4 GW" ->
 * "approx. −3.4". Everything else stays as written: the sign, brackets, a qualifier, a percent sign.
 */
export function withoutUnit(label: string, valueTitle: string): string {
  let out = label;
  for (const word of valueTitle.split(/\s+/).filter((w) => w !== '' && w !== '%')) {
    out = out.replace(new RegExp(`(^|[^\\p{L}])${escapeRegExp(word)}(?![\\p{L}])`, 'gu'), '$1');
  }
  return out.replace(/\s+/g, ' ').replace(/([(\u2212+-])\s+(?=\d)/g, '$1').replace(/\s+\)/g, ')').trim();
}
