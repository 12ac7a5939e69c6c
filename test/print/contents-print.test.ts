/**
 * A contents list longer than a page, printed as a build prints it (buildBriefing's passes, a real browser): the page it
 * runs on to says so, "Contents (continued)", instead of starting with bare lines; and the key-figures page's two
 * charts, the contents and the chapters come in the template's order, none of them between the contents' heading and
 * its list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build-model.ts';
import { buildBriefing } from '../../src/pipeline.ts';
import { createPrinter, findBrowser, type Printer } from '../../src/print/index.ts';
import type { Canvas } from '../../src/validate/schema.ts';
import { nordwindCanvas } from '../support/fixtures.ts';
import { readPdf, type PdfReadBack } from '../support/read-pdf.ts';
import { bodyItems, squash, textOf } from '../support/briefing-layout.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRenderer } from '../../src/render/render-html.ts';
import { tempDir } from '../support/temp.ts';

/** A theme's own contents partial as themes wrote it before the list became a table: an ordered list. */
const LIST_PARTIAL = `{{> part-start}}
<nav class="contents" id="contents" aria-label="Contents">
  <h1>Inhalt</h1>
  <ol class="toc">
    {{#each toc}}
    <li class="toc-{{level}}"><a href="#{{anchor}}"><span class="toc-number">{{number}}</span><span class="toc-label">{{label}}</span><span class="toc-page">{{pageOf anchor}}</span></a></li>
    {{/each}}
  </ol>
</nav>
`;

/** Nordwind with two key charts and a contents list of about 60 lines (40 sections more in one chapter). */
function longContents(sections = 40): Canvas {
  const canvas = nordwindCanvas();
  canvas.charts = {
    ...canvas.charts,
    result: { title: 'Revenue and net result FY2025', type: 'bar', points: [{ metric: 'revenue_fy25' }, { metric: 'net_income_fy25' }], caption: 'Company reports.' },
  } as Canvas['charts'];
  canvas.key_figures = ['revenue_fy25', 'net_income_fy25', 'capacity_gw', 'turbines'];
  canvas.key_charts = ['revenue_trend', 'result'];
  const costs = canvas.blocks.cost_structure!;
  costs.sections = [
    ...Array.from({ length: sections }, (_, i) => ({ title: `Cost line ${i + 1} of the operating budget`, content: [{ paragraph: `Spending on line ${i + 1}.` }] })),
    ...costs.sections,
  ] as typeof costs.sections;
  return canvas;
}

/** One browser for the file's prints, started by the first describe that needs it. */
let started: Printer | undefined;
async function sharedPrinter(): Promise<Printer> {
  if (started === undefined) {
    await findBrowser({});
    started = createPrinter({ timeoutMs: 30_000 });
  }
  return started;
}

afterAll(async () => {
  await started?.close();
});

describe('a contents list longer than a page, printed', { timeout: 120_000 }, () => {
  let printer: Printer;
  let pdf: PdfReadBack;
  /** Each page's text inside its margins, whitespace collapsed. */
  let pages: string[];

  beforeAll(async () => {
    printer = await sharedPrinter();
    const model = buildModel(longContents(), { name: 'nordwind', setKey: 'full' });
    const built = await buildBriefing(model, { pageSize: 'A4' }, printer);
    pdf = await readPdf(built.pdf);
    pages = Array.from({ length: pdf.pages }, (_, i) => squash(textOf(bodyItems(pdf, i + 1))));
  }, 120_000);

  it('starts the page the contents run on to with "Contents (continued)", and no other page', () => {
    const first = pages.findIndex((text) => text.startsWith('Contents '));
    expect(first, pages.join('\n---\n')).toBeGreaterThan(0);
    expect(pages[first]).not.toContain('(continued)');
    expect(pages[first + 1]!.slice(0, 60)).toMatch(/^Contents \(continued\) (\d+(\.\d+)? )?[A-Z][^\d]+ \d+ /); // then a line of the list and its page
    expect(pages.filter((text) => text.includes('Contents (continued)'))).toHaveLength(1);
    // One bookmark for the contents, where the heading is.
    expect(pdf.outline.filter((o) => o.title.startsWith('Contents')).map((o) => [o.title, o.page])).toEqual([['Contents', first + 1]]);
  });

  it('keeps the template\'s order: key figures, their two charts, the contents\' heading and its list, then chapter 1', () => {
    const text = pages.join(' ');
    const at = (what: string) => {
      const i = text.indexOf(what);
      expect(i, what).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = ['Key figures', 'Figure 1. Revenue by fiscal year', 'Figure 2. Revenue and net result FY2025', 'Contents Key figures 2 1 Key Partnerships', 'Contents (continued)', '1 Key Partnerships 1.1 Turbine suppliers Long-term'];
    const places = order.map(at);
    expect(places).toEqual([...places].sort((a, b) => a - b));
    // Nothing but contents lines from the heading to the end of the list: no chart, no chapter text in between.
    const list = text.slice(at('Contents Key figures'), at('Forward-looking statements'));
    expect(list).not.toMatch(/Figure \d|Long-term|Spending on/);
  });

  it('still prints a theme\'s own contents partial written as a list as it did, unnumbered', async () => {
    const theme = tempDir();
    mkdirSync(join(theme, 'templates', 'partials'), { recursive: true });
    writeFileSync(join(theme, 'templates', 'partials', 'contents.hbs'), LIST_PARTIAL);
    const model = buildModel(longContents(), { name: 'nordwind', setKey: 'full' });
    const rendered = createRenderer({ theme: { dir: theme, chapterBreaks: 'flow' } }).render(model, { svgs: [], pageSize: 'A4' });
    const read = await readPdf((await printer.print(rendered.html, { pageSize: 'A4', metadata: { ...model.meta, date: new Date('2026-02-15T00:00:00Z') }, headings: rendered.headings, marginText: rendered.marginText })).pdf);
    const all = Array.from({ length: read.pages }, (_, i) => squash(textOf(bodyItems(read, i + 1)))).join(' ');
    expect(all).toContain('Inhalt ');
    const page = all.slice(all.indexOf('Inhalt '), all.indexOf('Inhalt ') + 400);
    // No list numbers before the lines ("1. Key figures", "2. 1 Key Partnerships"): the list's own numbers only.
    expect(page).not.toMatch(/\b\d+\. /);
    expect(page).toMatch(/^Inhalt Key figures (\d+ )?1 Key Partnerships (\d+ )?1\.1 /);
  });
});

/**
 * A contents list that fits on a page, but not on what the key figures and their chart leave of theirs (about 35 lines,
 * starting half-way down): it starts the next page, whole, where it ran on to it under "Contents (continued)" (a
 * committee expects the contents on one page where they fit on one).
 */
describe('a contents list that fits on a page, printed', { timeout: 120_000 }, () => {
  let printer: Printer;

  beforeAll(async () => {
    printer = await sharedPrinter();
  }, 120_000);

  it.each(['A4', 'Letter'] as const)('keeps it on one page, the next, on %s', async (pageSize) => {
    const canvas = longContents(18);
    canvas.key_charts = ['revenue_trend'];
    const model = buildModel(canvas, { name: 'nordwind', setKey: 'full' });
    const built = await buildBriefing(model, { pageSize }, printer);
    const pdf = await readPdf(built.pdf);
    const pages = Array.from({ length: pdf.pages }, (_, i) => squash(textOf(bodyItems(pdf, i + 1))));
    const shown = pages.map((text, i) => `${i + 1}: ${text.slice(0, 100)}`).join('\n');
    // The key figures and their chart alone on page 2; the whole list, and nothing before it, on page 3.
    expect(pages[1], shown).toMatch(/^Key figures .*Figure 1\. Revenue by fiscal year/);
    expect(pages[1], shown).not.toContain('Contents');
    expect(pages[2], shown).toMatch(/^Contents Key figures 2 1 Key Partnerships \d+ 1\.1 Turbine suppliers/);
    expect(pages[2], shown).toMatch(/3\.18 Cost line 18 of the operating budget \d+ .*Forward-looking statements \d+/);
    expect(pages.filter((text) => text.includes('Contents (continued)')), shown).toEqual([]);
    expect(built.breaks.toc).toBeUndefined();
    expect(pdf.outline.filter((o) => o.title.startsWith('Contents')).map((o) => [o.title, o.page])).toEqual([['Contents', 3]]);
  });
});
