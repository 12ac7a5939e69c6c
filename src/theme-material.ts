/**
 * What a theme folder is made of (docs/themes.md): the files a build may read from it, and so the ones that make a
 * briefing's theme (plan/ hashes them, queue/ sends them to workers, watch rebuilds on them). A theme may be the
 * canvases' own folder (`briefing.theme: .`), beside the canvases, a config, notes, a log, or the output folder with
 * its PDFs: none of those is the theme's, and counted as such, every edit of a canvas (or every build's own output)
 * was a change of the theme of every briefing made with it.
 */
import { extname } from 'node:path';

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
 * Hidden files and folders (a name starting with ".") never are.
 */
export function isThemeMaterial(rel: string): boolean {
  const parts = rel.split(/[\\/]/).filter((part) => part !== '');
  if (parts.length === 0 || parts.some((part) => part.startsWith('.'))) return false;
  if (parts.length === 1 && parts[0] === 'theme.yaml') return true;
  if (parts.length > 1 && THEME_FOLDERS.has(parts[0]!)) return true;
  return THEME_ASSET_TYPES[extname(parts.at(-1)!).toLowerCase()] !== undefined;
}
