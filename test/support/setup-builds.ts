/**
 * Global setup of the browser tests: the builds several test files read back, each done once
 * for the run, and only when the run needs it (a file that reads it is in the run, or a test asks:
 * test/support/shared-builds.ts). The sample canvas is built as a user builds it (one `briefing build data` run);
 * the others are small, or serve several tests at once. They run side by side, with one browser,
 * in the background: the tests start at once, and one that reads a build waits for it.
 * Every build's folder is removed when the run ends.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { TestProject } from 'vitest/node';
import { main } from '../../src/cli/main.ts';
import { loadPrinter, type Printer } from '../../src/pipeline.ts';
import { REQUEST_FILE, RESULT_FILE, SHARED_BUILDS_ENV, sharedBuildFolders, type SharedBuildFolders, type SharedBuildName } from './shared-builds.ts';
import { stressCanvas } from './stress-canvas.ts';
import { NORDWIND } from './fixtures.ts';

/** The small fixture with a block set, appended as YAML. */
export const FINANCE_SET = 'block_sets:\n  finance:\n    title: Finance\n    blocks: [cost_structure, revenue_streams]\n';

/** One shared build: `briefing build ARGS --out <its folder>/out`, after writing CANVASES into `<its folder>/in/`. */
interface Plan {
  args: string[];
  canvases?: Record<string, string>;
}

/** What each shared build runs. */
function plans(): Record<SharedBuildName, Plan> {
  const nordwind = readFileSync(NORDWIND, 'utf8');
  return {
    sample: { args: ['data'] },
    nordwind: { args: [NORDWIND, '--html'] },
    // A bad canvas, then the small fixture under another name: it must still build, to the same bytes.
    mixed: { args: ['in/'], canvases: { 'a-broken.yaml': readFileSync('test/fixtures/invalid/broken-types.yaml', 'utf8'), 'b-nordwind.yaml': nordwind } },
    // --set: the small fixture lacks the set and is skipped; a copy with the set builds only that.
    sets: { args: [NORDWIND, 'in/nordwind-sets.yaml', '--set', 'finance'], canvases: { 'nordwind-sets.yaml': `${nordwind}${FINANCE_SET}` } },
    stress: { args: ['in/stress.yaml', '--page-size', 'letter'], canvases: { 'stress.yaml': stringify(stressCanvas()) } },
    themed: { args: [NORDWIND, '--theme', 'test/fixtures/themes/nordic', '--html'] },
  };
}

/**
 * Writes the plan's canvases into `folders` and runs `briefing build` in-process there, then writes its outcome
 * (or what it threw) to RESULT_FILE: whole, through a rename, as readers poll for it.
 */
async function build(printer: () => Printer, folders: SharedBuildFolders, plan: Plan): Promise<void> {
  const out: string[] = [];
  const err: string[] = [];
  let result: object;
  try {
    for (const [file, yaml] of Object.entries(plan.canvases ?? {})) writeFileSync(join(folders.inputs, file), yaml);
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: process.env, cwd: process.cwd(), printer: printer() };
    const code = await main(['build', ...plan.args.map((a) => a.replace(/^in\//, `${folders.inputs}/`)), '--out', folders.dir], io);
    result = { code, out, err };
  } catch (error) {
    result = { error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  const file = join(folders.root, RESULT_FILE);
  writeFileSync(`${file}.partial`, JSON.stringify(result));
  renameSync(`${file}.partial`, file);
}

export function setup(project: TestProject): () => Promise<void> {
  const all = plans();
  const base = mkdtempSync(join(tmpdir(), 'shared-builds-'));
  const folders = {} as Record<SharedBuildName, SharedBuildFolders>;
  for (const name of Object.keys(all) as SharedBuildName[]) {
    const f = (folders[name] = sharedBuildFolders(base, name));
    mkdirSync(f.inputs, { recursive: true });
  }
  project.provide('builds', folders);
  // For the sequencer, which runs in this process: it asks for the builds the run's files read as soon as it
  // knows them. (The test workers inherit the variable too; they find the folders through inject('builds').)
  process.env[SHARED_BUILDS_ENV] = base;
  // One browser for all of them (each launch costs seconds of CPU), started by the first build; its pages print side by side.
  let printer: Printer | undefined;
  const running: Array<Promise<void>> = [];
  const started = new Set<SharedBuildName>();
  const startAsked = () => {
    for (const [name, f] of Object.entries(folders) as Array<[SharedBuildName, SharedBuildFolders]>) {
      if (started.has(name) || !existsSync(join(f.root, REQUEST_FILE))) continue;
      started.add(name);
      running.push(build(() => (printer ??= loadPrinter({})), f, all[name]));
    }
  };
  const polling = setInterval(startAsked, 50);
  polling.unref();
  return async () => {
    clearInterval(polling);
    delete process.env[SHARED_BUILDS_ENV];
    await Promise.allSettled(running);
    await printer?.close();
    rmSync(base, { recursive: true, force: true, maxRetries: 3 });
  };
}
