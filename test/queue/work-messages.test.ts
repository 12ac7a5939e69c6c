/** What a worker says of BullMQ's own errors: what they mean to whoever runs it, the original kept. */
import { describe, expect, it } from 'vitest';
import { inWords, problemLog } from '../../src/queue/work.ts';

describe('a worker\'s account of BullMQ errors', () => {
  it('says what a job\'s missing lock or key means, keeping BullMQ\'s words, and leaves other messages as they are', () => {
    const raw = 'Missing lock for job briefing-5873d781e9a13feefb01639eeec047402e8f050b2adb190489578dd4abbf04a8. moveToFinished';
    expect(inWords(raw)).toBe(`job briefing-5873d781 was no longer this worker's to finish: its lock was gone (Redis restarted or emptied, or this worker renewed it too late and another took the job); what it printed is dropped, and the briefing is made by another worker or queued again by its submitter (BullMQ: ${raw})`);
    expect(inWords('Missing key for job briefing-abc. moveToDelayed')).toMatch(/^job briefing-abc was no longer this worker's to finish: the job was gone from Redis \(restarted or emptied\);/);
    expect(inWords('connect ECONNREFUSED 127.0.0.1:6379')).toBe('connect ECONNREFUSED 127.0.0.1:6379');
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
});
