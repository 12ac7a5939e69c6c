/**
 * The category axis of each chart type as the spec builders draw it: its channel, the room
 * its labels get (labelLimit), their angle and font. wrap-labels.ts plans line breaks from
 * it, and categoryLabels() turns axis and plan into the Vega-Lite axis properties.
 */
import type { ChartModel } from '../model/chart-model.ts';
import { CHART_TEXT } from './style.ts';
import { AXIS_LABEL_FONT, axisLabelFont } from './theme.ts';
import type { Axis } from './vega-lite-types.ts';
import type { WrapPlan } from './wrap-labels.ts';
import { exprLiteral } from './expression.ts';
import { CJK_TEXT, measureTextWidth } from './text-metrics.ts';

/** Where a chart's category (bar, dot) or period (column, line) labels go and how they are set. */
export interface CategoryAxis {
  channel: 'x' | 'y';
  /** True for a band (nominal) axis, false for the line chart's temporal one. */
  band: boolean;
  /** The widest a label line may be, px. */
  labelLimit: number;
  /** Label angle in degrees (0 = level). */
  angle: number;
  /** The labels' CSS font, as vega-scenegraph builds it from the theme. */
  font: string;
  /** The labels' font size, px. */
  fontSize: number;
  /**
   * True when slanted labels are better wrapped level, if they fit so, even where each fits one
   * slanted line: period labels in Chinese, Japanese or Korean, which read poorly slanted and
   * break well ("2025年3月期" / "第2四半期"). Latin labels keep their slant.
   */
  preferLevel: boolean;
}

/** Category axis labels of horizontal charts may take this share of the width (clamped below). */
const CATEGORY_LABEL_SHARE = 0.45;
/** The labelLimit of period labels under columns and line points, px. */
const PERIOD_LABEL_LIMIT = 200;

/** The category axis of `chart`: y for bar and dot, x for column and line. */
export function categoryAxis(chart: ChartModel): CategoryAxis {
  const font = { font: chart.lang === undefined ? AXIS_LABEL_FONT : axisLabelFont(chart.lang), fontSize: CHART_TEXT.label };
  if (chart.type === 'bar' || chart.type === 'dot') {
    return { channel: 'y', band: true, labelLimit: categoryLabelLimit(chart.size.width), angle: 0, ...font, preferLevel: false };
  }
  const cjk = chart.rows.some((r) => CJK_TEXT.test(r.category));
  return { channel: 'x', band: chart.type === 'column', labelLimit: PERIOD_LABEL_LIMIT, angle: categoryLabelAngle(chart, font.font), ...font, preferLevel: cjk };
}

function categoryLabelLimit(width: number): number {
  return Math.round(Math.max(160, Math.min(320, width * CATEGORY_LABEL_SHARE)));
}

/**
 * Period labels under columns and line points: level when they fit their slot, else slanted.
 * Measured in the labels' own font (`font`), as vega will draw them: a count of characters
 * cannot say how wide a label is (a Chinese, Japanese or Korean character is about 1em, a
 * Latin one about 0.58em in Inter), and an estimate too narrow set labels level that then
 * printed over each other.
 */
function categoryLabelAngle(chart: ChartModel, font: string): number {
  const categories = [...new Set(chart.rows.map((r) => r.category))];
  const slot = (chart.size.width - 60) / Math.max(categories.length, 1);
  const longest = Math.max(...categories.map((c) => measureTextWidth(c, font)));
  return longest > slot * 0.92 ? -35 : 0;
}

/**
 * The axis properties that set the labels: limit, angle (x only) and, with a wrap plan, a
 * labelExpr that maps each wrapped label to its lines (vega draws an array of strings as
 * lines; data and scale domain keep the full label). `text` is the expression of the label as
 * printed without wrapping: the tick's own label, or the line chart's date-to-period labelExpr.
 */
export function categoryLabels(axis: CategoryAxis, plan?: WrapPlan, text?: string): Axis {
  const angle = axis.channel === 'x' ? { labelAngle: plan?.angle ?? axis.angle } : {};
  if (!plan) return { ...(text ? { labelExpr: text } : {}), ...angle, labelLimit: axis.labelLimit };
  const label = text ? `(${text})` : 'datum.label';
  const keys = exprLiteral([...plan.wrapped.keys()]);
  const arrays = exprLiteral([...plan.wrapped.values()]);
  return {
    labelExpr: `indexof(${keys}, ${label}) >= 0 ? ${arrays}[indexof(${keys}, ${label})] : ${label}`,
    ...angle,
    labelLimit: axis.labelLimit,
    labelLineHeight: plan.lineHeight,
    ...(axis.channel === 'y' ? { labelOffset: centredBlocks(plan) } : {}),
  };
}

/**
 * vega sets the first line of a label on its tick and hangs the others below it; centre each
 * block on its band by moving it up half of its extra lines.
 */
function centredBlocks(plan: WrapPlan): Axis['labelOffset'] {
  const byCount = new Map<number, string[]>();
  for (const [label, lines] of plan.wrapped) {
    if (!byCount.has(lines.length)) byCount.set(lines.length, []);
    byCount.get(lines.length)!.push(label);
  }
  return {
    condition: [...byCount].map(([n, labels]) => ({
      test: `indexof(${exprLiteral(labels)}, datum.label) >= 0`,
      value: -((n - 1) * plan.lineHeight) / 2,
    })),
    value: 0,
  };
}
