/** The queue's options, shared by `build --redis` and `worker`: where Redis is, the queue's name, how long results stay. */
import { BriefingError, EXIT } from '../errors.ts';
import type { QueueSettings } from '../pipeline.ts';

export interface QueueFlags {
  redis?: string;
  queue?: string;
  keepResults?: string;
  maxWait?: string;
}

/** The longest --keep-results: a month. */
const MAX_KEEP_HOURS = 24 * 31;
/** The longest --max-wait: a week. */
const MAX_WAIT_MINUTES = 7 * 24 * 60;

/**
 * The queue a command uses: --redis, else BRIEFING_REDIS_URL (which keeps a password off the command line
 * and out of `ps`); undefined when neither is set. --queue / BRIEFING_QUEUE names the queue.
 */
export async function queueSettings(flags: QueueFlags, env: NodeJS.ProcessEnv): Promise<QueueSettings | undefined> {
  // Empty (a variable that expanded to nothing, or an attempt to turn BRIEFING_REDIS_URL off): said as such, not as a URL
  // it cannot read, with how to build here without the queue.
  if (flags.redis?.trim() === '') {
    throw new BriefingError('--redis is empty: give the queue\'s Redis, redis://host:port; to build here without the queue, leave --redis out (where BRIEFING_REDIS_URL is set, clear it for the one command: BRIEFING_REDIS_URL= briefing build ...)', EXIT.usage);
  }
  const url = flags.redis ?? (env.BRIEFING_REDIS_URL || undefined);
  if (url === undefined) {
    const about = flags.queue !== undefined ? '--queue' : flags.keepResults !== undefined ? '--keep-results' : flags.maxWait !== undefined ? '--max-wait' : undefined;
    if (about !== undefined) throw new BriefingError(`${about} is about a build queue: give --redis URL (or set BRIEFING_REDIS_URL) too`, EXIT.usage);
    return undefined;
  }
  const { DEFAULT_KEEP_HOURS, DEFAULT_QUEUE, parseRedisUrl } = await import('../pipeline.ts'); // the pipeline loads only for a command that runs it
  const from = flags.redis !== undefined ? '--redis' : 'BRIEFING_REDIS_URL';
  const queue = flags.queue ?? (env.BRIEFING_QUEUE || DEFAULT_QUEUE);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(queue)) {
    throw new BriefingError(`queue name "${queue}" is not 1 to 64 letters, digits, "-" or "_"${flags.queue === undefined ? ' (from BRIEFING_QUEUE)' : ''}`, EXIT.usage);
  }
  let keepHours = DEFAULT_KEEP_HOURS;
  if (flags.keepResults !== undefined) {
    keepHours = Number(flags.keepResults);
    if (!Number.isFinite(keepHours) || keepHours <= 0 || keepHours > MAX_KEEP_HOURS) {
      throw new BriefingError(`--keep-results "${flags.keepResults}" is not a number of hours above 0 and at most ${MAX_KEEP_HOURS} (a month)`, EXIT.usage);
    }
  }
  let maxWaitMs: number | undefined;
  if (flags.maxWait !== undefined) {
    const minutes = Number(flags.maxWait);
    if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_WAIT_MINUTES) {
      throw new BriefingError(`--max-wait "${flags.maxWait}" is not a number of minutes above 0 and at most ${MAX_WAIT_MINUTES} (a week)`, EXIT.usage);
    }
    maxWaitMs = Math.round(minutes * 60_000);
  }
  return { target: parseRedisUrl(url, from), from, queue, keepSeconds: Math.max(60, Math.round(keepHours * 3600)), ...(maxWaitMs === undefined ? {} : { maxWaitMs }) };
}
