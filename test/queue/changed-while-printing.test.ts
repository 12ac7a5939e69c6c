/**
 * A queued build whose canvas is saved again, or deleted, between its submission and its printing on a worker: the PDF
 * shows the canvas as the submitter read it, so the closing line names the canvas, and build --strict fails on it, as a
 * local build's does. A real Redis, a stand-in worker in this process (no browser), the command run in-process.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { EXIT } from '../../src/errors.ts';
import { toolHash } from '../../src/plan/inputs.ts';
import { parseRedisUrl } from '../../src/queue/redis-url.ts';
import { startWorker, type Made } from '../../src/queue/work.ts';
import { fakePrinter } from '../support/fake-printer.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { HAVE_REDIS, startRedis } from '../support/redis.ts';
import { tempDir } from '../support/temp.ts';

describe.skipIf(!HAVE_REDIS)('a queued build whose canvases change before a worker prints them', () => {
  it('names them in the closing line, and fails under --strict (exit 3)', async () => {
    const { url } = await startRedis();
    const queue = 'changed-while-printing';
    const dir = tempDir();
    const nordwind = readFileSync(NORDWIND, 'utf8');
    // Each its own content (the same would be one job).
    const text = (name: string) => nordwind.replace('name: Nordwind Energi ASA', `name: Nordwind Energi ASA ${name}`);
    const files = ['a', 'b', 'c'].map((name) => join(dir, `${name}.yaml`));
    // The worker, as it takes a.yaml's briefing, finds it edited, and b.yaml deleted, since the submitter read them.
    const make = async (request: { file: string }): Promise<Made> => {
      if (request.file.endsWith('a.yaml')) writeFileSync(files[0], text('a').replace('ASA a', 'ASA a (edited)'));
      if (request.file.endsWith('b.yaml')) rmSync(files[1], { force: true });
      return { kind: 'made', pdf: new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), pages: 9, contents: {}, breaks: {}, warnings: [] };
    };
    const worker = await startWorker({ target: parseRedisUrl(url, '--redis'), from: '--redis', queue, tool: toolHash(), concurrency: 1, maxCanvasBytes: 1024 * 1024, lockMs: 600_000 }, make, () => {});
    const build = async (...args: string[]) => {
      for (const [i, name] of ['a', 'b', 'c'].entries()) writeFileSync(files[i], text(name));
      const out: string[] = [];
      const err: string[] = [];
      const { printer } = fakePrinter(() => ({ pdf: new Uint8Array(), pages: 1, anchors: {}, blocked: [] }));
      const code = await main(['build', ...files, '--out', join(dir, 'out'), '--redis', url, '--queue', queue, '--force', ...args], { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: dir, printer });
      return { code, err, last: out.at(-1) };
    };
    try {
      const plain = await build();
      // (In the order the worker took them, which the queue does not fix.)
      expect(plain.err.filter((l) => / while its briefings were being printed/.test(l)).sort((x, y) => x.replace(/^.*\//, '').localeCompare(y.replace(/^.*\//, '')))).toEqual([
        expect.stringMatching(/^warning: \S*\/a\.yaml: saved again while/),
        expect.stringMatching(/^warning: \S*\/b\.yaml: deleted while/),
      ]);
      expect([plain.code, plain.last]).toEqual([EXIT.ok, expect.stringMatching(/^3 briefings written in \d+\.\d s, 2 canvases changed while printing: (?:a\.yaml, b\.yaml \(deleted\)|b\.yaml \(deleted\), a\.yaml)$/)]);
      const strict = await build('--strict');
      expect([strict.code, strict.last]).toEqual([EXIT.invalidData, expect.stringMatching(/^3 briefings written in \d+\.\d s, 2 canvases changed while printing \(errors under --strict\): (?:a\.yaml, b\.yaml \(deleted\)|b\.yaml \(deleted\), a\.yaml)$/)]);
      expect(existsSync(join(dir, 'out', 'b.pdf'))).toBe(true); // written all the same, as findings under --strict leave them
    } finally {
      await worker.close();
    }
  });
});
