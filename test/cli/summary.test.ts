/**
 * The closing line of a build with failures: each failed canvas or briefing named again, with what happened, as a long
 * build's errors have scrolled far up; the exit code is the first failure's, or 7 when the output folder could not be
 * written. It is on stdout, failures or not: a script reads one stream for it.
 */
import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/cli/build.ts';
import { BriefingError, EXIT } from '../../src/errors.ts';
import type { BriefingOutcome } from '../../src/pipeline.ts';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { smallPdfPrinter } from '../support/fake-printer.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { tempDir } from '../support/temp.ts';

const built = (name: string): BriefingOutcome => ({ kind: 'built', canvas: `data/${name}.yaml`, name, pdf: `output/${name}.pdf`, pages: 4, edition: 'abcd1234', ms: 1200, warnings: [] });
const failed = (canvas: string, code: BriefingError['exitCode'], name?: string, kind?: string): BriefingOutcome => ({
  kind: 'failed', canvas, name, ...(name === undefined ? {} : { set: name.split('--')[1] ?? 'full' }), ms: 10, error: new BriefingError('what went wrong', code, kind === undefined ? {} : { kind }),
});

function closingLine(outcomes: BriefingOutcome[], warned: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const code = summarise(outcomes, { output: 'normal' }, { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: '/work' }, 65_000, warned);
  return { code, out, err };
}

describe('the closing line of a build', () => {
  it('names each failure with its kind, once per canvas or briefing, and exits with the first one\'s code', () => {
    const result = closingLine([
      built('alpha'),
      failed('/work/data/bad.yaml', EXIT.invalidData),
      built('beta'),
      failed('/work/data/gamma.yaml', EXIT.render, 'gamma--finance'),
      failed('/work/data/gamma.yaml', EXIT.template, 'gamma'),
      failed('/work/data/bad.yaml', EXIT.invalidData),
    ]);
    expect(result).toEqual({
      code: EXIT.invalidData,
      out: ['2 briefings written, 4 failed in 1 min 05 s: data/bad.yaml (invalid data), data/gamma.yaml (finance: render failure), data/gamma.yaml (full briefing: template error)'],
      err: [],
    });
  });

  it('exits 7 when the output folder could not be written, whatever failed before: a job checking for 7 must learn of a full disk', () => {
    const result = closingLine([
      failed('/work/data/bad.yaml', EXIT.invalidData),
      failed('/work/data/gamma.yaml', EXIT.render, 'gamma--finance'),
      built('alpha'),
      failed('/work/data/gamma.yaml', EXIT.output, 'gamma'),
      { kind: 'failed', canvas: '/work/data/delta.yaml', name: 'delta', ms: 0, error: new BriefingError('not built', EXIT.output), notBuilt: true },
    ]);
    expect(result).toEqual({
      code: EXIT.output,
      out: ['1 briefing written, 3 failed, 1 not built (the output folder takes no more files) in 1 min 05 s: data/bad.yaml (invalid data), data/gamma.yaml (finance: render failure), data/gamma.yaml (full briefing: cannot write)'],
      err: [],
    });
  });

  it('counts the briefings no browser could print as not built, for that reason, naming the one whose error said so', () => {
    const unprinted = (name: string): BriefingOutcome => ({ kind: 'failed', canvas: `/work/data/${name}.yaml`, name, ms: 0, error: new BriefingError('not built', EXIT.browserNotFound), notBuilt: true });
    expect(closingLine([failed('/work/data/alpha.yaml', EXIT.browserNotFound, 'alpha'), unprinted('beta'), unprinted('gamma')])).toEqual({
      code: EXIT.browserNotFound,
      out: ['0 briefings written, 1 failed, 2 not built (no browser): data/alpha.yaml (no browser)'],
      err: [],
    });
  });

  it('names the failure of a build of one canvas too: its error may have scrolled up (a canvas\'s problems, an earlier version\'s), and the last line is what a log shows', () => {
    expect(closingLine([failed('/work/data/sahyadri.yaml', EXIT.invalidData)])).toEqual({ code: EXIT.invalidData, out: ['0 briefings written, 1 failed: data/sahyadri.yaml (invalid data)'], err: [] });
    expect(closingLine([failed('/work/data/sahyadri.yaml', EXIT.render, 'sahyadri')]).out).toEqual(['0 briefings written, 1 failed: data/sahyadri.yaml (render failure)']);
    // Up to date but for one: the same.
    expect(closingLine([failed('/work/data/bad.yaml', EXIT.usage), { kind: 'current', canvas: 'data/ok.yaml', name: 'ok' } as BriefingOutcome]).out).toEqual(['0 briefings written, 1 up to date, 1 failed: data/bad.yaml (usage error)']);
  });

  it('does not call a briefing a queue\'s worker refused "queue unreachable": Redis answered (edited while queued, a job of another version)', () => {
    expect(closingLine([failed('/work/data/eta.yaml', EXIT.queue, 'eta')]).out).toEqual(['0 briefings written, 1 failed: data/eta.yaml (queue failure)']);
  });

  it('says what happened where the exit code\'s class would not (a timeout is no render failure), naming the set only of a canvas with other briefings here, or of a block set', () => {
    const result = closingLine([
      failed('/work/data/alpha.yaml', EXIT.render, 'alpha', 'no worker took it within --max-wait'),
      failed('/work/data/beta.yaml', EXIT.render, 'beta', 'printing timed out'),
      built('beta--cloud'),
      failed('/work/data/gamma.yaml', EXIT.render, 'gamma--finance', 'the browser crashed while printing'),
    ]);
    // built('beta--cloud') is of data/beta--cloud.yaml, another canvas: beta's full briefing is its canvas's only one here.
    expect(result).toEqual({
      code: EXIT.render,
      out: ['1 briefing written, 3 failed in 1 min 05 s: data/alpha.yaml (no worker took it within --max-wait), data/beta.yaml (printing timed out), data/gamma.yaml (finance: the browser crashed while printing)'],
      err: [],
    });
    const sameCanvas: BriefingOutcome = { kind: 'current', canvas: '/work/data/beta.yaml', name: 'beta--cloud', pdf: 'output/beta--cloud.pdf', pages: 4, edition: 'abcd1234' };
    expect(closingLine([failed('/work/data/beta.yaml', EXIT.render, 'beta', 'printing timed out'), sameCanvas]).out).toEqual(['0 briefings written, 1 up to date, 1 failed: data/beta.yaml (full briefing: printing timed out)']);
  });

  it('names five, then says how many more', () => {
    const result = closingLine(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => failed(`/work/data/${n}.yaml`, EXIT.template, n)));
    expect(result.out).toEqual(['0 briefings written, 7 failed: data/a.yaml (template error), data/b.yaml (template error), data/c.yaml (template error), data/d.yaml (template error), data/e.yaml (template error) and 2 more']);
    expect(result.code).toBe(EXIT.template);
  });
});

describe('the canvases with warnings, in the closing line', () => {
  const current = (name: string): BriefingOutcome => ({ kind: 'current', canvas: `/work/data/${name}.yaml`, name, pdf: `output/${name}.pdf`, pages: 4, edition: 'abcd1234' });

  it('are counted and named after what was written, up to date or failed, five and how many more; warnings leave the exit code alone', () => {
    expect(closingLine([built('alpha'), built('beta')], ['/work/data/beta.yaml'])).toEqual({ code: EXIT.ok, out: ['2 briefings written in 1 min 05 s, 1 canvas with warnings: data/beta.yaml'], err: [] });
    expect(closingLine([current('alpha'), current('beta')], ['/work/data/alpha.yaml', '/work/data/beta.yaml']).out).toEqual(['2 briefings up to date, 2 canvases with warnings: data/alpha.yaml, data/beta.yaml']);
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => `/work/data/${n}.yaml`);
    expect(closingLine([built('alpha'), current('beta')], many).out).toEqual(['1 briefing written, 1 up to date in 1 min 05 s, 7 canvases with warnings: data/a.yaml, data/b.yaml, data/c.yaml, data/d.yaml, data/e.yaml and 2 more']);
    // After the failures' names, set apart from them.
    expect(closingLine([built('alpha'), failed('/work/data/bad.yaml', EXIT.invalidData)], ['/work/data/alpha.yaml'])).toEqual({
      code: EXIT.invalidData, out: ['1 briefing written, 1 failed in 1 min 05 s: data/bad.yaml (invalid data); 1 canvas with warnings: data/alpha.yaml'], err: [],
    });
    // None: the line as it was.
    expect(closingLine([built('alpha'), built('beta')]).out).toEqual(['2 briefings written in 1 min 05 s']);
  });

  it('name, in a real build, the canvas whose findings were said, and again when it is up to date; not one whose findings are all acknowledged', async () => {
    const dir = tempDir();
    copyFileSync(NORDWIND, join(dir, 'clean.yaml'));
    copyFileSync('test/fixtures/valid/stale-figures.yaml', join(dir, 'stale.yaml'));
    // Its every finding acknowledged: notes, which count for nothing.
    const reasons = [['ended-forecast', 'guidance_q2'], ['unused-metric', 'leftover'], ['stale-reference', 'revenue_q2']].map(([rule, metric]) => `    - rule: ${rule}\n      metrics: [${metric}]\n      reason: Kept on purpose.\n`);
    writeFileSync(join(dir, 'known.yaml'), `${readFileSync('test/fixtures/valid/stale-figures.yaml', 'utf8')}  acknowledged:\n${reasons.join('')}`);
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['build', dir, '--out', join(dir, 'out'), ...args], { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: dir, printer: smallPdfPrinter() });
      return { code, last: out.at(-1), err };
    };
    const first = await run();
    expect(first.err).toContainEqual(expect.stringMatching(/stale\.yaml:\d+:\d+ warning stale-reference /));
    expect([first.code, first.last]).toEqual([EXIT.ok, expect.stringMatching(/^\d+ briefings written in \d+\.\d s, 1 canvas with warnings: stale\.yaml$/)]);
    const again = await run();
    expect([again.code, again.last]).toEqual([EXIT.ok, expect.stringMatching(/^\d+ briefings up to date, 1 canvas with warnings: stale\.yaml$/)]);
    // --quiet keeps its promise: no closing line when nothing failed.
    expect((await run('--quiet')).last).toBeUndefined();
  });
});

describe('the stream of the closing line', () => {
  /** `briefing build ARGS` in-process in `dir`, printing small PDFs. */
  async function build(dir: string, args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['build', ...args.map((a) => join(dir, a)), '--out', join(dir, 'out')], { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: dir, printer: smallPdfPrinter() });
    return { code, out, err };
  }
  const closing = (lines: string[]) => lines.filter((l) => /^\d+ briefings? (written|up to date)/.test(l));

  it('is stdout whether something failed or not, the failures\' own errors on stderr: a script reads one stream for it', async () => {
    const dir = tempDir();
    for (const name of ['a', 'b']) copyFileSync(NORDWIND, join(dir, `${name}.yaml`));
    writeFileSync(join(dir, 'bad.yaml'), 'company: [unclosed\n');
    const failed = await build(dir, ['a.yaml', 'b.yaml', 'bad.yaml']);
    expect(failed.code).toBe(EXIT.invalidData);
    expect(closing(failed.out)).toEqual([expect.stringMatching(/^2 briefings written, 1 failed in \d+\.\d s: bad\.yaml \(invalid data\)$/)]);
    expect(closing(failed.err)).toEqual([]);
    expect(failed.err.filter((l) => l.startsWith('error: '))).toEqual([expect.stringMatching(/^error: \S*bad\.yaml:1:10: /)]);
    const current = await build(dir, ['a.yaml', 'b.yaml']);
    expect([current.code, closing(current.out), closing(current.err)]).toEqual([EXIT.ok, ['2 briefings up to date'], []]);
  });
});
