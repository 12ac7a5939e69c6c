import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
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
    expect(pdf.outline.find((o) => o.title === chapter.title)!.children.map((o) => o.title)).toEqual(['Figures that moved', 'Figures added', 'Figures dropped', 'Sections added', 'Also changed, not compared line by line']);

    // The contents page lists it with the page it starts on.
    expect(contentsText(pdf)).toContain(`Key figures 2 Changes since Q2 2025 ${chapter.page} 1 Key Resources`);

    const text = squash(sectionText(pdf, chapter.title));
    expect(text).toContain('Compared with the Q2 2025 briefing (data as of 31 Jul 2025)');
    expect(text).toContain('Figure Period Before Now Difference Change from Before');
    // Under it, what the change is from: the quarter before, not the year-on-year change the key figures state.
    expect(text).toContain('Difference and Change are from Before to Now: for a figure marked (latest), from the period before it');
    expect(text).toContain('Revenue (latest) Q2 2025 → Q3 2025 €311.2 million €322.9 million +€11.7 million ▲ up 3.8%');
    expect(text).toMatch(/Turbines in operation \(latest\) 30 Jun 2025 → 30 Sep ?2025 798 turbines 812 turbines \+14 turbines ▲ up 1\.8%/);
    expect(text).toContain('Capital expenditure Q3 2025 €84.5 million');
    // Q3's figures once each, as their moves: not again under "Figures added", which read as duplication to a committee.
    expect([text.match(/€322\.9 million/g), text.match(/812 turbines/g)].map((m) => m?.length)).toEqual([1, 1]);
    expect(text).toContain('Employees 30 Jun 2025 1,200 employees');
    expect(text).toContain('2.2 Grid services (Revenue Streams)');
    // Its metric table's rows changed (headcount dropped): named, as diff names it.
    expect(text).toContain('Also changed, not compared line by line Key Resources, Fleet and people (metric tables)');

    const again = await build();
    expect(again).toEqual({ code: 0, out: ['1 briefing up to date'], err: [] });
  });

  it('prints each difference whole on one line, its plus sign with its amount, however crowded the table', async () => {
    // A quarter's update of a US payments company: ten figures moved, their amounts in US$ millions and billions, a
    // revision and an equivalent beside them: the table is too tight for every cell to keep to one line.
    const out = tempDir();
    const now = 'test/fixtures/diff/meridian-q1-fy26.yaml';
    expect(await run(['build', now, '--since', 'test/fixtures/diff/meridian-q4-fy25.yaml', '--out', out])).toMatchObject({ code: 0 });
    const pdf = await readPdf(new Uint8Array(readFileSync(join(out, 'meridian-q1-fy26.pdf'))));
    const lines = sectionText(pdf, 'Changes since Q4 FY2025').split('\n').map((l) => l.trim());
    // A sign alone at a line's end reads as belonging to nothing, and the amount below it as unsigned; so does a ▲ or ▼.
    expect(lines.filter((l) => /[+\u2212\u25b2\u25bc]$/.test(l))).toEqual([]);
    for (const difference of ['+US$47.0 million', '+US$4.9 billion', '+US$21.1 million', '\u2212US$1.4 million', '+\u20ac9.6 million', '+US$0.15 billion']) {
      expect(lines.some((l) => l.includes(difference)), difference).toBe(true);
    }
  });

  it('lists in the PDF a figure whose date alone moved since, a table\'s cell and a chart\'s caption edited, and never says nothing changed', async () => {
    const out = tempDir();
    // Both versions with a free table and a captioned chart: the earlier one with capex dated a year early, Norway's share 38
    // and last quarter's caption.
    const table = (share: number) => `          - table:\n              title: Output by country\n              columns: [Country, { title: "Share (%)", decimals: 0 }]\n              rows:\n                - [Norway, ${share}]\n                - [Sweden, 27]\n`;
    const version = (share: number, quarter: string) => readFileSync(Q3, 'utf8').replace('          - bullets:\n', `${table(share)}          - bullets:\n`)
      .replace('    title: Revenue by quarter\n', `    title: Revenue by quarter\n    caption: Quarterly reports, ${quarter} 2025.\n`);
    const [earlier, now] = [join(out, 'nordwind-earlier.yaml'), join(out, 'nordwind-q3.yaml')];
    writeFileSync(earlier, version(38, 'Q2').replace('    period_type: quarter\n    period_end: 2025-09-30\n', '    period_type: quarter\n    period_end: 2024-09-30\n'));
    writeFileSync(now, version(40, 'Q3'));
    expect(await run(['build', now, '--since', earlier, '--out', out])).toMatchObject({ code: 0, err: [] });
    const pdf = await readPdf(new Uint8Array(readFileSync(join(out, 'nordwind-q3.pdf'))));
    const text = squash(sectionText(pdf, 'Changes since the previous version'));
    expect(text).toMatch(/Capital expenditure Q3 2025 \(30 Sep 2024\) → Q3 2025 \(30 Sep ?2025\) €84\.5 million €84\.5 million — = unchanged/);
    expect(text).not.toContain('Nothing in this briefing has changed');
    expect(text).toContain('Tables changed 2.1 Electricity sales (Revenue Streams), table “Output by country” row Norway, Share (%): 38 → 40');
    expect(text).toContain('Charts changed Chart “Revenue by quarter” caption “Quarterly reports, Q2 2025.” → “Quarterly reports, Q3 2025.”');
    expect(flattenOutline(pdf.outline).filter((o) => o.depth === 1 && /changed/.test(o.title)).map((o) => o.title)).toEqual(['Tables changed', 'Charts changed']);
  });

  it('refuses another company\'s canvas as the earlier version (exit 2, no PDF), and warns of one dated after this one', async () => {
    const out = tempDir();
    const refused = await run(['build', Q3, '--since', 'data/alibaba.yaml', '--out', out]);
    expect(refused).toEqual({ code: 2, out: [`0 briefings written, 1 failed: ${Q3} (usage error)`], err: [
      `error: ${Q3}: --since data/alibaba.yaml is the canvas of Alibaba Group Holding Limited (BABA, NYSE), not of Nordwind Energi ASA (NWE, Oslo Børs): its "Changes since" chapter would compare this company's figures with another's. Give --since an earlier copy of this canvas, or a git revision at which it was Nordwind Energi ASA's. A company is known by its ticker and exchange, or by its name where those changed; for one that changed both, see docs/diff.md`,
    ] });
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toEqual([]);
    // The two versions the wrong way round: built, and said on the console.
    const reversed = await run(['build', Q2, '--since', Q3, '--out', out]);
    expect(reversed).toMatchObject({ code: 0, err: [`warning: ${Q2}: since ${Q3}: the version compared with is dated 31 Oct 2025, after this one (31 Jul 2025): is --since the right way round?`] });
  });

  it('sends the briefing as it was last built, its chapter kept through an edit, unless send is given --no-since; says so either way', async () => {
    const out = tempDir();
    const project = tempDir();
    writeFileSync(join(project, 'briefing.config.yaml'), 'mail:\n  from: ir@example.com\nlists:\n  committee:\n    to: [chair@example.com]\nsend:\n  - briefing: nordwind-q3\n    lists: [committee]\n');
    // A copy of Q3, to edit as a user would between the review and the send.
    const q2 = join(process.cwd(), Q2);
    const q3 = join(project, 'nordwind-q3.yaml');
    writeFileSync(q3, readFileSync(Q3, 'utf8'));
    const pdfText = async () => (await readPdf(new Uint8Array(readFileSync(join(out, 'nordwind-q3.pdf'))))).text.join('\n');
    /** The files in the outbox to be sent, and those a revised edition moved out of it (superseded/). */
    const outbox = () => readdirSync(join(out, 'outbox', 'committee')).filter((f) => f.endsWith('.eml')).sort();
    const superseded = () => readdirSync(join(out, 'outbox', 'committee', 'superseded')).sort();
    /** The PDF attached to the outbox file `eml`: the briefing's own bytes? */
    const attached = async (eml: string) => (await simpleParser(readFileSync(join(out, 'outbox', 'committee', eml)))).attachments[0].content;
    expect((await run(['build', q3, '--since', q2, '--out', out])).code).toBe(0);
    expect(await pdfText()).toContain('Changes since Q2 2025');
    const reviewed = readFileSync(join(out, 'nordwind-q3.pdf'));

    // Sent without --since: the PDF that was built, with its chapter, up to date and not printed again; the run says so.
    const sent = await run(['send', q3, '--out', out, '--outbox'], project);
    expect(sent.code, sent.err.join('\n')).toBe(0);
    expect(sent.out).toContain(`nordwind-q3.yaml: sending its briefings with their "Changes since" chapter, as last built (--since ${q2}; --no-since leaves it out)`);
    expect(sent.out).toContain('1 briefing up to date');
    expect(sent.out).toContainEqual(expect.stringMatching(/^ {2}attachment: Nordwind-Energi-ASA-Investor-briefing-Q3-2025\.pdf \(\d+ KB, edition [0-9a-f]{8}, with its chapter "Changes since Q2 2025"\)$/));
    expect(sent.err).toEqual([expect.stringMatching(/^no record of earlier sends was found at /), expect.stringMatching(/^warning: nothing was e-mailed/)]); // the project's first send
    expect(outbox()).toHaveLength(1);
    const first = outbox()[0]!;
    expect(Buffer.compare(await attached(first), reviewed)).toBe(0);

    // A figure corrected after the review, and a metric added that nothing uses: send prints it again, still with the
    // chapter, which shows the corrected figure; the build says the finding, once.
    writeFileSync(q3, readFileSync(q3, 'utf8').replace('value: 322.9,', 'value: 323.4,').replace(/^metrics:\n/m, 'metrics:\n  spare: { label: Spare, value: 1, unit: units, period: Q3 2025, source: Q3 report }\n'));
    const corrected = await run(['send', q3, '--out', out, '--outbox'], project);
    expect(corrected.code, corrected.err.join('\n')).toBe(0);
    const unused = expect.stringMatching(/^nordwind-q3\.yaml:\d+:\d+ warning unused-metric metrics\.spare: /);
    expect(corrected.err.filter((l) => l.includes('unused-metric'))).toEqual([unused]);
    expect(corrected.out).toContainEqual(expect.stringMatching(/^wrote .*nordwind-q3\.pdf /));
    expect(squash(await pdfText())).toContain('Revenue (latest) Q2 2025 → Q3 2025 €311.2 million €323.4 million +€12.2 million ▲ up 3.9%');
    expect([outbox(), superseded()]).toEqual([[expect.not.stringMatching(first)], [first]]); // the file it corrects moved out
    // Sent again, up to date: the build reads nothing, and send says the finding before the briefing goes.
    const again = await run(['send', q3, '--out', out, '--dry-run'], project);
    expect(again.out.join('\n')).toMatch(/^nordwind-q3 to list committee: already in the outbox folder for every recipient/m);
    expect(again.err.filter((l) => l.includes('unused-metric'))).toEqual([unused]);
    // A comment added: the same briefing (a dry run builds nothing, and says the finding once).
    writeFileSync(q3, `${readFileSync(q3, 'utf8')}# checked\n`);
    const commented = await run(['send', q3, '--out', out, '--dry-run'], project);
    expect(commented.out.join('\n')).toMatch(/^nordwind-q3 to list committee: already in the outbox folder for every recipient/m);
    expect(commented.err.filter((l) => l.includes('unused-metric'))).toEqual([unused]);

    // --no-since: the chapter goes, and the build says so before it is sent. Nothing else changed: no correction, not sent
    // as a revised edition (exit 8) but with --resend.
    const refused = await run(['send', q3, '--no-since', '--out', out, '--outbox'], project);
    expect(refused.code).toBe(8);
    expect(refused.err).toContainEqual(expect.stringMatching(/^error: nordwind-q3 to list committee: not sent to chair@example\.com: edition [0-9a-f]{8} differs from edition [0-9a-f]{8} they were sent \(\d{4}-\d{2}-\d{2}\) only in its "Changes since" chapter, which it no longer has, .* send it with --resend/));
    expect(outbox()).toHaveLength(1);
    expect(refused.err[0]).toBe(`warning: ${q3}: its briefings were last built with --since ${q2}, with a "Changes since" chapter; they are printed again without it (give --since ${q2} to keep it)`);
    const without = await run(['send', q3, '--no-since', '--resend', '--out', out, '--outbox'], project);
    expect(without.code, without.err.join('\n')).toBe(0);
    expect(without.err.join('\n')).not.toContain('last built with --since');
    expect(without.out.join('\n')).not.toContain('as last built');
    expect(await pdfText()).not.toContain('Changes since Q2 2025');
    expect([outbox(), superseded()]).toEqual([[expect.any(String)], [expect.any(String), expect.any(String)]]);
    // Said once: the next build knows the chapter is gone, and a send without --since keeps it gone.
    // (It says the canvas's finding again, found up to date: its unused metric.)
    expect((await run(['build', q3, '--out', out])).err).toEqual([expect.stringMatching(/ warning unused-metric metrics\.spare: /)]);
    const after = await run(['send', q3, '--out', out, '--dry-run'], project);
    expect(after.out.join('\n')).not.toMatch(/as last built|with its chapter/);
  });
});
