/** Whether a process group still has live members: how close() knows the browser's helpers are gone. */
import { spawn } from 'node:child_process';
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
});
