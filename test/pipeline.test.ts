import { describe, it, expect, vi } from 'vitest';
import { nordwindModel } from './support/fixtures.ts';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBriefing, buildBriefings, checkCanvas, MANIFEST_FILE, startRun, type BuildEvent } from '../src/pipeline.ts';
import { BriefingError, EXIT } from '../src/errors.ts';
import { fakePrinter, linkedAnchors } from './support/fake-printer.ts';
import { tempDir } from './support/temp.ts';

// The contents-page loop of buildBriefing, with printers that report whatever pages a test wants:
// no browser involved.

const model = nordwindModel;

/** The smallest bytes deliver/ would accept as a PDF. */
const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

/** A printer whose PDF puts the anchors where `anchorsOf(pass)` says; it records what it was given. */
const anchorPrinter = (anchorsOf: (pass: number) => Record<string, number>) =>
  fakePrinter((_print, pass) => ({ pdf: PDF, pages: 9, anchors: anchorsOf(pass), blocked: [] }));

/** Each contents entry on page 3 + its index, moved by `shift`. */
const pagesOf = (anchors: string[], shift = 0) => Object.fromEntries(anchors.map((a, i) => [a, 3 + i + shift]));

describe('buildBriefing: the contents page', () => {
  it('prints again with the page numbers filled in, and stops once they stay put', async () => {
    const m = model();
    const anchors = m.toc.map((e) => e.anchor);
    const { printer, printed } = anchorPrinter(() => pagesOf(anchors));
    const built = await buildBriefing(m, { pageSize: 'Letter' }, printer);
    expect(printed).toHaveLength(2);
    expect(built).toMatchObject({ pdf: PDF, pages: 9 });
    expect(printed[0].html).not.toContain('<span class="toc-page">3</span>');
    expect(printed[1].html).toContain('<span class="toc-page">3</span>');
    expect(printed[1].job.pageSize).toBe('Letter');
    // Only the contents pass is a draft; what is returned (and written) is a finished print.
    expect(printed.map((p) => p.draft)).toEqual([true, false]);
  });

  it('prints every pass after the first finished, as any of them may be the last', async () => {
    const m = model();
    const anchors = m.toc.map((e) => e.anchor);
    const { printer, printed } = anchorPrinter((pass) => pagesOf(anchors, Math.min(pass, 2)));
    const built = await buildBriefing(m, { pageSize: 'A4' }, printer);
    expect(printed.map((p) => p.draft)).toEqual([true, false, false]);
    expect(built.pdf).toBe(PDF);
  });

  /**
   * A model whose register (the one table of 6 rows or more) has 12 rows, and a printer that breaks it before
   * row `wholeAt(print)` when printed whole, and printed cut, at its cut (where a part starts a new page) or
   * before, where the page ran out.
   */
  const registerPrints = (wholeAt: (print: { draft: boolean; n: number }) => number) => {
    const m = model();
    const register = m.appendix.register;
    register.rows = Array.from({ length: 12 }, (_, i) => register.rows[i % register.rows.length]!);
    const anchors = pagesOf(m.toc.map((e) => e.anchor));
    const fake = fakePrinter(({ html, draft }, n) => {
      const parts = [...html.matchAll(/<div class="table-block table-continued[^"]*">[\s\S]*?<tr id="tbl-1-r(\d+)"/g)].map((p) => Number(p[1]));
      const at = Math.min(parts[0] ?? Infinity, wholeAt({ draft, n }));
      const rows = Object.fromEntries([...html.matchAll(/<a href="#(tbl-\d+-r(\d+))">/g)].map((a) => [a[1], Number(a[2]) < at ? 10 : 11]));
      return { pdf: PDF, pages: 12, anchors: { ...anchors, ...rows }, blocked: [] };
    });
    return { m, ...fake };
  };
  const cutAt = (html: string) => [...html.matchAll(/<div class="table-block table-continued[^"]*">[\s\S]*?<tr id="tbl-1-r(\d+)"/g)].map((p) => Number(p[1]));

  it('prints a table that broke across pages in parts, cut where it broke, each part after the first saying "(continued)" after the heading of an untitled table', async () => {
    const { m, printer, printed } = registerPrints(() => 7);
    const built = await buildBriefing(m, { pageSize: 'A4' }, printer);
    // The draft finds the pages and where the table breaks whole; the print has the pages filled in and the table cut there.
    expect(printed.map((p) => p.draft)).toEqual([true, false]);
    const [whole, cut] = [printed[0]!.html, printed[1]!.html];
    expect(whole).not.toContain('<div class="table-block table-continued');
    expect(cut.match(/<div class="table-block table-continued">/g)).toHaveLength(1);
    const part = cut.slice(cut.indexOf('table-continued">'));
    expect(part).toMatch(/^table-continued">\s*<table class="fixed( whole-words)?">\s*<colgroup>(<col style="width: [\d.]+%">)+<\/colgroup>\s*<thead><tr class="caption"><th scope="colgroup" colspan="\d+">Figure register \(continued\)<\/th><\/tr>/);
    expect(part.indexOf('id="tbl-')).toBe(part.indexOf('id="tbl-1-r7"')); // the part starts at the row that began the page
    // The part that a page ends is marked so (its last row's rule drawn inside the row: it ends where the whole table's row did).
    expect(cut).toContain('<div class="table-block table-runs-on">');
    // The same column widths in both parts, whatever their own rows hold.
    const widths = [...cut.matchAll(/<colgroup>(.*?)<\/colgroup>/g)].map((c) => c[1]);
    expect(new Set(widths).size).toBe(1);
    expect(built.breaks).toEqual({ 'tbl-1': [7] }); // recorded for the next build
  });

  it("takes the cuts from a whole print with the right pages when the draft's were wrong, and prints the tables whole when those fail too", async () => {
    // The draft breaks the table before row 8, the real thing before row 7: the part cut at 8 breaks at 7 too, so
    // the cut is undone, and taken from the whole print instead.
    const guess = registerPrints(({ draft }) => (draft ? 8 : 7));
    expect((await buildBriefing(guess.m, { pageSize: 'A4' }, guess.printer)).breaks).toEqual({ 'tbl-1': [7] });
    expect(guess.printed.map((p) => [p.draft, cutAt(p.html)])).toEqual([[true, []], [false, [8]], [false, []], [false, [7]]]);
    // Every print cut breaks 2 rows early (a part that does not lay out as the whole did): printed whole, never cut again.
    const m = model();
    m.appendix.register.rows = Array.from({ length: 12 }, (_, i) => m.appendix.register.rows[i % m.appendix.register.rows.length]!);
    const anchors = pagesOf(m.toc.map((e) => e.anchor));
    const { printer, printed } = fakePrinter(({ html }) => {
      const at = (cutAt(html)[0] ?? 9) - 2;
      const rows = Object.fromEntries([...html.matchAll(/<a href="#(tbl-\d+-r(\d+))">/g)].map((a) => [a[1], Number(a[2]) < at ? 10 : 11]));
      return { pdf: PDF, pages: 12, anchors: { ...anchors, ...rows }, blocked: [] };
    });
    const built = await buildBriefing(m, { pageSize: 'A4' }, printer);
    expect(printed.map((p) => [p.draft, cutAt(p.html)])).toEqual([[true, []], [false, [7]], [false, []], [false, [7]], [false, []]]);
    expect(built.breaks).toEqual({});
  });

  it('cuts the tables where the last build did, with its pages, in a single print when they still hold', async () => {
    const { m, printer, printed } = registerPrints(() => 7);
    const pages = pagesOf(m.toc.map((e) => e.anchor));
    await buildBriefing(m, { pageSize: 'A4', predicted: pages, predictedBreaks: { 'tbl-1': [7] } }, printer);
    expect(printed.map((p) => [p.draft, cutAt(p.html)])).toEqual([[false, [7]]]);
    // Cuts on record that are not cuts (a manifest edited by hand) are not believed: printed whole, cut from that print.
    const again = registerPrints(() => 7);
    await buildBriefing(again.m, { pageSize: 'A4', predicted: pages, predictedBreaks: { 'tbl-1': [7, 'x'] } as never }, again.printer);
    expect(again.printed.map((p) => [p.draft, cutAt(p.html)])).toEqual([[false, []], [false, [7]]]);
  });

  it('fails with a render error when the page numbers keep moving', async () => {
    const m = model();
    const anchors = m.toc.map((e) => e.anchor);
    const { printer, printed } = anchorPrinter((pass) => pagesOf(anchors, pass));
    const failure = await buildBriefing(m, { pageSize: 'A4' }, printer).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BriefingError);
    expect(failure).toMatchObject({
      exitCode: EXIT.render,
      message: "nordwind: the pages did not settle after 5 prints (the contents' page numbers or where tables break keep moving)",
    });
    expect(printed).toHaveLength(5);
  });

  it('fails with a render error when the PDF has no page for a chapter', async () => {
    const m = model();
    const [lost, ...kept] = m.toc.map((e) => e.anchor);
    const { printer, printed } = anchorPrinter(() => pagesOf(kept));
    const failure = await buildBriefing(m, { pageSize: 'A4' }, printer).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BriefingError);
    expect(failure).toMatchObject({
      exitCode: EXIT.render,
      message: `nordwind: the printed PDF has no page for ${lost}; the contents page would be wrong`,
    });
    expect(printed).toHaveLength(1); // no point printing again
  });
});

describe('buildBriefing: one process, several runs', () => {
  it('gives the printer its fonts as files the HTML links to, and returns the HTML with every font embedded', async () => {
    const anchors = model().toc.map((e) => e.anchor);
    const { printer, printed } = anchorPrinter(() => pagesOf(anchors));
    const built = await buildBriefing(model(), { pageSize: 'A4' }, printer);
    for (const { html, job } of printed) {
      const linked = [...html.matchAll(/url\(https:\/\/briefing\.invalid\/assets\/(font-[0-9a-f]{16}\.woff2)\)/g)].map((m) => m[1]);
      expect(linked.length).toBeGreaterThan(0);
      expect(Object.keys(job.assets ?? {}).sort()).toEqual([...new Set(linked)].sort());
      for (const asset of Object.values(job.assets ?? {})) expect(Buffer.from(asset.body).subarray(0, 4).toString()).toBe('wOF2');
      expect(html).not.toContain('data:font/');
      expect(html).toContain('font-src data: https://briefing.invalid/assets/;');
    }
    // What --html writes stands alone: the same fonts, embedded, under the template's own policy.
    expect(built.html).not.toContain('briefing.invalid');
    expect(built.html.match(/url\(data:font\/woff2;base64,/g)).toHaveLength(printed.at(-1)!.html.match(/url\(https:\/\/briefing\.invalid\/assets\//g)!.length);
    expect(built.html.replace(/url\(data:font\/woff2;base64,[^)]*\)/g, 'FONT')).toBe(printed.at(-1)!.html.replace(/url\(https:\/\/briefing\.invalid\/assets\/[^)]*\)/g, 'FONT').replace('font-src data: https://briefing.invalid/assets/;', 'font-src data:;'));
  });

  it('prints identical HTML when the same briefing is built twice', async () => {
    const anchors = model().toc.map((e) => e.anchor);
    const runs = [anchorPrinter(() => pagesOf(anchors)), anchorPrinter(() => pagesOf(anchors))];
    for (const { printer } of runs) await buildBriefing(model(), { pageSize: 'A4' }, printer);
    expect(runs[1].printed.map((p) => p.html)).toEqual(runs[0].printed.map((p) => p.html));
  });
});

describe('buildBriefings', () => {
  it('asks the printer to start its browser once per run, before the first briefing is drawn and printed', async () => {
    const { printer, calls } = fakePrinter(({ html }) => ({
      pdf: PDF, pages: 9, anchors: linkedAnchors(html, 3), blocked: [],
    }));
    const outcomes: BuildEvent[] = [];
    const dir = tempDir();
    copyFileSync('test/fixtures/valid/nordwind.yaml', join(dir, 'second.yaml'));
    const canvases = ['test/fixtures/valid/nordwind.yaml', join(dir, 'second.yaml')];
    await buildBriefings(canvases, { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1 }, printer, (o) => outcomes.push(o));
    expect(outcomes.map((o) => o.kind)).toEqual(['queued', 'printing', 'built', 'printing', 'built']);
    // The second, a copy, is printed at once with the pages the first's draft found.
    expect(calls).toEqual(['launch', 'draft', 'print', 'print']);
  });

  it('starts the browser while planning, once it finds a briefing to print, and not for a build with none', async () => {
    const { printer, calls } = fakePrinter(({ html }) => ({
      pdf: PDF, pages: 9, anchors: linkedAnchors(html, 3), blocked: [],
    }));
    const dir = tempDir();
    copyFileSync('test/fixtures/valid/nordwind.yaml', join(dir, 'second.yaml'));
    const canvases = ['test/fixtures/valid/nordwind.yaml', join(dir, 'second.yaml')];
    const options = { outDir: join(dir, 'out'), pageSize: 'A4' as const, html: false, timeoutMs: 10_000, jobs: 1 };
    // 'queued' is said once every canvas is planned: the browser was asked for before it, and only once.
    const atQueued: string[][] = [];
    await buildBriefings(canvases, options, printer, (o) => { if (o.kind === 'queued') atQueued.push([...calls]); });
    expect(atQueued).toEqual([['launch']]);
    expect(calls).toEqual(['launch', 'draft', 'print', 'print']);
    // Everything up to date: no browser.
    calls.length = 0;
    await buildBriefings(canvases, options, printer, () => {});
    expect(calls).toEqual([]);
  });

  it('reports a briefing written as the signal came (stopped during its write), and starts no other', async () => {
    const stop = new AbortController();
    const { printer, calls } = fakePrinter(({ html, draft }) => {
      // The signal arrives as the final print of the first briefing returns: its PDF is then written.
      if (!draft) stop.abort();
      return { pdf: PDF, pages: 9, anchors: linkedAnchors(html, 3), blocked: [] };
    });
    const dir = tempDir();
    copyFileSync('test/fixtures/valid/nordwind.yaml', join(dir, 'second.yaml'));
    const events: BuildEvent[] = [];
    const outcomes = await buildBriefings(['test/fixtures/valid/nordwind.yaml', join(dir, 'second.yaml')], { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1 }, printer, (e) => events.push(e), stop.signal);
    expect(outcomes.map((o) => `${o.kind} ${'name' in o ? o.name : ''}`)).toEqual(['built nordwind']);
    expect(readFileSync(join(dir, 'out', 'nordwind.pdf'))).toEqual(Buffer.from(PDF));
    expect(calls).toEqual(['launch', 'draft', 'print']); // the second briefing never started
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'out', MANIFEST_FILE), 'utf8')).briefings)).toEqual(['nordwind']);
  });

  it('prints --jobs briefings at once, and reports them in the order planned whichever finishes first', async () => {
    let inFlight = 0;
    let most = 0;
    const { printer } = fakePrinter(({ html }) => ({
      pdf: PDF, pages: 9, anchors: linkedAnchors(html, 3), blocked: [],
    }));
    // The first canvas's briefing prints slowly, so the second one is written first.
    const slow = printer.print.bind(printer);
    printer.print = async (html, job) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, html.includes('First ASA') ? 300 : 10));
      inFlight--;
      return slow(html, job);
    };
    const dir = tempDir();
    const nordwind = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');
    writeFileSync(join(dir, 'a.yaml'), nordwind.replace(/name: Nordwind Energi ASA/, 'name: First ASA'));
    writeFileSync(join(dir, 'b.yaml'), nordwind);
    const outcomes: BuildEvent[] = [];
    const built: string[] = [];
    await buildBriefings([join(dir, 'a.yaml'), join(dir, 'b.yaml')], { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 2 }, printer, (o) => {
      outcomes.push(o);
      if (o.kind === 'built') built.push(`${o.name} ${existsSync(o.pdf)}`);
    });
    expect(most).toBe(2);
    expect(outcomes.map((o) => o.kind)).toEqual(['queued', 'printing', 'printing', 'built', 'built']);
    expect(built).toEqual(['a true', 'b true']);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', MANIFEST_FILE), 'utf8'));
    expect(Object.keys(manifest.briefings).sort()).toEqual(['a', 'b']); // both recorded, though written at the same time
  });
});

describe('a canvas saved again while its briefings print', () => {
  it('is said: the PDFs show it as read, and the next build prints the edit', async () => {
    const dir = tempDir();
    const canvas = join(dir, 'nordwind.yaml');
    const nordwind = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');
    writeFileSync(canvas, nordwind);
    const { printer } = fakePrinter(({ html, draft }) => {
      if (!draft) writeFileSync(canvas, nordwind.replace('name: Nordwind Energi ASA', 'name: Nordwind Energy ASA')); // the user saves a fix meanwhile
      return { pdf: PDF, pages: 9, anchors: linkedAnchors(html, 3), blocked: [] };
    });
    const events: BuildEvent[] = [];
    const options = { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1 } as const;
    await buildBriefings([canvas], options, printer, (e) => events.push(e));
    expect(events.map((e) => e.kind)).toEqual(['queued', 'printing', 'built', 'notice']);
    expect(events.at(-1)).toMatchObject({ message: expect.stringMatching(new RegExp(`^${canvas.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: saved again while its briefings were being printed: they show the canvas as it was read \\(at \\d\\d:\\d\\d:\\d\\d\\); the next build prints the edit, if it changes them$`)) });
    // What was printed is what was read, and the manifest says so: the next build prints the edit, and says nothing more.
    const again: BuildEvent[] = [];
    const { printer: second } = fakePrinter(({ html }) => ({ pdf: PDF, pages: 9, anchors: linkedAnchors(html, 3), blocked: [] }));
    await buildBriefings([canvas], options, second, (e) => again.push(e));
    expect(again.map((e) => e.kind)).toEqual(['queued', 'printing', 'built']);
  });
});

describe('an acknowledgement that matches no finding', () => {
  it('is left out of the briefing, which would print it as an explanation of figures it is not about', async () => {
    const checked = await checkCanvas('test/fixtures/valid/every-finding.yaml');
    expect(checked.findings.map((f) => f.rule)).toContain('unmatched-acknowledgement');
    expect(checked.models[0]!.appendix.notes.join('\n')).not.toMatch(/listed in the register but not discussed/);
  });
});

describe('a figure typed into the text that the canvas contradicts (typed-mismatch)', () => {
  // Nordwind with "Revenue was €1,243.5 million in FY2025." in its Power sales section, where revenue_fy25 is €1,234.5 million.
  const typedWrong = (edit: (yaml: string) => string = (y) => y) => {
    const file = join(tempDir(), 'nordwind.yaml');
    writeFileSync(file, edit(readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8').replace(
      '- paragraph: Revenue reached [[revenue_fy25]] ([[revenue_fy25.change]]), while the net result was [[net_income_fy25]].',
      '- paragraph: Revenue reached [[revenue_fy25]] ([[revenue_fy25.change]]), while the net result was [[net_income_fy25]]. Revenue was €1,243.5 million in FY2025.',
    )));
    return file;
  };

  it('is listed where sources disagree, naming where the text is, and marks the key figure: the briefing prints both figures', async () => {
    const checked = await checkCanvas(typedWrong());
    expect(checked.findings.filter((f) => f.rule === 'typed-mismatch').map((f) => f.path)).toEqual(['blocks.revenue_streams.sections[0].content[0].paragraph']);
    const model = checked.models[0]!;
    const typed = model.appendix.contradictions.filter((c) => c.title.endsWith('a figure typed in the text'));
    expect(typed.map((c) => [c.title, c.detected, c.metrics])).toEqual([['Revenue, FY2025: a figure typed in the text', true, ['revenue_fy25']]]);
    expect(typed[0]!.note).toBe('Found by canvas-briefing: section 4.1 (Power sales) types €1,243.5 million into its text as Revenue for FY2025, where the canvas\'s figure is €1,234.5 million. The canvas does not explain the difference; check the source before relying on either.');
    expect(typed[0]!.table.rows.map((r) => r.map((c) => c.text.map((p) => p.text).join('')))).toEqual([['Revenue', '€1,234.5 million', 'FY2025', 'Nordwind Energi ASA, Annual Report 2025']]); // its one source, data_notes.sources' only document
    expect(model.keyFigures.find((k) => k.label === 'Revenue' && k.period === 'FY2025')).toMatchObject({ disputed: typed[0]!.anchor, detected: true });
  });

  it('is not listed in a briefing that does not print its text, nor once the canvas acknowledges it (the notes explain it)', async () => {
    const sets = await checkCanvas(typedWrong((y) => `${y}block_sets:\n  costs: { title: Costs, blocks: [cost_structure] }\n  revenue: { title: Revenue, blocks: [revenue_streams] }\n`));
    const typedIn = (setKey: string) => sets.models.find((m) => m.setKey === setKey)!.appendix.contradictions.filter((c) => c.title.endsWith('a figure typed in the text')).length;
    expect([typedIn('full'), typedIn('costs'), typedIn('revenue')]).toEqual([1, 0, 1]);

    const reason = 'The text gives revenue before a reclassification.';
    const acknowledged = await checkCanvas(typedWrong((y) => y.replace(/^data_notes:\n/m, `data_notes:\n  acknowledged:\n    - { rule: typed-mismatch, metrics: [revenue_fy25], reason: ${reason} }\n`)));
    expect(acknowledged.findings.find((f) => f.rule === 'typed-mismatch')?.acknowledged).toBe(reason);
    const model = acknowledged.models[0]!;
    expect(model.appendix.contradictions.filter((c) => c.title.endsWith('a figure typed in the text'))).toEqual([]);
    expect(model.appendix.notes).toContain(`A figure typed into the text is not the figure the canvas gives (Revenue, FY2025): ${reason}`);
    expect(model.appendix.explainNoDisagreement).toBeUndefined();
  });
});

describe('a column chart of a whole series (series:) with a quarter missing', () => {
  it('shows the missing quarter as an empty place, "no figure", where a chart of chosen points shows only those', async () => {
    const dir = tempDir();
    const yaml = readFileSync('test/fixtures/valid/nordwind-quarters.yaml', 'utf8')
      .replace(/^ {6}- \{ value: 311\.2, period: Q2 2025.*\n/m, '')
      .replace(', after [[revenue@2025-06-30]] in Q2', '');
    writeFileSync(join(dir, 'series.yaml'), yaml);
    const rows = (await checkCanvas(join(dir, 'series.yaml'))).models[0]!.charts.map((c) => c.rows.map((r) => `${r.category} ${r.label}`));
    // Drawn twice, as the key chart and in its section: the same rows.
    expect(rows).toEqual([1, 2].map(() => ['Q1 2025 €301.5 million', '30 Jun 2025 no figure', 'Q3 2025 €322.9 million']));
    // The same two values chosen as points: the canvas's choice, drawn as given.
    writeFileSync(join(dir, 'points.yaml'), yaml.replace('    series: revenue\n', '    points: [{ metric: revenue@2025-03-31 }, { metric: revenue@2025-09-30 }]\n'));
    expect((await checkCanvas(join(dir, 'points.yaml'))).models[0]!.charts.map((c) => c.rows.map((r) => r.category))).toEqual([1, 2].map(() => ['Q1 2025', 'Q3 2025']));
  });
});

describe('a declared contradiction whose figures are one figure now (resolved-contradiction)', () => {
  it('is left out of the briefing, which would list one amount under "Where sources disagree"', async () => {
    const checked = await checkCanvas('test/fixtures/valid/every-finding.yaml');
    expect(checked.findings.map((f) => f.rule)).toContain('resolved-contradiction');
    // Found contradictions stay (the canvas has one of every finding); the declared one of drives and drives_press goes.
    const listed = checked.models[0]!.appendix.contradictions;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.flatMap((c) => c.metrics)).not.toContain('drives_press');
    expect(listed.map((c) => c.title)).not.toContain('Drives in Q3 2025');
  });
});

describe('a canvas found up to date', () => {
  it('has its findings said again, as the build that read it found them, unless told not to (watch, after its first build)', async () => {
    const dir = tempDir();
    const canvas = join(dir, 'nordwind.yaml');
    // An unused metric: a finding.
    writeFileSync(canvas, readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8').replace(/^metrics:\n/m, 'metrics:\n  spare: { label: Spare, value: 1, unit: EUR, period: FY2025 }\n'));
    const options = { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1 } as const;
    const findings = async (more: { repeatFindings?: boolean | ((canvas: string) => boolean) } = {}) => {
      const { printer } = fakePrinter(({ html }) => ({ pdf: PDF, pages: 9, anchors: linkedAnchors(html, 3), blocked: [] }));
      const events: BuildEvent[] = [];
      await buildBriefings([canvas], { ...options, ...more }, printer, (e) => events.push(e));
      return { kinds: events.map((e) => e.kind), said: events.flatMap((e) => (e.kind === 'finding' ? [`${e.finding.file}:${e.finding.line}:${e.finding.column} ${e.finding.rule}`] : [])) };
    };
    const first = await findings();
    expect(first.said).toEqual([`${canvas}:16:3 unused-metric`]);
    expect(first.kinds).toContain('built');
    // Up to date, not read: the same findings, and nothing printed.
    const again = await findings();
    expect(again.said).toEqual(first.said);
    expect(again.kinds).not.toContain('built');
    expect((await findings({ repeatFindings: false })).said).toEqual([]);
    // Or of the canvases it names (watch: those whose last build said nothing of their findings).
    expect((await findings({ repeatFindings: (c) => c === canvas })).said).toEqual(first.said);
    expect((await findings({ repeatFindings: (c) => c !== canvas })).said).toEqual([]);
    // Kept by other check code (an older version, or one whose rules changed since): the canvas is read and checked again.
    const file = join(dir, 'out', MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    const record = Object.values(manifest.canvases)[0] as { findings: Array<{ message: string; rule: string }>; checkedWith?: string };
    record.findings = [{ ...record.findings[0]!, rule: 'no-source', message: 'a finding an older version made' }];
    record.checkedWith = 'another version';
    writeFileSync(file, JSON.stringify(manifest));
    const rechecked = await findings();
    expect(rechecked.said).toEqual(first.said); // this code's finding, not the one kept
    delete record.checkedWith; // a manifest from before findings were kept
    writeFileSync(file, JSON.stringify(manifest));
    expect((await findings()).said).toEqual(first.said);
  });
});

describe('the charts a process has drawn', () => {
  it('are shared by its build runs: a rebuild after an edit draws again only the charts the edit changed', async () => {
    const { charts } = await startRun();
    expect((await startRun()).charts).toBe(charts);
    charts.clear(); // what other files of this worker drew (they share it) does not count here
    const dir = tempDir();
    const canvas = join(dir, 'nordwind.yaml');
    const nordwind = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');
    /** Builds `text` (every briefing printed) and returns the keys of the charts it drew (stored) and those it found drawn. */
    const build = async (text: string) => {
      writeFileSync(canvas, text);
      const { printer } = fakePrinter(({ html }) => ({ pdf: PDF, pages: 9, anchors: linkedAnchors(html, 3), blocked: [] }));
      const stored = vi.spyOn(charts, 'set');
      const found = vi.spyOn(charts, 'get');
      try {
        await buildBriefings([canvas], { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, force: true }, printer, () => {});
        return { drawn: stored.mock.calls.map(([key]) => key), hits: found.mock.results.filter((r) => r.value !== undefined).length };
      } finally {
        stored.mockRestore();
        found.mockRestore();
      }
    };
    const first = await build(nordwind);
    expect(first.drawn.length).toBeGreaterThan(0);
    // A figure no chart shows (the turbines): every chart found drawn, none drawn again.
    const turbines = await build(nordwind.replace('value: 812', 'value: 813'));
    expect(turbines.drawn).toEqual([]);
    expect(turbines.hits).toBeGreaterThanOrEqual(first.drawn.length);
    // A figure of the revenue chart: that chart (and its copies) drawn again, and nothing else.
    const revenue = await build(nordwind.replace('value: 1141', 'value: 1142'));
    expect(revenue.drawn.length).toBeGreaterThan(0);
    expect(revenue.drawn.every((k) => k.includes('1142'))).toBe(true);
  });
});

describe('a build without a browser', () => {
  it('says the failure once and counts the other briefings as not built (no browser), none left out', async () => {
    const dir = tempDir();
    const nordwind = readFileSync('test/fixtures/valid/nordwind.yaml', 'utf8');
    const canvases = ['a', 'b', 'c'].map((name, i) => {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, nordwind.replace('value: 1234.5', `value: ${1000 + i}`));
      return file;
    });
    const { printer } = fakePrinter(() => {
      throw new BriefingError('no browser found', EXIT.browserNotFound);
    });
    const outcomes = await buildBriefings(canvases, { outDir: join(dir, 'out'), pageSize: 'A4', html: false, timeoutMs: 10_000, jobs: 1 }, printer, () => {});
    expect(outcomes.map((o) => [o.kind, o.kind === 'failed' ? [o.error.exitCode, o.notBuilt ?? false] : []])).toEqual([
      ['failed', [EXIT.browserNotFound, false]],
      ['failed', [EXIT.browserNotFound, true]],
      ['failed', [EXIT.browserNotFound, true]],
    ]);
  });
});
