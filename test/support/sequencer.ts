/**
 * The order test files start in: vitest's own (slowest first, from its results cache), except that the files
 * reading the shared builds (test/support/setup-builds.ts, built in the background) come last, so that the
 * workers run everything else while the builds are printed instead of waiting on them.
 * It also asks for the shared builds the run's files read, as soon as it knows them: a run without
 * those files (one test file, the unit tests) prints none of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { buildsReadBy, requestBuild, SHARED_BUILDS_ENV, sharedBuildFolders } from './shared-builds.ts';

export class SharedBuildsLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const base = process.env[SHARED_BUILDS_ENV];
    const read = new Map(sorted.map((spec) => [spec, existsSync(spec.moduleId) ? buildsReadBy(readFileSync(spec.moduleId, 'utf8')) : []]));
    // Set by the browser project's global setup in this process; absent (or left over from elsewhere) in a run without it.
    if (base !== undefined && existsSync(base)) for (const name of new Set([...read.values()].flat())) requestBuild(sharedBuildFolders(base, name));
    const reads = (spec: TestSpecification) => read.get(spec)!.length > 0;
    return [...sorted.filter((spec) => !reads(spec)), ...sorted.filter(reads)];
  }
}
