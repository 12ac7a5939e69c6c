import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';

/**
 * Maps each named destination in the PDF to its 1-based page. Chromium writes one named destination per
 * element that an internal link (<a href="#id">) points at, named after the link's fragment, so this is
 * "id -> page" for link targets: what a table of contents needs to print page numbers.
 */
export function readAnchors(doc: PDFDocument): Record<string, number> {
  const pageOf = new Map<PDFRef, number>(doc.getPages().map((page, index) => [page.ref, index + 1]));
  const anchors: Record<string, number> = {};
  const add = (key: PDFObject, value: PDFObject | undefined) => {
    const name = destinationName(key);
    const page = name === undefined ? undefined : destinationPage(doc, value, pageOf);
    if (name !== undefined && page !== undefined) anchors[name] = page;
  };

  // Chromium (Skia) writes the PDF 1.1 form: a /Dests dictionary in the catalog, name -> [page /XYZ x y z].
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) for (const [key, value] of dests.entries()) add(key, value);

  // Other producers (and possibly later Chromium) use the PDF 1.2 name tree /Names /Dests; read both.
  const tree = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (tree) walkNameTree(doc, tree, add, new Set());
  return anchors;
}

function walkNameTree(
  doc: PDFDocument,
  node: PDFDict,
  add: (key: PDFObject, value: PDFObject | undefined) => void,
  seen: Set<PDFDict>,
): void {
  if (seen.has(node)) return; // a malformed tree could loop
  seen.add(node);
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let i = 0; names && i + 1 < names.size(); i += 2) add(names.get(i), names.get(i + 1));
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = doc.context.lookup(kids.get(i));
    if (kid instanceof PDFDict) walkNameTree(doc, kid, add, seen);
  }
}

/**
 * The element id a destination name stands for. Chromium names a destination after the link's URL fragment,
 * which is percent-encoded for non-ASCII ids (id "ünï" -> "%C3%BCn%C3%AF"), so the name is percent-decoded.
 */
function destinationName(key: PDFObject): string | undefined {
  let raw: string;
  if (key instanceof PDFName) raw = new TextDecoder().decode(key.asBytes());
  else if (key instanceof PDFString || key instanceof PDFHexString) raw = key.decodeText();
  else return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a literal '%' that is not an escape
  }
}

/** The 1-based page of an explicit destination: [pageRef /XYZ ...], or a dictionary holding it under /D. */
function destinationPage(doc: PDFDocument, value: PDFObject | undefined, pageOf: Map<PDFRef, number>): number | undefined {
  let dest = value === undefined ? undefined : doc.context.lookup(value);
  if (dest instanceof PDFDict) dest = dest.lookup(PDFName.of('D'));
  if (!(dest instanceof PDFArray) || dest.size() === 0) return undefined;
  const target = dest.get(0);
  if (target instanceof PDFRef) return pageOf.get(target);
  // A page index instead of a reference is only legal for remote destinations, but costs nothing to accept.
  if (target instanceof PDFNumber) return target.asNumber() + 1;
  return undefined;
}
