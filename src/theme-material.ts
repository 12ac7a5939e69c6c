/**
 * What a theme folder is made of (docs/themes.md): the files a build may read from it, and so the ones that make a
 * briefing's theme (plan/ hashes them, queue/ sends them to workers, watch rebuilds on them). A theme may be the
 * canvases' own folder (`briefing.theme: .`), beside the canvases, a config, notes, a log, or the output folder with
 * its PDFs: none of those is the theme's, and counted as such, every edit of a canvas (or every build's own output)
 * was a change of the theme of every briefing made with it.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/** The files a theme embeds (its logo, and what its stylesheets name with url()), by extension, with their MIME types. */
export const THEME_ASSET_TYPES: Readonly<Record<string, string>> = {
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.otf': 'font/otf',
};

/** Folders of a theme whose every file may be read: templates (and partials) and stylesheets. */
const THEME_FOLDERS = new Set(['templates', 'styles']);

/**
 * Whether `rel`, a file's path inside a theme folder ("/" or the system's separator), is part of the theme: its
 * theme.yaml, a file under templates/ or styles/, or a file it can embed (by extension, anywhere in the folder).
 * Hidden files and folders (a name starting with ".") never are. Names are compared in any case.
 */
export function isThemeMaterial(rel: string): boolean {
  const parts = rel.split(/[\\/]/).filter((part) => part !== '');
  if (parts.length === 0 || parts.some((part) => part.startsWith('.'))) return false;
  // In any case: a case-insensitive file system (macOS, Windows) gives the build Styles/theme.css for styles/theme.css.
  if (parts.length === 1 && parts[0]!.toLowerCase() === 'theme.yaml') return true;
  if (parts.length > 1 && THEME_FOLDERS.has(parts[0]!.toLowerCase())) return true;
  return THEME_ASSET_TYPES[extname(parts.at(-1)!).toLowerCase()] !== undefined;
}

/**
 * The files theme folder `dir` is made of (isThemeMaterial), each as its path with "/" (the same on every system) and
 * where it is, in one fixed order: what plan/ hashes and queue/ sends to workers. The other files of a canvas folder that
 * is its own theme are none of the theme's: one that cannot be read (a link to a PDF that was moved, a folder of someone
 * else's) is passed over, as it is by the build, and ended neither the hash before the theme's stylesheet nor a
 * `--redis` build. A file of the theme that cannot be read, or the folder itself, throws.
 */
export function themeMaterialFiles(dir: string): Array<{ rel: string; path: string }> {
  const files: Array<{ rel: string; path: string }> = [];
  const walk = (folder: string, prefix: string): void => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch (error) {
      if (prefix === '' || isThemeMaterial(`${prefix}x`)) throw error; // the folder itself, or one under templates/ or styles/
      return;
    }
    for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
      const path = join(folder, name);
      const rel = `${prefix}${name}`;
      let directory: boolean;
      try {
        directory = statSync(path).isDirectory();
      } catch (error) {
        if (isThemeMaterial(rel)) throw error;
        continue;
      }
      if (directory) walk(path, `${rel}/`);
      else if (isThemeMaterial(rel)) files.push({ rel, path });
    }
  };
  walk(dir, '');
  return files;
}
