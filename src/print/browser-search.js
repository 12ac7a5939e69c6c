// The Chrome/Chromium search, in one place for both users: src/print/find-browser.ts (the app) and
// scripts/ensure-browser.js (npm postinstall). It is plain Node ESM JavaScript with no dependencies,
// because the postinstall script runs before tsx or any dev dependency can be relied on; its types are
// in browser-search.d.ts. The candidate lists live in browser-locations.json next to this file.
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** How to get a browser, shared by every "not found" message so the advice is the same everywhere. */
export const BROWSER_INSTALL_HINT =
  'To get one: on Debian, as root (or with sudo), run `apt-get update && apt-get install -y chromium-headless-shell` ' +
  '(Chromium without its windows, made for printing; `chromium` works too); ' +
  'otherwise install Google Chrome (https://www.google.com/chrome/), ' +
  'or point canvas-briefing at an installed Chrome/Chromium with BRIEFING_BROWSER=/path/to/chrome (or pass --browser /path/to/chrome).';

/** @type {import('./browser-search.js').BrowserLocations | undefined} */
let locationsCache;

/**
 * The candidate lists from browser-locations.json (read with fs rather than a JSON import so tsx, tsc and plain node agree).
 * @returns {import('./browser-search.js').BrowserLocations}
 */
export function browserLocations() {
  locationsCache ??= JSON.parse(readFileSync(new URL('./browser-locations.json', import.meta.url), 'utf8'));
  return /** @type {import('./browser-search.js').BrowserLocations} */ (locationsCache);
}

/**
 * Why `file` cannot be run as a browser, or undefined when it is an executable regular file.
 * @param {string} file
 * @returns {import('./browser-search.js').ExecutableProblem | undefined}
 */
export function executableProblem(file) {
  try {
    if (!statSync(file).isFile()) return 'is not a file';
  } catch {
    return 'does not exist';
  }
  try {
    // X_OK is a plain existence check on Windows.
    accessSync(file, constants.X_OK);
    return undefined;
  } catch {
    return 'is not executable';
  }
}

/**
 * True for an existing regular file we may execute.
 * @param {string} file
 * @returns {boolean}
 */
export function isExecutableFile(file) {
  return executableProblem(file) === undefined;
}

/**
 * Reads an env var; Windows variable names are case-insensitive, and a fake env in tests is a plain object.
 * An empty value counts as unset.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 * @param {NodeJS.Platform} platform
 * @returns {string | undefined}
 */
export function envValue(env, name, platform) {
  if (env[name] !== undefined) return env[name] || undefined;
  if (platform !== 'win32') return undefined;
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return (key && env[key]) || undefined;
}

/**
 * Replaces %VAR% in Windows candidates; undefined when a variable is unset, so the candidate is skipped.
 * @param {string} candidate
 * @param {NodeJS.ProcessEnv} env
 * @param {NodeJS.Platform} platform
 * @returns {string | undefined}
 */
export function expandWindowsVars(candidate, env, platform) {
  let missing = false;
  const expanded = candidate.replace(/%([^%]+)%/g, (_, /** @type {string} */ name) => {
    const value = envValue(env, name, platform);
    if (!value) missing = true;
    return value ?? '';
  });
  return missing ? undefined : expanded;
}

/**
 * First executable among `names` on env.PATH, in name order (a preferred name anywhere beats a later one).
 * @param {readonly string[]} names
 * @param {NodeJS.ProcessEnv} env
 * @param {NodeJS.Platform} platform
 * @returns {string | undefined}
 */
export function searchPath(names, env, platform) {
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

/**
 * Searches in order: the explicit executable path, the environment variables (BRIEFING_BROWSER,
 * PUPPETEER_EXECUTABLE_PATH, CHROME_PATH), the known install locations for the platform, then PATH.
 * Something the user named explicitly (option or variable) must work: when it does not, the result is
 * `rejected` instead of falling through, since silently using another browser would hide their mistake.
 * @param {import('./browser-search.js').BrowserSearchOptions} [opts]
 * @returns {import('./browser-search.js').BrowserSearchResult}
 */
export function searchBrowser(opts = {}) {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const locations = browserLocations();

  if (opts.executablePath) return explicit(opts.executablePath, '--browser', 'option');
  for (const name of locations.env) {
    const value = envValue(env, name, platform);
    if (value) return explicit(value, name, 'env');
  }

  const known = opts.knownLocations ?? locations.knownLocations[platform] ?? [];
  for (const candidate of known) {
    const expanded = expandWindowsVars(candidate, env, platform);
    if (expanded && isExecutableFile(expanded)) return { status: 'found', path: expanded, source: 'known-location' };
  }

  const onPath = searchPath(locations.pathNames, env, platform);
  if (onPath) return { status: 'found', path: onPath, source: 'path' };
  return { status: 'none', envNames: locations.env, knownLocations: known, pathNames: locations.pathNames };
}

/**
 * The result for a browser the user named: found when it is an executable file, else rejected with the reason.
 * @param {string} file
 * @param {string} origin
 * @param {'option' | 'env'} source
 * @returns {import('./browser-search.js').BrowserSearchResult}
 */
function explicit(file, origin, source) {
  const absolute = path.resolve(file);
  const problem = executableProblem(absolute);
  return problem ? { status: 'rejected', origin, path: absolute, problem } : { status: 'found', path: absolute, source };
}
