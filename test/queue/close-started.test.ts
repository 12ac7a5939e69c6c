/**
 * Queue connections closed moments after they were opened. BullMQ (5.81), closing a queue whose connection is still
 * starting (its INFO in flight), rejects that command with "Connection is closed" once the close has taken the
 * connection's listeners away: the rejection went unhandled, which ends a real process (`briefing worker` stopped at
 * once, `build --redis` at its end) and failed CI's test run while a worker in a test stopped. A Redis of the test's
 * own; workers in this process (no browser).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { started } from '../../src/queue/connect.ts';
import { parseRedisUrl } from '../../src/queue/redis-url.ts';
import { startWorker } from '../../src/queue/work.ts';
import { HAVE_REDIS, startRedis } from '../support/redis.ts';

describe.skipIf(!HAVE_REDIS)('queue connections closed as soon as they are opened', () => {
  // Counted here as well as by vitest (which fails the run for any): a test of its own fails by name.
  let unhandled: unknown[] = [];
  const count = (reason: unknown) => void unhandled.push(reason);
  beforeEach(() => {
    unhandled = [];
    process.on('unhandledRejection', count);
  });
  afterEach(() => void process.off('unhandledRejection', count));
  const settled = () => new Promise((resolve) => setTimeout(resolve, 200));

  it('closes a queue once it has started: no rejection is left unhandled (without it, about one close in ten left one)', async () => {
    const { url } = await startRedis();
    const { options } = parseRedisUrl(url, '--redis');
    for (let i = 0; i < 150; i++) {
      const queue = new Queue('opened-and-closed', { connection: { ...options, maxRetriesPerRequest: null } });
      queue.on('error', () => {});
      await new Promise((resolve) => setTimeout(resolve, i % 4)); // closed at every point of its start
      await started(queue, 2_000);
      await queue.close();
    }
    await settled();
    expect(unhandled.map(String)).toEqual([]);
  });

  it('does not wait for a Redis that is not there: started() gives up after its time', async () => {
    const queue = new Queue('nowhere', { connection: { host: '127.0.0.1', port: 1, maxRetriesPerRequest: null } });
    queue.on('error', () => {});
    const t0 = Date.now();
    await started(queue, 300);
    expect(Date.now() - t0).toBeLessThan(2_000);
    await Promise.race([queue.close(), settled()]);
  });

  it('stops a worker at once, again and again, with nothing in hand: no rejection is left unhandled', async () => {
    const { url } = await startRedis();
    const target = parseRedisUrl(url, '--redis');
    for (let i = 0; i < 25; i++) {
      const worker = await startWorker({ target, from: '--redis', queue: 'stopped-at-once', tool: 'test', concurrency: 1, maxCanvasBytes: 1024 * 1024 }, async () => {
        throw new Error('no job is queued here');
      }, () => {});
      await worker.abandon();
    }
    await settled();
    expect(unhandled.map(String)).toEqual([]);
  }, 60_000);
});
