import { describe, it, expect, vi } from 'vitest';
import { existsSync, mkdirSync, promises as fsPromises, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import crypto from 'node:crypto';
import { join } from 'node:path';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { lockOutputFolder, writeBriefing } from '../../src/deliver/write-output.ts';
import { isPlainFileName, writeAtomically } from '../../src/files.ts';
import { runCli } from '../support/cli.ts';
import { failingFolders } from '../support/failing-folders.ts';
import { tempDir } from '../support/temp.ts';
import { withBuiltin } from '../support/builtins.ts';

/** Folders that fail as a full disk or a read-only file system would (test/support/failing-folders.ts). */
const broken = failingFolders();

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n${text}\n%%EOF\n`);
const pdfText = (text: string) => new TextDecoder().decode(pdf(text));

describe('writeBriefing', () => {
  it('writes the PDF and the HTML under their names, with exactly the given contents, creating the folder', async () => {
    const out = join(tempDir(), 'a', 'b');
    const written = await writeBriefing(out, 'x', pdf('one'), '<html>one</html>');
    expect(written).toEqual({ pdf: join(out, 'x.pdf'), html: join(out, 'x.html') });
    expect(readdirSync(out).sort()).toEqual(['x.html', 'x.pdf']);
    expect(readFileSync(join(out, 'x.pdf'), 'utf8')).toBe(pdfText('one'));
    expect(readFileSync(join(out, 'x.html'), 'utf8')).toBe('<html>one</html>');
  });

  it('replaces nothing when one of the files cannot be written, and leaves no temporary file', async () => {
    const out = tempDir();
    await writeBriefing(out, 'x', pdf('good'));
    mkdirSync(join(out, 'x.html')); // the HTML cannot be renamed over a folder
    const error = await writeBriefing(out, 'x', pdf('new'), '<html>new</html>').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefingError);
    expect((error as BriefingError).exitCode).toBe(EXIT.output);
    expect(readFileSync(join(out, 'x.pdf'), 'utf8')).toBe(pdfText('good'));
    // Only what was there before: whatever the temporary files are called, none is left.
    expect(readdirSync(out).sort()).toEqual(['x.html', 'x.pdf']);
    expect(statSync(join(out, 'x.html')).isDirectory()).toBe(true);
    expect(readdirSync(join(out, 'x.html'))).toEqual([]);
  });

  it('refuses an incomplete PDF before touching the old one', async () => {
    const out = tempDir();
    await writeBriefing(out, 'x', pdf('good'));
    await expect(writeBriefing(out, 'x', new TextEncoder().encode('%PDF-1.4 truncated'))).rejects.toThrow(/incomplete/);
    expect(readFileSync(join(out, 'x.pdf'), 'utf8')).toBe(pdfText('good'));
    expect(readdirSync(out)).toEqual(['x.pdf']);
  });
});

describe('a write the output folder cannot take', () => {
  for (const code of ['ENOSPC', 'EDQUOT'] as const) {
    it(`leaves no temporary file when the disk fills in the write (${code}), and the files in place as they were`, async () => {
      const out = tempDir();
      await writeBriefing(out, 'x', pdf('good'), '<html>good</html>');
      writeFileSync(join(out, 'record.json'), '{"old":true}');
      broken.set(out, code);
      await expect(writeBriefing(out, 'x', pdf('new'), '<html>new</html>')).rejects.toMatchObject({ exitCode: EXIT.output, message: expect.stringContaining(`${code}: `) });
      await expect(writeAtomically(join(out, 'record.json'), '{"new":true}')).rejects.toMatchObject({ exitCode: EXIT.output, message: expect.stringContaining(`${code}: `) });
      // Each failed write's part-written temporary file took space on the full disk until an hour had passed.
      expect(readdirSync(out).sort()).toEqual(['record.json', 'x.html', 'x.pdf']);
      expect(readFileSync(join(out, 'x.pdf'), 'utf8')).toBe(pdfText('good'));
      expect(readFileSync(join(out, 'record.json'), 'utf8')).toBe('{"old":true}');
    });
  }

  it('is reported as the failure to write, not as the failure to remove its temporary files, when the folder turns read-only before they are renamed', async () => {
    const out = tempDir();
    await writeBriefing(out, 'x', pdf('good'));
    // The folder turns read-only as the first file is renamed into place: its temporary files can be removed no more than renamed.
    const rename = vi.mocked(fsPromises.rename);
    const fake = rename.getMockImplementation()!;
    rename.mockImplementationOnce(async (...args) => {
      broken.set(out, 'EROFS');
      return fake(...args);
    });
    const error = await writeBriefing(out, 'x', pdf('new'), '<html>new</html>').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefingError);
    expect(error).toMatchObject({ exitCode: EXIT.output, message: expect.stringMatching(/^cannot write x to .*: EROFS: read-only file system, rename /) });
    broken.clear();
    expect(readFileSync(join(out, 'x.pdf'), 'utf8')).toBe(pdfText('good'));
    for (const name of readdirSync(out).filter((f) => f.endsWith('.partial'))) rmSync(join(out, name)); // left: the folder was read-only
  });
});

describe('lockOutputFolder', () => {
  it('removes the folders it created when the run leaves them empty (every canvas failed), and nothing else', async () => {
    const root = tempDir();
    const release = await lockOutputFolder(join(root, 'new', 'out'), 'build');
    expect(readdirSync(join(root, 'new', 'out'))).toEqual(['.briefing.lock']);
    await release();
    expect(readdirSync(root)).toEqual([]);

    // Written into: the folder stays, as does one that was there before.
    const kept = await lockOutputFolder(join(root, 'new', 'out'), 'build');
    await writeBriefing(join(root, 'new', 'out'), 'x', pdf('one'));
    await kept();
    expect(readdirSync(join(root, 'new', 'out'))).toEqual(['x.pdf']);
    mkdirSync(join(root, 'there'));
    await (await lockOutputFolder(join(root, 'there'), 'build'))();
    expect(readdirSync(root).sort()).toEqual(['new', 'there']);
  });

  it('leaves no folder, not even a manifest, for a build that wrote no briefing: every canvas invalid, or no browser', async () => {
    const out = join(tempDir(), 'briefings');
    const invalid = await runCli(['build', 'test/fixtures/invalid/broken-types.yaml', '--out', out]);
    expect(invalid.code).toBe(EXIT.invalidData);
    expect(existsSync(out)).toBe(false);
    const noBrowser = await runCli(['build', 'test/fixtures/valid/nordwind.yaml', '--out', out], { env: { ...process.env, BRIEFING_BROWSER: '/nonexistent/chrome' } });
    expect(noBrowser.code, noBrowser.err).toBe(EXIT.browserNotFound);
    expect(existsSync(out)).toBe(false);
  });
});

describe('writeAtomically', () => {
  it('leaves the file in place and no temporary file when the rename fails (a folder where the file goes)', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'record.json'));
    writeFileSync(join(out, 'record.json', 'kept'), 'x');
    await expect(writeAtomically(join(out, 'record.json'), '{"new":true}')).rejects.toMatchObject({ exitCode: EXIT.output, message: expect.stringMatching(/^cannot write .*record\.json: /) });
    expect(readdirSync(out)).toEqual(['record.json']);
    expect(readdirSync(join(out, 'record.json'))).toEqual(['kept']);
  });

  it('never writes through a file or link planted under its temporary file\'s name', async () => {
    const out = tempDir();
    const elsewhere = join(tempDir(), 'someone-elses.txt');
    writeFileSync(elsewhere, 'theirs');
    symlinkSync(elsewhere, join(out, 'record.json.000000000000.partial'));
    // Random bytes all 0: the name a planter would have to guess.
    await withBuiltin(crypto, 'randomBytes', ((n: number) => Buffer.alloc(n)) as typeof crypto.randomBytes, () =>
      expect(writeAtomically(join(out, 'record.json'), '{"new":true}')).rejects.toMatchObject({ exitCode: EXIT.output, message: expect.stringContaining('EEXIST') }));
    expect(readFileSync(elsewhere, 'utf8')).toBe('theirs');
    expect(readdirSync(out)).toEqual(['record.json.000000000000.partial']);
  });

  it('writes files others may read, as any file written there would be (a web server serving the PDFs)', async () => {
    const file = join(tempDir(), 'x.pdf');
    await writeAtomically(file, pdf('one'));
    expect(statSync(file).mode & 0o777).toBe(0o644 & ~process.umask());
  });
});

describe('isPlainFileName', () => {
  it('takes a name of a file directly in a folder, and refuses one that is empty, "." or "..", or holds a separator or NUL', () => {
    for (const name of ['acme.pdf', 'a..b', '.hidden', 'Alibaba Group FY2025.pdf']) expect(isPlainFileName(name), name).toBe(true);
    for (const name of ['', '.', '..', 'a/b', '../x.pdf', 'a\\b', '..\\x.pdf', 'a\0b']) expect(isPlainFileName(name), name).toBe(false);
  });
});
