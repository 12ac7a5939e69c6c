/**
 * Incremental builds through buildBriefings with a printer that prints nothing real: which briefings
 * are printed again, which are reported up to date, which files go when their briefing is gone, and
 * what is never touched. The real browser and binary are in test/cli/regenerate.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { buildBriefings, MANIFEST_FILE, type BuildEvent } from '../../src/pipeline.ts';
import { EXIT } from '../../src/errors.ts';
import type { BuildOptions } from '../../src/config.ts';
import { fakePrinter, linkedAnchors, breaksAtFourthRow } from '../support/fake-printer.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { FINANCE_SET } from '../support/setup-builds.ts';
import { tempDir } from '../support/temp.ts';

const nordwind = readFileSync(NORDWIND, 'utf8');

/** A folder holding nordwind.yaml (no block sets) and sets.yaml (the same with a block set "finance"), and an output folder. */
function project() {
  const dir = tempDir();
  writeFileSync(join(dir, 'nordwind.yaml'), nordwind);
  writeFileSync(join(dir, 'sets.yaml'), `${nordwind}${FINANCE_SET}`);
  return { dir, out: join(dir, 'out'), canvases: [join(dir, 'nordwind.yaml'), join(dir, 'sets.yaml')] };
}

/** Builds with a fake printer whose PDF names the briefing's edition, so two editions differ in bytes. */
async function build(canvases: string[], out: string, more: Partial<BuildOptions> = {}) {
  const { printer, printed, calls } = fakePrinter(({ html }) => {
    const edition = /Edition ([0-9a-f]{8})/.exec(html)?.[1] ?? 'none';
    return { pdf: new TextEncoder().encode(`%PDF-1.7\n% ${edition}\n%%EOF\n`), pages: 3, anchors: linkedAnchors(html, 2), blocked: [] };
  });
  const events: BuildEvent[] = [];
  await buildBriefings(canvases, { outDir: out, pageSize: 'A4', html: false, timeoutMs: 10_000, ...more }, printer, (e) => events.push(e));
  const names = (kind: BuildEvent['kind']) => events.filter((e) => e.kind === kind).map((e) => ('name' in e ? e.name : e.kind)).sort();
  // Why each briefing printed was printed (what --verbose says), by name.
  const reasons = Object.fromEntries(events.flatMap((e) => (e.kind === 'printing' ? [[e.name, e.reason]] : [])));
  return { events, printed, calls, reasons, built: names('built'), current: names('current'), removed: names('removed'), failed: names('failed') };
}

/** The page numbers a print's contents showed, distinct, joined by commas ('' for a draft's empty ones). */
const shownPages = (html: string) => [...new Set([...html.matchAll(/<span class="toc-page">(\d*)<\/span>/g)].map((m) => m[1]))].join(',');
const files = (out: string) => readdirSync(out).sort();
const bytes = (out: string) => Object.fromEntries(files(out).map((f) => [f, readFileSync(join(out, f), 'latin1')]));

describe('a large build', () => {
  it('makes the models it did not keep from planning again for printing, to the same HTML and bytes', async () => {
    const { canvases, out } = project();
    const kept = await build(canvases, out);
    const remade = await build(canvases, `${out}-remade`, { heldModels: 0 });
    expect(remade.built).toEqual(kept.built);
    expect(remade.built).toHaveLength(3);
    expect(remade.printed.map((p) => p.html)).toEqual(kept.printed.map((p) => p.html));
    expect(bytes(`${out}-remade`)).toEqual(bytes(out));
  });
});

describe('a first build of many canvases', () => {
  it('prints a copy of a canvas once, with the pages and cuts of the briefing it copies, to the same bytes; another company is drafted', async () => {
    const dir = tempDir();
    const files = { 'a.yaml': nordwind, 'copy.yaml': nordwind, 'other.yaml': nordwind.replaceAll('Nordwind', 'Südstern') };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    // Chapters on page 2; every tracked row from the 4th (index 3) of every long table on page 3: each breaks there.
    const { printer, printed } = fakePrinter(({ html }) => ({
      pdf: new TextEncoder().encode(`%PDF-1.7\n% ${html.length}\n%%EOF\n`), pages: 3, blocked: [],
      anchors: linkedAnchors(html, breaksAtFourthRow),
    }));
    await buildBriefings(Object.keys(files).map((f) => join(dir, f)), { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1 }, printer, () => {});
    const cut = (html: string) => html.includes('<div class="table-block table-continued');
    // a: a draft finds the pages and the break, the print shows them; its copy: one print; other: as a.
    expect(printed.map((p) => [p.draft, shownPages(p.html), cut(p.html)])).toEqual([[true, '', false], [false, '2', true], [false, '2', true], [true, '', false], [false, '2', true]]);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', MANIFEST_FILE), 'utf8'));
    expect(manifest.briefings.copy.breaks).toEqual(manifest.briefings.a.breaks);
    expect(manifest.briefings.copy.contents).toEqual(manifest.briefings.a.contents);
    expect(readFileSync(join(dir, 'out', 'copy.pdf'))).toEqual(readFileSync(join(dir, 'out', 'a.pdf')));
  });
});

describe('a contents list longer than a page', () => {
  it('is kept on one page in the first draft, and drafted again flowing, then cut, when it breaks all the same', async () => {
    const { out, canvases } = project();
    const { printer, printed } = fakePrinter(({ html }) => ({
      pdf: new TextEncoder().encode(`%PDF-1.7\n% ${html.length}\n%%EOF\n`), pages: 3, blocked: [],
      anchors: linkedAnchors(html, (anchor) => breaksAtFourthRow(anchor, true)),
    }));
    await buildBriefings([canvases[0]!], { outDir: out, pageSize: 'A4', html: false, timeoutMs: 10_000 }, printer, () => {});
    const kept = (html: string) => html.includes('<nav class="contents one-page"');
    const continued = (html: string) => html.includes('<table class="toc toc-continued">');
    expect(printed.map((p) => [p.draft, kept(p.html), continued(p.html)])).toEqual([[true, true, false], [true, false, false], [false, false, true]]);
    expect(JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')).briefings.nordwind.breaks.toc).toEqual([3]);
    // Built again as it was: the recorded cut says the list is longer than a page, and it prints at once, flowing.
    printed.length = 0;
    await buildBriefings([canvases[0]!], { outDir: out, pageSize: 'A4', html: false, timeoutMs: 10_000, force: true }, printer, () => {});
    expect(printed.map((p) => [p.draft, kept(p.html), continued(p.html)])).toEqual([[false, false, true]]);
  });
});

describe('an incremental build', () => {
  it('prints nothing the second time, reports every briefing up to date and leaves every byte as it was', async () => {
    const { out, canvases } = project();
    const first = await build(canvases, out);
    expect(first.built).toEqual(['nordwind', 'sets', 'sets--finance']);
    const before = bytes(out);
    const second = await build(canvases, out);
    expect(second.current).toEqual(['nordwind', 'sets', 'sets--finance']);
    expect(second.built).toEqual([]);
    expect(second.calls).toEqual([]); // not even a launch
    expect(second.events.some((e) => e.kind === 'queued')).toBe(false);
    expect(bytes(out)).toEqual(before);
  });

  it('says when the canvas is as it was but the tool (or the theme) now makes other text or figures of it', async () => {
    const { out, canvases } = project();
    await build(canvases, out);
    // As if an earlier version of the tool, or another theme (whose settings are in the content: negative_numbers), had
    // made this briefing's content otherwise: the build cannot tell which, and names what it knows changed.
    const file = join(out, MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    Object.assign(manifest.briefings.nordwind, { content: 'made-by-an-earlier-version', inputs: 'and-so-its-inputs', context: 'by-an-earlier-tool' });
    writeFileSync(file, JSON.stringify(manifest));
    expect((await build(canvases, out)).reasons).toEqual({ nordwind: 'the tool, its templates and styles, the theme, the browser or the page size changed' });
  });

  it('prints again only the briefings a changed figure appears in', async () => {
    const { dir, out, canvases } = project();
    await build(canvases, out);
    // Turbines appear in key partnerships and key resources: not in the finance set's blocks.
    writeFileSync(join(dir, 'sets.yaml'), `${nordwind.replace('value: 812', 'value: 813')}${FINANCE_SET}`);
    const again = await build(canvases, out);
    expect(again.built).toEqual(['sets']);
    expect(again.current).toEqual(['nordwind', 'sets--finance']);
    expect(again.reasons).toEqual({ sets: 'its figures or text changed' });
    // A figure of the finance blocks changes both briefings of that canvas.
    writeFileSync(join(dir, 'sets.yaml'), `${nordwind.replace('value: -42.7', 'value: -42.8')}${FINANCE_SET}`);
    expect((await build(canvases, out)).built).toEqual(['sets', 'sets--finance']);
  });

  it('prints a changed briefing once, with the chapter pages of its last build, and again only when a chapter moved', async () => {
    const { out, canvases } = project();
    const canvas = [canvases[0]];
    /** A printer that puts every chapter on page `page`; returns the calls made and the page numbers each print's contents showed. */
    const printAt = async (page: number) => {
      const { printer, printed, calls } = fakePrinter(({ html }) => ({
        pdf: new TextEncoder().encode(`%PDF-1.7\n% ${html.length}\n%%EOF\n`), pages: 9, anchors: linkedAnchors(html, page), blocked: [],
      }));
      await buildBriefings(canvas, { outDir: out, pageSize: 'A4', html: false, timeoutMs: 10_000 }, printer, () => {});
      const shown = printed.map((p) => shownPages(p.html));
      return { calls, shown };
    };
    const recorded = () => Object.values(JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')).briefings.nordwind.contents as Record<string, number>);

    // First build: nothing known, so a draft finds the pages and the print shows them.
    expect(await printAt(4)).toEqual({ calls: ['launch', 'draft', 'print'], shown: ['', '4'] });
    expect(new Set(recorded())).toEqual(new Set([4]));
    // A figure changes, the chapters stay: one print, with the pages from last time.
    writeFileSync(canvas[0], nordwind.replace('value: 812', 'value: 813'));
    expect(await printAt(4)).toEqual({ calls: ['launch', 'print'], shown: ['4'] });
    // A figure changes and the chapters move: the first print shows the old pages, so it is printed again.
    writeFileSync(canvas[0], nordwind.replace('value: 812', 'value: 814'));
    expect(await printAt(5)).toEqual({ calls: ['launch', 'print', 'print'], shown: ['4', '5'] });
    expect(new Set(recorded())).toEqual(new Set([5]));
    // Pages on record that are not pages (a manifest edited by hand) are not believed: a draft as on the first build.
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8'));
    manifest.briefings.nordwind.contents = Object.fromEntries(Object.keys(manifest.briefings.nordwind.contents).map((k) => [k, -1]));
    writeFileSync(join(out, MANIFEST_FILE), JSON.stringify(manifest));
    writeFileSync(canvas[0], nordwind.replace('value: 812', 'value: 815'));
    expect(await printAt(5)).toEqual({ calls: ['launch', 'draft', 'print'], shown: ['', '5'] });
    // Cuts on record that are not cuts: as none (the pages are believed), not a failed build.
    const again = JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8'));
    again.briefings.nordwind.breaks = null;
    writeFileSync(join(out, MANIFEST_FILE), JSON.stringify(again));
    writeFileSync(canvas[0], nordwind.replace('value: 812', 'value: 816'));
    expect(await printAt(5)).toEqual({ calls: ['launch', 'print'], shown: ['5'] });
  });

  it('cuts long tables where the last build did only for the same content: after an edit they are cut where a print shows', async () => {
    const { out, canvases } = project();
    const canvas = [canvases[0]!];
    // Chapters on page 2, and every tracked row from the 4th (index 3) of every long table on page 3: each breaks there.
    const printAt = async (more: Partial<BuildOptions> = {}) => {
      const { printer, printed } = fakePrinter(({ html }) => ({
        pdf: new TextEncoder().encode(`%PDF-1.7\n% ${html.length}\n%%EOF\n`), pages: 3, blocked: [],
        anchors: linkedAnchors(html, breaksAtFourthRow),
      }));
      await buildBriefings(canvas, { outDir: out, pageSize: 'A4', html: false, timeoutMs: 10_000, ...more }, printer, () => {});
      return printed.map((p) => [p.draft, p.html.includes('<div class="table-block table-continued')]);
    };
    const recorded = () => JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')).briefings.nordwind.breaks as Record<string, number[]>;
    // First build: the draft shows the break, the print is cut there and the cuts are recorded.
    expect(await printAt()).toEqual([[true, false], [false, true]]);
    expect(Object.values(recorded()).flat()).toContain(3);
    // The same content printed again (--force): cut at once, one print.
    expect(await printAt({ force: true })).toEqual([[false, true]]);
    // An edit: neither pages nor cuts are taken from the last build (the table may have moved): a draft finds them,
    // as on the first build (the pages alone would take a whole print to find where the tables now break).
    writeFileSync(canvas[0]!, nordwind.replace('value: 812', 'value: 813'));
    expect(await printAt()).toEqual([[true, false], [false, true]]);
  });

  it('names the PDFs after the period with briefing.file_name, and keeps the last period\'s as an archive when the next one is built', async () => {
    const { dir, out } = project();
    const canvas = join(dir, 'nordwind.yaml');
    const named = (period: string, asOf: string) => nordwind.replace('  period: FY2025\n  as_of: 2026-02-15\n', `  period: ${period}\n  as_of: ${asOf}\n  file_name: "{stem}-{period}"\n`);
    writeFileSync(canvas, named('FY2025', '2026-02-15'));
    expect((await build([canvas], out)).built).toEqual(['nordwind-FY2025']);
    const fy2025 = readFileSync(join(out, 'nordwind-FY2025.pdf'));
    // The next period: a new PDF beside the old one, which is kept and no longer tracked.
    writeFileSync(canvas, named('Q1 2026', '2026-05-15'));
    const next = await build([canvas], out);
    expect(next.built).toEqual(['nordwind-Q1-2026']);
    expect(next.events.filter((e) => e.kind === 'removed')).toEqual([{ kind: 'removed', name: 'nordwind-FY2025', reason: 'archived', removed: [], kept: [join(out, 'nordwind-FY2025.pdf')] }]);
    expect(files(out)).toEqual([MANIFEST_FILE, 'nordwind-FY2025.pdf', 'nordwind-Q1-2026.pdf']);
    expect(readFileSync(join(out, 'nordwind-FY2025.pdf')).equals(fy2025)).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')).briefings)).toEqual(['nordwind-Q1-2026']);
    // The same period under a new name (file_name edited, or named otherwise by a new version): replaced, not kept as an archive.
    writeFileSync(canvas, named('Q1 2026', '2026-05-15').replace('"{stem}-{period}"', '"{stem}_{period}"'));
    const renamed = await build([canvas], out);
    expect([renamed.built, renamed.removed]).toEqual([['nordwind_Q1-2026'], ['nordwind-Q1-2026']]);
    expect(files(out)).toEqual([MANIFEST_FILE, 'nordwind-FY2025.pdf', 'nordwind_Q1-2026.pdf']);
    writeFileSync(canvas, named('Q1 2026', '2026-05-15'));
    expect((await build([canvas], out)).built).toEqual(['nordwind-Q1-2026']);
    // Without a period in the name, a renamed briefing's PDF goes as before.
    writeFileSync(canvas, nordwind.replace('  as_of: 2026-02-15\n', '  as_of: 2026-02-15\n  file_name: "{ticker}"\n'));
    expect((await build([canvas], out)).built).toEqual(['NWE']);
    writeFileSync(canvas, nordwind);
    const plain = await build([canvas], out);
    expect([plain.built, plain.removed]).toEqual([['nordwind'], ['NWE']]);
    expect(files(out)).toEqual([MANIFEST_FILE, 'nordwind-FY2025.pdf', 'nordwind-Q1-2026.pdf', 'nordwind.pdf']);
  });

  it('replaces, not archives, a briefing whose period words were edited on the same date, and never calls a later date\'s earlier', async () => {
    // A watch trial: "Q3 2025" edited to "Q3 2025 preliminary" and on, as_of the same, left a PDF each, called archives
    // of an earlier period, with figures no later build updated; so did a roll-forward to Q4 taken back.
    const { dir, out } = project();
    const canvas = join(dir, 'nordwind.yaml');
    const named = (period: string, asOf: string) => nordwind.replace('  period: FY2025\n  as_of: 2026-02-15\n', `  period: ${period}\n  as_of: ${asOf}\n  file_name: "{stem}-{period}"\n`);
    const removed = (run: Awaited<ReturnType<typeof build>>) => run.events.flatMap((e) => (e.kind === 'removed' ? [[e.name, e.reason, e.removed.length, e.kept.length]] : []));
    writeFileSync(canvas, named('Q1 2026', '2026-05-15'));
    await build([canvas], out);
    writeFileSync(canvas, named('Q1 2026 preliminary', '2026-05-15'));
    expect(removed(await build([canvas], out))).toEqual([['nordwind-Q1-2026', 'renamed', 1, 0]]);
    expect(files(out)).toEqual([MANIFEST_FILE, 'nordwind-Q1-2026-preliminary.pdf']);
    // The next period: the last one's kept as its archive.
    writeFileSync(canvas, named('Q2 2026', '2026-08-15'));
    expect(removed(await build([canvas], out))).toEqual([['nordwind-Q1-2026-preliminary', 'archived', 0, 1]]);
    // Taken back to Q1: the Q2 briefing is of a later date, kept, and said so; the Q1 one is built again.
    writeFileSync(canvas, named('Q1 2026', '2026-05-15'));
    const back = await build([canvas], out);
    expect([back.built, removed(back)]).toEqual([['nordwind-Q1-2026'], [['nordwind-Q2-2026', 'later', 0, 1]]]);
    expect(files(out)).toEqual([MANIFEST_FILE, 'nordwind-Q1-2026-preliminary.pdf', 'nordwind-Q1-2026.pdf', 'nordwind-Q2-2026.pdf']);
    // The next period's words written before its as_of: the same date, another period. Kept, as it may be the last
    // quarter's archive (a file removed cannot be had back), and said so; the as_of then rolled forward builds the same name.
    writeFileSync(canvas, named('Q2 2026', '2026-05-15'));
    const early = await build([canvas], out);
    expect(removed(early)).toEqual([['nordwind-Q1-2026', 'same-date', 0, 1]]);
    writeFileSync(canvas, named('Q2 2026', '2026-08-16'));
    expect(removed(await build([canvas], out))).toEqual([]);
    expect(files(out)).toEqual([MANIFEST_FILE, 'nordwind-Q1-2026-preliminary.pdf', 'nordwind-Q1-2026.pdf', 'nordwind-Q2-2026.pdf']);
    writeFileSync(canvas, named('Q1 2026', '2026-05-15'));
    await build([canvas], out);
    // A manifest written before as_of dates were kept: matched by title as before (the same title renamed goes).
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')) as { briefings: Record<string, { asOf?: string }> };
    for (const e of Object.values(manifest.briefings)) delete e.asOf;
    writeFileSync(join(out, MANIFEST_FILE), JSON.stringify(manifest));
    writeFileSync(canvas, named('Q1 2026', '2026-05-15').replace('"{stem}-{period}"', '"{stem}_{period}"'));
    expect(removed(await build([canvas], out))).toEqual([['nordwind-Q1-2026', 'renamed', 1, 0]]);
  });

  it('keeps a briefing named by its date ({as_of}) as an archive when the next date is built, its period unchanged', async () => {
    const { dir, out } = project();
    const canvas = join(dir, 'nordwind.yaml');
    const dated = (asOf: string) => nordwind.replace('  as_of: 2026-02-15\n', `  as_of: ${asOf}\n  file_name: "{stem}-{as_of}"\n`);
    writeFileSync(canvas, dated('2026-02-15'));
    expect((await build([canvas], out)).built).toEqual(['nordwind-2026-02-15']);
    writeFileSync(canvas, dated('2026-02-28'));
    const next = await build([canvas], out);
    expect(next.built).toEqual(['nordwind-2026-02-28']);
    expect(next.events.filter((e) => e.kind === 'removed')).toEqual([{ kind: 'removed', name: 'nordwind-2026-02-15', reason: 'archived', removed: [], kept: [join(out, 'nordwind-2026-02-15.pdf')] }]);
    expect(files(out)).toEqual([MANIFEST_FILE, 'nordwind-2026-02-15.pdf', 'nordwind-2026-02-28.pdf']);
  });

  it('treats a canvas edit that changes no briefing (a comment) as no change', async () => {
    const { dir, out, canvases } = project();
    await build(canvases, out);
    writeFileSync(join(dir, 'nordwind.yaml'), `# reviewed\n${nordwind}`);
    const again = await build(canvases, out);
    expect(again.built).toEqual([]);
    expect(again.current).toEqual(['nordwind', 'sets', 'sets--finance']);
    expect((await build(canvases, out)).current).toHaveLength(3); // and the canvas's new bytes are on record
  });

  it('prints again a PDF deleted or edited by hand, and everything with --force', async () => {
    const { out, canvases } = project();
    expect((await build(canvases, out)).reasons).toEqual({ nordwind: 'not built into this folder before', sets: 'not built into this folder before', 'sets--finance': 'not built into this folder before' });
    rmSync(join(out, 'sets.pdf'));
    writeFileSync(join(out, 'nordwind.pdf'), '%PDF-1.7\n% edited\n%%EOF\n');
    const again = await build(canvases, out);
    expect(again.built).toEqual(['nordwind', 'sets']);
    expect(again.reasons.sets).toBe('its files in the output folder were changed or removed, or an HTML copy is asked for');
    const forced = await build(canvases, out, { force: true });
    expect(forced.built).toEqual(['nordwind', 'sets', 'sets--finance']);
    expect(new Set(Object.values(forced.reasons))).toEqual(new Set(['--force']));
  });

  it('prints again when the page size or the HTML copy asked for changes', async () => {
    const { out, canvases } = project();
    await build([canvases[0]], out);
    const letter = await build([canvases[0]], out, { pageSize: 'Letter' });
    expect([letter.built, letter.reasons]).toEqual([['nordwind'], { nordwind: 'the tool, its templates and styles, the theme, the browser or the page size changed' }]);
    expect((await build([canvases[0]], out, { pageSize: 'Letter', html: true })).built).toEqual(['nordwind']);
    expect(files(out)).toEqual([MANIFEST_FILE, 'nordwind.html', 'nordwind.pdf']);
    expect((await build([canvases[0]], out, { pageSize: 'Letter' })).current).toEqual(['nordwind']); // the HTML is still that briefing's
    // Printed again without --html, the briefing's HTML copy is out of date: it goes, and says so.
    const a4 = await build([canvases[0]], out);
    expect(a4.built).toEqual(['nordwind']);
    expect(a4.events.find((e) => e.kind === 'removed')).toMatchObject({ name: 'nordwind', reason: 'stale-html', removed: [join(out, 'nordwind.html')] });
    expect(files(out)).toEqual([MANIFEST_FILE, 'nordwind.pdf']);
  });

  it('keeps an HTML copy of the same briefing when its PDF, deleted by hand, is printed again without --html', async () => {
    const { out, canvases } = project();
    await build([canvases[0]], out, { html: true });
    const html = readFileSync(join(out, 'nordwind.html'), 'utf8');
    rmSync(join(out, 'nordwind.pdf'));
    const again = await build([canvases[0]], out);
    expect(again.built).toEqual(['nordwind']);
    expect(again.removed).toEqual([]);
    expect(files(out)).toEqual([MANIFEST_FILE, 'nordwind.html', 'nordwind.pdf']);
    expect(readFileSync(join(out, 'nordwind.html'), 'utf8')).toBe(html);
    // Still on record as that briefing's: a build asking for it finds it up to date.
    expect((await build([canvases[0]], out, { html: true })).current).toEqual(['nordwind']);
  });

  it('leaves the output folder as it was when everything is up to date, manifest included', async () => {
    const { out, canvases } = project();
    await build(canvases, out);
    const stat = statSync(join(out, MANIFEST_FILE));
    await new Promise((r) => setTimeout(r, 20));
    await build(canvases, out);
    expect(statSync(join(out, MANIFEST_FILE)).mtimeMs).toBe(stat.mtimeMs);
  });

  it('stamps each briefing with an edition from its inputs: on the page, in the metadata, the same for the same inputs', async () => {
    const { dir, out, canvases } = project();
    const first = await build(canvases, out);
    const editions = first.events.flatMap((e) => (e.kind === 'built' ? [[e.name, e.edition]] : []));
    const editionOf = Object.fromEntries(editions);
    // nordwind.yaml and sets.yaml hold the same full briefing under two file names: one edition.
    expect(editionOf.sets).toBe(editionOf.nordwind);
    expect(editionOf['sets--finance']).not.toBe(editionOf.nordwind);
    for (const print of first.printed.filter((p) => !p.draft)) {
      expect(print.job.metadata?.edition).toMatch(/^[0-9a-f]{8}$/);
      expect(print.html).toContain(`Edition ${print.job.metadata!.edition}`);
    }
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8'));
    for (const [name, edition] of editions) expect(manifest.briefings[name]).toMatchObject({ edition, inputs: expect.stringMatching(`^${edition}`) });
    // Built afresh elsewhere, the same canvas gives the same editions.
    const elsewhere = await build(canvases, join(dir, 'other'));
    expect(elsewhere.events.flatMap((e) => (e.kind === 'built' ? [[e.name, e.edition]] : []))).toEqual(editions);
  });
});

describe('clean outputs', () => {
  it('removes the PDF of a block set taken out of its canvas, and nothing else', async () => {
    const { dir, out, canvases } = project();
    await build(canvases, out);
    writeFileSync(join(out, 'notes.pdf'), 'not ours');
    writeFileSync(join(dir, 'sets.yaml'), nordwind);
    const again = await build(canvases, out);
    expect(again.removed).toEqual(['sets--finance']);
    expect(again.events.find((e) => e.kind === 'removed')).toMatchObject({ removed: [join(out, 'sets--finance.pdf')], kept: [] });
    expect(files(out)).toEqual([MANIFEST_FILE, 'nordwind.pdf', 'notes.pdf', 'sets.pdf']);
    expect(Object.keys(JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')).briefings).sort()).toEqual(['nordwind', 'sets']);
  });

  it('removes the PDFs of a renamed canvas once it is gone, and keeps a vanished briefing\'s file edited by hand', async () => {
    const { dir, out, canvases } = project();
    await build(canvases, out);
    writeFileSync(join(out, 'sets--finance.pdf'), '%PDF-1.7\n% annotated by hand\n%%EOF\n');
    renameSync(join(dir, 'sets.yaml'), join(dir, 'renamed.yaml'));
    const again = await build([canvases[0], join(dir, 'renamed.yaml')], out);
    expect(again.built).toEqual(['renamed', 'renamed--finance']);
    expect(again.removed).toEqual(['sets', 'sets--finance']);
    expect(again.events.find((e) => e.kind === 'removed' && e.name === 'sets--finance')).toMatchObject({ removed: [], kept: [join(out, 'sets--finance.pdf')] });
    expect(files(out)).toEqual([MANIFEST_FILE, 'nordwind.pdf', 'renamed--finance.pdf', 'renamed.pdf', 'sets--finance.pdf']);
  });

  it('refuses to overwrite a PDF an earlier build wrote from another canvas that is still there (exit 2), and not one whose canvas is gone', async () => {
    const { dir, out, canvases } = project();
    await build([canvases[1]], out); // sets.yaml: sets.pdf and, from its block set, sets--finance.pdf
    const before = bytes(out);
    const other = join(dir, 'sets--finance.yaml'); // another canvas whose full briefing has that name
    writeFileSync(other, nordwind);
    const clash = await build([other], out);
    expect(clash.built).toEqual([]);
    const failed = clash.events.find((e) => e.kind === 'failed');
    const error = failed && 'error' in failed ? failed.error : undefined;
    expect(error?.exitCode).toBe(EXIT.usage);
    // Its only briefing is the whole canvas's: named by the canvas alone, not "(full)" (read as a full disk).
    expect(error?.message).toContain(`${other}: would overwrite ${join(out, 'sets--finance.pdf')}, written from `);
    expect(error?.message).toContain('sets.yaml (finance) by an earlier build; nothing was written');
    const pdfs = (all: Record<string, string>) => Object.fromEntries(Object.entries(all).filter(([f]) => f.endsWith('.pdf')));
    expect(pdfs(bytes(out))).toEqual(pdfs(before));
    // Asked again, the same answer: nothing recorded in between makes it look up to date.
    expect((await build([other], out)).failed).toEqual(['sets--finance']);
    // The canvas that wrote it renamed away: its briefing is gone, so the name is free.
    renameSync(canvases[1], join(dir, 'renamed.yaml'));
    expect((await build([other], out)).built).toEqual(['sets--finance']);
  });

  it('writes the name once the PDF in the way is deleted, as the refusal advises, its canvas still there', async () => {
    const { dir, out, canvases } = project();
    await build([canvases[1]], out);
    const other = join(dir, 'sets--finance.yaml');
    writeFileSync(other, nordwind);
    const clash = await build([other], out);
    const failed = clash.events.find((e) => e.kind === 'failed');
    expect(failed && 'error' in failed ? failed.error.message : '').toContain('or delete that PDF if its briefing is no longer wanted');
    rmSync(join(out, 'sets--finance.pdf'));
    const again = await build([other], out);
    expect(again.failed).toEqual([]);
    expect(again.built).toEqual(['sets--finance']);
    expect(readFileSync(join(out, 'sets--finance.pdf'), 'latin1')).toMatch(/^%PDF-/);
    expect(JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')).briefings['sets--finance'].canvas).toBe('../sets--finance.yaml');
  });

  it('lets a copy of a canvas in another folder (the same bytes) take over the briefings the original wrote, and refuses one edited since', async () => {
    const { dir, out, canvases } = project();
    await build([canvases[0]], out);
    mkdirSync(join(dir, 'copy'));
    const copy = join(dir, 'copy', 'nordwind.yaml');
    writeFileSync(copy, readFileSync(canvases[0]));
    expect((await build([copy], out)).built).toEqual(['nordwind']);
    // The copy edited: another canvas, whose briefing would replace the original's.
    writeFileSync(canvases[0], readFileSync(canvases[0], 'utf8').replace('value: 812', 'value: 813'));
    expect((await build([canvases[0]], out)).failed).toEqual(['nordwind']);
  });

  it('keeps every PDF of a canvas that fails to load, of canvases not built this time, and of sets not asked for', async () => {
    const { dir, out, canvases } = project();
    await build(canvases, out);
    const before = bytes(out);
    writeFileSync(join(dir, 'sets.yaml'), 'company: [');
    expect((await build(canvases, out)).failed).toEqual(['failed']);
    writeFileSync(join(dir, 'sets.yaml'), `${nordwind.replace('value: 812', 'value: 900')}${FINANCE_SET}`);
    expect((await build([canvases[1]], out, { set: 'finance' })).current).toEqual(['sets--finance']);
    expect((await build([canvases[1]], out, { set: 'full' })).built).toEqual(['sets']);
    const after = bytes(out);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after['nordwind.pdf']).toBe(before['nordwind.pdf']);
  });

  it('never removes a file outside the output folder, whatever the manifest says', async () => {
    const { dir, out, canvases } = project();
    await build(canvases, out);
    const victim = join(dir, 'victim.pdf');
    writeFileSync(victim, 'precious');
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8'));
    manifest.briefings.gone = { ...manifest.briefings.nordwind, canvas: 'gone.yaml', files: { '../victim.pdf': createHash('sha256').update('precious').digest('hex') } };
    writeFileSync(join(out, MANIFEST_FILE), JSON.stringify(manifest));
    const again = await build(canvases, out);
    expect(again.events[0]).toMatchObject({ kind: 'notice', message: expect.stringMatching(/"\.\.\/victim\.pdf" is not a file name in the output folder/) });
    expect(again.removed).toEqual([]);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('sets a damaged manifest aside: says so, builds everything, removes nothing', async () => {
    const { dir, out, canvases } = project();
    await build(canvases, out);
    writeFileSync(join(out, MANIFEST_FILE), '{ "format": "canvas-briefing manifest 1", "briefings": ');
    writeFileSync(join(dir, 'sets.yaml'), nordwind);
    const again = await build(canvases, out);
    expect(again.events[0]).toMatchObject({ kind: 'notice', message: expect.stringMatching(/is damaged .*building every briefing, removing nothing/) });
    expect(again.built).toEqual(['nordwind', 'sets']);
    expect(again.removed).toEqual([]);
    expect(existsSync(join(out, 'sets--finance.pdf'))).toBe(true);
  });

  it('says a manifest is not JSON without quoting it: it may be a planted link to a secret', async () => {
    const { out, canvases } = project();
    await build(canvases, out);
    writeFileSync(join(out, MANIFEST_FILE), 'ghp_SECRETTOKEN1234\n');
    const again = await build(canvases, out);
    expect(again.events[0]).toMatchObject({ kind: 'notice', message: `${join(out, MANIFEST_FILE)} is damaged (not valid JSON): building every briefing, removing nothing` });
  });
});

describe('a canvas folder that is its own theme (briefing.theme: .)', () => {
  it('prints again for an edit of what the theme is made of, not for its own output, notes or another canvas beside them', async () => {
    const { dir, out, canvases } = project(); // out/ is inside the folder, and so inside the theme
    const themed = nordwind.replace(/^briefing:\n/m, 'briefing:\n  theme: .\n');
    writeFileSync(canvases[0]!, themed);
    writeFileSync(canvases[1]!, `${themed}${FINANCE_SET}`);
    writeFileSync(join(dir, 'theme.yaml'), 'name: House\n');
    mkdirSync(join(dir, 'styles'));
    writeFileSync(join(dir, 'styles', 'theme.css'), 'h1 { color: #5a0f3c; }\n');
    expect((await build(canvases, out)).built).toEqual(['nordwind', 'sets', 'sets--finance']);
    // Its PDFs and manifest, and notes, are in the theme folder now: the same theme, nothing to print, the same bytes.
    writeFileSync(join(dir, 'notes.txt'), 'call the auditors\n');
    const before = bytes(out);
    const again = await build(canvases, out);
    expect([again.built, again.current]).toEqual([[], ['nordwind', 'sets', 'sets--finance']]);
    expect(bytes(out)).toEqual(before);
    // Another canvas of the folder edited: its briefings only, not every briefing of the theme.
    writeFileSync(canvases[1]!, `${themed.replace('value: 1234.5', 'value: 1299.9')}${FINANCE_SET}`);
    const edited = await build(canvases, out);
    expect(edited.built).toContain('sets');
    expect(edited.built).not.toContain('nordwind');
    // The theme's stylesheet, or a font it may embed, edited: every briefing of the theme.
    writeFileSync(join(dir, 'styles', 'theme.css'), 'h1 { color: #0f5a3c; }\n');
    expect((await build(canvases, out)).built).toEqual(['nordwind', 'sets', 'sets--finance']);
    writeFileSync(join(dir, 'brand.woff2'), 'not really a font');
    expect((await build(canvases, out)).built).toEqual(['nordwind', 'sets', 'sets--finance']);
  });

  it('prints again for an edit of its stylesheet when a file beside the canvases, none of the theme\'s, cannot be read (a link to nothing)', async () => {
    const { dir, out, canvases } = project();
    writeFileSync(canvases[0]!, nordwind.replace(/^briefing:\n/m, 'briefing:\n  theme: .\n'));
    mkdirSync(join(dir, 'styles'));
    writeFileSync(join(dir, 'styles', 'theme.css'), 'h1 { color: #5a0f3c; }\n');
    // A link left to a PDF that was moved: no file of the theme. Read as one, it ended the theme's hash before styles/.
    symlinkSync(join(dir, 'gone.pdf'), join(dir, 'latest.pdf'));
    expect((await build([canvases[0]!], out)).built).toEqual(['nordwind']);
    writeFileSync(join(dir, 'styles', 'theme.css'), 'h1 { color: #0f5a3c; }\n');
    expect((await build([canvases[0]!], out)).built).toEqual(['nordwind']);
  });
});
