/**
 * A worker whose --max-canvas-mb is lower than a canvas it is given: the briefing fails, and the message says the
 * sizes as a reader tells them apart (not "0.0 MB" of a canvas of some KB), the limit as the worker's user gave it (not
 * "--max-canvas-mb 0.010000228881835938") and what to do. The real `briefing worker` (a real browser, started but not
 * printing), a Redis of the test's own, the build run in-process.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.ts';
import { runCli } from '../support/cli.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { until } from '../support/processes.ts';
import { HAVE_REDIS, startRedis } from '../support/redis.ts';
import { tempDir } from '../support/temp.ts';

describe.skipIf(!HAVE_REDIS)('a canvas larger than the worker takes', () => {
  it('fails its briefing with the sizes in KB, the limit as given, and what to do', async ({ onTestFinished }) => {
    const { url } = await startRedis();
    const dir = tempDir();
    const canvas = join(dir, 'nordwind.yaml');
    writeFileSync(canvas, readFileSync(NORDWIND, 'utf8'));
    const kb = Math.round(statSync(canvas).size / 1024);
    expect(kb).toBeGreaterThan(2); // over the limit below (2 KB), and under a megabyte
    const worker = spawn(process.execPath, [join(process.cwd(), 'bin/briefing.js'), 'worker', '--redis', url, '--queue', 'small', '--concurrency', '1', '--max-canvas-mb', '0.002'], { cwd: dir, env: { ...process.env, TMPDIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = once(worker, 'exit');
    onTestFinished(() => void (worker.exitCode === null && worker.kill('SIGKILL')));
    let said = '';
    worker.stdout.on('data', (chunk) => (said += chunk));
    worker.stderr.on('data', (chunk) => (said += chunk));
    expect(await until(() => /^worker ready/m.test(said), 60_000), said).toBe(true);
    const run = await runCli(['build', canvas, '--out', join(dir, 'out'), '--redis', url, '--queue', 'small'], { cwd: dir });
    worker.kill('SIGTERM');
    expect((await exited)[0], said).toBe(0);
    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toContain(`error: ${canvas}: the canvas is ${kb} KB, more than this worker takes (--max-canvas-mb 0.002: 2 KB). Raise the workers' limit (briefing worker --max-canvas-mb MB, or BRIEFING_MAX_CANVAS_MB where they run), or split or trim the canvas`);
    expect(run.out.split('\n').at(-1)).toBe('0 briefings written, 1 failed: nordwind.yaml (too large for the workers)');
  });
});
