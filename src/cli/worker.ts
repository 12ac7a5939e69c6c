/**
 * `briefing worker`: a long-running process that takes build jobs from a queue (BullMQ on Redis) and
 * makes each briefing with its own warm browser, until SIGTERM or Ctrl-C: then it finishes the jobs in
 * hand, closes its browser and exits 0. A second signal stops it at once (its jobs go back to the queue).
 */
import { constants as osConstants } from 'node:os';
import { BriefingError, EXIT } from '../errors.ts';
import { canvasSizeGiven, canvasSizeLimit, MAX_JOBS, resolveOptions, type Verbosity } from '../config.ts';
import type { WorkerEvent } from '../pipeline.ts';
import { STOP_SIGNALS } from './build.ts';
import type { Io } from './io.ts';
import { queueSettings, type QueueFlags } from './queue-options.ts';

export interface WorkerFlags extends QueueFlags {
  concurrency?: string;
  lockSeconds?: string;
  browser?: string;
  timeout?: string;
  maxCanvasMb?: string;
  quiet?: boolean;
  verbose?: boolean;
}

/** Runs the worker until a stop signal; returns 0 after a clean stop, 128 + signal when stopped at once. */
export async function worker(flags: WorkerFlags, io: Io): Promise<number> {
  if (flags.quiet && flags.verbose) throw new BriefingError('--quiet and --verbose ask for opposite things: give one of them', EXIT.usage);
  const queue = await queueSettings(flags, io.env);
  if (queue === undefined) throw new BriefingError('briefing worker needs the queue: give --redis URL (for example redis://127.0.0.1:6379), or set BRIEFING_REDIS_URL', EXIT.usage);
  // --concurrency is the worker's --jobs: without it, BRIEFING_JOBS or the default, as resolveOptions reads them.
  const options = resolveOptions({ browser: flags.browser, timeout: flags.timeout }, io.env);
  const concurrency = flags.concurrency === undefined ? options.jobs! : Number(flags.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_JOBS) {
    throw new BriefingError(`--concurrency "${flags.concurrency}" is not a whole number from 1 to ${MAX_JOBS}`, EXIT.usage);
  }
  const lockSeconds = flags.lockSeconds === undefined ? undefined : Number(flags.lockSeconds);
  if (lockSeconds !== undefined && !(Number.isFinite(lockSeconds) && lockSeconds >= 5 && lockSeconds <= 3600)) {
    throw new BriefingError(`--lock-seconds "${flags.lockSeconds}" is not a number of seconds from 5 to 3600`, EXIT.usage);
  }
  const { runQueueWorker } = await import('../pipeline.ts');

  // Signals are caught from the start: one during start-up stops it once it is up.
  let stopping: NodeJS.Signals | undefined;
  /** The exit code of a stop for a job this worker cannot make (no working browser). */
  let incompatible: number | undefined;
  let forced: NodeJS.Signals | undefined;
  let wake: () => void = () => {};
  let force: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (wake = resolve));
  const rough = new Promise<'forced'>((resolve) => (force = () => resolve('forced')));
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping === undefined) {
      stopping = signal;
      wake();
    } else {
      forced ??= signal;
      force();
    }
  };
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  try {
    const running = await runQueueWorker(
      { queue, concurrency, lockMs: lockSeconds === undefined ? undefined : Math.round(lockSeconds * 1000), printer: { executablePath: options.browser, timeoutMs: options.timeoutMs, env: io.env }, maxCanvasBytes: canvasSizeLimit(flags.maxCanvasMb, io.env), maxCanvasGiven: canvasSizeGiven(flags.maxCanvasMb, io.env) },
      (event) => {
        if (event.kind === 'incompatible') {
          // Every job would be refused the same way: this worker stops, and leaves the queue to workers that can make them.
          io.err(`error: ${event.message}; the briefing went back to the queue for the other workers, and this one stops`);
          incompatible ??= event.exitCode;
          wake();
          return;
        }
        say(event, io, flags.quiet ? 'quiet' : flags.verbose ? 'verbose' : 'normal');
      },
    );
    io.out(`worker ready: queue "${queue.queue}" on ${queue.target.shown}, ${concurrency} at a time, printing with ${running.browser}; takes the briefings of canvas-briefing version ${running.version}`);
    await stopped;
    // Holding none, there is nothing to finish: stopped at once, without waiting on Redis (a gentle close waits for it,
    // and an idle worker whose Redis was down did not stop on SIGTERM, saying it was finishing the briefings in hand).
    if (stopping !== undefined && running.inHand() === 0) {
      io.out(`stopping (${stopping}): no briefing in hand`);
      await running.abandon();
      io.out('worker stopped');
      return incompatible ?? EXIT.ok;
    }
    if (stopping !== undefined) io.out(`stopping (${stopping}): finishing the briefings in hand; ${STOP_SIGNALS.join('/')} again stops at once`);
    const gentle = running.close().then(() => 'done' as const);
    if ((await Promise.race([gentle, rough])) === 'forced') {
      await running.abandon();
      io.err(`stopped at once (${forced}): the briefings in hand go back to the queue`);
      return 128 + osConstants.signals[forced!];
    }
    io.out('worker stopped');
    return incompatible ?? EXIT.ok;
  } finally {
    for (const s of STOP_SIGNALS) process.off(s, onSignal);
  }
}

/** A worker's line for each event: quiet says only failures and connection trouble, verbose also each job as it is taken. */
function say(event: WorkerEvent, io: Io, output: Verbosity): void {
  const quiet = output === 'quiet';
  const what = (e: { file: string; set: string }) => `${e.file}${e.set === 'full' ? '' : ` (${e.set})`}`;
  switch (event.kind) {
    case 'took':
      if (output === 'verbose') io.out(`taking ${what(event)} (job ${event.jobId.slice(0, 17)})`);
      return;
    case 'made':
      if (!quiet) io.out(`made ${what(event)}  ${event.pages} pages  in ${(event.ms / 1000).toFixed(1)} s`);
      return;
    case 'failed':
      io.err(`failed ${what(event)}: ${event.message}`);
      return;
    case 'dropped':
      io.err(`dropped ${what(event)}: ${event.message}`);
      return;
    case 'try-failed':
      io.err(`${event.retrying ? 'will try again' : 'gave up on'} ${what(event)}: ${event.message}`);
      return;
    case 'incompatible':
      return; // said by the caller, which stops the worker
    case 'connection':
      if (event.back) io.err(`queue connection: ${event.message}`);
      else if (event.lost) io.err(`queue connection: ${event.message} (retrying)`);
      else io.err(`queue: ${event.message}`);
  }
}
