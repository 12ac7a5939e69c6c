/** "Where sources disagree" on a figure typed in 億, 亿, 억 or 万: the canvas's figure in that scale too, and a power of ten between them said in words, as check says it. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';

const HEAD = (language: string, currency: string) => `company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: "Q3 2025", as_of: 2025-11-14, currency: ${currency}, language: ${language} }\n`;

/** A quarterly series `rev` (Q3 2024 and Q3 2025 by their period_end), labelled `label`. */
const quarterly = (label: string, unit: string, scale: string, [p24, p25]: [string, string], [v24, v25]: [number, number]) =>
  `rev: { label: "${label}", unit: ${unit}, scale: ${scale}, period_type: quarter, source: Q, values: [{ value: ${v24}, period: "${p24}", period_end: 2024-09-30 }, { value: ${v25}, period: "${p25}", period_end: 2025-09-30 }] }`;

/** The notes of the disagreements found (not declared) in a canvas in `language` whose paragraph says `text` beside a reference to `rev`. */
const notes = (language: string, currency: string, metric: string, text: string) => {
  const { canvas, typedDisagreements } = validateWithWarnings(parseCanvas(`${HEAD(language, currency)}metrics:\n  ${metric}\nblocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: '${text} [[rev]]。'\n`, 'c.yaml'));
  return buildModel(canvas, { name: 'c', setKey: 'full', typed: typedDisagreements }).appendix.contradictions.filter((c) => c.detected).map((c) => c.note.replace(/^Found by canvas-briefing: .*? types /, ''));
};

describe('a figure typed in a CJK scale, in "Where sources disagree"', () => {
  const ja = (value: number) => quarterly('四半期純利益', 'JPY', 'billion', ['2025年3月期 第2四半期', '2026年3月期 第2四半期'], [50.3, value]);

  it('gives the canvas\'s figure in 億 beside billion, and says it is ten times the figure typed: the new-user trial\'s 61億円 typed as value: 61.2, scale: billion', () => {
    expect(notes('ja', 'JPY', ja(61.2), '2026年3月期 第2四半期の四半期純利益は61億円でした。')).toEqual([
      '61億円 into its text as 四半期純利益 for 2026年3月期 第2四半期, where the canvas\'s figure is JP¥61.2 billion or 612億円. The canvas\'s figure is ten times the figure typed (1億 = 100 million): a scale has likely slipped, in the canvas or in the text. The canvas does not explain the difference; check the source before relying on either.',
    ]);
    // The other way: a tenth.
    expect(notes('ja', 'JPY', ja(6.1), '2026年3月期 第2四半期の四半期純利益は612億円でした。')[0]).toContain('where the canvas\'s figure is JP¥6.1 billion or 61億円. The canvas\'s figure is a tenth of the figure typed (1億 = 100 million)');
  });

  it('gives it in the typed scale where they differ by another amount, and says no power of ten', () => {
    const [note] = notes('ja', 'JPY', ja(118.5), '2026年3月期 第2四半期の四半期純利益は125億円でした。');
    expect(note).toContain('where the canvas\'s figure is JP¥118.5 billion or 1,185億円. The canvas does not explain');
    expect(note).not.toContain('times');
  });

  it('does so in Korean, compound amounts written as typed', () => {
    const ko = quarterly('매출', 'KRW', 'billion', ['2024년 3분기', '2025년 3분기'], [7500, 7910]);
    expect(notes('ko', 'KRW', ko, '2025년 3분기 매출은 791억 원을 기록했다.')[0]).toContain('where the canvas\'s figure is ₩7,910 billion or 79,100억 원. The canvas\'s figure is a hundred times the figure typed (1억 = 100 million)');
    expect(notes('ko', 'KRW', ko, '2025년 3분기 매출은 8조 2,100억 원을 기록했다.')[0]).toContain('where the canvas\'s figure is ₩7,910 billion or 7조 9,100억 원. The canvas does not explain');
  });

  it('names the source of the one, among several figures, that is a power of ten off: a Japanese IR team\'s canvas', () => {
    const sakura = readFileSync('test/fixtures/valid/sakura-ja.yaml', 'utf8').replace('          - paragraph: 従業員数は[[employees]]です。', '          - paragraph: 従業員数は[[employees]]です。2026年3月期 第2四半期の売上高は3,120億円でした。');
    const { canvas, typedDisagreements } = validateWithWarnings(parseCanvas(sakura, 'sakura-ja.yaml'));
    const found = buildModel(canvas, { name: 'sakura-ja', setKey: 'full', typed: typedDisagreements }).appendix.contradictions.filter((c) => c.detected).map((c) => c.note);
    expect(found).toEqual([expect.stringContaining('types 3,120億円 into its text as 売上高 for 2026年3月期 第2四半期, where the canvas\'s figures are JP¥31,245 million or 312億円 (決算短信) and JP¥31.3 billion or 313億円 (決算説明会プレスリリース(2025年11月10日)). The figure from 決算短信 is a tenth of the figure typed (1億 = 100 million): a scale has likely slipped, in the canvas or in the text.')]);
  });
});
