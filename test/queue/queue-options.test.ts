/** Where the queue is: --redis / BRIEFING_REDIS_URL read into connection options, the queue's name and how long results stay; credentials never shown. */
import { describe, expect, it, vi } from 'vitest';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { queueSettings } from '../../src/cli/queue-options.ts';
import { parseRedisUrl } from '../../src/queue/redis-url.ts';
import { runCli } from '../support/cli.ts';
import { freePort, listenOnLoopback } from '../support/ports.ts';

const failure = (run: () => unknown): BriefingError => {
  try {
    run();
  } catch (error) {
    if (error instanceof BriefingError) return error;
    throw error;
  }
  throw new Error('expected a BriefingError');
};
const refusal = async (settings: Promise<unknown>): Promise<BriefingError> => {
  const error = await settings.then(() => undefined, (e: unknown) => e);
  if (error instanceof BriefingError) return error;
  throw new Error(`expected a BriefingError, got ${String(error)}`);
};

describe('parseRedisUrl', () => {
  it('reads host, port, credentials, database and TLS, and shows the server without its credentials', () => {
    expect(parseRedisUrl('redis://127.0.0.1', '--redis')).toEqual({ options: { host: '127.0.0.1', port: 6379 }, shown: 'redis://127.0.0.1:6379' });
    const full = parseRedisUrl('rediss://ops:p%40ss%3Aw0rd@queue.example.com:6380/3', '--redis');
    expect(full.options).toEqual({ host: 'queue.example.com', port: 6380, username: 'ops', password: 'p@ss:w0rd', db: 3, tls: { servername: 'queue.example.com' } });
    expect(full.shown).toBe('rediss://queue.example.com:6380/3, with a password');
    expect(full.shown).not.toContain('w0rd');
    expect(parseRedisUrl('redis://:secret@[::1]:7000', 'BRIEFING_REDIS_URL').options).toEqual({ host: '::1', port: 7000, password: 'secret' });
    // An address has no name to check a certificate against.
    expect(parseRedisUrl('rediss://10.0.0.5:6380', '--redis').options.tls).toEqual({});
  });

  it('refuses what is not a Redis URL, saying what was expected and never repeating the password', () => {
    const notUrl = failure(() => parseRedisUrl('user:hunter2@host:6379', '--redis'));
    expect(notUrl.exitCode).toBe(2);
    expect(notUrl.message).not.toContain('hunter2');
    expect(notUrl.message).toMatch(/^--redis: .* expected redis:\/\/\[user:password@\]host\[:port\]\[\/db\] \(or rediss:\/\/ for TLS\)/);
    expect(failure(() => parseRedisUrl('http://:hunter2@host', 'BRIEFING_REDIS_URL')).message).toMatch(/^BRIEFING_REDIS_URL: the scheme is http:\/\/; expected/);
    expect(failure(() => parseRedisUrl('http://:hunter2@host', '--redis')).message).not.toContain('hunter2');
    expect(failure(() => parseRedisUrl('redis://host/queue', '--redis')).message).toMatch(/what follows the host and port is not a database number \(a user or password holding \/ \? # @ or % must have it percent-encoded/);
    expect(failure(() => parseRedisUrl('redis://host?password=x', '--redis')).message).toMatch(/query or fragment/);
    // A password with a slash makes the text no URL at all; a stray % no escape: neither is quoted, neither is a crash.
    expect(failure(() => parseRedisUrl('redis://:sec/ret@127.0.0.1:6379', '--redis')).message).toMatch(/^--redis: it is not a URL \(a user or password holding \/ \? # @ or % must have it percent-encoded: %2F %3F %23 %40 %25\); expected/);
    expect(failure(() => parseRedisUrl('redis://:p%zzsecret@127.0.0.1:6379', '--redis')).message).toMatch(/^--redis: its user or password has a % that does not start an escape/);
    // A password that starts with "/", or digits and "/", parses as a path: never quoted either.
    for (const url of ['redis://:sec/ret@127.0.0.1:6379', 'redis://:p%zzsecret@127.0.0.1:6379', 'redis://briefing:/Zk9sEcReT@127.0.0.1:6602', 'redis://user:1234/TOPSECRET@127.0.0.1:6602', 'redis://u:p@ss/w%rd@127.0.0.1:6602']) {
      const message = failure(() => parseRedisUrl(url, '--redis')).message;
      expect(message).not.toMatch(/sec|ret@|Zk9|TOPSECRET|w%rd|1234/);
    }
  });

  it('decodes a user name as it decodes a password, and shows a user without a password by name', () => {
    expect(parseRedisUrl('redis://ops%40eu:pw@queue.internal', '--redis').options).toMatchObject({ username: 'ops@eu', password: 'pw' });
    expect(parseRedisUrl('redis://ops@queue.internal:6380', '--redis').shown).toBe('redis://queue.internal:6380, as ops');
  });

  it('refuses a URL without a host, or with a fragment, rather than connecting somewhere else', () => {
    expect(failure(() => parseRedisUrl('redis:///0', '--redis')).message).toBe('--redis: no host; expected redis://[user:password@]host[:port][/db] (or rediss:// for TLS), for example redis://127.0.0.1:6379');
    expect(failure(() => parseRedisUrl('redis://queue.internal#eu', '--redis')).message).toMatch(/^--redis: it has a query or fragment, which is not used/);
  });

  it('says a port that is no number as the port, and a host and port without the scheme as such, not as a password\'s fault', () => {
    // Both were "it is not a URL (a user or password holding / ? # @ or % must have it percent-encoded ...)".
    expect(failure(() => parseRedisUrl('redis://127.0.0.1:notaport', '--redis')).message).toMatch(/^--redis: what follows the host's ":" is not a port number \(if it is a password, the URL lacks its @host\); expected/);
    // (Not quoted: a URL whose @host was left out puts its password there.)
    expect(failure(() => parseRedisUrl('redis://admin:s3cret', '--redis')).message).not.toContain('s3cret');
    for (const url of ['127.0.0.1:6390', 'localhost:6379', 'queue.internal:6379', 'localhost:6379/0']) {
      expect(failure(() => parseRedisUrl(url, '--redis')).message, url).toMatch(/^--redis: it has no scheme: write redis:\/\/ before the host; expected/);
    }
    // (Not quoted: it may be a user and a password.)
    expect(failure(() => parseRedisUrl('default:123456', '--redis')).message).not.toContain('123456');
  });

  it('says the port of an IPv6 address is past 65535 too', () => {
    expect(failure(() => parseRedisUrl('redis://[::1]:99999', '--redis')).message).toMatch(/^--redis: its port 99999 is past the highest, 65535;/);
  });
});

describe('queueSettings', () => {
  it('takes --redis over BRIEFING_REDIS_URL, and is off without either', async () => {
    const env = { BRIEFING_REDIS_URL: 'redis://from-env:6379' };
    expect(await queueSettings({}, {})).toBeUndefined();
    expect(await queueSettings({}, { BRIEFING_REDIS_URL: '' })).toBeUndefined();
    expect(await queueSettings({}, env)).toMatchObject({ from: 'BRIEFING_REDIS_URL', queue: 'briefings', keepSeconds: 86_400, target: { shown: 'redis://from-env:6379' } });
    expect(await queueSettings({ redis: 'redis://from-flag:6379' }, env)).toMatchObject({ from: '--redis', target: { shown: 'redis://from-flag:6379' } });
  });

  it('says an empty --redis is empty, and how to build without the queue where BRIEFING_REDIS_URL is set (not "it is not a URL")', async () => {
    for (const redis of ['', ' ']) {
      const error = await refusal(queueSettings({ redis }, { BRIEFING_REDIS_URL: 'redis://from-env:6379' }));
      expect([error.message, error.exitCode]).toEqual(['--redis is empty: give the queue\'s Redis, redis://host:port; to build here without the queue, leave --redis out (where BRIEFING_REDIS_URL is set, clear it for the one command: BRIEFING_REDIS_URL= briefing build ...)', EXIT.usage]);
    }
  });

  it('names the queue and keeps results as asked, within limits', async () => {
    expect(await queueSettings({ redis: 'redis://h', queue: 'q2025-Q3_eu', keepResults: '1.5' }, {})).toMatchObject({ queue: 'q2025-Q3_eu', keepSeconds: 5400 });
    expect((await queueSettings({ redis: 'redis://h' }, { BRIEFING_QUEUE: 'research' }))?.queue).toBe('research');
    expect((await refusal(queueSettings({ redis: 'redis://h', queue: 'a:b' }, {}))).message).toBe('queue name "a:b" is not 1 to 64 letters, digits, "-" or "_"');
    expect((await refusal(queueSettings({ redis: 'redis://h' }, { BRIEFING_QUEUE: 'x y' }))).message).toMatch(/\(from BRIEFING_QUEUE\)$/);
    expect((await refusal(queueSettings({ redis: 'redis://h', keepResults: '0' }, {}))).message).toMatch(/^--keep-results "0" is not a number of hours/);
    expect((await refusal(queueSettings({ queue: 'research' }, {}))).message).toBe('--queue is about a build queue: give --redis URL (or set BRIEFING_REDIS_URL) too');
  });

  it('refuses --keep-results without a queue, and one that is no number or longer than a month, rather than keeping results for no time', async () => {
    expect((await refusal(queueSettings({ keepResults: '48' }, {}))).message).toBe('--keep-results is about a build queue: give --redis URL (or set BRIEFING_REDIS_URL) too');
    for (const hours of ['abc', 'Infinity', '745']) {
      expect((await refusal(queueSettings({ redis: 'redis://h', keepResults: hours }, {}))).message).toBe(`--keep-results "${hours}" is not a number of hours above 0 and at most 744 (a month)`);
    }
    expect((await queueSettings({ redis: 'redis://h', keepResults: '744' }, {}))?.keepSeconds).toBe(744 * 3600);
    // A few seconds would drop a result before its submitter collects it: a minute at least.
    expect((await queueSettings({ redis: 'redis://h', keepResults: '0.001' }, {}))?.keepSeconds).toBe(60);
  });

  it('takes --max-wait in minutes, up to a week, only with a queue; without it a build waits until interrupted', async () => {
    expect((await refusal(queueSettings({ maxWait: '30' }, {}))).message).toBe('--max-wait is about a build queue: give --redis URL (or set BRIEFING_REDIS_URL) too');
    for (const minutes of ['abc', '0', '-1', 'Infinity', '10081']) {
      expect((await refusal(queueSettings({ redis: 'redis://h', maxWait: minutes }, {}))).message).toBe(`--max-wait "${minutes}" is not a number of minutes above 0 and at most 10080 (a week)`);
    }
    expect((await queueSettings({ redis: 'redis://h', maxWait: '1.5' }, {}))?.maxWaitMs).toBe(90_000);
    expect(await queueSettings({ redis: 'redis://h' }, {})).not.toHaveProperty('maxWaitMs');
  });

  it('takes an empty BRIEFING_QUEUE for unset, and a queue name of 64 characters but not 65', async () => {
    expect((await queueSettings({ redis: 'redis://h' }, { BRIEFING_QUEUE: '' }))?.queue).toBe('briefings');
    expect((await queueSettings({ redis: 'redis://h', queue: 'q'.repeat(64) }, {}))?.queue).toBe('q'.repeat(64));
    expect((await refusal(queueSettings({ redis: 'redis://h', queue: 'q'.repeat(65) }, {}))).message).toBe(`queue name "${'q'.repeat(65)}" is not 1 to 64 letters, digits, "-" or "_"`);
  });
});

describe('briefing worker options', () => {
  it('names --concurrency when its value is wrong, and BRIEFING_JOBS when that is', async () => {
    const url = 'redis://127.0.0.1:1'; // never reached: the options are refused first
    expect(await runCli(['worker', '--redis', url, '--concurrency', '0'], { env: {} })).toEqual({ code: 2, out: '', err: 'error: --concurrency "0" is not a whole number from 1 to 32' });
    expect((await runCli(['worker', '--redis', url], { env: { BRIEFING_JOBS: '99' } })).err).toBe('error: jobs "99" is not a whole number from 1 to 32 (from BRIEFING_JOBS)');
    expect((await runCli(['worker'], { env: {} })).err).toMatch(/^error: briefing worker needs the queue: give --redis URL/);
  });

  it('refuses more than 32 briefings at a time, a lock outside 5 to 3600 seconds, and --quiet with --verbose, before reaching for the queue', async () => {
    const url = 'redis://127.0.0.1:1';
    expect(await runCli(['worker', '--redis', url, '--concurrency', '33'], { env: {} })).toEqual({ code: 2, out: '', err: 'error: --concurrency "33" is not a whole number from 1 to 32' });
    expect(await runCli(['worker', '--redis', url, '--concurrency', '2.5'], { env: {} })).toEqual({ code: 2, out: '', err: 'error: --concurrency "2.5" is not a whole number from 1 to 32' });
    for (const bad of ['4.9', '3601', 'soon']) {
      expect(await runCli(['worker', '--redis', url, '--lock-seconds', bad], { env: {} }), bad).toEqual({ code: 2, out: '', err: `error: --lock-seconds "${bad}" is not a number of seconds from 5 to 3600` });
    }
    expect(await runCli(['worker', '--redis', url, '--quiet', '--verbose'], { env: {} })).toEqual({ code: 2, out: '', err: 'error: --quiet and --verbose ask for opposite things: give one of them' });
    // At the edges the lock is taken: the worker goes on to the queue (not there: a queue failure, not a usage error).
    for (const edge of ['5', '3600']) {
      const run = await runCli(['worker', '--redis', url, '--lock-seconds', edge, '--concurrency', '32'], { env: {} });
      expect(run.code, run.err).toBe(EXIT.queue);
      expect(run.err).not.toMatch(/lock-seconds|concurrency/);
    }
  });
});

describe('probing Redis', () => {
  it('says that something other than Redis answered at the address (a web server), without asking for a report', async () => {
    const { createServer } = await import('node:http');
    const { probeRedis } = await import('../../src/queue/connect.ts');
    const web = createServer((_, res) => res.end('hello'));
    const port = await listenOnLoopback(web);
    try {
      const error = await refusal(probeRedis(parseRedisUrl(`redis://127.0.0.1:${port}`, '--redis'), '--redis'));
      expect(error.message).toMatch(new RegExp(`^--redis: cannot reach Redis at redis://127\\.0\\.0\\.1:${port} \\(.*Protocol error.*\\): something that is not Redis answered there \\(a web server or proxy\\?\\): fix the host and port$`));
      expect(error.message).not.toMatch(/report/i);
    } finally {
      await new Promise<void>((resolve) => web.close(() => resolve()));
    }
  });

  it('says that nothing listens at a port where no server runs', async () => {
    const { probeRedis } = await import('../../src/queue/connect.ts');
    const port = await freePort();
    const error = await refusal(probeRedis(parseRedisUrl(`redis://127.0.0.1:${port}`, '--redis'), '--redis', 2_000));
    expect(error.exitCode).toBe(EXIT.queue);
    expect(error.message).toBe(`--redis: cannot reach Redis at redis://127.0.0.1:${port} (connect ECONNREFUSED 127.0.0.1:${port}): nothing listens there: start Redis (redis-server), or fix the host and port`);
  });

  it('blanks the password where a server quotes it back in its error', async () => {
    const { createServer } = await import('node:net');
    const { probeRedis } = await import('../../src/queue/connect.ts');
    // A server that knows no AUTH echoes the command's arguments, as Redis does for an unknown command.
    const echoing = createServer((socket) => socket.on('data', () => socket.write("-ERR unknown command 'AUTH', with args beginning with: 'hunter2'\r\n")));
    const port = await listenOnLoopback(echoing);
    try {
      const error = await refusal(probeRedis(parseRedisUrl(`redis://:hunter2@127.0.0.1:${port}`, '--redis'), '--redis', 2_000));
      expect(error.message).toMatch(/\(ERR unknown command 'AUTH', with args beginning with: '\*\*\*'\)/);
      expect(error.message).not.toContain('hunter2');
    } finally {
      echoing.close();
    }
  });
});

describe('probing a server that says nothing', () => {
  it('says to write redis:// when the TLS greeting goes unanswered, and leaves no timer behind to hold the command 2 s more; gives up on a server that never answers PING', async () => {
    const { createServer } = await import('node:net');
    const { probeRedis } = await import('../../src/queue/connect.ts');
    // As Redis without TLS does: it reads the greeting as the start of a command and waits for the rest, saying nothing.
    const silent = createServer(() => undefined);
    const port = await listenOnLoopback(silent);
    try {
      // Every timer the probe arms: none may wait seconds once it has answered (ioredis gives a closing socket 2 s by default).
      const armed = vi.spyOn(globalThis, 'setTimeout');
      const error = await refusal(probeRedis(parseRedisUrl(`rediss://127.0.0.1:${port}`, '--redis'), '--redis', 300)).finally(() => armed.mockRestore());
      expect(error.message).toBe(`--redis: cannot reach Redis at rediss://127.0.0.1:${port} (connect ETIMEDOUT): no TLS greeting came back within 0.3 s: a Redis without TLS says nothing to rediss://, so write redis:// for it; otherwise check the host and port (a firewall that drops the connection does the same)`);
      expect(armed.mock.calls.map(([, ms]) => ms ?? 0).filter((ms) => ms >= 1000)).toEqual([]);
      // The same silence to redis:// came after the connection was made: said after the same wait, not waited on for ever.
      expect((await refusal(probeRedis(parseRedisUrl(`redis://127.0.0.1:${port}`, '--redis'), '--redis', 300))).message).toBe(`--redis: cannot reach Redis at redis://127.0.0.1:${port} (Command timed out): something took the connection but did not answer PING within 0.3 s (a Redis too busy to answer, or a server that is not Redis): check the host and port, and rediss:// for a server that wants TLS`);
    } finally {
      silent.close();
    }
  });

  it('takes a Redis still loading its data (it answers LOADING) for one that is there', async () => {
    const { createServer } = await import('node:net');
    const { probeRedis } = await import('../../src/queue/connect.ts');
    const loading = createServer((socket) => socket.on('data', () => socket.write('-LOADING Redis is loading the dataset in memory\r\n')));
    const port = await listenOnLoopback(loading);
    try {
      await expect(probeRedis(parseRedisUrl(`redis://127.0.0.1:${port}`, '--redis'), '--redis', 300)).resolves.toEqual({ needsNoPassword: false });
    } finally {
      loading.close();
    }
  });
});

describe('a --redis URL with a port out of range', () => {
  it('says the port is past 65535, not that the text is no URL', () => {
    expect(failure(() => parseRedisUrl('redis://127.0.0.1:99999', '--redis')).message).toBe('--redis: its port 99999 is past the highest, 65535; expected redis://[user:password@]host[:port][/db] (or rediss:// for TLS), for example redis://127.0.0.1:6379');
    expect(failure(() => parseRedisUrl('redis://:s3cret@redis.internal:70000/2', '--redis')).message).toMatch(/^--redis: its port 70000 is past the highest/);
  });
});
