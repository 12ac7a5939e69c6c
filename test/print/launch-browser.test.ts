/**
 * What launchBrowser does around the browser it starts, seen through fake browsers (shell scripts, which start in
 * milliseconds): the profile it makes (whose it is, the browser's files kept inside it), the profiles of killed runs it
 * removes first, and which error a file that is not a browser that runs here gives.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.ts';
import { USER_DATA_DIR_PREFIX } from '../../src/print/launch-browser.ts';
import { tempDir } from '../support/temp.ts';
import { launchFailure, shellBrowser } from '../support/fake-browser.ts';

/** An executable shell script running `body`. */
const script = (body: string) => shellBrowser(body, 'launch-test-');

describe.runIf(process.platform === 'linux')('launching a browser', () => {
  it('first removes the profile a killed run left, then starts the browser in a profile of its own: owned by this process, the browser\'s config and cache inside it', async () => {
    const record = join(tempDir('launch-record-'), 'record');
    // Answers --version as Chromium does; started as the browser, writes down what it was given, then fails to start.
    // (The sandbox probe that follows a failed launch, --dump-dom, is not recorded.)
    const fake = script(`for a in "$@"; do case "$a" in --version) echo "Chromium 156.0.0.0"; exit 0;; --dump-dom) exit 1;; --user-data-dir=*) p="\${a#--user-data-dir=}";; esac; done
{ echo "$p"; cat "$p/canvas-briefing-owner"; echo; echo "$XDG_CONFIG_HOME"; echo "$XDG_CACHE_HOME"; } > ${record}
exit 1`);
    // A private TMPDIR, where the profiles are made and looked for.
    const tmp = tempDir('launch-tmp-');
    const killed = join(tmp, `${USER_DATA_DIR_PREFIX}killed-run`);
    mkdirSync(killed);
    symlinkSync(`${hostname()}-2147483646`, join(killed, 'SingletonLock'));
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const error = await launchFailure(fake);
      expect(error.exitCode).toBe(EXIT.render); // a browser that failed to start
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    }
    const [profile, owner, config, cache] = readFileSync(record, 'utf8').split('\n');
    expect(profile!.startsWith(join(tmp, USER_DATA_DIR_PREFIX)), profile).toBe(true);
    expect(owner).toBe(`${hostname()}-${process.pid}`);
    expect([config, cache]).toEqual([join(profile!, 'xdg-config'), join(profile!, 'xdg-cache')]);
    // The killed run's profile is gone, and so is the failed launch's own.
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('says a file is no browser that runs here (exit 5, not "try again") when its --version fails or names no Chrome/Chromium', async () => {
    // A Chromium missing a library: its loader's words name it, but it runs nowhere on this machine.
    const broken = script('echo "/usr/lib/chromium/chromium: error while loading shared libraries: libnss3.so: cannot open shared object file: No such file or directory" >&2\nexit 127');
    // Another program altogether (BRIEFING_BROWSER pointed at the wrong file): its --version succeeds.
    const other = script('[ "$1" = --version ] && { echo "echo (GNU coreutils) 9.1"; exit 0; }\nexit 1');
    for (const [file, words] of [[broken, 'libnss3.so'], [other, 'GNU coreutils']] as const) {
      const error = await launchFailure(file);
      expect(error.exitCode).toBe(EXIT.browserNotFound);
      expect(error.message).toContain(`${file} --version`);
      expect(error.message).toContain(words);
      expect(error.message).toContain('does not run as a Chrome/Chromium');
    }
  });
});
