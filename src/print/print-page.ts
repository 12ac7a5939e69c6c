import type { Page } from 'puppeteer-core';
import type { PageSize } from '../config.ts';
import { DOCUMENT_URL, serveDocument, type PrintAsset } from './serve-document.ts';

/** How to print one document on a page. */
export interface PageJob {
  pageSize: PageSize;
  assets?: Record<string, PrintAsset>;
  /**
   * With bookmarks (from h1-h6) and the structure tree (for screen readers and text extraction): the real
   * thing. Without, a draft: laid out as the real thing but nothing painted, only where pages and anchors land.
   */
  tagged: boolean;
  timeoutMs: number;
  /** Text the page margins print (@page margin boxes): the faces it needs are loaded before printing. */
  marginText?: string;
}

/** A document loaded on a page: the requests it made that were refused (the list grows while the page lives). */
export interface LoadedDocument {
  blocked: string[];
}

/** Loads `html` into `page`, cut off from files and network (serve-document.ts), and prints it: Chromium's own PDF. */
export async function printPage(page: Page, html: string, job: PageJob): Promise<{ raw: Uint8Array; blocked: string[]; loaded: LoadedDocument }> {
  const loaded = await serveDocument(page, job.tagged ? html : unpainted(html), job.assets);
  const response = await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout: job.timeoutMs });
  if (!response?.ok()) throw new Error(`loading the document failed (HTTP ${response?.status() ?? 'no response'})`);
  // Chromium loads a face when it lays out text that needs it, and text only the page margins print (a running
  // head in Chinese when the body sets those characters only in bold) would print blank, its face still
  // loading: the faces that cover the margins' text are loaded first. Evaluated through CDP, with the page's
  // scripts off (no callbacks from Blink, such as FontFaceSet.forEach's, run then; iterators and builtins do).
  if (job.marginText) await page.evaluate(`(${LOAD_FACES_FOR})(${JSON.stringify(job.marginText)})`);
  return { raw: await pdfOf(page, job), blocked: sorted(loaded.blocked), loaded };
}

/**
 * Prints the document a draft left on `page` as the real thing, with `body` (the inner HTML of its <body>) in
 * place of the draft's: for a briefing whose every pass has the same head (stylesheets, fonts, page rules),
 * this is the same document as loading it afresh, without loading and decoding its fonts and styles again.
 */
export async function reprintPage(page: Page, body: string, loaded: LoadedDocument, job: PageJob): Promise<{ raw: Uint8Array; blocked: string[] }> {
  await page.evaluate(`document.getElementById(${JSON.stringify(DRAFT_STYLE_ID)})?.remove(); document.body.innerHTML = ${JSON.stringify(body)};`);
  return { raw: await pdfOf(page, job), blocked: sorted(loaded.blocked) };
}

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
 * A document split where its body's content begins and ends: undefined unless it has exactly one <body>
 * and one </body> around a plain head (anything else is not split, and is loaded afresh each time).
 */
export function splitDocument(html: string): { outside: string; body: string } | undefined {
  const open = /<body\b[^>]*>/gi;
  const opens = [...html.matchAll(open)];
  const close = html.indexOf('</body>');
  if (opens.length !== 1 || close < 0 || close !== html.lastIndexOf('</body>')) return undefined;
  const start = opens[0]!.index! + opens[0]![0].length;
  if (close < start || !plainShell(html.slice(0, opens[0]!.index!), html.slice(close))) return undefined;
  return { outside: html.slice(0, start) + html.slice(close), body: html.slice(start, close) };
}

/**
 * True when what comes before <body> holds only what a head may (so the HTML parser leaves it there) and
 * nothing but </html> follows </body> (anything else the parser would move into the body, where a swapped
 * body would lose it).
 */
function plainShell(before: string, after: string): boolean {
  if (!/^<\/body>\s*(<\/html>\s*)?$/i.test(after)) return false;
  const rest = before
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|title|script)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<!doctype[^>]*>|<\/?(html|head)\b[^>]*>|<(meta|link|base)\b[^>]*>/gi, '');
  return rest.trim() === '';
}

const DRAFT_STYLE_ID = 'briefing-draft-unpainted';

/**
 * The document with everything hidden: `visibility: hidden` keeps every box where it is (pages break in the same
 * places, anchors land on the same pages) but paints nothing, and Chromium prints it in two thirds of the time.
 * Our own style goes last in <head>, so it wins over the briefing's.
 */
function unpainted(html: string): string {
  const end = html.indexOf('</head>');
  const style = `<style id="${DRAFT_STYLE_ID}">*, *::before, *::after { visibility: hidden !important; }</style>`;
  return end < 0 ? style + html : html.slice(0, end) + style + html.slice(end);
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
