import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileTempDir } from '../support/temp.ts';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { browserLocations, findBrowser } from '../../src/print/find-browser.ts';

// Every candidate is a temp file, the env is a plain object and the known locations are passed in, so these
// tests pin the search order without depending on what is installed on the machine.
const root = fileTempDir('find-browser-test-');

let counter = 0;
function fakeBrowser(name = 'chrome', mode = 0o755): string {
  const dir = join(root, String(counter++));
  mkdirSync(dir);
  const file = join(dir, name);
  writeFileSync(file, '#!/bin/sh\nexit 0\n');
  chmodSync(file, mode);
  return file;
}

async function failure(promise: Promise<unknown>): Promise<BriefingError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BriefingError);
  return error as BriefingError;
}

describe('findBrowser', () => {
  const option = fakeBrowser();
  const briefing = fakeBrowser();
  const puppeteer = fakeBrowser();
  const chromePath = fakeBrowser();
  const known1 = fakeBrowser();
  const known2 = fakeBrowser();
  const onPath = fakeBrowser('chromium');
  const pathDir = join(onPath, '..');
  const fullEnv = {
    BRIEFING_BROWSER: briefing,
    PUPPETEER_EXECUTABLE_PATH: puppeteer,
    CHROME_PATH: chromePath,
    PATH: pathDir,
  };
  const knownLocations = [join(root, 'missing', 'chrome'), known1, known2];

  it('prefers the explicit option over everything', async () => {
    expect(await findBrowser({ executablePath: option, env: fullEnv, knownLocations })).toEqual({
      path: option,
      source: 'option',
    });
  });

  it('then BRIEFING_BROWSER, PUPPETEER_EXECUTABLE_PATH, CHROME_PATH in that order', async () => {
    expect(await findBrowser({ env: fullEnv, knownLocations })).toEqual({ path: briefing, source: 'env' });
    const { BRIEFING_BROWSER: _b, ...withoutBriefing } = fullEnv;
    expect(await findBrowser({ env: withoutBriefing, knownLocations })).toEqual({ path: puppeteer, source: 'env' });
    const { PUPPETEER_EXECUTABLE_PATH: _p, ...onlyChromePath } = withoutBriefing;
    expect(await findBrowser({ env: onlyChromePath, knownLocations })).toEqual({ path: chromePath, source: 'env' });
  });

  it('treats an empty variable as unset', async () => {
    expect(await findBrowser({ env: { ...fullEnv, BRIEFING_BROWSER: '' }, knownLocations })).toEqual({
      path: puppeteer,
      source: 'env',
    });
  });

  it('then the first existing known location, then PATH', async () => {
    expect(await findBrowser({ env: { PATH: pathDir }, knownLocations })).toEqual({
      path: known1,
      source: 'known-location',
    });
    expect(await findBrowser({ env: { PATH: pathDir }, knownLocations: [join(root, 'nope')] })).toEqual({
      path: onPath,
      source: 'path',
    });
  });

  it('searches PATH by name preference: google-chrome-stable anywhere beats chromium earlier on PATH', async () => {
    const stable = fakeBrowser('google-chrome-stable');
    const env = { PATH: `${pathDir}:${join(stable, '..')}` };
    expect(await findBrowser({ env, knownLocations: [] })).toEqual({ path: stable, source: 'path' });
  });

  it('skips known locations and PATH entries that are not executable files', async () => {
    const notExecutable = fakeBrowser('chrome', 0o644);
    const directory = join(root, 'a-directory');
    mkdirSync(directory);
    expect(await findBrowser({ env: {}, knownLocations: [notExecutable, directory, known2] })).toEqual({
      path: known2,
      source: 'known-location',
    });
  });

  it('rejects an explicit option or variable that points nowhere, naming it, instead of falling through', async () => {
    const missing = join(root, 'no-such-chrome');
    const byOption = await failure(findBrowser({ executablePath: missing, env: fullEnv, knownLocations }));
    expect(byOption.exitCode).toBe(EXIT.browserNotFound);
    expect(byOption.message).toContain('--browser');
    expect(byOption.message).toContain(missing);
    expect(byOption.message).toContain('does not exist');

    const byEnv = await failure(findBrowser({ env: { ...fullEnv, CHROME_PATH: missing, BRIEFING_BROWSER: undefined, PUPPETEER_EXECUTABLE_PATH: undefined }, knownLocations }));
    expect(byEnv.message).toContain(`CHROME_PATH names the browser ${missing}, which does not exist. Fix or unset CHROME_PATH.`);

    const notExecutable = fakeBrowser('chrome', 0o644);
    const byMode = await failure(findBrowser({ env: { BRIEFING_BROWSER: notExecutable }, knownLocations }));
    // root may read anything, but X_OK still needs an execute bit, so this holds as root too.
    expect(byMode.message).toContain('is not executable');

    const byDir = await failure(findBrowser({ env: { BRIEFING_BROWSER: root }, knownLocations }));
    expect(byDir.message).toContain('is not a file');
  });

  it('resolves a relative --browser path to an absolute one', async () => {
    const file = fakeBrowser();
    const found = await findBrowser({ executablePath: relative(process.cwd(), file), env: {} });
    expect(found).toEqual({ path: file, source: 'option' });
  });

  it('says how to get a browser when there is none', async () => {
    const error = await failure(findBrowser({ env: { PATH: join(root, 'empty') }, knownLocations: [] }));
    expect(error.exitCode).toBe(EXIT.browserNotFound);
    expect(error.message).toContain('apt-get update && apt-get install -y chromium-headless-shell');
    expect(error.message).toContain('Google Chrome');
    expect(error.message).toContain('BRIEFING_BROWSER=/path/to/chrome');
    expect(error.message).toContain('--browser');
  });

  it('expands %VAR% in Windows locations and skips those whose variable is unset', async () => {
    const programFiles = join(root, 'pf');
    const chrome = join(programFiles, 'Google', 'Chrome', 'Application', 'chrome.exe');
    mkdirSync(join(chrome, '..'), { recursive: true });
    writeFileSync(chrome, '');
    chmodSync(chrome, 0o755);
    // Windows paths with forward slashes still name the file on this POSIX test machine.
    const found = await findBrowser({
      platform: 'win32',
      env: { ProgramFiles: programFiles },
      knownLocations: ['%LOCALAPPDATA%/Google/Chrome/Application/chrome.exe', '%PROGRAMFILES%/Google/Chrome/Application/chrome.exe'],
    });
    expect(found).toEqual({ path: chrome, source: 'known-location' });
  });

  it('reads the same candidate lists as scripts/ensure-browser.js (one JSON file)', () => {
    const locations = browserLocations();
    expect(locations.env).toEqual(['BRIEFING_BROWSER', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']);
    expect(locations.knownLocations.linux?.slice(0, 2)).toEqual(['/usr/lib/chromium/chromium-headless-shell', '/usr/lib/chromium/chromium']);
    expect(locations.knownLocations.darwin?.[0]).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(locations.pathNames).toEqual(['chrome-headless-shell', 'chromium-headless-shell', 'google-chrome-stable', 'google-chrome', 'chromium', 'chromium-browser', 'chrome']);
  });
});
