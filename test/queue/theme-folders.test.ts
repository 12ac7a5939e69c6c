/** A worker's theme folders (queue/theme-folders.ts): written once per theme, and no more kept than THEME_FOLDERS, however many themes its jobs name. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fsPromises from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { THEME_FOLDERS, themeFolders } from '../../src/queue/theme-folders.ts';
import { MAX_THEME_BYTES, packFolder, type PackedFile } from '../../src/queue/jobs.ts';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { tempDir } from '../support/temp.ts';
import { withBuiltin } from '../support/builtins.ts';

/** A theme's files as a job carries them: its stylesheet in colour `n`. */
const theme = (n: number): PackedFile[] => [
  { path: 'theme.yaml', base64: Buffer.from('name: Test\n').toString('base64') },
  { path: 'styles/theme.css', base64: Buffer.from(`:root { --navy: #${n.toString(16).padStart(6, '0')}; }\n`).toString('base64') },
];
const foldersIn = (scratch: string) => readdirSync(scratch).filter((f) => f.startsWith('theme-'));

describe('a worker\'s theme folders', () => {
  it('keeps THEME_FOLDERS of them after jobs that named 200 themes, one after another (it kept all 200)', async () => {
    const scratch = tempDir();
    const themes = themeFolders(scratch);
    for (let n = 0; n < 200; n++) {
      const { dir, release } = await themes.hold(theme(n));
      expect(readFileSync(join(dir, 'styles', 'theme.css'), 'utf8')).toContain(n.toString(16).padStart(6, '0'));
      release();
    }
    expect(themes.size).toBe(THEME_FOLDERS);
    await vi.waitFor(() => expect(foldersIn(scratch)).toHaveLength(THEME_FOLDERS));
  });

  it('writes a theme once for all the jobs that name it, keeps the one a job holds, and writes one removed again when named again', async () => {
    const scratch = tempDir();
    const themes = themeFolders(scratch, 2);
    const first = await themes.hold(theme(1));
    const again = await themes.hold(theme(1));
    expect(again.dir).toBe(first.dir);
    again.release();
    for (let n = 2; n < 6; n++) (await themes.hold(theme(n))).release();
    await vi.waitFor(() => expect(foldersIn(scratch)).toHaveLength(2)); // the one still held, and the last used
    expect(existsSync(join(first.dir, 'styles', 'theme.css'))).toBe(true);
    first.release();
    (await themes.hold(theme(6))).release(); // the least recently used now
    await vi.waitFor(() => expect(existsSync(first.dir)).toBe(false));
    const back = await themes.hold(theme(1));
    expect(back.dir).toBe(first.dir);
    expect(readFileSync(join(back.dir, 'styles', 'theme.css'), 'utf8')).toContain('000001');
    back.release();
  });

  it('writes again, under its name, a theme named just as its folder is being removed', async () => {
    const scratch = tempDir();
    const themes = themeFolders(scratch, 1);
    (await themes.hold(theme(1))).release();
    // A removal that takes a while (a large theme, a slow disk).
    const realRm = fsPromises.rm;
    const slowRm = async (...args: Parameters<typeof realRm>) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return realRm(...args);
    };
    await withBuiltin(fsPromises, 'rm', slowRm, async () => {
      (await themes.hold(theme(2))).release(); // theme 1's folder goes, not yet gone
      const back = await themes.hold(theme(1));
      await new Promise((resolve) => setTimeout(resolve, 300)); // the removal done meanwhile took nothing written after it
      expect(readFileSync(join(back.dir, 'styles', 'theme.css'), 'utf8')).toContain('000001');
      back.release();
      await vi.waitFor(() => expect(foldersIn(scratch)).toEqual([back.dir.slice(scratch.length + 1)]));
    });
  });

  it('removes the theme used least recently, not the one written first, when a job names one more', async () => {
    const scratch = tempDir();
    const themes = themeFolders(scratch, 2);
    const first = await themes.hold(theme(1));
    first.release();
    const second = await themes.hold(theme(2));
    second.release();
    (await themes.hold(theme(1))).release(); // theme 1 named again: now the most recently used
    (await themes.hold(theme(3))).release();
    await vi.waitFor(() => expect(existsSync(second.dir)).toBe(false));
    expect(readFileSync(join(first.dir, 'styles', 'theme.css'), 'utf8')).toContain('000001');
    expect(themes.size).toBe(2);
  });

  it('keeps a folder another job holds though one job releases its hold twice', async () => {
    const scratch = tempDir();
    const themes = themeFolders(scratch, 1);
    const a = await themes.hold(theme(1));
    const b = await themes.hold(theme(1));
    a.release();
    a.release(); // said twice: still one hold less, not two
    (await themes.hold(theme(2))).release();
    await vi.waitFor(() => expect(foldersIn(scratch)).toEqual([basename(b.dir)]));
    expect(readFileSync(join(b.dir, 'styles', 'theme.css'), 'utf8')).toContain('000001');
    b.release();
  });

  it('leaves nothing of a theme it could not write, and tries it again the next time', async () => {
    const scratch = tempDir();
    const themes = themeFolders(scratch);
    const bad: PackedFile[] = [{ path: '../escape.css', base64: '' }];
    await expect(themes.hold(bad)).rejects.toThrow(/cannot hold/);
    await expect(themes.hold(bad)).rejects.toThrow(/cannot hold/);
    expect(themes.size).toBe(0);
    expect(readdirSync(scratch)).toEqual([]);
  });
});

describe('a theme folder packed for the workers', () => {
  it('carries what the theme is made of, not the canvases, notes or output of a canvas folder that is its own theme', async () => {
    const dir = tempDir();
    const files: Record<string, string> = {
      'theme.yaml': 'name: House\n', 'logo.svg': '<svg/>', 'styles/theme.css': 'h1 {}', 'templates/partials/cover.hbs': '<p/>', 'fonts/brand.woff2': 'font',
      'acme.yaml': 'company: {}', 'briefing.config.yaml': 'lists: {}', 'notes.txt': 'call the auditors', 'output/acme.pdf': '%PDF-1.7', 'output/.briefing-manifest.json': '{}', '.git/HEAD': 'ref',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    expect((await packFolder(dir)).map((f) => f.path)).toEqual(['fonts/brand.woff2', 'logo.svg', 'styles/theme.css', 'templates/partials/cover.hbs', 'theme.yaml']);
  });

  it('sends a theme of up to 20 MB in all, and refuses one a byte larger, saying what to keep in it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'styles'));
    writeFileSync(join(dir, 'styles', 'theme.css'), 'h1 {}');
    writeFileSync(join(dir, 'logo.svg'), Buffer.alloc(MAX_THEME_BYTES - 5, 0x20));
    expect((await packFolder(dir)).map((f) => f.path)).toEqual(['logo.svg', 'styles/theme.css']);
    writeFileSync(join(dir, 'styles', 'theme.css'), 'h1 { }');
    const refused = await packFolder(dir).then(() => undefined, (e: unknown) => e);
    expect(refused).toBeInstanceOf(BriefingError);
    expect((refused as BriefingError).exitCode).toBe(EXIT.usage);
    expect((refused as BriefingError).message).toBe(`theme folder ${dir} holds more than 20 MB: too much to send with every job of the queue; keep only its templates, styles and logo in it`);
  });

  it('leaves out a file beside the canvases that cannot be read (a link to nothing), as it is none of the theme\'s', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'styles'));
    writeFileSync(join(dir, 'styles', 'theme.css'), 'h1 {}');
    symlinkSync(join(dir, 'gone.pdf'), join(dir, 'latest.pdf'));
    expect((await packFolder(dir)).map((f) => f.path)).toEqual(['styles/theme.css']);
  });
});
