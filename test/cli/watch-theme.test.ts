/**
 * `briefing watch` with a printer that prints nothing real: a theme a canvas names itself (briefing.theme, no --theme)
 * is part of what its briefings are made from, so a save in that folder rebuilds them, as a save in --theme's does.
 * The real browser is in regenerate.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NORDWIND } from '../support/fixtures.ts';
import { until } from '../support/processes.ts';
import { tempDir } from '../support/temp.ts';
import { dataFolder, watching } from '../support/watching.ts';

const nordwind = readFileSync(NORDWIND, 'utf8');

/** The canvas naming `theme` (relative to it) as its briefing.theme. */
const themed = (theme: string) => nordwind.replace(/^briefing:\n/m, `briefing:\n  theme: ${theme}\n`);

describe('watch', () => {
  it.each([
    // Beside the watched folder, or inside it (where files other than canvases were left out), the output folder apart.
    ['beside the watched folder', '../theme', (dir: string) => join(dir, 'theme'), (dir: string) => join(dir, 'out')],
    ['inside the watched folder', 'theme', (dir: string) => join(dir, 'data', 'theme'), (dir: string) => join(dir, 'out')],
    // The theme's files inside the output folder: PDFs written beside the canvases (--out data), or the output folder above
    // the theme. A theme hash that counts them (plan/ withTheme) was not followed by a rebuild when they changed.
    ['that is the canvas folder (briefing.theme: .), with the PDFs written there', '.', (dir: string) => join(dir, 'data'), (dir: string) => join(dir, 'data')],
    ['inside the output folder', 'theme', (dir: string) => join(dir, 'data', 'theme'), (dir: string) => dir],
  ])('rebuilds a canvas\'s own briefing.theme %s when a file of it is saved, and not on its own output', async (_where, named, folder, outDir) => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const theme = folder(dir);
    mkdirSync(data, { recursive: true });
    cpSync('test/fixtures/themes/nordic', theme, { recursive: true });
    writeFileSync(join(data, 'nordwind.yaml'), themed(named));
    const { out, all, started, stop } = watching(dir, [data], { out: outDir(dir) });
    const wrote = () => out.filter((l) => l.startsWith('wrote ')).length;
    try {
      expect(await started(), all()).toBe(true);
      expect(wrote(), all()).toBe(1);

      const css = join(theme, 'styles', 'theme.css');
      const saved = `changed: ${relative(dir, css)}`;
      writeFileSync(css, `${readFileSync(css, 'utf8')}\nbody { letter-spacing: 0.01em; }\n`);
      expect(await until(() => wrote() === 2, 10_000), all()).toBe(true);
      expect(out.filter((l) => l.startsWith('changed: ')), all()).toEqual([saved]);
      // Its own output (a PDF, the manifest), where the two folders meet, is none of the theme's: the next save is the
      // next round, named alone. Taken in, that build's output would have had a round of its own, or be named with it.
      if (theme.startsWith(outDir(dir)) || outDir(dir).startsWith(theme)) {
        writeFileSync(css, `${readFileSync(css, 'utf8')}\nbody { word-spacing: 0.01em; }\n`);
        expect(await until(() => wrote() === 3, 10_000), all()).toBe(true);
        expect(out.filter((l) => l.startsWith('changed: ')), all()).toEqual([saved, saved]);
      }
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 30_000);

  it('does not rebuild on its own output, or a log beside the canvases, when the canvas folder is its theme (briefing.theme: .)', async () => {
    const { dir, data } = dataFolder({});
    cpSync('test/fixtures/themes/nordic', data, { recursive: true });
    writeFileSync(join(data, 'nordwind.yaml'), themed('.'));
    const { out, all, started, stop } = watching(dir, [data], { out: join(data, 'output') });
    const wrote = () => out.filter((l) => l.startsWith('wrote ')).length;
    try {
      expect(await started(), all()).toBe(true);
      expect(wrote(), all()).toBe(1);
      writeFileSync(join(data, 'watch.log'), 'a log\n');

      // What the theme is made of still counts: saved next, it is the only change. Had the log or the first build's
      // output been taken in, it would have had a round of its own before this one, or be named with this save.
      const css = join(data, 'styles', 'theme.css');
      writeFileSync(css, `${readFileSync(css, 'utf8')}\nbody { letter-spacing: 0.01em; }\n`);
      expect(await until(() => wrote() === 2, 10_000), all()).toBe(true);
      expect(out.filter((l) => l.startsWith('changed: ')), all()).toEqual([`changed: ${join('data', 'styles', 'theme.css')}`]);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 30_000);
  it('watches a canvas\'s theme that was broken before its first build, and builds once it is fixed', async () => {
    // The manifest records a canvas's theme only once a build of it succeeded: a theme.yaml wrong from the start was never
    // watched, and its fix printed nothing until the canvas was saved.
    const dir = tempDir();
    const data = join(dir, 'data');
    const theme = join(dir, 'theme');
    mkdirSync(data);
    cpSync('test/fixtures/themes/nordic', theme, { recursive: true });
    const settings = join(theme, 'theme.yaml');
    const good = readFileSync(settings, 'utf8');
    writeFileSync(settings, good.replace('chapter_breaks: page', 'chapter_breaks: sideways'));
    writeFileSync(join(data, 'nordwind.yaml'), themed('../theme'));
    const { out, err, all, started, stop } = watching(dir, [data], { out: join(dir, 'out') });
    const wrote = () => out.filter((l) => l.startsWith('wrote ')).length;
    try {
      expect(await started(), all()).toBe(true);
      expect([wrote(), err.some((l) => l.includes('chapter_breaks'))], all()).toEqual([0, true]);
      writeFileSync(settings, good);
      expect(await until(() => wrote() === 1, 10_000), all()).toBe(true);

      // Named by a later edit, broken too: watched after the build that failed on it (as soon as the watcher has read
      // the new folder: the fix is saved again until it is seen).
      const other = join(dir, 'other');
      cpSync(theme, other, { recursive: true });
      writeFileSync(join(other, 'theme.yaml'), good.replace('chapter_breaks: page', 'chapter_breaks: sideways'));
      writeFileSync(join(data, 'nordwind.yaml'), themed('../other'));
      expect(await until(() => err.filter((l) => l.includes('chapter_breaks')).length === 2, 10_000), all()).toBe(true);
      let seen = false;
      for (let tries = 0; tries < 5 && !seen; tries++) {
        writeFileSync(join(other, 'theme.yaml'), `${good}# saved ${tries}\n`);
        seen = await until(() => wrote() === 2, 2_000);
      }
      expect(seen, all()).toBe(true);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 30_000);

  it('builds a canvas once the theme folder it names, missing at first, is made', async () => {
    // A folder that is not there cannot be watched: one named before it was made was never looked at again, and making
    // it (its parent too, as mkdir -p does) printed nothing until the canvas was saved.
    const { dir, data } = dataFolder({ 'nordwind.yaml': themed('../themes/brand') });
    const { out, err, all, started, stop } = watching(dir, [data], { out: join(dir, 'out') });
    const wrote = () => out.filter((l) => l.startsWith('wrote ')).length;
    try {
      expect(await started(), all()).toBe(true);
      expect([wrote(), err.some((l) => l.includes('no theme folder'))], all()).toEqual([0, true]);
      // An empty folder is a theme (the default settings, the built-in templates): built as soon as it is there.
      const brand = join(dir, 'themes', 'brand');
      mkdirSync(join(brand, 'styles'), { recursive: true });
      expect(await until(() => wrote() === 1, 10_000), all()).toBe(true);

      // Watched from then on, as any theme a canvas names: its files, written next, build it again.
      cpSync('test/fixtures/themes/nordic', brand, { recursive: true });
      expect(await until(() => wrote() === 2, 10_000), all()).toBe(true);
      expect(out.filter((l) => l.startsWith('changed: ')).at(-1), all()).toMatch(/theme\.(css|yaml)/);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 30_000);
});
