/** What a theme folder is made of (src/theme-material.ts): the one rule for the theme hash, the workers' files and watch. */
import { describe, expect, it } from 'vitest';
import { isThemeMaterial } from '../src/theme-material.ts';

describe('the files a theme is made of', () => {
  it('are its theme.yaml, what is under templates/ and styles/, and the files it can embed, with either separator', () => {
    for (const rel of ['theme.yaml', 'styles/theme.css', 'templates\\partials\\cover.hbs', 'images/logo.PNG', 'fonts/brand.woff2']) expect(isThemeMaterial(rel), rel).toBe(true);
    for (const rel of ['acme.yaml', 'notes.txt', 'output/acme.pdf', '.git/config', 'styles/.theme.css.swp', 'theme.yml']) expect(isThemeMaterial(rel), rel).toBe(false);
  });

  it('are named in any case, as a case-insensitive file system (macOS, Windows) gives them to the build', () => {
    // There, the build reads Theme.yaml for theme.yaml and Styles/theme.css for styles/theme.css: an edit of one that the
    // hash left out printed nothing again, and a --redis build sent the workers a theme without it.
    for (const rel of ['Theme.yaml', 'THEME.YAML', 'Styles/theme.css', 'Templates/partials/cover.hbs']) expect(isThemeMaterial(rel), rel).toBe(true);
  });
});
