/** Metrics and charts for the chart tests (model/ and charts/): RMB figures like the sample's, a few unit words, one text-only fact. */
import type { Chart, Metric } from '../../src/validate/schema.ts';

/** The size the chart tests draw at, CSS px. */
export const SIZE = { width: 640, height: 260 };

/** An amount in RMB billion, for the quarter ended 30 Sep 2025 unless `extra` says otherwise. */
export const rmb = (label: string, value: number, extra: Partial<Metric> = {}): Metric => ({
  label, value, unit: 'CNY', scale: 'billion', period: 'Quarter ended 30 Sep 2025', ...extra,
});

/** Segment amounts (one negative, one approximate), four dated quarters, users at very different sizes, a percentage, US$. */
export const METRICS: Record<string, Metric> = {
  taobao: rmb('Taobao and Tmall Group customer management', 78.9),
  cloud: rmb('Alibaba Cloud Intelligence Group', 39.8),
  local: rmb('Local services', 20.2, { qualifier: 'approx' }),
  others: rmb('All others', -2.5),
  q1: rmb('Cloud revenue', 26.5, { period: 'Quarter ended 30 Jun 2024', period_end: '2024-06-30' }),
  q2: rmb('Cloud revenue', 29.6, { period: 'Quarter ended 30 Sep 2024', period_end: '2024-09-30' }),
  q3: rmb('Cloud revenue', 31.7, { period: 'Quarter ended 31 Dec 2024', period_end: '2024-12-31' }),
  q4: rmb('Cloud revenue', 30.1, { period: 'Quarter ended 31 Mar 2025', period_end: '2025-03-31' }),
  quark: { label: 'Quark monthly active users', value: 150, unit: 'users', scale: 'million', qualifier: 'over', period: 'Sep 2025' },
  qwen: { label: 'Qwen app downloads', value: 10, unit: 'users', scale: 'million', period: 'Sep 2025' },
  models: { label: 'Qwen derivative models', value: 0.17, unit: 'users', scale: 'million', period: 'Sep 2025' },
  margin: { label: 'Adjusted EBITA margin', value: 9.1, unit: 'percent', period: 'FY2025' },
  usd: { label: 'Cloud revenue (USD)', value: 5.6, unit: 'USD', scale: 'billion', period: 'Quarter ended 30 Sep 2025' },
};

/** A chart of the given metrics, titled "A <type> chart". */
export const chart = (type: Chart['type'], ids: string[], extra: Partial<Chart> = {}): Chart => ({
  title: `A ${type} chart`, type, points: ids.map((metric) => ({ metric })), ...extra,
});
