/**
 * Text in Devanagari (a company's Hindi name, prose, a glossary), and characters no built-in face has: Noto Sans
 * Devanagari embedded as the CJK faces are (only for text that needs it), and the warning about characters no
 * embedded font has, counting a theme's fonts and saying what the PDF shows instead.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nordwindModel } from '../support/fixtures.ts';
import { tempDir } from '../support/temp.ts';
import { createRenderer } from '../../src/render/render-html.ts';
import { charsetRanges, fontFacesFor, missingGlyphsWarning, themeFonts, uncoveredCharacters } from '../../src/fonts.ts';
import { fontFileGlyphRanges } from '../../src/font-glyphs.ts';
import { measureTextWidth } from '../../src/charts/text-metrics.ts';
import { AXIS_LABEL_FONT } from '../../src/charts/theme.ts';

const NAME = 'विस्तारा इन्फोटेक';
const PROSE = `${NAME} भारत की एक सॉफ़्टवेयर कंपनी है।`;
const ROCKET = '\u{1F680}';

/** Nordwind as an Indian company: its Hindi name (native_name_lang: hi), a Hindi sentence, a glossary name in Devanagari without a lang. */
function hindiModel() {
  const m = nordwindModel();
  m.company = { ...m.company, nativeName: NAME, nativeLang: 'hi', nameLang: 'hi', country: 'India' };
  m.summary = [{ text: PROSE }];
  m.appendix.glossary = [{ term: 'Vistara', native: 'विस्तारा', description: 'The name, meaning expanse.' }];
  m.appendix.parts.glossary.present = true;
  return m;
}

const render = (m = hindiModel(), theme?: { dir: string; chapterBreaks: 'flow' }) => createRenderer({ theme }).render(m, { svgs: [], pageSize: 'A4' });
const families = (html: string) => [...new Set([...html.matchAll(/@font-face \{ font-family: '([^']+)'/g)].map((f) => f[1]))].sort();

/** A cmap with one format 12 subtable (platform 3, encoding 10) mapping `first`..`last` to glyphs 1... */
function cmap(first: number, last: number): Buffer {
  const table = Buffer.alloc(12 + 16 + 12);
  table.writeUInt16BE(1, 2); // one subtable
  table.writeUInt16BE(3, 4);
  table.writeUInt16BE(10, 6);
  table.writeUInt32BE(12, 8);
  table.writeUInt16BE(12, 12); // format 12
  table.writeUInt32BE(16 + 12, 16); // length
  table.writeUInt32BE(1, 24); // one group
  table.writeUInt32BE(first, 28);
  table.writeUInt32BE(last, 32);
  table.writeUInt32BE(1, 36);
  return table;
}

/** A font file holding only `table` as its cmap: TrueType, WOFF (zlib) or WOFF2 (Brotli). */
function fontFile(format: 'ttf' | 'woff' | 'woff2', table: Buffer): Buffer {
  if (format === 'ttf') {
    const head = Buffer.alloc(12 + 16);
    head.writeUInt32BE(0x00010000, 0);
    head.writeUInt16BE(1, 4);
    head.write('cmap', 12, 'latin1');
    head.writeUInt32BE(28, 20);
    head.writeUInt32BE(table.length, 24);
    return Buffer.concat([head, table]);
  }
  if (format === 'woff') {
    const stored = deflateSync(table);
    const head = Buffer.alloc(44 + 20);
    head.write('wOFF', 0, 'latin1');
    head.writeUInt32BE(0x00010000, 4);
    head.writeUInt16BE(1, 12);
    head.write('cmap', 44, 'latin1');
    head.writeUInt32BE(64, 48);
    head.writeUInt32BE(stored.length, 52);
    head.writeUInt32BE(table.length, 56);
    return Buffer.concat([head, stored]);
  }
  const stream = brotliCompressSync(table);
  const head = Buffer.alloc(48);
  head.write('wOF2', 0, 'latin1');
  head.writeUInt32BE(0x00010000, 4);
  head.writeUInt16BE(1, 12);
  head.writeUInt32BE(stream.length, 20);
  // The directory: cmap (known tag 0, untransformed) and its length in base 128, one byte below 128.
  return Buffer.concat([head, Buffer.from([0, table.length]), stream]);
}

/** A theme folder whose styles/theme.css is `css`, with fonts/rocket.<ext> a font that has U+1F680 alone. */
function rocketTheme(css: string, format: 'ttf' | 'woff' | 'woff2' = 'woff2') {
  const dir = tempDir('devanagari-theme-');
  mkdirSync(join(dir, 'styles'), { recursive: true });
  mkdirSync(join(dir, 'fonts'), { recursive: true });
  writeFileSync(join(dir, 'fonts', `rocket.${format}`), fontFile(format, cmap(0x1f680, 0x1f680)));
  writeFileSync(join(dir, 'styles', 'theme.css'), css.replaceAll('EXT', format));
  return { dir, chapterBreaks: 'flow' as const };
}

describe('Devanagari text', () => {
  it('is drawn in Noto Sans Devanagari, embedded: its Devanagari subsets only, at 400 and 700, no warning', () => {
    const faces = fontFacesFor(PROSE);
    expect([...new Set(faces.map((f) => f.family))].sort()).toEqual(['Inter', 'Noto Sans Devanagari']);
    const devanagari = faces.filter((f) => f.family === 'Noto Sans Devanagari');
    expect(devanagari.map((f) => f.weight)).toEqual([400, 700]);
    expect(devanagari.every((f) => f.unicodeRange.startsWith('U+0900-097F'))).toBe(true); // not its Latin subsets: Inter draws Latin
    expect(uncoveredCharacters(`${PROSE} ॥ ₹`)).toEqual([]);
  });

  it('makes the HTML declare the face, name it last in the font stack and tag the names with their language', () => {
    const { html, warnings } = render();
    expect(warnings).toEqual([]);
    expect(families(html)).toEqual(['Inter', 'Noto Sans Devanagari']);
    expect(html).toMatch(/@font-face \{ font-family: 'Noto Sans Devanagari'; font-style: normal; font-weight: 400; font-display: block; src: url\(data:font\/woff2;base64,[^)]+\) format\('woff2'\); unicode-range: U\+0900-097F,/);
    expect(html).toContain(":root { --briefing-fonts: 'Inter', 'Noto Sans SC', 'Noto Sans TC', 'Noto Sans JP', 'Noto Sans KR', 'Noto Sans Devanagari'; }");
    expect(html).toContain(`<p class="cover-native" lang="hi">${NAME}</p>`);
    // In prose the name is marked as a name in Hindi, so that Chromium shapes it as Hindi, as a Chinese name is marked.
    expect(html).toContain(`<p class="summary"><span class="native-name" lang="hi">${NAME}</span> भारत की एक सॉफ़्टवेयर कंपनी है।</p>`);
    // A glossary name in the company name's script takes native_name_lang, as docs/canvas.md says.
    expect(html).toContain('<td class="native-name" lang="hi">विस्तारा</td>');
    // A briefing without Devanagari is as it was: no face, no family in the stack.
    const latin = render(nordwindModel()).html;
    expect(families(latin)).toEqual(['Inter']);
    expect(latin).not.toContain('Devanagari');
  });

  it('is measured in charts with the face the page draws it in, not as empty boxes', () => {
    const notdef = measureTextWidth('\u0378'.repeat(8), AXIS_LABEL_FONT); // an unassigned character: no face has it
    const width = measureTextWidth('विस्तारा', AXIS_LABEL_FONT); // 8 code points, 5 of them marks or conjunct parts
    expect(width).toBeGreaterThan(0);
    expect(width).toBeLessThan(notdef * 0.7);
    expect(width).toBeCloseTo(measureTextWidth('विस्तारा', AXIS_LABEL_FONT.replace(/px .*/, "px 'Noto Sans Devanagari'")), 3);
  });
});

describe('the warning about characters no embedded font has', () => {
  it('says they print as empty boxes where no font of the machine has them, and how to print them', () => {
    expect(missingGlyphsWarning([ROCKET, '\u0378'], () => [false, false])).toBe(
      'characters no embedded font has: "\u{1F680}" (U+1F680), "\u0378" (U+0378) print as empty boxes (no font of this machine has them either); '
      + 'to print them on any machine, give the briefing a theme that embeds a font that has them (an @font-face in its styles/theme.css, '
      + 'its family added to the font-family after var(--briefing-fonts); see docs/themes.md)',
    );
  });

  it('says which print in a font of the machine\'s, and which it cannot tell about, never "printed in a fallback font" of all', () => {
    const said = missingGlyphsWarning([ROCKET, '‱', 'ꙮ'], () => [false, true, undefined]);
    expect(said).toContain('"\u{1F680}" (U+1F680) print as empty boxes (no font of this machine has them either); ');
    expect(said).toContain('"‱" (U+2031) print in a font of this machine\'s (another machine may print them otherwise, or as empty boxes); ');
    expect(said).toContain('"ꙮ" (U+A66E) print in a font of the printing machine\'s if it has one, else as empty boxes; ');
    expect(said).not.toMatch(/fallback font/);
  });

  it('reads which characters the machine\'s fonts have from fontconfig\'s charsets', () => {
    expect(charsetRanges('20-7e a0-17f\n900-97f 1f680\n\n7f-9f')).toEqual([[0x20, 0x17f], [0x900, 0x97f], [0x1f680, 0x1f680]]);
    // One font's range inside another's: the wider one's characters stay the machine's.
    expect(charsetRanges('20-24f\n41-5a')).toEqual([[0x20, 0x24f]]);
  });

  it('is given by a build for a character no embedded face has', () => {
    const m = nordwindModel();
    m.chapters[0]!.title = `Key Partnerships ${ROCKET}`;
    const { warnings } = render(m);
    expect(warnings).toEqual([missingGlyphsWarning([ROCKET])]);
    expect(warnings[0]).toMatch(/^characters no embedded font has: "\u{1F680}" \(U\+1F680\) print (as empty boxes|in a font of)/u);
  });

  it('counts a font the theme embeds and uses, in any format, within its unicode-range', () => {
    const m = nordwindModel();
    m.chapters[0]!.title = `Key Partnerships ${ROCKET}`;
    for (const format of ['woff2', 'woff', 'ttf'] as const) {
      const theme = rocketTheme('@font-face { font-family: "Rocket Sans"; src: url("../fonts/rocket.EXT"); }\nh2 { font-family: var(--briefing-fonts), "Rocket Sans"; }', format);
      expect(render(m, theme).warnings, format).toEqual([]);
    }
    // Named bare right after the colon, as a minified stylesheet writes it.
    const minified = rocketTheme('@font-face{font-family:Rocket;src:url("../fonts/rocket.EXT")}h2{font-family:Rocket,var(--briefing-fonts)}');
    expect(render(m, minified).warnings).toEqual([]);
    // Its unicode-range leaves the character out: the font is never asked for it.
    const ranged = rocketTheme("@font-face { font-family: Rocket; src: url('../fonts/rocket.EXT'); unicode-range: U+0000-00FF; }\nhtml { font-family: Rocket, var(--briefing-fonts); }");
    expect(render(m, ranged).warnings).toEqual([missingGlyphsWarning([ROCKET])]);
    // Declared and never named in a font-family: it draws nothing.
    const unused = rocketTheme('@font-face { font-family: Rocket; src: url("../fonts/rocket.EXT"); }');
    expect(render(m, unused).warnings).toEqual([missingGlyphsWarning([ROCKET])]);
  });

  it('reads a theme font\'s characters from its file: TrueType, WOFF and WOFF2', () => {
    for (const format of ['ttf', 'woff', 'woff2'] as const) {
      expect(fontFileGlyphRanges(fontFile(format, cmap(0x900, 0x97f))), format).toEqual([[0x900, 0x97f]]);
    }
    // A WOFF table compression did not make smaller is stored as it is (its compressed length is its length).
    const table = cmap(0x900, 0x97f);
    const stored = fontFile('woff', table);
    stored.writeUInt32BE(table.length, 52);
    expect(fontFileGlyphRanges(Buffer.concat([stored.subarray(0, 64), table])), 'woff, stored').toEqual([[0x900, 0x97f]]);
    expect(() => fontFileGlyphRanges(Buffer.from('not a font at all'))).toThrow(/not a font file/);
    const css = `@font-face { font-family: 'Brand Deva'; src: url("data:font/ttf;base64,${fontFile('ttf', cmap(0x900, 0x97f)).toString('base64')}"); }\n:root { --x: 'Brand Deva'; }`;
    const [font] = themeFonts(css);
    expect(font?.family).toBe('Brand Deva');
    expect([font?.has(0x915), font?.has(0x41)]).toEqual([true, false]);
    // A face the machine is asked for (local()), whatever its unicode-range says, embeds nothing.
    expect(themeFonts("@font-face { font-family: 'Brand Tamil'; src: local('Noto Sans Tamil'); unicode-range: U+0B80-0BFF; }\nhtml { font-family: 'Brand Tamil', var(--briefing-fonts); }")).toEqual([]);
  });
});
