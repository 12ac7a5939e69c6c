import type { Chart, Metric } from '../validate/schema.ts';

/**
 * The metric a chart point draws: the metric itself, or with `plot: change` a percent
 * metric holding its change, so growth charts reuse the figures the text quotes.
 */
export function plotted(m: Metric, plot: Chart['plot']): Metric {
  if (plot !== 'change') return m;
  const { change, equivalent: _e, value: _v, text: _t, scale: _s, qualifier: _q, decimals: _d, ...rest } = m;
  // With the change's decimals, so the chart labels it as the text prints it (+12.25 with decimals: 1 is 12.3% in both).
  return { ...rest, value: change?.percent, unit: 'percent', ...(change?.decimals === undefined ? {} : { decimals: change.decimals }) };
}
