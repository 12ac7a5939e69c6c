import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { loadCanvas, parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas } from '../../src/validate/validate-canvas.ts';
import { checkReferences } from '../../src/validate/check-references.ts';
import type { Problem } from '../../src/validate/explain-issues.ts';
import type { Canvas, Chart } from '../../src/validate/schema.ts';
import { buildModel } from '../../src/model/build-model.ts';

/** The problems a canvas of `text` is refused for, one a line ("file:line:column: path: message"); none if it is valid. */
function refusals(text: string, file: string): string[] {
  try {
    validateCanvas(parseCanvas(text, file));
    return [];
  } catch (error) {
    return (error as Error).message.split('\n').slice(1, -1);
  }
}

const SLIPS = 'test/fixtures/invalid/figure-slips.yaml';

async function slips(): Promise<{ error: BriefingError; lines: string[] }> {
  const error = await loadCanvas(SLIPS).then(validateCanvas).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BriefingError);
  return { error: error as BriefingError, lines: (error as Error).message.split('\n') };
}

describe('figure checks', () => {
  it('are errors: the canvas is not built', async () => {
    const { error, lines } = await slips();
    expect(error.exitCode).toBe(EXIT.invalidData);
    expect(lines[0]).toBe(`${SLIPS}: invalid canvas (10 problems); no briefing can be made from it until they are fixed.`);
  });

  it('flag a date after the briefing\'s as_of date, except for targets and forecasts', async () => {
    const { lines } = await slips();
    expect(lines).toContain(`${SLIPS}:23:17: metrics.revenue_q3.period_end: period_end 2052-06-30 is after the briefing's as_of date 2025-12-01; a typo? For a plan, target or forecast set period_type: target or forecast.`);
    expect(lines).toContain(`${SLIPS}:32:12: metrics.margin_q3.as_of: as_of 2026-01-15 is after the briefing's as_of date 2025-12-01; a typo? For a plan, target or forecast set period_type: target or forecast.`);
    expect(lines.filter((l) => l.includes('revenue_plan.period_end'))).toEqual([]);
  });

  it('ask for ISO currency codes in capitals, in units and equivalents', async () => {
    const { lines } = await slips();
    expect(lines).toContain(`${SLIPS}:20:11: metrics.revenue_q3.unit: "rmb" is a currency: write the ISO currency code in capitals: CNY`);
    expect(lines).toContain(`${SLIPS}:24:38: metrics.revenue_q3.equivalent.unit: "US$" is a currency: write the ISO currency code in capitals: USD`);
  });

  it('flag decimals that round away the source\'s precision, but not decimals that pad zeros', async () => {
    const { lines } = await slips();
    expect(lines).toContain(`${SLIPS}:19:15: metrics.revenue_q3.decimals: decimals: 1 would print 101.272 as 101.3; keep the source's precision (leave decimals out) or write the value as the source rounds it`);
    expect(lines.filter((l) => l.includes('margin_q3.decimals'))).toEqual([]);
  });

  it('accept a figure dated on the briefing\'s as_of date itself, and decimals that print every digit written', () => {
    const nordwind = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');
    const problems = (from: string, to: string) => refusals(nordwind.replace(from, to), 'n.yaml');
    // as_of is on or after the last of the figures' dates: a figure of that very day is no typo.
    expect(problems('    period_end: 2025-12-31\n    change', '    period_end: 2026-02-15\n    as_of: 2026-02-15\n    change')).toEqual([]);
    expect(problems('    period_end: 2025-12-31\n    change', '    period_end: 2026-02-16\n    change')).toEqual([
      'n.yaml:23:17: metrics.revenue_fy25.period_end: period_end 2026-02-16 is after the briefing\'s as_of date 2026-02-15; a typo? For a plan, target or forecast set period_type: target or forecast.',
    ]);
    // decimals: 1 for 1234.5 prints it as written; only fewer decimals than written lose a digit.
    expect(problems('value: 1234.5\n', 'value: 1234.5\n    decimals: 1\n')).toEqual([]);
    expect(problems('value: 1234.5\n', 'value: 1234.5\n    decimals: 0\n')).toEqual([
      'n.yaml:19:15: metrics.revenue_fy25.decimals: decimals: 0 would print 1234.5 as 1,235; keep the source\'s precision (leave decimals out) or write the value as the source rounds it',
    ]);
  });

  it('refuse a value with more digits after the decimal point than a briefing prints, which would print as another figure', () => {
    const nordwind = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');
    const problems = (value: string) => refusals(nordwind.replace('value: 1234.5', `value: ${value}`), 'n.yaml');
    expect(problems('1e-21')).toEqual([
      'n.yaml:18:12: metrics.revenue_fy25.value: 1e-21 has more digits after the decimal point than a briefing prints (20): it would print as 0.00000000000000000000; write it in a smaller scale or unit (thousand instead of million, for instance)',
    ]);
    expect(problems('0.00000000000000000001')).toEqual([]); // 1e-20: 20 digits, printed whole
  });

  it('refuse change decimals that print a change that is not zero as unchanged (−0.04% as "0.0% YoY"), but not rounding that keeps a digit', () => {
    const nordwind = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');
    const problems = (change: string) => refusals(nordwind.replace('change: { percent: 8.2 }', change), 'n.yaml');
    expect(problems('change: { percent: -0.04, decimals: 1 }')).toEqual([
      'n.yaml:24:41: metrics.revenue_fy25.change.decimals: decimals: 1 would print the change percent: -0.04 as 0.0%, as if unchanged: give decimals: 2 or more, or leave decimals out to print the change as written',
    ]);
    expect(problems('change: { points: 0.004, decimals: 2 }')).toEqual([
      'n.yaml:24:40: metrics.revenue_fy25.change.decimals: decimals: 2 would print the change points: 0.004 as 0.00 pp, as if unchanged: give decimals: 3 or more, or leave decimals out to print the change as written',
    ]);
    expect(problems('change: { percent: 2.675, decimals: 2 }')).toEqual([]);
    expect(problems('change: { percent: 0, decimals: 1 }')).toEqual([]);
  });

  it('refuse an equivalent that is no other currency\'s amount: in the amount\'s own currency, of a percentage, or in a unit', () => {
    const nordwind = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');
    const problems = (text: string) => refusals(text, 'n.yaml');
    const withEquivalent = (metric: string, equivalent: string) => nordwind.replace(`${metric}\n`, `${metric}\n    equivalent: ${equivalent}\n`);
    expect(problems(withEquivalent('    change: { percent: 8.2 }', '{ value: 1300, unit: EUR, scale: million }'))).toEqual([
      'n.yaml:25:38: metrics.revenue_fy25.equivalent.unit: an equivalent is the same amount in another currency, as the source states it, but this one is in EUR, as the amount is: the briefing would print two EUR figures for one amount. Write the equivalent\'s own currency, or give the other figure a metric of its own',
    ]);
    expect(problems(withEquivalent('    unit: turbines', '{ value: 0.8, unit: turbines, scale: thousand }'))).toEqual([
      'n.yaml:57:17: metrics.turbines.equivalent: an equivalent is the same amount in another currency, as the source states it, and "turbines" is no currency: remove equivalent, and give the other figure a metric of its own',
    ]);
    expect(problems(withEquivalent('    change: { percent: 8.2 }', '{ value: 1.4, unit: GW }'))).toEqual([
      'n.yaml:25:37: metrics.revenue_fy25.equivalent.unit: an equivalent is the same amount in another currency, as the source states it: "GW" is no currency code (write one such as USD), or give the figure a metric of its own',
    ]);
    expect(problems(withEquivalent('    change: { percent: 8.2 }', '{ value: 1.4, unit: USD, scale: billion }'))).toEqual([]);
    // "12% (US$1.2 billion)": a share and an amount, two figures.
    const share = 'company: {name: A, ticker: A, exchange: X, country: Y, sector: S, industry: I}\nbriefing: {period: FY2025, as_of: 2025-12-31, currency: GBP}\n' +
      'metrics:\n  m: {label: Share, value: 12, unit: percent, period: FY2025, equivalent: {value: 1.2, unit: USD, scale: billion}}\nblocks:\n  channels:\n    lead: "[[m]]"\n';
    expect(problems(share)).toEqual([
      'n.yaml:4:75: metrics.m.equivalent: an equivalent is the same amount in another currency, as the source states it, and a percentage is no currency: remove equivalent, and give the other figure a metric of its own',
    ]);
  });

  it('write each lower-case code or informal name as its ISO code', () => {
    const nordwind = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');
    for (const [unit, code] of [['eur', 'EUR'], ['usd', 'USD'], ['Hkd', 'HKD'], ['yuan', 'CNY'], ['RMB', 'CNY'], ['dollars', 'USD']]) {
      const text = nordwind.replace('    value: 1234.5\n    unit: EUR', `    value: 1234.5\n    unit: ${unit}`);
      const error = (() => { try { validateCanvas(parseCanvas(text, 'n.yaml')); } catch (e) { return e as Error; } })();
      expect(error?.message.split('\n')).toContain(`n.yaml:19:11: metrics.revenue_fy25.unit: "${unit}" is a currency: write the ISO currency code in capitals: ${code}`);
    }
  });
});

describe('broken [[references]] in long text', () => {
  it('point at the reference itself in a plain paragraph over several lines', async () => {
    const { lines } = await slips();
    expect(lines).toContain(`${SLIPS}:52:46: blocks.revenue_streams.sections[0].content[0].paragraph: no metric with id "store"; did you mean "stores"?`);
  });

  it('point at the reference in quoted and block text', async () => {
    const { lines } = await slips();
    expect(lines).toContain(`${SLIPS}:55:45: blocks.revenue_streams.sections[0].content[1].paragraph: no metric with id "revnue_plan"; did you mean "revenue_plan"?`);
    expect(lines).toContain(`${SLIPS}:58:23: blocks.revenue_streams.sections[0].content[2].paragraph: metric "stores" has no change to show`);
  });

  it('point at each occurrence of a reference repeated in one paragraph', async () => {
    const { lines } = await slips();
    expect(lines.filter((l) => l.includes('content[3]'))).toEqual([
      `${SLIPS}:60:50: blocks.revenue_streams.sections[0].content[3].paragraph: no metric with id "store"; did you mean "stores"?`,
      `${SLIPS}:61:20: blocks.revenue_streams.sections[0].content[3].paragraph: no metric with id "store"; did you mean "stores"?`,
    ]);
  });

  it('are found in a block set\'s summary too, which the briefing of that set prints', () => {
    const nordwind = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');
    const text = `${nordwind}block_sets:\n  wind:\n    title: Wind\n    summary: Capacity reached [[capacity_gww]] and [[capacity_gw.change]].\n`;
    const error = (() => { try { validateCanvas(parseCanvas(text, 'n.yaml')); } catch (e) { return e as BriefingError; } })();
    expect(error?.exitCode).toBe(EXIT.invalidData);
    const line = text.split('\n').findIndex((l) => l.includes('summary: Capacity')) + 1;
    expect(error?.message.split('\n')).toEqual(expect.arrayContaining([
      `n.yaml:${line}:31: block_sets.wind.summary: no metric with id "capacity_gww"; did you mean "capacity_gw"?`,
      `n.yaml:${line}:52: block_sets.wind.summary: metric "capacity_gw" has no change to show`,
    ]));
  });
});

describe('a reference that is no reference', () => {
  it('is refused at itself: an unknown part, an id with a space, empty brackets, brackets not closed', () => {
    const canvas = (ref: string) => `company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }
briefing: { period: Q3 2025, as_of: 2025-11-15, currency: EUR }
metrics:
  ebt: { label: Profit before tax, value: 2296, unit: EUR, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Reports }
blocks:
  revenue_streams:
    lead: "Profit [[ebt]] and ${ref}."
`;
    expect(refusals(canvas('[[ebt.bogus]]'), 'p.yaml')).toEqual([`p.yaml:7:31: blocks.revenue_streams.lead: "[[ebt.bogus]]": unknown part "bogus"; use one of value, amount, size, equivalent, change, period, as_of, label, source, note`]);
    for (const ref of ['[[ebt extra]]', '[[]]']) {
      expect(refusals(canvas(ref), 'p.yaml'), ref).toEqual([`p.yaml:7:31: blocks.revenue_streams.lead: "${ref}" is not a metric reference: write [[metric_id]] or [[metric_id.part]] (metric_id@YYYY-MM-DD for one value of a metric with values)`]);
    }
    expect(refusals(canvas('[[ebt'), 'p.yaml')).toEqual(['p.yaml:7:31: blocks.revenue_streams.lead: "[[ebt." is not closed: write [[metric_id]] with two closing brackets (or, for brackets meant as text, leave out one of the two opening ones)']);
  });
});

describe('a part a metric lacks', () => {
  it('is refused at each reference that shows it: a note, an as_of date, an equivalent, a change', () => {
    const text = `company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }
briefing: { period: Q3 2025, as_of: 2025-11-15, currency: EUR, summary: "Profit [[ebt]]: [[ebt.note]], [[ebt.as_of]], [[ebt.equivalent]], [[ebt.change]]." }
metrics:
  ebt: { label: Profit before tax, value: 2296, unit: EUR, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Reports }
blocks:
  revenue_streams:
    lead: "Profit [[ebt]]."
`;
    expect(refusals(text, 'p.yaml')).toEqual([
      'p.yaml:2:90: briefing.summary: metric "ebt" has no note to show',
      'p.yaml:2:104: briefing.summary: metric "ebt" has no as_of date to show',
      'p.yaml:2:119: briefing.summary: metric "ebt" has no equivalent to show',
      'p.yaml:2:139: briefing.summary: metric "ebt" has no change to show',
    ]);
  });
});

describe('a part a series\' latest value lacks', () => {
  it('names the value that lacks it, and the earlier one that has it: a quarter added without its change', () => {
    const text = `company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }
briefing: { period: Q4 2025, as_of: 2026-02-15, currency: EUR, summary: "Profit was [[ebt]] ([[ebt.change]])." }
metrics:
  ebt:
    label: Profit before tax
    unit: EUR
    scale: million
    source: Reports
    values:
      - { value: 2296, period: Q3 2025, period_end: 2025-09-30, change: { percent: 60.3 } }
      - { value: 1850, period: Q4 2025, period_end: 2025-12-31 }
blocks:
  revenue_streams:
    lead: "Profit [[ebt]]."
`;
    const error = (() => { try { validateCanvas(parseCanvas(text, 'e.yaml')); } catch (e) { return e as BriefingError; } })();
    expect(error?.message.split('\n')).toContain('e.yaml:2:94: briefing.summary: metric "ebt" names its latest value, ebt@2025-12-31, which has no change to show (ebt@2025-09-30 has one: was the change left out of the new value?): add it to that value');
  });
});

/** A canvas's head and its quarterly revenue series, Q2 and Q3 2025 (as_of after Q3); with `q4`, Q4's value too, and as_of after it. */
const quarterlyRevenue = (q4: boolean) => `company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }
briefing: { period: ${q4 ? 'Q4' : 'Q3'} 2025, as_of: ${q4 ? '2026-02-15' : '2025-10-31'}, currency: EUR }
metrics:
  revenue:
    label: Revenue
    unit: EUR
    scale: million
    period_type: quarter
    values:
      - { value: 311.2, period: Q2 2025, period_end: 2025-06-30 }
      - { value: 322.9, period: Q3 2025, period_end: 2025-09-30 }
${q4 ? '      - { value: 340.4, period: Q4 2025, period_end: 2025-12-31 }\n' : ''}`;

describe('an acknowledgement', () => {
  /** A canvas whose Q3 text types revenue wrong, acknowledged with `rule` and `metrics`; `q4` adds the next quarter's value, as_of moved on. */
  const canvas = (rule: string, metrics: string, q4 = false) => `${quarterlyRevenue(q4)}blocks:
  revenue_streams:
    lead: "Revenue was [[revenue]]; in Q3 2025 revenue was EUR 325.0 million by the segment table."
data_notes:
  sources: [{ title: Reports }]
  acknowledged:
    - { rule: ${rule}, metrics: ${metrics}, reason: The segment table adds up to more. }
`;

  it('refuses a series named by its id for a finding about one of its values: the next quarter\'s finding would be taken as acknowledged, unread', () => {
    expect(refusals(canvas('typed-mismatch', '[revenue]'), 'c.yaml')).toEqual([
      'c.yaml:18:41: data_notes.acknowledged[0].metrics[0]: "revenue" names the latest value of its series (revenue@2025-09-30 now), and the next value added takes its place: the acknowledgement would move to that period\'s figure, and pass a finding about it that nobody has read. Name the value it is about by its date: revenue@2025-09-30, or an earlier one (revenue@2025-06-30)',
    ]);
    expect(refusals(canvas('change-mismatch', '[revenue, revenue@2025-06-30]', true), 'c.yaml')).toEqual([
      expect.stringContaining('c.yaml:19:42: data_notes.acknowledged[0].metrics[0]: "revenue" names the latest value of its series (revenue@2025-12-31 now)'),
    ]);
  });

  it('accepts a value named by its date, and a series named by its id where the finding is about the metric as a whole (unused-metric, no-source)', () => {
    expect(refusals(canvas('typed-mismatch', '[revenue@2025-09-30]'), 'c.yaml')).toEqual([]);
    expect(refusals(canvas('typed-mismatch', '[revenue@2025-09-30]', true), 'c.yaml')).toEqual([]);
    expect(refusals(canvas('unused-metric', '[revenue]', true), 'c.yaml')).toEqual([]);
    expect(refusals(canvas('no-source', '[revenue]', true), 'c.yaml')).toEqual([]);
  });
});

describe('a declared contradiction', () => {
  /** A canvas whose revenue series disagrees with a segment table's total for Q3, declared with `metrics`; `q4` adds the next quarter's value, as_of moved on. */
  const canvas = (metrics: string, q4 = false) => `${quarterlyRevenue(q4)}  segment_total:
    label: Revenue
    value: 325.1
    unit: EUR
    scale: million
    period: Q3 2025
    period_type: quarter
    period_end: 2025-09-30
    concept: revenue
blocks:
  revenue_streams:
    lead: "Revenue was [[revenue]]; the segment table gives [[segment_total]], and Q2's was [[revenue@2025-06-30]]."
data_notes:
  sources: [{ title: Reports }]
  contradictions:
    - title: Revenue in Q3 2025
      metrics: ${metrics}
      note: The segment table adds up to more.
`;

  it('refuses a series named by its id, whose latest value moves to the next quarter\'s: the briefing would call that figure disputed', () => {
    // Declared in Q3 with the series' id: it means Q3's value now, and Q4's once that is added.
    expect(refusals(canvas('[revenue, segment_total]'), 'c.yaml')).toEqual([
      'c.yaml:28:17: data_notes.contradictions[0].metrics[0]: "revenue" names the latest value of its series (revenue@2025-09-30 now), and the next value added takes its place: the contradiction would move to that period\'s figure, and the briefing would call that one disputed. Name the value it is about by its date: revenue@2025-09-30, or an earlier one (revenue@2025-06-30)',
    ]);
    expect(refusals(canvas('[segment_total, revenue]', true), 'c.yaml')).toEqual([
      expect.stringContaining('c.yaml:29:32: data_notes.contradictions[0].metrics[1]: "revenue" names the latest value of its series (revenue@2025-12-31 now), and the next value added takes its place'),
    ]);
    expect(refusals(canvas('[segment_total, revenue]', true), 'c.yaml')[0]).toMatch(/Name the value it is about by its date: revenue@2025-12-31, or an earlier one \(revenue@2025-09-30, revenue@2025-06-30\)$/);
  });

  it('accepts the series\' value named by its date, which stays with its quarter when the next is added', () => {
    expect(refusals(canvas('[revenue@2025-09-30, segment_total]'), 'c.yaml')).toEqual([]);
    const text = canvas('[revenue@2025-09-30, segment_total]', true);
    expect(refusals(text, 'c.yaml')).toEqual([]);
    const [declared] = buildModel(validateCanvas(parseCanvas(text, 'c.yaml')), { name: 'c', setKey: 'full' }).appendix.contradictions;
    expect(declared.metrics).toEqual(['revenue@2025-09-30', 'segment_total']);
  });
});

describe('references in a chart caption', () => {
  it('are checked as in text, at the caption, and print the figure as text does', () => {
    const nordwind = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');
    const text = nordwind.replace(/^(\s+caption: ).*$/m, '$1Company reports; FY2025 revenue [[revenue_fy25]], not [[revenue_fy2025]].');
    expect(text).not.toBe(nordwind);
    const error = (() => { try { validateCanvas(parseCanvas(text, 'n.yaml')); } catch (e) { return e as BriefingError; } })();
    expect(error?.exitCode).toBe(EXIT.invalidData);
    expect(error?.message).toMatch(/^n\.yaml:\d+:\d+: charts\.\w+\.caption: no metric with id "revenue_fy2025"; did you mean "revenue_fy25"/m);
    const canvas = validateCanvas(parseCanvas(text.replace(', not [[revenue_fy2025]]', ''), 'n.yaml'));
    const chart = buildModel(canvas, { name: 'n', setKey: 'full' }).chapters.flatMap((c) => c.sections.flatMap((s) => s.items)).find((i) => i.kind === 'chart');
    expect(chart?.kind === 'chart' && chart.chart.caption).toBe('Company reports; FY2025 revenue €1,234.5 million.');
    expect(chart?.kind === 'chart' && chart.chart.richCaption?.find((p) => p.figure)?.text).toBe('€1,234.5 million');
  });

  it('name a metric with dated values by its id, its latest value, as text does', () => {
    // Such a caption was left unresolved: the model found no metric "revenue" and check and build stopped with an internal error.
    const quarters = readFileSync('test/fixtures/valid/nordwind-quarters.yaml', 'utf8');
    const text = quarters.replace(/^(\s+series: revenue)$/m, '$1\n    caption: Company reports; latest [[revenue]] ([[revenue.change]]), Q2 [[revenue@2025-06-30]].');
    expect(text).not.toBe(quarters);
    const chart = buildModel(validateCanvas(parseCanvas(text, 'q.yaml')), { name: 'q', setKey: 'full' }).chapters.flatMap((c) => c.sections.flatMap((s) => s.items)).find((i) => i.kind === 'chart');
    expect(chart?.kind === 'chart' && chart.chart.caption).toBe('Company reports; latest €322.9 million (+6.3% YoY), Q2 €311.2 million.');
  });
});

describe('references where text takes none', () => {
  it('are refused where they would print as typed: a metric\'s note, a data note, a table\'s title', () => {
    const nordwind = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');
    const text = nordwind
      .replace(/^( {4}scale: million)$/m, '$1\n    note: Excludes [[net_income_fy25]] of other income.')
      .replace(/^data_notes:$/m, 'data_notes:\n  notes:\n    - "Net income: [[net_income_fy25]]."')
      .replace(/^( {14})columns: \[Item, Amount, Note\]$/m, '$1title: Items of [[net_income_fy25]]\n$1columns: [Item, Amount, Note]');
    expect(text.split('[[net_income_fy25]]').length - nordwind.split('[[net_income_fy25]]').length).toBe(3);
    const error = (() => { try { validateCanvas(parseCanvas(text, 'n.yaml')); } catch (e) { return e as BriefingError; } })();
    expect(error?.exitCode).toBe(EXIT.invalidData);
    const lines = error!.message.split('\n');
    const advice = '"[[net_income_fy25]]" would be printed as typed: only the summary, leads, paragraphs, bullets, table cells and chart captions take references. Write the figure itself here, or say it in one of those';
    expect(lines).toContain(`n.yaml:21:20: metrics.revenue_fy25.note: ${advice}`);
    expect(lines).toContain(`n.yaml:101:20: data_notes.notes[0]: ${advice}`);
    expect(lines).toContain(`n.yaml:95:31: blocks.cost_structure.sections[0].content[0].table.title: ${advice}`);
    expect(lines).toHaveLength(5);
  });
});

describe('canvas-level checks', () => {
  const head = 'company: {name: A, ticker: A, exchange: X, country: Y, sector: S, industry: I}\nbriefing: {period: FY2025, as_of: 2025-12-31, currency: GBP}\nmetrics: {}\n';

  it('refuse a chart of changes whose points compare with different periods: a QoQ change drawn among YoY ones', () => {
    const chart = (bases: [string, string, string]) => [
      'company: {name: A, ticker: A, exchange: X, country: Y, sector: S, industry: I}',
      'briefing: {period: Q3 2025, as_of: 2025-12-31, currency: GBP}',
      'metrics:',
      '  rev:',
      '    label: Revenue',
      '    unit: GBP',
      '    scale: million',
      '    period_type: quarter',
      '    values:',
      `      - { value: 100, period: Q1 2025, period_end: 2025-03-31, change: { percent: 10${bases[0]} } }`,
      `      - { value: 110, period: Q2 2025, period_end: 2025-06-30, change: { percent: 10${bases[1]} } }`,
      `      - { value: 120, period: Q3 2025, period_end: 2025-09-30, change: { percent: 12${bases[2]} } }`,
      'charts:',
      '  growth: { title: Revenue growth (% YoY), type: column, plot: change, series: rev }',
      'blocks:',
      '  channels:',
      '    sections:',
      '      - title: T',
      '        content:',
      '          - chart: growth',
      '',
    ].join('\n');
    const problems = (text: string) => refusals(text, 't.yaml');
    expect(problems(chart(['', ', basis: QoQ', '']))).toEqual([
      't.yaml:14:80: charts.growth.series: a chart of changes (plot: change) draws them on one axis, so they must share one basis; found YoY (rev@2025-03-31, rev@2025-09-30); QoQ (rev@2025-06-30): chart changes of one basis, and the others in a chart of their own',
    ]);
    // YoY however it is written: unstated, spelt out, or the period a year before.
    expect(problems(chart(['', ', basis: year-on-year', ', basis: vs. Q3 2024']))).toEqual([]);
    expect(problems(chart([', basis: QoQ', ', basis: QoQ', ', basis: QoQ']))).toEqual([]);
    // QoQ however it is written too: each quarter's change against the quarter before it, or QoQ in another spelling.
    expect(problems(chart([', basis: vs. Q4 2024', ', basis: vs. Q1 2025', ', basis: vs. Q2 2025']))).toEqual([]);
    expect(problems(chart([', basis: QoQ', ', basis: q/q', ', basis: qoq']))).toEqual([]);
    expect(problems(chart([', basis: rispetto al T4 2024', ', basis: rispetto al T1 2025', ', basis: t.o.v. K2 2025']))).toEqual([]);
    expect(problems(chart([', basis: like-for-like', ', basis: Like-for-like', ', basis: QoQ']))).toEqual([
      expect.stringContaining('found like-for-like (rev@2025-03-31, rev@2025-06-30); QoQ (rev@2025-09-30)'),
    ]);
    expect(problems(chart([', basis: vs. Q4 2024', ', basis: vs. Q1 2025', ', basis: vs. Q1 2025']))).toHaveLength(1);
  });

  it('refuse a canvas whose blocks say nothing, and accept one with a single lead', () => {
    expect(() => validateCanvas(parseCanvas(`${head}blocks: {}\n`, 'empty.yaml'))).toThrow(/empty\.yaml:4:9: blocks: no block has a lead or a section/);
    expect(validateCanvas(parseCanvas(`${head}blocks:\n  channels:\n    lead: Direct sales only.\n`, 'lead.yaml')).blocks.channels?.lead).toBe('Direct sales only.');
  });

  it('refuse a number a table column\'s decimals would round to zero, and say a comma in a [ ] row makes two cells', () => {
    const table = (columns: string, row: string) => `${head}blocks:\n  channels:\n    sections:\n      - title: T\n        content:\n          - table:\n              columns: ${columns}\n              rows:\n                - ${row}\n`;
    const problems = (text: string) => refusals(text, 't.yaml');
    expect(problems(table('[Item, { title: Margin, decimals: 0 }, { title: EPS, decimals: 1 }]', '[Q3, -0.4, "-0.04"]'))).toEqual([
      't.yaml:12:24: blocks.channels.sections[0].content[0].table.rows[0][1]: -0.4 would print as 0 in this column (decimals: 0), its figure lost: give the column decimals: 1 or more, or leave decimals out to print each number as written',
      't.yaml:12:30: blocks.channels.sections[0].content[0].table.rows[0][2]: -0.04 would print as 0.0 in this column (decimals: 1), its figure lost: give the column decimals: 2 or more, or leave decimals out to print each number as written',
    ]);
    // A minus sign as typeset (U+2212), and a figure that needs several more decimals to show its first digit.
    expect(problems(table('[Item, { title: Margin, decimals: 0 }, { title: EPS, decimals: 1 }]', '[Q3, "\u22120.4", 0.0004]'))).toEqual([
      't.yaml:12:24: blocks.channels.sections[0].content[0].table.rows[0][1]: \u22120.4 would print as 0 in this column (decimals: 0), its figure lost: give the column decimals: 1 or more, or leave decimals out to print each number as written',
      't.yaml:12:32: blocks.channels.sections[0].content[0].table.rows[0][2]: 0.0004 would print as 0.0 in this column (decimals: 1), its figure lost: give the column decimals: 4 or more, or leave decimals out to print each number as written',
    ]);
    // Rounded, but not away: as documented (-2.35 as −2.4); zero stays zero.
    expect(problems(table('[Item, { title: Margin, decimals: 1 }, { title: EPS, decimals: 0 }]', '[Q3, -2.35, 0]'))).toEqual([]);
    expect(problems(table('[Segment, Revenue]', '[Entertainment, Technology & Services, 120.5]'))).toEqual([
      't.yaml:12:19: blocks.channels.sections[0].content[0].table.rows[0]: a row needs one cell per column: expected 2, found 3 (in a [ ] row a comma separates cells: put a cell whose text has a comma in double quotes)',
    ]);
    // Too few cells: the row would print short, its figures under the wrong headings.
    expect(problems(table('[Segment, FY2024, FY2025]', '[Entertainment, 120.5]'))).toEqual([
      't.yaml:12:19: blocks.channels.sections[0].content[0].table.rows[0]: a row needs one cell per column: expected 3, found 2',
    ]);
  });

  it('refuse a number typed in a German canvas\'s notation that its column\'s decimals round to zero, as its English twin is refused, and say it as the table prints it', async () => {
    const { buildTable } = await import('../../src/model/tables.ts');
    const columns = '[Item, { title: Marge, decimals: 1 }, { title: EPS, decimals: 0 }]';
    const table = (language: string, row: string) => `${head.replace('currency: GBP', `currency: EUR, language: ${language}`)}blocks:\n  channels:\n    sections:\n      - title: T\n        content:\n          - table:\n              columns: ${columns}\n              rows:\n                - ${row}\n`;
    const at = 'blocks.channels.sections[0].content[0].table.rows[0]';
    // What the table prints: "0,04" as 0,0 and "-0,4" as 0, its figure lost, as 0.04 and -0.4 print in English.
    const printed = (language: string, row: Array<string | number>) => buildTable({ columns: ['Item', { title: 'Marge', decimals: 1 }, { title: 'EPS', decimals: 0 }], rows: [row] }, {}, new Set(), language)
      .rows[0]!.map((c) => c.text.map((p) => p.text).join(''));
    expect(printed('de', ['Q3', '0,04', '-0,4'])).toEqual(['Q3', '0,0', '0']);
    expect(printed('en', ['Q3', 0.04, -0.4])).toEqual(['Q3', '0.0', '0']);
    expect(refusals(table('de', '[Q3, "0,04", "-0,4"]'), 't.yaml')).toEqual([
      `t.yaml:12:24: ${at}[1]: 0,04 would print as 0,0 in this column (decimals: 1), its figure lost: give the column decimals: 2 or more, or leave decimals out to print each number as written`,
      `t.yaml:12:32: ${at}[2]: -0,4 would print as 0 in this column (decimals: 0), its figure lost: give the column decimals: 1 or more, or leave decimals out to print each number as written`,
    ]);
    expect(refusals(table('en', '[Q3, 0.04, -0.4]'), 't.yaml')).toEqual([
      `t.yaml:12:24: ${at}[1]: 0.04 would print as 0.0 in this column (decimals: 1), its figure lost: give the column decimals: 2 or more, or leave decimals out to print each number as written`,
      `t.yaml:12:30: ${at}[2]: -0.4 would print as 0 in this column (decimals: 0), its figure lost: give the column decimals: 1 or more, or leave decimals out to print each number as written`,
    ]);
    // A German figure its column keeps a digit of is no error (0,05 as 0,1 is rounded-cell's finding), nor text printed as typed ("1.200").
    expect(refusals(table('de', '[Q3, "0,05", "1.200"]'), 't.yaml')).toEqual([]);
  });

  it('refuse a metric table row naming no metric, a table cell showing a part its metric lacks, and an equivalent\'s decimals that round it away', () => {
    const metrics = 'metrics:\n  rev: {label: Revenue, value: 120, unit: GBP, scale: million, period: FY2025, equivalent: {value: 1.45, decimals: 0, unit: USD, scale: million}}\n';
    const text = (content: string) => `${head.replace('metrics: {}\n', metrics)}blocks:\n  channels:\n    sections:\n      - title: R\n        content:\n${content}`;
    const decimals = 't.yaml:4:116: metrics.rev.equivalent.decimals: decimals: 0 would print 1.45 as 1; keep the source\'s precision (leave decimals out) or write the value as the source rounds it';
    expect(refusals(text('          - metric_table: { rows: [rev, revv, { metric: reve }] }\n'), 't.yaml')).toEqual([
      decimals,
      't.yaml:10:41: blocks.channels.sections[0].content[0].metric_table.rows[1]: no metric with id "revv"; did you mean "rev"?',
      't.yaml:10:57: blocks.channels.sections[0].content[0].metric_table.rows[2].metric: no metric with id "reve"; did you mean "rev"?',
    ]);
    expect(refusals(text('          - table:\n              columns: [Item, Change]\n              rows:\n                - [Revenue, { metric: rev, show: change }]\n'), 't.yaml')).toEqual([
      decimals,
      't.yaml:13:39: blocks.channels.sections[0].content[0].table.rows[0][1].metric: metric "rev" has no change to show',
    ]);
  });

  it('refuse a percentage with a scale', () => {
    const text = `${head.replace('metrics: {}', 'metrics:\n  m: {label: Margin, value: 5, unit: percent, scale: million, period: FY2025}')}blocks:\n  channels:\n    lead: x\n`;
    expect(() => validateCanvas(parseCanvas(text, 'pct.yaml'))).toThrow(/pct\.yaml:\d+:\d+: metrics\.m\.scale: a percentage takes no scale/);
  });

  it('refuse a series chart whose series has no value up to as_of (forecasts only), and accept one of a single value', () => {
    const text = (values: string) => `${head.replace('metrics: {}\n', `metrics:\n  m:\n    label: Revenue\n    unit: GBP\n    values:\n${values}`)}charts:\n  c: {title: Revenue, type: column, series: m}\nblocks:\n  channels:\n    sections:\n      - title: R\n        content:\n          - chart: c\n`;
    expect(refusals(text('      - {value: 5, period: FY2026, period_end: 2026-12-31, period_type: forecast}\n      - {value: 6, period: FY2027, period_end: 2027-12-31, period_type: forecast}\n'), 's.yaml')).toEqual([
      's.yaml:11:45: charts.c.series: metric "m" has no value up to the briefing\'s as_of date 2025-12-31',
    ]);
    expect(refusals(text('      - {value: 5, period: Q1 2025, period_end: 2025-03-31}\n'), 's.yaml')).toEqual([]);
  });

  it('refuse from_zero: false on a bar, column or dot chart, whose marks are read from zero, and take it on a line chart', () => {
    const series = 'metrics:\n  nim:\n    label: Net interest margin\n    unit: percent\n    values:\n      - {value: 1.92, period: Q3 2024, period_end: 2024-09-30}\n      - {value: 1.79, period: Q3 2025, period_end: 2025-09-30}\n';
    const text = (type: string) => `${head.replace('metrics: {}\n', series)}charts:\n  c: {title: NIM, type: ${type}, series: nim, from_zero: false}\nblocks:\n  channels:\n    lead: x\n`;
    expect(refusals(text('column'), 'z.yaml')).toEqual(["z.yaml:11:57: charts.c.from_zero: a column chart's bars or dots are read from zero: from_zero: false is for a line chart (type: line), whose points are read against each other; found false"]);
    expect(refusals(text('line'), 'z.yaml')).toEqual([]);
  });

  it('check a series chart with last: on the values it plots, not on those it leaves out', () => {
    const series = 'metrics:\n  rev:\n    label: Revenue\n    unit: GBP\n    scale: billion\n    values:\n      - {value: 29874, scale: million, period: Q1 2025, period_end: 2025-03-31}\n      - {value: 31.2, period: Q2 2025, period_end: 2025-06-30}\n      - {value: 33.4, period: Q3 2025, period_end: 2025-09-30}\n';
    const text = (last: string) => `${head.replace('metrics: {}\n', series)}charts:\n  c: {title: Revenue, type: column, series: rev${last}}\nblocks:\n  channels:\n    lead: x\n`;
    expect(validateCanvas(parseCanvas(text(', last: 2'), 'last.yaml')).charts!.c).toBeDefined();
    // A log scale cannot draw the left-out value had it been negative: it is no bar when last: leaves it out.
    const loss = text(', log_scale: true').replace('value: 29874', 'value: -5');
    expect(refusals(loss, 'log.yaml')).toEqual(['log.yaml:13:45: charts.c.series: a log scale cannot show -5: set log_scale: false or leave this metric out']);
    expect(refusals(loss.replace('log_scale: true', 'log_scale: true, last: 2'), 'log.yaml')).toEqual([]);
    // The whole series too, its value in millions drawn in the billions of the others (docs/canvas.md's example).
    const placed = text('').replace('    lead: x\n', '    sections:\n      - title: Revenue\n        content:\n          - chart: c\n');
    const model = buildModel(validateCanvas(parseCanvas(placed, 'all.yaml')), { name: 'all', setKey: 'full' });
    expect(model.charts[0]!.valueTitle).toBe('\u00a3 billion');
    expect(model.charts[0]!.rows.map((r) => r.label)).toEqual(['\u00a329.874 billion', '\u00a331.2 billion', '\u00a333.4 billion']);
  });

  it('refuse a scale that one value of a percentage series writes for itself, at that value', () => {
    const series = 'metrics:\n  m:\n    label: Margin\n    unit: percent\n    values:\n      - {value: 5, period: Q1 2025, period_end: 2025-03-31}\n      - {value: 6, period: Q2 2025, period_end: 2025-06-30, scale: million}\n';
    const text = `${head.replace('metrics: {}\n', series)}blocks:\n  channels:\n    lead: x\n`;
    expect(() => validateCanvas(parseCanvas(text, 'pct.yaml'))).toThrow(/pct\.yaml:9:\d+: metrics\.m\.values\[1\]\.scale: a percentage takes no scale/);
  });

  it('refuse a series\' unit or scale once, where the metric writes it, not again at each of its values', () => {
    const lines = (unit: string, scale: string) => {
      const series = `metrics:\n  m:\n    label: Revenue\n    unit: ${unit}\n    scale: ${scale}\n    values:\n      - {value: 5, period: Q1 2025, period_end: 2025-03-31}\n      - {value: 6, period: Q2 2025, period_end: 2025-06-30}\n`;
      return refusals(`${head.replace('metrics: {}\n', series)}blocks:\n  channels:\n    lead: "[[m]]"\n`, 's.yaml');
    };
    expect(lines('rmb', 'billion')).toEqual(['s.yaml:6:11: metrics.m.unit: "rmb" is a currency: write the ISO currency code in capitals: CNY']);
    expect(lines('percent', 'million')).toEqual(['s.yaml:7:12: metrics.m.scale: a percentage takes no scale: remove "scale: million" (write 12.5 for 12.5%)']);
  });

  it('refuse a count written with a dot before three digits (a German thousands separator), but not a count in a scale, a rate or an FTE', () => {
    const text = (metric: string) => `${head.replace('metrics: {}', `metrics:\n  m: {label: Staff, ${metric}, period: FY2025}`)}blocks:\n  channels:\n    lead: "[[m]]"\n`;
    const problem = (metric: string) => {
      try {
        validateCanvas(parseCanvas(text(metric), 'c.yaml'));
        return undefined;
      } catch (error) {
        return (error as Error).message.split('\n')[1];
      }
    };
    expect(problem('value: 2.140, unit: employees')).toBe('c.yaml:4:28: metrics.m.value: 2.140 employees is a count with a fraction: a dot before three digits is a thousands separator in German and other notations (2,140), and a decimal point in English (2.14). Write 2140 (no thousands separators), or value: 2.14 with scale: thousand for 2.14 thousand');
    expect(problem('value: 12.5, decimals: 3, unit: daily active users')).toMatch(/metrics\.m\.value: 12\.500 daily active users is a count with a fraction: .*\(12,500\).*Write 12500 /);
    expect(problem('value: 2.145, unit: stores')).toMatch(/2\.145 stores is a count with a fraction/);
    // Three zeros too: YAML reads 129, and the briefing would print "129.000 employees", 129 or 129,000 by the reader.
    expect(problem('value: 129.000, unit: employees')).toBe('c.yaml:4:28: metrics.m.value: 129.000 employees is a count written with zeros after a dot: a dot before three digits is a thousands separator in German and other notations (129,000), and a decimal point in English (129). Write 129000 (no thousands separators), or 129 if the dot is a decimal point (a count needs no zeros after it)');
    expect(problem('value: 1, decimals: 3, unit: stores')).toMatch(/metrics\.m\.value: 1\.000 stores is a count written with zeros after a dot: .*\(1,000\).*Write 1000 .*or 1 if the dot/);
    // Counted in German, as a German canvas writes it with its thousands dot (its chart's axis ran to 140 for 109,121 staff).
    expect(problem('value: 109.121, unit: Mitarbeitende')).toMatch(/109\.121 Mitarbeitende is a count with a fraction: .*\(109,121\).*Write 109121 /);
    for (const unit of ['Beschäftigte', 'Kunden', 'Filialen', 'employés', 'clientes']) expect(problem(`value: 12.500, unit: ${unit}`), unit).toMatch(/is a count with a fraction/);
    // A scale in the unit is told as such, alone: the two fixes together would make 2,140 million users.
    expect(problem('value: 2.140, unit: million users')).toMatch(/metrics\.m\.unit: "million users" contains a scale/);
    for (const fine of ['value: 2.140, unit: employees, scale: thousand', 'value: 2.140, unit: visits per day', 'value: 2.140, unit: employees (FTE)', 'value: 2.14, unit: employees', 'value: 2140, unit: employees', 'value: 2.140, unit: tonnes', 'value: 2.140, unit: EUR', 'value: 0.125, unit: stores',
      // Not a count: decimals as the source writes them (a rate, an amount), and a count under 1 or with other than three zeros.
      'value: 129.000, unit: EUR', 'value: 1.250, unit: EUR, scale: billion', 'value: 7.100, unit: CNY per USD', 'value: 0.500, unit: employees', 'value: 129.00, unit: employees', 'value: 129, unit: employees',
      // FTE before the counted word is a rate too; 1000 and over print with a comma (1,000.000), which reads alike everywhere.
      'value: 2.140, unit: FTE employees', 'value: 1000, decimals: 3, unit: employees']) {
      expect(problem(fine), fine).toBeUndefined();
    }
  });
});

describe('unit checks', () => {
  /** A metric of `unit`, with scale: billion unless another scale (or none: null) is given. */
  const canvasWith = (unit: string, scale: string | null = 'billion') =>
    `company: {name: A, ticker: A, exchange: X, country: Y, sector: S, industry: I}\nbriefing: {period: FY2025, as_of: 2025-12-31, currency: GBP}\n` +
    `metrics:\n  m: {label: M, value: 900, unit: ${JSON.stringify(unit)}${scale === null ? '' : `, scale: ${scale}`}, period: FY2025}\nblocks:\n  channels:\n    lead: "[[m]]"\n`;
  const validate = (unit: string, scale?: string | null) => validateCanvas(parseCanvas(canvasWith(unit, scale), 'u.yaml'));
  /** The first problem line for `unit`; anything but a BriefingError (a crash) is rethrown, an accepted unit is an error. */
  const problem = (unit: string, scale?: string | null) => {
    try {
      validate(unit, scale);
    } catch (error) {
      if (!(error instanceof BriefingError)) throw error;
      return error.message.split('\n')[1];
    }
    throw new Error(`unit ${JSON.stringify(unit)} was accepted`);
  };

  it('refuse units that would print a wrong figure, with the fix', () => {
    expect(problem('%')).toBe('u.yaml:4:35: metrics.m.unit: write unit: percent for a percentage ("%" would print as written)');
    expect(problem('Percent')).toMatch(/write unit: percent/);
    // A slip of a letter or two would print "grew 35 percnt" in the PDF and the e-mail.
    for (const slip of ['percnt', 'precent', 'pecrent', 'Percet']) {
      expect(problem(slip), slip).toBe(`u.yaml:4:35: metrics.m.unit: write unit: percent for a percentage ("${slip}" would print as written)`);
    }
    // The full-width yen sign of Chinese and Japanese text is the same sign, the same question.
    for (const sign of ['¥', '\uffe5']) expect(problem(sign), sign).toMatch(/metrics\.m\.unit: "¥" is ambiguous: write JPY for yen or CNY for renminbi$/);
    for (const unit of ['permits', 'parents', 'pence', 'percentile']) expect(() => problem(unit, null), unit).toThrow(/was accepted/);
    expect(problem('bn')).toMatch(/"bn" is a scale, not a unit: write what is counted as the unit \(EUR, users, \.\.\.\); scale: billion is written already$/);
    expect(problem('k')).toMatch(/"k" is a scale, not a unit: .*; write scale: thousand in place of scale: billion$/);
    expect(problem('usd million')).toMatch(/contains a scale/);
    expect(problem('million users', null)).toMatch(/"million users" contains a scale: put it in scale and keep the unit itself: unit: users, scale: million$/);
    expect(problem('EUR million per employee', null)).toMatch(/keep the unit itself: unit: EUR per employee, scale: million$/);
  });

  it('take a scale word after "per" or "/" as a rate\'s denominator, not the figure\'s scale', () => {
    // A lost-time injury rate is counted per million hours worked: 0.92 injuries per million hours, not 0.92 million.
    for (const unit of ['injuries per million hours', 'incidents per thousand employees', 'complaints / million units', 'LTIs per 1 million hours']) {
      expect(() => problem(unit, null), unit).toThrow(/was accepted/);
    }
    expect(problem('¥')).toBe('u.yaml:4:35: metrics.m.unit: "¥" is ambiguous: write JPY for yen or CNY for renminbi');
    expect(problem('JP¥')).toMatch(/write the ISO currency code in capitals: JPY/);
    expect(problem('฿')).toMatch(/"฿" is a currency symbol: write the ISO currency code/);
  });

  it('refuse a scale abbreviated beside the unit, naming the unit and scale to write, but take a lone "m" as metres', () => {
    expect(problem('USD m', null)).toMatch(/metrics\.m\.unit: "USD m" abbreviates a scale: write unit: USD, scale: million/);
    expect(problem('EUR m', null)).toMatch(/write unit: EUR, scale: million/);
    expect(problem('t m', null)).toMatch(/write unit: t, scale: million/);
    expect(problem('EURm', null)).toMatch(/write unit: EUR, scale: million/);
    expect(problem('USDbn', null)).toMatch(/metrics\.m\.unit: "USDbn" abbreviates a scale: write unit: USD, scale: billion/);
    expect(problem('EUR bn', null)).toMatch(/write unit: EUR, scale: billion/);
    expect(problem('boxes k', null)).toMatch(/write unit: boxes, scale: thousand/);
    // With a scale written already: the unit alone (the same scale written twice is a duplicate key), or the scale to change.
    expect(problem('EUR bn')).toMatch(/write unit: EUR \(scale: billion is written already\)/);
    expect(problem('EUR m')).toMatch(/write unit: EUR, and scale: million in place of scale: billion/);
    expect(() => problem('m')).toThrow(/was accepted/);
    // A series: the metric's own scale, not one its first value writes for itself.
    const series = (unit: string) => `company: {name: A, ticker: A, exchange: X, country: Y, sector: S, industry: I}\nbriefing: {period: FY2025, as_of: 2025-12-31, currency: GBP}\n` +
      `metrics:\n  m:\n    label: M\n    unit: ${JSON.stringify(unit)}\n    scale: billion\n    values:\n      - {value: 30127, scale: million, period: Q1, period_end: 2025-03-31}\n      - {value: 31.2, period: Q2, period_end: 2025-06-30}\nblocks:\n  channels:\n    lead: "[[m]]"\n`;
    const seriesProblem = (unit: string) => { try { validateCanvas(parseCanvas(series(unit), 's.yaml')); } catch (e) { return (e as Error).message; } return ''; };
    expect(seriesProblem('GBP bn')).toMatch(/metrics\.m\.unit: "GBP bn" abbreviates a scale: write unit: GBP \(scale: billion is written already\)/);
    // The spellings of German and Swiss reports, of spreadsheets, and a currency symbol with a scale.
    for (const [unit, fix] of [['TEUR', 'unit: EUR, scale: thousand'], ['kEUR', 'unit: EUR, scale: thousand'], ['Mrd. EUR', 'unit: EUR, scale: billion'], ['Mio. EUR', 'unit: EUR, scale: million'], ["EUR'000", 'unit: EUR, scale: thousand'], ['$m', 'unit: USD, scale: million'], ['£m', 'unit: GBP, scale: million'], ['k€', 'unit: EUR, scale: thousand'], ['€000', 'unit: EUR, scale: thousand'], ['pounds sterling', 'GBP'], ['SFr', 'CHF'], ['€bn', 'unit: EUR, scale: billion'], ['k', 'scale: thousand'], ['K users', 'unit: users, scale: thousand']]) {
      expect(problem(unit, null), unit).toContain(fix);
    }
    expect(problem('US dollars')).toMatch(/write the ISO currency code in capitals: USD/);
  });

  it('refuse a currency written the Chinese, Japanese or Korean way, with its scale before it, moving 万 and 億 to our scales', () => {
    expect(problem('円')).toMatch(/metrics\.m\.unit: "円" is a currency: write the ISO currency code in capitals: JPY$/);
    expect(problem('Japanese yen')).toMatch(/"Japanese yen" is a currency: .*JPY$/);
    expect(problem('百万円', null)).toMatch(/metrics\.m\.unit: "百万円" is yen counted in 百万 \(millions\): write unit: JPY, scale: million$/);
    expect(problem('兆円', null)).toMatch(/"兆円" is yen counted in 兆 \(trillions\): write unit: JPY, scale: trillion$/);
    expect(problem('億円', null)).toMatch(/"億円" is yen counted in 億 \(hundred millions\): write unit: JPY, scale: billion, and value: 90\.0 \(a tenth of 900\)$/);
    expect(problem('万円', null)).toMatch(/"万円" is yen counted in 万 \(ten thousands\): write unit: JPY, scale: thousand, and value: 9000 \(ten times 900\)$/);
    // 元 is the yuan's sign, and the New Taiwan and Hong Kong dollar's: which one is the canvas's to say.
    expect(problem('億元', null)).toMatch(/"億元" is an amount counted in 億 \(hundred millions\): write unit: CNY, TWD or HKD \(the one the report is in\), scale: billion, and value: 90\.0 \(a tenth of 900\)$/);
    expect(problem('元')).toMatch(/"元" is the sign of CNY, TWD and HKD: write the ISO code of the one the report is in \(CNY, TWD or HKD\)$/);
    expect(problem('억원', 'million')).toMatch(/"억원" is won counted in 억 \(hundred millions\): write unit: KRW, and scale: billion in place of scale: million, and value: 90/);
  });

  it('refuse crore and lakh in a unit, where the figure would be compared with no amount in rupees nor count of people, moving the value to our scales', () => {
    expect(problem('INR crore', null)).toMatch(/metrics\.m\.unit: "INR crore" is rupees counted in crore \(ten millions\): write unit: INR, scale: million, and value: 9000 \(ten times 900\)$/);
    for (const unit of ['₹ in crore', 'Rs. Cr.', 'crore rupees', 'crore of rupees', '(INR crores)', 'Rs cr', 'करोड़ रुपये']) expect(problem(unit, null), unit).toMatch(/is rupees counted in \S+ \(ten millions\): write unit: INR, scale: million, and value: 9000 \(ten times 900\)$/);
    expect(problem('INR lakh', null)).toMatch(/"INR lakh" is rupees counted in lakh \(hundred thousands\): write unit: INR, scale: thousand, and value: 90000 \(a hundred times 900\)$/);
    expect(problem('lakh employees', null)).toMatch(/"lakh employees" is employees counted in lakh \(hundred thousands\): write unit: employees, scale: thousand, and value: 90000 \(a hundred times 900\)$/);
    expect(problem('crore', null)).toMatch(/"crore" is a scale \(ten millions\), not a unit: write what is counted \(INR, employees, \.\.\.\) as the unit, scale: million, and value: 9000 \(ten times 900\)$/);
    // Scales multiply: a lakh crore is a trillion.
    expect(problem('INR lakh crore', null)).toMatch(/"INR lakh crore" is rupees counted in lakh crore \(trillions\): write unit: INR, scale: trillion$/);
    expect(problem('₹ thousand crore', null)).toMatch(/"₹ thousand crore" is rupees counted in thousand crore \(ten billions\): write unit: INR, scale: billion, and value: 9000 \(ten times 900\)$/);
    // A scale written beside it: in thousands of crores, or in crores? Both readings, for the source to decide.
    expect(problem('INR crore', 'thousand')).toMatch(/"INR crore" is rupees counted in crore \(ten millions\), and scale: thousand is written too: for thousands of crore, unit: INR, scale: billion, value: 9000 \(ten times 900\); for crore alone, unit: INR, scale: million, value: 9000 \(ten times 900\)$/);
    // "Cr" beside what is no currency may be something else.
    expect(() => validate('Cr atoms')).not.toThrow();
  });

  it('accept ISO codes and unit words', () => {
    // (TRIR, a safety rate, is no thousand RIR as TEUR is a thousand euros: only a currency after T or k is read so.)
    for (const unit of ['CNY', 'CHF', 'GBP', 'users', 'TEU', 'TRIR', 'daily active users', 'GW', 'm']) expect(() => validate(unit), unit).not.toThrow();
  });
});

describe('chart checks', () => {
  // The rules model/chart-model.ts relies on: a chart built from a canvas that passes them can be drawn.
  const nordwind = (): Canvas => {
    const canvas = validateCanvas(parseCanvas(readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8'), 'n.yaml'));
    canvas.metrics.outlook = { label: 'Outlook', text: 'Stable', period: 'FY2026' };
    canvas.metrics.revenue_usd = { label: 'Revenue (USD)', value: 1321.4, unit: 'USD', scale: 'million', period: 'FY2025' };
    canvas.metrics.revenue_bn = { label: 'Revenue', value: 1.2345, unit: 'EUR', scale: 'billion', period: 'FY2025' };
    canvas.metrics.margin = { label: 'EBITDA margin', value: 41.5, unit: 'percent', period: 'FY2025' };
    return canvas;
  };
  const withChart = (chart: Chart): Problem[] => {
    const canvas = nordwind();
    canvas.charts!.extra = chart;
    return checkReferences(canvas).filter((p) => p.path[0] === 'charts');
  };
  /** Points labelled by their ids, so that no two are drawn as one. */
  const points = (...ids: string[]) => ids.map((metric) => ({ metric, label: metric }));

  it('accept the fixture\'s chart', () => {
    expect(checkReferences(nordwind())).toEqual([]);
  });

  it('refuse a point whose metric is not defined', () => {
    expect(withChart({ title: 'T', type: 'bar', points: points('revenue_fy25', 'revenue_fy2') })).toEqual([
      { path: ['charts', 'extra', 'points', 1, 'metric'], message: 'no metric with id "revenue_fy2"; did you mean "revenue_fy25" or "revenue_fy24" or "revenue_fy23"?' },
    ]);
  });

  it('refuse a metric without a number to plot: text only, or no change.percent with plot: change', () => {
    expect(withChart({ title: 'T', type: 'bar', points: points('revenue_fy25', 'outlook') })).toEqual([
      { path: ['charts', 'extra', 'points', 1, 'metric'], message: 'metric "outlook" has no numeric value to plot (it is text: "Stable")' },
    ]);
    expect(withChart({ title: 'T', type: 'column', plot: 'change', points: points('revenue_fy25', 'revenue_fy24') })).toEqual([
      { path: ['charts', 'extra', 'points', 1, 'metric'], message: 'metric "revenue_fy24" has no change.percent to plot (plot: change)' },
    ]);
  });

  it('refuse points of different units, naming each; points of one unit in different scales are drawn in one', () => {
    const mixed = (ids: string[]) => withChart({ title: 'T', type: 'bar', points: points(...ids) });
    expect(mixed(['revenue_fy25', 'revenue_usd'])).toEqual([
      { path: ['charts', 'extra', 'points'], message: 'all points of a chart must share one unit; found EUR million (revenue_fy25); USD million (revenue_usd): put metrics of another unit in a chart of their own' },
    ]);
    expect(mixed(['margin', 'capacity_gw'])).toEqual([
      { path: ['charts', 'extra', 'points'], message: 'all points of a chart must share one unit; found percent (margin); GW (capacity_gw): put metrics of another unit in a chart of their own' },
    ]);
    expect(mixed(['revenue_fy25', 'revenue_fy24', 'revenue_bn'])).toEqual([]);
    expect(mixed(['revenue_fy25', 'revenue_bn', 'revenue_usd'])).toEqual([
      { path: ['charts', 'extra', 'points'], message: 'all points of a chart must share one unit; found EUR million (revenue_fy25); EUR billion (revenue_bn); USD million (revenue_usd): put metrics of another unit in a chart of their own' },
    ]);
  });

  it('refuse points that would be drawn as one (the same label, however spaced), and not in a line chart or in different groups', () => {
    expect(withChart({ title: 'T', type: 'bar', points: [{ metric: 'revenue_fy24' }, { metric: 'revenue_fy25' }] })).toEqual([
      { path: ['charts', 'extra', 'points', 1, 'metric'], message: '"revenue_fy24" and "revenue_fy25" would be drawn as one bar, both labelled "Revenue", one hiding the other: give the points labels that tell them apart (label: the year, or what differs)' },
    ]);
    expect(withChart({ title: 'T', type: 'dot', points: [{ metric: 'revenue_fy24', label: 'Same ' }, { metric: 'revenue_fy25', label: 'Same\u200b' }] })).toHaveLength(1);
    expect(withChart({ title: 'T', type: 'bar', points: [{ metric: 'revenue_fy24', group: 'A' }, { metric: 'revenue_fy25', group: 'B' }] })).toEqual([]);
    expect(withChart({ title: 'T', type: 'bar', points: [{ metric: 'revenue_fy24', label: 'FY2024' }, { metric: 'revenue_fy25', label: 'FY2025' }] })).toEqual([]);
    // One metric twice, labelled apart (actual and restated), is two bars; labels differing in case are two.
    expect(withChart({ title: 'T', type: 'bar', points: [{ metric: 'revenue_fy25', label: 'As reported' }, { metric: 'revenue_fy25', label: 'Restated' }] })).toEqual([]);
    expect(withChart({ title: 'T', type: 'bar', points: [{ metric: 'revenue_fy24', label: 'EBIT' }, { metric: 'revenue_fy25', label: 'Ebit' }] })).toEqual([]);
  });

  it('accept points of one label in a line chart, which places each by its date, not by its label', () => {
    expect(withChart({ title: 'T', type: 'line', points: [{ metric: 'revenue_fy24' }, { metric: 'revenue_fy25' }] })).toEqual([]);
  });

  it('refuse a line chart point without period_end', () => {
    expect(withChart({ title: 'T', type: 'line', points: points('revenue_fy24', 'revenue_fy25', 'net_income_fy25') })).toEqual([
      { path: ['charts', 'extra', 'points', 2, 'metric'], message: 'a line chart plots over time: metric "net_income_fy25" needs period_end (YYYY-MM-DD)' },
    ]);
    expect(withChart({ title: 'T', type: 'column', points: points('revenue_fy25', 'net_income_fy25') })).toEqual([]);
  });

  it('refuse a log scale with a value that is zero or below', () => {
    const canvas = nordwind();
    canvas.metrics.flat = { label: 'Flat', value: 0, unit: 'EUR', scale: 'million', period: 'FY2025' };
    canvas.charts!.extra = { title: 'T', type: 'dot', log_scale: true, points: points('revenue_fy25', 'net_income_fy25', 'flat') };
    expect(checkReferences(canvas).filter((p) => p.path[0] === 'charts')).toEqual([
      { path: ['charts', 'extra', 'points', 1, 'metric'], message: 'a log scale cannot show -42.7: set log_scale: false or leave this metric out' },
      { path: ['charts', 'extra', 'points', 2, 'metric'], message: 'a log scale cannot show 0: set log_scale: false or leave this metric out' },
    ]);
    expect(withChart({ title: 'T', type: 'dot', points: points('revenue_fy25', 'net_income_fy25') })).toEqual([]);
  });

  it('refuse a log scale with a value too close to 0 or too large to round its axis to powers of ten', () => {
    const canvas = nordwind();
    canvas.metrics.tiny = { label: 'Tiny', value: 5e-324, unit: 'EUR', scale: 'million', period: 'FY2025' };
    canvas.metrics.huge = { label: 'Huge', value: 1.7e308, unit: 'EUR', scale: 'million', period: 'FY2025' };
    canvas.metrics.wide = { label: 'Wide', value: 1e300, unit: 'EUR', scale: 'million', period: 'FY2025' };
    canvas.charts!.extra = { title: 'T', type: 'column', log_scale: true, points: points('tiny', 'huge', 'wide', 'revenue_fy25') };
    expect(checkReferences(canvas).filter((p) => p.path[0] === 'charts')).toEqual([
      { path: ['charts', 'extra', 'points', 0, 'metric'], message: 'a log scale draws values from 1e-300 to 1e300, not 5e-324: set log_scale: false, or check the value and its scale' },
      { path: ['charts', 'extra', 'points', 1, 'metric'], message: 'a log scale draws values from 1e-300 to 1e300, not 1.7e+308: set log_scale: false, or check the value and its scale' },
    ]);
  });
});

describe('chapters beyond the nine blocks', () => {
  const nordwind = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');
  const errorOf = (text: string) => {
    try {
      validateCanvas(parseCanvas(text, 'n.yaml'));
    } catch (e) {
      return (e as Error).message.split('\n');
    }
    return [];
  };

  it('are checked like blocks: their references, and a block written under chapters:', () => {
    const lines = errorOf(`${nordwind}chapters:\n  outlook:\n    title: Outlook\n    lead: Guidance of [[revenu_fy25]].\n  channels:\n    title: Channels\n    lead: Misplaced.\n`);
    expect(lines.some((l) => /^n\.yaml:\d+:\d+: chapters\.outlook\.lead: .*revenu_fy25.*did you mean "revenue_fy25"/.test(l)), lines.join('\n')).toBe(true);
    expect(lines.some((l) => /^n\.yaml:\d+:3: chapters\.channels: channels is one of the nine blocks: write it under blocks:/.test(l)), lines.join('\n')).toBe(true);
  });

  it('are named in a block set like a block; an unknown one is an error that says what there is', () => {
    const lines = errorOf(`${nordwind}chapters:\n  outlook:\n    title: Outlook\n    lead: Growth.\nblock_sets:\n  ahead:\n    title: Ahead\n    blocks: [revenue_streams, outlok]\n`);
    expect(lines.some((l) => /blocks\[1\]: no block or chapter "outlok"; did you mean "outlook"\? \(the canvas has: key_partnerships, key_resources, cost_structure, revenue_streams, outlook\)/.test(l)), lines.join('\n')).toBe(true);
    expect(errorOf(`${nordwind}chapters:\n  outlook:\n    title: Outlook\n    lead: Growth.\nblock_sets:\n  ahead:\n    title: Ahead\n    blocks: [revenue_streams, outlook]\n`)).toEqual([]);
  });
});

describe('tags and block sets', () => {
  const nordwind = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');
  const problemsOf = (sectionTags: [string, string], setTag: string) => {
    const text = nordwind
      .replace('      - title: Power sales\n', `      - title: Power sales\n        tags: [${sectionTags[0]}]\n`)
      .replace('      - title: Operating costs\n', `      - title: Operating costs\n        tags: [${sectionTags[1]}]\n`);
    try {
      validateCanvas(parseCanvas(`${text}block_sets:\n  finance:\n    title: Finance\n    tags: [${setTag}]\n`, 'n.yaml'));
    } catch (e) {
      return (e as Error).message.split('\n').slice(1, -1);
    }
    return [];
  };

  it('refuse a section tag no set selects that is spelt like one a set does: the section would be left out without a word', () => {
    expect(problemsOf(['finance', 'fiannce'], 'finance')).toEqual([
      'n.yaml:93:16: blocks.cost_structure.sections[0].tags[0]: no block set selects the tag "fiannce" (did you mean "finance"?): a section shows in the block sets whose tags it carries, so as written this one is in none of them',
    ]);
    // A tag of its own, like no set's, is the writer's to keep; so is one beside a tag a set selects, or one a set's contains.
    expect(problemsOf(['finance', 'archive'], 'finance')).toEqual([]);
    expect(problemsOf(['finance', 'finance fiannce'.replace(' ', ', ')], 'finance')).toEqual([]);
    expect(problemsOf(['finance', 'fin'], 'finance')).toEqual([]);
  });

  it('say, at the set\'s tags, the tag its sections carry that its own is spelt like', () => {
    expect(problemsOf(['finance', 'finance'], 'fiannce')).toEqual([
      'n.yaml:105:11: block_sets.finance.tags: this set selects no sections: no section in its blocks carries one of the tags fiannce; did you mean "finance"?',
    ]);
  });
});
