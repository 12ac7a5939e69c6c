/** What test/support/setup-builds.ts built once for the whole run, as tests receive it with inject('builds'). */

/** One `briefing build` run: its folders, exit code and printed lines. */
export interface SharedBuild {
  /** Holds `in/` and `out/`; removed at the end of the run. */
  root: string;
  /** The output folder (--out). */
  dir: string;
  /** Canvases written for this build. */
  inputs: string;
  code: number;
  out: string[];
  err: string[];
}

export interface SharedBuilds {
  /** `briefing build data`: the sample canvas and its block sets. */
  sample: SharedBuild;
  /** test/fixtures/valid/nordwind.yaml, with --html. */
  nordwind: SharedBuild;
  /** A folder of a-broken.yaml (invalid) and b-nordwind.yaml (the small fixture under another name). */
  mixed: SharedBuild;
  /** nordwind.yaml and nordwind-sets.yaml (the same with a block set "finance"), with --set finance. */
  sets: SharedBuild;
  /** The stress canvas (test/support/stress-canvas.ts) on US Letter. */
  stress: SharedBuild;
}

declare module 'vitest' {
  export interface ProvidedContext {
    builds: SharedBuilds;
  }
}
