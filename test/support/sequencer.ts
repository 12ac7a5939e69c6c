/**
 * The order test files start in: vitest's own (slowest first, from its results cache), except that
 * - the files of isolated projects (unit-mocks) come first: vitest queues projects by name, and run
 *   last they left one worker idle at the end while the other ran them, a fifth of the unit run;
 * - the files reading the shared builds (test/support/setup-builds.ts, built in the background) come
 *   last, so that the workers run everything else while the builds are printed instead of waiting on them.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Test files that wait for a shared build (await sharedBuild(...)). */
export const SHARED_BUILD_READERS = [
  'test/cli/cli.test.ts',
  'test/cli/send.test.ts',
  'test/cli/stress.test.ts',
  'test/preview/preview-browser.test.ts',
  'test/sample/alibaba-briefing.test.ts',
];

export class SharedBuildsLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const reads = (spec: TestSpecification) => SHARED_BUILD_READERS.includes(relative(spec.project.config.root, spec.moduleId).split('\\').join('/'));
    const isolated = (spec: TestSpecification) => spec.project.config.isolate !== false;
    return [...sorted.filter(isolated), ...sorted.filter((spec) => !isolated(spec) && !reads(spec)), ...sorted.filter((spec) => !isolated(spec) && reads(spec))];
  }
}
