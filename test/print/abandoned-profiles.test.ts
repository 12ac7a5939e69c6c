/** Browser profiles left by killed runs are removed by the next launch: only ours, only when their browser is gone. */
import { spawn } from 'node:child_process';
import { describe, it, expect, onTestFinished } from 'vitest';
import { mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { removeAbandonedProfiles, USER_DATA_DIR_PREFIX } from '../../src/print/launch-browser.ts';
import { tempDir } from '../support/temp.ts';
import { liveProcessesUsing, until } from '../support/processes.ts';

describe('profiles of killed runs', () => {
  it('are removed when their browser is gone (or, without a lock, when the process that made them is, or when old); live ones and others stay', async () => {
    const dir = tempDir();
    const profile = (name: string, lock?: string, old = false, owner?: string) => {
      const path = join(dir, name);
      mkdirSync(path);
      if (lock) symlinkSync(lock, join(path, 'SingletonLock'));
      if (owner) writeFileSync(join(path, 'canvas-briefing-owner'), owner);
      if (old) utimesSync(path, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    };
    profile(`${USER_DATA_DIR_PREFIX}dead`, `${hostname()}-2147483646`);
    profile(`${USER_DATA_DIR_PREFIX}live`, `${hostname()}-${process.pid}`);
    profile(`${USER_DATA_DIR_PREFIX}elsewhere`, 'another-host-2147483646');
    profile(`${USER_DATA_DIR_PREFIX}old-unlocked`, undefined, true);
    profile(`${USER_DATA_DIR_PREFIX}starting`);
    profile('someone-elses-dead', `${hostname()}-2147483646`);
    // No lock (the browser closed as the process that made the profile was killed): removed once that process is gone.
    profile(`${USER_DATA_DIR_PREFIX}owner-dead`, undefined, false, `${hostname()}-2147483646`);
    profile(`${USER_DATA_DIR_PREFIX}owner-live`, undefined, false, `${hostname()}-${process.pid}`);
    profile(`${USER_DATA_DIR_PREFIX}owner-elsewhere`, undefined, false, 'another-host-2147483646');
    // Old, with neither lock nor owner, but a running browser names it (the headless shell writes no lock, and its
    // folder does not change as it prints): it stays.
    profile(`${USER_DATA_DIR_PREFIX}old-in-use`, undefined, true);
    // A group of its own, killed whole: the shell and the sleep it starts (else the sleep outlives the test).
    const browser = spawn('sh', ['-c', 'sleep 30', `--user-data-dir=${join(dir, `${USER_DATA_DIR_PREFIX}old-in-use`)}`], { stdio: 'ignore', detached: true });
    const kill = () => { try { process.kill(-browser.pid!, 'SIGKILL'); } catch { /* gone already */ } };
    onTestFinished(kill);
    removeAbandonedProfiles(dir);
    expect(readdirSync(dir).sort()).toEqual([`${USER_DATA_DIR_PREFIX}elsewhere`, `${USER_DATA_DIR_PREFIX}live`, `${USER_DATA_DIR_PREFIX}old-in-use`, `${USER_DATA_DIR_PREFIX}owner-elsewhere`, `${USER_DATA_DIR_PREFIX}owner-live`, `${USER_DATA_DIR_PREFIX}starting`, 'someone-elses-dead']);
    const exited = new Promise((resolve) => browser.once('exit', resolve));
    kill();
    await exited;
    // The shell has exited; its sleep, killed with it, may still show for a moment on a loaded machine.
    expect(await until(() => liveProcessesUsing(dir).length === 0, 10_000), 'the killed sleep still runs').toBe(true);
    removeAbandonedProfiles(dir);
    expect(readdirSync(dir)).not.toContain(`${USER_DATA_DIR_PREFIX}old-in-use`);
  });
});
