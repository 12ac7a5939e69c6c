import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BriefingError, EXIT } from '../errors.ts';

/** Where a browser was found: the --browser option, an environment variable, a known install location, or PATH. */
export type BrowserSource = 'option' | 'env' | 'known-location' | 'path';

/** A usable Chrome/Chromium executable and how it was found (so the CLI can say which one it uses). */
export interface FoundBrowser {
  path: string;
  source: BrowserSource;
}

/** Inputs of the search; `platform` and `knownLocations` exist so tests can run the search without a real browser. */
export interface FindBrowserOptions {
  executablePath?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  knownLocations?: readonly string[];
}

/** The candidate lists, shared with scripts/ensure-browser.js through one JSON file so the two cannot drift apart. */
export interface BrowserLocations {
  env: string[];
  knownLocations: Partial<Record<NodeJS.Platform, string[]>>;
  pathNames: string[];
}

let locationsCache: BrowserLocations | undefined;

/** The candidate lists from browser-locations.json (read with fs rather than a JSON import so tsx, tsc and plain node agree). */
export function browserLocations(): BrowserLocations {
  locationsCache ??= JSON.parse(readFileSync(new URL('./browser-locations.json', import.meta.url), 'utf8')) as BrowserLocations;
  return locationsCache;
}

/** How to get a browser, shared by every "not found" message so the advice is the same everywhere. */
export const BROWSER_INSTALL_HINT =
  'To get one: on Debian/Ubuntu, as root, run `apt-get update && apt-get install -y chromium`; ' +
  'otherwise install Google Chrome (https://www.google.com/chrome/), ' +
  'or point canvas-briefing at an installed Chrome/Chromium with BRIEFING_BROWSER=/path/to/chrome (or pass --browser /path/to/chrome).';

/**
 * Finds a Chrome/Chromium executable: the explicit option, then BRIEFING_BROWSER, PUPPETEER_EXECUTABLE_PATH,
 * CHROME_PATH, then known install locations for the platform, then PATH. Throws BriefingError(browserNotFound).
 */
export async function findBrowser(opts: FindBrowserOptions = {}): Promise<FoundBrowser> {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const locations = browserLocations();

  // Something the user named explicitly must work: silently using another browser would hide their mistake.
  if (opts.executablePath) return { path: requireExecutable(opts.executablePath, '--browser'), source: 'option' };
  for (const name of locations.env) {
    const value = envValue(env, name, platform);
    if (value) return { path: requireExecutable(value, name), source: 'env' };
  }

  const known = opts.knownLocations ?? locations.knownLocations[platform] ?? [];
  for (const candidate of known) {
    const expanded = expandWindowsVars(candidate, env, platform);
    if (expanded && isExecutableFile(expanded)) return { path: expanded, source: 'known-location' };
  }

  const onPath = searchPath(locations.pathNames, env, platform);
  if (onPath) return { path: onPath, source: 'path' };

  throw new BriefingError(
    `No Chrome or Chromium browser found: canvas-briefing needs one to print PDFs. ` +
      `Looked at ${locations.env.join(', ')}, ${known.length} known install locations and PATH (${locations.pathNames.join(', ')}). ` +
      BROWSER_INSTALL_HINT,
    EXIT.browserNotFound,
  );
}

/** Returns the absolute path when it is an executable file, else throws an error naming where the path came from. */
function requireExecutable(file: string, origin: string): string {
  const absolute = path.resolve(file);
  let problem: string | undefined;
  try {
    if (!statSync(absolute).isFile()) problem = 'is not a file';
    else if (!isExecutableFile(absolute)) problem = 'is not executable';
  } catch {
    problem = 'does not exist';
  }
  if (!problem) return absolute;
  throw new BriefingError(
    `${origin} names the browser ${absolute}, which ${problem}. Fix or unset ${origin}. ${BROWSER_INSTALL_HINT}`,
    EXIT.browserNotFound,
  );
}

/** True for an existing regular file we may execute (X_OK is a plain existence check on Windows). */
function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Reads an env var; Windows variable names are case-insensitive, and a fake env in tests is a plain object. */
function envValue(env: NodeJS.ProcessEnv, name: string, platform: NodeJS.Platform): string | undefined {
  if (env[name] !== undefined) return env[name] || undefined;
  if (platform !== 'win32') return undefined;
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return (key && env[key]) || undefined;
}

/** Replaces %VAR% in Windows candidates; undefined when a variable is unset, so the candidate is skipped. */
function expandWindowsVars(candidate: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  let missing = false;
  const expanded = candidate.replace(/%([^%]+)%/g, (_, name: string) => {
    const value = envValue(env, name, platform);
    if (!value) missing = true;
    return value ?? '';
  });
  return missing ? undefined : expanded;
}

/** First executable among `names` on env.PATH, in name order (a preferred name anywhere beats a later one). */
function searchPath(names: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const win = platform === 'win32';
  const dirs = (envValue(env, 'PATH', platform) ?? '').split(win ? ';' : ':').filter(Boolean);
  const join = win ? path.win32.join : path.posix.join;
  for (const name of names) {
    const file = win && !path.win32.extname(name) ? `${name}.exe` : name;
    for (const dir of dirs) {
      const candidate = join(dir, file);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}
