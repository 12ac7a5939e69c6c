/**
 * What test/support/setup-builds.ts builds once for the whole run. The builds run in the background
 * while the other tests run; a test that reads one waits for it with `await sharedBuild(name)`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/** Where one shared build writes: known from the start, before the build is done. */
export interface SharedBuildFolders {
  /** Holds `in/` and `out/`; removed at the end of the run. */
  root: string;
  /** The output folder (--out). */
  dir: string;
  /** Canvases written for this build. */
  inputs: string;
}

/** One finished `briefing build` run: its folders, exit code and printed lines. */
export interface SharedBuild extends SharedBuildFolders {
  code: number;
  out: string[];
  err: string[];
}

export const SHARED_BUILDS = {
  /** `briefing build data`: the sample canvas and its block sets. */
  sample: 'sample',
  /** test/fixtures/valid/nordwind.yaml, with --html. */
  nordwind: 'nordwind',
  /** A folder of a-broken.yaml (invalid) and b-nordwind.yaml (the small fixture under another name). */
  mixed: 'mixed',
  /** nordwind.yaml and nordwind-sets.yaml (the same with a block set "finance"), with --set finance. */
  sets: 'sets',
  /** The stress canvas (test/support/stress-canvas.ts) on US Letter. */
  stress: 'stress',
  /** test/fixtures/valid/nordwind.yaml with the theme test/fixtures/themes/nordic, with --html. */
  themed: 'themed',
} as const;

export type SharedBuildName = keyof typeof SHARED_BUILDS;

/** The file a shared build's outcome is written to when it ends: its presence means "done". */
export const RESULT_FILE = 'result.json';

declare module 'vitest' {
  export interface ProvidedContext {
    builds: Record<SharedBuildName, SharedBuildFolders>;
  }
}

/** Waits (polling, up to 5 minutes) for a shared build to end and returns it; rejects if the build itself threw. */
export async function sharedBuild(name: SharedBuildName): Promise<SharedBuild> {
  const folders = inject('builds')[name];
  const file = join(folders.root, RESULT_FILE);
  for (const end = Date.now() + 300_000; !existsSync(file); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > end) throw new Error(`the shared build "${name}" did not finish within 5 minutes`);
  }
  const result = JSON.parse(readFileSync(file, 'utf8')) as { code: number; out: string[]; err: string[] } | { error: string };
  if ('error' in result) throw new Error(`the shared build "${name}" failed: ${result.error}`);
  return { ...folders, ...result };
}
