/**
 * What test/support/setup-builds.ts builds once for the whole run. A build starts only when the run needs it:
 * when the run holds a file that reads it (test/support/sequencer.ts asks for those as the run starts), or when
 * a test first reads it. It runs in the background while the other tests run; a test that reads one waits for it
 * with `await sharedBuild(name)`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
/** The file that asks for a build: setup-builds.ts starts the build when it appears. */
export const REQUEST_FILE = 'requested';
/** Set by setup-builds.ts in vitest's own process, for the sequencer: the folder holding one folder per build, named after it. */
export const SHARED_BUILDS_ENV = 'BRIEFING_TEST_SHARED_BUILDS';

/** The folders of build `name` under `base` (the folder SHARED_BUILDS_ENV names). */
export function sharedBuildFolders(base: string, name: SharedBuildName): SharedBuildFolders {
  const root = join(base, name);
  return { root, dir: join(root, 'out'), inputs: join(root, 'in') };
}

/** Asks for the build whose folders these are to be made (once; asking again does nothing). */
export function requestBuild(folders: SharedBuildFolders): void {
  writeFileSync(join(folders.root, REQUEST_FILE), '');
}

/** The shared builds a test file reads: those it names in `sharedBuild('name')` calls. */
export function buildsReadBy(source: string): SharedBuildName[] {
  return [...new Set([...source.matchAll(/\bsharedBuild\('([a-z]+)'\)/g)].map((m) => m[1]!))].filter((n): n is SharedBuildName => n in SHARED_BUILDS);
}

declare module 'vitest' {
  export interface ProvidedContext {
    builds: Record<SharedBuildName, SharedBuildFolders>;
  }
}

/** Asks for a shared build if nothing did yet, waits (polling, up to 5 minutes) for it to end and returns it; rejects if the build itself threw. */
export async function sharedBuild(name: SharedBuildName): Promise<SharedBuild> {
  const folders = inject('builds')[name];
  const file = join(folders.root, RESULT_FILE);
  if (!existsSync(file)) requestBuild(folders);
  for (const end = Date.now() + 300_000; !existsSync(file); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > end) throw new Error(`the shared build "${name}" did not finish within 5 minutes`);
  }
  const result = JSON.parse(readFileSync(file, 'utf8')) as { code: number; out: string[]; err: string[] } | { error: string };
  if ('error' in result) throw new Error(`the shared build "${name}" failed: ${result.error}`);
  return { ...folders, ...result };
}
