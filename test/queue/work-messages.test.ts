/** What a worker says of BullMQ's own errors: what they mean to whoever runs it, the original kept. */
import { describe, expect, it } from 'vitest';
import { inWords, problemLog, tooLarge } from '../../src/queue/work.ts';
import { canvasSizeGiven, canvasSizeLimit } from '../../src/config.ts';

describe('a worker\'s account of BullMQ errors', () => {
  it('says what a job\'s missing lock or key means, keeping BullMQ\'s words, and leaves other messages as they are', () => {
    const raw = 'Missing lock for job briefing-5873d781e9a13feefb01639eeec047402e8f050b2adb190489578dd4abbf04a8. moveToFinished';
    expect(inWords(raw)).toBe(`job briefing-5873d781 was no longer this worker's to finish: its lock was gone (Redis restarted or emptied, or this worker renewed it too late and another took the job); what it printed is dropped, and the briefing is made by another worker or queued again by its submitter (BullMQ: ${raw})`);
    expect(inWords('Missing key for job briefing-abc. moveToDelayed')).toMatch(/^job briefing-abc was no longer this worker's to finish: the job was gone from Redis \(restarted or emptied\);/);
    expect(inWords('connect ECONNREFUSED 127.0.0.1:6379')).toBe('connect ECONNREFUSED 127.0.0.1:6379');
    // Another worker's lock on it now, and a lock not renewed: said too (they were BullMQ's words alone), with the canvas where known.
    const mismatch = 'Lock mismatch for job briefing-7c6623001ede1f. Cmd moveToFinished from active';
    expect(inWords(mismatch)).toBe(`job briefing-7c662300 was no longer this worker's to finish: another worker holds it now (this worker's lock lapsed, with Redis away or slow, and another took the job); what it printed is dropped, and the briefing is made by another worker or queued again by its submitter (BullMQ: ${mismatch})`);
    expect(inWords('could not renew lock for job briefing-7c6623001ede1f', () => 'in/acme.yaml')).toBe('job briefing-7c662300 (in/acme.yaml): its lock could not be renewed (Redis away, restarted or too slow to answer): if it lapses, another worker takes the job and what this one prints is dropped (BullMQ: could not renew lock for job briefing-7c6623001ede1f)');
    // Found for one job at two steps: said once.
    const log = problemLog();
    expect([mismatch, mismatch.replace('moveToFinished', 'moveToDelayed')].map((m) => log.isNew(m))).toEqual([true, false]);
    log.forget('briefing-7c6623001ede1f'); // taken again: its next drop is said
    expect(log.isNew(mismatch)).toBe(true);
  });

  it('says one job\'s lost lock once, found as it moved to finished and again to delayed, though the connection came back between', () => {
    const log = problemLog();
    const said = (message: string) => log.isNew(message);
    expect(said('connect ECONNREFUSED 127.0.0.1:6379')).toBe(true);
    expect(said('connect ECONNREFUSED 127.0.0.1:6379')).toBe(false); // ioredis repeating it
    expect(log.cleared()).toBe(true); // connected again: said
    expect(log.cleared()).toBe(false);
    expect(said('Missing lock for job briefing-abc. moveToFinished')).toBe(true);
    expect(said('Missing lock for job briefing-abc. moveToDelayed')).toBe(false);
    expect(log.cleared()).toBe(true);
    expect(said('Missing key for job briefing-abc. moveToDelayed')).toBe(false); // the same job, after a reconnection
    expect(said('Missing lock for job briefing-def. moveToFinished')).toBe(true); // another job
    expect(said('connect ECONNREFUSED 127.0.0.1:6379')).toBe(true); // lost again, later
  });

  it('says a canvas over its limit in sizes a reader tells apart, the limit as given, and what to do', () => {
    const fix = 'Raise the workers\' limit (briefing worker --max-canvas-mb MB, or BRIEFING_MAX_CANVAS_MB where they run), or split or trim the canvas';
    // Not "the canvas is 0.0 MB, more than this worker takes (--max-canvas-mb 0.010000228881835938)".
    const limit = (flag: string | undefined, env: NodeJS.ProcessEnv = {}) => [canvasSizeLimit(flag, env), canvasSizeGiven(flag, env)] as const;
    expect(tooLarge('in/c000.yaml', 38_000, false, ...limit('0.01'))).toBe(`in/c000.yaml: the canvas is 37 KB, more than this worker takes (--max-canvas-mb 0.01: 10 KB). ${fix}`);
    expect(tooLarge('in/c000.yaml', 38_000, false, ...limit(undefined, { BRIEFING_MAX_CANVAS_MB: '0.01' }))).toMatch(/ more than this worker takes \(BRIEFING_MAX_CANVAS_MB=0\.01: 10 KB\)\. /);
    expect(tooLarge('in/big.yaml', 6_000_000, false, ...limit(undefined))).toMatch(/: the canvas is 5\.7 MB, more than this worker takes \(the default limit: 5\.0 MB\)\. /);
    // Sizes that round alike are said in bytes; an earlier version carried for --since counts with the canvas.
    expect(tooLarge('in/big.yaml', 1_048_700, true, ...limit('1'))).toBe(`in/big.yaml: the canvas and its earlier version (for --since) are 1,048,700 bytes together, more than this worker takes (--max-canvas-mb 1: 1,048,576 bytes). ${fix}`);
  });
});
