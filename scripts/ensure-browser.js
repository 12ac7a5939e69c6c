#!/usr/bin/env node
// Makes sure a Chrome/Chromium is available for printing PDFs. Runs as npm postinstall, so it is plain
// Node ESM with no dependencies (nothing else is guaranteed to be installed yet) and it never fails the
// install: without a browser, `briefing build` later fails with the browser-not-found exit code (5).
//
// The search itself is src/print/browser-search.js, plain JavaScript shared with src/print/find-browser.ts,
// so this script and `briefing build` look in the same places in the same order and find the same browser.
import { spawnSync } from 'node:child_process';
import { BROWSER_INSTALL_HINT as HINT, isExecutableFile, searchBrowser } from '../src/print/browser-search.js';

const env = process.env;
const platform = process.platform;

/** Same search as findBrowser(): env vars, known install locations, PATH. Returns { path } or { problem }. */
function search() {
  const result = searchBrowser({ env, platform });
  // An explicit setting that is wrong is reported, not skipped: the build would reject it too.
  if (result.status === 'rejected') {
    return { problem: `${result.origin}=${result.path} is not an executable file. Fix or unset ${result.origin}.` };
  }
  return result.status === 'found' ? { path: result.path } : {};
}

function canInstallWithApt() {
  return platform === 'linux' && process.getuid?.() === 0 && isExecutableFile('/usr/bin/apt-get');
}

function run(args) {
  console.log(`browser: running ${args.join(' ')}`);
  // stdin is ignored: npm may run postinstall without one, and -y plus noninteractive means apt never asks.
  const result = spawnSync(args[0], args.slice(1), {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) console.log(`browser: ${args[0]} failed to start: ${result.error.message}`);
  return result.status === 0;
}

function main() {
  if (env.BRIEFING_SKIP_BROWSER_INSTALL === '1') {
    console.log('browser: check skipped (BRIEFING_SKIP_BROWSER_INSTALL=1)');
    return;
  }
  let found = search();
  if (found.problem) {
    console.log(`browser: ${found.problem} ${HINT}`);
    return;
  }
  if (!found.path && canInstallWithApt()) {
    // The headless shell: Chromium's printing engine without the browser's windows, half the start-up cost.
    // A distribution without that package gets the whole browser.
    console.log('browser: no Chrome/Chromium found; installing Debian chromium-headless-shell with apt-get');
    const install = (name) => run(['apt-get', 'install', '-y', '--no-install-recommends', name]);
    if (run(['apt-get', 'update']) && (install('chromium-headless-shell') || install('chromium'))) {
      found = search();
    }
  }
  if (found.path) {
    console.log(`browser: ${found.path}`);
    return;
  }
  if (!found.problem && platform === 'linux' && process.getuid?.() !== 0 && isExecutableFile('/usr/bin/apt-get')) {
    // Said, or a user would wonder why the install that README promises did not happen: apt-get needs root.
    console.log('browser: not installing one with apt-get: npm install is not running as root. With sudo: ' +
      '`sudo apt-get update && sudo apt-get install -y chromium-headless-shell`, then `npm run briefings`.');
  }
  console.log(
    'browser: no Chrome/Chromium found. canvas-briefing needs one to print PDFs; ' +
      `building briefings will fail (exit code 5) until one is installed. ${HINT}`,
  );
}

try {
  main();
} catch (error) {
  // Never fail `npm install` over the browser; the build reports the problem with its own exit code.
  console.log(`browser: check failed: ${error instanceof Error ? error.message : String(error)}. ${HINT}`);
}
