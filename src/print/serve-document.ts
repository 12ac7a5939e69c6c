import type { HTTPRequest, Page } from 'puppeteer-core';
import { allowingFontsFrom, fontAssetName } from '../fonts.ts';

/** A file the document may load from DOCUMENT_URL + 'assets/<name>' (e.g. a font), served from memory. */
export interface PrintAsset {
  body: Buffer | Uint8Array;
  contentType: string;
}

/**
 * The made-up origin the document is served from. An https origin rather than file:// because request
 * interception never sees file:// loads, and a web origin may not read local files; .invalid never resolves.
 */
export const DOCUMENT_URL = 'https://briefing.invalid/';
/** Where the document finds the assets it is printed with (PrintJob.assets): this URL and the asset's name. */
export const ASSETS_URL = `${DOCUMENT_URL}assets/`;

/** A document loaded on a page: the requests it refused (the list grows while the page lives) and the assets it is served. */
export interface LoadedDocument {
  blocked: string[];
  /** What the page answers at ASSETS_URL; a document swapped in later (print-page.ts reprintPage) adds its own. */
  assets: Record<string, PrintAsset>;
}

/**
 * Prepares `page` to show `html` at DOCUMENT_URL with scripts off and no way out: the document and its assets
 * are answered from memory, data: URLs load, everything else is aborted and its URL recorded in `blocked`.
 * Give it a document with its embedded fonts served as assets (servedFonts) and those assets with the others.
 */
export async function serveDocument(page: Page, html: string, assets: Record<string, PrintAsset> = {}): Promise<LoadedDocument> {
  const loaded: LoadedDocument = { blocked: [], assets: { ...assets } };
  const block = (url: string) => {
    if (!loaded.blocked.includes(url)) loaded.blocked.push(url);
  };

  // The briefing is static; a script in the HTML (e.g. from YAML that slipped through escaping) must not run.
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);

  page.on('request', (request) => {
    // respond()/abort() reject when the page closed meanwhile (e.g. a late favicon request); nothing to do then.
    answer(request, html, loaded.assets, block).catch(() => {});
  });
  // Chromium refuses file:// subresources of an https page before they become requests, so interception never
  // sees them; its console message is the only trace, and it goes into `blocked` like the others.
  page.on('console', (message) => {
    const match = /^Not allowed to load local resource: (\S+)/.exec(message.text());
    if (match) block(match[1]!);
  });
  return loaded;
}

async function answer(
  request: HTTPRequest,
  html: string,
  assets: Record<string, PrintAsset>,
  block: (url: string) => void,
): Promise<void> {
  const url = request.url();
  if (url === DOCUMENT_URL) {
    return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  }
  if (url.startsWith(ASSETS_URL)) {
    const asset = assets[assetName(url)];
    if (asset) return request.respond({ status: 200, contentType: asset.contentType, body: asset.body });
  }
  if (url.startsWith('data:')) return request.continue();
  // Headless Chromium asks for a favicon on its own after load; that is not the document's doing.
  if (url === `${DOCUMENT_URL}favicon.ico`) return request.respond({ status: 404, body: '' });
  block(url);
  return request.abort('blockedbyclient');
}

/** The asset name in an assets URL, without query or fragment and with %-escapes decoded. */
function assetName(url: string): string {
  const path = new URL(url).pathname.slice(new URL(ASSETS_URL).pathname.length);
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** An embedded woff2 font, as render/ writes it in a standalone document (page-css.ts fontCss). */
const EMBEDDED_FONT = /url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g;

/**
 * The document with each font its stylesheets embed as a data: URL replaced by an asset URL (named after its
 * bytes' hash), and those assets: the same bytes, but Chromium then loads only the faces the text uses, where
 * it decodes every data: URL in the stylesheet. (A build gives its fonts as assets already, render/ linking
 * them; this is for HTML given with its fonts embedded.) Its Content-Security-Policy (the built-in template's,
 * allowing fonts from data: URLs) allows these too. Only <style> elements are rewritten: text that reads like such a URL stays as written.
 */
export function servedFonts(html: string): { html: string; fonts: Record<string, PrintAsset> } {
  const fonts: Record<string, PrintAsset> = {};
  const served = html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, (style) => style.replace(EMBEDDED_FONT, (_, base64: string) => {
    const body = Buffer.from(base64, 'base64');
    const name = fontAssetName(body);
    fonts[name] = { body, contentType: 'font/woff2' };
    return `url(${ASSETS_URL}${name})`;
  }));
  if (Object.keys(fonts).length === 0) return { html, fonts };
  // The built-in template's policy gains the assets; a document with any other policy (a theme's own) keeps its
  // fonts embedded, as a policy that refuses them would print the briefing in a fallback font, unsaid.
  const allowed = allowingFontsFrom(served, ASSETS_URL);
  return allowed === undefined ? { html, fonts: {} } : { html: allowed, fonts };
}
