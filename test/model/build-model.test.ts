import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { nordwindCanvas } from '../support/fixtures.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { createRenderer } from '../../src/render/render-html.ts';
import type { Metric } from '../../src/validate/schema.ts';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import type { KeyPath } from '../../src/canvas/key-path.ts';
import { buildMetricTable, buildPeriods, buildRegister, buildTable } from '../../src/model/tables.ts';
import type { BriefingModel, TableModel } from '../../src/model/briefing-model.ts';

const nordwind = nordwindCanvas;
const text = (rich: Array<{ text: string }>) => rich.map((p) => p.text).join('');

describe('buildModel', () => {
  it('orders chapters in canvas order, numbers sections and lists them in the contents', () => {
    const model = buildModel(nordwind(), { name: 'nordwind', setKey: 'full' });
    expect(model.chapters.map((c) => c.title)).toEqual(['Key Partnerships', 'Key Resources', 'Cost Structure', 'Revenue Streams']);
    expect(model.chapters[3].sections[0].number).toBe('4.1');
    expect(model.toc.map((e) => e.label)).toEqual([
      'Key figures', 'Key Partnerships', 'Turbine suppliers', 'Key Resources', 'Generation fleet', 'Cost Structure', 'Operating costs', 'Revenue Streams', 'Power sales', 'Data notes',
      'Where sources disagree', 'Sources', 'As-of dates', 'Figure register', // no glossary in this canvas
      'Important information', 'Disclaimer', 'Forward-looking statements',
    ]);
  });

  it('numbers chapters beyond the nine blocks on after them, and a block set picks them by id like a block', () => {
    const canvas = nordwind();
    canvas.chapters = {
      outlook: { title: 'Outlook', lead: 'Guidance for [[revenue_fy25]].', sections: [{ title: 'Guidance', content: [{ paragraph: 'Growth with the market.' }] }] },
      risks: { title: 'Risks', sections: [{ title: 'Prices', content: [{ bullets: ['Power prices fall.'] }] }] },
    };
    const model = buildModel(canvas, { name: 'nordwind', setKey: 'full' });
    expect(model.chapters.map((c) => `${c.number} ${c.title}`)).toEqual(['1 Key Partnerships', '2 Key Resources', '3 Cost Structure', '4 Revenue Streams', '5 Outlook', '6 Risks']);
    expect(model.chapters[4]).toMatchObject({ key: 'outlook', anchor: 'ch-outlook', sections: [{ number: '5.1', title: 'Guidance' }] });
    canvas.block_sets = { outlook: { title: 'Outlook', blocks: ['revenue_streams', 'risks'] } };
    expect(buildModel(canvas, { name: 'nordwind', setKey: 'outlook' }).chapters.map((c) => `${c.number} ${c.title}`)).toEqual(['4 Revenue Streams', '6 Risks']);
  });

  it('gives a native name to print under the company\'s name only where it is another name: a Japanese company named in Japanese has none', () => {
    const named = (name: string, native: string) => buildModel({ ...nordwind(), company: { ...nordwind().company, name, native_name: native, country: 'Japan' } }, { name: 'sakura', setKey: 'full' }).company;
    expect(named('Sakura Robotics K.K.', 'さくらロボティクス株式会社')).toMatchObject({ nativeName: 'さくらロボティクス株式会社', nameLang: 'ja', nativeLang: 'ja' });
    expect(named('さくらロボティクス株式会社', 'さくらロボティクス株式会社')).toMatchObject({ nativeName: undefined, nameLang: 'ja', nativeLang: 'ja' });
  });

  it('labels charts in the face of the briefing\'s language where it is Chinese, Japanese or Korean, else in the company\'s', () => {
    const chartLangs = (language: string | undefined, country: string) => buildModel({ ...nordwind(), company: { ...nordwind().company, country }, briefing: { ...nordwind().briefing, language } }, { name: 'n', setKey: 'full' }).charts.map((c) => c.lang).filter((l, i, all) => all.indexOf(l) === i);
    expect(chartLangs('ja', 'China')).toEqual(['ja']); // a Japanese briefing on a Chinese company
    expect(chartLangs('zh-Hant', 'Japan')).toEqual(['zh-Hant']);
    expect(chartLangs('en', 'Japan')).toEqual(['ja']); // an English briefing: the company's
    expect(chartLangs('de', 'China')).toEqual(['zh-Hans']);
    expect(chartLangs(undefined, 'South Korea')).toEqual(['ko']);
  });

  it('prints the standard disclaimer and forward-looking notice, dated, unless the canvas gives its own wording', () => {
    const canvas = nordwind();
    const standard = buildModel(canvas, { name: 'nordwind', setKey: 'full' }).notices;
    expect(standard.disclaimer).toMatch(/^This briefing is provided for information only\. It is not an offer/);
    expect(standard.forwardLooking).toContain('expectations as of 15 Feb 2026');
    canvas.briefing = { ...canvas.briefing, disclaimer: 'Our words.', forward_looking: 'Our notice.', confidentiality: 'Confidential', prepared_for: 'For the board' };
    const own = buildModel(canvas, { name: 'nordwind', setKey: 'full' });
    expect(own.notices).toMatchObject({ disclaimer: 'Our words.', forwardLooking: 'Our notice.' });
    expect([own.confidentiality, own.cover.preparedFor]).toEqual(['Confidential', 'For the board']);
  });

  it('resolves [[references]] in prose to formatted figures', () => {
    const model = buildModel(nordwind(), { name: 'nordwind', setKey: 'full' });
    const para = model.chapters[3].sections[0].items[0];
    expect(para.kind).toBe('paragraph');
    expect(text((para as { text: Array<{ text: string }> }).text)).toBe('Revenue reached €1,234.5 million (+8.2% YoY), while the net result was \u2212€42.7 million.');
  });

  it('prints negative figures in parentheses when the theme says so, everywhere a figure is written, numbers kept negative', () => {
    const { minusNotation, ...model } = buildModel(nordwind(), { name: 'nordwind', setKey: 'full', negatives: 'parentheses' });
    expect(JSON.stringify(model)).not.toContain('\u2212');
    // The same briefing as printed without the theme, beside it: its figures and words, whose hash is its content.
    expect(minusNotation).toEqual(buildModel(nordwind(), { name: 'nordwind', setKey: 'full' }));
    expect(text((model.chapters[3].sections[0].items[0] as { text: Array<{ text: string }> }).text)).toBe('Revenue reached €1,234.5 million (+8.2% YoY), while the net result was (€42.7 million).');
    // A figure the prose puts in brackets itself keeps its minus sign: no double brackets.
    const canvas = nordwind();
    canvas.blocks.revenue_streams!.sections[0].content[0] = { paragraph: 'The net result ([[net_income_fy25.change]]) was [[net_income_fy25]].' };
    const bracketed = buildModel(canvas, { name: 'nordwind', setKey: 'full', negatives: 'parentheses' });
    expect(text((bracketed.chapters[3].sections[0].items[0] as { text: Array<{ text: string }> }).text)).toBe('The net result (\u2212140% YoY) was (€42.7 million).');
    expect(model.keyFigures.find((k) => k.label === 'Net income')).toMatchObject({ value: '(€42.7 million)', change: '(140%) YoY' });
    expect(model.charts.every((c) => c.negatives === 'parentheses')).toBe(true);
    // An equivalent, which this file brackets itself, keeps its minus sign there: "(€42.7 million) (−US$46.1 million)".
    const withEquivalent = nordwind();
    withEquivalent.metrics.net_income_fy25 = { ...withEquivalent.metrics.net_income_fy25!, equivalent: { value: -46.1, unit: 'USD', scale: 'million' } } as typeof withEquivalent.metrics.net_income_fy25;
    expect(buildModel(withEquivalent, { name: 'nordwind', setKey: 'full', negatives: 'parentheses' }).keyFigures.find((k) => k.label === 'Net income')!.value)
      .toBe('(€42.7 million) (\u2212US$46.1 million)');
    expect(buildModel(nordwind(), { name: 'nordwind', setKey: 'full' }).keyFigures.find((k) => k.label === 'Net income')!.value).toBe('\u2212€42.7 million');
  });

  it("leaves the canvas's own words as written when it prints negatives in parentheses: only figures are rewritten", () => {
    const canvas = nordwind();
    canvas.blocks.revenue_streams!.sections[0].content[0] = { paragraph: 'Over 2024\u22122025 margins moved \u22125% while the net result was [[net_income_fy25]].' };
    const model = buildModel(canvas, { name: 'nordwind', setKey: 'full', negatives: 'parentheses' });
    expect(text((model.chapters[3].sections[0].items[0] as { text: Array<{ text: string }> }).text)).toBe('Over 2024\u22122025 margins moved \u22125% while the net result was (€42.7 million).');
  });

  it('capitalises prose that opens with a figure', () => {
    const canvas = nordwind();
    canvas.blocks.revenue_streams!.sections[0].content[2] = { bullets: ['[[capacity_gw]] installed across three countries.'] };
    const item = buildModel(canvas, { name: 'n', setKey: 'full' }).chapters[3].sections[0].items[2] as { items: Array<Array<{ text: string }>> };
    expect(text(item.items[0])).toBe('Approx. 3.4 GW installed across three countries.');
  });

  it('narrows to a block set by blocks and section tags, and names the PDF after it', () => {
    const canvas = nordwind();
    canvas.blocks.revenue_streams!.sections[0].tags = ['finance'];
    canvas.block_sets = { finance: { title: 'Finance', tags: ['finance'] } };
    const model = buildModel(canvas, { name: 'nordwind', setKey: 'finance' });
    expect(model.name).toBe('nordwind--finance');
    expect(model.chapters.map((c) => c.title)).toEqual(['Revenue Streams']);
    expect([model.chapters[0].number, model.chapters[0].sections[0].number]).toEqual([4, '4.1']); // as in the full briefing
    expect(model.appendix.register.rows.map((r) => text(r[0].text))).not.toContain('Turbines in operation');
  });

  it('does not call rounding or approximation a contradiction', () => {
    const canvas = nordwind();
    canvas.metrics.revenue_fy25.concept = 'revenue';
    canvas.metrics.rounded = { ...canvas.metrics.revenue_fy25, value: 1.23, scale: 'billion' };
    canvas.metrics.about = { ...canvas.metrics.revenue_fy25, value: 1.3, scale: 'billion', qualifier: 'about' };
    canvas.metrics.over = { ...canvas.metrics.revenue_fy25, value: 1.2, scale: 'billion', qualifier: 'over' };
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions).toEqual([]);
    canvas.metrics.nearly = { ...canvas.metrics.revenue_fy25, value: 1.1, scale: 'billion', qualifier: 'nearly', change: undefined }; // (its stated change would not fit it either)
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions).toHaveLength(1); // nearly 1.1 bn excludes 1,234.5 m
  });

  it('compares figures only for the same kind of period, at the precision the canvas states', () => {
    const canvas = nordwind();
    canvas.metrics.revenue_fy25.concept = 'revenue';
    canvas.metrics.revenue_fy25.period_type = 'fiscal_year';
    canvas.metrics.revenue_q4 = { ...canvas.metrics.revenue_fy25, value: 320.5, period_type: 'quarter', period: 'Q4 2025' };
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions).toEqual([]); // a quarter ending the same day is not the year
    canvas.metrics.revenue_fy25.decimals = 2; // 1,234.50: the source is exact to the cent
    canvas.metrics.revenue_fy25_b = { ...canvas.metrics.revenue_fy25, value: 1234.54 };
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions).toHaveLength(1);
  });

  it('prints bare numbers in tables as written: a year is not 2,024', () => {
    const canvas = nordwind();
    canvas.blocks.cost_structure!.sections[0].content[0] = { table: { columns: ['Year', 'Note'], rows: [[2024, 'Impairment']] } };
    const table = buildModel(canvas, { name: 'n', setKey: 'full' }).chapters[2].sections[0].items[0] as { table: { rows: Array<Array<{ text: Array<{ text: string }> }>> } };
    expect(text(table.table.rows[0][0].text)).toBe('2024');
  });

  it('keeps a metric table\'s short periods on one line ("Q3 / 2025" read as two), and lets long ones wrap', () => {
    const m = (period: string) => ({ label: 'Revenue', value: 1, unit: 'EUR', period, source: 'S' });
    const period = (periods: string[]) => buildMetricTable({ rows: periods.map((_, i) => `m${i}`) }, Object.fromEntries(periods.map((p, i) => [`m${i}`, m(p)])), new Set()).columns.find((c) => c.label === 'Period')!.nowrap;
    expect(period(['Q3 2025', 'FY2025', 'H1 2025'])).toBe(true);
    // As other languages write a year or a day: "Exercice 2024", "30 sept. 2025", "September 2025" (wrapped in two).
    expect(period(['Exercice 2024', '30 sept. 2025', 'September 2025'])).toBe(true);
    expect(period(['Q3 2025', 'Q2 FY2025 (Jul-Sep 2025)'])).toBe(false);
    expect(period(['1º semestre de 2025'])).toBe(false);
    // Each cell of the column carries it: the table prints a cell's class, not its column's.
    const table = buildMetricTable({ rows: ['m0'] }, { m0: m('Q3 2025') }, new Set());
    expect(table.rows[0]!.map((c) => Boolean(c.nowrap))).toEqual([false, false, true]);
  });

  it('lists figures quoted only in a block set\'s summary in that set\'s register', () => {
    const canvas = nordwind();
    canvas.blocks.revenue_streams!.sections[0].tags = ['finance'];
    canvas.block_sets = { finance: { title: 'Finance', tags: ['finance'], summary: 'The fleet runs [[turbines]].' } };
    const model = buildModel(canvas, { name: 'n', setKey: 'finance' });
    expect(model.appendix.register.rows.map((r) => text(r[0].text))).toContain('Turbines in operation');
  });

  it('lists in a block set\'s register each figure of a contradiction the set shows, the ones its chapters do not use too', () => {
    const canvas = nordwind();
    canvas.blocks.revenue_streams!.sections[0].tags = ['finance'];
    canvas.block_sets = { finance: { title: 'Finance', tags: ['finance'] } };
    canvas.metrics.revenue_fy25_press = { ...canvas.metrics.revenue_fy25, label: 'Revenue (press release)', value: 1243.5, source: 'Press release' };
    canvas.data_notes = { contradictions: [{ title: 'Revenue differs', metrics: ['revenue_fy25', 'revenue_fy25_press'], note: 'Press release rounds differently.' }] };
    const model = buildModel(canvas, { name: 'n', setKey: 'finance' });
    expect(model.appendix.contradictions.map((c) => c.metrics)).toEqual([['revenue_fy25', 'revenue_fy25_press']]);
    // A contradiction the canvas declares is the source's: the card links to it, not marked as found by canvas-briefing.
    expect(model.keyFigures.find((k) => k.label === 'Revenue' && k.period === 'FY2025')).toMatchObject({ disputed: model.appendix.contradictions[0].anchor });
    expect(model.keyFigures.every((k) => k.detected === undefined)).toBe(true);
    const listed = model.appendix.register.rows.map((r) => text(r[0].text));
    expect(listed).toContain('Revenue (press release)');
    expect(listed).not.toContain('Turbines in operation');
  });

  it('names where the briefing prints a text with a figure typed wrong (typed-mismatch), and lists none it does not print', () => {
    const canvas = nordwind();
    canvas.briefing.summary = 'A year of growth.';
    canvas.block_sets = { costs: { title: 'Costs', blocks: ['cost_structure'], summary: 'Costs held.' }, plain: { title: 'Plain', blocks: ['key_resources'] } };
    const at = (setKey: string, path: KeyPath) => buildModel(canvas, { name: 'n', setKey, typed: [{ metrics: ['revenue_fy25'], typed: '€1.3 billion', path }] })
      .appendix.contradictions.filter((c) => c.title.endsWith('a figure typed in the text')).map((c) => /^Found by canvas-briefing: (.*) types €1\.3 billion into its text as Revenue for FY2025, where the canvas's figure is €1,234\.5 million\./.exec(c.note)?.[1] ?? c.note);
    expect(at('full', ['blocks', 'key_resources', 'lead'])).toEqual(['the opening of chapter 2 (Key Resources)']);
    expect(at('full', ['blocks', 'revenue_streams', 'sections', 0, 'content', 0, 'paragraph'])).toEqual(['section 4.1 (Power sales)']);
    expect(at('full', ['blocks', 'revenue_streams', 'sections', 3, 'content', 0, 'paragraph'])).toEqual([]); // no such section
    expect(at('costs', ['blocks', 'revenue_streams', 'sections', 0, 'content', 0, 'paragraph'])).toEqual([]); // not in this set
    // The summary a briefing prints: the canvas's, or its set's own instead.
    expect(at('full', ['briefing', 'summary'])).toEqual(['the summary']);
    expect(at('plain', ['briefing', 'summary'])).toEqual(['the summary']);
    expect(at('costs', ['briefing', 'summary'])).toEqual([]);
    expect(at('costs', ['block_sets', 'costs', 'summary'])).toEqual(['the summary']);
    expect(at('full', ['block_sets', 'costs', 'summary'])).toEqual([]);
    // A chart's caption: as the figure the chart is first (the key chart's number where it is one); none where it is not shown.
    expect(at('full', ['charts', 'revenue_trend', 'caption'])).toEqual(['the caption of figure 1 (Revenue by fiscal year)']);
    expect(at('plain', ['charts', 'revenue_trend', 'caption'])).toEqual([]); // none of its sections shows it, so no key chart either
    canvas.block_sets.plain!.key_charts = ['revenue_trend'];
    expect(at('plain', ['charts', 'revenue_trend', 'caption'])).toEqual(['the caption of figure 1 (Revenue by fiscal year)']); // its key chart
    canvas.block_sets.plain!.key_charts = [];
    expect(at('plain', ['charts', 'revenue_trend', 'caption'])).toEqual([]);
    // A text of a kind not known here is still listed, by its path: never dropped.
    expect(at('full', ['glossary', 0, 'description'])).toEqual(['the text at glossary[0].description']);
    // The same figure typed twice in one text is one entry.
    expect(buildModel(canvas, { name: 'n', setKey: 'full', typed: [1, 2].map(() => ({ metrics: ['revenue_fy25'], typed: '€1.3 billion', path: ['briefing', 'summary'] })) })
      .appendix.contradictions.filter((c) => c.title.endsWith('a figure typed in the text'))).toHaveLength(1);
  });

  it('lists a table\'s bare number that disagrees as typed into a table, read in the unit its title states (413 under "(£ million)")', () => {
    const yaml = `company: { name: Harbourside Bank plc, ticker: HBR, exchange: LSE, country: United Kingdom, sector: Financial Services, industry: Banks }
briefing: { period: Q3 2025, as_of: 2025-10-30, currency: GBP, language: en-GB }
metrics:
  nii: { label: Net interest income, unit: GBP, scale: million, period_type: quarter, source: IMS, values: [{ value: 411, period: Q3 2024, period_end: 2024-09-30 }, { value: 447, period: Q3 2025, period_end: 2025-09-30 }] }
blocks:
  revenue_streams:
    sections:
      - title: Profitability
        content:
          - paragraph: Net interest income was [[nii]].
          - table: { title: Summary income statement (£ million), columns: [Line item, Q3 2025, Q3 2024], rows: [[Net interest income, 447, 413]] }
`;
    const validated = validateWithWarnings(parseCanvas(yaml, 'h.yaml'));
    const typed = buildModel(validated.canvas, { name: 'h', setKey: 'full', typed: validated.typedDisagreements }).appendix.contradictions.filter((c) => c.detected);
    expect(typed.map((c) => [c.title, c.note.split('. ')[0]])).toEqual([
      ['Net interest income, Q3 2024: a figure typed in a table', 'Found by canvas-briefing: section 1.1 (Profitability) types £413 million into a table as Net interest income for Q3 2024, where the canvas\'s figure is £411 million'],
    ]);
  });

  it('names, of a figure typed wrong where the canvas has several for its period, each of them; and of a typed change, the change, not the figure', () => {
    const text = (revenue: string) => `company: { name: Acme, ticker: ACM, exchange: Xetra, country: Germany, sector: S, industry: I }
briefing: { period: FY2025, as_of: 2026-02-28, currency: EUR }
metrics:
  revenue: { label: Revenue, value: 1204, unit: EUR, scale: million, period: FY2025, period_end: 2025-12-31, source: Annual report${revenue} }
  revenue_press: { label: Revenue, value: 1.18, unit: EUR, scale: billion, period: FY2025, period_end: 2025-12-31, source: Press release }
  revenue_fy24: { label: Revenue, value: 1100, unit: EUR, scale: million, period: FY2024, period_end: 2024-12-31, source: Annual report }
  margin: { label: EBIT margin, value: 11.2, unit: percent, period: FY2025, period_end: 2025-12-31, source: Annual report }
  margin_press: { label: EBIT margin, value: 11.0, unit: percent, period: FY2025, period_end: 2025-12-31, source: Press release }
blocks:
  revenue_streams:
    lead: "Revenue was EUR 1.3 billion in FY2025. Revenue grew 12% in FY2025. The EBIT margin was 12.1% in FY2025. [[revenue]] [[revenue_press]] [[revenue_fy24]] [[margin]] [[margin_press]]"
data_notes:
  contradictions:
    - { title: Revenue, metrics: [revenue, revenue_press], note: The press release rounds. }
    - { title: Margin, metrics: [margin, margin_press], note: The press release is preliminary. }
`;
    const notes = (revenue: string) => {
      const { canvas, typedDisagreements } = validateWithWarnings(parseCanvas(text(revenue), 'c.yaml'));
      return buildModel(canvas, { name: 'c', setKey: 'full', typed: typedDisagreements }).appendix.contradictions.filter((c) => c.detected)
        .map((c) => `${c.title}: ${c.note.replace('Found by canvas-briefing: the opening of chapter 1 (Revenue Streams) types ', '')}`);
    };
    expect(notes(', change: { percent: 9.5, basis: YoY }')).toEqual([
      'Revenue, FY2025: a figure typed in the text: EUR 1.3 billion into its text as Revenue for FY2025, where the canvas\'s figures are €1,204 million (Annual report) and €1.18 billion (Press release). The canvas does not explain the difference; check the source before relying on any of them.',
      'Revenue, FY2025: a change typed in the text: 12% into its text as the change of Revenue for FY2025, where the canvas gives +9.5% YoY (Annual report) and +7.3% (Press release: €1.18 billion for FY2025, against €1,100 million for FY2024). The canvas does not explain the difference; check the source before relying on any of them.',
      'EBIT margin, FY2025: a figure typed in the text: 12.1% into its text as EBIT margin for FY2025, where the canvas\'s figures are 11.2% (Annual report) and 11.0% (Press release). The canvas does not explain the difference; check the source before relying on any of them.',
    ]);
    // Stating no change, the change each figure gives with its figure a year earlier (the press release's above too).
    const implied = notes('');
    expect(implied[1]).toBe('Revenue, FY2025: a change typed in the text: 12% into its text as the change of Revenue for FY2025, where the canvas gives +9.5% (Annual report: €1,204 million for FY2025, against €1,100 million for FY2024) and +7.3% (Press release: €1.18 billion for FY2025, against €1,100 million for FY2024). The canvas does not explain the difference; check the source before relying on any of them.');
  });

  it('lists a change typed beside a reference that its stated or computed change contradicts (typed-figure), and an earlier value typed as a later period\'s, marking the key figure; not a figure typed where a reference would print it', () => {
    const yaml = (paragraphs: string[], more = '') => `company: { name: Acme India, ticker: ACM, exchange: NSE, country: India, sector: S, industry: I }
briefing: { period: Q2 FY26, as_of: 2025-11-10, currency: INR }
metrics:
  ebitda_margin: { label: EBITDA margin, value: 24.9, unit: percent, period: Q2 FY26, period_end: 2025-09-30, source: Results, change: { points: 0.9, basis: YoY } }
  revenue: { label: Revenue, value: 13010, unit: INR, scale: million, period: Q2 FY26, period_end: 2025-09-30, source: Results, change: { percent: 6.3, basis: YoY } }
  profit:
    label: Net profit
    unit: INR
    scale: million
    source: Results
    values:
      - { value: 1210, period: Q2 FY25, period_end: 2024-09-30 }
      - { value: 1405, period: Q2 FY26, period_end: 2025-09-30 }
key_figures: [ebitda_margin, revenue, profit]
blocks:
  revenue_streams:
    sections:
      - title: Results
        content:
${paragraphs.map((p) => `          - paragraph: "${p}"`).join('\n')}
${more}`;
    const build = (paragraphs: string[], more?: string) => {
      const { canvas, findings, typedDisagreements } = validateWithWarnings(parseCanvas(yaml(paragraphs, more), 'c.yaml'));
      const model = buildModel(canvas, { name: 'c', setKey: 'full', typed: typedDisagreements });
      return { rules: findings.map((f) => f.rule), model, listed: model.appendix.contradictions.filter((c) => c.detected).map((c) => `${c.title}: ${c.note.replace('Found by canvas-briefing: section 1.1 (Results) types ', '')}`) };
    };
    const wrong = build(['EBITDA margin was [[ebitda_margin]], up 120 bps YoY.', 'Revenue reached [[revenue]], up 3.0% YoY.', 'Net profit was ₹1,210 million in Q2 FY26.']);
    expect(wrong.rules).toEqual(['typed-figure', 'typed-figure', 'typed-figure']);
    expect(wrong.listed).toEqual([
      'Net profit, Q2 FY26: a figure typed in the text: ₹1,210 million into its text as Net profit for Q2 FY26, where the canvas\'s figure is ₹1,405 million. The canvas does not explain the difference; check the source before relying on either.',
      'EBITDA margin, Q2 FY26: a change typed in the text: up 120 bps into its text as the change of EBITDA margin for Q2 FY26, where the canvas gives +0.9 pp YoY. The canvas does not explain the difference; check the source before relying on either.',
      'Revenue, Q2 FY26: a change typed in the text: up 3.0% into its text as the change of Revenue for Q2 FY26, where the canvas gives +6.3% YoY. The canvas does not explain the difference; check the source before relying on either.',
    ]);
    // The rows set the typed change's figure with the change the canvas states beside it.
    expect(wrong.model.appendix.contradictions[1]!.table.rows.map((r) => r.map((c) => text(c.text)))).toEqual([['EBITDA margin', '24.9%', '+0.9 pp YoY', 'Q2 FY26', 'Results']]);
    // The key figures link there, and the printed page says so.
    expect(wrong.model.keyFigures.map((k) => [k.value, k.disputed, k.detected])).toEqual([['24.9%', 'contradiction-2', true], ['₹13,010 million', 'contradiction-3', true], ['₹1,405 million', 'contradiction-1', true]]);
    const { html } = createRenderer().render(wrong.model, { svgs: [], pageSize: 'A4' });
    expect(html).toContain('Revenue, Q2 FY26: a change typed in the text <span class="badge">detected</span>');
    expect(html.match(/Disagrees with other figures: see Data notes/g)).toHaveLength(3);
    // Right, or a figure typed where its reference would print it (advice: typed-figure all the same), nothing is listed.
    const right = build(['EBITDA margin was [[ebitda_margin]], up 90 bps YoY.', 'Revenue reached [[revenue]], up 6.3% YoY.', 'Net profit was ₹1,405 million.']);
    expect(right.rules).toEqual(['typed-figure']);
    expect(right.listed).toEqual([]);
    expect(right.model.keyFigures.map((k) => k.disputed)).toEqual([undefined, undefined, undefined]);
    // Acknowledged, as check accepts them: not listed either.
    const acknowledged = build(['Revenue reached [[revenue]], up 3.0% YoY.'], `data_notes:
  acknowledged:
    - { rule: typed-figure, metrics: [revenue], reason: Constant currency. }
`);
    expect(acknowledged.listed).toEqual([]);
  });

  it('credits each figure under "Where sources disagree" with the one document data_notes.sources lists, where the figure names none, not "—"', () => {
    const yaml = (sources: string) => `company: { name: Acme India, ticker: ACM, exchange: NSE, country: India, sector: S, industry: I }
briefing: { period: Q2 FY26, as_of: 2025-11-10, currency: INR }
metrics:
  revenue: { label: Revenue, value: 13010, unit: INR, scale: million, period: Q2 FY26, period_end: 2025-09-30, change: { percent: 6.3, basis: YoY } }
  revenue_press: { label: Revenue, value: 13.1, unit: INR, scale: billion, period: Q2 FY26, period_end: 2025-09-30, source: Press release }
blocks:
  revenue_streams:
    lead: "Revenue reached [[revenue]], up 3.0% YoY. [[revenue_press]]"
data_notes:
  sources:
${sources}`;
    const sourceColumn = (sources: string) => {
      const { canvas, typedDisagreements } = validateWithWarnings(parseCanvas(yaml(sources), 'c.yaml'));
      const model = buildModel(canvas, { name: 'c', setKey: 'full', typed: typedDisagreements });
      return model.appendix.contradictions.map((c) => [c.title, ...c.table.rows.map((r) => text(r.at(-1)!.text))]);
    };
    // Its own source where it names one (the press release's), the one document for the rest.
    expect(sourceColumn('    - { title: Q2 FY26 results }')).toEqual([
      ['Revenue, Q2 FY26', 'Q2 FY26 results', 'Press release'],
      ['Revenue, Q2 FY26: a change typed in the text', 'Q2 FY26 results'],
    ]);
    // With two documents, which covers a figure is not known: a dash, as before.
    expect(sourceColumn('    - { title: Q2 FY26 results }\n    - { title: Annual report }')[1]).toEqual(['Revenue, Q2 FY26: a change typed in the text', '—']);
  });

  it('lists a figure printed in a sentence that speaks of another period, with the figure for that period, unless acknowledged', () => {
    const text = (lead: string, more = '') => `company: { name: Acme, ticker: ACM, exchange: Xetra, country: Germany, sector: S, industry: I }
briefing: { period: Q3 2025, as_of: 2025-11-15, currency: EUR }
metrics:
  margin:
    label: EBITA margin
    unit: percent
    source: Reports
    values:
      - { value: 12.8, period: Q2 2025, period_end: 2025-06-30 }
      - { value: 13.1, period: Q3 2025, period_end: 2025-09-30, change: { points: 1.2, basis: YoY } }
blocks:
  revenue_streams:
    lead: "${lead}"
${more}`;
    const notes = (lead: string, more?: string) => {
      const { canvas, typedDisagreements, periodDisagreements } = validateWithWarnings(parseCanvas(text(lead, more), 'c.yaml'));
      return buildModel(canvas, { name: 'c', setKey: 'full', typed: typedDisagreements, misdated: periodDisagreements }).appendix.contradictions.filter((c) => c.detected).map((c) => `${c.title}: ${c.note}`);
    };
    expect(notes('The margin rose [[margin.change]] to [[margin]] in Q2 2025.')).toEqual([
      'EBITA margin, Q3 2025: printed beside another period: Found by canvas-briefing: the opening of chapter 1 (Revenue Streams) prints EBITA margin for Q3 2025 (its change, +1.2 pp YoY) in a sentence that speaks of "Q2 2025". The canvas does not explain it; check which period the sentence means before relying on it.',
      'EBITA margin, Q3 2025: printed beside another period: Found by canvas-briefing: the opening of chapter 1 (Revenue Streams) prints EBITA margin for Q3 2025 (13.1%) in a sentence that speaks of "Q2 2025", for which the canvas gives 12.8% (Q2 2025). The canvas does not explain it; check which period the sentence means before relying on it.',
    ]);
    expect(notes('The margin was [[margin]] in Q3 2025.')).toEqual([]);
    expect(notes('The margin was [[margin]] in Q2 2025.')).toHaveLength(1);
    // The figure is right, the sentence's period is not: a key figure of it is not marked disputed.
    const { canvas } = validateWithWarnings(parseCanvas(text('The margin was [[margin]] in Q2 2025.').replace('blocks:', 'key_figures: [margin]\nblocks:'), 'c.yaml'));
    const { periodDisagreements } = validateWithWarnings(parseCanvas(text('The margin was [[margin]] in Q2 2025.'), 'c.yaml'));
    expect(buildModel(canvas, { name: 'c', setKey: 'full', misdated: periodDisagreements }).keyFigures.map((k) => [k.value, k.disputed])).toEqual([['13.1%', undefined]]);
    // Acknowledged (the sentence is right as it is): not listed.
    expect(notes('The margin was [[margin]] in Q2 2025.', 'data_notes:\n  acknowledged:\n    - { rule: period-mismatch, metrics: [margin@2025-09-30], reason: Quoted as the Q2 release gave it. }\n')).toEqual([]);
  });

  it('lists a stated change the figures a year apart rule out, and equivalents no one rate gives, where sources disagree, unless acknowledged', () => {
    const canvas = nordwind();
    canvas.metrics.revenue_fy25.change = { percent: 18.2 }; // 1,141 to 1,234.5 is +8.2%
    const [change] = buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions;
    expect([change.title, change.detected, change.metrics]).toEqual(['Revenue, FY2025: its stated change', true, ['revenue_fy25', 'revenue_fy24']]);
    expect(change.note).toBe('Found by canvas-briefing: the change stated for this figure, +18.2% YoY, does not follow from it and the figure a year earlier (FY2024), which give +8.2%. The canvas does not explain the difference; check the source before relying on either.');
    expect(change.table.rows.map((r) => r.map((c) => text(c.text)))).toEqual([['Revenue', '€1,234.5 million', '+18.2%', 'FY2025', '–'], ['Revenue', '€1,141 million', '–', 'FY2024', '–']].map((row) => row.map((c) => expect.stringContaining(c === '–' ? '' : c))));
    // The key figure card links to it, as to any disagreement, marked as found by canvas-briefing: the source is not known to conflict.
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).keyFigures.find((k) => k.label === 'Revenue' && k.period === 'FY2025')).toMatchObject({ disputed: change.anchor, detected: true });
    // A change the figures make that is too small for a tenth: in the digits it takes, not +0.0%, which reads as none.
    const flat = nordwind();
    flat.metrics.revenue_fy25 = { ...flat.metrics.revenue_fy25, value: 1141.5 };
    expect(buildModel(flat, { name: 'n', setKey: 'full' }).appendix.contradictions[0]?.note).toContain('+8.2% YoY, does not follow from it and the figure a year earlier (FY2024), which give +0.04%.');
    // A change stated in whole percent: the figures' change to a tenth at least, not rounded to read as the stated one.
    const whole = nordwind();
    whole.metrics.revenue_fy25.change = { percent: 9 };
    expect(buildModel(whole, { name: 'n', setKey: 'full' }).appendix.contradictions[0]?.note).toContain('the change stated for this figure, +9% YoY, does not follow from it and the figure a year earlier (FY2024), which give +8.2%.');
    // A change in points of a percentage: the figures' difference in points.
    const points = nordwind();
    points.metrics.margin = { label: 'EBITDA margin', value: 31.5, unit: 'percent', period: 'FY2025', period_end: '2025-12-31', change: { points: 4.2 }, source: 'R' };
    points.metrics.margin_24 = { label: 'EBITDA margin', value: 29.2, unit: 'percent', period: 'FY2024', period_end: '2024-12-31', source: 'R' };
    points.blocks.key_resources!.sections[0].content.push({ metric_table: { rows: ['margin'] } });
    expect(buildModel(points, { name: 'n', setKey: 'full' }).appendix.contradictions[0]?.note).toContain('the change stated for this figure, +4.2 pp YoY, does not follow from it and the figure a year earlier (FY2024), which give +2.3 pp.');
    canvas.data_notes = { acknowledged: [{ rule: 'change-mismatch', metrics: ['revenue_fy25', 'revenue_fy24'], reason: 'The source states growth in constant currency.' }] };
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions).toEqual([]);
    // Acknowledged by its figure, as check accepts it: the stated change it names, however written; the figure in the notes.
    canvas.data_notes = { acknowledged: [{ rule: 'change-mismatch', metrics: ['revenue_fy25', 'revenue_fy24'], figure: '+18.2% against +8.2%', reason: 'The source states growth in constant currency.' }] };
    const pinned = buildModel(canvas, { name: 'n', setKey: 'full' }).appendix;
    expect([pinned.contradictions, pinned.notes]).toEqual([[], ['The stated change does not follow from the figures a year apart (Revenue, FY2025; Revenue, FY2024: +18.2% against +8.2%): The source states growth in constant currency.']]);
    // ...and not a change edited since: the briefing lists it where sources disagree, as check warns of it.
    canvas.metrics.revenue_fy25.change = { percent: 21.2 };
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions.map((c) => c.title)).toEqual(['Revenue, FY2025: its stated change']);

    // Two equivalents of one date at rates no one rate gives: one of them is wrong.
    const rates = nordwind();
    rates.metrics.a = { label: 'Export sales', value: 420, unit: 'USD', scale: 'million', period: 'FY2025', period_end: '2025-12-31', equivalent: { value: 362, unit: 'EUR', scale: 'million' }, source: 'R' };
    rates.metrics.b = { label: 'Asia sales', value: 188, unit: 'USD', scale: 'million', period: 'FY2025', period_end: '2025-12-31', equivalent: { value: 171, unit: 'EUR', scale: 'million' }, source: 'R' };
    const [eq] = buildModel(rates, { name: 'n', setKey: 'full' }).appendix.contradictions;
    expect([eq.title, eq.metrics]).toEqual(['Asia sales, FY2025: its EUR equivalent', ['b', 'a']]);
    expect(eq.note).toMatch(/^Found by canvas-briefing: Asia sales \(FY2025\) converts at 1\.099 USD per EUR, Export sales \(FY2025\) at 1\.160, though a source converts the amounts of one date \(31 Dec 2025\) at one rate: one of the equivalents is likely wrong\. The canvas does not explain/);
    expect(eq.suspects).toBeUndefined(); // two alone: either may be wrong
    // A third equivalent of the date on Export sales' rate: Asia sales is the suspect, and only it is marked disputed.
    rates.metrics.c = { label: 'Cash', value: 232, unit: 'USD', scale: 'million', period: 'FY2025', period_end: '2025-12-31', equivalent: { value: 200, unit: 'EUR', scale: 'million' }, source: 'R' };
    rates.key_figures = ['a', 'b'];
    const decided = buildModel(rates, { name: 'n', setKey: 'full' });
    expect([decided.appendix.contradictions[0].metrics, decided.appendix.contradictions[0].suspects]).toEqual([['b', 'a'], ['b']]);
    expect(decided.appendix.contradictions[0].note).toContain('the second\'s rate is the one most equivalents of that date meet, so the first\'s equivalent is likely wrong. The canvas does not explain the difference; check the source before relying on the first.');
    expect(decided.keyFigures.map((k) => [k.label, k.disputed !== undefined])).toEqual([['Export sales', false], ['Asia sales', true]]);
  });

  it('lists a percentage typed as a fraction and a figure a power of ten off where sources disagree, marking the key figure, unless acknowledged', () => {
    const yaml = (more = '') => `company: { name: Bank, ticker: BNK, exchange: LSE, country: UK, sector: S, industry: I }
briefing: { period: Q2 2025, as_of: 2025-08-15, currency: GBP }
metrics:
  cet1:
    label: CET1 ratio
    unit: percent
    period_type: as_at
    source: Results
    values:
      - { value: 14.0, period: At 30 Sep 2024, period_end: 2024-09-30 }
      - { value: 14.6, period: At 31 Dec 2024, period_end: 2024-12-31 }
      - { value: 0.142, period: At 31 Mar 2025, period_end: 2025-03-31 }
      - { value: 14.3, period: At 30 Jun 2025, period_end: 2025-06-30 }
  capex:
    label: Capex
    unit: EUR
    scale: million
    period_type: quarter
    source: Results
    values:
      - { value: 36, period: Q3 2024, period_end: 2024-09-30 }
      - { value: 370, period: Q4 2024, period_end: 2024-12-31 }
      - { value: 38, period: Q1 2025, period_end: 2025-03-31 }
      - { value: 40, period: Q2 2025, period_end: 2025-06-30 }
  op: { label: Operating profit, concept: op, value: 31245, unit: JPY, scale: million, period: FY2025, period_end: 2025-03-31, source: 決算短信 }
  op_press: { label: Operating profit, concept: op, value: 313, unit: JPY, scale: billion, period: FY2025, period_end: 2025-03-31, source: Press release }
key_figures: [cet1@2025-03-31, capex@2024-12-31, op_press, cet1]
blocks:
  revenue_streams:
    sections:
      - title: Capital
        content:
          - metric_table: { rows: [{ series: cet1 }, { series: capex }, op, op_press] }
data_notes:
  contradictions:
    - { title: Operating profit FY2025, metrics: [op, op_press], note: The press release rounds to the nearest 100 million yen. }
${more}`;
    const build = (more?: string) => buildModel(validateWithWarnings(parseCanvas(yaml(more), 'c.yaml')).canvas, { name: 'c', setKey: 'full' });
    const model = build();
    const found = model.appendix.contradictions.map((c) => ({ title: c.title, note: c.note, detected: c.detected, suspects: c.suspects }));
    expect(found).toEqual([
      {
        title: 'Operating profit FY2025', detected: true, suspects: undefined,
        note: 'The press release rounds to the nearest 100 million yen. Found by canvas-briefing: Operating profit (JP¥313 billion, Press release) is ten times Operating profit (JP¥31,245 million, 決算短信), which the note does not explain: one of them likely has its scale wrong. Check the source before relying on either.',
      },
      {
        title: 'CET1 ratio, At 31 Mar 2025: a hundredth of its other figures', detected: true, suspects: ['cet1@2025-03-31'],
        note: 'Found by canvas-briefing: 0.142% is far below the same measure\'s other figures (14.0%–14.6%): a share written as a fraction of one, 14.2% typed as 0.142? The canvas does not explain it; check the source before relying on it.',
      },
      {
        title: 'Capex, Q4 2024: ten times the figures beside it', detected: true, suspects: ['capex@2024-12-31'],
        note: 'Found by canvas-briefing: €370 million is about ten times the figures it is compared with (€36 million for Q3 2024 and €38 million for Q1 2025), which agree with each other: a digit dropped or added, or the wrong scale? The canvas gives it no note of its own (a one-off would have one); check the source before relying on it.',
      },
    ]);
    // Each with the measure's figures beside it, oldest first.
    expect(model.appendix.contradictions[2].table.rows.map((r) => text(r[1].text))).toEqual(['€36 million', '€370 million', '€38 million']);
    // The key figures they are about link there as found by canvas-briefing; the latest CET1 ratio, right as written, does not.
    const cards = model.keyFigures.map((k) => [k.value, k.disputed, k.detected]);
    expect(cards).toEqual([['0.142%', 'contradiction-2', true], ['€370 million', 'contradiction-3', true], ['JP¥313 billion', 'contradiction-1', true], ['14.3%', undefined, undefined]]);
    // ...and the printed page says so: the entries, marked detected, and the cards' links.
    const { html } = createRenderer().render(model, { svgs: [], pageSize: 'A4' });
    expect(html).toContain('CET1 ratio, At 31 Mar 2025: a hundredth of its other figures <span class="badge">detected</span>');
    expect(html.match(/Disagrees with other figures: see Data notes/g)).toHaveLength(3);
    // Acknowledged, as check accepts them: not listed; the declaration keeps its own note alone.
    const acknowledged = build(`  acknowledged:
    - { rule: percent-as-fraction, metrics: [cet1@2025-03-31], reason: Reported so. }
    - { rule: scale-slip, metrics: [capex@2024-12-31], reason: A one-off purchase. }
    - { rule: scale-slip, metrics: [op, op_press], reason: Checked. }
`);
    expect(acknowledged.appendix.contradictions.map((c) => [c.title, c.note, c.detected])).toEqual([['Operating profit FY2025', 'The press release rounds to the nearest 100 million yen.', false]]);
    expect(acknowledged.keyFigures.map((k) => k.detected)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('titles the PDF with the company, the title and the period, the period once though the title names it', () => {
    const canvas = nordwind();
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).meta.title).toBe(`Nordwind Energi ASA: Investor briefing, ${canvas.briefing.period}`);
    canvas.briefing.title = `Briefing investisseurs – ${canvas.briefing.period}`;
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).meta.title).toBe(`Nordwind Energi ASA: Briefing investisseurs – ${canvas.briefing.period}`);
  });

  it('lists parts that add up to more than the total below them, and shares past the whole, where sources disagree, unless acknowledged', () => {
    const canvas = nordwind();
    const rev = (label: string, value: number) => ({ label, value, unit: 'EUR', scale: 'billion' as const, period: 'FY2025', period_end: '2025-12-31', source: 'R' });
    canvas.metrics.cloud = rev('Cloud revenue', 14.2);
    canvas.metrics.commerce = rev('Commerce revenue', 11.1);
    canvas.metrics.total = rev('Total revenue', 24.8);
    canvas.blocks.key_resources!.sections[0].content.push({ metric_table: { rows: ['cloud', 'commerce', 'total'] } });
    const [parts] = buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions;
    expect([parts.title, parts.metrics, parts.detected]).toEqual(['Total revenue, FY2025: its parts', ['total', 'cloud', 'commerce'], true]);
    expect(parts.note).toMatch(/^Found by canvas-briefing: a table shows these parts of Total revenue above it, and they add up to €25\.3 billion, more than it/);
    expect(parts.table.rows.map((r) => text(r[0].text))).toEqual(['Cloud revenue', 'Commerce revenue', 'Total revenue']);
    // The same parts in a chart too: one entry, saying where they are, not the same entry twice.
    canvas.charts = { ...canvas.charts, segments: { title: 'Revenue by segment', type: 'bar', points: [{ metric: 'cloud' }, { metric: 'commerce' }, { metric: 'total' }] } };
    canvas.blocks.key_resources!.sections[0].content.push({ chart: 'segments' });
    const twice = buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions;
    expect(twice.map((c) => c.title)).toEqual(['Total revenue, FY2025: its parts']);
    expect(twice[0]!.note).toMatch(/^Found by canvas-briefing: a table and a chart show these parts of Total revenue above it/);
    canvas.data_notes = { acknowledged: [{ rule: 'parts-over-total', metrics: ['total', 'cloud', 'commerce'], reason: 'Segments include inter-segment sales.' }] };
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions).toEqual([]);
    // Acknowledged by its total alone, as check accepts it (its reason is the total's): the briefing agrees with check.
    canvas.data_notes = { acknowledged: [{ rule: 'parts-over-total', metrics: ['total'], reason: 'Segments include inter-segment sales.' }] };
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions).toEqual([]);
    // By its total and what the parts add up to: another sum over the same total is listed.
    canvas.data_notes = { acknowledged: [{ rule: 'parts-over-total', metrics: ['total'], figure: '€25.3 billion against €24.8 billion', reason: 'Segments include inter-segment sales.' }] };
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions).toEqual([]);
    canvas.metrics.commerce = rev('Commerce revenue', 12.1);
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions.map((c) => c.title)).toEqual(['Total revenue, FY2025: its parts']);
  });

  it('lists shares of one whole past 100% where sources disagree, with their sum to a tenth, unless acknowledged', () => {
    const canvas = nordwind();
    const share = (label: string, value: number) => ({ label, value, unit: 'percent', period: 'FY2025', period_end: '2025-12-31', source: 'R' });
    canvas.metrics.cloud_share = share('Share of revenue: cloud', 60);
    canvas.metrics.commerce_share = share('Share of revenue: commerce', 45.5);
    canvas.blocks.key_resources!.sections[0].content.push({ metric_table: { rows: ['cloud_share', 'commerce_share'] } });
    const [shares] = buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions;
    expect([shares.title, shares.metrics, shares.detected]).toEqual(['Shares of one whole, FY2025', ['cloud_share', 'commerce_share'], true]);
    expect(shares.note).toBe('Found by canvas-briefing: a table shows these as shares of one whole, and they add up to 105.5%, more than the whole even allowing for rounding. The canvas does not explain the difference; check the source before relying on either.');
    // One share alone past the whole.
    const one = nordwind();
    one.metrics.mortgages = share('Share of loans: mortgages', 112.4);
    one.blocks.key_resources!.sections[0].content.push({ metric_table: { rows: ['mortgages'] } });
    const [alone] = buildModel(one, { name: 'n', setKey: 'full' }).appendix.contradictions;
    expect([alone.title, alone.note]).toEqual(['Share of loans: mortgages, FY2025: a share past the whole', 'Found by canvas-briefing: a table shows this as a share of a whole, and it is 112.4%, more than the whole even allowing for rounding. The canvas does not explain it; check the source before relying on it.']);
    canvas.data_notes = { acknowledged: [{ rule: 'share-over-100', metrics: ['cloud_share', 'commerce_share'], reason: 'Customers buy from both segments.' }] };
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions).toEqual([]);
  });

  it('lists parts that add up to less than their total where they added up before, where sources disagree, unless acknowledged', () => {
    const canvas = nordwind();
    const rev = (label: string, value: number, end: string) => ({ label, value, unit: 'EUR', scale: 'billion' as const, period: end.slice(0, 7), period_end: end, source: 'R' });
    for (const [id, label, values] of [['cloud', 'Cloud revenue', [10, 11, 9]], ['commerce', 'Commerce revenue', [5, 6, 7]], ['total', 'Total revenue', [15, 17, 20]]] as const) {
      ['2025-03-31', '2025-06-30', '2025-09-30'].forEach((end, i) => { canvas.metrics[`${id}@${end}`] = rev(label, values[i]!, end); });
    }
    canvas.blocks.key_resources!.sections[0].content.push({ metric_table: { rows: ['cloud@2025-09-30', 'commerce@2025-09-30', 'total@2025-09-30'] } });
    const [parts] = buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions;
    expect([parts.title, parts.metrics, parts.detected]).toEqual(['Total revenue, 2025-09: its parts', ['total@2025-09-30', 'cloud@2025-09-30', 'commerce@2025-09-30'], true]);
    expect(parts.note).toMatch(/^Found by canvas-briefing: a table shows these parts of Total revenue above it, and they add up to €16 billion, less than it, even allowing for rounding, though they added up to it in each of the 2 periods before\./);
    canvas.data_notes = { acknowledged: [{ rule: 'parts-under-total', metrics: ['total@2025-09-30'], reason: 'A new segment from Q3.' }] };
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions).toEqual([]);
    // The total named among other metrics, not with all its parts: check does not count it as acknowledged, nor does the briefing.
    canvas.data_notes = { acknowledged: [{ rule: 'parts-under-total', metrics: ['total@2025-09-30', 'cloud@2025-06-30'], reason: 'A new segment from Q3.' }] };
    expect(buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions.map((c) => c.title)).toEqual(['Total revenue, 2025-09: its parts']);
  });

  it('detects figures with the same concept and period but different values, unless the canvas lists them', () => {
    const canvas = nordwind();
    canvas.metrics.revenue_fy25.concept = 'revenue';
    canvas.metrics.revenue_fy25_press = { ...canvas.metrics.revenue_fy25, value: 1243.5, source: 'Press release', change: undefined };
    const detected = buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions;
    expect(detected).toHaveLength(1);
    expect(detected[0].detected).toBe(true);
    expect(detected[0].table.rows.map((r) => text(r[1].text))).toEqual(['€1,234.5 million', '€1,243.5 million']);
    expect([detected[0].title, detected[0].note]).toEqual([
      `${canvas.metrics.revenue_fy25.label}, ${canvas.metrics.revenue_fy25.period}`,
      'Found by canvas-briefing: these figures measure the same thing ("Revenue") for the same period, and their values cannot both be right even allowing for rounding and the source\'s qualifiers. The canvas does not explain the difference; check the source before relying on either.',
    ]);
    // Named by their labels, never by a concept (the canvas's word; a series' is its id, which no one declared).
    const relabelled = structuredClone(canvas);
    relabelled.metrics.revenue_fy25_press.label = 'Net sales';
    expect(buildModel(relabelled, { name: 'n', setKey: 'full' }).appendix.contradictions[0].note).toMatch(/^Found by canvas-briefing: these figures measure the same thing \("Revenue" and "Net sales"\) for the same period/);
    // Reported on different days: said, as check says it, a first figure and its revision perhaps.
    const dated = structuredClone(canvas);
    dated.metrics.revenue_fy25.as_of = '2026-02-10';
    dated.metrics.revenue_fy25_press.as_of = '2026-01-28';
    expect(buildModel(dated, { name: 'n', setKey: 'full' }).appendix.contradictions[0]!.note).toContain('cannot both be right even allowing for rounding and the source\'s qualifiers. They were reported on different days (28 Jan 2026, 10 Feb 2026): a first figure and its revision, perhaps. The canvas does not explain');

    canvas.data_notes = { contradictions: [{ title: 'Revenue differs', metrics: ['revenue_fy25', 'revenue_fy25_press'], note: 'Press release rounds differently.' }] };
    const listed = buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions;
    expect(listed.map((c) => [c.title, c.detected])).toEqual([['Revenue differs', false]]);
    // A third figure that disagrees with the two declared is no part of that declaration: the three are listed as found.
    canvas.metrics.revenue_fy25_call = { ...canvas.metrics.revenue_fy25_press, value: 1301.2, source: 'Earnings call' };
    const third = buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions;
    expect(third.map((c) => [c.detected, c.metrics])).toEqual([[false, ['revenue_fy25', 'revenue_fy25_press']], [true, ['revenue_fy25', 'revenue_fy25_press', 'revenue_fy25_call']]]);
    expect(third[1]!.note).toContain('their values cannot all be right even allowing for rounding and the source\'s qualifiers. The canvas does not explain the difference; check the source before relying on any of them.');
    // A third that is one of them as written, for the same period (a segment table's total): the declaration explains its
    // difference with the other too, and nothing is listed as unexplained (it was: "the canvas does not explain").
    canvas.metrics.revenue_fy25_call = { ...canvas.metrics.revenue_fy25_call, value: 1234.5 };
    const agreeing = buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.contradictions;
    expect(agreeing.map((c) => [c.detected, c.metrics])).toEqual([[false, ['revenue_fy25', 'revenue_fy25_press']]]);
  });

  it('takes a figure that is a declared one as written, for its period, as declared with it: check says nothing of it, the PDF lists it nowhere as unexplained', () => {
    const text = `company: { name: Acme, ticker: ACM, exchange: NASDAQ, country: United States, sector: S, industry: I }
briefing: { period: Q1 FY26, as_of: 2025-11-05, currency: USD }
metrics:
  revenue:
    label: Revenue
    unit: USD
    scale: million
    source: 10-Q
    concept: revenue
    values:
      - { value: 1037, period: Q1 FY25, period_end: 2024-09-30 }
      - { value: 1193, period: Q1 FY26, period_end: 2025-09-30 }
  revenue_press: { label: Revenue, value: 1195, unit: USD, scale: million, period: Q1 FY26, period_end: 2025-09-30, concept: revenue, source: Press release, as_of: 2025-10-28 }
  total_revenue: { label: Total revenue, value: 1193, unit: USD, scale: million, period: Q1 FY26, period_end: 2025-09-30, concept: revenue, source: 10-Q segment note }
blocks:
  revenue_streams:
    lead: "Revenue [[revenue]], [[revenue_press]], [[total_revenue]]."
data_notes:
  contradictions:
    - { title: Revenue in Q1 FY26, metrics: ["revenue@2025-09-30", revenue_press], note: The press release gives a preliminary figure. }
`;
    const { canvas, findings } = validateWithWarnings(parseCanvas(text, 'c.yaml'));
    expect(findings.map((f) => f.rule)).toEqual([]);
    expect(buildModel(canvas, { name: 'c', setKey: 'full' }).appendix.contradictions.map((c) => [c.detected, c.metrics])).toEqual([[false, ['revenue@2025-09-30', 'revenue_press']]]);
    // Another figure (not the 10-Q's as written) still disagrees, unexplained.
    const other = validateWithWarnings(parseCanvas(text.replace('value: 1193, unit: USD, scale: million, period: Q1 FY26, period_end: 2025-09-30, concept: revenue, source: 10-Q segment note', 'value: 1190, unit: USD, scale: million, period: Q1 FY26, period_end: 2025-09-30, concept: revenue, source: 10-Q segment note'), 'c.yaml'));
    expect(other.findings.map((f) => [f.rule, f.path])).toEqual([['contradiction', 'metrics.revenue.values[1]'], ['contradiction', 'metrics.revenue_press'], ['contradiction', 'metrics.total_revenue']]);
  });

  it('prints each acknowledged finding in the data notes as a sentence a reader follows, never as a rule id', () => {
    const canvas = nordwind();
    const ids = Object.keys(canvas.metrics).slice(0, 2);
    const rules = ['change-mismatch', 'stale-reference', 'unused-metric', 'ended-forecast', 'no-source', 'share-over-100', 'mixed-currencies', 'typed-figure', 'undated-period', 'exchange-rate'] as const;
    canvas.data_notes = { acknowledged: rules.map((rule) => ({ rule, metrics: ids, reason: 'As the source states it.' })) };
    const notes = buildModel(canvas, { name: 'n', setKey: 'full' }).appendix.notes;
    expect(notes).toHaveLength(rules.length);
    for (const note of notes) expect(note).toMatch(/^[A-Z][^()]* \(.+, .+\): As the source states it\.$/);
    expect(notes.filter((n) => rules.some((rule) => n.includes(rule)))).toEqual([]);
    expect(notes.at(-1)).toMatch(/^Currency equivalents of one date imply different exchange rates \(/);
  });

  it('builds each chart\'s model once per size, and numbers figures in reading order', () => {
    const canvas = nordwind();
    canvas.blocks.key_resources!.sections[0].content.push({ chart: 'revenue_trend' });
    const model = buildModel(canvas, { name: 'n', setKey: 'full' });
    const ref = (index: number, number: number) => ({ index, anchor: `fig-${number}`, number, title: 'Revenue by fiscal year', caption: 'Company reports, EUR million.', richCaption: [{ text: 'Company reports, EUR million.' }] });
    expect(model.keyCharts).toEqual([ref(0, 1)]); // the first chart, by default, at the key-figures size
    expect(model.chapters[1].sections[0].items[1]).toEqual({ kind: 'chart', chart: ref(1, 2) });
    expect(model.chapters[3].sections[0].items[1]).toEqual({ kind: 'chart', chart: ref(1, 3) });
    expect(model.charts.map((c) => [c.id, c.size])).toEqual([
      ['revenue_trend', { width: 640, height: 230 }],
      ['revenue_trend', { width: 640, height: 250 }],
    ]);
    expect(model.charts[1]).toMatchObject({ type: 'column', valueTitle: '€ million', caption: 'Company reports, EUR million.' });
    expect(model.charts[1].rows.map((r) => [r.category, r.label])).toEqual([['FY2023', '€1,020.25 million'], ['FY2024', '€1,141 million'], ['FY2025', '€1,234.5 million']]);
  });
});

describe('key charts of a canvas that lists none', () => {
  it("are a block set's own first chart, not the canvas's first, which may be in none of its sections", () => {
    const canvas = nordwind();
    canvas.charts!.capacity = { title: 'Installed capacity', type: 'bar', caption: 'Company reports.', points: [{ metric: 'capacity_gw', label: 'FY2025' }] };
    canvas.blocks.key_resources!.sections[0].content.push({ chart: 'capacity' });
    canvas.blocks.key_resources!.sections[0].tags = ['fleet'];
    canvas.block_sets = { fleet: { title: 'Fleet', tags: ['fleet'] } };
    const id = (model: ReturnType<typeof buildModel>) => model.keyCharts.map((k) => model.charts[k.index].id);
    expect(id(buildModel(canvas, { name: 'n', setKey: 'full' }))).toEqual(['capacity']); // key resources comes before revenue streams
    canvas.blocks.key_resources!.sections[0].content.pop();
    canvas.blocks.revenue_streams!.sections[0].content.push({ chart: 'capacity' });
    expect(id(buildModel(canvas, { name: 'n', setKey: 'full' }))).toEqual(['revenue_trend']);
    // The set's one section shows no chart: its page shows none, not revenue_trend of a chapter it leaves out.
    expect(id(buildModel(canvas, { name: 'n', setKey: 'fleet' }))).toEqual([]);
    canvas.blocks.key_resources!.sections[0].content.push({ chart: 'capacity' });
    expect(id(buildModel(canvas, { name: 'n', setKey: 'fleet' }))).toEqual(['capacity']);
    // What a canvas or a set names is shown as named.
    canvas.key_charts = ['revenue_trend'];
    expect(id(buildModel(canvas, { name: 'n', setKey: 'fleet' }))).toEqual(['revenue_trend']);
    canvas.block_sets.fleet.key_charts = [];
    expect(id(buildModel(canvas, { name: 'n', setKey: 'fleet' }))).toEqual([]);
  });
});

describe('key figures of a canvas that lists none', () => {
  it('leave out a value of a series that a later one up to the briefing\'s date supersedes: last quarter\'s figure is no headline', async () => {
    const { parseCanvas } = await import('../../src/load/load-canvas.ts');
    const { validateCanvas } = await import('../../src/validate/validate-canvas.ts');
    // The quarterly fixture without its key_figures: its text names Q2's revenue beside the latest, its table every quarter.
    const yaml = readFileSync('test/fixtures/valid/nordwind-quarters.yaml', 'utf8').replace('key_figures: [revenue, turbines]\n', '');
    const model = buildModel(validateCanvas(parseCanvas(yaml, 'q.yaml')), { name: 'q', setKey: 'full' });
    expect(model.keyFigures.map((k) => `${k.label}: ${k.value} (${k.period})`)).toEqual(['Revenue: \u20ac322.9 million (Q3 2025)']);
  });
});

describe('numbers in an author table', () => {
  it('print as written with a true minus sign, or with the decimals their column asks for', async () => {
    const { buildTable } = await import('../../src/model/tables.ts');
    const table = buildTable({ columns: ['Year', { title: 'Margin (%)', decimals: 1 }, 'Delta'], rows: [[2024, 18, -2.35], [2025, -0.04, 7]] }, {}, new Set());
    expect(table.rows.map((r) => r.map((c) => c.text.map((p) => p.text).join('')))).toEqual([['2024', '18.0', '\u22122.35'], ['2025', '0.0', '7']]);
    expect(table.columns.map((c) => [c.label, c.numeric])).toEqual([['Year', true], ['Margin (%)', true], ['Delta', true]]);
  });

  it('read "0,052" in a language with a decimal comma as 0.052, never as the English grouping of 52 (printed "52,0")', () => {
    const table = buildTable({ columns: ['Item', { title: 'Marge', decimals: 1 }, 'Wert'], rows: [['Q3', '0,052', '0,052'], ['Q4', '-0,46', '1,234']] }, {}, new Set(), 'de');
    expect(table.rows.map((r) => r.map((c) => c.text.map((p) => p.text).join('')))).toEqual([['Q3', '0,1', '0,052'], ['Q4', '\u22120,5', '1,234']]);
  });

  it('keep the trailing zeros they are written with, in the canvas file or in quotes, and print a quoted negative with a minus sign', async () => {
    const { parseCanvas } = await import('../../src/load/load-canvas.ts');
    const { validateCanvas } = await import('../../src/validate/validate-canvas.ts');
    const yaml = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8')
      .replace('- [Net income, { metric: net_income_fy25 }, Impairment of an offshore project]', '- [Net income, 36.0, "-3.0"]\n                - [Other, "1,234.50", 2.5]')
      .replace('change: { percent: 8.2 }', 'change: { percent: 8.0 }')
      .replace('value: 812\n', 'value: 812.0\n');
    expect(yaml).toContain('value: 812.0');
    const canvas = validateCanvas(parseCanvas(yaml, 'nordwind.yaml'));
    const model = buildModel(canvas, { name: 'nordwind', setKey: 'full' });
    const table = model.chapters.flatMap((c) => c.sections).flatMap((s) => s.items).find((i) => i.kind === 'table' && i.table.columns[0]?.label === 'Item');
    const cells = (table as { table: { rows: Array<Array<{ text: Array<{ text: string }> }>> } }).table.rows.map((r) => r.map((c) => c.text.map((p) => p.text).join('')));
    expect(cells).toEqual([['Net income', '36.0', '\u22123.0'], ['Other', '1,234.50', '2.5']]);
    const all = JSON.stringify(model);
    expect(all).toContain('+8.0% YoY'); // a change written 8.0 keeps its zero
    expect(canvas.metrics.turbines!.decimals).toBe(1); // 812.0 turbines: the decimals written
    expect(all).not.toContain('\u2212\u2212');
  });

  it('leave decimals the canvas chose, and a change whose two figures ask for different ones, as they are; and touch nothing outside metrics', async () => {
    const { parseCanvas } = await import('../../src/load/load-canvas.ts');
    const parsed = (yaml: string) => parseCanvas(yaml, 'c.yaml').data as { metrics: Record<string, Record<string, unknown>>; charts: Record<string, { points: unknown[] }> };
    const data = parsed([
      'metrics:',
      '  a: { value: 1, change: { percent: 12.25, points: 1.0 } }',
      '  b: { decimals: 2, values: [{ value: 18.0 }, { value: 18.5 }] }',
      '  c: { value: 3, change: { percent: -4.0, points: 1.50 } }',
      'charts:',
      '  x: { points: [{ metric: a, value: 10.0 }] }',
    ].join('\n'));
    expect(data.metrics.a!.change).toEqual({ percent: 12.25, points: 1 }); // 2 and 1 decimals: not one figure for both
    expect((data.metrics.b!.values as Array<Record<string, unknown>>).map((v) => v.decimals)).toEqual([undefined, undefined]); // the metric's 2 hold
    expect(data.metrics.c!.change).toEqual({ percent: -4, points: 1.5 }); // 1 and 2 decimals written
    expect(data.charts.x!.points[0]).toEqual({ metric: 'a', value: 10 }); // not a metric: no key added that the schema would refuse
  });
});

describe('forecasts and targets printed as figures on their own', () => {
  /** Nordwind with FY2026 EPS guidance (a forecast, labelled as an actual would be), a capex target its label names, and revenue guidance charted beside the actuals. */
  function withForecasts() {
    const canvas = nordwind();
    canvas.metrics.eps_guidance = { label: 'Diluted EPS', value: 6.35, unit: 'USD', period: 'FY2026', period_type: 'forecast', period_end: '2026-12-31' };
    canvas.metrics.capex_target = { label: 'Capex target', value: 400, unit: 'EUR', scale: 'million', period: 'FY2027', period_type: 'target' };
    canvas.metrics.revenue_fy26 = { label: 'Revenue', value: 1300, unit: 'EUR', scale: 'million', period: 'FY2026', period_type: 'forecast', period_end: '2026-12-31' };
    canvas.key_figures = ['revenue_fy25', 'eps_guidance', 'capex_target'];
    canvas.charts!.revenue_trend!.points.push({ metric: 'revenue_fy26' });
    canvas.blocks.key_resources!.sections[0].content = [{ metric_table: { rows: ['capacity_gw', 'eps_guidance', 'capex_target'] } }, { metric_table: { columns: ['label', 'value'], rows: ['eps_guidance'] } }];
    return canvas;
  }

  it('say "forecast" or "target" after the period on the key figures page, in metric tables, in the figure register and on a chart\'s axis; actuals, and labels that say so already, as written', () => {
    const model = buildModel(withForecasts(), { name: 'nordwind', setKey: 'full' });
    expect(model.keyFigures.map((k) => [k.label, k.value, k.period])).toEqual([
      ['Revenue', '€1,234.5 million', 'FY2025'],
      ['Diluted EPS', 'US$6.35', 'FY2026 (forecast)'],
      ['Capex target', '€400 million', 'FY2027'], // its label says it is a target
    ]);
    const [table, noPeriod] = model.chapters[1].sections[0].items as Array<{ table: TableModel }>;
    expect(table!.table.rows.map((r) => r.map((c) => text(c.text)))).toEqual([
      ['Installed capacity', 'approx. 3.4 GW', '31 Dec 2025'],
      ['Diluted EPS', 'US$6.35', 'FY2026 (forecast)'],
      ['Capex target', '€400 million', 'FY2027'],
    ]);
    // Without a period column, after the label.
    expect(noPeriod!.table.rows.map((r) => r.map((c) => text(c.text)))).toEqual([['Diluted EPS (forecast)', 'US$6.35']]);
    const register = model.appendix.register.rows.map((r) => r.map((c) => text(c.text)));
    expect(register.filter((r) => r.includes('FY2026 (forecast)')).map((r) => r[0])).toEqual(['Diluted EPS', 'Revenue']);
    expect(register.some((r) => r.includes('FY2026'))).toBe(false);
    const chart = model.charts.find((c) => c.id === 'revenue_trend')!;
    expect(chart.rows.map((r) => r.category)).toEqual(['FY2023', 'FY2024', 'FY2025', 'FY2026 (forecast)']);
    expect(chart.alt).toContain('FY2026 (forecast): €1,300 million');
    // The printed card.
    const { html } = createRenderer().render(model, { svgs: [], pageSize: 'A4' });
    expect(html).toContain('<p class="card-period">FY2026 (forecast)</p>');
    expect(html).toContain('<p class="card-period">FY2025</p>');
  });

  it('leave a forecast\'s own words alone where its period or label says what it is (guidance, outlook, "FY2026E")', () => {
    const canvas = withForecasts();
    canvas.metrics.eps_guidance = { ...canvas.metrics.eps_guidance!, label: 'EPS guidance' };
    canvas.metrics.revenue_fy26 = { ...canvas.metrics.revenue_fy26!, period: 'FY2026E' };
    const model = buildModel(canvas, { name: 'nordwind', setKey: 'full' });
    expect(model.keyFigures.map((k) => k.period)).toEqual(['FY2025', 'FY2026', 'FY2027']);
    expect(model.charts.find((c) => c.id === 'revenue_trend')!.rows.at(-1)!.category).toBe('FY2026E');
  });

  it('mark a forecast whose label only looks like one ("Pension plan assets", "Expected credit losses", "Target market share"), not one whose words say what it is, in English or German', () => {
    const cases: Array<[label: string, period: string, type: 'forecast' | 'target', printed: string]> = [
      // Words that name actuals as well: the period says what the figure is.
      ['Pension plan assets', 'FY2026', 'forecast', 'FY2026 (forecast)'],
      ['Pension plan assets', 'FY2027', 'target', 'FY2027 (target)'],
      ['Expected credit losses', 'FY2026', 'forecast', 'FY2026 (forecast)'],
      ['Target market share', 'FY2026', 'forecast', 'FY2026 (forecast)'],
      ['Planned maintenance costs', 'FY2026', 'forecast', 'FY2026 (forecast)'],
      ['Budget hotel revenue', 'FY2026', 'forecast', 'FY2026 (forecast)'],
      ['Projected benefit obligation', 'FY2026', 'forecast', 'FY2026 (forecast)'],
      ['Boeing 767F deliveries', 'FY2026', 'forecast', 'FY2026 (forecast)'],
      // Words that can mean only a forecast or target: as written, not said twice.
      ['Umsatzprognose', 'GJ 2026', 'forecast', 'GJ 2026'],
      ['Ergebnisausblick', 'GJ 2026', 'forecast', 'GJ 2026'],
      ['Umsatzziel', 'GJ 2027', 'target', 'GJ 2027'],
      ['Consensus EPS', 'FY2026', 'forecast', 'FY2026'],
      ['Revenue', 'FY2026 outlook', 'forecast', 'FY2026 outlook'],
      ['Estimated market size', 'FY2026', 'forecast', 'FY2026'],
      ['Revenue', '1H26E', 'forecast', '1H26E'],
      ['Capex target', 'FY2027', 'target', 'FY2027'],
    ];
    const canvas = nordwind();
    Object.assign(canvas.metrics, Object.fromEntries(cases.map(([label, period, type], i) => [`m${i}`, { label, value: 10, unit: 'EUR', scale: 'million', period, period_type: type }])));
    canvas.key_figures = cases.map((_, i) => `m${i}`);
    const model = buildModel(canvas, { name: 'nordwind', setKey: 'full' });
    expect(model.keyFigures.map((k) => [k.label, k.period])).toEqual(cases.map(([label, , , printed]) => [label, printed]));
  });
});

describe('the tables of figures', () => {
  const cells = (t: { rows: Array<Array<{ text: Array<{ text: string }> }>> }) => t.rows.map((r) => r.map((c) => text(c.text)));
  const m = (label: string, more: Record<string, unknown> = {}): Metric => ({ label, value: 10, unit: 'EUR', scale: 'million', period: 'Q3 2025', source: 'Report', ...more });

  it('list the as-of dates newest first, each with its periods (a few, then how many more) and its count; forecasts and undated figures on rows of their own', () => {
    const canvas = nordwind();
    canvas.metrics = {
      a: m('A', { period: 'FY2024', period_end: '2024-12-31' }),
      b: m('B', { period: 'Q1 2025', period_end: '2025-09-30' }),
      c: m('C', { period: 'Q2 2025', period_end: '2025-09-30' }),
      d: m('D', { period: 'Q3 2025', period_end: '2025-09-30' }),
      e: m('E', { period: '9M 2025', period_end: '2025-09-30' }),
      f: m('F', { period: 'H1 2025', as_of: '2025-06-30' }),
      g: m('G', { period: 'FY2026', period_end: '2026-12-31', period_type: 'forecast' }),
      h: m('H', { period: 'recently' }),
    };
    const table = buildPeriods(canvas, Object.keys(canvas.metrics));
    expect(cells(table)).toEqual([
      ['30 Sep 2025', 'Q1 2025; Q2 2025; Q3 2025; and 1 more (see the figure register)', '4'],
      ['30 Jun 2025', 'H1 2025', '1'],
      ['31 Dec 2024', 'FY2024', '1'],
      ['Forecasts and targets', 'Figures about the future: plans, targets, forecasts', '1'],
      ['No date given', 'Periods stated only in words; see the figure register', '1'],
    ]);
    canvas.metrics.e!.period_end = '2025-08-31'; // three periods on one date: all named, none "more"
    expect(cells(buildPeriods(canvas, Object.keys(canvas.metrics)))[0]).toEqual(['30 Sep 2025', 'Q1 2025; Q2 2025; Q3 2025', '3']);
  });

  it('leave out a Change column no metric fills, and show it where one does', () => {
    const metrics: Record<string, Metric> = { a: m('A'), b: m('B') };
    const labels = () => buildMetricTable({ rows: ['a', 'b'] }, metrics, new Set()).columns.map((c) => c.label);
    expect(labels()).toEqual(['Metric', 'Value', 'Period']);
    metrics.b!.change = { percent: 5 };
    expect(labels()).toEqual(['Metric', 'Value', 'Change', 'Period']);
  });

  it('with an Equivalent column, print the amount alone in the Value column, not the equivalent twice', () => {
    const metrics = { a: m('A', { equivalent: { value: 11, unit: 'USD', scale: 'million' } }) };
    const table = buildMetricTable({ columns: ['label', 'value', 'equivalent'], rows: ['a'] }, metrics, new Set());
    expect(table.columns.map((c) => c.label)).toEqual(['Metric', 'Value', 'Equivalent']);
    expect(cells(table)).toEqual([['A', '€10 million', 'US$11 million']]);
  });

  it('register a source column where any figure names its source, with a dash for one that does not', () => {
    const metrics = { a: m('A'), b: m('B', { source: undefined }) };
    const register = buildRegister(metrics, ['a', 'b']);
    expect(register.columns.map((c) => c.label)).toEqual(['Metric', 'Value', 'Period', 'Source']);
    expect(cells(register).map((r) => r[3])).toEqual(['Report', '—']);
  });

  it('register: list a few sources that rows repeat once, numbered, each row giving its number; write out many, or each named once, in their rows', () => {
    const long = 'Harbourside Bank plc Q3 2025 interim management statement';
    const numbered = buildRegister({ a: m('A', { source: long }), b: m('B', { source: long }), c: m('C', { source: 'Pillar 3 disclosures' }), d: m('D', { source: undefined }) }, ['a', 'b', 'c', 'd']);
    expect(cells(numbered).map((r) => r[3])).toEqual(['[1]', '[1]', '[2]', '—']);
    expect(numbered.sources).toEqual([{ mark: '[1]', title: long }, { mark: '[2]', title: 'Pillar 3 disclosures' }]);
    // Each source named once: nothing to save by a number, and nothing to look up.
    const once = buildRegister({ a: m('A', { source: 'One' }), b: m('B', { source: 'Two' }) }, ['a', 'b']);
    expect([once.sources, cells(once).map((r) => r[3])]).toEqual([undefined, ['One', 'Two']]);
    // More sources than a reader looks a number up in at a glance: each stays in its rows.
    const ids = Array.from({ length: 20 }, (_, i) => `m${i}`);
    const many = buildRegister(Object.fromEntries(ids.map((id, i) => [id, m(id, { source: `Section ${i % 10}` })])), ids);
    expect([many.sources, cells(many)[0]![3]]).toEqual([undefined, 'Section 0']);
  });

  it('register: tell rows of the same label and period apart by the figure\'s short note and its id, in small type under the label; other rows as they were', () => {
    const metrics = {
      dep_current: m('Personal current accounts', { value: 14.9, unit: 'GBP', scale: 'billion' }),
      dep_current_share: m('Personal current accounts', { value: 31, unit: 'percent', scale: undefined, note: 'Share of customer deposits' }),
      dep_earlier: m('Personal current accounts', { period: 'Q2 2025' }),
    };
    const register = buildRegister(metrics, Object.keys(metrics));
    expect(register.rows.map((r) => r[0]!.text.map((p) => (p.aside ? { aside: p.text } : p.text)))).toEqual([
      ['Personal current accounts', { aside: 'dep_current' }],
      ['Personal current accounts', { aside: 'Share of customer deposits · dep_current_share' }],
      ['Personal current accounts'],
    ]);
  });

  it('register: numbered sources are a layout, not new content (the content hash as before); the small type telling rows apart is known to the send journal as the briefing sent before', async () => {
    const { contentHash, journalKey } = await import('../../src/plan/inputs.ts');
    const canvas = nordwindCanvas();
    for (const metric of Object.values(canvas.metrics)) metric.source = 'Annual report 2025';
    // The register as versions before this one built it: a metric table of its figures, each source in its row.
    const asBefore = (model: BriefingModel) => ({ ...model, appendix: { ...model.appendix, register: buildMetricTable({ columns: ['label', 'value', 'change', 'period', 'source'], rows: Object.keys(canvas.metrics) }, canvas.metrics, new Set()) } });
    const model = buildModel(canvas, { name: 'nordwind', setKey: 'full' });
    expect(model.appendix.register.sources).toHaveLength(1);
    expect(cells(asBefore(model).appendix.register).map((r) => r[4])).toEqual(Object.keys(canvas.metrics).map(() => 'Annual report 2025'));
    expect(JSON.stringify(asBefore(model))).not.toBe(JSON.stringify(model));
    expect(contentHash(model)).toBe(contentHash(asBefore(model)));
    // Two figures of one label and period: new words under the label, a new hash, but the send journal's record of the old.
    canvas.metrics.capacity_share = m('Installed capacity', { value: 12, unit: 'percent', scale: undefined, period: '31 Dec 2025', period_end: '2025-12-31', source: 'Annual report 2025' });
    const marked = buildModel(canvas, { name: 'nordwind', setKey: 'full' });
    expect(contentHash(marked)).not.toBe(contentHash(asBefore(marked)));
    expect(journalKey(marked).contentBefore).toContain(contentHash(asBefore(marked)));
  });

  it('register: keep a change as short as "+0.3 pp YoY" and a period as short as "As at 31 Dec 2025" on one line', () => {
    const metrics = { a: m('A', { period: 'As at 31 Dec 2025', change: { points: 0.3 }, source: undefined }), b: m('B', { period: 'Q2 FY2026 (Jul-Sep 2025), as labelled', change: { text: 'up by more than a third on the year' }, source: undefined }) };
    const register = buildRegister(metrics, ['a', 'b']);
    expect(cells(register)[0]).toEqual(['A', '€10 million', '+0.3 pp YoY', 'As at 31 Dec 2025']);
    expect(register.rows.map((r) => r.map((c) => Boolean(c.nowrap)))).toEqual([[false, false, true, true], [false, false, false, false]]);
  });

  it('align an author\'s column as figures only when most of its cells are figures', () => {
    const numeric = (rows: Array<Array<string | number>>) => buildTable({ columns: ['X'], rows }, {}, new Set()).columns[0]!.numeric;
    expect(numeric([[1], [2], ['n/a']])).toBe(true);
    expect(numeric([[1], ['n/a']])).toBe(false); // half is not most
    expect(numeric([[1], ['n/a'], ['n/a']])).toBe(false);
  });
});
