import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EXIT } from '../../src/errors.ts';
import { recordModules } from '../support/loaded-modules.ts';
import { fileTempDir } from '../support/temp.ts';
import { NORDWIND } from '../support/fixtures.ts';

// `check` and `--version` must start fast: they may not load the chart, template or browser libraries.
// The real binary runs with V8 recording every module it runs (recordModules).

const HEAVY = ['puppeteer-core', 'vega', 'vega-lite', 'handlebars', 'pdf-lib', '@napi-rs/canvas'];
const dir = fileTempDir('briefing-imports-');

interface Recorded { code: number; stderr: string; loaded: string[]; count: number; urls: string[] }

/** Runs bin/briefing.js; resolves to its exit code and which of HEAVY it loaded. */
async function runRecorded(name: string, args: string[]): Promise<Recorded> {
  const modules = recordModules(dir);
  const run = promisify(execFile)(process.execPath, ['bin/briefing.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...modules.env },
  });
  const { code, stderr } = await run.then(
    (r) => ({ code: 0, stderr: r.stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
  const urls = modules.urls();
  const loaded = HEAVY.filter((pkg) => urls.some((url) => url.includes(`/node_modules/${pkg}/`)));
  return { code, stderr, loaded, count: urls.length, urls };
}

let check: Recorded;
let version: Recorded;
let build: Recorded;

beforeAll(async () => {
  // Three separate processes: run side by side.
  [check, version, build] = await Promise.all([
    runRecorded('check', ['check', NORDWIND]),
    runRecorded('version', ['--version']),
    // A browser that does not exist fails the print fast, after charts and HTML are rendered.
    runRecorded('build', ['build', NORDWIND, '--out', join(dir, 'out'), '--browser', '/nonexistent/chrome']),
  ]);
});

describe('what each command loads', () => {
  it('check and --version load none of the chart, template or browser libraries', () => {
    expect([check.code, check.stderr]).toEqual([EXIT.ok, '']);
    expect(check.loaded).toEqual([]);
    expect(check.count).toBeGreaterThan(100); // the recording works: zod, yaml and our own modules are in it
    expect(version.code).toBe(EXIT.ok);
    expect(version.loaded).toEqual([]);
    // --version is answered before the TypeScript loader and the CLI load at all.
    expect(version.urls.filter((u) => /\/src\/|\/node_modules\/tsx\//.test(u))).toEqual([]);
  });

  it('build loads all of them (so the recording does see them)', () => {
    expect(build.code).toBe(EXIT.browserNotFound);
    expect(build.loaded).toEqual(HEAVY);
  });
});
