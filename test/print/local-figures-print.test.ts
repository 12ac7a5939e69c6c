/**
 * A German briefing, printed: its figures come back from the PDF as a German reader reads them (1.234,5 Mio. €),
 * not the English way (€1,234.5 million), which a German reader takes for 1.2345 million. An American one (en-US),
 * built with no page size given, prints on US Letter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build-model.ts';
import { createRenderer } from '../../src/render/render-html.ts';
import { createPrinter, findBrowser, type Printer } from '../../src/print/index.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateCanvas } from '../../src/validate/validate-canvas.ts';
import { buildBriefings } from '../../src/pipeline.ts';
import { tempDir } from '../support/temp.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPdf } from '../support/read-pdf.ts';

describe('a briefing with briefing.language: de, printed', { timeout: 60_000 }, () => {
  let printer: Printer;
  let text: string;

  beforeAll(async () => {
    await findBrowser({});
    // Its free table given numbers as a canvas writes them: trailing zeros YAML alone reads as 100, and German notation.
    const yaml = readFileSync(NORDWIND, 'utf8').replace(/^(\s+- \[Net income, .*)$/m, '$1\n                - [Margin, 100.0, "4321,5"]\n                - [Staff, 48350.0, 3.50]');
    const canvas = validateCanvas(parseCanvas(yaml, 'nordwind.yaml'));
    canvas.briefing = { ...canvas.briefing, language: 'de' };
    const model = buildModel(canvas, { name: 'nordwind', setKey: 'full' });
    const rendered = createRenderer().render(model, { svgs: [], pageSize: 'A4' });
    printer = createPrinter({ timeoutMs: 30_000 });
    const printed = await printer.print(rendered.html, { pageSize: 'A4', metadata: { ...model.meta, date: new Date('2026-02-15T00:00:00Z') }, headings: rendered.headings, marginText: rendered.marginText });
    text = (await readPdf(printed.pdf)).text.join('\n').replace(/\s+/g, ' ');
  }, 60_000);

  afterAll(async () => {
    await printer?.close();
  });

  it('prints its figures in German notation, and none the English way', () => {
    expect(text).toContain('Revenue reached 1.234,5 Mio. € (+8,2 % YoY), while the net result was \u221242,7 Mio. €.');
    expect(text).toContain('1.020,25 Mio. €'); // the figure register
    expect(text).not.toMatch(/€1,234\.5|€1,020\.25|\d million/); // (the chart's caption, the canvas's own words, says "EUR million")
    expect(text).toMatch(/Margin 100,0 4\.321,5 .*Staff 48\.350,0 3,50/); // a free table's numbers
    expect(text).not.toMatch(/100\.0|4321|48350|3\.50/);
  });
});

describe('a briefing with briefing.language: en-US, built with no page size given', { timeout: 90_000 }, () => {
  it('prints on US Letter (612 x 792 pt), its dates month first', async () => {
    await findBrowser({});
    const dir = tempDir();
    const file = join(dir, 'nordwind.yaml');
    writeFileSync(file, readFileSync(NORDWIND, 'utf8').replace(/^(\s+)currency: EUR$/m, '$1currency: EUR\n$1language: en-US'));
    const printer = createPrinter({ timeoutMs: 30_000 });
    try {
      await buildBriefings([file], { outDir: join(dir, 'out'), set: 'full', html: false, timeoutMs: 30_000, jobs: 1 }, printer, () => {});
    } finally {
      await printer.close();
    }
    const pdf = await readPdf(new Uint8Array(readFileSync(join(dir, 'out', 'nordwind.pdf'))));
    expect(new Set(pdf.pageSizes.map(([w, h]) => `${Math.round(w)}x${Math.round(h)}`))).toEqual(new Set(['612x792']));
    expect(pdf.text.join('\n')).toContain('Data as of Feb 15, 2026');
  });
});
