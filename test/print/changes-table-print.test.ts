/**
 * The "Figures that moved" table of the full briefing, printed (buildBriefing, a real browser): the sample canvas rolled
 * forward a quarter printed "Cloud Intelligen / ce Group revenue" in its Figure column, where the column of periods
 * beside it had room to wrap between its words. The labels keep their words whole, and a direction with its percent
 * stays on one line under the Change column's heading of a few words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareCanvases } from '../../src/compare/compare-canvases.ts';
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { buildBriefing } from '../../src/pipeline.ts';
import { createPrinter, findBrowser } from '../../src/print/index.ts';
import { validateCanvas } from '../../src/validate/validate-canvas.ts';
import { readPdf } from '../support/read-pdf.ts';
import { sectionText, squash } from '../support/briefing-layout.ts';
import { rolledSample, SAMPLE } from '../support/rolled-sample.ts';

describe('the changes chapter\'s table of figures that moved, printed', { timeout: 300_000 }, () => {
  it('keeps the labels\' words whole beside long periods, and each direction with its percent on one line', async () => {
    const was = validateCanvas(parseCanvas(readFileSync(SAMPLE, 'utf8'), SAMPLE));
    const is = validateCanvas(parseCanvas(rolledSample(), 'alibaba-q4.yaml'));
    const model = buildModel(is, { name: 'alibaba', setKey: 'full', since: { canvas: was, changes: compareCanvases(was, is) } });
    await findBrowser({});
    const printer = createPrinter({ timeoutMs: 60_000 });
    const pdf = await buildBriefing(model, { pageSize: 'A4' }, printer).then((built) => readPdf(built.pdf)).finally(() => printer.close());
    const moved = sectionText(pdf, 'Figures that moved');
    for (const label of ['Cloud Intelligence Group revenue (latest)', 'AIDC revenue (latest)', 'Local Services Group revenue (latest)']) {
      expect(squash(moved)).toContain(label);
    }
    // Each "▲ up 5.0%" on one line of its own cell: read back as one run of text, not "▲ up" over "5.0%".
    expect(moved.split('\n').filter((l) => /▲ up 5\.0%$/.test(l.trim())).length).toBe(3);
  });
});
