import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas } from '../../src/validate/validate-canvas.ts';
import { compareCanvases } from '../../src/compare/compare-canvases.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { clip, describeChanges, editedQuote, moveLine, reportLines } from '../../src/model/changes.ts';
import { diffLines } from '../../src/cli/diff.ts';
import { createRenderer } from '../../src/render/render-html.ts';
import type { BriefingModel, TableModel } from '../../src/model/briefing-model.ts';
import { rolledSample, SAMPLE } from '../support/rolled-sample.ts';

// The "Changes since <period>" chapter of a briefing built --since: what it lists, where it goes.

const Q2 = readFileSync('test/fixtures/diff/nordwind-q2.yaml', 'utf8');
const Q3 = readFileSync('test/fixtures/diff/nordwind-q3.yaml', 'utf8');
const canvasOf = (text: string) => validateCanvas(parseCanvas(text, 'nordwind.yaml'));

/** The model of `setKey` of `now`, built --since `before`. */
function modelSince(before: string, now: string, setKey = 'full'): BriefingModel {
  const [was, is] = [canvasOf(before), canvasOf(now)];
  return buildModel(is, { name: 'nordwind', setKey, since: { canvas: was, changes: compareCanvases(was, is) } });
}

const cells = (table: TableModel | undefined) => table?.rows.map((r) => r.map((c) => c.text.map((p) => p.text).join('')));

/**
 * Q3 with a free table in Electricity sales (Norway's share `share`, Denmark's row where `denmark`), one in Fleet and
 * people (its Oslo crew `crew`), a caption `caption` under the revenue chart, and a chart of the fleet placed in Fleet and
 * people captioned `fleet`; the key chart stays the revenue chart.
 */
function withTables(text: string, { share = 38, crew = 40, caption = 'Quarterly reports, Q3 2025.', fleet = 'Fleet reports.', denmark = false } = {}): string {
  const output = `          - table:\n              title: Output by country\n              columns: [Country, { title: "Share (%)", decimals: 0 }]\n              rows:\n                - [Norway, ${share}]\n                - [Sweden, 27]\n${denmark ? '                - [Denmark, 9]\n' : ''}`;
  const crews = `          - table:\n              columns: [Base, Crew]\n              rows:\n                - [Oslo, ${crew}]\n          - chart: fleet_trend\n`;
  return text
    .replace('          - bullets:\n', `${output}          - bullets:\n`)
    .replace('              rows: [turbines]\n', `              rows: [turbines]\n${crews}`)
    .replace('    title: Revenue by quarter\n', `    title: Revenue by quarter\n    caption: ${caption}\n`)
    .replace('    series: revenue\n', `    series: revenue\n  fleet_trend:\n    title: Turbines in operation\n    type: line\n    series: turbines\n    caption: ${fleet}\n`)
    .replace('key_figures: [revenue, turbines]\n', 'key_figures: [revenue, turbines]\nkey_charts: [revenue_trend]\n');
}

/** The chapter's lists of tables or charts changed, as plain text. */
const listed = (items: Array<{ where: string; changes: Array<Array<{ text: string }>> }> | undefined) => items?.map((i) => [i.where, ...i.changes.map((c) => c.map((p) => p.text).join(''))]);

/** Both fixtures with a block set "sales" (Revenue Streams only) that the Q2 one lists turbines and headcount in. */
const withSet = (text: string) => text.replace('key_figures: [revenue, turbines]\n', 'key_figures: [revenue, turbines]\nblock_sets:\n  sales:\n    title: Sales\n    blocks: [revenue_streams]\n');

describe('the changes chapter', () => {
  it('shows a series\' latest value moved from its earlier value as revised since, in the Before column', () => {
    const { changes } = modelSince(Q2, Q3.replace('value: 311.2,', 'value: 310.8,'));
    expect(cells(changes!.figures)!.filter((r) => r[0] === 'Revenue (latest)')).toEqual([
      ['Revenue (latest)', 'Q2 2025 → Q3 2025', '€311.2 million, revised to €310.8 million', '€322.9 million', '+€12.1 million', '▲ up 3.9%'],
    ]);
  });

  it('shows a stated change revised beside the figure, before and now', () => {
    const { changes } = modelSince(Q3, Q3.replace('change: { percent: 6.3 } }', 'change: { percent: 8.1 } }'));
    expect(cells(changes!.figures)).toEqual([
      ['Revenue', 'Q3 2025', '€322.9 million, +6.3% YoY', '€322.9 million, +8.1% YoY', '—', 'stated change revised'],
    ]);
    // Printed, it may wrap after the amount's comma, never before it: no line starts ", +8.1% YoY".
    const { html } = createRenderer().render(modelSince(Q3, Q3.replace('change: { percent: 6.3 } }', 'change: { percent: 8.1 } }')), { svgs: [], pageSize: 'A4' });
    expect(html).toContain('<span class="nb">€322.9 million,</span> +8.1% YoY');
    // Taken away, with the figure: the Now column says there is none.
    const removed = modelSince(Q3.replace('    value: 84.5\n', '    value: 84.5\n    change: { percent: 12 }\n'), Q3.replace('    value: 84.5\n', '    value: 86.5\n'));
    expect(cells(removed.changes!.figures)).toEqual([
      ['Capital expenditure', 'Q3 2025', '€84.5 million, +12% YoY', '€86.5 million, no change stated', '+€2.0 million', '▲ revised up 2.4%'],
    ]);
  });

  it('shows an equivalent corrected beside the figure, before and now, and says so in diff\'s line', () => {
    const withEquivalent = (usd: string) => Q3.replace('    value: 84.5\n', `    value: 84.5\n    equivalent: { value: ${usd}, unit: USD, scale: million }\n`);
    const { changes } = modelSince(withEquivalent('97.6'), withEquivalent('9.76'));
    expect(cells(changes!.figures)).toEqual([
      ['Capital expenditure', 'Q3 2025', '€84.5 million (US$97.6 million)', '€84.5 million (US$9.76 million)', '—', 'equivalent revised'],
    ]);
    const report = describeChanges(compareCanvases(canvasOf(withEquivalent('97.6')), canvasOf(withEquivalent('9.76'))));
    expect(moveLine(report.figures[0])).toBe('Capital expenditure (Q3 2025): €84.5 million → €84.5 million (= figure unchanged, equivalent revised); equivalent US$97.6 million → US$9.76 million');
  });

  it('keeps the labels\' words whole in a tight table of moves, its few words of change wrapping between them, a direction with its percent on one line', () => {
    // Two amounts and a stated change in each of Before and Now: the Figure column was left a few letters a line ("Capit/al").
    const tight = (usd: string, percent: string) => Q3.replace('    value: 84.5\n', `    value: -95000.5\n    equivalent: { value: ${usd}, unit: USD, scale: million }\n    change: { percent: ${percent} }\n`);
    const model = modelSince(tight('-1087.25', '34.5'), tight('-10.87', '-29.25'));
    const { html } = createRenderer().render(model, { svgs: model.charts.map(() => '<svg></svg>'), pageSize: 'A4' });
    const moved = html.slice(html.indexOf('<h2>Figures that moved'), html.indexOf('</table>', html.indexOf('<h2>Figures that moved')));
    expect(moved).toContain('<table class="whole-words">');
    expect(moved).toContain('<td class="">Capital expenditure</td>');
    expect(moved).toContain('<td class="num"><span class="fig">stated change revised</span></td>');
    const moves = createRenderer().render(modelSince(Q2, Q3), { svgs: [], pageSize: 'A4' }).html;
    expect(moves).toContain('<td class="num nowrap"><span class="fig"><span class="nb">▲ up</span> 3.8%</span></td>');
  });

  it('keeps a direction with its percent on one line under the Change column\'s heading of a few words', () => {
    // The sample canvas rolled forward a quarter: long labels and periods beside amounts kept whole. The heading "Change
    // from Before" wraps between its words; measured whole, it left the table no room, and "▲ up 5.0%" wrapped (squeezed).
    const [was, is] = [canvasOf(readFileSync(SAMPLE, 'utf8')), canvasOf(rolledSample())];
    const model = buildModel(is, { name: 'alibaba', setKey: 'full', since: { canvas: was, changes: compareCanvases(was, is) } });
    expect(cells(model.changes!.figures)![0]![0]).toBe('Cloud Intelligence Group revenue (latest)');
    const { html } = createRenderer().render(model, { svgs: model.charts.map(() => '<svg></svg>'), pageSize: 'A4' });
    const moved = html.slice(html.indexOf('<h2>Figures that moved'), html.indexOf('</table>', html.indexOf('<h2>Figures that moved')));
    expect(/<table class="([^"]*)">/.exec(moved)![1]).toBe('whole-words');
  });

  it('lists a figure re-dated (a metric, or a series value under a new id) with its period and date before and now, as diff does', () => {
    const before = Q3
      .replace('    period: Q3 2025\n    period_type: quarter\n    period_end: 2025-09-30\n', '    period: Q3 2025\n    period_type: quarter\n    period_end: 2024-09-30\n')
      .replace('value: 311.2, period: Q2 2025, period_end: 2025-06-30', 'value: 311.2, period: Q2 2025, period_end: 2024-06-30');
    const { changes } = modelSince(before, Q3);
    expect(changes!.empty).toBe(false);
    expect(cells(changes!.figures)).toEqual([
      ['Revenue', 'Q2 2025 (30 Jun 2024) → Q2 2025 (30 Jun 2025)', '€311.2 million', '€311.2 million', '—', '= unchanged'],
      ['Capital expenditure', 'Q3 2025 (30 Sep 2024) → Q3 2025 (30 Sep 2025)', '€84.5 million', '€84.5 million', '—', '= unchanged'],
    ]);
    expect(changes!.added).toBeUndefined();
    expect(changes!.dropped).toBeUndefined();
    // A block set lists them where it shows them: its chart of revenue holds the Q2 value, its new section quotes capex.
    const sales = modelSince(withSet(before), withSet(Q3), 'sales');
    expect(cells(sales.changes!.figures)!.map((r) => r[0])).toEqual(['Revenue', 'Capital expenditure']);
  });

  it('prints the day once where a period\'s words are that day (an as-at figure), in the table and in diff\'s line', () => {
    const headcount = (period: string, end: string, value: number) => Q3.replace('  capex:\n', `  headcount:\n    label: Employees\n    value: ${value}\n    unit: employees\n    period: ${period}\n    period_type: as_at\n    period_end: ${end}\n  capex:\n`);
    const [before, now] = [headcount('30 Jun 2025', '2025-06-30', 1200), headcount('30 Sep 2025', '2025-09-30', 1250)];
    expect(cells(modelSince(before, now).changes!.figures)).toEqual([['Employees', '30 Jun 2025 → 30 Sep 2025', '1,200 employees', '1,250 employees', '+50 employees', '▲ up 4.2%']]);
    const move = describeChanges(compareCanvases(canvasOf(before), canvasOf(now))).figures[0]!;
    expect(moveLine(move)).toBe('Employees (30 Sep 2025): 1,200 employees → 1,250 employees (+50 employees, ▲ up 4.2%); period 30 Jun 2025 → 30 Sep 2025');
    // Words that name another day than the date keep the date beside them.
    const off = headcount('30 Jun 2025', '2025-07-01', 1200);
    expect(cells(modelSince(off, now).changes!.figures)![0][1]).toBe('30 Jun 2025 (1 Jul 2025) → 30 Sep 2025');
    expect(moveLine(describeChanges(compareCanvases(canvasOf(off), canvasOf(now))).figures[0]!)).toBe('Employees (30 Sep 2025): 1,200 employees → 1,250 employees (+50 employees, ▲ up 4.2%); period 30 Jun 2025 (1 Jul 2025) → 30 Sep 2025');
  });

  it('says a forecast is one where it lists the figure, added or moved: "FY2026 (forecast)", not a reported figure\'s period', () => {
    const guidance = (value: number) => `  eps_guidance:\n    label: Diluted EPS\n    value: ${value}\n    unit: EUR\n    period: FY2026\n    period_type: forecast\n    period_end: 2026-12-31\n`;
    const target = '  margin_target:\n    label: EBITDA margin\n    value: 40\n    unit: percent\n    period: FY2027\n    period_type: target\n';
    const [before, now] = [Q3.replace('metrics:\n', `metrics:\n${guidance(6.2)}`), Q3.replace('metrics:\n', `metrics:\n${guidance(6.35)}${target}`)];
    const { changes } = modelSince(before, now);
    expect(cells(changes!.figures)!.find((r) => r[0] === 'Diluted EPS')![1]).toBe('FY2026 (forecast)');
    expect(cells(changes!.added)).toEqual([['EBITDA margin', 'FY2027 (target)', '40%']]);
  });

  it('lists a figure whose period type changed (an actual become a forecast) with its type before and now, in the table and in diff\'s line', () => {
    const forecast = Q3.replace('    period: Q3 2025\n    period_type: quarter\n    period_end: 2025-09-30\n', '    period: Q3 2025\n    period_type: forecast\n    period_end: 2025-09-30\n');
    const { changes } = modelSince(Q3, forecast);
    expect(cells(changes!.figures)).toEqual([['Capital expenditure', 'Q3 2025 (quarter → forecast)', '€84.5 million', '€84.5 million', '—', '= unchanged']]);
    const move = describeChanges(compareCanvases(canvasOf(Q3), canvasOf(forecast))).figures[0]!;
    expect(move.period_type).toEqual({ before: 'quarter', now: 'forecast' });
    expect(moveLine(move)).toBe('Capital expenditure (Q3 2025): €84.5 million → €84.5 million (= unchanged); period type quarter → forecast');
  });

  it('never shows a change too small for a tenth of a percent as 0.0%, but in the digits it takes', () => {
    const capex = (value: number) => Q3.replace('    value: 84.5\n', `    value: ${value}\n`);
    expect(cells(modelSince(capex(86.1), capex(86.06)).changes!.figures)).toEqual([
      ['Capital expenditure', 'Q3 2025', '€86.1 million', '€86.06 million', '\u2212€0.04 million', '▼ revised down 0.05%'],
    ]);
    expect(cells(modelSince(capex(86.1), capex(86.0996)).changes!.figures)![0]!.at(-1)).toBe('▼ revised down 0.0005%');
  });

  it('writes its figures as the briefing\'s language does, a negative bracketed whole where the theme brackets negatives', () => {
    const loss = (value: number, language: string) => Q3.replace('    value: 84.5\n', `    value: ${value}\n`).replace('currency: EUR,', `currency: EUR, language: ${language},`);
    for (const [language, figures] of [['de', ['(2,3 Mio. €)', '(2,5 Mio. €)', '(0,2 Mio. €)']], ['fr', ['(2,3 M €)', '(2,5 M €)', '(0,2 M €)']], ['en', ['(€2.3 million)', '(€2.5 million)', '(€0.2 million)']]] as const) {
      const [was, is] = [canvasOf(loss(-2.3, language)), canvasOf(loss(-2.5, language))];
      expect(is.briefing.language).toBe(language);
      const { changes } = buildModel(is, { name: 'nordwind', setKey: 'full', since: { canvas: was, changes: compareCanvases(was, is) }, negatives: 'parentheses' });
      expect(cells(changes!.figures)!.map((r) => r.map((c) => c.replace(/[\u00a0\u202f]/g, ' '))), language).toEqual([['Capital expenditure', 'Q3 2025', ...figures, '▼ revised down']]);
    }
    // Rising, in German: the difference and the percent as the chapters write them ("48,350" beside a quoted "48.900" read as two figures).
    const { changes } = modelSince(Q2.replace('currency: EUR,', 'currency: EUR, language: de,'), Q3.replace('currency: EUR,', 'currency: EUR, language: de,'));
    expect(cells(changes!.figures)![0]!.map((c) => c.replace(/[\u00a0\u202f]/g, ' '))).toEqual(['Revenue (latest)', 'Q2 2025 → Q3 2025', '311,2 Mio. €', '322,9 Mio. €', '+11,7 Mio. €', '▲ up 3,8 %']);
    // A stated change revised beside its figure: in German too ("+7.5% YoY" beside "84,5 Mio. €" read as another figure).
    const stated = (percent: number) => Q3.replace('    value: 84.5\n', `    value: 84.5\n    change: { percent: ${percent} }\n`).replace('currency: EUR,', 'currency: EUR, language: de,');
    const revised = modelSince(stated(7.5), stated(8.25)).changes!;
    expect(cells(revised.figures)![0]!.slice(2, 4).map((c) => c.replace(/[\u00a0\u202f]/g, ' '))).toEqual(['84,5 Mio. €, +7,5 % YoY', '84,5 Mio. €, +8,25 % YoY']);
  });

  it('lists what moved, was added and dropped, in tables, with direction as text', () => {
    const { changes } = modelSince(Q2, Q3);
    expect(changes).toMatchObject({ anchor: 'changes', title: 'Changes since Q2 2025', empty: false, sectionsAdded: ['2.2 Grid services (Revenue Streams)'], sectionsRemoved: [], textAdded: [], textRemoved: [] });
    expect(changes!.lead).toBe('Compared with the Q2 2025 briefing (data as of 31 Jul 2025): the figures that moved, the figures added and dropped, the text added or removed, tables and charts edited, and any other part changed.');
    // The change is labelled as from Before, and said to be so under the table: a series' latest value moved quarter on
    // quarter ("▲ up 3.8%"), which a reader must not take for the year-on-year change the key figures state.
    expect(changes!.figures!.columns.map((c) => c.label)).toEqual(['Figure', 'Period', 'Before', 'Now', 'Difference', 'Change from Before']);
    expect(changes!.figures!.note).toBe('Difference and Change are from Before to Now: for a figure marked (latest), from the period before it, as the Period column shows; not a change stated beside a figure, such as year on year.');
    // Where no series' latest value moved, the note says no more than what the change is from.
    const revised = modelSince(Q3, Q3.replace('    value: 84.5\n', '    value: 84.9\n')).changes!;
    expect(revised.figures!.note).toBe('Difference and Change are from Before to Now; not a change stated beside a figure, such as year on year.');
    expect(cells(changes!.figures)).toEqual([
      ['Revenue (latest)', 'Q2 2025 → Q3 2025', '€311.2 million', '€322.9 million', '+€11.7 million', '▲ up 3.8%'],
      ['Turbines in operation (latest)', '30 Jun 2025 → 30 Sep 2025', '798 turbines', '812 turbines', '+14 turbines', '▲ up 1.8%'],
    ]);
    // Q3's revenue and turbines are those moves' Now, not listed again: only a figure new to the canvas is added.
    expect(cells(changes!.added)).toEqual([['Capital expenditure', 'Q3 2025', '€84.5 million']]);
    expect(cells(changes!.dropped)).toEqual([['Employees', '30 Jun 2025', '1,200 employees']]);
  });

  it('shows a series rolled forward once: its new latest value as its move, never again as added; values no move shows as added or dropped', () => {
    const q4 = '      - { value: 335.4, period: Q4 2025, period_end: 2025-12-31, change: { percent: 7.2 } }\n';
    const q3 = '      - { value: 322.9, period: Q3 2025, period_end: 2025-09-30, change: { percent: 6.3 } }\n';
    // Two quarters added at once (Q3 and Q4 after Q2): the move is Q2 → Q4, and Q3, which it does not show, is added.
    const both = modelSince(Q2, Q3.replace('as_of: 2025-10-31', 'as_of: 2026-01-31').replace(q3, `${q3}${q4}`)).changes!;
    expect(cells(both.figures)![0]).toEqual(['Revenue (latest)', 'Q2 2025 → Q4 2025', '€311.2 million', '€335.4 million', '+€24.2 million', '▲ up 7.8%']);
    expect(cells(both.added)).toEqual([['Revenue', 'Q3 2025', '€322.9 million'], ['Capital expenditure', 'Q3 2025', '€84.5 million']]);
    // A series kept to its latest value, Q3 replacing Q2: the move shows both; neither is added or dropped as well.
    const only = (text: string) => text.replace(/ {6}- \{ value: 30\d\.\d, period: Q1 2025.*\n/, '').replace(/ {6}- \{ value: 311\.2, period: Q2 2025.*\n/, '');
    const replaced = modelSince(Q3.replace(q3, ''), only(Q3)).changes!;
    expect(cells(replaced.figures)).toEqual([['Revenue (latest)', 'Q2 2025 → Q3 2025', '€311.2 million', '€322.9 million', '+€11.7 million', '▲ up 3.8%']]);
    expect(cells(replaced.dropped)).toEqual([['Revenue', 'Q1 2025', '€301.5 million']]);
    expect(replaced.added).toBeUndefined();
    // diff lists the same.
    const lines = diffLines(describeChanges(compareCanvases(canvasOf(Q2), canvasOf(Q3))), reportLines);
    expect(lines.slice(lines.indexOf('Figures added:'), lines.indexOf('Figures added:') + 3)).toEqual(['Figures added:', '  + capex: Capital expenditure (Q3 2025): €84.5 million', '']);
  });

  it('comes after the key figures in the contents, unnumbered, and leaves the chapters\' numbers alone', () => {
    const since = modelSince(Q2, Q3);
    const plain = buildModel(canvasOf(Q3), { name: 'nordwind', setKey: 'full' });
    expect(since.toc.slice(0, 3).map((e) => [e.anchor, e.label, e.number])).toEqual([
      ['key-figures', 'Key figures', undefined], ['changes', 'Changes since Q2 2025', undefined], ['ch-key_resources', 'Key Resources', '1'],
    ]);
    expect(since.chapters.map((c) => c.number)).toEqual(plain.chapters.map((c) => c.number));
    // Without --since a model has no such property at all, so its content hash (and edition) is what it was.
    expect('changes' in plain).toBe(false);
    expect({ ...since, changes: undefined, toc: plain.toc }).toEqual({ ...plain, changes: undefined });
  });

  it('is printed after the contents page and before chapter 1, with its own running head when parts start new pages', () => {
    const model = modelSince(Q2, Q3);
    const { html, headings } = createRenderer().render(model, { svgs: model.charts.map(() => '<svg></svg>'), pageSize: 'A4' });
    const at = (marker: string) => html.indexOf(marker);
    expect(at('id="contents"')).toBeGreaterThan(0);
    expect(at('id="changes"')).toBeGreaterThan(at('id="contents"'));
    expect(at('id="ch-key_resources"')).toBeGreaterThan(at('id="changes"'));
    expect(headings.map((h) => h.title)).toContain('Changes since Q2 2025');
    expect(html).toMatch(/<section class="changes" id="changes">/);
    const paged = createRenderer({ theme: { dir: 'test/fixtures', chapterBreaks: 'page' } }).render(model, { svgs: model.charts.map(() => '<svg></svg>'), pageSize: 'A4' }).html;
    expect(paged).toContain('@page changes { @top-right { content: "Changes since Q2 2025"; } }');
    expect(paged).toMatch(/<section class="changes" id="changes" style="page: changes">/);
  });

  it('keeps each period and date of a move on one line, the arrow with the first, and wraps only a long period between its words', () => {
    const html = (model: BriefingModel) => createRenderer().render(model, { svgs: model.charts.map(() => '<svg></svg>'), pageSize: 'A4' }).html;
    const moved = html(modelSince(Q2, Q3));
    expect(moved).toContain('<td class=""><span class="nb">Q2 2025 →</span> <span class="nb">Q3 2025</span></td>');
    expect(moved).toContain('<td class=""><span class="nb">30 Jun 2025 →</span> <span class="nb">30 Sep 2025</span></td>');
    // Added and dropped figures' periods too.
    expect(moved).toContain('<td class=""><span class="nb">30 Jun 2025</span></td>');
    // A figure re-dated: its words and its date each whole, the arrow after the first date.
    const redated = Q3.replace('    period: Q3 2025\n    period_type: quarter\n    period_end: 2025-09-30\n', '    period: Q3 2025\n    period_type: quarter\n    period_end: 2024-09-30\n');
    expect(html(modelSince(redated, Q3))).toContain('<span class="nb">Q3 2025</span> <span class="nb">(30 Sep 2024) →</span> <span class="nb">Q3 2025</span> <span class="nb">(30 Sep 2025)</span>');
    // Worded at length, as a company may: it wraps between its words, as before.
    const long = Q3.replace('value: 311.2, period: Q2 2025,', 'value: 311.2, period: three months ended 30 June 2025,');
    expect(html(modelSince(long, Q3))).toContain('<td class="">three months ended 30 June 2025 → <span class="nb">Q2 2025</span></td>');
  });

  it('quotes text added and removed with its figures as they read in that version, cut short', () => {
    const now = Q3.replace('Merchant exposure in the Nordic spot market.', 'Merchant exposure hedged with contracts worth [[revenue]].');
    const { changes } = modelSince(Q3, now);
    const quotes = (list: Array<{ where: string; text: Array<{ text: string }> }>) => list.map((q) => [q.where, q.text.map((p) => p.text).join('')]);
    expect(quotes(changes!.textAdded)).toEqual([['2.1 Electricity sales (Revenue Streams)', 'Merchant exposure hedged with contracts worth €322.9 million.']]);
    expect(quotes(changes!.textRemoved)).toEqual([['2.1 Electricity sales (Revenue Streams)', 'Merchant exposure in the Nordic spot market.']]);
    expect(clip([{ text: 'One two three four five' }, { text: '€5 million', figure: true }], 12)).toEqual([{ text: 'One two' }, { text: '…' }]);
    expect(clip([{ text: 'Rose to ' }, { text: '€5 million', figure: true }, { text: ' in the quarter' }], 20)).toEqual([{ text: 'Rose to ' }, { text: '€5 million', figure: true }, { text: '…' }]);
  });

  it('numbers the section of text removed as it prints now, as text added is; a section gone unnumbered in Sections removed', () => {
    const quotes = (list: Array<{ where: string; text: Array<{ text: string }> }>) => list.map((q) => [q.where, q.text.map((p) => p.text).join('')]);
    const grid = '      - title: Grid services\n        content:\n          - paragraph: Balancing services for the Nordic grid operators, with [[capex]] invested in the quarter.\n';
    // Grid services moved ahead of Electricity sales, whose bullet was edited: both sides of the edit under its number now, 2.2.
    const reordered = (text: string) => text.replace(grid, '').replace('    sections:\n      - title: Electricity sales\n', `    sections:\n${grid}      - title: Electricity sales\n`);
    const edited = modelSince(Q3, reordered(Q3).replace('Merchant exposure in the Nordic spot market.', 'Merchant exposure hedged.')).changes!;
    expect(quotes(edited.textAdded)).toEqual([['2.2 Electricity sales (Revenue Streams)', 'Merchant exposure hedged.']]);
    expect(quotes(edited.textRemoved)).toEqual([['2.2 Electricity sales (Revenue Streams)', 'Merchant exposure in the Nordic spot market.']]);
    // A section gone has no number now: listed unnumbered, its text going with it.
    const gone = modelSince(Q3, Q3.replace(grid, '')).changes!;
    expect(gone.sectionsRemoved).toEqual(['Grid services (Revenue Streams)']);
    expect(gone.textRemoved).toEqual([]);
  });

  it('quotes an edited paragraph from where its words part, not from an earlier figure that moved (the figures table shows that)', () => {
    const paragraph = (verb: string) => `Revenue reached [[revenue]] on higher prices and volumes across the fleet, in every market the group serves, and the board ${verb} its outlook for the full year at the meeting.`;
    const edit = (text: string, verb: string) => text.replace('Merchant exposure in the Nordic spot market.', paragraph(verb));
    const { changes } = modelSince(edit(Q2, 'reaffirmed'), edit(Q3, 'raised'));
    const quoted = (list: Array<{ text: Array<{ text: string }> }>) => list.map((q) => q.text.map((p) => p.text).join(''));
    expect(quoted(changes!.textAdded)).toEqual([expect.stringMatching(/^….*the board raised its outlook for the full year at the meeting\.$/)]);
    expect(quoted(changes!.textRemoved)).toEqual([expect.stringMatching(/^….*the board reaffirmed its outlook for the full year at the meeting\.$/)]);
  });

  it('quotes every place where an edited text differs, each with words around it, never leaving out a changed figure', () => {
    const lead = (count: string, cents: number) => `${count} segments make up revenue, led by ocean freight, with air and contract logistics behind; margins were steady across all regions, and the board approved a dividend of ${cents} cents.`;
    const edit = (text: string, count: string, cents: number) => text.replace('lead: A fleet of [[turbines]] in three countries.', `lead: ${lead(count, cents)}`);
    const { changes } = modelSince(edit(Q3, 'Three', 20), edit(Q3, 'Four', 25));
    const quoted = (list: Array<{ text: Array<{ text: string }> }>) => list.map((q) => q.text.map((p) => p.text).join(''));
    expect(quoted(changes!.textAdded)).toEqual(['Four segments make up revenue, led by ocean freight, with air and … across all regions, and the board approved a dividend of 25 cents.']);
    expect(quoted(changes!.textRemoved)).toEqual(['Three segments make up revenue, led by ocean freight, with air and … across all regions, and the board approved a dividend of 20 cents.']);
    // The console and the chapter quote by the one function: bounded, the runs with a figure kept first.
    const words = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(' ');
    const was = [...words, 'and a dividend of 20 cents.'].join(' ');
    const is = [...words.map((w, i) => (i % 5 === 2 ? w.toUpperCase() : w)), 'and a dividend of 25 cents.'].join(' ');
    expect(editedQuote(is, [was], 60)).toBe('one two THREE four five six seven … a dividend of 25 cents.');
    expect(editedQuote(is, [was], 40)).toBe('…twenty and a dividend of 25 cents.');
    expect(editedQuote(is, [was], 200)).toBe(is);
    expect(editedQuote(is, [], 20)).toBe('one two THREE four…');
  });

  it('quotes a reference made to name another figure, which the figures table does not list, beside an edit of words', () => {
    const lead = (ref: string, verb: string) => `Spending reached [[${ref}]] in the quarter, the board said at its meeting in Oslo, where it also ${verb} its long-term outlook for the fleet and its dividend.`;
    const edit = (text: string, ref: string, verb: string) => text.replace('lead: A fleet of [[turbines]] in three countries.', `lead: ${lead(ref, verb)}`);
    const { changes } = modelSince(edit(Q3, 'capex', 'reaffirmed'), edit(Q3, 'revenue', 'raised'));
    const quoted = (list: Array<{ text: Array<{ text: string }> }>) => list.map((q) => q.text.map((p) => p.text).join(''));
    expect(changes!.figures).toBeUndefined();
    expect(quoted(changes!.textAdded)).toEqual([expect.stringMatching(/^Spending reached €322\.9 million .* raised its/)]);
    expect(quoted(changes!.textRemoved)).toEqual([expect.stringMatching(/^Spending reached €84\.5 million .* reaffirmed its/)]);
  });

  it('quotes a short edited text whole however many spaces its words have between them, its last figure kept', () => {
    // 130 characters as words, over 140 as written: quoted whole as its words are, not cut at 140 of the spaces too.
    const lead = (cents: number) => ['Debt fell.', 'Output rose.', 'Prices fell.', 'Costs rose.', 'Margins held.', 'Sales grew.', 'Cash rose.', 'Staff grew.', 'Risks fell.', `Payout was ${cents} cents.`].join('    ');
    const edit = (text: string, cents: number) => text.replace('lead: A fleet of [[turbines]] in three countries.', `lead: "${lead(cents)}"`);
    const { changes } = modelSince(edit(Q3, 20), edit(Q3, 25));
    const quoted = (list: Array<{ text: Array<{ text: string }> }>) => list.map((q) => q.text.map((p) => p.text).join('').replace(/\s+/g, ' '));
    expect(quoted(changes!.textAdded)).toEqual([expect.stringMatching(/Payout was 25 cents\.$/)]);
    expect(quoted(changes!.textRemoved)).toEqual([expect.stringMatching(/Payout was 20 cents\.$/)]);
  });

  it('keeps a changed figure written in other digits than 0-9 (Devanagari, full-width) as it keeps one in 0-9', () => {
    const hindi = (firm: string, said: string, year: string, good: string, costs: string, fell: string, paise: string) =>
      `${firm} ने ${said} कि इस ${year} बिक्री ${good} रही और ${costs} कम ${fell} तथा बोर्ड ने लाभांश बढ़ाया जो अब प्रति शेयर ${paise} पैसे है और आगे भी रहेगा`;
    const was = hindi('कंपनी', 'कहा', 'साल', 'अच्छी', 'लागत', 'हुई', '२०');
    const is = hindi('फर्म', 'बताया', 'वर्ष', 'बेहतर', 'खर्च', 'हुआ', '२५');
    expect(editedQuote(is, [was], 80)).toContain(' २५ पैसे');
    expect(editedQuote(was, [is], 80)).toContain(' २० पैसे');
    const wide = (firm: string, good: string, fell: string, cents: string) =>
      `The ${firm} said that this year sales were ${good} and costs ${fell} while the board raised the dividend, which is now ${cents} cents a share and will stay so`;
    expect(editedQuote(wide('firm', 'strong', 'dropped', '２５'), [wide('company', 'good', 'fell', '２０')], 80)).toContain(' ２５ cents');
  });

  it('quotes text with its figures as the briefing\'s language writes them, as its chapters do; the figures table stays English', () => {
    // A German trial: "beschäftigte der Konzern 12,840 Beschäftigte" quoted in a German briefing, whose reader takes it for 12.84.
    const de = (text: string, turbines: number) => text.replace('currency: EUR,', 'currency: EUR, language: de,').replace('lead: A fleet of [[turbines]] in three countries.', `lead: "Die Flotte zählt [[turbines]]; der Umsatz betrug [[revenue]], im Jahr zuvor ${turbines}."`);
    const { changes } = modelSince(de(Q3, 1200), de(Q3, 1250));
    const quoted = (list: Array<{ text: Array<{ text: string }> }>) => list.map((q) => q.text.map((p) => p.text).join(''));
    expect(quoted(changes!.textAdded)).toEqual([expect.stringMatching(/Die Flotte zählt 812\sturbines; der Umsatz betrug 322,9\sMio\.\s€, im Jahr zuvor 1250\.$/u)]);
    expect(quoted(changes!.textRemoved)).toEqual([expect.stringMatching(/der Umsatz betrug 322,9\sMio\.\s€, im Jahr zuvor 1200\.$/u)]);
  });

  it('quotes an edit in Chinese where it is, its characters read as words, in diff and in the chapter alike', () => {
    // A trial's paragraph of about 280 characters, "120个" made "150个" at its end, was quoted whole: no spaces, one word.
    const zh = (outlets: number) => `${'我们坚持以客户为中心，以奋斗者为本，长期坚持艰苦奋斗，持续为客户创造价值。'.repeat(4)}在长三角地区建设了多个生产基地，同时积极拓展海外市场，重点布局东南亚、欧洲和北美地区，并新增销售网点${outlets}个。`;
    const quoted = editedQuote(zh(150), [zh(120)], 80);
    expect(quoted).toMatch(/^….*新增销售网点150个。$/);
    expect(quoted.length).toBeLessThanOrEqual(82);
    // Nor does it start with the punctuation after the ellipsis: at 76 characters the window starts at "，长期".
    expect(editedQuote(zh(150), [zh(120)], 76)).toMatch(/^…长期坚持/);
    expect(editedQuote(zh(120), [zh(150)], 80)).toMatch(/新增销售网点120个。$/);
    const edit = (text: string, outlets: number) => text.replace('lead: A fleet of [[turbines]] in three countries.', `lead: ${zh(outlets)}`);
    const { changes } = modelSince(edit(Q3, 120), edit(Q3, 150));
    const chapter = (list: Array<{ text: Array<{ text: string }> }>) => list.map((q) => q.text.map((p) => p.text).join(''));
    expect(chapter(changes!.textAdded)).toEqual([expect.stringMatching(/^…[^，].*新增销售网点150个。$/)]);
    expect(chapter(changes!.textAdded)[0]!.length).toBeLessThan(150);
    expect(chapter(changes!.textRemoved)).toEqual([expect.stringMatching(/^…[^，].*新增销售网点120个。$/)]);
  });

  it('pairs two bullets edited at once each with its own earlier self, so neither side\'s changed figure is left out', () => {
    const bullet = (cents: number, cls: string) => `A dividend of ${cents} cents per share was paid in May to holders on the register at the end of April, for class ${cls} shares.`;
    const edit = (text: string, a: number, b: number) => text.replace('              - Contracted share of output above two thirds.\n              - Merchant exposure in the Nordic spot market.\n',
      `              - ${bullet(a, 'A')}\n              - ${bullet(b, 'B')}\n`);
    const [was, is] = [edit(Q3, 20, 25), edit(Q3, 25, 30)];
    const { changes } = modelSince(was, is);
    const quoted = (list: Array<{ text: Array<{ text: string }> }>) => list.map((q) => q.text.map((p) => p.text).join(''));
    expect(quoted(changes!.textRemoved)).toEqual([expect.stringContaining(' 20 cents '), expect.stringContaining(' 25 cents ')]);
    expect(quoted(changes!.textAdded)).toEqual([expect.stringContaining(' 25 cents '), expect.stringContaining(' 30 cents ')]);
    const lines = diffLines(describeChanges(compareCanvases(canvasOf(was), canvasOf(is))), reportLines);
    expect(lines.filter((l) => l.startsWith('  - '))).toEqual([expect.stringContaining(' 20 cents '), expect.stringContaining(' 25 cents ')]);
    expect(lines.filter((l) => l.startsWith('  + '))).toEqual([expect.stringContaining(' 25 cents '), expect.stringContaining(' 30 cents ')]);
  });

  it('aligns a long paragraph edited at its start, middle and end word by word: its changed figure quoted, not every number in it', () => {
    const names = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta'];
    for (const length of [2_000, 20_000]) {
      const words = Array.from({ length }, (_, i) => (i % 20 === 10 ? String(i) : names[i % 7]));
      const was = words.join(' ');
      const edited = words.slice();
      edited[1] = 'START';
      edited[length / 2 + 3] = '12345';
      edited[length - 3] = 'END';
      const quoted = editedQuote(edited.join(' '), [was], 80);
      expect(quoted).toContain(' 12345 ');
      expect(quoted.length).toBeLessThanOrEqual(90);
      expect(editedQuote(was, [edited.join(' ')], 80)).toContain(` ${names[(length / 2 + 3) % 7]} `);
    }
  });

  it('leaves out text whose references were rewritten but that reads the same, which diff lists for the canvas\'s author', () => {
    // Before, the quarter's revenue was a metric of its own; now the paragraph names the series.
    const before = Q3
      .replace('  capex:\n', '  revenue_q3:\n    label: Revenue\n    value: 322.9\n    unit: EUR\n    scale: million\n    period: Q3 2025\n  capex:\n')
      .replaceAll('Revenue was [[revenue]] in the quarter', 'Revenue was [[revenue_q3]] in the quarter');
    const [was, is] = [canvasOf(before), canvasOf(Q3)];
    const changes = compareCanvases(was, is);
    expect(changes.text.added.map((t) => t.written)).toEqual([
      'Revenue was [[revenue]] in the quarter, with [[turbines]] in operation.',
      'Revenue was [[revenue]] in the quarter ([[revenue.change]]).',
    ]);
    expect(modelSince(before, Q3).changes).toMatchObject({ textAdded: [], textRemoved: [] });
  });

  it('says when nothing changed, titled by date when the period is the same', () => {
    const later = Q3.replace('as_of: 2025-10-31', 'as_of: 2025-11-15');
    const { changes } = modelSince(Q3, later);
    expect(changes).toMatchObject({ title: 'Changes since 31 Oct 2025', empty: true, sectionsAdded: [], textAdded: [] });
    expect(changes!.figures).toBeUndefined();
  });

  it('reports a canvas re-dated, and nothing else, as a difference to diff (its exit code), not "no differences"', () => {
    const report = describeChanges(compareCanvases(canvasOf(Q3), canvasOf(Q3.replace('as_of: 2025-10-31', 'as_of: 2025-11-15'))));
    expect(report).toMatchObject({ differences: true, before: { as_of: '2025-10-31' }, now: { as_of: '2025-11-15' }, figures: [], also_changed: [] });
    expect(diffLines(report, reportLines)).not.toContain('no differences');
    expect(describeChanges(compareCanvases(canvasOf(Q3), canvasOf(Q3))).differences).toBe(false);
  });

  it('in a block set\'s briefing lists only the changes to what that briefing shows', () => {
    const sales = modelSince(withSet(Q2), withSet(Q3), 'sales');
    expect(sales.changes!.lead).toMatch(/Only changes to what this briefing covers are listed; the full briefing lists them all\.$/);
    // Revenue and turbines are its key figures; capex is quoted in its new section; headcount was only in Key Resources.
    expect(cells(sales.changes!.figures)!.map((r) => r[0])).toEqual(['Revenue (latest)', 'Turbines in operation (latest)']);
    expect(cells(sales.changes!.added)!.map((r) => r[0])).toEqual(['Capital expenditure']);
    expect(sales.changes!.dropped).toBeUndefined();
    expect(sales.changes!.sectionsAdded).toEqual(['2.2 Grid services (Revenue Streams)']);
    // Text in a chapter the set leaves out is not its news; the full briefing lists it.
    const edited = (t: string) => withSet(t).replace('in three countries', 'in four countries');
    expect(modelSince(withSet(Q2), edited(Q3), 'sales').changes!.textAdded).toEqual([]);
    expect(modelSince(withSet(Q2), edited(Q3), 'full').changes!.textAdded.map((q) => q.where)).toEqual(['Key Resources, opening']);
    // A figure the set showed before and that is gone since is listed as dropped.
    const showedHeadcount = withSet(Q2).replace('    blocks: [revenue_streams]\n', '    blocks: [revenue_streams]\n    key_figures: [revenue, headcount]\n');
    expect(cells(modelSince(showedHeadcount, withSet(Q3), 'sales').changes!.dropped)).toEqual([['Employees', '30 Jun 2025', '1,200 employees']]);
  });

  it('lists free tables cell by cell, charts\' titles and captions, and names every other part changed, as diff does; never "nothing changed" for them', () => {
    const before = withTables(Q3);
    const now = withTables(Q3, { share: 40, crew: 42, caption: 'Quarterly reports, Q4 2025.' })
      .replace('    - title: Nordwind Energi ASA, quarterly reports 2025', '    - title: Nordwind Energi ASA, quarterly reports 2025 and 2024');
    const { changes } = modelSince(before, now);
    expect(changes!.empty).toBe(false);
    expect(listed(changes!.tables)).toEqual([
      ['1.1 Fleet and people (Key Resources), table 1', 'row Oslo, Crew: 40 → 42'],
      ['2.1 Electricity sales (Revenue Streams), table “Output by country”', 'row Norway, Share (%): 38 → 40'],
    ]);
    expect(listed(changes!.charts)).toEqual([['Chart “Revenue by quarter”', 'caption “Quarterly reports, Q3 2025.” → “Quarterly reports, Q4 2025.”']]);
    expect(changes!.alsoChanged).toEqual(['Data notes (sources)']);
    // diff says the same, one line each.
    const lines = diffLines(describeChanges(compareCanvases(canvasOf(before), canvasOf(now))), reportLines);
    expect(lines).toEqual([
      'Tables changed:',
      '  Key Resources, Fleet and people, table 1: row Oslo, Crew: 40 → 42',
      '  Revenue Streams, Electricity sales, "Output by country": row Norway, Share (%): 38 → 40',
      '',
      'Charts changed:',
      '  Revenue by quarter (revenue_trend): caption "Quarterly reports, Q3 2025." → "Quarterly reports, Q4 2025."',
      '',
      'Also changed, not compared line by line:',
      '  data notes (sources)',
    ]);
    // A row added: listed whole, as diff lists it.
    const grown = modelSince(before, withTables(Q3, { denmark: true })).changes!;
    expect(listed(grown.tables)).toEqual([['2.1 Electricity sales (Revenue Streams), table “Output by country”', 'row added “Denmark | 9”']]);
    // Only a part not itemised (a source): never "nothing has changed".
    const sourced = modelSince(Q3, Q3.replace('quarterly reports 2025', 'quarterly reports 2025 and 2024')).changes!;
    expect(sourced).toMatchObject({ empty: false, tables: [], charts: [], alsoChanged: ['Data notes (sources)'] });
    // Printed under their own headings, each table or chart with where it is above its changes.
    const { html } = createRenderer().render(modelSince(before, now), { svgs: [], pageSize: 'A4' });
    expect(html).not.toContain('Nothing in this briefing has changed');
    expect(html).toContain('<h2>Tables changed</h2>');
    expect(html).toContain('<li><span class="changed-where">2.1 Electricity sales (Revenue Streams), table “Output by country”</span><ul class="changed-parts"><li>row Norway, Share (%): 38 → 40</li></ul></li>');
    expect(html).toContain('<h2>Charts changed</h2>');
    expect(html).toContain('<h2>Also changed, not compared line by line</h2>');
    expect(html).toContain('<li>Data notes (sources)</li>');
  });

  it('names the parts listed under "Also changed" as the briefing prints them: a metric by its label, a chart by its title, no ids', () => {
    const now = withSet(Q3)
      .replace('    period_end: 2025-09-30\ncharts:', '    period_end: 2025-09-30\n    note: Includes grid connections.\ncharts:')
      .replace('    series: revenue\n', '    series: revenue\n    last: 2\n')
      .replace('    blocks: [revenue_streams]\n', '    blocks: [revenue_streams, key_resources]\n')
      .replace('data_notes:\n', 'data_notes:\n  notes:\n    - Figures are unaudited.\n  contradictions:\n    - { title: Revenue, metrics: [revenue@2025-09-30, capex], note: Two reports differ. }\n');
    const full = modelSince(withSet(Q3), now).changes!;
    expect(full.alsoChanged).toEqual(['Data notes (where sources disagree, notes)', 'Capital expenditure (note)', 'Chart “Revenue by quarter” (figures plotted)']);
    expect(modelSince(withSet(Q3), now, 'sales').changes!.alsoChanged).toEqual(['The “Sales” briefing (chapters)', 'Data notes (where sources disagree, notes)', 'Capital expenditure (note)', 'Chart “Revenue by quarter” (figures plotted)']);
    // diff, for the canvas's author, names them by id and field, as the canvas writes them.
    const lines = diffLines(describeChanges(compareCanvases(canvasOf(withSet(Q3)), canvasOf(now))), reportLines);
    expect(lines.slice(lines.indexOf('Also changed, not compared line by line:') + 1)).toEqual(['  block sets (sales)', '  data notes (contradictions, notes)', '  metric capex (note)', '  chart revenue_trend (last)']);
  });

  it('quotes a free table\'s numbers edited as the table prints them, in the briefing\'s notation; text in quotes as typed', () => {
    // Unquoted numbers (one written with a trailing zero, which load/ gives as { value, decimals }), a column with decimals,
    // and text in quotes ("1.200" is 1200 to a German writer: the table prints it as typed, and so does the chapter).
    const backlog = (language: string, rows: string[]) => (text: string) => text.replace('currency: EUR,', `currency: EUR,${language}`).replace('          - bullets:\n',
      `          - table:\n              title: Kennzahlen\n              columns: [Kennzahl, Wert, { title: Ziel, decimals: 1 }, Text]\n              rows:\n${rows.map((r) => `                - ${r}\n`).join('')}          - bullets:\n`);
    const was = ['["Auftragsbestand Mio. €", 1234.5, 38, "1.200"]', '["Anteil (%)", 59.5, 40, x]', '[Saldo, -3.0, 1, x]'];
    const is = ['["Auftragsbestand Mio. €", 1301.2, 38, "1.250"]', '["Anteil (%)", 59.70, 41, x]', '[Saldo, -2.5, 1, x]'];
    const lines = (language: string) => {
      const model = modelSince(backlog(language, was)(Q3), backlog(language, is)(Q3));
      const table = model.chapters.flatMap((c) => c.sections.flatMap((s) => s.items)).flatMap((i) => (i.kind === 'table' && i.table.title === 'Kennzahlen' ? [i.table] : []))[0]!;
      return { changes: listed(model.changes!.tables)![0].slice(1), printed: cells(table) };
    };
    const german = lines(' language: de,');
    expect(german.changes).toEqual([
      'row Auftragsbestand Mio. €, Wert: 1.234,5 → 1.301,2',
      'row Auftragsbestand Mio. €, Text: 1.200 → 1.250',
      'row Anteil (%), Wert: 59,5 → 59,70',
      'row Anteil (%), Ziel: 40,0 → 41,0',
      'row Saldo, Wert: \u22123,0 → \u22122,5',
    ]);
    // Each figure now as the table two pages on prints it: one notation for one figure.
    expect(german.printed).toEqual([['Auftragsbestand Mio. €', '1.301,2', '38,0', '1.250'], ['Anteil (%)', '59,70', '41,0', 'x'], ['Saldo', '\u22122,5', '1,0', 'x']]);
    // English: as written, as before; a column's decimals and a minus as the table prints them.
    expect(lines('').changes).toEqual([
      'row Auftragsbestand Mio. €, Wert: 1234.5 → 1301.2',
      'row Auftragsbestand Mio. €, Text: 1.200 → 1.250',
      'row Anteil (%), Wert: 59.5 → 59.70',
      'row Anteil (%), Ziel: 40.0 → 41.0',
      'row Saldo, Wert: \u22123.0 → \u22122.5',
    ]);
    // diff, on the console and in the JSON's `formatted`, as the chapter: the cells as written kept for scripts.
    const de = (rows: string[]) => canvasOf(backlog(' language: de,', rows)(Q3));
    const report = describeChanges(compareCanvases(de(was), de(is)), 'de');
    expect(report.tables[0].cells.slice(0, 2)).toEqual([
      { row: 'Auftragsbestand Mio. €', column: 'Wert', before: '1234.5', now: '1301.2', formatted: { before: '1.234,5', now: '1.301,2' } },
      { row: 'Auftragsbestand Mio. €', column: 'Text', before: '1.200', now: '1.250' },
    ]);
    expect(diffLines(report, reportLines)).toContain('  Revenue Streams, Electricity sales, "Kennzahlen": row Anteil (%), Wert: 59,5 → 59,70');
  });

  it('quotes a free table\'s rows and cells with their figures as printed in that version, never as [[references]]', () => {
    const commentary = (rows: string[]) => `          - table:\n              title: Segment commentary\n              columns: [Segment, Revenue, Comment]\n              rows:\n${rows.map((r) => `                - ${r}\n`).join('')}`;
    const withCommentary = (text: string, rows: string[]) => text.replace('          - bullets:\n', `${commentary(rows)}          - bullets:\n`);
    const before = withCommentary(Q2, ['[Sales, { metric: revenue }, Rates stabilised]', '[Fleet, "[[turbines]] online", Steady]']);
    const now = withCommentary(Q3, ['[Sales, { metric: revenue }, Rates eased]', '[Fleet, "[[turbines]] online", Steady]', '[Grid, { metric: capex }, New segment]']);
    expect(listed(modelSince(before, now).changes!.tables)).toEqual([[
      '2.1 Electricity sales (Revenue Streams), table “Segment commentary”',
      'row removed “Sales | €311.2 million | Rates stabilised”',
      'row removed “Fleet | 798 turbines online | Steady”',
      'row added “Sales | €322.9 million | Rates eased”',
      'row added “Fleet | 812 turbines online | Steady”',
      'row added “Grid | €84.5 million | New segment”',
    ]]);
    // A cell edited: each side as it printed then.
    const edited = withCommentary(Q3, ['[Sales, { metric: capex }, Rates eased]', '[Fleet, "[[turbines]] online", Steady]']);
    expect(listed(modelSince(withCommentary(Q2, ['[Sales, { metric: revenue }, Rates eased]', '[Fleet, "[[turbines]] online", Steady]']), edited).changes!.tables)).toEqual([[
      '2.1 Electricity sales (Revenue Streams), table “Segment commentary”',
      'row Sales, Revenue: €311.2 million → €84.5 million',
      'row Fleet, Revenue: 798 turbines online → 812 turbines online',
    ]]);
    // In a German briefing, as its table and the chapter's other figures print them ("311,2 Mio. €", never "€311.2 million").
    const german = (text: string) => text.replace('currency: EUR,', 'currency: EUR, language: de,');
    const inGerman = listed(modelSince(german(withCommentary(Q2, ['[Sales, { metric: revenue }, Rates eased]', '[Fleet, "[[turbines]] online", Steady]'])), german(edited)).changes!.tables)![0];
    expect(inGerman.slice(1).map((l) => l.replace(/[\u00a0\u202f]/g, ' '))).toEqual(['row Sales, Revenue: 311,2 Mio. € → 84,5 Mio. €', 'row Fleet, Revenue: 798 turbines online → 812 turbines online']);
    // A reference its version cannot resolve is said in words, not printed as syntax.
    const [was, is] = [canvasOf(before), canvasOf(now)];
    const changes = compareCanvases(was, is);
    const lost = { ...was, metrics: Object.fromEntries(Object.entries(was.metrics).filter(([id]) => !id.startsWith('turbines'))) };
    const model = buildModel(is, { name: 'nordwind', setKey: 'full', since: { canvas: lost, changes } });
    expect(listed(model.changes!.tables)![0][2]).toBe('row removed “Fleet | (figure turbines not found) online | Steady”');
    // diff, for the canvas's author, keeps the references as written.
    expect(diffLines(describeChanges(changes), reportLines).filter((l) => l.includes('Segment commentary'))[0]).toBe('  Revenue Streams, Electricity sales, "Segment commentary": - row "Sales | [[revenue]] | Rates stabilised"');
  });

  it('never says nothing changed where a section\'s bullets were reordered or split into two lists, as diff says', () => {
    const BULLETS = '              - Contracted share of output above two thirds.\n              - Merchant exposure in the Nordic spot market.\n';
    const swapped = Q3.replace(BULLETS, '              - Merchant exposure in the Nordic spot market.\n              - Contracted share of output above two thirds.\n');
    expect(modelSince(Q3, swapped).changes).toMatchObject({ empty: false, alsoChanged: ['Revenue Streams, Electricity sales (order of its bullets)'] });
    const split = Q3.replace(BULLETS, '              - Contracted share of output above two thirds.\n          - bullets:\n              - Merchant exposure in the Nordic spot market.\n');
    expect(modelSince(Q3, split).changes).toMatchObject({ empty: false, alsoChanged: ['Revenue Streams, Electricity sales (bullet lists)'] });
    expect(diffLines(describeChanges(compareCanvases(canvasOf(Q3), canvasOf(swapped))), reportLines)).toEqual([
      'Also changed, not compared line by line:',
      '  Revenue Streams, Electricity sales (order of its bullets)',
    ]);
    // In a block set covering the chapter too.
    expect(modelSince(withSet(Q3), withSet(swapped), 'sales').changes).toMatchObject({ empty: false, alsoChanged: ['Revenue Streams, Electricity sales (order of its bullets)'] });
  });

  it('in a block set\'s briefing names a series value\'s fields changed only where the set prints that value', () => {
    const decimals = (date: string) => (t: string) => withSet(t).replace(`period_end: ${date} }`, `period_end: ${date}, decimals: 1 }`);
    // The sales set shows turbines' latest value (30 Sep), not the one at 30 June.
    const june = decimals('2025-06-30');
    expect(modelSince(withSet(Q3), june(Q3), 'sales').changes).toMatchObject({ empty: true, alsoChanged: [] });
    expect(modelSince(withSet(Q3), june(Q3)).changes).toMatchObject({ empty: false, alsoChanged: ['Turbines in operation (decimals)'] });
    const september = decimals('2025-09-30');
    expect(modelSince(withSet(Q3), september(Q3), 'sales').changes).toMatchObject({ empty: false, alsoChanged: ['Turbines in operation (decimals)'] });
  });

  it('in a block set\'s briefing with key figures of its own leaves out the canvas\'s key figures changed; one without lists them', () => {
    const ownKeyFigures = (t: string) => withSet(t).replace('    blocks: [revenue_streams]\n', '    blocks: [revenue_streams]\n    key_figures: [revenue, turbines]\n');
    const reordered = (t: string) => t.replace('key_figures: [revenue, turbines]\nblock_sets:', 'key_figures: [turbines, revenue]\nblock_sets:');
    const own = modelSince(ownKeyFigures(Q3), reordered(ownKeyFigures(Q3)), 'sales').changes!;
    expect(own).toMatchObject({ empty: true, alsoChanged: [] });
    expect(modelSince(withSet(Q3), reordered(withSet(Q3)), 'sales').changes).toMatchObject({ empty: false, alsoChanged: ['Key figures'] });
    expect(modelSince(ownKeyFigures(Q3), reordered(ownKeyFigures(Q3))).changes).toMatchObject({ empty: false, alsoChanged: ['Key figures'] });
  });

  it('in a block set\'s briefing lists the tables of the sections it covers, the charts it shows and the other parts it prints', () => {
    const sets = (text: string) => withSet(text).replace('    blocks: [revenue_streams]\n', '    blocks: [revenue_streams]\n    description: Revenue and grid services.\n');
    const before = sets(withTables(Q3));
    // Both tables and both charts edited, a data note, a tag of a section in Key Resources and the set's own description.
    const now = sets(withTables(Q3, { share: 40, crew: 42, caption: 'Quarterly reports, Q4 2025.', fleet: 'Fleet reports, Q3 2025.' }))
      .replace('quarterly reports 2025', 'quarterly reports 2025 and 2024')
      .replace('      - title: Fleet and people\n', '      - title: Fleet and people\n        tags: [fleet]\n')
      .replace('    description: Revenue and grid services.\n', '    description: Revenue, grid services and outlook.\n');
    const full = modelSince(before, now).changes!;
    expect(listed(full.tables)!.map((t) => t[0])).toEqual(['1.1 Fleet and people (Key Resources), table 1', '2.1 Electricity sales (Revenue Streams), table “Output by country”']);
    expect(listed(full.charts)!.map((c) => c[0])).toEqual(['Chart “Revenue by quarter”', 'Chart “Turbines in operation”']);
    // The full briefing prints no block set: a set's change is listed in that set's briefing (and by diff).
    expect(full.alsoChanged).toEqual(['Data notes (sources)', 'Key Resources, Fleet and people (tags)']);
    const sales = modelSince(before, now, 'sales').changes!;
    expect(listed(sales.tables)).toEqual([['2.1 Electricity sales (Revenue Streams), table “Output by country”', 'row Norway, Share (%): 38 → 40']]);
    // Its key chart is the revenue chart; the fleet chart is placed in Key Resources, which it leaves out.
    expect(listed(sales.charts)).toEqual([['Chart “Revenue by quarter”', 'caption “Quarterly reports, Q3 2025.” → “Quarterly reports, Q4 2025.”']]);
    expect(sales.alsoChanged).toEqual(['The “Sales” briefing (description)', 'Data notes (sources)']);
    // Where only what it leaves out changed, it says nothing changed; the full briefing lists them.
    const elsewhere = sets(withTables(Q3, { crew: 42, fleet: 'Fleet reports, Q3 2025.' }));
    expect(modelSince(before, elsewhere, 'sales').changes).toMatchObject({ empty: true, tables: [], charts: [], alsoChanged: [] });
    expect(modelSince(before, elsewhere).changes).toMatchObject({ empty: false });
  });
});
