import { describe, it, expect } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { writeBriefing } from '../../src/deliver/write-output.ts';
import { tempDir } from '../support/temp.ts';

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
