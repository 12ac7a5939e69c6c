/**
 * A real print of a briefing in Japanese with a theme that sets its headings' font: the theme's font draws them, as in
 * an English briefing. The built-in stylesheet set the Japanese face on every element of a Japanese page (:lang(ja)
 * matches them all), which outranked the theme's `h1 { font-family: ... }`: its font was dropped without a word.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from '../../src/model/build-model.ts';
import { createRenderer } from '../../src/render/render-html.ts';
import { createPrinter, findBrowser, type Printer } from '../../src/print/index.ts';
import { nordwindCanvas } from '../support/fixtures.ts';
import { readPdf, type PdfReadBack } from '../support/read-pdf.ts';
import { fileTempDir } from '../support/temp.ts';

/** A brand font that none of the briefing's own faces is: Noto Sans Devanagari's Latin, which the theme embeds. */
const BRAND = readFileSync('node_modules/@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-latin-400-normal.woff2');
const theme = fileTempDir('theme-');
const NAME = '北風能源股份有限公司';

describe('a Japanese briefing with a theme\'s heading font, and a Korean one with a Chinese name, printed', { timeout: 90_000 }, () => {
  let printer: Printer;
  const read: Record<string, PdfReadBack> = {};

  beforeAll(async () => {
    await findBrowser({}); // fails here, saying how to get one, when no browser is installed
    mkdirSync(join(theme, 'styles'), { recursive: true });
    mkdirSync(join(theme, 'fonts'), { recursive: true });
    writeFileSync(join(theme, 'fonts', 'brand.woff2'), BRAND);
    writeFileSync(join(theme, 'styles', 'theme.css'), '@font-face { font-family: "Brand Sans"; src: url("../fonts/brand.woff2"); font-weight: 400 700; }\nh1, h2, h3 { font-family: "Brand Sans", var(--briefing-fonts); }\n');
    printer = createPrinter({ timeoutMs: 30_000 });
    for (const language of ['ja', 'en']) {
      const canvas = nordwindCanvas();
      canvas.briefing.language = language;
      const model = buildModel(canvas, { name: 'nordwind', setKey: 'full' });
      const rendered = createRenderer({ theme: { dir: theme, chapterBreaks: 'flow' } }).render(model, { svgs: [], pageSize: 'A4' });
      const printed = await printer.print(rendered.html, { pageSize: 'A4', metadata: { ...model.meta, date: new Date('2026-02-15T00:00:00Z') }, headings: rendered.headings, marginText: rendered.marginText });
      read[language] = await readPdf(printed.pdf);
    }
    // A Korean briefing of a company with a Traditional Chinese name, which a section's title names.
    const canvas = nordwindCanvas();
    canvas.briefing.language = 'ko';
    canvas.company = { ...canvas.company, native_name: NAME, native_name_lang: 'zh-Hant' };
    canvas.blocks.key_partnerships!.sections[0]!.title = `${NAME} suppliers`;
    const model = buildModel(canvas, { name: 'nordwind', setKey: 'full' });
    const rendered = createRenderer().render(model, { svgs: [], pageSize: 'A4' });
    read.ko = await readPdf((await printer.print(rendered.html, { pageSize: 'A4', metadata: { ...model.meta, date: new Date('2026-02-15T00:00:00Z') }, headings: rendered.headings, marginText: rendered.marginText })).pdf);
  }, 90_000);

  afterAll(async () => {
    await printer?.close();
  });

  it('draws a name in another script in a heading in its face, not as empty boxes: a Chinese name in a Korean briefing', () => {
    // The Korean face came first on every element of the page, without the Chinese one after it: the name printed as boxes.
    const names = new Set(read.ko!.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')));
    expect([...names].some((n) => n.startsWith('NotoSansTC')), [...names].join(' ')).toBe(true);
    expect(read.ko!.text.join('\n').replace(/\s/g, '')).toContain(`${NAME}suppliers`);
  });

  it('draws the headings in the theme\'s font in Japanese as in English, every font embedded', () => {
    for (const language of ['ja', 'en']) {
      const names = new Set(read[language]!.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')));
      expect([...names].some((n) => n.startsWith('NotoSansDevanagari')), `${language}: ${[...names].join(' ')}`).toBe(true);
      expect(read[language]!.fonts.filter((f) => f.type === 'Type3' || !f.embedded)).toEqual([]);
    }
  });
});
