/**
 * Chromium's sandbox where it cannot start: a normal user (root always prints with --no-sandbox) in a container
 * whose seccomp refuses user namespaces, or on a system that turned them off (Ubuntu 23.10+ AppArmor, a hardened
 * kernel) with no setuid chrome-sandbox. Chromium then says "No usable sandbox!" on stderr and exits; through the
 * launch pipe Puppeteer only says "Target closed", and the build said to try again. Fake browsers here: one that
 * says what Chromium says, one that records its arguments.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EXIT } from '../../src/errors.ts';
import { tempDir } from '../support/temp.ts';
import { launchFailure, shellBrowser } from '../support/fake-browser.ts';

const NO_SANDBOX_WORDS =
  'ERROR:content/browser/zygote_host/zygote_host_impl_linux.cc:130] No usable sandbox! If this is a Debian system, please install the chromium-sandbox package to solve this problem.';

/** A fake browser: answers --version as Chromium does, and otherwise runs `body`. */
function fakeBrowser(body: string): string {
  return shellBrowser(`for a in "$@"; do [ "$a" = --version ] && { echo "Chromium 156.0.0.0"; exit 0; }; done\n${body}`, 'sandbox-test-');
}

describe.runIf(process.platform === 'linux')('a browser whose sandbox cannot start', () => {
  it('says so, with Chromium\'s own words and what to do, not "try again" (exit 5, as for a browser that cannot run here)', async () => {
    const fake = fakeBrowser(`echo "[1204/194455.208996:${NO_SANDBOX_WORDS}" >&2\nexit 1`);
    const error = await launchFailure(fake);
    expect(error.exitCode).toBe(EXIT.browserNotFound);
    expect(error.message).toContain(fake);
    expect(error.message).toContain('No usable sandbox!');
    expect(error.message).toContain('BRIEFING_NO_SANDBOX=1');
    expect(error.message).not.toContain('Try again');
  });

  it('passes --no-sandbox to a normal user\'s browser only with BRIEFING_NO_SANDBOX=1 (root\'s always)', async () => {
    const argsWith = async (uid: number, noSandbox: string | undefined) => {
      const dir = tempDir('sandbox-args-');
      const fake = fakeBrowser(`echo "$@" > ${join(dir, 'args')}\nexit 1`);
      // As the user the tests run as, whoever that is (CI's root): the tool's choice is by the uid it sees. The setting comes
      // from the printer's environment (the command's, as BRIEFING_BROWSER does), not from this process's.
      const getuid = vi.spyOn(process, 'getuid').mockReturnValue(uid);
      const { BRIEFING_NO_SANDBOX: _, ...env } = process.env;
      try {
        await launchFailure(fake, noSandbox === undefined ? env : { ...env, BRIEFING_NO_SANDBOX: noSandbox });
      } finally {
        getuid.mockRestore();
      }
      return readFileSync(join(dir, 'args'), 'utf8').split(/\s+/);
    };
    expect(await argsWith(1000, undefined)).not.toContain('--no-sandbox');
    expect(await argsWith(1000, '1')).toContain('--no-sandbox');
    // Only 1 turns it off: BRIEFING_NO_SANDBOX=0 leaves a normal user's sandbox on.
    expect(await argsWith(1000, '0')).not.toContain('--no-sandbox');
    expect(await argsWith(0, undefined)).toContain('--no-sandbox');
  });
});
