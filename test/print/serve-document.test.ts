/** How the printer serves a document: its embedded fonts as assets, and its body swapped in on the page its draft left. */
import { describe, expect, it } from 'vitest';
import { servedFonts } from '../../src/print/serve-document.ts';
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

  it('leaves a document without embedded fonts as it is', () => {
    const html = '<html><head><style>p { color: red }</style></head><body><p>x</p></body></html>';
    expect(servedFonts(html)).toEqual({ html, fonts: {} });
  });
});

describe('splitDocument', () => {
  it('splits a document where its body\'s content begins and ends, and refuses any other shape', () => {
    expect(splitDocument('<html><head><style>p{}</style></head><body class="b"><p>x</p></body></html>')).toEqual({
      outside: '<html><head><style>p{}</style></head><body class="b"></body></html>',
      body: '<p>x</p>',
    });
    // A second <body> (in a stylesheet's comment, say) or none: not split, so the document is always loaded whole.
    expect(splitDocument('<html><head><style>/* <body> */</style></head><body><p>x</p></body></html>')).toBeUndefined();
    expect(splitDocument('<p>x</p>')).toBeUndefined();
    // Content the HTML parser would move into the body (after </body>, or a paragraph in the head): a swapped body would lose it.
    expect(splitDocument('<html><head></head><body><p>x</p></body>\n<p>DRAFT</p></html>')).toBeUndefined();
    expect(splitDocument('<html><head><p>DRAFT</p></head><body><p>x</p></body></html>')).toBeUndefined();
    expect(splitDocument('<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>T</title><!-- c --></head>\n<body><p>x</p></body>\n</html>\n')?.body).toBe('<p>x</p>');
  });
});
