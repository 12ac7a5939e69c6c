/**
 * A briefing a worker fails: the submitter's closing line names what happened there ("edited while queued"), as a
 * local build names its own failures, not the exit code's class ("queue failure"). A real Redis, a stand-in worker in
 * this process (no browser).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBriefingsQueued, type BuildEvent } from '../../src/pipeline.ts';
import { EXIT } from '../../src/errors.ts';
import { parseRedisUrl } from '../../src/queue/redis-url.ts';
import { startWorker, type Made } from '../../src/queue/work.ts';
import { toolHash } from '../../src/plan/inputs.ts';
import { fakePrinter } from '../support/fake-printer.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { HAVE_REDIS, startRedis } from '../support/redis.ts';
import { tempDir } from '../support/temp.ts';

describe.skipIf(!HAVE_REDIS)('a briefing a worker fails', () => {
  it('fails with what happened on the worker, in the words its closing line names it by', async () => {
    const { url } = await startRedis();
    const settings = { target: parseRedisUrl(url, '--redis'), from: '--redis', queue: 'worker-failures', keepSeconds: 600 };
    const dir = tempDir();
    const file = join(dir, 'nordwind.yaml');
    writeFileSync(file, readFileSync(NORDWIND, 'utf8'));
    const make = async (): Promise<Made> => ({ kind: 'failed', message: `${file}: the briefing made from it here differs from the one planned`, exitCode: EXIT.queue, what: 'edited while queued' });
    const worker = await startWorker({ ...settings, tool: toolHash(), concurrency: 1, maxCanvasBytes: 1024 * 1024, lockMs: 600_000 }, make, () => {});
    const events: BuildEvent[] = [];
    try {
      await buildBriefingsQueued([file], { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000 }, settings, fakePrinter(() => ({ pdf: new Uint8Array(), pages: 1, anchors: {}, blocked: [] })).printer, (e) => events.push(e));
    } finally {
      await worker.close();
    }
    const failed = events.filter((e) => e.kind === 'failed');
    expect(failed.map((e) => e.kind === 'failed' && [e.error.exitCode, e.error.kind, e.error.message])).toEqual([[EXIT.queue, 'edited while queued', `${file}: the briefing made from it here differs from the one planned`]]);
  });
});
