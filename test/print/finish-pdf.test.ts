import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { finishPdf } from '../../src/print/finish-pdf.ts';
import { readAnchors } from '../../src/print/read-anchors.ts';
import { readPdf } from '../support/read-pdf.ts';

// Browser-free tests on PDFs built with pdf-lib in the shape Chromium writes (see printer.test.ts for the real thing).

/** Three pages; destinations "intro" (page 1, catalog /Dests like Chromium) and "later" (page 3, /Names tree, /D form). */
async function chromiumLikePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const pages = [doc.addPage(), doc.addPage(), doc.addPage()];
  const { context } = doc;
  const xyz = (pageIndex: number) => context.obj([pages[pageIndex]!.ref, PDFName.of('XYZ'), 0, 800, 0]);
  doc.catalog.set(PDFName.of('Dests'), context.obj({ intro: xyz(0), '%C3%BCn%C3%AF': xyz(1) }));
  const leaf = context.obj({ Names: [PDFString.of('later'), context.obj({ D: xyz(2) })] });
  const tree = context.obj({ Kids: [context.register(leaf)] });
  doc.catalog.set(PDFName.of('Names'), context.obj({ Dests: tree }));
  doc.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  doc.catalog.set(PDFName.of('StructTreeRoot'), context.register(context.obj({ Type: 'StructTreeRoot' })));
  const outlines = context.register(context.obj({ Type: 'Outlines', Count: 0 }));
  doc.catalog.set(PDFName.of('Outlines'), outlines);
  return doc.save();
}

describe('readAnchors', () => {
  it('reads catalog /Dests and the /Names name tree, percent-decoding names', async () => {
    const doc = await PDFDocument.load(await chromiumLikePdf());
    expect(readAnchors(doc)).toEqual({ intro: 1, 'ünï': 2, later: 3 });
  });

  it('reads a destination given as a page index, and keeps a name whose "%" is no escape as written', async () => {
    // A table of contents prints these page numbers: a destination dropped or one page off is a wrong page in it.
    const doc = await PDFDocument.create();
    const pages = [doc.addPage(), doc.addPage(), doc.addPage()];
    const { context } = doc;
    doc.catalog.set(PDFName.of('Dests'), context.obj({
      'margin-50%': context.obj([pages[1]!.ref, PDFName.of('XYZ'), 0, 800, 0]),
      indexed: context.obj([2, PDFName.of('Fit')]),
    }));
    expect(readAnchors(doc)).toEqual({ 'margin-50%': 2, indexed: 3 });
  });

  it('returns nothing for a PDF without internal links', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    expect(readAnchors(doc)).toEqual({});
  });
});

describe('finishPdf', () => {
  const date = new Date('2023-04-05T06:07:08Z');

  it('writes document information and keeps outline, structure tree and destinations', async () => {
    const finished = await finishPdf(await chromiumLikePdf(), {
      title: 'Title',
      author: 'Author',
      subject: 'Subject',
      keywords: ['a', 'b'],
      language: 'zh-CN',
      date,
    });
    const doc = await PDFDocument.load(finished, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Title');
    expect(doc.getAuthor()).toBe('Author');
    expect(doc.getSubject()).toBe('Subject');
    expect(doc.getKeywords()).toBe('a b');
    expect(doc.getCreator()).toBe('canvas-briefing');
    expect(doc.getProducer()).toMatch(/^canvas-briefing \(.*pdf-lib\)$/);
    expect(doc.getCreationDate()?.toISOString()).toBe(date.toISOString());
    expect(doc.getModificationDate()?.toISOString()).toBe(date.toISOString());
    expect(String(doc.catalog.get(PDFName.of('Lang')))).toBe('(zh-CN)');
    const prefs = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(String(prefs.get(PDFName.of('DisplayDocTitle')))).toBe('true');
    for (const key of ['Outlines', 'StructTreeRoot', 'MarkInfo', 'Dests', 'Names']) {
      expect(doc.catalog.has(PDFName.of(key)), key).toBe(true);
    }
    expect(readAnchors(doc)).toEqual({ intro: 1, 'ünï': 2, later: 3 });
  });

  it('sets a revised edition\'s line apart from the subject it follows, and writes /Replaces and /Revision', async () => {
    const line = 'Revised edition: replaces edition 405db5c5, sent Dec 5, 2026.';
    const revision = { replaces: '405db5c5', line };
    const finished = await finishPdf(await chromiumLikePdf(), { title: 'T', subject: 'Harbor Ridge Industries third-quarter 2025 results briefing', revision, date });
    const doc = await PDFDocument.load(finished, { updateMetadata: false });
    expect(doc.getSubject()).toBe(`Harbor Ridge Industries third-quarter 2025 results briefing — ${line}`);
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    expect(info.lookup(PDFName.of('Replaces'), PDFString).asString()).toBe('405db5c5');
    expect(info.lookup(PDFName.of('Revision'), PDFHexString).decodeText()).toBe(line);
    expect(doc.getModificationDate()?.toISOString()).toBe(date.toISOString());
    // Without a subject of its own, the line alone.
    const alone = await PDFDocument.load(await finishPdf(await chromiumLikePdf(), { title: 'T', revision, date }), { updateMetadata: false });
    expect(alone.getSubject()).toBe(line);
  });

  it('is byte-for-byte reproducible for a fixed date, with a content-derived file /ID', async () => {
    const input = await chromiumLikePdf();
    const a = await finishPdf(input, { title: 'T', date });
    const b = await finishPdf(input, { title: 'T', date });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const id = (await PDFDocument.load(a)).context.trailerInfo.ID;
    expect(id).toBeInstanceOf(PDFArray);
    // The ID is the file's own hash: the first 128 bits of the SHA-256 of the file with its ID zeroed.
    const text = Buffer.from(a).toString('latin1');
    const [, hex] = /\/ID \[ <([0-9a-f]{32})> <\1> \]/.exec(text)!;
    const zeroed = Buffer.from(text.replaceAll(`<${hex}>`, `<${'0'.repeat(32)}>`), 'latin1');
    expect(hex).toBe(createHash('sha256').update(zeroed).digest('hex').slice(0, 32));
    const c = await finishPdf(input, { title: 'Other', date });
    expect(String((await PDFDocument.load(c)).context.trailerInfo.ID)).not.toBe(String(id));
  });

  it('finishes a document the caller already parsed exactly as it finishes its bytes', async () => {
    const input = await chromiumLikePdf();
    const parsed = await PDFDocument.load(input, { updateMetadata: false });
    const fromDoc = await finishPdf(parsed, { title: 'T', date }, [{ title: 'Intro', shown: 'Intro' }]);
    expect(Buffer.from(fromDoc).equals(Buffer.from(await finishPdf(input, { title: 'T', date }, [{ title: 'Intro', shown: 'Intro' }])))).toBe(true);
  });

  it('names structure elements after the document alone, not after Chromium\'s DOM node numbers', async () => {
    // Blink numbers DOM nodes per renderer process: the same document printed beside another gets other ids.
    const tagged = async (first: number) => {
      const doc = await PDFDocument.create();
      doc.addPage();
      const { context } = doc;
      const id = (n: number) => PDFString.of(`node${String(first + n).padStart(8, '0')}`);
      const th = context.register(context.obj({ Type: 'StructElem', S: 'TH', ID: id(0) }));
      const td = context.register(context.obj({ Type: 'StructElem', S: 'TD', ID: id(3), A: [context.obj({ O: 'Table', Headers: [id(0)] })] }));
      const idTree = context.register(context.obj({ Names: [id(0), th, id(3), td] }));
      doc.catalog.set(PDFName.of('StructTreeRoot'), context.register(context.obj({ Type: 'StructTreeRoot', K: [th, td], IDTree: idTree })));
      // A link target that merely looks like a node id, outside the structure tree: not renamed.
      const dest = context.obj([doc.getPage(0).ref, PDFName.of('XYZ'), 0, 800, 0]);
      doc.catalog.set(PDFName.of('Names'), context.obj({ Dests: context.obj({ Names: [PDFString.of('node00000007'), dest] }) }));
      return doc.save();
    };
    const a = await finishPdf(await tagged(218), { title: 'T', date });
    expect(Buffer.from(a).equals(Buffer.from(await finishPdf(await tagged(219), { title: 'T', date })))).toBe(true);
    // Every reference follows its element: the cell's header is the header cell, the name tree maps each name to its element.
    const doc = await PDFDocument.load(a);
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const [th, td] = [0, 1].map((i) => root.lookup(PDFName.of('K'), PDFArray).lookup(i, PDFDict));
    const text = (o: unknown) => (o as PDFString).decodeText();
    expect([text(th.get(PDFName.of('ID'))), text(td.get(PDFName.of('ID')))]).toEqual(['node1', 'node2']);
    expect(text(td.lookup(PDFName.of('A'), PDFArray).lookup(0, PDFDict).lookup(PDFName.of('Headers'), PDFArray).get(0))).toBe('node1');
    const names = root.lookup(PDFName.of('IDTree'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
    expect([text(names.get(0)), names.lookup(1), text(names.get(2)), names.lookup(3)]).toEqual(['node1', th, 'node2', td]);
    expect(readAnchors(doc)).toEqual({ node00000007: 1 });
  });

  it('keeps the structure\'s id tree sorted past nine ids, renaming the keys and limits of each of its leaves with their elements', async () => {
    // Twelve elements, listed in the structure in the reverse of their DOM node numbers; an /IDTree of two leaves,
    // each with its /Limits, keyed in the order of those numbers (a name tree's keys are sorted: a viewer looks an
    // element up by bisection, and one out of order is not found).
    const doc = await PDFDocument.create();
    doc.addPage();
    const { context } = doc;
    const numbers = Array.from({ length: 12 }, (_, i) => 291 + 7 * i);
    const id = (n: number) => PDFString.of(`node${String(n).padStart(8, '0')}`);
    const elements = numbers.map((n) => context.register(context.obj({ Type: 'StructElem', S: 'P', ID: id(n) })));
    const leaf = (from: number, to: number) => context.register(context.obj({
      Limits: [id(numbers[from]!), id(numbers[to - 1]!)],
      Names: numbers.slice(from, to).flatMap((n, i) => [id(n), elements[from + i]!]),
    }));
    const idTree = context.register(context.obj({ Kids: [leaf(0, 6), leaf(6, 12)] }));
    doc.catalog.set(PDFName.of('StructTreeRoot'), context.register(context.obj({ Type: 'StructTreeRoot', K: [...elements].reverse(), IDTree: idTree })));

    const finished = await PDFDocument.load(await finishPdf(await doc.save(), { title: 'T', date }));
    const text = (o: unknown) => (o as PDFString).decodeText();
    const root = finished.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const kids = root.lookup(PDFName.of('IDTree'), PDFDict).lookup(PDFName.of('Kids'), PDFArray);
    const keys: string[] = [];
    for (let k = 0; k < kids.size(); k++) {
      const node = kids.lookup(k, PDFDict);
      const names = node.lookup(PDFName.of('Names'), PDFArray);
      const leafKeys: string[] = [];
      for (let i = 0; i < names.size(); i += 2) {
        leafKeys.push(text(names.get(i)));
        // Each key still names its element: the element's own /ID is the same new name.
        expect(text(names.lookup(i + 1, PDFDict).get(PDFName.of('ID')))).toBe(text(names.get(i)));
      }
      const limits = node.lookup(PDFName.of('Limits'), PDFArray);
      expect([text(limits.get(0)), text(limits.get(1))]).toEqual([leafKeys[0], leafKeys.at(-1)]);
      keys.push(...leafKeys);
    }
    expect(keys).toEqual(['node01', 'node02', 'node03', 'node04', 'node05', 'node06', 'node07', 'node08', 'node09', 'node10', 'node11', 'node12']);
    expect(keys).toEqual([...keys].sort());
  });

  it('gives bookmarks Chromium wrote with each text node of the heading twice their titles as written', async () => {
    // A heading laid out in two fragments (a theme's heading font, Merriweather, put "6 Channels" at a page's top
    // after a zero-height start at the foot of the one before): Chromium's bookmark took each of its text nodes
    // (the number's span, then the title) from both, "66 Channels Channels".
    const doc = await PDFDocument.load(await chromiumLikePdf());
    const { context } = doc;
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const drawn = ['66 Channels Channels', '2.22.2 Research and development Research and development', '7 Customer Segments', 'Data notesData notes', 'Key metricsKey metricsKey metrics'];
    const items = drawn.map((title, i) => context.obj({ Title: PDFHexString.fromText(title), Parent: context.getObjectRef(outlines)!, Dest: [doc.getPage(i % 3).ref, PDFName.of('XYZ'), 0, 800, 0] }));
    const refs = items.map((item) => context.register(item));
    items.forEach((item, i) => {
      if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < items.length - 1) item.set(PDFName.of('Next'), refs[i + 1]!);
    });
    outlines.set(PDFName.of('First'), refs[0]!);
    outlines.set(PDFName.of('Last'), refs.at(-1)!);
    outlines.set(PDFName.of('Count'), context.obj(items.length));
    const headings = ['6 Channels', '2.2 Research and development', '7 Customer Segments', 'Data notes', 'Key metrics'].map((title) => ({ title, shown: title }));
    const read = await readPdf(await finishPdf(await doc.save(), { title: 'T', date }, headings));
    // Three times over too ("Key metricsKey metricsKey metrics"): a heading laid out in three fragments.
    expect(read.outline.map((item) => item.title)).toEqual(['6 Channels', '2.2 Research and development', '7 Customer Segments', 'Data notes', 'Key metrics']);
  });

  it('does not use object streams (Chromium writes PDF 1.4)', async () => {
    const text = Buffer.from(await finishPdf(await chromiumLikePdf(), { title: 'T', date })).toString('latin1');
    expect(text).not.toContain('/ObjStm');
    expect(text.startsWith('%PDF-1.')).toBe(true);
  });

  it('dates the file now when no date is given, and keeps the pages', async () => {
    const before = Date.now();
    const finished = await PDFDocument.load(await finishPdf(await chromiumLikePdf(), { title: 'T' }));
    // PDF dates have whole seconds.
    expect(finished.getCreationDate()!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(finished.getCreationDate()!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(finished.getPageCount()).toBe(3);
  });
});
