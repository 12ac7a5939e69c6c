/**
 * Theme folders (docs/themes.md): read and checked by the pipeline (loadTheme), laid over the built-in
 * templates and styles by the renderer, file by file, embedding only files inside the folder.
 */
import { describe, it, expect } from 'vitest';
import Handlebars from 'handlebars';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { createRenderer } from '../../src/render/render-html.ts';
import { COLOUR_VARIABLES, headLogo, type RenderTheme } from '../../src/render/theme-files.ts';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { PACKAGE_ROOT } from '../../src/files.ts';
import { checkCanvas, loadTheme } from '../../src/pipeline.ts';
import { withTheme } from '../../src/plan/inputs.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { tempDir } from '../support/temp.ts';
import { CHART_COLORS, CHART_PALETTE } from '../../src/charts/style.ts';

const nordwindText = readFileSync(NORDWIND, 'utf8');
const model = () => buildModel(validateCanvas(parseCanvas(nordwindText, NORDWIND)), { name: 'nordwind', setKey: 'full' });
const render = (theme: RenderTheme, briefing = model()) => createRenderer({ theme }).render(briefing, { svgs: [], pageSize: 'A4' }).html;

/** A theme folder with `files` (path -> content). */
function themeFolder(files: Record<string, string | Buffer>, dir = tempDir('theme-')): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

// Light, as a logo on the navy cover band must be (a dark one is warned of).
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><rect width="10" height="5" fill="#e8eef5"/></svg>';

/** The font the running heads and feet are set in (each margin box's, all one) for a theme whose styles/theme.css is `css`, Brand and Other embedded. */
function boxFonts(css: string): string {
  const marked = model();
  marked.confidentiality = 'Confidential';
  const face = '@font-face { font-family: Brand; src: url("../fonts/b.woff2"); }\n@font-face { font-family: Other; src: url("../fonts/b.woff2"); }\n';
  const page = /@page \{[\s\S]*?\n\}/.exec(render({ dir: themeFolder({ 'styles/theme.css': face + css, 'fonts/b.woff2': 'x' }), chapterBreaks: 'flow' }, marked))![0];
  const fonts = ['top-left', 'top-center', 'top-right', 'bottom-left', 'bottom-center', 'bottom-right'].map((box) => new RegExp(`@${box} \\{[^}]*font: [^;']*?pt(?:/[\\d.]+)? ([^;]+);`).exec(page)![1]!);
  expect(new Set(fonts).size, css).toBe(1);
  return fonts[0]!;
}

/** The built-in faces, as the head of a Norwegian company's briefing names them. */
const builtIn = "'Inter', 'Noto Sans SC', 'Noto Sans TC', 'Noto Sans JP', 'Noto Sans KR'";

describe('a theme folder, laid over the built-in theme', () => {
  it('replaces a partial of the same name, adds its own, and keeps every other built-in one', () => {
    const dir = themeFolder({
      'templates/partials/cover.hbs': '<section class="cover" style="page: cover"><p>Cover of {{company.name}}</p>{{> badge}}</section>',
      'templates/partials/badge.hbs': '<p class="badge-of-theme">Research</p>',
    });
    const html = render({ dir, chapterBreaks: 'flow' });
    expect(html).toContain('<p>Cover of Nordwind Energi ASA</p><p class="badge-of-theme">Research</p>');
    expect(html).not.toContain('cover-kicker">');
    expect(html).toContain('<nav class="contents one-page" id="contents"'); // the built-in contents partial
  });

  it('gets the stylesheet wherever its template puts it, escaped where the template escapes it', () => {
    const builtIn = readFileSync('templates/briefing.hbs', 'utf8');
    expect(builtIn).toContain('<body>');
    const dir = themeFolder({ 'templates/briefing.hbs': builtIn.replace('<body>', '<body data-css="{{css}}"><!--{{{css}}}-->') });
    const html = render({ dir, chapterBreaks: 'flow' });
    const css = /<style>\n([\s\S]*?)\n<\/style>/.exec(html)![1]!;
    expect(css).toContain("@font-face { font-family: 'Inter';");
    expect(html).toContain(`<body data-css="${Handlebars.escapeExpression(css)}"><!--${css}-->`);
    expect(html).not.toContain('briefing=css=');
  });

  it('keeps the fonts embedded when its own briefing template sets a policy of its own, which might refuse linked ones', () => {
    const builtIn = readFileSync('templates/briefing.hbs', 'utf8');
    const ours = 'font-src data:;';
    expect(builtIn).toContain(ours);
    const input = { svgs: [], pageSize: 'A4' as const, fontsAt: 'https://briefing.invalid/assets/' };
    // The built-in template: linked, and its policy allows them.
    const linked = createRenderer().render(model(), input);
    expect(linked.html).toContain('font-src data: https://briefing.invalid/assets/;');
    expect(linked.html).not.toContain('data:font/');
    expect(Object.keys(linked.fonts).length).toBeGreaterThan(0);
    // A theme's template with another policy: embedded, as without fontsAt.
    const dir = themeFolder({ 'templates/briefing.hbs': builtIn.replace(ours, "font-src data: 'self';") });
    const own = createRenderer({ theme: { dir, chapterBreaks: 'flow' } }).render(model(), input);
    expect(own.fonts).toEqual({});
    expect(own.html).toContain("font-src data: 'self';");
    expect(own.html).toMatch(/@font-face \{ font-family: 'Inter';[^}]*src: url\(data:font\/woff2;base64,/);
    expect(own.html).toBe(own.standalone());
  });

  it('adds styles/theme.css after the built-in stylesheet, its fonts and images embedded', () => {
    const font = Buffer.from('wOF2 not really a font');
    const dir = themeFolder({ 'styles/theme.css': '@font-face { font-family: Brand; src: url("../fonts/brand.woff2"); }\n:root { --navy: #0b6e4f; }', 'fonts/brand.woff2': font });
    const html = render({ dir, chapterBreaks: 'flow' });
    expect(html).toContain(`src: url("data:font/woff2;base64,${font.toString('base64')}")`);
    expect(html.indexOf('--navy: #0b6e4f')).toBeGreaterThan(html.indexOf('--navy: #1f3a5f'));
  });

  it('colours the running heads and feet with the built-in colour variables, so that a theme\'s --navy, --ink, --muted and --marking reach every page', () => {
    const marked = model();
    marked.confidentiality = 'Confidential';
    const html = render({ dir: themeFolder({ 'styles/theme.css': ':root { --navy: #5a0f3c; --marking: #5a0f3c; }' }), chapterBreaks: 'flow' }, marked);
    const page = /@page \{[\s\S]*?\n\}/.exec(html)![0];
    const colour = (box: string) => new RegExp(`@${box} \\{[^}]*color: ([^;]+);`).exec(page)![1];
    // The period in the head was the built-in navy (#1f3a5f) whatever the theme's: a plum brand's pages headed in blue.
    expect(colour('top-right')).toBe('var(--navy, #1f3a5f)');
    expect(colour('top-left')).toBe('var(--muted, #5b6673)');
    expect(colour('bottom-left')).toBe('var(--muted, #5b6673)');
    expect(colour('bottom-center')).toBe('var(--ink, #1f2933)');
    expect(colour('bottom-right')).toBe('var(--muted, #5b6673)');
    // The marking was the built-in red (#b42318) whatever the theme: now a variable the built-in stylesheet declares as that red.
    expect(colour('top-center')).toBe('var(--marking, #b42318)');
    expect(readFileSync('styles/briefing.css', 'utf8')).toMatch(/:root \{[^}]*--marking: #b42318;/);
  });

  it('sets the running heads and feet in the font the theme gives the text, the built-in faces after it, and in the built-in faces where it gives none', () => {
    expect(boxFonts('')).toBe(builtIn);
    // A font for the headings only is not the text's.
    expect(boxFonts('h1, h2 { font-family: Brand, var(--briefing-fonts); }')).toBe(builtIn);
    expect(boxFonts('html { font-family: Brand, var(--briefing-fonts); }')).toBe(`Brand, ${builtIn}`);
    expect(boxFonts(':root { font: 400 10pt/1.4 "Brand", serif !important; }')).toBe(`"Brand", ${builtIn}`);
    expect(boxFonts('html { font-family: var(--briefing-fonts), Other; }')).toBe(`${builtIn}, Other`);
    // The body's font is its text's, whatever the root's; a font for every element, whatever the body's.
    expect(boxFonts('body { font-family: Other, sans-serif; }\nhtml { font-family: Brand, var(--briefing-fonts); }')).toBe(`Other, ${builtIn}`);
    expect(boxFonts('* { font-family: Brand; }\nbody { font-family: Other; }')).toBe(`Brand, ${builtIn}`);
    expect(boxFonts('@media print { body { font-family: Brand, var(--briefing-fonts); } }\nbody { color: #000; }')).toBe(`Brand, ${builtIn}`);
  });

  it('writes out the custom properties the head\'s font names from the text\'s rules, as the page\'s margins inherit none of them', () => {
    // The margins inherit no custom property of body's: var(--brand) printed the head in Inter.
    expect(boxFonts("body { --brand: 'DejaVu Serif'; font-family: var(--brand), var(--briefing-fonts); }")).toBe(`'DejaVu Serif', ${builtIn}`);
    expect(boxFonts(':root { --brand: Brand; --text: var(--brand), serif; }\nbody { font-family: var(--text); }')).toBe(`Brand, ${builtIn}`);
    // The value nearest the text: body's over the root's, whatever their order; the last of one rank.
    expect(boxFonts('body { --brand: Brand; font-family: var(--brand), var(--briefing-fonts); }\n:root { --brand: Other; }')).toBe(`Brand, ${builtIn}`);
    expect(boxFonts(':root { --brand: Other; }\n:root { --brand: Brand; }\nbody { font-family: var(--brand), var(--briefing-fonts); }')).toBe(`Brand, ${builtIn}`);
    // One nothing sets: its fallback, else left out, the built-in faces after the rest as before.
    expect(boxFonts('body { font-family: var(--nowhere, Brand), sans-serif; }')).toBe(`Brand, ${builtIn}`);
    expect(boxFonts('body { font-family: var(--nowhere), Other, sans-serif; }')).toBe(`Other, ${builtIn}`);
    expect(boxFonts('body { font-family: var(--nowhere), var(--briefing-fonts); }')).toBe(builtIn);
    expect(boxFonts('body { --loop: var(--loop), Brand; font-family: var(--loop); }')).toBe(`Brand, ${builtIn}`);
  });

  it('takes the head\'s font from rules that print: not an @media for the screen, and a generic family set later means the built-in faces', () => {
    expect(boxFonts('@media screen { body { font-family: Other, var(--briefing-fonts); } }\nhtml { font-family: Brand, var(--briefing-fonts); }')).toBe(`Brand, ${builtIn}`);
    expect(boxFonts('@media screen and (min-width: 900px) { @supports (display: grid) { body { font-family: Other; } } }\nbody { color: #000; }')).toBe(builtIn);
    expect(boxFonts(':root { --brand: Brand; }\n@media screen { :root { --brand: Other; } }\nbody { font-family: var(--brand), var(--briefing-fonts); }')).toBe(`Brand, ${builtIn}`);
    expect(boxFonts('@media all { body { font-family: Other, var(--briefing-fonts); } }')).toBe(`Other, ${builtIn}`);
    expect(boxFonts('@media only print and (orientation: portrait), screen { body { font-family: Other; } }')).toBe(`Other, ${builtIn}`);
    // A later rule's generic family (font shorthand or font-family) replaces the theme's font; inherit keeps the root's.
    expect(boxFonts('body { font-family: Brand, var(--briefing-fonts); }\nbody { font: 10pt sans-serif; }')).toBe(builtIn);
    expect(boxFonts('body { font-family: Brand, var(--briefing-fonts); font-family: system-ui, serif; }')).toBe(builtIn);
    expect(boxFonts('body { font: 10pt sans-serif; }\nbody { font-family: Brand; }')).toBe(`Brand, ${builtIn}`);
    expect(boxFonts('html { font-family: Brand; }\nbody { font-family: inherit; }')).toBe(`Brand, ${builtIn}`);
  });

  it('names the template an error while rendering happened in, the innermost partial', () => {
    const dir = themeFolder({ 'templates/partials/cover.hbs': '<section class="cover">{{> badge}}</section>', 'templates/partials/badge.hbs': '<p>{{lookup}}</p>' });
    expect(() => render({ dir, chapterBreaks: 'flow' })).toThrow(expect.objectContaining({ exitCode: EXIT.template, message: expect.stringMatching(new RegExp(`^${join(dir, 'templates', 'partials', 'badge.hbs')}: template error: `)) }));
    // A partial block's content is the template's that wrote it, though the partial runs it; the partial's own errors are its.
    const framed = themeFolder({ 'templates/partials/cover.hbs': '<section class="cover">{{#> frame}}{{lookup}}{{/frame}}</section>', 'templates/partials/frame.hbs': '<div>{{> @partial-block}}</div>' });
    expect(() => render({ dir: framed, chapterBreaks: 'flow' })).toThrow(expect.objectContaining({ message: expect.stringMatching(new RegExp(`^${join(framed, 'templates', 'partials', 'cover.hbs')}: template error: `)) }));
    const frameFails = themeFolder({ 'templates/partials/cover.hbs': '<section class="cover">{{#> frame}}<p>fine</p>{{/frame}}</section>', 'templates/partials/frame.hbs': '<div>{{> @partial-block}}{{lookup}}</div>' });
    expect(() => render({ dir: frameFails, chapterBreaks: 'flow' })).toThrow(expect.objectContaining({ message: expect.stringMatching(new RegExp(`^${join(frameFails, 'templates', 'partials', 'frame.hbs')}: template error: `)) }));
    // An inline partial is the template's that defines it ({{#*inline}} in briefing.hbs), though a partial it is passed down to calls it.
    const main = readFileSync('templates/briefing.hbs', 'utf8').replace('{{> cover}}', '{{#*inline "badge"}}<b>{{lookup}}</b>{{/inline}}{{> cover}}');
    const inline = themeFolder({ 'templates/briefing.hbs': main, 'templates/partials/cover.hbs': '<section class="cover">{{> badge}}</section>' });
    expect(() => render({ dir: inline, chapterBreaks: 'flow' })).toThrow(expect.objectContaining({ message: expect.stringMatching(new RegExp(`^${join(inline, 'templates', 'briefing.hbs')}: template error: `)) }));
    // ... and a block given to it is its caller's.
    const inlineFrame = themeFolder({ 'templates/partials/cover.hbs': '{{#*inline "frame"}}<div>{{> @partial-block}}</div>{{/inline}}<section class="cover">{{#> frame}}{{> badge}}{{/frame}}</section>', 'templates/partials/badge.hbs': '<p>{{lookup}}</p>' });
    expect(() => render({ dir: inlineFrame, chapterBreaks: 'flow' })).toThrow(expect.objectContaining({ message: expect.stringMatching(new RegExp(`^${join(inlineFrame, 'templates', 'partials', 'badge.hbs')}: template error: `)) }));
  });

  it('gives a theme\'s own chart partial, written before captions took references, the caption as text ({{caption}})', () => {
    const partial = '<figure class="chart" id="{{anchor}}"><figcaption>Figure {{number}}. {{title}}</figcaption><div class="chart-svg">{{{chartSvg index}}}</div>{{#if caption}}<p class="own-caption">{{caption}}</p>{{/if}}</figure>';
    const html = render({ dir: themeFolder({ 'templates/partials/chart.hbs': partial }), chapterBreaks: 'flow' });
    expect(html).toContain('<p class="own-caption">Company reports, EUR million.</p>');
    expect(html).not.toContain('[object Object]');
  });

  it('gives a theme\'s own data-notes partial, written before the register numbered its sources, each source written out in its rows; one that prints register.sources the numbers', () => {
    const canvas = validateCanvas(parseCanvas(nordwindText, NORDWIND));
    for (const metric of Object.values(canvas.metrics)) metric.source = 'Annual report 2025';
    const sourced = buildModel(canvas, { name: 'nordwind', setKey: 'full' });
    const cells = (html: string) => [...html.matchAll(/<tr[^>]*>(<td[\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].at(-1)![1]);
    const before = themeFolder({ 'templates/partials/data-notes.hbs': '<section class="data-notes" id="{{anchor}}"><h1>Data notes</h1>{{> table register continues="Figure register"}}</section>' });
    const old = render({ dir: before, chapterBreaks: 'flow' }, sourced);
    expect(new Set(cells(old.slice(old.indexOf('<section class="data-notes"'))))).toEqual(new Set(['Annual report 2025']));
    const after = themeFolder({ 'templates/partials/data-notes.hbs': '<section class="data-notes" id="{{anchor}}"><h1>Data notes</h1>{{#each register.sources}}<p>{{mark}} {{title}}</p>{{/each}}{{> table register}}</section>' });
    const now = render({ dir: after, chapterBreaks: 'flow' }, sourced);
    expect(now).toContain('<p>[1] Annual report 2025</p>');
    expect(new Set(cells(now.slice(now.indexOf('<section class="data-notes"'))))).toEqual(new Set(['[1]']));
  });

  it('embeds the logo on the cover and in the running head', () => {
    const dir = themeFolder({ 'brand/logo.svg': LOGO });
    const html = render({ dir, chapterBreaks: 'flow', logo: 'brand/logo.svg', name: 'Acme Research' });
    const data = `data:image/svg+xml;base64,${Buffer.from(LOGO).toString('base64')}`;
    expect(html.replace(/&#x3D;/g, '=')).toContain(`<img class="cover-logo" src="${data}" alt="Acme Research">`);
    expect(html).toMatch(/@top-left \{ content: url\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\) " {2}" "Nordwind/);
  });

  it('draws the logo in the running head 12 pt high at the start of the head, whatever the logo file\'s own alignment', () => {
    const head = (logo: string | Buffer, mime = 'image/svg+xml') => {
      const { url } = headLogo(`data:${mime};base64,${Buffer.from(logo).toString('base64')}`);
      const svg = Buffer.from(url.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString();
      const size = (tag: string) => /width="([\d.]+)" height="([\d.]+)"/.exec(new RegExp(`<${tag} [^>]*>`).exec(svg)![0])!.slice(1).map(Number);
      return { outer: size('svg'), image: size('image') };
    };
    // A square logo with only a viewBox was drawn by its own preserveAspectRatio (centred), which an <image>'s cannot
    // override for an SVG: it floated in the middle of a 72 pt box, far from the name after it.
    expect(head('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="48"/></svg>')).toEqual({ outer: [12, 12], image: [12, 12] });
    expect(head('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="80"><rect width="400" height="80"/></svg>')).toEqual({ outer: [60, 12], image: [60, 12] });
    // Wider than 72 x 12: as wide as the head gives a logo, less high, in the middle of the head's height.
    expect(head('<svg xmlns="http://www.w3.org/2000/svg" width="10cm" height="1cm" viewBox="0 0 1000 100"></svg>')).toEqual({ outer: [72, 12], image: [72, 7.2] });
    // A PNG's size is in its header (IHDR: width and height, 4 bytes each, from byte 16).
    const png = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
    png.write('IHDR', 12, 'latin1');
    png.writeUInt32BE(300, 16);
    png.writeUInt32BE(200, 20);
    expect(head(png, 'image/png')).toEqual({ outer: [18, 12], image: [18, 12] });
    // A logo whose size cannot be read keeps the head's whole box, left-aligned as far as the file lets it be.
    expect(head('<svg xmlns="http://www.w3.org/2000/svg"></svg>')).toEqual({ outer: [72, 12], image: [72, 12] });
  });

  it('gives the briefing\'s name in the running head the room a narrow logo leaves, not that of the widest one', () => {
    const head = (logo: string) => {
      const dir = themeFolder({ 'logo.svg': logo });
      const html = render({ dir, chapterBreaks: 'flow', logo: 'logo.svg' }, { ...model(), setTitle: 'Logistics, Warehousing and Fulfilment Services' });
      return /@top-left \{ content: url\([^)]*\) " {2}"( "[^"]*")/.exec(html)![1]!.replaceAll('\\b7 ', '·'); // CSS's escape of the middle dot
    };
    const square = head('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="48"/></svg>');
    const wide = head('<svg xmlns="http://www.w3.org/2000/svg" width="720" height="120"><rect width="720" height="120"/></svg>');
    // A 12 pt square took the room of a 72 pt wide logo: the company's name gave way to its ticker beside empty space.
    expect(square).toMatch(/^ "Nordwind Energi ASA · Logistics, Warehousing and Fulfilment Services"$/);
    expect(wide).toMatch(/^ "NWE · Logistics, Warehousing and Fulfilment Services"$/);
  });

  it('warns when an SVG logo sets text, which as an image cannot use the embedded fonts, and not for shapes alone nor for text in a font the SVG embeds', () => {
    const renderWarnings = (theme: RenderTheme) => createRenderer({ theme }).render(model(), { svgs: [], pageSize: 'A4' }).warnings;
    const shapes = themeFolder({ 'logo.svg': LOGO.replace('</svg>', '<!-- <text>drawn as outlines</text> --></svg>') });
    expect(renderWarnings({ dir: shapes, chapterBreaks: 'flow', logo: 'logo.svg' })).toEqual([]);
    const prefixed = themeFolder({ 'logo.svg': LOGO.replace('<svg ', '<svg:svg xmlns:svg="http://www.w3.org/2000/svg" ').replace('</svg>', '<svg:text x="1" y="4">Acme</svg:text></svg:svg>') });
    expect(renderWarnings({ dir: prefixed, chapterBreaks: 'flow', logo: 'logo.svg' })).toHaveLength(1);
    const text = themeFolder({ 'logo.svg': LOGO.replace('</svg>', '<text x="1" y="4" font-family="Inter">Acme</text></svg>') });
    expect(renderWarnings({ dir: text, chapterBreaks: 'flow', logo: 'logo.svg' })).toEqual([
      "the theme's logo logo.svg sets text (<text>), which as an image cannot use the briefing's fonts: it prints in whatever font the machine has; convert the text to outlines (paths), embed its font in the SVG (an @font-face with a data: URL), or use a PNG",
    ]);
    // Its own font, embedded in the SVG: drawn in it (and embedded in the PDF), wherever it is printed.
    const face = '<style>@font-face { font-family: "Acme Sans"; src: url(data:font/woff2;base64,AAAA); }</style>';
    const own = (texts: string) => themeFolder({ 'logo.svg': LOGO.replace('</svg>', `${face}${texts}</svg>`) });
    expect(renderWarnings({ dir: own('<text x="1" y="4" font-family="Acme Sans">Acme</text><text style="font-family: \'Acme Sans\', sans-serif">Research</text>'), chapterBreaks: 'flow', logo: 'logo.svg' })).toEqual([]);
    // Given to every text at once: on the root <svg>, or by a rule for text; in the font shorthand.
    const rooted = themeFolder({ 'logo.svg': LOGO.replace('<svg ', '<svg font-family="Acme Sans" ').replace('</svg>', `${face}<text>Acme</text><text>Research</text></svg>`) });
    expect(renderWarnings({ dir: rooted, chapterBreaks: 'flow', logo: 'logo.svg' })).toEqual([]);
    expect(renderWarnings({ dir: own('<style>text { font: 700 14px/1.2 "Acme Sans", sans-serif; }</style><text>Acme</text>'), chapterBreaks: 'flow', logo: 'logo.svg' })).toEqual([]);
    // A text in another family (by attribute or shorthand), one with no family of its own (the machine's default),
    // one whose family comes from a class, or a face the SVG would fetch: the machine's font.
    for (const texts of [
      '<text font-family="Acme Sans">Acme</text><text font-family="Inter">Research</text>',
      '<text font-family="Acme Sans">Acme</text><text style="font: 700 14px Georgia">Research</text>',
      '<text font-family="Acme Sans">Acme</text><text>Research</text>',
      '<style>.a { font-family: "Acme Sans"; }</style><text class="a">Acme</text>',
    ]) expect(renderWarnings({ dir: own(texts), chapterBreaks: 'flow', logo: 'logo.svg' }), texts).toHaveLength(1);
    expect(renderWarnings({ dir: themeFolder({ 'logo.svg': LOGO.replace('</svg>', `${face.replace('data:font/woff2;base64,AAAA', 'https://example.com/a.woff2')}<text font-family="Acme Sans">Acme</text></svg>`) }), chapterBreaks: 'flow', logo: 'logo.svg' })).toHaveLength(1);
  });

  it('refuses a stylesheet url() that is not a file inside the folder, naming the stylesheet', () => {
    for (const target of ['https://fonts.example.com/a.woff2', '/etc/passwd', '../../outside.woff2', 'missing.woff2']) {
      const dir = themeFolder({ 'styles/theme.css': `@font-face { src: url(${target}); }` });
      let error: unknown;
      try {
        render({ dir, chapterBreaks: 'flow' });
      } catch (e) {
        error = e;
      }
      expect(error, target).toBeInstanceOf(BriefingError);
      expect((error as BriefingError).message, target).toContain(join(dir, 'styles', 'theme.css'));
      expect((error as BriefingError).exitCode).toBe(EXIT.template);
    }
  });

  it('says, for a url() whose file the folder lacks, the files it may be a slip for, or where the file must be', async () => {
    const font = Buffer.from('font bytes');
    const css = (name: string) => `:root { --navy: #1d3a8a; }\n@font-face { font-family: Brand; src: url("../fonts/${name}"); }\n`;
    const slip = themeFolder({ 'styles/theme.css': css('brand-black.ttf'), 'fonts/brand-bold.ttf': font, 'fonts/brand.ttf': font, 'fonts/other.woff2': font, 'theme.yaml': 'name: X\n' });
    await expect(loadTheme(slip, '--theme')).rejects.toMatchObject({ exitCode: EXIT.template, message: `${join(slip, 'styles', 'theme.css')}:2: url("../fonts/brand-black.ttf"): no such file in the theme folder; did you mean "../fonts/brand-bold.ttf" or "../fonts/brand.ttf"?` });
    const none = themeFolder({ 'styles/theme.css': css('serif.woff2') });
    await expect(loadTheme(none, '--theme')).rejects.toMatchObject({ exitCode: EXIT.template, message: `${join(none, 'styles', 'theme.css')}:2: url("../fonts/serif.woff2"): no such file in the theme folder: put the file at fonts/serif.woff2 in the theme folder ${none}, or correct the name (a url() is relative to the stylesheet, in styles/)` });
  });

  it('refuses a partial that is a link to a file outside the folder', () => {
    const outside = themeFolder({ 'secret.hbs': 'secret' });
    const dir = themeFolder({});
    mkdirSync(join(dir, 'templates', 'partials'), { recursive: true });
    symlinkSync(join(outside, 'secret.hbs'), join(dir, 'templates', 'partials', 'cover.hbs'));
    expect(() => render({ dir, chapterBreaks: 'flow' })).toThrow(/leads outside the theme folder/);
  });
});

describe('loading a theme', () => {
  it('has the default settings without theme.yaml', async () => {
    const dir = themeFolder({ 'styles/theme.css': '' });
    expect((await loadTheme(dir, '--theme')).settings).toEqual({ chapter_breaks: 'flow', negative_numbers: 'minus' });
  });

  it('refuses a missing folder (usage), and a wrong setting or a missing logo at its line in theme.yaml', async () => {
    await expect(loadTheme('/nonexistent/theme', '--theme')).rejects.toMatchObject({ exitCode: EXIT.usage, message: expect.stringMatching(/^--theme: no theme folder \/nonexistent\/theme/) });
    const wrong = themeFolder({ 'theme.yaml': 'name: X\nchapter_breaks: pages\n' });
    await expect(loadTheme(wrong, '--theme')).rejects.toMatchObject({ exitCode: EXIT.invalidData, message: expect.stringContaining(`${join(wrong, 'theme.yaml')}:2:17: chapter_breaks: expected one of flow, page; found "pages"; did you mean "page"?`) });
    // A YAML mistake in theme.yaml is explained at its place like a canvas's (not taken for a stray file that may hold a secret).
    const unclosed = themeFolder({ 'theme.yaml': 'not: [valid\n' });
    await expect(loadTheme(unclosed, '--theme')).rejects.toMatchObject({ exitCode: EXIT.invalidData, message: `${join(unclosed, 'theme.yaml')}:1:6: not: YAML syntax: this [ is never closed: end it with ]` });
    const noLogo = themeFolder({ 'theme.yaml': 'logo: logo.png\n' });
    await expect(loadTheme(noLogo, '--theme')).rejects.toMatchObject({ exitCode: EXIT.invalidData, message: `${join(noLogo, 'theme.yaml')}:1:7: logo: no file logo.png in the theme folder ${noLogo}; it holds no .svg or .png file: put the logo in the theme folder, and name it here relative to the folder` });
    // A name nothing like any file's: the folder's images a logo may be, the closest first (not its stylesheet or fonts).
    const unlike = themeFolder({ 'theme.yaml': 'logo: missing.svg\n', 'logo.svg': LOGO, 'styles/theme.css': '', 'images/mark-large.png': 'png' });
    await expect(loadTheme(unlike, '--theme')).rejects.toMatchObject({ exitCode: EXIT.invalidData, message: `${join(unlike, 'theme.yaml')}:1:7: logo: no file missing.svg in the theme folder ${unlike}; did you mean "logo.svg" or "images/mark-large.png"?` });
    // Named with another case than the file's (a Mac's disk does not mind; this machine's does), or in another folder: said.
    const cased = themeFolder({ 'theme.yaml': 'logo: Logo.svg\n', 'logo.svg': LOGO });
    await expect(loadTheme(cased, '--theme')).rejects.toMatchObject({ exitCode: EXIT.invalidData, message: `${join(cased, 'theme.yaml')}:1:7: logo: no file Logo.svg in the theme folder ${cased}; did you mean "logo.svg"?` });
    const nested = themeFolder({ 'theme.yaml': 'logo: logo.png\n', 'images/logo.png': 'png' });
    await expect(loadTheme(nested, '--theme')).rejects.toMatchObject({ message: expect.stringMatching(/; did you mean "images\/logo\.png"\?$/) });
    const escape = themeFolder({ 'theme.yaml': 'logo: ../logo.svg\n' });
    await expect(loadTheme(escape, '--theme')).rejects.toMatchObject({ message: expect.stringContaining('a logo is an .svg or .png file inside the theme folder') });
  });

  it('refuses a logo or stylesheet image that is not whole, naming the file and what is wrong, so that check finds it and no build prints it', async () => {
    // A real PNG: signature, IHDR, IDAT, IEND, each chunk with its checksum.
    const chunk = (type: string, data: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
      return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(1, 0);
    header.writeUInt32BE(1, 4);
    header.set([8, 6, 0, 0, 0], 8);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from([0, 0, 0, 0, 0]))), chunk('IEND', Buffer.alloc(0))]);
    const logoTheme = (name: string, bytes: string | Buffer) => themeFolder({ 'theme.yaml': `logo: ${name}\n`, [name]: bytes });
    await expect(loadTheme(logoTheme('logo.png', png), '--theme')).resolves.toBeDefined();
    await expect(loadTheme(logoTheme('logo.svg', LOGO), '--theme')).resolves.toBeDefined();
    const refused = async (dir: string, name: string, problem: string) => {
      // check reads the theme as a build does (loadTheme); the renderer refuses it too, before a page is printed.
      const message = `${join(dir, 'theme.yaml')}: logo: ${join(dir, name)} ${problem}; export the logo again, or copy the whole file again`;
      await expect(loadTheme(dir, '--theme'), problem).rejects.toMatchObject({ exitCode: EXIT.template, message });
      expect(() => render({ dir, chapterBreaks: 'flow', logo: name }), problem).toThrow(message);
    };
    // Chromium printed each of these as its broken-image icon, or the top half of the logo, on the cover and every running head.
    await refused(logoTheme('logo.png', 'not a png\n'), 'logo.png', 'is not a PNG image: it does not start with the PNG signature (it holds text)');
    await refused(logoTheme('logo.png', png.subarray(0, png.length - 20)), 'logo.png', 'is not a complete PNG image: it ends before its IEND chunk');
    const flipped = Buffer.from(png);
    flipped[45] ^= 0xff; // a byte of the IDAT chunk's data
    await refused(logoTheme('logo.png', flipped), 'logo.png', 'is a damaged PNG image: its IDAT chunk (byte 33) fails its checksum');
    await refused(logoTheme('logo.svg', LOGO.slice(0, 60)), 'logo.svg', 'is not a complete SVG image: it ends inside a tag (line 1)');
    await refused(logoTheme('logo.svg', LOGO.replace('</svg>', '')), 'logo.svg', 'is not a complete SVG image: it ends before <svg> of line 1 is closed');
    await refused(logoTheme('logo.svg', '<html><body>Not found</body></html>'), 'logo.svg', 'is not an SVG image: its first tag is <html>, not <svg>');
    // An image the stylesheet embeds is read the same way, at its url()'s line.
    const css = themeFolder({ 'styles/theme.css': '.a {}\n.cover { background: url("../img/band.jpg"); }\n', 'img/band.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) });
    await expect(loadTheme(css, '--theme')).rejects.toMatchObject({ exitCode: EXIT.template, message: `${join(css, 'styles', 'theme.css')}:2: ${join(css, 'img', 'band.jpg')} is not a complete JPEG image: it ends before its end-of-image marker; export the image again, or copy the whole file again` });
    // Whole files, however written: a JPEG saved as .png prints (the browser reads its bytes), an SVG with a declaration, a doctype, comments and CDATA.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0xff, 0xda, 0, 8, 1, 2, 0xff, 0xd9]);
    await expect(loadTheme(logoTheme('logo.png', jpeg), '--theme')).resolves.toBeDefined();
    // ...with bytes after its end marker, which the browser ignores: a newline, a phone's motion-photo trailer.
    await expect(loadTheme(logoTheme('logo.png', Buffer.concat([jpeg, Buffer.from('\nMotionPhoto_Data\xff\xd8')])), '--theme')).resolves.toBeDefined();
    // ...but not one cut inside its image data, whose only end marker is an embedded thumbnail's, before the scan.
    await refused(logoTheme('logo.png', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 6, 0xff, 0xd9, 0xff, 0xda, 0, 8, 1])), 'logo.png', 'is not a complete JPEG image: it ends before its end-of-image marker');
    // An SVG saved as UTF-16, padded with NULs, with an internal subset whose entity holds "]", or a name in another script.
    const small = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><rect width="10" height="5"/></svg>\n';
    await expect(loadTheme(logoTheme('logo.svg', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(small, 'utf16le')])), '--theme')).resolves.toBeDefined();
    await expect(loadTheme(logoTheme('logo.svg', `${small}\0\0`), '--theme')).resolves.toBeDefined();
    await expect(loadTheme(logoTheme('logo.svg', `<!DOCTYPE svg [ <!ENTITY ns "a]b"> ]>\n${small}`), '--theme')).resolves.toBeDefined();
    await expect(loadTheme(logoTheme('logo.svg', small.replace('<rect ', '<rect données="1" ')), '--theme')).resolves.toBeDefined();
    const svg = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<!-- <unclosed -->\n<svg:svg xmlns:svg="http://www.w3.org/2000/svg" width="10" height="5"><svg:style><![CDATA[ a > b { fill: red } ]]></svg:style><svg:rect width='10' height="5" data-x="a > b"/></svg:svg >\n`;
    await expect(loadTheme(logoTheme('logo.svg', svg), '--theme')).resolves.toBeDefined();
  });

  it('reads its templates and stylesheets as a build would, so that check reports their mistakes at their file and line', async () => {
    const broken = themeFolder({ 'templates/partials/cover.hbs': '<section>\n{{#each chapters}}{{title}}{{/each}}\n{{#if company.name}}<p>x</p>\n</section>\n' });
    // An unclosed block is found at its own line, not at the end of the file where the parser notices it.
    await expect(loadTheme(broken, '--theme')).rejects.toMatchObject({ exitCode: EXIT.template, message: expect.stringContaining(`${join(broken, 'templates', 'partials', 'cover.hbs')}:3: {{#if}} is never closed with {{/if}}`) });
    // Blocks in comments and escaped mustaches are text: they neither open nor close one.
    const commented = themeFolder({ 'templates/partials/cover.hbs': '{{!-- {{#each x}} --}}\n{{#if a}}\n\\{{/if}}\n{{! {{/if}} }}\n{{#*inline "p"}}x{{/inline}}\n' });
    await expect(loadTheme(commented, '--theme')).rejects.toMatchObject({ exitCode: EXIT.template, message: expect.stringContaining(`${join(commented, 'templates', 'partials', 'cover.hbs')}:2: {{#if}} is never closed with {{/if}}`) });
    // A partial no file provides, which Handlebars finds only while rendering each briefing, without naming the template.
    const missing = themeFolder({ 'templates/partials/cover.hbs': '<section class="cover">\n{{> badge}}{{#> fallback}}its own content{{/fallback}}\n</section>\n', 'templates/partials/badges.hbs': '<p/>' });
    await expect(loadTheme(missing, '--theme')).rejects.toMatchObject({ exitCode: EXIT.template, message: `${join(missing, 'templates', 'partials', 'cover.hbs')}:2: template error: {{> badge}} calls a partial no file provides (templates/partials/badge.hbs); did you mean "badges"?` });
    // A name that is no identifier is quoted as the template must write it: "{{> my badge}}" would be no partial call at all.
    const quoted = themeFolder({ 'templates/partials/cover.hbs': '<section class="cover">{{> "my badge"}}</section>', 'templates/partials/my badges.hbs': '<p/>' });
    await expect(loadTheme(quoted, '--theme')).rejects.toMatchObject({ message: `${join(quoted, 'templates', 'partials', 'cover.hbs')}:1: template error: {{> "my badge"}} calls a partial no file provides (templates/partials/my badge.hbs); did you mean "my badges"?` });
    // One defined inline, a partial block's fallback, or one named by an expression is no such mistake.
    const inline = themeFolder({ 'templates/partials/cover.hbs': '{{#*inline "badge"}}<p/>{{/inline}}<section class="cover">{{> badge}}{{#> fallback}}x{{/fallback}}{{> (lookup . "name")}}</section>' });
    await expect(loadTheme(inline, '--theme')).resolves.toBeDefined();
    const fetching = themeFolder({ 'styles/theme.css': ':root { --navy: #000; }\n@font-face { src: url("https://fonts.example.com/a.woff2"); }\n' });
    await expect(loadTheme(fetching, '--theme')).rejects.toMatchObject({ exitCode: EXIT.template, message: expect.stringMatching(new RegExp(`^${join(fetching, 'styles', 'theme.css')}:2: url\\("https://`)) });
  });

  it('takes a canvas\'s briefing.theme relative to the canvas file, and reports a missing one at its line', async () => {
    const dir = tempDir('canvas-theme-');
    themeFolder({ 'theme.yaml': 'name: House\n' }, join(dir, 'themes', 'house'));
    const canvas = join(dir, 'acme.yaml');
    writeFileSync(canvas, nordwindText.replace('briefing:\n', 'briefing:\n  theme: themes/house\n'));
    const checked = await checkCanvas(canvas);
    expect(checked.theme).toMatchObject({ dir: join(dir, 'themes', 'house'), settings: { name: 'House' } });
    writeFileSync(canvas, nordwindText.replace('briefing:\n', 'briefing:\n  theme: themes/none\n'));
    await expect(checkCanvas(canvas)).rejects.toMatchObject({ exitCode: EXIT.invalidData, message: expect.stringMatching(new RegExp(`^${canvas}:\\d+:\\d+: briefing\\.theme: no theme folder ${join(dir, 'themes', 'none')}`)) });
    // --theme wins over the canvas's own.
    expect((await checkCanvas(canvas, { theme: join(dir, 'themes', 'house') })).theme?.settings.name).toBe('House');
  });

  it('makes every file of the theme part of what a briefing is built from', () => {
    const dir = themeFolder({ 'styles/theme.css': 'a {}', 'logo.svg': LOGO });
    const before = withTheme('context', dir);
    expect(withTheme('context', dir)).toBe(before);
    expect(withTheme('context', undefined)).toBe('context');
    writeFileSync(join(dir, 'logo.svg'), LOGO.replace('#e8eef5', '#f5eee8'));
    expect(withTheme('context', dir)).not.toBe(before);
  });
});

describe('docs/themes.md', () => {
  it('gives the built-in colours as the built-in stylesheet and charts have them, and a theme\'s own only as an example', () => {
    const docs = readFileSync('docs/themes.md', 'utf8');
    // The first colour block after "The built-in colours are CSS variables": a green and orange example there was taken for the defaults.
    const block = /The built-in colours are CSS variables[\s\S]*?```css\n([\s\S]*?)```/.exec(docs)![1]!;
    const documented = Object.fromEntries([...block.matchAll(/(--[\w-]+): (#[0-9a-f]+);/g)].map((m) => [m[1], m[2]]));
    const root = /:root \{([^}]*)\}/.exec(readFileSync('styles/briefing.css', 'utf8'))![1]!;
    const builtIn: Record<string, string> = Object.fromEntries([...root.matchAll(/(--[\w-]+): (#[0-9a-f]+);/g)].map((m) => [m[1], m[2]]));
    CHART_PALETTE.forEach((colour, i) => (builtIn[`--chart-${i + 1}`] = colour));
    builtIn['--chart-negative'] = CHART_COLORS.accent;
    expect(Object.keys(documented)).toEqual(expect.arrayContaining(['--navy', '--accent', '--blue', '--marking', '--chart-1', '--chart-negative']));
    for (const [name, colour] of Object.entries(documented)) expect(colour, name).toBe(builtIn[name]);
  });
});

describe('a theme stylesheet, read as CSS is', () => {
  it('embeds url() however it is written, leaves fragments and comments alone, and refuses @import at its line', () => {
    const font = Buffer.from('font bytes');
    const dir = themeFolder({
      'styles/theme.css': '/* url(https://example.com/old.woff2) */\n@font-face { src: URL("../fonts/brand (1).woff2?#iefix"); }\n.a { filter: url(#shadow); }\n',
      'fonts/brand (1).woff2': font,
    });
    const html = render({ dir, chapterBreaks: 'flow' });
    expect(html).toContain(`src: url("data:font/woff2;base64,${font.toString('base64')}")`);
    expect(html).toContain('filter: url(#shadow)');
    const importing = themeFolder({ 'styles/theme.css': '.a { color: red; }\n@import "https://example.com/x.css";\n' });
    expect(() => render({ dir: importing, chapterBreaks: 'flow' })).toThrow(new RegExp(`^${join(importing, 'styles', 'theme.css')}:2: @import`));
  });

  it('warns, in check and in every build, of a brand colour too light for the text it prints on white or under it in white', async () => {
    // A yellow accent: chapter numbers and a block set's title in yellow on white; a pale band: the company's name white on it.
    const light = themeFolder({ 'styles/theme.css': ':root {\n  --navy: #1f3a5f;\n  --accent: #F2C500;\n}\n.cover-band { color: #fff; background: #ffd; }\n' });
    const { warnings } = await loadTheme(light, '--theme');
    expect(warnings).toEqual([
      expect.stringMatching(/^the theme's --accent #F2C500 \(styles\/theme\.css:3\) has a contrast of 1\.6:1 with white, too little to read in print .*chapter and section numbers/),
      expect.stringMatching(/^the theme's \.cover-band background #ffd \(styles\/theme\.css:5\) has a contrast of 1\.0:1 with white/),
    ]);
    const rendered = createRenderer({ theme: { dir: light, chapterBreaks: 'flow' } }).render(model(), { svgs: [], pageSize: 'A4' });
    expect(rendered.warnings).toEqual(warnings);
    // The built-in colours, a dark brand colour, and the last of two declarations: nothing to say.
    const dark = themeFolder({ 'styles/theme.css': ':root { --navy: #6B1F2E; --accent: #c8102e; }\n/* --accent: #ff0; */\n.cover-band { background: #0b6e4f; }\n:root { --navy: #0b6e4f }\n' });
    expect((await loadTheme(dark, '--theme')).warnings).toEqual([]);
    // A pale --navy beside a band of its own: the band is not --navy's to colour, and the warning does not say it is.
    const band = themeFolder({ 'styles/theme.css': ':root { --navy: #9fb3c8; }\n.cover-band { background: #0b6e4f; }\n' });
    expect((await loadTheme(band, '--theme')).warnings).toEqual([expect.stringMatching(/^the theme's --navy #9fb3c8 .*: it colours headings, table and chart titles and key figures, on white\. Set --navy/)]);
    const noBand = themeFolder({ 'styles/theme.css': ':root { --navy: #9fb3c8; }\n' });
    expect((await loadTheme(noBand, '--theme')).warnings).toEqual([expect.stringMatching(/it colours headings, table and chart titles and key figures, on white, and is the cover band under the company's white name\. Set --navy/)]);
  });

  it('warns, in check and in every build, of an SVG logo drawn in the cover band\'s colour, which disappears on the cover', async () => {
    const warningsOf = async (files: Record<string, string>) => {
      const dir = themeFolder({ 'theme.yaml': 'logo: logo.svg\n', ...files });
      const { warnings } = await loadTheme(dir, '--theme');
      // A build says what check says.
      expect(createRenderer({ theme: { dir, chapterBreaks: 'flow', logo: 'logo.svg' } }).render(model(), { svgs: [], pageSize: 'A4' }).warnings).toEqual(warnings);
      return warnings;
    };
    // A navy name, its letters by a class of its <style>, on the built-in navy band.
    const navy = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10"><style>.l { fill: #1F3A5F; }</style><path class="l" d="M0 0h5v10z"/><path class="l" d="M6 0h5v10z"/><circle cx="30" cy="5" r="2" fill="#c8102e"/></svg>';
    expect(await warningsOf({ 'logo.svg': navy })).toEqual([
      'the theme\'s logo logo.svg is drawn mostly in #1f3a5f, which has a contrast of 1.0:1 with the cover band it sits on, the built-in --navy #1f3a5f: on the cover the logo all but disappears (the running head, on white, shows it). Add a light or white version of the logo to the theme folder and show it on the cover: .cover-logo { content: url("../logo-white.svg"); } in styles/theme.css (see docs/themes.md)',
    ]);
    // A green logo by its group's fill, on the theme's green band: named with its line.
    const green = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10"><g fill="#0b6e4f"><path d="M0 0h5v10z"/><rect x="6" width="5" height="10"/></g></svg>';
    expect(await warningsOf({ 'logo.svg': green, 'styles/theme.css': ':root { --navy: #0b6e4f; }\n.cover-band { background: #0a6b4c; }\n' })).toEqual([
      expect.stringMatching(/^the theme's logo logo\.svg is drawn mostly in #0b6e4f, which has a contrast of 1\.0:1 with the cover band it sits on, \.cover-band background #0a6b4c \(styles\/theme\.css:2\): on the cover/),
    ]);
    // Shown: a white logo; a white name on a plate of the band's colour; the theme's own cover logo; a logo black on navy (1.7:1).
    expect(await warningsOf({ 'logo.svg': navy.replace('#1F3A5F', 'white') })).toEqual([]);
    expect(await warningsOf({ 'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10"><rect width="40" height="10" fill="#1f3a5f"/><path d="M1 1h5v8z" fill="#fff"/></svg>' })).toEqual([]);
    expect(await warningsOf({ 'logo.svg': navy, 'logo-white.svg': navy.replace('#1F3A5F', '#fff'), 'styles/theme.css': '.cover-logo { content: url("../logo-white.svg"); }\n' })).toEqual([]);
    expect(await warningsOf({ 'logo.svg': navy.replace('#1F3A5F', '#000') })).toEqual([]);
    // Not judged: a fill it cannot read (a gradient), a band in a colour it cannot read, a PNG.
    expect(await warningsOf({ 'logo.svg': navy.replace('#1F3A5F', 'url(#g)') })).toEqual([]);
    expect(await warningsOf({ 'logo.svg': navy, 'styles/theme.css': ':root { --brand: #1f3a5f; --navy: var(--brand); }\n' })).toEqual([]);
  });

  it('warns, in check and in every build, of a font family no @font-face of the theme defines and the briefing does not embed', async () => {
    const font = Buffer.from('font bytes');
    const dir = themeFolder({
      'styles/theme.css': '@font-face { font-family: "Barlow Condensed"; src: url("../fonts/b.woff2"); }\n/* font-family: Nothing; */\nh1 { font-family: "Barlow Condensd", var(--briefing-fonts); }\n.a { font: 600 9pt/1.2 Arial, sans-serif; }\n.b { font-family: Arial; }\n',
      'fonts/b.woff2': font,
    });
    const { warnings } = await loadTheme(dir, '--theme');
    expect(warnings).toEqual([
      'the theme\'s styles/theme.css:3 names the font "Barlow Condensd", which no @font-face of the theme embeds (with a url() to its file) and the briefing does not either: that text prints in the next font of its list, or in a font of the machine that prints it, if it has one of that name; did you mean "Barlow Condensed"? Correct the name, or add an @font-face with the font\'s file to the theme (see docs/themes.md)',
      expect.stringMatching(/^the theme's styles\/theme\.css:4 names the font "Arial", which no @font-face/),
    ]);
    // A face of the machine's (local() only) embeds nothing: the PDF would depend on the machine all the same.
    const local = themeFolder({ 'styles/theme.css': '@font-face { font-family: Arial; src: local("Arial"); }\nh1 { font-family: Arial, var(--briefing-fonts); }\n' });
    expect((await loadTheme(local, '--theme')).warnings).toEqual([expect.stringMatching(/^the theme's styles\/theme\.css:2 names the font "Arial", which no @font-face of the theme embeds/)]);
    expect(createRenderer({ theme: { dir, chapterBreaks: 'flow' } }).render(model(), { svgs: [], pageSize: 'A4' }).warnings).toEqual(warnings);
    // A family of two faces (regular and bold) is suggested once: it was 'did you mean "Brand" or "Brand"?'.
    const twoFaces = themeFolder({
      'styles/theme.css': '@font-face { font-family: Brand; src: url("../fonts/b.woff2"); font-weight: 400; }\n@font-face { font-family: "Brand"; src: url("../fonts/b.woff2"); font-weight: 700; }\nh1 { font-family: Brnad, serif; }\n',
      'fonts/b.woff2': font,
    });
    expect((await loadTheme(twoFaces, '--theme')).warnings).toEqual([expect.stringContaining('names the font "Brnad", which no @font-face of the theme embeds (with a url() to its file) and the briefing does not either: that text prints in the next font of its list, or in a font of the machine that prints it, if it has one of that name; did you mean "Brand"? Correct the name')]);
    // Its own faces, the embedded families (any case; unquoted, however spaced), generic families and the built-in stack,
    // a declaration's !important aside: nothing to say.
    const fine = themeFolder({
      'styles/theme.css': "@font-face { font-family: Brand; src: url('../fonts/b.woff2'); }\nh1, h2 { font-family: Brand, var(--briefing-fonts); }\n.x { font-family: 'noto sans jp', Inter, serif; }\n.y { font-family: Brand !important; }\n.z { font-family: Noto  Sans\n  JP, serif; }\n",
      'fonts/b.woff2': font,
    });
    expect((await loadTheme(fine, '--theme')).warnings).toEqual([]);
  });

  it('refuses a hex colour that is none at its line, as check and build read it, and leaves selectors, fragments and strings alone', async () => {
    // "#12345" for a brand colour: the browser drops the declaration, and the built-in cover band, var(--navy), had no
    // background left under the company's white name.
    const mistyped = themeFolder({ 'styles/theme.css': ':root {\n  --accent: #F2C500;\n  --navy: #12345;\n}\n' });
    const where = `${join(mistyped, 'styles', 'theme.css')}:3: --navy: "#12345" is not a colour`;
    await expect(loadTheme(mistyped, '--theme')).rejects.toMatchObject({ exitCode: EXIT.template, message: expect.stringContaining(where) });
    expect(() => render({ dir: mistyped, chapterBreaks: 'flow' })).toThrow(where);
    const letter = themeFolder({ 'styles/briefing.css': 'h1 {\n  color: #1f3a5g;\n}\n' });
    expect(() => render({ dir: letter, chapterBreaks: 'flow' })).toThrow(`${join(letter, 'styles', 'briefing.css')}:2: color: "#1f3a5g" is not a colour`);
    const fine = themeFolder({
      'styles/theme.css': '/* #12345 */\n#cover .a, li:not(#x) { color: #fff; background: #0b6e4f80; border-color: #abcd; }\n'
        + '.b { filter: url(#shadow); background: url("data:image/svg+xml,<svg fill=\'#12\'/>"); }\n.c::before { content: "#1"; }\n',
    });
    expect(render({ dir: fine, chapterBreaks: 'flow' })).toContain('background: #0b6e4f80');
  });

  it('refuses a colour variable or colour property set to what is no colour, each at its line in one message, and leaves colours of every form alone', async () => {
    // "--navy: 0b3d5c", its # forgotten: a custom property takes any value, the browser kept it and dropped every
    // declaration using it; the cover band printed without its background, the company's name white on white, exit 0.
    const forgotten = themeFolder({ 'styles/theme.css': ':root {\n  --navy: 0b3d5c;\n  --accent: #00807;\n  --chart-2: 00a3a1 !important;\n}\n.cover-band { background: 0b3d5c; color: navvy; }\nh2 { border-bottom: 1px solid 7fc8c6; }\n' });
    const file = join(forgotten, 'styles', 'theme.css');
    const error = await loadTheme(forgotten, '--theme').then(() => undefined, (e: unknown) => e as { exitCode: number; message: string });
    expect(error?.exitCode).toBe(EXIT.template);
    expect(error?.message.split('\n').map((l) => l.replace(/\. As written the browser would ignore the declaration, and what uses it would lose its colour$/, ''))).toEqual([
      `${file}:2: --navy: "0b3d5c" is not a colour: write it with its #, as #0b3d5c`,
      `${file}:3: --accent: "#00807" is not a colour: a hex colour has 3, 4, 6 or 8 hex digits (0-9, a-f), as #1f3a5f or #fff`,
      `${file}:4: --chart-2: "00a3a1" is not a colour: write it with its #, as #00a3a1`,
      `${file}:6: background: "0b3d5c" is not a colour: write it with its #, as #0b3d5c`,
      `${file}:6: color: "navvy" is not a colour: write "navy" if that is the colour meant`,
      `${file}:7: border-bottom: "7fc8c6" is not a colour: write it with its #, as #7fc8c6`,
    ]);
    expect(() => render({ dir: forgotten, chapterBreaks: 'flow' })).toThrow(`${file}:2: --navy: "0b3d5c" is not a colour`);
    // Colours of every form, keywords, a theme's own variables and numbers of six digits: nothing to say. The built-in
    // stylesheet as a theme's own styles/briefing.css (a theme starts from a copy) passes too.
    const fine = themeFolder({
      'styles/theme.css': ':root { --navy: rgb(11 61 92); --accent: hsl(178 100% 25% / 0.9); --blue: RebeccaPurple; --ink: currentColor; --chart-1: var(--navy); --chart-2: color-mix(in srgb, #0b3d5c 60%, white); --rule: transparent; --own-gap: 12345a; }\n'
        + 'h1 { color: var(--navy, #000); background-color: inherit; border-top: 2px solid #0b3d5c; z-index: 100000; font-weight: 700; fill: none; }\n',
      'styles/briefing.css': readFileSync(join(PACKAGE_ROOT, 'styles', 'briefing.css'), 'utf8'),
    });
    expect(render({ dir: fine, chapterBreaks: 'flow' })).toContain('--blue: RebeccaPurple');
    // Every colour variable of the built-in stylesheet is one a theme is held to.
    const builtIn = [...readFileSync(join(PACKAGE_ROOT, 'styles', 'briefing.css'), 'utf8').matchAll(/(--[-\w]+)\s*:\s*#/g)].map((m) => m[1]!);
    expect(builtIn.length).toBeGreaterThan(5);
    expect(COLOUR_VARIABLES).toEqual(expect.arrayContaining(builtIn));
  });
});
