import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main, type Io } from '../../src/cli/main.ts';
import { loadPrinter } from '../../src/pipeline.ts';
import { readPdf } from '../support/read-pdf.ts';
import { contentsText, flattenOutline, sectionText, squash } from '../support/briefing-layout.ts';
import { fileTempDir, tempDir } from '../support/temp.ts';

// `briefing build Q3 --since Q2` with a real browser, read back from the PDF: the changes chapter, its
// bookmark and contents entry; then the same build again, which prints nothing.

const Q2 = 'test/fixtures/diff/nordwind-q2.yaml';
const Q3 = 'test/fixtures/diff/nordwind-q3.yaml';

const printer = loadPrinter({});
afterAll(() => printer.close());
const dir = fileTempDir();

/** `briefing ARGS` in-process, with the file's printer. */
async function run(args: string[], cwd = process.cwd()): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), env: process.env, cwd, printer };
  const code = await main(args, io);
  return { code, out, err };
}
const build = () => run(['build', Q3, '--since', Q2, '--out', dir]);

describe('build --since', () => {
  it('prints a "Changes since" chapter after the contents, bookmarked and listed with its page; an unchanged rebuild prints nothing', async () => {
    const first = await build();
    expect(first).toMatchObject({ code: 0, err: [] });
    expect(first.out).toEqual([expect.stringMatching(/^wrote .*nordwind-q3\.pdf {2}\d+ pages {2}edition [0-9a-f]{8} /)]);

    const pdf = await readPdf(new Uint8Array(readFileSync(join(dir, 'nordwind-q3.pdf'))));
    const outline = flattenOutline(pdf.outline);
    expect(outline.filter((o) => o.depth === 0).map((o) => o.title)).toEqual(['Key figures', 'Contents', 'Changes since Q2 2025', '1 Key Resources', '2 Revenue Streams', 'Data notes', 'Important information']);
    const chapter = outline.find((o) => o.title === 'Changes since Q2 2025')!;
    const contents = outline.find((o) => o.title === 'Contents')!;
    // Parts flow on: one may start on the page where the one before it ends, below it.
    const below = (a: { page?: number; top?: number }, b: { page?: number; top?: number }) => a.page! > b.page! || (a.page === b.page && a.top! < b.top!);
    expect(below(chapter, contents)).toBe(true);
    expect(below(outline.find((o) => o.title === '1 Key Resources')!, chapter)).toBe(true);
    expect(pdf.anchors.changes).toBe(chapter.page);
    expect(pdf.outline.find((o) => o.title === chapter.title)!.children.map((o) => o.title)).toEqual(['Figures that moved', 'Figures added', 'Figures dropped', 'Sections added']);

    // The contents page lists it with the page it starts on.
    expect(contentsText(pdf)).toContain(`Key figures 2 Changes since Q2 2025 ${chapter.page} 1 Key Resources`);

    const text = squash(sectionText(pdf, chapter.title));
    expect(text).toContain('Compared with the Q2 2025 briefing (data as of 31 Jul 2025)');
    expect(text).toContain('Figure Period Before Now Difference Change');
    expect(text).toContain('Revenue (latest) Q2 2025 → Q3 2025 €311.2 million €322.9 million +€11.7 million ▲ up 3.8%');
    expect(text).toMatch(/Turbines in operation \(latest\) 30 Jun 2025 → 30 Sep ?2025 798 turbines 812 turbines \+14 turbines ▲ up 1\.8%/);
    expect(text).toContain('Capital expenditure Q3 2025 €84.5 million');
    expect(text).toContain('Employees 30 Jun 2025 1,200 employees');
    expect(text).toContain('2.2 Grid services (Revenue Streams)');

    const again = await build();
    expect(again).toEqual({ code: 0, out: ['1 briefing up to date'], err: [] });
  });

  it('sends the briefing with its chapter when send is given --since too, and says so when a build without it drops the chapter', async () => {
    const out = tempDir();
    const project = tempDir();
    writeFileSync(join(project, 'briefing.config.yaml'), 'mail:\n  from: ir@example.com\nlists:\n  committee:\n    to: [chair@example.com]\nsend:\n  - briefing: nordwind-q3\n    lists: [committee]\n');
    const [q2, q3] = [join(process.cwd(), Q2), join(process.cwd(), Q3)];
    const hasChapter = async () => (await readPdf(new Uint8Array(readFileSync(join(out, 'nordwind-q3.pdf'))))).text.join('\n').includes('Changes since Q2 2025');
    expect((await run(['build', q3, '--since', q2, '--out', out])).code).toBe(0);
    expect(await hasChapter()).toBe(true);

    // The PDF with its chapter is the one sent: up to date, not printed again.
    const sent = await run(['send', q3, '--since', q2, '--out', out], project);
    expect(sent.code).toBe(0);
    expect(sent.out).toContain('1 briefing up to date');
    expect(sent.err).toEqual([expect.stringMatching(/^warning: nothing was e-mailed/)]);
    expect(await hasChapter()).toBe(true);

    // Without --since, the chapter goes, and the build says so before it is sent.
    const without = await run(['send', q3, '--out', out], project);
    expect(without.code).toBe(0);
    expect(without.err[0]).toBe(`warning: ${q3}: its briefings were last built with --since ${q2}, with a "Changes since" chapter; they are printed again without it (give --since ${q2} to keep it)`);
    expect(await hasChapter()).toBe(false);
    expect(readdirSync(join(out, 'outbox', 'committee'))).toHaveLength(2);
    // Said once: the next build knows the chapter is gone.
    expect((await run(['build', q3, '--out', out])).err).toEqual([]);
  });
});
