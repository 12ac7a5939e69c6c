/**
 * Global setup of the browser tests: builds once what several test files read back, so no
 * file pays for the same build again. The sample canvas is built as a user builds it (one
 * `briefing build data` run), which keeps about one core busy; alongside it, one after the
 * other, the small fixture (A4 with --html, again into another folder, and on Letter) and
 * the stress canvas. Each build's folder is removed when the run ends.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { TestProject } from 'vitest/node';
import { main } from '../../src/cli.ts';
import type { SharedBuild, SharedBuilds } from './shared-builds.ts';
import { stressCanvas } from './stress-canvas.ts';

export const NORDWIND = 'test/fixtures/valid/nordwind.yaml';

async function build(name: string, args: string[], dir = mkdtempSync(join(tmpdir(), `shared-${name}-`))): Promise<SharedBuild> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: process.env, cwd: process.cwd() };
  const code = await main(['build', ...args, '--out', dir], io);
  return { dir, code, out, err };
}

/** The stress canvas, written out as YAML into its build folder, then built. */
async function stressBuild(): Promise<SharedBuild> {
  const dir = mkdtempSync(join(tmpdir(), 'shared-stress-'));
  writeFileSync(join(dir, 'stress.yaml'), stringify(stressCanvas()));
  return build('stress', [join(dir, 'stress.yaml')], dir);
}

export async function setup(project: TestProject): Promise<() => void> {
  // Side by side: a build waits on its browser much of the time, so one build alone leaves a core idle.
  const [sample, nordwind, again, letter, stress] = await Promise.all([
    build('sample', ['data']),
    build('nordwind', [NORDWIND, '--html']),
    build('again', [NORDWIND]),
    build('letter', [NORDWIND, '--page-size', 'letter']),
    stressBuild(),
  ]);
  const builds: SharedBuilds = { sample, nordwind, again, letter, stress };
  project.provide('builds', builds);
  return () => {
    for (const b of Object.values(builds)) rmSync(b.dir, { recursive: true, force: true, maxRetries: 3 });
  };
}
