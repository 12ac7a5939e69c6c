/** What test/support/setup-builds.ts built once for the whole run, as tests receive it with inject('builds'). */

/** One `briefing build` run: its output folder, exit code and printed lines. */
export interface SharedBuild {
  dir: string;
  code: number;
  out: string[];
  err: string[];
}

export interface SharedBuilds {
  /** `briefing build data`: the sample canvas and its block sets. */
  sample: SharedBuild;
  /** test/fixtures/valid/nordwind.yaml with --html. */
  nordwind: SharedBuild;
  /** The same again, without --html, into a folder of its own: equal input must give equal bytes. */
  again: SharedBuild;
  /** The same on US Letter. */
  letter: SharedBuild;
  /** The stress canvas (test/support/stress-canvas.ts), written into the build's folder as stress.yaml. */
  stress: SharedBuild;
}

declare module 'vitest' {
  export interface ProvidedContext {
    builds: SharedBuilds;
  }
}
