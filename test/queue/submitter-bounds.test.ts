/**
 * A submitter's bounds on the queue: --max-wait ends a build no worker serves (taking its briefings back out of the
 * queue), and a password Redis wants none of is left out, said once.
 */
import { describe, expect, it, vi } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { buildBriefingsQueued, type BuildEvent } from '../../src/pipeline.ts';
import { main } from '../../src/cli/main.ts';
import { EXIT } from '../../src/errors.ts';
import { laneOf, QUEUE_PREFIX } from '../../src/queue/jobs.ts';
import { parseRedisUrl } from '../../src/queue/redis-url.ts';
import { openSubmitter, triesKind } from '../../src/queue/submit.ts';
import { toolHash } from '../../src/plan/inputs.ts';
import { fakePrinter, whenPlanning } from '../support/fake-printer.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { HAVE_REDIS, startRedis } from '../support/redis.ts';
import { tempDir } from '../support/temp.ts';

describe.skipIf(!HAVE_REDIS)('a queued build\'s submitter', () => {
  it('fails, past --max-wait, the briefings no worker took, takes them back out of the queue, and ends', async () => {
    // A build run by cron with no worker at the queue waited for ever: --timeout bounds a print, not the wait for a worker.
    const { url } = await startRedis();
    const settings = { target: parseRedisUrl(url, '--redis'), from: '--redis', queue: 'max-wait', keepSeconds: 600, maxWaitMs: 1_500 };
    const dir = tempDir();
    const files = ['a', 'b'].map((name) => {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, readFileSync(NORDWIND, 'utf8').replace('name: Nordwind Energi ASA', `name: Nordwind Energi ASA ${name}`));
      return file;
    });
    const events: BuildEvent[] = [];
    const started = Date.now();
    await buildBriefingsQueued(files, { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000 }, settings, fakePrinter(() => ({ pdf: new Uint8Array(), pages: 1, anchors: {}, blocked: [] })).printer, (e) => events.push(e));
    expect(Date.now() - started).toBeLessThan(30_000);
    const failed = events.filter((e) => e.kind === 'failed');
    expect(failed).toHaveLength(2);
    for (const e of failed) {
      expect(e.kind === 'failed' && e.error.exitCode).toBe(EXIT.render);
      expect(e.kind === 'failed' && e.error.message).toMatch(/: no worker took it within --max-wait 0\.025 minutes \(queue "max-wait" on redis:\/\/127\.0\.0\.1:\d+\): taken back out of the queue; start a worker \(briefing worker --redis URL\), or give --max-wait longer, and build again$/);
    }
    const queue = new Queue(laneOf(settings.queue, toolHash()), { connection: settings.target.options, prefix: QUEUE_PREFIX });
    try {
      expect(await queue.getWaitingCount()).toBe(0);
    } finally {
      await queue.close();
    }
  }, 40_000);

  it('names, in the closing line, each briefing no worker took within --max-wait by its canvas, as what happened: no render failure', async () => {
    // "0 briefings written, 2 failed: co01 (render failure), co03 (render failure)": nothing was rendered, and the
    // invalid canvases of the same line are named by their paths.
    const { url } = await startRedis();
    const dir = tempDir();
    for (const name of ['co01', 'co03']) writeFileSync(join(dir, `${name}.yaml`), readFileSync(NORDWIND, 'utf8').replace('name: Nordwind Energi ASA', `name: Nordwind Energi ASA ${name}`));
    const out: string[] = [];
    const err: string[] = [];
    const { printer } = fakePrinter(() => ({ pdf: new Uint8Array(), pages: 1, anchors: {}, blocked: [] }));
    const code = await main(['build', join(dir, 'co01.yaml'), join(dir, 'co03.yaml'), '--out', join(dir, 'out'), '--redis', url, '--queue', 'max-wait-closing', '--force', '--max-wait', '0.025'], { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: dir, printer });
    expect(code, err.join('\n')).toBe(EXIT.render); // README "Exit codes": 6, a timeout
    expect(err.filter((l) => l.startsWith('error: '))).toHaveLength(2);
    const wait = 'no worker took it within --max-wait';
    expect(out.filter((l) => /^\d+ briefings? written/.test(l))).toEqual([`0 briefings written, 2 failed: co01.yaml (${wait}), co03.yaml (${wait})`]);
  }, 40_000);

  it('ends past --max-wait though Redis went away: its briefings fail, saying so, rather than waiting for Redis for ever', async () => {
    // Taking the briefings back out of the queue needs Redis: with Redis gone at the deadline, a cron build waited until it returned.
    const redis = await startRedis();
    const dir = tempDir();
    for (const name of ['co07', 'co09', 'co10']) writeFileSync(join(dir, `${name}.yaml`), readFileSync(NORDWIND, 'utf8').replace('name: Nordwind Energi ASA', `name: Nordwind Energi ASA ${name}`));
    const out: string[] = [];
    const err: string[] = [];
    let stopped: Promise<void> | undefined;
    const { printer } = fakePrinter(() => ({ pdf: new Uint8Array(), pages: 1, anchors: {}, blocked: [] }));
    // No worker: the build says so (after 3 s), and Redis stops then, before the deadline (6 s from the briefing queued).
    const said = (l: string) => {
      err.push(l);
      if (/no worker is connected/.test(l)) stopped ??= redis.stop();
    };
    const building = main(['build', join(dir, 'co07.yaml'), join(dir, 'co09.yaml'), join(dir, 'co10.yaml'), '--out', join(dir, 'out'), '--redis', redis.url, '--queue', 'max-wait-outage', '--max-wait', '0.1'], { out: (l) => out.push(l), err: said, env: {}, cwd: dir, printer });
    const code = await Promise.race([building, new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 30 s'), 30_000).unref())]);
    expect(stopped, err.join('\n')).toBeDefined();
    expect(code, err.join('\n')).toBe(EXIT.queue);
    // Said once (not once per briefing: a cron mail of 48 alike), the others counted in the closing line.
    const errors = err.filter((l) => l.startsWith('error: '));
    expect(errors, err.join('\n')).toEqual([expect.stringMatching(/^error: \S*co(07|09|10)\.yaml: Redis at redis:\/\/127\.0\.0\.1:\d+ was out of reach at --max-wait 0\.1 minutes: the briefing could not be taken back out of the queue, nor collected if a worker printed it; run the same command again once Redis is back: it collects what the workers printed and queues again what is gone$/)]);
    expect(out.at(-1)).toMatch(/^0 briefings written, 1 failed, 2 not built \(Redis out of reach at --max-wait\): co(07|09|10)\.yaml \(Redis out of reach at --max-wait\)$/);
  }, 60_000);

  it('ends past --max-wait though Redis went away while it planned, before anything was queued, saying nothing was', async () => {
    // Lost after the build reached it and before its first briefing was queued, Redis held the build until it returned.
    const redis = await startRedis();
    const dir = tempDir();
    writeFileSync(join(dir, 'co08.yaml'), readFileSync(NORDWIND, 'utf8'));
    const { printer } = fakePrinter(() => ({ pdf: new Uint8Array(), pages: 1, anchors: {}, blocked: [] }));
    // Redis stops as planning begins, after the build has reached it.
    const planning = whenPlanning(printer, () => redis.stop());
    const out: string[] = [];
    const err: string[] = [];
    const building = main(['build', join(dir, 'co08.yaml'), '--out', join(dir, 'out'), '--redis', redis.url, '--queue', 'max-wait-planning', '--max-wait', '0.05'], { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: dir, printer });
    const code = await Promise.race([building, new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 30 s'), 30_000).unref())]);
    expect(planning.acted()).toBe(true);
    expect(code, err.join('\n')).toBe(EXIT.queue);
    expect(err.at(-1)).toMatch(/^error: Redis at redis:\/\/127\.0\.0\.1:\d+ was out of reach for --max-wait 0\.05 minutes as the build went to queue its briefings: nothing was queued; run the same command again once Redis is back$/);
  }, 60_000);

  it('names in the closing line the canvases with warnings, as a local build does', async () => {
    // 150 canvases through the queue: one with an undeclared finding was said far up, and the closing line was silent of it.
    const { url } = await startRedis();
    const dir = tempDir();
    writeFileSync(join(dir, 'co05.yaml'), readFileSync(NORDWIND, 'utf8').replace(/^metrics:\n/m, 'metrics:\n  spare: { label: Spare, value: 1, unit: EUR, period: FY2025 }\n'));
    const out: string[] = [];
    const err: string[] = [];
    const { printer } = fakePrinter(() => ({ pdf: new Uint8Array(), pages: 1, anchors: {}, blocked: [] }));
    const code = await main(['build', join(dir, 'co05.yaml'), '--out', join(dir, 'out'), '--redis', url, '--queue', 'warned-closing', '--force', '--max-wait', '0.025'], { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: dir, printer });
    expect(code, err.join('\n')).toBe(EXIT.render);
    expect(err).toContainEqual(expect.stringMatching(/^co05\.yaml:\d+:\d+ warning unused-metric metrics\.spare: /));
    expect(out.filter((l) => /^\d+ briefings? written/.test(l))).toEqual(['0 briefings written, 1 failed: co05.yaml (no worker took it within --max-wait); 1 canvas with warnings: co05.yaml']);
  }, 40_000);

  it('leaves out a password that Redis wants none of, said once, rather than ioredis warning of it on every connection', async () => {
    // A queue trial: "[WARN] This Redis server's `default` user does not require a password" three times, in ioredis's words.
    const { url, port } = await startRedis();
    const settings = { target: parseRedisUrl(url.replace('redis://', 'redis://:secret@'), '--redis'), from: '--redis', queue: 'needless-password', keepSeconds: 600 };
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const said: string[] = [];
    try {
      const submitter = await openSubmitter(settings, toolHash(), (message) => said.push(message));
      await submitter.anyWorker(); // the connections answer
      await submitter.close();
      expect(said).toEqual([`--redis gives a password, but Redis at redis://127.0.0.1:${port} wants none: it is left out (take it out of the URL)`]);
      expect(warned).not.toHaveBeenCalled();
    } finally {
      warned.mockRestore();
    }
  });
});

describe('a briefing whose tries on the workers were used up', () => {
  it('is named in the closing line by what happened, from BullMQ\'s reason: no "render failure" of a worker that died', () => {
    expect(triesKind('job stalled more than allowable limit')).toBe('its worker stopped answering');
    expect(triesKind('Printing the briefing timed out after 60 s. A very large document …')).toBe('timed out on the workers');
    expect(triesKind('The browser failed while printing the briefing: Target crashed. Try again …')).toBe('the workers\' browser failed');
    expect(triesKind('ENOSPC: no space left on device')).toBe('failed on every try on the workers');
  });
});
