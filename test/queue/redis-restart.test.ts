/**
 * A queued build whose Redis goes away after the build first reached it, while it still plans its briefings: the drop is
 * said once and retried, as one later in the run is, and the build ends with every briefing once Redis is back (a cron
 * batch meeting a Redis restart in its first seconds failed, exit 9); stopped (Ctrl-C) while Redis is away, it does not
 * claim its briefings stay queued, which it cannot know. A real Redis, stopped and started again on its
 * port; a stand-in worker in this process (no browser); the command run in-process.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { EXIT } from '../../src/errors.ts';
import { toolHash } from '../../src/plan/inputs.ts';
import { workersKey } from '../../src/queue/jobs.ts';
import { parseRedisUrl } from '../../src/queue/redis-url.ts';
import { startWorker, type Made, type WorkerEvent } from '../../src/queue/work.ts';
import { fakePrinter, whenPlanning } from '../support/fake-printer.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { listenOnLoopback } from '../support/ports.ts';
import { HAVE_REDIS, startRedis } from '../support/redis.ts';
import { tempDir } from '../support/temp.ts';

/** What a stand-in worker makes of a briefing: a PDF of a few bytes, of nine pages. */
const MADE: Made = { kind: 'made', pdf: new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), pages: 9, contents: {}, breaks: {}, warnings: [] };

/** A worker in this process on `queue` of the Redis at `url`, making each briefing with `make` (no browser); a long lock by default. */
function standIn(url: string, queue: string, make: () => Promise<Made>, report: (event: WorkerEvent) => void = () => {}, lockMs: number | undefined = 600_000) {
  return startWorker({ target: parseRedisUrl(url, '--redis'), from: '--redis', queue, tool: toolHash(), concurrency: 1, maxCanvasBytes: 1024 * 1024, ...(lockMs === undefined ? {} : { lockMs }) }, make, report);
}

/** `briefing build FILES --out DIR/out --redis URL --queue QUEUE`, in this process, its lines to `io`. */
function build(files: string[], dir: string, url: string, queue: string, io: { out?: (line: string) => void; err?: (line: string) => void } = {}): Promise<number> {
  const { printer } = fakePrinter(() => ({ pdf: new Uint8Array(), pages: 1, anchors: {}, blocked: [] }));
  return main(['build', ...files, '--out', join(dir, 'out'), '--redis', url, '--queue', queue], { out: io.out ?? (() => {}), err: io.err ?? (() => {}), env: {}, cwd: dir, printer });
}

/** A copy of the Nordwind canvas in `dir`, as a.yaml. */
function nordwindIn(dir: string): string {
  const file = join(dir, 'a.yaml');
  writeFileSync(file, readFileSync(NORDWIND, 'utf8'));
  return file;
}

describe.skipIf(!HAVE_REDIS)('a queued build whose Redis goes away', () => {
  it('says the drop once, retries, and writes every briefing once Redis is back (exit 0)', async () => {
    const redis = await startRedis();
    const queue = 'restart-while-planning';
    const dir = tempDir();
    const nordwind = readFileSync(NORDWIND, 'utf8');
    const files = ['a', 'b', 'c'].map((name) => {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, nordwind.replace('name: Nordwind Energi ASA', `name: Nordwind Energi ASA ${name}`));
      return file;
    });
    const make = async (): Promise<Made> => MADE;
    const worker = await standIn(redis.url, queue, make);
    let planning: { acted(): boolean } | undefined;
    let restarted: Promise<void> | undefined;
    try {
      const { printer } = fakePrinter(() => ({ pdf: new Uint8Array(), pages: 1, anchors: {}, blocked: [] }));
      // Redis stops as planning begins, after the build has reached it, before anything is queued.
      planning = whenPlanning(printer, () => redis.stop());
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['build', ...files, '--out', join(dir, 'out'), '--redis', redis.url, '--queue', queue], {
        out: (l) => out.push(l),
        err: (l) => {
          err.push(l);
          // Back as soon as the build has said it lost Redis.
          if (/\(retrying; .*\)$/.test(l)) restarted ??= redis.start();
        },
        env: {},
        cwd: dir,
        printer,
      });
      await restarted;
      expect(planning.acted()).toBe(true);
      expect(code, err.join('\n')).toBe(EXIT.ok);
      // Said as what waits: the build, for nothing is queued yet (not "the briefings wait", as though they were in the queue).
      expect(err.filter((l) => /retrying/.test(l)), err.join('\n')).toEqual([expect.stringMatching(/^warning: queue connection: .*ECONNREFUSED.* \(retrying; the build waits for it: nothing is queued yet\)$/)]);
      expect(err.filter((l) => /connected again/.test(l))).toEqual(['warning: queue connection: connected again']);
      expect(out.at(-1)).toMatch(/^3 briefings written in \d+\.\d s$/);
      for (const name of ['a', 'b', 'c']) expect(readFileSync(join(dir, 'out', `${name}.pdf`), 'latin1')).toMatch(/^%PDF-/);
    } finally {
      // Back for the worker's sake, whatever the build did.
      await (planning?.acted() ? restarted ?? redis.start() : undefined);
      await worker.abandon(); // it holds no briefing by now; a gentle close() of a worker whose Redis restarted idle may wait on BullMQ
    }
  }, 60_000);

  it('says, when stopped (Ctrl-C) with Redis out of reach, that what it queued stays only if Redis kept it, not that it stays', async () => {
    // "what was queued stays in the queue: run the same command again to collect it", said with Redis gone: it cannot know.
    const redis = await startRedis();
    const queue = 'interrupted-while-cut-off';
    const dir = tempDir();
    const file = nordwindIn(dir);
    // The stand-in worker takes the briefing, and Redis stops under it: the build is stopped while it retries.
    let finish: () => void = () => {};
    let stopped = false;
    const make = async (): Promise<Made> => {
      stopped = true;
      await redis.stop();
      await new Promise<void>((resolve) => (finish = resolve));
      return MADE;
    };
    const worker = await standIn(redis.url, queue, make);
    try {
      const err: string[] = [];
      const code = await build([file], dir, redis.url, queue, {
        err: (l) => {
          err.push(l);
          if (/\(retrying; the briefings wait\)$/.test(l)) setImmediate(() => process.emit('SIGINT', 'SIGINT'));
        },
      });
      expect(stopped).toBe(true);
      expect(code, err.join('\n')).toBe(130);
      expect(err.at(-1)).toBe('interrupted (SIGINT): 0 briefings written; the others keep their previous PDFs');
      expect(err).toContainEqual(expect.stringMatching(/^warning: queue connection: Redis at redis:\/\/127\.0\.0\.1:\d+ was out of reach as the build stopped: what it queued stays queued only if Redis kept it \(its persistence, RDB or AOF, through a restart\); run the same command again: it collects what is still there and queues again what is gone$/));
      expect(err.join('\n')).not.toMatch(/stays in the queue/);
    } finally {
      finish();
      await (stopped ? redis.start() : undefined);
      await worker.abandon();
    }
  }, 60_000);
});

describe.skipIf(!HAVE_REDIS)('a worker whose Redis restarted empty under its print', () => {
  it('stops when stopped gently once the print is done, rather than waiting for ever on BullMQ\'s reconnecting connection', async () => {
    // BullMQ (5.81) closes a worker by waiting for its blocking connection to end, which one still reconnecting never does
    // (taskforcesh/bullmq#4656): `briefing worker` stopped by SIGTERM as it printed, after Redis restarted, never stopped.
    const redis = await startRedis();
    const queue = 'restart-under-print';
    const dir = tempDir();
    const file = nordwindIn(dir);
    let finish: () => void = () => {};
    let printing: () => void = () => {};
    const restarted = new Promise<void>((resolve) => (printing = resolve));
    const make = async (): Promise<Made> => {
      await redis.stop();
      await redis.start(); // empty: the job and its lock went with the old server
      printing();
      await new Promise<void>((resolve) => (finish = resolve));
      return MADE;
    };
    const events: WorkerEvent[] = [];
    const worker = await standIn(redis.url, queue, make, (e) => events.push(e));
    const err: string[] = [];
    const building = build([file], dir, redis.url, queue, { err: (l) => err.push(l) });
    try {
      await restarted;
      expect(worker.inHand()).toBe(1);
      const closing = worker.close();
      // Still printing: the gentle stop waits for it, then for nothing more (without the fix, close() never resolved).
      await new Promise((resolve) => setTimeout(resolve, 500));
      finish();
      await closing;
      expect(worker.inHand()).toBe(0);
      // What it printed went with the old Redis: said dropped, not made (it said "made", then nothing, as it stopped).
      expect(events.filter((e) => e.kind === 'made' || e.kind === 'dropped').map((e) => e.kind)).toEqual(['dropped']);
      expect(events.find((e) => e.kind === 'dropped')).toMatchObject({ file, message: expect.stringMatching(/was no longer this worker's to finish as it stopped/) });
      // Its presence is taken back: no submitter counts it as a worker still there.
      const { Redis } = await import('ioredis');
      const admin = new Redis(redis.url);
      try {
        expect(await admin.zrange(workersKey(queue), 0, -1)).toEqual([]);
      } finally {
        admin.disconnect();
      }
    } finally {
      finish();
      setImmediate(() => process.emit('SIGINT', 'SIGINT')); // the build, waiting for a worker, is stopped
      expect(await building, err.join('\n')).toBe(130);
      await worker.abandon();
    }
  }, 60_000);
});

describe.skipIf(!HAVE_REDIS)('a queued build whose workers reconnect after Redis came back', () => {
  it('does not say that no worker is connected while they are still reconnecting, and gets its briefing', async () => {
    // The build's connection comes back within a second or two of Redis, the workers' BullMQ connections on their own
    // schedule (up to 20 s apart after a long loss): asked in between, "no worker is connected" was said of a worker
    // about to be back. Here the worker reaches Redis through a proxy that keeps it out for 4 s after Redis is back.
    const redis = await startRedis();
    const { createServer, connect } = await import('node:net');
    let refusing = false;
    const sockets = new Set<import('node:net').Socket>();
    const proxy = createServer((socket) => {
      if (refusing) return void socket.destroy();
      const upstream = connect(redis.port, '127.0.0.1');
      for (const [a, b] of [[socket, upstream], [upstream, socket]] as const) {
        sockets.add(a);
        a.pipe(b);
        a.on('error', () => b.destroy());
        a.on('close', () => {
          sockets.delete(a);
          b.destroy();
        });
      }
    });
    const proxyPort = await listenOnLoopback(proxy);
    const queue = 'workers-reconnecting';
    const dir = tempDir();
    const file = nordwindIn(dir);
    let restarts = 0;
    const make = async (): Promise<Made> => {
      if (restarts++ === 0) {
        // Taken: Redis restarts empty (at once: the build is back on its first try, and says nothing), the worker kept out 4 s more.
        refusing = true;
        await redis.stop();
        for (const socket of sockets) socket.destroy();
        await redis.start();
        setTimeout(() => (refusing = false), 4_000);
      }
      return MADE;
    };
    const worker = await standIn(`redis://127.0.0.1:${proxyPort}`, queue, make);
    try {
      const err: string[] = [];
      const code = await build([file], dir, redis.url, queue, { err: (l) => err.push(l) });
      expect(code, err.join('\n')).toBe(EXIT.ok);
      expect(restarts).toBe(2); // made again, once the worker was back: what the restarted Redis lost is queued again
      expect(err.join('\n')).not.toMatch(/no worker/);
      expect(readFileSync(join(dir, 'out', 'a.pdf'), 'latin1')).toMatch(/^%PDF-/);
    } finally {
      refusing = false;
      await worker.abandon();
      proxy.close();
      for (const socket of sockets) socket.destroy();
    }
  }, 60_000);
});

describe.skipIf(!HAVE_REDIS)('a queued build whose Redis restarts empty again and again', () => {
  it('queues again what each restart lost, without taking it for jobs something else removes, and gets every briefing', async () => {
    // Three restarts under the worker's print: each took the briefing's job with it. The build counted each as a job
    // vanishing and, at the third, failed it "keeps vanishing from the queue: is something else removing its jobs?".
    const redis = await startRedis();
    const queue = 'restarts';
    const dir = tempDir();
    const file = nordwindIn(dir);
    let prints = 0;
    const make = async (): Promise<Made> => {
      if (prints++ < 3) {
        await redis.stop();
        await redis.start(); // empty
      }
      return MADE;
    };
    const worker = await standIn(redis.url, queue, make);
    try {
      const err: string[] = [];
      const out: string[] = [];
      const code = await build([file], dir, redis.url, queue, { out: (l) => out.push(l), err: (l) => err.push(l) });
      expect(code, err.join('\n')).toBe(EXIT.ok);
      expect(prints).toBe(4);
      expect(err.join('\n')).not.toMatch(/vanishing/);
      expect(out, err.join('\n')).toContainEqual(expect.stringMatching(/^wrote out\/a\.pdf {2}9 pages/));
      expect(readFileSync(join(dir, 'out', 'a.pdf'), 'latin1')).toMatch(/^%PDF-/);
    } finally {
      await worker.abandon();
    }
  }, 60_000);
});

describe.skipIf(!HAVE_REDIS)('a worker whose Redis restarts while it waits', () => {
  it('says each loss and each return once, a quick restart too, and "made" only of what the queue stored as done', async () => {
    // Quick restarts: after five, a worker had said the first loss, then "connected again" after each, four with no loss before them.
    const redis = await startRedis();
    const events: WorkerEvent[] = [];
    const make = async (): Promise<Made> => MADE;
    const worker = await standIn(redis.url, 'quick-restarts', make, (e) => events.push(e), undefined);
    const said = () => events.filter((e) => e.kind === 'connection').map((e) => (e.kind === 'connection' && e.back ? 'back' : e.kind === 'connection' && e.lost ? 'lost' : `other: ${e.kind === 'connection' ? e.message : ''}`));
    try {
      for (let i = 1; i <= 2; i++) {
        await redis.stop();
        await redis.start();
        await new Promise<void>((resolve) => {
          const timer = setInterval(() => said().filter((w) => w === 'back').length === i && (clearInterval(timer), resolve()), 50);
        });
      }
      expect(said()).toEqual(['lost', 'back', 'lost', 'back']);
      // And a briefing made after them is said made once the queue holds it as done.
      const dir = tempDir();
      const file = nordwindIn(dir);
      const code = await build([file], dir, redis.url, 'quick-restarts');
      expect(code).toBe(EXIT.ok);
      expect(events.filter((e) => e.kind === 'made')).toEqual([expect.objectContaining({ kind: 'made', file, pages: 9 })]);
    } finally {
      await worker.abandon();
    }
  }, 60_000);
});
