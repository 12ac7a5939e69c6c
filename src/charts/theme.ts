/**
 * The chart theme: one Vega-Lite `config` for every chart in a briefing, which
 * vega-lite-spec.ts puts in each spec. Colours and sizes come from style.ts, which the spec
 * builders share.
 */
import { cjkFamily, FONT_STACK } from '../fonts.ts';
import { CHART_COLORS, CHART_PALETTE, CHART_TEXT } from './style.ts';
import type { Config } from './vega-lite-types.ts';

/** The family chart text is set in (and measured with). */
export const CHART_FONT = 'Inter';

/**
 * The font-family value written on every SVG <text>: Inter, then Noto Sans SC for any glyph
 * Inter lacks (Chinese names), the same fallback order as the HTML (fonts.ts FONT_STACK).
 * Latin text is always Inter; the fallback only changes characters Inter cannot draw.
 */
export const CHART_FONT_FAMILY = FONT_STACK.map((f) => (/\s/.test(f) ? `'${f}'` : f)).join(', ');

/** The CSS font of axis labels as vega-scenegraph builds it from the theme (its font()): what wrap-labels.ts measures. */
export const AXIS_LABEL_FONT = `${CHART_TEXT.label}px ${CHART_FONT_FAMILY}`;

/**
 * The font-family of a chart whose names are in `lang` (the company's language, ChartModel.lang):
 * Inter, then the CJK face of that language, as the page sets its text (render/page-css.ts).
 * Chinese (and no language): CHART_FONT_FAMILY.
 */
export function chartFontFamily(lang: string | undefined): string {
  const own = cjkFamily(lang);
  return own === 'Noto Sans SC' ? CHART_FONT_FAMILY : `Inter, '${own}'`;
}

/** AXIS_LABEL_FONT for a chart in `lang`. */
export function axisLabelFont(lang: string | undefined): string {
  return `${CHART_TEXT.label}px ${chartFontFamily(lang)}`;
}

/** The Vega-Lite config of a chart in `lang`: chartTheme with its fonts. */
export function chartConfig(lang: string | undefined): Config {
  const font = chartFontFamily(lang);
  if (font === CHART_FONT_FAMILY) return chartTheme;
  return {
    ...chartTheme,
    font,
    title: { ...chartTheme.title, font },
    axis: { ...chartTheme.axis, labelFont: font, titleFont: font },
    legend: { ...chartTheme.legend, labelFont: font, titleFont: font },
    text: { ...chartTheme.text, font },
  };
}

/** The space between a chart's bands (columns, bars, their groups), and before the first and after the last, as a share of a band's step. */
export const BAND_PADDING = { inner: 0.3, outer: 0.15 } as const;

/** The Vega-Lite config of every chart. */
export const chartTheme: Config = {
  background: 'transparent',
  // No per-mark ARIA descriptions (they repeat raw numbers); the SVG root carries the chart's alt text.
  aria: false,
  padding: { left: 2, right: 6, top: 6, bottom: 2 },
  font: CHART_FONT_FAMILY,
  view: { stroke: null },
  title: { font: CHART_FONT_FAMILY, fontSize: CHART_TEXT.title, color: CHART_COLORS.text },
  axis: {
    labelFont: CHART_FONT_FAMILY,
    labelFontSize: CHART_TEXT.label,
    labelColor: CHART_COLORS.text,
    labelPadding: 5,
    titleFont: CHART_FONT_FAMILY,
    titleFontSize: CHART_TEXT.title,
    titleFontWeight: 500,
    titleColor: CHART_COLORS.muted,
    titlePadding: 8,
    domain: false,
    domainColor: CHART_COLORS.baseline,
    ticks: false,
    tickColor: CHART_COLORS.baseline,
    grid: false,
    gridColor: CHART_COLORS.grid,
    gridWidth: 1,
  },
  // Light gridlines on the value axis only; category axes stay bare.
  axisQuantitative: { grid: true, tickCount: 5, labelFlush: false },
  axisBand: { grid: false },
  axisTemporal: { grid: false, domain: true, ticks: true, tickSize: 4 },
  legend: {
    orient: 'top',
    direction: 'horizontal',
    title: null,
    labelFont: CHART_FONT_FAMILY,
    labelFontSize: CHART_TEXT.label,
    labelColor: CHART_COLORS.text,
    titleFont: CHART_FONT_FAMILY,
    symbolSize: 90,
    symbolStrokeWidth: 0,
    columnPadding: 14,
    padding: 0,
    offset: 10,
  },
  range: { category: [...CHART_PALETTE] },
  scale: { bandPaddingInner: BAND_PADDING.inner, bandPaddingOuter: BAND_PADDING.outer },
  bar: { color: CHART_COLORS.navy },
  line: { color: CHART_COLORS.navy, strokeWidth: 2 },
  point: { color: CHART_COLORS.navy, filled: true, size: 60, opacity: 1 },
  rule: { color: CHART_COLORS.baseline },
  text: { font: CHART_FONT_FAMILY, fontSize: CHART_TEXT.value, color: CHART_COLORS.text },
};
