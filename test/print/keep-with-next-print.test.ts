/**
 * A chapter's heading and lead, printed as a build prints them (buildBriefing's passes, a real browser), stay on the page
 * where the chapter's first section starts: a German briefing whose chapter 2 opens with a lead and then a chart too tall
 * for the rest of the page printed "2 Key Resources" and its lead at the foot of one page and "2.1 Generation fleet" with
 * its chart on the next. Printed with the previous chapter a paragraph longer each time, so that chapter 2 starts lower
 * and lower on its page, past the place where the chart no longer fits. A first section that breaks anyway (a long
 * table) still starts where it did, under its heading: keeping the heading with it leaves no empty page behind.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build-model.ts';
import { buildBriefing } from '../../src/pipeline.ts';
import type { Canvas, Content } from '../../src/validate/schema.ts';
import { nordwindCanvas } from '../support/fixtures.ts';
import { readPdf, type PdfReadBack } from '../support/read-pdf.ts';
import { bodyPages } from '../support/briefing-layout.ts';
import { realPrinter } from '../support/real-printer.ts';

const FILLER = 'Long-term service agreements cover all the turbines in three countries, and the suppliers keep spare parts in each of them for at least ten years.';
const LEAD = 'Wind farms in three countries, [[capacity_gw]] installed. The fleet is young and well maintained, and most of it was built in the last ten years.';

/** Nordwind in German: chapter 1 of `paragraphs` paragraphs, then chapter 2 with a lead and a first section opening with `first`. */
function canvasWith(paragraphs: number, first: Content[]): Canvas {
  const canvas = nordwindCanvas();
  canvas.briefing = { ...canvas.briefing, language: 'de' };
  const blocks = canvas.blocks;
  blocks.key_partnerships!.sections[0]!.content = Array.from({ length: paragraphs }, (_, i) => ({ paragraph: `Absatz ${i + 1}. ${FILLER}` }));
  blocks.key_resources = { lead: LEAD, sections: [{ title: 'Generation fleet', content: [...first, { paragraph: 'After the first item.' }] }] };
  // The chart only there: "Figure 2" is its title.
  blocks.revenue_streams!.sections[0]!.content = blocks.revenue_streams!.sections[0]!.content.filter((c) => !('chart' in c));
  return canvas;
}

/** The 1-based page whose body first holds `text` (whitespace collapsed) at or after page `from`, or 0. */
function pageWith(pages: string[], text: string, from = 1): number {
  return pages.findIndex((page, i) => i + 1 >= from && page.includes(text)) + 1;
}

describe('a chapter\'s heading and lead, printed', { timeout: 300_000 }, () => {
  const printer = realPrinter();

  async function print(canvas: Canvas): Promise<{ pdf: PdfReadBack; pages: string[] }> {
    const built = await buildBriefing(buildModel(canvas, { name: 'nordwind', setKey: 'full' }), { pageSize: 'A4' }, printer());
    const pdf = await readPdf(built.pdf);
    return { pdf, pages: bodyPages(pdf) };
  }

  it('stay on the page of the first section\'s heading and chart, wherever on its page the chapter starts', async () => {
    const where: string[] = [];
    // Chapter 2 moves past that place between 20 and 21 paragraphs (the contents whole on page 3, chapter 1 after it).
    for (let paragraphs = 17; paragraphs <= 22; paragraphs++) {
      const { pdf, pages } = await print(canvasWith(paragraphs, [{ chart: 'revenue_trend' }]));
      const chapter = pdf.outline.find((o) => o.title.endsWith('Key Resources'))!;
      const heading = pageWith(pages, '2 Key Resources Wind farms in three countries', chapter.page);
      const section = pageWith(pages, '2.1 Generation fleet Figure 2. Revenue by fiscal year', chapter.page);
      expect(heading, pages.join('\n---\n')).toBeGreaterThan(0);
      expect(section, pages.join('\n---\n')).toBeGreaterThan(0);
      where.push(`${paragraphs} paragraphs: heading on page ${heading}, first section on page ${section}`);
    }
    // Each print: the heading and its lead on the first section's page.
    for (const line of where) expect(line).toMatch(/page (\d+), first section on page \1$/);
    // And the prints cover both sides of the place where the chart stops fitting under the lead on the same page.
    expect(new Set(where.map((line) => line.match(/page (\d+)/)![1])).size, where.join('\n')).toBeGreaterThan(1);
  });

  it('leave a long first table where it started, under its heading, not on the next page', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [`Standort ${i + 1}`, `${(i + 1) * 10}`, 'Onshore and offshore']);
    const { pdf, pages } = await print(canvasWith(8, [{ table: { title: 'Fleet by site', columns: ['Site', 'Turbines', 'Note'], rows } }]));
    const chapter = pdf.outline.find((o) => o.title.endsWith('Key Resources'))!;
    const lastFiller = pageWith(pages, 'Absatz 8.');
    expect(chapter.page).toBe(lastFiller);
    expect(pageWith(pages, '2.1 Generation fleet Fleet by site Site Turbines Note Standort 1 10', chapter.page)).toBe(chapter.page);
  });
});
