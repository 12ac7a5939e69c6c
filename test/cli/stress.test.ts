/**
 * A canvas nobody wrote by hand (test/support/stress-canvas.ts): long titles, a table that spans
 * pages, CJK text, many charts, all nine blocks, a block set. It must build, and the PDF must keep
 * its promises.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPdf, type PdfReadBack } from '../support/read-pdf.ts';
import { CJK_NAME, JA_NAME, KO_NAME, SOURCES_WORDS, TC_NAME } from '../support/stress-canvas.ts';
import { flattenOutline, headingsWithoutContentBelow, LOWEST_HEADING_TOP, runningHead, runningHeadLines, sectionText, squash } from '../support/briefing-layout.ts';
import { sharedBuild } from '../support/shared-builds.ts';

// Built once for the run by test/support/setup-builds.ts, from test/support/stress-canvas.ts.
const result = await sharedBuild('stress');
let pdf: PdfReadBack;

beforeAll(async () => {
  pdf = await readPdf(new Uint8Array(readFileSync(join(result.dir, 'stress.pdf'))));
});

describe('a canvas with long tables, long titles and Chinese text, on US Letter', () => {
  it('builds the full briefing and the block set without warnings', () => {
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out).toHaveLength(3);
    expect(result.out[1]).toMatch(/stress--operations\.pdf/);
    expect(result.out[2]).toMatch(/^2 briefings written in (\d+\.\d s|\d+ min \d\d s)$/);
  });

  it('prints every page of both briefings on US Letter, as --page-size letter asked', async () => {
    const set = await readPdf(new Uint8Array(readFileSync(join(result.dir, 'stress--operations.pdf'))));
    for (const sizes of [pdf.pageSizes, set.pageSizes]) {
      expect(sizes.length).toBeGreaterThan(1);
      for (const [w, h] of sizes) expect([Math.abs(w - 612), Math.abs(h - 792)].every((d) => d < 1), `${w} x ${h}`).toBe(true);
    }
  });

  it('repeats the table header on every page the long table spans', () => {
    const pages = pdf.text.map((t, i) => [i, t] as const).filter(([, t]) => /Distribution site \d+ — throughput/.test(t))
      .filter(([i]) => i + 1 >= pdf.outline.find((o) => o.title.endsWith('Channels'))!.page! && i + 1 <= pdf.outline.find((o) => o.title.endsWith('Customer Segments'))!.page!); // the channels table only
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, t] of pages) expect(t, `page ${i + 1}`).toMatch(/Metric\s+Value\s+Change\s+Period/);
    const listed = pages.flatMap(([, t]) => [...t.matchAll(/Distribution site (\d+) — throughput/g)].map((m) => Number(m[1])));
    expect(new Set(listed).size).toBe(120); // no row lost at a page break
    // Every page after the first says the table goes on, and holds at least 3 of its rows.
    pages.slice(1).forEach(([i, t]) => {
      expect(t, `page ${i + 1}`).toMatch(/\(continued\)\s+Metric\s+Value/);
      expect([...t.matchAll(/Distribution site \d+ — throughput/g)].length, `page ${i + 1}`).toBeGreaterThanOrEqual(3);
    });
    expect(pages[0]![1]).not.toContain('(continued)');
  });

  it('numbers the chapters after the nine blocks on, ends with Important information, and a block set takes a chapter like a block', async () => {
    const top = pdf.outline.map((o) => o.title);
    expect(top.slice(-4)).toEqual(['10 Outlook', '11 Risks', 'Data notes', 'Important information']);
    const set = await readPdf(new Uint8Array(readFileSync(join(result.dir, 'stress--operations.pdf'))));
    expect(set.outline.map((o) => o.title).filter((t) => /^\d+ /.test(t))).toEqual(['2 Key Activities', '6 Channels', '10 Outlook']);
    expect(set.text.join('\n')).toContain('Volumes are guided to grow with the market.');
    const notice = squash(sectionText(pdf, 'Important information'));
    // The canvas's own disclaimer replaces the standard one; the forward-looking notice keeps the standard wording, dated.
    expect(notice).toContain('Disclaimer Prepared by the strategy team from public filings only; not an offer of securities.');
    expect(notice).not.toContain('not investment advice');
    expect(notice).toMatch(/Forward-looking statements This briefing contains forward-looking statements.* as of 31 Dec 2025/);
  });

  it('marks every page confidential and says on the cover whom the briefing is prepared for', () => {
    expect(squash(pdf.text[0]!).toLowerCase()).toContain('strictly confidential'); // set in capitals by the stylesheet
    expect(squash(pdf.text[0]!)).toContain('Prepared for the Investment Committee, 12 January 2026');
    for (let page = 2; page <= pdf.pages; page++) expect(runningHead(pdf, page), `page ${page}`).toContain('Strictly confidential');
  });

  it('keeps the words of a short column whole beside columns of long text ("Revenue", not "Reve" over "nue")', () => {
    const title = flattenOutline(pdf.outline).map((e) => e.title).find((t) => t.endsWith(' Where the figures come from'))!; // numbered
    const section = sectionText(pdf, title);
    // Broken, a word is found nowhere whole: its two parts lie on two lines, the other columns' text between them.
    for (const word of SOURCES_WORDS) expect(section, word).toMatch(new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'u'));
  });

  it('never breaks a Chinese name inside, so that it is found whole', () => {
    expect(pdf.text.join('\n')).toContain(CJK_NAME);
  });

  it('draws Japanese, Korean and Traditional Chinese names in embedded faces of their own, found whole by text search', () => {
    const all = pdf.text.join('\n');
    for (const name of [JA_NAME, KO_NAME, TC_NAME]) expect(all).toContain(name);
    for (const face of ['NotoSansJP', 'NotoSansKR', 'NotoSansTC', 'NotoSansSC']) {
      expect(pdf.fonts.filter((f) => f.name.includes(face)).map((f) => [f.embedded, f.type === 'Type3']), face).toContainEqual([true, false]);
    }
  });

  it('keeps Chinese text searchable in an embedded CJK font', () => {
    const all = pdf.text.join('\n');
    expect(all).toContain('淘宝与天猫的物流网络');
    expect(all).toContain('菜鸟网络覆盖全球');
    expect(pdf.fonts.some((f) => /NotoSansSC/.test(f.name) && f.embedded && f.type !== 'Type3')).toBe(true);
    expect(pdf.fonts.every((f) => f.type !== 'Type3' && f.embedded)).toBe(true);
  });

  it('keeps every running head to one line, with a 200-character title and long chapter titles', () => {
    for (let page = 2; page <= pdf.pages; page++) expect(runningHeadLines(pdf, page), `page ${page}`).toBeLessThanOrEqual(1);
    // Cut with "…" before the confidentiality marking in the middle of the head.
    expect(pdf.text.slice(1).join('\n')).toMatch(/CILES · Investor briefing on the integrated[^\n]*… Strictly confidential FY2025/);
  });

  it('names the block set in the running head of every page of its briefing, beside the marking and on one line, the 200-character title giving way', async () => {
    const set = await readPdf(new Uint8Array(readFileSync(join(result.dir, 'stress--operations.pdf'))));
    for (let page = 2; page <= set.pages; page++) {
      expect(runningHead(set, page), `page ${page}`).toMatch(/^CILES · Investor briefing on the(?: [^·]*)?… · Operations Strictly confidential FY2025$/);
      expect(runningHeadLines(set, page), `page ${page}`).toBe(1);
    }
  });

  it('never leaves a heading alone: every bookmarked heading has content below it on its page, and none sits at the foot', () => {
    const headings = flattenOutline(pdf.outline);
    expect(headings.length).toBeGreaterThan(18);
    expect(headingsWithoutContentBelow(pdf)).toEqual([]);
    for (const h of headings) expect(h.top, `${h.title} (page ${h.page})`).toBeGreaterThan(LOWEST_HEADING_TOP);
  });
});
