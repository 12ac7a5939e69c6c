/** [[references]] in text: read in one pass, however many brackets a text holds; an unclosed one is named, never printed as text unseen. */
import { describe, it, expect } from 'vitest';
import { parseReferences, rewriteReferences, splitReferences } from '../../src/canvas/references.ts';

describe('references in text', () => {
  it('are read with their part and their series date, and text around them kept', () => {
    expect(splitReferences('Revenue [[rev]] grew [[rev.change]]; Q2: [[rev@2025-06-30]].')).toEqual([
      { text: 'Revenue ' }, { id: 'rev', part: 'value' }, { text: ' grew ' }, { id: 'rev', part: 'change' }, { text: '; Q2: ' }, { id: 'rev@2025-06-30', part: 'value' }, { text: '.' },
    ]);
    expect(rewriteReferences('[[a]] and [[a.change]], [[b]] and [[a', (id) => (id === 'a' ? 'z' : id))).toBe('[[z]] and [[z.change]], [[b]] and [[a');
  });

  it('name an unclosed [[ (no ]] at all, or a single ]) as an error, with the text it starts', () => {
    expect(parseReferences('Turbines: [[turbines, more').map((r) => [r.token, r.error?.split(':')[0]])).toEqual([['[[turbines,', '"[[turbines," is not closed']]);
    expect(parseReferences('Net: [[net_income] and [[ok]]').map((r) => [r.token, r.id ?? r.error?.split(':')[0]])).toEqual([['[[net_income]', '"[[net_income]" is not closed'], ['[[ok]]', 'ok']]);
  });

  it('are refused in full-width brackets, as a Japanese or Chinese input method types them, with the reference to write', () => {
    const refs = parseReferences('営業利益は［［op_income］］、売上高は［[ｓａｌｅｓ]］、純利益は[[net]]。');
    expect(refs.map((r) => [r.token, r.id ?? r.error])).toEqual([
      ['［［op_income］］', '"［［op_income］］" is written with full-width brackets ［ ］, and would be printed as typed: write "[[op_income]]", with the brackets (and the id) in half-width characters'],
      ['［[ｓａｌｅｓ]］', '"［[ｓａｌｅｓ]］" is written with full-width brackets ［ ］, and would be printed as typed: write "[[sales]]", with the brackets (and the id) in half-width characters'],
      ['[[net]]', 'net'],
    ]);
    // Half-width first, full-width second: as mistyped.
    expect(parseReferences('売上高は[［sales］］。').map((r) => [r.token, r.error])).toEqual([
      ['[［sales］］', '"[［sales］］" is written with full-width brackets ［ ］, and would be printed as typed: write "[[sales]]", with the brackets (and the id) in half-width characters'],
    ]);
    expect(parseReferences('注［1］と［注］')).toEqual([]); // one bracket: text
    // A reference in full-width brackets is a reference; full-width brackets around no id are text.
    expect(parseReferences('タービン［[[turbines]]］は稼働中').map((r) => [r.token, r.id ?? r.error])).toEqual([['[[turbines]]', 'turbines']]);
    expect(parseReferences('注記［[1]］と［［注］］')).toEqual([]);
  });

  it('are found in linear time: 200,000 opening brackets, or as many unclosed references, take well under a second', () => {
    // Not a timing assertion: a quadratic scan of these takes minutes and fails the test by its timeout.
    expect(parseReferences('[['.repeat(200_000))).toHaveLength(1);
    expect(parseReferences('[[a'.repeat(100_000)).every((r) => r.error !== undefined)).toBe(true);
    expect(parseReferences('[[a@2025-01-01 '.repeat(50_000))).toHaveLength(1);
    expect(parseReferences('［［a］］ [[b]] '.repeat(50_000))).toHaveLength(100_000);
  }, 10_000);
});
