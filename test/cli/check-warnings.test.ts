/** `briefing check` on stale figures: warnings on stderr at file:line:col with the rule, exit 0; with --strict, exit 3. */
import { describe, it, expect } from 'vitest';
import { EXIT } from '../../src/errors.ts';
import { runCli } from '../support/cli.ts';

const STALE = 'test/fixtures/valid/stale-figures.yaml';

describe('briefing check with stale figures', () => {
  it('says ok with the number of warnings, each on stderr with its place and rule, and exits 0', async () => {
    const run = await runCli(['check', STALE]);
    expect(run.code).toBe(EXIT.ok);
    expect(run.out).toBe(`ok ${STALE}: 4 metrics, briefings: full, 4 warnings`);
    const lines = run.err.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => /^warning: [^:]+:\d+:\d+: .* \(([a-z-]+)\)$/.exec(l)?.[1])).toEqual(['ended-forecast', 'unused-metric', 'stale-reference', 'stale-reference']);
  });

  it('fails with exit code 3 under --strict, the warnings as errors, and no ok line', async () => {
    const run = await runCli(['check', STALE, 'test/fixtures/valid/nordwind.yaml', '--strict']);
    expect(run.code).toBe(EXIT.invalidData);
    expect(run.out).toBe('ok test/fixtures/valid/nordwind.yaml: 6 metrics, briefings: full');
    expect(run.err.split('\n').filter((l) => l.startsWith('error: '))).toHaveLength(4);
    expect(run.err).toMatch(new RegExp(`^${STALE}: 4 warnings, which --strict counts as errors$`, 'm'));
  });
});
