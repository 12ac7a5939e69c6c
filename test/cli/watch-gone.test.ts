/**
 * `briefing watch` with a printer that prints nothing real: a watched folder that goes and comes back (moved away and
 * back, a checkout that swaps it) is watched again, and its next edit is built. The real browser is in regenerate.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NORDWIND } from '../support/fixtures.ts';
import { until } from '../support/processes.ts';
import { tempDir } from '../support/temp.ts';
import { dataFolder, watching } from '../support/watching.ts';

const nordwind = readFileSync(NORDWIND, 'utf8');

describe('watch', () => {
  it('watches a folder again that was moved away and back, and builds its next edit', async () => {
    const { dir, data } = dataFolder({ 'nordwind.yaml': nordwind });
    const { out, err, started, stop } = watching(dir, [data], { out: join(dir, 'out') });
    const wrote = () => out.filter((l) => l.startsWith('wrote ')).length;
    try {
      expect(await started(), `${out.join('\n')}\n${err.join('\n')}`).toBe(true);
      expect(wrote()).toBe(1);

      renameSync(data, `${data}-moved`);
      expect(await until(() => err.some((l) => l.includes('no such file or folder')), 20_000), err.join('\n')).toBe(true);
      // Its round ends as any other, with the closing line, and its PDF stays.
      expect(await until(() => out.at(-1) === '0 briefings written, 1 failed: data (gone)', 20_000), out.join('\n')).toBe(true);
      expect(existsSync(join(dir, 'out', 'nordwind.pdf'))).toBe(true);
      // Said once: while it is away, it is looked for, not built again every half second.
      await new Promise((r) => setTimeout(r, 1500));
      expect(err.filter((l) => l.includes('no such file or folder')), err.join('\n')).toHaveLength(1);
      renameSync(`${data}-moved`, data);
      expect(await until(() => out.filter((l) => l.startsWith('changed: ')).length >= 2 && out.at(-1) === '1 briefing up to date', 20_000), out.join('\n')).toBe(true);

      writeFileSync(join(data, 'nordwind.yaml'), nordwind.replace('value: 1234.5', 'value: 1299.9'));
      expect(await until(() => wrote() === 2, 20_000), `${out.join('\n')}\n${err.join('\n')}`).toBe(true);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 30_000);

  it('watches the --theme folder again that was moved away and back, and builds its next edit', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const theme = join(dir, 'theme');
    mkdirSync(data);
    writeFileSync(join(data, 'nordwind.yaml'), nordwind);
    cpSync('test/fixtures/themes/nordic', theme, { recursive: true });
    const { out, err, started, stop } = watching(dir, [data], { out: join(dir, 'out'), theme });
    const wrote = () => out.filter((l) => l.startsWith('wrote ')).length;
    const changes = () => out.filter((l) => l.startsWith('changed: ')).length;
    try {
      expect(await started(), `${out.join('\n')}\n${err.join('\n')}`).toBe(true);
      expect(wrote()).toBe(1);

      renameSync(theme, `${theme}-moved`);
      expect(await until(() => changes() >= 1, 20_000), out.join('\n')).toBe(true);
      await new Promise((r) => setTimeout(r, 1000));
      renameSync(`${theme}-moved`, theme);
      await new Promise((r) => setTimeout(r, 1500));
      const before = wrote();
      writeFileSync(join(theme, 'styles', 'theme.css'), `${readFileSync(join(theme, 'styles', 'theme.css'), 'utf8')}\nbody { letter-spacing: 0.01em; }\n`);
      expect(await until(() => wrote() > before, 10_000), `${out.join('\n')}\n${err.join('\n')}`).toBe(true);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 40_000);

  it('watches a theme a canvas came to name (briefing.theme, added by an edit) again that was moved away and back', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const theme = join(dir, 'theme');
    mkdirSync(data);
    const canvas = join(data, 'nordwind.yaml');
    writeFileSync(canvas, nordwind);
    cpSync('test/fixtures/themes/nordic', theme, { recursive: true });
    const { out, err, started, stop } = watching(dir, [data], { out: join(dir, 'out') });
    const all = () => `${out.join('\n')}\n${err.join('\n')}`;
    const wrote = () => out.filter((l) => l.startsWith('wrote ')).length;
    const changes = () => out.filter((l) => l.startsWith('changed: ')).length;
    try {
      expect(await started(), all()).toBe(true);
      // Named by an edit, not at the start: watched from the build that read it.
      writeFileSync(canvas, nordwind.replace(/^briefing:\n/m, 'briefing:\n  theme: ../theme\n'));
      expect(await until(() => wrote() === 2, 20_000), all()).toBe(true);
      await new Promise((r) => setTimeout(r, 1000)); // the watcher has read the folder the build added

      renameSync(theme, `${theme}-moved`);
      expect(await until(() => changes() >= 2 && out.some((l) => l.includes('1 failed')), 20_000), all()).toBe(true);
      renameSync(`${theme}-moved`, theme);
      // Back: watched again and built (the canvas failed while it was away), up to date with the PDF the failure left.
      expect(await until(() => changes() >= 3 && out.at(-1) === '1 briefing up to date', 20_000), all()).toBe(true);
      await new Promise((r) => setTimeout(r, 500));
      writeFileSync(join(theme, 'styles', 'theme.css'), `${readFileSync(join(theme, 'styles', 'theme.css'), 'utf8')}\nbody { letter-spacing: 0.01em; }\n`);
      expect(await until(() => wrote() === 3, 10_000), all()).toBe(true);
    } finally {
      expect(await stop()).toBe(130);
    }
  }, 60_000);
});
