import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileTempDir } from '../support/temp.ts';
import { findBrowser } from '../../src/print/find-browser.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/ensure-browser.js', import.meta.url));
const root = fileTempDir('ensure-browser-test-');

/** Runs the postinstall script the way npm may: no stdin, only the given environment. */
function run(env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [SCRIPT], { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/ensure-browser.js', () => {
  it('does nothing when BRIEFING_SKIP_BROWSER_INSTALL=1', () => {
    const result = run({ PATH: process.env.PATH, BRIEFING_SKIP_BROWSER_INSTALL: '1' });
    expect(result).toEqual({ status: 0, stdout: 'browser: check skipped (BRIEFING_SKIP_BROWSER_INSTALL=1)\n', stderr: '' });
  });

  it('reports the browser named by BRIEFING_BROWSER', () => {
    const fake = join(root, 'chrome');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    expect(run({ PATH: process.env.PATH, BRIEFING_BROWSER: fake })).toEqual({ status: 0, stdout: `browser: ${fake}\n`, stderr: '' });
  });

  it('explains a wrong BRIEFING_BROWSER but still exits 0, so npm install never fails over the browser', () => {
    const result = run({ PATH: process.env.PATH, BRIEFING_BROWSER: join(root, 'missing') });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`BRIEFING_BROWSER=${join(root, 'missing')} is not an executable file`);
    expect(result.stdout).toContain('apt-get install -y chromium-headless-shell');
  });

  it('finds the same browser as findBrowser() with the real environment', async () => {
    // This machine has a browser (CI installs chromium-headless-shell), so neither side installs anything here.
    const env = { ...process.env, BRIEFING_SKIP_BROWSER_INSTALL: undefined };
    const found = await findBrowser({ env });
    expect(run(env)).toEqual({ status: 0, stdout: `browser: ${found.path}\n`, stderr: '' });
  });
});
