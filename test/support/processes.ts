/** Which processes are still running, read from /proc: how tests prove no browser was left behind. */
import { readdirSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { processesNaming, procStat } from '../../src/processes.ts';

/** The process groups of the browsers seen so far per text: a killed browser's helpers stay in its group. */
const groupsSeen = new Map<string, Set<number>>();

/**
 * Pids of every process whose command line mentions `text` (a profile dir, a private TMPDIR), and of every browser
 * process in the group one of them leads: the browser and all its helpers. Chrome passes its profile on to each
 * helper's command line; the headless shell's zygotes, renderers and GPU process name nothing of it (and its
 * rewritten environment neither), but Puppeteer starts each browser as the leader of a group of its own, which they
 * stay in. Groups are remembered, so helpers that outlive their browser are found by later calls, once a call saw
 * the browser running: a test that checks for leftovers after a kill first waits for the browser to show. A group
 * is forgotten once empty (its id may then be reused).
 */
function processesMentioning(text: string): number[] {
  const groups = groupsSeen.get(text) ?? new Set<number>();
  groupsSeen.set(text, groups);
  const pids = new Set(processesNaming(text));
  // A browser leads its group (Debian's wrapper script, when started through it, leads the browser's).
  for (const pid of pids) if (procStat(pid)?.pgrp === pid) groups.add(pid);
  const members = new Set<number>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    const stat = procStat(entry);
    if (stat === undefined || !groups.has(stat.pgrp)) continue;
    members.add(stat.pgrp);
    if (isBrowser(entry)) pids.add(Number(entry));
  }
  for (const group of groups) if (!members.has(group)) groups.delete(group);
  return [...pids];
}

/** Whether the process runs a Chrome or Chromium binary (the headless shell included). */
function isBrowser(pid: string): boolean {
  try {
    return /chrom/i.test(basename(readlinkSync(`/proc/${pid}/exe`)));
  } catch {
    return false;
  }
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

/** Waits until `condition` holds (asked again once an asked one answers), polling every 50 ms; false if it still does not after `ms`. */
export async function until(condition: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    if (await condition()) return true;
  }
  return condition();
}
