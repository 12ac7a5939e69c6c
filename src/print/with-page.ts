import type { Browser, Page } from 'puppeteer-core';

/**
 * Runs `fn` on a fresh page with the given timeouts and always closes the page afterwards. Rejects early
 * if the page crashes or the browser goes away, instead of waiting for a timeout.
 */
export async function withPage<T>(browser: Browser, timeoutMs: number, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  let onCrash: ((error: Error) => void) | undefined;
  let onDisconnect: (() => void) | undefined;
  try {
    page.setDefaultTimeout(timeoutMs);
    page.setDefaultNavigationTimeout(timeoutMs);
    const failed = new Promise<never>((_, reject) => {
      // Puppeteer's page 'error' event means the renderer crashed (e.g. out of memory).
      onCrash = (error) => reject(new Error(`the page crashed: ${error.message}`, { cause: error }));
      onDisconnect = () => reject(new Error('the browser closed or crashed'));
    });
    failed.catch(() => {}); // only the race observes it; a late rejection must not be "unhandled"
    page.once('error', onCrash!);
    browser.once('disconnected', onDisconnect!);
    return await Promise.race([fn(page), failed]);
  } finally {
    if (onCrash) page.off('error', onCrash);
    if (onDisconnect) browser.off('disconnected', onDisconnect);
    // Closing fails when the browser is already gone; there is nothing left to close then.
    await page.close().catch(() => {});
  }
}
