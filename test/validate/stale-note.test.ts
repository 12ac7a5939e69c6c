/** typed-mismatch in a declared contradiction's note: a typed figure none of those it explains, close to one of them. */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';

const CANVAS = (results: number, note: string) => `company: { name: Acme, ticker: ACM, exchange: Xetra, country: Germany, sector: S, industry: I }
briefing: { period: Q3 2025, as_of: 2025-10-31, currency: CNY }
metrics:
  cloud: { label: Cloud revenue, value: ${results}, unit: CNY, scale: billion, period: Q3 2025, period_end: 2025-09-30, concept: cloud, source: Results table, equivalent: { value: 5.6, unit: USD, scale: billion } }
  cloud_press: { label: Cloud revenue, value: 39.5, unit: CNY, scale: billion, period: Q3 2025, period_end: 2025-09-30, concept: cloud, source: Press release }
  capex: { label: Capital expenditure, value: 38.7, unit: CNY, scale: billion, period: Q3 2025, period_end: 2025-09-30, source: Results table }
blocks:
  revenue_streams:
    lead: "Cloud [[cloud]], [[cloud_press]] as the press release has it; capex [[capex]]."
data_notes:
  contradictions:
    - title: Cloud revenue in Q3 2025
      metrics: [cloud, cloud_press]
      note: "${note}"
`;

const typed = (text: string) => validateWithWarnings(parseCanvas(text, 'c.yaml')).findings.filter((f) => f.rule === 'typed-mismatch');
const NOTE = 'The results table gives RMB 39.8 billion (US$5.6 billion), the press release RMB 39.5 billion: RMB 0.3 billion apart. Capex was RMB 38.7 billion.';

describe('typed-mismatch in a declared contradiction\'s note', () => {
  it('is silent while the note types the figures it explains, their difference and another metric\'s figure', () => {
    expect(typed(CANVAS(39.8, NOTE))).toEqual([]);
    expect(typed(CANVAS(39.8, NOTE.replace('RMB 39.8 billion', 'about RMB 40 billion')))).toEqual([]); // rounded, as the note may
    // Nor a figure on another basis, in a clause naming the figures' own period (a review's).
    for (const said of ['Without the Lazada unit, Q3 2025 cloud revenue is RMB 39.3 billion.', 'Q3 2025 cloud revenue ex-Lazada was RMB 39.2 billion.', 'Capex was RMB 39.3 billion in Q3 2025.']) {
      expect(typed(CANVAS(40.1, said)), said).toEqual([]);
    }
    // Nor, the figure corrected since, the note's comparisons (a review found each reported, and printed in the PDF as
    // typed wrong): another time's figure, a bound, an expectation, an equivalent at another rate.
    for (const said of [
      'The results table gives RMB 40.1 billion, against RMB 39.6 billion a year earlier.',
      'Management guided to over RMB 40.5 billion.',
      'Both exceed the RMB 39.7 billion consensus.',
      'The press release gives RMB 39.5 billion (about US$5.52 billion at the quarter-end rate).',
      'They are RMB 0.6 billion apart.',
    ]) expect(typed(CANVAS(40.1, said)), said).toEqual([]);
    // ...each read in its own clause (the review's): another time, basis or first figure, named or said.
    for (const said of [
      'The results table gives RMB 40.1 billion, up from RMB 39.6 billion a quarter earlier.',
      'It grew RMB 0.5 billion sequentially, from RMB 39.6 billion.',
      'The results table gives RMB 40.1 billion; in Q2 2025 it was RMB 39.6 billion.',
      'The figure originally reported was RMB 39.7 billion; the results table gives RMB 40.1 billion.',
      'Net of intersegment sales it is RMB 39.3 billion.',
      'A year earlier, i.e. in Q3 2024, it was RMB 39.6 billion.',
      'The results table gives RMB 40.1 billion, up from RMB 39.6 billion.',
    ]) expect(typed(CANVAS(40.1, said)), said).toEqual([]);
    // A figure 2% or more from both is no correction's leftover: last year's, say, in words not read here.
    expect(typed(CANVAS(40.1, 'The results table gives RMB 40.1 billion, the press release RMB 39.5 billion; in 2024 it was RMB 36.2 billion.'))).toEqual([]);
  });

  it('finds a figure corrected since the note was written, at its place in the note, and the briefing lists it where sources disagree', () => {
    const text = CANVAS(40.1, NOTE);
    expect(typed(text).map((f) => [`${f.line}:${f.column}`, f.path, f.message])).toEqual([[
      '14:38', 'data_notes.contradictions[0].note',
      '"RMB 39.8 billion" is typed into the note on "Cloud revenue in Q3 2025", but is none of the figures it explains (cloud RMB 40.1 billion and cloud_press RMB 39.5 billion): a figure corrected since the note was written? The briefing would print the note under the figures. Correct the note (a note\'s figures are typed: it takes no references); if it means another figure, acknowledge the finding (rule typed-mismatch, metrics: [cloud])',
    ]]);
    const { canvas, typedDisagreements } = validateWithWarnings(parseCanvas(text, 'c.yaml'));
    const model = buildModel(canvas, { name: 'c', setKey: 'full', typed: typedDisagreements });
    expect(model.appendix.contradictions.map((c) => c.note).filter((n) => n.includes('types RMB 39.8 billion'))).toEqual([
      expect.stringMatching(/^Found by canvas-briefing: the note on "Cloud revenue in Q3 2025" types RMB 39\.8 billion into its text as Cloud revenue for Q3 2025, where the canvas's figure is RMB 40\.1 billion/),
    ]);
    // Acknowledged: said no more, nor listed.
    const acknowledged = text.replace('data_notes:\n', 'data_notes:\n  acknowledged:\n    - { rule: typed-mismatch, metrics: [cloud], reason: The note quotes the first release. }\n');
    expect(typed(acknowledged).filter((f) => !f.acknowledged)).toEqual([]);
  });

  it('finds a figure corrected since the note was written in a clause naming the figures\' own period, as a note on a restatement does', () => {
    for (const said of ['The results table restates Q3 2025 cloud revenue to RMB 39.8 billion.', 'For the third quarter of 2025 the results table gives RMB 39.8 billion.']) {
      expect(typed(CANVAS(40.1, said)).map((f) => /^"[^"]+" is typed into the note/.exec(f.message)?.[0]), said).toEqual(['"RMB 39.8 billion" is typed into the note']);
    }
    // Another period named beside it is still another time: the figure of that period, not these.
    expect(typed(CANVAS(40.1, 'In Q2 2025 the results table gave RMB 39.8 billion.'))).toEqual([]);
  });

  it('finds a corrected figure in a clause whose small words ("to", "and") are words of another metric\'s label, as a bank\'s "Loans and advances to customers"', () => {
    const said = 'According to the results table, cloud revenue was RMB 39.8 billion.';
    const loans = (text: string) => text.replace('blocks:\n', '  loans: { label: Loans and advances to customers, value: 812.4, unit: CNY, scale: billion, period: Q3 2025, period_end: 2025-09-30, source: Results table }\nblocks:\n').replace('capex [[capex]].', 'capex [[capex]]; loans [[loans]].');
    expect(typed(loans(CANVAS(40.1, said))).map((f) => /^"[^"]+" is typed into the note/.exec(f.message)?.[0])).toEqual(['"RMB 39.8 billion" is typed into the note']);
    // A clause that names the loans, or customers, still speaks of another measure.
    expect(typed(loans(CANVAS(40.1, 'Loans to customers were RMB 39.8 billion.')))).toEqual([]);
  });

  it('finds the figure left in a clause of its own, whatever the sentence says of the others beside it', () => {
    for (const said of [
      'The press release gives RMB 39.5 billion, a preliminary estimate, and the results table RMB 39.8 billion.',
      'The results table gives RMB 39.8 billion; the press release, issued prior to the audit, RMB 39.5 billion.',
      'The results table gives RMB 39.8 billion: the release is unaudited, as expected.',
    ]) expect(typed(CANVAS(40.1, said)).map((f) => /^"[^"]+" is typed into the note/.exec(f.message)?.[0]), said).toEqual(['"RMB 39.8 billion" is typed into the note']);
  });

  it('finds a figure typed with a digit slipped, further than a correction moves it: two digits swapped, or one another of four', () => {
    const slip = (results: string, said: string) => typed(CANVAS(40.1, said).replace('value: 40.1,', `value: ${results},`).replace('value: 39.5, unit: CNY', 'value: 1234.5, unit: CNY').replace(/scale: billion, period: Q3 2025, period_end: 2025-09-30, concept: cloud, source: Press/, 'scale: million, period: Q3 2025, period_end: 2025-09-30, concept: cloud, source: Press'))
      .map((f) => /^"[^"]+" is typed into the note/.exec(f.message)?.[0]);
    // The press release's RMB 1,234.5 million, typed into the note as 1,324.5 (7% more) or 1,284.5 (4% more), beside 1,250.3.
    expect(slip('1.2503', 'The press release gives RMB 1,324.5 million, the results table RMB 1.2503 billion.')).toEqual(['"RMB 1,324.5 million" is typed into the note']);
    expect(slip('1.2503', 'The press release gives RMB 1,284.5 million, the results table RMB 1.2503 billion.')).toEqual(['"RMB 1,284.5 million" is typed into the note']);
    // Not a figure of three digits one digit from it (too many figures are, by chance), nor digits further apart, nor a tenth of it.
    for (const said of ['The segment had RMB 1.28 billion of it.', 'The segment had RMB 1,432.5 million.', 'The gap is RMB 123.4 million.', 'A cut of RMB 1.31 billion.']) {
      expect(slip('1.2503', `The results table gives RMB 1.2503 billion. ${said}`), said).toEqual([]);
    }
  });

  it('finds a percentage corrected since the note was written, where the note explains percentages, and leaves others alone', () => {
    const MARGINS = (results: number, note: string) => `company: { name: Acme, ticker: ACM, exchange: Xetra, country: Germany, sector: S, industry: I }
briefing: { period: Q3 2025, as_of: 2025-10-31, currency: EUR${note.includes(',') && note.includes(' %') ? ', language: de' : ''} }
metrics:
  margin: { label: EBIT margin, value: ${results}, unit: percent, period: Q3 2025, period_end: 2025-09-30, concept: margin, source: Results table }
  margin_press: { label: EBIT margin, value: 12.1, unit: percent, period: Q3 2025, period_end: 2025-09-30, concept: margin, source: Press release }
  growth: { label: Revenue growth, value: 8.2, unit: percent, period: Q3 2025, period_end: 2025-09-30, source: Results table }
  orders: { label: Order intake, value: 420, unit: EUR, scale: million, period: Q3 2025, period_end: 2025-09-30, source: Results table, change: { percent: 12.3 } }
blocks:
  revenue_streams:
    lead: "Margin [[margin]], [[margin_press]] as the press release has it; growth [[growth]]; orders [[orders]]."
data_notes:
  contradictions:
    - title: EBIT margin in Q3 2025
      metrics: [margin, margin_press]
      note: "${note}"
`;
    const found = (results: number, note: string) => typed(MARGINS(results, note)).map((f) => [f.message.slice(0, f.message.indexOf(':')), f.metrics]);
    const NOTE = 'The results table gives 12.4%, the press release 12.1%: 0.3 points apart. Revenue grew 8.2%.';
    expect(found(12.4, NOTE)).toEqual([]);
    // The results table's margin corrected to 12.6%: the note's 12.4% is left from before.
    expect(found(12.6, NOTE)).toEqual([['"12.4%" is typed into the note on "EBIT margin in Q3 2025", but is none of the figures it explains (margin 12.6% and margin_press 12.1%)', ['margin']]]);
    const { canvas, typedDisagreements } = validateWithWarnings(parseCanvas(MARGINS(12.6, NOTE), 'c.yaml'));
    expect(buildModel(canvas, { name: 'c', setKey: 'full', typed: typedDisagreements }).appendix.contradictions.map((c) => c.note).filter((n) => n.includes('types 12.4%'))).toEqual([
      expect.stringMatching(/^Found by canvas-briefing: the note on "EBIT margin in Q3 2025" types 12\.4% into its text as EBIT margin for Q3 2025, where the canvas's figure is 12\.6%/),
    ]);
    // In German, with a decimal comma; and as British releases write it.
    expect(found(12.6, 'Die Ergebnistabelle nennt 12,4 %, die Pressemitteilung 12,1 %.')).toHaveLength(1);
    expect(found(12.6, 'The results table gives 12.4 per cent.')).toHaveLength(1);
    // Left alone: rounded (12%), another metric's (8.2%), further than half a point (last year's 10.9%), a bound, another time.
    for (const said of ['Both round to 13%.', 'Revenue grew 8.2%.', 'It was 10.9% in 2024, 11.2% before.', 'Above 12.3% either way.', 'The margin was 12.4% a year earlier.',
      // (A review's: another metric's stated change, another measure named, another basis.)
      'The results table gives 12.6%; orders grew 12.3%.', 'The tax rate was 16.2%.', 'The EBITDA margin was 12.9%.', 'The underlying margin was 12.9%.', 'Organic growth in the segment was 12.9%.']) {
      expect(found(12.6, said), said).toEqual([]);
    }
    // A note on amounts is not read for percentages.
    expect(typed(CANVAS(39.8, `${NOTE.replace(/12\.\d%/g, '39.7%')}`))).toEqual([]);
  });

  it('leaves a declaration whose figures are one figure to resolved-contradiction', () => {
    const one = CANVAS(39.5, NOTE).replace(', equivalent: { value: 5.6, unit: USD, scale: billion }', '');
    expect(validateWithWarnings(parseCanvas(one, 'c.yaml')).findings.map((f) => f.rule)).toEqual(['resolved-contradiction']);
  });
});
