/** borrowed-headline: a block set's key-figures page showing the canvas's key figures or charts that none of its chapters print. */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';

/** Commerce and cloud: the canvas's headline is the cloud business's; the commerce set names no key figures of its own. */
const CANVAS = `company: { name: Acme, ticker: ACM, exchange: Xetra, country: Germany, sector: S, industry: I }
briefing: { period: Q3 2025, as_of: 2025-10-31, currency: EUR }
metrics:
  cloud_revenue:
    label: Cloud revenue
    unit: EUR
    scale: million
    period_type: quarter
    source: Q3 report
    values:
      - { value: 300, period: Q2 2025, period_end: 2025-06-30 }
      - { value: 320, period: Q3 2025, period_end: 2025-09-30 }
  shop_revenue: { label: Shop revenue, value: 500, unit: EUR, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Q3 report }
  shop_orders: { label: Shop orders, value: 12, unit: orders, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Q3 report }
key_figures: [cloud_revenue, shop_revenue]
key_charts: [cloud_trend]
charts:
  cloud_trend: { title: Cloud revenue by quarter, type: column, series: cloud_revenue }
  orders: { title: Shop orders, type: bar, points: [{ metric: shop_orders, label: Q3 2025 }] }
blocks:
  key_activities:
    sections:
      - title: Cloud
        tags: [cloud]
        content:
          - paragraph: "Cloud revenue was [[cloud_revenue@2025-06-30]] in Q2."
          - chart: cloud_trend
      - title: Shops
        tags: [commerce]
        content:
          - paragraph: "Shops sold [[shop_revenue]]."
          - chart: orders
block_sets:
  commerce: { title: Commerce, tags: [commerce] }
  cloud: { title: Cloud, tags: [cloud] }
`;

const findings = (text: string) => validateWithWarnings(parseCanvas(text, 'c.yaml')).findings.filter((f) => f.rule === 'borrowed-headline');

describe('borrowed-headline', () => {
  it("is found at a set that shows the canvas's key figures and chart where its chapters print none of their figures", () => {
    expect(findings(CANVAS).map((f) => [`${f.line}:${f.column}`, f.path, f.message])).toEqual([
      ['34:13', 'block_sets.commerce', "this set gives no key_figures, so its key-figures page shows the canvas's, and cloud_revenue (Cloud revenue, Q3 2025) is in none of its chapters: the set's headline would be a figure of another part of the canvas. Give the set key_figures of its own: those its chapters print, or the canvas's listed there if the set is meant to show them"],
      ['34:13', 'block_sets.commerce', "this set gives no key_charts, so its key-figures page shows the canvas's chart \"cloud_trend\" (Cloud revenue by quarter), none of whose figures is in its chapters: give the set key_charts of its own (key_charts: [] for none), or list the canvas's there if the set is meant to show it"],
      // The cloud set prints another value of the cloud series (Q2), and the chart: its headline is its own. Not so
      // shop_revenue, which it does not print.
      ['35:10', 'block_sets.cloud', expect.stringContaining('and shop_revenue (Shop revenue, Q3 2025) is in none of its chapters')],
    ]);
  });

  it('is gone where the set gives its own lists, empty ones too, or the canvas gives none', () => {
    const own = CANVAS.replace('commerce: { title: Commerce, tags: [commerce] }', 'commerce: { title: Commerce, tags: [commerce], key_figures: [shop_revenue], key_charts: [] }')
      .replace('cloud: { title: Cloud, tags: [cloud] }', 'cloud: { title: Cloud, tags: [cloud], key_figures: [cloud_revenue, shop_revenue] }');
    expect(findings(own)).toEqual([]);
    expect(findings(CANVAS.replace('key_figures: [cloud_revenue, shop_revenue]\nkey_charts: [cloud_trend]\n', ''))).toEqual([]);
  });

  it('counts a figure printed where the set prints a metric of the same concept, a table cell, a chapter lead or its own summary', () => {
    const concept = CANVAS.replace('shop_orders: {', 'cloud_call: { label: Cloud revenue, value: 320, unit: EUR, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Call, concept: cloud }\n  shop_orders: {')
      .replace('period_type: quarter\n    source: Q3 report', 'period_type: quarter\n    concept: cloud\n    source: Q3 report')
      .replace('Shops sold [[shop_revenue]].', 'Shops sold [[shop_revenue]]; cloud [[cloud_call]].');
    expect(findings(concept).map((f) => f.path)).toEqual(['block_sets.cloud']); // the chart's figures too
    const cell = CANVAS.replace('- chart: cloud_trend', '- table: { columns: [Unit, Q3], rows: [[Shops, { metric: shop_revenue }]] }').replace('key_charts: [cloud_trend]\n', '');
    expect(findings(cell)).toEqual([expect.objectContaining({ path: 'block_sets.commerce' })]);
    const summary = CANVAS.replace('commerce: { title: Commerce, tags: [commerce] }', 'commerce: { title: Commerce, tags: [commerce], summary: "Beside [[cloud_revenue]]." }');
    expect(findings(summary).map((f) => f.path)).toEqual(['block_sets.cloud']);
    // A set without one prints the canvas's summary: the figures it names are printed by every such set.
    const canvasSummary = CANVAS.replace('currency: EUR }', 'currency: EUR, summary: "Group: [[cloud_revenue]] and [[shop_revenue]]." }');
    expect(findings(canvasSummary)).toEqual([]);
    // A chart's caption is printed with it.
    const caption = CANVAS.replace('orders: { title: Shop orders, type: bar,', "orders: { title: Shop orders, type: bar, caption: 'Beside cloud revenue of [[cloud_revenue]].',");
    expect(findings(caption).map((f) => f.path)).toEqual(['block_sets.cloud']);
    // A chapter's lead is printed where the set prints the chapter: the cloud set's, which prints a section of it.
    const lead = CANVAS.replace('  key_activities:\n', '  key_activities:\n    lead: "Shops [[shop_revenue]]."\n');
    expect(findings(lead).map((f) => f.path)).toEqual(['block_sets.commerce', 'block_sets.commerce']);
    // Not where the set prints none of the chapter's sections: the commerce set leaves out the chapter, lead and all.
    const other = `${CANVAS.replace('block_sets:', '  revenue_streams:\n    lead: "Cloud [[cloud_revenue]]."\n    sections: [{ title: More, tags: [cloud], content: [{ paragraph: Cloud. }] }]\nblock_sets:')}`;
    expect(findings(other).map((f) => f.path)).toEqual(['block_sets.commerce', 'block_sets.commerce', 'block_sets.cloud']);
  });

  it('counts a value of a series as the series: the chart of it is the set\'s own', () => {
    expect(findings(CANVAS.replace('          - chart: cloud_trend\n', '')).map((f) => f.path)).toEqual(['block_sets.commerce', 'block_sets.commerce', 'block_sets.cloud']);
  });
});
