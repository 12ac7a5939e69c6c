#!/usr/bin/env node
// Makes sure a Chrome/Chromium is available for printing PDFs. Runs as npm postinstall, so it is plain
// Node ESM with no dependencies (nothing else is guaranteed to be installed yet) and it never fails the
// install: without a browser, `briefing build` later fails with the browser-not-found exit code (5).
//
// The search mirrors src/print/find-browser.ts; the candidate lists live in src/print/browser-locations.json,
// read by both, so they cannot drift apart.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const HINT =
  'To get one: on Debian/Ubuntu, as root, run `apt-get update && apt-get install -y chromium`; ' +
  'otherwise install Google Chrome (https://www.google.com/chrome/), ' +
  'or point canvas-briefing at an installed Chrome/Chromium with BRIEFING_BROWSER=/path/to/chrome (or pass --browser /path/to/chrome).';

const locations = JSON.parse(readFileSync(new URL('../src/print/browser-locations.json', import.meta.url), 'utf8'));
const env = process.env;
const platform = process.platform;

function isExecutableFile(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function envValue(name) {
  if (env[name] !== undefined) return env[name] || undefined;
  if (platform !== 'win32') return undefined;
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return (key && env[key]) || undefined;
}

function expandWindowsVars(candidate) {
  let missing = false;
  const expanded = candidate.replace(/%([^%]+)%/g, (_, name) => {
    const value = envValue(name);
    if (!value) missing = true;
    return value ?? '';
  });
  return missing ? undefined : expanded;
}

function searchPath(names) {
  const win = platform === 'win32';
  const dirs = (envValue('PATH') ?? '').split(win ? ';' : ':').filter(Boolean);
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

/** Same order as findBrowser(): env vars, known install locations, PATH. Returns { path } or { problem }. */
function search() {
  for (const name of locations.env) {
    const value = envValue(name);
    if (!value) continue;
    const absolute = path.resolve(value);
    // An explicit setting that is wrong is reported, not skipped: the build would reject it too.
    if (isExecutableFile(absolute)) return { path: absolute };
    return { problem: `${name}=${absolute} is not an executable file. Fix or unset ${name}.` };
  }
  for (const candidate of locations.knownLocations[platform] ?? []) {
    const expanded = expandWindowsVars(candidate);
    if (expanded && isExecutableFile(expanded)) return { path: expanded };
  }
  const onPath = searchPath(locations.pathNames);
  return onPath ? { path: onPath } : {};
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
    console.log('browser: no Chrome/Chromium found; installing Debian chromium with apt-get');
    if (run(['apt-get', 'update']) && run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'])) {
      found = search();
    }
  }
  if (found.path) {
    console.log(`browser: ${found.path}`);
    return;
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
