import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { BriefingError, EXIT } from '../errors.ts';
import type { PageSize } from '../config.ts';
import { findBrowser, type FoundBrowser } from './find-browser.ts';
import { finishPdf, type PdfMetadata } from './finish-pdf.ts';
import { isTimeout, launchBrowser, RAISE_TIMEOUT, seconds, type LaunchedBrowser } from './launch-browser.ts';
import { readAnchors } from './read-anchors.ts';
import { type3Pages } from './type3-fonts.ts';
import { servedFonts, type LoadedDocument, type PrintAsset } from './serve-document.ts';
import { printPage, reprintPage, splitDocument } from './print-page.ts';
import { closePage, guarded, openPage, withPage } from './with-page.ts';

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
  /** Pages drawing text in a Type 3 font (type3-fonts.ts), which readers cannot search or copy; none when absent. */
  type3Pages?: number[];
}

/** Options of createPrinter: which browser (else findBrowser's search) and how long any one step may take. */
export interface PrinterOptions {
  executablePath?: string;
  /** Limit for launching, loading and printing, each; default 60 s. */
  timeoutMs?: number;
  /** Environment for the browser search (BRIEFING_BROWSER etc.) and BRIEFING_NO_SANDBOX; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Diagnostics: how often a browser was launched and the current one, for tests and the CLI's verbose output. */
export interface PrinterState {
  launches: number;
  browser?: FoundBrowser;
  pid?: number;
  userDataDir?: string;
  /** Pages prints left loaded for later prints to take over. */
  heldPages?: number;
  /** Pages opened so far (each loads a document afresh; a print on a held page opens none). */
  pagesOpened?: number;
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

/** Pages kept loaded for later prints (at most): a print takes one over at once, each holds some 100-300 MB. */
const MAX_HELD = 4;
/** How long a kept page waits for a print, ms: a batch's next print comes at once, a watch's with the next edit. */
const HOLD_MS = 120_000;
/** Documents one page prints before it is closed: a fresh page now and then keeps a long batch's memory flat. */
const MAX_USES = 50;

/**
 * Every how many documents a page's garbage is collected. What a swapped-out document leaves (its DOM, its layout,
 * its print) Chromium collects when it sees fit, and a page printing one document after another grew to 250-300
 * MB: two such pages took a 1,000-briefing batch past 1.5 GiB (1,621 MB). Collected every 8th document, 240
 * briefings peaked at 1,188 MB (every 16th: 1,294 MB). A collection costs about a third of a print.
 */
const COLLECT_EVERY = 8;

/** Collects the garbage of a page's renderer (V8's and Blink's heaps), without waiting: the page's next print queues behind it. */
function collectGarbage(entry: HeldPage): void {
  entry.session ??= entry.page.createCDPSession();
  entry.session.then((session) => session.send('HeapProfiler.collectGarbage')).catch(() => {});
}

/** A page a print left loaded (createPrinter's `held`). */
interface HeldPage {
  /** The key of the documents it takes (DocumentParts.key). */
  key: string;
  page: Page;
  browser: Browser;
  loaded: LoadedDocument;
  /** The hash of every asset it was served, by name. */
  hashes: Map<string, string>;
  /** Documents it printed. */
  uses: number;
  /** When it was last kept. */
  since: number;
  /** A DevTools session of its own, for collectGarbage. */
  session?: Promise<CDPSession>;
  /** Takes the page out of `held` when its renderer crashes while it waits. */
  onCrash?: () => void;
}

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
      const launched = await launchBrowser(found, { timeoutMs, env: opts.env });
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
   * Pages a print left loaded, oldest first: a later print of a document with the same key (print-page.ts
   * splitDocument) and no asset of the same name with other bytes takes one over and swaps its document in
   * (reprintPage), where opening a page and loading a document, its stylesheets and fonts cost half of a print.
   * A page that was refused a request is not kept (what it blocked would be blamed on the next document), nor
   * one that printed MAX_USES documents; at most MAX_HELD wait, none longer than HOLD_MS.
   */
  const held: HeldPage[] = [];
  let opened = 0;
  const release = (entry: HeldPage) => {
    if (entry.onCrash) entry.page.off('error', entry.onCrash);
    void entry.page.close().catch(() => {});
  };
  const evictStale = () => {
    for (let i = held.length - 1; i >= 0; i--) {
      const entry = held[i]!;
      if (Date.now() - entry.since > HOLD_MS || entry.page.isClosed() || entry.browser !== live?.browser) release(held.splice(i, 1)[0]!);
    }
  };
  /** Keeps a page that printed for the next print to take over; false when it is not to be kept (the caller closes it). */
  const hold = (entry: HeldPage): boolean => {
    if (closed || entry.loaded.blocked.length > 0 || entry.uses >= MAX_USES || !entry.browser.connected) return false;
    entry.since = Date.now();
    // A renderer that dies while its page waits (out of memory, killed) takes the page out: the next print would
    // otherwise wait on it until the protocol timed out.
    entry.onCrash ??= () => {
      const at = held.indexOf(entry);
      if (at >= 0) release(held.splice(at, 1)[0]!);
    };
    entry.page.on('error', entry.onCrash);
    held.push(entry);
    while (held.length > MAX_HELD) release(held.shift()!);
    setTimeout(evictStale, HOLD_MS + 1000).unref();
    return true;
  };

  /** Chromium's own PDF of `html` (tagged and bookmarked or not) and the requests it refused. */
  async function printRaw(html: string, job: Pick<PrintJob, 'pageSize' | 'assets' | 'marginText'>, tagged: boolean) {
    if (closed) throw interrupted();
    const launched = await browser();
    if (closed) throw interrupted();
    const pageJob = { pageSize: job.pageSize, marginText: job.marginText, tagged, timeoutMs };
    const { html: served, fonts } = servedFonts(html);
    const assets = { ...job.assets, ...fonts };
    const parts = splitDocument(served);
    const hashes = assetHashes(assets);
    try {
      evictStale();
      const at = parts === undefined ? -1 : held.findIndex((h) => h.key === parts.key && h.browser === launched.browser && sameBytes(h.hashes, hashes));
      if (at >= 0) {
        const [entry] = held.splice(at, 1) as [HeldPage];
        entry.page.off('error', entry.onCrash!);
        let kept = false;
        try {
          const printed = await guarded(launched.browser, entry.page, (page) => reprintPage(page, parts!, entry.loaded, assets, pageJob));
          for (const [name, hash] of hashes) entry.hashes.set(name, hash);
          if (++entry.uses % COLLECT_EVERY === 0) collectGarbage(entry);
          kept = hold(entry);
          return printed;
        } catch (error) {
          // The held page failed (and the browser lives): the document is loaded afresh, on a page of its own; a
          // print that timed out would most likely time out again, and is reported at once.
          if (closed || !launched.browser.connected || isTimeout(error)) throw error;
        } finally {
          if (!kept) release(entry);
        }
      }
      opened++;
      // A document that cannot be swapped is printed on a page of its own, closed after.
      if (parts === undefined) return await withPage(launched.browser, timeoutMs, (page) => printPage(page, served, assets, pageJob));
      const page = await openPage(launched.browser, timeoutMs);
      let kept = false;
      try {
        const printed = await guarded(launched.browser, page, (p) => printPage(p, served, assets, pageJob));
        kept = hold({ key: parts.key, page, browser: launched.browser, loaded: printed.loaded, hashes, uses: 1, since: 0 });
        return printed;
      } finally {
        if (!kept) await closePage(page, timeoutMs);
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
    const type3 = type3Pages(doc);
    return { pdf: await finishPdf(doc, job.metadata, job.headings), pages, anchors, blocked, ...(type3.length > 0 ? { type3Pages: type3 } : {}) };
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
      return { launches, browser: live?.found, pid: live?.pid, userDataDir: live?.userDataDir, heldPages: held.length, pagesOpened: opened };
    },
  };
}

/** The hash of each asset body given, by object: a build gives every print of a briefing the same font files. */
const bodyHashes = new WeakMap<object, string>();

/** The hash of each asset's body, by name. */
function assetHashes(assets: Record<string, PrintAsset>): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const [name, { body }] of Object.entries(assets)) {
    let hash = bodyHashes.get(body);
    if (hash === undefined) bodyHashes.set(body, (hash = createHash('sha256').update(body).digest('hex')));
    hashes.set(name, hash);
  }
  return hashes;
}

/**
 * True when no asset has another body under the same name: a page keeps what it loaded by URL (a font's decoded
 * face above all), so a document that gives a name other bytes must be loaded on a page of its own.
 */
function sameBytes(served: Map<string, string>, wanted: Map<string, string>): boolean {
  for (const [name, hash] of wanted) if ((served.get(name) ?? hash) !== hash) return false;
  return true;
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
  // Puppeteer's words end a sentence of their own at times ("Session closed. Most likely the page has been closed."):
  // the stop this message puts after them is not doubled.
  const detail = (error instanceof Error ? error.message : String(error)).trim().replace(/\.+$/, '');
  if (isTimeout(error)) {
    // Without Puppeteer's words (kept as the cause): they name its settings, not this tool's.
    return new BriefingError(
      `Printing the briefing timed out after ${seconds(timeoutMs)}. ` +
        `A very large document or an overloaded machine can cause this; try again, or ${RAISE_TIMEOUT}.`,
      EXIT.render,
      { cause: error, kind: 'printing timed out' },
    );
  }
  return new BriefingError(
    `The browser failed while printing the briefing: ${detail}. Try again; if it keeps failing, ` +
      'try another Chrome/Chromium with BRIEFING_BROWSER=/path/to/chrome.',
    EXIT.render,
    { cause: error, ...crashed(browserGone || /crashed/.test(detail)) },
  );
}

/** A browser gone under a print (killed, out of memory) is transient; one that failed otherwise is not. */
function crashed(gone: boolean): { transient: boolean; kind: string } {
  return { transient: gone, kind: gone ? 'the browser crashed while printing' : 'the browser failed while printing' };
}
