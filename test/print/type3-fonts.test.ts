/**
 * Text in a Type 3 font, which readers cannot search or copy, is found in the printed PDF and warned of. The fixtures are
 * Chromium's prints (headless shell, A6) of a page whose only face is Inter's regular (@font-face, font-weight: 400):
 * faux-bold.pdf has a heading at font-weight 700 as well, which the browser draws in a bold it makes up, as a Type 3 font;
 * regular-only.pdf has the paragraph alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildBriefings, type BuildEvent } from '../../src/pipeline.ts';
import { type3Pages } from '../../src/print/type3-fonts.ts';
import { fakePrinter, linkedAnchors } from '../support/fake-printer.ts';
import { NORDWIND } from '../support/fixtures.ts';
import { tempDir } from '../support/temp.ts';

const load = (name: string) => PDFDocument.load(readFileSync(join('test/fixtures/pdf', name)), { updateMetadata: false });

describe('Type 3 fonts', () => {
  it('are found on the pages that draw text in them, and only there', async () => {
    expect(type3Pages(await load('faux-bold.pdf'))).toEqual([1]);
    expect(type3Pages(await load('regular-only.pdf'))).toEqual([]);
    // In a drawing the page places (a form XObject, as an SVG chart's group may be), on the second page of two.
    const doc = await PDFDocument.create();
    doc.addPage();
    const page = doc.addPage();
    const font = doc.context.register(doc.context.obj({ Type: 'Font', Subtype: 'Type3' }));
    const form = doc.context.register(doc.context.stream('', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 10], Resources: { Font: { F1: font } } }));
    page.node.setXObject(PDFName.of('X1'), form);
    expect(type3Pages(doc)).toEqual([2]);
  });

  it('are looked for once in a drawing that places itself, instead of for ever', async () => {
    // A form XObject whose resources name the form itself (as a malformed or hostile file may): the look ends, and finds none.
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    const ref = doc.context.nextRef();
    const resources = doc.context.obj({ XObject: { X1: ref } });
    doc.context.assign(ref, doc.context.stream('', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 10], Resources: resources }));
    page.node.setXObject(PDFName.of('X1'), ref);
    expect(type3Pages(doc)).toEqual([]);
  });

  it('are warned of with the briefing, naming the pages and the likely cause', async () => {
    const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    const build = async (type3?: number[]) => {
      const { printer } = fakePrinter(({ html }) => ({ pdf: PDF, pages: 9, anchors: linkedAnchors(html, 3), blocked: [], ...(type3 ? { type3Pages: type3 } : {}) }));
      const events: BuildEvent[] = [];
      await buildBriefings([NORDWIND], { outDir: tempDir(), pageSize: 'A4', html: false, timeoutMs: 10_000 }, printer, (e) => events.push(e));
      return events.flatMap((e) => (e.kind === 'built' ? e.warnings : []));
    };
    expect(await build([2, 4, 5, 6, 9])).toEqual([
      'text on pages 2, 4\u20136 and 9 is drawn in a Type 3 font, which readers cannot search, copy or read aloud: a font lacks the weight or style the text asks for, and the browser made one up (a theme\'s font with no bold face, say: give its @font-face a face with font-weight: 700 for the headings), or no embedded font has one of its characters',
    ]);
    expect(await build([3])).toEqual([expect.stringMatching(/^text on page 3 is drawn in a Type 3 font/)]);
    expect(await build()).toEqual([]);
  });
});
