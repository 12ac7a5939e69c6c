import { PDFDict, PDFName, type PDFDocument } from 'pdf-lib';

/**
 * The pages (1-based) that draw text in a Type 3 font: Chromium's way of printing a face it had to make up (a bold or
 * italic that the font a theme names does not have, drawn from its regular face) or glyphs of a font it could not
 * embed. Such text cannot be searched, copied or read aloud, and prints less crisply: worth a warning.
 */
export function type3Pages(doc: PDFDocument): number[] {
  return doc.getPages().flatMap((page, i) => {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    const type3 = fonts?.values().some((ref) => doc.context.lookupMaybe(ref, PDFDict)?.get(PDFName.of('Subtype')) === PDFName.of('Type3'));
    return type3 ? [i + 1] : [];
  });
}
