/**
 * The sample canvas, end to end: the seed's figures reach the PDF with their precision,
 * the noise does not, contradictions are listed, and every briefing keeps its promises.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas } from '../../src/validate/validate-canvas.ts';
import type { Canvas, Chart } from '../../src/validate/schema.ts';
import { MANIFEST_FILE } from '../../src/pipeline.ts';
import { readPdf, type PdfReadBack } from '../support/read-pdf.ts';
import { missingFigures, missingInWords, seedFigures, withContext } from '../support/seed-figures.ts';
import {
  bodyItems, bodyText, contentsNumbersByPage, contentsText, flattenOutline, headingsWithoutContentBelow, LOWEST_HEADING_TOP, pageFill, runningHead, runningHeadLines, sectionText, squash, textOf, TOP_MARGIN,
} from '../support/briefing-layout.ts';
import { sharedBuild } from '../support/shared-builds.ts';

const BLOCK_TITLES = ['Key Partnerships', 'Key Activities', 'Key Resources', 'Value Propositions', 'Customer Relationships', 'Channels', 'Customer Segments', 'Cost Structure', 'Revenue Streams'];

/**
 * Seed figures the briefing prints with other words beside them than the seed's (figureInWords); each
 * is still printed itself. The list is compared exactly, so a figure that gets its seed word back leaves it.
 */
const PRINTED_IN_OTHER_WORDS = [
  // Seed table cells followed by the next cell, not a unit: "Approx. 170 | Open-Source ...", "¥3,799 | Around $537 | Up to ...".
  '170', '3,799', '537', '1,899', '268',
  // Reworded: "Qwen 2.5 AI model" as "Qwen 2.5 model", "Festival: 453." as "453 brands", "$30," as "US$30",
  // "(US$2.20)" as "US$2.20 parcel", "88 yuan to 888 yuan" as "RMB 88 to RMB 888".
  '2.5', '453', '30', '2.20', '888',
];

/** The canvas as written (as validated only to lay its series out: one metric per dated value), to hold the PDFs against. */
const canvas: Canvas = validateCanvas(parseCanvas(readFileSync('data/alibaba.yaml', 'utf8'), 'data/alibaba.yaml'));
const blockSets = canvas.block_sets ?? {};

// `briefing build data`, run once for the whole test run by test/support/setup-builds.ts.
const result = await sharedBuild('sample');
const pdfs: Record<string, PdfReadBack> = {};
const bytes: Record<string, Uint8Array> = {};

beforeAll(async () => {
  for (const file of readdirSync(result.dir).filter((f) => f.endsWith('.pdf'))) {
    bytes[file] = new Uint8Array(readFileSync(join(result.dir, file)));
    pdfs[file] = await readPdf(bytes[file]);
  }
});

const full = () => pdfs['alibaba.pdf'];
const fullText = () => full().text.join('\n');
/** The block set a file was built for; undefined for the full briefing. */
const setOf = (file: string) => /^alibaba--(\w+)\.pdf$/.exec(file)?.[1];

describe('the sample briefings', () => {
  it('builds the full briefing and exactly one briefing per block set, each reported once, without warnings', () => {
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(Object.keys(blockSets).length).toBeGreaterThanOrEqual(2);
    const expected = ['alibaba.pdf', ...Object.keys(blockSets).map((set) => `alibaba--${set}.pdf`)].sort();
    expect(Object.keys(pdfs).sort()).toEqual(expected);
    // A line per briefing, then the closing line counting them.
    expect(result.out.at(-1)).toMatch(new RegExp(`^${expected.length} briefings written in (\\d+\\.\\d s|\\d+ min \\d\\d s)$`));
    const reported = result.out.slice(0, -1).map((line) => {
      const [, path, pages, edition] = /^wrote (\S+\.pdf) {2}(\d+) pages {2}edition ([0-9a-f]{8}) {2}\d+\.\d s$/.exec(line) ?? [];
      expect(path, line).toBeDefined();
      const file = path!.slice(result.dir.length + 1);
      expect(path, line).toBe(join(result.dir, file));
      expect(Number(pages), line).toBe(pdfs[file]?.pages);
      expect(edition, line).toBe(pdfs[file]?.metadata.edition);
      return file;
    });
    expect(reported.sort()).toEqual(expected);
  });

  it('carries every one of the seed\'s distinct figures in its body text, with the seed\'s precision', () => {
    // Body text: no contents pages, running heads, "Page N of M" footers, heading numbers or "Figure N." labels.
    const body = bodyText(full());
    const figures = seedFigures();
    const missing = missingFigures(figures, body);
    expect(figures.length).toBeGreaterThan(150);
    expect(missing, `missing: ${withContext(missing)}`).toEqual([]);
    for (const exact of ['101.272', '585,663', '21,573', '53,178', '8.511', '7.876', '12.3%', '35.8%', '17.73%']) expect(body).toContain(exact);
  });

  it('prints the seed\'s figures with the seed\'s word beside them ("41 billion", "late 2025"), but for a listed few', () => {
    const otherWords = missingInWords(bodyText(full()));
    const lost = otherWords.filter((f) => !PRINTED_IN_OTHER_WORDS.includes(f));
    expect(lost, `printed without the seed's word: ${withContext(lost)}`).toEqual([]);
    expect(PRINTED_IN_OTHER_WORDS.filter((f) => !otherWords.includes(f)), 'printed with the seed\'s word again: take them off the list').toEqual([]);
  });

  it("keeps the vendor marketing, the web page's disclaimer and the stray to-do line out, in any case", () => {
    for (const noise of ['13-week cash', '$14.99', '$9.99', 'do not claim any ownership', 'Fully Editable', 'Investor-Approved', 'MAC/PC']) {
      for (const [file, pdf] of Object.entries(pdfs)) expect(pdf.text.join('\n').toLowerCase(), `${noise} in ${file}`).not.toContain(noise.toLowerCase());
    }
  });

  it('lists the seed\'s contradictions under "Where sources disagree" with every value kept', () => {
    // That section alone: the figure register after it lists every value again.
    const section = squash(sectionText(full(), 'Where sources disagree'));
    expect(section).toMatch(/^Where sources disagree 88VIP membership /);
    for (const figure of ['56 million', '53 million', '39.8 billion', '29.6 billion', '4.35 billion', '133.7 billion', '132.3 billion', '31.4 billion', '126.6 billion', '32.47 billion', '53,178 million']) {
      // A whole figure: "53 million" is not found inside "153 million" or "1.53 million".
      expect(section, figure).toMatch(new RegExp(`(?<![\\d.,])${escape(figure)}`));
    }
  });

  it('never breaks a word of a figure\'s unit inside, not even in a narrow column of figures ("9 consecuti/ve quarters")', () => {
    const units = Object.values(canvas.metrics ?? {}).map((m) => m.unit ?? '');
    const words = [...new Set(units.flatMap((u) => u.split(/[\s/-]+/)).filter((w) => /^\p{L}{6,}$/u.test(w)))];
    expect(words).toContain('consecutive');
    for (const [file, pdf] of Object.entries(pdfs)) {
      const text = pdf.text.join('\n');
      for (const word of words) {
        for (let cut = 2; cut < word.length - 1; cut++) expect(text, `${file}: "${word}" broken after "${word.slice(0, cut)}"`).not.toContain(`${word.slice(0, cut)}\n${word.slice(cut)}`);
      }
    }
  });

  it('prints Chinese names as searchable text in an embedded font', () => {
    for (const name of ['淘宝', '天猫', '阿里巴巴']) expect(fullText()).toContain(name);
    const cjk = full().fonts.filter((f) => /NotoSansSC/.test(f.name));
    expect(cjk.length).toBeGreaterThan(0);
    for (const [file, pdf] of Object.entries(pdfs)) {
      for (const f of pdf.fonts) {
        expect(f.type, `${file}: ${f.name}`).not.toBe('Type3');
        expect(f.embedded, `${file}: ${f.name}`).toBe(true);
      }
    }
  });

  it('has a cover, key figures, contents, the nine chapters in canvas order, data notes and important information', () => {
    const text = full().text;
    // The period above the name, spaced out in capitals, still reads as words (too wide a spacing extracts as "L AT E 2 0 2 5").
    expect(text[0]).toMatch(/^LATE 2025\n/);
    expect(text[0]).toMatch(/Alibaba Group Holding Limited/);
    expect(text[0]).toMatch(/NYSE: BABA/);
    expect(text[0]).toMatch(/Investor briefing/);
    expect(text[0]).toMatch(/Late 2025/);
    expect(text[0]).toMatch(/1 Dec 2025/);
    const chapters = full().outline.map((o) => o.title);
    expect(chapters.filter((t) => BLOCK_TITLES.some((b) => t.endsWith(b)))).toHaveLength(9);
    const order = BLOCK_TITLES.map((b) => chapters.findIndex((t) => t.endsWith(b)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(chapters[0]).toBe('Key figures');
    expect(chapters.slice(-2)).toEqual(['Data notes', 'Important information']);
  });

  it('lists every chapter, section and data-notes part in the contents with the page it starts on, in every briefing', () => {
    for (const [file, pdf] of Object.entries(pdfs)) {
      const toc = contentsText(pdf);
      // The outline's first two levels are listed; the third (each contradiction) is not.
      const entries = flattenOutline(pdf.outline).filter((e) => e.depth <= 1 && e.title !== 'Contents');
      expect(entries.length, file).toBeGreaterThan(10);
      const wrong = entries.flatMap((e) => {
        const listed = new RegExp(`(?:^| )${escape(e.title)} (\\d+)(?= |$)`).exec(toc)?.[1];
        return Number(listed) === e.page ? [] : [`${e.title}: listed with page ${listed ?? 'none'}, starts on page ${e.page}`];
      });
      expect(wrong, file).toEqual([]);
    }
  });

  it('never leaves a section of the contents alone at the top of a page, apart from its chapter and the sections before it', () => {
    for (const [file, pdf] of Object.entries(pdfs)) {
      const pages = contentsNumbersByPage(pdf);
      // The numbers are read (every chapter's at least); the full briefing's contents run over a page.
      expect(pages.flat().slice(0, 2).join(' '), file).toMatch(/^1 1\.\d+$/);
      if (file === 'alibaba.pdf') expect(pages.length).toBeGreaterThanOrEqual(2);
      pages.slice(1).forEach((numbers, i) => {
        const [first, second] = numbers;
        // A page that starts in a chapter's sections holds at least two of them.
        if (first?.includes('.')) expect(second?.split('.')[0], `${file} contents page ${i + 2}: ${numbers.join(' ')}`).toBe(first.split('.')[0]);
      });
    }
  });

  it('footers every page but the cover "Page N of M", and heads each with the briefing and its period on one line', () => {
    for (const [file, pdf] of Object.entries(pdfs)) {
      pdf.text.slice(1).forEach((t, i) => expect(t, `${file} page ${i + 2}`).toContain(`Page ${i + 2} of ${pdf.pages}`));
      const set = setOf(file);
      const briefing = `Alibaba · Investor briefing${set ? ` · ${blockSets[set]!.title}` : ''}`;
      for (let page = 2; page <= pdf.pages; page++) {
        expect(runningHead(pdf, page), `${file} page ${page}`).toBe(`${briefing} ${canvas.briefing.period}`);
        expect(runningHeadLines(pdf, page), `${file} page ${page}`).toBe(1);
      }
    }
  });

  it('lets chapters flow on: no page but the cover and the last is less than a third full, and chapters start mid-page', () => {
    for (const [file, pdf] of Object.entries(pdfs)) {
      const underfilled = Array.from({ length: pdf.pages - 2 }, (_, i) => i + 2).filter((page) => pageFill(pdf, page) < 1 / 3);
      expect(underfilled, `${file}: pages less than a third full`).toEqual([]);
      // A chapter starts mid-page where the one before it left room (its heading well below the top margin).
      const chapters = pdf.outline.filter((o) => /^\d+ /.test(o.title));
      const midPage = chapters.filter((c) => c.top! < pdf.pageSizes[c.page! - 1]![1] - TOP_MARGIN - 60);
      expect(midPage.length, `${file}: chapters that start mid-page`).toBeGreaterThan(0);
    }
  });

  it('continues every table that runs onto another page under its title and "(continued)" at the top of that page, in every briefing', () => {
    for (const [file, pdf] of Object.entries(pdfs)) {
      // Each briefing has a table long enough to run on (the figure register, the glossary); each part after the
      // first begins a page, its caption the page's first line (a table that could not be cut would show none).
      const firstLines = Array.from({ length: pdf.pages - 1 }, (_, i) => textOf(bodyItems(pdf, i + 2)).split('\n')[0]!.trim());
      const continued = firstLines.filter((line) => /\(continued\)$/.test(line));
      expect(continued.length, `${file}: pages that continue a table`).toBeGreaterThan(0);
      // Each says what goes on: its table's title, or for one without, the heading it stands under.
      expect(continued.filter((line) => !/^\S.* \(continued\)$/.test(line)), `${file}: "(continued)" without a title`).toEqual([]);
      expect(continued).toContain('Figure register (continued)');
      expect(firstLines.join('\n').match(/\(continued\)/g)?.length, `${file}: "(continued)" anywhere but a page's first line`).toBe(pdf.text.join('\n').match(/\(continued\)/g)?.length);
    }
  });

  it('draws every chart with each point\'s label and value, and at least six charts, as vector graphics only', () => {
    const text = squash(fullText());
    const charts = Object.entries(canvas.charts ?? {});
    expect(charts.length).toBeGreaterThanOrEqual(6);
    for (const [id, chart] of charts) {
      const drawn = chartTexts(text, chart);
      expect(drawn.length, `${id}: "Figure N. ${chart.title}"`).toBeGreaterThan(0);
      for (const chartText of drawn) {
        for (const point of chart.points) {
          const metric = canvas.metrics[point.metric]!;
          // As model/chart-model.ts labels a point: its own label, else the metric's period (column, line) or label.
          const label = point.label ?? (chart.type === 'column' || chart.type === 'line' ? metric.period : metric.label);
          const value = chart.plot === 'change' ? metric.change?.percent : metric.value;
          expect(chartText, `${id}: the label of ${point.metric}`).toContain(squash(label));
          expect(missingFigures([String(value)], chartText), `${id}: the value of ${point.metric}`).toEqual([]);
        }
      }
    }
    for (const [file, data] of Object.entries(bytes)) {
      const raw = Buffer.from(data).toString('latin1');
      // Without object streams every dictionary is plain text in the file, so searching the bytes finds any image.
      expect(raw, file).not.toContain('/ObjStm');
      expect(raw, file).toMatch(/\/Subtype\s*\/Type0\b/); // the search does find dictionaries: the fonts'
      expect(raw, file).not.toMatch(/\/Subtype\s*\/Image\b/);
    }
  });

  it('bookmarks every chapter and section with its title exactly as written', () => {
    const titles = new Set(flattenOutline(full().outline).map((o) => o.title));
    let chapter = 0;
    for (const block of Object.values(canvas.blocks)) {
      chapter += 1;
      block!.sections?.forEach((section, i) => expect(titles, section.title).toContain(`${chapter}.${i + 1} ${section.title}`));
    }
    for (const c of canvas.data_notes!.contradictions!) expect(titles).toContain(c.title);
  });

  it('never leaves a heading alone: every bookmarked heading has content below it on its page, and none sits at the foot', () => {
    for (const [file, pdf] of Object.entries(pdfs)) {
      const headings = flattenOutline(pdf.outline);
      expect(headings.length, file).toBeGreaterThan(10);
      expect(headingsWithoutContentBelow(pdf), file).toEqual([]);
      for (const h of headings) expect(h.top, `${file}: ${h.title} (page ${h.page})`).toBeGreaterThan(LOWEST_HEADING_TOP);
    }
  });

  it('describes each briefing in its metadata, with its own title and the canvas\'s author, and tags it', () => {
    expect(canvas.briefing.author).toBe('canvas-briefing sample data');
    for (const [file, pdf] of Object.entries(pdfs)) {
      const set = setOf(file);
      expect(pdf.metadata.title, file).toBe(`Alibaba Group Holding Limited: Investor briefing${set ? ` (${blockSets[set]!.title})` : ''}, Late 2025`);
      expect(pdf.metadata.author, file).toBe(canvas.briefing.author);
      expect(pdf.metadata.subject, file).toBeTruthy();
      expect(pdf.metadata.keywords, file).toContain('BABA');
      expect(pdf.metadata.language, file).toBe('en');
      expect(pdf.tagged, file).toBe(true);
    }
  });

  it('stamps each briefing with the edition its manifest entry records: in the metadata, on the cover and in every footer', () => {
    const manifest = JSON.parse(readFileSync(join(result.dir, MANIFEST_FILE), 'utf8')) as { briefings: Record<string, { edition: string; inputs: string }> };
    const editions = new Set<string>();
    for (const [file, pdf] of Object.entries(pdfs)) {
      const { edition, inputs } = manifest.briefings[file.replace(/\.pdf$/, '')];
      expect(inputs.startsWith(edition), file).toBe(true);
      expect(pdf.metadata.edition, file).toBe(edition);
      expect(pdf.text[0].replace(/\s+/g, ' '), file).toMatch(new RegExp(`Edition ${edition}`, 'i'));
      pdf.text.slice(1).forEach((page, i) => expect(page, `${file} page ${i + 2}`).toContain(`Edition ${edition}`));
      editions.add(edition);
    }
    expect(editions.size).toBe(Object.keys(pdfs).length);
  });
});

/**
 * The text of each place `chart` is drawn (whitespace collapsed): from its "Figure N. title" to its
 * caption, or without one to the next figure.
 */
function chartTexts(text: string, chart: Chart): string[] {
  return [...text.matchAll(new RegExp(`Figure \\d+\\. ${escape(squash(chart.title))} `, 'g'))].map((m) => {
    const rest = text.slice(m.index + m[0].length);
    const end = chart.caption ? rest.indexOf(squash(chart.caption).slice(0, 40)) : rest.search(/Figure \d+\. |$/);
    return rest.slice(0, Math.max(end, 0));
  });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
