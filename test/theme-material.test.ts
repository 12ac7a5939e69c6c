/** What a theme folder is made of (src/theme-material.ts): the one rule for the theme hash, the workers' files and watch. */
import { describe, expect, it } from 'vitest';
import fs, { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isThemeMaterial, themeMaterialFiles } from '../src/theme-material.ts';
import { tempDir } from './support/temp.ts';
import { withBuiltin } from './support/builtins.ts';

describe('the files a theme is made of', () => {
  it('are its theme.yaml, what is under templates/ and styles/, and the files it can embed, with either separator', () => {
    for (const rel of ['theme.yaml', 'styles/theme.css', 'templates\\partials\\cover.hbs', 'images/logo.PNG', 'fonts/brand.woff2']) expect(isThemeMaterial(rel), rel).toBe(true);
    for (const rel of ['logo.svg', 'logo.png', 'photo.jpg', 'photo.JPEG', 'fonts/a.woff', 'fonts/a.ttf', 'fonts/a.otf']) expect(isThemeMaterial(rel), rel).toBe(true);
    for (const rel of ['acme.yaml', 'notes.txt', 'output/acme.pdf', '.git/config', 'styles/.theme.css.swp', 'theme.yml', 'styles', 'sub/theme.yaml']) expect(isThemeMaterial(rel), rel).toBe(false);
  });

  it('are named in any case, as a case-insensitive file system (macOS, Windows) gives them to the build', () => {
    // There, the build reads Theme.yaml for theme.yaml and Styles/theme.css for styles/theme.css: an edit of one that the
    // hash left out printed nothing again, and a --redis build sent the workers a theme without it.
    for (const rel of ['Theme.yaml', 'THEME.YAML', 'Styles/theme.css', 'Templates/partials/cover.hbs']) expect(isThemeMaterial(rel), rel).toBe(true);
  });
});

describe('the files of a theme folder', () => {
  it('are listed in one order, by name, whatever order the folder gives them in, and none of the canvas folder\'s other files', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'styles'));
    mkdirSync(join(dir, 'output'));
    for (const rel of ['styles/z.css', 'theme.yaml', 'styles/a.css', 'logo.svg', 'acme.yaml', 'output/acme.pdf', 'b-logo.png']) writeFileSync(join(dir, rel), 'x');
    const expected = ['b-logo.png', 'logo.svg', 'styles/a.css', 'styles/z.css', 'theme.yaml'].map((rel) => ({ rel, path: join(dir, rel) }));
    expect(themeMaterialFiles(dir)).toEqual(expected);
    // A folder's own order is the file system's (creation order, a hash): the same theme must hash alike on every machine.
    const readdir = fs.readdirSync;
    const reversed = ((...args: Parameters<typeof readdir>) => (readdir(...args) as unknown as string[]).slice().reverse()) as unknown as typeof readdir;
    await withBuiltin(fs, 'readdirSync', reversed, () => expect(themeMaterialFiles(dir)).toEqual(expected));
  });

  it('pass over a file of the canvas folder that cannot be read, but not one of the theme\'s, nor a theme folder that is not there', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'styles'));
    writeFileSync(join(dir, 'theme.yaml'), 'x');
    symlinkSync(join(dir, 'moved.pdf'), join(dir, 'old.pdf')); // a link to a PDF that was moved
    expect(themeMaterialFiles(dir)).toEqual([{ rel: 'theme.yaml', path: join(dir, 'theme.yaml') }]);
    symlinkSync(join(dir, 'gone.css'), join(dir, 'styles', 'theme.css'));
    expect(() => themeMaterialFiles(dir)).toThrow(/ENOENT/);
    expect(() => themeMaterialFiles(join(dir, 'no-such-theme'))).toThrow(/ENOENT/);
  });
});
