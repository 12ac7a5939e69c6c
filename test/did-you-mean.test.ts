import { describe, expect, it } from 'vitest';
import { didYouMean, nearest, similar } from '../src/did-you-mean.ts';

describe('did you mean', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(similar('metrics', 'mertics')).toBe(true);
    expect(similar('unit', 'unti')).toBe(true);
    expect(similar('unit', 'unit')).toBe(false);
    expect(similar('paragraph', 'paragraf')).toBe(true);
    expect(similar('commerce', 'cloud_ai')).toBe(false);
  });

  it('suggests names a few letters off or sharing a long start, not every name with the same first letters', () => {
    const sets = ['full', 'commerce', 'cloud_ai', 'international'];
    expect(nearest('comerce', sets)).toEqual(['commerce']);
    expect(nearest('clothing', sets)).toEqual([]);
    expect(nearest('cl', sets)).toEqual(['cloud_ai']);
    expect(nearest('cox', sets)).toEqual([]); // two letters shared with commerce: not a long start
    expect(nearest('cloud_revenue_q3', ['cloud_revenue_q2_2025', 'cloud_margin'])).toEqual(['cloud_revenue_q2_2025']);
  });

  it('lists the fewest edits away first, whether similar or sharing a long start, so the first three are the likeliest', () => {
    expect(nearest('cloud_revenue_q2_2025', ['cloud', 'revenue', 'cloud_revenue', 'cloud_revenue_q1', 'cloud_revenue_q3']).slice(0, 3)).toEqual(['cloud_revenue_q1', 'cloud_revenue_q3', 'cloud_revenue']);
    expect(nearest('revenue_q3_b2', ['revenue_fy25', 'revenue_fy24', 'revenue_q3_a', 'revenue_q3_b']).slice(0, 2)).toEqual(['revenue_q3_b', 'revenue_q3_a']);
  });

  it('decides at the edge of "a few letters off" (a third of the shorter name), swaps counted as one edit', () => {
    expect(similar('abcdefghi', 'abcdefxyz')).toBe(true); // 3 edits, 3 allowed
    expect(similar('abcdefghi', 'abcdewxyz')).toBe(false); // 4
    expect(similar('abcdefghi', 'badcfeghi')).toBe(true); // 3 swaps
    expect(similar('abcdefghi', 'badcfehgi')).toBe(false); // 4 swaps
    expect(similar('abcdefghi', 'abcdefghijkl')).toBe(true); // contained
    expect(similar('abcdefghi', 'abcdefgh_jk')).toBe(true); // 1 change, 2 added
    expect(similar('abcdefghi', 'abcdefgh_jkl')).toBe(false); // 1 change, 3 added
  });

  it('suggests nothing for a megabyte-long name, and the names it contains for one that contains them', () => {
    const long = 'x'.repeat(1024 * 1024);
    expect(nearest(long, ['revenue_fy25', 'cost_base', 'margin'])).toEqual([]);
    expect(nearest(`${long}margin`, ['revenue_fy25', 'cost_base', 'margin'])).toEqual(['margin']);
  });

  it('suggests the name a shortened one abbreviates, word by word, after a slip of one letter', () => {
    expect(nearest('med_sales', ['semi_sales', 'sales', 'medical_sales'])).toEqual(['medical_sales', 'semi_sales', 'sales']);
    expect(nearest('rev_q3', ['revenue_q3', 'rev_q2', 'revenue_q2'])).toEqual(['rev_q2', 'revenue_q3']);
    // A name longer than the candidate abbreviates nothing (and a megabyte-long one is not split to find out).
    expect(nearest(`${'a_'.repeat(300_000)}b`, ['a_b', 'revenue'])).toEqual(['a_b']); // contained in it, as before
    // Every word shortened is no abbreviation of a known one: too loose.
    expect(nearest('m_s', ['medical_sales'])).toEqual([]);
  });

  it('writes the hint', () => {
    expect(didYouMean([])).toBe('');
    expect(didYouMean(['a', 'b'])).toBe('; did you mean "a" or "b"?');
  });
});
