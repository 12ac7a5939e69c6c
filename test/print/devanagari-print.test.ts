/**
 * A real print of a company with a Hindi name (native_name_lang: hi): Chromium draws it in the embedded Noto Sans
 * Devanagari, not as empty boxes in whatever the machine has, and the PDF's text gives the name back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build-model.ts';
import { createRenderer, type RenderedHtml } from '../../src/render/render-html.ts';
import { createPrinter, findBrowser, type Printer } from '../../src/print/index.ts';
import { nordwindCanvas } from '../support/fixtures.ts';
import { readPdf, type PdfReadBack } from '../support/read-pdf.ts';

const NAME = 'विस्तारा इन्फोटेक';

describe('a briefing with a name in Devanagari, printed', { timeout: 60_000 }, () => {
  let printer: Printer;
  let rendered: RenderedHtml;
  let read: PdfReadBack;

  beforeAll(async () => {
    await findBrowser({}); // fails here, saying how to get one, when no browser is installed
    const canvas = nordwindCanvas();
    canvas.company = { ...canvas.company, native_name: NAME, native_name_lang: 'hi', country: 'India' };
    const model = buildModel(canvas, { name: 'vistara', setKey: 'full' });
    rendered = createRenderer().render(model, { svgs: [], pageSize: 'A4' });
    printer = createPrinter({ timeoutMs: 30_000 });
    const printed = await printer.print(rendered.html, { pageSize: 'A4', metadata: { ...model.meta, date: new Date('2026-02-15T00:00:00Z') }, headings: rendered.headings, marginText: rendered.marginText });
    read = await readPdf(printed.pdf);
  }, 60_000);

  afterAll(async () => {
    await printer?.close();
  });

  it('embeds Noto Sans Devanagari (no Type 3, no system font) and gives the name back, इ included', () => {
    expect(rendered.warnings).toEqual([]);
    expect(read.fonts.filter((f) => f.type === 'Type3' || !f.embedded)).toEqual([]);
    const names = [...new Set(read.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))].sort();
    expect(names).toContain('NotoSansDevanagari-Regular');
    expect(names.every((n) => /^(Inter|NotoSansDevanagari)-/.test(n)), names.join(' ')).toBe(true);
    // pdfjs reads the glyphs' own characters, not the ActualText Chromium gives a cluster whose glyphs are reordered
    // or joined (ि before its consonant, a conjunct's half form), and spaces the glyphs as they are set: so the
    // \u0000 it leaves for those and the spaces go. poppler's pdftotext, which reads the ActualText, gives the name
    // back exactly.
    const text = read.text[0]!.replace(/[\u0000\s]/g, '');
    expect(text).toContain('इन्फोटेक'); // इ, lost from the text when no font had it, included
    expect(text).toContain('स्तारा');
    expect(read.text.join('\n')).not.toContain('\ufffd');
  });
});
