/**
 * An output folder that cannot take files (a read-only file system, a full disk), which a test cannot
 * make for real without mounting one: node:fs/promises answers EROFS or ENOSPC for it instead, as the
 * kernel would. Whether it is so at the start or turns so mid-build, the build fails with exit code 7,
 * naming the briefing and the cause, and the PDFs already in place stay; a lock it cannot remove is one more
 * such failure, said with the others.
 */
import { describe, expect, it, vi } from 'vitest';
import { copyFileSync, mkdirSync, promises as fsPromises, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBriefings, MANIFEST_FILE, type BuildEvent } from '../../src/pipeline.ts';
import { main } from '../../src/cli/main.ts';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { fakePrinter, linkedAnchors } from '../support/fake-printer.ts';
import { failingFolders, type FolderFault } from '../support/failing-folders.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { tempDir } from '../support/temp.ts';

/** Folders that fail as if read-only (EROFS) or full (ENOSPC), with the code (test/support/failing-folders.ts). */
const broken = failingFolders();

const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

/** A printer whose `turnsBrokenAfter`th print (not draft) makes `out` fail with `code`, as it returns. */
function breakingPrinter(out: string, turnsBrokenAfter: number | undefined, code: FolderFault) {
  let prints = 0;
  return fakePrinter(({ html, draft }) => {
    if (!draft && ++prints === turnsBrokenAfter) broken.set(out, code);
    return { pdf: PDF, pages: 9, anchors: linkedAnchors(html, 3), blocked: [] };
  });
}

async function build(canvases: string[], out: string, turnsBrokenAfter?: number, code: FolderFault = 'EROFS', jobs = 1) {
  const { printer, printed } = breakingPrinter(out, turnsBrokenAfter, code);
  const events: BuildEvent[] = [];
  await buildBriefings(canvases, { outDir: out, pageSize: 'A4', html: false, timeoutMs: 10_000, jobs }, printer, (e) => events.push(e));
  return Object.assign(events, { prints: printed.filter((p) => !p.draft).length });
}

/** `briefing build ARGS` in-process, printing with a printer that breaks `out` as build() does. */
async function cli(args: string[], out: string, turnsBrokenAfter?: number, code: FolderFault = 'EROFS') {
  const { printer, printed } = breakingPrinter(out, turnsBrokenAfter, code);
  const lines = { out: [] as string[], err: [] as string[] };
  const exit = await main(['build', ...args, '--out', out, '--jobs', '1'], { out: (l) => lines.out.push(l), err: (l) => lines.err.push(l), env: {}, cwd: process.cwd(), printer });
  return { code: exit, out: lines.out.join('\n'), err: lines.err.join('\n'), prints: printed.filter((p) => !p.draft).length };
}

/** Canvases a.yaml, b.yaml, ... (copies of the small fixture) in a new folder, and its output folder holding a previous PDF of each. */
function canvases(names: string[]) {
  const dir = tempDir();
  const out = join(dir, 'out');
  mkdirSync(out);
  const previous = (name: string) => Buffer.from(`%PDF-1.4\n% the previous ${name}\n%%EOF\n`);
  for (const name of names) {
    copyFileSync(NORDWIND, join(dir, `${name}.yaml`));
    writeFileSync(join(out, `${name}.pdf`), previous(name));
  }
  return { dir, out, files: names.map((n) => join(dir, `${n}.yaml`)), previous };
}

describe('an output folder that cannot take files', () => {
  it('fails with exit code 7 when it is read-only from the start, and prints nothing', async () => {
    const out = join(tempDir(), 'out');
    mkdirSync(out);
    broken.set(out, 'EROFS');
    await expect(build([NORDWIND], out)).rejects.toMatchObject({ exitCode: EXIT.output, message: expect.stringMatching(/^cannot .*EROFS: read-only file system/) });
  });

  for (const code of ['EROFS', 'ENOSPC'] as const) {
    it(`fails the briefings not yet written with exit code 7 when it turns ${code === 'EROFS' ? 'read-only' : 'full'} mid-build, and keeps the PDF in place`, async () => {
      const { dir, out, files, previous } = canvases(['a', 'b']);
      // The folder breaks as b's final print returns: a was written, b cannot be.
      const events = await build(files, out, 2, code);
      expect(events.filter((e) => e.kind === 'built').map((e) => e.name)).toEqual(['a']);
      const failed = events.filter((e) => e.kind === 'failed');
      expect(failed[0]).toMatchObject({ name: 'b', error: { exitCode: EXIT.output, message: expect.stringContaining(`${code}: `) } });
      expect(failed[0].kind === 'failed' && failed[0].error.message).toMatch(new RegExp(`^${join(dir, 'b.yaml')}: cannot write`));
      broken.clear();
      expect(readFileSync(join(out, 'b.pdf')).equals(previous('b'))).toBe(true);
      expect(readFileSync(join(out, 'a.pdf'))).toEqual(Buffer.from(PDF));
      expect(readdirSync(out).filter((f) => f.endsWith('.partial'))).toEqual([]);
      if (code === 'ENOSPC') expect(failed).toHaveLength(1);
    });
  }

  it('says a lock it cannot remove once the folder turned read-only as a failure to write (exit 7), with the closing line, not as an internal error', async () => {
    const { out, files } = canvases(['a', 'b']);
    const run = await cli(files, out, 2, 'EROFS');
    broken.clear();
    expect(run.err).not.toMatch(/internal error|\n\s+at /);
    expect(run.code).toBe(EXIT.output);
    const lock = join(out, '.briefing.lock');
    expect(run.err).toContain(`error: cannot remove the lock ${lock} at the end of this build: EROFS: read-only file system, unlink '${lock}'. It is left in place; the next build or send takes it over, as the process it names (${process.pid}) will have ended. The folder takes no more files (it is on a read-only file system): remount it read-write before the next run.`);
    // The lock is no briefing: said apart from b, not counted with it.
    expect(run.out.split('\n').at(-1)).toMatch(/^1 briefing written, 1 failed in \S+ s: \S*b\.yaml \(cannot write\); \S*out\/\.briefing\.lock not removed$/);
    // Left as said, naming this process: a run of another process takes it over (send.test.ts, write-faults.test.ts), this one's would not.
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid} build\n`);
    rmSync(lock);
  });

  it('counts only briefings as failed when the folder turns read-only mid-build: its manifest and lock are said apart (exit 7)', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const { out, files } = canvases(names);
    expect((await cli(files, out)).code).toBe(EXIT.ok);
    // Each canvas saved again (a comment): the manifest has to record it, and --force prints every briefing again.
    for (const file of files) writeFileSync(file, `${readFileSync(file, 'utf8')}\n# saved again\n`);
    const run = await cli([...files, '--force'], out, 1, 'EROFS');
    broken.clear();
    rmSync(join(out, '.briefing.lock'), { force: true });
    expect(run.code).toBe(EXIT.output);
    expect(run.err).toContain(`error: cannot write ${join(out, MANIFEST_FILE)}: EROFS`);
    expect(run.err).toContain(`error: cannot remove the lock ${join(out, '.briefing.lock')}`);
    // 1 + 6 = the 7 briefings of the build, the folder's two files after the briefings' names, not among them.
    const last = run.out.split('\n').at(-1)!;
    expect(last).toMatch(/^0 briefings written, 1 failed, 6 not built \(the output folder takes no more files\): \S*a\.yaml \(cannot write\); \S*out\/\.briefing-manifest\.json not saved, \S*out\/\.briefing\.lock not removed$/);
  });

  it('counts only briefings in send\'s closing line: a manifest it cannot save is said apart, not as a briefing not built (exit 7)', async () => {
    const { dir, out, files } = canvases(['a', 'b']);
    const config = join(dir, 'briefing.config.yaml');
    writeFileSync(config, 'mail:\n  from: ir@example.com\nlists:\n  board:\n    to: [board@example.com]\nsend:\n  - briefing: a\n    lists: [board]\n');
    expect((await cli(files, out)).code).toBe(EXIT.ok);
    // b's canvas is gone: its PDF goes, and the manifest must say so, on a disk full since the build.
    rmSync(files[1]);
    const manifest = join(out, MANIFEST_FILE);
    broken.set(manifest, 'ENOSPC');
    const lines = { out: [] as string[], err: [] as string[] };
    const code = await main(['send', files[0], '--out', out, '--config', config, '--jobs', '1', '--outbox'], { out: (l) => lines.out.push(l), err: (l) => lines.err.push(l), env: {}, cwd: dir, printer: fakePrinter(({ html }) => ({ pdf: PDF, pages: 9, anchors: linkedAnchors(html, 3), blocked: [] })).printer });
    broken.clear();
    expect(code).toBe(EXIT.output);
    expect(lines.err.join('\n')).toContain(`error: cannot write ${manifest}: ENOSPC`);
    // a went; the manifest is no briefing: not "1 failed: out/.briefing-manifest.json (not built)", but said after what went.
    expect(lines.out.at(-1)).toMatch(/^1 message written to the outbox for 1 recipient; \S*out\/\.briefing-manifest\.json not saved$/);
  });

  it('says why send stopped, not only that its lock could not be removed, when the folder turns read-only as it sends', async () => {
    const { dir, out, files } = canvases(['nordwind']);
    const config = join(dir, 'briefing.config.yaml');
    writeFileSync(config, 'mail:\n  from: ir@example.com\nlists:\n  board:\n    to: [board@example.com]\nsend:\n  - briefing: nordwind\n    lists: [board]\n');
    // The PDF is written; then the outbox (no SMTP server: messages go there) and the lock refuse, as a folder gone read-only.
    const printer = fakePrinter(({ html, draft }) => {
      if (!draft) for (const at of [join(out, 'outbox'), join(out, '.briefing.lock')]) broken.set(at, 'EROFS');
      return { pdf: PDF, pages: 9, anchors: linkedAnchors(html, 3), blocked: [] };
    }).printer;
    const lines: string[] = [];
    const code = await main(['send', ...files, '--out', out, '--config', config, '--jobs', '1', '--outbox'], { out: (l) => lines.push(l), err: (l) => lines.push(l), env: {}, cwd: dir, printer });
    broken.clear();
    rmSync(join(out, '.briefing.lock'), { force: true });
    // The outbox's failure is said (it was an internal error with a stack), not replaced by the lock's that followed it.
    const said = lines.join('\n');
    expect(said).not.toMatch(/internal error|\n\s+at |cannot remove the lock/);
    expect(said).toMatch(new RegExp(`\\nerror: cannot write ${join(out, 'outbox', 'board')}/\\S+\\.eml: EROFS: read-only file system, mkdir`));
    expect(code).toBe(EXIT.output);
  });

  it('says the closing line when the manifest cannot be written at the end, with the failure to write it (exit 7)', async () => {
    const { out, files } = canvases(['a', 'b']);
    expect((await cli(files, out)).code).toBe(EXIT.ok);
    // b's canvas is gone: its PDF goes, and the manifest must say so, on a disk full since the first build.
    rmSync(files[1]);
    const manifest = join(out, MANIFEST_FILE);
    const before = readFileSync(manifest, 'utf8');
    broken.set(manifest, 'ENOSPC');
    const run = await cli([files[0]], out);
    broken.clear();
    expect(run.code).toBe(EXIT.output);
    expect(run.out).toMatch(/^removed \S+b\.pdf: its briefing no longer exists$/m);
    expect(run.err).toMatch(new RegExp(`^error: cannot write ${manifest}: ENOSPC: no space left on device, write '${manifest}\\.[0-9a-f]{12}\\.partial'; the PDFs written are in place, but what this build did is not on record there \\(the next build prints again a briefing not on record\\)$`, 'm'));
    expect(run.out.split('\n').at(-1)).toMatch(/^0 briefings written, 1 up to date; \S+\.briefing-manifest\.json not saved$/);
    expect(readFileSync(manifest, 'utf8')).toBe(before);
    expect(readdirSync(out).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('tries each briefing\'s save of the manifest again: one that failed (the disk full for a moment) does not fail the next one untried', async ({ onTestFinished }) => {
    const { out, files } = canvases(['a', 'b']);
    const manifest = join(out, MANIFEST_FILE);
    // Full for the first save of the manifest, and not after it (a temporary file removed, space freed).
    broken.set(manifest, 'ENOSPC');
    const writeFile = vi.mocked(fsPromises.writeFile);
    const fake = writeFile.getMockImplementation()!;
    onTestFinished(() => void writeFile.mockImplementation(fake));
    writeFile.mockImplementation(async (...args) => {
      try {
        return await fake(...args);
      } finally {
        if (String(args[0]).startsWith(manifest)) broken.clear();
      }
    });
    // Two at once: the second is printing as the first one's save fails.
    const events = await build(files, out, undefined, 'ENOSPC', 2);
    expect(events.prints).toBe(2);
    const failed = events.filter((e) => e.kind === 'failed');
    expect(failed).toMatchObject([{ error: { exitCode: EXIT.output, message: expect.stringMatching(/cannot write \S+: ENOSPC: .*; its new [ab]\.pdf is in place, but may not be on record there/) } }]);
    const built = events.filter((e) => e.kind === 'built');
    expect(built).toHaveLength(1);
    // The second save recorded the first briefing too: the next build finds both up to date.
    expect(Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).briefings).sort()).toEqual(['a', 'b']);
  });

  for (const code of ['ENOSPC', 'EDQUOT', 'EROFS'] as const) {
    it(`stops printing once the folder takes no more files (${code}): says why once, keeps every previous PDF, counts the rest as not built`, async () => {
      const { out, files, previous } = canvases(['a', 'b', 'c', 'd', 'e']);
      const events = await build(files, out, 2, code);
      broken.clear();
      // c, d and e were printed, only for each to fail as b did (200 of them, 81 s, in a user trial).
      expect(events.prints).toBe(2);
      // (and, read-only, the lock it cannot remove: named by its file, not a briefing)
      const outcomes = events.flatMap((e) => (e.kind === 'built' || (e.kind === 'failed' && e.name !== undefined) ? [e] : []));
      expect(outcomes.map((o) => [o.name, o.kind, o.kind === 'failed' && o.notBuilt === true])).toEqual([['a', 'built', false], ['b', 'failed', false], ...['c', 'd', 'e'].map((n) => [n, 'failed', true])]);
      const fix = { ENOSPC: 'free space on that disk', EDQUOT: 'free space within your quota', EROFS: 'remount it read-write' }[code];
      expect(outcomes[1]).toMatchObject({ error: { exitCode: EXIT.output, message: expect.stringMatching(new RegExp(`: ${code}: .*\\. The output folder ${out} takes no more files \\(.+\\): no briefing is printed after this one, and those not written keep their previous PDFs\\. To build them, ${fix} \\(or give another --out\\) and build again\\.$`)) } });
      expect(outcomes[1].kind === 'failed' && outcomes[1].error.message).not.toContain('.. '); // a cause's own full stop is not doubled
      for (const o of outcomes.slice(2)) expect(o).toMatchObject({ error: { exitCode: EXIT.output, message: expect.stringMatching(new RegExp(`\\w\\.yaml: not built: the output folder ${out} takes no more files \\(${code}; see the error above\\)$`)) } });
      for (const name of ['b', 'c', 'd', 'e']) expect(readFileSync(join(out, `${name}.pdf`)).equals(previous(name)), name).toBe(true);
      expect(readFileSync(join(out, 'a.pdf'))).toEqual(Buffer.from(PDF));
      expect(readdirSync(out).filter((f) => f.endsWith('.partial'))).toEqual([]);
    });
  }

  it('lets the briefings printing as the folder fills finish, and counts those it cannot take as not built, with one error', async () => {
    const { out, files } = canvases(['a', 'b', 'c', 'd']);
    // Two at once: both print as the folder fills; neither can be written.
    const events = await build(files, out, 1, 'ENOSPC', 2);
    broken.clear();
    expect(events.prints).toBe(2);
    const failed = events.filter((e) => e.kind === 'failed');
    expect(failed.map((o) => o.name).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(failed.filter((o) => !o.notBuilt)).toMatchObject([{ error: { message: expect.stringContaining('no briefing is printed after this one') } }]);
  });

  it('counts the briefings not begun after the folder filled as not built for that, though a briefing printing meanwhile found no browser', async () => {
    const { out, files } = canvases(['a', 'b', 'c', 'd', 'e']);
    // Two at once: the first to print fills the folder as it is written; the other, asked a moment later, finds no browser (gone mid-build).
    const page = (html: string) => ({ pdf: PDF, pages: 9, anchors: linkedAnchors(html, 3), blocked: [] });
    const { printer } = fakePrinter(({ html, draft }) => {
      if (broken.has(out)) throw new BriefingError('no browser found', EXIT.browserNotFound);
      if (!draft) broken.set(out, 'ENOSPC');
      return page(html);
    });
    // (said after the folder's failure is: not after a pause, which a loaded machine outlasted, the folder's failure
    // then coming second and the briefings not begun counted as not built for want of a browser)
    let folderFailed = () => {};
    const folderFailure = new Promise<void>((resolve) => (folderFailed = resolve));
    const later = <T>(asked: Promise<T>) => asked.catch(async (error: unknown) => {
      await folderFailure;
      throw error;
    });
    const slowed: typeof printer = { ...printer, print: (html, job) => later(printer.print(html, job)), draft: (html, job) => later(printer.draft(html, job)) };
    const events: BuildEvent[] = [];
    await buildBriefings(files, { outDir: out, pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 2 }, slowed, (e) => {
      events.push(e);
      if (e.kind === 'failed' && e.error.exitCode === EXIT.output && !e.notBuilt) folderFailed();
    });
    broken.clear();
    const failed = events.flatMap((e) => (e.kind === 'failed' && e.name !== undefined ? [e] : []));
    expect(failed.filter((o) => !o.notBuilt).map((o) => o.error.exitCode).sort()).toEqual([EXIT.browserNotFound, EXIT.output]);
    expect(failed.filter((o) => o.notBuilt).map((o) => [o.name, o.error.exitCode, o.error.message.includes('takes no more files')])).toEqual(['c', 'd', 'e'].map((n) => [n, EXIT.output, true]));
  });

  it('says the stop once on the command line, and the closing line counts what was not built', async () => {
    const { out, files } = canvases(['a', 'b', 'c', 'd', 'e']);
    const run = await cli(files, out, 2, 'ENOSPC');
    broken.clear();
    expect(run.code).toBe(EXIT.output);
    expect(run.prints).toBe(2);
    expect(run.err.split('\n').filter((l) => l.startsWith('error: '))).toEqual([expect.stringMatching(/b\.yaml: cannot write b to .*: ENOSPC: .* no briefing is printed after this one/)]);
    expect(run.out.split('\n').at(-1)).toMatch(/^1 briefing written, 1 failed, 3 not built \(the output folder takes no more files\) in \S+ s: \S*b\.yaml \(cannot write\)$/);
  });

  it('exits 7 when the folder fills, though a broken canvas failed first (3): a nightly job checking for 7 learns of it', async () => {
    const { dir, out, files } = canvases(['a', 'b']);
    const bad = join(dir, '0-bad.yaml');
    copyFileSync('test/fixtures/invalid/broken-types.yaml', bad);
    const run = await cli([bad, ...files], out, 1, 'ENOSPC');
    broken.clear();
    expect(run.err).toMatch(/0-bad\.yaml/);
    expect(run.code).toBe(EXIT.output);
  });
});
