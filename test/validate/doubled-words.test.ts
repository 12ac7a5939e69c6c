/** doubled-words: words beside a reference that it prints itself, which the briefing would print twice. */
import { describe, expect, it } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { checkCanvas } from '../../src/pipeline.ts';

const head = (language = '') => `company: { name: Acme, ticker: ACM, exchange: X, country: Y, sector: S, industry: I }\nbriefing: { period: FY2025, as_of: 2026-02-15, currency: EUR${language ? `, language: ${language}` : ''} }\n`;

const METRICS = `metrics:
  staff: { label: Employees, value: 48350, unit: employees, period: FY2025, source: AR }
  downloads: { label: Downloads, value: 300, unit: downloads, scale: million, qualifier: over, period: FY2025, source: AR }
  revenue: { label: Revenue, value: 39.8, unit: CNY, scale: billion, period: FY2025, source: AR, change: { percent: 34 }, equivalent: { value: 5.6, unit: USD, scale: billion } }
  us: { label: US sales, value: 5.6, unit: USD, scale: million, period: FY2025, source: AR }
  margin: { label: Margin, value: 12.3, unit: percent, qualifier: more_than, period: FY2025, source: AR }
  umsatz: { label: Umsatz, value: 1234.5, unit: EUR, scale: million, period: FY2025, source: AR, change: { percent: 6.3 } }
  jp: { label: Net sales, value: 313, unit: JPY, scale: billion, qualifier: about, period: FY2025, source: AR }
`;

/** A canvas whose one section holds `texts` as paragraphs, and `more` after the blocks (data_notes). */
const canvas = (texts: string[], language = '', more = '') =>
  `${head(language)}${METRICS}blocks:\n  revenue_streams:\n    sections:\n      - title: T\n        content:\n${texts.map((t) => `          - paragraph: "${t}"\n`).join('')}${more}`;

/** The doubled-words findings of a canvas: "line:column message". */
function doubled(texts: string[], language = '', more = ''): string[] {
  return validateWithWarnings(parseCanvas(canvas(texts, language, more), 'c.yaml')).findings.filter((f) => f.rule === 'doubled-words').map((f) => `${f.line}:${f.column} ${f.message}`);
}
const messages = (texts: string[], language = '') => doubled(texts, language).map((f) => f.replace(/^\d+:\d+ /, ''));

describe('doubled-words', () => {
  it('finds a unit word, a qualifier, a basis, a percent sign and a currency the reference prints itself, at the reference', () => {
    expect(doubled(['Acme employed [[staff]] employees.'])).toEqual([
      '16:39 text prints "employed 48,350 employees employees": [[staff]] prints "48,350 employees", "employees" included. Drop "employees" after [[staff]]; if the words are meant, acknowledge the finding',
    ]);
    expect(messages(['Downloads reached over [[downloads]].'])).toEqual([
      'text prints "over over 300 million downloads": [[downloads]] prints "over 300 million downloads", "over" included. Drop "over" before [[downloads]]; if the words are meant, acknowledge the finding',
    ]);
    expect(messages(['Revenue, up [[revenue.change]] YoY, led.', 'Revenue was up [[revenue.change]] YoY.'])).toEqual([
      'text prints "up +34% YoY YoY": [[revenue.change]] prints "+34% YoY", its sign ("+": up) and "YoY" included. Drop "up" before and "YoY" after [[revenue.change]] (or reword the sentence: the sign says which way it moved); if the words are meant, acknowledge the finding',
      'text prints "was up +34% YoY YoY": [[revenue.change]] prints "+34% YoY", its sign ("+": up) and "YoY" included. Drop "YoY" after [[revenue.change]] and reword "was up" before it as "rose [[revenue.change]]" (dropping "up" would leave "was +34% YoY"); if the words are meant, acknowledge the finding',
    ]);
    // Both sides of one reference: one finding.
    expect(messages(['The margin was more than [[margin]]%.'])).toEqual([
      'text prints "more than more than 12.3%%": [[margin]] prints "more than 12.3%", "more than" and "%" included. Drop "more than" before and "%" after [[margin]]; if the words are meant, acknowledge the finding',
    ]);
    expect(messages(['US sales were US$[[us]].'])).toEqual([
      'text prints "US$US$5.6 million": [[us]] prints "US$5.6 million", its currency included. Drop "US$" before [[us]]; if the words are meant, acknowledge the finding',
    ]);
    // Another way of writing what it prints: a currency's sign or name, a scale, "percent", "year on year".
    expect(messages(['Sales: $[[us]].', 'Sales: [[us]] dollars.', 'Revenue of [[revenue.amount]] million.', 'Margin [[margin]] percent.', 'Growth [[revenue.change]] year on year.'])).toEqual([
      'text prints "$US$5.6 million": [[us]] prints "US$5.6 million", its currency included. Drop "$" before [[us]]; if the words are meant, acknowledge the finding',
      'text prints "US$5.6 million dollars": [[us]] prints "US$5.6 million", its currency included. Drop "dollars" after [[us]]; if the words are meant, acknowledge the finding',
      'text prints "of RMB 39.8 billion million": [[revenue.amount]] prints "RMB 39.8 billion", its scale included. Drop "million" after [[revenue.amount]] (or, if the scale is wrong, correct the metric\'s scale); if the words are meant, acknowledge the finding',
      'text prints "Margin more than 12.3% percent": [[margin]] prints "more than 12.3%", "%" included. Drop "percent" after [[margin]]; if the words are meant, acknowledge the finding',
      'text prints "Growth +34% YoY year on year": [[revenue.change]] prints "+34% YoY", "YoY" included. Drop "year on year" after [[revenue.change]]; if the words are meant, acknowledge the finding',
    ]);
    // Two words alike, and a word and its plural alike.
    expect(messages(['[[downloads]] million downloads in total.', 'A staff of [[staff]] employee strong.'])).toEqual([
      'text prints "over 300 million downloads million downloads": [[downloads]] prints "over 300 million downloads", "million downloads" included. Drop "million downloads" after [[downloads]]; if the words are meant, acknowledge the finding',
      'text prints "of 48,350 employees employee": [[staff]] prints "48,350 employees", "employees" included. Drop "employee" after [[staff]]; if the words are meant, acknowledge the finding',
    ]);
  });

  it('reads what the reference prints in briefing.language, as the briefing prints it', () => {
    expect(messages(['Der Umsatz betrug [[umsatz]] €.', 'Umsatz: [[umsatz]] Euro.'], 'de')).toEqual([
      'text prints "betrug 1.234,5\u00a0Mio.\u00a0€ €": [[umsatz]] prints "1.234,5\u00a0Mio.\u00a0€", its currency included. Drop "€" after [[umsatz]]; if the words are meant, acknowledge the finding',
      'text prints "1.234,5\u00a0Mio.\u00a0€ Euro": [[umsatz]] prints "1.234,5\u00a0Mio.\u00a0€", its currency included. Drop "Euro" after [[umsatz]]; if the words are meant, acknowledge the finding',
    ]);
    // In English the same text doubles nothing but the currency's sign, which the figure prints before it.
    expect(messages(['Umsatz: [[umsatz]] Mio.'])).toEqual([]);
  });

  it('finds a scale after a figure that prints one anywhere, with its point, and the currency after it', () => {
    // German figures end in their currency: "1.234,5 Mio. €" then "Mio. €" again, or "Mrd. €", or "Mio." after a colon.
    expect(messages(['Der Umsatz betrug [[umsatz]] Mio. €.', 'Der Umsatz betrug [[umsatz]] Mrd. € im Jahr.', 'Umsatz: [[umsatz]] Mio.'], 'de')).toEqual([
      'text prints "betrug 1.234,5\u00a0Mio.\u00a0€ Mio. €": [[umsatz]] prints "1.234,5\u00a0Mio.\u00a0€", "Mio.\u00a0€" included. Drop "Mio. €" after [[umsatz]]; if the words are meant, acknowledge the finding',
      'text prints "betrug 1.234,5\u00a0Mio.\u00a0€ Mrd. €": [[umsatz]] prints "1.234,5\u00a0Mio.\u00a0€", its scale and its currency included. Drop "Mrd. €" after [[umsatz]] (or, if the scale is wrong, correct the metric\'s scale); if the words are meant, acknowledge the finding',
      'text prints "1.234,5\u00a0Mio.\u00a0€ Mio.": [[umsatz]] prints "1.234,5\u00a0Mio.\u00a0€", its scale included. Drop "Mio." after [[umsatz]] (or, if the scale is wrong, correct the metric\'s scale); if the words are meant, acknowledge the finding',
    ]);
    // A scale inside the figure, before its unit word; a scale and a currency's name.
    expect(messages(['The app passed [[downloads]] million.', 'Revenue was [[revenue.amount]] billion yuan.'])).toEqual([
      'text prints "passed over 300 million downloads million": [[downloads]] prints "over 300 million downloads", its scale included. Drop "million" after [[downloads]] (or, if the scale is wrong, correct the metric\'s scale); if the words are meant, acknowledge the finding',
      'text prints "was RMB 39.8 billion billion yuan": [[revenue.amount]] prints "RMB 39.8 billion", "billion" and its currency included. Drop "billion yuan" after [[revenue.amount]]; if the words are meant, acknowledge the finding',
    ]);
  });

  it('reads Chinese and Japanese, which write no spaces, by the characters right beside the reference', () => {
    expect(messages(['营收为人民币[[revenue.amount]]。', '营收为[[revenue.amount]]亿元。', '营收约[[jp]]左右。', '公司共有[[staff]]名员工。', '全年营收[[revenue.amount]]元，同比增长[[revenue.change]]。'], 'zh-Hans')).toEqual([
      'text prints "人民币RMB 39.8 billion": [[revenue.amount]] prints "RMB 39.8 billion", its currency included. Drop "人民币" before [[revenue.amount]]; if the words are meant, acknowledge the finding',
      'text prints "营收为RMB 39.8 billion亿元": [[revenue.amount]] prints "RMB 39.8 billion", its scale and its currency included. Drop "亿元" after [[revenue.amount]] (or, if the scale is wrong, correct the metric\'s scale); if the words are meant, acknowledge the finding',
      'text prints "约about JP¥313 billion左右": [[jp]] prints "about JP¥313 billion", "about" included. Drop "约" before and "左右" after [[jp]]; if the words are meant, acknowledge the finding',
      'text prints "公司共有48,350 employees名员工": [[staff]] prints "48,350 employees", "employees" included. Drop "名员工" after [[staff]]; if the words are meant, acknowledge the finding',
      'text prints "全年营收RMB 39.8 billion元": [[revenue.amount]] prints "RMB 39.8 billion", its currency included. Drop "元" after [[revenue.amount]]; if the words are meant, acknowledge the finding',
    ]);
    expect(messages(['売上高は約[[jp]]億円となった。', '売上高は[[jp]]円。'], 'ja')).toEqual([
      'text prints "約about JP¥313 billion億円": [[jp]] prints "about JP¥313 billion", "about", its scale and its currency included. Drop "約" before and "億円" after [[jp]] (or, if the scale is wrong, correct the metric\'s scale); if the words are meant, acknowledge the finding',
      'text prints "売上高はabout JP¥313 billion円": [[jp]] prints "about JP¥313 billion", its currency included. Drop "円" after [[jp]]; if the words are meant, acknowledge the finding',
    ]);
    // Ordinary text beside a figure: a measure's name, a verb, punctuation; words that only end or start in a qualifier or counter.
    expect(messages([
      '营收为[[revenue.amount]]，同比增长[[revenue.change]]。', '营收[[revenue.amount]]', '公司节约[[jp]]成本。', '下载量[[downloads]]超过预期。',
      '员工[[staff]]人均创收可观。', '员工人数为[[staff]]。', '营收达[[revenue]]，稳步增长。',
      // A name that starts with a scale's character: Wanda, Vanke, Mondelez; Marriott's in Traditional Chinese, Chiyoda's in Japanese.
      '营收[[revenue.amount]]万达集团贡献最多。', '营收[[revenue.amount]]万科居首。', '营收[[revenue.amount]]亿滋次之。', '营收[[revenue]]万达集团贡献最多。',
      '營收[[revenue.amount]]萬豪居首。', '売上高[[jp]]千代田化工建設が続く。',
    ], 'zh-Hans')).toEqual([]);
    // Any other character after a scale's is read as the scale doubled: "RMB 39.8 billion亿同比…" invites a 10⁸ misreading.
    expect(messages(['本季度营收为[[revenue]]亿同比增长。', '营收[[revenue.amount]]万同比增长。', '用户[[downloads]]万用户。'], 'zh-Hans').map((m) => m.split(':')[0])).toEqual([
      'text prints "本季度营收为RMB 39.8 billion (US$5.6 billion)亿"', 'text prints "营收RMB 39.8 billion万"', 'text prints "用户over 300 million downloads万"',
    ]);
    // The same characters as a scale: before a currency, a counter, a qualifier, a mark, or at the end.
    expect(messages(['营收[[revenue.amount]]万元。', '营收[[revenue.amount]]万美元。', '营收[[revenue.amount]]亿，同比增长。', '营收[[revenue.amount]]亿', '下载[[downloads]]万次。', '营收[[jp]]億円。'], 'zh-Hans').map((m) => m.split(':')[0])).toEqual([
      'text prints "营收RMB 39.8 billion万元"', 'text prints "营收RMB 39.8 billion万美元"', 'text prints "营收RMB 39.8 billion亿"', 'text prints "营收RMB 39.8 billion亿"',
      'text prints "下载over 300 million downloads万"', 'text prints "营收about JP¥313 billion億円"',
    ]);
    expect(messages(['売上高は[[revenue.amount]]となり、前年を上回った。', '当社の従業員数は[[staff]]です。'], 'ja')).toEqual([]);
  });

  it('finds an adverb saying which way a change moved right before one that prints its sign that way: ", up +6.3% YoY"', () => {
    const changes = 'metrics:\n  fall: { label: Profit, value: 9.1, unit: CNY, scale: billion, period: FY2025, source: AR, change: { percent: -12 } }\n  pp: { label: Margin, value: 12.3, unit: percent, period: FY2025, source: AR, change: { points: 1.2 } }\n';
    // After a mark: dropping the word leaves ", +34% YoY", "(+34% YoY)".
    expect(messages(['Revenue was [[revenue]], up [[revenue.change]].', 'Revenue (up [[revenue.change]]) led.', 'Revenue reached [[revenue]], up by [[revenue.change]].'])).toEqual([
      'text prints "up +34% YoY": [[revenue.change]] prints "+34% YoY", its sign ("+": up) included. Drop "up" before [[revenue.change]] (or reword the sentence: the sign says which way it moved); if the words are meant, acknowledge the finding',
      'text prints "up +34% YoY": [[revenue.change]] prints "+34% YoY", its sign ("+": up) included. Drop "up" before [[revenue.change]] (or reword the sentence: the sign says which way it moved); if the words are meant, acknowledge the finding',
      'text prints "up by +34% YoY": [[revenue.change]] prints "+34% YoY", its sign ("+": up) included. Drop "up by" before [[revenue.change]] (or reword the sentence: the sign says which way it moved); if the words are meant, acknowledge the finding',
    ]);
    // After "was": dropping "up" would leave "was +34% YoY", so a verb in its tense instead.
    expect(messages(['Revenue was up [[revenue.change]] in the year.', 'Revenue is up [[revenue.change]] in the year.'])).toEqual([
      'text prints "was up +34% YoY in": [[revenue.change]] prints "+34% YoY", its sign ("+": up) included. Reword "was up" before [[revenue.change]] as "rose [[revenue.change]]" (dropping "up" would leave "was +34% YoY"); if the words are meant, acknowledge the finding',
      'text prints "is up +34% YoY in": [[revenue.change]] prints "+34% YoY", its sign ("+": up) included. Reword "is up" before [[revenue.change]] as "has risen [[revenue.change]]" (dropping "up" would leave "is +34% YoY"); if the words are meant, acknowledge the finding',
    ]);
    // A fall said twice, in points too.
    const more = (texts: string[], language = '') => validateWithWarnings(parseCanvas(canvas(texts, language).replace('metrics:\n', changes), 'c.yaml')).findings.filter((f) => f.rule === 'doubled-words').map((f) => f.message.split(' included')[0]);
    expect(more(['Profit was [[fall]], down [[fall.change]].', 'Profit was down [[fall.change]] in the year.', 'The margin (up [[pp.change]]) held.', 'Profit (lower [[fall.change]]) held.'])).toEqual([
      'text prints "down \u221212% YoY": [[fall.change]] prints "\u221212% YoY", its sign ("\u2212": down)',
      'text prints "was down \u221212% YoY in": [[fall.change]] prints "\u221212% YoY", its sign ("\u2212": down)',
      'text prints "up +1.2 pp YoY": [[pp.change]] prints "+1.2 pp YoY", its sign ("+": up)',
      'text prints "lower \u221212% YoY": [[fall.change]] prints "\u221212% YoY", its sign ("\u2212": down)',
    ]);
    // Verbs and nouns read well with a sign (growth may be negative): dropping them would break the sentence. So does the
    // adverb after any other word ("went up", a headline's "Revenue up ... to").
    expect(messages([
      'Revenue growth of [[revenue.change]] beat the plan.', 'Revenue rose by [[revenue.change]] to [[revenue]].', 'Revenue grew [[revenue.change]] in the quarter.',
      'Revenue rose [[revenue.change]].', 'Revenue increased by [[revenue.change]] in the year.', 'An increase of [[revenue.change]] led.', 'Revenue went up [[revenue.change]] in the year.', 'Revenue up [[revenue.change]] to [[revenue]].',
    ])).toEqual([]);
    expect(more(['Profit fell [[fall.change]] in the year.', 'A decline of [[fall.change]] hurt.'])).toEqual([]);
    expect(messages(['Der Umsatz stieg um [[umsatz.change]] auf [[umsatz]].', 'Das Wachstum von [[umsatz.change]] übertraf den Plan.', 'Der Umsatz ist um [[umsatz.change]] gestiegen.', 'Der Umsatz verzeichnete ein Plus von [[umsatz.change]].'], 'de')).toEqual([]);
    // Words saying the other way are change-direction's; no direction, a change in words only, or one rounded to nothing: nothing here.
    expect(more(['Profit, up [[fall.change]], held.', 'Revenue was [[revenue.change]] in the year.', 'The setup [[revenue.change]] in the year.'])).toEqual([]);
  });

  it('reads words that say what a count\'s unit or a qualifier prints as the same: "people" of employees, "around" of about', () => {
    expect(messages(['Acme employed [[staff]] people.', 'Acme had [[staff]] staff.', 'Sales were around [[jp]] in FY2025.', 'Sales were approximately [[jp]] in FY2025.'])).toEqual([
      'text prints "employed 48,350 employees people": [[staff]] prints "48,350 employees", "employees" included. Drop "people" after [[staff]]; if the words are meant, acknowledge the finding',
      'text prints "had 48,350 employees staff": [[staff]] prints "48,350 employees", "employees" included. Drop "staff" after [[staff]]; if the words are meant, acknowledge the finding',
      'text prints "around about JP¥313 billion in": [[jp]] prints "about JP¥313 billion", "about" included. Drop "around" before [[jp]]; if the words are meant, acknowledge the finding',
      'text prints "approximately about JP¥313 billion in": [[jp]] prints "about JP¥313 billion", "about" included. Drop "approximately" before [[jp]]; if the words are meant, acknowledge the finding',
    ]);
    // Every way English and German write it: "c.", "ca.", "approx.", "circa"; "rund", "etwa", "ungefähr", "zirka".
    expect(messages(['Sales were c. [[jp]] in FY2025.', 'Sales were ca. [[jp]] in FY2025.', 'Sales were approx. [[jp]] in FY2025.', 'Sales were circa [[jp]] in FY2025.']).map((m) => m.split(' included')[0])).toEqual(
      ['c.', 'ca.', 'approx.', 'circa'].map((w) => `text prints "${w} about JP¥313 billion in": [[jp]] prints "about JP¥313 billion", "about"`),
    );
    expect(messages(['Umsatz ca. [[jp]] im Jahr.', 'Umsatz rund [[jp]] im Jahr.', 'Umsatz etwa [[jp]] im Jahr.', 'Umsatz ungefähr [[jp]] im Jahr.', 'Umsatz zirka [[jp]] im Jahr.'], 'de').map((m) => m.split(' included')[0])).toEqual(
      ['ca.', 'rund', 'etwa', 'ungefähr', 'zirka'].map((w) => `text prints "${w} about 313\u00a0Mrd.\u00a0JP¥ im": [[jp]] prints "about 313\u00a0Mrd.\u00a0JP¥", "about"`),
    );
    // Beside a figure that prints no qualifier, they are the writer's own.
    expect(messages(['Umsatz rund [[umsatz]] im Jahr.', 'Sales c. [[us]] in FY2025.'], 'de')).toEqual([]);
  });

  it('says nothing of other words, of words past a mark, or of a reference at the start or end of its text', () => {
    expect(messages([
      'Acme had [[staff]] on its payroll and [[downloads]] installs; users grew [[revenue.change]] on the year.',
      'Headcount: [[staff]]. Employees were happy.', // a sentence's end between them
      '[[staff]]', '[[downloads]] of the app', 'Over the year, [[downloads]]', // nothing on the other side
      'Margin about [[margin]] in FY2025; US sales [[us]] (up), [[us]] real growth.',
      'Sales in US dollars: [[us]].',
    ])).toEqual([]);
  });

  it('can be acknowledged, as other findings are', () => {
    const ack = 'data_notes:\n  acknowledged:\n    - { rule: doubled-words, metrics: [staff], reason: The quote is verbatim. }\n';
    const found = validateWithWarnings(parseCanvas(canvas(['Acme employed [[staff]] employees.'], '', ack), 'c.yaml')).findings;
    expect(found.filter((f) => f.rule === 'doubled-words').map((f) => [f.rule, f.acknowledged])).toEqual([['doubled-words', 'The quote is verbatim.']]);
  });

  it('quotes what the briefing prints there, word for word', async () => {
    for (const [text, language] of [
      ['Acme employed [[staff]] employees.', ''], ['The margin was more than [[margin]]%.', ''], ['Der Umsatz betrug [[umsatz]] €.', 'de'], ['Der Umsatz betrug [[umsatz]] Mrd. €.', 'de'],
      ['营收为人民币[[revenue.amount]]亿元。', 'zh-Hans'], ['売上高は約[[jp]]億円。', 'ja'],
    ] as const) {
      const checked = await checkCanvas('c.yaml', {}, canvas([text], language));
      const quoted = /^text prints "(.*?)": /.exec(checked.findings.find((f) => f.rule === 'doubled-words')!.message)![1]!;
      expect(printedTexts(checked.models[0])).toContainEqual(expect.stringContaining(quoted));
    }
  });
});

/** Every text of a briefing model that is printed from pieces (a paragraph's RichText), joined. */
function printedTexts(model: unknown): string[] {
  if (Array.isArray(model)) {
    const pieces = model.every((p) => p !== null && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string');
    return pieces && model.length > 0 ? [model.map((p: { text: string }) => p.text).join('')] : model.flatMap(printedTexts);
  }
  return model !== null && typeof model === 'object' ? Object.values(model).flatMap(printedTexts) : [];
}
