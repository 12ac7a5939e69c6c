/**
 * Regenerating, on the real binary and the real browser: a second build launches no browser and
 * leaves every byte as it was; `briefing watch --serve` rebuilds on an edit, keeps the last good PDF
 * on a broken save, shows the new figure in its live preview, and stops on Ctrl-C with no browser left.
 */
import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { describe, it, expect, afterAll } from 'vitest';
import puppeteer, { type Browser } from 'puppeteer-core';
import { findBrowser } from '../../src/print/find-browser.ts';
import { MANIFEST_FILE } from '../../src/pipeline.ts';
import { runCli } from '../support/cli.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { liveProcessesUsing, until } from '../support/processes.ts';
import { readPdf } from '../support/read-pdf.ts';
import { recordModules } from '../support/loaded-modules.ts';
import { fileTempDir } from '../support/temp.ts';

const root = fileTempDir('regenerate-');
const nordwind = readFileSync(NORDWIND, 'utf8');

/** A browser wrapper that logs every launch, as BRIEFING_BROWSER: how a test sees that no browser started. */
async function loggingBrowser(dir: string): Promise<{ path: string; launches: () => number }> {
  const real = (await findBrowser({ env: {} })).path;
  const log = join(dir, 'launches.log');
  const path = join(dir, 'chromium-logged');
  writeFileSync(path, `#!/bin/sh\necho launch >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(path, 0o755);
  return { path, launches: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0) };
}

describe('building twice', () => {
  it('launches no browser the second time, says every briefing is up to date, and changes no byte', async () => {
    const dir = join(root, 'twice');
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', 'nordwind.yaml'), nordwind);
    writeFileSync(join(dir, 'data', 'sets.yaml'), `${nordwind}block_sets:\n  finance:\n    title: Finance\n    blocks: [cost_structure, revenue_streams]\n`);
    const browser = await loggingBrowser(dir);
    const env = { ...process.env, BRIEFING_BROWSER: browser.path };
    const out = join(dir, 'out');

    const first = await runCli(['build', join(dir, 'data'), '--out', out], { cwd: dir, env });
    expect([first.code, first.err]).toEqual([0, '']);
    expect(browser.launches()).toBe(1);
    const files = readdirSync(out).sort();
    expect(files).toEqual([MANIFEST_FILE, 'nordwind.pdf', 'sets--finance.pdf', 'sets.pdf']);
    const before = files.map((f) => readFileSync(join(out, f)));

    // The real binary this time, recording what it loads: nothing that draws or prints.
    const modules = recordModules(dir);
    const second = await promisify(execFile)(process.execPath, ['bin/briefing.js', 'build', join(dir, 'data'), '--out', out], {
      encoding: 'utf8',
      env: { ...env, ...modules.env },
    });
    expect([second.stdout.trim(), second.stderr]).toEqual(['3 briefings up to date', '']);
    expect(browser.launches()).toBe(1);
    const imports = modules.urls().join('\n');
    expect(['puppeteer-core', 'vega', 'vega-lite', 'handlebars', 'pdf-lib', '@napi-rs/canvas'].filter((pkg) => imports.includes(`/node_modules/${pkg}/`))).toEqual([]);
    expect(files.map((f) => readFileSync(join(out, f)))).toEqual(before);

    // One block set asked for, up to date: said so, not mistaken for a set no canvas has.
    const finance = await runCli(['build', join(dir, 'data'), '--out', out, '--set', 'finance'], { cwd: dir, env });
    expect([finance.code, finance.out.split('\n').at(-1), finance.err]).toEqual([0, '1 briefing up to date', '']);
    const full = await runCli(['build', join(dir, 'data'), '--out', out, '--set', 'full'], { cwd: dir, env });
    expect([full.code, full.out, full.err]).toEqual([0, '2 briefings up to date', '']);

    // A block set taken out: its PDF goes, the rest stay as they were, and still no browser starts.
    writeFileSync(join(dir, 'data', 'sets.yaml'), nordwind);
    const third = await runCli(['build', join(dir, 'data'), '--out', out], { cwd: dir, env });
    expect([third.code, third.err]).toEqual([0, '']);
    expect(third.out).toContain(`removed ${join('out', 'sets--finance.pdf')}: its briefing no longer exists`);
    expect(readdirSync(out).sort()).toEqual([MANIFEST_FILE, 'nordwind.pdf', 'sets.pdf']);
    expect(readFileSync(join(out, 'nordwind.pdf'))).toEqual(before[1]);
    expect(browser.launches()).toBe(1);
  });
});

describe('briefing watch --serve', () => {
  let watcher: ChildProcessByStdio<null, Readable, Readable> | undefined;
  let viewer: Browser | undefined;
  afterAll(async () => {
    watcher?.kill('SIGKILL');
    await viewer?.close();
  });

  it('rebuilds on an edit, keeps the last good PDF on a broken save, updates the preview, and stops cleanly', async () => {
    const dir = join(root, 'watch');
    const tmp = join(dir, 'tmp'); // a private TMPDIR: the watcher's browser is recognisable in /proc by it
    for (const d of [join(dir, 'data'), tmp]) mkdirSync(d, { recursive: true });
    const canvas = join(dir, 'data', 'nordwind.yaml');
    const pdf = join(dir, 'out', 'nordwind.pdf');
    writeFileSync(canvas, nordwind);

    watcher = spawn(process.execPath, [join(process.cwd(), 'bin/briefing.js'), 'watch', 'data', '--out', 'out', '--serve'], {
      cwd: dir,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    watcher.stdout.on('data', (chunk) => { out += chunk; });
    watcher.stderr.on('data', (chunk) => { err += chunk; });
    const exited = once(watcher, 'exit');
    /** Waits until stdout (or stderr) has `count` lines matching `pattern` in all. */
    const seen = (pattern: RegExp, count = 1, stream: () => string = () => out) =>
      until(() => (stream().match(new RegExp(pattern.source, 'gm')) ?? []).length >= count, 60_000);

    expect(await seen(/^watching /), `${out}\n${err}`).toBe(true);
    expect(out).toMatch(/^wrote out\/nordwind\.pdf {2}\d+ pages {2}edition [0-9a-f]{8}/m);
    const url = /^preview: (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out)?.[1];
    expect(url, out).toBeDefined();
    expect(liveProcessesUsing(tmp).length).toBeGreaterThan(0); // the browser stays warm between builds

    // The preview, in a browser of the test's own, shows the briefing as printed.
    viewer = await puppeteer.launch({ executablePath: (await findBrowser({ env: {} })).path, args: ['--no-sandbox'], userDataDir: join(dir, 'viewer-profile') });
    const page = await viewer.newPage();
    await page.goto(`${url}view/nordwind`);
    const previewShows = (text: string) => page.waitForFunction((t) => document.body.innerText.includes(t), { timeout: 30_000 }, text);
    await previewShows('€1,234.5 million');

    // An edit: the PDF is rebuilt and the preview shows the new figure without being reloaded by hand.
    writeFileSync(canvas, nordwind.replace('value: 1234.5', 'value: 1299.9'));
    expect(await seen(/^wrote out\/nordwind\.pdf/, 2), `${out}\n${err}`).toBe(true);
    const edited = readFileSync(pdf);
    expect((await readPdf(new Uint8Array(edited))).text.join('\n')).toContain('€1,299.9 million');
    await previewShows('€1,299.9 million');

    // A broken save: the error names file, line and column; the last good PDF stays.
    writeFileSync(canvas, `${nordwind.replace('value: 1234.5', 'value: 1299.9')}oops: [\n`);
    expect(await seen(/^error: data\/nordwind\.yaml:\d+:\d+: .*never closed/, 1, () => err), err).toBe(true);
    expect(readFileSync(pdf).equals(edited)).toBe(true);
    await previewShows('showing the last good PDF');

    // The fix: the same briefing as before the broken save, so nothing to print.
    writeFileSync(canvas, nordwind.replace('value: 1234.5', 'value: 1299.9'));
    expect(await seen(/^1 briefing up to date, 1 canvas with warnings: data\/nordwind\.yaml$/), out).toBe(true); // its findings said again, and counted
    expect(readFileSync(pdf).equals(edited)).toBe(true);

    // Ctrl-C: exit 130, no browser left, the PDF as it was.
    watcher.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(130);
    expect(await until(() => liveProcessesUsing(tmp).length === 0, 5_000), 'browser processes left running').toBe(true);
    expect(readFileSync(pdf).equals(edited)).toBe(true);
    // (On a loaded machine a save's second change event can come after the settle time and start a round that finds the
    // canvas up to date; stopped in it, the watch says so, and keeps the PDF as it was.)
    expect(err).toMatch(/^stopped watching \(SIGINT\)(?: during a build: 0 briefings written; the others keep their previous PDFs, .*)?$/m);
    expect(`${out}${err}`).not.toMatch(/\x1b/); // piped, not a terminal: plain lines, no control codes
  });
});
