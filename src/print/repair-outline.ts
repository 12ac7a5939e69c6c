import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

/**
 * Chromium builds bookmark titles from the heading's laid-out lines and drops the space
 * at each line wrap ("quick commerceexpansion"); a heading that continues a fragmented
 * block can even come out twice; and a badge drawn in the heading ("detected", upper-cased
 * by the style) becomes part of the title. Given the headings as written and as drawn, put
 * back each title that differs from one only in whitespace, case, a badge or such repetition.
 */
export function repairOutlineTitles(doc: PDFDocument, headings: ReadonlyArray<{ title: string; shown: string }>): number {
  const byKey = new Map(headings.flatMap((h) => {
    const title = h.title.replace(/\s+/g, ' ').trim();
    return [[squash(h.shown), title], [squash(h.title), title]] as const;
  }));
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  let repaired = 0;
  const visit = (first: PDFDict | undefined) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const raw = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
      const title = raw?.decodeText();
      if (title !== undefined) {
        const fixed = canonical(title, byKey);
        if (fixed !== undefined && fixed !== title) {
          item.set(PDFName.of('Title'), PDFHexString.fromText(fixed));
          repaired += 1;
        }
      }
      visit(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  return repaired;
}

function canonical(title: string, byKey: Map<string, string>): string | undefined {
  const key = squash(title);
  const exact = byKey.get(key);
  if (exact !== undefined) return exact;
  for (let parts = 2; parts <= 3; parts++) {
    if (key.length % parts !== 0) continue;
    const unit = key.slice(0, key.length / parts);
    if (unit.repeat(parts) === key && byKey.has(unit)) return byKey.get(unit);
  }
  return undefined;
}

/** A title with spacing and case aside (CSS may upper-case a badge in the drawn heading). */
function squash(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}
