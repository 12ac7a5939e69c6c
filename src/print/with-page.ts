import type { Browser, Page } from 'puppeteer-core';

/**
 * Runs `fn` on a fresh page with the given timeouts and always closes the page afterwards. Rejects early
 * if the page crashes or the browser goes away, instead of waiting for a timeout.
 */
export async function withPage<T>(browser: Browser, timeoutMs: number, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await openPage(browser, timeoutMs);
  try {
    return await guarded(browser, page, fn);
  } finally {
    // Closing fails when the browser is already gone; there is nothing left to close then.
    await page.close().catch(() => {});
  }
}

/** A new page whose every step times out after `timeoutMs`. */
export async function openPage(browser: Browser, timeoutMs: number): Promise<Page> {
  const page = await browser.newPage();
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
