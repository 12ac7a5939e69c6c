/**
 * The preview's pages in a real headless Chromium with JavaScript on: the viewer draws the real PDF with
 * pdf.js (pages, text layer), swaps in a rebuilt one without a reload, shows failures, and the index
 * follows the state. The PDFs are briefings the global setup built (test/support/setup-builds.ts):
 * the small fixture and its Finance block set (fewer pages, another running head).
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/print/find-browser.ts';
import { withoutSandbox } from '../../src/print/launch-browser.ts';
import { startPreview, type PreviewEntry, type PreviewServer, type PreviewState } from '../../src/preview/preview-server.ts';
import { liveProcessesUsing, until } from '../support/processes.ts';
import { sharedBuild } from '../support/shared-builds.ts';
import { fileTempDir } from '../support/temp.ts';

const builds = { nordwind: await sharedBuild('nordwind'), sets: await sharedBuild('sets') };
const FULL = join(builds.nordwind.dir, 'nordwind.pdf'); // "Turbines in operation" on page 2
const FINANCE = join(builds.sets.dir, 'nordwind-sets--finance.pdf'); // "Investor briefing · Finance"
/** Pages of each, as the PDF says (read with pdf-lib, not with the pdf.js under test). */
const [FULL_PAGES, FINANCE_PAGES] = await Promise.all([FULL, FINANCE].map(async (f) => (await PDFDocument.load(readFileSync(f))).getPageCount()));

const dir = fileTempDir('preview-browser-');
const pdf = join(dir, 'nordwind.pdf');
const entry = (version: string, title = 'Nordwind Energi'): PreviewEntry => ({ name: 'nordwind', title, pdf, version });
const idle = (entries: PreviewEntry[]): PreviewState => ({ entries, failures: [], building: false });

let server: PreviewServer;
/** A browser as a user's is: not the printer's (whose network is cut at the source, loopback included). */
let launched: { browser: Browser; userDataDir: string } | undefined;
let viewer: Page;
/** Every URL the pages requested, and what went wrong in them (script errors, CSP violations, console errors). */
const requests: string[] = [];
const problems: string[] = [];

/** A page that records its requests and problems; CSP violations are reported to it as they happen. */
async function openPage(deviceScaleFactor = 2): Promise<Page> {
  const page = await launched!.browser.newPage();
  await page.setViewport({ width: 1000, height: 700, deviceScaleFactor });
  page.on('request', (request) => void requests.push(request.url()));
  page.on('pageerror', (error) => void problems.push(`page error: ${(error as Error).message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('reportViolation', (text: string) => void problems.push(`CSP: ${text}`));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
    // Headless Chromium changes the pixel ratio when told to, but fires no MediaQueryList change event (a real
    // browser does, on zoom or on another screen); the test keeps the page's listeners to fire them itself.
    const listeners: EventListener[] = [];
    (window as unknown as { resolutionListeners: EventListener[] }).resolutionListeners = listeners;
    const add = MediaQueryList.prototype.addEventListener;
    MediaQueryList.prototype.addEventListener = function (this: MediaQueryList, type: string, listener: EventListener, options?: AddEventListenerOptions) {
      if (type === 'change' && this.media.includes('resolution')) listeners.push(listener);
      return add.call(this, type, listener, options);
    } as typeof add;
  });
  return page;
}

/** The text of the text layer of page `n` (1-based), or of all pages. */
const textOf = (page: Page, n?: number) =>
  page.evaluate((n) => Array.from(document.querySelectorAll(n ? `.page[data-page="${n}"] .textLayer` : '.textLayer'), (l) => l.textContent).join('\n'), n);

const visible = (page: Page, selector: string) =>
  page.$eval(selector, (el) => !(el as HTMLElement).hidden && (el as HTMLElement).offsetParent !== null);

describe('the preview in a browser', { timeout: 20_000 }, () => {
  beforeAll(async () => {
    copyFileSync(FULL, pdf);
    server = await startPreview();
    server.update(idle([entry('v1')]));
    const userDataDir = join(dir, 'viewer-profile');
    const args = withoutSandbox(process.env) ? ['--no-sandbox'] : [];
    launched = { browser: await puppeteer.launch({ executablePath: (await findBrowser({})).path, headless: true, args, userDataDir }), userDataDir };
    viewer = await openPage();
  });

  afterAll(async () => {
    await server?.close();
    await launched?.browser.close();
    if (launched) expect(await until(() => liveProcessesUsing(launched!.userDataDir).length === 0, 5_000)).toBe(true);
  });

  it('draws every page of the PDF at the device pixel ratio, with a text layer that can be found and selected', async () => {
    await viewer.goto(`${server.url}view/nordwind`);
    await viewer.waitForFunction(() => document.querySelector('.pages')?.getAttribute('data-version') === 'v1', { timeout: 10_000 });

    expect(await viewer.$$eval('.pages > .page', (pages) => pages.length)).toBe(FULL_PAGES);
    expect(await viewer.$eval('#pages', (el) => el.textContent)).toBe(`${FULL_PAGES} pages`);
    expect(await viewer.$eval('#title', (el) => el.textContent)).toBe('Nordwind Energi');
    expect(await viewer.$eval('#updated', (el) => el.textContent)).toMatch(/^updated \d\d:\d\d:\d\d$/);
    expect(await visible(viewer, '#banner')).toBe(false);
    expect(await visible(viewer, '#building')).toBe(false);

    // The running heads are part of the PDF, so they show on the page as printed.
    expect(await textOf(viewer, 2)).toContain('Turbines in operation');
    expect(await textOf(viewer, 2)).toContain(`Page 2 of ${FULL_PAGES}`);
    expect(await textOf(viewer, FULL_PAGES)).toContain(`Page ${FULL_PAGES} of ${FULL_PAGES}`);

    const pages = await viewer.$$eval('.page', (sheets) =>
      sheets.map((sheet) => {
        const canvas = sheet.querySelector('canvas')!;
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let ink = 0;
        for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200) ink++;
        const box = sheet.getBoundingClientRect();
        return { width: canvas.width, height: canvas.height, cssWidth: box.width, cssHeight: box.height, top: box.top, ink };
      }));
    for (const [i, page] of pages.entries()) {
      // A4 at 100 %: 595 x 842 pt = 793 x 1122 CSS px, drawn with twice the pixels.
      expect(page.cssWidth, `page ${i + 1}`).toBeCloseTo(793, -1);
      expect(page.cssHeight, `page ${i + 1}`).toBeCloseTo(1122, -1);
      expect(page.width / page.cssWidth, `page ${i + 1}`).toBeCloseTo(2, 2);
      expect(page.height / page.cssHeight, `page ${i + 1}`).toBeCloseTo(2, 2);
      expect(page.ink, `page ${i + 1} is drawn`).toBeGreaterThan(1_000);
      if (i > 0) expect(page.top - pages[i - 1]!.top - pages[i - 1]!.cssHeight, 'gap between pages').toBeGreaterThan(8);
    }

    // The text sits over the drawn page, where Ctrl-F finds it and a selection copies it.
    const found = await viewer.evaluate(() => {
      const hit = (window as unknown as { find(text: string): boolean }).find('Turbines in operation');
      const range = window.getSelection()!.getRangeAt(0);
      const text = range.getBoundingClientRect();
      const page = range.startContainer.parentElement!.closest('.page')!;
      const sheet = page.getBoundingClientRect();
      return { hit, selected: window.getSelection()!.toString(), page: page.getAttribute('data-page'), inside: text.left >= sheet.left && text.right <= sheet.right && text.top >= sheet.top && text.bottom <= sheet.bottom, height: text.height };
    });
    expect(found).toEqual({ hit: true, selected: 'Turbines in operation', page: '2', inside: true, height: expect.any(Number) });
    expect(found.height).toBeGreaterThan(5);
    expect(requests).toContain(`${server.url}pdf/nordwind.pdf?v=v1`);
  });

  it('draws a rebuilt PDF off-screen and swaps it in, without a reload, at the same scroll position', async () => {
    await viewer.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'still the same page';
      document.querySelector('.page[data-page="3"]')!.scrollIntoView();
      // Notes any moment at which no drawn page is in the document.
      const state = window as unknown as { emptied: boolean };
      state.emptied = false;
      new MutationObserver(() => {
        if (document.querySelectorAll('.page canvas').length === 0) state.emptied = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    const scrolled = await viewer.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(2_000);

    copyFileSync(FINANCE, pdf);
    server.update(idle([entry('v2')]));
    await viewer.waitForFunction(() => document.querySelector('.pages')?.getAttribute('data-version') === 'v2', { timeout: 10_000 });

    expect(await viewer.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still the same page');
    expect(await viewer.evaluate(() => (window as unknown as { emptied: boolean }).emptied)).toBe(false);
    expect(await viewer.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(await viewer.$$eval('.pages > .page', (pages) => pages.length)).toBe(FINANCE_PAGES);
    expect(await viewer.$eval('#pages', (el) => el.textContent)).toBe(`${FINANCE_PAGES} pages`);
    expect(await textOf(viewer, 2)).toContain('Investor briefing · Finance');
    expect(await textOf(viewer, 2)).toContain(`Page 2 of ${FINANCE_PAGES}`);
    expect(await textOf(viewer)).not.toContain('Turbines in operation');
    expect(requests).toContain(`${server.url}pdf/nordwind.pdf?v=v2`);
  });

  it('draws the pages again when the device pixel ratio changes (browser zoom, another screen)', async () => {
    const ratio = () => viewer.$eval('.page canvas', (canvas) => canvas.width / canvas.getBoundingClientRect().width);
    expect(await ratio()).toBeCloseTo(2, 2);
    await viewer.setViewport({ width: 1000, height: 700, deviceScaleFactor: 1 });
    await viewer.evaluate(() => {
      const listeners = (window as unknown as { resolutionListeners: EventListener[] }).resolutionListeners.splice(0);
      for (const listener of listeners) listener(new Event('change'));
    });
    await viewer.waitForFunction(() => {
      const canvas = document.querySelector('.page canvas') as HTMLCanvasElement;
      return Math.abs(canvas.width / canvas.getBoundingClientRect().width - 1) < 0.01;
    }, { timeout: 5_000 });
    expect(await viewer.$$eval('.pages > .page', (pages) => pages.length)).toBe(FINANCE_PAGES);
    expect(await textOf(viewer, 2)).toContain(`Page 2 of ${FINANCE_PAGES}`);
  });

  it('says when it is building, and shows a failed build\'s message as text above the last good PDF', async () => {
    server.update({ ...idle([entry('v2')]), building: true });
    await viewer.waitForFunction(() => !document.getElementById('building')!.hidden, { timeout: 5_000 });
    expect(await viewer.$eval('#building', (el) => el.textContent)).toBe('building…');

    const message = `${join(dir, 'nordwind.yaml')}:12:5: <img src=x onerror="window.pwned=1"> \x1b[31mmetrics.revenue.value\x1b[0m is not a number`;
    server.update({ entries: [entry('v2')], failures: [{ canvas: join(dir, 'nordwind.yaml'), message }], building: false });
    await viewer.waitForFunction(() => !document.getElementById('banner')!.hidden, { timeout: 5_000 });

    expect(await visible(viewer, '#banner')).toBe(true);
    expect(await visible(viewer, '#building')).toBe(false);
    expect(await viewer.$eval('#banner-head', (el) => el.textContent)).toMatch(/showing the last good PDF/);
    expect(await viewer.$eval('#banner-text', (el) => el.textContent)).toBe(
      `${join(dir, 'nordwind.yaml')}:12:5: <img src=x onerror="window.pwned=1"> metrics.revenue.value is not a number`,
    );
    expect(await viewer.$$eval('#banner img', (images) => images.length)).toBe(0);
    expect(await viewer.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    // The last good PDF is still what is shown.
    expect(await viewer.$eval('.pages', (el) => el.getAttribute('data-version'))).toBe('v2');
    expect(await viewer.$$eval('.pages > .page', (pages) => pages.length)).toBe(FINANCE_PAGES);

    server.update(idle([entry('v2')]));
    await viewer.waitForFunction(() => document.getElementById('banner')!.hidden, { timeout: 5_000 });
  });

  it('lists the briefings on the index page and follows additions, failures and removals live', async () => {
    const index = await openPage();
    try {
      await index.goto(server.url);
      await index.waitForSelector('li[data-name="nordwind"]', { timeout: 5_000 });
      await index.evaluate(() => void ((window as unknown as { marker: number }).marker = 1));
      expect(await index.$eval('li[data-name="nordwind"] a', (a) => [a.textContent, a.getAttribute('href')])).toEqual(['Nordwind Energi', '/view/nordwind']);
      expect(await visible(index, '#failures')).toBe(false);

      const finance: PreviewEntry = { name: 'nordwind-sets--finance', title: 'Nordwind <b>Finance</b>', pdf: FINANCE, version: 'f1' };
      server.update({ entries: [entry('v2'), finance], failures: [{ canvas: 'broken.yaml', message: 'broken.yaml:1:1: <script>alert(1)</script>' }], building: false });
      await index.waitForSelector('li[data-name="nordwind-sets--finance"]', { timeout: 5_000 });
      expect(await index.$eval('li[data-name="nordwind-sets--finance"] a', (a) => [a.textContent, a.getAttribute('href')]))
        .toEqual(['Nordwind <b>Finance</b>', '/view/nordwind-sets--finance']);
      expect(await visible(index, '#failures')).toBe(true);
      expect(await index.$eval('#failure-list', (el) => el.textContent)).toContain('broken.yaml:1:1: <script>alert(1)</script>');
      expect(await index.$$eval('main b, main script', (found) => found.length)).toBe(0);

      server.update(idle([finance]));
      await index.waitForFunction(() => !document.querySelector('li[data-name="nordwind"]'), { timeout: 5_000 });
      expect(await index.$$eval('li.briefing', (items) => items.map((i) => i.getAttribute('data-name')))).toEqual(['nordwind-sets--finance']);
      expect(await visible(index, '#failures')).toBe(false);
      expect(await index.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    } finally {
      await index.close();
    }
    // The viewer of the briefing that went away says so, and keeps its pages.
    await viewer.waitForFunction(() => !document.getElementById('banner')!.hidden, { timeout: 5_000 });
    expect(await viewer.$eval('#banner-head', (el) => el.textContent)).toMatch(/no longer in the preview/);
    expect(await viewer.$$eval('.pages > .page', (pages) => pages.length)).toBe(FINANCE_PAGES);
  });

  it('lists each canvas\'s findings on the index page, counted on its briefings, as text', async () => {
    const index = await openPage();
    try {
      const canvas = join(dir, 'nordwind.yaml');
      const finding = (line: number, message: string) => ({ canvas, shown: 'data/nordwind.yaml', line, column: 3, severity: 'warning', rule: 'undeclared-contradiction', message });
      server.update({ entries: [{ ...entry('v4'), canvas }], failures: [], findings: [finding(12, 'metrics.a: <img src=x onerror="window.pwned=1"> disagrees'), finding(30, 'metrics.b: disagrees')], building: false });
      await index.goto(server.url);
      await index.waitForFunction(() => !document.getElementById('findings')!.hidden, { timeout: 5_000 });
      expect(await index.$eval('li[data-name="nordwind"] .status', (el) => el.textContent)).toBe('up to date (2 findings)');
      expect(await index.$eval('#finding-list .canvas', (el) => el.textContent)).toBe('data/nordwind.yaml: 2 findings');
      expect(await index.$$eval('#finding-list li.finding', (items) => items.map((i) => i.textContent))).toEqual([
        'data/nordwind.yaml:12:3 warning undeclared-contradiction metrics.a: <img src=x onerror="window.pwned=1"> disagrees',
        'data/nordwind.yaml:30:3 warning undeclared-contradiction metrics.b: disagrees',
      ]);
      expect(await index.$$eval('main img', (found) => found.length)).toBe(0);
      server.update(idle([entry('v4')]));
      await index.waitForFunction(() => document.getElementById('findings')!.hidden, { timeout: 5_000 });
    } finally {
      await index.close();
    }
  });

  it('reconnects when the server restarts on the same port, and picks up its state', async () => {
    const { port } = new URL(server.url);
    await server.close();
    server = await startPreview({ port: Number(port) });
    copyFileSync(FULL, pdf);
    server.update(idle([entry('v3', 'Nordwind Energi (restarted)')]));
    await viewer.waitForFunction(() => document.querySelector('.pages')?.getAttribute('data-version') === 'v3', { timeout: 10_000 });
    expect(await viewer.$eval('#title', (el) => el.textContent)).toBe('Nordwind Energi (restarted)');
    expect(await visible(viewer, '#banner')).toBe(false);
    expect(await viewer.$$eval('.pages > .page', (pages) => pages.length)).toBe(FULL_PAGES);
    expect(await viewer.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still the same page');
  });

  it('keeps more tabs live than a browser opens connections to one host: each draws its PDF and follows rebuilds', { timeout: 90_000 }, async () => {
    // A browser opens at most 6 connections to a host: pages that each held an event stream of their own left the
    // seventh tab waiting for one for ever ("Loading the PDF…"), and the sixth without one for its PDF.
    const finance = (version: string): PreviewEntry => ({ name: 'finance', title: 'Nordwind Finance', pdf: FINANCE, version });
    server.update(idle([entry('v3', 'Nordwind Energi (restarted)'), finance('t1')]));
    const tabs: Page[] = [];
    try {
      for (let i = 0; i < 7; i++) { // one more than the connections a browser opens to a host
        // At 1 device pixel per CSS pixel: what the tabs prove is their connections, and each draws a quarter of the pixels.
        const tab = await openPage(1);
        tabs.push(tab);
        await tab.goto(`${server.url}view/finance`);
      }
      const drawn = (version: string) => Promise.all(tabs.map((tab) =>
        tab.waitForFunction((v) => document.querySelector('.pages')?.getAttribute('data-version') === v, { timeout: 30_000 }, version)));
      await drawn('t1');
      for (const tab of tabs) expect(await tab.$$eval('.pages > .page', (pages) => pages.length)).toBe(FINANCE_PAGES);

      server.update(idle([entry('v3', 'Nordwind Energi (restarted)'), finance('t2')]));
      await drawn('t2');
      server.update({ entries: [entry('v3', 'Nordwind Energi (restarted)'), finance('t2')], failures: [{ canvas: 'finance.yaml', message: 'finance.yaml:1:1: broken' }], building: false });
      await Promise.all(tabs.map((tab) => tab.waitForFunction(() => !document.getElementById('banner')!.hidden, { timeout: 10_000 })));
    } finally {
      await Promise.all(tabs.map((tab) => tab.close()));
    }
    server.update(idle([entry('v3', 'Nordwind Energi (restarted)')]));
  });

  it('ran without script errors or Content-Security-Policy violations, and loaded nothing from elsewhere', () => {
    expect(problems).toEqual([]);
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
  });
});
