/**
 * `npm run bench`: how fast the tool turns a batch of canvases into briefings, against what Chromium
 * alone needs to print the same pages, every figure a ratio taken in this one run.
 *
 *   npm run bench -- [--n 6] [--jobs N] [--json] [--keep] [--no-queue]
 *
 * About 15 s a canvas on 2 cores without the queue (--n 6: about 2 minutes; --n 50: 10-15 minutes); the queued runs
 * add about as much again.
 *
 * 1. A synthetic corpus: N canvases derived from data/alibaba.yaml, each with its own name and ticker,
 *    figures moved by a few units of their last digit, and a different length (all sections, the first
 *    two of each block, or the first one).
 * 2. End to end: `briefing build CORPUS --jobs N` (the real binary, as a user runs it: without --html), its peak
 *    memory (PSS of it and every process under it, Chromium included) and the processes it leaves behind.
 * 3. The final HTML for steps 4 and 5, not timed as end to end: `briefing build CORPUS --html` again into the same
 *    folder, which prints each briefing once more (its pages known: one print, no draft) and writes its HTML. Its
 *    PDFs must be byte-identical to step 2's (the build promises that), which the bench checks.
 * 4. The print-only floor: that HTML printed by one warm Chromium (the executable the tool prints with), N pages
 *    at a time, with the tool's print settings: what printing alone costs, in time and memory.
 * 5. A naive baseline: a fresh `<that executable> --headless --print-to-pdf` process per briefing, N at a time.
 *    Memory is sampled in steps 2, 4 and 5 alike (samplePss), as sampling slows what it measures. Steps 4 and 5
 *    count the pages they printed: the same as the tool's, or they did not print the same documents.
 * 6. A no-op rebuild: the same build again, every briefing up to date.
 * 7. Queued (when redis-server is installed; --no-queue skips it): the same batch through `briefing
 *    build --redis` with 1, then 2 local workers (each --concurrency N, started and warm before the
 *    clock starts), on a redis-server of the bench's own; and the batch submitted once more with every
 *    result waiting in the queue: what the queue costs per briefing (submit, collect, write).
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { parse, stringify } from 'yaml';
import { PDFDocument } from 'pdf-lib';
import puppeteer from 'puppeteer-core';
import { findBrowser } from '../src/print/find-browser.ts';
import { isHeadlessShell, withoutSandbox } from '../src/print/launch-browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const flag = (name: string) => process.argv.indexOf(`--${name}`);
const value = (name: string, fallback: number) => (flag(name) >= 0 ? Number(process.argv[flag(name) + 1]) : fallback);
const N = value('n', 6);
const JOBS = value('jobs', Math.max(1, Math.min(4, availableParallelism())));
const JSON_OUT = flag('json') >= 0;
const KEEP = flag('keep') >= 0;
const QUEUE = flag('no-queue') < 0 && spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
if (!Number.isInteger(N) || N < 1 || !Number.isInteger(JOBS) || JOBS < 1) {
  console.error('usage: npm run bench -- [--n CANVASES (default 6)] [--jobs N] [--json] [--keep] [--no-queue]');
  process.exit(2);
}
const log = (line: string) => { if (!JSON_OUT) console.error(line); };

const work = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
const corpus = join(work, 'corpus');
const out = join(work, 'out');
/** The tool's environment: a TMPDIR in the bench's folder, so that its browsers (profiles under TMPDIR) are found by leftovers(). */
const toolTmp = join(work, 'tmp');
mkdirSync(toolTmp);
const toolEnv = { ...process.env, TMPDIR: toolTmp };
mkdirSync(corpus);

// 1. The corpus.
type Data = Record<string, any>;
const sample = parse(readFileSync(join(ROOT, 'data', 'alibaba.yaml'), 'utf8')) as Data;
for (let i = 1; i <= N; i++) {
  const canvas = structuredClone(sample);
  canvas.company.name = `Benchmark Holdings ${i} Limited`;
  canvas.company.short_name = `Bench ${i}`;
  canvas.company.ticker = `BH${i}`;
  for (const metric of Object.values(canvas.metrics as Record<string, Data>)) {
    for (const m of [metric, ...((metric.values as Data[] | undefined) ?? [])]) {
      if (typeof m.value !== 'number' || !Number.isFinite(m.value)) continue;
      const decimals = (String(m.value).split('.')[1] ?? '').length;
      m.value = Number((m.value + (i % 5) * 10 ** -decimals).toFixed(decimals)); // the last digit moves: precision kept
    }
  }
  const keep = [Infinity, 2, 1][i % 3]!;
  for (const block of Object.values(canvas.blocks as Record<string, Data>)) if (block?.sections) block.sections = block.sections.slice(0, keep);
  writeFileSync(join(corpus, `bench-${String(i).padStart(4, '0')}.yaml`), stringify(canvas));
}
log(`corpus: ${N} canvases in ${corpus} (${N * 4} briefings); about ${Math.max(1, Math.round((N * 15) / 60))} min on 2 cores${QUEUE ? ', and about as much again for the queued runs (--no-queue skips them)' : ''}`);
const benchStarted = performance.now();

/**
 * What samplePss's thread runs: every SAMPLE_MS, the PSS (kB, from /proc) of the processes named (`pids`, or the
 * children of `childrenOf`) and all their descendants, found through /proc/PID/task/TID/children; the peak is
 * posted back when the thread is told to stop.
 */
const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readdirSync, readFileSync } = require('node:fs');
const childrenOf = (pid) => {
  try {
    return readdirSync('/proc/' + pid + '/task').flatMap((tid) => readFileSync('/proc/' + pid + '/task/' + tid + '/children', 'utf8').trim().split(/\\s+/).filter(Boolean).map(Number));
  } catch {
    return []; // gone
  }
};
const treePss = (roots) => {
  let total = 0;
  const stack = [...roots];
  while (stack.length) {
    const pid = stack.pop();
    try {
      total += Number(/^Pss:\\s+(\\d+)/m.exec(readFileSync('/proc/' + pid + '/smaps_rollup', 'utf8'))?.[1] ?? 0);
    } catch { /* gone */ }
    stack.push(...childrenOf(pid));
  }
  return total;
};
let peak = 0;
const sample = setInterval(() => {
  peak = Math.max(peak, treePss(workerData.pids ?? childrenOf(workerData.childrenOf)));
}, workerData.ms);
parentPort.on('message', () => {
  clearInterval(sample);
  parentPort.postMessage(peak);
});
`;

/**
 * Samples the PSS of the processes named and their descendants every SAMPLE_MS until stopped; the peak, in kB.
 * Reading a process's smaps_rollup walks its page tables under its memory lock (tens of ms for a Chromium), which
 * slows what is measured: every timed phase is sampled alike, from a thread of its own, so that the bench's own
 * event loop (which drives the floor's browser and starts the naive Chromiums) never waits for it.
 */
const SAMPLE_MS = 500;
function samplePss(roots: { pids: number[] } | { childrenOf: number }): () => Promise<number> {
  const sampler = new Worker(SAMPLER, { eval: true, workerData: { ...roots, ms: SAMPLE_MS } });
  return async () => {
    sampler.postMessage('stop');
    const [peakKb] = (await once(sampler, 'message')) as [number];
    await sampler.terminate();
    return peakKb;
  };
}

/** Browser processes running when the bench started (another program's, not ours to count). */
const browsersBefore = new Set(browserPids());

/** Pids of the Chrome/Chromium processes running now (the headless shell included). */
function browserPids(): string[] {
  return readdirSync('/proc').filter((n) => {
    if (!/^\d+$/.test(n)) return false;
    try {
      return /chrom/i.test(readlinkSync(`/proc/${n}/exe`));
    } catch {
      return false;
    }
  });
}

/**
 * Processes left behind: those whose command line names the bench's folder (the tool runs with a TMPDIR in it,
 * toolEnv), and browser processes that were not running when the bench started (a headless shell's helpers
 * name no profile).
 */
function leftovers(): number {
  const named = readdirSync('/proc').filter((n) => /^\d+$/.test(n) && Number(n) !== process.pid).filter((n) => {
    try {
      return readFileSync(`/proc/${n}/cmdline`, 'utf8').includes(work);
    } catch {
      return false;
    }
  });
  return new Set([...named, ...browserPids().filter((pid) => !browsersBefore.has(pid))]).size;
}

/** Runs `briefing ARGS`; resolves to its wall time, output and peak PSS. */
function briefing(args: string[]): Promise<{ seconds: number; stdout: string; stderr: string; peakKb: number; code: number | null }> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'briefing.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: toolEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const peak = samplePss({ pids: [child.pid!] });
    child.on('close', async (code) => {
      const peakKb = await peak();
      done({ seconds: (performance.now() - started) / 1000, stdout, stderr, peakKb, code });
    });
  });
}

/** Runs `work` on every item, `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

// 2. End to end, as a user builds: no --html.
log(`end to end: briefing build --jobs ${JOBS} ...`);
const e2e = await briefing(['build', corpus, '--out', out, '--jobs', String(JOBS)]);
if (e2e.code !== 0) {
  console.error(`${e2e.stderr}\nthe build failed (exit ${e2e.code}); the corpus is kept in ${work}`);
  process.exit(1);
}
// The shortened canvases leave figures no text uses: the build says so for each, which is expected here.
const findings = e2e.stderr.split('\n').filter((l) => / warning /.test(l)).length;
const wrote = [...e2e.stdout.matchAll(/^wrote \S+\.pdf {2}(\d+) pages/gm)].map((m) => Number(m[1]));
const pages = wrote.reduce((a, b) => a + b, 0);
const left = await new Promise<number>((r) => setTimeout(() => r(leftovers()), 1000));
const pdfHashes = () => new Map(readdirSync(out).filter((f) => f.endsWith('.pdf')).map((f) => [f, createHash('sha256').update(readFileSync(join(out, f))).digest('hex')]));
const builtPdfs = pdfHashes();

// 3. The final HTML, for the floor and the naive baseline: each briefing printed once more, with its HTML.
log('the final HTML: briefing build --html (not part of end to end) ...');
const withHtml = await briefing(['build', corpus, '--out', out, '--html', '--jobs', String(JOBS)]);
if (withHtml.code !== 0) {
  console.error(`${withHtml.stderr}\nthe --html build failed (exit ${withHtml.code}); the corpus is kept in ${work}`);
  process.exit(1);
}
const rebuiltPdfs = pdfHashes();
const pdfsChanged = [...builtPdfs].filter(([f, h]) => rebuiltPdfs.get(f) !== h).length;

// 4. The print-only floor: the final HTML, printed by a warm browser, JOBS pages at a time.
const htmls = readdirSync(out).filter((f) => f.endsWith('.html')).map((f) => join(out, f));
const executablePath = (await findBrowser({})).path;
const profile = mkdtempSync(join(work, 'floor-profile-'));
// The browser the tool prints with, in the same mode and with the same font setting (src/print/launch-browser.ts).
const browser = await puppeteer.launch({
  executablePath, userDataDir: profile, headless: isHeadlessShell(executablePath) ? 'shell' : true,
  args: ['--font-render-hinting=none', ...(withoutSandbox(process.env) ? ['--no-sandbox'] : [])],
});
const browserVersion = await browser.version();
const floorPdfs: Uint8Array[] = [];
const print = async (file: string) => {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
  floorPdfs.push(await page.pdf({ format: 'A4', printBackground: true, outline: true, tagged: true, waitForFonts: true, timeout: 120_000 }));
  await page.close();
};
await print(htmls[0]!); // warm
floorPdfs.length = 0;
log(`print-only floor: ${htmls.length} HTML files, ${JOBS} at a time ...`);
let started = performance.now();
const floorPeak = samplePss({ pids: [browser.process()!.pid!] }); // Chromium's: the bench's own node is not counted
await pool(htmls, JOBS, print);
const floorSeconds = (performance.now() - started) / 1000;
const floorPeakKb = await floorPeak();
await browser.close();
// Counted after the clock: a tagged PDF keeps its page objects in compressed object streams, which pdf-lib reads.
let floorPages = 0;
for (const pdf of floorPdfs.splice(0)) floorPages += (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();

// 5. Naive: a fresh headless Chromium per briefing.
log(`naive baseline: ${executablePath} --headless --print-to-pdf per briefing ...`);
const naivePrinted: string[] = [];
let naiveFailed = 0;
const naiveDir = mkdtempSync(join(work, 'naive-'));
started = performance.now();
const naivePeak = samplePss({ childrenOf: process.pid }); // the Chromiums it starts, not the bench itself
await pool(htmls, JOBS, async (file) => {
  const dir = mkdtempSync(join(naiveDir, 'p-'));
  await promisify(execFile)(executablePath, [
    '--headless', '--no-sandbox', '--font-render-hinting=none', `--user-data-dir=${dir}`, '--no-pdf-header-footer', `--print-to-pdf=${join(dir, 'out.pdf')}`, `file://${file}`,
  ], { timeout: 120_000 }).then(
    () => { naivePrinted.push(join(dir, 'out.pdf')); },
    () => { naiveFailed++; },
  );
});
const naiveSeconds = (performance.now() - started) / 1000;
let naivePages = 0;
for (const pdf of naivePrinted) naivePages += (await PDFDocument.load(readFileSync(pdf), { updateMetadata: false })).getPageCount();
await naivePeak();

// 6. A no-op rebuild (as the last build: with --html).
const noop = await briefing(['build', corpus, '--out', out, '--html', '--jobs', String(JOBS)]);

// 7. Queued: the same batch through 1 and 2 local workers, then collected from the queue alone.
interface Queued { workers: number; seconds: number; ratioToLocal: number; peakMemoryMb: number }
let queued: { runs: Queued[]; collectSeconds: number; overheadMsPerBriefing: number; collectMsPerBriefing: number; leftoverProcesses: number } | undefined;
if (QUEUE) {
  const port = await new Promise<number>((r) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as { port: number };
      server.close(() => r(p));
    });
  });
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  await new Promise((r) => setTimeout(r, 500));
  const runs: Queued[] = [];
  const workerPids: number[] = [];
  const stopWorkers = async (workers: ChildProcess[]) => {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => (w.exitCode === null ? once(w, 'exit') : undefined)));
  };
  for (const count of [1, 2]) {
    // Each run has a queue of its own: the same briefings' job ids would otherwise find the last run's results.
    const queue = `bench-${count}`;
    log(`queued: briefing build --redis, ${count} worker${count > 1 ? 's' : ''} ...`);
    const workers = Array.from({ length: count }, () =>
      spawn(process.execPath, [join(ROOT, 'bin', 'briefing.js'), 'worker', '--redis', url, '--queue', queue, '--concurrency', String(JOBS), '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'], env: toolEnv }));
    workerPids.push(...workers.map((w) => w.pid!));
    await Promise.all(workers.map((w) => new Promise<void>((ready) => {
      let said = '';
      w.stdout!.on('data', (chunk) => { said += chunk; if (said.includes('worker ready')) ready(); });
    })));
    const workersPeak = samplePss({ pids: workers.map((w) => w.pid!) });
    const run = await briefing(['build', corpus, '--out', join(work, `queued-${count}`), '--redis', url, '--queue', queue]);
    const peakKb = await workersPeak();
    if (run.code !== 0) {
      console.error(`${run.stderr}
the queued build failed (exit ${run.code}); the corpus is kept in ${work}`);
      await stopWorkers(workers);
      redis.kill();
      process.exit(1);
    }
    runs.push({ workers: count, seconds: round(run.seconds), ratioToLocal: round(e2e.seconds / run.seconds), peakMemoryMb: Math.round((peakKb + run.peakKb) / 1024) });
    await stopWorkers(workers);
  }
  // Every result is in the queue now: a second submission only submits, collects and writes.
  const collect = await briefing(['build', corpus, '--out', join(work, 'queued-again'), '--redis', url, '--queue', 'bench-1']);
  redis.kill();
  await once(redis, 'exit');
  const leftover = await new Promise<number>((r) => setTimeout(() => r(leftovers() + workerPids.filter((pid) => existsSync(`/proc/${pid}`)).length), 1000));
  const one = runs[0]!;
  queued = {
    runs,
    collectSeconds: round(collect.seconds),
    overheadMsPerBriefing: Math.round(((one.seconds - e2e.seconds) * 1000) / wrote.length),
    collectMsPerBriefing: Math.round((collect.seconds * 1000) / wrote.length),
    leftoverProcesses: leftover,
  };
} else {
  log(`queued: skipped (${flag('no-queue') >= 0 ? '--no-queue' : 'redis-server is not installed: apt-get install redis-server'})`);
}

const briefings = wrote.length;
/**
 * The ratios are of throughput (the other's time over the tool's): 1 is as fast, below 1 slower, above 1 faster.
 * TARGET_VS_FLOOR is the project's goal (README "Benchmark"): end to end at 0.8x of printing alone or better, the
 * draft pass, charts, HTML and pdf-lib included. Against the naive baseline the tool should simply be faster.
 */
const TARGET_VS_FLOOR = 0.8;
const TARGET_VS_NAIVE = 1;
const vsFloor = round(floorSeconds / e2e.seconds);
const vsNaive = round(naiveSeconds / e2e.seconds);
const result = {
  canvases: N,
  jobs: JOBS,
  briefings,
  pages,
  browser: { executable: executablePath, version: browserVersion },
  endToEnd: { command: `briefing build CORPUS --out OUT --jobs ${JOBS}`, seconds: round(e2e.seconds), briefingsPerSecond: round(briefings / e2e.seconds), pagesPerSecond: round(pages / e2e.seconds), peakMemoryMb: Math.round(e2e.peakKb / 1024) },
  htmlRebuild: { seconds: round(withHtml.seconds), pdfsChanged },
  printOnlyFloor: { seconds: round(floorSeconds), pages: floorPages, pagesPerSecond: round(pages / floorSeconds), peakMemoryMb: Math.round(floorPeakKb / 1024) },
  naive: { seconds: round(naiveSeconds), pages: naivePages, failed: naiveFailed },
  noOpRebuild: { seconds: round(noop.seconds), said: noop.stdout.trim().split('\n').at(-1) },
  ratios: {
    endToEndVsFloor: vsFloor,
    endToEndVsFloorTarget: TARGET_VS_FLOOR,
    endToEndVsNaive: vsNaive,
    endToEndVsNaiveTarget: TARGET_VS_NAIVE,
  },
  leftoverProcesses: left,
  findingsReported: findings,
  benchSeconds: round((performance.now() - benchStarted) / 1000),
  ...(queued === undefined ? {} : { queued }),
};
if (JSON_OUT) console.log(JSON.stringify(result, null, 2));
else {
  const verdict = (ratio: number, target: number) => (ratio >= target ? 'meets the target' : 'MISSES the target');
  const samePages = (n: number) => (n === pages ? 'the same pages as the tool' : `NOT the tool's ${pages} pages: not the same documents`);
  const rows: Array<[string, string]> = [
    ['browser', `${executablePath} (${browserVersion}), for the tool, the floor and the naive baseline alike`],
    ['briefings (pages)', `${briefings} (${pages}) from ${N} canvases, ${JOBS} at a time`],
    ['end to end', `${result.endToEnd.seconds} s: ${result.endToEnd.briefingsPerSecond} briefings/s, ${result.endToEnd.pagesPerSecond} pages/s (briefing build --jobs ${JOBS}, draft and final print)`],
    ['print-only floor', `${result.printOnlyFloor.seconds} s: ${result.printOnlyFloor.pagesPerSecond} pages/s (one warm Chromium, the final HTML printed once; ${floorPages} pages, ${samePages(floorPages)})`],
    ['naive (a Chromium per briefing)', `${result.naive.seconds} s (${naivePages} pages, ${samePages(naivePages)}${naiveFailed > 0 ? `; ${naiveFailed} FAILED to print` : ''})`],
    ['end to end vs floor', `${vsFloor}x the floor's throughput (1 = as fast as printing alone, below 1 = slower; target ${TARGET_VS_FLOOR}x or more): ${verdict(vsFloor, TARGET_VS_FLOOR)}`],
    ['end to end vs naive', `${vsNaive}x the naive baseline's throughput (above 1 = faster than a Chromium per briefing, below 1 = slower; target above ${TARGET_VS_NAIVE}x): ${verdict(vsNaive, TARGET_VS_NAIVE + 0.01)}`],
    ['rebuild with --html (not timed above)', `${result.htmlRebuild.seconds} s, one print a briefing; its PDFs ${pdfsChanged === 0 ? 'byte-identical to the end-to-end build\'s' : `DIFFER from the end-to-end build's in ${pdfsChanged} files`}`],
    ['no-op rebuild', `${result.noOpRebuild.seconds} s ("${result.noOpRebuild.said}")`],
    ['peak memory (tool + Chromium, PSS)', `${result.endToEnd.peakMemoryMb} MB (the floor's Chromium: ${result.printOnlyFloor.peakMemoryMb} MB)`],
    ['processes left behind', String(left)],
  ];
  if (queued !== undefined) {
    for (const run of queued.runs) {
      rows.push([`queued, ${run.workers} local worker${run.workers > 1 ? 's' : ''}`, `${run.seconds} s: ${run.ratioToLocal}x the local build's throughput (below 1 = slower), peak ${run.peakMemoryMb} MB`]);
    }
    rows.push(['queue overhead', `${queued.overheadMsPerBriefing} ms a briefing (1 worker vs local); collecting a finished batch: ${queued.collectMsPerBriefing} ms a briefing`]);
    rows.push(['processes left behind (queued)', String(queued.leftoverProcesses)]);
  }
  rows.push(['the bench took', `${result.benchSeconds} s`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}
if (KEEP) log(`kept: ${work}`);
else rmSync(work, { recursive: true, force: true, maxRetries: 3 });

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
