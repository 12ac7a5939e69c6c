import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { NORDWIND, nordwindCanvas, nordwindModel } from '../support/fixtures.ts';
import { readsTableCells } from '../../src/canvas/table-cells.ts';
import { readsInOwnWords } from '../../src/validate/typed-findings.ts';
import { checkCanvas } from '../../src/pipeline.ts';
import { createRenderer } from '../../src/render/render-html.ts';
import { fitHead, leftHead } from '../../src/render/page-css.ts';
import { textWidth } from '../../src/render/letter-width.ts';
import { buildModel, nativeLanguageOf } from '../../src/model/build-model.ts';
import { cjkFamily } from '../../src/fonts.ts';

const model = nordwindModel;

/** A table cell of text; a figure's when numeric. */
const cell = (text: string, kind: { numeric?: boolean; nowrap?: boolean } = {}) => ({ text: [{ text, figure: kind.numeric }], ...kind });

/** A period as the Changes chapter's table gives it: its parts between "|" each kept whole ("Q2 2025|(30 Jun 2025) →|Q3 2025"). */
const periodCell = (period: string) => ({ text: period.split('|').flatMap((text, i) => [...(i > 0 ? [{ text: ' ' }] : []), { text, whole: period.includes('|') }]) });

/**
 * The HTML of a briefing whose first section holds a table laid out as the Changes chapter's "Figures that moved"
 * (figure, period, before, now, difference and change, the last two kept on one line), and its columns' widths in %.
 */
function changesTable(rows: string[][]): { html: string; widths: number[] } {
  const m = model();
  const table = {
    columns: [{ label: 'Figure' }, { label: 'Period' }, { label: 'Before', numeric: true }, { label: 'Now', numeric: true }, { label: 'Difference', numeric: true, nowrap: true }, { label: 'Change', numeric: true, nowrap: true }],
    rows: rows.map(([figure, period, ...figures]) => [cell(figure!), periodCell(period!), ...figures.map((f, i) => cell(f, { numeric: true, nowrap: i >= 2 }))]),
  };
  m.chapters[0]!.sections[0]!.items = [{ kind: 'table', table }];
  const html = createRenderer().render(m, { svgs: [], pageSize: 'A4' }).html;
  const colgroup = /<colgroup>((?:<col [^>]*>)+)<\/colgroup>(?:(?!<\/table>)[\s\S])*?>Difference<\/th>/.exec(html)![1]!;
  return { html, widths: [...colgroup.matchAll(/width: ([\d.]+)%/g)].map((w) => Number(w[1])) };
}

describe('the renderer\'s HTML', () => {
  it('writes one self-contained document: fonts and charts inline, nothing to fetch', () => {
    const m = model();
    const { html, warnings } = createRenderer().render(m, { svgs: m.charts.map((_, i) => `<svg id="chart-${i}"><text>chart ${i}</text></svg>`), pageSize: 'A4' });
    expect(warnings).toEqual([]);
    expect(html).toContain('<svg id="chart-0"><text>chart 0</text></svg>');
    expect(html).toMatch(/@font-face \{ font-family: 'Inter'; font-style: normal; font-weight: 400;[^}]*src: url\(data:font\/woff2;base64,/);
    const urls = [...html.matchAll(/(?:src|href)\s*=\s*"([^"#][^"]*)"|url\((?!data:)([^)]*)\)/g)].map((m) => m[1] ?? m[2]);
    expect(urls).toEqual([]);
  });

  it('says in a few plain words that no figures disagree, what was checked, and "other than those the notes explain" only where a note acknowledges figures that disagree', () => {
    const noneLine = (canvas: ReturnType<typeof nordwindCanvas>) => {
      const { html } = createRenderer().render(buildModel(canvas, { name: 'n', setKey: 'full' }), { svgs: [], pageSize: 'A4' });
      return /<p>No figures in this briefing disagree[^<]*<\/p>/.exec(html)![0];
    };
    const canvas = nordwindCanvas();
    const plain = '<p>No figures in this briefing disagree: no conflicting figures from the sources are on record, and none were found on checking figures for the same measure and period, stated changes against the prior year, figures quoted in the text, currency equivalents, and totals against their parts. Numbers entered directly in a table are checked only where the row names a figure in the register; a number entered without its unit, only where the table\'s title or column heading states the unit (such as “£ million” or “%”) and names its period. Numbers entered in a table without a unit in its title or heading are not checked.</p>';
    expect(noneLine(canvas)).toBe(plain);
    // Words of the tool's, not a committee's: none of them.
    expect(noneLine(canvas)).not.toMatch(/canvas|metric|declared/i);
    // A note of the canvas's own, or an acknowledgement of something else: no disagreement is explained.
    canvas.data_notes = { ...canvas.data_notes, notes: ['Figures are unaudited.'], acknowledged: [{ rule: 'no-source', metrics: ['revenue_fy25'], reason: 'Management estimate.' }] };
    expect(noneLine(canvas)).toBe(plain);
    canvas.data_notes.acknowledged!.push({ rule: 'exchange-rate', metrics: ['revenue_fy25'], reason: 'Average and closing rates.' });
    // The exception covers the whole claim: no other conflicting figures on record, no others found; nothing the tool cannot know ("the sources report").
    expect(noneLine(canvas)).toBe('<p>No figures in this briefing disagree other than those the notes on the figures explain: no other conflicting figures from the sources are on record, and no others were found on checking figures for the same measure and period, stated changes against the prior year, figures quoted in the text, currency equivalents, and totals against their parts. Numbers entered directly in a table are checked only where the row names a figure in the register; a number entered without its unit, only where the table\'s title or column heading states the unit (such as “£ million” or “%”) and names its period. Numbers entered in a table without a unit in its title or heading are not checked.</p>');
    expect(noneLine(canvas)).not.toMatch(/canvas|metric|declared|sources report|found none/i);
    // A typed figure acknowledged with its figure disagrees with the register's: the same exception.
    canvas.data_notes.acknowledged = [{ rule: 'typed-figure', metrics: ['revenue_fy25'], figure: '€1,250.5 million', reason: 'Typed before the restatement.' }];
    expect(noneLine(canvas)).toMatch(/^<p>No figures in this briefing disagree other than those the notes on the figures explain: no other conflicting figures [^<]* no others were found on checking/);
    // The notes under a title of their own, not a list run on from the sources' as if they were more of them.
    const { html } = createRenderer().render(buildModel(canvas, { name: 'n', setKey: 'full' }), { svgs: [], pageSize: 'A4' });
    expect(html).toMatch(/<\/ul>\s*<p class="table-title notes-title">Notes on the figures<\/p><ul class="notes"><li>Figures are unaudited\.<\/li>/);
    // Content hashes of briefings without notes are as before: the model gains nothing.
    expect('explainNoDisagreement' in buildModel(nordwindCanvas(), { name: 'n', setKey: 'full' }).appendix).toBe(false);
    // A briefing in a language whose tables' cells the checks do not read (German, French, Japanese ...) does not claim
    // they were checked; one in English of any region does.
    for (const [language, unread] of [['de', true], ['fr-CH', true], ['ja', true], ['en-GB', false], ['en-US', false], [undefined, false]] as const) {
      const inLanguage = nordwindCanvas();
      inLanguage.briefing = { ...inLanguage.briefing, language };
      expect(noneLine(inLanguage), language).toContain(unread ? 'Numbers entered directly in a table are not checked: the checks read tables\' cells in briefings in English only.</p>' : 'Numbers entered directly in a table are checked only where the row names a figure in the register;');
      expect('tableCellsUnread' in buildModel(inLanguage, { name: 'n', setKey: 'full' }).appendix, language).toBe(unread);
    }
    // What the notes claim is what typed-mismatch does: the cell check's languages are those it reads in words of their own.
    for (const language of ['en', 'en-GB', 'de', 'de-CH', 'fr', 'pt-BR', 'es', 'it', 'nl', 'ja', 'zh-Hans', 'zh-Hant', 'ko', 'sv', 'pl', 'hi', undefined]) {
      expect(readsTableCells(language), language).toBe(!readsInOwnWords(language));
    }
  });

  it('prints the figure register\'s one repeated source once, numbered under its heading, each row giving its number, and tells rows of one label and period apart', () => {
    const canvas = nordwindCanvas();
    const long = 'Nordwind Energi ASA annual report 2025, segment note';
    for (const metric of Object.values(canvas.metrics)) metric.source = long;
    canvas.metrics.capacity_share = { label: 'Installed capacity', value: 12, unit: 'percent', period: '31 Dec 2025', period_end: '2025-12-31', note: 'Share of Norway\'s wind capacity', source: long };
    const html = createRenderer().render(buildModel(canvas, { name: 'nordwind', setKey: 'full' }), { svgs: [], pageSize: 'A4' }).html;
    const register = html.slice(html.indexOf('<h2 id="notes-register"'), html.indexOf('</section>', html.indexOf('<h2 id="notes-register"')));
    expect(register.split(long)).toHaveLength(2); // printed once
    expect(register).toContain(`<ol class="register-sources"><li><span class="mark">[1]</span> ${long}</li></ol>`);
    const rows = [...register.matchAll(/<tr[^>]*>(<td[\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!));
    expect(rows.length).toBe(Object.keys(canvas.metrics).length);
    expect(new Set(rows.map((r) => r.at(-1)))).toEqual(new Set(['[1]']));
    // The two figures of "Installed capacity" at 31 Dec 2025 each say which they are; every other row is as it was.
    expect(rows.filter((r) => r[0]!.includes('class="aside"')).map((r) => r[0])).toEqual([
      'Installed capacity<span class="aside">capacity_gw</span>',
      'Installed capacity<span class="aside">Share of Norway&#x27;s wind capacity · capacity_share</span>',
    ]);
  });

  it('names the briefing once on the cover, the period above the company', () => {
    const m = model();
    const { html } = createRenderer().render(m, { svgs: m.charts.map(() => '<svg></svg>'), pageSize: 'A4' });
    const cover = /<section class="cover"[\s\S]*?<\/section>/.exec(html)![0];
    expect(cover.split(`>${m.cover.title}<`).length - 1).toBe(1);
    expect(cover).toContain(`<p class="cover-kicker">${m.cover.period}</p>`);
    // Ticker and exchange as facts of their own: an exchange named with brackets ("Tokyo Stock Exchange (Prime)") nests none.
    m.company.exchange = 'Tokyo Stock Exchange (Prime)';
    const facts = /<dl class="cover-facts">[\s\S]*?<\/dl>/.exec(createRenderer().render(m, { svgs: m.charts.map(() => '<svg></svg>'), pageSize: 'A4' }).html)![0];
    expect(facts).toContain(`<dt>Ticker</dt><dd>${m.company.ticker}</dd>`);
    expect(facts).toContain('<dt>Exchange</dt><dd>Tokyo Stock Exchange (Prime)</dd>');
  });

  it('lets chapters flow on, each after a spacer that moves it to a new page when less than a third is left, and heads pages with the period', () => {
    const m = model();
    const { html } = createRenderer().render(m, { svgs: [], pageSize: 'A4' });
    expect(html).toMatch(/<div class="part-room" aria-hidden="true"><\/div>\s*<section class="chapter" id="ch-revenue_streams">/);
    expect(html).not.toMatch(/style="page: (?!cover)|@page chapter-/);
    expect(html).toContain('--part-room: 86mm;');
    expect(html).toContain(`@top-right { content: "${m.cover.period}";`);
    expect(html).toContain('content: "Page " counter(page) " of " counter(pages)');
    expect(html).toMatch(/size: A4;/);
    expect(createRenderer().render(m, { svgs: [], pageSize: 'Letter' }).html).toMatch(/size: letter;[\s\S]*--part-room: 80mm;|--part-room: 80mm;[\s\S]*size: letter;/);
  });

  it('sets a chapter table\'s total and subtotal rows apart, in any language the canvas is written in, and no row of the data notes\' tables', () => {
    const canvas = nordwindCanvas();
    const rows = [['Norway', '410'], ['Sweden', '320'], ['Subtotal Nordics', '730'], ['Germany', '120'], ['Total capacity', '850'], ['Umsatz gesamt', '850'], ['売上高合計', '850']];
    canvas.blocks.key_partnerships!.sections![0]!.content.push({ table: { title: 'Capacity by country (MW)', columns: ['Country', 'MW'], rows } } as never);
    canvas.blocks.key_partnerships!.sections![0]!.content.push({ table: { title: 'Totals first', columns: ['Item', 'MW'], rows: [['Total', '850'], ['Norway', '410']] } } as never);
    const { html } = createRenderer().render(buildModel(canvas, { name: 'n', setKey: 'full' }), { svgs: [], pageSize: 'A4' });
    const body = (title: string) => new RegExp(`${title}[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`).exec(html)![1]!;
    const marked = (title: string) => [...body(title).matchAll(/<tr[^>]*?(?: class="([^"]*)")?>\s*<td[^>]*>([^<]*)</g)].filter((r) => (r[1] ?? '').split(' ').includes('total')).map((r) => r[2]);
    expect(marked('Capacity by country')).toEqual(['Subtotal Nordics', 'Total capacity', 'Umsatz gesamt', '売上高合計']);
    // A total that opens its table is no sum of rows above it: as any row.
    expect(marked('Totals first')).toEqual([]);
    // A metric table's too; but the register lists figures, no breakdown: its "Total ..." rows are rows like any other.
    canvas.metrics.turbines!.label = 'Total turbines';
    const again = createRenderer().render(buildModel(canvas, { name: 'n', setKey: 'full' }), { svgs: [], pageSize: 'A4' }).html;
    const notes = again.slice(again.indexOf('id="data-notes"'));
    expect(again.slice(0, again.indexOf('id="data-notes"'))).toMatch(/<tr[^>]*class="(?:keep )?total"[^>]*>\s*<td[^>]*>Total turbines</);
    expect(notes).toContain('>Total turbines<');
    expect(/<tr[^>]*class="[^"]*\btotal\b/.test(notes)).toBe(false);
    expect(html).toContain('tr.total td { font-weight: 600;');
  });

  it('lets a table split only where 3 rows stay on each side: the 2nd, 3rd and last two rows are kept with the row before', () => {
    const m = model();
    const { html } = createRenderer().render(m, { svgs: [], pageSize: 'A4' });
    const bodies = [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((b) => [...b[1]!.matchAll(/<tr(?: id="[^"]+")?( class="keep")?>/g)].map((r) => r[1] !== undefined));
    expect(bodies.some((rows) => rows.length >= 6)).toBe(true);
    for (const rows of bodies) expect(rows).toEqual(rows.map((_, i) => i > 0 && (i < 3 || i >= rows.length - 2)));
  });

  it('gives each part a named page whose running head names it when the theme starts parts on new pages', () => {
    const m = model();
    const { html } = createRenderer({ theme: { dir: 'test/fixtures', chapterBreaks: 'page' } }).render(m, { svgs: [], pageSize: 'A4' });
    expect(html).toContain('<section class="chapter" id="ch-revenue_streams" style="page: chapter-4">');
    expect(html).toContain('@page chapter-4 { @top-right { content: "4  Revenue Streams"; } }');
    expect(html).not.toContain('part-room"');
    expect(html).toContain('content: "Page " counter(page) " of " counter(pages)');
    expect(html).toMatch(/size: A4;/);
    expect(createRenderer().render(m, { svgs: [], pageSize: 'Letter' }).html).toMatch(/size: letter;/);
  });

  it('prints every page but the cover within the margins, its foot naming the listing, the data date and the edition', () => {
    const m = model();
    const html = createRenderer().render(m, { svgs: [], pageSize: 'A4', edition: '0123abcd' }).html;
    const unescape = (css: string) => css.replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    expect(html).toMatch(/@page \{\s*size: A4;\s*margin: 20mm 17mm 18mm 17mm;/);
    expect(html).toMatch(/@page cover \{ margin: 0; /);
    expect(unescape(/@bottom-left \{ content: "([^"]*)"/.exec(html)![1]!)).toBe(`${m.company.exchange}: ${m.company.ticker}`);
    expect(unescape(/@bottom-right \{ content: "([^"]*)"/.exec(html)![1]!)).toBe(`Data as of ${m.cover.asOf} · Edition 0123abcd`);
    expect(unescape(/@bottom-right \{ content: "([^"]*)"/.exec(createRenderer().render(m, { svgs: [], pageSize: 'Letter' }).html)![1]!)).toBe(`Data as of ${m.cover.asOf}`);
    expect(createRenderer().render(m, { svgs: [], pageSize: 'Letter' }).html).toMatch(/@page \{\s*size: letter;\s*margin: 20mm 17mm 18mm 17mm;/);
  });

  it('marks a revised edition on its cover, in every footer and first in its data notes, listing each figure it corrects as the briefing prints it', async () => {
    const before = readFileSync(NORDWIND, 'utf8');
    const now = before.replace('value: 1234.5', 'value: 1299.9');
    const sent = (await checkCanvas(NORDWIND, { previous: { name: 'nordwind as sent', text: before, sha256: 'x' } }, now)).models[0]!;
    const m = (await checkCanvas(NORDWIND, {}, now)).models[0]!;
    const revision = { edition: '673f8bfa', content: 'c', at: '2026-12-02T09:00:00.000Z', sentOn: '2 Dec 2026', changes: sent.changes! };
    const html = createRenderer().render(m, { svgs: m.charts.map(() => '<svg></svg>'), pageSize: 'A4', edition: '7c1e90d2', revision }).html;
    const line = 'Revised edition: replaces edition 673f8bfa, sent 2 Dec 2026.';
    const unescape = (css: string) => css.replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    expect(/<section class="cover"[\s\S]*?<\/section>/.exec(html)![0]).toContain(`<p class="cover-revision">${line} What it corrects is listed at the start of the data notes.</p>`);
    expect(unescape(/@bottom-right \{ content: "([^"]*)"/.exec(html)![1]!)).toBe(`Data as of ${m.cover.asOf} · Revised edition 7c1e90d2`);
    const notes = /<section class="data-notes"[\s\S]*?<h2/.exec(html)![0];
    // Its opening line does not say that nothing was corrected, above what was.
    expect(notes).not.toContain('corrected or dropped');
    expect(notes).toContain('What this revised edition corrects in the edition it replaces is listed below.');
    expect(notes).toContain(`<strong>${line}</strong>`);
    expect(notes).toContain('<p>Changed since edition 673f8bfa:</p>');
    expect(notes).toContain('<li>Revenue, FY2025: €1,234.5 million → €1,299.9 million</li>');
    // Where the send journal kept no canvas of the edition it replaces, nothing is listed: nor does any line promise a list.
    const unknown = createRenderer().render(m, { svgs: m.charts.map(() => '<svg></svg>'), pageSize: 'A4', edition: '7c1e90d2', revision: { ...revision, changes: undefined } }).html;
    expect(/<section class="cover"[\s\S]*?<\/section>/.exec(unknown)![0]).toContain(`<p class="cover-revision">${line} Its figures or words have changed since edition 673f8bfa.</p>`);
    const unlisted = /<section class="data-notes"[\s\S]*?<h2/.exec(unknown)![0];
    expect(unlisted).toContain('The edition this revised edition replaces is named below.');
    expect(unlisted).toContain(`<strong>${line}</strong> Its figures or words have changed since edition 673f8bfa.`);
    expect(unknown.replace(/<style>[\s\S]*?<\/style>/, '')).not.toMatch(/is listed|listed below|listed at the start/);
    // A first edition: none of it.
    const first = createRenderer().render(m, { svgs: m.charts.map(() => '<svg></svg>'), pageSize: 'A4', edition: '673f8bfa' }).html;
    expect(first.replace(/<style>[\s\S]*?<\/style>/, '')).not.toMatch(/Revised edition|revision-note|cover-revision/);
    expect(unescape(/@bottom-right \{ content: "([^"]*)"/.exec(first)![1]!)).toBe(`Data as of ${m.cover.asOf} · Edition 673f8bfa`);
    expect(first).toContain('as their sources state them; none has been corrected or dropped.');
  });

  it('starts the running head with the short name, or the ticker when that is longer than 48 characters (docs/canvas.md)', () => {
    const head = (shortName: string) => {
      const m = model();
      m.company = { ...m.company, shortName };
      const css = /@top-left \{ content: "([^"]*)"/.exec(createRenderer().render(m, { svgs: [], pageSize: 'A4' }).html)![1]!;
      return css.replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))); // a CSS escape, as the dot's
    };
    const m = model();
    expect(head('Nordwind')).toBe(`Nordwind · ${m.cover.title}`);
    expect(head('x'.repeat(48))).toBe(`${'x'.repeat(48)} · ${m.cover.title}`);
    expect(head('x'.repeat(49))).toBe(`${m.company.ticker} · ${m.cover.title}`);
  });

  it('names a block set\'s title in the running head beside a confidentiality marking, the briefing\'s title giving way first, then the name to the ticker', () => {
    const head = (shortName: string, setTitle: string, confidentiality?: string) => {
      const m = model();
      Object.assign(m, { company: { ...m.company, shortName }, setTitle, confidentiality });
      const { html } = createRenderer().render(m, { svgs: [], pageSize: 'A4' });
      const text = (box: string) => new RegExp(`@top-${box} \\{ content: "([^"]*)"`).exec(html)?.[1]?.replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
      return [text('left'), text('center')];
    };
    const { cover, company } = model();
    expect(head('Samsung Electronics', 'Semiconductors')).toEqual([`Samsung Electronics · ${cover.title} · Semiconductors`, undefined]);
    expect(head('Samsung Electronics', 'Semiconductors', 'Confidential: for internal use only')).toEqual(['Samsung Electronics · Semiconductors', 'Confidential: for internal use only']);
    const [left, centre] = head('Samsung Electronics Company Limited of Suwon K', 'Semiconductor, Display and Device Solutions Division', 'Confidential: for internal use only');
    expect(left).toMatch(new RegExp(`^${company.ticker} · Semiconductor, Display and [A-Za-z]+…$`));
    expect(centre).toBe('Confidential: for internal use only');
    // What fits the room beside the marking: the left part's share of the head (the marking centred, the right as wide).
    expect(textWidth(left!)).toBeLessThanOrEqual((121 - textWidth(centre!)) / 2 - 2);
  });

  it('prints a confidentiality marking too long for one line whole, wrapping in a box of its own width, and gives the head beside it two lines', () => {
    const marking = 'Streng vertraulich: nur für den internen Gebrauch des Aufsichtsrats und der beauftragten Berater';
    const m = model();
    Object.assign(m, { confidentiality: marking, cover: { ...m.cover, title: 'Investorenbriefing (ungeprüft, vorläufig)' } });
    const { html, marginText } = createRenderer().render(m, { svgs: [], pageSize: 'A4' });
    const box = (name: string) => new RegExp(`@top-${name} \\{ content: "([^"]*)";([^}]*)\\}`).exec(html)!;
    const text = (css: string) => css.replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    expect(text(box('center')[1]!)).toBe(marking);
    expect(box('center')[2]).toMatch(/width: [\d.]+mm;.*font: 700 6\.5pt/);
    expect(text(box('left')[1]!)).toBe(`${m.company.shortName} · Investorenbriefing (ungeprüft, vorläufig)`);
    expect(marginText).toContain(marking);
    // A marking that fits one line keeps it, at the size it had.
    m.confidentiality = 'Vertraulich';
    expect(createRenderer().render(m, { svgs: [], pageSize: 'A4' }).html).toMatch(/@top-center \{ content: "Vertraulich"; font: 700 7pt /);
  });

  it('says on a key figure\'s card that the source gives conflicting figures only where the canvas declares so, not for a disagreement canvas-briefing found', () => {
    const canvas = nordwindCanvas();
    canvas.metrics.revenue_fy25!.change = { percent: 18.2 }; // 1,141 to 1,234.5 is +8.2%: found by canvas-briefing
    canvas.metrics.net_income_fy25_press = { ...canvas.metrics.net_income_fy25!, value: -40.1, source: 'Press release' };
    canvas.data_notes = { ...canvas.data_notes, contradictions: [{ title: 'Net income differs', metrics: ['net_income_fy25', 'net_income_fy25_press'], note: 'The press release gives another figure.' }] };
    /** The cards that link to a data note: figure, the note's title, what the link says. */
    const disputed = () => {
      const { html } = createRenderer().render(buildModel(canvas, { name: 'n', setKey: 'full' }), { svgs: [], pageSize: 'A4' });
      const titles = new Map([...html.matchAll(/<div class="contradiction" id="([^"]+)">\s*<h3>([^<]*)/g)].map((m) => [m[1], m[2]!.trim()]));
      return html.split('<div class="card">').slice(1).flatMap((card) => {
        const [, label, period, anchor, says] = /<p class="card-label">([^<]*)<\/p>[\s\S]*<p class="card-period">([^<]*)<\/p>\s*(?:<p class="card-disputed"><a href="#([^"]+)">([^<]*)<\/a>)?/.exec(card)!;
        return anchor === undefined ? [] : [[`${label} ${period}`, titles.get(anchor), says]];
      });
    };
    expect(disputed()).toEqual([
      ['Revenue FY2024', 'Revenue, FY2025: its stated change', 'Disagrees with other figures: see Data notes'], // the figure a year earlier, as much in question
      ['Revenue FY2025', 'Revenue, FY2025: its stated change', 'Disagrees with other figures: see Data notes'],
      ['Net income FY2025', 'Net income differs', 'The source gives conflicting figures: see Data notes'],
    ]);
    // A figure in a declared contradiction and a disagreement found as well links to the declared one, which says what the source does.
    canvas.data_notes.contradictions![0]!.metrics.push('revenue_fy25');
    expect(disputed()[1]).toEqual(['Revenue FY2025', 'Net income differs', 'The source gives conflicting figures: see Data notes']);
  });

  it('keeps the words of a figure\'s unit whole where the table still fits the page so (beside a pasted URL too), and lets them break in a table of many columns of figures', () => {
    const withTable = (columns: number, unit: string, source?: string) => {
      const m = model();
      const table = {
        columns: [{ label: 'Metric' }, ...Array.from({ length: columns }, (_, i) => ({ label: `FY${2017 + i}`, numeric: true })), ...(source ? [{ label: 'Source' }] : [])],
        rows: [[{ text: [{ text: 'Subscribers' }] }, ...Array.from({ length: columns }, () => ({ text: [{ text: '12.3 million', figure: true }, { text: ` ${unit}` }], numeric: true })), ...(source ? [{ text: [{ text: source }] }] : [])]],
      };
      m.chapters[0]!.sections[0]!.items = [{ kind: 'table', table }];
      return /<table( class="[^"]*")?>\s*<thead>(?:(?!<\/table>)[\s\S])*?FY2017/.exec(createRenderer().render(m, { svgs: [], pageSize: 'A4' }).html)![1] ?? '';
    };
    expect(withTable(2, 'consecutive quarters')).toBe(' class="whole-words"');
    // Eight columns of "12.3 million subscriptions" would be some 22 mm wider than the page with each word whole.
    expect(withTable(8, 'subscriptions')).toBe('');
    // A pasted URL too long to keep whole: the figures' words still are, and the column headings' ("Source", not
    // "Sourc/e"), the text breaks anywhere.
    const url = 'https://investors.example.com/quarterly-results/consolidated-statements-and-supplementary-information.pdf';
    expect(withTable(2, 'consecutive quarters', url)).toBe(' class="whole-figures whole-headings"');
  });

  it('keeps the words of each text column whole that the page has room for, beside a column whose long word must break', () => {
    // A wide table of segments by quarter with management's commentary: one German compound in the commentary too long
    // for any column let every text cell break anywhere, and the segment "Logistics & Warehousing Benelux" printed "Warehousi / ng".
    const m = model();
    const compound = 'Supercalifragilisticexpialidocious-Energiekostenausgleichsabgabe';
    const quarters = ['Q1 2024', 'Q2 2024', 'Q3 2024', 'Q4 2024', 'Q1 2025', 'Q2 2025', 'Q3 2025', 'FY2024 total'];
    const table = {
      columns: [{ label: 'Segment' }, ...quarters.map((label) => ({ label, numeric: true })), { label: 'Commentary from management' }],
      rows: ['Consumer Nordics', 'Logistics & Warehousing Benelux'].map((segment) => [
        cell(segment), ...quarters.map(() => cell('620.9', { numeric: true })), cell(`Volumes recovered in the second half despite ${compound} pressure`),
      ]),
    };
    m.chapters[0]!.sections[0]!.items = [{ kind: 'table', table }];
    const html = /<table[^>]*>\s*<thead>(?:(?!<\/table>)[\s\S])*?Commentary from management[\s\S]*?<\/table>/.exec(createRenderer().render(m, { svgs: [], pageSize: 'A4' }).html)![0];
    expect(html).toMatch(/^<table class="whole-figures whole-headings">/);
    expect(html).toMatch(/<td class=" ?whole">Logistics &amp; Warehousing Benelux<\/td>/);
    // The commentary, which cannot keep its compound whole on the page, still breaks anywhere.
    expect(html).toMatch(/<td class="">Volumes recovered/);
  });

  it('gives a table\'s unbreakable columns their longest cell and its figures their longest amount, narrowing the text columns, where the page has room for that', () => {
    // The "Figures that moved" table of a trial's Changes chapter: long labels beside two columns kept on one line
    // ("about +JP¥0.15 trillion" was printed over "▲ revised up 12.5%", which the page edge cut to "▲ revised up 12.").
    const rows = [
      ['Market capitalisation at the end of the quarter', 'FY2025', 'approx. JP¥1.2 trillion', 'approx. JP¥1.35 trillion', 'about +JP¥0.15 trillion', '▲ revised up 12.5%'],
      ['Retail electricity customers in the Nordic countries', '31 Dec 2025', 'approx. 2,800 customers', 'approx. 2,950 customers', 'about +150 customers', '▲ revised up 5.4%'],
      ['Electricity generated across the whole fleet in the fiscal year', 'FY2025', '9.1 TWh', '9.8 TWh', '+0.7 TWh', '▲ revised up 7.7%'],
      ['Employees in operations and maintenance', '31 Dec 2025', '1,190 employees', '1,240 employees', '+50 employees', '▲ revised up 4.2%'],
      ['Net income', 'FY2025', '−€38.2 million', '−€42.7 million', '−€4.5 million', '▼ revised down 11.8%'],
      ['Installed capacity', '31 Dec 2025', 'approx. 3.1 GW', 'approx. 3.4 GW', 'about +0.3 GW', '▲ revised up 9.7%'],
    ];
    const { widths } = changesTable(rows);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    // In letter widths of the narrowest table (A4 less a data note's indent, about 104), padding (2.5) aside, no less than the cells need.
    const room = (ci: number) => (widths[ci]! * 104) / 100 - 2.5 + 0.01;
    const longest = (ci: number) => Math.max(...rows.map((r) => textWidth(r[ci]!)));
    expect(room(4)).toBeGreaterThanOrEqual(longest(4)); // was 13.7 for "about +JP¥0.15 trillion" (21)
    expect(room(5)).toBeGreaterThanOrEqual(longest(5)); // was 12.0 for "▼ revised down 11.8%" (18.5)
    expect(room(1)).toBeGreaterThanOrEqual(textWidth('FY2025')); // was 4.7, and FY2025 broke to "FY202 / 5"
    expect(room(2)).toBeGreaterThanOrEqual(textWidth('JP¥1.2 trillion')); // an amount never breaks
    expect(room(3)).toBeGreaterThanOrEqual(textWidth('JP¥1.35 trillion'));
    expect(room(0)).toBeGreaterThanOrEqual(textWidth('capitalisation')); // the text column narrowed, to no less than its longest word
    expect(widths[0]).toBeLessThan(20);
  });

  it('lets unbreakable cells wrap between words when the page has no room to keep them whole, rather than cut them off at its edge', () => {
    // A Japanese trial's Changes table: long periods, and units after the figures; "▲ up 19.5%" printed as "▲ up 1".
    const period = 'Q2 FY2025 (Jul–Sep 2025) → Q3 FY2025 (Oct–Dec 2025)';
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => [`Entertainment, Technology & Services sales ${i}`, period, 'JP¥1,055.6 billion', 'JP¥1,419.2 billion', '+JP¥363.6 billion', '▲ up 34.4%']),
      ['PlayStation Network monthly active users', 'September 2025 → December 2025', '119 million monthly active accounts', '124 million monthly active accounts', '+5 million monthly active accounts', '▲ up 4.2%'],
    ];
    const { html, widths } = changesTable(rows);
    expect(html).toMatch(/<table class="fixed[^"]* squeezed">(?:(?!<\/table>)[\s\S])*>Difference<\/th>/);
    // Every column has room for its longest word or amount, and the table fits the page.
    const room = (ci: number) => (widths[ci]! * 104) / 100 - 2.5 + 0.01;
    expect(room(4)).toBeGreaterThanOrEqual(textWidth('+JP¥363.6 billion'));
    expect(room(5)).toBeGreaterThanOrEqual(textWidth('34.4%'));
    expect(room(2)).toBeGreaterThanOrEqual(textWidth('JP¥1,055.6 billion')); // an amount never breaks
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    // A table whose unbreakable cells fit is not squeezed; nor one too wide for another reason (a pasted URL), where wrapping them would not help.
    expect(createRenderer().render(model(), { svgs: [], pageSize: 'A4' }).html).not.toMatch(/<table class="[^"]*squeezed/);
    const url = 'https://investors.example.com/quarterly-results/consolidated-statements-and-supplementary-information-for-the-quarter.pdf';
    const sourced = model();
    sourced.chapters[0]!.sections[0]!.items = [{ kind: 'table', table: {
      columns: [{ label: 'Metric' }, { label: 'Value', numeric: true }, { label: 'As of', nowrap: true }, { label: 'Source' }],
      rows: Array.from({ length: 6 }, (_, i) => [cell(`Revenue ${i}`), cell('€1,234.5 million', { numeric: true }), cell('10 Feb 2026', { nowrap: true }), cell(url)]),
    } }];
    expect(createRenderer().render(sourced, { svgs: [], pageSize: 'A4' }).html).not.toMatch(/<table class="[^"]*squeezed/);
  });

  it('sets a table too wide for the page in smaller type, its figures whole; only where even that has no room do amounts wrap, those on the left kept whole first', () => {
    // A Chinese trial's Changes table: "RMB 21,567.8 thousand" printed over "RMB 21,576.8 thousand", and "▲ revised up 0.04%" cut
    // at the page's edge, the columns sized by their weights alone.
    const period = 'Q2 2025|(30 Jun 2025) →|Q3 2025|(30 Sep 2025)';
    const rows = [
      ['营业收入 Revenue (latest)', 'Q2 2025 →|Q3 2025', 'RMB 1.2347 billion', 'RMB 1.3012 billion', '+RMB 0.0665 billion', '▲ up 5.4%'],
      ['归母净利润 Net profit attributable', period, '−RMB 0.0873 billion', 'RMB 0.0412 billion', '+RMB 0.1285 billion', '▲ up'],
      ['研发投入 R&D expense', 'Q2 2025|', 'RMB 21,567.8 thousand', 'RMB 21,576.8 thousand', '+RMB 9.0 thousand', '▲ revised up 0.04%'],
      ['汽车行业 Automotive', period, 'RMB 0.6123 billion', 'RMB 0.6555 billion', '+RMB 0.0432 billion', '▲ up 7.1%'],
      ['3C电子行业 Consumer electronics', period, 'RMB 0.4011 billion', 'RMB 0.4244 billion', '+RMB 0.0233 billion', '▲ up 5.8%'],
      ['其他行业（新能源、光伏、锂电池）Other (new energy, PV, lithium batteries)', period, 'RMB 0.2213 billion', 'RMB 0.2213 billion', '—', '= unchanged'],
    ];
    const compact = changesTable(rows);
    expect(compact.html).toMatch(/<table class="fixed[^"]* compact">(?:(?!<\/table>)[\s\S])*>Difference<\/th>/);
    expect(compact.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    // In the compact type's letter widths (0.85 of the table's), padding aside: every amount whole, the Chinese broken between characters.
    const roomAt = (widths: number[], scale: number) => (ci: number) => (widths[ci]! * 104) / 100 / scale - 2.5 / scale + 0.01;
    const longest = (ci: number, of = rows) => Math.max(...of.map((r) => textWidth(r[ci]!.replaceAll('|', ' '))));
    for (const ci of [2, 3, 4, 5]) expect(roomAt(compact.widths, 0.85)(ci), `column ${ci}`).toBeGreaterThanOrEqual(longest(ci));
    expect(roomAt(compact.widths, 0.85)(0)).toBeGreaterThanOrEqual(textWidth('attributable'));
    expect(roomAt(compact.widths, 0.85)(0)).toBeLessThan(textWidth('其他行业（新能源、光伏、锂电池）Other'));
    // Longer amounts still: no room even in smaller type. They wrap between words, as many kept whole as room allows, from the left.
    const longer = rows.map((r) => r.map((c, ci) => (ci >= 2 && ci <= 4 ? c.replace(/(\d)/, '123,456,$1') : c)));
    const wrapped = changesTable(longer);
    expect(wrapped.html).toMatch(/<table class="fixed[^"]* compact squeezed amounts-wrap">(?:(?!<\/table>)[\s\S])*>Difference<\/th>/);
    const room = roomAt(wrapped.widths, 0.85);
    expect(room(2)).toBeGreaterThanOrEqual(longest(2, longer)); // Before whole; Now too, had there been room
    expect(room(3)).toBeLessThan(longest(3, longer));
    // Every column has room for its longest word, a figure's in bold (8% wider).
    expect(room(4)).toBeGreaterThanOrEqual(textWidth('thousand') * 1.08);
    expect(room(5)).toBeGreaterThanOrEqual(textWidth('unchanged') * 1.08);
  });

  it('sets a table of many columns of figures in parentheses in smaller type rather than break a figure at its decimal point', () => {
    // A bank's trial: seven columns of "100,234.5" and "(1,012.5)" beside "Risikogewichtete": each figure broke to "100,234." over "5".
    const m = model();
    const label = (i: number) => ['Risikogewichtete Aktiva (risk-weighted assets)', 'Kernkapitalquote', 'Provisions for expected credit losses (stage 1 to 3)', 'Zinsüberschuss', 'Provisionsüberschuss', 'Verwaltungsaufwendungen'][i]!;
    const figures = (i: number) => ['98,765.4', '99,012.3', '100,234.5', '101,876.2', '102,345.6', '0.5', '3.6'].map((f) => (i % 2 === 1 ? `(${f})` : f));
    m.chapters[0]!.sections[0]!.items = [{ kind: 'table', table: {
      columns: [{ label: 'Line item' }, ...['Q3 2024', 'Q4 2024', 'Q1 2025', 'Q2 2025', 'Q3 2025', 'Change QoQ (%)', 'Change YoY (%)'].map((l) => ({ label: l, numeric: true }))],
      rows: Array.from({ length: 6 }, (_, i) => [cell(label(i)), ...figures(i).map((f) => cell(f, { numeric: true }))]),
    } }];
    const html = createRenderer().render(m, { svgs: [], pageSize: 'A4' }).html;
    // Its longest words ("Risikogewichtete") fit across the table's whole width beside the figures: kept whole too.
    expect(html).toMatch(/<table class="fixed whole-words compact">/);
    const widths = [.../<colgroup>((?:<col [^>]*>)+)<\/colgroup>/.exec(html)![1]!.matchAll(/width: ([\d.]+)%/g)].map((w) => Number(w[1]));
    // Each figure column has room for its longest figure, in brackets or a bracket's width in, in the compact type's letters.
    for (let ci = 1; ci <= 7; ci++) {
      const need = Math.max(...[0, 1].map((i) => figures(i)[ci - 1]!).map((f) => textWidth(f) + (f.startsWith('(') ? 0 : 0.7)));
      expect((widths[ci]! * 104) / 100 / 0.85 - 2.5 / 0.85, `column ${ci}`).toBeGreaterThanOrEqual(need);
    }
  });

  it('keeps a name in its own script whole when sizing its column, where other Chinese text may break between characters', () => {
    const m = model();
    const name = '阿里巴巴集团控股有限公司';
    const long = 'A holding company whose subsidiaries run the marketplaces, the cloud business and the logistics network, among others.';
    m.chapters[0]!.sections[0]!.items = [{ kind: 'table', table: {
      columns: [{ label: 'Name' }, { label: 'Native' }, { label: 'Meaning' }, { label: 'Notes' }, { label: 'Source' }],
      rows: Array.from({ length: 6 }, (_, i) => [cell(`Alibaba ${i}`), { text: [{ text: name }], lang: 'zh-Hans' }, ...[1, 2, 3].map(() => cell(`${long} 这是一个很长的中文说明，可以在任意两个字之间换行。`))]),
    } }];
    const html = createRenderer().render(m, { svgs: [], pageSize: 'A4' }).html;
    const widths = [.../<colgroup>((?:<col [^>]*>)+)<\/colgroup>/.exec(html)![1]!.matchAll(/width: ([\d.]+)%/g)].map((w) => Number(w[1]));
    expect(html).toContain(`<td class="native-name" lang="zh-Hans">${name}</td>`);
    expect((widths[1]! * 104) / 100 - 2.5 + 0.01).toBeGreaterThanOrEqual(textWidth(name));
  });

  it('fills the contents with page numbers once they are known, and escapes text', () => {
    const m = model();
    m.chapters[0].title = 'Partners <& "suppliers">';
    const { html } = createRenderer().render(m, { svgs: [], pageSize: 'A4', pages: { 'ch-key_partnerships': 4 } });
    expect(html).toContain('<a href="#ch-key_partnerships"><span class="toc-number">1</span><span class="toc-label">Key Partnerships</span><span class="toc-page">4</span></a>');
    expect(html).toContain('Partners &lt;&amp; &quot;suppliers&quot;&gt;');
  });

  it('keeps each amount in a figure on one line, its minus sign and currency included, and the comma after it', () => {
    const m = model();
    m.chapters[0].lead = [
      { text: 'Free cash flow was ' },
      { text: '-RMB 126.6 billion (-US$17.8 billion), 12.3% of TWD 5 billion', figure: true },
      { text: ' in 2024-25.' },
    ];
    const { html } = createRenderer().render(m, { svgs: [], pageSize: 'A4' });
    expect(html).toContain(
      '<p class="lead">Free cash flow was <span class="fig"><span class="nb">-RMB 126.6 billion</span> <span class="nb">(-US$17.8 billion),</span> 12.3% of <span class="nb">TWD 5 billion</span></span> in 2024-25.</p>',
    );
  });

  it('keeps each amount of a key figure on one line with its brackets: "(€1.29 billion)", not "(€1.29" over "billion)", nor ")" alone', () => {
    const m = model();
    m.keyFigures = [{ ...m.keyFigures[0]!, value: 'CHF 1.21 billion (€1.29 billion)' }];
    const { html } = createRenderer().render(m, { svgs: [], pageSize: 'A4' });
    expect(html).toContain('<p class="card-value"><span class="nb">CHF 1.21 billion</span> <span class="nb">(€1.29 billion)</span></p>');
  });

  it('embeds the Chinese font subsets only when the text needs them, and warns about characters no font covers', () => {
    const m = model();
    m.company.nativeName = '北风能源';
    m.chapters[0].title = 'Key Partnerships \u{1F680}';
    const { html, warnings } = createRenderer().render(m, { svgs: [], pageSize: 'A4' });
    expect(html).toContain("font-family: 'Noto Sans SC'");
    expect(warnings.join()).toMatch(/U\+1F680/);
    expect(createRenderer().render(model(), { svgs: [], pageSize: 'A4' }).html).not.toContain("font-family: 'Noto Sans SC'; font-style");
  });
});

describe('a running head', () => {
  it('is left as it is when it fits, and cut at a word end with "…" when it does not, wide characters counting double', () => {
    expect(fitHead('Alibaba · Investor briefing · Cloud and AI', 66)).toBe('Alibaba · Investor briefing · Cloud and AI');
    expect(fitHead('3  A deliberately long section title for key_resources that goes on and on', 44)).toBe('3 A deliberately long section title for…');
    expect(fitHead('深圳市大疆创新科技有限公司 · 投资者简报 · 深圳市大疆创新科技有限公司深圳市大疆创新科技有限公司', 66)).toBe('深圳市大疆创新科技有限公司 · 投资者简报…');
  });

  it('cuts the briefing\'s title, or leaves it out, rather than cut the company\'s name after it short: "Harbour & Crown…" read as the name cut', () => {
    const head = (room: number) => leftHead('Harbour & Crown', 'HCB', 'Investment committee briefing', undefined, room);
    expect(head(60)).toBe('Harbour & Crown · Investment committee briefing');
    expect(head(40)).toBe('Harbour & Crown · Investment committee…');
    expect(head(24)).toBe('Harbour & Crown');
    expect(head(10)).toBe('HCB');
  });
});

describe('names in Chinese, Japanese and Korean', () => {
  it('take their language from company.native_name_lang, else the country, else their script, and are drawn in its face', () => {
    expect(nativeLanguageOf('Japan', '東京電力')).toBe('ja');
    expect(nativeLanguageOf('JP', '東京電力')).toBe('ja');
    expect(nativeLanguageOf('South Korea', '現代')).toBe('ko');
    expect(nativeLanguageOf('Japan', undefined)).toBeUndefined(); // no name, no language for it
    expect(nativeLanguageOf('Greece', 'Αθηναϊκή Ζυθοποιία')).toBeUndefined(); // not a CJK script: no CJK face
    expect(nativeLanguageOf('China', '阿里巴巴集团')).toBe('zh-Hans');
    expect(nativeLanguageOf('United States', 'ソニー')).toBe('ja');
    expect(nativeLanguageOf('Singapore', '삼성')).toBe('ko');
    const m = model();
    m.company = { ...m.company, nativeName: 'ソニーグループ株式会社', nativeLang: 'ja', nameLang: 'ja' };
    m.appendix.glossary = [{ term: 'Samsung', native: '삼성전자', lang: 'ko', description: 'A partner.' }];
    m.appendix.parts.glossary.present = true;
    const { html } = createRenderer().render(m, { svgs: [], pageSize: 'A4' });
    expect(html).toContain('<p class="cover-native" lang="ja">ソニーグループ株式会社</p>');
    expect(html).toContain('<td class="native-name" lang="ko">삼성전자</td>');
    expect(html).toContain(":root { --briefing-fonts: 'Inter', 'Noto Sans JP', 'Noto Sans SC', 'Noto Sans TC', 'Noto Sans KR'; }"); // the company's language's face first
    const families = new Set([...html.matchAll(/@font-face \{ font-family: '([^']+)'/g)].map((f) => f[1]));
    expect([...families].sort()).toEqual(['Inter', 'Noto Sans JP', 'Noto Sans KR']); // no Chinese face: no text needs it
  });

  it('leaves out the glossary\'s native-name column when no entry has a native name, rather than print it empty', () => {
    const m = model();
    m.appendix.glossary = [{ term: 'CET1', description: 'Common equity tier 1 capital.' }, { term: 'NIM', description: 'Net interest margin.' }];
    m.appendix.parts.glossary.present = true;
    const glossary = (html: string) => /<h2 id="notes-glossary">[\s\S]*?<\/table>/.exec(html)![0];
    const plain = glossary(createRenderer().render(m, { svgs: [], pageSize: 'A4' }).html);
    expect([...plain.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((h) => h[1])).toEqual(['Name', 'Description']);
    expect(plain).toContain('<td class="">CET1</td><td class="">Common equity tier 1 capital.</td>');
    m.appendix.glossary.push({ term: 'Samsung', native: '삼성전자', lang: 'ko', description: 'A partner.' });
    const named = glossary(createRenderer().render(m, { svgs: [], pageSize: 'A4' }).html);
    expect([...named.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((h) => h[1])).toEqual(['Name', 'Native name', 'Description']);
  });
});

describe('a column\'s heading with a unit in parentheses', () => {
  it('keeps the unit on one line, in a table of metrics and of numbers, while a long heading still wraps between its other words', () => {
    const canvas = nordwindCanvas();
    const long = 'Gross floor area leased to third parties at the end of the period (thousand sq ft)';
    const aside = 'Net income (excluding one-off items and discontinued operations)';
    canvas.blocks.cost_structure!.sections[0]!.content = [
      { table: { title: 'Floor area and net income', columns: ['Site', 'Floor area (thousand sq ft)', aside], rows: [['Bergen', 412.5, { metric: 'net_income_fy25' }], ['Oslo', 1_203.25, { metric: 'net_income_fy25' }]] } },
      { table: { columns: ['Site', long], rows: [['Bergen', 412.5]] } },
    ] as never;
    const { html } = createRenderer().render(buildModel(canvas, { name: 'n', setKey: 'full' }), { svgs: [], pageSize: 'A4' });
    const headings = [...html.matchAll(/<th scope="col" class="[^"]*">(.*?)<\/th>/g)].map((h) => h[1]);
    // "Floor area (thousand sq / ft)" broke inside the unit in the narrow column of figures.
    expect(headings).toContain('Floor area <span class="nb">(thousand sq ft)</span>');
    // Every other word of a long heading may still start a line; a long aside in parentheses is no unit, and wraps too.
    expect(headings).toContain('Gross floor area leased to third parties at the end of the period <span class="nb">(thousand sq ft)</span>');
    expect(headings).toContain(aside);
    expect(readFileSync('styles/briefing.css', 'utf8')).toMatch(/^\.nb \{ white-space: nowrap; \}/m);
  });
});

describe('a table\'s title where the table continues', () => {
  it('is printed as its first title is: every rule for the caption row gives the same colour, navy, as the table title', () => {
    const css = readFileSync('styles/briefing.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const colours = (selector: RegExp) => [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].filter(([, s]) => selector.test(s!)).map(([, s, body]) => [s!.trim(), /(?:^|;)\s*color:\s*([^;]+)/.exec(body!)?.[1]?.trim()]).filter(([, c]) => c !== undefined);
    // "Revenue by segment (continued)" was grey (var(--muted)) on the page it ran on to, under a navy first title.
    expect(colours(/tr\.caption th/)).toEqual([['tr.caption th', 'var(--navy)']]);
    expect(colours(/^\s*\.table-title\s*$/)).toEqual([['.table-title', 'var(--navy)']]);
  });
});

describe('the running foot', () => {
  it('is set in the briefing\'s font stack, as the head is, so that an exchange named in Japanese is drawn in an embedded face', () => {
    const m = model();
    m.company = { ...m.company, exchange: '東証', nativeName: 'ソニーグループ株式会社', nativeLang: 'ja', nameLang: 'ja' };
    const { html, marginText } = createRenderer().render(m, { svgs: [], pageSize: 'A4' });
    const font = (box: string) => new RegExp(`@${box} \\{[^}]*font: \\d+ 7\\.5pt ([^;]+);`).exec(html)![1];
    const stack = "'Inter', 'Noto Sans JP', 'Noto Sans SC', 'Noto Sans TC', 'Noto Sans KR'";
    // The foot was 'Inter' alone: 東証 printed in whatever font the printing machine had, or as empty boxes.
    for (const box of ['top-left', 'bottom-left', 'bottom-center', 'bottom-right']) expect(font(box), box).toBe(stack);
    expect(new Set([...html.matchAll(/@font-face \{ font-family: '([^']+)'/g)].map((f) => f[1]))).toContain('Noto Sans JP');
    // The page numbers' digits are still in the margin text, so the faces embedded have them.
    expect(marginText).toContain('Page of 0123456789');
  });
});

describe('a briefing in Japanese on a Chinese company', () => {
  it('embeds the Japanese face its text is drawn in (html lang="ja"), beside the Chinese one of the company\'s name', () => {
    const m = model();
    m.meta = { ...m.meta, language: 'ja' };
    m.company = { ...m.company, nativeName: '阿里巴巴集团', nativeLang: 'zh-Hans', nameLang: 'zh-Hans' };
    m.summary = [{ text: '当社は中国の企業です。' }];
    const { html } = createRenderer().render(m, { svgs: [], pageSize: 'A4' });
    const families = new Set([...html.matchAll(/@font-face \{ font-family: '([^']+)'/g)].map((f) => f[1]));
    expect([...families].sort()).toEqual(['Inter', 'Noto Sans JP', 'Noto Sans SC']);
  });
});

describe('a company in Traditional Chinese', () => {
  it('draws its name in Noto Sans TC, chosen from the country when the canvas gives no language', () => {
    expect(nativeLanguageOf('Taiwan', '台灣積體電路製造股份有限公司')).toBe('zh-Hant');
    expect(cjkFamily('zh-Hant')).toBe('Noto Sans TC');
    expect(cjkFamily('zh-TW')).toBe('Noto Sans TC');
    expect(cjkFamily('zh-HK')).toBe('Noto Sans TC');
    expect(cjkFamily('zh-MO')).toBe('Noto Sans TC'); // Macau writes Traditional characters too
    expect(cjkFamily('zh-Hans-HK')).toBe('Noto Sans SC'); // the script named outranks the region
    expect(cjkFamily('zh')).toBe('Noto Sans SC');
    const m = model();
    m.company = { ...m.company, nativeName: '台灣積體電路製造', nativeLang: 'zh-Hant', nameLang: 'zh-Hant' };
    const { html, warnings } = createRenderer().render(m, { svgs: [], pageSize: 'A4' });
    expect(warnings).toEqual([]);
    expect(html).toContain('<p class="cover-native" lang="zh-Hant">台灣積體電路製造</p>');
    expect(html).toContain(":root { --briefing-fonts: 'Inter', 'Noto Sans TC', 'Noto Sans SC', 'Noto Sans JP', 'Noto Sans KR'; }");
    const families = new Set([...html.matchAll(/@font-face \{ font-family: '([^']+)'/g)].map((f) => f[1]));
    expect([...families].sort()).toEqual(['Inter', 'Noto Sans TC']);
  });
});

describe('text in a script no name is tagged with', () => {
  it('is drawn in an embedded face of that script: hangul in a Japanese company\'s prose in Noto Sans KR', () => {
    const m = model();
    m.company = { ...m.company, nativeName: 'ソニー', nativeLang: 'ja' };
    m.summary = [{ text: 'Partner Hanbit (한빛파트너스) supplies the panels.' }];
    const { html, warnings } = createRenderer().render(m, { svgs: [], pageSize: 'A4' });
    expect(warnings).toEqual([]);
    expect(html).toMatch(/@font-face \{ font-family: 'Noto Sans KR';/);
  });
});

describe('a name in its own script in prose', () => {
  it('is marked as a name in its language wherever the canvas names it (company, glossary), so it never breaks inside', () => {
    const m = model();
    m.company = { ...m.company, nativeName: '诺德风能', nativeLang: 'zh-Hans' };
    m.appendix.glossary = [{ term: 'Yamato', native: 'ヤマト運輸', lang: 'ja', description: 'A partner.' }];
    m.summary = [{ text: 'Nordwind (诺德风能) ships with Yamato (ヤマト運輸) and ' }, { text: '€5 million', figure: true }, { text: '.' }];
    const { html } = createRenderer().render(m, { svgs: [], pageSize: 'A4' });
    expect(html).toContain('Nordwind (<span class="native-name" lang="zh-Hans">诺德风能</span>) ships with Yamato (<span class="native-name" lang="ja">ヤマト運輸</span>) and <span class="fig">');
  });
});

describe('a column of figures with some in parentheses', () => {
  it('sets the others a bracket in from the edge, so that the decimal points line up', () => {
    const m = model();
    const cell = (text: string) => ({ text: [{ text, figure: true }], numeric: true });
    m.appendix.register = { columns: [{ label: 'Metric' }, { label: 'Value', numeric: true }], rows: [[{ text: [{ text: 'A' }] }, cell('(3.10)')], [{ text: [{ text: 'B' }] }, cell('2.00')]] };
    const { html } = createRenderer().render(m, { svgs: [], pageSize: 'A4' });
    expect(html).toContain('<td class="num"><span class="fig">(3.10)</span></td>');
    expect(html).toContain('<td class="num bracket-pad"><span class="fig">2.00</span></td>');
  });
});
