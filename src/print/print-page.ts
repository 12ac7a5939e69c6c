import type { Page } from 'puppeteer-core';
import type { PageSize } from '../config.ts';
import { DOCUMENT_URL, serveDocument, type LoadedDocument, type PrintAsset } from './serve-document.ts';

/** How to print one document on a page. */
export interface PageJob {
  pageSize: PageSize;
  /**
   * With bookmarks (from h1-h6) and the structure tree (for screen readers and text extraction): the real
   * thing. Without, a draft: laid out as the real thing but nothing painted, only where pages and anchors land.
   */
  tagged: boolean;
  timeoutMs: number;
  /** Text the page margins print (@page margin boxes): the faces it needs are loaded before printing. */
  marginText?: string;
}

/**
 * Loads `html` into a fresh `page`, cut off from files and network (serve-document.ts), and prints it: Chromium's own
 * PDF. Give it the document with its embedded fonts served as assets (servedFonts), and those assets.
 */
export async function printPage(page: Page, html: string, assets: Record<string, PrintAsset>, job: PageJob): Promise<{ raw: Uint8Array; blocked: string[]; loaded: LoadedDocument }> {
  const loaded = await serveDocument(page, job.tagged ? html : unpainted(html), assets);
  const response = await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout: job.timeoutMs });
  if (!response?.ok()) throw new Error(`loading the document failed (HTTP ${response?.status() ?? 'no response'})`);
  await loadMarginFaces(page, job);
  return { raw: await pdfOf(page, job), blocked: sorted(loaded.blocked), loaded };
}

/**
 * Prints another document on a page a print left loaded (printPage, or this): the same as loading it afresh on a
 * page of its own, in half the time. `parts` must have that document's key (splitDocument). Its <html> and <body>
 * attributes, its head but for the http-equiv metas (the key's: a policy, once read, holds for the page's life) and
 * its body are swapped in, and the page serves its assets (the page keeps what it loaded by URL: the same name must
 * be the same bytes, the printer's to check). The fonts earlier documents loaded stay decoded: a face the new text needs is loaded when
 * pdf() waits for the fonts (document.fonts.ready lays the document out first), the margins' as printPage does.
 */
export async function reprintPage(page: Page, parts: DocumentParts, loaded: LoadedDocument, assets: Record<string, PrintAsset>, job: PageJob): Promise<{ raw: Uint8Array; blocked: string[] }> {
  loaded.assets = { ...assets };
  const head = job.tagged ? parts.head : parts.head + DRAFT_STYLE;
  await page.evaluate(`(${SWAP_DOCUMENT})(${JSON.stringify({ tags: parts.tags, head, body: parts.body })})`);
  await loadMarginFaces(page, job);
  return { raw: await pdfOf(page, job), blocked: sorted(loaded.blocked) };
}

/**
 * Chromium loads a face when it lays out text that needs it, and text only the page margins print (a running
 * head in Chinese when the body sets those characters only in bold) would print blank, its face still
 * loading: the faces that cover the margins' text are loaded first. Evaluated through CDP, with the page's
 * scripts off (no callbacks from Blink, such as FontFaceSet.forEach's, run then; iterators and builtins do).
 */
async function loadMarginFaces(page: Page, job: PageJob): Promise<void> {
  if (job.marginText) await page.evaluate(`(${LOAD_FACES_FOR})(${JSON.stringify(job.marginText)})`);
}

/**
 * Swaps a document into the page: the attributes of <html> and <body> (parsed from their start tags), the head's
 * content and the body's. Written as text, as LOAD_FACES_FOR is.
 */
const SWAP_DOCUMENT = `(parts) => {
  const parsed = new DOMParser().parseFromString(parts.tags, 'text/html');
  for (const [from, to] of [[parsed.documentElement, document.documentElement], [parsed.body, document.body]]) {
    for (const { name } of Array.from(to.attributes)) to.removeAttribute(name);
    for (const { name, value } of Array.from(from.attributes)) to.setAttribute(name, value);
  }
  document.head.innerHTML = parts.head;
  document.body.innerHTML = parts.body;
}`;

/** Sorted: requests are refused in whatever order they arrive, and a build's warnings should not vary with it. */
function sorted(blocked: string[]): string[] {
  return [...blocked].sort();
}

/** Chromium's PDF of the document on `page`. */
function pdfOf(page: Page, job: PageJob): Promise<Uint8Array> {
  return page.pdf({
    // Chromium snaps the paper to its own device grid: A4 comes out 595.92 x 841.92 pt (ISO: 595.28 x
    // 841.89) whether given as 'A4' or as 210 x 297 mm; Letter is exact.
    format: job.pageSize,
    printBackground: true,
    // Paper size comes from the job; margins and margin boxes come from the HTML's @page rules
    // (Puppeteer's margins default to 0 and CSS @page margins take precedence over them).
    preferCSSPageSize: false,
    displayHeaderFooter: false,
    // Untagged and without bookmarks (a draft), Chromium prints in half the time and a third of the
    // bytes; the named destinations (the anchors) come either way.
    outline: job.tagged,
    tagged: job.tagged,
    waitForFonts: true, // document.fonts.ready, evaluated through CDP so it works with scripts off
    timeout: job.timeoutMs,
  });
}

/**
 * A document as a loaded page takes it in (reprintPage). Two documents with the same key can be swapped for each
 * other: everything else is swapped.
 */
export interface DocumentParts {
  /** What stays with the page: the doctype (quirks or standards mode), the <head> tag and the http-equiv metas (a Content-Security-Policy). */
  key: string;
  /** The <html> and <body> start tags, for their attributes. */
  tags: string;
  /** The head's elements in order, but for the http-equiv metas. */
  head: string;
  /** The body's content. */
  body: string;
}

/**
 * A document split for swapping (DocumentParts): undefined unless it has exactly one <body> and one </body>, a head
 * of nothing but what a head may hold (so the HTML parser leaves it there: style, title, script, meta, link, base
 * and comments), a doctype (if any) before anything but comments, and nothing after </body> but </html> (the parser
 * would move it into the body, where a swap would lose it); and unless it loads nothing but fonts and data: URL images (below). A
 * document of any other shape is loaded afresh each time.
 */
export function splitDocument(html: string): DocumentParts | undefined {
  const opens = [...html.matchAll(new RegExp(`<body\\b${TAG_REST}`, 'gi'))];
  const close = html.indexOf('</body>');
  if (opens.length !== 1 || close < 0 || close !== html.lastIndexOf('</body>')) return undefined;
  const open = opens[0]!;
  const start = open.index! + open[0].length;
  if (close < start || !/^<\/body>[\t\n\f\r ]*(<\/html>[\t\n\f\r ]*)?$/i.test(html.slice(close))) return undefined;
  const key: string[] = [];
  const head: string[] = [];
  let htmlTag = '';
  let before = true; // nothing but comments and space yet: a doctype after anything else means quirks mode
  const text = html.slice(0, open.index!);
  const token = new RegExp(HEAD_TOKEN.source, 'giy');
  while (token.lastIndex < text.length) {
    const match = token.exec(text);
    if (match === null) return undefined;
    const [part] = match;
    if (/^[\t\n\f\r ]|^<!--/.test(part)) continue;
    const doctype = /^<!doctype/i.test(part);
    if (doctype && !before) return undefined;
    before = false;
    if (/^<html\b/i.test(part)) htmlTag = part;
    else if (doctype || /^<\/?head\b|^<\/html\b/i.test(part) || /^<meta\b[^>]*\bhttp-equiv\s*=/i.test(part)) key.push(part);
    else head.push(part);
  }
  const parts = { key: key.join('\n'), tags: htmlTag + open[0], head: head.join('\n'), body: html.slice(start, close) };
  return loadsOnlyFontsAndDataImages(`${parts.head}\n${parts.tags}\n${parts.body}`) ? parts : undefined;
}

/**
 * True when a document loads nothing but fonts and images that are data: URLs (a theme's logo: an <img> on the
 * cover, a url() in a running head's style). A page loading a document waits for what it loads (its load event); a
 * swap has no such event, and printing waits only for the fonts (document.fonts.ready). Chromium takes a data: URL's
 * image in at once, as the element or style naming it is read, and a print decodes what it draws: a swapped document
 * prints its own images (printer.test.ts compares the bytes with a fresh page's). Anything fetched, a lazy <img> or
 * one chosen from a srcset, <picture>, an SVG <image> in the page, media, frames, a stylesheet link or @import: the
 * document is loaded afresh.
 */
function loadsOnlyFontsAndDataImages(text: string): boolean {
  if (/<(image|picture|video|audio|object|embed|iframe|frame|input|svg:image)\b|<link\b[^>]*\bstylesheet\b|@import\b/i.test(text)) return false;
  for (const [img] of text.matchAll(new RegExp(`<img\\b${TAG_REST}`, 'gi'))) {
    // Read as the HTML parser reads attributes: a " src=" inside another attribute's value is no src.
    const attributes = new Map<string, string>();
    for (const [, name, double, single, bare] of img.slice(4).matchAll(ATTRIBUTE)) if (!attributes.has(name!.toLowerCase())) attributes.set(name!.toLowerCase(), double ?? single ?? bare ?? '');
    if (!/^data:image\//i.test(attributes.get('src') ?? '') || attributes.has('srcset') || attributes.has('loading')) return false;
  }
  const css = text.replace(/@font-face\s*\{[^}]*\}/gi, '');
  const urls = [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi)];
  // Every url( read (one the pattern cannot read, with an escaped quote, say, leaves the document to a page of its
  // own), and each a data: image or url(#clip), a reference inside the page.
  return urls.length === (css.match(/url\(/gi) ?? []).length && urls.every((url) => /^(#|data:image\/)/i.test(url[1] ?? url[2] ?? url[3] ?? ''));
}

/** An attribute of a start tag, as the HTML parser splits them: its name, and its value double-, single- or unquoted. */
const ATTRIBUTE = /[\s/]*([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g;

/** The rest of a start tag after its name: attributes, whose quoted values may hold a ">", and the ">". */
const TAG_REST = String.raw`(?:[^>"']|"[^"]*"|'[^']*')*>`;

/**
 * What may come before <body>: a comment (ended as the HTML parser ends one: "<!-->", "<!--->", "-->" or "--!>"),
 * an element a head holds (with its content), a doctype, html and head tags, or space (HTML's: no-break space is text).
 */
const HEAD_TOKEN = new RegExp(
  String.raw`<!--(?:-?>|[\s\S]*?--!?>)|<(style|title|script)\b${TAG_REST}[\s\S]*?<\/\1>|<!doctype[^>]*>|<\/?(html|head)\b${TAG_REST}|<(meta|link|base)\b${TAG_REST}|[\t\n\f\r ]+`,
);

/**
 * A draft's style: `visibility: hidden` keeps every box where it is (pages break in the same places, anchors land
 * on the same pages) but paints nothing, and Chromium prints it in two thirds of the time. It goes last in <head>,
 * so it wins over the briefing's.
 */
const DRAFT_STYLE = '<style>*, *::before, *::after { visibility: hidden !important; }</style>';

/**
 * The document with everything hidden (DRAFT_STYLE), the style just before <body> (the parser puts it at the end of
 * the head), or else just before </head>; never in front of a doctype, which would put the page in quirks mode.
 */
function unpainted(html: string): string {
  const body = html.search(/<body\b/i);
  const end = body >= 0 ? body : html.search(/<\/head\s*>/i);
  return end < 0 ? html + DRAFT_STYLE : html.slice(0, end) + DRAFT_STYLE + html.slice(end);
}

/**
 * Loads every face of the document whose unicode-range covers a character of the text given: a script
 * evaluated in the page, written as text (a function would be serialised with whatever helpers the
 * TypeScript loader added to it, which the page does not have).
 */
const LOAD_FACES_FOR = `(text) => {
  const points = Array.from(new Set(Array.from(text, (c) => c.codePointAt(0))));
  const covers = (range) => range.split(',').some((part) => {
    const [lo, hi] = part.trim().replace(/^U\\+/i, '').split('-').map((h) => parseInt(h, 16));
    return points.some((p) => p >= lo && p <= (hi === undefined ? lo : hi));
  });
  const faces = Array.from(document.fonts.values()).filter((face) => covers(face.unicodeRange));
  return Promise.all(faces.map((face) => face.load().catch(() => undefined)));
}`;
