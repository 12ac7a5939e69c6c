/** typed-mismatch in Japanese, Chinese and Korean canvases: a wrong figure typed right after a measure's name, joined as those languages join it. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';

const HEAD = (language: string, currency: string, period: string) => `company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: "${period}", as_of: 2025-11-14, currency: ${currency}, language: ${language} }\n`;

/** The typed-mismatch findings (message up to ": the text") of a canvas in `language` with `metrics` (its briefing for `period`), whose paragraph says `text` beside a reference to `rev`. */
const mismatches = (language: string, currency: string, metrics: string[], text: string, period = 'Q3 2025') =>
  validateWithWarnings(parseCanvas(`${HEAD(language, currency, period)}metrics:\n${metrics.map((m) => `  ${m}\n`).join('')}blocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: '${text.replaceAll("'", "''")} [[rev]]。'\n`, 'c.yaml'))
    .findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message.split(': the text')[0]);

/** A quarterly series `rev` (Q3 2024 and Q3 2025 by their period_end), labelled `label`. */
const quarterly = (label: string, unit: string, scale: string, [p24, p25]: [string, string], [v24, v25]: [number, number]) =>
  `rev: { label: "${label}", unit: ${unit}, scale: ${scale}, period_type: quarter, source: Q, values: [{ value: ${v24}, period: "${p24}", period_end: 2024-09-30 }, { value: ${v25}, period: "${p25}", period_end: 2025-09-30 }] }`;
const margin = (label: string) => `margin: { label: "${label}", unit: percent, period_type: quarter, source: Q, values: [{ value: 11.0, period: "3Q24", period_end: 2024-09-30 }, { value: 12.5, period: "3Q25", period_end: 2025-09-30 }] }`;

describe('typed-mismatch in Japanese', () => {
  const ja = [quarterly('売上高', 'JPY', 'million', ['2025年3月期 第2四半期', '2026年3月期 第2四半期'], [27410, 31245]), margin('営業利益率')];
  const en = [quarterly('Revenue', 'JPY', 'million', ['Q2 FY3/25', 'Q2 FY3/26'], [27410, 31245])];

  it('finds a wrong amount typed after the measure\'s name in a sentence that names its period: the new-user trial\'s two sentences', () => {
    expect(mismatches('ja', 'JPY', ja, '2026年3月期 第2四半期の売上高は315億円でした。')).toEqual(['"315億円" is typed into the text as 売上高 for "2026年3月期 第2四半期", but rev@2025-09-30 is JP¥31,245 million or 312億円 (2026年3月期 第2四半期)']);
    expect(mismatches('ja', 'JPY', ja, '売上高は31,500百万円(2026年3月期 第2四半期)でした。')).toEqual(['"31,500百万円" is typed into the text as 売上高 for "2026年3月期 第2四半期", but rev@2025-09-30 is JP¥31,245 million (2026年3月期 第2四半期)']);
  });

  it('reads the joins Japanese writes, the period before the name, and the usual word for an English label', () => {
    for (const text of [
      '2026年3月期 第2四半期の売上高が315億円となりました。', '2026年3月期 第2四半期、売上高は315億円でした。', '2026年3月期第2四半期の売上高は前年同期比14%増の315億円でした。',
      '当社の2026年3月期 第2四半期の売上高は315億円でした。', '当社の売上高は315億円(2026年3月期 第2四半期)でした。', '2025年7～9月期の連結売上高は315億円でした。', '売上高：315億円(2026年3月期 第2四半期)。',
    ]) {
      expect(mismatches('ja', 'JPY', ja, text), text).toHaveLength(1);
    }
    // "Revenue" in a Japanese canvas is 売上高, 売上収益, 売上.
    for (const text of ['2026年3月期 第2四半期の売上収益は315億円となりました。', '2026年3月期 第2四半期の売上高は315億円でした。']) expect(mismatches('ja', 'JPY', en, text), text).toHaveLength(1);
    // A rate typed wrong: its level.
    expect(mismatches('ja', 'JPY', ja, '2026年3月期 第2四半期の営業利益率は13.5%でした。')).toEqual(['"13.5%" is typed into the text as 営業利益率 for "2026年3月期 第2四半期", but margin@2025-09-30 is 12.5% (3Q25)']);
  });

  it('leaves alone the right figure, a qualifier, another basis, a plan, per share, another noun before the name, quotes, ranges, another period and a sentence naming none', () => {
    for (const text of [
      '2026年3月期 第2四半期の売上高は312億円でした。', '2026年3月期 第2四半期の売上高は31,245百万円でした。', '2026年3月期 第2四半期の売上高は約315億円でした。',
      '2026年3月期 第2四半期の売上高は前期比15%増の315億円でした。', '2026年3月期 第2四半期の売上高は315億円を予想しています。', '2026年3月期 第2四半期の売上高の見通しは315億円です。',
      '2026年3月期 第2四半期の調整後売上高は315億円でした。', '2026年3月期 第2四半期の海外売上高は115億円でした。', '2026年3月期 第2四半期のクラウド事業の売上高は115億円でした。',
      '2026年3月期 第2四半期の売上高は「315億円」と発表されました。', '2026年3月期 第2四半期の売上高は300億円～320億円でした。', '2025年3月期 第2四半期の売上高は274億円でした。',
      '売上高は315億円でした。', '2026年3月期 第2四半期の1株当たり売上高は315億円でした。', '2026年3月期 第2四半期の営業利益率は12.5%でした。',
    ]) {
      expect(mismatches('ja', 'JPY', ja, text), text).toEqual([]);
    }
    // The English canvas reads no Japanese joins.
    expect(mismatches('en', 'JPY', ja, '2026年3月期 第2四半期の売上高は315億円でした。')).toEqual([]);
  });
});

describe('a Japanese IR team\'s canvas', () => {
  const SAKURA = readFileSync('test/fixtures/valid/sakura-ja.yaml', 'utf8');
  it('checks clean as written, and a wrong revenue figure typed into it is reported', () => {
    expect(validateWithWarnings(parseCanvas(SAKURA, 'sakura-ja.yaml')).findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    const wrong = SAKURA.replace('          - paragraph: 従業員数は[[employees]]です。', '          - paragraph: 従業員数は[[employees]]です。2026年3月期 第2四半期の売上高は315億円でした。');
    expect(validateWithWarnings(parseCanvas(wrong, 'sakura-ja.yaml')).findings.map((f) => f.rule)).toEqual(['typed-mismatch']);
    // Ten times it, beside its two figures (決算短信's and the press release's): each in 億 too, and the one a tenth of it named.
    const slipped = SAKURA.replace('          - paragraph: 従業員数は[[employees]]です。', '          - paragraph: 従業員数は[[employees]]です。2026年3月期 第2四半期の売上高は3,120億円でした。');
    expect(validateWithWarnings(parseCanvas(slipped, 'sakura-ja.yaml')).findings.map((f) => f.message.split(': the text')[0])).toEqual([
      '"3,120億円" is typed into the text as 売上高 for "2026年3月期 第2四半期", but the canvas has 2 figures of 売上高 for it (revenue@2025-09-30: JP¥31,245 million or 312億円, 2026年3月期 第2四半期; revenue_press: JP¥31.3 billion or 313億円, 2026年3月期 第2四半期), and it is none of them, as typed or rounded; revenue@2025-09-30 is a tenth of "3,120億円" (JP¥312,000 million; 1億 = 100 million), likely a scale slipped in the metric or in the text (if "3,120億円" is right, write value: 312000, scale: million for revenue@2025-09-30)',
    ]);
  });
});

describe('typed-mismatch in Chinese', () => {
  const zh = [quarterly('营收', 'CNY', 'million', ['2024年第三季度', '2025年第三季度'], [236503, 247795])];
  const en = [quarterly('Revenue', 'CNY', 'million', ['Q3 2024', 'Q3 2025'], [236503, 247795])];

  it('finds a wrong amount typed after the measure\'s name: "营收为", "营业收入为", "收入达", "营收达到", "实现营收", "营收同比增长20%至"', () => {
    expect(mismatches('zh-Hans', 'CNY', zh, '2025年第三季度营收为2,580亿元。')).toEqual(['"2,580亿元" is typed into the text as 营收 for "2025年第三季度", but rev@2025-09-30 is RMB 247,795 million or 2,478亿元 (2025年第三季度)']);
    for (const text of ['2025年第三季度，营收达到2,580亿元。', '2025年第三季度，公司实现营收2,580亿元。', '2025年第三季度营收同比增长5%至2,580亿元。', '2025年第三季度的营收为人民币2,580亿元。']) {
      expect(mismatches('zh-Hans', 'CNY', zh, text), text).toHaveLength(1);
    }
    for (const text of ['2025年第三季度营业收入为2,580亿元。', '2025年第三季度收入达2,580亿元。']) expect(mismatches('zh-Hant', 'CNY', en, text), text).toHaveLength(1);
  });

  it('leaves alone the right figure, a qualifier, another basis, a plan, per share, another noun before the name and another period', () => {
    for (const text of [
      '2025年第三季度营收为2,478亿元。', '2025年第三季度营收约为2,580亿元。', '2025年第三季度营收环比增长5%至2,580亿元。', '2025年第三季度营收目标为2,580亿元。',
      '2025年第三季度云业务营收为580亿元。', '2025年第三季度利息收入为58亿元。', '2025年第三季度每股收入为25.8元。', '2025年第三季度经调整营收为2,580亿元。',
      '2024年第三季度营收为2,365亿元。', '营收为2,580亿元。',
    ]) {
      expect(mismatches('zh-Hans', 'CNY', text.includes('收入') ? en : zh, text), text).toEqual([]);
    }
  });
});

describe('typed-mismatch in Korean', () => {
  const ko = [quarterly('매출액', 'KRW', 'billion', ['3Q24', '3Q25'], [2790, 3120])];
  const en = [quarterly('Revenue', 'KRW', 'billion', ['3Q24', '3Q25'], [2790, 3120])];

  it('finds a wrong amount typed after the measure\'s name: "매출은", "매출액은", "매출이 … 기록"', () => {
    expect(mismatches('ko', 'KRW', ko, '3Q25 매출액은 3조3,000억원이었다.')).toEqual(['"3조3,000억원" is typed into the text as 매출액 for "3Q25", but rev@2025-09-30 is ₩3,120 billion or 3조1,200억원 (3Q25)']);
    for (const text of ['3Q25 매출은 3조3,000억원이었다.', '3Q25 매출이 3조3,000억원을 기록했다.', '3Q25 매출은 전년 동기 대비 12% 증가한 3조3,000억원이었다.']) {
      expect(mismatches('ko', 'KRW', en, text), text).toHaveLength(1);
    }
  });

  it('reads the period as Korean writes it: "2025년 3분기", "2025년 3/4분기", "3분기 2025", "2025년 제3분기"', () => {
    const written = [quarterly('매출액', 'KRW', 'billion', ['2024년 3분기', '2025년 3분기'], [2790, 3120])];
    expect(mismatches('ko', 'KRW', written, '2025년 3분기 매출액은 3조3,000억원이었다.')).toEqual(['"3조3,000억원" is typed into the text as 매출액 for "2025년 3분기", but rev@2025-09-30 is ₩3,120 billion or 3조1,200억원 (2025년 3분기)']);
    for (const text of ['2025년 3/4분기 매출은 3조3,000억원이었다.', '3분기 2025 매출은 3조3,000억원이었다.', '2025년 제3분기 매출이 3조3,000억원을 기록했다.', '２０２５년 ３분기 매출은 3조3,000억원이었다.', '당사의 2025년 3분기 매출은 3조3,000억원이었다.']) {
      // (Quoted as typed-findings reads it, in half-width digits.)
      expect(mismatches('ko', 'KRW', en, text), text).toEqual([expect.stringContaining(`for "${text.normalize('NFKC').replace(/^당사의 /, '').split(' 매출')[0]}"`)]);
    }
    // The right figure, last year's quarter and its figure, the quarters so far (누적), and a quarter compared with.
    for (const text of ['2025년 3분기 매출은 3조1,200억원이었다.', '2024년 3분기 매출은 2조7,900억원이었다.', '2025년 3분기 누적 매출은 8조5,000억원이었다.', '2024년 3분기 대비 매출은 3조3,000억원으로 늘었다.']) {
      expect(mismatches('ko', 'KRW', en, text), text).toEqual([]);
    }
  });

  it('leaves alone the right figure, another basis, a plan, another noun before the name and another period', () => {
    for (const text of [
      '3Q25 매출은 3조1,200억원이었다.', '3Q25 매출은 전분기 대비 5% 증가한 3조3,000억원이었다.', '3Q25 매출 전망은 3조3,000억원이다.',
      '3Q25 국내 매출은 1조3,000억원이었다.', '3Q25 매출은 약 3조3,000억원이었다.', '3Q24 매출은 2조7,900억원이었다.',
    ]) {
      expect(mismatches('ko', 'KRW', en, text), text).toEqual([]);
    }
  });
});

describe('typed-mismatch of an amount typed in 億, 亿, 억 or 万', () => {
  const netIncome = (label: string, unit: string, scale: string, periods: [string, string], values: [number, number]) => quarterly(label, unit, scale, periods, values);
  const ja = (value: number) => [netIncome('四半期純利益', 'JPY', 'billion', ['2025年3月期 第2四半期', '2026年3月期 第2四半期'], [50.3, value])];

  it('gives the figure in the typed scale too, and says a power of ten apart is likely a scale slip, with what to write: the new-user trial\'s 61億円 typed as value: 61.2, scale: billion', () => {
    expect(mismatches('ja', 'JPY', ja(61.2), '2026年3月期 第2四半期の四半期純利益は61億円でした。')).toEqual([
      '"61億円" is typed into the text as 四半期純利益 for "2026年3月期 第2四半期", but rev@2025-09-30 is JP¥61.2 billion or 612億円 (2026年3月期 第2四半期); that is ten times "61億円" (JP¥6.1 billion; 1億 = 100 million), likely a scale slipped in the metric or in the text (if "61億円" is right, write value: 6.1, scale: billion for rev@2025-09-30)',
    ]);
    // The other way: the metric a tenth of the text; a hundredth, in the metric's own scale.
    expect(mismatches('ja', 'JPY', ja(6.1), '2026年3月期 第2四半期の四半期純利益は612億円でした。')).toEqual([
      '"612億円" is typed into the text as 四半期純利益 for "2026年3月期 第2四半期", but rev@2025-09-30 is JP¥6.1 billion or 61億円 (2026年3月期 第2四半期); that is a tenth of "612億円" (JP¥61.2 billion; 1億 = 100 million), likely a scale slipped in the metric or in the text (if "612億円" is right, write value: 61.2, scale: billion for rev@2025-09-30)',
    ]);
    const millions = [netIncome('四半期純利益', 'JPY', 'million', ['2025年3月期 第2四半期', '2026年3月期 第2四半期'], [5030, 6120])];
    expect(mismatches('ja', 'JPY', millions, '2026年3月期 第2四半期の四半期純利益は6,120億円でした。')).toEqual([expect.stringContaining('is JP¥6,120 million or 61億円 (2026年3月期 第2四半期); that is a hundredth of "6,120億円" (JP¥612,000 million; 1億 = 100 million), likely a scale slipped in the metric or in the text (if "6,120億円" is right, write value: 612000, scale: million for rev@2025-09-30)')]);
  });

  it('gives the figure in 億 beside billion where it is off by another amount, and says no power of ten', () => {
    expect(mismatches('ja', 'JPY', ja(118.5), '2026年3月期 第2四半期の四半期純利益は125億円でした。')).toEqual(['"125億円" is typed into the text as 四半期純利益 for "2026年3月期 第2四半期", but rev@2025-09-30 is JP¥118.5 billion or 1,185億円 (2026年3月期 第2四半期)']);
    // Twice the figure, or within rounding of ten times it but not of its own rounding: no power of ten.
    expect(mismatches('ja', 'JPY', ja(61.2), '2026年3月期 第2四半期の四半期純利益は31億円でした。')[0]).not.toContain('times');
    expect(mismatches('ja', 'JPY', ja(61.2), '2026年3月期 第2四半期の四半期純利益は6.3億円でした。')[0]).not.toContain('hundred');
  });

  it('does so in Chinese and Korean: 亿元, 万元, 억 원 and 조', () => {
    const zh = [quarterly('营收', 'CNY', 'million', ['2024年第三季度', '2025年第三季度'], [236503, 247795])];
    expect(mismatches('zh-Hans', 'CNY', zh, '2025年第三季度营收为24,780亿元。')).toEqual(['"24,780亿元" is typed into the text as 营收 for "2025年第三季度", but rev@2025-09-30 is RMB 247,795 million or 2,478亿元 (2025年第三季度); that is a tenth of "24,780亿元" (RMB 2,478,000 million; 1亿 = 100 million), likely a scale slipped in the metric or in the text (if "24,780亿元" is right, write value: 2478000, scale: million for rev@2025-09-30)']);
    // (A round figure's zeros read as its rounding: 3,450万 may be RMB 34.52 million rounded.)
    const wan = [quarterly('营收', 'CNY', 'million', ['2024年第三季度', '2025年第三季度'], [301.2, 345.2])];
    expect(mismatches('zh-Hans', 'CNY', wan, '2025年第三季度营收为3,450万元。')).toEqual([expect.stringContaining('is RMB 345.2 million or 34,520万元 (2025年第三季度); that is ten times "3,450万元" (RMB 34.50 million; 1万 = 10 thousand), likely a scale slipped in the metric or in the text (if "3,450万元" is right, write value: 34.50, scale: million for rev@2025-09-30)')]);
    const ko = [quarterly('매출', 'KRW', 'billion', ['2024년 3분기', '2025년 3분기'], [7500, 7910])];
    expect(mismatches('ko', 'KRW', ko, '2025년 3분기 매출은 791억 원을 기록했다.')).toEqual(['"791억 원" is typed into the text as 매출 for "2025년 3분기", but rev@2025-09-30 is ₩7,910 billion or 79,100억 원 (2025년 3분기); that is a hundred times "791억 원" (₩79.1 billion; 1억 = 100 million), likely a scale slipped in the metric or in the text (if "791억 원" is right, write value: 79.1, scale: billion for rev@2025-09-30)']);
    expect(mismatches('ko', 'KRW', ko, '2025년 3분기 매출은 8조 2,100억 원을 기록했다.')).toEqual(['"8조 2,100억 원" is typed into the text as 매출 for "2025년 3분기", but rev@2025-09-30 is ₩7,910 billion or 7조 9,100억 원 (2025년 3분기)']);
  });
});

describe('typed-mismatch in a Japanese sentence naming two quarters, one the base a figure of another measure is compared with', () => {
  const series = (id: string, label: string, unit: string, scale: string, periods: string[], [q1, q2]: [number, number]) =>
    `${id}: { label: "${label}", unit: ${unit},${scale === '' ? '' : ` scale: ${scale},`} period_type: quarter, source: Q, values: [{ value: ${q1}, period: "${periods[0]}", period_end: 2025-06-30 }, { value: ${q2}, period: "${periods[1]}", period_end: 2025-09-30, change: { percent: 14.6 } }] }`;
  const found = (language: string, periods: string[], labels: [string, string], text: string) => validateWithWarnings(parseCanvas(
    `${HEAD(language, 'JPY', periods[1]!)}metrics:\n  ${series('op', labels[0], 'JPY', 'billion', periods, [27.9, 29.8])}\n  ${series('margin', labels[1], 'percent', '', periods, [9.1, 9.6])}\n`
      + `blocks:\n  cost_structure:\n    sections:\n      - title: T\n        content:\n          - paragraph: '${text}'\n`, 'c.yaml',
  )).findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message.split(', likely')[0]);
  const ja = ['2026年3月期 第1四半期（2025年4～6月）', '2026年3月期 第2四半期（2025年7～9月）'];
  const en = ['Q1 FY2025', 'Q2 FY2025'];

  it('compares a typed figure with the quarter its sentence is about, not the nearer one it compares the margin with: the new-user trial\'s 2,980億円 for 298億円', () => {
    // "from [[margin@2025-06-30]] in Q1" is the base compared with, in English...
    expect(found('en', en, ['Operating profit', 'Operating margin'], 'In Q2 FY2025, operating profit was [[op]] ([[op.change]]), operating profit was ¥2,980 billion, and the operating margin was [[margin]], up from [[margin@2025-06-30]] in Q1 FY2025.')).toEqual([
      '"¥2,980 billion" is typed into the text as Operating profit for "Q2 FY2025", but op@2025-09-30 is JP¥29.8 billion (Q2 FY2025); that is a hundredth of "¥2,980 billion"',
    ]);
    // ...and "2026年3月期 第1四半期の[[margin@2025-06-30]]から改善" in Japanese: the ×10 slip is told against Q2's 298億円.
    const slip = '"2,980億円" is typed into the text as 営業利益 for "2026年3月期 第2四半期", but op@2025-09-30 is JP¥29.8 billion or 298億円 (2026年3月期 第2四半期（2025年7～9月）); that is a tenth of "2,980億円" (JP¥298.0 billion; 1億 = 100 million)';
    for (const text of [
      '2026年3月期 第2四半期の営業利益は[[op]]（前年同期比[[op.change]]）、営業利益は2,980億円、営業利益率は[[margin]]となり、2026年3月期 第1四半期の[[margin@2025-06-30]]から改善しました。',
      '2026年3月期 第2四半期の営業利益は[[op]]（前年同期比[[op.change]]）、営業利益は2,980億円、営業利益率は[[margin]]となり、2026年3月期 第1四半期（2025年4～6月）の9.1%から改善しました。',
      '2026年3月期 第2四半期の営業利益は[[op]]（前年同期比[[op.change]]）、営業利益は2,980億円、営業利益率は[[margin]]となり、2026年3月期 第1四半期の[[margin@2025-06-30]]と比べ改善しました。',
    ]) {
      expect(found('ja', ja, ['営業利益', '営業利益率'], text), text).toEqual([slip]);
    }
    // (In each, 2026年3月期 第1四半期 stands nearer 2,980億円 than 第2四半期 does.) A nearer quarter that is the figure's own
    // clause's, not a base, is still read: 2,980億円 against Q1's 279億円.
    expect(found('ja', ja, ['営業利益', '営業利益率'], '2026年3月期 第2四半期の営業利益率は[[margin]]、2026年3月期 第1四半期の営業利益は2,980億円でした。')).toEqual([
      expect.stringContaining('"2,980億円" is typed into the text as 営業利益 for "2026年3月期 第1四半期", but op@2025-06-30 is JP¥27.9 billion or 279億円'),
    ]);
  });
});

describe('typed-mismatch: words that name the current period, read as the briefing\'s', () => {
  const ja = [quarterly('売上高', 'JPY', 'million', ['2025年3月期 第2四半期', '2026年3月期 第2四半期'], [27410, 31245])];
  const FQ2 = '2026年3月期 第2四半期';

  it('reads "当四半期", "当第2四半期" and the like as the briefing\'s quarter: the new-user trial\'s sentences', () => {
    expect(mismatches('ja', 'JPY', ja, 'なお、当四半期の売上高は315億円、前年同期比14%増となりました。', FQ2)).toEqual(['"315億円" is typed into the text as 売上高 for "当四半期", but rev@2025-09-30 is JP¥31,245 million or 312億円 (2026年3月期 第2四半期)']);
    for (const text of ['当第2四半期連結会計期間の売上高は315億円でした。', '当第2四半期（2025年7～9月）の売上高は315億円でした。', '当第2四半期における当社グループの売上高は315億円でした。', '当四半期の売上高は315億円（前年同期は274億円）でした。']) {
      expect(mismatches('ja', 'JPY', ja, text, FQ2), text).toEqual([expect.stringContaining('"315億円" is typed into the text as 売上高 for "当')]);
    }
  });

  it('leaves alone another quarter, the quarters so far, the year before, plans, another measure, the right figure and words of another kind than the briefing\'s period', () => {
    for (const text of [
      '当第3四半期の売上高は315億円でした。', '当第2四半期連結累計期間の売上高は615億円でした。', '前年同期の売上高は290億円でした。', '当四半期の売上高は315億円を見込んでいます。',
      '当四半期の海外売上高は115億円でした。', '該当四半期の売上高は315億円でした。', '当四半期の売上高は312億円でした。', '当中間期の売上高は615億円でした。', '当期の売上高は1,250億円でした。',
      '当四半期の売上高は312億円、前年同期の売上高は290億円でした。', '当四半期の売上高は312億円、前年同期は290億円でした。',
    ]) {
      expect(mismatches('ja', 'JPY', ja, text, FQ2), text).toEqual([]);
    }
  });

  it('reads the first half as a 決算短信 names it, "2026年3月期 第2四半期累計" and "当中間期" (in a briefing for the second quarter or the year): the new-user trial\'s 6,415億円 for 6,451億円', () => {
    const half = 'rev_1h: { label: 売上高, value: 645.1, unit: JPY, scale: billion, period: 2026年3月期 第2四半期累計（2025年4～9月）, period_type: half_year, period_end: 2025-09-30, source: 決算短信 }';
    for (const text of ['2026年3月期 第2四半期累計の売上高は6,415億円でした。', '当中間期の売上高は6,415億円でした。']) {
      expect(mismatches('ja', 'JPY', [...ja, half], text, FQ2), text).toEqual([`"6,415億円" is typed into the text as 売上高 for "${text.split('の売上高')[0]}", but rev_1h is JP¥645.1 billion or 6,451億円 (2026年3月期 第2四半期累計（2025年4～9月）)`]);
    }
    expect(mismatches('ja', 'JPY', [...ja, half], '当中間期の売上高は6,415億円でした。', '2026年3月期')).toHaveLength(1);
    // The right figure; nine months (第3四半期累計, no period read); 当中間期 in a briefing for another quarter, which says no half.
    for (const [text, period] of [['2026年3月期 第2四半期累計の売上高は6,451億円でした。', FQ2], ['当中間期の売上高は6,451億円でした。', FQ2], ['2026年3月期 第3四半期累計の売上高は6,415億円でした。', FQ2], ['当中間期の売上高は6,415億円でした。', '2026年3月期 第3四半期']] as const) {
      expect(mismatches('ja', 'JPY', [...ja, half], text, period), text).toEqual([]);
    }
    // In Korean, "2025년 2분기 누적", the first half, as 累計.
    const ko = [quarterly('매출액', 'KRW', 'billion', ['2024년 2분기', '2025년 2분기'], [2790, 3120]), 'rev_h: { label: 매출액, value: 6100, unit: KRW, scale: billion, period: 1H 2025, period_type: half_year, period_end: 2025-06-30, source: Q }'];
    expect(mismatches('ko', 'KRW', ko, '2025년 2분기 누적 매출액은 6조5,000억원이었다.', '2025년 2분기')).toEqual([expect.stringContaining('"6조5,000억원" is typed into the text as 매출액 for "2025년 2분기 누적", but rev_h is')]);
  });

  it('in Chinese and Korean: "本季度", "报告期内", "이번 분기", "당분기"', () => {
    const zh = [quarterly('营收', 'CNY', 'million', ['2024年第三季度', '2025年第三季度'], [236503, 247795])];
    expect(mismatches('zh-Hans', 'CNY', zh, '本季度营收为2,580亿元。', '2025年第三季度')).toEqual(['"2,580亿元" is typed into the text as 营收 for "本季度", but rev@2025-09-30 is RMB 247,795 million or 2,478亿元 (2025年第三季度)']);
    expect(mismatches('zh-Hans', 'CNY', zh, '报告期内，公司营收为2,580亿元。', '2025年第三季度')).toHaveLength(1);
    for (const text of ['上年同期营收为2,300亿元。', '本季度营收目标为2,580亿元。', '本季度云业务营收为580亿元。']) expect(mismatches('zh-Hans', 'CNY', zh, text, '2025年第三季度'), text).toEqual([]);
    const ko = [quarterly('매출액', 'KRW', 'billion', ['2024년 3분기', '2025년 3분기'], [2790, 3120])];
    for (const text of ['이번 분기 매출은 3조3,000억원이었다.', '당분기 매출액은 3조3,000억원이었다.']) expect(mismatches('ko', 'KRW', ko, text, '2025년 3분기'), text).toEqual([expect.stringContaining('"3조3,000억원" is typed into the text as 매출액 for "')]);
    for (const text of ['해당 분기 매출은 3조3,000억원이었다.', '전년 동기 매출은 2조9,000억원이었다.', '이번 분기 국내 매출은 1조3,000억원이었다.']) expect(mismatches('ko', 'KRW', ko, text, '2025년 3분기'), text).toEqual([]);
  });

  it('reads no word of the current period after a word of the year before as the briefing\'s: "去年当季", "前年の当四半期", "작년 이번 분기" (last year\'s same quarter)', () => {
    // Only the briefing's quarter in the canvas: last year's figure has nothing to be compared with.
    const one = (label: string, unit: string, period: string) => `rev: { label: "${label}", value: 247795, unit: ${unit}, scale: million, period: "${period}", period_type: quarter, period_end: 2025-09-30, source: Q }`;
    const zh = [one('营收', 'CNY', '2025年第三季度')];
    for (const text of ['本季度营收为2,478亿元，去年当季营收为2,365亿元。', '上年本季度营收为2,300亿元。', '去年的本季度营收为2,300亿元。', '2025年第三季度营收为2,478亿元，上一年本季度营收为2,365亿元。']) {
      expect(mismatches('zh-Hans', 'CNY', zh, text, '2025年第三季度'), text).toEqual([]);
    }
    // ...while this year's, beside it, is still read.
    expect(mismatches('zh-Hans', 'CNY', zh, '本季度营收为2,580亿元，去年当季营收为2,365亿元。', '2025年第三季度')).toEqual([expect.stringContaining('"2,580亿元" is typed into the text as 营收 for "本季度"')]);
    const ja = [one('売上高', 'JPY', '2026年3月期 第2四半期')];
    for (const text of ['前年の当四半期の売上高は2,365億円でした。', '前期の当四半期の売上高は2,365億円でした。', '当四半期の売上高は2,478億円、前年の当四半期の売上高は2,365億円でした。']) {
      expect(mismatches('ja', 'JPY', ja, text, '2026年3月期 第2四半期'), text).toEqual([]);
    }
    const ko = [one('매출액', 'KRW', '2025년 3분기')];
    for (const text of ['작년 이번 분기 매출은 2,365억원이었습니다.', '지난해 당분기 매출은 2,365억원이었습니다.', '전년 당분기 매출은 2,365억원이었습니다.']) {
      expect(mismatches('ko', 'KRW', ko, text, '2025년 3분기'), text).toEqual([]);
    }
    expect(mismatches('ko', 'KRW', ko, '이번 분기 매출은 2,580억원이었습니다.', '2025년 3분기')).toHaveLength(1);
  });

  it('reads no segment breakdown\'s figure as the company\'s: "セグメント別では、売上高は", "分部", "부문별"', () => {
    const ja = [quarterly('売上高', 'JPY', 'million', ['2025年3月期 第2四半期', '2026年3月期 第2四半期'], [27410, 31245])];
    for (const text of ['当四半期のセグメント別では、売上高は120億円でした。', '当四半期の事業別では、売上高は120億円でした。']) expect(mismatches('ja', 'JPY', ja, text, FQ2), text).toEqual([]);
    expect(mismatches('ja', 'JPY', ja, '当四半期の業績では、売上高は120億円でした。', FQ2)).toHaveLength(1);
    const zh = [quarterly('营收', 'CNY', 'million', ['2024年第三季度', '2025年第三季度'], [236503, 247795])];
    expect(mismatches('zh-Hans', 'CNY', zh, '本季度分部方面，营收为1,200亿元。', '2025年第三季度')).toEqual([]);
    const ko = [quarterly('매출액', 'KRW', 'billion', ['2024년 3분기', '2025년 3분기'], [2790, 3120])];
    expect(mismatches('ko', 'KRW', ko, '이번 분기 부문별로, 매출은 1조2,000억원이었다.', '2025년 3분기')).toEqual([]);
  });
});

describe('typed-mismatch: a change typed in Japanese, Chinese or Korean without a reference beside it', () => {
  // rev gives +14.0% against its figure a year earlier (27,410 to 31,245); op states +22.3%.
  const ja = [quarterly('売上高', 'JPY', 'million', ['2025年3月期 第2四半期', '2026年3月期 第2四半期'], [27410, 31245]), 'op: { label: 営業利益, value: 14210, unit: JPY, scale: million, period: 2026年3月期 第2四半期, period_type: quarter, period_end: 2025-09-30, source: Q, change: { percent: 22.3, basis: 前年同期比 } }'];
  const FQ2 = '2026年3月期 第2四半期';

  it('finds a change after the name or after the figure that is not the stated one: the new-user trial\'s sentences', () => {
    expect(mismatches('ja', 'JPY', ja, '2025年7～9月の営業利益は前年同期比12.0%増となりました。', FQ2)).toEqual(['"12.0%" is typed into the text as the change of 営業利益 for "2025年7～9月", but op states a change of +22.3% 前年同期比 (2026年3月期 第2四半期)']);
    for (const text of [
      '2026年3月期 第2四半期の売上高は前年同期比8.5%増の312億円でした。', '当四半期の売上高は312億円となり、前年同期比8.5%増となりました。', '当四半期の売上高は312億円（前年同期比8.5%増）でした。',
      '当四半期の売上高は前年同期比8.5%の増加となりました。', '当四半期の売上高は前年同期比14.0%減でした。', '当四半期の売上高は14%増、営業利益は前年同期比12.0%増でした。',
      '当四半期の売上高は前年同期比で8.5%増加しました。', '当四半期の売上高は312億円となり、前年同期比で8.5%増加しました。',
    ]) {
      expect(mismatches('ja', 'JPY', ja, text, FQ2), text).toEqual([expect.stringMatching(/^"(?:8\.5|14\.0|12\.0)%" is typed into the text as the change of (?:売上高|営業利益) for "/)]);
    }
  });

  it('leaves alone the right change, a ratio, another basis, plans, the quarters so far, another measure, a sentence naming no period and a change beside a reference', () => {
    for (const text of [
      '当四半期の売上高は前年同期比14%増でした。', '当四半期の売上高は前年同期比14.0%増の312億円でした。', '当四半期の売上高は前年同期比108.5%でした。', '当四半期の売上高は前期比8.5%増でした。',
      '当四半期の売上高は前四半期比8.5%増でした。', '当四半期の売上高は前年同期比8.5%増を計画しています。', '当第2四半期累計の売上高は前年同期比8.5%増でした。', '当四半期の海外売上高は前年同期比8.5%増でした。',
      '当四半期の売上高および営業利益は前年同期比8.5%増でした。', '前年同期の売上高は前年同期比8.5%増でした。', '売上高は前年同期比8.5%増でした。', '当四半期の売上高は前年同期比8.5%増の',
    ]) {
      expect(mismatches('ja', 'JPY', ja, text, FQ2), text).toEqual([]);
    }
  });

  it('in Chinese ("同比增长8.5%") and Korean ("전년 동기 대비 8.5% 증가")', () => {
    // +4.8% (236,503 to 247,795) and +11.8% (2,790 to 3,120) a year on.
    const zh = [quarterly('营收', 'CNY', 'million', ['2024年第三季度', '2025年第三季度'], [236503, 247795])];
    expect(mismatches('zh-Hans', 'CNY', zh, '2025年第三季度营收同比增长8.5%。')).toEqual([expect.stringContaining('"8.5%" is typed into the text as the change of 营收 for "2025年第三季度", but rev@2025-09-30 gives a change of +4.8%')]);
    for (const text of ['本季度营收为2,478亿元，同比增长8.5%。', '2025年第三季度营收较上年同期下降3%。']) expect(mismatches('zh-Hans', 'CNY', zh, text, '2025年第三季度'), text).toHaveLength(1);
    for (const text of ['2025年第三季度营收同比增长4.8%。', '2025年第三季度营收环比增长8.5%。', '2025年第三季度营收目标同比增长8.5%。', '2025年第三季度云业务营收同比增长8.5%。', '2025年第三季度营收同比增长8.5%至']) {
      expect(mismatches('zh-Hans', 'CNY', zh, text), text).toEqual([]);
    }
    const ko = [quarterly('매출액', 'KRW', 'billion', ['3Q24', '3Q25'], [2790, 3120])];
    for (const text of ['3Q25 매출은 전년 동기 대비 8.5% 증가했다.', '3Q25 매출은 3조1,200억원으로 전년 동기 대비 8.5% 증가했다.', '이번 분기 매출액은 전년 대비 8.5% 감소했다.']) {
      expect(mismatches('ko', 'KRW', ko, text, '3Q25'), text).toEqual([expect.stringContaining('"8.5%" is typed into the text as the change of 매출액 for "')]);
    }
    for (const text of ['3Q25 매출은 전년 동기 대비 12% 증가했다.', '3Q25 매출은 전분기 대비 8.5% 증가했다.', '3Q25 매출은 전년 동기 대비 108.5%였다.', '3Q25 국내 매출은 전년 동기 대비 8.5% 증가했다.']) {
      expect(mismatches('ko', 'KRW', ko, text, '3Q25'), text).toEqual([]);
    }
  });
});
