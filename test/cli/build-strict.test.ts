/**
 * build --strict: the findings check --strict fails on (those the canvas does not acknowledge) fail a build too, for a
 * batch run in CI: said as errors, named in the closing line, exit 3; the PDFs are written all the same.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { EXIT } from '../../src/errors.ts';
import { fakePrinter, linkedAnchors, smallPdfPrinter } from '../support/fake-printer.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { tempDir } from '../support/temp.ts';
import type { Printer } from '../../src/pipeline.ts';

const STALE = 'test/fixtures/valid/stale-figures.yaml';

/** `briefing build PATH --out DIR ARGS` in-process in `dir`, printing small PDFs. */
async function build(dir: string, path: string, ...args: string[]) {
  return buildWith(smallPdfPrinter(), dir, path, ...args);
}

/** build(), printing with `printer`. */
async function buildWith(printer: Printer, dir: string, path: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['build', path, '--out', join(dir, 'out'), ...args], { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: dir, printer });
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

  it('names the canvases saved again or deleted while their briefings printed in the closing line, and fails on them (exit 3)', async () => {
    const dir = tempDir();
    const nordwind = readFileSync(NORDWIND, 'utf8');
    for (const name of ['a', 'b', 'c']) writeFileSync(join(dir, `${name}.yaml`), nordwind);
    // As the first briefing prints, a.yaml is saved with another figure and b.yaml is deleted: their PDFs show them as read.
    const editing = () => fakePrinter(({ html, draft }) => {
      if (!draft && existsSync(join(dir, 'b.yaml')) && readFileSync(join(dir, 'a.yaml'), 'utf8') === nordwind) {
        writeFileSync(join(dir, 'a.yaml'), nordwind.replace('name: Nordwind Energi ASA', 'name: Nordwind Energy ASA'));
        rmSync(join(dir, 'b.yaml'), { force: true });
      }
      return { pdf: new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), pages: 3, anchors: linkedAnchors(html, 2), blocked: [] };
    }).printer;
    const plain = await buildWith(editing(), dir, dir);
    expect(plain.code).toBe(EXIT.ok);
    expect(plain.err).toEqual([expect.stringMatching(/^warning: \S*a\.yaml: saved again while its briefings were being printed/), expect.stringMatching(/^warning: \S*b\.yaml: deleted while its briefings were being printed/)]);
    expect(plain.last).toMatch(/^3 briefings written in \d+\.\d s, 2 canvases changed while printing: a\.yaml, b\.yaml \(deleted\)$/);
    // Under --strict they fail the build, their PDFs written all the same, as a canvas's findings do.
    for (const name of ['a', 'b']) writeFileSync(join(dir, `${name}.yaml`), nordwind);
    const strict = await buildWith(editing(), dir, dir, '--strict', '--force');
    expect(strict.code).toBe(EXIT.invalidData);
    expect(strict.err.map((l) => l.split(':')[0])).toEqual(['error', 'error']);
    expect(strict.last).toMatch(/^3 briefings written in \d+\.\d s, 2 canvases changed while printing \(errors under --strict\): a\.yaml, b\.yaml \(deleted\)$/);
    // One briefing, and its canvas changed under it: the line that says so is the last, though its "wrote" line said all else.
    for (const name of ['a', 'b']) writeFileSync(join(dir, `${name}.yaml`), nordwind);
    const one = await buildWith(editing(), dir, join(dir, 'a.yaml'), '--force');
    expect([one.code, one.last]).toEqual([EXIT.ok, expect.stringMatching(/^1 briefing written in \d+\.\d s, 1 canvas changed while printing: a\.yaml$/)]);
  });
});
