/**
 * Where the queue lives: a redis:// or rediss:// URL, read into connection options. Its credentials are
 * never printed: messages name the server as `shown` ("redis://queue.internal:6379/0, with a password").
 */
import { isIP } from 'node:net';
import type { RedisOptions } from 'ioredis';
import { BriefingError, EXIT } from '../errors.ts';

export interface RedisTarget {
  /** Host, port, credentials, database and TLS, for ioredis (and BullMQ, which connects through it). */
  options: RedisOptions;
  /** The URL without its credentials, for messages. */
  shown: string;
}

/** Said wherever a password with a character that has a meaning in URLs may be the cause. */
const ENCODE_HINT = ' (a user or password holding / ? # @ or % must have it percent-encoded: %2F %3F %23 %40 %25)';

/** A host and port, and perhaps a database, with no scheme before them: "127.0.0.1:6379", "localhost:6379/0". */
const NO_SCHEME = /^[\w.-]+:\d+(?:\/\d{1,2})?$/;

/** The default port of Redis. */
const REDIS_PORT = 6379;

/**
 * Reads `url` (from `from`: "--redis" or "BRIEFING_REDIS_URL"): redis://[[user]:password@]host[:port][/db],
 * or rediss:// for TLS. Anything else is a usage error saying what was expected; the error never repeats
 * the URL's password.
 */
export function parseRedisUrl(url: string, from: string): RedisTarget {
  const fail = (problem: string) =>
    new BriefingError(`${from}: ${problem}; expected redis://[user:password@]host[:port][/db] (or rediss:// for TLS), for example redis://127.0.0.1:6379`, EXIT.usage);
  // No scheme before a host and port ("127.0.0.1:6379", "queue.internal:6379/0"; URL reads "localhost:6379" as the scheme
  // "localhost"). Not quoted: "default:123456" may be a user and password.
  if (NO_SCHEME.test(url)) throw fail('it has no scheme: write redis:// before the host');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // A port past 65535 makes no URL either: said as such, where the text after the last ':' of the host is all digits.
    const port = /^rediss?:\/\/(?:[^@/]*@)?(?:\[[^\]]*\]|[^:/@]+):(\d+)(?:\/\d{0,2})?$/.exec(url)?.[1];
    if (port !== undefined && Number(port) > 65535) throw fail(`its port ${port} is past the highest, 65535`);
    // A port that is no number, after a host: said as the port, not as a password's fault (and not quoted: "redis://admin:s3cret",
    // its @host left out, puts the password there).
    const word = /^rediss?:\/\/(?:[^@/]*@)?(?:\[[^\]]*\]|[^:/@]+):([^/@]*)(?:\/[^@]*)?$/.exec(url)?.[1];
    if (word !== undefined && !/^\d*$/.test(word)) throw fail('what follows the host\'s ":" is not a port number (if it is a password, the URL lacks its @host)');
    // Not quoted: what is not a URL cannot be told apart from its password.
    throw fail(`it is not a URL${ENCODE_HINT}`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw fail(`the scheme is ${parsed.protocol.replace(/:$/, '')}://`);
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1'); // an IPv6 address, without its brackets
  if (host === '') throw fail('no host');
  const port = parsed.port === '' ? REDIS_PORT : Number(parsed.port);
  const path = parsed.pathname.replace(/^\//, '');
  // Not quoted either: a password holding "/" ends up here.
  if (path !== '' && !/^\d{1,2}$/.test(path)) throw fail(`what follows the host and port is not a database number${ENCODE_HINT}`);
  if (parsed.search !== '' || parsed.hash !== '') throw fail(`it has a query or fragment, which is not used${ENCODE_HINT}`);
  const tls = parsed.protocol === 'rediss:';
  let username: string;
  let password: string;
  try {
    username = decodeURIComponent(parsed.username);
    password = decodeURIComponent(parsed.password);
  } catch {
    throw fail('its user or password has a % that does not start an escape such as %40; write a literal % as %25');
  }
  const options: RedisOptions = {
    host,
    port,
    ...(username === '' ? {} : { username }),
    ...(password === '' ? {} : { password }),
    ...(path === '' ? {} : { db: Number(path) }),
    // TLS checks the server's certificate against the host name (an address has none to send).
    ...(tls ? { tls: isIP(host) === 0 ? { servername: host } : {} } : {}),
  };
  const auth = password !== '' ? ', with a password' : username !== '' ? `, as ${username}` : '';
  const shown = `${parsed.protocol}//${parsed.hostname}:${port}${path === '' ? '' : `/${path}`}${auth}`;
  return { options, shown };
}
