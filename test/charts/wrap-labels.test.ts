import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../src/charts/wrap-labels.ts';
import { measureTextWidth } from '../../src/charts/text-metrics.ts';

/** 10px per character: easy to reason about. */
const mono = (s: string) => s.length * 10;
const inter = (s: string) => measureTextWidth(s, "11.5px Inter, 'Noto Sans SC'");

describe('wrapLabel', () => {
  it('keeps a label that fits on one line', () => {
    expect(wrapLabel('Credit cards', 200, mono)).toEqual({ lines: ['Credit cards'], fits: true });
  });

  it('uses the fewest lines, balanced rather than greedy', () => {
    // Greedy at 200px would leave "2025)" alone on the second line.
    const out = wrapLabel('Orders in the quarter (vs. Sep 2025)', 300, mono);
    expect(out.fits).toBe(true);
    expect(out.lines).toEqual(['Orders in the quarter', '(vs. Sep 2025)']);
  });

  it('breaks only between words, never inside one, and each line is under the limit', () => {
    const label = 'Small business loans with a very long descriptive label for the lender';
    const out = wrapLabel(label, 160, inter);
    expect(out.fits).toBe(true);
    expect(out.lines).toHaveLength(3);
    expect(out.lines.join(' ')).toBe(label);
    for (const line of out.lines) expect(inter(line)).toBeLessThan(160);
  });

  it('prefers a space to a hyphen, and breaks after a hyphen only when spaces are not enough', () => {
    expect(wrapLabel('on-demand orders', 100, mono).lines).toEqual(['on-demand', 'orders']);
    expect(wrapLabel('business-to-business', 125, mono).lines).toEqual(['business-', 'to-business']);
  });

  it('breaks between Chinese characters', () => {
    const out = wrapLabel('阿里巴巴国际数字商业集团', 70, mono);
    expect(out.fits).toBe(true);
    expect(out.lines.join('')).toBe('阿里巴巴国际数字商业集团');
    expect(out.lines).toHaveLength(2);
  });

  it('reports a label that does not fit in three lines, keeping every word for the last (cut) line', () => {
    const label = 'one two three four five six seven eight nine ten';
    const out = wrapLabel(label, 105, mono);
    expect(out.fits).toBe(false);
    expect(out.lines).toHaveLength(3);
    expect(out.lines.slice(0, 2)).toEqual(['one two', 'three four']);
    expect(out.lines.join(' ')).toBe(label);
    expect(wrapLabel('Unbreakablewordthatistoolong', 100, mono)).toEqual({ lines: ['Unbreakablewordthatistoolong'], fits: false });
  });
});
