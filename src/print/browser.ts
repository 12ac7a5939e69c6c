import { PDFDocument } from 'pdf-lib';
import { BriefingError, EXIT } from '../errors.ts';
import type { PageSize } from '../config.ts';
import { findBrowser, type FoundBrowser } from './find-browser.ts';
import { finishPdf, type PdfMetadata } from './finish-pdf.ts';
import { isTimeout, launchBrowser, type LaunchedBrowser } from './launch-browser.ts';
import { readAnchors } from './read-anchors.ts';
import { DOCUMENT_URL, serveDocument, type PrintAsset } from './serve-document.ts';
import { withPage } from './with-page.ts';

/** What to print besides the HTML: paper, document information, and in-memory files the HTML may load. */
export interface PrintJob {
  pageSize: PageSize;
  metadata: PdfMetadata;
  /** Served at https://briefing.invalid/assets/<name>, so e.g. fonts can be referenced instead of inlined. */
  assets?: Record<string, PrintAsset>;
  /** The document's headings as written: bookmark titles that Chromium garbled are restored from them. */
  headings?: string[];
  /**
   * A draft, printed only to learn where the anchors land (the contents pass): the result's `pdf` is
   * Chromium's own, untagged, without bookmarks, our metadata or a stable file ID, which saves most of
   * the printing and post-processing. Never write a draft out.
   */
  draft?: boolean;
}

/** A printed PDF plus what the caller needs to check or improve it. */
export interface PrintResult {
  pdf: Uint8Array;
  pages: number;
  /** Target id of every internal link (<a href="#id">) -> its 1-based page: fill these into the TOC and print again. */
  anchors: Record<string, number>;
  /** URLs the document tried to load and was refused (network, file://, unknown assets): worth a warning. */
  blocked: string[];
}

/** Options of createPrinter: which browser (else findBrowser's search) and how long any one step may take. */
export interface PrinterOptions {
  executablePath?: string;
  /** Limit for launching, loading and printing, each; default 60 s. */
  timeoutMs?: number;
  /** Environment for the browser search (BRIEFING_BROWSER etc.); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Diagnostics: how often a browser was launched and the current one, for tests and the CLI's verbose output. */
export interface PrinterState {
  launches: number;
  browser?: FoundBrowser;
  pid?: number;
  userDataDir?: string;
}

/** Prints HTML to PDF with one shared headless browser; call close() (or `await using`) when done. */
export interface Printer {
  print(html: string, job: PrintJob): Promise<PrintResult>;
  /**
   * Starts the browser now rather than at the first print, so that its start overlaps other work (a
   * build draws its charts meanwhile). Rejects as that first print would; printing retries a failed launch.
   */
  launch(): Promise<void>;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
  readonly state: PrinterState;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Creates a printer. The browser starts on the first print (concurrent first prints share that launch), is
 * reused for every later one, and is started again if it crashed. Nothing runs until print() is called.
 */
export function createPrinter(opts: PrinterOptions = {}): Printer {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let current: Promise<LaunchedBrowser> | undefined;
  let live: LaunchedBrowser | undefined;
  let launches = 0;
  let closed = false;
  const disposals = new Set<Promise<void>>();

  const track = (disposal: Promise<void>) => {
    disposals.add(disposal);
    void disposal.finally(() => disposals.delete(disposal));
  };

  function browser(): Promise<LaunchedBrowser> {
    if (current) return current;
    const launching = (async () => {
      const found = await findBrowser({ executablePath: opts.executablePath, env: opts.env });
      launches++;
      const launched = await launchBrowser(found, { timeoutMs });
      live = launched;
      // A crashed or killed browser is dropped, so the next print starts a new one instead of failing forever.
      launched.browser.once('disconnected', () => {
        if (current === launching) current = undefined;
        if (live === launched) live = undefined;
        track(launched.dispose());
      });
      return launched;
    })();
    current = launching;
    // A failed launch is not remembered either: the next print tries again (maybe the user fixed something).
    launching.catch(() => {
      if (current === launching) current = undefined;
    });
    return launching;
  }

  async function print(html: string, job: PrintJob): Promise<PrintResult> {
    if (closed) throw interrupted();
    const launched = await browser();
    if (closed) throw interrupted();
    let raw: Uint8Array;
    let blocked: string[];
    try {
      ({ raw, blocked } = await withPage(launched.browser, timeoutMs, async (page) => {
        const served = await serveDocument(page, html, job.assets);
        const response = await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout: timeoutMs });
        if (!response?.ok()) throw new Error(`loading the document failed (HTTP ${response?.status() ?? 'no response'})`);
        const pdf = await page.pdf({
          // Chromium snaps the paper to its own device grid: A4 comes out 595.92 x 841.92 pt (ISO: 595.28 x
          // 841.89) whether given as 'A4' or as 210 x 297 mm; Letter is exact.
          format: job.pageSize,
          printBackground: true,
          // Paper size comes from the job; margins and margin boxes come from the HTML's @page rules
          // (Puppeteer's margins default to 0 and CSS @page margins take precedence over them).
          preferCSSPageSize: false,
          displayHeaderFooter: false,
          // Bookmarks from h1-h6, and the structure tree for screen readers and text extraction. A draft
          // needs neither: its named destinations (the anchors) come either way, and without the tree
          // Chromium prints in half the time and a third of the bytes.
          outline: !job.draft,
          tagged: !job.draft,
          waitForFonts: true, // document.fonts.ready, evaluated through CDP so it works with scripts off
          timeout: timeoutMs,
        });
        return { raw: pdf, blocked: [...served.blocked] };
      }));
    } catch (error) {
      throw closed ? interrupted(error) : printError(error, timeoutMs);
    }
    // One parse serves both: the anchors and page count are read before finishPdf rewrites the document
    // (it keeps destinations and pages as they are; test/print/finish-pdf.test.ts holds it to that).
    const doc = await PDFDocument.load(raw, { updateMetadata: false });
    const anchors = readAnchors(doc);
    const pages = doc.getPageCount();
    const pdf = job.draft ? raw : await finishPdf(doc, job.metadata, job.headings);
    return { pdf, pages, anchors, blocked };
  }

  async function close(): Promise<void> {
    closed = true;
    const launching = current;
    current = undefined;
    // A launch in flight is awaited so its browser is closed too rather than orphaned.
    const launched = launching ? await launching.catch(() => undefined) : live;
    live = undefined;
    if (launched) track(launched.dispose());
    await Promise.all([...disposals]);
  }

  async function launch(): Promise<void> {
    if (closed) throw interrupted();
    await browser();
  }

  return {
    print,
    launch,
    close,
    [Symbol.asyncDispose]: close,
    get state(): PrinterState {
      return { launches, browser: live?.found, pid: live?.pid, userDataDir: live?.userDataDir };
    },
  };
}

function interrupted(cause?: unknown): BriefingError {
  return new BriefingError('Printing was interrupted: the printer was closed.', EXIT.render, { cause });
}

/** Classifies a failure during printing; all are render errors, with a hint that fits the kind. */
function printError(error: unknown, timeoutMs: number): BriefingError {
  if (error instanceof BriefingError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (isTimeout(error)) {
    return new BriefingError(
      `Printing the briefing timed out after ${timeoutMs} ms (${detail}). ` +
        'A very large document or an overloaded machine can cause this; try again or raise the timeout.',
      EXIT.render,
      { cause: error },
    );
  }
  return new BriefingError(
    `The browser failed while printing the briefing: ${detail}. Try again; if it keeps failing, ` +
      'try another Chrome/Chromium with BRIEFING_BROWSER=/path/to/chrome.',
    EXIT.render,
    { cause: error },
  );
}
