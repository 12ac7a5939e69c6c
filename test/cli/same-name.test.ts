import { describe, it, expect } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { buildBriefings, sameNameCanvases, type BriefingOutcome, type BuildEvent } from '../../src/pipeline.ts';
import { EXIT } from '../../src/errors.ts';
import { fakePrinter, linkedAnchors } from '../support/fake-printer.ts';
import { freePort } from '../support/ports.ts';
import { fileTempDir, tempDir } from '../support/temp.ts';

// Two canvases whose PDFs would have the same name must not overwrite each other silently.

const root = fileTempDir('briefing-same-name-');

let folders = 0;
/** A fresh folder holding a copy of the Nordwind canvas under each of the given relative paths. */
function canvases(...paths: string[]): string {
  const dir = join(root, `case-${++folders}`);
  for (const path of paths) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    copyFileSync(NORDWIND, join(dir, path));
  }
  return dir;
}

const run = (argv: string[]) => runCli(argv, { env: {}, cwd: root });

const FIX = 'rename one, or build them into different --out folders';

describe('build refuses canvases that would write the same PDF, before building anything', () => {
  it('refuses the same file name in two folders, naming both files', async () => {
    const dir = canvases('a/nordwind.yaml', 'b/nordwind.yaml');
    const out = join(dir, 'out');
    const result = await run(['build', join(dir, 'a'), join(dir, 'b'), '--out', out]);
    expect(result).toEqual({
      code: EXIT.usage,
      out: '',
      err: `error: ${join(dir, 'a/nordwind.yaml')} and ${join(dir, 'b/nordwind.yaml')} would both write nordwind.pdf: ${FIX}`,
    });
    expect(existsSync(out)).toBe(false); // not even the output folder
  });

  it('refuses them before reaching the queue\'s Redis: with Redis down, the names are what to fix (exit 2, not 9)', async () => {
    const dir = canvases('a/nordwind.yaml', 'b/nordwind.yaml');
    const port = await freePort();
    const result = await run(['build', join(dir, 'a'), join(dir, 'b'), '--out', join(dir, 'out'), '--redis', `redis://127.0.0.1:${port}`]);
    expect(result.code).toBe(EXIT.usage);
    expect(result.err).toBe(`error: ${join(dir, 'a/nordwind.yaml')} and ${join(dir, 'b/nordwind.yaml')} would both write nordwind.pdf: ${FIX}`);
  });

  it('compares names regardless of case, as macOS and Windows do', async () => {
    const dir = canvases('a/Nordwind.yaml', 'b/nordwind.yaml');
    const result = await run(['build', join(dir, 'a'), join(dir, 'b'), '--out', join(dir, 'out')]);
    expect(result.code).toBe(EXIT.usage);
    expect(result.err).toBe(`error: ${join(dir, 'a/Nordwind.yaml')} and ${join(dir, 'b/nordwind.yaml')} would both write Nordwind.pdf and nordwind.pdf (one file on macOS and Windows): ${FIX}`);
  });

  it('refuses x.yaml next to x.yml', async () => {
    const dir = canvases('x.yaml', 'x.yml');
    const result = await run(['build', dir, '--out', join(dir, 'out')]);
    expect(result.code).toBe(EXIT.usage);
    expect(result.err).toBe(`error: ${join(dir, 'x.yaml')} and ${join(dir, 'x.yml')} would both write x.pdf: ${FIX}`);
  });

  it('does not name the stem\'s PDF when briefing.file_name names them otherwise', async () => {
    // Both write nordwind-FY2025.pdf: "would both write nordwind.pdf" named a file neither writes.
    const dir = canvases('nordwind.yaml', 'nordwind.yml');
    for (const f of ['nordwind.yaml', 'nordwind.yml']) {
      writeFileSync(join(dir, f), readFileSync(NORDWIND, 'utf8').replace(/^briefing:\n/m, 'briefing:\n  file_name: "{stem}-{period}"\n'));
    }
    const result = await run(['build', dir, '--out', join(dir, 'out')]);
    expect(result.code).toBe(EXIT.usage);
    expect(result.err).toBe(`error: ${join(dir, 'nordwind.yaml')} and ${join(dir, 'nordwind.yml')} are both canvases named "nordwind", and an output folder takes one canvas of a name, whatever their briefing.file_name makes of it: ${FIX}`);
  });

  it('names every clash at once', async () => {
    const dir = canvases('a/x.yaml', 'b/x.yaml', 'c/x.yml', 'a/y.yaml', 'b/y.yaml');
    const result = await run(['build', join(dir, 'a'), join(dir, 'b'), join(dir, 'c'), '--out', join(dir, 'out')]);
    expect(result.code).toBe(EXIT.usage);
    expect(result.err).toContain(`${join(dir, 'a/x.yaml')}, ${join(dir, 'b/x.yaml')} and ${join(dir, 'c/x.yml')} would all write x.pdf; `);
    expect(result.err).toContain(`${join(dir, 'a/y.yaml')} and ${join(dir, 'b/y.yaml')} would both write y.pdf: ${FIX}`);
  });

  it('check writes nothing, so it only warns and checks them all', async () => {
    const dir = canvases('a/nordwind.yaml', 'b/nordwind.yaml');
    const result = await run(['check', join(dir, 'a'), join(dir, 'b')]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.err).toBe(`warning: ${join(dir, 'a/nordwind.yaml')} and ${join(dir, 'b/nordwind.yaml')} would both write nordwind.pdf; build refuses to build them together: ${FIX}\n2 canvases checked: 2 clean`);
    expect(result.out.split('\n')).toHaveLength(2);
  });

  it('does not count one file given twice as a clash', () => {
    expect(sameNameCanvases([NORDWIND, `./${NORDWIND}`])).toBeUndefined();
    expect(sameNameCanvases([NORDWIND, 'data/alibaba.yaml'])).toBeUndefined();
  });
});

/** A printer that prints nothing real: every chapter on page 2, the same bytes each time. */
const pagePrinter = () => fakePrinter(({ html }) => {
  const anchors = linkedAnchors(html, 2);
  return { pdf: new TextEncoder().encode(`%PDF-1.7\n${html.length}\n%%EOF\n`), pages: 2, anchors, blocked: [] };
}).printer;

describe('a briefing whose name another canvas already wrote in this run', () => {
  it('fails with a usage error instead of overwriting it (x--s.yaml, then x.yaml with a block set s)', async () => {
    const dir = canvases('x--s.yaml');
    writeFileSync(join(dir, 'x.yaml'), `${readFileSync(NORDWIND, 'utf8')}\nblock_sets:\n  s:\n    title: Revenue\n    blocks: [revenue_streams]\n`);
    const out = join(dir, 'out');
    const outcomes: BriefingOutcome[] = [];
    let firstPdf: Buffer | undefined;
    const report = (o: BuildEvent) => {
      if (o.kind === 'built' || o.kind === 'failed') outcomes.push(o);
      if (o.kind === 'built' && o.name === 'x--s') firstPdf = readFileSync(o.pdf); // as x--s.yaml wrote it
    };
    await buildBriefings([join(dir, 'x--s.yaml'), join(dir, 'x.yaml')], { outDir: out, pageSize: 'A4', html: false, timeoutMs: 10_000 }, pagePrinter(), report);

    // Names are claimed as the canvases are read, before anything prints: the clash is known first.
    expect(outcomes.map((o) => [o.kind, o.kind === 'skipped' ? '' : o.name])).toEqual([['failed', 'x--s'], ['built', 'x--s'], ['built', 'x']]);
    const failed = outcomes[0];
    expect(failed.kind === 'failed' && failed.error).toMatchObject({
      exitCode: EXIT.usage,
      message: `${join(dir, 'x.yaml')} (s): would overwrite ${join(out, 'x--s.pdf')}, claimed by ${join(dir, 'x--s.yaml')} in this run; nothing was written. Rename a canvas or block set so their names differ, or build them into different --out folders.`,
    });
    expect(readdirSync(out).sort()).toEqual(['.briefing-manifest.json', 'x--s.pdf', 'x.pdf']);
    expect(readFileSync(join(out, 'x--s.pdf')).equals(firstPdf!)).toBe(true);
  });

  it('compares the names regardless of case, as macOS and Windows do (x.yaml with a block set s, then X--S.yaml)', async () => {
    const dir = canvases('X--S.yaml');
    writeFileSync(join(dir, 'x.yaml'), `${readFileSync(NORDWIND, 'utf8')}\nblock_sets:\n  s:\n    title: Revenue\n    blocks: [revenue_streams]\n`);
    const out = join(dir, 'out');
    const outcomes: BriefingOutcome[] = [];
    const report = (o: BuildEvent) => {
      if (o.kind === 'built' || o.kind === 'failed') outcomes.push(o);
    };
    await buildBriefings([join(dir, 'x.yaml'), join(dir, 'X--S.yaml')], { outDir: out, pageSize: 'A4', html: false, timeoutMs: 10_000 }, pagePrinter(), report);
    expect(outcomes.map((o) => [o.kind, o.kind === 'skipped' ? '' : o.name])).toEqual([['failed', 'X--S'], ['built', 'x'], ['built', 'x--s']]);
    const failed = outcomes[0];
    expect(failed.kind === 'failed' && failed.error).toMatchObject({
      exitCode: EXIT.usage,
      message: expect.stringContaining(`${join(dir, 'X--S.yaml')}: would overwrite ${join(out, 'X--S.pdf')}, claimed by ${join(dir, 'x.yaml')} (s) in this run; nothing was written.`),
    });
    // One file on macOS and Windows: only x.yaml's set s is written there.
    expect(readdirSync(out).sort()).toEqual(['.briefing-manifest.json', 'x--s.pdf', 'x.pdf']);
  });
});

describe('an output name too long for a file name', () => {
  it('is refused before anything is printed, naming the canvas', async () => {
    const dir = tempDir();
    const canvas = join(dir, `${'a'.repeat(240)}.yaml`);
    copyFileSync(NORDWIND, canvas);
    const events: BuildEvent[] = [];
    const { printer, calls } = fakePrinter(() => ({ pdf: new Uint8Array(), pages: 1, anchors: {}, blocked: [] }));
    await buildBriefings([canvas], { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000 }, printer, (e) => events.push(e));
    expect(calls).toEqual([]);
    expect(events).toEqual([expect.objectContaining({ kind: 'failed', error: expect.objectContaining({ exitCode: EXIT.output, message: expect.stringMatching(/its output name "a{40}\.\.\." is 240 bytes long, too long for a file name .*Give the canvas \(or block set\) a shorter name/) }) })]);
  });

  it('is built when its longest file, the HTML copy\'s temporary file, takes exactly 255 bytes', async () => {
    const dir = tempDir();
    const stem = 'a'.repeat(255 - '.html.000000000000.partial'.length);
    copyFileSync(NORDWIND, join(dir, `${stem}.yaml`));
    const events: BuildEvent[] = [];
    const out = join(dir, 'out');
    await buildBriefings([join(dir, `${stem}.yaml`)], { outDir: out, pageSize: 'A4', html: true, timeoutMs: 10_000 }, pagePrinter(), (e) => events.push(e));
    expect(events.filter((e) => e.kind === 'failed')).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(['.briefing-manifest.json', `${stem}.html`, `${stem}.pdf`]);
  });
});
