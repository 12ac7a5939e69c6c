/**
 * The sample canvas, end to end: the seed's figures reach the PDF with their precision,
 * the noise does not, contradictions are listed, and every briefing keeps its promises.
 */
import { describe, it, expect, beforeAll, inject } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFDict, PDFName, PDFStream } from 'pdf-lib';
import { parse } from 'yaml';
import { readPdf, type PdfReadBack } from '../support/read-pdf.ts';
import { missingFigures, seedFigures, withContext } from '../support/seed-figures.ts';
import { headingPositions, LOWEST_HEADING_TOP } from '../support/heading-positions.ts';
import '../support/shared-builds.ts';

const BLOCK_TITLES = ['Key Partnerships', 'Key Activities', 'Key Resources', 'Value Propositions', 'Customer Relationships', 'Channels', 'Customer Segments', 'Cost Structure', 'Revenue Streams'];

// `briefing build data`, run once for the whole test run by test/support/setup-builds.ts.
const result = inject('builds').sample;
const pdfs: Record<string, PdfReadBack> = {};
const bytes: Record<string, Uint8Array> = {};

beforeAll(async () => {
  for (const file of readdirSync(result.dir)) {
    bytes[file] = new Uint8Array(readFileSync(join(result.dir, file)));
    pdfs[file] = await readPdf(bytes[file]);
  }
});

const full = () => pdfs['alibaba.pdf'];
const fullText = () => full().text.join('\n');

describe('the sample briefings', () => {
  it('builds the full briefing and at least two narrower block sets, without warnings', () => {
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    const files = Object.keys(pdfs).sort();
    expect(files).toContain('alibaba.pdf');
    expect(files.filter((f) => /^alibaba--[a-z_]+\.pdf$/.test(f)).length).toBeGreaterThanOrEqual(2);
    for (const line of result.out) expect(line).toMatch(/^wrote \S+\.pdf {2}\d+ pages {2}\d+\.\d s$/);
  });

  it('carries at least 97% of the seed\'s distinct figures, with the seed\'s precision', () => {
    const figures = seedFigures();
    const missing = missingFigures(figures, fullText());
    expect(figures.length).toBeGreaterThan(150);
    expect(missing.length / figures.length, `missing: ${withContext(missing)}`).toBeLessThanOrEqual(0.03);
    for (const exact of ['101.272', '585,663', '21,573', '53,178', '8.511', '7.876', '12.3%', '35.8%', '17.73%']) expect(fullText()).toContain(exact);
  });

  it('keeps the vendor marketing, the disclaimer and the stray to-do line out', () => {
    for (const noise of ['13-week cash', '$14.99', '$9.99', 'Disclaimer', 'Fully Editable', 'Investor-Approved', 'MAC/PC']) {
      for (const [file, pdf] of Object.entries(pdfs)) expect(pdf.text.join('\n'), `${noise} in ${file}`).not.toContain(noise);
    }
  });

  it('lists the seed\'s contradictions in the data notes with every value kept', () => {
    const notes = full().text.slice(full().text.findIndex((t) => /^\s*Data notes\s*$/m.test(t) && t.includes('Contradictions found'))).join('\n');
    expect(notes).toContain('Contradictions found');
    for (const figure of ['56 million', '53 million', '39.8 billion', '29.6 billion', '4.35 billion', '133.7 billion', '132.3 billion', '31.4 billion', '126.6 billion', '32.47 billion', '53,178 million']) {
      expect(notes, figure).toContain(figure);
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

  it('has a cover, key figures, contents, the nine chapters in canvas order and data notes', () => {
    const text = full().text;
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
    expect(chapters.at(-1)).toBe('Data notes');
  });

  it('numbers the contents with the pages chapters and sections really start on, in every briefing', () => {
    for (const [file, pdf] of Object.entries(pdfs)) {
      // The contents run from its own bookmark to the first chapter's.
      const first = pdf.outline.findIndex((o) => o.title === 'Contents');
      expect(first, file).toBeGreaterThan(0);
      const toc = pdf.text.slice(pdf.outline[first].page! - 1, pdf.outline[first + 1].page! - 1).join('\n');
      expect(toc, file).toMatch(/Data notes\s+\d+/);
      const flat = flattenOutline(pdf.outline);
      let checked = 0;
      for (const item of flat.filter((o) => o.title !== 'Contents')) {
        const title = item.title.replace(/^\d+(\.\d+)?\s+/, '');
        const m = new RegExp(`${escape(title)}\\s*(\\d+)\\s*$`, 'm').exec(toc.replace(/\s*\n\s*(?=[a-z(])/g, ' '));
        if (!m) continue; // e.g. data-notes subsections are not in the contents
        expect(Number(m[1]), `${file}: "${title}"`).toBe(item.page);
        checked += 1;
      }
      expect(checked, file).toBeGreaterThan(10);
    }
  });

  it('footers every page but the cover "Page N of M", and heads each chapter page with its chapter', () => {
    for (const [file, pdf] of Object.entries(pdfs)) {
      pdf.text.slice(1).forEach((t, i) => expect(t, `${file} page ${i + 2}`).toContain(`Page ${i + 2} of ${pdf.pages}`));
    }
    const keyActivities = full().outline.find((o) => o.title.endsWith('Key Activities'))!;
    expect(full().text[keyActivities.page! ]).toMatch(/2\s+Key Activities/); // the page after the chapter opens still names it
  });

  it('draws at least six distinct charts as vector graphics, with no raster images', async () => {
    const titles = new Set([...fullText().matchAll(/Figure \d+\. ([^\n]+)/g)].map((m) => m[1].trim()));
    expect(titles.size).toBeGreaterThanOrEqual(6);
    const doc = await PDFDocument.load(bytes['alibaba.pdf'], { updateMetadata: false });
    for (const page of doc.getPages()) {
      const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
      for (const [, ref] of xobjects?.entries() ?? []) {
        const obj = doc.context.lookup(ref);
        if (obj instanceof PDFStream) expect(obj.dict.get(PDFName.of('Subtype'))?.toString()).not.toBe('/Image');
      }
    }
  });

  it('bookmarks every chapter and section with its title exactly as written', () => {
    const canvas = parse(readFileSync('data/alibaba.yaml', 'utf8'));
    const titles = new Set(flattenOutline(full().outline).map((o) => o.title));
    let chapter = 0;
    for (const block of Object.values(canvas.blocks) as Array<{ sections: Array<{ title: string }> }>) {
      chapter += 1;
      block.sections.forEach((section, i) => expect(titles, section.title).toContain(`${chapter}.${i + 1} ${section.title}`));
    }
    for (const c of canvas.data_notes.contradictions as Array<{ title: string }>) expect(titles).toContain(c.title);
  });

  it('never leaves a heading alone at the foot of a page', async () => {
    for (const [file, data] of Object.entries(bytes)) {
      const headings = await headingPositions(data);
      expect(headings.length, file).toBeGreaterThan(10);
      for (const h of headings) expect(h.top, `${file}: ${h.title} (page ${h.page})`).toBeGreaterThan(LOWEST_HEADING_TOP);
    }
  });

  it('describes each briefing in its metadata and tags it', () => {
    for (const [file, pdf] of Object.entries(pdfs)) {
      expect(pdf.metadata.title, file).toMatch(/^Alibaba Group Holding Limited: Investor briefing/);
      expect(pdf.metadata.author, file).toBeTruthy();
      expect(pdf.metadata.subject, file).toBeTruthy();
      expect(pdf.metadata.keywords, file).toContain('BABA');
      expect(pdf.metadata.language, file).toBe('en');
      expect(pdf.tagged, file).toBe(true);
    }
  });
});

function flattenOutline(items: PdfReadBack['outline']): Array<{ title: string; page: number | undefined }> {
  return items.flatMap((i) => [{ title: i.title, page: i.page }, ...flattenOutline(i.children)]);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
