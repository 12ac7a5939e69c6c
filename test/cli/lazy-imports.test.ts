import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../src/errors.ts';

// `check` and `--version` must start fast: they may not load the chart, template or browser libraries.
// The real binary runs with a preload that records every module it loads.

const HEAVY = ['puppeteer-core', 'vega', 'vega-lite', 'handlebars', 'pdf-lib', '@napi-rs/canvas'];
const NORDWIND = 'test/fixtures/valid/nordwind.yaml';
const dir = mkdtempSync(join(tmpdir(), 'briefing-imports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs bin/briefing.js; returns its exit code and which of HEAVY it loaded. */
function runRecorded(name: string, args: string[]) {
  const record = join(dir, name);
  const result = spawnSync(process.execPath, ['--import', './test/support/record-imports.js', 'bin/briefing.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, RECORD_IMPORTS: record },
  });
  const urls = readFileSync(record, 'utf8').split('\n');
  const loaded = HEAVY.filter((pkg) => urls.some((url) => url.includes(`/node_modules/${pkg}/`)));
  return { code: result.status, stderr: result.stderr, loaded, count: urls.length };
}

describe('what each command loads', () => {
  it('check and --version load none of the chart, template or browser libraries', () => {
    const check = runRecorded('check', ['check', NORDWIND]);
    expect([check.code, check.stderr]).toEqual([EXIT.ok, '']);
    expect(check.loaded).toEqual([]);
    expect(check.count).toBeGreaterThan(100); // the recording works: zod, yaml and our own modules are in it
    const version = runRecorded('version', ['--version']);
    expect(version.code).toBe(EXIT.ok);
    expect(version.loaded).toEqual([]);
  });

  it('build loads all of them (so the recording does see them)', () => {
    // A browser that does not exist fails the print fast, after charts and HTML are rendered.
    const build = runRecorded('build', ['build', NORDWIND, '--out', join(dir, 'out'), '--browser', '/nonexistent/chrome']);
    expect(build.code).toBe(EXIT.browserNotFound);
    expect(build.loaded).toEqual(HEAVY);
  });
});
