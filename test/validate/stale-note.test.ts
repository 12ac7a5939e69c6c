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

  it('finds the figure left in a clause of its own, whatever the sentence says of the others beside it', () => {
    for (const said of [
      'The press release gives RMB 39.5 billion, a preliminary estimate, and the results table RMB 39.8 billion.',
      'The results table gives RMB 39.8 billion; the press release, issued prior to the audit, RMB 39.5 billion.',
      'The results table gives RMB 39.8 billion: the release is unaudited, as expected.',
    ]) expect(typed(CANVAS(40.1, said)).map((f) => /^"[^"]+" is typed into the note/.exec(f.message)?.[0]), said).toEqual(['"RMB 39.8 billion" is typed into the note']);
  });

  it('leaves a declaration whose figures are one figure to resolved-contradiction', () => {
    const one = CANVAS(39.5, NOTE).replace(', equivalent: { value: 5.6, unit: USD, scale: billion }', '');
    expect(validateWithWarnings(parseCanvas(one, 'c.yaml')).findings.map((f) => f.rule)).toEqual(['resolved-contradiction']);
  });
});
