/** Processes the tool started and may find gone: shared by print/ (browser profiles and the browser's helpers), deliver/ (output folder locks) and the queue worker (scratch folders). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Whether a process of this pid exists on this host (one of another user's counts too). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process's state and process group, from /proc/<pid>/stat (Linux); undefined when it is gone or /proc is not there. */
export function procStat(pid: number | string): { state: string; pgrp: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "(comm)", which may itself hold spaces and parentheses: state, ppid, pgrp.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: state!, pgrp: Number(pgrp) };
  } catch {
    return undefined;
  }
}

/** Whether a live process (zombies aside) is left in the process group `pgid`. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false; // ESRCH: no member at all, zombies included (EPERM cannot be: the group is ours)
  }
  if (!existsSync('/proc/self/stat')) return true;
  return readdirSync('/proc').some((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    const stat = procStat(entry);
    return stat !== undefined && stat.pgrp === pgid && stat.state !== 'Z' && stat.state !== 'X';
  });
}

/**
 * The live processes of this machine (zombies aside) that name `text` on their command line (a browser its profile
 * folder), read from /proc; none where there is no /proc to read (the caller decides by other signs there).
 */
export function processesNaming(text: string): number[] {
  if (!existsSync('/proc/self/cmdline')) return [];
  return readdirSync('/proc').filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) return false;
    } catch {
      return false; // gone while we looked
    }
    const stat = procStat(entry);
    return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X';
  }).map(Number);
}
