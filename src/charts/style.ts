/**
 * The charts' colours and text sizes, used by the spec builders (which colour negative values
 * and estimate label room) and theme.ts (the Vega-Lite config). Private to charts/. Pure data.
 * Sizes are CSS px for a chart drawn about 640px wide on an A4 page (1px = 0.75pt, so 12px
 * text prints at 9pt). Colours are restrained: navy for data, greys for structure, the red
 * accent only for negative values.
 */

export const CHART_COLORS = {
  /** Primary data colour. */
  navy: '#1f3a5f',
  /** Accent, used sparingly: negative values. */
  accent: '#c8102e',
  /** Gridlines. */
  grid: '#e5e7eb',
  /** Axis labels and value labels. */
  text: '#374151',
  /** Axis titles and legend labels. */
  muted: '#4b5563',
  /** Zero baseline and axis domain lines. */
  baseline: '#9ca3af',
} as const;

/** Series colours for grouped charts, in order: navy first, then lighter blues and a grey. */
export const CHART_PALETTE = ['#1f3a5f', '#5b84b1', '#a9c0d9', '#7b8794', '#c9ced6', '#0f6e6e'] as const;

/** Text sizes in CSS px. */
export const CHART_TEXT = { label: 11.5, title: 11.5, value: 11.5 } as const;
