/** Files that are not canvases, or too much of one: refused by name, never read to the end or waited on. */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, utimesSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canvasPresent, findCanvases, unreadFolders } from '../../src/load/find-canvases.ts';
import { loadCanvas, parseCanvas } from '../../src/load/load-canvas.ts';
import { decodeCanvas } from '../../src/load/read-canvas-file.ts';
import { prepareOutputFolder } from '../../src/deliver/write-output.ts';
import { EXIT } from '../../src/errors.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { tempDir } from '../support/temp.ts';

describe('decoding a canvas', () => {
  const refused = (bytes: number[] | Buffer) => {
    try {
      decodeCanvas(Buffer.from(bytes), 'c.yaml');
    } catch (error) {
      return [(error as { exitCode: number }).exitCode, (error as Error).message.split(': ').slice(0, 2).join(': ')];
    }
    return 'decoded';
  };

  it('reads UTF-8 of every length, with or without a byte-order mark', () => {
    const text = 'name: 阿里巴巴 € Ωmega 😀\n';
    expect(decodeCanvas(Buffer.from(text), 'c.yaml')).toBe(text);
    expect(decodeCanvas(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'c.yaml')).toBe(`\ufeff${text}`);
  });

  it('refuses other bytes at the line and column of the first one, and UTF-16 as such', () => {
    expect(refused([...Buffer.from('a: 1\nname: Caf'), 0xe9, 0x0a])).toEqual([EXIT.invalidData, 'c.yaml:2:10: bytes that are not UTF-8 text (0xE9), as a file saved as Windows-1252 or Latin-1 has']);
    expect(refused([...Buffer.from('x: 阿'), 0xc0, 0xaf])).toEqual([EXIT.invalidData, 'c.yaml:1:5: bytes that are not UTF-8 text (0xC0 0xAF), as a file saved as Windows-1252 or Latin-1 has']); // an overlong "/"
    expect(refused([...Buffer.from('x: '), 0xed, 0xa0, 0x80])).toEqual([EXIT.invalidData, 'c.yaml:1:4: bytes that are not UTF-8 text (0xED 0xA0), as a file saved as Windows-1252 or Latin-1 has']); // a surrogate
    expect(refused([...Buffer.from('x: '), 0xe2, 0x82])).toEqual([EXIT.invalidData, 'c.yaml:1:4: bytes that are not UTF-8 text (0xE2 0x82), as a file saved as Windows-1252 or Latin-1 has']); // cut short at the end
    expect(refused(Buffer.from('\ufeffname: x', 'utf16le'))).toEqual([EXIT.invalidData, 'c.yaml:1:1: the file is UTF-16 text']);
  });
});

describe('numbers as written', () => {
  const refusal = (yaml: string) => {
    try {
      parseCanvas(yaml, 'c.yaml');
    } catch (error) {
      return (error as Error).message;
    }
    return 'read';
  };

  it('refuses a number that would not print as written, where it is written', () => {
    expect(refusal('metrics:\n  a: { value: 0x1F }\n')).toBe('c.yaml:2:15: metrics.a: 0x1F is written in base 16, which a reader takes for another number: write it in decimal (31)');
    expect(refusal('metrics:\n  a: { value: 0o17 }\n')).toMatch(/^c\.yaml:2:15: .*base 8.*\(15\)$/);
    expect(refusal('a: !!int "0x475"\n')).toMatch(/^c\.yaml:1:\d+: a: 0x475 is written in base 16/);
    expect(refusal('a: 9007199254740993\n')).toMatch(/^c\.yaml:1:4: a: 9007199254740993 has more significant digits than a number holds exactly \(15\): it would print as 9007199254740992\./);
    expect(refusal('a: 0.1234567890123456789\n')).toMatch(/it would print as 0\.12345678901234568\./);
    expect(refusal('%YAML 1.1\n---\na: 0100\n')).toMatch(/^c\.yaml:1:1: YAML syntax: %YAML 1\.1: a canvas is YAML 1\.2, where numbers read as written .*remove this line$/);
  });

  it('reads decimal numbers of up to 15 significant digits, exponents and trailing zeros', () => {
    for (const n of ['1234.5', '-0.000001234', '1e308', '123456789012345', '0100', '1.50000000000000000', '-42.7', '0.1234567890123456']) expect(refusal(`a: ${n}\n`), n).toBe('read');
    expect(refusal('%YAML 1.2\n---\na: 1\n')).toBe('read'); // the version a canvas is written in may be stated
  });

  it('keeps the trailing zeros an equivalent is written with, whatever decimals its metric sets (US$21.0 billion, not US$21)', () => {
    const metric = (decimals: string) => (parseCanvas(`metrics:\n  s: { label: Sales, value: 3802.4${decimals}, unit: JPY, scale: billion, equivalent: { value: 21.0, unit: USD, scale: billion } }\n`, 'c.yaml').data as { metrics: { s: { equivalent: { decimals?: number } } } }).metrics.s;
    expect(metric('').equivalent.decimals).toBe(1);
    expect(metric(', decimals: 1').equivalent.decimals).toBe(1);
    expect(metric(', decimals: 2').equivalent.decimals).toBe(1);
  });

  it('keeps a table number\'s trailing zeros as its decimals, and text in quotes as text (its writer typed its notation)', () => {
    const rows = (parseCanvas('t:\n  rows:\n    - [a, 100.0, "100.0", 12.50, -1.200, 7, 2.5]\n', 'c.yaml').data as { t: { rows: unknown[][] } }).t.rows;
    expect(rows).toEqual([['a', { value: 100, decimals: 1 }, '100.0', { value: 12.5, decimals: 2 }, { value: -1.2, decimals: 3 }, 7, 2.5]]);
  });

  it('reads a number written 1.200 (a point, three digits: 1200 to a German writer) as YAML does, and says where it is', () => {
    const loaded = parseCanvas('metrics:\n  a: { value: 1.200, unit: EUR }\n  b: { value: 1.234, unit: EUR, decimals: 3 }\n  c: { value: 0.500, unit: EUR }\nt:\n  rows:\n    - [a, 1.200, "1.200", 12.500, -1.234, 0.200, 1.20]\n', 'c.yaml');
    expect((loaded.data as { t: { rows: unknown[][] } }).t.rows).toEqual([['a', { value: 1.2, decimals: 3 }, '1.200', { value: 12.5, decimals: 3 }, -1.234, { value: 0.2, decimals: 3 }, { value: 1.2, decimals: 2 }]]);
    expect(loaded.pointNumbers).toEqual([['metrics', 'a', 'value'], ['t', 'rows', 0, 1], ['t', 'rows', 0, 3], ['t', 'rows', 0, 4]]);
  });
});

describe('reading canvas files', () => {
  it('skips a pipe in a canvas folder, and refuses one named directly, without waiting on it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), readFileSync(NORDWIND));
    execFileSync('mkfifo', [join(dir, 'b.yaml')]);
    expect(await findCanvases([dir])).toEqual([join(dir, 'a.yaml')]);
    await expect(loadCanvas(join(dir, 'b.yaml'))).rejects.toMatchObject({ exitCode: EXIT.usage, message: `${join(dir, 'b.yaml')}: cannot read canvas: not a regular file (a pipe, socket or device); give the canvas file itself` });
  });

  it('keeps a canvas it cannot reach now (a link to a share not mounted) as a canvas, to fail named, not to be taken for one deleted', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), readFileSync(NORDWIND));
    symlinkSync(join(dir, 'share', 'b.yaml'), join(dir, 'b.yaml'));
    expect(await findCanvases([dir])).toEqual([join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
    // Its briefings are not of a canvas that is gone: the build keeps their PDFs.
    expect(canvasPresent(join(dir, 'b.yaml'))).toBe(true);
    expect(canvasPresent(join(dir, 'c.yaml'))).toBe(false);
    expect(canvasPresent(join(dir, 'a.yaml', 'x.yaml'))).toBe(false);
    await expect(loadCanvas(join(dir, 'b.yaml'))).rejects.toMatchObject({
      exitCode: EXIT.usage,
      message: `${join(dir, 'b.yaml')}: cannot read canvas: it is a link to ${join(dir, 'share', 'b.yaml')}, which does not exist (moved, or on a drive or share not mounted)`,
    });
    await expect(findCanvases([join(dir, 'b.yaml')])).rejects.toMatchObject({ exitCode: EXIT.usage, message: `${join(dir, 'b.yaml')}: a link to ${join(dir, 'share', 'b.yaml')}, which does not exist` });
  });

  it('works on a canvas named twice once, as first named (through its folder, or spelt another way); a link to it is a canvas of its own', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), readFileSync(NORDWIND));
    writeFileSync(join(dir, 'b.yaml'), readFileSync(NORDWIND));
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'link.yml'));
    expect(await findCanvases([dir, `${dir}/./a.yaml`, join(dir, 'b.yaml')])).toEqual([join(dir, 'a.yaml'), join(dir, 'b.yaml'), join(dir, 'link.yml')]);
    expect(await findCanvases([`${dir}/./b.yaml`, dir])).toEqual([`${dir}/./b.yaml`, join(dir, 'a.yaml'), join(dir, 'link.yml')]);
  });

  it('leaves the project config and a theme\'s settings out of a folder, and refuses them named as a canvas, saying what they are', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), readFileSync(NORDWIND));
    writeFileSync(join(dir, 'briefing.config.yaml'), readFileSync('briefing.config.yaml'));
    writeFileSync(join(dir, 'Briefing.config.yml'), 'mail:\n');
    writeFileSync(join(dir, 'theme.yaml'), 'name: House\n');
    expect(await findCanvases([dir])).toEqual([join(dir, 'a.yaml')]);
    await expect(findCanvases([join(dir, 'briefing.config.yaml')])).rejects.toMatchObject({
      exitCode: EXIT.usage,
      message: `${join(dir, 'briefing.config.yaml')}: this is the project config (who gets which briefing, read by briefing send), not a canvas: give a canvas file or a folder of them instead (a folder's briefing.config.yaml is left out); send finds the config by itself (or with --config FILE)`,
    });
    await expect(findCanvases([join(dir, 'theme.yaml')])).rejects.toMatchObject({ exitCode: EXIT.usage, message: expect.stringMatching(/theme\.yaml: this is a theme's settings file \(docs\/themes\.md\), not a canvas: .*--theme DIR/) });
    // A folder with nothing else says why it holds no canvas; a folder inside it holding only a config is not said to hold canvases.
    const config = join(dir, 'config');
    mkdirSync(config);
    writeFileSync(join(config, 'briefing.config.yaml'), 'mail:\n');
    await expect(findCanvases([config])).rejects.toMatchObject({ exitCode: EXIT.usage, message: `${config}: folder holds no canvas files (*.yaml or *.yml) besides the tool's own briefing.config.yaml, which is not a canvas` });
    expect(await unreadFolders([dir])).toEqual([]);
  });

  it('refuses a canvas over the size limit before reading it, and reads one under a raised limit', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.yaml');
    writeFileSync(big, readFileSync(NORDWIND));
    truncateSync(big, 6 * 1024 * 1024); // a sparse file: no 6 MB written
    await expect(loadCanvas(big)).rejects.toMatchObject({ exitCode: EXIT.invalidData, message: expect.stringMatching(/the canvas is 6 MB, over the 5 MB limit .*--max-canvas-mb/) });
    await expect(loadCanvas(big, 'canvas', 7 * 1024 * 1024)).rejects.toMatchObject({ exitCode: EXIT.invalidData, message: expect.not.stringMatching(/limit/) }); // read, then refused as YAML
  });

  it('quotes at most a line of a file that is no canvas (a symlink to /etc/passwd, a token file)', async () => {
    const dir = tempDir();
    const secret = join(dir, 'credentials');
    writeFileSync(secret, `${'x'.repeat(20)}:token-${'s'.repeat(200)}\nsecond:line-with-more-secret\n`);
    symlinkSync(secret, join(dir, 'canvas.yaml'));
    const { checkCanvas } = await import('../../src/pipeline.ts');
    const error = await checkCanvas(join(dir, 'canvas.yaml')).then(() => undefined, (e: Error) => e);
    expect(error?.message).toBeDefined();
    expect(error!.message).not.toContain('s'.repeat(60));
    expect(error!.message).not.toContain('line-with-more-secret');
  });
});

describe('the output folder', () => {
  it('is created by two builds at once without either failing', async () => {
    const out = join(tempDir(), 'a', 'b', 'out');
    await Promise.all([prepareOutputFolder(out), prepareOutputFolder(out), prepareOutputFolder(out)]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('loses the temporary files a killed run left behind (old ones of this tool only)', async () => {
    const out = tempDir();
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const name of ['x.pdf.0123456789ab.partial', 'x.pdf.4242.partial', 'fresh.pdf.abcdefabcdef.partial', 'notes.partial', 'keep.pdf']) writeFileSync(join(out, name), '');
    for (const name of ['x.pdf.0123456789ab.partial', 'x.pdf.4242.partial', 'notes.partial', 'keep.pdf']) utimesSync(join(out, name), old, old);
    mkdirSync(join(out, 'd.0123456789ab.partial'));
    utimesSync(join(out, 'd.0123456789ab.partial'), old, old);
    await prepareOutputFolder(out);
    expect(readdirSync(out).sort()).toEqual(['d.0123456789ab.partial', 'fresh.pdf.abcdefabcdef.partial', 'keep.pdf', 'notes.partial']);
  });
});

describe('YAML anchors', () => {
  it('may not blow a small file up into a huge canvas', async () => {
    const { parseCanvas } = await import('../../src/load/load-canvas.ts');
    const paragraph = 'x'.repeat(500_000);
    const text = `company: &p "${paragraph}"\nbriefing:\n${Array.from({ length: 30 }, (_, i) => `  k${i}: *p`).join('\n')}\n`;
    expect(() => parseCanvas(text, 'bomb.yaml')).toThrow(expect.objectContaining({ exitCode: EXIT.invalidData, message: expect.stringMatching(/^bomb\.yaml: its \*name references repeat values until the canvas holds 16 million characters \(the file has 500 thousand\)/) }));
    // A few references, as a canvas may use them, are fine.
    expect(() => parseCanvas(`a: &p "${'x'.repeat(1000)}"\nb: *p\nc: *p\n`, 'fine.yaml')).not.toThrow();
  });
});
