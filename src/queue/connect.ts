/** Reaching Redis: a quick probe first, so that a wrong URL or a server that is down is one clear error, not endless retries. */
import { Redis } from 'ioredis';
import { BriefingError, EXIT } from '../errors.ts';
import type { RedisTarget } from './redis-url.ts';

/** How long the probe waits for Redis to answer. */
const PROBE_MS = 5_000;

/**
 * Connects to `target` once, without retrying, and asks for PING: resolves when Redis answers, else a
 * BriefingError (EXIT.queue) saying what went wrong (refused, unknown host, password, TLS) and what to
 * check. BullMQ's own connections, made next, retry for ever, which is what a long-running worker wants.
 */
export async function probeRedis(target: RedisTarget, from: string, waitMs = PROBE_MS): Promise<{ needsNoPassword: boolean }> {
  // commandTimeout: a server that takes the connection and never answers (a stuck one, a port forward with nothing behind)
  // is said after waitMs too, not waited on for ever. disconnectTimeout 0: the probe's socket goes at once when done with;
  // by default ioredis gives a closing socket 2 s, and one its connect timeout destroyed never says it closed, so the
  // user's command ended 2 s after its error.
  // No ready check and no client info (an INFO, and CLIENT SETINFO, each before the PING and each waited on as long
  // again): PING alone says a Redis is there, and one still loading its data answers LOADING, which is an answer
  // (BullMQ's connections wait for it to finish).
  // The credentials and the database are sent here, each awaited: sent by ioredis on connecting, a refused password came
  // only as an 'error' event after PING's answer (NOAUTH), and the probe said "Redis wants a password" of one given.
  const { username, password, db, ...options } = target.options;
  const client = new Redis({ ...options, lazyConnect: true, connectTimeout: waitMs, commandTimeout: waitMs, disconnectTimeout: 0, enableReadyCheck: false, disableClientInfo: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  // The cause (refused, no such host, a password refused) comes as an 'error' event; connect() then says only "Connection is closed".
  let cause: Error | undefined;
  let needsNoPassword = false;
  client.on('error', (error: Error) => (cause ??= error));
  try {
    await client.connect();
    if (password !== undefined) {
      await (username === undefined ? client.auth(password) : client.auth(username, password)).catch((error: unknown) => {
        // A password given to a Redis that wants none: no error; the connections after this one leave it out (withoutPassword),
        // as ioredis would warn of it on each ("[WARN] This Redis server's `default` user does not require a password").
        if (!(error instanceof Error && /no password is set|without any password configured/.test(error.message))) throw error;
        needsNoPassword = true;
      });
    }
    await client.ping().catch((error: unknown) => {
      if (!(error instanceof Error && /^LOADING\b/.test(error.message))) throw error;
    });
    // ioredis selects the database on connecting, but goes on in database 0 when Redis refuses the number.
    if (db !== undefined) await client.select(db);
    return { needsNoPassword };
  } catch (error) {
    const detail = (error instanceof Error && !/Connection is closed/.test(error.message) ? error : cause ?? error as Error)?.message ?? String(error);
    const protocol = /Protocol error/i.test(detail);
    const seconds = waitMs / 1000;
    // What went wrong, by the first of these the error says; else the host and port to check.
    const hints: Array<[boolean, string]> = [
      [/DB index is out of range/i.test(detail), `Redis has no database ${target.options.db} (16 unless its config says more, numbered from 0): fix the number after the port`],
      [/NOAUTH/.test(detail), 'Redis wants a password: give it in the URL, redis://:PASSWORD@host:port (or redis://USER:PASSWORD@…), best through BRIEFING_REDIS_URL'],
      [/WRONGPASS|invalid password|invalid username-password/i.test(detail), 'Redis refused the credentials: check the user and password in the URL'],
      [/ECONNREFUSED/.test(detail), 'nothing listens there: start Redis (redis-server), or fix the host and port'],
      [/ENOTFOUND|EAI_AGAIN/.test(detail), 'no such host: fix the host name'],
      [protocol, 'something that is not Redis answered there (a web server or proxy?): fix the host and port'],
      // A Redis without TLS takes the TLS greeting for the start of a command and waits for its end, saying nothing.
      [/ETIMEDOUT/.test(detail) && target.options.tls !== undefined, `no TLS greeting came back within ${seconds} s: a Redis without TLS says nothing to rediss://, so write redis:// for it; otherwise check the host and port (a firewall that drops the connection does the same)`],
      [/Command timed out/.test(detail), `something took the connection but did not answer PING within ${seconds} s (a Redis too busy to answer, or a server that is not Redis): check the host and port, and rediss:// for a server that wants TLS`],
    ];
    const hint = hints.find(([applies]) => applies)?.[1] ?? 'check the host and port, and rediss:// for a server that wants TLS';
    // ioredis asks for a report of a server that does not speak Redis; the user's answer is the address, not a report.
    const said = protocol ? detail.replace(/\.?\s*Please report this\.?/i, '') : detail;
    throw new BriefingError(`${from}: cannot reach Redis at ${target.shown} (${redact(said, target)}): ${hint}`, EXIT.queue, { cause: error });
  } finally {
    client.disconnect();
  }
}

/**
 * The connection options to use after probeRedis: without the URL's password where Redis wants none (said once, by `say`),
 * so that ioredis does not warn of it on each of the connections the queue opens.
 */
export async function probedOptions(target: RedisTarget, from: string, say: (message: string) => void): Promise<RedisTarget['options']> {
  const { needsNoPassword } = await probeRedis(target, from);
  if (!needsNoPassword) return target.options;
  say(`${from} gives a password, but Redis at ${target.shown.replace(/, with a password$/, '')} wants none: it is left out (take it out of the URL)`);
  const { password: _password, username: _username, ...options } = target.options;
  return options;
}

/** An error text with the password, if it quotes it, blanked. */
export function redact(text: string, target: RedisTarget): string {
  const { password } = target.options;
  return password ? text.split(password).join('***') : text;
}

/**
 * The options of the queue's own connections (BullMQ's and ours) once Redis is reached: they wait for Redis rather than
 * fail (maxRetriesPerRequest null, as BullMQ wants), and try again at most 2 s apart. BullMQ's own retryStrategy spaces
 * its tries up to 20 s apart: after a long outage the workers stayed away that long once Redis was back (queue trial:
 * 16 s, every print waiting).
 */
export function queueConnection(options: RedisTarget['options']): RedisTarget['options'] & { maxRetriesPerRequest: null } {
  return { ...options, maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(times * 200, RECONNECT_MS) };
}
/** The longest wait between two tries to reach Redis again (queueConnection). */
export const RECONNECT_MS = 2_000;

/** Redis's clock, in milliseconds: the presence of workers is dated by it, whatever each machine's clock says. */
export async function redisNow(client: Redis): Promise<number> {
  const [seconds, micros] = await client.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

/**
 * Resolves once a BullMQ queue's connection has started (or given up), or after `ms`, whichever is first; never rejects.
 * Await it before closing a queue made moments ago: closed while its start-up INFO is in flight, BullMQ (5.81) rejects
 * that command with "Connection is closed" after the close has taken the connection's 'error' listeners away, and the
 * rejection goes unhandled, which ends the process. With Redis away nothing is in flight, and `ms` bounds the wait.
 */
export async function started(queue: { waitUntilReady(): Promise<unknown> }, ms: number): Promise<void> {
  await atMost(queue.waitUntilReady().catch(() => {}), ms);
}

/**
 * Closes a BullMQ queue made moments ago: once started (started()), and with its start's late failure kept from ending
 * the process. Closed while Redis was away, its start fails later ("connect ECONNREFUSED"), and BullMQ (5.81) emits that
 * on the queue's connection, whose listeners the close removed: an 'error' event with none throws, and a worker stopped
 * at once with Redis down ended with that stack trace, exit 1. A listener is put back on it once closed. Waits `ms` at most.
 */
export async function closeStarted(queue: { waitUntilReady(): Promise<unknown>; close(): Promise<void> }, ms: number): Promise<void> {
  const until = Date.now() + ms;
  await started(queue, ms);
  const closing = queue.close().catch(() => {});
  void closing.then(() => (queue as unknown as { connection?: { on(event: 'error', listener: () => void): unknown } }).connection?.on('error', () => {}));
  await atMost(closing, Math.max(0, until - Date.now())); // BullMQ waits for a connection to close it, which with Redis gone never comes
}

/**
 * Waits for `work`, `ms` at most. The timer keeps the process alive meanwhile: unref'd, with Redis gone nothing else did,
 * and a build stopped by Ctrl-C ended in the middle of closing, exit 13 and without its closing line.
 */
export async function atMost(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}
