/**
 * `briefing worker`'s stop signals, in-process, with the queue worker itself stood in for (a spy on runQueueWorker:
 * no Redis, no browser): a first signal finishes the briefings in hand (close) and exits 0; a second one, while they
 * finish, stops at once (abandon) with 128 + that signal's number; a signal during start-up stops the worker once it is
 * up; a worker that can make no briefing stops with that exit code. test/queue/queue.test.ts runs the real thing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as pipeline from '../../src/pipeline.ts';
import type { RunningWorker, QueueWorkerOptions, WorkerEvent } from '../../src/pipeline.ts';
import { worker, type WorkerFlags } from '../../src/cli/worker.ts';
import { until } from '../support/processes.ts';

/** A stand-in queue worker holding `held` briefings, whose close() finishes only when `finish()` is called; what it was asked is recorded. */
function standIn(held = 1) {
  const asked = { close: 0, abandon: 0 };
  let finish: () => void = () => {};
  const closed = new Promise<void>((resolve) => (finish = resolve));
  let report: (event: WorkerEvent) => void = () => {};
  let options: QueueWorkerOptions | undefined;
  let up: () => void = () => {};
  const started = new Promise<void>((resolve) => (up = resolve));
  const running: RunningWorker = {
    browser: '/fake/chromium',
    version: '0.0.0-test',
    close: async () => {
      asked.close++;
      await closed;
    },
    abandon: async () => {
      asked.abandon++;
    },
    inHand: () => held,
  };
  let hold: Promise<void> = Promise.resolve();
  const spy = vi.spyOn(pipeline, 'runQueueWorker').mockImplementation(async (o, r) => {
    options = o;
    report = r;
    up();
    await hold;
    return running;
  });
  return {
    asked,
    finish,
    started,
    spy,
    report: (event: WorkerEvent) => report(event),
    options: () => options,
    /** Holds start-up (the runQueueWorker promise) until the promise given settles. */
    holdStart: (p: Promise<void>) => (hold = p),
  };
}

function run(flags: Partial<WorkerFlags> = {}, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = worker({ redis: 'redis://127.0.0.1:1', ...flags }, { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd: process.cwd() });
  /** Resolves to whether the worker said it is ready within 5 s. */
  const ready = () => until(() => out.some((l) => l.startsWith('worker ready')), 5_000);
  return { code, out, err, ready };
}

const signal = (s: NodeJS.Signals) => process.emit(s, s); // as Node emits a signal: its name is the listener's argument

describe('briefing worker, stopped by a signal', { timeout: 8_000 }, () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('finishes the briefings in hand on the first signal, exits 0, and stops listening for signals', async () => {
    const before = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s));
    const fake = standIn();
    const w = run();
    expect(await w.ready()).toBe(true);
    signal('SIGHUP');
    expect(await until(() => fake.asked.close === 1, 5_000)).toBe(true);
    fake.finish();
    expect(await w.code).toBe(0);
    expect(fake.asked).toEqual({ close: 1, abandon: 0 });
    expect(w.out.slice(1)).toEqual(['stopping (SIGHUP): finishing the briefings in hand; SIGINT/SIGTERM/SIGHUP again stops at once', 'worker stopped']);
    expect(w.err).toEqual([]);
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s))).toEqual(before);
  });

  it('stops at once on the first signal, exit 0, holding no briefing: nothing to finish, and a gentle close would wait on Redis', async () => {
    // An idle worker whose Redis was down did not stop on SIGTERM, saying it was finishing the briefings in hand.
    const fake = standIn(0);
    const w = run();
    expect(await w.ready()).toBe(true);
    signal('SIGTERM');
    expect(await w.code).toBe(0);
    expect(fake.asked).toEqual({ close: 0, abandon: 1 });
    expect(w.out.slice(1)).toEqual(['stopping (SIGTERM): no briefing in hand', 'worker stopped']);
    expect(w.err).toEqual([]);
  });

  it('stops at once on a second signal while the briefings in hand finish, handing them back, with 128 + that signal\'s number', async () => {
    const fake = standIn();
    const w = run();
    expect(await w.ready()).toBe(true);
    signal('SIGHUP');
    expect(await until(() => fake.asked.close === 1, 5_000)).toBe(true);
    signal('SIGINT');
    signal('SIGHUP'); // a third changes nothing: the second one is the one that stopped it
    expect(await w.code).toBe(130);
    expect(fake.asked).toEqual({ close: 1, abandon: 1 });
    expect(w.err).toEqual(['stopped at once (SIGINT): the briefings in hand go back to the queue']);
    expect(w.out).not.toContain('worker stopped');
    fake.finish();
  });

  it('stops at once when the same signal comes twice (Ctrl-C pressed twice)', async () => {
    const fake = standIn();
    const w = run();
    expect(await w.ready()).toBe(true);
    signal('SIGINT');
    expect(await until(() => fake.asked.close === 1, 5_000)).toBe(true);
    signal('SIGINT');
    expect(await w.code).toBe(130);
    expect(fake.asked).toEqual({ close: 1, abandon: 1 });
    fake.finish();
  });

  it('stops once it is up when the signal came during start-up', async () => {
    const fake = standIn();
    let up: () => void = () => {};
    fake.holdStart(new Promise<void>((resolve) => (up = resolve)));
    const w = run();
    await fake.started;
    signal('SIGINT');
    up();
    expect(await until(() => fake.asked.close === 1, 5_000)).toBe(true);
    fake.finish();
    expect(await w.code).toBe(0);
    expect(w.out.at(-2)).toBe('stopping (SIGINT): finishing the briefings in hand; SIGINT/SIGTERM/SIGHUP again stops at once');
  });

  it('stops, with the exit code of the refusal, when it can make no briefing, finishing what it holds', async () => {
    const fake = standIn();
    const w = run();
    expect(await w.ready()).toBe(true);
    fake.report({ kind: 'incompatible', jobId: 'j', message: 'no browser', exitCode: 7 });
    fake.report({ kind: 'incompatible', jobId: 'k', message: 'no browser', exitCode: 9 });
    expect(await until(() => fake.asked.close === 1, 5_000)).toBe(true);
    fake.finish();
    expect(await w.code).toBe(7);
    expect(fake.asked).toEqual({ close: 1, abandon: 0 });
    expect(w.err[0]).toBe('error: no browser; the briefing went back to the queue for the other workers, and this one stops');
    expect(w.out.some((l) => l.startsWith('stopping'))).toBe(false);
  });

  it('takes --concurrency and --lock-seconds (in ms) for the queue worker, and BRIEFING_JOBS without --concurrency', async () => {
    const fake = standIn();
    const w = run({ concurrency: '3', lockSeconds: '7.5' });
    await fake.started;
    expect(fake.options()).toMatchObject({ concurrency: 3, lockMs: 7500, queue: { queue: 'briefings' } });
    signal('SIGINT');
    fake.finish();
    expect(await w.code).toBe(0);

    const again = standIn();
    const v = run({}, { BRIEFING_JOBS: '5' });
    await again.started;
    expect(again.options()).toMatchObject({ concurrency: 5, lockMs: undefined });
    signal('SIGINT');
    again.finish();
    expect(await v.code).toBe(0);
  });

  it('says each briefing taken only when verbose, and each made unless quiet; failures always', async () => {
    const events: WorkerEvent[] = [
      { kind: 'took', jobId: '0123456789abcdefghij', file: 'in/a.yaml', set: 'finance' },
      { kind: 'made', jobId: 'x', file: 'in/a.yaml', set: 'full', pages: 4, ms: 1234 },
      { kind: 'failed', jobId: 'y', file: 'in/b.yaml', set: 'full', message: 'bad' },
    ];
    const lines = async (flags: Partial<WorkerFlags>) => {
      const fake = standIn();
      const w = run(flags);
      expect(await w.ready()).toBe(true);
      for (const e of events) fake.report(e);
      signal('SIGINT');
      fake.finish();
      await w.code;
      vi.restoreAllMocks();
      return [...w.out.filter((l) => /^(taking|made) /.test(l)), ...w.err];
    };
    expect(await lines({ verbose: true })).toEqual(['taking in/a.yaml (finance) (job 0123456789abcdefg)', 'made in/a.yaml  4 pages  in 1.2 s', 'failed in/b.yaml: bad']);
    expect(await lines({})).toEqual(['made in/a.yaml  4 pages  in 1.2 s', 'failed in/b.yaml: bad']);
    expect(await lines({ quiet: true })).toEqual(['failed in/b.yaml: bad']);
  });
});
