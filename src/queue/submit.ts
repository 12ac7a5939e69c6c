/**
 * The submitter's side of the queue: each briefing becomes one BullMQ job (or finds its job already there,
 * waiting, in hand or done: the job id is its inputs' hash), and its result is collected as soon as a
 * worker hands it back. Nothing here waits on a worker being alive: a job a dead worker held goes back
 * to the queue (BullMQ's stalled-job check, in the other workers), and a submitter that dies can ask again.
 */
import { createHash } from 'node:crypto';
import { Queue, QueueEvents, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { BriefingError, EXIT, REDIS_LOST_AT_MAX_WAIT } from '../errors.ts';
import { atMost, closeStarted, probedOptions, queueConnection, RECONNECT_MS, redact, redisNow } from './connect.ts';
import { ALL_WORKERS_KEYS, laneOf, QUEUE_PREFIX, queueOfWorkersKey, resultKeys, sharedFileKey, toolLabel, workersKey, type BriefingRequest, type BriefingResult, type PackedFile } from './jobs.ts';
import type { RedisTarget } from './redis-url.ts';
import { briefingOf, maxWaitText } from '../words.ts';

/** Where the queue is and how long results stay there. */
export interface QueueSettings {
  target: RedisTarget;
  /** Where the URL came from, for messages: "--redis" or "BRIEFING_REDIS_URL". */
  from: string;
  queue: string;
  keepSeconds: number;
  /**
   * How long a build waits for the workers to take its briefings (--max-wait), in ms: past it, those no worker has taken
   * are taken back out of the queue and fail. None: it waits until interrupted.
   */
  maxWaitMs?: number;
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
   * when a worker takes the job, and again, with `retried` saying why ("retried after its worker stopped answering";
   * "retried" after a failed try), each time another take starts it over: its time is counted from then. `again`
   * (--force): a result already in the queue is not taken, the briefing is printed anew.
   */
  submit(jobId: string, request: BriefingRequest, started: (retried?: string) => void, again?: boolean): Promise<Collected>;
  /** Stores files many jobs share (a theme folder) once, under their hash, for as long as results stay; resolves to the hash the jobs name. */
  share(files: PackedFile[]): Promise<string>;
  /** Whether any worker is at the queue now: connected, or still printing a job (one stopping is no longer counted as connected), its lock held. */
  anyWorker(): Promise<boolean>;
  /** Whether its connection to Redis is up now (not dropped and being retried). */
  connected(): boolean;
  /** This submitter's version, as people see it (toolLabel). */
  version: string;
  /** The workers at the queue that run another version of the tool (they take none of this submitter's jobs), by version (toolLabel). */
  otherVersions(): Promise<Map<string, number>>;
  /**
   * The other queues of this Redis database with workers, of any version, and how many each (a --queue misspelt:
   * "briefing" where the workers listen on "briefings"); one SCAN of the workers' keys (workersKey).
   */
  otherQueues(): Promise<Map<string, number>>;
  /** How many of this run's briefings no worker has finished yet (those finished and being collected need none). */
  unfinished(): number;
  /**
   * Takes this run's briefings that no worker has begun back out of the queue, as none of them would be written (the
   * output folder takes no more files): each is told `error` at once. Those a worker has begun are left to finish (a
   * job cannot be taken from its worker) and collected as usual. Resolves to how many were taken out. With Redis out of
   * reach, then or later while those are awaited, nothing can be taken out or collected, and waiting for Redis would hold
   * a bounded build for ever (--max-wait, cron's): every briefing still awaited is told `away` at once (default `error`).
   */
  withdraw(error: BriefingError, away?: BriefingError): Promise<number>;
  /**
   * Stops waiting (every briefing still awaited is told so): jobs not yet collected stay in the queue, for the workers
   * and for a later run; but if no worker of this version was seen at all while it waited, its jobs still waiting are
   * taken out (none would ever take them, and waiting jobs never expire). Resolves to how many were.
   */
  close(): Promise<number>;
}

/** A job fails for good after this many tries; only a transient failure (the browser crashed) is tried again. */
const ATTEMPTS = 3;
/** The first retry waits this long, each next one twice as long. */
const BACKOFF_MS = 5_000;
/** How often every job still awaited is looked at, in case an event was missed (a dropped connection). */
const SWEEP_MS = 5_000;
/** Jobs being added at once: a batch of thousands is queued steadily, not serialised all at once. */
const ADDING_AT_ONCE = 32;
/** How long closing waits for Redis to take its leave before dropping the connections. */
const CLOSE_MS = 2_000;
/**
 * How long after Redis comes back a build takes its workers for reconnecting rather than gone: their connections try
 * again at most RECONNECT_MS apart (queueConnection; a worker of an earlier release, BullMQ's 20 s), and a worker is
 * counted once they are back.
 */
const WORKERS_BACK_MS = 5 * RECONNECT_MS;

interface Waiter {
  request: BriefingRequest;
  started: Array<(retried?: string) => void>;
  /** A worker has taken it in this run: a later take is a retry. */
  taken?: boolean;
  /** Why it went back to the queue since it was last taken (its worker stopped answering), for the retry's line. */
  backBecause?: string;
  settle: Array<{ resolve: (c: Collected) => void; reject: (e: unknown) => void }>;
  /** Added, and looked at once since: until then events and sweeps leave it alone (they would see an earlier run's job). */
  ready: boolean;
  /** Times this run queued the job afresh (its result had expired, or it had failed before this run), but for a Redis that restarted. */
  requeued: number;
  /** How many times the connection had come back when the job was last queued, and the run id of the Redis it went to (serverRun): a job gone since, with Redis restarted, went with it. */
  since: number;
  run?: string;
  /** Print it anew even if a result is there (--force). */
  again: boolean;
  /** A worker has finished it (made or failed): what is left is collecting it, no worker needed. */
  finished?: boolean;
}

/** Looks at one job, one at a time: asked while a look runs, one more runs after it (a fresh one if any ask was). */
interface Looking {
  waiter: Waiter | undefined;
  tail: Promise<void>;
  next?: Promise<void>;
  fresh: boolean;
}

/** How otherVersions names workers of a release before version lanes, which say nothing of their version. */
export const OLDER_RELEASE = 'a release before version lanes';

/** Opens the queue for submitter of version `tool` (toolHash, plan/): its jobs go to the workers of that version only (laneOf). */
export async function openSubmitter(settings: QueueSettings, tool: string, say: (message: string) => void = () => {}): Promise<Submitter> {
  return (await reachQueue(settings, say))(tool);
}

/**
 * Reaches Redis now (probeRedis: one that cannot be reached fails at once, exit 9), and resolves to what opens the
 * submitter later (a build plans first): from then on Redis has been reached, so a drop, however early, is said once
 * and retried (the connections opened then retry for ever), as one later in the run is.
 */
export async function reachQueue(settings: QueueSettings, say: (message: string) => void = () => {}): Promise<(tool: string) => Promise<Submitter>> {
  const options = await probedOptions(settings.target, settings.from, (message) => say(message));
  return (tool) => openReached(settings, options, tool, say);
}

/** openSubmitter, Redis reached already with `options` (probedOptions). */
async function openReached(settings: QueueSettings, options: RedisTarget['options'], tool: string, say: (message: string) => void): Promise<Submitter> {
  const connection = queueConnection(options);
  const lane = laneOf(settings.queue, tool);
  const queue = new Queue<BriefingRequest, BriefingResult>(lane, { connection, prefix: QUEUE_PREFIX });
  // PDFs are kept beside the jobs, under keys of their own (jobs.ts resultKeys): BullMQ's events stay small.
  const client = new Redis(connection);
  // A connection that drops is retried by ioredis; the loss is said once, and so is the way back.
  let lost = '';
  let closed = false;
  /** Whether a briefing has been handed to the queue yet (before, while the build plans, none waits there). */
  let queuedAny = false;
  /** When the connection came back after a loss, said or not (the workers' come back on their own schedule: anyWorker). */
  let backAt: number | undefined;
  /** How many times the connection has come back; and what to do then, set once there are briefings to look at. */
  let reconnections = 0;
  let lookAgain: () => void = () => {};
  /** Set below, once there are briefings to tell (withdraw): called as the connection fails. */
  let cutOffIfAway: () => void = () => {};
  const onError = (error: Error) => {
    cutOffIfAway();
    if (closed || error.message === lost) return;
    lost = error.message;
    say(`queue connection: ${redact(error.message, settings.target)} (retrying; ${queuedAny ? 'the briefings wait' : 'the build waits for it: nothing is queued yet'})`);
  };
  queue.on('error', onError);
  client.on('error', onError);
  // Redis's run id (INFO server), asked once per connection: a server restarted since has another. Told apart so, a job
  // gone with a restart is not counted as vanishing even where BullMQ's connection saw the new server before this one
  // did. '' where INFO is not allowed (a managed Redis may rename it): the reconnections are counted then.
  let runOf: Promise<string> | undefined;
  const serverRun = () => (runOf ??= client.info('server').then((text) => /run_id:(\w+)/.exec(text)?.[1] ?? '', () => ''));
  client.on('close', () => {
    runOf = undefined;
    cutOffIfAway();
  });
  let readyBefore = false;
  client.on('ready', () => {
    // Back, said or not: a Redis restarted at once is reached again on the first try, with no error to say.
    if (readyBefore) {
      backAt = Date.now();
      reconnections++;
      lookAgain();
    }
    readyBefore = true;
    if (lost === '' || closed) return;
    lost = '';
    say('queue connection: connected again');
  });
  // Events are read from the last one there now ('0-0': none yet). QueueEvents would start from whatever is last when
  // its first read reaches Redis, which may be after this run's first jobs were added and taken: their "active" was
  // missed, and a briefing a worker printed for this run was reported as collected from an earlier one, untimed.
  let opened: QueueEvents | undefined;
  const reached = async (): Promise<QueueEvents> => {
    const last = await client.xrevrange(queue.keys.events, '+', '-', 'COUNT', 1).then(([entry]) => entry?.[0] ?? '0-0', () => '$');
    if (closed) throw new Error('given up'); // (the bound's error is the one said)
    const reader = (opened = new QueueEvents(lane, { connection, prefix: QUEUE_PREFIX, lastEventId: last }));
    reader.on('error', onError);
    await Promise.all([queue.waitUntilReady(), reader.waitUntilReady()]);
    return reader;
  };
  // --max-wait bounds the wait for Redis here too (a build run by cron must end): Redis lost since the build reached it
  // (while it planned) and not back within the bound fails the build, exit 9, rather than holding it until Redis returns.
  let giveUp: NodeJS.Timeout | undefined;
  const bound = settings.maxWaitMs === undefined ? undefined : new Promise<never>((_, reject) => {
    giveUp = setTimeout(() => {
      closed = true;
      client.disconnect();
      // Still starting, Redis away: closed at once, with the listener closeStarted() puts back for their start's late failure.
      void closeStarted(queue, 0);
      if (opened !== undefined) void closeStarted(opened, 0);
      reject(new BriefingError(`Redis at ${settings.target.shown} was out of reach for ${maxWaitText(settings.maxWaitMs!)} as the build went to queue its briefings: nothing was queued; run the same command again once Redis is back`, EXIT.queue, { kind: REDIS_LOST_AT_MAX_WAIT }));
    }, settings.maxWaitMs);
  });
  bound?.catch(() => {});
  const events = await (bound === undefined ? reached() : Promise.race([reached(), bound])).finally(() => clearTimeout(giveUp));
  /** The queue under its plain name, where workers of a release before version lanes look (otherVersions). */
  let plain: Queue | undefined;
  const waiting = new Map<string, Waiter>();
  const looking = new Map<string, Looking>();
  let closing: Promise<number> | undefined;
  /** Whether a worker of this version was at the queue at any time this run looked, or took a job. */
  let sawWorker = false;

  let adding = 0;
  const addTurns: Array<() => void> = [];
  /** Set by withdraw(): no job is added after it (those waiting their turn to be added are told it). */
  let withdrawn: BriefingError | undefined;
  /** What withdraw() tells the briefings still awaited when Redis is, or goes, out of reach. */
  let withdrawnAway: BriefingError | undefined;
  /** Resolves whenCutOff: cutOffIfAway() has told them. */
  let cutOff: () => void = () => {};
  const whenCutOff = new Promise<void>((resolve) => (cutOff = resolve));
  const add = async (jobId: string, request: BriefingRequest) => {
    if (adding >= ADDING_AT_ONCE) await new Promise<void>((turn) => addTurns.push(turn));
    if (withdrawn !== undefined) throw withdrawn;
    adding++;
    try {
      const job = await queue.add('briefing', request, {
        jobId,
        attempts: ATTEMPTS,
        backoff: { type: 'exponential', delay: BACKOFF_MS },
        removeOnComplete: { age: settings.keepSeconds },
        removeOnFail: { age: settings.keepSeconds },
      });
      // Withdrawn while it was being added (withdraw() found nothing to take yet): taken out now, unless a worker has it.
      if (withdrawn !== undefined && ['waiting', 'prioritized', 'delayed'].includes(await job.getState()) && (await job.remove().then(() => true, () => false))) throw withdrawn;
    } finally {
      adding--;
      addTurns.shift()?.();
    }
  };

  const settle = (jobId: string, outcome: { collected: Collected } | { error: unknown }) => {
    const waiter = waiting.get(jobId);
    if (!waiter) return;
    waiting.delete(jobId);
    looking.delete(jobId);
    for (const { resolve, reject } of waiter.settle) {
      if ('collected' in outcome) resolve(outcome.collected);
      else reject(outcome.error);
    }
  };

  // Withdrawn, and Redis out of reach: every briefing still awaited is told so, now (withdraw).
  cutOffIfAway = () => {
    if (withdrawnAway === undefined || closed || client.status === 'ready') return;
    for (const jobId of [...waiting.keys()]) settle(jobId, { error: withdrawnAway });
    cutOff();
  };

  /** Queues the job again, from scratch: its result expired, or a failure from before this run is tried once more. */
  const requeue = async (jobId: string, waiter: Waiter, job: Job | undefined) => {
    // Gone with a Redis that restarted since it was queued: not counted as vanishing (a build that met three restarts
    // failed every briefing as "keeps vanishing", though it had seen each).
    const run = job === undefined ? await serverRun() : undefined;
    const sameServer = waiter.since === reconnections && (run === undefined || run === '' || waiter.run === undefined || waiter.run === run);
    if (job !== undefined || sameServer) waiter.requeued++;
    waiter.since = reconnections;
    if (run !== undefined && run !== '') waiter.run = run;
    waiter.finished = false;
    if (waiter.requeued > 2) throw new BriefingError(`job ${jobId} keeps vanishing from the queue: is something else removing its jobs?`, EXIT.queue, { kind: 'kept vanishing from the queue' });
    await job?.remove().catch(() => {}); // a worker that holds it keeps its lock: then it is collected when done
    await add(jobId, waiter.request);
  };

  /**
   * Where job `jobId` stands: collected and settled if done, queued again if it should be, else left to its
   * worker. `fresh`: the first look after this run added it, when what is there may be an earlier run's.
   * Only the job's state is read until it is finished (a job carries its canvas: thousands of them are
   * swept every few seconds).
   */
  const look = async (jobId: string, fresh: boolean, asked: Waiter | undefined) => {
    const waiter = waiting.get(jobId);
    // Settled since it was asked for (and perhaps asked for anew): a look for the waiter that asked, only.
    if (!waiter || waiter !== asked || (!waiter.ready && !fresh)) return;
    waiter.ready = true;
    const state = await queue.getJobState(jobId);
    if (state !== 'completed' && state !== 'failed') {
      if (state === 'unknown') await requeue(jobId, waiter, undefined); // removed (expired, or by hand) before it was collected
      return;
    }
    waiter.finished = true;
    const job = await queue.getJob(jobId);
    if (job === undefined) return requeue(jobId, waiter, undefined);
    if (state === 'failed') {
      // Failed before this run asked (its tries used up): asked again, it is tried again, as a local build would.
      if (fresh) return requeue(jobId, waiter, job);
      const reason = job.failedReason || 'no reason given';
      return settle(jobId, { error: new BriefingError(`the workers could not make it after ${job.attemptsMade} tries: ${reason}`, EXIT.render, { kind: triesKind(reason) }) });
    }
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
  const lookAt = (jobId: string, fresh = false): Promise<void> => {
    const asked = waiting.get(jobId);
    let entry = looking.get(jobId);
    if (entry === undefined || entry.waiter !== asked) looking.set(jobId, (entry = { tail: Promise.resolve(), fresh: false, waiter: asked }));
    entry.fresh ||= fresh;
    if (entry.next) return entry.next;
    const e = entry;
    const next = e.tail.then(() => {
      e.next = undefined; // asked from now on, another look follows this one
      const asFresh = e.fresh;
      e.fresh = false;
      return look(jobId, asFresh, e.waiter);
    }).catch((error: unknown) => settle(jobId, { error }));
    e.next = next;
    e.tail = next;
    return next;
  };

  // A worker that died or lost Redis holding a briefing: another worker's stalled-job check gives it back to the
  // queue. Said, so that its late "wrote" line has a reason; that line says it was retried (the 'active' handler below).
  events.on('stalled', ({ jobId }) => {
    const waiter = waiting.get(jobId);
    if (!waiter) return;
    waiter.backBecause = 'its worker stopped answering';
    say(`${briefingOf(waiter.request.file, waiter.request.set, waiter.request.sets)}: the worker printing it stopped answering (killed, or cut off from Redis); it went back to the queue for another worker`);
  });
  events.on('completed', ({ jobId }) => {
    const waiter = waiting.get(jobId);
    if (waiter) waiter.finished = true; // (a failed attempt may be tried again: look() tells that one)
    void lookAt(jobId);
  });
  events.on('failed', ({ jobId }) => void lookAt(jobId));
  events.on('active', ({ jobId }) => {
    sawWorker = true;
    const waiter = waiting.get(jobId);
    if (waiter === undefined) return;
    // Taken again (its worker stopped answering, a try failed): the briefing's time starts over, and its line says why.
    const retried = waiter.taken ? `retried${waiter.backBecause === undefined ? '' : ` after ${waiter.backBecause}`}` : undefined;
    waiter.taken = true;
    waiter.backBecause = undefined;
    for (const started of waiter.started) started(retried);
  });
  // BullMQ counts a queue's workers from CLIENT LIST, which names the clients of every database of the server: a worker of
  // the same queue at database 0 takes nothing queued at database 1, and counted, the build waited in silence for ever.
  const db = String(settings.target.options.db ?? 0);
  const workersHere = async (q: Queue): Promise<number> => (await q.getWorkers()).filter((w) => w.db === undefined || w.db === db).length;
  // Every few seconds, and at once back after a loss (what a restarted Redis lost is queued again then, not at the next sweep).
  lookAgain = () => {
    for (const jobId of waiting.keys()) void lookAt(jobId);
  };
  const shared = new Set<string>();
  const sweep = setInterval(() => {
    lookAgain();
    // Files jobs name stay while any is awaited: a backlog may outlast --keep-results.
    if (waiting.size > 0) for (const key of shared) void client.expire(key, settings.keepSeconds).catch(() => {});
  }, SWEEP_MS);
  sweep.unref();

  return {
    submit(jobId, request, started, again = false) {
      return new Promise<Collected>((resolve, reject) => {
        if (closed) return reject(new BriefingError('the queue connection is closed', EXIT.queue, { kind: 'the queue connection closed' }));
        const existing = waiting.get(jobId);
        if (existing) {
          // The same briefing twice in one batch (two canvases alike): one job, both collect it.
          existing.started.push(started);
          existing.settle.push({ resolve, reject });
          return;
        }
        const waiter: Waiter = { request, started: [started], settle: [{ resolve, reject }], ready: false, requeued: 0, since: reconnections, again };
        waiting.set(jobId, waiter);
        queuedAny = true;
        void serverRun().then((run) => (waiter.run ??= run || undefined));
        // Added (a no-op when a job of that id is there), then looked at: it may be done already.
        add(jobId, request)
          .then(() => lookAt(jobId, true))
          .catch((error: unknown) => settle(jobId, { error }));
      });
    },
    async share(files) {
      const text = JSON.stringify(files);
      const hash = createHash('sha256').update(text).digest('hex');
      // Kept as long as the results of the jobs that name it (a worker takes a job at most that late).
      const key = sharedFileKey(settings.queue, hash);
      await client.set(key, text, 'EX', settings.keepSeconds);
      shared.add(key);
      return hash;
    },
    async withdraw(error, away = error) {
      withdrawn = error;
      withdrawnAway = away;
      cutOffIfAway();
      let taken = 0;
      const taking = Promise.allSettled([...waiting.entries()].filter(([, w]) => !w.finished).map(async ([jobId]) => {
        const job = await queue.getJob(jobId);
        // Not added yet: add() refuses it. Taken by a worker, or done: left to finish, and collected.
        if (job === undefined || !['waiting', 'prioritized', 'delayed'].includes(await job.getState())) return;
        await job.remove(); // refused if a worker took it meanwhile (its lock): then it is collected when done
        taken++;
        settle(jobId, { error });
      }));
      await Promise.race([taking, whenCutOff]); // Redis gone meanwhile: its commands wait for it, the briefings do not
      for (const turn of addTurns.splice(0)) turn();
      return taken;
    },
    // A worker stopping is no longer counted but may be printing yet: its jobs' locks say so. A killed worker's job stays
    // active until another worker's stalled-job check, but its lock lapses: with no worker left, that one counts for none.
    anyWorker: async () => {
      if ((await workersHere(queue)) > 0) return (sawWorker = true);
      // Redis back moments ago: the workers' connections come back on their own schedule, and are not counted before; said
      // then, "no worker is connected" was said of workers about to be back.
      if (backAt !== undefined && Date.now() - backAt < WORKERS_BACK_MS) return true;
      const active = await client.lrange(queue.toKey('active'), 0, 999);
      return active.length > 0 && (await client.exists(...active.map((id) => `${queue.toKey(id)}:lock`))) > 0;
    },
    connected: () => client.status === 'ready',
    version: toolLabel(tool),
    async otherVersions() {
      const versions = new Map<string, number>();
      for (const entry of await client.zrangebyscore(workersKey(settings.queue), await redisNow(client), '+inf')) {
        const label = entry.split(' ')[0]!;
        if (label !== toolLabel(tool)) versions.set(label, (versions.get(label) ?? 0) + 1);
      }
      // Workers of a release before version lanes take jobs from the queue's plain name, and say nothing of their version.
      if (plain === undefined) {
        plain = new Queue(settings.queue, { connection, prefix: QUEUE_PREFIX });
        plain.on('error', onError);
      }
      const older = await workersHere(plain);
      if (older > 0) versions.set(OLDER_RELEASE, older);
      return versions;
    },
    async otherQueues() {
      const now = await redisNow(client);
      const queues = new Map<string, number>();
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', ALL_WORKERS_KEYS, 'COUNT', 1000);
        cursor = next;
        for (const key of keys) {
          const name = queueOfWorkersKey(key);
          if (name === undefined || name === settings.queue) continue;
          const count = await client.zcount(key, now, '+inf');
          if (count > 0) queues.set(name, count);
        }
      } while (cursor !== '0');
      return queues;
    },
    unfinished: () => [...waiting.values()].filter((w) => !w.finished).length,
    close() {
      return (closing ??= (async () => {
        closed = true;
        clearInterval(sweep);
        const unfinished = [...waiting.entries()].filter(([, w]) => !w.finished).map(([jobId]) => jobId);
        // Whoever still waits hears that it will not come (the build stops and says so); the jobs stay queued.
        for (const jobId of [...waiting.keys()]) settle(jobId, { error: new BriefingError('stopped waiting for the queue: the briefing stays queued for the workers and a later run', EXIT.queue) });
        for (const turn of addTurns.splice(0)) turn();
        // No worker of this version came: its waiting jobs would wait for ever (a version no machine runs, a local edit).
        let removed = 0;
        // Redis away: nothing can be taken out or closed politely, and each wait would only hold the user's Ctrl-C longer.
        const away = client.status !== 'ready';
        if (!sawWorker && unfinished.length > 0 && !away) {
          const taking = Promise.allSettled(unfinished.map(async (jobId) => {
            const job = await queue.getJob(jobId);
            if (job !== undefined && (await job.getState()) === 'waiting') {
              await job.remove();
              removed++;
            }
          }));
          await atMost(taking, CLOSE_MS);
        }
        // Redis gone, a polite close would wait for it: after a moment the connections are dropped. The queue under its
        // plain name may have been opened moments ago, by a question still under way (closeStarted).
        const polite = Promise.allSettled([events.close(), queue.close(), client.quit(), ...(plain ? [closeStarted(plain, CLOSE_MS)] : [])]);
        if (!away) await atMost(polite, CLOSE_MS);
        client.disconnect();
        // BullMQ's disconnect waits for the connections' end, which with Redis gone never comes.
        await atMost(Promise.allSettled([queue.disconnect(), events.disconnect(), ...(plain ? [plain.disconnect()] : [])]), CLOSE_MS);
        return removed;
      })());
    },
  };
}

/**
 * What became of a briefing whose tries on the workers were used up, as the closing line says it, from BullMQ's reason:
 * its worker stopped answering (killed, cut off from Redis: the stalled-job check gave up on it), it timed out, the
 * workers' browser failed under it, or something else failed each try.
 */
export function triesKind(reason: string): string {
  if (/stalled/.test(reason)) return 'its worker stopped answering';
  if (/timed out/.test(reason)) return 'timed out on the workers';
  if (/browser/i.test(reason)) return 'the workers\' browser failed';
  return 'failed on every try on the workers';
}
