/**
 * The order test files start in: vitest's own (slowest first, from its results cache; a clean clone, as CI's, has
 * none, and vitest starts the largest first), except that the files that spend most of their time waiting (WAITING)
 * come first, whatever the cache says, so that their waits overlap the other files' work instead of ending the run,
 * and the files reading the shared builds (test/support/setup-builds.ts, built in the background) come last, so that
 * the workers run everything else while the builds are printed instead of waiting on them.
 * It also asks for the shared builds the run's files read, as soon as it knows them: a run without
 * those files (one test file, the unit tests) prints none of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { buildsReadBy, requestBuild, SHARED_BUILDS_ENV, sharedBuildFolders } from './shared-builds.ts';

/**
 * Files that wait on real processes, Redis and timers for most of their time: a worker's lock lapsing, a retry's
 * pause, a browser started and killed. The queue's alone waits half a minute.
 */
const WAITING = ['test/queue/queue.test.ts', 'test/queue/retries.test.ts'];

export class SharedBuildsLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const base = process.env[SHARED_BUILDS_ENV];
    const read = new Map(sorted.map((spec) => [spec, existsSync(spec.moduleId) ? buildsReadBy(readFileSync(spec.moduleId, 'utf8')) : []]));
    // Set by the browser project's global setup in this process; absent (or left over from elsewhere) in a run without it.
    if (base !== undefined && existsSync(base)) for (const name of new Set([...read.values()].flat())) requestBuild(sharedBuildFolders(base, name));
    const reads = (spec: TestSpecification) => read.get(spec)!.length > 0;
    const waits = (spec: TestSpecification) => WAITING.some((file) => spec.moduleId.endsWith(`/${file}`));
    return [...sorted.filter(waits), ...sorted.filter((spec) => !waits(spec) && !reads(spec)), ...sorted.filter((spec) => !waits(spec) && reads(spec))];
  }
}
