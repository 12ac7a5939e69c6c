// Types of browser-search.js, the Chrome/Chromium search shared by src/print/find-browser.ts and
// scripts/ensure-browser.js (plain JavaScript so the postinstall script can run it without tsx).

/** Where a browser was found: the --browser option, an environment variable, a known install location, or PATH. */
export type BrowserSource = 'option' | 'env' | 'known-location' | 'path';

/** Why a browser the user named cannot be used. */
export type ExecutableProblem = 'does not exist' | 'is not a file' | 'is not executable';

/** The candidate lists, shared with scripts/ensure-browser.js through one JSON file so the two cannot drift apart. */
export interface BrowserLocations {
  env: string[];
  knownLocations: Partial<Record<NodeJS.Platform, string[]>>;
  pathNames: string[];
}

/** Inputs of the search; `platform` and `knownLocations` exist so tests can run the search without a real browser. */
export interface BrowserSearchOptions {
  executablePath?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  knownLocations?: readonly string[];
}

/** What the search found: a browser, a browser the user named that cannot be used, or nothing (with what was searched). */
export type BrowserSearchResult =
  | { status: 'found'; path: string; source: BrowserSource }
  | { status: 'rejected'; origin: string; path: string; problem: ExecutableProblem }
  | { status: 'none'; envNames: readonly string[]; knownLocations: readonly string[]; pathNames: readonly string[] };

/** How to get a browser, shared by every "not found" message so the advice is the same everywhere. */
export declare const BROWSER_INSTALL_HINT: string;

/** The candidate lists from browser-locations.json. */
export declare function browserLocations(): BrowserLocations;

/** Why `file` cannot be run as a browser, or undefined when it is an executable regular file. */
export declare function executableProblem(file: string): ExecutableProblem | undefined;

/** True for an existing regular file we may execute (X_OK is a plain existence check on Windows). */
export declare function isExecutableFile(file: string): boolean;

/** Reads an env var; Windows variable names are case-insensitive; an empty value counts as unset. */
export declare function envValue(env: NodeJS.ProcessEnv, name: string, platform: NodeJS.Platform): string | undefined;

/** Replaces %VAR% in Windows candidates; undefined when a variable is unset, so the candidate is skipped. */
export declare function expandWindowsVars(candidate: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined;

/** First executable among `names` on env.PATH, in name order (a preferred name anywhere beats a later one). */
export declare function searchPath(names: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined;

/** Option, then BRIEFING_BROWSER, PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, then known install locations, then PATH. */
export declare function searchBrowser(opts?: BrowserSearchOptions): BrowserSearchResult;
