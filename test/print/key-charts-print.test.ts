/**
 * The key-figures page's two charts, printed as a build prints them (buildBriefing's passes, a real browser), share the
 * page of the cards: a Japanese briefing with eight key-figure cards, a column chart and a line chart printed the column
 * chart under the cards on page 2 and the line chart alone at the top of page 3, three quarters of it empty. Where they
 * do not fit as drawn, they are drawn lower, both at one height; where even that does not bring them together, they
 * are drawn as before and the page breaks between them, what follows (the contents) starting under the lone chart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { buildBriefing } from '../../src/pipeline.ts';
import type { PageSize } from '../../src/config.ts';
import type { Canvas } from '../../src/validate/schema.ts';
import { readPdf } from '../support/read-pdf.ts';
import { bodyPages } from '../support/briefing-layout.ts';
import { realPrinter } from '../support/real-printer.ts';

/** Sakura Robotics in Japanese, with eight key figures and both its charts on the key-figures page; `summary` in place of its own. */
function sakura(summary?: string): Canvas {
  let text = readFileSync('test/fixtures/valid/sakura-ja.yaml', 'utf8')
    .replace('key_figures: [revenue, ', 'key_figures: [revenue, revenue_press, ')
    .replace('key_charts: [revenue_by_quarter]', 'key_charts: [revenue_by_quarter, margin_trend]');
  if (summary !== undefined) text = text.replace(/^ {2}summary: >-\n( {4}.*\n)+/m, `  summary: ${summary}\n`);
  const canvas = validateCanvas(parseCanvas(text, 'sakura-ja.yaml'));
  expect(canvas.key_figures).toHaveLength(8);
  expect(canvas.key_charts).toEqual(['revenue_by_quarter', 'margin_trend']);
  if (summary !== undefined) expect(canvas.briefing.summary).toMatch(/^(当第2四半期の.*?しました。){7}$/);
  return canvas;
}

/** A key chart's drawing as drawn where it fits: 230 px high, 640 wide. */
const FULL = 230 / 640;

/** The height over the width of each key chart's drawing (its SVG's viewBox), in the order printed. */
function keyChartShapes(html: string): number[] {
  return ['fig-1', 'fig-2'].map((id) => {
    const figure = html.slice(html.indexOf(`<figure class="chart" id="${id}">`));
    const [, width, height] = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(figure)!;
    return Number(height) / Number(width);
  });
}

describe('the key-figures page\'s two charts, printed', { timeout: 300_000 }, () => {
  const printer = realPrinter();

  async function print(canvas: Canvas, pageSize: PageSize): Promise<{ pages: string[]; shapes: number[] }> {
    const built = await buildBriefing(buildModel(canvas, { name: 'sakura-ja', setKey: 'full' }), { pageSize }, printer());
    return { pages: bodyPages(await readPdf(built.pdf)), shapes: keyChartShapes(built.html) };
  }

  /** The 1-based page whose body holds `text`, or 0. */
  const pageWith = (pages: string[], text: string) => pages.findIndex((page) => page.includes(text)) + 1;

  it.each(['A4', 'Letter'] as const)('share the page of the cards, drawn lower and the same size, on %s', async (pageSize) => {
    const { pages, shapes } = await print(sakura(), pageSize);
    const shown = pages.map((text, i) => `${i + 1}: ${text.slice(0, 160)}`).join('\n');
    expect(pageWith(pages, 'Key figures'), shown).toBe(2);
    expect(pageWith(pages, 'Figure 1.'), shown).toBe(2);
    expect(pageWith(pages, 'Figure 2.'), shown).toBe(2);
    // The contents after them, on the next page (they do not fit under the charts).
    expect(pageWith(pages, 'Contents'), shown).toBe(3);
    // Both drawn at one height, lower than a key chart's own (230 px high, 640 wide).
    expect(shapes[0]).toBeCloseTo(shapes[1]!, 3);
    expect(shapes[0]).toBeLessThan(FULL - 0.01);
  });

  it('are drawn as before where even lower they do not share a page, and the contents start under the lone chart', async () => {
    // A summary long enough to leave room for one chart under the cards, not two however low.
    const summary = Array.from({ length: 7 }, () => '当第2四半期の売上高は[[revenue]]となり、営業利益は[[op_income]]、受注残高は[[backlog]]と過去最高を更新しました。').join('');
    const { pages, shapes } = await print(sakura(summary), 'A4');
    const shown = pages.map((text, i) => `${i + 1}: ${text.slice(0, 160)}`).join('\n');
    expect(pageWith(pages, 'Figure 1.'), shown).toBe(2);
    expect(pageWith(pages, 'Figure 2.'), shown).toBe(3);
    expect(pageWith(pages, 'Contents'), shown).toBe(3);
    expect(shapes).toEqual([FULL, FULL]);
  });
});
