/**
 * A real print of a briefing whose theme gives its text a font of its own: the running head and foot (the briefing's
 * name, the marking, the period, the exchange, the page numbers, the data date) are set in that font too, as the body
 * is, and a Chinese or Japanese name there is still drawn in an embedded face. The margin boxes named the built-in
 * faces themselves: a committee saw the body in the house font and the page's head and foot in Inter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from '../../src/model/build-model.ts';
import { createRenderer } from '../../src/render/render-html.ts';
import { createPrinter, findBrowser, type Printer } from '../../src/print/index.ts';
import { nordwindCanvas } from '../support/fixtures.ts';
import { readPdf, type PdfReadBack } from '../support/read-pdf.ts';
import { BOTTOM_MARGIN, TOP_MARGIN } from '../support/briefing-layout.ts';
import { fileTempDir } from '../support/temp.ts';

/** A brand font that none of the briefing's own faces is: Noto Sans Devanagari's Latin, which the theme embeds. */
const BRAND = readFileSync('node_modules/@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-latin-400-normal.woff2');
const FACE = '@font-face { font-family: "Brand Sans"; src: url("../fonts/brand.woff2"); font-weight: 400 700; }\n';
/**
 * The ways a theme gives the text its font: on the root, before the built-in faces as docs/themes.md says; on the body,
 * before a generic family; through a custom property of the body's, which the page's margins do not inherit.
 */
const THEMES = {
  html: `${FACE}html { font-family: "Brand Sans", var(--briefing-fonts); }\n`,
  body: `${FACE}body { font-family: "Brand Sans", sans-serif; }\n`,
  variable: `${FACE}body { --brand: "Brand Sans"; font-family: var(--brand), var(--briefing-fonts); }\n`,
};
const themes = fileTempDir('theme-');
const CJK = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('a briefing printed with a theme\'s font for its text', { timeout: 90_000 }, () => {
  let printer: Printer;
  const read: Partial<Record<keyof typeof THEMES, PdfReadBack>> = {};

  beforeAll(async () => {
    await findBrowser({}); // fails here, saying how to get one, when no browser is installed
    printer = createPrinter({ timeoutMs: 30_000 });
    for (const [name, css] of Object.entries(THEMES) as Array<[keyof typeof THEMES, string]>) {
      const theme = join(themes, name);
      mkdirSync(join(theme, 'styles'), { recursive: true });
      mkdirSync(join(theme, 'fonts'), { recursive: true });
      writeFileSync(join(theme, 'fonts', 'brand.woff2'), BRAND);
      writeFileSync(join(theme, 'styles', 'theme.css'), css);
      const canvas = nordwindCanvas();
      // A marking, in the middle of the head; an exchange named in Japanese, in the foot.
      canvas.briefing = { ...canvas.briefing, confidentiality: 'Strictly confidential' };
      canvas.company = { ...canvas.company, exchange: '東証' };
      const model = buildModel(canvas, { name: 'nordwind', setKey: 'full' });
      const rendered = createRenderer({ theme: { dir: theme, chapterBreaks: 'flow' } }).render(model, { svgs: [], pageSize: 'A4' });
      const printed = await printer.print(rendered.html, { pageSize: 'A4', metadata: { ...model.meta, date: new Date('2026-02-15T00:00:00Z') }, headings: rendered.headings, marginText: rendered.marginText });
      read[name] = await readPdf(printed.pdf, { fonts: true });
    }
  }, 90_000);

  afterAll(async () => {
    await printer?.close();
  });

  it('sets the running head and foot of every page after the cover in the theme\'s font, a Japanese name in the page\'s margins in an embedded Japanese or Chinese face', () => {
    for (const [name, pdf] of Object.entries(read)) {
      expect(pdf.pages, name).toBeGreaterThan(2);
      for (let page = 2; page <= pdf.pages; page++) {
        const height = pdf.pageSizes[page - 1]![1];
        const margins = pdf.positions[page - 1]!.filter((i) => (i.y >= height - TOP_MARGIN || i.y <= BOTTOM_MARGIN) && i.str.trim() !== '');
        const where = `${name}, page ${page}`;
        const text = margins.map((i) => i.str).join('').replace(/\s/g, '');
        for (const part of ['Strictly confidential', '東証: NWE', `Page ${page} of ${pdf.pages}`, 'Data as of']) expect(text, where).toContain(part.replace(/\s/g, ''));
        for (const item of margins) {
          if (CJK.test(item.str)) expect(`${item.str}: ${item.font}`, where).toMatch(/: [A-Z]{6}\+NotoSans(JP|SC|TC|KR)/);
          else if (/[A-Za-z0-9]/.test(item.str)) expect(`${item.str}: ${item.font}`, where).toMatch(/: [A-Z]{6}\+NotoSansDevanagari-/);
        }
      }
      // The head's bold (the period, the marking) has a face: the theme's declares the weights; no Type 3 font.
      expect(pdf.fonts.filter((f) => f.type === 'Type3' || !f.embedded), name).toEqual([]);
    }
  });
});
