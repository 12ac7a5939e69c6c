/**
 * Global setup of the browser tests: builds once what several test files read back, so no
 * file pays for the same build again. The sample canvas is built as a user builds it (one
 * `briefing build data` run); meanwhile the other core builds the small fixture, on A4 with
 * --html and on Letter. Each build's folder is removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { main } from '../../src/cli.ts';
import type { SharedBuild, SharedBuilds } from './shared-builds.ts';

export const NORDWIND = 'test/fixtures/valid/nordwind.yaml';

async function build(name: string, args: string[]): Promise<SharedBuild> {
  const dir = mkdtempSync(join(tmpdir(), `shared-${name}-`));
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: process.env, cwd: process.cwd() };
  const code = await main(['build', ...args, '--out', dir], io);
  return { dir, code, out, err };
}

export async function setup(project: TestProject): Promise<() => void> {
  const [sample, nordwind, letter] = await Promise.all([
    build('sample', ['data']),
    build('nordwind', [NORDWIND, '--html']),
    build('letter', [NORDWIND, '--page-size', 'letter']),
  ]);
  const builds: SharedBuilds = { sample, nordwind, letter };
  project.provide('builds', builds);
  return () => {
    for (const b of Object.values(builds)) rmSync(b.dir, { recursive: true, force: true, maxRetries: 3 });
  };
}
