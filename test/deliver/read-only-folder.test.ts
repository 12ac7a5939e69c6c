/**
 * An output folder that cannot take files (a read-only file system, a full disk), which a test cannot
 * make for real without mounting one: node:fs/promises answers EROFS or ENOSPC for it instead, as the
 * kernel would. Whether it is so at the start or turns so mid-build, the build fails with exit code 7,
 * naming the briefing and the cause, and the PDFs already in place stay.
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { copyFileSync, mkdirSync, promises as fsPromises, readFileSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { buildBriefings, type BuildEvent } from '../../src/pipeline.ts';
import { EXIT } from '../../src/errors.ts';
import { fakePrinter, linkedAnchors } from '../support/fake-printer.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { tempDir } from '../support/temp.ts';

/** Folders that fail as if read-only (EROFS) or full (ENOSPC), with the code. */
const broken = new Map<string, string>();

/** The errno error the kernel gives for `path` when a folder in `broken` holds it, else undefined. */
const failure = (syscall: string, path: unknown) => {
  for (const [dir, code] of broken) {
    if (String(path).startsWith(`${dir}/`) || String(path) === dir) {
      return Object.assign(new Error(`${code}: ${code === 'EROFS' ? 'read-only file system' : 'no space left on device'}, ${syscall} '${String(path)}'`), { code, syscall, path: String(path) });
    }
  }
  return undefined;
};

/**
 * node:fs/promises' access and writeFile, guarded: they answer the failure for a path in `broken`. Replaced on
 * the module's object and synced into its named exports (syncBuiltinESMExports), which deliver/ imports; this
 * worker thread's own copy of the module, so no other test file sees it; restored after the file.
 */
const guarded = (['access', 'writeFile'] as const).map((name) => {
  const original = fsPromises[name] as (path: unknown, ...rest: unknown[]) => Promise<unknown>;
  const syscall = name === 'writeFile' ? 'open' : name;
  return vi.spyOn(fsPromises, name).mockImplementation((async (path: unknown, ...rest: unknown[]) => {
    const error = failure(syscall, path);
    if (error) throw error;
    return original(path, ...rest);
  }) as never);
});
syncBuiltinESMExports();
afterAll(() => {
  for (const spy of guarded) spy.mockRestore();
  syncBuiltinESMExports();
});

afterEach(() => broken.clear());

const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

async function build(canvases: string[], out: string, turnsReadOnlyAfter?: number, code = 'EROFS') {
  let prints = 0;
  const { printer } = fakePrinter(({ html, draft }) => {
    if (!draft && ++prints === turnsReadOnlyAfter) broken.set(out, code);
    return { pdf: PDF, pages: 9, anchors: linkedAnchors(html, 3), blocked: [] };
  });
  const events: BuildEvent[] = [];
  await buildBriefings(canvases, { outDir: out, pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1 }, printer, (e) => events.push(e));
  return events;
}

describe('an output folder that cannot take files', () => {
  it('fails with exit code 7 when it is read-only from the start, and prints nothing', async () => {
    const out = join(tempDir(), 'out');
    mkdirSync(out);
    broken.set(out, 'EROFS');
    await expect(build([NORDWIND], out)).rejects.toMatchObject({ exitCode: EXIT.output, message: expect.stringMatching(/^cannot .*EROFS: read-only file system/) });
  });

  for (const code of ['EROFS', 'ENOSPC']) {
    it(`fails the briefings not yet written with exit code 7 when it turns ${code === 'EROFS' ? 'read-only' : 'full'} mid-build, and keeps the PDF in place`, async () => {
      const dir = tempDir();
      const out = join(dir, 'out');
      mkdirSync(out);
      copyFileSync(NORDWIND, join(dir, 'a.yaml'));
      copyFileSync(NORDWIND, join(dir, 'b.yaml'));
      const previous = Buffer.from('%PDF-1.4\n% the previous b\n%%EOF\n');
      writeFileSync(join(out, 'b.pdf'), previous);
      // The folder breaks as b's final print returns: a was written, b cannot be.
      const events = await build([join(dir, 'a.yaml'), join(dir, 'b.yaml')], out, 2, code);
      expect(events.filter((e) => e.kind === 'built').map((e) => e.name)).toEqual(['a']);
      const failed = events.filter((e) => e.kind === 'failed');
      expect(failed).toMatchObject([{ name: 'b', error: { exitCode: EXIT.output, message: expect.stringContaining(`${code}: `) } }]);
      expect(failed[0].kind === 'failed' && failed[0].error.message).toMatch(new RegExp(`^${join(dir, 'b.yaml')} \\(full\\): cannot write`));
      broken.clear();
      expect(readFileSync(join(out, 'b.pdf')).equals(previous)).toBe(true);
      expect(readFileSync(join(out, 'a.pdf'))).toEqual(Buffer.from(PDF));
    });
  }
});
