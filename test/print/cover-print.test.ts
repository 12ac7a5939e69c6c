/**
 * The cover, printed: one page, whatever it holds. On Letter paper a block set's cover with a theme's logo, a
 * confidentiality marking and a line of whom it is for ran onto page 2, which printed the cover's foot line over "Key
 * figures", edge to edge, without running head or page number, and the build said it had written the PDF. Its blank
 * spaces now give way (styles/briefing.css), and a cover that still needs more than its page fails the build, keeping
 * the PDF it had written before.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { buildBriefing, loadTheme, type Theme } from '../../src/pipeline.ts';
import type { Revision } from '../../src/render/render-html.ts';
import { createPrinter, findBrowser, type Printer } from '../../src/print/index.ts';
import { EXIT } from '../../src/errors.ts';
import { runCli } from '../support/cli.ts';
import { readPdf } from '../support/read-pdf.ts';
import { bodyItems, runningHead, sectionText, squash, textOf } from '../support/briefing-layout.ts';
import { fileTempDir, tempDir } from '../support/temp.ts';

const LONG_NAME = 'Great Lakes Precision Manufacturing and Industrial Automation Holdings International Corporation Inc.';

/** The trial's canvas: a block set ("Contract Logistics & Warehousing") with a marking and whom it is for, in US English (Letter). */
function canvasText(options: { name?: string; nativeName?: string; language?: string; preparedFor?: string } = {}): string {
  const native = options.nativeName === undefined ? '' : `, native_name: ${options.nativeName}`;
  return `company: {name: ${options.name ?? 'Great Lakes Precision Inc.'}, short_name: Great Lakes Precision, ticker: GLPM, exchange: NYSE, country: United States, sector: Industrials, industry: Machinery${native}}
briefing:
  period: Q3 2025
  as_of: 2025-11-14
  currency: USD
  language: ${options.language ?? 'en-US'}
  prepared_for: ${JSON.stringify(options.preparedFor ?? 'Prepared for the Investment Committee, November 20, 2025')}
  confidentiality: "Confidential: Investment Committee only"
metrics: {revenue: {label: Net sales, value: 702.6, unit: USD, scale: million, period: Q3 2025, period_type: quarter, period_end: 2025-09-30, source: 10-Q}}
blocks: {revenue_streams: {sections: [{title: Sales, tags: [logistics], content: [{paragraph: "Net sales were [[revenue]]."}]}]}}
block_sets: {logistics: {title: Contract Logistics & Warehousing, tags: [logistics]}}
`;
}

/** A theme with a logo: a 120 x 40 rectangle. */
const themeDir = fileTempDir('theme-');
writeFileSync(join(themeDir, 'theme.yaml'), 'name: House\nlogo: logo.svg\n');
writeFileSync(join(themeDir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#c8102e"/></svg>\n');

describe('a cover with a logo, a marking, whom it is for and a set\'s title, printed on Letter paper', { timeout: 300_000 }, () => {
  let printer: Printer;
  let theme: Theme;

  const build = async (text: string, revision?: Revision) => {
    const model = buildModel(validateCanvas(parseCanvas(text, 'cov.yaml')), { name: 'cov', setKey: 'logistics' });
    return buildBriefing(model, { pageSize: 'Letter', theme, ...(revision === undefined ? {} : { revision, edition: '7c1e90d2' }) }, printer);
  };

  beforeAll(async () => {
    await findBrowser({});
    theme = await loadTheme(themeDir, '--theme');
    printer = createPrinter({ timeoutMs: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await printer?.close();
  });

  it('keeps to page 1: page 2 starts with its running head and "Key figures"', async () => {
    const checked = 'Numbers entered directly in a table are checked only where the row names a figure in the register; a number entered without its unit, only where the table\'s title or column heading states the unit (such as “£ million” or “%”) and names its period. Numbers entered in a table without a unit in its title or heading are not checked.';
    const variants = [
      { what: 'the trial\'s canvas', text: canvasText(), cells: checked },
      // A briefing in Chinese, whose tables' cells the checks do not read, does not claim they were checked.
      { what: 'a long name and a native name, in Chinese', text: canvasText({ name: LONG_NAME, nativeName: '五大湖精密制造工业自动化控股国际有限公司', language: 'zh-CN' }), cells: 'Numbers entered directly in a table are not checked: the checks read tables\' cells in briefings in English only.' },
    ];
    for (const { what, text, cells } of variants) {
      const pdf = await readPdf((await build(text)).pdf);
      expect(pdf.pageSizes[0], what).toEqual([612, 792]);
      const cover = squash(pdf.text[0]!);
      expect(cover, what).toContain('Contract Logistics & Warehousing');
      expect(cover, what).toContain('Prepared for the Investment Committee');
      expect(cover, what).toContain('Business Model Canvas briefing'); // the foot line, on its own page
      expect(squash(pdf.text[1]!), what).not.toContain('Business Model Canvas briefing');
      expect(runningHead(pdf, 2), what).toContain('Confidential: Investment Committee only');
      expect(squash(textOf(bodyItems(pdf, 2))), what).toMatch(/^Key figures/);
      expect(pdf.anchors['key-figures'], what).toBe(2);
      // Nothing disagrees: a few plain words a committee reads, not six lines of the tool's ("the canvas does not explain").
      const none = squash(sectionText(pdf, 'Where sources disagree'));
      expect(none, what).toBe(`Where sources disagree No figures in this briefing disagree: no conflicting figures from the sources are on record, and none were found on checking figures for the same measure and period, stated changes against the prior year, figures quoted in the text, currency equivalents, and totals against their parts. ${cells}`);
    }
  });

  it('says on its cover, still one page, in its footers, data notes and metadata that a revised edition replaces the edition sent', async () => {
    const revision: Revision = { edition: '673f8bfa', content: 'c', at: '2025-11-14T09:00:00.000Z', sentOn: 'November 14, 2025' };
    const pdf = await readPdf((await build(canvasText(), revision)).pdf);
    const line = 'Revised edition: replaces edition 673f8bfa, sent November 14, 2025.';
    const cover = squash(pdf.text[0]!);
    expect(cover).toContain(line);
    expect(cover).toContain('Business Model Canvas briefing'); // the foot line, still on the cover's page
    expect(squash(pdf.text[1]!)).not.toContain('Business Model Canvas briefing');
    expect(squash(pdf.text.at(-1)!)).toContain('Data as of Nov 14, 2025 · Revised edition 7c1e90d2');
    expect(squash(pdf.text.join(' '))).toContain(`${line} Its figures or words have changed since edition 673f8bfa.`);
    expect(pdf.metadata.subject).toContain(line);
    // No day of its printing: the same inputs give the same bytes whenever they are built.
    expect(pdf.metadata.modDate).toMatch(/^D:20251114/);
    expect(pdf.metadata.creationDate).toMatch(/^D:20251114/);
  });

  it('fails, naming the canvas and what to shorten, when the cover still needs more than its page', async () => {
    const text = canvasText({ preparedFor: `Prepared for ${'the Investment Committee and its advisers, '.repeat(40)}November 20, 2025` });
    await expect(build(text)).rejects.toMatchObject({
      exitCode: EXIT.render,
      message: expect.stringMatching(/^cov--logistics: the cover needs more than one page.*Shorten what the cover prints: briefing\.prepared_for \(1\d\d\d characters\), .*company\.name \(26 characters\).*the theme's logo takes room/),
    });
  });

  it('keeps the PDF the last good build wrote when the cover grows too long (exit 6)', async () => {
    const dir = tempDir();
    const canvas = join(dir, 'cov.yaml');
    const out = join(dir, 'out');
    writeFileSync(canvas, canvasText());
    const first = await runCli(['build', canvas, '--out', out, '--theme', themeDir, '--set', 'logistics', '--quiet']);
    expect(first.code, first.err).toBe(0);
    const good = readFileSync(join(out, 'cov--logistics.pdf'));

    writeFileSync(canvas, canvasText({ preparedFor: `Prepared for ${'the Investment Committee and its advisers, '.repeat(40)}November 20, 2025` }));
    const second = await runCli(['build', canvas, '--out', out, '--theme', themeDir, '--set', 'logistics', '--quiet']);
    expect(second.code).toBe(EXIT.render);
    expect(second.err).toContain('cov--logistics: the cover needs more than one page');
    expect(second.err).toContain('briefing.prepared_for');
    expect(readFileSync(join(out, 'cov--logistics.pdf')).equals(good)).toBe(true);
  });
});
