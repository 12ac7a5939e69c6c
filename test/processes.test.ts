/** Whether a process group still has live members: how close() knows the browser's helpers are gone. */
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './support/temp.ts';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { groupAlive, procStat } from '../src/processes.ts';

describe('process groups', () => {
  it('tells a group with a live member from one whose members are all gone', async () => {
    // A group of its own (detached), of two: a shell and the sleep it starts.
    const child = spawn('sh', ['-c', 'sleep 30 & wait'], { detached: true, stdio: 'ignore' });
    const exited = once(child, 'exit');
    const pid = child.pid!;
    expect(procStat(pid)?.pgrp).toBe(pid);
    expect(groupAlive(pid)).toBe(true);
    process.kill(-pid, 'SIGKILL');
    await exited;
    // The sleep, reparented and killed with it, may be a zombie for a moment: not alive.
    for (const end = Date.now() + 5_000; Date.now() < end && groupAlive(pid);) await new Promise((r) => setTimeout(r, 20));
    expect(groupAlive(pid)).toBe(false);
    expect(groupAlive(2147483646)).toBe(false);
  });

  it('counts a group whose only member is a zombie as gone', async () => {
    // A group of its own (setpgrp) whose one member exits, unreaped while its parent (perl, in another group) waits for a
    // line; given it, the parent reaps it and exits, so that no zombie outlives the test (perl-base is in every Debian).
    const parent = spawn('perl', ['-e', '$| = 1; my $pid = fork(); if ($pid == 0) { setpgrp(0, 0); exit 0 } print "$pid\\n"; <STDIN>; waitpid($pid, 0);'], { stdio: ['pipe', 'pipe', 'ignore'] });
    try {
      const [line] = await once(parent.stdout!, 'data');
      const pgid = Number(String(line).trim());
      for (const end = Date.now() + 5_000; Date.now() < end && procStat(pgid)?.state !== 'Z';) await new Promise((r) => setTimeout(r, 20));
      expect(procStat(pgid)).toEqual({ state: 'Z', pgrp: pgid });
      expect(groupAlive(pgid)).toBe(false);
      parent.stdin!.end('\n');
      const [code] = await once(parent, 'exit');
      expect(code).toBe(0);
      expect(procStat(pgid)).toBeUndefined();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('reads the state and group of a process whose name holds spaces and parentheses', async () => {
    const sleep = join(tempDir(), 'x) S 1 2 (y');
    copyFileSync('/bin/sleep', sleep);
    const child = spawn(sleep, ['30'], { detached: true, stdio: 'ignore' });
    try {
      for (const end = Date.now() + 5_000; Date.now() < end && procStat(child.pid!)?.state !== 'S';) await new Promise((r) => setTimeout(r, 20));
      expect(procStat(child.pid!)).toEqual({ state: 'S', pgrp: child.pid });
    } finally {
      child.kill('SIGKILL');
    }
  });
});
