import { PDFArray, PDFDict, PDFHexString, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/** How Chromium names structure elements in a tagged PDF: after the DOM node, "node00000219". */
const NODE_ID = /^node(\d+)$/;

/**
 * Chromium names each structure element of a tagged PDF after its DOM node id (/ID, the /IDTree,
 * and the /Headers of every table cell). Blink numbers DOM nodes per renderer process, not per
 * document, so the same briefing printed while another page loads in the same process gets other
 * numbers (seen: node00000219 for node00000218), and other bytes. Renumbering the ids by rank
 * (node1, node2, ... in the order of the original numbers) keeps every reference and the sort order
 * of the /IDTree name tree, and makes them depend on the document alone. Returns how many ids.
 */
export function stabiliseStructureIds(doc: PDFDocument): number {
  const found = new Set<string>();
  const objects = doc.context.enumerateIndirectObjects().map(([, object]) => object);
  for (const object of objects) visit(object, (id) => (found.add(id), undefined));
  const ranked = [...found].sort((a, b) => Number(NODE_ID.exec(a)![1]) - Number(NODE_ID.exec(b)![1]));
  const width = String(ranked.length).length;
  const renamed = new Map(ranked.map((id, i) => [id, `node${String(i + 1).padStart(width, '0')}`]));
  for (const object of objects) visit(object, (id) => renamed.get(id));
  return renamed.size;
}

/**
 * Calls `rename` with every node id string inside `object` (dictionaries and arrays, inline ones
 * too); when it returns a name, the string is replaced by it.
 */
function visit(object: PDFObject, rename: (id: string) => string | undefined): void {
  const replacement = (value: PDFObject): PDFObject | undefined => {
    if (!(value instanceof PDFString || value instanceof PDFHexString)) {
      visit(value, rename);
      return undefined;
    }
    const text = value.decodeText();
    const name = NODE_ID.test(text) ? rename(text) : undefined;
    return name === undefined ? undefined : PDFString.of(name);
  };
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      const next = replacement(value);
      if (next) object.set(key, next);
    }
  } else if (object instanceof PDFArray) {
    for (let i = 0; i < object.size(); i++) {
      const next = replacement(object.get(i));
      if (next) object.set(i, next);
    }
  }
}
