import { PDFDict, PDFName, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * The pages (1-based) that draw text in a Type 3 font: Chromium's way of printing a face it had to make up (a bold or
 * italic that the font a theme names does not have, drawn from its regular face) or glyphs of a font it could not
 * embed. Such text cannot be searched, copied or read aloud, and prints less crisply: worth a warning. A page's own
 * fonts are looked at, and those of the drawings it places (form XObjects: an SVG chart's group, say).
 */
export function type3Pages(doc: PDFDocument): number[] {
  // `seen`: each page's, against a drawing that places itself.
  const hasType3 = (resources: PDFDict | undefined, seen = new Set<PDFObject>()): boolean => {
    if (resources === undefined || seen.has(resources)) return false;
    seen.add(resources);
    const fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
    if (fonts?.values().some((ref) => doc.context.lookupMaybe(ref, PDFDict)?.get(PDFName.of('Subtype')) === PDFName.of('Type3'))) return true;
    const objects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
    return (objects?.values() ?? []).some((ref) => {
      const object = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
      return object instanceof PDFStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Form') && hasType3(object.dict.lookupMaybe(PDFName.of('Resources'), PDFDict), seen);
    });
  };
  return doc.getPages().flatMap((page, i) => (hasType3(page.node.Resources()) ? [i + 1] : []));
}
