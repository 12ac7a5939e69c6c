import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'puppeteer-core';
import { BriefingError, EXIT } from '../errors.ts';
import type { PageSize } from '../config.ts';
import { findBrowser, type FoundBrowser } from './find-browser.ts';
import { finishPdf, type PdfMetadata } from './finish-pdf.ts';
import { isTimeout, launchBrowser, type LaunchedBrowser } from './launch-browser.ts';
import { readAnchors } from './read-anchors.ts';
import type { PrintAsset } from './serve-document.ts';
import { printPage, reprintPage, splitDocument, type LoadedDocument } from './print-page.ts';
import { guarded, openPage, withPage } from './with-page.ts';

/** What to print besides the HTML: paper, document information, and in-memory files the HTML may load. */
export interface PrintJob {
  pageSize: PageSize;
  metadata: PdfMetadata;
  /**
   * Served at https://briefing.invalid/assets/<name> (serve-document.ts ASSETS_URL), so e.g. fonts can be referenced
   * instead of inlined. A body is not to change once given: the printer knows a body it was given before by the object.
   */
  assets?: Record<string, PrintAsset>;
  /**
   * The document's headings: as written (`title`) and as drawn (`shown`, badges included). Bookmark
   * titles that Chromium garbled, or took a badge into, are restored from them.
   */
  headings?: Array<{ title: string; shown: string }>;
  /** Text the page margins print (running heads, footers): the faces it needs are loaded before printing. */
  marginText?: string;
}

/** Where a draft's pages and anchors landed: what a contents pass needs, and no PDF to write out by mistake. */
export interface DraftResult {
  pages: number;
  /** Target id of every internal link (<a href="#id">) -> its 1-based page: fill these into the TOC and print again. */
  anchors: Record<string, number>;
  /** URLs the document tried to load and was refused (network, file://, unknown assets), sorted: worth a warning. */
  blocked: string[];
}

/** A printed PDF, finished (metadata, bookmarks, tags, stable IDs), plus what the caller needs to check it. */
export interface PrintResult extends DraftResult {
  pdf: Uint8Array;
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
  /** Pages drafts left loaded for the prints that follow them. */
  heldPages?: number;
}

/** Prints HTML to PDF with one shared headless browser; call close() (or `await using`) when done. */
export interface Printer {
  print(html: string, job: PrintJob): Promise<PrintResult>;
  /**
   * Lays the document out as print() would and tells where its pages and anchors land, without a PDF:
   * printed untagged and without bookmarks, which Chromium does in half the time, and not finished.
   */
  draft(html: string, job: Pick<PrintJob, 'pageSize' | 'assets' | 'marginText'>): Promise<DraftResult>;
  /**
   * Starts the browser now rather than at the first print, so that its start overlaps other work (a
   * build draws its charts meanwhile). Rejects as that first print would; printing retries a failed launch.
   */
  launch(): Promise<void>;
  /**
   * The executable this printer prints with (the one running, else the one a launch would start), found
   * without starting it; undefined when there is none. A build hashes it into each briefing's inputs.
   */
  executable(): Promise<string | undefined>;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
  readonly state: PrinterState;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Pages drafts may leave loaded for their prints: a briefing printing holds one (--jobs at most 4), each some 100-300 MB. */
const MAX_HELD = 4;
/** How long a draft's page waits for its print, ms: a print follows its draft at once. */
const HOLD_MS = 120_000;

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

  /**
   * Pages drafts left loaded, by what their document has outside its body and the assets it is served with (documentKey), oldest
   * first: the print of the same briefing takes one over and swaps its body in (print-page.ts reprintPage)
   * instead of loading the document, its stylesheets and fonts again. At most MAX_HELD; a page whose print
   * never comes (its briefing failed) is closed when newer ones push it out, or with the printer.
   */
  const held: Array<{ key: string; page: Page; browser: Browser; loaded: LoadedDocument; since: number }> = [];
  const release = (entry: (typeof held)[number]) => void entry.page.close().catch(() => {});

  /** Chromium's own PDF of `html` (tagged and bookmarked or not) and the requests it refused. */
  async function printRaw(html: string, job: Pick<PrintJob, 'pageSize' | 'assets' | 'marginText'>, tagged: boolean) {
    if (closed) throw interrupted();
    const launched = await browser();
    if (closed) throw interrupted();
    const pageJob = { ...job, tagged, timeoutMs };
    const split = splitDocument(html);
    const key = split && documentKey(split.outside, job.assets);
    try {
      const at = tagged && key !== undefined ? held.findIndex((h) => h.key === key && h.browser === launched.browser && !h.page.isClosed()) : -1;
      if (at >= 0) {
        const [entry] = held.splice(at, 1);
        try {
          return await guarded(launched.browser, entry!.page, (page) => reprintPage(page, split!.body, entry!.loaded, pageJob));
        } catch (error) {
          // The held page failed (and the browser lives): the document is loaded afresh, as without a draft.
          if (closed || !launched.browser.connected) throw error;
        } finally {
          release(entry!);
        }
      }
      if (tagged || key === undefined) return await withPage(launched.browser, timeoutMs, (page) => printPage(page, html, pageJob));
      // A draft: its page stays loaded for the print that follows it.
      const page = await openPage(launched.browser, timeoutMs);
      try {
        const printed = await guarded(launched.browser, page, (p) => printPage(p, html, pageJob));
        // A page held for a print that never came (its briefing failed, or printed another head) goes when a
        // draft of the same document comes, or after HOLD_MS, or when MAX_HELD newer ones push it out.
        for (let i = held.length - 1; i >= 0; i--) if (held[i]!.key === key || Date.now() - held[i]!.since > HOLD_MS) release(held.splice(i, 1)[0]!);
        held.push({ key, page, browser: launched.browser, loaded: printed.loaded, since: Date.now() });
        while (held.length > MAX_HELD) release(held.shift()!);
        return printed;
      } catch (error) {
        await page.close().catch(() => {});
        throw error;
      }
    } catch (error) {
      // A page that crashed, or a browser gone under it (killed, out of memory): the next print starts a new one.
      throw closed ? interrupted(error) : printError(error, timeoutMs, !launched.browser.connected);
    }
  }

  async function draft(html: string, job: Pick<PrintJob, 'pageSize' | 'assets' | 'marginText'>): Promise<DraftResult> {
    const { raw, blocked } = await printRaw(html, job, false);
    const doc = await PDFDocument.load(raw, { updateMetadata: false });
    return { pages: doc.getPageCount(), anchors: readAnchors(doc), blocked };
  }

  async function print(html: string, job: PrintJob): Promise<PrintResult> {
    const { raw, blocked } = await printRaw(html, job, true);
    // One parse serves both: the anchors and page count are read before finishPdf rewrites the document
    // (it keeps destinations and pages as they are; test/print/finish-pdf.test.ts holds it to that).
    const doc = await PDFDocument.load(raw, { updateMetadata: false });
    const anchors = readAnchors(doc);
    const pages = doc.getPageCount();
    return { pdf: await finishPdf(doc, job.metadata, job.headings), pages, anchors, blocked };
  }

  // Once, however often it is called (a signal's close and the CLI's own in `finally`): every caller
  // waits for the same cleanup, including that of a browser still starting.
  let closing: Promise<void> | undefined;
  function close(): Promise<void> {
    return (closing ??= (async () => {
      closed = true;
      for (const entry of held.splice(0)) release(entry);
      const launching = current;
      current = undefined;
      // A launch in flight is awaited so its browser is closed too rather than orphaned.
      const launched = launching ? await launching.catch(() => undefined) : live;
      live = undefined;
      if (launched) track(launched.dispose());
      await Promise.all([...disposals]);
    })());
  }

  async function launch(): Promise<void> {
    if (closed) throw interrupted();
    await browser();
  }

  async function executable(): Promise<string | undefined> {
    if (live) return live.found.path;
    return findBrowser({ executablePath: opts.executablePath, env: opts.env }).then((found) => found.path, () => undefined);
  }

  return {
    print,
    draft,
    launch,
    executable,
    close,
    [Symbol.asyncDispose]: close,
    get state(): PrinterState {
      return { launches, browser: live?.found, pid: live?.pid, userDataDir: live?.userDataDir, heldPages: held.length };
    },
  };
}

/** The hash of each asset body given, by object: a build gives every print of a briefing the same font files. */
const bodyHashes = new WeakMap<object, string>();

/**
 * What a document loads besides its body, hashed: what it has outside its body and the assets it is served with.
 * Two prints with the same key show the same document but for their bodies (print-page.ts reprintPage).
 */
function documentKey(outside: string, assets: Record<string, PrintAsset> = {}): string {
  const hash = createHash('sha256').update(outside);
  for (const name of Object.keys(assets).sort()) {
    const { body, contentType } = assets[name]!;
    let bodyHash = bodyHashes.get(body);
    if (bodyHash === undefined) bodyHashes.set(body, (bodyHash = createHash('sha256').update(body).digest('hex')));
    hash.update(`\0${name}\0${contentType}\0${bodyHash}`);
  }
  return hash.digest('hex');
}

function interrupted(cause?: unknown): BriefingError {
  return new BriefingError('Printing was interrupted: the printer was closed.', EXIT.render, { cause });
}

/**
 * Classifies a failure during printing; all are render errors, with a hint that fits the kind. A crash
 * (of the page, or of the browser: `browserGone`) is transient: the same print may well succeed again.
 */
function printError(error: unknown, timeoutMs: number, browserGone: boolean): BriefingError {
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
    { cause: error, transient: browserGone || /crashed/.test(detail) },
  );
}
