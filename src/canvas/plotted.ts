import type { Chart, Metric } from '../validate/schema.ts';
import { MAX_DECIMALS, scaleFactor } from './numbers.ts';

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

type Scale = Metric['scale'];

/**
 * The one scale a chart draws its points in, where they share one unit (validate/check-references.ts refuses a chart
 * of different units): the scale most of them are written in, so that as many labels as can read digit for digit as
 * the text and tables print the figures (a series' own scale, unless most of its values write another), whether the
 * points are a series, its last few, or metrics listed one by one. On a tie, the last point's: a series' latest value,
 * the figure its text quotes. Each point is then drawn in it by inScale.
 */
export function chartScale(points: ReadonlyArray<Pick<Metric, 'scale'>>): Scale {
  const counts = new Map<Scale, number>();
  for (const m of points) counts.set(m.scale, (counts.get(m.scale) ?? 0) + 1);
  let best = points.at(-1)?.scale;
  for (const [scale, n] of counts) if (n > counts.get(best)!) best = scale;
  return best;
}

/**
 * The metric written in `scale`, its value moved exactly in decimal (RMB 30,127 million is RMB 30.127 billion, where
 * 30127 * 1e6 / 1e9 in floats is 30.127000000000002) and its stated decimals with it, so that it prints the same
 * digits: 1,234.50 million is 1.23450 billion. What it measures, its qualifier and the rest stay as written.
 */
export function inScale(m: Metric, scale: Scale): Metric {
  if (m.scale === scale || m.value === undefined) return m;
  const shift = Math.round(Math.log10(scaleFactor(m.scale) / scaleFactor(scale)));
  const [mantissa, exponent = '0'] = String(m.value).split('e'); // JS's shortest decimal that reads back as the value
  const { scale: _s, decimals, ...rest } = m;
  return {
    ...rest,
    value: Number(`${mantissa}e${Number(exponent) + shift}`),
    ...(scale === undefined ? {} : { scale }),
    ...(decimals === undefined ? {} : { decimals: Math.min(MAX_DECIMALS, Math.max(0, decimals - shift)) }),
  };
}

/** A chart's points as drawn: each in the chart's one scale (chartScale). */
export function onChartScale(points: Metric[]): Metric[] {
  const scale = chartScale(points);
  return points.map((m) => inScale(m, scale));
}
