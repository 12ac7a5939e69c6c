/**
 * The submitter's side of the queue: each briefing becomes one BullMQ job (or finds its job already there,
 * waiting, in hand or done: the job id is its inputs' hash), and its result is collected as soon as a
 * worker hands it back. Nothing here waits on a worker being alive: a job a dead worker held goes back
 * to the queue (BullMQ's stalled-job check, in the other workers), and a submitter that dies can ask again.
 */
import { Queue, QueueEvents, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { BriefingError, EXIT } from '../errors.ts';
import { probeRedis } from './connect.ts';
import { QUEUE_PREFIX, resultKeys, type BriefingRequest, type BriefingResult } from './jobs.ts';
import type { RedisTarget } from './redis-url.ts';

/** Where the queue is and how long results stay there. */
export interface QueueSettings {
  target: RedisTarget;
  /** Where the URL came from, for messages: "--redis" or "BRIEFING_REDIS_URL". */
  from: string;
  queue: string;
  keepSeconds: number;
}

/** A briefing's result as collected: the worker's account, and the PDF (and HTML) when it made one. */
export interface Collected {
  result: BriefingResult;
  pdf?: Uint8Array;
  html?: string;
}

export interface Submitter {
  /**
   * Queues the briefing, or joins its job if it is there; resolves with the result. `started` is called
   * when a worker takes the job. `again` (--force): a result already in the queue is not taken, the
   * briefing is printed anew.
   */
  submit(jobId: string, request: BriefingRequest, started: () => void, again?: boolean): Promise<Collected>;
  /** How many workers are connected to the queue now. */
  workers(): Promise<number>;
  /** Stops waiting: jobs not yet collected stay in the queue, for the workers and for a later run. */
  close(): Promise<void>;
}

/** A job fails for good after this many tries; only a transient failure (the browser crashed) is tried again. */
const ATTEMPTS = 3;
/** The first retry waits this long, each next one twice as long. */
const BACKOFF_MS = 5_000;
/** How often every job still awaited is looked at, in case an event was missed (a dropped connection). */
const SWEEP_MS = 5_000;

interface Waiter {
  request: BriefingRequest;
  started: Array<() => void>;
  settle: Array<{ resolve: (c: Collected) => void; reject: (e: unknown) => void }>;
  /** Times this run queued the job afresh (its result had expired, or it had failed before this run). */
  requeued: number;
  /** Print it anew even if a result is there (--force). */
  again: boolean;
}

export async function openSubmitter(settings: QueueSettings): Promise<Submitter> {
  await probeRedis(settings.target, settings.from);
  const connection = { ...settings.target.options, maxRetriesPerRequest: null };
  const queue = new Queue<BriefingRequest, BriefingResult>(settings.queue, { connection, prefix: QUEUE_PREFIX });
  const events = new QueueEvents(settings.queue, { connection, prefix: QUEUE_PREFIX });
  // A connection that drops is retried by ioredis; what is awaited is swept for once it is back.
  queue.on('error', () => {});
  events.on('error', () => {});
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  // PDFs are kept beside the jobs, under keys of their own (queue/jobs.ts resultKeys): BullMQ's events stay small.
  const client = new Redis(connection);
  client.on('error', () => {});
  const waiting = new Map<string, Waiter>();
  let closed = false;
  const looking = new Map<string, Promise<void>>();

  const add = (jobId: string, request: BriefingRequest) =>
    queue.add('briefing', request, {
      jobId,
      attempts: ATTEMPTS,
      backoff: { type: 'exponential', delay: BACKOFF_MS },
      removeOnComplete: { age: settings.keepSeconds },
      removeOnFail: { age: settings.keepSeconds },
    });

  const settle = (jobId: string, outcome: { collected: Collected } | { error: unknown }) => {
    const waiter = waiting.get(jobId);
    if (!waiter) return;
    waiting.delete(jobId);
    for (const { resolve, reject } of waiter.settle) {
      if ('collected' in outcome) resolve(outcome.collected);
      else reject(outcome.error);
    }
  };

  /** Queues the job again, from scratch: its result expired, or a failure from before this run is tried once more. */
  const requeue = async (jobId: string, waiter: Waiter, job: Job | undefined) => {
    waiter.requeued++;
    if (waiter.requeued > 2) throw new BriefingError(`job ${jobId} keeps vanishing from the queue: is something else removing its jobs?`, EXIT.queue);
    await job?.remove().catch(() => {}); // a worker that holds it keeps its lock: then it is collected when done
    await add(jobId, waiter.request);
  };

  /** Where job `jobId` stands: collected and settled if done, queued again if it should be, else left to its worker. */
  const look = async (jobId: string, fresh: boolean) => {
    const waiter = waiting.get(jobId);
    if (!waiter) return;
    const job = await queue.getJob(jobId);
    if (job === undefined) return requeue(jobId, waiter, undefined); // removed (expired, or by hand) before it was collected
    const state = await job.getState();
    if (state === 'failed') {
      // Failed before this run asked (its tries used up): asked again, it is tried again, as a local build would.
      if (fresh) return requeue(jobId, waiter, job);
      const reason = job.failedReason || 'no reason given';
      return settle(jobId, { error: new BriefingError(`the workers could not make it after ${job.attemptsMade} tries: ${reason}`, EXIT.render) });
    }
    if (state !== 'completed') return;
    if (fresh && waiter.again) return requeue(jobId, waiter, job); // --force: what an earlier run made is not taken
    const result = job.returnvalue;
    if (result?.kind === 'failed') {
      // A failure recorded by an earlier run is not this run's answer: tried again, as a local build would.
      if (fresh) return requeue(jobId, waiter, job);
      return settle(jobId, { collected: { result } });
    }
    if (result?.kind !== 'made') return requeue(jobId, waiter, job);
    const keys = resultKeys(settings.queue, jobId);
    const [pdf, html] = await Promise.all([client.getBuffer(keys.pdf), result.html ? client.get(keys.html) : Promise.resolve(undefined)]);
    if (pdf === null || html === null) return requeue(jobId, waiter, job); // the job outlived its PDF: made again
    settle(jobId, { collected: { result, pdf: new Uint8Array(pdf), ...(html === undefined ? {} : { html }) } });
  };
  /** look(), one at a time per job; a failure to look fails that job's briefings. */
  const lookAt = (jobId: string, fresh = false): Promise<void> => {
    const running = looking.get(jobId);
    if (running) return running;
    const p = look(jobId, fresh)
      .catch((error: unknown) => settle(jobId, { error }))
      .finally(() => looking.delete(jobId));
    looking.set(jobId, p);
    return p;
  };

  events.on('completed', ({ jobId }) => void lookAt(jobId));
  events.on('failed', ({ jobId }) => void lookAt(jobId));
  events.on('active', ({ jobId }) => {
    const waiter = waiting.get(jobId);
    for (const started of waiter?.started.splice(0) ?? []) started();
  });
  const sweep = setInterval(() => {
    for (const jobId of waiting.keys()) void lookAt(jobId);
  }, SWEEP_MS);
  sweep.unref();

  return {
    submit(jobId, request, started, again = false) {
      return new Promise<Collected>((resolve, reject) => {
        if (closed) return reject(new BriefingError('the queue connection is closed', EXIT.queue));
        const existing = waiting.get(jobId);
        if (existing) {
          // The same briefing twice in one batch (two canvases alike): one job, both collect it.
          existing.started.push(started);
          existing.settle.push({ resolve, reject });
          return;
        }
        waiting.set(jobId, { request, started: [started], settle: [{ resolve, reject }], requeued: 0, again });
        // Added (a no-op when a job of that id is there), then looked at: it may be done already.
        add(jobId, request)
          .then(() => lookAt(jobId, true))
          .catch((error: unknown) => settle(jobId, { error }));
      });
    },
    workers: () => queue.getWorkersCount(),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweep);
      // Whoever still waits hears that it will not come (the build stops and says so); the jobs stay queued.
      for (const jobId of [...waiting.keys()]) settle(jobId, { error: new BriefingError('stopped waiting for the queue: the briefing stays queued for the workers and a later run', EXIT.queue) });
      await Promise.allSettled([events.close(), queue.close(), client.quit()]);
    },
  };
}
