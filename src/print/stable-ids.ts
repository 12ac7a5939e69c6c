import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/** How Chromium names structure elements in a tagged PDF: after the DOM node, "node00000219". */
const NODE_ID = /^node(\d+)$/;

/** A string slot in the structure tree that may hold an element's id: read it, or write a new one. */
interface IdSlot {
  id: string;
  set(name: string): void;
}

/**
 * Chromium names each structure element of a tagged PDF after its DOM node id (its /ID, the keys of
 * the /IDTree, and the /Headers of every table cell that refer to header cells). Blink numbers DOM
 * nodes per renderer process, not per document, so the same briefing printed while another page loads
 * in the same process gets other numbers (seen: node00000219 for node00000218), and other bytes.
 * Renumbering them by rank (node1, node2, ... in the order of the original numbers) keeps every
 * reference and the sort order of the name tree, and makes them depend on the document alone. Only
 * the structure tree is touched: a bookmark or link named "node12" stays as it is. Returns how many ids.
 */
export function stabiliseStructureIds(doc: PDFDocument): number {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return 0;
  const slots = [...elementIdSlots(root), ...nameTreeSlots(root.lookupMaybe(PDFName.of('IDTree'), PDFDict))];
  const ranked = [...new Set(slots.map((s) => s.id))].sort((a, b) => Number(NODE_ID.exec(a)![1]) - Number(NODE_ID.exec(b)![1]));
  const width = String(ranked.length).length;
  const renamed = new Map(ranked.map((id, i) => [id, `node${String(i + 1).padStart(width, '0')}`]));
  for (const slot of slots) slot.set(renamed.get(slot.id)!);
  return renamed.size;
}

/** The /ID of every structure element below `root` (following /K only: /P leads back up), and their /Headers. */
function elementIdSlots(root: PDFDict): IdSlot[] {
  const slots: IdSlot[] = [];
  const seen = new Set<PDFDict>();
  const visit = (object: PDFObject | undefined) => {
    if (object instanceof PDFArray) return object.asArray().forEach((_, i) => visit(object.lookup(i)));
    if (!(object instanceof PDFDict) || seen.has(object)) return;
    seen.add(object);
    slots.push(...stringSlots(object, 'ID'));
    const attributes = object.lookup(PDFName.of('A'));
    for (const a of attributes instanceof PDFArray ? attributes.asArray().map((_, i) => attributes.lookup(i)) : [attributes]) {
      const headers = a instanceof PDFDict ? a.lookup(PDFName.of('Headers')) : undefined;
      if (headers instanceof PDFArray) slots.push(...arraySlots(headers, (_, i) => i));
    }
    visit(object.lookup(PDFName.of('K')));
  };
  visit(root.lookup(PDFName.of('K')));
  return slots;
}

/** The keys of a name tree (every other entry of each /Names) and its /Limits. */
function nameTreeSlots(node: PDFDict | undefined): IdSlot[] {
  if (!node) return [];
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  const limits = node.lookupMaybe(PDFName.of('Limits'), PDFArray);
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  return [
    ...(names ? arraySlots(names, (_, i) => (i % 2 === 0 ? i : undefined)) : []),
    ...(limits ? arraySlots(limits, (_, i) => i) : []),
    ...(kids ? kids.asArray().flatMap((_, i) => nameTreeSlots(kids.lookupMaybe(i, PDFDict))) : []),
  ];
}

/** The entry `key` of `dict`, when it is a node id. */
function stringSlots(dict: PDFDict, key: string): IdSlot[] {
  const id = nodeId(dict.get(PDFName.of(key)));
  return id === undefined ? [] : [{ id, set: (name) => dict.set(PDFName.of(key), PDFString.of(name)) }];
}

/** The entries of `array` at the indexes `pick` chooses, when they are node ids. */
function arraySlots(array: PDFArray, pick: (value: PDFObject, index: number) => number | undefined): IdSlot[] {
  return array.asArray().flatMap((value, i) => {
    const at = pick(value, i);
    const id = at === undefined ? undefined : nodeId(value);
    return id === undefined ? [] : [{ id, set: (name: string) => array.set(at!, PDFString.of(name)) }];
  });
}

function nodeId(value: PDFObject | undefined): string | undefined {
  const text = value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
  return text !== undefined && NODE_ID.test(text) ? text : undefined;
}
