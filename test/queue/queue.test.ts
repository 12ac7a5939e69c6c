/**
 * The build queue end to end, with real processes: a Redis of the test's own, two `briefing worker`s,
 * one `briefing build --redis`. One worker is killed (SIGKILL) while it holds a briefing: every PDF still
 * arrives once, byte-identical to a local build; a bad canvas fails at once, locally, as in a local
 * build; the other worker stops on SIGTERM with nothing left running; a submitter of another version
 * of the tool is told why its briefings wait and stops no worker; a second submission with no worker at
 * all collects what the queue finished.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../../src/pipeline.ts';
import { runCli } from '../support/cli.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { liveProcessesUsing, until } from '../support/processes.ts';
import { HAVE_REDIS, startRedis } from '../support/redis.ts';
import { fileTempDir } from '../support/temp.ts';
import { FINANCE_SET } from '../support/setup-builds.ts';

const BIN = join(process.cwd(), 'bin/briefing.js');
const root = fileTempDir('queue-');
const nordwind = readFileSync(NORDWIND, 'utf8');

/** A process of the real binary, its output gathered as it comes. */
interface Running {
  child: ChildProcessByStdio<null, Readable, Readable>;
  out: () => string;
  err: () => string;
  exited: Promise<[number | null, NodeJS.Signals | null]>;
}

const running: Running[] = [];
afterAll(() => {
  for (const r of running) r.child.kill('SIGKILL');
});

function start(args: string[], env: NodeJS.ProcessEnv = {}, bin = BIN): Running {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => { out += chunk; });
  child.stderr.on('data', (chunk) => { err += chunk; });
  const r = { child, out: () => out, err: () => err, exited: once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]> };
  running.push(r);
  return r;
}

// CI installs redis-server and says so: there the queue's tests must run, never skip.
it.runIf(process.env.BRIEFING_TEST_REDIS === 'required')('has redis-server to test the queue with (CI installs it)', () => {
  expect(HAVE_REDIS).toBe(true);
});

describe.skipIf(!HAVE_REDIS)('briefing build --redis with two workers', () => {
  let url = '';
  beforeAll(async () => {
    ({ url } = await startRedis());
    mkdirSync(join(root, 'in'));
    // Two companies (each a full briefing and a finance set: four briefings), and a canvas with mistakes.
    for (const name of ['alpha', 'beta']) {
      writeFileSync(join(root, 'in', `${name}.yaml`), `${nordwind.replace(/^(\s+name: ).*$/m, `$1${name[0].toUpperCase()}${name.slice(1)} Holdings AG`)}${FINANCE_SET}`);
    }
    writeFileSync(join(root, 'in', 'bad.yaml'), readFileSync('test/fixtures/invalid/broken-types.yaml', 'utf8'));
    // One with a theme folder of its own: the workers get its files through the queue, not a shared disk.
    cpSync('test/fixtures/themes/nordic', join(root, 'nordic'), { recursive: true });
    writeFileSync(join(root, 'in', 'themed.yaml'), nordwind.replace(/^briefing:\n/m, 'briefing:\n  theme: ../nordic\n').replace(/^(\s+name: ).*$/m, '$1Themed Holdings AG'));
  });

  it('delivers every PDF once, byte-identical to a local build, though a worker is killed holding one', async ({ onTestFinished }) => {
    const names = readFileSync(join(root, 'in', 'beta.yaml'), 'utf8');
    expect(names).toContain('Beta Holdings AG');
    // Each worker has a private TMPDIR: its browser is recognisable in /proc by it.
    const tmp = [join(root, 'tmp1'), join(root, 'tmp2')];
    for (const d of tmp) mkdirSync(d);
    // Each worker sets the lock of the jobs it takes. The survivor's is 20 s: it keeps its own through a first job
    // that, with the whole suite on two cores, took 22.7 s (with 10 s its lock lapsed once, and it made that job twice).
    // The one to be killed holds its job 5 s (the least allowed): the job goes back to the queue at the survivor's next check for
    // stalled jobs after that (every 5 s), not after the 20 s lock the survivor's jobs need.
    const workers = tmp.map((dir, i) => start(['worker', '--redis', url, '--concurrency', '1', '--verbose', '--lock-seconds', i === 0 ? '5' : '20'], { TMPDIR: dir }));
    for (const w of workers) expect(await until(() => /^worker ready: queue "briefings" on redis:\/\/127\.0\.0\.1:\d+, 1 at a time/m.test(w.out()), 60_000), w.err()).toBe(true);

    const submitter = start(['build', 'in', '--redis', url, '--out', 'out']);
    // The first worker is killed as soon as it holds a briefing: its job must go to the other one.
    expect(await until(() => /^taking /m.test(workers[0].out()), 60_000), `${workers[0].out()}${workers[0].err()}`).toBe(true);
    // Its browser seen running, so that its helpers are known (a headless shell's do not name its profile).
    expect(await until(() => liveProcessesUsing(tmp[0]).length > 0, 60_000), 'the first worker\'s browser never started').toBe(true);
    workers[0].child.kill('SIGKILL');
    await workers[0].exited;
    expect(await until(() => liveProcessesUsing(tmp[0]).length === 0, 10_000), 'the killed worker\'s browser outlived it').toBe(true);
    // A local build of the same canvases, to compare bytes with: made meanwhile, while the queue waits for the killed worker's lock to expire.
    const localBuild = runCli(['build', join(root, 'in'), '--out', join(root, 'local')]);
    // Awaited below, after the queued build; and before the test ends whatever fails first, so that its browser
    // does not outlive the test (a failure of its own is reported where it is awaited, not as unhandled).
    onTestFinished(() => localBuild.then(() => {}, () => {}));

    const [code] = await submitter.exited;
    // The bad canvas fails locally, at once, with its usual message and exit code; the rest build.
    expect(code, submitter.err()).toBe(3);
    expect(submitter.err()).toMatch(/^error: in\/bad\.yaml: invalid canvas \(4 problems\); no briefing can be made from it until they are fixed\.$/m);
    expect(submitter.err()).toMatch(/^in\/bad\.yaml:10:10: briefing\.as_of: /m);
    expect(submitter.out()).toMatch(/^5 briefings written, 1 failed in .*: in\/bad\.yaml \(invalid data\)$/m);
    const pdfs = ['alpha', 'alpha--finance', 'beta', 'beta--finance', 'themed'].map((n) => `${n}.pdf`);
    for (const pdf of pdfs) expect(submitter.out().match(new RegExp(`^wrote out/${pdf.replace('.', '\\.')} .* \\d+\\.\\d s(, retried after its worker stopped answering)?$`, 'gm')), pdf).toHaveLength(1);
    // The one the killed worker held says so, timed from the survivor's take, not from the first (a minute of the lock lapsing).
    expect(submitter.out().match(/^wrote out\/.* \d+\.\d s, retried after its worker stopped answering$/gm), submitter.out()).toHaveLength(1);
    expect(readdirSync(join(root, 'out')).sort()).toEqual([MANIFEST_FILE, ...pdfs].sort());
    // The submitter said which briefing the killed worker held went back to the queue.
    expect(submitter.err()).toMatch(/^warning: in\/\w+\.yaml(?: \([\w ]+\))?: the worker printing it stopped answering \(killed, or cut off from Redis\); it went back to the queue for another worker$/m);
    // A canvas's only briefing is named by the canvas alone: "(full)" read as a full disk.
    expect(submitter.err()).not.toMatch(/\(full\)/);
    // The surviving worker made every briefing, the one the killed worker held among them.
    expect((workers[1].out().match(/^made /gm) ?? []).length, workers[1].out()).toBe(pdfs.length);

    // The local build wrote the same bytes, and the queued build's manifest shows them up to date.
    const local = await localBuild;
    expect(local.code).toBe(3);
    for (const pdf of pdfs) expect(readFileSync(join(root, 'out', pdf)).equals(readFileSync(join(root, 'local', pdf))), pdf).toBe(true);
    const again = await runCli(['build', join(root, 'in'), '--out', join(root, 'out')]);
    expect([again.code, again.out]).toEqual([3, `0 briefings written, 5 up to date, 1 failed: ${join(root, 'in', 'bad.yaml')} (invalid data)`]);

    // SIGTERM: the worker, holding nothing now, stops without waiting on anything, closes its browser and exits 0.
    workers[1].child.kill('SIGTERM');
    const [workerCode] = await workers[1].exited;
    expect(workerCode, workers[1].err()).toBe(0);
    expect(workers[1].out()).toMatch(/^stopping \(SIGTERM\): no briefing in hand\nworker stopped$/m);
    expect(liveProcessesUsing(tmp[1])).toEqual([]);
    expect(readdirSync(tmp[1]).filter((f) => !f.startsWith('tsx-'))).toEqual([]); // its browser profile and scratch folder are gone (tsx's cache stays)
  });

  it('keeps the briefings of a submitter of another version for workers of that version: they wait, the submitter says why, this version\'s worker goes on', async () => {
    // The TMPDIR of the worker killed above: its scratch folder is still there, and a new worker clears it.
    const tmp = join(root, 'tmp1');
    const scratch = () => readdirSync(tmp).filter((f) => f.startsWith('briefing-worker-'));
    const killed = scratch();
    expect(killed).toHaveLength(1);
    const worker = start(['worker', '--redis', url], { TMPDIR: tmp });
    expect(await until(() => /^worker ready/m.test(worker.out()), 60_000), worker.err()).toBe(true);
    expect(scratch()).toHaveLength(1);
    expect(scratch()).not.toEqual(killed);
    const version = /takes the briefings of canvas-briefing version ([0-9a-f]{12})$/m.exec(worker.out())?.[1];
    expect(version, worker.out()).toBeDefined();
    // Another version of the tool: a copy of the project whose template differs (a machine not yet upgraded).
    const other = join(root, 'other-version');
    for (const part of ['bin', 'src', 'templates', 'styles', 'package.json', 'tsconfig.json']) cpSync(join(process.cwd(), part), join(other, part), { recursive: true });
    symlinkSync(join(process.cwd(), 'node_modules'), join(other, 'node_modules'));
    appendFileSync(join(other, 'templates', 'briefing.hbs'), '{{!-- another version --}}\n');
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'elsewhere', 'gamma.yaml'), nordwind.replace(/^(\s+name: ).*$/m, '$1Gamma Holdings AG'));
    const submitter = start(['build', 'elsewhere', '--redis', url, '--out', 'elsewhere-out'], {}, join(other, 'bin', 'briefing.js'));
    const notice = new RegExp(`no worker of this version of canvas-briefing \\(([0-9a-f]{12})\\) is connected to queue "briefings" on redis://127\\.0\\.0\\.1:\\d+: a briefing waits for one\\. \\d+ workers? (?:is|are) connected running another version \\(${version}; its code, templates or libraries differ\\), and would not make the same PDFs: install the same version`);
    expect(await until(() => notice.test(submitter.err()), 60_000), submitter.out() + submitter.err()).toBe(true);
    expect(notice.exec(submitter.err())![1]).not.toBe(version);
    // This version's worker took nothing, and is still at work.
    expect(worker.child.exitCode).toBeNull();
    expect(worker.out()).not.toMatch(/^made /m);
    submitter.child.kill('SIGINT');
    expect((await submitter.exited)[0], submitter.err()).toBe(130);
    // No worker of its version came: what it queued would wait for ever, and is taken out again, said so.
    expect(submitter.err()).toMatch(/^warning: no worker of this version of canvas-briefing \([0-9a-f]{12}\) came to queue "briefings" while this build waited: its 1 briefing waiting there was taken out again, as nothing would take it; start a worker of this version \(briefing worker --redis URL\) and build again$/m);
    expect(submitter.err()).toMatch(/^interrupted \(SIGINT\): 0 briefings written; the others keep their previous PDFs$/m);
    worker.child.kill('SIGTERM');
    expect((await worker.exited)[0], worker.err()).toBe(0);
    expect(liveProcessesUsing(tmp)).toEqual([]);
    expect(scratch()).toEqual([]);
  });

  it('collects what the queue finished on a second submission, with no worker running', async () => {
    const second = start(['build', 'in', '--redis', url, '--out', 'again']);
    const [code] = await second.exited;
    expect(code, second.err()).toBe(3);
    expect(second.out()).toMatch(/^5 briefings written, 1 failed in /m);
    expect(second.err()).not.toMatch(/no worker/);
    // Printed by the first run's workers: collected, with no time of its own to show.
    expect(second.out().match(/^wrote again\/\S+\.pdf {2}\d+ pages {2}edition \w+ {2}collected from the queue$/gm), second.out()).toHaveLength(5);
    for (const pdf of readdirSync(join(root, 'out')).filter((f) => f.endsWith('.pdf'))) {
      expect(readFileSync(join(root, 'again', pdf)).equals(readFileSync(join(root, 'out', pdf))), pdf).toBe(true);
    }
  });

  it('says when no worker takes its briefings (its only worker stopped half-way, or killed), and on Ctrl-C stops waiting, leaving them queued', async () => {
    mkdirSync(join(root, 'late'));
    for (const name of ['delta', 'epsilon']) writeFileSync(join(root, 'late', `${name}.yaml`), nordwind.replace(/^(\s+name: ).*$/m, `$1${name} Holdings AG`));
    // A queue of its own, and one worker, one briefing at a time.
    const tmp = join(root, 'tmp-late');
    mkdirSync(tmp);
    const worker = start(['worker', '--redis', url, '--queue', 'late', '--concurrency', '1', '--verbose'], { TMPDIR: tmp });
    expect(await until(() => /^worker ready/m.test(worker.out()), 60_000), worker.err()).toBe(true);
    const waiting = start(['build', 'late', '--redis', url, '--queue', 'late', '--out', 'late-out']);
    // The worker is stopped as it takes the first: it finishes that one and goes; the other waits, and the build says so.
    expect(await until(() => /^taking /m.test(worker.out()), 60_000), worker.out() + worker.err()).toBe(true);
    worker.child.kill('SIGTERM');
    expect((await worker.exited)[0], worker.err()).toBe(0);
    const notice = /no worker is connected to queue "late" on redis:\/\/127\.0\.0\.1:\d+: a briefing waits for one \(briefing worker --redis URL\)/g;
    expect(await until(() => (waiting.err().match(notice) ?? []).length === 1, 30_000), waiting.out() + waiting.err()).toBe(true);
    // Another worker takes the one left and is killed holding it: its job stays active, but once its lock lapses (5 s)
    // nothing prints it, and the build says so again.
    const killed = start(['worker', '--redis', url, '--queue', 'late', '--concurrency', '1', '--verbose', '--lock-seconds', '5'], { TMPDIR: tmp });
    expect(await until(() => /^taking /m.test(killed.out()), 60_000), killed.out() + killed.err()).toBe(true);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(await until(() => (waiting.err().match(notice) ?? []).length === 2, 30_000), waiting.out() + waiting.err()).toBe(true);
    waiting.child.kill('SIGINT');
    const [code] = await waiting.exited;
    expect(code, waiting.err()).toBe(130);
    expect(waiting.err()).toMatch(/^interrupted \(SIGINT\): 1 briefing written; the others keep their previous PDFs; what was queued stays in the queue: run the same command again to collect it$/m);
    expect(readdirSync(join(root, 'late-out')).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
  });
});

describe.skipIf(!HAVE_REDIS)('a Redis that wants a password', () => {
  it('says the credentials were refused when a wrong password (or user) is given, not that a password is wanted', async () => {
    const { probeRedis } = await import('../../src/queue/connect.ts');
    const { parseRedisUrl } = await import('../../src/queue/redis-url.ts');
    const { Redis } = await import('ioredis');
    const { port } = await startRedis();
    const admin = new Redis({ host: '127.0.0.1', port, lazyConnect: true });
    await admin.connect();
    await admin.config('SET', 'requirepass', 'sekret');
    admin.disconnect();
    const refusal = (url: string) => probeRedis(parseRedisUrl(url, '--redis'), '--redis', 2_000).then(() => 'reached', (e: Error) => e.message);
    for (const url of [`redis://:wrong@127.0.0.1:${port}`, `redis://bob:sekret@127.0.0.1:${port}`]) {
      const message = await refusal(url);
      expect(message).toMatch(/Redis refused the credentials: check the user and password in the URL$/);
      expect(message).not.toMatch(/wrong|sekret/);
    }
    expect(await refusal(`redis://127.0.0.1:${port}`)).toMatch(/Redis wants a password/);
    expect(await refusal(`redis://:sekret@127.0.0.1:${port}`)).toBe('reached');
    expect(await refusal(`redis://:sekret@127.0.0.1:${port}/3`)).toBe('reached');
  });
});

describe.skipIf(!HAVE_REDIS)('Ctrl-C on a submitter whose Redis went away', () => {
  it('still says what it did and exits 130 (it left in silence, exit 13: its close raced Redis against a timer that kept nothing alive)', async () => {
    const { Redis } = await import('ioredis');
    const { url, port } = await startRedis();
    mkdirSync(join(root, 'gone'));
    writeFileSync(join(root, 'gone', 'zeta.yaml'), nordwind.replace(/^(\s+name: ).*$/m, '$1Zeta Holdings AG'));
    const waiting = start(['build', 'gone', '--redis', url, '--queue', 'gone', '--out', 'gone-out']);
    expect(await until(() => /no worker is connected to queue "gone"/.test(waiting.err()), 60_000), waiting.out() + waiting.err()).toBe(true);
    const admin = new Redis({ host: '127.0.0.1', port, lazyConnect: true, retryStrategy: () => null });
    admin.on('error', () => {});
    await admin.connect();
    await admin.shutdown('NOSAVE').catch(() => {}); // its connection goes with the server
    admin.disconnect();
    expect(await until(() => /queue connection: .*ECONNREFUSED/.test(waiting.err()), 30_000), waiting.err()).toBe(true);
    waiting.child.kill('SIGINT');
    const [code] = await waiting.exited;
    expect(code, waiting.err()).toBe(130);
    expect(waiting.err()).toMatch(/^interrupted \(SIGINT\): 0 briefings written/m);
  });
});

describe.skipIf(!HAVE_REDIS)('a worker whose own files change under it', () => {
  it('hands the briefing back and stops, rather than failing every briefing of its version as "edited while queued"', async () => {
    const { url } = await startRedis();
    // A machine whose checkout is upgraded (or edited) while its worker runs: the worker still takes the old version's jobs.
    const copy = join(root, 'edited-worker');
    for (const part of ['bin', 'src', 'templates', 'styles', 'package.json', 'tsconfig.json']) cpSync(join(process.cwd(), part), join(copy, part), { recursive: true });
    symlinkSync(join(process.cwd(), 'node_modules'), join(copy, 'node_modules'));
    mkdirSync(join(root, 'tmp-edited'));
    const stale = start(['worker', '--redis', url, '--queue', 'edited', '--concurrency', '1'], { TMPDIR: join(root, 'tmp-edited') }, join(copy, 'bin', 'briefing.js'));
    expect(await until(() => /^worker ready/m.test(stale.out()), 60_000), stale.err()).toBe(true);
    appendFileSync(join(copy, 'templates', 'briefing.hbs'), '{{!-- upgraded under the worker --}}\n');
    mkdirSync(join(root, 'edited-in'));
    writeFileSync(join(root, 'edited-in', 'eta.yaml'), nordwind.replace(/^(\s+name: ).*$/m, '$1Eta Holdings AG'));
    const build = start(['build', 'edited-in', '--redis', url, '--queue', 'edited', '--out', 'edited-out']);
    const [staleCode] = await stale.exited;
    expect(stale.err()).toMatch(/this worker's canvas-briefing .*changed since it started.*restart it/);
    expect(staleCode, stale.err()).not.toBe(0);
    // The briefing went back to the queue: a worker of the build's version prints it, and the build succeeds.
    const good = start(['worker', '--redis', url, '--queue', 'edited', '--concurrency', '1'], { TMPDIR: join(root, 'tmp-edited') });
    const [code] = await build.exited;
    good.child.kill('SIGTERM');
    await good.exited;
    expect(code, build.out() + build.err()).toBe(0);
    expect(build.out()).toMatch(/^wrote edited-out\/eta\.pdf /m);
  });
});

describe.skipIf(!HAVE_REDIS)('a build at a queue no worker listens on', () => {
  it('names the queue of the same Redis whose workers it may have meant (--queue "briefing" for "briefings")', async () => {
    const { startWorker } = await import('../../src/queue/work.ts');
    const { parseRedisUrl } = await import('../../src/queue/redis-url.ts');
    const { url } = await startRedis();
    // A worker at "briefings" (a stand-in: it registers as `briefing worker` does, and prints nothing).
    const settings = { target: parseRedisUrl(url, '--redis'), from: '--redis', queue: 'briefings', keepSeconds: 600, tool: 'any-version', concurrency: 1, maxCanvasBytes: 1024 * 1024 };
    const make = async () => ({ kind: 'failed', message: 'not here', exitCode: 1 }) as const;
    const worker = await startWorker(settings, make, () => {});
    try {
      mkdirSync(join(root, 'misnamed'));
      writeFileSync(join(root, 'misnamed', 'theta.yaml'), nordwind.replace(/^(\s+name: ).*$/m, '$1Theta Holdings AG'));
      const waiting = start(['build', 'misnamed', '--redis', url, '--queue', 'briefing', '--out', 'misnamed-out']);
      const notice = /^warning: no worker is connected to queue "briefing" on redis:\/\/127\.0\.0\.1:\d+: a briefing waits for one\. 1 worker is on queue "briefings": --queue briefings\? \(Or start a worker at this queue: briefing worker --redis URL --queue briefing\)$/m;
      expect(await until(() => notice.test(waiting.err()), 30_000), waiting.out() + waiting.err()).toBe(true);
      waiting.child.kill('SIGINT');
      expect((await waiting.exited)[0], waiting.err()).toBe(130);
    } finally {
      await worker.close();
    }
  });
});
