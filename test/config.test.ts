import { describe, it, expect } from 'vitest';
import { availableParallelism } from 'node:os';
import os from 'node:os';
import { resolve } from 'node:path';
import { defaultJobs, resolveOptions } from '../src/config.ts';
import { BriefingError, EXIT } from '../src/errors.ts';
import { withBuiltin } from './support/builtins.ts';

const ENV = { BRIEFING_OUT: 'env-out', BRIEFING_PAGE_SIZE: 'letter', BRIEFING_TIMEOUT: '5' };

describe('resolveOptions: defaults < BRIEFING_* environment < flags', () => {
  it('uses the defaults when neither flags nor environment say otherwise', () => {
    // No page size: each canvas prints on its language's (config.ts languagePageSize).
    expect(resolveOptions({}, {})).toEqual({ outDir: 'output', html: false, timeoutMs: 60_000, force: false, maxCanvasBytes: 5 * 1024 * 1024, jobs: Math.min(4, availableParallelism()), output: 'normal', strict: false });
  });

  it('takes --strict from its flag alone: like --force, a flag of the run, with no BRIEFING_* variable', () => {
    expect(resolveOptions({ strict: true }, {}).strict).toBe(true);
    expect(resolveOptions({}, { BRIEFING_STRICT: '1' }).strict).toBe(false);
  });

  it('says as much as --quiet or --verbose asks, and refuses both at once', () => {
    expect(resolveOptions({ quiet: true }, {}).output).toBe('quiet');
    expect(resolveOptions({ verbose: true }, {}).output).toBe('verbose');
    expect(() => resolveOptions({ quiet: true, verbose: true }, {})).toThrow(/--quiet and --verbose ask for opposite things/);
  });

  it('takes the environment over the defaults', () => {
    expect(resolveOptions({}, ENV)).toMatchObject({ outDir: 'env-out', pageSize: 'Letter', timeoutMs: 5_000 });
  });

  it('takes flags over the environment', () => {
    const flags = { out: 'flag-out', 'page-size': 'A4', timeout: '0.5' };
    expect(resolveOptions(flags, ENV)).toMatchObject({ outDir: 'flag-out', pageSize: 'A4', timeoutMs: 500 });
  });

  it('decides each option on its own: a flag for one, the environment for another, the default for a third', () => {
    expect(resolveOptions({ timeout: '2' }, { BRIEFING_OUT: 'env-out' })).toMatchObject({ outDir: 'env-out', timeoutMs: 2_000 });
    expect(resolveOptions({ timeout: '2' }, { BRIEFING_OUT: 'env-out' }).pageSize).toBeUndefined();
  });

  it('treats an empty variable as unset', () => {
    expect(resolveOptions({}, { BRIEFING_OUT: '', BRIEFING_PAGE_SIZE: '', BRIEFING_TIMEOUT: '' })).toMatchObject({ outDir: 'output', timeoutMs: 60_000 });
    expect(resolveOptions({}, { BRIEFING_PAGE_SIZE: '' }).pageSize).toBeUndefined();
    expect(resolveOptions({}, { BRIEFING_MAX_CANVAS_MB: '', BRIEFING_JOBS: '', BRIEFING_THEME: '' })).toMatchObject({ maxCanvasBytes: 5 * 1024 * 1024, jobs: defaultJobs() });
    expect(resolveOptions({}, { BRIEFING_THEME: '' })).not.toHaveProperty('theme');
  });

  it('takes the theme from --theme over BRIEFING_THEME, as an absolute folder', () => {
    expect(resolveOptions({}, { BRIEFING_THEME: 'themes/acme' }).theme).toBe(resolve('themes/acme'));
    expect(resolveOptions({ theme: 'themes/flag' }, { BRIEFING_THEME: 'themes/acme' }).theme).toBe(resolve('themes/flag'));
  });

  it('compares with no earlier version for --no-since (send, watch), and with the one --since names', () => {
    expect(resolveOptions({ since: false }, {})).not.toHaveProperty('since');
    expect(resolveOptions({ since: 'HEAD~1' }, {}).since).toBe('HEAD~1');
  });

  it('prints one briefing per core by default, at most 4 and at least 1', async () => {
    for (const [n, jobs] of [[16, 4], [3, 3], [0, 1]] as const) {
      await withBuiltin(os, 'availableParallelism', () => n, () => expect(resolveOptions({}, {}).jobs, `${n} cores`).toBe(jobs));
    }
  });

  it('reads page sizes in any case, us-letter too', () => {
    expect(resolveOptions({ 'page-size': 'LETTER' }, {}).pageSize).toBe('Letter');
    expect(resolveOptions({ 'page-size': 'us-letter' }, {}).pageSize).toBe('Letter');
    expect(resolveOptions({}, { BRIEFING_PAGE_SIZE: 'a4' }).pageSize).toBe('A4');
  });

  it('takes --jobs over BRIEFING_JOBS', () => {
    expect(resolveOptions({ jobs: '3' }, { BRIEFING_JOBS: '7' }).jobs).toBe(3);
    expect(resolveOptions({}, { BRIEFING_JOBS: '7' }).jobs).toBe(7);
  });
});

describe('resolveOptions: bad values are usage errors that say where the value came from', () => {
  const usageError = (run: () => unknown, message: string) => {
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BriefingError);
    expect(error).toMatchObject({ message, exitCode: EXIT.usage });
  };

  it('rejects unknown page sizes', () => {
    usageError(() => resolveOptions({ 'page-size': 'a5' }, {}), 'page size "a5" is not supported: use a4 or letter');
    usageError(() => resolveOptions({}, { BRIEFING_PAGE_SIZE: 'a5' }), 'page size "a5" is not supported: use a4 or letter (from BRIEFING_PAGE_SIZE)');
  });

  it('rejects a number of jobs that is not a whole number from 1 to 32', () => {
    for (const bad of ['0', '-2', '1.5', 'many', '33']) usageError(() => resolveOptions({ jobs: bad }, {}), `jobs "${bad}" is not a whole number from 1 to 32`);
    usageError(() => resolveOptions({}, { BRIEFING_JOBS: 'all' }), 'jobs "all" is not a whole number from 1 to 32 (from BRIEFING_JOBS)');
  });

  it('rejects timeouts that are not a number of seconds up to a day (a longer timer would fire at once)', () => {
    for (const bad of ['0', '-1', 'ten', 'Infinity', '1073742']) {
      usageError(() => resolveOptions({ timeout: bad }, {}), `timeout "${bad}" is not a number of seconds between 0 and 86400 (a day)`);
    }
    usageError(() => resolveOptions({}, { BRIEFING_TIMEOUT: 'soon' }), 'timeout "soon" is not a number of seconds between 0 and 86400 (a day) (from BRIEFING_TIMEOUT)');
    expect(resolveOptions({ timeout: '86400' }, {}).timeoutMs).toBe(86_400_000);
  });

  it('takes the canvas size limit from --max-canvas-mb, then BRIEFING_MAX_CANVAS_MB, else 5 MB', () => {
    expect(resolveOptions({}, {}).maxCanvasBytes).toBe(5 * 1024 * 1024);
    expect(resolveOptions({}, { BRIEFING_MAX_CANVAS_MB: '12' }).maxCanvasBytes).toBe(12 * 1024 * 1024);
    expect(resolveOptions({ 'max-canvas-mb': '0.5' }, { BRIEFING_MAX_CANVAS_MB: '12' }).maxCanvasBytes).toBe(512 * 1024);
    usageError(() => resolveOptions({}, { BRIEFING_MAX_CANVAS_MB: 'lots' }), 'canvas size limit "lots" is not a number of MB above 0 and up to 1024 (from BRIEFING_MAX_CANVAS_MB)');
    usageError(() => resolveOptions({}, { BRIEFING_MAX_CANVAS_MB: '0' }), 'canvas size limit "0" is not a number of MB above 0 and up to 1024 (from BRIEFING_MAX_CANVAS_MB)');
    usageError(() => resolveOptions({ 'max-canvas-mb': '1025' }, {}), 'canvas size limit "1025" is not a number of MB above 0 and up to 1024');
    expect(resolveOptions({ 'max-canvas-mb': '1024' }, {}).maxCanvasBytes).toBe(1024 * 1024 * 1024);
  });

  it('does not look at a bad variable that a flag overrides', () => {
    expect(resolveOptions({ 'page-size': 'a4', timeout: '1' }, { BRIEFING_PAGE_SIZE: 'a5', BRIEFING_TIMEOUT: 'soon' })).toMatchObject({ pageSize: 'A4', timeoutMs: 1_000 });
  });
});
