import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

/**
 * Chromium builds bookmark titles from the heading's laid-out lines and drops the space
 * at each line wrap ("quick commerceexpansion"); a heading that continues a fragmented
 * block can even come out twice; and a badge drawn in the heading ("detected", upper-cased
 * by the style) becomes part of the title. Given the headings as written and as drawn, put
 * back each title that differs from one only in whitespace, case, a badge or such repetition (of the whole
 * heading, or of each of its text nodes: "66 Channels Channels").
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
  for (let times = 2; times <= 3; times++) {
    if (key.length % times !== 0) continue;
    for (const [heading, written] of byKey) {
      if (heading.length * times === key.length && piecesRepeated(key, heading, times)) return written;
    }
  }
  return undefined;
}

/**
 * Whether `key` is `heading` cut into pieces, each repeated `times` over: a heading laid out in two fragments (its
 * start at a page's foot, the rest on the next) can give each of its text nodes twice, one after the other:
 * "6 Channels" as "66 Channels Channels", "2.2 Research" as "2.22.2 Research Research". The whole heading
 * repeated ("6 Channels6 Channels") is the case of a single piece.
 */
function piecesRepeated(key: string, heading: string, times: number): boolean {
  // reached[i]: the heading's first i characters, in pieces each repeated, make the key's first i * times.
  const reached = [true, ...Array.from({ length: heading.length }, () => false)];
  for (let end = 1; end <= heading.length; end++) {
    for (let start = end - 1; start >= 0 && !reached[end]; start--) {
      reached[end] = reached[start]! && key.startsWith(heading.slice(start, end).repeat(times), start * times);
    }
  }
  return reached[heading.length]!;
}

/** A title with spacing and case aside (CSS may upper-case a badge in the drawn heading). */
function squash(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}
