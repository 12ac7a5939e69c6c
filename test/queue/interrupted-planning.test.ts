/**
 * What a queued build stopped by Ctrl-C says of its queue. Stopped before it queued anything, as it planned, its
 * interrupted line made the claim of one stopped while it waited, "what was queued stays in the queue: run the same
 * command again to collect it", of nothing queued; under --force that advice prints everything again (--force takes
 * nothing from the queue). A Redis of the test's own; the command run in-process (no browser; a stand-in worker).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { toolHash } from '../../src/plan/inputs.ts';
import { parseRedisUrl } from '../../src/queue/redis-url.ts';
import { startWorker, type Made } from '../../src/queue/work.ts';
import { fakePrinter, whenPlanning } from '../support/fake-printer.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { HAVE_REDIS, startRedis } from '../support/redis.ts';
import { tempDir } from '../support/temp.ts';

describe.skipIf(!HAVE_REDIS)('a queued build stopped before it queued anything', () => {
  it('does not say that what was queued stays in the queue', async () => {
    const { url } = await startRedis();
    const dir = tempDir();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, readFileSync(NORDWIND, 'utf8'));
    const { printer } = fakePrinter(() => ({ pdf: new Uint8Array(), pages: 1, anchors: {}, blocked: [] }));
    // Ctrl-C as planning begins, before any briefing is queued.
    const planning = whenPlanning(printer, () => process.emit('SIGINT', 'SIGINT'));
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['build', file, '--out', join(dir, 'out'), '--redis', url, '--queue', 'planning'], { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: dir, printer });
    expect(planning.acted()).toBe(true);
    expect(code, err.join('\n')).toBe(130);
    expect(err.at(-1)).toBe('interrupted (SIGINT): 0 briefings written; the others keep their previous PDFs');
  });
});

describe.skipIf(!HAVE_REDIS)('a queued build under --force stopped while a worker prints', () => {
  it('says to run it again without --force to collect what was queued', async () => {
    const redis = await startRedis();
    const dir = tempDir();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, readFileSync(NORDWIND, 'utf8'));
    let finish: () => void = () => {};
    // The stand-in worker takes the briefing and prints until the test ends; Ctrl-C as it takes it.
    const worker = await startWorker({ target: parseRedisUrl(redis.url, '--redis'), from: '--redis', queue: 'forced', tool: toolHash(), concurrency: 1, maxCanvasBytes: 1024 * 1024 }, async (): Promise<Made> => {
      setImmediate(() => process.emit('SIGINT', 'SIGINT'));
      await new Promise<void>((resolve) => (finish = resolve));
      return { kind: 'made', pdf: new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), pages: 9, contents: {}, breaks: {}, warnings: [] };
    }, () => {});
    try {
      const { printer } = fakePrinter(() => ({ pdf: new Uint8Array(), pages: 1, anchors: {}, blocked: [] }));
      const err: string[] = [];
      const code = await main(['build', file, '--out', join(dir, 'out'), '--redis', redis.url, '--queue', 'forced', '--force'], { out: () => {}, err: (l) => err.push(l), env: {}, cwd: dir, printer });
      expect(code, err.join('\n')).toBe(130);
      expect(err.at(-1)).toBe('interrupted (SIGINT): 0 briefings written; the others keep their previous PDFs; what was queued stays in the queue: run it again without --force to collect it');
    } finally {
      finish();
      await worker.abandon();
    }
  }, 60_000);
});
