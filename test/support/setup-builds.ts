/**
 * Global setup of the browser tests: the builds several test files read back, each done once
 * for the run. The sample canvas is built as a user builds it (one `briefing build data` run);
 * the others are small, or serve several tests at once. They run side by side, with one browser:
 * a build waits on it much of the time, so one build alone leaves a core idle. Every build's
 * folder is removed when the run ends.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { TestProject } from 'vitest/node';
import { main } from '../../src/cli/main.ts';
import { loadPrinter, type Printer } from '../../src/pipeline.ts';
import type { SharedBuild, SharedBuilds } from './shared-builds.ts';
import { stressCanvas } from './stress-canvas.ts';
import { NORDWIND } from './fixtures.ts';

/** The small fixture with a block set, appended as YAML. */
export const FINANCE_SET = 'block_sets:\n  finance:\n    title: Finance\n    blocks: [cost_structure, revenue_streams]\n';

/** Runs `briefing build ARGS --out <its own folder>` in-process; canvases it needs are written into the folder's `in/` first. */
async function build(printer: Printer, name: string, args: string[], canvases: Record<string, string> = {}): Promise<SharedBuild> {
  const root = mkdtempSync(join(tmpdir(), `shared-${name}-`));
  const dir = join(root, 'out');
  const inputs = join(root, 'in');
  mkdirSync(inputs);
  for (const [file, yaml] of Object.entries(canvases)) writeFileSync(join(inputs, file), yaml);
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: process.env, cwd: process.cwd(), printer };
  const code = await main(['build', ...args.map((a) => a.replace(/^in\//, `${inputs}/`)), '--out', dir], io);
  return { root, dir, inputs, code, out, err };
}

export async function setup(project: TestProject): Promise<() => void> {
  const nordwind = readFileSync(NORDWIND, 'utf8');
  // One browser for all of them (each launch costs seconds of CPU); its pages print side by side.
  const printer = await loadPrinter({});
  let builds: SharedBuilds;
  try {
    const [sample, small, mixed, sets, stress] = await Promise.all([
      build(printer, 'sample', ['data']),
      build(printer, 'nordwind', [NORDWIND, '--html']),
      // A bad canvas, then the small fixture under another name: it must still build, to the same bytes.
      build(printer, 'mixed', ['in/'], { 'a-broken.yaml': readFileSync('test/fixtures/invalid/broken-types.yaml', 'utf8'), 'b-nordwind.yaml': nordwind }),
      // --set: the small fixture lacks the set and is skipped; a copy with the set builds only that.
      build(printer, 'sets', [NORDWIND, 'in/nordwind-sets.yaml', '--set', 'finance'], { 'nordwind-sets.yaml': `${nordwind}${FINANCE_SET}` }),
      build(printer, 'stress', ['in/stress.yaml', '--page-size', 'letter'], { 'stress.yaml': stringify(stressCanvas()) }),
    ]);
    builds = { sample, nordwind: small, mixed, sets, stress };
  } finally {
    await printer.close();
  }
  project.provide('builds', builds);
  return () => {
    for (const b of Object.values(builds)) rmSync(b.root, { recursive: true, force: true, maxRetries: 3 });
  };
}
