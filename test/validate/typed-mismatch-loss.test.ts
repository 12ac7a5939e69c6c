/**
 * typed-mismatch on a loss typed in English prose: a loss's words ("The net loss narrowed to $45 million", "Net income
 * (loss) was a loss of $45 million") read as the loss, -X, and a loss's figure typed as a profit ("Net income was $54
 * million" for -54), compared with the figure for the sentence's period as any typed figure is; and what is left alone.
 */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';

/** A 10-Q canvas whose net income (labelled `label`) is a loss of $54 million in Q3 2025, its lead saying `text`. */
const canvas = (text: string, label = 'Net income (loss)', values: [number, number, number] = [-38, -61, -54]) => parseCanvas(`company: { name: Corvell Systems Inc., short_name: Corvell, ticker: CRVL, exchange: NASDAQ, country: United States, sector: S, industry: I }
briefing: { period: Q3 2025, as_of: 2025-11-05, currency: USD, language: en-US }
metrics:
  revenue: { label: Total revenue, unit: USD, scale: million, period_type: quarter, source: 10-Q, values: [{ value: 1130, period: Q3 2024, period_end: 2024-09-30 }, { value: 1232, period: Q3 2025, period_end: 2025-09-30 }] }
  net_income: { label: ${label}, unit: USD, scale: million, period_type: quarter, source: 10-Q, values: [{ value: ${values[0]}, period: Q3 2024, period_end: 2024-09-30 }, { value: ${values[1]}, period: Q2 2025, period_end: 2025-06-30 }, { value: ${values[2]}, period: Q3 2025, period_end: 2025-09-30 }] }
  operating_income: { label: Operating income (loss), value: -20, unit: USD, scale: million, period: Q3 2025, period_type: quarter, period_end: 2025-09-30, source: 10-Q }
  pretax: { label: Income (loss) before income taxes, value: -60, unit: USD, scale: million, period: Q3 2025, period_type: quarter, period_end: 2025-09-30, source: 10-Q }
blocks:
  revenue_streams:
    lead: "${text} Revenue was [[revenue]]."
`, 'c.yaml');

/** check's typed-mismatch messages. */
const mismatches = (text: string, label?: string, values?: [number, number, number]) =>
  validateWithWarnings(canvas(text, label, values)).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message);

describe('typed-mismatch reads a loss typed in English prose with its sign', () => {
  it('reads a label written with "(loss)", as 10-Qs write it, by its measure alone: "Net income was $45 million" of Net income (loss)', () => {
    // A loss typed as a profit, or the wrong loss, under the measure's name without "(loss)": reported.
    expect(mismatches('Net income was $54 million in Q3 2025.')).toEqual([expect.stringContaining('"$54 million" is typed into the text as Net income (loss) for "Q3 2025", but net_income@2025-09-30 is -$54 million (Q3 2025), a loss, which the text types as a profit')]);
    expect(mismatches('Net income was -$45 million in Q3 2025.')).toEqual([expect.stringContaining('"-$45 million" is typed into the text as Net income (loss) for "Q3 2025", but net_income@2025-09-30 is -$54 million')]);
    expect(mismatches('Operating income was $21 million in Q3 2025.')).toEqual([expect.stringContaining('"$21 million" is typed into the text as Operating income (loss) for "Q3 2025", but operating_income is -$20 million (Q3 2025), a loss, which the text types as a profit')]);
    // Right, or another metric's label without "(loss)" in the canvas: left alone.
    for (const text of ['Net income was -$54 million in Q3 2025.', 'The net loss was $54 million in Q3 2025.', 'Net income was a loss of $54 million in Q3 2025.']) expect(mismatches(text), text).toEqual([]);
  });

  it('reads a loss\'s words joined to a measure that is a loss as -X, and compares it with the figure for the period', () => {
    expect(mismatches('The net loss narrowed to $45 million in Q3 2025.', 'Net income')).toEqual([
      '"$45 million" is typed into the text as a loss of Net income for "Q3 2025", but net_income@2025-09-30 is -$54 million (Q3 2025): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[net_income.size]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
    expect(mismatches('Net income (loss) was a loss of $45 million in Q3 2025.')).toEqual([expect.stringContaining('"$45 million" is typed into the text as a loss of Net income (loss) for "Q3 2025", but net_income@2025-09-30 is -$54 million (Q3 2025)')]);
    for (const text of ['The net loss widened to $45 million in Q3 2025.', 'Corvell posted a net loss of $45 million in Q3 2025.', 'In Q3 2025, the net loss came in at $45 million.', 'The company reported a net loss of $45 million in Q3 2025.', 'Net loss totaled $45 million in Q3 2025.']) {
      expect(mismatches(text), text).toEqual([expect.stringContaining('as a loss of Net income (loss) for "Q3 2025", but net_income@2025-09-30 is -$54 million')]);
    }
    // Under a label that names the loss, and for an operating loss, a loss before tax.
    expect(mismatches('The net loss was $45 million in Q3 2025.', 'Net loss')).toEqual([expect.stringContaining('"$45 million" is typed into the text as Net loss for "Q3 2025", but net_income@2025-09-30 is -$54 million (Q3 2025): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[net_income.size]] in the text')]);
    expect(mismatches('The operating loss was $25 million in Q3 2025.')).toEqual([expect.stringContaining('as a loss of Operating income (loss) for "Q3 2025", but operating_income is -$20 million (Q3 2025)')]);
    expect(mismatches('Operating income (loss) was a loss of $25 million in Q3 2025.')).toEqual([expect.stringContaining('but operating_income is -$20 million')]);
    expect(mismatches('The loss before income taxes was $72 million in Q3 2025.')).toEqual([expect.stringContaining('as a loss of Income (loss) before income taxes for "Q3 2025", but pretax is -$60 million')]);
    // In a sentence naming no period, against the current figure.
    expect(mismatches('The net loss narrowed to $45 million.')).toEqual([expect.stringContaining('"$45 million" is typed into the text as a loss of Net income (loss) in a sentence that names no period, read as the briefing\'s current one, but net_income@2025-09-30')]);
  });

  it('finds a loss\'s figure typed as a profit, with no loss\'s words, and says the figure is a loss', () => {
    for (const label of ['Net income', 'Net income (loss)']) {
      expect(mismatches(`${label} was $54 million in Q3 2025.`, label), label).toEqual([
        `"$54 million" is typed into the text as ${label} for "Q3 2025", but net_income@2025-09-30 is -$54 million (Q3 2025), a loss, which the text types as a profit, with no loss's words before it ("a net loss of"): the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[net_income]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding`,
      ]);
    }
    expect(mismatches('Net income (loss) was $54 million.')).toEqual([expect.stringContaining('is -$54 million (Q3 2025), a loss, which the text types as a profit')]);
    // Typed with its minus, as before.
    expect(mismatches('Net income (loss) was -$45 million in Q3 2025.')).toEqual([expect.stringContaining('"-$45 million" is typed into the text as Net income (loss) for "Q3 2025", but net_income@2025-09-30 is -$54 million (Q3 2025): the text')]);
  });

  it('lists it where sources disagree, as the briefing prints both', () => {
    const { canvas: valid, typedDisagreements } = validateWithWarnings(canvas('The net loss narrowed to $45 million in Q3 2025.', 'Net income'));
    const notes = buildModel(valid, { name: 'c', setKey: 'full', typed: typedDisagreements }).appendix.contradictions.filter((c) => c.detected).map((c) => c.note);
    expect(notes).toEqual([expect.stringContaining('types $45 million into its text as Net income for Q3 2025, where the canvas\'s figure is −$54 million')]);
  });

  it('leaves alone a loss whose sign and size are the figure\'s, an earlier one, another measure\'s or a part\'s', () => {
    for (const text of [
      // The figure, its sign and size (typed-figure advises its reference), rounded too.
      'The net loss narrowed to $54 million in Q3 2025.', 'Net income (loss) was a loss of $54 million in Q3 2025.', 'Corvell posted a net loss of $54.0 million in Q3 2025.', 'Net income (loss) was -$54 million in Q3 2025.',
      // The earlier figure a change starts from, or one a year earlier or compared with.
      'The net loss narrowed from $45 million in Q2 2025 to [[net_income.size]] in Q3 2025.',
      'The net loss was [[net_income.size]] in Q3 2025, against a loss of $45 million a year earlier.',
      'Net income (loss) was a loss of $45 million a year earlier.',
      'The net loss narrowed to [[net_income.size]] in Q3 2025, compared with a net loss of $45 million in Q3 2024.',
      'The net loss narrowed to [[net_income.size]] in Q3 2025, compared with the net loss of $45 million in Q3 2024.',
      'The net loss narrowed to [[net_income.size]] in Q3 2025 from a net loss of $45 million in Q3 2024.',
      // Another period's figure of the measure (typed-figure's, or right).
      'The net loss widened to $61 million in Q2 2025.',
      // A part's loss, or another measure's.
      'Cloud Platform posted an operating loss of $45 million in Q3 2025.', 'The Services segment\'s net loss was $45 million in Q3 2025.', 'The segment recorded a net loss of $45 million in Q3 2025.',
      'The net loss on the disposal was $45 million in Q3 2025.', 'Revenue was a loss of $45 million in Q3 2025.',
    ]) expect(mismatches(text), text).toEqual([]);
    // A label naming the loss with its figures above zero (the loss's size): read as before, without a sign.
    expect(mismatches('The net loss was $54 million in Q3 2025.', 'Net loss', [38, 61, 54])).toEqual([]);
    expect(mismatches('Net loss was $45 million in Q3 2025.', 'Net loss', [38, 61, 54])).toEqual([expect.stringContaining('but net_income@2025-09-30 is $54 million (Q3 2025): the text')]);
    // A profit typed as one.
    expect(mismatches('Net income was $54 million in Q3 2025.', 'Net income', [-38, -61, 54])).toEqual([]);
  });
});

/** A half-year canvas in euros whose net profit (+196.4) and EBITA (+318.5) are profits in H1 2025, its lead saying `text`. */
const profits = (text: string) => parseCanvas(`company: { name: Valdria Group N.V., short_name: Valdria, ticker: VALD, exchange: Euronext Amsterdam, country: Netherlands, sector: S, industry: I }
briefing: { period: H1 2025, as_of: 2025-07-31, currency: EUR, language: en-GB }
metrics:
  ebita: { label: EBITA, unit: EUR, scale: million, period_type: half_year, values: [{ value: 277.2, period: H1 2024, period_end: 2024-06-30 }, { value: 318.5, period: H1 2025, period_end: 2025-06-30 }] }
  ebitda: { label: EBITDA, unit: EUR, scale: million, period_type: half_year, values: [{ value: 372.0, period: H1 2024, period_end: 2024-06-30 }, { value: 421.0, period: H1 2025, period_end: 2025-06-30 }] }
  net_profit: { label: Net profit, unit: EUR, scale: million, period_type: half_year, values: [{ value: 176.3, period: H1 2024, period_end: 2024-06-30 }, { value: 196.4, period: H1 2025, period_end: 2025-06-30 }] }
blocks:
  revenue_streams:
    lead: "${text}"
`, 'c.yaml');
const profitFindings = (text: string) => validateWithWarnings(profits(text)).findings.filter((f) => f.rule === 'typed-mismatch' || f.rule === 'typed-figure').map((f) => `${f.rule}: ${f.message}`);

describe('typed-mismatch reads a profit typed as a loss', () => {
  it('reports a loss\'s words or a minus before a figure that is a profit, not the tip to refer to it', () => {
    expect(profitFindings('EBITDA was [[ebitda]], with a net loss of €196.4m in H1 2025.')).toEqual([
      'typed-mismatch: "€196.4m" is typed into the text as a loss of Net profit for "H1 2025", but net_profit@2025-06-30 is €196.4 million (H1 2025), a profit, which the text types as a loss, its words "net loss of" before it: reword them as a profit: the text and the figure disagree, and the briefing would print both. Check both against the source, correct the one that is wrong, and write [[net_profit]] in the text, so that it prints the figure and follows it; if the text means another figure, acknowledge the finding',
    ]);
    expect(profitFindings('EBITA was a loss of €318.5m in H1 2025.')).toEqual([expect.stringContaining('typed-mismatch: "€318.5m" is typed into the text as a loss of EBITA for "H1 2025", but ebita@2025-06-30 is €318.5 million (H1 2025), a profit, which the text types as a loss, its words "EBITA was a loss of" before it')]);
    expect(profitFindings('Net profit was −€196.4m in H1 2025.')).toEqual([expect.stringContaining('typed-mismatch: "−€196.4m" is typed into the text as Net profit for "H1 2025", but net_profit@2025-06-30 is €196.4 million (H1 2025), a profit, which the text types as a loss, with a minus: leave the minus out')]);
    // Another size, in a sentence naming no period: against the current figure, said as a profit typed as a loss.
    expect(profitFindings('The net loss was €190.0m.')).toEqual([expect.stringContaining('a profit, which the text types as a loss, its words "net loss was" before it')]);
  });

  it('leaves alone another measure\'s loss, a part\'s, one compared with, and a profit typed as one', () => {
    for (const text of [
      'Net profit was [[net_profit]] in H1 2025, despite a loss of €12.3m on the disposal.', 'A loss of €12.3m on the disposal was booked in H1 2025.',
      'Service revenue grew, with a net loss of €19.6m in H1 2025.', 'Net profit rose to [[net_profit]] in H1 2025, compared with a net loss of €19.6m in H1 2023.',
      'Net profit was €196.4m in H1 2025.',
    ]) expect(profitFindings(text).filter((f) => f.startsWith('typed-mismatch')), text).toEqual([]);
  });
});
