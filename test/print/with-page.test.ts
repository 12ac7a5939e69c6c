/** guarded(): a print that fails early when its page crashes or its browser goes, and leaves no listener behind. */
import { describe, expect, it } from 'vitest';
import { EventEmitter, type Browser, type Page } from 'puppeteer-core';
import { guarded } from '../../src/print/with-page.ts';

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
