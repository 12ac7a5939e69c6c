/** guarded(): a print that fails early when its page crashes or its browser goes, and leaves no listener behind. */
import { describe, expect, it, vi } from 'vitest';
import { EventEmitter, TimeoutError, type Browser, type Page } from 'puppeteer-core';
import { closePage, guarded, openPage, withTimeout } from '../../src/print/with-page.ts';

/** Emitters as Puppeteer's own Browser and Page are (their once() and off() are Puppeteer's, not Node's). */
function fakes() {
  return { browser: new EventEmitter() as unknown as Browser, page: new EventEmitter() as unknown as Page };
}

describe('guarded', () => {
  it('removes its listeners after every print: the browser lives for the whole run, and a listener kept the print\'s PDF', async () => {
    const { browser, page } = fakes();
    for (let i = 0; i < 3; i++) expect(await guarded(browser, page, async () => new Uint8Array(1_000_000))).toHaveLength(1_000_000);
    await expect(guarded(browser, page, async () => { throw new Error('print failed'); })).rejects.toThrow('print failed');
    expect([browser.listenerCount('disconnected'), page.listenerCount('error')]).toEqual([0, 0]);
  });

  it('rejects at once when the page crashes or the browser goes, and then too leaves no listener', async () => {
    const { browser, page } = fakes();
    const never = () => new Promise<never>(() => {});
    const crashed = guarded(browser, page, never);
    page.emit('error', new Error('out of memory'));
    await expect(crashed).rejects.toThrow('the page crashed: out of memory');
    const gone = guarded(browser, page, never);
    browser.emit('disconnected', undefined);
    await expect(gone).rejects.toThrow('the browser closed or crashed');
    expect([browser.listenerCount('disconnected'), page.listenerCount('error')]).toEqual([0, 0]);
  });
});

describe('the limits on a page\'s steps', () => {
  const never = () => new Promise<never>(() => {});

  it('time out as Puppeteer\'s do, naming the step, and let a step that settles in time through', async () => {
    const late = await withTimeout(never(), 20, 'opening a page').catch((e: unknown) => e);
    // A TimeoutError, which the printer tells the user as a timeout (launch-browser.ts isTimeout), not as a failed print.
    expect(late).toBeInstanceOf(TimeoutError);
    expect((late as Error).message).toBe('opening a page timed out after 20 ms');
    expect(await withTimeout(Promise.resolve('printed'), 1_000, 'printing')).toBe('printed');
    await expect(withTimeout(Promise.reject(new Error('print failed')), 1_000, 'printing')).rejects.toThrow('print failed');
  });

  it('close a page in time even when the browser never says it went, or is gone', async () => {
    await closePage({ close: never } as unknown as Page, 20);
    await closePage({ close: () => Promise.reject(new Error('Target closed')) } as unknown as Page, 20);
  }, 5_000);

  it('open a page with every step limited, and close one that came too late', async () => {
    const page = () => ({ close: vi.fn(async () => {}), setDefaultTimeout: vi.fn(), setDefaultNavigationTimeout: vi.fn() });
    const ready = page();
    const opened = await openPage({ newPage: async () => ready } as unknown as Browser, 5_000);
    expect(opened).toBe(ready);
    expect([ready.setDefaultTimeout.mock.calls, ready.setDefaultNavigationTimeout.mock.calls]).toEqual([[[5_000]], [[5_000]]]);

    const tooLate = page();
    let arrive: (p: typeof tooLate) => void = () => {};
    const browser = { newPage: () => new Promise((resolve) => { arrive = resolve; }) } as unknown as Browser;
    await expect(openPage(browser, 20)).rejects.toThrow('opening a page timed out after 20 ms');
    arrive(tooLate);
    await vi.waitFor(() => expect(tooLate.close).toHaveBeenCalled());
  });
});
