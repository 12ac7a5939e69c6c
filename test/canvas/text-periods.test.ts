/** namedPeriods: where a period is in its sentence, as the sentence is written (not as its Japanese, Chinese or Korean words are read rewritten). */
import { describe, expect, it } from 'vitest';
import { namedPeriods, withoutPeriods } from '../../src/canvas/text-periods.ts';

/** Each period namedPeriods reads in `sentence`: its key and the words from its `at` to its `end` in the sentence as written. */
const placed = (sentence: string) => namedPeriods(sentence).map((p) => ({ key: p.key, words: sentence.slice(p.at, p.end), text: p.text }));

describe('namedPeriods: at and end', () => {
  it('places Japanese, Chinese and Korean periods in the sentence as written, full-width digits and all', () => {
    for (const [sentence, key, words] of [
      ['2026年3月期 第2四半期の売上高は312億円でした。', 'q:2025-09-30', '2026年3月期 第2四半期'],
      ['２０２６年３月期 第２四半期の売上高は312億円でした。', 'q:2025-09-30', '２０２６年３月期 第２四半期'],
      // Characters before it that NFKC would write longer ("㈱" is "(株)"): places are the sentence's own.
      ['㈱アクメの２０２６年３月期 第２四半期の売上高は312億円。', 'q:2025-09-30', '２０２６年３月期 第２四半期'],
      ['当社の2026年3月期 上期の売上高', 'fh1-fye2026', '2026年3月期 上期'],
      ['2025年第三季度营收为2,478亿元。', 'q:2025-09-30', '2025年第三季度'],
      ['２０２５年第三季度营收为2,478亿元。', 'q:2025-09-30', '２０２５年第三季度'],
      ['2026财年Q2收入为[[rev]]。', 'fq2-fy2026', '2026财年Q2'],
      ['2025年上半年营收', 'h1-2025', '2025年上半年'],
      ['2025年7～9月期の売上高', 'q:2025-09-30', '2025年7～9月期'],
      ['2025년 3분기 매출은 3조원이었다.', 'q:2025-09-30', '2025년 3분기'],
      ['２０２５년 ３분기 매출은 3조원이었다.', 'q:2025-09-30', '２０２５년 ３분기'],
      ['당사의 2025년 3/4분기 매출', 'q:2025-09-30', '2025년 3/4분기'],
      ['3분기 2025 매출', 'q:2025-09-30', '3분기 2025'],
      ["'25년 제3분기 매출", 'q:2025-09-30', "'25년 제3분기"],
      ['2025 회계연도 2분기 매출', 'fq2-fy2025', '2025 회계연도 2분기'],
      ['２０２５ 회계연도 매출', 'fy2025', '２０２５ 회계연도'],
      ['2025년 상반기 매출', 'h1-2025', '2025년 상반기'],
      ['2025년 2분기 누적 매출', 'h1-2025', '2025년 2분기 누적'],
      ['2025년 7~9월 매출', 'q:2025-09-30', '2025년 7~9월'],
    ] as const) {
      expect(placed(sentence), sentence).toEqual([{ key, words, text: words }]);
      // Blanked whole, and nothing else.
      expect(withoutPeriods(sentence, namedPeriods(sentence)), sentence).toBe(sentence.replace(words, ' '.repeat(words.length)));
    }
  });

  it('reads a period two of its patterns match once, at its place: "three months ended September 2025", "quarter ended June 2025", a thousand of them in a sentence', () => {
    for (const [words, key] of [['three months ended September 2025', 'q:2025-09-30'], ['quarter ended June 2025', 'q:2025-06-30']] as const) {
      expect(placed(`Revenue for the ${words} rose.`), words).toEqual([{ key, words, text: words }]);
      const sentence = `${words}, `.repeat(1_000);
      expect(namedPeriods(sentence).map((p) => [p.at, p.end]), words).toEqual(Array.from({ length: 1_000 }, (_, n) => [n * (words.length + 2), n * (words.length + 2) + words.length]));
    }
  });

  it('reads a sentence once for every rule that asks, and gives each reader a reading it cannot change for the next', () => {
    const sentence = 'Revenue rose in Q3 2025 compared with Q2 2025.';
    const first = namedPeriods(sentence);
    expect(first.map((p) => p.key)).toEqual(['q:2025-09-30', 'q:2025-06-30']);
    expect(namedPeriods(sentence)).toBe(first);
    expect(() => {
      (first[0] as { key: string }).key = 'q:2024-09-30';
    }).toThrow(TypeError);
    expect(() => (first as unknown as unknown[]).push(first[0])).toThrow(TypeError);
    expect(namedPeriods(sentence).map((p) => p.key)).toEqual(['q:2025-09-30', 'q:2025-06-30']);
    // Read with yearless quarters, the same sentence is another reading.
    expect(namedPeriods('In Q3 revenue rose.', true).map((p) => p.key)).toEqual(['qn:3']);
    expect(namedPeriods('In Q3 revenue rose.')).toEqual([]);
  });

  it('reads no period in Korean words that name none, or nine months: "2025년" alone, "3분기 누적", "1~3분기", "3분기 2025억원"', () => {
    for (const sentence of ['2025년 매출은 12조원이었다.', '2025년 3분기 누적 매출', '2025년 1~3분기 매출', '3분기 2025억원의 매출', '12025 3분기']) expect(placed(sentence), sentence).toEqual([]);
  });
});
