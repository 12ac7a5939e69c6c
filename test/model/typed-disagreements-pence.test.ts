/**
 * "Where sources disagree" on a figure in pence (unit GBX) that text types in pounds, in a scale the canvas names
 * otherwise: the canvas's figure read in pounds, as check's typed-mismatch reads it (canvas/figure-currencies.ts), so
 * that the note gives it in the typed scale too and names a power of ten between them, as check's message does.
 */
import { describe, it, expect } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';

/** A GBP canvas whose revenue for FY2024 and FY2025 is in `unit` (billions), its paragraph saying `text` beside a reference to it. */
const canvas = (unit: string, [fy24, fy25]: [number, number], text: string) => parseCanvas(`company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }
briefing: { period: FY2025, as_of: 2026-02-15, currency: GBP }
metrics:
  rev: { label: Revenue, unit: ${unit}, scale: billion, period_type: fiscal_year, source: R, values: [{ value: ${fy24}, period: FY2024, period_end: 2024-12-31 }, { value: ${fy25}, period: FY2025, period_end: 2025-12-31 }] }
blocks:
  revenue_streams:
    sections:
      - title: T
        content:
          - paragraph: '${text} Now: [[rev]].'
`, 'c.yaml');

/** check's typed-mismatch messages, and the notes of the disagreements the briefing finds (from what it types on). */
function both(unit: string, values: [number, number], text: string): { check: string[]; notes: string[] } {
  const { canvas: valid, findings, typedDisagreements } = validateWithWarnings(canvas(unit, values, text));
  const notes = buildModel(valid, { name: 'c', setKey: 'full', typed: typedDisagreements }).appendix.contradictions.filter((c) => c.detected).map((c) => c.note.replace(/^Found by canvas-briefing: .*? types /, ''));
  return { check: findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message), notes };
}

describe('a figure in pence typed in pounds in another scale, in "Where sources disagree"', () => {
  it('gives the canvas\'s figure in the typed scale and says it is ten times the figure typed, as check does', () => {
    // 250 billion GBX is £2.5 billion, £250 crore: ten times "£25 crore".
    const { check, notes } = both('GBX', [240, 250], 'Revenue was £25 crore in FY2025.');
    expect(check).toEqual([expect.stringContaining('but rev@2025-12-31 is 250 billion GBX or £250 crore (FY2025); that is ten times "£25 crore"')]);
    expect(notes).toEqual([
      '£25 crore into its text as Revenue for FY2025, where the canvas\'s figure is 250 billion GBX or £250 crore. The canvas\'s figure is ten times the figure typed (1 crore = 10 million): a scale has likely slipped, in the canvas or in the text. The canvas does not explain the difference; check the source before relying on either.',
    ]);
  });

  it('gives it in the typed scale where they differ by another amount, and says no power of ten', () => {
    const { check, notes } = both('GBX', [240, 250], 'Revenue was £2.6 crore in FY2025.');
    expect(check).toEqual([expect.stringContaining('but rev@2025-12-31 is 250 billion GBX or £250 crore (FY2025): the text')]);
    expect(notes).toEqual([expect.stringContaining('where the canvas\'s figure is 250 billion GBX or £250 crore. The canvas does not explain')]);
    expect(notes[0]).not.toContain('times');
  });

  it('reads a figure in pounds as it did', () => {
    const { notes } = both('GBP', [2.4, 2.5], 'Revenue was £25 crore in FY2025.');
    expect(notes).toEqual([expect.stringContaining('where the canvas\'s figure is £2.5 billion or £250 crore. The canvas\'s figure is ten times the figure typed (1 crore = 10 million)')]);
  });
});

describe('check\'s advice on a scale slip of a figure in pence typed in pounds', () => {
  /** What check advises writing, were the typed figure right: the figure in brackets and the value and scale. */
  const advice = (unit: string, values: [number, number], text: string) =>
    both(unit, values, text).check.map((m) => /that is [^"]*"[^"]*" \(([^;]*);.*write (value: [^)]*) for rev@2025-12-31\)/.exec(m)?.slice(1));

  it('gives the value in pence: £25 crore is 25 billion GBX, not 0.25', () => {
    expect(advice('GBX', [240, 250], 'Revenue was £25 crore in FY2025.')).toEqual([['25 billion GBX', 'value: 25, scale: billion']]);
  });

  it('gives it in pence where the canvas\'s figure is a tenth of the typed one', () => {
    // 2.5 billion GBX is £25 million, £2.5 crore: a tenth of "£25 crore", which is 25 billion GBX.
    expect(advice('GBX', [2.4, 2.5], 'Revenue was £25 crore in FY2025.')).toEqual([['25 billion GBX', 'value: 25, scale: billion']]);
    // The data note names the power of ten and gives no figure to write, so no advice to get wrong.
    expect(both('GBX', [2.4, 2.5], 'Revenue was £25 crore in FY2025.').notes).toEqual([expect.stringContaining('. The canvas\'s figure is a tenth of the figure typed (1 crore = 10 million): a scale has likely slipped')]);
    // In the typed scale to the canvas's own digits, not rounded to "£3 crore" at the typed figure's whole crore.
    expect(both('GBX', [2.4, 2.5], 'Revenue was £25 crore in FY2025.').notes).toEqual([expect.stringContaining('where the canvas\'s figure is 2.5 billion GBX or £2.5 crore.')]);
    expect(both('GBX', [2.4, 2.5], 'Revenue was £25 crore in FY2025.').check).toEqual([expect.stringContaining('is 2.5 billion GBX or £2.5 crore (FY2025)')]);
  });

  it('keeps the decimals the typed figure has, in pence', () => {
    // £25.3 crore is £253 million, 25.3 billion GBX; the canvas's 253 billion GBX is ten times it.
    expect(advice('GBX', [240, 253], 'Revenue was £25.3 crore in FY2025.')).toEqual([['25.3 billion GBX', 'value: 25.3, scale: billion']]);
  });

  it('gives a figure in pounds in pounds, as it did', () => {
    expect(advice('GBP', [2.4, 2.5], 'Revenue was £25 crore in FY2025.')).toEqual([['£0.25 billion', 'value: 0.25, scale: billion']]);
  });
});
