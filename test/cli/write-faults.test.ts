/**
 * Faults while a PDF is being written, on the real binary (issue 8): the build is stopped the moment
 * a temporary `*.partial` file appears in the output folder, by `kill -9` (no clean-up at all) or by
 * Ctrl-C (SIGINT: a clean stop). Every PDF in the folder is then either the previous one, byte for
 * byte, or a complete new one; a killed run's leftovers do not stop the next build, which removes
 * what is old enough to be abandoned; an interrupted run says how many briefings it wrote, and that is
 * how many PDFs changed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type ExpectStatic } from 'vitest';
import { NORDWIND } from '../support/fixtures.ts';
import { liveProcessesUsing, until } from '../support/processes.ts';
import { fileTempDir } from '../support/temp.ts';

const root = fileTempDir('write-faults-');

/**
 * The small fixture with three block sets: four briefings of a few pages each. Enough for a build to
 * be stopped between two writes, at a fraction of the sample's printing time.
 */
const CANVAS = `${readFileSync(NORDWIND, 'utf8')}block_sets:
  finance:
    title: Finance
    blocks: [cost_structure, revenue_streams]
  partners:
    title: Partners
    blocks: [key_partnerships, key_resources]
  revenue:
    title: Revenue
    blocks: [revenue_streams]
`;
const PDFS = ['nordwind.pdf', 'nordwind--finance.pdf', 'nordwind--partners.pdf', 'nordwind--revenue.pdf'];
/** Where both cases read it from. */
const canvasFile = join(root, 'nordwind.yaml');
writeFileSync(canvasFile, CANVAS);
/** A previous PDF no build would write, one for each briefing, so that keeping it is seen. */
const previous = (name: string) => Buffer.from(`%PDF-1.4\n% the previous ${name}\n%%EOF\n`);

/** A complete PDF as deliver/ would put one in place: the header, and the end-of-file marker at its end. */
const complete = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.subarray(-1024).toString('latin1').trimEnd().endsWith('%%EOF');

/** A folder for the output and a private TMPDIR (which makes this child's browser recognisable in /proc). */
function folders(name: string) {
  const tmp = join(root, `${name}-tmp`);
  const out = join(root, `${name}-out`);
  for (const dir of [tmp, out]) mkdirSync(dir);
  for (const pdf of PDFS) writeFileSync(join(out, pdf), previous(pdf));
  return { tmp, out };
}

/** `briefing build nordwind.yaml --out OUT [ARGS]` as its own process, its output collected. */
function build(out: string, tmp: string, onTestFinished: (fn: () => void) => void, args: string[] = []) {
  const child = spawn(process.execPath, ['bin/briefing.js', 'build', canvasFile, '--out', out, ...args], {
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => { child.kill('SIGKILL'); }); // a failed expectation must not leave it running
  const output = { out: '', err: '' };
  child.stdout!.on('data', (chunk) => { output.out += chunk; });
  child.stderr!.on('data', (chunk) => { output.err += chunk; });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, output, exited };
}

/**
 * Sends `signal` to the child as soon as a `*.partial` file shows in `out`: watched (inotify sees the
 * file created) and polled every 10 ms besides. Resolves to the name of the partial file seen.
 */
function signalOnPartial(child: ChildProcess, out: string, signal: NodeJS.Signals): Promise<string> {
  return new Promise((resolve, reject) => {
    const seen = (name: string | null) => {
      if (!name?.endsWith('.partial')) return false;
      stop();
      child.kill(signal);
      resolve(name);
      return true;
    };
    const watcher = watch(out, (_event, name) => seen(name));
    const poll = setInterval(() => readdirSync(out).some((name) => seen(name)), 10);
    const exit = () => {
      stop();
      reject(new Error('the build ended before a temporary file was seen'));
    };
    child.once('exit', exit);
    function stop() {
      watcher.close();
      clearInterval(poll);
      child.off('exit', exit);
    }
  });
}

/** Every PDF of the folder is the previous one or a complete one; returns the names of those that changed. */
function expectWholePdfs(expect: ExpectStatic, out: string): string[] {
  const changed: string[] = [];
  for (const name of readdirSync(out).filter((f) => f.endsWith('.pdf'))) {
    const bytes = readFileSync(join(out, name));
    const before = PDFS.includes(name) ? previous(name) : undefined;
    if (before && bytes.equals(before)) continue;
    expect(complete(bytes), `${name}: neither the previous PDF nor a complete one (${bytes.length} bytes)`).toBe(true);
    changed.push(name);
  }
  return changed;
}

// Each case is a process of its own (two builds): they run side by side.
describe.concurrent('a build stopped while it writes a PDF', () => {
  it('killed with SIGKILL: each PDF is the previous one or complete, and the next build cleans up and succeeds', async ({ expect, onTestFinished }) => {
    const { tmp, out } = folders('kill');
    const first = build(out, tmp, onTestFinished);
    // Its browser seen running, so that its helpers are known after the kill (a headless shell's do not name its profile).
    const browserSeen = until(() => liveProcessesUsing(tmp).length > 0, 60_000);
    const partial = await signalOnPartial(first.child, out, 'SIGKILL');
    const [, signal] = await first.exited;
    expect(signal, `${partial}\n${first.output.err}`).toBe('SIGKILL');
    expect(await browserSeen, 'the killed build\'s browser was never seen').toBe(true);
    expectWholePdfs(expect, out);

    // Its browser notices the closed pipe and exits by itself, within a second; what is still running
    // after 5 s is this test's to end, by pid.
    await until(() => liveProcessesUsing(tmp).length === 0, 5_000);
    const browser = liveProcessesUsing(tmp);
    for (const pid of browser) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    // Gone, not only dead: until PID 1 reaps them they still exist, and a profile whose browser exists is not abandoned.
    expect(await until(() => browser.every((pid) => !existsSync(`/proc/${pid}`)), 15_000), 'browser processes of the killed build still there').toBe(true);

    // Temporary files as a killed run leaves them: one from two hours ago, one from just now.
    const old = join(out, 'nordwind.pdf.0123456789ab.partial');
    const fresh = join(out, 'nordwind--finance.pdf.abcdefabcdef.partial');
    writeFileSync(old, '%PDF-1.7\n% cut off');
    writeFileSync(fresh, '%PDF-1.7\n% cut off');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    // The killed build's browser profile stays behind (Chrome removes its lock, not the folder, on the way out;
    // the headless shell writes none). The owner it names is gone; its age is set past the hour that a profile
    // naming no owner takes, as well.
    for (const profile of readdirSync(tmp).filter((f) => f.startsWith('canvas-briefing-chromium-'))) utimesSync(join(tmp, profile), twoHoursAgo, twoHoursAgo);
    const leftBehind = readdirSync(out).filter((f) => f.endsWith('.partial') && join(out, f) !== old && join(out, f) !== fresh);

    // One block set is enough to start a browser.
    const second = build(out, tmp, onTestFinished, ['--set', 'revenue']);
    const [code] = await second.exited;
    expect(code, `${second.output.out}\n${second.output.err}`).toBe(0);
    expect(second.output.err).not.toMatch(/\n\s+at /);
    expect(existsSync(old), 'an abandoned temporary file (two hours old) was left').toBe(false);
    expect(existsSync(fresh), 'a temporary file younger than an hour was removed (it may belong to a running build)').toBe(true);
    for (const name of leftBehind) expect(existsSync(join(out, name)), `${name}, left by the killed build, is young: it stays`).toBe(true);
    // Every PDF is still whole, the one it built new; the lock the killed build held was taken over and released.
    expect(second.output.out).toMatch(/^wrote \S+nordwind--revenue\.pdf {2}\d+ pages/m);
    expect(expectWholePdfs(expect, out)).toContain('nordwind--revenue.pdf');
    expect(existsSync(join(out, '.briefing.lock'))).toBe(false);
    expect(await until(() => liveProcessesUsing(tmp).length === 0, 5_000), 'browser processes left running').toBe(true);
    // The profile the killed build's browser left in TMPDIR was removed by the second build, which removed its own too.
    expect(await until(() => readdirSync(tmp).filter((f) => !/^tsx-\d+$/.test(f)).length === 0, 5_000), `left in TMPDIR: ${readdirSync(tmp).join(', ')}`).toBe(true);
  });

  it('interrupted with SIGINT: exits 130, says how many briefings it wrote (the PDFs that changed), leaves no temporary file and no browser', async ({ expect, onTestFinished }) => {
    const { tmp, out } = folders('int');
    const { child, output, exited } = build(out, tmp, onTestFinished);
    const partial = await signalOnPartial(child, out, 'SIGINT');
    const [code] = await exited;
    expect(code, `${partial}\n${output.err}`).toBe(130);
    const said = /^interrupted \(SIGINT\): (\d+) briefings? written; the others keep their previous PDFs$/m.exec(output.err);
    expect(said, output.err).not.toBeNull();
    const changed = expectWholePdfs(expect, out);
    expect(Number(said![1]), `changed: ${changed.join(', ')}\n${output.out}`).toBe(changed.length);
    expect(changed.length, 'the PDF whose temporary file was seen never took its place').toBeGreaterThan(0);
    // Each briefing it says it wrote is one of those that changed.
    for (const line of output.out.split('\n').filter((l) => l.startsWith('wrote '))) expect(changed.map((c) => join(out, c))).toContain(line.split('  ')[0].slice('wrote '.length));
    expect(readdirSync(out).filter((f) => f.endsWith('.partial') || f === '.briefing.lock')).toEqual([]);
    expect(await until(() => liveProcessesUsing(tmp).length === 0, 5_000), 'browser processes left running').toBe(true);
    expect(await until(() => readdirSync(tmp).filter((f) => !/^tsx-\d+$/.test(f)).length === 0, 5_000), `left in TMPDIR: ${readdirSync(tmp).join(', ')}`).toBe(true);
  });
});
