import { TimeoutError, type Browser, type Page } from 'puppeteer-core';

/**
 * Runs `fn` on a fresh page with the given timeouts and always closes the page afterwards. Rejects early
 * if the page crashes or the browser goes away, instead of waiting for a timeout.
 */
export async function withPage<T>(browser: Browser, timeoutMs: number, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await openPage(browser, timeoutMs);
  try {
    return await guarded(browser, page, fn);
  } finally {
    await closePage(page, timeoutMs);
  }
}

/**
 * Closes `page`, waiting at most `timeoutMs`. Closing fails when the browser is already gone (nothing left to close
 * then); and Puppeteer's close() waits, with no limit of its own, for the browser to say the page went: under load,
 * with a short --timeout, that word never came and the build waited for ever on a browser that lived on.
 */
export async function closePage(page: Page, timeoutMs: number): Promise<void> {
  await withTimeout(page.close(), timeoutMs, 'closing a page').catch(() => {});
}

/** A new page whose every step times out after `timeoutMs`. */
export async function openPage(browser: Browser, timeoutMs: number): Promise<Page> {
  // newPage() too waits, beyond the protocol's timeout, for the new page to be ready; one ready too late is closed.
  const opening = browser.newPage();
  const page = await withTimeout(opening, timeoutMs, 'opening a page').catch((error: unknown) => {
    opening.then((late) => late.close().catch(() => {}), () => {});
    throw error;
  });
  page.setDefaultTimeout(timeoutMs);
  page.setDefaultNavigationTimeout(timeoutMs);
  return page;
}

/** Runs `fn` on `page`; rejects early if the page crashes or the browser goes away, instead of waiting for a timeout. */
export async function guarded<T>(browser: Browser, page: Page, fn: (page: Page) => Promise<T>): Promise<T> {
  let onCrash: ((error: Error) => void) | undefined;
  let onDisconnect: (() => void) | undefined;
  try {
    const failed = new Promise<never>((_, reject) => {
      // Puppeteer's page 'error' event means the renderer crashed (e.g. out of memory).
      onCrash = (error) => reject(new Error(`the page crashed: ${error.message}`, { cause: error }));
      onDisconnect = () => reject(new Error('the browser closed or crashed'));
    });
    failed.catch(() => {}); // only the race observes it; a late rejection must not be "unhandled"
    // on, not once: Puppeteer's once() registers a wrapper that off(handler) does not remove, and the browser,
    // which lives for the whole run, kept every print's handlers and through them every print's PDF.
    page.on('error', onCrash!);
    browser.on('disconnected', onDisconnect!);
    return await Promise.race([fn(page), failed]);
  } finally {
    if (onCrash) page.off('error', onCrash);
    if (onDisconnect) browser.off('disconnected', onDisconnect);
  }
}

/**
 * Resolves or rejects like `promise`, but rejects after `ms` if it has not settled by then, with a TimeoutError (a timeout
 * as Puppeteer's are told: launch-browser.ts isTimeout) naming `what` timed out.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
