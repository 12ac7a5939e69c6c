import { BriefingError, EXIT } from '../errors.ts';
import { BROWSER_INSTALL_HINT, searchBrowser, type BrowserSearchOptions, type BrowserSource } from './browser-search.js';

// The search itself is in browser-search.js, plain JavaScript shared with scripts/ensure-browser.js
// (the npm postinstall script, which cannot load TypeScript), so the app and the installer find the same browser.
export { BROWSER_INSTALL_HINT, browserLocations, type BrowserLocations, type BrowserSource } from './browser-search.js';

/** A usable Chrome/Chromium executable and how it was found (so the CLI can say which one it uses). */
export interface FoundBrowser {
  path: string;
  source: BrowserSource;
}

/** Inputs of the search; `platform` and `knownLocations` exist so tests can run the search without a real browser. */
export type FindBrowserOptions = BrowserSearchOptions;

/**
 * Finds a Chrome/Chromium executable: the explicit option, then BRIEFING_BROWSER, PUPPETEER_EXECUTABLE_PATH,
 * CHROME_PATH, then known install locations for the platform, then PATH. Throws BriefingError(browserNotFound).
 */
export async function findBrowser(opts: FindBrowserOptions = {}): Promise<FoundBrowser> {
  const result = searchBrowser(opts);
  switch (result.status) {
    case 'found':
      return { path: result.path, source: result.source };
    case 'rejected':
      // Something the user named explicitly must work: silently using another browser would hide their mistake.
      throw new BriefingError(
        `${result.origin} names the browser ${result.path}, which ${result.problem}. Fix or unset ${result.origin}. ${BROWSER_INSTALL_HINT}`,
        EXIT.browserNotFound,
      );
    case 'none':
      throw new BriefingError(
        `No Chrome or Chromium browser found: canvas-briefing needs one to print PDFs. ` +
          `Looked at ${result.envNames.join(', ')}, ${result.knownLocations.length} known install locations and PATH (${result.pathNames.join(', ')}). ` +
          BROWSER_INSTALL_HINT,
        EXIT.browserNotFound,
      );
  }
}
