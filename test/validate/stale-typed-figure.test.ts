/** stale-typed-figure: with the canvas's earlier version, an amount typed into a printed text as a figure was before it moved. */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';

const HEAD = 'company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: Q3 2025, as_of: 2025-11-20, currency: CNY }\n';

/** A canvas whose cloud revenue is `cloud` (RMB billion), its Q2 value 33.4, with `text` as a paragraph and `more` after the blocks (data_notes...). */
const canvas = (cloud: number, text: string, more = '', metrics = '') =>
  `${HEAD}metrics:\n  cloud: { label: Cloud revenue, unit: CNY, scale: billion, period_type: quarter, source: Results, values: [{ value: 33.4, period: Q2 2025, period_end: 2025-06-30 }, { value: ${cloud}, period: Q3 2025, period_end: 2025-09-30, equivalent: { value: 5.6, unit: USD, scale: billion } }] }\n${metrics}` +
  `blocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: '${text.replaceAll("'", "''")} Now: [[cloud]].'\n${more}`;

/** The findings of the canvas as it is, checked against it as it was (`before`, its cloud revenue 39.8; null for none): "line rule: message". */
const staleOf = (now: string, before: string | null = canvas(39.8, 'Cloud grew.')) =>
  validateWithWarnings(parseCanvas(now, 'now.yaml'), before === null ? undefined : parseCanvas(before, 'was.yaml')).findings
    .filter((f) => f.rule === 'stale-typed-figure' || f.rule === 'unmatched-acknowledgement').map((f) => `${f.line} ${f.rule}: ${f.message}${f.acknowledged ? ` (acknowledged: ${f.acknowledged})` : ''}`);

describe('stale-typed-figure', () => {
  it('finds a figure that moved since the earlier version typed as it was, in any printed text: at the amount, naming the move', () => {
    expect(staleOf(canvas(38.9, 'Most blocks give RMB 39.8 billion for cloud.'))).toEqual([
      '10 stale-typed-figure: cloud@2025-09-30 moved from RMB 39.8 billion to RMB 38.9 billion since was.yaml, but this text still types "RMB 39.8 billion", the figure as it was, and the briefing prints both. Write the new figure (or, where the text takes references, [[cloud.amount]], which follows it); if the text means the old figure on purpose (a source\'s own words), acknowledge the finding',
    ]);
    // Not again where typed-mismatch reads the figure already (a sentence of the measure's level).
    expect(staleOf(canvas(38.9, 'Cloud revenue was RMB 39.8 billion.'))).toEqual([]);
    // Data notes, a contradiction's note, an acknowledgement's reason, a metric's note; its scale written otherwise.
    const notes = [
      'data_notes:',
      '  notes:',
      '    - The source corrects itself mid-sentence from RMB 29.6 billion to RMB 39.8 billion for cloud revenue.',
      '  contradictions:',
      '    - { title: Cloud, metrics: [cloud@2025-09-30, cloud_alt], note: "Most blocks give RMB 39,800 million; one gives RMB 29.6 billion." }',
      '  acknowledged:',
      '    - { rule: unused-metric, metrics: [other], reason: "Kept beside the RMB 39.8 billion cloud figure." }',
      '',
    ].join('\n');
    const metrics = '  cloud_alt: { label: Cloud revenue, value: 29.6, unit: CNY, scale: billion, period: Q3 2025, period_end: 2025-09-30, source: Opening paragraph, note: The source corrects this to RMB 39.8 billion. }\n  other: { label: Other, value: 1.5, unit: CNY, scale: billion, period: Q3 2025, source: Results }\n';
    const found = staleOf(canvas(38.9, 'Cloud grew.', notes, metrics), canvas(39.8, 'Cloud grew.', notes, metrics));
    // (The contradiction's note, line 17, types it with two digits swapped against the new figure: typed-mismatch says so there, not this rule again.)
    expect(found.map((f) => f.split(':')[0])).toEqual(['5 stale-typed-figure', '15 stale-typed-figure', '19 stale-typed-figure']);
    // Moved further (to RMB 41.2 billion), it is this rule's there too, its scale written otherwise.
    const further = staleOf(canvas(41.2, 'Cloud grew.', notes, metrics), canvas(39.8, 'Cloud grew.', notes, metrics));
    expect(further.map((f) => f.split(' ')[0])).toEqual(['5', '15', '17', '19']);
    expect(further[2]).toContain('moved from RMB 39.8 billion to RMB 41.2 billion since was.yaml, but this text still types "RMB 39,800 million"');
  });

  it('leaves alone what is not the old figure typed: no earlier version, a figure that did not move, quotes, references, another amount, the move itself, any figure of the canvas now', () => {
    const said = (text: string) => staleOf(canvas(38.9, text));
    expect(staleOf(canvas(38.9, 'Most blocks give RMB 39.8 billion for cloud.'), null)).toEqual([]);
    expect(staleOf(canvas(39.8, 'Most blocks give RMB 39.8 billion for cloud.'))).toEqual([]);
    for (const text of [
      'The source writes "RMB 39.8 billion" for cloud.', 'Most blocks give RMB 139.8 billion for cloud.', 'Most blocks give RMB 39.8 million for cloud.', 'Most blocks give US$39.8 billion for cloud.',
      'The cloud figure was corrected from RMB 39.8 billion to RMB 38.9 billion.', 'On 39.8 days, cloud grew.', 'In Q2 2025 it was RMB 33.4 billion.',
      // The equivalent did not move (the diff says to check it); an amount of one significant digit (a threshold).
      'Most blocks give US$5.6 billion for cloud.', 'Most blocks give RMB 4 billion for cloud.',
    ]) {
      expect(said(text), text).toEqual([]);
    }
    // A sentence that cites the figure as it was, or as another gave it, means the old one.
    for (const text of ['The earlier release said RMB 39.8 billion for cloud.', 'Cloud was RMB 39,800 million before the restatement.', 'Consensus estimates for cloud were RMB 39.8 billion.', 'The preliminary cloud figure was RMB 39.8 billion.']) {
      expect(said(text), text).toEqual([]);
    }
    // A figure rolled forward to its next period is not a figure corrected: last quarter's, typed as such, is right.
    const capex = (value: number, period: string, end: string) => `  capex: { label: Capex, value: ${value}, unit: CNY, scale: million, period: ${period}, period_end: ${end}, source: Results }\n`;
    const rolled = (value: number, period: string, end: string) => canvas(38.9, 'Capex was RMB 84.5 million in the previous quarter, now [[capex]]. Capex of RMB 84.5 million went to servers.', '', capex(value, period, end));
    expect(staleOf(rolled(91.2, 'Q3 2025', '2025-09-30'), rolled(84.5, 'Q2 2025', '2025-06-30'))).toEqual([]);
    // The same period's figure corrected is.
    expect(staleOf(rolled(91.2, 'Q3 2025', '2025-09-30'), rolled(84.5, 'Q3 2025', '2025-09-30')).map((f) => f.split(':')[0])).toEqual(['11 stale-typed-figure', '11 stale-typed-figure']);
    // The old figure is another figure of the canvas now: which one the text means is typed-figure's to ask.
    expect(staleOf(canvas(38.9, 'Most blocks give RMB 39.8 billion for cloud.', '', '  other: { label: Other, value: 39.8, unit: CNY, scale: billion, period: Q3 2025, source: Results }\n'))).toEqual([]);
  });

  it('finds the old figure only in a sentence of its measure: naming it, beside a reference to it, or in a note on it; not an amount of another measure that happens to be the old figure', () => {
    const buybacks = 'Share buybacks totalled RMB 39.8 billion in the quarter.';
    const buyback = '  buyback: { label: Share buybacks, value: 12.1, unit: CNY, scale: billion, period: Q3 2025, source: Results, note: "RMB 39.8 billion over the programme\'s life." }\n';
    const notes = `data_notes:\n  notes:\n    - ${buybacks}\n`;
    // Another measure, in a paragraph, a data note, and a note on another metric.
    expect(staleOf(canvas(38.9, buybacks, notes, buyback), canvas(39.8, buybacks, notes, buyback))).toEqual([]);
    // Nor where it names only the whole company a word of the label also says ("the group", of Cloud Intelligence Group revenue).
    const group = (c: string) => c.replace('label: Cloud revenue', 'label: Cloud Intelligence Group revenue');
    expect(staleOf(group(canvas(38.9, 'The group\'s share buybacks totalled RMB 39.8 billion.')), group(canvas(39.8, 'Cloud grew.')))).toEqual([]);
    // The same amount in a sentence that names the figure's measure, or beside a reference to it, or in a note on it.
    const lines = (now: string) => staleOf(now).map((f) => f.split(':')[0]);
    expect(lines(canvas(38.9, 'Most blocks give RMB 39.8 billion of cloud revenue in the quarter.'))).toEqual(['10 stale-typed-figure']);
    expect(lines(canvas(38.9, 'Most blocks give RMB 39.8 billion for [[cloud.period]].'))).toEqual(['10 stale-typed-figure']);
    const cloudNote = canvas(38.9, 'Cloud grew.', '', '  other: { label: Cloud AI revenue, value: 1.5, unit: CNY, scale: billion, period: Q3 2025, source: Results, note: Most blocks give RMB 39.8 billion. }\n');
    expect(lines(cloudNote)).toEqual(['5 stale-typed-figure']);
  });

  it('finds the old figure in a sentence that names no measure (saying it may be another measure\'s) or its own; not in one that names only another measure of the canvas or a measure noun not its own', () => {
    // Other measures of the canvas, whose words a sentence of the moved figure may share.
    const others = [
      '  buyback: { label: Share buybacks, value: 12.1, unit: CNY, scale: billion, period: Q3 2025, source: Results }',
      '  ebita: { label: Segment adjusted EBITA, value: 2.9, unit: CNY, scale: billion, period: Q3 2025, source: Results }',
      '  gross: { label: Gross profit, value: 101.2, unit: CNY, scale: billion, period: Q3 2025, source: Results }',
      '  selling: { label: Sales and marketing expenses, value: 21.7, unit: CNY, scale: billion, period: Q3 2025, source: Results }',
      '',
    ].join('\n');
    const labelled = (label: string) => (c: string) => c.replace('label: Cloud revenue', `label: ${label}`);
    const found = (label: string, text: string) => staleOf(labelled(label)(canvas(38.9, text, '', others)), labelled(label)(canvas(39.8, 'Cloud grew.', '', others)));
    for (const [label, text] of [
      ['Cloud revenue', 'Alibaba Cloud had a strong quarter. It brought in RMB 39.8 billion.'],
      ['Cloud revenue', 'The segment brought in RMB 39.8 billion.'],
      ['Revenue', 'Sales came in at RMB 39.8 billion.'],
      ['Total revenue', 'Top line came in at RMB 39.8 billion.'],
      ['GMV', 'Gross merchandise volume reached RMB 39.8 billion.'],
      ['Cloud Intelligence Group revenue', 'The group reported RMB 39.8 billion.'],
    ]) {
      const said = found(label!, text!);
      expect(said, `${label}: ${text}`).toEqual([expect.stringMatching(/^14 stale-typed-figure: cloud@2025-09-30 moved from RMB 39\.8 billion to RMB 38\.9 billion since was\.yaml, but this text still types "RMB 39\.8 billion"/)]);
      // None names the figure's measure by its label: it may be another measure's figure, which only the writer knows, said so.
      expect(said[0], `${label}: ${text}`).toContain(`acknowledge the finding. Its sentence does not name ${label} (nor refer to it): if "RMB 39.8 billion" is another measure's figure, acknowledge the finding too`);
    }
    // A sentence that names another metric of the canvas, or a measure noun the figure's label names none of, and not the figure's own.
    for (const text of ['Segment adjusted EBITA was RMB 39.8 billion.', 'Dividends paid came to RMB 39.8 billion.', 'The segment spent RMB 39.8 billion on capex.', 'Gross profit was RMB 39.8 billion.']) {
      expect(found('Cloud revenue', text), text).toEqual([]);
    }
    // One that names both is the figure's: said plainly.
    const both = found('Cloud revenue', 'Cloud revenue, unlike share buybacks, came to RMB 39.8 billion.');
    expect(both).toEqual([expect.stringMatching(/^14 stale-typed-figure: /)]);
    expect(both[0]).not.toContain('Its sentence does not name');
  });

  it('takes a sentence for another measure\'s only by whole words of its label, and not by a generic word alone: "across borders" names no Orders, "marginally" no Margin, "growth" no Revenue growth', () => {
    const others = [
      '  orders: { label: Orders, value: 7.7, unit: CNY, scale: billion, period: Q3 2025, source: Results }',
      '  margin: { label: Margin, value: 11.2, unit: percent, period: Q3 2025, source: Results }',
      '  growth: { label: Revenue growth, value: 26, unit: percent, period: Q3 2025, source: Results }',
      '  marketing: { label: Marketing costs, value: 4.4, unit: CNY, scale: billion, period: Q3 2025, source: Results }',
      '',
    ].join('\n');
    const found = (text: string) => staleOf(canvas(38.9, text, '', others), canvas(39.8, 'Cloud grew.', '', others)).map((f) => f.split(':')[0]);
    // Words of other labels inside longer words, a generic one on its own, or a label's words but one: the old figure is
    // said (its measure unnamed), since which figure it is only the writer knows.
    for (const text of ['Across borders it brought in RMB 39.8 billion.', 'It rose marginally to RMB 39.8 billion.', 'Growth took it to RMB 39.8 billion.', 'Marketing helped it to RMB 39.8 billion.']) {
      expect(found(text), text).toEqual(['14 stale-typed-figure']);
    }
    // The other label's own words, whole, singular, plural or possessive: another measure's figure, left alone.
    for (const text of ['Orders came to RMB 39.8 billion.', 'The order\'s total was RMB 39.8 billion.', 'Each order: RMB 39.8 billion in all.', 'Orders\' total: RMB 39.8 billion.', 'The margin was RMB 39.8 billion.']) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('finds a moved equivalent, and is acknowledged by its rule and metric; such an acknowledgement is not unmatched where no earlier version is given', () => {
    const before = canvas(39.8, 'Cloud grew.').replace('value: 5.6', 'value: 5.7');
    expect(staleOf(canvas(38.9, 'Most blocks give US$5.7 billion for cloud.'), before)).toEqual([
      expect.stringMatching(/^10 stale-typed-figure: cloud@2025-09-30's equivalent moved from US\$5\.7 billion to US\$5\.6 billion since was\.yaml, but this text still types "US\$5\.7 billion".* \[\[cloud\.equivalent\]\]/),
    ]);
    const ack = 'data_notes:\n  acknowledged:\n    - { rule: stale-typed-figure, metrics: [cloud@2025-09-30], reason: The old figure is the source\'s own. }\n';
    expect(staleOf(canvas(38.9, 'Most blocks give RMB 39.8 billion for cloud.', ack))).toEqual([expect.stringMatching(/^10 stale-typed-figure: .*\(acknowledged: The old figure is the source's own\.\)$/)]);
    expect(staleOf(canvas(38.9, 'Most blocks give RMB 39.8 billion for cloud.', ack), null)).toEqual([]);
    // With an earlier version and nothing typed as it was, it is unmatched, as any acknowledgement that matches nothing.
    expect(staleOf(canvas(38.9, 'Cloud grew.', ack)).map((f) => f.split(':')[0])).toEqual(['13 unmatched-acknowledgement']);
  });
});
