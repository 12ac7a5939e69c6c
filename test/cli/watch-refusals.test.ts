/**
 * `briefing watch` with a printer that prints nothing real: what build refuses whole. A usage error on the first build
 * ends watch as it ends build; a mistake in some canvases found later fails those and the others still build, as watch
 * goes on. The real browser is in regenerate.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NORDWIND } from '../support/fixtures.ts';
import { until } from '../support/processes.ts';
import { tempDir } from '../support/temp.ts';
import { dataFolder, watching } from '../support/watching.ts';
import { smallPdfPrinter } from '../support/fake-printer.ts';
import { BriefingError, EXIT } from '../../src/errors.ts';
import type { Printer } from '../../src/print/index.ts';

const nordwind = readFileSync(NORDWIND, 'utf8');

describe('watch', () => {
  it('exits 2 before it watches when no canvas has the --set asked for, as build does', async () => {
    // It said so, then "watching ...", and ran for ever building nothing: a typo in --set is no edit away from a build.
    const { dir, data } = dataFolder({ 'nordwind.yaml': nordwind });
    const { out, err, all, stopped, stop } = watching(dir, [data], { out: join(dir, 'out'), set: 'nope' });
    const ended = await Promise.race([stopped, new Promise((r) => setTimeout(() => r('still watching'), 5_000))]);
    if (ended === 'still watching') await stop();
    expect(ended, all()).toBe(2);
    expect(err, all()).toEqual(['error: no canvas has a block set "nope". Block sets here: full']);
    expect(out.filter((l) => l.startsWith('watching ')), all()).toEqual([]);
  }, 30_000);

  it('fails two canvases that would write the same PDF, and builds the others', async () => {
    // build refuses them whole before it starts; watch did the same on every round, so a copy saved beside one canvas
    // stopped every other canvas's rebuilds, with no closing line.
    const { dir, data } = dataFolder({ 'nordwest.yaml': nordwind });
    writeFileSync(join(data, 'ostwind.yaml'), nordwind);
    const { out, err, all, started, stop } = watching(dir, [data], { out: join(dir, 'out') });
    const wrote = (name: string) => out.filter((l) => l.startsWith(`wrote ${join('out', name)}`)).length;
    const clash = `error: ${join(data, 'nordwest.yaml')} and ${join(data, 'nordwest.yml')} would both write nordwest.pdf: rename one, or build them into different --out folders`;
    const closing = 'data/nordwest.yaml (usage error), data/nordwest.yml (usage error)';
    try {
      expect(await started(), all()).toBe(true);
      expect([wrote('nordwest.pdf'), wrote('ostwind.pdf')], all()).toEqual([1, 1]);
      const nordwestPdf = statSync(join(dir, 'out', 'nordwest.pdf')).mtimeMs;

      copyFileSync(join(data, 'nordwest.yaml'), join(data, 'nordwest.yml'));
      expect(await until(() => out.some((l) => l.endsWith(closing)), 10_000), all()).toBe(true);
      expect(out.filter((l) => l.endsWith(closing)), all()).toEqual([`0 briefings written, 1 up to date, 2 failed: ${closing}`]);
      expect(err.filter((l) => l === clash), all()).toHaveLength(1); // once for the pair

      writeFileSync(join(data, 'ostwind.yaml'), nordwind.replace('value: 1234.5', 'value: 1299.9'));
      expect(await until(() => wrote('ostwind.pdf') === 2, 10_000), all()).toBe(true);
      // The edit leaves its stated change behind (a change-mismatch): named after the failures.
      expect(await until(() => /^1 briefing written, 2 failed in [\d.]+ s: /.test(out.at(-1)!) && out.at(-1)!.endsWith(`${closing}; 1 canvas with warnings: ${join('data', 'ostwind.yaml')}`), 5_000), all()).toBe(true);
      expect(err.filter((l) => l === clash), all()).toHaveLength(2);
      // The pair's last good PDF stays, as after any failed build of a canvas.
      expect(statSync(join(dir, 'out', 'nordwest.pdf')).mtimeMs).toBe(nordwestPdf);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 30_000);
});

describe('watch stopped during a build', () => {
  it('says how many briefings that round wrote, and that the others keep their previous PDFs', async () => {
    // It said only "stopped watching (SIGINT)": a user who saw the save taken in could believe every PDF shows it.
    const { dir, data } = dataFolder({ 'nordwind.yaml': nordwind });
    let release = () => {};
    let holding = false;
    let printing = false;
    const held = smallPdfPrinter();
    const printer: Printer = { ...held, async print(html, job) {
      if (!holding) return held.print(html, job);
      // The round after the edit: its print waits until the signal, then fails as an interrupted print does.
      printing = true;
      await new Promise<void>((resolve) => (release = resolve));
      throw new BriefingError('interrupted', EXIT.render);
    } };
    const { err, all, started, stop } = watching(dir, [data], { out: join(dir, 'out') }, printer);
    expect(await started(), all()).toBe(true);
    holding = true;
    writeFileSync(join(data, 'nordwind.yaml'), nordwind.replace('value: 812', 'value: 813'));
    expect(await until(() => printing, 20_000), all()).toBe(true);
    const code = stop();
    release();
    expect(await code, all()).toBe(130);
    expect(err.at(-1), all()).toBe('stopped watching (SIGINT) during a build: 0 briefings written; the others keep their previous PDFs, which may not show the last save (briefing build brings them up to date)');
  }, 30_000);

  it('says only that it stopped when no build was running', async () => {
    const { dir, data } = dataFolder({ 'nordwind.yaml': nordwind });
    const { err, all, started, stop } = watching(dir, [data], { out: join(dir, 'out') });
    expect(await started(), all()).toBe(true);
    expect(await stop()).toBe(130);
    expect(err.at(-1)).toBe('stopped watching (SIGINT)');
  }, 30_000);
});

describe('watch naming what changed', () => {
  it('leaves an editor\'s scratch files out of the "changed:" line, naming the file saved', async () => {
    // A trial: "changed: .../styles/sedQ4KQi6, .../theme.css", a file sed -i wrote and removed named beside the one it saved.
    const dir = tempDir();
    const data = join(dir, 'data');
    const styles = join(dir, 'theme', 'styles');
    mkdirSync(data);
    mkdirSync(styles, { recursive: true });
    writeFileSync(join(data, 'nordwind.yaml'), nordwind);
    writeFileSync(join(styles, 'theme.css'), ':root { --navy: #0b6e4f; }\n');
    const { out, all, started, stop } = watching(dir, [data], { out: join(dir, 'out'), theme: join(dir, 'theme') });
    expect(await started(), all()).toBe(true);
    for (const scratch of ['4913', '.theme.css.swp', 'theme.css~', 'sedQ4KQi6']) writeFileSync(join(styles, scratch), 'x');
    writeFileSync(join(styles, 'theme.css'), ':root { --navy: #0b5e4f; }\n');
    expect(await until(() => out.filter((l) => l.startsWith('wrote ')).length >= 2, 20_000), all()).toBe(true);
    const changed = out.filter((l) => l.startsWith('changed: '));
    expect(changed.at(-1), all()).toBe(`changed: ${join('theme', 'styles', 'theme.css')}`);
    expect(changed.join('\n'), all()).not.toMatch(/4913|\.swp|~|sedQ4KQi6/);
    expect(await stop()).toBe(130);
  }, 40_000);
});
