/** How messages write lists and sizes, and text matched literally (src/words.ts). */
import { describe, expect, it } from 'vitest';
import { escapeRegExp, listOf, sizeText } from '../src/words.ts';

describe('words for messages', () => {
  it('writes a list as a sentence does', () => {
    expect(listOf([], 'and')).toBe('');
    expect(listOf(['revenue'], 'and')).toBe('revenue');
    expect(listOf(['revenue', 'cost'], 'and')).toBe('revenue and cost');
    expect(listOf(['revenue', 'cost', 'margin'], 'or')).toBe('revenue, cost or margin');
  });

  it('writes a size in KB, at least 1, and from a megabyte on in MB', () => {
    expect(sizeText(10)).toBe('1 KB');
    expect(sizeText(641_000)).toBe('626 KB');
    expect(sizeText(1024 * 1024)).toBe('1.0 MB');
    expect(sizeText(1_153_434)).toBe('1.1 MB');
  });

  it('matches text literally, a decimal point or a currency sign as itself and nothing else', () => {
    for (const text of ['.', '1.5', 'US$', 'R$ (BRL)', 'a*b+c?', '^[x]{2}|\\d']) {
      const pattern = new RegExp(`^${escapeRegExp(text)}$`);
      expect(pattern.test(text), text).toBe(true);
    }
    expect(new RegExp(`^${escapeRegExp('1.5')}$`).test('125')).toBe(false);
    expect(new RegExp(escapeRegExp('.')).test('1,5')).toBe(false);
  });
});
