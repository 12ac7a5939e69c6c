import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { chmodSync, existsSync, readdirSync, readFileSync, readlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { createPrinter, findBrowser, type Printer, type PrintAsset, type PrintJob, type PrintResult } from '../../src/print/index.ts';
import { launchBrowser } from '../../src/print/launch-browser.ts';
import { readPdf, type PdfReadBack } from '../support/read-pdf.ts';
import { tempDir } from '../support/temp.ts';
import { squash } from '../support/briefing-layout.ts';
import { fontAssetName, fontFacesFor } from '../../src/fonts.ts';
import { fontCss } from '../../src/render/page-css.ts';
import { headLogo } from '../../src/render/theme-files.ts';
import { createCanvas } from '@napi-rs/canvas';
import { isAlive, liveProcessesUsing, until } from '../support/processes.ts';

// Real-browser tests. They do not skip without a browser: CI installs chromium-headless-shell, and on a laptop the first
// test fails with findBrowser's message saying how to get one.

const require = createRequire(import.meta.url);
const fontsource = (pkg: string) => dirname(require.resolve(`${pkg}/package.json`));
const CHINESE = '淘宝 天猫';

/** The Noto Sans SC 400 subset files whose unicode-range covers any character of `text`, from the package CSS. */
function notoSubsetsFor(text: string): string[] {
  const root = fontsource('@fontsource/noto-sans-sc');
  const css = readFileSync(join(root, '400.css'), 'utf8');
  const files: string[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const ranges = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !ranges) continue;
    const covers = (cp: number) =>
      ranges.split(',').some((range) => {
        const [lo, hi = lo] = range.trim().replace(/^U\+/i, '').split('-');
        return cp >= parseInt(lo!, 16) && cp <= parseInt(hi!, 16);
      });
    if ([...text.replace(/\s/g, '')].some((ch) => covers(ch.codePointAt(0)!))) files.push(file);
  }
  return files;
}

const notoFiles = notoSubsetsFor(CHINESE);
const assets: Record<string, PrintAsset> = Object.fromEntries(
  notoFiles.map((file) => [
    file,
    { body: readFileSync(join(fontsource('@fontsource/noto-sans-sc'), 'files', file)), contentType: 'font/woff2' },
  ]),
);
/** @font-face rules embedding the faces `text` needs, as a briefing's standalone HTML has them. */
const embeddedFonts = (text: string) => fontCss(fontFacesFor(text), (f) => `data:font/woff2;base64,${readFileSync(f.file).toString('base64')}`);
const interDataUrl = `data:font/woff2;base64,${readFileSync(
  join(fontsource('@fontsource/inter'), 'files', 'inter-latin-400-normal.woff2'),
).toString('base64')}`;

/** The faces `text` needs linked as a build links them: served as assets, each named from its bytes. */
function linked(text: string): { css: string; files: Record<string, PrintAsset> } {
  const faces = fontFacesFor(text);
  const files = Object.fromEntries(faces.map((f) => [fontAssetName(readFileSync(f.file)), { body: readFileSync(f.file), contentType: 'font/woff2' }]));
  // One name per face, or a face would be served another's file.
  expect(Object.keys(files)).toHaveLength(faces.length);
  return { css: fontCss(faces, (f) => `https://briefing.invalid/assets/${fontAssetName(readFileSync(f.file))}`), files };
}

const FIXTURE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Fixture title from HTML</title>
<link rel="stylesheet" href="file:///etc/passwd">
<style>
@font-face { font-family: 'Inter'; font-weight: 400; src: url(${interDataUrl}) format('woff2'); }
${notoFiles
  .map((file) => `@font-face { font-family: 'Noto Sans SC'; font-weight: 400; src: url(https://briefing.invalid/assets/${file}) format('woff2'); }`)
  .join('\n')}
@page {
  size: A4;
  margin: 20mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: 'Inter'; font-size: 9pt; }
}
html { font-family: 'Inter', 'Noto Sans SC'; font-size: 11pt; }
body { margin: 0; }
h1, h2 { font-weight: 400; }
.new-page { break-before: page; }
</style>
</head>
<body>
<h1 id="top">Canvas briefing</h1>
<nav><a href="#overview">Overview</a> <a href="#markets">Markets</a></nav>
<h2 id="overview">Overview</h2>
<p id="marker">Static text before scripts</p>
<p lang="zh-CN">Alibaba runs ${CHINESE}.</p>
<img src="https://example.com/x.png" alt="">
<h2 id="values" class="new-page">Value propositions</h2>
<p>Second page.</p>
<h2 id="markets" class="new-page">Markets <span class="badge" style="text-transform: uppercase; font-size: 7pt">detected</span></h2>
<p>Third page.</p>
<script>document.getElementById('marker').textContent = 'SCRIPT RAN';</script>
</body>
</html>`;

const JOB: PrintJob = {
  pageSize: 'A4',
  metadata: {
    title: 'Alibaba: investor briefing',
    author: 'Strategy team',
    subject: 'Business Model Canvas',
    keywords: ['alibaba', 'canvas'],
    language: 'en-GB',
    date: new Date('2024-05-06T07:08:09Z'),
  },
  assets,
  // As render/ gives them: a badge is drawn in a heading but is no part of its title (Chromium's bookmark takes it in).
  headings: [{ title: 'Canvas briefing', shown: 'Canvas briefing' }, { title: 'Markets', shown: 'Markets detected' }],
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function rejection(promise: Promise<unknown>): Promise<BriefingError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BriefingError);
  return error as BriefingError;
}

describe('printing with a real browser', { timeout: 60_000 }, () => {
  let printer: Printer;
  let result: PrintResult;
  let pdf: PdfReadBack;

  beforeAll(async () => {
    // Fails here, with instructions, when no browser is installed.
    await findBrowser({});
    printer = createPrinter({ timeoutMs: 30_000 });
    result = await printer.print(FIXTURE, JOB);
    pdf = await readPdf(result.pdf);
  }, 60_000);

  afterAll(async () => {
    await printer?.close();
  });

  it('has a fixture whose Chinese text spans several Noto Sans SC subset files', () => {
    // Guards the fixture itself: 淘宝天猫 needs more than one unicode-range subset, all served as assets.
    expect(notoFiles.length).toBeGreaterThan(1);
    expect(notoFiles.every((file) => /^noto-sans-sc-\d+-400-normal\.woff2$/.test(file))).toBe(true);
  });

  it('prints three A4 pages with the @page margin box footer', () => {
    expect(result.pages).toBe(3);
    expect(pdf.pages).toBe(3);
    // Chromium rounds the paper to its device grid (595.92 x 841.92 pt); within 1 pt of ISO A4 is A4.
    for (const [width, height] of pdf.pageSizes) {
      expect(Math.abs(width - (210 / 25.4) * 72)).toBeLessThan(1);
      expect(Math.abs(height - (297 / 25.4) * 72)).toBeLessThan(1);
    }
    expect(pdf.text[0]).toContain('Page 1 of 3');
    expect(pdf.text[1]).toContain('Page 2 of 3');
    expect(pdf.text[2]).toContain('Page 3 of 3');
  });

  it('applies the margins from CSS @page although Puppeteer is given none', () => {
    // body margin is 0, so the heading starts exactly at the 20 mm left margin.
    const heading = pdf.positions[0]!.find((item) => item.str === 'Canvas briefing');
    expect(heading?.x).toBeCloseTo((20 / 25.4) * 72, 0);
  });

  it('maps every internal link target to its page, exactly', () => {
    expect(result.anchors).toEqual({ overview: 1, markets: 3 });
    // pdfjs, reading the same file independently, agrees.
    expect(pdf.anchors).toEqual(result.anchors);
  });

  it('puts the pages and anchors where the finished print does in a draft (no PDF to write out)', async () => {
    const draft = await printer.draft(FIXTURE, JOB);
    expect(draft).toEqual({ pages: result.pages, anchors: result.anchors, blocked: result.blocked });
  });

  it('writes an outline from the headings, each bookmark at its heading\'s place on the page', () => {
    const at = expect.any(Number); // an /XYZ destination: page and the heading's top
    expect(pdf.outline).toEqual([
      {
        title: 'Canvas briefing',
        page: 1,
        top: at,
        children: [
          { title: 'Overview', page: 1, top: at, children: [] },
          { title: 'Value propositions', page: 2, top: at, children: [] },
          { title: 'Markets', page: 3, top: at, children: [] },
        ],
      },
    ]);
  });

  it('sets document information, language and the show-title preference', () => {
    expect(pdf.metadata).toMatchObject({
      title: 'Alibaba: investor briefing',
      author: 'Strategy team',
      subject: 'Business Model Canvas',
      keywords: 'alibaba canvas',
      language: 'en-GB',
      creator: 'canvas-briefing',
      creationDate: 'D:20240506070809Z',
      modDate: 'D:20240506070809Z',
    });
    expect(pdf.metadata.producer).toMatch(/^canvas-briefing \(Skia\/PDF m\d+, pdf-lib\)$/);
    expect(pdf.displayDocTitle).toBe(true);
  });

  it('is a tagged PDF (structure tree kept through pdf-lib)', () => {
    expect(pdf.tagged).toBe(true);
  });

  it('embeds every font, none as Type3', () => {
    expect(pdf.fonts.length).toBeGreaterThan(0);
    expect(pdf.fonts.filter((font) => font.type === 'Type3')).toEqual([]);
    expect(pdf.fonts.filter((font) => !font.embedded)).toEqual([]);
    const names = pdf.fonts.map((font) => font.name).join(' ');
    expect(names).toMatch(/Inter/);
    expect(names).toMatch(/NotoSansSC|Noto Sans SC/);
  });

  it('keeps Chinese text extractable', () => {
    expect(pdf.text[0]).toContain('淘宝');
    expect(pdf.text[0]).toContain('天猫');
  });

  it('draws text only the page margins set, in a face no text of the body loaded (a running head in Chinese)', async () => {
    // Faces as a briefing embeds them, each subset with its unicode-range: Chromium loads one only for text that needs it.
    const html = `<!doctype html><html><head><style>${embeddedFonts(`Body ${CHINESE}`)}
@page { size: A4; margin: 20mm; @top-left { content: "${CHINESE}"; font: 400 9pt 'Inter', 'Noto Sans SC'; } }
html { font-family: 'Inter', 'Noto Sans SC'; }
</style></head><body><p>Body text in Latin letters only.</p></body></html>`;
    const head = await readPdf((await printer.print(html, { ...JOB, assets: {}, marginText: CHINESE })).pdf);
    expect(squash(head.text[0]!)).toContain(CHINESE);
  });

  it('prints the real thing on the page its draft left, with the same bytes as a print of its own', async () => {
    // Its own head attribute: a key no other test's documents have, so no other test's page is taken over.
    const html = `<!doctype html><html><head data-test="draft"><style>${embeddedFonts('Contents 1 2 Body text')}
@page { size: A4; margin: 20mm; } html { font-family: 'Inter'; }</style></head><body><h1 id="a">Contents</h1><p><a href="#b">Body</a> <span class="n"></span></p><h2 id="b" style="break-before: page">Body text</h2></body></html>`;
    const final = html.replace('<span class="n"></span>', '<span class="n">2</span>');
    const job = { ...JOB, assets: undefined, headings: [] };
    const drafted = await printer.draft(html, job);
    expect(drafted.anchors).toEqual({ b: 2 });
    const opened = printer.state.pagesOpened!;
    // Two at once: one takes the draft's page over, the other opens a page of its own.
    const [reused, fresh] = await Promise.all([printer.print(final, job), printer.print(final, job)]);
    expect(printer.state.pagesOpened).toBe(opened + 1);
    expect(Buffer.from(reused.pdf).equals(Buffer.from(fresh.pdf))).toBe(true);
    expect((await readPdf(reused.pdf)).text[0]).toContain('Body 2');
  });

  it('prints another document on a page an earlier print left, as a page of its own would: language, title, styles, fonts and margins its own', async () => {
    const doc = (lang: string, title: string, margin: string, body: string) => {
      const { css, files } = linked(`${title} ${margin} ${body}`);
      return {
        html: `<!doctype html><html lang="${lang}"><head data-test="swap"><title>${title}</title><style>${css}
@page { size: A4; margin: 20mm; @top-left { content: "${margin}"; font: 400 9pt 'Inter', 'Noto Sans SC'; } }
html { font-family: 'Inter', 'Noto Sans SC'; }</style></head><body class="${lang}"><h1 id="a">${title}</h1><p>${body}</p></body></html>`,
        job: { ...JOB, assets: files, marginText: margin, headings: [] },
      };
    };
    const latin = doc('en', 'Latin only', 'Running head', 'Body text in Latin letters only.');
    await printer.print(latin.html, latin.job);
    const opened = printer.state.pagesOpened!;
    // Chinese in the body and in the margins only (in a face the Latin document never loaded), another language and title.
    const chinese = doc('zh-CN', 'Chinese', `${CHINESE} 阿里巴巴`, `正文 ${CHINESE}`);
    const [swapped, fresh] = await Promise.all([printer.print(chinese.html, chinese.job), printer.print(chinese.html, chinese.job)]);
    expect(printer.state.pagesOpened).toBe(opened + 1); // one of the two on the Latin document's page
    expect(Buffer.from(swapped.pdf).equals(Buffer.from(fresh.pdf))).toBe(true);
    const read = await readPdf(swapped.pdf);
    expect(squash(read.text[0]!)).toContain(squash(`${CHINESE} 阿里巴巴`));
    expect(squash(read.text[0]!)).toContain(squash(`正文 ${CHINESE}`));
    expect(read.fonts.filter((f) => f.type === 'Type3' || !f.embedded)).toEqual([]);
    expect(read.fonts.map((f) => f.name).join(' ')).toMatch(/NotoSansSC|Noto Sans SC/);
    // And back: the Latin document printed on a page that printed Chinese is the Latin document.
    const again = await Promise.all([printer.print(latin.html, latin.job), printer.print(latin.html, latin.job)]);
    expect(Buffer.from(again[0].pdf).equals(Buffer.from(again[1].pdf))).toBe(true);
    expect((await readPdf(again[0].pdf)).fonts.map((f) => f.name).join(' ')).not.toMatch(/Noto/);
  });

  it('draws ‰, † and the non-breaking hyphen in the embedded faces that have them, not in a system font (nor U+202F, which no face has)', async () => {
    // Inter's Latin face is declared for all three and has none: a face chosen by its unicode-range alone left them
    // to whatever fallback font the machine had (DejaVu Sans here), in the PDF.
    const text = 'Margin 3.2‰ of sales† in non\u2011GAAP terms, «\u202fhors taxes\u202f»';
    const { css, files } = linked(text);
    const html = `<!doctype html><html lang="en"><head data-test="glyphs"><style>${css}
@page { size: A4; margin: 20mm; } html { font-family: 'Inter', 'Noto Sans SC'; }</style></head><body><p>${text}</p></body></html>`;
    const read = await readPdf((await printer.print(html, { ...JOB, assets: files, headings: [] })).pdf);
    expect(read.text[0]).toContain('Margin 3.2‰ of sales† in non\u2011GAAP terms');
    expect(read.text[0]).toMatch(/«\s?hors taxes\s?»/);
    // Two Inter files (Latin, and Latin Extended for †) and Noto Sans SC's for ‰ and the hyphen.
    expect([...new Set(read.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))].sort()).toEqual(['Inter-Regular', 'NotoSansSCThin-Regular']);
  });

  it('prints a document with images on a page an earlier print left, as a page of its own would: its own images', async () => {
    // A theme's logo as render/ embeds it: a data: URL on the cover (<img>), and in the running head inside an SVG
    // (headLogo); besides, a background image. Two documents that differ only in the image's colour.
    const png = (color: string) => {
      const canvas = createCanvas(8, 8);
      const context = canvas.getContext('2d');
      context.fillStyle = color;
      context.fillRect(0, 0, 8, 8);
      return `data:image/png;base64,${canvas.toBuffer('image/png').toString('base64')}`;
    };
    const doc = (image: string) => `<!doctype html><html lang="en"><head data-test="images"><style>${embeddedFonts('Head Images')}
@page { size: A4; margin: 20mm; @top-left { content: url(${headLogo(image).url}) "  Head"; font: 400 9pt 'Inter'; } }
html { font-family: 'Inter'; } .band { width: 40mm; height: 10mm; background: url("${image}"); }</style></head>
<body><img src="${image}" alt="Logo" style="width: 30mm"><div class="band"></div><h1>Images</h1></body></html>`;
    const job = { ...JOB, assets: undefined, headings: [] };
    const red = await printer.print(doc(png('#d00')), job);
    const opened = printer.state.pagesOpened!;
    const blue = doc(png('#00d'));
    const [swapped, fresh] = await Promise.all([printer.print(blue, job), printer.print(blue, job)]);
    expect(printer.state.pagesOpened).toBe(opened + 1); // one of the two on the red document's page
    expect(Buffer.from(fresh.pdf).equals(Buffer.from(red.pdf))).toBe(false); // the images are in the bytes
    expect(Buffer.from(swapped.pdf).equals(Buffer.from(fresh.pdf))).toBe(true);
  });

  it('takes over no page that was given another font under the same name, nor one that was refused a request', async () => {
    const faces = fontFacesFor('Body text');
    const files = Object.fromEntries(faces.map((f, i) => [`face-${i}.woff2`, { body: readFileSync(f.file), contentType: 'font/woff2' }]));
    const html = `<!doctype html><html><head data-test="bytes"><style>${fontCss(faces, (f) => `https://briefing.invalid/assets/face-${faces.indexOf(f)}.woff2`)}
html { font-family: 'Inter'; }</style></head><body><p>Body text</p></body></html>`;
    await printer.print(html, { ...JOB, assets: files });
    let opened = printer.state.pagesOpened!;
    // A font of the same name with other bytes: another document, loaded afresh.
    const other = { ...files, 'face-0.woff2': { body: Buffer.from(files['face-0.woff2']!.body), contentType: 'font/woff2' } };
    other['face-0.woff2'].body[other['face-0.woff2'].body.length - 1] ^= 1;
    await printer.print(html, { ...JOB, assets: other });
    expect(printer.state.pagesOpened).toBe(++opened);
    // The same bytes again: a page is taken over.
    await printer.print(html, { ...JOB, assets: files });
    expect(printer.state.pagesOpened).toBe(opened);
    // A document refused a request: what it blocked is its own, and its page is not kept for the next.
    const blocking = html.replace('html { font-family', "@font-face { font-family: 'Remote'; src: url(https://example.com/remote.woff2); } p { font-family: 'Remote', 'Inter'; } html { font-family");
    expect((await printer.print(blocking, { ...JOB, assets: files })).blocked).toEqual(['https://example.com/remote.woff2']);
    opened = printer.state.pagesOpened!;
    expect((await printer.print(html, { ...JOB, assets: files })).blocked).toEqual([]);
    expect((await printer.print(blocking, { ...JOB, assets: files })).blocked).toEqual(['https://example.com/remote.woff2']);
    expect(printer.state.pagesOpened).toBe(opened + 1);
  });

  it('keeps at most four pages loaded for later prints, letting the oldest go first', async () => {
    // Five documents of five keys (their own head attributes), each leaving its page behind.
    const doc = (i: number) => `<!doctype html><html><head data-test="held-${i}"><title>${i}</title></head><body><p>Held ${i}</p></body></html>`;
    const job = { pageSize: 'A4' as const, metadata: { title: 'x' } };
    for (let i = 0; i < 5; i++) await printer.print(doc(i), job);
    expect(printer.state.heldPages).toBe(4); // each holds some 100-300 MB
    const opened = printer.state.pagesOpened!;
    await printer.print(doc(4), job); // the newest page is still there to take over
    expect(printer.state.pagesOpened).toBe(opened);
    await printer.print(doc(0), job); // the oldest was closed: a page of its own
    expect(printer.state.pagesOpened).toBe(opened + 1);
  });

  it('does not run scripts', () => {
    expect(pdf.text.join('\n')).toContain('Static text before scripts');
    expect(pdf.text.join('\n')).not.toContain('SCRIPT RAN');
  });

  it('blocks network and file loads and reports them, in an order that does not depend on when they came', () => {
    expect(result.blocked).toEqual([...result.blocked].sort());
    expect(result.blocked).toContain('https://example.com/x.png');
    expect(result.blocked).toContain('file:///etc/passwd');
    // The served assets were not blocked: the fonts loaded.
    expect(result.blocked.filter((url) => url.startsWith('https://briefing.invalid/'))).toEqual([]);
  });

  it('reuses the browser for the next print, and equal input gives equal bytes', async () => {
    const { pid, launches } = printer.state;
    const again = await printer.print(FIXTURE, JOB);
    expect(printer.state.launches).toBe(launches);
    expect(printer.state.pid).toBe(pid);
    expect(Buffer.from(again.pdf).equals(Buffer.from(result.pdf))).toBe(true);

    const letter = await printer.print(FIXTURE, { ...JOB, pageSize: 'Letter' });
    expect(printer.state.launches).toBe(launches);
    const [width, height] = (await readPdf(letter.pdf)).pageSizes[0]!;
    expect([Math.round(width), Math.round(height)]).toEqual([612, 792]);
  });

  it('opens no connection of its own: preconnect, prefetch and loads to a listener on loopback never reach it', async () => {
    const connections: string[] = [];
    const server = createServer((socket) => {
      connections.push('connection');
      socket.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const { port } = server.address() as AddressInfo;
      const origin = `http://127.0.0.1:${port}`;
      const html = [
        `<link rel="preconnect" href="${origin}"><link rel="dns-prefetch" href="${origin}"><link rel="prefetch" href="${origin}/p">`,
        `<link rel="preconnect" href="https://beacon.example.com"><img src="${origin}/i.png"><p>x</p>`,
      ].join('');
      const printed = await printer.print(html, { pageSize: 'A4', metadata: { title: 'x' } });
      expect(printed.blocked).toContain(`${origin}/i.png`);
      // The same hints in the head of a document swapped into a page an earlier print left loaded.
      const shell = (head: string) => `<!doctype html><html><head data-test="hints">${head}</head><body><p>x</p></body></html>`;
      await printer.print(shell('<title>first</title>'), { pageSize: 'A4', metadata: { title: 'x' } });
      const opened = printer.state.pagesOpened;
      await printer.print(shell(`<link rel="preconnect" href="${origin}"><link rel="dns-prefetch" href="${origin}"><link rel="preconnect" href="https://beacon.example.com">`), { pageSize: 'A4', metadata: { title: 'x' } });
      expect(printer.state.pagesOpened).toBe(opened);
      await new Promise((r) => setTimeout(r, 500)); // a preconnect would have been opened by now
      expect(connections).toEqual([]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('reports an asset the document asks for but the job lacks', async () => {
    const html = '<link rel="stylesheet" href="https://briefing.invalid/assets/missing.css"><p>x</p>';
    const printed = await printer.print(html, { pageSize: 'A4', metadata: { title: 'x' } });
    expect(printed.blocked).toEqual(['https://briefing.invalid/assets/missing.css']);
  });
});

describe('the printer lifecycle', { timeout: 60_000 }, () => {
  const html = '<h1>Hello</h1>';
  const job: PrintJob = { pageSize: 'A4', metadata: { title: 'Hello', date: new Date('2024-01-01T00:00:00Z') } };

  it('does not launch anything until the first print or launch()', async () => {
    const printer = createPrinter();
    expect(printer.state.launches).toBe(0);
    await printer.close();
    expect(printer.state.launches).toBe(0);
    await expect(printer.launch()).rejects.toThrow(/interrupted/); // closed: nothing starts any more
    expect(printer.state.launches).toBe(0);
  });

  // One printer through its life, step by step (each launch costs seconds of CPU): the steps depend on
  // each other's order, as a real printer's life does.
  describe('from first print to close', () => {
    const printer = createPrinter();
    afterAll(() => printer.close());

    it('shares one launch between launch() and concurrent first prints', async () => {
      const [, ...results] = await Promise.all([printer.launch(), printer.print(html, job), printer.print(html, job), printer.print(html, job)]);
      expect(printer.state.launches).toBe(1);
      expect(results.map((r) => r.pages)).toEqual([1, 1, 1]);
    });

    it('relaunches after the browser dies, and cleans up after the dead one', async () => {
      const first = await printer.print(html, job);
      const { pid, userDataDir } = printer.state;
      // Chrome's singleton socket lives in a folder of its own in TMPDIR, which a killed browser cannot remove
      // (the headless shell makes none).
      const socketDir = existsSync(join(userDataDir!, 'SingletonSocket')) ? dirname(readlinkSync(join(userDataDir!, 'SingletonSocket'))) : undefined;
      if (socketDir !== undefined) {
        expect(existsSync(socketDir)).toBe(true);
        // Killed as it shut down (a close() that timed out under load): it had removed the profile's link to that
        // folder, its first step, but not yet the folder.
        unlinkSync(join(userDataDir!, 'SingletonSocket'));
      }
      const helpers = liveProcessesUsing(userDataDir!);
      expect(helpers.length).toBeGreaterThan(1); // zygotes, renderers, GPU and network processes
      process.kill(pid!, 'SIGKILL');
      // Wait until the printer noticed the disconnect (it drops the browser from its state).
      await until(() => printer.state.pid !== pid, 5_000);

      const second = await printer.print(html, job);
      expect(printer.state.launches).toBe(2);
      expect(printer.state.pid).not.toBe(pid);
      // Same input, another browser process: still the same bytes.
      expect(Buffer.from(second.pdf).equals(Buffer.from(first.pdf))).toBe(true);
      await until(() => !existsSync(userDataDir!), 5_000);
      expect(existsSync(userDataDir!)).toBe(false);
      if (socketDir !== undefined) expect(existsSync(socketDir)).toBe(false);
      // The killed browser's helpers did not survive it.
      expect(helpers.filter(isAlive)).toEqual([]);
      expect(liveProcessesUsing(userDataDir!)).toEqual([]);
    });

    it('close() leaves no browser process and no profile directory', async () => {
      const { pid, userDataDir } = printer.state;
      expect(pid).toBeTypeOf('number');
      expect(existsSync(userDataDir!)).toBe(true);
      const helpers = liveProcessesUsing(userDataDir!);
      expect(helpers).toContain(pid);
      expect(helpers.length).toBeGreaterThan(1); // zygotes, renderers, GPU and network processes

      await printer.close();
      expect(isAlive(pid!)).toBe(false);
      expect(helpers.filter(isAlive)).toEqual([]);
      expect(liveProcessesUsing(userDataDir!)).toEqual([]);
      expect(existsSync(userDataDir!)).toBe(false);
      expect(printer.state.pid).toBeUndefined();

      const error = await rejection(printer.print(html, job));
      expect(error.exitCode).toBe(EXIT.render); // interrupted: a print after close is what Ctrl-C mid-build looks like
    });
  });

  it('launches with no page open (the blank tab closed), and disposes once however often asked, leaving no exit handler behind', async () => {
    const exitHandlers = process.listenerCount('exit');
    const launched = await launchBrowser(await findBrowser({}), { timeoutMs: 30_000 });
    try {
      // Chromium's blank tab holds a renderer for the whole run: every print opens a page of its own.
      expect(await launched.browser.pages()).toEqual([]);
    } finally {
      await Promise.all([launched.dispose(), launched.dispose()]);
    }
    // A long-lived process (a watch, the worker) launches again and again: each browser's handler goes with it.
    expect(process.listenerCount('exit')).toBe(exitHandlers);
    expect(isAlive(launched.pid!)).toBe(false);
    expect(existsSync(launched.userDataDir)).toBe(false);
  });

  it('leaves no browser and no profile when the process exits without closing it (an uncaught error, process.exit)', async () => {
    // A private TMPDIR, for the child's profile and processes.
    const privateTmp = tempDir('printer-exit-test-');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      import { launchBrowser } from './src/print/launch-browser.ts';
      import { findBrowser } from './src/print/find-browser.ts';
      const launched = await launchBrowser(await findBrowser({}), { timeoutMs: 30_000 });
      console.log(JSON.stringify({ pid: launched.pid, userDataDir: launched.userDataDir }));
      process.exit(3);`], { env: { ...process.env, TMPDIR: privateTmp }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => { out += chunk; });
    const [code] = await once(child, 'exit');
    expect(code).toBe(3);
    const { pid, userDataDir } = JSON.parse(out) as { pid: number; userDataDir: string };
    expect(userDataDir.startsWith(privateTmp)).toBe(true);
    expect(await until(() => liveProcessesUsing(privateTmp).length === 0, 2_000), 'browser processes left running').toBe(true);
    expect(isAlive(pid)).toBe(false);
    // tsx's compile cache aside (tsx-<uid>), nothing: the profile went with the process.
    expect(readdirSync(privateTmp).filter((name) => !/^tsx-\d+$/.test(name))).toEqual([]);
  });

  it('closes a browser that is still starting when close() comes: no process and no profile left', async () => {
    // A private TMPDIR makes this test's profile dir and processes recognisable among any others.
    const privateTmp = tempDir('printer-close-launching-test-');
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = privateTmp;
    try {
      const printer = createPrinter();
      const launching = printer.launch();
      await printer.close(); // as a signal's close() does while the build starts the browser
      await launching;
      expect(printer.state.launches).toBe(1);
      expect(printer.state.pid).toBeUndefined();
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    }
    expect(await until(() => liveProcessesUsing(privateTmp).length === 0, 2_000), 'browser processes left running').toBe(true);
    expect(readdirSync(privateTmp)).toEqual([]);
  });

  it('turns a browser that will not start into a browser-not-found error naming it', async () => {
    const fake = join(tempDir('not-a-browser-'), 'chrome');
    writeFileSync(fake, '#!/bin/sh\necho "this is not a browser" >&2\nexit 3\n');
    chmodSync(fake, 0o755);
    await using printer = createPrinter({ executablePath: fake, timeoutMs: 10_000 });
    const error = await rejection(printer.print(html, job));
    expect(error.exitCode).toBe(EXIT.browserNotFound);
    expect(error.message).toContain(fake);
    expect(error.message).toContain('this is not a browser'); // what the file printed for --version
    expect(error.cause).toBeInstanceOf(Error);
    // A failed launch is not remembered: the next print tries again (the user may have fixed the file meanwhile).
    expect(printer.state.launches).toBe(1);
    expect((await rejection(printer.print(html, job))).exitCode).toBe(EXIT.browserNotFound);
    expect(printer.state.launches).toBe(2);
  });

  it('turns a browser launch that times out into a render error naming the browser, and leaves nothing behind', async () => {
    // 1 ms is always too short to start a browser, so this is the launch timeout; test/print/print-timeout.test.ts
    // covers a timeout while printing, which a real browser cannot be made to hit reliably.
    const { path } = await findBrowser({});
    // A private TMPDIR makes this test's profile dir and processes recognisable among any others.
    const privateTmp = tempDir('printer-timeout-test-');
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = privateTmp;
    try {
      await using printer = createPrinter({ timeoutMs: 1 });
      const error = await rejection(printer.print(html, job));
      expect(error.exitCode).toBe(EXIT.render);
      expect(error.message).toMatch(new RegExp(
        `^The browser ${escapeRegExp(path)} \\(found via [^)]+\\) timed out after 0\\.001 s while starting\\. ` +
          'The machine may be overloaded; try again, or give it longer with --timeout SECONDS or BRIEFING_TIMEOUT \\(60 by default; with --redis, the worker\'s --timeout\\)\\.$',
      ));
      // Puppeteer's words (its "protocolTimeout" setting, which nobody running briefing can set) stay in the cause.
      expect(error.message).not.toMatch(/protocolTimeout|Timed out after waiting/);
      // Puppeteer's launch timeout, or the protocol timeout (2 ms here) of a call made while launching.
      expect(error.cause).toMatchObject({ name: expect.stringMatching(/^(TimeoutError|ProtocolError)$/), message: expect.stringMatching(/timed out/i) });
      expect(printer.state.launches).toBe(1);
      expect(printer.state.pid).toBeUndefined();
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    }
    expect(readdirSync(privateTmp)).toEqual([]);
    await until(() => liveProcessesUsing(privateTmp).length === 0, 2_000);
    expect(liveProcessesUsing(privateTmp)).toEqual([]);
  });
});
