/**
 * Reads a PDF back for assertions, independently of the code that wrote it: pdfjs-dist (what Firefox uses)
 * for text, outline, destinations and document info; pdf-lib for the font dictionaries and catalog entries
 * that pdfjs does not expose.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';

export interface PdfFont {
  /** BaseFont, e.g. "AAAAAA+Inter-Regular". */
  name: string;
  /** Font Subtype: Type0, TrueType, Type1, Type3, ... */
  type: string;
  /** A FontFile, FontFile2 or FontFile3 stream is present (for Type0: in the descendant font). */
  embedded: boolean;
}

export interface PdfOutlineItem {
  title: string;
  /** 1-based page the bookmark jumps to, or undefined if its destination does not resolve. */
  page: number | undefined;
  /** Top of the /XYZ destination in points from the bottom of the page (where the heading starts), if it has one. */
  top: number | undefined;
  children: PdfOutlineItem[];
}

export interface PdfReadBack {
  pages: number;
  /** Text per page, items joined by their own spacing (pdfjs hasEOL -> newline). */
  text: string[];
  fonts: PdfFont[];
  outline: PdfOutlineItem[];
  metadata: {
    title?: string;
    author?: string;
    subject?: string;
    keywords?: string;
    language?: string;
    creator?: string;
    producer?: string;
    creationDate?: string;
    modDate?: string;
    /** The custom entry /Edition: the briefing's edition stamp. */
    edition?: string;
  };
  /** MarkInfo /Marked true and a structure tree present. */
  tagged: boolean;
  /** ViewerPreferences /DisplayDocTitle. */
  displayDocTitle: boolean;
  /** Named destinations -> 1-based page, names percent-decoded like the printer's anchors. */
  anchors: Record<string, number>;
  /**
   * Text items per page with their origin in points from the bottom-left corner; eol: a line ends after it; font: the
   * BaseFont the item is drawn in ("AAAAAA+Inter-Medium"), read only when readPdf is asked for it (`fonts: true`).
   */
  positions: Array<Array<{ str: string; x: number; y: number; eol: boolean; font?: string }>>;
  /** Media box of each page in points, [width, height]. */
  pageSizes: Array<[number, number]>;
}

/**
 * Reads everything the print tests assert on. With `fonts`, each text item's font too (pdfjs knows it only once the
 * page's drawing is read, which takes longer).
 */
export async function readPdf(bytes: Uint8Array, options: { fonts?: boolean } = {}): Promise<PdfReadBack> {
  // pdfjs may transfer (detach) the buffer it is given; hand it a copy.
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const text: string[] = [];
    const pageSizes: Array<[number, number]> = [];
    const positions: PdfReadBack['positions'] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      if (options.fonts) await page.getOperatorList(); // loads the page's fonts into commonObjs
      const content = await page.getTextContent();
      const fontOf = (id: string) => (options.fonts ? ((page.commonObjs.get(id) as { name?: string } | undefined)?.name ?? '?') : undefined);
      text.push(
        content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
      );
      const items: PdfReadBack['positions'][number] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        if (item.str) items.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, eol: item.hasEOL, ...(options.fonts ? { font: fontOf(item.fontName) } : {}) });
        else if (item.hasEOL && items.length > 0) items.at(-1)!.eol = true; // an empty item that only ends the line
      }
      positions.push(items);
      const [x0, y0, x1, y1] = page.view;
      pageSizes.push([x1! - x0!, y1! - y0!]);
    }

    const explicitDest = async (dest: unknown): Promise<unknown[] | undefined> => {
      const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
      return Array.isArray(explicit) && explicit[0] ? explicit : undefined;
    };
    const pageOfDest = async (dest: unknown): Promise<number | undefined> => {
      const explicit = await explicitDest(dest);
      if (!explicit) return undefined;
      const target = explicit[0];
      if (typeof target === 'number') return target + 1;
      return (await doc.getPageIndex(target as never)) + 1;
    };
    // [page, /XYZ, left, top, zoom]
    const topOfDest = async (dest: unknown): Promise<number | undefined> => {
      const explicit = await explicitDest(dest);
      return (explicit?.[1] as { name?: string } | undefined)?.name === 'XYZ' && typeof explicit![3] === 'number' ? explicit![3] : undefined;
    };
    type RawOutline = { title: string; dest: unknown; items: RawOutline[] };
    const toOutline = async (items: RawOutline[]): Promise<PdfOutlineItem[]> =>
      Promise.all(
        items.map(async (item) => ({
          title: item.title,
          page: await pageOfDest(item.dest),
          top: await topOfDest(item.dest),
          children: await toOutline(item.items),
        })),
      );
    const outline = await toOutline(((await doc.getOutline()) ?? []) as RawOutline[]);

    const anchors: Record<string, number> = {};
    for (const [name, dest] of Object.entries((await doc.getDestinations()) as Record<string, unknown>)) {
      const page = await pageOfDest(dest);
      if (page !== undefined) anchors[safeDecode(name)] = page;
    }

    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    const str = (key: string) => (typeof info[key] === 'string' ? (info[key] as string) : undefined);
    const markInfo = await doc.getMarkInfo();

    const lib = await PDFDocument.load(bytes, { updateMetadata: false });
    const hasStructTree = lib.catalog.has(PDFName.of('StructTreeRoot'));
    const prefs = lib.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
    const displayDocTitle = String(prefs?.get(PDFName.of('DisplayDocTitle'))) === 'true';

    return {
      pages: doc.numPages,
      text,
      fonts: readFonts(lib),
      outline,
      metadata: {
        title: str('Title'),
        author: str('Author'),
        subject: str('Subject'),
        keywords: str('Keywords'),
        language: str('Language'),
        creator: str('Creator'),
        edition: typeof (info.Custom as Record<string, unknown> | undefined)?.Edition === 'string' ? ((info.Custom as Record<string, string>).Edition) : undefined,
        producer: str('Producer'),
        creationDate: str('CreationDate'),
        modDate: str('ModDate'),
      },
      tagged: Boolean(markInfo?.Marked) && hasStructTree,
      displayDocTitle,
      anchors,
      positions,
      pageSizes,
    };
  } finally {
    await doc.destroy();
  }
}

function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Every font used on any page, including inside form XObjects, once each. */
function readFonts(doc: PDFDocument): PdfFont[] {
  const fonts = new Map<PDFObject, PdfFont>();
  const seenResources = new Set<PDFObject>();
  const visitResources = (resources: PDFDict | undefined) => {
    if (!resources || seenResources.has(resources)) return;
    seenResources.add(resources);
    const fontDict = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [, ref] of fontDict?.entries() ?? []) {
      const font = doc.context.lookup(ref);
      if (font instanceof PDFDict && !fonts.has(font)) fonts.set(font, describeFont(doc, font));
    }
    const xobjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [, ref] of xobjects?.entries() ?? []) {
      const xobject = doc.context.lookup(ref);
      if (xobject instanceof PDFStream) visitResources(xobject.dict.lookupMaybe(PDFName.of('Resources'), PDFDict));
    }
  };
  for (const page of doc.getPages()) visitResources(page.node.Resources());
  return [...fonts.values()];
}

function describeFont(doc: PDFDocument, font: PDFDict): PdfFont {
  const name = (font.lookup(PDFName.of('BaseFont')) as PDFName | undefined)?.decodeText() ?? '?';
  const type = (font.lookup(PDFName.of('Subtype')) as PDFName | undefined)?.decodeText() ?? '?';
  let descriptorOwner: PDFDict | undefined = font;
  if (type === 'Type0') {
    const descendants = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
    const first = descendants && doc.context.lookup(descendants.get(0));
    descriptorOwner = first instanceof PDFDict ? first : undefined;
  }
  const descriptor = descriptorOwner?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => {
    const file = descriptor?.get(PDFName.of(key));
    return file instanceof PDFRef ? doc.context.lookup(file) instanceof PDFStream : file instanceof PDFStream;
  });
  return { name, type, embedded };
}
