/**
 * build --strict: the findings check --strict fails on (those the canvas does not acknowledge) fail a build too, for a
 * batch run in CI: said as errors, named in the closing line, exit 3; the PDFs are written all the same.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { EXIT } from '../../src/errors.ts';
import { smallPdfPrinter } from '../support/fake-printer.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { tempDir } from '../support/temp.ts';

const STALE = 'test/fixtures/valid/stale-figures.yaml';

/** `briefing build PATH --out DIR ARGS` in-process in `dir`, printing small PDFs. */
async function build(dir: string, path: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['build', path, '--out', join(dir, 'out'), ...args], { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: dir, printer: smallPdfPrinter() });
  return { code, out, err, last: out.at(-1) };
}

describe('build --strict', () => {
  it('exits 3 when a canvas has findings, says them as errors and names the canvas last, and writes its PDFs all the same', async () => {
    const dir = tempDir();
    copyFileSync(NORDWIND, join(dir, 'clean.yaml'));
    copyFileSync(STALE, join(dir, 'stale.yaml'));
    const strict = await build(dir, dir, '--strict');
    expect(strict.code).toBe(EXIT.invalidData);
    expect(strict.err.filter((l) => / stale-reference /.test(l))).toEqual([expect.stringMatching(/^stale\.yaml:\d+:\d+ error stale-reference /), expect.stringMatching(/^stale\.yaml:\d+:\d+ error stale-reference /)]);
    expect(strict.last).toMatch(/^2 briefings written in \d+\.\d s, 1 canvas with findings \(errors under --strict\): stale\.yaml$/);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.pdf')).sort()).toEqual(['clean.pdf', 'stale.pdf']);
    // Up to date, the findings are said again from the manifest: the build still fails until they are fixed or acknowledged.
    const again = await build(dir, dir, '--strict');
    expect([again.code, again.last]).toEqual([EXIT.invalidData, '2 briefings up to date, 1 canvas with findings (errors under --strict): stale.yaml']);
    // --quiet says it as it says a failure: the line is why the build failed.
    const quiet = await build(dir, dir, '--strict', '--quiet');
    expect([quiet.code, quiet.out]).toEqual([EXIT.invalidData, ['2 briefings up to date, 1 canvas with findings (errors under --strict): stale.yaml']]);
    // Without --strict: warnings, exit 0, as before.
    const plain = await build(dir, dir);
    expect([plain.code, plain.last]).toEqual([EXIT.ok, '2 briefings up to date, 1 canvas with warnings: stale.yaml']);
    expect(plain.err.filter((l) => / stale-reference /.test(l))).toEqual([expect.stringMatching(/ warning stale-reference /), expect.stringMatching(/ warning stale-reference /)]);
  });

  it('counts what check --strict counts: a canvas whose findings are all acknowledged passes, and one briefing written says its closing line', async () => {
    const dir = tempDir();
    const reasons = [['ended-forecast', 'guidance_q2'], ['unused-metric', 'leftover'], ['stale-reference', 'revenue_q2']].map(([rule, metric]) => `    - rule: ${rule}\n      metrics: [${metric}]\n      reason: Kept on purpose.\n`);
    writeFileSync(join(dir, 'known.yaml'), `${readFileSync(STALE, 'utf8')}  acknowledged:\n${reasons.join('')}`);
    expect(await main(['check', join(dir, 'known.yaml'), '--strict'], { out: () => {}, err: () => {}, env: {}, cwd: dir })).toBe(EXIT.ok);
    const known = await build(dir, join(dir, 'known.yaml'), '--strict');
    expect([known.code, known.out.filter((l) => !l.startsWith('wrote '))]).toEqual([EXIT.ok, []]);
    copyFileSync(STALE, join(dir, 'stale.yaml'));
    const one = await build(dir, join(dir, 'stale.yaml'), '--strict');
    expect([one.code, one.last]).toEqual([EXIT.invalidData, expect.stringMatching(/^1 briefing written in \d+\.\d s, 1 canvas with findings \(errors under --strict\): stale\.yaml$/)]);
  });
});
