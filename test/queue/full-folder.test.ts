/**
 * A queued build whose output folder fills: the briefings no worker has begun are taken back out of the queue, not
 * printed by the workers for nothing (their PDFs would sit in Redis until they expire); those begun are collected and
 * counted as not built, as a local build counts the rest. A real Redis, a stand-in worker in this process (no browser).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { buildBriefingsQueued, type BuildEvent } from '../../src/pipeline.ts';
import { EXIT } from '../../src/errors.ts';
import { laneOf, QUEUE_PREFIX } from '../../src/queue/jobs.ts';
import { parseRedisUrl } from '../../src/queue/redis-url.ts';
import { startWorker, type Made } from '../../src/queue/work.ts';
import { openSubmitter } from '../../src/queue/submit.ts';
import { BriefingError } from '../../src/errors.ts';
import { toolHash } from '../../src/plan/inputs.ts';
import { fakePrinter } from '../support/fake-printer.ts';
import { failingFolders } from '../support/failing-folders.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { HAVE_REDIS, startRedis } from '../support/redis.ts';
import { tempDir } from '../support/temp.ts';

const broken = failingFolders();

describe.skipIf(!HAVE_REDIS)('a queued build whose output folder fills', () => {
  it('takes the briefings no worker has begun back out of the queue, and counts them not built', async () => {
    const { url } = await startRedis();
    const settings = { target: parseRedisUrl(url, '--redis'), from: '--redis', queue: 'full-folder', keepSeconds: 600 };
    const dir = tempDir();
    const out = join(dir, 'out');
    mkdirSync(out);
    // Six canvases, each its own job (its own content: the same would be one job).
    const files = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, readFileSync(NORDWIND, 'utf8').replace('name: Nordwind Energi ASA', `name: Nordwind Energi ASA ${name}`));
      return file;
    });
    // One worker, one briefing at a time, each taking a while; the disk is full from the first one on.
    const made: string[] = [];
    const make = async (request: { file: string }): Promise<Made> => {
      made.push(request.file);
      broken.set(out, 'ENOSPC');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return { kind: 'made', pdf: new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), pages: 9, contents: {}, breaks: {}, warnings: [] };
    };
    const worker = await startWorker({ ...settings, tool: toolHash(), concurrency: 1, maxCanvasBytes: 1024 * 1024, lockMs: 600_000 }, make, () => {});
    const events: BuildEvent[] = [];
    try {
      await buildBriefingsQueued(files, { outDir: out, pageSize: 'A4', html: false, timeoutMs: 10_000 }, settings, fakePrinter(() => ({ pdf: new Uint8Array(), pages: 1, anchors: {}, blocked: [] })).printer, (e) => events.push(e));
    } finally {
      await worker.close();
      broken.clear();
    }
    // The first written fails and stops the build; the worker printed that one and at most the one it had begun then.
    expect(made.length).toBeLessThanOrEqual(2);
    const failed = events.filter((e) => e.kind === 'failed');
    expect(failed).toHaveLength(6);
    expect(failed.filter((e) => e.kind === 'failed' && e.error.message.includes('takes no more files (the disk it is on is full)'))).toHaveLength(1);
    expect(failed.filter((e) => e.kind === 'failed' && e.notBuilt)).toHaveLength(5);
    expect(failed.every((e) => e.kind === 'failed' && e.error.exitCode === EXIT.output)).toBe(true);
    // Nothing left waiting in the queue for the workers.
    const queue = new Queue(laneOf(settings.queue, toolHash()), { connection: settings.target.options, prefix: QUEUE_PREFIX });
    try {
      expect(await queue.getWaitingCount()).toBe(0);
    } finally {
      await queue.close();
    }
  });

  it('takes back the jobs still being added when it withdraws (more than are added at once), and tells each of them', async () => {
    const { url } = await startRedis();
    const settings = { target: parseRedisUrl(url, '--redis'), from: '--redis', queue: 'withdrawn', keepSeconds: 600 };
    const submitter = await openSubmitter(settings, toolHash());
    const told: unknown[] = [];
    try {
      // No worker: every job stays waiting until withdrawn; 100 are more than the 32 added at once.
      const request = (n: number) => ({ v: 1 as const, tool: toolHash(), file: `in/${n}.yaml`, text: `${n}`, set: 'full', pageSize: 'A4' as const, browser: 'b', context: 'c', content: `${n}`, html: false, keepSeconds: 600 });
      const waits = Array.from({ length: 100 }, (_, n) => submitter.submit(`job-${n}`, request(n), () => {}).catch((error: unknown) => told.push(error)));
      const error = new BriefingError('the output folder takes no more files: not built', EXIT.output);
      await submitter.withdraw(error);
      await Promise.all(waits);
      expect(told).toHaveLength(100);
      expect(told.every((e) => e === error)).toBe(true);
      const queue = new Queue(laneOf(settings.queue, toolHash()), { connection: settings.target.options, prefix: QUEUE_PREFIX });
      try {
        expect(await queue.getJobCounts('waiting', 'prioritized', 'delayed')).toEqual({ waiting: 0, prioritized: 0, delayed: 0, paused: 0 });
      } finally {
        await queue.close();
      }
    } finally {
      await submitter.close();
    }
  });
});
