/** Which processes are still running, read from /proc: how tests prove no browser was left behind. */
import { readdirSync, readFileSync } from 'node:fs';
import { procStat } from '../../src/processes.ts';

/** Pids of every process whose command line mentions `text` (a profile dir, a private TMPDIR): the browser and all its helpers. */
function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) pids.push(Number(entry));
    } catch {
      // the process exited while we looked
    }
  }
  return pids;
}

/** Running, i.e. existing and not a zombie (PID 1 in a container may reap exited children late). */
export function isAlive(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== undefined && stat.state !== 'Z';
}

/** Live processes whose command line mentions `text`. */
export function liveProcessesUsing(text: string): number[] {
  return processesMentioning(text).filter(isAlive);
}

/** Waits until `condition` holds, polling every 50 ms; false if it still does not after `ms`. */
export async function until(condition: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    if (condition()) return true;
  }
  return condition();
}
