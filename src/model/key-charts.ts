/**
 * The key-figures page's charts and their size. They are drawn KEY_CHART_SIZE, full width under the cards; where
 * the print shows them on more than one page (the first under the cards, the next alone on the page after, most of
 * that page left empty), the pipeline draws them lower, each of KEY_CHART_HEIGHTS in turn and all the same size, so
 * that they share the cards' page (pipeline.ts keyChartFit). The lowest still reads as a chart: its axes and labels
 * keep their size (only the plot is lower), and a label with no room is left out as at any size.
 */
import type { BriefingModel } from './briefing-model.ts';

/** The key charts' size, CSS px: the width of the page's text, as every chart. */
export const KEY_CHART_SIZE = { width: 640, height: 230 };

/** The lower heights tried, px, from the highest down: the last is the lowest a key chart is drawn at. */
export const KEY_CHART_HEIGHTS = [200, 175, 150] as const;

/**
 * The model with its key charts drawn `height` px high: each key chart
 * a chart model of its own at that size, added after the others, so that a chart a chapter also shows keeps its size there.
 */
export function keyChartsAt(model: BriefingModel, height: number): BriefingModel {
  if (height === KEY_CHART_SIZE.height) return model;
  const charts = [...model.charts];
  const keyCharts = model.keyCharts.map((ref) => {
    charts.push({ ...model.charts[ref.index]!, size: { width: KEY_CHART_SIZE.width, height } });
    return { ...ref, index: charts.length - 1 };
  });
  return { ...model, charts, keyCharts };
}
