/**
 * The worker's side of the queue: takes build jobs, has each made (the pipeline's `make`, with this
 * process's warm browser), stores the PDF beside the job with the same expiry, and hands back the rest.
 * A job this worker holds when it dies is given to another worker by BullMQ's stalled-job check; a
 * transient failure (the browser crashed) is retried with backoff; a failing canvas is answered, not retried.
 */
import { hostname } from 'node:os';
import { Job, Queue, Worker, WaitingError } from 'bullmq';
import { Redis } from 'ioredis';
import { EXIT } from '../errors.ts';
import { RecentMap } from '../recent-map.ts';
import { sizeText } from '../words.ts';
import { closeStarted, probedOptions, queueConnection, redisNow } from './connect.ts';
import { laneOf, QUEUE_PREFIX, resultKeys, sharedFileKey, toolLabel, workersKey, type BriefingRequest, type BriefingResult, type PackedFile } from './jobs.ts';
import type { RedisTarget } from './redis-url.ts';

/**
 * What `make` answers: the PDF and what the manifest records, or why the canvas cannot be made (not
 * retried), or that this worker can make no briefing at all (its browser cannot run: `refused`, the job
 * goes back for the other workers and this one stops). Transient failures are thrown. (A job of another
 * version of the tool never comes here: each version has a lane of its own, laneOf.)
 */
export type Made =
  | { kind: 'made'; pdf: Uint8Array; html?: string; pages: number; contents: Record<string, number>; breaks: Record<string, number[]>; warnings: string[] }
  | { kind: 'failed'; message: string; exitCode: number; what?: string }
  | { kind: 'refused'; message: string; exitCode: number };

/** What a worker says as it goes. */
export type WorkerEvent =
  | { kind: 'took'; jobId: string; file: string; set: string }
  /** Printed, and stored in the queue as done: said once BullMQ has finished the job, not as the print ends (it may yet be dropped). */
  | { kind: 'made'; jobId: string; file: string; set: string; pages: number; ms: number }
  /** Printed, but the job was no longer this worker's to finish (its lock or key gone: Redis restarted, or another worker took it). */
  | { kind: 'dropped'; jobId: string; file: string; set: string; message: string }
  | { kind: 'failed'; jobId: string; file: string; set: string; message: string }
  /** A try failed for a reason that may pass; BullMQ tries again later (`retrying`), or gives up. */
  | { kind: 'try-failed'; jobId: string; file: string; set: string; message: string; retrying: boolean }
  /** Trouble with the queue: the connection `lost` (retried), or back, or what else BullMQ reports (a job's keys gone when Redis was emptied). */
  | { kind: 'connection'; message: string; back?: boolean; lost?: boolean }
  /** This worker can make no briefing (its browser cannot run): the job went back to the queue, and this worker takes no more. */
  | { kind: 'incompatible'; jobId: string; message: string; exitCode: number };

export interface WorkerSettings {
  target: RedisTarget;
  from: string;
  queue: string;
  /** toolHash (plan/) of this worker: it takes the jobs of submitters of the same version only (laneOf). */
  tool: string;
  /** Jobs made at once. */
  concurrency: number;
  /** The largest canvas this worker takes, in bytes (its own --max-canvas-mb). */
  maxCanvasBytes: number;
  /** That limit as its user gave it ("--max-canvas-mb 0.01": config canvasSizeGiven), for the message refusing a canvas over it. */
  maxCanvasGiven?: string;
  /** How long its lock on a job lasts unrenewed (DEFAULT_LOCK_MS; --lock-seconds). */
  lockMs?: number;
}

export interface QueueWorker {
  /** The version of the tool it takes jobs for (toolLabel). */
  version: string;
  /** Takes no new job, waits for the jobs in hand to be handed back, then disconnects. */
  close(): Promise<void>;
  /** Disconnects at once: the jobs in hand go back to the queue when their locks expire. */
  abandon(): Promise<void>;
  /** How many jobs it holds now. */
  inHand(): number;
}

/**
 * How long a job's lock lasts without being renewed (the worker renews it at half that while it works):
 * a worker gone silent this long is taken for dead, and the next stalled-job check (STALLED_CHECK_MS) gives
 * its jobs to another worker. Generous: drawing charts and finishing a PDF hold a worker's thread for
 * seconds, and on a machine short of CPU renewals come late; a lock lost while working means the
 * briefing is printed twice.
 */
export const DEFAULT_LOCK_MS = 60_000;

/**
 * How often a worker looks for jobs whose worker died (BullMQ's stalled-job check, one Redis script for the whole
 * queue, whichever worker runs it first): every 5 s, or every half of a shorter lock. It gives back only jobs whose
 * lock has lapsed, so checking often takes nothing from a worker still printing, and a dead worker's jobs go back
 * within seconds of their locks lapsing, not up to half a minute after (every half of the 60 s lock, as it was).
 */
const STALLED_CHECK_MS = 5_000;

/** Errors that mean the connection to Redis is gone (ioredis reconnects). */
const CONNECTION_TROUBLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|EHOSTUNREACH|Connection is closed/;

/** How long a worker stopping at once tries to hand its jobs back before it goes anyway (their locks then expire). */
const HAND_BACK_MS = 2_000;

/** A worker says it is there (workersKey) for this long, renewed three times as often: submitters of another version count it (one killed, a little longer). */
const PRESENCE_MS = 15_000;
/** How many themes' files a worker keeps fetched (sharedFiles), the most recently named. */
const THEMES_FETCHED = 16;

/** Starts taking jobs from the queue; resolves once connected. `make` makes one briefing; transient failures it throws. */
export async function startWorker(settings: WorkerSettings, make: (request: BriefingRequest, theme?: PackedFile[]) => Promise<Made>, report: (event: WorkerEvent) => void): Promise<QueueWorker> {
  const options = await probedOptions(settings.target, settings.from, (message) => report({ kind: 'connection', message }));
  const me = `${hostname()}:${process.pid}`;
  const lane = laneOf(settings.queue, settings.tool);
  const connection = queueConnection(options);
  // PDFs are stored under keys of their own beside the jobs (jobs.ts resultKeys), through a connection of our own.
  const client = new Redis(connection);
  client.on('error', () => {}); // the worker's own connection says it

  // The jobs in hand, with the token of this worker's lock on each: abandon() hands them back.
  const inHand = new Map<string, { job: Job<BriefingRequest, BriefingResult>; token: string }>();
  // Printed, not yet stored as done: said as made once BullMQ has finished the job ('completed'), as dropped where the job
  // went from under it. (Said as made as the print ended, a print a restarted Redis had lost was said made, and a worker
  // stopping gently said nothing more: BullMQ says no error while it closes.)
  const printed = new Map<string, { file: string; set: string; pages: number; ms: number }>();
  const problems = problemLog();
  let abandoning = false;
  let closingGently = false;
  const processor = async (job: Job<BriefingRequest, BriefingResult>, token?: string): Promise<BriefingResult> => {
    if (abandoning) {
      // Taken as the worker was stopping at once (a fetch already under way): straight back to the queue.
      await job.moveToWait(token).catch(() => {});
      throw new WaitingError();
    }
    if (token !== undefined) inHand.set(job.id!, { job, token });
    problems.forget(job.id!); // taken again: a second drop of it is said too
    try {
      return await answer(job, token);
    } finally {
      inHand.delete(job.id!);
    }
  };
  /** A job this worker can make no more than any other: back to the queue for the others, and no more for this one. */
  const refuse = async (job: Job<BriefingRequest, BriefingResult>, token: string | undefined, message: string, exitCode: number): Promise<never> => {
    await worker.pause(true); // takes no new job; the CLI stops it
    await job.moveToWait(token);
    report({ kind: 'incompatible', jobId: job.id!, message, exitCode });
    throw new WaitingError();
  };
  const answer = async (job: Job<BriefingRequest, BriefingResult>, token: string | undefined): Promise<BriefingResult> => {
    const problem = requestProblem(job.data, settings.maxCanvasBytes, settings.maxCanvasGiven);
    if (problem !== undefined) {
      report({ kind: 'failed', jobId: job.id!, file: String(job.data?.file), set: String(job.data?.set), message: problem.message });
      return { kind: 'failed', ...problem, worker: me };
    }
    const { file, set, keepSeconds } = job.data;
    const started = Date.now();
    report({ kind: 'took', jobId: job.id!, file, set });
    const theme = job.data.theme === undefined ? undefined : await sharedFiles(job.data.theme);
    if (theme === null) {
      const message = `${file}: its theme's files are no longer in the queue (kept as long as the results): run the build again`;
      report({ kind: 'failed', jobId: job.id!, file, set, message });
      return { kind: 'failed', message, exitCode: 2, what: 'its theme expired from the queue', worker: me };
    }
    const made = await make(job.data, theme);
    // Stopped at once while this one printed: it went back to the queue, and what came of it (a print cut short) is not its answer.
    if (abandoning) throw new Error('the worker stopped; the briefing went back to the queue');
    if (made.kind === 'refused') return refuse(job, token, made.message, made.exitCode);
    if (made.kind === 'failed') {
      report({ kind: 'failed', jobId: job.id!, file, set, message: made.message });
      return { ...made, worker: me };
    }
    const keys = resultKeys(settings.queue, job.id!);
    const store = client.multi().set(keys.pdf, Buffer.from(made.pdf), 'EX', keepSeconds);
    if (made.html !== undefined) store.set(keys.html, made.html, 'EX', keepSeconds);
    await store.exec();
    const ms = Date.now() - started;
    printed.set(job.id!, { file, set, pages: made.pages, ms });
    return { kind: 'made', pages: made.pages, contents: made.contents, breaks: made.breaks, warnings: made.warnings, html: made.html !== undefined, worker: me, ms };
  };

  // A theme's files, fetched once per worker for all the jobs that name them: the THEMES_FETCHED most recently named (a
  // few themes at most are in use at once; each may be up to 20 MB).
  const themes = new RecentMap<string, Promise<PackedFile[] | null>>(THEMES_FETCHED);
  const sharedFiles = (hash: string): Promise<PackedFile[] | null> => {
    let files = themes.get(hash);
    if (files === undefined) {
      const fetched = client.get(sharedFileKey(settings.queue, hash)).then((text) => (text === null ? null : JSON.parse(text) as PackedFile[]));
      // Gone from the queue, or not read: asked for again next time (not a later fetch of the same theme, if this one was dropped meanwhile).
      const forget = () => themes.get(hash) === fetched && themes.delete(hash);
      fetched.then((f) => f === null && forget(), forget);
      themes.set(hash, (files = fetched));
    }
    return files;
  };

  const worker = new Worker<BriefingRequest, BriefingResult>(lane, processor, {
    connection,
    prefix: QUEUE_PREFIX,
    concurrency: settings.concurrency,
    lockDuration: settings.lockMs ?? DEFAULT_LOCK_MS,
    stalledInterval: Math.min(STALLED_CHECK_MS, Math.round((settings.lockMs ?? DEFAULT_LOCK_MS) / 2)),
    maxStalledCount: 2,
    name: me,
    autorun: false,
  });
  worker.on('failed', (job, error) => {
    if (!job || error instanceof WaitingError || abandoning) return;
    const retrying = job.attemptsMade < (job.opts.attempts ?? 1);
    report({ kind: 'try-failed', jobId: job.id!, file: String(job.data?.file), set: String(job.data?.set), message: error.message, retrying });
  });
  worker.on('completed', (job) => {
    const done = printed.get(job.id!);
    if (done === undefined) return;
    printed.delete(job.id!);
    report({ kind: 'made', jobId: job.id!, ...done });
  });
  /** Says a printed job's drop, once; true where `message` was one. */
  const dropped = (message: string): boolean => {
    const problem = jobProblem(message);
    const done = problem === undefined || problem.kind === 'renew' ? undefined : printed.get(problem.job);
    if (done === undefined) return false;
    printed.delete(problem!.job);
    problems.isNew(message); // told
    report({ kind: 'dropped', jobId: problem!.job, file: done.file, set: done.set, message: inWords(message) });
    return true;
  };
  // The connection's loss is said once, as the first error or close says it, and its return once, after a loss said (each
  // restart its pair: a quick one was said by neither, and "connected again" came after other problems than a loss).
  let away = false;
  let readyBefore = false;
  let quitting = false;
  const lost = (message: string) => {
    if (away || abandoning || quitting) return;
    away = true;
    report({ kind: 'connection', message, lost: true });
  };
  worker.on('error', (error) => {
    if (abandoning) return; // its own connections, closed under jobs in hand
    if (CONNECTION_TROUBLE.test(error.message)) return lost(error.message);
    if (dropped(error.message)) return;
    if (problems.isNew(error.message)) report({ kind: 'connection', message: inWords(error.message, (id) => inHand.get(id)?.job.data.file) });
  });
  client.on('close', () => {
    if (readyBefore) lost('Redis closed the connection');
  });
  client.on('ready', () => {
    readyBefore = true;
    problems.cleared();
    if (!away) return;
    away = false;
    if (!abandoning) report({ kind: 'connection', message: 'connected again', back: true });
  });
  await worker.waitUntilReady();
  // Said where submitters of every version look: one whose jobs wait in another lane hears that this worker is of another version.
  const presence = `${toolLabel(settings.tool)} ${me}`;
  // Dated by Redis's clock, not this machine's (workersKey); skipped while Redis is away (ioredis would queue them all up).
  const present = async () => {
    if (client.status !== 'ready') return;
    try {
      const now = await redisNow(client);
      await client.multi().zremrangebyscore(workersKey(settings.queue), '-inf', now).zadd(workersKey(settings.queue), now + PRESENCE_MS, presence).pexpire(workersKey(settings.queue), PRESENCE_MS).exec();
    } catch {
      // Redis gone: said by the worker's connection; said again once it is back
    }
  };
  await client.ping().catch(() => {}); // connected first: present() skips a client not ready yet, and submitters would not count this worker for a while
  await present();
  const presenceTimer = setInterval(() => void present(), PRESENCE_MS / 3);
  presenceTimer.unref();
  const absent = async () => {
    clearInterval(presenceTimer);
    if (client.status !== 'ready') return; // Redis away: its entry lapses by itself (PRESENCE_MS)
    await Promise.race([client.zrem(workersKey(settings.queue), presence).catch(() => {}), pause(HAND_BACK_MS)]);
  };
  // Ends once the worker is closing and every job in hand is done with (finished, failed, or found gone from Redis).
  const ran = worker.run().catch((error: unknown) => report({ kind: 'connection', message: inWords(error instanceof Error ? error.message : String(error)) }));
  return {
    version: toolLabel(settings.tool),
    // (A print awaiting BullMQ's "done" is still in hand: a stop at once would leave it said neither made nor dropped.)
    inHand: () => inHand.size + printed.size,
    close: async () => {
      closingGently = true;
      const closing = worker.close();
      // Once the jobs in hand are done with, BullMQ (5.81) closes its connections, waiting for its blocking one to end;
      // one still reconnecting since Redis restarted never ends (taskforcesh/bullmq#4656), and a worker stopped gently
      // after Redis restarted under its print never stopped. That close gets HAND_BACK_MS, then its connection is cut.
      const closed = await Promise.race([closing.then(() => true), ran.then(() => pause(HAND_BACK_MS)).then(() => false)]);
      if (!closed) await Promise.race([worker.disconnect().catch(() => {}), pause(HAND_BACK_MS)]);
      // Printed but never stored as done: BullMQ says no error while it closes, so its drop is said here.
      for (const [jobId, done] of printed) {
        report({ kind: 'dropped', jobId, file: done.file, set: done.set, message: `job ${jobId.slice(0, 17)} was no longer this worker's to finish as it stopped (Redis restarted or emptied, or another worker took the job); ${DROPPED}` });
      }
      printed.clear();
      await absent();
      quitting = true;
      // (With Redis gone again, a quit waits for it: given a moment, then the connection is dropped.)
      await Promise.race([client.quit().catch(() => {}), pause(HAND_BACK_MS)]);
      client.disconnect();
    },
    abandon: async () => {
      abandoning = true;
      const held = [...inHand.values()];
      // One HAND_BACK_MS for the whole stop, not for each of its steps: with Redis gone each waits it out, and three in a
      // row held a second Ctrl-C for 6 s (docs/queue.md says 2).
      const deadline = Date.now() + HAND_BACK_MS;
      const soon = () => pause(Math.max(0, deadline - Date.now()));
      // First no more fetching: a job handed back would otherwise be taken again by this worker's free slots.
      // After a gentle close() fetching has stopped already, and BullMQ's close would wait for the prints in hand.
      const closing = worker.close(true).catch(() => {});
      // (With Redis away that close cannot end: not waited for, and an idle worker stopped with Redis down took 2 s more.)
      if (!closingGently && client.status === 'ready') await Promise.race([closing, soon()]);
      // Back to the queue now, for another worker (else only once their locks expire), through a connection of
      // its own (the worker's are closed), opened only for jobs in hand and with Redis there (else their locks lapse).
      const queue = held.length === 0 || client.status !== 'ready' ? undefined : new Queue(lane, { connection, prefix: QUEUE_PREFIX });
      queue?.on('error', () => {});
      const handBack = queue === undefined ? undefined : Promise.allSettled(held.map(async ({ job, token }) => (await Job.fromId(queue, job.id!))?.moveToWait(token)));
      await Promise.race([Promise.all([handBack, absent()]), soon()]);
      client.disconnect();
      if (queue !== undefined) await closeStarted(queue, Math.max(0, deadline - Date.now()));
    },
  };
}

/** Resolves after `ms`, keeping no process alive. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** What a job put in this version's lane by something else than its submitter failed of. */
const NOT_A_REQUEST = 'not a briefing request';

/**
 * What is wrong with a job's data, if anything: a shape this version cannot read (put in its lane by
 * something else than a submitter of this version), or a canvas larger than this worker takes. Either
 * is that job's failure, said to its submitter: the worker goes on.
 */
function requestProblem(data: unknown, maxCanvasBytes: number, maxCanvasGiven?: string): { message: string; exitCode: number; what: string } | undefined {
  const r = data as Partial<BriefingRequest> | null;
  const isText = (v: unknown) => typeof v === 'string';
  if (r === null || typeof r !== 'object' || r.v !== 1) {
    return { message: 'a job this version of canvas-briefing cannot read (not queued by `briefing build` of this version)', exitCode: EXIT.queue, what: NOT_A_REQUEST };
  }
  const shapeOk = isText(r.tool) && isText(r.file) && isText(r.text) && isText(r.set) && isText(r.browser) && isText(r.context) && isText(r.content) &&
    (r.pageSize === undefined || r.pageSize === 'A4' || r.pageSize === 'Letter') && typeof r.html === 'boolean' && Number.isInteger(r.keepSeconds) && r.keepSeconds! > 0 &&
    (r.theme === undefined || (isText(r.theme) && /^[0-9a-f]{64}$/.test(r.theme))) &&
    (r.previous === undefined || (isText(r.previous?.name) && isText(r.previous?.text) && isText(r.previous?.sha256)));
  if (!shapeOk) return { message: 'a job whose data is not a briefing request', exitCode: EXIT.queue, what: NOT_A_REQUEST };
  const canvasBytes = Buffer.byteLength(r.text!) + Buffer.byteLength(r.previous?.text ?? '');
  if (canvasBytes > maxCanvasBytes) {
    return { message: tooLarge(r.file!, canvasBytes, r.previous !== undefined, maxCanvasBytes, maxCanvasGiven), exitCode: 2, what: 'too large for the workers' };
  }
  return undefined;
}

/**
 * Why a worker refuses a canvas of `bytes` (with its earlier version, for --since, where `withPrevious`) over its limit:
 * the sizes as a reader tells them apart (KB under a megabyte, never "0.0 MB"; in bytes where the two round alike), the
 * limit as its user gave it (not its bytes said back as MB, "0.010000228881835938"), and what to do.
 */
export function tooLarge(file: string, bytes: number, withPrevious: boolean, maxBytes: number, given = `--max-canvas-mb ${Number((maxBytes / 1024 / 1024).toPrecision(4))}`): string {
  const alike = sizeText(bytes) === sizeText(maxBytes);
  const size = (n: number) => (alike ? `${n.toLocaleString('en-US')} bytes` : sizeText(n));
  const what = withPrevious ? 'the canvas and its earlier version (for --since) are' : 'the canvas is';
  return `${file}: ${what} ${size(bytes)}${withPrevious ? ' together' : ''}, more than this worker takes (${given}: ${size(maxBytes)}). Raise the workers' limit (briefing worker --max-canvas-mb MB, or BRIEFING_MAX_CANVAS_MB where they run), or split or trim the canvas`;
}

/**
 * Which of BullMQ's errors are news, to be said: one unlike the last (ioredis repeats a lost connection's until it is back),
 * and a job's lost lock or key once for that job, whatever came between (BullMQ finds it as the job moves to finished and
 * again as it moves to delayed, and a reconnection may be said between the two).
 */
export function problemLog(): { isNew(message: string): boolean; cleared(): boolean; forget(job: string): void } {
  let last = '';
  const jobsTold = new Set<string>();
  return {
    isNew(message) {
      const job = jobProblem(message)?.job;
      const problem = job === undefined ? message : `missing ${job}`;
      const news = problem !== last && (job === undefined || !jobsTold.has(job));
      if (job !== undefined) jobsTold.add(job);
      last = problem;
      return news;
    },
    /** Whether there was a problem, now over (the connection is back): said, once. */
    cleared() {
      const had = last !== '';
      last = '';
      return had;
    },
    /** A job taken again: its problems are news again. */
    forget(job) {
      jobsTold.delete(job);
      if (last === `missing ${job}`) last = '';
    },
  };
}

/** What becomes of a print whose job was no longer its worker's to finish (inWords, and a gentle close's account). */
const DROPPED = 'what it printed is dropped, and the briefing is made by another worker or queued again by its submitter';

/** BullMQ's words for a job whose lock or key went away under a worker: which, the job, the step that found it. */
const MISSING_JOB = /^Missing (lock|key) for job ([^\s.]+(?:\.[^\s.]+)*?)\.? (\w+)$/;
/** ...for a job another worker holds now ("Lock mismatch for job … Cmd moveToFinished from active"), and for a lock it could not renew. */
const LOCK_MISMATCH = /^Lock mismatch for job ([^\s.]+(?:\.[^\s.]+)*?)\.? Cmd (\w+) from (\w+)$/;
const NOT_RENEWED = /^could not renew lock for job ([^\s.]+(?:\.[^\s.]+)*?)\.?$/;

/** The job a BullMQ error is about, and what befell it: its lock or key gone, its lock another worker's, its lock not renewed. */
function jobProblem(message: string): { job: string; kind: 'lock' | 'key' | 'mismatch' | 'renew' } | undefined {
  const text = message.trim();
  const missing = MISSING_JOB.exec(text);
  if (missing !== null) return { job: missing[2]!, kind: missing[1] as 'lock' | 'key' };
  const mismatch = LOCK_MISMATCH.exec(text);
  if (mismatch !== null) return { job: mismatch[1]!, kind: 'mismatch' };
  const renew = NOT_RENEWED.exec(text);
  return renew === null ? undefined : { job: renew[1]!, kind: 'renew' };
}

/**
 * BullMQ's account of a job whose keys went away under a worker ("Missing lock for job briefing-5873….
 * moveToFinished", "Missing key for job …"), said as what it means to whoever runs the worker; other messages as they are.
 */
export function inWords(message: string, fileOf: (job: string) => string | undefined = () => undefined): string {
  const problem = jobProblem(message);
  if (problem === undefined) return message;
  const file = fileOf(problem.job);
  const job = `job ${problem.job.slice(0, 17)}${file === undefined ? '' : ` (${file})`}`;
  if (problem.kind === 'renew') {
    return `${job}: its lock could not be renewed (Redis away, restarted or too slow to answer): if it lapses, another worker takes the job and what this one prints is dropped (BullMQ: ${message.trim()})`;
  }
  const why = problem.kind === 'lock'
    ? 'its lock was gone (Redis restarted or emptied, or this worker renewed it too late and another took the job)'
    : problem.kind === 'key' ? 'the job was gone from Redis (restarted or emptied)'
      : 'another worker holds it now (this worker\'s lock lapsed, with Redis away or slow, and another took the job)';
  return `${job} was no longer this worker's to finish: ${why}; ${DROPPED} (BullMQ: ${message.trim()})`;
}
