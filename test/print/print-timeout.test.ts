/**
 * How the printer classifies a failure while printing (after the browser started), without a
 * browser: launching and the page are replaced by fakes, so the print-phase timeout, which a real
 * browser cannot be made to hit reliably, is reached every time. With the same fakes: what becomes of a
 * page a print left loaded when the next print on it times out or is refused a request.
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ProtocolError, TimeoutError, type Browser, type Page } from 'puppeteer-core';
import { PDFDocument } from 'pdf-lib';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { createPrinter, type PrintJob } from '../../src/print/index.ts';
import * as launching from '../../src/print/launch-browser.ts';
import * as pages from '../../src/print/with-page.ts';
import { until } from '../support/processes.ts';

// Launching and the page work, faked on this worker's copies of their modules (restored after the file).
const fakeBrowser = { once: vi.fn(), off: vi.fn() } as unknown as Browser;
const dispose = vi.fn(async () => {});
const launchBrowser = vi.spyOn(launching, 'launchBrowser').mockImplementation(async (found) => ({ browser: fakeBrowser, found, pid: undefined, userDataDir: '/nonexistent', dispose }));
const withPage = vi.spyOn(pages, 'withPage').mockImplementation(async () => {
  throw new Error('each test says what the page work does');
});
afterAll(() => {
  launchBrowser.mockRestore();
  withPage.mockRestore();
});

const job: PrintJob = { pageSize: 'A4', metadata: { title: 'x' } };
// Any executable file passes the browser search; the fake launch never runs it.
const options = { executablePath: process.execPath, timeoutMs: 1500 };

/** What printing rejects with when the page work fails with `failure`. */
async function printFailure(failure: Error): Promise<BriefingError> {
  withPage.mockRejectedValueOnce(failure);
  await using printer = createPrinter(options);
  const error = await printer.print('<p>x</p>', job).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BriefingError);
  expect(launchBrowser).toHaveBeenCalledTimes(1);
  expect(withPage).toHaveBeenCalledWith(fakeBrowser, 1500, expect.any(Function));
  return error as BriefingError;
}

afterEach(() => {
  vi.clearAllMocks();
});

/** The page work a held page goes through, spied on for one test (opening, closing, and the print itself, guarded). */
const pageSpies: Array<{ mockRestore(): void }> = [];
afterEach(() => {
  for (const spy of pageSpies.splice(0)) spy.mockRestore();
});
function spyOnPages() {
  const spies = { openPage: vi.spyOn(pages, 'openPage'), closePage: vi.spyOn(pages, 'closePage').mockResolvedValue(), guarded: vi.spyOn(pages, 'guarded') };
  pageSpies.push(...Object.values(spies));
  return spies;
}

/** The next launch gives a connected browser, so that a print's page is kept for the next one. */
function connectedBrowser(): void {
  const browser = { once: vi.fn(), off: vi.fn(), connected: true } as unknown as Browser;
  launchBrowser.mockImplementationOnce(async (found) => ({ browser, found, pid: undefined, userDataDir: '/nonexistent', dispose }));
}

/** A PDF of one blank page, as the page work returns it. */
async function onePagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  return doc.save();
}

const HTML = '<!doctype html><html><head><title>x</title></head><body><p>x</p></body></html>';

describe('a failure while printing', () => {
  it('is a render error saying printing timed out, with the limit in seconds and how to raise it, when it is a timeout', async () => {
    const timeout = new TimeoutError('Waiting failed: 1500ms exceeded');
    const error = await printFailure(timeout);
    expect(error.exitCode).toBe(EXIT.render);
    expect(error.message).toBe(
      'Printing the briefing timed out after 1.5 s. A very large document or an overloaded machine can cause this; ' +
        "try again, or give it longer with --timeout SECONDS or BRIEFING_TIMEOUT (60 by default; with --redis, the worker's --timeout).",
    );
    expect(error.cause).toBe(timeout);
    expect(error.kind).toBe('printing timed out'); // the closing line's words: no "render failure", nothing was rendered
    expect(dispose).toHaveBeenCalledTimes(1); // the printer's close() still disposes of the browser
  });

  it('says nothing of Puppeteer\'s settings when a protocol call timed out: no user of this tool can set them', async () => {
    const timeout = new ProtocolError("Page.printToPDF timed out. Increase the 'protocolTimeout' setting in launch/connect calls for a higher timeout if needed.");
    const error = await printFailure(timeout);
    expect(error.exitCode).toBe(EXIT.render);
    expect(error.message).toMatch(/^Printing the briefing timed out after 1\.5 s\. .*--timeout SECONDS or BRIEFING_TIMEOUT/);
    expect(error.message).not.toMatch(/protocolTimeout|launch\/connect|printToPDF/);
    expect(error.cause).toBe(timeout);
  });

  it('is a render error blaming the browser when it is anything else', async () => {
    const crash = new Error('the page crashed: out of memory');
    const error = await printFailure(crash);
    expect(error.exitCode).toBe(EXIT.render);
    expect(error.message).toBe(
      'The browser failed while printing the briefing: the page crashed: out of memory. Try again; if it keeps failing, ' +
        'try another Chrome/Chromium with BRIEFING_BROWSER=/path/to/chrome.',
    );
    expect(error.cause).toBe(crash);
    expect(error.kind).toBe('the browser crashed while printing');
  });

  it('puts one full stop after Puppeteer\'s words when they end in one of their own', async () => {
    // What a page whose browser was killed under it says (a worker trial printed "...has been closed.. Try again").
    const closed = new ProtocolError('Protocol error (Emulation.setScriptExecutionDisabled): Session closed. Most likely the page has been closed.');
    const error = await printFailure(closed);
    expect(error.message).toBe(
      'The browser failed while printing the briefing: Protocol error (Emulation.setScriptExecutionDisabled): Session closed. ' +
        'Most likely the page has been closed. Try again; if it keeps failing, try another Chrome/Chromium with BRIEFING_BROWSER=/path/to/chrome.',
    );
    expect(error.cause).toBe(closed);
  });
});

describe('a print the printer is closed under', () => {
  it('is "interrupted" (a signal\'s close), not a browser failure to try again with a new browser', async () => {
    let fail: (error: Error) => void = () => {};
    withPage.mockImplementationOnce(() => new Promise((_, reject) => { fail = reject; }));
    const printer = createPrinter(options);
    const printing = printer.print('<p>x</p>', job).then(() => undefined, (e: unknown) => e);
    expect(await until(() => withPage.mock.calls.length > 0, 5_000)).toBe(true);
    const closing = printer.close();
    fail(new Error('Protocol error: Target closed')); // what the page work says as the browser goes
    await closing;
    const error = await printing;
    expect(error).toBeInstanceOf(BriefingError);
    expect((error as BriefingError).message).toBe('Printing was interrupted: the printer was closed.');
    expect((error as BriefingError).transient).toBeFalsy();
  });
});

describe('a print on a page an earlier print left loaded', () => {
  it('that times out is reported at once, not printed again on a page of its own (which would only time out again)', async () => {
    connectedBrowser();
    const page = { on: vi.fn(), off: vi.fn(), isClosed: () => false, close: vi.fn(async () => {}) } as unknown as Page;
    const raw = await onePagePdf();
    const timeout = new TimeoutError('printing timed out after 1500 ms');
    const { openPage, guarded } = spyOnPages();
    openPage.mockResolvedValue(page);
    // The first print, on a page of its own; the second, on that page, times out; any further one would print.
    guarded
      .mockResolvedValueOnce({ raw, blocked: [], loaded: { blocked: [], assets: {} } })
      .mockRejectedValueOnce(timeout)
      .mockResolvedValue({ raw, blocked: [], loaded: { blocked: [], assets: {} } });
    await using printer = createPrinter(options);
    expect((await printer.draft(HTML, job)).pages).toBe(1);
    expect(printer.state.heldPages).toBe(1);
    const error = await printer.draft(HTML, job).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BriefingError);
    expect((error as BriefingError).message).toMatch(/^Printing the briefing timed out after 1\.5 s\./);
    expect(guarded).toHaveBeenCalledTimes(2);
    expect(openPage).toHaveBeenCalledTimes(1);
  });
});

describe('a page an earlier print left loaded, that is not to be kept again', () => {
  it('is closed after the print it served (one refused a request): not left open, nor held', async () => {
    connectedBrowser();
    const close = vi.fn(async () => {});
    const page = { on: vi.fn(), off: vi.fn(), isClosed: () => false, close } as unknown as Page;
    const raw = await onePagePdf();
    const loaded = { blocked: [] as string[], assets: {} };
    const { openPage, guarded } = spyOnPages();
    openPage.mockResolvedValue(page);
    guarded
      .mockResolvedValueOnce({ raw, blocked: [], loaded })
      // The second document, swapped into that page, was refused a request (the page records it in what it loaded).
      .mockImplementationOnce(async () => {
        loaded.blocked.push('https://example.com/x.png');
        return { raw, blocked: ['https://example.com/x.png'] };
      });
    await using printer = createPrinter(options);
    await printer.draft(HTML, job);
    expect([printer.state.heldPages, close.mock.calls.length]).toEqual([1, 0]);
    expect((await printer.draft(HTML, job)).blocked).toEqual(['https://example.com/x.png']);
    expect(openPage).toHaveBeenCalledTimes(1); // the second print took the page over
    expect([printer.state.heldPages, close.mock.calls.length]).toEqual([0, 1]);
  });
});

describe('a page that prints one document after another', () => {
  it('has its garbage collected every 8th document, and is closed after its 50th for a fresh one (a long batch\'s memory kept flat)', async () => {
    connectedBrowser();
    const send = vi.fn(async () => ({}));
    const fakePage = () => ({ on: vi.fn(), off: vi.fn(), isClosed: () => false, close: vi.fn(async () => {}), createCDPSession: vi.fn(async () => ({ send })) }) as unknown as Page;
    const raw = await onePagePdf();
    const { openPage, guarded } = spyOnPages();
    openPage.mockImplementation(async () => fakePage());
    guarded.mockResolvedValue({ raw, blocked: [], loaded: { blocked: [], assets: {} } });
    await using printer = createPrinter(options);
    for (let i = 0; i < 50; i++) await printer.draft(HTML, job);
    expect(openPage).toHaveBeenCalledTimes(1); // one page printed all fifty
    expect(send.mock.calls).toEqual(Array(6).fill(['HeapProfiler.collectGarbage'])); // at its 8th, 16th, ... 48th
    expect(printer.state.heldPages).toBe(0); // fifty: closed, not kept
    await printer.draft(HTML, job);
    expect(openPage).toHaveBeenCalledTimes(2);
  });
});
