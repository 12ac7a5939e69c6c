import { createHash } from 'node:crypto';
import type { CDPSession, Page, Protocol } from 'puppeteer-core';

/** A file the document may load from DOCUMENT_URL + 'assets/<name>' (e.g. a font), served from memory. */
export interface PrintAsset {
  body: Buffer | Uint8Array;
  contentType: string;
}

/** An asset as the page is answered with it: its bytes in base64, as the DevTools protocol carries them. */
export interface ServedAsset {
  base64: string;
  contentType: string;
}

/**
 * The made-up origin the document is served from. An https origin rather than file:// because request
 * interception never sees file:// loads, and a web origin may not read local files; .invalid never resolves.
 */
export const DOCUMENT_URL = 'https://briefing.invalid/';
const ASSETS_PREFIX = `${DOCUMENT_URL}assets/`;

/**
 * Prepares `page` to show `html` at DOCUMENT_URL with scripts off and no way out: the document and its assets
 * are answered from memory, data: URLs load, everything else is aborted and its URL recorded in `blocked`.
 * Fonts the document embeds as data: URLs are served as assets instead (servedFonts): the same bytes, but
 * Chromium then loads only the faces the text uses, where it decodes every data: URL in the stylesheet.
 * Requests are answered through the DevTools protocol's Fetch domain on a session of our own rather than
 * Puppeteer's request interception, which encodes every body it answers with to base64 again, in
 * JavaScript: the fonts are in base64 in the HTML already, and go to the page as they are.
 */
export async function serveDocument(
  page: Page,
  source: string,
  given: Record<string, PrintAsset> = {},
): Promise<{ blocked: string[] }> {
  const { html, fonts } = servedFonts(source);
  const assets: Record<string, ServedAsset> = { ...fonts };
  for (const [name, { body, contentType }] of Object.entries(given)) assets[name] = { base64: Buffer.from(body).toString('base64'), contentType };
  const document: ServedAsset = { base64: Buffer.from(html).toString('base64'), contentType: 'text/html; charset=utf-8' };
  const blocked: string[] = [];
  const block = (url: string) => {
    if (!blocked.includes(url)) blocked.push(url);
  };

  // The briefing is static; a script in the HTML (e.g. from YAML that slipped through escaping) must not run.
  await page.setJavaScriptEnabled(false);
  // Every request the page makes pauses until answered (the session goes with the page).
  const session = await page.createCDPSession();
  session.on('Fetch.requestPaused', (event: Protocol.Fetch.RequestPausedEvent) => {
    // Answering fails when the page closed meanwhile (e.g. a late favicon request); nothing to do then.
    answer(session, event, document, assets, block).catch(() => {});
  });
  await session.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  // Chromium refuses file:// subresources of an https page before they become requests, so interception never
  // sees them; its console message is the only trace, and it goes into `blocked` like the others.
  page.on('console', (message) => {
    const match = /^Not allowed to load local resource: (\S+)/.exec(message.text());
    if (match) block(match[1]!);
  });
  return { blocked };
}

async function answer(
  session: CDPSession,
  { requestId, request: { url } }: Protocol.Fetch.RequestPausedEvent,
  document: ServedAsset,
  assets: Record<string, ServedAsset>,
  block: (url: string) => void,
): Promise<void> {
  const respond = (status: number, asset?: ServedAsset) => session.send('Fetch.fulfillRequest', {
    requestId,
    responseCode: status,
    responseHeaders: asset ? [{ name: 'Content-Type', value: asset.contentType }] : [],
    body: asset?.base64 ?? '',
  });
  if (url === DOCUMENT_URL) return void (await respond(200, document));
  if (url.startsWith(ASSETS_PREFIX)) {
    const asset = assets[assetName(url)];
    if (asset) return void (await respond(200, asset));
  }
  if (url.startsWith('data:')) return void (await session.send('Fetch.continueRequest', { requestId }));
  // Headless Chromium asks for a favicon on its own after load; that is not the document's doing.
  if (url === `${DOCUMENT_URL}favicon.ico`) return void (await respond(404));
  block(url);
  await session.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
}

/** The asset name in an assets URL, without query or fragment and with %-escapes decoded. */
function assetName(url: string): string {
  const path = new URL(url).pathname.slice(new URL(ASSETS_PREFIX).pathname.length);
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** An embedded woff2 font, as render/ writes it (page-css.ts fontCss). */
const EMBEDDED_FONT = /url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g;

/**
 * The document with each font its stylesheets embed as a data: URL replaced by an asset URL (named after its
 * bytes' hash), and those assets; its Content-Security-Policy (the one render/ writes, allowing fonts from data:
 * URLs) allows these too. Only <style> elements are rewritten: text that reads like such a URL stays as written.
 * Each is named after the hash of its base64 text: the same bytes, the same name.
 */
export function servedFonts(html: string): { html: string; fonts: Record<string, ServedAsset> } {
  const fonts: Record<string, ServedAsset> = {};
  const served = html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, (style) => style.replace(EMBEDDED_FONT, (_, base64: string) => {
    const name = `font-${createHash('sha256').update(base64).digest('hex').slice(0, 16)}.woff2`;
    fonts[name] = { base64, contentType: 'font/woff2' };
    return `url(${ASSETS_PREFIX}${name})`;
  }));
  if (Object.keys(fonts).length === 0) return { html, fonts };
  // The policy render/ writes gains the assets; a document with any other policy (a theme's own) keeps its
  // fonts embedded, as a policy that refuses them would print the briefing in a fallback font, unsaid.
  const policies = html.match(/Content-Security-Policy/gi)?.length ?? 0;
  if (policies === 0) return { html: served, fonts };
  const ours = /(<meta http-equiv="Content-Security-Policy" content="[^"]*font-src data:)([;"])/;
  if (policies !== 1 || !ours.test(served)) return { html, fonts: {} };
  return { html: served.replace(ours, `$1 ${ASSETS_PREFIX}$2`), fonts };
}
