/**
 * A queued build stopped (Ctrl-C) before it queued anything, as it planned: its interrupted line made the claim of one
 * stopped while it waited, "what was queued stays in the queue: run the same command again to collect it", of nothing
 * queued. A Redis of the test's own; the command run in-process (no browser, no worker).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
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
