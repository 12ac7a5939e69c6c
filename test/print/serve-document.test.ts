/** How the printer serves a document: its embedded fonts as assets, and swapped into a page an earlier print left loaded. */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { serveDocument, servedFonts } from '../../src/print/serve-document.ts';
import { splitDocument } from '../../src/print/print-page.ts';

const FONT = Buffer.from('wOF2 not really a font').toString('base64');

describe('servedFonts', () => {
  it('serves each font a stylesheet embeds from an asset URL, allowed by the document\'s policy, and leaves text alone', () => {
    const text = `<p>Write url(data:font/woff2;base64,${FONT}) to embed a font.</p>`;
    const html = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; font-src data:; img-src data:"><style>@font-face { src: url(data:font/woff2;base64,${FONT}) format('woff2'); } @font-face { src: url(data:font/woff2;base64,${FONT}); }</style></head><body>${text}</body></html>`;
    const { html: served, fonts } = servedFonts(html);
    const names = Object.keys(fonts);
    expect(names).toHaveLength(1); // the same bytes twice: one asset
    expect(names[0]).toMatch(/^font-[0-9a-f]{16}\.woff2$/);
    expect(Buffer.from(fonts[names[0]!]!.body).toString()).toBe('wOF2 not really a font');
    expect(served.match(new RegExp(`url\\(https://briefing\\.invalid/assets/${names[0]}\\)`, 'g'))).toHaveLength(2);
    expect(served).toContain('font-src data: https://briefing.invalid/assets/;');
    expect(served).toContain(text); // the body's text is printed as written
  });

  it('keeps the fonts embedded under a policy it does not know (a theme\'s own), which could refuse the assets', () => {
    const html = `<html><head><meta content="default-src 'none'; font-src data:" http-equiv="Content-Security-Policy"><style>@font-face { src: url(data:font/woff2;base64,${FONT}); }</style></head><body></body></html>`;
    expect(servedFonts(html)).toEqual({ html, fonts: {} });
  });

  it('keeps the fonts embedded in a document with a second policy besides the template\'s, which could refuse the assets', () => {
    // Chromium enforces every policy a document sets: the template's, extended, would allow the assets, and a theme's would not.
    const html = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; font-src data:; img-src data:"><meta http-equiv="Content-Security-Policy" content="font-src data:"><style>@font-face { src: url(data:font/woff2;base64,${FONT}); }</style></head><body></body></html>`;
    expect(servedFonts(html)).toEqual({ html, fonts: {} });
  });

  it('serves the fonts of a document that sets no policy (a theme\'s own template) as assets', () => {
    const html = `<html><head><style>@font-face { src: url(data:font/woff2;base64,${FONT}); }</style></head><body></body></html>`;
    const { html: served, fonts } = servedFonts(html);
    const [name] = Object.keys(fonts);
    expect(served).toBe(`<html><head><style>@font-face { src: url(https://briefing.invalid/assets/${name}); }</style></head><body></body></html>`);
  });

  it('leaves a document without embedded fonts as it is', () => {
    const html = '<html><head><style>p { color: red }</style></head><body><p>x</p></body></html>';
    expect(servedFonts(html)).toEqual({ html, fonts: {} });
  });
});

/** What a page did with each request: answered (status, type, body), let through, or refused. */
type Outcome = { respond: { status: number; contentType?: string; body: string } } | 'continue' | { abort: string };

/** A page as serveDocument uses it, recording its settings and what it did with the requests and console messages given. */
function fakePage() {
  const handlers: Record<string, (event: unknown) => void> = {};
  const settings: Record<string, boolean> = {};
  const page = {
    setJavaScriptEnabled: async (on: boolean) => { settings.javaScript = on; },
    setRequestInterception: async (on: boolean) => { settings.interception = on; },
    on: (event: string, handler: (event: unknown) => void) => { handlers[event] = handler; },
  } as unknown as Page;
  const request = (url: string) => new Promise<Outcome>((resolve) => handlers.request!({
    url: () => url,
    respond: async (r: { status: number; contentType?: string; body: string | Uint8Array }) => resolve({ respond: { ...r, body: Buffer.from(r.body).toString() } }),
    continue: async () => resolve('continue'),
    abort: async (reason: string) => resolve({ abort: reason }),
  }));
  const say = (text: string) => handlers.console!({ text: () => text });
  return { page, settings, request, say };
}

describe('serveDocument', () => {
  it('answers the document and its assets from memory, lets data: URLs load, and refuses and records everything else', async () => {
    const { page, settings, request, say } = fakePage();
    const assets = { 'logo one.svg': { body: Buffer.from('<svg/>'), contentType: 'image/svg+xml' } };
    const loaded = await serveDocument(page, '<p>briefing</p>', assets);
    expect(settings).toEqual({ javaScript: false, interception: true });
    expect(await request('https://briefing.invalid/')).toEqual({ respond: { status: 200, contentType: 'text/html; charset=utf-8', body: '<p>briefing</p>' } });
    // An asset by its name, %-escapes decoded, query and fragment aside.
    expect(await request('https://briefing.invalid/assets/logo%20one.svg?v=2#x')).toEqual({ respond: { status: 200, contentType: 'image/svg+xml', body: '<svg/>' } });
    expect(await request('data:image/png;base64,AAAA')).toBe('continue');
    // The favicon Chromium asks for on its own is no load of the document's: answered, not reported.
    expect(await request('https://briefing.invalid/favicon.ico')).toEqual({ respond: { status: 404, body: '' } });
    for (const url of ['https://example.com/x.png', 'https://briefing.invalid/assets/missing.woff2', 'https://briefing.invalid/other', 'http://127.0.0.1:9/', 'https://example.com/x.png']) {
      expect(await request(url), url).toEqual({ abort: 'blockedbyclient' });
    }
    // Chromium refuses file:// loads before they are requests; its console message is their trace.
    say('Not allowed to load local resource: file:///etc/passwd');
    say('Some other message');
    expect(loaded.blocked).toEqual(['https://example.com/x.png', 'https://briefing.invalid/assets/missing.woff2', 'https://briefing.invalid/other', 'http://127.0.0.1:9/', 'file:///etc/passwd']);
  });
});

describe('splitDocument', () => {
  it('keeps what a loaded page cannot take back (doctype, head tag, http-equiv metas) as its key, and swaps the rest', () => {
    const csp = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">';
    const parts = splitDocument(`<!doctype html>\n<html lang="zh-CN" class="x"><head><meta charset="utf-8">${csp}<title>T</title><!-- c -->\n<style>p{}</style></head>\n<body class="b"><p>x</p></body>\n</html>\n`);
    expect(parts).toEqual({
      key: `<!doctype html>\n<head>\n${csp}\n</head>`,
      tags: '<html lang="zh-CN" class="x"><body class="b">',
      head: '<meta charset="utf-8">\n<title>T</title>\n<style>p{}</style>',
      body: '<p>x</p>',
    });
    // Another briefing of the same shape: the same key, whatever its title, language, styles and body.
    const other = splitDocument(`<!doctype html>\n<html lang="en"><head><meta charset="utf-8">${csp}<title>U</title><style>q{}</style><style>r{}</style></head>\n<body><p>y</p></body></html>`);
    expect(other?.key).toBe(parts!.key);
    // Another policy, or quirks mode: another key.
    expect(splitDocument(`<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="img-src data:"></head><body></body></html>`)?.key).not.toBe(parts!.key);
    expect(splitDocument(`<html><head>${csp}</head><body></body></html>`)?.key).not.toBe(parts!.key);
  });

  it('refuses any other shape: the document is then always loaded whole', () => {
    // A second <body> (in a stylesheet's comment, say) or none.
    expect(splitDocument('<html><head><style>/* <body> */</style></head><body><p>x</p></body></html>')).toBeUndefined();
    expect(splitDocument('<p>x</p>')).toBeUndefined();
    // Content the HTML parser would move into the body (after </body>, or a paragraph in the head): a swapped body would lose it.
    expect(splitDocument('<html><head></head><body><p>x</p></body>\n<p>DRAFT</p></html>')).toBeUndefined();
    expect(splitDocument('<html><head><p>DRAFT</p></head><body><p>x</p></body></html>')).toBeUndefined();
    expect(splitDocument('<html><head>text</head><body><p>x</p></body></html>')).toBeUndefined();
    expect(splitDocument('<html><head><style>p{}</head><body><p>x</p></body></html>')).toBeUndefined();
    // A no-break space is text to the HTML parser: it opens the body there, with what follows in it.
    expect(splitDocument('<html><head><meta charset="utf-8">\u00a0<style>p{}</style></head><body><p>x</p></body></html>')).toBeUndefined();
    expect(splitDocument('<html><head></head><body><p>x</p></body>\u00a0</html>')).toBeUndefined();
    // A doctype after anything but comments: quirks mode, which the key could not tell from standards mode.
    expect(splitDocument('<html lang="en"><!doctype html><head></head><body><p>x</p></body></html>')).toBeUndefined();
  });

  it('reads comments and quoted attributes as the HTML parser does', () => {
    // "<!-->" and "--!>" end a comment: the elements after them are the head's.
    expect(splitDocument('<html><head><!--><style>p{}</style><!-- x --></head><body><p>x</p></body></html>')?.head).toBe('<style>p{}</style>');
    const csp = '<meta http-equiv="Content-Security-Policy" content="img-src data:">';
    expect(splitDocument(`<html><head><!-- a --!>${csp}<!-- b --></head><body></body></html>`)?.key).toContain(csp);
    // A ">" in a quoted attribute value does not end the tag.
    expect(splitDocument('<html data-x="a>b"><head></head><body data-y=\'c>d\' class="e"><p>x</p></body></html>')).toMatchObject({
      tags: '<html data-x="a>b"><body data-y=\'c>d\' class="e">',
      body: '<p>x</p>',
    });
  });

  it('swaps a document whose images are data: URLs, and leaves any other load to a page of its own', () => {
    const doc = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
    const logo = 'data:image/svg+xml;base64,PHN2Zy8+';
    expect(splitDocument(doc('<style>@font-face { src: url(https://briefing.invalid/assets/f.woff2); }</style>', '<svg><rect clip-path="url(#c)"/></svg>'))).toBeDefined();
    // A theme's logo: an <img> on the cover, and in a running head's style; a background image.
    expect(splitDocument(doc(`<style>@page { @top-left { content: url(${logo}) "  Head"; } } .band { background: url('${logo}'); }</style>`, `<img class="cover-logo" src="${logo}" alt="Logo">`))).toBeDefined();
    // Images a swap cannot wait for as a page's load event would: fetched, lazy, chosen from a set, in a picture or in an SVG.
    expect(splitDocument(doc('', '<img src="https://briefing.invalid/assets/logo.png" alt="">'))).toBeUndefined();
    expect(splitDocument(doc('', `<img src="${logo}" loading="lazy" alt="">`))).toBeUndefined();
    expect(splitDocument(doc('', `<img src="${logo}" srcset="${logo} 2x" alt="">`))).toBeUndefined();
    expect(splitDocument(doc('', `<picture><img src="${logo}" alt=""></picture>`))).toBeUndefined();
    expect(splitDocument(doc('', `<svg><image href="${logo}"/></svg>`))).toBeUndefined();
    expect(splitDocument(doc('', `<iframe src="data:text/html,<p>x</p>"></iframe>`))).toBeUndefined();
    expect(splitDocument(doc('', '<p style="background-image: url(x.png)">x</p>'))).toBeUndefined();
    // Attributes read as the HTML parser reads them: " src=data:" inside another value is no src; the first src counts.
    expect(splitDocument(doc('', `<img alt="x src=${logo}" src="https://example.com/a.png">`))).toBeUndefined();
    expect(splitDocument(doc('', `<IMG SRC='${logo}' alt=Logo/>`))).toBeDefined();
    expect(splitDocument(doc('', `<img src="${logo}" src="https://example.com/a.png" alt="">`))).toBeDefined();
    // A url() the pattern cannot read (an escaped quote) is not taken for nothing.
    expect(splitDocument(doc('<style>.a { background: url("https://x/a\\".png"); }</style>', '<p>x</p>'))).toBeUndefined();
    expect(splitDocument(doc('<style>.cover { background: url("data:font/woff2;base64,AAAA"); }</style>', '<p>x</p>'))).toBeUndefined();
    expect(splitDocument(doc('<link rel="stylesheet" href="https://briefing.invalid/assets/s.css">', '<p>x</p>'))).toBeUndefined();
    expect(splitDocument(doc('<style>@import "https://briefing.invalid/assets/s.css";</style>', '<p>x</p>'))).toBeUndefined();
  });
});
