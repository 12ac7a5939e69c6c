/**
 * The queue's promises about failures, with a real Redis and stand-in briefings (no browser): a transient
 * failure (the browser crashed) is tried again after a pause and then delivered; a failing canvas is
 * answered once, not retried; a failure recorded by an earlier run is tried again when asked again; a
 * result whose PDF expired is made again; the same briefing asked for twice is one job.
 */
import { describe, expect, it, beforeAll, afterAll, vi } from 'vitest';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { jobIdOf, laneOf, QUEUE_PREFIX, resultKeys, sharedFileKey, type BriefingRequest } from '../../src/queue/jobs.ts';
import { parseRedisUrl } from '../../src/queue/redis-url.ts';
import { probeRedis } from '../../src/queue/connect.ts';
import { OLDER_RELEASE, openSubmitter, type QueueSettings, type Submitter } from '../../src/queue/submit.ts';
import { startWorker, type Made, type QueueWorker, type WorkerEvent } from '../../src/queue/work.ts';
import { until } from '../support/processes.ts';
import { HAVE_REDIS, startRedis } from '../support/redis.ts';

/** The version of the tool the submitters and workers here run (toolHash, plan/). */
const TOOL = 'this-version';
const request = (text: string): BriefingRequest => ({
  v: 1, tool: TOOL, file: `in/${text}.yaml`, text, set: 'full', pageSize: 'A4', browser: 'b', context: 'c', content: text, html: false, keepSeconds: 600,
});
const made = (text: string): Made => ({ kind: 'made', pdf: new TextEncoder().encode(`%PDF-${text}`), pages: 1, contents: {}, breaks: {}, warnings: [] });

describe.skipIf(!HAVE_REDIS)('the queue, when briefings fail', () => {
  let settings: QueueSettings;
  let submitter: Submitter;
  let worker: QueueWorker;
  const events: WorkerEvent[] = [];
  const calls = new Map<string, number>();
  let slowStarted: () => void = () => {};
  /** What the stand-in worker does with each canvas text: `crash-once` crashes the first time, `bad` fails. */
  const make = async (r: BriefingRequest): Promise<Made> => {
    const n = (calls.get(r.text) ?? 0) + 1;
    calls.set(r.text, n);
    if (r.text.startsWith('crash-once') && n === 1) throw new BriefingError('the browser crashed', EXIT.render, { transient: true });
    if (r.text.startsWith('bad')) return { kind: 'failed', message: `${r.file}: no such template`, exitCode: EXIT.template };
    if (r.text.startsWith('slow') && n === 1) {
      slowStarted();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      throw new BriefingError('Printing was interrupted: the printer was closed.', EXIT.render); // what closing the browser under it does
    }
    return { ...made(r.text), ...(r.html ? { html: `<p>${r.text}</p>` } : {}) };
  };

  /** One more worker of this version, one briefing at a time, at `queue` (this file's by default). */
  const oneWorker = (queue: QueueSettings = settings, onEvent: (e: WorkerEvent) => void = () => {}) =>
    startWorker({ ...queue, tool: TOOL, concurrency: 1, maxCanvasBytes: 1024 * 1024 }, make, onEvent);
  /** This version's lane of the queue, to put jobs in as something other than a submitter would. */
  const openLane = () => new Queue(laneOf(settings.queue, TOOL), { connection: settings.target.options, prefix: QUEUE_PREFIX });

  beforeAll(async () => {
    const { url } = await startRedis();
    settings = { target: parseRedisUrl(url, '--redis'), from: '--redis', queue: 'retries', keepSeconds: 600 };
    submitter = await openSubmitter(settings, TOOL);
    // A lock far longer than the test may take: a briefing handed back only by its lock expiring would time the test out.
    worker = await startWorker({ ...settings, tool: TOOL, concurrency: 2, maxCanvasBytes: 1024 * 1024, lockMs: 600_000 }, make, (e) => events.push(e));
  });
  afterAll(async () => {
    await worker?.close();
    await submitter?.close();
  });

  it('tries a briefing whose browser crashed again, after a pause, and delivers it', async () => {
    const started = Date.now();
    const takes: Array<string | undefined> = [];
    const got = await submitter.submit(jobIdOf('crash-once-1', false), request('crash-once-1'), (retried) => takes.push(retried));
    expect(got.result).toMatchObject({ kind: 'made', pages: 1 });
    expect(new TextDecoder().decode(got.pdf)).toBe('%PDF-crash-once-1');
    expect(calls.get('crash-once-1')).toBe(2);
    // Each take said, the second as a retry: the build times the briefing from it, not from the first try.
    expect(takes).toEqual([undefined, 'retried']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_500); // the backoff: 5 s before the second try
    expect(events).toContainEqual(expect.objectContaining({ kind: 'try-failed', file: 'in/crash-once-1.yaml', message: 'the browser crashed', retrying: true }));
  });

  it('answers a failing canvas once, without retrying it, and tries it again when a later run asks', async () => {
    const id = jobIdOf('bad-1', false);
    const first = await submitter.submit(id, request('bad-1'), () => {});
    expect(first.result).toMatchObject({ kind: 'failed', message: 'in/bad-1.yaml: no such template', exitCode: EXIT.template });
    expect(calls.get('bad-1')).toBe(1);
    // A new run (a new submitter) asking for it again: made again, not answered from the old failure.
    const again = await openSubmitter(settings, TOOL);
    try {
      expect((await again.submit(id, request('bad-1'), () => {})).result.kind).toBe('failed');
      expect(calls.get('bad-1')).toBe(2);
    } finally {
      await again.close();
    }
  });

  it('makes the same briefing asked twice at once in one job, reuses it later, and makes it again once its PDF expired', async () => {
    const id = jobIdOf('twice', false);
    const [a, b] = await Promise.all([submitter.submit(id, request('twice'), () => {}), submitter.submit(id, request('twice'), () => {})]);
    expect([a.result.kind, b.result.kind, calls.get('twice')]).toEqual(['made', 'made', 1]);
    expect(await submitter.submit(id, request('twice'), () => {})).toMatchObject({ result: { kind: 'made' } });
    expect(calls.get('twice')).toBe(1);
    // The PDF gone from Redis (expired) while its job is still there: the briefing is made again.
    const redis = new Redis(settings.target.options);
    await redis.del(resultKeys(settings.queue, id).pdf);
    await redis.quit();
    const remade = await submitter.submit(id, request('twice'), () => {});
    expect(new TextDecoder().decode(remade.pdf)).toBe('%PDF-twice');
    expect(calls.get('twice')).toBe(2);
    // --force: a result in the queue is not taken; the briefing is printed anew.
    await submitter.submit(id, request('twice'), () => {}, true);
    expect(calls.get('twice')).toBe(3);
  });

  it('hands the briefings a worker holds back to the queue when it is stopped at once, for another worker to make', async () => {
    const taken = new Promise<void>((resolve) => (slowStarted = resolve));
    const takes: Array<string | undefined> = [];
    const collecting = submitter.submit(jobIdOf('slow-1', false), request('slow-1'), (retried) => takes.push(retried));
    await taken;
    const second = await oneWorker();
    try {
      await worker.abandon(); // the second signal: the job goes back at once, and its print cut short is no answer
      const got = await collecting;
      expect(got.result.kind).toBe('made');
      expect(calls.get('slow-1')).toBe(2);
      expect(takes).toEqual([undefined, expect.stringMatching(/^retried/)]);
    } finally {
      worker = second;
    }
  });

  it('counts a briefing a worker has made as no longer waiting for one while its PDF is being collected', async () => {
    // The submitter's read of the PDF held back: the job is done in Redis, its submit not yet answered.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    let reading: () => void = () => {};
    const read = new Promise<void>((resolve) => { reading = resolve; });
    const original = Redis.prototype.getBuffer;
    const spy = vi.spyOn(Redis.prototype, 'getBuffer').mockImplementation(async function (this: Redis, ...args: Parameters<Redis['getBuffer']>) {
      reading();
      await held;
      return original.apply(this, args);
    } as typeof original);
    try {
      const submitted = submitter.submit(jobIdOf('collected-1', false), request('collected-1'), () => {});
      expect(submitter.unfinished()).toBe(1);
      await read;
      expect(submitter.unfinished()).toBe(0);
      release();
      expect((await submitted).result.kind).toBe('made');
    } finally {
      release();
      spy.mockRestore();
    }
  });

  it('stops waiting when closed, telling every briefing still awaited; the jobs stay queued, unless no worker of its version came', async () => {
    const stopping = await openSubmitter(settings, TOOL);
    expect(await stopping.anyWorker()).toBe(true); // a worker of its version was there...
    await worker.close(); // ...and is gone: the job waits for the next one
    const waiting = stopping.submit(jobIdOf('unmade', false), request('unmade'), () => {}).then(() => 'collected', (error: unknown) => error);
    expect(await stopping.close()).toBe(0);
    expect(await waiting).toMatchObject({ message: 'stopped waiting for the queue: the briefing stays queued for the workers and a later run', exitCode: EXIT.queue });
    const redis = new Redis(settings.target.options);
    try {
      expect(await redis.exists(`canvas-briefing:retries.${TOOL}:${jobIdOf('unmade', false)}`)).toBe(1);
      // A run that saw no worker of its version at all: what it queued would wait for ever, and goes.
      const lonely = await openSubmitter(settings, TOOL);
      const alone = lonely.submit(jobIdOf('unmade-2', false), request('unmade-2'), () => {}).catch((error: unknown) => error);
      // Queued once the submission reaches Redis: looked for until it has (a pause of 300 ms is not always enough on a loaded machine).
      await until(async () => (await redis.exists(`canvas-briefing:retries.${TOOL}:${jobIdOf('unmade-2', false)}`)) === 1, 10_000);
      expect(await redis.exists(`canvas-briefing:retries.${TOOL}:${jobIdOf('unmade-2', false)}`)).toBe(1);
      expect(await lonely.close()).toBe(1);
      await alone;
      expect(await redis.exists(`canvas-briefing:retries.${TOOL}:${jobIdOf('unmade-2', false)}`)).toBe(0);
      expect(await redis.exists(`canvas-briefing:retries.${TOOL}:${jobIdOf('unmade', false)}`)).toBe(1); // not its to take
    } finally {
      await redis.quit();
    }
  });

  it('gives the jobs of another version of the tool to none of this version\'s workers, and tells its submitter of them', async () => {
    const worker = await oneWorker();
    const other = await openSubmitter(settings, 'another-version-of-the-tool');
    try {
      expect(other.version).toBe('another-vers');
      const waiting = other.submit(jobIdOf('elsewhere', false), { ...request('elsewhere'), tool: 'another-version-of-the-tool' }, () => {}).catch((error: unknown) => error);
      expect(await other.anyWorker()).toBe(false);
      expect(Object.fromEntries(await other.otherVersions())).toEqual({ [TOOL]: 1 });
      expect(Object.fromEntries(await submitter.otherVersions())).toEqual({}); // its own version's worker is not another's
      // A worker of a release before version lanes takes from the queue's plain name, and is counted as such.
      const older = new Worker(settings.queue, async () => {}, { connection: settings.target.options, prefix: 'canvas-briefing', name: 'older' });
      try {
        await older.waitUntilReady();
        expect(Object.fromEntries(await other.otherVersions())).toEqual({ [TOOL]: 1, [OLDER_RELEASE]: 1 });
      } finally {
        await older.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(calls.get('elsewhere')).toBeUndefined(); // never taken: this worker would not make the PDF that submitter expects
      await other.close();
      expect(await waiting).toMatchObject({ message: /^stopped waiting for the queue/ });
      // A job in this version's lane that it cannot read (not queued by a submitter of this version) fails; the worker goes on.
      const lane = openLane();
      try {
        await lane.add('briefing', { v: 2 }, { jobId: 'unreadable' });
        await until(async () => (await lane.getJobState('unreadable')) === 'completed', 10_000);
        expect((await lane.getJob('unreadable'))?.returnvalue).toMatchObject({ kind: 'failed', message: 'a job this version of canvas-briefing cannot read (not queued by `briefing build` of this version)', exitCode: EXIT.queue });
      } finally {
        await lane.close();
      }
      expect((await submitter.submit(jobIdOf('after-unreadable', false), request('after-unreadable'), () => {})).result.kind).toBe('made');
    } finally {
      await other.close();
      await worker.close();
    }
    // Stopped, it is no longer counted.
    const later = await openSubmitter(settings, 'another-version-of-the-tool');
    try {
      expect(Object.fromEntries(await later.otherVersions())).toEqual({});
    } finally {
      await later.close();
    }
  });

  it('names the other queues of its Redis database that have workers, and how many: not its own, not one whose workers stopped, not another database\'s', async () => {
    const nightly = await oneWorker({ ...settings, queue: 'nightly' });
    const misnamed = await openSubmitter({ ...settings, queue: 'nightli' }, TOOL);
    const target = parseRedisUrl(`redis://127.0.0.1:${settings.target.options.port}/2`, '--redis');
    const elsewhere = await openSubmitter({ ...settings, target, queue: 'nightli' }, TOOL);
    try {
      const named = Object.fromEntries(await misnamed.otherQueues());
      expect(named.nightly).toBe(1);
      expect(named.nightli).toBeUndefined();
      expect(Object.fromEntries(await elsewhere.otherQueues())).toEqual({});
      await nightly.close();
      expect((await misnamed.otherQueues()).has('nightly')).toBe(false);
    } finally {
      await misnamed.close();
      await elsewhere.close();
      await nightly.close();
    }
  });

  it('sees a worker take a briefing at once though its own reading of the queue\'s events starts late, and times it', async () => {
    // A queue of its own, so that no other submitter here reads its events. Its submitter's first read of them is held
    // back a second (a loaded machine): the job is added, taken and made meanwhile.
    const late = { ...settings, queue: 'late-events' };
    const eventsKey = `${QUEUE_PREFIX}:${laneOf(late.queue, TOOL)}:events`;
    let heldOnce = false;
    const original = Redis.prototype.xread;
    const spy = vi.spyOn(Redis.prototype, 'xread').mockImplementation(async function (this: Redis, ...args: unknown[]) {
      if (!heldOnce && args.includes(eventsKey)) {
        heldOnce = true;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original);
    const lateWorker = await oneWorker(late);
    const lateSubmitter = await openSubmitter(late, TOOL);
    try {
      let taken = false;
      const got = await lateSubmitter.submit(jobIdOf('prompt-1', false), request('prompt-1'), () => { taken = true; });
      expect(heldOnce).toBe(true);
      expect(got.result.kind).toBe('made');
      // Taken by a worker for this run, so timed as made now ("wrote ... 1.2 s"), not as collected from an earlier run.
      expect(taken).toBe(true);
    } finally {
      spy.mockRestore();
      await lateSubmitter.close();
      await lateWorker.close();
    }
  });

  it('counts no worker at another database of the same Redis as one at its queue, and takes out what waits for none', async () => {
    // A worker at database 0; CLIENT LIST, which BullMQ counts workers from, names every database's clients.
    const here = await oneWorker();
    const target = parseRedisUrl(`redis://127.0.0.1:${settings.target.options.port}/1`, '--redis');
    const elsewhere = await openSubmitter({ ...settings, target }, TOOL);
    const id = jobIdOf('other-database', false);
    const waiting = elsewhere.submit(id, request('other-database'), () => {}).catch((error: unknown) => error);
    const redis = new Redis(target.options);
    try {
      await until(async () => (await redis.exists(`canvas-briefing:retries.${TOOL}:${id}`)) === 1, 5_000);
      expect(await submitter.anyWorker()).toBe(true);
      expect(await elsewhere.anyWorker()).toBe(false);
      expect(Object.fromEntries(await elsewhere.otherVersions())).toEqual({});
      expect(await elsewhere.close()).toBe(1); // no worker of its database came: what it queued would wait for ever
      expect(await waiting).toMatchObject({ message: /^stopped waiting for the queue/ });
      expect(await redis.exists(`canvas-briefing:retries.${TOOL}:${id}`)).toBe(0);
    } finally {
      await elsewhere.close();
      await redis.quit();
      await here.close();
    }
  });

  it('answers, without making it, a canvas larger than the worker takes, a briefing whose theme is gone, and a job that is no briefing request', async () => {
    const here = await oneWorker();
    const lane = openLane();
    try {
      const big = { ...request('big'), text: `big${'x'.repeat(1024 * 1024)}` };
      expect((await submitter.submit(jobIdOf('big', false), big, () => {})).result).toMatchObject({ kind: 'failed', message: 'in/big.yaml: the canvas is 1,048,579 bytes, more than this worker takes (--max-canvas-mb 1: 1,048,576 bytes). Raise the workers\' limit (briefing worker --max-canvas-mb MB, or BRIEFING_MAX_CANVAS_MB where they run), or split or trim the canvas', exitCode: 2, what: 'too large for the workers' });
      const themeless = { ...request('themeless'), theme: 'a'.repeat(64) };
      expect((await submitter.submit(jobIdOf('themeless', false), themeless, () => {})).result).toMatchObject({ kind: 'failed', message: 'in/themeless.yaml: its theme\'s files are no longer in the queue (kept as long as the results): run the build again', exitCode: 2, what: 'its theme expired from the queue' });
      expect(calls.get(big.text)).toBeUndefined();
      expect(calls.get('themeless')).toBeUndefined();
      // Put in this version's lane by something else than its submitter: a shape it cannot trust is that job's failure.
      const { text: _text, ...textless } = request('textless');
      for (const [jobId, data] of [['no-text', textless], ['kept-for-no-time', { ...request('kept-for-no-time'), keepSeconds: 0 }], ['bad-theme', { ...request('bad-theme'), theme: '../../etc' }]] as const) {
        await lane.add('briefing', data, { jobId });
        await until(async () => (await lane.getJobState(jobId)) === 'completed', 10_000);
        expect((await lane.getJob(jobId))?.returnvalue).toMatchObject({ kind: 'failed', message: 'a job whose data is not a briefing request', exitCode: EXIT.queue, what: 'not a briefing request' });
      }
      expect(calls.get('kept-for-no-time')).toBeUndefined();
      expect(calls.get('bad-theme')).toBeUndefined();
    } finally {
      await lane.close();
      await here.close();
    }
  });

  it('tries again a briefing whose tries were used up before this run asked for it, as a local build would', async () => {
    const told: WorkerEvent[] = [];
    const here = await oneWorker(settings, (e) => told.push(e));
    const lane = openLane();
    try {
      // An earlier run's job, its one try failed (the browser crashed).
      const id = jobIdOf('crash-once-earlier', false);
      await lane.add('briefing', request('crash-once-earlier'), { jobId: id, attempts: 1 });
      await until(async () => (await lane.getJobState(id)) === 'failed', 10_000);
      // Its worker (this one, or the first if still running) said it gave up on it: no try left.
      await until(async () => [...told, ...events].some((e) => e.kind === 'try-failed' && e.file === 'in/crash-once-earlier.yaml'), 10_000);
      expect([...told, ...events]).toContainEqual(expect.objectContaining({ kind: 'try-failed', file: 'in/crash-once-earlier.yaml', message: 'the browser crashed', retrying: false }));
      const got = await submitter.submit(id, request('crash-once-earlier'), () => {});
      expect(new TextDecoder().decode(got.pdf)).toBe('%PDF-crash-once-earlier');
      expect(calls.get('crash-once-earlier')).toBe(2);
    } finally {
      await lane.close();
      await here.close();
    }
  });

  it('makes a briefing whose theme was gone once its theme is shared again, as the worker fetches it afresh', async () => {
    // A queue of its own, with one worker: the one that found the theme gone is the one asked again.
    const own = { ...settings, queue: 'theme-again' };
    const here = await oneWorker(own);
    const sharing = await openSubmitter(own, TOOL);
    const redis = new Redis(settings.target.options);
    try {
      const files = [{ path: 'theme.yaml', base64: Buffer.from('name: Again\n').toString('base64') }];
      const hash = await sharing.share(files);
      await redis.del(sharedFileKey(own.queue, hash)); // expired
      const id = jobIdOf('theme-again', false);
      const themed = { ...request('theme-again'), theme: hash };
      expect((await sharing.submit(id, themed, () => {})).result).toMatchObject({ kind: 'failed', message: /its theme's files are no longer in the queue/ });
      expect(await sharing.share(files)).toBe(hash);
      const again = await openSubmitter(own, TOOL); // the build run again
      try {
        expect((await again.submit(id, themed, () => {})).result.kind).toBe('made');
      } finally {
        await again.close();
      }
      expect(calls.get('theme-again')).toBe(1);
    } finally {
      await redis.quit();
      await sharing.close();
      await here.close();
    }
  });

  it('makes a briefing wanted with its HTML as a job of its own, not the one made without, and hands the HTML back', async () => {
    const here = await oneWorker();
    try {
      const plain = await submitter.submit(jobIdOf('with-html', false), request('with-html'), () => {});
      expect([plain.result.kind, plain.html]).toEqual(['made', undefined]);
      const withHtml = await submitter.submit(jobIdOf('with-html', true), { ...request('with-html'), html: true }, () => {});
      expect(withHtml.result).toMatchObject({ kind: 'made', html: true });
      expect(withHtml.html).toBe('<p>with-html</p>');
      expect(calls.get('with-html')).toBe(2);
      // Its HTML gone from Redis (expired) while the PDF is still there: made again, not collected without it.
      const redis = new Redis(settings.target.options);
      await redis.del(resultKeys(settings.queue, jobIdOf('with-html', true)).html);
      await redis.quit();
      expect((await submitter.submit(jobIdOf('with-html', true), { ...request('with-html'), html: true }, () => {})).html).toBe('<p>with-html</p>');
      expect(calls.get('with-html')).toBe(3);
    } finally {
      await here.close();
    }
  });

  it('refuses a database number Redis does not have, rather than using database 0', async () => {
    const target = parseRedisUrl(`redis://127.0.0.1:${settings.target.options.port}/99`, '--redis');
    await expect(probeRedis(target, '--redis')).rejects.toThrow(/\(ERR DB index is out of range\): Redis has no database 99/);
    await expect(probeRedis(target, '--redis')).rejects.toMatchObject({ exitCode: EXIT.queue });
  });
});
