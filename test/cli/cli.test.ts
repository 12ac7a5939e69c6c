import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from '../../src/errors.ts';
import { readPdf, type PdfReadBack } from '../support/read-pdf.ts';
import { flattenOutline } from '../support/briefing-layout.ts';
import { tempDir } from '../support/temp.ts';
import { firstDifference } from '../support/byte-diff.ts';
import { sharedBuild, type SharedBuild } from '../support/shared-builds.ts';
import { runCli } from '../support/cli.ts';
import { NORDWIND } from '../support/fixtures.ts';

const run = (argv: string[], env: NodeJS.ProcessEnv = process.env) => runCli(argv, { env });

describe('briefing without a browser', () => {
  it('prints help and version, and rejects unknown commands and options with the usage code', async () => {
    expect((await run(['--help'])).out).toMatch(/briefing build \[PATH\.\.\.\]/);
    expect((await run(['build', '--help'])).out).toMatch(/--page-size SIZE/);
    expect((await run(['check', '--help'])).code).toBe(EXIT.ok);
    expect((await run(['--version'])).out).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    const unknown = await run(['publish']);
    expect([unknown.code, unknown.err]).toEqual([EXIT.usage, 'error: unknown command "publish"; use build, watch, send, check, diff or worker (see briefing --help)']);
    const badFlag = await run(['build', '--colour']);
    expect(badFlag.code).toBe(EXIT.usage);
    expect(badFlag.err).toMatch(/unknown option '--colour'/);
    const a5 = await run(['build', NORDWIND, '--page-size', 'a5']);
    expect(a5.code).toBe(EXIT.usage);
    expect(a5.err).toMatch(/page size "a5" is not supported: use a4 or letter/);
    expect((await run(['check', 'no/such/file.yaml'])).code).toBe(EXIT.usage);
    expect(await run(['check', '/dev/null'])).toMatchObject({ code: EXIT.usage, err: 'error: /dev/null: not a canvas file or a folder of them' });
  });

  it('checks canvases: ok lines for valid ones, file:line:column problems and exit 3 for invalid ones', async () => {
    const ok = await run(['check', NORDWIND]);
    expect(ok).toMatchObject({ code: EXIT.ok, out: 'ok test/fixtures/valid/nordwind.yaml: 6 metrics, briefings: full' });
    const bad = await run(['check', 'test/fixtures/invalid', NORDWIND]);
    expect(bad.code).toBe(EXIT.invalidData);
    expect(bad.err).toMatch(/^error: test\/fixtures\/invalid\/broken-references\.yaml: invalid canvas \(2 problems\)/m);
    expect(bad.err).toMatch(/test\/fixtures\/invalid\/broken-types\.yaml:15:12: metrics\.revenue\.value: expected a number, found "12\.5"/);
    expect(bad.out).toContain('ok test/fixtures/valid/nordwind.yaml');
    expect(bad.err).not.toMatch(/\n\s+at /); // no stack trace for a user's mistake
  });

  it('runs as the real binary', () => {
    const out = execFileSync('node', ['bin/briefing.js', 'check', NORDWIND], { encoding: 'utf8' });
    expect(out.trim()).toBe('ok test/fixtures/valid/nordwind.yaml: 6 metrics, briefings: full');
  });
});

describe('briefing build', () => {
  // test/support/setup-builds.ts built the fixture once for the run, with --html.
  let built: SharedBuild;
  let outDir: string;
  let pdf: PdfReadBack;

  beforeAll(async () => {
    built = await sharedBuild('nordwind');
    outDir = built.dir;
    pdf = await readPdf(new Uint8Array(readFileSync(join(outDir, 'nordwind.pdf'))));
  });

  it('writes the PDF and the HTML and reports path, pages and time', () => {
    expect(built.err).toEqual([]);
    expect(built.code).toBe(EXIT.ok);
    expect(built.out.join('\n')).toMatch(new RegExp(`^wrote ${outDir}/nordwind\\.pdf  ${pdf.pages} pages  edition [0-9a-f]{8}  \\d+\\.\\d s  \\(\\+ ${outDir}/nordwind\\.html\\)$`));
    expect(readdirSync(outDir).sort()).toEqual(['.briefing-manifest.json', 'nordwind.html', 'nordwind.pdf']);
  });

  it('numbers every page "Page N of M" and sizes it A4', () => {
    pdf.text.forEach((page, i) => {
      if (i === 0) expect(page).not.toMatch(/Page 1 of/); // the cover carries no footer
      else expect(page).toContain(`Page ${i + 1} of ${pdf.pages}`);
    });
    // A4 is 595.28 x 841.89 pt; Chromium rounds the page to whole CSS pixels.
    pdf.pageSizes.forEach(([w, h]) => {
      expect(Math.abs(w - 595.28)).toBeLessThan(1);
      expect(Math.abs(h - 841.89)).toBeLessThan(1);
    });
  });

  it('prints a contents page whose numbers are the pages the chapters start on', () => {
    const contents = pdf.text.findIndex((t) => /^\s*Contents\s*$/m.test(t) && t.includes('Revenue Streams'));
    expect(contents).toBeGreaterThan(0);
    // The bookmarks point at the headings themselves, independently of the contents page.
    const bookmarked = new Map(pdf.outline.map((o) => [o.title.replace(/^\d+\s+/, ''), o.page]));
    for (const title of ['Key figures', 'Key Partnerships', 'Key Resources', 'Cost Structure', 'Revenue Streams', 'Data notes']) {
      const listed = new RegExp(`${title}\\s*(\\d+)`).exec(pdf.text[contents])?.[1];
      expect(listed, title).toBeDefined();
      expect(Number(listed), title).toBe(bookmarked.get(title));
    }
    expect(new Set(bookmarked.values()).size).toBeGreaterThan(3); // chapters really are on different pages
  });

  it('bookmarks every chapter and section in order, each on its page, and sets the document information and language', () => {
    const bookmarks = flattenOutline(pdf.outline);
    // Indented by level, as a reader sees the outline.
    expect(bookmarks.map((b) => `${'  '.repeat(b.depth)}${b.title}`)).toEqual([
      'Key figures',
      'Contents',
      '1 Key Partnerships',
      '  1.1 Turbine suppliers',
      '2 Key Resources',
      '  2.1 Generation fleet',
      '3 Cost Structure',
      '  3.1 Operating costs',
      '4 Revenue Streams',
      '  4.1 Power sales',
      'Data notes',
      '  Where sources disagree',
      '  Sources',
      '  As-of dates',
      '  Figure register',
      'Important information',
      '  Disclaimer',
      '  Forward-looking statements',
    ]);
    for (const b of bookmarks) {
      expect(Number.isInteger(b.page), `${b.title}: page ${b.page}`).toBe(true);
      expect(b.page, b.title).toBeGreaterThanOrEqual(1);
      expect(b.page, b.title).toBeLessThanOrEqual(pdf.pages);
    }
    const pages = bookmarks.map((b) => b.page!);
    expect(pages, 'in reading order').toEqual([...pages].sort((a, b) => a - b));
    expect(pdf.metadata).toMatchObject({
      title: 'Nordwind Energi ASA: Investor briefing, FY2025',
      author: 'Nordwind Energi ASA',
      language: 'en',
      creator: 'canvas-briefing',
    });
    expect(pdf.metadata.subject).toContain('Business Model Canvas');
    expect(pdf.metadata.keywords).toContain('NWE');
    expect(pdf.tagged).toBe(true);
  });

  it('embeds every font and uses no Type 3 glyphs', () => {
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const f of pdf.fonts) {
      expect(f.type, f.name).not.toBe('Type3');
      expect(f.embedded, f.name).toBe(true);
      expect(f.name).toMatch(/Inter|NotoSans/);
    }
  });

  it('prints figures with units, signs and separators', () => {
    const all = pdf.text.join('\n');
    for (const figure of ['€1,234.5 million', '\u2212€42.7 million', '\u2212140% YoY', 'approx. 3.4 GW', '812 turbines']) expect(all).toContain(figure);
  });

  it('builds byte-identical PDFs from the same canvas (dated by the canvas, not the clock, whatever the file is called)', async () => {
    // The shared "mixed" build printed the same canvas as b-nordwind.yaml, in another run, beside other builds.
    const again = await sharedBuild('mixed');
    expect(firstDifference(readFileSync(join(again.dir, 'b-nordwind.pdf')), readFileSync(join(outDir, 'nordwind.pdf')))).toBe('identical');
    expect(pdf.metadata.creationDate).toMatch(/2026-02-15|20260215/);
  });
});

describe('briefing build with bad input', () => {
  it('builds the good canvas after the bad one, writes nothing for the bad one, and exits 3', async () => {
    // The shared "mixed" build: a folder of a-broken.yaml, then b-nordwind.yaml.
    const result = await sharedBuild('mixed');
    const [out, err] = [result.out.join('\n'), result.err.join('\n')];
    expect(result.code).toBe(EXIT.invalidData);
    expect(readdirSync(result.dir)).toEqual(['.briefing-manifest.json', 'b-nordwind.pdf']);
    expect(err).toMatch(/a-broken\.yaml:15:12: metrics\.revenue\.value: expected a number/);
    expect(out).toMatch(/^wrote \S+b-nordwind\.pdf {2}\d+ pages/);
    // The closing line names what failed again: in a long build its error has scrolled far up.
    expect(out).toMatch(/1 briefing written, 1 failed in (\d+\.\d s|\d+ min \d\d s): \S+\/a-broken\.yaml \(invalid data\)$/);
  });

  it('keeps the last good PDF when a rebuild fails', async () => {
    const dataDir = tempDir();
    const outDir = tempDir();
    const canvas = join(dataDir, 'nordwind.yaml');
    // The last good PDF: the one the shared build wrote from the same canvas.
    const good = readFileSync(join((await sharedBuild('nordwind')).dir, 'nordwind.pdf'));
    writeFileSync(join(outDir, 'nordwind.pdf'), good);

    writeFileSync(canvas, readFileSync(NORDWIND, 'utf8').replace('value: 812', 'value: eight hundred'));
    expect((await run(['build', canvas, '--out', outDir])).code).toBe(EXIT.invalidData);
    expect(readFileSync(join(outDir, 'nordwind.pdf')).equals(good)).toBe(true);

    copyFileSync(NORDWIND, canvas);
    const noBrowser = await run(['build', canvas, '--out', outDir, '--browser', '/nonexistent/chrome']);
    expect(noBrowser.code).toBe(EXIT.browserNotFound);
    expect(noBrowser.err).toContain('/nonexistent/chrome');
    expect(noBrowser.err.match(/^error:/gm)).toHaveLength(1); // said once, not once per briefing
    expect(readFileSync(join(outDir, 'nordwind.pdf')).equals(good)).toBe(true);
    expect(readdirSync(outDir)).toEqual(['nordwind.pdf']); // no briefing written, so no manifest either
  });

  it('builds --set only from the canvases that have it, and suggests the name when none has', async () => {
    // The shared "sets" build: nordwind.yaml (no block sets) and nordwind-sets.yaml (set "finance"), --set finance.
    const sets = await sharedBuild('sets');
    expect([sets.code, sets.err]).toEqual([EXIT.ok, []]);
    expect(sets.out).toContain('skipped test/fixtures/valid/nordwind.yaml: no block set "finance" (this canvas has: full)');
    expect(readdirSync(sets.dir)).toEqual(['.briefing-manifest.json', 'nordwind-sets--finance.pdf']);
    const finance = await readPdf(new Uint8Array(readFileSync(join(sets.dir, 'nordwind-sets--finance.pdf'))));
    expect(finance.outline.map((o) => o.title)).toEqual(['Key figures', 'Contents', '3 Cost Structure', '4 Revenue Streams', 'Data notes', 'Important information']);

    const typo = await run(['build', NORDWIND, join(sets.inputs, 'nordwind-sets.yaml'), '--out', tempDir(), '--set', 'finanse']);
    expect(typo.code).toBe(EXIT.usage);
    expect(typo.err).toBe('error: no canvas has a block set "finanse"; did you mean "finance"? Block sets here: full, finance');
  });

  it('reports a missing browser once for the whole run, not once per briefing', async () => {
    const result = await run(['build', 'data/alibaba.yaml', '--out', tempDir()], { ...process.env, BRIEFING_BROWSER: '/nonexistent/chrome' });
    expect(result.code).toBe(EXIT.browserNotFound);
    expect(result.err.match(/^error:/gm)).toHaveLength(1);
    expect(result.err).toMatch(/BRIEFING_BROWSER/);
  });

  it('says of a --timeout too small for the browser that each briefing timed out after that many seconds, and how to give it longer, not Puppeteer\'s settings', async () => {
    const result = await run(['build', '--force', '--timeout', '0.05', 'data/alibaba.yaml', '--out', tempDir()]);
    expect(result.code).toBe(EXIT.render);
    // Whether the browser started in time here or not, each briefing's line says where it stopped, in the user's units and words.
    const lines = result.err.split('\n').filter((l) => l.startsWith('error: '));
    expect(lines).toHaveLength(4);
    // The closing line names each by its canvas and block set, and says what happened: no "render failure", nothing was rendered.
    expect(result.out).toMatch(/^0 briefings written, 4 failed: data\/alibaba\.yaml \(full briefing: (printing timed out|the browser timed out starting)\), /m);
    for (const line of lines) {
      expect(line).toMatch(/^error: data\/alibaba\.yaml \((full briefing|commerce|cloud_ai|international)\): (The browser .* timed out after 0\.05 s while starting|Printing the briefing timed out after 0\.05 s)\. .*give it longer with --timeout SECONDS or BRIEFING_TIMEOUT/);
      expect(line).not.toMatch(/protocolTimeout|launch\/connect| ms\b/);
    }
  });

  it('refuses an output folder it cannot write before rendering anything', async () => {
    const result = await run(['build', NORDWIND, '--out', 'README.md/briefings']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.err).toMatch(/^error: cannot write to output folder README\.md\/briefings: a part of its path is a file, not a folder\. Choose another with --out\.$/);
  });
});
