/** Findings about where figures come from, how one table or chart sets them side by side, figures typed into text and equivalents at odds: no-source, share-over-100, mixed-currencies, mixed-periods, parts-over-total, typed-figure, typed-mismatch, exchange-rate, size-of-gain. */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';

const HEAD = 'company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: FY2025, as_of: 2026-02-15, currency: EUR }\n';

/** The findings of a canvas: "line rule: message". */
function findingsOf(body: string): string[] {
  return validateWithWarnings(parseCanvas(`${HEAD}${body}`, 'c.yaml')).findings.map((f) => `${f.line} ${f.rule}: ${f.message}`);
}
const rules = (body: string) => findingsOf(body).map((f) => f.split(':')[0].split(' ')[1]);

/** Metrics (one per line, flow style), then `more` (charts...), then one block whose section holds `content` (list items, indented). */
const canvas = (metrics: string[], content: string, more = '') =>
  `metrics:\n${metrics.map((m) => `  ${m}\n`).join('')}${more}blocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n${content}`;

const share = (id: string, label: string, value: number, period = 'FY2025') => `${id}: { label: "${label}", value: ${value}, unit: percent, period: ${period}, source: Annual report }`;
const amount = (id: string, unit: string, extra = '') => `${id}: { label: "${id}", value: 12.5, unit: ${unit}, scale: million, period: FY2025, source: Annual report${extra} }`;
const chart = (ids: string[]) => `charts:\n  mix:\n    title: Mix\n    type: bar\n    points: [${ids.map((id) => `{ metric: ${id} }`).join(', ')}]\n`;
const IN_CHART = '          - chart: mix\n';
const metricTable = (ids: string[]) => `          - metric_table: { rows: [${ids.join(', ')}] }\n`;

describe('share-over-100', () => {
  it('finds shares of one whole in one chart adding up past 100% for one period, at the chart', () => {
    expect(findingsOf(canvas([share('a', 'Share of revenue: cloud', 60), share('b', 'Share of revenue: commerce', 45.5)], IN_CHART, chart(['a', 'b'])))).toEqual([
      '7 share-over-100: the shares this chart shows for FY2025 add up to 105.5% (a 60%, b 45.5%), more than the whole even allowing for rounding: check each figure against the source; if the parts overlap (a customer in two segments), say so in the caption and acknowledge the finding',
    ]);
    // Their sum as a reader adds it, to a tenth: 33.3 + 33.4 + 33.5 is 100.2, whatever floating point makes of it.
    expect(findingsOf(canvas([share('a', 'Share of revenue: cloud', 33.3), share('b', 'Share of revenue: commerce', 33.4), share('c', 'Share of revenue: media', 33.5)], IN_CHART, chart(['a', 'b', 'c'])))[0]).toContain(
      'the shares this chart shows for FY2025 add up to 100.2% (a 33.3%, b 33.4%, c 33.5%), more than the whole',
    );
    // In a metric table too, and three thirds each rounded up cannot all be right (33.35 x 3 > 100).
    expect(rules(canvas(['a', 'b', 'c'].map((id) => share(id, `Revenue mix - ${id}`, 33.4)), metricTable(['a', 'b', 'c'])))).toEqual(['share-over-100']);
  });

  it('says nothing when rounding explains the excess, for rates that are not shares, or for shares of different periods', () => {
    expect(rules(canvas([share('a', 'Revenue mix: cloud', 50.5), share('b', 'Revenue mix: commerce', 49.6)], IN_CHART, chart(['a', 'b'])))).toEqual([]); // 50.45 + 49.55 = 100
    expect(rules(canvas([share('a', 'Cloud growth', 60), share('b', 'Commerce growth', 45)], IN_CHART, chart(['a', 'b'])))).toEqual([]);
    expect(rules(canvas([share('a', 'Share of revenue: cloud', 60, 'FY2024'), share('b', 'Share of revenue: cloud', 65)], metricTable(['a', 'b'])))).toEqual([]);
    // Shares of different wholes: of different markets, or of revenue, profit and staff.
    expect(rules(canvas([share('a', 'Market share in China', 45), share('b', 'Market share in Japan', 30), share('c', 'Market share in Korea', 40)], IN_CHART, chart(['a', 'b', 'c'])))).toEqual([]);
    expect(rules(canvas([share('a', 'Cloud share of revenue', 60), share('b', 'Cloud share of operating profit', 75)], IN_CHART, chart(['a', 'b'])))).toEqual([]);
    // ...but shares of one whole are added up however the label puts part and whole.
    for (const [a, b] of [['Europe (% of revenue)', 'Asia (% of revenue)'], ['Percentage of revenue from Europe', 'Percentage of revenue from Asia'], ['Europe as a percentage of sales', 'Asia as a percentage of sales'], ['Europe, percent of sales', 'Asia, percent of sales'], ['Market share of Brand A', 'Market share of Brand B']]) {
      expect(rules(canvas([share('a', a, 60), share('b', b, 45)], IN_CHART, chart(['a', 'b']))), a).toEqual(['share-over-100']);
    }
    // ...in German too ("Anteil am Umsatz: Cloud", "Umsatzanteil: Cloud", "Cloud (% vom Umsatz)").
    for (const [a, b] of [['Anteil am Umsatz: Cloud', 'Anteil am Umsatz: Services'], ['Umsatzanteil: Cloud', 'Umsatzanteil: Services'], ['Cloud (% vom Umsatz)', 'Services (% vom Umsatz)']]) {
      expect(rules(canvas([share('a', a, 60), share('b', b, 45)], IN_CHART, chart(['a', 'b']))), a).toEqual(['share-over-100']);
    }
    // ...and competitors' shares of one market are parts of one whole.
    expect(rules(canvas([share('a', 'Market share: Alibaba', 45), share('b', 'Market share: JD', 30), share('c', 'Market share: PDD', 40)], IN_CHART, chart(['a', 'b', 'c'])))).toEqual(['share-over-100']);
  });

  it('takes a part below zero off the others: segments\' shares of a profit, with a loss-making one, add up to the whole', () => {
    const profit = [share('a', 'Share of operating profit: Retail', 70), share('b', 'Share of operating profit: Wholesale', 45), share('c', 'Share of operating profit: Corporate', -15)];
    expect(rules(canvas(profit, metricTable(['a', 'b', 'c'])))).toEqual([]);
    // ...and past it when the loss does not make up the difference.
    expect(findingsOf(canvas([...profit.slice(0, 2), share('c', 'Share of operating profit: Corporate', -5)], metricTable(['a', 'b', 'c'])))).toEqual([
      expect.stringMatching(/share-over-100: the shares this table shows for FY2025 add up to 110% \(a 70%, b 45%, c -5%\)/),
    ]);
  });

  it('finds one share alone past the whole', () => {
    expect(findingsOf(canvas([share('a', 'Share of loans: residential mortgages', 112), amount('b', 'EUR')], metricTable(['a', 'b'])))).toEqual([
      '11 share-over-100: the share this table shows for FY2025 is a 112%, more than the whole even allowing for rounding: check the figure against the source; if it is no share of a whole, say what it is in its label and acknowledge the finding',
    ]);
    expect(rules(canvas([share('a', 'Share of loans: residential mortgages', 100)], metricTable(['a'])))).toEqual([]);
    // A ratio written as a percentage of another figure is no share of it, and may pass 100% alone.
    for (const label of ['Loans (% of deposits)', 'Dividends paid, percent of net income', 'Operating expenses as a percentage of revenue']) {
      expect(rules(canvas([share('a', label, 112), amount('b', 'EUR')], metricTable(['a', 'b'])))).toEqual([]);
    }
    expect(rules(canvas([share('a', 'Loan mix (% of loans): mortgages', 112)], metricTable(['a'])))).toEqual(['share-over-100']);
  });

  it('takes a bank\'s risk weights for no shares: each is a multiplier of its own exposure, not a part of one whole', () => {
    const weights = [share('a', 'Average risk weight: residential mortgages', 35), share('b', 'Average risk weight: corporate loans', 85), share('c', 'Risk-weight (%) - commercial real estate', 100)];
    expect(rules(canvas(weights, metricTable(['a', 'b', 'c'])))).toEqual([]);
    // A portfolio's weights still are.
    expect(rules(canvas([share('a', 'Portfolio weight: equities', 70), share('b', 'Portfolio weight: bonds', 45)], metricTable(['a', 'b'])))).toEqual(['share-over-100']);
  });
});

describe('mixed-currencies', () => {
  it('finds a table of amounts in two currencies where the odd one states no equivalent in the main one', () => {
    expect(findingsOf(canvas([amount('rev', 'EUR'), amount('cost', 'EUR'), amount('us_rev', 'USD')], metricTable(['rev', 'cost', 'us_rev'])))).toEqual([
      '12 mixed-currencies: this table sets amounts in EUR and USD side by side, and us_rev in USD states no EUR equivalent: give it an equivalent in EUR (as the source states it), or put the currencies in separate tables',
    ]);
    // A plain table, column by column: amounts in one column are compared; a column of their own is not mixed.
    const table = '          - table:\n              columns: [Item, EUR, USD]\n              rows:\n                - [Revenue, { metric: rev }, { metric: us_rev }]\n                - [Cost, { metric: cost }, { metric: us_cost }]\n';
    expect(rules(canvas([amount('rev', 'EUR'), amount('cost', 'EUR'), amount('us_rev', 'USD'), amount('us_cost', 'USD')], table))).toEqual([]);
    const mixed = table.replace('{ metric: cost }, { metric: us_cost }', '{ metric: us_cost }, { metric: cost }');
    expect(rules(canvas([amount('rev', 'EUR'), amount('cost', 'EUR'), amount('us_rev', 'USD'), amount('us_cost', 'USD')], mixed))).toEqual(['mixed-currencies', 'mixed-currencies']);
  });

  it('says nothing when the odd amount states its equivalent in the main currency, or the table shows no amounts', () => {
    expect(rules(canvas([amount('rev', 'EUR'), amount('us_rev', 'USD', ', equivalent: { value: 11.6, unit: EUR, scale: million }')], metricTable(['rev', 'us_rev'])))).toEqual([]);
    expect(rules(canvas([amount('rev', 'EUR'), amount('us_rev', 'USD')], '          - metric_table: { columns: [label, period, source], rows: [rev, us_rev] }\n'))).toEqual([]);
  });
});

describe('mixed-periods', () => {
  const vertical = (id: string, value: number, quarter = 'Q2 FY26', end = '2025-09-30', extra = '') => `${id}: { label: "${id}", value: ${value}, unit: percent, period: ${quarter}, period_end: ${end}, source: Fact sheet${extra} }`;
  const q3 = (id: string, value: number) => vertical(id, value, 'Q3 FY26', '2025-12-31');
  const labelled = (ids: string[]) => `charts:\n  mix:\n    title: Mix\n    type: bar\n    points: [${ids.map((id) => `{ metric: ${id}, label: ${id} }`).join(', ')}]\n`;

  it('finds a chart, or a metric table without its period column, with a few figures of another period among a cross-section of one', () => {
    expect(findingsOf(canvas([q3('bfsi', 31.6), vertical('retail', 15.2), vertical('tech', 12.1), vertical('energy', 8.4)], IN_CHART, labelled(['bfsi', 'retail', 'tech', 'energy'])))).toEqual([
      '9 mixed-periods: this chart sets figures of Q2 FY26 side by side (retail, tech, energy), and among them bfsi for Q3 FY26, with nothing beside them to say so: update it to one period (a figure left over from an update?), or, if the mix is meant, say so in the caption and acknowledge the finding',
    ]);
    const withoutPeriods = (ids: string[]) => `          - metric_table: { columns: [label, value, change], rows: [${ids.join(', ')}] }\n`;
    expect(rules(canvas([q3('bfsi', 31.6), vertical('retail', 15.2), vertical('tech', 12.1), vertical('energy', 8.4)], withoutPeriods(['bfsi', 'retail', 'tech', 'energy'])))).toEqual(['mixed-periods']);
    // With its period column (a metric table's default), the reader sees which is which.
    expect(rules(canvas([q3('bfsi', 31.6), vertical('retail', 15.2), vertical('tech', 12.1), vertical('energy', 8.4)], metricTable(['bfsi', 'retail', 'tech', 'energy'])))).toEqual([]);
    // In a table of amounts with a count beside them, the amounts are the cross-section.
    const rev = (id: string, end: string) => `${id}: { label: "${id}", value: 40, unit: INR, scale: billion, period: Q, period_end: ${end}, source: Fact sheet }`;
    // Nine months among quarters that end the same day.
    const nine = 'nine: { label: Nine, value: 20, unit: percent, period: 9M FY26 (Apr-Dec 2025), period_end: 2025-12-31, source: Fact sheet }';
    expect(rules(canvas([q3('bfsi', 31.6), q3('retail', 15.2), q3('tech', 12.1), nine], IN_CHART, labelled(['bfsi', 'retail', 'tech', 'nine'])))).toEqual(['mixed-periods']);
    expect(rules(canvas([rev('a', '2025-12-31'), rev('b', '2025-09-30'), rev('c', '2025-09-30'), 'staff: { label: Staff, value: 3, unit: employees, period: Q, period_end: 2025-12-31, source: Fact sheet }'], withoutPeriods(['a', 'b', 'c', 'staff'])))).toEqual(['mixed-periods']);
  });

  it('says nothing of a trend, a table that shows the periods, figures without a period_end, or a plan set beside actuals', () => {
    const revenue = (id: string, year: string) => `${id}: { label: Revenue, value: 1${year.slice(2)}, unit: EUR, scale: million, period: FY${year}, period_end: ${year}-12-31, source: Report }`;
    expect(rules(canvas([revenue('r23', '2023'), revenue('r24', '2024'), revenue('r25', '2025')], IN_CHART, labelled(['r23', 'r24', 'r25'])))).toEqual([]);
    // Labels naming the period make each a measure of its own: still a trend, one figure a period.
    expect(rules(canvas([revenue('r23', '2023').replace('Revenue', 'Revenue FY23'), revenue('r24', '2024').replace('Revenue', 'Revenue FY24'), revenue('r25', '2025').replace('Revenue', 'Revenue FY25')], IN_CHART, labelled(['r23', 'r24', 'r25'])))).toEqual([]);
    // A comparison over time set out on purpose: a measure in both periods (BFSI this year and last, one segment new).
    const yoy = [q3('bfsi', 31.6).replace('"bfsi"', 'BFSI'), vertical('bfsi_ly', 29.1).replace('"bfsi_ly"', 'BFSI'), q3('retail', 15.2), q3('tech', 12.1)];
    expect(rules(canvas(yoy, IN_CHART, labelled(['bfsi', 'bfsi_ly', 'retail', 'tech'])))).toEqual([]);
    // Labels that say the period: on the chart's points, or the metrics' own in a table.
    const saying = (ids: string[], labels: string[]) => `charts:\n  mix:\n    title: Mix\n    type: bar\n    points: [${ids.map((id, i) => `{ metric: ${id}, label: "${labels[i]}" }`).join(', ')}]\n`;
    expect(rules(canvas([q3('bfsi', 31.6), vertical('retail', 15.2), vertical('tech', 12.1), vertical('energy', 8.4)], IN_CHART, saying(['bfsi', 'retail', 'tech', 'energy'], ['BFSI Q3 FY26', 'Retail', 'Tech', 'Energy'])))).toEqual([]);
    // A free table: its author lays out where each row's period shows.
    expect(rules(canvas([q3('bfsi', 31.6), vertical('retail', 15.2), vertical('tech', 12.1)], '          - table:\n              columns: [Vertical, Share]\n              rows:\n                - [BFSI, { metric: bfsi }]\n                - [Retail, { metric: retail }]\n                - [Tech, { metric: tech }]\n'))).toEqual([]);
    const undated = (id: string, value: number, period: string) => `${id}: { label: "${id}", value: ${value}, unit: percent, period: ${period}, source: Fact sheet }`;
    expect(rules(canvas([undated('a', 31, '11.11 festival'), undated('b', 12, '11.11 festival'), undated('c', 9, 'Late 2025')], IN_CHART, labelled(['a', 'b', 'c'])))).toEqual([]);
    expect(rules(canvas([vertical('a', 31), vertical('b', 12), vertical('plan', 40, 'FY2028', '2028-03-31', ', period_type: target')], IN_CHART, labelled(['a', 'b', 'plan'])))).toEqual([]);
  });
});

describe('parts-over-total', () => {
  const rev = (id: string, label: string, value: number, extra = '') => `${id}: { label: "${label}", value: ${value}, unit: EUR, scale: billion, period: FY2025, period_end: 2025-12-31, source: Annual report${extra} }`;
  const segments = [rev('cloud', 'Cloud revenue', 14.2), rev('commerce', 'Commerce revenue', 7.4), rev('media', 'Media revenue', 4.1), rev('total', 'Total revenue', 24.8)];
  const rows = ['cloud', 'commerce', 'media', 'total'];

  it('finds the rows above a total, of its unit and period, adding up to more than it, at the table or chart', () => {
    expect(findingsOf(canvas(segments, metricTable(rows)))).toEqual([
      '13 parts-over-total: the parts this table shows of total (€24.8 billion, FY2025) add up to €25.7 billion (cloud €14.2 billion, commerce €7.4 billion, media €4.1 billion), more than the total even allowing for rounding: check each figure against the source; if the parts overlap (a customer in two segments) or the total covers less, say so in the note and acknowledge the finding',
    ]);
    expect(rules(canvas(segments, IN_CHART, chart(rows)))).toEqual(['parts-over-total']);
    // A plain table: each row is labelled by its first words and its column's header, whatever the metrics are called; a
    // bare "Total" sums the rows above it, and so does "Total revenue" under a column of revenue.
    const table = (total: string) => `          - table:\n              columns: [Segment, Revenue FY2025]\n              rows:\n                - [Cloud, { metric: a }]\n                - [Commerce, { metric: b }]\n                - [Media, { metric: c }]\n                - ["${total}", { metric: d }]\n`;
    const plain = [rev('a', 'x', 14.2), rev('b', 'y', 7.4), rev('c', 'z', 4.1), rev('d', 'w', 24.8)];
    expect(rules(canvas(plain, table('Total')))).toEqual(['parts-over-total']);
    expect(rules(canvas(plain, table('Total revenue')))).toEqual(['parts-over-total']);
    // Cells that show the value alone (show: amount) are the same figures, added up alike.
    expect(rules(canvas(plain, table('Total').replace(/\{ metric: (\w) \}/g, '{ metric: $1, show: amount }')))).toEqual(['parts-over-total']);
    // In Japanese, Chinese or Korean, 合計 is "Total", alone or written on to what it totals.
    for (const total of ['合計', '売上高合計', '合计', '합계']) expect(rules(canvas(plain, table(total))), total).toEqual(['parts-over-total']);
    // In German, Italian and Dutch: "Umsatz gesamt", "Gesamtumsatz", "Summe Umsatz", "Ricavi totali".
    for (const total of ['Gesamt', 'Summe', 'Insgesamt', 'Totale']) expect(rules(canvas(plain, table(total))), total).toEqual(['parts-over-total']);
    const de = (total: string) => [rev('emea', 'Umsatz EMEA', 4.01), rev('am', 'Umsatz Amerika', 3.75), rev('apj', 'Umsatz APJ', 1.416), rev('tot', total, 9.076)];
    for (const total of ['Umsatz gesamt', 'Gesamtumsatz', 'Umsatz insgesamt', 'Summe Umsatz']) expect(rules(canvas(de(total), metricTable(['emea', 'am', 'apj', 'tot']))), total).toEqual(['parts-over-total']);
    // A metric table of Japanese or Chinese labels, written without spaces: "国内売上高" is a part of "売上高合計".
    const jp = [rev('dom', '国内売上高', 14.2), rev('ovs', '海外売上高', 11.1), rev('tot', '売上高合計', 24.8)];
    expect(rules(canvas(jp, metricTable(['dom', 'ovs', 'tot'])))).toEqual(['parts-over-total']);
    const zh = [rev('cloud', '云业务收入', 14.2), rev('ecom', '电商收入', 11.1), rev('tot', '收入合计', 24.8)];
    expect(rules(canvas(zh, metricTable(['cloud', 'ecom', 'tot'])))).toEqual(['parts-over-total']);
    // A breakdown of a part, as Japanese and Chinese tables write "of which": うち, （うち…）, 其中.
    const fits = [rev('dom', '国内売上高', 14.2), rev('ovs', '海外売上高', 10.6), rev('tot', '売上高合計', 24.8)];
    expect(rules(canvas([fits[0], fits[1], rev('na', '北米売上高', 6.0), fits[2]], metricTable(['dom', 'ovs', 'na', 'tot'])))).toEqual(['parts-over-total']);
    for (const label of ['うち北米売上高', '（うち北米売上高）', 'うち、北米売上高']) {
      expect(rules(canvas([fits[0], fits[1], rev('na', label, 6.0), fits[2]], metricTable(['dom', 'ovs', 'na', 'tot']))), label).toEqual([]);
    }
    const zhFits = [rev('cloud', '云业务收入', 14.2), rev('ecom', '电商收入', 10.6), rev('na', '其中：北美收入', 6.0), rev('tot', '收入合计', 24.8)];
    expect(rules(canvas(zhFits, metricTable(['cloud', 'ecom', 'na', 'tot'])))).toEqual([]);
    // Not another measure that only begins alike: 売上高総利益 (gross profit) is no part of 売上高合計.
    expect(rules(canvas([rev('gp', '売上高総利益', 14.2), rev('ovs', '海外売上高', 11.1), rev('tot', '売上高合計', 24.8)], metricTable(['gp', 'ovs', 'tot'])))).toEqual([]);
    // Plurals and the order of words do not hide a part; a total in millions and parts in billions are compared in units.
    expect(rules(canvas([rev('cloud', 'Revenue - cloud', 14.2), rev('commerce', 'Revenue - commerce', 11.1), rev('total', 'Group total revenues', 24800).replace('scale: billion', 'scale: million')], metricTable(['cloud', 'commerce', 'total'])))).toEqual(['parts-over-total']);
    // The parts' sum is said in the total's scale: €25,300 million beside a total of €24,800 million, not "€25.3 million".
    expect(findingsOf(canvas([rev('cloud', 'Revenue - cloud', 14.2), rev('commerce', 'Revenue - commerce', 11.1), rev('total', 'Group total revenues', 24800).replace('scale: billion', 'scale: million')], metricTable(['cloud', 'commerce', 'total'])))[0]).toContain(
      'the parts this table shows of total (€24,800 million, FY2025) add up to €25,300 million (cloud €14.2 billion, commerce €11.1 billion), more than the total',
    );
  });

  it('checks a segment\'s total against the rows above it, and the total of the whole against the segments\' totals and the rows after them', () => {
    const krw = (id: string, label: string, value: number) => rev(id, label, value).replace('unit: EUR', 'unit: KRW');
    const dx = [krw('mx', 'MX/Networks revenue', 38.1), krw('vd', 'VD/DA revenue', 13.9)];
    for (const label of ['DX total revenue', 'Total DX revenue', 'Total revenue (DX)', 'Total segment revenue']) {
      expect(findingsOf(canvas([...dx, krw('dx', label, 48.4)], metricTable(['mx', 'vd', 'dx']))), label).toEqual([
        `12 parts-over-total: the parts this table shows of dx (₩48.4 billion, FY2025) add up to ₩52.0 billion (mx ₩38.1 billion, vd ₩13.9 billion), more than the total even allowing for rounding: check each figure against the source; if the parts overlap (a customer in two segments) or the total covers less, say so in the note and acknowledge the finding`,
      ]);
    }
    // A segment table with a segment's total in it: the segment's rows add up; the segments do not (inter-segment sales).
    const table = [krw('mx', 'MX/Networks revenue', 34.1), krw('vd', 'VD/DA revenue', 13.9), krw('dx', 'DX total revenue', 48.4), krw('ds', 'DS revenue', 33.1), krw('sdc', 'SDC revenue', 8.1), krw('harman', 'Harman revenue', 4.2), krw('total', 'Total revenue', 86.1)];
    expect(findingsOf(canvas(table, metricTable(['mx', 'vd', 'dx', 'ds', 'sdc', 'harman', 'total'])))).toEqual([
      `16 parts-over-total: the parts this table shows of total (₩86.1 billion, FY2025) add up to ₩93.8 billion (dx ₩48.4 billion, ds ₩33.1 billion, sdc ₩8.1 billion, harman ₩4.2 billion), more than the total even allowing for rounding: check each figure against the source; if the parts overlap (a customer in two segments) or the total covers less, say so in the note and acknowledge the finding`,
    ]);
    // A segment's total with one row above it: its only part shown, or another segment beside it? The table is left alone.
    const segments = [table[3], table[2], table[4], table[5], table[6]];
    expect(rules(canvas(segments, metricTable(['ds', 'dx', 'sdc', 'harman', 'total'])))).toEqual([]);
    const memory = [...table.slice(0, 3), krw('memory', 'Memory revenue', 26.7), krw('dstotal', 'DS total revenue', 33.1), table[4], table[6]];
    expect(rules(canvas(memory, metricTable(['mx', 'vd', 'dx', 'memory', 'dstotal', 'sdc', 'total'])))).toEqual([]);
    // A segment's total first, nothing above it: two totals, neither read as a segment's; which is the whole is not guessed.
    expect(rules(canvas([table[2], table[3], table[4], table[5], table[6]], metricTable(['dx', 'ds', 'sdc', 'harman', 'total'])))).toEqual([]);
    // Acknowledged by the total alone, whatever parts a table shows of it.
    const ack = 'data_notes:\n  acknowledged:\n    - { rule: parts-over-total, metrics: [total], figure: "₩93.8 billion against ₩86.1 billion", reason: Segments include inter-segment sales }\n';
    const acknowledged = validateWithWarnings(parseCanvas(`${HEAD}${canvas(table, metricTable(['mx', 'vd', 'dx', 'ds', 'sdc', 'harman', 'total']), ack)}`, 'c.yaml')).findings;
    expect(acknowledged.map((f) => [f.rule, f.acknowledged])).toEqual([['parts-over-total', 'Segments include inter-segment sales']]);
    // The group's finding acknowledged with its parts listed: a segment's own parts over the segment's total still warn.
    const typo = [krw('mx', 'MX/Networks revenue', 52.0), ...table.slice(1)];
    const listed = 'data_notes:\n  acknowledged:\n    - { rule: parts-over-total, metrics: [total, dx, ds, sdc, harman], figure: "₩93.8 billion against ₩86.1 billion", reason: Segments include inter-segment sales }\n';
    const both = validateWithWarnings(parseCanvas(`${HEAD}${canvas(typo, metricTable(['mx', 'vd', 'dx', 'ds', 'sdc', 'harman', 'total']), listed)}`, 'c.yaml')).findings;
    expect(both.map((f) => [f.rule, /of (\w+) /.exec(f.message)?.[1], f.acknowledged])).toEqual([['parts-over-total', 'dx', undefined], ['parts-over-total', 'total', 'Segments include inter-segment sales']]);
    // A subtotal that adds up the rows above it ("Products" under the four product lines) stands for them.
    const usd = (id: string, label: string, value: number) => rev(id, label, value).replace('unit: EUR', 'unit: USD').replace('scale: billion', 'scale: million');
    const apple = (iphone: number) => [usd('iphone', 'iPhone net sales', iphone), usd('mac', 'Mac net sales', 8726), usd('ipad', 'iPad net sales', 6952), usd('wear', 'Wearables net sales', 9013), usd('products', 'Products net sales', 73716), usd('services', 'Services net sales', 28750), usd('total', 'Total net sales', 102466)];
    const appleRows = ['iphone', 'mac', 'ipad', 'wear', 'products', 'services', 'total'];
    expect(rules(canvas(apple(49025), metricTable(appleRows)))).toEqual([]);
    expect(rules(canvas(apple(59025), metricTable(appleRows)))).toEqual(['parts-over-total']); // iPhone mistyped: Products no longer its sum
    // ...only where that makes the parts add up: 10 and 20 equal the 30 below them by chance, and 60 is still over 55.
    const chance = [usd('cloud', 'Cloud revenue', 10), usd('devices', 'Devices revenue', 20), usd('services', 'Services revenue', 30), usd('total', 'Total revenue', 55)];
    expect(rules(canvas(chance, metricTable(['cloud', 'devices', 'services', 'total'])))).toEqual(['parts-over-total']);
    // A total of another measure is no segment's: "Total operating profit" under revenue rows has no parts there.
    expect(rules(canvas([...dx, krw('op', 'Total operating profit', 12.2)], metricTable(['mx', 'vd', 'op'])))).toEqual([]);
  });

  it('says nothing when rounding explains it, when parts fall short, or where the rows are no parts of that total', () => {
    // 14.02 + 7.42 + 3.42 = 24.86, but each may have been rounded up (24.845 in all), and 24.8 may be 24.85.
    expect(rules(canvas([rev('cloud', 'Cloud revenue', 14.02), rev('commerce', 'Commerce revenue', 7.42), rev('media', 'Media revenue', 3.42), rev('total', 'Total revenue', 24.8)], metricTable(rows)))).toEqual([]);
    // At the edge: 10 + 10 + 10 may be 28.5 in all, and 28 may be 28.5.
    expect(rules(canvas([rev('cloud', 'Cloud revenue', 10), rev('commerce', 'Commerce revenue', 10), rev('media', 'Media revenue', 10), rev('total', 'Total revenue', 28)], metricTable(rows)))).toEqual([]);
    expect(rules(canvas([rev('cloud', 'Cloud revenue', 10), rev('commerce', 'Commerce revenue', 10), rev('media', 'Media revenue', 10), rev('total', 'Total revenue', 27.9)], metricTable(rows)))).toEqual(['parts-over-total']);
    // A row of another currency, or of a quarter ending on the total's day, is no part of a year's total in euros.
    expect(rules(canvas([segments[0], rev('commerce', 'Commerce revenue', 7.4, ', equivalent: { value: 6.8, unit: EUR, scale: billion }').replace('unit: EUR', 'unit: USD'), segments[2], segments[3]], metricTable(rows)))).toEqual([]);
    expect(rules(canvas([...segments.slice(0, 2), rev('media', 'Media revenue', 4.1).replace('period: FY2025', 'period: Q4 2025, period_type: quarter'), segments[3]], metricTable(rows)))).toEqual([]);
    // A figure shown twice is one part, added up once.
    expect(rules(canvas([segments[0], segments[1], segments[3]], metricTable(['cloud', 'commerce', 'cloud', 'total'])))).toEqual([]);
    // The main segments only.
    expect(rules(canvas([segments[0], segments[1], segments[3]], metricTable(['cloud', 'commerce', 'total'])))).toEqual([]);
    // Other measures above a total: costs and profits are no parts of revenue.
    expect(rules(canvas([rev('cost', 'Cost of sales', 15.0), rev('ebit', 'Operating profit', 6.0), rev('fcf', 'Free cash flow', 5.0), rev('total', 'Total revenue', 24.8)], metricTable(['cost', 'ebit', 'fcf', 'total'])))).toEqual([]);
    // A breakdown of a part ("of which", a dash), another period, an open part, a forecast.
    expect(rules(canvas([...segments.slice(0, 2), rev('media', 'of which: cloud revenue in Europe', 4.1), segments[3]], metricTable(rows)))).toEqual([]);
    expect(rules(canvas([...segments.slice(0, 2), rev('media', 'Media revenue', 4.1).replace('period: FY2025, period_end: 2025-12-31', 'period: FY2024, period_end: 2024-12-31'), segments[3]], metricTable(rows)))).toEqual([]);
    expect(rules(canvas([...segments.slice(0, 2), rev('media', 'Media revenue', 4.1, ', qualifier: up_to'), segments[3]], metricTable(rows)))).toEqual([]);
    const dashed = '          - table:\n              columns: [Segment, Revenue]\n              rows:\n                - [Cloud, { metric: a }]\n                - ["– Public cloud", { metric: b }]\n                - ["– Private cloud", { metric: c }]\n                - [Commerce, { metric: d }]\n                - [Total, { metric: e }]\n                - [EBIT, { metric: f }]\n';
    expect(rules(canvas([rev('a', 'a', 14.2), rev('b', 'b', 9.0), rev('c', 'c', 5.2), rev('d', 'd', 7.4), rev('e', 'e', 21.6), rev('f', 'f', 3.1)], dashed))).toEqual([]);
    // Figures of the measure that are no part of the period's total: a run-rate, a backlog, a rate per user.
    for (const label of ['Cloud annualised revenue run-rate', 'Revenue backlog', 'Revenue per user', 'Revenue guidance']) {
      expect(rules(canvas([...segments.slice(0, 2), rev('media', label, 40), segments[3]], metricTable(rows))), label).toEqual([]);
    }
    // A table that opens with its total and goes on with overlapping measures: rows below a total are no parts of it.
    expect(rules(canvas([rev('total', 'Total revenue', 24.8), rev('recurring', 'Recurring revenue', 18.0), rev('cloud', 'Cloud revenue', 14.2)], metricTable(['total', 'recurring', 'cloud'])))).toEqual([]);
    const users = (id: string, label: string, value: number) => `${id}: { label: "${label}", value: ${value}, unit: users, scale: million, period: FY2025, period_end: 2025-12-31, source: R }`;
    expect(rules(canvas([users('t', 'Total users', 500), users('m', 'Monthly active users', 320), users('d', 'Daily active users', 210)], metricTable(['t', 'm', 'd'])))).toEqual([]);
    // Two totals: which is the whole is not for the check to guess; a subtotal starts the next breakdown.
    expect(rules(canvas([...segments, rev('total2', 'Total revenue (reported)', 25.5)], metricTable([...rows, 'total2'])))).toEqual([]);
    expect(rules(canvas([rev('a', 'Europe revenue', 10), rev('b', 'Asia revenue', 8), rev('s', 'Subtotal revenue', 18), rev('c', 'Cloud revenue', 4), rev('t', 'Total revenue', 22)], metricTable(['a', 'b', 's', 'c', 't'])))).toEqual([]);
  });

  it('takes rows labelled by name only as parts where the table\'s, chart\'s or section\'s title names what the total measures', () => {
    // A bank's segment note: the segments by name, then "Total income" (Commercial Banking typed 1,415 for 1,315).
    const gbp = (id: string, label: string, value: number, extra = '') => `${id}: { label: "${label}", value: ${value}, unit: GBP, scale: million, period: H1 2025, period_type: half_year, period_end: 2025-06-30, source: Interim report${extra} }`;
    const note = [gbp('pb', 'UK Personal Banking', 2105), gbp('cb', 'Commercial Banking', 1415), gbp('wm', 'Wealth Management', 385), gbp('ho', 'Head Office & Central Items', -110), gbp('total', 'Total income', 3695)];
    const ids = ['pb', 'cb', 'wm', 'ho', 'total'];
    const titled = (title: string, rowIds = ids) => `          - metric_table: { title: "${title}", rows: [${rowIds.join(', ')}] }\n`;
    const inSection = (title: string, content: string) => canvas(note, content).replace('- title: T', `- title: "${title}"`);
    expect(findingsOf(canvas(note, titled('Total income by segment, H1 2025')))).toEqual([
      '14 parts-over-total: the parts this table shows of total (£3,695 million, H1 2025) add up to £3,795 million (pb £2,105 million, cb £1,415 million, wm £385 million, ho -£110 million), more than the total even allowing for rounding: check each figure against the source; if the parts overlap (a customer in two segments) or the total covers less, say so in the note and acknowledge the finding',
    ]);
    for (const title of ['Income by segment', 'Segment income', 'Total incomes by division']) expect(rules(canvas(note, titled(title))), title).toEqual(['parts-over-total']);
    // A table without a title of its own, under a section that names the measure; a chart titled so.
    expect(rules(inSection('Income by segment', metricTable(ids)))).toEqual(['parts-over-total']);
    expect(rules(canvas(note, IN_CHART, chart(ids).replace('title: Mix', 'title: Total income by segment (GBP million)')))).toEqual(['parts-over-total']);
    // Right as written (Commercial Banking 1,315): nothing.
    expect(rules(canvas([...note.slice(0, 1), gbp('cb', 'Commercial Banking', 1315), ...note.slice(2)], titled('Total income by segment')))).toEqual([]);
    // A title that does not name the measure, or names another: the rows are not known to be parts.
    for (const title of ['Segments', 'Segments, H1 2025', 'Costs by segment']) expect(rules(canvas(note, titled(title))), title).toEqual([]);
    expect(rules(canvas([...note.slice(0, 4), gbp('total', 'Total income (reported)', 3695)], titled('Income by segment')))).toEqual([]);
    // Where rows name measures themselves, they say which are parts: "Retail expenses" is none, under any title.
    const named = [gbp('ri', 'Retail income', 2105), gbp('re', 'Retail expenses', 1415), gbp('ci', 'Corporate income', 385), gbp('total', 'Total income', 2500)];
    expect(rules(canvas(named, titled('Income and expenses by segment', ['ri', 're', 'ci', 'total'])))).toEqual([]);
    // Still no parts under such a title: a row under another ("of which"), a run-rate, another period, a forecast, a percentage, a row below the total.
    const under = (row: string) => canvas([...note.slice(0, 2), row, ...note.slice(3)], titled('Income by segment'));
    for (const row of [gbp('wm', 'of which: Wealth Management', 385), gbp('wm', 'Wealth run-rate', 385), gbp('wm', 'Wealth Management', 385).replace('period: H1 2025, period_type: half_year, period_end: 2025-06-30', 'period: H1 2024, period_type: half_year, period_end: 2024-06-30'), gbp('wm', 'Wealth Management', 385, ', period_type: forecast').replace('period_type: half_year, ', '')]) {
      expect(rules(under(row)), row).not.toContain('parts-over-total');
    }
    expect(rules(canvas([note[0], gbp('cb', 'Commercial Banking', 1315), note[4], gbp('wm', 'Wealth Management', 385)], titled('Income by segment', ['pb', 'cb', 'total', 'wm'])))).toEqual([]);
  });

  it('takes no title for the rows where a row names a measure, the title names two, or the table has a title of its own; nor a memo row for a part', () => {
    const gbp = (id: string, label: string, value: number) => `${id}: { label: "${label}", value: ${value}, unit: GBP, scale: million, period: FY2025, period_end: 2025-12-31, source: AR }`;
    const table = (ids: string[], title?: string) => `          - metric_table: { ${title === undefined ? '' : `title: "${title}", `}rows: [${ids.join(', ')}] }\n`;
    const inSection = (title: string, metrics: string[], content: string) => canvas(metrics, content).replace('- title: T', `- title: "${title}"`);
    // Revenue and two costs above "Total operating expenses": 14,000 against 4,000 is no finding.
    const costs = [gbp('revenue', 'Revenue', 10000), gbp('staff', 'Staff costs', 3000), gbp('tech', 'Technology', 1000), gbp('opex', 'Total operating expenses', 4000)];
    expect(rules(canvas(costs, table(['revenue', 'staff', 'tech', 'opex'], 'Revenue and operating expenses')))).not.toContain('parts-over-total');
    // Income lines and costs above "Total costs", under the section "Income and costs": 12,500 against 4,500 is none either.
    const pl = [gbp('nii', 'Net interest income', 6000), gbp('oi', 'Other income', 2000), gbp('opx', 'Operating expenses', 4000), gbp('imp', 'Impairment charge', 500), gbp('costs', 'Total costs', 4500)];
    expect(rules(inSection('Income and costs', pl, table(['nii', 'oi', 'opx', 'imp', 'costs'])))).not.toContain('parts-over-total');
    // A memorandum row beside the segments ("Memo: UK mortgages", within Retail), and a row of customer loans.
    const seg = [gbp('retail', 'Retail', 5000), gbp('mortgages', 'UK mortgages', 3000), gbp('commercial', 'Commercial Banking', 3000), gbp('loans', 'Customer loans', 450000), gbp('wealth', 'Wealth Management', 1000), gbp('total', 'Total income', 8000)];
    const memo = `          - metric_table: { title: "Income by segment", rows: [retail, { metric: mortgages, label: "Memo: UK mortgages" }, commercial, total] }\n`;
    expect(rules(canvas(seg, memo))).not.toContain('parts-over-total');
    expect(rules(canvas(seg, memo.replace('Memo: UK mortgages', 'Pro forma: UK mortgages')))).not.toContain('parts-over-total');
    expect(rules(canvas(seg, table(['retail', 'commercial', 'loans', 'total'], 'Income and lending by segment')))).not.toContain('parts-over-total');
    expect(rules(canvas(seg, table(['retail', 'commercial', 'loans', 'total'], 'Income by segment')))).not.toContain('parts-over-total');
    // Two measures in a title, though every row is a segment's name; and a table's own title before its section's.
    for (const title of ['Income and lending by segment', 'Revenue & income by segment', 'Net income by segment']) expect(rules(canvas(seg, table(['retail', 'commercial', 'wealth', 'total'], title))), title).not.toContain('parts-over-total');
    expect(rules(inSection('Income by segment', seg, table(['retail', 'commercial', 'wealth', 'total'], 'Segments')))).not.toContain('parts-over-total');
    // Still checked: segments by name (a business's name is no measure: Asset Management, Consumer Lending, Payments) under
    // one measure, by the table's own title or, without one, its section's.
    const names = [gbp('retail', 'Retail', 5000), gbp('am', 'Asset Management', 2000), gbp('cl', 'Consumer Lending', 1500), gbp('pay', 'Payments', 1000), gbp('total', 'Total income', 8000)];
    expect(rules(canvas(names, table(['retail', 'am', 'cl', 'pay', 'total'], 'Total income by segment and region')))).toEqual(['parts-over-total']);
    expect(rules(inSection('Income by segment', names, table(['retail', 'am', 'cl', 'pay', 'total'])))).toEqual(['parts-over-total']);
  });

  it('reads a measure written with "and" as one measure: a line of accounts, or the total\'s own words', () => {
    // A UK bank's loan book by sector: £900 million of parts above a total of £800 million.
    const gbp = (id: string, label: string, value: number) => `${id}: { label: "${label}", value: ${value}, unit: GBP, scale: million, period: As at 30 Sep 2025, period_type: as_at, period_end: 2025-09-30, source: IMS }`;
    const book = (total: string, parts = [300, 300, 300]) => [gbp('a', 'Households', parts[0]!), gbp('b', 'Agriculture', parts[1]!), gbp('c', 'Manufacturing', parts[2]!), gbp('t', total, 800)];
    const table = (title: string) => `          - metric_table: { title: "${title}", columns: [label, value, period], rows: [a, b, c, t] }\n`;
    expect(findingsOf(canvas(book('Total loans and advances to customers'), table('Loans and advances to customers by sector at 30 September 2025')))).toEqual([
      '13 parts-over-total: the parts this table shows of t (£800 million, As at 30 Sep 2025) add up to £900 million (a £300 million, b £300 million, c £300 million), more than the total even allowing for rounding: check each figure against the source; if the parts overlap (a customer in two segments) or the total covers less, say so in the note and acknowledge the finding',
    ]);
    for (const [title, total] of [['Loans and advances to customers by sector', 'Total loans and advances to customers'], ['Loans and advances to customers by sector', 'Total loans'], ['Loans by sector', 'Total loans and advances to customers'], ['Loans by sector', 'Total loans']]) {
      expect(rules(canvas(book(total), table(title))), `${title} / ${total}`).toEqual(['parts-over-total']);
      // Right as written (£200 million of Manufacturing): nothing.
      expect(rules(canvas(book(total, [300, 300, 200]), table(title))), `${title} / ${total}`).toEqual([]);
    }
    // Other lines of accounts written with "and", and a total's own measure written out in the title.
    for (const [title, total] of [['Cash and cash equivalents by currency', 'Total cash and cash equivalents'], ['Property, plant and equipment by segment', 'Total property, plant and equipment'], ['Fee and commission income by segment', 'Total fee and commission income'], ['Sales and marketing expenses by region', 'Total sales and marketing expenses']]) {
      expect(rules(canvas(book(total), table(title))), title).toEqual(['parts-over-total']);
    }
    // Still two measures: a line of accounts joined to another, or a total's measure joined to one, or named alone.
    for (const [title, total] of [['Loans and advances to customers and deposits by sector', 'Total loans'], ['Loans and advances and income by sector', 'Total loans and advances to customers'], ['Sales and marketing by region', 'Total sales'], ['Income by segment', 'Total fee and commission income'], ['Sales and marketing expenses and headcount by region', 'Total sales and marketing expenses']]) {
      expect(rules(canvas(book(total), table(title))), title).toEqual([]);
    }
  });
});

describe('no-source', () => {
  const unsourced = 'rev: { label: Revenue, value: 12.5, unit: EUR, scale: million, period: FY2025 }';
  const series = 'users: { label: Users, unit: users, scale: million, values: [{ value: 1, period: Q1 2025, period_end: 2025-03-31, source: Q1 report }, { value: 2, period: Q2 2025, period_end: 2025-06-30 }, { value: 3, period: Q3 2025, period_end: 2025-09-30 }] }';
  const text = '          - paragraph: "[[rev]] and [[users]]."\n';

  it('finds a metric that names no source, and a metric with values some of which name none, at the metric', () => {
    expect(findingsOf(canvas([unsourced, series], text))).toEqual([
      '4 no-source: metric "rev" has no source (it gives none): add source: with the filing, release or page the figure comes from, so that a reader can check it (or, when every figure comes from one document, name it as the one entry of data_notes.sources)',
      '5 no-source: metric "users" has no source (2 of its 3 values give none): add source: with the filing, release or page the figure comes from, so that a reader can check it (or, when every figure comes from one document, name it as the one entry of data_notes.sources)',
    ]);
    // Two documents in data_notes.sources: which one a figure comes from is still unsaid.
    expect(rules(`${canvas([unsourced], text.replace(' and [[users]]', ''))}data_notes:\n  sources: [{ title: Annual report }, { title: Press release }]\n`)).toEqual(['no-source']);
  });

  it('says nothing when the canvas names the one document every figure comes from', () => {
    expect(rules(`${canvas([unsourced, series], text)}data_notes:\n  sources: [{ title: Annual report 2025 }]\n`)).toEqual([]);
  });
});

describe('unused-metric', () => {
  const now = 'rev: { label: Revenue, value: 1234.5, unit: EUR, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Q3 report, change: { percent: CHANGE } }';
  const yearEarlier = 'rev_2024: { label: Revenue, value: 1180, unit: EUR, scale: million, period: Q3 2024, period_end: 2024-09-30, source: Q3 2024 report }';
  it('counts the year-earlier figure a stated change is checked against as used, whether the change agrees or not', () => {
    const text = '          - paragraph: "[[rev]]"\n';
    expect(rules(canvas([now.replace('CHANGE', '4.6'), yearEarlier], text))).toEqual([]);
    expect(rules(canvas([now.replace('CHANGE', '13'), yearEarlier], text))).toEqual(['change-mismatch']);
    // Without a stated change it backs nothing: unused.
    expect(rules(canvas([now.replace(', change: { percent: CHANGE }', ''), yearEarlier], text))).toEqual(['unused-metric']);
  });
});

describe('change-mismatch', () => {
  it('says the change the figures make, rounded as a reader would: 401.7 to 436.9 is +8.8%, not the +8.7% its lower bound starts with', () => {
    const sales = (id: string, value: number, year: number, change = '') => `${id}: { label: Net sales, value: ${value}, unit: CHF, scale: million, period: H1 ${year}, period_end: ${year}-06-30, source: Half-year report${change} }`;
    const [finding] = findingsOf(canvas([sales('sales', 436.9, 2025, ', change: { percent: 18.8 }'), sales('sales_2024', 401.7, 2024)], '          - paragraph: "[[sales]]"\n'));
    expect(finding).toContain('the change is +8.8%:');
    // A stated change in more digits is compared in them: +8.81% is not +8.76%, and the message does not read "+8.8% ... +8.8%".
    const [close] = findingsOf(canvas([sales('sales', 436.9, 2025, ', change: { percent: 8.81 }'), sales('sales_2024', 401.7, 2024)], '          - paragraph: "[[sales]]"\n'));
    expect(close).toContain('states a change of +8.81% YoY');
    expect(close).toContain('the change is +8.76%:');
    // A change too small for a tenth in the digits it takes: +0.05%, not +0.0%, which reads as none.
    const [small] = findingsOf(canvas([sales('sales', 401.9, 2025, ', change: { percent: 8.8 }'), sales('sales_2024', 401.7, 2024)], '          - paragraph: "[[sales]]"\n'));
    expect(small).toContain('the change is +0.05%:');
  });

  it('reads a year-on-year basis written in German, French, Spanish, Italian, Dutch, Japanese or Korean as YoY, and checks the change; not a basis of another period', () => {
    const sales = (id: string, value: number, year: number, change = '') => `${id}: { label: Umsatzerlöse, value: ${value}, unit: EUR, scale: million, period: Q3 ${year}, period_end: ${year}-09-30, source: Quartalsmitteilung${change} }`;
    const withBasis = (basis: string) => rules(canvas([sales('umsatz', 9076, 2025, `, change: { percent: 12.5, basis: '${basis}' }`), sales('umsatz_vj', 8470, 2024)], '          - paragraph: "[[umsatz]]"\n'));
    for (const basis of ['ggü. Vorjahr', 'ggü. Vj.', 'gegenüber dem Vorjahresquartal', 'vs. Vorjahr', 'Vorjahr', 'en glissement annuel', 'interanual', '前年同期比', '전년 동기 대비', 'su base annua', 'anno su anno', 'rispetto all’anno precedente', 'a/a', 'j-o-j', 'jaar-op-jaar', 't.o.v. vorig jaar', 'ten opzichte van vorig jaar',
      'rispetto allo stesso periodo dell’anno precedente', 'rispetto al T3 2024', 'vs. T3 2024', 't.o.v. dezelfde periode vorig jaar', 't.o.v. hetzelfde kwartaal van vorig jaar', 't.o.v. K3 2024']) expect(withBasis(basis), basis).toEqual(['change-mismatch']);
    for (const basis of ['ggü. Vorquartal', 'währungsbereinigt', 'vs. Q2 2025', 'rispetto al trimestre precedente', 't.o.v. vorig kwartaal', 'rispetto al T2 2025', 't.o.v. K2 2025']) expect(withBasis(basis), basis).toEqual(['unused-metric']);
  });
});

describe('change-mismatch between losses, and in points', () => {
  const loss = (id: string, value: number, year: number, change = '') => `${id}: { label: Net loss, value: ${value}, unit: USD, scale: million, period: Q4 ${year}, period_end: ${year}-12-31, source: Letter${change} }`;
  const margin = (id: string, value: number, year: number, change = '') => `${id}: { label: Gross margin, value: ${value}, unit: percent, period: Q4 ${year}, period_end: ${year}-12-31, source: Letter${change} }`;
  const text = '          - paragraph: "[[now]]"\n';

  it('compares a change stated on a loss with the loss a year earlier: the change is the figure\'s own, a widened loss a fall', () => {
    expect(rules(canvas([loss('now', -1050, 2025, ', change: { percent: -41.1 }'), loss('then', -744, 2024)], text))).toEqual([]);
    expect(rules(canvas([loss('now', -541, 2025, ', change: { percent: 62.6 }'), loss('then', -1445, 2024)], text))).toEqual([]);
    // A change the figures rule out whichever way it is read.
    expect(findingsOf(canvas([loss('now', -1173, 2025, ', change: { percent: 60 }'), loss('then', -1100, 2024)], text))).toEqual([
      '4 change-mismatch: now states a change of +60.0% YoY, but from then (-US$1,100 million, Q4 2024) to -US$1,173 million the change is -6.7% to -6.5%: check both figures and the change against the source (a change on another basis, such as like-for-like, needs basis:)',
    ]);
    // The change in the loss's size: + for a widened loss would be coloured as good news by better: higher.
    expect(findingsOf(canvas([loss('now', -1050, 2025, ', change: { percent: 41.1, better: higher }'), loss('then', -744, 2024)], text))).toEqual([
      '4 change-mismatch: now states a change of +41.1% YoY, but from then (-US$744 million, Q4 2024) to -US$1,050 million the change is -41.3% to -41.0%: +41.1% is the change in the figure\'s size; a change is the figure\'s own, signed as it moved (a loss that widened fell, and is coloured by better: accordingly): write change.percent: -41.1, or check both figures against the source',
    ]);
    expect(findingsOf(canvas([loss('now', -541, 2025, ', change: { percent: -62.6 }'), loss('then', -1445, 2024)], text))[0]).toContain('(a loss that narrowed rose, and is coloured by better: accordingly): write change.percent: 62.6,');
    // better: lower (as the schema suggests for losses) with the sign turned would show a widened loss as good news: said.
    expect(findingsOf(canvas([loss('now', -1050, 2025, ', change: { percent: 41.1, better: lower }'), loss('then', -744, 2024)], text))[0]).toContain('write change.percent: -41.1, and better: higher');
    // A loss of nearly 1,050 is a little smaller than 1,050: a fall of 27% to 41% fits it.
    expect(rules(canvas([loss('now', -1050, 2025, ', qualifier: nearly, change: { percent: -30 }'), loss('then', -744, 2024)], text))).toEqual([]);
    // From a loss to a profit there is no percent change to compare.
    expect(rules(canvas([loss('now', 50, 2025, ', change: { percent: 999 }'), loss('then', -744, 2024)], text))).toEqual([]);
  });

  it('compares a forecast\'s stated change with the actual a year before it, not a target\'s', () => {
    const fy = (id: string, value: number, year: number, extra = '') => `${id}: { label: Net sales, concept: sales_fy, value: ${value}, unit: JPY, scale: billion, period: FY${year}${extra ? ' forecast' : ''}, period_end: ${year + 1}-03-31, source: Results${extra} }`;
    // (Said to be a forecast: forecast-as-actual reports one printed as a reported result.)
    const text = '          - paragraph: "The forecast is [[now]]."\n';
    expect(rules(canvas([fy('now', 12300, 2025, ', period_type: forecast, change: { percent: 2.1 }'), fy('then', 12046.6, 2024)], text))).toEqual([]);
    expect(findingsOf(canvas([fy('now', 12300, 2025, ', period_type: forecast, change: { percent: 20 }'), fy('then', 12046.6, 2024)], text))[0]).toMatch(/change-mismatch: now states a change of \+20\.0% YoY, but from then \(JP¥12,046\.6 billion, FY2024\) to JP¥12,300 billion the change is \+2\.1%/);
    // A target's is not paired: the year before backs nothing, and is unused.
    expect(rules(canvas([fy('now', 12300, 2025, ', period_type: target, change: { percent: 20 }'), fy('then', 12046.6, 2024)], text))).toEqual(['unused-metric']);
  });

  it('compares a change stated in points with the percentage a year earlier, at the points', () => {
    expect(rules(canvas([margin('now', 1.5, 2025, ', change: { points: 46.4 }'), margin('then', -44.9, 2024)], text))).toEqual([]);
    expect(findingsOf(canvas([margin('now', 1.5, 2025, ', change: { points: 4.64 }'), margin('then', -44.9, 2024)], text))).toEqual([
      '4 change-mismatch: now states a change of +4.64 pp YoY, but from then (-44.9%, Q4 2024) to 1.5% the change is +46.30 pp to +46.50 pp: check both figures and the change against the source (a change on another basis, such as like-for-like, needs basis:)',
    ]);
  });

  it('says a percentage\'s change stated in percent that is its change in points is one: 21.4% to 22.9% "+1.5%"', () => {
    expect(findingsOf(canvas([margin('now', 22.9, 2025, ', change: { percent: 1.5 }'), margin('then', 21.4, 2024)], text))).toEqual([
      '4 change-mismatch: now states a change of +1.5% YoY, but from then (21.4%, Q4 2024) to 22.9% the change is +6.5% to +7.5%: +1.5% is the change in percentage points (21.4% to 22.9%): write it as change.points: 1.5, which prints +1.5 pp (change.percent is the figure\'s own relative change), or check both figures against the source',
    ]);
    // The relative change itself, or a percent change that is neither: as before.
    expect(rules(canvas([margin('now', 22.9, 2025, ', change: { percent: 7 }'), margin('then', 21.4, 2024)], text))).toEqual([]);
    expect(findingsOf(canvas([margin('now', 22.9, 2025, ', change: { percent: 3 }'), margin('then', 21.4, 2024)], text))[0]).toContain('check both figures and the change against the source (a change on another basis');
  });
});

describe('ended-forecast', () => {
  const guidance = 'capex_guidance: { label: Capex guidance, value: 1.8, unit: EUR, scale: billion, period: FY2025, period_type: forecast, period_end: 2025-12-31, source: Outlook }';
  const actual = (extra: string) => `capex: { label: Capex, value: 1.75, unit: EUR, scale: billion, period: FY2025, period_end: 2025-12-31, source: Annual report${extra} }`;
  const text = '          - paragraph: "Guidance was [[capex_guidance]]; capex [[capex]]."\n';

  it('is met by the actual its message asks for: a metric of the forecast\'s concept, its id where it has none', () => {
    expect(findingsOf(canvas([guidance, actual('')], text))).toEqual([
      '4 ended-forecast: the forecast "capex_guidance" for FY2025 ended on 2025-12-31, before the briefing\'s as_of date 2026-02-15, and no actual value is given for it: add the actual (a metric with concept: capex_guidance, and period_end: 2025-12-31), or remove the forecast',
    ]);
    expect(rules(canvas([guidance, actual(', concept: capex_guidance')], text))).toEqual([]);
    expect(rules(canvas([guidance.replace('source:', 'concept: capex, source:'), actual(', concept: capex')], text))).toEqual([]);
    // The actual already there with a concept of its own: the forecast takes that concept, not the actual the forecast's id
    // (which would part capex from capex_fy24, and its stated change from the check).
    expect(findingsOf(canvas([guidance, actual(', concept: capex')], text))[0]).toContain('if capex is its actual, give "capex_guidance" its concept (concept: capex) instead');
  });
});

describe('figures in messages', () => {
  it('writes per mille closed up, as the briefing prints it', () => {
    const rate = (id: string, value: number) => `${id}: { label: Default rate, value: ${value}, unit: "\u2030", period: FY2025, source: Annual report }`;
    const [finding] = findingsOf(canvas([rate('a', 3.2), rate('b', 3.5)], '          - paragraph: "[[a]] [[b]]"\n'));
    expect(finding).toContain('a (3.2\u2030, FY2025) and b (3.5\u2030, FY2025)');
  });

  it('writes a figure that is no money in the digits the briefing prints it with: a trailing zero kept, decimals: set', () => {
    const share = (id: string, value: string) => `${id}: { label: Market share, value: ${value}, unit: percent, period: FY2025, source: Annual report }`;
    const [kept] = findingsOf(canvas([share('a', '18.0'), share('b', '18.5')], '          - paragraph: "[[a]] [[b]]"\n'));
    expect(kept).toContain('a (18.0%, FY2025) and b (18.5%, FY2025) measure Market share for the same period, and cannot both be right');
    const [padded] = findingsOf(canvas([share('a', '12.3, decimals: 2'), share('b', '18.5')], '          - paragraph: "[[a]] [[b]]"\n'));
    expect(padded).toContain('a (12.30%, FY2025) and b (18.5%, FY2025)');
    // A qualifier as the briefing writes it: "approx.", "at least".
    const [qualified] = findingsOf(canvas([share('a', '18, qualifier: approx'), share('b', '25, qualifier: at_least')], '          - paragraph: "[[a]] [[b]]"\n'));
    expect(qualified).toContain('a (approx. 18%, FY2025) and b (at least 25%, FY2025)');
  });
});

describe('contradiction', () => {
  const revenue = (id: string, value: string) => `${id}: { label: Revenue, value: ${value}, unit: EUR, scale: million, period: FY2025, period_end: 2025-12-31, source: Annual report }`;

  it('says at each figure which it cannot agree with: at one that disagrees with two that agree, that it cannot agree with any of them', () => {
    expect(findingsOf(canvas([revenue('a', '1234.5'), revenue('b', '1299'), revenue('c', '1299.0')], '          - paragraph: "[[a]] [[b]] [[c]]"\n'))).toEqual([
      '4 contradiction: a (€1,234.5 million, FY2025) and b (€1,299 million, FY2025) and c (€1,299.0 million, FY2025) measure Revenue for the same period, and a cannot agree with any of them even allowing for rounding and qualifiers: correct the one that is wrong, or keep them and declare it in data_notes.contradictions with a note saying how they differ',
      '5 contradiction: b (€1,299 million, FY2025) and a (€1,234.5 million, FY2025) measure Revenue for the same period, and cannot both be right even allowing for rounding and qualifiers: correct the one that is wrong, or keep them and declare it in data_notes.contradictions with a note saying how they differ',
      '6 contradiction: c (€1,299.0 million, FY2025) and a (€1,234.5 million, FY2025) measure Revenue for the same period, and cannot both be right even allowing for rounding and qualifiers: correct the one that is wrong, or keep them and declare it in data_notes.contradictions with a note saying how they differ',
    ]);
  });
});

describe('contradiction between figures reported on different days', () => {
  it('says they may be a first figure and its revision, naming the days, rather than only a figure to correct', () => {
    const revenue = (id: string, value: string, asOf: string) => `${id}: { label: Revenue, value: ${value}, unit: EUR, scale: million, period: FY2025, period_end: 2025-12-31, as_of: ${asOf}, source: Release }`;
    const [first] = findingsOf(canvas([revenue('prelim', '1180', '2026-01-28'), revenue('final', '1204', '2026-02-10')], '          - paragraph: "[[prelim]] [[final]]"\n'));
    expect(first).toContain('measure Revenue for the same period, and cannot both be right even allowing for rounding and qualifiers; they were reported on different days (prelim on 2026-01-28, final on 2026-02-10): a first figure and its revision? Keep the revised one alone, or keep both and declare them in data_notes.contradictions with a note saying which revises which; if neither revises the other, correct the one that is wrong');
    // Reported the same day: a slip, as before.
    const [same] = findingsOf(canvas([revenue('prelim', '1180', '2026-02-10'), revenue('final', '1204', '2026-02-10')], '          - paragraph: "[[prelim]] [[final]]"\n'));
    expect(same).toMatch(/qualifiers: correct the one that is wrong, or keep them and declare it/);
  });
});

describe('unmatched-acknowledgement', () => {
  it('says an acknowledgement matches no finding (a wrong rule, or not every metric of the finding), at the entry', () => {
    const body = canvas([amount('rev', 'EUR'), amount('unused', 'EUR')], '          - paragraph: "[[rev]]"\n');
    expect(rules(`${body}data_notes:\n  acknowledged:\n    - { rule: unused-metric, metrics: [unused], reason: Kept for Q4. }\n`)).toEqual(['unused-metric']); // matched: a note
    const wrong = findingsOf(`${body}data_notes:\n  acknowledged:\n    - { rule: stale-reference, metrics: [unused], reason: Kept for Q4. }\n`);
    expect(wrong.map((f) => f.split(':')[0])).toEqual(['5 unused-metric', '14 unmatched-acknowledgement']);
    expect(wrong[1]).toContain('acknowledges no finding: no stale-reference finding names only metrics listed here (unused)');
  });
});

describe('an acknowledgement of figures that disagree names the figure', () => {
  const rev = 'rev: { label: Revenue, value: 1234.5, unit: EUR, scale: million, period: FY2025, period_end: 2025-12-31, source: Annual report }';
  const said = (...texts: string[]) => texts.map((t) => `          - paragraph: "${t}"\n`).join('');
  const acked = (...entries: string[]) => `data_notes:\n  acknowledged:\n${entries.map((e) => `    - { ${e} }\n`).join('')}`;
  const marked = (body: string) => validateWithWarnings(parseCanvas(`${HEAD}${body}`, 'c.yaml')).findings.map((f) => [f.rule, f.acknowledged === undefined ? 'warning' : 'note']);

  it('accepts only the typed figure it names: a second figure typed wrong about the same metric is a warning', () => {
    const one = canvas([rev], said('Revenue was €1,300 million in FY2025. [[rev]]'));
    const ack = acked('rule: typed-mismatch, metrics: [rev], figure: "€1,300 million against €1,234.5 million", reason: The release rounds it.');
    expect(marked(`${one}${ack}`)).toEqual([['typed-mismatch', 'note']]);
    // Written otherwise, the same figure: the currency's code, the scale.
    expect(marked(`${one}${ack.replace('€1,300 million against €1,234.5 million', 'EUR 1.3 billion against EUR 1,234.5 million')}`)).toEqual([['typed-mismatch', 'note']]);
    // Another typo about revenue, in another section: not passed under the reason written for the first.
    const two = canvas([rev], said('Revenue was €1,300 million in FY2025. [[rev]]', 'Revenue was €1,250 million in FY2025.'));
    expect(marked(`${two}${ack}`)).toEqual([['typed-mismatch', 'note'], ['typed-mismatch', 'warning']]);
    // The canvas's figure it was set against corrected since: the disagreement is another, and said again.
    expect(marked(`${one.replace('value: 1234.5', 'value: 1250')}${ack}`)).toEqual([['typed-mismatch', 'warning'], ['unmatched-acknowledgement', 'warning']]);
  });

  it('says an acknowledgement without its figure accepts any, with the figure to write, or each figure it accepts', () => {
    const ack = acked('rule: typed-mismatch, metrics: [rev], reason: The release rounds it.');
    expect(findingsOf(`${canvas([rev], said('Revenue was €1,300 million in FY2025. [[rev]]'))}${ack}`).filter((f) => f.includes('unpinned'))).toEqual([
      '13 unpinned-acknowledgement: acknowledges typed-mismatch for rev without naming its figure, so it would accept any other typed-mismatch finding about them too, now or after an edit, under this reason: add figure: "€1,300 million against €1,234.5 million", the figure this finding is about',
    ]);
    const two = findingsOf(`${canvas([rev], said('Revenue was €1,300 million in FY2025. [[rev]]', 'Revenue was €1,250 million in FY2025.'))}${ack}`);
    expect(two.filter((f) => f.includes('unpinned'))).toEqual([
      '14 unpinned-acknowledgement: acknowledges typed-mismatch for rev without naming its figure, and accepts 2 findings about different figures ("€1,300 million against €1,234.5 million" and "€1,250 million against €1,234.5 million") under one reason: check each against the source, and acknowledge each that stands in an entry of its own with its figure (figure: "€1,300 million against €1,234.5 million")',
    ]);
    // Of a rule whose finding is about its metrics alone: no figure to name.
    expect(rules(`${canvas([rev, amount('unused', 'EUR')], said('[[rev]]'))}${acked('rule: unused-metric, metrics: [unused], reason: Kept for Q4.')}`)).toEqual(['unused-metric']);
  });

  it('no longer accepts a stated change edited since, and says what the finding is about now', () => {
    const fy = (id: string, value: number, year: number, change = '') => `${id}: { label: Revenue, value: ${value}, unit: EUR, scale: million, period: FY${year}, period_end: ${year}-12-31, source: Annual report${change} }`;
    const body = (percent: number) => canvas([fy('rev', 1234.5, 2025, `, change: { percent: ${percent} }`), fy('rev24', 1100, 2024)], said('[[rev]]'));
    const ack = acked('rule: change-mismatch, metrics: [rev, rev24], figure: "+18% against +12.2%", reason: The source states organic growth.');
    expect(marked(`${body(18)}${ack}`)).toEqual([['change-mismatch', 'note']]);
    const edited = findingsOf(`${body(21)}${ack}`);
    expect(edited.map((f) => f.split(':')[0])).toEqual(['4 change-mismatch', '14 unmatched-acknowledgement']);
    // So is the year-earlier figure, which makes the change the stated one is set against.
    expect(marked(`${body(18).replace('value: 1100', 'value: 1000')}${ack}`)).toEqual([['change-mismatch', 'warning'], ['unmatched-acknowledgement', 'warning']]);
    expect(edited[1]).toContain('acknowledges a change-mismatch finding about "+18% against +12.2%", but the change-mismatch finding for these metrics is about "+21.0% against +12.2%": a figure changed since it was acknowledged? Check it against the source; if it stands, write its figure here (figure: "+21.0% against +12.2%"), with the reason for it');
  });

  it('sets a typed change against the change, and a typed equivalent against the equivalent: either moving is a new finding', () => {
    const series = (earlier: number) => `revenue: { label: Revenue, unit: EUR, scale: million, source: R, values: [{ value: ${earlier}, period: FY2024, period_end: 2024-12-31 }, { value: 1204, period: FY2025, period_end: 2025-12-31 }] }`;
    const growth = (earlier: number, figure: string) => `${canvas([series(earlier)], said('Revenue grew 12% in FY2025 to [[revenue]].'))}${acked(`rule: typed-mismatch, metrics: [revenue@2025-12-31], figure: "${figure}", reason: Organic growth.`)}`;
    expect(findingsOf(growth(1100, 'x')).find((f) => f.includes('unmatched'))).toContain('(figure: "+12% against +9.5%")'); // the change 1,100 to 1,204 gives
    expect(marked(growth(1100, '12% against +9.5%'))).toEqual([['typed-mismatch', 'note']]); // (written before the direction was pinned: either way, as then)
    expect(marked(growth(900, '12% against +9.5%'))).toEqual([['typed-mismatch', 'warning'], ['unmatched-acknowledgement', 'warning']]);
    // One figure where the finding has two (an acknowledgement written before it set one against the other): the form is said.
    expect(findingsOf(growth(1100, '12%')).find((f) => f.includes('unmatched'))).toContain('acknowledges a typed-mismatch finding about "12%", but a typed-mismatch finding is about 2 figures, one against the other, and an acknowledgement names each, so it acknowledges nothing: write them as check quotes them (figure: "+12% against +9.5%")');
    const rmb = (equivalent: number) => `rmb: { label: Sales, value: 247795, unit: CNY, scale: million, period: FY2025, period_end: 2025-12-31, source: R, equivalent: { value: ${equivalent}, unit: USD, scale: million } }`;
    const typedEquivalent = (equivalent: number) => `${canvas([rmb(equivalent)], said('Sales were RMB247,795 million (US$35,807 million) in FY2025. [[rmb]]'))}${acked('rule: typed-mismatch, metrics: [rmb], figure: "US$35,807 million against US$34,807 million", reason: The release rounds it.')}`;
    const mismatches = (body: string) => marked(body).filter(([rule]) => rule !== 'typed-figure'); // the amount typed is the figure's: write [[rmb.amount]]
    expect(mismatches(typedEquivalent(34807))).toEqual([['typed-mismatch', 'note']]);
    expect(mismatches(typedEquivalent(30807))).toEqual([['typed-mismatch', 'warning'], ['unmatched-acknowledgement', 'warning']]);
  });

  it('accepts parts by their total only where they add up to the figure it names: not another table of other parts over it', () => {
    const rev2 = (id: string, label: string, value: number) => `${id}: { label: ${label}, value: ${value}, unit: EUR, scale: million, period: FY2025, period_end: 2025-12-31, source: Annual report }`;
    const metrics = [rev2('cloud', 'Cloud revenue', 800), rev2('commerce', 'Commerce revenue', 500), rev2('total', 'Total revenue', 1234.5), rev2('europe', 'Europe revenue', 700), rev2('asia', 'Asia revenue', 800)];
    const ack = acked('rule: parts-over-total, metrics: [total], figure: "€1,300 million against €1,234.5 million", reason: Segments include inter-segment sales.');
    expect(marked(`${canvas(metrics.slice(0, 3), metricTable(['cloud', 'commerce', 'total']))}${ack}`)).toEqual([['parts-over-total', 'note']]);
    const regions = `${canvas(metrics, `${metricTable(['cloud', 'commerce', 'total'])}${metricTable(['europe', 'asia', 'total'])}`)}${ack}`;
    expect(marked(regions)).toEqual([['parts-over-total', 'note'], ['parts-over-total', 'warning']]);
    // The total corrected since: the parts are over another figure.
    expect(marked(`${canvas([...metrics.slice(0, 2), rev2('total', 'Total revenue', 1200)], metricTable(['cloud', 'commerce', 'total']))}${ack}`)).toEqual([['parts-over-total', 'warning'], ['unmatched-acknowledgement', 'warning']]);
  });
});

describe('change-direction', () => {
  const rev = (percent: string, extra = '') => `rev: { label: Revenue, value: 1234.5, unit: EUR, scale: million, period: FY2025, period_end: 2025-12-31, source: Annual report, change: { ${percent} }${extra} }`;
  const said = (text: string) => `          - paragraph: "${text}"\n`;

  it('finds a change printed after words saying the figure moved the other way, at the reference', () => {
    expect(findingsOf(canvas([rev('percent: -3')], said('Revenue rose [[rev.change]] to [[rev]].')))).toEqual([
      '10 change-direction: text [[rev.change]] prints \u22123% after "rose": the words say Revenue went up, but its change for FY2025 is a fall. A series rolled forward to a period in which it turned? Reword the sentence for the figure (or check the change against the source); if the words are right as they are, acknowledge the finding',
    ]);
    for (const words of ['was up', 'grew by', 'increased', '(up']) expect(rules(canvas([rev('percent: -3')], said(`Revenue ${words} [[rev.change]] to [[rev]].`))), words).toEqual(['change-direction']);
    for (const words of ['fell', 'was down', 'declined by', '(down']) expect(rules(canvas([rev('percent: 4.5')], said(`Revenue ${words} [[rev.change]] to [[rev]].`))), words).toEqual(['change-direction']);
    // In the present tense, other verbs, and a noun of the change.
    for (const words of ['rises', 'grows', 'surged', 'was higher by', 'shows an increase of']) expect(rules(canvas([rev('percent: -3')], said(`Revenue ${words} [[rev.change]] to [[rev]].`))), words).toEqual(['change-direction']);
    for (const words of ['falls', 'plunged', 'shows a decline of']) expect(rules(canvas([rev('percent: 4.5')], said(`Revenue ${words} [[rev.change]] to [[rev]].`))), words).toEqual(['change-direction']);
    // Better or worse, by better: a cost-income ratio improves as it falls.
    const cir = (points: number, better: string) => `cir: { label: Cost-income ratio, value: 52.1, unit: percent, period: FY2025, period_end: 2025-12-31, source: Annual report, change: { points: ${points}${better} } }`;
    expect(rules(canvas([cir(-2.1, ', better: lower')], said('Efficiency improved [[cir.change]] to [[cir]].')))).toEqual([]);
    expect(rules(canvas([cir(2.1, ', better: lower')], said('Efficiency improved [[cir.change]] to [[cir]].')))).toEqual(['change-direction']);
    expect(rules(canvas([cir(-2.1, ', better: higher')], said('It improved [[cir.change]] to [[cir]].')))).toEqual(['change-direction']);
    expect(rules(canvas([cir(2.1, ', better: lower')], said('It deteriorated [[cir.change]] to [[cir]].')))).toEqual([]);
    expect(rules(canvas([cir(2.1, '')], said('It improved [[cir.change]] to [[cir]].')))).toEqual([]); // which way is better, unsaid
    // In points too.
    const margin = 'margin: { label: EBIT margin, value: 11.2, unit: percent, period: FY2025, period_end: 2025-12-31, source: Annual report, change: { points: 1.2 } }';
    expect(findingsOf(canvas([margin], said('The margin narrowed, down [[margin.change]], to [[margin]].')))[0]).toContain('text [[margin.change]] prints +1.2 pp after "down": the words say EBIT margin went down, but its change for FY2025 is a rise');
  });

  it('says nothing where the words and the sign agree, say the fall twice, say no direction, or the change has no figure', () => {
    // "rose +4.5%", "fell −3%": a verb reads well with a sign, so doubled-words says nothing either ("was up" it reports).
    expect(rules(canvas([rev('percent: 4.5')], said('Revenue rose [[rev.change]] to [[rev]].')))).toEqual([]);
    expect(rules(canvas([rev('percent: -3')], said('Revenue fell [[rev.change]] to [[rev]].')))).toEqual([]);
    expect(rules(canvas([rev('percent: 4.5')], said('Der Umsatz stieg um [[rev.change]] auf [[rev]].')))).toEqual([]);
    expect(rules(canvas([rev('percent: 4.5')], said('Revenue was [[rev]], up [[rev.change]].')))).toEqual(['doubled-words']);
    expect(rules(canvas([rev('percent: -3')], said('Revenue was [[rev]] ([[rev.change]]).')))).toEqual([]);
    expect(rules(canvas([rev('text: swung to a loss')], said('Revenue rose [[rev.change]] to [[rev]].')))).toEqual([]);
    // A word that only ends in one: "setup", "markup".
    expect(rules(canvas([rev('percent: -3')], said('After the setup [[rev.change]] to [[rev]].')))).toEqual([]);
  });

  it('reads German too: a verb before the change, or "um" before it and the verb after', () => {
    expect(findingsOf(canvas([rev('percent: -3')], said('Der Umsatz ist um [[rev.change]] gestiegen.')))).toEqual([
      '10 change-direction: text [[rev.change]] prints \u22123% between "um" and "gestiegen": the words say Revenue went up, but its change for FY2025 is a fall. A series rolled forward to a period in which it turned? Reword the sentence for the figure (or check the change against the source); if the words are right as they are, acknowledge the finding',
    ]);
    for (const words of ['stieg um', 'ist gestiegen um', 'verzeichnete ein Plus von']) expect(rules(canvas([rev('percent: -3')], said(`Der Umsatz ${words} [[rev.change]].`))), words).toEqual(['change-direction']);
    for (const words of ['sank um', 'ist gesunken um', 'verzeichnete einen Rückgang um']) expect(rules(canvas([rev('percent: 4.5')], said(`Der Umsatz ${words} [[rev.change]].`))), words).toEqual(['change-direction']);
    expect(rules(canvas([rev('percent: 4.5')], said('Der Umsatz ist um [[rev.change]] zurückgegangen.')))).toEqual(['change-direction']);
    // "um" alone, and words that only end in one ("Konsum").
    expect(rules(canvas([rev('percent: -3')], said('Der Umsatz veränderte sich um [[rev.change]] zum Vorjahr.')))).toEqual([]);
    expect(rules(canvas([rev('percent: -3')], said('Der Konsum [[rev.change]] gestiegen.')))).toEqual([]);
  });

  it('finds a figure beside an earlier one of its series after words saying it moved the other way from it', () => {
    const cash = 'cash: { label: Net debt, unit: EUR, scale: million, period_type: as_at, source: Report, values: [{ value: 1308.6, period: 31 Dec 2024, period_end: 2024-12-31 }, { value: 1474.2, period: 30 Jun 2025, period_end: 2025-06-30 }] }';
    const other = 'orders: { label: Order intake, value: 1500, unit: EUR, scale: million, period: H1 2025, period_end: 2025-06-30, source: Report }';
    const text = (t: string) => `          - paragraph: '${t} [[orders]]'\n`;
    expect(findingsOf(canvas([cash, other], text('Net debt was [[cash]] at 30 June 2025, down from [[cash@2024-12-31]] at the year end.')))).toEqual([
      '11 change-direction: text [[cash]] prints €1,474.2 million (30 Jun 2025), and [[cash@2024-12-31]] €1,308.6 million (31 Dec 2024): "down" says Net debt went down, but it rose. A series rolled forward to a period in which it turned? Reword the sentence for the figures (or check them against the source); if the words are right as they are, acknowledge the finding',
    ]);
    for (const t of ['Net debt fell from [[cash@2024-12-31]] to [[cash]].', 'Net debt was [[cash]] (lower by 5% on [[cash@2024-12-31]]).', 'Net debt was [[cash]], a decrease from [[cash@2024-12-31]].', 'Net debt was [[cash]], down 12% versus [[cash@2024-12-31]].']) {
      expect(rules(canvas([cash, other], text(t))), t).toEqual(['change-direction']);
    }
    // The way it went; another measure between or after; another clause; words of no direction: nothing.
    for (const t of ['Net debt was [[cash]], up from [[cash@2024-12-31]].', 'Net debt rose from [[cash@2024-12-31]] to [[cash]].', 'Net debt was [[cash]], down from [[orders]].', 'Net debt was [[cash]]; order intake was down from [[cash@2024-12-31]].', 'Net debt was [[cash]], compared with [[cash@2024-12-31]].', 'Net debt was [[cash]]. Down from [[cash@2024-12-31]] was the year before.']) {
      expect(rules(canvas([cash, other], text(t))), t).toEqual([]);
    }
  });
});

describe('resolved-contradiction', () => {
  const umsatz = (q3: string) => `umsatz: { label: Umsatz, unit: EUR, scale: million, source: Berichte, values: [{ value: 124.2, period: Q2 2025, period_end: 2025-06-30 }, { ${q3}, period: Q3 2025, period_end: 2025-09-30 }] }`;
  const gesamt = (figure: string) => `umsatz_gesamt: { label: Umsatz, ${figure}, unit: EUR, period: Q3 2025, period_end: 2025-09-30, concept: umsatz, source: Segmente }`;
  const declared = (q3: string, figure: string, also = '') => `${canvas([umsatz(q3), gesamt(figure), also].filter(Boolean), '          - paragraph: "[[umsatz]], [[umsatz_gesamt]], [[umsatz@2025-06-30]]"\n')}data_notes:\n  contradictions:\n    - { title: Umsatz Q3 2025, metrics: [umsatz@2025-09-30, umsatz_gesamt${also ? ', third' : ''}], note: Die Segmente ergeben mehr. }\n`;

  it('says a declared contradiction whose figures agree now (a correction made them one) is one no longer, at the declaration', () => {
    expect(findingsOf(declared('value: 131.0', 'value: 131.0, scale: million'))).toEqual([
      '14 resolved-contradiction: declares figures that disagree, but they are one figure: umsatz@2025-09-30 €131.0 million and umsatz_gesamt €131.0 million. The briefing leaves the declaration out, rather than list them under "Where sources disagree" and say of them that the source gives conflicting figures. If a correction settled it, remove the declaration; if the source does give different figures, correct the one typed wrong here',
    ]);
    // The same amount in another scale, or printed with another precision, is the same figure.
    expect(rules(declared('value: 131.0', 'value: 0.131, scale: billion'))).toEqual(['resolved-contradiction']);
    expect(rules(declared('value: 131', 'value: 131.0, scale: million, decimals: 1'))).toEqual(['resolved-contradiction']);
  });

  it('says nothing while any declared figure differs as written: a digit (however far down), the unit, the qualifier, the equivalent, or a third figure', () => {
    expect(rules(declared('value: 131.0', 'value: 131.1, scale: million'))).toEqual([]);
    expect(rules(declared('value: 1965007123', 'value: 1965007124, scale: million'))).toEqual([]); // within 1e-9 of each other
    expect(rules(declared('value: 131.0', 'value: 131.0, scale: million, qualifier: about'))).toEqual([]);
    expect(rules(declared('value: 131.0', 'value: 131.0, scale: million, equivalent: { value: 142, unit: USD, scale: million }'))).toEqual([]);
    // The same amount of another currency is another equivalent.
    expect(rules(declared('value: 131.0, equivalent: { value: 142, unit: USD, scale: million }', 'value: 131.0, scale: million, equivalent: { value: 142, unit: CHF, scale: million }'))).toEqual([]);
    expect(rules(declared('value: 131.0, equivalent: { value: 142, unit: USD, scale: million }', 'value: 131.0, scale: million, equivalent: { value: 0.142, unit: USD, scale: billion }'))).toEqual(['resolved-contradiction']);
    expect(rules(declared('value: 131.0', 'value: 131.0, scale: million', 'third: { label: Umsatz, value: 133.5, unit: EUR, scale: million, period: Q3 2025, period_end: 2025-09-30, concept: umsatz, source: Presse }'))).toEqual([]);
    // Figures in words alike, but of two units, are two figures.
    const words = (unit: string) => `${canvas([`backlog: { label: Backlog, text: "over 2 billion", unit: EUR, period: FY2025, source: Report }`, `backlog_usd: { label: Backlog, text: "over 2 billion", unit: ${unit}, period: FY2025, source: Press }`], '          - paragraph: "[[backlog]] [[backlog_usd]]"\n')}data_notes:\n  contradictions:\n    - { title: Backlog, metrics: [backlog, backlog_usd], note: Two sources. }\n`;
    expect(rules(words('USD'))).toEqual([]);
    expect(rules(words('EUR'))).toEqual(['resolved-contradiction']);
  });
});

describe('typed-figure', () => {
  const revenue = 'revenue: { label: Revenue, value: 39.8, unit: CNY, scale: billion, period: Q3 2025, source: Q3 report, equivalent: { value: 5.6, unit: USD, scale: billion } }';
  const price = 'price: { label: Price, values: [{ value: 3799, period: launch, period_end: 2025-11-27 }, { value: 3899, period: later, period_end: 2025-12-31 }], unit: CNY, period_type: as_at, source: Launch }';
  const capex = 'capex: { label: Capex, value: -126.6, unit: CNY, scale: billion, period: Q3 2025, source: Q3 report }';
  const said = (text: string) => `          - paragraph: '${text}'\n`;

  it('says when the value typed is an earlier quarter\'s in a sentence about a later one, with the later value, rather than advise the old one', () => {
    const quarterly = 'revenue: { label: Revenue, unit: KRW, scale: trillion, source: Releases, values: [{ value: 79.1, period: Q3 2024, period_end: 2024-09-30 }, { value: 86.1, period: Q3 2025, period_end: 2025-09-30, change: { percent: 8.8 } }] }';
    expect(findingsOf(canvas([quarterly], said('Revenue was KRW 79.1 trillion in Q3 2025. The chart shows [[revenue]].')))).toEqual([
      '10 typed-figure: "KRW 79.1 trillion" is typed into the text, and is the value of revenue@2024-09-30 (Q3 2024), but its sentence speaks of "Q3 2025", for which revenue is ₩86.1 trillion: the text may not have been updated. Write [[revenue]] for the Q3 2025 figure, or [[revenue@2024-09-30]] if the Q3 2024 figure is meant (and name its period)',
    ]);
    // A sentence that names the earlier quarter, or compares with it, gets the usual advice.
    // A reference to the series' change, or "over" (more than), gives no later figure: the typed one is still last quarter's.
    for (const text of ['In Q3 2025 revenue grew [[revenue.change]] to KRW 79.1 trillion.', 'In Q3 2025 revenue came in at over KRW 79.1 trillion. The chart shows [[revenue]].']) {
      expect(findingsOf(canvas([quarterly], said(text))).find((f) => f.includes('typed-figure')), text).toMatch(/but its sentence speaks of "Q3 2025", for which revenue is ₩86\.1 trillion/);
    }
    // Nor one that gives the later figure itself, or says the amount is a year earlier's: a comparison, not last quarter's text.
    for (const text of [
      'Revenue was KRW 79.1 trillion in Q3 2024. It is [[revenue]] now.', 'Revenue rose from KRW 79.1 trillion in Q3 2024 to [[revenue]] in Q3 2025.',
      'Revenue in Q3 2025 rose 9% year on year, to [[revenue]] from KRW 79.1 trillion.', 'In Q3 2025 revenue grew, having been KRW 79.1 trillion a year before. Now: [[revenue]].',
      'Q3 2025 revenue beat the KRW 79.1 trillion of the prior year. Now: [[revenue]].',
    ]) {
      expect(findingsOf(canvas([quarterly], said(text))), text).toEqual([
        '10 typed-figure: "KRW 79.1 trillion" is typed into the text, and is the value of revenue@2024-09-30: write [[revenue@2024-09-30]] instead, so that the text changes when the metric is updated and is checked with it',
      ]);
    }
    // Japanese names the quarter by the month its fiscal year ends: 2026年3月期第2四半期 is July to September 2025.
    expect(findingsOf(canvas([quarterly], said('2026年3月期第2四半期の売上高は KRW 79.1 trillion でした。')))[0]).toMatch(/but its sentence speaks of "2026年3月期第2四半期", for which revenue is ₩86\.1 trillion: the text may not have been updated/);
    // A sentence that names no period the checks read ("in the quarter", "the latest quarter", 当第2四半期): which figure
    // it means is not known, and the earlier one's reference would print it as this quarter's for good.
    for (const text of ['Revenue was KRW 79.1 trillion in the quarter. The chart shows [[revenue]].', '当四半期の売上高は KRW 79.1 trillion でした。[[revenue]]', 'In the latest quarter, revenue was KRW 79.1 trillion. [[revenue]]']) {
      expect(findingsOf(canvas([quarterly], said(text))), text).toEqual([
        '10 typed-figure: "KRW 79.1 trillion" is typed into the text, and is the value of revenue@2024-09-30 (Q3 2024), an earlier figure of revenue: its latest is ₩86.1 trillion for Q3 2025, and the sentence names neither period as the checks read it. If the text speaks of Q3 2025, it was not updated: write [[revenue]]. If it means the Q3 2024 figure, write [[revenue@2024-09-30]] and name its period',
      ]);
    }
    // ...and so where a segment table's total series has that figure too: not advised as the earlier figure's reference alone.
    const total = quarterly.replace('revenue: { label: Revenue,', 'total: { label: Total revenue,');
    expect(findingsOf(canvas([quarterly, total], said('Revenue was KRW 79.1 trillion in the quarter. The chart shows [[revenue]] and [[total]].')))[0]).toContain(
      'is the value of revenue@2024-09-30 (Q3 2024) (as is the value of total@2024-09-30), an earlier figure of revenue: its latest is ₩86.1 trillion for Q3 2025, and the sentence names neither period as the checks read it. If the text speaks of Q3 2025, it was not updated: write [[revenue]].',
    );
  });

  it('takes an amount that is the named period\'s figure rounded for that figure, though it is an earlier one\'s too: no text left from last quarter', () => {
    // Q4 FY25 US$1,190 million, Q1 FY26 US$1,193 million: "$1.19 billion" is Q4's exactly and Q1's rounded.
    const quarters = (q4: number, q1: number) => `revenue: { label: Total revenue, unit: USD, scale: million, period_type: quarter, source: Releases, values: [{ value: ${q4}, period: "Q4 FY25 (quarter ended Jun 30, 2025)", period_end: 2025-06-30 }, { value: ${q1}, period: "Q1 FY26 (quarter ended Sep 30, 2025)", period_end: 2025-09-30 }] }`;
    const text = said('Total revenue was $1.19 billion in Q1 FY2026. The chart shows [[revenue]].');
    expect(findingsOf(canvas([quarters(1190, 1193)], text))).toEqual([
      '10 typed-figure: "$1.19 billion" is typed into the text, and is the value of revenue@2025-09-30, rounded (as is the value of revenue@2025-06-30): write [[revenue]] instead, so that the text changes when the metric is updated and is checked with it',
    ]);
    // Both rounded alike: the named period's is the one meant.
    expect(findingsOf(canvas([quarters(1188, 1193)], text))).toEqual([expect.stringContaining('"$1.19 billion" is typed into the text, and is the value of revenue@2025-09-30, rounded (as is the value of revenue@2025-06-30): write [[revenue]] instead')]);
    // The amount that is only the earlier figure is still text left from last quarter.
    for (const [q4, q1] of [[1190, 1250], [1188, 1250]]) {
      expect(findingsOf(canvas([quarters(q4, q1)], text)), `${q4} ${q1}`).toEqual([expect.stringMatching(/"\$1\.19 billion" is typed into the text, and is the value of revenue@2025-06-30 \(Q4 FY25 \(quarter ended Jun 30, 2025\)\)(?:, rounded)?, but its sentence speaks of "Q1 FY2026", for which revenue is US\$1,250 million: the text may not have been updated/)]);
    }
  });

  it('reads the sentence\'s own period after words of comparison that govern another base, and says the typed figure is last quarter\'s', () => {
    const quarterly = 'revenue: { label: Revenue, unit: KRW, scale: trillion, source: Releases, values: [{ value: 79.1, period: Q3 2024, period_end: 2024-09-30 }, { value: 86.1, period: Q3 2025, period_end: 2025-09-30, change: { percent: 8.8 } }] }';
    // "above 20%", "compared with peers", "ahead of consensus", "from memory" compare with no period: Q3 2025 is the sentence's own.
    for (const text of [
      'Margin was above 20%, and in Q3 2025 revenue was KRW 79.1 trillion. The chart shows [[revenue]].', 'Compared with peers, revenue in Q3 2025 was KRW 79.1 trillion. The chart shows [[revenue]].',
      'Revenue was ahead of consensus in Q3 2025 at KRW 79.1 trillion. The chart shows [[revenue]].', 'Revenue from memory in Q3 2025 was KRW 79.1 trillion. The chart shows [[revenue]].',
    ]) {
      expect(findingsOf(canvas([quarterly], said(text))), text).toEqual([expect.stringMatching(/typed-figure: "KRW 79\.1 trillion" is typed into the text, and is the value of revenue@2024-09-30 \(Q3 2024\), but its sentence speaks of "Q3 2025", for which revenue is ₩86\.1 trillion: the text may not have been updated/)]);
    }
  });

  it('takes an earlier value a results release compares with for no text left from last quarter, in German, French and English', () => {
    // Revenue for Q3 2024, Q2 2025 and Q3 2025, in a briefing for Q3 2025: the earlier figures typed as the base of a comparison.
    const label: Record<string, string> = { de: 'Umsatz', fr: 'Chiffre d\'affaires', en: 'Revenue' };
    const findings = (language: string, text: string) => validateWithWarnings(parseCanvas(`${HEAD.replace('period: FY2025, as_of: 2026-02-15, currency: EUR }', `period: Q3 2025, as_of: 2025-11-06, currency: EUR, language: ${language} }`)}${canvas(
      [`umsatz: { label: "${label[language]}", unit: EUR, scale: million, period_type: quarter, source: Releases, values: [{ value: 2250, period: Q3 2024, period_end: 2024-09-30 }, { value: 2310, period: Q2 2025, period_end: 2025-06-30 }, { value: 2412, period: Q3 2025, period_end: 2025-09-30, change: { percent: 7.2 } }] }`],
      said(text.replaceAll("'", "''")),
    )}`, 'c.yaml')).findings.filter((f) => f.rule === 'typed-figure' || f.rule === 'typed-mismatch');
    const stale = (f: { rule: string; message: string; disagreesWith?: string }) => f.rule === 'typed-mismatch' || f.disagreesWith !== undefined || /may not have been updated|an earlier figure of/.test(f.message);
    for (const [language, text] of [
      ['de', 'Rheinwerk erzielte im dritten Quartal 2025 einen Umsatz von 2,41 Mrd. € nach 2,31 Mrd. € im zweiten Quartal.'],
      ['de', 'Im dritten Quartal 2025 stieg der Umsatz auf 2.412 Mio. € (Vorjahr: 2.250 Mio. €).'],
      ['de', 'Im dritten Quartal 2025 stieg der Umsatz auf 2.412 Mio. € (Vorjahresquartal: 2.250 Mio. €).'],
      ['de', 'Im dritten Quartal 2025 stieg der Umsatz auf 2.412 Mio. € nach 2.250 Mio. € im Vorjahreszeitraum.'],
      ['de', 'Im dritten Quartal 2025 stieg der Umsatz auf 2.412 Mio. € gegenüber dem Vorquartal (2.310 Mio. €).'],
      ['de', 'Im dritten Quartal 2025 stieg der Umsatz auf 2.412 Mio. € (Vorquartal: 2.310 Mio. €).'],
      ['de', 'Im dritten Quartal 2025 stieg der Umsatz auf 2.412 Mio. € im Vergleich zu 2.250 Mio. € im Vorjahr.'],
      ['de', 'Im dritten Quartal 2025 stieg der Umsatz auf 2.412 Mio. €, 2.250 Mio. € im Vorjahr.'],
      ['de', 'Rheinwerk erzielte einen Umsatz von 2.412 Mio. € (Vorjahr: 2.250 Mio. €).'],
      ['fr', 'Au T3 2025, Acme a réalisé un chiffre d\'affaires de 2 412 M€, contre 2 310 M€ au deuxième trimestre.'],
      ['fr', 'Au T3 2025, Acme a réalisé un chiffre d\'affaires de 2 412 M€, contre 2 250 M€ un an plus tôt.'],
      ['fr', 'Au T3 2025, Acme a réalisé un chiffre d\'affaires de 2 412 M€, par rapport aux 2 310 M€ du trimestre précédent.'],
      ['fr', 'Au T3 2025, Acme a réalisé un chiffre d\'affaires de 2 412 M€, contre 2 250 M€ au troisième trimestre de l\'exercice précédent.'],
      ['fr', 'Au T3 2025, Acme a réalisé un chiffre d\'affaires de 2 412 M€, 2 250 M€ un an plus tôt.'],
      ['en', 'Revenue was EUR 2.41 billion in Q3 2025 (prior year: EUR 2.25 billion).'],
      ['en', 'Revenue was EUR 2.41 billion in Q3 2025 (Q2: EUR 2.31 billion).'],
      ['en', 'Revenue was EUR 2.41 billion in Q3 2025 after EUR 2.31 billion in the second quarter.'],
      ['en', 'Revenue was EUR 2.41 billion in Q3 2025 (Q3 2024: EUR 2.25 billion).'],
    ]) {
      const found = findings(language!, text!);
      expect(found.filter(stale).map((f) => f.message), text).toEqual([]);
      // The earlier figure still gets the usual advice: its own reference.
      expect(found.map((f) => f.message).join('\n'), text).toMatch(/is the value of umsatz@(?:2024-09-30|2025-06-30): write \[\[umsatz@(?:2024-09-30|2025-06-30)\]\] instead/);
    }
    // An earlier figure typed as the current one is still text left from last quarter, beside a comparison too; and a
    // bracket of another quarter, or a quarter named that is not the amount's own, dates it not.
    for (const [language, text] of [
      ['de', 'Der Umsatz betrug im dritten Quartal 2025 2.310 Mio. €.'],
      ['de', 'Im dritten Quartal 2025 betrug der Umsatz 2.310 Mio. € (Vorjahr: 2.250 Mio. €).'],
      ['fr', 'Au T3 2025, Acme a réalisé un chiffre d\'affaires de 2 310 M€.'],
      ['en', 'Revenue was EUR 2.31 billion in Q3 2025.'],
      ['en', 'Revenue was EUR 2.41 billion in Q3 2025 (Q2: EUR 2.25 billion).'],
      ['en', 'Revenue was EUR 2.31 billion in Q3 2025, the third quarter.'],
    ]) {
      expect(findings(language!, text!).filter(stale).map((f) => f.message)[0], text).toMatch(/but its sentence speaks of "(?:dritten Quartal 2025|T3 2025|Q3 2025)", for which umsatz is .*: the text may not have been updated/);
    }
  });

  it('finds an amount typed into text that is a metric\'s value, or its equivalent, at the amount, naming the reference that prints just that', () => {
    expect(findingsOf(canvas([revenue], said('Cloud made RMB 39.8 billion, or US$5.6bn; [[revenue]].')))).toEqual([
      '10 typed-figure: "RMB 39.8 billion" is typed into the text, and is the value of revenue: write [[revenue.amount]] instead, so that the text changes when the metric is updated and is checked with it',
      '10 typed-figure: "US$5.6bn" is typed into the text, and is the USD equivalent of revenue: write [[revenue.equivalent]] instead, so that the text changes when the metric is updated and is checked with it',
    ]);
    // Written any way a currency is (code, prefix, a source's "¥"; thousands with commas; a scale in any case), one value of a metric with values named by its date.
    expect(findingsOf(canvas([price], said('At launch CNY 3,799 (¥3,799); now [[price]].')))).toEqual([
      '10 typed-figure: "CNY 3,799" is typed into the text, and is the value of price@2025-11-27: write [[price@2025-11-27]] instead, so that the text changes when the metric is updated and is checked with it',
      '10 typed-figure: "¥3,799" is typed into the text, and is the value of price@2025-11-27: write [[price@2025-11-27]] instead, so that the text changes when the metric is updated and is checked with it',
    ]);
    expect(rules(canvas([revenue], '          - bullets: ["Revenue: RMB 39.8 Billion", "[[revenue]]"]\n'))).toEqual(['typed-figure']);
    // A negative figure, its sign typed too.
    expect(findingsOf(canvas([capex], said('Capex of -RMB 126.6 billion; [[capex]].')))[0]).toMatch(/^10 typed-figure: "-RMB 126.6 billion" is typed into the text, and is the value of capex: write \[\[capex\]\]/);
    // A loss as prose writes one, without its minus after "loss of", "outflow of", "losses widened to": written with .size.
    const loss = 'net: { label: Net income (loss), value: -1173, unit: USD, scale: million, period: Q3 2025, source: Letter }';
    for (const text of ['Rivian posted a net loss of US$1,173 million.', 'The cash outflow of US$1,173 million was larger.', 'Losses widened to US$1.17 billion.']) {
      expect(findingsOf(canvas([loss], said(`${text} [[net]]`)))[0], text).toMatch(/typed-figure: "US\$1[.,]17 ?\S* ?\w+" is typed into the text, and is the value of net(, rounded)?: write \[\[net\.size\]\] instead \(the figure without its minus\)/);
    }
    // Each word of a loss LOSS_BEFORE reads, "burn", "deficit" and "shortfall" too: a cash burn typed without its minus is found, at the amount.
    for (const text of ['Cash burn of US$1,173 million in the quarter.', 'A deficit of US$1,173 million in the quarter.', 'A funding shortfall of US$1,173 million in the quarter.']) {
      const found = validateWithWarnings(parseCanvas(`${HEAD}${canvas([loss], said(`${text} [[net]]`))}`, 'c.yaml')).findings;
      expect(found.map((f) => `${f.line}:${f.column} ${f.rule}: ${f.message}`), text).toEqual([
        `10:${'          - paragraph: \''.length + text.indexOf('US$') + 1} typed-figure: "US$1,173 million" is typed into the text, and is the value of net: write [[net.size]] instead (the figure without its minus), so that the text changes when the metric is updated and is checked with it`,
      ]);
    }
    // In Japanese and Chinese prose too.
    const jpLoss = 'net: { label: 当期純損失, value: -42.9, unit: JPY, scale: billion, period: Q3 2025, source: 決算短信 }';
    for (const text of ['当期純損失は429億円となった。', '営業赤字が429億円に拡大した。', '营业净亏损为429亿日元。', '净亏损收窄至429亿日元。']) {
      expect(findingsOf(canvas([jpLoss], said(`${text} [[net]]`)))[0], text).toMatch(/typed-figure: "(?:429億円|429亿日元)" is typed into the text, and is the value of net: write \[\[net\.size\]\] instead/);
    }
    // A loss typed as its equivalent: [[net.equivalent]] would print "a net loss of −US$1,173 million"; .size prints it without.
    const rmbLoss = 'net: { label: Net income (loss), value: -8437, unit: CNY, scale: million, equivalent: { value: -1173, unit: USD, scale: million }, period: Q3 2025, source: Letter }';
    expect(findingsOf(canvas([rmbLoss], said('The group posted a net loss of US$1,173 million. [[net]]')))[0]).toMatch(/write \[\[net\.size\]\] instead \(the amount and its equivalent, without their minus/);
    // Not where no loss is named before it; and a figure kept positive ("impairment losses" of 1,173) is found as itself.
    expect(rules(canvas([loss], said('Revenue rose by US$1,173 million. [[net]]')))).toEqual([]);
    const impairment = 'imp: { label: Impairment losses, value: 1173, unit: USD, scale: million, period: Q3 2025, source: Letter }';
    expect(findingsOf(canvas([impairment], said('Impairment losses of US$1,173 million. [[imp]]')))[0]).toMatch(/write \[\[imp\]\] instead, so that/);
    // In a chart's caption too.
    expect(findingsOf(canvas([revenue], IN_CHART, 'charts:\n  mix:\n    title: Revenue\n    type: bar\n    points: [{ metric: revenue }]\n    caption: Q3 revenue RMB 39.8 billion.\n'))[0]).toMatch(/^10 typed-figure: "RMB 39.8 billion" is typed into the text, and is the value of revenue/);
  });

  it('says an earlier figure typed under a later period is left from last time, of single-value metrics of one measure too', () => {
    const sales = 'sales: { label: Net sales, value: 452.3, unit: EUR, scale: million, period: FY2025, period_end: 2025-12-31, source: Report }';
    const before = 'sales_fy2024: { label: Net sales, value: 430.1, unit: EUR, scale: million, period: FY2024, period_end: 2024-12-31, source: Report }';
    expect(findingsOf(canvas([sales, before], '          - paragraph: "Net sales were EUR 430.1 million in FY2025. Both: [[sales]] [[sales_fy2024]]."\n'))).toEqual([
      '11 typed-figure: "EUR 430.1 million" is typed into the text, and is the value of sales_fy2024 (FY2024), but its sentence speaks of "FY2025", for which sales is €452.3 million: the text may not have been updated. Write [[sales]] for the FY2025 figure, or [[sales_fy2024]] if the FY2024 figure is meant (and name its period)',
    ]);
    // Said as a year earlier's: the reference as usual. Another measure (another label) is no earlier figure of it: its
    // value typed after Net sales's name, in a sentence that does not speak of it, is Net sales's figure typed wrong.
    expect(findingsOf(canvas([sales, before], '          - paragraph: "Net sales grew to [[sales]] in FY2025, up from EUR 430.1 million a year earlier; [[sales_fy2024]]."\n'))[0]).toMatch(/is the value of sales_fy2024: write \[\[sales_fy2024\]\] instead/);
    expect(findingsOf(canvas([sales, before.replace('label: Net sales', 'label: Order intake')], '          - paragraph: "Net sales were EUR 430.1 million in FY2025. Both: [[sales]] [[sales_fy2024]]."\n'))).toEqual([
      expect.stringMatching(/^11 typed-mismatch: "EUR 430\.1 million" is typed into the text as Net sales for "FY2025", but sales is €452\.3 million \(FY2025\)/),
    ]);
  });

  it('reads the scale as German and Swiss sources abbreviate it: Mio., Mrd., Mia.', () => {
    const chf = 'sales: { label: Net sales, value: 452.3, unit: CHF, scale: million, period: H1 2025, source: Report }';
    expect(findingsOf(canvas([chf], '          - paragraph: "Sales were 452.3 Mio. CHF; [[sales]]."\n')).map((f) => f.split('"')[1])).toEqual(['452.3 Mio. CHF']);
    expect(findingsOf(canvas([chf.replace('value: 452.3, unit: CHF, scale: million', 'value: 1.2, unit: EUR, scale: billion')], '          - paragraph: "EUR 1.2 Mrd. in sales; [[sales]]."\n')).map((f) => f.split('"')[1])).toEqual(['EUR 1.2 Mrd.']);
  });

  it('reads numbers in text as the briefing\'s language writes them ("34.176 Mio. €" in German), and says an amount written the English way there', () => {
    const de = (body: string, language = 'de') => validateWithWarnings(parseCanvas(`${HEAD.replace('currency: EUR }', `currency: EUR, language: ${language} }`)}${body}`, 'c.yaml')).findings.map((f) => `${f.rule}: ${f.message}`);
    const revenue = 'umsatz: { label: Umsatzerlöse, value: 34176, unit: EUR, scale: million, period: GJ 2024, source: Bericht }';
    const q3 = 'q3: { label: Umsatzerlöse Q3, value: 9076, unit: EUR, scale: million, period: Q3 2025, source: Bericht }';
    // The German thousands point and the euro's sign after the amount: €34,176 million, the metric's value.
    expect(de(canvas([revenue], '          - paragraph: "Der Umsatz betrug 34.176 Mio. €; [[umsatz]]."\n'))).toEqual([
      'typed-figure: "34.176 Mio. €" is typed into the text, and is the value of umsatz: write [[umsatz]] instead, so that the text changes when the metric is updated and is checked with it',
    ]);
    // A decimal comma, rounded: €9.08 billion for €9,076 million, in a sentence naming the measure.
    expect(de(canvas([q3], '          - paragraph: "Die Umsatzerlöse stiegen auf 9,08 Mrd. €; [[q3]]."\n'))).toEqual([
      'typed-figure: "9,08 Mrd. €" is typed into the text, and is the value of q3, rounded: write [[q3]] instead, so that the text changes when the metric is updated and is checked with it',
    ]);
    // Written the English way in a German text: a German reads €9.076 million.
    expect(de(canvas([q3], '          - paragraph: "Umsatzerlöse: EUR 9,076 Mio.; [[q3]]."\n'))).toEqual([
      'typed-figure: "EUR 9,076 Mio." is typed into the text, which writes numbers with a decimal comma (briefing.language: de, German): its readers read €9.076 million. Written the English way it is the value of q3: write [[q3]] instead, so that the text changes when the metric is updated and is checked with it',
    ]);
    // Said once, as such: not also as a figure that disagrees with q3 for the period its sentence names (typed-mismatch).
    expect(de(canvas([q3.replace('period: Q3 2025', 'period: Q3 2025, period_end: 2025-09-30')], '          - paragraph: "Umsatzerlöse Q3: EUR 9,076 Mio. in Q3 2025; [[q3]]."\n')).map((f) => f.split(':')[0])).toEqual(['typed-figure']);
    // In English (and Swiss German, which writes 1'234.5) the same amount is the figure, as written.
    for (const language of ['en', 'de-CH']) {
      expect(de(canvas([q3], '          - paragraph: "Revenue: EUR 9,076 Mio.; [[q3]]."\n'), language), language).toEqual([
        'typed-figure: "EUR 9,076 Mio." is typed into the text, and is the value of q3: write [[q3]] instead, so that the text changes when the metric is updated and is checked with it',
      ]);
    }
    expect(de(canvas([revenue], '          - paragraph: "Revenue: EUR 34\'176 Mio.; [[umsatz]]."\n'), 'de-CH')[0]).toMatch(/^typed-figure: "EUR 34'176 Mio\." is typed into the text, and is the value of umsatz:/);
    // A round number with a thousands point is one significant digit, a threshold as often as a figure, as in English.
    const thousand = revenue.replace('34176', '1000.3');
    expect(de(canvas([thousand], '          - paragraph: "Marken mit Umsatzerlöse über 1.000 Mio. €; [[umsatz]]."\n'))).toEqual([]);
    expect(de(canvas([thousand], '          - paragraph: "Brands with Umsatzerlöse above EUR 1,000 million; [[umsatz]]."\n'), 'en')).toEqual([]);
    // French groups with spaces, and writes the currency after the amount: read after the space before it (not only after
    // one inside a number: "176 M€" of "34 176 M€" is no amount).
    for (const amount of ['34 176 M€', '34\u202f176 M€', '34 176 Mio. EUR']) {
      expect(de(canvas([revenue], `          - paragraph: "Le chiffre d'affaires atteint ${amount}; [[umsatz]]."\n`), 'fr'), amount).toEqual([
        `typed-figure: "${amount}" is typed into the text, and is the value of umsatz: write [[umsatz]] instead, so that the text changes when the metric is updated and is checked with it`,
      ]);
    }
  });

  it('reads a French amount where French prose has it, after a space: "à 34 176 M€", "soit 13,00 €"', () => {
    const fr = (body: string) => validateWithWarnings(parseCanvas(`${HEAD.replace('currency: EUR }', 'currency: EUR, language: fr }')}${body}`, 'c.yaml')).findings.map((f) => `${f.rule}: ${f.message}`);
    const revenue = 'ca: { label: Chiffre d\'affaires, value: 34176, unit: EUR, scale: million, period: Exercice 2024, source: DEU }';
    const dividend = 'dps: { label: Dividende par action, value: 13.00, unit: EUR, period: Exercice 2024, source: DEU }';
    // The space that groups French thousands also stands before the amount: the amount was read only at the start of a text.
    for (const [metric, text, token, id] of [
      [revenue, 'Le chiffre d\'affaires s\'est élevé à 34 176 M€ ; [[ca]].', '34 176 M€', 'ca'],
      [revenue, 'Le chiffre d\'affaires s\'est élevé à 34\u202f176 M€ ; [[ca]].', '34\u202f176 M€', 'ca'],
      [dividend, 'Le dividende par action est de 13,00 € ; [[dps]].', '13,00 €', 'dps'],
    ]) {
      expect(fr(canvas([metric!], `          - paragraph: "${text}"\n`)), text).toEqual([
        `typed-figure: "${token}" is typed into the text, and is the value of ${id}: write [[${id}]] instead, so that the text changes when the metric is updated and is checked with it`,
      ]);
    }
    // Not the end of a longer number: "2024 176 M€" is no amount of 176 million.
    expect(fr(canvas([revenue.replace('34176', '176')], '          - paragraph: "Chiffre d\'affaires 2024 176 M€ ; [[ca]]."\n'))).toEqual([]);
  });

  it('reads French and Brazilian scale words and currency forms: "9,08 Md€", "1,2 milliard d\'euros", "R$ 34,2 bilhões"', () => {
    const typed = (language: string, currency: string, metric: string, text: string) =>
      validateWithWarnings(parseCanvas(`${HEAD.replace('currency: EUR }', `currency: ${currency}, language: ${language} }`)}${canvas([metric], `          - paragraph: "${text}"\n`)}`, 'c.yaml')).findings.map((f) => `${f.rule}: ${f.message.split(':')[0]}`);
    const net = 'rn: { label: Résultat net, value: 9080, unit: EUR, scale: million, period: Exercice 2024, source: DEU, equivalent: { value: 9.7, unit: USD, scale: billion } }';
    for (const text of ['Le résultat net atteint 9,08 Md€', 'Le résultat net atteint 9,08 Mds €', 'Le résultat net atteint 9,08 milliards d\'euros', 'Le résultat net atteint 9,08 milliards d’euros', 'Le résultat net atteint 9 080 millions d\'euros', 'Le résultat net atteint EUR 9 080 millions']) {
      expect(typed('fr', 'EUR', net, `${text} ; [[rn]].`), text).toEqual([`typed-figure: "${text.slice('Le résultat net atteint '.length)}" is typed into the text, and is the value of rn`]);
    }
    expect(typed('fr', 'EUR', net, 'Le résultat net atteint 9,7 Md$ ; [[rn]].')).toEqual(['typed-figure: "9,7 Md$" is typed into the text, and is the USD equivalent of rn']);
    const lucro = 'll: { label: Lucro líquido, value: 1234.5, unit: BRL, scale: million, period: 3T25, source: Release, equivalent: { value: 231.2, unit: USD, scale: million } }';
    for (const text of ['R$ 1.234,5 milhões', '1.234,5 milhões de reais', 'R$ 1,2345 bilhão']) {
      expect(typed('pt-BR', 'BRL', lucro, `O lucro líquido foi de ${text}; [[ll]].`), text).toEqual([`typed-figure: "${text}" is typed into the text, and is the value of ll`]);
    }
    expect(typed('pt-BR', 'BRL', lucro, 'O lucro líquido foi de US$ 231,2 milhões; [[ll]].')).toEqual(['typed-figure: "US$ 231,2 milhões" is typed into the text, and is the USD equivalent of ll']);
  });

  it('reads amounts as Chinese and Japanese text writes them: "1.2兆円", "1,126億円", "3,450万元"', () => {
    const cap = 'cap: { label: Market cap, value: 1.2, unit: JPY, scale: trillion, qualifier: approx, period: Q3 2025, source: Report }';
    const sales = 'sales: { label: Sales, value: 112.6, unit: JPY, scale: billion, period: Q3 2025, source: Report }';
    const cn = 'cn: { label: China, value: 34.5, unit: CNY, scale: million, period: Q3 2025, source: Report }';
    const found = findingsOf(canvas([cap, sales, cn], said('[[cap]] (about 1.2兆円); [[sales]], or 1,126億円; [[cn]] (3,450万元); 1.3兆円 and 12円 are no figure of ours.')));
    expect(found.map((f) => f.split('"')[1])).toEqual(['1.2兆円', '1,126億円', '3,450万元']);
    // Trillions and the rest together, as Japanese results write them.
    const total = 'total: { label: Sales, value: 3107.5, unit: JPY, scale: billion, period: Q3 2025, source: Report }';
    expect(findingsOf(canvas([total], said('[[total]], 3兆1,075億円.'))).map((f) => f.split('"')[1])).toEqual(['3兆1,075億円']);
    // In full-width digits, as a Japanese input method types them: read, and quoted and placed as written.
    const found2 = findingsOf(canvas([total, sales.replace('label: Sales', 'label: Operating income')], said('[[total]] [[sales]]; 売上高は３兆１，０７５億円、営業利益は１，１２６億円。')));
    expect(found2.map((f) => f.split('"')[1])).toEqual(['３兆１，０７５億円', '１，１２６億円']);
    expect(found2[0]).toMatch(/^11 typed-figure/);
    // In Japanese quotation marks it quotes a source, and is left alone.
    expect(findingsOf(canvas([total], said('[[total]]; 社長は「売上収益3兆1,075億円」と述べた。')))).toEqual([]);
  });

  it('finds a figure typed rounded, to three significant digits at least, and says so', () => {
    const rev = 'rev: { label: Revenue, value: 32303, unit: EUR, scale: million, period: Q3 2025, source: Report }';
    const found = findingsOf(canvas([rev], said('[[rev]]. The release gave revenue of €32.3 billion; €32 billion, €32.4 billion and US$32.3 billion are others.')));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/"€32\.3 billion" is typed into the text, and is the value of rev, rounded: write \[\[rev\]\] instead/);
    // Not where the sentence names another measure, or a plan, target, backlog or earlier statement: a round figure alike.
    for (const text of ['Capex of €32.3 billion was approved.', 'Management targets revenue of €32.3 billion.', 'Revenue was previously reported as €32.3 billion.', 'The revenue backlog stands at €32.3 billion.']) {
      expect(findingsOf(canvas([rev], said(`[[rev]]. ${text}`))), text).toEqual([]);
    }
    // Nor where it names only the whole company a label's word also says: "the group" is the company, whatever the measure.
    const group = rev.replace('label: Revenue', 'label: Group revenue');
    expect(rules(canvas([group], said("[[rev]]. The group''s revenue reached €32.3 billion.")))).toEqual(['typed-figure']);
    expect(rules(canvas([group], said("[[rev]]. The group''s share buybacks totalled €32.3 billion.")))).toEqual([]);
  });

  it('finds a change typed beside a figure\'s reference that its stated YoY change contradicts, and leaves one on another basis alone', () => {
    const rev = 'rev: { label: Revenue, value: 436.9, unit: EUR, scale: million, period: Q3 2025, source: Report, change: { percent: 8.8 } }';
    expect(findingsOf(canvas([rev], said('Revenue grew 20% to [[rev]] in the quarter.')))).toEqual([
      '10 typed-figure: "grew 20%" is typed into the text beside [[rev]], whose stated change is +8.8% YoY: the two disagree, and the reader sees both. Correct the text or the figure\'s change; write [[rev.change]] to print the stated change, which follows the figure',
    ]);
    for (const text of ['Revenue was [[rev]], down 2%.', '营收同比增长20%至[[rev]]。', 'Revenue was [[rev]] (up 12%).']) {
      expect(findingsOf(canvas([rev], said(text))), text).toEqual([expect.stringMatching(/typed-figure: "(?:down 2%|同比增长20%|up 12%)" is typed into the text beside \[\[rev\]\], whose stated change is \+8\.8% YoY/)]);
    }
    // As stated, rounded as typed; on another basis; not tied to the reference; or a figure that states no change: nothing.
    for (const text of ['Revenue was [[rev]], up 8.8%.', 'Revenue was [[rev]], up 9% year on year.', 'Revenue was [[rev]], up 3.8% sequentially.', 'Revenue rose 3% quarter on quarter to [[rev]].', 'Revenue was [[rev]] (up 12% in constant currency).', 'Revenue was [[rev]] in the quarter; cloud was up 20%.', 'Revenue was [[rev]], up 3.8% from Q2 2025.', 'Revenue was [[rev]], up 3.8% on the previous quarter.', '营收为[[rev]]，较上季度增长3.8%。']) {
      expect(findingsOf(canvas([rev], said(text))), text).toEqual([]);
    }
    expect(findingsOf(canvas([rev.replace(', change: { percent: 8.8 }', '')], said('Revenue grew 20% to [[rev]].')))).toEqual([]);
    // "was up 20% to", the usual English, and a signed change in brackets or after a comma, as analysts write it.
    for (const [text, typed] of [['Revenue was up 20% to [[rev]].', 'up 20%'], ['Revenue was down 2% to [[rev]].', 'down 2%'], ['Revenue was [[rev]] (+12%).', '+12%'], ['Revenue was [[rev]], \u22128.8% YoY.', '\u22128.8%']] as const) {
      expect(findingsOf(canvas([rev], said(text))), text).toEqual([`10 typed-figure: "${typed}" is typed into the text beside [[rev]], whose stated change is +8.8% YoY: the two disagree, and the reader sees both. Correct the text or the figure's change; write [[rev.change]] to print the stated change, which follows the figure`]);
    }
    for (const text of ['Revenue was up 9% to [[rev]].', 'Revenue was [[rev]] (+8.8%).', 'Revenue was up 3% sequentially to [[rev]].', 'Revenue was [[rev]] (+12% in constant currency).', 'Revenue was [[rev]] - 12% of it in Asia.']) {
      expect(findingsOf(canvas([rev], said(text))), text).toEqual([]);
    }
    // A change stated whole (+9%) allows what rounds to it: "up 8.8%" agrees, "up 9.6%" does not.
    const whole = rev.replace('percent: 8.8', 'percent: 9');
    expect(findingsOf(canvas([whole], said('Revenue was [[rev]], up 8.8%.')))).toEqual([]);
    expect(rules(canvas([whole], said('Revenue was [[rev]], up 9.6%.')))).toEqual(['typed-figure']);
  });

  it('reads a change\'s basis to the end of its clause, a quarter named by its number alone too, and not in the next clause', () => {
    const rev = 'revenue: { label: Revenue, unit: EUR, scale: million, period_type: quarter, source: Report, values: [{ value: 397.1, period: Q2 2025, period_end: 2025-06-30 }, { value: 402.6, period: Q3 2025, period_end: 2025-09-30, change: { percent: 8.3 } }] }';
    // Sequential: 402.6 on 397.1 is up 1.4%.
    for (const text of ['Revenue was [[revenue]], up 1.4% from €397.1 million in the second quarter.', 'Revenue was [[revenue]], up 1.4% on €397.1 million in the second quarter.', 'Revenue was [[revenue]], up 8.3% year on year and 1.4% from the second quarter.']) {
      expect(findingsOf(canvas([rev], said(text))).filter((f) => f.includes('stated change')), text).toEqual([]);
    }
    for (const text of ['Revenue was [[revenue]], up 1.4% year on year and 8.3% from Q2 2025.', 'Revenue was [[revenue]], up 1.4%; it was 8.3% from the second quarter.']) {
      expect(findingsOf(canvas([rev], said(text))), text).toEqual([expect.stringContaining('typed-figure: "up 1.4%" is typed into the text beside [[revenue]], whose stated change is +8.3% YoY')]);
    }
  });

  it('reads a change typed beside a figure whose period words carry its months in brackets, as a fiscal quarter is glossed: "in Q2 FY2025 (July–September 2025)"', () => {
    const rev = 'revenue: { label: Revenue, unit: JPY, scale: billion, period_type: quarter, source: Report, values: [{ value: 298.4, period: "Q2 FY2024 (Jul–Sep 2024)", period_end: 2024-09-30 }, { value: 326.9, period: "Q2 FY2025 (Jul–Sep 2025)", period_end: 2025-09-30, change: { percent: 9.6 } }] }';
    for (const text of ['Revenue rose 15% to [[revenue]] in Q2 FY2025 (July–September 2025).', 'Revenue was [[revenue]] in Q2 FY2025 (July–September 2025), up 15% year on year.', 'Revenue grew 15% to [[revenue]] in Q3 2025 (Jul–Sep 2025).']) {
      expect(findingsOf(canvas([rev], said(text))), text).toEqual([expect.stringMatching(/typed-figure: "(?:rose|up|grew) 15%" is typed into the text beside \[\[revenue\]\], whose stated change is \+9\.6% YoY/)]);
    }
    // As stated; a bracket that is no gloss of its period.
    for (const text of ['Revenue rose 9.6% to [[revenue]] in Q2 FY2025 (July–September 2025).', 'Revenue was [[revenue]] in Q2 FY2025 (July–September 2025), up 10% year on year.', 'Revenue was [[revenue]] in Q2 FY2025 (April–June 2025: ¥301.2 billion), up 15% on the first quarter.']) {
      expect(findingsOf(canvas([rev], said(text))).filter((f) => f.includes('stated change')), text).toEqual([]);
    }
  });

  it('reads a change typed after a figure and its period\'s words, as analysts write it: "[[revenue]] in Q3 2025, up 3.8% YoY", "€402.6 million in Q3 2025, up 3.8%"', () => {
    const rev = 'revenue: { label: Revenue, unit: EUR, scale: million, period_type: quarter, source: Report, values: [{ value: 371.7, period: Q3 2024, period_end: 2024-09-30 }, { value: 402.6, period: Q3 2025, period_end: 2025-09-30, change: { percent: 8.3 } }] }';
    const orders = 'orders: { label: Order intake, value: 420, unit: EUR, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Report }';
    const found = (text: string) => findingsOf(canvas([rev, orders], said(`${text} [[revenue]] [[orders]]`))).filter((f) => /typed-(?:figure|mismatch): "[^"]*%/.test(f));
    expect(found('Revenue was [[revenue]] in Q3 2025, up 3.8% YoY, and order intake reached [[orders]].')).toEqual([
      '11 typed-figure: "up 3.8%" is typed into the text beside [[revenue]], whose stated change is +8.3% YoY: the two disagree, and the reader sees both. Correct the text or the figure\'s change; write [[revenue.change]] to print the stated change, which follows the figure',
    ]);
    expect(found('Revenue was €402.6 million in Q3 2025, up 3.8% on a year earlier, and order intake reached [[orders]].')).toEqual([
      '11 typed-mismatch: "3.8%" is typed into the text as the change of Revenue for "Q3 2025", but revenue@2025-09-30 states a change of +8.3% YoY (Q3 2025): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[revenue.change]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
    // Other period words, brackets, and year-on-year as English writes it (the period a year before named too).
    for (const text of ['Revenue was [[revenue]] for the quarter, up 3.8%.', 'Revenue was [[revenue]] in Q3 2025 (+3.8% YoY).', 'Revenue was [[revenue]] in the third quarter, up 3.8%.', 'Revenue was [[revenue]] in the third quarter of 2025, down 3.8%.',
      'Revenue was [[revenue]] in Q3 2025, up 3.8% versus Q3 2024.', 'Revenue was [[revenue]] in Q3 2025, up 3.8% year on year.',
      'Revenue was [[revenue]] in Q3 2025, up 3.8% compared with the third quarter of 2024.', 'Revenue was [[revenue]] in Q3 2025, up 3.8% compared with the third quarter last year.']) {
      expect(found(text), text).toEqual([expect.stringMatching(/^11 typed-figure: "(?:up 3\.8%|\+3\.8%|down 3\.8%)" is typed into the text beside \[\[revenue\]\], whose stated change is \+8\.3% YoY/)]);
    }
    for (const text of ['Revenue was €402.6 million in Q3 2025, up 3.8% year on year.', 'Revenue was €402.6 million in Q3 2025, up 3.8% from a year earlier.', 'Revenue was €402.6 million in Q3 2025, up 3.8% versus Q3 2024.',
      'Revenue was €402.6 million in Q3 2025 and increased 3.8%.', 'In Q3 2025 revenue grew 3.8% versus Q3 2024.']) {
      expect(found(text), text).toEqual([expect.stringMatching(/^11 typed-mismatch: "3\.8%" is typed into the text as the change of Revenue/)]);
    }
    // The change stated, as typed or rounded; on another basis; past other words than a period's, or another period's
    // (period-mismatch's); compared with another period than the year before: nothing.
    for (const text of ['Revenue was [[revenue]] in Q3 2025, up 8.3% YoY.', 'Revenue was [[revenue]] in Q3 2025, up 8%.', 'Revenue was €402.6 million in Q3 2025, up 8% on a year earlier.', 'Revenue was €402.6 million in Q3 2025, up 8.3%.',
      'Revenue was [[revenue]] in Q3 2025, up 3.8% sequentially.', 'Revenue was [[revenue]] in Q3 2025, up 3.8% QoQ.', 'Revenue was [[revenue]] in Q3 2025, up 3.8% in constant currency.',
      'Revenue was €402.6 million in Q3 2025, up 3.8% sequentially.', 'Revenue was €402.6 million in Q3 2025, up 3.8% QoQ.', 'Revenue was €402.6 million in Q3 2025, up 3.8% in constant currency.',
      'Revenue was [[revenue]] in China, up 3.8%.', 'Revenue was €402.6 million in China, up 3.8%.', 'Revenue was [[revenue]] for the year, up 3.8%.', 'Revenue was [[revenue]] in the year to date, up 3.8%.', 'Revenue was [[revenue]] in Q2 2025, up 3.8%.',
      'Revenue was [[revenue]] in Q3 2025, up 3.8% versus Q2 2025.', 'Revenue was €402.6 million in Q3 2025, up 3.8% from Q2 2025.', 'Revenue was [[revenue]] in Q3 2025 and order intake grew 3.8%.',
      // (A review's: the quarter before, named in full or by its ordinal alone.)
      'Revenue was [[revenue]] in Q3 2025, up 3.8% compared with the second quarter of 2025.', 'Revenue was [[revenue]] in Q3 2025, up 3.8% from the second quarter.',
      'Revenue was €402.6 million in Q3 2025, up 3.8% compared with the second quarter of 2025.', 'Revenue was €402.6 million in Q3 2025, up 3.8% from the second quarter.']) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('reads a change after a figure\'s period words in linear time, whatever the text', () => {
    const rev = 'revenue: { label: Revenue, value: 402.6, unit: EUR, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Report, change: { percent: 8.3 } }';
    for (const run of [`Revenue was €402.6 million${' in Q3 2025'.repeat(5_000)}, up 3.8%`, `[[revenue]]${' in'.repeat(30_000)} Q3 2025, up 3.8%`, `[[revenue]] ${'for the quarter, '.repeat(5_000)}up 3.8%`,
      `Revenue was €1 million in${' '.repeat(100_000)}Q3 2025, up 3.8%`, `[[revenue]] for the${' '.repeat(100_000)}quarter, up 3.8%`, `Revenue was €402.6 million in Q3 2025,${' '.repeat(100_000)}up 3.8%`,
      // (An outsider's "per" or "citing" opening a clause, read after a run of blanks or many times.)
      `Revenue was €402.6 million,${' '.repeat(100_000)}per ${'citing as '.repeat(10_000)}Reuters said revenue was €402.6 million in Q3 2025, up 3.8%`]) {
      expect(() => findingsOf(canvas([rev], said(run)))).not.toThrow();
    }
    expect(rules(canvas([rev], said(`Revenue was [[revenue]] in Q3 2025, up 3.8%.${' x'.repeat(50_000)}`)))).toEqual(['typed-figure']);
  });

  it('compares a YoY change typed about a figure that states none with the change its figure a year earlier gives, as rounded', () => {
    // FY2024 €1,100 million, FY2025 €1,204 million: +9.45%, +9.36% to +9.55% as both figures round.
    const series = (extra = '') => `revenue: { label: Revenue, unit: EUR, scale: million, period_type: fiscal_year, source: Annual report, values: [{ value: 1100, period: FY2024, period_end: 2024-12-31 }, { value: 1204, period: FY2025, period_end: 2025-12-31${extra} }] }`;
    const found = (text: string, metrics = [series()]) => findingsOf(canvas(metrics, said(text))).filter((f) => /typed-(?:figure|mismatch)/.test(f));
    // Beside its reference: as a stated change is reported there (typed-figure).
    expect(found('Revenue reached [[revenue]], up 12%.')).toEqual([
      '10 typed-figure: "up 12%" is typed into the text beside [[revenue]], which is €1,204 million (FY2025) against €1,100 million a year earlier (revenue@2024-12-31, FY2024): a change of +9.5%, and the two disagree, beyond the rounding of both, and the reader sees both. Correct the text or the figures; or state the change on the figure (its change.percent, as the source gives it) and write [[revenue.change]] to print it, which follows the figure',
    ]);
    // After its reference and its period's words too (typed-figure, as beside it).
    expect(found('Revenue reached [[revenue]] in FY2025, up 12% year on year.')).toEqual([expect.stringContaining('10 typed-figure: "up 12%" is typed into the text beside [[revenue]], which is €1,204 million (FY2025) against €1,100 million a year earlier')]);
    // In a sentence naming the measure and period: as a stated change is reported there (typed-mismatch).
    for (const text of ['Revenue grew 12% in FY2025 to [[revenue]].', 'Revenue was €1.2 billion in FY2025, up 12% year on year.']) {
      expect(found(text), text).toEqual([expect.stringContaining('typed-mismatch: "12%" is typed into the text as the change of Revenue for "FY2025", but revenue@2025-12-31 gives a change of +9.5% (FY2025, against its figure a year earlier, revenue@2024-12-31: €1,100 million, FY2024)')]);
    }
    // Within the rounding of the typed change and of both figures; on another basis; a year-earlier figure the canvas
    // lacks; a change the figure states (compared with that instead, as before): nothing.
    for (const text of ['Revenue reached [[revenue]], up 9%.', 'Revenue reached [[revenue]], up 9.4%.', 'Revenue reached [[revenue]], up 9.5%.', 'Revenue reached [[revenue]], up 10%.', 'Revenue grew 9.5% in FY2025 to [[revenue]].',
      'Revenue reached [[revenue]] in FY2025, up 9% year on year.', 'Revenue reached [[revenue]], up 12% organically.', 'Revenue reached [[revenue]], up 12% in constant currency.', 'Revenue reached [[revenue]] in FY2025, up 12% sequentially.']) {
      expect(found(text), text).toEqual([]);
    }
    const alone = 'revenue: { label: Revenue, unit: EUR, scale: million, period_type: fiscal_year, source: Annual report, values: [{ value: 1204, period: FY2025, period_end: 2025-12-31 }] }';
    expect(found('Revenue reached [[revenue]], up 12%.', [alone])).toEqual([]);
    expect(found('Revenue reached [[revenue]], up 12%.', [series(', change: { percent: 12, basis: organic }')])).toEqual([]);
    // Beyond the typed change's rounding: "up 9.3%" is not +9.36% to +9.55%.
    expect(rules(canvas([series()], said('Revenue reached [[revenue]], up 9.3%.')))).toEqual(['typed-figure']);
  });

  it('reads a change typed as Japanese writes it, the figure before its word: 前年同期比15%増の[[rev]], [[rev]]（前年同期比15%増）', () => {
    const rev = 'rev: { label: Revenue, value: 436.9, unit: EUR, scale: million, period: Q3 2025, source: Report, change: { percent: 8.8 } }';
    for (const [text, typed] of [['売上高は前年同期比15%増の[[rev]]となった。', '前年同期比15%増'], ['売上高は[[rev]]（前年同期比15%増）。', '前年同期比15%増'], ['売上高は15%増の[[rev]]。', '15%増'], ['売上高は[[rev]]、前年同期比3%減。', '前年同期比3%減']]) {
      expect(findingsOf(canvas([rev], said(text))), text).toEqual([`10 typed-figure: "${typed}" is typed into the text beside [[rev]], whose stated change is +8.8% YoY: the two disagree, and the reader sees both. Correct the text or the figure's change; write [[rev.change]] to print the stated change, which follows the figure`]);
    }
    // As stated, rounded as typed; or sequential (前期比, 前四半期比): nothing.
    for (const text of ['売上高は前年同期比8.8%増の[[rev]]。', '売上高は[[rev]]（前年同期比9%増）。', '売上高は前期比3%増の[[rev]]。', '売上高は前四半期比3%増の[[rev]]。']) {
      expect(findingsOf(canvas([rev], said(text))), text).toEqual([]);
    }
  });

  /** The typed-figure findings of a Japanese canvas (ja-JP, whose words of another basis are Japanese) of `metrics`, whose paragraph says `text`. */
  const typedInJapanese = (metrics: string[], text: string) => validateWithWarnings(parseCanvas(`${HEAD.replace('currency: EUR }', 'currency: JPY, language: ja-JP }')}${canvas(metrics, said(text))}`, 'c.yaml'))
    .findings.filter((f) => f.rule === 'typed-figure').map((f) => `${f.rule}: ${f.message}`);

  it('reads a Japanese change\'s basis to the end of its clause: not the 累計 or 調整後 of the next figure\'s, after 、', () => {
    const rev = 'rev: { label: 売上高, value: 326.9, unit: JPY, scale: billion, period: 2026年3月期 第2四半期, source: 決算短信, change: { percent: 9.6 } }';
    const half = 'rev_1h: { label: 売上高, value: 645.1, unit: JPY, scale: billion, period: 2026年3月期 第2四半期累計, period_type: half_year, source: 決算短信 }';
    const profit = 'op: { label: 営業利益, value: 29.8, unit: JPY, scale: billion, period: 2026年3月期 第2四半期, source: 決算短信 }';
    const typedFigure = (text: string) => typedInJapanese([rev, half, profit], text);
    for (const text of [
      '売上高は[[rev]]（前年同期比15%増）となり、第2四半期累計の売上高は[[rev_1h]]でした。',
      '売上高は前年同期比15%増の[[rev]]、第2四半期累計の売上高は[[rev_1h]]でした。',
      '売上高は[[rev]]（前年同期比15%増）、調整後営業利益は[[op]]でした。',
      // (The next sentence's, as the trial's canvas had it.)
      '売上高は[[rev]]（前年同期比15%増）となりました。第2四半期累計の売上高は[[rev_1h]]でした。',
    ]) {
      expect(typedFigure(text), text).toEqual([expect.stringContaining('typed-figure: "前年同期比15%増" is typed into the text beside [[rev]], whose stated change is +9.6% YoY')]);
    }
    // Its own basis, in its brackets after a 、, is still read: on another basis than the stated change, nothing.
    for (const text of ['売上高は[[rev]]（前年同期比15%増、為替影響を除く）となりました。', '売上高は[[rev]]（前年同期比15%増、累計）でした。']) {
      expect(typedFigure(text), text).toEqual([]);
    }
  });

  it('reads a half\'s change beside its figure in a sentence that names the half as a 決算短信 does: the 累計 of "第2四半期累計" is its period, no other basis', () => {
    const half = 'rev_1h: { label: 売上高, value: 645.1, unit: JPY, scale: billion, period: 2026年3月期 第2四半期累計, period_type: half_year, period_end: 2025-09-30, source: 決算短信, change: { percent: 9.6 } }';
    expect(typedInJapanese([half], '2026年3月期 第2四半期累計の売上高は[[rev_1h]]（前年同期比15%増）でした。')).toEqual([expect.stringContaining('typed-figure: "前年同期比15%増" is typed into the text beside [[rev_1h]], whose stated change is +9.6% YoY')]);
    // Its stated change; and nine months ("第3四半期累計", no period read), another basis still.
    for (const text of ['2026年3月期 第2四半期累計の売上高は[[rev_1h]]（前年同期比9.6%増）でした。', '2026年3月期 第3四半期累計の売上高は[[rev_1h]]（前年同期比15%増）でした。']) {
      expect(typedInJapanese([half], text), text).toEqual([]);
    }
  });

  it('finds a figure typed rounded in Chinese, Japanese or Korean, where the sentence names the measure as they do, and one written in 亿 and 万', () => {
    const rev = 'rev: { label: Revenue, value: 192869, unit: CNY, scale: million, period: Q3 2025, source: Results }';
    for (const text of ['第三季度营收为1,929亿元。', '收入达1,928.7亿元。', '营收为1928亿6900万元。', '营收为1,928亿6,900万元。']) {
      expect(findingsOf(canvas([rev], said(`[[rev]]。${text}`))), text).toEqual([expect.stringMatching(/typed-figure: "[^"]+" is typed into the text, and is the value of rev(, rounded)?: write \[\[rev\]\] instead/)]);
    }
    // A label in Chinese, its own words; not a target, nor a sentence of another measure.
    const zh = 'rev: { label: 营业收入, value: 192869, unit: CNY, scale: million, period: Q3 2025, source: 业绩公告 }';
    expect(findingsOf(canvas([zh], said('[[rev]]。营业收入约1,929亿元。')))).toHaveLength(1);
    for (const text of ['公司目标营收为1,929亿元。', '资本开支为1,929亿元。', '利息收入为1,929亿元。']) expect(findingsOf(canvas([rev], said(`[[rev]]。${text}`))), text).toEqual([]);
  });

  it('reads amounts as Indian text writes them: "Rs 130.1 billion", "₹13,010 crore", "₹1,30,100 million", "12,456 crore rupees"', () => {
    const rev = 'rev: { label: Revenue, value: 130.1, unit: INR, scale: billion, period: Q2 FY26, source: Report }';
    const profit = 'profit: { label: Net profit, value: 124.56, unit: INR, scale: billion, period: Q2 FY26, source: Report }';
    const found = findingsOf(canvas([rev, profit], said('[[rev]]: Rs 130.1 billion, Rs. 130.1 billion, ₹13,010 crore, Rs 130,100 million or ₹1,30,100 million; [[profit]] (12,456 crore rupees). Rs 5 and ₹13,011 crore are no figure of ours.')));
    expect(found.map((f) => f.split('"')[1])).toEqual(['Rs 130.1 billion', 'Rs. 130.1 billion', '₹13,010 crore', 'Rs 130,100 million', '₹1,30,100 million', '12,456 crore rupees']);
  });

  it('finds an amount whose currency is written after it, as sources write it: "39.8 billion yuan", "5.6 billion US dollars", "126.6 billion CNY"', () => {
    expect(findingsOf(canvas([revenue, capex], said('Cloud made 39.8 billion yuan (5.6 billion US dollars, or US $5.6 billion); capex -126.6 Billion CNY; [[revenue]] [[capex]].')))).toEqual([
      '11 typed-figure: "39.8 billion yuan" is typed into the text, and is the value of revenue: write [[revenue.amount]] instead, so that the text changes when the metric is updated and is checked with it',
      '11 typed-figure: "5.6 billion US dollars" is typed into the text, and is the USD equivalent of revenue: write [[revenue.equivalent]] instead, so that the text changes when the metric is updated and is checked with it',
      '11 typed-figure: "$5.6 billion" is typed into the text, and is the USD equivalent of revenue: write [[revenue.equivalent]] instead, so that the text changes when the metric is updated and is checked with it',
      '11 typed-figure: "-126.6 Billion CNY" is typed into the text, and is the value of capex: write [[capex]] instead, so that the text changes when the metric is updated and is checked with it',
    ]);
    expect(findingsOf(canvas([revenue], said('RMB 39.8 billion yuan; 39.8 billion renminbi; 5.6 billion dollars; [[revenue]].'))).map((f) => f.split('"')[1])).toEqual(['RMB 39.8 billion', '39.8 billion renminbi', '5.6 billion dollars']);
    // Quoted as written, up to the currency read: "euro", not the start of "eurobonds".
    expect(findingsOf(canvas([revenue.replace('value: 39.8, unit: CNY', 'value: 39.8, unit: EUR')], said('39.8 billion euro eurobonds; [[revenue]].'))).filter((f) => f.includes(' typed-figure: ')).map((f) => f.split('"')[1])).toEqual(['39.8 billion euro']);
    // Not another currency\'s dollars, not a word that is no currency, not a year before a code.
    expect(rules(canvas([revenue], said('5.6 billion Hong Kong dollars; 5.6 billion shares; 39.8 billion yuanbao; [[revenue]].')))).toEqual([]);
  });

  it('places each at its own occurrence, not at a longer amount that starts the same', () => {
    const fee = 'fee: { label: Fee, value: 88, unit: CNY, period: FY2025, source: Price list }';
    const text = canvas([fee], said('Membership costs RMB 888 a year (RMB 88 for some); [[fee]].'));
    const column = `${HEAD}${text}`.split('\n')[9]!.indexOf('RMB 88 ') + 1;
    expect(validateWithWarnings(parseCanvas(`${HEAD}${text}`, 'c.yaml')).findings.map((f) => [f.rule, f.line, f.column])).toEqual([['typed-figure', 10, column]]);
  });

  it('says nothing for what a reference prints, a quotation, another amount, currency or sign, or a threshold of one significant digit', () => {
    const threshold = 'subsidy: { label: Subsidy, value: 1, unit: CNY, scale: billion, period: FY2025, source: Release }';
    expect(rules(canvas([revenue, threshold, capex], said('[[revenue]], not RMB 39.9 billion, nor EUR 39.8 billion; [[subsidy]] for brands surpassing RMB 1 billion; the source writes "RMB 39.8 billion"; capex [[capex]], down by RMB 126.6 billion.')))).toEqual([]);
    // Quoted as German writes quotes: „…“ and »…«.
    expect(rules(canvas([revenue], said('[[revenue]]; die Quelle schreibt „RMB 39.8 billion“ und »RMB 39.8 billion«.')))).toEqual([]);
  });
});

describe('typed-figure of ten digits or more', () => {
  const h = 'h: { label: Total assets, value: 1965007123, unit: IDR, scale: million, period: FY2025, source: Annual report }';
  /** The text, then a paragraph that refers to the metric (h or m), which is then used. */
  const said = (text: string) => `          - paragraph: '${text}'\n          - paragraph: '[[${text.includes('EUR') ? 'm' : 'h'}]]'\n`;

  it('calls a typed amount the value of a metric only when its digits are the figure\'s: one million off in ten digits is another figure', () => {
    expect(findingsOf(canvas([h], said('The bank held IDR 1,965,007,123 million at year end.')))).toEqual([
      '10 typed-figure: "IDR 1,965,007,123 million" is typed into the text, and is the value of h: write [[h]] instead, so that the text changes when the metric is updated and is checked with it',
    ]);
    // Within 1e-9 of the figure, and neither it nor rounded from it.
    expect(findingsOf(canvas([h], said('The bank held IDR 1,965,007,124 million at year end.')))).toEqual([]);
    // Typed as the figure of its measure and period, it is one that disagrees (typed-mismatch passed it over as the figure).
    expect(findingsOf(canvas([h], said('Total assets were IDR 1,965,007,124 million in FY2025.')))).toEqual([
      '10 typed-mismatch: "IDR 1,965,007,124 million" is typed into the text as Total assets for "FY2025", but h is IDR 1,965,007,123 million (FY2025): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[h]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
    expect(findingsOf(canvas([h.replace('1965007123, unit: IDR, scale: million', '12345678901.234, unit: IDR, scale: thousand')], said('The bank held IDR 12,345,678,901.334 thousand at year end.')))).toEqual([]);
    // Fifteen significant digits, the most a figure has, the last one off: another figure, not the value.
    expect(findingsOf(canvas([h.replace('1965007123, unit: IDR, scale: million', '123456789012.345, unit: IDR, scale: thousand')], said('The bank held IDR 123,456,789,012.346 thousand at year end.')))).toEqual([]);
  });

  it('still takes the same amount in another scale for the value, whose product in floating point is not exact (1.005 billion)', () => {
    const m = 'm: { label: Total assets, value: 1005, unit: EUR, scale: million, period: FY2025, source: Annual report }';
    expect(rules(canvas([m], said('The bank held EUR 1.005 billion at year end.')))).toEqual(['typed-figure']);
    expect(rules(canvas([m.replace('1005, unit: EUR, scale: million', '1.005, unit: EUR, scale: billion')], said('The bank held EUR 1,005 million at year end.')))).toEqual(['typed-figure']);
  });
});

describe('typed-figure, of a series', () => {
  it('names the series for its latest value, which follows the next update, and the dated value for an older one', () => {
    const sales = 'sales:\n    label: Net sales\n    unit: CHF\n    scale: million\n    source: Reports\n    values:\n      - { value: 401.7, period: H1 2024, period_end: 2024-06-30 }\n      - { value: 436.9, period: H1 2025, period_end: 2025-06-30 }';
    const found = findingsOf(canvas([sales], '          - paragraph: "Sales reached CHF 436.9 million, from CHF 401.7 million; [[sales]]."\n'));
    expect(found.map((f) => /write (\S+) instead/.exec(f)?.[1])).toEqual(['[[sales]]', '[[sales@2024-06-30]]']);
  });
});

describe('exchange-rate', () => {
  // A release's figures, translated at RMB 7.1190 = US$1.00; cloud revenue updated from 39,824 without its US$ equivalent.
  const rmb = (id: string, value: number, usd: number) => `${id}: { label: "${id}", value: ${value}, unit: CNY, scale: million, period: Q3 2025, period_end: 2025-09-30, equivalent: { value: ${usd}, unit: USD, scale: million }, source: Release }`;
  const metrics = [rmb('revenue', 247795, 34807), rmb('capex', 31428, 4415), 'cloud:\n    label: Cloud revenue\n    unit: CNY\n    scale: million\n    source: Release\n    values:\n      - { value: 30127, period: Q1 2025, period_end: 2025-03-31, equivalent: { value: 4152, unit: USD, scale: million } }\n      - { value: 41200, period: Q3 2025, period_end: 2025-09-30, equivalent: { value: 5594, unit: USD, scale: million } }'];
  const used = '          - metric_table: { rows: [revenue, capex, cloud] }\n';

  it('finds an amount updated without its equivalent, at the equivalent, naming the figure whose rate the others share', () => {
    expect(findingsOf(canvas(metrics, used))).toEqual([
      '13 exchange-rate: cloud@2025-09-30 (RMB 41,200 million = US$5,594 million) converts at 7.364 to 7.366 CNY per USD, but revenue (RMB 247,795 million = US$34,807 million) converts at 7.119 (one other equivalent of that date agrees with it and rules out cloud@2025-09-30\'s rate too): no one exchange rate of 2025-09-30 gives both, even allowing for rounding and qualifiers. At that rate, RMB 41,200 million is about US$5,787 million: check the amount and its equivalent against the source (an amount updated without its equivalent?); if the source does convert them at different rates (an average rate and a closing rate), acknowledge the finding with the reason',
    ]);
  });

  it('says nothing once the equivalent is updated too, or when the canvas declares or acknowledges the difference', () => {
    expect(rules(canvas(metrics.map((m) => m.replace('equivalent: { value: 5594', 'equivalent: { value: 5787')), used))).toEqual([]);
    expect(rules(`${canvas(metrics, used)}data_notes:\n  contradictions:\n    - { title: Cloud, metrics: [cloud@2025-09-30, revenue], note: The source converts cloud revenue at another rate. }\n`)).toEqual([]);
    // Naming the figure it is at: it holds when a more precise figure of that date is added later.
    const acknowledging = `data_notes:\n  acknowledged:\n    - { rule: exchange-rate, metrics: [cloud@2025-09-30], figure: "US$5,594 million against RMB 41,200 million", reason: The source converts cloud revenue at another rate. }\n`;
    const acknowledged = validateWithWarnings(parseCanvas(`${HEAD}${canvas([...metrics, rmb('total', 3000000, 421407)], used.replace('cloud]', 'cloud, total]'))}${acknowledging}`, 'c.yaml')).findings;
    expect(acknowledged.map((f) => [f.rule, f.acknowledged, f.message.split(' converts at ')[1]])).toEqual([['exchange-rate', 'The source converts cloud revenue at another rate.', expect.stringMatching(/but total \(/)]]);
  });

  it('blames the figure whose equivalent repeats another\'s, of another amount, though no third figure of its date tells', () => {
    // Q4 revenue updated, its US$ equivalent copied from Q3's; profit of Q4 converted right. Two figures of the date alone.
    const series = 'revenue:\n    label: Revenue\n    unit: EUR\n    scale: million\n    source: Reports\n    values:\n      - { value: 32303, period: Q3 2025, period_end: 2025-09-30, equivalent: { value: 37927, unit: USD, scale: million } }\n      - { value: 35102, period: Q4 2025, period_end: 2025-12-31, equivalent: { value: 37927, unit: USD, scale: million } }';
    const ebt = 'ebt: { label: Profit before tax, value: 1850, unit: EUR, scale: million, period: Q4 2025, period_end: 2025-12-31, equivalent: { value: 2174, unit: USD, scale: million }, source: Reports }';
    const found = findingsOf(canvas([series, ebt], '          - metric_table: { rows: [revenue, ebt] }\n'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^\d+ exchange-rate: revenue@2025-12-31 \(€35,102 million = US\$37,927 million\) converts at .* but ebt .*; its equivalent, US\$37,927 million, is also that of revenue@2025-09-30 \(€32,303 million, Q3 2025\): copied with an update and not converted\? At ebt's rate, €35,102 million is about US\$41,250 million/);
    // Its digits as written: "21.0" is three, not the two of 21; the copy is found, not blamed on the figure converted right.
    const yen = 'sales:\n    label: Sales\n    unit: JPY\n    scale: billion\n    source: Reports\n    values:\n      - { value: 3107.6, period: Q2 FY2025, period_end: 2025-09-30, equivalent: { value: 21.0, unit: USD, scale: billion } }\n      - { value: 3802.4, period: Q3 FY2025, period_end: 2025-12-31, equivalent: { value: 21.0, unit: USD, scale: billion } }';
    const op = 'op: { label: Operating income, value: 515.0, unit: JPY, scale: billion, period: Q3 FY2025, period_end: 2025-12-31, equivalent: { value: 3.3, unit: USD, scale: billion }, source: Reports }';
    const [copied] = findingsOf(canvas([yen, op], '          - metric_table: { rows: [sales, op] }\n'));
    expect(copied).toMatch(/^\d+ exchange-rate: sales@2025-12-31 \(JP¥3,802\.4 billion = US\$21\.0 billion\) converts at .*: copied with an update and not converted\?/);
  });

  it('finds an equivalent repeated from the quarter before for another amount, with nothing else of its date to compare with', () => {
    const series = 'revenue:\n    label: Revenue\n    unit: EUR\n    scale: million\n    source: Reports\n    values:\n      - { value: 122.1, period: Q3 2025, period_end: 2025-09-30, equivalent: { value: 1450, unit: NOK, scale: million } }\n      - { value: 128.0, period: Q4 2025, period_end: 2025-12-31, equivalent: { value: 1450, unit: NOK, scale: million } }';
    const found = findingsOf(canvas([series], '          - metric_table: { rows: [revenue] }\n'));
    expect(found).toEqual([expect.stringMatching(/^\d+ exchange-rate: revenue@2025-12-31 \(€128\.0 million = NOK 1,450 million\) states the same NOK equivalent as revenue@2025-09-30 \(€122\.1 million = NOK 1,450 million, Q3 2025\), though its amount is 4\.8% higher: copied with an update and not converted\?/)]);
    // Amounts within a quarter's rate moves of each other: the same equivalent may be right.
    expect(rules(canvas([series.replace('value: 128.0', 'value: 123.0')], '          - metric_table: { rows: [revenue] }\n'))).toEqual([]);
  });

  it('takes for a copy neither an equal equivalent of another measure nor one of few digits', () => {
    const eur = (id: string, label: string, value: number, usd: number, end: string) => `${id}: { label: "${label}", value: ${value}, unit: EUR, scale: billion, period: P, period_end: ${end}, equivalent: { value: ${usd}, unit: USD, scale: billion }, source: R }`;
    // Q3 orders happen to convert to the same US$41.2 billion as Q4 revenue, which is right; Q4 profit's is wrong.
    const found = findingsOf(canvas([eur('orders_q3', 'Order intake', 35.5, 41.2, '2025-09-30'), eur('rev_q4', 'Revenue', 35.1, 41.2, '2025-12-31'), eur('profit_q4', 'Profit', 1.85, 2.5, '2025-12-31')], '          - metric_table: { rows: [orders_q3, rev_q4, profit_q4] }\n'));
    expect(found.map((f) => f.split(' ')[2])).toEqual(['profit_q4']);
    expect(found[0]).not.toMatch(/copied/);
  });

  it('finds an equivalent at a rate its currencies have never been near (a scale slip), on its own, and does not blame the right one beside it', () => {
    const chf = (id: string, value: number, eur: number, scale: string) => `${id}: { label: "${id}", value: ${value}, unit: CHF, scale: million, period: H1 2025, period_end: 2025-06-30, equivalent: { value: ${eur}, unit: EUR, scale: ${scale} }, source: Half-year report }`;
    const table = '          - metric_table: { rows: [sales, cash] }\n';
    expect(findingsOf(canvas([chf('sales', 436.9, 466.5, 'billion'), chf('cash', 212.0, 226.4, 'million')], table))).toEqual([
      '4 exchange-rate: sales (CHF 436.9 million = €466.5 billion) converts at 1,068 EUR per CHF, far from any rate since 1990 (each currency\'s range against the US dollar allows 0.339 to 1.76): the equivalent\'s scale or digits are off (million for billion?). Check CHF 436.9 million and its equivalent against the source',
    ]);
    // Alone, too; a decimal point slipped (ten times) is out of this pair's range too; the right one says nothing.
    expect(rules(canvas([chf('sales', 436.9, 4665, 'million')], '          - metric_table: { rows: [sales] }\n'))).toEqual(['exchange-rate']);
    expect(rules(canvas([chf('sales', 436.9, 466.5, 'million')], '          - metric_table: { rows: [sales] }\n'))).toEqual([]);
  });

  it('finds an equivalent of the other sign than its amount, at the equivalent', () => {
    expect(findingsOf(canvas([rmb('revenue', 247795, 34807), rmb('outflow', -21840, 3068)], '          - metric_table: { rows: [revenue, outflow] }\n'))).toEqual([
      '5 exchange-rate: outflow (-RMB 21,840 million = US$3,068 million) states an equivalent of the other sign than its amount, and the briefing would print both: correct the sign of the one that is wrong (an outflow or a loss is negative in both)',
    ]);
  });
});

describe('percent-as-fraction', () => {
  const margin = (id: string, value: number, period: string) => `${id}: { label: Operating margin, value: ${value}, unit: percent, period: ${period}, source: Report }`;
  it('finds a percentage written as a fraction of one among the same measure\'s percentages, at the value, with the value to write', () => {
    const found = findingsOf(canvas([margin('m2', 12.9, 'Q2 2025'), margin('m3', 0.116, 'Q3 2025')], '          - paragraph: "[[m2]] [[m3]]"\n'));
    expect(found).toEqual(['5 percent-as-fraction: m3 is 0.116%, where the same measure\'s other figures are 12.9% (Q2 2025): a share written as a fraction of one? The briefing prints 0.116%; write 11.6 for 11.6%, or acknowledge the finding if 0.116% is right']);
    // Its trailing zero kept: 0.120 prints 0.120%, and is 12.0%.
    expect(findingsOf(canvas([margin('m2', 12.9, 'Q2 2025'), margin('m3', '0.120' as unknown as number, 'Q3 2025')], '          - paragraph: "[[m2]] [[m3]]"\n'))[0]).toMatch(/m3 is 0\.120%, .*The briefing prints 0\.120%; write 12\.0 for 12\.0%/);
  });

  it('says nothing of a percentage alone, among others below 1%, far from a hundredth of the others, of another sign, of another concept, or of growth', () => {
    for (const [a, b] of [[0.125, 0.25], [0.01, 12.9], [0.5, 20], [-0.116, 12.9]]) {
      expect(rules(canvas([margin('m2', b, 'Q2 2025'), margin('m3', a, 'Q3 2025')], '          - paragraph: "[[m2]] [[m3]]"\n'))).toEqual([]);
    }
    expect(rules(canvas([margin('m3', 0.116, 'Q3 2025')], '          - paragraph: "[[m3]]"\n'))).toEqual([]);
    // Two below 1% beside one above: the measure may be that small; neither is called a fraction.
    expect(rules(canvas([margin('m1', 12.9, 'Q1 2025'), margin('m2', 0.121, 'Q2 2025'), margin('m3', 0.116, 'Q3 2025')], '          - paragraph: "[[m1]] [[m2]] [[m3]]"\n'))).toEqual([]);
    const growth = (id: string, value: number, period: string) => margin(id, value, period).replace('Operating margin', 'Revenue growth');
    expect(rules(canvas([growth('g2', 15, 'Q2 2025'), growth('g3', 0.2, 'Q3 2025')], '          - paragraph: "[[g2]] [[g3]]"\n'))).toEqual([]);
    const share = (id: string, value: number, concept: string) => `${id}: { label: Market share, value: ${value}, unit: percent, period: Q3 2025, concept: ${concept}, source: Report }`;
    expect(rules(canvas([share('us', 25, 'share_us'), share('eu', 0.2, 'share_eu')], '          - paragraph: "[[us]] [[eu]]"\n'))).toEqual([]);
  });

  it('reads a dated figure against the figures beside it in time: a margin rising from 0.15% is a business turning profitable; 0.142% between 14.0% and 14.6% is a fraction', () => {
    const dated = (values: number[]) => `margin: { label: Operating margin, unit: percent, period_type: quarter, source: Report, values: [${values.map((v, i) => `{ value: ${v}, period: Q${i + 1} 2025, period_end: 2025-${['03-31', '06-30', '09-30', '12-31'][i]} }`).join(', ')}] }`;
    const text = '          - paragraph: "[[margin@2025-03-31]] [[margin@2025-06-30]] [[margin@2025-09-30]] [[margin]]"\n';
    expect(rules(canvas([dated([0.15, 6.5, 9.1, 14.2])], text))).toEqual([]);
    expect(rules(canvas([dated([14.2, 9.1, 6.5, 0.15])], text))).toEqual([]);
    expect(rules(canvas([dated([14.0, 0.142, 14.6, 14.9])], text))).toEqual(['percent-as-fraction']);
    expect(rules(canvas([dated([14.0, 14.2, 14.6, 0.149])], text))).toEqual(['percent-as-fraction']);
  });
});

describe('size-of-gain', () => {
  const loss = (values: string) => `net_income:\n    label: Net income\n    unit: EUR\n    scale: million\n    period_type: quarter\n    source: Quarterly report\n    values:\n${values}`;
  const q3 = '      - { value: -126.6, period: Q3 2025, period_end: 2025-09-30 }\n';
  const q4 = '      - { value: 48.2, period: Q4 2025, period_end: 2025-12-31 }\n';
  const text = (t: string) => `          - paragraph: ${t}\n`;

  it('finds [[id.size]] of a figure above zero, whose words call it a loss: a series rolled forward to a quarter of profit', () => {
    expect(findingsOf(canvas([loss(q3 + q4)], text('The quarter closed with a net loss of [[net_income.size]].')))).toEqual([
      '19 size-of-gain: text [[net_income.size]] prints the size of a loss, without its minus, but net_income@2025-12-31 is €48.2 million (Q4 2025), not a loss: the words around it would call it one. Write [[net_income]] and reword the sentence, or [[net_income@2025-09-30.size]] if it means the loss of Q3 2025 (-€126.6 million)',
    ]);
    // A metric of its own, updated in place with a profit: no earlier loss to name.
    expect(findingsOf(canvas(['op: { label: Operating income, value: 3.5, unit: EUR, scale: million, period: FY2025, source: Annual report }'], text('An operating loss of [[op.size]].')))).toEqual([
      '10 size-of-gain: text [[op.size]] prints the size of a loss, without its minus, but op is €3.5 million (FY2025), not a loss: the words around it would call it one. Write [[op]] and reword the sentence',
    ]);
  });

  it('says nothing of the size of a loss, of zero, or of a dated loss named on purpose', () => {
    expect(rules(canvas([loss(q3)], text('A net loss of [[net_income.size]].')))).toEqual([]);
    expect(rules(canvas([loss(q3 + q4)], text('Up from a net loss of [[net_income@2025-09-30.size]] to [[net_income]].')))).toEqual([]);
    expect(rules(canvas(['op: { label: Operating income, value: 0, unit: EUR, scale: million, period: FY2025, source: Annual report }'], text('An operating loss of [[op.size]].')))).toEqual([]);
  });
});

describe('stale-reference in text', () => {
  const q = (id: string, period: string, end: string, value: number) => `${id}: { label: Revenue, concept: revenue, value: ${value}, unit: EUR, scale: million, period: ${period}, period_end: ${end}, source: Report }`;
  const metrics = [q('revenue_q2', 'Q2 2025', '2025-06-30', 401.7), q('revenue_q3', 'Q3 2025', '2025-09-30', 436.9), q('revenue_q3_2024', 'Q3 2024', '2024-09-30', 390.2)];
  const stale = (text: string) => findingsOf(canvas(metrics, `          - paragraph: "${text} [[revenue_q3_2024]] [[revenue_q2]]"\n`)).filter((f) => f.includes('stale-reference') && f.includes('text [['));
  it('leaves an earlier figure the text compares the latest with, a quarter or a year before it; not one it presents as current', () => {
    for (const text of ['Revenue was [[revenue_q3]], up from [[revenue_q2]] a quarter earlier.', 'Revenue was [[revenue_q3]] in Q3 2025, compared with [[revenue_q3_2024]] in Q3 2024.', 'Revenue was [[revenue_q3]] in the third quarter, after [[revenue_q2]] in the second.']) {
      expect(findingsOf(canvas(metrics, `          - paragraph: "${text}"\n`)).filter((f) => f.includes('stale-reference')), text).toEqual([]);
    }
    expect(stale('Revenue was [[revenue_q2]] in the quarter.')[0]).toMatch(/text \[\[revenue_q2\]\] shows Revenue for Q2 2025, but revenue_q3 \(Q3 2025\) is newer/);
  });

  it('reports a half compared with one two years back, as a quarter (the half of its number, "hn:1", is of every year: it took any first half for the one a year before)', () => {
    const h = (id: string, period: string, end: string, value: number) => `${id}: { label: Revenue, concept: revenue, value: ${value}, unit: EUR, scale: million, period: ${period}, period_type: half_year, period_end: ${end}, source: Report }`;
    const halves = [h('rev_h1_23', 'H1 2023', '2023-06-30', 300), h('rev_h1_24', 'H1 2024', '2024-06-30', 330), h('rev_h1_25', 'H1 2025', '2025-06-30', 400)];
    const found = (text: string) => findingsOf(canvas(halves, `          - paragraph: "${text}"\n`)).filter((f) => f.includes('stale-reference'));
    expect(found('Revenue was [[rev_h1_25]] in H1 2025, up from [[rev_h1_23]].')).toEqual([expect.stringContaining('text [[rev_h1_23]] shows Revenue for H1 2023, but rev_h1_25 (H1 2025) is newer')]);
    expect(found('Revenue was [[rev_h1_25]] in H1 2025, up from [[rev_h1_24]] a year earlier.')).toEqual([]);
  });
});

describe('a change in points typed beside a percentage', () => {
  const cet1 = 'cet1: { label: CET1 ratio, unit: percent, period_type: as_at, source: 10-Q, values: [{ value: 12.8, period: 30 Sep 2024, period_end: 2024-09-30 }, { value: 13.1, period: 30 Sep 2025, period_end: 2025-09-30, change: { points: 0.3 } }] }';
  const text = (t: string) => `          - paragraph: '${t}'\n`;
  it('finds basis points or percentage points that the stated change in points contradicts', () => {
    expect(findingsOf(canvas([cet1], text('The CET1 ratio was [[cet1]], up 50bps y/y.')))).toEqual([
      '10 typed-figure: "up 50bps" is typed into the text beside [[cet1]], whose stated change is +0.3 pp YoY: the two disagree, and the reader sees both. Correct the text or the figure\'s change; write [[cet1.change]] to print the stated change, which follows the figure',
    ]);
    for (const t of ['The CET1 ratio rose 50 basis points y/y to [[cet1]].', 'The CET1 ratio was [[cet1]], down 30bps.', 'The CET1 ratio was [[cet1]] (up 0.5pp).', 'CET1 up 40bps YoY to [[cet1]].']) {
      expect(rules(canvas([cet1], text(t))), t).toEqual(['typed-figure']);
    }
    // The stated change however written, as rounded to its one decimal (+0.3 pp: 25 to 35bps), and one on another basis: nothing.
    for (const t of ['The CET1 ratio was [[cet1]], up 28bps y/y.', 'The CET1 ratio was [[cet1]], up 34bps y/y.', 'The CET1 ratio was [[cet1]], up 30bps y/y.', 'The CET1 ratio widened 30 basis points to [[cet1]].', 'The CET1 ratio was [[cet1]] (up 0.3pp).', 'The CET1 ratio rose 20bps to [[cet1]] from the previous quarter.']) {
      expect(rules(canvas([cet1], text(t))), t).toEqual([]);
    }
  });
});

describe('a change in percent typed beside a percentage whose change is stated in points', () => {
  const margin = 'margin: { label: Operating margin, unit: percent, period_type: quarter, source: 10-Q, values: [{ value: 16.5, period: Q3 2025, period_end: 2025-09-30, change: { points: 2.5 } }] }';
  const text = (t: string) => `          - paragraph: '${t}'\n`;
  it('reads it as the change in percent it is (+2.5 pp from 14.0% is +17.9%), and finds the points typed as a percent, or a percent of neither', () => {
    expect(findingsOf(canvas([margin], text('The operating margin was [[margin]], up 2.5%.')))).toEqual([
      '10 typed-figure: "up 2.5%" is typed into the text beside [[margin]], whose stated change is +2.5 pp YoY, a change of +17.9% from 14.0% (a percent beside a percentage reads as its change in percent: write the change in points): the two disagree, and the reader sees both. Correct the text or the figure\'s change; write [[margin.change]] to print the stated change, which follows the figure',
    ]);
    for (const t of ['The operating margin was [[margin]], up 1.4%.', 'The operating margin rose 25% to [[margin]].', 'The operating margin was [[margin]], up 1.4 points.']) {
      expect(rules(canvas([margin], text(t))), t).toEqual(['typed-figure']);
    }
    // The change in percent, as rounded (17.7% to 18.1% from the rounding of 16.5 and 2.5); the points, in points or pts; another basis: nothing.
    for (const t of ['The operating margin was [[margin]], up 17.9%.', 'The operating margin was [[margin]], up 18%.', 'The operating margin was [[margin]], up 2.5 points.', 'The operating margin widened 2.5 pts to [[margin]].', 'The operating margin was [[margin]], up 5% sequentially.']) {
      expect(rules(canvas([margin], text(t))), t).toEqual([]);
    }
  });
});

describe('typed-mismatch', () => {
  const quarterly = (id: string, label: string, q1: number, q2: number) =>
    `${id}: { label: ${label}, unit: USD, scale: billion, period_type: quarter, source: 10-Q, values: [{ value: ${q1}, period: Q1 FY25, period_end: 2024-09-30 }, { value: ${q2}, period: Q1 FY26, period_end: 2025-09-30 }] }`;
  const metrics = [quarterly('revenue', 'Revenue', 65.6, 77.7), quarterly('cloud', 'Intelligent Cloud revenue', 24.1, 30.9)];
  const said = (text: string) => `          - paragraph: '${text.replaceAll("'", "''")} Both: [[revenue]], [[cloud]].'\n`;

  it('reads a margin typed after the words a margin moves by: "improved to", "widened by 90 bps to", "narrowed to"', () => {
    const margin = 'margin: { label: EBITA margin, unit: percent, period_type: half_year, source: Report, values: [{ value: 12.0, period: H1 2024, period_end: 2024-06-30 }, { value: 12.9, period: H1 2025, period_end: 2025-06-30, change: { points: 0.9 } }] }';
    const text = (t: string) => `          - paragraph: '${t} [[margin]]'\n`;
    for (const t of ['The EBITA margin improved to 13.2% in H1 2025.', 'The EBITA margin widened by 90 bps to 13.2% in H1 2025.', 'The EBITA margin expanded 0.9 pp to 13.2% in H1 2025.', 'The EBITA margin narrowed to 11.9% in H1 2025.']) {
      expect(findingsOf(canvas([margin], text(t))), t).toEqual([expect.stringMatching(/typed-mismatch: "1[13]\.[29]%" is typed into the text as EBITA margin for "H1 2025", but margin@2025-06-30 is 12\.9% \(H1 2025\)/)]);
    }
    for (const t of ['The EBITA margin improved to 12.9% in H1 2025.', 'The EBITA margin widened by 90 bps to 12.9% in H1 2025.']) expect(rules(canvas([margin], text(t))), t).toEqual([]);
  });

  it('finds an amount typed as a measure\'s figure for a period the sentence names, that is not the figure: at the amount, naming the figure and the reference to write', () => {
    expect(findingsOf(canvas(metrics, said('Intelligent Cloud revenue was $31.9 billion in Q1 FY26.')))).toEqual([
      '11 typed-mismatch: "$31.9 billion" is typed into the text as Intelligent Cloud revenue for "Q1 FY26", but cloud@2025-09-30 is US$30.9 billion (Q1 FY26): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[cloud]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
    // The measure's own name, however the figure is joined to it and wherever the period is; the period says which value.
    for (const text of [
      'Revenue in Q1 FY26 was $78.7 billion.', 'Acme\'s revenue rose 18% to $76.7 billion in Q1 FY26.', 'In Q1 FY26, revenue came in at $75.0 billion, up from $65.6 billion in Q1 FY25.',
      'Q1 FY26 revenue of $87.7 billion.', 'In Q1 FY25 revenue was $56.6 billion.',
      // A period between the name and its verb, however many words it takes ("of" among them).
      'Revenue for the first quarter of fiscal 2026 was $78.7 billion.', 'Revenue in the first quarter of FY26 was $78.7 billion.',
      // Beside an earlier period's figure it is compared with: no earlier statement, as "previously" would be.
      'Revenue was $73.1 billion in Q1 FY26, up from $65.6 billion a year earlier.', 'Revenue was $73.1 billion in Q1 FY26, compared with the prior-year quarter.',
      // Another basis said of another figure of the sentence.
      'In Q1 FY26 revenue was $73.1 billion, up 18% (19% in constant currency).',
      // The group's own; a clause of its own after "and".
      'Group revenue was $73.1 billion in Q1 FY26.', 'In Q1 FY26 the Group\'s revenue was $73.1 billion.', 'In Q1 FY26 cloud grew, and revenue was $73.1 billion.',
    ]) {
      expect(rules(canvas(metrics, said(text))).filter((r) => r !== 'typed-figure'), text).toEqual(['typed-mismatch']);
    }
  });

  it('reads a half written with the two years its fiscal year spans as that year\'s, as UK retailers write it: "£31,895 million in H1 2025/26" against the H1 2025/26 figure', () => {
    const UK = (period: string) => `company: { name: Grocer, ticker: GRO, exchange: LSE, country: United Kingdom, sector: S, industry: I }\nbriefing: { period: ${period}, as_of: 2025-10-08, currency: GBP }\n`;
    const grocer = [
      'sales: { label: Group sales, unit: GBP, scale: million, period_type: half_year, source: Interims, values: [{ value: 30640, period: H1 2024/25 (26 weeks to 24 August 2024), period_end: 2024-08-24 }, { value: 31880, period: H2 2024/25, period_end: 2025-02-22 }, { value: 31985, period: H1 2025/26 (26 weeks to 23 August 2025), period_end: 2025-08-23 }] }',
      'margin: { label: Adjusted operating margin, unit: percent, period_type: half_year, source: Interims, values: [{ value: 4.2, period: H1 2024/25, period_end: 2024-08-24 }, { value: 4.5, period: H1 2025/26, period_end: 2025-08-23 }] }',
    ];
    const found = (text: string, period = 'H1 2025/26') => validateWithWarnings(parseCanvas(`${UK(period)}${canvas(grocer, `          - paragraph: '${text}'\n`)}`, 'c.yaml')).findings.map((f) => f.rule).filter((r) => r !== 'typed-figure' && r !== 'unused-metric');
    for (const text of ['Group sales were £31,895 million in H1 2025/26.', 'Group sales were £31,895 million in H1 FY2025/26.', 'Group sales were £31,895 million in the first half of 2025/26.', 'Adjusted operating margin was 4.8% in H1 2025/26.', 'In H1 2024/25 group sales were £30,460 million.']) {
      expect(found(text), text).toEqual(['typed-mismatch']);
    }
    expect(validateWithWarnings(parseCanvas(`${UK('H1 2025/26')}${canvas(grocer, "          - paragraph: 'Group sales were £31,895 million in H1 2025/26.'\n")}`, 'c.yaml')).findings.find((f) => f.rule === 'typed-mismatch')?.message).toContain(
      '"£31,895 million" is typed into the text as Group sales for "H1 2025/26", but sales@2025-08-23 is £31,985 million (H1 2025/26 (26 weeks to 23 August 2025))',
    );
    // The right figure typed, and another half's figure for that half: no mismatch (typed-figure asks for the reference).
    for (const text of ['Group sales were £31,985 million in H1 2025/26.', 'Group sales were £31,985 million in the first half of 2025/26.', 'Adjusted operating margin was 4.5% in H1 2025/26.', 'In H1 2024/25 group sales were £30,640 million.', 'Group sales were £30,640 million in H1 2024-25.']) {
      expect(found(text), text).toEqual([]);
    }
    // With no period named, the briefing's "H1 2025/26" is the latest figure's half: the figure typed wrong is reported, the right one not.
    expect(found('Group sales were £31,895 million.')).toEqual(['typed-mismatch']);
    expect(found('Group sales were £31,985 million.')).toEqual([]);
  });

  it('reads a measure\'s name after who said what follows ("The CFO said revenue was"), or with who said it set off by commas after it ("Revenue, the CFO said, was"), as the measure itself', () => {
    const rmb = ['revenue_q3_2025: { label: Revenue, value: 13.4, unit: CNY, scale: billion, period: Q3 2025, period_type: quarter, period_end: 2025-09-30, source: Results }'];
    const text = (t: string) => `          - paragraph: '${t.replaceAll("'", "''")} Now: [[revenue_q3_2025]].'\n`;
    // (A briefing for Q3 2025: a sentence naming no period is read as Q3 2025's.)
    const q3 = HEAD.replace('period: FY2025, as_of: 2026-02-15, currency: EUR', 'period: Q3 2025, as_of: 2025-11-20, currency: CNY');
    const findings = (body: string) => validateWithWarnings(parseCanvas(`${q3}${body}`, 'c.yaml')).findings.map((f) => `${f.line} ${f.rule}: ${f.message}`);
    const rules = (body: string) => findings(body).map((f) => f.split(':')[0].split(' ')[1]);
    expect(findings(canvas(rmb, text('The CFO said revenue was RMB 12.4 billion in Q3 2025.')))).toEqual([
      '10 typed-mismatch: "RMB 12.4 billion" is typed into the text as Revenue for "Q3 2025", but revenue_q3_2025 is RMB 13.4 billion (Q3 2025): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[revenue_q3_2025]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
    for (const t of [
      'Management said revenue was RMB 12.4 billion in Q3 2025.', 'The company said revenue was RMB 12.4 billion in Q3 2025.', 'We said revenue was RMB 12.4 billion in Q3 2025.',
      'The CFO noted revenue was RMB 12.4 billion in Q3 2025.', 'The CFO reported revenue was RMB 12.4 billion in Q3 2025.',
      'The CFO stated revenue was RMB 12.4 billion in Q3 2025.', 'The CFO said that revenue was RMB 12.4 billion in Q3 2025.', 'The CFO confirmed that revenue was RMB 12.4 billion in Q3 2025.',
      'The CFO told investors that revenue was RMB 12.4 billion in Q3 2025.', 'Management also said revenue rose 12% to RMB 12.4 billion in Q3 2025.',
      'Revenue, the CFO said, was RMB 12.4 billion in Q3 2025.', 'Revenue, said the CFO, was RMB 12.4 billion in Q3 2025.', 'Revenue, according to the CFO, was RMB 12.4 billion in Q3 2025.',
      // A sentence that names no period, read as the briefing's current one, as "Revenue was RMB 12.4 billion." is.
      'The CFO said revenue was RMB 12.4 billion.', 'Revenue, the CFO said, was RMB 12.4 billion.',
      // As before: the speaker after a colon or "according to", the name with an article or possessive.
      'The CFO said: revenue was RMB 12.4 billion in Q3 2025.', 'According to the CFO, revenue was RMB 12.4 billion in Q3 2025.', 'The company\'s revenue was RMB 12.4 billion in Q3 2025.',
    ]) {
      expect(rules(canvas(rmb, text(t))), t).toEqual(['typed-mismatch']);
    }
    for (const t of [
      // Another measure (a qualifier before the name), a plan, a figure yet to come, an object of the verb, another basis or time.
      'The CFO said cloud revenue was RMB 12.4 billion in Q3 2025.', 'The CFO said adjusted revenue was RMB 12.4 billion in Q3 2025.',
      'Analysts expected revenue of RMB 12.4 billion in Q3 2025.', 'The company expects revenue of RMB 12.4 billion in Q3 2025.',
      'The CFO said revenue would be RMB 12.4 billion in Q3 2025.', 'Analysts said revenue could reach RMB 12.4 billion in Q3 2025.',
      'The deal added revenue of RMB 12.4 billion in Q3 2025.', 'The CFO noted revenue of RMB 12.4 billion in Q3 2025.',
      'The CFO said revenue was RMB 12.4 billion in Q3 2025, excluding the acquisition.', 'Revenue, excluding the acquisition, was RMB 12.4 billion in Q3 2025.',
      'Revenue, the CFO said a year earlier, was RMB 12.4 billion.', 'The CFO previously said revenue was RMB 12.4 billion in Q3 2025.', 'The CFO said revenue was about RMB 12.4 billion in Q3 2025.',
      // The verb as a qualifier: after an article or a period, or at the sentence's start; a quote.
      'The reported revenue was RMB 12.4 billion in Q3 2025.', 'Reported revenue was RMB 12.4 billion in Q3 2025.', 'For the quarter reported revenue was RMB 12.4 billion.',
      'Value added revenue was RMB 12.4 billion in Q3 2025.', 'The CFO said "revenue was RMB 12.4 billion" in Q3 2025.',
      // An aside naming another's figure, not the one reported: estimates, a consensus, a preliminary release.
      'Revenue, according to consensus estimates, was RMB 12.9 billion in Q3 2025.', 'Revenue, according to the preliminary release, was RMB 12.4 billion in Q3 2025.',
    ]) {
      expect(rules(canvas(rmb, text(t))), t).toEqual([]);
    }
  });

  it('leaves alone a figure an outsider gives in its clause before it (analysts, a broker, the press, "According to Bloomberg,", "Reuters said"): theirs, not the company contradicting itself; a figure they relay, their words in another clause and the company\'s own people are still read', () => {
    const rmb = ['revenue_q3_2025: { label: Revenue, value: 13.4, unit: CNY, scale: billion, period: Q3 2025, period_type: quarter, period_end: 2025-09-30, source: Results }'];
    const text = (t: string) => `          - paragraph: '${t.replaceAll("'", "''")} Now: [[revenue_q3_2025]].'\n`;
    const q3 = HEAD.replace('period: FY2025, as_of: 2026-02-15, currency: EUR', 'period: Q3 2025, as_of: 2025-11-20, currency: CNY');
    const rules = (t: string, company = q3) => validateWithWarnings(parseCanvas(`${company}${canvas(rmb, text(t))}`, 'c.yaml')).findings.map((f) => f.rule);
    for (const t of [
      'Reuters said revenue was RMB 12.4 billion in Q3 2025.', 'Analysts said revenue was RMB 12.4 billion in Q3 2025.', 'Analysts at Jefferies said revenue was RMB 12.4 billion in Q3 2025.',
      'Bloomberg News reported that revenue was RMB 12.4 billion in Q3 2025.', 'A Reuters report said revenue was RMB 12.4 billion in Q3 2025.', 'Chinese media reported revenue was RMB 12.4 billion in Q3 2025.',
      'According to Bloomberg, revenue was RMB 12.4 billion in Q3 2025.', 'Revenue, according to Bloomberg, was RMB 12.4 billion in Q3 2025.', 'Per FactSet, revenue was RMB 12.4 billion in Q3 2025.',
      'Analysts estimate revenue at RMB 12.4 billion in Q3 2025.', 'Reuters said that, as of September, revenue was RMB 12.4 billion in Q3 2025.',
      'Citing people familiar with the matter, the Financial Times said revenue was RMB 12.4 billion in Q3 2025.',
      // A sentence that names no period, read as the briefing's current one.
      'Reuters said revenue was RMB 12.4 billion.',
    ]) {
      expect(rules(t), t).not.toContain('typed-mismatch');
    }
    // The company's own people, a release of its own, a figure measured against analysts', or an outsider as an audience: read.
    // So is the company's figure an outsider relays after it or "as" it ("..., Reuters reported", "as Reuters reported"),
    // and an outsider's words in another clause ("; analysts said", "while analysts see", ", citing ... brokers").
    for (const t of [
      'Revenue was RMB 12.4 billion in Q3 2025; analysts at Jefferies said the quarter was strong.', 'Revenue was RMB 12.4 billion in Q3 2025, beating the consensus compiled by FactSet.',
      'Revenue was RMB 12.4 billion in Q3 2025 while analysts see margins easing.', 'Revenue was RMB 12.4 billion in Q3 2025 as more analysts saw value in our terminals.',
      'Revenue was RMB 12.4 billion in Q3 2025, citing strong demand from brokers.', 'Revenue was RMB 12.4 billion in Q3 2025, or RMB 30 per user in the media app.',
      'Revenue was RMB 12.4 billion in Q3 2025 per IDC data on shipments.', 'Revenue was RMB 12.4 billion in Q3 2025, according to the media presentation.',
      'According to the media presentation, revenue was RMB 12.4 billion in Q3 2025.', 'Revenue was RMB 12.4 billion in Q3 2025, as Reuters reported.',
      'Revenue was RMB 12.4 billion in Q3 2025, the Wall Street Journal said.', 'Revenue was RMB 12.4 billion in Q3 2025, Reuters reported.', 'As Reuters reported, revenue was RMB 12.4 billion in Q3 2025.',
      'Revenue, as Reuters reported, was RMB 12.4 billion in Q3 2025.', 'As more analysts saw value in our terminals, revenue was RMB 12.4 billion in Q3 2025.',
      'Revenue was RMB 12.4 billion in Q3 2025, according to a broker note.', 'Revenue was RMB 12.4 billion in Q3 2025, said analysts at Jefferies.', 'Revenue was RMB 12.4 billion in Q3 2025, per FactSet.',
      'The CFO said revenue was RMB 12.4 billion in Q3 2025, according to the press.', 'Analysts said the quarter was strong; revenue was RMB 12.4 billion in Q3 2025.',
      // The actual figure that beat or missed an estimate.
      'Revenue beat analysts\' estimates at RMB 12.4 billion in Q3 2025.', 'Revenue missed the consensus at RMB 12.4 billion in Q3 2025.', 'Revenue came in ahead of expectations at RMB 12.4 billion in Q3 2025.',
      'The CFO said revenue was RMB 12.4 billion in Q3 2025.', 'Management noted that revenue was RMB 12.4 billion in Q3 2025.', 'According to the CFO, revenue was RMB 12.4 billion in Q3 2025.',
      'Revenue was RMB 12.4 billion in Q3 2025, the company said.', 'Revenue was RMB 12.4 billion in Q3 2025, according to the press release.', 'Revenue was RMB 12.4 billion in Q3 2025, ahead of analysts\' estimates.',
      'The CFO told analysts that revenue was RMB 12.4 billion in Q3 2025.', 'Revenue was RMB 12.4 billion in Q3 2025, the CFO told analysts.', 'Revenue was RMB 12.4 billion in Q3 2025, an analyst-beating result.',
      'Digital Media and Entertainment reported strong growth; revenue was RMB 12.4 billion in Q3 2025.',
    ]) {
      expect(rules(t), t).toContain('typed-mismatch');
    }
    // An outsider that is the company itself speaks for it.
    expect(rules('Bloomberg said revenue was RMB 12.4 billion in Q3 2025.', q3.replace('name: Acme', 'name: Bloomberg L.P.'))).toContain('typed-mismatch');
  });

  it('reads a part of the company by its name, then what it is or its revenue, its revenue before it, or the figure in brackets after it: as by its name alone', () => {
    // A segment's metric labelled by the segment alone, as a segment table labels its rows; another label that names its measure.
    const parts = [
      'asia: { label: Asia cross-border, value: 318.5, unit: EUR, scale: million, period: Q3 2025, period_type: quarter, period_end: 2025-09-30, source: Segment table }',
      'ebitda: { label: Europe EBITDA, value: 96.4, unit: EUR, scale: million, period: Q3 2025, period_type: quarter, period_end: 2025-09-30, source: Segment table }',
    ];
    const text = (t: string) => `          - paragraph: '${t.replaceAll("'", "''")} Both: [[asia]], [[ebitda]].'\n`;
    expect(findingsOf(canvas(parts, text('Asia cross-border revenue reached €381.5 million in Q3 2025.')))).toEqual([
      '11 typed-mismatch: "€381.5 million" is typed into the text as Asia cross-border for "Q3 2025", but asia is €318.5 million (Q3 2025): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[asia]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
    for (const t of [
      'Asia cross-border reached €381.5 million in Q3 2025.', 'Asia cross-border sales were €381.5 million in Q3 2025.', 'Asia cross-border revenues were €381.5 million in Q3 2025.',
      'The Asia cross-border segment reached €381.5 million in Q3 2025.', 'Asia cross-border segment revenue was €381.5 million in Q3 2025.', 'The Asia cross-border business was €381.5 million in Q3 2025.',
      'In Q3 2025 the Asia cross-border division\'s revenue was €381.5 million.', 'Asia cross-border (€381.5 million) grew fastest in Q3 2025.',
      // Its revenue said before its name.
      'Revenue from Asia cross-border was €381.5 million in Q3 2025.', 'Europe grew. Revenue from Asia cross-border was €381.5 million in Q3 2025.',
      'In Q3 2025, revenue from Asia cross-border was €381.5 million.', 'Sales in the Asia cross-border segment reached €381.5 million in Q3 2025.',
      // A label that names its measure: what the part is, still (not its revenue: "Europe EBITDA revenue" is no Europe EBITDA).
      'The Europe EBITDA segment was €99.9 million in Q3 2025.', 'Europe EBITDA (€99.9 million) rose in Q3 2025.',
    ]) {
      expect(rules(canvas(parts, text(t))), t).toEqual(['typed-mismatch']);
    }
    for (const t of [
      // Another measure of the part, or a count of it; the figure itself; a comparison in brackets.
      'Asia cross-border EBITDA was €381.5 million in Q3 2025.', 'Asia cross-border volume reached 381.5 million parcels in Q3 2025.', 'Europe EBITDA revenue was €99.9 million in Q3 2025.',
      'Asia cross-border revenue reached [[asia]] in Q3 2025.', 'Asia cross-border (Q3 2024: €256.1 million) grew fastest in Q3 2025.',
      'Asia cross-border segment margin was €381.5 million in Q3 2025.',
      'Operating profit from Asia cross-border was €381.5 million in Q3 2025.', 'Revenue from Europe EBITDA was €99.9 million in Q3 2025.',
    ]) {
      expect(rules(canvas(parts, text(t))).filter((r) => r !== 'typed-figure'), t).toEqual([]);
    }
  });

  it('reads an amount in brackets after a measure\'s figure as its equivalent', () => {
    const rmbRevenue = 'revenue: { label: Revenue, unit: CNY, scale: million, period_type: quarter, source: Results, values: [{ value: 247795, period: Q2 FY26, period_end: 2025-09-30, equivalent: { value: 34807, unit: USD, scale: million } }] }';
    const text = (t: string) => `          - paragraph: '${t} Now: [[revenue]].'\n`;
    expect(findingsOf(canvas([rmbRevenue], text('Revenue was RMB247,795 million (US$35,807 million) in Q2 FY26.')))).toEqual([
      '10 typed-figure: "RMB247,795 million" is typed into the text, and is the value of revenue@2025-09-30: write [[revenue.amount]] instead, so that the text changes when the metric is updated and is checked with it',
      '10 typed-mismatch: "US$35,807 million" is typed into the text as Revenue for "Q2 FY26", but revenue@2025-09-30 is US$34,807 million (Q2 FY26): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[revenue.equivalent]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
    expect(rules(canvas([rmbRevenue], text('Revenue was RMB247,795 million (US$34,807 million) in Q2 FY26.')))).toEqual(['typed-figure', 'typed-figure']);
    // Not an amount in brackets after some other amount: "(US$35,807 million)" after a difference is no equivalent of the measure.
    expect(rules(canvas([rmbRevenue], text('Revenue rose by RMB12,000 million (US$1,700 million) in Q2 FY26.')))).toEqual([]);
  });

  it('finds a percentage typed as a rate, a rate of growth or an amount\'s stated change that is not the figure', () => {
    const rate = (id: string, label: string, q1: number, q2: number) =>
      `${id}: { label: ${label}, unit: percent, period_type: quarter, source: 10-Q, values: [{ value: ${q1}, period: Q1 FY25, period_end: 2024-09-30 }, { value: ${q2}, period: Q1 FY26, period_end: 2025-09-30 }] }`;
    const changed = metrics[0]!.replace('period_end: 2025-09-30 }', 'period_end: 2025-09-30, change: { percent: 18 } }');
    const all = [changed, metrics[1]!, rate('margin', 'Operating margin', 46.6, 48.9), rate('azure', 'Azure revenue growth', 33, 40), rate('gaming', 'Gaming margin', 1.2, -3.5)];
    const text = (t: string) => `          - paragraph: '${t} All: [[revenue]], [[cloud]], [[margin]], [[azure]], [[gaming]].'\n`;
    expect(findingsOf(canvas(all, text('Azure revenue grew 35% in Q1 FY26, ahead of guidance.')))).toEqual([
      '14 typed-mismatch: "35%" is typed into the text as Azure revenue growth for "Q1 FY26", but azure@2025-09-30 is 40% (Q1 FY26): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[azure]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
    expect(findingsOf(canvas(all, text('Revenue grew 12% in Q1 FY26.')))).toEqual([
      '14 typed-mismatch: "12%" is typed into the text as the change of Revenue for "Q1 FY26", but revenue@2025-09-30 states a change of +18% YoY (Q1 FY26): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[revenue.change]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
    for (const t of ['Revenue rose 18% to $87.7 billion in Q1 FY26.', 'Revenue grew 12% in Q1 FY26.', 'Revenue grew 12% in the September quarter of 2025.', 'Operating margin was 45.2% in Q1 FY26.', 'Gaming margin was 3.5% in Q1 FY26.', 'In Q1 FY25 Azure revenue grew 30%.', 'Revenue was down 18% in Q1 FY26.',
      // A change said after the figure, and one beside another on another basis, which excuses only that one.
      'Revenue was $77.7 billion and increased 12% in Q1 FY26.', 'In Q1 FY26 revenue was $77.7 billion, up 12%.', 'Revenue grew 12% in Q1 FY26 (up 18% in constant currency).',
      // Written as 10-Qs and British or Indian releases write them.
      'Revenues were $75.0 billion in Q1 FY26.', 'Operating margin was 45.2 per cent in Q1 FY26.', 'In Q1 FY26 revenues grew 12 percent.',
    ]) {
      expect(rules(canvas(all, text(t))).filter((r) => r !== 'typed-figure'), t).toEqual(['typed-mismatch']);
    }
    // The figure as typed, as the canvas writes it, another period's, on another basis, or beside its reference (typed-figure's).
    for (const t of [
      'Operating margin was 48.9% in Q1 FY26.', 'Gaming margin was -3.5% in Q1 FY26.', 'Revenue grew 18.2% in Q1 FY26.', 'Operating margin was 47% in Q1 FY25.',
      'Revenue grew 12% in constant currency in Q1 FY26.', 'Revenue grew 12% quarter on quarter in Q1 FY26.', 'In Q1 FY26 revenue was $77.7 billion, up 18% (up 22% in constant currency).',
      'In Q1 FY26 revenue was $77.7 billion and increased 22% in constant currency.',
      // A part of the period: its figure is not the quarter's.
      'In Q1 FY26 revenue grew 30% in the first half of the quarter.', 'In Q1 FY26 operating margin was 52.0% in October.', 'In Q1 FY26 revenue grew 40% over the last two weeks.',
      // A part of the measure named after the figure, a change from another quarter, one end of a range.
      'Revenue grew 5% in the US in Q1 FY26.', 'In Q1 FY26 revenue grew 25% in Asia and 12% in Europe.', 'Revenue grew 2% from the June quarter in Q1 FY26.',
      'Operating margin was 45%-50% in Q1 FY26.', 'Operating margin of 45.0% to 50.0% in Q1 FY26.',
      'In Q1 FY26, Azure revenue and revenue grew 40% and 18%, respectively.', 'In Q1 FY26, gross margin and operating margin were 69.0% and 48.9%.',
      'Operating margin was 49.5% in constant currency in Q1 FY26.', 'Operating margin was 47.1% in Q1 FY26 on an adjusted basis.', 'On a non-GAAP basis, revenue grew 22% in Q1 FY26.', 'Cloud revenue grew 26% in Q1 FY26.', 'Revenue growth will be 12% in Q1 FY26, we expect.',
    ]) {
      expect(rules(canvas(all, text(t))).filter((r) => r !== 'typed-figure'), t).toEqual([]);
    }
    expect(rules(canvas(all, text('Revenue grew 12% to [[revenue]] in Q1 FY26.')))).toEqual(['typed-figure']);
  });

  it('rounds a figure written with trailing zeros as written: 74.0% is no rounding of 73.6%, nor US$74.0 billion of US$73.6 billion', () => {
    const rate = (id: string, label: string, unit: string) =>
      `${id}: { label: ${label}, unit: ${unit}, period_type: quarter, source: 10-Q, values: [{ value: 74.0, period: Q1 FY25, period_end: 2024-09-30 }, { value: 76.5, period: Q1 FY26, period_end: 2025-09-30 }] }`;
    const all = [rate('margin', 'Services gross margin', 'percent'), rate('sales', 'Services net sales', 'USD, scale: billion')];
    const text = (t: string) => `          - paragraph: '${t} Both: [[margin]], [[sales]].'\n`;
    expect(rules(canvas(all, text('Services gross margin was 73.6% in Q1 FY26.')))).toEqual(['typed-mismatch']);
    expect(rules(canvas(all, text('Services net sales were $73.6 billion in Q1 FY26.')))).toEqual(['typed-mismatch']);
    // Rounded as typed, it is the other period's figure: said as text left from that period, unless the sentence names it too.
    expect(findingsOf(canvas(all, text('Services gross margin was 74% in Q1 FY26.')))).toEqual([
      '11 typed-mismatch: "74%" is typed into the text as Services gross margin for "Q1 FY26", but margin@2025-09-30 is 76.5% (Q1 FY26); "74%" is the figure for Q1 FY25 (text left from an earlier period?): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[margin]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
    expect(rules(canvas(all, text('Services gross margin was 74% in Q1 FY26, as in Q1 FY25.')))).toEqual([]);
    // So with a stated change: last quarter's growth left under this quarter's words (the Apple trial's "Services grew 12%").
    const services = 'services: { label: Services net sales, unit: USD, scale: billion, period_type: quarter, source: 10-Q, values: [{ value: 24.2, period: Q1 FY25, period_end: 2024-09-30, change: { percent: 12 } }, { value: 27.6, period: Q1 FY26, period_end: 2025-09-30, change: { percent: 14 } }] }';
    expect(findingsOf(canvas([services], `          - paragraph: 'Services net sales grew 12% in Q1 FY26. Now: [[services]].'\n`))).toEqual([
      '10 typed-mismatch: "12%" is typed into the text as the change of Services net sales for "Q1 FY26", but services@2025-09-30 states a change of +14% YoY (Q1 FY26); "12%" is the figure for Q1 FY25 (text left from an earlier period?): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[services.change]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
  });

  it('reads another basis around the figure only within its clause, to a semicolon: one said of another clause leaves the figure found', () => {
    for (const text of ['Revenue was $79.0 billion in Q1 FY26; on a non-GAAP basis, margins widened.', 'On a non-GAAP basis margins widened; revenue was $79.0 billion in Q1 FY26.']) {
      const line = `          - paragraph: '${text} Both: [[revenue]], [[cloud]].'`;
      expect(validateWithWarnings(parseCanvas(`${HEAD}${canvas(metrics, `${line}\n`)}`, 'c.yaml')).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => `${f.line}:${f.column} ${f.message}`), text).toEqual([
        `11:${line.indexOf('$79.0') + 1} "$79.0 billion" is typed into the text as Revenue for "Q1 FY26", but revenue@2025-09-30 is US$77.7 billion (Q1 FY26): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[revenue]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding`,
      ]);
    }
    // The basis in the figure's own clause still leaves it alone.
    for (const text of ['Revenue was $79.0 billion in Q1 FY26 on a non-GAAP basis; margins widened.', 'Margins widened; on a non-GAAP basis revenue was $79.0 billion in Q1 FY26.']) {
      expect(rules(canvas(metrics, said(text))).filter((r) => r !== 'typed-figure'), text).toEqual([]);
    }
  });

  it('reads a sentence that starts with a name in camel case (iPhone, iPad, eBay) as a sentence of its own', () => {
    const iphone = metrics[1]!.replace('Intelligent Cloud revenue', 'iPhone net sales');
    expect(rules(canvas([metrics[0]!, iphone], said('Demand held up. iPhone net sales were $31.9 billion in Q1 FY26.')))).toEqual(['typed-mismatch']);
  });

  it('leaves alone an amount it cannot tie to the measure and period, or that is a figure of the measure as typed', () => {
    for (const text of [
      // Another measure: a name with a word before it, or a place after it; a difference; a qualifier; no period named.
      'Cloud revenue was $49.1 billion in Q1 FY26.', 'Revenue in China was $5.1 billion in Q1 FY26.', 'Revenue rose by $12.1 billion in Q1 FY26.',
      // A segment named "... Group"; measures named together, their figures in a list.
      'In Q1 FY26, More Personal Computing Group revenue was $13.5 billion.', 'In Q1 FY26 Intelligent Cloud revenue and revenue were $30.9 billion and $78.7 billion.',
      'Revenue was about $80 billion in Q1 FY26.', 'Revenue was $70.0 billion before the reorganisation.',
      // A plan or an earlier statement; a quote of a source.
      'Guidance: revenue of $80.0 billion in Q1 FY26.', 'Revenue was previously reported at $76.0 billion for Q1 FY26.', 'In Q1 FY26 the CEO said "revenue was $80.0 billion".',
      // The figure as typed (rounded, or more precise than the canvas has it), another period's, or another metric's.
      // A figure on another basis than the reported one: said after it, or before the measure's name; or per share.
      'In Q1 FY26, revenue was $74.9 billion on a constant currency basis.', 'In Q1 FY26, revenue was $73.1 billion excluding the impact of the Activision deal.',
      'In Q1 FY26 revenue was $77.7 billion; excluding the impact of the Activision deal, revenue was $73.1 billion.', 'On a non-GAAP basis, revenue was $78.1 billion in Q1 FY26.',
      'In Q1 FY26, revenue was $3.72 per share.', 'Revenue was $79.0 billion in Q1 FY26, on an adjusted basis.',
      // An earlier period's figure, so dated by the words before or after it.
      'In Q1 FY26 revenue was $77.7 billion; a year earlier, revenue was $64.0 billion.', 'In Q1 FY26 revenue was $77.7 billion, and revenue was $64.0 billion a year earlier.',
      'In Q1 FY26 revenue was $77.7 billion, while in the same quarter last year revenue was $64.0 billion.',
      'Revenue was $78 billion in Q1 FY26.', 'Revenue was $77.69 billion in Q1 FY26.', 'In Q1 FY26 revenue was $65.6 billion, as in Q1 FY25.', 'Revenue was $24.1 billion in Q1 FY26.',
    ]) {
      expect(rules(canvas(metrics, said(text))).filter((r) => r !== 'typed-figure'), text).toEqual([]);
    }
  });

  it('finds an amount that is none of several figures of the measure for the period the sentence names, naming them all; leaves one that is any of them', () => {
    // The annual report's figure and a press release's, both for FY2025 (their contradiction is the contradiction rule's).
    const two = [
      'revenue: { label: Revenue, unit: EUR, scale: million, period_type: fiscal_year, source: Annual report, values: [{ value: 1100, period: FY2024, period_end: 2024-12-31 }, { value: 1204, period: FY2025, period_end: 2025-12-31 }] }',
      'rev_press: { label: Revenue, value: 1.18, unit: EUR, scale: billion, period: FY2025, period_type: fiscal_year, period_end: 2025-12-31, source: Press release }',
    ];
    const text = (t: string) => `          - paragraph: '${t} Now: [[revenue]], [[rev_press]].'\n`;
    const mismatches = (t: string) => findingsOf(canvas(two, text(t))).filter((f) => f.includes('typed-mismatch'));
    expect(mismatches('Revenue was EUR 1.3 billion in FY2025.')).toEqual([
      '11 typed-mismatch: "EUR 1.3 billion" is typed into the text as Revenue for "FY2025", but the canvas has 2 figures of Revenue for it (revenue@2025-12-31: €1,204 million, FY2025; rev_press: €1.18 billion, FY2025), and it is none of them, as typed or rounded: the text and the figures disagree, and the briefing would print the text beside them. Check them against the source, correct the ones that are wrong, and write the reference to the right one in the text ([[revenue]] or [[rev_press]]), so that it prints the figure and follows it; if the text means another figure, acknowledge the finding (rule typed-mismatch, metrics: [revenue@2025-12-31, rev_press])',
    ]);
    expect(mismatches('Revenue of EUR 1,240 million in FY2025 was a record.')).toEqual([expect.stringContaining('"EUR 1,240 million" is typed into the text as Revenue for "FY2025", but the canvas has 2 figures of Revenue for it')]);
    // Acknowledged by naming both, as the finding does.
    const acknowledged = `${canvas(two, text('Revenue was EUR 1.3 billion in FY2025.'))}data_notes:\n  acknowledged:\n    - { rule: typed-mismatch, metrics: [revenue@2025-12-31, rev_press], reason: The text quotes the CEO. }\n`;
    expect(validateWithWarnings(parseCanvas(`${HEAD}${acknowledged}`, 'c.yaml')).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.acknowledged)).toEqual(['The text quotes the CEO.']);
    // Any one of them, as typed or rounded, is left alone; so is another period's.
    for (const t of ['Revenue was EUR 1.18 billion in FY2025.', 'Revenue was EUR 1.2 billion in FY2025.', 'Revenue was EUR 1,204 million in FY2025.', 'Revenue was EUR 1,180 million in FY2025.', 'Revenue was EUR 1,100 million in FY2025.']) {
      expect(mismatches(t), t).toEqual([]);
    }
  });

  it('reads a free table\'s cell after its row\'s label, exactly a metric\'s: the column or title for the period, or the current one', () => {
    const segments = [
      'drives: { label: Drives, value: 700, unit: EUR, scale: million, period: FY2025, period_type: fiscal_year, period_end: 2025-12-31, source: Annual report }',
      'automation: { label: Automation, value: 350, unit: EUR, scale: million, period: FY2025, period_type: fiscal_year, period_end: 2025-12-31, source: Annual report }',
      'margin: { label: EBIT margin, value: 11.2, unit: percent, period: FY2025, period_type: fiscal_year, period_end: 2025-12-31, source: Annual report }',
      'employees: { label: Employees, value: 5840, unit: employees, period: FY2025, period_type: fiscal_year, period_end: 2025-12-31, source: Annual report }',
    ];
    const table = (title: string, columns: string[], rows: string[][]) => `          - table: { title: "${title}", columns: [${columns.map((c) => `"${c}"`).join(', ')}], rows: [${rows.map((r) => `[${r.map((c) => `"${c}"`).join(', ')}]`).join(', ')}] }\n          - paragraph: 'Now: [[drives]], [[automation]], [[margin]], [[employees]].'\n`;
    const mismatches = (content: string) => findingsOf(canvas(segments, content)).filter((f) => f.includes('typed-mismatch'));
    expect(mismatches(table('Segments', ['Segment', 'FY2025'], [['Drives', 'EUR 760 million'], ['Automation', 'EUR 350 million']]))).toEqual([
      '13 typed-mismatch: "EUR 760 million" is typed into the table as Drives for "FY2025", but drives is €700 million (FY2025): the table and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[drives]] in the cell, so that it prints the figure and follows it; if the table means another figure, acknowledge the finding',
    ]);
    // The period from the title; a percentage and a count; the row's label in other case and spacing.
    expect(mismatches(table('Key figures, FY2025', ['Measure', 'Value'], [['drives', 'EUR 760 million'], ['EBIT  margin', '12.1%'], ['Employees', '5,900']]))).toEqual([
      expect.stringContaining('"EUR 760 million" is typed into the table as Drives for "FY2025"'),
      expect.stringContaining('"12.1%" is typed into the table as EBIT margin for "FY2025", but margin is 11.2%'),
      expect.stringContaining('"5,900" is typed into the table as Employees for "FY2025", but employees is 5,840 employees'),
    ]);
    // A column naming the measure's revenue, under a title naming the period, beside a column of another measure.
    expect(mismatches(table('Segments, FY2025 (EUR million)', ['Segment', 'Revenue', 'EBIT'], [['Drives', 'EUR 760 million', 'EUR 84 million']]))).toEqual([expect.stringContaining('"EUR 760 million" is typed into the table as Drives for "FY2025"')]);
    // Columns written as objects ({ title, decimals }) are read by their titles alike.
    const objects = `          - table: { title: "Segments, FY2025 (EUR million)", columns: ["Segment", { title: Revenue, decimals: 0 }, { title: EBIT, decimals: 0 }], rows: [["Drives", "EUR 760 million", "EUR 84 million"]] }\n          - paragraph: 'Now: [[drives]], [[automation]], [[margin]], [[employees]].'\n`;
    expect(mismatches(objects)).toEqual([expect.stringContaining('"EUR 760 million" is typed into the table as Drives for "FY2025"')]);
    // Beside a prior year's column, or a plan's: those are the table's other figures, not what this column's is.
    for (const columns of [['Segment', 'FY2025', 'Prior year'], ['Segment', 'Revenue', 'Budget'], ['Segment', 'FY2025', 'Restated FY2024']]) {
      expect(mismatches(table('Segments, FY2025', columns, [['Drives', 'EUR 760 million', 'EUR 640 million']])), columns.join('/')).toEqual([expect.stringContaining('"EUR 760 million" is typed into the table as Drives for "FY2025"')]);
    }
    // ...but not under a section whose title names another measure.
    expect(findingsOf(canvas(segments, table('Segments', ['Segment', 'FY2025'], [['Drives', 'EUR 84 million']])).replace('title: T', 'title: EBIT by segment')).filter((f) => f.includes('typed-mismatch'))).toEqual([]);
    // A section title's small words ("and") are no other measure's, though a metric's label has them ("Cash and cash
    // equivalents"): the wrong cell was passed over.
    const withCash = [...segments, 'cash: { label: Cash and cash equivalents, value: 210, unit: EUR, scale: million, period: FY2025, period_type: fiscal_year, period_end: 2025-12-31, source: Annual report }'];
    const cashTable = table('Segments', ['Segment', 'FY2025'], [['Drives', 'EUR 760 million']]).replace("[[employees]].'", "[[employees]], [[cash]].'");
    expect(findingsOf(canvas(withCash, cashTable).replace('title: T', 'title: Segments and divisions')).filter((f) => f.includes('typed-mismatch'))).toEqual([expect.stringContaining('"EUR 760 million" is typed into the table as Drives for "FY2025"')]);
    expect(findingsOf(canvas(withCash, cashTable).replace('title: T', 'title: Cash by segment')).filter((f) => f.includes('typed-mismatch'))).toEqual([]);
    // Neither naming a period: the briefing's current one.
    expect(mismatches(table('Segments', ['Segment', 'Value'], [['Drives', 'EUR 760 million']]))).toEqual([expect.stringContaining('"EUR 760 million" is typed into the table as Drives in a table cell whose column and title name no period, read as the briefing\'s current one, but drives')]);
    // Right figures, as typed or rounded, stay silent; so do rows whose label is not a metric's, cells with more than a
    // figure, another period's column, a change, a plan or another basis, and several periods named.
    for (const [title, columns, rows] of [
      ['Segments', ['Segment', 'FY2025'], [['Drives', 'EUR 700 million'], ['Automation', 'EUR 0.35 billion'], ['EBIT margin', '11%'], ['Employees', '5,840']]],
      ['Segments', ['Segment', 'FY2025'], [['Drives revenue', 'EUR 760 million'], ['Drives (EUR)', 'EUR 760 million'], ['Drives', 'about EUR 760 million'], ['Drives', 'EUR 760 million (restated)']]],
      ['Segments', ['Segment', 'FY2024'], [['Drives', 'EUR 760 million']]],
      ['Segments, FY2025', ['Segment', 'Change'], [['Drives', 'EUR 60 million'], ['EBIT margin', '0.5%']]],
      ['Segments, FY2025', ['Segment', 'Prior year'], [['Drives', 'EUR 640 million']]],
      ['Segments, FY2025', ['Segment', '% of revenue'], [['EBIT margin', '12.1%']]],
      ['Guidance FY2025', ['Segment', 'FY2025'], [['Drives', 'EUR 760 million']]],
      ['Adjusted figures', ['Segment', 'FY2025'], [['Drives', 'EUR 760 million']]],
      ['Segments, FY2025 vs FY2024', ['Segment', 'Value'], [['Drives', 'EUR 760 million']]],
      // Another measure of the row's segment, named by the column or title.
      ['Segments, FY2025', ['Segment', 'Revenue', 'EBIT'], [['Drives', 'EUR 700 million', 'EUR 84 million']]],
      ['Segment EBIT, FY2025', ['Segment', 'FY2025'], [['Drives', 'EUR 84 million']]],
      ['Capex by segment', ['Segment', 'FY2025'], [['Drives', 'EUR 84 million']]],
    ] as Array<[string, string[], string[][]]>) {
      expect(mismatches(table(title, columns, rows)), `${title} ${columns.join('/')} ${JSON.stringify(rows)}`).toEqual([]);
    }
  });

  it('reads a free table\'s bare number in the unit its title or column heading states: 413 under "(£ million)" is £413 million', () => {
    const bank = [
      'nii: { label: Net interest income, unit: GBP, scale: million, period_type: quarter, source: IMS, values: [{ value: 411, period: Q3 2024, period_end: 2024-09-30 }, { value: 447.3, period: Q3 2025, period_end: 2025-09-30 }] }',
      'nim: { label: Net interest margin, unit: percent, period_type: quarter, source: IMS, values: [{ value: 2.91, period: Q3 2024, period_end: 2024-09-30 }, { value: 3.05, period: Q3 2025, period_end: 2025-09-30 }] }',
    ];
    // Cells as YAML writes them: bare numbers, a number written with its zero (447.0), or in quotes ("1,234").
    const table = (title: string, columns: string[], rows: string[]) => `          - table: { title: "${title}", columns: [${columns.map((c) => `"${c}"`).join(', ')}], rows: [${rows.join(', ')}] }\n          - paragraph: 'Now: [[nii]], [[nim]].'\n`;
    const mismatches = (content: string) => findingsOf(canvas(bank, content)).filter((f) => f.includes('typed-mismatch'));
    expect(mismatches(table('Summary income statement (£ million)', ['Line item', 'Q3 2025', 'Q3 2024'], ['[Net interest income, 447, 413]']))).toEqual([
      '11 typed-mismatch: "413" (read as £413 million, the unit the table\'s title "Summary income statement (£ million)" states) is typed into the table as Net interest income for "Q3 2024", but nii@2024-09-30 is £411 million (Q3 2024): the table and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[nii@2024-09-30]] in the cell, so that it prints the figure and follows it; if the table means another figure, acknowledge the finding',
    ]);
    // The unit and the period from the title, or the heading, however written; a percentage under "(%)".
    for (const [title, columns, row] of [
      ['Net interest income, Q3 2024 (£ million)', ['Line item', 'Value'], '[Net interest income, 413]'],
      ['Income statement', ['Line item', 'Q3 2024 (£m)'], '[Net interest income, 413]'],
      ['Results, Q3 2024 (GBP m)', ['Line item', 'Value'], '[Net interest income, 413]'],
      ['Results, Q3 2024 (in GBP million)', ['Line item', 'Value'], '[Net interest income, 413.0]'],
      ['Results, Q3 2024', ['Line item', '£m'], '[Net interest income, "413"]'],
      ["Results, Q3 2024 (£'000)", ['Line item', 'Value'], '[Net interest income, "413,000"]'],
    ] as Array<[string, string[], string]>) {
      expect(mismatches(table(title, columns, [row])), `${title} ${columns.join('/')}`).toEqual([expect.stringMatching(/^11 typed-mismatch: "413(?:\.0|,000)?" \(read as (?:£|GBP )413(?:\.0|,000)? (?:million|thousand), the unit .* states\) is typed into the table as Net interest income for "Q3 2024", but nii@2024-09-30 is £411 million/)]);
    }
    expect(mismatches(table('Key figures (%)', ['Measure', 'Q3 2025'], ['[Net interest margin, 3.15]']))).toEqual([expect.stringContaining('"3.15" (read as 3.15%, the unit the table\'s title "Key figures (%)" states) is typed into the table as Net interest margin for "Q3 2025", but nim@2025-09-30 is 3.05%')]);
    // Acknowledged as a typed "£413 million" is, by the figure read.
    const acknowledged = `${canvas(bank, table('Summary income statement (£ million)', ['Line item', 'Q3 2025', 'Q3 2024'], ['[Net interest income, 447, 413]']))}data_notes:\n  acknowledged:\n    - { rule: typed-mismatch, metrics: [nii@2024-09-30], figure: "£413 million against £411 million", reason: Restated. }\n`;
    expect(validateWithWarnings(parseCanvas(`${HEAD}${acknowledged}`, 'c.yaml')).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.acknowledged)).toEqual(['Restated.']);
    // Right, rounded as written, or of a measure that is no metric's: silent. So are numbers whose unit is not stated, or
    // stated two ways, a change's or a share's column, and a column or title that names no period.
    for (const [title, columns, row] of [
      ['Summary income statement (£ million)', ['Line item', 'Q3 2025', 'Q3 2024'], '[Net interest income, 447, 411]'],
      ['Summary income statement (£ billion)', ['Line item', 'Q3 2025', 'Q3 2024'], '[Net interest income, 0.45, 0.41]'],
      ['Summary income statement (£ million)', ['Line item', 'Q3 2025', 'Q3 2024'], '[Net fee income, 447, 413]'],
      ['Summary income statement', ['Line item', 'Q3 2025', 'Q3 2024'], '[Net interest income, 447, 413]'],
      ['Summary income statement (in millions)', ['Line item', 'Q3 2025', 'Q3 2024'], '[Net interest income, 447, 413]'],
      ['Summary income statement (£ million)', ['Line item', 'Q3 2025', 'Q3 2024 (£bn)'], '[Net interest income, 447, 413]'],
      ['Summary income statement (£ million)', ['Line item', 'Q3 2025', 'Change'], '[Net interest income, 447, 36]'],
      ['Summary income statement (£ million)', ['Line item', 'Q3 2025', 'YoY'], '[Net interest income, 447, 36]'],
      ['Summary income statement (£ million)', ['Line item', 'Q3 2025', '%'], '[Net interest income, 447, 8.8]'],
      ['Summary income statement (£ million)', ['Line item', 'Value'], '[Net interest income, 413]'],
      ['Key figures, Q3 2025', ['Measure', '(%)'], '[Net interest margin, 3.15]'],
      ['Key figures (%)', ['Measure', 'Q3 2025'], '[Net interest margin, 3.1]'],
    ] as Array<[string, string[], string]>) {
      expect(mismatches(table(title, columns, [row])), `${title} ${columns.join('/')} ${row}`).toEqual([]);
    }
  });

  it('reads no per-share row under a title\'s scale ("(£ million)"): EPS and dividends per share are in their own unit, read so only "except per share data"', () => {
    const uk = [
      'revenue: { label: Revenue, unit: GBP, scale: million, period_type: half_year, source: Interims, values: [{ value: 812.4, period: H1 2024, period_end: 2024-06-30 }, { value: 845.1, period: H1 2025, period_end: 2025-06-30 }] }',
      'eps: { label: Basic EPS, unit: GBX, period_type: half_year, source: Interims, values: [{ value: 41.8, period: H1 2024, period_end: 2024-06-30 }, { value: 45.2, period: H1 2025, period_end: 2025-06-30 }] }',
      'dps: { label: Interim dividend per share, unit: GBX, period_type: half_year, source: Interims, values: [{ value: 12.5, period: H1 2025, period_end: 2025-06-30 }] }',
    ];
    const us = [
      'net_income: { label: Net income (loss), unit: USD, scale: million, period_type: quarter, source: 10-Q, values: [{ value: -45, period: Q3 2025, period_end: 2025-09-30 }] }',
      'eps: { label: Diluted EPS, unit: USD, period_type: quarter, source: 10-Q, values: [{ value: -0.24, period: Q3 2025, period_end: 2025-09-30 }] }',
    ];
    const table = (title: string, columns: string[], rows: string[], refs: string) => `          - table: { title: "${title}", columns: [${columns.map((c) => `"${c}"`).join(', ')}], rows: [${rows.join(', ')}] }\n          - paragraph: 'Now: ${refs}.'\n`;
    const ukTable = (title: string, rows: string[]) => findingsOf(canvas(uk, table(title, ['Line item', 'H1 2025', 'H1 2024', 'Change (%)'], rows, '[[revenue]], [[eps]], [[dps]]'))).filter((f) => f.includes('typed-mismatch'));
    const usTable = (title: string, rows: string[]) => findingsOf(canvas(us, table(title, ['Line item', 'Q3 2025'], rows, '[[net_income]], [[eps]]'))).filter((f) => f.includes('typed-mismatch'));
    // Right or wrong, a per-share row under a title's scale is not read in it; the wrong revenue beside it still is.
    for (const eps of ['45.2', '46.0']) {
      expect(ukTable('Summary income statement (£ million)', [`[Revenue, 845.1, 812.4, 4.0]`, `[Basic EPS, ${eps}, 41.8, 8.1]`, '[Interim dividend per share, 12.5, 12.0, 4.2]']), eps).toEqual([]);
    }
    expect(ukTable('Summary income statement (£ million)', ['[Revenue, 854.1, 812.4, 4.0]', '[Basic EPS, 45.2, 41.8, 8.1]'])).toEqual([expect.stringContaining('"854.1" (read as £854.1 million, the unit the table\'s title "Summary income statement (£ million)" states) is typed into the table as Revenue for "H1 2025"')]);
    expect(usTable('Key figures Q3 2025 (US$ million)', ['[Net income (loss), -45]', '[Diluted EPS, -0.24]'])).toEqual([]);
    expect(usTable('Key figures Q3 2025 (US$ million)', ['[Net income (loss), -45]', '[Diluted EPS, -0.25]'])).toEqual([]);
    // A row named by a metric in pence, or in a currency without a scale, though its label names no share.
    expect(findingsOf(canvas(uk.map((m) => m.replace('label: Basic EPS', 'label: Earnings')), table('Results (£ million)', ['Line item', 'H1 2025'], ['[Earnings, 46.0]'], '[[revenue]], [[eps]], [[dps]]'))).filter((f) => f.includes('typed-mismatch'))).toEqual([]);
    // Where the title says so, read in the metric's own unit: the title's currency without its scale (pence, which a
    // cell is not read in, not at all).
    expect(ukTable('Summary income statement (£ million, except per share data)', ['[Basic EPS, 46.0, 41.8, 8.1]', '[Interim dividend per share, 12.9, 12.0, 4.2]'])).toEqual([]);
    expect(usTable('Key figures Q3 2025 (US$ million, except per share data)', ['[Diluted EPS, -0.24]'])).toEqual([]);
    expect(usTable('Key figures Q3 2025 (US$ million, except per share data)', ['[Diluted EPS, -0.25]'])).toEqual([expect.stringContaining('"-0.25" (read as \u2212US$0.25, the unit the table\'s title "Key figures Q3 2025 (US$ million, except per share data)" states) is typed into the table as Diluted EPS for "Q3 2025", but eps@2025-09-30 is -US$0.24')]);
    // A negative read in the title's unit is quoted with a true minus.
    expect(usTable('Key figures Q3 2025 (US$ million)', ['[Net income (loss), -54]'])).toEqual([expect.stringContaining('"-54" (read as \u2212US$54 million, the unit')]);
  });

  it('finds a percentage that is none of several figures of the measure for the period the sentence names, naming them all; leaves one that is any of them', () => {
    // The annual report's margin and a press release's, both for FY2025.
    const two = [
      'ebit_margin: { label: EBIT margin, value: 11.2, unit: percent, period: FY2025, period_type: fiscal_year, period_end: 2025-12-31, source: Annual report }',
      'margin_press: { label: EBIT margin, value: 11.0, unit: percent, period: FY2025, period_type: fiscal_year, period_end: 2025-12-31, source: Press release }',
    ];
    const text = (t: string) => `          - paragraph: '${t} Now: [[ebit_margin]], [[margin_press]].'\n`;
    const mismatches = (t: string) => findingsOf(canvas(two, text(t))).filter((f) => f.includes('typed-mismatch'));
    expect(mismatches('The EBIT margin was 12.1% in FY2025.')).toEqual([
      '11 typed-mismatch: "12.1%" is typed into the text as EBIT margin for "FY2025", but the canvas has 2 figures of EBIT margin for it (ebit_margin: 11.2%, FY2025; margin_press: 11.0%, FY2025), and it is none of them, as typed or rounded: the text and the figures disagree, and the briefing would print the text beside them. Check them against the source, correct the ones that are wrong, and write the reference to the right one in the text ([[ebit_margin]] or [[margin_press]]), so that it prints the figure and follows it; if the text means another figure, acknowledge the finding (rule typed-mismatch, metrics: [ebit_margin, margin_press])',
    ]);
    // Acknowledged by naming both, as the finding does.
    const acknowledged = `${canvas(two, text('The EBIT margin was 12.1% in FY2025.'))}data_notes:\n  acknowledged:\n    - { rule: typed-mismatch, metrics: [ebit_margin, margin_press], reason: The text quotes the CEO. }\n`;
    expect(validateWithWarnings(parseCanvas(`${HEAD}${acknowledged}`, 'c.yaml')).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.acknowledged)).toEqual(['The text quotes the CEO.']);
    // Any one of them, as typed or rounded, is left alone.
    for (const t of ['The EBIT margin was 11.2% in FY2025.', 'The EBIT margin was 11.0% in FY2025.', 'The EBIT margin was 11% in FY2025.']) {
      expect(mismatches(t), t).toEqual([]);
    }
  });

  it('reads a balance at a quarter\'s close (period_type: as_at) as that quarter\'s figure: a CET1 ratio or loans typed wrong "in Q3 2025"', () => {
    const balances = [
      'cet1: { label: CET1 ratio, unit: percent, period_type: as_at, source: 10-Q, values: [{ value: 12.8, period: 30 Sep 2024, period_end: 2024-09-30 }, { value: 13.1, period: 30 Sep 2025, period_end: 2025-09-30 }] }',
      'loans: { label: Loans, unit: USD, scale: billion, period_type: as_at, source: 10-Q, values: [{ value: 718.0, period: 30 Sep 2024, period_end: 2024-09-30 }, { value: 742.6, period: 30 Sep 2025, period_end: 2025-09-30 }] }',
    ];
    const text = (t: string) => `          - paragraph: '${t} Now: [[cet1]], [[loans]].'\n`;
    expect(findingsOf(canvas(balances, text('The CET1 ratio was 13.4% in Q3 2025.')))).toEqual([
      '11 typed-mismatch: "13.4%" is typed into the text as CET1 ratio for "Q3 2025", but cet1@2025-09-30 is 13.1% (30 Sep 2025): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[cet1]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
    expect(rules(canvas(balances, text('Loans were $750.0 billion at the end of Q3 2025.')))).toEqual(['typed-mismatch']);
    // Last year's balance typed under this quarter's name is text not updated, with the reference to each.
    expect(findingsOf(canvas(balances, text('Loans were $718.0 billion in Q3 2025.')))).toEqual([
      expect.stringMatching(/typed-figure: "\$718\.0 billion" is typed into the text, and is the value of loans@2024-09-30 \(30 Sep 2024\), but its sentence speaks of "Q3 2025", for which loans is US\$742\.6 billion/),
    ]);
    expect(rules(canvas(balances, text('The CET1 ratio was 13.1% in Q3 2025, against 12.8% in Q3 2024.')))).toEqual([]);
  });
});

describe('typed-mismatch of a count: a number of the measure\'s unit, no money or percent', () => {
  const HEAD_Q3 = 'company: { name: Harborline Logistics Inc., short_name: Harborline, ticker: HBL, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: Q3 2025, as_of: 2025-11-04, currency: USD }\n';
  const metrics = [
    'employees: { label: Employees, value: 18720, unit: employees, period: 30 Sep 2025, period_type: as_at, period_end: 2025-09-30, source: 10-Q }',
    'teu: { label: Ocean volume, value: 221.9, unit: TEUs, scale: thousand, period: Q3 2025, period_type: quarter, period_end: 2025-09-30, source: Operating statistics }',
    'warehouses: { label: Warehouses operated, value: 191, unit: warehouses, period: 30 Sep 2025, period_type: as_at, period_end: 2025-09-30, source: Operating statistics }',
    'tonnes: { label: Air tonnage, value: 99.0, unit: tonnes, scale: thousand, period: Q3 2025, period_type: quarter, period_end: 2025-09-30, source: Operating statistics }',
  ];
  const body = (t: string) => `${HEAD_Q3}metrics:\n${metrics.map((m) => `  ${m}\n`).join('')}blocks:\n  revenue_streams:\n    sections:\n      - title: Operations\n        content:\n          - paragraph: '${t} Now: [[employees]], [[teu]], [[warehouses]], [[tonnes]].'\n`;
  const mismatches = (t: string) => validateWithWarnings(parseCanvas(body(t), 'c.yaml')).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message);

  it('finds a count typed after the measure\'s name, or just before it as its unit after the company\'s name, that is not its figure', () => {
    expect(mismatches('Ocean volume was 229.1 thousand TEUs in Q3 2025.')).toEqual([
      '"229.1 thousand TEUs" is typed into the text as Ocean volume for "Q3 2025", but teu is 221.9 thousand TEUs (Q3 2025): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[teu]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
    for (const [t, typed] of [
      ['Warehouses operated reached 199 warehouses in Q3 2025.', '"199 warehouses"'], ['Employees numbered 18,270 in Q3 2025.', '"18,270"'], ['Air tonnage was 99.9 thousand tonnes in Q3 2025.', '"99.9 thousand tonnes"'],
      ['Harborline had 18,270 employees at 30 September 2025.', '"18,270 employees"'], ['Ocean volume was 229.1 thousand TEUs.', '"229.1 thousand TEUs"'], ['The company had 18,270 employees in Q3 2025.', '"18,270 employees"'],
    ]) {
      expect(mismatches(t), t).toEqual([expect.stringContaining(`${typed} is typed into the text as`)]);
    }
  });

  it('leaves alone a count that is the figure, in another unit, of a part, on another basis, of another time, or not tied to the measure', () => {
    for (const t of [
      'Ocean volume was 221.9 thousand TEUs in Q3 2025.', 'Ocean volume was 222 thousand TEUs in Q3 2025.', 'Harborline had 18,720 employees at 30 September 2025.', 'Employees numbered 18,720.',
      'Ocean volume was 229.1 thousand tonnes in Q3 2025.', 'Ocean volume was about 229.1 thousand TEUs in Q3 2025.', 'Ocean volume was 229.1 thousand TEUs in Asia in Q3 2025.',
      'Ocean volume was 229.1 thousand TEUs a year earlier.', 'Ocean volume was 229.1 thousand TEUs in Q3 2024.', 'Ocean volume was 229.1 thousand TEUs excluding the acquisition.',
      'The segment had 18,270 employees at 30 September 2025.', 'Harborline had 18,270 employees in Europe.', 'Harborline had 18,270 employees in 40 countries.', 'Ocean volume was 229.1 thousand TEUs on 42 routes in Q3 2025.', 'Harborline had 18,270 staff.', 'Employees numbered 18,270 in 2024.',
      'Ocean volume was 2025 in Q3 2025.', 'Ocean volume was 221.9 thousand TEUs, and 25 new vessels joined in Q3 2025.', 'We expect ocean volume of 229.1 thousand TEUs.',
    ]) {
      expect(mismatches(t), t).toEqual([]);
    }
  });
  it('reads a multiple of a measure of times as its figure is typed, "2.3x", "2.3 x", "2.3×" (as "2.3 times" was), and a leverage as prose names it: a leverage typed wrong so went unreported', () => {
    const leverage = 'leverage: { label: Net debt/EBITDA, value: 2.6, unit: times, period: 30 Sep 2025, period_type: as_at, period_end: 2025-09-30, source: 10-Q }';
    const found = (t: string) => validateWithWarnings(parseCanvas(`${HEAD_Q3}metrics:\n  ${leverage}\nblocks:\n  revenue_streams:\n    lead: '${t} Now: [[leverage]].'\n`, 'c.yaml')).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message);
    for (const [t, typed] of [['Net debt/EBITDA was 2.3x.', '2.3x'], ['Net debt/EBITDA was 2.3 x at 30 September 2025.', '2.3 x'], ['Net debt/EBITDA was 2.3×.', '2.3×'], ['Net debt/EBITDA was 2.3 times.', '2.3 times']]) {
      expect(found(t), t).toEqual([expect.stringContaining(`"${typed}" is typed into the text as Net debt/EBITDA`)]);
      expect(found(t.replace('2.3', '2.6')), t).toEqual([]);
    }
    // Not a count of another unit with an x after it, nor an x that starts a word, nor a multiple of something else.
    for (const t of ['Employees numbered 18,270x.', 'Net debt/EBITDA was 2.3xyz.', 'Net debt/EBITDA was 2.3x EBITDA.', 'Net debt/EBITDA was 2.3x a year earlier.']) {
      expect(found(t), t).toEqual([]);
    }
    expect(mismatches('Employees numbered 18,270x.')).toEqual([]);
    // Named as prose names it: "leverage", "net leverage", "the leverage ratio" (the label's words were needed).
    for (const t of ['Leverage stood at 2.3x.', 'Net leverage was 2.3x at 30 September 2025.', 'The leverage ratio was 2.3 times.']) {
      expect(found(t), t).toEqual([expect.stringContaining('is typed into the text as Net debt/EBITDA')]);
      expect(found(t.replace('2.3', '2.6')), t).toEqual([]);
    }
    // Not where another metric is labelled so, nor a part's.
    expect(found('Leverage at the segment level was 2.3x.')).toEqual([]);
    const own = validateWithWarnings(parseCanvas(`${HEAD_Q3}metrics:\n  ${leverage}\n  lev2: { label: Leverage, value: 2.3, unit: times, period: 30 Sep 2025, period_type: as_at, period_end: 2025-09-30, source: 10-Q }\nblocks:\n  revenue_streams:\n    lead: 'Leverage stood at 2.3x. Now: [[leverage]] [[lev2]].'\n`, 'c.yaml')).findings.filter((f) => f.rule === 'typed-mismatch');
    expect(own).toEqual([]);
  });

  it('reads the company\'s headcount in words of its own ("employed 18,270 people", "a workforce of 18,270") as its one measure labelled so', () => {
    for (const [t, typed] of [
      ['Harborline employed 18,270 people at 30 September 2025.', '"18,270 people"'], ['Harborline employs 18,270 workers.', '"18,270 workers"'], ['The company employed 18,270 staff in Q3 2025.', '"18,270 staff"'],
      ['At 30 September 2025, 18,270 people were employed by Harborline.', '"18,270 people"'], ['Harborline had a workforce of 18,270 at 30 September 2025.', '"18,270"'], ['Harborline’s headcount was 18,270.', '"18,270"'],
    ]) {
      expect(mismatches(t), t).toEqual([expect.stringContaining(`${typed} is typed into the text as Employees`)]);
    }
    for (const t of [
      'Harborline employed 18,720 people at 30 September 2025.', 'The segment employed 18,270 people.', 'Harborline employed 18,270 people in Europe.', '18,270 people were employed in Europe.',
      'Harborline had 18,270 staff.', 'Harborline employed 18,270 people a year earlier.', 'The segment had a workforce of 18,270.',
    ]) {
      expect(mismatches(t), t).toEqual([]);
    }
    // A measure labelled Headcount is named so too ("had 18,270 employees"), but not where two such measures leave it open which.
    const headcount = (t: string) => body(t).replace('label: Employees', 'label: Headcount');
    expect(validateWithWarnings(parseCanvas(headcount('Harborline had 18,270 employees.'), 'c.yaml')).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message)).toEqual([expect.stringContaining('"18,270 employees" is typed into the text as Headcount')]);
    const two = body('Harborline employed 18,270 people.').replace('blocks:', '  staff: { label: Staff, value: 17100, unit: employees, period: 30 Sep 2025, period_type: as_at, period_end: 2025-09-30, source: 10-Q }\nblocks:').replace('[[tonnes]]', '[[tonnes]], [[staff]]');
    expect(validateWithWarnings(parseCanvas(two, 'c.yaml')).findings.filter((f) => f.rule === 'typed-mismatch')).toEqual([]);
  });

  it('reads a count as Indian text writes it: in lakh or crore ("43.5 lakh", "1.2 crore customers"), or in Indian grouping ("43,50,000")', () => {
    const india = (t: string) => 'company: { name: Bharat Tele, ticker: BTL, exchange: NSE, country: India, sector: S, industry: I }\nbriefing: { period: Q2 FY26, as_of: 2025-10-31, currency: INR, language: en-IN }\nmetrics:\n'
      + '  subs: { label: Mobile subscribers, value: 4530, scale: thousand, unit: subscribers, period: 30 Sep 2025, period_type: as_at, period_end: 2025-09-30, source: Operating statistics }\n'
      + '  customers: { label: Customers, value: 12.4, scale: million, unit: customers, period: 30 Sep 2025, period_type: as_at, period_end: 2025-09-30, source: Operating statistics }\n'
      + `blocks:\n  revenue_streams:\n    sections:\n      - title: Operations\n        content:\n          - paragraph: '${t} Now: [[subs]], [[customers]].'\n`;
    const found = (t: string) => validateWithWarnings(parseCanvas(india(t), 'c.yaml')).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message);
    expect(found('Mobile subscribers reached 43.5 lakh.')).toEqual([expect.stringContaining('"43.5 lakh" is typed into the text as Mobile subscribers in a sentence that names no period, and no figure of Mobile subscribers for any period is "43.5 lakh", as typed or rounded: subs (the latest figure up to briefing.as_of, 31 Oct 2025) is 4,530 thousand subscribers (30 Sep 2025)')]);
    for (const [t, typed] of [
      ['Mobile subscribers reached 43,50,000.', '"43,50,000"'], ['Mobile subscribers reached 43.5 lakh at 30 September 2025.', '"43.5 lakh"'], ['Mobile subscribers reached 43.5 Lakhs.', '"43.5 Lakhs"'],
      ['Bharat Tele had 0.44 crore mobile subscribers.', '"0.44 crore mobile subscribers"'], ['Customers numbered 1.4 crore.', '"1.4 crore"'], ['Bharat Tele had 1,42,00,000 customers.', '"1,42,00,000 customers"'],
    ]) {
      expect(found(t), t).toEqual([expect.stringContaining(`${typed} is typed into the text as`)]);
    }
    // The figure, as typed or rounded, in lakh, crore, Indian grouping or thousands.
    // ...and in a table's cell, read as its row's sentence.
    const table = (cell: string) => validateWithWarnings(parseCanvas(india('Operations.').replace('          - paragraph:', `          - table: { columns: [Measure, Mobile subscribers], rows: [[Mobile subscribers, "${cell}"]] }\n          - paragraph:`), 'c.yaml')).findings.filter((f) => f.rule === 'typed-mismatch');
    expect(table('43.5 lakh')).toHaveLength(1);
    expect(table('45.3 lakh')).toEqual([]);
    for (const t of ['Mobile subscribers reached 45.3 lakh.', 'Mobile subscribers reached 45,30,000.', 'Mobile subscribers reached 45 lakh.', 'Bharat Tele had 0.45 crore mobile subscribers.', 'Customers numbered 1.24 crore.', 'Customers numbered 1.2 crore.', 'Mobile subscribers reached 4,530 thousand.']) {
      expect(found(t), t).toEqual([]);
    }
  });
});

describe('typed-mismatch of a half as Indian releases name it', () => {
  const india = (t: string, words = 'HY1 FY26 (half year ended 30 Sep 2025)') => 'company: { name: Bharat Tele, ticker: BTL, exchange: NSE, country: India, sector: S, industry: I }\nbriefing: { period: Q2 FY26, as_of: 2025-10-31, currency: INR, language: en-IN }\nmetrics:\n'
    + `  revenue: { label: Total revenue, value: 256400, unit: INR, scale: million, period: ${words}, period_type: half_year, period_end: 2025-09-30, source: Results }\n`
    + `blocks:\n  revenue_streams:\n    sections:\n      - title: Results\n        content:\n          - paragraph: '${t} Now: [[revenue]].'\n`;
  const found = (t: string, words?: string) => validateWithWarnings(parseCanvas(india(t, words), 'c.yaml')).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message);

  it('compares an amount in a sentence naming "HY1 FY26", "HY1FY26", "H1FY26" or "half year ended 30 September 2025" with the half\'s figure, whichever way the figure\'s words write it', () => {
    for (const words of ['HY1 FY26 (half year ended 30 Sep 2025)', 'H1 FY26 (half year ended 30 Sep 2025)', 'HY1FY26']) {
      for (const period of ['HY1 FY26', 'HY1FY26', 'H1FY26', 'H1 FY26', 'the half year ended 30 September 2025', 'the six months ended September 30, 2025']) {
        expect(found(`Total revenue was ₹25,460 crore in ${period}.`, words), `${words} / ${period}`).toEqual([expect.stringContaining(`"₹25,460 crore" is typed into the text as Total revenue for "${period.replace('the ', '')}", but revenue is ₹256,400 million`)]);
        expect(found(`Total revenue was ₹25,640 crore in ${period}.`, words), `${words} / ${period}`).toEqual([]);
      }
    }
    // Another half is another period.
    expect(found('Total revenue was ₹25,460 crore in HY1 FY25.')).toEqual([]);
  });

  it('gives the canvas\'s figure in the crore or lakh the amount is typed in, so a transposition is not hidden by a factor of ten', () => {
    expect(found('Total revenue was ₹25,460 crore in HY1 FY26.')).toEqual([expect.stringContaining('"₹25,460 crore" is typed into the text as Total revenue for "HY1 FY26", but revenue is ₹256,400 million or ₹25,640 crore (HY1 FY26')]);
    expect(found('Total revenue was ₹25,46,000 lakh in HY1 FY26.')).toEqual([expect.stringContaining('but revenue is ₹256,400 million or ₹2,564,000 lakh (HY1 FY26')]);
    // In millions, as the canvas writes it: nothing to convert.
    expect(found('Total revenue was ₹254,600 million in HY1 FY26.')).toEqual([expect.stringContaining('but revenue is ₹256,400 million (HY1 FY26')]);
    // Ten times the typed figure: a scale slipped, in the canvas or the text (1 crore is ten million, not a billion).
    expect(found('Total revenue was ₹2,564 crore in HY1 FY26.')).toEqual([expect.stringContaining('but revenue is ₹256,400 million or ₹25,640 crore (HY1 FY26 (half year ended 30 Sep 2025)); that is ten times "₹2,564 crore" (₹25,640 million; 1 crore = 10 million), likely a scale slipped in the metric or in the text (if "₹2,564 crore" is right, write value: 25640, scale: million for revenue)')]);
  });
});

describe('typed-mismatch in a sentence that names no period', () => {
  /** A canvas of the briefing for `period`, as of 31 Oct 2025, its metrics, then `blocks` (the revenue_streams block's sections, or more). */
  const briefing = (metrics: string[], sections: string, period = 'Q1 FY26', language = 'en') =>
    `company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: "${period}", as_of: 2025-10-31, currency: USD, language: ${language} }\nmetrics:\n${metrics.map((m) => `  ${m}\n`).join('')}blocks:\n  revenue_streams:\n    sections:\n${sections}`;
  const section = (text: string, title = 'Results', refs = '[[revenue]], [[margin]], [[azure]]') => `      - title: ${title}\n        content:\n          - paragraph: '${text.replaceAll("'", "''")} Now: ${refs}.'\n`;
  const mismatches = (body: string) => validateWithWarnings(parseCanvas(body, 'c.yaml')).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => `${f.line} ${f.message}`);
  const revenue = 'revenue: { label: Revenue, unit: USD, scale: billion, period_type: quarter, source: 10-Q, values: [{ value: 65.6, period: Q1 FY25, period_end: 2024-09-30, change: { percent: 16 } }, { value: 77.7, period: Q1 FY26, period_end: 2025-09-30, change: { percent: 18 } }, { value: 80.0, period: Q2 FY26, period_end: 2025-12-31, period_type: forecast }] }';
  const margin = 'margin: { label: Operating margin, unit: percent, period_type: quarter, source: 10-Q, values: [{ value: 46.6, period: Q1 FY25, period_end: 2024-09-30 }, { value: 48.9, period: Q1 FY26, period_end: 2025-09-30 }] }';
  const azure = 'azure: { label: Azure revenue growth, unit: percent, period_type: quarter, source: 10-Q, values: [{ value: 33, period: Q1 FY25, period_end: 2024-09-30 }, { value: 40, period: Q1 FY26, period_end: 2025-09-30 }] }';
  const all = [revenue, margin, azure];

  it('compares a figure typed after a measure\'s name with its latest figure up to briefing.as_of, naming it and the reference to write', () => {
    expect(mismatches(briefing(all, section('Revenue was $78.7 billion.')))).toEqual([
      '12 "$78.7 billion" is typed into the text as Revenue in a sentence that names no period, read as the briefing\'s current one, but revenue@2025-09-30 (the latest figure up to briefing.as_of, 31 Oct 2025) is US$77.7 billion (Q1 FY26), and no figure of Revenue for any period is "$78.7 billion", as typed or rounded: the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[revenue]] in the text, so that it prints the figure and follows it; if the text means another period\'s figure, name the period in the sentence, or acknowledge the finding',
    ]);
    expect(mismatches(briefing(all, section('Revenue grew 12%.')))).toEqual([
      expect.stringContaining('"12%" is typed into the text as the change of Revenue in a sentence that names no period, read as the briefing\'s current one, but revenue@2025-09-30 (the latest figure up to briefing.as_of, 31 Oct 2025) states a change of +18% YoY (Q1 FY26), and no figure of the change of Revenue for any period is "12%"'),
    ]);
    for (const t of [
      'Revenue was $78.7 billion in the quarter.', 'Revenue came in at $74.5 billion this quarter.', 'Revenue was $78.7 billion in the first quarter.', 'Revenue was $78.7 billion, up 5% year on year.',
      'Revenue was $78.7 billion, up from $65.6 billion a year earlier.', 'Revenue grew 12% compared with the prior-year quarter.', 'Revenue was $78.7 billion, a record.', 'Revenue was $78.7 billion, ahead of guidance.',
      'Operating margin was 45.2%.', 'Azure revenue grew 35%.', 'The quarter was strong. Revenue was $78.7 billion.',
    ]) {
      expect(mismatches(briefing(all, section(t))), t).toHaveLength(t.includes('up 5%') ? 2 : 1);
    }
  });

  it('compares an amount with the current figure up to half as much again, down to two thirds of it: beyond, it may be a year\'s or a half\'s', () => {
    // US$77.7 billion: $100.0 billion is 1.29 times it, $52.5 billion 0.68 times; $117.0 billion (1.51) and $51.0 billion (0.66) are left alone.
    for (const typed of ['$100.0 billion', '$52.5 billion']) {
      expect(mismatches(briefing(all, section(`Revenue was ${typed}.`))), typed).toEqual([
        expect.stringContaining(`12 "${typed}" is typed into the text as Revenue in a sentence that names no period, read as the briefing's current one, but revenue@2025-09-30 (the latest figure up to briefing.as_of, 31 Oct 2025) is US$77.7 billion (Q1 FY26)`),
      ]);
    }
    for (const t of ['Revenue was $117.0 billion.', 'Revenue was $51.0 billion.']) expect(mismatches(briefing(all, section(t))), t).toEqual([]);
    // Near the edges, inside: $112.0 billion is 1.44 times it, $53.0 billion 0.68 times.
    for (const t of ['Revenue was $112.0 billion.', 'Revenue was $53.0 billion.']) expect(mismatches(briefing(all, section(t))), t).toHaveLength(1);
  });

  it('compares a loss by its size: "Net loss was $50.0 million" against a figure of -46.1 million is in the band, typed with its minus or without', () => {
    const loss = 'loss: { label: Net loss, unit: USD, scale: million, period_type: quarter, source: 10-Q, values: [{ value: -38.0, period: Q1 FY25, period_end: 2024-09-30 }, { value: -46.1, period: Q1 FY26, period_end: 2025-09-30 }] }';
    for (const typed of ['$50.0 million', '-$50.0 million']) {
      expect(mismatches(briefing([...all, loss], section(`Net loss was ${typed}.`, 'Results', '[[revenue]], [[loss]]'))), typed).toEqual([
        expect.stringContaining(`"${typed}" is typed into the text as Net loss in a sentence that names no period, read as the briefing's current one, but loss@2025-09-30 (the latest figure up to briefing.as_of, 31 Oct 2025) is`),
      ]);
    }
    // Where the briefing's period has none: compared with the latest, by its size too.
    const older = 'loss: { label: Net loss, value: -46.1, unit: USD, scale: million, period: Q4 FY25, period_type: quarter, period_end: 2025-06-30, source: 10-Q }';
    for (const typed of ['$50.0 million', '-$50.0 million']) {
      expect(mismatches(briefing([revenue, older], section(`Net loss was ${typed}.`, 'Results', '[[revenue]], [[loss]]'), 'Q2 FY26')), typed).toEqual([
        expect.stringContaining(`"${typed}" is typed into the text as Net loss in a sentence that names no period, and no figure of Net loss for any period is "${typed}"`),
      ]);
    }
  });

  it('reads whose figure an amount is by the words before the measure\'s name: a segment\'s "... Group" or "... Company" is another measure, the Group\'s own is not', () => {
    // The group's own revenue, however it is introduced: $70.0 billion is none of its figures.
    for (const t of [
      'The Group revenue was $70.0 billion.', 'Total Group revenue was $70.0 billion.', 'Our Group revenue was $70.0 billion.', 'Their Group revenue was $70.0 billion.',
      'Overall, consolidated group revenue was $70.0 billion.', 'For the Contoso Group as a whole, revenue was $70.0 billion.',
      // A word that opens the measure's own clause.
      'Total revenue was $70.0 billion.', 'Costs fell while revenue was $70.0 billion.', 'Costs fell whereas revenue was $70.0 billion.', 'With revenue at $70.0 billion, margins held.',
    ]) {
      expect(mismatches(briefing(all, section(t))), t).toEqual([expect.stringContaining('"$70.0 billion" is typed into the text as Revenue in a sentence that names no period')]);
    }
    // A segment named "... Group" or "... Company": its revenue is not the measure.
    for (const t of ['Gaming Group revenue was $70.0 billion.', 'Cloud Company revenue was $70.0 billion.']) expect(mismatches(briefing(all, section(t))), t).toEqual([]);
  });

  it('reads an amount after "and" as the measure\'s where the words before "and" are a clause of their own, not a list of measures whose figures follow', () => {
    // A figure, a percentage, an amount, a verb or a gap of columns in the words before "and": the measure after it starts a clause of its own.
    for (const t of ['Operating margin 48.9% and revenue was $70.0 billion.', 'EPS $3.72 and revenue was $70.0 billion.', 'Bookings 90.1 billion and revenue was $70.0 billion.', 'Bookings were at a record and revenue was $70.0 billion.', 'Bookings at a record and revenue was $70.0 billion.', 'Bookings          and revenue was $70.0 billion.']) {
      expect(mismatches(briefing(all, section(t))), t).toEqual([expect.stringContaining('"$70.0 billion" is typed into the text as Revenue in a sentence that names no period')]);
    }
    // Measures named together after a clause of their own ("Costs were flat;"): $70.0 billion is services revenue's, the first one named.
    expect(mismatches(briefing(all, section('Costs were flat; services revenue and revenue were $70.0 billion and $77.7 billion.')))).toEqual([]);
  });

  it('reads a fall in any of its words as the change of the measure named before it: "Revenue slipped 12%" against a stated +18%', () => {
    for (const verb of ['fell', 'declined', 'dropped', 'decreased', 'slipped', 'shrank', 'contracted']) {
      expect(mismatches(briefing(all, section(`Revenue ${verb} 12%.`))), verb).toEqual([
        expect.stringContaining('12 "12%" is typed into the text as the change of Revenue in a sentence that names no period, read as the briefing\'s current one, but revenue@2025-09-30 (the latest figure up to briefing.as_of, 31 Oct 2025) states a change of +18% YoY (Q1 FY26)'),
      ]);
    }
  });

  it('reads a single-value metric\'s value as the current figure, and the latest up to as_of of several of one measure', () => {
    const single = 'revenue: { label: Revenue, value: 77.7, unit: USD, scale: billion, period: Q1 FY26, period_type: quarter, period_end: 2025-09-30, source: 10-Q }';
    expect(mismatches(briefing([single], section('Revenue was $78.7 billion.', 'Results', '[[revenue]]')))).toEqual([expect.stringContaining('but revenue (the latest figure up to briefing.as_of, 31 Oct 2025) is US$77.7 billion (Q1 FY26)')]);
    const undated = 'revenue: { label: Revenue, value: 77.7, unit: USD, scale: billion, period: Latest quarter, source: 10-Q }';
    expect(mismatches(briefing([undated], section('Revenue was $78.7 billion.', 'Results', '[[revenue]]'), 'Late 2025'))).toHaveLength(1);
    // A forecast is no latest figure: $79.5 billion is compared with Q1 FY26's actual, not Q2 FY26's forecast of $80.0 billion.
    expect(mismatches(briefing(all, section('Revenue was $79.5 billion.')))).toEqual([expect.stringContaining('but revenue@2025-09-30 (the latest figure up to briefing.as_of, 31 Oct 2025) is US$77.7 billion')]);
  });

  it('leaves alone a figure that is one of the measure\'s, or a sentence that may speak of another period, basis or scope, in its words or around it', () => {
    for (const t of [
      // The figure as typed or rounded, any period's; an amount that may be a year's, a half's, nine months'.
      'Revenue was $77.7 billion.', 'Revenue was $78 billion.', 'Revenue was $65.6 billion.', 'Operating margin was 46.6%.', 'Revenue grew 16%.', 'Revenue was $281.7 billion.',
      // Another period, a part of one, an earlier or later time, the future.
      'Revenue was $78.7 billion in the third quarter.', 'Revenue grew 12% in the second quarter.', 'Revenue was $78.7 billion last quarter.', 'Revenue was $78.7 billion for the year.',
      'Revenue was $78.7 billion over nine months.', 'Revenue was $78.7 billion in the first half.', 'Revenue was $78.7 billion in 2024.', 'Revenue grew 12% in October.', 'Revenue grew 12% annually.',
      'Revenue grew 12% over five years.', 'Revenue was $72.0 billion a year earlier.', 'Revenue was $78.7 billion in the prior period.', 'Revenue was $78.7 billion before the reorganisation.',
      'Since the acquisition, revenue grew 25%.', 'Revenue will be $80.5 billion.', 'Revenue was $78.7 billion in the December quarter.', 'Revenue grew 12% each quarter.', 'Revenue grew 12% quarter-over-quarter.',
      'Revenue was $78.7 billion during the pandemic.', 'Revenue was $78.7 billion post-merger.', 'Operating margin was 45.2% at the peak.', 'Operating margin was 45.2% then.', 'Revenue was $78.7 billion at the time of the IPO.',
      'Last year was difficult. Revenue was $70.0 billion.',
      // Another basis or scope, a range, an average, a scenario.
      'Revenue was $78.7 billion including the acquisition.', 'Revenue was $78.7 billion under the new segment structure.', 'Operating margin was 45.2% in the segment.', 'Revenue grew 12% in local currency.',
      'Revenue grew 12% in dollar terms.', 'Revenue was $78.7 billion at the top of our range.', 'Revenue was $78.7 billion per quarter on average.', 'Revenue was $78.7 billion gross.', 'Revenue was $78.7 billion in the base case.',
      // What typed-mismatch leaves alone wherever the period is: other bases, plans, qualifiers, ranges, places, measures named together, quotes.
      'Revenue grew 12% on a constant currency basis.', 'Revenue grew 12% sequentially.', 'Adjusted revenue was $79.0 billion.', 'Revenue was $3.72 per share.', 'We expect revenue of $80.5 billion.',
      'Revenue was about $80 billion.', 'Operating margin was 45%-50%.', 'Revenue grew 12% in the US.', 'Revenue and operating margin were $78.7 billion and 45.2%.', 'The CEO said "revenue was $80.5 billion".',
    ]) {
      expect(mismatches(briefing(all, section(t))), t).toEqual([]);
    }
    // Another period named elsewhere in the text, or over it: the chapter or section it is in, a table's row.
    expect(mismatches(briefing(all, section('In Q1 FY25 the business was smaller. Revenue was $70.0 billion.')))).toEqual([]);
    // A period a reference prints, or another figure of the measure referred to in the sentence (not the current figure's own).
    expect(mismatches(briefing(all, section('In [[revenue@2024-09-30.period]], revenue was $70.0 billion.')))).toEqual([]);
    expect(mismatches(briefing(all, section('Revenue was $70.0 billion, [[revenue@2024-09-30.change]].')))).toEqual([]);
    expect(mismatches(briefing(all, section('In [[revenue.period]], revenue was $70.0 billion.')))).toHaveLength(1);
    // ...or in another paragraph of its section: the section may speak of that period throughout.
    const twoParagraphs = (first: string) => `      - title: Results\n        content:\n          - paragraph: '${first}'\n          - paragraph: 'Revenue was $78.7 billion. Now: [[revenue]], [[margin]], [[azure]].'\n`;
    expect(mismatches(briefing(all, twoParagraphs('FY2024 was a year of investment.')))).toEqual([]);
    expect(mismatches(briefing(all, twoParagraphs('Demand held up.')))).toHaveLength(1);
    for (const title of ['Nine-month review', 'FY2025 in review', 'Outlook', 'Q2 FY26 preview']) expect(mismatches(briefing(all, section('Revenue was $78.7 billion.', title))), title).toEqual([]);
    expect(mismatches(briefing(all, section('Revenue was $78.7 billion.', 'Q1 FY26 results')))).toHaveLength(1);
    // A part of the measure the canvas has figures for, named over the text or in the sentence before: that segment's revenue.
    const cloud = 'cloud: { label: Intelligent Cloud revenue, unit: USD, scale: billion, period_type: quarter, source: 10-Q, values: [{ value: 24.1, period: Q1 FY25, period_end: 2024-09-30 }, { value: 30.9, period: Q1 FY26, period_end: 2025-09-30 }] }';
    const withCloud = (text: string, title = 'Results') => briefing([...all, cloud], section(text, title, '[[revenue]], [[margin]], [[azure]], [[cloud]]'));
    expect(mismatches(withCloud('Revenue was $61.5 billion.', 'Intelligent Cloud'))).toEqual([]);
    expect(mismatches(withCloud('Revenue was $61.5 billion.'))).toHaveLength(1);
    expect(mismatches(withCloud('Intelligent Cloud had a strong quarter. Revenue was $61.5 billion.'))).toEqual([]);
    expect(mismatches(withCloud('Intelligent Cloud revenue was $31.5 billion.'))).toHaveLength(1);
    // ...or a title naming anything else the canvas measures: a segment whose figures are its operating income.
    const gaming = 'gaming: { label: Gaming operating income, value: 3.1, unit: USD, scale: billion, period: Q1 FY26, period_type: quarter, period_end: 2025-09-30, source: 10-Q }';
    const underGaming = (title: string) => mismatches(briefing([...all, gaming], section('Revenue grew 12%.', title, '[[revenue]], [[margin]], [[azure]], [[gaming]]')));
    expect(underGaming('Gaming')).toEqual([]);
    expect(underGaming('Results')).toHaveLength(1);
    const row = (cells: string) => `      - title: Results\n        content:\n          - table: { columns: [Period, Comment], rows: [[${cells}]] }\n          - paragraph: 'Now: [[revenue]], [[margin]], [[azure]].'\n`;
    expect(mismatches(briefing(all, row('"FY2024", "Revenue was $70.5 billion"')))).toEqual([]);
    expect(mismatches(briefing(all, row('"Latest", "Revenue was $78.7 billion"')))).toHaveLength(1);
    // A briefing whose period is not the latest figure's (not rolled forward), or a measure of quarters and years alike: which is meant is not known.
    expect(mismatches(briefing(all, section('Revenue was $78.7 billion.'), 'FY2025'))).toEqual([]);
    const yearly = 'revenue_fy: { label: Revenue, value: 281.7, unit: USD, scale: billion, period: FY2025, period_type: fiscal_year, period_end: 2025-06-30, source: 10-K }';
    // A year's figure, the briefing's: compared as such, but not with a quarter's words ("in the quarter").
    const fy = (t: string) => mismatches(briefing([yearly.replace('revenue_fy', 'revenue')], section(t, 'Results', '[[revenue]]'), 'FY2025'));
    expect(fy('Revenue was $290.0 billion.')).toHaveLength(1);
    expect(fy('Revenue was $290.0 billion in the quarter.')).toEqual([]);
    expect(fy('Revenue was $290.0 billion at announcement.')).toEqual([]);
    expect(mismatches(briefing([...all, yearly], section('Revenue was $78.7 billion. Also [[revenue_fy]].')))).toEqual([]);
  });

  it('reads a word of another scope only in the measure\'s own clause: one after "and" or ";" starts anew', () => {
    // "Segment revenue grew" or "Three segments make up revenue" is its own clause: it says nothing of the margin's scope.
    for (const t of ['Revenue grew in each segment and operating margin was 45.2%.', 'Three segments make up revenue; operating margin was 45.2%.', 'Segment revenue grew, and operating margin was 45.2%.']) {
      expect(mismatches(briefing(all, section(t))), t).toEqual([expect.stringContaining('"45.2%" is typed into the text as Operating margin in a sentence that names no period')]);
    }
    // ...but a scope said of the whole sentence before its clauses, or in the measure\'s own clause, still leaves it alone;
    // and measures named together before one verb are still not read.
    for (const t of ['In the segment, revenue grew and operating margin was 45.2%.', 'In the segment revenue grew and operating margin was 45.2%.', 'On an adjusted basis revenue grew and operating margin was 45.2%.', 'Revenue grew; operating margin was 45.2% in the segment.', 'Revenue grew and operating margin was 45.2% including the acquisition.', 'Segment revenue and operating margin were $78.7 billion and 45.2%.']) {
      expect(mismatches(briefing(all, section(t))), t).toEqual([]);
    }
  });

  it('reads the company\'s verb of reporting and a quarter\'s number before the measure\'s name, and compares a sentence naming no period with each figure of the latest day', () => {
    // A US company's quarterly revenue from its 10-Q, and the press release's figure for the same quarter, their
    // contradiction declared; the 10-Q's operating margin beside the press release's.
    const tenQ = 'revenue: { label: Revenue, unit: USD, scale: million, period_type: quarter, source: 10-Q, values: [{ value: 1150, period: Q3 FY25, period_end: 2025-03-31 }, { value: 1190, period: Q4 FY25, period_end: 2025-06-30 }, { value: 1193, period: Q1 FY26, period_end: 2025-09-30 }] }';
    const press = 'revenue_press: { label: Revenue, concept: revenue, value: 1195, unit: USD, scale: million, period: Q1 FY26, period_type: quarter, period_end: 2025-09-30, source: Press release }';
    const margins = [
      'margin: { label: Operating margin, unit: percent, period_type: quarter, source: 10-Q, values: [{ value: 21.4, period: Q4 FY25, period_end: 2025-06-30 }, { value: 22.1, period: Q1 FY26, period_end: 2025-09-30 }] }',
      'margin_press: { label: Operating margin, concept: margin, value: 22.0, unit: percent, period: Q1 FY26, period_type: quarter, period_end: 2025-09-30, source: Press release }',
    ];
    const declared = 'data_notes:\n  contradictions:\n    - { title: Revenue in Q1 FY26, metrics: [revenue@2025-09-30, revenue_press], note: The press release gave a preliminary figure. }\n    - { title: Margin in Q1 FY26, metrics: [margin@2025-09-30, margin_press], note: The press release rounded it. }\n';
    const vantora = (t: string) => `${briefing([tenQ, press, ...margins], section(t, 'Results', '[[revenue]], [[revenue_press]], [[margin]], [[margin_press]]'), 'Q1 FY26', 'en-US').replace('name: Acme', 'name: Vantora')}${declared}`;
    const both = 'but the canvas has 2 figures of Revenue for it';
    // The trial's wrong figure, $1.21 billion beside $1,193 million and $1,195 million, in each wording.
    for (const t of ['In Q1 FY26 Vantora delivered revenue of $1.21 billion.', 'Vantora delivered revenue of $1.21 billion in Q1 FY26.', 'The company reported revenue of $1.21 billion for Q1 FY26.', 'Q1 FY26 revenue was $1.21 billion.']) {
      expect(mismatches(vantora(t)), t).toEqual([expect.stringContaining(`"$1.21 billion" is typed into the text as Revenue for "Q1 FY26", ${both} (revenue@2025-09-30: $1,193 million, Q1 FY26; revenue_press: $1,195 million, Q1 FY26), and it is none of them`)]);
    }
    expect(mismatches(vantora('Revenue was $1.21 billion.'))).toEqual([
      '13 "$1.21 billion" is typed into the text as Revenue in a sentence that names no period, read as the briefing\'s current one, but the canvas has 2 figures of Revenue for it, the latest up to briefing.as_of, Oct 31, 2025 (revenue@2025-09-30: $1,193 million, Q1 FY26; revenue_press: $1,195 million, Q1 FY26), and it is none of them, nor any figure of Revenue for any period, as typed or rounded: the text and the figures disagree, and the briefing would print the text beside them. Check them against the source, correct the ones that are wrong, and write the reference to the right one in the text ([[revenue]] or [[revenue_press]]), so that it prints the figure and follows it; if the text means another period\'s figure, name the period in the sentence, or acknowledge the finding (rule typed-mismatch, metrics: [revenue@2025-09-30, revenue_press])',
    ]);
    // The other verbs of reporting, "we", "total", the company's verb in a sentence naming no period ("reported" there is
    // no basis), and a quarter by its number before the name, where it is the figure's.
    for (const t of ['Vantora posted revenue of $1.21 billion in Q1 FY26.', 'Vantora generated total revenue of $1.21 billion in Q1 FY26.', 'We recorded revenue of $1.21 billion in Q1 FY26.', 'Vantora also achieved revenue of $1.21 billion in Q1 FY26.', 'Vantora booked revenue of $1.21 billion in Q1 FY26.',
      'Vantora reported revenue of $1.21 billion.', 'Vantora delivered revenue of $1.21 billion in the quarter.', 'First-quarter revenue was $1.21 billion.', 'The first-quarter revenue of $1.21 billion was a record.']) {
      expect(mismatches(vantora(t)), t).toEqual([expect.stringContaining(both)]);
    }
    // A percentage none of the latest day's figures, in a sentence naming no period, likewise.
    expect(mismatches(vantora('Operating margin was 22.5%.'))).toEqual([expect.stringContaining('"22.5%" is typed into the text as Operating margin in a sentence that names no period, read as the briefing\'s current one, but the canvas has 2 figures of Operating margin for it, the latest up to briefing.as_of, Oct 31, 2025 (margin@2025-09-30: 22.1%, Q1 FY26; margin_press: 22.0%, Q1 FY26)')]);
    // The right figure, either source's, as typed or rounded, in each wording.
    for (const t of ['In Q1 FY26 Vantora delivered revenue of $1.19 billion.', 'Vantora delivered revenue of $1,193 million in Q1 FY26.', 'The company reported revenue of $1,195 million for Q1 FY26.', 'Q1 FY26 revenue was $1.2 billion.', 'Revenue was $1.19 billion.', 'Revenue was $1,195 million.',
      'Vantora reported revenue of $1.2 billion.', 'First-quarter revenue was $1.19 billion.', 'Operating margin was 22.0%.', 'Operating margin was 22%.', 'Operating margin was 22.1%.']) {
      expect(mismatches(vantora(t)), t).toEqual([]);
    }
    // Not the measure: another word before its name (a segment's revenue, deferred or recurring revenue, net revenue,
    // another basis or a record), a part of the company reporting, another quarter's words, a qualifier, another basis,
    // a part of the measure or of the year, a plan, a figure a year earlier.
    for (const t of ['Cloud revenue was $1.21 billion in Q1 FY26.', 'Services revenue was $1.21 billion.', 'Vantora delivered Services revenue of $1.21 billion in Q1 FY26.', 'Vantora reported deferred revenue of $1.21 billion.',
      'Vantora reported recurring revenue of $1.21 billion in Q1 FY26.', 'Vantora reported net revenue of $1.21 billion in Q1 FY26.', 'Vantora reported adjusted revenue of $1.21 billion in Q1 FY26.', 'Vantora delivered record revenue of $1.21 billion in Q1 FY26.',
      'The Cloud segment reported revenue of $1.21 billion in Q1 FY26.', 'Cloud delivered revenue of $1.21 billion.', 'The Cloud Intelligence Group reported revenue of $1.21 billion in Q1 FY26.', 'Third-quarter revenue was $1.21 billion.',
      'Vantora reported revenue of about $1.21 billion in Q1 FY26.', 'Vantora reported revenue of $1.21 billion in constant currency in Q1 FY26.', 'Vantora reported revenue of $1.21 billion, including the acquisition.',
      'In Q1 FY26 Vantora generated revenue of $1.21 billion from subscriptions.', 'In Q1 FY26 Vantora recorded revenue of $45 million on the licence deal.', 'Vantora delivered revenue of $1.21 billion in the Americas.',
      'Vantora reported revenue of $1.21 billion for the nine months.', 'Vantora expects to deliver revenue of $1.25 billion.', 'Vantora reported revenue of $1.05 billion a year earlier.', 'A year earlier, Vantora reported revenue of $1.05 billion.']) {
      expect(mismatches(vantora(t)), t).toEqual([]);
    }
    // Hostile text around the new words, read in linear time (and the words after the figure, past a run of spaces).
    for (const run of [`${'Vantora delivered '.repeat(20_000)}revenue of $1.21 billion.`, `Vantora delivered revenue of $1.21 billion${' from'.repeat(30_000)}.`, `${'third-quarter '.repeat(20_000)}revenue was $1.21 billion.`,
      `Vantora delivered revenue of $1.21 billion${' '.repeat(100_000)}for the quarter.`, `Revenue was $1.21 billion${' '.repeat(100_000)}in October.`]) {
      expect(() => mismatches(vantora(run))).not.toThrow();
    }
  });

  it('finds an amount that is none of the measure\'s figures where the briefing\'s period has none of its own, naming the figure it may mean', () => {
    // Net debt as at 30 June (Q1 FY26) in a briefing for Q2 FY26, the quarter to 30 September: "Net debt was ₹8,120 million"
    // said nothing, as the latest figure is not the briefing period's; nor did "at 30 June 2025", its own day, a date being a word of time.
    const quarters = 'revenue: { label: Revenue from operations, unit: INR, scale: million, period_type: quarter, source: R, values: [{ value: 10452, period: Q1 FY26 (quarter ended 30 Jun 2025), period_end: 2025-06-30 }, { value: 11320, period: Q2 FY26 (quarter ended 30 Sep 2025), period_end: 2025-09-30 }] }';
    const debt = 'net_debt: { label: Net debt, value: 8210, unit: INR, scale: million, period: As at 30 Jun 2025, period_type: as_at, period_end: 2025-06-30, source: R }';
    const inr = (text: string, title = 'Results') => briefing([quarters, debt], section(text, title, '[[revenue]], [[net_debt]]'), 'Q2 FY26').replace('currency: USD', 'currency: INR');
    expect(mismatches(inr('Net debt was ₹8,120 million.'))).toEqual([
      '11 "₹8,120 million" is typed into the text as Net debt in a sentence that names no period, and no figure of Net debt for any period is "₹8,120 million", as typed or rounded: net_debt (the latest figure up to briefing.as_of, 31 Oct 2025) is ₹8,210 million (As at 30 Jun 2025), and the canvas has none for the briefing\'s period (Q2 FY26): the text and the figure disagree, and the briefing would print both. If the text means the As at 30 Jun 2025 figure, check both against the source, correct the one that is wrong, and write [[net_debt]] in the text, so that it prints the figure and follows it; if it means one the canvas does not have (for Q2 FY26), add it to the canvas and refer to it, or name its period in the sentence, or acknowledge the finding',
    ]);
    for (const t of ['Net debt was ₹8,120 million at 30 June 2025.', 'Net debt stood at ₹8,120 million as at 30 June 2025.', 'Net debt was ₹8,120 million as of June 30, 2025.', 'Net debt was ₹912 crore.', 'Net debt was ₹912 crore at 30 Jun 2025.']) {
      expect(mismatches(inr(t)), t).toEqual([expect.stringContaining('and no figure of Net debt for any period is')]);
    }
    expect(mismatches(inr('Net debt was ₹8,120 million at 30 June 2025.'))).toEqual([expect.stringContaining('in a sentence that names 30 June 2025, for which net_debt is ₹8,210 million (As at 30 Jun 2025), and no figure of Net debt for any period is "₹8,120 million"')]);
    // The figure as typed or rounded; another day, period or time the canvas has no figure for; another basis; a year's briefing over a quarter's figures.
    for (const t of ['Net debt was ₹8,210 million.', 'Net debt was ₹821 crore at 30 June 2025.', 'Net debt was ₹8,120 million at 31 March 2025.', 'Net debt was ₹8,120 million at 30 September 2025.',
      'Net debt was ₹8,120 million in Q2 FY26.', 'Net debt was ₹8,120 million a year earlier.', 'Net debt was ₹8,120 million last year.', 'Net debt was ₹8,120 million excluding leases.',
      'Net debt was ₹8,120 million including leases.', 'Net debt will be ₹8,120 million.', 'Net debt was ₹5,120 million.', 'Net debt was ₹14,120 million.', 'Net debt of ₹8,120 million is our target.']) {
      expect(mismatches(inr(t)), t).toEqual([]);
    }
    // Inside the band, near its edges: ₹5,600 million is 0.68 times ₹8,210 million, ₹12,000 million 1.46 times.
    for (const t of ['Net debt was ₹5,600 million.', 'Net debt was ₹12,000 million.']) expect(mismatches(inr(t)), t).toEqual([expect.stringContaining('and no figure of Net debt for any period is')]);
    expect(mismatches(inr('Net debt was ₹8,120 million.', 'Outlook'))).toEqual([]);
    // Hostile text: days and their prepositions, read in linear time (quadratic, it would outlast the test's timeout).
    const hostile = [`at${' '.repeat(50_000)}`, 'as at 30 '.repeat(20_000), `${'30 '.repeat(30_000)}June`, 'June 30, '.repeat(20_000)].map((run) => mismatches(inr(`Net debt was ₹8,120 million ${run}.`)).length);
    // ("at" and "as at 30" name no day: the figure is compared, and wrong; "June 30" names one: left alone. The "June" 90,000
    // characters after the figure, past 30,000 "30"s, is not read with it: a sentence over 4,000 characters is read 2,000
    // either side of the figure, and the figure is compared.)
    expect(hostile).toEqual([1, 1, 1, 0]);
    expect(mismatches(briefing(all, section('Revenue was $78.7 billion.'), 'FY2025'))).toEqual([]);
    // A quarter's figure left from the quarter before, in a briefing for the next: its latest is compared.
    const lagging = 'revenue: { label: Revenue, unit: USD, scale: billion, period_type: quarter, source: 10-Q, values: [{ value: 65.6, period: Q4 FY25, period_end: 2025-06-30 }, { value: 77.7, period: Q1 FY26, period_end: 2025-09-30 }] }';
    expect(mismatches(briefing([lagging], section('Revenue was $78.7 billion.', 'Results', '[[revenue]]'), 'Q2 FY26'))).toEqual([expect.stringContaining('and no figure of Revenue for any period is "$78.7 billion", as typed or rounded: revenue@2025-09-30 (the latest figure up to briefing.as_of, 31 Oct 2025) is US$77.7 billion (Q1 FY26), and the canvas has none for the briefing\'s period (Q2 FY26)')]);
  });

  it('reads a period that ends the day a balance is taken as the balance\'s own: FY2025 named beside employees at 31 December 2025 is no other period', () => {
    // A year's briefing; revenue for FY2025 ends 31 December 2025, the day the headcount is taken.
    const yearEnd = (revenueEnd: string, paragraphs: string[]) => `company: { name: Rheinwerk Antriebe AG, short_name: Rheinwerk, ticker: RWA, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: FY2025, as_of: 2026-03-15, currency: EUR }\nmetrics:\n`
      + `  revenue: { label: Revenue, unit: EUR, scale: million, period_type: fiscal_year, source: Annual report, values: [{ value: 1100, period: FY2024, period_end: ${Number(revenueEnd.slice(0, 4)) - 1}${revenueEnd.slice(4)} }, { value: 1204, period: FY2025, period_end: ${revenueEnd} }] }\n`
      + '  quarter: { label: Order intake, value: 310, unit: EUR, scale: million, period: Q3 2025, period_type: quarter, period_end: 2025-09-30, source: Q3 statement }\n'
      + '  employees: { label: Employees, value: 5840, unit: employees, period: 31 Dec 2025, period_type: as_at, period_end: 2025-12-31, source: Annual report }\n'
      + `blocks:\n  revenue_streams:\n    sections:\n      - title: People\n        content:\n${paragraphs.map((t) => `          - paragraph: '${t}'\n`).join('')}          - paragraph: 'Now: [[revenue]], [[quarter]], [[employees]].'\n`;
    for (const sibling of ['FY2025 was a good year for the group.', 'Revenue reached [[revenue]] in FY2025.']) {
      for (const t of ['Employees numbered 5,900.', 'Rheinwerk had 5,900 employees at 31 December 2025.']) {
        expect(mismatches(yearEnd('2025-12-31', [sibling, t])), `${sibling} ${t}`).toEqual([expect.stringContaining(`is typed into the text as Employees in a sentence that names`)]);
      }
    }
    // A period that ends another day is still another: the year before, a quarter before the balance's, or a fiscal year
    // that the canvas's figures end in September.
    for (const sibling of ['FY2024 was a year of investment.', 'Q3 2025 was a good quarter.']) {
      expect(mismatches(yearEnd('2025-12-31', [sibling, 'Employees numbered 5,900.'])), sibling).toEqual([]);
    }
    expect(mismatches(yearEnd('2025-09-30', ['FY2025 was a good year for the group.', 'Employees numbered 5,900.']))).toEqual([]);
    expect(mismatches(yearEnd('2025-09-30', ['Demand held up.', 'Employees numbered 5,900.']))).toHaveLength(1);
  });

  it('reads a balance taken the day the briefing\'s year ends as that year\'s current figure: a headcount or CET1 ratio typed wrong in a sentence that names no period', () => {
    // A year's briefing; revenue for FY2025 ends 31 December 2025, the day the balances are taken.
    const yearEnd = (text: string, cet1End = '2025-12-31', revenueEnd = '2025-12-31') => `company: { name: Rheinwerk Antriebe AG, short_name: Rheinwerk, ticker: RWA, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: FY2025, as_of: 2026-03-15, currency: EUR }\nmetrics:\n`
      + `  revenue: { label: Revenue, value: 1204, unit: EUR, scale: million, period: FY2025, period_type: fiscal_year, period_end: ${revenueEnd}, source: Annual report }\n`
      + '  employees: { label: Employees, value: 5840, unit: employees, period: 31 Dec 2025, period_type: as_at, period_end: 2025-12-31, source: Annual report }\n'
      + `  cet1: { label: CET1 ratio, unit: percent, period_type: as_at, source: Annual report, values: [{ value: 12.8, period: 31 Dec 2024, period_end: 2024-12-31 }, { value: 13.1, period: 31 Dec 2025, period_end: ${cet1End} }] }\n`
      + `blocks:\n  revenue_streams:\n    sections:\n      - title: People\n        content:\n          - paragraph: '${text}'\n          - paragraph: 'Now: [[revenue]], [[employees]], [[cet1]].'\n`;
    // The headcount was compared before, but told "the canvas has none for the briefing's period (FY2025)": it is FY2025's.
    expect(mismatches(yearEnd('Employees numbered 5,900.'))).toEqual([
      '12 "5,900" is typed into the text as Employees in a sentence that names no period, read as the briefing\'s current one, but employees (the latest figure up to briefing.as_of, 15 Mar 2026) is 5,840 employees (31 Dec 2025), and no figure of Employees for any period is "5,900", as typed or rounded: the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[employees]] in the text, so that it prints the figure and follows it; if the text means another period\'s figure, name the period in the sentence, or acknowledge the finding',
    ]);
    // A ratio taken that day is compared with that day's balance (13.1%), not the year before's.
    expect(mismatches(yearEnd('The CET1 ratio was 13.5%.'))).toEqual([expect.stringContaining('"13.5%" is typed into the text as CET1 ratio in a sentence that names no period, read as the briefing\'s current one, but cet1@2025-12-31 (the latest figure up to briefing.as_of, 15 Mar 2026) is 13.1% (31 Dec 2025)')]);
    // Right figures, as typed or rounded, and the year before's, stay silent.
    for (const t of ['Employees numbered 5,840.', 'The CET1 ratio was 13.1%.', 'The CET1 ratio was 13%.', 'The CET1 ratio was 12.8%.']) expect(mismatches(yearEnd(t)), t).toEqual([]);
    // A balance of another day than the year's end, or a year that the canvas's figures end another day, is not FY2025's.
    expect(mismatches(yearEnd('The CET1 ratio was 13.5%.', '2025-09-30'))).toEqual([]);
    expect(mismatches(yearEnd('The CET1 ratio was 13.5%.', '2025-12-31', '2025-09-30'))).toEqual([]);
  });

  it('reads it in German, French, Portuguese, Italian, Dutch and Spanish: a quarter named without its year only if it is the figure\'s', () => {
    const quarterly = (label: string, unit: string, scale: string, [p24, p25]: [string, string], [v24, v25]: [number, number]) =>
      `revenue: { label: "${label}", unit: ${unit}, scale: ${scale}, period_type: quarter, source: Q, values: [{ value: ${v24}, period: "${p24}", period_end: 2024-09-30, change: { percent: 3.1 } }, { value: ${v25}, period: "${p25}", period_end: 2025-09-30, change: { percent: 6.8 } }] }`;
    const one = (text: string) => `      - title: T\n        content:\n          - paragraph: '${text.replaceAll("'", "''")} [[revenue]].'\n`;
    const de = quarterly('Umsatz', 'EUR', 'million', ['Q3 2024', 'Q3 2025'], [8500, 9076]);
    expect(mismatches(briefing([de], one('Der Umsatz betrug 9.176 Mio. € im dritten Quartal.'), 'Q3 2025', 'de'))).toEqual([expect.stringContaining('"9.176 Mio. €" is typed into the text as Umsatz in a sentence that names no period, read as the briefing\'s current one, but revenue@2025-09-30 (the latest figure up to briefing.as_of, 31 Oct 2025) is 9.076\u00a0Mio.\u00a0€ (Q3 2025)')]);
    for (const t of ['Der Umsatz betrug 9.176 Mio. €.', 'Der Umsatz betrug 9.176 Mio. € im Quartal.', 'Der Umsatz stieg um 5,2 %.']) expect(mismatches(briefing([de], one(t), 'Q3 2025', 'de')), t).toHaveLength(1);
    for (const t of ['Der Umsatz betrug 9.176 Mio. € im zweiten Quartal.', 'Der Umsatz betrug 9.176 Mio. € in den ersten neun Monaten.', 'Der Umsatz betrug 9.176 Mio. € im Halbjahr.', 'Der Umsatz betrug 9.176 Mio. € nach der Übernahme.', 'Der Umsatz betrug 9.076 Mio. €.']) {
      expect(mismatches(briefing([de], one(t), 'Q3 2025', 'de')), t).toEqual([]);
    }
    const fr = quarterly('Chiffre d\'affaires', 'EUR', 'million', ['T3 2024', 'T3 2025'], [8500, 9080]);
    for (const t of ['Le chiffre d\'affaires s\'élève à 9,18 Md€.', 'Le chiffre d\'affaires s\'élève à 9,18 Md€ au troisième trimestre.', 'Le chiffre d\'affaires progresse de 5,2 % sur un an.']) expect(mismatches(briefing([fr], one(t), 'T3 2025', 'fr')), t).toHaveLength(1);
    for (const t of ['Le chiffre d\'affaires s\'élève à 9,18 Md€ au deuxième trimestre.', 'Le chiffre d\'affaires s\'élève à 9,18 Md€ sur neuf mois.', 'Le chiffre d\'affaires s\'élève à 9,18 Md€ au premier semestre.']) {
      expect(mismatches(briefing([fr], one(t), 'T3 2025', 'fr')), t).toEqual([]);
    }
    const pt = quarterly('Receita líquida', 'BRL', 'billion', ['3T24', '3T25'], [31.0, 34.2]);
    expect(mismatches(briefing([pt], one('A receita líquida foi de R$ 35,2 bilhões no trimestre.'), '3T25', 'pt-BR'))).toHaveLength(1);
    expect(mismatches(briefing([pt], one('A receita líquida foi de R$ 35,2 bilhões no acumulado do ano.'), '3T25', 'pt-BR'))).toEqual([]);
    const it_ = quarterly('Ricavi', 'EUR', 'million', ['T3 2024', 'T3 2025'], [8500, 9076]);
    expect(mismatches(briefing([it_], one('I ricavi sono stati pari a 9,18 miliardi di euro nel terzo trimestre.'), 'T3 2025', 'it'))).toHaveLength(1);
    expect(mismatches(briefing([it_], one('I ricavi sono stati pari a 9,18 miliardi di euro nel primo semestre.'), 'T3 2025', 'it'))).toEqual([]);
    const nl = quarterly('Omzet', 'EUR', 'million', ['Q3 2024', 'Q3 2025'], [8500, 9076]);
    expect(mismatches(briefing([nl], one('De omzet bedroeg € 9,18 miljard in het derde kwartaal.'), 'Q3 2025', 'nl'))).toHaveLength(1);
    expect(mismatches(briefing([nl], one('De omzet bedroeg € 9,18 miljard in het eerste halfjaar.'), 'Q3 2025', 'nl'))).toEqual([]);
    const es = quarterly('Ingresos', 'EUR', 'million', ['T3 2024', 'T3 2025'], [8500, 9076]);
    expect(mismatches(briefing([es], one('Los ingresos fueron de 9.180 millones de euros.'), 'T3 2025', 'es'))).toHaveLength(1);
    expect(mismatches(briefing([es], one('Los ingresos fueron de 9.180 millones de euros en el segundo trimestre.'), 'T3 2025', 'es'))).toEqual([]);
  });
});

describe('typed-mismatch in German, French, Portuguese, Spanish, Italian and Dutch', () => {
  /** The typed-mismatch findings (rule: message up to its first colon) of a canvas in `language` whose paragraph says `text`, beside a reference to `metric`. */
  const mismatches = (language: string, currency: string, metric: string, text: string) =>
    validateWithWarnings(parseCanvas(`${HEAD.replace('currency: EUR }', `currency: ${currency}, language: ${language} }`)}metrics:\n  ${metric}\nblocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: '${text.replaceAll("'", "''")} Now: [[rev]].'\n`, 'c.yaml'))
      .findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message.split(': the text')[0]);
  const quarterly = (label: string, unit: string, scale: string, [p24, p25]: [string, string], [v24, v25]: [number, number], [c24, c25]: [number, number]) =>
    `rev: { label: "${label}", unit: ${unit}, scale: ${scale}, period_type: quarter, source: Q, values: [{ value: ${v24}, period: ${p24}, period_end: 2024-09-30, change: { percent: ${c24} } }, { value: ${v25}, period: ${p25}, period_end: 2025-09-30, change: { percent: ${c25} } }] }`;
  const de = quarterly('Umsatzerlöse', 'EUR', 'million', ['3. Quartal 2024', '3. Quartal 2025'], [8500, 9076], [3.1, 6.8]);
  const fr = quarterly('Chiffre d\'affaires', 'EUR', 'million', ['T3 2024', 'T3 2025'], [8500, 9080], [3.1, 6.8]);
  const pt = quarterly('Receita líquida', 'BRL', 'billion', ['3T24', '3T25'], [31.0, 34.2], [4.0, 10.3]);

  it('finds a wrong amount or change typed after a measure\'s name in German, joined as German joins it, the verb before the name too', () => {
    expect(mismatches('de', 'EUR', de, 'Im 3. Quartal 2025 betrugen die Umsatzerlöse 9,18 Mrd. €.')).toEqual(['"9,18 Mrd. €" is typed into the text as Umsatzerlöse for "3. Quartal 2025", but rev@2025-09-30 is 9.076\u00a0Mio.\u00a0€ (3. Quartal 2025)']);
    for (const text of [
      'Die Umsatzerlöse betrugen im 3. Quartal 2025 9,18 Mrd. €.', 'Im 3. Quartal 2025 lagen die Umsatzerlöse bei 9,18 Mrd. €.', 'Im 3. Quartal 2025 beliefen sich die Umsatzerlöse auf 9,18 Mrd. €.',
      'Im 3. Quartal 2025 stiegen die Umsatzerlöse um 6,8 % auf 9,18 Mrd. €.', 'Im 3. Quartal 2025 erreichten die Umsatzerlöse 9.180 Mio. €.', 'Die Umsatzerlöse im 3. Quartal 2025 lagen bei 9,18 Mrd. €.',
      'Im dritten Quartal 2025 stiegen die Umsatzerlöse um 5,2 %.', 'Die Umsatzerlöse stiegen im 3. Quartal 2025 um 5,2 %.',
    ]) {
      expect(mismatches('de', 'EUR', de, text), text).toHaveLength(1);
    }
    expect(mismatches('de', 'EUR', de, 'Im 3. Quartal 2025 sanken die Umsatzerlöse um 6,8 %.')).toEqual(['"6,8 %" is typed into the text as the change of Umsatzerlöse for "3. Quartal 2025", but rev@2025-09-30 states a change of +6,8\u00a0% YoY (3. Quartal 2025)']);
  });

  // A German tester's canvas: Rheinwerk's Umsatz for Q3 2025 is €1.32 billion (`change`: its stated change, flow-style YAML, if any).
  const rheinwerk = 'company: { name: Rheinwerk Antriebe AG, short_name: Rheinwerk, ticker: RWA, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: Q3 2025, as_of: 2025-10-31, currency: EUR, language: de }\n';
  const umsatzMetric = (change = '') => `metrics:\n  umsatz: { label: Umsatz, value: 1.32, scale: billion, unit: EUR, period: Q3 2025, period_end: 2025-09-30, source: Quartalsmitteilung${change} }\n`;
  /** The typed-mismatch findings of the paragraph `text` (line 10, its first character at column 25): "line:column message". */
  const found = (text: string, change = '') => validateWithWarnings(parseCanvas(`${rheinwerk}${umsatzMetric(change)}blocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: "${text} Jetzt: [[umsatz]]."\n`, 'c.yaml'))
    .findings.filter((f) => f.rule === 'typed-mismatch').map((f) => `${f.line}:${f.column} ${f.message}`);
  /** The finding of "1,23 Mrd. €" typed as Umsatz for `quarter`, as the sentence names it. */
  const wrong = (quarter: string) => `"1,23 Mrd. €" is typed into the text as Umsatz for "${quarter}", but umsatz is 1,32\u00a0Mrd.\u00a0€ (Q3 2025): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[umsatz]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding`;

  it('reads the company reporting its figure in German: "Rheinwerk erzielte einen Umsatz von", the period between, before or after, not a part\'s, another measure\'s or period\'s', () => {
    for (const [text, quarter] of [
      ['Rheinwerk erzielte im dritten Quartal 2025 einen Umsatz von 1,23 Mrd. €.', 'dritten Quartal 2025'],
      ['Im dritten Quartal 2025 erzielte Rheinwerk einen Umsatz von 1,23 Mrd. €.', 'dritten Quartal 2025'],
      ['Einen Umsatz von 1,23 Mrd. € erzielte Rheinwerk im 3. Quartal 2025.', '3. Quartal 2025'],
      ['Die Rheinwerk Antriebe AG erwirtschaftete im 3. Quartal 2025 einen Umsatz von 1,23 Mrd. €.', '3. Quartal 2025'],
      ['Im 3. Quartal 2025 verzeichnete der Konzern einen Umsatz von 1,23 Mrd. €.', '3. Quartal 2025'],
      ['Rheinwerk meldete einen Umsatz von 1,23 Mrd. € im 3. Quartal 2025.', '3. Quartal 2025'],
      ['Im 3. Quartal 2025 lag unser Umsatz bei 1,23 Mrd. €.', '3. Quartal 2025'],
    ] as const) {
      expect(found(text), text).toEqual([`10:${25 + text.indexOf('1,23')} ${wrong(quarter)}`]);
    }
    // As found before: the name after "der" or none.
    for (const text of ['Der Umsatz betrug im dritten Quartal 2025 1,23 Mrd. €.', 'Im 3. Quartal 2025 lag der Umsatz bei 1,23 Mrd. €.', 'Umsatz von 1,23 Mrd. € im 3. Quartal 2025.']) expect(found(text), text).toHaveLength(1);
    // Not the figure of another measure, of another or an earlier period, of a part of the company, of a plan, nor the right one.
    for (const text of [
      'Rheinwerk erzielte im dritten Quartal 2025 einen Auftragseingang von 1,23 Mrd. €.', 'Rheinwerk erzielte im dritten Quartal 2024 einen Umsatz von 1,23 Mrd. €.',
      'Im Vorjahresquartal erzielte Rheinwerk einen Umsatz von 1,23 Mrd. €.', 'Rheinwerk erzielte im Vorjahresquartal einen Umsatz von 1,23 Mrd. €.',
      'Einen Umsatz von 1,23 Mrd. € erzielte Rheinwerk im Vorjahresquartal.', 'Rheinwerk erzielte im 3. Quartal 2025 einen Umsatz von 1,23 Mrd. € ggü. Vorjahresquartal.',
      'Die Sparte Antriebe erzielte im 3. Quartal 2025 einen Umsatz von 1,23 Mrd. €.', 'Im 3. Quartal 2025 erzielte die Sparte Antriebe einen Umsatz von 1,23 Mrd. €.',
      'Einen Umsatz von 1,23 Mrd. € erzielte die Sparte Antriebe im 3. Quartal 2025.', 'Einen Umsatz von 1,23 Mrd. € erzielte Rheinwerk mit Antrieben im 3. Quartal 2025.',
      'In China erzielte Rheinwerk im 3. Quartal 2025 einen Umsatz von 1,23 Mrd. €.', 'Rheinwerk erzielte im 3. Quartal 2025 mit Antrieben einen Umsatz von 1,23 Mrd. €.',
      'Rheinwerk erzielte im 3. Quartal 2025 einen Umsatz von 1,23 Mrd. € in China.', 'Rheinwerk erzielte im 3. Quartal 2025 einen Umsatz von 1,23 Mrd. € mit Antrieben.',
      'Für das 3. Quartal 2025 erwartete Rheinwerk einen Umsatz von 1,23 Mrd. €.', 'Rheinwerk erzielt im 3. Quartal 2025 einen Umsatz von 1,23 Mrd. €.',
      'Im 3. Quartal 2025 erzielte die Sparte, wie erwartet, einen Umsatz von 1,23 Mrd. €.',
      'Rheinwerk erzielte im 3. Quartal 2025 einen bereinigten Umsatz von 1,23 Mrd. €.', 'Rheinwerk erzielte im 3. Quartal 2025 einen Umsatz von 1,32 Mrd. €.',
      'Ein Umsatz von 1,23 Mrd. € wäre im 3. Quartal 2025 ein Rekord gewesen.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    // Hostile text around the new words, read in linear time: runs of spaces, verbs, articles and periods before the name.
    for (const run of [`Rheinwerk erzielte${' '.repeat(50_000)}einen Umsatz von 1,23 Mrd. €.`, `${'Rheinwerk erzielte '.repeat(10_000)}einen Umsatz von 1,23 Mrd. €.`,
      `${'einen '.repeat(20_000)}Umsatz von 1,23 Mrd. € erzielte Rheinwerk.`, `Einen Umsatz von 1,23 Mrd. € erzielte${' Rheinwerk'.repeat(10_000)}.`,
      `Rheinwerk erzielte ${'im 3. Quartal 2025 '.repeat(5_000)}einen Umsatz von 1,23 Mrd. €.`, `Einen Umsatz von 1,23 Mrd. € erzielte Rheinwerk${' im'.repeat(20_000)}.`]) {
      expect(() => found(run)).not.toThrow();
    }
  });

  it('reads the company named as a group, from company.name and short_name: "Die Rheinwerk-Gruppe erzielte", "der Rheinwerk-Konzern", "Die Rheinwerk Gruppe"; not a part of it', () => {
    for (const [text, quarter] of [
      ['Die Rheinwerk-Gruppe erzielte im dritten Quartal 2025 einen Umsatz von 1,23 Mrd. €.', 'dritten Quartal 2025'],
      ['Der Rheinwerk-Konzern erzielte im dritten Quartal 2025 einen Umsatz von 1,23 Mrd. €.', 'dritten Quartal 2025'],
      ['Die Rheinwerk Gruppe erzielte im dritten Quartal 2025 einen Umsatz von 1,23 Mrd. €.', 'dritten Quartal 2025'],
      ['Der Rheinwerk Konzern erzielte im dritten Quartal 2025 einen Umsatz von 1,23 Mrd. €.', 'dritten Quartal 2025'],
      ['Im dritten Quartal 2025 erzielte die Rheinwerk-Gruppe einen Umsatz von 1,23 Mrd. €.', 'dritten Quartal 2025'],
      ['Einen Umsatz von 1,23 Mrd. € erzielte die Rheinwerk-Gruppe im 3. Quartal 2025.', '3. Quartal 2025'],
      ['Die Rheinwerk-Gruppe steigerte den Umsatz im dritten Quartal 2025 auf 1,23 Mrd. €.', 'dritten Quartal 2025'],
    ] as const) {
      expect(found(text), text).toEqual([`10:${25 + text.indexOf('1,23')} ${wrong(quarter)}`]);
    }
    // Not a part of the group, nor a part's figure, nor the right one.
    for (const text of [
      'Die Sparte Antriebe erzielte im dritten Quartal 2025 einen Umsatz von 1,23 Mrd. €.', 'Die Sparte Antriebe der Rheinwerk-Gruppe erzielte im dritten Quartal 2025 einen Umsatz von 1,23 Mrd. €.',
      'Die Rheinwerk-Sparte Antriebe erzielte im dritten Quartal 2025 einen Umsatz von 1,23 Mrd. €.', 'Die Rheinwerk-Gruppe erzielte im dritten Quartal 2025 in China einen Umsatz von 1,23 Mrd. €.',
      'Die Rheinwerk-Gruppe erzielte im dritten Quartal 2025 einen Umsatz von 1,32 Mrd. €.', 'Die Antriebe-Gruppe erzielte im dritten Quartal 2025 einen Umsatz von 1,23 Mrd. €.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    // In French, "le groupe Acme", not a division of it.
    const french = (text: string) => validateWithWarnings(parseCanvas(`${rheinwerk.replace('language: de', 'language: fr')}${umsatzMetric().replace('label: Umsatz', 'label: "Chiffre d\'affaires"')}blocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: "${text} [[umsatz]]."\n`, 'c.yaml'))
      .findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message);
    expect(french('Le groupe Rheinwerk a réalisé un chiffre d\'affaires de 1,23 Md€ au T3 2025.')).toEqual([expect.stringMatching(/^"1,23 Md€" is typed into the text as Chiffre d'affaires for "T3 2025", but umsatz is 1,32/)]);
    expect(french('La division Mobilité du groupe Rheinwerk a réalisé un chiffre d\'affaires de 1,23 Md€ au T3 2025.')).toEqual([]);
  });

  it('reads a figure beside the base it is compared with in a sentence that names no period as the current one: the base\'s earlier period is the base\'s', () => {
    const now = (typed: string) => expect.stringMatching(new RegExp(`^10:\\d+ "${typed}" is typed into the text as (?:Umsatz|Chiffre d'affaires|Revenue) in a sentence that names no period, read as the briefing's current one, but umsatz \\(the latest figure up to briefing\\.as_of, 31 Oct 2025\\) is (?:1,32|€1\\.32)`));
    const inLanguage = (language: string, label: string, text: string) => validateWithWarnings(parseCanvas(`${rheinwerk.replace('language: de', `language: ${language}`)}${umsatzMetric().replace('label: Umsatz', `label: "${label}"`)}blocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: "${text} [[umsatz]]."\n`, 'c.yaml'))
      .findings.filter((f) => f.rule === 'typed-mismatch').map((f) => `${f.line}:${f.column} ${f.message}`);
    const french = (text: string) => inLanguage('fr', 'Chiffre d\'affaires', text);
    for (const text of [
      'Rheinwerk erzielte einen Umsatz von 1,23 Mrd. € (Vorjahr: 1,20 Mrd. €).', 'Der Umsatz betrug 1,23 Mrd. € (Vorjahr: 1,20 Mrd. €).',
      'Der Umsatz betrug 1,23 Mrd. € (Vorquartal: 1,20 Mrd. €).', 'Der Umsatz betrug 1,23 Mrd. € nach 1,20 Mrd. € im Vorjahreszeitraum.',
      'Der Umsatz betrug 1,23 Mrd. €, 1,20 Mrd. € im Vorjahr.',
    ]) {
      expect(found(text), text).toEqual([now('1,23 Mrd. €')]);
    }
    for (const text of ['Le chiffre d\'affaires s\'est établi à 1,23 Md€ contre 1,20 Md€ un an plus tôt.', 'Le chiffre d\'affaires s\'est établi à 1,23 Md€ contre 1,20 Md€ au deuxième trimestre.',
      'Le chiffre d\'affaires s\'est établi à 1,23 Md€ par rapport aux 1,20 Md€ du trimestre précédent.']) {
      expect(french(text), text).toEqual([now('1,23 Md€')]);
    }
    expect(inLanguage('en', 'Revenue', 'Revenue was EUR 1.23 billion (prior year: EUR 1.20 billion).')).toEqual([now('EUR 1.23 billion')]);
    // Not the base itself, a figure the sentence dates otherwise (its words of time outside the base's), a part's, another
    // measure's, another basis's, a plan's, a bracket that is no earlier period's; nor the right figure.
    for (const text of [
      'Der Umsatz betrug 1,32 Mrd. € (Vorjahr: 1,20 Mrd. €).', 'Der Umsatz betrug im Vorjahr 1,23 Mrd. € (Vorquartal: 1,20 Mrd. €).',
      'Der Umsatz betrug in den ersten neun Monaten 1,23 Mrd. € (Vorjahr: 1,20 Mrd. €).', 'Der Umsatz betrug 1,23 Mrd. € (Vorjahr: 1,20 Mrd. €) im Geschäftsjahr.',
      'Die Sparte Antriebe erzielte einen Umsatz von 1,23 Mrd. € (Vorjahr: 1,20 Mrd. €).', 'Der Auftragseingang betrug 1,23 Mrd. € (Vorjahr: 1,20 Mrd. €).',
      'Der bereinigte Umsatz betrug 1,23 Mrd. € (Vorjahr: 1,20 Mrd. €).', 'Rheinwerk erwartet einen Umsatz von 1,23 Mrd. € (Vorjahr: 1,20 Mrd. €).',
      'Der Umsatz betrug 1,23 Mrd. € (Prognose: 1,20 Mrd. €).', 'Der Umsatz betrug 1,32 Mrd. € nach 1,23 Mrd. € im Vorjahreszeitraum.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    for (const text of ['Le chiffre d\'affaires s\'est établi à 1,23 Md€ sur neuf mois, contre 1,20 Md€ un an plus tôt.', 'Le chiffre d\'affaires de la division Mobilité s\'est établi à 1,23 Md€ contre 1,20 Md€ un an plus tôt.',
      'Le chiffre d\'affaires s\'est établi à 1,32 Md€ contre 1,23 Md€ un an plus tôt.']) {
      expect(french(text), text).toEqual([]);
    }
    expect(inLanguage('en', 'Revenue', 'Revenue was EUR 1.23 billion in the first nine months (prior year: EUR 1.20 billion).')).toEqual([]);
  });

  it('reads the new level after the base it is against in German: "Der Umsatz stieg gegenüber dem Vorquartal (1,20 Mrd. €) auf 1,23 Mrd. €", not the base', () => {
    const now = expect.stringMatching(/^10:\d+ "1,23 Mrd\. €" is typed into the text as Umsatz in a sentence that names no period, read as the briefing's current one, but umsatz \(the latest figure up to briefing\.as_of, 31 Oct 2025\) is 1,32/);
    for (const [text, quarter] of [
      ['Der Umsatz stieg gegenüber dem Vorquartal (1,20 Mrd. €) auf 1,23 Mrd. €.', undefined],
      ['Der Umsatz stieg gegenüber dem Vorjahresquartal (1,20 Mrd. €) um 3 % auf 1,23 Mrd. €.', undefined],
      ['Rheinwerk steigerte den Umsatz gegenüber dem Vorquartal (1,20 Mrd. €) auf 1,23 Mrd. €.', undefined],
      ['Der Umsatz stieg im dritten Quartal 2025 gegenüber dem Vorquartal (1,20 Mrd. €) auf 1,23 Mrd. €.', 'dritten Quartal 2025'],
      ['Im dritten Quartal 2025 stieg der Umsatz gegenüber dem Vorquartal (1,20 Mrd. €) auf 1,23 Mrd. €.', 'dritten Quartal 2025'],
      ['Im dritten Quartal 2025 stieg der Umsatz gegenüber dem Vorquartal (1,20 Mrd. €) um 3 % auf 1,23 Mrd. €.', 'dritten Quartal 2025'],
    ] as const) {
      expect(found(text), text).toEqual([quarter === undefined ? now : `10:${25 + text.indexOf('1,23')} ${wrong(quarter)}`]);
    }
    // Not the base, another measure's, a part's, another basis's, another period's or place's; nor the right figure.
    for (const text of [
      'Der Umsatz stieg gegenüber dem Vorquartal (1,23 Mrd. €) auf 1,32 Mrd. €.', 'Der Auftragseingang stieg gegenüber dem Vorquartal (1,20 Mrd. €) auf 1,23 Mrd. €.',
      'Der Umsatz der Sparte Antriebe stieg gegenüber dem Vorquartal (1,20 Mrd. €) auf 1,23 Mrd. €.', 'Die Sparte Antriebe steigerte den Umsatz gegenüber dem Vorquartal (1,20 Mrd. €) auf 1,23 Mrd. €.',
      'Der bereinigte Umsatz stieg gegenüber dem Vorquartal (1,20 Mrd. €) auf 1,23 Mrd. €.', 'Der Umsatz stieg in den ersten neun Monaten gegenüber dem Vorjahr (1,20 Mrd. €) auf 1,23 Mrd. €.',
      'Der Umsatz stieg gegenüber dem Vorquartal (1,20 Mrd. €) auf 1,23 Mrd. € in China.', 'Im dritten Quartal 2024 stieg der Umsatz gegenüber dem Vorquartal (1,20 Mrd. €) auf 1,23 Mrd. €.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    // A change against the quarter before is none of the stated year-on-year one (+5 %): not compared with it.
    expect(found('Im dritten Quartal 2025 stieg der Umsatz gegenüber dem Vorquartal (1,20 Mrd. €) um 10 % auf 1,32 Mrd. €.', ', change: { percent: 5 }')).toEqual([]);
  });

  it('reads the new level after "auf" and the change after "um", as German results releases give them: "Der Umsatz stieg um 5 % auf", "Rheinwerk steigerte den Umsatz um 5 % auf", "ging auf … zurück"; not a change by an amount', () => {
    /** The finding of "1,23 Mrd. €" typed as Umsatz in a sentence that names no period. */
    const wrongNow = '"1,23 Mrd. €" is typed into the text as Umsatz in a sentence that names no period, read as the briefing\'s current one, but umsatz (the latest figure up to briefing.as_of, 31 Oct 2025) is 1,32\u00a0Mrd.\u00a0€ (Q3 2025), and no figure of Umsatz for any period is "1,23 Mrd. €", as typed or rounded: the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[umsatz]] in the text, so that it prints the figure and follows it; if the text means another period\'s figure, name the period in the sentence, or acknowledge the finding';
    for (const [text, quarter] of [
      ['Rheinwerk steigerte den Umsatz im dritten Quartal 2025 um 5 % auf 1,23 Mrd. €.', 'dritten Quartal 2025'],
      ['Der Umsatz stieg um 5 % auf 1,23 Mrd. €.', undefined],
      ['Der Umsatz erhöhte sich im Jahresvergleich auf 1,23 Mrd. €.', undefined],
      ['Der Umsatz ging auf 1,23 Mrd. € zurück.', undefined],
      ['Der Umsatz sank um 3 % auf 1,23 Mrd. €.', undefined],
      // The period, the year compared with and an amount the change is by between the verb and "auf"; the company before the verb or after it.
      ['Der Umsatz stieg im dritten Quartal 2025 um 50 Mio. € auf 1,23 Mrd. €.', 'dritten Quartal 2025'],
      ['Der Umsatz erhöhte sich im dritten Quartal 2025 im Jahresvergleich um 5 % auf 1,23 Mrd. €.', 'dritten Quartal 2025'],
      ['Der Umsatz ging im dritten Quartal 2025 um 3 % auf 1,23 Mrd. € zurück.', 'dritten Quartal 2025'],
      ['Der Umsatz legte im dritten Quartal 2025 um 5 % auf 1,23 Mrd. € zu.', 'dritten Quartal 2025'],
      ['Im dritten Quartal 2025 steigerte Rheinwerk den Umsatz auf 1,23 Mrd. €.', 'dritten Quartal 2025'],
      ['Rheinwerk erhöhte den Umsatz um 50 Mio. € auf 1,23 Mrd. €.', undefined],
    ] as const) {
      expect(found(text), text).toEqual([`10:${25 + text.indexOf('1,23')} ${quarter === undefined ? wrongNow : wrong(quarter)}`]);
    }
    // Not another measure's, a part's, another period's, a plan's or on another basis; not a level that is no figure
    // ("auf Vorjahresniveau", "auf Basis von"); a "ging auf" without its "zurück"; not an amount the measure changed by; nor the right figure.
    for (const text of [
      'Der Auftragseingang stieg im dritten Quartal 2025 um 5 % auf 1,23 Mrd. €.', 'Rheinwerk steigerte den Auftragseingang im dritten Quartal 2025 um 5 % auf 1,23 Mrd. €.',
      'Die Sparte Antriebe steigerte den Umsatz im dritten Quartal 2025 um 5 % auf 1,23 Mrd. €.', 'In China steigerte Rheinwerk den Umsatz im dritten Quartal 2025 um 5 % auf 1,23 Mrd. €.',
      'Rheinwerk steigerte den Umsatz im dritten Quartal 2025 um 5 % auf 1,23 Mrd. € in China.', 'Rheinwerk steigerte den bereinigten Umsatz im dritten Quartal 2025 um 5 % auf 1,23 Mrd. €.',
      'Der Umsatz stieg im dritten Quartal 2024 um 5 % auf 1,23 Mrd. €.', 'Der Umsatz stieg im dritten Quartal 2025 auf 1,23 Mrd. € im Vorjahresquartal.',
      'Der Umsatz stieg im dritten Quartal 2025 auf Vorjahresniveau.', 'Der Umsatz lag im dritten Quartal 2025 auf Vorjahresniveau von 1,23 Mrd. €.',
      'Der Umsatz stieg im dritten Quartal 2025 auf Basis von 1,23 Mrd. € um 5 %.', 'Der Umsatz ging im dritten Quartal 2025 auf 1,23 Mrd. € ein.',
      'Rheinwerk steigert den Umsatz im dritten Quartal 2025 um 5 % auf 1,23 Mrd. €.', 'Rheinwerk will den Umsatz im dritten Quartal 2025 um 5 % auf 1,23 Mrd. € steigern.',
      'Rheinwerk erhöhte die Prognose für den Umsatz im dritten Quartal 2025 auf 1,23 Mrd. €.',
      'Der Umsatz stieg im dritten Quartal 2025 um 1,23 Mrd. €.', 'Rheinwerk steigerte den Umsatz im dritten Quartal 2025 um 1,23 Mrd. €.',
      'Der Umsatz stieg im dritten Quartal 2025 um 50 Mio. € auf 1,32 Mrd. €.', 'Rheinwerk steigerte den Umsatz im dritten Quartal 2025 um 5 % auf 1,32 Mrd. €.',
      'Der Umsatz ging im dritten Quartal 2025 auf 1,32 Mrd. € zurück.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    // The figure after "um" is a change, compared with the one the canvas states (+5 %), the direction its verb's.
    const plus5 = ', change: { percent: 5 }';
    const wrongChange = (typed: string) => `"${typed}" is typed into the text as the change of Umsatz for "dritten Quartal 2025", but umsatz states a change of +5\u00a0% YoY (Q3 2025): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[umsatz.change]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding`;
    for (const text of [
      'Rheinwerk steigerte den Umsatz im dritten Quartal 2025 um 7 % auf 1,32 Mrd. €.', 'Rheinwerk senkte den Umsatz im dritten Quartal 2025 um 5 %.',
      'Der Umsatz ging im dritten Quartal 2025 um 5 % zurück.', 'Der Umsatz ging im dritten Quartal 2025 um 5 % auf 1,32 Mrd. € zurück.', 'Der Umsatz stieg im dritten Quartal 2025 im Jahresvergleich um 7 %.',
    ]) {
      const typed = /\d %/.exec(text)![0];
      expect(found(text, plus5), text).toEqual([`10:${25 + text.indexOf(typed)} ${wrongChange(typed)}`]);
    }
    for (const text of [
      'Rheinwerk steigerte den Umsatz im dritten Quartal 2025 um 5 % auf 1,32 Mrd. €.', 'Der Umsatz legte im dritten Quartal 2025 um 5 % auf 1,32 Mrd. € zu.',
      'Der Umsatz stieg im dritten Quartal 2025 um 50 Mio. € auf 1,32 Mrd. €.', 'Der Umsatz stieg im dritten Quartal 2025 um 0,07 Mrd. €.',
      'Die Sparte Antriebe steigerte den Umsatz im dritten Quartal 2025 um 7 %.', 'Rheinwerk steigerte den Umsatz im dritten Quartal 2025 um 7 % auf 1,32 Mrd. € in China.',
    ]) {
      expect(found(text, plus5), text).toEqual([]);
    }
    // Hostile text around the new words, read in linear time (100,000 characters or so each): runs of the words between
    // the name and its figure, of the company and its verb before the name, of the words between the figure and "zurück".
    for (const run of [`Der Umsatz stieg${' um 5 %'.repeat(12_500)} auf 1,23 Mrd. €.`, `Der Umsatz stieg um ${'5'.repeat(100_000)} Mio. € auf 1,23 Mrd. €.`,
      `Rheinwerk steigerte ${'den '.repeat(25_000)}Umsatz um 5 % auf 1,23 Mrd. €.`, `${'Rheinwerk steigerte den '.repeat(4_000)}Umsatz um 5 % auf 1,23 Mrd. €.`,
      `Rheinwerk steigerte den Umsatz um 5 %${' '.repeat(100_000)}auf 1,23 Mrd. €.`, `Rheinwerk steigerte den Umsatz${' im'.repeat(33_000)} um 5 % auf 1,23 Mrd. €.`,
      `Rheinwerk steigerte den Umsatz${' im Jahresvergleich'.repeat(5_000)} um 5 % auf 1,23 Mrd. €.`,
      `Der Umsatz ging um 5 %${' auf'.repeat(25_000)} zurück.`, `Der Umsatz ging auf 1,23 Mrd. €${' x'.repeat(50_000)} zurück.`]) {
      expect(() => found(run, plus5)).not.toThrow();
    }
  });

  it('finds a wrong figure before a bracket that gives the earlier one: "2.512 Mio. € (Vorjahr: 2.250 Mio. €)", its label the next figure\'s words', () => {
    const umsatz = quarterly('Umsatzerlöse', 'EUR', 'million', ['3. Quartal 2024', '3. Quartal 2025'], [8500, 9076], [3.1, 6.8]);
    for (const label of ['Vorjahr', 'Vorjahresquartal', '3. Quartal 2024']) {
      expect(mismatches('de', 'EUR', umsatz, `Im 3. Quartal 2025 stiegen die Umsatzerlöse auf 9.180 Mio. € (${label}: 8.500 Mio. €).`), label).toEqual(['"9.180 Mio. €" is typed into the text as Umsatzerlöse for "3. Quartal 2025", but rev@2025-09-30 is 9.076\u00a0Mio.\u00a0€ (3. Quartal 2025)']);
      // The right figure is left alone.
      expect(mismatches('de', 'EUR', umsatz, `Im 3. Quartal 2025 stiegen die Umsatzerlöse auf 9.076 Mio. € (${label}: 8.500 Mio. €).`), label).toEqual([]);
    }
    // A basis said after the figure, before the bracket, is still read: "bereinigt" is another figure.
    expect(mismatches('de', 'EUR', umsatz, 'Im 3. Quartal 2025 stiegen die Umsatzerlöse auf 9.180 Mio. € bereinigt (Vorjahr: 8.500 Mio. €).')).toEqual([]);
  });

  it('reads the name after who said it in German, as a clause after "sagte," or set off by commas after the name: "Der Finanzchef sagte, der Umsatz betrug", "Der Umsatz, so der Finanzchef, betrug"', () => {
    const umsatz = quarterly('Umsatz', 'EUR', 'million', ['3. Quartal 2024', '3. Quartal 2025'], [8500, 9076], [3.1, 6.8]);
    for (const text of [
      'Der Finanzchef sagte, der Umsatz betrug im 3. Quartal 2025 9,18 Mrd. €.', 'Der Umsatz, so der Finanzchef, betrug im 3. Quartal 2025 9,18 Mrd. €.',
      'Der Umsatz, sagte der Finanzchef, betrug im 3. Quartal 2025 9,18 Mrd. €.', 'Der Umsatz, wie der Finanzchef sagte, betrug im 3. Quartal 2025 9,18 Mrd. €.',
    ]) {
      expect(mismatches('de', 'EUR', umsatz, text), text).toEqual(['"9,18 Mrd. €" is typed into the text as Umsatz for "3. Quartal 2025", but rev@2025-09-30 is 9.076\u00a0Mio.\u00a0€ (3. Quartal 2025)']);
    }
    // Another basis, or a plan, set off by commas: no figure of the measure.
    for (const text of ['Der Umsatz, bereinigt laut Finanzchef, betrug im 3. Quartal 2025 9,18 Mrd. €.', 'Der Umsatz, so erwartet der Finanzchef, betrug im 3. Quartal 2025 9,18 Mrd. €.']) {
      expect(mismatches('de', 'EUR', umsatz, text), text).toEqual([]);
    }
    // An outsider's figure (analysts, the press, a news agency): theirs, not the company's. The company's own people, its press release: read.
    for (const text of [
      'Reuters berichtete, der Umsatz betrug im 3. Quartal 2025 9,18 Mrd. €.', 'Die Analysten sagten, der Umsatz betrug im 3. Quartal 2025 9,18 Mrd. €.',
      'Der Umsatz, laut Reuters, betrug im 3. Quartal 2025 9,18 Mrd. €.', 'Der Umsatz, so die Analysten, betrug im 3. Quartal 2025 9,18 Mrd. €.',
      'Der Umsatz, so der Analyst, betrug im 3. Quartal 2025 9,18 Mrd. €.', 'Analysten zufolge betrug der Umsatz im 3. Quartal 2025 9,18 Mrd. €.',
    ]) {
      expect(mismatches('de', 'EUR', umsatz, text), text).toEqual([]);
    }
    // ...but an outsider relaying the company's figure, or speaking in another clause, leaves it the company's.
    for (const text of [
      'Der Umsatz, laut Finanzchef, betrug im 3. Quartal 2025 9,18 Mrd. €.', 'Der Umsatz, laut der Pressemitteilung, betrug im 3. Quartal 2025 9,18 Mrd. €.', 'Der Umsatz, sagte die Finanzchefin, betrug im 3. Quartal 2025 9,18 Mrd. €.',
      'Der Umsatz lag im Q3 2025 bei 9.300 Mio. €; Analysten schätzen die Marge höher.', 'Der Umsatz lag im Q3 2025 bei 9.300 Mio. €, Medien berichteten darüber.',
      'Der Umsatz, wie die Zeitung berichtete, betrug im 3. Quartal 2025 9,18 Mrd. €.',
    ]) {
      expect(mismatches('de', 'EUR', umsatz, text), text).toHaveLength(1);
    }
  });

  it('finds them in French and Portuguese: "s\'élève à", "est en hausse de X % à", "foi de", "subiu X% para", the article before the name, "T3 2025" and "3T25"', () => {
    expect(mismatches('fr', 'EUR', fr, 'Au T3 2025, le chiffre d’affaires s’élève à 9,18 Md€.')).toEqual(['"9,18 Md€" is typed into the text as Chiffre d\'affaires for "T3 2025", but rev@2025-09-30 is 9\u00a0080\u00a0M\u00a0€ (T3 2025)']);
    for (const text of [
      'Au T3 2025, le chiffre d\'affaires s\'est établi à 9 180 M€.', 'Au T3 2025, le chiffre d\'affaires atteint 9,18 milliards d\'euros.', 'Au T3 2025, le chiffre d\'affaires est en hausse de 6,8 % à 9,18 Md€.',
      'Le chiffre d\'affaires au T3 2025 s\'élève à 9,18 Md€.', 'Au troisième trimestre 2025, le chiffre d\'affaires progresse de 5,2 %.',
    ]) {
      expect(mismatches('fr', 'EUR', fr, text), text).toHaveLength(1);
    }
    expect(mismatches('pt-BR', 'BRL', pt, 'No 3T25, a receita líquida foi de R$ 35,2 bilhões.')).toEqual(['"R$ 35,2 bilhões" is typed into the text as Receita líquida for "3T25", but rev@2025-09-30 is R$\u00a034,2\u00a0bi (3T25)']);
    for (const text of [
      'No 3T25, a receita líquida somou R$ 35,2 bilhões.', 'A receita líquida totalizou R$ 35,2 bilhões no 3T25.', 'No 3T25, a receita líquida subiu 10,3% para R$ 35,2 bilhões.',
      'A receita líquida no terceiro trimestre de 2025 foi de R$ 35,2 bilhões.', 'No 3T25, a receita líquida cresceu 12,5%.', 'No 3T25, a receita líquida caiu 10,3%.',
    ]) {
      expect(mismatches('pt-BR', 'BRL', pt, text), text).toHaveLength(1);
    }
  });

  it('reads a period between the name and its verb after "du", "do", "des" or with its article: "le chiffre d\'affaires du T3 2025 s\'élève à"', () => {
    expect(mismatches('fr', 'EUR', fr, 'Le chiffre d’affaires du T3 2025 s’élève à 9,18 Md€.')).toHaveLength(1);
    expect(mismatches('pt-BR', 'BRL', pt, 'A receita líquida do 3T25 foi de R$ 35,2 bilhões.')).toHaveLength(1);
    expect(mismatches('de', 'EUR', de, 'Die Umsatzerlöse des 3. Quartals 2025 betrugen 9,18 Mrd. €.')).toHaveLength(1);
    expect(mismatches('de', 'EUR', de, 'Die Umsatzerlöse für das 3. Quartal 2025 betrugen 9,18 Mrd. €.')).toHaveLength(1);
    // Not more than a period: a place, a division.
    expect(mismatches('de', 'EUR', de, 'Die Umsatzerlöse in Europa betrugen im 3. Quartal 2025 3,1 Mrd. €.')).toEqual([]);
    expect(mismatches('fr', 'EUR', fr, 'Le chiffre d’affaires de la division Mobilité s’élève à 2,1 Md€ au T3 2025.')).toEqual([]);
  });

  it('finds a rate or a change typed wrong in Spanish, its decimal comma read', () => {
    const margin = 'rev: { label: Margen operativo, unit: percent, period_type: quarter, source: Q, values: [{ value: 11.0, period: T3 2024, period_end: 2024-09-30 }, { value: 12.5, period: T3 2025, period_end: 2025-09-30 }] }';
    expect(mismatches('es', 'EUR', margin, 'En el tercer trimestre de 2025, el margen operativo fue del 13,5 %.')).toEqual(['"13,5 %" is typed into the text as Margen operativo for "tercer trimestre de 2025", but rev@2025-09-30 is 12,5\u00a0% (T3 2025)']);
    expect(mismatches('es', 'EUR', margin, 'En el tercer trimestre de 2025, el margen operativo fue del 12,5 %.')).toEqual([]);
  });

  it('leaves alone the right figure, and one on another basis, of another period, a plan, a difference or a comparison, in each language', () => {
    for (const [language, currency, metric, text] of [
      ['de', 'EUR', de, 'Im 3. Quartal 2025 stiegen die Umsatzerlöse um 6,8 % auf 9,08 Mrd. €.'], ['de', 'EUR', de, 'Die Umsatzerlöse stiegen im 3. Quartal 2025 um 6,8 %.'],
      ['de', 'EUR', de, 'Im 3. Quartal 2024 betrugen die Umsatzerlöse 8,5 Mrd. €.'], ['de', 'EUR', de, 'Im 3. Quartal 2025 betrugen die bereinigten Umsatzerlöse 9,35 Mrd. €.'],
      ['de', 'EUR', de, 'Im 3. Quartal 2025 betrugen die Umsatzerlöse währungsbereinigt 9,35 Mrd. €.'], ['de', 'EUR', de, 'Für das 3. Quartal 2025 erwarten wir Umsatzerlöse von 9,5 Mrd. €.'],
      ['de', 'EUR', de, 'Im 3. Quartal 2025 stieg der Anstieg der Umsatzerlöse von 0,58 Mrd. € deutlich.'], ['de', 'EUR', de, 'Im Vorjahresquartal betrugen die Umsatzerlöse 8,9 Mrd. €; im 3. Quartal 2025 9,08 Mrd. €.'],
      ['de', 'EUR', de, 'Die Umsatzerlöse stiegen im 3. Quartal 2025 um 1,2 % gegenüber dem Vorquartal.'], ['de', 'EUR', de, 'Im 3. Quartal 2025 stiegen die Umsatzerlöse und das EBIT um 6,8 % und 12 %.'],
      ['fr', 'EUR', fr, 'Au T3 2025, le chiffre d\'affaires est en hausse de 6,8 % à 9,08 Md€.'], ['fr', 'EUR', fr, 'Au T3 2025, la hausse de la marge de 0,58 Md€ est nette.'],
      ['fr', 'EUR', fr, 'Au T3 2025, le chiffre d\'affaires s\'élève à 9,08 Md€, contre 8,50 Md€ au T3 2024.'], ['fr', 'EUR', fr, 'Au T3 2025, le chiffre d\'affaires ajusté s\'élève à 9,35 Md€.'],
      ['fr', 'EUR', fr, 'Au T3 2025, le chiffre d\'affaires s\'élève à 9,35 Md€ à taux de change constants.'], ['fr', 'EUR', fr, 'Pour le T3 2025, l\'objectif de chiffre d\'affaires est de 9,5 Md€.'],
      ['fr', 'EUR', fr, 'Au T3 2025, le chiffre d\'affaires progresse de 1,2 % par rapport au trimestre précédent.'], ['fr', 'EUR', fr, 'Au T3 2025, le chiffre d\'affaires progresse de 6,8 %.'],
      ['pt-BR', 'BRL', pt, 'No 3T25, a receita líquida subiu 10,3% para R$ 34,2 bilhões.'], ['pt-BR', 'BRL', pt, 'No 3T25, a receita líquida foi de R$ 34,2 bilhões, ante R$ 31,0 bilhões no 3T24.'],
      ['pt-BR', 'BRL', pt, 'No 3T25, a receita líquida cresceu 2,5% em relação ao trimestre anterior.'], ['pt-BR', 'BRL', pt, 'No 3T25, a receita líquida ajustada foi de R$ 35,9 bilhões.'],
      ['pt-BR', 'BRL', pt, 'Para o 3T25, a meta de receita líquida é de R$ 36,0 bilhões.'], ['pt-BR', 'BRL', pt, 'No 3T24, a receita líquida foi de R$ 31,0 bilhões.'],
      ['pt-BR', 'BRL', pt, 'No 3T25, a receita líquida cresceu 10,3% para [[rev]].'],
      // An earlier quarter's figure after "nach", "après", "após": the period compared with, not the sentence's.
      ['de', 'EUR', de, 'Die Umsatzerlöse stiegen um 6,8 % nach 3,1 % im 3. Quartal 2024.'], ['fr', 'EUR', fr, 'Le chiffre d\'affaires progresse de 6,8 % après 3,1 % au T3 2024.'],
      ['pt-BR', 'BRL', pt, 'A receita líquida cresceu 10,3%, após 4,0% no 3T24.'],
    ]) {
      expect(mismatches(language!, currency!, metric!, text!), text).toEqual([]);
    }
    // German joins in an English canvas are not read: English stays as it was.
    expect(mismatches('en', 'EUR', de, 'Im 3. Quartal 2025 betrugen die Umsatzerlöse 9,18 Mrd. €.')).toEqual([]);
  });

  it('finds a wrong change typed beside a German figure or its reference, its decimal comma read: "ein Plus von 7,5 %", "(+7,5 % ggü. Vorjahr)", "um 7,5 % auf [[umsatz]]"', () => {
    // A German trial's canvas: Q3 2025 €9.18 billion, +5.2% YoY; Q3 2024 €8.73 billion.
    const umsatz = (label: string) => `rev: { label: "${label}", unit: EUR, scale: billion, period_type: quarter, source: Q, values: [{ value: 8.73, period: Q3 2024, period_end: 2024-09-30 }, { value: 9.18, period: Q3 2025, period_end: 2025-09-30, change: { percent: 5.2 } }] }`;
    /** The typed-mismatch and typed-figure findings about a change (its quote, up to "is typed"), as the text has it beside [[rev]]. */
    const changes = (label: string, text: string) => validateWithWarnings(parseCanvas(`${HEAD.replace('currency: EUR }', 'currency: EUR, language: de }')}metrics:\n  ${umsatz(label)}\nblocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: '${text.replaceAll("'", "''")} Now: [[rev]].'\n`, 'c.yaml'))
      .findings.filter((f) => /^typed-(?:mismatch|figure)$/.test(f.rule) && /%|prozent/i.test(f.message.split(' is typed')[0]!)).map((f) => `${f.rule}: ${f.message.split(' is typed')[0]} ${/\+5,2\u00a0% YoY/.test(f.message) ? 'against +5,2 % YoY' : f.message}`);
    for (const [label, text, found] of [
      ['Konzernumsatz', 'Der Konzernumsatz stieg im dritten Quartal 2025 auf 9,18 Mrd. €, ein Plus von 7,5 % gegenüber dem Vorjahresquartal.', 'typed-mismatch: "7,5 %"'],
      ['Konzernumsatz', 'Der Konzernumsatz stieg im dritten Quartal 2025 auf [[rev]], ein Plus von 7,5 % gegenüber dem Vorjahresquartal.', 'typed-figure: "ein Plus von 7,5 %"'],
      ['Umsatz', 'Der Umsatz stieg im Q3 2025 um 7,5 % ggü. Vorjahr auf 9,18 Mrd. €.', 'typed-mismatch: "7,5 %"'],
      ['Umsatz', 'Der Umsatz stieg im Q3 2025 auf 9,18 Mrd. € (+7,5 % ggü. Vorjahr).', 'typed-mismatch: "+7,5 %"'],
      ['Konzernumsatz', 'Der Konzernumsatz stieg im dritten Quartal 2025 um 7,5 % gegenüber dem Vorjahr.', 'typed-mismatch: "7,5 %"'],
      ['Umsatz', 'Der Umsatz stieg im Q3 2025 um 7,5 % ggü. Vorjahr auf [[rev]].', 'typed-figure: "um 7,5 %"'],
      ['Umsatz', 'Der Umsatz stieg im Q3 2025 um 7,5 % auf [[rev]].', 'typed-figure: "um 7,5 %"'],
      ['Umsatz', 'Der Umsatz stieg im Q3 2025 auf [[rev]] (+7,5 % ggü. Vorjahr).', 'typed-figure: "+7,5 %"'],
      ['Umsatz', 'Der Umsatz betrug im Q3 2025 9,18 Mrd. €, ein Plus von 7,5 Prozent.', 'typed-mismatch: "7,5 Prozent"'],
      // The right change downwards is wrong: "ein Minus von", "sank um".
      ['Umsatz', 'Der Umsatz lag im Q3 2025 bei [[rev]], ein Minus von 5,2 %.', 'typed-figure: "ein Minus von 5,2 %"'],
      ['Umsatz', 'Der Umsatz sank im Q3 2025 um 5,2 % auf [[rev]].', 'typed-figure: "um 5,2 %"'],
      ['Umsatz', 'Der Umsatz betrug im Q3 2025 9,18 Mrd. € (−5,2 %).', 'typed-mismatch: "−5,2 %"'],
    ]) {
      expect(changes(label!, text!), text).toEqual([`${found} against +5,2 % YoY`]);
    }
    // The right change, as typed or rounded; one on another basis (the quarter before, constant currency, organic); a bare
    // percentage in brackets (no sign: a share?).
    for (const text of [
      'Der Umsatz stieg im Q3 2025 auf 9,18 Mrd. €, ein Plus von 5,2 % gegenüber dem Vorjahresquartal.', 'Der Umsatz stieg im Q3 2025 auf [[rev]], ein Plus von 5,2 %.',
      'Der Umsatz stieg im Q3 2025 um 5 % auf 9,18 Mrd. €.', 'Der Umsatz stieg im Q3 2025 um 5 % auf [[rev]].', 'Der Umsatz stieg im Q3 2025 auf [[rev]] (+5,2 % ggü. Vorjahr).',
      'Der Umsatz stieg im Q3 2025 auf 9,18 Mrd. € (+7,5 % ggü. Vorquartal).', 'Der Umsatz stieg im Q3 2025 auf [[rev]] (+7,5 % ggü. Vorquartal).',
      'Der Umsatz stieg im Q3 2025 auf 9,18 Mrd. €, währungsbereinigt ein Plus von 7,5 %.', 'Der Umsatz stieg im Q3 2025 auf [[rev]], währungsbereinigt ein Plus von 7,5 %.',
      'Der Umsatz stieg im Q3 2025 auf 9,18 Mrd. €, organisch ein Plus von 7,5 %.', 'Der Umsatz stieg im Q3 2025 um 7,5 % ggü. Vorquartal auf [[rev]].',
      'Der Umsatz stieg im Q3 2025 um 7,5 % währungsbereinigt auf [[rev]].', 'Der Umsatz betrug im Q3 2025 9,18 Mrd. € (7,5 % des Konzerns).',
    ]) {
      expect(changes('Umsatz', text), text).toEqual([]);
    }
    // Hostile text around the new words, read in linear time.
    for (const run of [`Der Umsatz betrug 9,18 Mrd. €${', ein Plus von'.repeat(20_000)} 7,5 %.`, `Der Umsatz stieg${' um 7,5 %'.repeat(20_000)} auf [[rev]].`, `[[rev]]${' ('.repeat(30_000)}+7,5 %.`,
      `Der Umsatz betrug ${'9,'.repeat(30_000)}18 Mrd. € (+7,5 %).`, `Der Umsatz stieg${' x'.repeat(30_000)} um 7,5 % auf [[rev]].`]) {
      expect(() => changes('Umsatz', run)).not.toThrow();
    }
  });

  const it_ = quarterly('Ricavi', 'EUR', 'million', ['T3 2024', 'T3 2025'], [7950, 8230], [2.1, 3.5]);
  const nl = quarterly('Omzet', 'EUR', 'million', ['Q3 2024', 'Q3 2025'], [7640, 8230], [1.8, 7.7]);
  const margine = 'rev: { label: Margine EBITDA, unit: percent, period_type: quarter, source: Q, values: [{ value: 17.7, period: T3 2024, period_end: 2024-09-30 }, { value: 18.5, period: T3 2025, period_end: 2025-09-30 }] }';

  it('finds them in Italian: "sono stati pari a", "si sono attestati a", "ammontano a", "sono cresciuti del X% a", "è aumentato del", "in calo del", "3° trimestre", "terzo trimestre del 2025"', () => {
    expect(mismatches('it', 'EUR', it_, 'Nel 3° trimestre 2025 i ricavi sono stati pari a 8,43 miliardi di euro.')).toEqual(['"8,43 miliardi di euro" is typed into the text as Ricavi for "3° trimestre 2025", but rev@2025-09-30 is 8230\u00a0Mln\u00a0€ (T3 2025)']);
    for (const text of [
      'I ricavi del T3 2025 ammontano a 8,43 mld €.', 'Nel T3 2025 i ricavi si sono attestati a 8.430 Mln €.', 'Nel terzo trimestre 2025 i ricavi sono cresciuti del 3,5% a 8,43 miliardi di euro.',
      'Nel terzo trimestre del 2025 i ricavi hanno raggiunto 8,43 miliardi di euro.', 'I ricavi nel T3 2025 sono stati di 8,43 miliardi di euro.', 'I ricavi sono stati pari a 8,43 miliardi di euro nel 3° trimestre 2025.',
      'Ricavi di 8,43 miliardi di euro nel 3° trimestre 2025.', 'Nel T3 2025 i ricavi sono aumentati del 5,5%.', 'Nel T3 2025 i ricavi sono in calo del 3,5%.',
    ]) {
      expect(mismatches('it', 'EUR', it_, text), text).toHaveLength(1);
    }
    expect(mismatches('it', 'EUR', margine, 'Nel T3 2025 il margine EBITDA è stato del 19,5%.')).toEqual(['"19,5%" is typed into the text as Margine EBITDA for "T3 2025", but rev@2025-09-30 is 18,5% (T3 2025)']);
    expect(mismatches('it', 'EUR', margine, 'Nel T3 2025 il margine EBITDA è stato del 18,5 per cento.')).toEqual([]);
    expect(mismatches('it', 'EUR', margine, 'Nel T3 2025 il margine EBITDA è stato del 19,5 per cento.')).toHaveLength(1);
  });

  it('finds them in Dutch: "bedroeg", "kwam uit op", "was", "steeg met X% tot", the verb before the name, "K3 2025" and "derde kwartaal van 2025"', () => {
    expect(mismatches('nl', 'EUR', nl, 'In het derde kwartaal van 2025 bedroeg de omzet € 8,43 miljard.')).toEqual(['"€ 8,43 miljard" is typed into the text as Omzet for "derde kwartaal van 2025", but rev@2025-09-30 is €\u00a08.230\u00a0mln. (Q3 2025)']);
    for (const text of [
      'De omzet bedroeg € 8,43 miljard in het derde kwartaal van 2025.', 'In Q3 2025 kwam de omzet uit op € 8.430 mln.', 'De omzet in K3 2025 was 8,43 mld euro.',
      'De omzet steeg in het derde kwartaal van 2025 met 7,7% tot € 8,43 miljard.', 'In het derde kwartaal van 2025 steeg de omzet met 7,7% tot € 8,43 miljard.', 'De omzet over Q3 2025 was € 8,43 miljard.',
      'In Q3 2025 nam de omzet toe met 5,7%.', 'De omzet nam in Q3 2025 toe met 5,7%.', 'In Q3 2025 daalde de omzet met 7,7%.', 'De omzet is in K3 2025 gestegen met 5,7 procent.',
    ]) {
      expect(mismatches('nl', 'EUR', nl, text), text).toHaveLength(1);
    }
  });

  it('reads a join that starts as a period\'s lead does, where no period follows: Dutch "omzet van € 8,43 miljard", German "in Höhe von"', () => {
    for (const text of ['Omzet van € 8,43 miljard in het derde kwartaal van 2025.', 'De omzet van € 8,43 miljard in Q3 2025 kwam vooral uit netbeheer.', 'De omzet van het derde kwartaal van 2025 bedroeg € 8,43 miljard.']) {
      expect(mismatches('nl', 'EUR', nl, text), text).toHaveLength(1);
    }
    expect(mismatches('de', 'EUR', de, 'Die Umsatzerlöse in Höhe von 9,18 Mrd. € im 3. Quartal 2025 stammen aus dem Cloud-Geschäft.')).toEqual(['"9,18 Mrd. €" is typed into the text as Umsatzerlöse for "3. Quartal 2025", but rev@2025-09-30 is 9.076\u00a0Mio.\u00a0€ (3. Quartal 2025)']);
    // Still not more than a period between the name and its verb, nor the right figure.
    for (const [language, metric, text] of [['nl', nl, 'De omzet van de divisie Netbeheer bedroeg in Q3 2025 € 4,1 miljard.'], ['nl', nl, 'De omzet van € 8,23 miljard in Q3 2025 kwam vooral uit netbeheer.'], ['de', de, 'Die Umsatzerlöse in Europa betrugen im 3. Quartal 2025 3,1 Mrd. €.']]) {
      expect(mismatches(language!, 'EUR', metric!, text!), text).toEqual([]);
    }
  });

  it('leaves alone in Italian and Dutch the right figure, and one on another basis, of another period, a plan, a part, a comparison or a change to a reference', () => {
    for (const [language, metric, text] of [
      ['it', it_, 'Nel T3 2025 i ricavi sono stati pari a 8,23 miliardi di euro.'], ['it', it_, 'Nel T3 2025 i ricavi sono cresciuti del 3,5%.'], ['it', it_, 'I ricavi sono in crescita del 3,5% nel T3 2025.'],
      ['it', it_, 'Nel T3 2024 i ricavi sono stati pari a 7,95 miliardi di euro.'], ['it', it_, 'Nel T3 2025 i ricavi rettificati sono stati pari a 8,43 miliardi di euro.'],
      ['it', it_, 'Nel T3 2025 i ricavi sono stati pari a 8,43 miliardi di euro a cambi costanti.'], ['it', it_, 'Per il T3 2025 l\'obiettivo di ricavi è di 8,5 miliardi di euro.'],
      ['it', it_, 'Nel T3 2025 i ricavi sono attesi a 8,5 miliardi di euro.'], ['it', it_, 'Nel T3 2025 i ricavi sono cresciuti dell\'1,2% rispetto al trimestre precedente.'],
      ['it', it_, 'Nel T3 2025 la crescita dei ricavi di 0,28 miliardi di euro è stata netta.'], ['it', it_, 'Nel T3 2025 i ricavi sono cresciuti del 3,5% dopo il 2,1% del T3 2024.'],
      ['it', it_, 'I ricavi sono cresciuti del 3,5%, rispetto al 2,1% nel T3 2024.'], ['it', it_, 'Nel T3 2025 i ricavi in Italia sono stati pari a 4,1 miliardi di euro.'],
      ['it', it_, 'Nel T3 2025 i ricavi e l\'EBITDA sono cresciuti del 3,5% e del 7,8%.'], ['it', it_, 'Nel T3 2025 i ricavi sono cresciuti del 3,5% a [[rev]].'],
      ['it', it_, 'Nel T3 2025 i ricavi sono stati pari a 8,23 miliardi di euro, in crescita del 5,0% su base trimestrale.'],
      ['nl', nl, 'De omzet bedroeg € 8,23 miljard in Q3 2025.'], ['nl', nl, 'In Q3 2025 steeg de omzet met 7,7%.'], ['nl', nl, 'In Q3 2025 steeg de omzet met 7,7% tot € 8,23 miljard.'],
      ['nl', nl, 'De omzet bedroeg € 7,64 miljard in Q3 2024.'], ['nl', nl, 'De aangepaste omzet bedroeg € 8,43 miljard in Q3 2025.'],
      ['nl', nl, 'De omzet bedroeg in Q3 2025 € 8,43 miljard tegen constante wisselkoersen.'], ['nl', nl, 'Voor Q3 2025 verwachten we een omzet van € 8,5 miljard.'],
      ['nl', nl, 'De omzet steeg in Q3 2025 met 1,2% ten opzichte van het vorige kwartaal.'], ['nl', nl, 'In Q3 2025 was de stijging van de omzet van € 0,59 miljard duidelijk.'],
      ['nl', nl, 'De omzet steeg met 7,7%, na 1,8% in Q3 2024.'], ['nl', nl, 'De omzet steeg met 7,7% ten opzichte van 1,8% in Q3 2024.'],
      ['nl', nl, 'De omzet in Nederland bedroeg in Q3 2025 € 4,1 miljard.'], ['nl', nl, 'In Q3 2025 stegen de omzet en de EBITDA met 7,7% en 7,2%.'],
      ['nl', nl, 'In Q3 2025 steeg de omzet met 7,7% tot [[rev]].'], ['nl', nl, 'In Q3 2025 nam de omzet af met 7,7%.'],
    ]) {
      expect(mismatches(language!, 'EUR', metric!, text!), text).toEqual([]);
    }
    // Italian and Dutch joins in an English canvas are not read.
    expect(mismatches('en', 'EUR', nl, 'In het derde kwartaal van 2025 bedroeg de omzet € 8,43 miljard.')).toEqual([]);
  });

  it('reads the company reporting its figure in French, Portuguese, Spanish, Italian and Dutch: "Acme a réalisé un chiffre d\'affaires de", "realiseerde een omzet van"; not a part\'s, another measure\'s or period\'s', () => {
    const es = quarterly('Ingresos', 'EUR', 'million', ['T3 2024', 'T3 2025'], [8500, 9080], [3.1, 6.8]);
    /** Each language's canvas (its currency and revenue), and the sentences read in it. */
    const canvases = { fr: ['EUR', fr], 'pt-BR': ['BRL', pt], es: ['EUR', es], it: ['EUR', it_], nl: ['EUR', nl] } as const;
    const found = (texts: Record<keyof typeof canvases, string[]>) => Object.entries(texts).flatMap(([language, list]) => list.map((text) => {
      const [currency, metric] = canvases[language as keyof typeof canvases];
      return [text, mismatches(language, currency, metric, text).length] as const;
    }));
    const reported = found({
      fr: ['Acme a réalisé un chiffre d\'affaires de 9,18 Md€ au T3 2025.', 'Au T3 2025, Acme a réalisé un chiffre d’affaires de 9,18 Md€.', 'Au troisième trimestre 2025, le groupe affiche un chiffre d\'affaires de 9,18 Md€.'],
      'pt-BR': ['No 3T25, a Acme registrou uma receita líquida de R$ 35,2 bilhões.', 'A Acme registrou receita líquida de R$ 35,2 bilhões no 3T25.'],
      es: ['Acme registró unos ingresos de 9.180 millones de euros en el tercer trimestre de 2025.', 'En el tercer trimestre de 2025, Acme obtuvo unos ingresos de 9.180 millones de euros.'],
      it: ['Nel T3 2025 Acme ha registrato ricavi di 8,43 miliardi di euro.', 'Acme ha registrato ricavi di 8,43 miliardi di euro nel T3 2025.'],
      nl: ['Acme realiseerde in Q3 2025 een omzet van € 8,43 miljard.', 'In het derde kwartaal van 2025 boekte Acme een omzet van € 8,43 miljard.'],
    });
    expect(reported.filter(([, n]) => n !== 1).map(([t]) => t)).toEqual([]);
    // Not a part's figure (a division's, a country's), another measure's, an earlier period's, nor a plan's.
    const silent = found({
      fr: [
        'Au T3 2025, la division Mobilité a réalisé un chiffre d\'affaires de 2,1 Md€.', 'En Chine, Acme a réalisé au T3 2025 un chiffre d\'affaires de 2,1 Md€.',
        'Acme a réalisé au T3 2025 un chiffre d\'affaires de 2,1 Md€ en Chine.', 'Acme a réalisé au T3 2025 un carnet de commandes de 9,18 Md€.',
        'Acme a réalisé un chiffre d\'affaires de 9,18 Md€ un an plus tôt.', 'Acme réalisera au T3 2025 un chiffre d\'affaires de 9,18 Md€.',
      ],
      'pt-BR': ['No 3T25, a divisão Varejo registrou uma receita líquida de R$ 5,2 bilhões.', 'A Acme registrou uma receita líquida de R$ 35,2 bilhões no trimestre anterior.'],
      es: ['La división Movilidad registró unos ingresos de 2.100 millones de euros en el tercer trimestre de 2025.', 'Acme registró unos ingresos de 2.100 millones de euros en España en el tercer trimestre de 2025.'],
      it: ['Nel T3 2025 la divisione Reti ha registrato ricavi di 4,1 miliardi di euro.', 'Nel T3 2025 Acme ha registrato ricavi di 4,1 miliardi di euro in Italia.'],
      nl: [
        'In Q3 2025 realiseerde de divisie Netbeheer een omzet van € 4,1 miljard.', 'Acme realiseerde in Q3 2025 een omzet van € 4,1 miljard met netbeheer.',
        'Acme realiseerde een jaar eerder een omzet van € 8,43 miljard.', 'Acme realiseert in Q3 2025 een omzet van € 8,43 miljard.',
      ],
    });
    expect(silent.filter(([, n]) => n !== 0)).toEqual([]);
    // Hostile text around the new words, read in linear time.
    for (const run of [`Acme a réalisé${' '.repeat(50_000)}un chiffre d'affaires de 9,18 Md€.`, `${'Acme a réalisé '.repeat(10_000)}un chiffre d'affaires de 9,18 Md€.`, `Au T3 2025,${' ,'.repeat(20_000)} Acme a réalisé un chiffre d'affaires de 9,18 Md€.`]) {
      expect(() => mismatches('fr', 'EUR', fr, run)).not.toThrow();
    }
  });

  it('leaves alone the figure a change starts from ("van ... tot", "von ... auf"): it is the earlier one, not the period\'s', () => {
    for (const [language, metric, text] of [
      ['nl', nl, 'In K3 2025 steeg de omzet van € 7,9 miljard tot € 8,23 miljard.'], ['nl', nl, 'In K3 2025 nam de omzet toe van € 7,9 miljard naar € 8,23 miljard.'],
      ['de', de, 'Im 3. Quartal 2025 stiegen die Umsatzerlöse von 8,9 Mrd. € auf 9,08 Mrd. €.'],
    ]) {
      expect(mismatches(language!, 'EUR', metric!, text!), text).toEqual([]);
    }
    // "van" as "of" is still read.
    expect(mismatches('nl', 'EUR', nl, 'In K3 2025 realiseerde Acme de omzet van € 7,9 miljard.')).toHaveLength(1);
  });

  it('takes the quarter after "sul", "in linea con", "op", "in lijn met", "vergelijkbaar met" for one compared with, a part of the year for no quarter, and "esercizio 2025", "boekjaar 2025" for FY2025', () => {
    for (const [language, metric, text] of [
      ['it', it_, 'I ricavi sono cresciuti del 3,5% sul T3 2024.'], ['it', it_, 'I ricavi sono stati pari a 7,98 miliardi di euro, sostanzialmente stabili sul T3 2024.'],
      ['it', it_, 'I ricavi sono stati pari a 7,98 miliardi di euro, in linea con il T3 2024.'],
      ['it', it_, 'Nei primi nove mesi del 2025 i ricavi sono stati pari a 24,1 miliardi di euro; nel T3 2025 sono cresciuti.'], ['it', it_, 'Nel primo semestre 2025 i ricavi sono cresciuti del 6,1%; nel T3 2025 del 3,5%.'],
      ['nl', nl, 'De omzet bedroeg € 7,68 miljard, in lijn met Q3 2024.'], ['nl', nl, 'De omzet bedroeg € 7,68 miljard, vergelijkbaar met Q3 2024.'], ['nl', nl, 'De omzet steeg met 7,7% op Q3 2024.'],
      ['nl', nl, 'In de eerste negen maanden van 2025 bedroeg de omzet € 24,1 miljard; in Q3 2025 steeg deze.'],
    ]) {
      expect(mismatches(language!, 'EUR', metric!, text!), text).toEqual([]);
    }
    // A year named so ("esercizio 2025", "boekjaar 2025") is read as FY2025; a half ("primo semestre") is left alone.
    const fy = 'rev: { label: Ricavi, unit: EUR, scale: million, period_type: fiscal_year, source: A, values: [{ value: 31200, period: FY2024, period_end: 2024-12-31 }, { value: 32900, period: FY2025, period_end: 2025-12-31 }] }';
    expect(mismatches('it', 'EUR', fy, 'Nell\'esercizio 2025 i ricavi sono stati pari a 33,1 miliardi di euro.')).toEqual(['"33,1 miliardi di euro" is typed into the text as Ricavi for "esercizio 2025", but rev@2025-12-31 is 32.900\u00a0Mln\u00a0€ (FY2025)']);
    expect(mismatches('nl', 'EUR', fy.replace('Ricavi', 'Omzet'), 'In boekjaar 2025 bedroeg de omzet € 33,1 miljard.')).toHaveLength(1);
    expect(mismatches('it', 'EUR', fy, 'Nell\'esercizio 2025 i ricavi sono stati pari a 32,9 miliardi di euro, rispetto all\'esercizio 2024.')).toEqual([]);
    // The quarter of the sentence is still read beside the one compared with.
    expect(mismatches('it', 'EUR', it_, 'Nel T3 2025 i ricavi sono cresciuti del 5,5% sul T3 2024.')).toEqual(['"5,5%" is typed into the text as the change of Ricavi for "T3 2025", but rev@2025-09-30 states a change of +3,5% YoY (T3 2025)']);
    expect(mismatches('nl', 'EUR', nl, 'In Q3 2025 bedroeg de omzet € 8,43 miljard, in lijn met Q3 2024.')).toHaveLength(1);
  });
});

describe('period-mismatch in a title or column heading', () => {
  const segment = (id: string, label: string, q4: number, q1?: number) =>
    `${id}: { label: ${label}, unit: USD, scale: billion, period_type: quarter, source: 10-Q, values: [{ value: ${q4}, period: Q4 FY25, period_end: 2025-09-27 }${q1 === undefined ? '' : `, { value: ${q1}, period: Q1 FY26, period_end: 2025-12-27 }`}] }`;
  const table = (title: string, ids: string[]) => `          - metric_table: { title: "${title}", rows: [${ids.join(', ')}], columns: [label, value] }\n`;
  const titled = (rule: string) => (f: string) => f.split(' ')[1] === `${rule}:`;

  it('finds a figure not rolled forward under a title naming the new quarter, and a title left from the last', () => {
    const rolled = [segment('iphone', 'iPhone', 49.0, 85.3), segment('mac', 'Mac', 8.7), segment('ipad', 'iPad', 6.9, 8.1)];
    expect(findingsOf(canvas(rolled, table('Net sales by category, Q1 FY26', ['iphone', 'mac', 'ipad']))).filter(titled('period-mismatch'))).toEqual([
      '12 period-mismatch: this table\'s title names "Q1 FY26", but mac@2025-09-27 is for Q4 FY25, the others for "Q1 FY26": a figure not rolled forward? Add its "Q1 FY26" value (or say its period in its label); if it is right as it is, acknowledge the finding',
    ]);
    const all = [segment('iphone', 'iPhone', 49.0, 85.3), segment('mac', 'Mac', 8.7, 9.0), segment('ipad', 'iPad', 6.9, 8.1)];
    expect(findingsOf(canvas(all, table('Net sales by category, Q4 FY25', ['iphone', 'mac', 'ipad']))).filter(titled('period-mismatch'))).toEqual([
      '12 period-mismatch: this table\'s title names "Q4 FY25", but its figures are for Q1 FY26 (iphone@2025-12-27, mac@2025-12-27, ipad@2025-12-27): the title left from an earlier period? Correct the title (or the figures); if it is right as it is, acknowledge the finding',
    ]);
    // A free table's column heading says it too; a chart's title.
    const free = `          - table: { columns: [Category, Q1 FY26], rows: [[iPhone, { metric: iphone }], [Mac, { metric: mac }], [iPad, { metric: ipad }]] }\n`;
    expect(rules(canvas(rolled, free))).toContain('period-mismatch');
    const chart = 'charts:\n  sales: { title: "Net sales, Q1 FY26", type: bar, points: [{ metric: iphone }, { metric: mac }, { metric: ipad }] }\n';
    expect(findingsOf(canvas(rolled, '          - chart: sales\n', chart)).filter(titled('period-mismatch'))).toHaveLength(1);
    // A chart whose legend names each point's period says it: this year's and last year's side by side.
    const legend = 'charts:\n  sales: { title: "Net sales, Q1 FY26", type: column, points: [{ metric: iphone, label: Phones, group: Q1 FY26 }, { metric: ipad, label: Tablets, group: Q1 FY26 }, { metric: mac, label: Computers, group: Q4 FY25 }] }\n';
    expect(findingsOf(canvas(rolled, '          - chart: sales\n', legend)).filter(titled('period-mismatch'))).toEqual([]);
  });

  it('says nothing of a title naming the figures\' period, several periods, or a trend, nor of a figure whose label says its period', () => {
    const all = [segment('iphone', 'iPhone', 49.0, 85.3), segment('mac', 'Mac', 8.7, 9.0)];
    for (const title of ['Net sales by category, Q1 FY26', 'Net sales, Q4 FY25 and Q1 FY26', 'Net sales by category']) {
      expect(rules(canvas(all, table(title, ['iphone', 'mac']))), title).not.toContain('period-mismatch');
    }
    const trend = `          - metric_table: { title: "iPhone net sales, Q1 FY26", rows: [{ series: iphone }] }\n`;
    expect(rules(canvas(all, trend))).not.toContain('period-mismatch');
    const labelled = [segment('iphone', 'iPhone', 49.0, 85.3), segment('mac', 'Mac (Q4 FY25)', 8.7)];
    expect(rules(canvas(labelled, table('Net sales, Q1 FY26', ['iphone', 'mac'])))).not.toContain('period-mismatch');
  });

  it('reads a title that looks ahead as a sentence that does: a later period is the outlook\'s, an earlier one left from last quarter', () => {
    const all = [segment('iphone', 'iPhone', 49.0, 85.3), segment('mac', 'Mac', 8.7, 9.0)];
    expect(rules(canvas(all, table('Outlook for Q2 FY26', ['iphone', 'mac'])))).not.toContain('period-mismatch');
    expect(rules(canvas(all, table('FY26 plans: Q2 FY26 launches', ['iphone', 'mac'])))).not.toContain('period-mismatch');
    // Not a title whose words only seem to ("Plant output", "net sales against guidance"): its later period is the figures' own.
    for (const title of ['Plant output, Q2 FY26', 'Net sales against guidance, Q2 FY26']) {
      expect(findingsOf(canvas(all, table(title, ['iphone', 'mac']))).filter(titled('period-mismatch')), title).toEqual([expect.stringContaining('title names "Q2 FY26", but its figures are for Q1 FY26')]);
    }
    expect(findingsOf(canvas(all, table('Outlook for Q4 FY25', ['iphone', 'mac']))).filter(titled('period-mismatch'))).toEqual([
      expect.stringContaining('title names "Q4 FY25", but its figures are for Q1 FY26'),
    ]);
  });

  it('takes a column headed "Year ago" or a row labelled "a year earlier" for saying its period, and reads the title over the others', () => {
    const yearAgo = (id: string, value: number) => `${id}: { label: ${id}, unit: USD, scale: billion, period_type: quarter, source: 10-Q, value: ${value}, period: Q1 FY25, period_end: 2024-12-28 }`;
    const metrics = (mac: number[]) => [segment('iphone', 'iPhone', 49.0, 85.3), segment('mac', 'Mac', 8.7, ...mac), yearAgo('iphone_py', 69.1), yearAgo('mac_py', 8.9)];
    for (const heading of ['Year ago', 'Prior year', 'Same quarter last year', 'Corresponding period', 'Comparable quarter', 'Same half']) {
      const free = `          - table: { title: "Net sales, Q1 FY26", columns: [Category, This quarter, ${heading}], rows: [[iPhone, { metric: iphone }, { metric: iphone_py }], [Mac, { metric: mac }, { metric: mac_py }]] }\n`;
      expect(rules(canvas(metrics([9.0]), free)), heading).not.toContain('period-mismatch');
      expect(findingsOf(canvas(metrics([]), free)).filter(titled('period-mismatch')), heading).toEqual([expect.stringContaining('but mac@2025-09-27 is for Q4 FY25')]);
    }
    const rows = `          - metric_table: { title: "Net sales, Q1 FY26", rows: [iphone, { metric: iphone_py, label: iPhone a year earlier }, mac], columns: [label, value] }\n`;
    expect(rules(canvas(metrics([9.0]), rows))).not.toContain('period-mismatch');
  });

  it('takes a period the title compares with for its figures\' too ("Q1 FY26 vs Q1 FY25"), and still finds a third', () => {
    const yearAgo = (id: string, label: string, value: number) => `${id}: { label: ${label}, unit: USD, scale: billion, period_type: quarter, source: 10-Q, value: ${value}, period: Q1 FY25, period_end: 2024-12-28 }`;
    const both = [segment('iphone', 'iPhone', 49.0, 85.3), segment('mac', 'Mac', 8.7, 9.0), yearAgo('iphone_py', 'iPhone a year before', 69.1), yearAgo('mac_py', 'Mac a year before', 8.9)];
    const chart = (title: string) => `charts:\n  sales: { title: "${title}", type: column, points: [{ metric: iphone, label: iPhone, group: This year }, { metric: iphone_py, label: iPhone, group: Last year }, { metric: mac, label: Mac, group: This year }, { metric: mac_py, label: Mac, group: Last year }] }\n`;
    expect(rules(canvas(both, '          - chart: sales\n', chart('Net sales, Q1 FY26 vs Q1 FY25')))).not.toContain('period-mismatch');
    const stale = [segment('iphone', 'iPhone', 49.0, 85.3), segment('mac', 'Mac', 8.7), both[2]!, both[3]!];
    expect(findingsOf(canvas(stale, '          - chart: sales\n', chart('Net sales, Q1 FY26 vs Q1 FY25'))).filter(titled('period-mismatch'))).toEqual([
      expect.stringContaining('but mac@2025-09-27 is for Q4 FY25'),
    ]);
  });
  it('reads a chart\'s caption without references as it reads the title: a period none of its points is for, left from last quarter', () => {
    const all = [segment('iphone', 'iPhone', 49.0, 85.3), segment('mac', 'Mac', 8.7, 9.0), segment('ipad', 'iPad', 6.9, 8.1)];
    const captioned = (caption: string) => `charts:\n  sales: { title: "Net sales by category", type: bar, points: [{ metric: iphone }, { metric: mac }, { metric: ipad }], caption: "${caption}" }\n`;
    const found = (caption: string) => findingsOf(canvas(all, '          - chart: sales\n', captioned(caption))).filter(titled('period-mismatch'));
    expect(found('Segment table, Q4 FY25 earnings release.')).toEqual([
      '8 period-mismatch: this chart\'s caption names "Q4 FY25", but its figures are for Q1 FY26 (iphone@2025-12-27, mac@2025-12-27, ipad@2025-12-27): the caption left from an earlier period? Correct the caption (or the figures); if it is right as it is, acknowledge the finding',
    ]);
    // The release of the points' own quarter, a comparison with an earlier one, several periods, or none: nothing.
    for (const caption of ['Source: Q1 FY26 earnings release.', 'Net sales up from Q4 FY25.', 'Q4 FY25 and Q1 FY26 releases.', 'Segment table, latest earnings release.']) {
      expect(found(caption), caption).toEqual([]);
    }
    // A caption's note that names another period for what it says of the figures, not as theirs: a restatement, an
    // exclusion, comparatives.
    for (const caption of ['Restated for the Q4 FY25 reorganisation of categories.', 'Excluding the one-off gain booked in Q4 FY25.', 'Unaudited. Q4 FY25 comparatives in the appendix.', 'Categories as redefined in Q4 FY25.']) {
      expect(found(caption), caption).toEqual([]);
    }
    // ...while such a note beside a stale period of the figures' own does not hide it.
    expect(found('Source: Q4 FY25 earnings release. Mac restated.')).toEqual([expect.stringContaining('this chart\'s caption names "Q4 FY25"')]);
    // A period an event's noun governs says when the event happened, not what the figures are for: each was noted under
    // the chart as a caption left from last quarter.
    for (const caption of [
      'Net sales by category after the retooling in the fourth quarter of fiscal 2025.', 'Net sales since the acquisition in Q4 FY25.', 'Net sales following the plant closure in Q4 FY25.',
      'Net sales since the acquisition of Beats Electronics in Q4 FY25.', 'Net sales after the Q4 FY25 strike.', 'Net sales after Q4 FY25\'s plant closure.',
    ]) {
      expect(found(caption), caption).toEqual([]);
    }
    // ...while the caption's own period beside an event, or a period that is not an event's, is read as before.
    for (const caption of ['Net sales, Q4 FY25.', 'Source: Q4 FY25 earnings release.', 'Net sales in Q4 FY25 after the retooling.', 'Net sales, Q4 FY25, after the retooling.', 'Net sales, Q4 FY25 since the acquisition in Q3 FY25.', 'Category sales in Q4 FY25.']) {
      expect(found(caption), caption).toEqual([expect.stringContaining('this chart\'s caption names "Q4 FY25"')]);
    }
    // A figure not rolled forward under a caption naming the new quarter, as under a title.
    const rolled = [segment('iphone', 'iPhone', 49.0, 85.3), segment('mac', 'Mac', 8.7), segment('ipad', 'iPad', 6.9, 8.1)];
    expect(findingsOf(canvas(rolled, '          - chart: sales\n', captioned('Source: Q1 FY26 earnings release.'))).filter(titled('period-mismatch'))).toEqual([
      expect.stringContaining('this chart\'s caption names "Q1 FY26", but mac@2025-09-27 is for Q4 FY25'),
    ]);
  });
  it('finds a trend chart\'s caption or title whose latest period is before the chart\'s last point, left from last quarter', () => {
    const quarters: Array<[string, string]> = [['Q3 2024', '2024-09-30'], ['Q4 2024', '2024-12-31'], ['Q1 2025', '2025-03-31'], ['Q2 2025', '2025-06-30'], ['Q3 2025', '2025-09-30']];
    const revenue = `revenue: { label: Revenue, unit: EUR, scale: million, period_type: quarter, source: Statements, values: [${quarters.map(([p, e], i) => `{ value: ${300 + i}, period: ${p}, period_end: ${e} }`).join(', ')}] }`;
    const drawn = (caption: string, title = 'Revenue by quarter', how = 'series: revenue') => findingsOf(canvas([revenue], '          - chart: rev\n', `charts:\n  rev: { title: "${title}", type: column, ${how}, caption: "${caption}" }\n`)).filter(titled('period-mismatch'));
    expect(drawn('Haldor quarterly statements, Q3 2024 to Q2 2025.')).toEqual([
      '6 period-mismatch: this chart\'s caption names "Q2 2025" as the end of its range, but the chart plots Revenue up to Q3 2025 (revenue@2025-09-30): the caption left from an earlier period? Update the caption to "Q3 2025", the chart\'s last period (or end its range there); if it is right as it is, acknowledge the finding',
    ]);
    for (const caption of ['Haldor quarterly statements, Q2 2025.', 'Revenue for Q2 2025.', 'Source: Q2 2025 earnings release; the Q2 2025 dip was a strike.']) {
      expect(drawn(caption), caption).toEqual([expect.stringContaining('this chart\'s caption names "Q2 2025", but the chart plots Revenue up to Q3 2025 (revenue@2025-09-30)')]);
    }
    // Its title too, and a chart that lists the series' values as its points.
    expect(drawn('Haldor quarterly statements.', 'Revenue, Q3 2024 to Q2 2025')).toEqual([expect.stringContaining('this chart\'s title names "Q2 2025" as the end of its range')]);
    const points = `points: [${quarters.map(([, e]) => `{ metric: revenue@${e} }`).join(', ')}]`;
    expect(drawn('Revenue for Q2 2025.', 'Revenue by quarter', points)).toHaveLength(1);
    // The last period, a range ending at it, a period compared with, a point it speaks of, a later period, none: nothing.
    for (const caption of ['Haldor quarterly statements, Q3 2025.', 'Haldor quarterly statements, Q3 2024 to Q3 2025.', 'Revenue up from Q2 2025.', 'Revenue since Q3 2024.', 'Highest since Q1 2024.',
      'Note the Q2 2025 dip.', 'Revenue fell in Q2 2025, then recovered.', 'Q2 2025\'s one-off charge aside.', 'Outlook to Q4 2025.', 'Haldor quarterly statements.']) {
      expect(drawn(caption), caption).toEqual([]);
    }
    // Nor a chart of the last four quarters whose range starts with the first it shows.
    expect(drawn('Haldor quarterly statements, Q4 2024 to Q3 2025.', 'Revenue by quarter', 'series: revenue, last: 4')).toEqual([]);
  });
  it('reads a Japanese caption\'s note on one of a trend chart\'s quarters as an English one: a note, not the chart\'s period', () => {
    const head = 'company: { name: Example KK, ticker: "1234", exchange: TSE, country: Japan, sector: Technology, industry: Software }\nbriefing: { period: 2026年3月期 第2四半期, as_of: 2025-11-30, currency: JPY, language: ja-JP }\n';
    const quarters = (words: string[]) => words.map((w, i) => `{ value: ${[24.1, 29.8, 31.0][i]}, period: "${w}", period_end: ${['2025-03-31', '2025-06-30', '2025-09-30'][i]} }`).join(', ');
    const ja = quarters(['2025年3月期 第4四半期（2025年1～3月）', '2026年3月期 第1四半期（2025年4～6月）', '2026年3月期 第2四半期（2025年7～9月）']);
    const en = quarters(['Q4 FY2024', 'Q1 FY2025', 'Q2 FY2025']);
    const found = (values: string, label: string, caption: string) => validateWithWarnings(parseCanvas(`${head}${canvas(
      [`op: { label: ${label}, unit: JPY, scale: billion, period_type: quarter, source: x, values: [${values}] }`], '          - chart: op_q\n',
      `charts:\n  op_q: { title: T, type: column, series: op, caption: "${caption}" }\n`,
    )}`, 'c.yaml')).findings.filter((f) => f.rule === 'period-mismatch').map((f) => f.message.split(',')[0]);
    // A plotted quarter that a note explains (its one-off cost included), in either language: nothing.
    expect(found(en, 'Operating profit', 'Company results. Q4 FY2024 includes a one-off restructuring charge.')).toEqual([]);
    for (const caption of ['当社決算。2025年3月期 第4四半期は一過性の構造改革費用を含みます。', '当社決算。2025年3月期 第4四半期は構造改革費用を除きます。', '2025年3月期 第4四半期に一過性の費用を計上。', '2025年3月期 第4四半期は修正再表示後の数値です。']) {
      expect(found(ja, '営業利益', caption), caption).toEqual([]);
    }
    // The quarter before the last, left as the caption's source, in either language, beside such a note too (the note a
    // clause of its own to '。' as to '.'); and a plotted quarter named with no note word, as in English.
    expect(found(en, 'Operating profit', 'Source: Q1 FY2025 earnings release. Q4 FY2024 includes a one-off charge.')).toEqual(['this chart\'s caption names "Q1 FY2025"']);
    expect(found(ja, '営業利益', '出所：2026年3月期 第1四半期決算短信。')).toEqual(['this chart\'s caption names "2026年3月期 第1四半期"']);
    expect(found(ja, '営業利益', '出所：2026年3月期 第1四半期決算短信。2025年3月期 第4四半期は一過性の構造改革費用を含みます。')).toEqual(['this chart\'s caption names "2026年3月期 第1四半期"']);
    expect(found(en, 'Operating profit', 'Company results. Q4 FY2024 had a one-off restructuring charge.')).toEqual(['this chart\'s caption names "Q4 FY2024"']);
    expect(found(ja, '営業利益', '当社決算。2025年3月期 第4四半期は一過性の構造改革費用がありました。')).toEqual(['this chart\'s caption names "2025年3月期 第4四半期"']);
  });
  it('reports a caption\'s stale period at the words it is read from, not at a note\'s same words before them', () => {
    const all = [segment('iphone', 'iPhone', 49.0, 85.3), segment('mac', 'Mac', 8.7, 9.0), segment('ipad', 'iPad', 6.9, 8.1)];
    const caption = 'Restated for Q4 FY25 categories; source: Q4 FY25 earnings release.';
    const body = canvas(all, '          - chart: sales\n', `charts:\n  sales: { title: "Net sales by category", type: bar, points: [{ metric: iphone }, { metric: mac }, { metric: ipad }], caption: "${caption}" }\n`);
    const found = validateWithWarnings(parseCanvas(`${HEAD}${body}`, 'c.yaml')).findings.filter((f) => f.rule === 'period-mismatch');
    // The second "Q4 FY25", the source's: the first is the restatement's note, which says nothing of the figures' period.
    const line = `${HEAD}${body}`.split('\n')[found[0]!.line! - 1]!;
    expect(found.map((f) => `${f.line}:${f.column} ${f.message.split(',')[0]}`)).toEqual([`8:${line.indexOf('Q4 FY25', line.indexOf('source:')) + 1} this chart's caption names "Q4 FY25"`]);
  });
});

describe('parts-under-total', () => {
  /** A quarterly series in EUR million, its values for Q1 to Q3 2025. */
  const series = (id: string, label: string, [q1, q2, q3]: number[]) =>
    `${id}: { label: ${label}, unit: EUR, scale: million, source: Reports, values: [{ value: ${q1}, period: Q1 2025, period_end: 2025-03-31 }, { value: ${q2}, period: Q2 2025, period_end: 2025-06-30 }, { value: ${q3}, period: Q3 2025, period_end: 2025-09-30 }] }`;
  const table = '          - metric_table: { rows: [hw, sw, total] }\n';

  it('finds parts that add up to less than their total, where they added up to it in every earlier period, at the table', () => {
    expect(findingsOf(canvas([series('hw', 'Hardware sales', [100, 110, 102]), series('sw', 'Software sales', [50, 55, 60]), series('total', 'Total sales', [150, 165, 180])], table))).toEqual([
      '12 parts-under-total: the parts this table shows of total@2025-09-30 (€180 million, Q3 2025) add up to €162 million (hw@2025-09-30 €102 million, sw@2025-09-30 €60 million), less than the total even allowing for rounding, where the same parts added up to it in Q1 2025, Q2 2025: a part mistyped in this update, or one left out? Check each figure against the source; if the total now covers more, say so in the note and acknowledge the finding',
    ]);
    // Three earlier periods are named each; more, by their count and span.
    const quarters = ['Q4 2024', 'Q1 2025', 'Q2 2025', 'Q3 2025'];
    const four = (id: string, label: string, values: number[]) => `${id}: { label: ${label}, unit: EUR, scale: million, source: Reports, values: [${values.map((v, i) => `{ value: ${v}, period: ${quarters[i]}, period_end: ${['2024-12-31', '2025-03-31', '2025-06-30', '2025-09-30'][i]} }`).join(', ')}] }`;
    expect(findingsOf(canvas([four('hw', 'Hardware sales', [95, 100, 110, 102]), four('sw', 'Software sales', [45, 50, 55, 60]), four('total', 'Total sales', [140, 150, 165, 180])], table))[0]).toContain(
      'where the same parts added up to it in Q4 2024, Q1 2025, Q2 2025: a part mistyped in this update',
    );
    // Acknowledged by its total alone, as parts-over-total is.
    const acknowledged = 'data_notes:\n  acknowledged:\n    - { rule: parts-under-total, metrics: [total@2025-09-30], figure: "€162 million against €180 million", reason: A new segment from Q3. }\n';
    const found = validateWithWarnings(parseCanvas(`${HEAD}${canvas([series('hw', 'Hardware sales', [100, 110, 102]), series('sw', 'Software sales', [50, 55, 60]), series('total', 'Total sales', [150, 165, 180])], table, acknowledged)}`, 'c.yaml')).findings;
    expect(found.map((f) => [f.rule, f.acknowledged])).toEqual([['parts-under-total', 'A new segment from Q3.']]);
  });

  it('says nothing where the parts never added up (the main segments only), added up once only, or add up now', () => {
    for (const [hw, total] of [[[100, 110, 102], [170, 180, 180]], [[100, 110, 120], [150, 165, 180]]] as const) {
      expect(rules(canvas([series('hw', 'Hardware sales', [...hw]), series('sw', 'Software sales', [50, 55, 60]), series('total', 'Total sales', [...total])], table))).toEqual([]);
    }
    const two = (id: string, label: string, [q2, q3]: number[]) => `${id}: { label: ${label}, unit: EUR, scale: million, source: Reports, values: [{ value: ${q2}, period: Q2 2025, period_end: 2025-06-30 }, { value: ${q3}, period: Q3 2025, period_end: 2025-09-30 }] }`;
    expect(rules(canvas([two('hw', 'Hardware sales', [110, 102]), two('sw', 'Software sales', [55, 60]), two('total', 'Total sales', [165, 180])], table))).toEqual([]);
  });
});

describe('typed-mismatch of an amount in pence or cents', () => {
  /**
   * A canvas reporting in `currency`, one paragraph of `text`: basic EPS 0.402 for FY2024 and 0.502 for FY2025, a final
   * dividend of 0.125 for FY2025, in `unit` (in pence where GBX: 40.2, 45.2 and 12.5).
   */
  const perShare = (currency: string, unit: string, text: string, label = 'Basic EPS') => {
    const [fy24, fy25, dps] = unit === 'GBX' ? [40.2, 45.2, 12.5] : [0.402, 0.502, 0.125];
    return `company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: FY2025, as_of: 2026-02-15, currency: ${currency} }\n${canvas([
      `eps: { label: ${label}, unit: ${unit}, period_type: fiscal_year, source: R, values: [{ value: ${fy24}, period: FY2024, period_end: 2024-12-31 }, { value: ${fy25}, period: FY2025, period_end: 2025-12-31 }] }`,
      `dps: { label: Final dividend, value: ${dps}, unit: ${unit}, period: FY2025, period_end: 2025-12-31, source: R }`,
    ], `          - paragraph: '${text.replaceAll("'", "''")} Now: [[eps]], [[dps]].'\n`)}`;
  };
  const mismatches = (body: string) => validateWithWarnings(parseCanvas(body, 'c.yaml')).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message);

  it('finds a wrong figure typed in pence beside a GBP figure, as a hundredth of the pound, naming the figure in pence too', () => {
    // FY2025's basic EPS is £0.502 (50.2p), FY2024's £0.402; the final dividend £0.125 (12.5p).
    expect(mismatches(perShare('GBP', 'GBP', 'Basic EPS was 48.2p in FY2025.'))).toEqual([
      '"48.2p" is typed into the text as Basic EPS for "FY2025", but eps@2025-12-31 is £0.502, 50.2p (FY2025): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[eps]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding; to keep pence in the text, correct the typed figure instead: [[eps]] prints pounds (£0.502)',
    ]);
    for (const t of [
      'In FY2025 basic EPS was 48.2 pence.', 'Basic EPS of 48.2p per share in FY2025.', 'In FY2025 basic EPS was 48.2p a share.', 'Basic EPS rose 25% to 48.2p in FY2025.',
      'The Board proposes a final dividend of 13.5p per share for FY2025.', 'The final dividend was 13.5 pence per ordinary share in FY2025.', 'The final dividend for FY2025 was 13.5p.',
      // After exceptional items is the reported basis (before them, another: left alone below).
      'Basic EPS was 48.2p after exceptional items in FY2025.',
      // With no period named: the latest figure, FY2025's.
      'Basic EPS was 48.2p.',
    ]) {
      expect(mismatches(perShare('GBP', 'GBP', t)), t).toHaveLength(1);
    }
    // Beside a figure in pence (GBX), typed in pence or pounds.
    expect(mismatches(perShare('GBP', 'GBX', 'Basic EPS was 48.2p in FY2025.'))).toEqual([expect.stringContaining('but eps@2025-12-31 is 45.2 GBX (FY2025): the text')]);
    expect(mismatches(perShare('GBP', 'GBX', 'Basic EPS was £0.482 in FY2025.'))).toHaveLength(1);
  });

  it('finds a wrong figure typed in cents, in the reporting currency where it has cents, or the one the cents name', () => {
    for (const t of ['Basic EPS was 48 cents in FY2025.', 'Basic EPS was 48c in FY2025.', 'Basic EPS was 48¢ in FY2025.', 'The final dividend was 15 cents per share for FY2025.']) {
      expect(mismatches(perShare('USD', 'USD', t)), t).toEqual([expect.stringMatching(/is US\$0\.(?:502, 50\.2 cents|125, 12\.5 cents) \(FY2025\): the text .*; to keep cents in the text, correct the typed figure instead: \[\[(?:eps|dps)\]\] prints dollars \(US\$0\.(?:502|125)\)$/)]);
    }
    expect(mismatches(perShare('EUR', 'EUR', 'Basic EPS was 48 euro cents in FY2025.'))).toHaveLength(1);
    expect(mismatches(perShare('GBP', 'EUR', 'Basic EPS was 48 euro cents in FY2025.'))).toHaveLength(1);
    expect(mismatches(perShare('GBP', 'USD', 'Basic EPS was 48 US cents in FY2025.'))).toHaveLength(1);
  });

  it('leaves alone the right figure in pence or cents, rounded or another period\'s, and what is no such amount', () => {
    for (const [currency, unit, t] of [
      ['GBP', 'GBP', 'Basic EPS was 50.2p in FY2025.'], ['GBP', 'GBP', 'Basic EPS was 50p in FY2025.'], ['GBP', 'GBP', 'Basic EPS was 40.2p in FY2024.'], ['GBP', 'GBP', 'Basic EPS was 50.2 pence per share in FY2025.'],
      ['GBP', 'GBP', 'The Board proposes a final dividend of 12.5p per share for FY2025.'], ['GBP', 'GBX', 'Basic EPS was 45.2p in FY2025.'], ['GBP', 'GBX', 'Basic EPS was £0.452 in FY2025.'],
      ['USD', 'USD', 'Basic EPS was 50 cents in FY2025.'], ['EUR', 'EUR', 'Basic EPS was 50 euro cents in FY2025.'], ['EUR', 'EUR', 'Basic EPS was €0.502 in FY2025.'],
      // Cents beside a GBP canvas are no pence, nor cents of the pound; pence are no dollar's.
      ['GBP', 'GBP', 'Basic EPS was 48c in FY2025.'], ['GBP', 'GBP', 'Basic EPS was 48 cents in FY2025.'], ['USD', 'USD', 'Basic EPS was 48p in FY2025.'],
      // A change, another basis, an approximate figure, percentage points, a time of day, a year marked projected.
      ['GBP', 'GBP', 'Basic EPS was up 12p in FY2025.'], ['GBP', 'GBP', 'Basic EPS rose 12.1p to 50.2p in FY2025.'], ['GBP', 'GBP', 'Basic EPS was 48.2p per diluted share in FY2025.'],
      ['GBP', 'GBP', 'Adjusted basic EPS was 48.2p in FY2025.'], ['GBP', 'GBP', 'Basic EPS of 55p before exceptional items in FY2025.'],
      ['GBP', 'GBP', 'In FY2025 basic EPS was 55p before exceptional items.'], ['GBP', 'GBP', 'Basic EPS was 55p pre-exceptional in FY2025.'],
      ['GBP', 'GBP', 'Basic EPS was 55p before one-off items in FY2025.'], ['GBP', 'GBP', 'Basic EPS was c. 48p in FY2025.'], ['GBP', 'GBP', 'Basic EPS was c.48p in FY2025.'], ['GBP', 'GBP', 'Basic EPS was about 48p in FY2025.'],
      ['GBP', 'GBP', 'Basic EPS was 48 pp higher in FY2025.'], ['GBP', 'GBP', 'Basic EPS was 48pp higher in FY2025.'], ['GBP', 'GBP', 'Basic EPS was published at 5p.m. in FY2025.'],
      ['GBP', 'GBP', 'Basic EPS was 2026p in FY2025.'], ['GBP', 'GBP', 'Basic EPS of 48.2p is our target for FY2025.'], ['GBP', 'GBP', 'Basic EPS was "48.2p" in FY2025.'],
    ]) {
      expect(mismatches(perShare(currency!, unit!, t!)), `${currency} ${unit} ${t}`).toEqual([]);
    }
  });

  it('reads a label of three capitals ("EPS") as a longer one is read, where the text writes it so as a word', () => {
    // "EPS" was too short a label to be read at all: "EPS was 55p in FY2025" beside an EPS of 50.2p said nothing.
    expect(mismatches(perShare('GBP', 'GBP', 'EPS was 55p in FY2025.', 'EPS'))).toEqual([
      '"55p" is typed into the text as EPS for "FY2025", but eps@2025-12-31 is £0.502, 50.2p (FY2025): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[eps]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding; to keep pence in the text, correct the typed figure instead: [[eps]] prints pounds (£0.502)',
    ]);
    for (const t of ['EPS of 55p in FY2025.', 'In FY2025 EPS was £0.55.', 'EPS rose 25% to 55p in FY2025.', 'EPS was 55p.']) {
      expect(mismatches(perShare('GBP', 'GBP', t, 'EPS')), t).toHaveLength(1);
    }
    // Not another measure's name with it, another basis, the right figure, nor the letters in lower case or inside a word.
    for (const t of ['Diluted EPS was 55p in FY2025.', 'Adjusted EPS was 55p in FY2025.', 'EPS of 55p adjusted in FY2025.', 'Pre-exceptional EPS was 55p in FY2025.', 'EPS was 50.2p in FY2025.', 'EPS was 40p in FY2024.', 'eps was 55p in FY2025.', 'The steps were 55p in FY2025.', 'REPS was 55p in FY2025.']) {
      expect(mismatches(perShare('GBP', 'GBP', t, 'EPS')), t).toEqual([]);
    }
  });

  it('leaves a figure per share alone beside a measure that is no figure per share: "per share" after revenue is another basis', () => {
    const revenue = 'revenue: { label: Revenue, value: 1.2, unit: GBP, scale: billion, period: FY2025, period_end: 2025-12-31, source: R }';
    expect(rules(canvas([revenue], "          - paragraph: 'Revenue was 48.2p per share in FY2025. [[revenue]]'\n"))).toEqual([]);
    // A dividend of millions is none per share either.
    const paid = 'dividend: { label: Dividend, value: 500, unit: EUR, scale: million, period: FY2025, period_end: 2025-12-31, source: R }';
    expect(rules(canvas([paid], "          - paragraph: 'The dividend was 48 cents per share in FY2025. [[dividend]]'\n"))).toEqual([]);
  });

  it('reads hostile text of digits, pence and cents in linear time', () => {
    // (Quadratic, it would outlast the test's timeout.)
    const found = ['1'.repeat(100_000), `${'1,11'.repeat(30_000)}p`, `${'12p'.repeat(30_000)}`, `${'1 '.repeat(50_000)}cents`, `EPS was ${'1.'.repeat(50_000)}c`]
      .map((run) => mismatches(perShare('USD', 'USD', `Basic EPS was ${run} in FY2025.`)).length);
    expect(found).toEqual([0, 0, 0, 0, 0]);
  });
});
