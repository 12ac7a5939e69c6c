/** The preview's routes: the index, one viewer per briefing, the PDFs the caller named, the client files, the events. */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClientFiles } from './client-files.ts';
import type { EventStreams } from './event-streams.ts';
import { fillTemplate } from './html.ts';
import type { PreviewEntry } from './preview-server.ts';

/** What the routes read: the live state, and where the server listens (for the Host check). */
export interface RequestContext {
  port: number;
  files: ClientFiles;
  streams: EventStreams;
  entry(name: string): PreviewEntry | undefined;
  stateJson(): string;
}

/**
 * Scripts, styles, the pdf.js worker and the PDF fetch from this origin only; no inline script or
 * style, no plugins, forms or framing. pdf.js draws fonts through the FontFace API and images on
 * canvas, which need nothing more.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const COMMON_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const HTML = 'text/html; charset=utf-8';

/** Answers one request. Nothing here maps a URL to a file: PDFs are looked up by briefing name in the state. */
export async function handleRequest(req: IncomingMessage, res: ServerResponse, context: RequestContext): Promise<void> {
  // DNS rebinding: a page on another site that made its host name resolve to 127.0.0.1 still sends that name.
  const host = (req.headers.host ?? '').toLowerCase();
  if (host !== `127.0.0.1:${context.port}` && host !== `localhost:${context.port}`) {
    return send(req, res, 403, 'text/plain; charset=utf-8', 'Forbidden: the preview answers only to 127.0.0.1 and localhost.\n');
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(req, res, 405, 'text/plain; charset=utf-8', 'Method not allowed: the preview is read-only.\n', { Allow: 'GET, HEAD' });
  }
  const path = (req.url ?? '').split('?')[0]!;
  const { files } = context;

  if (path === '/') return send(req, res, 200, HTML, files.index);
  if (path === '/events') {
    if (req.method === 'HEAD') return send(req, res, 200, 'text/event-stream; charset=utf-8', '');
    return context.streams.open(res, { ...COMMON_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8' }, context.stateJson());
  }
  const view = /^\/view\/([^/]+)$/.exec(path);
  if (view) {
    const entry = context.entry(decoded(view[1]!));
    if (entry) return send(req, res, 200, HTML, fillTemplate(files.viewer, { name: entry.name, title: entry.title }));
  }
  const pdf = /^\/pdf\/([^/]+)\.pdf$/.exec(path);
  if (pdf) {
    const entry = context.entry(decoded(pdf[1]!));
    if (entry) return sendPdf(req, res, entry);
  }
  const asset = /^\/assets\/([^/]+)$/.exec(path);
  const file = asset ? files.assets.get(asset[1]!) : undefined;
  if (file) return send(req, res, 200, file.contentType, file.body);
  return send(req, res, 404, 'text/plain; charset=utf-8', 'Not found.\n');
}

/** The PDF as it is on disk now: the caller replaces it whole (deliver/ writes atomically) and then calls update(). */
async function sendPdf(req: IncomingMessage, res: ServerResponse, entry: PreviewEntry): Promise<void> {
  let body: Buffer;
  try {
    body = await readFile(entry.pdf);
  } catch {
    // Gone between a build and the next update(); the page keeps what it shows and tries the next version.
    return send(req, res, 404, 'text/plain; charset=utf-8', 'This briefing\'s PDF cannot be read right now.\n');
  }
  return send(req, res, 200, 'application/pdf', body, { 'Content-Disposition': `inline; filename="${asciiFileName(entry.name)}.pdf"` });
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { ...COMMON_HEADERS, ...extra, 'Content-Type': contentType, 'Content-Length': String(bytes.length) });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/** A path segment decoded; a malformed escape gives a name no briefing has. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

/** A file name safe inside a quoted header value. */
function asciiFileName(name: string): string {
  return name.replace(/[^\w.-]/g, '_');
}
