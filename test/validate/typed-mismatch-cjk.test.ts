/** typed-mismatch in Japanese, Chinese and Korean canvases: a wrong figure typed right after a measure's name, joined as those languages join it. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';

const HEAD = (language: string, currency: string) => `company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: Q3 2025, as_of: 2025-11-14, currency: ${currency}, language: ${language} }\n`;

/** The typed-mismatch findings (message up to ": the text") of a canvas in `language` with `metrics`, whose paragraph says `text` beside a reference to `rev`. */
const mismatches = (language: string, currency: string, metrics: string[], text: string) =>
  validateWithWarnings(parseCanvas(`${HEAD(language, currency)}metrics:\n${metrics.map((m) => `  ${m}\n`).join('')}blocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n          - paragraph: '${text.replaceAll("'", "''")} [[rev]]。'\n`, 'c.yaml'))
    .findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.message.split(': the text')[0]);

/** A quarterly series `rev` (Q3 2024 and Q3 2025 by their period_end), labelled `label`. */
const quarterly = (label: string, unit: string, scale: string, [p24, p25]: [string, string], [v24, v25]: [number, number]) =>
  `rev: { label: "${label}", unit: ${unit}, scale: ${scale}, period_type: quarter, source: Q, values: [{ value: ${v24}, period: "${p24}", period_end: 2024-09-30 }, { value: ${v25}, period: "${p25}", period_end: 2025-09-30 }] }`;
const margin = (label: string) => `margin: { label: "${label}", unit: percent, period_type: quarter, source: Q, values: [{ value: 11.0, period: "3Q24", period_end: 2024-09-30 }, { value: 12.5, period: "3Q25", period_end: 2025-09-30 }] }`;

describe('typed-mismatch in Japanese', () => {
  const ja = [quarterly('売上高', 'JPY', 'million', ['2025年3月期 第2四半期', '2026年3月期 第2四半期'], [27410, 31245]), margin('営業利益率')];
  const en = [quarterly('Revenue', 'JPY', 'million', ['Q2 FY3/25', 'Q2 FY3/26'], [27410, 31245])];

  it('finds a wrong amount typed after the measure\'s name in a sentence that names its period: the new-user trial\'s two sentences', () => {
    expect(mismatches('ja', 'JPY', ja, '2026年3月期 第2四半期の売上高は315億円でした。')).toEqual(['"315億円" is typed into the text as 売上高 for "2026年3月期 第2四半期", but rev@2025-09-30 is JP¥31,245 million (2026年3月期 第2四半期)']);
    expect(mismatches('ja', 'JPY', ja, '売上高は31,500百万円(2026年3月期 第2四半期)でした。')).toEqual(['"31,500百万円" is typed into the text as 売上高 for "2026年3月期 第2四半期", but rev@2025-09-30 is JP¥31,245 million (2026年3月期 第2四半期)']);
  });

  it('reads the joins Japanese writes, the period before the name, and the usual word for an English label', () => {
    for (const text of [
      '2026年3月期 第2四半期の売上高が315億円となりました。', '2026年3月期 第2四半期、売上高は315億円でした。', '2026年3月期第2四半期の売上高は前年同期比15%増の315億円でした。',
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
  });
});

describe('typed-mismatch in Chinese', () => {
  const zh = [quarterly('营收', 'CNY', 'million', ['2024年第三季度', '2025年第三季度'], [236503, 247795])];
  const en = [quarterly('Revenue', 'CNY', 'million', ['Q3 2024', 'Q3 2025'], [236503, 247795])];

  it('finds a wrong amount typed after the measure\'s name: "营收为", "营业收入为", "收入达", "营收达到", "实现营收", "营收同比增长20%至"', () => {
    expect(mismatches('zh-Hans', 'CNY', zh, '2025年第三季度营收为2,580亿元。')).toEqual(['"2,580亿元" is typed into the text as 营收 for "2025年第三季度", but rev@2025-09-30 is RMB 247,795 million (2025年第三季度)']);
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
    expect(mismatches('ko', 'KRW', ko, '3Q25 매출액은 3조3,000억원이었다.')).toEqual(['"3조3,000억원" is typed into the text as 매출액 for "3Q25", but rev@2025-09-30 is ₩3,120 billion (3Q25)']);
    for (const text of ['3Q25 매출은 3조3,000억원이었다.', '3Q25 매출이 3조3,000억원을 기록했다.', '3Q25 매출은 전년 동기 대비 18% 증가한 3조3,000억원이었다.']) {
      expect(mismatches('ko', 'KRW', en, text), text).toHaveLength(1);
    }
  });

  it('reads the period as Korean writes it: "2025년 3분기", "2025년 3/4분기", "3분기 2025", "2025년 제3분기"', () => {
    const written = [quarterly('매출액', 'KRW', 'billion', ['2024년 3분기', '2025년 3분기'], [2790, 3120])];
    expect(mismatches('ko', 'KRW', written, '2025년 3분기 매출액은 3조3,000억원이었다.')).toEqual(['"3조3,000억원" is typed into the text as 매출액 for "2025년 3분기", but rev@2025-09-30 is ₩3,120 billion (2025년 3분기)']);
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
